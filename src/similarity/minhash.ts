/**
 * MinHash signatures and LSH banding over hashed shingle sets.
 *
 * Permutation i is simulated by the hash h_i(x) = (a_i * x + b_i) mod 2^32 applied to an
 * already well-mixed 32-bit shingle hash x, with a_i odd (multiply-add hashing: a bijection on
 * 32-bit words, so distinct shingles never collide within one permutation). The minimum is taken
 * over the full 32-bit value, whose high bits are the well-distributed ones.
 * Coefficients come from a fixed-seed PRNG so signatures are stable across runs and machines.
 */
import { combine, fmix32, mulberry32 } from './hash.js';

export const DEFAULT_NUM_PERM = 128;
export const DEFAULT_MINHASH_SEED = 0x5eed1e55;

interface Coefficients {
  a: Uint32Array;
  b: Uint32Array;
}
const coefficientCache = new Map<string, Coefficients>();

function coefficients(numPerm: number, seed: number): Coefficients {
  const key = `${numPerm}:${seed}`;
  let c = coefficientCache.get(key);
  if (!c) {
    const rand = mulberry32(seed);
    const a = new Uint32Array(numPerm);
    const b = new Uint32Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      a[i] = (Math.floor(rand() * 4294967296) | 1) >>> 0;
      b[i] = Math.floor(rand() * 4294967296) >>> 0;
    }
    c = { a, b };
    coefficientCache.set(key, c);
  }
  return c;
}

/**
 * MinHash signature of a shingle set. An empty set gets a signature of all 0xffffffff, which
 * matches only other empty sets (estimateJaccard treats two empty signatures as identical).
 */
export function minhashSignature(
  shingles: Uint32Array,
  numPerm = DEFAULT_NUM_PERM,
  seed = DEFAULT_MINHASH_SEED,
): Uint32Array {
  const { a, b } = coefficients(numPerm, seed);
  const sig = new Uint32Array(numPerm).fill(0xffffffff);
  const n = shingles.length;
  // Mix once per shingle: the hash family is only pairwise-independent-ish on random-looking inputs.
  const mixed = new Int32Array(n);
  for (let j = 0; j < n; j++) mixed[j] = fmix32(shingles[j]);
  for (let i = 0; i < numPerm; i++) {
    const ai = a[i] | 0;
    const bi = b[i] | 0;
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      const h = (Math.imul(ai, mixed[j]) + bi) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** Share of positions where two signatures agree: an unbiased estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * One key per LSH band: a hash of the band's rows and of the band index (so equal rows in different
 * bands do not share a bucket). Two signatures are candidates when any key is shared. Keys are 32-bit
 * numbers; a rare accidental collision only adds a candidate that the caller verifies anyway.
 */
export function lshBandKeys(sig: Uint32Array, bands = 32): number[] {
  const rows = Math.floor(sig.length / bands);
  if (rows < 1) throw new RangeError(`lshBandKeys: ${bands} bands need at least ${bands} signature values`);
  const keys: number[] = new Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = fmix32(band + 1);
    for (let r = band * rows, end = r + rows; r < end; r++) h = combine(h, sig[r]);
    keys[band] = h;
  }
  return keys;
}

/** Probability that two sets of Jaccard similarity s share at least one of b bands of r rows. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/**
 * Bands and rows (bands * rows <= numPerm) whose S-curve best separates pairs above `threshold`
 * from pairs below it: minimises the sum of false-positive mass below the threshold and
 * false-negative mass above it (numerical integration), weighting misses `fnWeight` times more
 * (missing a duplicate costs more than verifying one extra candidate).
 */
export function bandsFor(threshold: number, numPerm = DEFAULT_NUM_PERM, fnWeight = 1): { bands: number; rows: number } {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError('bandsFor: threshold must be in (0, 1)');
  const steps = 200;
  const integrate = (from: number, to: number, f: (s: number) => number) => {
    const dx = (to - from) / steps;
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += f(from + (i + 0.5) * dx) * dx;
    return sum;
  };
  let best = { bands: 1, rows: numPerm };
  let bestCost = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    const rows = Math.floor(numPerm / bands);
    if (rows < 1) break;
    const fp = integrate(0, threshold, (s) => candidateProbability(s, bands, rows));
    const fn = integrate(threshold, 1, (s) => 1 - candidateProbability(s, bands, rows));
    const cost = fp + fnWeight * fn;
    if (cost < bestCost - 1e-12) {
      bestCost = cost;
      best = { bands, rows };
    }
  }
  return best;
}
