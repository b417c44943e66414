/**
 * Two runs at once, end to end (spawned: two real processes). A run re-reads
 * the specs under the output's lock just before its swap and does not write
 * when they changed since it read them; so a run that started before an edit
 * never overwrites the output of a run that started after it, and says so.
 * The lock serialises swaps, and a lock left by a killed run is broken.
 * Runs are held at exact points with GRAPHDOC_FAULT=pause@… (generator/output.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, CliProcess, notBuiltMessage, runMain, specsCopy } from './helpers.js';

if (!built) console.warn(notBuiltMessage);

const widgetPage = ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Int32|How big.|', ''].join('\n');

async function until(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!built)('two runs at once', () => {
  let work: string;
  let faults: string;
  let processes: CliProcess[] = [];
  const out = () => join(work, 'generated');
  /** A spawned run held at `point` until `resume()`. */
  const held = async (point: string): Promise<CliProcess> => {
    const cli = new CliProcess(work, ['generate'], { GRAPHDOC_FAULT: `pause@${point}`, GRAPHDOC_FAULT_DIR: faults });
    processes.push(cli);
    await until(() => existsSync(join(faults, `paused-${cli.child.pid}`)), `the run to pause at ${point}`);
    return cli;
  };
  const resume = () => writeFileSync(join(faults, 'resume'), '');
  const upToDateWithSpecs = async () => (await runMain(work, ['generate', '--check', '--no-cache'])).code === 0;

  beforeEach(async () => {
    work = specsCopy('concurrent');
    faults = join(work, 'faults');
    mkdirSync(faults);
    expect((await runMain(work, ['generate'])).code).toBe(0);
  });
  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    processes = [];
    rmSync(work, { recursive: true, force: true });
  });

  it('a run that started before an edit and finishes after a run that started after it does not overwrite the newer output, and says so', async () => {
    const older = await held('read');
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const newer = new CliProcess(work, ['generate']);
    processes.push(newer);
    expect(await newer.exited).toEqual({ code: 0, signal: null });
    expect(newer.stdout).toMatch(/^graphdoc: wrote generated /);
    const newerOutput = readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8');
    expect(newerOutput).toContain('export interface Widget {');

    resume();
    expect(await older.exited).toEqual({ code: 1, signal: null });
    expect(older.stdout).toBe('');
    expect(older.stderr).toBe(
      'graphdoc: not written: specs/widget.md changed while this run was reading the specs, so its output would be stale. Run graphdoc generate again (a run started after the change writes the new output).\n',
    );
    expect(readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8')).toBe(newerOutput);
    expect(await upToDateWithSpecs()).toBe(true);
  });

  it('swaps are serialised: a run waits for the lock of a run half-way through its swap, then writes the newer output', async () => {
    // A first edit, for the older run to write.
    writeFileSync(join(work, 'specs', 'gadget.md'), widgetPage.replace(/widget/g, 'gadget'));
    const older = await held('swap');
    expect(readdirSync(work)).toContain('.generated.graphdoc-lock');
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const newer = new CliProcess(work, ['generate']);
    processes.push(newer);
    // The newer run gets as far as the lock and waits there.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(newer.child.exitCode).toBe(null);
    resume();
    expect(await older.exited).toEqual({ code: 0, signal: null });
    expect(await newer.exited).toEqual({ code: 0, signal: null });
    const written = readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8');
    expect(written).toContain('export interface Gadget {');
    expect(written).toContain('export interface Widget {');
    expect(await upToDateWithSpecs()).toBe(true);
    expect(readdirSync(work).filter((name) => name.includes('.graphdoc-') && name !== '.graphdoc-cache')).toEqual([]);
  });

  it('the lock of a run killed while holding it is broken by the next run', async () => {
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const killed = await held('locked');
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(readdirSync(work)).toContain('.generated.graphdoc-lock');
    const next = await runMain(work, ['generate']);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^graphdoc: removed \.generated\.graphdoc-staging-\d+-[0-9a-f]{12}, left by an interrupted run\n$/);
    expect(readdirSync(work).filter((name) => name.includes('.graphdoc-') && name !== '.graphdoc-cache')).toEqual([]);
    expect(await upToDateWithSpecs()).toBe(true);
  });
});
