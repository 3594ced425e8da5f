/**
 * Passages one article shares with another, ready to show side by side: offsets in both texts,
 * the two texts, and their word difference. What `parallax reuse` prints and `/api/reuse` returns.
 */
import { align } from './align.js';
import { passageDiff, type DiffSegment, type Ranges } from './diff.js';

export interface ReusedPassage {
  a: string;
  b: string;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
  verbatim: boolean;
  textA: string;
  textB: string;
  /** Word difference from A's passage to B's; null when the passages are too long to diff. */
  diff: DiffSegment[] | null;
  /** The words of textA that B dropped and the words textB added, as ranges in each (empty when not diffed). */
  removed: Ranges;
  added: Ranges;
}

export function reusedPassages(a: { id: string; text: string }, b: { id: string; text: string }): ReusedPassage[] {
  return align(a.text, b.text).map((p) => {
    const textA = a.text.slice(p.aStart, p.aEnd);
    const textB = b.text.slice(p.bStart, p.bEnd);
    const d = passageDiff(textA, textB);
    return {
      a: a.id, b: b.id, aStart: p.aStart, aEnd: p.aEnd, bStart: p.bStart, bEnd: p.bEnd, similarity: p.similarity, verbatim: p.verbatim,
      textA, textB, diff: d?.segments ?? null, removed: d?.removed ?? [], added: d?.added ?? [],
    };
  });
}
