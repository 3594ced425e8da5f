/**
 * Cutting a run of capitalised tokens into pieces: a whole-run lexicon name, a title kept apart
 * from the name after it ("Foreign Minister" + "Choe Son Hui"), a party's member or a post named
 * by its title, known places, organisations and demonyms segmented from the unknown words between
 * them, and names that a known name opens (venues, companies, clubs, teams, an organisation's units).
 */
import { LEX, RELATIVE_DAYS, MONTHS, WEEKDAYS } from './lexicons.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { CLUB_PREFIXES, CLUB_SUFFIXES, COMPANY_FORMS, COMPASS_WORDS, CONNECTORS, JOB_TITLE_HEADS, NAME_PARTICLES, PARTY_ADJECTIVES, PARTY_MEMBERS, REGION_PREFIXES, SENTENCE_OPENING_TITLES, VENUE_HEADS } from './entities-words.js';
import { arabicArticleAt, headOf, type EntityScan, type Piece } from './entities-scan.js';
import { countryIn, isListedAcronym, lookupAt, lookupWhole } from './entities-lookup.js';
import { leadingStopword } from './entities-filters.js';
import { employerOfName, placeByPreposition, teamNicknameAt, unitsThatEmploy } from './entities-context.js';
import { classifyName } from './entities-classify.js';

export function cutRun(scan: EntityScan, a: number, b: number): void {
  const { tokens, keys, startLike, spanText, pieces, countryAt } = scan;
  // "The Hague", "The Gambia": a lexicon name that starts with "The"
  if (keys[a] === 'the') {
    const w = lookupWhole(scan, a, b);
    if (w) {
      pieces.push(w);
      return;
    }
  }
  // drop leading stopwords / sentence openers ("The", "In", "Both", "Speaking")
  // (a particle hyphened to the name stays: "Al-Ibrahim")
  // (an acronym the lexicon lists, written in capitals, is no stopword: "the WHO", "IT" is not listed)
  // ("Yesterday Vladimir Putin said", "Today Kim Jong Un arrived": a time word opening the sentence)
  while (a < b && (leadingStopword(scan, a, b) || (CONNECTORS.has(keys[a]) && !(tokens[a + 1]?.text === '-' && !tokens[a + 1].spaceBefore)) || (RELATIVE_DAYS.has(keys[a]) && b - a >= 2 && startLike(a))) && !isListedAcronym(scan, a)) a++;
  // "In August": a month or weekday left alone after the opener is a time, not a name
  if (b - a === 1 && (MONTHS.has(keys[a]) || WEEKDAYS.has(keys[a]))) return;
  // "Similarly, ...": a sentence adverb, not a name
  if (b - a === 1 && startLike(a) && keys[a].endsWith('ly') && tokens[b]?.text === ',') return;
  // "TRAVIS COLE:" — a transcript's speaker label: a short all-caps name opening a line before a colon
  if (b - a >= 2 && b - a <= 4 && tokens[a].newlineBefore && tokens[b]?.text === ':' && tokens.slice(a, b).every((t) => t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase()) && !lookupAt(scan, a, b)) {
    pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
    return;
  }
  // "Storm Daniel", "Operation X", "Page A9": not a person, organisation or place
  if (LEX.keywords['drop-first'].has(keys[a])) {
    pieces.push({ i: a, j: b, type: 'DROP' });
    return;
  }
  while (b > a && (CONNECTORS.has(keys[b - 1]) || keys[b - 1] === 'the' || tokens[b - 1].text === '-')) b--;
  if (a >= b) return;
  // "the North", "the South": a compass word used as a name is a place (a region, or the
  // northern/southern state of a divided country, resolved when clusters are built)
  if (b - a === 1 && COMPASS_WORDS.has(keys[a]) && keys[a - 1] === 'the') {
    pieces.push({ i: a, j: b, type: 'PLACE', canonical: spanText(a, b), placeKind: 'region' });
    return;
  }
  // split hyphen-joined runs whose parts are known on their own ("Kim-Putin", "DPRK-Russia")
  for (let k = a + 1; k < b - 1; k++) {
    if (tokens[k].text === '-' && !tokens[k].spaceBefore) {
      const left = lookupWhole(scan, a, k);
      const right = lookupWhole(scan, k + 1, b);
      const whole = lookupWhole(scan, a, b);
      const known = (x: number, y: number) => !!lookupAt(scan, x, y) || (y - x === 1 && LEX.givenNames.has(tokens[x].text));
      const bothKnown = !!left && !!right;
      const singles = k - a === 1 && b - k - 1 === 1 && !NAME_PARTICLES.has(keys[a]) && (known(a, k) || known(k + 1, b));
      if (!whole && (bothKnown || singles)) {
        cutRun(scan, a, k);
        cutRun(scan, k + 1, b);
        return;
      }
    }
  }
  // whole-run lexicon hit
  const whole = lookupWhole(scan, a, b);
  if (whole) {
    pieces.push(whole);
    return;
  }
  // title inside the run: role = tokens[a..titleEnd), name = the rest
  // the title is the last one before the name starts: "British Defence Secretary Tom King"
  // keeps "King" in the name because a non-title word ("Tom") came after the title
  let titleEnd = -1;
  // "Republican Phil Bryant", "Labour MP ...": a party's adjective before a full name is the
  // person's affiliation, a role, as a title is
  const partyRole = PARTY_ADJECTIVES.has(keys[a]) && b - a >= 3 && LEX.givenNames.has(tokens[a + 1].text);
  if (partyRole) titleEnd = a + 1;
  else for (let k = a; k < b; k++) {
    const m = LEX.titles.longest(keys, k, b);
    // ("Reporter Nina Pineda asked", "Novelist Jane Roe wrote": a job word opening a sentence is capitalised by its place)
    if (m && !(m[0] === 1 && LEX.lowercaseOnlyTitles.has(keys[k]) && !(k === a && b - a >= 3 && startLike(a) && (SENTENCE_OPENING_TITLES.has(keys[k]) || LEX.occupations.has(keys[k]))))) {
      titleEnd = k + m[0];
      k += m[0] - 1;
    } else if (titleEnd >= 0 && !LEX.demonyms.longest(keys, k, b) && !LEX.places.longest(keys, k, b)) break;
  }
  // "Deputy Director of Public Prosecution Eva-Marie Persson", "Minister of Foreign Affairs Ana
  // Ruiz": the title's complement runs on to the given name that starts the person's name
  if (titleEnd > a && titleEnd < b - 2 && keys[titleEnd] === 'of') {
    for (let g = titleEnd + 2; g < b - 1; g++) {
      if (LEX.givenNames.has(tokens[g].text) && isCommonGivenName(tokens[g].text)) {
        titleEnd = g;
        break;
      }
    }
  }
  if (namesAPost(scan, a, titleEnd, b)) {
    pieces.push({ i: a, j: b, type: 'DROP' });
    return;
  }
  const runHead = headOf(keys.slice(a, b));
  // "Virginia Democrats", "House Republicans": a party's members, named by place or chamber
  if (titleEnd < 0 && b - a >= 2 && PARTY_MEMBERS.has(keys[b - 1])) {
    pieces.push({ i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) });
    return;
  }
  // "vice president … at Blue Origin", "a doctor at Beth Israel Lahey Health": where a post is
  // held is an organisation, though it opens with a given name
  if (titleEnd < 0 && b - a >= 2 && !lookupWhole(scan, a, b) && employerOfName(scan, a, b) && !placeByPreposition(scan, a, b)) {
    pieces.push({ i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) });
    return;
  }
  // "Dimitris Lagos": a run led by a given name is a person even when a later word is also a
  // place name ("Lagos") — unless a head word makes it an organisation or place
  if (titleEnd < 0 && b - a >= 2 && b - a <= 4 && LEX.givenNames.has(tokens[a].text) && keys[a - 1] !== 'the' && !placeByPreposition(scan, a, b) && !LEX.keywords.org.has(runHead) && !LEX.keywords.place.has(runHead) && !LEX.keywords.drop.has(runHead) && !keys.slice(a, b).some((k) => CONNECTORS.has(k))) {
    pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
    return;
  }
  // "Farah Al-Ibrahim", "Amr El-Sayed": a name, then a hyphened Arabic article and surname, is a
  // person even when the first word is also a place ("Farah")
  if (titleEnd < 0 && b - a >= 3 && b - a <= 6 && !LEX.keywords.org.has(runHead) && !LEX.keywords.place.has(runHead) && !LEX.keywords.drop.has(runHead) && !LEX.demonyms.longest(keys, a, b) && LEX.places.longest(keys, a, b)?.[1].kind !== 'country') {
    const particle = keys.findIndex((_, x) => x > a && x < b - 2 && arabicArticleAt(scan, x));
    if (particle > a && !keys.slice(a, particle).some((k) => CONNECTORS.has(k))) {
      pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
      return;
    }
  }
  if (titleEnd < 0 && b - a > 1 && LEX.keywords.org.has(runHead)) {
    // "Asia-Pacific Economic Cooperation", "Chinese Foreign Ministry": one organisation
    let s0 = a;
    while (s0 < b && leadingStopword(scan, s0, b)) s0++;
    const dem = LEX.demonyms.longest(keys, s0, b);
    if (dem) countryAt.set(s0, { code: dem[1].code, end: tokens[s0 + dem[0] - 1].end, text: spanText(s0, s0 + dem[0]) });
    pieces.push({ i: s0, j: b, type: 'ORG', canonical: spanText(s0, b), country: countryIn(scan, s0, b) });
    return;
  }
  if (titleEnd > a && titleEnd <= b) {
    const roleCountry = countryIn(scan, a, titleEnd);
    if (titleEnd === b) {
      // title with no name after it: a role reference ("President", "Russian President")
      segment(scan, a, titleEnd, true);
      return;
    }
    // "Chief Cyber Solutions Officer": the words after the title end in a job title's head
    if (JOB_TITLE_HEADS.has(keys[b - 1]) && !LEX.givenNames.has(tokens[titleEnd].text)) {
      segment(scan, a, b, true);
      return;
    }
    if (!partyRole) segment(scan, a, titleEnd, true); // org/place names inside the role are entities too
    const name = classifyName(scan, titleEnd, b);
    if (name) {
      if (name.type === 'UNKNOWN1' || name.type === 'PERSON') {
        name.type = 'PERSON';
        name.role = { i: a, j: titleEnd, country: roleCountry };
      }
      pieces.push(name);
    }
    return;
  }
  segment(scan, a, b, false);
}

/** Greedy lexicon segmentation of a run: known places/orgs/demonyms, the rest grouped as names. */
function segment(scan: EntityScan, a: number, b: number, insideRole: boolean): void {
  const { tokens, spanText, pieces, countryAt } = scan;
  let k = a;
  let unknownStart = -1;
  const flush = (end: number) => {
    if (unknownStart >= 0 && !insideRole) {
      const p = classifyName(scan, unknownStart, end);
      if (p) pieces.push(p);
    }
    unknownStart = -1;
  };
  while (k < b) {
    if (tokens[k].text === '-') {
      // "Life-Giving Trinity Church": a hyphen inside an unknown name keeps it whole
      if (unknownStart < 0 || lookupAt(scan, k + 1, b)) flush(k);
      k++;
      continue;
    }
    const hit = lookupAt(scan, k, b);
    // a venue, a company, a club or a team named after a known name ("Verizon Amphitheatre", "Ford Motor Co.", "Real Madrid", "Buffalo Sabres")
    const led = hit && !insideRole ? nameLedByKnown(scan, k, hit, b, unknownStart) : null;
    if (led) {
      pieces.push(led);
      return;
    }
    // a known prefix followed by an org head ("Chinese Foreign Ministry") is one ORG
    if (hit && unknownStart < 0) {
      const rest = classifyName(scan, hit.j, b);
      if (hit.type === 'DEMONYM' || (hit.type === 'PLACE' && rest?.type === 'ORG')) {
        if (rest && rest.type === 'ORG' && rest.j === b && !insideRole) {
          pieces.push({ i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country });
          if (hit.type === 'DEMONYM') countryAt.set(k, { code: hit.country!, end: tokens[hit.j - 1].end, text: spanText(k, hit.j) });
          return;
        }
      }
    }
    // "West Texas", "Central London": a compass word before a known place that the lexicon does
    // not list with it names a part of that place (after another name it is a surname: "Kanye West")
    const region = unknownStart < 0 && (!hit || hit.j === k + 1) ? regionOfPlace(scan, k, b) : null;
    if (region) {
      pieces.push(region);
      k = region.j;
      continue;
    }
    if (hit) {
      flush(k);
      if (hit.type === 'DEMONYM') countryAt.set(k, { code: hit.country!, end: tokens[hit.j - 1].end, text: spanText(k, hit.j) });
      else if (!insideRole || hit.type === 'ORG' || hit.type === 'PLACE') pieces.push(hit);
      k = hit.j;
      continue;
    }
    if (unknownStart < 0) unknownStart = k;
    k++;
  }
  flush(b);
}

/** A capitalised compass word at k and a known place right after it, as one place (else null). */
function regionOfPlace(scan: EntityScan, k: number, b: number): Piece | null {
  const { tokens, keys, spanText } = scan;
  if (!REGION_PREFIXES.has(keys[k]) || !tokens[k].cap || k + 1 >= b || !tokens[k + 1].spaceBefore) return null;
  const place = lookupAt(scan, k + 1, b);
  return place?.type === 'PLACE' ? { i: k, j: place.j, type: 'PLACE', canonical: spanText(k, place.j), country: place.country } : null;
}

/**
 * A name that a known organisation or place opens (token k, lexicon hit `hit`, run end b; a
 * pending unknown word from `pendingFrom`, or -1):
 * - a sponsor's name before a venue word is the venue ("Verizon Amphitheatre");
 * - a company's name, more words and a company form are one company ("Ford Motor Co.", "Siemens
 *   Energy GmbH"), which goes by the company's canonical name;
 * - a club is named for its town ("Real Madrid", "Manchester United"; "Brighton and Hove Albion" aside);
 * - in a sports story a place and a nickname are a team ("Buffalo Sabres"), whose nickname alone
 *   joins it later.
 */
function nameLedByKnown(scan: EntityScan, k: number, hit: Piece, b: number, pendingFrom: number): Piece | null {
  const { tokens, keys, spanText, teamByNickname } = scan;
  if (hit.type === 'ORG' && pendingFrom < 0 && hit.j < b) {
    if (hit.j === b - 1 && VENUE_HEADS.has(keys[b - 1])) return { i: k, j: b, type: 'PLACE', canonical: spanText(k, b) };
    if (COMPANY_FORMS.has(keys[b - 1]) && tokens[b - 2].text !== '-') return { i: k, j: b, type: 'ORG', canonical: hit.canonical ?? spanText(k, b), country: hit.country };
    if ((scan.unitNames ??= unitsThatEmploy(scan)).has(keys.slice(k, b).join(' '))) return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
  }
  if (hit.type !== 'PLACE') return null;
  if (hit.j === b && pendingFrom === k - 1 && CLUB_PREFIXES.has(keys[k - 1])) return { i: k - 1, j: b, type: 'ORG', canonical: spanText(k - 1, b), country: hit.country };
  if (pendingFrom >= 0) return null;
  if (hit.j === b - 1 && CLUB_SUFFIXES.has(keys[b - 1])) return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
  if (teamNicknameAt(scan, hit.j, b, k > 0 && keys[k - 1] === 'the')) {
    teamByNickname.set(keys.slice(hit.j, b).join(' '), spanText(k, b));
    return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
  }
  return null;
}

/**
 * "Commissioner of Police", "Senior Vice President of Sales": a run that is all title up to
 * "of"/"for", then one or two everyday words, names a post, no one ("United Nations High
 * Commissioner for Human Rights" keeps its body: the run is not all title before "for").
 */
function namesAPost(scan: EntityScan, a: number, titleEnd: number, b: number): boolean {
  const { tokens, keys } = scan;
  if (titleEnd <= a || titleEnd >= b - 1 || b - titleEnd > 3 || (keys[titleEnd] !== 'of' && keys[titleEnd] !== 'for')) return false;
  if (!keys.slice(a, titleEnd).every((k) => LEX.titles.has(k) || LEX.roleModifiers.has(k)) || lookupAt(scan, titleEnd + 1, b)) return false;
  return tokens.slice(titleEnd + 1, b).every((t) => isCommonEnglishWord(t.key) && !LEX.givenNames.has(t.text) && !LEX.surnames.has(t.text) && !LEX.places.has(t.key));
}
