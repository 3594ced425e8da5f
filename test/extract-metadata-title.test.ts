import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripSiteName, dropTagline, similarity } from '../src/extract/html/metadata-title.js';
import { parseHtml } from '../src/extract/html/dom.js';
import { extractMetadata } from '../src/extract/html/metadata.js';

test('stripSiteName drops a known site name at either end', () => {
  assert.equal(stripSiteName('Rates rise again | Daily Ledger', ['Daily Ledger']), 'Rates rise again');
  assert.equal(stripSiteName('Daily Ledger - Rates rise again', ['Daily Ledger']), 'Rates rise again');
  assert.equal(stripSiteName('Rates rise again', ['Daily Ledger']), 'Rates rise again');
});

test('stripSiteName keeps the prefix another candidate confirms', () => {
  assert.equal(stripSiteName('Rates rise again - Markets - Ledger', [], ['Rates rise again']), 'Rates rise again');
});

test('dropTagline removes a trailing tagline but keeps a continuation', () => {
  assert.equal(dropTagline('How bridges are inspected | Top 19 Companies'), 'How bridges are inspected');
  assert.equal(dropTagline('Ten fitness habits to keep — and 5 trends to expect'), 'Ten fitness habits to keep — and 5 trends to expect');
});

test('similarity is symmetric and zero for disjoint titles', () => {
  assert.equal(similarity('a b c', 'c b a'), 1);
  assert.equal(similarity('alpha beta', 'gamma delta'), 0);
});

test('dropTagline keeps a subtitle the author wrote: long, enumerating or exclaiming', () => {
  assert.equal(
    dropTagline('Ten Compact Cameras Worth Buying | The Best Pocket Models for Street Photographers'),
    'Ten Compact Cameras Worth Buying | The Best Pocket Models for Street Photographers',
  );
  assert.equal(dropTagline('Best Garden Tools for 2026 – Features, Prices, and Verdicts'), 'Best Garden Tools for 2026 – Features, Prices, and Verdicts');
  assert.equal(dropTagline('Best Garden Tools – Our Picks!'), 'Best Garden Tools – Our Picks!');
  // short labels still go: a section, a series marker, a flat tagline
  assert.equal(dropTagline('How meditation changes the brain | Opinion'), 'How meditation changes the brain');
  assert.equal(dropTagline('Building a Pixel-Perfect UI Pipeline - Part 1'), 'Building a Pixel-Perfect UI Pipeline');
  assert.equal(dropTagline('Best Residential Movers in Leeds 2025 | Top Local & Long-Distance Movers'), 'Best Residential Movers in Leeds 2025');
});

const meta = (html: string, url = 'https://example.org/post') => extractMetadata(parseHtml(html), html, url);

test('an h1 inside an <article> whose classes name its taxonomy is not noise', () => {
  const html = `<html><head><title>Guide to Pond Plants – Example Org</title>
    <meta property="og:title" content="Guide to Pond Plants in 2026 – Full List"></head><body>
    <article class="post type-post category-recommendations tag-related-reading">
      <div class="entry-header"><h1 class="entry-title">Top 12: Pond Plants (chosen by gardeners)</h1></div>
      <p>Water lilies shade the surface.</p>
      <h2>The Twelve Best Pond Plants for 2026 in Detail</h2>
    </article></body></html>`;
  assert.equal(meta(html).title, 'Top 12: Pond Plants (chosen by gardeners)');
});

test('the first content h1 wins over a loosely matching card further down', () => {
  const html = `<html><head><title>Where to Swim in Leeds | Leeds Weekly</title>
    <meta property="og:title" content="Our Favourite Swimming Spots in Leeds"></head><body>
    <main><article><header><h1>The Best Lakes and Lidos in Leeds for Swimming</h1></header><p>Text.</p></article>
    <div class="end-of-article"><div class="carousel"><h1>Here's Where to Row and Paddle in Leeds</h1><h1>Markets to Shop in Leeds</h1></div></div>
    </main></body></html>`;
  assert.equal(meta(html).title, 'The Best Lakes and Lidos in Leeds for Swimming');
});
