/**
 * `runWorker`: take ingest jobs from the queue and do what `ingest` does for each record: extract it,
 * compute its relate keys, store the article and its duplicate relations. Run any number of workers,
 * on any number of machines, against the same PostgreSQL. What happens to each job: see batch.ts.
 *
 * A worker killed mid-job (kill -9) loses nothing: its jobs expire (JobSettings.expireInSeconds) and
 * another worker takes them; storing is idempotent (article ids are content hashes).
 *
 * Jobs are fetched in batches by two loops sharing one pool of extract threads, so one batch is stored
 * while the next is extracted. pg-boss's `work()` is not used: it waits its polling interval after every
 * batch, even when more jobs are waiting; these loops fetch again at once while there is work and poll
 * only when the queue is empty.
 */
import type { RecordError } from '../model.js';
import { DEFAULT_DUPLICATE_OPTIONS } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { ExtractPool } from '../workers/pool.js';
import { prepareRecord, type PrepareOutcome } from '../workers/prepare.js';
import { BatchHandler, type JobResult } from './batch.js';
import { connectQueue } from './connection.js';
import { IdleWatch, StopSignal } from './idle.js';
import { INGEST_QUEUE, type IngestJobData } from './jobs.js';
import type { QueuedRaw } from './raw-rows.js';
import { storedNearThreshold } from './settings.js';
import { openQueueStore } from './store.js';

export interface WorkerOptions {
  /** Extract threads in this process (documents extracted at once). Default 1; 0 extracts on the main thread. */
  concurrency?: number;
  /** Jobs fetched, extracted and stored together. Default 8. */
  batchSize?: number;
  /** Stop once the queue has had nothing to do (no job waiting, retrying or running) for this long. */
  idleExitMs?: number;
  /** Stop when aborted: jobs in hand are finished, no new ones are taken. */
  signal?: AbortSignal;
  /** How often an idle worker looks for new jobs. Default 1000 ms. */
  pollMs?: number;
  /** Longest time one document may take to extract (and annotate) before it fails with `timeout`. */
  documentTimeoutMs?: number;
  /**
   * Also compute each article's annotation layers (entities, quotes, events, times) and store them with
   * it, so reading is spread over the workers too; otherwise the first command that reads them does it
   * in one process. Default true.
   */
  annotate?: boolean;
  /** The corpus store; default: the PostgreSQL store at the queue URL. Not closed when passed in. */
  store?: Store;
  onProgress?: (summary: WorkerSummary, current: string) => void;
  /** A per-document failure, stored as an error. */
  onError?: (error: RecordError) => void;
  /** An infrastructure failure: the job goes back to pg-boss for a retry (or fails for good). */
  onJobFailed?: (jobId: string, message: string) => void;
  /** A failure of background queue maintenance (not fatal; retried next round). */
  onBackgroundError?: (err: Error) => void;
}

export interface WorkerSummary {
  /** Jobs finished by this worker. */
  jobs: number;
  stored: number;
  /** Jobs whose record was already stored (an earlier attempt stored it but did not complete the job). */
  alreadyStored: number;
  /** Per-document failures, stored as errors. */
  failed: number;
  errorsByCode: Record<string, number>;
  /** Job attempts handed back to pg-boss after an infrastructure failure. */
  jobFailures: number;
  exactDuplicates: number;
  nearDuplicates: number;
  removalsByReason: Record<string, number>;
  elapsedMs: number;
  /** From the first job taken to the last one settled: elapsed time without start-up and idle waits. */
  busyMs: number;
  /** The near-duplicate threshold used: the one the database was fixed to by its first enqueue. */
  nearThreshold: number;
  /**
   * Time inside store write transactions. They hold the store's write lock, which all workers share, so
   * articles ÷ this time is a ceiling on the rate of any number of workers.
   */
  storeWriteMs: number;
}

const DEFAULT_POLL_MS = 1000;
const DEFAULT_BATCH = 8;
/** Batches in flight per process: one being stored while the next is extracted. */
const FETCH_LOOPS = 2;

export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const threads = Math.max(0, Math.floor(options.concurrency ?? 1));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  const pollMs = Math.max(50, options.pollMs ?? DEFAULT_POLL_MS);
  const started = performance.now();
  const summary: WorkerSummary = {
    jobs: 0, stored: 0, alreadyStored: 0, failed: 0, errorsByCode: {}, jobFailures: 0,
    exactDuplicates: 0, nearDuplicates: 0, removalsByReason: {}, elapsedMs: 0, busyMs: 0, nearThreshold: 0, storeWriteMs: 0,
  };
  let firstJobAt: number | null = null;

  // A connection per loop, one for the settle transaction, one for maintenance and idle checks.
  const queue = await connectQueue(url, {
    applicationName: 'parallax-worker',
    supervise: true,
    maxConnections: FETCH_LOOPS + 2,
    onBackgroundError: options.onBackgroundError,
  });
  let store: Store | null = null;
  let extractPool: ExtractPool | null = null;
  const stop = new StopSignal(options.signal);
  try {
    store = options.store ?? (await openQueueStore(url));
    // Jobs exist only once an enqueue has fixed the threshold; until the first one, poll for it.
    let threshold: number | null = null;
    while ((threshold = await storedNearThreshold(queue.pool).catch(() => null)) === null && !stop.stopped) {
      if (options.idleExitMs !== undefined && performance.now() - started >= options.idleExitMs) stop.set();
      else await stop.sleep(pollMs);
    }
    const dup = { ...DEFAULT_DUPLICATE_OPTIONS, nearThreshold: threshold ?? DEFAULT_DUPLICATE_OPTIONS.nearThreshold };
    summary.nearThreshold = dup.nearThreshold;
    const annotate = options.annotate ?? true;
    extractPool = threads > 0 && !stop.stopped ? new ExtractPool({ workers: threads, duplicates: dup, timeoutMs: options.documentTimeoutMs ?? 60_000, annotate }) : null;
    const pool = extractPool;
    const prepare = (q: QueuedRaw): Promise<PrepareOutcome> => (pool ? pool.run(q.raw) : Promise.resolve(prepareRecord(q.raw, dup, annotate)));
    const handler = new BatchHandler(queue, store, prepare, dup.nearThreshold);
    const idle = new IdleWatch(queue.boss, pollMs, options.idleExitMs);

    const loop = async () => {
      while (!stop.stopped) {
        await handler.reportFailures();
        const jobs = await queue.boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize });
        if (jobs.length === 0) {
          if (await idle.shouldExit()) return stop.set();
          await stop.sleep(pollMs);
          continue;
        }
        idle.busy();
        firstJobAt ??= performance.now();
        for (const { job, result } of await handler.handle(jobs)) {
          tally(summary, result, options);
          if (result.outcome === 'job-failed') options.onJobFailed?.(job.id, result.message);
          summary.elapsedMs = performance.now() - started;
          summary.busyMs = performance.now() - firstJobAt;
          summary.storeWriteMs = handler.writeMs;
          options.onProgress?.(summary, typeof job.data?.rawId === 'string' ? job.data.rawId : job.id);
        }
      }
    };
    // A loop that throws (a bug, or a throwing callback) stops the others before the connections close.
    const loops = await Promise.allSettled(
      Array.from({ length: FETCH_LOOPS }, () => loop().catch((err: unknown) => {
        stop.set();
        throw err;
      })),
    );
    // Stopping: a last try to hand back failed jobs (those it cannot reach expire and come back anyway).
    await handler.reportFailures();
    for (const l of loops) if (l.status === 'rejected') throw l.reason;
  } finally {
    stop.dispose();
    await extractPool?.close();
    if (store && !options.store) await store.close();
    await queue.close();
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}

function tally(summary: WorkerSummary, result: JobResult, options: WorkerOptions): void {
  if (result.outcome === 'job-failed') {
    summary.jobFailures++;
    return;
  }
  summary.jobs++;
  if (result.outcome === 'stored') {
    summary.stored++;
    summary.exactDuplicates += result.exact;
    summary.nearDuplicates += result.near;
    for (const [reason, n] of Object.entries(result.removals)) summary.removalsByReason[reason] = (summary.removalsByReason[reason] ?? 0) + n;
  } else if (result.outcome === 'already-stored') {
    summary.alreadyStored++;
  } else if (result.outcome === 'failed') {
    summary.failed++;
    summary.errorsByCode[result.error.code] = (summary.errorsByCode[result.error.code] ?? 0) + 1;
    options.onError?.(result.error);
  }
}
