/**
 * What the SQL stores share: SQLite and PostgreSQL keep the same columns (JSON as text, snake_case
 * names), so an article reads back the same from either; queries that differ only in their
 * placeholders are built here once.
 */
import type { DuplicateRelation, RawOrigin } from '../model.js';
import { DATE_BOUND, SearchQueryError, unmarkSnippet } from './search-query.js';
import type { DuplicateQuery, ListedArticleField, SearchHit, SearchQuery, StoredArticle, StoredArticleSummary, StoredRecord } from './store.js';

export type Row = Record<string, unknown>;

/** A stable key for "where in the file" so the same origin is recorded once. */
export function originLocator(origin: RawOrigin): string {
  return origin.warcRecordId ?? origin.feedItemId ?? (origin.offset !== undefined ? String(origin.offset) : '');
}

/**
 * The origins that hold their URL for `--follow-links` (`Store.hasOriginUrl`): not a feed item kept
 * in place of a page whose fetch failed for now (`linkFailed`), and no feed item read without
 * following links (its page was never asked for); a feed item kept because its page was refused for
 * good (`linkRefused`) does, as does a fetched page and a record from a WARC or JSONL file.
 */
export const HOLDS_LINK_SQL = `link_failed IS NULL AND (reader <> 'feed' OR link_refused IS NOT NULL)`;

/**
 * The rows `delete --keep-out` records for the articles in `list` (an SQL list expression, bound four
 * times after the time): each article's id, and each URL it was read from or names as its own, with
 * its title. Feeds and other containers are not kept out: only the URLs of the documents themselves.
 */
export const KEPT_OUT_SELECT = (list: string, at = '?'): string => `
  SELECT key, kind, MIN(title), ${at} FROM (
    SELECT a.id AS key, 'document' AS kind, a.title AS title FROM articles a WHERE a.id IN ${list}
    UNION ALL SELECT o.url, 'url', a.title FROM origins o JOIN articles a ON a.id = o.raw_id WHERE o.raw_id IN ${list} AND o.url IS NOT NULL
    UNION ALL SELECT a.url, 'url', a.title FROM articles a WHERE a.id IN ${list} AND a.url IS NOT NULL
    UNION ALL SELECT a.canonical_url, 'url', a.title FROM articles a WHERE a.id IN ${list} AND a.canonical_url IS NOT NULL
  ) AS kept GROUP BY key, kind`;

/** `Store.standInsFor`; `url` is the placeholder of the one bound value in the store's dialect (`@url`, `$1`). */
export const STAND_INS_SQL = (url: string): string => `
  SELECT DISTINCT o.raw_id AS id FROM origins o JOIN articles a ON a.id = o.raw_id
  WHERE o.url = ${url} AND o.link_failed IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM origins x WHERE x.raw_id = o.raw_id AND (x.url IS NULL OR x.url <> ${url} OR x.link_failed IS NULL))`;

/** How a store writes bound parameters: `$n` (PostgreSQL) or `?` (SQLite), and a LIMIT meaning "all". */
export interface SqlDialect {
  placeholder: (n: number) => string;
  /** The LIMIT value for an offset without a limit: SQLite -1, PostgreSQL NULL. */
  noLimit: number | null;
}

/** The duplicate relations a query asks for, in ingest order, every value a bound parameter. */
export function duplicatesSql(query: DuplicateQuery, dialect: SqlDialect): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const next = (v: unknown) => {
    params.push(v);
    return dialect.placeholder(params.length);
  };
  if (query.kind) conds.push(`d.kind = ${next(query.kind)}`);
  if (query.article) conds.push(`(d.a = ${next(query.article)} OR d.b = ${next(query.article)})`);
  let page = '';
  if (query.limit !== undefined || query.offset !== undefined) {
    page = ` LIMIT ${next(query.limit ?? dialect.noLimit)} OFFSET ${next(query.offset ?? 0)}`;
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const sql = `SELECT d.a, d.b, d.kind, d.similarity FROM duplicates d
    JOIN articles x ON x.id = d.a JOIN articles y ON y.id = d.b
    ${where} ORDER BY x.seq, y.seq${page}`;
  return { sql, params };
}

export function duplicateFromRow(r: Row): DuplicateRelation {
  return { a: r.a as string, b: r.b as string, kind: r.kind as DuplicateRelation['kind'], similarity: r.similarity as number };
}

/** An `articles` row joined with its `raw` row (`ingested_at`, `raw_type`), plus its origins. */
export function articleFromRow(row: Row, origins: RawOrigin[]): StoredArticle {
  return {
    id: row.id as string,
    text: row.text as string,
    title: row.title as string | null,
    publishedAt: row.published_at as string | null,
    outlet: row.outlet as string | null,
    byline: row.byline as string | null,
    language: row.language as string | null,
    url: row.url as string | null,
    canonicalUrl: row.canonical_url as string | null,
    dateline: row.dateline ? JSON.parse(row.dateline as string) : null,
    metaSources: JSON.parse(row.meta_sources as string),
    removals: JSON.parse(row.removals as string),
    repairs: JSON.parse(row.repairs as string),
    quality: JSON.parse(row.quality as string),
    origins,
    ingestedAt: row.ingested_at as string,
    rawType: row.raw_type as StoredArticle['rawType'],
  };
}

/**
 * What an origin prefix matches: the path itself, the files below it when it names a folder, or URLs
 * that start with it. "crawl/2024" matches "crawl/2024/a.html", not "crawl/2024-old/a.html". Callers
 * pass a non-empty prefix (an empty one would match everything).
 */
export function originPrefixParams(prefix: string): { path: string; folder: string; url: string } {
  let end = prefix.length;
  while (end > 1 && prefix[end - 1] === '/') end--;
  const path = prefix.slice(0, end);
  return { path, folder: path.endsWith('/') ? path : `${path}/`, url: prefix };
}

/** The tables holding an article's annotation layers: redone when its text or date changes, gone when it is deleted. */
export const ANNOTATION_TABLES = ['quotes', 'events', 'annotations'] as const;

/** `articlesFrom`'s answer from rows counting each article's origins under the prefix (`inside`) and in all (`total`). */
export function splitByOrigins(rows: Row[]): { only: string[]; alsoElsewhere: string[] } {
  const only: string[] = [];
  const alsoElsewhere: string[] = [];
  for (const r of rows) (r.inside === r.total ? only : alsoElsewhere).push(r.id as string);
  return { only, alsoElsewhere };
}

/** A `storedRecords` row: the article's id, seq and extract version, its raw row, and its first origin's JSON. */
export function storedRecordFromRow(row: Row): StoredRecord {
  return {
    raw: {
      id: row.id as string,
      type: row.type as StoredRecord['raw']['type'],
      // a copy: the driver's Buffer may be a view into a shared pool, and workers may be handed the bytes
      bytes: new Uint8Array(row.bytes as Buffer),
      origin: JSON.parse(row.origin as string) as RawOrigin,
      hints: JSON.parse(row.hints as string),
    },
    seq: row.seq as number,
    extractVersion: row.extract_version as number,
  };
}

/** What a listing row and a search hit both show of an article. */
function listedArticle(r: Row): Pick<StoredArticleSummary, ListedArticleField> {
  return {
    id: r.id as string,
    title: r.title as string | null,
    outlet: r.outlet as string | null,
    publishedAt: r.published_at as string | null,
    language: r.language as string | null,
    url: r.url as string | null,
  };
}

/** A row of the article listing query (the same columns in both stores). */
export function summaryFromRow(r: Row): StoredArticleSummary {
  return {
    ...listedArticle(r),
    origin: r.origin as string,
    chars: r.chars as number,
    spamScore: r.spam_score as number,
    garbleScore: r.garble_score as number,
    removals: r.removals as number,
    ingestedAt: r.ingested_at as string,
  };
}

/**
 * The WHERE conditions of a search's filters (article alias `a`), every value a bound parameter.
 * Dates compare as text on the bound's own length, so "2024-05" keeps all of May (publication
 * times are ISO 8601 strings, which sort as they read).
 */
export function searchFilterSql(query: SearchQuery, next: (value: unknown) => string): string[] {
  const conds: string[] = [];
  if (query.outlet !== undefined) conds.push(`a.outlet = ${next(query.outlet)}`);
  if (query.language !== undefined) conds.push(`a.language = ${next(query.language)}`);
  for (const [bound, op] of [[query.since, '>='], [query.until, '<=']] as const) {
    if (bound === undefined) continue;
    if (!DATE_BOUND.test(bound)) throw new SearchQueryError(`a date bound must be YYYY, YYYY-MM or YYYY-MM-DD, not "${bound}"`);
    conds.push(`substr(a.published_at, 1, ${bound.length}) ${op} ${next(bound)}`);
  }
  return conds;
}

/** The ORDER BY of a search over articles aliased `alias` (`score` is the store's relevance column). */
export function searchOrderSql(sort: SearchQuery['sort'], alias: string): string {
  return sort === 'recent' ? `${alias}.published_at DESC NULLS LAST, ${alias}.seq DESC` : `score DESC, ${alias}.seq`;
}

/**
 * A search answer row (the same columns in both stores): `marked` is the snippet and `marked_title`
 * the whole title, each with match markers.
 */
export function searchHitFromRow(r: Row): SearchHit {
  const listed = listedArticle(r);
  const title = unmarkSnippet((r.marked_title as string | null) ?? '');
  return {
    ...listed,
    score: Number(r.score),
    ...unmarkSnippet((r.marked as string | null) ?? ''),
    // offsets count in the title as stored; should the marked copy differ from it in spacing, mark nothing
    titleHighlights: title.snippet === listed.title ? title.highlights : [],
  };
}
