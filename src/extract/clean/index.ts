/**
 * cleanText: plain text (or text extracted from HTML) in, clean paragraphs out, with an audit trail.
 *
 *   split into units (lines.ts) → line rules (boilerplate.ts, tables in rules.ts) → title repeat
 *   → keyword spam (spam.ts) → closing prompts cut from the last paragraph → repairs in kept
 *   paragraphs (repair.ts) → join with "\n\n" → dateline of the first body paragraph (dateline.ts)
 *
 * Every unit that is not kept, and every prompt sentence cut, becomes a Removal (reason, rule,
 * verbatim text, insertion offset); nothing is dropped silently except whitespace.
 * What each step does and why: docs/quality.md.
 */
import type { Dateline, Removal, Repair } from '../../model.js';
import { applyLineRules, type Verdict } from './boilerplate.js';
import { parseDateline } from './dateline.js';
import { countWords, endsLikeSentence, normaliseKey, splitUnits, type Unit } from './lines.js';
import { letterTokenCounts, repairParagraph } from './repair.js';
import { SPAM_RULES, TITLE_RULE, TRAILING_PROMPTS } from './rules.js';
import { splitSentences } from './sentences.js';
import { bodyProfile, bodyVocabulary, findSpam, gluedKeywordTail } from './spam.js';

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
  else for (const [i, cut] of trailingPrompts(units, verdicts)) trailing.set(i, cut);

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
  if (endsLikeSentence(text) || !/[.!?] ?\p{Ll}/u.test(text)) return null;
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
 * Closing prompts ("Stay tuned for more updates.") at the end of the last kept paragraph. A paragraph
 * that is nothing but prompts becomes a removal of its own (and the one before it is looked at);
 * otherwise the prompt sentences are cut from its end. Returns the cuts by unit index.
 */
function trailingPrompts(units: Unit[], verdicts: (Verdict | null)[]): Map<number, TailCut> {
  const cuts = new Map<number, TailCut>();
  for (let i = units.length - 1; i >= 0; i--) {
    if (verdicts[i]) continue;
    const sentences = splitSentences(units[i].text);
    let k = sentences.length;
    while (k > 0 && sentences.length - k < 3 && isPrompt(sentences[k - 1])) k--;
    if (k === sentences.length) break;
    if (k === 0) {
      verdicts[i] = { reason: TRAILING_PROMPTS.reason, rule: TRAILING_PROMPTS.name };
      continue;
    }
    // Cut at the start of the first prompt sentence, found from the end of the paragraph.
    const text = units[i].text;
    let at = text.length;
    for (let j = sentences.length - 1; j >= k; j--) at = text.lastIndexOf(sentences[j], at - 1);
    const removed = sentences.slice(k).map((s) => ({ text: s, reason: TRAILING_PROMPTS.reason, rule: TRAILING_PROMPTS.name }));
    cuts.set(i, { keep: text.slice(0, at).trimEnd(), removed });
    break;
  }
  return cuts;
}

export { parseDateline } from './dateline.js';
export { LINE_RULES } from './rules.js';
