/**
 * Pieces shared by the NLP gold builder (scripts/build-nlp-gold.ts) and the NLP benchmark
 * (bench/nlp.ts, bench/lib/real-news-gold.ts): marking gold surface forms in a text, and
 * precision/recall/F1 counts.
 */

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
}
export const prf = (): PRF => ({ tp: 0, fp: 0, fn: 0 });
export const round = (x: number) => Math.round(x * 1000) / 1000;
export function scores(c: PRF) {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { precision: round(p), recall: round(r), f1: round(f), tp: c.tp, fp: c.fp, fn: c.fn };
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Start offsets of `needle` in `text` at word boundaries. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + needle.length])) out.push(i);
  }
  return out;
}

/**
 * Every occurrence of each surface form (the first element of each item) at word boundaries,
 * longest surface first, never overlapping; sorted by position. `onMissing` is told of a surface
 * that does not occur at all.
 */
export function markSurfaces<T extends readonly [string, ...unknown[]]>(text: string, items: readonly T[], onMissing?: (item: T) => void): { start: number; end: number; item: T }[] {
  const taken: [number, number][] = [];
  const out: { start: number; end: number; item: T }[] = [];
  for (const item of [...items].sort((a, b) => b[0].length - a[0].length)) {
    const occ = occurrences(text, item[0]);
    if (!occ.length) onMissing?.(item);
    for (const s of occ) {
      const e = s + item[0].length;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      taken.push([s, e]);
      out.push({ start: s, end: e, item });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
