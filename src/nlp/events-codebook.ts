/**
 * Codebook readings of the event coder: where PLOVER's codebook text or CAMEO's code names say
 * what an event is, and the dictionary's default for the verb says something else, decided by
 * the verb and the words of its object ("expelled two diplomats" is SANCTION 'expel', not the
 * deportation of individuals; "workers blocked the bridge" is a protest, police blocking it a
 * restriction). Each rule is a word-table lookup over at most eight object tokens.
 */
import type { Token } from './tokens.js';
import { terminativeVerbAt } from './events-nominal.js';

/** What a codebook reading needs to know of the sentence around the verb. */
export interface CodebookContext {
  tokens: Token[];
  /** 1 where a token is part of a time expression. */
  timeTok: Uint8Array;
  /** An entity mention or a country reference starts at token k. */
  nameAt(k: number): boolean;
  /** A word of `heads` in the subject before the verb at v ("angry paper workers"). */
  subjectHeadIn(v: number, heads: Set<string>): boolean;
  /** Default CAMEO code of the dictionary verb block of a word ('' if none). */
  blockCode(key: string): string;
  /** The verb of a purpose infinitive ("... to investigate") after the object at `from`, or -1. */
  purposeVerb(from: number): number;
  /** An object then "to" + verb ("pressed Iran to halt"). */
  infinitiveAfterObject(from: number): boolean;
  /** A purpose verb now coded with its dispatch, not on its own. */
  notePurpose(tok: number): void;
}

/** What one goes on to speak ("went on television", "went on air"): media, not places. */
const ON_AIR = new Set(['television', 'tv', 'radio', 'air', 'camera', 'record', 'stage', 'social', 'twitter', 'x', 'facebook', 'instagram', 'tiktok', 'youtube', 'telegram', 'podcast', 'podcasts']);
/** Objects of expulsion that make it a reduction of relations (CAMEO 166x) rather than a deportation. */
const EXPELLED_MISSIONS = new Set(['diplomat', 'diplomats', 'ambassador', 'ambassadors', 'envoy', 'envoys', 'consul', 'attache', 'attaché', 'inspector', 'inspectors', 'observer', 'observers', 'monitors', 'peacekeepers', 'peacekeeping', 'agency', 'agencies', 'mission', 'embassy', 'staff']);
const ENVOYS = new Set(['ambassador', 'ambassadors', 'envoy', 'envoys', "charge", 'chargé', 'diplomat', 'diplomats', 'consul']);
/** Verbs of increase: "strengthened its forces" is CAMEO 154 (mobilize or increase armed forces). */
const INCREASE_VERBS = new Set(['strengthen', 'strengthened', 'strengthens', 'reinforce', 'reinforced', 'reinforces', 'boost', 'boosted', 'boosts', 'increase', 'increased', 'increases', 'bolster', 'bolstered', 'beef', 'beefed', 'build', 'built', 'mass', 'massed', 'amass', 'amassed', 'deploy', 'deployed', 'deploys']);
const ARMED_FORCES = new Set(['forces', 'troops', 'army', 'military', 'presence', 'garrison', 'garrisons', 'soldiers', 'units', 'reservists', 'warships', 'tanks']);
const ACCEDE_VERBS = new Set(['accept', 'accepts', 'accepted', 'accepting', 'accede', 'acceded', 'met', 'meet', 'meets', 'bowed', 'bow', 'yielded', 'yield', 'heeded', 'heed', 'granted', 'grant', 'satisfied']);
const DEMAND_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'request', 'requests', 'ultimatum', 'conditions', 'pressure']);
const CRITICISM_NOUNS = new Set(['criticism', 'criticisms', 'accusations', 'allegations', 'charges', 'critics', 'attacks', 'condemnation']);
const TRUCE_NOUNS = new Set(['ceasefire', 'cease-fire', 'truce', 'armistice']);
const DISMISS_VERBS = new Set(['dismiss', 'dismissed', 'dismisses', 'dismissing', 'turned', 'spurned', 'rebuffed', 'brushed']);
const PROPOSAL_NOUNS = new Set(['appeal', 'appeals', 'call', 'calls', 'request', 'requests', 'demand', 'demands', 'proposal', 'proposals', 'offer', 'offers', 'plea', 'pleas', 'plan', 'invitation', 'ultimatum', 'bid']);
/** Civilian and non-state groups (PETRARCH sectors OPP, LAB, EDU, CVL, REB) heading a subject. */
const NON_STATE_HEADS = new Set(['workers', 'demonstrators', 'protesters', 'protestors', 'students', 'rebels', 'farmers', 'supporters', 'activists', 'residents', 'villagers', 'youths', 'strikers', 'prisoners', 'fishermen', 'drivers', 'truckers', 'settlers', 'opposition', 'crowds', 'crowd', 'people', 'guerrillas', 'militants', 'teachers', 'doctors', 'nurses', 'unions', 'union', 'marchers', 'women', 'men', 'citizens', 'miners']);
/** Missions a country lets in (RETREAT 'access', CAMEO 086x). */
const MISSION_NOUNS = new Set(['observers', 'observer', 'inspectors', 'inspector', 'monitors', 'peacekeepers', 'peacekeeping', 'mission', 'investigators']);
const PRESSURE_VERBS = new Set(['pressure', 'pressures', 'pressured', 'pressuring', 'press', 'pressed', 'pressing', 'pushed', 'pushing', 'lobbied', 'lobbying', 'exhorted']);
const REPRESS_VERBS = new Set(['prevent', 'prevented', 'prevents', 'preventing', 'disperse', 'dispersed', 'broke', 'ban', 'banned', 'bans', 'crushed', 'suppressed', 'quelled', 'forbade', 'forbid', 'prohibited', 'outlawed']);
const PROTEST_NOUNS = new Set(['demonstration', 'demonstrations', 'protest', 'protests', 'rally', 'rallies', 'march', 'marches', 'sit-in', 'strike', 'strikes', 'demonstrators', 'protesters', 'vigil', 'gathering']);
export const STATE_HEADS = new Set(['police', 'policemen', 'army', 'troops', 'soldiers', 'forces', 'military', 'authorities', 'government', 'officials', 'guards', 'gendarmes']);
const DEFY_VERBS = new Set(['violate', 'violates', 'violated', 'violating', 'defy', 'defies', 'defied', 'defying', 'breach', 'breached', 'breaches', 'flout', 'flouted', 'flouts', 'ignored', 'ignores', 'disobeyed']);
/** Rules one can defy or violate (CAMEO 128 "defy norms, law"). */
const NORM_NOUNS = new Set(['ban', 'law', 'laws', 'ceasefire', 'truce', 'agreement', 'accord', 'resolution', 'resolutions', 'rules', 'order', 'orders', 'curfew', 'embargo', 'sanctions', 'ruling', 'constitution', 'treaty', 'norms', 'decree', 'injunction', 'prohibition']);
/** Things granted on request: denying them is a refusal (REJECT), unlike denying an accusation. */
const GRANTED_THINGS = new Set(['access', 'entry', 'permission', 'permit', 'permits', 'request', 'requests', 'allocation', 'visa', 'visas', 'application', 'admission', 'admittance', 'asylum', 'bail', 'passage', 'landing', 'approval', 'licence', 'license', 'recognition', 'extradition']);
/** Things one releases by publishing them: releasing them frees no one. */
const PUBLISHED_THINGS = new Set(['letter', 'letters', 'video', 'videos', 'photo', 'photos', 'image', 'images', 'footage', 'album', 'song', 'single', 'film', 'trailer', 'book', 'data', 'figures', 'results', 'findings', 'study', 'survey', 'poll', 'transcript', 'memo', 'plan', 'budget', 'list', 'version', 'update', 'app', 'game', 'product', 'model', 'guidance', 'guidelines', 'rules', 'details', 'records', 'record', 'emails', 'tape', 'tapes', 'audio', 'recording', 'estimates', 'forecast', 'earnings', 'statistics', 'analysis']);
/** Legal accusation (PLOVER ACCUSE 'allege': "sue, indict, or charge; bring to trial"). */
const LEGAL_ACCUSATION = new Set(['sue', 'sues', 'sued', 'suing', 'indict', 'indicts', 'indicted', 'indicting', 'prosecute', 'prosecutes', 'prosecuted', 'prosecuting']);

/**
 * The CAMEO code the codebook gives the verb at token v (object tokens [vEnd, limit)), given the
 * code the dictionary gave it; `code` unchanged when no reading applies, '---' for no event.
 */
export function codebookReadingOf(ctx: CodebookContext, code: string, v: number, vEnd: number, limit: number): string {
  const { tokens, timeTok } = ctx;
  const key = tokens[v].key;
  const objectHas = (set: Set<string>) => anyKeyIn(tokens, set, vEnd, limit);
  if (code.startsWith('174') && objectHas(EXPELLED_MISSIONS)) return '166';
  // SANCTION 'withdraw': "withdraw oneself or one's non-military resources (e.g., aid,
  // observers, diplomats, peacekeepers)" ("will withdraw weapons inspectors", "recalled its envoy")
  if (/^(withdr[ae]w|withdrawn|withdrawing|withdraws|recall|recalls|recalled|recalling|pull|pulls|pulled|pulling)$/.test(key) && objectHas(EXPELLED_MISSIONS)) return '166';
  // RETREAT 'access': "allowing the entry of observers, peacekeepers, or humanitarian workers"
  if (/^(receiv|admitt?|accept|welcom)(e|es|ed|ing|s)?$/.test(key) && objectHas(MISSION_NOUNS)) return '086';
  // "sent 21 investigators to Bosnia to investigate", "dispatched inspectors to monitor":
  // PLOVER ACCUSE covers "all investigations", and the dispatch serves one
  if (/^(send|sends|sent|sending|dispatch|dispatches|dispatched|dispatching)$/.test(key)) {
    const purpose = ctx.purposeVerb(vEnd);
    if (purpose >= 0 && ctx.blockCode(tokens[purpose].key).startsWith('09')) {
      ctx.notePurpose(purpose);
      return '090';
    }
  }
  // "pressed Iran to halt", "pressuring workers to cancel the strike": a demand (REQUEST)
  if (PRESSURE_VERBS.has(key) && ctx.infinitiveAfterObject(vEnd)) return '100';
  // "prevented the demonstration", "police broke up the rally": restricting dissent (COERCE)
  if ((REPRESS_VERBS.has(key) || (terminativeVerbAt(tokens, v) && ctx.subjectHeadIn(v, STATE_HEADS))) && objectHas(PROTEST_NOUNS)) return '172';
  if (code.startsWith('04') && /^summon/.test(key) && objectHas(ENVOYS)) return '114';
  if (LEGAL_ACCUSATION.has(key)) return '115';
  if (/^vetoe?/.test(key)) return '129';
  // "declared a state of siege", "imposed martial law": CAMEO 1724
  if (/^(declar|impos|extend|proclaim)/.test(key) && objectHasSequence(tokens, vEnd, limit, [['state'], ['of'], ['emergency', 'siege']], [['martial'], ['law']])) return '1724';
  // "demonstrated in the capital": demonstrating without an object is protesting (CAMEO 141),
  // not demonstrating something (the dictionary's 053, rally support)
  if (/^demonstrat(e|es|ed|ing)$/.test(key) && !['a', 'an', 'the', 'its', 'their', 'his', 'her', 'that', 'support', 'solidarity'].includes(tokens[vEnd]?.key ?? '')) return '141';
  // "violated the ceasefire" is CAMEO 196 (ASSAULT); "violated a ban", "defied the curfew":
  // defying norms, law (CAMEO 128, REJECT)
  if (DEFY_VERBS.has(key) && objectHas(TRUCE_NOUNS)) return '196';
  if (DEFY_VERBS.has(key) && objectHas(NORM_NOUNS)) return '128';
  // "dismissed an appeal", "turned down the offer": rejecting a request or proposal (CAMEO 12x)
  if (DISMISS_VERBS.has(key) && objectHas(PROPOSAL_NOUNS)) return '120';
  // PLOVER REQUEST: "all requests, demands, and orders" ("ordered the paper to close"), which
  // the dictionary sometimes codes as intent (03x)
  if (/^order(s|ed|ing)?$/.test(key) && code.startsWith('03')) return '100';
  // "workers blocked the bridge": obstruction by civilians is a protest (CAMEO 144); by the
  // state it is a restriction (COERCE)
  if (/^(block|blockade|barricade|obstruct)(s|ed|ing)?$/.test(key) && ctx.subjectHeadIn(v, NON_STATE_HEADS)) return '144';
  // ... and the dictionary's "blocked a road" (144) done by police or troops is COERCE 'restrict'
  if (code.startsWith('144') && ctx.subjectHeadIn(v, STATE_HEADS)) return '170';
  // "strengthened its forces in Lebanon", "massed troops": increasing armed forces (CAMEO 154)
  if (INCREASE_VERBS.has(key) && objectHas(ARMED_FORCES)) return '154';
  // "accepted the demands", "bowed to calls": acceding to demands (CAMEO 083, CONCEDE)
  if (ACCEDE_VERBS.has(key) && objectHas(DEMAND_NOUNS)) return '083';
  // "rebels surrendered": a military surrender (CAMEO 0874, RETREAT), unless something is handed in
  if (/^surrender(s|ed|ing)?$/.test(key) && !['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(tokens[vEnd]?.key ?? '')) return '0874';
  // "defended Iraq against Western criticism": defending verbally (CAMEO 052, SUPPORT)
  if (/^defend(s|ed|ing)?$/.test(key) && objectHas(CRITICISM_NOUNS)) return '052';
  // "reneged on his commitment": backing out of an agreement (CAMEO 127, REJECT)
  if (/^renege/.test(key)) return '127';
  // "denied land allocation", "denied them entry": refusing what was asked (CAMEO 12x); denying
  // an accusation is no PLOVER event and keeps the dictionary's reading
  if (/^den(y|ies|ied|ying)$/.test(key) && objectHas(GRANTED_THINGS)) return '120';
  // "released a letter from his physician", "released a video": publishing something is no
  // release of people (the dictionary's default for "release" is 080, yield) and no event here
  if (/^releas(e|es|ed|ing)$/.test(key) && code.startsWith('08') && objectHas(PUBLISHED_THINGS)) return '---';
  // "searching for the missing": looking for someone is no investigation
  let after = vEnd;
  while (after < limit && (timeTok[after] || (tokens[after].key === 'on' && timeTok[after + 1]))) after++;
  if (code.startsWith('09') && tokens[after]?.key === 'for') return '---';
  // "faced a long road", "faces criticism": facing a situation is no meeting
  if (code.startsWith('04') && /^fac(e|es|ed|ing)$/.test(key) && !ctx.nameAt(vEnd)) return '---';
  // "workers went on strike", "went on hunger strike": a strike (CAMEO 143, 142), not the
  // dictionary's visit (042) for "go"
  if (/^(go|goes|went|gone|going)$/.test(key) && tokens[vEnd]?.key === 'on') {
    const next = tokens[vEnd + 1]?.key;
    if (next === 'strike' || next === 'strikes') return '143';
    if (next === 'hunger' && /^strikes?$/.test(tokens[vEnd + 2]?.key ?? '')) return '142';
    // "went on television to defend the plan": an appearance, no visit
    if (next && ON_AIR.has(next)) return '---';
  }
  // "economists expected two more hikes": expecting a thing is a forecast, no event; the dictionary's
  // intent (030) is "expects to sign", an infinitive after the verb
  if (code === '030' && /^expect(s|ed|ing)?$/.test(key) && tokens[vEnd]?.key !== 'to') return '---';
  // "seek co-financing from the EIB": asking someone for something is a request (CAMEO 020), where
  // the dictionary's default for "seek" is an intent to cooperate (030): a "from" within eight
  // tokens of the verb, before any punctuation but a hyphen
  if (code === '030' && /^(seek|seeks|sought|seeking)$/.test(key) && hitBeforeStop(tokens, vEnd + 1, Math.min(limit, vEnd + 9), (t) => t.key === 'from', isPunctButHyphen)) return '020';
  return code;
}

/** A punctuation token. */
export const isPunct = (t: Token): boolean => t.kind === 'punct';
/** A punctuation token other than a hyphen ("co-financing" does not end the object). */
export const isPunctButHyphen = (t: Token): boolean => t.kind === 'punct' && t.text !== '-';

/**
 * Scan the tokens [from, end) after a verb: true at the first token k where `isHit`, false at the
 * first where `isStop` (callers bound `end` to their window: "spent the next two weeks").
 */
export function hitBeforeStop(tokens: Token[], from: number, end: number, isHit: (t: Token) => boolean, isStop: (t: Token, k: number) => boolean): boolean {
  for (let k = from; k < end; k++) {
    if (isHit(tokens[k])) return true;
    if (isStop(tokens[k], k)) return false;
  }
  return false;
}

/** A token of `set` among the (at most eight) object tokens [from, limit). */
function anyKeyIn(tokens: Token[], set: Set<string>, from: number, limit: number): boolean {
  for (let k = from; k < limit && k < from + 8; k++) if (set.has(tokens[k].key)) return true;
  return false;
}

/** One of the word sequences occurs in the object (within eight tokens after `from`). */
export function objectHasSequence(tokens: Token[], from: number, limit: number, ...seqs: string[][][]): boolean {
  for (let k = from; k < limit && k < from + 8; k++) {
    for (const seq of seqs) if (seq.every((alts, i) => alts.includes(tokens[k + i]?.key ?? ''))) return true;
  }
  return false;
}
