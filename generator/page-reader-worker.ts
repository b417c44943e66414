/**
 * A worker thread that reads pages (`readPage`: parse, extract, build) and
 * sends the results back: plain data, cloned across. Started by
 * `readPagesInWorker` (page-reader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readPage } from './model-pipeline.js';
import type { Page, PageRead } from './pipeline.js';

parentPort?.once('message', (pages: readonly Page[]) => {
  const reads: PageRead[] = pages.map((page) => readPage(page));
  parentPort?.postMessage(reads);
});
