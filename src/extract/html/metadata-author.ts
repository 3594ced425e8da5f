/**
 * Byline: the article's author names from JSON-LD, meta tags, microdata, rel=author links, byline
 * elements and "By Jane Doe" lines. Names are cleaned of "By", dates and job titles; site names,
 * URLs and handles are rejected; several authors are joined with ", ".
 */
import type { MetaSource } from '../../model.js';
import { nodeTypes, textValue, type JsonLdNode } from './metadata-jsonld.js';
import { NOISE_REGION_DEPTH, classAndId, clean, decodeEntities, elementsAfter, hostOf, inNoiseRegion, textBefore, visibleText, type MetaTable } from './metadata-dom.js';
import { AUTHOR_META_KEYS, BYLINE_CLASS_WORDS } from './metadata-rules.js';
import { fold } from './metadata-title.js';
import { findDatesInText } from './date-parse.js';
import { isCommonGivenName } from '../../given-names.js';

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
}

/** Words that introduce a byline, in the common news languages. */
const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|stories|text|words|articles?|posts?|reviewed|edited|compiled|photos?|more)\s{1,3}(?:and\s{1,3}\w{1,12}\s{1,3})?by|by|from|von|par|por|di|door|av|af|autor(?:in)?|auteur|author(?:s)?|contributors?|writer|byline)\b\s{0,3}:?\s{0,3}/i;

/** Job titles that follow a name after a comma or dash ("Jane Doe, Senior Reporter"). */
const ROLE_WORDS =
  /\b(?:staff|senior|chief|managing|deputy|associate|contributing|executive|special|political|foreign|national|news|sports|business|science|health|tech(?:nology)?|editor(?:ial)?|editors|reporter|correspondent|writer|columnist|contributor|journalist|producer|analyst|author|intern|fellow|critic|director|founder|ceo|team lead|head of|photographer|anchor|host)\b/i;

/** Interface words: a "name" containing one is a button or a menu, not a byline. */
const UI_WORDS = /\b(?:log\s?in|login|sign\s?(?:in|up)|subscribe|register|menu|search|share|follow|contact|read\s+more|view|see\s+all|cookie|privacy|newsletter|download|comments?|edition|listen|watch|print|uncategori[sz]ed|more\s+about|more\s+from|contents|table\s+of|protected)\b/i;

/** Words that name organisations rather than people: a site may share its name with a person, never with a clinic. */
const ORG_WORDS = /\b(?:inc|llc|ltd|gmbh|corp|co|company|group|clinic|hospital|foundation|university|college|school|institute|association|society|council|agency|center|centre|bank|press|news|times|post|media|magazine|journal|daily|today|network|team|staff|blog|studio|labs?|solutions|services|online|digital|official|editorial|desk|club|store|shop|academy|church|department|ministry|government)\b/i;

/** Values that are never a person's name. */
const NOT_A_NAME = /^(?:admin(?:istrator)?|administrador|staff|unknown|anonymous|guest|editor|editors|the editors|redaction|rédaction|redaktion|redacción|null|undefined|none|n\/a|by|author|authors|contributor|team|webmaster|user|home|share|follow|facebook|twitter|linkedin|instagram)$/i;

/** Credentials kept with a name: the byline shows them, and they are not another author. */
const CREDENTIAL = /^(?:[A-Z][A-Za-z]?\.?){1,4}(?:-[A-Z]{1,4})?(?:\s\d{2,3})?[®™]?$|^Ph\.?\s?D\.?$|^M\.?D\.?$|^Jr\.?$|^Sr\.?$|^I{2,3}$/;

/** Cleans one raw byline string into a list of names. */
export function splitNames(raw: string, fromText = false): string[] {
  let s = clean(decodeEntities(raw));
  if (!s || s.length > 300) return [];
  // drop a leading "By" (possibly repeated: "By: By Jane")
  for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
  // page text: "Insights from Jane Doe", "A column by Jane Doe"
  if (fromText) s = s.replace(/^(?:\p{L}{1,12}\s{1,2}){1,2}(?:by|from)\s{1,3}(?=\p{Lu})/u, '');
  // cut at a date, "Updated", a pipe or a bullet: what follows is not the name
  // a date before the name ("Dec. 19, 2025 · Niko Matsakis") is dropped; one after it ends the name
  let dates = findDatesInText(s);
  if (dates.length && dates[0].start <= 2) {
    s = s.slice(dates[0].end).replace(/^[\s|•·,–—-]+/, '');
    for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
    dates = findDatesInText(s);
  }
  if (dates.length) s = s.slice(0, dates[0].start);
  s = s.split(/\s[|•·]\s|\s\|\s?|\blast\s{1,3}(?:update[ds]?|modified|reviewed)\b|\bupdated\b|\bpublished\b|\bposted\b|\bon\s{1,3}behalf\b|\bon\s(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i)[0];
  s = s.replace(/\s{0,3}[-–—,:]\s{0,3}$/, '').trim();
  // "Jane Doe, John Roe; Ann Poe" — then "and"/"&" only between full names: "Center for Drug
  // Evaluation and Research" is one name, "Maria & Katerina" stays as written
  const pieces = s
    .split(/\s{0,3}[,;]\s{0,3}/)
    .flatMap((p) => {
      const parts = p.split(/\s{1,3}(?:&|and|und|et|y|e|en)\s{1,3}/i).map((x) => x.trim());
      return parts.length > 1 && parts.every((x) => x.split(/\s+/).length >= 2) ? parts : [p];
    })
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (const piece of pieces) {
    // a credential after a comma belongs to the previous name ("Dylan Bailey, MS, RD")
    if (CREDENTIAL.test(piece) && names.length) {
      names[names.length - 1] += `, ${piece}`;
      continue;
    }
    // after a name, a job title or an affiliation is dropped ("Jane Doe, Staff Writer, Acme Institute")
    if (names.length && (ROLE_WORDS.test(piece) || ORG_WORDS.test(piece))) continue;
    const bare = collapseRepeat(piece.replace(/\s[-–—]\s.*$/, '').replace(/^@/, '').trim());
    const name = fromText ? cutTrailingRole(bare) : bare;
    if (name) names.push(name);
  }
  return names;
}

/** How far a source is trusted: structured data names people on purpose, page text only maybe. */
interface Trust {
  /** Skip the capitalisation test ("kirstin boatto" in JSON-LD is still a name). */
  anyCase: boolean;
  /** Accept a name equal to the site's (personal sites: "Rick Steves" on ricksteves.com). */
  siteNameOk: boolean;
  /** Accept the site's own name, however it is shaped (the page declares the site as the author). */
  siteItself?: boolean;
}
const STRICT: Trust = { anyCase: false, siteNameOk: false };

/** "Loona Construction Loona Construction" (the same text in several spans) → "Loona Construction". */
function collapseRepeat(text: string): string {
  const words = text.split(' ');
  for (let size = 1; size <= words.length / 2; size++) {
    if (words.length % size !== 0) continue;
    const unit = words.slice(0, size).join(' ');
    if (words.every((w, i) => w === words[i % size])) return unit;
  }
  return text;
}

/**
 * Page text glues a job title to the name ("Preetam Jinka Co-founder", "Matt Check Head Winemaker"):
 * cut at the first role word after two name words, and drop dangling connectors ("ALLIN ONE on").
 */
function cutTrailingRole(text: string): string {
  const words = text.split(' ');
  for (let i = 2; i < words.length; i++) {
    if (TRAILING_ROLE.test(words[i])) return words.slice(0, i).join(' ');
  }
  return text.replace(/\s(?:on|in|at|for|from|to|with)$/i, '');
}

const TRAILING_ROLE = /^(?:content|marketing|sales|digital|social|communications?|seo|product|operations|customer|business|technical|senior|junior|chief|managing|executive|associate|assistant|deputy|staff|co-?founder|founder|ceo|cto|cfo|coo|president|director|manager|head|lead|coordinator|specialist|expert|consultant|strategist|attorney|lawyer|editor|reporter|writer|author|contributor|correspondent|columnist|journalist|analyst|producer|photographer|designer|developer|engineer|researcher|professor|scientist|winemaker|chef|owner|partner|officer|intern|fellow|at|is|was|has)$/i;

/** True when a cleaned string looks like a person's (or a named team's) name. */
export function isPlausibleName(name: string, siteNames: string[], trust: Trust = STRICT): boolean {
  const bare = beforeComma(name).trim();
  if (bare.length < 3 || bare.length > 60) return false;
  if (/https?:|www\.|\.com\b|@|\/|\d{3,}|[<>{}=[\]]/.test(bare)) return false;
  // a host name ("paperium.net") is where the page lives, not who wrote it
  if (/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,6}$/u.test(bare)) return false;
  if (NOT_A_NAME.test(bare) || UI_WORDS.test(bare) || /\b(?:admin|administrator|webmaster|moderator)\b/i.test(bare) || bare.includes(':')) return false;
  const words = bare.split(/\s+/);
  if (words.length > 6) return false;
  if (!/\p{L}/u.test(bare)) return false;
  if (!trust.anyCase) {
    // a sentence is not a name: names are mostly capitalised words
    const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w));
    if (lowerWords.length > 1 || (words.length <= 2 && lowerWords.length > 0 && words.length > 1)) return false;
  }
  // "Staff Writer" is a role; "EcoCult Staff" and "News Desk" are bylines a newsroom signs with
  if (words.every((w) => ROLE_WORDS.test(w) || NAME_PARTICLES.test(w))) return false;
  // page text: an organisation's name is an affiliation, unless the newsroom signs with it
  if (!trust.anyCase && ORG_WORDS.test(bare) && !NEWSROOM_BYLINE.test(bare)) return false;
  const personLike = words.length >= 2 && words.length <= 4 && !ORG_WORDS.test(bare) && !/^the\s/i.test(bare) && bare !== bare.toUpperCase() && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.test(w));
  if (!trust.siteItself && !(trust.siteNameOk && personLike) && siteNames.some((site) => sameAsSite(bare, site))) return false;
  return true;
}

/**
 * Equal to a site name, or, for names shaped like an organisation's ("The Commercial Appeal"),
 * most of one ("Memphis Commercial Appeal").
 */
function sameAsSite(name: string, site: string): boolean {
  const f = fold(name);
  const s = fold(site);
  if (!s) return false;
  if (f === s || f.replace(/ /g, '') === s.replace(/ /g, '')) return true;
  if (!ORG_WORDS.test(name) && !/^the\s/i.test(name)) return false;
  // "Everfit Team", "Investopedia Staff": the site's own newsroom signing, a byline in its own right
  if (NEWSROOM_BYLINE.test(name)) return false;
  const a = new Set(f.split(' ').filter((w) => w.length > 2 && w !== 'the'));
  const b = new Set(s.split(' ').filter((w) => w.length > 2 && w !== 'the'));
  if (a.size < 2 || b.size < 2) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= 0.66;
}

const NEWSROOM_BYLINE = /\b(?:team|staff|editors|desk|contributors?|writers)$/i;
const NAME_PARTICLES = /^(?:de|da|del|der|den|van|von|la|le|di|du|dos|das|bin|al|el|y|e|and|of|the|ter|zu)$/i;

function finish(names: string[], siteNames: string[], trust: Trust = STRICT): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const n of names) {
    if (!isPlausibleName(n, siteNames, trust)) continue;
    const key = fold(beforeComma(n));
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
    if (names.length === 1 && isPlausibleName(names[0], ctx.siteNames)) return names;
  }
  return [];
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

/**
 * An author card ("About the author" box, a name beside an avatar): an element whose class names
 * the author, holding a short element, or an image's alt text, that is a person's name and nothing
 * else. The byline-element pass skips such containers because their whole text is a biography;
 * here only the name inside them is read. Cards of related stories and comments are noise regions.
 */
function authorCardNames(ctx: AuthorContext): string[] {
  for (const card of Array.from(ctx.doc.querySelectorAll(AUTHOR_CARD_SELECTOR)).slice(0, 40)) {
    // an author card often sits in the article's sidebar column; comments and related cards stay out
    if (inNoiseRegion(card, NOISE_REGION_DEPTH, classesBesideSidebar)) continue;
    const holders = [card, ...Array.from(card.querySelectorAll(NAME_HOLDER_SELECTOR)).slice(0, 30)];
    for (const el of holders) {
      const raw = el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : el.children.length <= 1 ? visibleText(el, 80) : '';
      if (!raw || raw.length > 60) continue;
      const names = splitNames(raw, true);
      if (names.length === 1 && isFirstAndLastName(names[0]) && isPlausibleName(names[0], ctx.siteNames)) return names;
    }
  }
  return [];
}

const AUTHOR_CARD_SELECTOR = '[class*="author"], [id*="author"]';
const classesBesideSidebar = (el: Element): string => classAndId(el).replace(/sidebar/g, ' ');
const NAME_HOLDER_SELECTOR = 'h2, h3, h4, h5, h6, p, span, strong, b, a, div, img[alt]';

/**
 * A common given name and a surname, perhaps with an initial between ("Jane Doe", "Julian K. Arni",
 * "Aoife O'Riordan"): the one shape we accept from a site's name or an author card, where brands and
 * programmes shaped like names ("Proven Winners", "Cornell Cooperative Extension") also appear.
 */
function isFirstAndLastName(name: string): boolean {
  return FIRST_AND_LAST.test(name) && isCommonGivenName(name.slice(0, name.indexOf(' ')));
}
const FIRST_AND_LAST = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{L}'’-]+$/u;

/**
 * A personal site signs with its owner's name: og:site_name, the title's site segment, the home
 * link or the footer's copyright line is a person's name, and the host is spelled from it
 * (janedoe.com, jane.blog.dev, doe.io, cassidoo.co). Used only when nobody else is named on the page.
 */
function personalSiteOwner(ctx: AuthorContext): string | null {
  const labels = hostLabels(ctx.url ?? null);
  if (!labels.length) return null;
  const candidates = [...ctx.siteNames, ...homeLinkTexts(ctx.doc), ...copyrightHolders(ctx.doc)];
  for (const raw of candidates) {
    const name = clean(raw);
    if (!isFirstAndLastName(name) || !isPlausibleName(name, [], { anyCase: false, siteNameOk: true })) continue;
    const words = fold(name).split(' ').filter((w) => w.length >= 3);
    if (words.some((w) => labels.some((l) => l.includes(w) || sharedPrefix(l, w) >= 5))) return name;
  }
  return null;
}

/** Length of the common beginning of two strings ("cassidoo", "cassidy" → 6). */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The host's labels without "www" and the top-level domain: "jane.blog.dev" → ["jane", "blog"]. */
function hostLabels(url: string | null): string[] {
  return (hostOf(url) ?? '').split('.').filter(Boolean).slice(0, -1);
}

/** Texts of links to the site's home page ("/"), as the header's name or logo shows them. */
function homeLinkTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('a[href="/"], a[href="./"]'))
    .slice(0, 5)
    .map((a) => visibleText(a, 80))
    .filter((t) => t.length > 0 && t.length <= 60);
}

/** Holders named by "© 2025 Jane Doe" lines in the page's footer. */
function copyrightHolders(doc: Document): string[] {
  const out: string[] = [];
  for (const footer of Array.from(doc.querySelectorAll('footer')).slice(-2)) {
    const m = COPYRIGHT.exec(visibleText(footer, 400));
    // "© 2025 Jane Doe All Rights Reserved", "© Jane Doe Powered by ...": the footer's next words
    if (m) out.push(m[1].split(' ').filter((w, i) => i < 2 || !FOOTER_WORDS.test(w)).join(' '));
  }
  return out;
}
const FOOTER_WORDS = /^(?:all|rights|reserved|powered|designed|built|made|theme|proudly|privacy|terms|site|website|blog)$/i;
const COPYRIGHT = /(?:©|\([cC]\)|[cC]opyright)\s{0,3}(?:(?:19|20)\d\d(?:\s{0,2}[-–]\s{0,2}(?:19|20)\d\d)?\s{0,3})?(\p{Lu}[\p{L}'’-]{1,30}(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]{1,30}){1,2})/u;

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

/**
 * A site that signs its own articles in markup ("Buzzsprout", "Clemson News") while an author bio
 * on the page names a person: the person wrote it.
 */
function bioOverSite(ctx: AuthorContext, declared: string): AuthorResult | null {
  const single = !declared.includes(' ');
  if (!single && !ctx.siteNames.some((site) => sameAsSite(declared, site) || fold(site).includes(fold(declared)))) return null;
  const names = bioBoxNames(ctx);
  return names.length ? { value: names[0], source: 'text' } : null;
}

/**
 * An author bio box: a paragraph that introduces a person ("Alban Brooke is the Head of Marketing
 * at ...", "Tim Green, a UK-based systems ...") right after an element holding just that name (a
 * heading, bold text, or a portrait's alt text). Both parts are needed: an article about a person
 * also opens with "Jane Doe is ...", but not under a heading of her name.
 */
function bioBoxNames(ctx: AuthorContext): string[] {
  for (const p of Array.from(ctx.doc.querySelectorAll('p')).slice(0, 3000)) {
    const text = visibleText(p, 200);
    const m = BIO_START.exec(text);
    // "<strong>Tim Green</strong> UK-based systems theorist ..." under his portrait: the bold name opens the bio
    const bold = m ? null : boldNameAtStart(p, text);
    const name = m?.[1] ?? bold;
    if (!name) continue;
    // what follows says what the person does ("a freelance travel writer", "the Head of Marketing")
    const after = m ? m[0].length : name.length;
    const rest = text.slice(after, after + 80);
    if (!(ROLE_WORDS.test(rest) || BIO_ROLE.test(rest)) || BIO_NOT_A_PERSON.test(rest)) continue;
    if (!isFirstAndLastName(name) || !isPlausibleName(name, ctx.siteNames)) continue;
    if (namedJustBefore(p, name, !bold)) return [name];
  }
  return [];
}
/** Occupations a bio names besides the newsroom roles of ROLE_WORDS. */
const BIO_ROLE = /\b(?:freelance|marketing|manager|expert|specialist|consultant|strategist|professor|researcher|scientist|coach|trainer|nutritionist|dietitian|physician|doctor|nurse|therapist|engineer|developer|designer|owner|entrepreneur)\b/i;
const BIO_NOT_A_PERSON = /\b(?:company|firm|project|platform|brand|service|app|agency|organi[sz]ation|provider|network|collection|franchise)\b/i;
const BIO_START = /^(\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{L}'’-]+)(?:,\s[^,]{1,60},)?\s(?:is|was|has\sbeen|serves\sas|works\sas|writes|covers|leads)\s/u;

/** The name in bold that opens a paragraph, when the bold text is all of a person's name. */
function boldNameAtStart(p: Element, text: string): string | null {
  const first = p.firstElementChild;
  if (!first || !['STRONG', 'B'].includes(first.tagName)) return null;
  const name = visibleText(first, 80);
  return name && text.startsWith(name) && isFirstAndLastName(name) ? name : null;
}

/**
 * An element just before `el` (its previous siblings, or its parent's) whose text or alt text is
 * `name`; with `boldStart`, also the name in bold at the start of `el` itself.
 */
function namedJustBefore(el: Element, name: string, boldStart: boolean): boolean {
  const key = fold(name);
  const matches = (e: Element): boolean => {
    const text = fold(beforeComma(visibleText(e, 120)));
    if (text === key) return true;
    return Array.from(e.querySelectorAll('img[alt]')).some((img) => fold(beforeComma(img.getAttribute('alt') ?? '')) === key) || (e.tagName === 'IMG' && fold(e.getAttribute('alt') ?? '') === key);
  };
  for (const start of [el, el.parentElement]) {
    let sib = start?.previousElementSibling ?? null;
    for (let k = 0; sib && k < 3; k++, sib = sib.previousElementSibling) if (matches(sib)) return true;
  }
  // the name in bold at the start of the bio itself: "<p><strong>Tim Green</strong> is ..."
  const first = el.firstElementChild;
  return boldStart && first !== null && ['STRONG', 'B'].includes(first.tagName) && fold(visibleText(first, 80)) === key;
}

/** Two to four capitalised words, particles and initials allowed: "Jane Doe", "Aoife O'Riordan", "Ana de la Cruz". */
function isNameShaped(name: string): boolean {
  const words = beforeComma(name).trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || ORG_WORDS.test(name)) return false;
  return words.every((w) => NAME_PARTICLES.test(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && words.filter((w) => !NAME_PARTICLES.test(w)).length >= 2;
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

/** Labels of people who checked or illustrated a story rather than wrote it, just before a "by". */
const NOT_THE_WRITER = /\b(?:reviewed|edited|fact[\s-]?checked|checked|verified|approved|illustrat(?:ed|ions?)|photograph(?:ed|s|y)|photos?|video|produced)\s{0,3}$/i;
const BY_LINE_START = /^(?:(?:written|posted|published|reported|words)\s{1,3})?(?:by|von|par|por|door)\s{0,3}:?\s{1,3}\p{L}/iu;

/** The text before the first comma (all of it without one): linear, unlike /,.*$/ on a hostile string. */
function beforeComma(text: string): string {
  const i = text.indexOf(',');
  return i < 0 ? text : text.slice(0, i);
}
