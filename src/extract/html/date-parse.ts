/**
 * Date strings → ISO 8601. Machine formats (ISO, RFC 2822, slashes, Unix time) and human ones
 * ("June 19, 2024", "19. Juni 2024", "19 de junio de 2024") in the common news languages.
 *
 * Every pattern is anchored or bounded (`\d{1,2}`, `\s{0,3}`) so no input can make it backtrack
 * catastrophically; callers pass short strings (attribute values, text windows) anyway.
 */

export interface ParsedDate {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS][offset]` when a time was given. */
  iso: string;
  /** `YYYY-MM-DD`: the calendar day as written (local to the page, never shifted to UTC). */
  day: string;
  hasTime: boolean;
  /** For ambiguous numeric dates (03/04/2024): the other reading's day, so agreement with other evidence can decide. */
  altDay?: string;
}

/** Years outside this window are copyright notices, product names or noise, not publication dates. */
export const MIN_YEAR = 1995;
export const MAX_YEAR = 2035;

/** Month names and abbreviations, lower-case, accents kept (text is lower-cased before lookup). */
const MONTH_NAMES: Record<string, number> = {};
const MONTHS_BY_LANGUAGE: string[][] = [
  // English
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  // French
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  // German
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  // Spanish
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  // Italian
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  // Portuguese
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  // Dutch
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
];
for (const names of MONTHS_BY_LANGUAGE) names.forEach((name, i) => (MONTH_NAMES[name] ??= i + 1));
/** Abbreviations: English three-letter forms plus "sept", and a few common foreign ones. */
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, déc: 12, mär: 3, okt: 10, dez: 12, ene: 1, abr: 4, ago: 8,
  dic: 12, set: 9, out: 10, fev: 2, mrt: 3, mei: 5, giu: 6, lug: 7, gen: 1,
};

/** Month number for a word ("June", "jun.", "Sept"), or 0. */
export function monthFromWord(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES[w] ?? MONTH_ABBREVIATIONS[w] ?? 0;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  if (d > DAYS_IN_MONTH[m - 1]) return false;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
  return true;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function make(y: number, m: number, d: number, time?: { h: number; min: number; s?: number; offset?: string }): ParsedDate | null {
  if (!validDay(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (!time || time.h > 23 || time.min > 59 || (time.s ?? 0) > 60) return { iso: day, day, hasTime: false };
  const seconds = time.s !== undefined ? `:${pad(time.s)}` : ':00';
  return { iso: `${day}T${pad(time.h)}:${pad(time.min)}${seconds}${time.offset ?? ''}`, day, hasTime: true };
}

/**
 * The calendar days a timestamp with an explicit offset falls on somewhere in the world (UTC−12 to
 * UTC+14): a CMS that stores "2025-12-19T03:05:00Z" shows "December 18" to readers in California.
 * A date without a time or an offset is only its own day, and so is a stamp at midnight: that is a
 * bare day some CMS serialised with a zero time, not a moment.
 */
export function daysAnywhere(date: ParsedDate): string[] {
  if (!date.hasTime || !/(?:Z|[+-]\d{2}:\d{2})$/.test(date.iso) || /T00:00(?::00)?(?:Z|[+-])/.test(date.iso)) return [date.day];
  const instant = Date.parse(date.iso);
  if (Number.isNaN(instant)) return [date.day];
  const hour = 3_600_000;
  const days = new Set([date.day]);
  for (const shift of [-12 * hour, 14 * hour]) days.add(new Date(instant + shift).toISOString().slice(0, 10));
  return [...days];
}

function normaliseOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw === 'Z' || raw === 'z' || /^(?:gmt|utc)$/i.test(raw)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  if (m) return m[2] === '00' && m[3] === '00' ? 'Z' : `${m[1]}${m[2]}:${m[3]}`;
  return undefined;
}

// 2024-06-19, 2024-06-19T10:30:00.000+02:00, 2024-06-19 10:30, 2024/06/19, 2024.06.19
const ISO_LIKE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s{1,3})(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s{0,2}(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?)?(?![\d])/i;
// 20240619 (compact, as some CMSs write it) optionally followed by a time
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;
// 19.06.2024, 19/06/2024, 06/19/2024, 19-06-2024
const NUMERIC_DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s{1,3}(\d{1,2}):(\d{2}))?/;
// Year-month only: 2024-06
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
// Unix time in seconds or milliseconds
const UNIX = /^(\d{10}|\d{13})$/;
// Time after a human date: "10:30", "10:30 am", "10:30:15 PM EST" (zone ignored unless numeric)
const TIME_AFTER = /^[\s,]{0,4}(?:at\s{1,2}|um\s{1,2}|à\s{1,2}|-\s{0,2}|\|\s{0,2})?(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s{0,2}([ap]\.?m\.?)?\s{0,2}(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?/i;

/**
 * Parses one date value as found in an attribute or a short text. Returns null when it is not a
 * date we trust. `dayFirst` decides ambiguous numeric dates (03/04/2024): false = US order.
 */
export function parseDate(raw: string, dayFirst = false): ParsedDate | null {
  const s = raw.trim().slice(0, 200);
  if (!s) return null;
  let m = ISO_LIKE.exec(s);
  if (m) {
    const time = m[5] !== undefined ? { h: +m[5], min: +m[6], s: m[7] !== undefined ? +m[7] : undefined, offset: normaliseOffset(m[8]) } : undefined;
    return make(+m[1], +m[3], +m[4], time);
  }
  m = COMPACT.exec(s);
  if (m) {
    const time = m[4] !== undefined ? { h: +m[4], min: +m[5], s: m[6] !== undefined ? +m[6] : undefined } : undefined;
    return make(+m[1], +m[2], +m[3], time);
  }
  m = UNIX.exec(s);
  if (m) {
    const ms = m[1].length === 13 ? +m[1] : +m[1] * 1000;
    const d = new Date(ms);
    const time = { h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds(), offset: 'Z' };
    return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), time);
  }
  m = NUMERIC_DMY.exec(s);
  if (m) {
    let a = +m[1];
    let b = +m[3];
    // Dots are European (day first); slashes are US unless the first number cannot be a month.
    const dayFirstHere = m[2] === '.' || dayFirst || a > 12;
    if (!dayFirstHere) [a, b] = [b, a];
    const time = m[5] !== undefined ? { h: +m[5], min: +m[6] } : undefined;
    const date = make(+m[4], b, a, time);
    if (date && a <= 12 && b <= 12 && a !== b) date.altDay = make(+m[4], a, b)?.day;
    return date;
  }
  m = YEAR_MONTH.exec(s);
  if (m) return null; // a month is not a day: let a more precise source win
  const found = findDatesInText(s, dayFirst);
  return found.length ? found[0].date : null;
}

export interface DateInText {
  date: ParsedDate;
  /** Offsets in the searched text. */
  start: number;
  end: number;
}

const WORD_DATE_PATTERNS: Array<{ re: RegExp; order: 'mdy' | 'dmy' | 'ymd' }> = [
  // June 19, 2024 · Jun. 19 2024 · June 19th, 2024
  { re: /(\p{L}{3,10})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})/gu, order: 'mdy' },
  // 19 June 2024 · 19. Juni 2024 · 19th of June, 2024 · 19 de junio de 2024 · 19 juin 2024
  { re: /(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s{0,3}(?:of\s{1,3}|de\s{1,3})?(\p{L}{3,10})\.?,?\s{1,3}(?:de\s{1,3})?(\d{4})/gu, order: 'dmy' },
  // 2024-06-19 and 2024/06/19 inside text
  { re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, order: 'ymd' },
  // 06/19/2024 or 19.06.2024 inside text
  { re: /(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)/g, order: 'mdy' },
];

/** All dates written in a text, in order of appearance, each with a time when one follows it. */
export function findDatesInText(text: string, dayFirst = false): DateInText[] {
  const out: DateInText[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, order } of WORD_DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      // a digit or letter glued before the match means we caught a fragment of something else
      const before = start > 0 ? text[start - 1] : ' ';
      if (/[\p{L}\p{N}]/u.test(before)) continue;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      let y: number;
      let mo: number;
      let d: number;
      let altOf: string | undefined;
      if (order === 'ymd') {
        [y, mo, d] = [+m[1], +m[2], +m[3]];
      } else if (m.length === 5) {
        // numeric with separator capture
        let a = +m[1];
        let b = +m[3];
        const dayFirstHere = m[2] === '.' || dayFirst || a > 12;
        if (!dayFirstHere) [a, b] = [b, a];
        [y, mo, d] = [+m[4], b, a];
        if (a <= 12 && b <= 12 && a !== b) altOf = make(y, a, b)?.day;
      } else if (order === 'mdy') {
        mo = monthFromWord(m[1]);
        d = +m[2];
        y = +m[3];
      } else {
        d = +m[1];
        mo = monthFromWord(m[2]);
        y = +m[3];
      }
      if (!mo) continue;
      const after = TIME_AFTER.exec(text.slice(end, end + 30));
      let time: { h: number; min: number; s?: number; offset?: string } | undefined;
      if (after) {
        let h = +after[1];
        const ampm = after[4]?.toLowerCase().replace(/\./g, '');
        if (ampm === 'pm' && h < 12) h += 12;
        if (ampm === 'am' && h === 12) h = 0;
        time = { h, min: +after[2], s: after[3] !== undefined ? +after[3] : undefined, offset: normaliseOffset(after[5]) };
      }
      const date = make(y, mo, d, time);
      if (!date) continue;
      if (altOf) date.altDay = altOf;
      taken.push([start, end]);
      out.push({ date, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
