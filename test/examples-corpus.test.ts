/**
 * The bundled sample corpus (examples/corpus) matches its truth table (examples/manifest.json):
 * generated files are up to date, every document is read, and the one exact duplicate collapses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from '../src/ingest/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'examples/manifest.json'), 'utf8')) as {
  documents: { id: string; file: string; url?: string; duplicateOf?: string }[];
};

test('generated example files are up to date and the manifest matches them', () => {
  // Throws (non-zero exit) when a WARC/copy/re-encoding is stale or a manifest title/url is missing.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-examples.ts', '--check'], { cwd: repoRoot, stdio: 'pipe' });
});

test('ingesting examples/corpus yields every manifest document, exact duplicates sharing an id', async () => {
  // A record is found by its URL when its container names one, else by its file (one document per file).
  const idByKey = new Map<string, string>();
  const ids: string[] = [];
  for await (const item of readSources([path.join(repoRoot, 'examples/corpus')])) {
    assert.equal(item.kind, 'record', item.kind === 'error' ? `${item.error.origin.path}: ${item.error.message}` : '');
    if (item.kind !== 'record') continue;
    ids.push(item.record.id);
    idByKey.set(item.record.origin.url ?? path.basename(item.record.origin.path), item.record.id);
  }
  const docs = manifest.documents;
  assert.equal(ids.length, docs.length);
  assert.equal(new Set(ids).size, docs.length - docs.filter((d) => d.duplicateOf).length);
  const idOf = (d: (typeof docs)[number]): string | undefined => idByKey.get(d.url ?? '') ?? idByKey.get(d.file);
  for (const doc of docs.filter((d) => d.duplicateOf)) {
    const original = docs.find((d) => d.id === doc.duplicateOf)!;
    assert.ok(idOf(doc), `${doc.id}: not ingested`);
    assert.equal(idOf(doc), idOf(original), `${doc.id} should have the same content id as ${original.id}`);
  }
});

test('the sample corpus clusters as its truth table says: one story per event, spun copies included, hard negatives apart', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { SqliteStore } = await import('../src/store/sqlite/sqlite-store.js');
  const { ingest } = await import('../src/pipeline.js');
  const { relateCorpus } = await import('../src/stories/relate-corpus.js');
  const docs = (JSON.parse(readFileSync(path.join(repoRoot, 'examples/manifest.json'), 'utf8')) as {
    documents: { id: string; title?: string; story: string; published?: string }[];
  }).documents.filter((d) => d.title && d.published);
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-examples-stories-'));
  const store = new SqliteStore(path.join(dir, 'x.db'));
  try {
    await ingest([path.join(repoRoot, 'examples/corpus')], store, { workers: 1 });
    const stored = store.listArticles({ limit: 1000 });
    // the manifest gives the page's full title; the extractor may have dropped a tagline from it
    const idOf = (title: string) => stored.find((a) => a.title && (title === a.title || title.startsWith(a.title)))?.id;
    const storyOf = new Map<string, string>();
    for (const s of (await relateCorpus(store)).stories) for (const m of s.articles) storyOf.set(m.id, s.id);
    const story = (d: (typeof docs)[number]) => storyOf.get(idOf(d.title!) ?? '');
    for (const name of ['summit', 'flood', 'fine']) {
      const members = docs.filter((d) => d.story === name);
      // a story's first days: later follow-ups (a ratification months on) may start a story of their own
      const first = Math.min(...members.map((d) => Date.parse(d.published!)));
      const early = members.filter((d) => Date.parse(d.published!) - first < 2 * 86_400_000);
      const ids = new Set(early.map(story));
      assert.equal(ids.size, 1, `${name}: ${early.map((d) => `${d.id} → ${story(d)}`).join(', ')}`);
      for (const other of docs.filter((d) => d.story !== name)) assert.ok(!ids.has(story(other)), `${other.id} wrongly in ${name}`);
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
