/**
 * When reading on this thread fails (a bug: `readPages` is written not to throw), `readPagesOnTwoThreads` rejects with
 * that error, stops the worker, and leaves no second, unhandled error behind (vitest fails a run that has one).
 */
import { expect, it, vi } from 'vitest';
import { readPagesOnTwoThreads } from '../../generator/page-reader.js';

vi.mock('../../generator/model-pipeline.js', () => ({
  readPages: () => {
    throw new Error('reading here failed');
  },
}));

it('rejects with the error of this thread and stops the worker', async () => {
  const pages = [{ path: 'a.md', text: '# a\n' }];
  await expect(readPagesOnTwoThreads(pages, { size: 1 })).rejects.toThrow('reading here failed');
  // Time for the terminated worker's exit event to arrive: an unhandled rejection from it would fail the run.
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 60_000);
