/**
 * Reading pages on two cores: `readPagesOnTwoThreads(pages)` reads them on
 * this thread and in a worker thread at once, and resolves to what
 * `readPages` gives for each, in order. Reading a page is independent of
 * every other page and is most of a cold run's time.
 *
 * The pages are cut into small batches (`batchSize` characters, in the order
 * given, never between pages with the same path: two versions of a page are
 * read in one batch, so they share their parsing), and the two threads take
 * the next batch from one shared counter whenever they are free. Neither
 * waits for the other for more than about one batch, however the work is
 * spread over the pages and however late the worker starts (it loads its
 * modules first).
 */
import { Worker } from 'node:worker_threads';
import { readPages } from './model-pipeline.js';
import type { Page, PageRead } from './pipeline.js';

/**
 * Characters per batch. The two v1.0 versions (6.4 M characters) make 87 batches, each about 1% of the reading, so the
 * threads end close together; what pages share is lost only across a batch's edges (`npm run bench:diff` prints how
 * much the parser reads in these batches and in one).
 */
export const batchSize = 64 * 1024;

/** What the worker is sent: the batches, and the counter (one Int32 in shared memory) that hands out their indices. */
export interface WorkerTask {
  readonly batches: readonly (readonly Page[])[];
  readonly next: SharedArrayBuffer;
}

/** What the worker sends back: a batch's reads, then `done`. */
export type WorkerMessage = { readonly batch: number; readonly reads: readonly PageRead[] } | { readonly done: true };

/**
 * What each thread does: takes the next batch nobody has taken yet (`next` hands out every index once) and reads it,
 * until none is left, and hands each batch's reads to `done`.
 */
export function readTakenBatches(batches: readonly (readonly Page[])[], next: SharedArrayBuffer, done: (batch: number, reads: PageRead[]) => void): void {
  const counter = new Int32Array(next);
  for (let batch = Atomics.add(counter, 0, 1); batch < batches.length; batch = Atomics.add(counter, 0, 1)) {
    done(batch, readPages(batches[batch] as readonly Page[]));
  }
}

/** Consecutive pages, cut after `size` characters where the next page has another path. */
export function batchesOf(pages: readonly Page[], size = batchSize): Page[][] {
  const batches: Page[][] = [];
  let batch: Page[] = [];
  let characters = 0;
  for (const [index, page] of pages.entries()) {
    batch.push(page);
    characters += page.text.length;
    if (characters >= size && pages[index + 1]?.path !== page.path) {
      batches.push(batch);
      batch = [];
      characters = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function startWorker(): Worker {
  // Built, the worker is dist/page-reader-worker.js; run from source (tests, tsx), it is the .ts file, which the
  // worker loads after registering tsx's loader in its own thread.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./page-reader-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  return fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
}

export interface TwoThreadOptions {
  /** Characters per batch (`batchSize` unless given). */
  readonly size?: number;
  /** False: this thread only waits, and the worker reads every batch (for tests of the worker's side). */
  readonly readHere?: boolean;
}

export async function readPagesOnTwoThreads(pages: readonly Page[], { size = batchSize, readHere = true }: TwoThreadOptions = {}): Promise<PageRead[]> {
  const batches = batchesOf(pages, size);
  const results: (readonly PageRead[] | undefined)[] = new Array(batches.length);
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const worker = startWorker();
  const workerDone = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) resolve();
      else results[message.batch] = message.reads;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the page-reading worker stopped with exit code ${code} before it was done`)));
  });
  // Awaited below; should reading here fail first, the worker's end (terminated) must not surface as a second, unhandled error.
  workerDone.catch(() => undefined);
  worker.postMessage({ batches, next } satisfies WorkerTask);
  try {
    if (readHere) readTakenBatches(batches, next, (batch, reads) => (results[batch] = reads));
    await workerDone;
  } finally {
    void worker.terminate();
  }
  return results.flatMap((reads, batch) => {
    if (reads === undefined) throw new Error(`batch ${batch} of the pages was never read`);
    return reads;
  });
}
