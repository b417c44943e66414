/**
 * End-to-end: the real CLI (bin/graphdoc.js over dist/, built by `npm test`)
 * on temporary directories: writing, --check, exit codes, reporting.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingSpecs } from '../../generator/config.js';
import { built, notBuiltMessage, root, run, snapshot, tempDir } from '../build-step/helpers.js';

if (!built) console.warn(notBuiltMessage);

const widgetPage = ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Strng|How big.|', ''].join('\n');
/** An enum and an object of one name: an error, so nothing is written. */
const clashPage = ['# synchronizationError values', '', '### synchronizationError values', '', '|Member|', '|:--|', '|one|', ''].join('\n');

describe.skipIf(!built)('graphdoc generate (CLI)', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir('cli');
    cpSync(join(root, 'specs'), join(work, 'specs'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes the same files as the committed generated/ for specs/', () => {
    const result = run(work, ['generate']);
    expect(result.code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    expect(result.stdout).toMatch(/^graphdoc: wrote generated \(2 pages \(2 parsed\), 3 declarations, \d+ files; 0 errors, 0 warnings; \d+(\.\d)? (ms|s)\)\n$/);
  });

  it('--check exits 0 when up to date, 1 when stale (listing added, changed and removed files), and writes nothing', () => {
    expect(run(work, ['generate']).code).toBe(0);
    const upToDate = run(work, ['generate', '--check']);
    expect(upToDate.code).toBe(0);
    expect(upToDate.stdout).toMatch(/^graphdoc: generated is up to date \(/);
    writeFileSync(join(work, 'generated', 'index.ts'), '// edited\n');
    writeFileSync(join(work, 'generated', 'stray.ts'), '// not generated\n');
    rmSync(join(work, 'generated', 'microsoft.graph.ts'));
    const stale = run(work, ['generate', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(['  added    microsoft.graph.ts', '  changed  index.ts', '  removed  stray.ts']);
    expect(stale.stderr).toContain('Run `graphdoc generate` and commit the result.');
    expect(readFileSync(join(work, 'generated', 'index.ts'), 'utf8')).toBe('// edited\n');
    expect(existsSync(join(work, 'generated', 'microsoft.graph.ts'))).toBe(false);
  });

  it('--check compares bytes: a byte-order mark or CRLF line endings make the output stale', () => {
    expect(run(work, ['generate']).code).toBe(0);
    const index = join(work, 'generated', 'index.ts');
    const text = readFileSync(index, 'utf8');
    writeFileSync(index, `\uFEFF${text}`);
    expect(run(work, ['generate', '--check']).code).toBe(1);
    writeFileSync(index, text.replace(/\n/g, '\r\n'));
    expect(run(work, ['generate', '--check']).code).toBe(1);
    writeFileSync(index, text);
    expect(run(work, ['generate', '--check']).code).toBe(0);
  });

  it('--check on a fresh directory: exit 1, every file added, and neither the output nor the cache is created', () => {
    const result = run(work, ['generate', '--check']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(Object.keys(snapshot(join(root, 'generated'))).map((f) => `  added    ${f}`));
    expect(readdirSync(work)).toEqual(['specs']);
  });

  it('exits 2 on usage errors, with a message', () => {
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
      const result = run(work, args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).not.toBe('');
      expect(result.stderr).not.toContain('internal error');
    }
    expect(readdirSync(work)).toEqual(['specs']);
  });

  it('refuses to replace an output directory that holds a package.json (exit 2, nothing touched)', () => {
    mkdirSync(join(work, 'app'));
    writeFileSync(join(work, 'app', 'package.json'), '{}\n');
    const result = run(work, ['generate', '--out', 'app']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('contains package.json');
    expect(snapshot(join(work, 'app'))).toEqual({ 'package.json': '{}\n' });
  });

  it('--help works for the program and for generate, and documents every setting', () => {
    const top = run(work, ['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('generate [options]');
    const help = run(work, ['generate', '--help']);
    expect(help.code).toBe(0);
    for (const spec of settingSpecs) expect(help.stdout).toContain(`--${spec.flag}`);
    for (const flag of ['--check', '--watch', '--config', '--strict', '--no-cache']) expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('Exit codes');
  });

  it('prints each diagnostic as file:line:column, keeps going past a bad page, and --strict / --max-warnings fail on warnings', () => {
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage);
    const lenient = run(work, ['generate']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('specs/broken.md:7:7  warning  Unknown type "Strng"; typed as unknown  unknown-type\n');
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
    const before = snapshot(join(work, 'generated'));
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage.replace('|size|Strng|How big.|', '|size|Strng|How big.|\n|weight|Numbr|How heavy.|'));
    const strict = run(work, ['generate', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('not written: more than 0 warnings');
    expect(run(work, ['generate', '--max-warnings', '1']).code).toBe(1);
    expect(snapshot(join(work, 'generated'))).toEqual(before);
    expect(run(work, ['generate', '--max-warnings', '2']).code).toBe(0);
    expect(run(work, ['generate', '--check', '--max-warnings', '1']).code).toBe(1);
    expect(run(work, ['generate', '--check', '--max-warnings', '2']).code).toBe(0);
  });

  it('leaves the previous output byte-identical when a run fails, and removes files no longer produced', () => {
    expect(run(work, ['generate']).code).toBe(0);
    writeFileSync(join(work, 'generated', 'old.ts'), '// from an earlier run\n');
    const before = snapshot(join(work, 'generated'));
    writeFileSync(join(work, 'specs', 'clash.md'), clashPage);
    const failed = run(work, ['generate']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('not written: errors in the docs');
    expect(snapshot(join(work, 'generated'))).toEqual(before);
    rmSync(join(work, 'specs', 'clash.md'));
    expect(run(work, ['generate']).code).toBe(0);
    expect(existsSync(join(work, 'generated', 'old.ts'))).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['.graphdoc-cache', 'generated', 'specs']);
  });

  it('does not rewrite an output that is already up to date', () => {
    expect(run(work, ['generate']).code).toBe(0);
    const second = run(work, ['generate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^graphdoc: generated already up to date \(2 pages \(0 parsed\)/);
  });

  it('--layout type writes one file per type with barrels, and a switch back removes the folders', () => {
    expect(run(work, ['generate', '--layout', 'type']).code).toBe(0);
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
    expect(run(work, ['generate', '--layout', 'type', '--check']).code).toBe(0);
    const back = run(work, ['generate', '--check']);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('  removed  microsoft.graph/index.ts');
    expect(run(work, ['generate']).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });

  it('--include and --exclude choose the pages', () => {
    mkdirSync(join(work, 'specs', 'drafts'));
    writeFileSync(join(work, 'specs', 'drafts', 'widget.md'), widgetPage);
    const all = run(work, ['generate', '--format', 'json']);
    expect(JSON.parse(all.stdout).summary.pages).toBe(3);
    const excluded = run(work, ['generate', '--format', 'json', '--exclude', 'drafts/**']);
    expect(JSON.parse(excluded.stdout).summary.pages).toBe(2);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    const included = run(work, ['generate', '--format', 'json', '--include', 'drafts/*.md', '--check']);
    expect(JSON.parse(included.stdout).summary.pages).toBe(1);
  });
});

describe.skipIf(!built)('graphdoc generate: reporting', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir('report');
    cpSync(join(root, 'specs'), join(work, 'specs'), { recursive: true });
    writeFileSync(join(work, 'specs', 'broken.md'), widgetPage);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('--format json prints one JSON document on stdout and nothing on stderr', () => {
    const result = run(work, ['generate', '--format', 'json']);
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
      summary: { pages: 3, parsed: 3, declarations: 4, files: Object.keys(snapshot(join(root, 'generated'))).length, errors: 0, warnings: 1, notes: 0, durationMs: 0 },
      written: true,
      diagnostics: [],
    });
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ code: 'unknown-type', severity: 'warning', message: 'Unknown type "Strng"; typed as unknown', file: 'specs/broken.md', line: 7, column: 7 });
    writeFileSync(join(work, 'generated', 'index.ts'), '// edited\n');
    const check = run(work, ['generate', '--format', 'json', '--check']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ mode: 'check', ok: false, exitCode: 1, stale: { added: [], changed: ['index.ts'], removed: [] } });
  });

  it('prints GitHub Actions annotations when GITHUB_ACTIONS is set', () => {
    const result = run(work, ['generate'], { GITHUB_ACTIONS: 'true', CI: 'true' });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^::warning file=specs\/broken\.md,line=7,col=7,(endLine=7,endColumn=12,)?title=graphdoc unknown-type::Unknown type "Strng"; typed as unknown$/);
    expect(result.stderr).toBe('');
  });

  it('in CI a successful run prints one summary line and nothing else (besides its warnings)', () => {
    rmSync(join(work, 'specs', 'broken.md'));
    const result = run(work, ['generate'], { CI: 'true' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('colours only when forced or on a TTY, never with NO_COLOR', () => {
    const ansi = /\x1b\[/;
    expect(run(work, ['generate'], { NO_COLOR: undefined }).stderr).not.toMatch(ansi);
    expect(run(work, ['generate'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stderr).toMatch(ansi);
    expect(run(work, ['generate'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stderr).not.toMatch(ansi);
  });

  it('--verbose adds notes', () => {
    writeFileSync(join(work, 'specs', 'overview.md'), '# Overview\n\nNothing to see.\n');
    expect(run(work, ['generate']).stderr).not.toContain('no-type-defined');
    expect(run(work, ['generate', '--verbose']).stderr).toContain('specs/overview.md:1:1  info  ');
  });
});
