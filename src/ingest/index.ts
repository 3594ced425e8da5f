/**
 * Ingest: inputs (files, folders, "-" for stdin) → a stream of RawRecords and per-document errors.
 *
 *   for await (const item of readSources(['crawl/', 'feeds/world.rss', '-'])) { ... }
 *
 * One reader per input kind (html.ts, text.ts, warc.ts, feed.ts, jsonl.ts), chosen by extension
 * (kinds.ts) or, when the name says nothing, by sniffing the first bytes (sniff.ts). Nothing here
 * throws for a bad input: every failure is an item { kind: 'error' } with a stable code
 * (errors.ts), and the run goes on. Memory is bounded by one document (ReadOptions.maxBytes).
 */
import { stat } from 'node:fs/promises';
import type { IngestItem, RawOrigin, ReaderKind } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { kindFromPath } from './kinds.js';
import { countSkip, DEFAULT_MAX_BYTES, newIngestStats, type ReadOptions, type ReaderContext } from './options.js';
import { binarySignature, looksLikeFeed, looksLikeHtml, sniffKind, SNIFF_BYTES, type InputKind } from './sniff.js';
import { fileSource, gunzipStream, sniffHead, streamSource, type ByteSource } from './source.js';
import { readText } from './text.js';
import { walkFolder } from './walk.js';
import { checkWarcHead, readWarc } from './warc.js';

export { DEFAULT_MAX_BYTES, newIngestStats, type IngestStats, type ReadOptions } from './options.js';
export type { IngestErrorCode } from './errors.js';
export { recordId } from './record-id.js';
export { binarySignature, sniffKind, type InputKind } from './sniff.js';

const READERS: Record<InputKind, (src: ByteSource, ctx: ReaderContext) => AsyncGenerator<IngestItem>> = {
  html: readHtml,
  text: readText,
  warc: readWarc,
  feed: readFeed,
  jsonl: readJsonl,
};

/** Read every input in order and yield its records and errors. Folders are walked in sorted order. */
export async function* readSources(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const ctx: ReaderContext = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, stats: opts.stats ?? newIngestStats() };
  for (const input of inputs) {
    for await (const item of readInput(input, ctx, opts)) {
      if (item.kind === 'record') ctx.stats.records++;
      else ctx.stats.errors++;
      yield item;
    }
  }
}

async function* readInput(input: string, ctx: ReaderContext, opts: ReadOptions): AsyncGenerator<IngestItem> {
  if (input === '-') {
    ctx.stats.files++;
    const stdin = opts.stdin ?? process.stdin;
    yield* readByContent(streamSource('-', stdin), ctx, { explicit: true, mayBeGzip: true });
    return;
  }
  let st;
  try {
    st = await stat(input);
  } catch (err) {
    yield ingestError({ path: input, reader: readerFor(input) }, fsErrorCode(err, false), errorMessage(err));
    return;
  }
  if (!st.isDirectory()) {
    yield* readFile(input, ctx, true);
    return;
  }
  for await (const entry of walkFolder(input, ctx.stats)) {
    if (entry.kind === 'error') {
      yield ingestError({ path: entry.path, reader: 'text' }, fsErrorCode(entry.error, true), errorMessage(entry.error));
    } else {
      yield* readFile(entry.path, ctx, false);
    }
  }
}

/** The reader kind to name in an error that happens before any reader ran. */
function readerFor(path: string): ReaderKind {
  if (path === '-') return 'stdin';
  const k = kindFromPath(path);
  return 'kind' in k && k.kind !== 'sniff' && k.kind !== 'not-document' ? (k.kind === 'xml' ? 'feed' : k.kind) : 'text';
}

/**
 * One file: by extension when it says enough, else by content. `explicit` = named by the user (an
 * unreadable kind is then an error), not found in a folder walk (then it is skipped and counted).
 */
async function* readFile(path: string, ctx: ReaderContext, explicit: boolean): AsyncGenerator<IngestItem> {
  const byName = kindFromPath(path);
  if (byName.kind === 'not-document') {
    if (explicit) yield ingestError({ path, reader: 'text' }, 'unsupported', 'not a document type Parallax reads');
    else countSkip(ctx.stats, 'unsupported-type');
    return;
  }
  ctx.stats.files++;
  const file = fileSource(path);
  if (byName.kind === 'warc') {
    yield* readWarc(file, ctx); // warcio reads .warc.gz itself and keeps compressed offsets
    return;
  }
  const src = byName.gzip ? streamSource(path, () => gunzipStream(file.open())) : file;
  if (byName.kind === 'sniff' || byName.kind === 'xml') {
    yield* readByContent(src, ctx, { explicit, mayBeGzip: !byName.gzip, xml: byName.kind === 'xml' });
    return;
  }
  yield* READERS[byName.kind](src, ctx);
}

interface ContentOptions {
  explicit: boolean;
  /** Gzip is looked inside once (a .gz of a .gz is refused). */
  mayBeGzip: boolean;
  /** The name said .xml: only a feed or XHTML will do. */
  xml?: boolean;
}

/** Choose a reader from the first bytes (stdin, extension-less files, .xml, gzip members). */
async function* readByContent(src: ByteSource, ctx: ReaderContext, how: ContentOptions): AsyncGenerator<IngestItem> {
  const origin: RawOrigin = { path: src.path, reader: src.path === '-' ? 'stdin' : 'text' };
  let head: Uint8Array;
  let source: ByteSource;
  try {
    ({ head, source } = await sniffHead(src, SNIFF_BYTES));
  } catch (err) {
    yield ingestError(origin, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  const sniffed = sniffKind(head);
  let kind: InputKind | null;
  if (how.xml) {
    kind = looksLikeFeed(head) ? 'feed' : looksLikeHtml(head) ? 'html' : null;
  } else if (sniffed === 'gzip') {
    if (!how.mayBeGzip) kind = null;
    else if (checkWarcHead(head) === 'warc') kind = 'warc';
    else {
      const inner = streamSource(source.path, () => gunzipStream(source.open()));
      yield* readByContent(inner, ctx, { ...how, mayBeGzip: false });
      return;
    }
  } else if (sniffed === 'binary') {
    kind = null;
  } else {
    kind = sniffed;
  }
  if (kind === null) {
    if (head.length === 0) {
      yield ingestError(origin, 'empty', 'no bytes');
    } else if (how.explicit) {
      const magic = binarySignature(head);
      yield ingestError(origin, 'unsupported', magic ? `bytes are a ${magic} file` : `cannot tell what kind of document this is`);
    } else {
      countSkip(ctx.stats, 'unsupported-type');
    }
    return;
  }
  yield* READERS[kind](source, ctx);
}
