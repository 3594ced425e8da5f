import { gunzipSync } from 'node:zlib';
import type { IngestItem, PayloadType, RawOrigin } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import type { ReaderContext } from './options.js';
import { recordId } from './record-id.js';
import { binarySignature, isBlank, isGzip } from './sniff.js';
import { readCapped, type ByteSource } from './source.js';

/**
 * Read one whole document (an .html or .txt file, or stdin) into one record. Charset detection is
 * not done here (extract/decode.ts does it); we only refuse what can never be a document:
 * too large, empty, or a known binary format.
 */
export async function* readDocument(src: ByteSource, type: PayloadType, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  const origin = documentOrigin(src.path, type);
  let read;
  try {
    read = await readCapped(src, ctx.maxBytes);
  } catch (err) {
    yield ingestError(origin, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  if (!read.ok) {
    const what = read.cut ? 'the download' : `${read.size} bytes`;
    yield ingestError(origin, 'too-large', `${what} is over the ${ctx.maxBytes}-byte limit${read.cut ? ' (stopped reading there)' : ''}`);
    return;
  }
  yield documentFromBytes(origin, type, read.bytes, ctx);
}

export function documentOrigin(path: string, type: PayloadType): RawOrigin {
  return { path, reader: path === '-' ? 'stdin' : type };
}

/** The record for a document's bytes, or why there is none. */
export function documentFromBytes(origin: RawOrigin, type: PayloadType, raw: Uint8Array, ctx: ReaderContext): IngestItem {
  let bytes = raw;
  if (isGzip(bytes)) {
    // Pages saved with their gzip Content-Encoding still applied (a classic of wget mirrors).
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: ctx.maxBytes });
    } catch (err) {
      if (err instanceof RangeError) return ingestError(origin, 'too-large', `gunzips to more than ${ctx.maxBytes} bytes`);
      const code = fsErrorCode(err, true);
      return ingestError(origin, code === 'truncated' || code === 'bad-gzip' ? code : 'binary', `gzip data that does not gunzip: ${errorMessage(err)}`);
    }
  }
  if (bytes.length > ctx.maxBytes) {
    return ingestError(origin, 'too-large', `${bytes.length} bytes is over the ${ctx.maxBytes}-byte limit`);
  }
  if (isBlank(bytes)) {
    return ingestError(origin, 'empty', bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
  }
  const magic = binarySignature(bytes);
  if (magic !== null) return ingestError(origin, 'binary', `bytes are a ${magic} file, not ${type}`);
  return { kind: 'record', record: { id: recordId(type, bytes), type, bytes, origin, hints: {} } };
}
