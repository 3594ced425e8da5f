/** Clustering metrics against a reference labelling: pairwise and BCubed precision/recall/F1. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function prf(precision: number, recall: number): PRF {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * `predicted` and `truth` map each item to a cluster label (items missing from `predicted` are
 * singletons). Both computed from the contingency table, so memory is O(items), not O(pairs).
 */
export function clusterScores(predicted: Map<string, string>, truth: Map<string, string>): { pairwise: PRF; bcubed: PRF } {
  const cell = new Map<string, number>();
  const predSize = new Map<string, number>();
  const trueSize = new Map<string, number>();
  for (const [item, t] of truth) {
    const p = predicted.get(item) ?? `singleton:${item}`;
    const key = `${p}\u0000${t}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let tp = 0;
  let bP = 0;
  let bR = 0;
  for (const [key, n] of cell) {
    const [p, t] = key.split('\u0000');
    tp += pairs(n);
    bP += (n * n) / predSize.get(p)!;
    bR += (n * n) / trueSize.get(t)!;
  }
  let predPairs = 0;
  for (const n of predSize.values()) predPairs += pairs(n);
  let truePairs = 0;
  for (const n of trueSize.values()) truePairs += pairs(n);
  const N = truth.size;
  return {
    pairwise: prf(predPairs === 0 ? 1 : tp / predPairs, truePairs === 0 ? 1 : tp / truePairs),
    bcubed: prf(bP / N, bR / N),
  };
}

export function fmt(x: PRF): string {
  return `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
}
