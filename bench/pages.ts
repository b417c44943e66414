/**
 * Cost of one big page: the real CLI (`bin/graphdoc.js generate`, cold: no
 * cache file, no output yet) on a specs folder holding one page whose
 * properties table makes it 1, 2, 4, 5 and 8 MB (about 225 bytes a row, the
 * shape of a 23,500-row, 5 MB page), plus a small enum page its rows link to.
 * Prints wall time, the run's own time and the peak resident memory of the
 * child process (`process.resourceUsage().maxRSS`, read as it exits), per
 * size and per MB above a baseline, so that linear growth shows as flat
 * per-MB columns. Two baselines: the enum page alone, which declares nothing
 * (so ts-morph and TypeScript are never loaded), and the same with a 2 KB
 * widget page (loaded, as for every size measured).
 *
 * Then, on the 5 MB page, the same run with V8's default heap growth (the
 * CLI without the `--heap-growing-percent` that bin/graphdoc.js sets) and
 * with `--no-validators`, to show where the memory goes; and the v1.0 corpus
 * (when ../shared is present) both ways, for what the heap cap costs on
 * ordinary pages.
 *
 * `npm run bench:pages` (`-- --runs 3` for medians, `-- --sizes 1,2` for
 * other sizes). Not a test: it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { corpusAvailable, resourcesDir } from '../test/corpus/corpus.js';
import { bin, median, root } from './cli-setup.js';

const cli = pathToFileURL(join(root, 'dist', 'cli.js')).href;
const MB = 1024 * 1024;

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const runs = Math.max(1, Number(option('--runs') ?? 1) || 1);
const sizes = (option('--sizes') ?? '1,2,4,5,8').split(',').map(Number);

const types = ['String', 'Int32', 'Boolean', 'DateTimeOffset', 'String collection', '[widgetKind](widgetkind.md)', 'Int64', 'Guid'];

/** A resource page of about `bytes` characters: front matter, a title, and one properties table. */
function bigPage(bytes: number): { text: string; rows: number } {
  const lines = ['---', 'title: "widget resource type"', '---', '', '# widget resource type', '', 'Namespace: microsoft.graph', '', '## Properties', '', '| Property | Type | Description |', '|:---|:---|:---|'];
  let size = lines.join('\n').length;
  let rows = 0;
  while (size < bytes) {
    const row = `| property${rows} | ${types[rows % types.length]} | The value of property number ${rows} of the widget, as the service reports it. Read-only. Supports $filter (eq, ne) and $orderby; returned only on $select. See the overview page for details. |`;
    lines.push(row);
    size += row.length + 1;
    rows++;
  }
  return { text: `${lines.join('\n')}\n`, rows };
}

const enumPage = ['# widgetKind enum type', '', 'Namespace: microsoft.graph', '', '| Member | Value | Description |', '|:---|:---|:---|', '| small | 0 | Small. |', '| large | 1 | Large. |', ''].join('\n');

/** Reports the child's peak resident set size and CPU time on stderr as it exits. */
const probe = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\ngraphdoc-bench '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

interface Sample {
  readonly wallMs: number;
  readonly runMs: number;
  /** User and system CPU time of the child: less disturbed than wall time by other work on the machine. */
  readonly cpuMs: number;
  readonly peakMb: number;
}

type Variant = 'shipped' | 'v8-default-heap';

function runCli(work: string, variant: Variant, args: readonly string[]): Sample {
  rmSync(join(work, 'generated'), { recursive: true, force: true });
  rmSync(join(work, '.graphdoc-cache'), { recursive: true, force: true });
  const command =
    variant === 'shipped'
      ? ['--import', probe, bin, 'generate', '--format', 'json', ...args]
      : ['--import', probe, '--input-type=module', '-e', `import { main } from ${JSON.stringify(cli)}; process.exitCode = await main(process.argv.slice(1));`, 'generate', '--format', 'json', ...args];
  const started = performance.now();
  const result = spawnSync(process.execPath, command, { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1024 * MB });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`graphdoc exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const report = JSON.parse(result.stdout) as { summary: { durationMs: number; errors: number } };
  const probed = /graphdoc-bench (\d+) (\d+)/.exec(result.stderr);
  if (!probed) throw new Error('no peak memory reported');
  return { wallMs, runMs: report.summary.durationMs, cpuMs: Number(probed[2]) / 1000, peakMb: Number(probed[1]) / 1024 };
}

function measure(work: string, variant: Variant, args: readonly string[] = []): Sample {
  const samples = Array.from({ length: runs }, () => runCli(work, variant, args));
  return { wallMs: median(samples.map((s) => s.wallMs)), runMs: median(samples.map((s) => s.runMs)), cpuMs: median(samples.map((s) => s.cpuMs)), peakMb: median(samples.map((s) => s.peakMb)) };
}

const work = mkdtempSync(join(tmpdir(), 'graphdoc-bench-pages-'));
const specs = join(work, 'specs');
mkdirSync(specs);
writeFileSync(join(specs, 'widgetkind.md'), enumPage);
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(7);
try {
  // Baselines: the enum page alone declares nothing, so ts-morph and TypeScript are never loaded (emit/ts-morph.ts);
  // with a 2 KB widget page beside it they are, as for every page size below.
  const bare = measure(work, 'shipped');
  writeFileSync(join(specs, 'widget.md'), bigPage(2 * 1024).text);
  const baseline = measure(work, 'shipped');
  console.log(`graphdoc generate, cold, one big page; median of ${runs} run${runs === 1 ? '' : 's'}; wall includes Node start-up and loading the generator`);
  console.log(`baseline, nothing declared (the enum page alone; TypeScript not loaded): ${fmt(bare.wallMs / 1000)} s wall, ${fmt(bare.cpuMs / 1000)} s CPU, peak ${fmt(bare.peakMb, 0)} MB`);
  console.log(`baseline, a 2 KB widget page beside it (TypeScript loaded):              ${fmt(baseline.wallMs / 1000)} s wall, ${fmt(baseline.cpuMs / 1000)} s CPU, peak ${fmt(baseline.peakMb, 0)} MB`);
  console.log('');
  console.log('   size     rows    wall s  in-run s     CPU s   peak MB      (CPU-baseline) s/MB  (peak-baseline) MB/MB');
  const bySize = new Map<number, Sample>();
  for (const size of sizes) {
    const page = bigPage(size * MB);
    writeFileSync(join(specs, 'widget.md'), page.text);
    const sample = measure(work, 'shipped');
    bySize.set(size, sample);
    console.log(
      `${`${size} MB`.padStart(7)} ${String(page.rows).padStart(8)} ${fmt(sample.wallMs / 1000)}   ${fmt(sample.runMs / 1000)}   ${fmt(sample.cpuMs / 1000)}   ${fmt(sample.peakMb, 0)}   ${fmt((sample.cpuMs - baseline.cpuMs) / 1000 / size, 2)}                 ${fmt((sample.peakMb - baseline.peakMb) / size, 0)}`,
    );
  }
  // A straight line through (size, value) by least squares, and how far the worst point lies from it: linear growth is a good fit.
  const fit = (points: readonly (readonly [number, number])[]) => {
    const n = points.length;
    const mx = points.reduce((a, [x]) => a + x, 0) / n;
    const my = points.reduce((a, [, y]) => a + y, 0) / n;
    const slope = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / (points.reduce((a, [x]) => a + (x - mx) ** 2, 0) || 1);
    const intercept = my - slope * mx;
    const worst = Math.max(...points.map(([x, y]) => Math.abs(y - (intercept + slope * x)) / y));
    return `${intercept.toFixed(1)} + ${slope.toFixed(1)} × MB (worst point ${(worst * 100).toFixed(0)}% off the line)`;
  };
  if (bySize.size >= 2) {
    const samples = [...bySize.entries()];
    console.log('');
    console.log(`CPU s  ≈ ${fit(samples.map(([size, s]) => [size, s.cpuMs / 1000] as const))}`);
    console.log(`peak MB ≈ ${fit(samples.map(([size, s]) => [size, s.peakMb] as const))}`);
  }

  if (sizes.includes(5)) {
    writeFileSync(join(specs, 'widget.md'), bigPage(5 * MB).text);
    const shipped = bySize.get(5);
    const v8Default = measure(work, 'v8-default-heap');
    const typesOnly = measure(work, 'shipped', ['--no-validators']);
    console.log('');
    const line = (label: string, s: Sample | undefined) => console.log(`5 MB page, ${label.padEnd(26)} ${fmt(s?.peakMb ?? 0, 0)} MB peak, ${fmt((s?.cpuMs ?? 0) / 1000)} s CPU, ${fmt((s?.wallMs ?? 0) / 1000)} s wall`);
    line('as shipped:', shipped);
    line("V8's default heap growth:", v8Default);
    line('--no-validators:', typesOnly);
    console.log('(target for the 5 MB page: at most 300 MB peak)');
  }

  if (corpusAvailable) {
    rmSync(specs, { recursive: true, force: true });
    cpSync(resourcesDir, specs, { recursive: true });
    const shipped = measure(work, 'shipped');
    const v8Default = measure(work, 'v8-default-heap');
    console.log('');
    console.log(`v1.0 corpus, as shipped:              ${fmt(shipped.peakMb, 0)} MB peak, ${fmt(shipped.cpuMs / 1000)} s CPU, ${fmt(shipped.wallMs / 1000)} s wall`);
    console.log(`v1.0 corpus, V8's default heap growth: ${fmt(v8Default.peakMb, 0)} MB peak, ${fmt(v8Default.cpuMs / 1000)} s CPU, ${fmt(v8Default.wallMs / 1000)} s wall`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
