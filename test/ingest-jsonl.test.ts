import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { collect, tempDir, text } from './fixtures/ingest/helpers.js';

const tmp = tempDir('ingest-jsonl');
after(tmp.cleanup);
const at = (name: string): string => join(tmp.dir, name);

const line = (o: unknown): string => JSON.stringify(o);

test('JSONL: a bad line in the middle becomes one error with its line number; the others are read', async () => {
  const lines = [
    line({ url: 'https://a.example/1', html: '<p>One</p>', title: 'One', published: '2024-05-07', outlet: 'A', byline: 'X Y', language: 'en' }),
    line({ text: 'Two, plain text.' }),
    '{"html": "<p>unterminated", ',
    line({ title: 'no body at all' }),
    line({ html: 42 }),
    '',
    line({ text: 'Six', title: null, extra: { ignored: true } }),
  ];
  writeFileSync(at('mixed.jsonl'), lines.join('\n') + '\n');
  const { items, records, errors } = await collect([at('mixed.jsonl')]);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? `record ${i.record.origin.offset}` : `${i.error.code} ${i.error.origin.offset}`)),
    ['record 1', 'record 2', 'bad-json 3', 'invalid-record 4', 'invalid-record 5', 'record 7'],
  );
  assert.match(errors[0].message, /^line 3: /);
  assert.match(errors[1].message, /"html" or a "text"/);
  const [one, two, six] = records;
  assert.equal(one.type, 'html');
  assert.equal(text(one), '<p>One</p>');
  assert.deepEqual(one.hints, {
    charset: 'utf-8',
    title: 'One',
    publishedAt: '2024-05-07',
    outlet: 'A',
    byline: 'X Y',
    language: 'en',
    url: 'https://a.example/1',
  });
  assert.deepEqual(one.origin, { path: at('mixed.jsonl'), reader: 'jsonl', offset: 1, url: 'https://a.example/1' });
  assert.equal(two.type, 'text');
  assert.equal(text(two), 'Two, plain text.');
  assert.equal(six.hints.title, undefined);
});

test('JSONL: CRLF line ends, a BOM, and an empty body are handled', async () => {
  writeFileSync(at('crlf.ndjson'), '\ufeff' + line({ text: 'first' }) + '\r\n' + line({ html: '   ' }) + '\r\n' + line({ text: 'third' }) + '\r\n');
  const { items } = await collect([at('crlf.ndjson')]);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? text(i.record) : i.error.code)),
    ['first', 'empty', 'third'],
  );
});

test('JSONL: a line over maxBytes is refused without holding it, and reading goes on', async () => {
  const huge = line({ html: '<p>' + 'x'.repeat(200_000) + '</p>' });
  writeFileSync(at('huge.jsonl'), [line({ text: 'before' }), huge, line({ text: 'after' })].join('\n'));
  const { items } = await collect([at('huge.jsonl')], { maxBytes: 50_000 });
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? text(i.record) : `${i.error.code} ${i.error.origin.offset}`)),
    ['before', 'too-large 2', 'after'],
  );
});

test('JSONL: an empty file is one "empty" error', async () => {
  writeFileSync(at('nothing.jsonl'), '\n\n');
  const { items } = await collect([at('nothing.jsonl')]);
  assert.deepEqual(
    items.map((i) => (i.kind === 'error' ? i.error.code : 'record')),
    ['empty'],
  );
});

test('JSONL: a large file is read line by line (10,000 lines)', async () => {
  const body = Array.from({ length: 10_000 }, (_, i) => line({ url: `https://x.example/${i}`, text: `Document ${i}.` })).join('\n');
  writeFileSync(at('many.jsonl'), body);
  const t0 = performance.now();
  const { records } = await collect([at('many.jsonl')]);
  assert.equal(records.length, 10_000);
  assert.equal(records[9999].origin.offset, 10_000);
  assert.ok(performance.now() - t0 < 5000, 'performance.now() - t0 < 5000');
});

test('JSONL: a numeric "published" is read as epoch seconds or milliseconds', async () => {
  writeFileSync(at('epoch.jsonl'), [line({ text: 's', published: 1715072400 }), line({ text: 'ms', published: 1715072400000 })].join('\n'));
  const { records } = await collect([at('epoch.jsonl')]);
  assert.deepEqual(
    records.map((r) => r.hints.publishedAt),
    ['2024-05-07T09:00:00.000Z', '2024-05-07T09:00:00.000Z'],
  );
});
