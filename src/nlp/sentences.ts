/**
 * Sentence boundaries over tokens. A sentence ends at . ! ? … (plus any closing quotes or
 * brackets) when the next token starts a sentence (uppercase, digit, opening quote), and always
 * at a line break (paragraphs, headlines, list items). Abbreviations (Mr., Gen.) and initials
 * never end a sentence; initialisms (U.S.) end one only before a typical sentence opener.
 * Text without sentence punctuation (a table dump, a keyword list, a spun copy) is cut into
 * pieces of at most MAX_SENTENCE_TOKENS, because the annotators look back over the sentence from
 * each word: an unbounded sentence would make them quadratic in the length of the text.
 */
import type { Span } from './types.js';
import { ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS, type Token } from './tokens.js';
import { LEX } from './lexicons.js';

const TERMINALS = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['\u201d', '\u2019', '"', "'", ')', ']', '\u00bb']);
const OPENERS = new Set(['\u201c', '\u2018', '"', "'", '(', '[', '\u00ab']);
/** Words that typically open a sentence: evidence that an initialism before them ended one. */
const OPENER_WORDS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'there', 'but',
  'and', 'in', 'on', 'at', 'for', 'as', 'after', 'before', 'when', 'while', 'his', 'her', 'their', 'its', 'our',
  'meanwhile', 'however', 'earlier', 'later', 'officials', 'some', 'many', 'both',
]);

/**
 * Longer than any sentence in our corpora (over 160,000 sentences of news text, the longest is
 * 605 tokens, the 99.9th percentile 79), short enough that the annotators' look-backs stay cheap.
 */
export const MAX_SENTENCE_TOKENS = 1000;
/** Where an overlong run is cut: at the last comma, semicolon or colon in its final tenth, else at the limit. */
const SOFT_BREAKS = new Set([',', ';', ':']);

export interface Sentence extends Span {
  /** Token index range [first, last) of the sentence. */
  tokStart: number;
  tokEnd: number;
}

/** Words in -ly that are no adverbs: nouns and adjectives that may end a subject ("the family said", "the weekly reported"). */
const LY_NOT_ADVERBS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'monopoly', 'anomaly', 'belly', 'bully', 'jelly', 'lily', 'folly', 'reply', 'daily', 'weekly', 'monthly', 'quarterly', 'early', 'elderly', 'likely', 'only', 'holy', 'italy']);
/** "Ana Ruiz quietly said", "Brooke tearfully asked": a manner adverb between a speaker and the verb. */
export function isMannerAdverb(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.cap && t.key.length > 4 && t.key.endsWith('ly') && !LY_NOT_ADVERBS.has(t.key);
}

/** Capitalised words (a name, at most four) then a verb of speech, from token k: "Trump tweeted". */
function speakerCueAt(tokens: Token[], k: number): boolean {
  for (let n = 0; n < 4; n++) {
    const t = tokens[k + n];
    if (n > 0 && t?.text === ',') return cueAfterAppositive(tokens, k + n);
    if (!t || t.kind !== 'word' || (n > 0 && t.newlineBefore)) return false;
    // ("Brooke tearfully asked": a manner adverb before the verb)
    if (n > 0 && !t.cap) return LEX.speechVerbs.has(t.key) || (isMannerAdverb(t) && tokens[k + n + 1]?.kind === 'word' && LEX.speechVerbs.has(tokens[k + n + 1].key));
    if (!t.cap) return false;
  }
  return false;
}

/** "“Why now?” Ana Ruiz, the former director, asked": an appositive between commas, then a verb of speech. */
function cueAfterAppositive(tokens: Token[], comma: number): boolean {
  for (let k = comma + 1; k < tokens.length && k <= comma + 20; k++) {
    const t = tokens[k];
    if (t.newlineBefore || (t.kind === 'punct' && TERMINALS.has(t.text))) return false;
    if (t.kind === 'word' && !t.cap && LEX.speechVerbs.has(t.key)) return tokens[k - 1].text === ',';
  }
  return false;
}

export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const push = (from: number, to: number) => out.push({ start: tokens[from].start, end: tokens[to - 1].end, tokStart: from, tokEnd: to });
  const close = (endTok: number) => {
    while (endTok - first > MAX_SENTENCE_TOKENS) {
      let cut = first + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > first + MAX_SENTENCE_TOKENS * 0.9; k--) {
        if (tokens[k].kind === 'punct' && SOFT_BREAKS.has(tokens[k].text)) {
          cut = k + 1;
          break;
        }
      }
      push(first, cut);
      first = cut;
    }
    if (endTok > first) push(first, endTok);
    first = endTok;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first && t.newlineBefore) {
      close(i);
    }
    const isTerminal = t.kind === 'punct' && TERMINALS.has(t.text);
    const isAbbrevEnd = t.kind === 'word' && t.text.endsWith('.') && t.text.length > 1;
    if (!isTerminal && !isAbbrevEnd) continue;
    // absorb repeated terminals and closing quotes/brackets
    let j = i + 1;
    while (j < tokens.length && !tokens[j].spaceBefore && tokens[j].kind === 'punct' && (TERMINALS.has(tokens[j].text) || CLOSERS.has(tokens[j].text))) j++;
    const next = tokens[j];
    if (!next) continue;
    if (next.newlineBefore) continue; // the newline rule closes it
    if (!next.spaceBefore) continue; // "3.5", "U.S.-led"
    const startsSentence = next.cap || next.kind === 'num' || (next.kind === 'punct' && OPENERS.has(next.text));
    if (!startsSentence) continue;
    // "“Get out!” Trump tweeted", "“Why now?” Ana Ruiz asked": the name and verb of speech after an
    // exclaimed or asked quotation finish its sentence
    if ((t.text === '!' || t.text === '?') && j > i + 1 && CLOSERS.has(tokens[j - 1].text) && speakerCueAt(tokens, j)) continue;
    if (isAbbrevEnd) {
      const w = t.key.slice(0, -1);
      const initialism = w.includes('.');
      if (ABBREVIATIONS.has(w) && !SENTENCE_FINAL_ABBREVIATIONS.has(w)) continue;
      if (w.length === 1 && !initialism) {
        // a lone initial ("George W. Bush") unless it is clearly a sentence start after it
        if (!OPENER_WORDS.has(next.key)) continue;
      }
      if (initialism && !OPENER_WORDS.has(next.key)) continue;
      if (SENTENCE_FINAL_ABBREVIATIONS.has(w) && !OPENER_WORDS.has(next.key)) continue;
    }
    close(j);
    i = j - 1;
  }
  close(tokens.length);
  return out;
}
