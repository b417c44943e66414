/**
 * A worker thread that reads pages (`readPages`: parse, extract, build):
 * it takes batches from the counter it shares with the thread that started
 * it and sends each batch's reads back (plain data, cloned across), then
 * `done`. Started by `readPagesOnTwoThreads` (page-reader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readTakenBatches, type WorkerMessage, type WorkerTask } from './page-reader.js';

parentPort?.once('message', ({ batches, next }: WorkerTask) => {
  const send = (message: WorkerMessage) => parentPort?.postMessage(message);
  readTakenBatches(batches, next, (batch, reads) => send({ batch, reads }));
  send({ done: true });
});
