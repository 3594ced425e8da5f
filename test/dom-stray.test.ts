import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../src/extract/html/dom.js';
import { extractHtml } from '../src/extract/html/index.js';

test('nodes outside <html> are moved into <head> or <body>, as a browser does', () => {
  const doc = parseHtml('<p>before</p><html><head><title>T</title></head><body><p>middle</p></body></html><p>after</p>');
  assert.equal(doc.documentElement?.localName, 'html');
  assert.deepEqual(Array.from(doc.body!.children).map((p) => p.textContent), ['before', 'middle', 'after']);
});

test('a page with no <html> tag gets one: head tags in <head>, content in <body>', () => {
  const doc = parseHtml('<!doctype html><meta name="author" content="Ida Berg"><title>Quarterly harbour report</title><h1>Quarterly harbour report</h1><p>Cargo volumes rose.</p>');
  assert.equal(doc.head?.querySelector('title')?.textContent, 'Quarterly harbour report');
  assert.equal(doc.body?.querySelector('h1')?.textContent, 'Quarterly harbour report');
  const r = extractHtml('<meta name="author" content="Ida Berg"><title>Quarterly harbour report</title><h1>Quarterly harbour report</h1><p>Cargo volumes rose by a fifth in the third quarter, the port authority said on Monday.</p>', {});
  assert.equal(r.metadata.byline, 'Ida Berg');
  assert.match(r.text, /Cargo volumes rose/);
});

test('JSON-LD appended after </html> is still read', () => {
  const html = '<html><head><title>x</title></head><body><h1>Bridge reopens</h1><p>The bridge reopened to traffic on Monday after two years of repairs.</p></body></html>'
    + '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2024-05-06T08:00:00Z"}</script>';
  assert.equal(extractHtml(html, {}).metadata.publishedAt?.slice(0, 10), '2024-05-06');
});

test('many top-level nodes are adopted in linear time', () => {
  const html = '<title>x</title>' + '<p>a short paragraph of text</p>'.repeat(100_000);
  const t0 = performance.now();
  const doc = parseHtml(html);
  assert.equal(doc.body?.children.length, 100_000);
  assert.ok(performance.now() - t0 < 5_000, 'adopting 100k nodes is not quadratic');
});
