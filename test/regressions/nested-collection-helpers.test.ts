/**
 * Regression (issue 8): a Type cell naming a collection of collections
 * (`routingPolicy collection collection`) made the validators module declare
 * one helper name twice, because a helper's name was computed before the
 * nested helper it needs had registered its own. The output did not compile
 * and check-examples crashed. Names now come from the module's registry,
 * taken before a helper's body is built.
 *
 * The model now reads "collection collection" as one collection (OData has no
 * collection of collections; the `repeated-collection` quirk rule), so the
 * emitter's side is tested on a model built by hand with nested collections,
 * as another reading of another doc set could still produce.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model, ObjectDeclaration, TypeExpr } from '../../generator/model/ir.js';
import { generate } from '../../generator/pipeline.js';
import { resourcePage } from '../helpers/pages.js';
import { typeCheck } from '../helpers/typecheck.js';
import { compileModel, pathsAndCodes, type Compiled } from '../validators/harness.js';

const page = (name: string, rows: readonly string[]) => resourcePage('microsoft.graph', name, rows);

const pages = [
  { path: 'routing.md', text: page('routing', ['|policies|routingPolicy collection|Rules, in groups.|', '|grid|Int32 collection|Numbers, in rows.|', '|cube|String collection|Three levels.|', '|flat|routingPolicy collection|Rules.|']) },
  { path: 'routingpolicy.md', text: page('routingPolicy', ['|name|String|The rule.|']) },
];

const nest = (type: TypeExpr, levels: number): TypeExpr => (levels === 0 ? type : { kind: 'collection', element: nest(type, levels - 1) });

/** The pages' model, with `policies` and `grid` made collections of collections and `cube` three levels deep. */
function nestedModel(): Model {
  const { model } = generate(pages);
  const deeper: Readonly<Record<string, number>> = { policies: 1, grid: 1, cube: 2 };
  const declarations = model.declarations.map((d): typeof d => {
    if (d.kind !== 'object' || d.name !== 'routing') return d;
    const object: ObjectDeclaration = { ...d, properties: d.properties.map((p) => ({ ...p, type: nest(p.type, deeper[p.name] ?? 0) })) };
    return object;
  });
  return { ...model, declarations };
}

let compiled: Compiled;
beforeAll(async () => {
  compiled = await compileModel(nestedModel());
});
afterAll(() => compiled?.dispose());

it('reads "routingPolicy collection collection" in the docs as one collection', () => {
  const { model } = generate([{ path: 'routing.md', text: page('routing', ['|policies|routingPolicy collection collection|Rules.|']) }, pages[1] as (typeof pages)[number]]);
  const routing = model.declarations.find((d) => d.name === 'routing');
  expect(routing?.kind === 'object' ? routing.properties[0]?.type : undefined).toEqual({ kind: 'collection', element: { kind: 'ref', id: 'microsoft.graph.routingPolicy' } });
});

describe('collections of collections', () => {
  it('emit validators that declare every name once and type-check under the strict flags', () => {
    const text = compiled.result.files.get('microsoft.graph.validators.ts') ?? '';
    const declared = [...text.matchAll(/^(?:export )?(?:function|const) (\$?\w+)/gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(8);
    expect(declared.filter((name, index) => declared.indexOf(name) !== index)).toEqual([]);
    expect(typeCheck(compiled.result.files)).toEqual([]);
  });

  it('accept nested arrays of the right types and report each wrong element at its path', () => {
    const validate = compiled.validate('Routing');
    const valid = { policies: [[{ name: 'a' }], []], grid: [[1, 2], [3]], cube: [[['x']]], flat: [{ name: 'b' }] };
    expect(validate(valid)).toEqual([]);
    expect(compiled.is('Routing')(valid)).toBe(true);
    const invalid = { policies: [[{ name: 1 }], {}], grid: [[1, 'two'], 3], cube: [[['x', 2]]], flat: [[{ name: 'b' }]] };
    expect(pathsAndCodes(validate(invalid))).toEqual([
      { path: '/cube/0/0/1', code: 'type' },
      { path: '/flat/0', code: 'type' },
      { path: '/grid/0/1', code: 'type' },
      { path: '/grid/1', code: 'type' },
      { path: '/policies/0/0/name', code: 'type' },
      { path: '/policies/1', code: 'type' },
    ]);
    expect(compiled.is('Routing')(invalid)).toBe(false);
  });
});
