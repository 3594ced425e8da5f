/**
 * The work queue for several machines: `enqueue` puts raw records into PostgreSQL, `runWorker`
 * processes extract and store them, `queueStatus` reports. See docs/scale-out.md.
 */
export { enqueue, type EnqueueOptions, type EnqueueSummary } from './enqueue.js';
export { runWorker, type WorkerOptions, type WorkerSummary } from './worker.js';
export { queueStatus, type QueueStatus } from './status.js';
export { DEFAULT_JOB_SETTINGS, INGEST_QUEUE, type JobSettings } from './jobs.js';
export { QueueSettingsError } from './settings.js';
