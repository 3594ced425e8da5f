import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

const tmp = tempDir('parallax-search-cli-');
const db = join(tmp.path, 'p.db');

before(async () => {
  // the sample corpus, plus a text whose title and body carry terminal escape sequences
  const evil = join(tmp.path, 'evil.txt');
  writeFileSync(evil, 'Harbour \u001b]0;owned\u0007strike ends\n\nDock workers in Brenford ended their \u001b[2Jstrike on Friday after a wage deal, the union said in a statement to members.\n');
  const store = new SqliteStore(db);
  await ingest([join(repoRoot, 'examples', 'corpus'), evil], store, { workers: 0 });
  store.close();
});

after(() => tmp.cleanup());

test('search prints the best matches with their passages, and how many match in all', () => {
  const r = runCli(['search', 'flood', 'OR', 'floods', '--limit', '2', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 5, 'two hits of two lines each, then the count');
  assert.match(lines[0], /^[0-9a-f]{12} {2}\d{4}-\d\d-\d\d/);
  assert.match(lines[1], /^ {4}.*flood/i);
  assert.match(lines[4], /^\d+ article\(s\) match; \d+ more \(--offset 2\)\.$/);
});

test('search --json --stories gives each hit its story; filters and sort apply', () => {
  const r = runCli(['search', '"death toll"', '--json', '--stories', '--sort', 'recent', '--since', '2025-10', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const hits = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(hits.length >= 2, 'several reports of the death toll');
  for (const h of hits) {
    assert.ok(typeof h.storyId === 'string' && h.storyId.startsWith('story-') && typeof h.storyLabel === 'string', `story of ${h.id}`);
    assert.ok(h.publishedAt >= '2025-10', `since, ${h.id}`);
    // the snippet is from the text; a hit on the title alone has a snippet with nothing marked
    const marked = h.highlights.map(([a, b]: [number, number]) => h.snippet.slice(a, b).toLowerCase());
    assert.ok(marked.every((w: string) => w === 'death toll') && (marked.length > 0 || /death toll/i.test(h.title)), `highlights of ${h.id}`);
  }
});

test('search output never carries control characters from the text', () => {
  const r = runCli(['search', 'Brenford', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Harbour ]0;ownedstrike ends/, 'the title, its escape characters gone');
  assert.ok(!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(r.stdout), 'no control character reaches the terminal');
});

test('a query with nothing to find, or a bad date, is a usage error (exit 2)', () => {
  for (const [args, message] of [
    [['search', '--db', db, '--', '-bridge'], /at least one word to find/],
    [['search', 'bridge', '--since', 'May', '--db', db], /--since must be YYYY, YYYY-MM or YYYY-MM-DD/],
    [['search', 'bridge', '--sort', 'random', '--db', db], /--sort must be one of relevance, recent/],
  ] as const) {
    const r = runCli([...args]);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
  const none = runCli(['search', 'zeppelin', '--db', db]);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /No article matches "zeppelin"/);
});

test('export articles --query writes the articles a search finds, best first; other kinds refuse it', () => {
  const found = runCli(['search', '"death toll"', '--json', '--limit', '1000', '--db', db]);
  const ids = found.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
  assert.ok(ids.length >= 2, 'several articles report the death toll');
  const exported = runCli(['export', 'articles', '--query', '"death toll"', '--no-text', '--db', db]);
  assert.equal(exported.status, 0, exported.stderr);
  const rows = exported.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => r.id), ids);
  assert.ok(rows.every((r) => typeof r.story === 'string' && r.text === null), 'the usual article rows, with their story');
  const refused = runCli(['export', 'quotes', '--query', 'flood', '--db', db]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--query selects articles/);
  const empty = runCli(['export', 'articles', '--db', db, '--query', '-flood']);
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /--query: a search needs at least one word/);
});
