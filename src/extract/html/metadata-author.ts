/**
 * Byline: the article's author names from JSON-LD, meta tags, microdata, rel=author links, byline
 * elements and "By Jane Doe" lines. Names are cleaned of "By", dates and job titles; site names,
 * URLs and handles are rejected; several authors are joined with ", ".
 */
import type { MetaSource } from '../../model.js';
import { nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { classAndId, clean, elementsAfter, inNoiseRegion, textBefore, visibleText, type MetaTable } from './metadata-dom.js';
import { AUTHOR_META_KEYS, BYLINE_CLASS_WORDS } from './metadata-rules.js';
import { fold } from './metadata-title.js';
import { CREDENTIAL, NAME_JOINERS, ROLE_WORDS, STRICT, beforeComma, finish, isFirstAndLastName, isNameShaped, isPlausibleName, splitNames, type Trust } from './metadata-author-names.js';
import { authorCardNames, bioBoxNames, bioOverSite, personalSiteOwner } from './metadata-author-boxes.js';
import { parseDate } from './date-parse.js';
import { isCommonEnglishWord } from '../../common-words.js';

export interface AuthorResult {
  value: string | null;
  source: MetaSource | null;
}

export interface AuthorContext {
  doc: Document;
  meta: MetaTable;
  article: JsonLdNode | null;
  siteNames: string[];
  headline: Element | null;
  /** The page's URL, when known: a personal site's host spells its owner's name. */
  url?: string | null;
  /** The publication time found before the author (ISO), when known: a name beside it is the byline. */
  publishedAt?: string | null;
}

/** Names of a JSON-LD author value: a string, a Person/Organization object, or an array of either. */
function jsonLdAuthorNames(value: unknown, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (typeof value === 'string') return splitNames(value);
  if (Array.isArray(value)) return value.flatMap((v) => jsonLdAuthorNames(v, depth + 1));
  if (typeof value === 'object') {
    const node = value as JsonLdNode;
    const name = textValue(node.name);
    if (name) return splitNames(name);
    const given = textValue(node.givenName);
    const family = textValue(node.familyName);
    if (given || family) return [clean(`${given ?? ''} ${family ?? ''}`)];
  }
  return [];
}

/** Resolves `{"@id": "...#/schema/person/1"}` references against the page's other nodes. */
function resolveRefs(value: unknown, nodes: JsonLdNode[]): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, nodes));
  if (value && typeof value === 'object') {
    const node = value as JsonLdNode;
    const id = node['@id'];
    if (typeof id === 'string' && node.name === undefined) {
      const target = nodes.find((n) => n['@id'] === id && n !== node);
      if (target) return target;
    }
  }
  return value;
}

const BYLINE_SELECTOR = BYLINE_CLASS_WORDS.map((w) => `[class*="${w}"], [id*="${w}"]`).join(', ');

export function extractAuthor(ctx: AuthorContext, nodes: JsonLdNode[]): AuthorResult {
  const fromJsonLd = jsonLdAuthors(ctx, nodes);
  // read once: tried as people first, then as the site signing (below)
  const fromMeta = metaAuthors(ctx.meta);
  const tries: Array<[() => string[], MetaSource, Trust]> = [
    [() => fromJsonLd.names, 'json-ld', { anyCase: true, siteNameOk: fromJsonLd.personal }],
    [() => fromMeta, 'meta', { anyCase: true, siteNameOk: true }],
    [() => microdataAuthors(ctx.doc), 'microdata', STRICT],
    [() => bylineElementAuthors(ctx), 'text', STRICT],
    [() => byLineNearHeadline(ctx), 'text', STRICT],
    [() => labelledAuthors(ctx), 'text', STRICT],
    [() => authorLinkNames(ctx), 'text', STRICT],
    [() => authorCardNames(ctx), 'text', STRICT],
    [() => bioBoxNames(ctx), 'text', STRICT],
    [() => nameBesideDate(ctx), 'text', STRICT],
  ];
  for (const [get, source, trust] of tries) {
    const names = get();
    // a long list of "names" found in page text is a list of something else (partners, tags)
    if (trust === STRICT && names.length > 4) continue;
    const value = finish(names, ctx.siteNames, trust);
    if (value) return source === 'text' ? { value, source } : (shownBylineOver(ctx, value) ?? bioOverSite(ctx, value) ?? { value, source });
  }
  // Nobody else is named: the site itself signs. Only now, so that a person named anywhere above wins.
  const declared = finish(fromJsonLd.declared, ctx.siteNames, SITE_SIGNS);
  if (declared) return { value: declared, source: 'json-ld' };
  const metaDeclared = finish(fromMeta, ctx.siteNames, SITE_SIGNS);
  if (metaDeclared) return { value: metaDeclared, source: 'meta' };
  const owner = personalSiteOwner(ctx);
  if (owner) return { value: owner, source: 'text' };
  return { value: null, source: null };
}

/** Declared authors that are the site or its company ("CBC Bank" on cbcbank.com's blog): a company blog signs as the company. */
const SITE_SIGNS: Trust = { anyCase: true, siteNameOk: true, siteItself: true };

/**
 * Authors of the main JSON-LD article. Organisations as authors are often the site itself; they
 * count only when no person is named. `personal` says every author was declared a Person (or a
 * bare string), so a name equal to the site's is a personal site, not a mistake.
 */
function jsonLdAuthors(ctx: AuthorContext, nodes: JsonLdNode[]): { names: string[]; personal: boolean; declared: string[] } {
  if (!ctx.article) return { names: [], personal: false, declared: [] };
  const raw = resolveRefs(ctx.article.author ?? ctx.article.creator, nodes);
  const list = (Array.isArray(raw) ? raw : [raw]).filter((a) => a !== undefined && a !== null);
  // typed anything but Person (Organization, WebSite, Brand...) is not a person
  const isOrg = (a: unknown): boolean => {
    if (!a || typeof a !== 'object') return false;
    const types = nodeTypes(a as JsonLdNode);
    return types.length > 0 && !types.includes('person');
  };
  const people = list.filter((a) => !isOrg(a));
  const names = jsonLdAuthorNames(people.length ? people : list);
  return { names, personal: people.length > 0 && people.length === list.length, declared: people.length ? [] : names };
}

/** Names in links to author pages ("/author/jane-doe", "/authors/..."), outside noise regions. */
function authorLinkNames(ctx: AuthorContext): string[] {
  for (const a of Array.from(ctx.doc.querySelectorAll(AUTHOR_LINK_SELECTOR)).slice(0, 30)) {
    if (inNoiseRegion(a)) continue;
    const names = splitNames(visibleText(a, 120) || (a.getAttribute('aria-label') ?? a.getAttribute('title') ?? ''), true);
    if (names.length === 1 && isPlausibleName(names[0], ctx.siteNames)) return [fullNameFromSlug(names[0], a.getAttribute('href') ?? '') ?? names[0]];
  }
  return [];
}

/**
 * "Articles by Juliette" linking to /authors/juliette-carreiro: a given name alone in the link
 * text, whose author page's slug spells it out, is the slug's full name (two to four words,
 * letters only, opening with the given name).
 */
function fullNameFromSlug(name: string, href: string): string | null {
  if (/\s/.test(name)) return null;
  const segments = href.split(/[?#]/, 1)[0].split('/').filter(Boolean);
  const slug = (segments.pop() ?? '').toLowerCase();
  const words = slug.split(/[-_]/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^[a-z]{2,}$/.test(w)) || words[0] !== name.toLowerCase()) return null;
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

const AUTHOR_LINK_SELECTOR = ['/author/', '/authors/', '/writer/', '/writers/', '/contributor/', '/contributors/', '/people/', '/staff/', '/profile/', '/autor/', '/auteur/', '/redacteur/'].map((p) => `a[href*="${p}"]`).join(', ');

function metaAuthors(meta: MetaTable): string[] {
  // Scholarly pages list every author in its own citation_author tag ("Roy, Aniruddha"); other
  // keys there often name only the first
  for (const key of CITATION_KEYS) {
    const values = (meta.get(key) ?? []).filter((v) => !/^https?:\/\//.test(v));
    if (values.length >= 2) return values.flatMap((v) => splitNames(uninvert(v)));
  }
  for (const key of AUTHOR_META_KEYS) {
    let values = meta.get(key);
    if (!values?.length) continue;
    if (CITATION_KEYS.includes(key)) values = values.map(uninvert);
    if (key === 'twitter:data1') {
      const label = (meta.get('twitter:label1') ?? [])[0] ?? '';
      if (!/written by|author|autor|auteur/i.test(label)) continue;
    }
    values = values.filter((v) => !/^https?:\/\//.test(v));
    const names = values.flatMap((v) => splitNames(v));
    if (names.length) return names;
  }
  return [];
}

const CITATION_KEYS: readonly string[] = ['citation_author', 'citation_authors', 'dc.creator', 'dcterms.creator'];

/** One name written surname first ("Roy, Aniruddha", "van der Merwe, Marna") → "Aniruddha Roy". */
function uninvert(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last, first] = parts.map((p) => p.trim());
  if (!last || !first || CREDENTIAL.test(first) || ROLE_WORDS.test(first) || /\s/.test(last.replace(NAME_PARTICLE_PREFIX, '')) || first.split(/\s+/).length > 3) return name;
  return `${first} ${last}`;
}

const NAME_PARTICLE_PREFIX = /^(?:(?:de|da|del|der|den|van|von|la|le|di|du|dos|das|ter|zu)\s)+/i;

function microdataAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="author"], [itemprop~="creator"]')).slice(0, 20)) {
    if (inNoiseRegion(el)) continue;
    const nameEl = el.querySelector('[itemprop~="name"]');
    const raw = nameEl ? (nameEl.getAttribute('content') ?? visibleText(nameEl, 200)) : (el.getAttribute('content') ?? visibleText(el, 200));
    names.push(...splitNames(raw));
  }
  return names;
}

/** Elements with a byline-ish class (or rel=author links) outside noise regions, closest to the headline first. */
function bylineElementAuthors(ctx: AuthorContext): string[] {
  const rel = Array.from(ctx.doc.querySelectorAll('a[rel~="author"]')).filter((a) => !inNoiseRegion(a)).slice(0, 5);
  const relNames = rel.flatMap((a) => splitNames(visibleText(a, 200), true)).filter((n) => isPlausibleName(n, ctx.siteNames));
  if (relNames.length) return relNames;
  for (const el of Array.from(ctx.doc.querySelectorAll(BYLINE_SELECTOR)).slice(0, 100)) {
    const ci = classAndId(el);
    // containers and pictures around the name are skipped; the element holding the name is not
    if (!/name/.test(ci) && /avatar|image|img|photo|bio|description|about|box|social|follow|share|more-from|icon|label/.test(ci)) continue;
    if (inNoiseRegion(el)) continue;
    // prefer the innermost name link inside a byline container
    const link = el.querySelector('a[href*="author"], a[href*="/people/"], a[href*="/staff/"], a[href*="/profile"]');
    const raw = link ? visibleText(link, 200) : visibleText(el, 200);
    const names = splitNames(raw, true);
    // the first byline-ish element may be a label or a widget: keep looking until one names people
    if (names.length && names.length <= 4 && names.every((n) => isPlausibleName(n, ctx.siteNames))) return names;
  }
  return [];
}

/** Short texts that announce the author's name in the next element ("Author" / "Lisa D. Ellis"). */
const AUTHOR_LABEL = /^(?:(?:written|posted|authored|article|words|story|text|contributed)\s{1,3}by|by|authors?|author\(s\)|contributors?|writer|autor(?:in)?|auteur|von|par|por)\s{0,3}:?$/i;

/** Texts that carry the label and the name together ("Written by Jane Doe", "Author: Jane Doe"). */
const AUTHOR_LINE = /^(?:(?:written|posted|authored|article|words|story|contributed)\s{1,3}by\s{1,3}|(?:authors?|contributors?)\s{0,3}:\s{0,3}|author\(s\)\s{0,3}:?\s{0,3})\p{L}/iu;

/**
 * Anywhere outside noise regions: an element whose text is an author label followed by one holding
 * the name, or a short "Written by Jane Doe" / "Author: Jane Doe" line (explicit labels only: a
 * bare "By" far from the headline is too often something else).
 */
function labelledAuthors(ctx: AuthorContext): string[] {
  const candidates = Array.from(ctx.doc.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, dt, li, strong, b, em, small')).slice(0, 4000);
  for (const el of candidates) {
    if (el.children.length > 3) continue;
    const text = visibleText(el, 120);
    if (!text || text.length > 100) continue;
    let names: string[] = [];
    if (AUTHOR_LABEL.test(text)) {
      const next = el.nextElementSibling ?? el.parentElement?.nextElementSibling ?? null;
      if (next) {
        const nextText = visibleText(next, 120);
        if (nextText.length <= 100) names = splitNames(nextText, true);
      }
    } else if (AUTHOR_LINE.test(text)) {
      const links = Array.from(el.querySelectorAll('a')).map((a) => visibleText(a, 80)).filter((t) => isPlausibleName(t, ctx.siteNames));
      names = links.length ? links : splitNames(text, true);
    } else continue;
    if (names.length && names.length <= 4 && names.every((n) => isPlausibleName(n, ctx.siteNames)) && !inNoiseRegion(el)) return names;
  }
  return [];
}

/**
 * The "By Jane Doe" line under the headline, when it names one person that markup does not: readers
 * see that line, while a CMS's author field often holds the account that posted the story (an editor,
 * a web producer, the site owner). The same reasoning as for dates: what the page shows wins.
 */
function shownBylineOver(ctx: AuthorContext, declared: string): AuthorResult | null {
  const shown = byLineNearHeadline(ctx);
  if (shown.length !== 1 || !isNameShaped(shown[0]) || !isPlausibleName(shown[0], ctx.siteNames)) return null;
  const key = fold(beforeComma(shown[0]));
  const declaredKeys = declared.split(', ').map((n) => fold(n));
  if (declaredKeys.some((d) => d === key || d.includes(key) || key.includes(d))) return null;
  return { value: shown[0], source: 'text' };
}

/** A short "By Jane Doe" element among those following the headline. */
function byLineNearHeadline(ctx: AuthorContext): string[] {
  if (!ctx.headline) return [];
  for (const el of elementsAfter(ctx.headline, 60)) {
    const text = visibleText(el, 160);
    if (text.length > 150 || !BY_LINE_START.test(text)) continue;
    // "Reviewed | by Jane Doe", "Fact checked | by ...": the label sits in the element before
    if (NOT_THE_WRITER.test(textBefore(el, 40))) continue;
    // "By <a>Jane Doe</a> View in digital edition": linked names end where the link ends
    const links = Array.from(el.querySelectorAll('a'))
      .flatMap((a) => splitNames(visibleText(a, 80), true))
      .filter((t) => isPlausibleName(t, ctx.siteNames));
    // linked names count when the byline starts with one; "Written by Ann Lee, Bo Kim Reviewed by
    // <a>Cy Poe</a>" links only the reviewer
    const written = splitNames(text, true);
    const names = links.length && (!written.length || fold(written[0]).startsWith(fold(links[0]))) ? links.slice(0, 6) : written;
    if (names.length) return names;
  }
  return [];
}

/**
 * A paragraph of the article that is only a byline ("By Jane Doe", "Written by Ann Lee and Bo Kim"),
 * among its first few: the byline when the page's markup named nobody. A feed item's HTML or a page
 * whose headline was not found shows the writer this way, with no headline to look below.
 * Every word after the label must belong to a name, so "By following these tips" and "By Jane
 * Doe ⋅ Review Editor" give nothing.
 */
export function bylineParagraph(paragraphs: readonly string[], siteNames: string[]): string | null {
  for (const paragraph of paragraphs.slice(0, BYLINE_PARAGRAPH_REACH)) {
    const text = paragraph.trim();
    if (text.length > 120 || !BY_LINE_START.test(text)) continue;
    const names = splitNames(text, true).filter((n) => isPlausibleName(n, siteNames));
    if (!names.length) continue;
    // fold() drops commas and ampersands; the joining words go here
    const said = fold(text.replace(BY_LABEL, '')).split(' ').filter((w) => !NAME_JOINERS.has(w));
    const named = new Set(names.flatMap((n) => fold(n).split(' ')));
    if (said.every((w) => named.has(w))) return finish(names, siteNames, STRICT);
  }
  return null;
}

/** A byline sits above the story: the headline, a photo and its caption may come first. */
const BYLINE_PARAGRAPH_REACH = 6;

/** Labels of people who checked or illustrated a story rather than wrote it, just before a "by". */
const NOT_THE_WRITER = /\b(?:reviewed|edited|fact[\s-]?checked|checked|verified|approved|illustrat(?:ed|ions?)|photograph(?:ed|s|y)|photos?|video|produced)\s{0,3}$/i;

/** "By", "Written by", "Par": the label that opens a byline. */
const BY_LABEL = /^(?:(?:written|posted|published|reported|words)\s{1,3})?(?:by|von|par|por|door)\s{0,3}:?\s{1,3}/iu;
const BY_LINE_START = new RegExp(`${BY_LABEL.source}\\p{L}`, 'iu');

/** Elements whose own text may be the date line of a post's header. */
const DATE_LINE_SELECTOR = 'time, span, div, p, li, small, a';
/** Elements looked at for the date line: the header sits near the top of the page. */
const MAX_DATE_ELEMENTS = 3000;

/**
 * "<span>Dec 17, 2025</span><span>Julian K. Arni</span>", "2025-12-17 · <a>Trond Teigen</a>": a
 * blog's header line shows the date and the writer side by side with no label. An element whose
 * whole text is the page's publication day, and a sibling next to it (or next to its parent, when
 * the date sits alone in a wrapper) whose whole text is a given name and a surname, give the byline. Asked last:
 * labels, markup and author links are better evidence.
 */
function nameBesideDate(ctx: AuthorContext): string[] {
  const day = ctx.publishedAt?.slice(0, 10);
  if (!day) return [];
  const all = ctx.doc.querySelectorAll(DATE_LINE_SELECTOR);
  const n = Math.min(all.length, MAX_DATE_ELEMENTS);
  for (let i = 0; i < n; i++) {
    const el = all[i];
    // a date line is a leaf or nearly one; reading a container's whole text is what would be slow
    if (el.children.length > 2) continue;
    const text = el.textContent ?? '';
    if (text.length > 60 || text.length < 6 || parseDate(text.trim())?.day !== day || inNoiseRegion(el)) continue;
    for (const holder of [el, el.parentElement]) {
      if (!holder || (holder !== el && holder.children.length > 1)) continue;
      for (const sib of [holder.previousElementSibling, holder.nextElementSibling, holder.nextElementSibling?.nextElementSibling]) {
        const name = sib ? visibleText(sib, 80).replace(/\s+/g, ' ').trim() : '';
        // a given name and a surname ("Julian K. Arni"), not any capitalised words ("Latest Articles"),
        // nor two everyday words that happen to start like a name ("Price Database")
        if (name && isFirstAndLastName(name) && !allEverydayWords(name) && isPlausibleName(name, ctx.siteNames)) return [name];
      }
    }
  }
  return [];
}

/** Every word of the name is an everyday English word ("Price Database"). */
function allEverydayWords(name: string): boolean {
  return name.split(' ').every((w) => w.endsWith('.') || isCommonEnglishWord(w));
}
