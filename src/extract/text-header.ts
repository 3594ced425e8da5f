/**
 * Plain text has no <title> or <meta>: wire copy, print exports and pasted articles carry their metadata as
 * a header block of short lines before the first prose paragraph — a masthead, a "SECTION | date | page"
 * line, the headline, "By Jane Doe", the outlet's name. This module reads that block by newsroom convention
 * and reports which lines it consumed, so the caller can move them out of the body with an audit record.
 */
import { findDatesInText } from './html/date-parse.js';
import { writerOfAuthorDateLine } from './clean/author-date-line.js';
import { caseDamage, restoreCase } from '../nlp/truecase.js';

export type HeaderLineKind = 'title' | 'byline' | 'date-line' | 'masthead' | 'outlet-line';

export interface HeaderLine {
  kind: HeaderLineKind;
  /** Offsets of the line in the input text. */
  start: number;
  end: number;
  text: string;
}

export interface TextHeader {
  title: string | null;
  byline: string | null;
  /** ISO date (or date-time) written on a date line of the header. */
  publishedAt: string | null;
  outlet: string | null;
  lines: HeaderLine[];
}

/** Header lines are short; the first long or sentence-like line starts the body. */
const MAX_HEADER_LINES = 10;
const MAX_HEADER_LINE_WORDS = 30;
const MAX_TITLE_CHARS = 200;

const BYLINE = /^by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|der|la|le|bin|al|and|&|,)){0,12})\s*$/iu;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function isProse(line: string): boolean {
  const words = wordCount(line);
  if (words > MAX_HEADER_LINE_WORDS) return true;
  // A sentence: ends like one and is long enough not to be a label.
  return words >= 8 && /[.!?"”’)]$/.test(line);
}

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "Northgate Post", "The Daily Record": a few capitalised words, no sentence punctuation. */
function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  if (/[.!?:;,]$/.test(line)) return false;
  return words.every((w) => /^(?:\p{Lu}[\p{L}'’&.-]*|of|the|and|&)$/u.test(w));
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
}

export function parseTextHeader(text: string): TextHeader {
  // A text typed without capitals has no masthead, headline or outlet line by their capitals: its
  // head is read in restored case (the same length), so the values come out as names are written
  // ("Meridian Wire", "Tomás Leal") while each line's text, which the audit keeps, stays as written.
  const head = text.slice(0, HEAD_CHARS);
  if (caseDamage(head) !== 'caseless') return readHeader(text);
  const header = readHeader(restoreCase(head) + text.slice(HEAD_CHARS));
  return { ...header, lines: header.lines.map((l) => ({ ...l, text: text.slice(l.start, l.end) })) };
}

/** Only the head of the document can be a header; never scan a giant file. */
const HEAD_CHARS = 4096;

function readHeader(text: string): TextHeader {
  const header: TextHeader = { title: null, byline: null, publishedAt: null, outlet: null, lines: [] };
  const head = text.slice(0, HEAD_CHARS);
  const lines: Array<{ text: string; start: number; end: number }> = [];
  let pos = 0;
  while (pos <= head.length && lines.length < MAX_HEADER_LINES) {
    const nl = head.indexOf('\n', pos);
    const end = nl === -1 ? head.length : nl;
    const raw = head.slice(pos, end);
    const trimmed = raw.trim();
    if (trimmed) {
      if (isProse(trimmed) || nl === -1) break;
      const lead = raw.length - raw.trimStart().length;
      lines.push({ text: trimmed, start: pos + lead, end: pos + lead + trimmed.length });
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  // No body after the header block: the "header" is the whole text, so claim nothing.
  const bodyStart = lines.length ? lines[lines.length - 1].end : 0;
  if (text.slice(bodyStart).trim().length < 80) return header;

  // a text set all in capitals (an old wire feed) has no masthead by capitals: its headline is in them too
  const shoutedBody = isAllCaps(text.slice(bodyStart, bodyStart + 600));
  let afterByline = false;
  // each line read once: the loop asks of a line, and of the line after it (is it a date line?)
  const read: Array<{ t: string; by: RegExpExecArray | null; dates: ReturnType<typeof findDatesInText> }> = [];
  const readLine = (index: number) => {
    if (!read[index]) {
      const t = lines[index].text.replace(/\s+/g, ' ');
      read[index] = { t, by: BYLINE.exec(t), dates: wordCount(t) <= 14 ? findDatesInText(t) : [] };
    }
    return read[index];
  };
  const isDateOrByline = (index: number): boolean => index < lines.length && (readLine(index).by !== null || readLine(index).dates.length > 0);
  for (const [index, line] of lines.entries()) {
    const { t, by, dates } = readLine(index);
    if (by && !header.byline && wordCount(t) <= 14) {
      header.byline = withoutTrailingComma(by[1]);
      header.lines.push({ kind: 'byline', ...line });
      afterByline = true;
      continue;
    }
    if (dates.length > 0 && !header.publishedAt) {
      const dateChars = dates.reduce((n, d) => n + (d.end - d.start), 0);
      // A date line is mostly the date and labels around it ("WORLD | Tuesday, October 14, 2025 | Page A9").
      // "By Jane Doe – Updated Sep 9, 2025": the byline and the date on one line
      const writer = header.byline ? null : writerOfAuthorDateLine(t);
      if (writer || dateChars >= t.replace(/[^\p{L}\p{N}]/gu, '').length * 0.25 || t.includes('|')) {
        header.publishedAt = dates[0].date.iso;
        if (writer) {
          header.byline = writer;
          afterByline = true;
        }
        header.lines.push({ kind: writer ? 'byline' : 'date-line', ...line });
        continue;
      }
    }
    // the outlet's name on its own line after the byline, or between the headline and the date
    // line or byline ("Ferry capsizes off the coast" / "Harbour Times" / "March 4, 2025")
    if (!header.outlet && looksLikeName(t) && (afterByline || (header.title && isDateOrByline(index + 1)))) {
      header.outlet = t;
      header.lines.push({ kind: 'outlet-line', ...line });
      continue;
    }
    if (!header.title && isAllCaps(t) && lines.length > 1 && !shoutedBody) {
      header.lines.push({ kind: 'masthead', ...line });
      continue;
    }
    if (!header.title && t.length >= 8 && t.length <= MAX_TITLE_CHARS && !/[.,;:]$/.test(t) && wordCount(t) >= 2) {
      // A line that ends with a dash, or carries "(Agency) —", is a dateline that opens the body.
      if (/[—–-]\s*$/.test(t) || /\((?:\p{Lu}[\p{L}.]*)\)\s*[—–-]/u.test(t)) break;
      // a Markdown heading ("# Ferry fares rise") is the headline without its marks
      const unmarked = t.replace(/^#{1,6}\s+/, '');
      header.title = unmarked === t ? t : unmarked.replace(/#{1,6}$/, '').trimEnd();
      header.lines.push({ kind: 'title', ...line });
      continue;
    }
    break;
  }
  // A masthead names the outlet when nothing better did ("NORTHGATE POST — PRINT EDITION" → "Northgate Post").
  const masthead = header.lines.find((l) => l.kind === 'masthead');
  if (!header.outlet && masthead) {
    const name = masthead.text.replace(/\s+/g, ' ').split(/ [—–|-] /)[0].trim();
    if (wordCount(name) <= 5) header.outlet = titleCase(name);
  }
  if (!header.title) return { ...header, lines: header.lines.filter((l) => l.kind !== 'masthead'), outlet: header.outlet };
  return header;
}

/** "Anna Berg ," → "Anna Berg": by index, as /\s*,\s*$/ rescans a long run of spaces at every position. */
function withoutTrailingComma(text: string): string {
  const t = text.trimEnd();
  return t.endsWith(',') ? t.slice(0, -1).trimEnd() : text;
}
