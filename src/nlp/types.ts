/**
 * Stand-off annotation layers produced by `annotate()` (see DESIGN.md).
 * Every span is a [start, end) UTF-16 offset pair into the text that was annotated;
 * `text` fields are copies of `text.slice(start, end)` for convenience and JSON readability.
 */

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE';

/** One mention of a person, organisation or place. */
export interface EntityMention {
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /**
   * Name of the article-level entity this mention belongs to: the longest full name seen in the
   * article ("Kim" and "the North Korean leader" both → "Kim Jong Un").
   */
  canonical: string;
  /** Title or role kept apart from the name: "Foreign Minister" for "Foreign Minister Choe Son Hui". */
  role?: string;
  /** Span of the role words when they are adjacent to the name. */
  roleSpan?: Span;
  /** ISO 3166 alpha-3 code (or IGO) for places, countries' organisations and people with a known country. */
  country?: string;
  /** How the mention was found: a name, a surname/short form, a title-only or role reference, a pronoun. */
  kind: 'name' | 'short' | 'role' | 'pronoun';
}

/** An article-level entity: all mentions that name the same thing. */
export interface EntityCluster {
  canonical: string;
  type: EntityType;
  /** Distinct surface forms (names and role references). */
  aliases: string[];
  roles: string[];
  country?: string;
  /** Indexes into Annotations.entities. */
  mentions: number[];
}

export interface QuoteSpeaker {
  text: string;
  start?: number;
  end?: number;
  /** Canonical name of the entity the speaker mention resolves to (or the role phrase when unnamed). */
  canonical: string;
}

export interface Quote {
  /** The quoted content (without the quotation marks for direct quotes). */
  text: string;
  start: number;
  end: number;
  /** true for text inside quotation marks; false for reported speech ("X said (that) ..."). */
  direct: boolean;
  /** The verb of speech ("said", "told", "according to"), or null when attribution is by proximity only. */
  cue: string | null;
  cueSpan?: Span;
  speaker: QuoteSpeaker | null;
}

/** PLOVER event categories (PLOVER manual 2021), plus the quad category they belong to. */
export type PloverCategory =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'REQUEST'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'SANCTION'
  | 'MOBILIZE'
  | 'COERCE'
  | 'ASSAULT';

export type PloverQuad = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';

/** Actor or target of an event: the entity (canonical name) or a country code when only a country is named. */
export interface EventParticipant {
  text: string;
  start: number;
  end: number;
  canonical: string;
  /** ISO3 country code when known. */
  country?: string;
}

export interface EventAnn {
  category: PloverCategory;
  /** PLOVER quad category: AGREE/CONSULT/SUPPORT/CONCEDE are verbal cooperation, and so on. */
  quad: PloverQuad;
  /** CAMEO code the verb pattern gave (petrarch2 dictionary), for audit. */
  cameo: string;
  trigger: { text: string; start: number; end: number };
  /** Compound actors ("Russia and North Korea signed") give several participants. */
  actor: EventParticipant[];
  target: EventParticipant[];
  /** Normalised value of the time expression in the same sentence, if any. */
  time: string | null;
  place: EventParticipant | null;
  flags: {
    negated: boolean;
    /** Alleged, accused, denied, reportedly, possibly...: the event is a claim, not a fact. */
    hedged: boolean;
    /** Planned, promised or future-tense: "will sign", "plans to", "agreed to". */
    future: boolean;
  };
  /** Index of the sentence the event sits in. */
  sentence: number;
}

export type TimeGranularity = 'instant' | 'day' | 'month' | 'year' | 'span' | 'part-of-day' | 'duration';

/** What a relative expression was resolved against. */
export type TimeAnchor = 'published' | 'ingested' | 'none';

/**
 * `anchor` says what `value` was resolved against: 'published' (the article's date), 'ingested'
 * (no publication date: `value` stays marked relative and `estimate` holds the ingest-time guess),
 * or 'none' (absolute expressions, and relative ones with no anchor at all).
 */
export interface TimeExpr {
  text: string;
  start: number;
  end: number;
  /**
   * ISO-like normalised value: "2024-06-19", "2024-03", "2023", "2024-06-18TNI" (night),
   * "P24Y" (a duration), "1961/2000" style ranges for spans. When no anchor was available for a
   * relative expression, a marked relative value: "REL:weekday=WED" or "REL:month=03".
   */
  value: string;
  granularity: TimeGranularity;
  anchor: TimeAnchor;
  /**
   * Without a publication date, a relative expression keeps its marked relative `value`; this is
   * its resolution against the ingest time (anchor 'ingested'), an estimate only.
   */
  estimate?: string;
  /** true when the value depends on the anchor (weekday names, "yesterday", month without year). */
  relative: boolean;
}

export interface Annotations {
  sentences: Span[];
  entities: EntityMention[];
  /** Article-level entity clusters (the input of the corpus-level merge). */
  clusters: EntityCluster[];
  quotes: Quote[];
  events: EventAnn[];
  times: TimeExpr[];
  /** The anchor used for relative times, and where it came from. */
  anchor: { value: string | null; source: TimeAnchor };
  /**
   * Set when the readers were not run: they are written for English (its titles, verbs of speech,
   * capitalisation, month names), and on another language they would find nouns as names ("Zugriff",
   * "Ärzte"). Sentences are still given.
   */
  notRead?: { language: string; reason: string };
  /**
   * Set when the text was read through a copy in restored case (`truecase.ts`): lines set in
   * capitals, or the whole of a text typed without capitals. The spans are the text's; the text of
   * a mention or quote is the copy's ("William Ruto" for "WILLIAM RUTO").
   */
  caseRestored?: { damage: 'caseless' | 'shouted-lines'; lines: number };
}

export interface AnnotateOptions {
  /** The text's language (ISO 639-1), when known: other than English, only sentences are given. */
  language?: string | null;
  /** Publication date/time (ISO 8601) from metadata or the command line. */
  publishedAt?: string | null;
  /** Ingest time (ISO 8601), used as the anchor when there is no publication date. */
  ingestedAt?: string;
  /**
   * Read lines set in capitals, and texts with no capitals, through a copy in restored case
   * (`truecase.ts`; default true). False reads the text's case as it is (for comparison).
   */
  restoreCase?: boolean;
}
