/**
 * Reading the visible headline element for the title: its lines (a headline set over two lines is a
 * kicker plus headline, or a headline plus deck) and damage the page did to its text (characters
 * lost to a wrong encoding, entities escaped twice). Both tell the title extractor that the
 * structured titles (OpenGraph, JSON-LD, `<title>`) carry the headline better than the h1's text.
 */
import { clean, decodeEntities } from './metadata-dom.js';

/** Children that start a new line: a `<br>`, block elements. */
const LINE_BREAK_TAGS = new Set(['BR', 'DIV', 'P', 'SMALL', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'SECTION']);
/** Class words of an inline element styled as a line of its own (utility "block", subtitle, deck, kicker). */
const LINE_CLASS = /(?:^|[\s:_-])(?:block|sub-?title|sub-?head(?:line|ing)?|deck|dek|kicker|eyebrow|overline|tagline|strapline)(?:$|[\s_-])/i;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/**
 * The headline's text split where the page breaks it into lines. One element means one line.
 * Bounded: at most 200 nodes are read, so a hostile heading cannot make this slow.
 */
export function headingLines(heading: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = clean(current);
    if (t) lines.push(t);
    current = '';
  };
  let budget = 200;
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child && budget-- > 0; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (SKIP_TAGS.has(el.tagName)) continue;
      const breaks = LINE_BREAK_TAGS.has(el.tagName) || LINE_CLASS.test(el.getAttribute('class') ?? '');
      if (breaks) flush();
      else current += ' ';
      if (depth < 8) walk(el, depth + 1);
      if (breaks) flush();
      else current += ' ';
    }
  };
  walk(heading, 0);
  flush();
  return lines;
}

/** Two or more lines of two words or more: a headline typeset with a kicker or a deck. */
export function isMultiLineHeading(lines: string[]): boolean {
  return lines.filter((l) => l.split(/\s+/).length >= 2).length >= 2;
}

const REPLACEMENT = /[?\uFFFD]/;

/**
 * True when `visible` is `structured` with some characters replaced by "?" or U+FFFD, the marks a
 * wrong text encoding leaves ("Beginner? Guide" for "Beginner’s Guide"). Word by word: every word
 * matches (case aside) except words where the visible one carries the mark and agrees up to it.
 */
export function isGarbledCopy(visible: string, structured: string): boolean {
  const a = clean(visible).split(' ');
  const b = clean(structured).split(' ');
  if (a.length !== b.length || a.length < 2) return false;
  let garbled = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].toLowerCase();
    const y = b[i].toLowerCase();
    if (x === y) continue;
    const mark = x.search(REPLACEMENT);
    // a mark at the word's end that the other copy also ends a word with is a real question mark
    if (mark < 0 || REPLACEMENT.test(y)) return false;
    if (y.slice(0, mark) !== x.slice(0, mark) || y.length <= mark) return false;
    garbled++;
  }
  return garbled > 0;
}

/** Entities the page escaped twice show up literally in the heading's text ("SQL &#x26; AI"). */
export function decodeLiteralEntities(text: string): string {
  return /&(?:#x?[0-9a-f]{1,6}|[a-z]{2,8});/i.test(text) ? clean(decodeEntities(text)) : text;
}
