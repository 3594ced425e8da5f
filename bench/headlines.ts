/**
 * Headline-only story clustering on the UCI News Aggregator stream (see ../shared/bench/uci-news/SOURCE.md):
 * pairwise and BCubed P/R/F1 against the aggregator's story labels, headlines per second.
 *
 *   node --import tsx bench/headlines.ts           # 3-week file (68k headlines)
 *   node --import tsx bench/headlines.ts --full    # all 423k headlines
 *   node --import tsx bench/headlines.ts --opts '{"headline":{"joinThreshold":0.4}}'
 *   node --import tsx bench/headlines.ts --shuffle-day   # robustness check, see below
 *
 * Caveat, measured: TIMESTAMP is the crawl time of each aggregator cluster, not the publication
 * time: 98% of consecutive rows share a story and a story's rows span seconds (median). A stream in
 * TIMESTAMP order therefore arrives in per-story bursts, which flatters any time-aware method, more
 * so the shorter its window. `--shuffle-day` shuffles rows within each UTC day (deterministic
 * seed) to remove the bursts while keeping the day-level timeline: the figure to trust more.
 *
 * The file is streamed (gunzip → csv-parse) in TIMESTAMP order through a small reorder buffer;
 * the clusterer holds only the active window. The truth and predicted labels (two strings per
 * headline) are kept for scoring: that is the benchmark's memory, not the clusterer's.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { StoryClusterer, type ClusterOptions, type Story } from '../src/stories/cluster.js';
import { clusterScores, fmt } from './gen/metrics.js';
import { mulberry32 } from '../src/similarity/hash.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '..', '..', 'shared', 'bench', 'uci-news');
const full = process.argv.includes('--full');
const file = path.join(dir, full ? 'uci-news-aggregator.csv.gz' : 'uci-news-3weeks.csv.gz');
const shuffleDay = process.argv.includes('--shuffle-day');
const optsArg = process.argv.indexOf('--opts');
const overrides: Partial<ClusterOptions> = optsArg >= 0 ? JSON.parse(process.argv[optsArg + 1]) : {};

interface Row {
  id: string;
  title: string;
  publisher: string;
  story: string;
  time: number;
}

/** Rows come almost sorted by TIMESTAMP; a bounded buffer puts the few stragglers in order. */
const REORDER = 2000;
const DAY = 86_400_000;

async function main(): Promise<void> {
  if (!existsSync(file)) {
    console.log(`skipped: ${file} not found (needs ../shared)`);
    return;
  }
  // the product's own settings: a headline with no body is clustered in headline mode by default
  const clusterer = new StoryClusterer(overrides);
  const truth = new Map<string, string>();
  const predicted = new Map<string, string>();
  const record = (stories: Story[]) => {
    for (const s of stories) for (const a of s.articles) predicted.set(a, s.id);
  };
  let clusterMs = 0;
  let n = 0;
  let peakActive = 0;
  let peakHeap = 0;
  const place = (row: Row) => {
    truth.set(row.id, row.story);
    const t0 = performance.now();
    clusterer.add({ id: row.id, title: row.title, text: '', publishedAt: row.time, outlet: row.publisher });
    if (++n % 2000 === 0) {
      record(clusterer.closeBefore());
      peakActive = Math.max(peakActive, clusterer.activeCount);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    clusterMs += performance.now() - t0;
  };

  const buffer: Row[] = [];
  // --shuffle-day: hold one UTC day of rows, shuffle it, give each row a random time within the day.
  let dayRows: Row[] = [];
  let currentDay = -1;
  const rand = mulberry32(20140310);
  const flushDay = () => {
    for (let i = dayRows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [dayRows[i], dayRows[j]] = [dayRows[j], dayRows[i]];
    }
    const start = currentDay * DAY;
    dayRows.forEach((row, i) => place({ ...row, time: start + Math.floor((i / dayRows.length) * DAY) }));
    dayRows = [];
  };
  const emit = (row: Row) => {
    if (!shuffleDay) return place(row);
    const day = Math.floor(row.time / DAY);
    if (day !== currentDay && dayRows.length) flushDay();
    currentDay = day;
    dayRows.push(row);
  };
  const parser = createReadStream(file).pipe(createGunzip()).pipe(parse({ columns: true, relax_quotes: true }));
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    buffer.push({ id: rec.ID, title: rec.TITLE, publisher: rec.PUBLISHER, story: rec.STORY, time: Number(rec.TIMESTAMP) });
    if (buffer.length >= REORDER) {
      buffer.sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id));
      for (const row of buffer.splice(0, REORDER / 2)) emit(row);
    }
  }
  buffer.sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id));
  for (const row of buffer) emit(row);
  if (dayRows.length) flushDay();
  record(clusterer.closeAll());

  const { pairwise, bcubed } = clusterScores(predicted, truth);
  console.log(`${path.basename(file)}${shuffleDay ? ' (shuffled within each day)' : ''}: ${n} headlines, ${new Set(truth.values()).size} labelled stories, ${new Set(predicted.values()).size} predicted`);
  console.log(`options: ${JSON.stringify(clusterer.options.headline)} (headline mode, below ${clusterer.options.headlineTokens} body words)`);
  console.log(`pairwise: ${fmt(pairwise)}`);
  console.log(`BCubed:   ${fmt(bcubed)}`);
  console.log(`throughput: ${((n / clusterMs) * 1000).toFixed(0)} headlines/s (clustering only, ${(clusterMs / 1000).toFixed(1)} s)`);
  console.log(`peak active stories ${peakActive}; peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB (includes the scoring maps)`);
}

await main();
