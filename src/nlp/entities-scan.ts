/**
 * One article as the entity finder reads it: its tokens, their lookup keys, the sentence of each
 * token, the words it writes in lower case; what the reading finds (pieces, demonyms and
 * countries, team nicknames); and how a name is written (a capitalised token, a head word, a
 * Korean given name's second syllable, the Arabic article).
 */
import type { EntityType } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import type { PlaceInfo } from './lexicons.js';
import { CONNECTORS, KOREAN_SYLLABLE, NAME_COMPOUND_WORDS, ON_SUBJECT_HEADS } from './entities-words.js';

/** A typed run of tokens, before it becomes a mention. */
export interface Piece {
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

/** An article being read for entities; the functions of the entities-*.ts modules take it first. */
export interface EntityScan {
  text: string;
  tokens: Token[];
  keys: string[];
  /** The sentence of each token. */
  sentOf: Int32Array;
  /** The words the article writes in lower case somewhere. */
  lowerSeen: Set<string>;
  /** Whether token k is capitalised by its place: a sentence start, a line start, after an opening quote. */
  startLike(k: number): boolean;
  /** The text of tokens [a, b). */
  spanText(a: number, b: number): string;
  /** Pieces in the order their runs were cut. */
  pieces: Piece[];
  /** Demonyms and countries by token index (for event actors): token index → ISO3. */
  countryAt: Map<number, { code: string; end: number; text: string }>;
  /** A team's nickname → its full name ("sabres" → "Buffalo Sabres"), for the nickname alone. */
  teamByNickname: Map<string, string>;
  /** A sports story: two words only sports reports use much ("scored", "playoffs", "goalie"...); read on the first place-led name that asks. */
  sportsText: boolean | null;
  /** Units of known organisations the article shows employing people (see unitsThatEmploy); read on the first known name with words after it. */
  unitNames: Set<string> | null;
  /** Words in capitals (three letters or more) → how many tokens are written so (see capitalsCount); counted on first use. */
  capitalsCounts: Map<string, number> | null;
}

export function scanArticle(text: string, tokens: Token[], sentences: Sentence[]): EntityScan {
  const sentOf = new Int32Array(tokens.length);
  sentences.forEach((s, k) => {
    for (let t = s.tokStart; t < s.tokEnd; t++) sentOf[t] = k;
  });
  const sentStart = new Set(sentences.map((s) => s.tokStart));
  const keys = tokens.map((t) => t.key);
  // Words seen in lowercase somewhere in the article: a capitalised one at a sentence start is not a name.
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerSeen.add(t.key);
  /** Sentence starts, line starts and words right after an opening quote are capitalised anyway. */
  function startLike(k: number): boolean {
    if (sentStart.has(k) || tokens[k].newlineBefore) return true;
    const p = tokens[k - 1];
    return !!p && p.kind === 'punct' && (p.text === '\u201c' || p.text === '"' || p.text === '\u2018' || p.text === '(');
  }

  function spanText(a: number, b: number): string {
    return text.slice(tokens[a].start, tokens[b - 1].end);
  }

  return {
    text,
    tokens,
    keys,
    sentOf,
    lowerSeen,
    startLike,
    spanText,
    pieces: [],
    countryAt: new Map(),
    teamByNickname: new Map(),
    sportsText: null,
    unitNames: null,
    capitalsCounts: null,
  };
}

/**
 * The lower-case second syllable of a hyphenated (Korean) given name ("Jae-in", "Yo-jong",
 * "Byung-hun"): one romanised Korean syllable (initial consonants, a vowel, at most a final n, ng,
 * k, l, m, p or t) glued to the hyphen, and not a word English hyphenates onto names ("-on", "-run").
 */
export function isGivenNameSyllable(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.cap && !t.spaceBefore && KOREAN_SYLLABLE.test(t.text) && !NAME_COMPOUND_WORDS.has(t.key);
}

export function isNameToken(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.cap && t.key !== "'s";
}

export function headOf(keys: string[]): string {
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

/** The Arabic article hyphened to the next word, after a space: "al-" of "Bashar al-Assad", "Al-" of "Farah Al-Ibrahim". */
export function arabicArticleAt(scan: EntityScan, k: number): boolean {
  const { tokens, keys } = scan;
  return (keys[k] === 'al' || keys[k] === 'el') && tokens[k].spaceBefore && tokens[k + 1]?.text === '-' && !tokens[k + 1].spaceBefore;
}
