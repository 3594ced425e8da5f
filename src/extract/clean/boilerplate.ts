/**
 * Line rules: match each unit against the named rules of rules.ts, and let header rules
 * ("Related posts", "Leave a Reply") take the lines that belong to them.
 */
import type { RemovalReason } from '../../model.js';
import { FORM_FIELDS, LINE_RULES, SYMBOLIC_RULE, type FollowerKind, type LineRule } from './rules.js';
import { endsLikeSentence, normaliseKey, type Unit } from './lines.js';

export interface Verdict {
  reason: RemovalReason;
  rule: string;
  /**
   * Removed only as a line after a header rule ("Related posts", "12 Comments"), not on its own
   * merits: spam detection may re-judge it. Comment-form fields are matched on their own words and
   * are not.
   */
  follower?: boolean;
}

/** Phrase sets, made once, so "equals" and "starts" cost a few look-ups, not a scan of the table. */
const PHRASE_SETS = new Map<readonly string[], { set: Set<string>; maxWords: number }>();
function phraseSet(phrases: readonly string[]): { set: Set<string>; maxWords: number } {
  let p = PHRASE_SETS.get(phrases);
  if (!p) {
    p = { set: new Set(phrases), maxWords: Math.max(0, ...phrases.map((x) => x.split(' ').length)) };
    PHRASE_SETS.set(phrases, p);
  }
  return p;
}

/**
 * For "contains" rules: each padded phrase under its longest word. A key is searched only for the
 * phrases whose longest word it has, so a paragraph of prose costs a few Set look-ups per rule.
 */
const ANCHORED = new Map<readonly string[], Map<string, string[]>>();
function anchored(phrases: readonly string[]): Map<string, string[]> {
  let m = ANCHORED.get(phrases);
  if (!m) {
    m = new Map();
    for (const p of phrases) {
      const anchor = p.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
      const list = m.get(anchor) ?? [];
      list.push(' ' + p + ' ');
      m.set(anchor, list);
    }
    ANCHORED.set(phrases, m);
  }
  return m;
}

function containsAny(phrases: readonly string[], paddedKey: string, keyWords: () => ReadonlySet<string>): boolean {
  const words = keyWords();
  for (const [anchor, list] of anchored(phrases)) {
    if (words.has(anchor) && list.some((p) => paddedKey.includes(p))) return true;
  }
  return false;
}

function phraseMatches(rule: LineRule, key: string, paddedKey: string, keyWords: () => ReadonlySet<string>): boolean {
  if (rule.match === 'contains') return containsAny(rule.phrases, paddedKey, keyWords);
  const { set, maxWords } = phraseSet(rule.phrases);
  if (set.has(key)) return true;
  if (rule.match === 'equals') return false;
  // "starts": some prefix of whole words of the key is a phrase.
  let end = key.indexOf(' ');
  for (let n = 1; end > 0 && n <= maxWords; n++, end = key.indexOf(' ', end + 1)) {
    if (set.has(key.slice(0, end))) return true;
  }
  return false;
}

/**
 * "READ MORE: …", "Tags: …", "Photo credit: …": the words before the first colon are one of the
 * rule's phrases (so "Watch out for: …" is not a "Watch:" link).
 */
function labelBeforeColon(rule: LineRule, raw: string): boolean {
  // "ALSO READ | …" uses a bar where others use a colon.
  const colon = raw.indexOf(':');
  const bar = raw.indexOf('|');
  const c = colon < 0 ? bar : bar < 0 ? colon : Math.min(colon, bar);
  if (c < 0 || c > 40) return false;
  return phraseSet(rule.phrases).set.has(normaliseKey(raw.slice(0, c)));
}

/** No rule removes a line longer than this: long paragraphs skip the rule loop. */
const MAX_RULE_WORDS = Math.max(...LINE_RULES.map((r) => r.maxWords));

/**
 * The first rule that fires on a unit, or null. `inTail`: the unit comes after the first 30% of the
 * text; `atEdge`: it is one of the first or last few units.
 */
export function matchLineRule(unit: Unit, inTail: boolean, atEdge = true): LineRule | null {
  const { key, words, text } = unit;
  if (words > MAX_RULE_WORDS) return null;
  const paddedKey = ' ' + key + ' ';
  let wordSet: Set<string> | null = null;
  const keyWords = () => (wordSet ??= new Set(key.split(' ')));
  for (const rule of LINE_RULES) {
    if (words > rule.maxWords) continue;
    if (rule.tailOnly && !inTail) continue;
    if (rule.test ? !rule.test(key, text) : !phraseMatches(rule, key, paddedKey, keyWords)) continue;
    if (rule.requireColon && !rule.phrases.includes(key) && !labelBeforeColon(rule, text)) continue;
    if (rule.edgeOnly && !atEdge) continue;
    if (rule.notSentence && endsLikeSentence(text)) continue;
    if (rule.alsoContains && !containsAny(rule.alsoContains, paddedKey, keyWords)) continue;
    return rule;
  }
  return null;
}

/** How many units at the start and at the end count as the document's edges (for `edgeOnly` rules). */
const EDGE_UNITS = { head: 6, tail: 3 };

/** Share of the text before a unit for it to count as in the tail (for `tailOnly` rules). */
const TAIL_FROM = 0.3;

/** A line without a letter or digit ("* * *", "—", "|"). A lone figure ("7", "8%") is table content. */
export function isSymbolic(unit: Unit): boolean {
  return unit.key === '';
}

function followerFits(kind: FollowerKind, unit: Unit, maxWords: number): boolean {
  if (unit.words > maxWords) return false;
  if (isSymbolic(unit)) return true;
  if (kind === 'rest') return true;
  if (kind === 'form-field') return FORM_FIELDS.has(unit.key) || unit.text.trimEnd().endsWith('*');
  // 'short-line': a headline-like line, not a sentence of prose.
  return !endsLikeSentence(unit.text) || unit.words <= 4;
}

/** One verdict (or null: keep) per unit, from the line rules alone. */
export function applyLineRules(units: Unit[]): (Verdict | null)[] {
  const verdicts: (Verdict | null)[] = new Array(units.length).fill(null);
  // "Second half" by characters: a page's comments can outnumber its paragraphs.
  const total = units.reduce((n, u) => n + u.text.length, 0);
  let before = 0;
  let header: { rule: LineRule; left: number } | null = null;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const follow = header?.rule.takesFollowing;
    // A form field goes with its form even when it matches a rule of its own ("Email *").
    if (header && follow?.kind === 'form-field' && header.left > 0 && followerFits(follow.kind, unit, follow.maxWords)) {
      header.left--;
      verdicts[i] = { reason: header.rule.reason, rule: header.rule.name };
      continue;
    }
    const inTail = before >= TAIL_FROM * total;
    before += unit.text.length;
    const rule = matchLineRule(unit, inTail, i < EDGE_UNITS.head || i >= units.length - EDGE_UNITS.tail);
    if (rule) {
      verdicts[i] = { reason: rule.reason, rule: rule.name };
      // Inside a 'rest' section (readers' comments) a "Reply" label does not start a header of its
      // own; a rule that ends sections ("Leave a Reply") does.
      const inSection = header?.rule.takesFollowing?.kind === 'rest' && !rule.endsSection;
      if (rule.takesFollowing && !inSection) header = { rule, left: rule.takesFollowing.maxLines };
      continue;
    }
    if (header && follow && header.left > 0 && followerFits(follow.kind, unit, follow.maxWords)) {
      header.left--;
      verdicts[i] = { reason: header.rule.reason, rule: header.rule.name, follower: follow.kind !== 'form-field' };
      continue;
    }
    header = null;
    if (isSymbolic(unit)) verdicts[i] = { reason: SYMBOLIC_RULE.reason, rule: SYMBOLIC_RULE.name };
  }
  return verdicts;
}
