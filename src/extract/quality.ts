/**
 * Quality signals of a cleaned article (all scores in [0, 1], higher = worse). How each number is
 * computed, and what it means, is in docs/quality.md; keep the two in step.
 *
 * The garble signals look for the traces that scrapers, spinners and machine translation leave:
 *  - run-together words: a lower-case run glued to a capitalised sentence starter ("UkraineIn"),
 *    repaired by cleaning or still in the text;
 *  - broken sentence starts: a sentence (after ". " or at a paragraph start) that starts in lower
 *    case ("…Kim's war. nuclear weapons…", ". for their countries."), or a capitalised sentence
 *    starter in mid-sentence followed by a lower-case word ("on Wednesday The pact pledges");
 *  - spinner artefacts: spintax braces left in the text ("{that a}"); they flag the sentence only.
 */
import { caseDamage } from '../nlp/truecase.js';
import type { QualitySignals } from '../model.js';
import type { CleanResult } from './clean/index.js';
import { findRunTogether, letterTokenCounts } from './clean/repair.js';
import { FUNCTION_WORDS, MID_SENTENCE_STARTERS } from './clean/rules.js';
import { splitSentences } from './clean/sentences.js';

export { splitSentences };

export interface QualityInput {
  /** The text cleaning started from. */
  original: string;
  clean: CleanResult;
}

/** Garble score reaches 1 when this share of sentences shows a garble signal. */
export const GARBLE_SATURATION = 1 / 3;
/** Spam score added as soon as any keyword-spam line was removed: the page was seeded with spam. */
export const SPAM_PRESENCE = 0.15;
/** Weight of the removed-spam share of characters (a 10% spam tail alone scores 0.3 + presence). */
export const SPAM_SHARE_WEIGHT = 3;
/** A content word above this share of all words is the start of keyword-stuffing evidence… */
export const STUFFING_FROM = 0.04;
/** …which is full at this share. */
export const STUFFING_FULL = 0.12;
/** Documents shorter than this many words carry no stuffing evidence (a short text repeats its topic). */
const STUFFING_MIN_WORDS = 100;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const isLowerLetter = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * A sentence that starts with a lower-case word. Not: a brand ("iPhone", "eBay"), a URL, handle or
 * file name (a first token with . / @ or a digit).
 */
function startsLowerCase(sentence: string): boolean {
  let i = 0;
  while (i < sentence.length && '"\'\u201c\u2018([\u2014\u2013- '.includes(sentence[i])) i++;
  if (!isLowerLetter(sentence[i])) return false;
  let j = i;
  while (j < sentence.length && sentence[j] !== ' ') {
    const ch = sentence[j];
    if (j > i && ch !== ch.toLowerCase()) return false; // "iPhone", "eBay"
    if (ch === '.' && /[\p{L}\p{N}]/u.test(sentence[j + 1] ?? '')) return false; // "pic.twitter.com"
    if (ch === '/' || ch === '@' || (ch >= '0' && ch <= '9')) return false;
    j++;
  }
  return true;
}

/** Most words capitalised: a headline or a title of a work, where capitals mean nothing. */
function isTitleCase(words: string[]): boolean {
  let caps = 0;
  for (const w of words) if (w[0] !== undefined && w[0] !== w[0].toLowerCase()) caps++;
  return caps >= 0.6 * words.length;
}

/** "…on Wednesday The pact pledges…": a capitalised starter word in mid-sentence before a lower-case word. */
function midSentenceStarters(sentence: string): number {
  const words = sentence.split(' ');
  if (isTitleCase(words)) return 0;
  let n = 0;
  for (let k = 1; k < words.length - 1; k++) {
    if (!MID_SENTENCE_STARTERS.has(words[k])) continue;
    const prev = words[k - 1];
    const last = prev[prev.length - 1];
    // Punctuation before it (a colon, a dash, an opening quote) makes a capital legitimate.
    if (last === undefined || !/[\p{L}\p{N}]/u.test(last)) continue;
    if (isLowerLetter(words[k + 1][0])) n++;
  }
  return n;
}

/**
 * Spintax left in the text by an article spinner: "{that a}", "{big|large}". Braces round a few
 * words are not prose (code and templates do not reach article text).
 */
function hasSpinnerArtefact(sentence: string): boolean {
  // One pass: each "}" is checked against the nearest "{" before it.
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '{') open = i;
    else if (c === '}' && open >= 0) {
      const inside = sentence.slice(open + 1, i);
      if (inside.length > 0 && inside.length <= 40 && (inside.includes('|') || inside.includes(' '))) return true;
      open = -1;
    }
  }
  return false;
}

export interface GarbleCounts {
  sentences: number;
  flaggedSentences: number;
  runTogetherWords: number;
  brokenSentenceStarts: number;
}

export function garbleCounts(clean: CleanResult): GarbleCounts {
  const repaired = clean.repairs.filter((r) => r.kind === 'run-together');
  // Built on first use: content-word joins need the document's token counts as evidence.
  const counts = letterTokenCounts(clean.text);
  let flagged = 0;
  let sentences = 0;
  let broken = 0;
  let residualJoins = 0;
  let repairIndex = 0;
  let offset = 0;
  // a text typed without capitals opens every sentence in lower case: that is how it was typed, not
  // a sentence cut in two
  const caseless = caseDamage(clean.text) === 'caseless';
  for (const paragraph of clean.text.split('\n\n')) {
    let searchFrom = 0;
    const parts = splitSentences(paragraph);
    // A paragraph that is one unpunctuated line is a label, subhead or caption, not a sentence.
    if (parts.length === 1 && !/[.!?\u2026]["'\u201d\u2019)]*$/u.test(parts[0])) {
      offset += paragraph.length + 2;
      continue;
    }
    for (const sentence of parts) {
      sentences++;
      const at = offset + Math.max(0, paragraph.indexOf(sentence, searchFrom));
      searchFrom = at - offset + sentence.length;
      const b = (!caseless && startsLowerCase(sentence) ? 1 : 0) + midSentenceStarters(sentence);
      const joins = findRunTogether(sentence, counts, false, true).length;
      const spun = hasSpinnerArtefact(sentence);
      broken += b;
      residualJoins += joins;
      // A repair inside this sentence's span flags it too.
      while (repairIndex < repaired.length && repaired[repairIndex].at < at) repairIndex++;
      const repairedHere = repairIndex < repaired.length && repaired[repairIndex].at < at + sentence.length;
      if (b > 0 || joins > 0 || spun || repairedHere) flagged++;
    }
    offset += paragraph.length + 2;
  }
  return {
    sentences,
    flaggedSentences: flagged,
    runTogetherWords: repaired.length + residualJoins,
    brokenSentenceStarts: broken,
  };
}

/** Share of words taken by the most frequent content word, as stuffing evidence in [0, 1]. */
export function stuffingEvidence(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < STUFFING_MIN_WORDS) return 0;
  const freq = new Map<string, number>();
  let top = 0;
  for (const w of words) {
    if (w.length < 4 || FUNCTION_WORDS.has(w)) continue;
    const n = (freq.get(w) ?? 0) + 1;
    freq.set(w, n);
    if (n > top) top = n;
  }
  return clamp01((top / words.length - STUFFING_FROM) / (STUFFING_FULL - STUFFING_FROM));
}

export function qualitySignals(input: QualityInput): QualitySignals {
  const { clean } = input;
  const removedChars = clean.removals.reduce((n, r) => n + r.text.length, 0);
  const spamChars = clean.removals.filter((r) => r.reason === 'spam-keywords').reduce((n, r) => n + r.text.length, 0);
  const basis = Math.max(1, removedChars + clean.text.length, input.original.trim().length);
  const spamShare = spamChars / basis;
  const spamScore = clamp01((spamChars > 0 ? SPAM_PRESENCE : 0) + SPAM_SHARE_WEIGHT * spamShare + 0.5 * stuffingEvidence(clean.text));

  const g = garbleCounts(clean);
  const garbleScore = g.sentences === 0 ? 0 : clamp01(g.flaggedSentences / g.sentences / GARBLE_SATURATION);

  const text = clean.text;
  return {
    spamScore,
    garbleScore,
    removedShare: clamp01(removedChars / Math.max(1, removedChars + text.length)),
    chars: text.length,
    words: (text.match(/\S+/g) ?? []).length,
    paragraphs: text === '' ? 0 : text.split('\n\n').filter((p) => p.trim() !== '').length,
    runTogetherWords: g.runTogetherWords,
    brokenSentenceStarts: g.brokenSentenceStarts,
  };
}
