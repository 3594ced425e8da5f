/**
 * Small DOM readers shared by the metadata extractors: the meta-tag table, noise-region checks and
 * bounded text windows around an element. Everything is iterative and capped, because article HTML
 * can be 10,000 levels deep.
 */
import { NOISE_REGION_WORDS, NOISE_TAGS } from './metadata-rules.js';
import { appendTo } from '../../multimap.js';

/** Lower-cased meta key → contents in document order. Keys come from property, name, itemprop, http-equiv. */
export type MetaTable = Map<string, string[]>;

export function readMetaTable(doc: Document): MetaTable {
  const table: MetaTable = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr);
      if (!key) continue;
      // some sites put several keys in one attribute: property="og:title twitter:title"
      for (const k of key.toLowerCase().split(/\s+/)) {
        if (!k) continue;
        appendTo(table, k, content.trim());
      }
    }
  }
  return table;
}

export function firstMeta(table: MetaTable, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const v = table.get(key);
    if (v && v.length) return { key, value: v[0] };
  }
  return null;
}

/** Collapses whitespace and trims. */
export function clean(text: string | null | undefined): string {
  return repairMojibake((text ?? '').replace(/\s+/g, ' ').trim());
}

/** HTML entities that survive in meta content and JSON-LD strings (decoded once, cheaply). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
    }
    const named: Record<string, string> = {
      amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘',
      rdquo: '”', ldquo: '“', hellip: '…', laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™',
    };
    return named[code.toLowerCase()] ?? all;
  });
}

/** Windows-1252 characters in 0x80–0x9F, mapped back to their byte. */
const CP1252_BYTE: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

/**
 * Undoes UTF-8 read as Latin-1/Windows-1252 ("Investorâ€™s" → "Investor’s") in short metadata
 * strings: each suspicious run is re-decoded as UTF-8 and kept only when that decodes cleanly.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(MOJIBAKE, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const code = ch.charCodeAt(0);
      bytes.push(code <= 0xff ? code : (CP1252_BYTE[ch] ?? 0));
    }
    const decoded = Buffer.from(bytes).toString('utf8');
    return decoded.includes('\ufffd') || decoded.length !== 1 ? run : decoded;
  });
}

const NOISE_RE = new RegExp(NOISE_REGION_WORDS.map((w) => w.replace(/[-]/g, '[-_]?')).join('|'), 'i');

/** Class and id of an element as one lower-case string. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Ancestors `inNoiseRegion` looks at by default. */
export const NOISE_REGION_DEPTH = 40;

/**
 * True when the element sits inside a region holding other content (comments, related stories,
 * sidebars, footers). Walks at most `maxDepth` ancestors; `<body>`/`<html>` end the walk.
 * `classesOf` reads an element's class and id words (a caller may leave some classes unread).
 */
export function inNoiseRegion(el: Element, maxDepth = NOISE_REGION_DEPTH, classesOf: (el: Element) => string = classAndId): boolean {
  let cur: Element | null = el;
  // Above the page's <main> a noise tag is a wrapper, not a region: an unclosed <aside> banner at the
  // top of broken markup, or a <form> around the whole page, holds <main> and everything in it.
  let aboveMain = false;
  for (let i = 0; cur && i < maxDepth; i++) {
    const tag = cur.tagName;
    if (tag === 'BODY' || tag === 'HTML') return false;
    // an <aside> or <footer> inside the article holds its own meta (date, author box), not other content
    if (NOISE_TAGS.has(tag) && !aboveMain && !((tag === 'ASIDE' || tag === 'FOOTER') && cur.parentElement?.closest('article'))) return true;
    if (tag === 'MAIN') aboveMain = true;
    const ci = classesOf(cur);
    if (ci.trim() && NOISE_RE.test(ci)) {
      // "comment-count" links next to the headline are harmless; real comment areas are containers;
      // a container that holds the page's headline is a wrapper around the article
      // ("infinite-pagination-container" around an infinite-scroll story), not a region beside it
      if (!/count|number|link|button|icon/.test(ci) && !holdsTheArticle(cur)) return true;
    }
    const role = cur.getAttribute('role');
    if (role === 'complementary' || role === 'contentinfo' || role === 'navigation') return true;
    cur = cur.parentElement;
  }
  return false;
}

/** Paragraphs a container around the headline holds when it holds the article's text too. */
const ARTICLE_WRAPPER_PARAGRAPHS = 5;
const wrapperVerdicts = new WeakMap<Element, boolean>();

/**
 * A noise-classed container that holds the page's headline and the article's paragraphs is a
 * wrapper around the story ("infinite-pagination-container", "col-left-story with-sidebar"), not a
 * region beside it; a hero "teaser" with the headline and one line of text is still a teaser.
 * Cached: every candidate element under the wrapper asks again.
 */
function holdsTheArticle(el: Element): boolean {
  let verdict = wrapperVerdicts.get(el);
  if (verdict === undefined) {
    verdict = !!el.querySelector('h1') && el.querySelectorAll('p').length >= ARTICLE_WRAPPER_PARAGRAPHS;
    wrapperVerdicts.set(el, verdict);
  }
  return verdict;
}

/** Next node in document order after `node`, optionally skipping its subtree. */
function nextNode(node: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let cur: Node | null = node;
  while (cur) {
    if (cur.nextSibling) return cur.nextSibling;
    cur = cur.parentNode;
  }
  return null;
}

const SKIP_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT']);

/**
 * Visible text following `start` (its own text included) in document order, up to `maxChars`
 * characters, with a space at element boundaries. Noise regions (comments, related, sidebars) are skipped.
 */
export function textAfter(start: Element, maxChars: number, includeStart = true): string {
  let out = '';
  let node: Node | null = includeStart ? start : nextNode(start, true);
  let steps = 0;
  while (node && out.length < maxChars && steps++ < 5000) {
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      node = nextNode(node, true);
      continue;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const skip = SKIP_TEXT_TAGS.has(el.tagName) || (el !== start && NOISE_TAGS.has(el.tagName)) || (el !== start && isNoiseContainer(el));
      out += ' ';
      node = nextNode(node, skip);
      continue;
    }
    node = nextNode(node, true);
  }
  return clean(out).slice(0, maxChars);
}

/**
 * Visible text preceding `start` in document order (not its own text), up to `maxChars`: the
 * kicker, dateline and "Published ..." lines that sit above a headline. Noise regions are skipped.
 */
export function textBefore(start: Element, maxChars: number): string {
  const pieces: string[] = [];
  let length = 0;
  let node: Node | null = start;
  let steps = 0;
  // Walk backwards: a previous sibling is entered from its last child; when none is left, go up.
  while (node && length < maxChars && steps++ < 5000) {
    let prev: Node | null = node.previousSibling;
    if (!prev) {
      node = node.parentNode;
      if (node && node.nodeType === 1 && ((node as Element).tagName === 'BODY' || (node as Element).tagName === 'HTML')) break;
      continue;
    }
    // descend into the previous sibling's last leaf, unless it is a skipped subtree
    for (;;) {
      if (prev.nodeType === 1) {
        const el = prev as Element;
        if (SKIP_TEXT_TAGS.has(el.tagName) || NOISE_TAGS.has(el.tagName) || isNoiseContainer(el)) break;
        if (el.lastChild) {
          prev = el.lastChild;
          continue;
        }
      }
      break;
    }
    if (prev.nodeType === 3) {
      const t = prev.textContent ?? '';
      pieces.push(t);
      length += t.length;
    } else if (prev.nodeType === 1) {
      pieces.push(' ');
    }
    node = prev;
  }
  return clean(pieces.reverse().join(' ')).slice(-maxChars);
}

/** Up to `max` elements following `start` in document order (outside its subtree), skipping noise. */
export function elementsAfter(start: Element, max: number): Element[] {
  const out: Element[] = [];
  let node: Node | null = nextNode(start, true);
  let steps = 0;
  while (node && out.length < max && steps++ < 5000) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const skip = SKIP_TEXT_TAGS.has(el.tagName) || NOISE_TAGS.has(el.tagName) || isNoiseContainer(el);
      if (!skip) out.push(el);
      node = nextNode(node, skip);
    } else node = nextNode(node, true);
  }
  return out;
}

/** Noise test for one element alone (no ancestor walk), used while streaming text. */
function isNoiseContainer(el: Element): boolean {
  const ci = classAndId(el);
  return ci.trim() !== '' && NOISE_RE.test(ci) && !/count|number|link|button|icon/.test(ci);
}

/** Visible text of an element, capped. */
export function visibleText(el: Element, maxChars = 2000): string {
  return textAfterWithin(el, maxChars);
}

function textAfterWithin(root: Element, maxChars: number): string {
  let out = '';
  let node: Node | null = root.firstChild;
  let steps = 0;
  while (node && out.length < maxChars && steps++ < 5000) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    let skip = node.nodeType !== 1;
    if (node.nodeType === 1) {
      out += ' ';
      skip = SKIP_TEXT_TAGS.has((node as Element).tagName);
    }
    // stay inside root
    let next: Node | null = !skip && node.firstChild ? node.firstChild : null;
    if (!next) {
      let cur: Node | null = node;
      while (cur && cur !== root && !cur.nextSibling) cur = cur.parentNode;
      next = cur && cur !== root ? cur.nextSibling : null;
    }
    node = next;
  }
  return clean(out).slice(0, maxChars);
}

/** Host name without "www.", or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

/** The label that names the site in a host: "nytimes.com" → "nytimes"; "news.bbc.co.uk" → "bbc". */
export function hostCoreLabel(host: string): string | undefined {
  const labels = host.split('.');
  return labels.length >= 3 && labels[labels.length - 2].length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2];
}
