/**
 * Order-aware similarity of two token spans: Dice coefficient of their longest common subsequence,
 * 2·LCS / (|A| + |B|). Synonym swaps cost one token each; rewording that reorders clauses costs a
 * lot. That difference is what separates a spun copy from an independent report of the same facts.
 */

let rowPrev = new Uint16Array(0);
let rowCur = new Uint16Array(0);

/** LCS length of a[aS, aE) and b[bS, bE) (two-row dynamic programme, O(|A|·|B|) time, O(|B|) space). */
export function lcsLength(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, bE: number): number {
  const m = bE - bS;
  if (aE <= aS || m <= 0) return 0;
  if (rowPrev.length < m + 1) {
    rowPrev = new Uint16Array(m + 1);
    rowCur = new Uint16Array(m + 1);
  }
  rowPrev.fill(0, 0, m + 1);
  let prev = rowPrev;
  let cur = rowCur;
  for (let i = aS; i < aE; i++) {
    cur[0] = 0;
    const x = a[i];
    for (let j = 1; j <= m; j++) {
      if (b[bS + j - 1] === x) cur[j] = prev[j - 1] + 1;
      else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Dice coefficient of the LCS: 1 for equal sequences, 0 for nothing in common. */
export function lcsDice(a: Uint32Array, aS: number, aE: number, b: Uint32Array, bS: number, bE: number): number {
  const total = aE - aS + (bE - bS);
  return total === 0 ? 0 : (2 * lcsLength(a, aS, aE, b, bS, bE)) / total;
}
