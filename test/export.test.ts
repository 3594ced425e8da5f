/** `parallax export` (src/export, src/cli/export.ts): JSONL, CSV and TSV of the stored corpus. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { defuseCell, formatHeader, formatRow } from '../src/export/write.js';
import { chooseFormat } from '../src/cli/export.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

test('cells that a spreadsheet would run as a formula are defused; numbers are not', () => {
  assert.equal(defuseCell('=HYPERLINK("http://x","click")'), `'=HYPERLINK("http://x","click")`);
  assert.equal(defuseCell('+1 555'), `'+1 555`);
  assert.equal(defuseCell('@SUM(A1)'), `'@SUM(A1)`);
  assert.equal(defuseCell('-3.5'), '-3.5');
  assert.equal(defuseCell('Putin said'), 'Putin said');
});

test('one row in each format: CSV quotes, TSV flattens tabs and newlines, JSONL keeps nesting and column order', () => {
  const table = { columns: ['id', 'title', 'removals'] };
  const row = { removals: [{ reason: 'spam' }], title: 'A "quoted",\ttabbed\nline', id: 'x1' };
  const csv = formatHeader(table, 'csv') + formatRow(table, row, 'csv');
  assert.deepEqual(parse(csv, { columns: true }), [{ id: 'x1', title: 'A "quoted",\ttabbed\nline', removals: '[{"reason":"spam"}]' }]);
  const tsv = formatRow(table, row, 'tsv');
  assert.equal(tsv, 'x1\tA "quoted", tabbed line\t[{"reason":"spam"}]\n');
  const json = formatRow(table, row, 'jsonl');
  assert.deepEqual(Object.keys(JSON.parse(json)), ['id', 'title', 'removals']);
  assert.deepEqual(JSON.parse(json).removals, [{ reason: 'spam' }]);
});

test('the format comes from --format, else the --out extension, else JSONL', () => {
  assert.equal(chooseFormat(undefined, undefined), 'jsonl');
  assert.equal(chooseFormat(undefined, 'out/events.TSV'), 'tsv');
  assert.equal(chooseFormat('csv', 'x.jsonl'), 'csv');
  assert.throws(() => chooseFormat('xlsx', undefined), /--format must be one of/);
});

test('export on the sample corpus: every stored article, story, quote and event comes out, parseable', () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.path, 'x.db');
    const ingest = runCli(['ingest', join(repoRoot, 'examples', 'corpus'), '--db', db]);
    assert.ok(ingest.status === 0 || ingest.status === 1, ingest.stderr);
    const stats = JSON.parse(runCli(['stats', '--db', db, '--json']).stdout);

    const articlesCsv = join(tmp.path, 'articles.csv');
    const a = runCli(['export', 'articles', '--db', db, '--out', articlesCsv]);
    assert.equal(a.status, 0, a.stderr);
    const articles = parse(readFileSync(articlesCsv, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.equal(articles.length, stats.documents);
    assert.ok(articles.every((r) => r.id && r.story), 'every article is joined to a story');
    assert.ok(articles.some((r) => JSON.parse(r.removals).length > 0), 'the removal audit travels with the article');
    assert.deepEqual(readdirSync(tmp.path).filter((f) => f.includes('.partial-')), [], 'no partial file left behind');

    const stories = runCli(['export', 'stories', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const storyIds = new Set(articles.map((r) => r.story));
    assert.equal(stories.length, storyIds.size);
    assert.equal(stories.reduce((n, s) => n + s.size, 0), articles.length);

    const events = runCli(['export', 'events', '--db', db, '--format', 'tsv']).stdout.trim().split('\n');
    const header = events[0].split('\t');
    assert.ok(header.includes('category') && header.includes('actorCountry'), "header.includes('category') && header.includes('actorCountry')");
    assert.ok(events.length > 1, 'the sample corpus has events');
    for (const line of events) assert.equal(line.split('\t').length, header.length, line);

    const quotes = runCli(['export', 'quotes', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const listed = runCli(['quotes', '--db', db, '--json']).stdout.trim().split('\n');
    assert.equal(quotes.length, listed.length);

    const annotated = JSON.parse(runCli(['export', 'articles', '--db', db, '--annotations']).stdout.split('\n')[0]);
    assert.ok(Array.isArray(annotated.annotations.entities), 'Array.isArray(annotated.annotations.entities)');
    const text: string = annotated.text;
    for (const e of annotated.annotations.entities) assert.equal(text.slice(e.start, e.end), e.text);
  } finally {
    tmp.cleanup();
  }
});

test('export: unknown kind and --annotations with a flat format are usage errors (exit 2)', () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.path, 'x.db');
    assert.equal(runCli(['export', 'widgets', '--db', db]).status, 2);
    const r = runCli(['export', 'articles', '--db', db, '--format', 'csv', '--annotations']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--annotations needs --format jsonl/);
    assert.ok(!existsSync(join(tmp.path, 'articles.csv')), "!existsSync(join(tmp.path, 'articles.csv'))");
  } finally {
    tmp.cleanup();
  }
});
