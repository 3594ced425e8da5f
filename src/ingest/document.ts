import type { IngestItem, PayloadType, RawOrigin } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import type { ReaderContext } from './options.js';
import { recordId } from './record-id.js';
import { binarySignature, isBlank } from './sniff.js';
import { readCapped, type ByteSource } from './source.js';

/**
 * Read one whole document (an .html or .txt file, or stdin) into one record. Charset detection is
 * not done here (extract/decode.ts does it); we only refuse what can never be a document:
 * too large, empty, or a known binary format.
 */
export async function* readDocument(src: ByteSource, type: PayloadType, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  const origin: RawOrigin = { path: src.path, reader: src.path === '-' ? 'stdin' : type };
  let read;
  try {
    read = await readCapped(src, ctx.maxBytes);
  } catch (err) {
    yield ingestError(origin, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  if (!read.ok) {
    yield ingestError(origin, 'too-large', `${read.size} bytes is over the ${ctx.maxBytes}-byte limit`);
    return;
  }
  const { bytes } = read;
  if (isBlank(bytes)) {
    yield ingestError(origin, 'empty', bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
    return;
  }
  const magic = binarySignature(bytes);
  if (magic !== null) {
    yield ingestError(origin, 'binary', `bytes are a ${magic} file, not ${type}`);
    return;
  }
  yield { kind: 'record', record: { id: recordId(type, bytes), type, bytes, origin, hints: {} } };
}
