/**
 * Verb or noun? Without a parser, a dictionary word is read as a verb unless its neighbours make it
 * a noun or an adjective: a plural in -s after a lowercase non-agent word or before a finite verb
 * ("security forces", "Israeli tanks fired"), an -s word after a copula, a participle between an
 * adverb and a noun ("badly needed munitions"), a past participle modifying the object of an
 * already coded verb ("the curfew imposed in Sudan"). Also the forms of "be" and the auxiliaries
 * that make a participle a passive.
 */
import type { Token } from './tokens.js';
import { LEX } from './lexicons.js';
import { IRREGULAR_PAST } from './verb-forms.js';
import { countryStartingBefore } from './events-arguments.js';
import { FORMS } from './events-dictionary.js';
import type { EventDocument } from './events-document.js';
import { AUX, COPULAS, isAgentKey, isParticipleForm, PASSIVE_AUXILIARIES, PRONOUN_SUBJECTS } from './events-lexicon.js';

const VERB_AFTER_PLURAL = new Set(['have', 'had', 'were', 'are', 'will', 'would', 'could', 'continued', 'remained']);
const NAME_PREPOSITIONS = new Set(['to', 'of', 'for', 'on', 'against', 'with', 'from', 'by', 'into']);
const SUBJECT_LINKS = new Set(['and', 'or', 'who', 'which', 'that', 'also', 'it', 'he', 'she', 'one', 'each', 'either', 'neither']);
const RELATIVE_LINKS = new Set(['and', 'or', 'who', 'which', 'that', 'they', 'we']);
/** Words after which "adverb + participle + noun" is a noun phrase ("with badly needed munitions"). */
const ATTRIBUTIVE_OPENERS = new Set(['a', 'an', 'the', 'with', 'of', 'for', 'in', 'on', 'by', 'from', 'to', 'into', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'some', 'many', 'more', 'most', 'and', 'or']);

/**
 * A plural noun that looks like a verb in -s ("security forces", "emergency measures", "Israeli
 * tanks fired"): in news, whose verbs are mostly past tense, an -s form is a noun when a
 * lowercase non-agent word precedes it or a finite verb follows it.
 */
export function isPluralNoun(doc: EventDocument, v: number, start: number): boolean {
  const { tokens, mentionEnd } = doc;
  const key = tokens[v].key;
  if (!key.endsWith('s') || key.endsWith('ss') || LEX.speechVerbs.has(key)) return false;
  const next = tokens[v + 1];
  if (next && next.kind === 'word' && !next.cap && (VERB_AFTER_PLURAL.has(next.key) || IRREGULAR_PAST.has(next.key) || (next.key.endsWith('ed') && FORMS.has(next.key)))) return true;
  const prev = tokens[v - 1];
  if (!prev || v - 1 < start || prev.kind !== 'word' || prev.cap) {
    // "barriers to U.S. exports": a name after a preposition modifies the noun
    const m = mentionEnd.get(v - 1);
    const c = m ? m.tokStart : countryStartingBefore(doc, v - 1);
    return c > start && NAME_PREPOSITIONS.has(tokens[c - 1].key);
  }
  if (AUX.has(prev.key) || PRONOUN_SUBJECTS.has(prev.key) || (prev.key.endsWith('ly') && prev.key.length > 4)) return false;
  if (SUBJECT_LINKS.has(prev.key)) return false;
  return !isAgentKey(prev.key);
}

/** The token before v, skipping adverbs in -ly and "not": what the word at v follows. */
function beforeAdverbs(tokens: Token[], v: number, start: number): number {
  let k = v - 1;
  while (k >= start && tokens[k].kind === 'word' && !tokens[k].cap && (tokens[k].key === 'not' || (tokens[k].key.endsWith('ly') && tokens[k].key.length > 4))) k--;
  return k;
}

/** "men are fundamentally allies": an -s word after a copula is a predicate noun, never a verb. */
export function isPredicateNoun(tokens: Token[], v: number, start: number): boolean {
  const key = tokens[v].key;
  if (!key.endsWith('s') || key.endsWith('ss')) return false;
  const k = beforeAdverbs(tokens, v, start);
  return k >= start && COPULAS.has(tokens[k].key);
}

/**
 * "with badly needed munitions", "a hotly contested election": a participle between an adverb
 * and a noun, after a determiner or preposition, is an adjective. ("He strongly condemned the
 * attacks" keeps its verb: a subject, not a determiner, comes before the adverb.)
 */
export function isAttributiveParticiple(tokens: Token[], v: number, start: number): boolean {
  const key = tokens[v].key;
  if (!key.endsWith('ed') && !key.endsWith('en')) return false;
  const adverb = tokens[v - 1];
  if (!adverb || v - 1 < start || adverb.kind !== 'word' || adverb.cap || !adverb.key.endsWith('ly') || adverb.key.length <= 4) return false;
  const before = tokens[v - 2];
  const next = tokens[v + 1];
  if (!before || v - 2 < start || !next || next.kind !== 'word' || LEX.stopwords.has(next.key)) return false;
  return ATTRIBUTIVE_OPENERS.has(before.key);
}

/** "are not expected to be made public": being expected to do something is no event of its own. */
export function isExpectedTo(tokens: Token[], v: number, start: number): boolean {
  if (!/^expect(ed|s)?$/.test(tokens[v].key) || tokens[v + 1]?.key !== 'to') return false;
  const k = beforeAdverbs(tokens, v, start);
  return k >= start && COPULAS.has(tokens[k].key);
}

/**
 * A past participle modifying the noun before it ("the nightly curfew imposed in Sudan", "the
 * ceasefire agreement signed in March") after the sentence's main verb has been coded: no event
 * of its own. A participle after "and"/"or", an auxiliary or a pronoun is a verb.
 */
export function isReducedRelative(doc: EventDocument, v: number, si: number): boolean {
  const { tokens, events, timeTok } = doc;
  const key = tokens[v].key;
  if (!isParticipleForm(key)) return false;
  const prev = tokens[v - 1];
  if (!prev || prev.kind !== 'word' || prev.cap || AUX.has(prev.key) || PRONOUN_SUBJECTS.has(prev.key) || RELATIVE_LINKS.has(prev.key)) return false;
  if (prev.key.endsWith('ly') || isAgentKey(prev.key) || timeTok[v - 1]) return false;
  const last = events[events.length - 1];
  // the main verb is coded and the participle follows its object
  return !!last && last.sentence === si && last.trigger.end < prev.start;
}

/** "Palestinians", "Albanians" (a people, a noun) as opposed to "Swiss", "Japanese" (adjectives here). */
export function isPluralDemonym(tokens: Token[], k: number): boolean {
  const key = tokens[k].key;
  return key.endsWith('s') && !!LEX.demonyms.get(key.slice(0, -1));
}

/** A form of "be" right before token v, or before one -ly adverb there ("was quickly arrested", "is being held"). */
export function passiveAuxiliaryBefore(tokens: Token[], v: number): boolean {
  let k = v - 1;
  if (tokens[k]?.kind === 'word' && !tokens[k].cap && tokens[k].key.length > 4 && tokens[k].key.endsWith('ly')) k--;
  return PASSIVE_AUXILIARIES.has(tokens[k]?.key ?? '');
}

/** The first of the auxiliaries right before verb v ("have been" in "have been sent"), or v when none. */
export function auxiliariesStart(tokens: Token[], v: number, start: number): number {
  let k = v;
  while (k > start && tokens[k - 1].kind === 'word' && AUX.has(tokens[k - 1].key)) k--;
  return k;
}
