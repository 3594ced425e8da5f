/**
 * Cleaning benchmark on labelled article bodies from ../shared/bench (read at run time):
 *  1. false removals: cleanText on ground-truth bodies, which are already clean, should remove
 *     (almost) nothing; prints the share of pages and characters removed, by reason;
 *  2. synthetic keyword tails appended to each body: lower-case lines of 2–4 content words (not
 *     function words) drawn from *another* page's vocabulary, lower-case windows of 2–4 running
 *     words of another page, and (tag-like) lines of the page's own content words; prints the share
 *     removed as spam-keywords (recall) and the prose kept;
 *  3. garble on clean bodies: mean garbleScore (should be low);
 *  4. speed: MB/s over all bodies, and one 1 MB line without spaces;
 *  6. after HTML extraction: the article-extraction benchmark's shingle P/R/F1 of our HTML extractor's
 *     text before and after cleanText (cleaning should raise precision without costing recall);
 *  7. the same on WCXB dev article pages with WCXB's bag-of-words P/R/F1.
 * Usage: node --import tsx bench/clean.ts [--show N]   (N: print N sample removals per reason)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cleanText } from '../src/extract/clean/index.js';
import { qualitySignals } from '../src/extract/quality.js';
import { FUNCTION_WORDS } from '../src/extract/clean/rules.js';
import { extractHtml } from '../src/extract/html/index.js';
import { BENCH_DIR, loadPages, scorePage, summarise } from './extract.js';

const shared = new URL('../../shared/bench/', import.meta.url);
const showArg = process.argv.indexOf('--show');
const show = showArg > 0 ? Number(process.argv[showArg + 1] ?? 3) : 0;

function bodies(): string[] {
  const out: string[] = [];
  const ae = new URL('article-extraction/ground-truth.json', shared);
  if (existsSync(ae)) {
    const truth = JSON.parse(readFileSync(ae, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const v of Object.values(truth)) if (v.articleBody && v.articleBody.length > 200) out.push(v.articleBody);
  }
  const wc = new URL('wcxb/dev/ground-truth/', shared);
  if (existsSync(wc)) {
    for (const f of readdirSync(wc).sort()) {
      const g = JSON.parse(readFileSync(new URL(f, wc), 'utf8')) as { ground_truth?: { main_content?: string } };
      const body = g.ground_truth?.main_content;
      if (body && body.length > 200) out.push(body);
    }
  }
  return out;
}

/** A deterministic pseudo-random generator (so runs compare). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const docs = bodies();
if (docs.length === 0) {
  console.log('clean bench: needs ../shared/bench (absent)');
  process.exit(0);
}

// 1 + 3: false removals and garble on clean bodies.
let chars = 0;
let removedChars = 0;
let pagesWithRemoval = 0;
let garble = 0;
const byReason = new Map<string, { n: number; chars: number; samples: string[] }>();
let ms = 0;
// repairs on text that needs none are false repairs (a few whitespace ones are real typos)
const repairsByKind = new Map<string, { n: number; samples: string[] }>();
// each body's own clean paragraphs, which the synthetic layouts below check are kept (cleaned once)
const cleanParagraphs: string[][] = [];
for (const body of docs) {
  const t = performance.now();
  const r = cleanText(body);
  ms += performance.now() - t;
  cleanParagraphs.push(r.text.split('\n\n'));
  chars += body.length;
  if (r.removals.length) pagesWithRemoval++;
  for (const x of r.removals) {
    removedChars += x.text.length;
    const key = `${x.reason}/${x.rule}`;
    const e = byReason.get(key) ?? { n: 0, chars: 0, samples: [] };
    e.n++;
    e.chars += x.text.length;
    if (e.samples.length < show) e.samples.push(x.text.slice(0, 100));
    byReason.set(key, e);
  }
  garble += qualitySignals({ original: body, clean: r }).garbleScore;
  for (const x of r.repairs) {
    const e = repairsByKind.get(x.kind) ?? { n: 0, samples: [] };
    e.n++;
    if (e.samples.length < show) e.samples.push(`${x.before} → ${x.after}`);
    repairsByKind.set(x.kind, e);
  }
}
console.log(`clean bodies: ${docs.length} pages, ${(chars / 1e6).toFixed(2)} MB`);
console.log(`  pages with any removal: ${(100 * pagesWithRemoval / docs.length).toFixed(1)}%`);
console.log(`  characters removed:     ${(100 * removedChars / chars).toFixed(3)}%`);
for (const [k, e] of [...byReason].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`    ${k}: ${e.n} lines, ${e.chars} chars`);
  for (const s of e.samples) console.log(`      | ${s}`);
}
console.log(`  mean garbleScore on clean bodies: ${(garble / docs.length).toFixed(3)}`);
console.log(`  repairs on clean bodies: ${[...repairsByKind].map(([k, e]) => `${k} ${e.n}`).join(', ') || 'none'}`);
for (const [k, e] of repairsByKind) for (const x of e.samples) console.log(`    ${k} | ${x}`);
console.log(`  speed: ${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);

// 2: synthetic keyword tails, three kinds: bags of 2–4 content words drawn from another page,
// windows of 2–4 consecutive words of another page (query-like, function words included), and bags
// of the page's own content words (tag lines on the story's topic).
function syntheticTails(kind: 'bag' | 'window' | 'own', layout: 'lines' | 'one-line' | 'one-line-title-case' | 'glued' | 'glued-no-space' | 'first-line-glued' = 'lines'): void {
  const random = rng(42);
  let tailLines = 0;
  let tailRemoved = 0;
  let proseParas = 0;
  let proseKept = 0;
  const missed: string[] = [];
  const lost: string[] = [];
  for (let d = 0; d < docs.length; d++) {
    // 'own': tag-like lines of the page's own content words (keywords on the story's topic)
    const otherText = docs[kind === 'own' ? d : (d + 7) % docs.length].toLowerCase();
    const other = (otherText.match(/\p{L}{3,}/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
    const sequence = otherText.match(/\p{L}+/gu) ?? [];
    if (other.length < 20) continue;
    const tail: string[] = [];
    const n = 2 + Math.floor(random() * 5);
    for (let i = 0; i < n; i++) {
      const words = 2 + Math.floor(random() * 3);
      if (kind === 'bag' || kind === 'own') {
        const line: string[] = [];
        for (let w = 0; w < words; w++) line.push(other[Math.floor(random() * other.length)]);
        tail.push(line.join(' '));
      } else {
        const at = Math.floor(random() * (sequence.length - words));
        tail.push(sequence.slice(at, at + words).join(' '));
      }
    }
    // lines: one keyword line each; one-line: the list flattened onto one line after the body;
    // glued: that line appended to the body's last paragraph (line breaks lost in the crawl), with
    // or without a space; first-line-glued: only the first line's break lost, without a space
    const byLine = layout === 'lines' || layout === 'first-line-glued';
    const pieces = byLine ? tail : [tail.join(' ')];
    const body = docs[d].trimEnd();
    // title case: every word capitalised, as keyword lists are typed too
    if (layout === 'one-line-title-case') pieces[0] = pieces[0].replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
    const input =
      layout === 'lines' ? docs[d] + '\n\n' + tail.join('\n')
      : layout === 'one-line' || layout === 'one-line-title-case' ? docs[d] + '\n\n' + pieces[0]
      : layout === 'glued' ? body + ' ' + pieces[0]
      : layout === 'glued-no-space' ? body + pieces[0]
      : body + tail.join('\n');
    const r = cleanText(input);
    const spam = new Set(r.removals.filter((x) => x.reason === 'spam-keywords').map((x) => x.text.trim()));
    tailLines += pieces.length;
    for (const l of pieces) {
      if (spam.has(l)) tailRemoved++;
      else if (missed.length < show) missed.push(l);
    }
    const clean = cleanParagraphs[d];
    const out = new Set(r.text.split('\n\n'));
    proseParas += clean.length;
    for (const p of clean) {
      if (out.has(p)) proseKept++;
      else if (lost.length < show) lost.push(p.slice(0, 90));
    }
  }
  const label = `${kind === 'bag' ? 'bags of content words' : kind === 'own' ? "bags of the page's own content words" : 'windows of running words'}${layout === 'lines' ? '' : `, ${layout}`}`;
  console.log(`synthetic keyword tails (${label}): ${tailLines} ${byLineLayout(layout) ? 'lines' : 'tails'}, removed as spam ${(100 * tailRemoved / tailLines).toFixed(1)}%`);
  for (const m of missed) console.log(`    missed | ${m}`);
  console.log(`  paragraphs of the body kept: ${(100 * proseKept / proseParas).toFixed(2)}%`);
  for (const l of lost) console.log(`    lost | ${l}`);
}
syntheticTails('bag');
syntheticTails('window');
syntheticTails('own');
syntheticTails('bag', 'one-line');
syntheticTails('bag', 'one-line-title-case');
syntheticTails('bag', 'glued');
syntheticTails('bag', 'glued-no-space');
syntheticTails('bag', 'first-line-glued');

// 2b: boilerplate lines glued onto the last paragraph (a crawl that lost their line breaks): two
// to four generic lines per page, with a space; the share cut with a boilerplate reason, and the
// body paragraphs kept (the last one without its glued tail).
function gluedBoilerplate(): void {
  const lines = [
    'Disclaimer: This post is for informational purposes only and does not constitute financial advice.',
    'Leave a Reply', 'Your email address will not be published.', 'Required fields are marked *',
    'Share this article', 'Tags: news, world, politics', '#news #world #politics',
    'Follow us on Twitter for more updates.', 'Thanks for reading!', 'Read more: The week in review',
    'Copyright 2024 Example Media. All rights reserved.', 'Subscribe to our newsletter',
  ];
  const random = rng(7);
  let glued = 0;
  let cut = 0;
  let paras = 0;
  let kept = 0;
  const missed: string[] = [];
  docs.forEach((doc, d) => {
    const n = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * lines.length);
    const tail = Array.from({ length: n }, (_, k) => lines[(start + k) % lines.length]);
    const r = cleanText(doc.trimEnd() + ' ' + tail.join(' '));
    const removed = r.removals.map((x) => x.text.trim()).join(' ');
    glued += tail.length;
    for (const l of tail) {
      if (removed.includes(l)) cut++;
      else if (missed.length < show) missed.push(l);
    }
    paras += cleanParagraphs[d].length;
    for (const p of cleanParagraphs[d]) if (r.text.includes(p)) kept++;
  });
  console.log(`boilerplate lines glued to the last paragraph: ${glued} lines, cut ${(100 * cut / glued).toFixed(1)}%`);
  for (const m of missed) console.log(`    missed | ${m}`);
  console.log(`  paragraphs of the body kept: ${(100 * kept / paras).toFixed(2)}%`);
}
gluedBoilerplate();

function byLineLayout(layout: string): boolean {
  return layout === 'lines' || layout === 'first-line-glued';
}

// 5: WCXB dev "without" snippets (text a page shows that is not article content), appended as
// lines after the body: the share cleaning removes, by reason. Many are sidebar prose or headlines,
// which only HTML extraction can drop, so this is a floor on what line rules catch, not a recall.
const wc = new URL('wcxb/dev/ground-truth/', shared);
if (existsSync(wc)) {
  let snippets = 0;
  let removedSnippets = 0;
  const reasons = new Map<string, number>();
  const kept: string[] = [];
  for (const f of readdirSync(wc).sort()) {
    const g = JSON.parse(readFileSync(new URL(f, wc), 'utf8')) as { ground_truth?: { main_content?: string; without?: string[] } };
    const body = g.ground_truth?.main_content;
    const without = (g.ground_truth?.without ?? []).map((w) => w.trim()).filter((w) => w && !w.includes('\n'));
    if (!body || without.length === 0) continue;
    const r = cleanText(body + '\n\n' + without.join('\n\n'));
    const removed = new Map(r.removals.map((x) => [x.text.trim(), x.reason]));
    for (const w of without) {
      snippets++;
      const reason = removed.get(w);
      if (reason) {
        removedSnippets++;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      } else if (kept.length < show) kept.push(w.slice(0, 90));
    }
  }
  console.log(`WCXB dev "without" snippets as tail lines: ${snippets}, removed ${(100 * removedSnippets / snippets).toFixed(1)}%`);
  console.log(`  by reason: ${[...reasons].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const k of kept) console.log(`    kept | ${k}`);
}

// 6: after HTML extraction.
if (existsSync(BENCH_DIR)) {
  const raw = [];
  const cleaned = [];
  for (const page of loadPages()) {
    const extracted = extractHtml(page.html).text;
    raw.push(scorePage(page.id, page.truth, extracted));
    cleaned.push(scorePage(page.id, page.truth, cleanText(extracted).text));
  }
  const fmt = (x: ReturnType<typeof summarise>) => `F1 ${x.f1.toFixed(4)}  P ${x.precision.toFixed(4)}  R ${x.recall.toFixed(4)}`;
  console.log(`article-extraction (${raw.length} pages), our HTML extraction:`);
  console.log(`  without cleanText: ${fmt(summarise('raw', raw, []))}`);
  console.log(`  with cleanText:    ${fmt(summarise('clean', cleaned, []))}`);
}

// 7: WCXB dev pages after HTML extraction, bag-of-words metric (see its SOURCE.md).
const wcDev = new URL('wcxb/dev/', shared);
if (existsSync(wcDev)) {
  const bag = (t: string) => {
    const m = new Map<string, number>();
    for (const w of t.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const prf = (truth: string, pred: string) => {
    const t = bag(truth);
    const p = bag(pred);
    let tp = 0;
    let np = 0;
    let nt = 0;
    for (const [k, c] of p) {
      tp += Math.min(c, t.get(k) ?? 0);
      np += c;
    }
    for (const c of t.values()) nt += c;
    const pr = np ? tp / np : 0;
    const rc = nt ? tp / nt : 0;
    return [pr, rc, pr + rc ? (2 * pr * rc) / (pr + rc) : 0];
  };
  const sums = { raw: [0, 0, 0], clean: [0, 0, 0] };
  let n = 0;
  for (const f of readdirSync(new URL('ground-truth/', wcDev)).sort()) {
    const htmlFile = new URL(`html/${f.replace(/\.json$/, '')}.html.gz`, wcDev);
    if (!existsSync(htmlFile)) continue;
    const truth = (JSON.parse(readFileSync(new URL(`ground-truth/${f}`, wcDev), 'utf8')) as { ground_truth?: { main_content?: string } })
      .ground_truth?.main_content ?? '';
    const extracted = extractHtml(gunzipSync(readFileSync(htmlFile)).toString('utf8')).text;
    prf(truth, extracted).forEach((x, k) => (sums.raw[k] += x));
    prf(truth, cleanText(extracted).text).forEach((x, k) => (sums.clean[k] += x));
    n++;
  }
  const fmt = (v: number[]) => `F1 ${(v[2] / n).toFixed(4)}  P ${(v[0] / n).toFixed(4)}  R ${(v[1] / n).toFixed(4)}`;
  console.log(`WCXB dev (${n} article pages), our HTML extraction:`);
  console.log(`  without cleanText: ${fmt(sums.raw)}`);
  console.log(`  with cleanText:    ${fmt(sums.clean)}`);
}

// 4: hostile input.
for (const [name, text] of [
  ['1 MB line without spaces', 'x'.repeat(1_000_000)],
  ['1 MB of one-word paragraphs (170k units, worst case)', 'word\n\n'.repeat(170_000)],
  ['1 MB with a repair every 4 characters', 'a , '.repeat(250_000)],
]) {
  const t = performance.now();
  cleanText(text);
  console.log(`${name}: ${(performance.now() - t).toFixed(0)} ms`);
}
