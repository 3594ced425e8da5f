/**
 * Word-level difference between two aligned passages, for showing reuse side by side: which
 * words the second text kept, dropped and added (compared on stems, shown as written).
 */
import { tokenize } from './tokens.js';

export interface DiffSegment {
  op: 'same' | 'removed' | 'added';
  /** Text as written, from A for same/removed, from B for added. */
  text: string;
}

/** Passages longer than this (in tokens, each) are not diffed: the table would be too large. */
const MAX_DIFF_TOKENS = 3000;

export function wordDiff(a: string, b: string): DiffSegment[] | null {
  return passageDiff(a, b)?.segments ?? null;
}

/** [start, end) character ranges, relative to the passage each lies in. */
export type Ranges = Array<[number, number]>;

export interface PassageDiff {
  segments: DiffSegment[];
  /**
   * The same difference as character ranges: the words of A that B dropped, and the words B
   * added, runs of neighbouring words as one range, so a viewer can mark them in the passages as
   * written (punctuation and all).
   */
  removed: Ranges;
  added: Ranges;
}

/** Word difference as segments and as ranges; null when the passages are too long to diff. */
export function passageDiff(a: string, b: string): PassageDiff | null {
  const d = diffTokens(a, b);
  if (!d) return null;
  const { ta, tb } = d;
  const segments: DiffSegment[] = [];
  const removed: Ranges = [];
  const added: Ranges = [];
  let last: DiffSegment['op'] | null = null;
  for (const { op, token } of d.steps) {
    const [text, t, ranges] = op === 'added' ? [b, tb, added] : [a, ta, op === 'removed' ? removed : null];
    const start = t.offsets[2 * token];
    const end = t.offsets[2 * token + 1];
    const word = text.slice(start, end);
    if (last === op) {
      segments[segments.length - 1].text += ' ' + word;
      if (ranges) ranges[ranges.length - 1][1] = end;
    } else {
      segments.push({ op, text: word });
      ranges?.push([start, end]);
    }
    last = op;
  }
  return { segments, removed, added };
}

/** The LCS walk over stemmed tokens: which token of A or B each step keeps, drops or adds. */
function diffTokens(a: string, b: string) {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const n = ta.length;
  const m = tb.length;
  if (n > MAX_DIFF_TOKENS || m > MAX_DIFF_TOKENS) return null;
  // Full LCS table (suffix form) for the backtrack; bounded by MAX_DIFF_TOKENS².
  const w = m + 1;
  const table = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = ta.stems[i] === tb.stems[j] ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  // `token`: the index in A for same and removed, in B for added
  const steps: Array<{ op: DiffSegment['op']; token: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ta.stems[i] === tb.stems[j]) {
      steps.push({ op: 'same', token: i });
      i++;
      j++;
    } else if (i < n && (j >= m || table[(i + 1) * w + j] >= table[i * w + j + 1])) {
      steps.push({ op: 'removed', token: i++ });
    } else {
      steps.push({ op: 'added', token: j++ });
    }
  }
  return { ta, tb, steps };
}

/** Plain-text rendering: [-removed-] {+added+} (the wdiff convention). */
export function renderDiff(segments: DiffSegment[]): string {
  return segments.map((s) => (s.op === 'same' ? s.text : s.op === 'removed' ? `[-${s.text}-]` : `{+${s.text}+}`)).join(' ');
}
