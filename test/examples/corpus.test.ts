/**
 * check-examples and the JSON Schema output on every corpus under
 * ../shared/corpus that has API pages: their examples against the validators
 * generated from its resource pages (the corpus run shared with the other
 * corpus tests, see test/corpus/corpus-run.ts). Skipped, with a message,
 * when no such corpus is present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaceFileStem } from '../../generator/emit/index.js';
import { jsonSchemaFileName } from '../../generator/emit/json-schema.js';
import { checkExamplesWith, formatProblems, resolveExampleType, summaryLine, type CheckReport } from '../../generator/examples/check-examples.js';
import { findExamples } from '../../generator/examples/find-examples.js';
import { transpileToTemp, type LoadedModules } from '../../generator/examples/load-validators.js';
import { jsonValue } from '../../generator/extract.js';
import type { ValidationIssue } from '../../generator/runtime/validation.js';
import { discoverCorpora, noCorporaMessage, readPages, type Corpus } from '../corpus/corpus.js';
import { corpusRuns, type CorpusRun } from '../corpus/corpus-run.js';
import { loadSchemas } from '../validators/ajv.js';

const corpora = discoverCorpora();
const withExamples = corpora.filter((c) => c.api !== undefined);
/**
 * The corpus whose JSON Schema is compared with the validators: ajv compiling every definition takes about a
 * minute per thousand types, so once is enough; the newest v1.0 when present.
 */
const schemaCorpus = withExamples.find((c) => c.name === 'graph-docs-2021-07-v1.0') ?? withExamples[0];
if (withExamples.length === 0) describe.skip(noCorporaMessage, () => it('needs ../shared/corpus/*/api', () => undefined));

describe.each(withExamples)('corpus $name', (corpus: Corpus) => {
  let run: CorpusRun;
  let report: CheckReport;
  let loaded: LoadedModules;
  const apiPages = readPages(corpus.api ?? '');

  beforeAll(async () => {
    run = (await corpusRuns(corpora)).find((r) => r.corpus.name === corpus.name) as CorpusRun;
    report = await checkExamplesWith(run, apiPages);
    loaded = transpileToTemp(run.files);
  }, 600_000);
  afterAll(() => loaded?.dispose());

  it('check-examples completes (exit 0 or 1, never an internal error), and its counts add up', () => {
    const { counts } = report;
    console.log(`${corpus.name}: ${summaryLine(counts)}`);
    expect(counts.found).toBe(counts.checked + counts.skipped);
    expect(counts.checked).toBe(counts.passed + counts.failed);
    expect(Object.values(counts.skippedBy).reduce((a, b) => a + b, 0)).toBe(counts.skipped);
    expect(counts.checked).toBeGreaterThan(500);
    // Every problem line has the documented shape, and no validator failed unexpectedly.
    const problems = formatProblems(report.results, '');
    expect(problems.filter((l) => !/^\S+\.md:\d+:\d+ {2}.+ {2}\([^)]*\)$/.test(l))).toEqual([]);
    expect(report.results.flatMap((r) => r.problems).filter((p) => p.code === 'internal')).toEqual([]);
  });

  it.skipIf(corpus !== schemaCorpus)('JSON Schema: ajv compiles every definition (2020-12, strict) and accepts the same examples as the generated validators', async () => {
    const schemas = loadSchemas(run.files);
    const byId = new Map(run.model.declarations.map((d) => [d.id, d]));
    for (const declaration of run.model.declarations) schemas.compile(jsonSchemaFileName(declaration.namespace, namespaceFileStem), declaration.name);
    const lowerIds = new Map([...byId.keys()].map((id) => [id.toLowerCase(), id]));
    const modules = new Map<string, Readonly<Record<string, unknown>>>();
    let compared = 0;
    let accepted = 0;
    const disagreements: string[] = [];
    for (const page of apiPages) {
      for (const example of findExamples(page.path, page.text)) {
        if (example.body.kind !== 'json' || example.typeName === undefined) continue;
        const resolved = resolveExampleType(example.typeName, byId, lowerIds);
        if (resolved.kind !== 'declaration') continue;
        const { declaration } = resolved;
        const modulePath = `${namespaceFileStem(declaration.namespace)}.validators.ts`;
        let module = modules.get(modulePath);
        if (!module) modules.set(modulePath, (module = await loaded.load(modulePath)));
        const validate = module[`validate${run.naming.typeNames[declaration.id] ?? ''}`] as (value: unknown) => ValidationIssue[];
        const schema = schemas.compile(jsonSchemaFileName(declaration.namespace, namespaceFileStem), declaration.name);
        const body = jsonValue(example.body.json);
        const items = resolved.collection || example.isCollection ? (body as Record<string, unknown> | null)?.['value'] : [body];
        if (!Array.isArray(items)) continue;
        for (const item of items) {
          const ours = validate(item).length === 0;
          if (ours) accepted++;
          if (schema(item) !== ours) disagreements.push(`${example.file}:${example.line} ${declaration.id}: validators ${ours ? 'accept' : 'reject'}, schema ${ours ? 'rejects' : 'accepts'}`);
          compared++;
        }
      }
    }
    console.log(`${corpus.name}: JSON Schema: ${run.model.declarations.length} definitions compiled; ${compared} example values compared, ${accepted} accepted, ${disagreements.length} disagreements`);
    expect(compared).toBeGreaterThan(500);
    expect(disagreements).toEqual([]);
  }, 600_000);
});
