import type { Readable } from 'node:stream';
import type { FetchOptions } from './http/fetcher.js';

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
}
