/**
 * The annotate stage: clean article text → stand-off annotations (sentences, entities with
 * roles and aliases, quotes, PLOVER events, normalised times). Pure and synchronous; lexicons are
 * loaded once when the module is imported.
 *
 *   import { annotate } from './nlp/index.js';
 *   const a = annotate(article.text, { publishedAt: article.publishedAt });
 */
import type { AnnotateOptions, Annotations } from './types.js';
import { tokenize } from './tokens.js';
import { splitSentences } from './sentences.js';
import { findEntities } from './entities.js';
import { findQuotes, isReportedQuote } from './quotes.js';
import { findEvents } from './events.js';
import { findTimes, parseAnchor } from './times.js';
import { lastStartingAtOrBefore } from './spans.js';
import { restoredCase } from './truecase.js';
import { ENGLISH_PROSE_SHARE, englishFunctionShare } from '../common-words.js';

export type * from './types.js';
export { corpusCanonicalNames, mergeCorpusEntities, selectEntities } from './entities-corpus.js';
export type { CorpusEntity, ArticleEntities, EntityQuery, SelectedEntity } from './entities-corpus.js';

/** Languages the readers are written for. */
export const READ_LANGUAGES: ReadonlySet<string> = new Set(['en']);

export function annotate(original: string, opts: AnnotateOptions = {}): Annotations {
  // Case is what tells a name from a word: a line in capitals or a text without them is read in
  // the case prose would give it. The copy has the text's length, so its offsets are the text's.
  const restored = opts.restoreCase === false ? null : restoredCase(original);
  const text = restored ? restored.text : original;
  const caseRestored = restored && restored.damage !== 'none' ? { caseRestored: { damage: restored.damage, lines: restored.lines } } : {};
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  // (unless the text is plainly English prose: a mislabelled language must not cost an article its layers)
  if (opts.language && !READ_LANGUAGES.has(opts.language) && englishFunctionShare(text).share < ENGLISH_PROSE_SHARE) {
    return {
      sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
      entities: [],
      clusters: [],
      quotes: [],
      events: [],
      times: [],
      anchor: { value: null, source: 'none' },
      notRead: { language: opts.language, reason: `entities, quotes, events and times are read in English only; this text is in "${opts.language}"` },
      ...caseRestored,
    };
  }
  // Relative dates resolve against the publication date; without one, they stay marked relative
  // (the ingest time is only an estimate of when "Wednesday" was, recorded as such).
  const published = parseAnchor(opts.publishedAt ?? null, 'published');
  const ingested = published ? null : parseAnchor(opts.ingestedAt ?? null, 'ingested');
  const ents = findEntities(text, tokens, sentences);
  // a time word inside a name is part of the name ("USA Today", "Good Morning America")
  // (names do not overlap: only the last one starting at or before the time can hold it)
  const names = ents.mentions.filter((m) => m.kind === 'name').sort((x, y) => x.start - y.start);
  const insideName = (t: { start: number; end: number }): boolean => {
    const m = names[lastStartingAtOrBefore(names, t.start)];
    return !!m && t.end <= m.end && m.end - m.start > t.end - t.start;
  };
  const times = findTimes(text, tokens, published).filter((t) => !insideName(t));
  if (!published && ingested) {
    const estimates = findTimes(text, tokens, ingested);
    const byStart = new Map(estimates.map((t) => [t.start, t]));
    for (const t of times) {
      const e = byStart.get(t.start);
      if (t.relative && e && e.value !== t.value) {
        t.estimate = e.value;
        t.anchor = 'ingested';
      }
    }
  }
  // every quoted span keeps the event reader out (a scare quote's words are no event either);
  // only quotations are reported
  const quoted = findQuotes(text, tokens, sentences, ents, times);
  const events = findEvents(text, tokens, sentences, ents, times, quoted);
  const quotes = quoted.filter(isReportedQuote);
  return {
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: ents.mentions.map(({ tokStart: _a, tokEnd: _b, sentence: _s, cluster: _c, ...m }) => m),
    clusters: ents.clusters,
    quotes,
    events,
    times,
    anchor: published
      ? { value: opts.publishedAt ?? null, source: 'published' }
      : ingested
        ? { value: opts.ingestedAt ?? null, source: 'ingested' }
        : { value: null, source: 'none' },
    ...caseRestored,
  };
}
