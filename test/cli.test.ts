import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDoc } from '../bench/lib/synthetic-news.js';
import { runCli, tempDir } from './helpers.js';

const COMMANDS = ['ingest', 'watch', 'extract', 'list', 'show', 'dups', 'stats', 'errors', 'reextract', 'delete', 'kept-out'];

test('--help works everywhere and exits 0', () => {
  const top = runCli(['--help']);
  assert.equal(top.status, 0);
  for (const c of COMMANDS) {
    assert.match(top.stdout, new RegExp(`\\b${c}\\b`));
    const r = runCli([c, '--help']);
    assert.equal(r.status, 0, `${c} --help`);
    assert.match(r.stdout, /Usage: parallax/);
  }
});

test('usage errors exit 2', () => {
  assert.equal(runCli(['no-such-command']).status, 2);
  assert.equal(runCli(['ingest']).status, 2, 'missing argument');
  assert.equal(runCli(['list', '--no-such-flag']).status, 2);
  const dir = tempDir();
  try {
    const r = runCli(['show', 'ffffffffffff', '--db', join(dir.path, 'p.db')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no article/);
    // numbers that are not numbers, or out of range, are usage errors, not a stack trace or a silent default
    const db = join(dir.path, 'p.db');
    for (const [args, message] of [
      [['list', '--limit', 'abc'], /--limit must be a whole number of at least 1, got "abc"/],
      [['errors', '--limit', '-3'], /--limit must be a whole number/],
      [['events', '--limit', '1.5'], /--limit must be a whole number/],
      [['ingest', dir.path, '--workers', 'x'], /--workers must be a whole number/],
      [['ingest', dir.path, '--near-threshold', '2'], /--near-threshold must be a similarity in \(0, 1\]/],
      [['serve', '--port', '99999'], /--port must be a whole number from 0 to 65535/],
      [['reextract', '--show', '-1'], /--show must be a whole number/],
      [['delete', '--from', ''], /--from needs a path or URL prefix/],
    ] as const) {
      const bad = runCli([...args, '--db', db]);
      assert.equal(bad.status, 2, args.join(' '));
      assert.match(bad.stderr, message, args.join(' '));
      assert.ok(!/\bat \//.test(bad.stderr), `no stack trace for ${args.join(' ')}`);
    }
  } finally {
    dir.cleanup();
  }
});

test('ingest → list/show/dups/stats/errors, with --json; a bad file gives exit 1 and the batch goes on', () => {
  const dir = tempDir();
  try {
    const c = join(dir.path, 'corpus');
    mkdirSync(c);
    const doc = syntheticDoc(5, 3);
    writeFileSync(join(c, 'a.txt'), doc.text);
    writeFileSync(join(c, 'b.txt'), doc.text.replace(/ /g, '  ')); // exact-text duplicate, other bytes
    writeFileSync(join(c, 'c.html'), syntheticDoc(5, 4).html);
    writeFileSync(join(c, 'empty.txt'), '');
    const db = join(dir.path, 'p.db');
    const ing = runCli(['ingest', c, '--db', db, '--no-progress']);
    assert.equal(ing.status, 1, 'one document failed');
    assert.match(ing.stderr, /empty\.txt.*empty/);
    assert.match(ing.stdout, /3 stored/);
    assert.match(ing.stdout, /Duplicates: .*1 exact-text pair/);

    const list = runCli(['list', '--db', db, '--json']);
    assert.equal(list.status, 0);
    const rows = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 3);
    const html = rows.find((r) => r.origin.endsWith('c.html'));
    assert.ok(html.title && html.outlet, 'html metadata extracted');

    const show = runCli(['show', html.id.slice(0, 10), '--db', db, '--json']);
    assert.equal(show.status, 0);
    const art = JSON.parse(show.stdout);
    assert.equal(art.id, html.id);
    assert.ok(art.text.length > 200, 'art.text.length > 200');
    assert.ok(!/cookies to improve/.test(art.text), 'cookie banner removed');
    assert.ok(Array.isArray(art.removals), 'Array.isArray(art.removals)');
    assert.ok(art.story && art.story.size >= 1 && /^story-/.test(art.story.id), `the article names its story: ${JSON.stringify(art.story)}`);

    const human = runCli(['show', html.id, '--db', db]);
    assert.equal(human.status, 0);
    assert.match(human.stdout, /title/);
    assert.match(human.stdout, new RegExp(`story +${art.story.id.slice(0, 12)}`), 'and says so in the human view');

    const raw = runCli(['show', html.id, '--db', db, '--raw']);
    assert.equal(raw.stdout, syntheticDoc(5, 4).html, 'raw bytes kept exactly');

    const dups = runCli(['dups', '--db', db, '--json']);
    const rel = dups.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rel.length, 1);
    assert.equal(rel[0].kind, 'exact');

    const stats = JSON.parse(runCli(['stats', '--db', db, '--json']).stdout);
    assert.equal(stats.documents, 3);
    assert.deepEqual(stats.errors, [{ code: 'empty', count: 1 }]);

    const errors = runCli(['errors', '--db', db, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(errors[0].code, 'empty');
  } finally {
    dir.cleanup();
  }
});

test('extract --json is stateless and prints the documented fields', () => {
  const dir = tempDir();
  try {
    const f = join(dir.path, 'a.txt');
    writeFileSync(f, syntheticDoc(9, 2).text + '\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n');
    const r = runCli(['extract', f, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout.trim());
    for (const k of ['file', 'title', 'text', 'publishedAt', 'outlet', 'byline', 'language', 'url', 'quality', 'removals']) {
      assert.ok(k in o, `field ${k}`);
    }
    assert.equal(o.file, f);
    assert.ok(o.removals.some((x: { reason: string; text: string }) => x.reason === 'comment-form' && /Leave a Reply/.test(x.text)), "o.removals.some((x: { reason: string; text: string }) => x.reason === 'comment-form' && /Leave a ...");
    assert.ok(!/Leave a Reply/.test(o.text), '!/Leave a Reply/.test(o.text)');
  } finally {
    dir.cleanup();
  }
});

test('ingest reads standard input with "-"', () => {
  const dir = tempDir();
  try {
    const db = join(dir.path, 'p.db');
    const r = runCli(['ingest', '-', '--db', db, '--json'], { input: syntheticDoc(4, 8).text });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.stored, 1);
  } finally {
    dir.cleanup();
  }
});
