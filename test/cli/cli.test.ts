/**
 * End-to-end: the CLI on temporary directories: writing, --check, exit codes,
 * reporting. In-process through main(argv, io); one spawned run of
 * bin/graphdoc.js (over dist/, built by `npm test`) proves the shipped command.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingSpecs } from '../../generator/config.js';
import { spawn } from 'node:child_process';
import { bin, built, cliEnv, notBuiltMessage, root, run, runMain, snapshot, specsCopy } from '../build-step/helpers.js';

if (!built) console.warn(notBuiltMessage);

const widgetPage = ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Strng|How big.|', ''].join('\n');
/** A type in another namespace, so a file of its own. */
const callRecordPage = ['# callRecord resource type', '', 'Namespace: microsoft.graph.callRecords', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|version|Int64|Version.|', ''].join('\n');
/** An enum and an object of one name: an error, so nothing is written. */
const clashPage = ['# synchronizationError values', '', '### synchronizationError values', '', '|Member|', '|:--|', '|one|', ''].join('\n');

describe.skipIf(!built)('bin/graphdoc.js (spawned)', () => {
  it('writes the same files as the committed generated/ for specs/, and prints its version', async () => {
    const work = specsCopy('cli-smoke');
    try {
      const result = await run(work, ['generate']);
      expect(result.code).toBe(0);
      expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
      expect(result.stdout).toMatch(/^graphdoc: wrote generated \(2 pages \(2 parsed\), 3 declarations, \d+ files; 0 errors, 0 warnings, 1 note, 15 placeholder descriptions left out; \d+(\.\d)? (ms|s)\)\n$/);
      expect(await run(work, ['--version'])).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n` });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader closes its output early (`graphdoc … | head`)', async () => {
    const work = specsCopy('cli-pipe');
    try {
      // The pipe is closed before the command writes anything, so its first write fails with EPIPE.
      const child = spawn(process.execPath, [bin, 'diff', 'specs', 'specs', '--format', 'json'], { cwd: work, env: cliEnv() });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('graphdoc generate (CLI)', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('cli');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const run = (cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}) => runMain(cwd, args, env);

  it('writes the same files as the committed generated/ for specs/, with their manifest', async () => {
    const result = await run(work, ['generate']);
    expect(result.code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    expect(Object.keys(snapshot(join(work, 'generated')))).toContain('.graphdoc-manifest.json');
  });

  it('refuses a specs directory with no page to read (exit 2), leaving the output as it was', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    const before = snapshot(join(work, 'generated'));
    mkdirSync(join(work, 'docs'));
    writeFileSync(join(work, 'docs', 'notes.txt'), 'not a page\n');
    expect(await run(work, ['generate', '--specs', 'docs'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'graphdoc: no page to generate from: nothing under docs matches --include **/*.md; check --specs and --include; nothing was written\n',
    });
    writeFileSync(join(work, 'docs', 'page.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const unreadable = await run(work, ['generate', '--specs', 'docs']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^graphdoc: no page to generate from: the one file under docs matching --include could not be read \(page\.md: Page is not valid UTF-8 .*\); nothing was written\n$/);
    expect(snapshot(join(work, 'generated'))).toEqual(before);
  });

  it('--check exits 0 when up to date, 1 when stale (listing added, changed and removed files), and writes nothing', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    const upToDate = await run(work, ['generate', '--check']);
    expect(upToDate.code).toBe(0);
    expect(upToDate.stdout).toMatch(/^graphdoc: generated is up to date \(/);
    writeFileSync(join(work, 'generated', 'index.ts'), '// edited\n');
    writeFileSync(join(work, 'generated', 'stray.ts'), '// not generated\n');
    rmSync(join(work, 'generated', 'microsoft.graph.ts'));
    const stale = await run(work, ['generate', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(['  added    microsoft.graph.ts', '  changed  index.ts', '  removed  stray.ts']);
    expect(stale.stderr).toContain('Run `graphdoc generate` and commit the result.');
    expect(readFileSync(join(work, 'generated', 'index.ts'), 'utf8')).toBe('// edited\n');
    expect(existsSync(join(work, 'generated', 'microsoft.graph.ts'))).toBe(false);
  });

  it('--check compares bytes: a byte-order mark or CRLF line endings make the output stale', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    const index = join(work, 'generated', 'index.ts');
    const text = readFileSync(index, 'utf8');
    writeFileSync(index, `\uFEFF${text}`);
    expect((await run(work, ['generate', '--check'])).code).toBe(1);
    writeFileSync(index, text.replace(/\n/g, '\r\n'));
    expect((await run(work, ['generate', '--check'])).code).toBe(1);
    writeFileSync(index, text);
    expect((await run(work, ['generate', '--check'])).code).toBe(0);
  });

  it('--check on a fresh directory: exit 1, every file added, and neither the output nor the cache is created', async () => {
    const result = await run(work, ['generate', '--check']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(Object.keys(snapshot(join(root, 'generated'))).map((f) => `  added    ${f}`));
    expect(readdirSync(work)).toEqual(['specs']);
  });

  it('exits 2 on usage errors, with a message', async () => {
    const cases: string[][] = [
      ['generate', '--no-such-option'],
      ['generate', '--specs', 'missing'],
      ['frobnicate'],
      ['generate', '--check', '--watch'],
      ['generate', '--enum-style', 'weird'],
      ['generate', '--max-warnings', 'many'],
      ['generate', '--format', 'xml'],
      ['generate', '--config', 'nowhere.json'],
      ['generate', '--out', '.'],
      ['generate', '--out', 'specs'],
      ['generate', '--out', 'specs/generated'],
    ];
    for (const args of cases) {
      const result = await run(work, args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).not.toBe('');
      expect(result.stderr).not.toContain('internal error');
    }
    expect(readdirSync(work)).toEqual(['specs']);
  });

  it('refuses to replace an output directory that holds a package.json (exit 2, nothing touched)', async () => {
    mkdirSync(join(work, 'app'));
    writeFileSync(join(work, 'app', 'package.json'), '{}\n');
    const result = await run(work, ['generate', '--out', 'app']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('contains package.json');
    expect(snapshot(join(work, 'app'))).toEqual({ 'package.json': '{}\n' });
  });

  it('--help works for the program and for generate, and documents every setting', async () => {
    const top = await run(work, ['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('generate [options]');
    const help = await run(work, ['generate', '--help']);
    expect(help.code).toBe(0);
    for (const spec of settingSpecs) expect(help.stdout).toContain(`--${spec.flag}`);
    for (const flag of ['--check', '--watch', '--config', '--strict', '--no-cache']) expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('Exit codes');
  });

  it('prints each diagnostic as file:line:column, keeps going past a bad page, and --strict / --max-warnings fail on warnings', async () => {
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage);
    const lenient = await run(work, ['generate']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('specs/broken.md:7:7  warning  Unknown type "Strng"; typed as unknown  unknown-type\n');
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
    const before = snapshot(join(work, 'generated'));
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage.replace('|size|Strng|How big.|', '|size|Strng|How big.|\n|weight|Numbr|How heavy.|'));
    const strict = await run(work, ['generate', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('not written: more than 0 warnings');
    expect((await run(work, ['generate', '--max-warnings', '1'])).code).toBe(1);
    expect(snapshot(join(work, 'generated'))).toEqual(before);
    expect((await run(work, ['generate', '--max-warnings', '2'])).code).toBe(0);
    expect((await run(work, ['generate', '--check', '--max-warnings', '1'])).code).toBe(1);
    expect((await run(work, ['generate', '--check', '--max-warnings', '2'])).code).toBe(0);
  });

  it('leaves the previous output byte-identical when a run fails, and removes files it wrote that are no longer produced', async () => {
    // A page in another namespace: a file of its own, which a later run no longer produces.
    writeFileSync(join(work, 'specs', 'callrecord.md'), callRecordPage);
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(existsSync(join(work, 'generated', 'microsoft.graph.callRecords.ts'))).toBe(true);
    const before = snapshot(join(work, 'generated'));
    // No problem in the docs fails a run by default; --strict makes the clash's warning fail it.
    writeFileSync(join(work, 'specs', 'clash.md'), clashPage);
    const failed = await run(work, ['generate', '--strict']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('not written: more than 0 warnings');
    expect(snapshot(join(work, 'generated'))).toEqual(before);
    rmSync(join(work, 'specs', 'clash.md'));
    rmSync(join(work, 'specs', 'callrecord.md'));
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    expect(readdirSync(work).sort()).toEqual(['.graphdoc-cache', 'generated', 'specs']);
  });

  it('does not rewrite an output that is already up to date', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    const second = await run(work, ['generate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^graphdoc: generated already up to date \(2 pages \(0 parsed\)/);
  });

  it('--layout type writes one file per type with barrels, and a switch back removes the folders', async () => {
    expect((await run(work, ['generate', '--layout', 'type'])).code).toBe(0);
    const files = Object.keys(snapshot(join(work, 'generated')));
    expect(files).toEqual(
      expect.arrayContaining([
        'index.ts',
        'microsoft.graph/SynchronizationError.ts',
        'microsoft.graph/SynchronizationTaskExecution.ts',
        'microsoft.graph/SynchronizationTaskExecutionResult.ts',
        'microsoft.graph/index.ts',
      ]),
    );
    expect(files).not.toContain('microsoft.graph.ts');
    expect((await run(work, ['generate', '--layout', 'type', '--check'])).code).toBe(0);
    const back = await run(work, ['generate', '--check']);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('  removed  microsoft.graph/index.ts');
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });

  it('--include and --exclude choose the pages', async () => {
    mkdirSync(join(work, 'specs', 'drafts'));
    writeFileSync(join(work, 'specs', 'drafts', 'widget.md'), widgetPage);
    const all = await run(work, ['generate', '--format', 'json']);
    expect(JSON.parse(all.stdout).summary.pages).toBe(3);
    const excluded = await run(work, ['generate', '--format', 'json', '--exclude', 'drafts/**']);
    expect(JSON.parse(excluded.stdout).summary.pages).toBe(2);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    const included = await run(work, ['generate', '--format', 'json', '--include', 'drafts/*.md', '--check']);
    expect(JSON.parse(included.stdout).summary.pages).toBe(1);
  });
});

describe('graphdoc generate: reporting', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('report');
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const run = (cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}) => runMain(cwd, args, env);

  it('--format json prints one JSON document on stdout and nothing on stderr', async () => {
    const result = await run(work, ['generate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect({ ...report, summary: { ...report.summary, durationMs: 0 }, diagnostics: [] }).toEqual({
      version: 1,
      mode: 'write',
      ok: true,
      exitCode: 0,
      specs: 'specs',
      out: 'generated',
      summary: { pages: 3, parsed: 3, declarations: 4, files: Object.keys(snapshot(join(root, 'generated'))).length, errors: 0, warnings: 1, notes: 1, placeholders: 15, durationMs: 0 },
      written: true,
      diagnostics: [],
    });
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['unknown-type', 'placeholder-description']);
    expect(report.diagnostics[0]).toMatchObject({ code: 'unknown-type', severity: 'warning', message: 'Unknown type "Strng"; typed as unknown', file: 'specs/broken.md', line: 7, column: 7 });
    writeFileSync(join(work, 'generated', 'index.ts'), '// edited\n');
    const check = await run(work, ['generate', '--format', 'json', '--check']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ mode: 'check', ok: false, exitCode: 1, stale: { added: [], changed: ['index.ts'], removed: [] } });
  });

  it('prints GitHub Actions annotations when GITHUB_ACTIONS is set', async () => {
    const result = await run(work, ['generate'], { GITHUB_ACTIONS: 'true', CI: 'true' });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^::warning file=specs\/broken\.md,line=7,col=7,(endLine=7,endColumn=12,)?title=graphdoc unknown-type::Unknown type "Strng"; typed as unknown$/);
    expect(result.stderr).toBe('');
  });

  it('in CI a successful run prints one summary line and nothing else (besides its warnings)', async () => {
    rmSync(join(work, 'specs', 'broken.md'));
    const result = await run(work, ['generate'], { CI: 'true' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('colours only when forced or on a TTY, never with NO_COLOR', async () => {
    const ansi = /\x1b\[/;
    expect((await run(work, ['generate'], { NO_COLOR: undefined })).stderr).not.toMatch(ansi);
    expect((await run(work, ['generate'], { NO_COLOR: undefined, FORCE_COLOR: '1' })).stderr).toMatch(ansi);
    expect((await run(work, ['generate'], { NO_COLOR: '1', FORCE_COLOR: '1' })).stderr).not.toMatch(ansi);
  });

  it('--verbose adds notes', async () => {
    writeFileSync(join(work, 'specs', 'overview.md'), '# Overview\n\nNothing to see.\n');
    expect((await run(work, ['generate'])).stderr).not.toContain('no-type-defined');
    expect((await run(work, ['generate', '--verbose'])).stderr).toContain('specs/overview.md:1:1  info  ');
  });
});
