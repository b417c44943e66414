/**
 * Failures of the environment are usage errors, end to end: a read-only
 * output directory or parent, a full disk mid-write, a path that is a file,
 * an unreadable specs directory. Each gives exit 2 and one line naming the
 * path and what to do, no stack trace; the previous output stays
 * byte-identical, nothing is left beside it, and the next run after the cause
 * is removed succeeds with no cleanup by hand. A leftover of an earlier run
 * that cannot be removed is reported and does not fail the run.
 *
 * Permissions are real: as root (CI, this sandbox) chmod denies nothing, so
 * the CLI is spawned as an unprivileged user (uid/gid 65534) on directories
 * it owns; otherwise it runs as the current user and chmod does the denying.
 * The full disk is a small tmpfs when mounting one is permitted, else the
 * test-only fault hook GRAPHDOC_FAULT=enospc@write:N; the test says which.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, notBuiltMessage, root, run, runMain, snapshot, specsCopy, type CliResult, type RunAs } from './helpers.js';

if (!built) console.warn(notBuiltMessage);

const isRoot = process.getuid?.() === 0;
const nobody: RunAs | undefined = isRoot ? { uid: 65534, gid: 65534 } : undefined;

/** Makes `path` (recursively) the unprivileged user's, so that its own permission bits are what denies it. */
function giveAway(path: string): void {
  if (!nobody) return;
  chownSync(path, nobody.uid, nobody.gid);
  if (readdirSync(path, { withFileTypes: true }).length === 0) return;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) giveAway(child);
    else chownSync(child, nobody.uid, nobody.gid);
  }
}

/** Exit 2, one line on stderr starting `graphdoc: `, no stack trace. */
function expectUsageError(result: CliResult, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^graphdoc: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.graphdoc-(staging|previous|lock)/.test(name));

const widgetPage = (rows: number) =>
  ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', ...Array.from({ length: rows }, (_, i) => `|size${i}|Int32|How big, measured the ${i}th way.|`), ''].join('\n');

describe.skipIf(!built)(`failures of the environment (${nobody ? 'spawned as uid 65534' : 'spawned as this user, chmod'})`, () => {
  let work: string;
  const out = () => join(work, 'generated');
  const cli = (args: readonly string[], env: Record<string, string | undefined> = {}) => run(work, args, env, nobody);

  beforeEach(() => {
    work = specsCopy('env');
    chmodSync(work, 0o755);
    giveAway(work);
    expect(cli(['generate']).code).toBe(0);
    // An edit, so that the next run has something to write.
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage(1));
    giveAway(work);
  });
  afterEach(() => {
    for (const dir of [work, out(), join(out(), 'runtime')]) if (existsSync(dir)) chmodSync(dir, 0o755);
    rmSync(work, { recursive: true, force: true });
  });

  for (const [label, readOnly] of [
    ['output directory', () => out()],
    ['output subdirectory', () => join(out(), 'runtime')],
  ] as const) {
    it(`a read-only ${label}: exit 2 naming it, previous output intact; after chmod the next run succeeds with no cleanup`, () => {
      const before = snapshot(out());
      chmodSync(readOnly(), 0o555);
      const refused = cli(['generate']);
      expectUsageError(refused, new RegExp(`^graphdoc: cannot replace ${out()}: ${readOnly()} is not writable: permission denied \\(EACCES\\)\\. Make it writable \\(chmod -R u\\+w ${out()}\\), or choose another --out\\.\\n$`));
      expect(snapshot(out())).toEqual(before);
      expect(leftovers(work)).toEqual([]);
      chmodSync(readOnly(), 0o755);
      const next = cli(['generate']);
      expect(next).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
      expect(leftovers(work)).toEqual([]);
    });
  }

  it('a read-only parent: exit 2 naming it and saying why it must be writable; after chmod the next run succeeds', () => {
    const before = snapshot(out());
    chmodSync(work, 0o555);
    const refused = cli(['generate', '--no-cache']);
    expectUsageError(refused, new RegExp(`^graphdoc: cannot write beside ${out()} in ${work}: permission denied \\(EACCES\\)\\. graphdoc writes the new output next to the old one and swaps them: make ${work} writable, or choose another --out\\.\\n$`));
    expect(snapshot(out())).toEqual(before);
    chmodSync(work, 0o755);
    expect(leftovers(work)).toEqual([]);
    expect(cli(['generate'])).toMatchObject({ code: 0, stderr: '' });
    expect(leftovers(work)).toEqual([]);
  });

  it('an unreadable specs directory: exit 2', () => {
    chmodSync(join(work, 'specs'), 0o000);
    try {
      expectUsageError(cli(['generate']), new RegExp(`^graphdoc: cannot read the specs directory ${join(work, 'specs')} \\(EACCES\\): check its permissions\\n$`));
    } finally {
      chmodSync(join(work, 'specs'), 0o755);
    }
  });

  it('a leftover of an earlier run that cannot be removed is reported and does not fail the run', () => {
    const leftover = join(work, '.generated.graphdoc-staging-999999999-0123456789ab');
    mkdirSync(join(leftover, 'locked'), { recursive: true });
    writeFileSync(join(leftover, 'locked', 'index.ts'), '// half-written\n');
    giveAway(work);
    chmodSync(join(leftover, 'locked'), 0o555);
    try {
      const result = cli(['generate']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`graphdoc: .generated.graphdoc-staging-999999999-0123456789ab, left by an interrupted run, could not be removed: permission denied (EACCES); remove it by hand\n`);
      expect(readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
    } finally {
      chmodSync(join(leftover, 'locked'), 0o755);
    }
    expect(cli(['generate'])).toMatchObject({ code: 0, stderr: 'graphdoc: removed .generated.graphdoc-staging-999999999-0123456789ab, left by an interrupted run\n' });
  });
});

describe('paths that are files (in-process)', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('env-paths');
    writeFileSync(join(work, 'notes'), 'a file\n');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('an output path that is a file, or under a file: exit 2, the file untouched', async () => {
    const file = await runMain(work, ['generate', '--out', 'notes']);
    expectUsageError(file, new RegExp(`^graphdoc: output path exists and is not a directory: ${join(work, 'notes')}; remove it or choose another --out\\n$`));
    const under = await runMain(work, ['generate', '--out', 'notes/generated']);
    expectUsageError(under, new RegExp(`^graphdoc: cannot write beside ${join(work, 'notes', 'generated')} in ${join(work, 'notes')}: (a part of the path is a file, not a directory \\(ENOTDIR\\)|it already exists \\(EEXIST\\))\\. `));
    expect(readFileSync(join(work, 'notes'), 'utf8')).toBe('a file\n');
    const specsFile = await runMain(work, ['generate', '--specs', 'notes']);
    expectUsageError(specsFile, /^graphdoc: specs directory not found: .*notes is a file\n$/);
  });
});

/** Mounts a tmpfs of `kilobytes` at `dir`; false when this machine does not permit it. */
function mountTmpfs(dir: string, kilobytes: number): boolean {
  if (!isRoot) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!built)('a full disk mid-write', () => {
  it('exit 2 naming the file and the cause; the previous output intact, nothing left beside it; the next run with space succeeds', () => {
    const work = specsCopy('env-full');
    const disk = join(work, 'disk');
    mkdirSync(disk);
    const tmpfs = mountTmpfs(disk, 96);
    console.info(tmpfs ? 'full disk: a 96 KB tmpfs' : 'full disk: mounting a tmpfs is not permitted here; using GRAPHDOC_FAULT=enospc@write:2');
    try {
      const args = ['generate', '--out', join(disk, 'generated')];
      expect(run(work, args).code).toBe(0);
      const before = snapshot(join(disk, 'generated'));
      // Enough properties that the new output does not fit beside the old one.
      writeFileSync(join(work, 'specs', 'widget.md'), widgetPage(400));
      const full = run(work, args, tmpfs ? {} : { GRAPHDOC_FAULT: 'enospc@write:2' });
      expectUsageError(full, new RegExp(`^graphdoc: cannot write the new generated \\([^)]+, staged beside it in ${disk}\\): no space left on the device \\(ENOSPC\\)\\. Nothing was replaced: ${join(disk, 'generated')} is as it was\\. Free some space and run again\\.\\n$`));
      expect(snapshot(join(disk, 'generated'))).toEqual(before);
      expect(leftovers(disk)).toEqual([]);
      if (tmpfs) execFileSync('mount', ['-o', 'remount,size=4m', disk], { stdio: 'ignore' });
      expect(run(work, args)).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(join(disk, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('size399?: number | null;');
    } finally {
      if (tmpfs) execFileSync('umount', [disk], { stdio: 'ignore' });
      rmSync(work, { recursive: true, force: true });
    }
  });
});
