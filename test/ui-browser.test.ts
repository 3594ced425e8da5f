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
  store = new SqliteStore(join(tmp.path, 'x.db'));
  await ingest([join(repoRoot, 'examples', 'corpus'), extra], store, { workers: 1 });
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
