/**
 * Store write and read throughput: SqliteStore (a file) against PostgresStore (a throwaway local
 * cluster, one writer and two concurrent writers), on generated ~5-KB articles of which some are
 * exact and near copies, stored the way ingest stores them (storePrepared in batches of 64 per
 * transaction). PostgreSQL figures are skipped, with the reason, when it is not installed.
 * Run: node --import tsx bench/store.ts [articles=2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordId } from '../src/ingest/record-id.js';
import type { Article } from '../src/model.js';
import type { PreparedRecord } from '../src/pipeline.js';
import { mulberry32 } from '../src/similarity/hash.js';
import { relateKeys } from '../src/similarity/relate-keys.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { createDatabase, startTempCluster } from '../test/helpers/pg-cluster.js';
import { BATCH, storeInBatches } from './lib/store-in-batches.js';

const COUNT = Number(process.argv[2] ?? 2000);
const NEAR_THRESHOLD = 0.8;

/** Generated articles: 85% new texts, 10% near copies (a few words changed), 5% exact copies (new bytes). */
function generate(count: number): PreparedRecord[] {
  const rand = mulberry32(7);
  const vocab = Array.from({ length: 20000 }, (_, i) => i.toString(36) + 'en'.repeat(1 + (i % 3)));
  const texts: string[] = [];
  const out: PreparedRecord[] = [];
  for (let i = 0; i < count; i++) {
    let text: string;
    const roll = rand();
    if (texts.length > 0 && roll < 0.05) {
      text = texts[Math.floor(rand() * texts.length)];
    } else if (texts.length > 0 && roll < 0.15) {
      const words = texts[Math.floor(rand() * texts.length)].split(' ');
      for (let k = 0; k < 5; k++) words[Math.floor(rand() * words.length)] = vocab[Math.floor(rand() * vocab.length)];
      text = words.join(' ');
    } else {
      const words: string[] = [];
      for (let len = 0; len < 5000; ) {
        const w = vocab[Math.floor(rand() * vocab.length)];
        words.push(w);
        len += w.length + 1;
      }
      text = words.join(' ');
    }
    texts.push(text);
    const html = `<html><head><title>Article ${i}</title></head><body><nav>Home News</nav><p>${text}</p><footer>© Outlet ${i % 20}</footer></body></html>`;
    const bytes = new TextEncoder().encode(html);
    const id = recordId('html', bytes);
    const article: Article = {
      id, text, title: `Article ${i}`, publishedAt: '2025-01-01', outlet: `Outlet ${i % 20}`, byline: null, language: 'en',
      url: `https://outlet${i % 20}.example/a/${i}`, canonicalUrl: null, dateline: null, metaSources: { title: 'title-element' },
      removals: [{ reason: 'navigation', rule: 'nav', text: 'Home News', at: -1 }], repairs: [],
      quality: { spamScore: 0, garbleScore: 0, removedShare: 0.01, chars: text.length, words: 800, paragraphs: 1, runTogetherWords: 0, brokenSentenceStarts: 0 },
    };
    out.push({ raw: { id, type: 'html', bytes, origin: { path: `/crawl/${i}.html`, reader: 'html' }, hints: {} }, article, keys: relateKeys(text) });
  }
  return out;
}


/** The reads the CLI and annotator make over the whole corpus. */
async function read(store: Store): Promise<void> {
  for (let after = 0; ; ) {
    const todo = await store.articlesToAnnotate(1, 256, after);
    if (todo.length === 0) break;
    after = todo[todo.length - 1].seq;
  }
  for (const id of (await store.articleIds()).slice(0, 500)) await store.getArticle(id);
  await store.stats();
  await store.duplicates();
}

function rate(n: number, ms: number): string {
  return `${((n / ms) * 1000).toFixed(0)} docs/s`;
}

async function measure(label: string, stores: Store[], records: PreparedRecord[]): Promise<void> {
  const parts = stores.map((_, w) => records.filter((_, i) => i % stores.length === w));
  let t0 = performance.now();
  const relations = (await Promise.all(stores.map((s, w) => storeInBatches(s, parts[w], NEAR_THRESHOLD)))).reduce((a, b) => a + b, 0);
  const writeMs = performance.now() - t0;
  t0 = performance.now();
  await read(stores[0]);
  const readMs = performance.now() - t0;
  const stats = await stores[0].stats();
  console.log(
    `${label.padEnd(36)} write ${rate(records.length, writeMs).padStart(12)}   read pass ${readMs.toFixed(0).padStart(5)} ms` +
      `   (${stats.documents} stored, ${stats.duplicates.exact} exact + ${stats.duplicates.near} near duplicates, ${relations} relations)`,
  );
}

const records = generate(COUNT);
console.log(`articles: ${records.length} x ~5 KB text, batches of ${BATCH} per transaction`);

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-store-'));
try {
  const sqlite = new SqliteStore(join(dir, 'bench.db'));
  await measure('SqliteStore (file, WAL)', [sqlite], records);
  sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cluster = await startTempCluster();
if ('skip' in cluster) {
  console.log(`PostgresStore: skipped (${cluster.skip})`);
} else {
  try {
    for (const [label, workers, db] of [['PostgresStore, 1 writer', 1, 'one'], ['PostgresStore, 2 concurrent writers', 2, 'two']] as const) {
      const url = await createDatabase(cluster.url, `bench_${db}`);
      const stores = await Promise.all(Array.from({ length: workers }, () => PostgresStore.open(url)));
      await measure(label, stores, records);
      for (const s of stores) await s.close();
    }
  } finally {
    await cluster.stop();
  }
}
