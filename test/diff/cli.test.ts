/**
 * `graphdoc diff` through the command line: in-process through
 * `main(argv, io)` on temporary folders and git repositories (folders,
 * `.` for the configured specs folder, `git:REF` in a fresh clone with a
 * dirty work tree, formats, `--fail-on`, usage errors), plus one spawned
 * smoke test of the real binary.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import type { Io } from '../../generator/report.js';
import { built, notBuiltMessage, run, tempDir } from '../build-step/helpers.js';

const fixture = fileURLToPath(new URL('./format', import.meta.url));

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function graphdoc(cwd: string, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: { NO_COLOR: '1' }, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=graphdoc test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const headline = /^graphdoc diff .* → .*: (\d+) breaking, (\d+) non-breaking, (\d+) unknown/;

describe('graphdoc diff (in-process)', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir('diff');
    cpSync(join(fixture, 'old'), join(work, 'old'), { recursive: true });
    cpSync(join(fixture, 'new'), join(work, 'new'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('compares two folders: exit 1 on breaking changes by default, and --fail-on decides', async () => {
    const result = await graphdoc(work, 'diff', 'old', 'new');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('graphdoc diff old → new: 2 breaking, 1 non-breaking, 0 unknown; 1 doc edit not counted');
    expect(result.stdout).toContain('  breaking      property mySite removed (was String | null)  [removed-property: read breaking, write breaking]  old/user.md:12\n');
    expect(result.stdout).toContain('  non-breaking  property employeeType added: String | null  [added-property: read non-breaking, write non-breaking]  new/user.md:12\n');
    expect(result.stderr).toBe('');
    expect((await graphdoc(work, 'diff', 'old', 'new', '--fail-on', 'none')).code).toBe(0);
    expect((await graphdoc(work, 'diff', 'old', 'old', '--fail-on', 'any')).code).toBe(0);
    // Only non-breaking changes: --fail-on breaking passes, --fail-on any fails.
    cpSync(join(work, 'old'), join(work, 'added'), { recursive: true });
    writeFileSync(join(work, 'added', 'gadget.md'), ['# gadget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:---|:---|:---|', '|name|String|The name.|', ''].join('\n'));
    const added = await graphdoc(work, 'diff', 'old', 'added');
    expect(added.stdout).toMatch(/^graphdoc diff old → added: 0 breaking, 1 non-breaking, 0 unknown\n/);
    expect(added.code).toBe(0);
    expect((await graphdoc(work, 'diff', 'old', 'added', '--fail-on', 'any')).code).toBe(1);
  });

  it('prints JSON and markdown', async () => {
    const json = await graphdoc(work, 'diff', 'old', 'new', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, old: 'old', new: 'new', summary: { breaking: 2, nonBreaking: 1, unknown: 0 } });
    const markdown = await graphdoc(work, 'diff', 'old', 'new', '--format', 'markdown', '--fail-on', 'none');
    expect(markdown.stdout.split('\n')[0]).toBe('**graphdoc diff**: 2 breaking, 1 non-breaking, 0 unknown (old → new)');
    expect(markdown.code).toBe(0);
  });

  it('reads "." as the configured specs folder, and keeps one cache for both sides (none with --no-cache)', async () => {
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ specs: 'new', cacheDir: 'cache' }));
    const result = await graphdoc(work, 'diff', 'old', '.', '--fail-on', 'none');
    expect(result.stdout.split('\n')[0]).toMatch(/^graphdoc diff old → \.: 2 breaking, 1 non-breaking/);
    expect(result.stdout).toContain('new/user.md:12');
    expect(readdirSync(join(work, 'cache'))).toHaveLength(1);
    expect(await graphdoc(work, 'diff', 'old', '.', '--fail-on', 'none')).toEqual(result);
    rmSync(join(work, 'cache'), { recursive: true });
    await graphdoc(work, 'diff', 'old', '.', '--no-cache');
    expect(existsSync(join(work, 'cache'))).toBe(false);
  });

  it('exits 2 on usage errors, with a message', async () => {
    const cases: string[][] = [['diff', 'old', 'missing'], ['diff', 'old'], ['diff', 'old', 'new', '--format', 'yaml'], ['diff', 'old', 'new', '--fail-on', 'warnings'], ['diff', 'old', 'new', '--frobnicate'], ['diff', 'git:main', 'new']];
    for (const argv of cases) {
      const result = await graphdoc(work, ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).not.toBe('');
      expect(result.stdout).toBe('');
    }
    expect((await graphdoc(work, 'diff', 'old', 'missing')).stderr).toMatch(/^graphdoc: missing: specs directory not found: /);
    expect((await graphdoc(work, 'diff', 'git:main', 'new')).stderr).toMatch(/is not inside a git work tree/);
  });
});

describe('graphdoc diff git:REF', () => {
  let work: string;
  let clone: string;
  beforeEach(() => {
    work = tempDir('diff-git');
    const origin = join(work, 'origin');
    mkdirSync(origin);
    git(origin, 'init', '-q');
    cpSync(join(fixture, 'old'), join(origin, 'docs', 'reference'), { recursive: true });
    writeFileSync(join(origin, 'graphdoc.config.json'), JSON.stringify({ specs: 'docs/reference' }));
    writeFileSync(join(origin, '.gitignore'), '.graphdoc-cache/\n');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'old docs');
    git(origin, 'tag', 'v1');
    clone = join(work, 'clone');
    git(work, 'clone', '-q', origin, clone);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('reads the configured specs folder at a revision in a fresh clone, whatever the work tree holds', async () => {
    expect((await graphdoc(clone, 'diff', 'git:origin/main', '.')).stdout).toMatch(/^graphdoc diff git:origin\/main → \.: 0 breaking, 0 non-breaking, 0 unknown\n$/);
    // A dirty work tree: the new pages over the old, not committed, and an untracked page.
    rmSync(join(clone, 'docs', 'reference'), { recursive: true });
    cpSync(join(fixture, 'new'), join(clone, 'docs', 'reference'), { recursive: true });
    const dirty = await graphdoc(clone, 'diff', 'git:origin/main', '.');
    expect(dirty.code).toBe(1);
    expect(dirty.stdout.split('\n')[0]).toBe('graphdoc diff git:origin/main → .: 2 breaking, 1 non-breaking, 0 unknown; 1 doc edit not counted');
    expect(dirty.stdout).toContain('origin/main:docs/reference/user.md:12');
    expect(dirty.stdout).toContain('  non-breaking  property employeeType added: String | null  [added-property: read non-breaking, write non-breaking]  docs/reference/user.md:12\n');
    // Both sides from the object database: the work tree does not matter, and a subdirectory works as well as the top.
    expect((await graphdoc(clone, 'diff', 'git:v1', 'git:HEAD')).stdout).toMatch(headlineOf(0, 0, 0));
    mkdirSync(join(clone, 'docs', 'elsewhere'));
    expect((await graphdoc(join(clone, 'docs'), 'diff', 'git:origin/main', 'reference', '--specs', 'reference')).stdout).toMatch(headlineOf(2, 1, 0));
    // Committed: the revisions differ.
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'new docs');
    const json = JSON.parse((await graphdoc(clone, 'diff', 'git:v1', 'git:HEAD', '--format', 'json')).stdout) as { summary: unknown; changes: { source: unknown }[] };
    expect(json.summary).toEqual({ breaking: 2, nonBreaking: 1, unknown: 0 });
    expect(json.changes.map((c) => c.source)).toEqual([{ file: 'agegroup.md', line: 12 }, { file: 'user.md', line: 12 }, { file: 'user.md', line: 12 }]);
  });

  it('refuses a revision that does not exist, and a specs folder the revision does not have, with exit 2', async () => {
    for (const ref of ['git:no-such-branch', 'git:', 'git:--output=x', 'git:HEAD~5']) {
      const result = await graphdoc(clone, 'diff', ref, '.');
      expect(result.code, ref).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect((await graphdoc(clone, 'diff', 'git:no-such-branch', '.')).stderr).toBe('graphdoc: git:no-such-branch: no such git revision\n');
    const absent = await graphdoc(clone, 'diff', 'git:v1', '.', '--specs', 'docs/other');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe('graphdoc: git:v1: no folder "docs/other" at that revision\n');
    expect(existsSync(join(clone, 'x'))).toBe(false);
  });
});

function headlineOf(breaking: number, nonBreaking: number, unknown: number): RegExp {
  return new RegExp(`^graphdoc diff [^\\n]*: ${breaking} breaking, ${nonBreaking} non-breaking, ${unknown} unknown`);
}

if (!built) console.warn(notBuiltMessage);

describe.skipIf(!built)('graphdoc diff (spawned)', () => {
  it('runs as a command: report on stdout, exit 1 on breaking changes', () => {
    const work = tempDir('diff-spawn');
    try {
      cpSync(fixture, work, { recursive: true });
      const result = run(work, ['diff', 'old', 'new']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(headline);
      expect(result.stdout.match(headline)?.slice(1)).toEqual(['2', '1', '0']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
