/**
 * bench:meta — HTML main content and metadata on WCXB (../shared/bench/wcxb, see its SOURCE.md).
 *
 * Main content: the benchmark's published word F1 (lower-case `[\p{L}\p{N}_]+` bags of words,
 * P/R/F1 per page, averaged), for all page types and for articles only.
 * Metadata (the benchmark publishes no metric; ours, over pages whose truth is set): publication
 * date (same day), title (normalised exact match; SQuAD-style looser match printed for reference),
 * author (normalised names compared as a set).
 * Mozilla Readability (over linkedom, same process, same input) runs alongside as the baseline.
 *
 *   node --import tsx bench/meta.ts [--split dev|test] [--limit N] [--json] [--show-misses]
 *                                   [--worst N] [--pages-json FILE] [--no-baseline] [--only ID,ID]
 *
 * --worst N: the N content pages with the lowest word F1 (ours), with P/R and Readability's F1.
 * --pages-json FILE: per-page P/R/F1 of ours as JSON (to diff two runs while tuning).
 * --no-baseline: skip Readability (halves the run time while tuning; its columns read 0).
 * --only: score only these page ids.
 *
 * Tune on dev (articles only), report on test.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../src/extract/html/dom.js';
import { extractMetadata, type HtmlMetadata } from '../src/extract/html/metadata.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WCXB = path.resolve(here, '..', '..', 'shared', 'bench', 'wcxb');

interface Args {
  split: 'dev' | 'test';
  limit: number;
  json: boolean;
  showMisses: boolean;
  worst: number;
  pagesJson: string | null;
  baseline: boolean;
  only: Set<string> | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { split: 'test', limit: Infinity, json: false, showMisses: false, worst: 0, pagesJson: null, baseline: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') {
      const v = argv[++i];
      if (v !== 'dev' && v !== 'test') throw new Error(`--split must be dev or test, got ${v}`);
      args.split = v;
    } else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (a === '--show-misses') args.showMisses = true;
    else if (a === '--worst') args.worst = Number(argv[++i]);
    else if (a === '--pages-json') args.pagesJson = argv[++i];
    else if (a === '--no-baseline') args.baseline = false;
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

export interface Truth {
  id: string;
  url: string;
  type: string;
  title: string | null;
  author: string | null;
  date: string | null;
  content: string;
}

/** Ground-truth records of one split, in id order. */
export function loadTruth(split: 'dev' | 'test', root = WCXB): Truth[] {
  const dir = path.join(root, split, 'ground-truth');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      const gt = j.ground_truth ?? {};
      return {
        id: f.replace(/\.json$/, ''),
        url: j.url,
        type: j._internal?.page_type?.primary ?? j.page_type ?? 'unknown',
        title: gt.title || null,
        author: gt.author || null,
        date: gt.publish_date || null,
        content: gt.main_content ?? '',
      };
    });
}

export function loadHtml(split: 'dev' | 'test', id: string, root = WCXB): string {
  return gunzipSync(readFileSync(path.join(root, split, 'html', `${id}.html.gz`))).toString('utf8');
}

// ---- metrics -------------------------------------------------------------------------------

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The published WCXB word F1 of one page. */
export function wordF1(predicted: string, reference: string): { p: number; r: number; f: number } {
  const a = bag(predicted);
  const b = bag(reference);
  let na = 0;
  let nb = 0;
  let shared = 0;
  for (const v of a.values()) na += v;
  for (const [w, v] of b) {
    nb += v;
    shared += Math.min(v, a.get(w) ?? 0);
  }
  if (na === 0 && nb === 0) return { p: 1, r: 1, f: 1 };
  if (na === 0 || nb === 0) return { p: 0, r: 0, f: 0 };
  const p = shared / na;
  const r = shared / nb;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Title normalisation: case, whitespace, quote and dash variants, punctuation at the ends. */
export function normTitle(t: string | null | undefined): string {
  return (t ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}

/**
 * The looser normalisation of SQuAD's exact match, printed beside ours for reference: all
 * punctuation and symbols and the articles a/an/the dropped ("The Best X -- Y" = "Best X: Y").
 */
export function normTitleLoose(t: string | null | undefined): string {
  return normTitle(t)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Credentials after a name ("MS", "RD", "Ph.D.", "E-RYT 200") are not separate authors. */
const CREDENTIAL = /^(?:[A-Z][A-Za-z]?\.?){1,4}(?:-[A-Z]{1,4})?(?:\s\d{2,3})?$|^ph\.?\s?d\.?$/i;

/** Author names as a set: split on commas, "and", "&"; credentials and honorifics dropped; names normalised. */
export function authorSet(a: string | null | undefined): Set<string> {
  const names = (a ?? '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s && !(CREDENTIAL.test(s) && !/\s/.test(s.replace(/\s\d+$/, '')) && s.length <= 8));
  // honorifics are not part of the name either ("Dr. Andrew Huberman" = "Andrew Huberman")
  return new Set(names.map((n) => normTitle(n.replace(/^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?\s+/i, ''))).filter(Boolean));
}

export function sameAuthors(truth: string, got: string | null): boolean {
  const a = authorSet(truth);
  const b = authorSet(got);
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function sameDay(truth: string, got: string | null | undefined): boolean {
  if (!got) return false;
  return truth.length === 7 ? got.slice(0, 7) === truth : got.slice(0, 10) === truth;
}

// ---- systems -------------------------------------------------------------------------------

interface SystemOutput {
  text: string;
  title: string | null;
  date: string | null;
  author: string | null;
  ms: number;
}

type ExtractHtml = (html: string, opts: { url?: string }) => { text: string; metadata: HtmlMetadata };

/** Our extractor: extractHtml when the content module exists; until then metadata over Readability's text. */
async function loadOurs(): Promise<{ name: string; run: (html: string, url: string) => SystemOutput }> {
  const indexPath = path.resolve(here, '..', 'src', 'extract', 'html', 'index.ts');
  if (existsSync(indexPath)) {
    const mod = (await import('../src/extract/html/index.js')) as { extractHtml: ExtractHtml };
    return {
      name: 'parallax',
      run: (html, url) => {
        const t0 = performance.now();
        const r = mod.extractHtml(html, { url });
        const ms = performance.now() - t0;
        return { text: r.text, title: r.metadata.title, date: r.metadata.publishedAt, author: r.metadata.byline, ms };
      },
    };
  }
  return {
    name: 'parallax-metadata+readability-content',
    run: (html, url) => {
      const t0 = performance.now();
      const doc = parseHtml(html);
      const meta = extractMetadata(doc, html, url);
      const r = runReadability(html, url);
      return { text: r.text, title: meta.title, date: meta.publishedAt, author: meta.byline, ms: performance.now() - t0 };
    },
  };
}

function runReadability(html: string, url: string): SystemOutput {
  const t0 = performance.now();
  let out: SystemOutput = { text: '', title: null, date: null, author: null, ms: 0 };
  try {
    const doc = parseHtml(html);
    // Readability resolves relative links against documentURI; linkedom has none, so give it one
    try {
      Object.defineProperty(doc, 'documentURI', { value: url, configurable: true });
      Object.defineProperty(doc, 'baseURI', { value: url, configurable: true });
    } catch {
      /* read-only in some DOMs: relative links stay relative */
    }
    const r = new Readability(doc as never).parse();
    if (r) out = { text: r.textContent ?? '', title: r.title ?? null, date: r.publishedTime ?? null, author: r.byline ?? null, ms: 0 };
  } catch {
    /* Readability fails on some pages: count as empty output */
  }
  out.ms = performance.now() - t0;
  return out;
}

// ---- scoring -------------------------------------------------------------------------------

interface Tally {
  n: number;
  hit: number;
}
const tally = (): Tally => ({ n: 0, hit: 0 });
const rate = (t: Tally): number | null => (t.n ? t.hit / t.n : null);

interface Scores {
  pages: number;
  articles: number;
  contentF1All: number;
  contentF1Articles: number;
  date: number | null;
  title: number | null;
  author: number | null;
  dateArticles: number | null;
  titleArticles: number | null;
  authorArticles: number | null;
  /** Title accuracy of articles under normTitleLoose (reference only; the target uses normTitle). */
  titleLooseArticles: number | null;
  counts: { date: number; title: number; author: number; dateArticles: number; titleArticles: number; authorArticles: number };
  msPerPage: number;
  /** Per-page content word P/R/F1, in page order. */
  perPage: Array<{ id: string; type: string; p: number; r: number; f: number }>;
}

function score(truths: Truth[], outputs: SystemOutput[], misses?: string[]): Scores {
  let fAll = 0;
  let fArt = 0;
  let nArt = 0;
  let ms = 0;
  const t = { date: tally(), title: tally(), author: tally(), dateA: tally(), titleA: tally(), authorA: tally() };
  const titleLoose = tally();
  const perPage: Scores['perPage'] = [];
  truths.forEach((truth, i) => {
    const o = outputs[i];
    const prf = wordF1(o.text, truth.content);
    const f = prf.f;
    perPage.push({ id: truth.id, type: truth.type, ...prf });
    fAll += f;
    ms += o.ms;
    const isArticle = truth.type === 'article';
    if (isArticle) {
      fArt += f;
      nArt++;
    }
    const check = (field: 'date' | 'title' | 'author', ok: boolean, expected: string, got: string | null): void => {
      const all = t[field];
      const art = t[`${field}A` as 'dateA' | 'titleA' | 'authorA'];
      all.n++;
      if (ok) all.hit++;
      if (isArticle) {
        art.n++;
        if (ok) art.hit++;
      }
      if (!ok && misses) misses.push(`${truth.id} ${field.padEnd(6)} expected ${JSON.stringify(expected)} got ${JSON.stringify(got)}`);
    };
    if (truth.date) check('date', sameDay(truth.date, o.date), truth.date, o.date);
    if (truth.title) check('title', normTitle(truth.title) === normTitle(o.title), truth.title, o.title);
    if (truth.title && isArticle) {
      titleLoose.n++;
      if (normTitleLoose(truth.title) === normTitleLoose(o.title)) titleLoose.hit++;
    }
    if (truth.author) check('author', sameAuthors(truth.author, o.author), truth.author, o.author);
  });
  return {
    pages: truths.length,
    articles: nArt,
    contentF1All: fAll / Math.max(1, truths.length),
    contentF1Articles: fArt / Math.max(1, nArt),
    date: rate(t.date),
    title: rate(t.title),
    author: rate(t.author),
    dateArticles: rate(t.dateA),
    titleArticles: rate(t.titleA),
    authorArticles: rate(t.authorA),
    titleLooseArticles: rate(titleLoose),
    counts: { date: t.date.n, title: t.title.n, author: t.author.n, dateArticles: t.dateA.n, titleArticles: t.titleA.n, authorArticles: t.authorA.n },
    msPerPage: ms / Math.max(1, truths.length),
    perPage,
  };
}

/** Runs our extractor and Readability over a split; exported for the tests' quick subset check. */
export async function runBench(split: 'dev' | 'test', limit = Infinity, filter: (t: Truth) => boolean = () => true, baseline = true): Promise<{ ours: Scores; readability: Scores; oursName: string; misses: string[] }> {
  const truths = loadTruth(split).filter(filter).slice(0, limit);
  const ours = await loadOurs();
  const oursOut: SystemOutput[] = [];
  const readOut: SystemOutput[] = [];
  for (const truth of truths) {
    const html = loadHtml(split, truth.id);
    oursOut.push(ours.run(html, truth.url));
    readOut.push(baseline ? runReadability(html, truth.url) : { text: '', title: null, date: null, author: null, ms: 0 });
  }
  const misses: string[] = [];
  return { ours: score(truths, oursOut, misses), readability: score(truths, readOut), oursName: ours.name, misses };
}

const fmt = (x: number | null): string => (x === null ? '  —  ' : x.toFixed(3));
const ratio = (a: number | null, b: number | null): string => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(WCXB)) {
    console.error(`bench:meta needs ${WCXB} (absent)`);
    process.exit(1);
  }
  const only = args.only;
  const { ours, readability, oursName, misses } = await runBench(args.split, args.limit, only ? (t) => only.has(t.id) : undefined, args.baseline);
  if (args.json) {
    console.log(JSON.stringify({ split: args.split, system: oursName, ours, readability }, null, 2));
  } else {
    const c = ours.counts;
    console.log(`WCXB ${args.split}: ${ours.pages} pages, ${ours.articles} articles — ${oursName} vs Readability (linkedom)`);
    console.log('metric                         ours    readab.  ratio');
    const row = (label: string, a: number | null, b: number | null): void => console.log(`${label.padEnd(30)} ${fmt(a)}   ${fmt(b)}   ${ratio(a, b)}`);
    row('content word F1, all types', ours.contentF1All, readability.contentF1All);
    row('content word F1, articles', ours.contentF1Articles, readability.contentF1Articles);
    row(`date same day, articles (${c.dateArticles})`, ours.dateArticles, readability.dateArticles);
    row(`title exact, articles (${c.titleArticles})`, ours.titleArticles, readability.titleArticles);
    row(`author set, articles (${c.authorArticles})`, ours.authorArticles, readability.authorArticles);
    row('  title, SQuAD-style loose', ours.titleLooseArticles, readability.titleLooseArticles);
    row(`date same day, all (${c.date})`, ours.date, readability.date);
    row(`title exact, all (${c.title})`, ours.title, readability.title);
    row(`author set, all (${c.author})`, ours.author, readability.author);
    console.log(`${'ms/page'.padEnd(30)} ${ours.msPerPage.toFixed(1).padStart(5)}   ${readability.msPerPage.toFixed(1).padStart(5)}   ${ratio(ours.msPerPage, readability.msPerPage)}`);
  }
  if (args.showMisses) for (const m of misses) console.log(m);
  if (args.worst > 0) {
    const theirs = new Map(readability.perPage.map((x) => [x.id, x.f]));
    const worst = [...ours.perPage].sort((a, b) => a.f - b.f).slice(0, args.worst);
    console.log(`worst ${worst.length} pages by content word F1 (ours): id type F1 P R | readability F1`);
    for (const x of worst) {
      console.log(`${x.id} ${x.type.padEnd(13)} F1 ${x.f.toFixed(3)}  P ${x.p.toFixed(3)}  R ${x.r.toFixed(3)} | ${args.baseline ? (theirs.get(x.id) ?? 0).toFixed(3) : '—'}`);
    }
  }
  if (args.pagesJson) writeFileSync(args.pagesJson, JSON.stringify(ours.perPage));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
