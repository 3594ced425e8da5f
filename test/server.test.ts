/** The HTTP API and UI files (src/server/app.ts, web/). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, CONTENT_SECURITY_POLICY } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ingest } from '../src/pipeline.js';
import { repoRoot, tempDir } from './helpers.js';

const tmp = tempDir();
let store: SqliteStore;
let app: FastifyInstance;
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';

before(async () => {
  // the sample corpus plus a page whose text carries markup meant to run in a browser
  const extra = join(tmp.path, 'hostile.html');
  writeFileSync(
    extra,
    `<html><head><title>Council vote ${hostile}</title></head><body><article><h1>Council vote</h1>` +
      `<p>The city council of Brenford voted on Monday to close the old harbour bridge for repairs, officials said.</p>` +
      `<p>Mayor Ana Lindqvist said the bridge would reopen in spring &lt;script&gt;alert(3)&lt;/script&gt; after the work.</p></article></body></html>`,
  );
  store = new SqliteStore(join(tmp.path, 'x.db'));
  await ingest([join(repoRoot, 'examples', 'corpus'), extra], store, { workers: 1 });
  app = buildServer(store);
});

after(async () => {
  await app.close();
  store.close();
  tmp.cleanup();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { res, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
};

test('api: stats, articles, one article, its annotations', async () => {
  const { body: stats } = await get('/api/stats');
  assert.ok(stats.documents >= 18, 'stats.documents >= 18');
  const { body: list } = await get('/api/articles?limit=5');
  assert.equal(list.length, 5);
  const { body: one } = await get(`/api/articles/${list[0].id.slice(0, 10)}`);
  assert.equal(one.id, list[0].id);
  assert.ok(Array.isArray(one.removals) && Array.isArray(one.duplicates), 'Array.isArray(one.removals) && Array.isArray(one.duplicates)');
  const { body: ann } = await get(`/api/articles/${one.id}/annotations`);
  for (const e of ann.entities) assert.equal(one.text.slice(e.start, e.end), e.text);
});

test('api: duplicates by kind, of one article (id or prefix), in pages', async () => {
  const { body: all } = await get('/api/duplicates');
  assert.ok(all.length >= 1, 'the sample corpus has a near-duplicate pair');
  const pair = all[0];
  const { body: mine } = await get(`/api/duplicates?article=${pair.b.slice(0, 10)}`);
  assert.ok(mine.length >= 1 && mine.every((d: { a: string; b: string }) => d.a === pair.b || d.b === pair.b), 'mine.length >= 1 && mine.every((d: { a: string; b: string }) => d.a === pair.b || d.b === pair.b)');
  const { body: one } = await get(`/api/articles/${pair.a}`);
  assert.ok(one.duplicates.some((d: { b: string }) => d.b === pair.b), 'an article lists its own relations');
  const { body: page } = await get('/api/duplicates?limit=1');
  assert.equal(page.length, 1);
  const { body: exact } = await get('/api/duplicates?kind=exact');
  assert.ok(exact.every((d: { kind: string }) => d.kind === 'exact'), "exact.every((d: { kind: string }) => d.kind === 'exact')");
  assert.equal((await get('/api/duplicates?article=ffffffffffff')).res.statusCode, 404);
  assert.equal((await get('/api/duplicates?kind=drop')).res.statusCode, 400);
});

test('api: stories, one story with its copy relations, its comparison; an article names its story', async () => {
  const { body: stories } = await get('/api/stories');
  const big = stories.sort((a: { articles: unknown[] }, b: { articles: unknown[] }) => b.articles.length - a.articles.length)[0];
  const { body: story } = await get(`/api/stories/${big.id}`);
  assert.equal(story.articles.length, big.articles.length);
  assert.ok(Array.isArray(story.derivations), 'Array.isArray(story.derivations)');
  const member = big.articles[0].id as string;
  const { body: memberPage } = await get(`/api/articles/${member}`);
  assert.deepEqual(
    memberPage.story,
    { id: big.id, label: big.label, size: big.articles.length, start: big.start, end: big.end },
    'an article names its story',
  );
  const { res, body: cmp } = await get(`/api/stories/${big.id.slice(6, 16)}/compare`);
  assert.equal(res.statusCode, 200);
  assert.equal(cmp.story.id, big.id);
  assert.ok(cmp.claims.length > 0 && cmp.summary.length > 0, 'cmp.claims.length > 0 && cmp.summary.length > 0');
  // most outlets first, only stories of two articles or more, a page of one with the total in a header
  const outlets = (s: { articles: Array<{ outlet: string | null }> }) => new Set(s.articles.map((a) => a.outlet).filter(Boolean)).size;
  const { res: pageRes, body: top } = await get('/api/stories?sort=outlets&minSize=2&limit=1');
  assert.equal(top.length, 1);
  assert.equal(outlets(top[0]), Math.max(...stories.map(outlets)), 'the story with the most outlets comes first');
  assert.equal(Number(pageRes.headers['x-total-count']), stories.filter((s: { articles: unknown[] }) => s.articles.length >= 2).length);
  const outlet = big.articles.find((a: { outlet: string | null }) => a.outlet)?.outlet as string;
  const { body: theirs } = await get(`/api/stories?outlet=${encodeURIComponent(outlet.toUpperCase())}`);
  assert.ok(theirs.length > 0 && theirs.every((s: { articles: Array<{ outlet: string | null }> }) => s.articles.some((a) => a.outlet === outlet)), 'only stories with that outlet');
  assert.equal((await get('/api/stories?sort=alphabet')).res.statusCode, 400);
});

test('api: entities, quotes and events with filters', async () => {
  const { body: people } = await get('/api/entities?type=PERSON&limit=3');
  assert.ok(people.length > 0 && people.length <= 3 && people.every((e: { type: string }) => e.type === 'PERSON'), "people.length > 0 && people.length <= 3 && people.every((e: { type: string }) => e.type === 'PERS...");
  const { body: quotes } = await get('/api/quotes?limit=50');
  assert.ok(quotes.length > 0, 'quotes.length > 0');
  const speaker = quotes[0].speaker.canonical as string;
  const { body: theirs } = await get(`/api/quotes?speaker=${encodeURIComponent(speaker)}`);
  assert.ok(theirs.every((q: { speaker: { canonical: string } }) => q.speaker.canonical.toLowerCase().includes(speaker.toLowerCase())), 'theirs.every((q: { speaker: { canonical: string } }) => q.speaker.canonical.toLowerCase().include...');
  const { body: events } = await get('/api/events?type=AGREE');
  assert.ok(events.length > 0 && events.every((e: { category: string }) => e.category === 'AGREE'), "events.length > 0 && events.every((e: { category: string }) => e.category === 'AGREE')");
});

test('api: full-text search with filters, snippets and the total in a header; bad queries are 400', async () => {
  const { res, body: hits } = await get('/api/search?q=flood%20OR%20floods&limit=3');
  assert.equal(res.statusCode, 200);
  assert.ok(hits.length === 3 && Number(res.headers['x-total-count']) > 3, 'a page of three and the total');
  for (const h of hits) {
    assert.ok(h.highlights.length > 0 && h.highlights.every(([a, b]: [number, number]) => /^flood/i.test(h.snippet.slice(a, b))), `highlights mark the matches in ${h.id}`);
  }
  const { body: recent } = await get('/api/search?q=flood&sort=recent&since=2025-10-14');
  assert.ok(recent.length > 0 && recent.every((h: { publishedAt: string }) => h.publishedAt.slice(0, 10) >= '2025-10-14'), 'since');
  const days = recent.map((h: { publishedAt: string }) => h.publishedAt);
  assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
  const { body: mine } = await get(`/api/search?q=bridge&outlet=${encodeURIComponent(hits[0].outlet)}`);
  assert.ok(mine.every((h: { outlet: string }) => h.outlet === hits[0].outlet), 'outlet filter');
  // markup in the text is data: the snippet comes back as a JSON string, like everything else
  const { body: council } = await get('/api/search?q=Brenford%20reopen');
  assert.ok(council.length === 1 && council[0].snippet.includes('<script>alert(3)'), 'the hostile page is found and its snippet is a plain string');
  for (const url of ['/api/search', '/api/search?q=', '/api/search?q=-bridge', '/api/search?q=bridge&since=May', '/api/search?q=bridge&sort=random', `/api/search?q=${'x'.repeat(1001)}`]) {
    const { res: bad, body } = await get(url);
    assert.equal(bad.statusCode, 400, url);
    assert.ok(typeof body.error === 'string' && !/\bat \//.test(body.error), url);
  }
});

test('api: one entity with its articles (titled) and what it is quoted saying; unknown ids are 404', async () => {
  const { body: quotes } = await get('/api/quotes?limit=500');
  const quoted = quotes.find((q: { speaker: { canonical: string } | null }) => q.speaker && /^\p{Lu}\S*\s\p{Lu}/u.test(q.speaker.canonical));
  assert.ok(quoted, 'the sample corpus quotes someone named');
  const { body: found } = await get(`/api/entities?name=${encodeURIComponent(quoted.speaker.canonical)}`);
  const entity = found.find((e: { canonical: string }) => e.canonical === quoted.speaker.canonical);
  assert.ok(entity, `the speaker ${quoted.speaker.canonical} is an entity`);
  const { res, body: one } = await get(`/api/entities/${encodeURIComponent(entity.id)}`);
  assert.equal(res.statusCode, 200);
  assert.equal(one.canonical, entity.canonical);
  assert.deepEqual(one.articleSummaries.map((a: { id: string }) => a.id), entity.articles, 'every article that mentions it, in order');
  assert.ok(one.articleSummaries.every((a: { title: string | null }) => typeof a.title === 'string'), 'articles come with their titles');
  const names = new Set([entity.canonical, ...entity.aliases].map((n: string) => n.toLowerCase()));
  assert.ok(one.quotes.length > 0, 'its quotes are listed');
  assert.ok(
    one.quotes.every((q: { articleId: string; speaker: { canonical: string } }) => names.has(q.speaker.canonical.toLowerCase()) && entity.articles.includes(q.articleId)),
    'only quotes whose speaker is one of its names, in its articles',
  );
  assert.ok(one.quotes.some((q: { articleId: string; start: number }) => q.articleId === quoted.articleId && q.start === quoted.start), 'the quote we started from');
  // its events: each has it among the actors or the targets, in one of its articles
  const { body: countries } = await get('/api/entities?type=PLACE&limit=50');
  let withEvents: { canonical: string; aliases: string[]; articles: string[]; events: Array<{ articleId: string; actor: Array<{ canonical: string; text: string }>; target: Array<{ canonical: string; text: string }> }> } | undefined;
  for (const c of countries) {
    const { body: page } = await get(`/api/entities/${encodeURIComponent(c.id)}`);
    if (page.events.length) {
      withEvents = page;
      break;
    }
  }
  assert.ok(withEvents, 'some place of the sample corpus acts or is acted on');
  const its = new Set([withEvents.canonical, ...withEvents.aliases].map((n) => n.toLowerCase()));
  for (const e of withEvents.events) {
    assert.ok(withEvents.articles.includes(e.articleId), 'in one of its articles');
    assert.ok([...e.actor, ...e.target].some((p) => its.has(p.canonical.toLowerCase()) || its.has(p.text.toLowerCase())), `it takes part in ${JSON.stringify(e)}`);
  }
  assert.equal((await get('/api/entities/person%3Anobody-at-all')).res.statusCode, 404);
});

test('api: passages two articles share, with the words each side dropped and added as ranges', async () => {
  const { body: stories } = await get('/api/stories');
  let derivation: { source: string; derived: string } | undefined;
  for (const s of stories) {
    const { body: story } = await get(`/api/stories/${s.id}`);
    derivation ??= story.derivations[0];
  }
  assert.ok(derivation, 'the sample corpus has a copied article');
  const { res, body } = await get(`/api/reuse?a=${derivation.source.slice(0, 10)}&b=${derivation.derived}`);
  assert.equal(res.statusCode, 200);
  assert.equal(body.a.id, derivation.source, 'a prefix names the article');
  assert.equal(body.b.id, derivation.derived);
  assert.ok(body.passages.length > 0, 'a copy shares passages with its source');
  const { body: a } = await get(`/api/articles/${derivation.source}`);
  const { body: b } = await get(`/api/articles/${derivation.derived}`);
  for (const p of body.passages) {
    assert.equal(a.text.slice(p.aStart, p.aEnd), p.textA);
    assert.equal(b.text.slice(p.bStart, p.bEnd), p.textB);
    for (const [start, end] of p.removed) assert.ok(start >= 0 && end <= p.textA.length && start < end, 'removed ranges lie in A');
    for (const [start, end] of p.added) assert.ok(start >= 0 && end <= p.textB.length && start < end, 'added ranges lie in B');
  }
  // two unrelated articles share nothing
  const unrelated = stories.filter((s: { articles: unknown[] }) => s.articles.length === 1).map((s: { articles: Array<{ id: string }> }) => s.articles[0].id);
  assert.ok(unrelated.length >= 2, 'the sample corpus has single-article stories');
  assert.deepEqual((await get(`/api/reuse?a=${unrelated[0]}&b=${unrelated[1]}`)).body.passages, []);
  assert.equal((await get(`/api/reuse?a=${derivation.source}`)).res.statusCode, 400, 'both articles are needed');
  assert.equal((await get(`/api/reuse?a=${derivation.source}&b=%3Cscript%3E`)).res.statusCode, 400);
  assert.equal((await get(`/api/reuse?a=${derivation.source}&b=ffffffffffff`)).res.statusCode, 404);
});

test('api: bad parameters are 400, unknown ids and routes 404, never a stack trace', async () => {
  for (const url of ['/api/articles?limit=0', '/api/articles?limit=abc', '/api/events?type=drop%20table', '/api/articles/%3Cscript%3E', '/api/entities?type=ALIEN']) {
    const { res, body } = await get(url);
    assert.equal(res.statusCode, 400, url);
    assert.ok(typeof body.error === 'string' && !/\bat \//.test(body.error), url);
  }
  for (const url of ['/api/articles/ffffffffffff', '/api/stories/ffffffffffff/compare', '/api/nothing']) {
    const { res } = await get(url);
    assert.equal(res.statusCode, 404, url);
  }
});

test('hostile content: JSON only, raw bytes as an attachment, UI under a strict policy', async () => {
  const { body: list } = await get('/api/articles?limit=100');
  const h = list.find((a: { title: string | null }) => a.title?.startsWith('Council vote'));
  assert.ok(h, 'the hostile page was stored');
  const { res, body } = await get(`/api/articles/${h.id}`);
  assert.match(res.headers['content-type']!.toString(), /application\/json/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(body.text.includes('<script>alert(3)</script>'), 'text stays text, delivered as a JSON string');
  const raw = await app.inject({ method: 'GET', url: `/api/articles/${h.id}/raw` });
  assert.equal(raw.headers['content-type'], 'application/octet-stream');
  assert.match(String(raw.headers['content-disposition']), /^attachment;/);
  assert.match(String(raw.headers['content-security-policy']), /sandbox/);
  const page = await app.inject({ method: 'GET', url: '/' });
  assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
  assert.match(page.body, /<script type="module" src="\/app.js"><\/script>/);
  const js = await app.inject({ method: 'GET', url: '/app.js' });
  assert.match(String(js.headers['content-type']), /javascript/);
});

test('the UI never parses API data as HTML', () => {
  for (const f of readdirSync(join(repoRoot, 'web')).filter((x) => x.endsWith('.js'))) {
    const src = readFileSync(join(repoRoot, 'web', f), 'utf8').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, f);
  }
});

test('api: the entity list is reused while the corpus holds, and follows it when articles arrive', async () => {
  const name = 'Oskar Vellinga';
  const before = (await get(`/api/entities?name=${encodeURIComponent(name)}`)).body;
  assert.deepEqual(before, [], 'not in the corpus yet');
  const again = (await get('/api/entities?limit=5')).body;
  assert.ok(again.length === 5, 'the cached list answers');
  const page = join(tmp.path, 'arrival.txt');
  writeFileSync(page, `Harbour pilots strike in Brenford\n\nHarbour pilot ${name} said on Tuesday that pilots in Brenford would strike for two days over pay. ${name} said talks had failed.\n`);
  await ingest([page], store, { workers: 1 });
  const after = (await get(`/api/entities?name=${encodeURIComponent(name)}`)).body as Array<{ canonical: string; articles: string[] }>;
  assert.equal(after.length, 1, 'the new article is read and its person listed');
  assert.equal(after[0].canonical, name);
});

test("api: a story's entities, the most widespread among its articles first; an unknown story is a 404", async () => {
  const { body: stories } = await get('/api/stories');
  const story = (stories as Array<{ id: string; articles: Array<{ id: string }> }>).sort((a, b) => b.articles.length - a.articles.length)[0];
  const { body: entities } = await get(`/api/entities?story=${encodeURIComponent(story.id)}&limit=20`);
  assert.ok(entities.length > 0, 'the story names someone or somewhere');
  const ids = new Set(story.articles.map((a) => a.id));
  for (const e of entities as Array<{ withinArticles: number; articles: string[] }>) {
    assert.equal(e.withinArticles, e.articles.filter((a) => ids.has(a)).length, 'withinArticles counts the story articles that mention it');
    assert.ok(e.withinArticles > 0, 'only entities of the story');
  }
  const counts = (entities as Array<{ withinArticles: number }>).map((e) => e.withinArticles);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most widespread in the story first');
  const { res } = await get('/api/entities?story=nosuchstory');
  assert.equal(res.statusCode, 404);
});
