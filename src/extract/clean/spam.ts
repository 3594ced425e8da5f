/**
 * SEO keyword lines: short lines that are not sentences, stuck to the end (or start) of a page by
 * spammers or scrapers ("cheap flights deals", "free movie download hd").
 *
 * No list of spam lines: each candidate line is scored on general evidence, against the vocabulary
 * of the document's own prose:
 *   novelty        share of its content words the body never uses             (weight 0.45)
 *   no prose glue  under a quarter of its words are function words of the body's language (0.15)
 *   foreign glue   a function word of another language, which the body never uses (0.15)
 *   all lower case search queries are typed in lower case (scripts with case only)  (0.20)
 *   SEO marker     a file-type/piracy/deals word the body never uses            (0.25)
 *   long run       the line sits in a run of ≥ 3 candidate lines                (0.10)
 *   structured     inner punctuation (, ; : ( ) @ % | – —), a list bullet or a leading figure: tour
 *                  dates, credits, poll results and lists are punctuated; search queries are not (−0.25)
 * A line in the tail or head run is spam at SPAM_THRESHOLD (in a mostly-spam run: RUN_THRESHOLD
 * between the edge and the innermost sure spam line, LOWER_CASE_RUN_THRESHOLD for a bare lower-case
 * line anywhere in the run); a run in mid-document needs INLINE_THRESHOLD on
 * every one of ≥ 3 consecutive lines of ≥ 2 words (without the run bonus), because short lines
 * between paragraphs are usually subheads, and subheads share the body's words.
 */
import { FUNCTION_WORDS, FUNCTION_WORDS_BY_LANGUAGE, SEO_MARKERS } from './rules.js';
import { endsLikeSentence, normaliseKey, type Unit } from './lines.js';
import { isLower } from './char-case.js';

/**
 * 0.75 means a capitalised line that is merely new to the body (0.45 + 0.15 + run 0.10: a headline of
 * another story, a name) is not enough: it also needs an SEO marker or another language's function
 * words. A lower-case line of new words without prose glue is (0.45 + 0.15 + 0.20).
 */
export const SPAM_THRESHOLD = 0.75;
export const INLINE_THRESHOLD = 0.8;
/** Threshold inside a head or tail run of ≥ 3 lines of which at least half (and two) are spam. */
export const RUN_THRESHOLD = 0.6;
/**
 * Threshold, in such a mostly-spam run, for a lower-case line without inner punctuation, wherever it
 * sits in the run: an article's own last lines are subheads, credits or list items, which are
 * capitalised or punctuated; a bare lower-case fragment next to sure keyword lines is one of them
 * even when some of its words occur in the body ("watch gtx off today" under a gaming article).
 */
export const LOWER_CASE_RUN_THRESHOLD = 0.3;
/** Below this many distinct body words, novelty is weak evidence (everything is new to a tiny body). */
const MIN_VOCABULARY = 40;

/**
 * A line that could be a keyword line: short, not ending like a sentence, and not a bare link
 * (a URL line is a reference the author gave, not search bait).
 */
export function isCandidateLine(unit: Unit): boolean {
  return unit.words > 0 && unit.words <= 10 && unit.text.length <= 90 && !endsLikeSentence(unit.text) &&
    !unit.text.includes('://') && !unit.text.startsWith('www.');
}

/** Words of the document's prose: the units that are not candidates. */
export function bodyVocabulary(units: Unit[], keep: (i: number) => boolean): Set<string> {
  const vocab = new Set<string>();
  units.forEach((u, i) => {
    if (!keep(i) || isCandidateLine(u)) return;
    for (const w of u.key.split(' ')) if (w) vocab.add(w);
  });
  return vocab;
}

/** What a line is judged against: the body's words and the function words of its language. */
export interface BodyProfile {
  vocab: ReadonlySet<string>;
  /** Function words of the language whose function words the body uses most (empty if none). */
  glue: ReadonlySet<string>;
}

export function bodyProfile(vocab: ReadonlySet<string>): BodyProfile {
  let glue: ReadonlySet<string> = new Set();
  let best = 0;
  for (const words of Object.values(FUNCTION_WORDS_BY_LANGUAGE)) {
    let hits = 0;
    for (const w of words) if (vocab.has(w)) hits++;
    if (hits > best) {
      best = hits;
      glue = words;
    }
  }
  return { vocab, glue: best >= 3 ? glue : new Set() };
}

export interface SpamEvidence {
  score: number;
  novelty: number;
}

/** spamScore of every unit, each computed once (a line is judged in a run and again in mid-document). */
function scoreCache(units: Unit[], body: () => BodyProfile): (i: number, inLongRun: boolean) => number {
  const base: number[] = [];
  return (i, inLongRun) => {
    base[i] ??= rawScore(units[i], body(), false).score;
    return Math.min(1, base[i] + (inLongRun ? LONG_RUN_BONUS : 0));
  };
}

const LONG_RUN_BONUS = 0.1;

/** The evidence of one candidate line, score clamped to [0, 1]. */
export function spamScore(unit: Unit, body: BodyProfile, inLongRun: boolean): SpamEvidence {
  const raw = rawScore(unit, body, inLongRun);
  return { score: Math.min(1, raw.score), novelty: raw.novelty };
}

function rawScore(unit: Unit, body: BodyProfile, inLongRun: boolean): SpamEvidence {
  const { vocab } = body;
  const tokens = unit.key.split(' ').filter(Boolean);
  if (tokens.length === 0) return { score: 0, novelty: 0 };
  const content = tokens.filter((t) => !FUNCTION_WORDS.has(t) && t.length >= 2);
  const judged = content.length ? content : tokens;
  const novelty = judged.filter((t) => !vocab.has(t)).length / judged.length;
  const glue = tokens.filter((t) => body.glue.has(t)).length / tokens.length;
  // Function words are written in lower case: "IL" (Illinois) is not Italian "il".
  const foreignGlue = lowerCaseWords(unit.text).some((t) => FUNCTION_WORDS.has(t) && !body.glue.has(t) && !vocab.has(t));
  // Only scripts with case can be "all lower case" (Chinese, Arabic, Hindi… cannot).
  const lowerCase = isAllLowerCase(unit.text);
  const seo = tokens.some((t) => SEO_MARKERS.has(t) && !vocab.has(t));
  const noveltyWeight = vocab.size >= MIN_VOCABULARY ? 0.45 : 0.2;
  const structured = isStructured(unit.text);
  const score =
    noveltyWeight * novelty +
    (glue < 0.25 ? 0.15 : 0) +
    (foreignGlue ? 0.15 : 0) +
    (lowerCase ? 0.2 : 0) +
    (seo ? 0.25 : 0) +
    (inLongRun ? LONG_RUN_BONUS : 0) -
    (structured ? 0.25 : 0);
  // Not clamped at 1 here: the cache adds the run bonus to the raw sum.
  return { score: Math.max(0, score), novelty };
}

/** All in lower case (in a script with case) and without a bullet or inner punctuation: a typed query. */
function isBareLowerCase(text: string): boolean {
  return isAllLowerCase(text) && !isStructured(text);
}

/** A bare lower-case line of two or more words, under a quarter of them the body's function words. */
function isGluelessFragment(unit: Unit, body: BodyProfile): boolean {
  if (unit.words < 2 || !isBareLowerCase(unit.text)) return false;
  const tokens = unit.key.split(' ');
  return tokens.filter((t) => body.glue.has(t)).length / tokens.length < 0.25;
}

/** Has letters with case, all of them lower case (scripts without case never are). */
function isAllLowerCase(text: string): boolean {
  return text === text.toLowerCase() && text !== text.toUpperCase();
}

/** The words of a line that are written in lower case (raw case, letters only). */
function lowerCaseWords(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).filter((w) => w === w.toLowerCase());
}

const STRUCTURE_MARKS = new Set([',', ';', ':', '(', ')', '@', '%', '|', '\u2013', '\u2014', '[', ']', '/']);
const BULLETS = new Set(['-', '*', '\u2022', '>', '#']);

/** Inner punctuation or a leading bullet: the line is part of a list or a record, not a search query. */
function isStructured(text: string): boolean {
  // A bullet, or a leading figure: list items with quantities or ranks ("2 cups flour", "3. …").
  if (BULLETS.has(text[0]) || (text[0] >= '0' && text[0] <= '9')) return true;
  for (const ch of text) if (STRUCTURE_MARKS.has(ch)) return true;
  return false;
}

/**
 * A keyword list flattened onto one line ("bol co jogo de terror online novela sbt ao vivo taça png"),
 * as a crawler that loses line breaks leaves a spam tail: too long to be a candidate line, yet no
 * sentence. Judged as a whole: no sentence punctuation anywhere, (nearly) all lower case, at least
 * FLAT_MIN_NOVELTY of its content words new to the body (only BARE_MIN_NOVELTY when at least
 * eight content words have hardly a function word between them: a list of the story's own topic
 * words; in title case ten words and BARE_TITLE_CASE_MIN_NOVELTY), and no prose glue of the body's
 * language unless another language's function words or an SEO marker show it is not the body's prose.
 * Needs a body of MIN_VOCABULARY words to compare with.
 */
export function isFlattenedKeywordLine(text: string, body: BodyProfile): boolean {
  const tokens = flattenedShape(text);
  if (!tokens || body.vocab.size < MIN_VOCABULARY) return false;
  const content = tokens.filter((t) => !FUNCTION_WORDS.has(t) && t.length >= 2);
  if (content.length < 4) return false;
  const novelty = content.filter((t) => !body.vocab.has(t)).length / content.length;
  const glue = tokens.filter((t) => body.glue.has(t)).length / tokens.length;
  const lower = mostlyLowerCase(text);
  // eight or more lower-case content words with hardly a function word between them are no prose
  // in any language, whatever words they share with the body
  const bare = lower && glue <= BARE_MAX_GLUE && content.length >= FLAT_MIN_WORDS;
  // in title case, where a headline without function words is shorter, ten or more and half new
  const bareTitle = !lower && glue <= BARE_MAX_GLUE && content.length >= BARE_TITLE_CASE_MIN_WORDS;
  const minNovelty = bare ? BARE_MIN_NOVELTY : bareTitle ? BARE_TITLE_CASE_MIN_NOVELTY : lower ? FLAT_MIN_NOVELTY : FLAT_MIN_NOVELTY_TITLE_CASE;
  if (novelty < minNovelty) return false;
  const foreignGlue = tokens.some((t) => FUNCTION_WORDS.has(t) && !body.glue.has(t) && !body.vocab.has(t));
  const seo = tokens.some((t) => SEO_MARKERS.has(t) && !body.vocab.has(t));
  return glue < 0.2 || foreignGlue || seo;
}
/** The line's words, lower-cased, when it is shaped like a flattened keyword list (else null). */
function flattenedShape(text: string): string[] | null {
  if (text.length > FLAT_MAX_WORDS * 20 || endsLikeSentence(text) || /[.!?;:]\s/.test(text) || hasGluedSentenceEnd(text)) return null;
  const words = text.match(/\p{L}[\p{L}\p{M}'’]*|\p{N}+/gu) ?? [];
  if (words.length < FLAT_MIN_WORDS || words.length > FLAT_MAX_WORDS) return null;
  const letters = words.filter((w) => /\p{L}/u.test(w));
  return mostlyLowerCase(text) || isTitleCased(letters) ? words.map((w) => w.toLowerCase()) : null;
}

/** At least 90% of the words with letters are in lower case. */
function mostlyLowerCase(text: string): boolean {
  const letters = text.match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? [];
  return letters.filter(isAllLowerCase).length >= letters.length * 0.9;
}

/**
 * Every word capitalised but for a few small ones ("Cheap Flights To Paris Best VPN 2024 Reddit
 * …"): keyword lists are typed in title case too. Such a line must be newer to the body
 * (FLAT_MIN_NOVELTY_TITLE_CASE): a headline of the story's own is not.
 */
function isTitleCased(letters: string[]): boolean {
  const small = letters.filter((w) => isAllLowerCase(w)).length;
  return small <= letters.length * 0.2 && letters.every((w) => isAllLowerCase(w) || /^\p{Lu}/u.test(w));
}
const FLAT_MIN_WORDS = 8;
const FLAT_MAX_WORDS = 150;
const FLAT_MIN_NOVELTY = 0.7;
const FLAT_MIN_NOVELTY_TITLE_CASE = 0.85;
/** A bare lower-case list: at most this share of function words, at least this share of new content words. */
const BARE_MAX_GLUE = 0.1;
const BARE_MIN_NOVELTY = 0.2;
const BARE_TITLE_CASE_MIN_WORDS = 10;
const BARE_TITLE_CASE_MIN_NOVELTY = 0.5;

/**
 * Where a keyword list glued to the end of the last paragraph starts ("… over its loudspeakers. bol
 * co jogo de terror online …"), or -1: the text after the paragraph's last sentence end must open in
 * lower case and be a flattened keyword line.
 */
export function gluedKeywordTail(paragraph: string, body: BodyProfile, spamFollows = false): number {
  let at = -1;
  for (let i = paragraph.length - 2; i > 0; i--) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (paragraph[i + 1] === ' ') {
      at = i + 2;
      break;
    }
    // a quotation or bracket closed after the sentence ('… right now."', '… said.”'), then the list
    // with or without a space
    let j = i + 1;
    while (j < paragraph.length && j <= i + 2 && CLOSERS.has(paragraph[j])) j++;
    if (j > i + 1 && j < paragraph.length && (paragraph[j] === ' ' || isLower(paragraph[j]))) {
      at = paragraph[j] === ' ' ? j + 1 : j;
      break;
    }
    if (isGluedSentenceEnd(paragraph, i)) {
      at = i + 1;
      break;
    }
  }
  if (at < 0 || at >= paragraph.length) return -1;
  const first = paragraph[at];
  if (first === first.toUpperCase()) return -1;
  const rest = paragraph.slice(at);
  // the paragraph's own sentences are body too (the caller's vocabulary leaves the whole unit out)
  const own: BodyProfile = { ...body, vocab: new Set([...body.vocab, ...normaliseKey(paragraph.slice(0, at)).split(' ')]) };
  if (isFlattenedKeywordLine(rest, own)) return at;
  // the first keyword line of a tail the line rules removed, glued to the last sentence: short,
  // lower case, no punctuation, words the body does not use
  if (spamFollows && isGluedRemnant(rest, own)) return at;
  // a short keyword list glued on alone: no sentence opens in lower case, so three or more new
  // content words without the body's prose glue are a list, not the start of one
  return isShortGluedList(rest, own) ? at : -1;
}

/**
 * A short lower-case run (3 to FLAT_MIN_WORDS - 1 words, no punctuation) after the last sentence
 * end: at least three content words, SHORT_GLUED_MIN_NOVELTY of them new to the body, and no more
 * than one function word of the body's language (a sentence needs its articles and prepositions).
 */
function isShortGluedList(text: string, body: BodyProfile): boolean {
  const lower = body.vocab.size >= MIN_VOCABULARY ? bareLowerCaseWords(text) : null;
  if (!lower || lower.length < 3 || lower.length >= FLAT_MIN_WORDS) return false;
  const content = lower.filter((w) => !FUNCTION_WORDS.has(w) && w.length >= 2);
  if (content.length < 3) return false;
  const novelty = content.filter((w) => !body.vocab.has(w)).length / content.length;
  return novelty >= SHORT_GLUED_MIN_NOVELTY && lower.filter((w) => body.glue.has(w)).length <= 1;
}
const SHORT_GLUED_MIN_NOVELTY = 0.75;

/** Closing quotation marks and brackets that may follow a sentence's full stop. */
const CLOSER_CHARS = '"\u201d\u2019\')]\u00bb';
const CLOSERS = new Set(CLOSER_CHARS);
/** A sentence end, perhaps closed by one or two of CLOSERS, then a lower-case letter. */
const LOWER_CASE_AFTER_SENTENCE_END = new RegExp(`[.!?][${CLOSER_CHARS.replace(']', '\\]')}]{0,2} ?\\p{Ll}`, 'u');

/** Whether a paragraph can hold a glued keyword list: a cheap test before gluedKeywordTail. */
export function mayEndInGluedList(paragraph: string): boolean {
  return !endsLikeSentence(paragraph) && LOWER_CASE_AFTER_SENTENCE_END.test(paragraph);
}

/**
 * A sentence end whose following space a lost line break took ("loudspeakers.bol co"): after a word
 * of three lower-case letters (so "e.g." and initials do not count), before a lower-case word that
 * is not a domain's suffix ("example.com").
 */
function isGluedSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  if (!(isLower(text[i + 1]) && isLower(text[i - 1]) && isLower(text[i - 2]) && isLower(text[i - 3]))) return false;
  let e = i + 1;
  while (e < text.length && e < i + 8 && isLower(text[e])) e++;
  return !DOMAIN_SUFFIXES.has(text.slice(i + 1, e));
}
const DOMAIN_SUFFIXES = new Set(['com', 'org', 'net', 'edu', 'gov', 'info', 'biz', 'io', 'co', 'uk', 'de', 'fr', 'br', 'es', 'it', 'nl', 'ru', 'in', 'au', 'ca', 'jp', 'cn', 'pl', 'tv', 'me', 'us', 'html', 'php', 'htm']);

function hasGluedSentenceEnd(text: string): boolean {
  for (let i = 3; i < text.length - 1; i++) if (isGluedSentenceEnd(text, i)) return true;
  return false;
}

/** A short lower-case fragment (1–6 words, no punctuation) whose content words the body never uses. */
function isGluedRemnant(text: string, body: BodyProfile): boolean {
  const words = bareLowerCaseWords(text);
  if (!words || words.length === 0 || words.length > 6) return false;
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  return content.length > 0 && content.every((w) => !body.vocab.has(w));
}

/**
 * The words of a fragment with no punctuation (apostrophes and hyphens aside) whose words are all
 * in lower case or figures, lower-cased; null for any other text.
 */
function bareLowerCaseWords(text: string): string[] | null {
  if (/[\p{P}\p{S}]/u.test(text.replace(/['’-]/g, ''))) return null;
  const words = text.match(/\p{L}[\p{L}\p{M}'’]*|\p{N}+/gu) ?? [];
  return words.every((w) => isAllLowerCase(w) || /^\p{N}+$/u.test(w)) ? words.map((w) => w.toLowerCase()) : null;
}

export type SpamPosition = 'tail' | 'head' | 'inline';

/**
 * Indices of spam units and where each sat. `removed(i)`: a line rule already removed unit i (it is
 * skipped when walking a run, so a disclaimer after the tail does not hide it); `reJudge(i)`: unit i
 * was removed only as a follower of a header rule, and may be re-judged as spam.
 */
export function findSpam(
  units: Unit[],
  removed: (i: number) => boolean,
  reJudge: (i: number) => boolean,
  protectedUnit: (i: number) => boolean,
): Map<number, SpamPosition> {
  // Built on the first candidate line scored: many documents have none.
  let profile: BodyProfile | null = null;
  // flattened keyword lines are long enough to count as prose: they must not lend the body their words
  const flattened = new Set<number>();
  const body = () => (profile ??= bodyProfile(bodyVocabulary(units, (i) => !removed(i) && !flattened.has(i))));
  const score = scoreCache(units, body);
  const out = new Map<number, SpamPosition>();
  const considered = (i: number) => !removed(i) || reJudge(i);

  const collectRun = (from: number, step: 1 | -1): number[] => {
    const run: number[] = [];
    for (let i = from; i >= 0 && i < units.length; i += step) {
      if (!considered(i)) continue;
      if (!isCandidateLine(units[i])) break;
      run.push(i);
    }
    return run;
  };

  const judgeRun = (run: number[], where: SpamPosition) => {
    const long = run.length >= 3;
    const scores = run.map((i) => (protectedUnit(i) || out.has(i) ? -1 : score(i, long)));
    const spam = scores.filter((s) => s >= SPAM_THRESHOLD).length;
    // A run that is mostly spam lowers the bar for the rest of it (title-cased keyword lines), but
    // only from the sure spam line nearest the article outwards: spam is appended at the edge, so
    // the lines between the article and the first sure spam line are the article's own last lines.
    // (`run` is ordered from the edge inwards.)
    // ... and so does a run made only of bare lower-case lines of two or more words without the
    // body's prose glue: keyword or tag lines on the story's own topic ("north korea news today")
    // are not new to the body, but an article does not end on three such fragments (a lower-case
    // poem or lyric has its articles and pronouns, and stays)
    const lowered = long && ((spam >= 2 && spam * 2 >= run.length) || run.every((i) => isGluelessFragment(units[i], body())));
    let innermostSure = -1;
    scores.forEach((s, k) => {
      if (s >= SPAM_THRESHOLD) innermostSure = k;
    });
    run.forEach((i, k) => {
      const bar = !lowered ? SPAM_THRESHOLD
        : isBareLowerCase(units[i].text) ? LOWER_CASE_RUN_THRESHOLD
        : k <= innermostSure ? RUN_THRESHOLD : SPAM_THRESHOLD;
      if (scores[k] >= bar) out.set(i, where);
    });
  };
  // A flattened keyword list at the very end (or start) is spam on its own; the run of keyword lines
  // above (or below) it is judged as usual.
  const flattenedEdge = (from: number, step: 1 | -1): number => {
    let i = from;
    while (i >= 0 && i < units.length && !considered(i)) i += step;
    // a bare candidate line of FLAT_MIN_WORDS or more words is judged as a flattened list too (a
    // list of short words can be short enough to be a candidate); a punctuated one is a list the
    // article gives ("bar, cafeteria, diner, …")
    if (i < 0 || i >= units.length || out.has(i) || protectedUnit(i)) return from;
    if (isCandidateLine(units[i]) && (units[i].words < FLAT_MIN_WORDS || isStructured(units[i].text))) return from;
    if (!flattenedShape(units[i].text)) return from;
    const k = i;
    const without = bodyProfile(bodyVocabulary(units, (j) => j !== k && !removed(j) && !flattened.has(j)));
    if (!isFlattenedKeywordLine(units[i].text, without)) return from;
    flattened.add(i);
    profile = without; // what body() would now build: the vocabulary without the flattened lines
    out.set(i, step === -1 ? 'tail' : 'head');
    return i + step;
  };
  const tail = collectRun(flattenedEdge(units.length - 1, -1), -1);
  judgeRun(tail, 'tail');
  // A document that is nothing but candidates has no head apart from its tail.
  if (tail.length < units.filter((_, i) => considered(i)).length) judgeRun(collectRun(flattenedEdge(0, 1), 1), 'head');

  // Mid-document: ≥ 3 consecutive lines of ≥ 2 words that each score high without the run bonus.
  // (One-word lines in mid-document are lists: ingredients, names, options.)
  let streak: number[] = [];
  const flush = () => {
    if (streak.length >= 3) for (const i of streak) if (!out.has(i)) out.set(i, 'inline');
    streak = [];
  };
  for (let i = 0; i < units.length; i++) {
    if (!considered(i)) continue;
    const u = units[i];
    if (isCandidateLine(u) && u.words >= 2 && !protectedUnit(i) && score(i, false) >= INLINE_THRESHOLD) {
      streak.push(i);
    } else {
      flush();
    }
  }
  flush();
  return out;
}
