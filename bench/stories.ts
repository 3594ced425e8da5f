/**
 * Story benchmark on a generated corpus with known truth (bench/gen/corpus.ts): story clustering
 * (pairwise and BCubed P/R/F1), copy/spin detection (P/R), throughput and peak memory.
 *
 *   node --import tsx bench/stories.ts            # 10k and 100k articles
 *   node --import tsx bench/stories.ts --quick    # 10k only
 *   node --import tsx bench/stories.ts --articles 20000 --seed 3
 */
import { generateCorpus } from './gen/corpus.js';
import { clusterScores, fmt } from './gen/metrics.js';
import { Relater } from '../src/stories/relate.js';

interface RunFigures {
  articles: number;
  seconds: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function run(articles: number, seed: number): RunFigures {
  const relater = new Relater();
  const truthStory = new Map<string, string>();
  const truthDerived = new Map<string, { source: string; kind: string }>();
  const predicted = new Map<string, string>();
  const predDerived = new Map<string, { source: string; kind: string }>();
  let relateMs = 0;
  let relateCpuUs = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let maxWindow = 0;
  let n = 0;
  const record = (stories: ReturnType<Relater['closeAll']>) => {
    for (const s of stories) for (const a of s.articles) predicted.set(a, s.id);
  };
  for (const a of generateCorpus({ articles, seed })) {
    truthStory.set(a.id, a.story);
    if (a.derivedFrom) truthDerived.set(a.id, { source: a.derivedFrom, kind: a.derivation! });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = relater.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet });
    if (r.derivedFrom) predDerived.set(a.id, { source: r.derivedFrom.source, kind: r.derivedFrom.kind });
    for (const d of r.sourceOf) predDerived.set(d.derived, { source: d.source, kind: d.kind });
    if (++n % 1000 === 0) {
      record(relater.closeStories());
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      maxWindow = Math.max(maxWindow, relater.windowSize);
    }
    relateMs += performance.now() - t0;
    relateCpuUs += process.cpuUsage(c0).user;
  }
  record(relater.closeAll());

  const { pairwise, bcubed } = clusterScores(predicted, truthStory);
  let found = 0;
  let foundKind = 0;
  for (const [id, p] of predDerived) {
    const t = truthDerived.get(id);
    if (t && t.source === p.source) {
      found++;
      if (t.kind === p.kind) foundKind++;
    }
  }
  const perKind = (kind: string) => {
    let tp = 0;
    let pred = 0;
    let truth = 0;
    for (const [id, p] of predDerived) {
      if (p.kind !== kind) continue;
      pred++;
      const t = truthDerived.get(id);
      if (t && t.source === p.source && t.kind === kind) tp++;
    }
    for (const t of truthDerived.values()) if (t.kind === kind) truth++;
    return `P ${(tp / Math.max(1, pred)).toFixed(3)}  R ${(tp / Math.max(1, truth)).toFixed(3)}  (${pred} predicted, ${truth} true)`;
  };
  const seconds = relateMs / 1000;
  console.log(`\n== ${articles} articles (seed ${seed}), ${new Set(truthStory.values()).size} true stories, ${new Set(predicted.values()).size} predicted`);
  console.log(`stories pairwise: ${fmt(pairwise)}`);
  console.log(`stories BCubed:   ${fmt(bcubed)}`);
  console.log(`derivations (source found, any kind): P ${(found / Math.max(1, predDerived.size)).toFixed(3)}  R ${(found / Math.max(1, truthDerived.size)).toFixed(3)}  (${predDerived.size} predicted, ${truthDerived.size} true)`);
  console.log(`derivations (source and kind right): P ${(foundKind / Math.max(1, predDerived.size)).toFixed(3)}  R ${(foundKind / Math.max(1, truthDerived.size)).toFixed(3)}`);
  console.log(`  copy-of: ${perKind('copy-of')}`);
  console.log(`  spin-of: ${perKind('spin-of')}`);
  console.log(`throughput: ${(articles / seconds).toFixed(0)} articles/s to relate and cluster (${seconds.toFixed(1)} s wall, generation excluded)`);
  // CPU time is the fairer figure on a shared machine: wall time counts other processes' turns.
  console.log(`            ${(articles / (relateCpuUs / 1e6)).toFixed(0)} articles per CPU-second (user time of this process, incl. GC threads)`);
  console.log(`peak memory: rss ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB; window peak ${maxWindow} articles`);
  return { articles, seconds };
}

const seed = Number(arg('--seed') ?? 7);
const sizes = arg('--articles') ? [Number(arg('--articles'))] : process.argv.includes('--quick') ? [10_000] : [10_000, 100_000];
for (const size of sizes) run(size, seed);
