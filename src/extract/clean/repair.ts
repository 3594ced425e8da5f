/**
 * Repairs inside kept paragraphs, each recorded as a Repair:
 *  - mojibake: UTF-8 read as Windows-1252 ("â€™" → "’"), from a fixed table of common sequences;
 *  - whitespace: a space before a comma or full stop ("Peskov , in" → "Peskov, in"), and a missing
 *    space after a sentence end ("said.The minister" → "said. The minister"), after a comma between
 *    words ("sharply,analysts") or after a closing double quote ("day”for");
 *  - run-together: a lost sentence or link boundary ("War in UkraineIn exchange" → "Ukraine. In").
 *
 * The run-together rule, dictionary-free: split X|Y inside a token only when
 *   1. X ends in a run of ≥ 3 lower-case letters (so "iPhone", "McDonald", "DeSantis", "MacArthur",
 *      "eBay" never qualify: their lower-case run before the capital is 1–2 letters);
 *   2. Y is a whole capitalised word from SENTENCE_STARTERS ("In", "The", "After"…) followed by a
 *      non-letter (so "PlayStation", "YouTube", "JavaScript" never qualify: Y is not a starter);
 *   3. the joined token is not a known camel-case name and occurs only once in the document
 *      (a name like "LinkedIn" is written the same way each time; a lost boundary is an accident);
 *   4. Y is a strong starter ("The", "However"…), or X also occurs on its own in the document
 *      ("Ukraine" elsewhere proves "UkraineIn" is Ukraine + In), or X is a word known to stand
 *      alone (a country, capital or demonym of data/lexicons/countries.txt, a weekday, a month);
 *   5. a lone "A" must be followed by a lower-case word ("PacificA new report").
 * A year or an acronym the document also writes alone, glued to a strong starter, is split too
 * ("in 2024The leaders", "NATOThe alliance").
 *
 * Lower-case joins ("his counterpartafter Kim") are split with an English dictionary (SCOWL, see
 * src/english-dictionary.ts) when all of these hold: the token is ≥ 8 ASCII lower-case letters, not
 * a dictionary word, written once in the document, and not part of an address, handle or file name;
 * it is a dictionary word of ≥ 4 letters and a function word (JOINABLE_FUNCTION_WORDS: "after",
 * "and", "the", "with" ...) in either order, in exactly one way; and the paragraph is English (most
 * of its lower-case words are common English words). The split inserts a space, not a full stop.
 */
import type { Repair } from '../../model.js';
import { CAMEL_CASE_NAMES, SENTENCE_STARTERS, STRONG_SENTENCE_STARTERS } from './rules.js';
import { knownStandaloneWords } from './known-words.js';
import { isLetter, isLower, isUpper } from './char-case.js';
import { isDictionaryWord } from '../../english-dictionary.js';
import { isCommonEnglishWord } from '../../common-words.js';

/** UTF-8 bytes decoded as Windows-1252, most common first. Applied only to the exact sequences. */
export const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [
  ['\u00e2\u20ac\u2122', '\u2019'], // ’
  ['\u00e2\u20ac\u02dc', '\u2018'], // ‘
  ['\u00e2\u20ac\u0153', '\u201c'], // “
  ['\u00e2\u20ac\u009d', '\u201d'], // ”
  ['\u00e2\u20ac\u201d', '\u2014'], // —
  ['\u00e2\u20ac\u201c', '\u2013'], // –
  ['\u00e2\u20ac\u00a6', '\u2026'], // …
  ['\u00c3\u00a9', '\u00e9'], // é
  ['\u00c3\u00a8', '\u00e8'], // è
  ['\u00c3\u00a1', '\u00e1'], // á
  ['\u00c3\u00b3', '\u00f3'], // ó
  ['\u00c3\u00ad', '\u00ed'], // í
  ['\u00c3\u00ba', '\u00fa'], // ú
  ['\u00c3\u00b1', '\u00f1'], // ñ
  ['\u00c3\u00a7', '\u00e7'], // ç
  ['\u00c3\u00a3', '\u00e3'], // ã
  ['\u00c3\u00bc', '\u00fc'], // ü
  ['\u00c3\u00b6', '\u00f6'], // ö
  ['\u00c3\u00a4', '\u00e4'], // ä
  ['\u00c3\u00a2', '\u00e2'], // â
  ['\u00c3\u00aa', '\u00ea'], // ê
  ['\u00c2\u00a0', ' '], // no-break space
];

/** How often a case-sensitive letter run occurs in the document (rules 3 and 4 above). */
export interface TokenCounts {
  get(token: string): number;
}

/**
 * Token counts of a whole document, built on the first question: most documents have no
 * candidate join at all, and counting every token is the costliest step of cleaning.
 */
export function letterTokenCounts(text: string): TokenCounts {
  let counts: Map<string, number> | null = null;
  return {
    get(token: string): number {
      if (counts === null) {
        const built = new Map<string, number>();
        for (const m of text.matchAll(/\p{L}+/gu)) built.set(m[0], (built.get(m[0]) ?? 0) + 1);
        counts = built;
      }
      return counts.get(token) ?? 0;
    },
  };
}

interface Edit {
  start: number;
  end: number;
  after: string;
  kind: Repair['kind'];
}

function mojibakeEdits(text: string): Edit[] {
  if (!text.includes('\u00e2\u20ac') && !text.includes('\u00c3') && !text.includes('\u00c2\u00a0')) return [];
  const edits: Edit[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\u00e2' || c === '\u00c3' || c === '\u00c2') {
      const hit = MOJIBAKE.find(([bad]) => text.startsWith(bad, i));
      if (hit) {
        edits.push({ start: i, end: i + hit[0].length, after: hit[1], kind: 'mojibake' });
        i += hit[0].length;
        continue;
      }
    }
    i++;
  }
  return edits;
}

const MAX_TOKEN = 64;

const OPENING_QUOTES = new Set(['\u201c', '\u2018', '"', '\u00ab']);

/**
 * The space-delimited token around offset i and i's place in it, looked for within MAX_TOKEN
 * characters each way: a longer "word" is no sentence join, and an unbounded scan would be
 * quadratic on a long run without spaces (null then).
 */
function tokenAround(text: string, i: number): { token: string; at: number } | null {
  let s = i;
  while (s > 0 && i - s < MAX_TOKEN && text[s - 1] !== ' ') s--;
  let e = i;
  while (e < text.length && e - i < MAX_TOKEN && text[e] !== ' ') e++;
  if (i - s >= MAX_TOKEN || e - i >= MAX_TOKEN) return null;
  return { token: text.slice(s, e), at: i - s };
}

function whitespaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = text.indexOf(' '); i > 0 && i < text.length - 1; i = text.indexOf(' ', i + 1)) {
    const punct = text[i + 1];
    if (punct !== ',' && punct !== '.') continue;
    const prev = text[i - 1];
    if (!isLetter(prev) && !/\d/.test(prev)) continue;
    const after = text[i + 2];
    // " ." must end a sentence, not start ".NET", ".com" or an ellipsis; " ," anything.
    if (punct === '.' && after !== undefined && after !== ' ') continue;
    edits.push({ start: i, end: i + 1, after: '', kind: 'whitespace' });
  }
  // A missing space after a character, one pass for three cases:
  //  - "said.The minister": two lower-case letters, . ! or ?, then a capitalised lower-case word. Not
  //    in a URL, e-mail or file name (a token with / or @), not after capitals ("U.S.The" is left
  //    alone); an opening quote may stand between ('quotas.“No one');
  //  - "sharply,analysts said": a comma between two lower-case words (digits as in "3,400" and
  //    anything inside a URL-like token are left alone);
  //  - '“historic day”for both': a closing double quote run into the next word.
  for (let i = 2; i < text.length - 2; i++) {
    const c = text[i];
    if (c === '.' || c === '!' || c === '?') {
      const k = OPENING_QUOTES.has(text[i + 1]) ? i + 2 : i + 1;
      if (!isLower(text[i - 1]) || !isLower(text[i - 2]) || !isUpper(text[k] ?? '') || !isLower(text[k + 1] ?? '')) continue;
      const around = tokenAround(text, i);
      // a URL, an address, "e.g.The", or a host name ("harbour.Example.org")
      if (!around || around.token.includes('/') || around.token.includes('@') || around.token.indexOf('.') < around.at ||
        /\.\p{L}/u.test(around.token.slice(around.at + 1))) continue;
    } else if (c === ',' || c === '\u201d') {
      if (c === ',' && (!isLower(text[i - 1]) || !isLower(text[i - 2]) || !isLower(text[i + 1]) || !isLower(text[i + 2]))) continue;
      if (c === '\u201d' && (!isLetter(text[i + 1]) || !(isLetter(text[i - 1]) || '.,!?'.includes(text[i - 1])))) continue;
      const around = tokenAround(text, i);
      if (!around || around.token.includes('/') || around.token.includes('@') || around.token.includes('=')) continue;
    } else continue;
    edits.push({ start: i + 1, end: i + 1, after: ' ', kind: 'whitespace' });
  }
  edits.sort((a, b) => a.start - b.start);
  return edits;
}

/**
 * Joins that pass the shape rules (1, 2, 5 above and the camel-case name table). With `evidence`,
 * rules 3 and 4 (document counts) must pass too: that is what repairs use. Without it, the result is
 * every suspicious join: what quality signals count as garble.
 */
export function findRunTogether(
  text: string,
  counts: TokenCounts,
  evidence: boolean,
  contentWords = false,
): Array<{ start: number; split: number; end: number }> {
  const found: Array<{ start: number; split: number; end: number }> = [];
  for (let i = 3; i < text.length; i++) {
    if (!isUpper(text[i]) || !isLower(text[i - 1]) || !isLower(text[i - 2]) || !isLower(text[i - 3])) continue;
    let end = i + 1;
    while (end < text.length && isLower(text[end])) end++;
    if (isLetter(text[end])) {
      // The capitalised part runs on ("PlayStation", "McDonaldsUSA"): not a join here; look again
      // from the next capital ("PlayStationThe" still splits before "The").
      i = end - 1;
      continue;
    }
    const right = text.slice(i, end);
    let start = i - 3;
    while (start > 0 && isLetter(text[start - 1])) start--;
    const left = text.slice(start, i);
    const joined = left + right;
    if (!SENTENCE_STARTERS.has(right)) {
      // Content-word joins ("LisbonOverseas Minister") are never repaired: without a dictionary they
      // cannot be told from names ("ExxonMobil"). Quality signals count them when both halves stand
      // alone elsewhere in the document (the left one capitalised) and the join occurs once.
      if (!contentWords || right.length < 3 || !isUpper(left[0])) continue;
      if (CAMEL_CASE_NAMES.has(joined.toLowerCase()) || counts.get(joined) > 1 || counts.get(left) < 1) continue;
      if (counts.get(right) + counts.get(right.toLowerCase()) < 1) continue;
      found.push({ start, split: i, end });
      i = end;
      continue;
    }
    if (CAMEL_CASE_NAMES.has(joined.toLowerCase())) continue;
    if (right === 'A' && !(text[end] === ' ' && isLower(text[end + 1] ?? ''))) continue;
    if (evidence) {
      if (counts.get(joined) > 1) continue;
      if (!STRONG_SENTENCE_STARTERS.has(right) && counts.get(left) < 1 && !knownStandaloneWords().has(left)) continue;
    }
    found.push({ start, split: i, end });
    i = end;
  }
  const others = [...yearOrAcronymJoins(text, counts, evidence)];
  if (others.length === 0) return found;
  return [...found, ...others].sort((a, b) => a.start - b.start);
}

/**
 * Joins whose left part is no lower-case run: a year ("in 2024The leaders") or an acronym the
 * document also writes on its own ("NATOThe alliance", with "NATO" elsewhere). The right part must
 * be a strong starter, as names glue acronyms to other words ("USAToday", "BBCOne").
 */
const YEAR_JOIN = /(?<![\p{L}\p{N}])(?:19|20)\d\d(?=[A-Z][a-z])/gu;
const ACRONYM_JOIN = /(?<![\p{L}\p{N}])[A-Z]{2,6}(?=[A-Z][a-z])/gu;
function* yearOrAcronymJoins(text: string, counts: TokenCounts, evidence: boolean): Generator<{ start: number; split: number; end: number }> {
  for (const [re, acronym] of [[YEAR_JOIN, false], [ACRONYM_JOIN, true]] as const) {
    for (const m of text.matchAll(re)) {
      const split = m.index + m[0].length;
      let end = split + 1;
      while (end < text.length && isLower(text[end])) end++;
      if (isLetter(text[end])) continue;
      const right = text.slice(split, end);
      if (!STRONG_SENTENCE_STARTERS.has(right)) continue;
      if (acronym && evidence && counts.get(m[0]) < 1) continue;
      if (evidence && counts.get(m[0] + right) > 1) continue;
      yield { start: m.index, split, end };
    }
  }
}

function runTogetherEdits(text: string, counts: TokenCounts): Edit[] {
  return findRunTogether(text, counts, true).map((j) => ({ start: j.split, end: j.split, after: '. ', kind: 'run-together' }));
}

/** Short words that a lost space glues to the word before or after them. */
const JOINABLE_FUNCTION_WORDS = new Set(['after', 'before', 'and', 'the', 'that', 'with', 'when', 'while', 'which', 'from', 'but', 'who', 'where', 'said', 'into', 'also']);

/** Share of a paragraph's lower-case words that must be common English before a dictionary split is tried. */
const ENGLISH_SHARE = 0.5;

function lowercaseJoinEdits(text: string, counts: TokenCounts): Edit[] {
  const edits: Edit[] = [];
  let english: boolean | null = null;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}@#/._-])[a-z]{8,40}(?![\p{L}\p{N}@/_-]|\.[a-z])/gu)) {
    const token = m[0];
    if (counts.get(token) > 1 || isDictionaryWord(token)) continue;
    const split = joinSplit(token);
    if (split < 0) continue;
    english ??= isEnglishParagraph(text);
    if (!english) break;
    edits.push({ start: m.index + split, end: m.index + split, after: ' ', kind: 'run-together' });
  }
  return edits;
}

/** Where a token splits into a dictionary word and a function word, when exactly one such split exists; else -1. */
function joinSplit(token: string): number {
  let found = -1;
  for (const fw of JOINABLE_FUNCTION_WORDS) {
    const candidates: number[] = [];
    if (token.endsWith(fw) && token.length - fw.length >= 4 && isDictionaryWord(token.slice(0, -fw.length))) candidates.push(token.length - fw.length);
    if (token.startsWith(fw) && token.length - fw.length >= 4 && isDictionaryWord(token.slice(fw.length))) candidates.push(fw.length);
    for (const c of candidates) {
      if (found >= 0 && found !== c) return -1;
      found = c;
    }
  }
  return found;
}

function isEnglishParagraph(text: string): boolean {
  let n = 0;
  let common = 0;
  for (const m of text.matchAll(/\b[a-z]{3,}\b/g)) {
    n++;
    if (isCommonEnglishWord(m[0])) common++;
  }
  return n >= 8 && common >= n * ENGLISH_SHARE;
}

/**
 * Apply all repairs to one paragraph. Returns the repaired text and repairs whose `at` is an offset
 * into the *repaired paragraph* (the caller adds the paragraph's offset in the clean text).
 * `before`/`after` show a little context so a user can read the repair.
 */
export function repairParagraph(text: string, counts: TokenCounts): { text: string; repairs: Repair[] } {
  let current = text;
  const repairs: Repair[] = [];
  for (const pass of [mojibakeEdits, whitespaceEdits, (t: string) => runTogetherEdits(t, counts), (t: string) => lowercaseJoinEdits(t, counts)]) {
    const edits = pass(current);
    if (edits.length === 0) continue;
    let out = '';
    let last = 0;
    const passRepairs: Repair[] = [];
    for (const e of edits) {
      out += current.slice(last, e.start);
      const wordStart = wordBoundaryBefore(current, e.start);
      const wordEnd = wordBoundaryAfter(current, e.end);
      const before = current.slice(wordStart, wordEnd);
      const at = out.length - (e.start - wordStart);
      out += e.after;
      last = e.end;
      const after = before.slice(0, e.start - wordStart) + e.after + before.slice(e.end - wordStart);
      passRepairs.push({ kind: e.kind, before, after, at });
    }
    out += current.slice(last);
    // Earlier passes' offsets shift with this pass's edits.
    shiftAll(repairs, edits);
    for (const r of passRepairs) repairs.push(r);
    current = out;
  }
  repairs.sort((a, b) => a.at - b.at);
  return { text: current, repairs };
}

/**
 * Move each repair's offset from the text before `edits` (sorted by start) to the text after them.
 * One merge walk over both sorted lists: linear, however many repairs a hostile paragraph yields.
 */
function shiftAll(repairs: Repair[], edits: Edit[]): void {
  repairs.sort((a, b) => a.at - b.at);
  let delta = 0;
  let j = 0;
  for (const r of repairs) {
    while (j < edits.length && edits[j].start < r.at) {
      delta += edits[j].after.length - (edits[j].end - edits[j].start);
      j++;
    }
    r.at += delta;
  }
}

function wordBoundaryBefore(text: string, i: number): number {
  let s = i;
  while (s > 0 && s > i - 40 && text[s - 1] !== ' ') s--;
  return s;
}

function wordBoundaryAfter(text: string, i: number): number {
  let e = i;
  while (e < text.length && e < i + 40 && text[e] !== ' ') e++;
  return e;
}
