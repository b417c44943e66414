/**
 * The CLI refuses an output directory whose replacement would destroy
 * sources (exit 2, nothing touched) and accepts output directories elsewhere,
 * including temporary directories outside the project. In-process (the home
 * directory is HOME, set for the run).
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runMain, snapshot, tempDir } from '../build-step/helpers.js';

/** Runs the CLI with HOME set to `home`, as os.homedir() reads it. */
async function run(cwd: string, args: readonly string[], home: string) {
  const saved = process.env.HOME;
  process.env.HOME = home;
  try {
    return await runMain(cwd, args);
  } finally {
    process.env.HOME = saved;
  }
}

describe('graphdoc generate: output directories that would destroy sources', () => {
  let work: string;
  let home: string;
  beforeEach(() => {
    work = tempDir('unsafe');
    home = tempDir('home');
    mkdirSync(join(work, 'docs'));
    cpSync(join(root, 'specs'), join(work, 'docs', 'specs'), { recursive: true });
    writeFileSync(join(home, 'notes.txt'), 'keep me\n');
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  const refusals: readonly [string, (work: string, home: string) => string][] = [
    ['the specs directory itself', () => 'docs/specs'],
    ['a directory containing the specs', () => 'docs'],
    ['the project root (the working directory)', () => '.'],
    ['the file system root', () => '/'],
    ['the home directory', (_work, home) => home],
  ];

  it.each(refusals)('refuses %s with exit 2 and touches nothing', async (_label, out) => {
    const before = snapshot(work);
    const homeBefore = snapshot(home);
    const result = await run(work, ['generate', '--specs', 'docs/specs', '--out', out(work, home)], home);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^graphdoc: refusing to /m);
    expect(snapshot(work)).toEqual(before);
    expect(snapshot(home)).toEqual(homeBefore);
  });

  it('writes to a temporary directory outside the project as usual', async () => {
    const outside = tempDir('outside');
    try {
      const result = await run(work, ['generate', '--specs', 'docs/specs', '--out', join(outside, 'types')], home);
      expect(result.code).toBe(0);
      expect(readdirSync(join(outside, 'types')).length).toBeGreaterThan(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
