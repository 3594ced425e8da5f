import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { syntheticDoc } from '../bench/lib/synthetic-news.js';
import { runCli, startCli, tempDir } from './helpers.js';

function writeCorpus(dir: string, n: number): number {
  const contents = new Set<string>();
  for (let i = 0; i < n; i++) {
    const doc = syntheticDoc(3, i);
    writeFileSync(join(dir, `${doc.name}.txt`), doc.text);
    contents.add(createHash('sha256').update(doc.text).digest('hex'));
  }
  return contents.size;
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).pluck().get() as number;
  } finally {
    conn.close();
  }
}

test('re-ingesting the same bytes is a no-op that records nothing new', async () => {
  const dir = tempDir();
  try {
    const corpus = join(dir.path, 'c');
    mkdirSync(corpus);
    const unique = writeCorpus(corpus, 40);
    const store = new SqliteStore(join(dir.path, 'p.db'));
    const first = await ingest([corpus], store);
    assert.equal(first.stored, unique);
    assert.equal(first.failed, 0);
    assert.equal(first.alreadyStored, 40 - unique, 'byte-identical files are one document with two origins');
    const second = await ingest([corpus], store);
    assert.equal(second.stored, 0);
    assert.equal(second.alreadyStored, 40);
    const stats = store.stats();
    assert.equal(stats.documents, unique);
    assert.equal(stats.origins, 40);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('duplicates: exact text and near copies are related, unrelated articles are not', async () => {
  const dir = tempDir();
  try {
    const c = join(dir.path, 'c');
    mkdirSync(c);
    const a = syntheticDoc(11, 5).text;
    const other = syntheticDoc(11, 6).text;
    writeFileSync(join(c, '1-a.txt'), a);
    writeFileSync(join(c, '2-a-reflowed.txt'), a.replace(/\n\n/g, '\n\n\n').replace(/ /g, '  ')); // same words, other bytes
    writeFileSync(join(c, '3-a-edited.txt'), a.replace(/\.\s/, '. Officials added one more remark to the report. '));
    writeFileSync(join(c, '4-other.txt'), other);
    const store = new SqliteStore(':memory:');
    const summary = await ingest([c], store);
    assert.equal(summary.stored, 4);
    const dups = store.duplicates();
    const ids = store.listArticles().map((r) => ({ id: r.id, origin: r.origin }));
    const idOf = (name: string) => ids.find((r) => r.origin.endsWith(name))!.id;
    const pair = (x: string, y: string) => dups.find((d) => (d.a === idOf(x) && d.b === idOf(y)) || (d.a === idOf(y) && d.b === idOf(x)));
    assert.equal(pair('1-a.txt', '2-a-reflowed.txt')?.kind, 'exact');
    assert.equal(pair('1-a.txt', '3-a-edited.txt')?.kind, 'near');
    assert.equal(pair('1-a.txt', '4-other.txt'), undefined);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('kill -9 mid-ingest, then run again: every document stored once, none lost', { timeout: 180_000 }, async () => {
  const dir = tempDir();
  try {
    const corpus = join(dir.path, 'c');
    mkdirSync(corpus);
    const n = 1500;
    const unique = writeCorpus(corpus, n);
    const db = join(dir.path, 'p.db');
    const child = startCli(['ingest', corpus, '--db', db, '--no-progress']);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Wait until some, but not all, documents are committed, then kill without warning.
    let stored = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        stored = count(db, 'SELECT COUNT(*) FROM articles');
      } catch {
        continue; // database not created yet
      }
      if (stored > 0) break;
    }
    child.kill('SIGKILL');
    await exited;
    stored = count(db, 'SELECT COUNT(*) FROM articles');
    assert.ok(stored > 0 && stored < unique, `killed mid-run (stored ${stored} of ${unique})`);

    const rerun = runCli(['ingest', corpus, '--db', db, '--no-progress', '--json']);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.equal(count(db, 'SELECT COUNT(*) FROM articles'), unique);
    assert.equal(count(db, 'SELECT COUNT(DISTINCT text_hash) FROM articles') <= unique, true);
    assert.equal(count(db, 'SELECT COUNT(*) FROM origins'), n, 'every file recorded exactly once');
    assert.equal(count(db, 'SELECT COUNT(*) FROM errors'), 0);
    assert.equal(readdirSync(corpus).length, n);
  } finally {
    dir.cleanup();
  }
});
