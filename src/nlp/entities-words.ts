/**
 * The word tables of the entity finder (entities.ts and its entities-*.ts modules): connectors
 * and particles inside names, head words, titles that open sentences, filters' word lists, and
 * the patterns of romanised given names. The rules that read them live in the other modules.
 */
import { LEX } from './lexicons.js';

/** Connectors allowed inside a name when a capitalised word follows ("Center for European ..."). */
export const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'das', 'do', 'dos', 'des', 'della', 'di', 'du', 'la', 'le', 'el', 'bin', 'ibn', 'al', 'von', 'van', 'der', 'den', 'ter']);
/** "of"/"for" join names only after a head that takes a complement ("Center for", "Secretary of"). */
export const NAME_PARTICLES = new Set(['de', 'del', 'da', 'das', 'do', 'dos', 'des', 'della', 'di', 'du', 'la', 'le', 'el', 'bin', 'ibn', 'al', 'von', 'van', 'der', 'den', 'ter']);
/** Heads of bodies named for their subject with "on" ("Commission on Human Rights", "Task Force on ..."). */
export const ON_SUBJECT_HEADS = new Set(['council', 'committee', 'commission', 'group', 'institute', 'center', 'centre', 'panel', 'force', 'board', 'coalition', 'alliance', 'foundation', 'project', 'network']);
export const COMPLEMENT_HEADS = new Set(['chiefs', 'palácio', 'palacio', 'republic', 'kingdom', 'states', 'emirates', 'union', 'federation', 'people', "people's", 'isle', 'gulf', 'sea', 'bay', 'cape', 'islands', 'league', 'court', 'house', 'office', 'friends', 'bank', 'university', 'college', 'institute', 'center', 'centre', 'council', 'ministry', 'department', 'secretary', 'minister', 'commissioner', 'director', 'chief', 'head', 'president', 'chairman', 'governor', 'organization', 'organisation', 'association', 'agency', 'committee', 'commission', 'party', 'movement', 'front', 'army', 'church', 'school', 'foundation', 'museum', 'academy', 'board', 'bureau', 'assembly', 'congress', 'fund', 'society', 'alliance', 'coalition', 'forces', 'force', 'guard', 'corps', 'tribunal', 'chamber', 'embassy', 'city', 'state', 'province', 'region', 'order', 'prince', 'king', 'queen', 'duke', 'archbishop', 'bishop', 'hall']);
export const ROMAN = new Set(['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);
export const DETERMINERS = new Set(['the', 'a', 'an']);
/** Possessives before a role that refers to someone ("his North Korean counterpart"). */
export const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its']);
/** Role heads that name the other side's holder of the same office. */
export const COUNTERPART_HEADS = new Set(['counterpart', 'counterparts']);
/** Forms of address: they mark a person, but are no role ("Mr. Zelensky" has none). */
export const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'messrs', 'mme', 'mlle', 'mister', 'madam', 'madame', 'monsieur', 'herr', 'frau', 'señor', 'señora', 'senor', 'senora', 'signor', 'signora']);
/** Verbs whose object is a person in news ("met Zelensky", "thanked Biden"). */
export const PERSON_OBJECT_VERBS = new Set(['met', 'meets', 'thanked', 'thanks', 'telephoned', 'phoned', 'congratulated', 'praised', 'interviewed', 'succeeded', 'replaced', 'appointed', 'nominated', 'sacked', 'fired', 'dismissed', 'endorsed', 'pardoned']);
export const CLAUSE_PUNCTUATION = new Set([',', '.', ';', ':', ')', '!', '?', '\u2014', '\u2013']);
/** Words after which a name has ended ("met Zelensky in Kyiv", "thanked Biden for"). */
export const NAME_PHRASE_ENDS = new Set(['in', 'at', 'on', 'for', 'and', 'to', 'after', 'before', 'during', 'with', 'as', 'who', 'when', 'last', 'this', 'earlier', 'later', 'by', 'over', 'about', 'of']);
/** Auxiliaries after a subject (not the copula: "Naoshima is an island"). */
export const FINITE_AUXILIARIES = new Set(['has', 'had', 'will', 'would', 'could', 'should', 'must', 'did', "won't", "didn't", "hasn't", 'also', 'later', 'again']);
export const SENTENCE_END = new Set(['.', '!', '?', ':']);
/** Place words whose "of" complement is seldom a place ("the heights of success", "the base of the skull", "a hill of beans"). */
export const NOT_PLACE_BY_OF = new Set(['heights', 'base', 'bridge', 'square', 'park', 'hill', 'hills', 'stadium', 'street', 'road', 'avenue', 'plaza']);
export const LOCATIVE_PREPS = new Set(['in', 'near', 'outside', 'across', 'inside', 'around', 'within']);
export const REGIONAL_ADJECTIVES = new Set(['european', 'african', 'asian', 'western', 'eastern', 'northern', 'southern', 'arab', 'latin', 'nordic', 'baltic', 'balkan', 'caribbean', 'scandinavian', 'mediterranean', 'atlantic', 'pacific', 'global', 'international', 'national', 'federal', 'regional']);
/** Role heads that denote the top leader: "the Russian leader" may refer to a "Russian President". */
export const LEADER_HEADS = LEX.keywords.leader;
/** Organisation codes that are sectors, not countries: international and non-governmental bodies, media, business. */
export const NON_COUNTRY_CODES = new Set(['IGO', 'NGO', 'MED', 'BUS', 'MNC']);
/**
 * Head nouns of job titles. A capitalised run ending in one ("Chief Cyber Solutions Officer",
 * "Product Manager") is a role, not a person; none is a common surname or given name.
 */
export const JOB_TITLE_HEADS = new Set(['officer', 'director', 'manager', 'president', 'editor', 'executive', 'analyst', 'researcher', 'scientist', 'economist', 'engineer', 'designer', 'developer', 'strategist', 'specialist', 'consultant', 'coordinator', 'supervisor', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor', 'correspondent', 'reporter', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'commissioner', 'founder', 'architect', 'evangelist', 'treasurer', 'producer', 'administrator', 'counsel']);
/** Subject pronouns and modals: a word in capitals right after one is a stressed verb or adverb ("we NEVER", "can VARY"). */
export const STRESS_LEAD_WORDS = new Set(['you', 'we', 'they', 'he', 'she', 'can', 'could', 'will', 'would', 'should', 'must', 'might', 'do', 'does', 'did']);
/** Prepositions and conjunctions after which a word in capitals is more often a name than stress. */
export const NAME_LEAD_WORDS = new Set(['to', 'by', 'with', 'from', 'at', 'for', 'of', 'in', 'on', 'about', 'via', 'and', 'or', 'nor', 'told', 'tells', 'tell', 'like']);
export const SENTENCE_PUNCTUATION = new Set([',', '.', '!', '?', ';']);
/** Role labels of broadcast transcripts ("NAME, BYLINE:"). */
export const TRANSCRIPT_LABELS = new Set(['host', 'byline', 'anchor', 'announcer', 'narrator', 'moderator', 'caller', 'guest', 'reporter', 'correspondent', 'interviewer', 'panelist']);
/** Words that label a line or a box ("Note:", "Tip:", "Verdict:"), never a speaker. */
export const LABEL_WORDS = new Set(['note', 'notes', 'tip', 'tips', 'warning', 'caution', 'update', 'updated', 'disclaimer', 'source', 'sources', 'credit', 'credits', 'summary', 'step', 'example', 'answer', 'question', 'pros', 'cons', 'verdict', 'conclusion', 'result', 'results', 'important', 'reminder', 'hint', 'bonus', 'correction', 'clarification']);
/** Short month forms that MONTHS leaves out because they are names too ("Jun", "Mar"); a date only before a day. */
export const BARE_MONTH_ABBREVIATIONS = new Set(['mar', 'jun', 'jul', 'sep']);
/**
 * Job words that are titles when they open a sentence before a full name ("Reporter Nina Pineda
 * asked", "Analyst Jane Doe said"); kinship words and "Major", "Justice", "Head" are not: they
 * open names ("Son Heung-min") and bodies.
 */
export const SENTENCE_OPENING_TITLES = new Set(['reporter', 'correspondent', 'analyst', 'expert', 'official', 'aide', 'diplomat', 'economist', 'researcher', 'scientist', 'editor', 'columnist', 'lawmaker', 'legislator', 'negotiator', 'founder', 'owner', 'executive']);
/** Words that open hyphened adjectives ("Long-dated", "Short-term", "High-profile", "Far-right"), never a name there. */
export const COMPOUND_FIRST_WORDS = new Set(['long', 'short', 'high', 'low', 'well', 'full', 'half', 'self', 'mid', 'non', 'pre', 'post', 'anti', 'multi', 'cross', 'open', 'hard', 'soft', 'fast', 'slow', 'far', 'near', 'top', 'old', 'real', 'year', 'first', 'second', 'third', 'one', 'two', 'three', 'four', 'five', 'ten', 'record', 'state', 'government', 'family', 'time', 'data', 'hand', 'home', 'world', 'best', 'all', 'ever', 'never', 'much', 'under', 'over', 'out', 'up', 'down', 'left', 'right', 'single', 'double', 'wide', 'deep', 'large', 'small', 'short', 'big']);
/** Planets and dwarf planets that space coverage names as destinations ("Venus" is also a given name, "Mercury" an element). */
export const PLANETS = new Set(['mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto']);
/**
 * Words that end a product's model name ("AirPods Pro", "Homepod Mini", "Galaxy S24 Ultra", "HBO
 * Max"). Not "SE" (Siemens SE is a company form), "XL" (a Roman forty) or "Air" (airlines).
 */
export const MODEL_TIERS = new Set(['pro', 'mini', 'plus', 'ultra', 'lite', 'max']);
/** A model code: letters then digits ("S24", "AK820", "Kqi3", "V4", "G5M"). */
export const MODEL_CODE = /^[A-Za-z]{1,6}\d{1,5}[A-Za-z]{0,3}$/;
/** Tokens before "at" searched for a post: for a unit of a known organisation, and for an unknown name read as the employer. */
export const UNIT_POST_REACH = 9;
export const EMPLOYER_POST_REACH = 10;
/** Nouns for the people an organisation employs ("the NBC Select team", "Acme Cloud engineers"). */
export const STAFF_NOUNS = new Set(['team', 'teams', 'staff', 'staffer', 'staffers', 'employee', 'employees', 'engineers', 'researchers', 'editors', 'reporters', 'workers', 'executives', 'leadership', 'division', 'unit', 'subsidiary']);

/** Venue words: after a sponsor's name they make a place ("Pepsi Arena", "Citizens Bank Park"). */
export const VENUE_HEADS = new Set(['amphitheatre', 'amphitheater', 'pavilion', 'arena', 'stadium', 'coliseum', 'colosseum', 'ballpark', 'speedway', 'park']);
/** Company forms that end a company's name ("Ford Motor Co.", "Barclays PLC"); as a head only, not inside "Co-Owner". */
export const COMPANY_FORMS = new Set(['co', 'co.', 'plc', 'llp', 'gmbh']);
/** Words only sports reports use much: two of them make a text one whose "<Place> <Nickname>" names a team ("game", "season" or "coach" alone say nothing: travel and fitness pages use them). */
export const SPORTS_TEXT_WORDS = new Set(['scored', 'playoff', 'playoffs', 'quarterback', 'touchdown', 'touchdowns', 'inning', 'innings', 'halftime', 'assists', 'rebounds', 'goaltender', 'goalie', 'striker', 'midfielder', 'pitcher', 'roster', 'defenseman', 'linebacker', 'standings', 'postseason', 'preseason', 'tiebreaker', 'shutout']);
/** Words that make a town's name a football club's: "Real Madrid", "Bayern Munich", "Inter Milan"; "Manchester United", "Leeds Rovers". */
export const CLUB_PREFIXES = new Set(['real', 'atletico', 'atlético', 'inter', 'bayern', 'borussia', 'olympique', 'sporting', 'dynamo', 'dinamo']);
export const CLUB_SUFFIXES = new Set(['united', 'fc', 'afc', 'athletic', 'rovers', 'wanderers', 'albion', 'hotspur']);
export const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth']);
/** Party adjectives that stand before a politician's name as an affiliation ("Republican Phil Bryant"). */
export const PARTY_ADJECTIVES = new Set(['republican', 'democrat', 'democratic', 'conservative', 'labour', 'tory', 'socialist', 'communist']);
/** Plural nouns for a party's members: the group a place or chamber qualifies ("Virginia Democrats"). */
export const PARTY_MEMBERS = new Set(['democrats', 'republicans', 'conservatives', 'liberals', 'tories', 'socialists', 'communists', 'nationalists', 'centrists', 'progressives']);
/** Imperatives that open calls to action ("Visit X", "Contact X", "Try X"): never the first word of a name. */
export const CALL_TO_ACTION_VERBS = new Set(['visit', 'contact', 'call', 'email', 'join', 'try', 'use', 'download', 'register', 'subscribe', 'shop', 'explore', 'discover', 'learn', 'follow', 'check', 'click', 'choose', 'compare', 'schedule', 'apply', 'order', 'buy', 'hire', 'install', 'ask', 'tell', 'thank', 'consult', 'reach', 'connect']);
/** Words that follow a sentence-opening verb rather than a sentence-opening name ("Set a budget", "Will the"). */
export const IMPERATIVE_OBJECT = new Set(['a', 'an', 'the', 'your', 'yourself', 'yourselves', 'it', 'them', 'up', 'out', 'this', 'that', 'these', 'those', 'some', 'any', 'my', 'our', 'their', 'his', 'her', 'you', 'we', 'they']);
/**
 * Countries named as one half of a divided land, whose other half is a country too: "North Korea"
 * (South Korea), "South Sudan" (Sudan). "The South" may stand for them; not for South Africa.
 */
export const DIVIDED_COUNTRY_HALVES = (() => {
  const names = new Set(LEX.countries.map((c) => c.name));
  const halves = new Set<string>();
  for (const name of names) {
    const m = /^(North|South|East|West)\s(.+)$/.exec(name);
    if (!m) continue;
    const rest = m[2];
    if (names.has(rest) || ['North', 'South', 'East', 'West'].some((w) => w !== m[1] && names.has(`${w} ${rest}`))) halves.add(name);
  }
  return halves;
})();
/** A romanised Korean syllable, and the words English hyphenates onto names that look like one ("-on", "-run"); see isGivenNameSyllable. */
export const KOREAN_SYLLABLE = /^(?:[bcdghjkmnprstwy]{0,3})(?:a|ae|ai|e|ee|eo|eu|i|o|oe|oo|u|ui|ya|yae|ye|yeo|yo|yu|wa|wae|we|wi|wo)(?:n|ng|k|l|m|p|t)?$/;
export const NAME_COMPOUND_WORDS = new Set(['on', 'up', 'an', 'at', 'to', 'so', 'go', 'no', 'run', 'man', 'men', 'wide', 'like', 'long', 'one', 'ten', 'day', 'way', 'pan', 'sun', 'mon', 'sat', 'gun', 'tank']);

/** One pinyin syllable without tone marks: an optional initial and a final ("jian", "xiong", "fan"). */
export const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bcdfghjklmnpqrstwxyz])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uan|uai|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|uo|ua|a|o|e|i|u)$/;

/** Newspaper section names, stopwords when they stand alone as a label (data/lexicons/stopwords.txt lists them). */
export const SECTION_WORDS = new Set(['news', 'world', 'politics', 'business', 'sport', 'sports', 'home']);
/** Compass words that name a place after "the" ("the North", "the Middle East" is a lexicon entry). */
export const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
/** Capitalised words that name a part of a known place with it ("West Texas", "Central London", "Eastern Ukraine"). */
export const REGION_PREFIXES = new Set([...COMPASS_WORDS, 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern',
  'southeastern', 'southwestern', 'central', 'upper', 'lower', 'greater']);

/** What stands between a name and the acronym it is given: "X (ACR)", "X, known as ACR". */
export const ACRONYM_DEFINITIONS = [['('], [',', 'known', 'as'], [',', 'also', 'known', 'as'], [',', 'or']];

/** Lines read for a wire dateline: a headline, a byline or a deck may come first. */
export const DATELINE_LINES = 4;

/** Heads of the names of public bodies and institutions that are named for their subjects. */
export const BODY_HEADS = new Set(['hall', 'academy', 'administration', 'commission', 'service', 'services', 'authority', 'agency', 'department', 'board', 'bureau', 'council', 'committee', 'institute', 'office', 'association', 'society', 'foundation', 'ministry', 'directorate', 'center', 'centre', 'organization', 'organisation', 'fund', 'corps']);
/** Legislative chambers that open committee names ("House Energy and Commerce Committee"). */
export const CHAMBERS = new Set(['house', 'senate']);
