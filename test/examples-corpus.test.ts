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
