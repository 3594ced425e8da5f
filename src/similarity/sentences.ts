/**
 * Sentence-level reuse: for each sentence of B, the sentence of A (or two adjacent sentences,
 * for spins that merge or run sentences together) that it most likely reuses, scored by
 * order-aware LCS similarity. Candidates are the A sentences sharing content words with the B
 * sentence (an inverted index over A), so the cost is linear-ish in text length.
 */
import { lcsDice } from './lcs.js';
import { appendTo } from '../multimap.js';
import type { Tokens } from './tokens.js';

export interface SentenceMatch {
  /** Token span of the B sentence. */
  bTokenStart: number;
  bTokenEnd: number;
  /** Token span of the matched A sentence(s). */
  aTokenStart: number;
  aTokenEnd: number;
  similarity: number;
}

/** How many of the best-sharing A sentences are scored per B sentence. */
const CANDIDATES = 3;
/** Least shared content words for an A sentence to be a candidate. */
const MIN_SHARED = 2;
/** Sentences longer than this (run-on scraps) are cut for scoring, to bound the LCS cost. */
const MAX_SENTENCE_TOKENS = 200;

/**
 * Share of key tokens (numbers, names) the two spans agree on, relative to the side with fewer;
 * 1 when either side has none. A copy or spin keeps names and figures; a report built from the
 * same phrasing about another event (another town, another toll) does not.
 */
function keyAgreement(a: Tokens, aSpans: Array<[number, number]>, b: Tokens, bS: number, bE: number): number {
  const ka = new Set<number>();
  for (const [aS, aE] of aSpans) for (let i = aS; i < aE; i++) if (a.key[i]) ka.add(a.stems[i]);
  const kb = new Set<number>();
  for (let j = bS; j < bE; j++) if (b.key[j]) kb.add(b.stems[j]);
  if (ka.size === 0 || kb.size === 0) return 1;
  let shared = 0;
  for (const k of kb) if (ka.has(k)) shared++;
  return shared / Math.min(ka.size, kb.size);
}

export function matchSentences(a: Tokens, b: Tokens, minSimilarity = 0.5, maxMissedTokens = Infinity): SentenceMatch[] | null {
  let missed = 0;
  const aSentences = a.sentenceStarts.length - 1;
  const index = sentenceIndex(a);
  const out: SentenceMatch[] = [];
  const shared = new Map<number, number>();
  /** Similarity of B[bS, bE) to A's sentences `ids` (in A order), read as one text. */
  const score = (ids: number[], bS: number, bE: number) => {
    const spans = ids.map((id): [number, number] => {
      const aS = a.sentenceStarts[id];
      return [aS, Math.min(a.sentenceStarts[id + 1], aS + MAX_SENTENCE_TOKENS)];
    });
    let sim: number;
    if (spans.length === 1) sim = lcsDice(a.stems, spans[0][0], spans[0][1], b.stems, bS, bE);
    else {
      let len = 0;
      for (const [x, y] of spans) len += y - x;
      const joined = new Uint32Array(len);
      let k = 0;
      for (const [x, y] of spans) {
        joined.set(a.stems.subarray(x, y), k);
        k += y - x;
      }
      sim = lcsDice(joined, 0, len, b.stems, bS, bE);
    }
    // The key check can only lower the score: skip it when the wording already fails.
    return sim < minSimilarity ? sim : sim * keyAgreement(a, spans, b, bS, bE);
  };
  for (let s = 0; s + 1 < b.sentenceStarts.length; s++) {
    const bS = b.sentenceStarts[s];
    const bE = Math.min(b.sentenceStarts[s + 1], bS + MAX_SENTENCE_TOKENS);
    if (bE <= bS) continue;
    shared.clear();
    const seen = new Set<number>();
    for (let j = bS; j < bE; j++) {
      if (b.stop[j] || seen.has(b.stems[j])) continue;
      seen.add(b.stems[j]);
      for (const as of index.get(b.stems[j]) ?? []) shared.set(as, (shared.get(as) ?? 0) + 1);
    }
    const ranked = [...shared].filter(([, n]) => n >= Math.min(MIN_SHARED, seen.size)).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    let best: number[] = [];
    let bestSim = -1;
    const top = ranked.slice(0, CANDIDATES).map(([as]) => as);
    for (const as of top) {
      const sim = score([as], bS, bE);
      if (sim > bestSim + 1e-9) [best, bestSim] = [[as], sim];
    }
    const bestLength = best.length ? a.sentenceStarts[best[0] + 1] - a.sentenceStarts[best[0]] : 0;
    if (best.length && bestSim < 0.9 && bE - bS > 1.25 * bestLength) {
      // B may have merged or run together sentences that are apart in A (a spinner dropped the
      // ones between): try the best one with each neighbour, and the top candidates read together.
      const as = best[0];
      const groups = [[as - 1, as], [as, as + 1], [...top.slice(0, 2)].sort((x, y) => x - y), [...top].sort((x, y) => x - y)];
      for (const g of groups) {
        if (g[0] < 0 || g[g.length - 1] >= aSentences || new Set(g).size !== g.length) continue;
        const sim = score(g, bS, bE);
        if (sim > bestSim + 1e-9) [best, bestSim] = [g, sim];
      }
    }
    if (bestSim >= minSimilarity) {
      out.push({ bTokenStart: bS, bTokenEnd: b.sentenceStarts[s + 1], aTokenStart: a.sentenceStarts[best[0]], aTokenEnd: a.sentenceStarts[best[best.length - 1] + 1], similarity: bestSim });
    } else if ((missed += b.sentenceStarts[s + 1] - bS) > maxMissedTokens) return null;
  }
  return out;
}

/** content stem → sentences of A holding it; cached per Tokens object (an article is matched against many). */
const indexCache = new WeakMap<Tokens, Map<number, number[]>>();

function sentenceIndex(a: Tokens): Map<number, number[]> {
  let index = indexCache.get(a);
  if (index) return index;
  index = new Map();
  for (let s = 0; s + 1 < a.sentenceStarts.length; s++) {
    const seen = new Set<number>();
    for (let i = a.sentenceStarts[s]; i < a.sentenceStarts[s + 1]; i++) {
      if (a.stop[i] || seen.has(a.stems[i])) continue;
      seen.add(a.stems[i]);
      appendTo(index, a.stems[i], s);
    }
  }
  indexCache.set(a, index);
  return index;
}
