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
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { EventAnn, EventParticipant, PloverCategory, PloverQuad, Quote, TimeExpr } from './types.js';
import { hasListedWords, type Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { ORG_ROLE_NOUNS, resolveOrgRoleNoun, type EntityResult, type MentionRec } from './entities.js';
import { LEX } from './lexicons.js';
import { isQuotation } from './quotes.js';
import { lastStartingAtOrBefore } from './spans.js';
import { DISASTER_WORDS, FINITE_AUX, NEGATIVE_AUX, nominalObject, nominalSubject, type SubjectContext } from './events-subject.js';
import { codebookReadingOf, hitBeforeStop, isPunct, isPunctButHyphen, objectHasSequence, STATE_HEADS, type CodebookContext } from './events-codebook.js';
import { IRREGULAR_PAST, regularVerbForms, singularGuess } from './verb-forms.js';
import { buildEventNouns, CORE_EVENT_NOUNS, objectEventNoun, occurrenceVerbAt, supportVerbAt, terminativeVerbAt } from './events-nominal.js';

interface VerbBlock {
  code: string;
  patterns: { after: string[][]; code: string }[];
}
interface VerbDict {
  forms: Record<string, string>;
  blocks: Record<string, VerbBlock>;
  cameo2plover: Record<string, string>;
}

function loadDict(): VerbDict {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const f = path.join(dir, 'data', 'lexicons', 'event-verbs.json');
    if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8')) as VerbDict;
    dir = path.dirname(dir);
  }
  throw new Error('data/lexicons/event-verbs.json not found (run scripts/build-nlp-lexicons.ts)');
}
const DICT = loadDict();
/** Set `eventDebug.on = true` to trace verb candidates on stderr (development aid). */
export const eventDebug = { on: process.env.PARALLAX_NLP_DEBUG === '1' };
const FORMS = new Map(Object.entries(DICT.forms));
/**
 * First words of multi-word verb forms ("called off", "set up", "get hold of") → the most words
 * such a form has, to avoid building keys for every token.
 */
const MULTI_WORD_FIRST = new Map<string, number>();
for (const k of FORMS.keys()) {
  if (!k.includes(' ')) continue;
  const parts = k.split(' ');
  MULTI_WORD_FIRST.set(parts[0], Math.max(MULTI_WORD_FIRST.get(parts[0]) ?? 0, parts.length));
}
/** Pattern words as Sets per element, compiled once. */
interface CompiledBlock {
  code: string;
  patterns: { after: Set<string>[]; code: string }[];
  /** First pattern word → indexes of the patterns starting with it. */
  byFirst: Map<string, number[]>;
}
const BLOCKS = new Map<string, CompiledBlock>();
/** Block of support/terminative verbs the dictionary lacks: no code, no patterns. */
const NO_CODE_BLOCK = '\u0000none';
BLOCKS.set(NO_CODE_BLOCK, { code: '---', patterns: [], byFirst: new Map() });
for (const [name, b] of Object.entries(DICT.blocks)) {
  const patterns = b.patterns.map((p) => ({ after: p.after.map((alts) => new Set(alts.map((a) => a.toLowerCase()))), code: p.code }));
  const byFirst = new Map<string, number[]>();
  patterns.forEach((p, i) => {
    for (const w of p.after[0]) {
      const list = byFirst.get(w) ?? [];
      list.push(i);
      byFirst.set(w, list);
    }
  });
  BLOCKS.set(name, { code: b.code, patterns, byFirst });
}

/** Nominalisations of the dictionary's coded verbs ("negotiation", "withdrawal") → verb block. */
const EVENT_NOUNS = buildEventNouns(FORMS, (block) => {
  const c = DICT.blocks[block]?.code;
  return !!c && c !== '---';
});

const QUAD: Record<PloverCategory, PloverQuad> = {
  AGREE: 'verbal-cooperation',
  CONSULT: 'verbal-cooperation',
  SUPPORT: 'verbal-cooperation',
  CONCEDE: 'verbal-cooperation',
  COOPERATE: 'material-cooperation',
  AID: 'material-cooperation',
  RETREAT: 'material-cooperation',
  REQUEST: 'verbal-conflict',
  ACCUSE: 'verbal-conflict',
  REJECT: 'verbal-conflict',
  THREATEN: 'verbal-conflict',
  PROTEST: 'material-conflict',
  SANCTION: 'material-conflict',
  MOBILIZE: 'material-conflict',
  COERCE: 'material-conflict',
  ASSAULT: 'material-conflict',
};

/**
 * Where the PLOVER codebook's category text overrides CAMEO2PLOVER-2021: CONCEDE "covers ...
 * easing of administrative or legal restrictions on persons and organizations, removing curfews,
 * suspending protests" ("the lifting of a curfew is, effectively, a promise"), while the 2021
 * table moved 0813 (ease curfew) and 0814 (ease state of emergency) to RETREAT.
 */
const CODEBOOK_OVERRIDES: Record<string, PloverCategory> = {
  '0813': 'CONCEDE',
  '0814': 'CONCEDE',
  // SANCTION: "International (political or economic) sanctions are coded as 'discontinue'"; the
  // 2021 table puts 163 (impose embargo, boycott, or sanctions) under COERCE
  '163': 'SANCTION',
};

/** CAMEO code → PLOVER category (longest prefix in the table). */
export function cameoToPlover(code: string): PloverCategory | null {
  const override = CODEBOOK_OVERRIDES[code];
  if (override) return override;
  for (let len = code.length; len >= 2; len--) {
    const c = DICT.cameo2plover[code.slice(0, len)];
    if (c && c in QUAD) return c as PloverCategory;
  }
  // CAMEO 02 (appeal, request) is absent from CAMEO2PLOVER-2021; the PLOVER manual puts
  // "all requests, demands, and orders" under REQUEST.
  if (code.startsWith('02')) return 'REQUEST';
  return null;
}

const NOT_BEFORE_VERB = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', "'s", 'of',
  'for', 'with', 'in', 'on', 'at', 'by', 'from', 'into', 'about', 'over', 'under', 'after', 'before', 'new', 'no',
  'any', 'some', 'such', 'further', 'military', 'economic', 'political', 'mutual', 'full', 'international',
]);
/** Auxiliaries, negations and adverbs that stand between a subject and its verb. */
const AUX = new Set([
  ...FINITE_AUX, 'be', 'been', 'being', 'also', 'not', "n't", 'never', 'to', 'reportedly', 'allegedly',
  'later', 'earlier', 'then', 'again', 'jointly', 'formally', 'officially', 'repeatedly', 'already', 'just', 'still',
  'once', 'outright', 'finally', 'first', 'now', 'since', 'even', 'effectively', 'previously', 'only', 'merely', 'simply',
]);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', ...NEGATIVE_AUX]);
const NEGATING_VERBS = new Set(['refused', 'refuses', 'refuse', 'failed', 'fails', 'fail', 'declined', 'declines', 'decline']);
/** Words after a negator that turn it into something else: "not only", "don't just", "no wonder", "not sure". */
const NOT_NEGATING_AFTER = new Set(['only', 'just', 'merely', 'simply', 'wonder', 'doubt', 'sure']);
/**
 * Verbs whose -ing complement is an act of their subject that happened (or is denied: "deny" is a
 * hedge): "denied attacking", "admitted shelling", "resumed firing", "kept building". Verbs of
 * stopping, avoiding or considering are not here: their act did not take place.
 */
const GERUND_COMPLEMENT_VERBS = new Set([
  'deny', 'denies', 'denied', 'denying', 'admit', 'admits', 'admitted', 'admitting', 'acknowledge', 'acknowledges', 'acknowledged', 'acknowledging',
  'resume', 'resumes', 'resumed', 'resuming', 'continue', 'continues', 'continued', 'continuing', 'began', 'begun', 'start', 'starts', 'started',
  'keep', 'keeps', 'kept',
]);
const HEDGES = new Set([
  'alleged', 'allegedly', 'allegation', 'allegations', 'accused', 'accuse', 'accuses', 'accusing', 'accusations', 'reportedly',
  'suspected', 'possibly', 'purportedly', 'claimed', 'claims', 'deny', 'denied', 'denies', 'denying', 'rumored', 'rumoured',
  'unconfirmed', 'unverified', 'purported', 'believed', 'apparently',
]);
/**
 * Modals of possibility and ability: they hedge the verb they stand before, not the whole
 * sentence ("Russia can strike Ukraine at will" says what it is able to do, not that it did).
 */
const HEDGE_MODALS = new Set(['may', 'might', 'could', 'can']);
/** Auxiliaries of the future, which mark it on their own ("will sign", "won't sign"). */
const FUTURE_AUXILIARIES = new Set(['will', "'ll", 'shall', 'would', "won't", "wouldn't"]);
/** Words that look ahead: the future auxiliaries, and words of intent or plan before "to" or "be". */
const FUTURE = new Set([...FUTURE_AUXILIARIES, 'willing', 'ready', 'prepared', 'plans', 'planned', 'plan', 'intends', 'intend', 'intended', 'expected', 'going', 'set', 'scheduled', 'aims', 'aim', 'agreed', 'agree', 'agrees', 'promised', 'pledged', 'vowed', 'offered', 'proposed', 'wants', 'seeks', 'sought', 'hopes', 'likely']);
const CLAUSE_BOUNDARY = new Set([';', ':', '\u2014', '\u2013', 'that', 'which', 'who', 'whom', 'when', 'while', 'but', 'because', 'although', 'though', 'if', 'after', 'before', 'since', 'until', 'where', 'as']);
/** Deictic time words, time tokens whether or not the time tagger resolved them ("recently", "now"). */
const DEICTIC_TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'recently', 'now']);
/** Plural or collective nouns that head a subject besides the agents dictionary. */
const SUBJECT_NOUNS = new Set(['officials', 'leaders', 'forces', 'authorities', 'government', 'governments', 'ministers', 'spokesmen', 'lawmakers', 'delegates', 'delegation', 'negotiators', 'envoys', 'diplomats', 'soldiers', 'militants', 'fighters', 'protesters', 'demonstrators', 'students', 'workers', 'activists', 'members', 'people', 'residents', 'police', 'military', 'army', 'navy', 'regime', 'administration', 'cabinet', 'parliament', 'court', 'media', 'agency', 'ministry', 'council', 'sources', 'state',
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
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they']);
/** Verbs whose object is the subject of the infinitive after it ("allow teachers to protest", "urged Iran to halt"). */
const OBJECT_CONTROL_VERBS = /^(?:allow|let|permit|enable|urge|ask|call|encourage|force|order|tell|told|invite|persuade|convince|press|pressure|help|lead|led|cause|want|need|require|compel|push|appeal)(?:s|d|ed|ing)?$/;
/** Nouns of a demand or an appeal that hand the act to the one addressed ("an ultimatum to Ecuador to halt attacks"). */
const APPEAL_NOUNS = new Set(['ultimatum', 'call', 'calls', 'appeal', 'appeals', 'plea', 'pleas', 'request', 'requests', 'order', 'orders', 'invitation', 'demand', 'demands']);

/** Words between a verb and its object's name ("urged the Syrian government to"). */
const INFINITIVE_OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'both', 'all']);
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'or', 'so']);
/** Adjectives that pass their subject to an infinitive ("is willing to send"). */
const CONTROL_WORDS = new Set(['willing', 'ready', 'prepared', 'able', 'unable', 'eager', 'determined', 'likely', 'set', 'due', 'expected', 'going']);
const SUBJECT_PP = new Set(['of', 'from', 'in', 'at', 'near', 'for', 'with', 'across', 'inside', 'outside', 'around']);
/** Pure verbs of speech: their object patterns reach into the reported clause, so they code no event. */
const SPEECH_ONLY = new Set(['say', 'tell', 'add', 'write', 'state', 'note', 'explain', 'mention', 'inform', 'report', 'comment', 'remark', 'reply', 'answer', 'describe', 'quote']);
const LOCATIVE = new Set(['in', 'at', 'near', 'during', 'outside', 'inside', 'across', 'throughout']);
/**
 * PLOVER AGREE: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in
 * future tense ... should be coded as AGREE". Future yielding and retreat are AGREE too, as in
 * CAMEO2PLOVER-2021 (035x "express intent to yield / release / ease sanctions / de-escalate" →
 * AGREE) and in both gold sets ("Turkey will allow ... refugees to return" is AGREE), although
 * the codebook's text would keep them CONCEDE.
 */
const COOPERATIVE_FUTURE_TO_AGREE = new Set<PloverCategory>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
// (CAMEO 133 "threaten with political dissent, protest": a protest announced for later is a threat too)
const FUTURE_CONFLICT_TO_THREATEN = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'PROTEST']);
const RESIGN_FORMS = new Set(regularVerbForms('resign', 'short'));
/** "spent a second night in shelters", "spend two years in prison": time passed, not money given (CAMEO's "spend on"). */
const SPEND_FORMS = new Set(['spend', 'spends', 'spent', 'spending']);
const BREAK_FORMS = new Set(['break', 'breaks', 'broke', 'broken', 'breaking']);
/** Verbs of winning a contest: an attack in the dictionary (190), a result in sports and election news. */
const RESULT_FORMS = new Set(['beat', 'beats', 'beaten', 'defeat', 'defeats', 'defeated', 'edged', 'topped', 'routed', 'thrashed', 'downed', 'outscored', 'eliminated', 'ousted']);
/** Words of sports copy, rare elsewhere: a text with three of them is a sports report, where one side beating another is a result. */
const SPORTS_REPORT_WORDS = new Set(['scored', 'assists', 'touchdown', 'touchdowns', 'inning', 'innings', 'halftime', 'rebounds', 'goaltender', 'goalkeeper', 'goalie', 'puck', 'playoff', 'playoffs', 'quarterback', 'linebacker', 'defenseman', 'midfielder', 'postseason', 'preseason', 'shutout', 'tiebreak', 'semifinal', 'quarterfinal',
  // tennis, football, cricket and racing copy ("the decisive doubles match", "two singles and a doubles")
  'semifinals', 'quarterfinals', 'tiebreaker', 'doubles', 'singles', 'seeded', 'unseeded', 'aces', 'equaliser', 'equalizer', 'hat-trick', 'wicket', 'wickets', 'batsman', 'batsmen', 'bowler', 'laps', 'podium']);
/** Words of a contest's result ("6-3, 7-6", "in the election", "the final", "fourth straight victory"). */
const CONTEST_WORDS = new Set(['election', 'elections', 'race', 'primary', 'runoff', 'vote', 'votes', 'polls', 'ballot', 'seat', 'incumbent', 'match', 'game', 'games', 'final', 'finals', 'semifinal', 'semifinals', 'quarterfinal', 'quarterfinals', 'tournament', 'series', 'set', 'sets', 'round', 'championship', 'cup', 'league', 'season', 'victory', 'win', 'points', 'goals', 'title', 'playoff', 'playoffs', 'halftime', 'overtime', 'innings', 'inning', 'tiebreak', 'tie-break']);
/** Generic verbs of motion: a visit (040-046) only toward a place or a meeting ("went to Moscow", "came for talks"), or an agreement reached ("came to an agreement"). */
const GENERIC_MOTION_FORMS = new Set(['go', 'goes', 'went', 'gone', 'come', 'comes', 'came', 'leave', 'leaves', 'left']);
const MOTION_PREPOSITIONS = new Set(['to', 'in', 'for', 'at', 'into']);
const MEETING_NOUNS = new Set(['talks', 'visit', 'summit', 'meeting', 'meetings', 'consultations', 'negotiations', 'conference', 'agreement', 'deal', 'terms', 'accord', 'understanding', 'consensus']);
/** Verbs whose dictionary default (take = seize 171, hold = confine 170) needs a party as object: "took the town", "held two hostages", not "took home first" or "held on to beat Detroit". */
const PARTY_OBJECT_FORMS = new Set(['take', 'takes', 'took', 'taken', 'hold', 'holds', 'held', 'release', 'releases', 'released', 'free', 'frees', 'freed',
  // an arrest or a removal is of someone: "doctors caught his condition early", "removed the feather bedding", "caught two TD passes"
  'catch', 'catches', 'caught', 'catching', 'remove', 'removes', 'removed', 'removing',
  // an approach is to someone: "approached the rebels", not "Black Friday is approaching"
  'approach', 'approaches', 'approached', 'approaching']);
/** Verbs whose dictionary default is no event in news: lead and improve (060, "led key acquisitions", "air quality improved"), unveil and reveal (050, "unveiled its new laptop"); their patterns still code ("improved relations"). */
const DEFAULT_NONE_FORMS = new Set([
  'lead', 'leads', 'led', 'improve', 'improves', 'improved', 'unveil', 'unveils', 'unveiled', 'reveal', 'reveals', 'revealed',
  // 040 by default: "the EU considers all settlement activity illegal", "people will begin to think", "Apple's ability to innovate"
  'consider', 'considers', 'considered', 'considering', 'think', 'thinks', 'thinking', 'innovate', 'innovates', 'innovated', 'innovating',
  // 060 by default: "a court ruled that", "was linked to", "increase efficiency"
  'rule', 'rules', 'ruled', 'link', 'links', 'linked', 'increase', 'increases', 'increased',
  // 040 by default: "learned who had written it", "received FDA clearance", "introduced business accounts"
  'learn', 'learns', 'learned', 'learnt', 'receive', 'receives', 'received', 'introduce', 'introduces', 'introduced',
  // 061 by default: "bought a house", "Google has bought CloudSimple" (weapons bought are a pattern of their own)
  'buy', 'buys', 'bought', 'purchase', 'purchases', 'purchased',
  // 030 by default: "the disease meant that", "a cell meant for 35"; 080: "fill the empty slot", "could fill volumes"
  'mean', 'means', 'meant', 'fill', 'fills', 'filled', 'filling',
  // 140 by default: "the fight for voters is raging"; 060: "better gas mileage", "programs related to spaceflight"
  'rage', 'rages', 'raged', 'raging', 'better', 'relate', 'relates', 'related',
  // 060 by default: "the Joy-Cons are permanently attached", "connect it all to the internet"
  'attach', 'attaches', 'attached', 'attaching', 'connect', 'connects', 'connected', 'connecting',
  // 040 by default: "could hear Trump's voice", "waited weeks to hear notice of the layoffs"
  'hear', 'hears', 'heard', 'hearing',
]);
const CHARGE_FORMS = new Set(['charge', 'charges', 'charged', 'charging']);
/**
 * Verbs whose dictionary default needs a party as object or as the passive's subject, like
 * PARTY_OBJECT_FORMS: payment (061) is of someone ("paid the agency", not "producers pay more"), a
 * pull (171) takes someone away ("pulled the covers off the model"), a charge (112) is brought
 * against someone ("charged two guards", not "charging an iPhone"), service (060) is to someone
 * ("served the regime", not "served as CEO").
 */
const PARTY_DEFAULT_FORMS = new Set(['pay', 'pays', 'paid', 'paying', 'pull', 'pulls', 'pulled', 'pulling', ...CHARGE_FORMS, 'serve', 'serves', 'served', 'serving',
  // arming (062) is of a party: "equipped the rebels with rifles", not "equipped it with touch panels"
  'equip', 'equips', 'equipped', 'equipping',
  // praise (051) is of someone: "celebrated the team's victory", not "one of Mexico's most celebrated photographers", "Diwali, celebrated by lighting lamps"
  'celebrate', 'celebrates', 'celebrated', 'celebrating']);
/** "business challenges", "advantages and challenges", "find it challenging", "challenging itself": the noun, the adjective or a self-set goal, no dispute. */
const CHALLENGE_FORMS = new Set(['challenge', 'challenges', 'challenged', 'challenging']);
const CHALLENGE_NOUN_AFTER = new Set(['of', 'for', 'facing', 'ahead', 'remain', 'include', 'includes', 'such']);
const CHALLENGING_ADJECTIVE_BEFORE = new Set(['and', 'it', 'more', 'most', 'very', 'quite', 'particularly', 'especially', 'extremely', 'increasingly', 'less', 'so', 'as', 'too', 'find', 'finds', 'found', 'prove', 'proves', 'proved', 'remain', 'remains', 'remained']);
const REFLEXIVES = new Set(['itself', 'themselves', 'himself', 'herself', 'ourselves', 'myself', 'yourself', 'yourselves']);
/** Sharing and selling (060) are with or to someone: "shared intelligence with Jordan", "sold jets to India", not "shared a clip", "Hong Kong shares", "sold its stake". */
const SHARE_FORMS = new Set(['share', 'shares', 'shared', 'sharing', 'sell', 'sells', 'sold', 'selling']);
/** Yielding (080) is to someone or to pressure: "yielded to the protesters' demands", not "Treasury yields slipped", "yielded results". */
const YIELD_FORMS = new Set(['yield', 'yields', 'yielded', 'yielding']);
/** Study (090) of how or whether something works is research, no investigation of anyone: "studying how tissue repairs itself". */
const STUDY_FORMS = new Set(['study', 'studies', 'studied', 'studying', 'examine', 'examines', 'examined', 'examining', 'explore', 'explores', 'explored', 'exploring', 'research', 'researched', 'researching']);
const WH_OBJECT = new Set(['how', 'whether', 'why', 'what', 'if', 'when', 'where', 'which']);
/** Commenting is a statement (CAMEO 01), whatever it is about: "couldn't comment on the investigation". */
const COMMENT_FORMS = new Set(['comment', 'comments', 'commented', 'commenting']);
/** Declining to say is CAMEO 011, "decline comment": no rejection ("declined to say when", "refused to confirm"). */
const DECLINE_FORMS = new Set(['decline', 'declines', 'declined', 'declining', 'refuse', 'refuses', 'refused', 'refusing']);
const DECLINED_SPEECH = new Set(['comment', 'say', 'confirm', 'disclose', 'discuss', 'elaborate', 'specify', 'address', 'state', 'reveal', 'identify', 'name', 'detail', 'speculate']);
/** "declined to be named", "refused to be interviewed": a source's wish, no rejection. */
const DECLINED_BE = new Set(['named', 'identified', 'interviewed', 'quoted', 'drawn']);
/** "is promising at worst", "very promising": the adjective, no promise. */
const PROMISING_ADJECTIVE_BEFORE = new Set(['very', 'most', 'more', 'less', 'so', 'as', 'quite', 'highly', 'particularly', 'especially', 'extremely', 'equally', 'increasingly', 'looks', 'look', 'seems', 'seem', 'sounds', 'remains', 'remain']);
const PROMISING_ADJECTIVE_AFTER = new Set(['at', 'in', 'for', 'but', 'and', 'than', 'enough', 'though']);
/** What burning in protest burns (the dictionary's "burn" is a protest, 140): "burned the flag", not "burning fires for cooking", "Hong Kong is burning". */
const BURN_FORMS = new Set(['burn', 'burns', 'burned', 'burnt', 'burning']);
const BURN_TARGETS = new Set(['flag', 'flags', 'effigy', 'effigies', 'tyres', 'tires', 'car', 'cars', 'vehicle', 'vehicles', 'bus', 'buses', 'building', 'buildings', 'house', 'houses', 'home', 'homes', 'office', 'offices', 'station', 'stations', 'church', 'churches', 'mosque', 'mosques', 'temple', 'temples', 'shop', 'shops', 'store', 'stores', 'embassy', 'consulate', 'headquarters', 'portrait', 'portraits', 'posters', 'banners', 'pictures', 'photos', 'books', 'barricades', 'village', 'villages', 'crops', 'fields']);
/**
 * An offer (030) is to a party or of relations: "offered to mediate", "offered Iran talks", "offered
 * aid"; a company offering a product, a discount or a finish is commerce ("Audi will offer the
 * car in thirteen finishes", "offering instant discounts").
 */
const OFFER_FORMS = new Set(['offer', 'offers', 'offered', 'offering']);
const OFFER_OF_RELATIONS = new Set(['aid', 'assistance', 'help', 'support', 'asylum', 'refuge', 'protection', 'talks', 'negotiations', 'dialogue', 'ceasefire', 'truce', 'concessions', 'concession', 'compromise', 'deal', 'mediation', 'resignation', 'apology', 'amnesty', 'guarantees', 'guarantee', 'security', 'troops', 'loans', 'loan', 'funding', 'cooperation', 'condolences', 'prayers', 'sympathy', 'visas', 'citizenship', 'peace', 'exchange', 'swap', 'hostages', 'prisoners', 'access']);
/** "contend with 10 million users": coping, no dispute. */
const CONTEND_FORMS = new Set(['contend', 'contends', 'contended', 'contending']);
/** Give and provide (060 by default) need a party to receive: "will provide patrol boats to Vietnam", not "gave his players a pep talk", "provided some demos". */
const GIVE_FORMS = new Set(['give', 'gives', 'gave', 'given', 'provide', 'provides', 'provided']);
/** "pleaded guilty", "pleads not guilty", "pleaded no contest": a plea in court, no appeal to anyone. */
const PLEA_FORMS = new Set(['plead', 'pleads', 'pleaded', 'pled']);
const PLEA_WORDS = new Set(['guilty', 'not', 'innocent', 'no']);
/** "hit a maximum of 44 dBa", "hit a record high", "hit pay dirt", "hit the shelves": reaching a mark, no blow. */
const HIT_FORMS = new Set(['hit', 'hits', 'hitting']);
/** "struggled to get it right": the dictionary's "struggle" is a fight (190); before an infinitive it is a difficulty. */
const STRUGGLE_FORMS = new Set(['struggle', 'struggles', 'struggled', 'struggling']);
/**
 * The dictionary's "engage" and "battle" are a use of force (190) unless a pattern says otherwise
 * ("engaged in talks"); force is against a party or with arms: "battling extradition", "battling
 * cancer", "engaged in self-dealing" are no fight.
 */
const ENGAGE_FORMS = new Set(['engage', 'engages', 'engaged', 'engaging', 'battle', 'battles', 'battled', 'battling']);
/** Adverbs inside a passive verb group ("is still being held", "was reportedly taken"). */
const PASSIVE_ADVERBS = new Set(['still', 'now', 'also', 'already', 'again', 'later', 'since', 'then']);
/** Words of rank that are adjectives before a noun ("major cuts", "general elections", "chief concern"). */
const RANK_ADJECTIVES = new Set(['major', 'general', 'chief', 'head', 'principal', 'senior', 'deputy', 'private']);
/** Prepositions that end a verb's object: a place or a time follows ("held at the exchange", "taken in 2019"). */
const OBJECT_END_PREPOSITIONS = new Set(['at', 'in', 'on', 'during', 'since', 'until', 'after', 'before', 'near', 'inside', 'outside']);
/** Verbs of attack that news also uses for words ("assailed", "blasted", "attacked his record"). */
const VERBAL_ATTACK_FORMS = new Set(['attack', 'attacks', 'attacked', 'attacking', 'assail', 'assails', 'assailed', 'assailing', 'blast', 'blasts', 'blasted', 'blasting', 'slam', 'slams', 'slammed', 'slamming', 'lambast', 'lambasts', 'lambasted', 'lambaste', 'lambastes']);
/** "ended up paying": an outcome, no ending. */
const END_FORMS = new Set(['end', 'ends', 'ended', 'ending']);
/** A goal or a mark is no event; the dictionary's "scored on" is an appeal. */
const SCORE_FORMS = new Set(['score', 'scores', 'scored', 'scoring']);
/** Calling off: reduced relations (CAMEO 16) only with a party or a relations noun. */
const CANCEL_FORMS = new Set(['cancel', 'cancels', 'canceled', 'cancelled', 'canceling', 'cancelling']);
/** What calling off reduces relations by: meetings, visits, talks, deals, joint acts. */
const RELATIONS_NOUNS = new Set(['visit', 'visits', 'trip', 'trips', 'talks', 'meeting', 'meetings', 'summit', 'summits', 'negotiations', 'dialogue', 'agreement', 'agreements', 'deal', 'deals', 'treaty', 'treaties', 'contract', 'contracts', 'cooperation', 'exercises', 'drills', 'sale', 'sales', 'aid', 'flights', 'exchanges', 'relations', 'ties', 'visas', 'visa', 'accord', 'pact']);
/** "tend to purchase": a tendency; "tend to the wounded" is care (the dictionary's "tend" is aid). */
const TEND_FORMS = new Set(['tend', 'tends', 'tended', 'tending']);
/** "rallied to beat Bautista-Agut": a comeback in a contest is no mobilisation. */
const RALLY_FORMS = new Set(['rally', 'rallies', 'rallied', 'rallying']);
const CONTEST_OUTCOME_VERBS = new Set(['beat', 'win', 'defeat', 'edge', 'top', 'tie', 'level', 'claim', 'clinch', 'secure', 'force', 'earn', 'finish', 'take', 'salvage', 'overcome', 'stun']);
const MARK_WORDS = new Set(['record', 'high', 'highs', 'low', 'lows', 'maximum', 'minimum', 'peak', 'milestone', 'mark', 'level', 'levels', 'target', 'jackpot', 'pay', 'headlines', 'shelves', 'stores', 'market', 'markets', 'snag', 'wall', 'roadblock', 'road', 'ground', 'home', 'theaters', 'theatres', 'screens', 'threshold', 'bottom', 'top']);
const TAKE_FORMS = new Set(['take', 'takes', 'took', 'taken']);
/** "took to social media", "took to Twitter": a post, no seizure (the streets stay a protest's). */
const MEDIA_WORDS = new Set(['social', 'media', 'twitter', 'instagram', 'facebook', 'airwaves', 'tiktok', 'youtube', 'weibo', 'x']);
/** "called the plan a bold effort", "Cruz called the suicide “a profound indictment”": naming, not a call (041). */
const CALL_FORMS = new Set(['call', 'calls', 'called']);
/** Words after "call" that make it a phrasal verb ("called for", "called on", "called off"), not naming. */
const CALL_PARTICLES = new Set(['for', 'on', 'upon', 'off', 'to', 'in', 'back', 'out']);
/** Words that open the object of the verb "forces" ("forces the government to ...", "forces them out"). */
const FORCES_OBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'him', 'them', 'us', 'it', 'people']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'himself', 'herself', 'themselves']);
/** Words of a game in play: in such a sentence a shot fired or blocked, a player held or hit, is sport ("fired a shot at Matt Murray", "Parise blocked a shot in the third period"). */
const GAME_WORDS = new Set(['goal', 'goals', 'assist', 'assists', 'shot', 'shots', 'period', 'inning', 'innings', 'halftime', 'touchdown', 'touchdowns', 'basket', 'baskets', 'rebound', 'rebounds', 'goaltender', 'goalkeeper', 'puck', 'penalty', 'match', 'game', 'games', 'season', 'playoff', 'playoffs', 'tiebreak', 'quarterback', 'striker', 'pitch']);
const FIGHT_WORDS = new Set(['brawl', 'brawls', 'fight', 'fights', 'fighting', 'punch', 'punches', 'punched', 'altercation', 'assault', 'assaulted', 'spitting', 'spat', 'helmet', 'swung', 'attacked']);
/** "needed to win", "need their permission": a need is no demand made of anyone (the dictionary's "need" is 100). */
const NEED_FORMS = new Set(['need', 'needs', 'needed']);
/** A form that can be a past participle ("backed", "taken"): the reduced relatives and passives read it. */
const isParticipleForm = (key: string): boolean => key.endsWith('ed') || key.endsWith('en');
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
/** Determiners between "to" and its recipient ("to the army", "to his counterpart"). */
const RECIPIENT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);
/** Words that start a phrase of their own inside a "by" phrase: a name after them is not the agent. */
const BY_PHRASE_BREAKS = new Set(['of', 'for', 'from', 'with', 'in', 'on', 'at', 'as', 'to', 'about', 'like', 'such', 'including', 'over', 'under', 'between', 'among', 'outside', 'inside', 'near', 'after', 'before', 'during', 'into', 'through', 'across', 'against', 'within', 'behind', 'along', 'while', 'when', 'that', 'which', 'who']);
/** The word after a form of "be" is a past participle: "was attacked", "were given", "was sent". */
const isPassiveParticiple = (key: string): boolean => key.endsWith('ed') || PASSIVE_PARTICIPLES.has(key);
/** "pass" is the dictionary's "allow" (pass a law, pass an aid convoy); before a path it is motion. */
const PASS_FORMS = new Set(['pass', 'passes', 'passed', 'passing']);
const PATH_PREPOSITIONS = new Set(['through', 'by', 'along', 'over', 'across', 'near', 'under', 'between', 'around', 'past', 'beside', 'alongside', 'down', 'up']);
/** What one breaks without violence: rules, promises, records, silence, news. */
const BROKEN_NON_OBJECTS = new Set(['law', 'laws', 'rule', 'rules', 'regulation', 'regulations', 'promise', 'promises', 'pledge', 'record', 'records', 'silence', 'news', 'story', 'ground', 'even', 'tradition', 'habit', 'protocol', 'code', 'contract', 'deadlock', 'stalemate', 'tie', 'ice']);
const EXPECT_FORMS = new Set(['expect', 'expects', 'expected', 'expecting', 'anticipate', 'anticipates', 'anticipated', 'predict', 'predicts', 'predicted']);
const INSPECT_FORMS = new Set(regularVerbForms('inspect', 'short'));
const VERIFY_FORMS = new Set(['verify', 'verified', 'confirm', 'confirmed', 'corroborate', 'corroborated', 'authenticate', 'authenticated']);
const TIME_SPAN_NOUNS = new Set(['night', 'nights', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'hour', 'hours', 'minute', 'minutes', 'morning', 'evening', 'afternoon', 'time', 'summer', 'winter', 'season']);
/**
 * Auxiliaries of ability and of the present's habits: "can" says what someone is able to do,
 * "doesn't take reservations" what they do not usually do; neither says what they did.
 */
const GENERIC_AUX = new Set(['can', "can't", 'cannot', 'does', 'do', "doesn't", "don't"]);
/** Modals, "to", "do" and negators that a bare verb form may follow ("will sign", "did not sign", "won't sign"). */
const AUX_BEFORE_BARE_VERB = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'to', 'did', 'does', 'do', "'ll", "n't", 'not', ...NEGATIVE_AUX]);
/** Verbs that give a name to their object ("called it a “successful document”", "dubbed"). */
const NAMING_VERBS = /^(?:call|dub|term|label|brand|name|describe|characteri[sz]e)(?:s|d|ed|ing)?$/;
/** Marks that may close a sentence after its stop (quotes, brackets). */
const CLOSING_MARKS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);
/** What ends a sentence of running text (a headline ends without one). */
const SENTENCE_STOPS = new Set(['.', '!', '?']);
/** Verbs of commitment: followed by "to/on/that ..." they express intent (PLOVER AGREE). */
const COMMITMENT_VERBS = new Set(['agree', 'agrees', 'agreed', 'agreeing', 'promise', 'promises', 'promised', 'pledge', 'pledges', 'pledged', 'offer', 'offers', 'offered', 'vow', 'vows', 'vowed', 'commit', 'commits', 'committed', 'undertake', 'undertook', 'consented', 'consent', 'swear', 'swears', 'swore', 'sworn']);
/**
 * Verbs of refusal whose PETRARCH2 block ("REFUSE") has no default code and relies on object
 * patterns; CAMEO codes the plain verb as 120 "Reject" (PLOVER REJECT).
 */
const REFUSAL_VERBS = new Set(['reject', 'rejects', 'rejected', 'rejecting', 'refuse', 'refuses', 'refused', 'refusing', 'decline', 'declines', 'declined', 'rebuff', 'rebuffed', 'rebuffs', 'spurned', 'spurns']);
const DEMAND_MODALS = new Set(['must', 'should']);
const ARRIVE_FORMS = new Set(regularVerbForms('arrive', 'short'));
/** A sentence about a game in play: a score ("6-3", "Senators 4, Red Wings 3") and a word of play, or two words of play. */
function gameSentence(tokens: Token[], s: Sentence, text: string): boolean {
  let words = 0;
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    // (a brawl on the ice or a helmet swung at a player is violence, game or not)
    if (FIGHT_WORDS.has(tokens[k].key)) return false;
    if (GAME_WORDS.has(tokens[k].key)) words++;
  }
  if (words >= 2) return true;
  return words === 1 && /\b\d{1,3}(?:-|, [A-Z][\w ]{0,30}? )\d{1,3}\b/.test(text.slice(s.start, Math.min(s.end, s.start + 2000)));
}

/** A sentence about a contest: a score ("6-3", "2-0") or a word of sports or elections. */
function contestSentence(tokens: Token[], s: Sentence, text: string): boolean {
  if (/\b\d{1,3}-\d{1,3}\b/.test(text.slice(s.start, s.end))) return true;
  for (let k = s.tokStart; k < s.tokEnd; k++) if (CONTEST_WORDS.has(tokens[k].key)) return true;
  return false;
}

/** Nouns a verb-like word before them modifies ("press secretary", "press conference"). */
const OFFICE_NOUNS = new Set(['secretary', 'secretaries', 'spokesman', 'spokeswoman', 'spokesperson', 'conference', 'conferences', 'briefing', 'briefings', 'corps']);
/** Words after a name that do not make it a modifier of a following noun. */
const LINK_WORDS = new Set(['and', 'or', 'to', 'not', 'also', 'still', 'immediately', 'fully', 'first']);
/** Prepositions that open a time phrase after a verb ("on Friday", "in June", "at dawn"). */
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at']);
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our']);
/** Nouns naming a demand, whose content clause follows ("its demand that Israel ease ..."). */
const DEMAND_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'request', 'requests', 'insistence', 'appeal', 'appeals']);
const VERB_AFTER_PLURAL = new Set(['have', 'had', 'were', 'are', 'will', 'would', 'could', 'continued', 'remained']);
const NAME_PREPOSITIONS = new Set(['to', 'of', 'for', 'on', 'against', 'with', 'from', 'by', 'into']);
const SUBJECT_LINKS = new Set(['and', 'or', 'who', 'which', 'that', 'also', 'it', 'he', 'she', 'one', 'each', 'either', 'neither']);
const RELATIVE_LINKS = new Set(['and', 'or', 'who', 'which', 'that', 'they', 'we']);
const COPULAS = new Set(['be', 'is', 'are', 'was', 'were', 'been']);
/** Forms of "be" a passive participle may follow: the copulas and "being" ("is being held"). */
const PASSIVE_AUXILIARIES = new Set([...COPULAS, 'being']);
const PERFECT_AUXILIARIES = new Set(['has', 'have', 'had']);
/** Verbs of speech whose object is the person spoken to ("told Lenz that ..."). */
const ADDRESSEE_CUES = new Set(['told', 'tell', 'tells', 'telling', 'informed', 'informs', 'assured', 'assures', 'warned', 'warns', 'reminded', 'reminds', 'urged', 'urges', 'asked', 'asks', 'promised', 'promises']);
/** Words after which "adverb + participle + noun" is a noun phrase ("with badly needed munitions"). */
const ATTRIBUTIVE_OPENERS = new Set(['a', 'an', 'the', 'with', 'of', 'for', 'in', 'on', 'by', 'from', 'to', 'into', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'some', 'many', 'more', 'most', 'and', 'or']);
/** Triggers of a threat or warning, whose target may be named in its condition. */
const THREAT_TRIGGER = /^(?:threat|warn|caution)/;
/** Verbs that put someone under an obligation: the act they require has not happened ("requires X to V"). */
const OBLIGATION_VERBS = new Set(['require', 'requires', 'required', 'oblige', 'obliges', 'obliged', 'obligate', 'obligates', 'obligated']);
/** Words that end a verb's object: patterns never reach into the next clause. */
const PATTERN_STOP = new Set(['which', 'who', 'while', 'but', 'if', 'unless', 'because', 'when', 'until', 'although', 'though', 'whereas', 'whether']);
const CONDITIONAL_MODALS = new Set(['may', 'might', 'could', 'would', 'will']);
/** Finite auxiliaries that open a content clause after its subject ("it will", "he had"). */
const CLAUSE_AUX = new Set([...FINITE_AUX, "'ll", "'d"]);
/** Statement verbs whose content, when forceful, is a threat (PLOVER THREATEN: "coercive or forceful warnings"). */
const WARNING_VERBS = new Set(['warned', 'warns', 'warn', 'warning', 'cautioned', 'cautions', 'threatened', 'threatens']);
const MATERIAL_CONFLICT = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'PROTEST']);
const CONFLICT = new Set<PloverCategory>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'REJECT', 'THREATEN', 'PROTEST']);
/**
 * Verbs whose infinitive carries the event ("plans to impose", "decided to allow", "tried to
 * hack", "continued to send"): intent, decision, attempt and aspect. The infinitive takes their
 * subject; FUTURE marks the ones that look ahead.
 */
const INTENT_VERBS = new Set(['manage', 'manages', 'managed', 'managing', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'decide', 'decides', 'decided', 'prepare', 'prepares', 'prepared', 'aim', 'aims', 'aimed', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'seek', 'seeks', 'sought', 'try', 'tries', 'tried', 'attempt', 'attempts', 'attempted', 'resolve', 'resolved', 'continue', 'continues', 'continued', 'begin', 'begins', 'began', 'start', 'starts', 'started', 'resume', 'resumed', 'mean', 'means', 'meant', 'move', 'moved', 'moves']);
/** Verbs of speech that report or give an opinion, whatever their dictionary block. */
const NEUTRAL_SPEECH = new Set(['claim', 'argue', 'believe', 'think', 'suggest', 'acknowledge', 'admit', 'confirm', 'predict', 'estimate', 'recall', 'stress', 'emphasize', 'emphasise', 'reiterate', 'repeat', 'hope', 'expect', 'agree', 'promise', 'pledge', 'vow', 'indicate', 'signal', 'concede', 'assert', 'maintain', 'contend', 'observe', 'point']);
/** Verbal acts: a participial adjunct of this kind is an event ("..., demanding that ..."). */
const VERBAL_ACTS = new Set<PloverCategory>(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);
/** Attacks and explosions as the subject of a killing ("A roadside bombing killed"). */
const ATTACK_NOUNS = new Set(['attempt', 'plot', 'bombing', 'bomb', 'bombs', 'blast', 'blasts', 'explosion', 'explosions', 'attack', 'attacks', 'ambush', 'airstrike', 'airstrikes', 'shelling', 'grenade', 'landmine', 'mine', 'rocket', 'rockets', 'missile', 'missiles', 'shell', 'shells', 'gunfire', 'shooting', 'mortar', 'ied']);
/** Verbs whose subject undergoes a killing rather than doing it. */
const VICTIM_VERBS = new Set(['die', 'dies', 'died', 'dying', 'perish', 'perishes', 'perished', 'perishing']);
/** Words that make a death in their sentence an act of violence. */
const VIOLENCE_WORDS = new Set([...ATTACK_NOUNS, 'clash', 'clashes', 'fighting', 'war', 'violence', 'raid', 'raids', 'battle', 'combat', 'crossfire', 'wounds', 'wounded', 'shot', 'stabbed', 'executed', 'torture', 'tortured', 'beaten', 'strike', 'strikes', 'drone', 'drones', 'siege', 'massacre']);
/** Words that make "engaged in …" a fight: "engaged in fierce fighting", "engaged in psychological warfare". */
const COMBAT_WORDS = new Set([...VIOLENCE_WORDS, 'warfare', 'hostilities', 'firefight', 'gunfight', 'gunbattle', 'skirmish', 'skirmishes', 'battles', 'fights', 'fight', 'combat', 'shootout',
  'altercation', 'brawl', 'scuffle', 'scuffles', 'cleansing', 'genocide', 'atrocities', 'massacres', 'killings', 'terrorism', 'insurgency', 'bombardment']);
/** Armed people, the words both sets below take. */
const ARMED_PEOPLE = ['troops', 'forces', 'soldiers', 'militants', 'rebels', 'insurgents', 'army', 'military', 'fighters', 'militia', 'militiamen', 'gunmen', 'police'];
/** Armed people: the object that makes a fight one of arms ("fought government troops"). */
const ARMED_FORCE_WORDS = new Set([...ARMED_PEOPLE, 'militias', 'policemen', 'jihadists', 'separatists', 'guerrillas', 'paramilitaries']);
/** Words of armed violence: with one in the sentence an attack is a physical one. */
const ARMED_CONTEXT_WORDS = new Set([...COMBAT_WORDS, ...ARMED_PEOPLE, 'jets', 'warplanes', 'aircraft', 'artillery', 'tanks', 'base', 'convoy', 'village', 'positions', 'targets', 'knife', 'gun', 'guns', 'weapon', 'weapons', 'injured', 'killed', 'dead', 'killing', 'wounded', 'hospital', 'hospitalized', 'victim', 'victims', 'suspect', 'shark', 'dog', 'bear', 'cyber', 'cyberattack', 'hackers', 'hacked', 'ransomware', 'malware', 'network', 'networks', 'server', 'servers', 'systems', 'computers', 'mainnet', 'blockchain']);
/** Verbs of signing or concluding a written agreement. */
const SIGN_VERBS = new Set(['sign', 'signs', 'signed', 'signing', 'ink', 'inks', 'inked', 'inking', 'ratify', 'ratifies', 'ratified', 'ratifying', 'conclude', 'concludes', 'concluded', 'concluding', 'finalize', 'finalizes', 'finalized', 'finalise', 'finalises', 'finalised', 'countersign', 'countersigned', 'initialled', 'initialed']);
/** Formal written agreements (PETRARCH's &TREATY synset and its near synonyms). */
const AGREEMENT_NOUNS = new Set(['agreement', 'agreements', 'accord', 'accords', 'pact', 'pacts', 'treaty', 'treaties', 'deal', 'deals', 'memorandum', 'memorandums', 'memoranda', 'mou', 'protocol', 'protocols', 'convention', 'conventions', 'charter', 'declaration', 'communique', 'communiqué', 'armistice', 'compact', 'covenant']);

/**
 * A title of an office or post ("minister", "spokesman"), which makes a political actor; an
 * occupation ("designer", "author") does not: "designers must consider …" is no event.
 */
function isOfficeTitle(key: string): boolean {
  return LEX.titles.has(key) && !LEX.occupations.has(key);
}

/** A lowercase word that names an agent, a role or a group, singular or plural. */
function isAgentKey(key: string): boolean {
  const sing = singularGuess(key);
  // a plural demonym is a people ("ethnic Turks", "Albanians")
  return LEX.agents.has(key) || LEX.agents.has(sing) || isOfficeTitle(key) || isOfficeTitle(sing) || SUBJECT_NOUNS.has(key) || SUBJECT_NOUNS.has(sing) || GROUP_NOUNS.has(sing) || (key !== sing && !!LEX.demonyms.get(sing));
}

export function findEvents(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[], quotes: Quote[] = []): EventAnn[] {
  const events: EventAnn[] = [];
  // direct quotations: their words are someone's speech, not events the article reports
  const quoteSpans = quotes.filter((q) => q.direct).map((q) => ({ start: q.start, end: q.end }));
  quoteSpans.sort((x, y) => x.start - y.start);
  // quoted terms ("full support": too short to be someone's words, as the quote layer reads them), by where their words start
  const termStarts = new Set(quotes.filter((q) => q.direct && !isQuotation(q.text)).map((q) => q.start));
  const quotedTermAt = (offset: number) => termStarts.has(offset) || termStarts.has(offset + 1);
  const inQuote = (offset: number) => {
    const q = quoteSpans[lastStartingAtOrBefore(quoteSpans, offset)];
    return !!q && offset < q.end;
  };
  const mentionAt = new Map<number, MentionRec>(); // token index → mention covering it (first token)
  /** A sports report: three or more words only sports copy uses ("scored", "playoffs", "touchdown"); read on the first verb that asks. */
  let sportsReport: boolean | null = null;
  const isSportsReport = (): boolean => (sportsReport ??= hasListedWords(tokens, SPORTS_REPORT_WORDS, 3));
  const mentionByStart = new Map<number, MentionRec>(ents.mentions.map((m) => [m.start, m])); // character offset → mention
  const mentionEnd = new Map<number, MentionRec>();
  for (const m of ents.mentions) {
    mentionAt.set(m.tokStart, m);
    mentionEnd.set(m.tokEnd - 1, m);
  }
  /**
   * A place or a meeting within four words after a verb of motion: "to|in|for|at (the) <place>",
   * "for talks"; after "leave" only "for" ("left for Moscow"; "left the NSC" is a departure).
   */
  const motionTowardPlace = (from: number, end: number, leave: boolean): boolean => {
    // (a preposition may close the trigger itself: "went to")
    const start = MOTION_PREPOSITIONS.has(tokens[from - 1]?.key ?? '') ? from - 1 : from;
    for (let k = start; k < end && k < from + 4; k++) {
      const t = tokens[k];
      if (t.kind === 'punct') return false;
      if (MEETING_NOUNS.has(t.key)) return true;
      if (!(leave ? t.key === 'for' : MOTION_PREPOSITIONS.has(t.key))) continue;
      const n = tokens[k + 1]?.key === 'the' ? k + 2 : k + 1;
      if (mentionAt.get(n)?.type === 'PLACE' || MEETING_NOUNS.has(tokens[n]?.key ?? '')) return true;
    }
    return false;
  };
  /** A party or a territory (a name, a country, an agent noun, an object pronoun, "the city of ...") as the object after token `from`, past a few determiners or modifiers. */
  const partyObjectAt = (from: number, end: number, stopAtPlace = false): boolean => {
    for (let k = from; k < end && k < from + 4; k++) {
      const t = tokens[k];
      if (t.kind === 'punct') return false;
      // ("remove Garrett's helmet": a possessor is not the object)
      const m = mentionAt.get(k);
      if (m && tokens[m.tokEnd]?.key === "'s") {
        k = m.tokEnd;
        continue;
      }
      // ("major cost-cutting measures", "general elections": a rank's word before a noun is an adjective)
      const adjective = RANK_ADJECTIVES.has(t.key) && tokens[k + 1]?.kind === 'word' && !tokens[k + 1].cap;
      if (m || ents.countryAt.has(k) || (isAgentKey(t.key) && !adjective) || OBJECT_PRONOUNS.has(t.key) || LEX.keywords.place.has(t.key)) return true;
      // the object ends at a preposition of place or time for verbs that need one ("a ceremony held at the Hong Kong Stock Exchange")
      if (stopAtPlace && OBJECT_END_PREPOSITIONS.has(t.key)) return false;
    }
    return false;
  };
  /** "McCain was held there", "two hostages were taken": a passive whose subject is a party. */
  const partySubjectOfPassive = (v: number, start: number): boolean => {
    let k = v - 1;
    // ("is currently being held": an adverb inside the verb group)
    while (k > start && k >= v - 3 && tokens[k].kind === 'word' && (tokens[k].key.endsWith('ly') || PASSIVE_ADVERBS.has(tokens[k].key))) k--;
    if (!COPULAS.has(tokens[k]?.key ?? '') && tokens[k]?.key !== 'being') return false;
    while (k > start && k >= v - 6 && (PASSIVE_AUXILIARIES.has(tokens[k].key) || PERFECT_AUXILIARIES.has(tokens[k].key) || tokens[k].key.endsWith('ly') || PASSIVE_ADVERBS.has(tokens[k].key))) k--;
    const t = tokens[k];
    return !!t && (mentionEnd.has(k) || ents.countryAt.has(k) || isAgentKey(t.key) || PRONOUN_SUBJECTS.has(t.key) || t.key === 'who');
  };
  /** "called it a concept", "called the decision “a landmark”": an object, then a predicate noun phrase or a quotation, before the clause ends. */
  const namingAfter = (from: number, end: number): boolean => {
    if (CALL_PARTICLES.has(tokens[from]?.key ?? '')) return false;
    for (let k = from + 1; k < end && k < from + 12; k++) {
      const t = tokens[k];
      if (t.text === ',' || t.text === ';' || t.key === 'but' || t.key === 'and') return false;
      if (t.key === 'a' || t.key === 'an' || t.text === '\u201c' || t.text === '"') return true;
    }
    return false;
  };
  /** Verbs with a dictionary code that the rules above judged no event: a verb coordinated with one still shares its subject ("took to social media and accused Braun"). */
  const uncodedVerbs = new Set<number>();
  const uncoded = (v: number): number => {
    uncodedVerbs.add(v);
    return v;
  };
  const roleStartOf = new Map<number, number>(); // role span start token → name start token
  for (const m of ents.mentions) {
    if (!m.roleSpan || m.roleSpan.end > m.start) continue;
    for (let k = m.tokStart - 1; k >= 0 && tokens[k].start >= m.roleSpan.start; k--) roleStartOf.set(k, m.tokStart);
  }

  const timeTok = new Uint8Array(tokens.length);
  /** Each sentence's adverbial clauses, read once for all its events (see adverbialClauses). */
  const clausesOfSentence = new Map<number, AdverbialClause[]>();
  {
    let ti = 0;
    const sorted = [...times].sort((x, y) => x.start - y.start);
    for (let k = 0; k < tokens.length && ti < sorted.length; k++) {
      while (ti < sorted.length && sorted[ti].end <= tokens[k].start) ti++;
      if (ti < sorted.length && tokens[k].start >= sorted[ti].start && tokens[k].end <= sorted[ti].end) timeTok[k] = 1;
    }
    for (let k = 0; k < tokens.length; k++) if (DEICTIC_TIME_WORDS.has(tokens[k].key)) timeTok[k] = 1;
  }
  const sentOfTok = new Int32Array(tokens.length);
  sentences.forEach((s, k) => {
    for (let t = s.tokStart; t < s.tokEnd; t++) sentOfTok[t] = k;
  });
  const personsBySentence = new Map<number, MentionRec[]>();
  for (const m of ents.mentions) {
    if (m.type !== 'PERSON') continue;
    const list = personsBySentence.get(m.sentence) ?? [];
    list.push(m);
    personsBySentence.set(m.sentence, list);
  }
  const subjectCtx: SubjectContext = {
    tokens,
    text,
    isAgentKey,
    countryStartingAt: (k) => {
      const c = ents.countryAt.get(k);
      if (c) return { code: c.code, endTok: k };
      const m = mentionAt.get(k);
      const code = m ? (m.country ?? ents.clusters[m.cluster]?.country) : undefined;
      return code ? { code, endTok: m!.tokEnd - 1 } : null;
    },
    isVerbKey: (key) => FORMS.has(key) || LEX.speechVerbs.has(key),
    isFiniteVerb: (key) => IRREGULAR_PAST.has(key) || (LEX.speechVerbs.has(key) && !key.endsWith('ing')) || ((FORMS.has(key) || LEX.speechVerbs.has(key)) && key.endsWith('ed')),
  };
  const codebookCtx: CodebookContext = {
    tokens,
    timeTok,
    nameAt: (k) => mentionAt.has(k) || ents.countryAt.has(k),
    subjectHeadIn: (v, heads) => subjectHeadIn(v, heads),
    blockCode: (key) => BLOCKS.get(FORMS.get(key) ?? '')?.code ?? '',
    purposeVerb: (from) => purposeVerb(from),
    infinitiveAfterObject: (from) => infinitiveAfterObject(from),
    notePurpose: (tok) => {
      purposeTok = tok;
    },
  };
  const participantOf = (m: MentionRec): EventParticipant => {
    const c = ents.clusters[m.cluster];
    const p: EventParticipant = { text: m.text, start: m.start, end: m.end, canonical: c?.canonical ?? m.canonical };
    // the country a person or body belongs to, from any of its mentions' roles ("Russian President")
    const country = m.country ?? c?.country;
    if (country) p.country = country;
    return p;
  };
  const countryParticipant = (k: number): EventParticipant | null => {
    const c = ents.countryAt.get(k);
    if (!c) return null;
    const info = LEX.byCode.get(c.code);
    return { text: c.text, start: tokens[k].start, end: c.end, canonical: info?.name ?? c.code, country: c.code };
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
    const subjectEvent = eventNounSubject(v, s.tokStart);
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
    const contentClause = (speechLemma || isStatementBlock(block)) && opensContentClause(vEnd, s.tokEnd);
    if (contentClause && !speechActCategory(block, speechLemma)) return v;
    // ...but a warning is a threat only by what it warns of: "warned that police will no longer
    // tolerate rallies" is coded THREATEN on the clause's own verb; "warned that the number of dead
    // would rise" is a statement about the world, no event
    if (contentClause && WARNING_VERBS.has(t.key)) return v;
    // the object of "spend" is a span of time: up to four words ("a second", "the next two") and a time noun
    if (SPEND_FORMS.has(t.key) && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 5), (x) => TIME_SPAN_NOUNS.has(x.key), isPunct)) return v;
    // "the convoy passed through the streets": motion, not a permission
    if (PASS_FORMS.has(t.key) && PATH_PREPOSITIONS.has(tokens[vEnd]?.key ?? '')) return v;
    // "is best known": the superlative, not the verb (which news writes "bested")
    if (t.key === 'best') return v;
    // "Syrian opposition forces known as ...", "deploy army forces onto the island": the noun; the
    // verb takes an object ("forces the government to ...", "forces them out")
    if (t.key === 'forces' && !(tokens[v + 1] && (FORCES_OBJECT_OPENERS.has(tokens[v + 1].key) || mentionAt.has(v + 1) || ents.countryAt.has(v + 1)))) return v;
    // "Nadal defeated Khachanov 6-3, 7-6", "Democrats beat incumbent Gov. Bevin": a contest's result, no attack
    if (RESULT_FORMS.has(t.key) && (contestSentence(tokens, s, text) || isSportsReport())) return v;
    if (NEED_FORMS.has(t.key)) return v;
    // "broke the law", "broke its promise", "broke a record": no destruction (the dictionary's "break" is 190)
    if (BREAK_FORMS.has(t.key) && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 3), (x) => BROKEN_NON_OBJECTS.has(x.key), isPunct)) return v;
    // "could not independently verify", "was unable to confirm": the reporter's caveat, not an event
    if (VERIFY_FORMS.has(t.key) && reportersCaveat(tokens, v, s.tokStart)) return v;
    // "analysts expect the bank to raise rates": a forecast of someone else's act, not the subject's commitment
    // (an object of one to six words, then "to"; "expects to receive" is the subject's own intent)
    if (EXPECT_FORMS.has(t.key) && tokens[vEnd]?.key !== 'to' && hitBeforeStop(tokens, vEnd + 1, Math.min(s.tokEnd, vEnd + 7), (x) => x.key === 'to', isPunct)) return v;
    // "if it chose to fight", "whether Portugal would contribute": a condition or a question, not an event
    if (inConditionalClause(v, s.tokStart)) return v;
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
    if (countryStartingBefore(v - 1) >= 0 && !isPluralDemonym(v - 1)) return v;
    if (isPluralNoun(v, s.tokStart)) return v;
    if (isReducedRelative(v, si)) return v;
    if (isPredicateNoun(v, s.tokStart) || isAttributiveParticiple(v, s.tokStart) || isExpectedTo(v, s.tokStart)) return v;
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
    let { code, best } = contentClause ? { code: b.code, best: 0 } : matchPatterns(b, pastTimePhrase(vEnd, limit), limit);
    if (!best && objectStart > vEnd) ({ code, best } = matchPatterns(b, objectStart, Math.min(s.tokEnd, objectStart + 8)));
    // "Weapons were sent to Ukraine", "Aid was delivered to Gaza": a passive's subject is the
    // object the dictionary's patterns look for after an active verb ("sent weapons")
    if (!best && !contentClause && isPassiveParticiple(t.key) && COPULAS.has(tokens[v - 1]?.key ?? '')) {
      const themeEnd = auxiliariesStart(v, s.tokStart);
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
    const statement = modalBefore(v, s.tokStart, DEMAND_MODALS) ? statementOver(v, s.tokStart) : null;
    if ((!code || code === '---') && statement) code = '100';
    // "is committed to opening up the economy": a commitment whatever the dictionary says
    if ((!code || code === '---') && COMMITMENT_VERBS.has(t.key) && ['to', 'on', 'upon', 'that'].includes(tokens[vEnd]?.key ?? '')) code = '030';
    code = codebookCode(code ?? '---', v, vEnd, limit);
    if (!code || code === '---') return v;
    if (judgedNoEvent(t.key, v, vEnd, s, code, code === b.code)) return uncoded(v);
    let category = signing ? 'AGREE' : cameoToPlover(code);
    if (!category) return v;
    // "Trump assailed Williams", "Johnson and Corbyn attacked each other's policies", "an investor
    // blasted the payout": with no arms, fighters, wounds or targets in the sentence, an attack is in
    // words, a criticism (CAMEO 111)
    if (category === 'ASSAULT' && VERBAL_ATTACK_FORMS.has(t.key) && !hitBeforeStop(tokens, s.tokStart, s.tokEnd, (x) => ARMED_CONTEXT_WORDS.has(x.key), () => false)) {
      code = '111';
      category = 'ACCUSE';
    }
    // "rebels battled government troops": the dictionary's "fight the government" is criticism
    // (111), but a fight with troops or fighters is one of arms (the fight verb's own 190)
    if (category === 'ACCUSE' && code.startsWith('11') && b.code.startsWith('19') && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 4), (x) => ARMED_FORCE_WORDS.has(x.key), isPunct)) {
      code = b.code;
      category = 'ASSAULT';
    }
    // "summoned the ambassador to protest the execution", "recalled its envoy in protest": the
    // protest is what the coded act was for, not a second event (with the object for its actor)
    // (not after a verb whose object does the infinitive: "allow teachers to protest")
    if (/^protest(s|ed|ing)?$/.test(t.key) && (tokens[v - 1]?.key === 'to' || tokens[v - 1]?.key === 'in')) {
      const before = events.filter((e) => e.sentence === si && e.trigger.end <= t.start).at(-1);
      if (before && !OBJECT_CONTROL_VERBS.test(before.trigger.text.toLowerCase())) return v;
    }

    // flags
    const negated = negatedVerb(v, s.tokStart);
    let future = false;
    for (let k = Math.max(s.tokStart, v - 4); k < v; k++) {
      const key = tokens[k].key;
      if (FUTURE.has(key) && (tokens[k + 1]?.key === 'to' || FUTURE_AUXILIARIES.has(key) || tokens[k + 1]?.key === 'be')) future = true;
    }
    if (tokens[v - 1]?.key === 'to' && v - 2 >= s.tokStart && FUTURE.has(tokens[v - 2].key)) future = true;
    // "is willing to send material to help defend X": a purpose infinitive shares the future of
    // the verb it serves; "a treaty that required Moscow to intervene": an obligation, not something done
    if (!future && tokens[v - 1]?.key === 'to') {
      for (let k = v - 3; k >= s.tokStart && k >= v - 10; k--) {
        const key = tokens[k].key;
        if (tokens[k].kind === 'punct' || CLAUSE_BOUNDARY.has(key)) break;
        if ((FUTURE.has(key) && tokens[k + 1]?.key === 'to' && !COMMITMENT_VERBS.has(key)) || OBLIGATION_VERBS.has(key)) {
          future = true;
          break;
        }
      }
    }
    // "X provides Y with arms that could increase the threat": the modal hedges "increase" only
    const hedged = hedgeCount[si] > (HEDGES.has(t.key) ? 1 : 0) || modalBefore(v, s.tokStart, HEDGE_MODALS);
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
    } else if (future || negated || modalBefore(v, s.tokStart, CONDITIONAL_MODALS)) {
      // "warned that police will no longer tolerate rallies": a forceful warning (THREATEN)
      const st = statementOver(v, s.tokStart);
      if (st && WARNING_VERBS.has(tokens[st.verb].key) && (negated || CONFLICT.has(category))) {
        demandBy = st.by;
        category = 'THREATEN';
      }
    }
    // "may halt mediation if ...", "will boycott the elections unless ...": a conditional
    // sanction or use of force is a threat
    if (category !== 'THREATEN' && MATERIAL_CONFLICT.has(category) && (future || modalBefore(v, s.tokStart, CONDITIONAL_MODALS)) && conditionalAfter(vEnd, s.tokEnd)) category = 'THREATEN';

    if (participial && !VERBAL_ACTS.has(category)) return v;
    // "agreed to exchange data and to set up a committee": the infinitives are the content of
    // the commitment, already coded as one AGREE event, not events of their own
    // "demanded that Hamas renounce ...": the clause is the content of the demand
    if (demandSentence === si && v > demandTok) return v;
    if (tokens[v - 1]?.key === 'to' && commitTok >= 0 && sentOfTok[commitTok] === si && (v - 2 === commitTok || (tokens[v - 2]?.key === 'and' && v - commitTok < 16))) return v;
    if ((category === 'AGREE' || category === 'THREATEN') && (COMMITMENT_VERBS.has(t.key) || THREAT_TRIGGER.test(t.key))) commitTok = vEnd - 1;
    // actor: the entity group just before the verb, inside its clause
    let clauseStart = s.tokStart;
    // a comma right before the verb (only auxiliaries between) closes an appositive
    // ("Pakistan, a key U.S. ally ..., has refused"): the clause goes on to its left
    let closing = -1;
    {
      let k = v - 1;
      // ("Chile, like its neighbours, plans to impose": through verbs that pass their subject on)
      while (k > s.tokStart && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || ((INTENT_VERBS.has(tokens[k].key) || CONTROL_WORDS.has(tokens[k].key)) && tokens[k + 1]?.key === 'to'))) k--;
      if (tokens[k]?.text === ',') closing = k;
    }
    for (let k = v - 1; k > s.tokStart; k--) {
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
      if (tokens[k].text === ',' && !isAppositiveComma(k)) {
        clauseStart = k + 1;
        break;
      }
    }
    // the subject names the event: its actor is the name before the noun ("Palestinian riots"),
    // its target what it is against
    let actor = nounSubjectAt >= 0 ? modifierOf(nounSubjectAt, clauseStart) : groupBefore(v, clauseStart);
    // "Hamas backed by Iran fired rockets": the agent of a reduced passive is not the subject of
    // the verb after it; what the participle follows is
    if (nounSubjectAt < 0 && actor.length) {
      const first = tokenAfter(actor[0].start);
      const by = tokens[first - 1]?.key === 'the' ? first - 2 : first - 1;
      const participle = by - 1;
      if (tokens[by]?.key === 'by' && participle > clauseStart && isParticipleForm(tokens[participle].key) && !AUX.has(tokens[participle - 1].key)) {
        const subject = groupBefore(participle, clauseStart);
        const found = subject.length ? subject : nominalSubjectBefore(participle, clauseStart);
        if (found.length) actor = found;
      }
    }
    // "Kim travelled to Moscow to meet Putin", "Use InfoNgen to merge data": the name right before
    // an infinitive of purpose is an object, and the infinitive's subject is the governing verb's
    // (none for an imperative); after a verb that hands its object the act ("urged Israel to
    // withdraw", "allowed teachers to protest") and at the clause's start ("Russia to send
    // troops", a headline) the name does the act
    if (nounSubjectAt < 0 && tokens[v - 1]?.key === 'to' && actor.length && actor.at(-1)!.end === tokens[v - 2]?.end && infinitiveObject(tokenAfter(actor[0].start), clauseStart)) {
      actor = subjectOfGoverningVerb(v, clauseStart);
    }
    // "The Taliban, backed by Pakistan, seized": a participle with its agent opening an appositive
    const byAgent = tokens[vEnd]?.key === 'by' ? (tokens[vEnd + 1]?.key === 'the' ? vEnd + 2 : vEnd + 1) : -1;
    const namedAgent = byAgent >= 0 && (mentionAt.has(byAgent) || roleStartOf.has(byAgent) || countryParticipant(byAgent) !== null);
    if (namedAgent && !actor.length && tokens[v - 1]?.text === ',' && mentionEnd.has(v - 2)) actor = groupBefore(v - 1, clauseStart);
    // no named subject: a nominal one headed by an agent noun ("the two sides", "rebel leaders")
    // (a gerund's subject is its governing verb's: "the army kept firing")
    if (!actor.length) actor = nominalSubjectBefore(gerundOf >= 0 ? gerundOf : v, clauseStart);
    // "rebels backed by Rwanda", "the second car offered by Putin": a participle right after its
    // subject, with a named agent right after it, is a passive too (a reduced relative); the
    // subject undergoes it. (Without a subject before it the participle stays no event:
    // "courses offered by Google" is a description, not news.)
    const afterSubject = actor.some((a) => a.end === tokens[v - 1]?.end || (tokens[v - 1]?.text === ',' && a.end === tokens[v - 2]?.end));
    // "the second car offered by Putin to his counterpart": with no subject, a recipient makes it news
    let recipientFound: EventParticipant[] | undefined;
    const recipient = () => (recipientFound ??= recipientAfter(vEnd, s.tokEnd));
    const recipientOnly = namedAgent && !afterSubject && isParticipleForm(t.key) && !COPULAS.has(tokens[v - 1]?.key ?? '') && recipient().length > 0;
    const reducedPassive = namedAgent && (afterSubject || recipientOnly) && isParticipleForm(t.key);
    // ("is being held": after "being" any participle is a passive, "held" too)
    const passive = (isPassiveParticiple(t.key) && passiveAuxiliaryBefore(v)) || (tokens[v - 1]?.key === 'being' && (isParticipleForm(t.key) || IRREGULAR_PAST.has(t.key))) || reducedPassive;
    let passiveUnknownAgent = false;
    let target = nounSubjectAt >= 0 ? (tokens[nounSubjectAt + 1]?.key === 'against' ? firstAfter(nounSubjectAt + 2, v) : []) : firstAfter(vEnd, s.tokEnd, THREAT_TRIGGER.test(t.key));
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
        const found = firstAfter(byAt + 1, s.tokEnd);
        const agent = found.length && headsByPhrase(byAt, tokenAfter(found[0].start)) ? found : [];
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
      for (let k = vEnd; k < s.tokEnd && k < vEnd + 12; k++) {
        if (PATTERN_STOP.has(tokens[k].key) || tokens[k].key === 'during' || tokens[k].text === ',' || tokens[k].text === ';') break;
        if (!LOCATIVE.has(tokens[k].key)) continue;
        const m = mentionAt.get(k + 1) ?? (tokens[k + 1]?.key === 'the' ? mentionAt.get(k + 2) : undefined);
        if (m && m.type === 'PLACE') { target = [participantOf(m)]; break; }
      }
    }
    // "demanded (on Friday) that the United States match ...", "charged that the NPFL had
    // taken ...": the one the demand or the accusation is about is the subject of its clause
    if (!passive && !demandBy && (category === 'REQUEST' || category === 'ACCUSE')) {
      const that = thatAfterVerb(vEnd, s.tokEnd);
      if (that >= 0) {
        const subject = complementSubject(that, s.tokEnd);
        if (subject.length) target = subject;
      }
    }
    // a bare verb form needs a plural subject or an auxiliary ("the Amsterdam stock exchange")
    if (!demandBy && !passive && actor.length === 1 && !/(s|ed|ing|en)$/.test(t.key) && !t.key.endsWith('ew') && !hasAuxBefore(v, s.tokStart)) {
      const a0 = actor[0];
      const plural = /s$/.test(a0.text) && !/ss$/.test(a0.text);
      if (!plural && !['they', 'we', 'i', 'you'].includes(a0.text.toLowerCase()) && !IRREGULAR_PAST.has(t.key)) return v;
    }
    // "issued a declaration demanding ...", "is willing to send material to help defend ...":
    // a participle or infinitive without a subject of its own has the governing verb's subject
    if (!actor.length && (participial || tokens[v - 1]?.key === 'to')) actor = subjectOfGoverningVerb(v, clauseStart);
    // "Rebels stormed the camp and killed four soldiers": a verb coordinated with the sentence's
    // last coded one shares its subject
    if (!actor.length && !passive) actor = sharedSubject(v, si);
    if (eventDebug.on) console.error('  actor', t.text, actor.map((x) => x.text));
    // "A roadside bombing killed one soldier": an attack whose perpetrator is not named is still
    // an ASSAULT, with no actor
    // a passive without its agent is kept with no actor, except among the victims of a natural
    // disaster ("12 people were killed" in a flood story is no assault)
    if (!actor.length && !(category === 'ASSAULT' && attackSubject(clauseStart, v)) && !(passiveUnknownAgent && !disasterContext())) {
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
    if (!demandBy && genericPresent(v, s, actor, target, passive)) return vEnd - 1;
    // "engineers were inspecting 14 bridges": an inspection of things, with no one inspected, is
    // maintenance, not an investigation of an actor (CAMEO 09x); "inspected the nuclear site in
    // Iran" has its target
    if (INSPECT_FORMS.has(t.key) && !target.length) return vEnd - 1;
    // PLOVER PROTEST: "collective actions carried out as protests" ("shunned work on Monday to
    // protest ..."): a non-violent action by civilians done in protest is the protest
    if ((category === 'COERCE' || category === 'SANCTION' || category === 'REJECT') && !subjectHeadIn(v, STATE_HEADS) && doneInProtest(vEnd, s.tokEnd)) {
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
    let place: EventParticipant | null = null;
    // the place too is the clause's own ("offered ..., after Kim liked it at a meeting in the Far East")
    for (let k = clause.start; k < clause.end; k++) {
      if (tokens[k].key !== 'in' && tokens[k].key !== 'at') continue;
      const m = mentionAt.get(k + 1) ?? mentionAt.get(k + 2);
      if (m && m.type === 'PLACE' && !actor.some((a) => a.start === m.start) && !target.some((a) => a.start === m.start)) {
        place = participantOf(m);
        break;
      }
    }
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

  /** Nothing but a determiner and modifiers between "by" and the agent: no preposition, no punctuation, at most 8 words. */
  function headsByPhrase(byAt: number, agentAt: number): boolean {
    if (agentAt - byAt > 8) return false;
    for (let k = byAt + 1; k < agentAt; k++) {
      const u = tokens[k];
      if (u.kind !== 'word' ? u.text !== '-' : BY_PHRASE_BREAKS.has(u.key)) return false;
    }
    return true;
  }

  /** The party a "to" phrase names within a few words after the verb ("given to Vietnam", "offered by Putin to his counterpart"). */
  function recipientAfter(from: number, end: number): EventParticipant[] {
    for (let k = from; k < Math.min(end, from + 8); k++) {
      // ("sanctions were imposed on Iran", "charges brought against Hamas": the one it falls on)
      if (tokens[k].key !== 'to' && tokens[k].key !== 'on' && tokens[k].key !== 'against') continue;
      // the party right after "to", or after a determiner ("to his counterpart"); "to prevent PII
      // leakage" is a purpose, not a recipient
      const found = firstAfter(k + 1, end);
      const at = found.length ? tokenAfter(found[0].start) : -1;
      if (at === k + 1 || (at === k + 2 && RECIPIENT_DETERMINERS.has(tokens[k + 1].key))) return found;
      return [];
    }
    return [];
  }

  /** The token after the time phrase starting at k ("Thursday", "on Friday", "last week", "today"), or k when none starts there. */
  function pastTimePhrase(k: number, end: number): number {
    while (k < end && timeTok[k]) k++;
    if (TIME_PREPOSITIONS.has(tokens[k]?.key ?? '') && k + 1 < end && timeTok[k + 1]) {
      k++;
      while (k < end && timeTok[k]) k++;
    }
    return k;
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

  /**
   * A plural noun that looks like a verb in -s ("security forces", "emergency measures", "Israeli
   * tanks fired"): in news, whose verbs are mostly past tense, an -s form is a noun when a
   * lowercase non-agent word precedes it or a finite verb follows it.
   */
  function isPluralNoun(v: number, start: number): boolean {
    const key = tokens[v].key;
    if (!key.endsWith('s') || key.endsWith('ss') || LEX.speechVerbs.has(key)) return false;
    const next = tokens[v + 1];
    if (next && next.kind === 'word' && !next.cap && (VERB_AFTER_PLURAL.has(next.key) || IRREGULAR_PAST.has(next.key) || (next.key.endsWith('ed') && FORMS.has(next.key)))) return true;
    const prev = tokens[v - 1];
    if (!prev || v - 1 < start || prev.kind !== 'word' || prev.cap) {
      // "barriers to U.S. exports": a name after a preposition modifies the noun
      const m = mentionEnd.get(v - 1);
      const c = m ? m.tokStart : countryStartingBefore(v - 1);
      return c > start && NAME_PREPOSITIONS.has(tokens[c - 1].key);
    }
    if (AUX.has(prev.key) || PRONOUN_SUBJECTS.has(prev.key) || (prev.key.endsWith('ly') && prev.key.length > 4)) return false;
    if (SUBJECT_LINKS.has(prev.key)) return false;
    return !isAgentKey(prev.key);
  }

  /**
   * A content clause starts at token k: "that" + a subject ("that China must"), or a subject and
   * a finite auxiliary ("it will", "the army had"). "that" right before a verb is a relative
   * pronoun instead ("the deal that commits").
   */
  function opensContentClause(k: number, end: number): boolean {
    // "announced Thursday that", "said on Tuesday that": a time expression first
    k = pastTimePhrase(k, end);
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
  function statementOver(v: number, start: number): { verb: number; by: EventParticipant[] } | null {
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
      const by = subjectBefore(g, start);
      return by.length ? { verb: g, by } : null;
    }
    return null;
  }

  /**
   * The subject of the verb that governs a participle or infinitive at v ("The party issued a
   * declaration demanding ...": the party): the nearest earlier verb of the clause.
   */
  function subjectOfGoverningVerb(v: number, clauseStart: number): EventParticipant[] {
    for (let q = v - 2; q >= clauseStart && q >= v - 12; q--) {
      const x = tokens[q];
      if (x.kind !== 'word' || x.cap) continue;
      // "said the visit would be a good way to upset ...": not through a copula or a statement
      if (COPULAS.has(x.key) || LEX.speechVerbs.has(x.key)) return [];
      if (!(FORMS.has(x.key) || supportVerbAt(tokens, q) || CONTROL_WORDS.has(x.key) || INTENT_VERBS.has(x.key) || IRREGULAR_PAST.has(x.key))) continue;
      if (NOT_BEFORE_VERB.has(tokens[q - 1]?.key ?? '') && !mentionEnd.has(q - 1)) continue;
      return subjectBefore(q, clauseStart);
    }
    return [];
  }

  /**
   * The name starting at token k, right before "to" + verb, is the object of something before it
   * in its clause, not the infinitive's subject: it does not open the clause and the word before
   * it (past its determiners) is no verb that hands its object the act.
   */
  function infinitiveObject(k: number, clauseStart: number): boolean {
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

  /** The clause's subject names an attack or explosion ("A roadside bombing ... killed"). */
  function attackSubject(clauseStart: number, v: number): boolean {
    for (let q = clauseStart; q < v && q < clauseStart + 4; q++) if (ATTACK_NOUNS.has(tokens[q].key)) return true;
    return false;
  }

  /** Index of the first token starting at or after a character offset. */
  function tokenAfter(offset: number): number {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The token before v, skipping adverbs in -ly and "not": what the word at v follows. */
  function beforeAdverbs(v: number, start: number): number {
    let k = v - 1;
    while (k >= start && tokens[k].kind === 'word' && !tokens[k].cap && (tokens[k].key === 'not' || (tokens[k].key.endsWith('ly') && tokens[k].key.length > 4))) k--;
    return k;
  }

  /** "men are fundamentally allies": an -s word after a copula is a predicate noun, never a verb. */
  function isPredicateNoun(v: number, start: number): boolean {
    const key = tokens[v].key;
    if (!key.endsWith('s') || key.endsWith('ss')) return false;
    const k = beforeAdverbs(v, start);
    return k >= start && COPULAS.has(tokens[k].key);
  }

  /**
   * "with badly needed munitions", "a hotly contested election": a participle between an adverb
   * and a noun, after a determiner or preposition, is an adjective. ("He strongly condemned the
   * attacks" keeps its verb: a subject, not a determiner, comes before the adverb.)
   */
  function isAttributiveParticiple(v: number, start: number): boolean {
    const key = tokens[v].key;
    if (!key.endsWith('ed') && !key.endsWith('en')) return false;
    const adverb = tokens[v - 1];
    if (!adverb || v - 1 < start || adverb.kind !== 'word' || adverb.cap || !adverb.key.endsWith('ly') || adverb.key.length <= 4) return false;
    const before = tokens[v - 2];
    const next = tokens[v + 1];
    if (!before || v - 2 < start || !next || next.kind !== 'word' || LEX.stopwords.has(next.key)) return false;
    return ATTRIBUTIVE_OPENERS.has(before.key);
  }

  /** "are not expected to be made public": being expected to do something is no event of its own. */
  function isExpectedTo(v: number, start: number): boolean {
    if (!/^expect(ed|s)?$/.test(tokens[v].key) || tokens[v + 1]?.key !== 'to') return false;
    const k = beforeAdverbs(v, start);
    return k >= start && COPULAS.has(tokens[k].key);
  }

  /**
   * A past participle modifying the noun before it ("the nightly curfew imposed in Sudan", "the
   * ceasefire agreement signed in March") after the sentence's main verb has been coded: no event
   * of its own. A participle after "and"/"or", an auxiliary or a pronoun is a verb.
   */
  function isReducedRelative(v: number, si: number): boolean {
    const key = tokens[v].key;
    if (!isParticipleForm(key)) return false;
    const prev = tokens[v - 1];
    if (!prev || prev.kind !== 'word' || prev.cap || AUX.has(prev.key) || PRONOUN_SUBJECTS.has(prev.key) || RELATIVE_LINKS.has(prev.key)) return false;
    if (prev.key.endsWith('ly') || isAgentKey(prev.key) || timeTok[v - 1]) return false;
    const last = events[events.length - 1];
    // the main verb is coded and the participle follows its object
    return !!last && last.sentence === si && last.trigger.end < prev.start;
  }

  /** "pressed Iran to ...", "pressuring workers of the X Company (Y) to ...": an object then "to" + verb. */
  function infinitiveAfterObject(from: number): boolean {
    for (let k = from + 1; k < tokens.length && k < from + 16; k++) {
      const key = tokens[k].key;
      if (key === ',' || key === ';' || key === '.' || CLAUSE_BOUNDARY.has(key)) return false;
      if (key === 'to') return tokens[k + 1]?.kind === 'word' && !tokens[k + 1].cap && !NOT_BEFORE_VERB.has(tokens[k + 1].key);
    }
    return false;
  }

  /**
   * For an occurrence verb at v ("continuing", "erupted", "broke out"), the token of the event
   * noun heading its subject ("Palestinian riots against ... are continuing"), or -1.
   */
  function eventNounSubject(v: number, start: number): number {
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
  function modifierOf(noun: number, start: number): EventParticipant[] {
    let k = noun - 1;
    while (k >= start && tokens[k].kind === 'word' && !tokens[k].cap && k >= noun - 3) k--;
    if (k < start) return [];
    if (tokens[k].key === "'s") k--;
    const m = mentionEnd.get(k);
    if (m) return [participantOf(m)];
    const c = countryStartingBefore(k);
    const p = c >= 0 ? countryParticipant(c) : null;
    return p ? [p] : [];
  }

  /** The verb of a purpose infinitive ("... to investigate") after the object starting at `from`, or -1. */
  function purposeVerb(from: number): number {
    for (let k = from; k < tokens.length && k < from + 14; k++) {
      const key = tokens[k].key;
      if (key === ',' || key === ';' || key === '.' || CLAUSE_BOUNDARY.has(key)) return -1;
      if (key === 'to' && tokens[k + 1]?.kind === 'word' && !tokens[k + 1].cap && FORMS.has(tokens[k + 1].key) && !NOT_BEFORE_VERB.has(tokens[k + 1].key)) return k + 1;
    }
    return -1;
  }

  /** "to protest" or "in protest" later in the sentence: the action was done as a protest. */
  function doneInProtest(from: number, end: number): boolean {
    for (let k = from; k < end - 1; k++) if ((tokens[k].key === 'to' || tokens[k].key === 'in') && /^protest(ing)?$/.test(tokens[k + 1].key)) return true;
    return false;
  }

  /** A word of `heads` in the subject before verb v ("angry paper workers", "riot police"). */
  function subjectHeadIn(v: number, heads: Set<string>): boolean {
    for (let k = v - 1; k >= 0 && k >= v - 12; k--) {
      const tk = tokens[k];
      if (tk.kind === 'punct' && tk.text !== '-' && tk.key !== "'s") return false;
      if (heads.has(tk.key)) return true;
    }
    return false;
  }

  /** The verb sits in an "if", "unless" or "whether" clause (no clause boundary in between). */
  function inConditionalClause(v: number, start: number): boolean {
    for (let k = v - 1; k >= start && k >= v - 10; k--) {
      const key = tokens[k].key;
      if (key === 'if' || key === 'unless' || key === 'whether') return true;
      if (tokens[k].kind === 'punct' && key !== '-' && key !== "'s") return false;
      if (CLAUSE_BOUNDARY.has(key) || key === 'and' || key === 'or') return false;
    }
    return false;
  }

  /** The document speaks of a natural disaster (computed once). */
  function disasterContext(): boolean {
    if (disaster === null) disaster = tokens.some((t) => t.kind === 'word' && DISASTER_WORDS.has(t.key));
    return disaster;
  }

  /** "if" or "unless" later in the clause: the action is conditional. */
  function conditionalAfter(from: number, end: number): boolean {
    for (let k = from; k < end && k < from + 25; k++) if (tokens[k].key === 'if' || tokens[k].key === 'unless') return true;
    return false;
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

  /** The named subject of verb v, or failing that its nominal subject ("the two sides"). */
  function subjectBefore(v: number, clauseStart: number): EventParticipant[] {
    const g = groupBefore(v, clauseStart);
    return g.length ? g : nominalSubjectBefore(v, clauseStart);
  }

  /** The nominal subject of verb v, headed by an agent noun ("the two sides", "rebel leaders"), as a list. */
  function nominalSubjectBefore(v: number, clauseStart: number): EventParticipant[] {
    const np = nominalSubject(subjectCtx, clauseStart, subjectEnd(v, clauseStart));
    return np ? [np] : [];
  }

  /** A verb or control word at k followed by "to" ("agreed to", "is willing to", "plans to"): its subject is the infinitive's. */
  function passesSubjectToInfinitive(k: number): boolean {
    const t = tokens[k];
    return tokens[k + 1]?.key === 'to' && t.kind === 'word' && !t.cap && (FORMS.has(t.key) || CONTROL_WORDS.has(t.key) || INTENT_VERBS.has(t.key));
  }

  /** Last token of the subject before verb v: auxiliaries, adverbs, times and control verbs skipped. */
  function subjectEnd(v: number, clauseStart: number): number {
    let k = v - 1;
    for (let round = 0; round < 4; round++) {
      while (k >= clauseStart && tokens[k].kind === 'word' && (AUX.has(tokens[k].key) || (!tokens[k].cap && tokens[k].key.endsWith('ly') && tokens[k].key.length > 4))) k--;
      if (k >= clauseStart && timeTok[k]) {
        while (k >= clauseStart && timeTok[k]) k--;
        if (k >= clauseStart && ['on', 'in', 'at', 'last', 'this', 'early', 'late'].includes(tokens[k].key)) k--;
        continue;
      }
      // "is willing to", "agreed to": the subject of the governing word
      if (k >= clauseStart && passesSubjectToInfinitive(k)) {
        k--;
        continue;
      }
      break;
    }
    return k;
  }

  function isAppositiveComma(k: number): boolean {
    // "Koo Byongsam, a spokesman for ..., said": commas around an appositive do not end the subject
    const nx = tokens[k + 1];
    return !!nx && (nx.key === 'a' || nx.key === 'an') && mentionEnd.has(k - 1);
  }

  /**
   * Is verb v negated: a negator or a negating verb ("refused to") within four words before it, in
   * its own clause. "It's not surprising that X takes", "Y, which did not sign, attacked": the
   * negation belongs to another clause. "not only", "don't just", "no wonder", "not sure" negate
   * nothing the verb says.
   */
  function negatedVerb(v: number, start: number): boolean {
    for (let k = v - 1; k >= start && k >= v - 4; k--) {
      const t = tokens[k];
      if (t.kind === 'punct' || CLAUSE_BOUNDARY.has(t.key)) return false;
      if (!NEGATORS.has(t.key) && !NEGATING_VERBS.has(t.key)) continue;
      if (NOT_NEGATING_AFTER.has(tokens[k + 1]?.key ?? '')) continue;
      return true;
    }
    return false;
  }

  /** A modal of `set` before verb v, with only auxiliaries and adverbs between ("must not be"). */
  function modalBefore(v: number, start: number, set: Set<string>): boolean {
    for (let k = v - 1; k >= start && k >= v - 4; k--) {
      const key = tokens[k].key;
      if (set.has(key)) return true;
      if (!AUX.has(key)) return false;
    }
    return false;
  }

  /** "Palestinians", "Albanians" (a people, a noun) as opposed to "Swiss", "Japanese" (adjectives here). */
  function isPluralDemonym(k: number): boolean {
    const key = tokens[k].key;
    return key.endsWith('s') && !!LEX.demonyms.get(key.slice(0, -1));
  }

  function hasAuxBefore(v: number, start: number): boolean {
    for (let k = v - 1; k >= start && k >= v - 6; k--) {
      const key = tokens[k].key;
      if (AUX_BEFORE_BARE_VERB.has(key)) return true;
      if (mentionEnd.has(k)) return false;
    }
    return false;
  }

  /** A form of "be" right before token v, or before one -ly adverb there ("was quickly arrested", "is being held"). */
  function passiveAuxiliaryBefore(v: number): boolean {
    let k = v - 1;
    if (tokens[k]?.kind === 'word' && !tokens[k].cap && tokens[k].key.length > 4 && tokens[k].key.endsWith('ly')) k--;
    return PASSIVE_AUXILIARIES.has(tokens[k]?.key ?? '');
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
  function genericPresent(v: number, s: Sentence, actor: EventParticipant[], target: EventParticipant[], passive: boolean): boolean {
    if (actor.some((a) => a.country) || target.some((a) => a.country)) return false;
    if (modalBefore(v, s.tokStart, GENERIC_AUX)) return true;
    if (passive || hasAuxBefore(v, s.tokStart) || AUX.has(tokens[v - 1]?.key ?? '')) return false;
    const key = tokens[v].key;
    const thirdPerson = key.length > 3 && key.endsWith('s') && !key.endsWith('ss') && (FORMS.has(key.slice(0, -1)) || (key.endsWith('es') && FORMS.has(key.slice(0, -2))) || (key.endsWith('ies') && FORMS.has(key.slice(0, -3) + 'y')));
    const plainPlural = !/(s|ed|ing|en)$/.test(key) && !IRREGULAR_PAST.has(key) && FORMS.has(key) && actor.length > 0 && actor.every((a) => /[^s]s$/.test(a.text));
    if (!thirdPerson && !plainPlural) return false;
    let e = s.tokEnd - 1;
    while (e > s.tokStart && CLOSING_MARKS.has(tokens[e].text)) e--;
    return SENTENCE_STOPS.has(tokens[e].text);
  }

  /** The first of the auxiliaries right before verb v ("have been" in "have been sent"), or v when none. */
  function auxiliariesStart(v: number, start: number): number {
    let k = v;
    while (k > start && tokens[k - 1].kind === 'word' && AUX.has(tokens[k - 1].key)) k--;
    return k;
  }

  /** A lowercase noun that can head a subject: an agent ("troops", "officials") or a role ("minister"). */
  function isAgentNoun(k: number): boolean {
    const t = tokens[k];
    if (t.kind !== 'word' || t.cap) return false;
    const key = t.key;
    const sing = singularGuess(key);
    return LEX.agents.has(key) || isOfficeTitle(key) || isOfficeTitle(sing) || SUBJECT_NOUNS.has(key);
  }

  /**
   * A verb of speech whose dictionary code is itself a PLOVER event (accuse, allege, demand, warn,
   * urge): with a content clause it is still an event. Neutral verbs of opinion or report are not,
   * whatever their dictionary block ("claimed that exports rose").
   */
  function speechActCategory(block: string, lemma: string | undefined): boolean {
    if (lemma && NEUTRAL_SPEECH.has(lemma)) return false;
    const code = BLOCKS.get(block)?.code ?? '';
    return !!code && code !== '---' && !code.startsWith('01') && cameoToPlover(code) !== null;
  }

  /** A verb block of CAMEO 01 (public statements: "announce", "declare"): a statement verb. */
  function isStatementBlock(block: string): boolean {
    return (BLOCKS.get(block)?.code ?? '').startsWith('01');
  }

  /** The token before a short bracketed acronym ending at e ("Teachers (NUT)" → "Teachers"), else e. */
  function beforeBracketedAcronym(e: number, clauseStart: number): number {
    if (tokens[e]?.text !== ')') return e;
    let r = e - 1;
    while (r > clauseStart && r >= e - 5 && tokens[r].text !== '(') r--;
    return tokens[r]?.text === '(' ? r - 1 : e;
  }

  function groupBefore(v: number, clauseStart: number, depth = 0): EventParticipant[] {
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
    if (passesSubjectToInfinitive(k) && depth < 2) {
      return groupBefore(k, clauseStart, depth + 1);
    }
    if (t.kind === 'word' && PRONOUN_SUBJECTS.has(t.key)) {
      const p = resolvePronoun(k);
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
        const nameEnd = beforeBracketedAcronym(q - 1, clauseStart);
        // the appositive opens with a determiner or a possessive name ("Algeria's leading activist")
        const opener = tokens[q + 1];
        const possessive = !!opener && (mentionAt.has(q + 1) || ents.countryAt.has(q + 1)) && tokens.slice(q + 2, q + 6).some((x) => x.key === "'s") && isAgentKey(tokens[k - 1].key);
        // ("The Taliban, backed by Pakistan, seized": a participle with its agent)
        const participle = !!opener && isParticipleForm(opener.key) && tokens[q + 2]?.key === 'by';
        if ((['a', 'an', 'the', 'which', 'who', 'like', 'unlike', 'along', 'together'].includes(opener?.key ?? '') || possessive || participle) && (mentionEnd.has(nameEnd) || countryStartingBefore(nameEnd) >= 0)) return groupBefore(nameEnd + 1, clauseStart, depth + 1);
        break;
      }
    }
    if (t.text === ',' && !mentionEnd.has(k - 1)) {
      // "The main rebel group, Forces for Defence of Democracy (FDD), insisted": a name (with its
      // acronym) in apposition to a nominal subject is the subject
      const e = beforeBracketedAcronym(k - 1, clauseStart);
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
          const more = groupBefore(q, clauseStart).filter((x) => x.canonical !== app.canonical);
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
    if (!mentionEnd.has(k) && countryStartingBefore(k) < 0) {
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
        if (words === 0 && tokens[q]?.cap && /s$/.test(tokens[q].key) && !mentionEnd.has(q) && countryStartingBefore(q - 1) >= 0) {
          q--;
          words++;
        } else if (words === 0 || tokens[q]?.key !== "'s") return out;
        titleWalk = true;
      }
      if (words === 0 || !(isAgentNoun(k) || words <= 2 || titleWalk)) return out;
      // "their forces had completed": the possessor is the subject of the previous clause
      if (q >= clauseStart && (tokens[q].key === 'their' || tokens[q].key === 'its')) {
        const r = resolvePronoun(q);
        if (r) out.push(...r);
        return out;
      }
      if (q >= clauseStart && tokens[q].key === "'s") q--;
      if (q >= clauseStart && tokens[q].text === ')') {
        let r = q - 1;
        while (r >= clauseStart && r >= q - 5 && tokens[r].text !== '(') r--;
        if (r >= clauseStart && tokens[r].text === '(') q = r - 1;
      }
      if (q < clauseStart || !(mentionEnd.has(q) || countryStartingBefore(q) >= 0)) return out;
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
        const cs = countryStartingBefore(k);
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
        if (q >= clauseStart && (mentionEnd.has(q) || countryStartingBefore(q) >= 0)) {
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
  function countryStartingBefore(k: number): number {
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
  function resolvePronoun(p: number): EventParticipant[] | null {
    const s = sentOfTok[p];
    const key = tokens[p].key;
    const as = (x: EventParticipant): EventParticipant => ({ ...x, text: tokens[p].text, start: tokens[p].start, end: tokens[p].end });
    if (key === 'it' || key === 'they' || key === 'its' || key === 'their') {
      for (let k = p - 1; k > sentences[s].tokStart; k--) {
        const tk = tokens[k];
        if (tk.kind === 'word' && !tk.cap && (FORMS.has(tk.key) || LEX.speechVerbs.has(tk.key))) {
          let g = groupBefore(k, sentences[s].tokStart).filter((x) => key === 'they' || key === 'their' || x.canonical !== tokens[p].text);
          // "The union announced that it has called off the strike": a nominal subject
          if (!g.length && (key === 'it' || key === 'they')) g = nominalSubjectBefore(k, sentences[s].tokStart);
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

  /** The actor of the event coded last in sentence `si` when verb `v` is coordinated with it ("... and [then] killed"). */
  function sharedSubject(v: number, si: number): EventParticipant[] {
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
    if (!last || last.sentence !== si || last.trigger.end > tokens[k].start || tokens[k].start - last.trigger.end > 160) return subjectOfUncodedVerbBefore(k, si);
    // another finite verb or a subject between the two would start a clause of its own
    for (let q = k - 1; q >= 0 && tokens[q].start >= last.trigger.end; q--) {
      if (tokens[q].key === ';' || CLAUSE_BOUNDARY.has(tokens[q].key) || PRONOUN_SUBJECTS.has(tokens[q].key)) return [];
    }
    return last.actor.map((a) => ({ ...a }));
  }

  /**
   * Readings the verb dictionary gives that general news does not bear out (`byDefault`: the code
   * is the verb block's default, no object pattern matched):
   * - a verb of motion is a visit only toward a place or a meeting ("Webb came out", "Fiona Hill
   *   left the NSC", "the car will go 230 miles"; "went on strike" is coded otherwise);
   * - some defaults are no event at all, others need a party ("took home first", "Apple released
   *   the iPad Pro") or a recipient ("gave his players a pep talk");
   * - naming is no call ("called the process a sham");
   * - a plea in court is no appeal, reaching a mark no blow ("hit a maximum of 44 dBa"), a post on
   *   social media no seizure ("took to social media");
   * - attacks and seizures in a game in play are sport ("Nelson fired a shot at Matt Murray").
   */
  function judgedNoEvent(key: string, v: number, vEnd: number, s: Sentence, code: string, byDefault: boolean): boolean {
    if (byDefault) {
      if (GENERIC_MOTION_FORMS.has(key) && !motionTowardPlace(vEnd, s.tokEnd, key === 'leave' || key === 'leaves' || key === 'left')) return true;
      if (DEFAULT_NONE_FORMS.has(key)) return true;
      if (PARTY_OBJECT_FORMS.has(key) && !partyTakesPart(v, vEnd, s)) return true;
      if (PARTY_DEFAULT_FORMS.has(key) && partyDefaultWithoutParty(key, v, vEnd, s)) return true;
      if (SHARE_FORMS.has(key) && !receivingParty(vEnd, s.tokEnd) && !withParty(vEnd, s.tokEnd)) return true;
      if (BURN_FORMS.has(key) && !partyObjectAt(vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 6), (x) => BURN_TARGETS.has(x.key), isPunct)) return true;
      if (OFFER_FORMS.has(key) && !offerOfRelations(vEnd, s.tokEnd)) return true;
      if (YIELD_FORMS.has(key) && tokens[vEnd]?.key !== 'to' && !partyObjectAt(vEnd, s.tokEnd)) return true;
      if (STUDY_FORMS.has(key) && WH_OBJECT.has(tokens[vEnd]?.key ?? '')) return true;
      if (key === 'promising' && promisingIsAdjective(v, vEnd, s.tokEnd)) return true;
      if (CALL_FORMS.has(key) && namingAfter(vEnd, s.tokEnd)) return true;
      if (GIVE_FORMS.has(key) && ((key === 'given' && tokens[vEnd]?.key === 'that') || !receivingParty(vEnd, s.tokEnd))) return true;
      // "he struggled to get it right", "would struggle to keep a charge": a difficulty, no fight;
      // "Americans tend to purchase": a tendency, no care given
      if ((STRUGGLE_FORMS.has(key) || TEND_FORMS.has(key)) && tokens[vEnd]?.key === 'to' && isBareVerbAt(vEnd + 1)) return true;
      // "engaged in self-dealing", "engage customers", "battling cancer": force only against a party or in a fight
      if (ENGAGE_FORMS.has(key) && !partyObjectAt(vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 8), (x) => COMBAT_WORDS.has(x.key), isPunctButHyphen)) return true;
      if (RALLY_FORMS.has(key) && tokens[vEnd]?.key === 'to' && CONTEST_OUTCOME_VERBS.has(tokens[vEnd + 1]?.key ?? '')) return true;
      // "will be back in action", "Randall will be back": the adverb after "be", no backing
      if (key === 'back' && COPULAS.has(tokens[v - 1]?.key ?? '')) return true;
      // "canceled an increase in tariffs", "canceled its task order": reduced relations only with a
      // party, or a visit, talks or a deal called off ("cancelled the summit")
      if (CANCEL_FORMS.has(key) && !partyObjectAt(vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 5), (x) => RELATIONS_NOUNS.has(x.key), isPunct) && !cancelledRelationsSubject(v, s.tokStart)) return true;
    }
    if (PLEA_FORMS.has(key) && PLEA_WORDS.has(tokens[vEnd]?.key ?? '')) return true;
    if (COMMENT_FORMS.has(key)) return true;
    if (DECLINE_FORMS.has(key) && declinesToSay(vEnd)) return true;
    if (CONTEND_FORMS.has(key) && tokens[vEnd]?.key === 'with') return true;
    if (CHALLENGE_FORMS.has(key) && challengeIsNoDispute(key, v, vEnd, s.tokEnd)) return true;
    // "Uber and Lyft ended up paying drivers less": an outcome, no ending (whatever pattern follows)
    if (END_FORMS.has(key) && tokens[vEnd]?.key === 'up') return true;
    // "he scored at 7:14 and on the power play": a goal or a mark (the dictionary's "scored on" is an appeal)
    if (SCORE_FORMS.has(key)) return true;
    if (HIT_FORMS.has(key) && (tokens[vEnd]?.kind === 'num' || [0, 1, 2].some((d) => MARK_WORDS.has(tokens[vEnd + d]?.key ?? '') && !mentionAt.has(vEnd + d)))) return true;
    // ("took to" may be the trigger itself, or "took" before "to")
    if (TAKE_FORMS.has(key)) {
      const to = tokens[vEnd - 1]?.key === 'to' ? vEnd - 1 : tokens[vEnd]?.key === 'to' ? vEnd : -1;
      if (to >= 0 && MEDIA_WORDS.has(tokens[to + 1]?.key ?? '')) return true;
    }
    // (in a sports report one word of the game is enough: "spoiled his shutout bid 17:46 into the third period")
    return ['19', '18', '17'].some((c) => code.startsWith(c)) && (gameSentence(tokens, s, text) || (isSportsReport() && playInSentence(s)));
  }

  /** Nothing but a time phrase between the verb and the end of its clause ("..., the group charged on Saturday."). */
  function clauseEndsAfter(vEnd: number, end: number): boolean {
    const k = pastTimePhrase(vEnd, end);
    return k >= end || (tokens[k].kind === 'punct' && tokens[k].text !== '-');
  }

  /** The party object after the verb (up to a preposition of place or time), or the party a passive's subject is. */
  function partyTakesPart(v: number, vEnd: number, s: Sentence): boolean {
    return partyObjectAt(vEnd, s.tokEnd, true) || partySubjectOfPassive(v, s.tokStart);
  }

  /** A verb of PARTY_DEFAULT_FORMS with no party: "producers pay more", "served as CEO", "charging an iPhone". */
  function partyDefaultWithoutParty(key: string, v: number, vEnd: number, s: Sentence): boolean {
    // "charged that the police ...": an accusation in a content clause keeps its code
    if (tokens[vEnd]?.key === 'that') return false;
    // "..., a rights group charged on Saturday": the verb of report is the accusation; "charged two
    // guards with falsifying records": the charge a court hears, whoever the object ("a charging
    // mat with a port" is no charge)
    if (CHARGE_FORMS.has(key) && (clauseEndsAfter(vEnd, s.tokEnd) || (key !== 'charging' && withAfter(vEnd, s.tokEnd, 6) > vEnd))) return false;
    return tokens[vEnd]?.key === 'as' || !partyTakesPart(v, vEnd, s);
  }

  /** The index of "with" within `reach` words after the verb, before any punctuation, or -1. */
  function withAfter(vEnd: number, end: number, reach: number): number {
    for (let k = vEnd; k < Math.min(end, vEnd + reach); k++) {
      if (tokens[k].key === 'with') return k;
      if (tokens[k].kind === 'punct') return -1;
    }
    return -1;
  }

  /** A party as the object or after "to", "on" or "against": someone who receives what the verb gives. */
  function receivingParty(vEnd: number, end: number): boolean {
    return partyObjectAt(vEnd, end) || recipientAfter(vEnd, end).length > 0;
  }

  /** "is promising at worst", "very promising", "Why X is promising.": the adjective. */
  function promisingIsAdjective(v: number, vEnd: number, end: number): boolean {
    return PROMISING_ADJECTIVE_BEFORE.has(tokens[v - 1]?.key ?? '') || vEnd >= end || tokens[vEnd].kind === 'punct' || PROMISING_ADJECTIVE_AFTER.has(tokens[vEnd].key);
  }

  /** "declined comment", "declined to say when", "refused to be named": CAMEO 011. */
  function declinesToSay(vEnd: number): boolean {
    if (tokens[vEnd]?.key === 'comment') return true;
    if (tokens[vEnd]?.key !== 'to') return false;
    const next = tokens[vEnd + 1]?.key ?? '';
    return DECLINED_SPEECH.has(next) || (next === 'be' && DECLINED_BE.has(tokens[vEnd + 2]?.key ?? ''));
  }

  /** "business challenges", "both dynamic and challenging", "find it challenging to", "challenging itself to run on renewables". */
  function challengeIsNoDispute(key: string, v: number, vEnd: number, end: number): boolean {
    const next = vEnd < end ? tokens[vEnd] : undefined;
    if (next && REFLEXIVES.has(next.key)) return true;
    if (key === 'challenges') return !next || (next.kind === 'punct' && next.text !== '-') || CHALLENGE_NOUN_AFTER.has(next.key);
    if (key === 'challenging') return CHALLENGING_ADJECTIVE_BEFORE.has(tokens[v - 1]?.key ?? '') || !next || (next.kind === 'punct' && next.text !== '-') || next.key === 'to' || next.key === 'for';
    return false;
  }

  /** "shared intelligence with Jordan": a party after "with" within a few words. */
  function withParty(vEnd: number, end: number): boolean {
    const k = withAfter(vEnd, end, 8);
    return k >= 0 && partyObjectAt(k + 1, end);
  }

  /** An offer to a party, to act ("offered to mediate"), or of aid, talks or a deal. */
  function offerOfRelations(vEnd: number, end: number): boolean {
    if (tokens[vEnd]?.key === 'to' && isBareVerbAt(vEnd + 1)) return true;
    if (receivingParty(vEnd, end)) return true;
    return hitBeforeStop(tokens, vEnd, Math.min(end, vEnd + 6), (x) => OFFER_OF_RELATIONS.has(x.key), isPunct);
  }

  /** A sentence with a word of the game and none of a fight ("a brawl on the ice" is violence, game or not). */
  function playInSentence(s: Sentence): boolean {
    let game = false;
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const key = tokens[k].key;
      if (FIGHT_WORDS.has(key)) return false;
      if (GAME_WORDS.has(key) || SPORTS_REPORT_WORDS.has(key)) game = true;
    }
    return game;
  }

  /** "the summit was cancelled", "talks were canceled": a passive whose subject is what called off reduces relations. */
  function cancelledRelationsSubject(v: number, start: number): boolean {
    let k = v - 1;
    if (!COPULAS.has(tokens[k]?.key ?? '')) return false;
    while (k > start && k >= v - 4 && (PASSIVE_AUXILIARIES.has(tokens[k].key) || PERFECT_AUXILIARIES.has(tokens[k].key))) k--;
    return RELATIONS_NOUNS.has(tokens[k]?.key ?? '');
  }

  /** A lower-case word at k that can be a bare infinitive ("get", "keep"), not a determiner or a name. */
  function isBareVerbAt(k: number): boolean {
    const t = tokens[k];
    return !!t && t.kind === 'word' && !t.cap && !mentionAt.has(k) && !LEX.stopwords.has(t.key);
  }

  /**
   * "Swift took to social media and accused Braun": the verb before "and" was judged no event, so
   * the subject comes from the words before that verb (close by, in the same sentence).
   */
  function subjectOfUncodedVerbBefore(and: number, si: number): EventParticipant[] {
    const start = sentences[si].tokStart;
    for (let q = and - 1; q > start && q >= and - 12; q--) {
      const t = tokens[q];
      if (t.kind === 'punct' && t.text !== ',') return [];
      if (t.kind !== 'word' || t.cap) continue;
      if (uncodedVerbs.has(q)) return groupBefore(q, start);
    }
    return [];
  }

  /** The "that" opening a verb's content clause, past a time phrase ("demanded on Friday that"), or -1. */
  function thatAfterVerb(vEnd: number, end: number): number {
    let q = vEnd;
    // "reiterated its demand that", "renewed their call that": the demand named as the object
    if (POSSESSIVES.has(tokens[q]?.key ?? '') && DEMAND_NOUNS.has(tokens[q + 1]?.key ?? '')) q += 2;
    q = pastTimePhrase(q, end);
    if (tokens[q]?.key === 'again') q = pastTimePhrase(q + 1, end);
    return q < end && tokens[q].key === 'that' ? q : -1;
  }

  /** The subject of the clause "that" opens: a name right after it ("that (President) Mugabe"), or an agent noun phrase ("that the Sudanese government"). */
  function complementSubject(that: number, end: number): EventParticipant[] {
    let q = that + 1;
    if (tokens[q]?.key === 'the' || POSSESSIVES.has(tokens[q]?.key ?? '')) q++;
    q = roleStartOf.get(q) ?? q;
    const m = mentionAt.get(q);
    // a name that heads the subject ("that Peru withdraw"), not one that modifies its noun
    // ("that the Amsterdam delivery company tracked")
    const modifier = m && tokens[m.tokEnd]?.kind === 'word' && !tokens[m.tokEnd].cap && !subjectCtx.isFiniteVerb(tokens[m.tokEnd].key) && !FORMS.has(tokens[m.tokEnd].key) && !CLAUSE_AUX.has(tokens[m.tokEnd].key) && !LINK_WORDS.has(tokens[m.tokEnd].key);
    if (m && !modifier) return firstAfter(that + 1, end);
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
    return !m && countryParticipant(q) ? firstAfter(that + 1, end) : [];
  }

  /**
   * The first named participant after token k. With `intoCondition`, the search goes on into an
   * "if"/"unless" clause: a threat's target is whoever must meet its condition ("threatened a
   * strike unless Israel rescinded ...").
   */
  function firstAfter(k: number, end: number, intoCondition = false): EventParticipant[] {
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
}

/**
 * A noun that names an event: a nominalisation of a dictionary verb ("negotiations",
 * "withdrawal"), or a dictionary verb form that is a noun as well ("attack", "talks", "riots"),
 * not a participle.
 */
function isEventNoun(key: string): boolean {
  if (CORE_EVENT_NOUNS.has(key) || EVENT_NOUNS.has(key)) return true;
  const block = FORMS.get(key);
  if (!block || /ed$/.test(key) || (key.endsWith('ing') && !/(bing|ling|ting|king|ring)$/.test(key))) return false;
  const b = BLOCKS.get(block);
  return !!b && !!b.code && b.code !== '---' && cameoToPlover(b.code) !== null;
}
function eventNounBlock(key: string): string | undefined {
  return EVENT_NOUNS.get(key) ?? FORMS.get(key);
}

/**
 * A terminated or reduced event (CAMEO's "halt", "reduce", "ease" codes): ending cooperation,
 * talks or aid reduces relations (16x, PLOVER SANCTION); ending protests eases dissent (082),
 * ending fighting or mobilisation de-escalates (087), ending restrictions eases them (081, 085).
 */
function terminatedCode(code: string): string | null {
  const c = cameoToPlover(code);
  switch (c) {
    case 'CONSULT':
      return code.startsWith('045') ? '165' : '164';
    case 'AID':
      return '162';
    case 'COOPERATE':
    case 'SUPPORT':
      return '160';
    case 'PROTEST':
      return '082';
    case 'ASSAULT':
    case 'MOBILIZE':
      return '087';
    case 'COERCE':
      return code.startsWith('17') ? '081' : null;
    case 'SANCTION':
      return '085';
    default:
      return null;
  }
}

/**
 * Object patterns of a verb block tried from token `from`: only patterns whose first word
 * occurs in the first words of the object; the longest full match wins.
 */
function matchBlockPatterns(tokens: Token[], mentionAt: Map<number, MentionRec>, b: CompiledBlock, from: number, limit: number): { code: string; best: number } {
  let code = b.code;
  let best = 0;
  if (!b.byFirst.size) return { code, best };
  const firstLimit = Math.min(limit, from + 6);
  const candidates: number[] = [];
  for (let k = from; k < firstLimit; k++) {
    // the word and its singular guesses, as dictionary words are singular
    const key = tokens[k].key;
    addCandidates(candidates, b.byFirst.get(key));
    if (key.endsWith('s')) {
      addCandidates(candidates, b.byFirst.get(key.slice(0, -1)));
      if (key.endsWith('es')) addCandidates(candidates, b.byFirst.get(key.slice(0, -2)));
    }
  }
  for (const pi of candidates) {
    const p = b.patterns[pi];
    let k = from;
    let matched = 0;
    for (const alts of p.after) {
      while (k < limit && !matchWord(alts, tokens[k].key)) k++;
      if (k >= limit) break;
      // the object starts right after the verb (a determiner and two modifiers at most)
      // (no entity in between: "said Putin's visit" is not "said ... visit")
      if (matched === 0 && (k > from + 5 || mentionIn(mentionAt, from, k))) break;
      matched++;
      k++;
    }
    if (matched === p.after.length && matched > best) {
      best = matched;
      code = p.code;
    }
  }
  return { code, best };
}

function mentionIn(mentionAt: Map<number, MentionRec>, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (mentionAt.has(q)) return true;
  return false;
}

function addCandidates(into: number[], list: number[] | undefined): void {
  if (list) for (const pi of list) if (!into.includes(pi)) into.push(pi);
}

function matchWord(alts: Set<string>, key: string): boolean {
  if (alts.has(key)) return true;
  // plural / inflected nouns in the text against singular dictionary words
  if (key.endsWith('s') && alts.has(key.slice(0, -1))) return true;
  if (key.endsWith('es') && alts.has(key.slice(0, -2))) return true;
  return false;
}

/** Words that open an adverbial clause: a time inside one dates that clause's verb, not the main one. */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'although', 'though', 'until', 'whereas', 'once']);
/** Words between a preposition and its time ("since the late 1970s", "until early next week"). */
const TIME_MODIFIERS = new Set(['the', 'late', 'early', 'mid', 'last', 'next', 'past', 'this', 'that']);

/** An adverbial clause of a sentence: tokens [start, end), and `lead`, where the time it takes from before it starts. */
interface AdverbialClause {
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

function nearestTime(times: TimeExpr[], s: number, e: number, at: number): TimeExpr | null {
  let best: TimeExpr | null = null;
  for (const t of times) {
    if (t.start < s || t.end > e || t.granularity === 'duration') continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  return best;
}

/** Negative auxiliaries of the reporter's caveat, written as one word ("couldn't verify", "hasn't confirmed"). */
const CAVEAT_NEGATIVES = new Set(['cannot', "couldn't", "can't", "hasn't", "haven't"]);
/** "could not independently verify", "was not able to confirm", "has not verified": up to four words before the verb (a verb of verifying). */
function reportersCaveat(tokens: Token[], v: number, sentenceStart: number): boolean {
  const before = tokens.slice(Math.max(sentenceStart, v - 4), v).map((t) => t.key);
  if (before.includes('independently')) return true;
  if (before.some((k) => CAVEAT_NEGATIVES.has(k))) return true;
  const negated = before.some((k) => k === 'not' || k === "n't" || k === 'unable');
  return negated && before.some((k) => k === 'could' || k === 'can' || k === 'unable' || k === 'able' || k === 'has' || k === 'have');
}
