/**
 * What every CLI command shares: the --db option, opening the store, exit codes and output helpers.
 * Commands stay thin: parse arguments, call the pipeline or the store, print.
 */
import type { Command } from 'commander';
import { DEFAULT_FETCH_DELAY_MS, DEFAULT_FETCH_TIMEOUT_MS, type FetchOptions, type ReadOptions } from '../ingest/index.js';
import { openStoreAt } from '../store/open.js';
import { SearchQueryError } from '../store/search-query.js';
import type { SearchQuery, SearchResult, Store } from '../store/store.js';

export const EXIT_OK = 0;
/** Some documents failed; the rest were processed. */
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export const DEFAULT_DB = process.env.PARALLAX_DB ?? '.parallax/parallax.db';

export function addDbOption(command: Command): Command {
  return command.option('--db <path|url>', 'SQLite database file, or a postgres:// URL for a shared PostgreSQL store (env PARALLAX_DB)', DEFAULT_DB);
}

/** The store at `--db`: a SQLite file path (the default), or a PostgreSQL URL. */
export async function openStore(dbSpec: string): Promise<Store> {
  return openStoreAt(dbSpec);
}

/** The options of commands that read inputs: how http(s) inputs are fetched and whether feed links are followed. */
export function addFetchOptions(command: Command): Command {
  return command
    .option('--follow-links', "fetch the page each feed item links to and take it in the item's place (robots.txt obeyed; links already stored are not fetched again)")
    .option('--allow-private', 'fetch from private, loopback and link-local addresses too (refused by default: links in crawled content are untrusted)')
    .option('--fetch-delay <ms>', 'least time between two requests to one host', wholeNumber('--fetch-delay'), DEFAULT_FETCH_DELAY_MS)
    .option('--fetch-timeout <ms>', 'longest wait to connect, for an answer, or between two chunks of it', wholeNumber('--fetch-timeout', 1), DEFAULT_FETCH_TIMEOUT_MS)
    .option('--ignore-robots', 'follow links even where robots.txt asks crawlers not to')
    .option('--user-agent <text>', 'User-Agent header sent with every request');
}

export interface FetchCliOptions {
  followLinks?: boolean;
  allowPrivate?: boolean;
  fetchDelay: number;
  fetchTimeout: number;
  ignoreRobots?: boolean;
  userAgent?: string;
}

export function fetchOptionsFrom(opts: FetchCliOptions): FetchOptions {
  return {
    followLinks: opts.followLinks ?? false,
    allowPrivate: opts.allowPrivate ?? false,
    delayMs: opts.fetchDelay,
    timeoutMs: opts.fetchTimeout,
    obeyRobots: !opts.ignoreRobots,
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
  };
}

/** How commands that read inputs read them: the size limit and how http(s) inputs are fetched. */
export function readOptionsFrom(opts: FetchCliOptions & { maxBytes?: number }): ReadOptions {
  return { ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), fetch: fetchOptionsFrom(opts) };
}

/**
 * The --db value as it may be printed: a password in a connection URL is masked. Parsed as a URL, so
 * a password holding an unencoded "@" is masked whole; a URL that does not parse is masked by pattern.
 */
export function displayDb(dbSpec: string): string {
  if (!/^postgres(?:ql)?:\/\//i.test(dbSpec)) return dbSpec;
  try {
    const u = new URL(dbSpec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return dbSpec.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
  }
}

/** Listings print one JSON object per line with --json, so scripts can stream them. */
export function printJsonLines(rows: Iterable<unknown>): void {
  for (const row of rows) process.stdout.write(JSON.stringify(row) + '\n');
}

/** Usage errors that commander cannot see (e.g. an unknown id) exit 2 with a message. */
export class UsageError extends Error {}

/** Full ids, each once, for the ids or unique prefixes a user typed; one that names no article is a usage error. */
export async function resolveArticleIds(store: Store, typed: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of typed) {
    const article = await store.getArticle(t);
    if (!article) throw new UsageError(`no article with id ${JSON.stringify(t)} (or the prefix is not unique)`);
    ids.push(article.id);
  }
  return [...new Set(ids)];
}

/** A commander parser for a whole number of at least `least` (0 unless said) given to option `name`. */
export function wholeNumber(name: string, least = 0) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < least) throw new UsageError(`${name} must be a whole number${least ? ` of at least ${least}` : ''}, got "${v}"`);
    return n;
  };
}

/** A commander parser for one of `choices` given to option `name`. */
export function oneOf<T extends string>(name: string, choices: readonly T[]) {
  return (v: string): T => {
    if (!(choices as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, got "${v}"`);
    return v as T;
  };
}

/** A store search whose query errors (nothing to find, a bad date) are usage errors, named after `option` when one gave the query. */
export async function searchOrUsageError(store: Store, query: SearchQuery, option?: string): Promise<SearchResult> {
  try {
    return await store.search(query);
  } catch (err) {
    if (err instanceof SearchQueryError) throw new UsageError(option ? `${option}: ${err.message}` : err.message);
    throw err;
  }
}

/** A commander parser for a similarity in (0, 1] given to option `name`. */
export function similarityOption(name: string) {
  return (v: string) => {
    const j = Number(v);
    if (!(j > 0 && j <= 1)) throw new UsageError(`${name} must be a similarity in (0, 1], got "${v}"`);
    return j;
  };
}

/** A commander parser for a TCP port (0 picks a free one). */
export function portOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${v}"`);
  return n;
}

export function shortId(id: string): string {
  return id.slice(0, 12);
}

/**
 * Text without control characters, for a terminal: file names, URLs and WARC headers are as hostile
 * as article text (and a store made before decoding dropped them may still hold some in its text),
 * and an ESC sequence would rewrite the screen.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** One line of at most `width` printable characters for a terminal table. */
export function truncate(text: string | null | undefined, width: number): string {
  const t = printable((text ?? '').replace(/\s+/g, ' ')).trim();
  return t.length <= width ? t : t.slice(0, Math.max(0, width - 1)) + '…';
}

/** Render rows as aligned columns for a terminal; the last column takes the rest of the line. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
