/**
 * HTML → DOM, safe on hostile input. linkedom builds the tree; before it runs, `limitNesting` flattens
 * absurdly deep markup, because linkedom's parser (htmlparser2 underneath) spends time quadratic in the
 * nesting depth (100,000 nested <div>s take seconds) and later tree walks get no cheaper with depth.
 * No real article nests beyond a few dozen levels, so tags past MAX_DEPTH are dropped, their text kept
 * (a script's or a style's content, never text, goes with its tags).
 */
import { DOMParser } from 'linkedom';

/** Deepest element nesting kept. Real pages stay under ~60; the margin is wide on purpose. */
export const MAX_DEPTH = 400;

/** Elements that never have children (an open tag is also the close). */
const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'command', 'basefont', 'frame', 'isindex', 'image',
]);

/**
 * Elements whose content is raw text up to their close tag: no markup inside counts. Only the two that the
 * parser (htmlparser2) treats so in every context; for any other the model counts tags the parser would
 * not, which can only over-count depth (the safe direction).
 */
const RAW_TEXT_TAGS = new Set(['script', 'style']);

/** How far down the open-element stack a close tag may look for its match; beyond that it counts as stray. */
const CLOSE_SEARCH_LIMIT = 64;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isTagNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62;
}

/** Index just past the '>' closing a tag that starts at `from`, honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a value right after '=' (possibly with spaces); elsewhere it is literal.
      let j = i - 1;
      while (j > from && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 9 || html.charCodeAt(j) === 10)) j--;
      if (html.charCodeAt(j) === 61) quote = c;
    } else if (c === 62) {
      return i + 1;
    }
  }
  return html.length;
}

/**
 * Drop start and end tags nested deeper than `maxDepth`, keeping all text (but the content of a script or
 * style that deep, which is code). One linear pass over the string
 * with an approximate model of the parser's open-element stack. The model errs towards counting *more*
 * depth than the real parser (it ignores implied closes such as <p> inside <p>), so after the rewrite the
 * real tree is never deeper than `maxDepth`. Returns the input unchanged (same string) when nothing is deep.
 */
export function limitNesting(html: string, maxDepth: number = MAX_DEPTH, dropScripts = false): string {
  const stack: string[] = [];
  /** Parallel to `stack`: whether that open tag was dropped (so its close tag is dropped too). */
  const dropped: boolean[] = [];
  const cut: number[] = []; // [start, end) pairs to remove
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33) {
      // <!-- comment --> or <!DOCTYPE ...>
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        if (dropScripts) cut.push(i, close === -1 ? n : close + 3);
        i = close === -1 ? -1 : html.indexOf('<', close + 3);
      } else {
        const close = html.indexOf('>', i + 2);
        i = close === -1 ? -1 : html.indexOf('<', close + 1);
      }
      continue;
    }
    if (c === 63) {
      const close = html.indexOf('>', i + 2);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    const closing = c === 47;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    if (closing) {
      const floor = Math.max(0, stack.length - CLOSE_SEARCH_LIMIT);
      for (let k = stack.length - 1; k >= floor; k--) {
        if (stack[k] === name) {
          if (dropped[k]) cut.push(i, end);
          stack.length = k;
          dropped.length = k;
          break;
        }
      }
    } else if (!VOID_TAGS.has(name) && html.charCodeAt(end - 2) !== 47) {
      const tooDeep = stack.length >= maxDepth;
      if (tooDeep) cut.push(i, end);
      if (RAW_TEXT_TAGS.has(name)) {
        // Skip the raw text: markup inside a <script> is not markup.
        const close = indexOfCloseTag(html, name, end);
        if (close === -1) break;
        const closeEnd = tagEnd(html, close + 2 + name.length);
        // a script or a style past the depth limit goes whole: with its tags dropped, its code would
        // be read as the page's text
        if (dropScripts || tooDeep) {
          if (!tooDeep) cut.push(i, end);
          cut.push(end, closeEnd);
        }
        i = html.indexOf('<', close + 2);
        continue;
      }
      stack.push(name);
      dropped.push(tooDeep);
    }
    i = html.indexOf('<', end);
  }
  if (cut.length === 0) return html;
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < cut.length; k += 2) {
    if (cut[k] < pos) continue; // overlapping cut (raw text close inside a dropped tag); already gone
    parts.push(html.slice(pos, cut[k]));
    pos = cut[k + 1];
  }
  parts.push(html.slice(pos));
  return parts.join('');
}

/** Position of the `</name` that ends a raw-text element, case-insensitive, or -1. */
function indexOfCloseTag(html: string, name: string, from: number): number {
  let i = html.indexOf('</', from);
  while (i !== -1) {
    if (html.substr(i + 2, name.length).toLowerCase() === name && isTagNameEnd(html.charCodeAt(i + 2 + name.length) || 62)) {
      return i;
    }
    i = html.indexOf('</', i + 2);
  }
  return -1;
}

/** Pages larger than this lose their scripts, styles and comments before parsing. */
export const STRIP_ABOVE_CHARS = 2_000_000;
/** Markup kept after that; the rest is cut at a tag boundary. Generous: article pages are far smaller. */
export const MAX_HTML_CHARS = 6_000_000;

/**
 * linkedom registers every node in a WeakMap (for events), and V8's collector slows down superlinearly
 * with millions of such entries: a 50 MB page of dense markup takes over a minute. News pages that big are
 * scripts, inline styles and base64 images; so drop those first, and if still huge, keep the first
 * MAX_HTML_CHARS (the article sits near the top of the markup on every real page we have seen).
 */
export function shrinkHugeHtml(html: string): string {
  if (html.length <= STRIP_ABOVE_CHARS) return html;
  let out = limitNesting(html, Number.MAX_SAFE_INTEGER, true);
  if (out.length > MAX_HTML_CHARS) {
    const at = out.lastIndexOf('<', MAX_HTML_CHARS);
    out = out.slice(0, at > 0 ? at : MAX_HTML_CHARS);
  }
  return out;
}

/** Parse an HTML string into a DOM Document (linkedom). Never throws on malformed or deep markup. */
export function parseHtml(html: string): Document {
  const safe = limitNesting(shrinkHugeHtml(html));
  const doc = new DOMParser().parseFromString(safe, 'text/html') as unknown as Document;
  adoptStrayNodes(doc);
  mergeBodies(doc);
  return doc;
}

/** Elements that belong in <head> when they stray outside <html> (a page with no <html> tag at all). */
const HEAD_TAGS = new Set(['meta', 'title', 'link', 'base', 'style']);

/**
 * linkedom, unlike a browser, leaves nodes outside <html> where the markup put them: a page with no
 * <html> tag is a row of top-level nodes, and anything after </html> (a JSON-LD block, a trailing
 * <div>) sits beside the document element. A browser moves them into <head> or <body>; so do we, so
 * that `doc.body`, `doc.head` and every walk from them see the whole page.
 */
function adoptStrayNodes(doc: Document): void {
  const top = Array.from(doc.childNodes);
  const isHtml = (n: Node): n is Element => n.nodeType === 1 && (n as Element).localName === 'html';
  // everything but the doctype and <html> itself strays
  const isStray = (n: Node) => n.nodeType !== 10 && !isHtml(n);
  if (!top.some(isStray)) return;
  // not doc.documentElement: linkedom answers the first top-level element, which may be a stray <p>
  let html = top.find(isHtml);
  if (!html) {
    html = doc.createElement('html');
    doc.appendChild(html);
  }
  const head = ensureChild(doc, html, 'head', true);
  const body = ensureChild(doc, html, 'body', false);
  const firstInBody = body.firstChild;
  let seenHtml = false;
  let inBody = false;
  for (const n of top) {
    if (n === html) {
      seenHtml = true;
      continue;
    }
    if (!isStray(n)) continue;
    const isHeadTag = n.nodeType === 1 && HEAD_TAGS.has((n as Element).localName);
    // head-only tags before the first content go to <head>; the rest keep their order in <body>
    if (!inBody && isHeadTag) head.appendChild(n);
    else if (n.nodeType === 3 && !(n.textContent ?? '').trim()) n.parentNode?.removeChild(n);
    else {
      inBody = true;
      if (seenHtml || !firstInBody) body.appendChild(n);
      else body.insertBefore(n, firstInBody);
    }
  }
}

/** The <head> or <body> child of <html>, created when missing. */
function ensureChild(doc: Document, html: Element, name: 'head' | 'body', first: boolean): Element {
  for (let el = html.firstElementChild; el; el = el.nextElementSibling) if (el.localName === name) return el;
  const el = doc.createElement(name);
  if (first) html.insertBefore(el, html.firstChild);
  else html.appendChild(el);
  return el;
}

/**
 * linkedom can end up with two <body> elements — when content (a stray <script>) sits between </head> and
 * <body> it adds an empty one — and `doc.body` may then be the empty one. Gather every body's children, in
 * document order, into the element `doc.body` returns, so `doc.body` is the page.
 */
function mergeBodies(doc: Document): void {
  const html = doc.documentElement;
  const target = doc.body;
  if (!html || !target) return;
  const bodies: Element[] = [];
  for (let el = html.firstElementChild; el; el = el.nextElementSibling) if (el.localName === 'body') bodies.push(el);
  if (bodies.length < 2) return;
  const nodes: Node[] = [];
  for (const body of bodies) for (let n = body.firstChild; n; n = n.nextSibling) nodes.push(n);
  for (const n of nodes) target.appendChild(n);
  for (const body of bodies) {
    if (body === target) continue;
    for (const attr of Array.from(body.attributes)) if (!target.hasAttribute(attr.name)) target.setAttribute(attr.name, attr.value);
    body.remove();
  }
}
