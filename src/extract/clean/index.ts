/**
 * cleanText: plain text (or text extracted from HTML) in, clean paragraphs out, with an audit trail.
 *
 *   split into units (lines.ts) → line rules (boilerplate.ts) → title repeat → keyword spam (spam.ts)
 *   → repairs in kept paragraphs (repair.ts) → join with "\n\n" → dateline (dateline.ts)
 *
 * Every unit that is not kept becomes a Removal (reason, rule, verbatim text, insertion offset);
 * nothing is dropped silently except whitespace.
 */
import type { Dateline, Removal, Repair } from '../../model.js';
import { applyLineRules, type Verdict } from './boilerplate.js';
import { parseDateline } from './dateline.js';
import { endsLikeSentence, normaliseKey, splitUnits } from './lines.js';
import { letterTokenCounts, repairParagraph } from './repair.js';
import { SPAM_RULES, TITLE_RULE } from './rules.js';
import { findSpam } from './spam.js';

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
  const isTitle = (i: number) => titleKey !== '' && units[i].key === titleKey;
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
    const repaired = repairParagraph(unit.text, counts);
    for (const r of repaired.repairs) repairs.push({ ...r, at: r.at + offset });
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

export { parseDateline } from './dateline.js';
export { LINE_RULES } from './rules.js';
