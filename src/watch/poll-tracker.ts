/**
 * What `parallax watch` knows about each source between two rounds, and the answers it gives the
 * readers (ingest's PollHooks):
 * - a URL: the ETag / Last-Modified of the copy read last, sent back so an unchanged feed costs a 304;
 *   after a failed fetch, how long to leave it alone (doubling per failure, or the server's Retry-After);
 * - a file: its size and modification time when it was read last, so an unchanged file is not read
 *   again, and a file modified moments ago (a crawler still writing it) waits for the next round.
 * States reach the store only after a round that ran to its end, and only for sources read whole
 * without a failure that may pass, so a crash or Ctrl-C never marks something read that was not.
 */
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isUrl, type HttpValidators, type PollAnswer, type PollHooks } from '../ingest/index.js';
import type { RecordError } from '../model.js';

export interface PollTrackerOptions {
  /** A file modified less than this long ago is left for the next round (it may still be written). */
  settleMs: number;
  /** The time between two rounds: the unit of a failing URL's back-off. */
  everyMs: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

interface FileState {
  size: number;
  mtimeMs: number;
}

/** A URL left alone after failures: until when, and how many in a row. */
interface BackOff {
  failures: number;
  until: number;
}

/** File failures that say nothing about the bytes (they may pass): such a file is read again next round. */
const PASSING_FILE_CODES = new Set(['vanished', 'unreadable', 'timeout', 'store-failed']);
/** A failing URL waits at most this many rounds, and at most a day, whatever Retry-After says. */
const MAX_BACKOFF_ROUNDS = 8;
const MAX_WAIT_MS = 86_400_000;

export const urlKey = (input: string): string => `url ${input}`;
export const fileKey = (path: string): string => `file ${resolve(path)}`;

export class PollTracker {
  private readonly states: Map<string, string>;
  private readonly now: () => number;
  private readonly backOff = new Map<string, BackOff>();
  /** This round: states to record when it ends well, by key. */
  private pending = new Map<string, string>();
  /** This round: sources (inputs and files) a failure makes read again next round. */
  private failedSources = new Set<string>();
  /** This round: every file offered to skipFile (read, unchanged or settling), by key. */
  private seenFiles = new Set<string>();

  constructor(states: Map<string, string>, private readonly options: PollTrackerOptions) {
    this.states = new Map(states);
    this.now = options.now ?? Date.now;
  }

  /** The URL inputs to leave out of this round, with the time each is due again. */
  backingOff(inputs: readonly string[]): Array<{ source: string; until: number }> {
    const now = this.now();
    const out: Array<{ source: string; until: number }> = [];
    for (const input of inputs) {
      const b = this.backOff.get(input);
      if (b && b.until > now) out.push({ source: input, until: b.until });
    }
    return out;
  }

  /** Start a round: nothing pending. */
  beginRound(): void {
    this.pending = new Map();
    this.failedSources = new Set();
    this.seenFiles = new Set();
  }

  /** The hooks the readers call during the round. */
  readonly hooks: PollHooks = {
    validators: (input) => {
      const json = this.states.get(urlKey(input));
      return json ? (JSON.parse(json) as HttpValidators) : null;
    },
    answered: (input, answer) => this.answered(input, answer),
    skipFile: (path) => this.skipFile(path),
  };

  /** Every per-document failure of the round (ingest's onError): its source is read whole again next round. */
  failed(error: RecordError): void {
    const path = error.origin.path;
    // a URL input's failures (its own fetch, a truncated body, a followed link) are all under its name
    if (isUrl(path)) this.failedSources.add(urlKey(path));
    else if (PASSING_FILE_CODES.has(error.code)) this.failedSources.add(fileKey(path));
  }

  /**
   * End a round that ran to its end: the states of the sources read whole and well, to store. The
   * tracker remembers them too, for the next round of this process.
   */
  endRound(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [key, state] of this.pending) {
      if (this.failedSources.has(key)) continue;
      this.states.set(key, state);
      out.push([key, state]);
    }
    this.pending = new Map();
    return out;
  }

  /**
   * After a round that walked these folders to the end: the states of files below them that the
   * walk no longer found (deleted, moved away), to drop, so a crawl folder whose old files are
   * archived does not leave the store a state for every file it ever held. The tracker forgets them too.
   */
  goneBelow(folders: readonly string[]): string[] {
    if (folders.length === 0) return [];
    const roots = folders.map((f) => `${fileKey(f)}${sep}`);
    const gone: string[] = [];
    for (const key of this.states.keys()) {
      if (key.startsWith('file ') && !this.seenFiles.has(key) && roots.some((r) => key.startsWith(r))) gone.push(key);
    }
    for (const key of gone) this.states.delete(key);
    return gone;
  }

  private answered(input: string, answer: PollAnswer): void {
    if (answer.status === 'failed') {
      const failures = (this.backOff.get(input)?.failures ?? 0) + 1;
      const rounds = Math.min(2 ** (failures - 1), MAX_BACKOFF_ROUNDS);
      // one round is the normal pace: the first failure costs nothing extra unless the server asks
      const wait = Math.min(Math.max((rounds - 1) * this.options.everyMs, answer.retryAfterMs ?? 0), MAX_WAIT_MS);
      this.backOff.set(input, { failures, until: this.now() + wait });
      return;
    }
    this.backOff.delete(input);
    if (answer.status === 'changed' && (answer.validators.etag || answer.validators.lastModified)) {
      this.pending.set(urlKey(input), JSON.stringify(answer.validators));
    }
  }

  private async skipFile(path: string): Promise<string | null> {
    let st;
    try {
      st = await stat(path);
    } catch {
      return null; // let the reader say what is wrong with it
    }
    const key = fileKey(path);
    this.seenFiles.add(key);
    if (this.now() - st.mtimeMs < this.options.settleMs) return 'file-settling';
    const state = JSON.stringify({ size: st.size, mtimeMs: st.mtimeMs } satisfies FileState);
    if (this.states.get(key) === state) return 'file-unchanged';
    this.pending.set(key, state);
    return null;
  }
}
