/**
 * Reads many pages on two threads: `diff` reads two versions of the docs, so
 * a cold run parses up to twice as many pages as `generate` does. The pages
 * the cache lacks are split in two by size; a worker thread reads one half
 * while this thread reads the other, and every result goes into the cache.
 * Measured with `npm run bench:diff`. With one CPU, few pages, or no compiled
 * worker beside this module (running from the TypeScript sources), it reads
 * everything on this thread: the results are the same either way.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readPage } from '../model-pipeline.js';
import type { Page, PageCache, PageRead } from '../pipeline.js';

/** Below this many pages to parse, starting a worker (about 0.3 s to load the parser) costs more than it saves. */
export const parallelThreshold = 200;

const workerFile = new URL('./read-worker.js', import.meta.url);

/**
 * A cache holding every given page's result, read from `cache` or parsed
 * (then stored in `cache`); `onPage` is called as pages are done.
 */
export async function readAll(pages: readonly Page[], cache: PageCache, onPage?: (done: number, total: number) => void): Promise<PageCache> {
  // A page both versions share (same path, same text) is read once.
  const identity = (page: Page) => `${page.path}\0${page.text}`;
  const results = new Map<string, PageRead>();
  const misses = new Map<string, Page>();
  for (const page of pages) {
    const id = identity(page);
    if (results.has(id) || misses.has(id)) continue;
    const read = cache.get(page);
    if (read) results.set(id, read);
    else misses.set(id, page);
  }
  let done = results.size;
  const total = results.size + misses.size;
  const store = (page: Page, read: PageRead) => {
    results.set(identity(page), read);
    cache.set(page, read);
    onPage?.(++done, total);
  };
  const parallel = misses.size >= parallelThreshold && availableParallelism() > 1 && existsSync(fileURLToPath(workerFile));
  // Alternate pages (largest first) between the halves, so that both take about as long.
  const bySize = [...misses.values()].sort((a, b) => b.text.length - a.text.length);
  const theirs = parallel ? bySize.filter((_, i) => i % 2 === 1) : [];
  const mine = parallel ? bySize.filter((_, i) => i % 2 === 0) : bySize;
  const worker = theirs.length > 0 ? readInWorker(theirs) : undefined;
  for (const page of mine) store(page, readPage(page));
  const reads = (await worker) ?? [];
  theirs.forEach((page, index) => {
    const read = reads[index];
    if (!read) throw new Error(`page reader worker returned no result for ${page.path}`);
    store(page, read);
  });
  return { get: (page) => results.get(identity(page)), set: () => undefined };
}

function readInWorker(pages: readonly Page[]): Promise<PageRead[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: pages });
    worker.once('message', (reads: PageRead[]) => {
      resolve(reads);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`page reader worker exited with code ${code} before answering`)));
  });
}
