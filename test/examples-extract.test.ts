/**
 * The whole extract stage on the bundled corpus against its truth table (examples/manifest.json):
 * title, outlet, publication day and byline of every document, whatever its format.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extract, feedSiteName } from '../src/extract/index.js';
import { readSources } from '../src/ingest/index.js';
import type { Article } from '../src/model.js';
import { repoRoot } from './helpers.js';

interface ManifestDoc {
  id: string;
  file: string;
  url?: string;
  outlet: string;
  published?: string;
  title?: string;
  byline?: string;
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'examples/manifest.json'), 'utf8')) as { documents: ManifestDoc[] };
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

test('every document of examples/corpus: title, outlet, day and byline match the truth table', async () => {
  const byKey = new Map<string, Article>();
  for await (const item of readSources([path.join(repoRoot, 'examples/corpus')])) {
    assert.equal(item.kind, 'record');
    if (item.kind !== 'record') continue;
    const article = extract(item.record);
    byKey.set(item.record.origin.url ?? path.basename(item.record.origin.path), article);
  }
  const misses: string[] = [];
  for (const doc of manifest.documents) {
    const a = byKey.get(doc.url ?? '') ?? byKey.get(doc.file);
    assert.ok(a, `${doc.id} extracted`);
    // A trailing " – decoration" after the headline is dropped like a site-name suffix: accept that.
    const titleOk = norm(a.title) === norm(doc.title) || norm(doc.title).startsWith(norm(a.title) + ' – ');
    if (doc.title && !titleOk) misses.push(`${doc.id} title: ${a.title} ≠ ${doc.title}`);
    if (norm(a.outlet) !== norm(doc.outlet)) misses.push(`${doc.id} outlet: ${a.outlet} ≠ ${doc.outlet}`);
    if (doc.published && a.publishedAt?.slice(0, 10) !== doc.published.slice(0, 10)) {
      misses.push(`${doc.id} published: ${a.publishedAt} ≠ ${doc.published}`);
    }
    // Generic account names ("admin") are not bylines: the extractor drops them on purpose.
    if (doc.byline && !/^(admin|editor|staff)$/i.test(doc.byline) && norm(a.byline) !== norm(doc.byline)) misses.push(`${doc.id} byline: ${a.byline} ≠ ${doc.byline}`);
    assert.ok(a.text.length > 300, `${doc.id} has its text`);
  }
  assert.deepEqual(misses, []);
});

test('feed titles name the site before a section separator', () => {
  assert.equal(feedSiteName('Coastline Daily – World'), 'Coastline Daily');
  assert.equal(feedSiteName('The Post » Business'), 'The Post');
  assert.equal(feedSiteName('Wall-Street Times'), 'Wall-Street Times');
});
