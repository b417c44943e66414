/**
 * Worker thread for parallel-read.ts: reads the pages it is given (parse,
 * extract, build) and posts the results back in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../model-pipeline.js';
import type { Page } from '../pipeline.js';

parentPort?.postMessage((workerData as Page[]).map(readPage));
