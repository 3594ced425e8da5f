import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseSourceList, renderRound } from '../src/cli/watch.js';
import { retryAfterMs } from '../src/ingest/http/fetcher.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { formatDuration, parseDuration } from '../src/watch/duration.js';
import { fileKey, PollTracker, urlKey } from '../src/watch/poll-tracker.js';
import { watch, type RoundReport } from '../src/watch/watch.js';
import { closeNow, listenOnLoopback, runCli, startCli, tempDir } from './helpers.js';

/**
 * `parallax watch`: rounds over feeds and folders that read only what changed (conditional GET,
 * unchanged and still-written files passed over), back-off for failing URLs, poll state kept in the
 * store across runs, and a prompt, lossless stop.
 */

const tmp = tempDir('parallax-watch-');
after(tmp.cleanup);

const LOCAL = { allowPrivate: true, delayMs: 0, timeoutMs: 60_000 };
const HOUR = 3_600_000;

/** Every request: its path and the validators it sent. */
const requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string }> = [];
let base = '';
let server: Server;
/** The feed's current items and version (its ETag). */
let feedItems: string[] = [];
let feedVersion = 1;
/** How many more times /down.xml answers 503 (with Retry-After: 2 hours) before it serves a feed. */
let downFailures = 0;

const FEED_DATE = 'Tue, 07 May 2024 09:30:00 GMT';
const rss = (titles: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Wire</title>` +
  titles
    .map((t, i) => `<item><guid>item-${t.length}-${i}</guid><title>${t}</title><description>${t}: the harbour board met on Tuesday and approved the plan for the quay, officials said.</description></item>`)
    .join('') +
  `</channel></rss>`;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  requests.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
  if (path === '/feed.xml') {
    const etag = `"v${feedVersion}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': FEED_DATE });
    res.end(rss(feedItems));
    return;
  }
  if (path === '/dated.xml') {
    // no ETag: Last-Modified only
    if (req.headers['if-modified-since'] === FEED_DATE) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': FEED_DATE });
    res.end(rss(['Ferry fares frozen for winter']));
    return;
  }
  if (path === '/down.xml') {
    if (downFailures-- > 0) {
      res.writeHead(503, { 'retry-after': '7200' });
      res.end('maintenance');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss(['Lighthouse keeper retires after forty years']));
    return;
  }
  if (path === '/silent.xml') return; // never answers
  res.writeHead(404);
  res.end();
}

before(async () => {
  server = createServer(route);
  base = await listenOnLoopback(server);
});
after(() => closeNow(server));

/** A clock that runs with real time plus what the test adds (to reach the next round without waiting). */
function steppedClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, step: (ms: number) => (offset += ms) };
}

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${title}: the council said on Monday that the work would start in spring and take two years to finish.</p>`.repeat(3) +
  `</article></body></html>`;

/** A file written long enough ago to count as settled. */
function writeOld(path: string, content: string): void {
  writeFileSync(path, content);
  const t = new Date(Date.now() - 60_000);
  utimesSync(path, t, t);
}

test('durations, Retry-After and source lists parse strictly', () => {
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('2d'), 172_800_000);
  assert.equal(parseDuration('45'), 45_000, 'a bare number is seconds');
  assert.equal(parseDuration('1.5h'), 5_400_000);
  for (const bad of ['', 'm', '15 minutes', '1h30', '-5s', '1e3s', 'x'.repeat(100)]) assert.equal(parseDuration(bad), null, bad);
  assert.equal(formatDuration(5_400_000), '1h 30m');
  assert.equal(formatDuration(250), '250 ms');
  assert.equal(formatDuration(0), '0 ms');
  assert.equal(formatDuration(61_000), '1m 1s');
  assert.equal(retryAfterMs('120'), 120_000);
  assert.equal(retryAfterMs('Tue, 07 May 2024 10:00:00 GMT', Date.parse('Tue, 07 May 2024 09:59:00 GMT')), 60_000);
  assert.equal(retryAfterMs('soon'), null);
  assert.equal(retryAfterMs(null), null);
  assert.deepEqual(
    parseSourceList('# feeds to poll\nhttps://a.example/feed.xml\n\n  crawl/incoming   # the crawler writes here\nhttps://b.example/news#top\r\n'),
    ['https://a.example/feed.xml', 'crawl/incoming', 'https://b.example/news#top'],
  );
});

test('a failing URL backs off: a round at the normal pace first, then doubling, or what Retry-After asks', () => {
  const clock = steppedClock();
  const tracker = new PollTracker(new Map(), { settleMs: 0, everyMs: HOUR, now: clock.now });
  const feed = 'https://a.example/feed.xml';
  const due = () => tracker.backingOff([feed]).length === 0;
  tracker.hooks.answered(feed, { status: 'failed', code: 'fetch-failed' });
  assert.ok(due(), 'one failure: tried again next round');
  tracker.hooks.answered(feed, { status: 'failed', code: 'fetch-failed' });
  assert.ok(!due(), 'two in a row: one round left out');
  clock.step(HOUR);
  assert.ok(due(), 'then due again');
  tracker.hooks.answered(feed, { status: 'failed', code: 'timeout' });
  clock.step(2 * HOUR);
  assert.ok(!due(), 'three in a row: three rounds left out');
  clock.step(HOUR);
  assert.ok(due(), 'due after three rounds');
  tracker.hooks.answered(feed, { status: 'not-modified' });
  tracker.hooks.answered(feed, { status: 'failed', code: 'http-error', retryAfterMs: 5 * HOUR });
  clock.step(4 * HOUR);
  assert.ok(!due(), 'an answer resets the count, but Retry-After is obeyed');
  clock.step(HOUR);
  assert.ok(due(), 'due once Retry-After has passed');
  for (let i = 0; i < 20; i++) tracker.hooks.answered(feed, { status: 'failed', code: 'timeout', retryAfterMs: 1e12 });
  clock.step(24 * HOUR);
  assert.ok(due(), 'never more than a day, whatever the server says');
});

test('poll states are recorded only for sources read whole and well', async () => {
  const dir = join(tmp.path, 'tracker');
  mkdirSync(dir);
  const good = join(dir, 'good.html');
  const vanishing = join(dir, 'vanishing.html');
  const fresh = join(dir, 'fresh.html');
  writeOld(good, page('Good'));
  writeOld(vanishing, page('Vanishing'));
  writeFileSync(fresh, page('Fresh'));
  const tracker = new PollTracker(new Map(), { settleMs: 30_000, everyMs: HOUR });
  tracker.beginRound();
  assert.equal(await tracker.hooks.skipFile(good), null, 'a new file is read');
  assert.equal(await tracker.hooks.skipFile(vanishing), null);
  assert.equal(await tracker.hooks.skipFile(fresh), 'file-settling', 'a file written moments ago waits');
  tracker.hooks.answered('https://a.example/feed.xml', { status: 'changed', validators: { etag: '"1"' } });
  tracker.hooks.answered('https://b.example/feed.xml', { status: 'changed', validators: { etag: '"2"' } });
  tracker.hooks.answered('https://c.example/feed.xml', { status: 'changed', validators: {} });
  tracker.failed({ origin: { path: vanishing, reader: 'html' }, stage: 'ingest', code: 'vanished', message: 'gone' });
  tracker.failed({ origin: { path: 'https://b.example/feed.xml', url: 'https://b.example/1', reader: 'html' }, stage: 'ingest', code: 'timeout', message: 'slow link' });
  tracker.failed({ origin: { path: good, reader: 'html' }, stage: 'ingest', code: 'binary', message: 'not text' });
  const states = new Map(tracker.endRound());
  assert.deepEqual(
    [...states.keys()].sort(),
    [fileKey(good), urlKey('https://a.example/feed.xml')].sort(),
    'a file that vanished, a feed with a failed link and a URL without validators are not recorded; a failure of the bytes themselves is',
  );
  tracker.beginRound();
  assert.equal(await tracker.hooks.skipFile(good), 'file-unchanged', 'the next round passes over the unchanged file');
  assert.equal(await tracker.hooks.skipFile(vanishing), null, 'and reads the one that failed for now again');
  const later = new Date(Date.now() - 50_000);
  utimesSync(good, later, later);
  assert.equal(await tracker.hooks.skipFile(good), null, 'a file modified since is read again');
});

test('watch rounds read only what changed: a 304 for an unchanged feed, unchanged files passed over, state kept in the store across runs', async () => {
  const dir = join(tmp.path, 'incoming');
  mkdirSync(dir);
  writeOld(join(dir, 'a.html'), page('Bridge repairs approved'));
  writeOld(join(dir, 'b.html'), page('School roof fixed'));
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  feedItems = ['Quay lights replaced', 'Harbour dredging starts'];
  feedVersion = 1;
  const db = join(tmp.path, 'watch.db');
  const feed = `${base}/feed.xml`;
  const dated = `${base}/dated.xml`;
  const once = async () => {
    const store = new SqliteStore(db);
    const reports: RoundReport[] = [];
    try {
      await watch(async () => [feed, dated, dir], store, {
        everyMs: HOUR,
        settleMs: 10_000,
        rounds: 1,
        ingest: { workers: 0, read: { fetch: LOCAL } },
        onRound: (r) => reports.push(r),
      });
      return { report: reports[0], articles: store.listArticles({ limit: 100 }).length, states: store.pollStates() };
    } finally {
      store.close();
    }
  };

  requests.length = 0;
  const first = await once();
  assert.deepEqual([first.report.summary.stored, first.report.summary.failed], [5, 0], JSON.stringify(first.report.summary));
  assert.equal(requests.find((r) => r.path === '/feed.xml')?.ifNoneMatch, undefined, 'the first request is unconditional');
  assert.deepEqual(JSON.parse(first.states.get(urlKey(feed))!), { etag: '"v1"', lastModified: FEED_DATE }, 'the validators are stored');
  assert.ok(first.states.has(fileKey(join(dir, 'a.html'))), 'and the files read');
  assert.ok(!first.states.has(fileKey(join(dir, 'logo.png'))), 'files a walk passes over anyway are not asked about');

  requests.length = 0;
  const second = await once();
  assert.equal(requests.find((r) => r.path === '/feed.xml')?.ifNoneMatch, '"v1"', 'a later run (a new process) sends the stored ETag');
  assert.equal(requests.find((r) => r.path === '/dated.xml')?.ifModifiedSince, FEED_DATE, 'and Last-Modified where there is no ETag');
  assert.deepEqual(
    [second.report.summary.read, second.report.summary.skipped['not-modified'], second.report.summary.skipped['file-unchanged']],
    [0, 2, 2],
    `nothing is read: ${JSON.stringify(second.report.summary)}`,
  );
  assert.match(renderRound(second.report), /round 1: 3 source\(s\), 2 not modified, 2 file\(s\) unchanged; 0 read: 0 stored/);

  feedItems = [...feedItems, 'Ferry timetable changes'];
  feedVersion = 2;
  writeOld(join(dir, 'c.html'), page('Market hall reopens'));
  writeFileSync(join(dir, 'd.html'), page('Tram line extended')); // still being written
  requests.length = 0;
  const third = await once();
  const s = third.report.summary;
  assert.deepEqual([s.stored, s.alreadyStored, s.skipped['file-unchanged'], s.skipped['file-settling']], [2, 2, 2, 1], JSON.stringify(s));
  assert.equal(third.articles, 7, 'the new feed item and the new settled file are stored; the file being written waits');
  assert.equal(JSON.parse(third.states.get(urlKey(feed))!).etag, '"v2"', 'the new version is remembered');

  rmSync(join(dir, 'a.html'));
  const fourth = await once();
  assert.ok(!fourth.states.has(fileKey(join(dir, 'a.html'))), 'the state of a file gone from the folder is forgotten');
  assert.ok(fourth.states.has(fileKey(join(dir, 'b.html'))) && fourth.states.has(urlKey(feed)), 'the others stay');
});

test('a failing feed is left alone for the rounds the back-off says, then read again', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const clock = steppedClock();
    const reports: RoundReport[] = [];
    downFailures = 1;
    requests.length = 0;
    const result = await watch(async () => [`${base}/down.xml`], store, {
      everyMs: HOUR,
      settleMs: 0,
      rounds: 3,
      now: clock.now,
      ingest: { workers: 0, read: { fetch: LOCAL } },
      // each round is an hour later on the clock, so the loop does not wait
      onRound: (r) => {
        reports.push(r);
        clock.step(HOUR);
      },
    });
    assert.deepEqual(reports.map((r) => [r.sources, r.backingOff.length, r.summary.failed, r.summary.stored]), [
      [1, 0, 1, 0],
      [0, 1, 0, 0],
      [1, 0, 0, 1],
    ], 'a 503 asking for two hours: left out of the next round, read in the one after');
    assert.deepEqual(requests.map((r) => r.path), ['/down.xml', '/down.xml']);
    assert.equal(result.failed, 1);
  } finally {
    store.close();
  }
});

test('stopping a watch ends a round that waits on a silent server at once, stores what was read and records no poll state', async () => {
  const dir = join(tmp.path, 'stop');
  mkdirSync(dir);
  writeOld(join(dir, 'a.html'), page('Bridge repairs approved'));
  const store = new SqliteStore(':memory:');
  try {
    const controller = new AbortController();
    const reports: RoundReport[] = [];
    const started = Date.now();
    const result = await watch(async () => [dir, `${base}/silent.xml`], store, {
      everyMs: HOUR,
      settleMs: 0,
      signal: controller.signal,
      ingest: { workers: 0, read: { fetch: LOCAL } },
      onRoundStart: () => setTimeout(() => controller.abort(), 300),
      onRound: (r) => reports.push(r),
    });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `stopped promptly, not after the 60 s fetch timeout (${elapsed} ms)`);
    assert.equal(result.stopped, true);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].interrupted, true);
    assert.equal(reports[0].statesRecorded, 0, 'an interrupted round records nothing: it is read again next time');
    assert.equal(store.pollStates().size, 0);
    assert.equal(store.listArticles().length, 1, 'the file read before the stop is stored');
    assert.equal(store.errors().length, 0, 'the request cut short by the stop is not a failure of the document');
  } finally {
    store.close();
  }
});

test('parallax watch --once: a second run passes over what the first read; Ctrl-C stops a running watch cleanly; usage errors exit 2', async () => {
  const dir = join(tmp.path, 'cli');
  mkdirSync(dir);
  writeOld(join(dir, 'a.html'), page('Bridge repairs approved'));
  writeOld(join(dir, 'b.txt'), 'Ferry fares frozen\n\nThe ferry company froze its fares for the winter, its director said on Monday, after a year of rises.');
  const db = join(tmp.path, 'cli.db');
  const first = runCli(['watch', dir, '--once', '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /round 1: 1 source\(s\); 2 read: 2 stored/);
  const second = runCli(['watch', dir, '--once', '--db', db, '--json']);
  assert.equal(second.status, 0, second.stderr);
  const report = JSON.parse(second.stdout) as RoundReport;
  assert.deepEqual([report.summary.read, report.summary.skipped['file-unchanged'], report.nextRoundAt], [0, 2, null]);

  const list = join(tmp.path, 'sources.txt');
  writeFileSync(list, `# what to poll\n${dir}\n`);
  const child = startCli(['watch', '--sources-file', list, '--every', '1h', '--db', join(tmp.path, 'cli2.db')]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  while (!/round 1:/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /round 1: 1 source\(s\); 2 read: 2 stored.*Next round at/, `the first round ran: ${out} ${err}`);
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  assert.equal(code, 0, `a clean stop while waiting for the next round: ${err}`);
  assert.match(err, /SIGINT: storing the documents in hand, then stopping/);

  for (const args of [['watch'], ['watch', dir, '--every', 'often'], ['watch', dir, '--every', '10ms'], ['watch', dir, '--once', '--rounds', '2'], ['watch', '--sources-file', join(tmp.path, 'missing.txt')], ['watch', '-', '--once']]) {
    const r = runCli([...args, '--db', db]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /watch needs sources|--every must be a duration|--once and --rounds|cannot read --sources-file|cannot poll standard input/, r.stderr);
  }
});

test('a round that fails as a whole (the store went away) is reported, records nothing, and the watch goes on', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const clock = steppedClock();
    const reports: RoundReport[] = [];
    let calls = 0;
    const result = await watch(async () => ['https://a.example/feed.xml'], store, {
      everyMs: HOUR,
      settleMs: 0,
      rounds: 2,
      now: clock.now,
      runRound: async (inputs, hooks) => {
        calls++;
        hooks.poll.answered(inputs[0], { status: 'changed', validators: { etag: `"${calls}"` } });
        if (calls === 1) throw new Error('connection terminated unexpectedly');
        return { read: 1, stored: 1, alreadyStored: 0, failed: 0, skipped: {} };
      },
      onRound: (r) => {
        reports.push(r);
        clock.step(HOUR);
      },
    });
    assert.deepEqual(reports.map((r) => [r.error, r.statesRecorded]), [
      ['connection terminated unexpectedly', 0],
      [null, 1],
    ]);
    assert.match(renderRound(reports[0]), /The round failed: connection terminated unexpectedly; it is read again next time\./);
    assert.deepEqual([result.rounds, result.roundErrors, result.stored], [2, 1, 1]);
    assert.equal(JSON.parse(store.pollStates().get(urlKey('https://a.example/feed.xml'))!).etag, '"2"', 'only the round that ended well recorded its state');
  } finally {
    store.close();
  }
});
