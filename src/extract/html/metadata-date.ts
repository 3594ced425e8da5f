/**
 * Publication time: gathers dated evidence from structured data, meta tags, `<time>` elements,
 * microdata, the URL and the text near the headline, then picks the strongest published (not
 * updated) date. Dates from comments, related stories and footers never count.
 */
import type { MetaSource } from '../../model.js';
import { daysAnywhere, findDatesInText, monthFromWord, parseDate, type ParsedDate } from './date-parse.js';
import { ARTICLE_TYPES, PAGE_TYPES, nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { classAndId, clean, firstMeta, inNoiseRegion, textAfter, textBefore, visibleText, type MetaTable } from './metadata-dom.js';
import { DATE_CLASS_WORDS, MODIFIED_META_KEYS, PUBLISHED_META_KEYS, PUBLISHED_WORDS, UPDATED_WORDS } from './metadata-rules.js';

export interface DateEvidence {
  date: ParsedDate;
  source: MetaSource;
  /** What exactly gave it, for debugging ("json-ld NewsArticle.datePublished", "meta article:published_time"). */
  detail: string;
  /** True for last-modified evidence. */
  modified: boolean;
  /** Shown to readers (time element, text) rather than only in markup. */
  visible: boolean;
  /** What the page's own words say the date is, when they say. */
  label: 'published' | 'updated' | null;
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
    const bare = (u: string): string => trimEndChars(u.replace(/^https?:\/\/(www\.)?/, ''), '/#?');
    const target = bare(url);
    const same = articles.find((n) => {
      const id = textValue(n.url) ?? textValue(n['@id']) ?? textValue((n.mainEntityOfPage as JsonLdNode | undefined)?.['@id'] ?? n.mainEntityOfPage);
      return id !== null && bare(id.split('#', 1)[0]) === target;
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
    if (date) out.push({ date, source: 'json-ld', detail: `json-ld ${label}.${key}`, modified, visible: false, label: null });
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
  const known = new Set<string>(PUBLISHED_META_KEYS);
  const keys: string[] = [...PUBLISHED_META_KEYS];
  // Site-specific keys ("w-published-date", "article.publishdate") that follow the common naming
  for (const key of ctx.meta.keys()) if (!known.has(key) && GENERIC_PUBLISHED_KEY.test(key) && !NOT_PUBLISHED_KEY.test(key)) keys.push(key);
  for (const key of keys) {
    for (const raw of ctx.meta.get(key) ?? []) {
      const date = parseDate(raw, ctx.dayFirst);
      if (date) {
        const source: MetaSource = key.startsWith('article:') || key.startsWith('og:') ? 'opengraph' : 'meta';
        out.push({ date, source, detail: `meta ${key}`, modified: false, visible: false, label: null });
        break;
      }
    }
  }
  const modified = firstMeta(ctx.meta, MODIFIED_META_KEYS);
  const date = modified ? parseDate(modified.value, ctx.dayFirst) : null;
  if (modified && date) out.push({ date, source: modified.key.startsWith('og:') || modified.key.startsWith('article:') ? 'opengraph' : 'meta', detail: `meta ${modified.key}`, modified: true, visible: false, label: null });
}

const GENERIC_PUBLISHED_KEY = /publish|pub[-_.]?date|release[-_.]?date|creat(?:ed|ion)[-_.]?date|date[-_.]?creat|first[-_.]?published/;
const NOT_PUBLISHED_KEY = /publisher|modif|updat|expir|review|event|start|end|birth|[-_.]?by$/;

/** Item types whose dates belong to someone else's words, not the article. */
const FOREIGN_ITEM_TYPES = /comment|answer|question|review|rating|offer|event|person|product/i;
const ARTICLE_ITEM_TYPES = /article|posting|blog|report|webpage|creativework/i;

/**
 * itemprop=datePublished on visible elements (meta ones are in the meta table already). The
 * enclosing item's type decides: a Comment's date never counts, a BlogPosting's counts even inside
 * a region whose class looks like noise (Blogger wraps posts in "widget").
 */
function microdataEvidence(ctx: DateContext, out: DateEvidence[]): void {
  const dated = Array.from(ctx.doc.querySelectorAll('[itemprop]'))
    .slice(0, 500)
    .filter((el) => el.tagName !== 'META' && /^date(?:published|created|modified)$/i.test(el.getAttribute('itemprop') ?? ''));
  // one dated item is the article; several are a list of posts, where only the one outside
  // related/sidebar regions can be the article
  const several = dated.filter((el) => /published/i.test(el.getAttribute('itemprop') ?? '')).length > 1;
  for (const el of dated) {
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    const itemType = el.closest('[itemscope]')?.getAttribute('itemtype') ?? '';
    if (FOREIGN_ITEM_TYPES.test(itemType)) continue;
    if ((several || !ARTICLE_ITEM_TYPES.test(itemType)) && inNoiseRegion(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? (el.tagName === 'ABBR' ? el.getAttribute('title') : null) ?? el.textContent ?? '';
    const date = parseDate(raw, ctx.dayFirst) ?? parseDate(el.textContent ?? '', ctx.dayFirst);
    if (date) {
      out.push({ date, source: 'microdata', detail: `itemprop ${prop}`, modified: prop === 'datemodified', visible: true, label: prop === 'datemodified' ? 'updated' : 'published' });
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
    const own = clean(el.textContent).slice(0, 25);
    const label = /updated|modified/.test(cls) || UPDATED_WORDS.test(before) || /\b(?:updated|modified|revised)\b/i.test(own) ? 'updated' : /publish|posted|created/.test(cls) || PUBLISHED_WORDS.test(before) ? 'published' : null;
    kept++;
    out.push({ date, source: 'time-element', detail: `time${el.hasAttribute('pubdate') ? '[pubdate]' : ''} ${cls.trim()}`.trim(), modified: label === 'updated', visible: true, label });
  }
}

/**
 * Days that teasers of this very page show: a `<time>` (in a sidebar or a list of recent posts,
 * where dates are otherwise ignored) whose small container links to the page's own URL. Used only
 * to read an ambiguous numeric date ("02-12-2025" in the header, "December 02, 2025" beside the
 * page's own title in "Recent posts"), never as the publication date itself.
 */
function ownTeaserDays(ctx: DateContext): string[] {
  const own = ctx.url ? comparableUrl(ctx.url) : null;
  if (!own) return [];
  const days: string[] = [];
  for (const el of Array.from(ctx.doc.querySelectorAll('time')).slice(0, 300)) {
    const date = parseDate(el.getAttribute('datetime') ?? '') ?? parseDate(clean(el.textContent).slice(0, 60));
    if (!date || date.altDay) continue;
    let box = el.parentElement;
    for (let up = 0; up < TEASER_LEVELS && box; up++, box = box.parentElement) {
      if ((box.textContent ?? '').length > TEASER_MAX_CHARS) break;
      const links = Array.from(box.querySelectorAll('a[href]')).slice(0, 4);
      if (links.some((a) => comparableUrl(a.getAttribute('href') ?? '', ctx.url!) === own)) {
        days.push(date.day);
        break;
      }
    }
  }
  return days;
}

/** How far up from a teaser's date its link to the article may sit, and how big the teaser may be. */
const TEASER_LEVELS = 3;
const TEASER_MAX_CHARS = 600;

/** A URL as a page is the same page: host without "www.", path without a trailing slash; no scheme, query or fragment. */
function comparableUrl(href: string, base?: string): string | null {
  try {
    const u = new URL(href, base);
    let path = u.pathname;
    while (path.endsWith('/')) path = path.slice(0, -1);
    return `${u.hostname.replace(/^www\./, '')}${path}`.toLowerCase();
  } catch {
    return null;
  }
}

// /2024/06/19/, /2024-06-19/, /20240619/ and /2024/06/ (month only, not used alone)
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$|\.)/;
const URL_COMPACT = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/;

// /2023/october/03/, /2023/oct/03/ (month by name, as some CMSs build their paths)
const URL_MONTH_NAME = /\/((?:19|20)\d{2})\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\/(\d{1,2})(?:[/-]|$|\.)/i;

function urlEvidence(ctx: DateContext, out: DateEvidence[]): void {
  if (!ctx.url) return;
  let path: string;
  try {
    path = new URL(ctx.url).pathname;
  } catch {
    return;
  }
  let m = URL_DATE.exec(path) ?? URL_COMPACT.exec(path);
  let month = m?.[2];
  if (!m && (m = URL_MONTH_NAME.exec(path))) month = String(monthFromWord(m[2]));
  if (!m || !month) return;
  const date = parseDate(`${m[1]}-${month.padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  if (date) out.push({ date, source: 'url', detail: 'url path', modified: false, visible: false, label: null });
}

/** Labels a date found in a text by the words just before it. */
function labelOf(before: string): 'published' | 'updated' | null {
  if (UPDATED_WORDS.test(before)) return 'updated';
  if (PUBLISHED_WORDS.test(before)) return 'published';
  return null;
}

function pushTextDates(ctx: DateContext, text: string, detail: string, max: number, out: DateEvidence[], onlyLabelled = false): void {
  let taken = 0;
  for (const found of findDatesInText(text, ctx.dayFirst)) {
    if (taken >= max) break;
    const label = labelOf(text.slice(Math.max(0, found.start - 40), found.start));
    if (onlyLabelled && !label) continue;
    out.push({ date: found.date, source: 'text', detail: `${detail}${label ? ` (${label})` : ''}`, modified: label === 'updated', visible: true, label });
    taken++;
  }
}

/**
 * Dates written next to the headline ("June 19, 2024 at 10:30 am"), in elements whose class says
 * "date", and anywhere on the page when announced ("Published on ...", "Last updated: ...").
 */
function textEvidence(ctx: DateContext, out: DateEvidence[]): void {
  if (ctx.headline) {
    pushTextDates(ctx, textBefore(ctx.headline, 250), 'text above headline', 2, out);
    pushTextDates(ctx, textAfter(ctx.headline, 600, false), 'text below headline', 3, out);
  }
  let classTaken = 0;
  for (const el of Array.from(ctx.doc.querySelectorAll(DATE_CLASS_SELECTOR)).slice(0, 80)) {
    if (classTaken >= 4) break;
    if (el.tagName === 'TIME' || el.tagName === 'BODY' || el.tagName === 'HTML' || inNoiseRegion(el)) continue;
    const text = visibleText(el, 200);
    if (!text || text.length > 200) continue;
    const before = out.length;
    const ci = classAndId(el);
    pushTextDates(ctx, text, `element .${ci.trim().slice(0, 40)}`, 1, out);
    if (out.length > before) {
      classTaken++;
      // the class may say what the words do not: <span class="updated">2025-11-03</span>
      const e = out[out.length - 1];
      if (!e.label && /updated|modified/.test(ci) && !/publish|posted|created/.test(ci)) {
        e.label = 'updated';
        e.modified = true;
      } else if (!e.label && /publish|posted|created/.test(ci)) e.label = 'published';
    }
  }
  const body = ctx.doc.body;
  if (body) pushTextDates(ctx, textAfter(body, 60_000), 'labelled text', 3, out, true);
}

const DATE_CLASS_SELECTOR = DATE_CLASS_WORDS.map((w) => `[class*="${w}"], [id*="${w}"]`).join(', ');

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

/** Strength order of structured published evidence. */
const STRUCTURED_ORDER: Array<(e: DateEvidence) => boolean> = [
  (e) => e.detail.startsWith('json-ld article.datePublished'),
  (e) => e.source === 'opengraph',
  (e) => e.source === 'microdata',
  (e) => e.detail.startsWith('json-ld article.'),
  (e) => e.source === 'meta',
  (e) => e.source === 'json-ld',
];

/**
 * Picks the publication time, as a reader of the page would state it:
 * 1. a shown date (time element, microdata, text by the headline or in a "date" element) that
 *    structured data confirms (any published or modified day), a publication date before an
 *    "Updated" one: shown dates are what the page claims, structured ones prove they belong to
 *    this article rather than a comment or a teaser;
 * 2. else a date shown in the article header even if markup disagrees (markup often carries the
 *    CMS record's dates), unless the URL repeats the structured publication day;
 * 3. else the structured publication date, then a confirmed "Updated" date;
 * 4. else any shown date (publication before update), the URL's date, a structured modified date.
 * A shown day that the page labels "Updated" elsewhere counts as an update everywhere.
 */
export function extractPublishedDate(ctx: DateContext): DateResult {
  const evidence = gatherDateEvidence(ctx);
  const structured = evidence.filter((e) => !e.visible && e.source !== 'url');
  // a stamp with an offset vouches for the local day of any time zone (UTC in markup, local on screen)
  const structuredDays = new Set(structured.flatMap((e) => daysAnywhere(e.date)));
  const visible = evidence.filter((e) => e.visible);
  // an ambiguous numeric date (10/09/2024) takes the reading the page's other evidence agrees with:
  // structured data, the URL, or a date written out elsewhere ("02-12-2025" beside "December 02, 2025")
  const supportDays = new Set(structuredDays);
  for (const e of evidence) if (!e.date.altDay) supportDays.add(e.date.day);
  // ...or the date a "recent posts" list gives beside a link to this very page
  if (visible.some((e) => e.date.altDay && !supportDays.has(e.date.day) && !supportDays.has(e.date.altDay))) {
    for (const day of ownTeaserDays(ctx)) supportDays.add(day);
  }
  for (const e of visible) {
    if (!e.date.altDay || supportDays.has(e.date.day) || !supportDays.has(e.date.altDay)) continue;
    e.date = { iso: e.date.altDay, day: e.date.altDay, hasTime: false };
    supportDays.add(e.date.day); // settled now: it supports the readings of the dates after it
  }
  // A shown day that the page labels as an update elsewhere is an update stamp here too (the
  // same "Nov 3" often appears once with "Updated" and once bare), unless it is also a publication day.
  const updatedDays = new Set(visible.filter((e) => e.label === 'updated').map((e) => e.date.day));
  const publishedDays = new Set(evidence.filter((e) => e.label === 'published' || (!e.visible && !e.modified)).map((e) => e.date.day));
  for (const e of visible) {
    if (!e.label && updatedDays.has(e.date.day) && !publishedDays.has(e.date.day)) {
      e.label = 'updated';
      e.modified = true;
    }
  }
  const confirmed = visible.filter((e) => structuredDays.has(e.date.day));
  const notUpdated = (e: DateEvidence): boolean => e.label !== 'updated';
  const published = structured.filter((e) => !e.modified);
  let strongestPublished: DateEvidence | undefined;
  // of two publication dates of the same kind that disagree ("published-time" 2026, "published-date"
  // 2021), the earlier is the first publication: the later one is a republication or the CMS
  // record's date
  for (const test of STRUCTURED_ORDER) {
    for (const e of published) if (test(e) && (!strongestPublished || e.date.day < strongestPublished.date.day)) strongestPublished = e;
    if (strongestPublished) break;
  }

  let chosen: DateEvidence | undefined = confirmed.find(notUpdated);
  if (!chosen) {
    // A date shown in the article header is what the page claims, even when markup disagrees
    // (markup dates are often the CMS record's, not the story's).
    const shown = visible.find((e) => notUpdated(e) && (e.source === 'time-element' || e.source === 'microdata' || e.detail.includes('headline')));
    // ...unless the URL carries the structured publication day: two independent witnesses agree
    const urlDay = evidence.find((e) => e.source === 'url')?.date.day;
    chosen = strongestPublished && urlDay === strongestPublished.date.day ? strongestPublished : shown;
  }
  chosen ??= strongestPublished ?? confirmed[0];
  chosen ??= visible.find(notUpdated) ?? evidence.find((e) => e.source === 'url') ?? visible[0] ?? structured.find((e) => e.modified);
  if (!chosen) return { value: null, source: null, evidence };
  // A structured timestamp for the same day is more precise than a visible or URL day.
  let value = chosen.date.iso;
  if (!chosen.date.hasTime) {
    const precise = structured.find((e) => e.date.hasTime && e.date.day === chosen.date.day);
    if (precise) value = precise.date.iso;
  }
  // a modification stamp standing in for the missing publication date says so
  return { value, source: chosen.modified ? 'last-modified' : chosen.source, evidence };
}

/**
 * Last resort when nothing else dates the page: author boxes often pair the name with the day
 * ("Luke Kim · December 17, 2025"). Finds the element naming the first author and reads the dates
 * in its nearest containers (two levels up, a few hundred characters).
 */
export function dateNearByline(doc: Document, byline: string, dayFirst: boolean): DateEvidence | null {
  const first = byline.split(',')[0].trim();
  if (first.length < 3 || !doc.body) return null;
  const holders = Array.from(doc.body.querySelectorAll('p, div, span, a, small, li, strong')).slice(0, 5000);
  for (const el of holders) {
    if (el.children.length > 2) continue;
    const own = visibleText(el, 100);
    if (!own.includes(first) || own.length > 80 || inNoiseRegion(el)) continue;
    let box: Element | null = el.parentElement;
    for (let depth = 0; box && depth < 2; depth++, box = box.parentElement) {
      const text = visibleText(box, 300);
      if (text.length >= 300) break;
      const found = findDatesInText(text, dayFirst).find((f) => !UPDATED_WORDS.test(text.slice(Math.max(0, f.start - 40), f.start)));
      if (found) return { date: found.date, source: 'text', detail: 'text next to byline', modified: false, visible: true, label: null };
    }
  }
  return null;
}

/** `text` without any of `chars` at its end, by index (a /[…]+$/ pattern rescans a hostile string). */
function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
