import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripSiteName, dropTagline, similarity, spellsHostLabel, headingInNoise } from '../src/extract/html/metadata-title.js';
import { parseHtml } from '../src/extract/html/dom.js';
import { headingLines, isGarbledCopy, isMultiLineHeading } from '../src/extract/html/metadata-title-heading.js';
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

test('dropTagline keeps a subtitle the author wrote on the visible headline: long, enumerating or exclaiming', () => {
  const long = 'Ten Compact Cameras Worth Buying | The Best Pocket Models for Street Photographers';
  assert.equal(dropTagline(long, true), long);
  assert.equal(dropTagline('Best Garden Tools for 2026 – Features, Prices, and Verdicts', true), 'Best Garden Tools for 2026 – Features, Prices, and Verdicts');
  assert.equal(dropTagline('Best Garden Tools – Our Picks!', true), 'Best Garden Tools – Our Picks!');
  // short labels still go: a section, a series marker, a flat tagline
  assert.equal(dropTagline('How meditation changes the brain | Opinion', true), 'How meditation changes the brain');
  assert.equal(dropTagline('Building a Pixel-Perfect UI Pipeline - Part 1', true), 'Building a Pixel-Perfect UI Pipeline');
  assert.equal(dropTagline('Best Residential Movers in Leeds 2025 | Top Local & Long-Distance Movers', true), 'Best Residential Movers in Leeds 2025');
  // in metadata alone a long tail may be the site's slogan
  assert.equal(dropTagline('Learn Spanish Fast – Online Lessons with Native Teachers Every Day'), 'Learn Spanish Fast');
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

test('headingLines splits a headline where the page breaks it into lines', () => {
  const doc = parseHtml(`<html><body>
    <h1 id="a">Top Schools of 2026 (UK)<br>Your Guide to the Best Colleges</h1>
    <h1 id="b"><div class="eyebrow">Meet the makers</div> <span class="lg:block">Harbour Roasters</span></h1>
    <h1 id="c">How to <em>really</em> bake bread</h1>
    <h1 id="d">The Best Note Apps<span class="block text-sm">Top Tools &amp; Planners like Paper</span></h1></body></html>`);
  const lines = (id: string) => headingLines(doc.getElementById(id)!);
  assert.deepEqual(lines('a'), ['Top Schools of 2026 (UK)', 'Your Guide to the Best Colleges']);
  assert.deepEqual(lines('b'), ['Meet the makers', 'Harbour Roasters']);
  assert.deepEqual(lines('c'), ['How to really bake bread']);
  assert.deepEqual(lines('d'), ['The Best Note Apps', 'Top Tools & Planners like Paper']);
  assert.equal(isMultiLineHeading(lines('a')), true);
  assert.equal(isMultiLineHeading(['WEEKEND', 'CODING', 'AGENT']), false);
});

test('isGarbledCopy spots characters a wrong encoding replaced by "?"', () => {
  assert.equal(isGarbledCopy('The Basics Of Party Planning? Beginner? Guide', "The Basics Of Party Planning: Beginner's Guide"), true);
  assert.equal(isGarbledCopy('Caf\uFFFD Culture in Vienna', 'Café Culture in Vienna'), true);
  // real question marks, or different wording, are not damage
  assert.equal(isGarbledCopy('Is It Safe?', 'Is It Safe'), false);
  assert.equal(isGarbledCopy('Is It Safe? Experts Answer', 'Is It Safe? Experts Answer'), false);
  assert.equal(isGarbledCopy('What Is Mesh WiFi?', 'What Is Mesh Networking?'), false);
});

test('a headline set over two lines gives way to the structured title that spells it', () => {
  const page = (h1: string, og: string) => `<html><head><title>${og} | Example</title><meta property="og:title" content="${og}">
    <meta property="og:site_name" content="Example"></head><body><article><h1>${h1}</h1><p>Body.</p></article></body></html>`;
  // headline + deck, joined in the structured title with its punctuation
  assert.equal(
    meta(page('<span class="entry-title-primary">What Tutoring Is.</span> <span class="entry-subtitle">Choosing a good tutor for your child</span>', 'What Tutoring Is. - Choosing a good tutor for your child')).title,
    'What Tutoring Is. - Choosing a good tutor for your child',
  );
  // kicker + headline: the line the structured title names
  assert.equal(meta(page('<div class="kicker">Get that tech stack</div> <span class="lg:block">Harbour Roasters</span>', 'Harbour Roasters')).title, 'Harbour Roasters');
  // a structured title worded differently does not replace the two-line headline
  assert.equal(
    meta(page('Top Schools of 2026 (UK)<br>Your Guide to the Best Colleges', 'Top Schools of 2026: Best College Rankings &amp; Guides')).title,
    'Top Schools of 2026 (UK) Your Guide to the Best Colleges',
  );
  // a one-line h1 still wins over a rewritten SEO title
  assert.equal(meta(page('The Best Lakes in Leeds for Swimming', 'Our Favourite Swimming Lakes in Leeds')).title, 'The Best Lakes in Leeds for Swimming');
});

test('a headline damaged by encoding or double escaping is repaired from the structured title', () => {
  const html = `<html><head><title>The Basics Of Party Planning: Beginner's Guide</title>
    <meta property="og:title" content="The Basics Of Party Planning: Beginner's Guide"></head><body>
    <article><h1 class="entry-title">The Basics Of Party Planning? Beginner? Guide</h1></article></body></html>`;
  assert.equal(meta(html).title, "The Basics Of Party Planning: Beginner's Guide");
  const escaped = `<html><head><title>Data Tools for 2026</title></head><body><article><h1>Data Tools for 2026: SQL &amp;#x26; AI</h1></article></body></html>`;
  assert.equal(meta(escaped).title, 'Data Tools for 2026: SQL & AI');
});

test('a headline set in capitals takes the case of the structured copy of the same words, unless the metadata shouts too', () => {
  const page = (h1: string, og: string) => `<html><head><meta property="og:title" content="${og}"></head>
    <body><article><h1>${h1}</h1></article></body></html>`;
  assert.equal(meta(page('BEST KETTLES OF 2026: TIPS FROM TEA PROS', 'Best Kettles of 2026: Tips From Tea Pros')).title, 'Best Kettles of 2026: Tips From Tea Pros');
  // other words: the headline stays as it is
  assert.equal(meta(page('BEST KETTLES IN 2026: TIPS FROM TEA PROS', 'Best Kettles 2026: Tips From Tea Pros')).title, 'BEST KETTLES IN 2026: TIPS FROM TEA PROS');
  assert.equal(meta(page('CONSULTING VS. INSURANCE CAREERS', 'CONSULTING VS. INSURANCE CAREERS')).title, 'CONSULTING VS. INSURANCE CAREERS');
});

test('a heading tail that the structured title keeps without a separator is part of the title', () => {
  const page = (h1: string, og: string) => `<html><head><meta property="og:title" content="${og}"><title>${og}</title></head>
    <body><article><h1>${h1}</h1></article></body></html>`;
  assert.equal(
    meta(page('Best Podcast Apps in 2025 - I Tried 11 Apps', 'Best Podcast Apps in 2025 [Tried 11 Apps]')).title,
    'Best Podcast Apps in 2025 [Tried 11 Apps]',
  );
  // the same separator in the structured title: a label, dropped from both
  assert.equal(meta(page('Best Residential Movers in Leeds | Top 19 Companies', 'Best Residential Movers in Leeds | Top 19 Companies')).title, 'Best Residential Movers in Leeds');
});

test('a site name the host spells with initials is stripped, at new separators too', () => {
  assert.equal(spellsHostLabel('the new york times', 'nytimes'), true);
  assert.equal(spellsHostLabel('the wall street journal', 'wsj'), true);
  assert.equal(spellsHostLabel('los angeles times', 'latimes'), true);
  assert.equal(spellsHostLabel('moving companies in leeds', 'nytimes'), false);
  assert.equal(spellsHostLabel('new york', 'nytimes'), false);
  const page = (title: string, url: string) => meta(`<html><head><title>${title}</title></head><body><p>x</p></body></html>`, url).title;
  assert.equal(page('Rates Rise Again in the Euro Area - The New York Times', 'https://www.nytimes.com/2026/01/rates.html'), 'Rates Rise Again in the Euro Area');
  assert.equal(page('Rates Rise Again in the Euro Area ~ Ledger Notes', 'https://ledgernotes.net/rates'), 'Rates Rise Again in the Euro Area');
  assert.equal(page('Rates Rise Again in the Euro Area // Ledger Notes', 'https://ledgernotes.net/rates'), 'Rates Rise Again in the Euro Area');
  // a slash inside the title is not a separator: only a site name is removed at it
  assert.equal(page('21 Best Movers / Moving Companies in Leeds', 'https://movers.example/leeds'), '21 Best Movers / Moving Companies in Leeds');
});

test('invisible characters (soft hyphen, zero-width space, BOM) are removed from the title', () => {
  const html = `<html><head><title>Keep Your Teeth Heal\u00adthy\u200b | Example Dental</title><meta property="og:site_name" content="Example Dental"></head><body></body></html>`;
  assert.equal(meta(html).title, 'Keep Your Teeth Healthy');
});

test('title rules stay fast on hostile input (deep nesting, long runs without spaces)', () => {
  const deep = '<span>'.repeat(10000) + 'Deep headline words' + '</span>'.repeat(10000);
  const run = 'x'.repeat(200000);
  const html = `<html><head><title>${run} | ${run}</title><meta property="og:title" content="${run} ~ ${run}">
    <meta property="og:site_name" content="${run}"></head><body><article><h1>${deep}<br>${run}</h1></article></body></html>`;
  const t0 = performance.now();
  meta(html, `https://${'a'.repeat(60)}.com/x`);
  assert.ok(isGarbledCopy(`${'?'.repeat(50000)} a`, `${'b'.repeat(50000)} a`), "isGarbledCopy(`${'?'.repeat(50000)} a`, `${'b'.repeat(50000)} a`)");
  assert.equal(spellsHostLabel(`${'word '.repeat(6)}`.trim(), 'w'.repeat(60)), false);
  assert.ok(performance.now() - t0 < 3000, 'took too long');
});

test('an <article> that is a teaser card stays noise; only its taxonomy classes are ignored', () => {
  const doc = parseHtml(`<html><body><main>
    <article class="post category-related-reading tag-popular"><h1 id="own">Own headline here</h1></article>
    <article class="teaser"><h1 id="card">Card headline here</h1></article></main></body></html>`);
  assert.equal(headingInNoise(doc.getElementById('own')!), false);
  assert.equal(headingInNoise(doc.getElementById('card')!), true);
});

test('without an <article> around the first h1, the best-matching h1 still wins', () => {
  const html = `<html><head><title>Where to Swim in Leeds | Leeds Weekly</title></head><body>
    <main><h1>Leeds Lakes to Visit</h1><section><h1>Where to Swim in Leeds This Summer</h1></section></main></body></html>`;
  assert.equal(meta(html).title, 'Where to Swim in Leeds This Summer');
});

test('a structured title that only adds the year or the list count to the headline wins; other additions do not', () => {
  const page = (h1: string, og: string) => `<html><head><meta property="og:title" content="${og}"></head>
    <body><article><h1>${h1}</h1><p>Body text of the article.</p></article></body></html>`;
  assert.equal(meta(page('Best Garden Shears for Small Hands', 'Best Garden Shears for Small Hands in 2026')).title, 'Best Garden Shears for Small Hands in 2026');
  assert.equal(meta(page('Quiet Trends in Pottery', '7 Quiet Trends in Pottery')).title, '7 Quiet Trends in Pottery');
  assert.equal(meta(page('Best Garden Shears', 'Best Garden Shears (2026)')).title, 'Best Garden Shears (2026)');
  // words, not a year: an SEO variant, the headline stays
  assert.equal(meta(page('Best Garden Shears for Small Hands', 'Best Garden Shears for Small Hands Tested by Gardeners')).title, 'Best Garden Shears for Small Hands');
  assert.equal(meta(page('Best Garden Shears for Small Hands', 'Best Garden Shears for Small Hands in Spring')).title, 'Best Garden Shears for Small Hands');
});
