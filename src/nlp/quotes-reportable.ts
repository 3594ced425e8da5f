/**
 * Which quoted words are a quotation to report: enough words to be something someone said, or a
 * whole sentence (`isQuotation`); words shaped like a title ("Wild Rose", "The One I Love",
 * "Fargo") are none, whoever the paragraph quotes, and a few words nobody is said to have said are
 * a term or a scare quote (`isReportedQuote`).
 */
import type { Quote } from './types.js';
import { isCommonEnglishWord } from '../common-words.js';

/** Words a speakerless quotation needs at least, unless it is a sentence of its own. */
const MIN_UNATTRIBUTED_WORDS = 5;

/** Small words a title leaves in lower case ("War & Peace", "The One I Love", "Master of the House"). */
const TITLE_SMALL_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'or', 'from', '&']);

/** Enough words to be something someone said, or a whole sentence ("What's wrong with you?"). */
export function isQuotation(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
  return words >= MIN_UNATTRIBUTED_WORDS || (words >= 2 && /[.!?]["'”’]?$/.test(text.trim()) && /^[\p{Lu}"“‘']/u.test(text.trim()));
}

/**
 * Whether a found quote is a quotation to report: a few words in quotation marks that nobody is
 * said to have said are a term, a title or a scare quote ("financial health", "Hey, Siri", "Top 10
 * Companies"). They are still quoted words, which the event reader skips ("farm to table").
 */
export function isReportedQuote(q: Quote): boolean {
  if (q.direct && isTitleShaped(q.text)) return false;
  return !q.direct || !!q.speaker || isQuotation(q.text);
}

/**
 * Quoted words shaped like the title of a work or a name ("Fargo", "Wild Rose", "The One I Love",
 * "Caja Magica"): up to eight words, capitalised but for small words, no punctuation inside, and
 * more than one everyday word or a word that is none ("“No,”" and "“Please.”" stay quotations).
 * Such a quotation is a title, whoever the paragraph quotes, even after "wrote" or "called".
 */
function isTitleShaped(text: string): boolean {
  const t = text.trim().replace(/[,.]$/, '');
  if (!t || /[.!?;:"“”]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(words[0])) return false;
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w))) return false;
  return words.length > 1 ? words.filter((w) => !TITLE_SMALL_WORDS.has(w)).length >= 2 : !isCommonEnglishWord(t.toLowerCase());
}
