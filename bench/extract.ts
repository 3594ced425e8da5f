/**
 * bench:extract — main-content extraction quality and speed on the 181-page article-extraction benchmark
 * (../shared/bench/article-extraction, metric as its SOURCE.md defines it), for our extractor and for
 * Readability.js 0.6 over linkedom, in the same process on the same input.
 *
 *   node --import tsx bench/extract.ts            # table, ratios, lowest-F1 pages of ours
 *   node --import tsx bench/extract.ts --json     # figures as JSON
 *   node --import tsx bench/extract.ts --worst 25 # show more low pages
 *   node --import tsx bench/extract.ts --only ours --page <id>  # print one page's output (debugging)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../src/extract/html/dom.js';
import { extractMainContent } from '../src/extract/html/content.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = path.resolve(repoRoot, '..', 'shared', 'bench', 'article-extraction');

export interface BenchPage {
  id: string;
  html: string;
  truth: string;
}

export function loadPages(dir: string = BENCH_DIR): BenchPage[] {
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const files = readdirSync(path.join(dir, 'html')).filter((f) => f.endsWith('.html')).sort();
  return files.map((f) => {
    const id = f.slice(0, -'.html'.length);
    return { id, html: readFileSync(path.join(dir, 'html', f), 'utf8'), truth: truth[id]?.articleBody ?? '' };
  });
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const bag = new Map<string, number>();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2] + ' ' + tokens[i + 3];
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  // The benchmark's shingling keeps short texts as one shingle so a 1–3 token page still compares.
  if (tokens.length > 0 && tokens.length < 4) bag.set(tokens.join(' '), 1);
  return bag;
}

export interface PageScore {
  id: string;
  /** tp, fp, fn normalised by their sum. */
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number;
  exact: boolean;
}

/** One page's score: shingle multisets, counts normalised so every page weighs the same. */
export function scorePage(id: string, truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const sum = tp + fp + fn;
  const ntp = sum ? tp / sum : 0;
  const nfp = sum ? fp / sum : 0;
  const nfn = sum ? fn / sum : 0;
  const precision = fp === 0 && fn === 0 ? 1 : ntp + nfp > 0 ? ntp / (ntp + nfp) : null;
  const recall = fp === 0 && fn === 0 ? 1 : ntp + nfn > 0 ? ntp / (ntp + nfn) : null;
  const pr = (precision ?? 0) + (recall ?? 0);
  const f1 = pr > 0 ? (2 * (precision ?? 0) * (recall ?? 0)) / pr : 0;
  const tt = truth.match(TOKEN) ?? [];
  const pt = predicted.match(TOKEN) ?? [];
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i]);
  return { id, tp: ntp, fp: nfp, fn: nfn, precision, recall, f1, exact };
}

export interface SystemFigures {
  system: string;
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  msMean: number;
  msP95: number;
  pagesPerSecond: number;
  pages: PageScore[];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

export function summarise(system: string, pages: PageScore[], ms: number[]): SystemFigures {
  const precision = mean(pages.map((p) => p.precision).filter((x): x is number => x !== null));
  const recall = mean(pages.map((p) => p.recall).filter((x): x is number => x !== null));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const sorted = [...ms].sort((a, b) => a - b);
  const msMean = mean(ms);
  return {
    system,
    f1,
    precision,
    recall,
    accuracy: pages.filter((p) => p.exact).length / Math.max(1, pages.length),
    msMean,
    msP95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
    pagesPerSecond: msMean > 0 ? 1000 / msMean : 0,
    pages,
  };
}

export type Extractor = (html: string) => string;

/** Our extractor: parse + main content, the text as the pipeline sees it. */
export const ours: Extractor = (html) => extractMainContent(parseHtml(html)).paragraphs.join('\n\n');

/** Readability.js over linkedom: the reference the issue asks us to beat. */
export const readability: Extractor = (html) => {
  const doc = parseHtml(html);
  const article = new Readability(doc as never).parse();
  return article?.textContent ?? '';
};

export function runSystem(system: string, extractor: Extractor, pages: BenchPage[]): SystemFigures {
  const ms: number[] = [];
  const scores: PageScore[] = [];
  for (const page of pages) {
    const t0 = performance.now();
    const text = extractor(page.html);
    ms.push(performance.now() - t0);
    scores.push(scorePage(page.id, page.truth, text));
  }
  return summarise(system, scores, ms);
}

function fmt(f: SystemFigures): string {
  return [
    f.system.padEnd(12),
    f.f1.toFixed(3).padStart(6),
    f.precision.toFixed(3).padStart(6),
    f.recall.toFixed(3).padStart(6),
    f.accuracy.toFixed(3).padStart(6),
    f.msMean.toFixed(1).padStart(8),
    f.msP95.toFixed(1).padStart(8),
    f.pagesPerSecond.toFixed(0).padStart(7),
  ].join(' ');
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const worstAt = args.indexOf('--worst');
  const worstN = worstAt >= 0 ? Number(args[worstAt + 1]) : 12;
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
  const pageAt = args.indexOf('--page');
  if (!existsSync(BENCH_DIR)) {
    console.error(`bench:extract needs ${BENCH_DIR} (absent)`);
    process.exit(2);
  }
  let pages = loadPages();
  if (pageAt >= 0) {
    const id = args[pageAt + 1];
    pages = pages.filter((p) => p.id.startsWith(id));
    for (const p of pages) {
      const text = ours(p.html);
      const s = scorePage(p.id, p.truth, text);
      console.log(`# ${p.id} F1 ${s.f1.toFixed(3)} P ${s.precision?.toFixed(3)} R ${s.recall?.toFixed(3)}`);
      console.log('--- ours ---\n' + text + '\n--- truth ---\n' + p.truth);
    }
    return;
  }
  // Warm up both (JIT, lazy module init) on a few pages so the first system measured is not penalised.
  for (const p of pages.slice(0, 5)) {
    ours(p.html);
    readability(p.html);
  }
  const results: SystemFigures[] = [];
  if (only !== 'readability') results.push(runSystem('ours', ours, pages));
  if (only !== 'ours') results.push(runSystem('readability', readability, pages));
  const [a, b] = results;
  if (json) {
    const out = {
      pages: pages.length,
      systems: results.map(({ pages: _p, ...rest }) => rest),
      ratios: a && b ? { f1: a.f1 / b.f1, speed: a.pagesPerSecond / b.pagesPerSecond } : null,
      lowest: a ? [...a.pages].sort((x, y) => x.f1 - y.f1).slice(0, worstN).map((p) => ({ id: p.id, f1: p.f1 })) : [],
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  console.log(`article-extraction benchmark: ${pages.length} pages (parse + extract, one core)`);
  console.log('system           F1      P      R    acc  ms/page   p95 ms  pages/s');
  for (const r of results) console.log(fmt(r));
  if (a && b) {
    console.log(`ratios ours/readability: F1 ${(a.f1 / b.f1).toFixed(3)}, speed ${(a.pagesPerSecond / b.pagesPerSecond).toFixed(2)}x`);
  }
  if (a) {
    console.log(`lowest-F1 pages (${a.system}):`);
    for (const p of [...a.pages].sort((x, y) => x.f1 - y.f1).slice(0, worstN)) {
      console.log(`  ${p.id.slice(0, 16)}  F1 ${p.f1.toFixed(3)}  P ${(p.precision ?? 0).toFixed(3)}  R ${(p.recall ?? 0).toFixed(3)}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
