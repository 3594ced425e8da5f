/**
 * One document as the event coder reads it: the entity mentions by token, the tokens that are
 * times, each token's sentence, the direct quotations, and the events coded so far, computed once
 * per document and shared by the coder's modules; plus the document's lookups (a mention or a
 * country as an event participant, the token at a character offset).
 */
import type { EventAnn, EventParticipant, Quote, TimeExpr } from './types.js';
import { hasListedWords, type Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { mentionsBySentence, type EntityResult, type MentionRec } from './entities.js';
import { LEX } from './lexicons.js';
import { isQuotation } from './quotes.js';
import { lastStartingAtOrBefore } from './spans.js';
import type { SubjectContext } from './events-subject.js';
import { IRREGULAR_PAST } from './verb-forms.js';
import { FORMS } from './events-dictionary.js';
import { DEICTIC_TIME_WORDS, isAgentKey, SPORTS_REPORT_WORDS } from './events-lexicon.js';

/** A document's tokens, sentences, entities and times, and what the event coder derives from them once. */
export interface EventDocument {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  ents: EntityResult;
  times: TimeExpr[];
  /** The events coded so far, in text order: the scan appends to it, and some rules read its last ones. */
  events: EventAnn[];
  /** Token index → the entity mention starting there. */
  mentionAt: Map<number, MentionRec>;
  /** Character offset → the entity mention starting there. */
  mentionByStart: Map<number, MentionRec>;
  /** Token index → the entity mention ending there (its last token). */
  mentionEnd: Map<number, MentionRec>;
  /** Token of a role word before a name ("Russian President") → the name's first token. */
  roleStartOf: Map<number, number>;
  /** 1 where a token is part of a time expression, or a deictic time word ("today", "now"). */
  timeTok: Uint8Array;
  /** Token index → index of its sentence. */
  sentOfTok: Int32Array;
  /** Sentence index → the person mentions in it. */
  personsBySentence: Map<number, MentionRec[]>;
  /** Verbs the sense guards judged no event, although the dictionary codes them (filled by the scan). */
  uncodedVerbs: Set<number>;
  /** What the nominal subject finder (events-subject.ts) needs of the document. */
  subjectCtx: SubjectContext;
  /** The character offset lies inside a direct quotation. */
  inQuote(offset: number): boolean;
  /** A quoted term (too short to be someone's words) starts at the character offset. */
  quotedTermAt(offset: number): boolean;
  /** The document is a sports report (read once, on the first call). */
  isSportsReport(): boolean;
  /** A mention as an event participant, with its cluster's canonical name and country. */
  participantOf(m: MentionRec): EventParticipant;
  /** The demonym or country reference starting at token k as an event participant, or null. */
  countryParticipant(k: number): EventParticipant | null;
  /** Index of the first token starting at or after a character offset. */
  tokenAfter(offset: number): number;
}

/** Reads a document once for the event coder (see EventDocument); `events` starts empty. */
export function readEventDocument(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[], quotes: Quote[]): EventDocument {
  const events: EventAnn[] = [];
  // direct quotations: their words are someone's speech, not events the article reports
  const quoteSpans = quotes.filter((q) => q.direct).map((q) => ({ start: q.start, end: q.end }));
  quoteSpans.sort((x, y) => x.start - y.start);
  // quoted terms ("full support": too short to be someone's words, as the quote layer reads them), by where their words start
  const termStarts = new Set(quotes.filter((q) => q.direct && !isQuotation(q.text)).map((q) => q.start));
  const quotedTermAt = (offset: number) => termStarts.has(offset) || termStarts.has(offset + 1);
  const inQuote = (offset: number) => {
    const q = quoteSpans[lastStartingAtOrBefore(quoteSpans, offset)];
    return !!q && offset < q.end;
  };
  const mentionAt = new Map<number, MentionRec>(); // token index → mention covering it (first token)
  /** A sports report: three or more words only sports copy uses ("scored", "playoffs", "touchdown"); read on the first verb that asks. */
  let sportsReport: boolean | null = null;
  const isSportsReport = (): boolean => (sportsReport ??= hasListedWords(tokens, SPORTS_REPORT_WORDS, 3));
  const mentionByStart = new Map<number, MentionRec>(ents.mentions.map((m) => [m.start, m])); // character offset → mention
  const mentionEnd = new Map<number, MentionRec>();
  for (const m of ents.mentions) {
    mentionAt.set(m.tokStart, m);
    mentionEnd.set(m.tokEnd - 1, m);
  }
  /** Verbs with a dictionary code that the sense guards (events-senses.ts) judged no event: a verb coordinated with one still shares its subject ("took to social media and accused Braun"). */
  const uncodedVerbs = new Set<number>();
  const roleStartOf = new Map<number, number>(); // role span start token → name start token
  for (const m of ents.mentions) {
    if (!m.roleSpan || m.roleSpan.end > m.start) continue;
    for (let k = m.tokStart - 1; k >= 0 && tokens[k].start >= m.roleSpan.start; k--) roleStartOf.set(k, m.tokStart);
  }

  const timeTok = new Uint8Array(tokens.length);
  {
    let ti = 0;
    const sorted = [...times].sort((x, y) => x.start - y.start);
    for (let k = 0; k < tokens.length && ti < sorted.length; k++) {
      while (ti < sorted.length && sorted[ti].end <= tokens[k].start) ti++;
      if (ti < sorted.length && tokens[k].start >= sorted[ti].start && tokens[k].end <= sorted[ti].end) timeTok[k] = 1;
    }
    for (let k = 0; k < tokens.length; k++) if (DEICTIC_TIME_WORDS.has(tokens[k].key)) timeTok[k] = 1;
  }
  const sentOfTok = new Int32Array(tokens.length);
  sentences.forEach((s, k) => {
    for (let t = s.tokStart; t < s.tokEnd; t++) sentOfTok[t] = k;
  });
  const personsBySentence = mentionsBySentence(ents, (m) => m.type === 'PERSON');
  const subjectCtx: SubjectContext = {
    tokens,
    text,
    isAgentKey,
    countryStartingAt: (k) => {
      const c = ents.countryAt.get(k);
      if (c) return { code: c.code, endTok: k };
      const m = mentionAt.get(k);
      const code = m ? (m.country ?? ents.clusters[m.cluster]?.country) : undefined;
      return code ? { code, endTok: m!.tokEnd - 1 } : null;
    },
    isVerbKey: (key) => FORMS.has(key) || LEX.speechVerbs.has(key),
    isFiniteVerb: (key) => IRREGULAR_PAST.has(key) || (LEX.speechVerbs.has(key) && !key.endsWith('ing')) || ((FORMS.has(key) || LEX.speechVerbs.has(key)) && key.endsWith('ed')),
  };
  const participantOf = (m: MentionRec): EventParticipant => {
    const c = ents.clusters[m.cluster];
    const p: EventParticipant = { text: m.text, start: m.start, end: m.end, canonical: c?.canonical ?? m.canonical };
    // the country a person or body belongs to, from any of its mentions' roles ("Russian President")
    const country = m.country ?? c?.country;
    if (country) p.country = country;
    return p;
  };
  const countryParticipant = (k: number): EventParticipant | null => {
    const c = ents.countryAt.get(k);
    if (!c) return null;
    const info = LEX.byCode.get(c.code);
    return { text: c.text, start: tokens[k].start, end: c.end, canonical: info?.name ?? c.code, country: c.code };
  };
  /** Index of the first token starting at or after a character offset. */
  function tokenAfter(offset: number): number {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  return { text, tokens, sentences, ents, times, events, mentionAt, mentionByStart, mentionEnd, roleStartOf, timeTok, sentOfTok, personsBySentence, uncodedVerbs, subjectCtx, inQuote, quotedTermAt, isSportsReport, participantOf, countryParticipant, tokenAfter };
}
