/**
 * check-examples and the JSON Schema output on the Graph v1.0 corpus in
 * ../shared: API pages' examples against the resource pages. Skipped, with a
 * message, when the corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaceFileStem } from '../../generator/emit/index.js';
import { jsonSchemaFileName } from '../../generator/emit/json-schema.js';
import { checkExamplesCommand, resolveExampleType } from '../../generator/examples/check-examples.js';
import { findExamples } from '../../generator/examples/find-examples.js';
import { transpileToTemp, type LoadedModules } from '../../generator/examples/load-validators.js';
import { jsonValue } from '../../generator/extract.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import type { ValidationIssue } from '../../generator/runtime/validation.js';
import { corpusAvailable, corpusMissingMessage, readPages, resourcesDir } from '../corpus/corpus.js';
import { loadSchemas } from '../validators/ajv.js';

const apiDir = join(resourcesDir, '..', 'api');
const available = corpusAvailable && existsSync(apiDir);
if (!available) console.warn(corpusMissingMessage);

describe.skipIf(!available)('check-examples on the v1.0 corpus', () => {
  it('completes, and the counts it prints add up', async () => {
    let stdout = '';
    let stderr = '';
    const code = await checkExamplesCommand({ specs: resourcesDir, examples: apiDir, format: 'text' }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.at(-1) ?? '';
    console.log(summary);
    expect(stderr).toBe('');
    const match = /^check-examples: (\d+) examples found, (\d+) checked, (\d+) passed, (\d+) failed, (\d+) skipped \((.*)\)$/.exec(summary);
    expect(match, summary).not.toBeNull();
    const [found, checked, passed, failed, skipped] = (match ?? []).slice(1, 6).map(Number) as [number, number, number, number, number];
    const reasons = (match?.[6] ?? '').split(', ').map((part) => Number(part.split(' ').at(-1)));
    expect(found).toBe(checked + skipped);
    expect(checked).toBe(passed + failed);
    expect(reasons.reduce((a, b) => a + b, 0)).toBe(skipped);
    expect(found).toBeGreaterThan(1500);
    expect(checked).toBeGreaterThan(1000);
    expect(code).toBe(failed > 0 ? 1 : 0);
    // Every problem line has the documented shape: file:line:column  message  (path).
    const problems = lines.slice(0, -1);
    expect(problems.filter((l) => !/^\S+\.md:\d+:\d+ {2}.+ {2}\([^)]*\)$/.test(l))).toEqual([]);
    expect(problems.some((l) => l.includes('validator failed'))).toBe(false);
  });
});

describe.skipIf(!available)('JSON Schema for the v1.0 corpus', () => {
  let result: GenerateResult;
  let loaded: LoadedModules;
  beforeAll(() => {
    result = generate(readPages(resourcesDir), { validators: true, jsonSchema: true });
    loaded = transpileToTemp(result.files);
  });
  afterAll(() => loaded?.dispose());

  it('compiles every definition with ajv (2020-12, strict) and accepts the same examples as the generated validators', async () => {
    const schemas = loadSchemas(result.files);
    const byId = new Map(result.model.declarations.map((d) => [d.id, d]));
    let compiledDefs = 0;
    for (const declaration of result.model.declarations) {
      schemas.compile(jsonSchemaFileName(declaration.namespace, namespaceFileStem), declaration.name);
      compiledDefs++;
    }
    expect(compiledDefs).toBe(result.model.declarations.length);

    const lowerIds = new Map([...byId.keys()].map((id) => [id.toLowerCase(), id]));
    const modules = new Map<string, Readonly<Record<string, unknown>>>();
    let compared = 0;
    let accepted = 0;
    const disagreements: string[] = [];
    for (const page of readPages(apiDir)) {
      for (const example of findExamples(page.path, page.text)) {
        if (example.body.kind !== 'json' || example.typeName === undefined) continue;
        const resolved = resolveExampleType(example.typeName, byId, lowerIds);
        if (resolved.kind !== 'declaration') continue;
        const { declaration } = resolved;
        const modulePath = `${namespaceFileStem(declaration.namespace)}.validators.ts`;
        let module = modules.get(modulePath);
        if (!module) modules.set(modulePath, (module = await loaded.load(modulePath)));
        const validate = module[`validate${result.naming.typeNames[declaration.id] ?? ''}`] as (value: unknown) => ValidationIssue[];
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
    console.log(`JSON Schema: ${compiledDefs} definitions compiled; ${compared} example values compared, ${accepted} accepted, ${disagreements.length} disagreements`);
    expect(compared).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  });
});
