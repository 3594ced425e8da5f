/**
 * The nouns of Parallax (see DESIGN.md). Every stage is a function from one of these to another.
 * Spans are always [start, end) UTF-16 offsets into an Article's clean `text`.
 */

/** Where raw bytes came from. A record inside a container (WARC, feed, JSONL) names both. */
export interface RawOrigin {
  /** File path the bytes were read from, or "-" for stdin. */
  path: string;
  /** URL of the document, when the container says (WARC target URI, feed item link, JSONL url). */
  url?: string;
  /** WARC-Record-ID of a WARC response record. */
  warcRecordId?: string;
  /** Byte offset of the record inside its container (WARC) or 1-based line number (JSONL). */
  offset?: number;
  /** Feed item guid or link. */
  feedItemId?: string;
  /**
   * `--follow-links`: this feed item stands in for its linked page, whose fetch failed in a way that
   * may pass (the error code: a timeout, a failed connection, a 5xx or 429 answer). The link does not
   * count as held, so the next run fetches it again.
   */
  linkFailed?: string;
  /**
   * `--follow-links`: this feed item stands in for its linked page, which was refused for good
   * (robots.txt, a 404, a link that is not a web page): the code says why. Such an item holds the
   * link, so it is not asked for again. A feed item with neither mark was read without following
   * links, and does not hold its link either: a later run with `--follow-links` fetches the page.
   */
  linkRefused?: string;
  /** Which reader produced the record. */
  reader: ReaderKind;
}

export type ReaderKind = 'html' | 'text' | 'warc' | 'feed' | 'jsonl' | 'stdin';

/** What the payload bytes are. A reader decides this from the extension, headers or sniffing. */
export type PayloadType = 'html' | 'text';

/** Metadata a container supplied alongside the payload (feed item fields, JSONL fields, WARC headers). */
export interface RecordHints {
  title?: string;
  publishedAt?: string;
  outlet?: string;
  byline?: string;
  url?: string;
  /** Charset declared by a transport header (HTTP Content-Type in WARC). */
  charset?: string;
  language?: string;
}

export interface RawRecord {
  /** Content id: first 32 hex chars of sha256(payload type + "\n" + bytes). Same bytes, same id. */
  id: string;
  type: PayloadType;
  bytes: Uint8Array;
  origin: RawOrigin;
  hints: RecordHints;
}

/** A per-document failure. The batch goes on; the error is stored and printed. */
export interface RecordError {
  origin: RawOrigin;
  stage: 'ingest' | 'extract' | 'annotate' | 'store';
  /** Stable machine-readable code, e.g. "binary", "empty", "truncated-gzip", "too-large", "vanished". */
  code: string;
  message: string;
}

export type IngestItem = { kind: 'record'; record: RawRecord } | { kind: 'error'; error: RecordError };

/** Why a span of text was removed during cleaning. Kept as data so users can audit and undo. */
export type RemovalReason =
  | 'boilerplate'
  | 'navigation'
  | 'comments'
  | 'comment-form'
  | 'share-subscribe'
  | 'related-links'
  | 'cookie-notice'
  | 'advertising'
  | 'spam-keywords'
  | 'disclaimer'
  | 'byline-line'
  | 'title-repeat'
  | 'empty-or-symbolic';

export interface Removal {
  reason: RemovalReason;
  /** The rule (named in a rules table) that fired. */
  rule: string;
  /** The removed text, verbatim. */
  text: string;
  /**
   * Offset in the clean text where the removed text used to sit (an insertion point), or -1 for blocks
   * dropped from an HTML page before its text was assembled (navigation, comments, ...).
   */
  at: number;
}

/** A repair made to the text (e.g. splitting "UkraineIn" into "Ukraine. In"). */
export interface Repair {
  kind: 'run-together' | 'whitespace' | 'mojibake';
  before: string;
  after: string;
  /** Offset in the clean text of the repaired text. */
  at: number;
}

/** "SEOUL, South Korea (AP) —": the place and outlet hint a wire dateline carries. */
export interface Dateline {
  text: string;
  place: string;
  /** Wire or outlet credit in the dateline, e.g. "AP", "Reuters". */
  outlet: string | null;
}

/** Which piece of evidence gave a metadata field. */
export type MetaSource =
  | 'hint'
  | 'json-ld'
  | 'opengraph'
  | 'meta'
  | 'time-element'
  | 'microdata'
  | 'url'
  | 'dateline'
  | 'title-element'
  | 'heading'
  | 'text'
  | 'html-lang'
  | 'detected'
  | 'hostname'
  /** No publication date anywhere: the page's last-modified ("Updated …", article:modified_time) stands in. */
  | 'last-modified';

/**
 * Quality signals. All scores are in [0, 1], higher = worse, documented in docs/quality.md.
 */
export interface QualitySignals {
  /** Share of the input judged spam (SEO keyword lines, link farms) plus keyword-density evidence. */
  spamScore: number;
  /** Run-together words, broken sentence starts, spun phrasing per sentence. */
  garbleScore: number;
  /** Share of the input characters removed by cleaning. */
  removedShare: number;
  chars: number;
  words: number;
  paragraphs: number;
  /** Counts behind garbleScore, so a user can see why. */
  runTogetherWords: number;
  brokenSentenceStarts: number;
}

export interface Article {
  /** Equal to the RawRecord id it came from. */
  id: string;
  /** Clean text: paragraphs separated by a blank line ("\n\n"). */
  text: string;
  title: string | null;
  /** ISO 8601; date-only values as YYYY-MM-DD. */
  publishedAt: string | null;
  outlet: string | null;
  byline: string | null;
  /** ISO 639-1 code. */
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  dateline: Dateline | null;
  /** Which evidence won for each metadata field. */
  metaSources: Partial<Record<'title' | 'publishedAt' | 'outlet' | 'byline' | 'language' | 'url', MetaSource>>;
  removals: Removal[];
  repairs: Repair[];
  quality: QualitySignals;
}

/** Duplicate relation between two articles. `a` is the earlier-stored article. */
export interface DuplicateRelation {
  a: string;
  b: string;
  kind: 'exact' | 'near';
  /** Estimated Jaccard similarity of shingle sets (1 for exact). */
  similarity: number;
}
