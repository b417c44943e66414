/** Printing type expressions, and the shared type-mapping policy (primitives, nullability). */
import { describe, expect, it } from 'vitest';
import { isNullable, primitiveTypeScript } from '../../generator/emit/policy.js';
import { printType, type RefPrinter } from '../../generator/emit/type-printer.js';
import { propertyType } from '../../generator/emit/types.js';
import { edmPrimitives, type EdmPrimitive, type Facets, type Property, type TypeExpr } from '../../generator/model/ir.js';
import { defaultEmitOptions, type EmitOptions } from '../../generator/options.js';

const names: Readonly<Record<string, string>> = { 'microsoft.graph.user': 'User', 'microsoft.graph.callRecords.session': 'callRecords.Session' };
const ref: RefPrinter = (id) => names[id] ?? `<${id}>`;
const options = (overrides: Partial<EmitOptions> = {}): EmitOptions => ({ ...defaultEmitOptions, ...overrides });

const primitive = (name: EdmPrimitive): TypeExpr => ({ kind: 'primitive', name });
const collection = (element: TypeExpr): TypeExpr => ({ kind: 'collection', element });
const reference = (id: string): TypeExpr => ({ kind: 'ref', id });
const unknown: TypeExpr = { kind: 'unknown', written: 'Strng' };

describe('primitives under the default options', () => {
  const cases: { given: EdmPrimitive; want: string }[] = [
    { given: 'Binary', want: 'string' },
    { given: 'Boolean', want: 'boolean' },
    { given: 'Byte', want: 'number' },
    { given: 'Date', want: 'string' },
    { given: 'DateTimeOffset', want: 'string' },
    { given: 'Decimal', want: 'number' },
    { given: 'Double', want: 'number' },
    { given: 'Duration', want: 'string' },
    { given: 'Guid', want: 'string' },
    { given: 'Int16', want: 'number' },
    { given: 'Int32', want: 'number' },
    { given: 'Int64', want: 'number' },
    { given: 'SByte', want: 'number' },
    { given: 'Single', want: 'number' },
    { given: 'Stream', want: 'string' },
    { given: 'String', want: 'string' },
    { given: 'TimeOfDay', want: 'string' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect({ mapped: primitiveTypeScript(given, defaultEmitOptions), printed: printType(primitive(given), ref, defaultEmitOptions) }).toEqual({ mapped: want, printed: want });
  });

  it('cover every Edm primitive', () => {
    expect(cases.map((c) => c.given)).toEqual([...edmPrimitives]);
  });
});

describe('primitive mappings under options', () => {
  const cases: { rule: string; given: EdmPrimitive; options: Partial<EmitOptions>; want: string }[] = [
    { rule: 'Int64 as string', given: 'Int64', options: { int64Mapping: 'string' }, want: 'string' },
    { rule: 'Int64 as number or string', given: 'Int64', options: { int64Mapping: 'number-or-string' }, want: 'number | string' },
    { rule: 'Int32 unaffected by the Int64 mapping', given: 'Int32', options: { int64Mapping: 'string' }, want: 'number' },
    { rule: 'branded DateTimeOffset', given: 'DateTimeOffset', options: { dateMapping: 'branded' }, want: "string & { readonly __format?: 'date-time' }" },
    { rule: 'branded Date', given: 'Date', options: { dateMapping: 'branded' }, want: "string & { readonly __format?: 'date' }" },
    { rule: 'branded TimeOfDay', given: 'TimeOfDay', options: { dateMapping: 'branded' }, want: "string & { readonly __format?: 'time' }" },
    { rule: 'branded Duration', given: 'Duration', options: { dateMapping: 'branded' }, want: "string & { readonly __format?: 'duration' }" },
    { rule: 'String unaffected by branding', given: 'String', options: { dateMapping: 'branded' }, want: 'string' },
  ];
  it.each(cases)('$rule', ({ given, options: overrides, want }) => {
    expect(primitiveTypeScript(given, options(overrides))).toEqual(want);
  });
});

describe('printType', () => {
  const cases: { rule: string; given: TypeExpr; options?: Partial<EmitOptions>; nullable: boolean; want: string }[] = [
    { rule: 'primitive', given: primitive('Int64'), nullable: false, want: 'number' },
    { rule: 'nullable primitive', given: primitive('String'), nullable: true, want: 'string | null' },
    { rule: 'ref', given: reference('microsoft.graph.user'), nullable: false, want: 'User' },
    { rule: 'ref into another namespace', given: reference('microsoft.graph.callRecords.session'), nullable: false, want: 'callRecords.Session' },
    { rule: 'nullable ref', given: reference('microsoft.graph.user'), nullable: true, want: 'User | null' },
    { rule: 'collection', given: collection(primitive('Boolean')), nullable: false, want: 'boolean[]' },
    { rule: 'collection of refs', given: collection(reference('microsoft.graph.user')), nullable: false, want: 'User[]' },
    { rule: 'nested collection', given: collection(collection(primitive('Int32'))), nullable: false, want: 'number[][]' },
    { rule: 'thrice nested collection', given: collection(collection(collection(reference('microsoft.graph.user')))), nullable: false, want: 'User[][][]' },
    { rule: 'nullable collection', given: collection(primitive('String')), nullable: true, want: 'string[] | null' },
    { rule: 'unknown', given: unknown, nullable: false, want: 'unknown' },
    { rule: 'nullable unknown stays unknown', given: unknown, nullable: true, want: 'unknown' },
    { rule: 'collection of unknown', given: collection(unknown), nullable: false, want: 'unknown[]' },
    { rule: 'nullable collection of unknown', given: collection(unknown), nullable: true, want: 'unknown[] | null' },
    { rule: 'union element is parenthesised', given: collection(primitive('Int64')), options: { int64Mapping: 'number-or-string' }, nullable: false, want: '(number | string)[]' },
    { rule: 'nested union element', given: collection(collection(primitive('Int64'))), options: { int64Mapping: 'number-or-string' }, nullable: false, want: '(number | string)[][]' },
    { rule: 'nullable union', given: primitive('Int64'), options: { int64Mapping: 'number-or-string' }, nullable: true, want: 'number | string | null' },
    {
      rule: 'intersection element is parenthesised',
      given: collection(primitive('Date')),
      options: { dateMapping: 'branded' },
      nullable: false,
      want: "(string & { readonly __format?: 'date' })[]",
    },
  ];
  it.each(cases)('$rule', ({ given, options: overrides, nullable, want }) => {
    expect(printType(given, ref, options(overrides), nullable)).toEqual(want);
  });

  it('is not nullable by default', () => {
    expect(printType(primitive('String'), ref, defaultEmitOptions)).toEqual('string');
  });
});

describe('property types and nullability', () => {
  const property = (type: TypeExpr, facets: Facets): Property => ({
    name: 'p',
    type,
    description: '',
    facets,
    navigation: false,
    source: 'table',
    origin: { file: 'x.md', line: 1, column: 1 },
  });
  const cases: { rule: string; type: TypeExpr; facets: Facets; options?: Partial<EmitOptions>; nullable: boolean; want: string }[] = [
    { rule: 'documented, silent docs: nullable', type: primitive('String'), facets: {}, nullable: true, want: 'string | null' },
    { rule: 'documented, nullable', type: primitive('String'), facets: { nullable: true }, nullable: true, want: 'string | null' },
    { rule: 'documented, not nullable', type: primitive('String'), facets: { nullable: false }, nullable: false, want: 'string' },
    { rule: 'documented, ref', type: reference('microsoft.graph.user'), facets: { readOnly: true }, nullable: true, want: 'User | null' },
    { rule: 'collection: nullable unless documented not nullable', type: collection(primitive('String')), facets: {}, nullable: true, want: 'string[] | null' },
    { rule: 'collection documented nullable', type: collection(primitive('String')), facets: { nullable: true }, nullable: true, want: 'string[] | null' },
    { rule: 'collection documented not nullable', type: collection(primitive('String')), facets: { nullable: false }, nullable: false, want: 'string[]' },
    { rule: 'unknown', type: unknown, facets: {}, nullable: true, want: 'unknown' },
    { rule: 'always: not nullable docs ignored', type: primitive('String'), facets: { nullable: false }, options: { nullability: 'always' }, nullable: true, want: 'string | null' },
    { rule: 'always: collections too', type: collection(primitive('String')), facets: { nullable: false }, options: { nullability: 'always' }, nullable: true, want: 'string[] | null' },
    { rule: 'never: nullable docs ignored', type: primitive('String'), facets: { nullable: true }, options: { nullability: 'never' }, nullable: false, want: 'string' },
  ];
  it.each(cases)('$rule', ({ type, facets, options: overrides, nullable, want }) => {
    const p = property(type, facets);
    expect({ nullable: isNullable(p, options(overrides)), printed: propertyType(p, ref, options(overrides)) }).toEqual({ nullable, printed: want });
  });
});
