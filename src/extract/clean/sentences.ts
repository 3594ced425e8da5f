/**
 * A small sentence splitter for cleaning and quality signals (extract may not import nlp/, which
 * comes later in the pipeline).
 */
import { ABBREVIATIONS } from './rules.js';

const isLowerLetter = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * Sentences of one paragraph, split after . ! ? (and closing quotes) followed by a space, except
 * after abbreviations, initials ("J.") and dotted acronyms ("U.S."). Deliberately splits before a
 * lower-case word too: a lower-case start after a full stop is what we want to see.
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < paragraph.length && '"\'\u201d\u2019)'.includes(paragraph[j])) j++;
    if (paragraph[j] !== ' ') continue;
    if (c === '.' && isAbbreviationBefore(paragraph, i)) continue;
    // '"Really?" she asked.' — after ? and ! a lower-case word goes on with the same sentence.
    if (c !== '.' && isLowerLetter(paragraph[j + 1])) continue;
    out.push(paragraph.slice(start, j).trim());
    start = j + 1;
    i = j;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && text[s - 1] !== ' ') s--;
  const token = text.slice(s, dot).replace(/^[("'\u201c\u2018]+/, '');
  if (token.length === 1) return true; // initial: "J. Smith"
  if (token.includes('.')) return true; // "U.S", "a.m", "e.g"
  return ABBREVIATIONS.has(token.toLowerCase());
}
