/**
 * `enqueue`: read sources as ingest does, and instead of extracting, put each new record's bytes in
 * `queue_raw` with one pg-boss job, for `runWorker` processes (on any machine) to extract and store.
 *
 * A record's row and its job commit together, in batches. What the store already has is not queued
 * (its new origin is recorded, as ingest does); the same bytes queued twice are one job (job id = raw id);
 * a document whose job failed for good is put back to retry. Read errors are stored as errors.
 */
import type { RawRecord, RecordError } from '../model.js';
import { readSources, newIngestStats, type ReadOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { connectQueue, type QueueConnection } from './connection.js';
import { DEFAULT_JOB_SETTINGS, INGEST_QUEUE, sendOptions, type JobSettings } from './jobs.js';
import { insertRaw } from './raw-rows.js';
import { openQueueStore } from './store.js';

export interface EnqueueOptions {
  read?: ReadOptions;
  job?: Partial<JobSettings>;
  /** Records per transaction. */
  batchSize?: number;
  /** The corpus store; default: the PostgreSQL store at the queue URL. Not closed when passed in. */
  store?: Store;
  onProgress?: (summary: EnqueueSummary, current: string) => void;
  onError?: (error: RecordError) => void;
}

export interface EnqueueSummary {
  /** Records read from the inputs. */
  read: number;
  /** New jobs. */
  enqueued: number;
  /** Records the store already holds (nothing to do; the new origin is recorded). */
  alreadyStored: number;
  /** Records already waiting in the queue (or in a worker's hands). */
  alreadyQueued: number;
  /** Of those, jobs that had failed for good and were put back to retry. */
  requeued: number;
  /** Inputs that could not be read (stored as errors). */
  failed: number;
  errorsByCode: Record<string, number>;
  /** Inputs passed over on purpose (WARC request records, hidden files...), by reason. */
  skipped: Record<string, number>;
  elapsedMs: number;
}

/** Batches also close at this many bytes, so a run of large pages does not sit in memory. */
const BATCH_MAX_BYTES = 32 << 20;

export async function enqueue(url: string, inputs: string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...options.job };
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const started = performance.now();
  const stats = options.read?.stats ?? newIngestStats();
  const summary: EnqueueSummary = {
    read: 0, enqueued: 0, alreadyStored: 0, alreadyQueued: 0, requeued: 0, failed: 0,
    errorsByCode: {}, skipped: stats.skipped, elapsedMs: 0,
  };
  const queue = await connectQueue(url, { applicationName: 'parallax-enqueue' });
  let store: Store | null = null;
  try {
    store = options.store ?? (await openQueueStore(url));
    const corpus = store;
    let batch: RawRecord[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      batchBytes = 0;
      await queueBatch(queue, records, settings, summary);
    };
    for await (const item of readSources(inputs, { ...options.read, stats })) {
      summary.read++;
      let label: string;
      if (item.kind === 'error') {
        label = item.error.origin.path;
        summary.failed++;
        summary.errorsByCode[item.error.code] = (summary.errorsByCode[item.error.code] ?? 0) + 1;
        options.onError?.(item.error);
        await corpus.putError(item.error);
      } else {
        const raw = item.record;
        label = raw.origin.url ?? raw.origin.path;
        if (await corpus.hasRaw(raw.id)) {
          summary.alreadyStored++;
          await corpus.addOrigin(raw.id, raw.origin);
        } else {
          batch.push(raw);
          batchBytes += raw.bytes.byteLength;
          if (batch.length >= batchSize || batchBytes >= BATCH_MAX_BYTES) await flush();
        }
      }
      summary.elapsedMs = performance.now() - started;
      options.onProgress?.(summary, label);
    }
    await flush();
  } finally {
    if (store && !options.store) await store.close();
    await queue.close();
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}

/** One transaction: every record's queue_raw row and its job. */
async function queueBatch(queue: QueueConnection, records: RawRecord[], settings: JobSettings, summary: EnqueueSummary): Promise<void> {
  const known: string[] = [];
  let enqueued = 0;
  let requeued = 0;
  await queue.transaction(async (sql, db) => {
    for (const raw of records) {
      const isNew = await insertRaw(sql, raw);
      const options = { ...sendOptions(raw.id, settings), db };
      // Sending is a no-op (null) when a job with this id exists in any state.
      let id = await queue.boss.send(INGEST_QUEUE, { rawId: raw.id }, options);
      if (!isNew) {
        known.push(options.id);
        // Bytes still queued but no job: it failed for good long ago and pg-boss archived it.
        if (id !== null) requeued++;
        continue;
      }
      if (id === null) {
        // A new row but the job is still listed: an earlier run finished it without storing an article
        // (its extraction failed, and a row is deleted when its job completes). Queued again, it is
        // tried again, as a re-ingest would.
        await queue.boss.deleteJob(INGEST_QUEUE, options.id, { db });
        id = await queue.boss.send(INGEST_QUEUE, { rawId: raw.id }, options);
        if (id === null) throw new Error(`could not queue a job for ${raw.id}`);
      }
      enqueued++;
    }
  });
  summary.enqueued += enqueued;
  summary.alreadyQueued += known.length;
  summary.requeued += requeued;
  if (known.length > 0) {
    // pg-boss's retry touches only failed jobs: queued or running ones are left as they are.
    const result = (await queue.boss.retry(INGEST_QUEUE, known)) as unknown as { affected?: number } | undefined;
    summary.requeued += result?.affected ?? 0;
  }
}
