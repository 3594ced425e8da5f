/**
 * Splitting input text into the units cleaning judges: one unit per paragraph or stand-alone line.
 *
 * Input comes in three shapes: paragraphs separated by blank lines (text extracted from HTML),
 * one paragraph per line (many plain-text dumps), and hard-wrapped lines (mail, old wire copy). Lines
 * are re-joined only when the document is wrapped *and* a line is full, i.e. the next line's first
 * word would not have fitted on it: the classic test a reflowing mail reader uses.
 */

export interface Unit {
  /** The source lines, verbatim, joined with "\n" (what a Removal records). */
  raw: string;
  /** Whitespace-normalised text: wrapped lines joined with a space, runs of spaces collapsed. */
  text: string;
  /** Normalised key for rule matching (see normaliseKey). */
  key: string;
  /** Number of words in `key`. */
  words: number;
}

/** Lower case; every run of non-letters/non-digits becomes one space; trimmed. Linear time. */
export function normaliseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function countWords(key: string): number {
  if (key === '') return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}

/** Collapse spaces, tabs, NBSP and other horizontal whitespace to one space; trim. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', ')', ']', '*', '\u300d', '\u300f', '\uff09']);
// Latin, CJK (。！？), Arabic (؟ ۔), Devanagari (। ॥), Armenian (։), Ethiopic (።) sentence ends.
const TERMINALS = new Set(['.', '!', '?', '\u2026', ';', '\u3002', '\uff01', '\uff1f', '\uff0e', '\u061f', '\u06d4',
  '\u0964', '\u0965', '\u0589', '\u1362']);

/** Does the line end like a sentence (". ! ? … ;", possibly followed by closing quotes/brackets)? */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i]) || text[i] === ' ')) i--;
  return i >= 0 && TERMINALS.has(text[i]);
}

/**
 * Make a unit from source lines (verbatim), given their whitespace-collapsed forms when the caller
 * has them already.
 */
export function makeUnit(lines: string[], collapsed: string[] = lines.map(collapseSpaces)): Unit {
  let text = '';
  for (const l of collapsed) {
    if (l === '') continue;
    // A word hyphenated across the wrap ("inter-\nnational") is joined without a space.
    if (text === '') text = l;
    else if (text.endsWith('-') && /\p{Ll}$/u.test(text.slice(-2, -1)) && /^\p{Ll}/u.test(l)) text += l;
    else text += ' ' + l;
  }
  const key = normaliseKey(text);
  return { raw: lines.join('\n'), text, key, words: countWords(key) };
}

/**
 * Width a hard-wrapped document was wrapped at, or 0 when it is not wrapped. Wrapped means most
 * lines that are not the last of their block are "nearly full" (≥ 70% of the 90th-percentile length)
 * and that length is what wrapping tools use (50–100 characters; lists of short lines are not wrapped).
 */
export function wrapWidth(blocks: string[][]): number {
  const inner: number[] = [];
  const all: number[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) {
      all.push(block[i].length);
      if (i < block.length - 1) inner.push(block[i].length);
    }
  }
  if (inner.length < 3) return 0;
  const sorted = [...all].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  if (p90 < 50 || p90 > 100) return 0;
  const full = inner.filter((n) => n >= 0.7 * p90).length;
  return full / inner.length >= 0.6 ? p90 : 0;
}

/** "- item", "* item", "• item", "1. item", "2) item": a list item starts its own unit. */
function startsListItem(line: string): boolean {
  const c = line[0];
  if (c === '-' || c === '*' || c === '\u2022' || c === '\u2013' || c === '\u2014') return line[1] === ' ';
  let i = 0;
  while (i < line.length && i < 3 && line[i] >= '0' && line[i] <= '9') i++;
  return i > 0 && (line[i] === '.' || line[i] === ')') && line[i + 1] === ' ';
}

function firstWordLength(line: string): number {
  const sp = line.indexOf(' ');
  return sp < 0 ? line.length : sp;
}

/** Split text into units: blocks at blank lines, then lines, re-joining hard-wrapped lines. */
export function splitUnits(input: string): Unit[] {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  // Blocks of [verbatim line, collapsed line] pairs.
  const blocks: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  for (const line of lines) {
    const collapsed = collapseSpaces(line);
    if (collapsed === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push([line, collapsed]);
    }
  }
  if (current.length) blocks.push(current);

  const width = wrapWidth(blocks.map((b) => b.map(([, c]) => c)));
  const units: Unit[] = [];
  for (const block of blocks) {
    let group: string[] = [];
    let groupCollapsed: string[] = [];
    for (let i = 0; i < block.length; i++) {
      group.push(block[i][0]);
      groupCollapsed.push(block[i][1]);
      const line = block[i][1];
      const next = i + 1 < block.length ? block[i + 1][1] : undefined;
      const joinNext =
        width > 0 &&
        next !== undefined &&
        // Full: the next line's first word would not have fitted on this one. The width is an
        // estimate (a percentile of line lengths), so "would not have fitted" allows 10% slack.
        line.length + 1 + firstWordLength(next) > 0.9 * width &&
        !endsLikeSentence(line) &&
        !startsListItem(next);
      if (!joinNext) {
        units.push(makeUnit(group, groupCollapsed));
        group = [];
        groupCollapsed = [];
      }
    }
  }
  return units.filter((u) => u.text !== '');
}
