import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractPool } from '../src/workers/pool.js';
import { prepareRecord } from '../src/workers/prepare.js';
import { DEFAULT_DUPLICATE_OPTIONS } from '../src/similarity/relate-keys.js';
import { recordId } from '../src/ingest/record-id.js';
import type { RawRecord } from '../src/model.js';
import { syntheticDoc } from '../bench/lib/synthetic-news.js';

function rawOf(i: number): RawRecord {
  const bytes = new TextEncoder().encode(syntheticDoc(21, i).html);
  return { id: recordId('html', bytes), type: 'html', bytes, origin: { path: `doc-${i}.html`, reader: 'html' }, hints: {} };
}

test('worker threads give the same articles and keys as extraction on the main thread', async () => {
  const pool = new ExtractPool({ workers: 2, duplicates: DEFAULT_DUPLICATE_OPTIONS, timeoutMs: 30_000 });
  try {
    const raws = Array.from({ length: 12 }, (_, i) => rawOf(i));
    const outcomes = await Promise.all(raws.map((r) => pool.run(r)));
    assert.equal(pool.brokenReason, null);
    outcomes.forEach((o, i) => assert.deepEqual(o, prepareRecord(raws[i], DEFAULT_DUPLICATE_OPTIONS)));
  } finally {
    await pool.close();
  }
});

test('a document over the time limit fails with "timeout" and its worker is replaced', async () => {
  const pool = new ExtractPool({ workers: 1, duplicates: DEFAULT_DUPLICATE_OPTIONS, timeoutMs: 1 });
  try {
    const outcome = await pool.run(rawOf(1));
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.equal(outcome.error.code, 'timeout');
    const again = await pool.run(rawOf(2)); // the replacement worker still answers (and times out too)
    assert.equal(again.ok, false);
  } finally {
    await pool.close();
  }
});

test('a per-document failure inside a worker comes back as that document\'s error', async () => {
  const pool = new ExtractPool({ workers: 1, duplicates: DEFAULT_DUPLICATE_OPTIONS, timeoutMs: 30_000 });
  try {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const outcome = await pool.run({ id: 'png', type: 'html', bytes, origin: { path: 'x.html', reader: 'html' }, hints: {} });
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.equal(outcome.error.code, 'binary');
  } finally {
    await pool.close();
  }
});
