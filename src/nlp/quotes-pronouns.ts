/**
 * Pronouns and references as speakers: "he" or "she" (or "the 67-year-old", "the actress") is the
 * first person named in its sentence before it, else in the three sentences before whose gender
 * is not the other one, else up to eight sentences back someone known to have its gender, when the
 * sentences between name only people of the other gender; "they", "it" and "we" stand for
 * themselves. Names inside quotations are not what a pronoun outside them refers to.
 */
import type { Gender } from './gender.js';
import type { QuoteDocument, SpeakerRef } from './quotes-document.js';

const PRONOUN_GENDER = new Map<string, Gender>([['she', 'f'], ['he', 'm']]);
/** Sentences back a pronoun looks for anyone not of the other gender. */
const PRONOUN_REACH = 3;
/** Sentences back it looks for someone known to have its gender, when no one nearer fits. */
const PRONOUN_REACH_KNOWN_GENDER = 8;
const opposite = (g: Gender): Gender => (g === 'f' ? 'm' : 'f');
const PLURAL_OR_IT = new Set(['they', 'it', 'we']);

/** The person a pronoun at token p refers to: the first person named in its sentence, else in the previous ones. */
export function resolvePronoun(doc: QuoteDocument, p: number): SpeakerRef {
  const { tokens } = doc;
  const t = tokens[p];
  if (PLURAL_OR_IT.has(t.key)) return { speaker: { text: t.text, start: t.start, end: t.end, canonical: t.text }, i: p, j: p + 1 };
  return resolveReference(doc, p, p);
}

/**
 * The person a reference at tokens [a, e] stands for ("she", "the 67-year-old"): the first person
 * named in its sentence before it, else in the previous ones (up to three back).
 */
export function resolveReference(doc: QuoteDocument, a: number, e: number, gender: Gender | null = null): SpeakerRef {
  const { text, tokens, ents, sentOf, genderOf, speakersBySentence, personsBySentence, inQuote } = doc;
  const p = a;
  const wanted: Gender | null = a === e ? PRONOUN_GENDER.get(tokens[a].key) ?? null : gender;
  const phrase = text.slice(tokens[a].start, tokens[e].end);
  const base: SpeakerRef = { speaker: { text: phrase, start: tokens[a].start, end: tokens[e].end, canonical: phrase }, i: a, j: e + 1 };
  const s = sentOf[p];
  // up to three sentences back any person whose gender is not the other one; further back (a
  // feature's long paragraphs about one person) only a person known to have the pronoun's gender,
  // and only past sentences that name no one else who could speak (an organisation, a person of
  // unknown gender: "Holloway says …" read as a firm)
  const other = wanted ? opposite(wanted) : null;
  let reachesFurther = other !== null;
  for (let k = s; k >= 0 && k >= s - PRONOUN_REACH_KNOWN_GENDER; k--) {
    const near = k >= s - PRONOUN_REACH;
    if (near && reachesFurther) reachesFurther = !(speakersBySentence.get(k) ?? []).some((m) => (k < s || m.tokEnd <= p) && !inQuote(m.start) && (m.type !== 'PERSON' || genderOf(m.cluster) !== other));
    if (!near && !reachesFurther) break;
    const list = personsBySentence.get(k);
    if (!list) continue;
    // a name inside a quotation is not what a pronoun outside it refers to; "she" is no man's
    const cand = (k === s ? list.filter((m) => m.tokEnd <= p) : list).filter((m) => !inQuote(m.start) &&
      (near ? genderOf(m.cluster) !== other || other === null : genderOf(m.cluster) === wanted));
    if (cand.length) {
      const m = cand[0];
      base.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
      return base;
    }
    // someone of the other gender named in between: the text has moved on from the one before
    if (!near && list.some((m) => !inQuote(m.start))) break;
  }
  return base;
}
