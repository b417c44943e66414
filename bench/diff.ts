/**
 * `graphdoc diff` benchmark: the real CLI comparing the May 2020 v1.0 pages
 * (old) with a copy of the July 2021 pages (new), against one cold
 * `graphdoc generate` of the July 2021 pages. Runs are interleaved (cold
 * generate, cold diff, warm diff, in each round) so that load from other work
 * on the machine falls on all three alike; it prints the medians of the
 * rounds and, for the ratios the issue sets (cold diff ≤ 1× cold generate,
 * warm diff ≤ 0.25×), each round's ratio to that round's generate and their
 * geometric mean, steadier than a ratio of medians on a shared machine; and
 * the CPU time of every thread of each run (a cold diff keeps both cores
 * busy, a cold generate mostly one). Then, in this process, how much of the
 * two sides' text the parser reads in the batches a cold diff reads them in
 * (page-reader.ts, parse.ts `SharedPieces`), and how much of the old side's
 * text no sharing can spare.
 * `npm run bench:diff` (`-- --runs 5` for more rounds; `-- --against DIR`
 * adds, to each round, a cold diff by the built checkout in DIR, another
 * version of this project, and prints this build's time over that one's).
 * Not a test: it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareCodeUnits } from '../generator/order.js';
import { planChunks } from '../generator/parse-chunks.js';
import { batchesOf } from '../generator/page-reader.js';
import { SharedPieces } from '../generator/parse.js';
import type { Page } from '../generator/pipeline.js';
import { olderResourcesDir, readPages, resourcesDir } from '../test/corpus/corpus.js';
import { bin, corpusWorkDir, cpuTimeHook, median, runsFromArgs } from './cli-setup.js';

const runs = runsFromArgs();
const work = corpusWorkDir('graphdoc-bench-diff-');
const oldPages = readPages(olderResourcesDir);
const newPages = readPages(resourcesDir);

/** Each run's CPU time, every thread counted (the main one, the page-reading worker, V8's compiling and collecting). */
const cpuTime = cpuTimeHook(work);

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** `--against DIR`: the bin of another checkout of this project, built, whose cold diff each round also runs. */
const againstFlag = process.argv.indexOf('--against');
const otherBin = againstFlag >= 0 ? join(resolve(process.argv[againstFlag + 1] ?? '.'), 'bin', 'graphdoc.js') : undefined;

function timed(args: readonly string[], okCodes: readonly number[] = [0], cli = bin): Sample {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...cpuTime.nodeArgs, cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = performance.now() - started;
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`graphdoc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wallMs, cpuMs: cpuTime.cpuMs(result.stderr) };
}

const clear = () => {
  rmSync(join(work, '.graphdoc-cache'), { recursive: true, force: true });
  rmSync(join(work, 'generated'), { recursive: true, force: true });
};
const diff = ['diff', olderResourcesDir, 'specs', '--format', 'json', '--fail-on', 'none'];
const generateCold: Sample[] = [];
const diffCold: Sample[] = [];
const diffWarm: Sample[] = [];
const otherDiffCold: Sample[] = [];
try {
  for (let i = 0; i < runs; i++) {
    clear();
    generateCold.push(timed(['generate', '--format', 'json']));
    // The other build's cold diff, when asked for, goes before this one's in every other round, so neither has the
    // same place in every round.
    const other = () => {
      if (otherBin === undefined) return;
      clear();
      otherDiffCold.push(timed(diff, [0], otherBin));
    };
    if (i % 2 === 1) other();
    clear();
    diffCold.push(timed(diff));
    diffWarm.push(timed(diff));
    if (i % 2 === 0) other();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const geometricMean = (values: readonly number[]) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const row = (label: string, samples: readonly Sample[]) => {
  const ratios = samples.map((sample, round) => sample.wallMs / (generateCold[round]?.wallMs ?? Number.NaN));
  const cpuRatios = samples.map((sample, round) => sample.cpuMs / (generateCold[round]?.cpuMs ?? Number.NaN));
  const walls = samples.map((sample) => sample.wallMs);
  console.log(
    `${label.padEnd(38)} ${seconds(median(walls)).padStart(7)} wall  ${geometricMean(ratios).toFixed(2)}× cold generate   CPU ${seconds(median(samples.map((sample) => sample.cpuMs)))} (${geometricMean(cpuRatios).toFixed(2)}×)   (rounds: ${walls.map((ms) => Math.round(ms)).join(', ')} ms; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  return geometricMean(ratios);
};
console.log(
  `graphdoc diff: ${oldPages.length} old pages vs ${newPages.length} new pages; the real CLI, ${runs} interleaved round${runs === 1 ? '' : 's'}: median wall time and geometric mean of the per-round ratios, then median CPU time of all the process's threads and its ratio`,
);
row('generate, cold (new pages)', generateCold);
const cold = row('diff, cold (no cache)', diffCold);
const warm = row('diff, warm (cache from the cold diff)', diffWarm);
console.log(`targets: cold diff ≤ 1.00× (${cold.toFixed(2)}×), warm diff ≤ 0.25× (${warm.toFixed(2)}×)`);
if (otherBin !== undefined) {
  row(`diff, cold, by ${otherBin}`, otherDiffCold);
  const ratios = diffCold.map((sample, round) => sample.wallMs / (otherDiffCold[round]?.wallMs ?? Number.NaN));
  console.log(`this build's cold diff over that one's: ${geometricMean(ratios).toFixed(3)}× (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
}

const bothSides = [...oldPages, ...newPages].sort((a, b) => compareCodeUnits(a.path, b.path));
const total = bothSides.reduce((sum, page) => sum + page.text.length, 0);
/** Characters the parser reads when each batch shares what its pages hold (parse.ts `SharedPieces`). */
const parsedIn = (batches: readonly (readonly Page[])[]) =>
  batches.reduce((sum, batch) => {
    const shared = new SharedPieces(batch.map((page) => page.text));
    for (const page of batch) shared.parsePage(page.text);
    return sum + shared.parsedCharacters;
  }, 0);
const share = (characters: number) => `${characters.toLocaleString('en')} of the two sides' ${total.toLocaleString('en')} characters (${((100 * characters) / total).toFixed(0)}%)`;
// As `graphdoc diff` reads them (in path order, in page-reader.ts's batches), and as one batch: what the batches lose.
const batches = batchesOf(bothSides);
console.log(`read in the ${batches.length} batches of a cold diff, the parser reads ${share(parsedIn(batches))}; read as one batch, ${share(parsedIn([bothSides]))}`);
// What no sharing can spare: the old side's text in units (the smallest pieces a page is ever cut into) the new side lacks.
const unitsOf = (text: string) => {
  const bounds = [0, ...planChunks(text, 1).cuts.map((cut) => cut.offset), text.length];
  return bounds.slice(0, -1).map((from, index) => text.slice(from, bounds[index + 1]));
};
const newUnits = new Set(newPages.flatMap((page) => unitsOf(page.text)));
const oldUnits = oldPages.flatMap((page) => unitsOf(page.text));
const oldLength = oldUnits.reduce((sum, unit) => sum + unit.length, 0);
const oldOnly = oldUnits.filter((unit) => !newUnits.has(unit)).reduce((sum, unit) => sum + unit.length, 0);
console.log(
  `of the old side's ${oldLength.toLocaleString('en')} characters, ${oldOnly.toLocaleString('en')} (${((100 * oldOnly) / oldLength).toFixed(0)}%) are in units the new side does not hold: the parser reads them however much is shared`,
);
