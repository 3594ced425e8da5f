/**
 * Quantities stated in an article: a number (digits or words, with a scale such as "million") and
 * the noun it counts ("11,000 containers", "about two hours", "$5 billion", "50 percent").
 * They are the facts outlets most often disagree on, so comparison lines them up across a story.
 *
 * Years ("in 1961") and numbers inside time expressions are left to the time layer; "dozens" and
 * "a few" are not quantities (nothing to agree or disagree on).
 */
import { LEX } from '../nlp/lexicons.js';
import type { Token } from '../nlp/tokens.js';
import type { Span } from '../nlp/types.js';

export interface Quantity {
  value: number;
  /** Normalised unit: singular lowercase noun ("container", "hour"), "percent", or a currency code. */
  unit: string;
  /** Surface text from the number (or its currency sign) to the unit. */
  text: string;
  start: number;
  end: number;
  /** "about", "nearly", "more than": the value is not exact, and comparison allows for it. */
  approx: boolean;
  /**
   * What happened to what was counted, when the sentence says so next to it: "12 people were
   * killed" and "five people missing" count different things ("killed", "missing").
   */
  outcome?: string;
}

const NUMBER_WORDS = new Map<string, number>([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100],
]);
const SCALES = new Map<string, number>([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['bn', 1e9], ['m', 1e6],
]);
const CURRENCY_SIGNS = new Map<string, string>([['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₩', 'KRW'], ['₽', 'RUB']]);
const CURRENCY_WORDS = new Map<string, string>([
  ['dollar', 'USD'], ['euro', 'EUR'], ['pound', 'GBP'], ['yen', 'JPY'], ['won', 'KRW'], ['ruble', 'RUB'], ['rouble', 'RUB'], ['yuan', 'CNY'],
]);
const APPROX_BEFORE = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'more', 'less', 'fewer', 'least', 'estimated', 'than']);
const UNIT_SYNONYMS = new Map<string, string>([['per', 'percent'], ['%', 'percent'], ['pct', 'percent'], ['percentage', 'percent']]);
const ANAPHORIC_BEFORE = new Set(['the', 'these', 'those', 'both', 'all', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);
/** "40 killed", "12 injured": tolls are counts whose noun is left out. */
const OUTCOME_WORDS = new Set(['killed', 'dead', 'died', 'injured', 'wounded', 'hurt', 'missing', 'arrested', 'detained', 'displaced', 'evacuated', 'rescued']);
const OUTCOME_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['kill', 'killed'], ['dead', 'killed'], ['die', 'killed'], ['death', 'killed'], ['injur', 'injured'], ['wound', 'injured'],
  ['hurt', 'injured'], ['missing', 'missing'], ['arrest', 'arrested'], ['detain', 'arrested'], ['displac', 'displaced'],
  ['evacuat', 'evacuated'], ['rescu', 'rescued'], ['hospitali', 'injured'],
];

function outcomeOf(key: string): string | undefined {
  for (const [stem, outcome] of OUTCOME_STEMS) if (key.startsWith(stem)) return outcome;
  return undefined;
}

/** The outcome word right after the counted noun ("people were killed") or right before the number ("killed 12"). */
function outcomeNear(tokens: Token[], first: number, after: number, unit: string): string | undefined {
  const own = outcomeOf(unit);
  if (own) return own;
  for (let k = after; k < tokens.length && k <= after + 4; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') break;
    const o = outcomeOf(t.key);
    if (o) return o;
  }
  for (let k = first - 1; k >= 0 && k >= first - 2; k--) {
    if (tokens[k].kind !== 'word') break;
    const o = outcomeOf(tokens[k].key);
    if (o) return o;
  }
  return undefined;
}

const TIME_UNITS = new Set(['day', 'time', 'week', 'month', 'year', 'moment', 'night', 'morning', 'evening']);
/** Words that may sit between a number and its noun ("11,000 shipping containers" keeps the head). */
const MAX_MODIFIERS = 2;

function parseNumber(t: Token): number | null {
  if (t.kind === 'num') {
    const n = Number(t.text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  if (t.kind === 'word') return NUMBER_WORDS.get(t.key) ?? null;
  return null;
}

/** Crude singular: enough to make "hours"/"hour" and "casualties"/"casualty" one unit. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function isYearLike(t: Token, value: number): boolean {
  return t.kind === 'num' && /^\d{4}$/.test(t.text) && value >= 1800 && value <= 2100;
}

/**
 * Quantities in `text`, left to right. `exclude` spans (time expressions) are skipped so "24 years"
 * as a duration of time still counts only when the time layer did not claim it.
 */
export function findQuantities(tokens: Token[], text: string, exclude: Span[] = []): Quantity[] {
  const out: Quantity[] = [];
  const sortedExclude = [...exclude].sort((a, b) => a.start - b.start);
  let ex = 0;
  const excluded = (start: number, end: number): boolean => {
    while (ex < sortedExclude.length && sortedExclude[ex].end <= start) ex++;
    return ex < sortedExclude.length && sortedExclude[ex].start < end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let value = parseNumber(t);
    if (value === null) continue;
    // "the two leaders", "these three countries": a reference back, not a count being reported
    if (i > 0 && ANAPHORIC_BEFORE.has(tokens[i - 1].key)) continue;
    const first = i;
    let j = i + 1;
    // "twenty five", "1.5 million", "two hundred thousand"
    while (j < tokens.length && tokens[j].kind === 'word' && SCALES.has(tokens[j].key) && tokens[j].spaceBefore !== false) {
      value *= SCALES.get(tokens[j].key)!;
      j++;
    }
    if (isYearLike(t, value) && j === i + 1) continue;
    // currency sign right before the number
    let unit: string | null = null;
    let start = t.start;
    const prev = tokens[first - 1];
    if (prev && prev.kind === 'punct' && CURRENCY_SIGNS.has(prev.text)) {
      unit = CURRENCY_SIGNS.get(prev.text)!;
      start = prev.start;
    }
    let end = tokens[j - 1].end;
    if (!unit) {
      // "%" glued to the number, or the head noun within a few modifiers
      const next = tokens[j];
      if (next && next.text === '%') {
        unit = 'percent';
        end = next.end;
        j++;
      } else {
        // the counted noun: plural after any number but one ("11,000 shipping containers",
        // "two sovereign states"), so a verb after the number ("the two shook hands") is not a unit
        for (let k = j; k < tokens.length && k <= j + MAX_MODIFIERS; k++) {
          const u = tokens[k];
          if (u.kind !== 'word') break;
          if (u.key === 'per' && tokens[k + 1]?.key === 'cent') {
            unit = 'percent';
            end = tokens[k + 1].end;
            break;
          }
          if (LEX.stopwords.has(u.key) && !UNIT_SYNONYMS.has(u.key)) break;
          const n = singular(u.key);
          // "25 injured people": the outcome word is a modifier of the noun after it
          const nextKey = tokens[k + 1]?.kind === 'word' ? tokens[k + 1].key : '';
          if (OUTCOME_WORDS.has(u.key) && k < j + MAX_MODIFIERS && nextKey && !LEX.stopwords.has(nextKey) && (nextKey === 'people' || singular(nextKey) !== nextKey)) continue;
          const counted = value === 1 || OUTCOME_WORDS.has(u.key) || n !== u.key || u.key === 'people' || CURRENCY_WORDS.has(n) || UNIT_SYNONYMS.has(u.key);
          if (!counted) {
            if (u.key.endsWith('ed') || u.cap) break; // a verb or a name: no counted noun follows
            continue;
          }
          unit = CURRENCY_WORDS.get(n) ?? UNIT_SYNONYMS.get(n) ?? n;
          end = u.end;
          break;
        }
      }
    }
    // "could one day supply", "one time": idioms, not a count of one day
    if (unit && t.key === 'one' && TIME_UNITS.has(unit)) unit = null;
    if (!unit || excluded(start, end)) {
      i = j - 1;
      continue;
    }
    let approx = false;
    for (let k = first - 1 - (start < t.start ? 1 : 0); k >= 0 && k >= first - 3; k--) {
      if (tokens[k].kind !== 'word') break;
      if (APPROX_BEFORE.has(tokens[k].key) || (tokens[k].key === 'to' && tokens[k - 1]?.key === 'up')) approx = true;
    }
    const q: Quantity = { value, unit, text: text.slice(start, end), start, end, approx };
    const outcome = outcomeNear(tokens, first, j, unit);
    if (outcome) q.outcome = outcome;
    out.push(q);
    i = j - 1;
  }
  return out;
}
