/**
 * Time expressions: dates, months, years, weekdays, parts of day, relative days ("yesterday",
 * "last week"), "N years ago", durations ("for the first time in 24 years") and year spans.
 * Values follow TIMEX3 conventions: "2024-06-19", "2024-06-18TNI", "2024-03", "2023", "P24Y",
 * "1961/2000". Relative expressions are resolved against the anchor (publication date, else the
 * ingest time); with no anchor they keep a marked relative value ("XXXX-WXX-3" = a Wednesday,
 * "XXXX-03" = a March, "REF-1D" = the day before the unknown reference date).
 */
import type { TimeAnchor, TimeExpr, TimeGranularity } from './types.js';
import type { Token } from './tokens.js';
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from './lexicons.js';
import { IRREGULAR_PAST } from './verb-forms.js';

export interface Anchor {
  /** UTC midnight of the anchor day. */
  date: Date;
  source: Exclude<TimeAnchor, 'none'>;
}

/** Reads the calendar date of an ISO 8601 string as written (ignoring its time of day). */
export function parseAnchor(value: string | null | undefined, source: Anchor['source']): Anchor | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  let d: Date;
  if (m) d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  else {
    const t = Date.parse(value);
    if (Number.isNaN(t)) return null;
    const x = new Date(t);
    d = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()));
  }
  return Number.isNaN(d.getTime()) ? null : { date: d, source };
}

const PARTS_OF_DAY = new Map([
  ['morning', 'MO'],
  ['afternoon', 'AF'],
  ['evening', 'EV'],
  ['night', 'NI'],
  ['overnight', 'NI'],
]);
/** Words that may follow the adverb "overnight" (as opposed to "overnight curfew"). */
const FUNCTION_AFTER = new Set(['and', 'or', 'but', 'in', 'on', 'at', 'to', 'from', 'as', 'after', 'before', 'while', 'when', 'into', 'near', 'across', 'by', 'with']);
const SEASONS = new Map([
  ['spring', 'SP'],
  ['summer', 'SU'],
  ['autumn', 'FA'],
  ['fall', 'FA'],
  ['winter', 'WI'],
]);
const NUMBER_WORDS = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20], ['thirty', 30],
  ['a', 1], ['an', 1], ['several', -1], ['few', -1],
]);
const UNITS = new Map<string, 'D' | 'W' | 'M' | 'Y'>([
  ['day', 'D'], ['days', 'D'], ['week', 'W'], ['weeks', 'W'], ['month', 'M'], ['months', 'M'], ['year', 'Y'], ['years', 'Y'],
  ['decade', 'Y'], ['decades', 'Y'],
]);
/** Words before a bare month or year that make it a time expression ("in March", "since 2000"). */
const TIME_PREPS = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'from', 'through', 'during', 'before', 'after', 'on', 'early', 'late',
  'mid', 'last', 'next', 'this', 'between', 'and', 'to', 'around', 'throughout', 'starting', 'ending', 'that', 'as', 'the',
  // "scheduled for June", "planned for October"
  'for',
]);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
const isoDow = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;
function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

function numValue(t: Token | undefined): number | null {
  if (!t) return null;
  if (t.kind === 'num' && /^\d+$/.test(t.text)) return +t.text;
  return NUMBER_WORDS.get(t.key) ?? null;
}
function dayOfMonth(t: Token | undefined): number | null {
  if (!t || t.kind !== 'num') return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/i.exec(t.text);
  if (!m) return null;
  const d = +m[1];
  return d >= 1 && d <= 31 ? d : null;
}
function yearOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'num' || t.text.length !== 4 || !/^\d{4}$/.test(t.text)) return null;
  const y = +t.text;
  return y >= 1800 && y <= 2100 ? y : null;
}

interface Found {
  i: number;
  j: number; // token range [i, j)
  value: string;
  granularity: TimeGranularity;
  relative: boolean;
  /** A month and day with no year ("March 10"), whose year the text's own frame may give. */
  monthDay?: boolean;
}

/** Marks that end a sentence (a semicolon ends a year's frame too, see applyYearFrames). */
const SENTENCE_ENDS = new Set(['.', '!', '?']);
/** How far back (tokens) an explicit year frames a month and day without one, within a paragraph. */
const YEAR_FRAME_TOKENS = 60;

/**
 * Whether tokens [from, to) stay within the sentence they start in and the next one: a frame does
 * not carry on through a passage, nor past a semicolon ("That deal closed in June 2018; X remains
 * a shareholder as of March 20").
 */
function withinNextSentence(tokens: Token[], from: number, to: number): boolean {
  let ends = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === ';' || (SENTENCE_ENDS.has(t.text) && ++ends >= 2)) return false;
  }
  return true;
}

/**
 * "In 2001, Giuffre said, ... on the night of March 10": a month and day without a year take the
 * year of an explicit date shortly before them (same sentence or the next, same paragraph) when
 * it is not the publication year, as a reader would (the publication date frames them otherwise).
 */
function applyYearFrames(found: Found[], tokens: Token[], text: string, anchorYear: number | null): void {
  let frame: { year: number; tok: number; end: number } | null = null;
  for (const f of found) {
    if (!f.relative && /^\d{4}/.test(f.value) && f.granularity !== 'duration') {
      frame = { year: +f.value.slice(0, 4), tok: f.j, end: tokens[f.j - 1].end };
      continue;
    }
    if (!f.monthDay || !frame || frame.year === anchorYear || f.i - frame.tok > YEAR_FRAME_TOKENS) continue;
    if (text.slice(frame.end, tokens[f.i].start).includes('\n\n')) continue;
    if (!withinNextSentence(tokens, frame.tok, f.i)) continue;
    f.value = `${frame.year}${f.value.slice(f.value.indexOf('-'))}`;
  }
}

/**
 * Finds time expressions in the tokens. `anchor` resolves relative ones; without it they keep a
 * marked relative value.
 */
export function findTimes(text: string, tokens: Token[], anchor: Anchor | null): TimeExpr[] {
  const found: Found[] = [];
  const A = anchor?.date ?? null;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const prevKey = prev?.key ?? '';
    const next = tokens[i + 1];

    // ISO date 2024-06-19
    if (t.kind === 'num' && yearOf(t) && next?.text === '-' && !next.spaceBefore) {
      const mo = tokens[i + 2];
      const dash2 = tokens[i + 3];
      const da = tokens[i + 4];
      if (mo?.kind === 'num' && /^\d{2}$/.test(mo.text) && dash2?.text === '-' && da?.kind === 'num' && /^\d{2}$/.test(da.text) && !mo.spaceBefore && !da.spaceBefore) {
        found.push({ i, j: i + 5, value: `${t.text}-${mo.text}-${da.text}`, granularity: 'day', relative: false });
        i += 4;
        continue;
      }
    }

    // Month-first: "June 19, 2024", "June 19", "June 2024", "in June"
    const month = t.cap ? MONTHS.get(t.key) : undefined;
    if (month) {
      const d = dayOfMonth(next);
      if (d !== null && next.text.length <= 4) {
        let j = i + 2;
        let year = yearOf(tokens[j]);
        if (year === null && tokens[j]?.text === ',' && yearOf(tokens[j + 1]) !== null) {
          year = yearOf(tokens[j + 1]);
          j += 1;
        }
        if (year !== null) {
          found.push({ i, j: j + 1, value: `${year}-${pad(month)}-${pad(d)}`, granularity: 'day', relative: false });
          i = j;
        } else {
          found.push({ i, j, value: resolveMonthDay(A, month, d), granularity: 'day', relative: true, monthDay: true });
          i = j - 1;
        }
        continue;
      }
      const y = yearOf(next);
      if (y !== null) {
        found.push({ i, j: i + 2, value: `${y}-${pad(month)}`, granularity: 'month', relative: false });
        i++;
        continue;
      }
      // bare month: only after a time preposition (guards "May" the verb, "March" the verb/noun)
      const guard = TIME_PREPS.has(prevKey) || (prev?.text === '-' && tokens[i - 2]?.key === 'mid');
      if (guard && (t.key !== 'may' || prevKey === 'in' || prevKey === 'since' || prevKey === 'until' || prevKey === 'last' || prevKey === 'next')) {
        let value: string;
        if (prevKey === 'last' && A) value = monthBefore(A, month, true);
        else if (prevKey === 'next' && A) value = monthAfter(A, month);
        else if (A && (tenseAround(tokens, i) ?? (DEADLINE_PREPS.has(prevKey) && !sentenceInPast(tokens, i) ? 'future' : null)) === 'future') value = monthAfter(A, month, true);
        else value = A ? monthBefore(A, month, false) : `XXXX-${pad(month)}`;
        const start = prevKey === 'last' || prevKey === 'next' ? i - 1 : i;
        found.push({ i: start, j: i + 1, value, granularity: 'month', relative: true });
        continue;
      }
    }

    // Day-first: "19 June 2024", "19 June"
    const dFirst = dayOfMonth(t);
    if (dFirst !== null && next?.cap && MONTHS.has(next.key)) {
      const m = MONTHS.get(next.key)!;
      const y = yearOf(tokens[i + 2]);
      if (y !== null) {
        found.push({ i, j: i + 3, value: `${y}-${pad(m)}-${pad(dFirst)}`, granularity: 'day', relative: false });
        i += 2;
      } else {
        found.push({ i, j: i + 2, value: resolveMonthDay(A, m, dFirst), granularity: 'day', relative: true, monthDay: true });
        i += 1;
      }
      continue;
    }

    // Weekdays: "Wednesday", "Tuesday night", "last Friday"
    const wd = t.cap ? WEEKDAYS.get(t.key) : undefined;
    // "Black Friday", "Cyber Monday", "Good Friday", "Super Tuesday": a named day, no day of this week
    if (wd && NAMED_DAY_WORDS.has(prevKey) && prev?.cap) continue;
    // "on Sunday mornings": a habit, not a day
    if (wd && next && !next.cap && next.key.endsWith('s') && PARTS_OF_DAY.has(next.key.slice(0, -1))) continue;
    if (wd) {
      let shift = 0;
      let start = i;
      if (prevKey === 'last') {
        shift = -7;
        start = i - 1;
      } else if (prevKey === 'next') {
        shift = 7;
        start = i - 1;
      }
      let j = i + 1;
      const part = next && !next.cap ? PARTS_OF_DAY.get(next.key) : undefined;
      if (part) j = i + 2;
      // "Tuesday, October 14, 2025": the weekday belongs to the full date that follows
      if (!shift && next?.text === ',' && tokens[i + 2]?.cap && MONTHS.has(tokens[i + 2].key) && dayOfMonth(tokens[i + 3]) !== null) {
        const m = MONTHS.get(tokens[i + 2].key)!;
        const d = dayOfMonth(tokens[i + 3])!;
        let y: number | null = null;
        let end = i + 4;
        if (tokens[end]?.text === ',' && yearOf(tokens[end + 1]) !== null) {
          y = yearOf(tokens[end + 1]);
          end += 2;
        } else if (yearOf(tokens[end]) !== null) {
          y = yearOf(tokens[end]);
          end += 1;
        }
        if (y !== null) found.push({ i, j: end, value: `${y}-${pad(m)}-${pad(d)}`, granularity: 'day', relative: false });
        else found.push({ i, j: end, value: resolveMonthDay(A, m, d), granularity: 'day', relative: true });
        i = end - 1;
        continue;
      }
      let value: string;
      if (A) {
        // the weekday of the publication week; in a clearly past or future statement the nearest
        // such day before or after the publication date ("the storm broke on Sunday" read on a Tuesday)
        let off = wd - isoDow(A) + shift;
        if (!shift) {
          const tense = tenseAround(tokens, i);
          if (tense === 'past' && off > 0) off -= 7;
          else if (tense === 'future' && off < 0) off += 7;
        }
        value = ymd(addDays(A, off));
      } else value = `XXXX-WXX-${wd}`;
      if (part) value += `T${part}`;
      found.push({ i: start, j, value, granularity: part ? 'part-of-day' : 'day', relative: true });
      i = j - 1;
      continue;
    }

    // Seasons: "autumn of 2023", "spring 2024", "the summer", "next winter"
    const season = SEASONS.get(t.key);
    if (season) {
      let y: number | null = null;
      let j = i + 1;
      if (next?.key === 'of' && yearOf(tokens[i + 2]) !== null) {
        y = yearOf(tokens[i + 2]);
        j = i + 3;
      } else if (yearOf(next) !== null) {
        y = yearOf(next);
        j = i + 2;
      }
      if (y !== null) {
        found.push({ i, j, value: `${y}-${season}`, granularity: 'span', relative: false });
        i = j - 1;
        continue;
      }
      if (prevKey === 'the' || prevKey === 'this' || prevKey === 'last' || prevKey === 'next') {
        const off = prevKey === 'last' ? -1 : prevKey === 'next' ? 1 : 0;
        const value = A ? `${A.getUTCFullYear() + off}-${season}` : `XXXX-${season}`;
        found.push({ i: i - 1, j: i + 1, value, granularity: 'span', relative: true });
        continue;
      }
    }

    // "the weekend", "this weekend", "over the weekend": the weekend of the publication week, or
    // the one before in a past-tense clause read on a weekday
    if (t.key === 'weekend' && (prevKey === 'the' || prevKey === 'this' || prevKey === 'last' || prevKey === 'next')) {
      let value = 'XXXX-WXX-WE';
      if (A) {
        let off = prevKey === 'last' ? -7 : prevKey === 'next' ? 7 : 0;
        if (prevKey === 'the' && tenseAround(tokens, i) === 'past' && isoDow(A) < 6) off = -7;
        value = isoWeek(addDays(A, off)) + '-WE';
      }
      found.push({ i: i - 1, j: i + 1, value, granularity: 'span', relative: true });
      continue;
    }
    // "overnight" as an adverb: the night before the publication date in a past-tense clause
    if (t.key === 'overnight' && !(next && next.kind === 'word' && !next.cap && !FUNCTION_AFTER.has(next.key))) {
      const past = tenseAround(tokens, i) !== 'future';
      const value = A ? ymd(addDays(A, past ? -1 : 0)) + 'TNI' : past ? 'REF-1DTNI' : 'REFTNI';
      found.push({ i, j: i + 1, value, granularity: 'part-of-day', relative: true });
      continue;
    }

    // "this morning", "this evening"
    if (t.key === 'this' && next && PARTS_OF_DAY.has(next.key) && next.key !== 'overnight') {
      const value = (A ? ymd(A) : 'REF') + 'T' + PARTS_OF_DAY.get(next.key);
      found.push({ i, j: i + 2, value, granularity: 'part-of-day', relative: true });
      i++;
      continue;
    }

    // today / yesterday / tomorrow / tonight / last night
    const dayOffset = RELATIVE_DAYS.get(t.key);
    if (dayOffset !== undefined) {
      let value = A ? ymd(addDays(A, dayOffset)) : dayOffset === 0 ? 'REF' : `REF${dayOffset > 0 ? '+' : ''}${dayOffset}D`;
      if (t.key === 'tonight') value += 'TNI';
      found.push({ i, j: i + 1, value, granularity: t.key === 'tonight' ? 'part-of-day' : 'day', relative: true });
      continue;
    }
    if ((t.key === 'last' || t.key === 'this' || t.key === 'next') && next) {
      const off = t.key === 'last' ? -1 : t.key === 'next' ? 1 : 0;
      if (next.key === 'night' && t.key !== 'next') {
        const value = A ? ymd(addDays(A, t.key === 'last' ? -1 : 0)) + 'TNI' : `REF${t.key === 'last' ? '-1D' : ''}TNI`;
        found.push({ i, j: i + 2, value, granularity: 'part-of-day', relative: true });
        i++;
        continue;
      }
      if (next.key === 'week' || next.key === 'month' || next.key === 'year') {
        // "earlier this month", "later this year" are included in the span
        let start = i;
        if (prevKey === 'earlier' || prevKey === 'later') start = i - 1;
        let value: string;
        let gran: TimeGranularity;
        if (next.key === 'year') {
          value = A ? String(A.getUTCFullYear() + off) : `REF${off ? (off > 0 ? '+1Y' : '-1Y') : ''}`;
          gran = 'year';
        } else if (next.key === 'month') {
          const d = A ? addMonths(A, off) : null;
          value = d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` : `REF${off ? (off > 0 ? '+1M' : '-1M') : ''}`;
          gran = 'month';
        } else {
          value = A ? isoWeek(addDays(A, off * 7)) : `REF${off ? (off > 0 ? '+1W' : '-1W') : ''}`;
          gran = 'span';
        }
        found.push({ i: start, j: i + 2, value, granularity: gran, relative: true });
        i++;
        continue;
      }
    }

    // "N days/weeks/months/years ago"; "in N years" after "for the first time" (a duration)
    const num = numValue(t);
    if (num !== null && num > 0 && next && UNITS.has(next.key)) {
      const unit = UNITS.get(next.key)!;
      const mult = next.key.startsWith('decade') ? 10 : 1;
      const after = tokens[i + 2];
      if (after?.key === 'ago') {
        const value = A ? shiftValue(A, unit, -num * mult) : `REF-${num * mult}${unit}`;
        const gran: TimeGranularity = unit === 'D' || unit === 'W' ? 'day' : unit === 'M' ? 'month' : 'year';
        found.push({ i, j: i + 3, value, granularity: gran, relative: true });
        i += 2;
        continue;
      }
      if (prevKey === 'in' || prevKey === 'for' || prevKey === 'past' || prevKey === 'last' || prevKey === 'over' || prevKey === 'nearly' || prevKey === 'almost' || prevKey === 'than' || prevKey === 'as' || prevKey === 'take' || prevKey === 'takes' || prevKey === 'took' || prevKey === 'within' || prevKey === 'after' || prevKey === 'spent') {
        if (t.kind === 'num' || NUMBER_WORDS.has(t.key)) {
          found.push({ i, j: i + 2, value: `P${num * mult}${unit}`, granularity: 'duration', relative: false });
          i += 1;
          continue;
        }
      }
    }

    // Decades "the 1990s"
    if (t.kind === 'num' && /^(1[89]|20)\d0s$/.test(t.text)) {
      const y = +t.text.slice(0, 4);
      found.push({ i, j: i + 1, value: `${y}/${y + 9}`, granularity: 'span', relative: false });
      continue;
    }

    // Years and year spans: "in 1961", "from 2010 to 2012", "between 2010 and 2012", "2010-2012"
    const y = yearOf(t);
    if (y !== null && !(next && next.text === ',' && tokens[i + 2]?.kind === 'num')) {
      const dash = next?.text === '-' || next?.text === '\u2013';
      const y2Tok = dash ? tokens[i + 2] : next && (next.key === 'to' || next.key === 'and' || next.key === 'until') ? tokens[i + 2] : undefined;
      const y2 = yearOf(y2Tok);
      const spanOk = y2 !== null && y2 > y && (dash || prevKey === 'from' || prevKey === 'between');
      if (spanOk) {
        found.push({ i: prevKey === 'from' || prevKey === 'between' ? i - 1 : i, j: i + 3, value: `${y}/${y2}`, granularity: 'span', relative: false });
        i += 2;
        continue;
      }
      const followsUnit = next && /^(people|troops|soldiers|containers|tons|tonnes|km|miles|dollars|euros|metres|meters|feet|votes|cases)$/.test(next.key);
      if (!followsUnit && (TIME_PREPS.has(prevKey) || prev?.text === '(' || prev?.kind === 'punct' || !prev)) {
        found.push({ i, j: i + 1, value: String(y), granularity: 'year', relative: false });
        continue;
      }
    }
  }
  applyYearFrames(found, tokens, text, A ? A.getUTCFullYear() : null);
  const anchorSource: TimeAnchor = anchor ? anchor.source : 'none';
  return found.map((f) => {
    const start = tokens[f.i].start;
    const end = tokens[f.j - 1].end;
    return {
      text: text.slice(start, end),
      start,
      end,
      value: f.value,
      granularity: f.granularity,
      anchor: f.relative ? anchorSource : 'none',
      relative: f.relative,
    };
  });
}

/** Month without a year: the most recent such month at or before the anchor (news reports the past). */
function monthBefore(A: Date, month: number, strictlyBefore: boolean): string {
  let y = A.getUTCFullYear();
  const am = A.getUTCMonth() + 1;
  if (month > am || (strictlyBefore && month === am)) y -= 1;
  return `${y}-${pad(month)}`;
}
function monthAfter(A: Date, month: number, includeCurrent = false): string {
  let y = A.getUTCFullYear();
  const am = A.getUTCMonth() + 1;
  if (month < am || (!includeCurrent && month === am)) y += 1;
  return `${y}-${pad(month)}`;
}

/** Prepositions of a deadline: "return it by January", with no tense of its own around, looks ahead. */
const DEADLINE_PREPS = new Set(['by', 'until', 'till']);
/** Words that make a weekday a named day ("Black Friday", "Cyber Monday", "Good Friday", "Super Tuesday"). */
const NAMED_DAY_WORDS = new Set(['black', 'cyber', 'good', 'super', 'ash', 'easter', 'palm', 'holy', 'bloody', 'giving', 'fat', 'shrove', 'maundy', 'whit']);
/**
 * A past-tense marker anywhere in the sentence around token i (commas do not stop the look, as
 * they do for the clause's own tense): "By December, they worsened" is told in the past.
 */
function sentenceInPast(tokens: Token[], i: number): boolean {
  for (const dir of [-1, 1]) {
    for (let k = i + dir, n = 0; n < 30 && k >= 0 && k < tokens.length; k += dir, n++) {
      const t = tokens[k];
      if (t.kind === 'punct' && SENTENCE_ENDS.has(t.text)) break;
      if (dir > 0 && t.newlineBefore) break;
      if (t.kind === 'word' && !t.cap && (PAST_MARKERS.has(t.key) || (t.key.length > 4 && t.key.endsWith('ed')))) return true;
    }
  }
  return false;
}
const FUTURE_MARKERS = new Set(['will', "'ll", 'shall', 'would', 'scheduled', 'due', 'expected', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'aim', 'aims', 'expect', 'expects', 'hope', 'hopes', 'upcoming', 'next', 'tomorrow', 'going']);
/**
 * Irregular past forms spelled like their base form ("hit", "put", "read") or common as another
 * word class ("bound to", "beat" the noun) do not mark the past: "they hit back on Friday" may be
 * either. The rest do ("the quake struck late Friday").
 */
const PAST_LIKE_BASE = new Set(['hit', 'put', 'set', 'cut', 'let', 'quit', 'shut', 'cast', 'upset', 'spread', 'read', 'beat', 'bound']);
const PAST_MARKERS = new Set(['was', 'were', 'had', 'did', 'ago', 'last', 'yesterday', 'earlier', ...[...IRREGULAR_PAST].filter((v) => !PAST_LIKE_BASE.has(v))]);

/**
 * Tense of the clause around token i: the nearest tense marker (future: will/would/due/scheduled;
 * past: was/were/had/-ed verbs) within the sentence, looking at most 12 tokens either way.
 */
function tenseAround(tokens: Token[], i: number): 'past' | 'future' | null {
  // each direction stops at a clause boundary: ", with applications opening on Thursday" has no
  // tense of its own even if the clause before it is in the past
  let leftOpen = true;
  let rightOpen = true;
  for (let d = 1; d <= 12 && (leftOpen || rightOpen); d++) {
    for (const [k, side] of [
      [i - d, 'l'],
      [i + d, 'r'],
    ] as const) {
      if (side === 'l' ? !leftOpen : !rightOpen) continue;
      const t = tokens[k];
      if (!t || (side === 'r' && t.newlineBefore) || CLAUSE_STOPS.has(t.text)) {
        if (side === 'l') leftOpen = false;
        else rightOpen = false;
        continue;
      }
      if (side === 'l' && tokens[k + 1]?.newlineBefore) {
        leftOpen = false;
        continue;
      }
      if (t.kind !== 'word') continue;
      if (FUTURE_MARKERS.has(t.key)) return 'future';
      if (PAST_MARKERS.has(t.key)) return 'past';
      // a participle after a form of "be" is passive voice, not past tense ("would be presented")
      const prev = tokens[k - 1]?.key;
      if (!t.cap && t.key.length > 4 && t.key.endsWith('ed') && !['be', 'been', 'being', 'is', 'are', 'am'].includes(prev ?? '')) return 'past';
    }
  }
  return null;
}
const CLAUSE_STOPS = new Set([',', ';', ':', '.', '!', '?', '\u2014', '\u2013', '(', ')', '\u201c', '\u201d', '"']);
function resolveMonthDay(A: Date | null, month: number, day: number): string {
  if (!A) return `XXXX-${pad(month)}-${pad(day)}`;
  let y = A.getUTCFullYear();
  // more than ~2 months in the future → last year's date
  const cand = Date.UTC(y, month - 1, day);
  if (cand - A.getTime() > 62 * 86400000) y -= 1;
  return `${y}-${pad(month)}-${pad(day)}`;
}
function shiftValue(A: Date, unit: 'D' | 'W' | 'M' | 'Y', n: number): string {
  if (unit === 'D') return ymd(addDays(A, n));
  if (unit === 'W') return ymd(addDays(A, n * 7));
  if (unit === 'M') {
    const d = addMonths(A, n);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  return String(A.getUTCFullYear() + n);
}
/** ISO week value "2024-W25". */
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = isoDow(t);
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}
