/**
 * A worker thread that reads pages (`readPages`: parse, extract, build) and
 * sends the results back: plain data, cloned across. Started by
 * `readPagesInWorker` (page-reader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readPages } from './model-pipeline.js';
import type { Page, PageRead } from './pipeline.js';

parentPort?.once('message', (pages: readonly Page[]) => {
  const reads: PageRead[] = readPages(pages);
  parentPort?.postMessage(reads);
});
