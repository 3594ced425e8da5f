/**
 * Text normalisation for hashing and hashed word k-shingles.
 *
 * Both work on the same normal form: NFKC (so full-width letters, ligatures and compatibility forms
 * compare equal), lower case, and every run of characters that is neither a letter nor a digit
 * collapsed to one space. Two texts that differ only in punctuation, quote style or spacing get the
 * same normal form, hence the same exact-duplicate hash and the same shingles.
 */
import { combine, fmix32, fnv1a } from './hash.js';

/** True for code units that belong to a word: letters and digits of any script (BMP), plus surrogates. */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // Surrogate halves: astral letters (rare in news) are kept rather than split mid-character.
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD_CHAR.test(String.fromCharCode(c));
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Calls `visit(s, start, end)` for each word of the normal form of `text` (NFKC, lowercase; punctuation and
 * whitespace separate words). Linear time: one pass over the string, no backtracking regex.
 */
function forEachWord(text: string, visit: (s: string, start: number, end: number) => void): void {
  const s = text.normalize('NFKC').toLowerCase();
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const inWord = i < s.length && isWordUnit(s.charCodeAt(i));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(s, start, i);
      start = -1;
    }
  }
}

/** Lowercase, NFKC, punctuation and whitespace runs collapsed to a single space, trimmed. */
export function normalizeForHash(text: string): string {
  const out: string[] = [];
  forEachWord(text, (s, start, end) => out.push(s.slice(start, end)));
  return out.join(' ');
}

/** Hash of each word of the normal form, in order. */
export function wordHashes(text: string): Uint32Array {
  const hashes: number[] = [];
  forEachWord(text, (s, start, end) => hashes.push(fnv1a(s, start, end)));
  return Uint32Array.from(hashes);
}

/**
 * Hashed word k-shingles of `text`, sorted and without repeats (a set, so exact Jaccard is a merge).
 * A text shorter than k words yields one shingle of all its words, so short texts still compare;
 * an empty text yields an empty array.
 */
export function wordShingles(text: string, k = 5): Uint32Array {
  return shinglesOfWordHashes(wordHashes(text), k);
}

export function shinglesOfWordHashes(words: Uint32Array, k = 5): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const width = Math.min(k, words.length);
  const count = words.length - width + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = width;
    for (let j = 0; j < width; j++) h = combine(h, words[i + j]);
    out[i] = fmix32(h);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.slice(0, n);
}

/** Exact Jaccard similarity of two sorted, repeat-free shingle sets. */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
