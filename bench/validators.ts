/**
 * `npm run bench:validators`: throughput of the generated isX / validateX
 * against ajv compiled from our own JSON Schema output, for the same types
 * and payloads. Valid payloads are the corpus's own examples (read at run
 * time from ../shared; the seed type without it); invalid ones are the same
 * with a few fields broken. Prints ops/s and the ratios per case, and their
 * geometric means. BENCH_ROUNDS, BENCH_ROUND_MS and BENCH_WARMUP_MS tune the
 * timing (see `measureAll`); BENCH_PAYLOADS=valid or BENCH_PAYLOADS=invalid
 * times only that kind of payload (quicker, while working on one side; the
 * geometric means then cover that side only).
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

/**
 * Timing on a noisy machine: every function is warmed up first (so that V8
 * has optimised it), then the functions of one case are timed in rounds,
 * interleaved (round 1 of each, round 2 of each, ...) so that a slow spell
 * of the machine hits all of them alike. A case's ops/s is the median over
 * its rounds; a ratio is the median of the per-round ratios (paired, so that
 * drift between rounds cancels out).
 */
const warmupMs = Number(process.env['BENCH_WARMUP_MS'] ?? 300);
const roundMs = Number(process.env['BENCH_ROUND_MS'] ?? 120);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 9);
const payloadKinds = process.env['BENCH_PAYLOADS'] === 'valid' ? ['valid'] : process.env['BENCH_PAYLOADS'] === 'invalid' ? ['invalid'] : ['valid', 'invalid'];

let sink = 0;

/** Runs `fn` for at least `ms` milliseconds; returns ops/s. */
function timed(fn: () => unknown, ms: number): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) if (fn()) sink++;
    runs += 200;
    elapsed = performance.now() - start;
  }
  return (runs / elapsed) * 1000;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Ops/s per function (median of rounds) and the per-round samples, for paired ratios. */
function measureAll<K extends string>(fns: Readonly<Record<K, () => unknown>>): { ops: Record<K, number>; samples: Record<K, number[]> } {
  const names = Object.keys(fns) as K[];
  for (const name of names) timed(fns[name], warmupMs);
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round, so that no function is always timed first.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as K;
      samples[name].push(timed(fns[name], roundMs));
    }
  }
  const ops = Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>;
  return { ops, samples };
}

/** Median of the per-round ratios a[i] / b[i]. */
const pairedRatio = (a: readonly number[], b: readonly number[]): number => median(a.map((x, i) => x / (b[i] ?? Number.NaN)));

const geometric = (xs: readonly number[]): number => Math.exp(xs.reduce((sum, x) => sum + Math.log(x), 0) / Math.max(1, xs.length));

const format = (n: number) => `${Math.round(n).toLocaleString('en-US')}`.padStart(12);
const times = (x: number, width: number) => `${x.toFixed(2)}x`.padStart(width);

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

  console.log(`Node ${process.version}; ${corpusAvailable ? 'corpus' : 'specs only'}; ops/s (higher is better), median of ${rounds} interleaved rounds of ${roundMs} ms after ${warmupMs} ms warm-up; ratios are medians of per-round ratios\n`);
  console.log(`${'type'.padEnd(30)}${'payload'.padEnd(9)}${'isX'.padStart(12)}${'validateX'.padStart(12)}${'ajv'.padStart(12)}${'ajv all'.padStart(12)}${'isX/ajv'.padStart(10)}${'validateX/ajv'.padStart(15)}${'validateX/ajv-all'.padStart(19)}`);
  const ratios = { validIs: [] as number[], validValidate: [] as number[], invalidValidate: [] as number[] };
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
        if (!payloadKinds.includes(label)) continue;
        const expectValid = label === 'valid';
        if (is(payload) !== expectValid || ajv(payload) !== expectValid || ajvAll(payload) !== expectValid || (validate(payload).length === 0) !== expectValid) {
          throw new Error(`${id} ${label}: validators and ajv disagree with the label`);
        }
        const { ops, samples } = measureAll({
          is: () => is(payload),
          validate: () => validate(payload).length === 0,
          ajv: () => ajv(payload),
          ajvAll: () => ajvAll(payload),
        });
        const isRatio = pairedRatio(samples.is, samples.ajv);
        const validateRatio = pairedRatio(samples.validate, samples.ajv);
        const validateAllRatio = pairedRatio(samples.validate, samples.ajvAll);
        if (expectValid) {
          ratios.validIs.push(isRatio);
          ratios.validValidate.push(validateRatio);
        } else {
          ratios.invalidValidate.push(validateAllRatio);
        }
        console.log(
          `${declaration.name.padEnd(30)}${label.padEnd(9)}${format(ops.is)}${format(ops.validate)}${format(ops.ajv)}${format(ops.ajvAll)}${times(isRatio, 10)}${times(validateRatio, 15)}${times(validateAllRatio, 19)}`,
        );
      }
    }
  } finally {
    loaded.dispose();
  }
  const verdict = (x: number, target: number) => (x >= target ? 'met' : 'NOT met');
  const validIs = geometric(ratios.validIs);
  const validValidate = geometric(ratios.validValidate);
  const invalidValidate = geometric(ratios.invalidValidate);
  console.log(`\nGeometric means over ${ratios.validIs.length} types:`);
  console.log(`  valid payloads    isX/ajv                ${times(validIs, 7)}  (target >= 1.5x: ${verdict(validIs, 1.5)})`);
  console.log(`  valid payloads    validateX/ajv          ${times(validValidate, 7)}  (target >= 1.5x: ${verdict(validValidate, 1.5)})`);
  console.log(`  invalid payloads  validateX/ajv allErrors${times(invalidValidate, 7)}  (target >= 1x: ${verdict(invalidValidate, 1)})`);
  if (sink < 0) console.log(sink); // keeps the results alive
}

await main();
