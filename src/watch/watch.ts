/**
 * `parallax watch`: ingest the same sources again and again (feeds, URLs, folders a crawler fills),
 * reading only what changed. Each round is one `ingest` over the sources that are due:
 *
 *   sources ──► due? (back-off) ──► ingest (304s, unchanged and settling files passed over) ──► poll states stored
 *
 * The store keeps what a round learnt (HTTP validators, file sizes and times), so a watcher that
 * restarts, or `watch --once` run from cron, goes on where the last one stopped. Stopping (the
 * signal) ends the round in progress promptly: nothing more is read, what was read is stored, and
 * no poll state of that round is recorded.
 */
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isUrl, type PollHooks } from '../ingest/index.js';
import type { RecordError } from '../model.js';
import { ingest, type IngestOptions } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { PollTracker } from './poll-tracker.js';

/** What a round did: an ingest's summary, or an enqueue's (`watch --enqueue`), which queue instead of storing. */
export interface RoundSummary {
  read: number;
  /** Articles stored (ingest). */
  stored?: number;
  /** Records queued for workers (enqueue). */
  enqueued?: number;
  alreadyStored: number;
  failed: number;
  /** Skips by reason: `not-modified`, `file-unchanged`, `file-settling` among them. */
  skipped: Record<string, number>;
  exactDuplicates?: number;
  nearDuplicates?: number;
  /** Feed items kept in place of pages, replaced by the pages (ingest with --follow-links). */
  standInsReplaced?: number;
}

/** What a round's reader must be given: the poll hooks, where failures go, and the stop signal. */
export interface RoundHooks {
  poll: PollHooks;
  onError: (error: RecordError) => void;
  signal?: AbortSignal;
}

/** One round over the due sources: ingest them (the default), or queue them for workers. */
export type RoundRunner = (inputs: string[], hooks: RoundHooks) => Promise<RoundSummary>;

export interface WatchOptions {
  /** Time from the start of one round to the start of the next. */
  everyMs: number;
  /** A file modified less than this long ago waits for the next round (a crawler may be writing it). */
  settleMs: number;
  /** Stop after this many rounds (1 = `--once`); default: until the signal. */
  rounds?: number;
  /** Passed to each round's ingest (read and fetch options, workers, duplicates, onError, ...). */
  ingest?: Omit<IngestOptions, 'signal'>;
  /** Runs a round instead of `ingest` with the options above (`watch --enqueue` queues for workers). */
  runRound?: RoundRunner;
  /** Stops the watch: the round in progress ends early, the wait for the next one at once. */
  signal?: AbortSignal;
  /** Called after every round. */
  onRound?: (report: RoundReport) => void;
  /** Called when a round starts, with the sources it reads. */
  onRoundStart?: (round: number, sources: string[]) => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

export interface RoundReport {
  round: number;
  startedAt: string;
  elapsedMs: number;
  /** Sources read this round. */
  sources: number;
  /** URLs left out of this round after failures, and when they are due again (ISO time). */
  backingOff: Array<{ source: string; until: string }>;
  /** What the round's ingest (or enqueue) did; its `skipped` counts `not-modified`, `file-unchanged`, `file-settling`. */
  summary: RoundSummary;
  /** The round was stopped before its end: its poll states were not recorded. */
  interrupted: boolean;
  /** Why the round failed as a whole (the store or queue could not be used), or null. */
  error: string | null;
  /** Poll states recorded at the end of the round. */
  statesRecorded: number;
  /** When the next round starts (ISO time), or null when this was the last. */
  nextRoundAt: string | null;
}

export interface WatchResult {
  rounds: number;
  /** Articles stored (or records queued) over all rounds. */
  stored: number;
  failed: number;
  /** Rounds that failed as a whole (see RoundReport.error). */
  roundErrors: number;
  /** The signal ended the watch (in a round or between two). */
  stopped: boolean;
}

/**
 * Run rounds over `sources()` (asked again each round: a list file may change while we watch) until
 * `rounds` are done or the signal fires.
 */
export async function watch(sources: () => Promise<string[]>, store: Store, options: WatchOptions): Promise<WatchResult> {
  const now = options.now ?? Date.now;
  const tracker = new PollTracker(await store.pollStates(), { settleMs: options.settleMs, everyMs: options.everyMs, now });
  const result: WatchResult = { rounds: 0, stored: 0, failed: 0, roundErrors: 0, stopped: false };
  const runRound = options.runRound ?? ingestRound(store, options.ingest ?? {});
  const signal = options.signal;
  for (let round = 1; options.rounds === undefined || round <= options.rounds; round++) {
    if (signal?.aborted) break;
    const started = now();
    const all = await sources();
    const backingOff = tracker.backingOff(all);
    const waiting = new Set(backingOff.map((b) => b.source));
    const due = all.filter((s) => !waiting.has(s));
    options.onRoundStart?.(round, due);
    tracker.beginRound();
    let summary: RoundSummary = { read: 0, alreadyStored: 0, failed: 0, skipped: {} };
    let error: string | null = null;
    let states: Array<[string, string]> = [];
    try {
      summary = await runRound(due, {
        poll: tracker.hooks,
        onError: (e) => tracker.failed(e),
        ...(signal ? { signal } : {}),
      });
      if (!signal?.aborted) {
        states = tracker.endRound();
        if (states.length) await store.putPollStates(states);
        const gone = tracker.goneBelow(await folders(due));
        if (gone.length) await store.deletePollStates(gone);
      }
    } catch (err) {
      // the store or the queue failed (a lost database connection): a watcher rides it out and tries
      // the whole round again next time, as nothing of this round was recorded as read
      error = err instanceof Error ? err.message : String(err);
      states = [];
      result.roundErrors++;
    }
    const interrupted = signal?.aborted === true;
    result.rounds = round;
    result.stored += summary.stored ?? summary.enqueued ?? 0;
    result.failed += summary.failed;
    const last = interrupted || (options.rounds !== undefined && round >= options.rounds);
    const nextAt = started + options.everyMs;
    options.onRound?.({
      round,
      startedAt: new Date(started).toISOString(),
      elapsedMs: now() - started,
      sources: due.length,
      backingOff: backingOff.map((b) => ({ source: b.source, until: new Date(b.until).toISOString() })),
      summary,
      interrupted,
      error,
      statesRecorded: states.length,
      nextRoundAt: last ? null : new Date(Math.max(nextAt, now())).toISOString(),
    });
    if (last) break;
    const wait = nextAt - now();
    if (wait > 0) {
      try {
        await sleep(wait, undefined, { signal });
      } catch {
        break; // stopped while waiting: the last round was whole
      }
    }
  }
  result.stopped = signal?.aborted === true;
  return result;
}

/** The sources that are local folders (walked whole by a round that ran to its end). */
async function folders(sources: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of sources) {
    if (isUrl(s) || s === '-') continue;
    try {
      if ((await stat(s)).isDirectory()) out.push(s);
    } catch {
      // gone: nothing below it to forget now; its states go when it is walked again
    }
  }
  return out;
}

/** The default round: `ingest` into the store, with the round's poll hooks and stop signal. */
export function ingestRound(store: Store, base: Omit<IngestOptions, 'signal'>): RoundRunner {
  return (inputs, hooks) =>
    ingest(inputs, store, {
      ...base,
      read: { ...base.read, poll: hooks.poll },
      onError: (error) => {
        hooks.onError(error);
        base.onError?.(error);
      },
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
}
