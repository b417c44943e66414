/**
 * Watch mode's model line: after each run but the first, one line says what
 * changed in the model since the previous run. In-process
 * (`watchAndGenerate` with captured output and a stop promise) on a
 * temporary copy of specs/.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, resolveSettings } from '../../generator/config.js';
import type { Io } from '../../generator/report.js';
import { watchAndGenerate } from '../../generator/watch.js';
import { specsCopy } from '../build-step/helpers.js';

/** Generous: file-system events can be slow on a loaded machine. What is asserted is "within this bound". */
const bound = 20_000;

describe('graphdoc generate --watch: what changed in the model', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('diff-watch');
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ debounce: 50, cache: false }));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('prints nothing after the first run, then one line per run that changed the model', { timeout: 90_000 }, async () => {
    let stdout = '';
    const io: Io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: work };
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const lines = () => stdout.split('\n').filter((l) => l !== '');
    const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
      const started = Date.now();
      for (;;) {
        const found = lines().slice(from).find((l) => pattern.test(l));
        if (found !== undefined) return found;
        if (Date.now() - started > bound) throw new Error(`no line ${pattern} within ${bound} ms; output:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const watching = watchAndGenerate({ io, resolveSettings: () => resolveSettings(loadConfig(work), {}, work), configFiles: [join(work, 'graphdoc.config.json')], stop: stopped });
    try {
      await waitFor(/^graphdoc: watching /, 0);
      expect(lines().filter((l) => l.startsWith('graphdoc: model:'))).toEqual([]);

      const page = join(work, 'specs', 'synchronizationerror.md');
      const original = readFileSync(page, 'utf8');
      let mark = lines().length;
      writeFileSync(page, original.replace(/^(\|code\|.*\|)$/m, '$1\n|retryCount|Int32|How many times it was retried.|'));
      await waitFor(/^graphdoc: 1 page changed, /, mark);
      expect(await waitFor(/^graphdoc: model: /, mark)).toBe('graphdoc: model: synchronizationError: +1 property');

      mark = lines().length;
      writeFileSync(page, original);
      await waitFor(/^graphdoc: 1 page changed, /, mark);
      expect(await waitFor(/^graphdoc: model: /, mark), stdout).toBe('graphdoc: model: synchronizationError: −1 property (breaking)');

      // A change that leaves the model as it was (a description) prints no model line.
      mark = lines().length;
      writeFileSync(page, original.replace('The error code', 'The code of the error'));
      await waitFor(/^graphdoc: 1 page changed, /, mark);
      expect(lines().slice(mark).filter((l) => l.startsWith('graphdoc: model:'))).toEqual([]);
    } finally {
      stop();
      await watching;
    }
  });
});
