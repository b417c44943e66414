/**
 * Atomic output, end to end: a run killed (SIGKILL) or failing part-way
 * through writing leaves the previous output byte-identical; the next run
 * cleans up what the killed one left, and only that. Faults are injected with
 * GRAPHDOC_FAULT (see generator/output.ts), so the kill lands at an exact
 * point rather than at a lucky moment; those runs are spawned (bin/graphdoc.js),
 * the others run in-process.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, notBuiltMessage, run, runMain, snapshot, specsCopy } from './helpers.js';

if (!built) console.warn(notBuiltMessage);

const callRecordPage = ['# callRecord resource type', '', 'Namespace: microsoft.graph.callRecords', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|version|Int64|Version.|', ''].join('\n');
const oldFile = 'microsoft.graph.callRecords.ts';
const widgetPage = ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Int32|How big.|', ''].join('\n');

describe.skipIf(!built)('atomic output', () => {
  let work: string;
  let before: Record<string, string>;
  const out = () => join(work, 'generated');
  const leftovers = () => readdirSync(work).filter((name) => /\.graphdoc-(staging|previous)-/.test(name));

  beforeEach(async () => {
    work = specsCopy('atomic');
    // An earlier run wrote a file for a page that is gone since: the next run removes it.
    writeFileSync(join(work, 'specs', 'callrecord.md'), callRecordPage);
    expect((await runMain(work, ['generate'])).code).toBe(0);
    rmSync(join(work, 'specs', 'callrecord.md'));
    expect(existsSync(join(out(), oldFile))).toBe(true);
    before = snapshot(out());
    // An edit, so that the next run has something to write.
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  for (const layout of ['namespace', 'type']) {
    it(`a run killed after writing one file leaves the previous output byte-identical (layout ${layout}); the next run removes the leftover`, async () => {
      const killed = run(work, ['generate', '--layout', layout], { GRAPHDOC_FAULT: 'kill@file:1' });
      expect(killed.signal).toBe('SIGKILL');
      expect(snapshot(out())).toEqual(before);
      expect(leftovers()).toHaveLength(1);
      expect(leftovers()[0]).toMatch(/^\.generated\.graphdoc-staging-\d+-[0-9a-f]{12}$/);

      const next = await runMain(work, ['generate', '--layout', layout]);
      expect(next.code).toBe(0);
      expect(next.stderr).toMatch(/^graphdoc: removed \.generated\.graphdoc-staging-\d+-[0-9a-f]{12}, left by an interrupted run\n$/);
      expect(leftovers()).toEqual([]);
      expect(existsSync(join(out(), oldFile))).toBe(false);
      expect((await runMain(work, ['generate', '--layout', layout, '--check', '--no-cache'])).code).toBe(0);
    });
  }

  it('a run that fails after writing some files exits 3 and leaves the previous output byte-identical, with nothing left beside it', async () => {
    const failed = run(work, ['generate'], { GRAPHDOC_FAULT: 'throw@file:1' });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('internal error');
    expect(snapshot(out())).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('a run killed between its two renames: --check says how to recover, the next run restores the previous output first', async () => {
    const killed = run(work, ['generate'], { GRAPHDOC_FAULT: 'kill@swap' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out())).toBe(false);
    const [previous] = leftovers().filter((name) => name.includes('previous'));
    expect(previous).toBeDefined();
    expect(snapshot(join(work, previous ?? ''))).toEqual(before);

    const check = await runMain(work, ['generate', '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('an interrupted run left it in');
    expect(leftovers()).toContain(previous);

    const next = await runMain(work, ['generate']);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`restored generated from an interrupted run (${previous})`);
    expect(leftovers()).toEqual([]);
    expect((await runMain(work, ['generate', '--check', '--no-cache'])).code).toBe(0);
  });

  it('never touches a staging directory of a live process, look-alike names, or anything else beside the output', async () => {
    const live = join(work, `.generated.graphdoc-staging-${process.pid}-0123456789ab`);
    const lookAlike = join(work, '.generated.graphdoc-staging-notes');
    const otherOutput = join(work, '.other.graphdoc-staging-999999999-0123456789ab');
    for (const dir of [live, lookAlike, otherOutput]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'keep.txt'), 'keep\n');
    }
    writeFileSync(join(work, 'README.md'), 'beside the output\n');
    expect((await runMain(work, ['generate'])).code).toBe(0);
    for (const dir of [live, lookAlike, otherOutput]) expect(snapshot(dir)).toEqual({ 'keep.txt': 'keep\n' });
    expect(snapshot(join(work, 'specs'))['widget.md']).toBe(widgetPage);
    expect(readdirSync(work).sort()).toEqual([basename(live), basename(lookAlike), basename(otherOutput), '.graphdoc-cache', 'README.md', 'generated', 'specs'].sort());
  });

  it('follows an output directory that is a symbolic link, keeping the link', async () => {
    renameSync(out(), join(work, 'real-output'));
    symlinkSync('real-output', out(), 'dir');
    expect((await runMain(work, ['generate'])).code).toBe(0);
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    expect(snapshot(join(work, 'real-output'))['microsoft.graph.ts']).toContain('export interface Widget {');
  });
});
