/**
 * `npm run bench:validators`: throughput of the generated isX / validateX
 * against ajv compiled from our own JSON Schema output, for the same types
 * and payloads. Valid payloads are the corpus's own examples (read at run
 * time from ../shared; the seed type without it); invalid ones are the same
 * with a few fields broken. Prints ops/s and the ratio per case.
 *
 * Both sides use the same format checks (the runtime's `formats`, registered
 * with ajv), so the comparison is of the validation code, not of regexes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveExampleType } from '../generator/examples/check-examples.js';
import { findExamples } from '../generator/examples/find-examples.js';
import { transpileToTemp } from '../generator/examples/load-validators.js';
import { jsonValue } from '../generator/extract.js';
import { generate, type Page } from '../generator/pipeline.js';
import type { ValidationIssue } from '../generator/runtime/validation.js';
import { corpusAvailable, readPages, resourcesDir } from '../test/corpus/corpus.js';
import { loadSchemas } from '../test/validators/ajv.js';

type Is = (value: unknown) => boolean;
type Validate = (value: unknown) => ValidationIssue[];

const projectRoot = join(import.meta.dirname, '..');
const specsPages: Page[] = ['synchronizationerror.md', 'synchronizationtaskexecution.md'].map((path) => ({ path, text: readFileSync(join(projectRoot, 'specs', path), 'utf8') }));
// The seed's pages are not in the corpus: add them (their paths do not collide with corpus pages).
const pages = corpusAvailable ? [...readPages(resourcesDir), ...specsPages.map((p) => ({ ...p, path: `specs/${p.path}` }))] : specsPages;
const apiPages = corpusAvailable ? readPages(join(resourcesDir, '..', 'api')) : [];

const seedValid = {
  '@odata.type': '#microsoft.graph.synchronizationTaskExecution',
  activityIdentifier: 'a3f9c2',
  countEntitled: 12,
  countEntitledForProvisioning: 10,
  countEscrowed: 0,
  countEscrowedRaw: 0,
  countExported: 1024,
  countExports: 3,
  countImported: 2048,
  countImportedDeltas: 7,
  countImportedReferenceDeltas: 1,
  error: { code: 'InvalidCredentials', message: 'Sign-in failed', tenantActionable: true },
  state: 'EntryLevelErrors',
  timeBegan: '2021-07-01T10:00:00.0000000Z',
  timeEnded: '2021-07-01T10:05:30Z',
};
const seedInvalid = { countEntitled: '12', state: 'Running', error: { tenantActionable: 'yes' } };

/** Breaks a valid payload in three places: a string becomes a number, a boolean a string, and an undocumented property appears. */
function spoil(value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const keys = Object.keys(copy).filter((k) => !k.includes('@'));
  const stringKey = keys.find((k) => typeof copy[k] === 'string');
  if (stringKey) copy[stringKey] = 42;
  const booleanKey = keys.find((k) => typeof copy[k] === 'boolean');
  if (booleanKey) copy[booleanKey] = 'yes';
  copy['undocumentedProperty'] = true;
  return copy;
}

function measure(fn: () => unknown, minMs = 400): number {
  for (let i = 0; i < 2000; i++) fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 1000; i++) fn();
    runs += 1000;
    elapsed = performance.now() - start;
  }
  return (runs / elapsed) * 1000;
}

const format = (n: number) => `${Math.round(n).toLocaleString('en-US')}`.padStart(12);

async function main(): Promise<void> {
  const result = generate(pages, { validators: true, jsonSchema: true });
  const loaded = transpileToTemp(result.files);
  const schemas = loadSchemas(result.files);
  const schemasAllErrors = loadSchemas(result.files, { allErrors: true });
  const byId = new Map(result.model.declarations.map((d) => [d.id, d]));
  const lowerIds = new Map([...byId.keys()].map((id) => [id.toLowerCase(), id]));
  const module = await loaded.load('microsoft.graph.validators.ts');

  /** The largest corpus example of a type that our validators accept. */
  const exampleOf = (id: string): unknown => {
    const validate = module[`validate${result.naming.typeNames[id] ?? ''}`] as Validate;
    let best: { value: unknown; size: number } | undefined;
    for (const page of apiPages) {
      for (const example of findExamples(page.path, page.text)) {
        if (example.body.kind !== 'json' || example.typeName === undefined || example.isCollection) continue;
        const resolved = resolveExampleType(example.typeName, byId, lowerIds);
        if (resolved.kind !== 'declaration' || resolved.declaration.id !== id || resolved.collection) continue;
        const value = jsonValue(example.body.json);
        const plain = JSON.parse(JSON.stringify(value)) as unknown; // ordinary objects, as JSON.parse gives them
        const size = JSON.stringify(plain).length;
        if (validate(plain).length === 0 && (!best || size > best.size)) best = { value: plain, size };
      }
    }
    return best?.value;
  };

  const cases: { id: string; valid: unknown; invalid: unknown }[] = [{ id: 'microsoft.graph.synchronizationTaskExecution', valid: seedValid, invalid: seedInvalid }];
  for (const id of ['microsoft.graph.user', 'microsoft.graph.event', 'microsoft.graph.driveItem']) {
    const valid = byId.has(id) ? exampleOf(id) : undefined;
    if (valid !== undefined) cases.push({ id, valid, invalid: spoil(valid) });
  }

  console.log(`Node ${process.version}; ${corpusAvailable ? 'corpus' : 'specs only'}; ops/s (higher is better)\n`);
  console.log(`${'type'.padEnd(34)}${'payload'.padEnd(10)}${'isX'.padStart(12)}${'validateX'.padStart(12)}${'ajv'.padStart(12)}${'ajv all'.padStart(12)}   isX/ajv  validateX/ajv  validateX/ajv-all`);
  const ratios: { valid: number[]; invalid: number[] } = { valid: [], invalid: [] };
  try {
    for (const { id, valid, invalid } of cases) {
      const declaration = byId.get(id);
      if (!declaration) continue;
      const name = result.naming.typeNames[id] ?? '';
      const is = module[`is${name}`] as Is;
      const validate = module[`validate${name}`] as Validate;
      const file = 'microsoft.graph.schema.json';
      const ajv = schemas.compile(file, declaration.name);
      const ajvAll = schemasAllErrors.compile(file, declaration.name);
      for (const [label, payload] of [
        ['valid', valid],
        ['invalid', invalid],
      ] as const) {
        const expectValid = label === 'valid';
        if (is(payload) !== expectValid || ajv(payload) !== expectValid) throw new Error(`${id} ${label}: validators and ajv disagree with the label`);
        const isOps = measure(() => is(payload));
        const validateOps = measure(() => validate(payload));
        const ajvOps = measure(() => ajv(payload));
        const ajvAllOps = measure(() => ajvAll(payload));
        ratios[label].push(validateOps / (expectValid ? ajvOps : ajvAllOps));
        console.log(
          `${declaration.name.padEnd(34)}${label.padEnd(10)}${format(isOps)}${format(validateOps)}${format(ajvOps)}${format(ajvAllOps)}   ${(isOps / ajvOps).toFixed(2).padStart(6)}x  ${(validateOps / ajvOps).toFixed(2).padStart(12)}x  ${(validateOps / ajvAllOps).toFixed(2).padStart(16)}x`,
        );
      }
    }
  } finally {
    loaded.dispose();
  }
  const geometric = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / Math.max(1, xs.length));
  console.log(`\nGeometric mean: valid payloads validateX/ajv ${geometric(ratios.valid).toFixed(2)}x (target ≥ 1.5x); invalid payloads validateX/ajv allErrors ${geometric(ratios.invalid).toFixed(2)}x (target ≥ 1x)`);
}

await main();
