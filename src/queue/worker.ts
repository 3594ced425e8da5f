/**
 * `runWorker`: take ingest jobs from the queue and do what `ingest` does for each record: extract it,
 * compute its relate keys, store the article and its duplicate relations. Run any number of workers,
 * on any number of machines, against the same PostgreSQL.
 *
 * What each job ends as:
 *  - stored, or already stored (another worker, or an earlier attempt, got there first): job completed;
 *  - a per-document failure (extraction failed, timed out): stored as an error, job completed — the same
 *    bytes would fail again, so retrying would only waste work;
 *  - an infrastructure failure (database unreachable, a store statement failing): the job fails and
 *    pg-boss retries it with backoff; after its retry limit it stays `failed`, listed by queue-status.
 * A job's queue_raw row is deleted in the same transaction that completes the job. A worker killed
 * mid-job (kill -9) loses nothing: its job expires and another worker takes it, and storing is
 * idempotent (article ids are content hashes).
 *
 * Jobs are fetched one at a time by `concurrency` loops, not with pg-boss's `work()`: work() waits its
 * polling interval after every batch, even when more jobs are waiting, which caps a loop at a few jobs per
 * second. These loops fetch again at once while there is work and poll only when the queue is empty.
 */
import type PgBoss from 'pg-boss';
import type { RecordError } from '../model.js';
import { DEFAULT_DUPLICATE_OPTIONS, storePrepared } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { ExtractPool } from '../workers/pool.js';
import { prepareRecord, type PrepareOutcome } from '../workers/prepare.js';
import { connectQueue, type QueueConnection } from './connection.js';
import { INGEST_QUEUE, type IngestJobData, type IngestJobOutput } from './jobs.js';
import { deleteRaw, loadRaw, type QueuedRaw } from './raw-rows.js';
import { openQueueStore } from './store.js';

export interface WorkerOptions {
  /** Jobs handled at once by this process; each has its own extract thread. Default 1. */
  concurrency?: number;
  /** Extract threads; 0 extracts on the main thread. Default: `concurrency`. */
  extractThreads?: number;
  /** Stop once the queue has had nothing to do (no job waiting, retrying or running) for this long. */
  idleExitMs?: number;
  /** Stop when aborted: jobs in hand are finished, no new ones are taken. */
  signal?: AbortSignal;
  /** How often an idle worker looks for new jobs. Default 1000 ms. */
  pollMs?: number;
  /** Estimated Jaccard similarity at which two articles are near duplicates (as `ingest --near-threshold`). */
  nearThreshold?: number;
  /** Longest time one document may take to extract before it fails with `timeout`. */
  documentTimeoutMs?: number;
  /** The corpus store; default: the PostgreSQL store at the queue URL. Not closed when passed in. */
  store?: Store;
  onProgress?: (summary: WorkerSummary, current: string) => void;
  /** A per-document failure, stored as an error. */
  onError?: (error: RecordError) => void;
  /** An infrastructure failure: the job goes back to pg-boss for a retry (or fails for good). */
  onJobFailed?: (jobId: string, message: string) => void;
}

export interface WorkerSummary {
  /** Jobs finished by this worker. */
  jobs: number;
  stored: number;
  /** Jobs whose record was already stored (by another worker, or an attempt cut short before completing). */
  alreadyStored: number;
  /** Per-document failures, stored as errors. */
  failed: number;
  errorsByCode: Record<string, number>;
  /** Jobs handed back to pg-boss after an infrastructure failure. */
  jobFailures: number;
  exactDuplicates: number;
  nearDuplicates: number;
  removalsByReason: Record<string, number>;
  elapsedMs: number;
}

const DEFAULT_POLL_MS = 1000;

export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const threads = Math.max(0, Math.floor(options.extractThreads ?? concurrency));
  const pollMs = Math.max(50, options.pollMs ?? DEFAULT_POLL_MS);
  const dup = { ...DEFAULT_DUPLICATE_OPTIONS, ...(options.nearThreshold !== undefined ? { nearThreshold: options.nearThreshold } : {}) };
  const started = performance.now();
  const summary: WorkerSummary = {
    jobs: 0, stored: 0, alreadyStored: 0, failed: 0, errorsByCode: {}, jobFailures: 0,
    exactDuplicates: 0, nearDuplicates: 0, removalsByReason: {}, elapsedMs: 0,
  };

  // Each loop holds a connection for its queries, plus one for maintenance and idle checks.
  const queue = await connectQueue(url, { supervise: true, maxConnections: concurrency + 2 });
  let store: Store | null = null;
  let extractPool: ExtractPool | null = null;
  const stop = new StopSignal(options.signal);
  try {
    store = options.store ?? (await openQueueStore(url));
    extractPool = threads > 0 ? new ExtractPool({ workers: threads, duplicates: dup, timeoutMs: options.documentTimeoutMs ?? 60_000 }) : null;
    const pool = extractPool;
    const prepare = (q: QueuedRaw): Promise<PrepareOutcome> => (pool ? pool.run(q.raw) : Promise.resolve(prepareRecord(q.raw, dup)));
    const handler = new JobHandler(queue, store, prepare, dup.nearThreshold);
    const idle = new IdleWatch(queue.boss, pollMs, options.idleExitMs);

    const loop = async () => {
      while (!stop.stopped) {
        const jobs = await queue.boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize: 1 });
        if (jobs.length === 0) {
          if (await idle.shouldExit()) return stop.set();
          await stop.sleep(pollMs);
          continue;
        }
        idle.busy();
        for (const job of jobs) {
          const label = typeof job.data?.rawId === 'string' ? job.data.rawId : job.id;
          try {
            const result = await handler.handle(job);
            tally(summary, result, options.onError);
          } catch (err) {
            const message = String((err as Error)?.message ?? err);
            summary.jobFailures++;
            options.onJobFailed?.(job.id, message);
            // If even this fails (database gone), the job expires and is retried all the same.
            await queue.boss.fail(INGEST_QUEUE, job.id, { message }).catch(() => {});
          }
          summary.elapsedMs = performance.now() - started;
          options.onProgress?.(summary, label);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    stop.dispose();
    await extractPool?.close();
    if (store && !options.store) await store.close();
    await queue.close();
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}

/** What one job came to, for the summary. */
type JobResult =
  | { outcome: 'stored'; exact: number; near: number; removals: Record<string, number> }
  | { outcome: 'already-stored' | 'gone' }
  | { outcome: 'failed'; error: RecordError };

function tally(summary: WorkerSummary, result: JobResult, onError?: (error: RecordError) => void): void {
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
    onError?.(result.error);
  }
}

/** The work of one job; throws only for infrastructure failures (so pg-boss retries the job). */
class JobHandler {
  /** The store is one connection per process, shared by the loops: its calls are queued, one at a time. */
  private storeTurn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly queue: QueueConnection,
    private readonly store: Store,
    private readonly prepare: (q: QueuedRaw) => Promise<PrepareOutcome>,
    private readonly nearThreshold: number,
  ) {}

  private withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const turn = this.storeTurn.then(() => fn(this.store));
    this.storeTurn = turn.catch(() => {});
    return turn;
  }

  async handle(job: PgBoss.Job<IngestJobData>): Promise<JobResult> {
    const rawId = job.data?.rawId;
    if (typeof rawId !== 'string') throw new Error(`job ${job.id} has no raw id`);
    const result = await this.work(rawId);
    const output: IngestJobOutput =
      result.outcome === 'stored'
        ? { outcome: 'stored', exact: result.exact, near: result.near }
        : result.outcome === 'failed'
          ? { outcome: 'failed', code: result.error.code }
          : { outcome: result.outcome };
    // The row goes with the job's completion, so a queued row always means unfinished work.
    await this.queue.transaction(async (sql, db) => {
      await deleteRaw(sql, rawId);
      await this.queue.boss.complete(INGEST_QUEUE, job.id, output, { db });
    });
    return result;
  }

  private async work(rawId: string): Promise<JobResult> {
    const queued = await loadRaw(this.queue.pool, rawId);
    // No row: an earlier attempt finished the record and was cut short before completing the job.
    if (!queued) return { outcome: 'gone' };
    const { raw, extraOrigins } = queued;
    const origins = [raw.origin, ...extraOrigins];
    const known = await this.withStore(async (store) => {
      if (!(await store.hasRaw(raw.id))) return false;
      await store.transaction(async () => {
        for (const origin of origins) await store.addOrigin(raw.id, origin);
      });
      return true;
    });
    if (known) return { outcome: 'already-stored' };

    const outcome = await this.prepare(queued);
    if (!outcome.ok) {
      await this.withStore(async (store) => store.putError(outcome.error));
      return { outcome: 'failed', error: outcome.error };
    }
    const relations = await this.withStore((store) =>
      store.transaction(async () => {
        const found = await storePrepared(store, { raw, article: outcome.article, keys: outcome.keys }, this.nearThreshold);
        for (const origin of extraOrigins) await store.addOrigin(raw.id, origin);
        return found;
      }),
    );
    const removals: Record<string, number> = {};
    for (const r of outcome.article.removals) removals[r.reason] = (removals[r.reason] ?? 0) + 1;
    const exact = relations.filter((r) => r.kind === 'exact').length;
    return { outcome: 'stored', exact, near: relations.length - exact, removals };
  }
}

/**
 * Knows when the queue has had nothing to do for long enough. An idle worker also expires jobs held too
 * long by workers that died, so their jobs come back without waiting for pg-boss's maintenance round.
 */
class IdleWatch {
  private idleSince: number | null = null;
  private lastCheck = 0;
  private verdict = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly checkEveryMs: number,
    private readonly exitAfterMs: number | undefined,
  ) {}

  busy(): void {
    this.idleSince = null;
  }

  async shouldExit(): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastCheck < this.checkEveryMs) return this.verdict;
    this.lastCheck = now;
    try {
      await this.boss.expire();
      // Waiting, retrying (maybe after a backoff) or running anywhere: not idle.
      const pending = await this.boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
      if (pending > 0) this.idleSince = null;
      else this.idleSince ??= now;
    } catch {
      // The database is unreachable: that is not an empty queue; keep polling.
      this.idleSince = null;
    }
    this.verdict = this.exitAfterMs !== undefined && this.idleSince !== null && now - this.idleSince >= this.exitAfterMs;
    return this.verdict;
  }
}

/** Stop requests (abort signal or idle exit), and sleeps that a stop request cuts short. */
class StopSignal {
  stopped = false;
  private wakers = new Set<() => void>();
  private readonly onAbort = () => this.set();

  constructor(private readonly signal?: AbortSignal) {
    if (signal?.aborted) this.stopped = true;
    signal?.addEventListener('abort', this.onAbort);
  }

  set(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
