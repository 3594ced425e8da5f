/**
 * Word tables of the event coder that its main loop (events.ts) reads, or that more than one of
 * its modules read: the words of grammar a verb stands among (auxiliaries, copulas, clause
 * boundaries, pronouns), the nouns that head a subject, the verbs that pass their subject to an
 * infinitive, and the words of violence, signing and refusal some of its rules look for. Tables
 * that serve one module only live next to their rule there (events-senses.ts, events-modality.ts,
 * events-statements.ts, events-arguments.ts, events-verb-or-noun.ts, events-time-place.ts).
 */
import type { PloverCategory } from './types.js';
import { LEX } from './lexicons.js';
import { FINITE_AUX } from './events-subject.js';
import { regularVerbForms, singularGuess } from './verb-forms.js';

export const NOT_BEFORE_VERB = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', "'s", 'of',
  'for', 'with', 'in', 'on', 'at', 'by', 'from', 'into', 'about', 'over', 'under', 'after', 'before', 'new', 'no',
  'any', 'some', 'such', 'further', 'military', 'economic', 'political', 'mutual', 'full', 'international',
]);
/** Auxiliaries, negations and adverbs that stand between a subject and its verb. */
export const AUX = new Set([
  ...FINITE_AUX, 'be', 'been', 'being', 'also', 'not', "n't", 'never', 'to', 'reportedly', 'allegedly',
  'later', 'earlier', 'then', 'again', 'jointly', 'formally', 'officially', 'repeatedly', 'already', 'just', 'still',
  'once', 'outright', 'finally', 'first', 'now', 'since', 'even', 'effectively', 'previously', 'only', 'merely', 'simply',
]);
/**
 * Verbs whose -ing complement is an act of their subject that happened (or is denied: "deny" is a
 * hedge): "denied attacking", "admitted shelling", "resumed firing", "kept building". Verbs of
 * stopping, avoiding or considering are not here: their act did not take place.
 */
export const GERUND_COMPLEMENT_VERBS = new Set([
  'deny', 'denies', 'denied', 'denying', 'admit', 'admits', 'admitted', 'admitting', 'acknowledge', 'acknowledges', 'acknowledged', 'acknowledging',
  'resume', 'resumes', 'resumed', 'resuming', 'continue', 'continues', 'continued', 'continuing', 'began', 'begun', 'start', 'starts', 'started',
  'keep', 'keeps', 'kept',
]);
export const CLAUSE_BOUNDARY = new Set([';', ':', '\u2014', '\u2013', 'that', 'which', 'who', 'whom', 'when', 'while', 'but', 'because', 'although', 'though', 'if', 'after', 'before', 'since', 'until', 'where', 'as']);
/** Deictic time words, time tokens whether or not the time tagger resolved them ("recently", "now"). */
export const DEICTIC_TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'recently', 'now']);
/** Plural or collective nouns that head a subject besides the agents dictionary. */
export const SUBJECT_NOUNS = new Set(['officials', 'leaders', 'forces', 'authorities', 'government', 'governments', 'ministers', 'spokesmen', 'lawmakers', 'delegates', 'delegation', 'negotiators', 'envoys', 'diplomats', 'soldiers', 'militants', 'fighters', 'protesters', 'demonstrators', 'students', 'workers', 'activists', 'members', 'people', 'residents', 'police', 'military', 'army', 'navy', 'regime', 'administration', 'cabinet', 'parliament', 'court', 'media', 'agency', 'ministry', 'council', 'sources', 'state',
  // people who act collectively in news, missing from the agents dictionary
  'elders', 'chiefs', 'clerics', 'tribesmen', 'monks', 'priests', 'bishops', 'imams', 'scholars', 'intellectuals', 'opposition', 'prisoners', 'detainees', 'inmates', 'hackers', 'youths', 'officers', 'gunmen', 'villagers', 'refugees', 'civilians', 'farmers', 'teachers', 'doctors', 'journalists', 'lawyers', 'judges', 'voters', 'supporters', 'opponents', 'critics', 'unions', 'strikers', 'marchers', 'crowds', 'mobs', 'squads', 'commanders', 'generals', 'peacekeepers', 'monitors', 'inspectors', 'observers', 'investigators', 'prosecutors',
  // people an arrest, a kidnapping or a release is of
  'suspect', 'suspects', 'hostage', 'hostages', 'captive', 'captives',
  // believers and movements named by their creed or cause ("Islamic fundamentalists", "Basque separatists")
  'fundamentalists', 'radicals', 'nationalists', 'separatists', 'loyalists', 'worshippers', 'pilgrims', 'believers']);
/** Collective nouns for sides and groups that act in news ("the two sides", "the coalition"). */
const GROUP_NOUNS = new Set(['side', 'party', 'group', 'coalition', 'alliance', 'union', 'team', 'mission', 'contingent', 'committee', 'commission', 'court', 'tribunal', 'body', 'movement', 'front', 'faction', 'organization', 'organisation', 'association', 'federation', 'newspaper', 'agency', 'board', 'panel', 'bloc', 'community', 'unit', 'ship', 'warship', 'vessel', 'aircraft', 'plane', 'jet', 'troop', 'convoy',
  // military hardware stands for the force that uses it ("Israeli tanks fired", "Russian aircraft killed")
  'tank', 'helicopter', 'gunship', 'warplane', 'bomber', 'fighter', 'drone', 'submarine', 'frigate', 'destroyer', 'gunboat', 'artillery', 'battery', 'bulldozer', 'network', 'cell', 'wing', 'brigade', 'battalion', 'regiment', 'division', 'squad', 'patrol']);
export const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they']);
/** Verbs whose object is the subject of the infinitive after it ("allow teachers to protest", "urged Iran to halt"). */
export const OBJECT_CONTROL_VERBS = /^(?:allow|let|permit|enable|urge|ask|call|encourage|force|order|tell|told|invite|persuade|convince|press|pressure|help|lead|led|cause|want|need|require|compel|push|appeal)(?:s|d|ed|ing)?$/;
/** Adjectives that pass their subject to an infinitive ("is willing to send"). */
export const CONTROL_WORDS = new Set(['willing', 'ready', 'prepared', 'able', 'unable', 'eager', 'determined', 'likely', 'set', 'due', 'expected', 'going']);
export const LOCATIVE = new Set(['in', 'at', 'near', 'during', 'outside', 'inside', 'across', 'throughout']);
export const RESIGN_FORMS = new Set(regularVerbForms('resign', 'short'));
/** Words of sports copy, rare elsewhere: a text with three of them is a sports report, where one side beating another is a result. */
export const SPORTS_REPORT_WORDS = new Set(['scored', 'assists', 'touchdown', 'touchdowns', 'inning', 'innings', 'halftime', 'rebounds', 'goaltender', 'goalkeeper', 'goalie', 'puck', 'playoff', 'playoffs', 'quarterback', 'linebacker', 'defenseman', 'midfielder', 'postseason', 'preseason', 'shutout', 'tiebreak', 'semifinal', 'quarterfinal',
  // tennis, football, cricket and racing copy ("the decisive doubles match", "two singles and a doubles")
  'semifinals', 'quarterfinals', 'tiebreaker', 'doubles', 'singles', 'seeded', 'unseeded', 'aces', 'equaliser', 'equalizer', 'hat-trick', 'wicket', 'wickets', 'batsman', 'batsmen', 'bowler', 'laps', 'podium']);
/** A form that can be a past participle ("backed", "taken"): the reduced relatives and passives read it. */
export const isParticipleForm = (key: string): boolean => key.endsWith('ed') || key.endsWith('en');
/**
 * Past participles for passives after a form of "be" besides the -ed ones ("were given to", "was
 * sent to", "was hit by"). Words in -en that are no participle ("open", "even") and participles
 * that mostly say something else in a passive ("held liable", "made up of", "met by demand",
 * "caught in between") are left out.
 */
const PASSIVE_PARTICIPLES = new Set([
  'given', 'taken', 'chosen', 'shown', 'seen', 'written', 'driven', 'broken', 'spoken', 'stolen', 'beaten', 'forgotten', 'hidden',
  'thrown', 'overthrown', 'withdrawn', 'drawn', 'forbidden', 'proven', 'undertaken', 'overtaken', 'bitten', 'shaken', 'sworn',
  'sent', 'sold', 'shot', 'hit', 'struck', 'brought', 'bought', 'told', 'paid', 'sought', 'lent', 'slain', 'withheld', 'upheld',
]);
/** The word after a form of "be" is a past participle: "was attacked", "were given", "was sent". */
export const isPassiveParticiple = (key: string): boolean => key.endsWith('ed') || PASSIVE_PARTICIPLES.has(key);
/**
 * Verbs of refusal whose PETRARCH2 block ("REFUSE") has no default code and relies on object
 * patterns; CAMEO codes the plain verb as 120 "Reject" (PLOVER REJECT).
 */
export const REFUSAL_VERBS = new Set(['reject', 'rejects', 'rejected', 'rejecting', 'refuse', 'refuses', 'refused', 'refusing', 'decline', 'declines', 'declined', 'declining', 'rebuff', 'rebuffs', 'rebuffed', 'rebuffing', 'spurn', 'spurns', 'spurned', 'spurning']);
export const ARRIVE_FORMS = new Set(regularVerbForms('arrive', 'short'));
/** Nouns a verb-like word before them modifies ("press secretary", "press conference"). */
export const OFFICE_NOUNS = new Set(['secretary', 'secretaries', 'spokesman', 'spokeswoman', 'spokesperson', 'conference', 'conferences', 'briefing', 'briefings', 'corps']);
export const COPULAS = new Set(['be', 'is', 'are', 'was', 'were', 'been']);
/** Forms of "be" a passive participle may follow: the copulas and "being" ("is being held"). */
export const PASSIVE_AUXILIARIES = new Set([...COPULAS, 'being']);
export const PERFECT_AUXILIARIES = new Set(['has', 'have', 'had']);
/** Triggers of a threat or warning, whose target may be named in its condition. */
export const THREAT_TRIGGER = /^(?:threat|warn|caution)/;
/** Words that end a verb's object: patterns never reach into the next clause. */
export const PATTERN_STOP = new Set(['which', 'who', 'while', 'but', 'if', 'unless', 'because', 'when', 'until', 'although', 'though', 'whereas', 'whether']);
export const MATERIAL_CONFLICT = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'PROTEST']);
export const CONFLICT = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'REJECT', 'THREATEN', 'PROTEST']);
/**
 * Verbs whose infinitive carries the event ("plans to impose", "decided to allow", "tried to
 * hack", "continued to send"): intent, decision, attempt and aspect. The infinitive takes their
 * subject; FUTURE marks the ones that look ahead.
 */
export const INTENT_VERBS = new Set(['manage', 'manages', 'managed', 'managing', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'decide', 'decides', 'decided', 'prepare', 'prepares', 'prepared', 'aim', 'aims', 'aimed', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'seek', 'seeks', 'sought', 'try', 'tries', 'tried', 'attempt', 'attempts', 'attempted', 'resolve', 'resolves', 'resolved', 'continue', 'continues', 'continued', 'begin', 'begins', 'began', 'start', 'starts', 'started', 'resume', 'resumed', 'mean', 'means', 'meant', 'move', 'moved', 'moves']);
/** Verbal acts: a participial adjunct of this kind is an event ("..., demanding that ..."). */
export const VERBAL_ACTS = new Set<PloverCategory>(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);
/** Attacks and explosions as the subject of a killing ("A roadside bombing killed"). */
export const ATTACK_NOUNS = new Set(['attempt', 'plot', 'bombing', 'bomb', 'bombs', 'blast', 'blasts', 'explosion', 'explosions', 'attack', 'attacks', 'ambush', 'airstrike', 'airstrikes', 'shelling', 'grenade', 'landmine', 'mine', 'rocket', 'rockets', 'missile', 'missiles', 'shell', 'shells', 'gunfire', 'shooting', 'mortar', 'ied']);
/** Verbs whose subject undergoes a killing rather than doing it. */
export const VICTIM_VERBS = new Set(['die', 'dies', 'died', 'dying', 'perish', 'perishes', 'perished', 'perishing']);
/** Words that make a death in their sentence an act of violence. */
export const VIOLENCE_WORDS = new Set([...ATTACK_NOUNS, 'clash', 'clashes', 'fighting', 'war', 'violence', 'raid', 'raids', 'battle', 'combat', 'crossfire', 'wounds', 'wounded', 'shot', 'stabbed', 'executed', 'torture', 'tortured', 'beaten', 'strike', 'strikes', 'drone', 'drones', 'siege', 'massacre']);
/** Words that make "engaged in …" a fight: "engaged in fierce fighting", "engaged in psychological warfare". */
export const COMBAT_WORDS = new Set([...VIOLENCE_WORDS, 'warfare', 'hostilities', 'firefight', 'gunfight', 'gunbattle', 'skirmish', 'skirmishes', 'battles', 'fights', 'fight', 'combat', 'shootout',
  'altercation', 'brawl', 'scuffle', 'scuffles', 'cleansing', 'genocide', 'atrocities', 'massacres', 'killings', 'terrorism', 'insurgency', 'bombardment']);
/** Armed people, the words both sets below take. */
const ARMED_PEOPLE = ['troops', 'forces', 'soldiers', 'militants', 'rebels', 'insurgents', 'army', 'military', 'fighters', 'militia', 'militiamen', 'gunmen', 'police'];
/** Armed people: the object that makes a fight one of arms ("fought government troops"). */
export const ARMED_FORCE_WORDS = new Set([...ARMED_PEOPLE, 'militias', 'policemen', 'jihadists', 'separatists', 'guerrillas', 'paramilitaries']);
/** Words of armed violence: with one in the sentence an attack is a physical one. */
export const ARMED_CONTEXT_WORDS = new Set([...COMBAT_WORDS, ...ARMED_PEOPLE, 'jets', 'warplanes', 'aircraft', 'artillery', 'tanks', 'base', 'convoy', 'village', 'positions', 'targets', 'knife', 'gun', 'guns', 'weapon', 'weapons', 'injured', 'killed', 'dead', 'killing', 'wounded', 'hospital', 'hospitalized', 'victim', 'victims', 'suspect', 'shark', 'dog', 'bear', 'cyber', 'cyberattack', 'hackers', 'hacked', 'ransomware', 'malware', 'network', 'networks', 'server', 'servers', 'systems', 'computers', 'mainnet', 'blockchain']);
/** Verbs of signing or concluding a written agreement. */
export const SIGN_VERBS = new Set(['sign', 'signs', 'signed', 'signing', 'ink', 'inks', 'inked', 'inking', 'ratify', 'ratifies', 'ratified', 'ratifying', 'conclude', 'concludes', 'concluded', 'concluding', 'finalize', 'finalizes', 'finalized', 'finalise', 'finalises', 'finalised', 'countersign', 'countersigned', 'initialled', 'initialed']);
/** Formal written agreements (PETRARCH's &TREATY synset and its near synonyms). */
export const AGREEMENT_NOUNS = new Set(['agreement', 'agreements', 'accord', 'accords', 'pact', 'pacts', 'treaty', 'treaties', 'deal', 'deals', 'memorandum', 'memorandums', 'memoranda', 'mou', 'protocol', 'protocols', 'convention', 'conventions', 'charter', 'declaration', 'communique', 'communiqué', 'armistice', 'compact', 'covenant']);

/**
 * A title of an office or post ("minister", "spokesman"), which makes a political actor; an
 * occupation ("designer", "author") does not: "designers must consider …" is no event.
 */
export function isOfficeTitle(key: string): boolean {
  return LEX.titles.has(key) && !LEX.occupations.has(key);
}

/** A lowercase word that names an agent, a role or a group, singular or plural. */
export function isAgentKey(key: string): boolean {
  const sing = singularGuess(key);
  // a plural demonym is a people ("ethnic Turks", "Albanians")
  return LEX.agents.has(key) || LEX.agents.has(sing) || isOfficeTitle(key) || isOfficeTitle(sing) || SUBJECT_NOUNS.has(key) || SUBJECT_NOUNS.has(sing) || GROUP_NOUNS.has(sing) || (key !== sing && !!LEX.demonyms.get(sing));
}
