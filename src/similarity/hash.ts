/**
 * Small, hand-written 32-bit hashes shared by shingling, MinHash and LSH.
 * Everything here is deterministic across runs and platforms (no seeds from the clock), so
 * signatures stored today still match signatures computed tomorrow.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `s[start, end)`. Cheap and good enough for word hashing. */
export function fnv1a(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** murmur3 finaliser: spreads every input bit over every output bit (FNV alone leaves weak high bits). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-dependent combination of two 32-bit hashes (boost::hash_combine style, then mixed). */
export function combine(seed: number, value: number): number {
  return fmix32((seed ^ (value + 0x9e3779b9 + (seed << 6) + (seed >>> 2))) >>> 0);
}

/** A tiny deterministic PRNG (mulberry32), used to draw MinHash coefficients and in benchmarks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
