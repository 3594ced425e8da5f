/**
 * Capitalised words that name nothing: market codes and hyphened adjectives, title-case lines
 * (headings), stopwords and sentence openers before a name, product model names, everyday words
 * in capitals for emphasis or as labels, and acronyms the article defines by words that are no name.
 */
import { LEX } from './lexicons.js';
import { isCommonEnglishWord } from '../common-words.js';
import { COMPANY_FORMS, COMPOUND_FIRST_WORDS, CONNECTORS, MODEL_CODE, MODEL_TIERS, NAME_LEAD_WORDS, ORDINAL_WORDS, PINYIN_SYLLABLE, SECTION_WORDS, SENTENCE_END, SENTENCE_PUNCTUATION, STRESS_LEAD_WORDS } from './entities-words.js';
import type { EntityScan, Piece } from './entities-scan.js';

/** Marks (1) the tokens of title-case lines. */
export function titleCaseLines(scan: EntityScan): Uint8Array {
  const { tokens, keys } = scan;
  // Lines in title case ("Pros and Cons", "Best for One-Off Looks"): headings, whose capitals say
  // nothing about names
  const titleCaseLine = new Uint8Array(tokens.length);
  for (let a = 0; a < tokens.length; ) {
    let b = a + 1;
    while (b < tokens.length && !tokens[b].newlineBefore) b++;
    let words = 0;
    let lower = 0;
    for (let k = a; k < b; k++) {
      if (tokens[k].kind !== 'word') continue;
      words++;
      if (!tokens[k].cap && !LEX.stopwords.has(keys[k])) lower++;
    }
    if (words >= 2 && lower === 0 && !SENTENCE_END.has(tokens[b - 1].text)) titleCaseLine.fill(1, a, b);
    a = b;
  }
  return titleCaseLine;
}

/** Marks (1) the capitalised tokens that name nothing. */
export function notANameMarks(scan: EntityScan): Uint8Array {
  const { tokens } = scan;
  // Capitalised tokens that name nothing: market codes ("the Nasdaq Composite .IXIC", "Brent LCOc1",
  // "Sterling GBP=", "US10YT=RR") and an everyday word opening a hyphened adjective ("Long-dated
  // yields"; "Putin-led" and "Iran-backed" keep their names)
  const notAName = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const dotted = prev?.text === '.' && !t.spaceBefore && prev.spaceBefore;
    const quoted = next?.text === '=' && !next.spaceBefore;
    const afterEquals = prev?.text === '=' && !t.spaceBefore && !prev.spaceBefore && /^[A-Z0-9]+$/.test(tokens[k - 2]?.text ?? '');
    const contract = /^[A-Z]{2,}[a-z]{1,2}\d{1,2}$/.test(t.text);
    // ("Brent LCOc1": the word a contract code follows is the commodity it trades)
    const beforeContract = !!next && /^[A-Z]{2,}[a-z]{1,2}\d{1,2}$/.test(next.text);
    const hyphenedAdjective = COMPOUND_FIRST_WORDS.has(t.key) && next?.text === '-' && !next.spaceBefore && tokens[k + 2]?.kind === 'word' && !tokens[k + 2].cap && !tokens[k + 2].spaceBefore;
    if (dotted || quoted || afterEquals || contract || beforeContract || hyphenedAdjective) notAName[k] = 1;
  }
  return notAName;
}

/**
 * A stopword opening the run [a, b) that is not part of the name. A newspaper section's word
 * ("World", "Business", "News") is a label alone or before a separator, but the first word of a
 * longer name ("World Bank", "Business Insider", "News Corp", "Home Office").
 */
export function leadingStopword(scan: EntityScan, a: number, b: number): boolean {
  const { tokens, keys } = scan;
  if (chineseSurnameHe(scan, a, b)) return false;
  // "520 Third Street", "Fifth Avenue": an ordinal before a place's head word is the name's
  if (ORDINAL_WORDS.has(keys[a]) && b - a === 2 && LEX.keywords.place.has(keys[a + 1])) return false;
  // "First Lady Melania Trump", "First Minister Nicola Sturgeon": an ordinal that opens a title
  if (ORDINAL_WORDS.has(keys[a]) && (LEX.titles.longest(keys, a, b)?.[0] ?? 0) >= 2) return false;
  return LEX.stopwords.has(keys[a]) && !(SECTION_WORDS.has(keys[a]) && b - a >= 2 && tokens[a + 1]?.kind === 'word' && tokens[a + 1].cap);
}

/**
 * "economist He Fan said", "He Jianxiong, the former director, said": the surname He before a
 * given name. Inside a sentence a capitalised "He" is a name; opening one, only before a given
 * name spelled in pinyin ("He Later joined" is the pronoun).
 */
export function chineseSurnameHe(scan: EntityScan, a: number, b: number): boolean {
  const { tokens, startLike } = scan;
  return tokens[a].text === 'He' && b - a === 2 && (!startLike(a) || isPinyinGivenName(tokens[a + 1].text));
}

/** A given name of one or two pinyin syllables, capitalised once ("Jianxiong", "Fan"). */
function isPinyinGivenName(text: string): boolean {
  if (!/^[A-Z][a-z]{1,11}$/.test(text)) return false;
  const s = text.toLowerCase();
  if (PINYIN_SYLLABLE.test(s)) return true;
  for (let k = 1; k < s.length; k++) if (PINYIN_SYLLABLE.test(s.slice(0, k)) && PINYIN_SYLLABLE.test(s.slice(k))) return true;
  return false;
}

/**
 * A product's model name, which names no person, organisation or place: several words ending in
 * a tier ("Arlo Pro", "Ring Floodlight Cam Pro"), or holding a model code ("Razer DeathAdder V4",
 * "Niu Kqi3 Max"). Not "Peter Max": a given name and "Max" alone make a person.
 */
export function isModelName(scan: EntityScan, a: number, b: number): boolean {
  const { tokens, keys } = scan;
  if (b - a < 2) return false;
  const last = keys[b - 1];
  if (MODEL_TIERS.has(last) && !(last === 'max' && b - a === 2 && LEX.givenNames.has(tokens[a].text))) return true;
  // ("COVID19 Task Force": a code inside an organisation's name is the organisation's)
  if (LEX.keywords.org.has(last) || COMPANY_FORMS.has(last)) return false;
  for (let k = a; k < b; k++) if (MODEL_CODE.test(tokens[k].text) && /\p{Lu}/u.test(tokens[k].text)) return true;
  return false;
}

/** A word in capitals on a line of its own, or within three words of other everyday words in capitals. */
export function shoutedOrLabel(scan: EntityScan, k: number): boolean {
  const { tokens, sentOf } = scan;
  const next = tokens[k + 1];
  if ((k === 0 || tokens[k].newlineBefore) && (!next || next.newlineBefore)) return true;
  for (let q = Math.max(0, k - 3); q <= k + 3 && q < tokens.length; q++) {
    if (q === k || sentOf[q] !== sentOf[k]) continue;
    const t = tokens[q].text;
    if (t.length >= 2 && /^[A-Z]+$/.test(t) && isCommonEnglishWord(t)) return true;
  }
  return false;
}

/**
 * A capitalised word at k set in lower-case prose the way stress is: after a subject pronoun or
 * a modal ("I LOVE", "can VARY"), as a quantity ("a LOT of", "a TON,"), or written in capitals
 * only this once by an article that also writes it in lower case ("a FULL resource").
 */
export function stressedInProse(scan: EntityScan, k: number): boolean {
  const { tokens, keys, lowerSeen } = scan;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || !next || tokens[k].newlineBefore || next.newlineBefore) return false;
  const prevInProse = prev.text === 'I' || prev.kind === 'num' || (prev.kind === 'word' && !prev.cap);
  const nextInProse = (next.kind === 'word' && !next.cap) || SENTENCE_PUNCTUATION.has(next.text);
  if (!prevInProse || !nextInProse) return false;
  // "told TIME", "detained by ICE", "Lens, and CORE": where a name is met, not stress
  if (NAME_LEAD_WORDS.has(prev.key) || LEX.speechVerbs.has(prev.key)) return false;
  if (prev.text === 'I' || STRESS_LEAD_WORDS.has(prev.key)) return true;
  if ((prev.key === 'a' || prev.key === 'an') && (next.key === 'of' || SENTENCE_PUNCTUATION.has(next.text))) return true;
  return lowerSeen.has(keys[k]) && capitalsCount(scan, tokens[k].text) === 1;
}

/** How many tokens are written exactly `text` (counted once per article, on first use). */
function capitalsCount(scan: EntityScan, text: string): number {
  if (!scan.capitalsCounts) {
    const capitalsCounts = new Map<string, number>();
    for (const t of scan.tokens) if (t.kind === 'word' && t.text.length >= 3 && /^[A-Z]+$/.test(t.text)) capitalsCounts.set(t.text, (capitalsCounts.get(t.text) ?? 0) + 1);
    scan.capitalsCounts = capitalsCounts;
  }
  return scan.capitalsCounts.get(text) ?? 0;
}

/** Drops the one-word organisations that are acronyms of words that name nothing (acronymsDefinedAsNonNames). */
export function dropAcronymsOfNonNames(scan: EntityScan): void {
  const { tokens, pieces } = scan;
  // An acronym defined after words that are not a name ("large language models (LLMs)",
  // "Mindfulness-Based Stress Reduction (MBSR)", a method the article names) is no organisation.
  const acronymOrgs = pieces.filter((p) => p.type === 'ORG' && p.j - p.i === 1 && !p.lexicon);
  if (acronymOrgs.length) {
    const nonEntityAcronyms = acronymsDefinedAsNonNames(scan);
    for (const p of acronymOrgs) if (nonEntityAcronyms.has(tokens[p.i].text)) p.type = 'DROP';
  }
}

/** Acronyms whose spelled-out words right before them are lowercase or not an organisation or place. */
function acronymsDefinedAsNonNames(scan: EntityScan): Set<string> {
  const { tokens, pieces } = scan;
  const out = new Set<string>();
  const pieceAt = new Map<number, Piece>();
  for (const p of pieces) for (let k = p.i; k < p.j; k++) pieceAt.set(k, p);
  for (let k = 2; k + 1 < tokens.length; k++) {
    // "... (XYZ)" or "..., or XYZ,"
    const parenthesised = tokens[k - 1].text === '(' && tokens[k + 1].text === ')';
    const orComma = tokens[k - 1].key === 'or' && tokens[k - 2].text === ',' && (tokens[k + 1].text === ',' || tokens[k + 1].text === ')');
    if (!parenthesised && !orComma) continue;
    const acro = tokens[k].text.replace(/s$/, '');
    if (acro.length < 2 || acro.length > 6 || !/^[A-Z]+$/.test(acro)) continue;
    // the words before "(" or ", or", right to left, skipping hyphens and function words
    let q = parenthesised ? k - 2 : k - 3;
    let letter = acro.length - 1;
    let lower = false;
    const spanned: number[] = [];
    while (q >= 0 && letter >= 0 && k - q < 16) {
      const u = tokens[q];
      if (u.text === '-' || (u.kind === 'word' && !u.cap && (CONNECTORS.has(u.key) || u.key === 'and' || u.key === 'the'))) {
        q--;
        continue;
      }
      if (u.kind !== 'word' || u.text[0].toUpperCase() !== acro[letter]) break;
      if (!u.cap) lower = true;
      spanned.push(q);
      letter--;
      q--;
    }
    if (letter >= 0) continue; // not spelled out right before it
    const typed = spanned.some((t) => {
      const p = pieceAt.get(t);
      return !!p && (p.type === 'ORG' || p.type === 'PLACE');
    });
    if (lower || !typed) out.add(tokens[k].text);
  }
  return out;
}
