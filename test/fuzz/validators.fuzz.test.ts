/**
 * Property-based tests of the generated validators: values generated from the
 * model itself are accepted, and any single-property mutation to a value of
 * the wrong kind is rejected with exactly one issue, at that property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration, EnumDeclaration, Model, ObjectDeclaration, Property, TypeExpr } from '../../generator/model/ir.js';
import type { ValidationIssue } from '../../generator/runtime/validation.js';
import { compile, readSpecPages, type Compiled } from '../validators/harness.js';

const fixturesDir = new URL('../validators/fixtures', import.meta.url).pathname;
const seed = 20261125;
let compiled: Compiled;

beforeAll(async () => {
  compiled = await compile(readSpecPages(fixturesDir));
});
afterAll(() => compiled.dispose());

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });
const integer = (min: number, max: number) => fc.integer({ min, max });

function primitive(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
    case 'Stream':
      return fc.string({ maxLength: 8 });
    case 'Boolean':
      return fc.boolean();
    case 'Byte':
      return integer(0, 255);
    case 'SByte':
      return integer(-128, 127);
    case 'Int16':
      return integer(-32768, 32767);
    case 'Int32':
      return integer(-2147483648, 2147483647);
    case 'Int64':
      return fc.maxSafeInteger();
    case 'Single':
    case 'Double':
    case 'Decimal':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Guid':
      return fc.uuid();
    case 'DateTimeOffset':
      return date.map((d) => d.toISOString());
    case 'Date':
      return date.map((d) => d.toISOString().slice(0, 10));
    case 'TimeOfDay':
      return fc.tuple(integer(0, 23), integer(0, 59), integer(0, 59)).map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`);
    case 'Duration':
      return fc.tuple(integer(0, 30), integer(0, 23)).map(([d, h]) => `P${d}DT${h}H`);
    case 'Binary':
      return fc.uint8Array({ maxLength: 12 }).map((bytes) => Buffer.from(bytes).toString('base64'));
    default:
      throw new Error(`no arbitrary for ${name}`);
  }
}

/** Properties an object has through its base chain. */
function effectiveProperties(byId: ReadonlyMap<string, Declaration>, object: ObjectDeclaration): Property[] {
  const chain: ObjectDeclaration[] = [];
  for (let current: Declaration | undefined = object; current?.kind === 'object'; current = current.baseId ? byId.get(current.baseId) : undefined) chain.unshift(current);
  const byName = new Map<string, Property>();
  for (const o of chain) for (const p of o.properties) byName.set(p.name, p);
  return [...byName.values()];
}

function arbitraries(model: Model) {
  const byId = new Map(model.declarations.map((d) => [d.id, d]));
  const all = fc.letrec<Record<string, unknown>>((tie) => {
    const result: Record<string, fc.Arbitrary<unknown>> = {};
    for (const declaration of model.declarations) {
      if (declaration.kind === 'enum') {
        result[declaration.id] = enumValue(declaration);
        continue;
      }
      const properties = effectiveProperties(byId, declaration).filter((p) => p.type.kind !== 'unknown');
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const property of properties) {
        let value = typeArbitrary(property.type, tie);
        if (property.type.kind !== 'collection' && property.facets.nullable !== false) value = fc.option(value, { nil: null, freq: 5 });
        record[property.name] = value;
      }
      result[declaration.id] = fc.record(record, { requiredKeys: [] });
    }
    return result;
  });
  return (id: string): fc.Arbitrary<unknown> => all[id] as fc.Arbitrary<unknown>;
}

function enumValue(declaration: EnumDeclaration): fc.Arbitrary<unknown> {
  return declaration.members.length === 0 ? fc.string() : fc.constantFrom(...declaration.members.map((m) => m.name));
}

function typeArbitrary(type: TypeExpr, tie: (id: string) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'primitive':
      return primitive(type.name);
    case 'ref':
      // Bounded recursion: deeper levels are mostly absent.
      return fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(undefined), tie(type.id)).filter((v) => v !== undefined);
    case 'collection':
      return fc.array(typeArbitrary(type.element, tie), { maxLength: 3 });
    case 'unknown':
      return fc.anything();
  }
}

/** A value of the wrong kind for a property of this type. */
function wrongKind(type: TypeExpr): unknown {
  if (type.kind === 'collection') return 'not a collection';
  if (type.kind === 'primitive') return type.name === 'String' || type.name === 'Stream' || type.name === 'Guid' || type.name.includes('Date') || type.name === 'TimeOfDay' || type.name === 'Duration' || type.name === 'Binary' ? 12 : 'not a number or boolean';
  return 12;
}

const pointer = (name: string) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

describe('generated validators, by property', () => {
  it('accept values generated from the model, and reject each single-property mutation at that property (1,000 values per type)', () => {
    const { model, naming } = compiled.result;
    const byId = new Map(model.declarations.map((d) => [d.id, d]));
    const of = arbitraries(model);
    const closed = model.declarations.filter((d): d is ObjectDeclaration => d.kind === 'object' && !d.open);
    expect(closed.length).toBeGreaterThan(3);
    // The generated values are not trivially empty: on average they carry several properties.
    const device = closed.find((d) => d.name === 'device');
    const sizes = fc.sample(of(device?.id ?? ''), { seed, numRuns: 200 }).map((v) => Object.keys(v as object).length);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(5);
    for (const declaration of closed) {
      const name = naming.typeNames[declaration.id] ?? '';
      const validate = compiled.validate(name);
      const is = compiled.is(name);
      const mutable = effectiveProperties(byId, declaration).filter((p) => p.type.kind !== 'unknown');
      fc.assert(
        fc.property(of(declaration.id), fc.nat(), (value, pick) => {
          expect(validate(value), name).toEqual([]);
          expect(is(value)).toBe(true);
          if (mutable.length === 0) return;
          const property = mutable[pick % mutable.length] as Property;
          const spoiled = { ...(value as object), [property.name]: wrongKind(property.type) };
          const issues = validate(spoiled);
          expect(issues.map((i) => i.path), `${name}.${property.name}`).toEqual([pointer(property.name)]);
          expect(is(spoiled)).toBe(false);
        }),
        { seed, numRuns: 1_000 },
      );
    }
  });

  it('report from what the boolean check recorded exactly what a fresh walk reports, with up to three properties spoilt (300 values per type)', () => {
    const { model, naming } = compiled.result;
    const byId = new Map(model.declarations.map((d) => [d.id, d]));
    const of = arbitraries(model);
    const byPath = (issues: readonly ValidationIssue[]) => [...issues].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const declaration of model.declarations.filter((d): d is ObjectDeclaration => d.kind === 'object' && !d.open)) {
      const name = naming.typeNames[declaration.id] ?? '';
      const validate = compiled.validate(name);
      const is = compiled.is(name);
      const mutable = effectiveProperties(byId, declaration).filter((p) => p.type.kind !== 'unknown');
      if (mutable.length === 0) continue;
      fc.assert(
        fc.property(of(declaration.id), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (value, picks) => {
          const spoiled: Record<string, unknown> = { ...(value as object) };
          for (const pick of picks) {
            const property = mutable[pick % mutable.length] as Property;
            // Defined, not assigned: `__proto__` is a documented name too.
            Object.defineProperty(spoiled, property.name, { value: wrongKind(property.type), enumerable: true, writable: true, configurable: true });
          }
          const issues = validate(spoiled);
          expect(issues.length, name).toBeGreaterThan(0);
          expect(is(spoiled)).toBe(false);
          // An object whose prototype is not Object.prototype: the check leaves it to the interpreter, which walks it
          // afresh by its own keys (in their order, hence the sorting).
          const notPlain: unknown = Object.create(Object.create(Object.prototype) as object, Object.getOwnPropertyDescriptors(spoiled));
          expect(byPath(issues), name).toEqual(byPath(validate(notPlain)));
        }),
        { seed, numRuns: 300 },
      );
    }
  });
});
