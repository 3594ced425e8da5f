/**
 * The extract stage: RawRecord → Article. Pure: no store, no clock, no network; the same bytes always
 * give the same article. Decoding, HTML main-content and metadata extraction, text cleaning, quality signals
 * and language detection are each their own module; this file only decides which evidence wins.
 */
import type { Article, MetaSource, RawRecord, Removal } from '../model.js';
import { cleanText } from './clean/index.js';
import { decodeText } from './decode.js';
import { extractHtml } from './html/index.js';
import { detectLanguage } from './language.js';
import { qualitySignals } from './quality.js';
import { parseTextHeader, type HeaderLine, type TextHeader } from './text-header.js';

export class ExtractError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Meta = Article['metaSources'];

/** First non-empty value wins, remembering which source gave it. */
function pick<T>(field: keyof Meta, sources: Meta, candidates: Array<[T | null | undefined, MetaSource | undefined]>): T | null {
  for (const [value, source] of candidates) {
    if (value !== null && value !== undefined && value !== '' && source) {
      sources[field] = source;
      return value;
    }
  }
  return null;
}

export function extract(raw: RawRecord): Article {
  const { text: decoded } = decodeText(raw.bytes, raw.hints.charset);
  const hints = raw.hints;
  const url = hints.url ?? raw.origin.url ?? null;

  let body: string;
  let htmlRemovals: Removal[] = [];
  let htmlMeta: ReturnType<typeof extractHtml>['metadata'] | null = null;
  let textHeader: TextHeader | null = null;
  if (raw.type === 'html') {
    const extraction = extractHtml(asDocument(decoded), { url: url ?? undefined });
    body = extraction.text;
    htmlRemovals = extraction.removals;
    htmlMeta = extraction.metadata;
  } else {
    textHeader = parseTextHeader(decoded);
    body = withoutHeaderLines(decoded, textHeader.lines);
    htmlRemovals = textHeader.lines.map(headerRemoval);
  }
  if (body.trim() === '') throw new ExtractError('no-content', 'no article text found in the document');

  const metaSources: Meta = {};
  const title = pick<string>('title', metaSources, [
    [hints.title, 'hint'],
    [htmlMeta?.title, htmlMeta?.metaSources.title],
    [textHeader?.title, 'text'],
  ]);
  const clean = cleanText(body, { title });
  if (clean.text.trim() === '') throw new ExtractError('no-content', 'nothing left after removing boilerplate');

  const quality = qualitySignals({ original: body, clean });
  const publishedAt = pick<string>('publishedAt', metaSources, [
    [hints.publishedAt ? normaliseDate(hints.publishedAt) : null, 'hint'],
    [htmlMeta?.publishedAt, htmlMeta?.metaSources.publishedAt],
    [textHeader?.publishedAt, 'text'],
  ]);
  const outlet = pick<string>('outlet', metaSources, [
    [hints.outlet && raw.origin.reader === 'feed' ? feedSiteName(hints.outlet) : hints.outlet, 'hint'],
    [htmlMeta?.outlet, htmlMeta?.metaSources.outlet],
    [textHeader?.outlet, 'text'],
    [clean.dateline?.outlet, 'dateline'],
    [url ? hostnameOf(url) : null, 'hostname'],
  ]);
  const byline = pick<string>('byline', metaSources, [
    [hints.byline, 'hint'],
    [htmlMeta?.byline, htmlMeta?.metaSources.byline],
    [textHeader?.byline, 'text'],
  ]);
  const lang = detectLanguage(clean.text, hints.language ?? htmlMeta?.language ?? null);
  const language = pick<string>('language', metaSources, [[lang.language, lang.source]]);
  const finalUrl = pick<string>('url', metaSources, [
    [url, 'hint'],
    [htmlMeta?.url, htmlMeta?.metaSources.url ?? 'meta'],
  ]);

  return {
    id: raw.id,
    text: clean.text,
    title,
    publishedAt,
    outlet,
    byline,
    language,
    url: finalUrl,
    canonicalUrl: htmlMeta?.canonicalUrl ?? null,
    dateline: clean.dateline,
    metaSources,
    removals: [...htmlRemovals, ...clean.removals],
    repairs: clean.repairs,
    quality,
  };
}

/**
 * Feed items and JSONL records carry HTML fragments ("<p>…</p><p>…</p>"). HTML parsers hoist a fragment's
 * text out of the implied <body>, so a fragment is wrapped in a document skeleton before parsing.
 */
function asDocument(html: string): string {
  const head = html.slice(0, 4096);
  if (/<(?:html|body|head)[\s>]|<!doctype/i.test(head)) return html;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/**
 * A feed's title is often "Site – Section" ("Coastline Daily – World", "Post » Business"): the outlet is the
 * part before the separator. Only spaced separators count, so "Wall-Street Times" stays whole.
 */
export function feedSiteName(feedTitle: string): string {
  // whitespace collapsed first: splitting on /\s+…\s+/ rescans a long run of spaces at every position
  const [site] = feedTitle.replace(/\s+/g, ' ').split(/ [–—|»:] | - /);
  return site.trim() || feedTitle.trim();
}

/** Header lines become metadata; they leave the body with an audit record, like any other removal. */
function withoutHeaderLines(text: string, lines: HeaderLine[]): string {
  if (lines.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const line of lines) {
    out += text.slice(pos, line.start);
    pos = line.end;
  }
  return out + text.slice(pos);
}

const HEADER_REMOVAL_REASON: Record<HeaderLine['kind'], Removal['reason']> = {
  title: 'title-repeat',
  byline: 'byline-line',
  'date-line': 'boilerplate',
  masthead: 'boilerplate',
  'outlet-line': 'boilerplate',
};

function headerRemoval(line: HeaderLine): Removal {
  return { reason: HEADER_REMOVAL_REASON[line.kind], rule: `text-header-${line.kind}`, text: line.text, at: 0 };
}

/** Feed and JSONL dates come in RFC 822 or ISO form; store ISO 8601. Unparseable values are kept as given. */
function normaliseDate(value: string): string {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? trimmed : new Date(ms).toISOString();
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
