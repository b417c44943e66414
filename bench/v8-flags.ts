/**
 * What the V8 flags `bin/graphdoc.js` sets are worth: the built CLI (dist/,
 * called the way the bin calls it) run cold on a copy of the v1.0 corpus,
 * `generate` and `diff` (May 2020 pages against it), each with the bin's
 * flags and with one of them left out, in interleaved rounds so that a
 * machine whose speed drifts weighs on both alike. Prints the median wall
 * time and the range of CPU time (all threads) of each.
 * `npm run bench:v8-flags` (`-- --runs 7` for more rounds). Not a test: it
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { olderResourcesDir } from '../test/corpus/corpus.js';
import { v8FlagsFor } from '../generator/v8-flags.js';
import { corpusWorkDir, cpuTimeHook, median, root, runsFromArgs } from './cli-setup.js';

const runs = runsFromArgs(5);
const work = corpusWorkDir('graphdoc-bench-v8-flags-');
const cli = pathToFileURL(join(root, 'dist', 'cli.js')).href;

/** Calls `main` of dist/cli.js with the arguments it is given: the CLI without the flags the bin sets. */
const runner = join(work, 'run-cli.mjs');
writeFileSync(
  runner,
  `const { main } = await import(${JSON.stringify(cli)});
process.exitCode = await main(process.argv.slice(2));
`,
);
const cpuTime = cpuTimeHook(work);

function timed(flags: readonly string[], args: readonly string[]): { wallMs: number; cpuMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...flags, ...cpuTime.nodeArgs, runner, ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`graphdoc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wallMs, cpuMs: cpuTime.cpuMs(result.stderr) };
}

const clear = () => {
  rmSync(join(work, '.graphdoc-cache'), { recursive: true, force: true });
  rmSync(join(work, 'generated'), { recursive: true, force: true });
};

/** The flags bin/graphdoc.js sets for each command on this machine (generator/v8-flags.ts). */
const commands = {
  generate: { args: ['generate', '--format', 'json'], bin: v8FlagsFor('generate') },
  diff: { args: ['diff', olderResourcesDir, 'specs', '--format', 'json', '--fail-on', 'none'], bin: v8FlagsFor('diff') },
} as const;
const variants = (bin: readonly string[]) => [
  { label: 'as the bin runs it', flags: bin },
  ...bin.map((left) => ({ label: `without ${left}`, flags: bin.filter((flag) => flag !== left) })),
];

const samples = new Map<string, { wallMs: number; cpuMs: number }[]>();
try {
  for (let round = 0; round < runs; round++) {
    for (const [name, command] of Object.entries(commands)) {
      for (const variant of variants(command.bin)) {
        clear();
        const key = `${name}, cold, ${variant.label} (${variant.flags.join(' ') || 'no flags'})`;
        samples.set(key, [...(samples.get(key) ?? []), timed(variant.flags, command.args)]);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`V8 flags of bin/graphdoc.js on the v1.0 corpus: ${runs} interleaved round${runs === 1 ? '' : 's'}, median wall time and range of CPU time`);
for (const [key, list] of samples) {
  const cpu = list.map((s) => s.cpuMs / 1000);
  console.log(`${key.padEnd(86)} ${(median(list.map((s) => s.wallMs)) / 1000).toFixed(2)} s wall   ${Math.min(...cpu).toFixed(1)}–${Math.max(...cpu).toFixed(1)} s CPU`);
}
