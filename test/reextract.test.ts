/**
 * Re-extraction from the kept raw bytes: the articles an older extractor made are extracted again;
 * what changed is replaced in place (same id, ingest order and origins), duplicate relations of a
 * changed text are found again, annotation layers are redone where the text changed, and a document
 * that no longer extracts keeps its article. An "older extractor" is simulated by replacing stored
 * articles with degraded copies under version 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EXTRACT_VERSION } from '../src/extract/version.js';
import { recordId } from '../src/ingest/record-id.js';
import type { Article, RawRecord } from '../src/model.js';
import { annotateCorpus, ingest } from '../src/pipeline.js';
import { compareArticles, reextractCorpus } from '../src/reextract.js';
import { relateKeys } from '../src/similarity/relate-keys.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { StoredArticle } from '../src/store/store.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

/** Store `article` in place of the stored one, as if an extractor of version 0 had made it. */
async function degrade(store: SqliteStore, article: Article): Promise<void> {
  const [record] = store.storedRecords({ limit: 1, ids: [article.id] });
  store.replaceArticle({ raw: record.raw, article, ...relateKeys(article.text), extractVersion: 0 });
}

/** A stored article as the extract stage gave it (without what the store adds). */
function asArticle({ origins: _o, ingestedAt: _i, rawType: _r, ...article }: StoredArticle): Article {
  return article;
}

async function ingestExamples(dbPath: string): Promise<SqliteStore> {
  const store = new SqliteStore(dbPath);
  const summary = await ingest([join(repoRoot, 'examples/corpus')], store, { workers: 0 });
  assert.equal(summary.failed, 0, 'the sample corpus ingests');
  return store;
}

test('articles an older extractor made are extracted again from their kept bytes; only what changed is replaced', async () => {
  const dir = tempDir();
  try {
    const store = await ingestExamples(join(dir.path, 'p.db'));
    await annotateCorpus(store);
    const ids = store.articleIds();
    const original = new Map(ids.map((id) => [id, store.getArticle(id)!]));
    const originalRelations = store.duplicates();
    const near = originalRelations.find((d) => d.kind === 'near');
    assert.ok(near, 'the sample corpus has a near-duplicate pair');

    // an older extractor: a wrong title on one article, a spam tail kept on the earlier copy of the pair (found again, it must still come first),
    // and one article it got right
    const titled = original.get(ids[2])!;
    const spammed = original.get(near.a)!;
    const right = original.get(ids[0])!;
    await degrade(store, { ...asArticle(titled), title: 'Home | News' });
    await degrade(store, { ...asArticle(spammed), text: `${spammed.text}\n\nbest cheap flights cheap hotels cheap car hire book now` });
    await degrade(store, asArticle(right));
    assert.deepEqual(store.duplicates({ article: near.a }), [], 'the degraded text lost its relations');
    assert.equal(store.stats().extractVersions.find((v) => v.version === 0)?.documents, 3);

    const dry = await reextractCorpus(store, { dryRun: true, workers: 0 });
    assert.deepEqual([dry.checked, dry.changed, dry.unchanged, dry.failed], [3, 2, 1, 0]);
    assert.equal(store.getArticle(titled.id)!.title, 'Home | News', 'a dry run writes nothing');
    assert.equal(store.stats().extractVersions.find((v) => v.version === 0)?.documents, 3, 'nor marks anything');

    const changes: string[] = [];
    const run = await reextractCorpus(store, { workers: 0, onChange: (c) => changes.push(c.id) });
    assert.deepEqual([run.checked, run.changed, run.unchanged, run.failed], [3, 2, 1, 0]);
    assert.deepEqual(changes.sort(), [titled.id, spammed.id].sort());
    assert.deepEqual(run.fieldsChanged, { title: 1, text: 1 });
    assert.deepEqual(run.duplicates, { exact: 0, near: 1 });
    for (const id of ids) assert.deepEqual(store.getArticle(id), original.get(id), `article ${id} is as first extracted, origins and all`);
    assert.deepEqual(store.articleIds(), ids, 'ingest order is kept');
    assert.deepEqual(store.duplicates(), originalRelations, 'the near pair is related again, the earlier article first');
    assert.deepEqual(store.stats().extractVersions, [{ version: EXTRACT_VERSION, documents: ids.length }]);
    assert.equal((await annotateCorpus(store)).annotated, 1, 'only the article whose text changed is annotated again');
    assert.deepEqual(store.search({ q: 'cheap hotels' }).hits, [], 'the search index follows the text');

    assert.equal((await reextractCorpus(store, { workers: 0 })).checked, 0, 'nothing is left to do');
    const all = await reextractCorpus(store, { all: true, workers: 0 });
    assert.deepEqual([all.checked, all.changed], [ids.length, 0], '--all extracts every article again, and changes none');
    const some = await reextractCorpus(store, { ids: [ids[1], ids[3]], workers: 0 });
    assert.equal(some.checked, 2, 'named ids are extracted whatever their version');
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('a document that no longer extracts keeps its article; the failure is reported, stored and retried', async () => {
  const dir = tempDir();
  try {
    const store = new SqliteStore(join(dir.path, 'p.db'));
    // bytes that the extractor of today refuses (nothing but a share line), stored with an older article
    const bytes = new TextEncoder().encode('\n');
    const raw: RawRecord = { id: recordId('text', bytes), type: 'text', bytes, origin: { path: '/old/blank.txt', reader: 'text' }, hints: {} };
    const text = 'An article an older extractor found here.';
    const article: Article = {
      id: raw.id, text, title: 'Old', publishedAt: null, outlet: null, byline: null, language: 'en', url: null, canonicalUrl: null,
      dateline: null, metaSources: {}, removals: [], repairs: [],
      quality: { spamScore: 0, garbleScore: 0, removedShare: 0, chars: text.length, words: 7, paragraphs: 1, runTogetherWords: 0, brokenSentenceStarts: 0 },
    };
    store.putArticle({ raw, article, ...relateKeys(text), extractVersion: 0 });
    const errors: string[] = [];
    const summary = await reextractCorpus(store, { workers: 0, onError: (e) => errors.push(e.code) });
    assert.deepEqual([summary.checked, summary.failed, summary.changed], [1, 1, 0]);
    assert.deepEqual(errors, ['empty']);
    assert.equal(store.getArticle(raw.id)!.text, text, 'the stored article is kept');
    const [stored] = store.errors();
    assert.equal(stored.stage, 'extract');
    assert.match(stored.message, /re-extraction failed, the stored article is kept/);
    assert.equal((await reextractCorpus(store, { workers: 0 })).checked, 1, 'it is tried again next time');
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('compareArticles names the fields that differ and ignores key order', () => {
  const base: Article = {
    id: 'a', text: 'one two', title: 'T', publishedAt: '2024-01-01', outlet: 'O', byline: null, language: 'en', url: null, canonicalUrl: null,
    dateline: null, metaSources: { title: 'opengraph', outlet: 'hint' }, removals: [], repairs: [],
    quality: { spamScore: 0, garbleScore: 0 } as Article['quality'],
  };
  assert.equal(compareArticles(base, { ...base, metaSources: { outlet: 'hint', title: 'opengraph' } }), null);
  const change = compareArticles(base, { ...base, title: 'U', byline: 'B', text: 'one two three', removals: [{ reason: 'boilerplate', rule: 'r', text: 'x', at: 0 }], quality: { spamScore: 0.5, garbleScore: 0 } as Article['quality'] })!;
  assert.deepEqual(change.fields, [
    { field: 'title', before: 'T', after: 'U' },
    { field: 'byline', before: null, after: 'B' },
  ]);
  assert.deepEqual(change.text, { before: 7, after: 13 });
  assert.deepEqual(change.removals, { before: 0, after: 1 });
  assert.deepEqual(change.details, ['quality']);
});

test('parallax reextract: nothing to do, --all, --dry-run, --json, named ids; an unknown id is a usage error', async () => {
  const dir = tempDir();
  try {
    const db = join(dir.path, 'p.db');
    const store = await ingestExamples(db);
    const [first, second] = store.articleIds();
    const stale = store.getArticle(second)!;
    await degrade(store, { ...asArticle(stale), byline: 'Staff' });
    store.close();

    const dry = runCli(['reextract', '--db', db, '--dry-run', '--workers', '0']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run \(nothing written\): extracted 1 stored article\(s\) again .*1 would change, 0 unchanged, 0 failed/);
    assert.match(dry.stdout, new RegExp(`${second.slice(0, 12)} .*\\n\\s+byline: "Staff" → ${stale.byline ? JSON.stringify(stale.byline) : '\\(none\\)'}`));

    const json = runCli(['reextract', '--db', db, '--json', '--workers', '0']);
    assert.equal(json.status, 0, json.stderr);
    const out = JSON.parse(json.stdout) as { summary: { changed: number }; changes: Array<{ id: string; fields: Array<{ field: string }> }> };
    assert.equal(out.summary.changed, 1);
    assert.deepEqual(out.changes.map((c) => [c.id, c.fields.map((f) => f.field)]), [[second, ['byline']]]);

    const none = runCli(['reextract', '--db', db, '--workers', '0']);
    assert.match(none.stdout, /nothing to do/);
    const named = runCli(['reextract', first.slice(0, 8), '--db', db, '--workers', '0']);
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /extracted 1 stored article\(s\) again .*0 changed, 1 unchanged/i);
    const every = runCli(['reextract', '--all', '--db', db, '--workers', '0']);
    assert.match(every.stdout, /0 changed/);
    const unknown = runCli(['reextract', 'ffffffffff', '--db', db]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no article with id "ffffffffff"/);
  } finally {
    dir.cleanup();
  }
});
