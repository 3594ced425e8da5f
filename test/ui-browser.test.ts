/**
 * The web UI in a real browser (Debian's chromium through playwright-core): pages render from the
 * API, and hostile article text shows as text and never runs. Skips, visibly, without chromium.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ingest } from '../src/pipeline.js';
import { repoRoot, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `needs chromium at ${CHROMIUM} (apt-get install chromium), absent here`;

const tmp = tempDir();
let store: SqliteStore;
let app: FastifyInstance;
let browser: Browser;
let base = '';

before(async () => {
  if (skip) return;
  const extra = join(tmp.path, 'hostile.html');
  writeFileSync(
    extra,
    '<html><head><title>Harbour bridge closes</title></head><body><article><h1>Harbour bridge closes</h1>' +
      '<p>The city council of Brenford voted on Monday to close the old harbour bridge for repairs, officials said.</p>' +
      '<p>Mayor Ana Lindqvist said the bridge would reopen in spring &lt;img src=x onerror=alert(1)&gt; after the work.</p></article></body></html>',
  );
  // and a document that fails, for the failures page
  const empty = join(tmp.path, 'empty.txt');
  writeFileSync(empty, '');
  store = new SqliteStore(join(tmp.path, 'x.db'));
  await ingest([join(repoRoot, 'examples', 'corpus'), extra, empty], store, { workers: 1 });
  app = buildServer(store);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
  tmp.cleanup();
});

/** A new page that records script errors and dialogs (an alert would mean article text ran). */
async function watchedPage() {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

test('ui: stories → story comparison → article with highlights and its removal audit → back to its story', { skip }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(base + '/');
  await page.waitForSelector('main table a');
  assert.match(await page.textContent('#stats') ?? '', /\d+ documents/);
  await page.click('main table tbody tr:first-child td:nth-child(5) a');
  await page.waitForSelector('text=Summary');
  assert.ok((await page.locator('main h3', { hasText: 'Conflicts' }).count()) === 1, "(await page.locator('main h3', { hasText: 'Conflicts' }).count()) === 1");
  assert.ok((await page.locator('main li.claim').count()) > 0, 'claims are listed');
  // the flood toll of the sample corpus rises from day to day: shown as moving over time, each figure with its first day
  const conflicts = (await page.locator('main section:has(h3:text("Conflicts"))').textContent()) ?? '';
  assert.match(conflicts, /rising over time/, 'a toll that rises with the reports is marked');
  assert.match(conflicts, /from \d{4}-\d\d-\d\d/, 'each figure shows the day it was first reported');
  // who and where: the story's entities, each a link to its page
  const storyEntities = page.locator('main section:has(h3:text("Who and where")) a.ent');
  assert.ok((await storyEntities.count()) > 0, "the story's entities are listed");
  assert.match((await storyEntities.first().getAttribute('href')) ?? '', /^#\/entity\/(PERSON|ORG|PLACE)\//);
  await page.click('main section:last-child table a');
  await page.waitForSelector('.article-text');
  assert.ok((await page.locator('.article-text .ent').count()) > 0, 'entities are highlighted');
  assert.ok((await page.locator('main h3', { hasText: 'Removed' }).count()) === 1, "(await page.locator('main h3', { hasText: 'Removed' }).count()) === 1");
  // and back from the article to its story
  await page.click('main dl.meta a[href^="#/story/"]');
  await page.waitForSelector('text=Summary');
  assert.match(page.url(), /#\/story\/story-/, 'the article links to its story');
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: hostile article text is shown as text and never runs', { skip }, async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const list = (await (await fetch(base + '/api/articles?limit=100')).json()) as Array<{ id: string; title: string | null }>;
  const hostile = list.find((a) => a.title === 'Harbour bridge closes');
  assert.ok(hostile, 'hostile');
  await page.goto(`${base}/#/article/${hostile.id}`);
  await page.waitForSelector('.article-text');
  const text = (await page.textContent('.article-text')) ?? '';
  assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'the markup is visible as characters');
  assert.equal(await page.locator('.article-text img').count(), 0, 'and never became an element');
  // its story's claims, every one unfolded: the sentences of evidence carry the markup as text too
  await page.click('main dl.meta a[href^="#/story/"]');
  await page.waitForSelector('main li.claim summary');
  for (const summary of await page.locator('main details > summary').all()) await summary.click();
  const evidence = (await page.locator('main .evidence').allTextContents()).join('\n');
  assert.ok(evidence.includes('<img src=x onerror=alert(1)>'), 'the markup in a sentence of evidence is visible as characters');
  assert.equal(await page.locator('main img').count(), 0, 'and never became an element');
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: search marks the matches (title and snippet), shows hostile text as text, links to the article, and says why a query is refused', { skip }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${base}/#/search`);
  await page.fill('input[type=search]', 'Brenford reopen');
  await page.waitForSelector('ol.hits li mark');
  assert.deepEqual(await page.locator('ol.hits li mark').allTextContents(), ['Brenford', 'reopen']);
  const snippet = (await page.textContent('ol.hits li .snippet')) ?? '';
  assert.ok(snippet.includes('<img src=x onerror=alert(1)>'), 'the markup in the snippet is visible as characters');
  assert.equal(await page.locator('ol.hits img').count(), 0, 'and never became an element');
  assert.match(page.url(), /#\/search\/Brenford%20reopen$/, 'the query is in the address, to share or reload');
  await page.click('ol.hits li a');
  await page.waitForSelector('.article-text');
  assert.equal(await page.textContent('main h2'), 'Harbour bridge closes');
  await page.goto(`${base}/#/search/closes`);
  await page.waitForSelector('ol.hits li a mark');
  assert.deepEqual(await page.locator('ol.hits li a mark').allTextContents(), ['closes'], 'a match in the title is marked there');
  await page.goto(`${base}/#/search/${encodeURIComponent('-bridge')}`);
  await page.waitForSelector('main p.error');
  assert.match((await page.textContent('main p.error')) ?? '', /at least one word to find/);
  assert.equal(await page.inputValue('input[type=search]'), '-bridge', 'the refused query stays in the box to fix');
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: stories ordered and filtered by outlet and size, the choice kept in the address', { skip }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('main table tbody tr');
  await page.selectOption('main select[name=outlet]', 'Northgate Post');
  await page.waitForSelector('main h2:has-text("with Northgate Post")');
  await page.selectOption('main select[name=sort]', 'recent');
  await page.waitForSelector('main h2:has-text("newest first")');
  await page.selectOption('main select[name=minSize]', '2');
  await page.waitForSelector('main h2:has-text("2+ articles")');
  const rows = page.locator('main table tbody tr');
  const n = await rows.count();
  assert.ok(n > 0, 'some story has two Northgate Post articles or more');
  const ends: string[] = [];
  for (let i = 0; i < n; i++) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    assert.ok(cells[3].includes('Northgate Post'), `a story with that outlet: ${cells[3]}`);
    assert.ok(Number(cells[2]) >= 2, `two articles or more: ${cells[2]}`);
    ends.push(cells[1].split(' … ')[1]);
  }
  assert.deepEqual(ends, [...ends].sort().reverse(), 'latest first');
  assert.match(page.url(), /#\/stories\/.*sort%3Drecent/);
  // opened afresh, the address gives the same list and controls
  const again = await browser.newPage();
  await again.goto(page.url());
  await again.waitForSelector('main h2:has-text("2+ articles")');
  assert.equal(await again.inputValue('main select[name=outlet]'), 'Northgate Post');
  assert.equal(await again.locator('main table tbody tr').count(), n);
  await again.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: search filters by outlet and date and orders newest first; the filters live in the address; a bad date says why', { skip }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${base}/#/search/flood`);
  await page.waitForSelector('ol.hits li');
  const all = await page.locator('ol.hits li').count();
  await page.selectOption('main select[name=outlet]', 'Meridian Wire');
  await page.selectOption('main select[name=sort]', 'recent');
  await page.waitForFunction(() => location.hash.includes('sort%3Drecent'));
  await page.waitForFunction((n) => document.querySelectorAll('ol.hits li').length < n, all);
  const outlets = await page.locator('ol.hits li > span.muted').allTextContents();
  assert.ok(outlets.length > 0 && outlets.every((o) => o.startsWith('Meridian Wire ·')), `only that outlet: ${outlets.join('; ')}`);
  const days = outlets.map((o) => o.split(' · ')[1]);
  assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
  // the address holds the filters: opened afresh, the page shows the same controls and hits
  const url = page.url();
  assert.match(url, /#\/search\/flood\/outlet%3DMeridian%2BWire%26sort%3Drecent$/);
  const again = await browser.newPage();
  await again.goto(url);
  await again.waitForSelector('ol.hits li');
  assert.equal(await again.inputValue('main select[name=outlet]'), 'Meridian Wire');
  assert.equal(await again.inputValue('main select[name=sort]'), 'recent');
  assert.deepEqual(await again.locator('ol.hits li > span.muted').allTextContents(), outlets);
  await again.close();
  await page.fill('main input[name=since]', '2025-1');
  await page.waitForSelector('main p.error');
  assert.match((await page.textContent('main p.error')) ?? '', /since/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: a claim unfolds to the sentence each outlet wrote, its words marked; a copy links to its passages side by side', { skip }, async () => {
  const { page, problems } = await watchedPage();
  const stories = (await (await fetch(base + '/api/stories')).json()) as Array<{ id: string }>;
  let withCopy: { id: string; derivations: Array<{ source: string; derived: string; passages: unknown[] }> } | undefined;
  for (const s of stories) {
    const story = await (await fetch(`${base}/api/stories/${s.id}`)).json();
    if (!withCopy && story.derivations.length) withCopy = story;
  }
  assert.ok(withCopy, 'the sample corpus has a story with a copy');
  await page.goto(`${base}/#/story/${withCopy.id}`);
  await page.waitForSelector('main li.claim summary');
  assert.equal(await page.locator('main li.claim .evidence').first().isVisible(), false, 'evidence starts folded');
  const claim = page.locator('main li.claim').first();
  await claim.locator('summary').click();
  const evidence = claim.locator('.evidence li');
  assert.ok((await evidence.count()) >= 1, 'the claim shows its sentences');
  assert.ok((await claim.locator('.evidence mark').count()) >= 1, 'the words of the claim are marked in them');
  assert.match((await evidence.first().locator('a').getAttribute('href')) ?? '', /^#\/article\/[0-9a-f]{32}$/, 'each sentence links to its article');
  const d = withCopy.derivations[0];
  await page.click(`main a[href="#/reuse/${d.source}/${d.derived}"]`);
  await page.waitForSelector('main .side-by-side');
  assert.equal(await page.locator('main .passage').count(), d.passages.length, 'one block per shared passage');
  assert.equal(await page.locator('main .side-by-side .col').count(), 2 * d.passages.length, 'source and copy side by side');
  assert.match((await page.textContent('main')) ?? '', /A: .+B: /s);
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: a near paraphrase side by side marks the words dropped and added', { skip }, async () => {
  const { page, problems } = await watchedPage();
  const a = join(tmp.path, 'para-a.txt');
  const b = join(tmp.path, 'para-b.txt');
  const para = (said: string, month: string) =>
    `Harbour works begin\n\nThe port authority of Velmora ${said} on Monday that dredging of the northern basin would begin in ${month} and last about eighteen months, ` +
    'allowing larger container ships to dock at the terminal for the first time since it opened in the nineteen-sixties.\n';
  writeFileSync(a, para('said', 'March'));
  writeFileSync(b, para('announced', 'April'));
  const own = new SqliteStore(join(tmp.path, 'para.db'));
  await ingest([a, b], own, { workers: 1 });
  const ids = (await own.listArticles({})).map((r) => r.id);
  assert.equal(ids.length, 2, 'two articles, not one duplicate');
  // A: the one that "said" in March; B: the one that "announced" in April
  const [x, y] = (await own.getArticle(ids[0]))!.text.includes(' said ') ? ids : [ids[1], ids[0]];
  const server = buildServer(own);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    await page.goto(`${url}/#/reuse/${x}/${y}`);
    await page.waitForSelector('main .side-by-side');
    const cols = page.locator('main .side-by-side .col');
    assert.deepEqual(await cols.first().locator('del').allTextContents(), ['said', 'March'], 'the words B dropped, struck through in A');
    assert.deepEqual(await cols.nth(1).locator('ins').allTextContents(), ['announced', 'April'], 'the words B added, underlined in B');
    assert.equal(await cols.first().locator('ins').count(), 0);
    assert.equal(await cols.nth(1).locator('del').count(), 0);
  } finally {
    await page.close();
    await server.close();
    own.close();
  }
  assert.deepEqual(problems, []);
});

test('ui: an article lists its entities and quotes; an entity links to its page with its articles and what it is quoted saying', { skip }, async () => {
  const { page, problems } = await watchedPage();
  const quotes = (await (await fetch(base + '/api/quotes?limit=500')).json()) as Array<{ articleId: string; speaker: { canonical: string } | null }>;
  const quoted = quotes.find((q) => q.speaker && /^\p{Lu}\S*\s\p{Lu}/u.test(q.speaker.canonical));
  assert.ok(quoted?.speaker, 'the sample corpus quotes someone named');
  await page.goto(`${base}/#/article/${quoted.articleId}`);
  await page.waitForSelector('main .entities a');
  assert.match((await page.textContent('main')) ?? '', /Quotes \(\d+\)/);
  await page.locator('main .entities a', { hasText: quoted.speaker.canonical }).first().click();
  await page.waitForSelector('main h3:has-text("Quoted")');
  assert.equal(await page.textContent('main h2'), quoted.speaker.canonical);
  assert.ok((await page.locator('main section:has(h3:has-text("Articles")) tbody tr').count()) >= 1, 'the articles that mention it');
  assert.ok((await page.locator('main section:has(h3:has-text("Quoted")) tbody tr').count()) >= 1, 'what it is quoted saying');
  assert.equal(await page.locator('main h3', { hasText: /^Events \(\d+\)$/ }).count(), 1, 'and a section for its events');
  await page.locator('main section:has(h3:has-text("Articles")) tbody a').first().click();
  await page.waitForSelector('.article-text');
  // the entities tab links each name to the same page
  await page.goto(`${base}/#/entities`);
  await page.waitForSelector('main table tbody a');
  const name = (await page.locator('main table tbody a').first().textContent()) ?? '';
  await page.locator('main table tbody a').first().click();
  await page.waitForSelector('main h3:has-text("Quoted")');
  assert.equal(await page.textContent('main h2'), name);
  assert.deepEqual(problems, []);
  await page.close();
});

test('ui: failed documents with why; the article list a page at a time, by outlet', { skip }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${base}/#/articles`);
  await page.waitForSelector('main table tbody tr');
  await page.click('#stats a[href="#/errors"]');
  await page.waitForSelector('main h2:has-text("Failed documents")');
  const row = (await page.textContent('main table tbody tr')) ?? '';
  assert.match(row, /empty\.txt/, 'the document');
  assert.match(row, /\bempty\b.*\S/, 'its error code and message');
  await page.goto(`${base}/#/articles`);
  await page.waitForSelector('main select');
  const outlets = await page.locator('main select option').allTextContents();
  const pick = outlets.find((o) => /^Meridian Wire \(\d+\)$/.test(o));
  assert.ok(pick, `the outlets are offered: ${outlets.join(', ')}`);
  await page.selectOption('main select', 'Meridian Wire');
  await page.waitForSelector('main h2:has-text("Articles from Meridian Wire")');
  const cells = await page.locator('main table tbody td:nth-child(3)').allTextContents();
  assert.equal(cells.length, Number(/\((\d+)\)/.exec(pick)![1]), 'all of its articles');
  assert.ok(cells.every((c) => c === 'Meridian Wire'), 'and only its articles');
  assert.match(page.url(), /#\/articles\/0\/Meridian%20Wire$/, 'the choice is in the address');
  assert.deepEqual(problems, []);
  await page.close();
});

test('HTML dossier in a browser: its policy blocks an injected script even if escaping failed', { skip }, async () => {
  const { DOSSIER_CSP, storyDossierHtml } = await import('../src/export/dossier-html.js');
  const { compareStory } = await import('../src/stories/compare.js');
  const { comparableArticles } = await import('../src/stories/compare-corpus.js');
  const { relateCorpus } = await import('../src/stories/relate-corpus.js');
  const { annotateCorpus } = await import('../src/pipeline.js');
  await annotateCorpus(store);
  const story = (await relateCorpus(store)).stories.find((s) => s.articles.length > 1)!;
  const html = storyDossierHtml(story, compareStory(await comparableArticles(store, story)));
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setContent(html);
  assert.equal(await page.textContent('h1'), story.label);
  await page.close();
  // a page under the same policy with a script smuggled in, as if escaping had failed: the policy
  // must stop it (a fresh page: setContent rewrites the same document, whose policy would carry over)
  const smuggled = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}"></head>`
    + '<body><p>x</p><script>alert("script ran")</script><img src=x onerror="alert(\'handler ran\')"></body></html>';
  const other = await browser.newPage();
  other.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await other.setContent(smuggled);
  await other.waitForTimeout(200);
  assert.deepEqual(dialogs, [], 'nothing ran');
  await other.close();
});
