/**
 * Candidate runs: capitalised tokens joined into one name across name connectors ("Center for
 * European Policy Analysis", "Bashar al-Assad", "Moon Jae-in"), "and" inside a body's name ("Food
 * and Drug Administration") and a listed organisation's possessive ("People's Daily").
 */
import { LEX, MONTHS, WEEKDAYS } from './lexicons.js';
import type { Token } from './tokens.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { singularGuess } from './verb-forms.js';
import { BODY_HEADS, CHAMBERS, COMPLEMENT_HEADS, CONNECTORS, NAME_PARTICLES, ON_SUBJECT_HEADS } from './entities-words.js';
import { arabicArticleAt, isGivenNameSyllable, isNameToken, type EntityScan } from './entities-scan.js';
import { notANameMarks } from './entities-filters.js';

/** The runs [i, j) of the article, in text order. */
export function findRuns(scan: EntityScan): [number, number][] {
  const { tokens, keys, sentOf } = scan;
  const notAName = notANameMarks(scan);
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isNameToken(t) || notAName[i]) {
      i++;
      continue;
    }
    // a weekday or a month opening a run is a time expression, not a name
    if (WEEKDAYS.has(t.key) || (MONTHS.has(t.key) && !isNameToken(tokens[i - 1]))) {
      i++;
      continue;
    }
    let j = i + 1;
    let afterConnector = false;
    while (j < tokens.length) {
      const u = tokens[j];
      if (sentOf[j] !== sentOf[i]) break;
      // "Center for Mediterranean and Atlantic Studies": "and" inside a name after "for"/"of"
      // ("American Federation of Teachers and Thomas Kennedy" are two names: a given name starts the second)
      if (afterConnector && (u.key === 'and' || u.text === '&') && isNameToken(tokens[j + 1]) && isNameToken(tokens[j + 2]) && sentOf[j + 1] === sentOf[i] && !LEX.givenNames.has(tokens[j + 1].text)) {
        j += 1;
        continue;
      }
      // "Center for Disease Control and Prevention", "Ministry of Agriculture and Forestry": one
      // everyday noun after "and" ends the name, after another everyday noun (not "Bank of England
      // and Treasury", nor a given name or surname: "... of Fame and Smith said")
      if (afterConnector && u.key === 'and' && isNameToken(tokens[j + 1]) && !isNameToken(tokens[j + 2]) && !CONNECTORS.has(tokens[j + 2]?.key ?? '') && sentOf[j + 1] === sentOf[i] && isCommonEnglishWord(tokens[j + 1].key) && isCommonEnglishWord(keys[j - 1]) && !LEX.places.has(keys[j - 1]) && !LEX.givenNames.has(tokens[j + 1].text) && !LEX.surnames.has(tokens[j + 1].text) && !isCommonGivenName(tokens[j + 1].text)) {
        j += 2;
        break;
      }
      if (isNameToken(u) && !notAName[j] && u.spaceBefore && !WEEKDAYS.has(u.key) && !(MONTHS.has(u.key) && tokens[j + 1]?.kind === 'num')) {
        j++;
        continue;
      }
      // "Food and Drug Administration", "Disaster and Emergency Management Authority": a public
      // body named for two subjects
      if (u.key === 'and' && !afterConnector && subjectsOfBodyJoinedAt(scan, i, j)) {
        j++;
        continue;
      }
      if (u.text === '-' && !u.spaceBefore && isNameToken(tokens[j + 1]) && !tokens[j + 1].spaceBefore) {
        j += 2;
        continue;
      }
      // "People's Daily", "McDonald's": a listed organisation's name goes on past its possessive
      if (u.key === "'s" && listedNameCrosses(scan, i, j)) {
        j++;
        continue;
      }
      // "Moon Jae-in", "Kim Yo-jong", "Min-jun Park": a Korean given name's second syllable is written
      // in lower case after the hyphen; within a name of two words or more ("Putin-led", "New
      // York-based" are compounds)
      if (u.text === '-' && !u.spaceBefore && isGivenNameSyllable(tokens[j + 1]) && (j - 1 > i || isNameToken(tokens[j + 2]))) {
        j += 2;
        continue;
      }
      // "Bashar al-Assad", "Ayman al-Zawahiri": the Arabic article hyphened to the surname
      if (!u.cap && arabicArticleAt(scan, j) && isNameToken(tokens[j + 2]) && !tokens[j + 2].spaceBefore && sentOf[j + 2] === sentOf[i]) {
        j += 3;
        continue;
      }
      // "Council on Foreign Relations", "Business Group on Health": a body named for its subject
      // ("the Senate on Tuesday" is a time, "the Arts Center on Peachtree Street" a place)
      const onSubject = u.key === 'on' && ON_SUBJECT_HEADS.has(keys[j - 1]) && !WEEKDAYS.has(tokens[j + 1]?.key ?? '') && !MONTHS.has(tokens[j + 1]?.key ?? '') && !namesPlaceAfter(scan, j + 1);
      if (u.kind === 'word' && !u.cap && (CONNECTORS.has(u.key) || onSubject) && u.spaceBefore && (NAME_PARTICLES.has(u.key) || COMPLEMENT_HEADS.has(keys[j - 1]) || LEX.keywords.org.has(keys[j - 1]))) {
        let k = j + 1;
        if (tokens[k]?.key === 'the') k++;
        if (isNameToken(tokens[k]) && sentOf[k] === sentOf[i]) {
          j = k + 1;
          if (!NAME_PARTICLES.has(u.key)) afterConnector = true;
          continue;
        }
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/**
 * True when the run [i, j) stops at "and" (token j) before the rest of a public body's name:
 * the run's last word is an everyday noun ("Food", "Securities", "Disaster"), no place, people's
 * name or known organisation, and one to four capitalised words after "and" end with a body's
 * head ("Drug Administration", "Exchange Commission"). A two-word run must open with a place or
 * a chamber ("U.S. Fish and Wildlife Service", "House Energy and Commerce Committee"), so that
 * "President Trump and Energy Department" stays two names.
 */
function subjectsOfBodyJoinedAt(scan: EntityScan, start: number, j: number): boolean {
  const { tokens, keys, sentOf } = scan;
  const x = tokens[j - 1];
  // a sentence's capitalised "The" is no part of the run
  const i = keys[start] === 'the' ? start + 1 : start;
  // after "the" a word that is also a surname is the subject too ("the Rock and Roll Hall of
  // Fame"): no one's name takes the article
  const afterThe = i > 0 && keys[i - 1] === 'the';
  if (j - i > 2 || j <= i || (!x.spaceBefore && j - 1 > i)) return false;
  if (j - i === 2 && !(LEX.places.longest(keys, i, i + 1) || LEX.demonyms.longest(keys, i, i + 1) || CHAMBERS.has(keys[i]) || isSubjectWord(tokens[i], afterThe))) return false;
  if (!isSubjectWord(x, afterThe) || LEX.places.longest(keys, j - 1, j) || LEX.demonyms.longest(keys, j - 1, j) || LEX.orgs.longest(keys, j - 1, j)) return false;
  if (LEX.givenNames.has(tokens[j + 1]?.text ?? '') || LEX.places.longest(keys, j + 1, j + 2)) return false;
  for (let k = j + 1; k <= j + 4; k++) {
    const t = tokens[k];
    if (!isNameToken(t) || !t.spaceBefore || sentOf[k] !== sentOf[i]) return false;
    if (BODY_HEADS.has(keys[k])) return k > j + 1;
  }
  return false;
}

/** An everyday word written with a capital, as the subjects in a body's name are ("Occupational Safety"). */
function isSubjectWord(t: Token, surnameToo = false): boolean {
  if (/^[A-Z]+$/.test(t.text) || LEX.givenNames.has(t.text) || (LEX.surnames.has(t.text) && !surnameToo) || LEX.titles.has(t.key)) return false;
  return isCommonEnglishWord(t.key) || isCommonEnglishWord(singularGuess(t.key));
}

/** Whether a listed organisation's name starting inside tokens[i, j) runs past token j (listed names are short: the last 8 tokens are asked). */
function listedNameCrosses(scan: EntityScan, i: number, j: number): boolean {
  const { keys } = scan;
  for (let k = Math.max(i, j - 8); k < j; k++) {
    const hit = LEX.orgs.longest(keys, k);
    if (hit && k + hit[0] > j) return true;
  }
  return false;
}

/** Whether the capitalised words from k end in a place head word ("Peachtree Street"). */
function namesPlaceAfter(scan: EntityScan, k: number): boolean {
  const { tokens, keys } = scan;
  let last = -1;
  for (let q = k; q < tokens.length && q < k + 5 && isNameToken(tokens[q]); q++) last = q;
  return last >= 0 && LEX.keywords.place.has(keys[last]);
}
