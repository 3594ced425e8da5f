/**
 * Can a trained title-candidate ranker beat the hand-written title rules? Trains a listwise softmax
 * ranker (linear scores, L2, full-batch gradient descent; hand-written, it is tiny) over the
 * candidates of features.ts, on WCXB dev only, and measures it by 5-fold cross-validation grouped by
 * domain (one site is never in train and eval at once). Never reads the test split.
 *
 *   node --import tsx scripts/title-ranker/train.ts [--lambda L] [--cache FILE] [--weights] [--write]
 *
 * Prints: rule accuracy per fold and overall; the candidate oracle (how often any candidate is right);
 * ranker CV accuracy; the ranker allowed to override the rule pick only above a score margin (curve);
 * --weights: the weights learned on all of dev; --write: saves them to data/title-ranker.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHtml, loadTruth, normTitle } from '../../bench/meta.js';
import { parseHtml } from '../../src/extract/html/dom.js';
import { extractMetadata } from '../../src/extract/html/metadata.js';
import { titleContextFor } from './context.js';
import { FEATURE_NAMES, pageCandidates } from './features.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const WCXB = path.resolve(repoRoot, '..', 'shared', 'bench', 'wcxb');

interface PageRow {
  id: string;
  domain: string;
  ruleCorrect: boolean;
  /** Index of the rule pick among the candidates (-1 when the rule picked nothing). */
  ruleIndex: number;
  /** Index of the candidate matching the truth (-1 when none does). */
  gold: number;
  features: number[][];
  texts: string[];
}

interface Args {
  lambda: number;
  cache: string | null;
  weights: boolean;
  write: boolean;
  folds: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { lambda: 0.01, cache: null, weights: false, write: false, folds: 5 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--lambda') a.lambda = Number(argv[++i]);
    else if (k === '--cache') a.cache = argv[++i];
    else if (k === '--weights') a.weights = true;
    else if (k === '--write') a.write = true;
    else if (k === '--folds') a.folds = Number(argv[++i]);
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

function domains(): Map<string, string> {
  const meta = JSON.parse(readFileSync(path.join(WCXB, 'metadata.json'), 'utf8')) as { files: Record<string, { split: string; domain: string }> };
  return new Map(Object.entries(meta.files).map(([id, f]) => [id, f.domain]));
}

/** Candidates and labels of every dev page; `drift` counts pages where the mirrored context disagrees with extractMetadata. */
function buildRows(): { rows: PageRow[]; drift: number } {
  const domainOf = domains();
  const rows: PageRow[] = [];
  let drift = 0;
  for (const truth of loadTruth('dev', WCXB)) {
    if (!truth.title || truth.type !== 'article') continue;
    const html = loadHtml('dev', truth.id, WCXB);
    const doc = parseHtml(html);
    const official = extractMetadata(doc, html, truth.url).title;
    const { rulePick, candidates } = pageCandidates(titleContextFor(doc, truth.url), truth.url);
    if ((official ?? '') !== (rulePick ?? '')) drift++;
    const want = normTitle(truth.title);
    const ruleKey = normTitle(rulePick);
    rows.push({
      id: truth.id,
      domain: domainOf.get(truth.id) ?? truth.id,
      ruleCorrect: normTitle(official) === want,
      ruleIndex: rulePick ? candidates.findIndex((c) => normTitle(c.text) === ruleKey) : -1,
      gold: candidates.findIndex((c) => normTitle(c.text) === want),
      features: candidates.map((c) => c.features),
      texts: candidates.map((c) => c.text),
    });
  }
  return { rows, drift };
}

// ---- the model ------------------------------------------------------------------------------

function dot(w: Float64Array, x: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i] * x[i];
  return s;
}

/** Listwise softmax over a page's candidates: maximise log p(gold); pages without a gold candidate teach nothing. */
function train(rows: PageRow[], dims: number, lambda: number, epochs = 400): Float64Array {
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const usable = rows.filter((r) => r.gold >= 0 && r.features.length > 1);
  const lr = 0.05;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(dims);
    for (const r of usable) {
      const scores = r.features.map((x) => dot(w, x));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      for (let c = 0; c < r.features.length; c++) {
        const p = exps[c] / z - (c === r.gold ? 1 : 0);
        if (p === 0) continue;
        const x = r.features[c];
        for (let i = 0; i < dims; i++) grad[i] += p * x[i];
      }
    }
    // Adam on the mean loss plus L2 (bias included: it cancels in a softmax anyway)
    for (let i = 0; i < dims; i++) {
      const g = grad[i] / usable.length + lambda * w[i];
      m[i] = 0.9 * m[i] + 0.1 * g;
      v[i] = 0.999 * v[i] + 0.001 * g * g;
      const mh = m[i] / (1 - 0.9 ** epoch);
      const vh = v[i] / (1 - 0.999 ** epoch);
      w[i] -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

/** The ranker's pick, falling back to the rule pick unless the best candidate beats it by `margin`. */
function pick(w: Float64Array, r: PageRow, margin: number): number {
  if (!r.features.length) return -1;
  const scores = r.features.map((x) => dot(w, x));
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  if (r.ruleIndex < 0 || margin <= 0) return best;
  return scores[best] - scores[r.ruleIndex] > margin ? best : r.ruleIndex;
}

function correct(r: PageRow, chosen: number): boolean {
  if (chosen === r.ruleIndex) return r.ruleCorrect;
  return chosen >= 0 && chosen === r.gold;
}

/** Domains dealt to folds, largest first, each to the fold with fewest pages so far: balanced and deterministic. */
function foldsByDomain(rows: PageRow[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.domain, (sizes.get(r.domain) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [d, n] of order) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(d, f);
    load[f] += n;
  }
  return rows.map((r) => foldOf.get(r.domain)!);
}

const MARGINS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4];

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(WCXB)) {
    console.error(`title-ranker needs ${WCXB} (absent)`);
    process.exit(1);
  }
  let rows: PageRow[];
  if (args.cache && existsSync(args.cache)) {
    rows = JSON.parse(readFileSync(args.cache, 'utf8')) as PageRow[];
    if (rows[0] && rows[0].features[0]?.length !== FEATURE_NAMES.length) throw new Error('cache built with other features: delete it');
  } else {
    const t0 = performance.now();
    const built = buildRows();
    rows = built.rows;
    console.log(`built candidates for ${rows.length} dev article pages in ${((performance.now() - t0) / 1000).toFixed(1)} s; context drift from extractMetadata on ${built.drift} pages`);
    if (args.cache) writeFileSync(args.cache, JSON.stringify(rows));
  }
  const n = rows.length;
  const dims = FEATURE_NAMES.length;
  const ruleHits = rows.filter((r) => r.ruleCorrect).length;
  const oracle = rows.filter((r) => r.gold >= 0).length;
  const meanCands = rows.reduce((a, r) => a + r.features.length, 0) / n;
  console.log(`pages ${n}, features ${dims}, candidates/page ${meanCands.toFixed(1)}`);
  console.log(`rule accuracy ${(ruleHits / n).toFixed(3)} (${ruleHits}/${n}); candidate oracle ${(oracle / n).toFixed(3)} (${oracle}/${n})`);

  const fold = foldsByDomain(rows, args.folds);
  const hits = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  const overrides = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  console.log(`\n${args.folds}-fold CV grouped by domain, lambda ${args.lambda}`);
  console.log('fold  pages  domains  rule    ranker');
  for (let f = 0; f < args.folds; f++) {
    const trainRows = rows.filter((_, i) => fold[i] !== f);
    const evalRows = rows.filter((_, i) => fold[i] === f);
    const w = train(trainRows, dims, args.lambda);
    for (const m of MARGINS) {
      for (const r of evalRows) {
        const c = pick(w, r, m);
        if (correct(r, c)) hits.set(m, hits.get(m)! + 1);
        if (c !== r.ruleIndex) overrides.set(m, overrides.get(m)! + 1);
      }
    }
    const ruleF = evalRows.filter((r) => r.ruleCorrect).length;
    const rankF = evalRows.filter((r) => correct(r, pick(w, r, 0))).length;
    const doms = new Set(evalRows.map((r) => r.domain)).size;
    console.log(`${String(f).padEnd(5)} ${String(evalRows.length).padEnd(6)} ${String(doms).padEnd(8)} ${(ruleF / evalRows.length).toFixed(3)}   ${(rankF / evalRows.length).toFixed(3)}`);
  }
  console.log(`all   ${String(n).padEnd(6)} ${String(new Set(rows.map((r) => r.domain)).size).padEnd(8)} ${(ruleHits / n).toFixed(3)}   ${(hits.get(0)! / n).toFixed(3)}`);
  console.log('\noverride the rule pick only when the ranker\'s best beats it by a margin (CV):');
  console.log('margin  accuracy  pages  vs rule  overrides');
  for (const m of MARGINS) {
    const h = hits.get(m)!;
    console.log(`${m.toFixed(2).padEnd(7)} ${(h / n).toFixed(3)}     ${String(h).padEnd(6)} ${(h - ruleHits >= 0 ? '+' : '') + (h - ruleHits)}`.padEnd(36) + `${overrides.get(m)}`);
  }

  if (args.weights || args.write) {
    const w = train(rows, dims, args.lambda);
    if (args.weights) {
      const ranked = FEATURE_NAMES.map((name, i) => [name, w[i]] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
      console.log('\nweights trained on all of dev (by size):');
      for (const [name, v] of ranked) console.log(`  ${v >= 0 ? '+' : ''}${v.toFixed(3)}  ${name}`);
    }
    if (args.write) {
      const out = path.join(repoRoot, 'data', 'title-ranker.json');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify({ model: 'listwise-softmax', trainedOn: 'wcxb dev articles', lambda: args.lambda, features: FEATURE_NAMES, weights: Array.from(w, (v) => Number(v.toFixed(5))) }, null, 1)}\n`);
      console.log(`wrote ${path.relative(repoRoot, out)}`);
    }
  }
}

main();
