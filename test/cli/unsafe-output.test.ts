/**
 * The CLI refuses an output directory whose replacement would destroy
 * sources (exit 2, nothing touched) and accepts output directories elsewhere,
 * including temporary directories outside the project.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, notBuiltMessage, root, run, snapshot, tempDir } from '../build-step/helpers.js';

if (!built) console.warn(notBuiltMessage);

describe.skipIf(!built)('graphdoc generate: output directories that would destroy sources', () => {
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

  it.each(refusals)('refuses %s with exit 2 and touches nothing', (_label, out) => {
    const before = snapshot(work);
    const homeBefore = snapshot(home);
    const result = run(work, ['generate', '--specs', 'docs/specs', '--out', out(work, home)], { HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^graphdoc: refusing to /m);
    expect(snapshot(work)).toEqual(before);
    expect(snapshot(home)).toEqual(homeBefore);
  });

  it('writes to a temporary directory outside the project as usual', () => {
    const outside = tempDir('outside');
    try {
      const result = run(work, ['generate', '--specs', 'docs/specs', '--out', join(outside, 'types')], { HOME: home });
      expect(result.code).toBe(0);
      expect(readdirSync(join(outside, 'types')).length).toBeGreaterThan(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
