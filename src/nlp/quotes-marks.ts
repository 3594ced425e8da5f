/**
 * Quotation marks: where each quotation opens and closes, straight or curly, « » and „ ”, with a
 * straight mark at a word start nested inside a straight quotation, mismatched pairs that
 * copy-pasted text mixes, and a quotation that runs on to the next paragraph stopping at the
 * paragraph's end.
 */

export const OPEN_TO_CLOSE: Record<string, string> = {
  '\u201c': '\u201d', // “ ”
  '\u00ab': '\u00bb', // « »
  '\u201e': '\u201d', // „ ”
  '"': '"',
};

/** A quotation: its opening mark, its closing mark (-1 if it stops unclosed), the words inside [cs, ce). */
export interface QuoteMark {
  open: number;
  close: number;
  cs: number;
  ce: number;
}

/** The straight mark closing a nested quote opened at `j`: one at a word end, before the line ends. */
function nestedClose(text: string, j: number): number {
  for (let k = j + 1; k < text.length && k - j < 400; k++) {
    if (text[k] === '\n') return -1;
    if (text[k] === '"') return /[\p{L}\p{N}]/u.test(text[k + 1] ?? '') ? -1 : k;
  }
  return -1;
}

/**
 * Every quotation in the text, left to right: the opening mark, the closing mark (-1 where the
 * quotation stops at a paragraph break or a new opening mark unclosed), the words inside, and the
 * range from the opening mark to where it closes or stops.
 */
export function scanQuoteMarks(text: string): { marks: QuoteMark[]; ranges: { start: number; end: number }[] } {
  const direct: QuoteMark[] = [];
  const quoteRanges: { start: number; end: number }[] = [];
  let i = 0;
  const L = text.length;
  while (i < L) {
    const ch = text[i];
    const close = OPEN_TO_CLOSE[ch];
    if (close === undefined) {
      i++;
      continue;
    }
    if (ch === '"') {
      // a straight quote opens only at a word start
      const prev = i > 0 ? text[i - 1] : ' ';
      if (!/[\s([{\u2014\u2013-]/.test(prev) && i > 0) {
        i++;
        continue;
      }
    }
    // find the closing mark, stopping at a paragraph break (a quote continued in the next paragraph)
    let j = i + 1;
    let end = -1;
    let stop = -1;
    while (j < L && j - i < 4000) {
      const d = text[j];
      // a straight mark at a word start inside a straight quote opens a nested one ("... the shift
      // from "application consumption" to ..."): skip to its own closing mark on the same line
      if (ch === '"' && d === '"' && /[\s([{]/.test(text[j - 1]) && /[\p{L}\p{N}]/u.test(text[j + 1] ?? '')) {
        const k = nestedClose(text, j);
        if (k > 0) {
          j = k + 1;
          continue;
        }
      }
      // a mismatched pair still closes: a straight quote opened and a curly one closed (or the
      // reverse at a word end), as copy-pasted and machine-rewritten text mixes them
      if (d === close || (ch === '\u201e' && d === '\u201c') || (ch === '"' && d === '\u201d') || (ch === '\u201c' && d === '"' && !/\p{L}/u.test(text[j + 1] ?? ''))) {
        end = j;
        break;
      }
      if (d === '\n') {
        stop = j;
        break;
      }
      if (ch !== '"' && d === '\u201c' && close === '\u201d') {
        // an unclosed quote followed by a new opening mark: close before it
        stop = j;
        break;
      }
      j++;
    }
    if (end < 0 && stop < 0) {
      i++;
      continue;
    }
    const closeAt = end >= 0 ? end : stop;
    let cs = i + 1;
    let ce = closeAt;
    while (cs < ce && /\s/.test(text[cs])) cs++;
    while (ce > cs && /[\s,]/.test(text[ce - 1])) ce--;
    if (ce > cs) {
      direct.push({ open: i, close: end >= 0 ? end : -1, cs, ce });
      quoteRanges.push({ start: i, end: closeAt });
    }
    i = closeAt + 1;
  }
  return { marks: direct, ranges: quoteRanges };
}
