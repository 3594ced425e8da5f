/**
 * Sentence-level reuse: for each sentence of B, the sentence of A (or two adjacent sentences,
 * for spins that merge or run sentences together) that it most likely reuses, scored by
 * order-aware LCS similarity. Candidates are the A sentences sharing content words with the B
 * sentence (an inverted index over A), so the cost is linear-ish in text length.
 */
import { lcsDice } from './lcs.js';
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
function keyAgreement(a: Tokens, aS: number, aE: number, b: Tokens, bS: number, bE: number): number {
  const ka = new Set<number>();
  for (let i = aS; i < aE; i++) if (a.key[i]) ka.add(a.stems[i]);
  const kb = new Set<number>();
  for (let j = bS; j < bE; j++) if (b.key[j]) kb.add(b.stems[j]);
  if (ka.size === 0 || kb.size === 0) return 1;
  let shared = 0;
  for (const k of kb) if (ka.has(k)) shared++;
  return shared / Math.min(ka.size, kb.size);
}

/**
 * Matches of B's sentences in A. With `maxMissedTokens`, gives up (returns null) as soon as more
 * than that many B tokens are left unmatched: callers that only care about mostly-reused texts
 * skip the rest of the work.
 */
export function matchSentences(a: Tokens, b: Tokens, minSimilarity = 0.5, maxMissedTokens = Infinity): SentenceMatch[] | null {
  let missed = 0;
  const aSentences = a.sentenceStarts.length - 1;
  const index = new Map<number, number[]>();
  for (let s = 0; s < aSentences; s++) {
    const seen = new Set<number>();
    for (let i = a.sentenceStarts[s]; i < a.sentenceStarts[s + 1]; i++) {
      if (a.stop[i] || seen.has(a.stems[i])) continue;
      seen.add(a.stems[i]);
      const list = index.get(a.stems[i]);
      if (list) list.push(s);
      else index.set(a.stems[i], [s]);
    }
  }
  const out: SentenceMatch[] = [];
  const shared = new Map<number, number>();
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
    let best: SentenceMatch | null = null;
    for (const [as] of ranked.slice(0, CANDIDATES)) {
      // The sentence alone, and with each neighbour (merged or run-together sentences in B).
      for (const [from, to] of [[as, as + 1], [as - 1, as + 1], [as, as + 2]]) {
        if (from < 0 || to > aSentences) continue;
        const aS = a.sentenceStarts[from];
        const aE = Math.min(a.sentenceStarts[to], aS + MAX_SENTENCE_TOKENS);
        const sim = lcsDice(a.stems, aS, aE, b.stems, bS, bE) * keyAgreement(a, aS, aE, b, bS, bE);
        if (!best || sim > best.similarity + 1e-9) best = { bTokenStart: bS, bTokenEnd: b.sentenceStarts[s + 1], aTokenStart: aS, aTokenEnd: a.sentenceStarts[to], similarity: sim };
      }
    }
    if (best && best.similarity >= minSimilarity) out.push(best);
    else if ((missed += b.sentenceStarts[s + 1] - bS) > maxMissedTokens) return null;
  }
  return out;
}
