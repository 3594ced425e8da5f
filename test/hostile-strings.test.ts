/**
 * Patterns over hostile strings: every regular expression in src/ is checked statically by the
 * linter (eslint-plugin-regexp: no super-linear backtracking, no super-linear move). These tests
 * feed the strings that used to make a few of them quadratic (a long run of spaces, quotes, or
 * commas with no match after it) to the functions that read page metadata, and fail if any takes
 * more than a second: at 200k characters a quadratic pattern needs tens of seconds. The NLP stage
 * gets a long text of unclosed quotations, which was quadratic in the quote finder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedSiteName } from '../src/extract/index.js';
import { normaliseCharset } from '../src/extract/decode.js';
import { parseTextHeader } from '../src/extract/text-header.js';
import { extractHtml } from '../src/extract/html/index.js';
import { annotate } from '../src/nlp/index.js';

const N = 200_000;

function fast(label: string, run: () => unknown): void {
  const t = performance.now();
  run();
  const ms = performance.now() - t;
  assert.ok(ms < 1000, `${label}: ${ms.toFixed(0)} ms for ${N} characters`);
}

test('a feed title, a charset label and a text masthead made of one long run finish in linear time', () => {
  fast('feed title of spaces', () => assert.equal(feedSiteName(`Site${' '.repeat(N)}x`), `Site x`));
  fast('charset label of quotes', () => assert.equal(normaliseCharset(`${'"'.repeat(N)}utf-8${"'".repeat(N)}`), 'utf-8'));
  fast('masthead of spaces', () => parseTextHeader(`THE HARBOUR GAZETTE${' '.repeat(N)}x\n\n${'Body text of the article. '.repeat(20)}`));
});

test('author names and JSON-LD ids made of one long run finish in linear time', () => {
  const ld = JSON.stringify([
    { '@type': 'NewsArticle', url: `https://example.org/a${'/'.repeat(N)}x`, datePublished: '2024-05-01', author: { name: `Anna Berg${','.repeat(N)}\nx` } },
    { '@type': 'NewsArticle', url: `https://example.org/b${'#'.repeat(N)}x`, datePublished: '2024-05-02' },
  ]);
  const html = `<html><head><script type="application/ld+json">${ld}</script><meta name="author" content="Anna Berg${','.repeat(N)}\nx"></head>` +
    `<body><article><h1>Harbour ferries expand${' a'.repeat(2000)}</h1><p>${'Ferry service text. '.repeat(40)}</p></article></body></html>`;
  fast('metadata of a hostile page', () => extractHtml(html, { url: 'https://example.org/a' }));
});

test('annotating 800k characters of unclosed quotations after a speech verb finishes in seconds', () => {
  // every "said" opened a direct quote, and each reported clause was checked against every quote
  const text = 'He said \u201c'.repeat(90_000);
  const t = performance.now();
  annotate(text, { publishedAt: '2024-05-01T00:00:00Z' });
  const ms = performance.now() - t;
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
});
