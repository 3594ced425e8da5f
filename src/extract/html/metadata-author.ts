/**
 * Byline: the article's author names from JSON-LD, meta tags, microdata, rel=author links, byline
 * elements and "By Jane Doe" lines. Names are cleaned of "By", dates and job titles; site names,
 * URLs and handles are rejected; several authors are joined with ", ".
 */
import type { MetaSource } from '../../model.js';
import { nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { classAndId, clean, decodeEntities, elementsAfter, inNoiseRegion, visibleText, type MetaTable } from './metadata-dom.js';
import { AUTHOR_META_KEYS, BYLINE_CLASS_WORDS } from './metadata-rules.js';
import { fold } from './metadata-title.js';
import { findDatesInText } from './date-parse.js';

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
}

/** Words that introduce a byline, in the common news languages. */
const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|text|words|article|reviewed|edited|compiled|photos?)\s{1,3}(?:and\s{1,3}\w{1,12}\s{1,3})?by|by|from|von|par|por|di|door|av|af|autor(?:in)?|auteur|author(?:s)?|writer|byline)\b\s{0,3}:?\s{0,3}/i;

/** Job titles that follow a name after a comma or dash ("Jane Doe, Senior Reporter"). */
const ROLE_WORDS =
  /\b(?:staff|senior|chief|managing|deputy|associate|contributing|executive|special|political|foreign|national|news|sports|business|science|health|tech(?:nology)?|editor(?:ial)?|editors|reporter|correspondent|writer|columnist|contributor|journalist|producer|analyst|author|intern|fellow|critic|director|founder|ceo|team lead|head of|photographer|anchor|host)\b/i;

/** Values that are never a person's name. */
const NOT_A_NAME = /^(?:admin(?:istrator)?|administrador|staff|unknown|anonymous|guest|editor|editors|the editors|redaction|rédaction|redaktion|redacción|null|undefined|none|n\/a|by|author|authors|contributor|team|webmaster|user|home|share|follow|facebook|twitter|linkedin|instagram)$/i;

/** Credentials kept with a name: the byline shows them, and they are not another author. */
const CREDENTIAL = /^(?:[A-Z][A-Za-z]?\.?){1,4}(?:-[A-Z]{1,4})?(?:\s\d{2,3})?$|^Ph\.?\s?D\.?$|^M\.?D\.?$|^Jr\.?$|^Sr\.?$|^I{2,3}$/;

/** Cleans one raw byline string into a list of names. */
export function splitNames(raw: string): string[] {
  let s = clean(decodeEntities(raw));
  if (!s || s.length > 300) return [];
  // drop a leading "By" (possibly repeated: "By: By Jane")
  for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
  // cut at a date, "Updated", a pipe or a bullet: what follows is not the name
  const dates = findDatesInText(s);
  if (dates.length) s = s.slice(0, dates[0].start);
  s = s.split(/\s[|•·]\s|\s\|\s?|\bupdated\b|\bpublished\b|\bposted\b|\bon\s(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i)[0];
  s = s.replace(/\s{0,3}[-–—,:]\s{0,3}$/, '').trim();
  // "Jane Doe and John Roe", "Jane Doe, John Roe & Ann Poe", "Jane Doe; John Roe"
  const pieces = s.split(/\s{0,3}(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s{0,3}/i).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const piece of pieces) {
    // a credential after a comma belongs to the previous name ("Dylan Bailey, MS, RD")
    if (CREDENTIAL.test(piece) && names.length) {
      names[names.length - 1] += `, ${piece}`;
      continue;
    }
    // a job title after a comma or dash is dropped ("Jane Doe, Staff Writer")
    if (ROLE_WORDS.test(piece) && names.length) continue;
    const name = piece.replace(/\s[-–—]\s.*$/, '').replace(/^@/, '').trim();
    names.push(name);
  }
  return names;
}

/** True when a cleaned string looks like a person's (or a named team's) name. */
export function isPlausibleName(name: string, siteNames: string[]): boolean {
  const bare = name.replace(/,.*$/, '').trim();
  if (bare.length < 3 || bare.length > 60) return false;
  if (/https?:|www\.|\.com\b|@|\/|\d{3,}|[<>{}=]/.test(bare)) return false;
  if (NOT_A_NAME.test(bare)) return false;
  const words = bare.split(/\s+/);
  if (words.length > 6) return false;
  if (!/\p{L}/u.test(bare)) return false;
  // a sentence is not a name: names are mostly capitalised words
  const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:de|da|del|der|den|van|von|la|le|di|du|dos|das|bin|al|el|y|e|and|of|the|ter|zu)$/i.test(w));
  if (lowerWords.length > 1 || (words.length <= 2 && lowerWords.length > 0 && words.length > 1)) return false;
  if (ROLE_WORDS.test(bare) && words.length <= 2 && !/team/i.test(bare)) return false;
  const f = fold(bare);
  for (const site of siteNames) {
    const s = fold(site);
    if (s && (f === s || f.replace(/ /g, '') === s.replace(/ /g, ''))) return false;
  }
  return true;
}

function finish(names: string[], siteNames: string[]): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const n of names) {
    if (!isPlausibleName(n, siteNames)) continue;
    const key = fold(n.replace(/,.*$/, ''));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(n);
  }
  return kept.length ? kept.slice(0, 8).join(', ') : null;
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
  const tries: Array<[() => string[], MetaSource]> = [
    [
      () => {
        if (!ctx.article) return [];
        const raw = resolveRefs(ctx.article.author ?? ctx.article.creator, nodes);
        // Organisations as authors are often the site itself; keep them only when nothing else names a person
        const list = Array.isArray(raw) ? raw : [raw];
        const people = list.filter((a) => !(a && typeof a === 'object' && nodeTypes(a as JsonLdNode).includes('organization')));
        return jsonLdAuthorNames(people.length ? people : list);
      },
      'json-ld',
    ],
    [() => metaAuthors(ctx.meta), 'meta'],
    [() => microdataAuthors(ctx.doc), 'microdata'],
    [() => bylineElementAuthors(ctx), 'text'],
    [() => byLineNearHeadline(ctx), 'text'],
  ];
  for (const [get, source] of tries) {
    const value = finish(get(), ctx.siteNames);
    if (value) return { value, source };
  }
  return { value: null, source: null };
}

function metaAuthors(meta: MetaTable): string[] {
  for (const key of AUTHOR_META_KEYS) {
    let values = meta.get(key);
    if (!values?.length) continue;
    if (key === 'twitter:data1') {
      const label = (meta.get('twitter:label1') ?? [])[0] ?? '';
      if (!/written by|author|autor|auteur/i.test(label)) continue;
    }
    values = values.filter((v) => !/^https?:\/\//.test(v));
    const names = values.flatMap(splitNames);
    if (names.length) return names;
  }
  return [];
}

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
  const relNames = rel.flatMap((a) => splitNames(visibleText(a, 200)));
  if (relNames.length) return relNames;
  for (const el of Array.from(ctx.doc.querySelectorAll(BYLINE_SELECTOR)).slice(0, 60)) {
    const ci = classAndId(el);
    if (/avatar|image|img|photo|bio|description|about|box|social|follow|share|more-from|icon|label/.test(ci)) continue;
    if (inNoiseRegion(el)) continue;
    // prefer the innermost name link inside a byline container
    const link = el.querySelector('a[href*="author"], a[href*="/people/"], a[href*="/staff/"], a[href*="/profile"]');
    const raw = link ? visibleText(link, 200) : visibleText(el, 200);
    const names = splitNames(raw);
    if (names.length && names.every((n) => n.split(' ').length <= 6)) return names;
  }
  return [];
}

/** A short "By Jane Doe" element among those following the headline. */
function byLineNearHeadline(ctx: AuthorContext): string[] {
  if (!ctx.headline) return [];
  for (const el of elementsAfter(ctx.headline, 60)) {
    const text = visibleText(el, 160);
    if (text.length > 150 || !BY_LINE_START.test(text)) continue;
    const names = splitNames(text);
    if (names.length) return names;
  }
  return [];
}

const BY_LINE_START = /^(?:(?:written|posted|published|reported|words)\s{1,3})?(?:by|von|par|por|door)\s{0,3}:?\s{1,3}\p{L}/iu;
