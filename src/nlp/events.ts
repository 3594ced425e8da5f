/**
 * Event coding: who did what to whom, coded to PLOVER categories.
 *
 * The verb dictionary is PETRARCH2's CAMEO verb file, compiled by scripts/build-nlp-lexicons.ts
 * into data/lexicons/event-verbs.json (verb form → verb block with a default CAMEO code and object
 * patterns such as "SIGN * &TREATY" → 057); CAMEO codes map to PLOVER through the
 * CAMEO2PLOVER-2021 table. Without a parser we approximate PETRARCH's phrase structure:
 *  - a dictionary word counts as a verb unless a determiner, possessive or preposition precedes it;
 *  - the actor is the entity (or demonym) group just before the verb in its clause ("Russian
 *    President Vladimir Putin and North Korean leader Kim Jong Un signed"); passives take the
 *    "by" phrase;
 *  - the target is the first entity after the verb in its clause;
 *  - object patterns are matched in order within the next words of the clause.
 * Flags: negation ("not", "never", "refused to"...), hedging ("alleged", "accused", "denied",
 * "reportedly", "could") and future/intent ("will", "plans to", "agreed to"). PLOVER's rule that
 * future cooperative actions are AGREE is applied.
 *
 * This module is the scan and its main decisions (codeAt); the rest lives apart:
 *  - events-dictionary.ts: the verb dictionary, CAMEO → PLOVER, object patterns, event nouns;
 *  - events-document.ts: what is read once per document (mentions by token, time tokens, quotes);
 *  - events-lexicon.ts: the word tables the scan and several modules share;
 *  - events-verb-or-noun.ts: when a dictionary word is a noun or an adjective, not a verb;
 *  - events-statements.ts: statement verbs, content clauses, demands;
 *  - events-senses.ts: per-verb sense guards (readings general news does not bear out);
 *  - events-modality.ts: negation, hedging, future, conditions, habits;
 *  - events-arguments.ts: actor and target; events-subject.ts: nominal subjects;
 *  - events-time-place.ts: the event's clause, its time and place;
 *  - events-codebook.ts, events-nominal.ts: codebook readings, nominal triggers.
 */
import type { EventAnn, EventParticipant, Quote, TimeExpr } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import type { EntityResult } from './entities.js';
import { LEX } from './lexicons.js';
import { DISASTER_WORDS, nominalObject } from './events-subject.js';
import { codebookReadingOf, hitBeforeStop, isPunctButHyphen, objectHasSequence, STATE_HEADS, type CodebookContext } from './events-codebook.js';
import { IRREGULAR_PAST } from './verb-forms.js';
import { CORE_EVENT_NOUNS, objectEventNoun, occurrenceVerbAt, supportVerbAt, terminativeVerbAt } from './events-nominal.js';
import { attackSubject, countryStartingBefore, eventNounSubject, firstAfter, groupBefore, headsByPhrase, infinitiveAfterObject, infinitiveObject, modifierOf, nominalSubjectBefore, purposeVerb, recipientAfter, sharedSubject, subjectClauseStart, subjectHeadIn, subjectOfGoverningVerb } from './events-arguments.js';
import { BLOCKS, cameoToPlover, eventNounBlock, FORMS, isEventNoun, matchBlockPatterns, MULTI_WORD_FIRST, NO_CODE_BLOCK, QUAD, terminatedCode, type CompiledBlock } from './events-dictionary.js';
import { readEventDocument } from './events-document.js';
import { AGREEMENT_NOUNS, ARRIVE_FORMS, AUX, CONFLICT, COPULAS, GERUND_COMPLEMENT_VERBS, INTENT_VERBS, isAgentKey, isParticipleForm, isPassiveParticiple, MATERIAL_CONFLICT, NOT_BEFORE_VERB, OBJECT_CONTROL_VERBS, OFFICE_NOUNS, PATTERN_STOP, REFUSAL_VERBS, RESIGN_FORMS, SIGN_VERBS, THREAT_TRIGGER, VERBAL_ACTS, VICTIM_VERBS, VIOLENCE_WORDS } from './events-lexicon.js';
import { COMMITMENT_VERBS, CONDITIONAL_MODALS, conditionalAfter, COOPERATIVE_FUTURE_TO_AGREE, DEMAND_MODALS, FUTURE_CONFLICT_TO_THREATEN, futureVerb, genericPresent, hasAuxBefore, HEDGE_MODALS, HEDGES, inConditionalClause, modalBefore, negatedVerb } from './events-modality.js';
import { attackReading, INSPECT_FORMS, judgedNoEvent, judgedNoEventByWord } from './events-senses.js';
import { complementSubject, isStatementBlock, NAMING_VERBS, opensContentClause, SPEECH_ONLY, speechActCategory, statementOver, thatAfterVerb, WARNING_VERBS } from './events-statements.js';
import { adverbialClauses, clauseAround, nearestTime, pastTimePhrase, placeActedOn, placeInClause, type AdverbialClause } from './events-time-place.js';
import { auxiliariesStart, isAttributiveParticiple, isExpectedTo, isPluralDemonym, isPluralNoun, isPredicateNoun, isReducedRelative, passiveAuxiliaryBefore } from './events-verb-or-noun.js';
export { cameoToPlover } from './events-dictionary.js';
export { adverbialClauses, clauseAround } from './events-time-place.js';

/** Set `eventDebug.on = true` to trace verb candidates on stderr (development aid). */
export const eventDebug = { on: process.env.PARALLAX_NLP_DEBUG === '1' };

/**
 * The events of a document, in text order: each word of each sentence that the verb dictionary,
 * a support or terminative verb, or an occurrence verb after an event noun makes a trigger is
 * read by codeAt, which decides verb or noun, the code, the category, actor and target, the flags,
 * time and place.
 */
export function findEvents(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[], quotes: Quote[] = []): EventAnn[] {
  const doc = readEventDocument(text, tokens, sentences, ents, times, quotes);
  const { events, mentionAt, mentionByStart, mentionEnd, roleStartOf, timeTok, sentOfTok, uncodedVerbs, subjectCtx, inQuote, quotedTermAt, countryParticipant, tokenAfter } = doc;
  const uncoded = (v: number): number => {
    uncodedVerbs.add(v);
    return v;
  };
  /** Each sentence's adverbial clauses, read once for all its events (see adverbialClauses). */
  const clausesOfSentence = new Map<number, AdverbialClause[]>();
  const codebookCtx: CodebookContext = {
    tokens,
    timeTok,
    nameAt: (k) => mentionAt.has(k) || ents.countryAt.has(k),
    subjectHeadIn: (v, heads) => subjectHeadIn(tokens, v, heads),
    blockCode: (key) => BLOCKS.get(FORMS.get(key) ?? '')?.code ?? '',
    purposeVerb: (from) => purposeVerb(tokens, from),
    infinitiveAfterObject: (from) => infinitiveAfterObject(tokens, from),
    notePurpose: (tok) => {
      purposeTok = tok;
    },
  };

  // hedging words per sentence, counted once
  const hedgeCount = new Int32Array(sentences.length);
  sentences.forEach((s, si) => {
    for (let k = s.tokStart; k < s.tokEnd; k++) if (HEDGES.has(tokens[k].key)) hedgeCount[si]++;
  });
  let disaster: boolean | null = null;
  /** Verb of a purpose infinitive already coded as its dispatch's event ("sent ... to investigate"). */
  let purposeTok = -1;
  /** Token of an event noun already coded through its support verb ("held talks"). */
  let consumedNoun = -1;
  /** Last token of the trigger of the latest commitment verb coded AGREE ("agreed to"). */
  let commitTok = -1;
  /** Sentence and token after which a demand's content clause runs ("demanded that ..."). */
  let demandSentence = -1;
  let demandTok = -1;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    for (let v = s.tokStart; v < s.tokEnd; v++) {
      v = codeAt(si, s, v);
    }
  }
  return events;

  /**
   * Codes the word at token v of sentence si, if it triggers an event; returns the token the
   * scan goes on after (the last token of the trigger, or v itself). Kept apart from the scan
   * so that V8 optimises a function of manageable size.
   */
  function codeAt(si: number, s: Sentence, v: number): number {
    const t = tokens[v];
    if (t.kind !== 'word' || t.cap && v !== s.tokStart) return v;
    let block: string | undefined;
    let vEnd = v + 1;
    // the longest multi-word form wins ("get hold of" over "get")
    const maxWords = MULTI_WORD_FIRST.get(t.key) ?? 1;
    for (let n = Math.min(maxWords, s.tokEnd - v); n >= 2 && !block; n--) {
      let key = t.key;
      for (let q = 1; q < n; q++) key += ' ' + tokens[v + q].key;
      block = FORMS.get(key);
      if (block) vEnd = v + n;
    }
    block ??= FORMS.get(t.key);
    // support and terminative verbs the dictionary lacks ("renewed", "shortened") still carry
    // the event of their object noun
    const supportWords = supportVerbAt(tokens, v);
    const terminativeWords = supportWords ? 0 : terminativeVerbAt(tokens, v);
    const lightWords = supportWords || terminativeWords;
    // "Palestinian riots ... are still continuing", "clashes erupted": the subject names the event
    const subjectEvent = eventNounSubject(tokens, v, s.tokStart);
    if (subjectEvent >= 0) {
      block = NO_CODE_BLOCK;
      vEnd = v + occurrenceVerbAt(tokens, v);
    } else if (!block && lightWords) {
      block = NO_CODE_BLOCK;
      vEnd = v + lightWords;
    }
    if (!block) return v;
    if (consumedNoun === v || purposeTok === v) return v;
    const prev = tokens[v - 1];
    // "Israeli-occupied", "Vietnamese-led", "long-threatened": the second half of a hyphenated
    // compound is a modifier, not a verb
    if (prev && prev.text === '-' && prev.end === t.start && tokens[v - 2]?.end === prev.start) return v;
    // after a determiner, possessive, preposition or number the word is a noun ("the talks", "of aid")
    if (prev && ((NOT_BEFORE_VERB.has(prev.key) && !mentionEnd.has(v - 1)) || prev.kind === 'num')) return v;
    if (mentionAt.has(v)) return v;
    if (inQuote(t.start)) return v;
    // "White House press secretary", "a press conference": a word before an office noun modifies it
    if (tokens[v + 1]?.kind === 'word' && !tokens[v + 1].cap && OFFICE_NOUNS.has(tokens[v + 1].key)) return v;
    const speechLemma = LEX.speechVerbs.get(t.key);
    if (speechLemma && SPEECH_ONLY.has(speechLemma)) return v;
    // "warned that ...", "announced it will ...": a statement, whose content clause is coded on
    // its own (the statement verb's object patterns would reach into it)
    // (a verb of accusation, demand or warning keeps its own event: "alleged that ...")
    const contentClause = (speechLemma || isStatementBlock(block)) && opensContentClause(doc, vEnd, s.tokEnd);
    if (contentClause && !speechActCategory(block, speechLemma)) return v;
    // ...but a warning is a threat only by what it warns of: "warned that police will no longer
    // tolerate rallies" is coded THREATEN on the clause's own verb; "warned that the number of dead
    // would rise" is a statement about the world, no event
    if (contentClause && WARNING_VERBS.has(t.key)) return v;
    if (judgedNoEventByWord(doc, v, vEnd, s)) return v;
    // "if it chose to fight", "whether Portugal would contribute": a condition or a question, not an event
    if (inConditionalClause(tokens, v, s.tokStart)) return v;
    // "plans to impose", "decided to allow", "tried to hack": the infinitive is the event, with
    // this verb's subject (and its future, when the verb looks ahead)
    if (tokens[vEnd]?.key === 'to' && INTENT_VERBS.has(t.key) && vEnd + 1 < s.tokEnd && tokens[vEnd + 1].kind === 'word') return v;
    // "a Lisbon think tank", "an Amsterdam delivery company": a name used as a modifier
    const pm = mentionEnd.get(v - 1);
    if (pm && ['a', 'an'].includes(tokens[pm.tokStart - 1]?.key ?? '')) return v;
    // a bare form right after a single name ("the Amsterdam stock exchange") is not a finite verb
    if (pm && !/(s|ed|ing)$/.test(t.key) && !IRREGULAR_PAST.has(t.key) && tokens[pm.tokStart - 1]?.key !== 'and' && pm.kind !== 'role' && !(tokens[v + 1]?.key === 'to')) {
      const prevOfPm = tokens[pm.tokStart - 1];
      if (!prevOfPm || prevOfPm.key === 'the' || prevOfPm.kind === 'word') return v;
    }
    // the object is a quotation ("called the agreement “a bridge ...”"); a quoted term is not
    // ("pledged “full support” to Russia" is a pledge of support), unless the verb names it
    // ("called it a “successful document”")
    if (speechLemma && [1, 2, 3].some((d) => tokens[v + d] && (tokens[v + d].text === '\u201c' || tokens[v + d].text === '"') && (NAMING_VERBS.test(t.key) || !quotedTermAt(tokens[v + d].end)))) return v;
    // after a demonym ("Japanese forces", "North Korean arms") the word is a noun
    // ("Palestinians blamed": a plural demonym is a noun subject, the word after it a verb)
    if (countryStartingBefore(doc, v - 1) >= 0 && !isPluralDemonym(tokens, v - 1)) return v;
    if (isPluralNoun(doc, v, s.tokStart)) return v;
    if (isReducedRelative(doc, v, si)) return v;
    if (isPredicateNoun(tokens, v, s.tokStart) || isAttributiveParticiple(tokens, v, s.tokStart) || isExpectedTo(tokens, v, s.tokStart)) return v;
    // a gerund or participle is an event only in a progressive verb ("is helping")
    // (or a participial adjunct after the object, "issued a declaration demanding that ...",
    // kept below only for verbal acts, with the subject of the governing verb)
    let participial = false;
    /** The verb whose -ing complement this word is ("kept" in "kept firing"), or -1. */
    let gerundOf = -1;
    if (t.key.endsWith('ing')) {
      let k = v - 1;
      while (k > s.tokStart && ['also', 'not', 'still', 'now', 'reportedly', 'allegedly'].includes(tokens[k].key)) k--;
      const aux = tokens[k]?.key ?? '';
      if (!COPULAS.has(aux) && aux !== "'s" && aux !== "'re") {
        const p = tokens[v - 1];
        if (!p || p.cap || !(p.kind === 'word' || p.text === ',') || v - 1 <= s.tokStart || NOT_BEFORE_VERB.has(p.key)) return v;
        // after a verb that reports or carries on an act, the -ing word is that act, done by the
        // verb's subject ("denied attacking the convoy", "resumed shelling the city"); after
        // another verb ("ended monitoring") it is that verb's object, not an adjunct
        const complement = GERUND_COMPLEMENT_VERBS.has(p.key);
        if (!complement && p.kind === 'word' && (FORMS.has(p.key) || supportVerbAt(tokens, v - 1) || terminativeVerbAt(tokens, v - 1) || IRREGULAR_PAST.has(p.key))) return v;
        participial = !complement;
        if (complement) gerundOf = v - 1;
      }
    }
    const b = BLOCKS.get(block);
    if (!b) return v;
    // a participial adjunct is kept only for verbal acts: no need to read its object otherwise
    if (participial && !VERBAL_ACTS.has(cameoToPlover(b.code) ?? 'AGREE') && b.code !== '---') return v;
    // object patterns: ordered matches within the rest of the clause
    let limit = Math.min(s.tokEnd, vEnd + 8);
    for (let k = vEnd; k < limit; k++) {
      const key = tokens[k].key;
      if (key === ',' || key === ';' || key === '.' || PATTERN_STOP.has(key)) {
        limit = k;
        break;
      }
    }
    // "gave Ghana 5 million dollars of aid": the object after an indirect object
    let objectStart = vEnd;
    {
      // "gave Ghana ...", "gave the Ivory Coast ...": a name (or country) as indirect object
      const at = tokens[vEnd]?.key === 'the' ? vEnd + 1 : vEnd;
      const io = mentionAt.get(at);
      const ioEnd = io ? io.tokEnd : ents.countryAt.has(at) ? tokenAfter(ents.countryAt.get(at)!.end) : -1;
      const after = ioEnd >= 0 ? tokens[ioEnd] : undefined;
      if (after && (after.kind === 'num' || ['a', 'an', 'the', 'its', 'their', 'some', 'more'].includes(after.key))) objectStart = ioEnd;
    }
    // "demanded on Friday that ...": a time phrase is no object ("ON" is a pattern of its own)
    let { code, best } = contentClause ? { code: b.code, best: 0 } : matchPatterns(b, pastTimePhrase(doc, vEnd, limit), limit);
    if (!best && objectStart > vEnd) ({ code, best } = matchPatterns(b, objectStart, Math.min(s.tokEnd, objectStart + 8)));
    // "Weapons were sent to Ukraine", "Aid was delivered to Gaza": a passive's subject is the
    // object the dictionary's patterns look for after an active verb ("sent weapons")
    if (!best && !contentClause && isPassiveParticiple(t.key) && COPULAS.has(tokens[v - 1]?.key ?? '')) {
      const themeEnd = auxiliariesStart(tokens, v, s.tokStart);
      let themeStart = themeEnd;
      while (themeStart > s.tokStart && themeStart > themeEnd - 5 && tokens[themeStart - 1].kind === 'word') themeStart--;
      // (a subject that names a party undergoes the act, and is no theme: "UN peacekeepers were shipped out")
      let thing = themeStart < themeEnd;
      for (let k = themeStart; k < themeEnd && thing; k++) thing = !mentionAt.has(k) && !ents.countryAt.has(k) && !isAgentKey(tokens[k].key);
      if (thing) ({ code, best } = matchPatterns(b, themeStart, themeEnd));
    }
    // a support verb takes the event of its object noun ("gave a warm welcome", "renewed
    // negotiations"); a terminative verb reduces it ("ended mediation efforts")
    // ("announced a suspension of air links": for a statement verb the event noun it announces
    // decides, whatever pattern matched further on)
    if (lightWords && (!best || isStatementBlock(block))) {
      const hit = objectEventNoun(tokens, objectStart, Math.min(s.tokEnd, objectStart + 9), isEventNoun, (k) => mentionAt.has(k) || countryParticipant(k) !== null);
      const nounBlock = hit ? BLOCKS.get(eventNounBlock(hit.key) ?? '') : undefined;
      if (hit && (nounBlock || CORE_EVENT_NOUNS.has(hit.key))) {
        let nounCode = laborStrikeCode(hit.at) ?? CORE_EVENT_NOUNS.get(hit.key) ?? nounBlock!.code;
        if (terminativeWords) nounCode = terminatedCode(nounCode) ?? '---';
        if (nounCode && nounCode !== '---') {
          code = nounCode;
          consumedNoun = hit.at;
        }
      } else if (supportWords && ['a', 'an'].includes(tokens[objectStart]?.key ?? '')) {
        // "held a ceremony", "gave a speech", "issued a statement": a light verb with an
        // indefinite object that names no event creates something; it does not hold or give
        // anyone (the dictionary's defaults: hold = confine, give = grant)
        code = '---';
      }
    }
    let nounSubjectAt = -1;
    if ((!code || code === '---') && subjectEvent >= 0) {
      code = CORE_EVENT_NOUNS.get(tokens[subjectEvent].key) ?? code;
      nounSubjectAt = subjectEvent;
    }
    if (eventDebug.on) console.error('  verb', t.text, block, code);
    // signing a formal agreement keeps CAMEO 057 ("sign formal agreement") whatever its subject
    // matter ("signed a trade agreement" is not intent to trade), but is coded AGREE, not the
    // SUPPORT of CAMEO2PLOVER-2021: a signed treaty or partnership is a commitment to future
    // cooperation, which is what the codebook's AGREE covers ("agree to ... or otherwise indicate
    // willingness or commitment to cooperate"), and the product asks for signings to be
    // AGREE-family events with all signatories as actors. PLOVER's own gold codes two signing
    // sentences SUPPORT; this choice costs those two.
    const signing = SIGN_VERBS.has(t.key) && signsAgreement(vEnd, limit);
    if (signing) code = '057';
    if (!code || code === '---') code = REFUSAL_VERBS.has(t.key) ? '120' : code;
    // "X declared that China must drop barriers": whatever the verb, a demand (CAMEO 10)
    const statement = modalBefore(tokens, v, s.tokStart, DEMAND_MODALS) ? statementOver(doc, v, s.tokStart) : null;
    if ((!code || code === '---') && statement) code = '100';
    // "is committed to opening up the economy": a commitment whatever the dictionary says
    if ((!code || code === '---') && COMMITMENT_VERBS.has(t.key) && ['to', 'on', 'upon', 'that'].includes(tokens[vEnd]?.key ?? '')) code = '030';
    code = codebookCode(code ?? '---', v, vEnd, limit);
    if (!code || code === '---') return v;
    if (judgedNoEvent(doc, t.key, v, vEnd, s, code, code === b.code)) return uncoded(v);
    let category = signing ? 'AGREE' : cameoToPlover(code);
    if (!category) return v;
    ({ code, category } = attackReading(tokens, t.key, vEnd, s, b.code, code, category));
    // "summoned the ambassador to protest the execution", "recalled its envoy in protest": the
    // protest is what the coded act was for, not a second event (with the object for its actor)
    // (not after a verb whose object does the infinitive: "allow teachers to protest")
    if (/^protest(s|ed|ing)?$/.test(t.key) && (tokens[v - 1]?.key === 'to' || tokens[v - 1]?.key === 'in')) {
      const before = events.filter((e) => e.sentence === si && e.trigger.end <= t.start).at(-1);
      if (before && !OBJECT_CONTROL_VERBS.test(before.trigger.text.toLowerCase())) return v;
    }

    // flags
    const negated = negatedVerb(tokens, v, s.tokStart);
    const future = futureVerb(tokens, v, s.tokStart);
    // "X provides Y with arms that could increase the threat": the modal hedges "increase" only
    const hedged = hedgeCount[si] > (HEDGES.has(t.key) ? 1 : 0) || modalBefore(tokens, v, s.tokStart, HEDGE_MODALS);
    // PLOVER AGREE: "agree to, offer, promise, or otherwise indicate willingness or commitment to
    // cooperate"; CAMEO2PLOVER puts intent to cooperate, aid, yield, release (03x) under AGREE too.
    const nextKey = tokens[vEnd]?.key;
    if (COMMITMENT_VERBS.has(t.key) && (nextKey === 'to' || nextKey === 'on' || nextKey === 'upon' || nextKey === 'that' || nextKey === 'in')) {
      // "vowed to fight on", "swore to take revenge": a commitment to conflict is a threat
      const content = nextKey === 'to' ? FORMS.get(tokens[vEnd + 1]?.key ?? '') : undefined;
      const contentCat = content ? cameoToPlover(BLOCKS.get(content)?.code ?? '') : null;
      category = contentCat && (MATERIAL_CONFLICT.has(contentCat) || contentCat === 'THREATEN') ? 'THREATEN' : 'AGREE';
    }
    if (future && COOPERATIVE_FUTURE_TO_AGREE.has(category)) category = 'AGREE';
    // CAMEO 13x "threaten to boycott / sanction / use force" → PLOVER THREATEN
    if (future && FUTURE_CONFLICT_TO_THREATEN.has(category)) category = 'THREATEN';
    // "will not accept", "would not meet": refusing cooperation is REJECT (CAMEO 12x)
    if (negated && (category === 'AGREE' || category === 'SUPPORT' || category === 'CONSULT' || category === 'COOPERATE' || category === 'AID')) category = 'REJECT';
    // PLOVER manual: "RETREAT also covers resignations of government officials"
    if (RESIGN_FORMS.has(t.key)) category = 'RETREAT';
    // "X said Y must/should VERB": a demand (PLOVER REQUEST: "all requests, demands, and orders")
    let demandBy: EventParticipant[] | null = null;
    if (statement) {
      demandBy = statement.by;
      category = 'REQUEST';
    } else if (future || negated || modalBefore(tokens, v, s.tokStart, CONDITIONAL_MODALS)) {
      // "warned that police will no longer tolerate rallies": a forceful warning (THREATEN)
      const st = statementOver(doc, v, s.tokStart);
      if (st && WARNING_VERBS.has(tokens[st.verb].key) && (negated || CONFLICT.has(category))) {
        demandBy = st.by;
        category = 'THREATEN';
      }
    }
    // "may halt mediation if ...", "will boycott the elections unless ...": a conditional
    // sanction or use of force is a threat
    if (category !== 'THREATEN' && MATERIAL_CONFLICT.has(category) && (future || modalBefore(tokens, v, s.tokStart, CONDITIONAL_MODALS)) && conditionalAfter(tokens, vEnd, s.tokEnd)) category = 'THREATEN';

    if (participial && !VERBAL_ACTS.has(category)) return v;
    // "agreed to exchange data and to set up a committee": the infinitives are the content of
    // the commitment, already coded as one AGREE event, not events of their own
    // "demanded that Hamas renounce ...": the clause is the content of the demand
    if (demandSentence === si && v > demandTok) return v;
    if (tokens[v - 1]?.key === 'to' && commitTok >= 0 && sentOfTok[commitTok] === si && (v - 2 === commitTok || (tokens[v - 2]?.key === 'and' && v - commitTok < 16))) return v;
    if ((category === 'AGREE' || category === 'THREATEN') && (COMMITMENT_VERBS.has(t.key) || THREAT_TRIGGER.test(t.key))) commitTok = vEnd - 1;
    // actor: the entity group just before the verb, inside its clause
    const clauseStart = subjectClauseStart(doc, v, s.tokStart);
    // the subject names the event: its actor is the name before the noun ("Palestinian riots"),
    // its target what it is against
    let actor = nounSubjectAt >= 0 ? modifierOf(doc, nounSubjectAt, clauseStart) : groupBefore(doc, v, clauseStart);
    // "Hamas backed by Iran fired rockets": the agent of a reduced passive is not the subject of
    // the verb after it; what the participle follows is
    if (nounSubjectAt < 0 && actor.length) {
      const first = tokenAfter(actor[0].start);
      const by = tokens[first - 1]?.key === 'the' ? first - 2 : first - 1;
      const participle = by - 1;
      if (tokens[by]?.key === 'by' && participle > clauseStart && isParticipleForm(tokens[participle].key) && !AUX.has(tokens[participle - 1].key)) {
        const subject = groupBefore(doc, participle, clauseStart);
        const found = subject.length ? subject : nominalSubjectBefore(doc, participle, clauseStart);
        if (found.length) actor = found;
      }
    }
    // "Kim travelled to Moscow to meet Putin", "Use InfoNgen to merge data": the name right before
    // an infinitive of purpose is an object, and the infinitive's subject is the governing verb's
    // (none for an imperative); after a verb that hands its object the act ("urged Israel to
    // withdraw", "allowed teachers to protest") and at the clause's start ("Russia to send
    // troops", a headline) the name does the act
    if (nounSubjectAt < 0 && tokens[v - 1]?.key === 'to' && actor.length && actor.at(-1)!.end === tokens[v - 2]?.end && infinitiveObject(tokens, tokenAfter(actor[0].start), clauseStart)) {
      actor = subjectOfGoverningVerb(doc, v, clauseStart);
    }
    // "The Taliban, backed by Pakistan, seized": a participle with its agent opening an appositive
    const byAgent = tokens[vEnd]?.key === 'by' ? (tokens[vEnd + 1]?.key === 'the' ? vEnd + 2 : vEnd + 1) : -1;
    const namedAgent = byAgent >= 0 && (mentionAt.has(byAgent) || roleStartOf.has(byAgent) || countryParticipant(byAgent) !== null);
    if (namedAgent && !actor.length && tokens[v - 1]?.text === ',' && mentionEnd.has(v - 2)) actor = groupBefore(doc, v - 1, clauseStart);
    // no named subject: a nominal one headed by an agent noun ("the two sides", "rebel leaders")
    // (a gerund's subject is its governing verb's: "the army kept firing")
    if (!actor.length) actor = nominalSubjectBefore(doc, gerundOf >= 0 ? gerundOf : v, clauseStart);
    // "rebels backed by Rwanda", "the second car offered by Putin": a participle right after its
    // subject, with a named agent right after it, is a passive too (a reduced relative); the
    // subject undergoes it. (Without a subject before it the participle stays no event:
    // "courses offered by Google" is a description, not news.)
    const afterSubject = actor.some((a) => a.end === tokens[v - 1]?.end || (tokens[v - 1]?.text === ',' && a.end === tokens[v - 2]?.end));
    // "the second car offered by Putin to his counterpart": with no subject, a recipient makes it news
    let recipientFound: EventParticipant[] | undefined;
    const recipient = () => (recipientFound ??= recipientAfter(doc, vEnd, s.tokEnd));
    const recipientOnly = namedAgent && !afterSubject && isParticipleForm(t.key) && !COPULAS.has(tokens[v - 1]?.key ?? '') && recipient().length > 0;
    const reducedPassive = namedAgent && (afterSubject || recipientOnly) && isParticipleForm(t.key);
    // ("is being held": after "being" any participle is a passive, "held" too)
    const passive = (isPassiveParticiple(t.key) && passiveAuxiliaryBefore(tokens, v)) || (tokens[v - 1]?.key === 'being' && (isParticipleForm(t.key) || IRREGULAR_PAST.has(t.key))) || reducedPassive;
    let passiveUnknownAgent = false;
    let target = nounSubjectAt >= 0 ? (tokens[nounSubjectAt + 1]?.key === 'against' ? firstAfter(doc, nounSubjectAt + 2, v) : []) : firstAfter(doc, vEnd, s.tokEnd, THREAT_TRIGGER.test(t.key));
    {
      // the agent a fight is "with" or "against" is its target even when a place is named further
      // on ("clashed with police in central Nairobi": the police, in Nairobi); a place after a
      // direct object stays the target, as CAMEO codes it ("withdraw its troops from Lebanon")
      const np = nominalObject(subjectCtx, vEnd, s.tokEnd);
      const prepObject = tokens[vEnd]?.key === 'with' || tokens[vEnd]?.key === 'against';
      if (np && (!target.length || (prepObject && target.length === 1 && target[0].start > np.start && mentionByStart.get(target[0].start)?.type === 'PLACE'))) target = [np];
    }
    if (passive) {
      let byAt = -1;
      for (let k = vEnd; k < Math.min(s.tokEnd, vEnd + 6); k++)
        if (tokens[k].key === 'by') {
          byAt = k;
          break;
        }
      if (byAt >= 0) {
        // the agent heads the "by" phrase ("by Russian drones", "by the young architect X"), not
        // a name inside a phrase of its own further on ("struck by the qualities of American art")
        const found = firstAfter(doc, byAt + 1, s.tokEnd);
        const agent = found.length && headsByPhrase(tokens, byAt, tokenAfter(found[0].start)) ? found : [];
        // "Weapons were supplied to Togo by Ghana", "the car offered by Putin to his counterpart":
        // what was given is the theme; whom it went to is the target
        target = recipient().length ? recipient() : recipientOnly ? [] : actor;
        actor = agent;
        // "were killed by an improvised explosive device", "hit by gunfire": violence by an agent
        // that names no party is violence with no actor ("favored by enthusiasts" is no event)
        passiveUnknownAgent = !agent.length && target.length > 0 && (category === 'ASSAULT' || category === 'COERCE');
      } else {
        // "Five students were arrested": the subject of a passive undergoes the event and is its
        // target; who did it is not said, so the event has no actor. "Aid was delivered to Gaza":
        // a recipient is the target when the subject is a thing the dictionary's patterns name
        // (not "It is considered native to Ethiopia")
        const thingGiven = !actor.length && best > 0 ? recipient() : [];
        passiveUnknownAgent = actor.length > 0 || thingGiven.length > 0;
        target = actor.length ? actor : thingGiven;
        actor = [];
      }
    } else if (VICTIM_VERBS.has(t.key)) {
      // "Two soldiers died in the clashes": whoever dies is the victim, the target of an attack
      // the sentence may not attribute. A death with no violence in its sentence ("until the
      // battery dies", "When a man dies, ...") is no event.
      if (!tokens.slice(s.tokStart, s.tokEnd).some((u) => VIOLENCE_WORDS.has(u.key))) return v;
      passiveUnknownAgent = actor.length > 0;
      target = actor;
      actor = [];
    }
    if (demandBy) {
      target = actor;
      actor = demandBy;
    }
    // "Serbia lifted a curfew in Montenegro", "fired rockets at Israel", "will evacuate the
    // settlements in the Gaza Strip": with no other target, the place the action is done to or in
    // is its target, as CAMEO/PLOVER code it; the place visitors arrive in is their host (CAMEO
    // 042). Not for another joint act ("X and Y signed ... in Z": Z is where they met) nor past
    // "during" (the place of the occasion, not of the act).
    if (!target.length && !passive && (actor.length < 2 || ARRIVE_FORMS.has(t.key))) {
      const placeTarget = placeActedOn(doc, vEnd, s.tokEnd);
      if (placeTarget) target = [placeTarget];
    }
    // "demanded (on Friday) that the United States match ...", "charged that the NPFL had
    // taken ...": the one the demand or the accusation is about is the subject of its clause
    if (!passive && !demandBy && (category === 'REQUEST' || category === 'ACCUSE')) {
      const that = thatAfterVerb(doc, vEnd, s.tokEnd);
      if (that >= 0) {
        const subject = complementSubject(doc, that, s.tokEnd);
        if (subject.length) target = subject;
      }
    }
    // a bare verb form needs a plural subject or an auxiliary ("the Amsterdam stock exchange")
    if (!demandBy && !passive && actor.length === 1 && !/(s|ed|ing|en)$/.test(t.key) && !t.key.endsWith('ew') && !hasAuxBefore(doc, v, s.tokStart)) {
      const a0 = actor[0];
      const plural = /s$/.test(a0.text) && !/ss$/.test(a0.text);
      if (!plural && !['they', 'we', 'i', 'you'].includes(a0.text.toLowerCase()) && !IRREGULAR_PAST.has(t.key)) return v;
    }
    // "issued a declaration demanding ...", "is willing to send material to help defend ...":
    // a participle or infinitive without a subject of its own has the governing verb's subject
    if (!actor.length && (participial || tokens[v - 1]?.key === 'to')) actor = subjectOfGoverningVerb(doc, v, clauseStart);
    // "Rebels stormed the camp and killed four soldiers": a verb coordinated with the sentence's
    // last coded one shares its subject
    if (!actor.length && !passive) actor = sharedSubject(doc, v, si);
    if (eventDebug.on) console.error('  actor', t.text, actor.map((x) => x.text));
    // "A roadside bombing killed one soldier": an attack whose perpetrator is not named is still
    // an ASSAULT, with no actor
    // a passive without its agent is kept with no actor, except among the victims of a natural
    // disaster ("12 people were killed" in a flood story is no assault)
    if (!actor.length && !(category === 'ASSAULT' && attackSubject(tokens, clauseStart, v)) && !(passiveUnknownAgent && !disasterContext())) {
      // the content of a demand is no event even when the demander is not found
      if (category === 'REQUEST' && tokens[vEnd]?.key === 'that') {
        demandSentence = si;
        demandTok = vEnd;
      }
      return v;
    }
    // no organisation or person is its own target ("platforms supported by OpenBSD, ... on
    // OpenBSD/hppa"); a state can be ("Croatia is investigating ... Croatian extremists": a
    // domestic event, as CAMEO codes it)
    if (actor.length && target.length) target = target.filter((x) => x.country || !actor.some((a) => a.canonical === x.canonical));
    // (the verb and its particles are passed over, as a coded event would be)
    if (!demandBy && genericPresent(doc, v, s, actor, target, passive)) return vEnd - 1;
    // "engineers were inspecting 14 bridges": an inspection of things, with no one inspected, is
    // maintenance, not an investigation of an actor (CAMEO 09x); "inspected the nuclear site in
    // Iran" has its target
    if (INSPECT_FORMS.has(t.key) && !target.length) return vEnd - 1;
    // PLOVER PROTEST: "collective actions carried out as protests" ("shunned work on Monday to
    // protest ..."): a non-violent action by civilians done in protest is the protest
    if ((category === 'COERCE' || category === 'SANCTION' || category === 'REJECT') && !subjectHeadIn(tokens, v, STATE_HEADS) && doneInProtest(vEnd, s.tokEnd)) {
      category = 'PROTEST';
      code = '140';
    }
    // PLOVER MOBILIZE: "Joint military operations are coded as COOPERATE but single-country
    // exercises should be coded as MOBILIZE"
    {
      const sides = new Set(actor.map((a) => a.country ?? a.canonical)).size;
      if (category === 'MOBILIZE' && sides >= 2) {
        category = 'COOPERATE';
        code = '062';
      } else if (category === 'COOPERATE' && sides < 2 && objectHasSequence(tokens, vEnd, s.tokEnd, [['exercises', 'exercise', 'manoeuvres', 'maneuvers', 'drills', 'games']]) && !objectHasSequence(tokens, vEnd, s.tokEnd, [['joint']])) {
        category = 'MOBILIZE';
        code = '152';
      }
    }
    // time and place in the event's clause
    let clauses = clausesOfSentence.get(si);
    if (!clauses) clausesOfSentence.set(si, (clauses = adverbialClauses(tokens, timeTok, s.tokStart, s.tokEnd)));
    const clause = clauseAround(clauses, s.tokStart, s.tokEnd, v);
    const time = nearestTime(times, tokens[clause.start].start, tokens[clause.end - 1].end, t.start);
    // the place too is the clause's own ("offered ..., after Kim liked it at a meeting in the Far East")
    const place = placeInClause(doc, clause, actor, target);
    if (category === 'REQUEST' && (tokens[vEnd]?.key === 'that' || (tokens[vEnd]?.key === 'on' && actor.length))) {
      demandSentence = si;
      demandTok = vEnd;
    }
    events.push({
      category,
      quad: QUAD[category],
      cameo: code,
      trigger: { text: text.slice(t.start, tokens[vEnd - 1].end), start: t.start, end: tokens[vEnd - 1].end },
      actor,
      target,
      time: time?.value ?? null,
      place,
      flags: { negated, hedged, future },
      sentence: si,
    });
    return vEnd - 1;
  }

  function matchPatterns(b: CompiledBlock, from: number, limit: number): { code: string; best: number } {
    return matchBlockPatterns(tokens, mentionAt, b, from, limit);
  }

  /**
   * "a strike" after a support verb is a labour strike (CAMEO 143, PLOVER PROTEST strike), not
   * the verb "strike" (attack), unless it is an air, missile or drone strike.
   */
  function laborStrikeCode(at: number): string | null {
    if (tokens[at].key !== 'strike' && tokens[at].key !== 'strikes') return null;
    const before = tokens[at - 1]?.key ?? '';
    if (['air', 'missile', 'drone', 'military', 'rocket', 'nuclear', 'pre-emptive', 'preemptive', 'retaliatory'].includes(before)) return null;
    return before === 'hunger' ? '142' : '143';
  }

  /** "to protest" or "in protest" later in the sentence: the action was done as a protest. */
  function doneInProtest(from: number, end: number): boolean {
    for (let k = from; k < end - 1; k++) if ((tokens[k].key === 'to' || tokens[k].key === 'in') && /^protest(ing)?$/.test(tokens[k + 1].key)) return true;
    return false;
  }

  /** The document speaks of a natural disaster (computed once). */
  function disasterContext(): boolean {
    if (disaster === null) disaster = tokens.some((t) => t.kind === 'word' && DISASTER_WORDS.has(t.key));
    return disaster;
  }

  /** The codebook reading of the verb's code (events-codebook.ts), in this document's context. */
  function codebookCode(code: string, v: number, vEnd: number, limit: number): string {
    const c = codebookReadingOf(codebookCtx, code, v, vEnd, limit);
    // a state of emergency after a natural disaster is relief, not repression (codebook COERCE)
    return c === '1724' && disasterContext() ? '---' : c;
  }

  /** An agreement noun heads the object after a signing verb ("signed a 12-year partnership agreement"). */
  function signsAgreement(from: number, limit: number): boolean {
    return hitBeforeStop(tokens, from, Math.min(limit, from + 8), (t) => AGREEMENT_NOUNS.has(t.key), (t, k) => isPunctButHyphen(t) || (k > from && (t.key === 'to' || t.key === 'that')));
  }
}
