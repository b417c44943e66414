/**
 * What the CLI benchmarks share: where the built CLI is, how many runs
 * `-- --runs N` asks for, a copy of the v1.0 corpus to run it on, and the
 * median. Exits with a message when ../shared is absent.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusAvailable, corpusMissingMessage, resourcesDir } from '../test/corpus/corpus.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(root, 'bin', 'graphdoc.js');

/** `--runs N` on the command line, else `fallback`. */
export function runsFromArgs(fallback = 3): number {
  const flag = process.argv.indexOf('--runs');
  return flag >= 0 ? Math.max(1, Number(process.argv[flag + 1]) || fallback) : fallback;
}

/** A fresh directory holding a copy of the v1.0 corpus as `specs/`; exits when the corpus is absent. */
export function corpusWorkDir(prefix: string): string {
  if (!corpusAvailable) {
    console.log(corpusMissingMessage);
    process.exit(0);
  }
  const work = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resourcesDir, join(work, 'specs'), { recursive: true });
  return work;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * CPU time of a run: `nodeArgs` (an `--import` of a hook written into `dir`)
 * make the process print its CPU time, every thread counted, on stderr at
 * exit, and `cpuMs` reads it back from that stderr. The script run is not
 * touched.
 */
export function cpuTimeHook(dir: string): { readonly nodeArgs: readonly string[]; cpuMs(stderr: string): number } {
  const hook = join(dir, 'cpu-time.mjs');
  writeFileSync(hook, `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ngraphdoc-bench-cpu ' + (u.user + u.system) / 1000 + '\\n'); });\n`);
  return {
    nodeArgs: ['--import', pathToFileURL(hook).href],
    cpuMs: (stderr) => Number(/graphdoc-bench-cpu ([\d.]+)/.exec(stderr)?.[1] ?? Number.NaN),
  };
}
