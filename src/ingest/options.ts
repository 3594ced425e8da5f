import type { Readable } from 'node:stream';
import type { FetchOptions, HttpValidators } from './http/fetcher.js';

/** 64 MiB: far above any real article page, low enough that one hostile file cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** Largest document (file, WARC record payload, feed file, JSONL line) accepted, in bytes. */
  maxBytes?: number;
  /** Stream read for the input "-". Defaults to process.stdin; tests pass a Readable. */
  stdin?: Readable | AsyncIterable<Uint8Array>;
  /** Counters filled in while reading (skipped records, files seen). Create with newIngestStats(). */
  stats?: IngestStats;
  /** How many small document files to read ahead in parallel during a folder walk (order is kept). */
  readAhead?: number;
  /** How http(s) inputs are fetched, and whether feed item links are followed. */
  fetch?: FetchOptions;
  /** With fetch.followLinks: true when the store already holds a document from this URL (not fetched again). */
  skipUrl?: (url: string) => boolean | Promise<boolean>;
  /** Aborts the run's requests (a stopped `watch` does not wait for a slow server to answer). */
  signal?: AbortSignal;
  /** Hooks for polling the same inputs again and again (`parallax watch`): read only what changed. */
  poll?: PollHooks;
}

/** How an http(s) input answered a poll. */
export type PollAnswer =
  | { status: 'changed'; validators: HttpValidators }
  | { status: 'not-modified' }
  | { status: 'failed'; code: string; retryAfterMs?: number };

export interface PollHooks {
  /** The validators of the copy of this URL input read last time, sent as If-None-Match / If-Modified-Since. */
  validators(input: string): HttpValidators | null;
  /** What the URL input answered (a 304 counts as the skip `not-modified` and reads nothing). */
  answered(input: string, answer: PollAnswer): void;
  /**
   * Why to pass over this file now (the skip reason counted: unchanged since it was read last,
   * still being written), or null to read it. Asked for files named and found in folders alike.
   */
  skipFile(path: string): Promise<string | null>;
}

/** What was read and what was passed over on purpose, so a run can say "skipped 1,204 request records". */
export interface IngestStats {
  files: number;
  records: number;
  errors: number;
  /** reason → count, e.g. "warc-request", "warc-non-200", "warc-not-document", "hidden", "unsupported-type". */
  skipped: Record<string, number>;
}

export function newIngestStats(): IngestStats {
  return { files: 0, records: 0, errors: 0, skipped: {} };
}

export function countSkip(stats: IngestStats | undefined, reason: string, n = 1): void {
  if (stats) stats.skipped[reason] = (stats.skipped[reason] ?? 0) + n;
}

/** The options every reader needs, with defaults applied. */
export interface ReaderContext {
  maxBytes: number;
  stats: IngestStats;
  poll?: PollHooks;
}
