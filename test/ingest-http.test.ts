import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describeOrigin } from '../src/cli/show.js';
import { extract } from '../src/extract/index.js';
import { isPublicAddress } from '../src/ingest/http/address-policy.js';
import { HostPacer } from '../src/ingest/http/host-pacer.js';
import type { ReadOptions } from '../src/ingest/index.js';
import { ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { collect, tempDir, within } from './fixtures/ingest/helpers.js';
import { closeNow, listenOnLoopback, startCli } from './helpers.js';

/**
 * Fetching URLs and following feed links, against a local server: redirects, charsets, gzip,
 * robots.txt, errors, size and time limits, the private-address guard, pacing, and the store
 * check that keeps a second poll from fetching what it already has.
 */

const tmp = tempDir('ingest-http');
after(tmp.cleanup);

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title} | Site</title><meta property="og:site_name" content="Example Wire"></head>` +
  `<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article><footer>© Example</footer></body></html>`;
const PARAGRAPHS = (topic: string) =>
  [1, 2, 3, 4]
    .map((n) => `<p>Paragraph ${n} about ${topic}: the regional council met on Tuesday and voted to fund the work over three years, officials said.</p>`)
    .join('');

/** Every request the server saw, with the time it arrived (ms). */
const requests: Array<{ path: string; at: number; ua: string }> = [];
let base = '';
let server: Server;
/** How many more times /news/flaky answers 503 before it serves the page. */
let flakyFailures = 0;
/** How many more times /news/dying answers 503 before it answers 404 for good. */
let dyingFailures = 0;

const feed = (items: Array<{ title: string; link: string; date?: string }>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire - Top stories</title><language>en</language>` +
  items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link>` +
        `<pubDate>${i.date ?? 'Tue, 07 May 2024 09:30:00 +0000'}</pubDate><description>Teaser for ${i.title}.</description></item>`,
    )
    .join('') +
  `</channel></rss>`;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  requests.push({ path, at: performance.now(), ua: String(req.headers['user-agent'] ?? '') });
  const html = (body: string, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/robots.txt':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
      return;
    case '/old':
      res.writeHead(301, { location: '/news/bridge' });
      res.end();
      return;
    case '/news/bridge':
      return html(PAGE('Bridge repairs approved', PARAGRAPHS('the bridge')));
    case '/news/latin1': {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(iconv.encode(PAGE('Café reopens', '<p>The café on the quay reopened on Monday after repairs, its owner said.</p>'.repeat(3)), 'latin1'));
      return;
    }
    case '/news/gzipped':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(PAGE('Harbour dredging starts', PARAGRAPHS('the harbour'))));
      return;
    case '/news/school':
      return html(PAGE('School roof fixed', PARAGRAPHS('the school roof')));
    case '/private/memo':
      return html(PAGE('Internal memo', PARAGRAPHS('a memo')));
    case '/files/report.pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 not really');
      return;
    case '/feed.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        feed([
          { title: 'Bridge repairs approved', link: `${base}/old` },
          { title: 'School roof fixed', link: 'news/school' }, // relative: resolved against the feed's URL
          { title: 'Internal memo', link: `${base}/private/memo` }, // robots.txt says no
          { title: 'Report published', link: `${base}/files/report.pdf` }, // not a web page
          { title: 'Gone story', link: `${base}/news/gone` }, // 404
          { title: 'Bridge repairs approved (again)', link: `${base}/old` }, // same link twice in one feed
        ]),
      );
      return;
    case '/news/flaky':
      // down for maintenance the first `flakyFailures` times it is asked, then up
      if (flakyFailures-- > 0) {
        res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '60' });
        res.end('maintenance');
        return;
      }
      return html(PAGE('Ferry timetable changes', PARAGRAPHS('the ferry timetable')));
    case '/flaky-feed.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        feed([
          { title: 'Ferry timetable changes', link: `${base}/news/flaky` }, // 503 at first: tried again next poll
          { title: 'Gone story', link: `${base}/news/gone` }, // 404: the item stands
        ]),
      );
      return;
    case '/news/dying':
      // a 503 for a while, then gone for good
      res.writeHead(dyingFailures-- > 0 ? 503 : 404, { 'content-type': 'text/plain' });
      res.end('no');
      return;
    case '/dying-feed.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed([{ title: 'Quay lights replaced', link: `${base}/news/dying` }]));
      return;
    case '/slow-headers':
      return; // never answers
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>A start, and then nothing more.');
      return; // never ends
    case '/endless': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
  }
}

before(async () => {
  server = createServer(route);
  base = await listenOnLoopback(server);
});
after(() => closeNow(server));

/** Our server runs on loopback: the tests allow private addresses unless they test the guard. */
const LOCAL: ReadOptions['fetch'] = { allowPrivate: true, delayMs: 0, timeoutMs: 2000 };

test('a URL is fetched and read like a file: redirects followed, final URL and header charset kept, gzip undone', async () => {
  const { records, errors } = await collect([`${base}/old`, `${base}/news/latin1`, `${base}/news/gzipped`], { fetch: LOCAL });
  assert.deepEqual(errors, []);
  assert.equal(records.length, 3);
  const [bridge, latin1, gzipped] = records;
  assert.equal(bridge.type, 'html');
  assert.equal(bridge.origin.path, `${base}/old`, 'the origin names the URL the user gave');
  assert.equal(bridge.origin.url, `${base}/news/bridge`, 'and the URL after the redirect');
  const article = extract(bridge);
  assert.equal(article.url, `${base}/news/bridge`);
  assert.match(article.text, /Paragraph 4 about the bridge/);
  assert.equal(latin1.hints.charset, 'iso-8859-1');
  assert.match(extract(latin1).text, /The café on the quay/, 'Latin-1 bytes decoded by the charset of the Content-Type header');
  assert.match(extract(gzipped).text, /about the harbour/, 'Content-Encoding: gzip undone');
});

test('a feed fetched by URL gives its items; without --follow-links no link is fetched', async () => {
  requests.length = 0;
  const { records, errors } = await collect([`${base}/feed.xml`], { fetch: LOCAL });
  assert.deepEqual(errors, []);
  assert.equal(records.length, 6);
  assert.ok(records.every((r) => r.origin.reader === 'feed'), 'feed items');
  assert.deepEqual(
    requests.map((r) => r.path),
    ['/feed.xml'],
    'only the feed itself was requested',
  );
  assert.match(requests[0].ua, /^Parallax\//, 'our own User-Agent');
});

test('--follow-links: pages replace their items; robots.txt, failures and non-pages keep the item; nothing is fetched twice', async () => {
  requests.length = 0;
  const { records, errors, stats } = await collect([`${base}/feed.xml`], { fetch: { ...LOCAL, followLinks: true } });
  const pages = records.filter((r) => r.origin.reader === 'html');
  const items = records.filter((r) => r.origin.reader === 'feed');
  assert.deepEqual(
    pages.map((r) => r.hints.url),
    [`${base}/news/bridge`, `${base}/news/school`],
    'the two web pages, at their final URLs (redirect followed, relative link resolved)',
  );
  assert.equal(pages[0].origin.url, `${base}/old`, 'the origin keeps the link as the feed gave it');
  assert.equal(pages[0].origin.path, `${base}/feed.xml`);
  const bridge = extract(pages[0]);
  assert.equal(bridge.title, 'Bridge repairs approved', "the feed's title is kept as a hint");
  assert.equal(bridge.publishedAt?.slice(0, 10), '2024-05-07', "and the feed's date");
  assert.equal(bridge.outlet, 'Example Wire', "the outlet is the page's own site name, not the feed title");
  assert.match(bridge.text, /Paragraph 4 about the bridge/, 'the full article, not the teaser');
  assert.deepEqual(
    items.map((r) => r.hints.title),
    ['Internal memo', 'Report published', 'Gone story'],
    'items whose page could not be had are kept',
  );
  assert.deepEqual(
    errors.map((e) => [e.code, e.origin.url]),
    [
      ['unsupported', `${base}/files/report.pdf`],
      ['http-error', `${base}/news/gone`],
    ],
  );
  assert.match(errors[1].message, /HTTP 404/);
  assert.equal(stats.skipped['link-robots-disallowed'], 1);
  assert.equal(stats.skipped['link-already-fetched'], 1, 'the same link twice in one run is fetched once');
  const paths = requests.map((r) => r.path);
  assert.ok(!paths.includes('/private/memo'), `robots.txt obeyed: ${paths.join(' ')}`);
  assert.equal(paths.filter((p) => p === '/robots.txt').length, 1, 'robots.txt read once per host');
  assert.equal(paths.filter((p) => p === '/old').length, 1, 'the repeated link fetched once');
});

test('--follow-links asks the store first: links it already holds are not fetched', async () => {
  requests.length = 0;
  const known = new Set([`${base}/old`, `${base}/news/school`]);
  const { records, stats } = await collect([`${base}/feed.xml`], {
    fetch: { ...LOCAL, followLinks: true, obeyRobots: false },
    skipUrl: async (url) => known.has(url),
  });
  const paths = requests.map((r) => r.path);
  assert.ok(!paths.includes('/old') && !paths.includes('/news/school'), `known links not fetched: ${paths.join(' ')}`);
  assert.ok(paths.includes('/private/memo'), 'obeyRobots false fetches what robots.txt forbids');
  assert.ok(!paths.includes('/robots.txt'), 'and does not read robots.txt');
  assert.equal(stats.skipped['link-already-fetched'], 3);
  assert.ok(records.some((r) => r.hints.url === `${base}/private/memo`), 'the memo page was taken');
});

test('--follow-links tries a page again on the next poll when its fetch failed in a way that may pass (a 503), not when refused (a 404)', async () => {
  const store = new SqliteStore(join(tmp.dir, 'flaky.db'));
  try {
    const poll = () => ingest([`${base}/flaky-feed.xml`], store, { read: { fetch: { ...LOCAL, followLinks: true, obeyRobots: false } }, workers: 0 });
    flakyFailures = 1;
    requests.length = 0;
    const first = await poll();
    assert.deepEqual([first.stored, first.failed], [2, 2], 'both items are kept in place of their pages, and both failures reported');
    assert.equal(store.hasOriginUrl(`${base}/news/flaky`), false, 'a 503 does not hold the link');
    assert.equal(store.hasOriginUrl(`${base}/news/gone`), true, 'a 404 does');
    const kept = store.getArticle(store.articleIds()[0])!;
    assert.equal(kept.origins[0].linkFailed, 'http-error', 'the kept item says why it stands in for the page');

    requests.length = 0;
    const second = await poll();
    assert.deepEqual(requests.map((r) => r.path), ['/flaky-feed.xml', '/news/flaky'], 'the next poll asks for the page again, and only for it');
    assert.equal(second.stored, 1, JSON.stringify(second));
    assert.ok(store.listArticles().some((a) => a.url === `${base}/news/flaky` && a.title === 'Ferry timetable changes'), 'the page is stored');
    assert.equal(store.hasOriginUrl(`${base}/news/flaky`), true, 'and now holds the link');
    assert.equal(second.standInsReplaced, 1, 'the feed item kept in its place is replaced');
    assert.deepEqual(
      store.listArticles().map((a) => a.url ?? a.title).sort(),
      [`${base}/news/flaky`, `${base}/news/gone`].sort(),
      'the page and the item standing in for the refused one remain; the stand-in for the page that came is gone',
    );

    requests.length = 0;
    const third = await poll();
    assert.deepEqual(requests.map((r) => r.path), ['/flaky-feed.xml'], 'then nothing is fetched again');
    assert.equal(third.stored, 0);
  } finally {
    store.close();
  }
});

test('a feed read without --follow-links does not hold its links; a page that failed for now and is then refused for good stops being asked for', async () => {
  const store = new SqliteStore(join(tmp.dir, 'dying.db'));
  try {
    const poll = (followLinks: boolean) => ingest([`${base}/dying-feed.xml`], store, { read: { fetch: { ...LOCAL, followLinks, obeyRobots: false } }, workers: 0 });
    const link = `${base}/news/dying`;
    requests.length = 0;
    assert.equal((await poll(false)).stored, 1, 'the item is stored as a teaser');
    assert.equal(store.hasOriginUrl(link), false, 'an item read without following links does not hold its link');

    dyingFailures = 1;
    requests.length = 0;
    const second = await poll(true);
    assert.deepEqual(requests.map((r) => r.path), ['/dying-feed.xml', '/news/dying'], 'following links later asks for the page');
    assert.deepEqual([second.stored, second.alreadyStored, second.failed], [0, 1, 1], JSON.stringify(second));
    const item = () => store.getArticle(store.articleIds()[0])!.origins;
    assert.equal(item().length, 1, 'the item is the same origin, not a second one');
    assert.equal(item()[0].linkFailed, 'http-error', 'now marked as standing in for a page that failed for now');
    assert.equal(store.hasOriginUrl(link), false, 'so the link is still unheld');
    assert.match(describeOrigin(item()[0]), /its page failed for now, http-error: asked for again next time/);

    requests.length = 0;
    await poll(true);
    assert.deepEqual(requests.map((r) => r.path), ['/dying-feed.xml', '/news/dying'], 'the page is asked for again, and now answers 404');
    assert.equal(item()[0].linkRefused, 'http-error', 'the item is marked refused');
    assert.equal(item()[0].linkFailed, undefined, 'and no longer failed-for-now');
    assert.equal(store.hasOriginUrl(link), true, 'it holds the link now');
    assert.match(describeOrigin(item()[0]), /\(feed item; its page was refused, http-error\)$/, 'show says why the item stands in for its page');

    requests.length = 0;
    await poll(true);
    assert.deepEqual(requests.map((r) => r.path), ['/dying-feed.xml'], 'a refused page is not asked for again');
  } finally {
    store.close();
  }
});

test('fetch failures are per-document errors with clear codes, and the batch goes on', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const deadPort = (closed.address() as AddressInfo).port;
  closed.close();
  const { records, errors } = await within(20_000, 'failing fetches', () =>
    collect(
      [
        'ftp://example.org/file.html',
        `${base}/missing`,
        `http://127.0.0.1:${deadPort}/`,
        `${base}/slow-headers`,
        `${base}/slow-body`,
        `${base}/news/school`,
      ],
      { fetch: { ...LOCAL, timeoutMs: 300 } },
    ),
  );
  assert.deepEqual(
    errors.map((e) => e.code),
    ['bad-url', 'http-error', 'fetch-failed', 'timeout', 'timeout'],
    errors.map((e) => `${e.code}: ${e.message}`).join('\n'),
  );
  assert.equal(records.length, 1, 'the good URL after the bad ones is read');
});

test('an endless body is cut at the size limit, not read to the end', async () => {
  const { records, errors } = await within(20_000, 'endless body', () =>
    collect([`${base}/endless`], { fetch: LOCAL, maxBytes: 1024 * 1024 }),
  );
  assert.equal(records.length, 0);
  assert.equal(errors[0]?.code, 'too-large', JSON.stringify(errors));
});

test('private, loopback and link-local addresses are refused unless allowed, for names and literals alike', async () => {
  requests.length = 0;
  const port = new URL(base).port;
  const { errors } = await collect([`${base}/news/school`, `http://localhost:${port}/news/school`, 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/'], {
    fetch: { delayMs: 0, timeoutMs: 2000 },
  });
  assert.deepEqual(
    errors.map((e) => e.code),
    ['blocked-address', 'blocked-address', 'blocked-address', 'blocked-address'],
    errors.map((e) => e.message).join('\n'),
  );
  assert.match(errors[1].message, /localhost is at 127\.0\.0\.1.*--allow-private/);
  assert.equal(requests.length, 0, 'no request reached the server');
});

test('address policy: public unicast only', () => {
  for (const a of ['8.8.8.8', '151.101.1.69', '2606:4700::6810:85e5', '::ffff:8.8.8.8']) assert.equal(isPublicAddress(a), true, a);
  for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
    assert.equal(isPublicAddress(a), false, a);
  }
});

test('requests to one host are spaced by the fetch delay', async () => {
  requests.length = 0;
  await collect([`${base}/news/school`, `${base}/news/bridge`, `${base}/news/school`], { fetch: { ...LOCAL, delayMs: 150 } });
  const at = requests.map((r) => r.at);
  assert.equal(at.length, 3);
  // seen from the server, a gap can shrink by the difference in network latency (the first request also connects)
  for (let i = 1; i < at.length; i++) assert.ok(at[i] - at[i - 1] >= 100, `gap ${i} was ${(at[i] - at[i - 1]).toFixed(0)} ms`);
});

test('the pacer books one slot per request and host: concurrent callers to one host wait their turn, other hosts do not', async () => {
  const pacer = new HostPacer(120);
  const started = performance.now();
  const when = async (host: string) => {
    await pacer.wait(host);
    return performance.now() - started;
  };
  const [a1, a2, a3, b1] = await Promise.all([when('a.example'), when('a.example'), when('a.example'), when('b.example')]);
  // timers never fire early by more than rounding (a few ms of slack)
  assert.ok(a2 - a1 >= 110 && a3 - a2 >= 110, `slots ${a1.toFixed(0)}, ${a2.toFixed(0)}, ${a3.toFixed(0)} ms`);
  assert.ok(b1 < a2, `another host is not held up (${b1.toFixed(0)} ms)`);
});

test('parallax ingest <feed URL> --follow-links stores the pages, and a second poll fetches no link again', async () => {
  const db = join(tmp.dir, 'follow.db');
  const run = async () => {
    const child = startCli(['ingest', `${base}/feed.xml`, '--follow-links', '--allow-private', '--fetch-delay', '0', '--db', db, '--json']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    return { code, summary: JSON.parse(out).summary as { stored: number; failed: number; skipped: Record<string, number> } };
  };
  requests.length = 0;
  const first = await within(60_000, 'first ingest', run);
  assert.equal(first.code, 1, 'some documents failed (the PDF link and the 404)');
  assert.equal(first.summary.stored, 5, JSON.stringify(first.summary));
  const store = new SqliteStore(db);
  try {
    const urls = store.listArticles({ limit: 50 }).map((a) => a.url).sort();
    assert.ok(urls.includes(`${base}/news/bridge`), urls.join(' '));
    assert.ok(store.hasOriginUrl(`${base}/old`), 'the link is remembered as an origin');
  } finally {
    store.close();
  }
  requests.length = 0;
  const second = await within(60_000, 'second ingest', run);
  // Every link is in the store now, as a page or as the item kept in its place.
  assert.deepEqual(
    requests.map((r) => r.path),
    ['/feed.xml'],
    'the second poll fetches the feed and nothing else',
  );
  assert.equal(second.summary.stored, 0, JSON.stringify(second.summary));
  assert.equal(second.summary.skipped['link-already-fetched'], 6, JSON.stringify(second.summary));
});
