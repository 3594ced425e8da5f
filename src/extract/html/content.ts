/**
 * Main-content extraction: DOM → the article's paragraphs, in reading order, plus what was dropped and why.
 *
 * The algorithm, in three passes, each linear in the size of the tree (no recursion, so deep markup cannot
 * overflow the stack):
 *   1. Walk the document once (every top-level tree: broken pages have several), skipping invisible nodes,
 *      and cut the text into blocks at every block-level element. Elements that the rules tables
 *      (rules/boilerplate.ts: tags, ARIA roles, class/id tokens) call page furniture flag the blocks
 *      inside them; a navigation flag over several paragraphs is disproved.
 *   2. Score every element by the blocks inside it: prose (long, few links) counts for, link lists and
 *      short scraps count against, flagged prose counts weakly, comment threads not at all. The element
 *      with the best total is the article container — the maximum-subtree idea of boilerplate detectors,
 *      which needs no magic "top candidate" ancestry rules. Sibling sections of an article cut into
 *      parts join it.
 *   3. Inside the container, drop flagged blocks, blocks that are furniture by their own look (link-dense,
 *      or a known boilerplate phrase such as "Advertisement"), the headline, and everything after an
 *      end-of-article heading ("You may also like"); return the rest as paragraphs.
 * When the page carries a JSON-LD articleBody and the result holds too little of it, the choice is made
 * again with the articleBody as guide (content-jsonld.ts). The DOM is only read, never changed.
 */
import type { Removal, RemovalReason } from '../../model.js';
import { articleBodyTokens, bagF1, mayHoldArticleBody, sharedWords, wordBag, wordTokens } from './content-jsonld.js';
import { jsonLdNodes, nodeTypes } from './metadata-jsonld.js';
import { findDatesInText } from './date-parse.js';
import {
  BLOCK_TAGS,
  BOILERPLATE_CLASSES,
  BOILERPLATE_PHRASES,
  BOILERPLATE_ROLES,
  BOILERPLATE_TAGS,
  CONTENT_TOKENS,
  END_MARKERS,
  PROTECTED_TAGS,
  SILENT_TAGS,
  type ClassRule,
  type PhraseRule,
} from './rules/boilerplate.js';

export interface MainContent {
  paragraphs: string[];
  removals: Removal[];
}

export interface MainContentOptions {
  url?: string;
}

/** A run of text between two block boundaries, owned by its nearest block-level ancestor. */
interface Block {
  text: string;
  /** Characters of raw text inside links / all raw text (whitespace included, so a ratio only). */
  linkChars: number;
  rawChars: number;
  owner: Element;
  ownerTag: string;
  /** Innermost enclosing element that a furniture rule flagged, if any. */
  flag: Flag | null;
  /** Outermost enclosing element flagged as comments, if any: nothing at or below it may be the container. */
  thread: Element | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Blocks this long with few links are prose: they vote for their container. */
const PROSE_MIN_CHARS = 80;
/** How much prose inside a flagged element counts towards choosing the container. */
const FLAGGED_PROSE_WEIGHT = 0.3;
/** A non-comment flag holding at least this share of the container's prose is judged a false alarm. */
const FLAG_OVERREACH_SHARE = 0.5;
/** How much a short scrap of text (a label, a list item, a date) counts against its container, per character. */
const SCRAP_WEIGHT = 0.2;
/** Link share above which a block is a list of links, not prose. */
const LINK_DENSE = 0.5;

/** Collapse whitespace runs (including non-breaking spaces) to one space; trim. Linear, no regex. */
export function normaliseSpace(s: string): string {
  let out = '';
  let pendingSpace = false;
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160 || c === 0x200b || c === 0x2009 || c === 0x202f || c === 0x3000;
    if (space) {
      if (start !== -1) {
        out += s.slice(start, i);
        start = -1;
      }
      pendingSpace = out.length > 0;
    } else if (start === -1) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      start = i;
    }
  }
  if (start !== -1) out += s.slice(start);
  return out;
}

/** Class/id value → lower-case tokens, split at non-alphanumerics and camelCase humps. */
export function classTokens(value: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let prevLower = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const c = value.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = (c >= 97 && c <= 122) || c > 127;
    const digit = c >= 48 && c <= 57;
    if (!upper && !lower && !digit) {
      if (cur) tokens.push(cur);
      cur = '';
      prevLower = false;
      continue;
    }
    if (upper && prevLower && cur) {
      tokens.push(cur);
      cur = '';
    }
    cur += upper ? ch.toLowerCase() : ch;
    prevLower = lower || digit;
  }
  if (cur) tokens.push(cur);
  return tokens;
}

function ruleMatches(rule: ClassRule, tokens: string[]): boolean {
  for (const t of tokens) {
    if (rule.tokens?.includes(t)) return true;
    if (rule.contains) for (const part of rule.contains) if (t.includes(part)) return true;
  }
  return false;
}

/**
 * The boilerplate rule an element's class/id names, or null. Each class name (and the id) is judged
 * on its own: a name made of content words ("article-body") protects the element, so a wrapper with
 * classes "article-body has-comments" stays, while "article__share" (content word plus furniture word)
 * does not protect.
 */
export function classRuleFor(el: Element): ClassRule | null {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (!cls && !id) return null;
  let hit: ClassRule | null = null;
  const names = (cls + ' ' + id).split(' ');
  for (const name of names) {
    if (!name) continue;
    const tokens = classTokens(name);
    let nameHit: ClassRule | null = null;
    for (const rule of BOILERPLATE_CLASSES) {
      if (ruleMatches(rule, tokens)) {
        nameHit = rule;
        break;
      }
    }
    if (nameHit) hit ??= nameHit;
    else if (tokens.some((t) => CONTENT_TOKENS.has(t))) return null;
  }
  return hit;
}

/**
 * A streamed server-rendering segment: React sends late-resolving parts of a page as
 * `<div hidden id="S:0">…</div>` at the end of the body, and a script moves them into place on load.
 * What a reader sees, so `hidden` does not count there.
 */
export function isStreamedSegment(el: Element): boolean {
  const id = el.getAttribute('id');
  if (!id || id.length < 3 || id.length > 12 || id.charCodeAt(0) !== 83 /* S */ || id.charCodeAt(1) !== 58 /* : */) return false;
  for (let i = 2; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Invisible by markup: the hidden attribute, aria-hidden, or an inline display:none / visibility:hidden.
 * A collapsed panel of an accordion or tab set is not: its reader opens it with a click, and guides
 * put whole steps and answers there.
 */
function isHidden(el: Element): boolean {
  let hidden = el.hasAttribute('hidden') && !isStreamedSegment(el);
  if (!hidden) {
    const style = el.getAttribute('style');
    if (style && style.length < 2000) {
      const s = style.toLowerCase().replace(/\s+/g, '');
      hidden = s.includes('display:none') || s.includes('visibility:hidden');
    }
  }
  if (hidden) return !isCollapsedPanel(el);
  return el.getAttribute('aria-hidden') === 'true';
}

/** Class words of accordion, collapse and tab widgets. */
const COLLAPSIBLE = /accordion|collaps|expand|toggle|tab-?pane|tab-?panel|disclosure/i;

/**
 * A panel that a click shows: a tab panel, or an element of (or directly inside) an accordion or
 * collapse widget. Answers of a collapsed FAQ block stay hidden: such blocks are mostly search-engine
 * additions after the article ("Frequently asked questions"), not its text.
 */
function isCollapsedPanel(el: Element): boolean {
  const parent = el.parentElement;
  const panel =
    el.getAttribute('role') === 'tabpanel' ||
    COLLAPSIBLE.test(el.getAttribute('class') ?? '') ||
    COLLAPSIBLE.test(el.getAttribute('id') ?? '') ||
    (parent !== null && COLLAPSIBLE.test(parent.getAttribute('class') ?? ''));
  if (!panel) return false;
  let cur: Element | null = el;
  for (let i = 0; cur && i < 5; i++, cur = cur.parentElement) if (/faq/i.test(`${cur.getAttribute('class') ?? ''} ${cur.getAttribute('id') ?? ''}`)) return false;
  return true;
}

interface SkipVerdict {
  reason: RemovalReason;
  rule: string;
  /** Furniture inside the article, but no evidence about where the article is (see TagRule.neutral). */
  neutral?: boolean;
}

const TAG_RULES: ReadonlyMap<string, SkipVerdict> = new Map(
  BOILERPLATE_TAGS.flatMap((r) => r.tags.map((t) => [t, { reason: r.reason, rule: r.name, neutral: r.neutral }] as const)),
);

/** Why a subtree is page furniture, or null to keep walking into it. */
function furnitureVerdict(el: Element, tag: string): SkipVerdict | null {
  const byTag = TAG_RULES.get(tag);
  if (byTag) return byTag;
  if (PROTECTED_TAGS.has(tag)) return null;
  const role = el.getAttribute('role');
  if (role) {
    const byRole = BOILERPLATE_ROLES.get(role.trim().toLowerCase());
    if (byRole) return { reason: byRole.reason, rule: byRole.name };
  }
  const byClass = classRuleFor(el);
  if (byClass) return { reason: byClass.reason, rule: byClass.name };
  return null;
}

/** An element a rule calls furniture; whether its blocks go depends on where the container lands. */
interface Flag {
  el: Element;
  verdict: SkipVerdict;
  /** Its own content shows the rule was wrong (see disproveNavigationFlags). */
  disproved?: boolean;
}

/**
 * Pass 1: one iterative walk; cut text into blocks, each tagged with its innermost furniture flag. JSON-LD
 * scripts that may hold an articleBody are gathered into `ldScripts` on the way (in <head> only its
 * direct children are looked at), so no second walk is needed to find them.
 */
function collectBlocks(root: Element, ldScripts: Element[]): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let rawChars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  let codeDepth = 0;
  const owners: Element[] = [root];
  const flags: Flag[] = [];
  let thread: Element | null = null;

  const flush = (): void => {
    if (parts.length === 0) return;
    const text = normaliseSpace(parts.join(''));
    if (text) {
      const owner = owners[owners.length - 1];
      blocks.push({ text, linkChars, rawChars, owner, ownerTag: owner.localName ?? '', flag: flags[flags.length - 1] ?? null, thread });
    }
    parts = [];
    rawChars = 0;
    linkChars = 0;
  };

  /** Leaving an element: undo what entering it did. */
  const leave = (el: Element): void => {
    const tag = el.localName;
    if (tag === 'a') linkDepth--;
    if (tag === 'pre' || tag === 'code') codeDepth--;
    if (BLOCK_TAGS.has(tag)) {
      flush();
      if (owners[owners.length - 1] === el) owners.pop();
    }
    if (flags.length && flags[flags.length - 1].el === el) {
      flush();
      flags.pop();
      if (thread === el) thread = null;
    }
  };

  /** Take in one node; true when its children must be walked (the element is left after them). */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      rawChars += data.length;
      if (linkDepth > 0) linkChars += data.length;
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'br' || tag === 'hr') {
      flush();
      return false;
    }
    if (tag === 'script') {
      if (mayHoldArticleBody(el)) ldScripts.push(el);
      return false;
    }
    if (tag === 'head') {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'script' && mayHoldArticleBody(c)) ldScripts.push(c);
      return false;
    }
    if (SILENT_TAGS.has(tag) || isHidden(el)) return false;
    // Inside code, class names describe the code ("hljs-comment", "token comment"), not the page.
    const verdict = codeDepth > 0 ? null : furnitureVerdict(el, tag);
    if (tag === 'pre' || tag === 'code') codeDepth++;
    if (verdict) {
      flush();
      flags.push({ el, verdict });
      if (verdict.reason === 'comments' && !thread) thread = el;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      owners.push(el);
    }
    if (tag === 'a') linkDepth++;
    if (el.firstChild !== null) return true;
    leave(el);
    return false;
  };

  // The root's children, taken from childNodes: linkedom's document node does not link its children
  // through nextSibling (the doctype has none), so each top-level node is walked as its own subtree.
  for (const top of Array.from(root.childNodes)) {
    if (!enter(top)) continue;
    let node: Node | null = top.firstChild;
    while (node) {
      if (enter(node)) {
        node = node.firstChild;
        continue;
      }
      // Next node in document order, leaving finished elements on the way up.
      while (node && node !== top && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== top) leave(node as Element);
      }
      node = node && node !== top ? node.nextSibling : null;
    }
    leave(top as Element);
  }
  flush();
  disproveNavigationFlags(blocks);
  return blocks;
}

/** A block this long with almost no links is a paragraph of prose, whatever encloses it. */
const PARAGRAPH_CHARS = 200;
const PARAGRAPH_LINK_DENSITY = 0.2;

/** Paragraphs under one navigation flag that prove it wrong. */
const NAV_DISPROOF_PARAGRAPHS = 2;

/** Share of the block's raw text inside links (0 for a block with none). */
function linkDensity(b: Block): number {
  return b.rawChars > 0 ? b.linkChars / b.rawChars : 0;
}

function isParagraph(b: Block): boolean {
  return b.text.length >= PARAGRAPH_CHARS && b.rawChars > 0 && linkDensity(b) < PARAGRAPH_LINK_DENSITY;
}

/**
 * Navigation holds links and labels, not paragraphs: several paragraphs under one navigation flag mean
 * the flag is wrong (an article section named "content-nav-section"). One is not enough — a mega-menu
 * panel carries a blurb. Other flags (teasers with blurbs, footers with testimonials) can hold real
 * paragraphs, so only navigation. Marks such flags `disproved`; one pass over the blocks.
 */
function disproveNavigationFlags(blocks: Block[]): void {
  const paragraphs = new Map<Flag, number>();
  for (const b of blocks) {
    if (b.flag && b.flag.verdict.reason === 'navigation' && isParagraph(b)) {
      const n = (paragraphs.get(b.flag) ?? 0) + 1;
      paragraphs.set(b.flag, n);
      if (n >= NAV_DISPROOF_PARAGRAPHS) b.flag.disproved = true;
    }
  }
}

/** Does a block's text read as prose (votes for its container) rather than furniture? */
function blockWeight(b: Block): number {
  // A comment thread's text says nothing about where the article is (a lively thread would pull the
  // container towards itself), so it neither votes for nor against any element.
  if (b.thread) return 0;
  const len = b.text.length;
  const density = linkDensity(b);
  // Prose under a furniture flag (a comment, a teaser) still votes, weakly: the flag may be wrong (a
  // "paywall" wrapper around the whole article), and if it is right, stronger prose elsewhere wins.
  const trust = b.flag && !b.flag.disproved && !b.flag.verdict.neutral ? FLAGGED_PROSE_WEIGHT : 1;
  if (density > LINK_DENSE) return -len;
  if (len >= PROSE_MIN_CHARS) return len * (1 - density) * trust;
  if (b.ownerTag === 'p' && len >= 30) return len * (1 - density) * 0.5 * trust;
  return -len * SCRAP_WEIGHT;
}

/**
 * The article's place in the tree: an element, or — when the article is cut into sibling sections — a
 * run of an element's children (the others, and their text, are outside).
 */
interface Selection {
  el: Element;
  children: Set<Node> | null;
}

/** A sibling section joins the chosen one when its clean prose is at least this share of the chosen one's score. */
const SIBLING_SHARE = 0.3;

/**
 * Pass 2: the element whose subtree holds the most prose net of furniture. A comment thread cannot be
 * the container, nor anything inside it: a long thread under a short article (or an article made of
 * lists, which score low) would otherwise win, and its text is never the article.
 *
 * Then siblings: an article split into sibling sections (a page builder's rows, one <div> per part) has
 * one best section but its text is all of them, while the list items and headings between the sections
 * pull their common parent's score below the best section's. So sibling elements of the winner that hold
 * unflagged prose of their own (a share of the winner's score) join it, with everything between them.
 */
function pickContainer(root: Element, blocks: Block[], weigh: (b: Block, i: number) => number = blockWeight): Selection {
  const totals = new Map<Element, number>();
  /** Positive weight of blocks under no flag: prose that no rule doubts. */
  const clean = new Map<Element, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const w = weigh(b, i);
    const cleanW = w > 0 && !b.flag ? w : 0;
    let el: Element | null = b.owner;
    let eligible = b.thread === null;
    while (el) {
      if (eligible) {
        totals.set(el, (totals.get(el) ?? 0) + w);
        if (cleanW) clean.set(el, (clean.get(el) ?? 0) + cleanW);
      } else if (el === b.thread) eligible = true;
      if (el === root) break;
      el = el.parentNode as Element | null;
    }
  }
  let best = root;
  let bestScore = -Infinity;
  for (const [el, score] of totals) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (best === root || bestScore <= 0) return { el: best, children: null };
  // Climb through wrappers that add no prose (a "row" around a "column", a section's heading around its
  // body): the other sections are their siblings.
  let anchor = best;
  let parent = anchor.parentNode as Element | null;
  while (parent && anchor !== root && parent !== root && Math.abs((clean.get(parent) ?? 0) - (clean.get(anchor) ?? 0)) < 1e-6) {
    anchor = parent;
    parent = anchor.parentNode as Element | null;
  }
  if (!parent) return { el: best, children: null };
  const siblings = Array.from(parent.childNodes);
  let first = -1;
  let last = -1;
  let joined = 0;
  const need = Math.max(PROSE_MIN_CHARS, bestScore * SIBLING_SHARE);
  for (let i = 0; i < siblings.length; i++) {
    const sib = siblings[i] as Element;
    const isBest = sib === anchor;
    if (!isBest && !((totals.get(sib) ?? 0) >= need && (clean.get(sib) ?? 0) >= need)) continue;
    if (!isBest) joined++;
    if (first === -1) first = i;
    last = i;
  }
  if (joined === 0) return { el: best, children: null };
  return { el: parent, children: new Set(siblings.slice(first, last + 1)) };
}

/** Is `el` inside the selection (under its element, and under one of its chosen children if any)? */
function isSelected(el: Element, sel: Selection): boolean {
  let prev: Node | null = null;
  for (let e: Node | null = el; e; prev = e, e = e.parentNode) {
    if (e === sel.el) return sel.children === null || prev === null || sel.children.has(prev);
  }
  return false;
}

function isInside(el: Element, container: Element): boolean {
  for (let e: Node | null = el; e; e = e.parentNode) if (e === container) return true;
  return false;
}

/**
 * Where the walk starts: the document node itself, not `doc.body`. Broken pages parse into several
 * top-level trees (a <script> before <!DOCTYPE>, a page with no <html> tag, two concatenated documents)
 * and `doc.body` may be an empty stand-in while the text sits in a sibling tree; <head> is skipped anyway.
 */
function contentRoot(doc: Document): Element | null {
  if (!doc.documentElement) return null;
  return doc as unknown as Element;
}

/** Lower-case, runs of non-letters/digits to one space, trimmed (the form phrase rules are written in). */
export function normaliseKey(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text.toLowerCase()) {
    const c = ch.codePointAt(0) ?? 0;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && /\p{L}|\p{N}/u.test(ch));
    if (alnum) {
      if (space && out) out += ' ';
      space = false;
      out += ch;
    } else space = true;
  }
  return out;
}

function phraseMatches(rule: PhraseRule, key: string, words: number): boolean {
  if (words > rule.maxWords) return false;
  if (rule.equals?.includes(key)) return true;
  return rule.starts?.some((p) => key === p || key.startsWith(p + ' ')) ?? false;
}

/** The phrase rule a short block matches, if any. */
function phraseVerdict(text: string): SkipVerdict | null {
  if (text.length > 600) return null;
  const key = normaliseKey(text);
  if (!key) return null;
  const words = key.split(' ').length;
  for (const rule of BOILERPLATE_PHRASES) if (phraseMatches(rule, key, words)) return { reason: rule.reason, rule: rule.name };
  return null;
}

/** Longest text judged as a dateline ("Updated Dec 18, 2025 ⋅ 10 min read"). */
const DATE_LINE_MAX_CHARS = 80;
/** Words besides the date a dateline may hold ("Published on", "Updated", a time). */
const DATE_LINE_MAX_OTHER_WORDS = 5;

/**
 * A line that only dates the article, or gives its reading time: metadata (publishedAt carries the
 * date), not body text. Judged only before the first paragraph of prose.
 */
function isDateLine(text: string): boolean {
  if (text.length > DATE_LINE_MAX_CHARS) return false;
  const key = normaliseKey(text);
  const words = key ? key.split(' ') : [];
  const readIdx = words.indexOf('read');
  if (readIdx >= 2 && (words[readIdx - 1] === 'min' || words[readIdx - 1] === 'minute' || words[readIdx - 1] === 'minutes') && /^\d{1,3}$/.test(words[readIdx - 2])) return true;
  const dates = findDatesInText(text);
  if (dates.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const d of dates) {
    rest += text.slice(at, d.start) + ' ';
    at = d.end;
  }
  rest += text.slice(at);
  const other = normaliseKey(rest);
  return (other ? other.split(' ').length : 0) <= DATE_LINE_MAX_OTHER_WORDS;
}

/** Is the block a heading that opens the recirculation after an article? */
function isEndMarker(text: string): boolean {
  if (text.length > 120) return false;
  const key = normaliseKey(text);
  return key !== '' && phraseMatches(END_MARKERS, key, key.split(' ').length);
}

/** Share of the container's prose that must come before an end marker for it to end the article. */
const END_MARKER_MIN_SHARE = 0.5;
/** Running prose allowed after an end marker; more means the article goes on after an inline box. */
const END_MARKER_MAX_AFTER = 0.05;

/**
 * Index of the block where the article ends inside the selection: the first end marker that follows at
 * least half of the selection's prose (an early "Related" box is a sidebar) and is followed by little
 * *running* prose — prose blocks that follow another prose block. Teasers and reviews alternate a title
 * or name with a blurb, so their blurbs do not run; the rest of a story after an inline "Don't miss" box
 * does. blocks.length if none. Linear.
 */
function articleEnd(blocks: Block[], inside: boolean[]): number {
  const idx: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (inside[i]) idx.push(i);
  const prose = idx.map((i) => proseChars(blocks[i]));
  const total = prose.reduce((a, b) => a + b, 0);
  // a prose block "runs" when the block before it is prose too; after[k]: running prose past position k
  const running = prose.map((p, k) => (k > 0 && p > 0 && prose[k - 1] > 0 ? p : 0));
  const after = new Array<number>(idx.length).fill(0);
  for (let k = idx.length - 2; k >= 0; k--) after[k] = after[k + 1] + running[k + 1];
  let before = 0;
  for (let k = 0; k < idx.length; k++) {
    if (before > 0 && before >= total * END_MARKER_MIN_SHARE && after[k] <= total * END_MARKER_MAX_AFTER && isEndMarker(blocks[idx[k]].text)) return idx[k];
    before += prose[k];
  }
  return blocks.length;
}

/** Pass 3 verdict for a block inside the container. */
function blockVerdict(b: Block): SkipVerdict | null {
  const density = linkDensity(b);
  if (density > LINK_DENSE && b.text.length < 400) return { reason: 'related-links', rule: 'link-dense-block' };
  return phraseVerdict(b.text);
}

/** Prose characters of a block: what it adds to an article if it is one (0 for furniture-like blocks). */
function proseChars(b: Block): number {
  const density = linkDensity(b);
  return b.text.length >= PROSE_MIN_CHARS && density <= LINK_DENSE ? b.text.length * (1 - density) : 0;
}

/**
 * Flags inside the container that would take most of its prose: a class name that merely sounds like
 * furniture ("meteredContent", a theme's "tag-…" taxonomy class) on the article's own wrapper. Comment
 * flags are exempt: a thread can outweigh a short article and must still go.
 */
function overreachingFlags(blocks: Block[], inside: boolean[]): Set<Flag> {
  let total = 0;
  const perFlag = new Map<Flag, number>();
  for (let i = 0; i < blocks.length; i++) {
    if (!inside[i]) continue;
    const chars = proseChars(blocks[i]);
    total += chars;
    const flag = blocks[i].flag;
    if (flag && chars > 0) perFlag.set(flag, (perFlag.get(flag) ?? 0) + chars);
  }
  const wrong = new Set<Flag>();
  for (const flag of perFlag.keys()) if (flag.disproved) wrong.add(flag);
  for (const [flag, chars] of perFlag) {
    if (flag.verdict.reason !== 'comments' && chars >= total * FLAG_OVERREACH_SHARE) wrong.add(flag);
  }
  return wrong;
}

/** Extract the article's paragraphs from a parsed page. Reads the DOM; never changes it. */
export function extractMainContent(doc: Document, opts: MainContentOptions = {}): MainContent {
  const root = contentRoot(doc);
  if (!root) return { paragraphs: [], removals: [] };
  const ldScripts: Element[] = [];
  const blocks = collectBlocks(root, ldScripts);
  const fromDom = assemble(blocks, pickContainer(root, blocks));
  const body = ldScripts.length ? articleBodyTokens(ldScripts) : null;
  const picked = body ? checkAgainstArticleBody(root, blocks, fromDom, body) : fromDom;
  return withoutRepeats(discussionFallback(root, blocks, picked, () => isDiscussionPage(doc, opts.url)) ?? picked);
}

/** A repeated run of paragraphs starts with one at least this long... */
const REPEAT_MIN_CHARS = 120;
/** ...and a run of this many paragraphs repeating in the same order is a repetition worth a look... */
const REPEAT_MIN_RUN = 3;
/** ...and one of this many, when no more than two runs repeat, is a section the page rendered twice. */
const DOUBLE_RENDER_MIN_RUN = 10;
const DOUBLE_RENDER_MAX_RUNS = 2;

/**
 * The finished text, without the second copy of a section the page renders twice (once per screen
 * size or per tab) and without template placeholder text ("Lorem ipsum dolor sit amet"), each
 * recorded as a removal. A page rendered twice repeats one long run of paragraphs in the same order
 * (or two, rendered three times); a plan or a menu repeats many short runs (the same breakfast on
 * several days, the same warm-up every week), which stay.
 */
function withoutRepeats(content: MainContent): MainContent {
  const src: string[] = [];
  const placeholder: string[] = [];
  for (const p of content.paragraphs) (PLACEHOLDER.test(p) ? placeholder : src).push(p);
  const runs = repeatedRuns(src);
  const drop = new Set<number>();
  if (runs.length <= DOUBLE_RENDER_MAX_RUNS) {
    for (const r of runs) if (r.length >= DOUBLE_RENDER_MIN_RUN) for (let k = r.start; k < r.start + r.length; k++) drop.add(k);
  }
  if (!drop.size && !placeholder.length) return content;
  const removals = [...content.removals];
  if (drop.size) removals.push({ reason: 'boilerplate', rule: 'repeated-section', text: src.filter((_, i) => drop.has(i)).join('\n'), at: -1 });
  if (placeholder.length) removals.push({ reason: 'boilerplate', rule: 'placeholder-text', text: placeholder.join('\n'), at: -1 });
  return { paragraphs: src.filter((_, i) => !drop.has(i)), removals };
}

/** Runs of paragraphs that repeat an earlier run in the same order (a long paragraph first). */
function repeatedRuns(src: string[]): Array<{ start: number; length: number }> {
  const firstAt = new Map<string, number>();
  const runs: Array<{ start: number; length: number }> = [];
  for (let i = 0; i < src.length; ) {
    const j = src[i].length >= REPEAT_MIN_CHARS ? firstAt.get(src[i]) : undefined;
    let run = 0;
    if (j !== undefined) while (i + run < src.length && j + run < i && src[j + run] === src[i + run]) run++;
    if (run >= REPEAT_MIN_RUN) {
      runs.push({ start: i, length: run });
      i += run;
      continue;
    }
    if (!firstAt.has(src[i])) firstAt.set(src[i], i);
    i++;
  }
  return runs;
}
const PLACEHOLDER = /\blorem ipsum dolor\b/i;

/** Path segments of forum and Q&A software ("/forums/topic/41395/", "/t/slug/12", "/questions/123", "showthread.php"). */
const DISCUSSION_PATH = /\/(?:forums?|threads?|topics?|questions?|community|communities|discussions?|boards?|t|viewtopic\.php|showthread\.php)(?:[/?.#]|$)/i;
/** schema.org types of discussion pages (lower case, as nodeTypes gives them). */
const DISCUSSION_TYPES = new Set(['discussionforumposting', 'qapage', 'question', 'socialmediaposting']);

/** A forum topic or a Q&A page, by its URL or its declared type: the pages whose content is a thread. */
function isDiscussionPage(doc: Document, url: string | undefined): boolean {
  if (url) {
    try {
      if (DISCUSSION_PATH.test(new URL(url).pathname)) return true;
    } catch {
      // not a URL: no evidence either way
    }
  }
  return jsonLdNodes(doc).some((node) => nodeTypes(node).some((t) => DISCUSSION_TYPES.has(t)));
}

/** Below this many words, a pick that left a long comment thread out is suspect. */
const DISCUSSION_MAX_PICKED_WORDS = 60;
/** ...when the thread's prose outweighs the pick this many times over. */
const DISCUSSION_THREAD_RATIO = 5;

/**
 * On a discussion page (a forum topic, a Q&A page) the content is the thread. The first pick never
 * chooses a thread (a lively thread under an article is not the article), so there it lands on a
 * newsletter blurb or a sidebar; when that pick is a few dozen words and the thread's prose is many
 * times more, pick again with the thread's blocks as ordinary prose. Only pages that say they are
 * discussions (URL or schema.org type) qualify: a short news brief above a long comment thread keeps
 * its brief.
 */
function discussionFallback(root: Element, blocks: Block[], picked: MainContent, isDiscussion: () => boolean): MainContent | null {
  const pickedWords = wordTokens(picked.paragraphs.join('\n')).length;
  if (pickedWords >= DISCUSSION_MAX_PICKED_WORDS) return null;
  let threadChars = 0;
  let pickedChars = 0;
  for (const p of picked.paragraphs) pickedChars += p.length;
  for (const b of blocks) if (b.thread && b.text.length >= PROSE_MIN_CHARS && linkDensity(b) <= LINK_DENSE) threadChars += b.text.length;
  if (threadChars < PROSE_MIN_CHARS * 4 || threadChars < Math.max(1, pickedChars) * DISCUSSION_THREAD_RATIO || !isDiscussion()) return null;
  // the thread's own blocks, unflagged: its comment flags are what made the first pick skip it
  const opened = blocks.map((b) => (b.thread || b.flag?.verdict.reason === 'comments' ? { ...b, thread: null, flag: null } : b));
  const again = assemble(opened, pickContainer(root, opened));
  return wordTokens(again.paragraphs.join('\n')).length > pickedWords * 2 ? again : null;
}

/** Share of the articleBody's words the DOM pick must hold; below it, pick again with the articleBody as guide. */
const BODY_COVERAGE = 0.8;
/** A block belongs to the articleBody when this share of its words occur there. */
const BODY_BLOCK_MATCH = 0.8;
/** The guided pick replaces the DOM pick only when it agrees with the articleBody by this much more (word F1). */
const BODY_MIN_GAIN = 0.05;

/**
 * Second opinion from JSON-LD articleBody. When the DOM pick misses much of the publisher's article text
 * (a wrong container, text under a furniture-sounding class), pick again with the articleBody as the
 * guide: blocks whose words are in it vote for their container, others against, and only matching blocks
 * are kept. The new pick wins only if it agrees with the articleBody clearly better. Only missing text
 * triggers this, never extra text: a truncated articleBody (a paywall teaser) is always covered by a good
 * DOM pick, so it cannot cut the article down to the teaser.
 */
function checkAgainstArticleBody(root: Element, blocks: Block[], fromDom: MainContent, body: string[]): MainContent {
  const bodyBag = wordBag(body);
  const domBag = wordBag(wordTokens(fromDom.paragraphs.join('\n')));
  const coverage = sharedWords(domBag, bodyBag) / body.length;
  if (coverage >= BODY_COVERAGE) return fromDom;

  const matches = blocks.map((b) => {
    const tokens = wordTokens(b.text);
    let hit = 0;
    for (const t of tokens) if (bodyBag.has(t)) hit++;
    return { tokens: tokens.length, match: tokens.length > 0 && hit >= tokens.length * BODY_BLOCK_MATCH };
  });
  const sel = pickContainer(root, blocks, (_b, i) => (matches[i].match ? matches[i].tokens : -matches[i].tokens));
  const inside = blocks.map((b) => isSelected(b.owner, sel));
  const paragraphs: string[] = [];
  const dropped: string[] = [];
  blocks.forEach((b, i) => {
    if (!inside[i]) return;
    if (matches[i].match) paragraphs.push(b.text);
    else dropped.push(b.text);
  });
  const guidedAgreement = bagF1(wordBag(wordTokens(paragraphs.join('\n'))), bodyBag);
  if (guidedAgreement < bagF1(domBag, bodyBag) + BODY_MIN_GAIN) return fromDom;
  const removals: Removal[] = [];
  if (dropped.length) removals.push({ reason: 'boilerplate', rule: 'not-in-article-body', text: dropped.join('\n'), at: -1 });
  const kept = new Set(paragraphs);
  const outside = blocks.filter((b, i) => !inside[i] && !(matches[i].match && kept.has(b.text))).map((b) => b.text);
  if (outside.length) removals.push({ reason: 'boilerplate', rule: 'outside-main-content', text: outside.join('\n'), at: -1 });
  return { paragraphs, removals };
}

/** Pass 3: the container's blocks, furniture out (with reasons), the rest as paragraphs. */
function assemble(blocks: Block[], sel: Selection): MainContent {
  const container = sel.el;

  const removals: Removal[] = [];
  const paragraphs: string[] = [];
  const outside: string[] = [];
  // Blocks of one flagged element leave together, as one removal.
  let openFlag: Flag | null = null;
  let flagged: string[] = [];
  const closeFlag = (): void => {
    if (openFlag && flagged.length) {
      removals.push({ reason: openFlag.verdict.reason, rule: openFlag.verdict.rule, text: flagged.join('\n'), at: -1 });
    }
    openFlag = null;
    flagged = [];
  };
  const inside = blocks.map((b) => isSelected(b.owner, sel));
  const wrongFlags = overreachingFlags(blocks, inside);
  const end = articleEnd(blocks, inside);
  const afterEnd: string[] = [];
  let headlineSeen = false;
  let proseSeen = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!inside[i]) {
      outside.push(b.text);
      continue;
    }
    if (i >= end) {
      afterEnd.push(b.text);
      continue;
    }
    // A flag counts only strictly inside the container: one on the container or above it was wrong.
    if (b.flag && b.flag.el !== container && !wrongFlags.has(b.flag) && isInside(b.flag.el, container)) {
      if (openFlag !== b.flag) closeFlag();
      openFlag = b.flag;
      flagged.push(b.text);
      continue;
    }
    // The headline (an <h1> before any prose) is the article's title, which metadata carries; the body
    // starts after it, as in schema.org articleBody.
    if (!headlineSeen && !proseSeen && b.ownerTag === 'h1') {
      headlineSeen = true;
      removals.push({ reason: 'title-repeat', rule: 'headline', text: b.text, at: -1 });
      continue;
    }
    if (!proseSeen && isDateLine(b.text)) {
      removals.push({ reason: 'byline-line', rule: 'date-line', text: b.text, at: -1 });
      continue;
    }
    const verdict = blockVerdict(b);
    if (verdict) {
      removals.push({ reason: verdict.reason, rule: verdict.rule, text: b.text, at: -1 });
      continue;
    }
    paragraphs.push(b.text);
    if (b.text.length >= PROSE_MIN_CHARS) proseSeen = true;
  }
  closeFlag();
  if (afterEnd.length) removals.push({ reason: END_MARKERS.reason, rule: END_MARKERS.name, text: afterEnd.join('\n'), at: -1 });
  if (outside.length) {
    removals.push({ reason: 'boilerplate', rule: 'outside-main-content', text: outside.join('\n'), at: -1 });
  }
  return { paragraphs, removals };
}
