/**
 * Words known to stand alone, without reading the document: names of countries, their capitals and
 * demonyms (data/lexicons/countries.txt, general knowledge), weekdays and months. A run-together
 * join whose left part is one of them ("War in UkraineIn exchange", "on WednesdayIn addition") is a
 * lost boundary even when the document never writes the word on its own.
 */
import { lexiconLines } from '../../lexicon-files.js';
import { MONTHS } from './rules.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

let known: ReadonlySet<string> | null = null;

/** Capitalised single words (each word of a multi-word name, of three letters or more). */
export function knownStandaloneWords(): ReadonlySet<string> {
  if (known) return known;
  const words = new Set<string>();
  const addName = (name: string) => {
    for (const w of name.split(/[\s-]+/)) if (w.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(w)) words.add(w);
  };
  for (const line of lexiconLines('countries.txt')) {
    for (const field of line.split('|')) for (const name of field.split(',')) addName(name.trim());
  }
  for (const w of [...WEEKDAYS, ...MONTHS]) if (w.length >= 3) words.add(w[0].toUpperCase() + w.slice(1));
  return (known = words);
}
