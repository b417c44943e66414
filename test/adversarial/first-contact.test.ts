/**
 * First contact with someone else's doc set: a fixture (first-contact/,
 * written for this test) of the things that stopped a run or broke the output
 * on doc sets the generator had never seen. A namespace spelled in two cases
 * (termStore, termstore), types named like ECMAScript globals (`set`,
 * `record`, `omit`, `map`) that emitted code refers to, one type written in
 * two cases, "X collection collection", a page with a properties
 * table and no type name, an object and an enum of one name, placeholder
 * descriptions, `$filter` operators after the values. The run must generate
 * everything else, report each problem, and compile in both layouts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../generator/diagnostics.js';
import { generate, type Page } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';

const dir = fileURLToPath(new URL('./first-contact', import.meta.url));
const pages: Page[] = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') }));

describe('a doc set never seen before', () => {
  const result = generate(pages, { validators: true, jsonSchema: true });
  const perType = generate(pages, { validators: true, layout: 'type' });

  it('generates everything but what cannot be generated, with no error', () => {
    expect(countBySeverity(result.diagnostics).error).toBe(0);
    // `ab` and `aB`: one type written in two cases, as docs often do; merged, the first page in path order leading.
    expect(result.model.declarations.map((d) => `${d.kind} ${d.id} → ${result.naming.typeNames[d.id]}`)).toEqual([
      'object microsoft.graph.ab → Ab',
      'object microsoft.graph.entity → Entity',
      'object microsoft.graph.map → MapType',
      'object microsoft.graph.omit → OmitType',
      'object microsoft.graph.routing → Routing',
      'object microsoft.graph.routingPolicy → RoutingPolicy',
      'object microsoft.graph.status → Status',
      'object microsoft.graph.termStore.group → Group',
      'object microsoft.graph.termStore.record → RecordType',
      'object microsoft.graph.termStore.set → SetType',
      'object microsoft.graph.termStore.term → Term',
    ]);
  });

  it('reports each problem at its page and line', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'complex-types.md:1 missing-type-name',
      'group.md:16 namespace-case-conflict',
      'status.md:9 duplicate-type',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'info').map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['record.md:11 placeholder-description', 'y-ab.md:15 type-merged']);
  });

  it('reads "collection collection" as one collection, and only the listed values as values', () => {
    const routing = result.model.declarations.find((d) => d.id === 'microsoft.graph.routing');
    const policy = result.model.declarations.find((d) => d.id === 'microsoft.graph.routingPolicy');
    expect(routing?.kind === 'object' ? routing.properties[0]?.type : undefined).toEqual({ kind: 'collection', element: { kind: 'ref', id: 'microsoft.graph.routingPolicy' } });
    expect(policy?.kind === 'object' ? policy.properties[0]?.knownValues : undefined).toEqual(['fast', 'slow']);
  });

  it('emits paths that are unique without regard to case, in both layouts', () => {
    for (const files of [result.files, perType.files]) {
      const lower = [...files.keys()].map((p) => p.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
    }
    expect([...result.files.keys()].filter((p) => /termstore/i.test(p))).toEqual(['microsoft.graph.termStore.schema.json', 'microsoft.graph.termStore.ts', 'microsoft.graph.termStore.validators.ts']);
  });

  it('compiles under --strict in the namespace layout and in the per-type layout', () => {
    expect(typeCheck(new Map([...result.files].filter(([path]) => path.endsWith('.ts'))))).toEqual([]);
    expect(typeCheck(perType.files)).toEqual([]);
  });
});
