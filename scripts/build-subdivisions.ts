/**
 * Writes data/lexicons/subdivisions.txt: the first-level subdivisions (states, provinces,
 * territories) of the countries whose subdivision names English-language news writes as ISO 3166-2
 * spells them, from the `iso-3166` package (MIT, wooorm). The PETRARCH2 place lists miss some
 * ("Wisconsin"), and a name no lexicon knows that an article repeats is taken for a brand.
 *
 * Left out: countries whose ISO names are local or romanised forms news does not use ("Bayern",
 * "Hukusima"), and names that are also everyday English words or other things ("Delta",
 * "Plateau", "Rivers", "Niger" the country). Diacritics are folded ("Maharashtra"), parenthesised
 * alternatives become names of their own ("Puducherry (Pondicherry)").
 *
 * Run: node --import tsx scripts/build-subdivisions.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso31661, iso31662 } from 'iso-3166';
import { foldDiacritics } from '../src/nlp/fold.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'lexicons', 'subdivisions.txt');

/** Countries whose ISO 3166-2 first-level names are the English-language names (alpha-2). */
const COUNTRIES = ['US', 'CA', 'AU', 'IN', 'MX', 'NG', 'ZA', 'BD', 'KE', 'BR', 'AR'];

/** Names that are ordinary words or name something else first. */
const EXCLUDED = new Set(['Delta', 'Plateau', 'Rivers', 'Niger', 'Acre', 'Para', 'Misiones', 'Formosa', 'Free State', 'Distrito Federal', 'Mexico', 'Hidalgo', 'Guerrero', 'Colima', 'Imo', 'Edo', 'Meru', 'Nandi', 'Busia', 'Salta', 'Chaco', 'Bahia', 'Victoria', 'Georgia', 'Washington']);

const alpha3 = new Map(iso31661.map((c) => [c.alpha2, c.alpha3]));

const lines = new Set<string>();
for (const sub of iso31662) {
  if (!COUNTRIES.includes(sub.parent)) continue;
  const code = alpha3.get(sub.parent)!;
  const m = /^(.*?)\s*\((.*)\)$/.exec(foldDiacritics(sub.name));
  for (const name of m ? [m[1], m[2]] : [foldDiacritics(sub.name)]) {
    // "Elgeyo/Marakwet", "San Andres, Providencia y ...": compound forms news writes otherwise
    if (!name || /[/,]/.test(name) || EXCLUDED.has(name)) continue;
    lines.add(`${name}|${code}`);
  }
}
const header = [
  '# First-level subdivisions (name|ISO3) of the countries listed in scripts/build-subdivisions.ts.',
  '# Derived from the iso-3166 npm package (ISO 3166-2 names; MIT, (c) Titus Wormer).',
];
writeFileSync(out, [...header, ...[...lines].sort()].join('\n') + '\n');
console.log(`subdivisions: ${lines.size}`);
