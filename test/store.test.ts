import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import type { Article, RawRecord } from '../src/model.js';
import { tempDir } from './helpers.js';

function fakeArticle(id: string, text: string): Article {
  return {
    id, text, title: `Title ${id}`, publishedAt: '2025-03-04', outlet: 'Test Outlet', byline: null, language: 'en', url: null,
    canonicalUrl: null, dateline: null, metaSources: { title: 'hint' },
    removals: [{ reason: 'spam-keywords', rule: 'test', text: 'cheap pills', at: text.length }], repairs: [],
    quality: { spamScore: 0.1, garbleScore: 0, removedShare: 0.05, chars: text.length, words: 3, paragraphs: 1, runTogetherWords: 0, brokenSentenceStarts: 0 },
  };
}

function fakeRaw(id: string, path: string): RawRecord {
  return { id, type: 'text', bytes: new TextEncoder().encode(`bytes of ${id}`), origin: { path, reader: 'text' }, hints: {} };
}

test('a new database is migrated to the latest schema version, and reopening keeps it', () => {
  const dir = tempDir();
  try {
    const db = join(dir.path, 'sub', 'p.db');
    const store = new SqliteStore(db);
    assert.equal(store.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
    store.close();
    const again = new SqliteStore(db);
    assert.equal(again.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
    again.close();
  } finally {
    dir.cleanup();
  }
});

test('a database made before full-text search gets its articles indexed when it is opened', async () => {
  const dir = tempDir();
  try {
    const path = join(dir.path, 'old.db');
    const store = new SqliteStore(path);
    store.putArticle({ raw: fakeRaw('cccc3333', '/x/c.txt'), article: fakeArticle('cccc3333', 'the harbour strike is over'), textHash: 'h3', signature: new Uint32Array(4), bandKeys: [1], extractVersion: 1 });
    store.close();
    // what a schema-2 database looks like: the same tables, no search index, no triggers, no URL index
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path);
    raw.exec(
      'DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update; DROP TABLE articles_fts; DROP INDEX origins_url; ALTER TABLE articles DROP COLUMN extract_version; ALTER TABLE origins DROP COLUMN link_failed; ALTER TABLE origins DROP COLUMN link_refused; DROP TABLE poll_state; DROP TABLE kept_out; PRAGMA user_version = 2;',
    );
    raw.close();
    const reopened = new SqliteStore(path);
    assert.equal(reopened.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
    assert.deepEqual(reopened.search({ q: 'strikes' }).hits.map((h) => h.id), ['cccc3333']);
    reopened.putArticle({ raw: fakeRaw('dddd4444', '/x/d.txt'), article: fakeArticle('dddd4444', 'a second strike began'), textHash: 'h4', signature: new Uint32Array(4), bandKeys: [2], extractVersion: 1 });
    assert.equal(reopened.search({ q: 'strike' }).total, 2, 'new articles are indexed as they are stored');
    reopened.close();
    const check = new Database(path, { readonly: true });
    const plan = check.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM origins WHERE url = ?').all('https://x.example/');
    check.close();
    assert.match(JSON.stringify(plan), /origins_url/, 'origins are looked up by URL through the index made by migration 4');
    const versions = new SqliteStore(path);
    assert.deepEqual(versions.stats().extractVersions, [{ version: 0, documents: 1 }, { version: 1, documents: 1 }], 'an article stored before migration 5 counts as extract version 0');
    versions.close();
  } finally {
    dir.cleanup();
  }
});

test('articles round-trip with their removals, origins, raw bytes and LSH candidates', () => {
  const store = new SqliteStore(':memory:');
  const sig = new Uint32Array([1, 2, 3, 4]);
  store.putArticle({ raw: fakeRaw('aaaa1111', '/x/a.txt'), article: fakeArticle('aaaa1111', 'one two three'), textHash: 'h1', signature: sig, bandKeys: [10, 20], extractVersion: 1 });
  assert.equal(store.hasRaw('aaaa1111'), true);
  assert.equal(store.hasRaw('bbbb'), false);
  assert.equal(store.addOrigin('aaaa1111', { path: '/y/copy.txt', reader: 'text' }), true);
  assert.equal(store.addOrigin('aaaa1111', { path: '/y/copy.txt', reader: 'text' }), false, 'same origin twice is recorded once');
  const got = store.getArticle('aaaa')!;
  assert.equal(got.title, 'Title aaaa1111');
  assert.deepEqual(got.removals[0], { reason: 'spam-keywords', rule: 'test', text: 'cheap pills', at: 13 });
  assert.deepEqual(got.origins.map((o) => o.path), ['/x/a.txt', '/y/copy.txt']);
  assert.equal(new TextDecoder().decode(store.getRaw('aaaa1111')!), 'bytes of aaaa1111');
  assert.deepEqual(store.articlesWithTextHash('h1'), ['aaaa1111']);
  const cands = store.nearCandidates([99, 20]);
  assert.equal(cands.length, 1);
  assert.deepEqual([...cands[0].signature], [1, 2, 3, 4]);
  assert.deepEqual(store.nearCandidates([99]), []);
  store.close();
});

test('hostile text is stored verbatim through bound parameters', () => {
  const store = new SqliteStore(':memory:');
  const evil = `Robert'); DROP TABLE articles;-- "quoted" \u0000 nul`;
  store.putArticle({ raw: fakeRaw('cccc2222', "/x/'; DROP TABLE raw;--.txt"), article: fakeArticle('cccc2222', evil), textHash: 'h', signature: new Uint32Array(4), bandKeys: [], extractVersion: 1 });
  assert.equal(store.getArticle('cccc2222')!.text, evil);
  assert.equal(store.stats().documents, 1);
  store.close();
});

test('errors are recorded once per document and failure, counting attempts', () => {
  const store = new SqliteStore(':memory:');
  const err = { origin: { path: '/x/bad.bin', reader: 'text' as const }, stage: 'extract' as const, code: 'binary', message: 'binary file' };
  store.putError(err);
  store.putError(err);
  assert.equal(store.errors().length, 1);
  assert.deepEqual(store.stats().errors, [{ code: 'binary', count: 1 }]);
  store.close();
});

test('stats count outlets, duplicates and removals by reason', () => {
  const store = new SqliteStore(':memory:');
  const sig = new Uint32Array(4);
  store.putArticle({ raw: fakeRaw('dddd', '/a'), article: fakeArticle('dddd', 'x'), textHash: 'h', signature: sig, bandKeys: [], extractVersion: 1 });
  store.putArticle({ raw: fakeRaw('eeee', '/b'), article: fakeArticle('eeee', 'x'), textHash: 'h', signature: sig, bandKeys: [], extractVersion: 1 });
  store.putDuplicates([{ a: 'dddd', b: 'eeee', kind: 'exact', similarity: 1 }]);
  const s = store.stats();
  assert.equal(s.documents, 2);
  assert.deepEqual(s.outlets, [{ outlet: 'Test Outlet', documents: 2 }]);
  assert.deepEqual(s.duplicates, { exact: 1, near: 0 });
  assert.deepEqual(s.removals, [{ reason: 'spam-keywords', count: 2, chars: 22 }]);
  assert.deepEqual(store.articleIds(), ['dddd', 'eeee']);
  store.close();
});
