/**
 * Typing a run of capitalised tokens that no lexicon knows as a whole: by its head word ("...
 * Ministry", "... Peninsula"), its shape (an acronym, a company form, a model name, a heading), the
 * words around it (a preposition of place, a post held there) or, failing all, as a person; a
 * single word stays UNKNOWN1 until the article decides it (entities-typing.ts).
 */
import { LEX } from './lexicons.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { BARE_MONTH_ABBREVIATIONS, CALL_TO_ACTION_VERBS, COMPANY_FORMS, JOB_TITLE_HEADS, LABEL_WORDS, NAME_PARTICLES, PARTY_ADJECTIVES, PLANETS, REGIONAL_ADJECTIVES, ROMAN, TRANSCRIPT_LABELS, VENUE_HEADS } from './entities-words.js';
import { headOf, isGivenNameSyllable, type EntityScan, type Piece } from './entities-scan.js';
import { countryIn, datelineTown, lookupWhole } from './entities-lookup.js';
import { chineseSurnameHe, isModelName, leadingStopword, shoutedOrLabel, stressedInProse } from './entities-filters.js';
import { employerOfName, placeByPreposition } from './entities-context.js';

/** Types a run of capitalised tokens that no lexicon knows. */
export function classifyName(scan: EntityScan, a: number, b: number): Piece | null {
  const { tokens, keys, lowerSeen, startLike, spanText } = scan;
  while (a < b && (leadingStopword(scan, a, b) || tokens[a].text === '-')) a++;
  if (a >= b) return null;
  const whole = lookupWhole(scan, a, b);
  if (whole) return whole;
  // "written in Python", "on Android", "via Bluetooth": a technology, not a place or a company
  if (LEX.technologies.has(spanText(a, b).toLowerCase())) return { i: a, j: b, type: 'DROP' };
  const ks = keys.slice(a, b);
  const head = headOf(ks);
  if (LEX.keywords.drop.has(head) || (ROMAN.has(ks[ks.length - 1]) && ks.length > 1 && LEX.keywords.drop.has(ks[ks.length - 2]))) return { i: a, j: b, type: 'DROP' };
  // "vice president of Advanced Development Programs at Blue Origin", "an engineer at Ridgeline":
  // where a post is held is an organisation (unless a given name opens the name)
  if (employerOfName(scan, a, b) && !placeByPreposition(scan, a, b)) return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  // "Lena Park", "Ada Hill", "Min-jun Park": a given name before a place-like surname makes a person
  const hyphenedGivenName = tokens[a + 1]?.text === '-' && isGivenNameSyllable(tokens[a + 2]);
  const personLike = (LEX.givenNames.has(tokens[a].text) && b - a <= 3) || (hyphenedGivenName && b - a <= 5);
  if (isModelName(scan, a, b)) return { i: a, j: b, type: 'DROP' };
  // "Ford Motor Co.", "Barclays PLC", "Siemens Energy GmbH": a company form ends a company's name
  if (COMPANY_FORMS.has(head) && b - a > 1 && tokens[b - 2].text !== '-') return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  // "Citizens Bank Park", "MIDFLORIDA Credit Union Amphitheatre": a sponsor's organisation words do not make a venue a body
  if (VENUE_HEADS.has(head) && b - a > 1 && !LEX.keywords.org.has(ks[0]) && !(head === 'park' && personLike)) return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  if ((LEX.keywords.org.has(head) && b - a > 1) || ks.some((k) => LEX.keywords.org.has(k) && ks.length > 1 && k !== ks[0])) {
    // "Unification Ministry", "Center for European Policy Analysis", "CBS News"
    return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  }
  if (LEX.keywords.place.has(head) && b - a > 1 && !personLike) return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  const tx = tokens[a].text;
  if (b - a === 1) {
    // acronyms are organisations ("INSS", "KCNA"); other single words need evidence (pass 2)
    if (ROMAN.has(keys[a])) return null;
    // everyday abbreviations ("AI", "CEO", "DNA", "SUV") name nothing
    if (LEX.commonAcronyms.has(tx)) return { i: a, j: b, type: 'DROP' };
    // a single letter alone ("Plan C", "grade B", "the C language") names no one
    if (tx.length === 1) return { i: a, j: b, type: 'DROP' };
    // a heading or table cell of one word the article also writes in lower case ("Cons",
    // "Best", "Basic" on a line of their own) names nothing
    if (tokens[a].newlineBefore && (b >= tokens.length || tokens[b].newlineBefore) && lowerSeen.has(keys[a]) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
    // "Jun 08, 2023", "2011 Jun;18": a month's short form beside a day or a year is a date (as a
    // name, "Jun" stands alone)
    if (BARE_MONTH_ABBREVIATIONS.has(keys[a]) && ((tokens[b]?.kind === 'num' && tokens[b].spaceBefore) || (tokens[a - 1]?.kind === 'num' && /^(?:19|20)\d\d$/.test(tokens[a - 1].text)))) return { i: a, j: b, type: 'DROP' };
    // "Note:", "Editor's Note:", "Tip:": a label before a colon
    if (tokens[b]?.text === ':' && (LABEL_WORDS.has(keys[a]) || lowerSeen.has(keys[a]))) return { i: a, j: b, type: 'DROP' };
    // "SACHA PFEIFFER, HOST:", "JOHN ROE, BYLINE:": a broadcast transcript's role label after the speaker
    if (tokens[a - 1]?.text === ',' && tokens[b]?.text === ':' && tx === tx.toUpperCase() && (TRANSCRIPT_LABELS.has(keys[a]) || isCommonEnglishWord(tx))) return { i: a, j: b, type: 'DROP' };
    // "in the Republican presidential primary": a party's adjective alone names no place or body
    if (PARTY_ADJECTIVES.has(keys[a])) return { i: a, j: b, type: 'DROP' };
    // "in Q3", "H1 results", "FY2019": quarters, halves and fiscal years are times, no places
    if (/^(?:Q[1-4]|H[12]|FY\d{2,4})$/.test(tx)) return { i: a, j: b, type: 'DROP' };
    // "reached Mars", "orbits Jupiter": a planet named alone is a place, not a person's surname
    // (inside a longer name it is the name's: "Bruno Mars", "Escape MARS 2.0 Screen")
    if (PLANETS.has(keys[a]) && tx !== tx.toUpperCase()) return { i: a, j: b, type: 'PLACE', canonical: tx };
    // "Brent crude", "Urals crude": an oil benchmark, no person or place
    if (keys[b] === 'crude' && !tokens[b].cap) return { i: a, j: b, type: 'DROP' };
    // "ELAZIG, Turkey (Reuters) -": a dateline's town in capitals before its country is no acronym
    if ((tokens[a].newlineBefore || a === 0) && datelineTown(scan, a, b)) return { i: a, j: b, type: 'UNKNOWN1' };
    // "They WILL NOT WORK", "GET OUT and VOTE", "STAFF" over a credits list: an everyday word in
    // capitals that the article also writes in lower case, on a line of its own or beside other
    // such capitals, is emphasis or a label, no acronym ("according to SELF" stays the magazine,
    // "ICE agents detained" the agency)
    // So is one alone inside lower-case prose the way stress is ("this FREE guide", "I LOVE
    // getting", "works GREAT with", "a TON of"; "detained by ICE on Monday" stays the agency)
    if (tx.length >= 3 && /^[A-Z]+$/.test(tx) && isCommonEnglishWord(tx) && ((lowerSeen.has(keys[a]) && shoutedOrLabel(scan, a)) || stressedInProse(scan, a))) return { i: a, j: b, type: 'DROP' };
    if (tx.length >= 2 && tx.length <= 6 && tx === tx.toUpperCase() && /^[A-Z]+$/.test(tx)) return { i: a, j: b, type: 'ORG', canonical: tx };
    return { i: a, j: b, type: 'UNKNOWN1' };
  }
  // a person's name has a handful of words; longer capitalised runs are headlines or noise
  if (b - a > 6) return { i: a, j: b, type: 'DROP' };
  // "Plan B", "Grade C", "Vitamin D": a word and a letter, unless the word is a given name ("Cardi B" aside)
  if (b - a <= 3 && tokens[b - 1].text.length === 1 && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
  // "JAMA Psychiatry", "NHS Trust": a name led by an acronym is an organisation, not a person
  if (/^[A-Z]{2,6}$/.test(tx) && !LEX.commonAcronyms.has(tx) && tokens[a + 1].text !== '-' && !tokens.slice(a + 1, b).some((t) => t.text === t.text.toUpperCase())) {
    // ... unless a full name follows the organisation's words: "NASA Administrator Jim Bridenstine"
    // is a person whose role is "NASA Administrator"
    for (let g = a + 2; g < b - 1; g++) {
      if (!LEX.givenNames.has(tokens[g].text) || !isCommonGivenName(tokens[g].text)) continue;
      const name = classifyName(scan, g, b);
      if (name && (name.type === 'PERSON' || name.type === 'UNKNOWN1')) return { ...name, type: 'PERSON', role: { i: a, j: g, country: countryIn(scan, a, g) } };
    }
    return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(scan, a, b) };
  }
  // "Wi-Fi", "Z-Wave", "E-Commerce": one hyphenated word with a one- or two-letter part is a term
  if (b - a === 3 && tokens[a + 1].text === '-' && !tokens[a + 1].spaceBefore && !NAME_PARTICLES.has(keys[a]) && (tokens[a].text.length <= 2 || tokens[a + 2].text.length <= 2)) return { i: a, j: b, type: 'DROP' };
  // multi-word: a sentence opener glued to a name ("Concern Kim"...) is rare; treat as PERSON
  // ("Visit Budlong to learn more", "Contact Craft Music today": a call to action's verb opens the sentence)
  if (startLike(a) && !LEX.givenNames.has(tx) && (lowerSeen.has(keys[a]) || LEX.speechVerbs.has(keys[a]) || CALL_TO_ACTION_VERBS.has(keys[a]))) {
    return classifyName(scan, a + 1, b);
  }
  // "the Harbor Ledger": a name after "the" is an organisation, not a person
  if (keys[a - 1] === 'the' && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'ORG', canonical: spanText(a, b) };
  // "European Funding ...": a regional adjective does not start a person's name
  if (REGIONAL_ADJECTIVES.has(keys[a])) return { i: a, j: b, type: 'DROP' };
  // a short line of capitalised words ("Visa Details", "Final Words") is a heading
  if (tokens[a].newlineBefore && (b >= tokens.length || tokens[b].newlineBefore) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
  // headers and codes ("PRINT EDITION", "Page A9") are not names
  const allCaps = tokens.slice(a, b).every((t) => t.text.length > 1 && t.text === t.text.toUpperCase());
  if (tokens.slice(a, b).some((t) => /\d/.test(t.text)) || (allCaps && !LEX.givenNames.has(titleCaseWord(tx)))) return { i: a, j: b, type: 'DROP' };
  // Capitalised words the article also uses as ordinary lowercase words ("Stress Reduction",
  // "Active Noise Cancellation", a film called "Come See Me In The Light") make a heading,
  // programme or title, not a person — unless a known given name or surname says otherwise.
  if (chineseSurnameHe(scan, a, b)) return { i: a, j: b, type: 'PERSON', canonical: spanText(a, b) };
  if (!LEX.givenNames.has(tx) && !LEX.surnames.has(tokens[b - 1].text) && keys.slice(a, b).some((k) => lowerSeen.has(k))) {
    // "Deputy Editor Katie Bandurski": the name starts after the title words or at a given name
    let k = a;
    while (k < b - 2 && LEX.titles.has(keys[k])) k++;
    if (k > a) return classifyName(scan, k, b);
    for (k = a + 1; k < b - 1; k++) if (LEX.givenNames.has(tokens[k].text)) return classifyName(scan, k, b);
    return { i: a, j: b, type: 'DROP' };
  }
  // "Product Manager", "Senior Research Scientist": a job title, not a person
  if (JOB_TITLE_HEADS.has(keys[b - 1]) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
  // "Reading Time", "Workspace Studio", "Echo Show": capitalised words ending in an everyday word,
  // with no given name in front and no surname at the end, are a product, feature or heading
  const last = tokens[b - 1].text;
  if (isCommonEnglishWord(last) && !LEX.surnames.has(last) && !LEX.givenNames.has(tx) && !isCommonGivenName(tx)) return { i: a, j: b, type: 'DROP' };
  // "in Khan Younis", "near Puerto Cabezas": an unknown name right after a preposition of place is
  // a place, unless it starts with an everyday given name ("interest in Elon Musk") or is an
  // owner ("in Kim Yo Jong's speech")
  if (placeByPreposition(scan, a, b)) {
    return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), contextTyped: true };
  }
  return { i: a, j: b, type: 'PERSON', canonical: spanText(a, b) };
}

/** "SMITH" → "Smith": an all-caps word as a given-name list writes it. */
function titleCaseWord(w: string): string {
  return w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w;
}
