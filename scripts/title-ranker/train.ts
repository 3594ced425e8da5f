/**
 * Can a trained title-candidate ranker beat the hand-written title rules? Trains a listwise softmax
 * ranker (linear scores, L2, full-batch gradient descent; hand-written, it is tiny) over the
 * candidates of features.ts, on WCXB dev only, and measures it by 5-fold cross-validation grouped by
 * domain (one site is never in train and eval at once). Never reads the test split.
 *
 *   node --import tsx scripts/title-ranker/train.ts [--lambda L | --nested] [--hidden H] [--drop F,F]
 *                                                  [--folds K] [--seed S] [--conflicts] [--cache FILE] [--weights] [--write]
 *
 * Prints: rule accuracy per fold and overall; the candidate oracle (how often any candidate is right);
 * ranker CV accuracy; the ranker allowed to override the rule pick only above a score margin (curve);
 * --nested: lambda chosen inside each training fold (the honest figure; a lambda picked by looking at
 * the CV result itself is optimistic). --hidden: a tanh layer beside the linear term. --drop: ablation.
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
import { mulberry32 } from '../../src/similarity/hash.js';

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
  /** Feature names to zero out (ablation), comma-separated on the command line. */
  drop: string[];
  /** Hidden units of the optional tanh layer (0: linear ranker). */
  hidden: number;
  /** Choose lambda inside each training fold (inner domain-grouped CV) instead of fixing it. */
  nested: boolean;
  /** Print the h1-versus-structured conflict analysis. */
  conflicts: boolean;
  /** Shuffles domains of equal size before they are dealt to folds (0: by name). */
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { lambda: 0.01, cache: null, weights: false, write: false, folds: 5, drop: [], hidden: 0, nested: false, conflicts: false, seed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--lambda') a.lambda = Number(argv[++i]);
    else if (k === '--cache') a.cache = argv[++i];
    else if (k === '--weights') a.weights = true;
    else if (k === '--write') a.write = true;
    else if (k === '--folds') a.folds = Number(argv[++i]);
    else if (k === '--nested') a.nested = true;
    else if (k === '--conflicts') a.conflicts = true;
    else if (k === '--seed') a.seed = Number(argv[++i]);
    else if (k === '--hidden') a.hidden = Number(argv[++i]);
    else if (k === '--drop') a.drop = argv[++i].split(',');
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
function pick(score: Scorer, r: PageRow, margin: number): number {
  if (!r.features.length) return -1;
  const scores = r.features.map(score);
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  if (r.ruleIndex < 0 || margin <= 0) return best;
  return scores[best] - scores[r.ruleIndex] > margin ? best : r.ruleIndex;
}

type Scorer = (x: number[]) => number;

/** Deterministic small random numbers in [-0.5, 0.5), for the hidden layer's starting weights. */
function seeded(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() - 0.5;
}

/**
 * The same listwise loss with one tanh hidden layer beside the linear term: score = u·x + v·tanh(Wx).
 * A check whether interactions (an h1 that is in the article AND unconfirmed...) help a linear model.
 */
function trainMlp(rows: PageRow[], dims: number, hidden: number, lambda: number, epochs = 400): Scorer {
  const rand = seeded(7);
  const params = dims + hidden + hidden * dims;
  const w = new Float64Array(params); // [u (dims) | v (hidden) | W (hidden × dims)]
  for (let i = dims + hidden; i < params; i++) w[i] = rand() * 0.2;
  for (let j = 0; j < hidden; j++) w[dims + j] = rand() * 0.2;
  const forward = (x: number[], h: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < dims; i++) s += w[i] * x[i];
    for (let j = 0; j < hidden; j++) {
      let a = 0;
      const base = dims + hidden + j * dims;
      for (let i = 0; i < dims; i++) a += w[base + i] * x[i];
      h[j] = Math.tanh(a);
      s += w[dims + j] * h[j];
    }
    return s;
  };
  const m = new Float64Array(params);
  const v2 = new Float64Array(params);
  const usable = rows.filter((r) => r.gold >= 0 && r.features.length > 1);
  const lr = 0.02;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(params);
    for (const r of usable) {
      const hs = r.features.map(() => new Float64Array(hidden));
      const scores = r.features.map((x, c) => forward(x, hs[c]));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      for (let c = 0; c < r.features.length; c++) {
        const g = exps[c] / z - (c === r.gold ? 1 : 0);
        const x = r.features[c];
        const h = hs[c];
        for (let i = 0; i < dims; i++) grad[i] += g * x[i];
        for (let j = 0; j < hidden; j++) {
          grad[dims + j] += g * h[j];
          const back = g * w[dims + j] * (1 - h[j] * h[j]);
          if (back === 0) continue;
          const base = dims + hidden + j * dims;
          for (let i = 0; i < dims; i++) grad[base + i] += back * x[i];
        }
      }
    }
    for (let i = 0; i < params; i++) {
      const g = grad[i] / usable.length + lambda * w[i];
      m[i] = 0.9 * m[i] + 0.1 * g;
      v2[i] = 0.999 * v2[i] + 0.001 * g * g;
      w[i] -= (lr * (m[i] / (1 - 0.9 ** epoch))) / (Math.sqrt(v2[i] / (1 - 0.999 ** epoch)) + 1e-8);
    }
  }
  const h = new Float64Array(hidden);
  return (x) => forward(x, h);
}

function linear(w: Float64Array): Scorer {
  return (x) => dot(w, x);
}

function correct(r: PageRow, chosen: number): boolean {
  if (chosen === r.ruleIndex) return r.ruleCorrect;
  return chosen >= 0 && chosen === r.gold;
}

/** Domains dealt to folds, largest first, each to the fold with fewest pages so far: balanced and deterministic. */
function foldsByDomain(rows: PageRow[], k: number, seed = 0): number[] {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.domain, (sizes.get(r.domain) ?? 0) + 1);
  const rand = seeded(seed);
  const tieBreak = new Map([...sizes.keys()].map((d) => [d, seed ? rand() : 0]));
  const order = [...sizes].sort((a, b) => b[1] - a[1] || tieBreak.get(a[0])! - tieBreak.get(b[0])! || (a[0] < b[0] ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [d, n] of order) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(d, f);
    load[f] += n;
  }
  return rows.map((r) => foldOf.get(r.domain)!);
}

function fit(rows: PageRow[], dims: number, hidden: number, lambda: number): Scorer {
  return hidden > 0 ? trainMlp(rows, dims, hidden, lambda) : linear(train(rows, dims, lambda));
}

const LAMBDAS = [0.001, 0.002, 0.003, 0.005, 0.01, 0.03];

/** The lambda with the best accuracy by a 4-fold domain-grouped CV inside `rows` (ties: the larger, simpler model). */
function chooseLambda(rows: PageRow[], dims: number, hidden: number): number {
  const inner = foldsByDomain(rows, 4);
  let best = LAMBDAS[LAMBDAS.length - 1];
  let bestHits = -1;
  for (const lambda of [...LAMBDAS].reverse()) {
    let hits = 0;
    for (let f = 0; f < 4; f++) {
      const score = fit(rows.filter((_, i) => inner[i] !== f), dims, hidden, lambda);
      hits += rows.filter((r, i) => inner[i] === f && correct(r, pick(score, r, 0))).length;
    }
    if (hits > bestHits) {
      best = lambda;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * The decision the ranker would have to learn: the rule keeps an h1 that no structured title repeats,
 * while several structured titles agree on another text. For each feature, the AUC of "the structured
 * text is the truth" against "the h1 is", read on the difference (structured − h1) and on each side.
 */
function conflictReport(rows: PageRow[]): void {
  const fi = (name: string): number => FEATURE_NAMES.indexOf(name);
  const data: Array<{ y: boolean; x: number[] }> = [];
  for (const r of rows) {
    if (r.ruleIndex < 0) continue;
    const h1 = r.features[r.ruleIndex];
    if (!h1[fi('src:h1')] || !h1[fi('h1-and-no-structured-agrees')]) continue;
    let alt = -1;
    r.features.forEach((x, i) => {
      if (i !== r.ruleIndex && x[fi('structured-sources-agreeing')] > (alt < 0 ? 0 : r.features[alt][fi('structured-sources-agreeing')])) alt = i;
    });
    if (alt < 0 || (r.gold !== alt && r.gold !== r.ruleIndex)) continue;
    data.push({ y: r.gold === alt, x: [...r.features[alt].map((v, i) => v - h1[i]), ...h1, ...r.features[alt]] });
  }
  const names = [...FEATURE_NAMES.map((n) => `diff:${n}`), ...FEATURE_NAMES.map((n) => `h1:${n}`), ...FEATURE_NAMES.map((n) => `structured:${n}`)];
  const pos = data.filter((d) => d.y);
  const neg = data.filter((d) => !d.y);
  console.log(`\nconflict pages (rule keeps an unconfirmed h1, structured titles offer another): ${data.length}; truth = structured on ${pos.length}, = h1 on ${neg.length}`);
  const aucs = names.map((name, k) => {
    let s = 0;
    for (const p of pos) for (const q of neg) s += p.x[k] > q.x[k] ? 1 : p.x[k] === q.x[k] ? 0.5 : 0;
    return [name, s / Math.max(1, pos.length * neg.length)] as const;
  });
  console.log('most separating single features (AUC, 0.5 = none):');
  for (const [name, auc] of [...aucs].sort((a, b) => Math.abs(b[1] - 0.5) - Math.abs(a[1] - 0.5)).slice(0, 12)) console.log(`  ${auc.toFixed(3)}  ${name}`);
  // The most a one-feature override rule could gain, chosen in-sample (so optimistic): flip to the
  // structured text when the feature is above (or below) a threshold; pages gained minus pages lost.
  let best = { gain: 0, rule: 'none' };
  names.forEach((name, k) => {
    for (const t of new Set(data.map((d) => d.x[k]))) {
      for (const above of [true, false]) {
        const flipped = data.filter((d) => (above ? d.x[k] > t : d.x[k] < t));
        const gain = flipped.filter((d) => d.y).length - flipped.filter((d) => !d.y).length;
        if (gain > best.gain) best = { gain, rule: `${name} ${above ? '>' : '<'} ${t.toFixed(3)} (${flipped.length} flips)` };
      }
    }
  });
  console.log(`best single-threshold override, chosen in-sample: +${best.gain} pages (${best.rule})`);
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
  const dropped = args.drop.map((name) => {
    const i = FEATURE_NAMES.indexOf(name);
    if (i < 0) throw new Error(`no feature ${name}`);
    return i;
  });
  for (const r of rows) for (const x of r.features) for (const i of dropped) x[i] = 0;
  const n = rows.length;
  const dims = FEATURE_NAMES.length;
  const ruleHits = rows.filter((r) => r.ruleCorrect).length;
  const oracle = rows.filter((r) => r.gold >= 0).length;
  const meanCands = rows.reduce((a, r) => a + r.features.length, 0) / n;
  console.log(`pages ${n}, features ${dims}, candidates/page ${meanCands.toFixed(1)}`);
  console.log(`rule accuracy ${(ruleHits / n).toFixed(3)} (${ruleHits}/${n}); candidate oracle ${(oracle / n).toFixed(3)} (${oracle}/${n})`);

  if (args.conflicts) conflictReport(rows);
  const fold = foldsByDomain(rows, args.folds, args.seed);
  const chosen: number[] = [];
  const hits = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  const overrides = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  console.log(`\n${args.folds}-fold CV grouped by domain, lambda ${args.nested ? 'chosen by inner CV' : args.lambda}${args.hidden ? `, ${args.hidden} hidden units` : ', linear'}`);
  console.log('fold  pages  domains  rule    ranker');
  for (let f = 0; f < args.folds; f++) {
    const trainRows = rows.filter((_, i) => fold[i] !== f);
    const evalRows = rows.filter((_, i) => fold[i] === f);
    const lambda = args.nested ? chooseLambda(trainRows, dims, args.hidden) : args.lambda;
    if (args.nested) chosen.push(lambda);
    const w = fit(trainRows, dims, args.hidden, lambda);
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
  if (args.nested) console.log(`lambda chosen per fold by inner CV: ${chosen.join(', ')}`);
  console.log(`all   ${String(n).padEnd(6)} ${String(new Set(rows.map((r) => r.domain)).size).padEnd(8)} ${(ruleHits / n).toFixed(3)}   ${(hits.get(0)! / n).toFixed(3)}`);
  console.log('\noverride the rule pick only when the ranker\'s best beats it by a margin (CV):');
  console.log('margin  accuracy  pages  vs rule  overrides');
  for (const m of MARGINS) {
    const h = hits.get(m)!;
    console.log(`${m.toFixed(2).padEnd(7)} ${(h / n).toFixed(3)}     ${String(h).padEnd(6)} ${(h - ruleHits >= 0 ? '+' : '') + (h - ruleHits)}`.padEnd(36) + `${overrides.get(m)}`);
  }

  if (args.weights || args.write) {
    const w = train(rows, dims, args.nested ? chooseLambda(rows, dims, 0) : args.lambda);
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
