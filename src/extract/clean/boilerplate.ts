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

/**
 * A rule made ready once for matching: its phrases as a Set (so "equals" and "starts" cost a few
 * look-ups, not a scan of the table), the first words its phrases can start with (a line whose first
 * word is not among them is skipped at once), and for "contains" each phrase filed under its longest
 * word (a line is searched only for phrases whose longest word it has).
 */
interface CompiledRule {
  rule: LineRule;
  set: Set<string>;
  maxPhraseWords: number;
  firstWords: Set<string>;
  anchors: Map<string, string[]>;
  alsoAnchors: Map<string, string[]> | null;
}

function anchorMap(phrases: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of phrases) {
    const anchor = p.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    const list = m.get(anchor) ?? [];
    list.push(' ' + p + ' ');
    m.set(anchor, list);
  }
  return m;
}

function compile(rule: LineRule): CompiledRule {
  return {
    rule,
    set: new Set(rule.phrases),
    maxPhraseWords: rule.phrases.reduce((n, p) => Math.max(n, p.split(' ').length), 0),
    firstWords: new Set(rule.phrases.map((p) => p.split(' ')[0])),
    anchors: anchorMap(rule.phrases),
    alsoAnchors: rule.alsoContains ? anchorMap(rule.alsoContains) : null,
  };
}

const COMPILED: readonly CompiledRule[] = LINE_RULES.map(compile);

/**
 * Which rules a line can match, by its first word: phrase rules ("equals", "starts") only where one
 * of their phrases starts with that word; test and "contains" rules always. Indices in table order.
 */
const ALWAYS: readonly number[] = COMPILED.flatMap((c, i) => (c.rule.test || c.rule.match === 'contains' ? [i] : []));
const BY_FIRST_WORD = new Map<string, number[]>();
COMPILED.forEach((c, i) => {
  if (c.rule.test || c.rule.match === 'contains') return;
  for (const w of c.firstWords) {
    const list = BY_FIRST_WORD.get(w) ?? [];
    list.push(i);
    BY_FIRST_WORD.set(w, list);
  }
});
const CANDIDATES = new Map<string, readonly number[]>();
function candidateRules(firstWord: string): readonly number[] {
  let list = CANDIDATES.get(firstWord);
  if (!list) {
    const own = BY_FIRST_WORD.get(firstWord);
    list = own ? [...new Set([...own, ...ALWAYS])].sort((a, b) => a - b) : ALWAYS;
    if (own) CANDIDATES.set(firstWord, list);
  }
  return list;
}

function containsAnchored(anchors: Map<string, string[]>, paddedKey: string, words: readonly string[]): boolean {
  for (const w of words) {
    const list = anchors.get(w);
    if (list && list.some((p) => paddedKey.includes(p))) return true;
  }
  return false;
}

function startsWithPhrase(c: CompiledRule, key: string): boolean {
  // Some prefix of whole words of the key is a phrase.
  let end = key.indexOf(' ');
  for (let n = 1; end > 0 && n <= c.maxPhraseWords; n++, end = key.indexOf(' ', end + 1)) {
    if (c.set.has(key.slice(0, end))) return true;
  }
  return false;
}

/**
 * "READ MORE: …", "Tags: …", "Photo credit: …": the words before the first colon are one of the
 * rule's phrases (so "Watch out for: …" is not a "Watch:" link). "ALSO READ | …" uses a bar.
 */
function labelBeforeColon(c: CompiledRule, raw: string): boolean {
  const colon = raw.indexOf(':');
  const bar = raw.indexOf('|');
  const at = colon < 0 ? bar : bar < 0 ? colon : Math.min(colon, bar);
  if (at < 0 || at > 40) return false;
  return c.set.has(normaliseKey(raw.slice(0, at)));
}

/** No rule removes a line longer than this: long paragraphs skip the rule loop. */
const MAX_RULE_WORDS = LINE_RULES.reduce((n, r) => Math.max(n, r.maxWords), 0);

/**
 * The first rule that fires on a unit, or null. `inTail`: the unit comes after the first 30% of the
 * text; `atEdge`: it is one of the first or last few units.
 */
export function matchLineRule(unit: Unit, inTail: boolean, atEdge = true): LineRule | null {
  const { key, words, text } = unit;
  if (words > MAX_RULE_WORDS) return null;
  const space = key.indexOf(' ');
  const firstWord = space < 0 ? key : key.slice(0, space);
  let paddedKey: string | null = null;
  let keyWords: string[] | null = null;
  for (const index of candidateRules(firstWord)) {
    const c = COMPILED[index];
    const rule = c.rule;
    if (words > rule.maxWords || (rule.tailOnly && !inTail) || (rule.edgeOnly && !atEdge)) continue;
    if (rule.test) {
      if (!rule.test(key, text)) continue;
    } else if (rule.match === 'contains') {
      paddedKey ??= ' ' + key + ' ';
      keyWords ??= key.split(' ');
      if (!containsAnchored(c.anchors, paddedKey, keyWords)) continue;
    } else if (!c.set.has(key) && (rule.match === 'equals' || !startsWithPhrase(c, key))) {
      continue;
    }
    if (rule.requireColon && !c.set.has(key) && !labelBeforeColon(c, text)) continue;
    if (rule.notSentence && endsLikeSentence(text)) continue;
    if (c.alsoAnchors) {
      paddedKey ??= ' ' + key + ' ';
      keyWords ??= key.split(' ');
      if (!containsAnchored(c.alsoAnchors, paddedKey, keyWords)) continue;
    }
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
