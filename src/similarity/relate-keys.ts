/**
 * What relating needs to know of an article's text, computed once per article (in an extract worker, off
 * the store's thread): a hash of the normalised text for exact duplicates, a MinHash signature and its LSH
 * band keys for near-duplicate candidates.
 */
import { createHash } from 'node:crypto';
import { candidateProbability, lshBandKeys, minhashSignature } from './minhash.js';
import { normalizeForHash, wordShingles } from './shingles.js';

export interface DuplicateOptions {
  /** Estimated Jaccard similarity of word shingles at or above which two articles are near duplicates. */
  nearThreshold: number;
  /** MinHash permutations. */
  numPerm: number;
  shingleSize: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  nearThreshold: 0.8,
  numPerm: 128,
  shingleSize: 5,
};

/** Pairs at the threshold must become LSH candidates with at least this probability. */
const MIN_CANDIDATE_RECALL = 0.995;

/**
 * The LSH layout for a threshold: the most rows per band (fewest false candidates to verify) that still
 * makes a pair at the threshold a candidate with probability >= 0.995. For 0.8 and 128 permutations:
 * 21 bands of 6 rows (pairs at 0.8 found with p = 0.998, pairs at 0.4 fetched with p = 0.08).
 */
export function lshBands(threshold: number, numPerm: number): number {
  for (let rows = numPerm; rows >= 1; rows--) {
    const bands = Math.floor(numPerm / rows);
    if (candidateProbability(threshold, bands, rows) >= MIN_CANDIDATE_RECALL) return bands;
  }
  return numPerm;
}

export interface RelateKeys {
  textHash: string;
  signature: Uint32Array;
  bandKeys: number[];
}

export function relateKeys(text: string, options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS): RelateKeys {
  const textHash = createHash('sha256').update(normalizeForHash(text)).digest('hex').slice(0, 32);
  const signature = minhashSignature(wordShingles(text, options.shingleSize), options.numPerm);
  return { textHash, signature, bandKeys: lshBandKeys(signature, lshBands(options.nearThreshold, options.numPerm)) };
}
