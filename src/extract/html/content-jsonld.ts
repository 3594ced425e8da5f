/**
 * The publisher's own copy of the article text: schema.org `articleBody` in JSON-LD. Used as a second
 * opinion on the DOM pick — never as the output itself, because it is often cut short (a teaser on
 * paywalled pages), flattened (no paragraphs), or stale. Words only: compared as bags of lower-case
 * word tokens, the way the text will be read.
 */
import { flattenJsonLd, scriptJsonLd, textValue } from './metadata-jsonld.js';

/** An articleBody shorter than this many words is a teaser or summary, not the article. */
export const ARTICLE_BODY_MIN_WORDS = 100;

/** Lower-case word tokens (letters, digits, underscore runs). One linear pass, no backtracking. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export function wordBag(tokens: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of tokens) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

/** Words the two bags have in common, counted with multiplicity. */
export function sharedWords(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [w, v] of b) shared += Math.min(v, a.get(w) ?? 0);
  return shared;
}

function bagSize(bag: Map<string, number>): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

/** Word-bag F1 of `a` against `b` (1 when both are empty). */
export function bagF1(a: Map<string, number>, b: Map<string, number>): number {
  const na = bagSize(a);
  const nb = bagSize(b);
  const shared = sharedWords(a, b);
  if (na === 0 && nb === 0) return 1;
  if (shared === 0) return 0;
  const p = shared / na;
  const r = shared / nb;
  return (2 * p * r) / (p + r);
}

/** Markup some publishers leave inside articleBody: tags out, the few common entities decoded. */
function stripMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  let out = '';
  let inTag = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inTag) {
      if (c === '>') {
        inTag = false;
        out += ' ';
      }
    } else if (c === '<') inTag = true;
    else out += c;
  }
  return out.replace(/&(?:nbsp|amp|quot|#39|apos|lt|gt);/g, ' ');
}

/** Is this <script> a JSON-LD block that may hold an articleBody? (Cheap: no parsing.) */
export function mayHoldArticleBody(script: Element): boolean {
  return (script.getAttribute('type') ?? '').toLowerCase().includes('ld+json') && (script.textContent ?? '').includes('articleBody');
}

/**
 * The longest JSON-LD articleBody among these scripts (the page's JSON-LD blocks that mention it,
 * gathered by the caller's own walk with mayHoldArticleBody) as word tokens, or null when there is none
 * worth using. The scripts' parse is shared with the metadata reader (scriptJsonLd).
 */
export function articleBodyTokens(scripts: readonly Element[]): string[] | null {
  const values: unknown[] = [];
  for (const script of scripts) values.push(...scriptJsonLd(script));
  if (values.length === 0) return null;
  let best: string[] | null = null;
  for (const node of flattenJsonLd(values)) {
    const body = textValue(node.articleBody);
    if (!body) continue;
    const tokens = wordTokens(stripMarkup(body));
    if (!best || tokens.length > best.length) best = tokens;
  }
  return best && best.length >= ARTICLE_BODY_MIN_WORDS ? best : null;
}
