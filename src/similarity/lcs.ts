/**
 * Order-aware similarity of two token spans: Dice coefficient of their longest common subsequence,
 * 2·LCS / (|A| + |B|). Synonym swaps cost one token each; rewording that reorders clauses costs a
 * lot. That difference is what separates a spun copy from an independent report of the same facts.
 */

/**
 * LCS length of a[aS, aE) and b[bS, bE). The shared prefix and suffix are matched first (some LCS
 * always keeps them: a copied sentence with one word changed leaves little in between); the rest
 * is the bit-parallel algorithm of Crochemore, Iliopoulos, Pinzon and Reid (2001): one machine
 * word carries 32 cells of a row of the dynamic programme, so a row costs ⌈|B|/32⌉ steps instead
 * of |B|, and a word of A that B lacks costs nothing.
 */
export function lcsLength(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, bE: number): number {
  let n = aE - aS;
  let m = bE - bS;
  if (n <= 0 || m <= 0) return 0;
  let common = 0;
  while (common < n && common < m && a[aS + common] === b[bS + common]) common++;
  aS += common;
  bS += common;
  n -= common;
  m -= common;
  while (n > 0 && m > 0 && a[aE - 1] === b[bE - 1]) {
    aE--;
    bE--;
    n--;
    m--;
    common++;
  }
  if (n === 0 || m === 0) return common;
  return common + (m <= 32 ? lcsOneWord(a, aS, aE, b, bS, m) : lcsManyWords(a, aS, aE, b, bS, m));
}

/** Match masks of B's symbols for the one-word case (bit j set where B[j] is the symbol); reused between calls. */
const oneWordMasks = new Map<number, number>();

/** B of at most 32 symbols: the row is one unsigned 32-bit number; LCS = the zero bits of V. */
function lcsOneWord(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, m: number): number {
  oneWordMasks.clear();
  for (let j = 0; j < m; j++) oneWordMasks.set(b[bS + j], (oneWordMasks.get(b[bS + j]) ?? 0) | (1 << j));
  const full = m === 32 ? 0xffffffff : 2 ** m - 1;
  let v = full;
  for (let i = aS; i < aE; i++) {
    const match = oneWordMasks.get(a[i]);
    if (match === undefined) continue;
    const u = (v & match) >>> 0;
    v = (((v + u) >>> 0) | (v & ~match)) >>> 0;
  }
  return m - popcount((v & full) >>> 0);
}

/** Match masks of B's symbols for the many-word case; reused between calls. */
const manyWordMasks = new Map<number, Uint32Array>();

/** B longer than 32 symbols: the row spans ⌈m/32⌉ words, added with carries from low to high. */
function lcsManyWords(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, m: number): number {
  const words = (m + 31) >>> 5;
  manyWordMasks.clear();
  for (let j = 0; j < m; j++) {
    let mask = manyWordMasks.get(b[bS + j]);
    if (!mask) manyWordMasks.set(b[bS + j], (mask = new Uint32Array(words)));
    mask[j >>> 5] |= 1 << (j & 31);
  }
  // the row's last word holds only the bits of B's last m mod 32 symbols
  const top = m & 31 ? 0xffffffff >>> (32 - (m & 31)) : 0xffffffff;
  const v = new Uint32Array(words).fill(0xffffffff);
  v[words - 1] = top;
  for (let i = aS; i < aE; i++) {
    const match = manyWordMasks.get(a[i]);
    if (!match) continue;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const vk = v[k];
      const sum = vk + ((vk & match[k]) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = (sum >>> 0) | (vk & ~match[k]);
    }
  }
  v[words - 1] &= top; // carries out of the last symbol do not count
  let ones = 0;
  for (let k = 0; k < words; k++) ones += popcount(v[k]);
  return m - ones;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Dice coefficient of the LCS: 1 for equal sequences, 0 for nothing in common. */
export function lcsDice(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, bE: number): number {
  const total = aE - aS + (bE - bS);
  return total === 0 ? 0 : (2 * lcsLength(a, aS, aE, b, bS, bE)) / total;
}
