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
  const out: DiffSegment[] = [];
  const push = (op: DiffSegment['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ' ' + text;
    else out.push({ op, text });
  };
  const word = (s: string, t: typeof ta, k: number) => s.slice(t.offsets[2 * k], t.offsets[2 * k + 1]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ta.stems[i] === tb.stems[j]) {
      push('same', word(a, ta, i));
      i++;
      j++;
    } else if (i < n && (j >= m || table[(i + 1) * w + j] >= table[i * w + j + 1])) {
      push('removed', word(a, ta, i++));
    } else {
      push('added', word(b, tb, j++));
    }
  }
  return out;
}

/** Plain-text rendering: [-removed-] {+added+} (the wdiff convention). */
export function renderDiff(segments: DiffSegment[]): string {
  return segments.map((s) => (s.op === 'same' ? s.text : s.op === 'removed' ? `[-${s.text}-]` : `{+${s.text}+}`)).join(' ');
}
