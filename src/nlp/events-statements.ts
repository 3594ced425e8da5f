/**
 * Statements and their content clauses: a verb of speech codes the clause it reports, not itself
 * ("announced it will withdraw"), unless the statement is an event of its own (accuse, allege,
 * urge, warn); "X declared that Y must V" is a demand of X, and the one a demand or an accusation
 * is about is the subject of its clause.
 */
import type { EventParticipant } from './types.js';
import { ORG_ROLE_NOUNS, resolveOrgRoleNoun } from './entities.js';
import { LEX } from './lexicons.js';
import { FINITE_AUX } from './events-subject.js';
import { supportVerbAt } from './events-nominal.js';
import { firstAfter, subjectBefore } from './events-arguments.js';
import { BLOCKS, cameoToPlover, FORMS } from './events-dictionary.js';
import type { EventDocument } from './events-document.js';
import { isAgentKey, NOT_BEFORE_VERB, PRONOUN_SUBJECTS } from './events-lexicon.js';
import { pastTimePhrase } from './events-time-place.js';

/** Pure verbs of speech: their object patterns reach into the reported clause, so they code no event. */
export const SPEECH_ONLY = new Set(['say', 'tell', 'add', 'write', 'state', 'note', 'explain', 'mention', 'inform', 'report', 'comment', 'remark', 'reply', 'answer', 'describe', 'quote']);
/** Verbs that give a name to their object ("called it a “successful document”", "dubbed"). */
export const NAMING_VERBS = /^(?:call|dub|term|label|brand|name|describe|characteri[sz]e)(?:s|d|ed|ing)?$/;
/** Words after a name that do not make it a modifier of a following noun. */
const LINK_WORDS = new Set(['and', 'or', 'to', 'not', 'also', 'still', 'immediately', 'fully', 'first']);
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our']);
/** Nouns naming a demand, whose content clause follows ("its demand that Israel ease ..."). */
const DEMAND_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'request', 'requests', 'insistence', 'appeal', 'appeals']);
/** Finite auxiliaries that open a content clause after its subject ("it will", "he had"). */
const CLAUSE_AUX = new Set([...FINITE_AUX, "'ll", "'d"]);
/** Statement verbs whose content, when forceful, is a threat (PLOVER THREATEN: "coercive or forceful warnings"). */
export const WARNING_VERBS = new Set(['warned', 'warns', 'warn', 'warning', 'cautioned', 'cautions', 'threatened', 'threatens']);
/** Verbs of speech that report or give an opinion, whatever their dictionary block. */
const NEUTRAL_SPEECH = new Set(['claim', 'argue', 'believe', 'think', 'suggest', 'acknowledge', 'admit', 'confirm', 'predict', 'estimate', 'recall', 'stress', 'emphasize', 'emphasise', 'reiterate', 'repeat', 'hope', 'expect', 'agree', 'promise', 'pledge', 'vow', 'indicate', 'signal', 'concede', 'assert', 'maintain', 'contend', 'observe', 'point']);

/**
 * A content clause starts at token k: "that" + a subject ("that China must"), or a subject and
 * a finite auxiliary ("it will", "the army had"). "that" right before a verb is a relative
 * pronoun instead ("the deal that commits").
 */
export function opensContentClause(doc: EventDocument, k: number, end: number): boolean {
  const { tokens, ents, mentionAt } = doc;
  // "announced Thursday that", "said on Tuesday that": a time expression first
  k = pastTimePhrase(doc, k, end);
  if (tokens[k]?.key === 'that') {
    if (k + 1 >= end || CLAUSE_AUX.has(tokens[k + 1].key)) return false;
    // "the deal that commits ...": a verb right after "that"; but "that exports had risen": a
    // noun subject that looks like a verb, followed by its own auxiliary or verb
    const after = tokens[k + 2]?.key ?? '';
    return !FORMS.has(tokens[k + 1].key) || CLAUSE_AUX.has(after) || (FORMS.has(after) && after.endsWith('ed'));
  }
  // a bare clause: a short subject then an auxiliary
  for (let q = k; q < end && q < k + 6; q++) {
    const key = tokens[q].key;
    if (CLAUSE_AUX.has(key)) return q > k;
    if (tokens[q].kind !== 'word' && key !== "'s") return false;
    if (q === k && !(PRONOUN_SUBJECTS.has(key) || key === 'we' || mentionAt.has(q) || ents.countryAt.has(q) || key === 'the')) return false;
  }
  return false;
}

/**
 * The statement a verb's clause is the content of: "X declared (Tuesday) that Y must V", "X
 * warned that Y will V", "X said Y would V". Returns the statement verb and its subject.
 */
export function statementOver(doc: EventDocument, v: number, start: number): { verb: number; by: EventParticipant[] } | null {
  const { tokens } = doc;
  for (let k = v - 1; k > start && k >= v - 16; k--) {
    const tk = tokens[k];
    if (tk.text === ';' || tk.text === ':') return null;
    let g = -1;
    if (tk.kind === 'word' && !tk.cap && LEX.speechVerbs.has(tk.key) && !tk.key.endsWith('ing')) g = k;
    else if (tk.key === 'that' && !CLAUSE_AUX.has(tokens[k + 1]?.key ?? '')) {
      // the statement verb: the nearest verb before "that" ("issued a stern reminder to Iraq that")
      for (let q = k - 1; q > start && q >= k - 8; q--) {
        const x = tokens[q];
        if (x.kind === 'word' && !x.cap && (LEX.speechVerbs.has(x.key) || FORMS.has(x.key) || supportVerbAt(tokens, q)) && !NOT_BEFORE_VERB.has(tokens[q - 1]?.key ?? '')) {
          g = q;
          break;
        }
      }
      if (g < 0) return null;
    } else continue;
    const by = subjectBefore(doc, g, start);
    return by.length ? { verb: g, by } : null;
  }
  return null;
}

/**
 * A verb of speech whose dictionary code is itself a PLOVER event (accuse, allege, demand, warn,
 * urge): with a content clause it is still an event. Neutral verbs of opinion or report are not,
 * whatever their dictionary block ("claimed that exports rose").
 */
export function speechActCategory(block: string, lemma: string | undefined): boolean {
  if (lemma && NEUTRAL_SPEECH.has(lemma)) return false;
  const code = BLOCKS.get(block)?.code ?? '';
  return !!code && code !== '---' && !code.startsWith('01') && cameoToPlover(code) !== null;
}

/** A verb block of CAMEO 01 (public statements: "announce", "declare"): a statement verb. */
export function isStatementBlock(block: string): boolean {
  return (BLOCKS.get(block)?.code ?? '').startsWith('01');
}

/** The "that" opening a verb's content clause, past a time phrase ("demanded on Friday that"), or -1. */
export function thatAfterVerb(doc: EventDocument, vEnd: number, end: number): number {
  const { tokens } = doc;
  let q = vEnd;
  // "reiterated its demand that", "renewed their call that": the demand named as the object
  if (POSSESSIVES.has(tokens[q]?.key ?? '') && DEMAND_NOUNS.has(tokens[q + 1]?.key ?? '')) q += 2;
  q = pastTimePhrase(doc, q, end);
  if (tokens[q]?.key === 'again') q = pastTimePhrase(doc, q + 1, end);
  return q < end && tokens[q].key === 'that' ? q : -1;
}

/** The subject of the clause "that" opens: a name right after it ("that (President) Mugabe"), or an agent noun phrase ("that the Sudanese government"). */
export function complementSubject(doc: EventDocument, that: number, end: number): EventParticipant[] {
  const { tokens, text, ents, mentionAt, roleStartOf, subjectCtx, countryParticipant } = doc;
  let q = that + 1;
  if (tokens[q]?.key === 'the' || POSSESSIVES.has(tokens[q]?.key ?? '')) q++;
  q = roleStartOf.get(q) ?? q;
  const m = mentionAt.get(q);
  // a name that heads the subject ("that Peru withdraw"), not one that modifies its noun
  // ("that the Amsterdam delivery company tracked")
  const modifier = m && tokens[m.tokEnd]?.kind === 'word' && !tokens[m.tokEnd].cap && !subjectCtx.isFiniteVerb(tokens[m.tokEnd].key) && !FORMS.has(tokens[m.tokEnd].key) && !CLAUSE_AUX.has(tokens[m.tokEnd].key) && !LINK_WORDS.has(tokens[m.tokEnd].key);
  if (m && !modifier) return firstAfter(doc, that + 1, end);
  // "that the Ugandan government release ...", "that the Amsterdam delivery company tracked":
  // the phrase up to its agent head (with the country it names), not the bare modifier; "the
  // company" / "the regulator" stand for the organisation the text named before
  if (q > that + 1) {
    for (let h = q; h < end && h < q + 4 && tokens[h].kind === 'word'; h++) {
      if (!isAgentKey(tokens[h].key) && !ORG_ROLE_NOUNS.has(tokens[h].key)) continue;
      const start = tokens[that + 1].start;
      const phrase = text.slice(start, tokens[h].end);
      const role = ORG_ROLE_NOUNS.get(tokens[h].key);
      const named = role ? resolveOrgRoleNoun(ents, role, start) : null;
      let country: string | undefined;
      for (let k = q; k < h && !country; k++) country = countryParticipant(k)?.country;
      return [{ text: phrase, start, end: tokens[h].end, canonical: named ?? text.slice(tokens[q].start, tokens[h].end), ...(country ? { country } : {}) }];
    }
  }
  return !m && countryParticipant(q) ? firstAfter(doc, that + 1, end) : [];
}
