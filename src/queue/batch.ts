/**
 * The work of a batch of ingest jobs: what `ingest` does for a batch of records, with the queue's rows
 * as input and the jobs' completion as the last step.
 *
 *   load queue_raw rows ──► skip what the store has ──► extract (thread pool) ──► one store transaction
 *   ──► one queue transaction: delete the rows, complete the jobs
 *
 * A per-document failure (extraction failed or timed out) is stored as an error and its job completes:
 * the same bytes would fail again. An infrastructure failure (database, a store statement) fails the
 * jobs it touched, for pg-boss to retry. If the batch's store transaction fails, its records are stored
 * one by one, so one bad record fails only its own job.
 */
import type PgBoss from 'pg-boss';
import type { DuplicateRelation, RecordError } from '../model.js';
import { replaceStandIns, storePrepared, type PreparedRecord } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { Annotations } from '../nlp/types.js';
import { ANNOTATION_VERSION } from '../nlp/version.js';
import type { PrepareOutcome } from '../workers/prepare.js';
import type { QueueConnection } from './connection.js';
import { INGEST_QUEUE, type IngestJobData, type IngestJobOutput } from './jobs.js';
import { deleteRaws, loadRaws, rawSizes, type QueuedRaw } from './raw-rows.js';

/** What one job came to. */
export type JobResult =
  | { outcome: 'stored'; exact: number; near: number; removals: Record<string, number> }
  | { outcome: 'already-stored' }
  /** No queued row: an earlier attempt finished the record but was cut short before completing the job. */
  | { outcome: 'gone' }
  | { outcome: 'failed'; error: RecordError }
  /** Infrastructure failure: the job goes back to pg-boss. */
  | { outcome: 'job-failed'; message: string };

export type Job = PgBoss.Job<IngestJobData>;

/** What storing one record came to: its new duplicate relations, already stored, or (null) an error stored. */
type StoreOutcome = DuplicateRelation[] | 'already-stored' | null;

/** A job being worked on, with its row once loaded. */
interface Item {
  job: Job;
  queued: QueuedRaw | null;
  result: JobResult | null;
  prepared?: PreparedRecord;
  /** Annotation layers computed with the extraction (workers that annotate), stored with the article. */
  annotations?: Annotations | null;
}

function message(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

export class BatchHandler {
  /** The store is one per process, shared by the fetch loops: its calls are queued, one at a time. */
  private storeTurn: Promise<unknown> = Promise.resolve();
  /**
   * Time spent inside store write transactions, from the first statement after the write lock is taken to
   * the commit. Workers everywhere take turns at that lock, so it bounds what any number of them can store.
   */
  writeMs = 0;

  /**
   * Failed jobs pg-boss has not been told about yet: the database was unreachable when they failed (which
   * is often why they failed). Until it is told, such a job stays active, and only comes back when it
   * expires; so the worker tells it again before each fetch.
   */
  private readonly unreported = new Map<string, string>();

  constructor(
    private readonly queue: QueueConnection,
    private readonly store: Store,
    private readonly prepare: (q: QueuedRaw) => Promise<PrepareOutcome>,
    private readonly nearThreshold: number,
  ) {}

  /** Work a batch of jobs and settle each with pg-boss; never throws. Results are in job order. */
  async handle(jobs: Job[]): Promise<Array<{ job: Job; result: JobResult }>> {
    const items: Item[] = jobs.map((job) => ({ job, queued: null, result: null }));
    try {
      await this.work(items);
    } catch (err) {
      // A failure outside any one record (loading rows, the store unreachable): every unsettled job fails.
      for (const item of items) if (!item.result) item.result = { outcome: 'job-failed', message: message(err) };
    }
    await this.settle(items);
    return items.map((item) => ({ job: item.job, result: item.result! }));
  }

  private withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const turn = this.storeTurn.then(() => fn(this.store));
    this.storeTurn = turn.catch(() => {});
    return turn;
  }

  /** A store write transaction, timed (see writeMs). */
  private write<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.withStore(async (store) => {
      let began = 0;
      try {
        return await store.transaction(() => {
          began = performance.now();
          return fn(store);
        });
      } finally {
        if (began) this.writeMs += performance.now() - began;
      }
    });
  }

  private async work(items: Item[]): Promise<void> {
    const valid = items.filter((item) => {
      if (typeof item.job.data?.rawId === 'string') return true;
      item.result = { outcome: 'job-failed', message: `job ${item.job.id} has no raw id` };
      return false;
    });
    // Rows are loaded a part of the batch at a time, so a batch of large pages does not sit in memory at once.
    const sizes = await rawSizes(this.queue.pool, valid.map((item) => item.job.data.rawId));
    const present: Item[] = [];
    for (const item of valid) {
      if (sizes.has(item.job.data.rawId)) present.push(item);
      else item.result = { outcome: 'gone' };
    }
    for (const part of byBytes(present, (item) => sizes.get(item.job.data.rawId)!, PART_MAX_BYTES)) await this.workPart(part);
  }

  /** Load, extract and store part of a batch. */
  private async workPart(items: Item[]): Promise<void> {
    const rows = await loadRaws(this.queue.pool, items.map((item) => item.job.data.rawId));
    const todo: Item[] = [];
    for (const item of items) {
      item.queued = rows.get(item.job.data.rawId) ?? null;
      if (!item.queued) item.result = { outcome: 'gone' };
      else todo.push(item);
    }

    // Already stored (a retried job whose earlier attempt stored it): record its origins, nothing else.
    // The checks are reads outside any transaction: they go out together, not one round trip after another.
    const known = await this.withStore(async (store) => {
      const stored = await Promise.all(todo.map((item) => store.hasRaw(item.queued!.raw.id)));
      return todo.filter((_, i) => stored[i]);
    });
    if (known.length > 0) {
      await this.write(async (store) => {
        for (const item of known) await addOrigins(store, item.queued!);
      });
    }
    for (const item of known) item.result = { outcome: 'already-stored' };

    const fresh = todo.filter((item) => !item.result);
    const outcomes = await Promise.all(fresh.map((item) => this.prepare(item.queued!)));
    fresh.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        item.prepared = { raw: item.queued!.raw, article: outcome.article, keys: outcome.keys };
        item.annotations = outcome.annotations;
      }
      else item.result = { outcome: 'failed', error: outcome.error };
    });
    await this.storeItems(fresh);
    await this.storeAnnotations(fresh);
    // Each item's result is set: its bytes and article can go before the next part is loaded.
    for (const item of items) {
      item.queued = null;
      item.prepared = undefined;
      item.annotations = undefined;
    }
  }

  /**
   * The layers of the articles this batch stored, each in a transaction of its own and outside the
   * store's write lock: they need no duplicate check, so workers write them side by side. A failure
   * leaves the article without layers, for the next corpus read to annotate; it does not fail the job.
   */
  private async storeAnnotations(items: Item[]): Promise<void> {
    for (const item of items) {
      if (item.result?.outcome !== 'stored' || !item.annotations || !item.prepared) continue;
      const id = item.prepared.raw.id;
      const layers = item.annotations;
      await this.withStore((store) => Promise.resolve(store.putAnnotations(id, ANNOTATION_VERSION, layers))).catch(() => undefined);
    }
  }

  /** Store a batch's articles and errors in one transaction; if that fails, one record at a time. */
  private async storeItems(items: Item[]): Promise<void> {
    if (items.length === 0) return;
    try {
      const relations = await this.write(async (store) => {
        const out: StoreOutcome[] = [];
        for (const item of items) out.push(await this.storeOne(store, item));
        return out;
      });
      items.forEach((item, i) => this.record(item, relations[i]));
    } catch {
      for (const item of items) {
        try {
          const relations = await this.write((store) => this.storeOne(store, item));
          this.record(item, relations);
        } catch (err) {
          item.result = { outcome: 'job-failed', message: message(err) };
        }
      }
    }
  }

  /**
   * One record's writes: its article, relations and extra origins, or its error. Stored already (a job
   * expired in a slow worker's hands and ran twice at once): only the origins. This check runs inside the
   * store's write lock, so the second run cannot relate the article again from the other side.
   */
  private async storeOne(store: Store, item: Item): Promise<StoreOutcome> {
    if (!item.prepared) {
      if (item.result?.outcome === 'failed') await store.putError(item.result.error);
      return null;
    }
    const id = item.prepared.raw.id;
    if (await store.hasRaw(id)) {
      await addOrigins(store, item.queued!);
      return 'already-stored';
    }
    const relations = await storePrepared(store, item.prepared, this.nearThreshold);
    for (const origin of item.queued!.extraOrigins) await store.addOrigin(id, origin);
    await replaceStandIns(store, item.prepared.raw);
    return relations;
  }

  private record(item: Item, stored: StoreOutcome): void {
    if (!item.prepared || !stored) return; // a stored error: its result is already set
    if (stored === 'already-stored') {
      item.result = { outcome: 'already-stored' };
      return;
    }
    const removals: Record<string, number> = {};
    for (const r of item.prepared.article.removals) removals[r.reason] = (removals[r.reason] ?? 0) + 1;
    const exact = stored.filter((r) => r.kind === 'exact').length;
    item.result = { outcome: 'stored', exact, near: stored.length - exact, removals };
  }

  /**
   * Finished jobs complete, and their rows go, in one transaction (a queued row always means unfinished
   * work). Jobs that hit an infrastructure failure are failed, for pg-boss to retry.
   */
  private async settle(items: Item[]): Promise<void> {
    const finished = items.filter((item) => item.result!.outcome !== 'job-failed');
    try {
      if (finished.length > 0) {
        // Jobs with the same output (most: stored, no duplicates) complete in one call.
        const byOutput = new Map<string, string[]>();
        for (const item of finished) {
          const key = JSON.stringify(jobOutput(item.result!));
          byOutput.set(key, [...(byOutput.get(key) ?? []), item.job.id]);
        }
        await this.queue.transaction(async (sql, db) => {
          await deleteRaws(sql, finished.map((item) => item.job.data.rawId));
          for (const [output, ids] of byOutput) await completeJobs(this.queue.boss, ids, JSON.parse(output), db);
        });
      }
    } catch (err) {
      for (const item of finished) item.result = { outcome: 'job-failed', message: message(err) };
    }
    for (const item of items) {
      const result = item.result!;
      if (result.outcome === 'job-failed') this.unreported.set(item.job.id, result.message);
    }
    await this.reportFailures();
  }

  /** Tell pg-boss about failed jobs, so they are retried (or fail for good); stops at the first error. */
  async reportFailures(): Promise<void> {
    for (const [jobId, message] of this.unreported) {
      try {
        await this.queue.boss.fail(INGEST_QUEUE, jobId, { message });
      } catch {
        return; // still unreachable: next time
      }
      this.unreported.delete(jobId);
    }
  }
}

/** Raw bytes loaded at once by one worker loop: past this, a batch is worked in parts. */
const PART_MAX_BYTES = 32 << 20;

/** Consecutive groups of items whose sizes add up to at most `max` (an item larger than `max` goes alone). */
export function byBytes<T>(items: T[], size: (item: T) => number, max: number): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (group.length > 0 && bytes + n > max) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += n;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Complete several jobs with one output. pg-boss does this (complete(name, ids, data, options)), but its
 * type declarations list an output only with a single id.
 */
function completeJobs(boss: PgBoss, ids: string[], output: object, db: PgBoss.Db): Promise<unknown> {
  const complete = boss.complete as unknown as (name: string, ids: string[], data: object, options: { db: PgBoss.Db }) => Promise<unknown>;
  return complete.call(boss, INGEST_QUEUE, ids, output, { db });
}

/** Record every place a queued record was read from, for a record the store already holds. */
async function addOrigins(store: Store, q: QueuedRaw): Promise<void> {
  for (const origin of [q.raw.origin, ...q.extraOrigins]) await store.addOrigin(q.raw.id, origin);
}

/** What a finished job keeps as its output in pg-boss's table. */
function jobOutput(result: JobResult): IngestJobOutput {
  switch (result.outcome) {
    case 'stored':
      return { outcome: 'stored', exact: result.exact, near: result.near };
    case 'failed':
      return { outcome: 'failed', code: result.error.code };
    case 'already-stored':
    case 'gone':
      return { outcome: result.outcome };
    default:
      throw new Error(`job output of an unfinished job (${result.outcome})`);
  }
}
