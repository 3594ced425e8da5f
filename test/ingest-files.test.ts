import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { newIngestStats, readSources, recordId } from '../src/ingest/index.js';
import { decodeText, DecodeError } from '../src/extract/decode.js';
import { collect, fakeStdin, tempDir, text, within } from './fixtures/ingest/helpers.js';
import { buildWarc, sampleCrawl } from './fixtures/ingest/warc-builder.js';

const tmp = tempDir('ingest-files');
after(tmp.cleanup);
const at = (...p: string[]): string => join(tmp.dir, ...p);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

before(() => {
  // A nested folder: 3 levels, hidden entries, a symlink loop, files the walk must skip.
  mkdirSync(at('tree', 'b-sub', 'deeper', 'deepest'), { recursive: true });
  mkdirSync(at('tree', '.git'), { recursive: true });
  writeFileSync(at('tree', 'z-last.html'), '<html><body><p>Z</p></body></html>');
  writeFileSync(at('tree', 'a-first.txt'), 'A first');
  writeFileSync(at('tree', 'b-sub', 'one.htm'), '<p>one</p>');
  writeFileSync(at('tree', 'b-sub', 'deeper', 'two.txt'), 'two');
  writeFileSync(at('tree', 'b-sub', 'deeper', 'deepest', 'three.html'), '<p>three</p>');
  writeFileSync(at('tree', 'b-sub', 'style.css'), 'p { color: red }');
  writeFileSync(at('tree', 'b-sub', 'logo.png'), PNG);
  writeFileSync(at('tree', '.hidden.html'), '<p>hidden</p>');
  writeFileSync(at('tree', '.git', 'config.txt'), 'not a document');
  writeFileSync(at('tree', 'c-noext'), '<!doctype html><html><body>no extension</body></html>');
  // a crawler's WARC still being written, and a download in progress: cut short if read now
  writeFileSync(at('tree', 'crawl-00001.warc.gz.open'), Buffer.from([0x1f, 0x8b, 0x08]));
  writeFileSync(at('tree', 'b-sub', 'page.html.part'), '<html><body><p>half a pa');
  symlinkSync('..', at('tree', 'b-sub', 'loop'));
});

test('a folder is walked recursively in sorted order, skipping hidden files, loops and non-documents', async () => {
  const { records, errors, stats } = await collect([at('tree')]);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    records.map((r) => r.origin.path.slice(at('tree').length + 1)),
    ['a-first.txt', 'b-sub/deeper/deepest/three.html', 'b-sub/deeper/two.txt', 'b-sub/one.htm', 'c-noext', 'z-last.html'],
  );
  assert.deepEqual(
    records.map((r) => r.type),
    ['text', 'html', 'text', 'html', 'html', 'html'],
  );
  assert.equal(stats.skipped['hidden'], 2);
  assert.equal(stats.skipped['symlink-loop'], 1);
  assert.equal(stats.skipped['unsupported-type'], 2);
  assert.equal(stats.skipped['in-progress'], 2, 'files another program is still writing are passed over, not read cut short');
  assert.equal(stats.records, 6);
  const named = await collect([at('tree', 'b-sub', 'page.html.part')]);
  assert.equal(named.records.length, 1, 'named explicitly, such a file is read');
  // Same order twice: deterministic.
  const again = await collect([at('tree')]);
  assert.deepEqual(
    again.records.map((r) => r.id),
    records.map((r) => r.id),
  );
});

test('record ids hash type and bytes only', async () => {
  writeFileSync(at('same1.html'), '<p>same</p>');
  writeFileSync(at('same2.html'), '<p>same</p>');
  writeFileSync(at('same3.txt'), '<p>same</p>');
  const { records } = await collect([at('same1.html'), at('same2.html'), at('same3.txt')]);
  assert.equal(records[0].id, records[1].id);
  assert.notEqual(records[0].id, records[2].id);
  assert.equal(records[0].id, recordId('html', new TextEncoder().encode('<p>same</p>')));
  assert.match(records[0].id, /^[0-9a-f]{32}$/);
});

test('an empty file and a whitespace-only file are "empty" errors', async () => {
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('blank.html'), '  \n\r\n ');
  const { records, errors } = await collect([at('empty.txt'), at('blank.html')]);
  assert.equal(records.length, 0);
  assert.deepEqual(
    errors.map((e) => [e.code, e.stage, e.origin.path]),
    [
      ['empty', 'ingest', at('empty.txt')],
      ['empty', 'ingest', at('blank.html')],
    ],
  );
});

test('a binary file with a document extension is refused at ingest ("binary"), and by decodeText too', async () => {
  writeFileSync(at('really-a-png.txt'), PNG);
  const { records, errors } = await collect([at('really-a-png.txt')]);
  assert.equal(records.length, 0);
  assert.equal(errors[0].code, 'binary');
  assert.match(errors[0].message, /png/);
  assert.throws(() => decodeText(PNG), (e: unknown) => e instanceof DecodeError && e.code === 'binary');
});

test('invalid UTF-8 and windows-1252 files are passed through as bytes for decode to handle', async () => {
  const latin = Buffer.from('Caf\xe9 cr\xe8me \x93quoted\x94', 'latin1');
  const broken = Buffer.concat([Buffer.from('Stra\u00dfe ok '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(' Gr\u00fc\u00dfe')]);
  writeFileSync(at('latin.txt'), latin);
  writeFileSync(at('broken.txt'), broken);
  const { records } = await collect([at('latin.txt'), at('broken.txt')]);
  assert.deepEqual(Buffer.from(records[0].bytes), latin);
  assert.equal(decodeText(records[0].bytes).text, 'Café crème “quoted”');
  assert.equal(decodeText(records[1].bytes).charset, 'utf-8 (repaired)');
});

test('a missing input is "not-found"; a file listed and then deleted is "vanished"', async () => {
  const missing = await collect([at('does-not-exist.html')]);
  assert.equal(missing.errors[0].code, 'not-found');

  mkdirSync(at('vanish'));
  for (const n of ['1.txt', '2.txt', '3.txt']) writeFileSync(at('vanish', n), `file ${n}`);
  const seen: string[] = [];
  // readAhead 1: no pages read ahead, so the deletion lands before 2.txt is touched.
  for await (const item of readSources([at('vanish')], { readAhead: 1 })) {
    if (item.kind === 'record') {
      seen.push(`record ${text(item.record)}`);
      // The walk listed the folder already; delete a later file before it is read.
      if (text(item.record) === 'file 1.txt') unlinkSync(at('vanish', '2.txt'));
    } else {
      seen.push(`error ${item.error.code} ${item.error.origin.path.endsWith('2.txt')}`);
    }
  }
  assert.deepEqual(seen, ['record file 1.txt', 'error vanished true', 'record file 3.txt']);
});

test('a 50 MB HTML page is accepted by default and read quickly; maxBytes refuses larger documents', async () => {
  const para = '<p>The council said on Tuesday that the bridge would reopen next month after repairs.</p>\n';
  const big = '<html><body>' + para.repeat(Math.ceil((50 * 1024 * 1024) / para.length)) + '</body></html>';
  writeFileSync(at('big.html'), big);
  const t0 = performance.now();
  const { records, errors } = await collect([at('big.html')]);
  const ms = performance.now() - t0;
  assert.deepEqual(errors, []);
  assert.equal(records[0].bytes.length, Buffer.byteLength(big));
  assert.ok(ms < 4000, `50 MB took ${ms} ms`);

  const small = await collect([at('big.html')], { maxBytes: 1024 * 1024 });
  assert.equal(small.records.length, 0);
  assert.equal(small.errors[0].code, 'too-large');
  // A stream over the limit is drained without being kept, and reported the same way.
  const piped = await collect(['-'], { maxBytes: 1024 * 1024, stdin: fakeStdin(big.slice(0, 3 * 1024 * 1024), 64 * 1024) });
  assert.equal(piped.errors[0].code, 'too-large');
});

test('gzipped documents are read through; a cut gzip is "truncated"', async () => {
  const html = '<html><body><p>compressed page</p></body></html>';
  const gz = gzipSync(html);
  writeFileSync(at('page.html.gz'), gz);
  writeFileSync(at('cut.html.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  // A page saved with its gzip Content-Encoding still applied, under a plain .html name.
  writeFileSync(at('saved-gzipped.html'), gz);
  writeFileSync(at('saved-cut.html'), gz.subarray(0, Math.floor(gz.length / 2)));
  const { records, errors } = await collect([at('page.html.gz'), at('cut.html.gz'), at('saved-gzipped.html'), at('saved-cut.html')]);
  assert.equal(records.length, 2);
  assert.equal(text(records[0]), html);
  assert.equal(records[0].type, 'html');
  assert.equal(records[1].id, records[0].id, 'same page bytes, same id');
  assert.deepEqual(
    errors.map((e) => e.code),
    ['truncated', 'truncated'],
  );
  const bomb = await collect([at('saved-gzipped.html')], { maxBytes: 10 });
  assert.equal(bomb.errors[0].code, 'too-large');
  // a damaged byte (its checksum fails) is "bad-gzip", not a file that cannot be read or a binary
  const damaged = Uint8Array.from(gz);
  damaged[gz.length - 6] ^= 0xff;
  writeFileSync(at('damaged.html.gz'), damaged);
  writeFileSync(at('saved-damaged.html'), damaged);
  writeFileSync(at('damaged.jsonl.gz'), (() => {
    const lines = gzipSync('{"url":"https://x.example/1","text":"one"}\n{"url":"https://x.example/2","text":"two"}\n');
    const d = Uint8Array.from(lines);
    d[lines.length - 6] ^= 0xff;
    return d;
  })());
  const bad = await collect([at('damaged.html.gz'), at('saved-damaged.html'), at('damaged.jsonl.gz')]);
  assert.deepEqual(bad.errors.map((e) => e.code), ['bad-gzip', 'bad-gzip', 'bad-gzip']);
});

test('stdin is sniffed: HTML, plain text, JSONL, RSS, WARC, gzipped WARC, binary', async () => {
  const read = (bytes: Uint8Array | string) => within(5000, 'stdin read', () => collect(['-'], { stdin: fakeStdin(bytes, 7) }));

  const html = await read('\n  <!DOCTYPE html><html><body>hi</body></html>');
  assert.equal(html.records[0].type, 'html');
  assert.deepEqual(html.records[0].origin, { path: '-', reader: 'stdin' });

  const plain = await read('Just a line of news text.\nAnd another.');
  assert.equal(plain.records[0].type, 'text');
  assert.equal(text(plain.records[0]), 'Just a line of news text.\nAnd another.');

  const jsonl = await read('{"text":"one"}\n{"html":"<p>two</p>","title":"Two"}\n');
  assert.deepEqual(
    jsonl.records.map((r) => [r.type, r.origin.reader, r.hints.title]),
    [
      ['text', 'jsonl', undefined],
      ['html', 'jsonl', 'Two'],
    ],
  );

  const rss = await read('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>I</title><description>Body</description></item></channel></rss>');
  assert.equal(rss.records[0].origin.reader, 'feed');
  assert.equal(rss.records[0].hints.outlet, 'T');

  for (const gzip of [false, true]) {
    const warc = await read(await buildWarc(sampleCrawl(), gzip));
    assert.deepEqual(
      warc.records.map((r) => r.origin.url),
      ['https://news.example/a', 'https://news.example/b.txt', 'https://news.example/c'],
      `gzip=${gzip}`,
    );
    assert.equal(warc.errors.length, 0);
  }

  const gzHtml = await read(gzipSync('<html><body>gzipped html on stdin</body></html>'));
  assert.equal(gzHtml.records[0].type, 'html');
  assert.equal(text(gzHtml.records[0]), '<html><body>gzipped html on stdin</body></html>');
  const gzJsonl = await read(gzipSync('{"text":"a"}\n{"text":"b"}\n'));
  assert.deepEqual(
    gzJsonl.records.map((r) => text(r)),
    ['a', 'b'],
  );
  const cutGz = gzipSync('<html><body>' + 'cut on stdin '.repeat(500) + '</body></html>');
  const cut = await read(cutGz.subarray(0, cutGz.length - 20));
  assert.deepEqual(
    cut.errors.map((e) => e.code),
    ['truncated'],
  );

  const png = await read(PNG);
  assert.equal(png.records.length, 0);
  assert.equal(png.errors[0].code, 'unsupported');

  const empty = await read('');
  assert.equal(empty.errors[0].code, 'empty');
});

test('an explicitly named non-document is "unsupported"; in a folder walk it is skipped and counted', async () => {
  writeFileSync(at('photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  const explicit = await collect([at('photo.jpg')]);
  assert.equal(explicit.errors[0].code, 'unsupported');
  const stats = newIngestStats();
  mkdirSync(at('photos'));
  writeFileSync(at('photos', 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  writeFileSync(at('photos', 'unknown.bin2'), new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9]));
  const walked = await collect([at('photos')], { stats });
  assert.equal(walked.items.length, 0);
  assert.equal(stats.skipped['unsupported-type'], 2);
});

test('reading thousands of small files keeps up (>= 1,000 files/s even on a busy machine)', async () => {
  const n = 2000;
  for (let i = 0; i < n; i++) {
    const sub = at('many', String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${i}.html`), `<html><body><p>Document number ${i}.</p></body></html>`);
  }
  const t0 = performance.now();
  const { records } = await collect([at('many')]);
  const perSec = n / ((performance.now() - t0) / 1000);
  assert.equal(records.length, n);
  assert.ok(perSec > 1000, `${Math.round(perSec)} files/s`);
});
