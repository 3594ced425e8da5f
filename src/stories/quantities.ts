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
/** Nouns that count people: one unit, so "3,000 residents" and "2,300 people" are compared. */
const PEOPLE_NOUNS = new Set(['people', 'person', 'resident', 'folk', 'individual', 'inhabitant', 'villager', 'citizen', 'soul']);
/** Nouns that count businesses ("14 firms", "14 providers", "14 companies"), and nouns that count countries. */
const COMPANY_NOUNS = new Set(['company', 'firm', 'business', 'provider', 'corporation', 'enterprise', 'startup', 'vendor', 'supplier', 'contractor', 'manufacturer', 'operator']);
const COUNTRY_NOUNS = new Set(['country', 'nation']);
/** American and British spellings of metric units, one unit. */
const SPELLINGS = new Map<string, string>([
  ['meter', 'metre'], ['millimeter', 'millimetre'], ['centimeter', 'centimetre'], ['kilometer', 'kilometre'], ['liter', 'litre'],
  ['mm', 'millimetre'], ['cm', 'centimetre'], ['km', 'kilometre'], ['kg', 'kilogram'], ['kilo', 'kilogram'], ['ton', 'tonne'],
]);
/** Durations compared in minutes, days or months ("90 minutes" = "an hour and a half"). */
const DURATIONS = new Map<string, [string, number]>([
  ['second', ['minute', 1 / 60]], ['minute', ['minute', 1]], ['hour', ['minute', 60]],
  ['day', ['day', 1]], ['week', ['day', 7]], ['month', ['month', 1]], ['year', ['month', 12]], ['decade', ['month', 120]],
]);

/**
 * Units that count many different things in one story: people, businesses, countries, money,
 * shares, spans of time, and "times". Two agreeing figures in one of them are one fact only when
 * their sentences share words ("20,000 marched" and "21,000 signed" are two); in a specific unit
 * ("couriers", "millimetres") agreeing figures are one fact.
 */
export const GENERIC_UNITS: ReadonlySet<string> = new Set([
  'people', 'companies', 'countries', 'percent', 'time',
  ...CURRENCY_SIGNS.values(), ...CURRENCY_WORDS.values(), ...[...DURATIONS.values()].map(([unit]) => unit),
]);

/** One name and scale per unit, so that outlets that word a figure differently are compared. */
function canonicalUnit(unit: string, value: number): { unit: string; value: number } {
  if (PEOPLE_NOUNS.has(unit)) return { unit: 'people', value };
  if (COMPANY_NOUNS.has(unit)) return { unit: 'companies', value };
  if (COUNTRY_NOUNS.has(unit)) return { unit: 'countries', value };
  const d = DURATIONS.get(unit);
  if (d) return { unit: d[0], value: value * d[1] };
  return { unit: SPELLINGS.get(unit) ?? unit, value };
}

/**
 * "the death toll rose to 13", "a toll of 40", "the number of people killed by floods in central
 * Greece has risen to 14": 'death' or 'toll' when a toll is counted at `first`.
 */
function tollBefore(tokens: Token[], first: number): 'death' | 'toll' | null {
  // "The death toll from a powerful earthquake that hit eastern Turkey on Friday rose to 41": a
  // toll that rises or stands at the figure may be told about at length before its verb
  const changed = (tokens[first - 1]?.key === 'to' && TOLL_CHANGES.has(tokens[first - 2]?.key ?? '')) || (tokens[first - 1]?.key === 'at' && (tokens[first - 2]?.key === 'stood' || tokens[first - 2]?.key === 'stands'));
  const reach = changed ? 24 : 10;
  for (let k = first - 1; k >= 0 && k >= first - Math.max(14, reach); k--) {
    const t = tokens[k];
    if (t.kind !== 'word' && !(changed && t.text === ',')) return null;
    if ((t.key === 'toll' || t.key === 'tolls') && k >= first - reach) return tokens[k - 1]?.key === 'death' ? 'death' : 'toll';
    if (t.key === 'number' && tokens[k + 1]?.key === 'of' && tokens[k - 1]?.key === 'the') {
      // the number of people killed / of dead / of deaths: who is counted, two words on at most
      for (let q = k + 2; q <= k + 4 && q < first; q++) if (DEATH_WORDS.has(tokens[q].key)) return 'death';
      return null;
    }
  }
  return null;
}

/** Verbs of a toll's change before "to" + the figure. */
const TOLL_CHANGES = new Set(['rose', 'risen', 'rises', 'climbed', 'climbs', 'increased', 'jumped', 'soared', 'grew', 'reached']);

/** Words that make "the number of ..." a death toll. */
const DEATH_WORDS = new Set(['killed', 'dead', 'deaths', 'fatalities', 'died', 'victims']);

/** "40 killed", "12 injured": tolls are counts whose noun is left out. */
const OUTCOME_WORDS = new Set(['killed', 'dead', 'died', 'injured', 'wounded', 'hurt', 'missing', 'arrested', 'detained', 'displaced', 'evacuated', 'rescued']);
const OUTCOME_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['kill', 'killed'], ['dead', 'killed'], ['die', 'killed'], ['death', 'killed'], ['injur', 'injured'], ['wound', 'injured'],
  ['hurt', 'injured'], ['missing', 'missing'], ['arrest', 'arrested'], ['detain', 'arrested'], ['displac', 'displaced'],
  ['evacuat', 'evacuated'], ['rescu', 'rescued'], ['hospitali', 'injured'],
];

/**
 * Where people were put or stayed that says they were evacuated: moved to shelters or to safety
 * ("2,500 people had been moved to emergency shelters", "taken to safety"), or a night spent in
 * shelters ("3,000 residents had spent a second night in shelters", "were sleeping in emergency
 * shelters"). Each frame: the verbs, the preposition (right after the verb, or within `reach`
 * words of it) and the words for the place, up to three words after the preposition.
 */
const SHELTER_FRAMES: ReadonlyArray<{ verbs: ReadonlySet<string>; prepositions: ReadonlySet<string>; reach: number; places: ReadonlySet<string> }> = [
  {
    verbs: new Set(['moved', 'relocated', 'taken', 'brought', 'bused', 'ferried', 'airlifted', 'transferred']),
    prepositions: new Set(['to']),
    reach: 1,
    places: new Set(['shelter', 'shelters', 'safety', 'safer', 'higher']),
  },
  {
    verbs: new Set(['spent', 'spending', 'slept', 'sleeping', 'stayed', 'staying', 'housed', 'sheltered', 'sheltering']),
    prepositions: new Set(['in', 'at']),
    reach: 5,
    places: new Set(['shelter', 'shelters']),
  },
];

/** 'evacuated' when the verb at token k puts or keeps people in a shelter (see SHELTER_FRAMES). */
function shelteredAt(tokens: Token[], k: number): string | undefined {
  const frame = SHELTER_FRAMES.find((f) => f.verbs.has(tokens[k].key));
  if (!frame) return undefined;
  for (let q = k + 1; q < tokens.length && q <= k + frame.reach && tokens[q].kind === 'word'; q++) {
    if (!frame.prepositions.has(tokens[q].key)) continue;
    for (let r = q + 1; r < tokens.length && r <= q + 3 && tokens[r].kind === 'word'; r++) if (frame.places.has(tokens[r].key)) return 'evacuated';
    return undefined;
  }
  return undefined;
}

function outcomeOf(key: string): string | undefined {
  // verb forms and the adjectives only: "rescuers" and "killer" name people, not what happened
  if (!/(ed|ing|en)$/.test(key) && !OUTCOME_WORDS.has(key) && key !== 'die' && key !== 'dies') return undefined;
  for (const [stem, outcome] of OUTCOME_STEMS) if (key.startsWith(stem)) return outcome;
  return undefined;
}

/** "and four were missing", "two remain missing": a count whose noun is left out before an outcome. */
const ELLIPSIS_LINKS = new Set(['were', 'are', 'was', 'is', 'remain', 'remained', 'remains', 'still', 'had', 'have', 'been', 'reported', 'feared']);

/** The outcome word right after the counted noun ("people were killed") or right before the number ("killed 12"). */
function outcomeNear(tokens: Token[], first: number, after: number, unit: string): string | undefined {
  const own = outcomeOf(unit);
  if (own) return own;
  for (let k = after; k < tokens.length && k <= after + 4; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') break;
    const o = outcomeOf(t.key) ?? shelteredAt(tokens, k);
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

/** A scale glued to the figure ("32m", "36.5bn", "2tn") after a currency sign ("€32m"): elsewhere "32m" may be metres. */
const GLUED_SCALE = /^(\d[\d,]*(?:\.\d+)?)(k|m|bn|tn)$/;
/** Glued scales that are no scale word of their own ("m" and "bn" are in SCALES). */
const GLUED_ONLY_SCALES = new Map<string, number>([['k', 1e3], ['tn', 1e12]]);

function gluedAmount(t: Token, prev: Token | undefined): number | null {
  // (the tokenizer reads "32m" as a number token; its text is not a number)
  if (t.kind === 'punct' || !prev || prev.kind !== 'punct' || !CURRENCY_SIGNS.has(prev.text)) return null;
  const m = GLUED_SCALE.exec(t.key);
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ''));
  return Number.isFinite(n) ? n * (SCALES.get(m[2]) ?? GLUED_ONLY_SCALES.get(m[2])!) : null;
}

/** Crude singular: enough to make "hours"/"hour" and "casualties"/"casualty" one unit. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** "and a half" starting at token k (not "and a half-hearted ..."). */
function andAHalfAt(tokens: Token[], k: number): boolean {
  return tokens[k]?.key === 'and' && tokens[k + 1]?.key === 'a' && tokens[k + 2]?.key === 'half' && tokens[k + 3]?.text !== '-';
}

/** "about", "nearly", "more than", "up to" among the words from `from` back to `limit`. */
function approxBefore(tokens: Token[], from: number, limit: number): boolean {
  let approx = false;
  for (let k = from; k >= 0 && k >= limit && tokens[k].kind === 'word'; k--) {
    if (APPROX_BEFORE.has(tokens[k].key) || (tokens[k].key === 'to' && tokens[k - 1]?.key === 'up')) approx = true;
  }
  return approx;
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
    // "an hour and a half": 1.5 of a duration, written without a digit
    if ((t.key === 'a' || t.key === 'an') && DURATIONS.has(tokens[i + 1]?.key ?? '') && tokens[i + 2]?.key === 'and' && tokens[i + 3]?.key === 'a' && tokens[i + 4]?.key === 'half') {
      const c = canonicalUnit(tokens[i + 1].key, 1.5);
      const start = t.start;
      const end = tokens[i + 4].end;
      if (!excluded(start, end)) out.push({ value: c.value, unit: c.unit, text: text.slice(start, end), start, end, approx: approxBefore(tokens, i - 1, i - 3) });
      i += 4;
      continue;
    }
    let value = parseNumber(t) ?? gluedAmount(t, tokens[i - 1]);
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
    // "two and a half hours"
    let half = false;
    if (tokens[j]?.key === 'and' && tokens[j + 1]?.key === 'a' && tokens[j + 2]?.key === 'half') {
      value += 0.5;
      half = true;
      j += 3;
    }
    const toll = tollBefore(tokens, first);
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
    // "the death toll rose to 13": a toll counts people even with no noun after the number
    if (!unit && toll) unit = 'people';
    // "12 people were killed and four were missing": people, left out before the outcome
    if (!unit) {
      let k = j;
      while (k < tokens.length && k < j + 3 && tokens[k].kind === 'word' && ELLIPSIS_LINKS.has(tokens[k].key)) k++;
      if (k > j && tokens[k]?.kind === 'word' && outcomeOf(tokens[k].key)) {
        unit = 'people';
        end = tokens[j - 1].end;
      }
    }
    if (!unit || excluded(start, end)) {
      i = j - 1;
      continue;
    }
    const approx = approxBefore(tokens, first - 1 - (start < t.start ? 1 : 0), first - 3);
    // "an hour and a half" after the noun ("two hours and a half")
    if (!half && DURATIONS.has(unit)) {
      let k = j;
      while (k < tokens.length && tokens[k].start < end) k++;
      if (andAHalfAt(tokens, k)) value += 0.5;
    }
    const canonical = canonicalUnit(unit, value);
    const q: Quantity = { value: canonical.value, unit: canonical.unit, text: text.slice(start, end), start, end, approx };
    const outcome = (toll === 'death' ? 'killed' : undefined) ?? outcomeNear(tokens, first, j, unit);
    if (outcome) q.outcome = outcome;
    out.push(q);
    i = j - 1;
  }
  return out;
}
