/**
 * `enqueue`: read sources as ingest does, and instead of extracting, put each new record's bytes in
 * `queue_raw` with one pg-boss job, for `runWorker` processes (on any machine) to extract and store.
 *
 * A record's row and its job commit together, in batches. What the store already has is not queued
 * (its new origin is recorded, as ingest does); the same bytes queued twice are one job (job id = raw id);
 * a document whose job failed for good is put back to retry. Read errors are stored as errors.
 */
import type { RawRecord, RecordError } from '../model.js';
import { countSkip, readSources, newIngestStats, untilAborted, type ReadOptions } from '../ingest/index.js';
import { storeReadGuards } from '../pipeline.js';
import { DEFAULT_DUPLICATE_OPTIONS } from '../similarity/relate-keys.js';
import type { Store } from '../store/store.js';
import { connectQueue, type QueueConnection } from './connection.js';
import { DEFAULT_JOB_SETTINGS, INGEST_QUEUE, jobIdFor, jobFields, type JobSettings } from './jobs.js';
import { addQueuedOrigins, insertRaws } from './raw-rows.js';
import { jobStates } from './boss-tables.js';
import { fixNearThreshold } from './settings.js';
import { openQueueStore } from './store.js';

export interface EnqueueOptions {
  read?: ReadOptions;
  /**
   * Near-duplicate threshold for the database (as `ingest --near-threshold`). The first enqueue fixes it
   * for good (settings.ts); later ones may leave it out, and fail if they ask for another.
   */
  nearThreshold?: number;
  job?: Partial<JobSettings>;
  /** Records per transaction. */
  batchSize?: number;
  /** The corpus store; default: the PostgreSQL store at the queue URL. Not closed when passed in. */
  store?: Store;
  onProgress?: (summary: EnqueueSummary, current: string) => void;
  onError?: (error: RecordError) => void;
  /** Stop early: nothing more is read; what was read is queued (`parallax watch --enqueue` on Ctrl-C). */
  signal?: AbortSignal;
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
  /** The database's near-duplicate threshold, which the workers use. */
  nearThreshold: number;
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
    errorsByCode: {}, skipped: stats.skipped, nearThreshold: DEFAULT_DUPLICATE_OPTIONS.nearThreshold, elapsedMs: 0,
  };
  const queue = await connectQueue(url, { applicationName: 'parallax-enqueue' });
  let store: Store | null = null;
  try {
    summary.nearThreshold = await fixNearThreshold(queue.pool, options.nearThreshold, DEFAULT_DUPLICATE_OPTIONS.nearThreshold);
    store = options.store ?? (await openQueueStore(url));
    const corpus = store;
    let batch: RawRecord[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      batchBytes = 0;
      // What the store already has is not queued; its new origin is recorded, as ingest does. The checks
      // of a batch run at once: each is a round trip to the server.
      const stored = await Promise.all(records.map((raw) => corpus.hasRaw(raw.id)));
      const fresh: RawRecord[] = [];
      for (const [i, raw] of records.entries()) {
        if (!stored[i]) {
          fresh.push(raw);
          continue;
        }
        summary.alreadyStored++;
        await corpus.addOrigin(raw.id, raw.origin);
      }
      if (fresh.length > 0) await queueBatch(queue, fresh, settings, summary);
    };
    // what ingest passes over, enqueue does too: links the store holds, documents and URLs kept out
    const guards = await storeReadGuards(corpus);
    const items = readSources(inputs, { ...options.read, stats, skipUrl: guards.skipUrl, ...(options.signal ? { signal: options.signal } : {}) });
    for await (const item of options.signal ? untilAborted(items, options.signal) : items) {
      if (guards.keptOut && item.kind === 'record' && (await guards.keptOut(item.record))) {
        countSkip(stats, 'kept-out');
        continue;
      }
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
        batch.push(raw);
        batchBytes += raw.bytes.byteLength;
        if (batch.length >= batchSize || batchBytes >= BATCH_MAX_BYTES) await flush();
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

/**
 * One transaction for a batch: the records' queue_raw rows and their jobs, a few statements whatever the
 * batch size. What each record needs depends on its row and its job:
 *
 *   row new,   no job                 → a job
 *   row new,   job finished            → the job replaced: an earlier run completed it without storing an
 *                                        article (its extraction failed; a row goes when its job completes),
 *                                        and queued again it is tried again, as a re-ingest would
 *   row known, job waiting or running  → nothing ("already queued")
 *   row known, job failed for good     → the job retried
 *   row known, no job                  → a job (it failed for good long ago and pg-boss archived it)
 */
async function queueBatch(queue: QueueConnection, records: RawRecord[], settings: JobSettings, summary: EnqueueSummary): Promise<void> {
  // The same bytes twice in a batch: one row, the later origins kept with it.
  const first = new Map<string, RawRecord>();
  const repeats: RawRecord[] = [];
  for (const raw of records) {
    if (first.has(raw.id)) repeats.push(raw);
    else first.set(raw.id, raw);
  }
  const outcome = await queue.transaction(async (sql, db) => {
    const created = await insertRaws(sql, [...first.values()]);
    const known = [...first.values()].filter((raw) => !created.has(raw.id));
    await addQueuedOrigins(sql, known);
    for (const raw of repeats) await addQueuedOrigins(sql, [raw]); // one at a time: the same id again

    const states = await jobStates(sql, [...first.keys()].map(jobIdFor));
    const send: RawRecord[] = [];
    const replace: string[] = [];
    const retry: string[] = [];
    let requeued = 0;
    for (const raw of first.values()) {
      const jobId = jobIdFor(raw.id);
      const state = states.get(jobId);
      if (created.has(raw.id)) {
        if (state !== undefined) replace.push(jobId);
        send.push(raw);
      } else if (state === undefined) {
        send.push(raw);
        requeued++;
      } else if (state === 'failed') {
        retry.push(jobId);
      }
    }
    if (replace.length > 0) await queue.boss.deleteJob(INGEST_QUEUE, replace, { db });
    if (send.length > 0) {
      await queue.boss.insert(
        send.map((raw) => ({ name: INGEST_QUEUE, data: { rawId: raw.id }, ...jobFields(raw.id, settings) })),
        { db },
      );
    }
    // pg-boss's retry only touches failed jobs; it raises their retry limit by one.
    if (retry.length > 0) await queue.boss.retry(INGEST_QUEUE, retry, { db });
    return { enqueued: created.size, alreadyQueued: known.length + repeats.length, requeued: requeued + retry.length };
  });
  summary.enqueued += outcome.enqueued;
  summary.alreadyQueued += outcome.alreadyQueued;
  summary.requeued += outcome.requeued;
}
