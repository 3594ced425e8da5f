/**
 * A linear, regex-free tokenizer. Tokens keep their [start, end) offsets into the text.
 * Words keep internal apostrophes ("N'Djamena") and abbreviation periods ("U.S.", "Gen.");
 * a possessive "'s" is its own token; hyphens and other punctuation are single-char tokens.
 */

import { foldDiacritics } from './fold.js';

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Lowercase form with curly apostrophes straightened: the key for lexicon lookups. */
  key: string;
  /** First character is an uppercase letter. */
  cap: boolean;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** A newline separates this token from the previous one (paragraph or line break). */
  newlineBefore: boolean;
}

/** Abbreviations whose period belongs to the word (never sentence-final on their own). */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sen', 'rep', 'st', 'jr', 'sr', 'prof', 'rev', 'maj', 'capt',
  'adm', 'sgt', 'gov', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'cmdr', 'brig', 'pres', 'atty', 'supt', 'det', 'insp',
  'approx', 'dept', 'univ', 'fig', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Abbreviations that can also end a sentence ("... in the U.S. The next ..."). */
export const SENTENCE_FINAL_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'etc', 'jr', 'sr']);

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c > 0xff && isUpperSlow(c));
}
function isUpperSlow(c: number): boolean {
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}
function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c > 0x24f && isLetterSlow(c))
  );
}
const LETTER_RE = /\p{L}|\p{M}/u;
function isLetterSlow(c: number): boolean {
  return LETTER_RE.test(String.fromCharCode(c));
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 12 || c === 11;
}
const APOS = 39; // '
const RSQUO = 0x2019; // ’
const PERIOD = 46;

function keyOfToken(t: string): string {
  const k = foldDiacritics(t.toLowerCase());
  return k.includes('\u2019') ? k.replace(/\u2019/g, "'") : k;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sawSpace = true;
  let sawNewline = true;
  const push = (start: number, end: number, kind: TokenKind) => {
    const t = text.slice(start, end);
    const c0 = text.charCodeAt(start);
    tokens.push({
      text: t,
      start,
      end,
      kind,
      key: keyOfToken(t),
      cap: isUpper(c0),
      spaceBefore: sawSpace,
      newlineBefore: sawNewline,
    });
    sawSpace = false;
    sawNewline = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      sawSpace = true;
      if (c === 10 || c === 13) sawNewline = true;
      i++;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetter(d) || isDigit(d)) {
          j++;
          continue;
        }
        // internal apostrophe: keep unless it starts a possessive 's / s' ending
        if ((d === APOS || d === RSQUO) && j + 1 < n && isLetter(text.charCodeAt(j + 1))) {
          const e = text.charCodeAt(j + 1);
          const after = j + 2 < n ? text.charCodeAt(j + 2) : 32;
          if ((e === 115 || e === 83) && !isLetter(after)) break; // 's
          j++;
          continue;
        }
        // initialisms: U.S. / U.N. / D.C. (single letters separated by periods)
        if (d === PERIOD && j + 1 < n && j - i === 1 && isLetter(text.charCodeAt(j + 1)) && (j + 2 >= n || text.charCodeAt(j + 2) === PERIOD)) {
          j += 2;
          while (j < n && text.charCodeAt(j) === PERIOD && j + 2 < n && isLetter(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === PERIOD) j += 2;
          if (j < n && text.charCodeAt(j) === PERIOD) j++;
          push(i, j, 'word');
          i = j;
          j = -1;
          break;
        }
        break;
      }
      if (j < 0) continue;
      // abbreviation or initial: take the period into the word
      if (j < n && text.charCodeAt(j) === PERIOD) {
        const w = text.slice(i, j).toLowerCase();
        if ((j - i === 1 && isUpper(c)) || ABBREVIATIONS.has(w)) j++;
      }
      push(i, j, 'word');
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if ((d === 44 || d === PERIOD || d === 58) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      // ordinals and units glued to numbers: 24th, 1990s, 5km
      while (j < n && isLetter(text.charCodeAt(j)) && j - i < 12) j++;
      push(i, j, 'num');
      i = j;
      continue;
    }
    // possessive 's / ’s as one token
    if ((c === APOS || c === RSQUO) && i + 1 < n) {
      const e = text.charCodeAt(i + 1);
      const after = i + 2 < n ? text.charCodeAt(i + 2) : 32;
      if ((e === 115 || e === 83) && !isLetter(after) && tokens.length && !sawSpace) {
        push(i, i + 2, 'word');
        i += 2;
        continue;
      }
    }
    // one punctuation char (… and the like included); surrogate pairs kept whole
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    push(i, i + width, 'punct');
    i += width;
  }
  return tokens;
}

/** Opening and closing quotation marks. */
/** Whether at least `n` word tokens are in `words` (by key); stops counting at `n`. */
export function hasListedWords(tokens: readonly Token[], words: ReadonlySet<string>, n: number): boolean {
  let count = 0;
  for (const t of tokens) if (t.kind === 'word' && words.has(t.key) && ++count >= n) return true;
  return false;
}

export const OPEN_QUOTES = new Set(['\u201c', '\u2018', '\u00ab', '\u201e', '"']);
export const CLOSE_QUOTES = new Set(['\u201d', '\u2019', '\u00bb', '"']);
