/**
 * What relating needs from the store, and nothing more. The lead's `Store` already satisfies the
 * required part structurally (articleIds, getArticle, listArticles, duplicates); the optional part lets a store
 * cache computed stories so `parallax stories` does not recompute them on every call.
 */
import type { Dateline, DuplicateRelation, RawOrigin } from '../model.js';
import type { Derivation } from './derive.js';
import type { Awaitable } from '../store/store.js';

/** The fields of a stored article that relating reads. */
export interface RelatableArticle {
  id: string;
  text: string;
  title: string | null;
  /** ISO 8601 or YYYY-MM-DD; null when unknown. */
  publishedAt: string | null;
  outlet: string | null;
  dateline: Dateline | null;
  origins: RawOrigin[];
  /** What cleaning removed: a feed's "The post … appeared first on X" footer still credits X. */
  removals?: Array<{ text: string }>;
}

/** One member of a story as printed by `parallax stories --json`. */
export interface StoryMember {
  id: string;
  /** The path or URL the article was first read from. */
  origin: string | null;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  copyOf?: string;
  spinOf?: string;
}

export interface StoryRecord {
  id: string;
  label: string;
  /** ISO 8601 time span of the members' publication times; null when none is dated. */
  start: string | null;
  end: string | null;
  articles: StoryMember[];
}

/** A derivation as persisted: without evidence passages' token spans. */
export type DerivationRecord = Omit<Derivation, 'passages'> & {
  passages: Array<Pick<Derivation['passages'][number], 'aStart' | 'aEnd' | 'bStart' | 'bEnd' | 'similarity' | 'verbatim'>>;
};

export interface RelateStorePort {
  /** Every article id, in ingest order. */
  articleIds(): Awaitable<string[]>;
  getArticle(id: string): Awaitable<RelatableArticle | null>;
  /** Every article's summary in ingest order: relating is ordered by publication time without reading texts. */
  listArticles(): Awaitable<Array<{ id: string; publishedAt: string | null }>>;
  /** Exact and near duplicates found at ingest (strong links between articles). */
  duplicates(): Awaitable<DuplicateRelation[]>;
  /** Optional cache of the last relate run; `stamp` identifies the corpus state it was computed on. */
  saveStories?(stamp: string, stories: StoryRecord[], derivations: DerivationRecord[]): Awaitable<void>;
  getStories?(stamp: string): Awaitable<{ stories: StoryRecord[]; derivations: DerivationRecord[] } | null>;
}
