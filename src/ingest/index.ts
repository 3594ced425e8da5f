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
import { readFile as readWholeFile, stat } from 'node:fs/promises';
import type { IngestItem, RawOrigin, RawRecord, ReaderKind } from '../model.js';
import { documentFromBytes, documentOrigin } from './document.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { Fetcher } from './http/fetcher.js';
import { followFeedLinks } from './http/follow-links.js';
import { readJsonl } from './jsonl.js';
import { isInProgress, kindFromPath } from './kinds.js';
import { countSkip, DEFAULT_MAX_BYTES, newIngestStats, type ReadOptions, type ReaderContext } from './options.js';
import { binarySignature, looksLikeFeed, looksLikeHtml, sniffKind, SNIFF_BYTES, type InputKind } from './sniff.js';
import { discardSource, fileSource, gunzipStream, sniffHead, streamSource, type ByteSource } from './source.js';
import { readText } from './text.js';
import { walkFolder } from './walk.js';
import { checkWarcHead, readWarc } from './warc.js';

export { countSkip, DEFAULT_MAX_BYTES, newIngestStats, type IngestStats, type PollAnswer, type PollHooks, type ReadOptions } from './options.js';
export { DEFAULT_FETCH_DELAY_MS, DEFAULT_FETCH_TIMEOUT_MS, type FetchOptions, type HttpValidators } from './http/fetcher.js';
export type { IngestErrorCode } from './errors.js';
export { recordId } from './record-id.js';
export { untilAborted } from './until-aborted.js';
export { binarySignature, sniffKind, type InputKind } from './sniff.js';

/** The URLs a record was read from or names as its own (a followed page's URL after redirects too). */
export function recordUrls(raw: RawRecord): string[] {
  const urls: string[] = [];
  if (raw.origin.url) urls.push(raw.origin.url);
  if (raw.hints.url && raw.hints.url !== raw.origin.url) urls.push(raw.hints.url);
  return urls;
}

const READERS: Record<InputKind, (src: ByteSource, ctx: ReaderContext) => AsyncGenerator<IngestItem>> = {
  html: readHtml,
  text: readText,
  warc: readWarc,
  feed: readFeed,
  jsonl: readJsonl,
};

/**
 * Read every input in order and yield its records and errors. Folders are walked in sorted order;
 * http(s) URLs are fetched (and, with `fetch.followLinks`, so are the pages feed items link to).
 */
export async function* readSources(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const ctx: ReaderContext = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, stats: opts.stats ?? newIngestStats(), poll: opts.poll };
  const fetcher = opts.fetch?.followLinks || inputs.some(isUrl) ? new Fetcher(opts.fetch, opts.signal) : null;
  try {
    let items = readInputs(inputs, ctx, opts, fetcher);
    if (fetcher?.options.followLinks) items = followFeedLinks(items, fetcher, ctx, { skipUrl: opts.skipUrl });
    for await (const item of items) {
      if (item.kind === 'record') ctx.stats.records++;
      else ctx.stats.errors++;
      yield item;
    }
  } finally {
    await fetcher?.close();
  }
}

async function* readInputs(inputs: readonly string[], ctx: ReaderContext, opts: ReadOptions, fetcher: Fetcher | null): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (fetcher && isUrl(input)) yield* readUrl(input, ctx, fetcher);
    else yield* readInput(input, ctx, opts);
  }
}

/** "scheme://..." names a URL, not a file (only http and https are fetched; others are refused). */
export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/**
 * A URL: fetched and read like a file whose kind is sniffed (a page, a feed, a WARC, JSONL, gzip).
 * Documents get the final URL (after redirects) and the charset of the Content-Type header.
 */
async function* readUrl(input: string, ctx: ReaderContext, fetcher: Fetcher): AsyncGenerator<IngestItem> {
  ctx.stats.files++;
  const got = ctx.poll ? await fetcher.getIfChanged(input, ctx.poll.validators(input)) : await fetcher.get(input);
  if (!got.ok && 'notModified' in got) {
    countSkip(ctx.stats, 'not-modified');
    ctx.poll?.answered(input, { status: 'not-modified' });
    return;
  }
  if (!got.ok) {
    ctx.poll?.answered(input, { status: 'failed', code: got.code, ...(got.retryAfterMs !== undefined ? { retryAfterMs: got.retryAfterMs } : {}) });
    yield ingestError({ path: input, url: got.url, reader: 'text' }, got.code, got.message);
    return;
  }
  ctx.poll?.answered(input, { status: 'changed', validators: got.validators });
  const src = streamSource(input, got.body, true);
  const declaredHtml = got.mediaType === 'text/html' || got.mediaType === 'application/xhtml+xml';
  for await (const item of readByContent(src, ctx, { explicit: true, mayBeGzip: true, declaredHtml })) {
    const origin = item.kind === 'record' ? item.record.origin : item.error.origin;
    if (origin.reader === 'html' || origin.reader === 'text') {
      origin.url ??= got.url;
      if (item.kind === 'record' && got.charset) item.record.hints.charset ??= got.charset;
    }
    yield item;
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
    const skip = await ctx.poll?.skipFile(input);
    if (skip) countSkip(ctx.stats, skip);
    else yield* readFile(input, ctx, true);
    return;
  }
  yield* readFolder(input, ctx, Math.max(1, opts.readAhead ?? DEFAULT_READ_AHEAD));
}

/** Small pages read ahead in parallel during a folder walk: disk latency, not CPU, bounds a walk. */
const DEFAULT_READ_AHEAD = 16;
/** Only files up to this size are read ahead, so read-ahead holds at most readAhead × 1 MiB. */
const READ_AHEAD_MAX_BYTES = 1024 * 1024;

/** A file's items: already being read (small page), or to be read when its turn comes. */
interface Pending {
  path: string;
  items: Promise<IngestItem[] | null> | null;
}

async function* readFolder(root: string, ctx: ReaderContext, readAhead: number): AsyncGenerator<IngestItem> {
  const queue: Pending[] = [];
  // Items come out in walk order whatever order the reads finish in.
  async function* next(): AsyncGenerator<IngestItem> {
    const p = queue.shift()!;
    const ready = p.items ? await p.items : null;
    if (ready) yield* ready;
    else yield* readFile(p.path, ctx, false);
  }
  for await (const entry of walkFolder(root, ctx.stats)) {
    if (entry.kind === 'error') {
      while (queue.length > 0) yield* next();
      yield ingestError({ path: entry.path, reader: 'text' }, fsErrorCode(entry.error, true), errorMessage(entry.error));
      continue;
    }
    if (isInProgress(entry.path)) {
      countSkip(ctx.stats, 'in-progress');
      continue;
    }
    // files a walk passes over anyway (images, CSS) are not asked about
    const skip = ctx.poll && kindFromPath(entry.path).kind !== 'not-document' ? await ctx.poll.skipFile(entry.path) : null;
    if (skip) {
      countSkip(ctx.stats, skip);
      continue;
    }
    queue.push({ path: entry.path, items: readAhead > 1 ? readSmallPageAhead(entry.path, ctx) : null });
    while (queue.length >= readAhead) yield* next();
  }
  while (queue.length > 0) yield* next();
}

/**
 * Start reading a small .html/.txt file now. Resolves to null when the file is not one (other
 * kinds stream and are read in turn), is large, or fails to stat: the in-turn read then handles it.
 */
async function readSmallPageAhead(path: string, ctx: ReaderContext): Promise<IngestItem[] | null> {
  const byName = kindFromPath(path);
  if ((byName.kind !== 'html' && byName.kind !== 'text') || byName.gzip) return null;
  try {
    if ((await stat(path)).size > Math.min(READ_AHEAD_MAX_BYTES, ctx.maxBytes)) return null;
    const bytes = await readWholeFile(path);
    ctx.stats.files++;
    return [documentFromBytes(documentOrigin(path, byName.kind), byName.kind, bytes, ctx)];
  } catch {
    return null;
  }
}

/** The reader kind to name in an error that happens before any reader ran. */
function readerFor(path: string): ReaderKind {
  if (path === '-') return 'stdin';
  const { kind } = kindFromPath(path);
  if (kind === 'xml') return 'feed';
  return kind === 'sniff' || kind === 'not-document' ? 'text' : kind;
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
  /** An HTTP Content-Type said HTML: a page that does not look like markup early on is still HTML. */
  declaredHtml?: boolean;
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
      const inner = streamSource(source.path, () => gunzipStream(source.open()), source.cancellable);
      yield* readByContent(inner, ctx, { ...how, mayBeGzip: false });
      return;
    }
  } else if (sniffed === 'binary') {
    kind = null;
  } else {
    kind = sniffed === 'text' && how.declaredHtml ? 'html' : sniffed;
  }
  if (kind === null) {
    await discardSource(source);
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
