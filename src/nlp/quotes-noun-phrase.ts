/**
 * Speakers as noun phrases with no name: "Russian state media said", "South Korean analysts say",
 * "Many farmers who lost crops then say", "The protesters outside the ministry said", "police
 * said"; "the company said" and "the institute said" resolved to the organisation the article
 * named; the noun phrase after "according to". Also what a noun naming people is (`isPersonNoun`).
 */
import type { Token } from './tokens.js';
import { ORG_ROLE_NOUNS, resolveOrgRoleNoun } from './entities.js';
import { LEX } from './lexicons.js';
import type { QuoteDocument, SpeakerRef } from './quotes-document.js';

/** Quantity words a noun phrase may open with ("two officials", "many farmers"), stopwords though some are. */
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'both', 'many', 'several', 'some', 'most']);
/** Prepositions of a phrase describing a plural head ("the protesters outside the ministry"). */
const PREPOSITIONS_IN_NP = new Set(['outside', 'of', 'in', 'at', 'from', 'near', 'for', 'with', 'on', 'inside', 'across']);
/** Nouns for a body of people that speak without an article or a plural ending ("police said"). */
const COLLECTIVE_NOUNS = new Set(['police', 'staff', 'personnel', 'management', 'military', 'media', 'clergy', 'security']);
/** An agent or a title, singular or plural ("officials", "ambassador"): a noun naming people. */
export function isPersonNoun(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  const singular = t.key.replace(/s$/, '');
  return LEX.agents.has(t.key) || LEX.titles.has(t.key) || LEX.agents.has(singular) || LEX.titles.has(singular);
}

/** A head noun found before a relative clause or prepositional phrase: the speaker phrase runs on to token e. */
function stretchTo(doc: QuoteDocument, head: SpeakerRef, e: number): SpeakerRef {
  const { text, tokens } = doc;
  const end = tokens[e].end;
  head.speaker.text = text.slice(head.speaker.start!, end);
  head.speaker.end = end;
  head.j = e + 1;
  return head;
}

/** Noun phrase fallback: "Russian state media said", "South Korean analysts say". */
export function nounPhraseEndingAt(doc: QuoteDocument, e: number, minTok: number): SpeakerRef | null {
  const { text, tokens, sentences, ents, sentOf, mentionStartingAt } = doc;
  // "Many farmers who lost crops then say": the head before a relative clause
  for (let k = e; k >= minTok && k >= e - 8; k--) {
    const key = tokens[k].key;
    if ((key === 'who' || key === 'which') && k - 1 >= minTok && tokens[k - 1].kind === 'word' && !tokens[k - 1].cap) {
      const head = nounPhraseEndingAt(doc, k - 1, minTok);
      if (head) return stretchTo(doc, head, e);
    }
    if (tokens[k].kind === 'punct') break;
  }
  let s = e;
  while (s - 1 >= minTok && e - s < 5) {
    const u = tokens[s - 1];
    if ((u.kind !== 'word' && !(u.kind === 'num' && /^\d+$/.test(u.text))) || (LEX.stopwords.has(u.key) && !NUMBER_WORDS.has(u.key)) || LEX.speechVerbs.has(u.key)) break;
    s--;
  }
  // "The protesters outside the ministry said": the head before the prepositional phrase
  {
    let q = s;
    if (tokens[q - 1] && (tokens[q - 1].key === 'the' || tokens[q - 1].key === 'a')) q--;
    const prep = tokens[q - 1];
    if (prep && PREPOSITIONS_IN_NP.has(prep.key) && q - 2 >= minTok && tokens[q - 2].kind === 'word' && !tokens[q - 2].cap && !LEX.stopwords.has(tokens[q - 2].key) && tokens[q - 2].key.endsWith('s')) {
      const head = nounPhraseEndingAt(doc, q - 2, minTok);
      if (head) return stretchTo(doc, head, e);
    }
  }
  if (tokens[s - 1] && (tokens[s - 1].key === 'the' || tokens[s - 1].key === 'a' || tokens[s - 1].key === 'an')) s--;
  const last = tokens[e];
  if (last.kind !== 'word' || LEX.stopwords.has(last.key) || e - s > 5) return null;
  // a lone lowercase word that is not a plural noun ("analysts", "officials") is not a speaker,
  // unless it names a body of people ("police said", "staff said")
  if (s === e && !last.cap && !last.key.endsWith('s') && !COLLECTIVE_NOUNS.has(last.key)) return null;
  // "Crowds lining the streets chanted": a short participle phrase from the sentence start
  const sStart = sentences[sentOf[e]].tokStart;
  if (s > sStart && s - sStart <= 4 && e - sStart <= 7) {
    let clean = true;
    for (let k = sStart; k < s; k++) if (tokens[k].kind !== 'word' || LEX.speechVerbs.has(tokens[k].key)) clean = false;
    if (clean && tokens[sStart].cap && tokens[sStart + 1]?.key.endsWith('ing')) s = sStart;
  }
  const start = tokens[s].start;
  const txt = text.slice(start, last.end);
  const sp: SpeakerRef = { speaker: { text: txt, start, end: last.end, canonical: txt.replace(/^(the|a|an|many|some|several|most)\s+/i, '') }, i: s, j: e + 1 };
  // "the Kremlin website said": the organisation named inside the phrase
  for (let k = s; k <= e; k++) {
    const m = mentionStartingAt.get(k);
    if (m && m.type === 'ORG') {
      sp.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
      return sp;
    }
  }
  // "the company said", "the regulator said": the organisation the article is about
  const orgRole = e === s + 1 && tokens[s].key === 'the' ? ORG_ROLE_NOUNS.get(last.key) : undefined;
  if (orgRole) {
    const c = resolveOrgRole(doc, orgRole, tokens[s].start);
    if (c) {
      sp.speaker.canonical = c;
      return sp;
    }
  }
  // "the institute said": the last organisation before it with that head word
  if (e === s + 1 && tokens[s].key === 'the' && LEX.keywords.org.has(last.key)) {
    for (let q = ents.mentions.length - 1; q >= 0; q--) {
      const m = ents.mentions[q];
      if (m.start >= tokens[s].start || m.type !== 'ORG') continue;
      const words = m.canonical.toLowerCase().split(/\s+/);
      const head = words.find((w, wi) => wi + 1 === words.length || words[wi + 1] === 'for' || words[wi + 1] === 'of');
      if (head === last.key) {
        sp.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
        break;
      }
    }
  }
  return sp;
}

/** The organisation "the company" or "the regulator" before `before` stands for (`resolveOrgRoleNoun`). */
function resolveOrgRole(doc: QuoteDocument, kind: 'company' | 'public', before: number): string | null {
  const { ents } = doc;
  return resolveOrgRoleNoun(ents, kind, before);
}

/** The noun phrase from token k (up to six words, before a participle): "according to a summary of the agreement". */
export function nounPhraseAfter(doc: QuoteDocument, k: number, end: number): SpeakerRef | null {
  const { text, tokens } = doc;
  let e = k;
  // stop before a participle that starts a modifier ("a summary of the agreement distributed to ...")
  while (e < end && tokens[e].kind === 'word' && e - k < 6 && !(e - k >= 2 && !tokens[e].cap && /ed$/.test(tokens[e].key))) e++;
  if (e === k) return null;
  const start = tokens[k].start;
  const txt = text.slice(start, tokens[e - 1].end);
  return { speaker: { text: txt, start, end: tokens[e - 1].end, canonical: txt.replace(/^(the|a|an)\s+/i, '') }, i: k, j: e };
}
