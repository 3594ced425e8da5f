/**
 * Derived copies: is article B a copy (verbatim) or a spin (paraphrase) of article A?
 *
 * B derives from A when most of B's sentences reuse a sentence of A (coverage: share of B's words
 * in such sentences) and they are close in wording and order (similarity: mean LCS Dice). An
 * independent report of the same facts rewords and reorders, so few of its sentences qualify;
 * a copy or a spin keeps nearly every sentence's order, so nearly all qualify. Which side is the original is decided, in order, by:
 *   1. publication time — the earlier article is the source (when both are known and differ);
 *   2. credit — an article whose dateline credits the other's outlet ("SEOUL (AP) —" vs an AP
 *      article), or whose closing line does ("This article was originally published by X", "The
 *      post … appeared first on X"), copied it;
 *   3. containment — the article more fully covered by the other is the derived one (copies cut);
 *   4. otherwise the pair is ordered by id, and the evidence says so.
 */
import { alignTokens, type AlignedPassage, type AlignOptions } from '../similarity/align.js';
import { matchSentences, type SentenceMatch } from '../similarity/sentences.js';
import type { Tokens } from '../similarity/tokens.js';

export interface RelateDoc {
  id: string;
  text: string;
  /** Milliseconds since the epoch, or null when unknown. */
  publishedAt: number | null;
  outlet?: string | null;
  /**
   * The outlet the article credits as its source ("AP" in "SEOUL (AP) —", X in "This article was
   * originally published by X"); see sourceCredit(). null: looked for, none; undefined: not looked for.
   */
  credit?: string | null;
}

export type DerivationKind = 'copy-of' | 'spin-of';
export type DirectionEvidence = 'time' | 'wire-credit' | 'containment' | 'id-order';

export interface Derivation {
  /** The derived article. */
  derived: string;
  /** The article it derives from. */
  source: string;
  kind: DerivationKind;
  /** coverage of the derived article × mean passage similarity, in [0, 1]. */
  score: number;
  /** Share of the derived article's words inside reused passages. */
  coverage: number;
  /** Mean passage similarity weighted by passage length. */
  similarity: number;
  direction: DirectionEvidence;
  /** Passages with offsets: `a*` in the source, `b*` in the derived article. */
  passages: AlignedPassage[];
}

export interface DeriveOptions {
  /** Least share of the derived article's words that must sit in reused passages. */
  minCoverage: number;
  /** Least LCS similarity for a sentence to count as reused. */
  sentenceSimilarity: number;
  /**
   * A heavy spin ("individuals" for "people", "in keeping with" for "according to", "stated" for
   * "said") leaves about half of each sentence's words in place: sentences this similar count
   * too, when they cover at least `looseMinCoverage` of the article, in order. Independent reports
   * of one event reach this similarity in a few sentences, never across nine tenths of the text.
   */
  looseSentenceSimilarity: number;
  looseMinCoverage: number;
  /** Least mean similarity of the reused sentences for any derivation. */
  minSimilarity: number;
  /** Mean similarity at or above which the reuse is a copy rather than a spin. */
  copySimilarity: number;
  align?: Partial<AlignOptions>;
}

export const DEFAULT_DERIVE_OPTIONS: DeriveOptions = {
  minCoverage: 0.8,
  sentenceSimilarity: 0.6,
  looseSentenceSimilarity: 0.5,
  looseMinCoverage: 0.9,
  minSimilarity: 0.6,
  copySimilarity: 0.98,
};

const WIRE_CREDIT_MAX_OFFSET = 200;

/**
 * The credit in a wire dateline near the start of a text: "PLACE (AP) —", "PLACE, Country (Reuters) -".
 * General pattern: a parenthesised name of at most 30 characters starting with a capital letter,
 * followed by a dash, within the first 200 characters. Scanned by hand (no backtracking).
 */
export function wireCredit(text: string): string | null {
  const head = text.slice(0, WIRE_CREDIT_MAX_OFFSET);
  let from = 0;
  for (;;) {
    const open = head.indexOf('(', from);
    if (open < 0) return null;
    const close = head.indexOf(')', open + 1);
    if (close < 0) return null;
    const name = head.slice(open + 1, close).trim();
    let k = close + 1;
    while (k < head.length && head.charCodeAt(k) === 32) k++;
    const dash = head[k];
    if (name.length >= 2 && name.length <= 30 && /^\p{Lu}/u.test(name) && (dash === '—' || dash === '–' || dash === '-')) {
      return name;
    }
    from = close + 1;
  }
}

const SYNDICATION_TAIL_CHARS = 600;

/**
 * "This article was originally published by X", "This story first appeared in X", "Originally
 * published on X", "Republished with permission from X", at a sentence's start. "Originally",
 * "first" or "from" must be there: "This article was reprinted on Wired.com" names where the
 * article was copied *to*. Anchored, no nested quantifiers: linear.
 */
const SYNDICATION_OPENER =
  /^(?:(?:this|the) (?:article|story|post|piece|report|column|essay|interview|feature) (?:was |is |has been )?)?(?:(?:originally|first) (?:published|appeared|posted) (?:on|by|in|at) |(?:republished|reprinted|syndicated)(?: with permission)? from )/;

/** Words that end a credited name: "by Futurism on March 3", "from The Conversation under a licence". */
const NAME_ENDS = [' under ', ' and ', ' with ', ' on ', ' in ', ' as ', ' at ', ' via ', ' for '];

const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
]);

/**
 * The outlet a syndicated copy credits at its end: "The post … appeared first on Example News.",
 * "This article was originally published by Futurism. Read the original article.", "Originally
 * published on Live Science." Cleaning keeps these lines (they are part of the article as its
 * publisher printed it), and they say which copy came from which. A date after the phrase
 * ("originally published in March 2022") names no outlet.
 */
export function syndicationCredit(text: string): string | null {
  const lines = text.slice(-SYNDICATION_TAIL_CHARS).split('\n').map((l) => l.trim()).filter(Boolean).slice(-3);
  for (const line of lines.reverse()) {
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const name = creditedName(sentence.trim());
      if (name) return name;
    }
  }
  return null;
}

function creditedName(sentence: string): string | null {
  const lower = sentence.toLowerCase();
  let rest: string | null = null;
  if (lower.startsWith('the post ')) {
    const at = lower.lastIndexOf(' appeared first on ');
    if (at > 0) rest = sentence.slice(at + ' appeared first on '.length);
  } else {
    const m = SYNDICATION_OPENER.exec(lower);
    if (m) rest = sentence.slice(m[0].length);
  }
  if (!rest) return null;
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    // a period inside a domain name ("Wired.com") does not end it
    if (',;(:!?'.includes(rest[i]) || (rest[i] === '.' && !/\w/.test(rest[i + 1] ?? ''))) {
      end = i;
      break;
    }
  }
  for (const word of NAME_ENDS) {
    const i = rest.indexOf(word);
    if (i > 0) end = Math.min(end, i);
  }
  const name = rest.slice(0, end).trim();
  const words = name.split(/\s+/);
  if (!name || words.length > 6 || CALENDAR_WORDS.has(words[0].toLowerCase())) return null;
  const domain = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(name);
  if (!domain && !/^\p{Lu}/u.test(name)) return null;
  return name;
}

/** Who an article credits as its source: a wire dateline's agency, else a syndication line's outlet. */
export function sourceCredit(text: string): string | null {
  return wireCredit(text) ?? syndicationCredit(text);
}

function sameOutlet(credit: string | null | undefined, outlet: string | null | undefined): boolean {
  if (!credit || !outlet) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const c = norm(credit);
  const o = norm(outlet);
  return c.length > 1 && (o === c || o.startsWith(c) || c.startsWith(o));
}

/**
 * The reused sentences that keep their order: the heaviest chain (by words) of matches whose A
 * positions never go backwards. A copy or spin keeps the order of its source; independent
 * reports tell the same facts in their own order.
 */
function inOrder(matches: SentenceMatch[]): SentenceMatch[] {
  const n = matches.length;
  if (n <= 1 || n > 400) return matches;
  const weight = matches.map((m) => m.bTokenEnd - m.bTokenStart);
  const best = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  let end = 0;
  for (let i = 0; i < n; i++) {
    best[i] = weight[i];
    for (let k = 0; k < i; k++) {
      if (matches[k].aTokenStart <= matches[i].aTokenStart && best[k] + weight[i] > best[i]) {
        best[i] = best[k] + weight[i];
        prev[i] = k;
      }
    }
    if (best[i] > best[end]) end = i;
  }
  const chain: SentenceMatch[] = [];
  for (let i = end; i >= 0; i = prev[i]) chain.push(matches[i]);
  return chain.reverse();
}

/** Coverage and length-weighted mean similarity of the sentences of one side reused, in order, from the other. */
function reuse(matches: SentenceMatch[], length: number): { coverage: number; similarity: number } {
  let covered = 0;
  let sum = 0;
  for (const m of inOrder(matches)) {
    const w = m.bTokenEnd - m.bTokenStart;
    covered += w;
    sum += m.similarity * w;
  }
  return { coverage: length === 0 ? 0 : covered / length, similarity: covered === 0 ? 0 : sum / covered };
}

function swapSides(p: AlignedPassage): AlignedPassage {
  return {
    aStart: p.bStart,
    aEnd: p.bEnd,
    bStart: p.aStart,
    bEnd: p.aEnd,
    aTokenStart: p.bTokenStart,
    aTokenEnd: p.bTokenEnd,
    bTokenStart: p.aTokenStart,
    bTokenEnd: p.aTokenEnd,
    similarity: p.similarity,
    verbatim: p.verbatim,
  };
}

/**
 * How much of each side is reused, in order, from the other; null when neither side reaches
 * `minCoverage` with sentences from `sentenceSimilarity` up, nor `looseMinCoverage` with sentences
 * from `looseSentenceSimilarity` up. One matching pass at the looser similarity serves both
 * readings (each sentence's best match does not depend on the threshold); each side's matching
 * stops once it cannot reach `minCoverage` even so.
 */
function reusedSides(ta: Tokens, tb: Tokens, o: DeriveOptions) {
  const loose = Math.min(o.looseSentenceSimilarity, o.sentenceSimilarity);
  const mB = matchSentences(ta, tb, loose, (1 - o.minCoverage) * tb.length);
  const mA = matchSentences(tb, ta, loose, (1 - o.minCoverage) * ta.length);
  if (!mA && !mB) return null;
  const none = { coverage: 0, similarity: 0 };
  const strictly = (m: SentenceMatch[]) => m.filter((x) => x.similarity >= o.sentenceSimilarity);
  const strict = { inA: mA ? reuse(strictly(mA), ta.length) : none, inB: mB ? reuse(strictly(mB), tb.length) : none };
  if (strict.inA.coverage >= o.minCoverage || strict.inB.coverage >= o.minCoverage) {
    return { ...strict, aCanDerive: strict.inA.coverage >= o.minCoverage, bCanDerive: strict.inB.coverage >= o.minCoverage };
  }
  if (loose >= o.sentenceSimilarity) return null;
  const minCoverage = Math.max(o.looseMinCoverage, o.minCoverage);
  const inA = mA ? reuse(mA, ta.length) : none;
  const inB = mB ? reuse(mB, tb.length) : none;
  if (inA.coverage < minCoverage && inB.coverage < minCoverage) return null;
  return { inA, inB, aCanDerive: inA.coverage >= minCoverage, bCanDerive: inB.coverage >= minCoverage };
}

/**
 * Decide whether one of two articles derives from the other. `ta`/`tb` are their tokens
 * (tokenise once per article, compare against many). Returns null when neither is mostly reused.
 */
export function deriveRelation(
  a: RelateDoc,
  ta: Tokens,
  b: RelateDoc,
  tb: Tokens,
  options: Partial<DeriveOptions> = {},
): Derivation | null {
  const o = { ...DEFAULT_DERIVE_OPTIONS, ...options };
  const reused = reusedSides(ta, tb, o);
  if (!reused) return null;
  const { inA, inB, bCanDerive, aCanDerive } = reused;
  const covA = inA.coverage;
  const covB = inB.coverage;

  // Which one is derived? true = B derives from A.
  let bDerived: boolean;
  let direction: DirectionEvidence;
  const creditA = a.credit === undefined ? sourceCredit(a.text) : a.credit;
  const creditB = b.credit === undefined ? sourceCredit(b.text) : b.credit;
  if (a.publishedAt !== null && b.publishedAt !== null && a.publishedAt !== b.publishedAt) {
    bDerived = b.publishedAt > a.publishedAt;
    direction = 'time';
  } else if (sameOutlet(creditB, a.outlet) !== sameOutlet(creditA, b.outlet)) {
    bDerived = sameOutlet(creditB, a.outlet);
    direction = 'wire-credit';
  } else if (Math.abs(covA - covB) > 0.05) {
    bDerived = covB > covA;
    direction = 'containment';
  } else {
    bDerived = a.id < b.id;
    direction = 'id-order';
  }
  if (bDerived ? !bCanDerive : !aCanDerive) return null;
  const cov = bDerived ? covB : covA;
  const similarity = bDerived ? inB.similarity : inA.similarity;
  if (similarity < o.minSimilarity) return null;
  const passages = alignTokens(ta, tb, o.align);
  return {
    derived: bDerived ? b.id : a.id,
    source: bDerived ? a.id : b.id,
    kind: similarity >= o.copySimilarity ? 'copy-of' : 'spin-of',
    score: cov * similarity,
    coverage: cov,
    similarity,
    direction,
    passages: bDerived ? passages : passages.map(swapSides),
  };
}
