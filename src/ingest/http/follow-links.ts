import type { IngestItem, RawOrigin, RawRecord, RecordHints } from '../../model.js';
import { documentFromBytes } from '../document.js';
import { errorMessage, fsErrorCode, ingestError, type IngestErrorCode } from '../errors.js';
import { countSkip, type ReadOptions, type ReaderContext } from '../options.js';
import { readCapped, streamSource } from '../source.js';
import { httpUrl, type Fetcher } from './fetcher.js';

/**
 * `--follow-links`: most feeds carry a headline and a teaser, not the article. For each feed item
 * with a link, fetch the linked page and ingest it in the item's place, keeping the feed's title,
 * date, byline and language as hints (the publisher's own metadata). The item itself is kept when
 * the page cannot be had (robots.txt says no, the fetch fails, the link is not a web page), so
 * following never loses what the feed gave. Links already in the store, or already followed in
 * this run, are not fetched again: polling a feed every hour costs one request per new article.
 * A page whose fetch failed in a way that may pass (a timeout, a 503) is tried again on the next
 * run: the item kept in its place is marked `linkFailed`, and such an origin does not hold the link.
 * An item kept because its page was refused for good (robots.txt, a 404, a PDF) is marked
 * `linkRefused` and holds it: the store answers "known" next time.
 */

/** Media types we take as a web page. A missing Content-Type is sniffed like a file. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** `skipUrl`: true when the store already holds a document from this URL. */
export type FollowOptions = Pick<ReadOptions, 'skipUrl'>;

/**
 * Links followed at once. Feeds of one site are paced per host anyway (see HostPacer); this lets an
 * aggregator's feed of many sites wait on several servers at a time instead of one after another.
 */
const LINKS_IN_FLIGHT = 4;

export async function* followFeedLinks(
  items: AsyncIterable<IngestItem>,
  fetcher: Fetcher,
  ctx: ReaderContext,
  opts: FollowOptions = {},
): AsyncGenerator<IngestItem> {
  const followed = new Set<string>();
  // Items come out in input order whatever order their pages arrive in.
  const inFlight: Array<Promise<IngestItem[]>> = [];
  for await (const item of items) {
    if (item.kind === 'record' && item.record.origin.reader === 'feed' && item.record.origin.url) {
      inFlight.push(follow(item.record, fetcher, ctx, followed, opts));
    } else {
      inFlight.push(Promise.resolve([item]));
    }
    while (inFlight.length >= LINKS_IN_FLIGHT) yield* await inFlight.shift()!;
  }
  while (inFlight.length > 0) yield* await inFlight.shift()!;
}

/** The page in the item's place; the item when the page cannot be had (after its error, if any); nothing for a known link. */
async function follow(item: RawRecord, fetcher: Fetcher, ctx: ReaderContext, followed: Set<string>, opts: FollowOptions): Promise<IngestItem[]> {
  const link = item.origin.url!;
  const keepItem: IngestItem = { kind: 'record', record: item };
  // the item in the page's place, its origin saying why: failed for now (asked for again) or refused
  const keepMarked = (mark: Pick<RawOrigin, 'linkFailed' | 'linkRefused'>): IngestItem => ({ kind: 'record', record: { ...item, origin: { ...item.origin, ...mark } } });
  // A relative link can only be resolved against a feed that was itself fetched.
  const url = httpUrl(link, httpUrl(item.origin.path)?.href);
  const origin: RawOrigin = { path: item.origin.path, url: url?.href ?? link, feedItemId: item.origin.feedItemId, reader: 'html' };
  if (!url) return [ingestError(origin, 'bad-url', `feed item link is not an http(s) URL: ${link.slice(0, 200)}`), keepMarked({ linkRefused: 'bad-url' })];
  // claimed before any wait, so a link twice among the items in flight is fetched once
  if (followed.has(url.href)) {
    countSkip(ctx.stats, 'link-already-fetched');
    return [];
  }
  followed.add(url.href);
  try {
    if (await opts.skipUrl?.(url.href)) {
      countSkip(ctx.stats, 'link-already-fetched');
      return [];
    }
    if (!(await fetcher.allowedByRobots(url))) {
      countSkip(ctx.stats, 'link-robots-disallowed');
      return [keepMarked({ linkRefused: 'robots-disallowed' })];
    }
    const { page, transient } = await fetchPage(url.href, origin, item.hints, fetcher, ctx);
    if (page.kind !== 'error') return [page];
    // a failure that may pass leaves the link unheld, so the next poll tries the page again
    return [page, keepMarked(transient ? { linkFailed: page.error.code } : { linkRefused: page.error.code })];
  } catch (err) {
    // the store's answer failed (a lost database connection): report it, keep the item unmarked (the link stays unheld)
    return [ingestError(origin, 'fetch-failed', errorMessage(err)), keepItem];
  }
}

/**
 * The page at `url` as one html record carrying the feed item's hints, or why there is none, and
 * whether that failure may pass (worth trying again next time). The origin keeps the link as the
 * feed gave it (what the store is asked about next time); the URL after redirects goes to the
 * article through the hints.
 */
async function fetchPage(url: string, origin: RawOrigin, feedHints: RecordHints, fetcher: Fetcher, ctx: ReaderContext): Promise<{ page: IngestItem; transient: boolean }> {
  const failed = (code: IngestErrorCode, message: string, transient = false) => ({ page: ingestError(origin, code, message), transient });
  // A followed page is read whole: its deadline covers the body too, so a trickling server cannot hold the run.
  const got = await fetcher.get(url, AbortSignal.timeout(2 * fetcher.options.timeoutMs));
  const redirected = got.url !== url ? ` (redirected to ${got.url})` : '';
  if (!got.ok) return failed(got.code, got.message + redirected, TRANSIENT_CODES.has(got.code) || (got.status !== undefined && TRANSIENT_STATUS(got.status)));
  if (got.mediaType !== null && !PAGE_TYPES.has(got.mediaType)) {
    await got.cancel();
    return failed('unsupported', `link is ${got.mediaType}, not a web page${redirected}`);
  }
  let read;
  try {
    read = await readCapped(streamSource(url, got.body, true), ctx.maxBytes);
  } catch (err) {
    const code = fsErrorCode(err, true);
    return failed(code, errorMessage(err) + redirected, TRANSIENT_CODES.has(code));
  }
  if (!read.ok) return failed('too-large', `the page is over the ${ctx.maxBytes}-byte limit (stopped reading there)`);
  const page = documentFromBytes(origin, 'html', read.bytes, ctx);
  if (page.kind === 'record') page.record.hints = pageHints(feedHints, got.url, got.charset);
  return { page, transient: false };
}

/** Failures that may pass: the server or the network was slow or away. A refusal (robots.txt, a blocked address, a 404, a PDF) stands. */
const TRANSIENT_CODES = new Set(['timeout', 'fetch-failed']);
/** Server errors, "too many requests" and "request timeout" answers may pass too. */
const TRANSIENT_STATUS = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/**
 * The feed's word on title, date, byline and language stands; the outlet does not (a feed's title,
 * "World news | Example", names the feed, and the page's own site name is better), nor the
 * charset (the feed's text was decoded already; the page's comes from its own Content-Type).
 */
function pageHints(feed: RecordHints, url: string, charset: string | null): RecordHints {
  const hints: RecordHints = { url };
  if (feed.title) hints.title = feed.title;
  if (feed.publishedAt) hints.publishedAt = feed.publishedAt;
  if (feed.byline) hints.byline = feed.byline;
  if (feed.language) hints.language = feed.language;
  if (charset) hints.charset = charset;
  return hints;
}
