/**
 * `graphdoc diff` benchmark: the real CLI comparing the May 2020 v1.0 pages
 * (old) with a copy of the July 2021 pages (new), against one cold
 * `graphdoc generate` of the July 2021 pages. Runs are interleaved (cold
 * generate, cold diff, warm diff, in each round) so that load from other work
 * on the machine falls on all three alike; it prints the medians of the
 * rounds and, for the ratios the issue sets (cold diff ≤ 1× cold generate,
 * warm diff ≤ 0.25×), each round's ratio to that round's generate and their
 * geometric mean, steadier than a ratio of medians on a shared machine.
 * Then, in this process, how much of the two sides' text the parser reads
 * when both are read as one batch (parse.ts `SharedPieces`).
 * `npm run bench:diff` (`-- --runs 5` for more rounds). Not a test: it
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareCodeUnits } from '../generator/order.js';
import { SharedPieces } from '../generator/parse.js';
import { olderResourcesDir, readPages, resourcesDir } from '../test/corpus/corpus.js';
import { bin, corpusWorkDir, median, runsFromArgs } from './cli-setup.js';

const runs = runsFromArgs();
const work = corpusWorkDir('graphdoc-bench-diff-');

function timed(args: readonly string[], okCodes: readonly number[] = [0]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - started;
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`graphdoc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return wallMs;
}

const clear = () => {
  rmSync(join(work, '.graphdoc-cache'), { recursive: true, force: true });
  rmSync(join(work, 'generated'), { recursive: true, force: true });
};
const diff = ['diff', olderResourcesDir, 'specs', '--format', 'json', '--fail-on', 'none'];
const generateCold: number[] = [];
const diffCold: number[] = [];
const diffWarm: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    clear();
    generateCold.push(timed(['generate', '--format', 'json']));
    clear();
    diffCold.push(timed(diff));
    diffWarm.push(timed(diff));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const base = median(generateCold);
const geometricMean = (values: readonly number[]) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
const row = (label: string, samples: readonly number[]) => {
  const ms = median(samples);
  const ratios = samples.map((sample, round) => sample / (generateCold[round] ?? base));
  console.log(
    `${label.padEnd(38)} ${String(Math.round(ms)).padStart(6)} ms   ${geometricMean(ratios).toFixed(2)}× cold generate   (rounds: ${samples.map((s) => Math.round(s)).join(', ')} ms; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  return geometricMean(ratios);
};
console.log(
  `graphdoc diff: ${readPages(olderResourcesDir).length} old pages vs ${readPages(resourcesDir).length} new pages; wall time of the real CLI, ${runs} interleaved round${runs === 1 ? '' : 's'} (median ms, geometric mean of the per-round ratios)`,
);
row('generate, cold (new pages)', generateCold);
const cold = row('diff, cold (no cache)', diffCold);
const warm = row('diff, warm (cache from the cold diff)', diffWarm);
console.log(`targets: cold diff ≤ 1.00× (${cold.toFixed(2)}×), warm diff ≤ 0.25× (${warm.toFixed(2)}×)`);

const texts = [...readPages(olderResourcesDir), ...readPages(resourcesDir)].sort((a, b) => compareCodeUnits(a.path, b.path)).map((page) => page.text);
const shared = new SharedPieces(texts);
for (const text of texts) shared.parsePage(text);
const total = texts.reduce((sum, text) => sum + text.length, 0);
console.log(
  `read as one batch, the parser reads ${shared.parsedCharacters.toLocaleString('en')} of the two sides' ${total.toLocaleString('en')} characters (${((100 * shared.parsedCharacters) / total).toFixed(0)}%)`,
);
