/**
 * Case restoration. Case is most of what tells the entity reader a name from a word, so a line
 * set in capitals ("KIM ARRIVED IN MOSCOW ON TUESDAY", an old wire feed, a shouted lead) reads as
 * one long name, and a text typed all in lower case (a transcript, a post) reads as no name at
 * all. Such lines, and such texts, are read through a copy in the case English prose would give
 * them; the copy has the same length, so every offset found in it is an offset into the text.
 *
 * A word takes the form it most often has in running text in the middle of a sentence, learnt by
 * `scripts/build-truecase.ts` from English article texts in `../shared/bench` and shipped as
 * `data/lexicons/truecase.txt` (a word's usual form, and word pairs whose forms differ from
 * their words' usual ones: "white house" → "White House"); a word the model never met is lower
 * case when the dictionary has it and a name when it does not ("zelensky" → "Zelensky"; a short
 * one an acronym: "utc" → "UTC", "nhs" → "NHS"); a country's name is always capitalised. A
 * sentence's first word is capitalised, so are "I" and initials ("u.s." → "U.S.").
 */
import { isDictionaryWord } from '../english-dictionary.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { foldDiacritics } from './fold.js';
import { NAME_PARTICLES } from './entities-words.js';
import { ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS } from './tokens.js';
import { lexiconLines } from '../lexicon-files.js';

/** A word of a line: letters, with apostrophes inside ("don't", "o'neill", "putin's"). */
export interface CaseWord {
  start: number;
  end: number;
  /** The word in lower case, with ’ written ' (the model's key). */
  key: string;
  /** First word of a sentence: its capital says nothing of the word. */
  initial: boolean;
}

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** Characters between a sentence's end (or the line's start) and its first word. */
const OPENERS = new Set([' ', '\t', '"', '“', '‘', "'", '(', '[', '«', '-', '–', '—', '•', '*', '·']);

/**
 * The words of one line (no line breaks inside) with whether each opens a sentence: the line's
 * first word, and the first after ., ! or ? (past closing quotes and brackets).
 */
export function caseWords(line: string): CaseWord[] {
  const out: CaseWord[] = [];
  for (const m of line.matchAll(WORD)) {
    const start = m.index;
    const key = m[0].toLowerCase().replace(/’/g, "'");
    const previous = out[out.length - 1];
    const initial = previous ? endsSentence(line, previous, start, key) : [...line.slice(0, start)].every((c) => OPENERS.has(c) || /\p{N}|\p{P}/u.test(c));
    out.push({ start, end: start + m[0].length, key, initial });
  }
  return out;
}

/** True when the characters between two words close a sentence ("word. Next", "word?” Next"). */
function endsSentence(line: string, previous: CaseWord, to: number, nextKey: string): boolean {
  if (line[previous.end] === '.') {
    // "u.s. officials", "j. k. rowling": a stop after one letter closes an initial, not a sentence;
    // "Mr." and "Gen." never end one, "Inc." ends one unless the sentence goes on ("Inc. and")
    if (previous.end - previous.start === 1) return false;
    if (ABBREVIATIONS.has(previous.key) && (!SENTENCE_FINAL_ABBREVIATIONS.has(previous.key) || CONTINUING.has(nextKey))) return false;
  }
  return SENTENCE_GAP.test(line.slice(previous.end, to));
}
/** Words that go on with a sentence after "Inc." or "Corp.". */
const CONTINUING = new Set(['and', 'or', 'said', 'says', 'in', 'of', 'to', 'on', 'for', 'with', 'at', 'from', 'by', 'is', 'was', 'has', 'had', 'will', 'which', 'who', 'that', 'shares']);
/** A stop, closing quotes and brackets, a space, and whatever opens the next sentence. */
const SENTENCE_GAP = /^[^.!?]*[.!?]+["'”’)\]]*\s[\s"'“‘([\-–—]*$/;

/** The model: a word's usual form (when not plain lower case), and pairs that differ. */
interface CaseModel {
  words: Map<string, string>;
  pairs: Map<string, [string, string]>;
  countries: Set<string>;
  /** Titles in lower case, of one word and of several ("minister", "prime minister"). */
  titles: Set<string>;
  /** Words no surname is: demonyms ("moroccan") and verbs of speech ("said", which is also a given name). */
  notSurnames: Set<string>;
  /** Names of several words the lexicons list, by their words' keys: "amnesty international" → its forms. */
  phrases: Map<string, string[]>;
  /** Longest listed name, in words. */
  longestPhrase: number;
  /** Head words of place names, lower case ("river", "street", "county"). */
  placeHeads: Set<string>;
  /** Given names and surnames of the actor lists, lower case: a short one is no acronym ("vaz", "ali"). */
  nameWords: Set<string>;
}

let model: CaseModel | null = null;

/** Loaded on first use: most texts have their case and never need it. */
function caseModel(): CaseModel {
  if (model) return model;
  const words = new Map<string, string>();
  const pairs = new Map<string, [string, string]>();
  for (const line of lexiconLines('truecase.txt')) {
    const [key, form] = line.split('\t');
    if (!form) continue;
    if (key.includes(' ')) {
      const [a, b] = form.split(' ');
      pairs.set(key, [a, b]);
    } else words.set(key, form);
  }
  const countries = new Set<string>();
  const notSurnames = new Set<string>();
  for (const line of lexiconLines('countries.txt')) {
    const [name, , demonyms] = line.split('|');
    // one-word names only: a word of a longer name ("united", "republic") is an everyday word
    if (name && !name.includes(' ')) countries.add(name.toLowerCase());
    for (const d of (demonyms ?? '').split(',')) if (d.trim()) notSurnames.add(d.trim().toLowerCase());
  }
  for (const line of lexiconLines('speech-verbs.txt')) {
    // "say | says, said, saying [| inflected]"
    const [base, forms] = line.split('|');
    for (const w of [base, ...(forms ?? '').split(',')]) if (w.trim()) notSurnames.add(w.trim().toLowerCase());
  }
  const titles = new Set(lexiconLines('titles.txt').map((l) => l.toLowerCase()));
  const phrases = new Map<string, string[]>();
  let longestPhrase = 0;
  for (const { file, aliases: withAliases, derived } of PHRASE_FILES) {
    for (const line of lexiconLines(file)) {
      const [name, , aliases] = line.split('|');
      for (const phrase of [name, ...(withAliases ? (aliases ?? '').split(',') : [])]) {
        const written = phrase.trim();
        const ws = caseWords(written);
        // a name in one word is the model's or the dictionary's to judge ("Time", "Fortune");
        // one written all in capitals or all in lower case in the list tells nothing of its case
        if (ws.length < 2 || ws.length > MAX_PHRASE_WORDS || !/\p{Lu}/u.test(phrase) || !/\p{Ll}/u.test(phrase)) continue;
        // the derived gazetteer also lists descriptions in everyday words ("Human Rights Organization"):
        // from there, a name needs a word no dictionary has
        if (derived && ws.every((w) => SMALL_WORDS.has(w.key) || isDictionaryWord(w.key) || isInflectedWord(w.key))) continue;
        const key = ws.map((w) => w.key).join(' ');
        // the derived lists write some small words in capitals ("Liberation Tigers OF Tamil Eelam")
        // and its words in capitals ("Home Depot INC"): a word the model knows takes its capitalised form
        const forms = ws.map((w, i) => {
          if (i > 0 && SMALL_WORDS.has(w.key)) return w.key;
          const known = derived ? words.get(w.key) : undefined;
          return known ? capitalised(known) : written.slice(w.start, w.end).replace(/’/g, "'");
        });
        if (!phrases.has(key)) phrases.set(key, forms);
        longestPhrase = Math.max(longestPhrase, ws.length);
      }
    }
  }
  const placeHeads = new Set<string>();
  for (const line of lexiconLines('entity-keywords.txt')) {
    const [kind, list] = line.split('|');
    if (kind === 'place') for (const w of (list ?? '').split(',')) if (w.trim() && !w.includes(' ')) placeHeads.add(w.trim());
  }
  const nameWords = new Set<string>();
  for (const file of ['given-names.txt', 'surnames.txt']) for (const line of lexiconLines(file)) nameWords.add(line.toLowerCase());
  model = { words, pairs, countries, titles, notSurnames, phrases, longestPhrase, placeHeads, nameWords };
  return model;
}

/**
 * Lexicons whose names of several words keep their case: organisations, companies, places.
 * `aliases`: the third field lists other names; `derived`: the PETRARCH2-derived gazetteer, whose
 * case and choice of entries are less to be trusted than those of the lists written by hand.
 */
const PHRASE_FILES: { file: string; aliases: boolean; derived: boolean }[] = [
  { file: 'organizations.txt', aliases: true, derived: false },
  { file: 'companies.txt', aliases: true, derived: false },
  { file: 'organizations-gazetteer.txt', aliases: false, derived: true },
  { file: 'regions.txt', aliases: false, derived: false },
  { file: 'places.txt', aliases: false, derived: false },
  { file: 'subdivisions.txt', aliases: false, derived: false },
  { file: 'countries.txt', aliases: false, derived: false },
];
const MAX_PHRASE_WORDS = 8;

const VOWEL = /[aeiouy]/;

/** The form a word takes in running text, from the model, else the dictionary, else as a name. */
function usualForm(key: string, m: CaseModel): string {
  const known = m.words.get(key);
  if (known) return known;
  // "das", "von", "bin": lower case inside a name, and no acronym
  if (NAME_PARTICLES.has(key)) return key;
  if (m.countries.has(key)) return capitalised(key);
  const apostrophe = key.indexOf("'");
  if (apostrophe > 0) {
    // a possessive is its owner's: "putin's" as "putin"
    if (key.endsWith("'s") && apostrophe === key.length - 2) return usualForm(key.slice(0, -2), m) + "'s";
    if (isDictionaryWord(key)) return key;
    // "o'neill", "d'angelo": an Irish or Italian name's particle and the name
    if (apostrophe === 1) return key[0].toUpperCase() + "'" + capitalised(key.slice(2));
    return key;
  }
  if (isDictionaryWord(key) || isInflectedWord(key)) return key;
  // a short word no dictionary or name list has is an acronym ("utc", "nhs"), a longer one a name
  if ((key.length <= 3 && !isCommonGivenName(key) && !m.nameWords.has(key)) || (key.length <= 4 && !VOWEL.test(key))) return key.toUpperCase();
  return capitalised(key);
}

/**
 * An inflection of a dictionary word the dictionary does not list ("speeded", "tweeting"): a word,
 * not a name. Suffixes are tried with the stem as is, with an "e" back ("caused") and with a doubled
 * consonant undone ("shipped").
 */
function isInflectedWord(key: string): boolean {
  for (const [suffix, ...backs] of INFLECTIONS) {
    if (!key.endsWith(suffix) || key.length - suffix.length < 3) continue;
    const stem = key.slice(0, -suffix.length);
    if (backs.some((b) => isDictionaryWord(stem + b))) return true;
    if (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && isDictionaryWord(stem.slice(0, -1))) return true;
  }
  return false;
}
// verb forms only: the dictionary lists plurals, and a surname can look like one ("Curts")
const INFLECTIONS: string[][] = [
  ['ied', 'y'], ['ies', 'y'], ['ed', '', 'e'], ['ing', '', 'e'],
];

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Forms for the words of one line: usual forms, then pairs, sentence starts, "I", initials. */
function lineForms(line: string, words: CaseWord[], m: CaseModel): string[] {
  const forms = words.map((w) => usualForm(w.key, m));
  /** Words whose form a pair or a listed name gave: the head-word rules leave them be. */
  const fixed = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    // only words a space apart are a pair ("white house", not "white, house")
    if (line.slice(words[i].end, words[i + 1].start) !== ' ') continue;
    const pair = m.pairs.get(`${words[i].key} ${words[i + 1].key}`);
    if (!pair) continue;
    forms[i] = pair[0];
    forms[i + 1] = pair[1];
    fixed.add(i).add(i + 1);
  }
  applyListedNames(line, words, forms, m, fixed);
  capitalisePlaceHeads(line, words, forms, m, fixed);
  capitaliseGivenNames(line, words, forms, m);
  capitaliseTitlesBeforeNames(line, words, forms, m);
  capitaliseInstitutions(line, words, forms, m, fixed);
  capitaliseDefinedAcronyms(line, words, forms);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.key === 'i') forms[i] = 'I';
    // "may 2024", "march 5": a month before its day or year
    else if (MONTHS.has(w.key) && /^ \d/.test(line.slice(w.end, w.end + 2))) forms[i] = capitalised(w.key);
    // "US officials", "three US soldiers": news opens with the country, not the pronoun
    else if (w.key === 'us' && (w.initial || (i > 0 && NUMBER_WORDS.has(words[i - 1].key)))) forms[i] = 'US';
    else if (w.end - w.start === 1 && line[w.end] === '.') forms[i] = w.key.toUpperCase();
    else if (w.initial) forms[i] = capitalised(forms[i]);
  }
  return forms;
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen', 'dozens', 'hundreds', 'thousands', 'several', 'many', 'some', 'more', 'most', 'all']);

/** Names the lexicons list, in their case ("Amnesty International", "Revolutionary United Front"): the longest first. */
function applyListedNames(line: string, words: CaseWord[], forms: string[], m: CaseModel, fixed: Set<number>): void {
  for (let i = 0; i < words.length; i++) {
    let key = words[i].key;
    let found: string[] | undefined;
    let length = 0;
    for (let n = 2; n <= m.longestPhrase && i + n <= words.length; n++) {
      if (!/^[ -]$/.test(line.slice(words[i + n - 2].end, words[i + n - 1].start))) break;
      key += ` ${words[i + n - 1].key}`;
      const phrase = m.phrases.get(key);
      if (phrase) {
        found = phrase;
        length = n;
      }
    }
    if (!found) continue;
    // "The Atlantic", "The Hague": prose writes the article in lower case ("in the Atlantic"), and
    // a capital there makes a magazine of an ocean
    for (let k = 0; k < length; k++) {
      forms[i + k] = k === 0 && words[i].key === 'the' ? 'the' : found[k];
      fixed.add(i + k);
    }
    i += length - 1;
  }
}

/**
 * An acronym defined in the text ("nigerian union of teachers (nut)", "asia-pacific economic
 * cooperation (apec)"): a word in parentheses spelled by the initials of the words before it, small
 * words skipped, is the acronym of a name, and those words are the name.
 */
function capitaliseDefinedAcronyms(line: string, words: CaseWord[], forms: string[]): void {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const letters = w.key;
    if (letters.length < 2 || letters.length > 8 || line[w.start - 1] !== '(' || line[w.end] !== ')') continue;
    // the name's words, back from the parenthesis; small words inside it are skipped
    const name: number[] = [];
    let k = i - 1;
    for (; k >= 0 && name.length < letters.length; k--) {
      if (SMALL_WORDS.has(words[k].key) && name.length) continue;
      name.unshift(k);
    }
    if (name.length !== letters.length || name.some((j, n) => words[j].key[0] !== letters[n])) continue;
    forms[i] = letters.toUpperCase();
    for (let j = name[0]; j < i; j++) forms[j] = SMALL_WORDS.has(words[j].key) ? words[j].key : capitalised(words[j].key);
  }
}
/** Small words inside names: lower case there, and no initial of an acronym. */
const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'des', 'du', 'la', 'et', 'to']);

/**
 * An institution's name: its head after a name ("Kellogg school" → "Kellogg School", "Brown
 * University"), and the field after a capitalised head and "of" or "for" ("Department of Justice",
 * "School of Management", "Center for Mindfulness & Human Potential"): up to three words, through
 * "and", up to a name ("University of Chicago") or a plural ("of Teachers"), and never past a
 * function word, a verb of speech or a participle ("the Ministry of Defence announced").
 */
function capitaliseInstitutions(line: string, words: CaseWord[], forms: string[], m: CaseModel, fixed: Set<number>): void {
  for (let i = 0; i < words.length; i++) {
    if (!INSTITUTION_HEADS.has(words[i].key)) continue;
    const field = capitaliseField(line, words, forms, m, i);
    if (fixed.has(i)) continue;
    const afterName = i > 0 && spaced(line, words[i - 1], words[i]) && isCapitalised(forms[i - 1]) && !words[i - 1].initial && !SMALL_WORDS.has(words[i - 1].key) && !m.notSurnames.has(words[i - 1].key);
    // "the ministry said", "the government council": a head alone is a common noun
    forms[i] = field || afterName ? capitalised(words[i].key) : words[i].key;
  }
}

/** The field after an institution's head and "of" or "for", capitalised; whether there was one. */
function capitaliseField(line: string, words: CaseWord[], forms: string[], m: CaseModel, head: number): boolean {
  if (head + 2 >= words.length) return false;
  const joiner = words[head + 1].key;
  if ((joiner !== 'of' && joiner !== 'for') || !spaced(line, words[head], words[head + 1])) return false;
  let taken = 0;
  for (let k = head + 2; k < words.length && taken < 3; k++) {
    const gap = line.slice(words[k - 1].end, words[k].start);
    if (gap !== ' ' && !(gap === ' & ' && taken > 0)) break;
    const key = words[k].key;
    if (key === 'and' && taken > 0) continue;
    if (SMALL_WORDS.has(key) || FUNCTION_WORDS.has(key) || m.notSurnames.has(key) || /(?:ed|ing)$/.test(key)) break;
    taken++;
    if (isCapitalised(forms[k])) break;
    forms[k] = capitalised(forms[k]);
    // a plural ends a field's name ("of Teachers", "for Human Services")
    if (/[^isu]s$/.test(key)) break;
  }
  return taken > 0;
}
const FUNCTION_WORDS = new Set([
  'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must',
  'do', 'does', 'did', 'at', 'by', 'from', 'with', 'as', 'that', 'this', 'these', 'those', 'which', 'who', 'it', 'its', 'he', 'she', 'they',
  'his', 'her', 'their', 'not', 'or', 'but', 'if', 'than', 'also', 'now', 'years', 'year',
]);
const INSTITUTION_HEADS = new Set([
  'department', 'ministry', 'school', 'university', 'college', 'institute', 'center', 'centre', 'federation', 'association', 'academy',
  'bureau', 'commission', 'council', 'society', 'museum', 'foundation', 'league', 'union', 'organization', 'organisation', 'agency', 'committee',
]);

/**
 * A place's head word ("river", "street", "county") is capitalised in a name only: after one ("the
 * Hudson River", "Orange County"; not after a demonym, and never "village", "province", "region"…)
 * or before one ("River Thames"); elsewhere "the river rose".
 */
function capitalisePlaceHeads(line: string, words: CaseWord[], forms: string[], m: CaseModel, fixed: Set<number>): void {
  for (let i = 0; i < words.length; i++) {
    if (!m.placeHeads.has(words[i].key) || fixed.has(i)) continue;
    const after =
      i > 0 && !DESCRIPTIVE_PLACE_HEADS.has(words[i].key) && spaced(line, words[i - 1], words[i]) && isCapitalised(forms[i - 1]) && !words[i - 1].initial && !SMALL_WORDS.has(words[i - 1].key) && !m.notSurnames.has(words[i - 1].key);
    const before = i + 1 < words.length && spaced(line, words[i], words[i + 1]) && isCapitalised(forms[i + 1]) && !MONTHS.has(words[i + 1].key);
    forms[i] = after || before ? capitalised(words[i].key) : words[i].key;
  }
}

/** Heads news writes in lower case after a name ("Sindh province", "Kherson region") and after a demonym ("the Syrian border"). */
const DESCRIPTIVE_PLACE_HEADS = new Set([
  'village', 'district', 'province', 'region', 'state', 'town', 'border', 'capital', 'base', 'coast', 'territory', 'governorate', 'municipality',
  'prefecture', 'oblast', 'raion', 'krai', 'tehsil', 'taluka', 'taluk', 'upazila', 'voivodeship',
]);

/** Two words one space apart: a name's words, a title and its name. */
function spaced(line: string, a: CaseWord, b: CaseWord): boolean {
  return line.slice(a.end, b.start) === ' ';
}

function isCapitalised(form: string): boolean {
  return /^\p{Lu}/u.test(form);
}

/**
 * A given name that is also a word ("mark", "ana", "rose") is a name before a name ("Mark
 * Zuckerberg"), and a surname that is also a word, one no everyday text uses, is a name after a
 * given name ("Tomás Leal"; not "Mary fondly", "Kim said"). Verbs of speech and demonyms are
 * neither ("said Moroccan officials").
 */
function capitaliseGivenNames(line: string, words: CaseWord[], forms: string[], m: CaseModel): void {
  for (let i = 0; i + 1 < words.length; i++) {
    if (!spaced(line, words[i], words[i + 1]) || m.notSurnames.has(words[i].key) || m.notSurnames.has(words[i + 1].key)) continue;
    const givenName = isCommonGivenName(foldDiacritics(words[i].key));
    if (!givenName) continue;
    // "Helena VAZ": an unknown short word after a given name is a surname, not an acronym
    if (isCapitalised(forms[i]) && !m.words.has(words[i + 1].key) && forms[i + 1].length <= 3 && forms[i + 1] === words[i + 1].key.toUpperCase()) forms[i + 1] = capitalised(words[i + 1].key);
    if (!isCapitalised(forms[i]) && isCapitalised(forms[i + 1])) forms[i] = capitalised(forms[i]);
    else if (isCapitalised(forms[i]) && !isCapitalised(forms[i + 1]) && isSurnameWord(words[i + 1].key)) forms[i + 1] = capitalised(forms[i + 1]);
  }
}

/** A dictionary word that may be a surname: no everyday word, no adverb or verb form. */
function isSurnameWord(key: string): boolean {
  return key.length >= 3 && !isCommonEnglishWord(key) && !/(?:ly|ed|ing)$/.test(key);
}

/**
 * A title is written in lower case ("the minister said") but capitalised before a name ("Foreign
 * Minister Sergei Lavrov"), whatever its usual form: news capitalises it there and the entity
 * reader takes a capitalised title for part of the name's run, not for a name of its own.
 */
function capitaliseTitlesBeforeNames(line: string, words: CaseWord[], forms: string[], m: CaseModel): void {
  for (let i = 0; i < words.length; i++) {
    if (!m.titles.has(words[i].key)) continue;
    const beforeName = i + 1 < words.length && spaced(line, words[i], words[i + 1]) && isCapitalised(forms[i + 1]) && !m.titles.has(words[i + 1].key);
    if (!beforeName) {
      forms[i] = words[i].key;
      continue;
    }
    // the whole title: "prime minister", "secretary of state" as the lexicon lists them
    let from = i;
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (m.titles.has(words.slice(k, i + 1).map((w) => w.key).join(' '))) {
        from = k;
        break;
      }
    }
    for (let k = from; k <= i; k++) if (words[k].key !== 'of') forms[k] = capitalised(words[k].key);
  }
}

/** Share of capitals and words that make a line one set in capitals. */
const SHOUTED_SHARE = 0.9;
const SHOUTED_MIN_WORDS = 3;
/** A text typed without capitals: fewer than one letter in a hundred, over a dozen words. */
const CASELESS_SHARE = 0.01;
const CASELESS_MIN_WORDS = 12;

/** Cased letters, capitals among them, and words (runs of two cased letters or more) in text[from, to). */
export interface CaseCounts {
  letters: number;
  upper: number;
  words: number;
}

export function caseCounts(text: string, from: number, to: number): CaseCounts {
  const counts: CaseCounts = { letters: 0, upper: 0, words: 0 };
  let run = 0;
  for (let i = from; i < to; i++) {
    const kind = letterCase(text.charCodeAt(i));
    if (!kind) {
      run = 0;
      continue;
    }
    counts.letters++;
    if (kind === UPPER) counts.upper++;
    if (++run === 2) counts.words++;
  }
  return counts;
}

/** A line set in capitals: nine letters in ten, three words and more. */
function isShouted(c: CaseCounts): boolean {
  return c.letters > 0 && c.upper / c.letters >= SHOUTED_SHARE && c.words >= SHOUTED_MIN_WORDS;
}

/**
 * Which lines need their case restored: those in capitals, or all of a text without capitals. One
 * pass over the characters, line by line: every text read is checked (annotation, the story
 * clusterer's key tokens, a headline feed's titles), and almost none needs anything.
 */
export function caseDamage(text: string): 'none' | 'caseless' | 'shouted-lines' {
  const whole: CaseCounts = { letters: 0, upper: 0, words: 0 };
  let shouted = false;
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const line = caseCounts(text, from, to);
    whole.letters += line.letters;
    whole.upper += line.upper;
    whole.words += line.words;
    if (isShouted(line)) shouted = true;
    from = to + 1;
  }
  if (whole.letters && whole.upper / whole.letters < CASELESS_SHARE && whole.words > CASELESS_MIN_WORDS && !capitalisesSentences(text)) return 'caseless';
  return shouted ? 'shouted-lines' : 'none';
}

const UPPER = 1;
const LOWER = 2;
/** UPPER or LOWER for a cased letter (a UTF-16 unit: astral letters count as none), else 0. */
function letterCase(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? UPPER : c >= 97 && c <= 122 ? LOWER : 0;
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  if (lower === ch.toUpperCase()) return 0;
  return ch === lower ? LOWER : UPPER;
}

/** Whether a text opens its sentences with capitals, as a text with long sentences and few names does. */
function capitalisesSentences(text: string): boolean {
  let starts = 0;
  let capitals = 0;
  for (const line of text.split('\n')) {
    for (const w of caseWords(line)) {
      if (!w.initial) continue;
      starts++;
      if (/^\p{Lu}/u.test(line.slice(w.start, w.end))) capitals++;
    }
  }
  return capitals * 2 > starts;
}

/** A line set in capitals, counted as `caseDamage` counts. */
function isShoutedLine(line: string): boolean {
  return isShouted(caseCounts(line, 0, line.length));
}

/**
 * `text` with the case of its shouted lines (or, when it has no capitals, of all of it) restored;
 * the same length, character for character, and `text` itself when nothing needed it.
 */
export function restoreCase(text: string): string {
  return restoredCase(text).text;
}

/** What `restoreCase` did: the copy, why, and how many lines it rewrote (for the reader's record). */
export interface RestoredCase {
  text: string;
  damage: 'none' | 'caseless' | 'shouted-lines';
  lines: number;
}

export function restoredCase(text: string): RestoredCase {
  const damage = caseDamage(text);
  if (damage === 'none') return { text, damage, lines: 0 };
  const m = caseModel();
  let lines = 0;
  const out = text
    .split('\n')
    .map((line) => {
      if (damage !== 'caseless' && !isShoutedLine(line)) return line;
      if (line.trim()) lines++;
      return restoreLine(line, m);
    })
    .join('\n');
  return { text: out, damage, lines };
}

function restoreLine(line: string, m: CaseModel): string {
  const words = caseWords(line);
  const forms = lineForms(line, words, m);
  const chars = line.split('');
  words.forEach((w, i) => {
    const form = forms[i];
    // a form is the word's own letters in another case; one that is not (a model entry in another
    // spelling) leaves the word as it was. Each character keeps its place: a letter whose other case
    // is longer ("ß" → "SS") stays as written.
    if (form.length !== w.end - w.start) return;
    for (let j = 0; j < form.length; j++) {
      const c = line[w.start + j];
      const f = form[j];
      const cased = f === f.toUpperCase() && f !== f.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      if (cased.length === 1) chars[w.start + j] = cased;
    }
  });
  return chars.join('');
}
