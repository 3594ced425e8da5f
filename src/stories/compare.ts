/**
 * The compare stage: one story's articles → the facts each outlet reports, lined up.
 *
 * A claim is a fact stated in one sentence: a coded event (who did what to whom), a quantity
 * ("11,000 containers") or a quotation with its speaker. Claims from different outlets are the same
 * fact when their keys agree (event: category + actors + targets; quantity: unit + a sentence about
 * the same thing; quote: the same words). Each fact then says which outlets report it, and whether
 * they conflict: a different number for the same thing, a different date for the same event, the same
 * words put in different mouths, an event one outlet reports and another says did not happen.
 *
 * Outlets, not articles, are the voices: two pages of one outlet confirm nothing, and a copy or a
 * spun copy of another article (from relate) is not independent confirmation: `independent` counts
 * the outlets with an article of their own.
 *
 * Pure: the caller brings annotated articles; nothing is read or written here.
 */
import { LEX } from '../nlp/lexicons.js';
import { tokenize, type Token } from '../nlp/tokens.js';
import { cameoToPlover } from '../nlp/events.js';
import { corpusCanonicalNames } from '../nlp/entities-corpus.js';
import { lastStartingAtOrBefore } from '../nlp/spans.js';
import type { Annotations, EventAnn, EventParticipant, Quote, Span, TimeExpr } from '../nlp/types.js';
import { parseDateline } from '../extract/clean/dateline.js';
import { findQuantities, GENERIC_UNITS, type Quantity } from './quantities.js';
import { appendTo } from '../multimap.js';
import { figureTrend, firstReported, type FigureTrend, type TimedFigure } from './compare-trend.js';

export interface ComparableArticle {
  id: string;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  text: string;
  annotations: Annotations;
  /** Set when relate found this article to be a copy or spun copy of another one. */
  derivedFrom?: string;
}

export type ClaimKind = 'event' | 'quantity' | 'quote';

export interface ClaimMention {
  article: string;
  voice: string;
  /** The sentence that states it, offsets into the article's text. */
  sentence: Span;
  sentenceText: string;
  /** The claim's own span (trigger, quantity, quotation). */
  span: Span;
  /** What this outlet says: the number, the event's date, the speaker. */
  value: string | null;
  /** Quantities: the figure in its compared unit (durations in minutes, days or months). */
  amount?: { value: number; unit: string; approx: boolean; outcome?: string };
  /** Events: how this outlet states it (done, said not to have happened, alleged, planned). */
  modality?: EventModality;
}

/**
 * How a sentence states an event: as done ('asserted'), as not done ('negated': "did not attack",
 * "refused to release"), as alleged or uncertain ('hedged': "reportedly", "may have"), or as planned
 * or promised ('future'). A negation outranks the others ("will not attack" is negated).
 */
export type EventModality = 'asserted' | 'negated' | 'hedged' | 'future';

export interface Conflict {
  /** polarity: one outlet reports the event, another says it did not happen (versions are modalities). */
  kind: 'value' | 'date' | 'speaker' | 'polarity';
  /** Each distinct value with the outlets that give it (value conflicts that move with time: in time order). */
  versions: Array<{ value: string; voices: string[]; firstReported?: string }>;
  /**
   * Value conflicts: the independent reports, in publication order, only raise (or only lower) the
   * figure — most likely a count updated over time ("rose to 13", then "to 14"), not a contradiction.
   */
  trend?: FigureTrend;
}

export interface Claim {
  id: string;
  kind: ClaimKind;
  label: string;
  mentions: ClaimMention[];
  /** Outlets reporting it, in first-mention order. */
  voices: string[];
  /** Outlets reporting it from an article of their own (not a copy). */
  independent: number;
  /** every outlet of the story reports it / several do / only one does. */
  coverage: 'all' | 'some' | 'one';
  conflict: Conflict | null;
}

export interface TimelineEntry {
  /** ISO date, month or year. */
  date: string;
  label: string;
  voices: string[];
  claim: string;
}

export interface SummarySentence {
  article: string;
  voice: string;
  text: string;
  start: number;
  end: number;
}

export interface StoryComparison {
  voices: Array<{ voice: string; articles: string[]; independent: boolean }>;
  claims: Claim[];
  timeline: TimelineEntry[];
  summary: SummarySentence[];
  counts: { claims: number; all: number; some: number; one: number; conflicts: number };
}

export interface CompareOptions {
  /** Sentences in the summary. */
  summarySentences: number;
  /** Share of the smaller sentence's content words two sentences must share to be about the same thing. */
  contextOverlap: number;
  /** The same, before two different values for one unit are called a conflict rather than two facts. */
  conflictOverlap: number;
  /** Share of the shorter quotation's content words two quotations must share to be the same words. */
  quoteOverlap: number;
  /** Relative difference two approximate values ("about 2,000") may have and still agree. */
  approxTolerance: number;
}

const DEFAULTS: CompareOptions = { summarySentences: 4, contextOverlap: 0.3, conflictOverlap: 0.5, quoteOverlap: 0.6, approxTolerance: 0.1 };

/** A stated claim before grouping. */
interface Stated {
  kind: ClaimKind;
  key: string;
  label: string;
  article: ComparableArticle;
  voice: string;
  sentence: Span;
  span: Span;
  value: string | null;
  words: Set<string>;
  quantity?: Quantity;
  /** Quotes: the speaker is a person or organisation the article names (not "officials", "she"). */
  named?: boolean;
  /** Quotes: the speaker's roles in that article ("spokeswoman for Parcelio"). */
  roles?: string;
  /** Quantities: the sentence dates it to an earlier year than the article ("in September 2023"). */
  historical?: boolean;
  /** Content words right around a quantity ("hours of talks" → talks): what exactly is counted. */
  near?: Set<string>;
  /** Events: how the sentence states it; quotes: 'negated' when the words are reported as denied. */
  modality?: EventModality;
  /** Events: the event names its target. */
  targeted?: boolean;
  /** Quantities: the content words of the quantity itself (number, noun); events: of its trigger and participants. */
  own?: Set<string>;
  /** Quantities with an outcome ("14 people killed"): the day or month the sentence gives it. */
  when?: string;
  /** Quotes: the numbers they name (two quotations with other numbers are two reports). */
  numbers?: Set<string>;
  /** Quotes: a quotation in quotation marks, not reported speech. */
  direct?: boolean;
}

/**
 * The date an outcome count happened on: the absolute time expression of its sentence nearest to
 * the number, leaving out when it was reported ("..., officials said on Monday": the time right
 * after a verb of speech).
 */
function dateOfOutcome(ann: Annotations, cueEnds: readonly number[], q: Quantity, sentence: Span): string | null {
  let best: { date: string; distance: number } | null = null;
  for (const t of ann.times) {
    if (t.start < sentence.start || t.end > sentence.end || t.granularity === 'duration') continue;
    const date = absoluteDate(t.value);
    if (!date || date.length < 7) continue;
    if (cueEnds.some((end) => end > sentence.start && t.start >= end && t.start - end <= 4)) continue;
    const distance = t.start >= q.end ? t.start - q.end : q.start - t.end;
    if (!best || distance < best.distance) best = { date, distance };
  }
  return best?.date ?? null;
}

/** Content words within a few tokens of a quantity, inside its sentence. */
function nearWords(tokens: Token[], q: Quantity, sentence: Span): Set<string> {
  const out = new Set<string>();
  const first = tokens.findIndex((t) => t.start >= q.start);
  if (first < 0) return out;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < q.end) last++;
  for (let k = Math.max(0, first - 3); k <= Math.min(tokens.length - 1, last + 4); k++) {
    const t = tokens[k];
    if (t.start < sentence.start || t.end > sentence.end || (k >= first && k <= last)) continue;
    if (t.kind === 'word' && t.key.length > 2 && !LEX.stopwords.has(t.key)) out.add(t.key);
  }
  return out;
}

/** A light stem, so that "tracked" and "tracking", "couriers" and "courier" count as one word. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.kind === 'word' && t.key.length > 2 && !LEX.stopwords.has(t.key)) out.add(stem(t.key));
    else if (t.kind === 'num') out.add(t.key);
  }
  return out;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) n++;
  return n;
}

/** Share of the smaller set's words found in the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  return sharedCount(a, b) / Math.min(a.size, b.size);
}

function sentenceOf(sentences: Span[], at: number): Span {
  // sentences are sorted and do not overlap: the one containing `at` is the last starting at or before it
  const s = sentences[lastStartingAtOrBefore(sentences, at)];
  return s && at < s.end ? s : { start: at, end: at };
}

const names = (ps: Array<{ canonical: string }>) => [...new Set(ps.map((p) => p.canonical))].sort();

/** A participant with its name as the story spells it (see `corpusCanonicalNames`). */
function renamed<T extends { canonical: string }>(p: T, storyName: (name: string) => string): T {
  const canonical = storyName(p.canonical);
  return canonical === p.canonical ? p : { ...p, canonical };
}

function modalityOf(e: EventAnn): EventModality {
  return e.flags.negated ? 'negated' : e.flags.future ? 'future' : e.flags.hedged ? 'hedged' : 'asserted';
}

/**
 * The category an event is compared under. The annotator codes refused cooperation as REJECT
 * (PLOVER: "will not meet" is a rejection); next to an outlet that says the meeting took place, it
 * is the same event denied, so a negated event is keyed by what its verb codes.
 */
function comparedCategory(e: EventAnn): string {
  if (!e.flags.negated) return e.category;
  return cameoToPlover(e.cameo) ?? e.category;
}

function eventLabel(e: EventAnn, category: string, modality: EventModality): string {
  const actor = names(e.actor).join(' & ') || '?';
  const target = names(e.target).join(' & ');
  return `${actor} ${category}${target ? ' ' + target : ''} (${e.trigger.text})${modality === 'asserted' ? '' : ` [${modality}]`}`;
}

/**
 * A time wholly before the publication year ("in September 2023" in a 2025 article). A span that
 * runs up to the year before publication ("between 2021 and 2024", the period a regulator's
 * finding covers) reaches the matter at hand and is not.
 */
function earlierThan(t: TimeExpr, pubYear: number): boolean {
  if (!/^\d{4}/.test(t.value)) return false;
  if (t.granularity === 'span') {
    const end = t.value.split('/')[1];
    if (end && /^\d{4}/.test(end)) return Number(end.slice(0, 4)) < pubYear - 1;
  }
  return Number(t.value.slice(0, 4)) < pubYear;
}

/** Do two statements of an event agree on whether it happened (a denial against a report, or not)? */
const samePolarity = (a: Stated, b: Stated) => (a.modality === 'negated') === (b.modality === 'negated');

/** An absolute date (not a marked relative value): what a timeline and a date conflict can use. */
function absoluteDate(value: string | null): string | null {
  const m = value?.match(/^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/);
  return m ? m[1] : null;
}

function formatValue(q: Quantity): string {
  // durations are compared in minutes; whole hours read better as hours
  const [value, unit] = q.unit === 'minute' && q.value >= 60 && q.value % 30 === 0 ? [q.value / 60, 'hour'] : [q.value, q.unit];
  const n = Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
  return `${q.approx ? '~' : ''}${n} ${unit}`;
}

function valuesAgree(a: Quantity, b: Quantity, tolerance: number): boolean {
  if (a.value === b.value) return true;
  if (!a.approx && !b.approx) return false;
  return Math.abs(a.value - b.value) <= tolerance * Math.max(Math.abs(a.value), Math.abs(b.value));
}

function voiceOf(a: ComparableArticle): string {
  return a.outlet?.trim() || `article ${a.id.slice(0, 8)}`;
}

/** Words that count or point at a nominal party without naming it ("the two", "both", "2"). */
const PARTY_QUANTIFIERS = new Set(['the', 'a', 'an', 'both', 'all', 'some', 'several', 'many', 'its', 'their', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'of']);

/** "the two leaders" → "leaders", "2 sides" → "sides": a nominal party's key without its count. */
function nominalPartyKey(text: string): string {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && (PARTY_QUANTIFIERS.has(words[i]) || /^\d[\d,.]*$/.test(words[i]))) i++;
  return words.slice(i).join(' ');
}

/** Every claim one article states. */
function statedClaims(a: ComparableArticle, storyNames: Map<string, string> | undefined): Stated[] {
  const out: Stated[] = [];
  const ann = a.annotations;
  const storyName = (name: string) => storyNames?.get(name) ?? name;
  const voice = voiceOf(a);
  const wordsCache = new Map<number, Set<string>>();
  const words = (s: Span) => {
    let w = wordsCache.get(s.start);
    if (!w) wordsCache.set(s.start, (w = contentWords(a.text.slice(s.start, s.end))));
    return w;
  };
  // places stand for their country ("Pyongyang", "the DPRK", "North Korea" are one party)
  const placeAt = new Set(ann.entities.filter((m) => m.type === 'PLACE').map((m) => m.start));
  // a party named by a noun phrase ("the two leaders", "2 sides" in a spun copy) is keyed by its
  // words past the numbers and determiners, so that "leaders" in one outlet meets "two leaders"
  const namedAt = new Set(ann.entities.map((m) => m.start));
  const party = (p: EventParticipant) => (p.country && placeAt.has(p.start) ? p.country : !namedAt.has(p.start) && !p.country ? nominalPartyKey(p.canonical) : p.canonical);
  const parties = (ps: EventParticipant[]) => [...new Set(ps.map(party))].sort().join('+');
  for (const written of ann.events) {
    const e = { ...written, actor: written.actor.map((p) => renamed(p, storyName)), target: written.target.map((p) => renamed(p, storyName)) };
    if (!e.actor.length && !e.target.length) continue;
    const sentence = ann.sentences[e.sentence] ?? sentenceOf(ann.sentences, e.trigger.start);
    const category = comparedCategory(e);
    const modality = modalityOf(e);
    const key = `${category}|${parties(e.actor)}|${parties(e.target)}`;
    const own = contentWords([e.trigger.text, ...e.actor.map((p) => p.text), ...e.target.map((p) => p.text)].join(' '));
    out.push({ kind: 'event', key, label: eventLabel(e, category, modality), article: a, voice, sentence, span: e.trigger, value: e.time, words: words(sentence), modality, own, targeted: e.target.length > 0 });
  }
  const tokens = tokenize(a.text);
  const pubYear = a.publishedAt && /^\d{4}/.test(a.publishedAt) ? Number(a.publishedAt.slice(0, 4)) : null;
  const timeSpans = ann.times.filter((t) => t.granularity !== 'duration');
  // where the article's verbs of speech end: a time right after one is when something was said
  const cueEnds = ann.quotes.flatMap((x) => (x.cueSpan ? [x.cueSpan.end] : []));
  for (const q of findQuantities(tokens, a.text, timeSpans)) {
    const sentence = sentenceOf(ann.sentences, q.start);
    const near = nearWords(tokens, q, sentence);
    const historical = pubYear !== null && ann.times.some((t) => t.start >= sentence.start && t.end <= sentence.end && earlierThan(t, pubYear));
    const when = q.outcome ? dateOfOutcome(ann, cueEnds, q, sentence) : null;
    out.push({ near, historical, own: contentWords(q.text), kind: 'quantity', key: q.unit, label: q.unit, article: a, voice, sentence, span: q, value: formatValue(q), words: words(sentence), quantity: q, ...(when ? { when } : {}) });
  }
  const quotes: Stated[] = [];
  for (const q of ann.quotes as Quote[]) {
    if (!q.speaker) continue;
    const qw = contentWords(q.text);
    if (qw.size < 3) continue; // "ardent friendship": too short to tell the same words from a shared phrase
    const sentence = sentenceOf(ann.sentences, q.start);
    const cluster = ann.clusters.find((c) => c.canonical === q.speaker!.canonical && (c.type === 'PERSON' || c.type === 'ORG'));
    // an organisation's words are also its spokesperson's: keep where the person spoke from
    const roles = cluster?.type === 'ORG' ? 'ORG' : `${cluster?.roles.join('; ') ?? ''}\u0000${a.text.slice(sentence.start, sentence.end)}`;
    // "the operator denied that it had ignored the warning": the words reported, as denied
    const modality: EventModality | undefined = q.cue && DENIAL_CUE.test(q.cue) ? 'negated' : undefined;
    quotes.push({ kind: 'quote', key: 'quote', label: q.text, article: a, voice, sentence, span: q, value: storyName(q.speaker.canonical), words: qw, numbers: numbersIn(q.text), roles, named: !!cluster && isNamed(q.speaker.canonical), direct: q.direct, ...(modality ? { modality } : {}) });
  }
  // "X said it was a 'struggle against …'" yields the reported statement and the quotation inside
  // it: one statement, kept in its longest form
  quotes.sort((x, y) => y.words.size - x.words.size);
  const kept: Stated[] = [];
  for (const q of quotes) if (!kept.some((k) => overlap(k.words, q.words) >= 0.8 && k.value === q.value)) kept.push(q);
  kept.sort((x, y) => x.span.start - y.span.start);
  return out.concat(kept);
}

/** Is `s` the same fact as the group whose first statement is `head`? */
function sameFact(head: Stated, s: Stated, o: CompareOptions): boolean {
  if (head.kind !== s.kind || head.key !== s.key) return false;
  if (s.kind === 'event') {
    if (samePolarity(head, s) || (head.targeted && s.targeted)) return true;
    // "Israel attacked Hamas positions" and "Israel did not attack hospitals": with no target named,
    // a denial is of the same event only if the sentences share what it was about
    const own = new Set([...head.own!, ...s.own!]);
    const a = new Set([...head.words].filter((w) => !own.has(w)));
    const b = new Set([...s.words].filter((w) => !own.has(w)));
    return sharedCount(a, b) >= 2 && overlap(a, b) >= o.conflictOverlap;
  }
  // the same words with another number ("at least 14 people died" / "at least 17 were killed") are
  // the figure in dispute, which the quantity's claim shows as a conflict, not one report agreed on
  if (s.kind === 'quote') return overlap(head.words, s.words) >= o.quoteOverlap && sameNumbers(head.numbers!, s.numbers!);
  // quantities of one unit. A figure from an earlier year ("Storm Daniel killed 17 people in 2023")
  // is another fact.
  if (!!head.historical !== !!s.historical) return false;
  // The same outcome counted in one story ("12 killed", "the death toll rose to 14") is one fact,
  // however differently the sentences around it are written; "12 people killed" and "5 people
  // missing" count different things. An outcome said on one side only ("4,000 residents of
  // low-lying districts ... were evacuated") may sit too far from the number to see: the sentences decide.
  const ho = head.quantity!.outcome;
  const so = s.quantity!.outcome;
  if (ho && so) return ho === so;
  // the quantities' own words (number, noun) say nothing about whether the sentences agree
  const own = new Set([...head.own!, ...s.own!]);
  const a = new Set([...head.words].filter((w) => !own.has(w)));
  const b = new Set([...s.words].filter((w) => !own.has(w)));
  const context = overlap(a, b);
  // "more than two hours of talks" / "nearly three hours of talks", "put the cost at about 2 billion
  // euros" / "will cost 1.8 billion euros": the word at the number names the same counted thing
  const sharedNear = [...(head.near ?? [])].some((w) => s.near?.has(w));
  // agreeing figures need little more: the same word at the number, or some shared context, or a
  // thing counted that only this fact counts ("more than 20,000 couriers" / "about 21,000 couriers")
  if (valuesAgree(head.quantity!, s.quantity!, o.approxTolerance)) return context >= o.contextOverlap || sharedNear || (!ho && !so && !GENERIC_UNITS.has(head.quantity!.unit));
  // a conflict needs two sentences that share real content, not one word of a short quote
  if (sharedCount(a, b) < 2) return false;
  return context >= o.conflictOverlap || (sharedNear && context >= o.contextOverlap);
}

function agrees(group: Stated[], s: Stated, o: CompareOptions): boolean {
  if (s.kind === 'quantity') return group.some((g) => g.quantity && valuesAgree(g.quantity, s.quantity!, o.approxTolerance));
  if (s.kind === 'quote') return group.some((g) => g.value === s.value);
  // a denial joins the other denials of the event, when an outlet has stated both
  return group.some((g) => samePolarity(g, s));
}

/**
 * The facts one statement may join. Only a fact of the same kind and key can be the same fact
 * (sameFact's first test), and within a key a quotation or a quantity needs words in common with
 * the fact's first statement (quotations share a share of their words; quantities share context
 * words outside their own number and noun, unless both name the same outcome, "killed"). So each
 * key keeps its facts by those words: a story of hundreds of articles does not compare every
 * statement with every fact. Candidates come back in the order the facts were made, so ties go
 * where a full scan would send them; sameFact still decides.
 */
class FactIndex {
  private readonly buckets = new Map<string, { all: number[]; byWord: Map<string, number[]>; byOutcome: Map<string, number[]> }>();

  constructor(private readonly o: CompareOptions) {}

  /** Words a statement must share with a fact's first statement to be the same fact, or null when none are needed. */
  private gatingWords(s: Stated): Iterable<string> | null {
    if (s.kind === 'quote') return this.o.quoteOverlap > 0 ? s.words : null;
    if (s.kind === 'quantity') return this.o.contextOverlap > 0 ? [...s.words].filter((w) => !s.own!.has(w)) : null;
    return null;
  }

  private bucket(s: Stated) {
    const key = `${s.kind}\u0000${s.key}`;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { all: [], byWord: new Map(), byOutcome: new Map() }));
    return b;
  }

  candidates(s: Stated): number[] {
    const b = this.bucket(s);
    const words = this.gatingWords(s);
    // a thing counted that only a few facts count ("couriers") is gated by its value, not by words
    if (!words || (s.kind === 'quantity' && !s.quantity!.outcome && !GENERIC_UNITS.has(s.key))) return b.all;
    const found = new Set<number>();
    for (const w of words) for (const g of b.byWord.get(w) ?? []) found.add(g);
    const outcome = s.quantity?.outcome;
    if (outcome) for (const g of b.byOutcome.get(outcome) ?? []) found.add(g);
    return [...found].sort((x, y) => x - y);
  }

  /** Records fact number `g`, whose first statement is `head`. */
  add(g: number, head: Stated): void {
    const b = this.bucket(head);
    b.all.push(g);
    const words = this.gatingWords(head);
    if (!words) return;
    for (const w of words) appendTo(b.byWord, w, g);
    if (head.quantity?.outcome) appendTo(b.byOutcome, head.quantity.outcome, g);
  }
}

/** Group statements into facts: per fact, at most one statement per article; equal values first. */
function groupFacts(stated: Stated[], o: CompareOptions): Stated[][] {
  const groups: Stated[][] = [];
  const articlesOf: Set<string>[] = [];
  /** article id → the facts it states (for copies, which join their source's facts). */
  const factsOf = new Map<string, number[]>();
  const index = new FactIndex(o);
  const place = (gi: number, s: Stated) => {
    groups[gi].push(s);
    if (!articlesOf[gi].has(s.article.id)) appendTo(factsOf, s.article.id, gi);
    articlesOf[gi].add(s.article.id);
  };
  // Each quotation's place among its article's quotations of the same speaker: a spin keeps its
  // source's order, so the n-th quote of a speaker in a spin is that speaker's n-th in the source
  // ("We is not going to cease till each individual is reached" for "We will not stop until every
  // person is reached" shares too few words to be paired by them)
  const quoteRank = new Map<Stated, number>();
  {
    const seen = new Map<string, number>();
    // (quotations and reported speech counted apart: a spinner's synonym for a verb of speech,
    // "advised reporters that", loses reported speech, never the quotation marks)
    for (const s of [...stated].filter((x) => x.kind === 'quote').sort((x, y) => x.span.start - y.span.start)) {
      const k = `${s.article.id}\u0000${s.value ?? ''}\u0000${s.direct ? 'direct' : 'reported'}`;
      const n = seen.get(k) ?? 0;
      quoteRank.set(s, n);
      seen.set(k, n + 1);
    }
  }
  const spunQuote = (m: Stated, s: Stated) =>
    m.kind === 'quote' && s.kind === 'quote' && m.direct === s.direct && s.named === true && m.value === s.value && quoteRank.get(m) === quoteRank.get(s) && sharedCount(m.words, s.words) >= 1;
  for (const s of stated) {
    // a copy or spin restating its source's statement states the same fact, however it is worded
    // ("eliminating at the very least 38 individuals" for "killing at least 38 people")
    const source = s.article.derivedFrom;
    const ofSource = source ? (factsOf.get(source) ?? []).find((gi) => !articlesOf[gi].has(s.article.id) && groups[gi].some((m) => m.article.id === source && (sameFact(m, s, o) || spunQuote(m, s)))) : undefined;
    if (ofSource !== undefined) {
      place(ofSource, s);
      continue;
    }
    let best = -1;
    let bestScore = -1;
    for (const gi of index.candidates(s)) {
      const g = groups[gi];
      if ((articlesOf[gi].has(s.article.id) && !restated(g, s)) || !sameFact(g[0], s, o)) continue;
      // prefer the fact this statement agrees with ("two hours" joins "two hours", not "an hour")
      const score = (agrees(g, s, o) ? 2 : 0) + overlap(g[0].words, s.words);
      if (score > bestScore) {
        bestScore = score;
        best = gi;
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push([]);
      articlesOf.push(new Set());
      index.add(best, s);
    }
    place(best, s);
  }
  return groups;
}

/**
 * One article saying the same figure of a specific thing twice (a headline's "21,000 couriers" and
 * the body's): the restatement belongs to the fact the first statement made, so that other
 * outlets' figures meet both in one place. A second figure of a generic unit ("12 people") in one
 * article may count another thing, and stays apart.
 */
function restated(group: Stated[], s: Stated): boolean {
  const q = s.quantity;
  if (s.kind !== 'quantity' || !q || GENERIC_UNITS.has(q.unit)) return false;
  return group.some((g) => g.article.id === s.article.id && g.quantity?.unit === q.unit && g.quantity.value === q.value);
}

function conflictOf(group: Stated[], o: CompareOptions): Conflict | null {
  const kind = group[0].kind;
  const versions = new Map<string, Set<string>>();
  const add = (value: string, voice: string) => versions.set(value, (versions.get(value) ?? new Set()).add(voice));
  const conflict = (k: Conflict['kind']): Conflict | null =>
    versions.size > 1 ? { kind: k, versions: [...versions].map(([value, v]) => ({ value, voices: [...v] })) } : null;
  if (kind === 'event') {
    // reported as done by one outlet, as not done by another: the sharper disagreement, over any date
    if (group.some((s) => s.modality === 'negated') && group.some((s) => s.modality !== 'negated')) {
      for (const s of group) add(s.modality ?? 'asserted', s.voice);
      return conflict('polarity');
    }
    for (const s of group) {
      if (s.modality === 'negated') continue;
      const d = absoluteDate(s.value);
      if (d && d.length === 10) add(d, s.voice);
    }
    return conflict('date');
  }
  if (kind === 'quote') {
    // said by one, denied by another ("the minister said the operator ignored the warning" / "the
    // operator denied that it had ignored the warning"): who says which, whoever they are
    if (group.some((s) => s.modality === 'negated') && group.some((s) => s.modality !== 'negated')) {
      for (const s of group) add(`${s.modality === 'negated' ? 'denied' : 'said'} by ${s.value}`, s.voice);
      return conflict('polarity');
    }
    // only named speakers can contradict each other: "she" or "two ministers" is an attribution
    // the annotator could not resolve, not a different source
    for (const s of group) if (s.value && s.named) add(s.value, s.voice);
    // "Parcelio" and "Lotte Brink, a spokeswoman for Parcelio" are one source speaking
    const speakers = [...versions.keys()];
    const rolesOf = (name: string) => group.filter((s) => s.value === name).map((s) => s.roles ?? '').join('; ');
    const isOrg = (name: string) => rolesOf(name) === 'ORG';
    const speaksFor = (person: string, org: string) => isOrg(org) && !isOrg(person) && SPOKESPERSON.test(rolesOf(person));
    const compatible = (x: string, y: string) =>
      rolesOf(x).includes(y) || rolesOf(y).includes(x) || speaksFor(x, y) || speaksFor(y, x);
    if (speakers.every((x, i) => speakers.every((y, j) => j <= i || compatible(x, y)))) return null;
    return conflict('speaker');
  }
  // quantities: values that do not agree pairwise (approximate ones within tolerance)
  const qs = group.map((s) => s.quantity!);
  const disagree = qs.some((a, i) => qs.some((b, j) => j > i && !valuesAgree(a, b, o.approxTolerance)));
  if (!disagree) return null;
  for (const s of group) add(figureKey(s), s.voice);
  const found = conflict('value');
  return found && withTrend(found, group);
}

/** The version of the figure a statement gives: "about 12" and "12" are one. */
function figureKey(s: Stated): string {
  return (s.value ?? '?').replace(/^~/, '');
}

/** A verb of change right before a figure: "rose to 14", "has climbed to more than 3,400", "fell to two". */
const CHANGE_BEFORE_FIGURE = /\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|mounted|soared|reached|fell|fallen|dropped|declined)\s{1,3}(?:to\s{1,3})?(?:(?:at\s{1,3}least|more\s{1,3}than|nearly|almost|about|some)\s{1,3})?$/i;

/** A value conflict over an event's toll whose figures move with the reports' times gets its trend, versions in time order. */
function withTrend(found: Conflict, group: Stated[]): Conflict {
  // only a count of what an event did ("killed", "missing", "evacuated") is updated as it unfolds; a
  // rainfall, a fine or a price that two reports give differently is a disagreement whenever it was said
  if (!group.every((s) => s.quantity!.outcome)) return found;
  const timed = (s: Stated): TimedFigure => ({
    value: s.quantity!.value,
    publishedAt: s.article.publishedAt,
    copy: !!s.article.derivedFrom,
    statedAsChange: CHANGE_BEFORE_FIGURE.test(s.article.text.slice(Math.max(s.sentence.start, s.quantity!.start - 48), s.quantity!.start)),
  });
  const figures = group.map(timed);
  const trend = figureTrend(figures);
  if (!trend) return found;
  const versions = found.versions.map((v) => {
    const first = firstReported(figures.filter((_, i) => figureKey(group[i]) === v.value));
    return first ? { ...v, firstReported: first } : v;
  });
  versions.sort((a, b) => Date.parse(a.firstReported ?? '') - Date.parse(b.firstReported ?? ''));
  return { ...found, versions, trend };
}

/** The numbers a quotation names ("1,200" as "1200"). */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(/\d+(?:[.,]\d+)*/g)?.map((n) => n.replace(/,/g, '')) ?? []);
}

/** Two quotations name the same numbers, or one names none. */
function sameNumbers(x: Set<string>, y: Set<string>): boolean {
  if (!x.size || !y.size) return true;
  return x.size === y.size && [...x].every((n) => y.has(n));
}

/** Verbs that report words as denied rather than said. */
const DENIAL_CUE = /^(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|reject(?:s|ed|ing)?|disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|dismiss(?:es|ed|ing)?)$/i;

/** Roles that speak for an organisation: their words and the organisation's are one source. */
const SPOKESPERSON = /\b(spokes(?:person|man|woman)|representative|press officer|statement)\b/i;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
function isNamed(speaker: string): boolean {
  return /^\p{Lu}/u.test(speaker) && !PRONOUNS.has(speaker.toLowerCase()) && !/^\d/.test(speaker);
}

function claimLabel(group: Stated[]): string {
  const s = group[0];
  if (s.kind === 'quantity') return `${s.quantity!.text} — ${s.article.text.slice(s.sentence.start, s.sentence.end).trim()}`;
  if (s.kind === 'quote') return `“${s.label}” — ${s.value}`;
  return s.label;
}

function pickSummary(articles: ComparableArticle[], claims: Claim[], o: CompareOptions): SummarySentence[] {
  // A sentence is worth the confirmations behind the facts it states (outlets beyond the first),
  // and news puts the gist first: the lead sentence of each article gets 2, the next one 1.
  const byId = new Map(articles.map((a) => [a.id, a]));
  const score = new Map<string, { article: ComparableArticle; span: Span; score: number }>();
  const entry = (a: ComparableArticle, span: Span) => {
    const k = `${a.id}:${span.start}`;
    let cur = score.get(k);
    if (!cur) score.set(k, (cur = { article: a, span, score: 0 }));
    return cur;
  };
  // a copy's or spin's sentences are the original's at best ("eliminating at the very least 38
  // individuals"): the summary quotes originals when the story has any
  const copiesOnly = articles.every((x) => x.derivedFrom);
  const quotable = (a: ComparableArticle) => !a.derivedFrom || copiesOnly;
  for (const a of articles) if (quotable(a)) a.annotations.sentences.slice(0, 2).forEach((s, i) => (entry(a, s).score += 2 - i));
  for (const c of claims) {
    if (c.conflict) continue;
    for (const m of c.mentions) {
      const a = byId.get(m.article)!;
      if (quotable(a)) entry(a, m.sentence).score += Math.max(0, c.independent - 1);
    }
  }
  const ranked = [...score.values()].sort((x, y) => y.score - x.score || x.span.start - y.span.start);
  const picked: Array<{ article: ComparableArticle; span: Span; words: Set<string> }> = [];
  for (const r of ranked) {
    if (picked.length >= o.summarySentences) break;
    const text = r.article.text.slice(r.span.start, r.span.end);
    const words = contentWords(text);
    if (words.size < 4 || picked.some((p) => overlap(p.words, words) > 0.5)) continue; // redundant or a fragment
    picked.push({ article: r.article, span: r.span, words });
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  picked.sort((x, y) => order.get(x.article.id)! - order.get(y.article.id)! || x.span.start - y.span.start);
  return picked.map((p) => {
    // a lead's wire dateline ("VELMORA (Wire Daily) —") is not part of what the summary says
    let start = p.span.start;
    const sentence = p.article.text.slice(start, p.span.end);
    const dateline = parseDateline(sentence.trimStart());
    if (dateline) {
      start += sentence.length - sentence.trimStart().length + dateline.text.length;
      while (start < p.span.end && /\s/.test(p.article.text[start])) start++;
    }
    return { article: p.article.id, voice: voiceOf(p.article), text: p.article.text.slice(start, p.span.end).trim(), start, end: p.span.end };
  });
}

/** The claims as a reader takes them in: conflicts, then agreed facts by how many outlets report them. */
export interface ClaimSections {
  conflicts: Claim[];
  all: Claim[];
  some: Claim[];
  /** Facts only one outlet reports, per outlet, in the comparison's outlet order. */
  only: Array<{ voice: string; claims: Claim[] }>;
}

export function claimSections(cmp: StoryComparison): ClaimSections {
  const agreed = cmp.claims.filter((c) => !c.conflict);
  return {
    conflicts: cmp.claims.filter((c) => c.conflict),
    all: agreed.filter((c) => c.coverage === 'all'),
    some: agreed.filter((c) => c.coverage === 'some'),
    only: cmp.voices.map((v) => ({ voice: v.voice, claims: agreed.filter((c) => c.coverage === 'one' && c.voices[0] === v.voice) })),
  };
}

/** Compare the articles of one story. Articles are taken in the given order (oldest first is best). */
export function compareStory(articles: ComparableArticle[], options: Partial<CompareOptions> = {}): StoryComparison {
  const o = { ...DEFAULTS, ...options };
  const voiceArticles = new Map<string, { articles: string[]; independent: boolean }>();
  for (const a of articles) {
    const v = voiceArticles.get(voiceOf(a)) ?? { articles: [], independent: false };
    v.articles.push(a.id);
    if (!a.derivedFrom) v.independent = true;
    voiceArticles.set(voiceOf(a), v);
  }
  const voiceCount = voiceArticles.size;
  // one person spelled two ways by two outlets ("Zelenskyy", "Zelensky") is one party and one speaker
  const storyNames = corpusCanonicalNames(articles.map((a) => ({ articleId: a.id, clusters: a.annotations.clusters })));
  // Originals first: a fact is keyed and labelled by its first statement, and a copy's or spin's
  // wording ("eliminating at the very least 38 individuals") is the original's at best.
  const originalsFirst = [...articles.filter((a) => !a.derivedFrom), ...articles.filter((a) => a.derivedFrom)];
  const groups = groupFacts(
    originalsFirst.flatMap((a) => statedClaims(a, storyNames.get(a.id))),
    o,
  );
  const groupOf = new Map<Claim, Stated[]>();
  const claims: Claim[] = groups.map((g, i) => {
    const voices = [...new Set(g.map((s) => s.voice))];
    const independent = new Set(g.filter((s) => !s.article.derivedFrom).map((s) => s.voice)).size;
    const claim: Claim = {
      id: `c${i + 1}`,
      kind: g[0].kind,
      label: claimLabel(g),
      mentions: g.map((s) => ({
        article: s.article.id,
        voice: s.voice,
        sentence: s.sentence,
        sentenceText: s.article.text.slice(s.sentence.start, s.sentence.end).trim(),
        span: { start: s.span.start, end: s.span.end },
        value: s.value,
        ...(s.quantity ? { amount: { value: s.quantity.value, unit: s.quantity.unit, approx: s.quantity.approx, ...(s.quantity.outcome ? { outcome: s.quantity.outcome } : {}) } } : {}),
        ...(s.modality ? { modality: s.modality } : {}),
      })),
      voices,
      independent,
      coverage: voices.length === voiceCount && voiceCount > 1 ? 'all' : voices.length > 1 ? 'some' : 'one',
      conflict: conflictOf(g, o),
    };
    groupOf.set(claim, g);
    return claim;
  });
  // most widely reported first, conflicts on top of their rank (the sort is stable: ties keep text order)
  claims.sort((a, b) => b.voices.length - a.voices.length || Number(!!b.conflict) - Number(!!a.conflict));

  const timeline: TimelineEntry[] = [];
  for (const c of claims) {
    if (c.kind !== 'event') continue;
    // what did not happen has no place on a timeline; each date carries the outlets that give it,
    // in the words of the first of them ("[future]" marks a planned event)
    const byDate = new Map<string, Stated[]>();
    for (const s of groupOf.get(c)!) {
      const date = absoluteDate(s.value);
      if (!date || s.modality === 'negated') continue;
      byDate.set(date, [...(byDate.get(date) ?? []), s]);
    }
    for (const [date, said] of byDate) timeline.push({ date, label: said[0].label, voices: [...new Set(said.map((s) => s.voice))], claim: c.id });
  }
  // what a count says happened, on the day its sentence gives ("14 people killed" on Sunday): one
  // entry per date and figure, so outlets that disagree on the toll stand side by side
  for (const c of claims) {
    if (c.kind !== 'quantity') continue;
    const byDateAndValue = new Map<string, Stated[]>();
    for (const s of groupOf.get(c)!) {
      if (!s.when || s.historical) continue;
      // "at least 14" and "14" are one figure, as in a value conflict
      const key = `${s.when}\u0000${(s.value ?? '').replace(/^~/, '')}`;
      byDateAndValue.set(key, [...(byDateAndValue.get(key) ?? []), s]);
    }
    for (const [key, said] of byDateAndValue) {
      const [date, value] = key.split('\u0000');
      timeline.push({ date, label: `${value} ${said[0].quantity!.outcome}`, voices: [...new Set(said.map((s) => s.voice))], claim: c.id });
    }
  }
  timeline.sort((a, b) => a.date.localeCompare(b.date) || b.voices.length - a.voices.length);

  return {
    voices: [...voiceArticles].map(([voice, v]) => ({ voice, ...v })),
    claims,
    timeline,
    summary: pickSummary(articles, claims, o),
    counts: {
      claims: claims.length,
      all: claims.filter((c) => c.coverage === 'all').length,
      some: claims.filter((c) => c.coverage === 'some').length,
      one: claims.filter((c) => c.coverage === 'one').length,
      conflicts: claims.filter((c) => c.conflict).length,
    },
  };
}
