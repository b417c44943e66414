/**
 * A worker thread that reads pages (`readPages`: parse, extract, build):
 * it takes batches from the counter it shares with the thread that started
 * it and sends each batch's reads back (plain data, cloned across), then
 * `done`. Started by `readPagesOnTwoThreads` (page-reader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readPages } from './model-pipeline.js';
import { takeBatch, type WorkerMessage, type WorkerTask } from './page-reader.js';
import type { Page } from './pipeline.js';

parentPort?.once('message', ({ batches, next }: WorkerTask) => {
  const counter = new Int32Array(next);
  const send = (message: WorkerMessage) => parentPort?.postMessage(message);
  for (let batch = takeBatch(counter); batch < batches.length; batch = takeBatch(counter)) {
    send({ batch, reads: readPages(batches[batch] as readonly Page[]) });
  }
  send({ done: true });
});
