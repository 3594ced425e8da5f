/**
 * Modality of an event: negation ("not", "never", "refused to"), hedging ("alleged",
 * "reportedly", a modal of possibility), the future and intent ("will", "plans to", "agreed to"),
 * conditions ("if", "unless", "whether"), and the simple present or auxiliary of a habit or an
 * ability, which says what someone usually does or can do, not what happened.
 */
import type { EventParticipant, PloverCategory } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { NEGATIVE_AUX } from './events-subject.js';
import { IRREGULAR_PAST } from './verb-forms.js';
import { FORMS } from './events-dictionary.js';
import type { EventDocument } from './events-document.js';
import { AUX, CLAUSE_BOUNDARY } from './events-lexicon.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', ...NEGATIVE_AUX]);
const NEGATING_VERBS = new Set(['refused', 'refuses', 'refuse', 'failed', 'fails', 'fail', 'declined', 'declines', 'decline']);
/** Words after a negator that turn it into something else: "not only", "don't just", "no wonder", "not sure". */
const NOT_NEGATING_AFTER = new Set(['only', 'just', 'merely', 'simply', 'wonder', 'doubt', 'sure']);
export const HEDGES = new Set([
  'alleged', 'allegedly', 'allegation', 'allegations', 'accused', 'accuse', 'accuses', 'accusing', 'accusations', 'reportedly',
  'suspected', 'possibly', 'purportedly', 'claimed', 'claims', 'deny', 'denied', 'denies', 'denying', 'rumored', 'rumoured',
  'unconfirmed', 'unverified', 'purported', 'believed', 'apparently',
]);
/**
 * Modals of possibility and ability: they hedge the verb they stand before, not the whole
 * sentence ("Russia can strike Ukraine at will" says what it is able to do, not that it did).
 */
export const HEDGE_MODALS = new Set(['may', 'might', 'could', 'can']);
/** Auxiliaries of the future, which mark it on their own ("will sign", "won't sign"). */
const FUTURE_AUXILIARIES = new Set(['will', "'ll", 'shall', 'would', "won't", "wouldn't"]);
/** Words that look ahead: the future auxiliaries, and words of intent or plan before "to" or "be". */
const FUTURE = new Set([...FUTURE_AUXILIARIES, 'willing', 'ready', 'prepared', 'plans', 'planned', 'plan', 'intends', 'intend', 'intended', 'expected', 'going', 'set', 'scheduled', 'aims', 'aim', 'agreed', 'agree', 'agrees', 'promised', 'pledged', 'vowed', 'offered', 'proposed', 'wants', 'seeks', 'sought', 'hopes', 'likely']);
/**
 * PLOVER AGREE: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in
 * future tense ... should be coded as AGREE". Future yielding and retreat are AGREE too, as in
 * CAMEO2PLOVER-2021 (035x "express intent to yield / release / ease sanctions / de-escalate" →
 * AGREE) and in both gold sets ("Turkey will allow ... refugees to return" is AGREE), although
 * the codebook's text would keep them CONCEDE.
 */
export const COOPERATIVE_FUTURE_TO_AGREE = new Set<PloverCategory>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
// (CAMEO 133 "threaten with political dissent, protest": a protest announced for later is a threat too)
export const FUTURE_CONFLICT_TO_THREATEN = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'PROTEST']);
/**
 * Auxiliaries of ability and of the present's habits: "can" says what someone is able to do,
 * "doesn't take reservations" what they do not usually do; neither says what they did.
 */
const GENERIC_AUX = new Set(['can', "can't", 'cannot', 'does', 'do', "doesn't", "don't"]);
/** Modals, "to", "do" and negators that a bare verb form may follow ("will sign", "did not sign", "won't sign"). */
const AUX_BEFORE_BARE_VERB = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'to', 'did', 'does', 'do', "'ll", "n't", 'not', ...NEGATIVE_AUX]);
/** Marks that may close a sentence after its stop (quotes, brackets). */
const CLOSING_MARKS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);
/** What ends a sentence of running text (a headline ends without one). */
const SENTENCE_STOPS = new Set(['.', '!', '?']);
/** Verbs of commitment: followed by "to/on/that ..." they express intent (PLOVER AGREE). */
export const COMMITMENT_VERBS = new Set(['agree', 'agrees', 'agreed', 'agreeing', 'promise', 'promises', 'promised', 'pledge', 'pledges', 'pledged', 'offer', 'offers', 'offered', 'vow', 'vows', 'vowed', 'commit', 'commits', 'committed', 'undertake', 'undertook', 'consented', 'consent', 'swear', 'swears', 'swore', 'sworn']);
export const DEMAND_MODALS = new Set(['must', 'should']);
/** Verbs that put someone under an obligation: the act they require has not happened ("requires X to V"). */
const OBLIGATION_VERBS = new Set(['require', 'requires', 'required', 'oblige', 'obliges', 'obliged', 'obligate', 'obligates', 'obligated']);
export const CONDITIONAL_MODALS = new Set(['may', 'might', 'could', 'would', 'will']);

/**
 * Is verb v negated: a negator or a negating verb ("refused to") within four words before it, in
 * its own clause. "It's not surprising that X takes", "Y, which did not sign, attacked": the
 * negation belongs to another clause. "not only", "don't just", "no wonder", "not sure" negate
 * nothing the verb says.
 */
export function negatedVerb(tokens: Token[], v: number, start: number): boolean {
  for (let k = v - 1; k >= start && k >= v - 4; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' || CLAUSE_BOUNDARY.has(t.key)) return false;
    if (!NEGATORS.has(t.key) && !NEGATING_VERBS.has(t.key)) continue;
    if (NOT_NEGATING_AFTER.has(tokens[k + 1]?.key ?? '')) continue;
    return true;
  }
  return false;
}

/**
 * Is verb v said of the future: a future auxiliary or a word of intent or plan before it ("will
 * sign", "plans to impose", "is ready to send"), or the future or obligation of the verb its
 * infinitive serves.
 */
export function futureVerb(tokens: Token[], v: number, start: number): boolean {
  let future = false;
  for (let k = Math.max(start, v - 4); k < v; k++) {
    const key = tokens[k].key;
    if (FUTURE.has(key) && (tokens[k + 1]?.key === 'to' || FUTURE_AUXILIARIES.has(key) || tokens[k + 1]?.key === 'be')) future = true;
  }
  if (tokens[v - 1]?.key === 'to' && v - 2 >= start && FUTURE.has(tokens[v - 2].key)) future = true;
  // "is willing to send material to help defend X": a purpose infinitive shares the future of
  // the verb it serves; "a treaty that required Moscow to intervene": an obligation, not something done
  if (!future && tokens[v - 1]?.key === 'to') {
    for (let k = v - 3; k >= start && k >= v - 10; k--) {
      const key = tokens[k].key;
      if (tokens[k].kind === 'punct' || CLAUSE_BOUNDARY.has(key)) break;
      if ((FUTURE.has(key) && tokens[k + 1]?.key === 'to' && !COMMITMENT_VERBS.has(key)) || OBLIGATION_VERBS.has(key)) {
        future = true;
        break;
      }
    }
  }
  return future;
}

/** A modal of `set` before verb v, with only auxiliaries and adverbs between ("must not be"). */
export function modalBefore(tokens: Token[], v: number, start: number, set: Set<string>): boolean {
  for (let k = v - 1; k >= start && k >= v - 4; k--) {
    const key = tokens[k].key;
    if (set.has(key)) return true;
    if (!AUX.has(key)) return false;
  }
  return false;
}

export function hasAuxBefore(doc: EventDocument, v: number, start: number): boolean {
  const { tokens, mentionEnd } = doc;
  for (let k = v - 1; k >= start && k >= v - 6; k--) {
    const key = tokens[k].key;
    if (AUX_BEFORE_BARE_VERB.has(key)) return true;
    if (mentionEnd.has(k)) return false;
  }
  return false;
}

/**
 * A simple present in running text ("Avis offers bundles", "Many utility companies offer
 * rebates", "Aura monitors data breaches") describes what someone habitually does, not an event
 * that happened: news reports events in the past, the perfect or the future. Headlines and
 * subheads, written in the present ("Union calls for compensation"), end without a full stop
 * and keep their events. An ability or a habit stated with an auxiliary ("businesses can ensure
 * high availability", "customers can be targeted", "OSO Paseo doesn't take reservations") is no
 * event wherever it stands. A present between states ("an arms deal in which North Korea
 * provides Russia with munitions"), where a country takes part, stays an event.
 */
export function genericPresent(doc: EventDocument, v: number, s: Sentence, actor: EventParticipant[], target: EventParticipant[], passive: boolean): boolean {
  const { tokens } = doc;
  if (actor.some((a) => a.country) || target.some((a) => a.country)) return false;
  if (modalBefore(tokens, v, s.tokStart, GENERIC_AUX)) return true;
  if (passive || hasAuxBefore(doc, v, s.tokStart) || AUX.has(tokens[v - 1]?.key ?? '')) return false;
  const key = tokens[v].key;
  const thirdPerson = key.length > 3 && key.endsWith('s') && !key.endsWith('ss') && (FORMS.has(key.slice(0, -1)) || (key.endsWith('es') && FORMS.has(key.slice(0, -2))) || (key.endsWith('ies') && FORMS.has(key.slice(0, -3) + 'y')));
  const plainPlural = !/(s|ed|ing|en)$/.test(key) && !IRREGULAR_PAST.has(key) && FORMS.has(key) && actor.length > 0 && actor.every((a) => /[^s]s$/.test(a.text));
  if (!thirdPerson && !plainPlural) return false;
  let e = s.tokEnd - 1;
  while (e > s.tokStart && CLOSING_MARKS.has(tokens[e].text)) e--;
  return SENTENCE_STOPS.has(tokens[e].text);
}

/** The verb sits in an "if", "unless" or "whether" clause (no clause boundary in between). */
export function inConditionalClause(tokens: Token[], v: number, start: number): boolean {
  for (let k = v - 1; k >= start && k >= v - 10; k--) {
    const key = tokens[k].key;
    if (key === 'if' || key === 'unless' || key === 'whether') return true;
    if (tokens[k].kind === 'punct' && key !== '-' && key !== "'s") return false;
    if (CLAUSE_BOUNDARY.has(key) || key === 'and' || key === 'or') return false;
  }
  return false;
}

/** "if" or "unless" later in the clause: the action is conditional. */
export function conditionalAfter(tokens: Token[], from: number, end: number): boolean {
  for (let k = from; k < end && k < from + 25; k++) if (tokens[k].key === 'if' || tokens[k].key === 'unless') return true;
  return false;
}
