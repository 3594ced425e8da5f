/**
 * The speaker after a cue or a quotation: the name after an inverted cue ("said Kremlin spokesman
 * Dmitry Peskov", "said the company's chairman, Marcelo Claure"), an unnamed one ("said the
 * source", "said one official"), and a name after a closing quotation mark with its description
 * or an appositive before the cue ("“...,” Interior Minister X, who serves in ..., said",
 * "“...,” chairman, CEO and president X said").
 */
import type { MentionRec } from './entities.js';
import type { QuoteDocument, SpeakerRef } from './quotes-document.js';
import { AFTER_QUOTE_STOP, CLAUSE_MARKERS, endsCueScan, isCue } from './quotes-cues.js';
import { resolvePronoun } from './quotes-pronouns.js';
import { isPersonNoun } from './quotes-noun-phrase.js';

/** Prepositions that end the search for a speaker after a cue. */
const SPEAKER_SCAN_BREAKS = new Set(['in', 'on', 'at', 'by', 'for', 'of', 'from', 'with', 'including', 'during', 'after', 'before', 'since', 'until']);
/** Articles before an unnamed speaker after a cue ("said the source", "said a witness", "said one official"). */
const UNNAMED_OPENERS = new Set(['the', 'a', 'an', 'one', 'another']);
/** People quoted without a name whom the agents and titles lists do not hold. */
const UNNAMED_SPEAKER_NOUNS = new Set(['source', 'sources', 'insider', 'witness', 'witnesses', 'resident', 'residents', 'person', 'customer', 'employee', 'neighbour', 'neighbor', 'relative']);
/** Words that may follow an unnamed speaker: a relative clause or a preposition of description. */
const RELATIVE_AFTER_SPEAKER = new Set(['who', 'whose', 'familiar', 'close', 'with', 'in', 'at', 'from', 'of', 'for', 'on']);
/** Tokens an appositive or relative clause between a speaker's name and the cue may take. */
const APPOSITIVE_TOKENS = 30;

/** Speaker after an inverted cue: "said Kremlin spokesman Dmitry Peskov", "the institute said". */
export function speakerAfter(doc: QuoteDocument, c: number, afterComma = false): SpeakerRef | null {
  const { tokens, n, sentOf, mentionStartingAt, roleStartingAt, fromMention, fromRole } = doc;
  const s = sentOf[c];
  // up to a dozen words of description before the name ("said The We Company's recently named
  // executive chair Marcelo Claure"), but no verb: "said the two sides would meet Kim" reports words
  for (let k = c + 1; k < n && k <= c + (afterComma ? 12 : 8) && sentOf[k] === s; k++) {
    const t = tokens[k];
    // "said the company's chairman, Marcelo Claure": the name in apposition after the role
    if (t.text === ',' && k > c + 1) {
      const m = mentionStartingAt.get(k + 1);
      if (m && m.type === 'PERSON') return fromMention(m);
    }
    if (t.kind === 'punct' && t.text !== '-') break;
    // "announced in September by a coalition including Reddit", "suggested by Matthew": a participle's
    // phrase, not a speaker after an inverted cue
    if (afterComma && (CLAUSE_MARKERS.has(t.key) || SPEAKER_SCAN_BREAKS.has(t.key))) break;
    const m = mentionStartingAt.get(k);
    if (m) {
      // a role prefix ("Kremlin spokesman") may precede the name: prefer the PERSON after it
      // ("said The We Company's recently named executive chair Marcelo Claure": up to a dozen words)
      if (m.type !== 'PERSON') {
        // ("says Estera Events Co-Owner and Lead Planner Erica Vanco": hyphens inside the title too)
        for (let q = m.tokEnd; q < n && q <= c + 12 && (tokens[q].kind === 'word' || tokens[q].key === "'s" || tokens[q].text === '-'); q++) {
          const p = mentionStartingAt.get(q);
          if (p && p.type === 'PERSON') return fromMention(p);
        }
      }
      return fromMention(m);
    }
    const r = roleStartingAt.get(k);
    if (r) return fromRole(r);
    if (t.kind === 'word' && (t.key === 'he' || t.key === 'she')) return resolvePronoun(doc, k);
  }
  return null;
}

/**
 * An unnamed speaker after an inverted cue: "..., said the source, who asked ...", "said a
 * witness", "said one official": an article, at most two modifiers and a noun for a person, then
 * the phrase ends. Its text is the speaker; it is resolved to no one.
 */
export function unnamedSpeakerAfter(doc: QuoteDocument, c: number): SpeakerRef | null {
  const { text, tokens, n } = doc;
  let k = c + 1;
  if (!UNNAMED_OPENERS.has(tokens[k]?.key ?? '')) return null;
  k++;
  for (let q = k; q < n && q <= k + 2; q++) {
    const t = tokens[q];
    if (t.kind !== 'word' || t.cap) return null;
    if (!isPersonNoun(t) && !UNNAMED_SPEAKER_NOUNS.has(t.key)) continue;
    const after = tokens[q + 1];
    if (after && after.kind === 'word' && !RELATIVE_AFTER_SPEAKER.has(after.key)) return null;
    const phrase = text.slice(tokens[k].start, t.end);
    return { speaker: { text: text.slice(tokens[c + 1].start, t.end), start: tokens[c + 1].start, end: t.end, canonical: phrase }, i: c + 1, j: q + 1 };
  }
  return null;
}

/**
 * A speaker named from token k0, then a cue, or a comma, an appositive or relative clause of at
 * most APPOSITIVE_TOKENS tokens and a cue. Before a person's name may come a description without
 * a verb or a preposition ("chairman, CEO and president Craig Menear", "JPL scientist and study
 * co-author Michael Malaska"); an organisation counts only right after the quote.
 */
export function appositiveSpeakerAfter(doc: QuoteDocument, k0: number): { sp: SpeakerRef; cue: number } | null {
  const { tokens, n, sentOf, mentionStartingAt, mentionWithRoleAt, fromMention } = doc;
  const s0 = sentOf[k0];
  let m: MentionRec | undefined;
  for (let k = k0; k < n && k <= k0 + 10 && sentOf[k] === s0; ) {
    const at = mentionStartingAt.get(k) ?? mentionWithRoleAt.get(tokens[k].start);
    if (at?.type === 'PERSON' || (at?.type === 'ORG' && k === k0 && isCue(tokens, at.tokEnd))) {
      m = at;
      break;
    }
    if (at) {
      k = at.tokEnd;
      continue;
    }
    const t = tokens[k];
    // (not "and" first: “creators,” and normal people, Stier says: the quoted term is in a list)
    const describes = t.kind === 'word' ? !isCue(tokens, k) && !CLAUSE_MARKERS.has(t.key) && !SPEAKER_SCAN_BREAKS.has(t.key) && ((t.key === 'and' && k > k0) || !AFTER_QUOTE_STOP.has(t.key)) : t.text === ',' || t.text === '-' || t.text === '&' || t.key === "'s";
    if (!describes) return null;
    k++;
  }
  if (!m) return null;
  const e = m.tokEnd;
  if (e < n && isCue(tokens, e) && sentOf[e] === s0) return { sp: fromMention(m), cue: e };
  if (tokens[e]?.text !== ',') return null;
  for (let c = e + 1; c < n && c <= e + APPOSITIVE_TOKENS; c++) {
    const t = tokens[c];
    if (sentOf[c] !== s0 || endsCueScan(t)) return null;
    if (isCue(tokens, c)) return { sp: fromMention(m), cue: c };
  }
  return null;
}
