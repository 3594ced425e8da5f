/**
 * bench:ingest-read — raw reader throughput of src/ingest (no extraction): small HTML files in a
 * folder tree, a .warc.gz and a plain .warc, a JSONL dump. Inputs are generated in a temp folder;
 * each is read in a fresh child process so its peak RSS belongs to the read alone.
 * Usage: node --import tsx bench/ingest-read.ts [--files 20000] [--records 10000] [--json]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newIngestStats, readSources } from '../src/ingest/index.js';
import { warcResponse } from './lib/warc-response.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const files = arg('--files', 20_000);
const records = arg('--records', 10_000);
const json = args.includes('--json');

/** A page of about 20 KB with varied words, so gzip ratios look like real HTML. */
function page(i: number): string {
  const paras = Array.from({ length: 120 }, (_, p) => `<p>Paragraph ${p} of story ${i}: officials said ${(i * 31 + p * 7) % 997} people attended.</p>`);
  return `<!doctype html><html><head><title>Story ${i}</title></head><body>${paras.join('\n')}</body></html>`;
}


const results: Array<Record<string, string | number>> = [];
const readIndex = args.indexOf('--read');
if (readIndex >= 0) {
  await readOne(args[readIndex + 1]);
  process.exit(0);
}
const root = mkdtempSync(join(tmpdir(), 'parallax-bench-read-'));

/** Child mode: read one input, print one JSON line. */
async function readOne(input: string): Promise<void> {
  const stats = newIngestStats();
  let n = 0;
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  for await (const item of readSources([input], { stats })) {
    if (item.kind === 'record') {
      n++;
      bytes += item.record.bytes.length;
    }
    if (n % 200 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ n, errors: stats.errors, seconds, bytes, peakRss }) + '\n');
}

function measure(name: string, input: string): void {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--read', input], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  results.push({
    input: name,
    records: r.n,
    errors: r.errors,
    seconds: +r.seconds.toFixed(2),
    perSecond: Math.round(r.n / r.seconds),
    payloadMBps: +(r.bytes / 1e6 / r.seconds).toFixed(1),
    peakRssMiB: Math.round(r.peakRss / 1048576),
  });
}

try {
  const tree = join(root, 'tree');
  for (let i = 0; i < files; i++) {
    const sub = join(tree, String(Math.floor(i / 100)).padStart(4, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${i}.html`), `<html><body><p>Small page ${i}.</p></body></html>`);
  }
  const plain: Buffer[] = [];
  const gz: Buffer[] = [];
  for (let i = 0; i < records; i++) {
    const r = warcResponse(i, `https://bench.example/${i}`, page(i));
    plain.push(r);
    gz.push(gzipSync(r));
  }
  writeFileSync(join(root, 'crawl.warc'), Buffer.concat(plain));
  writeFileSync(join(root, 'crawl.warc.gz'), Buffer.concat(gz));
  writeFileSync(join(root, 'dump.jsonl'), Array.from({ length: records }, (_, i) => JSON.stringify({ url: `https://bench.example/${i}`, html: page(i) })).join('\n'));

  measure(`${files} small .html files in ${Math.ceil(files / 100)} folders`, tree);
  measure(`.warc (${Math.round(statSync(join(root, 'crawl.warc')).size / 1e6)} MB)`, join(root, 'crawl.warc'));
  measure(`.warc.gz (${Math.round(statSync(join(root, 'crawl.warc.gz')).size / 1e6)} MB)`, join(root, 'crawl.warc.gz'));
  measure(`.jsonl (${Math.round(statSync(join(root, 'dump.jsonl')).size / 1e6)} MB)`, join(root, 'dump.jsonl'));
} finally {
  rmSync(root, { recursive: true, force: true });
}

if (json) process.stdout.write(JSON.stringify(results) + '\n');
else {
  console.log('bench:ingest-read — readSources throughput, no extraction, one child process per input');
  console.table(results);
}
