/**
 * Publication time: gathers dated evidence from structured data, meta tags, `<time>` elements,
 * microdata, the URL and the text near the headline, then picks the strongest published (not
 * updated) date. Dates from comments, related stories and footers never count.
 */
import type { MetaSource } from '../../model.js';
import { findDatesInText, parseDate, type ParsedDate } from './date-parse.js';
import { ARTICLE_TYPES, PAGE_TYPES, nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { firstMeta, inNoiseRegion, textAfter, type MetaTable } from './metadata-dom.js';
import { MODIFIED_META_KEYS, PUBLISHED_META_KEYS, PUBLISHED_WORDS, UPDATED_WORDS } from './metadata-rules.js';

export interface DateEvidence {
  date: ParsedDate;
  source: MetaSource;
  /** What exactly gave it, for debugging ("json-ld NewsArticle.datePublished", "meta article:published_time"). */
  detail: string;
  /** True for last-modified evidence. */
  modified: boolean;
}

export interface DateResult {
  value: string | null;
  source: MetaSource | null;
  evidence: DateEvidence[];
}

export interface DateContext {
  doc: Document;
  meta: MetaTable;
  nodes: JsonLdNode[];
  url: string | null;
  /** The headline element, when known: visible dates are searched next to it. */
  headline: Element | null;
  /** Day-first reading of numeric dates (03/04/2024), from the page language. */
  dayFirst: boolean;
}

/** The JSON-LD node describing the article: an article-typed node, preferring one about this URL. */
export function mainArticleNode(nodes: JsonLdNode[], url: string | null): JsonLdNode | null {
  const articles = nodes.filter((n) => nodeTypes(n).some((t) => ARTICLE_TYPES.has(t)));
  if (!articles.length) return null;
  if (url && articles.length > 1) {
    const bare = (u: string): string => u.replace(/^https?:\/\/(www\.)?/, '').replace(/[/#?]+$/, '');
    const target = bare(url);
    const same = articles.find((n) => {
      const id = textValue(n.url) ?? textValue(n['@id']) ?? textValue((n.mainEntityOfPage as JsonLdNode | undefined)?.['@id'] ?? n.mainEntityOfPage);
      return id !== null && bare(id.replace(/#.*$/, '')) === target;
    });
    if (same) return same;
  }
  // the first article node carrying a date; otherwise the first one
  return articles.find((n) => n.datePublished !== undefined || n.dateCreated !== undefined) ?? articles[0];
}

function jsonLdEvidence(ctx: DateContext, out: DateEvidence[]): void {
  const main = mainArticleNode(ctx.nodes, ctx.url);
  const add = (node: JsonLdNode, key: string, modified: boolean, label: string): void => {
    const raw = textValue(node[key]);
    const date = raw ? parseDate(raw, ctx.dayFirst) : null;
    if (date) out.push({ date, source: 'json-ld', detail: `json-ld ${label}.${key}`, modified });
  };
  if (main) {
    add(main, 'datePublished', false, 'article');
    add(main, 'dateCreated', false, 'article');
    add(main, 'uploadDate', false, 'article');
    add(main, 'dateModified', true, 'article');
  }
  for (const node of ctx.nodes) {
    if (node === main || !nodeTypes(node).some((t) => PAGE_TYPES.has(t))) continue;
    add(node, 'datePublished', false, 'page');
    add(node, 'dateModified', true, 'page');
  }
}

function metaEvidence(ctx: DateContext, out: DateEvidence[]): void {
  for (const key of PUBLISHED_META_KEYS) {
    for (const raw of ctx.meta.get(key) ?? []) {
      const date = parseDate(raw, ctx.dayFirst);
      if (date) {
        const source: MetaSource = key.startsWith('article:') || key.startsWith('og:') ? 'opengraph' : 'meta';
        out.push({ date, source, detail: `meta ${key}`, modified: false });
        break;
      }
    }
  }
  const modified = firstMeta(ctx.meta, MODIFIED_META_KEYS);
  const date = modified ? parseDate(modified.value, ctx.dayFirst) : null;
  if (modified && date) out.push({ date, source: modified.key.startsWith('og:') || modified.key.startsWith('article:') ? 'opengraph' : 'meta', detail: `meta ${modified.key}`, modified: true });
}

/** itemprop=datePublished on non-meta elements (meta ones are in the meta table already). */
function microdataEvidence(ctx: DateContext, out: DateEvidence[]): void {
  for (const el of Array.from(ctx.doc.querySelectorAll('[itemprop]')).slice(0, 500)) {
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    if (prop !== 'datepublished' && prop !== 'datecreated' && prop !== 'datemodified') continue;
    if (el.tagName === 'META' || inNoiseRegion(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '';
    const date = parseDate(raw, ctx.dayFirst);
    if (date) {
      out.push({ date, source: 'microdata', detail: `itemprop ${prop}`, modified: prop === 'datemodified' });
    }
  }
}

/** `<time datetime>` outside comments/related/sidebars; "updated" ones flagged as modified. */
function timeElementEvidence(ctx: DateContext, out: DateEvidence[]): void {
  let kept = 0;
  for (const el of Array.from(ctx.doc.querySelectorAll('time')).slice(0, 300)) {
    if (kept >= 6) break;
    if (inNoiseRegion(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.textContent ?? '';
    const date = parseDate(raw, ctx.dayFirst) ?? parseDate(el.textContent ?? '', ctx.dayFirst);
    if (!date) continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`.toLowerCase();
    const before = textBefore(el, 40);
    const modified = /updated|modified/.test(cls) || UPDATED_WORDS.test(before);
    kept++;
    out.push({ date, source: 'time-element', detail: `time${el.hasAttribute('pubdate') ? '[pubdate]' : ''} ${cls.trim()}`.trim(), modified });
  }
}

/** Up to `n` characters of text immediately before an element (its preceding siblings' text, then the parent's). */
function textBefore(el: Element, n: number): string {
  let text = '';
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 3 && text.length < n; depth++) {
    let sib = cur.previousSibling;
    while (sib && text.length < n) {
      text = (sib.textContent ?? '').slice(-n) + ' ' + text;
      sib = sib.previousSibling;
    }
    cur = cur.parentElement;
  }
  return text.replace(/\s+/g, ' ').trimEnd().slice(-n);
}

// /2024/06/19/, /2024-06-19/, /20240619/ and /2024/06/ (month only, not used alone)
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$|\.)/;
const URL_COMPACT = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/;

function urlEvidence(ctx: DateContext, out: DateEvidence[]): void {
  if (!ctx.url) return;
  let path: string;
  try {
    path = new URL(ctx.url).pathname;
  } catch {
    return;
  }
  const m = URL_DATE.exec(path) ?? URL_COMPACT.exec(path);
  if (!m) return;
  const date = parseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  if (date) out.push({ date, source: 'url', detail: 'url path', modified: false });
}

/**
 * Dates written next to the headline ("June 19, 2024 at 10:30 am"), skipping any announced as an
 * update. Looks at a window of visible text after the headline.
 */
function textEvidence(ctx: DateContext, out: DateEvidence[]): void {
  if (!ctx.headline) return;
  const window = textAfter(ctx.headline, 700, false);
  let taken = 0;
  for (const found of findDatesInText(window, ctx.dayFirst)) {
    if (taken >= 3) break;
    const before = window.slice(Math.max(0, found.start - 40), found.start);
    const modified = UPDATED_WORDS.test(before);
    const published = PUBLISHED_WORDS.test(before);
    out.push({ date: found.date, source: 'text', detail: `text near headline${published ? ' (published)' : ''}${modified ? ' (updated)' : ''}`, modified });
    taken++;
  }
}

/** All dated evidence, in the order it was gathered (strongest kinds first). */
export function gatherDateEvidence(ctx: DateContext): DateEvidence[] {
  const out: DateEvidence[] = [];
  jsonLdEvidence(ctx, out);
  metaEvidence(ctx, out);
  microdataEvidence(ctx, out);
  timeElementEvidence(ctx, out);
  textEvidence(ctx, out);
  urlEvidence(ctx, out);
  return out;
}

/**
 * Picks the publication time. Structured published dates win; a visible or URL day that agrees
 * with nothing structured is used only when nothing structured exists. Modified dates are a last
 * resort, as a page that shows only "Updated June 20" was most often first published then too.
 */
export function extractPublishedDate(ctx: DateContext): DateResult {
  const evidence = gatherDateEvidence(ctx);
  const published = evidence.filter((e) => !e.modified);
  const order: Array<(e: DateEvidence) => boolean> = [
    (e) => e.detail.startsWith('json-ld article.datePublished'),
    (e) => e.source === 'opengraph',
    (e) => e.source === 'microdata',
    (e) => e.detail.startsWith('json-ld article.'),
    (e) => e.source === 'meta',
    (e) => e.source === 'time-element',
    (e) => e.source === 'text',
    (e) => e.source === 'url',
    (e) => e.source === 'json-ld',
  ];
  let chosen: DateEvidence | undefined;
  for (const test of order) {
    chosen = published.find(test);
    if (chosen) break;
  }
  chosen ??= evidence.find((e) => e.modified);
  if (!chosen) return { value: null, source: null, evidence };
  // A structured timestamp for the same day is more precise than a visible or URL day.
  let value = chosen.date.iso;
  if (!chosen.date.hasTime) {
    const precise = published.find((e) => e.date.hasTime && e.date.day === chosen.date.day);
    if (precise) value = precise.date.iso;
  }
  return { value, source: chosen.source, evidence };
}
