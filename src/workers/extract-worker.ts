/** Worker thread entry: prepares one record per message and posts the outcome back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawRecord } from '../model.js';
import type { DuplicateOptions } from '../similarity/relate-keys.js';
import { prepareRecord } from './prepare.js';

const { duplicates, annotate } = workerData as { duplicates: DuplicateOptions; annotate?: boolean };

parentPort!.on('message', (task: { seq: number; raw: RawRecord }) => {
  parentPort!.postMessage({ seq: task.seq, outcome: prepareRecord(task.raw, duplicates, annotate === true) });
});
