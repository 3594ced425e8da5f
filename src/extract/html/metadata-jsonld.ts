/**
 * JSON-LD blocks → a flat list of typed nodes. Sites ship JSON-LD with trailing commas, raw newlines
 * in strings, HTML comments or CDATA wrappers, several objects back to back; we repair what is cheap
 * to repair and skip the rest, so one broken block never hides the good ones.
 */

export type JsonLdNode = Record<string, unknown>;

/** Schema.org types that describe the article itself (the node whose dates and author we want). */
export const ARTICLE_TYPES = new Set(
  [
    'Article', 'NewsArticle', 'BlogPosting', 'Blog', 'ReportageNewsArticle', 'AnalysisNewsArticle',
    'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle',
    'LiveBlogPosting', 'TechArticle', 'ScholarlyArticle', 'SocialMediaPosting', 'Report', 'Review',
    'MedicalWebPage', 'HowTo', 'Recipe', 'SatiricalArticle', 'AdvertiserContentArticle', 'DiscussionForumPosting',
    'Guide', 'Podcast', 'PodcastEpisode', 'VideoObject', 'CreativeWork', 'MedicalScholarlyArticle',
  ].map((t) => t.toLowerCase()),
);

/** Page-level types: their dates are weaker evidence (often the page's, not the story's). */
export const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'profilepage', 'aboutpage', 'faqpage', 'qapage', 'searchresultspage']);

/** Lower-cased type names of a node (`@type` may be a string or an array, with or without a schema prefix). */
export function nodeTypes(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Cheap repairs for the faults seen in the wild. */
function repair(text: string): string {
  let s = text.trim();
  s = s.replace(/^<!--/, '').replace(/-->$/, '').replace(/^\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>$/, '').trim();
  s = s.replace(/^<!\[CDATA\[/, '').replace(/\]\]>$/, '').trim();
  // raw control characters inside strings are invalid JSON; whitespace outside strings is harmless
  s = s.replace(/[\u0000-\u001f]+/g, ' ');
  // trailing commas before a closing bracket
  s = s.replace(/,\s{0,50}([}\]])/g, '$1');
  return s;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Splits back-to-back top-level values (`{...}{...}`) by tracking brace depth outside strings. */
function splitConcatenated(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        parts.push(text.slice(start, i + 1));
        start = -1;
      }
      if (depth < 0) depth = 0;
    }
  }
  return parts;
}

/** Parses one script body leniently; returns the values found (possibly none). */
export function parseJsonLdText(text: string): unknown[] {
  const direct = tryParse(text);
  if (direct !== undefined) return [direct];
  const repaired = repair(text);
  const fixed = tryParse(repaired);
  if (fixed !== undefined) return [fixed];
  return splitConcatenated(repaired)
    .map(tryParse)
    .filter((v) => v !== undefined);
}

/**
 * Every object node reachable from the JSON-LD values, outermost first: `@graph` members,
 * array items and nested objects (`mainEntity`, `itemListElement`...) all count. Depth is capped
 * because hostile pages nest deeply.
 */
export function flattenJsonLd(values: unknown[]): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12 || out.length > 2000) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const node = v as JsonLdNode;
    if (node['@type'] !== undefined) out.push(node);
    for (const [key, child] of Object.entries(node)) {
      if (key === '@context') continue;
      if (child && typeof child === 'object') visit(child, depth + 1);
    }
  };
  for (const v of values) visit(v, 0);
  return out;
}

/** Biggest JSON-LD script body parsed: anything larger is not metadata, and parsing it would be slow. */
export const MAX_JSONLD_SCRIPT_CHARS = 2_000_000;

const parsedScripts = new WeakMap<Element, unknown[]>();

/**
 * The values of one JSON-LD script, parsed once per element: metadata reads every block, and main-content
 * extraction reads the articleBody blocks of the same page again. Oversized scripts give nothing.
 */
export function scriptJsonLd(script: Element): unknown[] {
  let values = parsedScripts.get(script);
  if (!values) {
    const text = script.textContent ?? '';
    values = text.length > MAX_JSONLD_SCRIPT_CHARS ? [] : parseJsonLdText(text);
    parsedScripts.set(script, values);
  }
  return values;
}

/** All JSON-LD nodes of a document. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const values: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    values.push(...scriptJsonLd(script));
  }
  return flattenJsonLd(values);
}

/** A string value, or the first string of an array, or `@value`/`name` of an object. */
export function textValue(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const item of v) {
      const t = textValue(item);
      if (t) return t;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as JsonLdNode;
    return textValue(o['@value'] ?? o.name);
  }
  return null;
}
