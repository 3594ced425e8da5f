/**
 * Wire datelines at the start of the first body paragraph:
 *   "SEOUL, South Korea (AP) — …"        place "SEOUL, South Korea", outlet "AP"
 *   "WASHINGTON, June 19 (Reuters) - …"  place "WASHINGTON", outlet "Reuters" (the date is dropped)
 *   "LONDON — …" / "Seoul, South Korea – …" / "NEW DELHI (CNN)The …"
 *   "LONDON, May 23, 2024 /PRNewswire/ -- …"  (press-release wires credit themselves in slashes)
 * Parsed with string scanning, no regex over the paragraph. The dateline stays in the text (it is
 * article text); the caller only reports it.
 *
 * Accepted only when the place looks like one: 1–3 comma-separated parts, each 1–5 capitalised words
 * (short lower-case connectors like "de", "of", "al" allowed), and at least one of: an outlet in
 * parentheses, a first part in capitals, or a "City, Region" pair. So "Kim Jong Un — the leader…"
 * (no comma, no capitals, no outlet) is not a dateline.
 */
import type { Dateline } from '../../model.js';
import { DATELINE_DASHES, MONTHS } from './rules.js';

const MAX_DATELINE = 100;
const CONNECTORS = new Set(['de', 'da', 'do', 'dos', 'del', 'la', 'le', 'of', 'the', 'al', 'el', 'upon', 'on', 'am', 'an', 'der', 'du', 'es']);

function firstDash(head: string): { at: number; length: number } | null {
  let best: { at: number; length: number } | null = null;
  for (const d of DATELINE_DASHES) {
    const at = head.indexOf(d);
    if (at > 0 && (best === null || at < best.at)) best = { at, length: d.length };
  }
  return best;
}

function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

function isPlaceWord(word: string): boolean {
  if (CONNECTORS.has(word)) return true;
  if (!isCapitalised(word)) return false;
  // Letters, and the . - ' ’ of "St. John's", "Stratford-upon-Avon"
  for (const ch of word) {
    if (ch === '.' || ch === '-' || ch === "'" || ch === '\u2019') continue;
    if (ch.toLowerCase() === ch.toUpperCase()) return false;
  }
  return true;
}

/** "June 19", "Jan. 5", "23 May 2024", "2024": a date inside a dateline, dropped from the place. */
function isDatePart(part: string): boolean {
  const words = part.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  let month = false;
  for (const w of words) {
    if (MONTHS.has(w.replace(/\.$/, '').toLowerCase())) month = true;
    else if (!/^\d{1,4}$/.test(w)) return false;
  }
  return month || (words.length === 1 && /^\d{4}$/.test(words[0]));
}

function isAllCaps(part: string): boolean {
  let letters = 0;
  for (const ch of part) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    if (ch !== ch.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}

function parseOutlet(inside: string): string | null {
  const o = inside.trim();
  const words = o.split(' ').filter(Boolean);
  if (o.length === 0 || o.length > 30 || words.length > 4) return null;
  if (!words.every((w) => isCapitalised(w) || CONNECTORS.has(w) || /^[a-z]{2,4}$/.test(w))) return null;
  if (/\d/.test(o)) return null;
  return o;
}

/** Parse a dateline at the start of `paragraph`, or null. */
export function parseDateline(paragraph: string): Dateline | null {
  const head = paragraph.slice(0, MAX_DATELINE + 3);
  let prefix: string;
  let end: number;
  const dash = firstDash(head);
  if (dash && dash.at <= MAX_DATELINE) {
    prefix = head.slice(0, dash.at).trim();
    end = dash.at + dash.length;
  } else {
    // "NEW DELHI (CNN)The …": an outlet credit closes the dateline without a dash.
    const close = head.indexOf(')');
    if (close < 0 || close > MAX_DATELINE) return null;
    prefix = head.slice(0, close + 1).trim();
    end = close + 1;
  }

  let outlet: string | null = null;
  // Press releases: "LONDON, May 23, 2024 /PRNewswire/ --"
  if (prefix.endsWith('/')) {
    const open = prefix.lastIndexOf('/', prefix.length - 2);
    if (open <= 0) return null;
    outlet = parseOutlet(prefix.slice(open + 1, -1));
    if (outlet === null) return null;
    prefix = prefix.slice(0, open).trim();
  } else if (prefix.endsWith(')')) {
    const open = prefix.lastIndexOf('(');
    if (open <= 0) return null;
    outlet = parseOutlet(prefix.slice(open + 1, -1));
    if (outlet === null) return null;
    prefix = prefix.slice(0, open).trim();
  }
  if (prefix.endsWith(',')) prefix = prefix.slice(0, -1).trim();

  const parts = prefix.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  const placeParts = parts.filter((p, i) => i === 0 || !isDatePart(p));
  if (placeParts.length === 0 || placeParts.length > 3) return null;
  for (const part of placeParts) {
    const words = part.split(' ').filter(Boolean);
    if (words.length === 0 || words.length > 5 || !words.every(isPlaceWord) || !isCapitalised(words[0])) return null;
  }
  if (outlet === null && !isAllCaps(placeParts[0]) && placeParts.length < 2) return null;

  // The body must go on after the dateline, starting like a sentence.
  const rest = paragraph.slice(end).trimStart();
  const next = rest[0];
  if (next === undefined || (!isCapitalised(next) && !'"\u201c\u2018\'(['.includes(next) && !/\d/.test(next))) return null;

  return { text: paragraph.slice(0, end).trim(), place: placeParts.join(', '), outlet };
}
