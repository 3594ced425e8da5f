/**
 * Time and place of an event, read in the event's own clause: a time inside "after/when/while/
 * since/because ..." dates that clause's verb, not the main one ("since 2019" is a preposition;
 * "2011, when ..." dates both clauses), and so does a place; with no other target, the place an
 * action is done to or in is its target. Also the time phrase right after a verb, which is no
 * object ("demanded on Friday that ...").
 */
import type { EventParticipant, TimeExpr } from './types.js';
import type { Token } from './tokens.js';
import type { EventDocument } from './events-document.js';
import { LOCATIVE, PATTERN_STOP } from './events-lexicon.js';

/** Prepositions that open a time phrase after a verb ("on Friday", "in June", "at dawn"). */
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at']);

/** The token after the time phrase starting at k ("Thursday", "on Friday", "last week", "today"), or k when none starts there. */
export function pastTimePhrase(doc: EventDocument, k: number, end: number): number {
  const { tokens, timeTok } = doc;
  while (k < end && timeTok[k]) k++;
  if (TIME_PREPOSITIONS.has(tokens[k]?.key ?? '') && k + 1 < end && timeTok[k + 1]) {
    k++;
    while (k < end && timeTok[k]) k++;
  }
  return k;
}

/** Words that open an adverbial clause: a time inside one dates that clause's verb, not the main one. */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'although', 'though', 'until', 'whereas', 'once']);
/** Words between a preposition and its time ("since the late 1970s", "until early next week"). */
const TIME_MODIFIERS = new Set(['the', 'late', 'early', 'mid', 'last', 'next', 'past', 'this', 'that']);

/** An adverbial clause of a sentence: tokens [start, end), and `lead`, where the time it takes from before it starts. */
export interface AdverbialClause {
  start: number;
  end: number;
  lead: number;
}

/**
 * The adverbial clauses of a sentence, to tell main from adverbial clauses: "It was the second car offered by Putin, after Kim liked it during a meeting in
 * September 2023" — September dates the meeting, not the offer. An adverbial clause runs from its
 * subordinator to the next comma when it opens the sentence or follows a comma ("When X was
 * founded in 2011, the market ..."), else to the end of the sentence or a semicolon or dash. A
 * subordinator right before a time ("since 2019", "until Friday", "after Monday's vote") is a
 * preposition of that time and opens nothing.
 */
export function adverbialClauses(tokens: Token[], timeTok: Uint8Array, sentStart: number, sentEnd: number): AdverbialClause[] {
  const spans: AdverbialClause[] = [];
  for (let k = sentStart; k < sentEnd; k++) {
    if (!SUBORDINATORS.has(tokens[k].key)) continue;
    // "since 2019", "until Friday", "since the late 1970s": the subordinator is the time's preposition
    let q = k + 1;
    while (q < sentEnd && q - k <= 3 && TIME_MODIFIERS.has(tokens[q].key)) q++;
    if (timeTok[q]) continue;
    // "traces its roots to 1937, when it was founded", "in the 1920s when cafes needed": a "when"
    // after a time is relative to that time, which dates the clause as well as the one before it
    let lead = k;
    if (tokens[k].key === 'when') {
      let p = tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
      if (p >= sentStart && timeTok[p]) {
        while (p - 1 >= sentStart && (timeTok[p - 1] || (tokens[p - 1].text === ',' && timeTok[p - 2]))) p--;
        lead = p;
      }
    }
    const fronted = k === sentStart || tokens[k - 1].text === ',' && lead === k;
    let e = k + 1;
    while (e < sentEnd && !(fronted && tokens[e].text === ',') && tokens[e].text !== ';' && tokens[e].text !== '—' && tokens[e].text !== '–') e++;
    spans.push({ start: k, end: e, lead });
  }
  return spans;
}

/** The tokens [start, end) of the clause token v is in: the innermost adverbial clause holding it, else the sentence minus every adverbial clause. */
export function clauseAround(spans: readonly AdverbialClause[], sentStart: number, sentEnd: number, v: number): { start: number; end: number } {
  let inner: AdverbialClause | null = null;
  for (const c of spans) if (c.start <= v && v < c.end && (!inner || c.start > inner.start)) inner = c;
  if (inner) {
    // a later clause nested inside ends this one where it starts
    const nested = spans.find((c) => c.start > v && c.start < inner!.end);
    return { start: inner.lead, end: nested ? nested.start : inner.end };
  }
  let start = sentStart;
  let end = sentEnd;
  for (const c of spans) {
    if (c.end <= v) start = Math.max(start, c.end);
    else if (c.start > v) end = Math.min(end, c.start);
  }
  return { start, end };
}

export function nearestTime(times: TimeExpr[], s: number, e: number, at: number): TimeExpr | null {
  let best: TimeExpr | null = null;
  for (const t of times) {
    if (t.start < s || t.end > e || t.granularity === 'duration') continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  return best;
}

/**
 * The place named right after a locative preposition ("in", "at", "near" ...) after the verb, before
 * "during", a comma or the end of its clause: where the action is done, or null.
 */
export function placeActedOn(doc: EventDocument, vEnd: number, end: number): EventParticipant | null {
  const { tokens, mentionAt, participantOf } = doc;
  for (let k = vEnd; k < end && k < vEnd + 12; k++) {
    if (PATTERN_STOP.has(tokens[k].key) || tokens[k].key === 'during' || tokens[k].text === ',' || tokens[k].text === ';') break;
    if (!LOCATIVE.has(tokens[k].key)) continue;
    const m = mentionAt.get(k + 1) ?? (tokens[k + 1]?.key === 'the' ? mentionAt.get(k + 2) : undefined);
    if (m && m.type === 'PLACE') return participantOf(m);
  }
  return null;
}

/** The place named after "in" or "at" in the event's clause (tokens [start, end)) that is neither its actor nor its target, or null. */
export function placeInClause(doc: EventDocument, clause: { start: number; end: number }, actor: EventParticipant[], target: EventParticipant[]): EventParticipant | null {
  const { tokens, mentionAt, participantOf } = doc;
  let place: EventParticipant | null = null;
  for (let k = clause.start; k < clause.end; k++) {
    if (tokens[k].key !== 'in' && tokens[k].key !== 'at') continue;
    const m = mentionAt.get(k + 1) ?? mentionAt.get(k + 2);
    if (m && m.type === 'PLACE' && !actor.some((a) => a.start === m.start) && !target.some((a) => a.start === m.start)) {
      place = participantOf(m);
      break;
    }
  }
  return place;
}
