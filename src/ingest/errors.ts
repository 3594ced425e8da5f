import type { IngestItem, RawOrigin } from '../model.js';

/**
 * Stable codes of the per-document failures the readers report. The batch always goes on.
 * Documented in the module README of src/ingest (see index.ts).
 */
export type IngestErrorCode =
  /** An input named on the command line does not exist. */
  | 'not-found'
  /** A file was listed (folder walk) but was gone when we came to read it. */
  | 'vanished'
  /** Permission denied, I/O error, or another file-system failure. */
  | 'unreadable'
  /** A document (or WARC record, feed file, JSONL line) is larger than ReadOptions.maxBytes. */
  | 'too-large'
  /** 0 bytes, or only whitespace. */
  | 'empty'
  /** A document file whose bytes start with a known binary signature (PNG, PDF, ZIP...). */
  | 'binary'
  /** A gzip stream or WARC file that ends in the middle of a member or record. */
  | 'truncated'
  /** Gzip data that does not inflate: a damaged byte (what came before it is kept). */
  | 'bad-gzip'
  /** A .warc file that does not start with a WARC header, or that warcio cannot parse. */
  | 'not-warc'
  | 'bad-warc'
  /** An XML file that is not an RSS 2.0, RSS 1.0 or Atom feed. */
  | 'not-a-feed'
  /** A feed too broken to read on (elements nested absurdly deep), or one item that cannot be read. */
  | 'bad-feed'
  /** A JSONL line that is not JSON / not an object of the documented shape. */
  | 'bad-json'
  | 'invalid-record'
  /** A file named explicitly whose kind we cannot read. */
  | 'unsupported'
  /** An input or a feed link that looks like a URL but is not an http(s) URL we can fetch. */
  | 'bad-url'
  /** A URL whose host resolves to a private, loopback or reserved address (refused unless allowed). */
  | 'blocked-address'
  /** A fetch that got no answer: host not found, connection refused or reset, too many redirects. */
  | 'fetch-failed'
  /** A fetch answered with an HTTP status other than 2xx. */
  | 'http-error'
  /** A fetch that waited too long for the server (connect, headers, a body chunk, or the whole page). */
  | 'timeout';

export function ingestError(origin: RawOrigin, code: IngestErrorCode, message: string): IngestItem {
  return { kind: 'error', error: { origin, stage: 'ingest', code, message } };
}

/** zlib's "unexpected end of file": gzip data that stops in the middle of a member. */
export function isTruncation(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'Z_BUF_ERROR' || (err instanceof Error && /unexpected end of file/i.test(err.message));
}

/**
 * Map a failure while opening or streaming an input to our codes. `listed` = we saw the file before
 * (it was named and stat'ed, or found by a folder walk), so ENOENT now means it vanished.
 */
export function fsErrorCode(err: unknown, listed: boolean): IngestErrorCode {
  if (isTruncation(err)) return 'truncated';
  const code = (err as NodeJS.ErrnoException | null)?.code;
  // Streams of fetched URLs fail the network's way, not the file system's (see http/fetcher.ts).
  if (isTimeout(err)) return 'timeout';
  if (typeof code === 'string' && (code.startsWith('UND_ERR') || code === 'ECONNRESET')) return 'fetch-failed';
  if (code === 'ENOENT' || code === 'ENOTDIR') return listed ? 'vanished' : 'not-found';
  // zlib's "incorrect data check", "invalid block type": damaged data, not a file that cannot be read
  if (code === 'Z_DATA_ERROR') return 'bad-gzip';
  return 'unreadable';
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * undici's connect/headers/body timeouts, and an aborted fetch whose deadline passed; also when
 * wrapped, as undici wraps them ("terminated" or "fetch failed", the reason in `cause`).
 */
export function isTimeout(err: unknown): boolean {
  const isOne = (e: (Error & { code?: string }) | null | undefined) => !!e && (e.name === 'TimeoutError' || TIMEOUT_CODES.has(e.code ?? ''));
  const e = err as (Error & { code?: string; cause?: Error & { code?: string } }) | null;
  return isOne(e) || isOne(e?.cause);
}

export function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // undici says "terminated" or "fetch failed" and puts the reason in `cause`.
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
