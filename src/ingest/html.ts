import type { IngestItem } from '../model.js';
import { readDocument } from './document.js';
import type { ReaderContext } from './options.js';
import type { ByteSource } from './source.js';

/** HTML page reader (.html, .htm): one file, one record of type 'html'. */
export function readHtml(src: ByteSource, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  return readDocument(src, 'html', ctx);
}
