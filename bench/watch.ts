/**
 * bench:watch — what `parallax watch` saves over running `ingest` again, on what a crawler leaves: a
 * folder of HTML pages (100 per sub-folder) and a WARC.gz. Rounds: the first (everything is new),
 * one where nothing changed (a stat per file), the same inputs through `ingest` again (every file
 * read, the WARC gunzipped and parsed, every record hashed; all already stored), and a round after 1%
 * of the pages changed.
 *
 *   npm run bench:watch [-- --pages 5000 --warc-records 5000 --json]
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { watch, type RoundReport } from '../src/watch/watch.js';
import { syntheticDoc } from './lib/synthetic-news.js';
import { warcResponse } from './lib/warc-response.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const pages = Number(arg('--pages', '5000'));
const warcRecords = Number(arg('--warc-records', '5000'));

/** One WARC response record (its own gzip member, as crawlers write them) holding a page of about 10 KB. */
function warcRecord(i: number): Buffer {
  const paras = Array.from({ length: 40 }, (_, p) => `<p>Paragraph ${p} of crawled story ${i}: the port authority said ${(i * 31 + p * 7) % 997} ships were delayed by the storm.</p>`);
  const page = `<!doctype html><html><head><title>Crawled story ${i}</title></head><body><article><h1>Crawled story ${i}</h1>${paras.join('\n')}</article></body></html>`;
  return gzipSync(warcResponse(i, `https://crawl.example/${i}`, page));
}
const json = args.includes('--json');

const root = mkdtempSync(join(tmpdir(), 'parallax-bench-watch-'));
const past = new Date(Date.now() - 3_600_000);
const files: string[] = [];
const rows: Array<{ run: string; read: number; stored: number; passedOver: number; seconds: number }> = [];
try {
  const dir = join(root, 'pages');
  for (let i = 0; i < pages; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(4, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const doc = syntheticDoc(11, i);
    const file = join(sub, `${doc.name}.html`);
    writeFileSync(file, doc.html);
    utimesSync(file, past, past);
    files.push(file);
  }
  const warc = join(root, 'crawl.warc.gz');
  writeFileSync(warc, Buffer.concat(Array.from({ length: warcRecords }, (_, i) => warcRecord(i))));
  utimesSync(warc, past, past);
  const inputs = [dir, warc];
  const store = new SqliteStore(join(root, 'watch.db'));
  try {
    const round = async (run: string) => {
      let report: RoundReport | undefined;
      await watch(async () => inputs, store, { everyMs: 3_600_000, settleMs: 10_000, rounds: 1, onRound: (r) => (report = r) });
      const s = report!.summary;
      rows.push({ run, read: s.read, stored: s.stored ?? 0, passedOver: s.skipped['file-unchanged'] ?? 0, seconds: +(report!.elapsedMs / 1000).toFixed(2) });
    };
    await round('watch: first round');
    await round('watch: nothing changed');
    const t0 = performance.now();
    const again = await ingest(inputs, store);
    rows.push({ run: 'ingest again (baseline)', read: again.read, stored: again.stored, passedOver: 0, seconds: +((performance.now() - t0) / 1000).toFixed(2) });
    // 1% of the pages get a correction appended, as a site editing its articles would
    const later = new Date(past.getTime() + 60_000);
    for (let i = 0; i < files.length; i += 100) {
      const doc = syntheticDoc(11, i);
      writeFileSync(files[i], doc.html.replace('</body>', '<p>Correction: an earlier version of this article gave the wrong date for the vote.</p></body>'));
      utimesSync(files[i], later, later);
    }
    await round('watch: 1% changed');
  } finally {
    store.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

if (json) {
  process.stdout.write(JSON.stringify({ pages, rows }) + '\n');
} else {
  console.log(`bench:watch — ${pages} generated HTML pages in a folder tree and a WARC.gz of ${warcRecords} responses, SQLite`);
  console.table(rows);
  const unchanged = rows.find((r) => r.run === 'watch: nothing changed')!;
  const baseline = rows.find((r) => r.run === 'ingest again (baseline)')!;
  console.log(`a round with nothing changed takes ${(baseline.seconds / Math.max(unchanged.seconds, 0.001)).toFixed(0)}x less time than ingesting the same inputs again`);
}
