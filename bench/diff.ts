/**
 * `graphdoc diff` benchmark: the real CLI comparing the May 2020 v1.0 pages
 * (old) with a copy of the July 2021 pages (new), against one cold
 * `graphdoc generate` of the July 2021 pages. Runs are interleaved (cold
 * generate, cold diff, warm diff, in each round) so that load from other work
 * on the machine falls on all three alike; medians of the rounds, and the
 * ratios the issue sets: cold diff ≤ 1× cold generate, warm diff ≤ 0.25×.
 * `npm run bench:diff` (`-- --runs 5` for more rounds). Not a test: it
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { corpusAvailable, corpusMissingMessage, olderResourcesDir, readPages, resourcesDir } from '../test/corpus/corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'graphdoc.js');

if (!corpusAvailable) {
  console.log(corpusMissingMessage);
  process.exit(0);
}

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Math.max(1, Number(process.argv[runsFlag + 1]) || 3) : 3;

const work = mkdtempSync(join(tmpdir(), 'graphdoc-bench-diff-'));
cpSync(resourcesDir, join(work, 'specs'), { recursive: true });

function timed(args: readonly string[], okCodes: readonly number[] = [0]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - started;
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`graphdoc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return wallMs;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

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
const row = (label: string, samples: readonly number[]) => {
  const ms = median(samples);
  console.log(`${label.padEnd(34)} ${String(Math.round(ms)).padStart(6)} ms   ${(ms / base).toFixed(2)}× cold generate   (runs: ${samples.map((s) => Math.round(s)).join(', ')} ms)`);
};
console.log(
  `graphdoc diff: ${readPages(olderResourcesDir).length} old pages vs ${readPages(resourcesDir).length} new pages; wall time of the real CLI, median of ${runs} interleaved round${runs === 1 ? '' : 's'}`,
);
row('generate, cold (new pages)', generateCold);
row('diff, cold (no cache)', diffCold);
row('diff, warm (cache from the cold diff)', diffWarm);
console.log(`targets: cold diff ≤ 1.00× (${(median(diffCold) / base).toFixed(2)}×), warm diff ≤ 0.25× (${(median(diffWarm) / base).toFixed(2)}×)`);
