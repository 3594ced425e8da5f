/**
 * Typing with the whole article in view: single capitalised words need evidence (a full name
 * containing them, a given-name list, a title before them, a verb of speech after them, a
 * preposition of place, a repetition mid-sentence); one sense per article; and pieces that say
 * more together (a town and its state's postal code, a broadcaster and its channel, a state
 * university and its campus, a team's nickname and its full name).
 */
import type { EntityType } from './types.js';
import { LEX } from './lexicons.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { IRREGULAR_PAST } from './verb-forms.js';
import { CLAUSE_PUNCTUATION, DETERMINERS, FINITE_AUXILIARIES, IMPERATIVE_OBJECT, LOCATIVE_PREPS, NAME_PHRASE_ENDS, NOT_PLACE_BY_OF, PERSON_OBJECT_VERBS, REGIONAL_ADJECTIVES } from './entities-words.js';
import type { EntityScan, Piece } from './entities-scan.js';
import { datelineTown } from './entities-lookup.js';
import { titleCaseLines } from './entities-filters.js';

/**
 * Decides the single words (UNKNOWN1) and retypes pieces by what the article says elsewhere: the
 * full names of persons, context typing, one sense per article.
 */
export function decideSingleWords(scan: EntityScan): void {
  const { tokens, keys, lowerSeen, startLike, spanText, pieces } = scan;
  const personTokens = new Map<string, number>(); // token key → count of full names containing it as first/last
  for (const p of pieces) {
    if (p.type === 'PERSON' && p.j - p.i > 1) {
      const first = keys[p.i];
      const last = keys[p.j - 1];
      personTokens.set(first, (personTokens.get(first) ?? 0) + 1);
      personTokens.set(last, (personTokens.get(last) ?? 0) + 1);
    }
  }
  // a sentence opener glued to a known surname ("Welcome Putin" in a chant): drop the opener
  const capMidSentence = new Set<string>();
  tokens.forEach((t, k) => {
    if (t.cap && !startLike(k)) capMidSentence.add(t.key);
  });
  const lastTokenOfPersons = new Map<string, number>();
  for (const o of pieces) if (o.type === 'PERSON' && o.j - o.i > 1) lastTokenOfPersons.set(keys[o.j - 1], (lastTokenOfPersons.get(keys[o.j - 1]) ?? 0) + 1);
  for (const p of pieces) {
    if (p.type !== 'PERSON' || p.j - p.i !== 2 || !startLike(p.i) || p.role) continue;
    const first = tokens[p.i];
    if (LEX.givenNames.has(first.text) || capMidSentence.has(first.key)) continue;
    const lastKey = keys[p.j - 1];
    const elsewhere = (lastTokenOfPersons.get(lastKey) ?? 0) > 1;
    if (elsewhere) {
      p.i += 1;
      p.canonical = spanText(p.i, p.j);
    }
  }
  const placeEndingAt = new Set<number>();
  const placeStartingAt = new Set<number>();
  for (const p of pieces) {
    if (p.type !== 'PLACE') continue;
    placeEndingAt.add(p.j - 1);
    placeStartingAt.add(p.i);
  }
  // a lone city or company name that is also the name of a person in the article is that person
  // ("Lagos" after "Dimitris Lagos", "Ford" after "Harrison Ford")
  for (const p of pieces) {
    const lexiconWord = (p.type === 'PLACE' && p.placeKind === 'city') || (p.type === 'ORG' && tokens[p.i].text !== tokens[p.i].text.toUpperCase());
    if (lexiconWord && p.j - p.i === 1 && personTokens.has(keys[p.i])) {
      p.type = 'PERSON';
      p.canonical = spanText(p.i, p.j);
      p.country = undefined;
    }
  }
  // last words of multi-word organisation names ("the Harbor Ledger" ... "The Ledger said")
  const orgTokens = new Set<string>();
  for (const p of pieces) if (p.type === 'ORG' && p.j - p.i > 1 && !LEX.keywords.org.has(keys[p.j - 1])) orgTokens.add(keys[p.j - 1]);
  // capitalised words seen more than once mid-sentence (never in lowercase)
  const midCount = new Map<string, number>();
  // (at least once in running text: a heading repeated under every review, "Pros and Cons", is no brand)
  const inRunningText = new Set<string>();
  const titleCaseLine = titleCaseLines(scan);
  for (const p of pieces) {
    if (p.type !== 'UNKNOWN1' || startLike(p.i)) continue;
    midCount.set(keys[p.i], (midCount.get(keys[p.i]) ?? 0) + 1);
    if (!titleCaseLine[p.i]) inRunningText.add(keys[p.i]);
  }
  for (const k of midCount.keys()) if (!inRunningText.has(k)) midCount.delete(k);
  // context typing runs twice so that a place typed in the first pass can type its neighbours
  // in a list ("Larissa, Trikala and Karditsa")
  for (let pass = 0; pass < 2; pass++) {
    for (const p of pieces) {
      if (p.type !== 'UNKNOWN1') continue;
      const hint = contextType(scan, p.i, p.j, placeEndingAt, placeStartingAt);
      if (hint && !personTokens.has(keys[p.i])) {
        p.type = hint;
        p.canonical = spanText(p.i, p.j);
        p.contextTyped = true;
        if (hint === 'PLACE') {
          placeEndingAt.add(p.j - 1);
          placeStartingAt.add(p.i);
        }
      }
    }
    // propagate within the article before the second pass
    const typed = new Map<string, Piece['type']>();
    for (const o of pieces) if (o.contextTyped && o.j - o.i === 1) typed.set(keys[o.i], o.type);
    for (const p of pieces) {
      if (p.type !== 'UNKNOWN1') continue;
      const sameType = typed.get(keys[p.i]);
      if (sameType) {
        p.type = sameType;
        p.canonical = spanText(p.i, p.j);
        p.contextTyped = true;
        if (p.type === 'PLACE') {
          placeEndingAt.add(p.j - 1);
          placeStartingAt.add(p.i);
        }
      }
    }
  }
  for (const p of pieces) {
    if (p.type !== 'UNKNOWN1') continue;
    const k = keys[p.i];
    if (orgTokens.has(k) && !personTokens.has(k)) {
      p.type = 'ORG';
      p.canonical = spanText(p.i, p.j);
      continue;
    }
    // a name repeated mid-sentence that no lexicon knows and no person carries: an organisation
    // or brand more often than anything else ("Parcelio")
    // (an everyday word the article happens to capitalise, "Storage", "Thread", is no brand to us)
    if ((midCount.get(k) ?? 0) >= 2 && !lowerSeen.has(k) && !personTokens.has(k) && !REGIONAL_ADJECTIVES.has(k) && !k.endsWith('ern') && !LEX.givenNames.has(tokens[p.i].text) && !LEX.surnames.has(tokens[p.i].text) && !isCommonEnglishWord(k)) {
      p.type = 'ORG';
      p.canonical = spanText(p.i, p.j);
      p.contextTyped = true;
      continue;
    }
    const hint = contextType(scan, p.i, p.j, placeEndingAt, placeStartingAt);
    if (hint && !personTokens.has(k)) {
      p.type = hint;
      p.canonical = spanText(p.i, p.j);
      p.contextTyped = true;
      continue;
    }
    const atStart = startLike(p.i);
    const next = keys[p.j];
    const cueAfter = next !== undefined && LEX.speechVerbs.has(next);
    if (personTokens.has(k)) p.type = 'PERSON';
    else if (LEX.stopwords.has(k)) p.type = 'DROP';
    else if (atStart && lowerSeen.has(k)) p.type = 'DROP';
    else if (p.role) p.type = 'PERSON';
    // "Set a budget", "Will the talks resume": a given name that is also a word, opening a sentence
    // before an object, is the verb
    else if (LEX.givenNames.has(tokens[p.i].text) && !lowerSeen.has(k) && !(atStart && IMPERATIVE_OBJECT.has(next ?? ''))) p.type = 'PERSON';
    else if (!atStart && LEX.surnames.has(tokens[p.i].text) && !lowerSeen.has(k) && !LEX.places.has(k)) p.type = 'PERSON';
    // "Erdogan met Netanyahu": a known surname opening a sentence, before a finite verb, is the
    // person too when it is no everyday word ("Young voters stayed home" stays words)
    else if (atStart && LEX.surnames.has(tokens[p.i].text) && !lowerSeen.has(k) && !LEX.places.has(k) && !isCommonEnglishWord(k) && finiteVerbAt(scan, p.j)) p.type = 'PERSON';
    else if (cueAfter && !atStart) p.type = 'PERSON';
    // "Stoltenberg met Zelensky in Kyiv", "thanked Biden for": the one met, thanked or phoned is a
    // person, when no everyday word and when the name ends its phrase ("met Microsoft executives" does not)
    else if (!atStart && PERSON_OBJECT_VERBS.has(keys[p.i - 1] ?? '') && !isCommonEnglishWord(k) && !lowerSeen.has(k) && (!tokens[p.j] || CLAUSE_PUNCTUATION.has(tokens[p.j].text) || NAME_PHRASE_ENDS.has(keys[p.j]))) p.type = 'PERSON';
    else p.type = 'DROP';
  }

  // one sense per article: a single word typed by context in one place keeps that type elsewhere
  // ("the town of Peniche" ... "fishermen from Peniche"; "Storm Daniel" ... "after Daniel")
  const typedByContext = new Map<string, Piece['type']>();
  // "In Khan Younis, ..." then "Residents fled Khan Younis": a run typed a place by its preposition
  // (not when the name is more often a person's: "featured in Dawoud Bey and Carrie Mae Weems")
  const placeVotes = new Map<string, number>();
  for (const p of pieces) {
    if (p.j - p.i === 1 && (p.type === 'PLACE' || p.type === 'ORG') && p.contextTyped) typedByContext.set(keys[p.i], p.type);
    if (p.type === 'DROP' && p.j - p.i === 2 && LEX.keywords['drop-first'].has(keys[p.i])) typedByContext.set(keys[p.j - 1], 'DROP');
    if (p.j - p.i > 1 && (p.type === 'PERSON' || (p.type === 'PLACE' && p.contextTyped))) {
      const run = keys.slice(p.i, p.j).join(' ');
      placeVotes.set(run, (placeVotes.get(run) ?? 0) + (p.type === 'PLACE' ? 1 : -1));
    }
  }
  for (const p of pieces) {
    if (p.contextTyped || p.role) continue;
    if (p.j - p.i > 1) {
      if (p.type === 'PERSON' && (placeVotes.get(keys.slice(p.i, p.j).join(' ')) ?? 0) > 0) p.type = 'PLACE';
      continue;
    }
    const t = typedByContext.get(keys[p.i]);
    if (!t || personTokens.has(keys[p.i])) continue;
    if (p.type === 'PERSON' || p.type === 'DROP' || (t === 'DROP' && p.type !== 'ORG')) {
      p.type = t;
      p.canonical = spanText(p.i, p.j);
    }
  }
}

/** Token k looks like a finite verb: a verb of speech, an auxiliary, a past in -ed or a common irregular past. */
function finiteVerbAt(scan: EntityScan, k: number): boolean {
  const { tokens } = scan;
  const t = tokens[k];
  if (!t || t.kind !== 'word' || t.cap) return false;
  return LEX.speechVerbs.has(t.key) || FINITE_AUXILIARIES.has(t.key) || IRREGULAR_PAST.has(t.key) || (t.key.endsWith('ed') && t.key.length > 4);
}

/**
 * Context that types an unknown single name: "in Peniche" (a place), "the Pineios river",
 * "The Bezorgersbond, a union representing couriers" (the appositive's head word).
 */
function contextType(scan: EntityScan, i: number, j: number, placeEndingAt: Set<number>, placeStartingAt: Set<number>): EntityType | null {
  const { tokens, keys, lowerSeen, startLike } = scan;
  if (startLike(i) && lowerSeen.has(keys[i])) return null;
  let before = tokens[i - 1];
  // "in the Alentejo", "near the Algarve"
  if (before?.key === 'the' && tokens[i - 2] && LOCATIVE_PREPS.has(tokens[i - 2].key)) before = tokens[i - 2];
  if (before && LOCATIVE_PREPS.has(before.key)) return 'PLACE';
  // "the town of Palamas", "the village of Koutsochero"
  // ("the heights of Best-of-Breed solutions", "the base of Mount X": not every place word names a place by "of")
  if (before?.key === 'of' && tokens[i - 2] && LEX.keywords.place.has(tokens[i - 2].key) && !NOT_PLACE_BY_OF.has(tokens[i - 2].key) && !tokens[i - 2].cap) return 'PLACE';
  // "LARISSA, Greece —": a dateline
  if (datelineTown(scan, i, j)) return 'PLACE';
  // "Peniche or Matosinhos", "Farkadona and Palamas": coordinated with a known place
  const coordBefore = before && (before.key === 'and' || before.key === 'or') ? placeEndingAt.has(i - 2) : false;
  const coordAfter = tokens[j] && (keys[j] === 'and' || keys[j] === 'or') ? placeStartingAt.has(j + 1) : false;
  if (coordBefore || coordAfter) return 'PLACE';
  const after = tokens[j];
  if (after && after.kind === 'word' && !after.cap) {
    if (LEX.keywords.place.has(after.key) && after.key !== 'state') return 'PLACE';
    if (LEX.keywords.org.has(after.key) && before?.key === 'the') return 'ORG';
  }
  if (after?.text === ',') {
    let k = j + 1;
    if (tokens[k] && (DETERMINERS.has(keys[k]) || keys[k] === 'its')) k++;
    for (let n = 0; n < 6 && k < tokens.length; n++, k++) {
      const u = tokens[k];
      if (u.kind !== 'word' && !(u.text === '\u2019' || u.text === "'")) break;
      if (u.kind !== 'word') continue;
      if (LEX.keywords.org.has(u.key) && !u.cap) return 'ORG';
      if (LEX.keywords.place.has(u.key) && !u.cap) return 'PLACE';
    }
  }
  return null;
}

/** Pieces that say more together: a town and its state's postal code, a broadcaster and its channel, a state university and its campus, a team's nickname and its full name. */
export function readPiecesTogether(scan: EntityScan): void {
  const { tokens, keys, sentOf, spanText, pieces, teamByNickname } = scan;
  // "Irvine, CA", "Santa Clara, CA 95054": a state's postal code after "City," is that state, and
  // the name before the comma is a town in it (a lone code elsewhere may be anything: "CA" is also a company's)
  for (let pi = 1; pi < pieces.length; pi++) {
    const p = pieces[pi];
    const q = pieces[pi - 1];
    const state = p.j - p.i === 1 ? LEX.usStates.get(tokens[p.i].text) : undefined;
    if (!state || q.j !== p.i - 1 || tokens[q.j]?.text !== ',' || (q.type === 'ORG' && q.lexicon) || q.type === 'DROP' || q.type === 'DEMONYM') continue;
    if (tokens[p.j] && tokens[p.j].kind === 'word' && tokens[p.j].cap) continue; // "Dallas, TX Instruments"
    // "Jane Doe, MD", "John Roe, PA": after a full name the capitals are a credential, unless a ZIP code follows
    if (q.type === 'PERSON' && q.j - q.i > 1 && !/^\d{5}$/.test(tokens[p.j]?.text ?? '')) continue;
    p.type = 'PLACE';
    p.canonical = state;
    p.country = 'USA';
    if (q.type !== 'PLACE') {
      q.type = 'PLACE';
      q.canonical = spanText(q.i, q.j);
      q.country = 'USA';
    }
  }

  // "ABC 7", "NBC 4": a broadcaster's call letters and channel number name its local station
  for (const p of pieces) {
    if (p.type !== 'ORG' || p.j - p.i !== 1 || !p.lexicon || !/^[A-Z]{2,5}$/.test(tokens[p.i].text)) continue;
    const n = tokens[p.j];
    const after = tokens[p.j + 1];
    if (!n || n.kind !== 'num' || !n.spaceBefore || !/^\d{1,2}$/.test(n.text) || sentOf[p.j] !== sentOf[p.i]) continue;
    if (after && after.kind === 'word' && !after.cap && after.key !== "'s") continue; // "CNN 24 hours"
    if (LEX.orgs.longest(keys, p.i, p.j)?.[1].code !== 'MED') continue;
    p.j += 1;
    p.canonical = spanText(p.i, p.j);
  }

  // "University of California, Santa Barbara", "University of Texas, Austin": a state university
  // system named after its state, then the campus's town, is one organisation
  for (let pi = 0; pi + 1 < pieces.length; pi++) {
    const p = pieces[pi];
    const q = pieces[pi + 1];
    if (p.type !== 'ORG' || keys[p.i] !== 'university' || keys[p.i + 1] !== 'of' || tokens[p.j]?.text !== ',' || q.i !== p.j + 1) continue;
    if (!LEX.subdivisions.has(keys.slice(p.i + 2, p.j).join(' '))) continue;
    if (q.j - q.i > 3 || q.type === 'ORG' || q.type === 'DEMONYM' || (tokens[q.j]?.kind === 'word' && tokens[q.j].cap)) continue;
    // "at the University of Pennsylvania, Andrew Vaughan followed ...": a person's full name opens the clause
    if (q.j - q.i >= 2 && isCommonGivenName(tokens[q.i].text) && !LEX.places.longest(keys, q.i, q.j)) continue;
    p.j = q.j;
    p.canonical = spanText(p.i, p.j);
    q.type = 'DROP';
  }

  // "the Sabres", "the Wild": a team's nickname alone, once the article names the team in full
  if (teamByNickname.size) {
    for (const p of pieces) {
      if (p.type === 'DROP' || p.type === 'DEMONYM') continue;
      const team = teamByNickname.get(keys.slice(p.i, p.j).join(' '));
      if (team) {
        p.type = 'ORG';
        p.canonical = team;
      }
    }
  }
}
