import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { newIngestStats, readSources, type IngestStats } from '../src/ingest/index.js';
import { streamSource } from '../src/ingest/source.js';
import { readWarc } from '../src/ingest/warc.js';
import type { IngestItem } from '../src/model.js';
import { collect, tempDir, text, within } from './fixtures/ingest/helpers.js';
import { buildWarc, handWrittenResponse, sampleCrawl } from './fixtures/ingest/warc-builder.js';

const tmp = tempDir('ingest-warc');
after(tmp.cleanup);
const at = (name: string): string => join(tmp.dir, name);

const EXPECTED_URLS = ['https://news.example/a', 'https://news.example/b.txt', 'https://news.example/c'];

/** Read WARC bytes through the reader directly, in small chunks like a slow disk or pipe. */
async function readWarcBytes(bytes: Uint8Array, stats: IngestStats = newIngestStats(), maxBytes = 1 << 20, chunk = 97): Promise<IngestItem[]> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: IngestItem[] = [];
  for await (const item of readWarc(streamSource('-', chunks()), { maxBytes, stats })) out.push(item);
  return out;
}

for (const gzip of [false, true]) {
  const ext = gzip ? '.warc.gz' : '.warc';

  test(`${ext}: HTML and text/plain 200 responses are read; request, metadata, warcinfo, image and 404 are skipped and counted`, async () => {
    writeFileSync(at(`crawl${ext}`), await buildWarc(sampleCrawl(), gzip));
    const { records, errors, stats } = await collect([at(`crawl${ext}`)]);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      records.map((r) => r.origin.url),
      EXPECTED_URLS,
    );
    assert.deepEqual(
      records.map((r) => r.type),
      ['html', 'text', 'html'],
    );
    assert.deepEqual(stats.skipped, {
      'warc-warcinfo': 1,
      'warc-request': 1,
      'warc-not-document': 1,
      'warc-metadata': 1,
      'warc-non-200': 1,
    });
    const a = records[0];
    assert.equal(a.origin.reader, 'warc');
    assert.equal(a.origin.path, at(`crawl${ext}`));
    assert.match(a.origin.warcRecordId ?? '', /^<urn:uuid:[0-9a-f-]+>$/);
    assert.equal(a.hints.url, 'https://news.example/a');
    assert.equal(a.hints.charset, 'ISO-8859-1');
    // Payload bytes are the HTTP body exactly (Latin-1 byte kept as is, for decode to handle).
    assert.deepEqual(Buffer.from(a.bytes), Buffer.from('<html><head><title>A</title></head><body><p>Story A caf\xe9</p></body></html>', 'latin1'));
    assert.equal(text(records[1]), 'Story B in plain text.\n');
  });

  test(`${ext}: each record's offset points at its record in the file`, async () => {
    const warc = await buildWarc(sampleCrawl(), gzip);
    const records = (await readWarcBytes(warc)).flatMap((i) => (i.kind === 'record' ? [i.record] : []));
    assert.equal(records.length, 3);
    for (const r of records) {
      const fromOffset = (await readWarcBytes(warc.subarray(r.origin.offset))).find((i) => i.kind === 'record');
      assert.ok(fromOffset?.kind === 'record', "fromOffset?.kind === 'record'");
      assert.equal(fromOffset.record.id, r.id);
      assert.equal(fromOffset.record.origin.url, r.origin.url);
    }
  });

  test(`${ext}: a file cut in half yields the complete records, then exactly one "truncated"`, async () => {
    const warc = await buildWarc(sampleCrawl(), gzip);
    const full = (await readWarcBytes(warc)).flatMap((i) => (i.kind === 'record' ? [i.record.id] : []));
    writeFileSync(at(`half${ext}`), warc.subarray(0, Math.floor(warc.length / 2)));
    const { items, records, errors } = await within(5000, 'reading a cut WARC', () => collect([at(`half${ext}`)]));
    assert.equal(errors.length, 1);
    assert.equal(errors[0].code, 'truncated');
    assert.equal(items[items.length - 1].kind, 'error', 'the error comes last');
    assert.ok(records.length >= 1, 'the first page lies in the first half');
    assert.deepEqual(
      records.map((r) => r.id),
      full.slice(0, records.length),
    );
  });

  test(`${ext}: cut at any byte, the reader never hangs or throws, and yields a prefix plus at most one "truncated"`, async () => {
    const warc = await buildWarc(sampleCrawl(), gzip);
    const full = (await readWarcBytes(warc)).flatMap((i) => (i.kind === 'record' ? [i.record.id] : []));
    let truncatedSeen = 0;
    for (let cut = 1; cut < warc.length; cut += 11) {
      const items = await within(2000, `cut at ${cut}`, () => readWarcBytes(warc.subarray(0, cut)));
      const ids = items.flatMap((i) => (i.kind === 'record' ? [i.record.id] : []));
      const errors = items.flatMap((i) => (i.kind === 'error' ? [i.error.code] : []));
      assert.deepEqual(ids, full.slice(0, ids.length), `records at cut ${cut}`);
      assert.ok(errors.length <= 1, `cut ${cut}: ${errors.join(',')}`);
      if (errors.length === 1) {
        assert.ok(errors[0] === 'truncated' || (gzip && cut < 2 && errors[0] === 'not-warc'), `cut ${cut}: ${errors[0]}`);
        assert.equal(items[items.length - 1].kind, 'error');
        truncatedSeen++;
      }
    }
    assert.ok(truncatedSeen > 0, 'truncatedSeen > 0');
  });
}

test('.warc.gz with one damaged byte anywhere: never hangs, and records are never lost without an error (the damage is "bad-gzip" after the records before it)', async () => {
  const warc = await buildWarc(sampleCrawl(), true);
  const full = (await readWarcBytes(warc)).flatMap((i) => (i.kind === 'record' ? [i.record.id] : []));
  let damageReported = 0;
  for (let at = 0; at < warc.length; at += 7) {
    const damaged = Uint8Array.from(warc);
    damaged[at] ^= 0xff;
    const items = await within(2000, `byte ${at} flipped`, () => readWarcBytes(damaged));
    const ids = items.flatMap((i) => (i.kind === 'record' ? [i.record.id] : []));
    const errors = items.flatMap((i) => (i.kind === 'error' ? [i.error] : []));
    assert.ok(errors.length <= 1, `byte ${at}: ${errors.map((e) => e.code).join(',')}`);
    if (errors.length === 0) assert.deepEqual(ids, full, `byte ${at}: no error, so every record`);
    else {
      assert.equal(items[items.length - 1].kind, 'error', `byte ${at}: the error comes last`);
      if (errors[0].code === 'bad-gzip') damageReported++;
    }
  }
  assert.ok(damageReported > 0, 'damage inside a member is reported as such');
});

test('a record payload over maxBytes is "too-large" and reading goes on', async () => {
  const warc = await buildWarc([
    { type: 'response', url: 'https://x.example/big', contentType: 'text/html', body: '<p>' + 'x'.repeat(5000) + '</p>' },
    { type: 'response', url: 'https://x.example/small', contentType: 'text/html', body: '<p>small</p>' },
  ]);
  const items = await readWarcBytes(warc, newIngestStats(), 1000);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? `record ${i.record.origin.url}` : `error ${i.error.code} ${i.error.origin.url}`)),
    ['error too-large https://x.example/big', 'record https://x.example/small'],
  );
});

test('chunked and gzip-encoded HTTP bodies are decoded to the page bytes', async () => {
  const page = '<html><body><p>encoded body</p></body></html>';
  const gz = gzipSync(page);
  const chunked = Buffer.concat([Buffer.from(gz.length.toString(16) + '\r\n'), gz, Buffer.from('\r\n0\r\n\r\n')]);
  const warc = await buildWarc([
    {
      type: 'response',
      url: 'https://x.example/enc',
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
      body: chunked,
    },
    { type: 'response', url: 'https://x.example/next', contentType: 'text/html', body: '<p>next</p>' },
  ]);
  const records = (await readWarcBytes(warc)).flatMap((i) => (i.kind === 'record' ? [i.record] : []));
  assert.equal(text(records[0]), page);
  assert.equal(records[0].hints.charset, 'utf-8');
  assert.equal(text(records[1]), '<p>next</p>');
});

test('resource records with an HTML type are read; responses without Content-Type are kept only if they look like HTML', async () => {
  const warc = await buildWarc([
    { type: 'resource', url: 'file:///saved/page.html', contentType: 'text/html', body: '<html><body>resource</body></html>' },
    // (Real responses always carry some header; warcio misreads a header block with none at all.)
    { type: 'response', url: 'https://x.example/untyped-html', headers: { Server: 'x' }, body: '<!doctype html><html><body>untyped</body></html>' },
    { type: 'response', url: 'https://x.example/untyped-js', headers: { Server: 'x' }, body: 'var x = 1;' },
    { type: 'revisit', url: 'https://x.example/untyped-html' },
    { type: 'response', url: 'https://x.example/hostile-type', contentType: 'constructor', body: '<p>x</p>' },
  ]);
  const stats = newIngestStats();
  const records = (await readWarcBytes(warc, stats)).flatMap((i) => (i.kind === 'record' ? [i.record] : []));
  assert.deepEqual(
    records.map((r) => r.origin.url),
    ['file:///saved/page.html', 'https://x.example/untyped-html'],
  );
  assert.equal(stats.skipped['warc-not-document'], 2);
  assert.equal(stats.skipped['warc-revisit'], 1);
});

test('a .warc file that is not a WARC is "not-warc"; an empty one is "empty"', async () => {
  writeFileSync(at('fake.warc'), '<html>I am not a WARC</html>');
  writeFileSync(at('empty.warc'), '');
  writeFileSync(at('fake.warc.gz'), gzipSync('hello, not a warc either'));
  const { records, errors } = await collect([at('fake.warc'), at('empty.warc'), at('fake.warc.gz')]);
  assert.equal(records.length, 0);
  assert.deepEqual(
    errors.map((e) => e.code),
    ['not-warc', 'empty', 'not-warc'],
  );
});

test('a long WARC streams: 200 MB generated on the fly pass through with flat memory', async () => {
  const n = 10_000;
  const page = '<html><body>' + '<p>Paragraph of a crawled news page with some words in it, repeated.</p>'.repeat(280) + '</body></html>';
  async function* generated(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < n; i++) yield handWrittenResponse(`https://x.example/${i}`, page + i, i);
  }
  global.gc?.();
  const base = process.memoryUsage();
  let peak = 0;
  let count = 0;
  let bytes = 0;
  const t0 = performance.now();
  for await (const item of readWarc(streamSource('-', generated()), { maxBytes: 1 << 20, stats: newIngestStats() })) {
    assert.equal(item.kind, 'record');
    if (item.kind === 'record') bytes += item.record.bytes.length;
    if (++count % 500 === 0) {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(count, n);
  assert.ok(bytes > 190e6, 'bytes > 190e6');
  assert.ok(peak < 120 * 1024 * 1024, `memory grew by ${Math.round(peak / 1048576)} MiB while streaming ${Math.round(bytes / 1048576)} MiB`);
  assert.ok(seconds < 20, `${seconds} s`);
});

test('a header that never ends (garbage after a valid record) is "bad-warc", not a memory blow-up', async () => {
  const good = handWrittenResponse('https://x.example/ok', '<p>ok</p>', 1);
  const garbage = Buffer.alloc(20 * 1024 * 1024, 0x78); // 20 MB without a newline
  for (const tail of [Buffer.concat([Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nX-Junk: '), garbage]), garbage]) {
    const items = await within(10_000, 'endless header', () => readWarcBytes(Buffer.concat([good, tail]), newIngestStats(), 1 << 20, 1 << 20));
    assert.deepEqual(
      items.map((i) => (i.kind === 'record' ? 'record' : i.error.code)),
      ['record', 'bad-warc'],
    );
  }
});

test('a gzip bomb in a .warc.gz record is cut at maxBytes', async () => {
  const spaces = ' '.repeat(64 * 1024 * 1024); // 64 MiB of spaces, ~64 KB gzipped
  const warc = gzipSync(handWrittenResponse('https://x.example/bomb', spaces, 1));
  assert.ok(warc.length < 1024 * 1024, 'warc.length < 1024 * 1024');
  const items = await readWarcBytes(warc, newIngestStats(), 1024 * 1024, 64 * 1024);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? 'record' : i.error.code)),
    ['too-large'],
  );
});

test('stopping early, or refusing a file after its head, closes it (no descriptor left open)', { skip: !existsSync('/proc/self/fd') && 'needs /proc' }, async () => {
  // Over 1 MiB, so the file is still open when the consumer stops (one read would finish a small one).
  const records = Array.from({ length: 50 }, (_, i) => handWrittenResponse(`https://x.example/${i}`, `<p>${i}</p>`.repeat(5000), i));
  writeFileSync(at('early.warc'), Buffer.concat(records));
  writeFileSync(at('not-a-warc.warc'), Buffer.alloc(3 << 20, 0x42));
  writeFileSync(at('not-a-feed.rss'), Buffer.alloc(3 << 20, 0x43));
  writeFileSync(at('bad-middle.warc'), Buffer.concat([handWrittenResponse('https://x.example/1', '<p>1</p>', 1), Buffer.from('WARC/1.0\r\nWARC-Type: response\r\n\r\n'), Buffer.alloc(3 << 20, 0x41)]));
  const openFds = (): number => readdirSync('/proc/self/fd').length;
  const before = openFds();
  for (let round = 0; round < 5; round++) {
    for await (const item of readSources([at('early.warc')])) {
      if (item.kind === 'record') break; // consumer stops after the first record
    }
    // Files refused after a look at their head, or in the middle.
    for await (const item of readSources([at('not-a-warc.warc'), at('not-a-feed.rss'), at('bad-middle.warc')])) void item;
  }
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(openFds() <= before + 1, `${openFds() - before} descriptors leaked`);
});

test('a read error in the middle is reported as such ("unreadable"), not as a cut file', async () => {
  // The first record is bigger than the reader's 64 KB look at the head, so the failure comes later.
  const first = handWrittenResponse('https://x.example/1', '<p>one</p>'.repeat(8000), 1);
  const warc = Buffer.concat([first, handWrittenResponse('https://x.example/2', '<p>two</p>'.repeat(100), 2)]);
  const firstEnd = first.length;
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield warc.subarray(0, firstEnd + 300);
    throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
  }
  const items: IngestItem[] = [];
  for await (const item of readWarc(streamSource('-', failing()), { maxBytes: 1 << 20, stats: newIngestStats() })) items.push(item);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? i.record.origin.url : i.error.code)),
    ['https://x.example/1', 'unreadable'],
  );
});

test('a record whose Content-Length is too short: the library warning names the WARC, and the records after it are read', async () => {
  const first = Buffer.from(handWrittenResponse('https://x.example/1', '<p>first page</p>', 1));
  // the declared length stops 20 bytes short of where the record really ends
  const short = Buffer.from(first.toString('latin1').replace(/Content-Length: (\d+)/, (_, n: string) => `Content-Length: ${Number(n) - 20}`), 'latin1');
  const path = at('short-length.warc');
  writeFileSync(path, Buffer.concat([short, handWrittenResponse('https://x.example/2', '<p>second page</p>', 2)]));
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  let records: Awaited<ReturnType<typeof collect>>['records'];
  try {
    ({ records } = await collect([path]));
  } finally {
    process.stderr.write = write;
  }
  const warning = written.join('');
  assert.ok(warning.includes(`${path}: a record's Content-Length is shorter than the record`), `the warning names the file: ${warning}`);
  assert.ok(records.some((r) => r.origin.url === 'https://x.example/2'), 'the next record is read');
});
