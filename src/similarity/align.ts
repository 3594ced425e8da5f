/**
 * Passage alignment: which stretches of text B were reused from text A, with offsets in both.
 *
 * Seed, chain, extend, score (the text-reuse recipe of passim and BLAST, on words):
 *  1. seeds   — word n-grams (stemmed, lower-case; not made only of function words) shared by A and B;
 *               n-grams frequent inside A are skipped, so the work stays linear-ish in text length;
 *  2. chain   — seeds that advance in both texts within a gap (a dropped sentence, a synonym) join
 *               one chain; a chain is a candidate passage;
 *  3. extend  — a passage that stops a few words short of a sentence boundary is extended to it in
 *               both texts (a spun sentence often changes its first or last words);
 *  4. score   — similarity = Dice coefficient of the longest common token subsequence (order
 *               matters: a spun sentence keeps its order, a reworded one does not); a passage is
 *               verbatim when the token sequences are equal.
 */
import { combine } from './hash.js';
import { lcsDice } from './lcs.js';
import { tokenize, type Tokens } from './tokens.js';
import { appendTo } from '../multimap.js';

export interface AlignedPassage {
  /** [start, end) character offsets in text A. */
  aStart: number;
  aEnd: number;
  /** [start, end) character offsets in text B. */
  bStart: number;
  bEnd: number;
  /** Token spans, for coverage computations. */
  aTokenStart: number;
  aTokenEnd: number;
  bTokenStart: number;
  bTokenEnd: number;
  /** LCS Dice of the stemmed token sequences, in [0, 1]. */
  similarity: number;
  /** Same token sequence in both texts (punctuation and case aside). */
  verbatim: boolean;
}

export interface AlignOptions {
  /** Seed length in words. 3 survives a synonym every fourth word. */
  seedWords: number;
  /** Largest jump (in words, in either text) between two seeds of one chain. */
  maxGap: number;
  /** Fewest seeds a chain needs to become a passage. */
  minSeeds: number;
  /** Fewest words a passage must span in B. */
  minWords: number;
  /** Passages scoring below this are dropped. */
  minSimilarity: number;
  /** How far (in words) a passage edge is moved to reach a sentence boundary. */
  extendToSentence: number;
  /** Seeds occurring more often than this in A are ignored (boilerplate, refrains). */
  maxSeedRepeats: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  seedWords: 3,
  maxGap: 30,
  minSeeds: 2,
  minWords: 8,
  minSimilarity: 0.5,
  extendToSentence: 8,
  maxSeedRepeats: 6,
};

/** Seed hash at each token position (0 where the n-gram is all function words or runs off the end). */
function seedHashes(t: Tokens, n: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, t.length));
  for (let i = 0; i + n <= t.length; i++) {
    let content = false;
    let h = n;
    for (let k = 0; k < n; k++) {
      h = combine(h, t.stems[i + k]);
      if (!t.stop[i + k]) content = true;
    }
    out[i] = content ? h || 1 : 0;
  }
  return out;
}

interface Chain {
  firstI: number;
  firstJ: number;
  lastI: number;
  lastJ: number;
  seeds: number;
}

/** Passages longer than this are scored by bag-of-words Dice: the LCS table would be too big. */
const MAX_LCS_CELLS = 4_000_000;

function spanSimilarity(a: Tokens, aS: number, aE: number, b: Tokens, bS: number, bE: number): number {
  if ((aE - aS) * (bE - bS) > MAX_LCS_CELLS) return tokenDice(a, aS, aE, b, bS, bE);
  return lcsDice(a.stems, aS, aE, b.stems, bS, bE);
}

/** Dice overlap of the stemmed-token multisets of A[aS, aE) and B[bS, bE). */
function tokenDice(a: Tokens, aS: number, aE: number, b: Tokens, bS: number, bE: number): number {
  const total = aE - aS + (bE - bS);
  if (total === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = aS; i < aE; i++) counts.set(a.stems[i], (counts.get(a.stems[i]) ?? 0) + 1);
  let shared = 0;
  for (let j = bS; j < bE; j++) {
    const c = counts.get(b.stems[j]);
    if (c) {
      shared++;
      counts.set(b.stems[j], c - 1);
    }
  }
  return (2 * shared) / total;
}

function sameSequence(a: Tokens, aS: number, aE: number, b: Tokens, bS: number, bE: number): boolean {
  if (aE - aS !== bE - bS) return false;
  for (let k = 0; k < aE - aS; k++) if (a.stems[aS + k] !== b.stems[bS + k]) return false;
  return true;
}

/** Move `start` back to its sentence start and `end` forward to its sentence end when close enough. */
function extendStart(t: Tokens, start: number, limit: number): number {
  const sentStart = t.sentenceStarts[t.sentence[start]];
  return start - sentStart <= limit ? sentStart : start;
}
function extendEnd(t: Tokens, end: number, limit: number): number {
  // `end` is exclusive: the sentence of the last token ends where the next one starts.
  const sentEnd = t.sentenceStarts[t.sentence[end - 1] + 1];
  return sentEnd - end <= limit ? sentEnd : end;
}

/** Align two pre-tokenised texts (tokenise once, align against many). */
export function alignTokens(a: Tokens, b: Tokens, options: Partial<AlignOptions> = {}): AlignedPassage[] {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const n = o.seedWords;
  if (a.length < n || b.length < n) return [];
  const seedsA = seedHashes(a, n);
  const seedsB = seedHashes(b, n);
  const where = new Map<number, number[]>();
  for (let i = 0; i + n <= a.length; i++) {
    const h = seedsA[i];
    if (h === 0) continue;
    appendTo(where, h, i);
  }

  // Chains are built in one left-to-right pass over B; a chain whose last seed is more than
  // maxGap behind is closed, so the active list stays short.
  const active: Chain[] = [];
  const closed: Chain[] = [];
  for (let j = 0; j + n <= b.length; j++) {
    const h = seedsB[j];
    if (h === 0) continue;
    const hits = where.get(h);
    if (!hits || hits.length > o.maxSeedRepeats) continue;
    for (let k = active.length - 1; k >= 0; k--) {
      if (j - active[k].lastJ > o.maxGap) closed.push(...active.splice(k, 1));
    }
    for (const i of hits) {
      let best: Chain | null = null;
      let bestCost = Infinity;
      for (const c of active) {
        const di = i - c.lastI;
        const dj = j - c.lastJ;
        if (di <= 0 || dj <= 0 || di > o.maxGap) continue;
        const cost = di + dj + Math.abs(di - dj);
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
      }
      if (best) {
        best.lastI = i;
        best.lastJ = j;
        best.seeds++;
      } else {
        active.push({ firstI: i, firstJ: j, lastI: i, lastJ: j, seeds: 1 });
      }
    }
  }
  closed.push(...active);

  const raw: AlignedPassage[] = [];
  for (const c of closed) {
    if (c.seeds < o.minSeeds) continue;
    let aS = c.firstI;
    let aE = c.lastI + n;
    let bS = c.firstJ;
    let bE = c.lastJ + n;
    if (bE - bS < o.minWords) continue;
    const aS2 = extendStart(a, aS, o.extendToSentence);
    const bS2 = extendStart(b, bS, o.extendToSentence);
    if (aS2 !== aS && bS2 !== bS) [aS, bS] = [aS2, bS2];
    else if (aS - aS2 === 0 && bS - bS2 === 0) {
      // already at boundaries
    }
    const aE2 = extendEnd(a, aE, o.extendToSentence);
    const bE2 = extendEnd(b, bE, o.extendToSentence);
    if (aE2 !== aE && bE2 !== bE) [aE, bE] = [aE2, bE2];
    raw.push(makePassage(a, aS, aE, b, bS, bE));
  }
  return mergeOverlapping(a, b, raw).filter((p) => p.similarity >= o.minSimilarity);
}

function makePassage(a: Tokens, aS: number, aE: number, b: Tokens, bS: number, bE: number): AlignedPassage {
  return {
    aStart: a.offsets[2 * aS],
    aEnd: a.offsets[2 * (aE - 1) + 1],
    bStart: b.offsets[2 * bS],
    bEnd: b.offsets[2 * (bE - 1) + 1],
    aTokenStart: aS,
    aTokenEnd: aE,
    bTokenStart: bS,
    bTokenEnd: bE,
    similarity: spanSimilarity(a, aS, aE, b, bS, bE),
    verbatim: sameSequence(a, aS, aE, b, bS, bE),
  };
}

/** Passages that overlap in both texts (after extension) describe one reuse: join them. */
function mergeOverlapping(a: Tokens, b: Tokens, passages: AlignedPassage[]): AlignedPassage[] {
  passages.sort((x, y) => x.bTokenStart - y.bTokenStart || x.aTokenStart - y.aTokenStart);
  const out: AlignedPassage[] = [];
  for (const p of passages) {
    const last = out[out.length - 1];
    if (
      last &&
      p.bTokenStart <= last.bTokenEnd &&
      p.aTokenStart <= last.aTokenEnd &&
      p.aTokenEnd >= last.aTokenStart
    ) {
      out[out.length - 1] = makePassage(
        a,
        Math.min(last.aTokenStart, p.aTokenStart),
        Math.max(last.aTokenEnd, p.aTokenEnd),
        b,
        last.bTokenStart,
        Math.max(last.bTokenEnd, p.bTokenEnd),
      );
    } else out.push(p);
  }
  return out;
}

/** Align two texts: the passages of B reused from A (or vice versa), ordered by position in B. */
export function align(textA: string, textB: string, options: Partial<AlignOptions> = {}): AlignedPassage[] {
  return alignTokens(tokenize(textA), tokenize(textB), options);
}

/** Share of the tokens of a text covered by the given token spans (spans may overlap). */
export function coverage(length: number, spans: Array<[number, number]>): number {
  if (length === 0) return 0;
  const sorted = spans.slice().sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = 0;
  for (const [s, e] of sorted) {
    const from = Math.max(s, reach);
    if (e > from) covered += e - from;
    reach = Math.max(reach, e);
  }
  return covered / length;
}
