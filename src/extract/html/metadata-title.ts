/**
 * Title: compares the headline candidates a page offers (OpenGraph, JSON-LD headline, `<h1>`,
 * `<title>`), strips site-name suffixes and prefixes ("Title | Site", "Site - Title") and prefers
 * the visible headline when the structured candidates confirm it.
 */
import type { MetaSource } from '../../model.js';
import { textValue, type JsonLdNode } from './metadata-jsonld.js';
import { findDatesInText } from './date-parse.js';
import { decodeLiteralEntities, headingLines, isGarbledCopy, isMultiLineHeading } from './metadata-title-heading.js';
import { NOISE_REGION_DEPTH, classAndId, clean, decodeEntities, firstMeta, inNoiseRegion, visibleText, type MetaTable } from './metadata-dom.js';

export interface TitleResult {
  value: string | null;
  source: MetaSource | null;
  /** The visible headline element, used to find the date and byline next to it. */
  headline: Element | null;
}

export interface TitleContext {
  doc: Document;
  meta: MetaTable;
  article: JsonLdNode | null;
  /** Names the site goes by (og:site_name, publisher, host labels), to strip from titles. */
  siteNames: string[];
}

/** Lower-case letters and digits only, for comparing titles and names. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(text: string): Set<string> {
  return new Set(fold(text).split(' ').filter(Boolean));
}

/** Dice coefficient of token sets: symmetric, so a short fragment does not "match" a long title. */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

// Separators between a title and the site name: pipes, dashes with spaces around, bullets, guillemets.
// Also tildes, double slashes and angle quotes ("Title ~ Blog", "Title // Site", "Title › Site"); a
// single slash is not one ("Movers / Moving Companies"): titles use it between words.
const SEPARATOR = /\s(?:[|\-–—·•»«:~›‹⋆]{1,2}|\/\/)\s|\s?\|\s?|\s::\s/g;

/** True when a title fragment is just the site's name (or its host, or a close variant). */
function isSiteName(part: string, siteNames: string[]): boolean {
  const f = fold(part);
  if (!f) return true;
  const squashed = f.replace(/ /g, '');
  for (const name of siteNames) {
    const n = fold(name);
    if (!n) continue;
    const ns = n.replace(/ /g, '');
    if (f === n || squashed === ns) return true;
    if (ns.length >= 4 && (squashed.includes(ns) || ns.includes(squashed)) && f.split(' ').length <= 6) return true;
    if (!n.includes(' ') && spellsHostLabel(f, ns)) return true;
  }
  return false;
}

/**
 * True when a host label is the fragment's words, each written whole or as its initial, in order
 * ("nytimes" ← "The New York Times", "wsj" ← "The Wall Street Journal", "latimes" ← "Los Angeles Times"):
 * how outlets pick their domains. A leading "the" may be skipped; two words and three letters at least.
 */
export function spellsHostLabel(foldedFragment: string, label: string): boolean {
  const words = foldedFragment.split(' ').filter(Boolean);
  if (words[0] === 'the' && words.length > 2) words.shift();
  if (words.length < 2 || words.length > 6 || label.length < 3 || /[^a-z0-9]/.test(label)) return false;
  // reachable[i] holds the label positions reachable after spelling the first i words; 6 words × ≤63 chars
  let positions = new Set<number>([0]);
  for (const w of words) {
    const next = new Set<number>();
    for (const p of positions) {
      if (label[p] === w[0]) next.add(p + 1);
      if (w.length > 1 && label.startsWith(w, p)) next.add(p + w.length);
    }
    if (!next.size) return false;
    positions = next;
  }
  return positions.has(label.length);
}

/**
 * Removes site-name segments at either end. `confirmed` titles (other candidates) let us drop a
 * short trailing segment even when we do not know the site's name.
 */
export function stripSiteName(title: string, siteNames: string[], confirmed: string[] = []): string {
  const text = clean(title);
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEPARATOR.exec(text)) !== null) {
    parts.push(text.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
    if (parts.length > 10) break;
  }
  parts.push(text.slice(last));
  if (parts.length === 1) {
    // "davidbau.com Vibe Coding": a host name glued in front without a separator
    const host = siteNames.find((n) => n.includes('.') && !n.includes(' ') && text.toLowerCase().startsWith(`${n.toLowerCase()} `));
    return host && text.length - host.length > 3 ? text.slice(host.length).trim() : text;
  }
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSiteName(parts[end - 1], siteNames)) end--;
  while (end - start > 1 && isSiteName(parts[start], siteNames) && !seps[start].includes(':')) start++;
  if (end - start > 1 && confirmed.length) {
    // the longest prefix confirmed by another candidate wins ("Title - Section - Site" with an h1 "Title")
    for (let e = end - 1; e > start; e--) {
      const candidate = joinParts(parts, seps, start, e);
      if (confirmed.some((c) => fold(c) === fold(candidate))) return candidate;
    }
  }
  return joinParts(parts, seps, start, end);
}

function joinParts(parts: string[], seps: string[], start: number, end: number): string {
  let out = parts[start];
  for (let i = start + 1; i < end; i++) out += seps[i - 1] + parts[i];
  return out.trim();
}

/** Strictly the site's name (or host), as a logo h1 shows it. */
export function isExactlySiteName(text: string, siteNames: string[]): boolean {
  const squashed = fold(text).replace(/ /g, '');
  return squashed !== '' && siteNames.some((n) => fold(n).replace(/ /g, '') === squashed);
}

/** Similarity at which an h1 is certainly the headline the structured titles name. */
const FIRM_MATCH = 0.8;
/** Similarity at which two titles are the same headline, worded a little differently. */
const AGREEMENT = 0.6;
/** Similarity at which an h1 tells the same story as a structured title in other words. */
const RELATED_MATCH = 0.3;
/** Similarity at which an h1 is taken for the headline the structured titles name. */
const HEADLINE_MATCH = 0.5;

/** The visible headline: the `<h1>` that best matches the structured titles, else the first sensible one. */
export function findHeadline(doc: Document, references: string[], siteNames: string[]): Element | null {
  // an h1 holding the site's name is the logo, never the headline
  const h1s: Element[] = Array.from(doc.querySelectorAll('h1'))
    .slice(0, 20)
    .filter((h) => !isExactlySiteName(visibleText(h, 200), siteNames));
  let best: Element | null = null;
  let bestScore = 0;
  const scores = new Map<Element, number>();
  for (const h of h1s) {
    const text = visibleText(h, 400);
    if (text.length < 3) continue;
    const score = Math.max(0, ...references.map((r) => similarity(text, r)));
    scores.set(h, score);
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  if (best && bestScore >= HEADLINE_MATCH) {
    // A loose match further down (a card in a "more stories" carousel shares the topic's words) does
    // not displace the first content h1 when that one is related to the structured titles too.
    // The article's own headline (inside an <article> that the loose match is outside of) wins.
    if (bestScore < FIRM_MATCH) {
      // h1s is in document order (linkedom's compareDocumentPosition is unreliable)
      const first = h1s.find((h) => (scores.get(h) ?? 0) > 0 && !headingInNoise(h) && h.closest('article, main, [role="main"]'));
      const article = first?.closest('article');
      if (first && article && !article.contains(best) && h1s.indexOf(first) < h1s.indexOf(best) && (scores.get(first) ?? 0) >= RELATED_MATCH) return first;
    }
    return best;
  }
  const usable = h1s.filter((h) => visibleText(h, 400).length >= 3 && !headingInNoise(h));
  const inArticle = usable.find((h) => h.closest('article, main, [role="main"]'));
  if (inArticle) return inArticle;
  if (usable.length === 1) return usable[0];
  // several h1s and none confirmed: a logo h1 is common; an h2 in the article is a safer headline
  const h2 = Array.from(doc.querySelectorAll('article h2, main h2')).find((h) => references.some((r) => similarity(visibleText(h, 400), r) >= 0.6));
  return h2 ?? usable[0] ?? null;
}

/**
 * `inNoiseRegion`, except that the taxonomy classes of the enclosing `<article>` are not read: CMSs
 * write the post's categories and tags there ("category-recommendations tag-related-reading"),
 * words that collide with the names of comment and related-story regions. The article's other
 * classes ("teaser", "related-post") and everything above it are still checked.
 */
export function headingInNoise(h: Element): boolean {
  const article = h.closest('article');
  if (!article) return inNoiseRegion(h);
  let depth = 0;
  for (let cur: Element | null = h; cur && cur !== article; cur = cur.parentElement) depth++;
  // the walk up to the article, the article itself, then the usual depth above it
  return inNoiseRegion(h, depth + 1 + NOISE_REGION_DEPTH, (el) => (el === article ? classAndIdWithoutTaxonomy(el) : classAndId(el)));
}

/** `classAndId` without the CMS's taxonomy classes. */
function classAndIdWithoutTaxonomy(el: Element): string {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !TAXONOMY_CLASS.test(c));
  return `${classes.join(' ')} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}
const TAXONOMY_CLASS = /^(?:category|tag|post_tag|topic|series)-/i;

/**
 * Drops what follows a spaced separator ("Title | Top 19 Companies", "Title – Part 1"): after
 * site names are gone, such tails are taglines, sections or subtitles, which headlines as people
 * cite them leave out. Colons stay: "Fitness Trends 2025: 9 Things" is one title. `visible`: the
 * title is the page's visible headline, whose subtitles the author wrote.
 */
export function dropTagline(title: string, visible = false): string {
  const m = TAGLINE_SEPARATOR.exec(title);
  if (!m) return title;
  const head = title.slice(0, m.index).trim();
  const tail = title.slice(m.index + m[0].length).trim();
  // a tail that continues the sentence ("— and 5 trends to expect", "– tips and tricks") is the title's own
  // A long, enumerating or exclaiming tail on the visible headline is the author's subtitle; in the
  // metadata alone it may as well be the site's slogan.
  const continues = LOWER_START.test(tail) || CONTINUATION.test(tail) || (visible && isAuthoredSubtitle(tail));
  if (head.split(/\s+/).length >= 3 && head.length >= 12) return continues ? title : head;
  // a one- or two-word head before a pipe is a section or site label ("Opinion | How ...")
  if (/\|/.test(m[0]) && tail.split(/\s+/).length >= 3 && !TAGLINE_SEPARATOR.test(tail)) return tail;
  return title;
}

/**
 * A tail the author wrote as part of the headline rather than a label appended by the site: section
 * names, site names, series markers and SEO taglines are a few words, flat and single-item, while a
 * subtitle is longer ("The Best Mirrorless Cameras on the Market"), enumerates what the piece covers
 * ("Features, Pricing, and Honest Comparison") or exclaims ("My Favorites!").
 */
function isAuthoredSubtitle(tail: string): boolean {
  if (TAGLINE_SEPARATOR.test(tail)) return false;
  if (fold(tail).split(' ').filter(Boolean).length >= SUBTITLE_WORDS) return true;
  if (countChar(tail, ',') >= 2) return true;
  return /!$/.test(tail);
}
const SUBTITLE_WORDS = 6;

function countChar(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
const CONTINUATION = /^(?:and|or|but|from|how|why|what|with|plus|by|for|in|on|to)\b/i;
const LOWER_START = /^\p{Ll}/u;
const TAGLINE_SEPARATOR = /\s[|–—•·»«]\s|\s-\s|\s::\s|\s\|\s?/;

/** Shaped like a headline: a few words, not a paragraph, not shouted, not a prompt ending in a colon. */
export function isHeadlineLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 2 && words <= 25 && text.length <= 160 && !isShouted(text) && !/:$/.test(text);
}

/** All in capitals (and has letters). */
export function isShouted(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

export function extractTitle(ctx: TitleContext): TitleResult {
  const structured: Array<[string, MetaSource]> = [];
  const r = extractTitleCandidate(ctx, structured);
  if (!r.value) return r;
  // the visible headline, or a structured copy of it (same words, better spelled)
  const value = dropTagline(r.value, r.source === 'heading' || r.visible === true);
  if (value !== r.value && r.source === 'heading') {
    const kept = structured.find(([c]) => keepsTailUnseparated(c, value, r.value!.slice(value.length)));
    if (kept) return { value: withoutInvisibles(kept[0]), source: kept[1], headline: r.headline };
  }
  return { value: withoutInvisibles(value), source: r.source, headline: r.headline };
}

/** Soft hyphens, zero-width spaces and joiners, word joiners, BOMs: invisible, but they break comparisons. */
function withoutInvisibles(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

/**
 * The structured title writes the heading's tail as part of the title, with no separator before it
 * ("Best Audiobooks in 2025 [Tried 11 Services]" for the h1 "Best Audiobooks in 2025 - I Tried 11
 * Services"): the dash in the h1 is typography, not a site or section label, so that title wins.
 */
function keepsTailUnseparated(candidate: string, head: string, tail: string): boolean {
  if (!candidate || TAGLINE_SEPARATOR.test(candidate)) return false;
  const fc = fold(candidate);
  const fh = fold(head);
  if (!fc.startsWith(`${fh} `)) return false;
  const rest = new Set(fc.slice(fh.length).trim().split(' '));
  const tailWords = fold(tail).split(' ').filter(Boolean);
  const found = tailWords.filter((w) => rest.has(w)).length;
  return tailWords.length > 0 && found * 3 >= tailWords.length * 2;
}

/**
 * An h1 that contains a structured title plus neighbours it swallowed (a date, "Posted on ... by
 * ...", a "Blog:" label, a source domain and a vote count) gives way to that structured title.
 * The reverse, a structured title longer than the h1, is most often an SEO variant and the h1
 * stays, except when all it adds is the year or the list count ("15 Best X" → "15 Best X 2025",
 * "Recent Trends" → "8 Recent Trends"): that is the same headline as search results and shares
 * show it (on WCXB dev the truth has the addition on 3 of the 4 such pages).
 */
function reconcile(h1: string, headline: Element | null, candidates: Array<[string, MetaSource]>): TitleResult {
  const fh = fold(h1);
  const others = candidates.map(([c, source]) => ({ c, source, fc: fold(c) })).filter((x) => x.fc && x.fc !== fh);
  for (const { c, source, fc } of others) {
    if (fh.includes(fc) && fc.split(' ').length >= 3 && isJunk(removeOnce(h1, c))) return { value: c, source, headline };
  }
  if (fh.split(' ').length >= 2) {
    for (const { c, source, fc } of others) {
      if (fc.includes(fh) && YEAR_OR_COUNT.test(removeOnce(c, h1).trim())) return { value: c, source, headline };
    }
  }
  return { value: h1, source: 'heading', headline };
}

/** What an SEO title adds to its headline: "2025", "in 2025", "(2026)", "[2026]", or a list count "8". */
const YEAR_OR_COUNT = /^[([]?(?:(?:in|for|of)\s)?(?:19|20)\d\d[)\]]?$|^\d{1,3}$/i;

/** `text` without the first case-insensitive occurrence of `part` (or '' when not found verbatim). */
function removeOnce(text: string, part: string): string {
  const i = text.toLowerCase().indexOf(part.toLowerCase());
  return i < 0 ? '' : text.slice(0, i) + ' ' + text.slice(i + part.length);
}

const MONTH_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(?:19|20)\d\d\b/i;

/** Text that is not part of a headline: dates, bylines, counts, domains, a "Blog:" section label. */
function isJunk(extra: string): boolean {
  const t = extra.trim();
  if (!t) return false;
  if (findDatesInText(t).length || MONTH_YEAR.test(t)) return true;
  // bare numbers (a vote or comment count), but not a year that belongs to the title
  if (/^[\W\d_]*$/u.test(t) && !/^\W*(?:19|20)\d\d\W*$/.test(t)) return true;
  if (/\b(?:posted|published|updated)\b/i.test(t)) return true;
  // a host label is at most 63 characters: the bound keeps the unanchored search linear
  if (/\(?[a-z0-9-]{1,63}\.(?:com|org|net|co|io|gov|edu|uk|de|fr)\)?/i.test(t)) return true;
  if (/^\p{L}[\p{L}\s]{0,20}:$/u.test(t)) return true;
  return false;
}

/**
 * The structured title to use instead of the visible headline's text, when it holds the same words
 * better written: a headline typeset over two lines (kicker + headline, headline + deck) loses the
 * punctuation that joined them, so the structured title that spells it (or the line it names) wins;
 * a headline whose characters a wrong encoding replaced by "?" gives way to the clean copy; one set
 * in capitals to the copy in its own case. A structured title worded differently never replaces the
 * headline here: which of two wordings people call the title is a toss-up the evidence cannot settle.
 */
function headlineGivesWay(headline: Element | null, h1: string, structured: Array<[string, MetaSource]>): { value: string; source: MetaSource; visible: true } | null {
  if (!headline || !h1) return null;
  const present = structured.filter(([c]) => c);
  const garbled = present.find(([c]) => isGarbledCopy(h1, c));
  if (garbled) return { value: garbled[0], source: garbled[1], visible: true };
  // capitals are the design's (headings set in caps) unless the metadata shouts too: the structured
  // copy of the same words keeps their case as written
  if (isShouted(h1) && !present.some(([c]) => isShouted(c))) {
    const fh = fold(h1);
    const cased = present.find(([c]) => !isShouted(c) && fold(c) === fh);
    if (cased) return { value: cased[0], source: cased[1], visible: true };
  }
  const lines = headingLines(headline);
  if (!isMultiLineHeading(lines)) return null;
  const fh = fold(h1);
  const whole = present.find(([c]) => fold(c) === fh);
  if (whole) return { value: whole[0], source: whole[1], visible: true };
  const line = present.find(([c]) => lines.some((l) => fold(l) === fold(c)));
  return line ? { value: line[0], source: line[1], visible: true } : null;
}

/** `structured` receives the cleaned structured titles (OpenGraph, JSON-LD, `<title>`), for the caller's checks. */
function extractTitleCandidate(ctx: TitleContext, structured: Array<[string, MetaSource]>): TitleResult & { visible?: boolean } {
  const og = firstMeta(ctx.meta, ['og:title', 'twitter:title']);
  const ogTitle = og ? clean(decodeEntities(og.value)) : '';
  const headlineLd = ctx.article ? clean(decodeEntities(textValue(ctx.article.headline) ?? textValue(ctx.article.name) ?? '')) : '';
  const titleEl = ctx.doc.querySelector('head title') ?? ctx.doc.querySelector('title');
  const titleTag = clean(titleEl?.textContent ?? '');
  const otherMeta = firstMeta(ctx.meta, ['dc.title', 'citation_title', 'parsely-title', 'sailthru.title']);
  const references = [ogTitle, headlineLd, titleTag, otherMeta?.value ?? ''].filter(Boolean);
  const headline = findHeadline(ctx.doc, references.map((r) => stripSiteName(r, ctx.siteNames)), ctx.siteNames);
  const h1 = headline ? decodeLiteralEntities(visibleText(headline, 400)) : '';

  const confirmed = [h1, headlineLd].filter(Boolean);
  const ogClean = ogTitle ? stripSiteName(ogTitle, ctx.siteNames, confirmed) : '';
  const tagClean = titleTag ? stripSiteName(titleTag, ctx.siteNames, [...confirmed, ogClean]) : '';
  const ldClean = headlineLd ? stripSiteName(headlineLd, ctx.siteNames, confirmed) : '';

  structured.push([ogClean, 'opengraph'], [ldClean, 'json-ld'], [tagClean, 'title-element']);
  const fromHeading = headlineGivesWay(headline, h1, structured);
  if (fromHeading) return { ...fromHeading, headline };

  // The visible headline is what readers (and annotators) call the title; trust it when a
  // structured candidate agrees with it, as lone h1s are sometimes a logo or a section name.
  if (h1 && h1.length <= 400) {
    const agree = structured.some(([c]) => c && similarity(h1, c) >= AGREEMENT);
    if (agree) return reconcile(h1, headline, structured);
  }
  // A visible headline that shares part of its wording with the structured titles is the same
  // story told differently (SEO titles are rewritten for search; the h1 is what readers see).
  if (h1 && headline && isHeadlineLike(h1) && !headingInNoise(headline) && !ctx.siteNames.some((n) => similarity(n, h1) >= 0.5)) {
    const related = structured.some(([c]) => c && similarity(h1, c) >= RELATED_MATCH);
    if (related) return reconcile(h1, headline, structured);
  }
  if (ogClean) return { value: ogClean, source: 'opengraph', headline };
  if (ldClean) return { value: ldClean, source: 'json-ld', headline };
  if (tagClean) return { value: tagClean, source: 'title-element', headline };
  if (h1) return { value: h1, source: 'heading', headline };
  return { value: null, source: null, headline };
}
