/**
 * Export tables: each export kind is a fixed list of columns plus a lazy stream of flat rows read
 * from the store. Flat rows serve CSV and TSV; JSONL writes the same rows (nested values kept) so
 * every format carries the same fields under the same names.
 */
import type { CorpusEntity } from '../nlp/entities-corpus.js';
import type { Annotations } from '../nlp/types.js';
import type { Store, StoredEvent, StoredQuote } from '../store/store.js';
import { storyOutlets } from '../stories/compare-corpus.js';
import type { StoryRecord } from '../stories/store-port.js';

export type Cell = string | number | boolean | null;
/** One exported row; nested values (removals, annotations) appear in JSONL only. */
export type Row = Record<string, Cell | object>;

export interface ExportTable {
  /** Column order for CSV/TSV; JSONL objects list these keys first. */
  columns: string[];
  /** Read lazily: the articles table reads the store one article at a time as rows are written. */
  rows: Iterable<Row> | AsyncIterable<Row>;
}

export const EXPORT_KINDS = ['articles', 'stories', 'entities', 'quotes', 'events'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ArticleExportOptions {
  /** Story id per article id (from relate), to join articles to their stories. */
  storyOf?: ReadonlyMap<string, { id: string }>;
  /** JSONL only: add the article's annotation layers (when annotated). */
  withAnnotations?: boolean;
  /** JSONL only: add the clean text (on by default; off for a light listing). */
  withText?: boolean;
  /** Only these articles, in this order (a search's hits); every article in ingest order when absent. */
  ids?: readonly string[];
}

/** Articles in ingest order, with metadata, quality signals and the audit of removed text. */
export function articleTable(store: Store, opts: ArticleExportOptions = {}): ExportTable {
  const columns = [
    'id', 'story', 'url', 'title', 'publishedAt', 'publishedSource', 'outlet', 'byline', 'language',
    'words', 'spamScore', 'garbleScore', 'removals', 'origin', 'ingestedAt', 'text',
  ];
  const withText = opts.withText ?? true;
  async function* rows(): AsyncIterable<Row> {
    // ids first, then one article at a time: memory stays flat however large the corpus
    for (const id of opts.ids ?? (await store.articleIds())) {
      const a = await store.getArticle(id);
      if (!a) continue;
      const row: Row = {
        id: a.id,
        story: opts.storyOf?.get(a.id)?.id ?? null,
        url: a.url,
        title: a.title,
        publishedAt: a.publishedAt,
        publishedSource: a.metaSources?.publishedAt ?? null,
        outlet: a.outlet,
        byline: a.byline,
        language: a.language,
        words: a.quality.words,
        spamScore: a.quality.spamScore,
        garbleScore: a.quality.garbleScore,
        removals: a.removals.map((r) => ({ reason: r.reason, rule: r.rule, text: r.text })),
        origin: a.origins[0]?.path ?? a.origins[0]?.url ?? null,
        ingestedAt: a.ingestedAt,
        text: withText ? a.text : null,
      };
      if (opts.withAnnotations) row.annotations = ((await store.getAnnotations(a.id)) as Annotations | null) ?? null;
      yield row;
    }
  }
  return { columns, rows: rows() };
}

/** A table whose rows map one item each, lazily, as they are written. */
function mappedTable<T>(columns: string[], items: Iterable<T>, row: (item: T) => Row): ExportTable {
  function* rows(): Iterable<Row> {
    for (const item of items) yield row(item);
  }
  return { columns, rows: rows() };
}

export function storyTable(stories: readonly StoryRecord[]): ExportTable {
  return mappedTable(['id', 'label', 'start', 'end', 'size', 'outlets', 'articles'], stories, (s) => ({
    id: s.id,
    label: s.label,
    start: s.start,
    end: s.end,
    size: s.articles.length,
    outlets: storyOutlets(s).join('; '),
    articles: s.articles.map((m) => m.id).join(' '),
  }));
}

export function entityTable(entities: readonly CorpusEntity[]): ExportTable {
  return mappedTable(['id', 'type', 'canonical', 'country', 'aliases', 'roles', 'articles', 'mentions'], entities, (e) => ({
    id: e.id,
    type: e.type,
    canonical: e.canonical,
    country: e.country ?? null,
    aliases: e.aliases.join('; '),
    roles: e.roles.join('; '),
    articles: e.articles.join(' '),
    mentions: e.mentionCount,
  }));
}

export function quoteTable(quotes: Iterable<StoredQuote>): ExportTable {
  return mappedTable(['article', 'start', 'end', 'direct', 'speaker', 'speakerText', 'cue', 'text'], quotes, (q) => ({
    article: q.articleId,
    start: q.start,
    end: q.end,
    direct: q.direct,
    speaker: q.speaker?.canonical ?? null,
    speakerText: q.speaker?.text ?? null,
    cue: q.cue,
    text: q.text,
  }));
}

/**
 * Events in the spirit of GDELT's event table (one coded interaction per row: date, actor and its
 * country code, category, target), plus what GDELT lacks: the trigger span and the flags.
 */
export function eventTable(events: Iterable<StoredEvent>): ExportTable {
  const columns = [
    'article', 'date', 'category', 'quad', 'cameo', 'actor', 'actorCountry', 'target', 'targetCountry',
    'trigger', 'triggerStart', 'triggerEnd', 'place', 'negated', 'hedged', 'future',
  ];
  const names = (ps: Array<{ canonical: string }>) => ps.map((p) => p.canonical).join('; ') || null;
  const codes = (ps: Array<{ country?: string }>) => [...new Set(ps.map((p) => p.country).filter(Boolean))].join('; ') || null;
  return mappedTable(columns, events, (e) => ({
    article: e.articleId,
    date: e.time,
    category: e.category,
    quad: e.quad,
    cameo: e.cameo,
    actor: names(e.actor),
    actorCountry: codes(e.actor),
    target: names(e.target),
    targetCountry: codes(e.target),
    trigger: e.trigger.text,
    triggerStart: e.trigger.start,
    triggerEnd: e.trigger.end,
    place: e.place?.canonical ?? null,
    negated: e.flags.negated,
    hedged: e.flags.hedged,
    future: e.flags.future,
  }));
}
