/**
 * Who did it and to whom: the actor of a verb (the entity or demonym group just before it in its
 * clause, through appositives, role words, possessives and pronouns; the subject of the verb it is
 * coordinated with or governed by), the target (the first entity after it in its clause, the
 * recipient of a "to" phrase, the agent of a "by" phrase), and the subjects that name an event or
 * an attack. Nominal subjects headed by agent nouns are events-subject.ts's.
 */
import type { EventAnn, EventParticipant } from './types.js';
import type { Token } from './tokens.js';
import { ORG_ROLE_NOUNS, resolveOrgRoleNoun } from './entities.js';
import { LEX } from './lexicons.js';
import { nominalSubject } from './events-subject.js';
import { IRREGULAR_PAST, singularGuess } from './verb-forms.js';
import { CORE_EVENT_NOUNS, occurrenceVerbAt, supportVerbAt } from './events-nominal.js';
import { FORMS } from './events-dictionary.js';
import type { EventDocument } from './events-document.js';
import { ATTACK_NOUNS, AUX, CLAUSE_BOUNDARY, CONTROL_WORDS, COPULAS, INTENT_VERBS, isAgentKey, isOfficeTitle, isParticipleForm, LOCATIVE, NOT_BEFORE_VERB, OBJECT_CONTROL_VERBS, PATTERN_STOP, PRONOUN_SUBJECTS, SUBJECT_NOUNS } from './events-lexicon.js';

/** Nouns of a demand or an appeal that hand the act to the one addressed ("an ultimatum to Ecuador to halt attacks"). */
const APPEAL_NOUNS = new Set(['ultimatum', 'call', 'calls', 'appeal', 'appeals', 'plea', 'pleas', 'request', 'requests', 'order', 'orders', 'invitation', 'demand', 'demands']);
/** Words between a verb and its object's name ("urged the Syrian government to"). */
const INFINITIVE_OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'both', 'all']);
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'or', 'so']);
const SUBJECT_PP = new Set(['of', 'from', 'in', 'at', 'near', 'for', 'with', 'across', 'inside', 'outside', 'around']);
/** Determiners between "to" and its recipient ("to the army", "to his counterpart"). */
const RECIPIENT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);
/** Words that start a phrase of their own inside a "by" phrase: a name after them is not the agent. */
const BY_PHRASE_BREAKS = new Set(['of', 'for', 'from', 'with', 'in', 'on', 'at', 'as', 'to', 'about', 'like', 'such', 'including', 'over', 'under', 'between', 'among', 'outside', 'inside', 'near', 'after', 'before', 'during', 'into', 'through', 'across', 'against', 'within', 'behind', 'along', 'while', 'when', 'that', 'which', 'who']);
/** Verbs of speech whose object is the person spoken to ("told Lenz that ..."). */
const ADDRESSEE_CUES = new Set(['told', 'tell', 'tells', 'telling', 'informed', 'informs', 'assured', 'assures', 'warned', 'warns', 'reminded', 'reminds', 'urged', 'urges', 'asked', 'asks', 'promised', 'promises']);

/**
 * The first token of the clause in which verb v looks for its subject: after the nearest clause
 * boundary or comma before it, but past an appositive that a comma right before the verb closes.
 */
export function subjectClauseStart(doc: EventDocument, v: number, start: number): number {
  const { tokens, roleStartOf } = doc;
  let clauseStart = start;
  // a comma right before the verb (only auxiliaries between) closes an appositive
  // ("Pakistan, a key U.S. ally ..., has refused"): the clause goes on to its left
  let closing = -1;
  {
    let k = v - 1;
    // ("Chile, like its neighbours, plans to impose": through verbs that pass their subject on)
    while (k > start && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || ((INTENT_VERBS.has(tokens[k].key) || CONTROL_WORDS.has(tokens[k].key)) && tokens[k + 1]?.key === 'to'))) k--;
    if (tokens[k]?.text === ',') closing = k;
  }
  for (let k = v - 1; k > start; k--) {
    const key = tokens[k].key;
    if (k < closing && k >= closing - 16 && tokens[k].text === ',') {
      closing = -1; // the opening comma of the appositive
      continue;
    }
    if (k < closing && k >= closing - 16) continue;
    if (k === closing) continue;
    if (CLAUSE_BOUNDARY.has(key) && !roleStartOf.has(k)) {
      clauseStart = k + 1;
      break;
    }
    if (tokens[k].text === ',' && !isAppositiveComma(doc, k)) {
      clauseStart = k + 1;
      break;
    }
  }
  return clauseStart;
}

/**
 * The named subject of verb v: the entities and demonyms just before it in its clause, joined by
 * "and" or "," (past auxiliaries, times, an appositive, role words, a control verb: "Norway agreed
 * to send"), a pronoun's referent, or an organisation a role noun stands for ("the regulator").
 */
export function groupBefore(doc: EventDocument, v: number, clauseStart: number, depth = 0): EventParticipant[] {
  const { tokens, text, ents, mentionAt, mentionEnd, roleStartOf, timeTok, inQuote, participantOf, countryParticipant } = doc;
  const out: EventParticipant[] = [];
  let k = v - 1;
  // auxiliaries, adverbs and time expressions between subject and verb ("Denmark today accepted",
  // "Yeltsin on Saturday hosted")
  for (;;) {
    while (k >= clauseStart && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || (!tokens[k].cap && tokens[k].key.endsWith('ly') && tokens[k].key.length > 4))) k--;
    if (k >= clauseStart && timeTok[k]) {
      while (k >= clauseStart && timeTok[k]) k--;
      if (k >= clauseStart && ['on', 'in', 'at', 'last', 'this', 'early', 'late'].includes(tokens[k].key)) k--;
      continue;
    }
    break;
  }
  if (k < clauseStart) return out;
  // the word right before the verb must end a subject: an entity, a demonym, a pronoun or an agent noun
  const t = tokens[k];
  // "Norway agreed to send", "Kim promised to continue": the subject of the governing verb
  if (passesSubjectToInfinitive(tokens, k) && depth < 2) {
    return groupBefore(doc, k, clauseStart, depth + 1);
  }
  if (t.kind === 'word' && PRONOUN_SUBJECTS.has(t.key)) {
    const p = resolvePronoun(doc, k);
    if (p) out.push(...p);
    return out;
  }
  // "The regulator fined Parcelio": an organisation named earlier
  const orgRole = t.kind === 'word' && !t.cap && tokens[k - 1]?.key === 'the' ? ORG_ROLE_NOUNS.get(t.key) : undefined;
  if (orgRole) {
    const canonical = resolveOrgRoleNoun(ents, orgRole, tokens[k].start);
    if (canonical) {
      const m = ents.mentions.find((x) => x.canonical === canonical);
      out.push({ text: text.slice(tokens[k - 1].start, t.end), start: tokens[k - 1].start, end: t.end, canonical, ...(m?.country ? { country: m.country } : {}) });
      return out;
    }
  }
  // ("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded": the appositive
  // may itself end in a name)
  if (t.text === ',') {
    // "Pakistan, a key U.S. ally in the war against terrorism, has refused": skip the appositive
    for (let q = k - 1; q > clauseStart && q >= k - 16; q--) {
      if (tokens[q].text !== ',') continue;
      // the name before the appositive may carry an acronym in brackets ("... Teachers (NUT), the union ...")
      const nameEnd = beforeBracketedAcronym(tokens, q - 1, clauseStart);
      // the appositive opens with a determiner or a possessive name ("Algeria's leading activist")
      const opener = tokens[q + 1];
      const possessive = !!opener && (mentionAt.has(q + 1) || ents.countryAt.has(q + 1)) && tokens.slice(q + 2, q + 6).some((x) => x.key === "'s") && isAgentKey(tokens[k - 1].key);
      // ("The Taliban, backed by Pakistan, seized": a participle with its agent)
      const participle = !!opener && isParticipleForm(opener.key) && tokens[q + 2]?.key === 'by';
      if ((['a', 'an', 'the', 'which', 'who', 'like', 'unlike', 'along', 'together'].includes(opener?.key ?? '') || possessive || participle) && (mentionEnd.has(nameEnd) || countryStartingBefore(doc, nameEnd) >= 0)) return groupBefore(doc, nameEnd + 1, clauseStart, depth + 1);
      break;
    }
  }
  if (t.text === ',' && !mentionEnd.has(k - 1)) {
    // "The main rebel group, Forces for Defence of Democracy (FDD), insisted": a name (with its
    // acronym) in apposition to a nominal subject is the subject
    const e = beforeBracketedAcronym(tokens, k - 1, clauseStart);
    const app = e < k - 1 ? mentionEnd.get(e) : undefined;
    if (app && app.type !== 'PERSON' && tokens[app.tokStart - 1]?.text === ',') return [participantOf(app)];
  }
  if (t.text === ',' && mentionEnd.has(k - 1)) {
    // "Ana Ribeiro of Portugal and her Moroccan counterpart, Samir Ouazzani, signed"
    const app = mentionEnd.get(k - 1)!;
    if (app.type === 'PERSON' && tokens[app.tokStart - 1]?.text === ',') {
      out.push(participantOf(app));
      let q = app.tokStart - 2;
      // back over "her Moroccan counterpart" (lowercase words and demonyms) to "and"
      while (q >= clauseStart && q >= app.tokStart - 8 && tokens[q].kind === 'word' && tokens[q].key !== 'and' && (!tokens[q].cap || ents.countryAt.has(q))) q--;
      if (q > clauseStart && tokens[q].key === 'and') {
        const more = groupBefore(doc, q, clauseStart).filter((x) => x.canonical !== app.canonical);
        // "X of Portugal and ...": prefer the person named before "of"
        out.unshift(...more);
      }
      return out;
    }
  }
  if (t.text === ')') {
    // "The Asia-Pacific Economic Cooperation (APEC) forum": step over a parenthesis
    let q = k - 1;
    while (q >= clauseStart && q >= k - 5 && tokens[q].text !== '(') q--;
    if (q >= clauseStart && tokens[q].text === '(') k = q - 1;
  }
  if (!mentionEnd.has(k) && countryStartingBefore(doc, k) < 0) {
    // "Senior Hungarian and Romanian officials", "South Korean troops", "Sudan's government",
    // "the APEC forum": up to three lowercase nouns/modifiers after the entity or demonym
    let q = k;
    let words = 0;
    while (q >= clauseStart && words < 3 && tokens[q].kind === 'word' && !tokens[q].cap && !LEX.stopwords.has(tokens[q].key) && !NOT_BEFORE_VERB.has(tokens[q].key)) {
      q--;
      words++;
    }
    // "Taiwan's Vice Foreign Minister visited": capitalised title words of an unnamed official
    let titleWalk = false;
    if (words === 0) {
      while (q >= clauseStart && words < 4 && tokens[q].kind === 'word' && tokens[q].cap && (isOfficeTitle(tokens[q].key) || LEX.roleModifiers.has(tokens[q].key) || LEX.agents.has(tokens[q].key) || SUBJECT_NOUNS.has(tokens[q].key))) {
        q--;
        words++;
      }
      // "Iraqi Kurds", "Bosnian Serbs": a people named after a demonym
      if (words === 0 && tokens[q]?.cap && /s$/.test(tokens[q].key) && !mentionEnd.has(q) && countryStartingBefore(doc, q - 1) >= 0) {
        q--;
        words++;
      } else if (words === 0 || tokens[q]?.key !== "'s") return out;
      titleWalk = true;
    }
    if (words === 0 || !(isAgentNoun(tokens, k) || words <= 2 || titleWalk)) return out;
    // "their forces had completed": the possessor is the subject of the previous clause
    if (q >= clauseStart && (tokens[q].key === 'their' || tokens[q].key === 'its')) {
      const r = resolvePronoun(doc, q);
      if (r) out.push(...r);
      return out;
    }
    if (q >= clauseStart && tokens[q].key === "'s") q--;
    if (q >= clauseStart && tokens[q].text === ')') {
      let r = q - 1;
      while (r >= clauseStart && r >= q - 5 && tokens[r].text !== '(') r--;
      if (r >= clauseStart && tokens[r].text === '(') q = r - 1;
    }
    if (q < clauseStart || !(mentionEnd.has(q) || countryStartingBefore(doc, q) >= 0)) return out;
    k = q;
  }
  // walk left over the subject, collecting entities and demonyms joined by "and" / ","
  for (; k >= clauseStart; k--) {
    let m = mentionEnd.get(k);
    if (m && inQuote(m.start)) return out;
    if (m) {
      // a name inside a prepositional phrase is not the subject ("fishermen from Peniche held",
      // "Rescue teams in central Greece were searching"), except "X of Y" where X is a person
      let pq = m.tokStart - 1;
      while (pq >= clauseStart && tokens[pq].kind === 'word' && !tokens[pq].cap && (tokens[pq].key === 'the' || LEX.roleModifiers.has(tokens[pq].key) || ['central', 'northern', 'southern', 'eastern', 'western'].includes(tokens[pq].key))) pq--;
      if (pq >= clauseStart && SUBJECT_PP.has(tokens[pq].key)) {
        // "Foreign Minister Ana Ribeiro of Portugal": the person, not the country; "Opposition
        // groups in Zimbabwe" stay coded to the place (PLOVER codes such groups by location);
        // "fishermen from the port town of Peniche": a place inside a place phrase is no actor
        const head = mentionEnd.get(pq - 1);
        if (head && head.type === 'PERSON') m = head;
        else if (pq - 1 >= clauseStart && LEX.keywords.place.has(tokens[pq - 1].key) && !tokens[pq - 1].cap) return out;
      }
      out.unshift(participantOf(m));
      k = m.tokStart;
      // skip the role words before the name ("Russian President")
      while (k - 1 >= clauseStart && roleStartOf.get(k - 1) !== undefined) k--;
    } else {
      const cs = countryStartingBefore(doc, k);
      if (cs < 0) break;
      const p = countryParticipant(cs);
      if (p) out.unshift(p);
      k = cs;
    }
    // continue only over "and" / "," joining another entity (or "and" + modifier words)
    let q = k - 1;
    // a possessor before the name ("North Korea's Kim Jong Un") belongs to it
    if (q >= clauseStart && tokens[q].key === "'s" && mentionEnd.has(q - 1)) q = mentionEnd.get(q - 1)!.tokStart - 1;
    // "the former Soviet Union": determiner and modifiers after "and"
    while (q >= clauseStart && tokens[q].kind === 'word' && !tokens[q].cap && (tokens[q].key === 'the' || LEX.roleModifiers.has(tokens[q].key)) && q >= k - 3) q--;
    if (q >= clauseStart && (tokens[q].key === 'and' || tokens[q].text === ',' || tokens[q].text === '&')) {
      q--;
      if (tokens[q + 1].text === ',' && tokens[q]?.key === 'and') q--;
      if (q >= clauseStart && (mentionEnd.has(q) || countryStartingBefore(doc, q) >= 0)) {
        k = q + 1;
        continue;
      }
    }
    break;
  }
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(p.canonical) ? false : (seen.add(p.canonical), true)));
}

/** Token index where a demonym/country reference ending at token k starts, or -1. */
export function countryStartingBefore(doc: EventDocument, k: number): number {
  const { tokens, ents } = doc;
  for (let q = k; q >= 0 && q >= k - 2; q--) {
    const c = ents.countryAt.get(q);
    if (c && c.end === tokens[k].end) return q;
  }
  return -1;
}

/**
 * he/she → the first person named in the sentence (or the previous ones); it/they → the subject
 * group of the nearest earlier verb in the sentence ("Iraq said it would allow ...").
 */
function resolvePronoun(doc: EventDocument, p: number): EventParticipant[] | null {
  const { tokens, sentences, sentOfTok, personsBySentence, participantOf } = doc;
  const s = sentOfTok[p];
  const key = tokens[p].key;
  const as = (x: EventParticipant): EventParticipant => ({ ...x, text: tokens[p].text, start: tokens[p].start, end: tokens[p].end });
  if (key === 'it' || key === 'they' || key === 'its' || key === 'their') {
    for (let k = p - 1; k > sentences[s].tokStart; k--) {
      const tk = tokens[k];
      if (tk.kind === 'word' && !tk.cap && (FORMS.has(tk.key) || LEX.speechVerbs.has(tk.key))) {
        let g = groupBefore(doc, k, sentences[s].tokStart).filter((x) => key === 'they' || key === 'their' || x.canonical !== tokens[p].text);
        // "The union announced that it has called off the strike": a nominal subject
        if (!g.length && (key === 'it' || key === 'they')) g = nominalSubjectBefore(doc, k, sentences[s].tokStart);
        // the nearest verb's subject only: "the government said it would ..." has no entity subject
        return g.length ? (key === 'it' || key === 'its' ? [as(g[0])] : g.map(as)) : null;
      }
    }
    return null;
  }
  for (let k = s; k >= 0 && k >= s - 2; k--) {
    const list = personsBySentence.get(k);
    if (!list) continue;
    const cand = k === s ? list.filter((m) => m.tokEnd <= p) : list;
    if (k === s && cand.length > 1) {
      // "Green said Putin's visit showed how beholden he is": inside reported speech, "he" is
      // first someone named in the reported clause, not the speaker
      let cue = -1;
      for (let q = p - 1; q >= cand[0].tokEnd; q--) {
        if (tokens[q].kind === 'word' && !tokens[q].cap && LEX.speechVerbs.has(tokens[q].key)) {
          cue = q;
          break;
        }
      }
      // "told Lenz that she ...": the person right after told/assured/warned is who was spoken to
      // (the first person after the cue, with only role words between: "told Peruvian President Lenz")
      let inClause = cue >= 0 ? cand.filter((m) => m.tokStart > cue) : [];
      if (inClause.length && ADDRESSEE_CUES.has(tokens[cue].key) && inClause[0].tokStart <= cue + 5) {
        let plain = true;
        for (let q = cue + 1; q < inClause[0].tokStart; q++) if (tokens[q].kind !== 'word' || tokens[q].key === 'that') plain = false;
        if (plain) inClause = inClause.slice(1);
      }
      if (inClause.length) return [as(participantOf(inClause[0]))];
    }
    if (cand.length) return [as(participantOf(cand[0]))];
  }
  return null;
}

/** A lowercase noun that can head a subject: an agent ("troops", "officials") or a role ("minister"). */
function isAgentNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word' || t.cap) return false;
  const key = t.key;
  const sing = singularGuess(key);
  return LEX.agents.has(key) || isOfficeTitle(key) || isOfficeTitle(sing) || SUBJECT_NOUNS.has(key);
}

/** The token before a short bracketed acronym ending at e ("Teachers (NUT)" → "Teachers"), else e. */
function beforeBracketedAcronym(tokens: Token[], e: number, clauseStart: number): number {
  if (tokens[e]?.text !== ')') return e;
  let r = e - 1;
  while (r > clauseStart && r >= e - 5 && tokens[r].text !== '(') r--;
  return tokens[r]?.text === '(' ? r - 1 : e;
}

function isAppositiveComma(doc: EventDocument, k: number): boolean {
  const { tokens, mentionEnd } = doc;
  // "Koo Byongsam, a spokesman for ..., said": commas around an appositive do not end the subject
  const nx = tokens[k + 1];
  return !!nx && (nx.key === 'a' || nx.key === 'an') && mentionEnd.has(k - 1);
}

/** The named subject of verb v, or failing that its nominal subject ("the two sides"). */
export function subjectBefore(doc: EventDocument, v: number, clauseStart: number): EventParticipant[] {
  const g = groupBefore(doc, v, clauseStart);
  return g.length ? g : nominalSubjectBefore(doc, v, clauseStart);
}

/** The nominal subject of verb v, headed by an agent noun ("the two sides", "rebel leaders"), as a list. */
export function nominalSubjectBefore(doc: EventDocument, v: number, clauseStart: number): EventParticipant[] {
  const { subjectCtx } = doc;
  const np = nominalSubject(subjectCtx, clauseStart, subjectEnd(doc, v, clauseStart));
  return np ? [np] : [];
}

/** A verb or control word at k followed by "to" ("agreed to", "is willing to", "plans to"): its subject is the infinitive's. */
function passesSubjectToInfinitive(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return tokens[k + 1]?.key === 'to' && t.kind === 'word' && !t.cap && (FORMS.has(t.key) || CONTROL_WORDS.has(t.key) || INTENT_VERBS.has(t.key));
}

/** Last token of the subject before verb v: auxiliaries, adverbs, times and control verbs skipped. */
function subjectEnd(doc: EventDocument, v: number, clauseStart: number): number {
  const { tokens, timeTok } = doc;
  let k = v - 1;
  for (let round = 0; round < 4; round++) {
    while (k >= clauseStart && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || (!tokens[k].cap && tokens[k].key.endsWith('ly') && tokens[k].key.length > 4))) k--;
    if (k >= clauseStart && timeTok[k]) {
      while (k >= clauseStart && timeTok[k]) k--;
      if (k >= clauseStart && ['on', 'in', 'at', 'last', 'this', 'early', 'late'].includes(tokens[k].key)) k--;
      continue;
    }
    // "is willing to", "agreed to": the subject of the governing word
    if (k >= clauseStart && passesSubjectToInfinitive(tokens, k)) {
      k--;
      continue;
    }
    break;
  }
  return k;
}

/**
 * The subject of the verb that governs a participle or infinitive at v ("The party issued a
 * declaration demanding ...": the party): the nearest earlier verb of the clause.
 */
export function subjectOfGoverningVerb(doc: EventDocument, v: number, clauseStart: number): EventParticipant[] {
  const { tokens, mentionEnd } = doc;
  for (let q = v - 2; q >= clauseStart && q >= v - 12; q--) {
    const x = tokens[q];
    if (x.kind !== 'word' || x.cap) continue;
    // "said the visit would be a good way to upset ...": not through a copula or a statement
    if (COPULAS.has(x.key) || LEX.speechVerbs.has(x.key)) return [];
    if (!(FORMS.has(x.key) || supportVerbAt(tokens, q) || CONTROL_WORDS.has(x.key) || INTENT_VERBS.has(x.key) || IRREGULAR_PAST.has(x.key))) continue;
    if (NOT_BEFORE_VERB.has(tokens[q - 1]?.key ?? '') && !mentionEnd.has(q - 1)) continue;
    return subjectBefore(doc, q, clauseStart);
  }
  return [];
}

/** The actor of the event coded last in sentence `si` when verb `v` is coordinated with it ("... and [then] killed"). */
export function sharedSubject(doc: EventDocument, v: number, si: number): EventParticipant[] {
  const { tokens, events, tokenAfter } = doc;
  let k = v - 1;
  while (k > 0 && tokens[k].kind === 'word' && (tokens[k].key.endsWith('ly') || tokens[k].key === 'then' || tokens[k].key === 'also' || AUX.has(tokens[k].key))) k--;
  if (tokens[k]?.key !== 'and') return [];
  // "in exchange for technologies and aid.": a bare form with nothing after it, after "and" and
  // a plural noun, ends a list of nouns ("raid homes and arrest dozens" has an object)
  const before = tokens[k - 1];
  const after = tokens[v + 1];
  if (!/(s|ed|ing)$/.test(tokens[v].key) && (!after || after.kind === 'punct') && before?.kind === 'word' && !before.cap && /[^s]s$/.test(before.key) && !FORMS.has(before.key)) return [];
  // "Russia has provided cover to Kim's efforts to expand ..., and has blocked": a finite verb
  // is coordinated with the last finite one, not with an infinitive inside its object
  const infinitive = (e: EventAnn): boolean => tokens[tokenAfter(e.trigger.start) - 1]?.key === 'to';
  let last = events[events.length - 1];
  if (tokens[v - 1]?.key !== 'to') {
    for (let i = events.length - 1; i >= 0 && events[i].sentence === si; i--) {
      if (infinitive(events[i])) continue;
      last = events[i];
      break;
    }
  }
  if (!last || last.sentence !== si || last.trigger.end > tokens[k].start || tokens[k].start - last.trigger.end > 160) return subjectOfUncodedVerbBefore(doc, k, si);
  // another finite verb or a subject between the two would start a clause of its own
  for (let q = k - 1; q >= 0 && tokens[q].start >= last.trigger.end; q--) {
    if (tokens[q].key === ';' || CLAUSE_BOUNDARY.has(tokens[q].key) || PRONOUN_SUBJECTS.has(tokens[q].key)) return [];
  }
  return last.actor.map((a) => ({ ...a }));
}

/**
 * "Swift took to social media and accused Braun": the verb before "and" was judged no event, so
 * the subject comes from the words before that verb (close by, in the same sentence).
 */
function subjectOfUncodedVerbBefore(doc: EventDocument, and: number, si: number): EventParticipant[] {
  const { tokens, sentences, uncodedVerbs } = doc;
  const start = sentences[si].tokStart;
  for (let q = and - 1; q > start && q >= and - 12; q--) {
    const t = tokens[q];
    if (t.kind === 'punct' && t.text !== ',') return [];
    if (t.kind !== 'word' || t.cap) continue;
    if (uncodedVerbs.has(q)) return groupBefore(doc, q, start);
  }
  return [];
}

/**
 * The name starting at token k, right before "to" + verb, is the object of something before it
 * in its clause, not the infinitive's subject: it does not open the clause and the word before
 * it (past its determiners) is no verb that hands its object the act.
 */
export function infinitiveObject(tokens: Token[], k: number, clauseStart: number): boolean {
  let q = k - 1;
  while (q >= clauseStart && INFINITIVE_OBJECT_DETERMINERS.has(tokens[q].key)) q--;
  if (q < clauseStart || (q === clauseStart && CLAUSE_CONJUNCTIONS.has(tokens[q].key))) return false;
  const key = tokens[q].key;
  if (OBJECT_CONTROL_VERBS.test(key)) return false;
  // "called on Serbia to release", "an ultimatum to Ecuador to halt": the one addressed acts
  const before = tokens[q - 1]?.key ?? '';
  if ((key === 'on' || key === 'upon' || key === 'to') && (OBJECT_CONTROL_VERBS.test(before) || APPEAL_NOUNS.has(before))) return false;
  // "a delegation of Japan to negotiate", "a meeting of the Security Council to discuss": the
  // name inside the phrase is the one that acts
  return key !== 'of';
}

/** A word of `heads` in the subject before verb v ("angry paper workers", "riot police"). */
export function subjectHeadIn(tokens: Token[], v: number, heads: Set<string>): boolean {
  for (let k = v - 1; k >= 0 && k >= v - 12; k--) {
    const tk = tokens[k];
    if (tk.kind === 'punct' && tk.text !== '-' && tk.key !== "'s") return false;
    if (heads.has(tk.key)) return true;
  }
  return false;
}

/**
 * For an occurrence verb at v ("continuing", "erupted", "broke out"), the token of the event
 * noun heading its subject ("Palestinian riots against ... are continuing"), or -1.
 */
export function eventNounSubject(tokens: Token[], v: number, start: number): number {
  if (!occurrenceVerbAt(tokens, v)) return -1;
  let k = v - 1;
  while (k >= start && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || (!tokens[k].cap && tokens[k].key.endsWith('ly')))) k--;
  // the head noun is the first core event noun of the clause, before any verb
  for (let q = start; q <= k && q < start + 8; q++) {
    const key = tokens[q].key;
    if (CORE_EVENT_NOUNS.has(key) && !(q > start && NOT_BEFORE_VERB.has(tokens[q - 1].key) && tokens[q - 1].key !== 'the' && tokens[q - 1].key !== 'new')) return q;
    if (tokens[q].kind === 'punct' && key !== '-' && key !== "'s") return -1;
  }
  return -1;
}

/** The entity or demonym right before a noun ("Palestinian riots", "Kenya's protests"). */
export function modifierOf(doc: EventDocument, noun: number, start: number): EventParticipant[] {
  const { tokens, mentionEnd, participantOf, countryParticipant } = doc;
  let k = noun - 1;
  while (k >= start && tokens[k].kind === 'word' && !tokens[k].cap && k >= noun - 3) k--;
  if (k < start) return [];
  if (tokens[k].key === "'s") k--;
  const m = mentionEnd.get(k);
  if (m) return [participantOf(m)];
  const c = countryStartingBefore(doc, k);
  const p = c >= 0 ? countryParticipant(c) : null;
  return p ? [p] : [];
}

/** The clause's subject names an attack or explosion ("A roadside bombing ... killed"). */
export function attackSubject(tokens: Token[], clauseStart: number, v: number): boolean {
  for (let q = clauseStart; q < v && q < clauseStart + 4; q++) if (ATTACK_NOUNS.has(tokens[q].key)) return true;
  return false;
}

/**
 * The first named participant after token k. With `intoCondition`, the search goes on into an
 * "if"/"unless" clause: a threat's target is whoever must meet its condition ("threatened a
 * strike unless Israel rescinded ...").
 */
export function firstAfter(doc: EventDocument, k: number, end: number, intoCondition = false): EventParticipant[] {
  const { tokens, mentionAt, roleStartOf, inQuote, participantOf, countryParticipant } = doc;
  const out: EventParticipant[] = [];
  for (let q = k; q < end && q < k + 12; q++) {
    const key = tokens[q].key;
    if (tokens[q].kind === 'punct' && key !== '-' && key !== "'") {
      if (out.length || key === '.' || key === ';' || key === ',') break;
      continue;
    }
    if (out.length === 0 && (key === 'that' || key === 'which' || key === 'who')) break;
    // "intervene if North Korea was attacked", "offers classes when you buy X": a target is not
    // inside an adverbial clause
    if (PATTERN_STOP.has(key) && !(intoCondition && (key === 'if' || key === 'unless'))) break;
    // skip role words: take the name they introduce
    const nameStart = roleStartOf.get(q);
    if (nameStart !== undefined) q = nameStart;
    const m = mentionAt.get(q);
    // "in Pyongyang", "based in the Netherlands": a location, not a target
    const before = tokens[q - 1]?.key === 'the' ? tokens[q - 2] : tokens[q - 1];
    if (m && inQuote(m.start)) break;
    if (m && q > k && before && LOCATIVE.has(before.key)) {
      q = m.tokEnd - 1;
      continue;
    }
    if (m) {
      out.push(participantOf(m));
      q = m.tokEnd - 1;
      if (tokens[q + 1]?.key === 'and') continue;
      break;
    }
    const c = countryParticipant(q);
    if (c) {
      out.push(c);
      if (tokens[q + 1]?.key === 'and') continue;
      break;
    }
  }
  return out;
}

/** The party a "to" phrase names within a few words after the verb ("given to Vietnam", "offered by Putin to his counterpart"). */
export function recipientAfter(doc: EventDocument, from: number, end: number): EventParticipant[] {
  const { tokens, tokenAfter } = doc;
  for (let k = from; k < Math.min(end, from + 8); k++) {
    // ("sanctions were imposed on Iran", "charges brought against Hamas": the one it falls on)
    if (tokens[k].key !== 'to' && tokens[k].key !== 'on' && tokens[k].key !== 'against') continue;
    // the party right after "to", or after a determiner ("to his counterpart"); "to prevent PII
    // leakage" is a purpose, not a recipient
    const found = firstAfter(doc, k + 1, end);
    const at = found.length ? tokenAfter(found[0].start) : -1;
    if (at === k + 1 || (at === k + 2 && RECIPIENT_DETERMINERS.has(tokens[k + 1].key))) return found;
    return [];
  }
  return [];
}

/** Nothing but a determiner and modifiers between "by" and the agent: no preposition, no punctuation, at most 8 words. */
export function headsByPhrase(tokens: Token[], byAt: number, agentAt: number): boolean {
  if (agentAt - byAt > 8) return false;
  for (let k = byAt + 1; k < agentAt; k++) {
    const u = tokens[k];
    if (u.kind !== 'word' ? u.text !== '-' : BY_PHRASE_BREAKS.has(u.key)) return false;
  }
  return true;
}

/** The verb of a purpose infinitive ("... to investigate") after the object starting at `from`, or -1. */
export function purposeVerb(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + 14; k++) {
    const key = tokens[k].key;
    if (key === ',' || key === ';' || key === '.' || CLAUSE_BOUNDARY.has(key)) return -1;
    if (key === 'to' && tokens[k + 1]?.kind === 'word' && !tokens[k + 1].cap && FORMS.has(tokens[k + 1].key) && !NOT_BEFORE_VERB.has(tokens[k + 1].key)) return k + 1;
  }
  return -1;
}

/** "pressed Iran to ...", "pressuring workers of the X Company (Y) to ...": an object then "to" + verb. */
export function infinitiveAfterObject(tokens: Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length && k < from + 16; k++) {
    const key = tokens[k].key;
    if (key === ',' || key === ';' || key === '.' || CLAUSE_BOUNDARY.has(key)) return false;
    if (key === 'to') return tokens[k + 1]?.kind === 'word' && !tokens[k + 1].cap && !NOT_BEFORE_VERB.has(tokens[k + 1].key);
  }
  return false;
}
