/**
 * The speaker before a cue: the subject of the verb of speech, looking left within its sentence
 * past adverbs and auxiliaries ("Putin also said", "Kim has repeatedly said"): a name, a role
 * phrase, a pronoun or an age ("the 67-year-old"), the person before "of/at/from <org>" ("Sam
 * Green of the Center for ... said"); for a participle ("..., saying") or after an appositive
 * ("Koo, a spokesman for ..., said") the sentence's subject; else a noun phrase.
 */
import { isMannerAdverb } from './sentences.js';
import { LEX } from './lexicons.js';
import { genderOfWord } from './gender.js';
import type { QuoteDocument, SpeakerRef } from './quotes-document.js';
import { resolvePronoun, resolveReference } from './quotes-pronouns.js';
import { isPersonNoun, nounPhraseEndingAt } from './quotes-noun-phrase.js';

/** Words that may sit between a subject and its verb ("Putin also said", "Kim has repeatedly said"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'later', 'earlier', 'previously', 'repeatedly', 'then',
  'once', 'again', 'personally', 'publicly', 'reportedly', 'further', 'recently', 'separately', 'similarly', 'only',
  'just', 'already', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'often', 'frequently',
  'consistently', 'bluntly', 'flatly', 'angrily', 'firmly', 'told', 'been',
]);

/** A speaker that ends at token e (inclusive): a mention, a role phrase or a pronoun. */
function speakerEndingAt(doc: QuoteDocument, e: number, minTok: number): SpeakerRef | null {
  const { tokens, mentionEndingAt, roleEndingAt, fromMention, fromRole } = doc;
  if (e < minTok || e < 0) return null;
  const m = mentionEndingAt.get(e);
  if (m && m.tokStart >= minTok) {
    // "Sam Green of the Center for ... said": the person before "of/at/from the <org>"
    if (m.type !== 'PERSON') {
      let k = m.tokStart - 1;
      if (tokens[k]?.key === 'the') k--;
      if (tokens[k] && ['of', 'at', 'from', 'with'].includes(tokens[k].key)) {
        const p = mentionEndingAt.get(k - 1) ?? null;
        if (p && p.type === 'PERSON') return fromMention(p);
        const r = roleEndingAt.get(k - 1);
        if (r) return fromRole(r);
      }
      // "the Kremlin website said": the organisation stands for the speaker
    }
    return fromMention(m);
  }
  const r = roleEndingAt.get(e);
  if (r && r.tokStart >= minTok) {
    // "the actress said" with no one the article calls an actress: an occupation, unlike an
    // office ("the official said"), is only ever someone the article has named, so it refers
    // back as "she" would
    if (r.cluster === null && r.definite && LEX.occupations.has(r.head)) return resolveReference(doc, r.tokStart, e, genderOfWord(r.head.split(' ').pop()!));
    return fromRole(r);
  }
  const t = tokens[e];
  if (t.kind === 'word' && LEX.pronouns.has(t.key) && (t.key === 'he' || t.key === 'she' || t.key === 'they')) return resolvePronoun(doc, e);
  // "the 67-year-old said": an age stands for the person just named
  if (t.key === 'old' && tokens[e - 1]?.text === '-' && tokens[e - 2]?.key === 'year' && tokens[e - 3]?.text === '-' && tokens[e - 4]?.kind === 'num' && tokens[e - 5]?.key === 'the' && e - 5 >= minTok) return resolveReference(doc, e - 5, e);
  return null;
}

/** Subject of the cue verb at c, looking left within the sentence (not before minTok). */
export function subjectOf(doc: QuoteDocument, c: number, minTok: number, allowNP: boolean): SpeakerRef | null {
  const { tokens, sentOf } = doc;
  let e = c - 1;
  while (e >= minTok && tokens[e].kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[e].key) || isMannerAdverb(tokens[e])) && !LEX.pronouns.has(tokens[e].key)) e--;
  if (e < minTok) return null;
  const direct = speakerEndingAt(doc, e, minTok);
  if (direct) return direct;
  // "Ouazzani called the agreement ... and said ...": the subject of the first verb
  if ((tokens[e].key === 'and' || tokens[e].key === 'but') && e > minTok) {
    const subj = sentenceSubject(doc, sentOf[c], e);
    if (subj) return subj;
  }
  // participle ("..., saying") or appositive ("Koo, a spokesman ..., said"): the sentence subject
  if (tokens[e].text === ',' || tokens[c].key.endsWith('ing')) {
    const subject = sentenceSubject(doc, sentOf[c], c);
    if (subject || !allowNP || tokens[e].text !== ',') return subject;
    // "Officials, who spoke on condition of anonymity, said": the noun phrase before the aside
    let open = e - 1;
    while (open > minTok && open > e - 25 && tokens[open].text !== ',') open--;
    // (people only: an agent or a title heads it, "Officials", "the ambassador"; the cue a finite verb)
    if (isPersonNoun(tokens[open - 1]) && !tokens[c].key.endsWith('ing') && tokens[open].text === ',' && tokens[open + 1]?.key === 'who') return nounPhraseEndingAt(doc, open - 1, minTok);
    return null;
  }
  if (allowNP) return nounPhraseEndingAt(doc, e, minTok);
  return null;
}

/** "On Monday, the People's Daily, ...": token k follows a short opening phrase and its comma (and "the"). */
function afterOpeningPhrase(doc: QuoteDocument, k: number, start: number): boolean {
  const { tokens } = doc;
  const comma = tokens[k - 1]?.key === 'the' ? k - 2 : k - 1;
  return comma > start && comma - start <= 6 && tokens[comma].text === ',';
}

/** The subject of sentence s before token `before`: a person, an organisation opening it, a role, he/she, or a short noun phrase. */
function sentenceSubject(doc: QuoteDocument, s: number, before: number): SpeakerRef | null {
  const { tokens, sentences, mentionStartingAt, roleStartingAt, fromMention, fromRole } = doc;
  const sent = sentences[s];
  for (let k = sent.tokStart; k < before && k < sent.tokStart + 40; k++) {
    const m = mentionStartingAt.get(k);
    if (m && m.type === 'PERSON') return fromMention(m);
    // "The Bezorgersbond, a union representing couriers, said": an organisation opening the sentence
    if (m && m.type === 'ORG' && (k === sent.tokStart || (k === sent.tokStart + 1 && tokens[sent.tokStart].key === 'the') || afterOpeningPhrase(doc, k, sent.tokStart)) && tokens[m.tokEnd]?.text === ',') return fromMention(m);
    const r = roleStartingAt.get(k);
    if (r) return fromRole(r);
    const t = tokens[k];
    if (t.kind === 'word' && (t.key === 'he' || t.key === 'she')) return resolvePronoun(doc, k);
  }
  // "The regulator fined Parcelio €32m, alleging that ...": a short noun phrase opening the sentence
  const first = tokens[sent.tokStart];
  if (first && (first.key === 'the' || first.key === 'a')) {
    let e = sent.tokStart + 1;
    while (e + 1 < before && e - sent.tokStart < 3 && tokens[e + 1].kind === 'word' && !tokens[e + 1].cap && !LEX.stopwords.has(tokens[e + 1].key) && !/(ed|s)$/.test(tokens[e + 1].key)) e++;
    if (tokens[e]?.kind === 'word' && !tokens[e].cap) return nounPhraseEndingAt(doc, e, sent.tokStart);
  }
  return null;
}

/** A named person or he/she starting at token k: the speaker, and the token after it. */
export function personOrPronounAt(doc: QuoteDocument, k: number): { sp: SpeakerRef; next: number } | null {
  const { tokens, mentionStartingAt, fromMention } = doc;
  const m = mentionStartingAt.get(k);
  if (m && m.type === 'PERSON') return { sp: fromMention(m), next: m.tokEnd };
  const t = tokens[k];
  return t?.kind === 'word' && (t.key === 'he' || t.key === 'she') ? { sp: resolvePronoun(doc, k), next: k + 1 } : null;
}
