/**
 * HTML main-content extraction: page furniture leaves with a reason, the article stays, hostile pages
 * (deep nesting, huge size, broken markup) finish quickly, and the 181-page benchmark keeps its level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractHtml } from '../src/extract/html/index.js';
import { MAX_DEPTH, parseHtml } from '../src/extract/html/dom.js';
import { loadPages, ours, runSystem } from '../bench/extract.js';
import { needsShared, sharedDir } from './helpers.js';

const PARAS = [
  'The harbour authority approved a plan on Thursday to dredge the northern channel, a project that has been delayed for six years by disputes over cost and the fate of a colony of seabirds nesting on the breakwater.',
  'Engineers said the work would begin in the spring and take about eighteen months, during which larger cargo ships would be diverted to the southern berths. Local fishing crews welcomed the decision but asked for compensation.',
  'Opponents argued that the plan underestimated the cost of moving the birds and said they would ask the regional court to review the permit before any dredger arrives in the harbour.',
];

function page(extra: { before?: string; after?: string; inside?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><title>Harbour channel to be dredged | The Tidewater Gazette</title></head><body>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to personalise content and analyse our traffic. By continuing you accept our use of cookies. <button>Accept all</button></div>
${extra.before ?? ''}
<main><article><h1>Harbour channel to be dredged after six-year delay</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this article</a></div>
${PARAS.map((p) => `<p>${p}</p>`).join('\n')}
${extra.inside ?? ''}
</article>
<aside class="related-articles"><h2>Related stories</h2><ul><li><a href="/a">Seabird colony thrives on breakwater, survey finds</a></li><li><a href="/b">Port traffic hits record high as cargo volumes climb</a></li><li><a href="/c">Fishing crews demand new quotas</a></li></ul></aside>
<section id="comments" class="comments-area"><h3>3 Comments</h3><div class="comment"><p>Finally! This should have been done years ago, the channel is a disgrace and everyone in town knows it.</p></div>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><form><textarea></textarea><button>Post Comment</button></form></div></section>
</main>${extra.after ?? ''}<footer class="site-footer">© 2025 The Tidewater Gazette. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`;
}

test('article paragraphs are kept; navigation, cookie notice, share bar, related links, comments leave with reasons', () => {
  const x = extractHtml(page());
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  for (const junk of ['We use cookies', 'Share on Facebook', 'Seabird colony thrives', 'should have been done years ago', 'Leave a Reply', 'Weather']) {
    assert.ok(!x.text.includes(junk), `dropped: ${junk}`);
    assert.ok(x.removals.some((r) => r.text.includes(junk)), `recorded: ${junk}`);
  }
  for (const r of x.removals) {
    assert.ok(r.reason && r.rule, 'every removal names its reason and rule');
    assert.equal(r.at, -1);
  }
  assert.equal(x.metadata.title, 'Harbour channel to be dredged after six-year delay');
});

test('broken markup (unclosed tags, stray end tags) still yields the article', () => {
  const broken = page().replace(/<\/p>/g, '').replace('<main>', '<main></div></span>');
  const x = extractHtml(broken);
  for (const p of PARAS) assert.ok(x.text.includes(p.slice(0, 60)), 'x.text.includes(p.slice(0, 60))');
});

test('10,000-deep nesting finishes quickly without a stack overflow', () => {
  const deep = '<div>'.repeat(10_000) + 'deep text' + '</div>'.repeat(10_000);
  const started = performance.now();
  const x = extractHtml(page({ after: deep }));
  assert.ok(performance.now() - started < 10_000, 'performance.now() - started < 10_000');
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
});

test('a script or a style nested past the depth limit is dropped, not read as text; the text around it stays', () => {
  const wrapped = (inner: string) => '<html><body>' + '<div>'.repeat(MAX_DEPTH + 50) + inner + '</div>'.repeat(MAX_DEPTH + 50) + '</body></html>';
  const doc = parseHtml(wrapped('<p>Tide tables for the week</p><script>window.dataLayer.push({ trackingId: 42 });</script><style>.promo { color: red }</style><p>High water at noon</p>'));
  const text = doc.body.textContent ?? '';
  assert.ok(!text.includes('dataLayer') && !text.includes('.promo'), `script or style read as text: ${text.trim().slice(0, 200)}`);
  assert.ok(text.includes('Tide tables for the week') && text.includes('High water at noon'), 'the text past the limit is kept');
});

test('a 50 MB page is extracted in bounded time', () => {
  const filler = `<div class="sidebar"><p>${'advert text '.repeat(80)}</p></div>\n`;
  const big = page({ after: filler.repeat(Math.ceil((50 << 20) / filler.length)) });
  assert.ok(big.length >= 50 << 20, 'big.length >= 50 << 20');
  const started = performance.now();
  const x = extractHtml(big);
  assert.ok(performance.now() - started < 30_000, 'performance.now() - started < 30_000');
  assert.ok(PARAS.every((p) => x.text.includes(p)), 'PARAS.every((p) => x.text.includes(p))');
});

test('a long run without spaces or tags does not hang', () => {
  const started = performance.now();
  extractHtml(page({ inside: `<p>${'x'.repeat(2_000_000)}</p>` }));
  assert.ok(performance.now() - started < 10_000, 'performance.now() - started < 10_000');
});

const benchDir = join(sharedDir, 'bench', 'article-extraction');
test('article-extraction benchmark: mean 4-gram F1 stays at or above 0.95', { skip: needsShared }, () => {
  assert.ok(existsSync(benchDir), 'existsSync(benchDir)');
  // scored as bench:extract scores it (one metric, one implementation)
  const { f1 } = runSystem('ours', ours, loadPages(benchDir));
  assert.ok(f1 >= 0.95, `F1 ${f1.toFixed(3)}`);
});

// ---- container choice -------------------------------------------------------------------------

const COMMENTS = Array.from({ length: 12 }, (_, i) =>
  `<li class="comment" id="comment-${i}"><div class="comment-author">Reader ${i}</div><div class="comment-body"><p>I have lived near the harbour for ${i + 20} years and I think the council has finally listened to the people who work on the water every single day, which is more than can be said for the last plan.</p></div></li>`,
).join('');

test('a comment thread longer than the article is never chosen as the container', () => {
  const html = `<html><body><div class="wrap"><div class="post-content"><h1>Harbour channel to be dredged</h1>${PARAS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}</div>
<div id="comments"><h3>12 Responses</h3><ol class="commentlist">${COMMENTS}</ol></div></div></body></html>`;
  const x = extractHtml(html);
  for (const p of PARAS.slice(0, 2)) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(!x.text.includes('I have lived near the harbour'), 'comments dropped');
});

test('text in a second top-level document (script before <!DOCTYPE>, page without <html>) is found', () => {
  const body = `<body><div class="entry">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></body>`;
  const concatenated = `<script>window.x = 1;</script>\n<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head>${body}</html>`;
  const headless = `<!DOCTYPE html>\n<head><meta charset="utf-8"><title>t</title><script>var a = 1;</script></head>\n${body}`;
  const nested = `<!DOCTYPE html><html><!DOCTYPE html><html><head><title>t</title></head>${body}</html></html>`;
  for (const html of [concatenated, headless, nested]) {
    const x = extractHtml(html);
    for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  }
});

test('section classes that only sound like furniture (jump targets, "toc-para", CMS "cmp-" components) keep their prose', () => {
  const sections = PARAS.map((p, i) => `<section id="part-${i}" class="${['toc-para', 'jump-section', 'skip-item'][i]}"><h2>Part ${i + 1}</h2><div class="cmp-text"><p>${p}</p></div></section>`).join('');
  const x = extractHtml(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="page">${sections}</div></body></html>`);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
});

test('streamed server-rendering segments (<div hidden id="S:0">) are read; other hidden elements are not', () => {
  const html = `<html><body><main><div class="skeleton">Loading…</div></main>
<div hidden id="S:0"><article>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></div>
<div hidden id="promo"><p>${'Secret hidden promotional text that nobody sees on the page at all, and it is long enough to be prose. '.repeat(3)}</p></div>
<script>$RC("B:0","S:0")</script></body></html>`;
  const x = extractHtml(html);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(!x.text.includes('Secret hidden'), "!x.text.includes('Secret hidden')");
});

test('an article cut into sibling sections keeps every section, and the lists between them', () => {
  const items = Array.from({ length: 40 }, (_, i) => `<li>Checklist item number ${i + 1} for crews</li>`).join('');
  const html = `<html><body><div class="page"><div class="row"><div class="col"><p>${PARAS[0]}</p></div></div>
<div class="row"><div class="col"><h2>What the crews must do</h2><ul>${items}</ul></div></div>
<div class="row"><div class="col"><p>${PARAS[1]}</p><p>${PARAS[2]}</p></div></div></div>
<div class="widget"><p>Short unrelated note that sits beside the article and has a few words in it, but not many at all.</p></div></body></html>`;
  const x = extractHtml(html);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(x.paragraphs.includes('Checklist item number 7 for crews'), "x.paragraphs.includes('Checklist item number 7 for crews')");
  assert.ok(x.paragraphs.includes('What the crews must do'), "x.paragraphs.includes('What the crews must do')");
});

// ---- JSON-LD articleBody as a second opinion ----------------------------------------------------

const MORE = [
  'The dredging contract will be tendered in January, and the authority expects at least four bids from firms that have worked on similar channels along the coast, according to the project documents published on Friday.',
  'A spokesperson for the seabird trust said the group had been consulted on the timing of the works and would monitor the colony throughout the breeding season, with the power to halt dredging near the breakwater.',
];
const BLURB = [
  'About us: the Tidewater Gazette has covered the towns of the estuary since 1898 and is owned by a charitable trust that reinvests every penny of profit in local reporting, training and community events across the region.',
  'Our newsroom is open to visitors on the first Saturday of each month, when readers can meet the reporters, see the archive of historic front pages and hear how each edition of the paper is put together from start to finish.',
];
const ARTICLE = [...PARAS, ...MORE];
function teaserWrappedPage(articleBody: string | null): string {
  const ld = articleBody === null ? '' : `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbour', articleBody })}</script>`;
  return `<html><head>${ld}</head><body><div class="story">${ARTICLE.map((p) => `<div class="promo-text"><p>${p}</p></div>`).join('')}</div>
<div class="about">${BLURB.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
}

test('when the DOM pick misses most of the JSON-LD articleBody, the articleBody guides the pick', () => {
  const guided = extractHtml(teaserWrappedPage(ARTICLE.join(' ')));
  for (const p of ARTICLE) assert.ok(guided.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(!guided.text.includes('About us'), "!guided.text.includes('About us')");
  // the same page without articleBody: the furniture-sounding wrappers lose to the blurb
  const unguided = extractHtml(teaserWrappedPage(null));
  assert.ok(!ARTICLE.every((p) => unguided.paragraphs.includes(p)), '!ARTICLE.every((p) => unguided.paragraphs.includes(p))');
});

test('a short or truncated articleBody never cuts a good DOM pick down', () => {
  const html = (body: string) => `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'Article', articleBody: body })}</script></head>
<body><article>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</article><div class="about">${BLURB.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
  const teaserBody = ARTICLE.slice(0, 3).join(' ');
  assert.ok(teaserBody.split(' ').length >= 100, 'the teaser is long enough to be considered');
  for (const body of [teaserBody, 'Subscribe to read the full story.']) {
    const x = extractHtml(html(body));
    for (const p of ARTICLE) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  }
});

test('navigation-sounding sections that hold several paragraphs are article text; a mega-menu blurb is not', () => {
  const megaMenu = `<div class="nav-dropdown"><a href="/courses">Courses</a><p>Learn to build software with the most popular languages and tools, from your first lines of Python to shipping a full web application with a team of mentors at your side, in twelve weeks.</p><a href="/apply">Apply today</a></div>`;
  const sections = `<div class="content-nav-section"><h2>The plan</h2><p>${PARAS[0]}</p><p>${PARAS[1]}</p></div><div class="content-nav-section"><h2>The objections</h2><p>${PARAS[2]}</p><p>${MORE[0]}</p><p>${MORE[1]}</p></div>`;
  const x = extractHtml(`<html><body><header>${megaMenu}</header><main>${sections}</main></body></html>`);
  for (const p of [...PARAS, ...MORE]) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(!x.text.includes('Learn to build software'), "!x.text.includes('Learn to build software')");
});

test('a form inside the article (sign-up, contact) leaves; a page wrapped whole in one <form> keeps its article', () => {
  const signup = `<form action="/subscribe"><label>First Name</label><input name="f"><label>Email address</label><input name="e"><p>Thank you! Your submission has been received!</p><p>Oops! Something went wrong while submitting the form.</p></form>`;
  const x = extractHtml(page({ inside: signup }));
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
  assert.ok(!x.text.includes('First Name') && !x.text.includes('submission has been received'), "!x.text.includes('First Name') && !x.text.includes('submission has been received')");
  assert.ok(x.removals.some((r) => r.rule === 'form-element' && r.text.includes('First Name')), "x.removals.some((r) => r.rule === 'form-element' && r.text.includes('First Name'))");
  const wrapped = page().replace('<body>', '<body><form id="aspnetForm" method="post" action="./story.aspx">').replace('</body>', '</form></body>');
  const y = extractHtml(wrapped);
  for (const p of PARAS) assert.ok(y.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
});

test('an end-of-article heading ("You may also like") cuts the teasers after it; the same heading mid-story does not', () => {
  const teasers = `<h3>You may also like</h3><div class="grid"><div class="card"><h4>Seabird colony thrives on breakwater</h4><p>A survey of the colony found more nesting pairs than at any time since counts began.</p></div><div class="card"><h4>Port traffic hits record high</h4><p>Cargo volumes climbed for a third year as new berths opened to larger ships.</p></div></div>`;
  const atEnd = extractHtml(page({ inside: teasers }));
  for (const p of PARAS) assert.ok(atEnd.paragraphs.includes(p), 'atEnd.paragraphs.includes(p)');
  assert.ok(!atEnd.text.includes('Seabird colony thrives') && !atEnd.text.includes('Cargo volumes climbed'), "!atEnd.text.includes('Seabird colony thrives') && !atEnd.text.includes('Cargo volumes climbed')");
  assert.ok(atEnd.removals.some((r) => r.rule === 'after-end-marker' && r.text.includes('Port traffic')), "atEnd.removals.some((r) => r.rule === 'after-end-marker' && r.text.includes('Port traffic'))");
  // mid-story: most of the article's paragraphs still follow the heading, so nothing is cut
  const midStory = `<html><body><article><p>${PARAS[0]}</p>${teasers}${[PARAS[1], PARAS[2], ...MORE].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const mid = extractHtml(midStory);
  for (const p of [...PARAS, ...MORE]) assert.ok(mid.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  // late in the story, but the story runs on for two more paragraphs: still nothing is cut
  const lateBox = `<html><body><article>${PARAS.map((p) => `<p>${p}</p>`).join('')}${teasers}${MORE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const late = extractHtml(lateBox);
  for (const p of [...PARAS, ...MORE]) assert.ok(late.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
});

test('sections made of a heading and a body wrapper join too (the climb passes wrappers that add no prose)', () => {
  const items = Array.from({ length: 40 }, (_, i) => `<li>Checklist item number ${i + 1} for crews</li>`).join('');
  const sect = (title: string, inner: string) => `<div class="sect1"><h2>${title}</h2><div class="sectionbody">${inner}</div></div>`;
  const html = `<html><body><div class="content">${sect('The plan', `<p>${PARAS[0]}</p>`)}${sect('What the crews must do', `<ul>${items}</ul>`)}${sect('The objections', `<p>${PARAS[1]}</p><p>${PARAS[2]}</p>`)}</div></body></html>`;
  const x = extractHtml(html);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(x.paragraphs.includes('The plan') && x.paragraphs.includes('Checklist item number 7 for crews'), "x.paragraphs.includes('The plan') && x.paragraphs.includes('Checklist item number 7 for crews')");
});

test('class names inside code blocks ("hljs-comment", "token comment") do not make the code furniture', () => {
  const code = `<pre><code class="language-bash"><span class="hljs-comment"># initialise the repository</span>\ngit init\n<span class="token comment"># clone it</span>\ngit clone https://example.org/harbour.git</code></pre>`;
  const x = extractHtml(page({ inside: code }));
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
  assert.ok(x.text.includes('# initialise the repository') && x.text.includes('# clone it'), x.text);
});

test('an article inside an infinite-scroll "pagination" wrapper is kept; the page-number list still goes', () => {
  const html = `<html><body><div class="infinite-pagination-container"><section id="ref1"><h2>Harbour</h2>${PARAS.map((p) => `<p>${p}</p>`).join('')}</section>
<section id="ref2"><h2>Next steps</h2>${MORE.map((p) => `<p>${p}</p>`).join('')}</section>
<ul class="pagination"><li><a href="?p=1">1</a></li><li><a href="?p=2">2</a></li><li><a href="?p=3">3</a></li><li><a href="?p=2">Next page</a></li></ul></div>
<div class="about">${BLURB.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
  const x = extractHtml(html);
  for (const p of [...PARAS, ...MORE]) assert.ok(x.paragraphs.includes(p), `kept: ${p.slice(0, 40)}`);
  assert.ok(!x.paragraphs.includes('Next page'), "!x.paragraphs.includes('Next page')");
});

test('the headline <h1> before the first paragraph leaves as the title; a later <h1> stays', () => {
  const x = extractHtml(`<html><body><article><h1>Harbour channel to be dredged</h1><p>${PARAS[0]}</p><h1>Part two</h1><p>${PARAS[1]}</p></article></body></html>`);
  assert.ok(!x.paragraphs.includes('Harbour channel to be dredged'), "!x.paragraphs.includes('Harbour channel to be dredged')");
  assert.ok(x.removals.some((r) => r.reason === 'title-repeat' && r.rule === 'headline' && r.text === 'Harbour channel to be dredged'), "x.removals.some((r) => r.reason === 'title-repeat' && r.rule === 'headline' && r.text === 'Harbou...");
  assert.ok(x.paragraphs.includes('Part two') && x.paragraphs.includes(PARAS[0]) && x.paragraphs.includes(PARAS[1]), "x.paragraphs.includes('Part two') && x.paragraphs.includes(PARAS[0]) && x.paragraphs.includes(PAR...");
  assert.equal(x.metadata.title, 'Harbour channel to be dredged');
});

test('picture captions (<figcaption>) leave with a reason; the story around the figure stays', () => {
  const fig = `<figure><img src="dredger.jpg" alt=""><figcaption>A dredger at work in the northern channel last spring. Photo: Harbour Authority</figcaption></figure>`;
  const x = extractHtml(page({ inside: fig }));
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
  assert.ok(!x.text.includes('A dredger at work'), "!x.text.includes('A dredger at work')");
  assert.ok(x.removals.some((r) => r.rule === 'figure-caption' && r.text.includes('A dredger at work')), "x.removals.some((r) => r.rule === 'figure-caption' && r.text.includes('A dredger at work'))");
});

test('date and reading-time lines before the first paragraph leave as byline lines; a date inside the story stays', () => {
  const inside = `<p>Updated December 18, 2025</p><p>10 min read</p>`;
  const html = `<html><body><article><h1>Harbour channel to be dredged</h1>${inside}${PARAS.map((p) => `<p>${p}</p>`).join('')}<p>March 4, 2026</p></article></body></html>`;
  const x = extractHtml(html);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
  assert.ok(!x.paragraphs.includes('Updated December 18, 2025') && !x.paragraphs.includes('10 min read'), "!x.paragraphs.includes('Updated December 18, 2025') && !x.paragraphs.includes('10 min read')");
  assert.ok(x.removals.some((r) => r.reason === 'byline-line' && r.rule === 'date-line' && r.text === '10 min read'), "x.removals.some((r) => r.reason === 'byline-line' && r.rule === 'date-line' && r.text === '10 min...");
  assert.ok(x.paragraphs.includes('March 4, 2026'), 'after the prose starts, dates are text');
});

test('a table of contents leaves: its heading by phrase, its entries as a link list', () => {
  const toc = `<div class="ez-box"><p>Table of Contents</p><ul><li><a href="#plan">The plan</a></li><li><a href="#objections">The objections</a></li></ul></div>`;
  const x = extractHtml(`<html><body><article>${toc}${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
  for (const p of PARAS) assert.ok(x.paragraphs.includes(p), 'x.paragraphs.includes(p)');
  assert.ok(!x.paragraphs.includes('Table of Contents') && !x.paragraphs.includes('The plan'), "!x.paragraphs.includes('Table of Contents') && !x.paragraphs.includes('The plan')");
  assert.ok(x.removals.some((r) => r.rule === 'contents-heading'), "x.removals.some((r) => r.rule === 'contents-heading')");
});

test('a forum topic: the thread is the content; a news brief above a long thread keeps its brief', () => {
  const posts = [
    'I have used the two-pole version of this shelter for three seasons in the Rockies and it held up in every storm, though the zippers started to stick after the second year.',
    'Does anyone know whether the mesh insert fits the older model? The product page says it does but the photos show a different clip layout on the corners.',
    'It fits, but you have to move the toggles. I did mine in ten minutes with a needle and some spare cord, and it has stayed put on two long trips since.',
    'Condensation was my only real complaint. Pitch it a little higher at the back and open both vents, and the inside stays dry even on still nights by the lake.',
  ];
  const thread = `<div id="comments" class="comments-area">${posts.map((p, i) => `<div class="comment"><span class="comment-author">member${i}</span><p>${p}</p></div>`).join('')}</div>`;
  const forum = `<html><body><header><a href="/">Trail Forum</a></header><div class="newsletter"><p>Get our free handbook and our weekly newsletter!</p></div>
    <main><h1>Two-pole shelter review</h1>${thread}</main></body></html>`;
  const asForum = extractHtml(forum, { url: 'https://trail.example/forums/topic/41395/' });
  for (const p of posts) assert.ok(asForum.text.includes(p), `forum post kept: ${p.slice(0, 30)}`);
  // the same page at an article's address is an article with nothing but a thread: the thread stays out
  const asArticle = extractHtml(forum, { url: 'https://trail.example/2025/06/two-pole-shelter-review' });
  assert.ok(!asArticle.text.includes(posts[0]), '!asArticle.text.includes(posts[0])');
  // a Q&A page says what it is in its schema.org type
  const qa = forum.replace('<body>', '<body><script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","name":"Two-pole shelter"}</script>');
  assert.ok(extractHtml(qa).text.includes(posts[2]), 'extractHtml(qa).text.includes(posts[2])');
});

test('collapsed accordion and tab panels are article text; a collapsed FAQ block and other hidden elements are not', () => {
  const step = (n: number) => `Step ${n}: the installer surveys the roof, checks the wiring and files the permits with the town, which can take several weeks in busy seasons.`;
  const html = `<html><body><main><article><h1>Solar installation, step by step</h1><p>${PARAS[0]}</p>
    <div class="es-accordion"><button>Site visit</button><div id="panel-1" style="display:none"><p>${step(1)}</p></div></div>
    <div class="tabs"><div role="tabpanel" hidden><p>${step(2)}</p></div></div>
    <section class="faq-section"><div class="faq-item accordion"><div class="accordion-content" style="display: none"><p>Frequently asked: do panels work in snow? Yes, though output falls while they are covered.</p></div></div></section>
    <div style="display:none"><p>Hidden promotional text that a reader never sees on this page at any point.</p></div>
  </article></main></body></html>`;
  const x = extractHtml(html);
  assert.ok(x.text.includes(step(1)), 'accordion panel kept');
  assert.ok(x.text.includes(step(2)), 'tab panel kept');
  assert.ok(!x.text.includes('Frequently asked'), 'collapsed FAQ answer left out');
  assert.ok(!x.text.includes('Hidden promotional'), 'plain hidden element left out');
});

test('a body rendered twice (desktop and mobile copies) is kept once; a plan that repeats short runs keeps them; placeholder text leaves', () => {
  const paras = Array.from({ length: 12 }, (_, i) => `Section ${i + 1}: ${PARAS[i % 3]}`);
  const copy = (cls: string) => `<div class="${cls}">${paras.map((p) => `<p>${p}</p>`).join('')}</div>`;
  const twice = extractHtml(`<html><body><main><article><h1>Remodel costs</h1>${copy('desktop')}${copy('mobile')}</article></main></body></html>`);
  assert.equal(twice.paragraphs.filter((p) => p === paras[5]).length, 1, 'one copy kept');
  assert.ok(twice.removals.some((r) => r.rule === 'repeated-section'), "twice.removals.some((r) => r.rule === 'repeated-section')");
  // a weekly plan: the same three long meals on several days, between different day headings
  const meals = [0, 1, 2].map((i) => `Meal ${i + 1}: ${PARAS[i]}`);
  const days = [1, 2, 3, 4].map((d) => `<h3>Day ${d}</h3>${meals.map((m) => `<p>${m}</p>`).join('')}`).join('');
  const plan = extractHtml(`<html><body><main><article><h1>Meal plan</h1>${days}</article></main></body></html>`);
  assert.equal(plan.paragraphs.filter((p) => p === meals[0]).length, 4, 'every day keeps its meals');
  const lorem = extractHtml(`<html><body><main><article><h1>Rankings</h1><p>${PARAS[0]}</p><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p><p>${PARAS[1]}</p></article></main></body></html>`);
  assert.ok(!lorem.text.includes('Lorem ipsum'), "!lorem.text.includes('Lorem ipsum')");
  assert.ok(lorem.removals.some((r) => r.rule === 'placeholder-text'), "lorem.removals.some((r) => r.rule === 'placeholder-text')");
});
