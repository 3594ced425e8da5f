/**
 * Per-verb sense guards: readings the verb dictionary gives that general news does not bear out
 * ("spent a night", "broke the law", "beat Detroit 4-3", "offered instant discounts", "took to
 * social media"), each a word table and a short test of the verb's object, its sentence or its
 * document; and the sense of an attack verb, in words or in arms.
 */
import type { PloverCategory } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { LEX } from './lexicons.js';
import { hitBeforeStop, isPunct, isPunctButHyphen } from './events-codebook.js';
import { regularVerbForms } from './verb-forms.js';
import { recipientAfter } from './events-arguments.js';
import type { EventDocument } from './events-document.js';
import { ARMED_CONTEXT_WORDS, ARMED_FORCE_WORDS, COMBAT_WORDS, COPULAS, isAgentKey, PASSIVE_AUXILIARIES, PERFECT_AUXILIARIES, PRONOUN_SUBJECTS, SPORTS_REPORT_WORDS } from './events-lexicon.js';
import { pastTimePhrase } from './events-time-place.js';

/** "spent a second night in shelters", "spend two years in prison": time passed, not money given (CAMEO's "spend on"). */
const SPEND_FORMS = new Set(['spend', 'spends', 'spent', 'spending']);
const BREAK_FORMS = new Set(['break', 'breaks', 'broke', 'broken', 'breaking']);
/** Verbs of winning a contest: an attack in the dictionary (190), a result in sports and election news. */
const RESULT_FORMS = new Set(['beat', 'beats', 'beaten', 'defeat', 'defeats', 'defeated', 'edged', 'topped', 'routed', 'thrashed', 'downed', 'outscored', 'eliminated', 'ousted']);
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
/** "pass" is the dictionary's "allow" (pass a law, pass an aid convoy); before a path it is motion. */
const PASS_FORMS = new Set(['pass', 'passes', 'passed', 'passing']);
const PATH_PREPOSITIONS = new Set(['through', 'by', 'along', 'over', 'across', 'near', 'under', 'between', 'around', 'past', 'beside', 'alongside', 'down', 'up']);
/** What one breaks without violence: rules, promises, records, silence, news. */
const BROKEN_NON_OBJECTS = new Set(['law', 'laws', 'rule', 'rules', 'regulation', 'regulations', 'promise', 'promises', 'pledge', 'record', 'records', 'silence', 'news', 'story', 'ground', 'even', 'tradition', 'habit', 'protocol', 'code', 'contract', 'deadlock', 'stalemate', 'tie', 'ice']);
const EXPECT_FORMS = new Set(['expect', 'expects', 'expected', 'expecting', 'anticipate', 'anticipates', 'anticipated', 'predict', 'predicts', 'predicted']);
export const INSPECT_FORMS = new Set(regularVerbForms('inspect', 'short'));
const VERIFY_FORMS = new Set(['verify', 'verified', 'confirm', 'confirmed', 'corroborate', 'corroborated', 'authenticate', 'authenticated']);
const TIME_SPAN_NOUNS = new Set(['night', 'nights', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'hour', 'hours', 'minute', 'minutes', 'morning', 'evening', 'afternoon', 'time', 'summer', 'winter', 'season']);
/** Negative auxiliaries of the reporter's caveat, written as one word ("couldn't verify", "hasn't confirmed"). */
const CAVEAT_NEGATIVES = new Set(['cannot', "couldn't", "can't", "hasn't", "haven't"]);

/**
 * Senses of the dictionary word at v that its next few words, its sentence or the document rule
 * out before its object is read ("spent a second night", "passed through the streets", "broke
 * the law", "could not independently verify"): no event here.
 */
export function judgedNoEventByWord(doc: EventDocument, v: number, vEnd: number, s: Sentence): boolean {
  const { tokens, text, ents, mentionAt, isSportsReport } = doc;
  const t = tokens[v];
  // the object of "spend" is a span of time: up to four words ("a second", "the next two") and a time noun
  if (SPEND_FORMS.has(t.key) && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 5), (x) => TIME_SPAN_NOUNS.has(x.key), isPunct)) return true;
  // "the convoy passed through the streets": motion, not a permission
  if (PASS_FORMS.has(t.key) && PATH_PREPOSITIONS.has(tokens[vEnd]?.key ?? '')) return true;
  // "is best known": the superlative, not the verb (which news writes "bested")
  if (t.key === 'best') return true;
  // "Syrian opposition forces known as ...", "deploy army forces onto the island": the noun; the
  // verb takes an object ("forces the government to ...", "forces them out")
  if (t.key === 'forces' && !(tokens[v + 1] && (FORCES_OBJECT_OPENERS.has(tokens[v + 1].key) || mentionAt.has(v + 1) || ents.countryAt.has(v + 1)))) return true;
  // "Nadal defeated Khachanov 6-3, 7-6", "Democrats beat incumbent Gov. Bevin": a contest's result, no attack
  if (RESULT_FORMS.has(t.key) && (contestSentence(tokens, s, text) || isSportsReport())) return true;
  if (NEED_FORMS.has(t.key)) return true;
  // "broke the law", "broke its promise", "broke a record": no destruction (the dictionary's "break" is 190)
  if (BREAK_FORMS.has(t.key) && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 3), (x) => BROKEN_NON_OBJECTS.has(x.key), isPunct)) return true;
  // "could not independently verify", "was unable to confirm": the reporter's caveat, not an event
  if (VERIFY_FORMS.has(t.key) && reportersCaveat(tokens, v, s.tokStart)) return true;
  // "analysts expect the bank to raise rates": a forecast of someone else's act, not the subject's commitment
  // (an object of one to six words, then "to"; "expects to receive" is the subject's own intent)
  if (EXPECT_FORMS.has(t.key) && tokens[vEnd]?.key !== 'to' && hitBeforeStop(tokens, vEnd + 1, Math.min(s.tokEnd, vEnd + 7), (x) => x.key === 'to', isPunct)) return true;
  return false;
}

/** A sentence about a contest: a score ("6-3", "2-0") or a word of sports or elections. */
function contestSentence(tokens: Token[], s: Sentence, text: string): boolean {
  if (/\b\d{1,3}-\d{1,3}\b/.test(text.slice(s.start, s.end))) return true;
  for (let k = s.tokStart; k < s.tokEnd; k++) if (CONTEST_WORDS.has(tokens[k].key)) return true;
  return false;
}

/** "could not independently verify", "was not able to confirm", "has not verified": up to four words before the verb (a verb of verifying). */
function reportersCaveat(tokens: Token[], v: number, sentenceStart: number): boolean {
  const before = tokens.slice(Math.max(sentenceStart, v - 4), v).map((t) => t.key);
  if (before.includes('independently')) return true;
  if (before.some((k) => CAVEAT_NEGATIVES.has(k))) return true;
  const negated = before.some((k) => k === 'not' || k === "n't" || k === 'unable');
  return negated && before.some((k) => k === 'could' || k === 'can' || k === 'unable' || k === 'able' || k === 'has' || k === 'have');
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
export function judgedNoEvent(doc: EventDocument, key: string, v: number, vEnd: number, s: Sentence, code: string, byDefault: boolean): boolean {
  const { tokens, text, mentionAt, isSportsReport } = doc;
  if (byDefault) {
    if (GENERIC_MOTION_FORMS.has(key) && !motionTowardPlace(doc, vEnd, s.tokEnd, key === 'leave' || key === 'leaves' || key === 'left')) return true;
    if (DEFAULT_NONE_FORMS.has(key)) return true;
    if (PARTY_OBJECT_FORMS.has(key) && !partyTakesPart(doc, v, vEnd, s)) return true;
    if (PARTY_DEFAULT_FORMS.has(key) && partyDefaultWithoutParty(doc, key, v, vEnd, s)) return true;
    if (SHARE_FORMS.has(key) && !receivingParty(doc, vEnd, s.tokEnd) && !withParty(doc, vEnd, s.tokEnd)) return true;
    if (BURN_FORMS.has(key) && !partyObjectAt(doc, vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 6), (x) => BURN_TARGETS.has(x.key), isPunct)) return true;
    if (OFFER_FORMS.has(key) && !offerOfRelations(doc, vEnd, s.tokEnd)) return true;
    if (YIELD_FORMS.has(key) && tokens[vEnd]?.key !== 'to' && !partyObjectAt(doc, vEnd, s.tokEnd)) return true;
    if (STUDY_FORMS.has(key) && WH_OBJECT.has(tokens[vEnd]?.key ?? '')) return true;
    if (key === 'promising' && promisingIsAdjective(tokens, v, vEnd, s.tokEnd)) return true;
    if (CALL_FORMS.has(key) && namingAfter(tokens, vEnd, s.tokEnd)) return true;
    if (GIVE_FORMS.has(key) && ((key === 'given' && tokens[vEnd]?.key === 'that') || !receivingParty(doc, vEnd, s.tokEnd))) return true;
    // "he struggled to get it right", "would struggle to keep a charge": a difficulty, no fight;
    // "Americans tend to purchase": a tendency, no care given
    if ((STRUGGLE_FORMS.has(key) || TEND_FORMS.has(key)) && tokens[vEnd]?.key === 'to' && isBareVerbAt(doc, vEnd + 1)) return true;
    // "engaged in self-dealing", "engage customers", "battling cancer": force only against a party or in a fight
    if (ENGAGE_FORMS.has(key) && !partyObjectAt(doc, vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 8), (x) => COMBAT_WORDS.has(x.key), isPunctButHyphen)) return true;
    if (RALLY_FORMS.has(key) && tokens[vEnd]?.key === 'to' && CONTEST_OUTCOME_VERBS.has(tokens[vEnd + 1]?.key ?? '')) return true;
    // "will be back in action", "Randall will be back": the adverb after "be", no backing
    if (key === 'back' && COPULAS.has(tokens[v - 1]?.key ?? '')) return true;
    // "canceled an increase in tariffs", "canceled its task order": reduced relations only with a
    // party, or a visit, talks or a deal called off ("cancelled the summit")
    if (CANCEL_FORMS.has(key) && !partyObjectAt(doc, vEnd, s.tokEnd) && !hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 5), (x) => RELATIONS_NOUNS.has(x.key), isPunct) && !cancelledRelationsSubject(tokens, v, s.tokStart)) return true;
  }
  if (PLEA_FORMS.has(key) && PLEA_WORDS.has(tokens[vEnd]?.key ?? '')) return true;
  if (COMMENT_FORMS.has(key)) return true;
  if (DECLINE_FORMS.has(key) && declinesToSay(tokens, vEnd)) return true;
  if (CONTEND_FORMS.has(key) && tokens[vEnd]?.key === 'with') return true;
  if (CHALLENGE_FORMS.has(key) && challengeIsNoDispute(tokens, key, v, vEnd, s.tokEnd)) return true;
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
  return ['19', '18', '17'].some((c) => code.startsWith(c)) && (gameSentence(tokens, s, text) || (isSportsReport() && playInSentence(tokens, s)));
}

/**
 * A place or a meeting within four words after a verb of motion: "to|in|for|at (the) <place>",
 * "for talks"; after "leave" only "for" ("left for Moscow"; "left the NSC" is a departure).
 */
function motionTowardPlace(doc: EventDocument, from: number, end: number, leave: boolean): boolean {
  const { tokens, mentionAt } = doc;
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
}

/** A party or a territory (a name, a country, an agent noun, an object pronoun, "the city of ...") as the object after token `from`, past a few determiners or modifiers. */
function partyObjectAt(doc: EventDocument, from: number, end: number, stopAtPlace = false): boolean {
  const { tokens, ents, mentionAt } = doc;
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
}

/** "McCain was held there", "two hostages were taken": a passive whose subject is a party. */
function partySubjectOfPassive(doc: EventDocument, v: number, start: number): boolean {
  const { tokens, ents, mentionEnd } = doc;
  let k = v - 1;
  // ("is currently being held": an adverb inside the verb group)
  while (k > start && k >= v - 3 && tokens[k].kind === 'word' && (tokens[k].key.endsWith('ly') || PASSIVE_ADVERBS.has(tokens[k].key))) k--;
  if (!COPULAS.has(tokens[k]?.key ?? '') && tokens[k]?.key !== 'being') return false;
  while (k > start && k >= v - 6 && (PASSIVE_AUXILIARIES.has(tokens[k].key) || PERFECT_AUXILIARIES.has(tokens[k].key) || tokens[k].key.endsWith('ly') || PASSIVE_ADVERBS.has(tokens[k].key))) k--;
  const t = tokens[k];
  return !!t && (mentionEnd.has(k) || ents.countryAt.has(k) || isAgentKey(t.key) || PRONOUN_SUBJECTS.has(t.key) || t.key === 'who');
}

/** "called it a concept", "called the decision “a landmark”": an object, then a predicate noun phrase or a quotation, before the clause ends. */
function namingAfter(tokens: Token[], from: number, end: number): boolean {
  if (CALL_PARTICLES.has(tokens[from]?.key ?? '')) return false;
  for (let k = from + 1; k < end && k < from + 12; k++) {
    const t = tokens[k];
    if (t.text === ',' || t.text === ';' || t.key === 'but' || t.key === 'and') return false;
    if (t.key === 'a' || t.key === 'an' || t.text === '\u201c' || t.text === '"') return true;
  }
  return false;
}

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

/** Nothing but a time phrase between the verb and the end of its clause ("..., the group charged on Saturday."). */
function clauseEndsAfter(doc: EventDocument, vEnd: number, end: number): boolean {
  const { tokens } = doc;
  const k = pastTimePhrase(doc, vEnd, end);
  return k >= end || (tokens[k].kind === 'punct' && tokens[k].text !== '-');
}

/** The party object after the verb (up to a preposition of place or time), or the party a passive's subject is. */
function partyTakesPart(doc: EventDocument, v: number, vEnd: number, s: Sentence): boolean {
  return partyObjectAt(doc, vEnd, s.tokEnd, true) || partySubjectOfPassive(doc, v, s.tokStart);
}

/** A verb of PARTY_DEFAULT_FORMS with no party: "producers pay more", "served as CEO", "charging an iPhone". */
function partyDefaultWithoutParty(doc: EventDocument, key: string, v: number, vEnd: number, s: Sentence): boolean {
  const { tokens } = doc;
  // "charged that the police ...": an accusation in a content clause keeps its code
  if (tokens[vEnd]?.key === 'that') return false;
  // "..., a rights group charged on Saturday": the verb of report is the accusation; "charged two
  // guards with falsifying records": the charge a court hears, whoever the object ("a charging
  // mat with a port" is no charge)
  if (CHARGE_FORMS.has(key) && (clauseEndsAfter(doc, vEnd, s.tokEnd) || (key !== 'charging' && withAfter(tokens, vEnd, s.tokEnd, 6) > vEnd))) return false;
  return tokens[vEnd]?.key === 'as' || !partyTakesPart(doc, v, vEnd, s);
}

/** The index of "with" within `reach` words after the verb, before any punctuation, or -1. */
function withAfter(tokens: Token[], vEnd: number, end: number, reach: number): number {
  for (let k = vEnd; k < Math.min(end, vEnd + reach); k++) {
    if (tokens[k].key === 'with') return k;
    if (tokens[k].kind === 'punct') return -1;
  }
  return -1;
}

/** A party as the object or after "to", "on" or "against": someone who receives what the verb gives. */
function receivingParty(doc: EventDocument, vEnd: number, end: number): boolean {
  return partyObjectAt(doc, vEnd, end) || recipientAfter(doc, vEnd, end).length > 0;
}

/** "is promising at worst", "very promising", "Why X is promising.": the adjective. */
function promisingIsAdjective(tokens: Token[], v: number, vEnd: number, end: number): boolean {
  return PROMISING_ADJECTIVE_BEFORE.has(tokens[v - 1]?.key ?? '') || vEnd >= end || tokens[vEnd].kind === 'punct' || PROMISING_ADJECTIVE_AFTER.has(tokens[vEnd].key);
}

/** "declined comment", "declined to say when", "refused to be named": CAMEO 011. */
function declinesToSay(tokens: Token[], vEnd: number): boolean {
  if (tokens[vEnd]?.key === 'comment') return true;
  if (tokens[vEnd]?.key !== 'to') return false;
  const next = tokens[vEnd + 1]?.key ?? '';
  return DECLINED_SPEECH.has(next) || (next === 'be' && DECLINED_BE.has(tokens[vEnd + 2]?.key ?? ''));
}

/** "business challenges", "both dynamic and challenging", "find it challenging to", "challenging itself to run on renewables". */
function challengeIsNoDispute(tokens: Token[], key: string, v: number, vEnd: number, end: number): boolean {
  const next = vEnd < end ? tokens[vEnd] : undefined;
  if (next && REFLEXIVES.has(next.key)) return true;
  if (key === 'challenges') return !next || (next.kind === 'punct' && next.text !== '-') || CHALLENGE_NOUN_AFTER.has(next.key);
  if (key === 'challenging') return CHALLENGING_ADJECTIVE_BEFORE.has(tokens[v - 1]?.key ?? '') || !next || (next.kind === 'punct' && next.text !== '-') || next.key === 'to' || next.key === 'for';
  return false;
}

/** "shared intelligence with Jordan": a party after "with" within a few words. */
function withParty(doc: EventDocument, vEnd: number, end: number): boolean {
  const { tokens } = doc;
  const k = withAfter(tokens, vEnd, end, 8);
  return k >= 0 && partyObjectAt(doc, k + 1, end);
}

/** An offer to a party, to act ("offered to mediate"), or of aid, talks or a deal. */
function offerOfRelations(doc: EventDocument, vEnd: number, end: number): boolean {
  const { tokens } = doc;
  if (tokens[vEnd]?.key === 'to' && isBareVerbAt(doc, vEnd + 1)) return true;
  if (receivingParty(doc, vEnd, end)) return true;
  return hitBeforeStop(tokens, vEnd, Math.min(end, vEnd + 6), (x) => OFFER_OF_RELATIONS.has(x.key), isPunct);
}

/** A sentence with a word of the game and none of a fight ("a brawl on the ice" is violence, game or not). */
function playInSentence(tokens: Token[], s: Sentence): boolean {
  let game = false;
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    const key = tokens[k].key;
    if (FIGHT_WORDS.has(key)) return false;
    if (GAME_WORDS.has(key) || SPORTS_REPORT_WORDS.has(key)) game = true;
  }
  return game;
}

/** "the summit was cancelled", "talks were canceled": a passive whose subject is what called off reduces relations. */
function cancelledRelationsSubject(tokens: Token[], v: number, start: number): boolean {
  let k = v - 1;
  if (!COPULAS.has(tokens[k]?.key ?? '')) return false;
  while (k > start && k >= v - 4 && (PASSIVE_AUXILIARIES.has(tokens[k].key) || PERFECT_AUXILIARIES.has(tokens[k].key))) k--;
  return RELATIONS_NOUNS.has(tokens[k]?.key ?? '');
}

/** A lower-case word at k that can be a bare infinitive ("get", "keep"), not a determiner or a name. */
function isBareVerbAt(doc: EventDocument, k: number): boolean {
  const { tokens, mentionAt } = doc;
  const t = tokens[k];
  return !!t && t.kind === 'word' && !t.cap && !mentionAt.has(k) && !LEX.stopwords.has(t.key);
}

/**
 * The sense of an attack verb in its sentence: in words, a criticism (CAMEO 111), where nothing
 * around it is armed; in arms (the fight verb's own 19x code, `blockCode`) against troops or
 * fighters. The code and category, changed or not.
 */
export function attackReading(tokens: Token[], key: string, vEnd: number, s: Sentence, blockCode: string, code: string, category: PloverCategory): { code: string; category: PloverCategory } {
  // "Trump assailed Williams", "Johnson and Corbyn attacked each other's policies", "an investor
  // blasted the payout": with no arms, fighters, wounds or targets in the sentence, an attack is in
  // words, a criticism (CAMEO 111)
  if (category === 'ASSAULT' && VERBAL_ATTACK_FORMS.has(key) && !hitBeforeStop(tokens, s.tokStart, s.tokEnd, (x) => ARMED_CONTEXT_WORDS.has(x.key), () => false)) {
    code = '111';
    category = 'ACCUSE';
  }
  // "rebels battled government troops": the dictionary's "fight the government" is criticism
  // (111), but a fight with troops or fighters is one of arms (the fight verb's own 190)
  if (category === 'ACCUSE' && code.startsWith('11') && blockCode.startsWith('19') && hitBeforeStop(tokens, vEnd, Math.min(s.tokEnd, vEnd + 4), (x) => ARMED_FORCE_WORDS.has(x.key), isPunct)) {
    code = blockCode;
    category = 'ASSAULT';
  }
  return { code, category };
}
