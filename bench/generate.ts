/**
 * Build-step benchmark: the real CLI on a copy of the Graph v1.0 corpus,
 * cold (no cache), warm (cache, nothing changed), after a one-page edit that
 * leaves the model as it was (a paragraph added at the end of a page: one
 * page parsed, the output reused) and after one that changes it (a property's
 * description: one page parsed, everything emitted), each the median of a few
 * runs, with ratios. `npm run bench:generate`
 * (`-- --runs 5` for more runs). Not a test: it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bin, corpusWorkDir, median, runsFromArgs } from './cli-setup.js';

const runs = runsFromArgs();
const work = corpusWorkDir('graphdoc-bench-');

interface Sample {
  /** Wall time of the whole process, from spawn to exit. */
  readonly wallMs: number;
  /** The run's own time (reading pages to writing output), from its JSON report. */
  readonly runMs: number;
  readonly parsed: number;
  readonly pages: number;
}

function generate(...args: string[]): Sample {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'generate', '--format', 'json', ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`graphdoc exited ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { summary: { durationMs: number; parsed: number; pages: number } };
  return { wallMs, runMs: report.summary.durationMs, parsed: report.summary.parsed, pages: report.summary.pages };
}

const cold: Sample[] = [];
const warm: Sample[] = [];
const edit: Sample[] = [];
const modelEdit: Sample[] = [];
const page = join(work, 'specs', 'user.md');
const original = readFileSync(page, 'utf8');
try {
  for (let i = 0; i < runs; i++) {
    writeFileSync(page, original);
    rmSync(join(work, '.graphdoc-cache'), { recursive: true, force: true });
    rmSync(join(work, 'generated'), { recursive: true, force: true });
    cold.push(generate());
    warm.push(generate());
    writeFileSync(page, `${original}\nEdited by the benchmark, run ${i}.\n`);
    edit.push(generate());
    const described = original.replace('|aboutMe|String|A freeform', `|aboutMe|String|(Run ${i}.) A freeform`);
    if (described === original) throw new Error('user.md has no aboutMe row to edit');
    writeFileSync(page, described);
    modelEdit.push(generate());
  }
} finally {
  writeFileSync(page, original);
  rmSync(work, { recursive: true, force: true });
}

const pages = cold[0]?.pages ?? 0;
const row = (label: string, samples: readonly Sample[]) => {
  const wall = median(samples.map((s) => s.wallMs));
  const run = median(samples.map((s) => s.runMs));
  const coldWall = median(cold.map((s) => s.wallMs));
  const coldRun = median(cold.map((s) => s.runMs));
  const ratio = (base: number, value: number) => (value === base ? '1.0×' : `${(base / value).toFixed(1)}× faster`);
  console.log(
    `${label.padEnd(16)} ${String(Math.round(wall)).padStart(6)} ms wall ${ratio(coldWall, wall).padStart(14)}   ${String(Math.round(run)).padStart(6)} ms in-run ${ratio(coldRun, run).padStart(14)}   parsed ${samples[0]?.parsed ?? 0}/${pages}`,
  );
};
console.log(`graphdoc generate on the v1.0 corpus (${pages} pages), median of ${runs} run${runs === 1 ? '' : 's'}; wall includes Node start-up and loading the generator`);
row('cold (no cache)', cold);
row('warm (cached)', warm);
row('one-page edit', edit);
row('model edit', modelEdit);
