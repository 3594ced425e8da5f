/**
 * bench:search — full-text search: what the index costs at write time and how fast queries answer.
 *
 * Corpus: N generated news-like articles (bench/lib/synthetic-news.ts: a small vocabulary, so common
 * words match most of the corpus, the hard case for ranking), plus the main content of every WCXB
 * page when ../shared is present (real vocabulary). Written the way ingest writes (64 per transaction).
 *
 * (a) SQLite write throughput with the FTS5 index against the same store with its index triggers
 *     dropped, and the time to index an existing database from scratch (what migration 3 does).
 * (b) Query latency, median and 95th percentile over 20 runs, for query shapes chosen by document
 *     frequency in the corpus (a word in most articles, in a few percent, in a handful; a phrase; OR;
 *     an exclusion; a prefix; a filter; newest first), limit 20 with the total counted.
 * (c) The same on PostgreSQL (a throwaway local cluster), when it is installed.
 *
 *   node --import tsx bench/search.ts [articles=20000]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { recordId } from '../src/ingest/record-id.js';
import type { Article } from '../src/model.js';
import type { PreparedRecord } from '../src/pipeline.js';
import { relateKeys } from '../src/similarity/relate-keys.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { SearchQuery, Store } from '../src/store/store.js';
import { createDatabase, startTempCluster } from '../test/helpers/pg-cluster.js';
import { storeInBatches } from './lib/store-in-batches.js';
import { syntheticDoc } from './lib/synthetic-news.js';

const COUNT = Number(process.argv[2] ?? 20000);
const RUNS = 20;
const WCXB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench', 'wcxb');

function wcxbTexts(): Array<{ title: string; text: string }> {
  if (!existsSync(WCXB)) return [];
  const out: Array<{ title: string; text: string }> = [];
  for (const split of ['dev', 'test']) {
    const dir = join(WCXB, split, 'ground-truth');
    for (const f of readdirSync(dir)) {
      const gt = JSON.parse(readFileSync(join(dir, f), 'utf8')).ground_truth;
      if (gt.main_content) out.push({ title: gt.title ?? '', text: gt.main_content });
    }
  }
  return out;
}

function corpus(): PreparedRecord[] {
  const docs: Array<{ title: string; text: string }> = [];
  for (let i = 0; i < COUNT; i++) {
    const d = syntheticDoc(11, i);
    const [title, ...rest] = d.text.split('\n\n');
    docs.push({ title, text: rest.join('\n\n') });
  }
  docs.push(...wcxbTexts());
  return docs.map(({ title, text }, i) => {
    const bytes = new TextEncoder().encode(`${title}\n\n${text}\n${i}`);
    const id = recordId('text', bytes);
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const article: Article = {
      id, text, title, publishedAt: day, outlet: `Outlet ${i % 20}`, byline: null, language: 'en', url: null, canonicalUrl: null,
      dateline: null, metaSources: {}, removals: [], repairs: [],
      quality: { spamScore: 0, garbleScore: 0, removedShare: 0, chars: text.length, words: 0, paragraphs: 0, runTogetherWords: 0, brokenSentenceStarts: 0 },
    };
    return { raw: { id, type: 'text', bytes, origin: { path: `/bench/${i}.txt`, reader: 'text' }, hints: {} }, article, keys: relateKeys(text) };
  });
}

/** Milliseconds to store `records` as ingest does. */
async function write(store: Store, records: PreparedRecord[]): Promise<number> {
  const t0 = performance.now();
  await storeInBatches(store, records, 0.8);
  return performance.now() - t0;
}

/**
 * Function words a search engine may leave out of its index (PostgreSQL's English configuration
 * does): query words are picked among the others, so both stores answer the same question.
 */
const FUNCTION_WORDS = new Set(
  'about above after again against because been before being below between both could does doing down during each from further have having here itself just more most once only other over same should some such than that their theirs them then there these they this those through under until very were what when where which while whom will with would your yours'.split(' '),
);

/** Query shapes from the corpus's own words, picked by how many articles hold them. */
function queries(records: PreparedRecord[]): Array<[string, SearchQuery]> {
  const tokens = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const df = new Map<string, number>();
  for (const r of records) for (const w of new Set(tokens(r.article.text))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = records.length;
  const content = [...df].filter(([w]) => w.length >= 4 && !FUNCTION_WORDS.has(w));
  const byShare = (share: number) => [...content].sort((a, b) => Math.abs(a[1] / n - share) - Math.abs(b[1] / n - share)).map(([w]) => w);
  const common = byShare(0.5)[0];
  const [mid, mid2] = byShare(0.03);
  const rare = content.find(([, c]) => c === 3)?.[0] ?? mid;
  // a phrase: two adjacent content words of one article (a real one when WCXB is there), each in
  // under a fifth of the corpus
  const words = tokens(records[n > COUNT ? COUNT + 7 : Math.floor(n / 2)].article.text);
  const usable = (w: string) => w.length >= 4 && !FUNCTION_WORDS.has(w) && (df.get(w) ?? 0) / n < 0.2;
  let phrase = `${mid} ${mid2}`;
  for (let i = 0; i + 1 < words.length; i++) {
    if (usable(words[i]) && usable(words[i + 1])) {
      phrase = `${words[i]} ${words[i + 1]}`;
      break;
    }
  }
  return [
    [`common word (${common})`, { q: common }],
    [`mid word (${mid})`, { q: mid }],
    [`rare word (${rare})`, { q: rare }],
    [`two words`, { q: `${mid} ${common}` }],
    [`phrase ("${phrase}")`, { q: `"${phrase}"` }],
    [`OR`, { q: `${mid} OR ${mid2}` }],
    [`exclusion`, { q: `${common} -${mid}` }],
    [`prefix (${mid.slice(0, 4)}*)`, { q: `${mid.slice(0, 4)}*` }],
    [`mid word, one outlet`, { q: mid, outlet: 'Outlet 3' }],
    [`mid word, one month`, { q: mid, since: '2025-05', until: '2025-05' }],
    [`common word, newest first`, { q: common, sort: 'recent' }],
  ];
}

async function latency(store: Store, shapes: Array<[string, SearchQuery]>): Promise<void> {
  for (const [label, query] of shapes) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      total = (await store.search({ ...query, limit: 20 })).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)];
    const p95 = times[Math.floor(RUNS * 0.95)];
    console.log(`  ${label.padEnd(38)} ${String(total).padStart(6)} hits   median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
  }
}

const records = corpus();
const chars = records.reduce((k, r) => k + r.article.text.length, 0);
console.log(`corpus: ${records.length} articles (${COUNT} generated + ${records.length - COUNT} WCXB main contents), ${(chars / 1e6).toFixed(1)} M characters`);
const shapes = queries(records);

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-search-'));
try {
  // (a) the index's cost at write time: the same writes to a store whose index triggers are gone
  const bare = join(dir, 'bare.db');
  new SqliteStore(bare).close();
  const db = new Database(bare);
  db.exec('DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update;');
  db.close();
  const without = new SqliteStore(bare);
  const bareMs = await write(without, records);
  without.close();
  const indexed = new SqliteStore(join(dir, 'indexed.db'));
  const indexedMs = await write(indexed, records);
  const rate = (ms: number) => `${((records.length / ms) * 1000).toFixed(0)} articles/s`;
  console.log(`(a) SQLite writes: ${rate(indexedMs)} with the index, ${rate(bareMs)} without (×${(bareMs / indexedMs).toFixed(2)})`);
  const again = new Database(join(dir, 'indexed.db'));
  const t0 = performance.now();
  again.exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
  const rebuildMs = performance.now() - t0;
  again.close();
  console.log(`    indexing the whole stored corpus at once (migration 3 on an existing database): ${(rebuildMs / 1000).toFixed(1)} s`);
  console.log('(b) SQLite queries (limit 20, total counted):');
  await latency(indexed, shapes);
  indexed.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cluster = await startTempCluster();
if ('skip' in cluster) {
  console.log(`(c) PostgreSQL: skipped (${cluster.skip})`);
} else {
  try {
    const store = await PostgresStore.open(await createDatabase(cluster.url, 'bench_search'));
    const ms = await write(store, records);
    console.log(`(c) PostgreSQL writes: ${((records.length / ms) * 1000).toFixed(0)} articles/s with the index; queries (limit 20, total counted):`);
    await latency(store, shapes);
    await store.close();
  } finally {
    await cluster.stop();
  }
}
