/**
 * Reading pages on another core: `readPagesInWorker(pages)` reads them in a
 * worker thread while the caller goes on with other work, and resolves to
 * what `readPage` returns for each, in order. Reading a page is independent
 * of every other page and is most of a cold run's time, so two sets of pages
 * read at once take about as long as the larger one on a two-core machine.
 */
import { Worker } from 'node:worker_threads';
import type { Page, PageRead } from './pipeline.js';

export function readPagesInWorker(pages: readonly Page[]): Promise<PageRead[]> {
  // Built, the worker is dist/page-reader-worker.js; run from source (tests, tsx), it is the .ts file, which the
  // worker loads after registering tsx's loader in its own thread.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./page-reader-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
  return new Promise<PageRead[]>((resolve, reject) => {
    worker.once('message', (reads: PageRead[]) => {
      resolve(reads);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the page-reading worker stopped with exit code ${code}`));
    });
    worker.postMessage(pages);
  });
}
