/**
 * cleanText: plain text (or text extracted from HTML) in, clean paragraphs out, with an audit trail.
 *
 *   split into units (lines.ts) → line rules (boilerplate.ts, tables in rules.ts) → title repeat
 *   → keyword spam (spam.ts) → keyword lists, closing prompts and boilerplate glued onto the last
 *   paragraph cut from it → repairs in kept paragraphs (repair.ts) → join with "\n\n" → dateline of
 *   the first body paragraph (dateline.ts)
 *
 * Every unit that is not kept, and every sentence cut, becomes a Removal (reason, rule,
 * verbatim text, insertion offset); nothing is dropped silently except whitespace.
 * What each step does and why: docs/quality.md.
 */
import type { Dateline, Removal, Repair } from '../../model.js';
import { applyLineRules, matchLineRule, type Verdict } from './boilerplate.js';
import { parseDateline } from './dateline.js';
import { countWords, endsLikeSentence, makeUnit, normaliseKey, splitUnits, type Unit } from './lines.js';
import { letterTokenCounts, repairParagraph } from './repair.js';
import { SPAM_RULES, TITLE_RULE, TRAILING_PROMPTS } from './rules.js';
import { splitSentences } from './sentences.js';
import { bodyProfile, bodyVocabulary, findSpam, gluedKeywordTail, mayEndInGluedList } from './spam.js';

export interface CleanResult {
  /** Clean text: paragraphs separated by "\n\n". */
  text: string;
  removals: Removal[];
  repairs: Repair[];
  dateline: Dateline | null;
}

export interface CleanOptions {
  /** The article's title when known (from metadata): a first line equal to it is set aside. */
  title?: string | null;
}

/** How many leading units may hold a repeated title or the dateline paragraph. */
const HEAD_UNITS = 3;

export function cleanText(text: string, opts: CleanOptions = {}): CleanResult {
  const units = splitUnits(text);
  const verdicts: (Verdict | null)[] = applyLineRules(units);

  const titleKey = opts.title ? normaliseKey(opts.title) : '';
  const titleWords = countWords(titleKey);
  // The title line as the page shows it may lack the site suffix the metadata title has
  // ("Pact signed" vs "Pact signed - Daily News"), or carry one the metadata lacks.
  const isTitle = (i: number) => {
    const { key, words } = units[i];
    if (titleKey === '' || key === '') return false;
    if (key === titleKey) return true;
    if (words >= 4 && titleKey.startsWith(key + ' ')) return titleWords - words <= 6;
    if (titleWords >= 4 && key.startsWith(titleKey + ' ')) return words - titleWords <= 6;
    return false;
  };
  for (let i = 0; i < Math.min(HEAD_UNITS, units.length); i++) {
    if (isTitle(i) && verdicts[i] === null) {
      verdicts[i] = { reason: TITLE_RULE.reason, rule: TITLE_RULE.name };
      break;
    }
  }

  const spam = findSpam(
    units,
    (i) => verdicts[i] !== null,
    (i) => verdicts[i]?.follower === true,
    isTitle,
  );
  for (const [i, where] of spam) verdicts[i] = { reason: SPAM_RULES[where].reason, rule: SPAM_RULES[where].name };

  const trailing = new Map<number, TailCut>();
  const glued = gluedSpamCut(units, verdicts);
  if (glued) trailing.set(glued.unit, glued.cut);
  else for (const [i, cut] of closingBoilerplateCuts(units, verdicts)) trailing.set(i, cut);

  const counts = letterTokenCounts(text);
  const paragraphs: string[] = [];
  const removals: Removal[] = [];
  const repairs: Repair[] = [];
  const pending: Removal[] = [];
  let offset = 0;
  const headProse: number[] = [];
  units.forEach((unit, i) => {
    const verdict = verdicts[i];
    if (verdict) {
      const removal: Removal = { reason: verdict.reason, rule: verdict.rule, text: unit.raw, at: -1 };
      removals.push(removal);
      pending.push(removal);
      return;
    }
    if (paragraphs.length) offset += 2; // the "\n\n" before this paragraph
    for (const r of pending) r.at = offset;
    pending.length = 0;
    const cut = trailing.get(i);
    const repaired = repairParagraph(cut ? cut.keep : unit.text, counts);
    for (const r of repaired.repairs) repairs.push({ ...r, at: r.at + offset });
    for (const piece of cut?.removed ?? []) {
      removals.push({ reason: piece.reason, rule: piece.rule, text: piece.text, at: offset + repaired.text.length });
    }
    // Body paragraphs near the top: a title or kicker line does not end like a sentence.
    if (paragraphs.length < HEAD_UNITS && (endsLikeSentence(unit.text) || unit.words > 30)) {
      headProse.push(paragraphs.length);
    }
    paragraphs.push(repaired.text);
    offset += repaired.text.length;
  });
  for (const r of pending) r.at = offset;

  // The first of them that opens with a dateline (a standfirst may come before the body).
  let dateline: Dateline | null = null;
  for (const p of headProse) if ((dateline = parseDateline(paragraphs[p]))) break;
  return { text: paragraphs.join('\n\n'), removals, repairs, dateline };
}

/** Text cut from the end of a kept paragraph: what stays, and each removed piece with its reason. */
interface TailCut {
  keep: string;
  removed: Array<{ text: string; reason: Removal['reason']; rule: string }>;
}

/**
 * A keyword list glued to the last kept paragraph after its final sentence (line breaks lost in the
 * crawl): cut as a span, reason spam-keywords, rule keyword-glued.
 */
function gluedSpamCut(units: Unit[], verdicts: (Verdict | null)[]): { unit: number; cut: TailCut } | null {
  let last = units.length - 1;
  while (last >= 0 && verdicts[last]) last--;
  if (last < 1) return null;
  const text = units[last].text;
  // cheap test first: the paragraph must end in a lower-case run after a sentence end
  if (!mayEndInGluedList(text)) return null;
  const profile = bodyProfile(bodyVocabulary(units, (i) => verdicts[i] === null && i !== last));
  // a keyword tail the line rules removed right after it: a short remnant glued on is its first line
  const spamFollows = verdicts[last + 1]?.reason === SPAM_RULES.tail.reason;
  const at = gluedKeywordTail(text, profile, spamFollows);
  if (at < 0) return null;
  return { unit: last, cut: { keep: text.slice(0, at).trimEnd(), removed: [{ text: text.slice(at), reason: SPAM_RULES.glued.reason, rule: SPAM_RULES.glued.name }] } };
}

function isPrompt(sentence: string): boolean {
  const key = normaliseKey(sentence);
  if (countWords(key) > TRAILING_PROMPTS.maxWords) return false;
  return TRAILING_PROMPTS.phrases.some((p) => key === p || key.startsWith(p + ' '));
}

/**
 * Line rules whose text may end up glued to the last paragraph when a crawl loses line breaks
 * ("… loudspeakers. Disclaimer : The content in this article is for educational purposes only.",
 * "… rush. #ferry #harbour", "… rush. Tags: ferries, council"). Bylines, dates and credits are left
 * out: a closing sentence of prose can start like one ("By then, …").
 */
const GLUED_LINE_REASONS: ReadonlySet<Removal['reason']> = new Set<Removal['reason']>([
  'disclaimer', 'comment-form', 'share-subscribe', 'navigation', 'spam-keywords', 'boilerplate', 'related-links',
]);

/** What a closing sentence is, when it is a prompt or a glued boilerplate line (else null). */
function closingBoilerplate(sentence: string): Verdict | null {
  if (isPrompt(sentence)) return { reason: TRAILING_PROMPTS.reason, rule: TRAILING_PROMPTS.name };
  const rule = matchLineRule(makeUnit([sentence]), true, true);
  return rule && GLUED_LINE_REASONS.has(rule.reason) ? { reason: rule.reason, rule: rule.name } : null;
}

/**
 * Closing prompts ("Stay tuned for more updates.") and boilerplate lines glued on (see
 * GLUED_LINE_REASONS) at the end of the last kept paragraph. A paragraph that is nothing but these
 * becomes a removal of its own (and the one before it is looked at); otherwise they are cut from its
 * end, each with its own reason. A paragraph a line rule removed whole is looked at too when it opens
 * with a sentence of prose: boilerplate glued to the article's last paragraph made the rule match
 * ("… over its loudspeakers. Disclaimer : The content … is for educational purposes only."); it is
 * kept, minus the glued sentences, when what is left matches no rule. Returns the cuts by unit index.
 */
function closingBoilerplateCuts(units: Unit[], verdicts: (Verdict | null)[]): Map<number, TailCut> {
  const cuts = new Map<number, TailCut>();
  for (let i = units.length - 1; i >= 0; i--) {
    const reopened = verdicts[i] !== null;
    if (reopened && !opensWithProse(units[i], verdicts[i]!)) continue;
    const sentence = sentencesFromEnd(units[i].text);
    const found = closingSentences(sentence);
    if (found.length === 0) {
      if (reopened) continue;
      break;
    }
    if (sentence(found.length + 1) === undefined) {
      if (!reopened) verdicts[i] = found[found.length - 1];
      continue;
    }
    // Cut at the start of the first such sentence, found from the end of the paragraph.
    const text = units[i].text;
    let at = text.length;
    for (let r = 1; r <= found.length; r++) at = text.lastIndexOf(sentence(r)!, at - 1);
    const keep = text.slice(0, at).trimEnd();
    if (reopened) {
      if (matchLineRule(makeUnit([keep]), true, true)) continue;
      verdicts[i] = null;
    }
    const removed = found.map((v, n) => ({ text: sentence(found.length - n)!, reason: v.reason, rule: v.rule }));
    cuts.set(i, { keep, removed });
    break;
  }
  return cuts;
}

/**
 * "#news #world Follow us on Twitter for more updates.": hashtags a crawl ran into the next line
 * have no sentence end after them; they are a piece of their own.
 */
function splitLeadingHashtags(sentence: string): string[] {
  let at = 0;
  let tags = 0;
  while (sentence[at] === '#') {
    const end = sentence.indexOf(' ', at);
    if (end < 0) return [sentence];
    at = end + 1;
    tags++;
  }
  return tags >= 2 && at < sentence.length ? [sentence.slice(0, at - 1), sentence.slice(at)] : [sentence];
}

/**
 * "Subscribe to our newsletter Disclaimer: This post is …", "Tags: news, world #news #world Follow
 * us on Twitter": boilerplate lines a crawl ran together with no sentence end between them. A
 * sentence that is no boilerplate line as a whole is split before a capitalised word or a hashtag
 * that follows a word without punctuation, when every piece then is one (else it is left whole).
 */
function splitGluedLines(sentence: string): string[] {
  const words: string[] = [];
  const at: number[] = [];
  for (const m of sentence.matchAll(/\S+/g)) {
    words.push(m[0]);
    at.push(m.index);
  }
  if (words.length < 4 || words.length > GLUED_SPLIT_MAX_WORDS || closingBoilerplate(sentence)) return [sentence];
  // word indices where a glued line may start
  const starts = [0];
  for (let k = 1; k < words.length; k++) {
    if (/^(?:\p{Lu}|#\p{L})/u.test(words[k]) && /[\p{L}\p{N}*]$/u.test(words[k - 1])) starts.push(k);
  }
  if (starts.length < 2 || starts.length > GLUED_SPLIT_MAX_STARTS) return [sentence];
  // next[a]: the start after piece a in a partition of words[starts[a]..] into boilerplate lines
  const next = new Array<number>(starts.length).fill(-1);
  // pieces are cut from the sentence itself, so the caller finds them in the text as they are
  const piece = (a: number, b: number) => sentence.slice(at[starts[a]], b < starts.length ? at[starts[b]] : sentence.length).trimEnd();
  for (let a = starts.length - 1; a >= 0; a--) {
    for (let b = a + 1; b <= starts.length; b++) {
      if ((b === starts.length || next[b] >= 0) && closingBoilerplate(piece(a, b))) {
        next[a] = b;
        break;
      }
    }
  }
  if (next[0] < 0 || next[0] === starts.length) return [sentence];
  const pieces: string[] = [];
  for (let a = 0; a < starts.length; a = next[a]) pieces.push(piece(a, next[a]));
  return pieces;
}
const GLUED_SPLIT_MAX_WORDS = 60;
const GLUED_SPLIT_MAX_STARTS = 16;

/** At most this many closing sentences are cut from one paragraph. */
const MAX_CLOSING_SENTENCES = 6;
/** A sentence between two glued boilerplate sentences goes with them up to this many words. */
const SANDWICHED_MAX_WORDS = 15;
/** The rule name of such a sentence (its reason is the one of the boilerplate before it). */
const SANDWICHED_RULE = 'glued-between';

/**
 * Verdicts of the closing sentences that are prompts or glued boilerplate, in text order. A short
 * sentence between two of them goes too ("Leave a Reply Your email address will not be published."
 * between a disclaimer and "Required fields are marked *": two lines the crawl ran together).
 */
function closingSentences(sentence: (r: number) => string | undefined): Verdict[] {
  const found: Verdict[] = [];
  // r: sentences already judged, counted from the end
  let r = 0;
  while (sentence(r + 1) !== undefined && found.length < MAX_CLOSING_SENTENCES) {
    const verdict = closingBoilerplate(sentence(r + 1)!);
    if (verdict) {
      found.unshift(verdict);
      r++;
      continue;
    }
    const before = found.length > 0 && countWords(normaliseKey(sentence(r + 1)!)) <= SANDWICHED_MAX_WORDS && sentence(r + 2) !== undefined
      ? closingBoilerplate(sentence(r + 2)!) : null;
    if (!before) break;
    found.unshift(before, { reason: before.reason, rule: SANDWICHED_RULE });
    r += 2;
  }
  return found;
}

/**
 * The sentences of a paragraph counted from its end (1: the last; undefined past the first). Of the
 * last MAX_CLOSING_SENTENCES, one that is glued boilerplate lines comes as its pieces
 * (splitGluedLines); a sentence is split only when a caller reaches it, as most paragraphs end in
 * prose and are left at their last sentence.
 */
function sentencesFromEnd(text: string): (r: number) => string | undefined {
  const whole = splitSentences(text).flatMap(splitLeadingHashtags);
  const splitFrom = whole.length - MAX_CLOSING_SENTENCES;
  const reversed: string[] = [];
  let next = whole.length;
  return (r) => {
    while (reversed.length < r && next > 0) {
      next--;
      const pieces = next >= splitFrom ? splitGluedLines(whole[next]) : [whole[next]];
      for (let p = pieces.length - 1; p >= 0; p--) reversed.push(pieces[p]);
    }
    return reversed[r - 1];
  };
}

/** Removed whole by a glued-boilerplate rule, yet its first sentence is prose that matches no rule. */
function opensWithProse(unit: Unit, verdict: Verdict): boolean {
  if (verdict.follower || !GLUED_LINE_REASONS.has(verdict.reason)) return false;
  const sentences = splitSentences(unit.text);
  if (sentences.length < 2) return false;
  const first = sentences[0];
  return endsLikeSentence(first) && countWords(normaliseKey(first)) >= 8 && closingBoilerplate(first) === null;
}

export { parseDateline } from './dateline.js';
export { LINE_RULES } from './rules.js';
