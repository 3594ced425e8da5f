/**
 * Title candidates of a page and one numeric feature vector per candidate, for the trained-ranker
 * experiment (train.ts). Candidates: the rule system's pick (`extractTitle`), the h1 `findHeadline`
 * chooses, the other h1s and the first h2s, and every structured title (og:title, twitter:title,
 * JSON-LD headline, `<title>`, dc.title & co.), each raw, site-name-stripped and tagline-dropped.
 * Candidates that read the same (after the benchmark's title normalisation) are merged: that a text
 * comes from several places is itself the strongest evidence, recorded as flags and counts.
 *
 * Nothing here names a site, a person or a phrase: the features are shapes (lengths, case, digits),
 * provenance (which tag, which variant), agreement (exact and Dice) and the heading's place in the DOM.
 */
import { normTitle } from '../../bench/meta.js';
import { textValue } from '../../src/extract/html/metadata-jsonld.js';
import { decodeLiteralEntities } from '../../src/extract/html/metadata-title-heading.js';
import { classAndId, clean, decodeEntities, firstMeta, inNoiseRegion, visibleText } from '../../src/extract/html/metadata-dom.js';
import {
  dropTagline,
  extractTitle,
  findHeadline,
  fold,
  headingInNoise,
  isExactlySiteName,
  isHeadlineLike,
  isShouted,
  similarity,
  stripSiteName,
  type TitleContext,
} from '../../src/extract/html/metadata-title.js';

/** Where a candidate's text was read. */
export const SOURCES = ['rule', 'h1', 'h1-other', 'h2', 'og', 'twitter', 'json-ld', 'title', 'other-meta'] as const;
export type CandidateSource = (typeof SOURCES)[number];
/** What was done to the source's text: nothing, site name stripped, or tagline dropped after that. */
export const VARIANTS = ['raw', 'stripped', 'tagline'] as const;
export type CandidateVariant = (typeof VARIANTS)[number];

/** The sources that vote on agreement: each structured tag and the chosen h1 (not the rule, which copies one of them). */
const VOTING: readonly CandidateSource[] = ['h1', 'og', 'twitter', 'json-ld', 'title', 'other-meta'];
const STRUCTURED: readonly CandidateSource[] = ['og', 'twitter', 'json-ld', 'title', 'other-meta'];

export interface TitleCandidate {
  /** The text as first read (the rule's spelling wins when the rule picked it). */
  text: string;
  /** Normalised form: two candidates with the same key are the same title for the benchmark. */
  key: string;
  origins: Array<{ source: CandidateSource; variant: CandidateVariant }>;
  /** The heading element the text came from, for heading candidates. */
  element: Element | null;
  features: number[];
}

export interface PageCandidates {
  rulePick: string | null;
  candidates: TitleCandidate[];
}

/** The benchmark's title normalisation: a candidate is right when its key equals the truth's. */
export const titleKey = (t: string): string => normTitle(t);

/** Visible body text read once per page (capped), folded, to ask "is this text shown on the page". */
function foldedBody(doc: Document): string {
  const body = doc.body ?? doc.documentElement;
  return body ? ` ${fold(visibleText(body, 60_000))} ` : '';
}

/** Tokens of the URL's last meaningful path segment ("/2024/05/best-cloud-stocks.html" → best cloud stocks). */
function slugTokens(url: string | null): Set<string> {
  if (!url) return new Set();
  let pathname = '';
  try {
    pathname = new URL(url).pathname;
  } catch {
    return new Set();
  }
  const segments = pathname.split('/').filter((s) => s && !/^\d+$/.test(s));
  const last = (segments[segments.length - 1] ?? '').replace(/\.[a-z]{2,5}$/i, '');
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    /* keep it encoded */
  }
  return new Set(fold(decoded.replace(/[-_+.]/g, ' ')).split(' ').filter((w) => w.length > 0));
}

function tokenSet(text: string): Set<string> {
  return new Set(fold(text).split(' ').filter(Boolean));
}

function countOccurrences(haystack: string, needle: string, max: number): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0 && n < max; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Ancestors up to the root, capped: how deep in the layout the heading sits. */
function depthOf(el: Element): number {
  let d = 0;
  for (let cur = el.parentElement; cur && d < 200; cur = cur.parentElement) d++;
  return d;
}

/** Raw structured titles, as `extractTitleCandidate` reads them. */
function structuredTitles(ctx: TitleContext): Array<[CandidateSource, string]> {
  const out: Array<[CandidateSource, string]> = [];
  const og = ctx.meta.get('og:title')?.[0];
  if (og) out.push(['og', clean(decodeEntities(og))]);
  const tw = ctx.meta.get('twitter:title')?.[0];
  if (tw) out.push(['twitter', clean(decodeEntities(tw))]);
  const ld = ctx.article ? textValue(ctx.article.headline) ?? textValue(ctx.article.name) : null;
  if (ld) out.push(['json-ld', clean(decodeEntities(ld))]);
  const titleEl = ctx.doc.querySelector('head title') ?? ctx.doc.querySelector('title');
  const tag = clean(titleEl?.textContent ?? '');
  if (tag) out.push(['title', tag]);
  const other = firstMeta(ctx.meta, ['dc.title', 'citation_title', 'parsely-title', 'sailthru.title']);
  if (other) out.push(['other-meta', clean(decodeEntities(other.value))]);
  return out.filter(([, t]) => t.length > 0 && t.length <= 600);
}

/** Names of the features, in vector order (the weights file stores them to check it matches). */
export const FEATURE_NAMES: string[] = [];
function feature(name: string): number {
  FEATURE_NAMES.push(name);
  return FEATURE_NAMES.length - 1;
}
const F = {
  bias: feature('bias'),
  ...Object.fromEntries(SOURCES.map((s) => [`src_${s}`, feature(`src:${s}`)])),
  ...Object.fromEntries(VARIANTS.map((v) => [`var_${v}`, feature(`variant:${v}`)])),
  onlyStripped: feature('only-after-site-strip'),
  onlyTagline: feature('only-after-tagline-drop'),
  votes: feature('sources-agreeing'),
  structuredVotes: feature('structured-sources-agreeing'),
  allStructuredAgree: feature('all-structured-agree'),
  maxDiceOther: feature('max-dice-other-source'),
  meanDiceStructured: feature('mean-dice-structured'),
  diceH1: feature('dice-with-h1'),
  diceRule: feature('dice-with-rule-pick'),
  containsRule: feature('contains-rule-pick'),
  insideRule: feature('inside-rule-pick'),
  words: feature('words/10'),
  logChars: feature('log-chars'),
  lengthVsRule: feature('log-length-ratio-to-rule'),
  hasYear: feature('has-year'),
  digitFirst: feature('digit-first'),
  hasDigit: feature('has-digit'),
  titleCase: feature('title-case-ratio'),
  shouted: feature('all-caps'),
  question: feature('ends-with-question'),
  colon: feature('has-colon'),
  separator: feature('has-spaced-separator'),
  bracket: feature('has-bracket'),
  headlineLike: feature('headline-shaped'),
  bodyCount: feature('occurrences-in-body'),
  notInBody: feature('not-in-body'),
  slugDice: feature('url-slug-dice'),
  slugCover: feature('url-slug-covered'),
  siteNameSim: feature('similar-to-site-name'),
  hasHeading: feature('is-a-heading'),
  headingDepth: feature('heading-depth/20'),
  inArticle: feature('heading-in-article-or-main'),
  inNoise: feature('heading-in-noise-region'),
  headingRank: feature('heading-rank-among-h1'),
  h1Count: feature('page-h1-count/5'),
  headingIsRule: feature('heading-and-rule'),
  h1FoundInArticle: feature('h1-and-in-article'),
  h1FoundNoStructuredAgree: feature('h1-and-no-structured-agrees'),
  structuredAndH1Related: feature('structured-and-h1-related'),
  markedHeadline: feature('heading-marked-as-title'),
  insideTitleTag: feature('inside-raw-title-tag'),
  coversH1: feature('share-of-h1-words-covered'),
  coveredByH1: feature('share-of-words-in-h1'),
} as Record<string, number>;
const DIMENSIONS = FEATURE_NAMES.length;

/** Class, id or itemprop words CMSs give the article's headline element (entry-title, post-title, headline). */
const MARKED_HEADLINE = /title|headline/;
const YEAR = /\b(?:19|20)\d\d\b/;
const SPACED_SEPARATOR = /\s[|\-–—·•»«:~›]\s|\s\|/;

/** Every candidate title of a page with its feature vector. Pure: reads the DOM, never changes it. */
export function pageCandidates(ctx: TitleContext, url: string | null): PageCandidates {
  const rule = extractTitle(ctx);
  const rulePick = rule.value;
  const byKey = new Map<string, TitleCandidate>();
  const add = (text: string, source: CandidateSource, variant: CandidateVariant, element: Element | null = null): void => {
    const t = clean(text);
    const key = titleKey(t);
    if (!key || t.length > 400) return;
    let c = byKey.get(key);
    if (!c) {
      c = { text: t, key, origins: [], element, features: [] };
      byKey.set(key, c);
    }
    if (!c.origins.some((o) => o.source === source && o.variant === variant)) c.origins.push({ source, variant });
    if (!c.element && element) c.element = element;
  };
  if (rulePick) add(rulePick, 'rule', 'raw');

  const structured = structuredTitles(ctx);
  const references = structured.map(([, t]) => stripSiteName(t, ctx.siteNames));
  const headline = findHeadline(ctx.doc, references, ctx.siteNames);
  const h1Text = headline ? decodeLiteralEntities(visibleText(headline, 400)) : '';
  if (headline && h1Text) {
    add(h1Text, 'h1', 'raw', headline);
    add(dropTagline(h1Text, true), 'h1', 'tagline', headline);
  }
  const h1s = Array.from(ctx.doc.querySelectorAll('h1')).slice(0, 20);
  for (const h of h1s.slice(0, 6)) {
    if (h === headline) continue;
    const t = decodeLiteralEntities(visibleText(h, 400));
    if (t.length >= 3 && !isExactlySiteName(t, ctx.siteNames)) add(t, 'h1-other', 'raw', h);
  }
  const h2s = Array.from(ctx.doc.querySelectorAll('h2')).slice(0, 30);
  let h2Taken = 0;
  for (const h of h2s) {
    if (h2Taken >= 3) break;
    const t = decodeLiteralEntities(visibleText(h, 400));
    if (t.split(' ').length < 2 || inNoiseRegion(h)) continue;
    add(t, 'h2', 'raw', h);
    h2Taken++;
  }
  const confirmed = [h1Text].filter(Boolean);
  for (const [source, raw] of structured) {
    add(raw, source, 'raw');
    const stripped = stripSiteName(raw, ctx.siteNames, confirmed);
    add(stripped, source, 'stripped');
    add(dropTagline(stripped), source, 'tagline');
  }

  // per-source best text (the most processed variant), for agreement and similarity
  const sourceText = new Map<CandidateSource, string>();
  if (h1Text) sourceText.set('h1', h1Text);
  for (const [source, raw] of structured) sourceText.set(source, dropTagline(stripSiteName(raw, ctx.siteNames, confirmed)));
  const structuredPresent = STRUCTURED.filter((s) => sourceText.has(s));
  const structuredKeys = new Set(structuredPresent.map((s) => titleKey(sourceText.get(s)!)));
  const body = foldedBody(ctx.doc);
  const slug = slugTokens(url);
  const ruleLen = rulePick ? rulePick.length : 0;
  const ruleFold = rulePick ? fold(rulePick) : '';
  const headlineInArticle = headline ? !!headline.closest('article, main, [role="main"]') : false;
  const h1RelatedToStructured = h1Text ? Math.max(0, ...structuredPresent.map((s) => similarity(h1Text, sourceText.get(s)!))) : 0;

  const titleTagRaw = structured.find(([s]) => s === 'title')?.[1];
  const titleTagFold = titleTagRaw ? fold(titleTagRaw) : '';
  const h1Tokens = tokenSet(h1Text);

  const candidates = [...byKey.values()];
  for (const c of candidates) {
    const x = new Array<number>(DIMENSIONS).fill(0);
    x[F.bias] = 1;
    const sources = new Set(c.origins.map((o) => o.source));
    for (const s of sources) x[F[`src_${s}`]] = 1;
    for (const o of c.origins) x[F[`var_${o.variant}`]] = 1;
    x[F.onlyStripped] = c.origins.every((o) => o.variant !== 'raw') ? 1 : 0;
    x[F.onlyTagline] = c.origins.every((o) => o.variant === 'tagline') ? 1 : 0;
    // exact agreement: how many voting sources give this text as their best reading, or in any variant
    const voters = VOTING.filter((s) => sources.has(s));
    x[F.votes] = voters.length / 3;
    x[F.structuredVotes] = STRUCTURED.filter((s) => sources.has(s)).length / 3;
    x[F.allStructuredAgree] = structuredPresent.length >= 2 && structuredKeys.size === 1 && structuredKeys.has(c.key) ? 1 : 0;
    const sims = [...sourceText].filter(([s]) => !sources.has(s)).map(([, t]) => similarity(c.text, t));
    x[F.maxDiceOther] = sims.length ? Math.max(...sims) : 0;
    const structSims = structuredPresent.map((s) => similarity(c.text, sourceText.get(s)!));
    x[F.meanDiceStructured] = structSims.length ? structSims.reduce((a, b) => a + b, 0) / structSims.length : 0;
    x[F.diceH1] = h1Text ? similarity(c.text, h1Text) : 0;
    x[F.diceRule] = rulePick ? similarity(c.text, rulePick) : 0;
    const cf = fold(c.text);
    x[F.containsRule] = ruleFold && cf !== ruleFold && cf.includes(ruleFold) ? 1 : 0;
    x[F.insideRule] = ruleFold && cf !== ruleFold && ruleFold.includes(cf) ? 1 : 0;
    const words = c.text.split(/\s+/).filter(Boolean);
    x[F.words] = words.length / 10;
    x[F.logChars] = Math.log(1 + c.text.length) / 5;
    x[F.lengthVsRule] = ruleLen ? Math.log((c.text.length + 1) / (ruleLen + 1)) : 0;
    x[F.hasYear] = YEAR.test(c.text) ? 1 : 0;
    x[F.digitFirst] = /^\d/.test(c.text) ? 1 : 0;
    x[F.hasDigit] = /\d/.test(c.text) ? 1 : 0;
    const lettered = words.filter((w) => /\p{L}/u.test(w));
    x[F.titleCase] = lettered.length ? lettered.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length / lettered.length : 0;
    x[F.shouted] = isShouted(c.text) ? 1 : 0;
    x[F.question] = /\?\s*$/.test(c.text) ? 1 : 0;
    x[F.colon] = c.text.includes(':') ? 1 : 0;
    x[F.separator] = SPACED_SEPARATOR.test(c.text) ? 1 : 0;
    x[F.bracket] = /[[\]()]/.test(c.text) ? 1 : 0;
    x[F.headlineLike] = isHeadlineLike(c.text) ? 1 : 0;
    const occurrences = cf ? countOccurrences(body, ` ${cf} `, 4) : 0;
    x[F.bodyCount] = occurrences / 4;
    x[F.notInBody] = occurrences === 0 ? 1 : 0;
    const ct = tokenSet(c.text);
    if (slug.size && ct.size) {
      let shared = 0;
      for (const t of slug) if (ct.has(t)) shared++;
      x[F.slugDice] = (2 * shared) / (slug.size + ct.size);
      x[F.slugCover] = shared / slug.size;
    }
    x[F.siteNameSim] = Math.max(0, ...ctx.siteNames.map((n) => similarity(n, c.text)));
    if (c.element) {
      x[F.hasHeading] = 1;
      x[F.headingDepth] = Math.min(depthOf(c.element), 60) / 20;
      x[F.inArticle] = c.element.closest('article, main, [role="main"]') ? 1 : 0;
      x[F.inNoise] = headingInNoise(c.element) ? 1 : 0;
      const rank = h1s.indexOf(c.element as HTMLHeadingElement);
      x[F.headingRank] = rank >= 0 ? Math.min(rank, 5) / 5 : 1;
    }
    x[F.h1Count] = Math.min(h1s.length, 10) / 5;
    x[F.headingIsRule] = sources.has('h1') && sources.has('rule') ? 1 : 0;
    x[F.h1FoundInArticle] = sources.has('h1') && headlineInArticle ? 1 : 0;
    x[F.h1FoundNoStructuredAgree] = sources.has('h1') && !structuredKeys.has(c.key) ? 1 : 0;
    x[F.structuredAndH1Related] = STRUCTURED.some((s) => sources.has(s)) && !sources.has('h1') ? h1RelatedToStructured : 0;
    if (c.element) x[F.markedHeadline] = MARKED_HEADLINE.test(`${classAndId(c.element)} ${c.element.getAttribute('itemprop') ?? ''}`) ? 1 : 0;
    x[F.insideTitleTag] = titleTagFold && cf && titleTagFold.includes(cf) && !sources.has('title') ? 1 : 0;
    if (h1Tokens.size && ct.size) {
      let shared = 0;
      for (const t of h1Tokens) if (ct.has(t)) shared++;
      x[F.coversH1] = shared / h1Tokens.size;
      x[F.coveredByH1] = shared / ct.size;
    }
    c.features = x;
  }
  return { rulePick, candidates };
}
