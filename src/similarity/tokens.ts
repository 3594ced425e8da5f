/**
 * Word tokens with character offsets, a light stemmer and sentence numbers: what passage
 * alignment and story clustering compare. Offsets are UTF-16 indices into the original text
 * (not into a normalised copy), so passages point straight back into the article.
 */
import { fnv1a } from './hash.js';
import { isWordUnit } from './shingles.js';
import { restoreCase } from '../nlp/truecase.js';

export interface Tokens {
  /** Number of tokens. */
  length: number;
  /** [start, end) offsets of token i at 2i, 2i+1. */
  offsets: Uint32Array;
  /** Hash of the stemmed lower-case form of each token. */
  stems: Uint32Array;
  /** Sentence number of each token (0-based, increasing). */
  sentence: Uint32Array;
  /** True where the token is a function word (the, of, said, ...). */
  stop: Uint8Array;
  /**
   * True for key tokens: numbers, and capitalised words not opening a sentence (names, places).
   * Copies and spins keep them; two reports written from one template about different events
   * differ exactly there.
   */
  key: Uint8Array;
  /** True where the token starts with a digit. */
  digit: Uint8Array;
  /** Start token of each sentence, plus a final entry equal to `length`. */
  sentenceStarts: number[];
}

/** English function words: common enough that a phrase made only of them says nothing about reuse. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with about into over after before under between ' +
    'during without within through against among than as if then that this these those there here it its is are was ' +
    'were be been being am has have had having do does did will would shall should can could may might must not no ' +
    'he she they we you i me him her them us my his their our your who whom whose which what when where why how ' +
    'all any both each few more most other some such only own same too very just also s t said says say told up out ' +
    'off again further once new one two three mr mrs ms'
  ).split(' '),
);

/** Capitalised but not names: days and months say when, not who or where. */
const CALENDAR: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

/**
 * Stemming-lite: strips possessives and the commonest English inflections so "talks", "talked"
 * and "talking" meet, without a dictionary. Deliberately conservative: over-stemming merges
 * unrelated words, which costs precision in clustering.
 */
export function stemLite(w: string): string {
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  const n = w.length;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (n > 4 && (w.endsWith('sses') || w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes'))) return w.slice(0, -2);
  if (n > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  if (n > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (n > 4 && w.endsWith('ed') && !w.endsWith('eed')) return w.slice(0, -2);
  return w;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Longest sentence, in tokens, before a pseudo-sentence boundary is forced. */
export const MAX_SENTENCE_TOKENS = 80;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/**
 * Tokenise `text`: words are runs of letters/digits (an apostrophe inside a word is kept, so
 * "Kim's" is one token). A sentence ends at . ! ? followed by a space, or at a line break.
 * One linear pass.
 */
export function tokenize(text: string): Tokens {
  // key tokens are told by their capitals: a line set in capitals (a wire in capitals) would make
  // every word one, a text without capitals none, so capitals are read from the restored-case copy
  // (the same length; `text` itself when its case needs nothing)
  const cased = restoreCase(text);
  const offsets: number[] = [];
  const stems: number[] = [];
  const sentence: number[] = [];
  const stop: number[] = [];
  const key: number[] = [];
  const digit: number[] = [];
  const sentenceStarts: number[] = [0];
  let sent = 0;
  let pendingBoundary = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      if (c === 10 || (isSentenceEnd(c) && (i + 1 >= n || text.charCodeAt(i + 1) <= 32 || text.charCodeAt(i + 1) === 0x201d || text.charCodeAt(i + 1) === 34))) {
        pendingBoundary = true;
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordUnit(d)) j++;
      else if (isApostrophe(d) && j + 1 < n && isWordUnit(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    let opensSentence = offsets.length === 0;
    // Text without sentence ends (lists, scraped run-ons) is cut into pseudo-sentences, so that
    // sentence-level work stays bounded.
    const forced = !pendingBoundary && offsets.length / 2 - sentenceStarts[sentenceStarts.length - 1] >= MAX_SENTENCE_TOKENS;
    if ((pendingBoundary || forced) && offsets.length > 0) {
      sent++;
      sentenceStarts.push(offsets.length / 2);
      opensSentence = !forced;
    }
    pendingBoundary = false;
    const lower = text.slice(i, j).toLowerCase();
    const stem = stemLite(lower);
    offsets.push(i, j);
    stems.push(fnv1a(stem));
    sentence.push(sent);
    const isStop = STOPWORDS.has(stem) || STOPWORDS.has(lower);
    stop.push(isStop ? 1 : 0);
    digit.push(isDigit(c) ? 1 : 0);
    key.push(!isStop && !CALENDAR.has(lower) && (isDigit(c) || (!opensSentence && isUpper(cased.charCodeAt(i)))) ? 1 : 0);
    i = j;
  }
  const length = stems.length;
  sentenceStarts.push(length);
  return {
    length,
    offsets: Uint32Array.from(offsets),
    stems: Uint32Array.from(stems),
    sentence: Uint32Array.from(sentence),
    stop: Uint8Array.from(stop),
    key: Uint8Array.from(key),
    digit: Uint8Array.from(digit),
    sentenceStarts,
  };
}

/** Lower-cased, stemmed content words of a short text (a title): used by story clustering. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  const t = tokenize(text);
  for (let k = 0; k < t.length; k++) {
    if (t.stop[k]) continue;
    const w = stemLite(text.slice(t.offsets[2 * k], t.offsets[2 * k + 1]).toLowerCase());
    if (w.length > 1 || /\d/.test(w)) out.push(w);
  }
  return out;
}
