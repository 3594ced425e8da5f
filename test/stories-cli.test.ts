import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { register } from '../src/cli/stories.js';
import { relateCorpus } from '../src/stories/relate-corpus.js';
import { passageDiff, wordDiff, renderDiff } from '../src/similarity/diff.js';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

test('wordDiff marks removed and added words', () => {
  const d = wordDiff('the quick brown fox jumps', 'the fast brown fox jumps high')!;
  assert.equal(renderDiff(d), 'the [-quick-] {+fast+} brown fox jumps {+high+}');
});

test('passageDiff gives the same difference as ranges in the passages as written, neighbouring words as one range', () => {
  const a = 'The mayor, Ana Ruiz, said on Monday: the bridge will close.';
  const b = 'Mayor Ana Ruiz told reporters the old bridge will close!';
  const d = passageDiff(a, b)!;
  assert.equal(renderDiff(d.segments), renderDiff(wordDiff(a, b)!), 'segments are what wordDiff gives');
  const cut = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e));
  assert.deepEqual(cut(a, d.removed), ['The', 'said on Monday']);
  assert.deepEqual(cut(b, d.added), ['told reporters', 'old']);
  assert.equal(passageDiff('a '.repeat(3001), 'b'), null, 'too long to diff');
});

/** Run one CLI command and capture what it prints. */
async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test('seeds ingested together: one story; `reuse` lists the shared passages with offsets', { skip: !existsSync(seeds) && 'needs ../shared (absent)' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-stories-'));
  const db = path.join(dir, 'p.db');
  try {
    const store = new SqliteStore(db);
    const summary = await ingest([seeds], store, { workers: 0 }); // in-process: this test is about relating, not threads
    const { stories } = await relateCorpus(store);
    const ids = store.articleIds();
    store.close();
    assert.equal(ids.length, 2, `ingest summary: ${JSON.stringify(summary)}`);
    assert.equal(stories.length, 1);

    const lines = (await run(['stories', '--json', '--db', db])).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 1);
    const story = lines[0];
    for (const key of ['id', 'label', 'start', 'end', 'articles']) assert.ok(key in story, key);
    assert.equal(story.articles.length, 2);
    for (const a of story.articles) {
      assert.ok(a.origin.includes('seeds'), a.origin);
      assert.ok('title' in a && 'outlet' in a, "'title' in a && 'outlet' in a");
    }

    const passages = (await run(['reuse', ids[0], ids[1], '--json', '--db', db])).trim().split('\n').map((l) => JSON.parse(l));
    const has = (word: string) => passages.some((p) => p.textA.toLowerCase().includes(word) && p.textB.toLowerCase().includes(word));
    assert.ok(has('gifts') && has('think tank') && has('psychological warfare'), "has('gifts') && has('think tank') && has('psychological warfare')");
    for (const p of passages) assert.ok(Number.isInteger(p.aStart) && p.aEnd > p.aStart && p.bEnd > p.bStart, 'Number.isInteger(p.aStart) && p.aEnd > p.aStart && p.bEnd > p.bStart');

    const shown = await run(['story', story.id, '--db', db]);
    assert.match(shown, /2 articles/);
    // the two reports are no copy of each other, yet share wire passages: the story says so
    assert.match(shown, new RegExp(`Passages shared by reports[^\\n]*\\n  [0-9a-f]{12} ~ [0-9a-f]{12}: ${passages.length} passage\\(s\\)`), shown);
    const untitled = story.articles.filter((a: { title: string | null }) => !a.title).length;
    assert.equal((shown.match(/\(untitled\) \S/g) ?? []).length, untitled, 'a member without a title is shown by its first words');
    const table = await run(['stories', '--db', db]);
    assert.match(table, /label/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stories: sorted by size, outlets or recency, filtered by size and outlet, paged; bad options are usage errors', async () => {
  const { selectStories } = await import('../src/stories/story-query.js');
  const member = (id: string, outlet: string | null) => ({ id, origin: `${id}.html`, outlet, title: null, publishedAt: null });
  const story = (id: string, start: string, end: string, outlets: Array<string | null>) => ({ id, label: id, start, end, articles: outlets.map((o, i) => member(`${id}-${i}`, o)) });
  const all = [
    story('a', '2025-01-01', '2025-01-02', ['North Ledger', 'North Ledger', 'North Ledger']),
    story('b', '2025-01-03', '2025-01-09', ['North Ledger', 'River Daily']),
    story('c', '2025-01-05', '2025-01-05', ['Aggregator']),
  ];
  const ids = (q: Parameters<typeof selectStories>[1]) => selectStories(all, q).stories.map((s) => s.id);
  assert.deepEqual(ids({}), ['a', 'b', 'c'], 'chronological by default');
  assert.deepEqual(ids({ sort: 'size' }), ['a', 'b', 'c']);
  assert.deepEqual(ids({ sort: 'outlets' }), ['b', 'a', 'c'], 'two outlets before three articles of one');
  assert.deepEqual(ids({ sort: 'recent' }), ['b', 'c', 'a']);
  assert.deepEqual(ids({ minSize: 2 }), ['a', 'b']);
  assert.deepEqual(ids({ outlet: '  river   daily ' }), ['b'], 'outlet names match case and spacing aside');
  const page = selectStories(all, { sort: 'recent', limit: 1, offset: 1 });
  assert.deepEqual([page.total, page.stories.map((s) => s.id)], [3, ['c']]);
  await assert.rejects(run(['stories', '--sort', 'alphabet', '--db', ':memory:']), /--sort must be one of/);
  await assert.rejects(run(['stories', '--min-size', '0', '--db', ':memory:']), /--min-size must be a whole number of at least 1/);
});
