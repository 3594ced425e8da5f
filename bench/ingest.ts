/**
 * bench:ingest — end-to-end ingest throughput (read → extract → clean → relate keys → SQLite) and peak memory
 * on generated corpora of 2k and 20k pages, plain text and HTML. Each run is a fresh child process so peak RSS
 * belongs to that run alone. Usage: npm run bench:ingest [-- --sizes 2000,20000 --kinds text,html --json]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDoc } from './lib/synthetic-news.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = arg('--sizes', '2000,20000').split(',').map(Number);
const kinds = arg('--kinds', 'text,html').split(',') as Array<'text' | 'html'>;
const json = args.includes('--json');

const root = mkdtempSync(join(tmpdir(), 'parallax-bench-ingest-'));
const results: Array<Record<string, number | string>> = [];
try {
  for (const kind of kinds) {
    for (const size of sizes) {
      const dir = join(root, `${kind}-${size}`);
      // 100 files per folder: folder walking is part of what is measured.
      for (let i = 0; i < size; i++) {
        const sub = join(dir, String(Math.floor(i / 100)).padStart(4, '0'));
        if (i % 100 === 0) mkdirSync(sub, { recursive: true });
        const doc = syntheticDoc(7, i);
        writeFileSync(join(sub, `${doc.name}.${kind === 'text' ? 'txt' : 'html'}`), kind === 'text' ? doc.text : doc.html);
      }
      const db = join(root, `${kind}-${size}.db`);
      const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./ingest-run.ts', import.meta.url).pathname, dir, db], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      const rate = r.stored / (r.elapsedMs / 1000);
      results.push({ kind, pages: size, stored: r.stored, failed: r.failed, exactDup: r.exact, nearDup: r.near, seconds: +(r.elapsedMs / 1000).toFixed(2), articlesPerSec: Math.round(rate), peakRssMiB: Math.round(r.peakRssMiB) });
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

if (json) {
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  console.log('bench:ingest — generated pages, end-to-end into SQLite (one process, WAL)');
  console.table(results);
  for (const kind of kinds) {
    const rows = results.filter((r) => r.kind === kind);
    if (rows.length >= 2) {
      const small = rows[0];
      const big = rows[rows.length - 1];
      console.log(
        `${kind}: peak memory ${big.pages} pages / ${small.pages} pages = ${(Number(big.peakRssMiB) / Number(small.peakRssMiB)).toFixed(2)}x (target <= 1.5x)`,
      );
    }
  }
}
