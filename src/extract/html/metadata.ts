/**
 * HTML metadata: title, publication time, byline, outlet, language and URLs, each with the source
 * that won. Must run before content extraction mutates the DOM (it reads headers, sidebars and
 * scripts that cleaning removes). Pure: no clock, no network.
 *
 * Each field has its own module (metadata-date, metadata-title, metadata-author); the rule tables
 * live in metadata-rules. This file wires them and handles the small fields.
 */
import type { Article, MetaSource } from '../../model.js';
import { clean, decodeEntities, firstMeta, hostCoreLabel, hostOf, readMetaTable, type MetaTable } from './metadata-dom.js';
import { extractAuthor } from './metadata-author.js';
import { dateNearByline, extractPublishedDate, mainArticleNode } from './metadata-date.js';
import { jsonLdNodes, nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { outletFromTitleTag } from './metadata-outlet-title.js';
import { extractTitle } from './metadata-title.js';

export interface HtmlMetadata {
  title: string | null;
  /** ISO 8601: with time and offset when the page gives them, else `YYYY-MM-DD`. */
  publishedAt: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO 639-1, lower-case. */
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  metaSources: Article['metaSources'];
}

/** Languages whose readers write numeric dates day first (03/04/2024 = 3 April). */
const MONTH_FIRST_LANGUAGES = new Set(['en-us', 'en-ph', 'en-ca']);

export function extractMetadata(doc: Document, html: string, url?: string): HtmlMetadata {
  void html; // kept in the signature for callers that have no DOM-preserved head; the DOM is enough today
  const meta = readMetaTable(doc);
  const nodes = jsonLdNodes(doc);
  const givenUrl = url ?? null;
  const sources: Article['metaSources'] = {};

  const canonicalUrl = findCanonical(doc, meta, givenUrl);
  const pageUrl = givenUrl ?? canonicalUrl;
  if (pageUrl) sources.url = givenUrl ? 'hint' : canonicalSource(doc);

  const article = mainArticleNode(nodes, pageUrl);
  const outlet = findOutlet(meta, nodes, article, pageUrl);
  if (outlet.value) sources.outlet = outlet.source ?? undefined;

  const language = findLanguage(doc, meta);
  if (language.value) sources.language = language.source ?? undefined;

  const siteNames = siteNameVariants(outlet.value, meta, nodes, article, pageUrl);
  const title = extractTitle({ doc, meta, article, siteNames });
  if (title.value) sources.title = title.source ?? undefined;
  if (!outlet.value || outlet.source === 'hostname') {
    // no site name stated anywhere else: the one the <title> gives beside the headline
    const fromTitle = outletFromTitleTag(doc.querySelector('title')?.textContent ?? '', title.value, hostOf(pageUrl));
    if (fromTitle) {
      outlet.value = fromTitle;
      outlet.source = 'title-element';
      sources.outlet = 'title-element';
      // not added to siteNames: a site named like a person ("Rad Devon") would become the byline
    }
  }

  const langTag = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  const dayFirst = !!language.value && !(language.value === 'en' && (MONTH_FIRST_LANGUAGES.has(langTag) || langTag === 'en'));
  const date = extractPublishedDate({ doc, meta, nodes, url: pageUrl, headline: title.headline, dayFirst });
  if (date.value) sources.publishedAt = date.source ?? undefined;

  const author = extractAuthor({ doc, meta, article, siteNames, headline: title.headline, url: pageUrl, publishedAt: date.value }, nodes);
  if (author.value) sources.byline = author.source ?? undefined;
  if (!date.value && author.value) {
    const nearAuthor = dateNearByline(doc, author.value, dayFirst);
    if (nearAuthor) {
      date.value = nearAuthor.date.iso;
      sources.publishedAt = nearAuthor.source;
    }
  }

  return {
    title: title.value,
    publishedAt: date.value,
    byline: author.value,
    outlet: outlet.value,
    language: language.value,
    url: pageUrl,
    canonicalUrl,
    metaSources: sources,
  };
}

function resolveUrl(href: string, base: string | null): string | null {
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

function findCanonical(doc: Document, meta: MetaTable, base: string | null): string | null {
  const link = doc.querySelector('link[rel~="canonical"][href]');
  const href = link?.getAttribute('href')?.trim();
  if (href) {
    const resolved = resolveUrl(href, base);
    if (resolved) return resolved;
  }
  const og = firstMeta(meta, ['og:url', 'twitter:url']);
  return og ? resolveUrl(og.value, base) : null;
}

function canonicalSource(doc: Document): MetaSource {
  return doc.querySelector('link[rel~="canonical"][href]') ? 'meta' : 'opengraph';
}

interface Found {
  value: string | null;
  source: MetaSource | null;
}

export function findOutlet(meta: MetaTable, nodes: JsonLdNode[], article: JsonLdNode | null, url: string | null): Found {
  const host = hostOf(url);
  const og = firstMeta(meta, ['og:site_name']);
  const ogName = og ? outletName(decodeEntities(og.value)) : null;
  const publisher = article ? textValue((article.publisher as JsonLdNode | undefined)?.name ?? article.publisher) : null;
  const publisherName = publisher && !/^https?:/.test(publisher) ? outletName(publisher) : null;
  // "nj", "usatoday": a site name that is only its domain's label gives way to the publisher's written name
  if (ogName && !(publisherName && isHostLabel(ogName, host))) return { value: ogName, source: 'opengraph' };
  if (publisherName) return { value: publisherName, source: 'json-ld' };
  if (ogName) return { value: ogName, source: 'opengraph' };
  const siteName = nodes.filter((n) => nodeTypes(n).includes('website')).map((n) => outletName(textValue(n.name) ?? '')).find(Boolean);
  if (siteName) return { value: siteName, source: 'json-ld' };
  const app = firstMeta(meta, ['application-name', 'apple-mobile-web-app-title']);
  const appName = app ? outletName(decodeEntities(app.value)) : null;
  if (appName) return { value: appName, source: 'meta' };
  return host ? { value: host, source: 'hostname' } : { value: null, source: null };
}

/** Words a template puts where the site's name belongs: they name no outlet. */
const GENERIC_SITE_NAMES = new Set(['blog', 'home', 'homepage', 'home page', 'news', 'website', 'site', 'my blog', 'my site', 'my website', 'articles', 'article']);

/**
 * A site name as a page states it, or null when it names nothing: a template's "/" or "-", a
 * generic word ("Blog", "Home"). A URL stands for its host ("https://www.example.com/" →
 * "example.com"); a name followed by its sections or taglines ("Autoracing | F1 | Indy | MotoGP")
 * is its first part.
 */
function outletName(raw: string): string | null {
  let value = clean(raw);
  if (/^https?:\/\//i.test(value)) return hostOf(value) ?? null;
  const parts = value.split(/\s[|•·]\s/);
  if (parts.length >= 3 || (parts.length === 2 && parts[1].split(/\s+/).length >= 4)) value = parts[0].trim();
  if (!/[\p{L}\p{N}]/u.test(value) || GENERIC_SITE_NAMES.has(value.toLowerCase())) return null;
  return value;
}

/** "nj" on nj.com, "usatoday" on usatoday.com: the name is the domain's own label, in lower case. */
function isHostLabel(name: string, host: string | null): boolean {
  return !!host && name === name.toLowerCase() && !/\s/.test(name) && host.split('.').includes(name);
}

/** The names a site goes by, to strip from titles and reject as authors. */
export function siteNameVariants(outlet: string | null, meta: MetaTable, nodes: JsonLdNode[], article: JsonLdNode | null, url: string | null): string[] {
  const names = new Set<string>();
  if (outlet) names.add(outlet);
  for (const key of ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site']) {
    for (const v of meta.get(key) ?? []) names.add(v.replace(/^@/, ''));
  }
  // the site and its publisher, not every organisation the graph mentions (an author may be one)
  for (const n of nodes) {
    if (nodeTypes(n).includes('website')) {
      const name = textValue(n.name);
      if (name) names.add(name);
    }
  }
  const publisher = article ? textValue((article.publisher as JsonLdNode | undefined)?.name ?? article.publisher) : null;
  if (publisher && !/^https?:/.test(publisher)) names.add(publisher);
  const host = hostOf(url);
  if (host) {
    names.add(host);
    const core = hostCoreLabel(host);
    if (core) names.add(core);
  }
  return [...names].filter((n) => n.trim().length >= 2);
}

const LANGUAGE_CODE = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i;

/** ISO 639-1 from a language tag ("en-US", "pt_BR", "EN"); 3-letter codes are kept only for "fil"-style tags without a 2-letter form. */
export function languageFromTag(tag: string | null | undefined): string | null {
  const m = LANGUAGE_CODE.exec((tag ?? '').trim());
  if (!m) return null;
  const code = m[1].toLowerCase();
  return code.length === 2 ? code : null;
}

function findLanguage(doc: Document, meta: MetaTable): Found {
  const html = doc.documentElement;
  const fromHtml = languageFromTag(html?.getAttribute('lang') ?? html?.getAttribute('xml:lang'));
  if (fromHtml) return { value: fromHtml, source: 'html-lang' };
  const header = firstMeta(meta, ['content-language', 'language', 'dc.language', 'og:locale']);
  if (header) {
    const code = languageFromTag(header.value.split(',')[0]);
    if (code) return { value: code, source: header.key === 'og:locale' ? 'opengraph' : 'meta' };
  }
  return { value: null, source: null };
}
