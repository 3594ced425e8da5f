import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { IngestItem, PayloadType, RawOrigin } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import { countSkip, type ReaderContext } from './options.js';
import { recordId } from './record-id.js';
import { isBlank, isGzip, isWarcStart, sniffKind } from './sniff.js';
import { concatBytes, withHead, type ByteSource } from './source.js';

/**
 * WARC reader (.warc, .warc.gz, stdin) on warcio's streaming WARCParser: one record in memory at a
 * time, so a 5 GB crawl streams through. Yields HTML (and text/plain) 200 responses; everything else
 * is counted in stats.skipped. A file cut short yields the complete records, then one 'truncated'.
 */

/**
 * warcio reports a record whose Content-Length falls short of the next record with a bare
 * console.warn ("Content-Length Too Small: ..., Offset: 14022"), which names no file. While one of
 * our parsers reads record headers, that message is written to stderr with the WARC's path in front;
 * other console output passes through untouched.
 */
let warcBeingParsed: string | null = null;
const libraryWarn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  if (warcBeingParsed !== null && typeof args[0] === 'string' && args[0].startsWith('Content-Length Too Small')) {
    libraryWarn(`${warcBeingParsed}: a record's Content-Length is shorter than the record, reading on at the next one (warcio: ${args[0]})`);
    return;
  }
  libraryWarn(...args);
};

/** HTTP Content-Types we read as pages. Anything else in a crawl (images, CSS, JS, JSON) is skipped. */
const DOCUMENT_TYPES: Record<string, PayloadType> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

/** Bytes of the first chunk we look at to check the input really is a WARC. */
const HEAD_BYTES = 64 * 1024;
/** WARC plus HTTP header blocks are a few KB; this much without the end of one means garbage. */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;
/** Slice size for gzip input (see the gate in readWarc). */
const GZIP_SLICE = 64 * 1024;

interface ContentType {
  mime: string;
  charset?: string;
}

/** "text/html; charset=ISO-8859-1" → { mime: 'text/html', charset: 'ISO-8859-1' }. */
export function parseContentType(value: string | null | undefined): ContentType | null {
  if (!value) return null;
  const parts = value.split(';');
  const mime = parts[0].trim().toLowerCase();
  let charset: string | undefined;
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = p.slice(eq + 1).trim().replace(/^["']|["']$/g, '') || undefined;
    }
  }
  return { mime, charset };
}

const WARC_MAGIC = 'WARC/';
/** Compressed bytes inflated to see whether a gzipped file starts like a WARC: far more than "WARC/1.1" needs. */
const GZIP_PROBE_BYTES = 1024;

/**
 * Does the (possibly gzipped) head start like a WARC file? 'short' when the stream ends before it
 * could tell, which only a cut file does.
 */
export function checkWarcHead(head: Uint8Array): 'warc' | 'not-warc' | 'short' {
  let inner = head;
  if (isGzip(head)) {
    try {
      // Sync flush: inflate what is there without failing on the (expected) missing end of stream.
      // Only the start: gunzipSync reads every member it is given, so a damaged byte in a later
      // record's member would otherwise make the whole file look like no WARC at all.
      inner = gunzipSync(head.subarray(0, GZIP_PROBE_BYTES), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch {
      return 'not-warc';
    }
  }
  if (isWarcStart(inner)) return 'warc';
  const start = new TextDecoder('latin1').decode(inner.subarray(0, WARC_MAGIC.length));
  return WARC_MAGIC.startsWith(start) ? 'short' : 'not-warc';
}

/** Raw bytes left unread in a record's block (warcio's LimitReader keeps the count). */
function unreadBlockBytes(record: WARCRecord): number {
  const reader = record._reader as { limit?: unknown };
  return typeof reader.limit === 'number' ? Math.max(0, reader.limit) : 0;
}

/**
 * Read the rest of a record's block without keeping it. We never let warcio skip for us: its skip
 * loops forever when the stream ends inside a record.
 */
async function drainRecord(record: WARCRecord): Promise<void> {
  for await (const chunk of record._reader) void chunk;
  record.consumed = 'skipped';
}

interface Payload {
  /** Decoded payload size in bytes. */
  size: number;
  /** The payload, or null when it was over the limit (then it was counted, never held). */
  bytes: Uint8Array | null;
}

/** Read a record's payload (de-chunked and content-decoded by warcio), holding at most maxBytes. */
async function readPayload(record: WARCRecord, maxBytes: number): Promise<Payload> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  await drainRecord(record); // content decoding may stop before the block ends
  return { size, bytes: size <= maxBytes ? concatBytes(chunks, size) : null };
}

/** Which payload type to read a record as, or the skip reason. */
function classify(record: WARCRecord): { type: PayloadType; charset?: string; sniff?: boolean } | { skip: string } {
  const warcType = record.warcType;
  if (warcType !== 'response' && warcType !== 'resource') return { skip: `warc-${warcType || 'untyped'}` };
  let ct: ContentType | null;
  if (warcType === 'response') {
    const http = record.httpHeaders;
    if (!http) return { skip: 'warc-no-http' };
    if (Number(http.statusCode) !== 200) return { skip: 'warc-non-200' };
    ct = parseContentType(http.headers.get('content-type'));
  } else {
    ct = parseContentType(record.warcHeader('Content-Type'));
  }
  if (!ct || ct.mime === '') return { type: 'html', sniff: true }; // undeclared: sniffed after reading
  // Own keys only: a hostile Content-Type such as "constructor" must not hit Object.prototype.
  const type = Object.hasOwn(DOCUMENT_TYPES, ct.mime) ? DOCUMENT_TYPES[ct.mime] : undefined;
  if (!type) return { skip: 'warc-not-document' };
  return { type, charset: ct.charset };
}

export function readWarc(src: ByteSource, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  return withHead(src, 'warc', HEAD_BYTES, (head, rest) => readWarcAfterHead(src, head, rest, ctx));
}

async function* readWarcAfterHead(
  src: ByteSource,
  head: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
  ctx: ReaderContext,
): AsyncGenerator<IngestItem> {
  const fileOrigin: RawOrigin = { path: src.path, reader: 'warc' };
  if (isBlank(head)) {
    yield ingestError(fileOrigin, 'empty', 'WARC file is empty');
    return;
  }
  const headCheck = checkWarcHead(head);
  if (headCheck === 'short') {
    yield ingestError(fileOrigin, 'truncated', `WARC ends after ${head.length} bytes, inside its first header`);
    return;
  }
  if (headCheck === 'not-warc') {
    yield ingestError(fileOrigin, 'not-warc', 'does not start with a WARC/1.x record header');
    return;
  }

  // Feed warcio through a gate that counts raw bytes, turns read errors into a clean end (we decide
  // what it means), slices gzip input (pako inflates a whole slice at once: a small slice bounds
  // what a gzip bomb can inflate in one go), and stops a header that never ends.
  const gzipped = isGzip(head);
  const slice = gzipped ? GZIP_SLICE : Number.POSITIVE_INFINITY;
  let bytesIn = 0;
  let readError: unknown = null;
  let headerStart: number | null = null;
  let headerOverflow = false;
  // Decompressed bytes warcio has consumed; bound to the parser below.
  let consumed = (): number => 0;
  const gate = (async function* () {
    try {
      for await (const chunk of rest) {
        bytesIn += chunk.length;
        for (let i = 0; i < chunk.length; i += slice) {
          if (headerStart !== null && consumed() - headerStart > MAX_HEADER_BYTES) {
            headerOverflow = true;
            return;
          }
          yield slice >= chunk.length ? chunk : chunk.subarray(i, i + slice);
        }
      }
    } catch (err) {
      readError = err;
    }
  })();

  const parser = new WARCParser(gate);
  consumed = () => parser._reader.getReadOffset();
  /** Parse the next record's WARC and HTTP headers, under the header-size guard. */
  const parseNext = async (): Promise<WARCRecord | null> => {
    headerStart = consumed();
    warcBeingParsed = src.path;
    try {
      return await parser.parse();
    } finally {
      headerStart = null;
      warcBeingParsed = null;
    }
  };
  /** The stream stopped inside a record: a cut file, unless reading itself failed. */
  const endedEarly = (origin: RawOrigin, what: string): IngestItem =>
    readError !== null
      ? ingestError(origin, fsErrorCode(readError, true), `${what}: ${errorMessage(readError)}`)
      : ingestError(origin, 'truncated', what);
  let recordsSeen = 0;
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parseNext();
      } catch (err) {
        yield ingestError(fileOrigin, 'bad-warc', `cannot parse WARC after ${recordsSeen} records: ${errorMessage(err)}`);
        return;
      }
      if (headerOverflow) {
        yield ingestError(fileOrigin, 'bad-warc', `after ${recordsSeen} records: a header runs past ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      if (!record) break;
      recordsSeen++;
      const offset = parser.offset;
      const url = record.warcTargetURI ?? undefined;
      const origin: RawOrigin = {
        path: src.path,
        reader: 'warc',
        url,
        warcRecordId: record.warcHeader('WARC-Record-ID') ?? undefined,
        offset,
      };
      const contentLength = record.warcHeader('Content-Length');
      if (!contentLength || !/^\d+$/.test(contentLength.trim())) {
        // A header block without a length: either the file was cut inside it, or it is not a WARC.
        const next = await parseNext().catch(() => null);
        if (headerOverflow) yield ingestError(origin, 'bad-warc', `record ${recordsSeen} has no valid Content-Length`);
        else if (next === null) yield endedEarly(origin, `WARC ends inside the header of record ${recordsSeen}`);
        else yield ingestError(origin, 'bad-warc', `record ${recordsSeen} has no valid Content-Length`);
        return;
      }

      const kind = classify(record);
      if ('skip' in kind) {
        countSkip(ctx.stats, kind.skip);
        await drainRecord(record);
        if (unreadBlockBytes(record) > 0) {
          yield endedEarly(origin, `WARC ends inside record ${recordsSeen} (${record.warcType})`);
          return;
        }
        continue;
      }

      let payload: Payload;
      try {
        payload = await readPayload(record, ctx.maxBytes);
      } catch (err) {
        yield ingestError(origin, 'bad-warc', `cannot read payload of record ${recordsSeen}: ${errorMessage(err)}`);
        return;
      }
      if (unreadBlockBytes(record) > 0) {
        yield endedEarly(origin, `WARC ends inside record ${recordsSeen} (${url ?? 'no URL'})`);
        return;
      }
      const { bytes } = payload;
      if (bytes === null) {
        yield ingestError(origin, 'too-large', `payload of ${payload.size} bytes is over the ${ctx.maxBytes}-byte limit`);
        continue;
      }
      if (isBlank(bytes)) {
        countSkip(ctx.stats, 'warc-empty-payload');
        continue;
      }
      if (kind.sniff && sniffKind(bytes) !== 'html') {
        // No Content-Type at all: keep only payloads that look like pages.
        countSkip(ctx.stats, 'warc-not-document');
        continue;
      }
      const type = kind.type;
      yield {
        kind: 'record',
        record: {
          id: recordId(type, bytes),
          type,
          bytes,
          origin,
          hints: { url, ...(kind.charset ? { charset: kind.charset } : {}) },
        },
      };
    }

    if (readError !== null) {
      yield ingestError(fileOrigin, fsErrorCode(readError, true), `read failed after ${recordsSeen} records: ${errorMessage(readError)}`);
      return;
    }
    const reader = parser._reader;
    // warcio meets a gzip member it cannot inflate by reading the rest as uncompressed bytes, which
    // parse as nothing: without this the records after the damage would vanish without a word
    if (gzipped && !reader.compressed) {
      yield ingestError(fileOrigin, 'bad-gzip', `damaged gzip data after ${recordsSeen} records: the rest of the file cannot be inflated`);
      return;
    }
    // A gzip member that never ended: the file was cut after the last complete record.
    if (gzipped && reader.compressed && bytesIn > reader.getRawOffset()) {
      yield ingestError(fileOrigin, 'truncated', `gzip data ends inside a member after ${recordsSeen} records`);
    }
  } finally {
    // Close the file even when we stop early (bad record, consumer broke off): warcio never does.
    await gate.return(undefined);
  }
}
