/**
 * What the words around a name say it is: a place after a preposition of place ("in Khan
 * Younis"), an organisation where a post is held ("a doctor at Beth Israel Lahey Health"), a unit
 * of a known organisation that employs people ("NBC Select"), a team's nickname in a sports story.
 */
import { LEX, MONTHS, WEEKDAYS } from './lexicons.js';
import { hasListedWords } from './tokens.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { EMPLOYER_POST_REACH, JOB_TITLE_HEADS, LOCATIVE_PREPS, ROMAN, SPORTS_TEXT_WORDS, STAFF_NOUNS, UNIT_POST_REACH } from './entities-words.js';
import { isNameToken, type EntityScan } from './entities-scan.js';

/** Whether the article is a sports story (EntityScan.sportsText), read once. */
function isSportsText(scan: EntityScan): boolean {
  return (scan.sportsText ??= hasListedWords(scan.tokens, SPORTS_TEXT_WORDS, 2));
}

/**
 * "in Khan Younis", "near Puerto Cabezas": a name of several words right after a preposition of
 * place, that starts with no everyday given name ("interest in Elon Musk") and owns nothing ("in
 * Kim Yo Jong's speech"). The gazetteer's given names are not asked: they hold place-like words.
 */
export function placeByPreposition(scan: EntityScan, a: number, b: number): boolean {
  const { tokens, keys, startLike } = scan;
  if (b - a < 2 || !LOCATIVE_PREPS.has(keys[a - 1] ?? '') || isCommonGivenName(tokens[a].text) || keys[b] === "'s" || tokens[b]?.text === '\u2019') return false;
  // "Frontiers in Human Neuroscience", "Spotlight on ...": a capitalised word before the preposition makes a title
  if (tokens[a - 2]?.cap && tokens[a - 2].kind === 'word' && !tokens[a - 1].cap && !startLike(a - 2)) return false;
  // "in AI CoEs", "in Bermuda BLE Trilateration": capitals inside are a product's or programme's
  for (let k = a; k < b; k++) if (tokens[k].text.length > 1 && /^[\p{Lu}\d]+$/u.test(tokens[k].text)) return false;
  // "in East African coffees", "in Part II": an adjective of origin or a numbered part
  const last = keys[b - 1].replace(/\.$/, '');
  return !LEX.demonyms.longest(keys, b - 1, b) && !ROMAN.has(last) && last !== 'i';
}

/**
 * Units of known organisations that the article shows employing people ("Google Cloud",
 * "NBC Select"), as token-key phrases: a known organisation, then one to three capitalised
 * everyday words (unitWordsAfter), seen at least once before a post or a staff noun ("NBC
 * Select reporter Zoe Malin", "the NBC Select team") or after "at" following a post ("product
 * manager of AI infrastructure at Google Cloud"). Employing people is what an organisation does
 * and a product does not: "the Nintendo Switch", "Google Maps" stay the company and a word.
 */
export function unitsThatEmploy(scan: EntityScan): Set<string> {
  const { tokens, keys } = scan;
  const units = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap) continue;
    const org = LEX.orgs.longest(keys, k);
    if (!org) continue;
    const e = k + org[0];
    const after = unitWordsAfter(scan, e);
    for (let b = e + 1; b <= e + after; b++) {
      const next = tokens[b];
      const postAfter = !!next && next.kind === 'word' && !next.cap && next.spaceBefore && (STAFF_NOUNS.has(next.key) || isPostAt(scan, b) || (tokens[b + 1]?.kind === 'word' && !tokens[b + 1].cap && JOB_TITLE_HEADS.has(keys[b + 1])));
      if (postAfter || (b === e + after && postBeforeAt(scan, k, UNIT_POST_REACH, false))) units.add(keys.slice(k, b).join(' '));
    }
    k = e - 1;
  }
  return units;
}

/** How many tokens from a, up to three, are capitalised everyday words that could name a unit (no names, titles, places, times). */
function unitWordsAfter(scan: EntityScan, a: number): number {
  const { tokens, keys, sentOf } = scan;
  let n = 0;
  while (n < 3 && a + n < tokens.length) {
    const t = tokens[a + n];
    if (t.kind !== 'word' || !t.cap || !t.spaceBefore || t.text === t.text.toUpperCase() || sentOf[a + n] !== sentOf[a]) break;
    if (!isCommonEnglishWord(t.key) || LEX.stopwords.has(t.key) || LEX.givenNames.has(t.text) || LEX.surnames.has(t.text) || isCommonGivenName(t.text)) break;
    if (LEX.titles.has(t.key) || LEX.keywords.drop.has(t.key) || LEX.keywords.place.has(t.key) || WEEKDAYS.has(t.key) || MONTHS.has(t.key) || LEX.places.longest(keys, a + n, a + n + 1) || LEX.orgs.longest(keys, a + n, a + n + 1)) break;
    n++;
  }
  return n;
}

/**
 * "… manager of AI infrastructure at <k>": "at" right before token k, with a post among the
 * `reach` tokens before "at" in the sentence. `strict` (a name read as the employer): "at" spaced
 * from the name, the post in lower case, no ";" or "." between.
 */
function postBeforeAt(scan: EntityScan, k: number, reach: number, strict: boolean): boolean {
  const { tokens, keys, sentOf } = scan;
  if (keys[k - 1] !== 'at' || (strict && !tokens[k].spaceBefore)) return false;
  for (let q = k - 2; q >= 0 && q >= k - 1 - reach && sentOf[q] === sentOf[k]; q--) {
    if (strict && (tokens[q].text === ';' || tokens[q].text === '.')) return false;
    if ((!strict || !tokens[q].cap) && isPostAt(scan, q)) return true;
  }
  return false;
}

/**
 * The name [a, b) is where a post is held ("… at Blue Origin"): it ends its run, and it is not a
 * given name and a surname ("the reporter looked at John Smith").
 */
export function employerOfName(scan: EntityScan, a: number, b: number): boolean {
  const { tokens } = scan;
  if (isNameToken(tokens[b]) || !postBeforeAt(scan, a, EMPLOYER_POST_REACH, true)) return false;
  return !((LEX.givenNames.has(tokens[a].text) || isCommonGivenName(tokens[a].text)) && (b - a === 1 || LEX.surnames.has(tokens[b - 1].text)));
}

/** A post at token q: a title ("reporter", "director") or a job's head word ("manager", "engineer"). */
function isPostAt(scan: EntityScan, q: number): boolean {
  const { tokens, keys } = scan;
  return tokens[q].kind === 'word' && (JOB_TITLE_HEADS.has(keys[q]) || !!LEX.titles.longest(keys, q));
}

/**
 * In a sports story, the rest of a run after a place is a team's nickname: one or two
 * capitalised everyday words ("Sabres", "Red Wings", "Red Sox"), no given name or surname
 * ("Paris Hilton", "Virginia Woolf"), no demonym, place or organisation head. After "the" a
 * surname is a nickname too ("the Minnesota Wild", "the Miami Heat"): no one's name takes the
 * article.
 */
export function teamNicknameAt(scan: EntityScan, a: number, b: number, afterThe: boolean): boolean {
  const { tokens, keys } = scan;
  if (b - a < 1 || b - a > 2 || !isSportsText(scan)) return false;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (!isNameToken(t) || !t.spaceBefore || t.text === t.text.toUpperCase()) return false;
    const singular = t.key.endsWith('s') ? t.key.slice(0, -1) : t.key;
    if (t.key.endsWith('ss') || !(isCommonEnglishWord(t.key) || isCommonEnglishWord(singular) || (k === b - 1 && t.key.endsWith('s') && t.key.length > 4))) return false;
    if (!afterThe && (LEX.givenNames.has(t.text) || LEX.surnames.has(t.text) || isCommonGivenName(t.text))) return false;
    if (t.key === 'area' || LEX.keywords.place.has(t.key) || LEX.keywords.org.has(t.key) || LEX.keywords.drop.has(t.key) || LEX.demonyms.longest(keys, k, k + 1) || LEX.places.longest(keys, k, k + 1) || LEX.titles.has(t.key)) return false;
  }
  return true;
}
