/**
 * `npm run bench:consumer`: what the generated code costs the project that
 * uses it, on the Graph v1.0 corpus (`-- --runs 5` for more runs). Not a
 * test: it asserts nothing; it prints figures, ratios and the targets.
 *
 * - Size of the output: type modules, validators modules, the runtime.
 * - `tsc --noEmit` (strict) of a consumer file that imports only types,
 *   against the types module of an output generated without validators ("the
 *   types module alone"); and of a consumer that imports validators too. Time
 *   is the median wall time of the runs; memory is the peak resident set size
 *   of the compiler's process (median of the runs).
 * - esbuild bundle (minified, tree-shaken) of `isUser` + `validateUser`.
 *
 * The consumer imports validators from the validators entry
 * (`validators.ts`) when the output has one, else from `index.ts` (where
 * outputs of older versions re-exported them), so that the script measures
 * both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { generate } from '../generator/pipeline.js';
import { corpusAvailable, corpusMissingMessage, readPages, resourcesDir } from '../test/corpus/corpus.js';
import { median, runsFromArgs } from './cli-setup.js';

if (!corpusAvailable) {
  console.log(corpusMissingMessage);
  process.exit(0);
}

const runs = runsFromArgs();
const tscPath = createRequire(import.meta.url).resolve('typescript/lib/tsc.js');

function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const work = mkdtempSync(join(tmpdir(), 'graphdoc-consumer-'));
const pages = readPages(resourcesDir);
const full = generate(pages).files;
const typesOnly = generate(pages, { validators: false }).files;
writeTree(join(work, 'generated'), full);
writeTree(join(work, 'types-only'), typesOnly);

const validatorsEntry = full.has('validators.ts') ? 'validators' : 'index';
const consumers = new Map<string, string>([
  [
    'types-alone.ts',
    // The types module of the output without validators, as the reference.
    "export * from './types-only/microsoft.graph.js';\n",
  ],
  [
    'consumer-types.ts',
    [
      "import type { Group, User } from './generated/index.js';",
      '',
      "export const displayName = (user: User): string => user.displayName ?? '';",
      'export const memberCount = (group: Group): number => group.members?.length ?? 0;',
      '',
    ].join('\n'),
  ],
  [
    'consumer-validators.ts',
    [
      "import type { User } from './generated/index.js';",
      `import { isUser, validateUser } from './generated/${validatorsEntry}.js';`,
      '',
      "export const displayName = (value: unknown): string => (isUser(value) ? (value.displayName ?? '') : validateUser(value).map((i) => i.path).join(', '));",
      'export const name = (user: User): string | null | undefined => user.displayName;',
      '',
    ].join('\n'),
  ],
]);
for (const [path, text] of consumers) writeFileSync(join(work, path), text);

interface TscSample {
  readonly ms: number;
  readonly peakMb: number;
  readonly errors: string;
}

/** `tsc --noEmit` on one root file, in a process of its own whose peak RSS it reports at exit. */
function tsc(root: string): TscSample {
  const config = join(work, `tsconfig.${root}.json`);
  const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, types: [] };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: [root] }));
  const wrapper = [
    "process.on('exit', () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));",
    `process.argv = [process.argv[0], ${JSON.stringify(tscPath)}, '-p', ${JSON.stringify(config)}];`,
    `require(${JSON.stringify(tscPath)});`,
  ].join('\n');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', wrapper], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr)?.[1];
  return { ms, peakMb: Number(peak ?? Number.NaN) / 1024, errors: result.status === 0 ? '' : result.stdout.split('\n').slice(0, 5).join('\n') };
}

function measure(root: string): { ms: number; peakMb: number; errors: string } {
  const samples = Array.from({ length: runs }, () => tsc(root));
  return { ms: median(samples.map((s) => s.ms)), peakMb: median(samples.map((s) => s.peakMb)), errors: samples.find((s) => s.errors !== '')?.errors ?? '' };
}

const sizeOf = (files: ReadonlyMap<string, string>, keep: (path: string) => boolean) =>
  [...files].filter(([path]) => keep(path)).reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
const isRuntime = (path: string) => path.startsWith('runtime/');
const isValidators = (path: string) => !isRuntime(path) && (path === 'validators.ts' || path.endsWith('.validators.ts') || path.startsWith('validators/'));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

try {
  const validatorBytes = sizeOf(full, isValidators);
  const runtimeBytes = sizeOf(full, isRuntime);
  const typeBytes = sizeOf(full, (p) => p.endsWith('.ts') && !isValidators(p) && !isRuntime(p));
  const lines = [...full].filter(([p]) => isValidators(p)).reduce((n, [, text]) => n + text.split('\n').length - 1, 0);
  const largest = [...full].filter(([p]) => isValidators(p)).sort(([, a], [, b]) => b.length - a.length)[0];
  console.log(`Consumer cost of the v1.0 output (${pages.length} pages); validators imported from ${validatorsEntry}.ts; tsc medians of ${runs} run${runs === 1 ? '' : 's'}\n`);
  console.log(`size   type modules ${mb(typeBytes)}; validators ${mb(validatorBytes)} (${lines.toLocaleString('en-US')} lines; largest ${largest?.[0]} ${mb(Buffer.byteLength(largest?.[1] ?? ''))}); runtime ${mb(runtimeBytes)}`);
  console.log(`       validators + runtime ${mb(validatorBytes + runtimeBytes)}  (target <= 3 MB: ${verdict(validatorBytes + runtimeBytes <= 3e6)})`);

  const bundle = await build({
    stdin: { contents: `export { isUser, validateUser } from './generated/${validatorsEntry}.js';`, resolveDir: work, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const bundleBytes = bundle.outputFiles.reduce((sum, f) => sum + f.contents.byteLength, 0);
  console.log(`bundle isUser + validateUser, esbuild --bundle --minify: ${(bundleBytes / 1024).toFixed(0)} KB  (target <= 600 KB: ${verdict(bundleBytes <= 600 * 1024)})`);

  const alone = measure('types-alone.ts');
  const typesConsumer = measure('consumer-types.ts');
  const validatorsConsumer = measure('consumer-validators.ts');
  const row = (label: string, s: { ms: number; peakMb: number; errors: string }) =>
    console.log(`tsc    ${label.padEnd(44)}${(s.ms / 1000).toFixed(1).padStart(6)} s ${Math.round(s.peakMb).toString().padStart(6)} MB${s.errors === '' ? '' : `  ERRORS:\n${s.errors}`}`);
  row('types module alone (output without validators)', alone);
  row('consumer importing only types', typesConsumer);
  row('consumer importing validators too', validatorsConsumer);
  const ratio = typesConsumer.ms / alone.ms;
  console.log(`\nonly types / types module alone: ${ratio.toFixed(2)}x  (target <= 1.3x: ${verdict(ratio <= 1.3)})`);
  console.log(
    `validators too: ${(validatorsConsumer.ms / 1000).toFixed(1)} s, ${Math.round(validatorsConsumer.peakMb)} MB  (target <= 8 s: ${verdict(validatorsConsumer.ms <= 8000)}; <= 400 MB: ${verdict(validatorsConsumer.peakMb <= 400)})`,
  );
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
