/**
 * Rows → stored objects, shared by the SQL stores: SQLite and PostgreSQL keep the same columns (JSON as
 * text, snake_case names), so an article reads back the same from either.
 */
import type { RawOrigin } from '../model.js';
import type { StoredArticle, StoredArticleSummary } from './store.js';

export type Row = Record<string, unknown>;

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

/** A row of the article listing query (the same columns in both stores). */
export function summaryFromRow(r: Row): StoredArticleSummary {
  return {
    id: r.id as string,
    title: r.title as string | null,
    outlet: r.outlet as string | null,
    publishedAt: r.published_at as string | null,
    language: r.language as string | null,
    url: r.url as string | null,
    origin: r.origin as string,
    chars: r.chars as number,
    spamScore: r.spam_score as number,
    garbleScore: r.garble_score as number,
    removals: r.removals as number,
    ingestedAt: r.ingested_at as string,
  };
}
