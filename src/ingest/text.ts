import type { IngestItem } from '../model.js';
import { readDocument } from './document.js';
import type { ReaderContext } from './options.js';
import type { ByteSource } from './source.js';

/** Plain-text reader (.txt): the bytes as they are; any encoding is detected later by extract/decode.ts. */
export function readText(src: ByteSource, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  return readDocument(src, 'text', ctx);
}
