/**
 * Lexicon lookups for a span of an article: the longest organisation, place or demonym a token
 * starts (as a piece), the country a span names, a listed acronym, a dateline's town.
 */
import { LEX, type OrgInfo, type PlaceInfo } from './lexicons.js';
import { NON_COUNTRY_CODES } from './entities-words.js';
import type { EntityScan, Piece } from './entities-scan.js';

/** The country of an organisation lexicon code, when the code is an ISO3 country. */
const countryOfOrgCode = (code: string): string | undefined => (/^[A-Z]{3}$/.test(code) && !NON_COUNTRY_CODES.has(code) ? code : undefined);

/** A name [i, j) in capitals, then a comma and a country: a dateline's town ("LARISSA, Greece —"). */
export function datelineTown(scan: EntityScan, i: number, j: number): boolean {
  const { tokens, keys } = scan;
  return tokens[i].text === tokens[i].text.toUpperCase() && tokens[j]?.text === ',' && !!tokens[j + 1] && LEX.places.longest(keys, j + 1)?.[1].kind === 'country';
}

export function countryIn(scan: EntityScan, a: number, b: number): string | undefined {
  const { keys } = scan;
  for (let k = a; k < b; k++) {
    const d = LEX.demonyms.longest(keys, k, b);
    if (d) return d[1].code;
    const p = LEX.places.longest(keys, k, b);
    if (p && p[1].kind === 'country') return p[1].country;
    const o = LEX.orgs.longest(keys, k, b);
    const orgCountry = o && countryOfOrgCode(o[1].code);
    if (orgCountry) return orgCountry;
  }
  return undefined;
}

export function lookupWhole(scan: EntityScan, a: number, b: number): Piece | null {
  const h = lookupAt(scan, a, b);
  return h && h.j === b && h.type !== 'DEMONYM' ? h : null;
}

/** A capitalised acronym alias of a listed organisation ("WHO"), written as listed. */
export function isListedAcronym(scan: EntityScan, k: number): boolean {
  const { tokens, keys } = scan;
  const t = tokens[k].text;
  return /^[A-Z]{2,}$/.test(t) && LEX.orgs.longest(keys, k, k + 1)?.[1].acronym === t;
}

export function lookupAt(scan: EntityScan, k: number, b: number): Piece | null {
  const { text, tokens, keys, spanText } = scan;
  let org = LEX.orgs.longest(keys, k, b);
  let place = LEX.places.longest(keys, k, b);
  const writtenAs = (len: number) => text.slice(tokens[k].start, tokens[k + len - 1].end).replace(/\./g, '');
  if (org && org[1].acronym && writtenAs(org[0]) !== org[1].acronym) org = null;
  if (place && place[1].acronym && writtenAs(place[0]) !== place[1].acronym) place = null;
  const dem = LEX.demonyms.longest(keys, k, b);
  let best: Piece | null = null;
  const consider = (len: number, p: Piece) => {
    if (!best || len > best.j - best.i) best = p;
  };
  if (org) consider(org[0], orgPiece(scan, k, k + org[0], org[1]));
  if (place) {
    // "Mediterranean Sea", "Pineios River": a known place followed by a geographic head word
    let len = place[0];
    if (k + len < b && tokens[k + len].cap && LEX.keywords.place.has(keys[k + len])) len++;
    const piece = placePiece(k, k + len, place[1]);
    if (len > place[0]) piece.canonical = spanText(k, k + len);
    consider(len, piece);
  }
  if (dem) consider(dem[0], { i: k, j: k + dem[0], type: 'DEMONYM', country: dem[1].code });
  // "US" / "U.S." are listed as both a country and a demonym: as a modifier of a following
  // capitalised name it is an adjective; standing alone it is the country.
  return best;
}

function orgPiece(scan: EntityScan, a: number, b: number, info: OrgInfo): Piece {
  const { spanText } = scan;
  return { i: a, j: b, type: 'ORG', canonical: info.canonical || spanText(a, b), country: countryOfOrgCode(info.code), lexicon: true };
}
function placePiece(a: number, b: number, info: PlaceInfo): Piece {
  return { i: a, j: b, type: 'PLACE', canonical: info.canonical, country: info.country || undefined, placeKind: info.kind, lexicon: true };
}
