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
  | 'unsupported';

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
  if (code === 'ENOENT' || code === 'ENOTDIR') return listed ? 'vanished' : 'not-found';
  return 'unreadable';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
