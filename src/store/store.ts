/**
 * The Store interface: the only way corpus stages and the CLI talk to persisted data.
 * SqliteStore (embedded, default) answers synchronously; PostgresStore (a server, for several
 * machines) answers with promises. Every method may do either (`Awaitable`), so callers always
 * `await`, and a store that can answer at once (SQLite) pays no more than a resolved promise.
 */
import type { Article, DuplicateRelation, RawOrigin, RawRecord, RecordError } from '../model.js';
import type { Annotations, EntityCluster, EventAnn, Quote } from '../nlp/types.js';
import type { DerivationRecord, StoryRecord } from '../stories/store-port.js';
import type { SearchSort } from './search-query.js';

export interface StoredArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  language: string | null;
  url: string | null;
  /** First origin the bytes were read from (path or URL). */
  origin: string;
  chars: number;
  spamScore: number;
  garbleScore: number;
  removals: number;
  ingestedAt: string;
}

export interface StoredArticle extends Article {
  origins: RawOrigin[];
  ingestedAt: string;
  /** Raw type, to re-run extraction from the kept bytes. */
  rawType: RawRecord['type'];
}

export interface StoredError extends RecordError {
  id: number;
  at: string;
}

export interface CorpusStats {
  documents: number;
  origins: number;
  outlets: Array<{ outlet: string; documents: number }>;
  languages: Array<{ language: string; documents: number }>;
  duplicates: { exact: number; near: number };
  removals: Array<{ reason: string; count: number; chars: number }>;
  errors: Array<{ code: string; count: number }>;
  rawBytes: number;
  cleanChars: number;
  /** Articles per extractor version (0: stored before versions were recorded), oldest first. */
  extractVersions: Array<{ version: number; documents: number }>;
}

/** A document id or URL that `delete --keep-out` keeps out of later ingests. */
export interface KeptOutEntry {
  key: string;
  kind: 'document' | 'url';
  /** The deleted article's title. */
  title: string | null;
  /** When it was deleted (ISO time). */
  at: string;
}

export interface ListQuery {
  limit?: number;
  offset?: number;
  outlet?: string;
}

/**
 * A full-text search over titles and clean text. `q` is what a user types (see search-query.ts:
 * words, "phrases", OR, -exclusions, prefix*); the filters narrow the articles searched.
 */
export interface SearchQuery {
  q: string;
  limit?: number;
  offset?: number;
  outlet?: string;
  language?: string;
  /** Published on or after this date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (articles with no date are left out). */
  since?: string;
  /** Published on or before this date (same forms; the whole month or year when given so). */
  until?: string;
  /** `relevance` (default: best match first, words in the title count most) or `recent` (newest first). */
  sort?: SearchSort;
}

/** What a search hit shows of its article, as a listing does. */
export type ListedArticleField = 'id' | 'title' | 'outlet' | 'publishedAt' | 'language' | 'url';

export interface SearchHit extends Pick<StoredArticleSummary, ListedArticleField> {
  /** Relevance, higher is better; comparable within one answer only (each store ranks its own way). */
  score: number;
  /** A passage of the clean text around the matches ("…" where it was cut). */
  snippet: string;
  /** [start, end) offsets of the matched words in `snippet`. */
  highlights: Array<[number, number]>;
  /** [start, end) offsets of the matched words in `title` (a hit may match on its title alone). */
  titleHighlights: Array<[number, number]>;
}

export interface SearchResult {
  /** Articles matching the query and filters, before limit and offset. */
  total: number;
  hits: SearchHit[];
}

/** Which duplicate relations to read: of one kind, of one article, a page of them (ingest order). */
export interface DuplicateQuery {
  kind?: DuplicateRelation['kind'];
  /** Only relations with this article on either side. */
  article?: string;
  limit?: number;
  offset?: number;
}

/** What the pipeline stores for one document: its raw record, the article, and similarity keys. */
export interface ArticleWrite {
  raw: RawRecord;
  article: Article;
  /** Hash of normalised clean text: equal hashes are exact duplicates. */
  textHash: string;
  /** MinHash signature and its LSH band keys, for near-duplicate candidate search. */
  signature: Uint32Array;
  bandKeys: number[];
  /** The extract stage's version (EXTRACT_VERSION) that made `article`. */
  extractVersion: number;
}

/** A stored document as it was read, to run extraction over its kept bytes again. */
export interface StoredRecord {
  /** The raw record with the origin it was first stored from (the one its article was extracted with). */
  raw: RawRecord;
  /** Ingest order, for paging. */
  seq: number;
  /** The extract version its stored article was made by. */
  extractVersion: number;
}

/** Which stored documents to read back: a page, in ingest order, of all or some of them. */
export interface StoredRecordQuery {
  limit: number;
  afterSeq?: number;
  /** Only those whose article an older extract version made. */
  olderThan?: number;
  /** Only these article ids. */
  ids?: string[];
}

/** An article still to be annotated (or annotated by an older annotator version). */
export interface AnnotationTodo {
  id: string;
  /** Ingest order, for paging. */
  seq: number;
  text: string;
  publishedAt: string | null;
  ingestedAt: string;
  /** The article's language (ISO 639-1), when known: the readers are written for English. */
  language: string | null;
}

export interface StoredQuote extends Quote {
  articleId: string;
}

export interface StoredEvent extends EventAnn {
  articleId: string;
}

/** A value now or later: stores over a network answer with promises, embedded ones at once. */
export type Awaitable<T> = T | Promise<T>;

export interface Store {
  /** True when these raw bytes were already stored (re-ingest is a no-op). */
  hasRaw(id: string): Awaitable<boolean>;
  /** True when a stored document was read from this URL (a page, a feed item's link, a WARC target). */
  hasOriginUrl(url: string): Awaitable<boolean>;
  /** Record one more place the same bytes were seen. Returns true if the origin was new. */
  addOrigin(id: string, origin: RawOrigin): Awaitable<boolean>;
  /** Store an article with its raw bytes, text hash and LSH keys. */
  putArticle(write: ArticleWrite): Awaitable<void>;
  /** Stored documents' raw records (bytes, hints, first origin), for extracting them again. */
  storedRecords(query: StoredRecordQuery): Awaitable<StoredRecord[]>;
  /**
   * Replace a stored article by a new extraction of the same bytes (same id, same ingest order). When
   * the text changed, its LSH keys are replaced and its duplicate relations dropped (the caller finds
   * them again); when the text or publication time changed, its annotation layers are dropped (the next
   * corpus read annotates it again). Cached stories are dropped. `textChanged` says which happened.
   */
  replaceArticle(write: ArticleWrite): Awaitable<{ textChanged: boolean }>;
  /** Record that a new extraction of these articles gave the same article: they are current at `version`. */
  markExtracted(ids: string[], version: number): Awaitable<void>;
  /**
   * Articles read from under `prefix`: a file or folder path (a folder matches the files below it) or
   * the start of a URL. `only`: every origin of the article is there; `alsoElsewhere`: the same bytes
   * were read from somewhere else too. Both in ingest order.
   */
  articlesFrom(prefix: string): Awaitable<{ only: string[]; alsoElsewhere: string[] }>;
  /**
   * Delete articles and everything stored about them: raw bytes, origins, LSH keys, duplicate relations
   * (on either side), annotation layers, search entries; cached stories are dropped. Unknown ids are
   * passed over. Returns how many articles were deleted. `keepOut`: in the same transaction, record
   * their ids and every URL they were read from or name as theirs (origin, page and canonical URLs),
   * so later ingests pass over the same bytes and anything read from those URLs.
   */
  deleteArticles(ids: string[], options?: { keepOut?: boolean }): Awaitable<number>;
  /**
   * Articles that are only stand-ins for the page at `url`: every origin is a feed item kept in its
   * place after a fetch that failed for now (`linkFailed`). Once the page is stored, they are replaced.
   */
  standInsFor(url: string): Awaitable<string[]>;
  /** True when this document id, or one of these URLs, was deleted and kept out. */
  isKeptOut(rawId: string | null, urls: readonly string[]): Awaitable<boolean>;
  /** What is kept out, most recent first. */
  keptOut(): Awaitable<KeptOutEntry[]>;
  /** Let these keys (document ids, URLs) in again; returns how many were kept out. */
  letIn(keys: string[]): Awaitable<number>;
  /** Articles whose normalised text hash equals this one. */
  articlesWithTextHash(textHash: string): Awaitable<string[]>;
  /** Articles sharing at least one LSH band key, with their signatures (near-duplicate candidates). */
  nearCandidates(bandKeys: number[]): Awaitable<Array<{ id: string; signature: Uint32Array }>>;
  putDuplicates(relations: DuplicateRelation[]): Awaitable<void>;
  putError(error: RecordError): Awaitable<void>;
  /**
   * Run several writes atomically (one transaction). `fn` must only call this store, and nothing else
   * may use the store until it settles: an embedded store has one connection, shared by all callers.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  getArticle(idOrPrefix: string): Awaitable<StoredArticle | null>;
  getRaw(id: string): Awaitable<Uint8Array | null>;
  listArticles(query?: ListQuery): Awaitable<StoredArticleSummary[]>;
  /** Full-text search over titles and clean text (throws SearchQueryError for a query with no words to find). */
  search(query: SearchQuery): Awaitable<SearchResult>;
  /** Every article id, in ingest order (for corpus stages). */
  articleIds(): Awaitable<string[]>;
  /** Duplicate relations, ordered by the ingest order of their first then second article. */
  duplicates(query?: DuplicateQuery): Awaitable<DuplicateRelation[]>;
  errors(limit?: number): Awaitable<StoredError[]>;
  stats(): Awaitable<CorpusStats>;

  /** Articles after `afterSeq` with no annotation layers of this version yet, in ingest order. */
  articlesToAnnotate(version: number, limit: number, afterSeq?: number): Awaitable<AnnotationTodo[]>;
  /** Replace an article's annotation layers (and their query rows). */
  putAnnotations(articleId: string, version: number, annotations: Annotations): Awaitable<void>;
  getAnnotations(articleId: string): Awaitable<Annotations | null>;
  /** Every annotated article's entity clusters, for the corpus-level entity merge. */
  entityClusters(): Awaitable<Array<{ articleId: string; clusters: EntityCluster[] }>>;
  /** Quotes, optionally only those whose canonical speaker contains `speaker` (case-insensitive). */
  quotes(query?: { speaker?: string; limit?: number }): Awaitable<StoredQuote[]>;
  events(query?: { category?: string; limit?: number }): Awaitable<StoredEvent[]>;

  /** What `parallax watch` remembers of the sources it polls, by key (a state is JSON the store does not read). */
  pollStates(): Awaitable<Map<string, string>>;
  /** Record poll states, replacing the earlier ones of the same keys, atomically. */
  putPollStates(states: ReadonlyArray<readonly [key: string, state: string]>): Awaitable<void>;
  /** Forget poll states (of files that are gone). */
  deletePollStates(keys: readonly string[]): Awaitable<void>;

  /** Cache of the last relate run over the corpus (stories are recomputed when the corpus changes). */
  saveStories(stamp: string, stories: StoryRecord[], derivations: DerivationRecord[]): Awaitable<void>;
  getStories(stamp: string): Awaitable<{ stories: StoryRecord[]; derivations: DerivationRecord[] } | null>;
  close(): Awaitable<void>;
}
