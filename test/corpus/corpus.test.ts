/**
 * The regression suite that matters: every doc set under ../shared/corpus
 * (each folder with a `resources` folder), generated once per test run
 * (corpus-run.ts). For each: no errors, every documented type, enum and base
 * type declared, properties and their types faithful to the pages, no
 * reference left unresolved when a page of the corpus defines its target,
 * and byte-identical output for shuffled input. Type-checking the output is
 * in typecheck.test.ts, the examples in test/examples/corpus.test.ts.
 * Skipped, with a message, when ../shared is absent.
 */
import { posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../generator/diagnostics.js';
import type { TypeExpr } from '../../generator/model/ir.js';
import { quirkNames } from '../../generator/model/quirks.js';
import { discoverCorpora, noCorporaMessage, scanPage, type Corpus } from './corpus.js';
import { corpusRuns, sha256, type CorpusRun } from './corpus-run.js';
import { measureFidelity, percent, type Fidelity } from './fidelity.js';

const corpora = discoverCorpora();
if (corpora.length === 0) {
  console.warn(noCorporaMessage);
  describe.skip(noCorporaMessage, () => it('needs ../shared/corpus', () => undefined));
}

function unknownNames(type: TypeExpr): string[] {
  if (type.kind === 'unknown') return [type.written];
  if (type.kind === 'collection') return unknownNames(type.element);
  return [];
}

/** References typed `unknown` although a page of the corpus defines what they name or link to. */
function unresolvedButDefined(run: CorpusRun): string[] {
  // Names the corpus defines: bare (lower case) and, for annotated types, qualified; and the pages that define a type.
  const defined = new Set<string>();
  const definingPages = new Set<string>();
  for (const page of run.pages) {
    const scanned = scanPage(page);
    const enumTitle = /^#\s+`?(\w+)`?\s+enum/im.exec(page.text)?.[1];
    if (scanned.resourceType) {
      defined.add(scanned.resourceType.toLowerCase());
      defined.add(scanned.resourceType.split('.').pop()?.toLowerCase() ?? '');
    }
    for (const name of scanned.enumSections) defined.add(name.toLowerCase());
    if (scanned.isEnumPage && enumTitle) defined.add(enumTitle.toLowerCase());
    if (scanned.resourceType || (scanned.isEnumPage && enumTitle)) definingPages.add(page.path.toLowerCase());
  }
  const unresolved: string[] = [];
  for (const declaration of run.model.declarations) {
    if (declaration.kind !== 'object') continue;
    for (const property of declaration.properties) {
      for (const written of unknownNames(property.type)) {
        // The last word of what was written: a bare name is looked up as such, a qualified one as qualified.
        const name = (written.replace(/[*`[\]]/g, '').replace(/\s+collection$/i, '').trim().split(/\s+/).pop() ?? '').toLowerCase();
        if (defined.has(name)) unresolved.push(`${property.origin.file}:${property.origin.line} ${property.name}: ${written}`);
      }
    }
  }
  for (const d of run.diagnostics) {
    const target = d.code === 'unresolved-link' ? /^Link target "([^"#]*)/.exec(d.message)?.[1] : undefined;
    if (!target || /^[a-z]+:|^\//i.test(target)) continue;
    const path = posix.normalize(posix.join(posix.dirname(d.file), target)).toLowerCase();
    if (definingPages.has(path)) unresolved.push(`${d.file}:${d.line} links to ${target}, which defines a type`);
  }
  return unresolved;
}

describe.each(corpora)('corpus $name', (corpus: Corpus) => {
  let run: CorpusRun;
  let fidelity: Fidelity;

  beforeAll(async () => {
    const runs = await corpusRuns(corpora);
    run = runs.find((r) => r.corpus.name === corpus.name) as CorpusRun;
    fidelity = measureFidelity(run.pages, run.model, run.diagnostics);
    const objects = run.model.declarations.filter((d) => d.kind === 'object');
    const byCode = new Map<string, number>();
    for (const d of run.diagnostics) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
    console.log(
      [
        `${corpus.name}: pages ${run.pages.length}, declarations ${run.model.declarations.length} (${objects.length} interfaces, ${run.model.declarations.length - objects.length} enums), properties ${objects.reduce((n, d) => n + d.properties.length, 0)}, ${Math.round(run.durationMs)} ms`,
        `diagnostics ${run.diagnostics.length}:`,
        ...[...byCode.entries()].sort().map(([code, count]) => `  ${code} ${count}`),
        'doc-quirk rules fired (pages):',
        ...quirkNames.filter((name) => run.quirks[name] !== undefined).map((name) => `  ${name} ${run.quirks[name] ?? 0}`),
      ].join('\n'),
    );
  });

  it('generates every file with zero errors', () => {
    expect(countBySeverity(run.diagnostics).error).toBe(0);
    expect(run.files.has('index.ts')).toBe(true);
    expect(run.files.size).toBeGreaterThan(3);
  });

  it('declares every annotated type, every page with a properties table (or says why not), every enum page and enum section', () => {
    expect(fidelity.typesPresent.misses).toEqual([]);
    expect(fidelity.propertyTablePagesDeclared.misses).toEqual([]);
    expect(fidelity.enumPagesPresent.misses).toEqual([]);
    expect(fidelity.enumSectionsPresent.misses).toEqual([]);
    expect(fidelity.typesPresent.checked).toBeGreaterThan(500);
  });

  it('emits every base type the prose states (derived page, derived-types section or sentence), or reports the disagreement', () => {
    expect(fidelity.statedBasesRight.misses).toEqual([]);
    expect(fidelity.statedBasesRight.checked).toBeGreaterThan(100);
  });

  it('keeps at least 99% of mentioned properties, with the documented type and annotated base', () => {
    expect(percent(fidelity.propertiesPresent)).toBeGreaterThanOrEqual(99);
    expect(percent(fidelity.propertyTypesRight)).toBeGreaterThanOrEqual(99);
    expect(percent(fidelity.baseTypesRight)).toBeGreaterThanOrEqual(98);
  });

  it('takes no `$filter` operator for a documented value (only the sentence that lists the values counts)', () => {
    const operators = new Set(['eq', 'ne', 'NOT', 'not', 'ge', 'le', 'gt', 'lt', 'startsWith', 'endsWith']);
    const found = run.model.declarations.flatMap((d) =>
      d.kind === 'object' ? d.properties.filter((p) => (p.knownValues ?? []).some((v) => operators.has(v))).map((p) => `${p.origin.file}:${p.origin.line} ${p.name}: ${(p.knownValues ?? []).join(' | ')}`) : [],
    );
    expect(found).toEqual([]);
  });

  it('leaves no reference unresolved when a page of the corpus defines its target', () => {
    expect(unresolvedButDefined(run)).toEqual([]);
  });

  it('is deterministic: the pages in shuffled order give byte-identical files and diagnostics', () => {
    expect([...run.shuffled.files.keys()]).toEqual([...run.files.keys()]);
    const differing = [...run.files].filter(([path, text]) => run.shuffled.files.get(path) !== sha256(text)).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(run.shuffled.diagnostics).toBe(sha256(JSON.stringify(run.diagnostics)));
  });
});
