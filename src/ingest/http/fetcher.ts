import { Agent, fetch, type Response } from 'undici';
import robotsParserModule from 'robots-parser';
import { errorMessage, isTimeout, type IngestErrorCode } from '../errors.js';
import { readCapped, streamSource } from '../source.js';
import { BlockedAddressError, ipLiteral, isPublicAddress, publicOnlyLookup } from './address-policy.js';
import { HostPacer } from './host-pacer.js';

/**
 * HTTP(S) fetching for `ingest`/`extract` of URLs and for following feed links. Only what a
 * polite, safe crawler needs: our own User-Agent, a pause between two requests to one host,
 * robots.txt for the pages we follow, no private addresses unless allowed, capped redirects and
 * timeouts. Bodies are streamed; readers cap their size as they do for files.
 */

export interface FetchOptions {
  /** Fetch from private, loopback and link-local addresses too (intranet crawls, tests). Default false. */
  allowPrivate?: boolean;
  /** Longest wait to connect, for the response headers, and between two body chunks, in ms. Default 30 s. */
  timeoutMs?: number;
  /** Least time between two requests to one host, in ms (robots.txt Crawl-delay can raise it). Default 1 s. */
  delayMs?: number;
  /** Fetch the page each feed item links to and ingest it in the item's place. Default false. */
  followLinks?: boolean;
  /** Obey robots.txt before fetching a followed link. Default true. */
  obeyRobots?: boolean;
  /** Sent as User-Agent and matched against robots.txt groups. */
  userAgent?: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
export const DEFAULT_FETCH_DELAY_MS = 1_000;
export const DEFAULT_USER_AGENT = 'Parallax/0.1 (news corpus builder; +https://github.com/parallax-news/parallax)';
/** The robots.txt token we answer to (a group for "parallax" applies to us, as "*" does). */
const ROBOTS_TOKEN = 'parallax';
const MAX_REDIRECTS = 5;
/** robots.txt files are small; Google reads the first 500 KiB. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** A Crawl-delay above this is taken as this: a hostile robots.txt must not stall a run for hours. */
const MAX_CRAWL_DELAY_MS = 30_000;

/** What we use of robots-parser's Robot. */
interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/** robots-parser is CommonJS with types that declare an ES default export; at run time the import may be either. */
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ?? robotsParserModule) as (
  url: string,
  robotsTxt: string,
) => RobotsRules;

export type FetchErrorCode = Extract<IngestErrorCode, 'bad-url' | 'blocked-address' | 'fetch-failed' | 'http-error' | 'timeout'>;

/** What an answer said about its version, to ask next time whether it changed (RFC 9110 §8.8, §13.1). */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | {
      ok: true;
      /** The URL after redirects. */
      url: string;
      /** ETag and Last-Modified of the answer, when it gave them. */
      validators: HttpValidators;
      /** Media type of Content-Type, lower case, without parameters ("text/html"). */
      mediaType: string | null;
      /** Charset parameter of Content-Type, if any. */
      charset: string | null;
      /** The body, decompressed (gzip, deflate, br). Read it once, or cancel it. */
      body: AsyncIterable<Uint8Array>;
      cancel(): Promise<void>;
    }
  | {
      ok: false;
      url: string;
      code: FetchErrorCode;
      message: string;
      /** The HTTP status of an `http-error`. */
      status?: number;
      /** How long a 429 or 503 answer asked us to wait (its Retry-After), in ms. */
      retryAfterMs?: number;
    };

/** `getIfChanged`: the server says the copy we have is current (HTTP 304). */
export interface NotModified {
  ok: false;
  notModified: true;
  url: string;
}

/** An http(s) URL in canonical form, or null ("ftp://x", "javascript:", "not a url"). */
export function httpUrl(input: string, base?: string): URL | null {
  try {
    const url = new URL(input, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export class Fetcher {
  readonly options: Required<FetchOptions>;
  private readonly agent: Agent;
  private readonly pacer: HostPacer;
  /** origin → its robots.txt rules (null: no rules, everything allowed), fetched once per run. */
  private readonly robots = new Map<string, Promise<RobotsRules | 'disallow-all' | null>>();

  /** `stop`: aborts every request of this fetcher, body reads included (a run told to stop). */
  constructor(options: FetchOptions = {}, private readonly stop?: AbortSignal) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      delayMs: options.delayMs ?? DEFAULT_FETCH_DELAY_MS,
      followLinks: options.followLinks ?? false,
      obeyRobots: options.obeyRobots ?? true,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    };
    const timeout = this.options.timeoutMs;
    this.agent = new Agent({
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: this.options.allowPrivate ? { timeout } : { timeout, lookup: publicOnlyLookup },
    });
    this.pacer = new HostPacer(this.options.delayMs);
  }

  /**
   * GET a URL, following up to 5 redirects (each target checked like the first). `signal` bounds the
   * whole exchange, body included (used for pages read whole; a streamed WARC has none).
   */
  async get(input: string, signal?: AbortSignal): Promise<FetchOutcome> {
    return (await this.request(input, signal, null)) as FetchOutcome;
  }

  /**
   * GET, sending the validators of the copy we have (If-None-Match, If-Modified-Since): a source
   * polled again costs a 304 and no body when it has not changed.
   */
  async getIfChanged(input: string, have: HttpValidators | null, signal?: AbortSignal): Promise<FetchOutcome | NotModified> {
    return this.request(input, signal, have);
  }

  private async request(input: string, deadline: AbortSignal | undefined, have: HttpValidators | null): Promise<FetchOutcome | NotModified> {
    const signal = deadline && this.stop ? AbortSignal.any([deadline, this.stop]) : (deadline ?? this.stop);
    const conditional: Record<string, string> = {};
    if (have?.etag) conditional['if-none-match'] = have.etag;
    if (have?.lastModified) conditional['if-modified-since'] = have.lastModified;
    let url = httpUrl(input);
    if (!url) return { ok: false, url: input, code: 'bad-url', message: 'not an http(s) URL' };
    for (let hop = 0; ; hop++) {
      const refused = this.refusedLiteral(url);
      if (refused) return { ok: false, url: url.href, code: 'blocked-address', message: refused };
      await this.pacer.wait(url.host);
      let res: Response;
      try {
        res = await fetch(url, {
          dispatcher: this.agent,
          redirect: 'manual',
          signal,
          headers: { 'user-agent': this.options.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', ...conditional },
        });
      } catch (err) {
        return { ok: false, url: url.href, ...describeFetchError(err) };
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= MAX_REDIRECTS) return { ok: false, url: url.href, code: 'fetch-failed', message: `more than ${MAX_REDIRECTS} redirects` };
        const next = httpUrl(location, url.href);
        if (!next) return { ok: false, url: url.href, code: 'bad-url', message: `redirect to a non-http(s) location: ${location.slice(0, 200)}` };
        url = next;
        continue;
      }
      if (res.status === 304 && Object.keys(conditional).length > 0) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, notModified: true, url: url.href };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        const failure: FetchOutcome = { ok: false, url: url.href, code: 'http-error', status: res.status, message: `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}` };
        const wait = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : null;
        if (wait !== null) failure.retryAfterMs = wait;
        return failure;
      }
      const { mediaType, charset } = parseContentType(res.headers.get('content-type'));
      const body = res.body;
      const validators: HttpValidators = {};
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      // validators are echoed back in our next request: keep them short and printable
      if (etag && etag.length <= 256 && /^[\x21-\x7e]+$/.test(etag)) validators.etag = etag;
      if (lastModified && lastModified.length <= 64 && Number.isFinite(Date.parse(lastModified))) validators.lastModified = lastModified;
      return {
        ok: true,
        url: url.href,
        validators,
        mediaType,
        charset,
        body: body ?? emptyBody(),
        cancel: async () => {
          await body?.cancel().catch(() => undefined);
        },
      };
    }
  }

  /**
   * May we fetch this followed link? Reads the host's robots.txt once (RFC 9309: a 4xx means no
   * rules; a 5xx or no answer means stay away for now). Raises the host's pause to its Crawl-delay.
   */
  async allowedByRobots(url: URL): Promise<boolean> {
    if (!this.options.obeyRobots) return true;
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.loadRobots(url);
      this.robots.set(url.origin, rules);
    }
    const robot = await rules;
    if (robot === null) return true;
    if (robot === 'disallow-all') return false;
    return robot.isAllowed(url.href, ROBOTS_TOKEN) !== false;
  }

  private async loadRobots(url: URL): Promise<RobotsRules | 'disallow-all' | null> {
    const robotsUrl = `${url.origin}/robots.txt`;
    const got = await this.get(robotsUrl, AbortSignal.timeout(this.options.timeoutMs));
    if (!got.ok) {
      if (got.status !== undefined && got.status >= 400 && got.status < 500) return null;
      return got.code === 'blocked-address' ? null : 'disallow-all';
    }
    let read;
    try {
      read = await readCapped(streamSource(robotsUrl, got.body, true), ROBOTS_MAX_BYTES);
    } catch {
      return 'disallow-all';
    }
    if (!read.ok) return 'disallow-all';
    const robot = robotsParser(robotsUrl, Buffer.from(read.bytes).toString('utf8'));
    const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
    if (typeof delay === 'number' && delay > 0) this.pacer.atLeast(url.host, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    return robot;
  }

  /** Why an IP-literal host is refused (names are checked at connect time by the lookup). */
  private refusedLiteral(url: URL): string | null {
    if (this.options.allowPrivate) return null;
    const ip = ipLiteral(url.hostname);
    if (ip === null || isPublicAddress(ip)) return null;
    return new BlockedAddressError(url.hostname, ip).message;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Our code and a readable message for a fetch that threw (undici wraps the cause in "fetch failed"). */
function describeFetchError(err: unknown): { code: FetchErrorCode; message: string } {
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  if (cause instanceof BlockedAddressError || (cause as { code?: string } | null)?.code === 'EBLOCKED') {
    return { code: 'blocked-address', message: errorMessage(cause) };
  }
  if (isTimeout(err)) return { code: 'timeout', message: `no answer in time (${errorMessage(cause)})` };
  const code = (cause as { code?: string } | null)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code: 'fetch-failed', message: `host not found (${code})` };
  return { code: 'fetch-failed', message: code ? `${errorMessage(cause)} (${code})` : errorMessage(cause) };
}

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function parseContentType(header: string | null): { mediaType: string | null; charset: string | null } {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq > 0 && p.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = p.slice(eq + 1).trim().replace(/^"|"$/g, '') || null;
    }
  }
  return { mediaType: type.trim().toLowerCase() || null, charset };
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {
  // a 204 or a HEAD-like answer: no bytes
}
