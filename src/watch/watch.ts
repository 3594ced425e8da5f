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
import { setTimeout as sleep } from 'node:timers/promises';
import { ingest, type IngestOptions, type IngestSummary } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { PollTracker } from './poll-tracker.js';

export interface WatchOptions {
  /** Time from the start of one round to the start of the next. */
  everyMs: number;
  /** A file modified less than this long ago waits for the next round (a crawler may be writing it). */
  settleMs: number;
  /** Stop after this many rounds (1 = `--once`); default: until the signal. */
  rounds?: number;
  /** Passed to each round's ingest (read and fetch options, workers, duplicates, onError, ...). */
  ingest?: Omit<IngestOptions, 'signal'>;
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
  /** What the round's ingest did (its `skipped` counts `not-modified`, `file-unchanged`, `file-settling`). */
  summary: IngestSummary;
  /** The round was stopped before its end: its poll states were not recorded. */
  interrupted: boolean;
  /** Poll states recorded at the end of the round. */
  statesRecorded: number;
  /** When the next round starts (ISO time), or null when this was the last. */
  nextRoundAt: string | null;
}

export interface WatchResult {
  rounds: number;
  stored: number;
  failed: number;
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
  const result: WatchResult = { rounds: 0, stored: 0, failed: 0, stopped: false };
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
    const onError = options.ingest?.onError;
    const summary = await ingest(due, store, {
      ...options.ingest,
      read: { ...options.ingest?.read, poll: tracker.hooks },
      onError: (error) => {
        tracker.failed(error);
        onError?.(error);
      },
      signal,
    });
    const interrupted = signal?.aborted === true;
    const states = interrupted ? [] : tracker.endRound();
    if (states.length) await store.putPollStates(states);
    result.rounds = round;
    result.stored += summary.stored;
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
