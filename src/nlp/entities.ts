/**
 * Named entities (PERSON, ORG, PLACE) with titles and roles kept apart, and their merging within
 * one article.
 *
 * 1. Candidate runs: capitalised tokens joined by name connectors ("of", "for", "bin", hyphens).
 * 2. Each run is cut into a role part (a title from data/lexicons/titles.txt, with the demonyms,
 *    countries and organisations before it: "Russian President") and name parts, which are typed
 *    by lexicon (countries, capitals, gazetteer places, international bodies) or by head word
 *    ("... Ministry" → ORG, "... Peninsula" → PLACE), or as a PERSON.
 * 3. Lowercase role phrases before a name ("North Korean leader Kim Jong Un") and appositives
 *    after it ("Koo Byongsam, a spokesman for ...") are attached as roles.
 * 4. Single capitalised words need evidence (a full name containing them, a given-name list,
 *    a title before them or a verb of speech after them): sentence openers are not names.
 * 5. Within the article, short forms ("Kim", "Putin") join the most salient full name that contains
 *    them; definite role references ("the North Korean leader") join the one person whose role has
 *    the same head class and country, when exactly one does.
 */
import type { EntityCluster, EntityMention, EntityType } from './types.js';
import { hasListedWords, type Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { foldDiacritics } from './fold.js';
import { LEX, MONTHS, RELATIVE_DAYS, WEEKDAYS, type PlaceInfo, type OrgInfo, type CountryInfo } from './lexicons.js';
import { isCommonEnglishWord } from '../common-words.js';
import { isCommonGivenName } from '../given-names.js';
import { appendTo } from '../multimap.js';
import { IRREGULAR_PAST, singularGuess } from './verb-forms.js';
import { parseDateline } from '../extract/clean/dateline.js';

/** Connectors allowed inside a name when a capitalised word follows ("Center for European ..."). */
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'das', 'do', 'dos', 'des', 'della', 'di', 'du', 'la', 'le', 'el', 'bin', 'ibn', 'al', 'von', 'van', 'der', 'den', 'ter']);
/** "of"/"for" join names only after a head that takes a complement ("Center for", "Secretary of"). */
const NAME_PARTICLES = new Set(['de', 'del', 'da', 'das', 'do', 'dos', 'des', 'della', 'di', 'du', 'la', 'le', 'el', 'bin', 'ibn', 'al', 'von', 'van', 'der', 'den', 'ter']);
/** Heads of bodies named for their subject with "on" ("Commission on Human Rights", "Task Force on ..."). */
const ON_SUBJECT_HEADS = new Set(['council', 'committee', 'commission', 'group', 'institute', 'center', 'centre', 'panel', 'force', 'board', 'coalition', 'alliance', 'foundation', 'project', 'network']);
const COMPLEMENT_HEADS = new Set(['chiefs', 'palácio', 'palacio', 'republic', 'kingdom', 'states', 'emirates', 'union', 'federation', 'people', "people's", 'isle', 'gulf', 'sea', 'bay', 'cape', 'islands', 'league', 'court', 'house', 'office', 'friends', 'bank', 'university', 'college', 'institute', 'center', 'centre', 'council', 'ministry', 'department', 'secretary', 'minister', 'commissioner', 'director', 'chief', 'head', 'president', 'chairman', 'governor', 'organization', 'organisation', 'association', 'agency', 'committee', 'commission', 'party', 'movement', 'front', 'army', 'church', 'school', 'foundation', 'museum', 'academy', 'board', 'bureau', 'assembly', 'congress', 'fund', 'society', 'alliance', 'coalition', 'forces', 'force', 'guard', 'corps', 'tribunal', 'chamber', 'embassy', 'city', 'state', 'province', 'region', 'order', 'prince', 'king', 'queen', 'duke', 'archbishop', 'bishop', 'hall']);
const ROMAN = new Set(['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);
const DETERMINERS = new Set(['the', 'a', 'an']);
/** Possessives before a role that refers to someone ("his North Korean counterpart"). */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its']);
/** Role heads that name the other side's holder of the same office. */
const COUNTERPART_HEADS = new Set(['counterpart', 'counterparts']);
/** Forms of address: they mark a person, but are no role ("Mr. Zelensky" has none). */
const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'messrs', 'mme', 'mlle', 'mister', 'madam', 'madame', 'monsieur', 'herr', 'frau', 'señor', 'señora', 'senor', 'senora', 'signor', 'signora']);
/** Verbs whose object is a person in news ("met Zelensky", "thanked Biden"). */
const PERSON_OBJECT_VERBS = new Set(['met', 'meets', 'thanked', 'thanks', 'telephoned', 'phoned', 'congratulated', 'praised', 'interviewed', 'succeeded', 'replaced', 'appointed', 'nominated', 'sacked', 'fired', 'dismissed', 'endorsed', 'pardoned']);
const CLAUSE_PUNCTUATION = new Set([',', '.', ';', ':', ')', '!', '?', '\u2014', '\u2013']);
/** Words after which a name has ended ("met Zelensky in Kyiv", "thanked Biden for"). */
const NAME_PHRASE_ENDS = new Set(['in', 'at', 'on', 'for', 'and', 'to', 'after', 'before', 'during', 'with', 'as', 'who', 'when', 'last', 'this', 'earlier', 'later', 'by', 'over', 'about', 'of']);
/** Auxiliaries after a subject (not the copula: "Naoshima is an island"). */
const FINITE_AUXILIARIES = new Set(['has', 'had', 'will', 'would', 'could', 'should', 'must', 'did', "won't", "didn't", "hasn't", 'also', 'later', 'again']);
const SENTENCE_END = new Set(['.', '!', '?', ':']);
/** Place words whose "of" complement is seldom a place ("the heights of success", "the base of the skull", "a hill of beans"). */
const NOT_PLACE_BY_OF = new Set(['heights', 'base', 'bridge', 'square', 'park', 'hill', 'hills', 'stadium', 'street', 'road', 'avenue', 'plaza']);
const LOCATIVE_PREPS = new Set(['in', 'near', 'outside', 'across', 'inside', 'around', 'within']);
const REGIONAL_ADJECTIVES = new Set(['european', 'african', 'asian', 'western', 'eastern', 'northern', 'southern', 'arab', 'latin', 'nordic', 'baltic', 'balkan', 'caribbean', 'scandinavian', 'mediterranean', 'atlantic', 'pacific', 'global', 'international', 'national', 'federal', 'regional']);
/** Role heads that denote the top leader: "the Russian leader" may refer to a "Russian President". */
const LEADER_HEADS = LEX.keywords.leader;
/** Organisation codes that are sectors, not countries: international and non-governmental bodies, media, business. */
const NON_COUNTRY_CODES = new Set(['IGO', 'NGO', 'MED', 'BUS', 'MNC']);
/**
 * Head nouns of job titles. A capitalised run ending in one ("Chief Cyber Solutions Officer",
 * "Product Manager") is a role, not a person; none is a common surname or given name.
 */
const JOB_TITLE_HEADS = new Set(['officer', 'director', 'manager', 'president', 'editor', 'executive', 'analyst', 'researcher', 'scientist', 'economist', 'engineer', 'designer', 'developer', 'strategist', 'specialist', 'consultant', 'coordinator', 'supervisor', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor', 'correspondent', 'reporter', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'commissioner', 'founder', 'architect', 'evangelist', 'treasurer', 'producer', 'administrator', 'counsel']);
/** Subject pronouns and modals: a word in capitals right after one is a stressed verb or adverb ("we NEVER", "can VARY"). */
const STRESS_LEAD_WORDS = new Set(['you', 'we', 'they', 'he', 'she', 'can', 'could', 'will', 'would', 'should', 'must', 'might', 'do', 'does', 'did']);
/** Prepositions and conjunctions after which a word in capitals is more often a name than stress. */
const NAME_LEAD_WORDS = new Set(['to', 'by', 'with', 'from', 'at', 'for', 'of', 'in', 'on', 'about', 'via', 'and', 'or', 'nor', 'told', 'tells', 'tell', 'like']);
const SENTENCE_PUNCTUATION = new Set([',', '.', '!', '?', ';']);
/** Role labels of broadcast transcripts ("NAME, BYLINE:"). */
const TRANSCRIPT_LABELS = new Set(['host', 'byline', 'anchor', 'announcer', 'narrator', 'moderator', 'caller', 'guest', 'reporter', 'correspondent', 'interviewer', 'panelist']);
/** Words that label a line or a box ("Note:", "Tip:", "Verdict:"), never a speaker. */
const LABEL_WORDS = new Set(['note', 'notes', 'tip', 'tips', 'warning', 'caution', 'update', 'updated', 'disclaimer', 'source', 'sources', 'credit', 'credits', 'summary', 'step', 'example', 'answer', 'question', 'pros', 'cons', 'verdict', 'conclusion', 'result', 'results', 'important', 'reminder', 'hint', 'bonus', 'correction', 'clarification']);
/** Short month forms that MONTHS leaves out because they are names too ("Jun", "Mar"); a date only before a day. */
const BARE_MONTH_ABBREVIATIONS = new Set(['mar', 'jun', 'jul', 'sep']);
/** Words that follow a sentence-opening verb rather than a sentence-opening name ("Set a budget", "Will the"). */
/**
 * Job words that are titles when they open a sentence before a full name ("Reporter Nina Pineda
 * asked", "Analyst Jane Doe said"); kinship words and "Major", "Justice", "Head" are not: they
 * open names ("Son Heung-min") and bodies.
 */
const SENTENCE_OPENING_TITLES = new Set(['reporter', 'correspondent', 'analyst', 'expert', 'official', 'aide', 'diplomat', 'economist', 'researcher', 'scientist', 'editor', 'columnist', 'lawmaker', 'legislator', 'negotiator', 'founder', 'owner', 'executive']);
/** Words that open hyphened adjectives ("Long-dated", "Short-term", "High-profile", "Far-right"), never a name there. */
const COMPOUND_FIRST_WORDS = new Set(['long', 'short', 'high', 'low', 'well', 'full', 'half', 'self', 'mid', 'non', 'pre', 'post', 'anti', 'multi', 'cross', 'open', 'hard', 'soft', 'fast', 'slow', 'far', 'near', 'top', 'old', 'real', 'year', 'first', 'second', 'third', 'one', 'two', 'three', 'four', 'five', 'ten', 'record', 'state', 'government', 'family', 'time', 'data', 'hand', 'home', 'world', 'best', 'all', 'ever', 'never', 'much', 'under', 'over', 'out', 'up', 'down', 'left', 'right', 'single', 'double', 'wide', 'deep', 'large', 'small', 'short', 'big']);
/** Planets and dwarf planets that space coverage names as destinations ("Venus" is also a given name, "Mercury" an element). */
const PLANETS = new Set(['mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto']);
/**
 * Words that end a product's model name ("AirPods Pro", "Homepod Mini", "Galaxy S24 Ultra", "HBO
 * Max"). Not "SE" (Siemens SE is a company form), "XL" (a Roman forty) or "Air" (airlines).
 */
const MODEL_TIERS = new Set(['pro', 'mini', 'plus', 'ultra', 'lite', 'max']);
/** A model code: letters then digits ("S24", "AK820", "Kqi3", "V4", "G5M"). */
const MODEL_CODE = /^[A-Za-z]{1,6}\d{1,5}[A-Za-z]{0,3}$/;
/** Tokens before "at" searched for a post: for a unit of a known organisation, and for an unknown name read as the employer. */
const UNIT_POST_REACH = 9;
const EMPLOYER_POST_REACH = 10;
/** Nouns for the people an organisation employs ("the NBC Select team", "Acme Cloud engineers"). */
const STAFF_NOUNS = new Set(['team', 'teams', 'staff', 'staffer', 'staffers', 'employee', 'employees', 'engineers', 'researchers', 'editors', 'reporters', 'workers', 'executives', 'leadership', 'division', 'unit', 'subsidiary']);

/** Venue words: after a sponsor's name they make a place ("Pepsi Arena", "Citizens Bank Park"). */
const VENUE_HEADS = new Set(['amphitheatre', 'amphitheater', 'pavilion', 'arena', 'stadium', 'coliseum', 'colosseum', 'ballpark', 'speedway', 'park']);
/** Company forms that end a company's name ("Ford Motor Co.", "Barclays PLC"); as a head only, not inside "Co-Owner". */
const COMPANY_FORMS = new Set(['co', 'co.', 'plc', 'llp', 'gmbh']);
/** Words only sports reports use much: two of them make a text one whose "<Place> <Nickname>" names a team ("game", "season" or "coach" alone say nothing: travel and fitness pages use them). */
const SPORTS_TEXT_WORDS = new Set(['scored', 'playoff', 'playoffs', 'quarterback', 'touchdown', 'touchdowns', 'inning', 'innings', 'halftime', 'assists', 'rebounds', 'goaltender', 'goalie', 'striker', 'midfielder', 'pitcher', 'roster', 'defenseman', 'linebacker', 'standings', 'postseason', 'preseason', 'tiebreaker', 'shutout']);
/** Words that make a town's name a football club's: "Real Madrid", "Bayern Munich", "Inter Milan"; "Manchester United", "Leeds Rovers". */
const CLUB_PREFIXES = new Set(['real', 'atletico', 'atlético', 'inter', 'bayern', 'borussia', 'olympique', 'sporting', 'dynamo', 'dinamo']);
const CLUB_SUFFIXES = new Set(['united', 'fc', 'afc', 'athletic', 'rovers', 'wanderers', 'albion', 'hotspur']);
const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth']);
/** Party adjectives that stand before a politician's name as an affiliation ("Republican Phil Bryant"). */
const PARTY_ADJECTIVES = new Set(['republican', 'democrat', 'democratic', 'conservative', 'labour', 'tory', 'socialist', 'communist']);
/** Plural nouns for a party's members: the group a place or chamber qualifies ("Virginia Democrats"). */
const PARTY_MEMBERS = new Set(['democrats', 'republicans', 'conservatives', 'liberals', 'tories', 'socialists', 'communists', 'nationalists', 'centrists', 'progressives']);
/** Imperatives that open calls to action ("Visit X", "Contact X", "Try X"): never the first word of a name. */
const CALL_TO_ACTION_VERBS = new Set(['visit', 'contact', 'call', 'email', 'join', 'try', 'use', 'download', 'register', 'subscribe', 'shop', 'explore', 'discover', 'learn', 'follow', 'check', 'click', 'choose', 'compare', 'schedule', 'apply', 'order', 'buy', 'hire', 'install', 'ask', 'tell', 'thank', 'consult', 'reach', 'connect']);
const IMPERATIVE_OBJECT = new Set(['a', 'an', 'the', 'your', 'yourself', 'yourselves', 'it', 'them', 'up', 'out', 'this', 'that', 'these', 'those', 'some', 'any', 'my', 'our', 'their', 'his', 'her', 'you', 'we', 'they']);
/**
 * Countries named as one half of a divided land, whose other half is a country too: "North Korea"
 * (South Korea), "South Sudan" (Sudan). "The South" may stand for them; not for South Africa.
 */
const DIVIDED_COUNTRY_HALVES = (() => {
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
/** The country of an organisation lexicon code, when the code is an ISO3 country. */
const countryOfOrgCode = (code: string): string | undefined => (/^[A-Z]{3}$/.test(code) && !NON_COUNTRY_CODES.has(code) ? code : undefined);

export interface RoleRef {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** Role words without the determiner: "North Korean leader". */
  role: string;
  head: string;
  country?: string;
  definite: boolean;
  sentence: number;
}

/** Internal mention record: the public EntityMention plus token positions. */
export interface MentionRec extends EntityMention {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  cluster: number;
}

export interface EntityResult {
  mentions: MentionRec[];
  clusters: EntityCluster[];
  /** Role phrases with no name ("a US State Department spokesperson"), resolved or not. */
  roleRefs: (RoleRef & { cluster: number | null })[];
  /** Demonyms and countries by token index (for event actors): token index → ISO3. */
  countryAt: Map<number, { code: string; end: number; text: string }>;
}

/**
 * The lower-case second syllable of a hyphenated (Korean) given name ("Jae-in", "Yo-jong",
 * "Byung-hun"): one romanised Korean syllable (initial consonants, a vowel, at most a final n, ng,
 * k, l, m, p or t) glued to the hyphen, and not a word English hyphenates onto names ("-on", "-run").
 */
function isGivenNameSyllable(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.cap && !t.spaceBefore && KOREAN_SYLLABLE.test(t.text) && !NAME_COMPOUND_WORDS.has(t.key);
}
const KOREAN_SYLLABLE = /^(?:[bcdghjkmnprstwy]{0,3})(?:a|ae|ai|e|ee|eo|eu|i|o|oe|oo|u|ui|ya|yae|ye|yeo|yo|yu|wa|wae|we|wi|wo)(?:n|ng|k|l|m|p|t)?$/;
const NAME_COMPOUND_WORDS = new Set(['on', 'up', 'an', 'at', 'to', 'so', 'go', 'no', 'run', 'man', 'men', 'wide', 'like', 'long', 'one', 'ten', 'day', 'way', 'pan', 'sun', 'mon', 'sat', 'gun', 'tank']);

/** One pinyin syllable without tone marks: an optional initial and a final ("jian", "xiong", "fan"). */
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bcdfghjklmnpqrstwxyz])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uan|uai|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|uo|ua|a|o|e|i|u)$/;

/** A given name of one or two pinyin syllables, capitalised once ("Jianxiong", "Fan"). */
function isPinyinGivenName(text: string): boolean {
  if (!/^[A-Z][a-z]{1,11}$/.test(text)) return false;
  const s = text.toLowerCase();
  if (PINYIN_SYLLABLE.test(s)) return true;
  for (let k = 1; k < s.length; k++) if (PINYIN_SYLLABLE.test(s.slice(0, k)) && PINYIN_SYLLABLE.test(s.slice(k))) return true;
  return false;
}

function isNameToken(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.cap && t.key !== "'s";
}

function headOf(keys: string[]): string {
  // head = last word before the first connector: "center for european policy analysis" → center
  let h = keys[keys.length - 1];
  for (let i = 1; i < keys.length; i++) {
    if (CONNECTORS.has(keys[i]) || keys[i] === 'the' || (keys[i] === 'on' && ON_SUBJECT_HEADS.has(keys[i - 1]))) {
      h = keys[i - 1];
      break;
    }
  }
  return h.replace(/\.$/, '');
}

/** Newspaper section names, stopwords when they stand alone as a label (data/lexicons/stopwords.txt lists them). */
const SECTION_WORDS = new Set(['news', 'world', 'politics', 'business', 'sport', 'sports', 'home']);
/** Compass words that name a place after "the" ("the North", "the Middle East" is a lexicon entry). */
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
/** Capitalised words that name a part of a known place with it ("West Texas", "Central London", "Eastern Ukraine"). */
const REGION_PREFIXES = new Set([...COMPASS_WORDS, 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern',
  'southeastern', 'southwestern', 'central', 'upper', 'lower', 'greater']);

interface Piece {
  i: number;
  j: number; // token range
  type: EntityType | 'DEMONYM' | 'DROP' | 'UNKNOWN1';
  canonical?: string;
  country?: string;
  role?: { i: number; j: number; country?: string };
  placeKind?: PlaceInfo['kind'];
  /** Typed from its context (a preposition, an appositive), not from a lexicon. */
  contextTyped?: boolean;
  /** Found in a lexicon of organisations or places. */
  lexicon?: boolean;
}

export function findEntities(text: string, tokens: Token[], sentences: Sentence[]): EntityResult {
  const sentOf = new Int32Array(tokens.length);
  sentences.forEach((s, k) => {
    for (let t = s.tokStart; t < s.tokEnd; t++) sentOf[t] = k;
  });
  const sentStart = new Set(sentences.map((s) => s.tokStart));
  const keys = tokens.map((t) => t.key);
  // Words seen in lowercase somewhere in the article: a capitalised one at a sentence start is not a name.
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerSeen.add(t.key);
  let capitalsCounts: Map<string, number> | null = null;

  // Lines in title case ("Pros and Cons", "Best for One-Off Looks"): headings, whose capitals say
  // nothing about names
  const titleCaseLine = new Uint8Array(tokens.length);
  for (let a = 0; a < tokens.length; ) {
    let b = a + 1;
    while (b < tokens.length && !tokens[b].newlineBefore) b++;
    let words = 0;
    let lower = 0;
    for (let k = a; k < b; k++) {
      if (tokens[k].kind !== 'word') continue;
      words++;
      if (!tokens[k].cap && !LEX.stopwords.has(keys[k])) lower++;
    }
    if (words >= 2 && lower === 0 && !SENTENCE_END.has(tokens[b - 1].text)) titleCaseLine.fill(1, a, b);
    a = b;
  }

  const pieces: Piece[] = [];
  /** A sports story: two words only sports reports use much ("scored", "playoffs", "goalie"...); read on the first place-led name that asks. */
  let sportsText: boolean | null = null;
  const isSportsText = (): boolean => (sportsText ??= hasListedWords(tokens, SPORTS_TEXT_WORDS, 2));
  /** A team's nickname → its full name ("sabres" → "Buffalo Sabres"), for the nickname alone. */
  const teamByNickname = new Map<string, string>();
  /** Sentence starts, line starts and words right after an opening quote are capitalised anyway. */
  function startLike(k: number): boolean {
    if (sentStart.has(k) || tokens[k].newlineBefore) return true;
    const p = tokens[k - 1];
    return !!p && p.kind === 'punct' && (p.text === '\u201c' || p.text === '"' || p.text === '\u2018' || p.text === '(');
  }
  const countryAt = new Map<number, { code: string; end: number; text: string }>();
  /** A name [i, j) in capitals, then a comma and a country: a dateline's town ("LARISSA, Greece —"). */
  const datelineTown = (i: number, j: number): boolean =>
    tokens[i].text === tokens[i].text.toUpperCase() && tokens[j]?.text === ',' && !!tokens[j + 1] && LEX.places.longest(keys, j + 1)?.[1].kind === 'country';

  /**
   * True when the run [i, j) stops at "and" (token j) before the rest of a public body's name:
   * the run's last word is an everyday noun ("Food", "Securities", "Disaster"), no place, people's
   * name or known organisation, and one to four capitalised words after "and" end with a body's
   * head ("Drug Administration", "Exchange Commission"). A two-word run must open with a place or
   * a chamber ("U.S. Fish and Wildlife Service", "House Energy and Commerce Committee"), so that
   * "President Trump and Energy Department" stays two names.
   */
  function subjectsOfBodyJoinedAt(start: number, j: number): boolean {
    const x = tokens[j - 1];
    // a sentence's capitalised "The" is no part of the run
    const i = keys[start] === 'the' ? start + 1 : start;
    // after "the" a word that is also a surname is the subject too ("the Rock and Roll Hall of
    // Fame"): no one's name takes the article
    const afterThe = i > 0 && keys[i - 1] === 'the';
    if (j - i > 2 || j <= i || (!x.spaceBefore && j - 1 > i)) return false;
    if (j - i === 2 && !(LEX.places.longest(keys, i, i + 1) || LEX.demonyms.longest(keys, i, i + 1) || CHAMBERS.has(keys[i]) || isSubjectWord(tokens[i], afterThe))) return false;
    if (!isSubjectWord(x, afterThe) || LEX.places.longest(keys, j - 1, j) || LEX.demonyms.longest(keys, j - 1, j) || LEX.orgs.longest(keys, j - 1, j)) return false;
    if (LEX.givenNames.has(tokens[j + 1]?.text ?? '') || LEX.places.longest(keys, j + 1, j + 2)) return false;
    for (let k = j + 1; k <= j + 4; k++) {
      const t = tokens[k];
      if (!isNameToken(t) || !t.spaceBefore || sentOf[k] !== sentOf[i]) return false;
      if (BODY_HEADS.has(keys[k])) return k > j + 1;
    }
    return false;
  }

  /** An everyday word written with a capital, as the subjects in a body's name are ("Occupational Safety"). */
  function isSubjectWord(t: Token, surnameToo = false): boolean {
    if (/^[A-Z]+$/.test(t.text) || LEX.givenNames.has(t.text) || (LEX.surnames.has(t.text) && !surnameToo) || LEX.titles.has(t.key)) return false;
    return isCommonEnglishWord(t.key) || isCommonEnglishWord(singularGuess(t.key));
  }

  // Capitalised tokens that name nothing: market codes ("the Nasdaq Composite .IXIC", "Brent LCOc1",
  // "Sterling GBP=", "US10YT=RR") and an everyday word opening a hyphened adjective ("Long-dated
  // yields"; "Putin-led" and "Iran-backed" keep their names)
  const notAName = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const dotted = prev?.text === '.' && !t.spaceBefore && prev.spaceBefore;
    const quoted = next?.text === '=' && !next.spaceBefore;
    const afterEquals = prev?.text === '=' && !t.spaceBefore && !prev.spaceBefore && /^[A-Z0-9]+$/.test(tokens[k - 2]?.text ?? '');
    const contract = /^[A-Z]{2,}[a-z]{1,2}\d{1,2}$/.test(t.text);
    // ("Brent LCOc1": the word a contract code follows is the commodity it trades)
    const beforeContract = !!next && /^[A-Z]{2,}[a-z]{1,2}\d{1,2}$/.test(next.text);
    const hyphenedAdjective = COMPOUND_FIRST_WORDS.has(t.key) && next?.text === '-' && !next.spaceBefore && tokens[k + 2]?.kind === 'word' && !tokens[k + 2].cap && !tokens[k + 2].spaceBefore;
    if (dotted || quoted || afterEquals || contract || beforeContract || hyphenedAdjective) notAName[k] = 1;
  }

  /** Units of known organisations the article shows employing people (see unitsThatEmploy); read on the first known name with words after it. */
  let unitNames: Set<string> | null = null;

  // ---- 1. runs ----
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isNameToken(t) || notAName[i]) {
      i++;
      continue;
    }
    // a weekday or a month opening a run is a time expression, not a name
    if (WEEKDAYS.has(t.key) || (MONTHS.has(t.key) && !isNameToken(tokens[i - 1]))) {
      i++;
      continue;
    }
    let j = i + 1;
    let afterConnector = false;
    while (j < tokens.length) {
      const u = tokens[j];
      if (sentOf[j] !== sentOf[i]) break;
      // "Center for Mediterranean and Atlantic Studies": "and" inside a name after "for"/"of"
      // ("American Federation of Teachers and Thomas Kennedy" are two names: a given name starts the second)
      if (afterConnector && (u.key === 'and' || u.text === '&') && isNameToken(tokens[j + 1]) && isNameToken(tokens[j + 2]) && sentOf[j + 1] === sentOf[i] && !LEX.givenNames.has(tokens[j + 1].text)) {
        j += 1;
        continue;
      }
      // "Center for Disease Control and Prevention", "Ministry of Agriculture and Forestry": one
      // everyday noun after "and" ends the name, after another everyday noun (not "Bank of England
      // and Treasury", nor a given name or surname: "... of Fame and Smith said")
      if (afterConnector && u.key === 'and' && isNameToken(tokens[j + 1]) && !isNameToken(tokens[j + 2]) && !CONNECTORS.has(tokens[j + 2]?.key ?? '') && sentOf[j + 1] === sentOf[i] && isCommonEnglishWord(tokens[j + 1].key) && isCommonEnglishWord(keys[j - 1]) && !LEX.places.has(keys[j - 1]) && !LEX.givenNames.has(tokens[j + 1].text) && !LEX.surnames.has(tokens[j + 1].text) && !isCommonGivenName(tokens[j + 1].text)) {
        j += 2;
        break;
      }
      if (isNameToken(u) && !notAName[j] && u.spaceBefore && !WEEKDAYS.has(u.key) && !(MONTHS.has(u.key) && tokens[j + 1]?.kind === 'num')) {
        j++;
        continue;
      }
      // "Food and Drug Administration", "Disaster and Emergency Management Authority": a public
      // body named for two subjects
      if (u.key === 'and' && !afterConnector && subjectsOfBodyJoinedAt(i, j)) {
        j++;
        continue;
      }
      if (u.text === '-' && !u.spaceBefore && isNameToken(tokens[j + 1]) && !tokens[j + 1].spaceBefore) {
        j += 2;
        continue;
      }
      // "People's Daily", "McDonald's": a listed organisation's name goes on past its possessive
      if (u.key === "'s" && listedNameCrosses(i, j)) {
        j++;
        continue;
      }
      // "Moon Jae-in", "Kim Yo-jong", "Min-jun Park": a Korean given name's second syllable is written
      // in lower case after the hyphen; within a name of two words or more ("Putin-led", "New
      // York-based" are compounds)
      if (u.text === '-' && !u.spaceBefore && isGivenNameSyllable(tokens[j + 1]) && (j - 1 > i || isNameToken(tokens[j + 2]))) {
        j += 2;
        continue;
      }
      // "Bashar al-Assad", "Ayman al-Zawahiri": the Arabic article hyphened to the surname
      if (!u.cap && arabicArticleAt(j) && isNameToken(tokens[j + 2]) && !tokens[j + 2].spaceBefore && sentOf[j + 2] === sentOf[i]) {
        j += 3;
        continue;
      }
      // "Council on Foreign Relations", "Business Group on Health": a body named for its subject
      // ("the Senate on Tuesday" is a time, "the Arts Center on Peachtree Street" a place)
      const onSubject = u.key === 'on' && ON_SUBJECT_HEADS.has(keys[j - 1]) && !WEEKDAYS.has(tokens[j + 1]?.key ?? '') && !MONTHS.has(tokens[j + 1]?.key ?? '') && !namesPlaceAfter(j + 1);
      if (u.kind === 'word' && !u.cap && (CONNECTORS.has(u.key) || onSubject) && u.spaceBefore && (NAME_PARTICLES.has(u.key) || COMPLEMENT_HEADS.has(keys[j - 1]) || LEX.keywords.org.has(keys[j - 1]))) {
        let k = j + 1;
        if (tokens[k]?.key === 'the') k++;
        if (isNameToken(tokens[k]) && sentOf[k] === sentOf[i]) {
          j = k + 1;
          if (!NAME_PARTICLES.has(u.key)) afterConnector = true;
          continue;
        }
      }
      break;
    }
    cutRun(i, j);
    i = j;
  }

  /**
   * A stopword opening the run [a, b) that is not part of the name. A newspaper section's word
   * ("World", "Business", "News") is a label alone or before a separator, but the first word of a
   * longer name ("World Bank", "Business Insider", "News Corp", "Home Office").
   */
  function leadingStopword(a: number, b: number): boolean {
    if (chineseSurnameHe(a, b)) return false;
    // "520 Third Street", "Fifth Avenue": an ordinal before a place's head word is the name's
    if (ORDINAL_WORDS.has(keys[a]) && b - a === 2 && LEX.keywords.place.has(keys[a + 1])) return false;
    // "First Lady Melania Trump", "First Minister Nicola Sturgeon": an ordinal that opens a title
    if (ORDINAL_WORDS.has(keys[a]) && (LEX.titles.longest(keys, a, b)?.[0] ?? 0) >= 2) return false;
    return LEX.stopwords.has(keys[a]) && !(SECTION_WORDS.has(keys[a]) && b - a >= 2 && tokens[a + 1]?.kind === 'word' && tokens[a + 1].cap);
  }

  /**
   * "economist He Fan said", "He Jianxiong, the former director, said": the surname He before a
   * given name. Inside a sentence a capitalised "He" is a name; opening one, only before a given
   * name spelled in pinyin ("He Later joined" is the pronoun).
   */
  function chineseSurnameHe(a: number, b: number): boolean {
    return tokens[a].text === 'He' && b - a === 2 && (!startLike(a) || isPinyinGivenName(tokens[a + 1].text));
  }

  function cutRun(a: number, b: number): void {
    // "The Hague", "The Gambia": a lexicon name that starts with "The"
    if (keys[a] === 'the') {
      const w = lookupWhole(a, b);
      if (w) {
        pieces.push(w);
        return;
      }
    }
    // drop leading stopwords / sentence openers ("The", "In", "Both", "Speaking")
    // (a particle hyphened to the name stays: "Al-Ibrahim")
    // (an acronym the lexicon lists, written in capitals, is no stopword: "the WHO", "IT" is not listed)
    // ("Yesterday Vladimir Putin said", "Today Kim Jong Un arrived": a time word opening the sentence)
    while (a < b && (leadingStopword(a, b) || (CONNECTORS.has(keys[a]) && !(tokens[a + 1]?.text === '-' && !tokens[a + 1].spaceBefore)) || (RELATIVE_DAYS.has(keys[a]) && b - a >= 2 && startLike(a))) && !isListedAcronym(a)) a++;
    // "In August": a month or weekday left alone after the opener is a time, not a name
    if (b - a === 1 && (MONTHS.has(keys[a]) || WEEKDAYS.has(keys[a]))) return;
    // "Similarly, ...": a sentence adverb, not a name
    if (b - a === 1 && startLike(a) && keys[a].endsWith('ly') && tokens[b]?.text === ',') return;
    // "TRAVIS COLE:" — a transcript's speaker label: a short all-caps name opening a line before a colon
    if (b - a >= 2 && b - a <= 4 && tokens[a].newlineBefore && tokens[b]?.text === ':' && tokens.slice(a, b).every((t) => t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase()) && !lookupAt(a, b)) {
      pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
      return;
    }
    // "Storm Daniel", "Operation X", "Page A9": not a person, organisation or place
    if (LEX.keywords['drop-first'].has(keys[a])) {
      pieces.push({ i: a, j: b, type: 'DROP' });
      return;
    }
    while (b > a && (CONNECTORS.has(keys[b - 1]) || keys[b - 1] === 'the' || tokens[b - 1].text === '-')) b--;
    if (a >= b) return;
    // "the North", "the South": a compass word used as a name is a place (a region, or the
    // northern/southern state of a divided country, resolved when clusters are built)
    if (b - a === 1 && COMPASS_WORDS.has(keys[a]) && keys[a - 1] === 'the') {
      pieces.push({ i: a, j: b, type: 'PLACE', canonical: spanText(a, b), placeKind: 'region' });
      return;
    }
    // split hyphen-joined runs whose parts are known on their own ("Kim-Putin", "DPRK-Russia")
    for (let k = a + 1; k < b - 1; k++) {
      if (tokens[k].text === '-' && !tokens[k].spaceBefore) {
        const left = lookupWhole(a, k);
        const right = lookupWhole(k + 1, b);
        const whole = lookupWhole(a, b);
        const known = (x: number, y: number) => !!lookupAt(x, y) || (y - x === 1 && LEX.givenNames.has(tokens[x].text));
        const bothKnown = !!left && !!right;
        const singles = k - a === 1 && b - k - 1 === 1 && !NAME_PARTICLES.has(keys[a]) && (known(a, k) || known(k + 1, b));
        if (!whole && (bothKnown || singles)) {
          cutRun(a, k);
          cutRun(k + 1, b);
          return;
        }
      }
    }
    // whole-run lexicon hit
    const whole = lookupWhole(a, b);
    if (whole) {
      pieces.push(whole);
      return;
    }
    // title inside the run: role = tokens[a..titleEnd), name = the rest
    // the title is the last one before the name starts: "British Defence Secretary Tom King"
    // keeps "King" in the name because a non-title word ("Tom") came after the title
    let titleEnd = -1;
    // "Republican Phil Bryant", "Labour MP ...": a party's adjective before a full name is the
    // person's affiliation, a role, as a title is
    const partyRole = PARTY_ADJECTIVES.has(keys[a]) && b - a >= 3 && LEX.givenNames.has(tokens[a + 1].text);
    if (partyRole) titleEnd = a + 1;
    else for (let k = a; k < b; k++) {
      const m = LEX.titles.longest(keys, k, b);
      // ("Reporter Nina Pineda asked", "Novelist Jane Roe wrote": a job word opening a sentence is capitalised by its place)
      if (m && !(m[0] === 1 && LEX.lowercaseOnlyTitles.has(keys[k]) && !(k === a && b - a >= 3 && startLike(a) && (SENTENCE_OPENING_TITLES.has(keys[k]) || LEX.occupations.has(keys[k]))))) {
        titleEnd = k + m[0];
        k += m[0] - 1;
      } else if (titleEnd >= 0 && !LEX.demonyms.longest(keys, k, b) && !LEX.places.longest(keys, k, b)) break;
    }
    // "Deputy Director of Public Prosecution Eva-Marie Persson", "Minister of Foreign Affairs Ana
    // Ruiz": the title's complement runs on to the given name that starts the person's name
    if (titleEnd > a && titleEnd < b - 2 && keys[titleEnd] === 'of') {
      for (let g = titleEnd + 2; g < b - 1; g++) {
        if (LEX.givenNames.has(tokens[g].text) && isCommonGivenName(tokens[g].text)) {
          titleEnd = g;
          break;
        }
      }
    }
    if (namesAPost(a, titleEnd, b)) {
      pieces.push({ i: a, j: b, type: 'DROP' });
      return;
    }
    const runHead = headOf(keys.slice(a, b));
    // "Virginia Democrats", "House Republicans": a party's members, named by place or chamber
    if (titleEnd < 0 && b - a >= 2 && PARTY_MEMBERS.has(keys[b - 1])) {
      pieces.push({ i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) });
      return;
    }
    // "vice president … at Blue Origin", "a doctor at Beth Israel Lahey Health": where a post is
    // held is an organisation, though it opens with a given name
    if (titleEnd < 0 && b - a >= 2 && !lookupWhole(a, b) && employerOfName(a, b) && !placeByPreposition(a, b)) {
      pieces.push({ i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) });
      return;
    }
    // "Dimitris Lagos": a run led by a given name is a person even when a later word is also a
    // place name ("Lagos") — unless a head word makes it an organisation or place
    if (titleEnd < 0 && b - a >= 2 && b - a <= 4 && LEX.givenNames.has(tokens[a].text) && keys[a - 1] !== 'the' && !placeByPreposition(a, b) && !LEX.keywords.org.has(runHead) && !LEX.keywords.place.has(runHead) && !LEX.keywords.drop.has(runHead) && !keys.slice(a, b).some((k) => CONNECTORS.has(k))) {
      pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
      return;
    }
    // "Farah Al-Ibrahim", "Amr El-Sayed": a name, then a hyphened Arabic article and surname, is a
    // person even when the first word is also a place ("Farah")
    if (titleEnd < 0 && b - a >= 3 && b - a <= 6 && !LEX.keywords.org.has(runHead) && !LEX.keywords.place.has(runHead) && !LEX.keywords.drop.has(runHead) && !LEX.demonyms.longest(keys, a, b) && LEX.places.longest(keys, a, b)?.[1].kind !== 'country') {
      const particle = keys.findIndex((_, x) => x > a && x < b - 2 && arabicArticleAt(x));
      if (particle > a && !keys.slice(a, particle).some((k) => CONNECTORS.has(k))) {
        pieces.push({ i: a, j: b, type: 'PERSON', canonical: spanText(a, b) });
        return;
      }
    }
    if (titleEnd < 0 && b - a > 1 && LEX.keywords.org.has(runHead)) {
      // "Asia-Pacific Economic Cooperation", "Chinese Foreign Ministry": one organisation
      let s0 = a;
      while (s0 < b && leadingStopword(s0, b)) s0++;
      const dem = LEX.demonyms.longest(keys, s0, b);
      if (dem) countryAt.set(s0, { code: dem[1].code, end: tokens[s0 + dem[0] - 1].end, text: spanText(s0, s0 + dem[0]) });
      pieces.push({ i: s0, j: b, type: 'ORG', canonical: spanText(s0, b), country: countryIn(s0, b) });
      return;
    }
    if (titleEnd > a && titleEnd <= b) {
      const roleCountry = countryIn(a, titleEnd);
      if (titleEnd === b) {
        // title with no name after it: a role reference ("President", "Russian President")
        segment(a, titleEnd, true);
        return;
      }
      // "Chief Cyber Solutions Officer": the words after the title end in a job title's head
      if (JOB_TITLE_HEADS.has(keys[b - 1]) && !LEX.givenNames.has(tokens[titleEnd].text)) {
        segment(a, b, true);
        return;
      }
      if (!partyRole) segment(a, titleEnd, true); // org/place names inside the role are entities too
      const name = classifyName(titleEnd, b);
      if (name) {
        if (name.type === 'UNKNOWN1' || name.type === 'PERSON') {
          name.type = 'PERSON';
          name.role = { i: a, j: titleEnd, country: roleCountry };
        }
        pieces.push(name);
      }
      return;
    }
    segment(a, b, false);
  }

  /** Greedy lexicon segmentation of a run: known places/orgs/demonyms, the rest grouped as names. */
  function segment(a: number, b: number, insideRole: boolean): void {
    let k = a;
    let unknownStart = -1;
    const flush = (end: number) => {
      if (unknownStart >= 0 && !insideRole) {
        const p = classifyName(unknownStart, end);
        if (p) pieces.push(p);
      }
      unknownStart = -1;
    };
    while (k < b) {
      if (tokens[k].text === '-') {
        // "Life-Giving Trinity Church": a hyphen inside an unknown name keeps it whole
        if (unknownStart < 0 || lookupAt(k + 1, b)) flush(k);
        k++;
        continue;
      }
      const hit = lookupAt(k, b);
      // a venue, a company, a club or a team named after a known name ("Verizon Amphitheatre", "Ford Motor Co.", "Real Madrid", "Buffalo Sabres")
      const led = hit && !insideRole ? nameLedByKnown(k, hit, b, unknownStart) : null;
      if (led) {
        pieces.push(led);
        return;
      }
      // a known prefix followed by an org head ("Chinese Foreign Ministry") is one ORG
      if (hit && unknownStart < 0) {
        const rest = classifyName(hit.j, b);
        if (hit.type === 'DEMONYM' || (hit.type === 'PLACE' && rest?.type === 'ORG')) {
          if (rest && rest.type === 'ORG' && rest.j === b && !insideRole) {
            pieces.push({ i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country });
            if (hit.type === 'DEMONYM') countryAt.set(k, { code: hit.country!, end: tokens[hit.j - 1].end, text: spanText(k, hit.j) });
            return;
          }
        }
      }
      // "West Texas", "Central London": a compass word before a known place that the lexicon does
      // not list with it names a part of that place (after another name it is a surname: "Kanye West")
      const region = unknownStart < 0 && (!hit || hit.j === k + 1) ? regionOfPlace(k, b) : null;
      if (region) {
        pieces.push(region);
        k = region.j;
        continue;
      }
      if (hit) {
        flush(k);
        if (hit.type === 'DEMONYM') countryAt.set(k, { code: hit.country!, end: tokens[hit.j - 1].end, text: spanText(k, hit.j) });
        else if (!insideRole || hit.type === 'ORG' || hit.type === 'PLACE') pieces.push(hit);
        k = hit.j;
        continue;
      }
      if (unknownStart < 0) unknownStart = k;
      k++;
    }
    flush(b);
  }

  /** A capitalised compass word at k and a known place right after it, as one place (else null). */
  function regionOfPlace(k: number, b: number): Piece | null {
    if (!REGION_PREFIXES.has(keys[k]) || !tokens[k].cap || k + 1 >= b || !tokens[k + 1].spaceBefore) return null;
    const place = lookupAt(k + 1, b);
    return place?.type === 'PLACE' ? { i: k, j: place.j, type: 'PLACE', canonical: spanText(k, place.j), country: place.country } : null;
  }

  /**
   * A name that a known organisation or place opens (token k, lexicon hit `hit`, run end b; a
   * pending unknown word from `pendingFrom`, or -1):
   * - a sponsor's name before a venue word is the venue ("Verizon Amphitheatre");
   * - a company's name, more words and a company form are one company ("Ford Motor Co.", "Siemens
   *   Energy GmbH"), which goes by the company's canonical name;
   * - a club is named for its town ("Real Madrid", "Manchester United"; "Brighton and Hove Albion" aside);
   * - in a sports story a place and a nickname are a team ("Buffalo Sabres"), whose nickname alone
   *   joins it later.
   */
  function nameLedByKnown(k: number, hit: Piece, b: number, pendingFrom: number): Piece | null {
    if (hit.type === 'ORG' && pendingFrom < 0 && hit.j < b) {
      if (hit.j === b - 1 && VENUE_HEADS.has(keys[b - 1])) return { i: k, j: b, type: 'PLACE', canonical: spanText(k, b) };
      if (COMPANY_FORMS.has(keys[b - 1]) && tokens[b - 2].text !== '-') return { i: k, j: b, type: 'ORG', canonical: hit.canonical ?? spanText(k, b), country: hit.country };
      if ((unitNames ??= unitsThatEmploy()).has(keys.slice(k, b).join(' '))) return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
    }
    if (hit.type !== 'PLACE') return null;
    if (hit.j === b && pendingFrom === k - 1 && CLUB_PREFIXES.has(keys[k - 1])) return { i: k - 1, j: b, type: 'ORG', canonical: spanText(k - 1, b), country: hit.country };
    if (pendingFrom >= 0) return null;
    if (hit.j === b - 1 && CLUB_SUFFIXES.has(keys[b - 1])) return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
    if (teamNicknameAt(hit.j, b, k > 0 && keys[k - 1] === 'the')) {
      teamByNickname.set(keys.slice(hit.j, b).join(' '), spanText(k, b));
      return { i: k, j: b, type: 'ORG', canonical: spanText(k, b), country: hit.country };
    }
    return null;
  }

  /**
   * Units of known organisations that the article shows employing people ("Google Cloud",
   * "NBC Select"), as token-key phrases: a known organisation, then one to three capitalised
   * everyday words (unitWordsAfter), seen at least once before a post or a staff noun ("NBC
   * Select reporter Zoe Malin", "the NBC Select team") or after "at" following a post ("product
   * manager of AI infrastructure at Google Cloud"). Employing people is what an organisation does
   * and a product does not: "the Nintendo Switch", "Google Maps" stay the company and a word.
   */
  function unitsThatEmploy(): Set<string> {
    const units = new Set<string>();
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.kind !== 'word' || !t.cap) continue;
      const org = LEX.orgs.longest(keys, k);
      if (!org) continue;
      const e = k + org[0];
      const after = unitWordsAfter(e);
      for (let b = e + 1; b <= e + after; b++) {
        const next = tokens[b];
        const postAfter = !!next && next.kind === 'word' && !next.cap && next.spaceBefore && (STAFF_NOUNS.has(next.key) || isPostAt(b) || (tokens[b + 1]?.kind === 'word' && !tokens[b + 1].cap && JOB_TITLE_HEADS.has(keys[b + 1])));
        if (postAfter || (b === e + after && postBeforeAt(k, UNIT_POST_REACH, false))) units.add(keys.slice(k, b).join(' '));
      }
      k = e - 1;
    }
    return units;
  }

  /** How many tokens from a, up to three, are capitalised everyday words that could name a unit (no names, titles, places, times). */
  function unitWordsAfter(a: number): number {
    let n = 0;
    while (n < 3 && a + n < tokens.length) {
      const t = tokens[a + n];
      if (t.kind !== 'word' || !t.cap || !t.spaceBefore || t.text === t.text.toUpperCase() || sentOf[a + n] !== sentOf[a]) break;
      if (!isCommonEnglishWord(t.key) || LEX.stopwords.has(t.key) || LEX.givenNames.has(t.text) || LEX.surnames.has(t.text) || isCommonGivenName(t.text)) break;
      if (LEX.titles.has(t.key) || LEX.keywords.drop.has(t.key) || LEX.keywords.place.has(t.key) || WEEKDAYS.has(t.key) || MONTHS.has(t.key) || LEX.places.longest(keys, a + n, a + n + 1) || LEX.orgs.longest(keys, a + n, a + n + 1)) break;
      n++;
    }
    return n;
  }

  /**
   * "… manager of AI infrastructure at <k>": "at" right before token k, with a post among the
   * `reach` tokens before "at" in the sentence. `strict` (a name read as the employer): "at" spaced
   * from the name, the post in lower case, no ";" or "." between.
   */
  function postBeforeAt(k: number, reach: number, strict: boolean): boolean {
    if (keys[k - 1] !== 'at' || (strict && !tokens[k].spaceBefore)) return false;
    for (let q = k - 2; q >= 0 && q >= k - 1 - reach && sentOf[q] === sentOf[k]; q--) {
      if (strict && (tokens[q].text === ';' || tokens[q].text === '.')) return false;
      if ((!strict || !tokens[q].cap) && isPostAt(q)) return true;
    }
    return false;
  }

  /**
   * The name [a, b) is where a post is held ("… at Blue Origin"): it ends its run, and it is not a
   * given name and a surname ("the reporter looked at John Smith").
   */
  function employerOfName(a: number, b: number): boolean {
    if (isNameToken(tokens[b]) || !postBeforeAt(a, EMPLOYER_POST_REACH, true)) return false;
    return !((LEX.givenNames.has(tokens[a].text) || isCommonGivenName(tokens[a].text)) && (b - a === 1 || LEX.surnames.has(tokens[b - 1].text)));
  }

  /** A post at token q: a title ("reporter", "director") or a job's head word ("manager", "engineer"). */
  function isPostAt(q: number): boolean {
    return tokens[q].kind === 'word' && (JOB_TITLE_HEADS.has(keys[q]) || !!LEX.titles.longest(keys, q));
  }

  /**
   * "Commissioner of Police", "Senior Vice President of Sales": a run that is all title up to
   * "of"/"for", then one or two everyday words, names a post, no one ("United Nations High
   * Commissioner for Human Rights" keeps its body: the run is not all title before "for").
   */
  function namesAPost(a: number, titleEnd: number, b: number): boolean {
    if (titleEnd <= a || titleEnd >= b - 1 || b - titleEnd > 3 || (keys[titleEnd] !== 'of' && keys[titleEnd] !== 'for')) return false;
    if (!keys.slice(a, titleEnd).every((k) => LEX.titles.has(k) || LEX.roleModifiers.has(k)) || lookupAt(titleEnd + 1, b)) return false;
    return tokens.slice(titleEnd + 1, b).every((t) => isCommonEnglishWord(t.key) && !LEX.givenNames.has(t.text) && !LEX.surnames.has(t.text) && !LEX.places.has(t.key));
  }

  /** Whether a listed organisation's name starting inside tokens[i, j) runs past token j (listed names are short: the last 8 tokens are asked). */
  function listedNameCrosses(i: number, j: number): boolean {
    for (let k = Math.max(i, j - 8); k < j; k++) {
      const hit = LEX.orgs.longest(keys, k);
      if (hit && k + hit[0] > j) return true;
    }
    return false;
  }

  /**
   * In a sports story, the rest of a run after a place is a team's nickname: one or two
   * capitalised everyday words ("Sabres", "Red Wings", "Red Sox"), no given name or surname
   * ("Paris Hilton", "Virginia Woolf"), no demonym, place or organisation head. After "the" a
   * surname is a nickname too ("the Minnesota Wild", "the Miami Heat"): no one's name takes the
   * article.
   */
  function teamNicknameAt(a: number, b: number, afterThe: boolean): boolean {
    if (b - a < 1 || b - a > 2 || !isSportsText()) return false;
    for (let k = a; k < b; k++) {
      const t = tokens[k];
      if (!isNameToken(t) || !t.spaceBefore || t.text === t.text.toUpperCase()) return false;
      const singular = t.key.endsWith('s') ? t.key.slice(0, -1) : t.key;
      if (t.key.endsWith('ss') || !(isCommonEnglishWord(t.key) || isCommonEnglishWord(singular) || (k === b - 1 && t.key.endsWith('s') && t.key.length > 4))) return false;
      if (!afterThe && (LEX.givenNames.has(t.text) || LEX.surnames.has(t.text) || isCommonGivenName(t.text))) return false;
      if (t.key === 'area' || LEX.keywords.place.has(t.key) || LEX.keywords.org.has(t.key) || LEX.keywords.drop.has(t.key) || LEX.demonyms.longest(keys, k, k + 1) || LEX.places.longest(keys, k, k + 1) || LEX.titles.has(t.key)) return false;
    }
    return true;
  }

  function spanText(a: number, b: number): string {
    return text.slice(tokens[a].start, tokens[b - 1].end);
  }

  function countryIn(a: number, b: number): string | undefined {
    for (let k = a; k < b; k++) {
      const d = LEX.demonyms.longest(keys, k, b);
      if (d) return d[1].code;
      const p = LEX.places.longest(keys, k, b);
      if (p && p[1].kind === 'country') return p[1].country;
      const o = LEX.orgs.longest(keys, k, b);
      const orgCountry = o && countryOfOrgCode(o[1].code);
      if (orgCountry) return orgCountry;
    }
    return undefined;
  }

  function lookupWhole(a: number, b: number): Piece | null {
    const h = lookupAt(a, b);
    return h && h.j === b && h.type !== 'DEMONYM' ? h : null;
  }

  /** A capitalised acronym alias of a listed organisation ("WHO"), written as listed. */
  function isListedAcronym(k: number): boolean {
    const t = tokens[k].text;
    return /^[A-Z]{2,}$/.test(t) && LEX.orgs.longest(keys, k, k + 1)?.[1].acronym === t;
  }

  /** Whether the capitalised words from k end in a place head word ("Peachtree Street"). */
  function namesPlaceAfter(k: number): boolean {
    let last = -1;
    for (let q = k; q < tokens.length && q < k + 5 && isNameToken(tokens[q]); q++) last = q;
    return last >= 0 && LEX.keywords.place.has(keys[last]);
  }

  /** The Arabic article hyphened to the next word, after a space: "al-" of "Bashar al-Assad", "Al-" of "Farah Al-Ibrahim". */
  function arabicArticleAt(k: number): boolean {
    return (keys[k] === 'al' || keys[k] === 'el') && tokens[k].spaceBefore && tokens[k + 1]?.text === '-' && !tokens[k + 1].spaceBefore;
  }

  function lookupAt(k: number, b: number): Piece | null {
    let org = LEX.orgs.longest(keys, k, b);
    let place = LEX.places.longest(keys, k, b);
    const writtenAs = (len: number) => text.slice(tokens[k].start, tokens[k + len - 1].end).replace(/\./g, '');
    if (org && org[1].acronym && writtenAs(org[0]) !== org[1].acronym) org = null;
    if (place && place[1].acronym && writtenAs(place[0]) !== place[1].acronym) place = null;
    const dem = LEX.demonyms.longest(keys, k, b);
    let best: Piece | null = null;
    const consider = (len: number, p: Piece) => {
      if (!best || len > best.j - best.i) best = p;
    };
    if (org) consider(org[0], orgPiece(k, k + org[0], org[1]));
    if (place) {
      // "Mediterranean Sea", "Pineios River": a known place followed by a geographic head word
      let len = place[0];
      if (k + len < b && tokens[k + len].cap && LEX.keywords.place.has(keys[k + len])) len++;
      const piece = placePiece(k, k + len, place[1]);
      if (len > place[0]) piece.canonical = spanText(k, k + len);
      consider(len, piece);
    }
    if (dem) consider(dem[0], { i: k, j: k + dem[0], type: 'DEMONYM', country: dem[1].code });
    // "US" / "U.S." are listed as both a country and a demonym: as a modifier of a following
    // capitalised name it is an adjective; standing alone it is the country.
    return best;
  }

  function orgPiece(a: number, b: number, info: OrgInfo): Piece {
    return { i: a, j: b, type: 'ORG', canonical: info.canonical || spanText(a, b), country: countryOfOrgCode(info.code), lexicon: true };
  }
  function placePiece(a: number, b: number, info: PlaceInfo): Piece {
    return { i: a, j: b, type: 'PLACE', canonical: info.canonical, country: info.country || undefined, placeKind: info.kind, lexicon: true };
  }

  /** Types a run of capitalised tokens that no lexicon knows. */
  /**
   * "in Khan Younis", "near Puerto Cabezas": a name of several words right after a preposition of
   * place, that starts with no everyday given name ("interest in Elon Musk") and owns nothing ("in
   * Kim Yo Jong's speech"). The gazetteer's given names are not asked: they hold place-like words.
   */
  function placeByPreposition(a: number, b: number): boolean {
    if (b - a < 2 || !LOCATIVE_PREPS.has(keys[a - 1] ?? '') || isCommonGivenName(tokens[a].text) || keys[b] === "'s" || tokens[b]?.text === '\u2019') return false;
    // "Frontiers in Human Neuroscience", "Spotlight on ...": a capitalised word before the preposition makes a title
    if (tokens[a - 2]?.cap && tokens[a - 2].kind === 'word' && !tokens[a - 1].cap && !startLike(a - 2)) return false;
    // "in AI CoEs", "in Bermuda BLE Trilateration": capitals inside are a product's or programme's
    for (let k = a; k < b; k++) if (tokens[k].text.length > 1 && /^[\p{Lu}\d]+$/u.test(tokens[k].text)) return false;
    // "in East African coffees", "in Part II": an adjective of origin or a numbered part
    const last = keys[b - 1].replace(/\.$/, '');
    return !LEX.demonyms.longest(keys, b - 1, b) && !ROMAN.has(last) && last !== 'i';
  }

  /**
   * A product's model name, which names no person, organisation or place: several words ending in
   * a tier ("Arlo Pro", "Ring Floodlight Cam Pro"), or holding a model code ("Razer DeathAdder V4",
   * "Niu Kqi3 Max"). Not "Peter Max": a given name and "Max" alone make a person.
   */
  function isModelName(a: number, b: number): boolean {
    if (b - a < 2) return false;
    const last = keys[b - 1];
    if (MODEL_TIERS.has(last) && !(last === 'max' && b - a === 2 && LEX.givenNames.has(tokens[a].text))) return true;
    // ("COVID19 Task Force": a code inside an organisation's name is the organisation's)
    if (LEX.keywords.org.has(last) || COMPANY_FORMS.has(last)) return false;
    for (let k = a; k < b; k++) if (MODEL_CODE.test(tokens[k].text) && /\p{Lu}/u.test(tokens[k].text)) return true;
    return false;
  }

  /** A word in capitals on a line of its own, or within three words of other everyday words in capitals. */
  function shoutedOrLabel(k: number): boolean {
    const next = tokens[k + 1];
    if ((k === 0 || tokens[k].newlineBefore) && (!next || next.newlineBefore)) return true;
    for (let q = Math.max(0, k - 3); q <= k + 3 && q < tokens.length; q++) {
      if (q === k || sentOf[q] !== sentOf[k]) continue;
      const t = tokens[q].text;
      if (t.length >= 2 && /^[A-Z]+$/.test(t) && isCommonEnglishWord(t)) return true;
    }
    return false;
  }

  /**
   * A capitalised word at k set in lower-case prose the way stress is: after a subject pronoun or
   * a modal ("I LOVE", "can VARY"), as a quantity ("a LOT of", "a TON,"), or written in capitals
   * only this once by an article that also writes it in lower case ("a FULL resource").
   */
  function stressedInProse(k: number): boolean {
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (!prev || !next || tokens[k].newlineBefore || next.newlineBefore) return false;
    const prevInProse = prev.text === 'I' || prev.kind === 'num' || (prev.kind === 'word' && !prev.cap);
    const nextInProse = (next.kind === 'word' && !next.cap) || SENTENCE_PUNCTUATION.has(next.text);
    if (!prevInProse || !nextInProse) return false;
    // "told TIME", "detained by ICE", "Lens, and CORE": where a name is met, not stress
    if (NAME_LEAD_WORDS.has(prev.key) || LEX.speechVerbs.has(prev.key)) return false;
    if (prev.text === 'I' || STRESS_LEAD_WORDS.has(prev.key)) return true;
    if ((prev.key === 'a' || prev.key === 'an') && (next.key === 'of' || SENTENCE_PUNCTUATION.has(next.text))) return true;
    return lowerSeen.has(keys[k]) && capitalsCount(tokens[k].text) === 1;
  }

  /** How many tokens are written exactly `text` (counted once per article, on first use). */
  function capitalsCount(text: string): number {
    if (!capitalsCounts) {
      capitalsCounts = new Map();
      for (const t of tokens) if (t.kind === 'word' && t.text.length >= 3 && /^[A-Z]+$/.test(t.text)) capitalsCounts.set(t.text, (capitalsCounts.get(t.text) ?? 0) + 1);
    }
    return capitalsCounts.get(text) ?? 0;
  }

  function classifyName(a: number, b: number): Piece | null {
    while (a < b && (leadingStopword(a, b) || tokens[a].text === '-')) a++;
    if (a >= b) return null;
    const whole = lookupWhole(a, b);
    if (whole) return whole;
    // "written in Python", "on Android", "via Bluetooth": a technology, not a place or a company
    if (LEX.technologies.has(spanText(a, b).toLowerCase())) return { i: a, j: b, type: 'DROP' };
    const ks = keys.slice(a, b);
    const head = headOf(ks);
    if (LEX.keywords.drop.has(head) || (ROMAN.has(ks[ks.length - 1]) && ks.length > 1 && LEX.keywords.drop.has(ks[ks.length - 2]))) return { i: a, j: b, type: 'DROP' };
    // "vice president of Advanced Development Programs at Blue Origin", "an engineer at Ridgeline":
    // where a post is held is an organisation (unless a given name opens the name)
    if (employerOfName(a, b) && !placeByPreposition(a, b)) return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) };
    // "Lena Park", "Ada Hill", "Min-jun Park": a given name before a place-like surname makes a person
    const hyphenedGivenName = tokens[a + 1]?.text === '-' && isGivenNameSyllable(tokens[a + 2]);
    const personLike = (LEX.givenNames.has(tokens[a].text) && b - a <= 3) || (hyphenedGivenName && b - a <= 5);
    if (isModelName(a, b)) return { i: a, j: b, type: 'DROP' };
    // "Ford Motor Co.", "Barclays PLC", "Siemens Energy GmbH": a company form ends a company's name
    if (COMPANY_FORMS.has(head) && b - a > 1 && tokens[b - 2].text !== '-') return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) };
    // "Citizens Bank Park", "MIDFLORIDA Credit Union Amphitheatre": a sponsor's organisation words do not make a venue a body
    if (VENUE_HEADS.has(head) && b - a > 1 && !LEX.keywords.org.has(ks[0]) && !(head === 'park' && personLike)) return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), country: countryIn(a, b) };
    if ((LEX.keywords.org.has(head) && b - a > 1) || ks.some((k) => LEX.keywords.org.has(k) && ks.length > 1 && k !== ks[0])) {
      // "Unification Ministry", "Center for European Policy Analysis", "CBS News"
      return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) };
    }
    if (LEX.keywords.place.has(head) && b - a > 1 && !personLike) return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), country: countryIn(a, b) };
    const tx = tokens[a].text;
    if (b - a === 1) {
      // acronyms are organisations ("INSS", "KCNA"); other single words need evidence (pass 2)
      if (ROMAN.has(keys[a])) return null;
      // everyday abbreviations ("AI", "CEO", "DNA", "SUV") name nothing
      if (LEX.commonAcronyms.has(tx)) return { i: a, j: b, type: 'DROP' };
      // a single letter alone ("Plan C", "grade B", "the C language") names no one
      if (tx.length === 1) return { i: a, j: b, type: 'DROP' };
      // a heading or table cell of one word the article also writes in lower case ("Cons",
      // "Best", "Basic" on a line of their own) names nothing
      if (tokens[a].newlineBefore && (b >= tokens.length || tokens[b].newlineBefore) && lowerSeen.has(keys[a]) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
      // "Jun 08, 2023", "2011 Jun;18": a month's short form beside a day or a year is a date (as a
      // name, "Jun" stands alone)
      if (BARE_MONTH_ABBREVIATIONS.has(keys[a]) && ((tokens[b]?.kind === 'num' && tokens[b].spaceBefore) || (tokens[a - 1]?.kind === 'num' && /^(?:19|20)\d\d$/.test(tokens[a - 1].text)))) return { i: a, j: b, type: 'DROP' };
      // "Note:", "Editor's Note:", "Tip:": a label before a colon
      if (tokens[b]?.text === ':' && (LABEL_WORDS.has(keys[a]) || lowerSeen.has(keys[a]))) return { i: a, j: b, type: 'DROP' };
      // "SACHA PFEIFFER, HOST:", "JOHN ROE, BYLINE:": a broadcast transcript's role label after the speaker
      if (tokens[a - 1]?.text === ',' && tokens[b]?.text === ':' && tx === tx.toUpperCase() && (TRANSCRIPT_LABELS.has(keys[a]) || isCommonEnglishWord(tx))) return { i: a, j: b, type: 'DROP' };
      // "in the Republican presidential primary": a party's adjective alone names no place or body
      if (PARTY_ADJECTIVES.has(keys[a])) return { i: a, j: b, type: 'DROP' };
      // "in Q3", "H1 results", "FY2019": quarters, halves and fiscal years are times, no places
      if (/^(?:Q[1-4]|H[12]|FY\d{2,4})$/.test(tx)) return { i: a, j: b, type: 'DROP' };
      // "reached Mars", "orbits Jupiter": a planet named alone is a place, not a person's surname
      // (inside a longer name it is the name's: "Bruno Mars", "Escape MARS 2.0 Screen")
      if (PLANETS.has(keys[a]) && tx !== tx.toUpperCase()) return { i: a, j: b, type: 'PLACE', canonical: tx };
      // "Brent crude", "Urals crude": an oil benchmark, no person or place
      if (keys[b] === 'crude' && !tokens[b].cap) return { i: a, j: b, type: 'DROP' };
      // "ELAZIG, Turkey (Reuters) -": a dateline's town in capitals before its country is no acronym
      if ((tokens[a].newlineBefore || a === 0) && datelineTown(a, b)) return { i: a, j: b, type: 'UNKNOWN1' };
      // "They WILL NOT WORK", "GET OUT and VOTE", "STAFF" over a credits list: an everyday word in
      // capitals that the article also writes in lower case, on a line of its own or beside other
      // such capitals, is emphasis or a label, no acronym ("according to SELF" stays the magazine,
      // "ICE agents detained" the agency)
      // So is one alone inside lower-case prose the way stress is ("this FREE guide", "I LOVE
      // getting", "works GREAT with", "a TON of"; "detained by ICE on Monday" stays the agency)
      if (tx.length >= 3 && /^[A-Z]+$/.test(tx) && isCommonEnglishWord(tx) && ((lowerSeen.has(keys[a]) && shoutedOrLabel(a)) || stressedInProse(a))) return { i: a, j: b, type: 'DROP' };
      if (tx.length >= 2 && tx.length <= 6 && tx === tx.toUpperCase() && /^[A-Z]+$/.test(tx)) return { i: a, j: b, type: 'ORG', canonical: tx };
      return { i: a, j: b, type: 'UNKNOWN1' };
    }
    // a person's name has a handful of words; longer capitalised runs are headlines or noise
    if (b - a > 6) return { i: a, j: b, type: 'DROP' };
    // "Plan B", "Grade C", "Vitamin D": a word and a letter, unless the word is a given name ("Cardi B" aside)
    if (b - a <= 3 && tokens[b - 1].text.length === 1 && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
    // "JAMA Psychiatry", "NHS Trust": a name led by an acronym is an organisation, not a person
    if (/^[A-Z]{2,6}$/.test(tx) && !LEX.commonAcronyms.has(tx) && tokens[a + 1].text !== '-' && !tokens.slice(a + 1, b).some((t) => t.text === t.text.toUpperCase())) {
      // ... unless a full name follows the organisation's words: "NASA Administrator Jim Bridenstine"
      // is a person whose role is "NASA Administrator"
      for (let g = a + 2; g < b - 1; g++) {
        if (!LEX.givenNames.has(tokens[g].text) || !isCommonGivenName(tokens[g].text)) continue;
        const name = classifyName(g, b);
        if (name && (name.type === 'PERSON' || name.type === 'UNKNOWN1')) return { ...name, type: 'PERSON', role: { i: a, j: g, country: countryIn(a, g) } };
      }
      return { i: a, j: b, type: 'ORG', canonical: spanText(a, b), country: countryIn(a, b) };
    }
    // "Wi-Fi", "Z-Wave", "E-Commerce": one hyphenated word with a one- or two-letter part is a term
    if (b - a === 3 && tokens[a + 1].text === '-' && !tokens[a + 1].spaceBefore && !NAME_PARTICLES.has(keys[a]) && (tokens[a].text.length <= 2 || tokens[a + 2].text.length <= 2)) return { i: a, j: b, type: 'DROP' };
    // multi-word: a sentence opener glued to a name ("Concern Kim"...) is rare; treat as PERSON
    // ("Visit Budlong to learn more", "Contact Craft Music today": a call to action's verb opens the sentence)
    if (startLike(a) && !LEX.givenNames.has(tx) && (lowerSeen.has(keys[a]) || LEX.speechVerbs.has(keys[a]) || CALL_TO_ACTION_VERBS.has(keys[a]))) {
      return classifyName(a + 1, b);
    }
    // "the Harbor Ledger": a name after "the" is an organisation, not a person
    if (keys[a - 1] === 'the' && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'ORG', canonical: spanText(a, b) };
    // "European Funding ...": a regional adjective does not start a person's name
    if (REGIONAL_ADJECTIVES.has(keys[a])) return { i: a, j: b, type: 'DROP' };
    // a short line of capitalised words ("Visa Details", "Final Words") is a heading
    if (tokens[a].newlineBefore && (b >= tokens.length || tokens[b].newlineBefore) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
    // headers and codes ("PRINT EDITION", "Page A9") are not names
    const allCaps = tokens.slice(a, b).every((t) => t.text.length > 1 && t.text === t.text.toUpperCase());
    if (tokens.slice(a, b).some((t) => /\d/.test(t.text)) || (allCaps && !LEX.givenNames.has(titleCaseWord(tx)))) return { i: a, j: b, type: 'DROP' };
    // Capitalised words the article also uses as ordinary lowercase words ("Stress Reduction",
    // "Active Noise Cancellation", a film called "Come See Me In The Light") make a heading,
    // programme or title, not a person — unless a known given name or surname says otherwise.
    if (chineseSurnameHe(a, b)) return { i: a, j: b, type: 'PERSON', canonical: spanText(a, b) };
    if (!LEX.givenNames.has(tx) && !LEX.surnames.has(tokens[b - 1].text) && keys.slice(a, b).some((k) => lowerSeen.has(k))) {
      // "Deputy Editor Katie Bandurski": the name starts after the title words or at a given name
      let k = a;
      while (k < b - 2 && LEX.titles.has(keys[k])) k++;
      if (k > a) return classifyName(k, b);
      for (k = a + 1; k < b - 1; k++) if (LEX.givenNames.has(tokens[k].text)) return classifyName(k, b);
      return { i: a, j: b, type: 'DROP' };
    }
    // "Product Manager", "Senior Research Scientist": a job title, not a person
    if (JOB_TITLE_HEADS.has(keys[b - 1]) && !LEX.givenNames.has(tx)) return { i: a, j: b, type: 'DROP' };
    // "Reading Time", "Workspace Studio", "Echo Show": capitalised words ending in an everyday word,
    // with no given name in front and no surname at the end, are a product, feature or heading
    const last = tokens[b - 1].text;
    if (isCommonEnglishWord(last) && !LEX.surnames.has(last) && !LEX.givenNames.has(tx) && !isCommonGivenName(tx)) return { i: a, j: b, type: 'DROP' };
    // "in Khan Younis", "near Puerto Cabezas": an unknown name right after a preposition of place is
    // a place, unless it starts with an everyday given name ("interest in Elon Musk") or is an
    // owner ("in Kim Yo Jong's speech")
    if (placeByPreposition(a, b)) {
      return { i: a, j: b, type: 'PLACE', canonical: spanText(a, b), contextTyped: true };
    }
    return { i: a, j: b, type: 'PERSON', canonical: spanText(a, b) };
  }

  // An acronym defined after words that are not a name ("large language models (LLMs)",
  // "Mindfulness-Based Stress Reduction (MBSR)", a method the article names) is no organisation.
  const acronymOrgs = pieces.filter((p) => p.type === 'ORG' && p.j - p.i === 1 && !p.lexicon);
  if (acronymOrgs.length) {
    const nonEntityAcronyms = acronymsDefinedAsNonNames();
    for (const p of acronymOrgs) if (nonEntityAcronyms.has(tokens[p.i].text)) p.type = 'DROP';
  }

  /** Acronyms whose spelled-out words right before them are lowercase or not an organisation or place. */
  function acronymsDefinedAsNonNames(): Set<string> {
    const out = new Set<string>();
    const pieceAt = new Map<number, Piece>();
    for (const p of pieces) for (let k = p.i; k < p.j; k++) pieceAt.set(k, p);
    for (let k = 2; k + 1 < tokens.length; k++) {
      // "... (XYZ)" or "..., or XYZ,"
      const parenthesised = tokens[k - 1].text === '(' && tokens[k + 1].text === ')';
      const orComma = tokens[k - 1].key === 'or' && tokens[k - 2].text === ',' && (tokens[k + 1].text === ',' || tokens[k + 1].text === ')');
      if (!parenthesised && !orComma) continue;
      const acro = tokens[k].text.replace(/s$/, '');
      if (acro.length < 2 || acro.length > 6 || !/^[A-Z]+$/.test(acro)) continue;
      // the words before "(" or ", or", right to left, skipping hyphens and function words
      let q = parenthesised ? k - 2 : k - 3;
      let letter = acro.length - 1;
      let lower = false;
      const spanned: number[] = [];
      while (q >= 0 && letter >= 0 && k - q < 16) {
        const u = tokens[q];
        if (u.text === '-' || (u.kind === 'word' && !u.cap && (CONNECTORS.has(u.key) || u.key === 'and' || u.key === 'the'))) {
          q--;
          continue;
        }
        if (u.kind !== 'word' || u.text[0].toUpperCase() !== acro[letter]) break;
        if (!u.cap) lower = true;
        spanned.push(q);
        letter--;
        q--;
      }
      if (letter >= 0) continue; // not spelled out right before it
      const typed = spanned.some((t) => {
        const p = pieceAt.get(t);
        return !!p && (p.type === 'ORG' || p.type === 'PLACE');
      });
      if (lower || !typed) out.add(tokens[k].text);
    }
    return out;
  }

  // ---- 2. decide single words and collect person name tokens ----
  const personTokens = new Map<string, number>(); // token key → count of full names containing it as first/last
  for (const p of pieces) {
    if (p.type === 'PERSON' && p.j - p.i > 1) {
      const first = keys[p.i];
      const last = keys[p.j - 1];
      personTokens.set(first, (personTokens.get(first) ?? 0) + 1);
      personTokens.set(last, (personTokens.get(last) ?? 0) + 1);
    }
  }
  // a sentence opener glued to a known surname ("Welcome Putin" in a chant): drop the opener
  const capMidSentence = new Set<string>();
  tokens.forEach((t, k) => {
    if (t.cap && !startLike(k)) capMidSentence.add(t.key);
  });
  const lastTokenOfPersons = new Map<string, number>();
  for (const o of pieces) if (o.type === 'PERSON' && o.j - o.i > 1) lastTokenOfPersons.set(keys[o.j - 1], (lastTokenOfPersons.get(keys[o.j - 1]) ?? 0) + 1);
  for (const p of pieces) {
    if (p.type !== 'PERSON' || p.j - p.i !== 2 || !startLike(p.i) || p.role) continue;
    const first = tokens[p.i];
    if (LEX.givenNames.has(first.text) || capMidSentence.has(first.key)) continue;
    const lastKey = keys[p.j - 1];
    const elsewhere = (lastTokenOfPersons.get(lastKey) ?? 0) > 1;
    if (elsewhere) {
      p.i += 1;
      p.canonical = spanText(p.i, p.j);
    }
  }
  const placeEndingAt = new Set<number>();
  const placeStartingAt = new Set<number>();
  for (const p of pieces) {
    if (p.type !== 'PLACE') continue;
    placeEndingAt.add(p.j - 1);
    placeStartingAt.add(p.i);
  }
  // a lone city or company name that is also the name of a person in the article is that person
  // ("Lagos" after "Dimitris Lagos", "Ford" after "Harrison Ford")
  for (const p of pieces) {
    const lexiconWord = (p.type === 'PLACE' && p.placeKind === 'city') || (p.type === 'ORG' && tokens[p.i].text !== tokens[p.i].text.toUpperCase());
    if (lexiconWord && p.j - p.i === 1 && personTokens.has(keys[p.i])) {
      p.type = 'PERSON';
      p.canonical = spanText(p.i, p.j);
      p.country = undefined;
    }
  }
  // last words of multi-word organisation names ("the Harbor Ledger" ... "The Ledger said")
  const orgTokens = new Set<string>();
  for (const p of pieces) if (p.type === 'ORG' && p.j - p.i > 1 && !LEX.keywords.org.has(keys[p.j - 1])) orgTokens.add(keys[p.j - 1]);
  // capitalised words seen more than once mid-sentence (never in lowercase)
  const midCount = new Map<string, number>();
  // (at least once in running text: a heading repeated under every review, "Pros and Cons", is no brand)
  const inRunningText = new Set<string>();
  for (const p of pieces) {
    if (p.type !== 'UNKNOWN1' || startLike(p.i)) continue;
    midCount.set(keys[p.i], (midCount.get(keys[p.i]) ?? 0) + 1);
    if (!titleCaseLine[p.i]) inRunningText.add(keys[p.i]);
  }
  for (const k of midCount.keys()) if (!inRunningText.has(k)) midCount.delete(k);
  // context typing runs twice so that a place typed in the first pass can type its neighbours
  // in a list ("Larissa, Trikala and Karditsa")
  for (let pass = 0; pass < 2; pass++) {
    for (const p of pieces) {
      if (p.type !== 'UNKNOWN1') continue;
      const hint = contextType(p.i, p.j);
      if (hint && !personTokens.has(keys[p.i])) {
        p.type = hint;
        p.canonical = spanText(p.i, p.j);
        p.contextTyped = true;
        if (hint === 'PLACE') {
          placeEndingAt.add(p.j - 1);
          placeStartingAt.add(p.i);
        }
      }
    }
    // propagate within the article before the second pass
    const typed = new Map<string, Piece['type']>();
    for (const o of pieces) if (o.contextTyped && o.j - o.i === 1) typed.set(keys[o.i], o.type);
    for (const p of pieces) {
      if (p.type !== 'UNKNOWN1') continue;
      const sameType = typed.get(keys[p.i]);
      if (sameType) {
        p.type = sameType;
        p.canonical = spanText(p.i, p.j);
        p.contextTyped = true;
        if (p.type === 'PLACE') {
          placeEndingAt.add(p.j - 1);
          placeStartingAt.add(p.i);
        }
      }
    }
  }
  for (const p of pieces) {
    if (p.type !== 'UNKNOWN1') continue;
    const k = keys[p.i];
    if (orgTokens.has(k) && !personTokens.has(k)) {
      p.type = 'ORG';
      p.canonical = spanText(p.i, p.j);
      continue;
    }
    // a name repeated mid-sentence that no lexicon knows and no person carries: an organisation
    // or brand more often than anything else ("Parcelio")
    // (an everyday word the article happens to capitalise, "Storage", "Thread", is no brand to us)
    if ((midCount.get(k) ?? 0) >= 2 && !lowerSeen.has(k) && !personTokens.has(k) && !REGIONAL_ADJECTIVES.has(k) && !k.endsWith('ern') && !LEX.givenNames.has(tokens[p.i].text) && !LEX.surnames.has(tokens[p.i].text) && !isCommonEnglishWord(k)) {
      p.type = 'ORG';
      p.canonical = spanText(p.i, p.j);
      p.contextTyped = true;
      continue;
    }
    const hint = contextType(p.i, p.j);
    if (hint && !personTokens.has(k)) {
      p.type = hint;
      p.canonical = spanText(p.i, p.j);
      p.contextTyped = true;
      continue;
    }
    const atStart = startLike(p.i);
    const next = keys[p.j];
    const cueAfter = next !== undefined && LEX.speechVerbs.has(next);
    if (personTokens.has(k)) p.type = 'PERSON';
    else if (LEX.stopwords.has(k)) p.type = 'DROP';
    else if (atStart && lowerSeen.has(k)) p.type = 'DROP';
    else if (p.role) p.type = 'PERSON';
    // "Set a budget", "Will the talks resume": a given name that is also a word, opening a sentence
    // before an object, is the verb
    else if (LEX.givenNames.has(tokens[p.i].text) && !lowerSeen.has(k) && !(atStart && IMPERATIVE_OBJECT.has(next ?? ''))) p.type = 'PERSON';
    else if (!atStart && LEX.surnames.has(tokens[p.i].text) && !lowerSeen.has(k) && !LEX.places.has(k)) p.type = 'PERSON';
    // "Erdogan met Netanyahu": a known surname opening a sentence, before a finite verb, is the
    // person too when it is no everyday word ("Young voters stayed home" stays words)
    else if (atStart && LEX.surnames.has(tokens[p.i].text) && !lowerSeen.has(k) && !LEX.places.has(k) && !isCommonEnglishWord(k) && finiteVerbAt(p.j)) p.type = 'PERSON';
    else if (cueAfter && !atStart) p.type = 'PERSON';
    // "Stoltenberg met Zelensky in Kyiv", "thanked Biden for": the one met, thanked or phoned is a
    // person, when no everyday word and when the name ends its phrase ("met Microsoft executives" does not)
    else if (!atStart && PERSON_OBJECT_VERBS.has(keys[p.i - 1] ?? '') && !isCommonEnglishWord(k) && !lowerSeen.has(k) && (!tokens[p.j] || CLAUSE_PUNCTUATION.has(tokens[p.j].text) || NAME_PHRASE_ENDS.has(keys[p.j]))) p.type = 'PERSON';
    else p.type = 'DROP';
  }
  /** Token k looks like a finite verb: a verb of speech, an auxiliary, a past in -ed or a common irregular past. */
  function finiteVerbAt(k: number): boolean {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || t.cap) return false;
    return LEX.speechVerbs.has(t.key) || FINITE_AUXILIARIES.has(t.key) || IRREGULAR_PAST.has(t.key) || (t.key.endsWith('ed') && t.key.length > 4);
  }

  // one sense per article: a single word typed by context in one place keeps that type elsewhere
  // ("the town of Peniche" ... "fishermen from Peniche"; "Storm Daniel" ... "after Daniel")
  const typedByContext = new Map<string, Piece['type']>();
  // "In Khan Younis, ..." then "Residents fled Khan Younis": a run typed a place by its preposition
  // (not when the name is more often a person's: "featured in Dawoud Bey and Carrie Mae Weems")
  const placeVotes = new Map<string, number>();
  for (const p of pieces) {
    if (p.j - p.i === 1 && (p.type === 'PLACE' || p.type === 'ORG') && p.contextTyped) typedByContext.set(keys[p.i], p.type);
    if (p.type === 'DROP' && p.j - p.i === 2 && LEX.keywords['drop-first'].has(keys[p.i])) typedByContext.set(keys[p.j - 1], 'DROP');
    if (p.j - p.i > 1 && (p.type === 'PERSON' || (p.type === 'PLACE' && p.contextTyped))) {
      const run = keys.slice(p.i, p.j).join(' ');
      placeVotes.set(run, (placeVotes.get(run) ?? 0) + (p.type === 'PLACE' ? 1 : -1));
    }
  }
  for (const p of pieces) {
    if (p.contextTyped || p.role) continue;
    if (p.j - p.i > 1) {
      if (p.type === 'PERSON' && (placeVotes.get(keys.slice(p.i, p.j).join(' ')) ?? 0) > 0) p.type = 'PLACE';
      continue;
    }
    const t = typedByContext.get(keys[p.i]);
    if (!t || personTokens.has(keys[p.i])) continue;
    if (p.type === 'PERSON' || p.type === 'DROP' || (t === 'DROP' && p.type !== 'ORG')) {
      p.type = t;
      p.canonical = spanText(p.i, p.j);
    }
  }

  /**
   * Context that types an unknown single name: "in Peniche" (a place), "the Pineios river",
   * "The Bezorgersbond, a union representing couriers" (the appositive's head word).
   */
  function contextType(i: number, j: number): EntityType | null {
    if (startLike(i) && lowerSeen.has(keys[i])) return null;
    let before = tokens[i - 1];
    // "in the Alentejo", "near the Algarve"
    if (before?.key === 'the' && tokens[i - 2] && LOCATIVE_PREPS.has(tokens[i - 2].key)) before = tokens[i - 2];
    if (before && LOCATIVE_PREPS.has(before.key)) return 'PLACE';
    // "the town of Palamas", "the village of Koutsochero"
    // ("the heights of Best-of-Breed solutions", "the base of Mount X": not every place word names a place by "of")
    if (before?.key === 'of' && tokens[i - 2] && LEX.keywords.place.has(tokens[i - 2].key) && !NOT_PLACE_BY_OF.has(tokens[i - 2].key) && !tokens[i - 2].cap) return 'PLACE';
    // "LARISSA, Greece —": a dateline
    if (datelineTown(i, j)) return 'PLACE';
    // "Peniche or Matosinhos", "Farkadona and Palamas": coordinated with a known place
    const coordBefore = before && (before.key === 'and' || before.key === 'or') ? placeEndingAt.has(i - 2) : false;
    const coordAfter = tokens[j] && (keys[j] === 'and' || keys[j] === 'or') ? placeStartingAt.has(j + 1) : false;
    if (coordBefore || coordAfter) return 'PLACE';
    const after = tokens[j];
    if (after && after.kind === 'word' && !after.cap) {
      if (LEX.keywords.place.has(after.key) && after.key !== 'state') return 'PLACE';
      if (LEX.keywords.org.has(after.key) && before?.key === 'the') return 'ORG';
    }
    if (after?.text === ',') {
      let k = j + 1;
      if (tokens[k] && (DETERMINERS.has(keys[k]) || keys[k] === 'its')) k++;
      for (let n = 0; n < 6 && k < tokens.length; n++, k++) {
        const u = tokens[k];
        if (u.kind !== 'word' && !(u.text === '\u2019' || u.text === "'")) break;
        if (u.kind !== 'word') continue;
        if (LEX.keywords.org.has(u.key) && !u.cap) return 'ORG';
        if (LEX.keywords.place.has(u.key) && !u.cap) return 'PLACE';
      }
    }
    return null;
  }

  // "Irvine, CA", "Santa Clara, CA 95054": a state's postal code after "City," is that state, and
  // the name before the comma is a town in it (a lone code elsewhere may be anything: "CA" is also a company's)
  for (let pi = 1; pi < pieces.length; pi++) {
    const p = pieces[pi];
    const q = pieces[pi - 1];
    const state = p.j - p.i === 1 ? LEX.usStates.get(tokens[p.i].text) : undefined;
    if (!state || q.j !== p.i - 1 || tokens[q.j]?.text !== ',' || (q.type === 'ORG' && q.lexicon) || q.type === 'DROP' || q.type === 'DEMONYM') continue;
    if (tokens[p.j] && tokens[p.j].kind === 'word' && tokens[p.j].cap) continue; // "Dallas, TX Instruments"
    // "Jane Doe, MD", "John Roe, PA": after a full name the capitals are a credential, unless a ZIP code follows
    if (q.type === 'PERSON' && q.j - q.i > 1 && !/^\d{5}$/.test(tokens[p.j]?.text ?? '')) continue;
    p.type = 'PLACE';
    p.canonical = state;
    p.country = 'USA';
    if (q.type !== 'PLACE') {
      q.type = 'PLACE';
      q.canonical = spanText(q.i, q.j);
      q.country = 'USA';
    }
  }

  // "ABC 7", "NBC 4": a broadcaster's call letters and channel number name its local station
  for (const p of pieces) {
    if (p.type !== 'ORG' || p.j - p.i !== 1 || !p.lexicon || !/^[A-Z]{2,5}$/.test(tokens[p.i].text)) continue;
    const n = tokens[p.j];
    const after = tokens[p.j + 1];
    if (!n || n.kind !== 'num' || !n.spaceBefore || !/^\d{1,2}$/.test(n.text) || sentOf[p.j] !== sentOf[p.i]) continue;
    if (after && after.kind === 'word' && !after.cap && after.key !== "'s") continue; // "CNN 24 hours"
    if (LEX.orgs.longest(keys, p.i, p.j)?.[1].code !== 'MED') continue;
    p.j += 1;
    p.canonical = spanText(p.i, p.j);
  }

  // "University of California, Santa Barbara", "University of Texas, Austin": a state university
  // system named after its state, then the campus's town, is one organisation
  for (let pi = 0; pi + 1 < pieces.length; pi++) {
    const p = pieces[pi];
    const q = pieces[pi + 1];
    if (p.type !== 'ORG' || keys[p.i] !== 'university' || keys[p.i + 1] !== 'of' || tokens[p.j]?.text !== ',' || q.i !== p.j + 1) continue;
    if (!LEX.subdivisions.has(keys.slice(p.i + 2, p.j).join(' '))) continue;
    if (q.j - q.i > 3 || q.type === 'ORG' || q.type === 'DEMONYM' || (tokens[q.j]?.kind === 'word' && tokens[q.j].cap)) continue;
    // "at the University of Pennsylvania, Andrew Vaughan followed ...": a person's full name opens the clause
    if (q.j - q.i >= 2 && isCommonGivenName(tokens[q.i].text) && !LEX.places.longest(keys, q.i, q.j)) continue;
    p.j = q.j;
    p.canonical = spanText(p.i, p.j);
    q.type = 'DROP';
  }

  // "the Sabres", "the Wild": a team's nickname alone, once the article names the team in full
  if (teamByNickname.size) {
    for (const p of pieces) {
      if (p.type === 'DROP' || p.type === 'DEMONYM') continue;
      const team = teamByNickname.get(keys.slice(p.i, p.j).join(' '));
      if (team) {
        p.type = 'ORG';
        p.canonical = team;
      }
    }
  }

  // ---- 3. roles before and after person names ----
  const mentions: MentionRec[] = [];
  for (const p of pieces) {
    if (p.type === 'DROP' || p.type === 'DEMONYM' || p.type === 'UNKNOWN1') continue;
    const m: MentionRec = {
      text: spanText(p.i, p.j),
      start: tokens[p.i].start,
      end: tokens[p.j - 1].end,
      type: p.type as EntityType,
      canonical: p.canonical ?? spanText(p.i, p.j),
      kind: 'name',
      tokStart: p.i,
      tokEnd: p.j,
      sentence: sentOf[p.i],
      cluster: -1,
    };
    if (p.country) m.country = p.country;
    if (p.type === 'PERSON') {
      let role = p.role ?? roleBefore(p.i) ?? roleAppositiveBefore(p.i) ?? undefined;
      if (!role) role = appositiveAfter(p.j) ?? undefined;
      // "Mr.", "Mrs.", "Ms." make a name a person's but say nothing about what the person does
      if (role && keys.slice(role.i, role.j).every((k) => COURTESY_TITLES.has(k.replace(/\.$/, '')))) role = undefined;
      if (role) {
        m.role = spanText(role.i, role.j);
        m.roleSpan = { start: tokens[role.i].start, end: tokens[role.j - 1].end };
        const c = role.country ?? countryIn(role.i, role.j);
        if (c) m.country = c;
      }
    }
    mentions.push(m);
  }

  /** "North Korean leader Kim Jong Un": a lowercase title head right before the name, with its modifiers. */
  function roleBefore(nameStart: number): { i: number; j: number; country?: string } | null {
    const k = nameStart - 1;
    if (k < 0 || sentOf[k] !== sentOf[nameStart]) return null;
    const headTok = tokens[k];
    if (headTok.kind !== 'word' || !LEX.titles.has(headTok.key)) return null;
    let s = k;
    // allow two-word lowercase titles ("prime minister") and modifiers / capitalised names before
    while (s - 1 >= 0 && sentOf[s - 1] === sentOf[nameStart]) {
      const u = tokens[s - 1];
      if (u.kind !== 'word' || u.key === "'s") break;
      if (DETERMINERS.has(u.key) || LEX.stopwords.has(u.key)) break;
      if (u.cap || LEX.roleModifiers.has(u.key) || LEX.titles.has(u.key)) {
        s--;
        continue;
      }
      break;
    }
    return { i: s, j: k + 1, country: countryIn(s, k + 1) };
  }

  /** "The regional governor, Eleni Markou, said": a role phrase, a comma, the name, a comma. */
  function roleAppositiveBefore(nameStart: number): { i: number; j: number; country?: string } | null {
    if (tokens[nameStart - 1]?.text !== ',') return null;
    const headAt = nameStart - 2;
    const head = tokens[headAt];
    if (!head || head.kind !== 'word' || !LEX.titles.has(head.key)) return null;
    let s = headAt;
    while (s - 1 >= 0 && sentOf[s - 1] === sentOf[nameStart]) {
      const u = tokens[s - 1];
      if (u.kind !== 'word' || DETERMINERS.has(u.key) || u.key === "'s") break;
      if (u.cap || LEX.roleModifiers.has(u.key) || LEX.titles.has(u.key)) {
        s--;
        continue;
      }
      break;
    }
    const det = tokens[s - 1];
    if (!det || !DETERMINERS.has(det.key)) return null;
    return { i: s, j: headAt + 1, country: countryIn(s, headAt + 1) };
  }

  /** "Koo Byongsam, a spokesman for South Korea's Unification Ministry, said": the appositive role. */
  function appositiveAfter(nameEnd: number): { i: number; j: number; country?: string } | null {
    if (tokens[nameEnd]?.text !== ',') return null;
    let k = nameEnd + 1;
    // "Liu He, China's top trade negotiator": a country's possessive stands for the determiner
    const country = tokens[k] ? LEX.places.longest(keys, k) : null;
    const countryPossessive = !!country && country[1].kind === 'country' && keys[k + country[0]] === "'s";
    if (!tokens[k] || !(DETERMINERS.has(tokens[k].key) || countryPossessive)) return null;
    const s = countryPossessive ? k : k + 1;
    k = countryPossessive ? k + country[0] + 1 : k + 1;
    let headAt = -1;
    for (let n = 0; n < 6 && k < tokens.length; n++, k++) {
      const u = tokens[k];
      if (u.kind !== 'word') break;
      if (LEX.titles.has(u.key)) headAt = k;
      else if (!(u.cap || LEX.roleModifiers.has(u.key))) break;
    }
    if (headAt < 0) return null;
    // extend over "for/of/at <Name>" up to the closing comma
    let e = headAt + 1;
    if (tokens[e] && (tokens[e].key === 'for' || tokens[e].key === 'of' || tokens[e].key === 'at' || tokens[e].key === 'with')) {
      let q = e + 1;
      while (q < tokens.length && q - e < 14 && tokens[q].text !== ',' && tokens[q].text !== '.' && sentOf[q] === sentOf[nameEnd]) q++;
      if (tokens[q]?.text === ',' || tokens[q]?.text === '.') e = q;
    }
    return { i: s, j: e, country: countryIn(s, e) };
  }

  // ---- 4. role-only references: "the North Korean leader", "a US State Department spokesperson" ----
  const roleRefs: (RoleRef & { cluster: number | null })[] = [];
  const mentionStartTok = new Set(mentions.map((m) => m.tokStart));
  const inMention = new Uint8Array(tokens.length);
  for (const m of mentions) {
    for (let k = m.tokStart; k < m.tokEnd; k++) inMention[k] = 1;
    if (m.role && m.roleSpan) {
      // mark role tokens so that they do not become role-only references
      for (let k = m.tokStart - 1; k >= 0 && tokens[k].end > m.roleSpan.start; k--) inMention[k] = 2;
      for (let k = m.tokEnd; k < tokens.length && tokens[k].start < m.roleSpan.end; k++) if (tokens[k].start >= m.roleSpan.start) inMention[k] = 2;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const possessive = POSSESSIVE_DETERMINERS.has(keys[k]);
    if (!DETERMINERS.has(keys[k]) && !possessive) continue;
    let q = k + 1;
    let headAt = -1;
    let headLen = 0;
    while (q < tokens.length && q - k <= 7 && sentOf[q] === sentOf[k]) {
      const u = tokens[q];
      if (u.kind !== 'word' || u.key === "'s" || inMention[q] === 2) break;
      const tm = LEX.titles.longest(keys, q);
      if (tm && !(tm[0] === 1 && isNameToken(u) && mentionStartTok.has(q) && inMention[q] === 1)) {
        headAt = q;
        headLen = tm[0];
        q += tm[0];
        // a name right after the title makes it a titled name, handled above
        continue;
      }
      if (u.cap || LEX.roleModifiers.has(u.key) || u.text === '-') {
        if (headAt >= 0) break;
        q++;
        continue;
      }
      break;
    }
    if (headAt < 0) continue;
    const end = headAt + headLen;
    if (isNameToken(tokens[end]) && inMention[end] === 1) continue; // "the President Vladimir Putin" style
    if (inMention[headAt] === 2) continue;
    const head = keys.slice(headAt, end).join(' ');
    // "his North Korean counterpart": after a possessive only a counterpart is a reference to someone
    if (possessive && !COUNTERPART_HEADS.has(head)) continue;
    const ref: RoleRef & { cluster: number | null } = {
      start: tokens[k + 1].start,
      end: tokens[end - 1].end,
      tokStart: k,
      tokEnd: end,
      role: text.slice(tokens[k + 1].start, tokens[end - 1].end),
      head,
      country: countryIn(k + 1, end),
      definite: keys[k] === 'the' || possessive,
      sentence: sentOf[k],
      cluster: null,
    };
    roleRefs.push(ref);
    k = end - 1;
  }

  // ---- 5. clusters ----
  const clusters: EntityCluster[] = [];
  const clusterKey = new Map<string, number>();
  const norm = (s: string) => foldDiacritics(s.toLowerCase()).replace(/\u2019/g, "'").replace(/\s+/g, ' ').replace(/^the /, '');
  mentions.sort((x, y) => x.start - y.start);
  const addTo = (ci: number, mi: number) => {
    const c = clusters[ci];
    const m = mentions[mi];
    m.cluster = ci;
    c.mentions.push(mi);
    if (!c.aliases.includes(m.text)) c.aliases.push(m.text);
    if (m.role && !c.roles.includes(m.role)) c.roles.push(m.role);
    if (m.country && !c.country) c.country = m.country;
  };
  const newCluster = (mi: number): number => {
    const m = mentions[mi];
    clusters.push({ canonical: m.canonical, type: m.type, aliases: [], roles: [], mentions: [] });
    const ci = clusters.length - 1;
    addTo(ci, mi);
    return ci;
  };
  // full names and lexicon entities first
  mentions.forEach((m, mi) => {
    const multi = m.tokEnd - m.tokStart > 1;
    if (m.type === 'PERSON' && !multi) return;
    const key = m.type + ':' + norm(m.canonical);
    const ci = clusterKey.get(key);
    if (ci !== undefined) addTo(ci, mi);
    else clusterKey.set(key, newCluster(mi));
  });
  // acronyms join the organisation they abbreviate ("INSS" ↔ "Institute for National Security Strategy")
  clusters.forEach((c, ci) => {
    if (c.type !== 'ORG' || !/^[A-Z]{2,6}$/.test(c.canonical)) return;
    const target = clusters.findIndex((d, di) => di !== ci && d.type === 'ORG' && d.mentions.length > 0 && initials(d.canonical) === c.canonical);
    if (target >= 0) {
      for (const mi of c.mentions) addTo(target, mi);
      c.mentions = [];
    }
  });
  // an acronym the article defines joins what it stands for, whatever its letters ("the Disaster and
  // Emergency Management Authority, known as AFAD", "the Kurdistan Workers' Party (PKK)")
  const orgEndingAt = new Map<number, number>();
  mentions.forEach((m, mi) => m.type === 'ORG' && m.tokEnd - m.tokStart > 1 && orgEndingAt.set(m.tokEnd, mi));
  if (orgEndingAt.size) {
    clusters.forEach((c, ci) => {
      if (c.type !== 'ORG' || !c.mentions.length || !/^[A-Z]{2,6}$/.test(c.canonical)) return;
      for (const mi of c.mentions) {
        const defining = definedBy(mentions[mi].tokStart);
        const target = defining === undefined ? -1 : mentions[defining].cluster;
        if (target < 0 || target === ci || !clusters[target].mentions.length) continue;
        for (const a of c.mentions) addTo(target, a);
        c.mentions = [];
        return;
      }
    });
  }
  /** The multi-word organisation mention that the acronym starting at token k is defined after. */
  function definedBy(k: number): number | undefined {
    for (const words of ACRONYM_DEFINITIONS) {
      const at = k - words.length;
      if (at <= 0 || !words.every((w, n) => keys[at + n] === w) || !orgEndingAt.has(at)) continue;
      // "(DOT: 30145)", "(EIB-204)": a label or a code, not a definition
      if (words[0] === '(' && tokens[k + 1]?.text !== ')') continue;
      const org = mentions[orgEndingAt.get(at)!];
      // "Fellow of the Society of Actuaries (FSA)": an acronym that starts with none of the name's
      // initials stands for more than the name found, unless the text says it is the name's ("known as")
      // (the two words before the mention count: "The Obesity Society (TOS)", "the Children's Health
      // Insurance Program (CHIP)", "Cybersecurity and Infrastructure Security Agency (CISA)")
      const initialsOf = new Set(tokens.slice(Math.max(0, org.tokStart - 2), org.tokEnd).map((t) => t.text[0].toUpperCase()));
      if (!words.includes('known') && !initialsOf.has(tokens[k].text[0])) continue;
      return orgEndingAt.get(at);
    }
    return undefined;
  }
  // "the North" joins "North Korea" when the article names exactly one country that starts with it
  // (a divided country's halves; "the West" is not West Virginia, nor "the South" South Carolina)
  clusters.forEach((c, ci) => {
    if (c.type !== 'PLACE' || !COMPASS_WORDS.has(norm(c.canonical))) return;
    const prefix = norm(c.canonical) + ' ';
    const targets = clusters.filter((d, di) => di !== ci && d.type === 'PLACE' && d.mentions.length > 0 && DIVIDED_COUNTRY_HALVES.has(d.canonical) && norm(d.canonical).startsWith(prefix));
    if (targets.length !== 1) return;
    const target = clusters.indexOf(targets[0]);
    for (const mi of c.mentions) {
      mentions[mi].canonical = targets[0].canonical;
      addTo(target, mi);
    }
    c.mentions = [];
  });
  // a multi-word surname written alone ("Harden Bradford" after "Joy Harden Bradford", a
  // transcript's "MARTINEZ-BELTRAN:") joins the one longer person name that ends with it
  const personKeys = clusters.map((c) => (c.type === 'PERSON' ? norm(c.canonical) : ''));
  // the person clusters by each ending of their name after a space ("harden bradford", "bradford"),
  // so that a name finds its longer forms without reading every cluster
  const byNameEnding = new Map<string, number[]>();
  personKeys.forEach((key, ci) => {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      appendTo(byNameEnding, key.slice(at + 1), ci);
    }
  });
  clusters.forEach((c, ci) => {
    const key = personKeys[ci];
    if (!key || !c.mentions.length) return;
    if (!key.includes(' ') && !key.includes('-')) return; // one plain word: the short-form rule below
    const targets = (byNameEnding.get(key) ?? []).filter((di) => di !== ci && clusters[di].mentions.length > 0);
    if (targets.length !== 1) return;
    const target = targets[0];
    for (const mi of c.mentions) {
      mentions[mi].kind = 'short';
      addTo(target, mi);
    }
    c.mentions = [];
  });
  // person short forms: join the most salient full name that starts or ends with the word
  // first and last words of each full name, computed once
  const personClusters = clusters
    .map((c, ci) => ({ c, ci, parts: norm(c.canonical).split(/[\s-]+/) }))
    .filter(({ c }) => c.type === 'PERSON')
    .map(({ c, ci, parts }) => ({ c, ci, first: parts[0], last: parts[parts.length - 1], n: parts.length }));
  // ...indexed by those words, in cluster order, so that a short form reads only its candidates
  const fullNamesByEndWord = new Map<string, typeof personClusters>();
  for (const p of personClusters) {
    if (p.n < 2) continue;
    for (const w of p.first === p.last ? [p.first] : [p.first, p.last]) appendTo(fullNamesByEndWord, w, p);
  }
  mentions.forEach((m, mi) => {
    if (m.type !== 'PERSON' || m.tokEnd - m.tokStart > 1) return;
    const k = keys[m.tokStart];
    let best = -1;
    let bestScore = -1;
    for (const { c, ci } of fullNamesByEndWord.get(k) ?? []) {
      const firstSeen = mentions[c.mentions[0]]?.start ?? Infinity;
      // salience: mentions so far, then earliest
      const score = c.mentions.length * 1e9 - firstSeen;
      if (score > bestScore) {
        bestScore = score;
        best = ci;
      }
    }
    if (best >= 0) {
      m.canonical = clusters[best].canonical;
      m.kind = 'short';
      addTo(best, mi);
    } else {
      const key = 'PERSON:' + k;
      const ci = clusterKey.get(key);
      if (ci !== undefined) addTo(ci, mi);
      else clusterKey.set(key, newCluster(mi));
    }
  });
  // a place first met in capitals (a dateline's "ELAZIG") goes by the form prose writes ("Elazig"),
  // and so does an organisation's name too long for an acronym ("GALILEO"); "HTTP" and "USIP" stay
  // as they are whatever a sentence's "Http" or "USiP" says
  for (const c of clusters) {
    if (c.type === 'PERSON' || !c.mentions.length || c.canonical !== c.canonical.toUpperCase()) continue;
    if (c.type !== 'PLACE' && c.canonical.length <= 6) continue;
    const folded = c.canonical.toLowerCase();
    const prose = c.mentions.map((mi) => mentions[mi]).find((m) => m.kind === 'name' && m.canonical !== m.canonical.toUpperCase() && m.canonical.toLowerCase() === folded);
    if (!prose) continue;
    c.canonical = prose.canonical;
    for (const mi of c.mentions) mentions[mi].canonical = prose.canonical;
  }
  // canonical person name: the longest full name in the cluster
  for (const c of clusters) {
    if (c.type !== 'PERSON') continue;
    let best = c.canonical;
    let bestLen = 0;
    for (const mi of c.mentions) {
      const m = mentions[mi];
      // among names of one length, the written-out form beats an all-caps label ("SERGIO SMITH:")
      const len = (m.tokEnd - m.tokStart) * 2 + (m.canonical === m.canonical.toUpperCase() ? 0 : 1);
      if (m.kind === 'name' && len > bestLen) {
        best = m.canonical;
        bestLen = len;
      }
    }
    c.canonical = best;
    for (const mi of c.mentions) mentions[mi].canonical = best;
  }
  // role references: definite, with a unique compatible person
  // A reference's candidates depend only on its head and country (this loop adds mentions, never
  // roles or clusters), so they are worked out once per pair: an article that says "the leader"
  // a thousand times reads its clusters once, not a thousand times.
  const roleKeys = clusters.map((c) => c.roles.map((r) => r.toLowerCase()));
  const leaderHeads = [...LEADER_HEADS];
  const leaderRole = roleKeys.map((rks) => rks.some((rk) => leaderHeads.some((h) => rk.endsWith(h))));
  const candidatesOf = new Map<string, number[]>();
  let dateline: string | null | undefined;
  const datelineCountry = (): string | null => (dateline === undefined ? (dateline = datelineCountryOf(text, tokens, keys)) : dateline);
  const findCandidates = (head: string, country: string | undefined): number[] => {
    const refLeader = LEADER_HEADS.has(head);
    const candidates: number[] = [];
    // "his North Korean counterpart": the one person of that country the article names, whatever their role
    if (COUNTERPART_HEADS.has(head)) {
      if (country) clusters.forEach((c, ci) => c.type === 'PERSON' && c.mentions.length && c.country === country && candidates.push(ci));
      return candidates;
    }
    clusters.forEach((c, ci) => {
      if (c.type !== 'PERSON' || !c.mentions.length) return;
      if (country && c.country !== country) return;
      if ((refLeader && leaderRole[ci]) || roleKeys[ci].some((rk) => rk.endsWith(head))) candidates.push(ci);
    });
    // "ANKARA, Turkey (AP) — ... President Recep Tayyip Erdogan ... the Turkish leader": a leader
    // whose country the article leaves unsaid is the dateline country's (as wire copy writes
    // "President X" for the local head of state and "U.S. President Y" for a foreign one)
    if (!candidates.length && refLeader && country && country === datelineCountry()) {
      clusters.forEach((c, ci) => c.type === 'PERSON' && c.mentions.length && !c.country && leaderRole[ci] && candidates.push(ci));
    }
    // organisation heads: "the institute" → the last organisation whose head word matches
    if (!candidates.length && LEX.keywords.org.has(head)) {
      for (let ci = clusters.length - 1; ci >= 0; ci--) {
        const c = clusters[ci];
        if (c.type === 'ORG' && c.mentions.length && headOf(norm(c.canonical).split(' ')) === head) {
          candidates.push(ci);
          break;
        }
      }
    }
    return candidates;
  };
  for (const ref of roleRefs) {
    if (!ref.definite) continue;
    const pair = `${ref.head}\u0000${ref.country ?? ''}`;
    let candidates = candidatesOf.get(pair);
    if (!candidates) {
      candidates = findCandidates(ref.head, ref.country);
      candidatesOf.set(pair, candidates);
    }
    if (candidates.length === 1) {
      const ci = candidates[0];
      ref.cluster = ci;
      const c = clusters[ci];
      const m: MentionRec = {
        text: ref.role,
        start: ref.start,
        end: ref.end,
        type: c.type,
        canonical: c.canonical,
        kind: 'role',
        tokStart: ref.tokStart + 1,
        tokEnd: ref.tokEnd,
        sentence: ref.sentence,
        cluster: ci,
      };
      if (c.country) m.country = c.country;
      mentions.push(m);
      c.mentions.push(mentions.length - 1);
      if (!c.aliases.includes(m.text)) c.aliases.push(m.text);
    }
  }
  // Re-sort mentions by position and remap the cluster indexes.
  const order = mentions.map((_, k) => k).sort((x, y) => mentions[x].start - mentions[y].start);
  const newIndex = new Int32Array(mentions.length);
  order.forEach((old, nw) => (newIndex[old] = nw));
  const sorted = order.map((k) => mentions[k]);
  const liveClusters: EntityCluster[] = [];
  const clusterRemap = new Map<number, number>();
  clusters.forEach((c, ci) => {
    if (!c.mentions.length) return;
    clusterRemap.set(ci, liveClusters.length);
    c.mentions = c.mentions.map((k) => newIndex[k]).sort((x, y) => x - y);
    liveClusters.push(c);
  });
  for (const m of sorted) m.cluster = clusterRemap.get(m.cluster) ?? -1;
  for (const r of roleRefs) if (r.cluster !== null) r.cluster = clusterRemap.get(r.cluster) ?? null;
  return { mentions: sorted, clusters: liveClusters, roleRefs, countryAt };
}

function titleCaseWord(w: string): string {
  return w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w;
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !CONNECTORS.has(w.toLowerCase()) && w.toLowerCase() !== 'the' && w.toLowerCase() !== 'and')
    .map((w) => w[0].toUpperCase())
    .join('');
}

export type { CountryInfo };

/** Role nouns that stand for an organisation named earlier ("the company", "the regulator"). */
export const ORG_ROLE_NOUNS = new Map<string, 'company' | 'public'>([
  ['company', 'company'], ['firm', 'company'], ['group', 'company'], ['startup', 'company'], ['carrier', 'company'], ['airline', 'company'], ['bank', 'company'],
  ['regulator', 'public'], ['authority', 'public'], ['watchdog', 'public'], ['agency', 'public'], ['commission', 'public'], ['ministry', 'public'],
]);
/** What stands between a name and the acronym it is given: "X (ACR)", "X, known as ACR". */
const ACRONYM_DEFINITIONS = [['('], [',', 'known', 'as'], [',', 'also', 'known', 'as'], [',', 'or']];

/** Lines read for a wire dateline: a headline, a byline or a deck may come first. */
const DATELINE_LINES = 4;

/**
 * The country of the article's wire dateline ("ANKARA, Turkey (AP) —" → TUR, "SEOUL (Reuters) -"
 * → KOR by its capital), or null: the last place the dateline names that the gazetteer knows.
 */
function datelineCountryOf(text: string, tokens: Token[], keys: string[]): string | null {
  let lineStart = 0;
  for (let n = 0; n < DATELINE_LINES && lineStart < text.length; n++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const d = line.trim() ? parseDateline(line.trimStart()) : null;
    if (d) {
      const from = lineStart + (line.length - line.trimStart().length);
      const to = from + d.place.length;
      let country: string | null = null;
      for (let k = 0; k < tokens.length && tokens[k].start < to; k++) {
        if (tokens[k].start < from) continue;
        const hit = LEX.places.longest(keys, k);
        if (hit && hit[1].country && tokens[k + hit[0] - 1].end <= to) country = hit[1].country;
      }
      return country;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return null;
}

/** Heads of the names of public bodies and institutions that are named for their subjects. */
const BODY_HEADS = new Set(['hall', 'academy', 'administration', 'commission', 'service', 'services', 'authority', 'agency', 'department', 'board', 'bureau', 'council', 'committee', 'institute', 'office', 'association', 'society', 'foundation', 'ministry', 'directorate', 'center', 'centre', 'organization', 'organisation', 'fund', 'corps']);
/** Legislative chambers that open committee names ("House Energy and Commerce Committee"). */
const CHAMBERS = new Set(['house', 'senate']);
const PUBLIC_BODY_WORDS = new Set(['authority', 'commission', 'agency', 'ministry', 'department', 'office', 'regulator', 'council', 'court', 'government', 'board', 'inspectorate', 'service', 'bureau', 'parliament', 'assembly']);

/**
 * "the company" → the most mentioned organisation before `before` that is not a public body;
 * "the regulator" / "the authority" → the most mentioned public body (authority, commission...).
 * Wire credits ("MW", "AP") are ignored.
 */
/** How close (in characters, about two sentences) an organisation must be named for "the agency" to mean it rather than the article's main one. */
const RECENT_BODY_CHARS = 250;

export function resolveOrgRoleNoun(ents: EntityResult, kind: 'company' | 'public', before: number): string | null {
  const counts = new Map<number, number>();
  let latest: MentionRec | null = null;
  for (const m of ents.mentions) {
    if (m.type !== 'ORG' || m.start >= before) continue;
    const words = m.canonical.toLowerCase().split(/\s+/);
    const isPublic = words.some((w) => PUBLIC_BODY_WORDS.has(w));
    if ((kind === 'public') !== isPublic) continue;
    if (m.text.length <= 3 && m.text === m.text.toUpperCase()) continue;
    counts.set(m.cluster, (counts.get(m.cluster) ?? 0) + 1);
    if (!latest || m.start > latest.start) latest = m;
  }
  // one named just before ("asked the Department of Transportation for comment. In a response, the
  // agency said") is the one meant; further back, the one the article is most about
  if (latest && before - latest.end <= RECENT_BODY_CHARS) return ents.clusters[latest.cluster].canonical;
  let best = -1;
  let bestN = 0;
  for (const [c, k] of counts) if (k > bestN) [best, bestN] = [c, k];
  return best >= 0 ? ents.clusters[best].canonical : null;
}
