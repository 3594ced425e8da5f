import { z } from 'zod';
import type { IngestItem, PayloadType, RawOrigin, RecordHints } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import type { ReaderContext } from './options.js';
import { recordId } from './record-id.js';
import { isBlank } from './sniff.js';
import type { ByteSource } from './source.js';

/**
 * JSON Lines reader (.jsonl, .ndjson): one document per line. A bad line becomes one error with its
 * line number and the reader goes on. Lines are split from the byte stream here (not with readline)
 * so that a single absurdly long line is measured and refused without being held in memory.
 */

const optionalString = z.string().nullish().transform((v) => (v === null || v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Epoch numbers are common in dumps: seconds below 1e11 (until the year 5138), milliseconds above. */
const published = z
  .union([z.string(), z.number().finite()])
  .nullish()
  .transform((v) => {
    if (typeof v === 'number') return new Date(v < 1e11 ? v * 1000 : v).toISOString();
    return v === null || v === undefined || v.trim() === '' ? undefined : v.trim();
  });

/** The documented line shape. Unknown fields are ignored, so richer dumps can be read as they are. */
export const JsonlDocumentSchema = z
  .object({
    url: optionalString,
    html: z.string().nullish(),
    text: z.string().nullish(),
    title: optionalString,
    published,
    outlet: optionalString,
    byline: optionalString,
    language: optionalString,
  })
  .refine((d) => typeof d.html === 'string' || typeof d.text === 'string', { message: 'needs an "html" or a "text" string' });

export type JsonlDocument = z.infer<typeof JsonlDocumentSchema>;

interface Line {
  /** 1-based. */
  number: number;
  bytes: Uint8Array | null;
  /** Length in bytes when the line was too long to keep (bytes is then null). */
  size: number;
}

/** Split a byte stream into lines (LF or CRLF), holding at most `maxBytes` of any one line. */
async function* splitLines(stream: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let number = 1;
  const finish = (): Line => {
    let bytes: Uint8Array | null = null;
    if (size <= maxBytes) {
      bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line = { number, bytes, size };
    parts = [];
    size = 0;
    number++;
    return line;
  };
  for await (const chunk of stream) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      size += piece.length;
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      if (nl < 0) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0) yield finish();
}

const utf8 = new TextDecoder('utf-8'); // JSON is UTF-8 (RFC 8259); bad bytes become U+FFFD, not a crash

export function jsonlDocumentToRecord(doc: JsonlDocument, origin: RawOrigin): IngestItem {
  const type: PayloadType = typeof doc.html === 'string' ? 'html' : 'text';
  const body = (type === 'html' ? doc.html : doc.text) ?? '';
  const bytes = new TextEncoder().encode(body);
  if (isBlank(bytes)) return ingestError(origin, 'empty', `line ${origin.offset}: "${type}" is empty`);
  const hints: RecordHints = { charset: 'utf-8' };
  if (doc.title) hints.title = doc.title;
  if (doc.published) hints.publishedAt = doc.published;
  if (doc.outlet) hints.outlet = doc.outlet;
  if (doc.byline) hints.byline = doc.byline;
  if (doc.language) hints.language = doc.language;
  if (doc.url) hints.url = doc.url;
  return { kind: 'record', record: { id: recordId(type, bytes), type, bytes, origin, hints } };
}

export async function* readJsonl(src: ByteSource, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  const fileOrigin: RawOrigin = { path: src.path, reader: 'jsonl' };
  let nonBlankLines = 0;
  try {
    for await (const line of splitLines(src.open(), ctx.maxBytes)) {
      const origin: RawOrigin = { path: src.path, reader: 'jsonl', offset: line.number };
      if (line.bytes === null) {
        nonBlankLines++;
        yield ingestError(origin, 'too-large', `line ${line.number}: ${line.size} bytes is over the ${ctx.maxBytes}-byte limit`);
        continue;
      }
      if (isBlank(line.bytes)) continue;
      nonBlankLines++;
      let value: unknown;
      try {
        value = JSON.parse(utf8.decode(line.bytes)); // TextDecoder drops a leading BOM
      } catch (err) {
        yield ingestError(origin, 'bad-json', `line ${line.number}: ${errorMessage(err)}`);
        continue;
      }
      const parsed = JsonlDocumentSchema.safeParse(value);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ');
        yield ingestError(origin, 'invalid-record', `line ${line.number}: ${why}`);
        continue;
      }
      const doc = parsed.data;
      yield jsonlDocumentToRecord(doc, { ...origin, ...(doc.url ? { url: doc.url } : {}) });
    }
  } catch (err) {
    yield ingestError(fileOrigin, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  if (nonBlankLines === 0) yield ingestError(fileOrigin, 'empty', 'JSONL file has no lines');
}
