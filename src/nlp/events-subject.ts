/**
 * Fallback subject detection for the event coder: the nominal subject of a clause when no named
 * entity or country heads it ("The two sides agreed", "Leaders of the opposition coalition
 * agreed", "Swiss doctors handed over", "French and Egyptian warships launched").
 *
 * PETRARCH codes such subjects through its agents dictionary (Phoenix.agents.txt: "leaders" →
 * GOV, "rebels" → REB, "police" → COP). Without a parser we take the first noun phrase of the
 * clause when everything between it and the verb is a prepositional or parenthetical tail
 * ("sides of the divided island of Cyprus have agreed"), and accept it as an actor only when its
 * head word is an agent noun, a role title or a multi-word capitalised name. The participant's
 * country is the first demonym, country or entity country inside the subject ("Romania's new
 * government" → ROU).
 *
 * Linear in the clause length; no regular expressions.
 */
import type { Token } from './tokens.js';
import type { EventParticipant } from './types.js';

export interface SubjectContext {
  tokens: Token[];
  text: string;
  /** A lowercase word that names an agent or role ("officials", "rebels", "minister"). */
  isAgentKey(key: string): boolean;
  /** ISO3 code of a demonym/country starting at token k, or of the entity mention starting there. */
  countryStartingAt(k: number): { code: string; endTok: number } | null;
  /** A word that is a verb in the dictionary or of speech (a second finite verb ends the subject). */
  isVerbKey(key: string): boolean;
  /** A finite verb form: a verb of speech, an irregular past or a dictionary verb in -ed. */
  isFiniteVerb(key: string): boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'some', 'both', 'all', 'several', 'many', 'most', 'two', 'three', 'four', 'five', 'six', 'hundreds', 'thousands', 'dozens', 'its', 'their', 'his', 'her']);
/** Negative auxiliaries written as one word. */
export const NEGATIVE_AUX = ["isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", 'cannot', "couldn't", "mustn't", "didn't", "doesn't", "don't"];
/** Finite auxiliaries and modals (the event coder's auxiliary tables are built on them). */
export const FINITE_AUX = ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'did', 'does', 'do',
  // their negative contractions are one token each ("won't", "cannot")
  ...NEGATIVE_AUX];
/** Auxiliaries and the infinitive marker: never inside a noun phrase. */
const VERB_WORDS = new Set([...FINITE_AUX, 'be', 'been', 'being', 'to']);
/** Quantities before "of" in a subject ("thousands of", "one third of", "most of"). */
const QUANTITIES = new Set(['hundreds', 'thousands', 'dozens', 'millions', 'tens', 'scores', 'third', 'half', 'quarter', 'most', 'many', 'some', 'all', 'several', 'members', 'groups', 'group']);
/** Words that end a noun phrase and start its tail ("leaders of ...", "troops in ..."). */
const TAIL_START = new Set(['of', 'from', 'in', 'at', 'near', 'for', 'with', 'across', 'inside', 'outside', 'around', 'on', 'based', 'loyal', 'linked', 'operating', 'along', 'together', 'alongside', 'backed', 'led', '(',
  // participial tails of a subject ("aircraft including helicopter gunships", "aircraft using guided missiles")
  'including', 'using', 'armed', 'carrying', 'affiliated', 'belonging', 'angered', 'opposed']);
/** Natural hazards are no political actors ("Storm Daniel killed 17 people"). */
const HAZARDS = new Set(['storm', 'hurricane', 'typhoon', 'cyclone', 'flood', 'floods', 'flooding', 'earthquake', 'quake', 'fire', 'fires', 'wildfire', 'wildfires', 'tsunami', 'landslide', 'drought', 'heatwave', 'blizzard', 'tornado', 'avalanche', 'eruption', 'virus', 'epidemic', 'pandemic', 'outbreak', 'disease']);
/**
 * Natural disasters: in their context a state of emergency is relief, not repression (PLOVER
 * COERCE: "State of emergencies in relation to national disasters should generally not be coded
 * as COERCE"). "fire" is left out: "opened fire".
 */
export const DISASTER_WORDS = new Set(['storm', 'hurricane', 'typhoon', 'cyclone', 'flood', 'floods', 'flooding', 'floodwaters', 'earthquake', 'quake', 'wildfire', 'wildfires', 'tsunami', 'landslide', 'landslides', 'drought', 'heatwave', 'blizzard', 'tornado', 'avalanche', 'eruption', 'epidemic', 'pandemic', 'outbreak']);
/** Words that open a clause before its subject ("When people travel", "While every company agrees"). */
const CLAUSE_OPENERS = new Set(['when', 'whenever', 'while', 'whilst', 'if', 'unless', 'although', 'though', 'because', 'since', 'whether', 'once', 'until', 'after', 'before', 'as', 'how', 'why', 'where', 'what', 'unlike', 'who', 'whom', 'which', 'whose']);
const PERSONAL_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'me', 'us', 'them']);
/** Words that cannot appear in a subject's tail: they mark another clause. */
const TAIL_BREAK = new Set(['said', 'says', 'that', 'which', 'who', 'whom', 'when', 'while', 'if', 'because', 'but', 'as', ';', ':']);

const ARTICLES = new Set(['a', 'an', 'the']);
const ARTICLE_OPENERS = new Set(['of', 'and', '&']);
/** Lower-case words inside a multi-word name ("Forces for the Defence of Democracy"). */
const NAME_JOINERS = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'la', 'al', 'el', 'on', '&']);

/**
 * Every word of tokens [a, b) is capitalised, a joining word, an agent noun ("the Sudanese
 * government and SPLM/A") or inside a hyphenated compound.
 */
function capitalisedThroughout(ctx: SubjectContext, a: number, b: number): boolean {
  const { tokens } = ctx;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.cap || t.key === "'s" || NAME_JOINERS.has(t.key) || ctx.isAgentKey(t.key)) continue;
    if (tokens[k - 1]?.text === '-' && tokens[k - 1].end === t.start) continue;
    return false;
  }
  return true;
}

/**
 * The noun-phrase subject of the clause [clauseStart, lastTok], or null.
 * `lastTok` is the last token before the verb once auxiliaries and adverbs are skipped.
 */
export function nominalSubject(ctx: SubjectContext, clauseStart: number, lastTok: number): EventParticipant | null {
  const { tokens, text } = ctx;
  if (lastTok < clauseStart || lastTok - clauseStart > 24) return null;
  let a = clauseStart;
  // "With the signing of ...," style openers are cut by the clause boundary; here only determiners
  // a clause after a comma may open with a conjunction ("..., and a technical group will hold")
  if (a <= lastTok && (tokens[a].key === 'and' || tokens[a].key === 'but' || tokens[a].key === 'or')) a++;
  // "When people travel", "While every company agrees": the subordinator opens the clause and the
  // subject follows it; "Do small businesses need", "Can I file": a question's inverted
  // auxiliary comes before its subject, and a question reports no event. The first word of a
  // sentence is capitalised, so these are caught by their lower-case key.
  if (a <= lastTok && CLAUSE_OPENERS.has(tokens[a].key)) a++;
  // ("It uses Perplexity": a pronoun opens a clause, not a noun phrase)
  if (a <= lastTok && (VERB_WORDS.has(tokens[a].key) || PERSONAL_PRONOUNS.has(tokens[a].key))) return null;
  const phraseStart = a;
  // "up to 1,000 ethnic Turks", "more than 200 workers", "about 500 students": an amount first
  const amountStart = a;
  for (;;) {
    if (a + 1 <= lastTok && ((tokens[a].key === 'up' && tokens[a + 1].key === 'to') || (tokens[a].key === 'more' && tokens[a + 1].key === 'than') || (tokens[a].key === 'at' && tokens[a + 1].key === 'least'))) a += 2;
    else if (a <= lastTok && (tokens[a].kind === 'num' || ['about', 'nearly', 'almost', 'around', 'some', 'over', 'roughly', 'approximately'].includes(tokens[a].key))) a++;
    else break;
  }
  while (a <= lastTok && tokens[a].kind === 'word' && DETERMINERS.has(tokens[a].key)) a++;
  // "thousands of students", "one third of the guerrillas": a quantity phrase before the noun
  // ("hundreds of thousands of people": repeated)
  while (a > clauseStart && a <= lastTok && tokens[a].key === 'of' && QUANTITIES.has(tokens[a - 1].key)) {
    a++;
    while (a <= lastTok && tokens[a].kind === 'word' && DETERMINERS.has(tokens[a].key)) a++;
  }
  if (a > lastTok) return null;
  // the noun phrase: words (and "and" between modifiers, hyphens, possessives) up to its tail
  let b = a;
  let caps = 0;
  while (b <= lastTok) {
    const t = tokens[b];
    // "Vietnamese-led forces": a word inside a hyphenated compound is a modifier
    const inCompound = tokens[b - 1]?.text === '-' && tokens[b - 1].end === t.start;
    if (inCompound) {
      b++;
      continue;
    }
    if (t.kind === 'word' && TAIL_START.has(t.key)) break;
    if (t.text === '(') {
      // "The fundamentalist Umma (Nation) party": a short parenthesis inside the phrase
      let r = b + 1;
      while (r <= lastTok && r <= b + 4 && tokens[r].text !== ')') r++;
      if (r < lastTok && tokens[r].text === ')' && tokens[r + 1].kind === 'word' && !TAIL_START.has(tokens[r + 1].key)) {
        b = r + 1;
        continue;
      }
      break;
    }
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '&' && t.key !== "'s" && t.text !== '.') break;
    if (t.kind === 'word' && t.key === 'and') {
      // "French and Egyptian warships": "and" inside the phrase only between modifiers
      b++;
      continue;
    }
    // an article inside the phrase starts another one ("Register a service worker", "Use the
    // toolkit"), except after "of" or "and" ("Leaders of the opposition"); "or" joins clauses
    if (t.kind === 'word' && ((ARTICLES.has(t.key) && b > a && !ARTICLE_OPENERS.has(tokens[b - 1].key)) || t.key === 'or')) return null;
    // a verb inside the phrase ("the two ministers said their ...", "Norway is willing to send
    // troops") means it is no single noun phrase
    if (t.kind === 'word' && !t.cap && (ctx.isFiniteVerb(t.key) || VERB_WORDS.has(t.key))) return null;
    if (HAZARDS.has(t.key)) return null;
    // a figure after the phrase's first word starts another phrase ("Now Assange faces 18
    // criminal charges"): amounts open a noun phrase, they do not sit inside it
    if (t.kind === 'num' && b > a && tokens[b - 1].key !== 'of') return null;
    if (t.cap) caps++;
    b++;
  }
  if (b === a) return null;
  const head = tokens[b - 1];
  // a pronoun is resolved by the caller or not at all: "I" is no capitalised name
  if (head.kind !== 'word' || head.key === 'and' || PERSONAL_PRONOUNS.has(head.key)) return null;
  // "Washington along with its allies": a country or entity heading a phrase the entity walk missed
  const headCountry = ctx.countryStartingAt(b - 1);
  const headIsAgent = ctx.isAgentKey(head.key) || (!!headCountry && headCountry.endTok === b - 1);
  // an unknown capitalised name of two or more words ("Ceasefire Violations Committee")
  // a counted people ("up to 1,000 ethnic Turks", "thousands of Kurds")
  const counted = a > amountStart && head.cap && head.key.endsWith('s');
  // (a name is capitalised throughout but for its joining words: "hopping via OCaml and Haskell" is none)
  const isName = (head.cap && caps >= 2 && b - 1 > clauseStart && capitalisedThroughout(ctx, a, b)) || counted;
  if (!headIsAgent && !isName) return null;
  // the tail must be prepositional/parenthetical only: no second clause in it
  let depth = 0;
  for (let k = b; k <= lastTok; k++) {
    const t = tokens[k];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (TAIL_BREAK.has(t.key) || t.text === ',' || (!t.cap && t.kind === 'word' && ctx.isVerbKey(t.key) && /(ed|s)$/.test(t.key) && !DETERMINERS.has(tokens[k - 1]?.key ?? '') && !TAIL_START.has(tokens[k - 1]?.key ?? '')))) {
      return null;
    }
  }
  let country: string | undefined;
  for (let k = a; k <= lastTok && !country; k++) {
    const c = ctx.countryStartingAt(k);
    if (c) country = c.code;
  }
  // the phrase keeps its numbers and quantifiers ("two sides", "some 500 workers"), not its article
  let textStart = phraseStart;
  if (['the', 'a', 'an'].includes(tokens[textStart].key) && textStart < a) textStart++;
  const start = tokens[textStart].start;
  const end = head.end;
  const phrase = text.slice(start, end);
  return { text: phrase, start, end, canonical: phrase, ...(country ? { country } : {}) };
}

/**
 * The nominal object right after a verb when no entity follows: "accused the government of ...",
 * "attacked rebel positions" (an agent head only: "the government", "opposition leaders").
 */
export function nominalObject(ctx: SubjectContext, from: number, end: number): EventParticipant | null {
  const { tokens, text } = ctx;
  let a = from;
  // "clashed with police", "fought against rebels": the object of the preposition, a bare noun too
  const prep = a < end && (tokens[a].key === 'with' || tokens[a].key === 'against');
  if (prep) a++;
  const phraseStart = a;
  if (a < end && DETERMINERS.has(tokens[a].key)) a++;
  else if (!prep) return null;
  if (a >= end) return null;
  const start = tokens[phraseStart].start;
  // a word that can be part of the noun phrase: no tail, verb, "and" or "to"
  const nounWord = (t: Token) => t.kind === 'word' && !TAIL_START.has(t.key) && !ctx.isFiniteVerb(t.key) && t.key !== 'and' && t.key !== 'to';
  let last = a;
  while (last < end && last < a + 4 && nounWord(tokens[last])) last++;
  // after "with"/"against", the longest run ending in an agent noun ("clashed with government
  // forces overnight" → "government forces"); after a verb, the run as it stands
  let b = last;
  if (prep) while (b > a && !ctx.isAgentKey(tokens[b - 1].key)) b--;
  if (b === a) return null;
  const head = tokens[b - 1];
  if (!ctx.isAgentKey(head.key) || HAZARDS.has(head.key)) return null;
  // a noun compound goes on ("the government forces"): only a phrase ending here
  if (b < end && nounWord(tokens[b]) && !/^(that|who|which|over|after|before|into|about|against|as|by|overnight|today|tonight|yesterday|again|also|too)$/.test(tokens[b].key)) return null;
  let country: string | undefined;
  for (let k = a; k < b && !country; k++) country = ctx.countryStartingAt(k)?.code;
  const phrase = text.slice(start, head.end);
  return { text: phrase, start, end: head.end, canonical: text.slice(tokens[a].start, head.end), ...(country ? { country } : {}) };
}
