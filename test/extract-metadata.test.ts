import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../src/extract/html/dom.js';
import { extractMetadata } from '../src/extract/html/metadata.js';
import { extractHtml } from '../src/extract/html/index.js';
import { findDatesInText, parseDate } from '../src/extract/html/date-parse.js';
import { parseJsonLdText } from '../src/extract/html/metadata-jsonld.js';
import { dropTagline, stripSiteName } from '../src/extract/html/metadata-title.js';
import { splitNames } from '../src/extract/html/metadata-author-names.js';

const meta = (html: string, url?: string) => extractMetadata(parseHtml(html), html, url);

test('date parsing: machine and human formats, time and offset kept, junk refused', () => {
  assert.equal(parseDate('2024-06-19T10:30:00+02:00')?.iso, '2024-06-19T10:30:00+02:00');
  assert.equal(parseDate('2024-06-19T10:30:00.000Z')?.iso, '2024-06-19T10:30:00Z');
  assert.equal(parseDate('2024-06-19')?.iso, '2024-06-19');
  assert.equal(parseDate('Wed, 19 Jun 2024 08:15:00 GMT')?.iso, '2024-06-19T08:15:00Z');
  assert.equal(parseDate('June 19, 2024')?.iso, '2024-06-19');
  assert.equal(parseDate('19. Juni 2024')?.iso, '2024-06-19');
  assert.equal(parseDate('19 de junio de 2024')?.iso, '2024-06-19');
  assert.equal(parseDate('06/19/2024')?.day, '2024-06-19');
  assert.equal(parseDate('19.06.2024')?.day, '2024-06-19');
  assert.equal(parseDate('03/04/2024', true)?.day, '2024-04-03');
  assert.equal(parseDate('1718785800')?.day, '2024-06-19');
  assert.equal(parseDate('2024-02-30'), null);
  assert.equal(parseDate('not a date'), null);
  assert.equal(parseDate('© 1887'), null);
  const found = findDatesInText('Posted June 19, 2024 at 3:05 pm · Updated 20 June 2024');
  assert.deepEqual(found.map((f) => f.date.iso), ['2024-06-19T15:05:00', '2024-06-20']);
});

test('date parsing survives hostile input quickly', () => {
  const hostile = '1'.repeat(200_000) + ' ' + 'a'.repeat(200_000) + ' 12/'.repeat(50_000);
  const t0 = performance.now();
  findDatesInText(hostile);
  parseDate(hostile);
  assert.ok(performance.now() - t0 < 2000, 'date scan must stay linear');
});

test('JSON-LD with @graph: headline, datePublished, author by @id reference, publisher', () => {
  const html = `<html lang="en-GB"><head><title>Ignored title | Daily Planet</title>
  <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","@id":"https://planet.example/#website","name":"Daily Planet"},
    {"@type":"WebPage","@id":"https://planet.example/a/#webpage","datePublished":"2020-01-01T00:00:00Z"},
    {"@type":"Person","@id":"https://planet.example/#/schema/person/1","name":"Lois Lane"},
    {"@type":"NewsArticle","headline":"Storm floods the harbour","datePublished":"2024-06-19T08:00:00+01:00",
     "dateModified":"2024-06-21T09:00:00+01:00","author":{"@id":"https://planet.example/#/schema/person/1"},
     "publisher":{"@type":"Organization","name":"Daily Planet"}}
  ]}</script></head><body><p>Text</p></body></html>`;
  const m = meta(html, 'https://planet.example/a/');
  assert.equal(m.publishedAt, '2024-06-19T08:00:00+01:00');
  assert.equal(m.metaSources.publishedAt, 'json-ld');
  assert.equal(m.title, 'Storm floods the harbour');
  assert.equal(m.byline, 'Lois Lane');
  assert.equal(m.outlet, 'Daily Planet');
  assert.equal(m.language, 'en');
});

test('broken JSON-LD is repaired (trailing commas, raw newlines, back-to-back objects)', () => {
  assert.equal(parseJsonLdText('{"@type":"NewsArticle","headline":"A\nB",}').length, 1);
  assert.equal(parseJsonLdText('{"@type":"A"}{"@type":"B"}').length, 2);
  const html = `<html><head><script type="application/ld+json">
    {"@type": "BlogPosting", "datePublished": "2023-03-05", "author": [{"@type":"Person","name":"Ann Poe"},{"@type":"Person","name":"Bo Diaz"}],}
  </script></head><body></body></html>`;
  const m = meta(html);
  assert.equal(m.publishedAt, '2023-03-05');
  assert.equal(m.byline, 'Ann Poe, Bo Diaz');
});

test('OpenGraph only: og:title with a site suffix, article:published_time, og:site_name, og:locale', () => {
  const html = `<html><head>
    <meta property="og:title" content="Council approves new budget | The Courier">
    <meta property="og:site_name" content="The Courier">
    <meta property="og:locale" content="fr_FR">
    <meta property="article:published_time" content="2022-11-02T14:00:00-05:00">
    <meta property="og:url" content="https://courier.example/news/budget">
  </head><body><div>no headline here</div></body></html>`;
  const m = meta(html);
  assert.equal(m.title, 'Council approves new budget');
  assert.equal(m.publishedAt, '2022-11-02T14:00:00-05:00');
  assert.equal(m.metaSources.publishedAt, 'opengraph');
  assert.equal(m.outlet, 'The Courier');
  assert.equal(m.language, 'fr');
  assert.equal(m.canonicalUrl, 'https://courier.example/news/budget');
  assert.equal(m.url, 'https://courier.example/news/budget');
});

test('outlet: a generic word, a URL, a tagline and a bare domain label are cleaned up', () => {
  const page = (site: string, extra = '') => `<html><head><meta property="og:site_name" content="${site}">${extra}</head><body><h1>Ferry fares rise</h1></body></html>`;
  const url = 'https://www.harbor.example/fares';
  assert.equal(meta(page('Blog', '<meta name="application-name" content="Harbor Daily">'), url).outlet, 'Harbor Daily', 'a generic word names no outlet');
  assert.equal(meta(page('Blog'), url).outlet, 'harbor.example', 'then the host');
  assert.equal(meta(page('https://www.harbor.example/'), url).outlet, 'harbor.example', 'a URL stands for its host');
  assert.equal(meta(page('Harbor Daily | Ferries | Ports | Weather'), url).outlet, 'Harbor Daily', 'sections after the name');
  assert.equal(meta(page('Harbor Daily | News from the northern coast since 1901'), url).outlet, 'Harbor Daily', 'a tagline after the name');
  assert.equal(meta(page('Harbor | Daily'), url).outlet, 'Harbor | Daily', 'a short second part may be the name');
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry fares rise","publisher":{"@type":"Organization","name":"The Harbor Daily"}}</script>';
  assert.equal(meta(page('harbor', ld), url).outlet, 'The Harbor Daily', "the domain's label gives way to the publisher's written name");
  assert.equal(meta(page('harbor'), url).outlet, 'harbor', 'and stays when there is none');
});

test('outlet: a site name that names nothing (a template "/") gives way to the next source', () => {
  const html = `<html><head><meta property="og:site_name" content="/">
    <script type="application/ld+json">{"@type":"WebSite","name":" - "}</script>
    <meta name="application-name" content="Harbor Daily"></head><body><h1>Ferry fares rise</h1></body></html>`;
  const m = meta(html, 'https://www.harbor.example/fares');
  assert.equal(m.outlet, 'Harbor Daily');
  assert.equal(m.metaSources.outlet, 'meta');
  const bare = meta('<html><head><meta property="og:site_name" content="/"></head><body></body></html>', 'https://www.harbor.example/fares');
  assert.equal(bare.outlet, 'harbor.example', 'the host when no source names the site');
});

test('<time> only: the header time wins, comment times do not', () => {
  const html = `<html><body><article><header><h1>Bridge reopens</h1>
    <time datetime="2021-04-07T09:30:00Z">April 7, 2021</time></header><p>Body.</p></article>
    <section id="comments"><div class="comment"><time datetime="2021-05-01T10:00:00Z">May 1</time></div></section>
    </body></html>`;
  const m = meta(html);
  assert.equal(m.publishedAt, '2021-04-07T09:30:00Z');
  assert.equal(m.metaSources.publishedAt, 'time-element');
});

test('a page whose comments and related stories carry later dates: they never win', () => {
  const html = `<html><body><main><h1>Quiet election night</h1><p>By Jane Doe</p>
    <p>Nothing happened for hours, officials said.</p></main>
    <aside class="related-stories"><time datetime="2024-07-01">July 1, 2024</time></aside>
    <div class="comments-area"><div class="comment-body">Great piece! Posted June 30, 2024</div>
    <time datetime="2024-06-30T22:00:00Z">June 30</time></div>
    <footer>© 2024 Example Media</footer></body></html>`;
  const m = meta(html, 'https://news.example/2024/06/12/quiet-election-night/');
  assert.equal(m.publishedAt, '2024-06-12');
  assert.equal(m.metaSources.publishedAt, 'url');
});

test('URL date only', () => {
  const m = meta('<html><body><h1>Hello</h1><p>Text</p></body></html>', 'https://blog.example/2019/03/08/hello/');
  assert.equal(m.publishedAt, '2019-03-08');
  assert.equal(m.metaSources.publishedAt, 'url');
  assert.equal(m.outlet, 'blog.example');
  assert.equal(m.metaSources.outlet, 'hostname');
});

test('outlet from the <title> when no other tag names the site: the host spelled out ("The Space Review" on thespacereview.com, "BBC News" on bbc.co.uk, "The Verge: …" before the headline), or with no URL a name beside the exact headline; a section or a kicker is no outlet', () => {
  const page = (title: string, h1: string) => `<html><head><title>${title}</title></head><body><h1>${h1}</h1><p>Text of the story.</p></body></html>`;
  const withUrl = (title: string, h1: string, url: string) => meta(page(title, h1), url);
  const m = withUrl('Seeking a bigger role for a big rocket | The Space Review', 'Seeking a bigger role for a big rocket', 'https://www.thespacereview.com/article/4720/1');
  assert.equal(m.outlet, 'The Space Review');
  assert.equal(m.metaSources.outlet, 'title-element');
  assert.equal(withUrl('Rates held steady - BBC News', 'Rates held steady', 'https://www.bbc.co.uk/news/business-1').outlet, 'BBC News');
  assert.equal(withUrl('The Verge: Phones get bigger', 'Phones get bigger', 'https://www.theverge.com/2024/1/2/phones').outlet, 'The Verge');
  // not the host's name: a section, a product, a kicker; the host stays
  assert.equal(withUrl('Rates held steady - Opinion', 'Rates held steady', 'https://paper.example/a').outlet, 'paper.example');
  assert.equal(withUrl('Monitor Arms | Humanscale M/Class Monitor Arms', 'Monitor Arms', 'https://www.humanscale.com/arms').outlet, 'humanscale.com');
  assert.equal(withUrl('Analysis: Rates held steady', 'Rates held steady', 'https://paper.example/b').outlet, 'paper.example');
  // no URL: only a name no everyday phrase makes, after a headline the page shows word for word
  assert.equal(meta(page('Go ahead, self-host Postgres | ByteSauna', 'Go ahead, self-host Postgres')).outlet, 'ByteSauna');
  assert.equal(meta(page('Benefits for staff | Human Resources', 'Benefits for staff')).outlet, null);
  const other = meta(page('Why we self-host our databases | ByteSauna', 'Go ahead, self-host Postgres'));
  assert.equal(other.title, 'Go ahead, self-host Postgres');
  assert.equal(other.outlet, null);
  assert.equal(meta(page('CedarDB: Stop nesting database systems', 'Stop nesting database systems')).outlet, null);
  // a stated site name still wins
  const og = '<html><head><title>Rates held steady - BBC News</title><meta property="og:site_name" content="BBC"></head><body><h1>Rates held steady</h1><p>Text.</p></body></html>';
  assert.equal(meta(og, 'https://www.bbc.co.uk/news/business-1').outlet, 'BBC');
});

test('visible date next to the headline; a shown "Updated" date loses to the published one', () => {
  const html = `<html><body><article><h1>Rates held steady</h1>
    <div class="byline">By Sam Lee | Published March 3, 2023 · Updated March 9, 2023</div><p>Text</p></article></body></html>`;
  const m = meta(html);
  assert.equal(m.publishedAt, '2023-03-03');
  assert.equal(m.byline, 'Sam Lee');
});

test('author box date as a last resort: "Luke Kim · December 17, 2025"', () => {
  const html = `<html><body><article><h1>Introducing the accelerator</h1><p>Body text here.</p>
    <div class="resource-author-details"><p>Luke Kim</p><small>December 17, 2025</small></div></article></body></html>`;
  const m = meta(html);
  assert.equal(m.byline, 'Luke Kim');
  assert.equal(m.publishedAt, '2025-12-17');
});

test('published preferred over modified in meta tags', () => {
  const html = `<html><head><meta property="article:modified_time" content="2024-02-02">
    <meta name="parsely-pub-date" content="2024-01-15T12:00:00Z"></head><body></body></html>`;
  assert.equal(meta(html).publishedAt, '2024-01-15T12:00:00Z');
  const onlyModified = '<html><head><meta property="article:modified_time" content="2024-02-02"></head><body></body></html>';
  assert.equal(meta(onlyModified).publishedAt, '2024-02-02');
  // the stand-in is named as such: a reader must not take it for the publication date
  assert.equal(meta(onlyModified).metaSources.publishedAt, 'last-modified');
  assert.equal(meta(html).metaSources.publishedAt, 'meta');
});

test('title: " | Site" and "Site - " removed, h1 preferred when structured titles agree', () => {
  assert.equal(stripSiteName('Markets rally on rate hopes | Finance Daily', ['Finance Daily']), 'Markets rally on rate hopes');
  assert.equal(stripSiteName('Finance Daily - Markets rally on rate hopes', ['Finance Daily']), 'Markets rally on rate hopes');
  assert.equal(stripSiteName('Markets rally - Business - FD', [], ['Markets rally']), 'Markets rally');
  assert.equal(stripSiteName('Spider-Man: a review', ['example.com']), 'Spider-Man: a review');
  assert.equal(dropTagline('Best Movers in NYC 2025 | Top 19 Companies'), 'Best Movers in NYC 2025');
  assert.equal(dropTagline('The most popular workout of 2024 — and 5 trends to expect'), 'The most popular workout of 2024 — and 5 trends to expect');
  assert.equal(dropTagline('Opinion | How meditation rewires brains'), 'How meditation rewires brains');
  const html = `<html><head><title>Markets rally on rate hopes – Business | Finance Daily</title>
    <meta property="og:site_name" content="Finance Daily"></head>
    <body><h1 class="logo">Finance Daily</h1><article><h1>Markets rally on rate hopes</h1></article></body></html>`;
  const m = meta(html, 'https://financedaily.example/markets');
  assert.equal(m.title, 'Markets rally on rate hopes');
  assert.equal(m.metaSources.title, 'heading');
});

test('author in several shapes: meta, rel=author, byline class, "By" line; site names and URLs refused', () => {
  assert.deepEqual(splitNames('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(splitNames('By Jane Doe, Staff Writer'), ['Jane Doe']);
  assert.deepEqual(splitNames('Written by Ann Poe, Bo Diaz & Cy Young | June 3, 2024'), ['Ann Poe', 'Bo Diaz', 'Cy Young']);
  assert.deepEqual(splitNames('Dylan Bailey, MS, RD'), ['Dylan Bailey, MS, RD']);
  const metaOnly = '<html><head><meta name="author" content="Maria Garcia"></head><body></body></html>';
  assert.equal(meta(metaOnly).byline, 'Maria Garcia');
  const urlAuthor = `<html><head><meta property="article:author" content="https://facebook.com/someone">
    <meta property="og:site_name" content="Metro News"><meta name="author" content="Metro News"></head>
    <body><article><h1>Title here</h1><a rel="author" href="/people/li-wei">Li Wei</a></article></body></html>`;
  assert.equal(meta(urlAuthor).byline, 'Li Wei');
  const bylineClass = `<html><body><article><h1>Headline words</h1><span class="author-name">by Tom Baker</span></article></body></html>`;
  assert.equal(meta(bylineClass).byline, 'Tom Baker');
  const byLine = `<html><body><article><h1>Headline words</h1><p>By Priya Nair</p><p>The body.</p></article></body></html>`;
  assert.equal(meta(byLine).byline, 'Priya Nair');
  const itemprop = `<html><body><article><h1>Headline</h1><span itemprop="author" itemscope><span itemprop="name">Kofi Mensah</span></span></article></body></html>`;
  assert.equal(meta(itemprop).byline, 'Kofi Mensah');
  const labelled = `<html><body><article><h1>Headline</h1><p>Text of the story.</p><div class="meta"><h3>Author</h3><p>Lisa D. Ellis</p></div></article></body></html>`;
  assert.equal(meta(labelled).byline, 'Lisa D. Ellis');
  const glued = `<html><body><article><h1>Headline words</h1><div class="author-name">Preetam Jinka Co-founder</div></article></body></html>`;
  assert.equal(meta(glued).byline, 'Preetam Jinka');
  const ldString = `<html><head><script type="application/ld+json">{"@type":"Article","author":"Ana Ruiz"}</script></head><body></body></html>`;
  assert.equal(meta(ldString).byline, 'Ana Ruiz');
});

test('a byline paragraph of the article names the writer when the markup does not (a feed item, a page with no headline found); every word after "By" must be a name', () => {
  const fragment = (first: string) => `<html><body><p>Rescue boats searched the harbour on Tuesday after the ferry lost power in heavy seas.</p>
    <p>${first}</p><p>The operator said all 212 passengers were brought ashore by nightfall and that an inquiry would begin.</p>
    <p>Coastguard crews towed the vessel to the outer pier, where engineers began to inspect the engine room.</p></body></html>`;
  const byline = (first: string) => extractHtml(fragment(first)).metadata;
  assert.equal(byline('By Md Aynal Haque').byline, 'Md Aynal Haque');
  assert.equal(byline('By Md Aynal Haque').metaSources.byline, 'text');
  assert.equal(byline('Written by Ann Poe and Bo Diaz').byline, 'Ann Poe, Bo Diaz');
  assert.equal(byline('By following the harbour master’s advice, crews avoided the rocks').byline, null);
  assert.equal(byline('By Jane Doe ⋅ Review Editor').byline, null);
});

test('a company blog that signs as the company: the declared organisation is the byline, but only when no person is named', () => {
  const metaSite = `<html><head><meta property="og:site_name" content="Harbour Credit Union"><meta name="author" content="Harbour Credit Union">
    </head><body><article><h1>Five ways to save for a house</h1><p>Start early.</p></article></body></html>`;
  assert.equal(meta(metaSite).byline, 'Harbour Credit Union');
  assert.equal(meta(metaSite).metaSources.byline, 'meta');
  const ldOrg = `<html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Roof repair costs",
    "author":{"@type":"Organization","name":"Kestrel Roofing"},"publisher":{"@type":"Organization","name":"Kestrel Roofing"}}</script>
    </head><body><article><h1>Roof repair costs</h1><p>It depends.</p></article></body></html>`;
  assert.equal(meta(ldOrg).byline, 'Kestrel Roofing');
  // a person named on the page wins over the organisation the metadata declares
  const person = ldOrg.replace('<p>It depends.</p>', '<p>By Wen Zhao</p><p>It depends.</p>');
  assert.equal(meta(person).byline, 'Wen Zhao');
  // a host name is where the page lives, not who wrote it
  const host = `<html><head><meta name="author" content="kestrel-roofing.net"></head><body><h1>Roof repair</h1></body></html>`;
  assert.equal(meta(host).byline, null);
});

test('a UTC stamp in markup confirms the local day shown on the page; a midnight stamp is only its day', () => {
  // 03:05 UTC on the 19th is the evening of the 18th in California: the page's own date wins
  const shown = `<html><head><meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head><body>
    <article><h1>Storm closes the coast road</h1><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time>
    <p>The road reopened the next afternoon (<time datetime="2025-12-19T16:35:00-08:00">Dec 19, 4:35 pm</time>).</p></article></body></html>`;
  assert.equal(meta(shown).publishedAt?.slice(0, 10), '2025-12-18');
  // a date serialised at midnight UTC is a bare day, not a moment: it does not vouch for the day before
  const midnight = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget vote","datePublished":"2025-12-19T00:00:00+00:00"}</script></head>
    <body><article><h1>Budget vote</h1><time datetime="2025-12-18">Dec 18</time><time datetime="2025-12-19">Dec 19</time></article></body></html>`;
  assert.equal(meta(midnight).publishedAt?.slice(0, 10), '2025-12-19');
});

test('an ambiguous numeric date takes the reading the URL or a written-out date agrees with; month names in URLs', () => {
  const page = `<html lang="en"><body><article><h1>How many wine styles are there?</h1><p class="blog-date">03/10/2023</p><p>Text.</p></article></body></html>`;
  // month-first by default for "en"
  assert.equal(meta(page).publishedAt?.slice(0, 10), '2023-03-10');
  // the URL names the month: 3 October
  assert.equal(meta(page, 'https://example.org/blog/2023/october/03/wine-styles/').publishedAt?.slice(0, 10), '2023-10-03');
  assert.equal(meta('<html><body><h1>Notes</h1></body></html>', 'https://example.org/2021/jul/05/notes').publishedAt?.slice(0, 10), '2021-07-05');
  // a date written out elsewhere on the page settles it too
  const written = page.replace('<p>Text.</p>', '<p>Text.</p><p class="date">Posted October 3, 2023</p>');
  assert.equal(meta(written).publishedAt?.slice(0, 10), '2023-10-03');
  // ... and so does a "recent posts" list that dates this very page (its link, the date beside it),
  // though a sidebar never gives the publication date itself; another post's date there says nothing
  const teaser = (href: string) => page.replace('</body>', `<aside class="sidebar"><h3>Recent posts</h3><div class="post-item"><h4><a href="${href}">How many wine styles are there?</a></h4><time datetime="2023-10-03">October 03, 2023</time></div></aside></body>`);
  assert.equal(meta(teaser('/blog/wine-styles/'), 'https://www.example.org/blog/wine-styles').publishedAt?.slice(0, 10), '2023-10-03');
  assert.equal(meta(teaser('/blog/other-post/'), 'https://www.example.org/blog/wine-styles').publishedAt?.slice(0, 10), '2023-03-10');
});

test('author card and personal site: the name inside an author box; a personal site signs with its owner', () => {
  const card = `<html><body><article><h1>How to plan a garden</h1><p>Text of the article.</p></article>
    <div class="blog_author-wrapper"><img alt="Portrait" src="a.jpg"><div class="blog_author-text"><div>Lauren Vetter</div>
    <p>Lauren Vetter is a marketing professional who writes about gardens and growth for small businesses.</p></div></div></body></html>`;
  assert.equal(meta(card, 'https://example.com/blog/garden').byline, 'Lauren Vetter');
  // a programme's card is shaped like a name but does not start with a given name
  const programme = card.replace(/Lauren Vetter/g, 'Community Enrichment');
  assert.equal(meta(programme, 'https://example.com/blog/garden').byline, null);

  const personal = (site: string) => `<html><head><title>Go ahead, self-host Postgres | ${site}</title>
    <meta property="og:site_name" content="${site}"></head><body><header><a href="/">${site}</a></header>
    <article><h1>Go ahead, self-host Postgres</h1><p>I have run my own database for years.</p></article>
    <footer>© 2025 ${site}. All rights reserved.</footer></body></html>`;
  assert.equal(meta(personal('Polly Barks'), 'https://pollybarks.com/blog/zero-waste').byline, 'Polly Barks');
  assert.equal(meta(personal('Owain Brennan'), 'https://owain.bearblog.dev/tinybox').byline, 'Owain Brennan');
  // the host must be spelled from the name, and a brand shaped like a name is not a person
  assert.equal(meta(personal('Polly Barks'), 'https://example.org/blog/zero-waste').byline, null);
  assert.equal(meta(personal('Proven Winners'), 'https://www.provenwinners.com/learn/low-light').byline, null);
  // anyone named on the page comes first
  const signed = personal('Polly Barks').replace('<p>I have', '<p class="byline">By Jane Roe</p><p>I have');
  assert.equal(meta(signed, 'https://pollybarks.com/blog/zero-waste').byline, 'Jane Roe');
});

test('scholarly pages: every citation_author, written surname first, becomes one name each', () => {
  const html = `<html><head><meta name="DC.Creator" content="Ana Lima"><meta name="citation_author" content="Lima, Ana">
    <meta name="citation_author" content="van der Berg, Pieter"><meta name="citation_author" content="Okafor, Chidi N."></head>
    <body><article><h1>Tidal mixing in shallow estuaries</h1><p>Abstract text.</p></article></body></html>`;
  assert.equal(meta(html).byline, 'Ana Lima, Pieter van der Berg, Chidi N. Okafor');
  // one tag, one name: a credential after the comma is not a first name
  const one = '<html><head><meta name="citation_author" content="Ana Lima, PhD"></head><body><h1>Tidal mixing</h1></body></html>';
  assert.equal(meta(one).byline, 'Ana Lima, PhD');
});

test('the byline under the headline beats a CMS author field naming someone else; reviewers are not authors', () => {
  const page = (byline: string) => `<html><head><meta name="author" content="Josh Poster"></head><body><article>
    <h1>How to read a bond ladder</h1>${byline}<p>Body text of the article, long enough to be an article paragraph.</p></article></body></html>`;
  assert.equal(meta(page('<p class="meta">By <a href="/charles-patterson/">Charles Patterson</a></p>')).byline, 'Charles Patterson');
  // the same person in both places: nothing to override
  assert.equal(meta(page('<p>By Josh Poster</p>')).byline, 'Josh Poster');
  // "Written by A, B Reviewed by <a>C</a>": the reviewer's link does not make C the author
  const reviewed = page('<div class="info"><div>Written by Ann Lee, Bo Kim</div><div>Reviewed by <a href="/editors/">Cy Poe</a></div></div>');
  assert.ok(!(meta(reviewed).byline ?? '').includes('Cy Poe'), "!(meta(reviewed).byline ?? '').includes('Cy Poe')");
});

test('an unclosed <aside> banner wrapping the page is no noise region; "Contributors:" labels a byline', () => {
  const broken = `<html><body><aside class="announcement-banner"><p>Spring sale!</p>
    <main><article class="blog-post"><h1>Why smart plugs fail</h1><div class="blog-meta"><span class="blog-meta-author">Tim Enwall</span></div>
    <p>Body text of the article, long enough to be an article paragraph for the extractor.</p></article></main></body></html>`;
  assert.equal(meta(broken).byline, 'Tim Enwall');
  const contributors = `<html><body><article><h1>Houseplants for dim rooms</h1><p>Body text.</p><div class="tags"><div><strong>Contributors:</strong> Janet Loughrey</div></div></article></body></html>`;
  assert.equal(meta(contributors).byline, 'Janet Loughrey');
});

test('an author bio box names the writer when markup signs with the site; a profile of someone else does not', () => {
  const page = (bio: string) => `<html><head><meta name="author" content="Buzzsprout"><meta property="og:site_name" content="Buzzsprout"></head>
    <body><article><h1>Podcast equipment guide</h1><p>Body text of the article, long enough to be an article paragraph.</p></article>${bio}</body></html>`;
  const bio = '<div class="callout"><img alt="Alban Brooke"><h3>Alban Brooke</h3><p>Alban Brooke is the Head of Marketing at Buzzsprout and has produced podcasts since 2015.</p></div>';
  assert.equal(meta(page(bio), 'https://www.buzzsprout.com/blog/podcast-equipment-guide').byline, 'Alban Brooke');
  // a heading and an introduction of a company, or of an artist the article is about: no byline from them
  const company = '<div><h3>Liberty Tax</h3><p>Liberty Tax is a tax preparation company with offices in every state.</p></div>';
  assert.equal(meta(page(company), 'https://www.buzzsprout.com/blog/x').byline, 'Buzzsprout');
  const portrait = '<hr><p><img src="tim.png" alt="Tim Green"></p><p><strong>Tim Green</strong> <em>UK-based systems theorist and independent researcher</em></p>';
  assert.equal(meta(page(portrait), 'https://www.buzzsprout.com/blog/x').byline, 'Tim Green');
  const artist = '<div><h3>Jack Butler</h3><p>Jack Butler is a conceptual artist who plays with scarcity.</p></div>';
  assert.equal(meta(page(artist), 'https://www.buzzsprout.com/blog/x').byline, 'Buzzsprout');
});

test('a noise-classed wrapper that holds the headline and the article is no noise region; a byline date is no name', () => {
  const paras = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to be an article paragraph for the extractor.</p>`).join('');
  const page = (cls: string) => `<html><body><main><div class="${cls}"><article><h1>How coffee came to Europe</h1>
    <div class="md-byline"><span class="byline-contributor">Nathan Myhrvold</span></div>${paras}</article></div></main></body></html>`;
  // an infinite-scroll story sits in a "pagination" container: its byline is the story's
  assert.equal(meta(page('infinite-pagination-container')).byline, 'Nathan Myhrvold');
  // a real pagination block holds no headline and no article: a name in it is not the byline
  const pager = `<html><body><main><article><h1>How coffee came to Europe</h1>${paras}</article>
    <div class="pagination"><div class="md-byline"><span class="byline-contributor">Anna Berg</span></div></div></main></body></html>`;
  assert.equal(meta(pager).byline, null);
  // "Sat, 20 Dec, 2025 - 06:36" in a byline element names no one
  const dated = `<html><body><article><div class="byline">Sat, 20 Dec, 2025 - 06:36</div><h1>Three evergreens</h1>${paras}</article></body></html>`;
  assert.equal(meta(dated).byline, null);
});

test('a name beside the publication date in the post header is the byline; everyday words beside it are not', () => {
  const paras = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1} of the post, long enough to be an article paragraph for the extractor.</p>`).join('');
  const page = (beside: string) => `<html><head><meta property="article:published_time" content="2025-12-17T09:00:00Z"></head><body><article>
    <div class="meta"><span>Dec 17, 2025</span><span>${beside}</span></div><h1>Hardware-attested builds</h1>${paras}</article></body></html>`;
  assert.equal(meta(page('Julian K. Arni')).byline, 'Julian K. Arni');
  assert.equal(meta(page('Latest Articles')).byline, null);
  assert.equal(meta(page('Price Database')).byline, null);
  // the same line in a list of related posts vouches for no one
  const related = page('Hardware').replace('</article>', '</article><div class="related-posts"><div><span>Dec 17, 2025</span><span>Anna Berg</span></div></div>');
  assert.equal(meta(related).byline, null);
});

test('language from meta content-language; canonical resolved against the page URL', () => {
  const html = `<html><head><meta http-equiv="content-language" content="de-DE"><link rel="canonical" href="/artikel/1"></head><body></body></html>`;
  const m = meta(html, 'https://zeitung.example/x?utm=1');
  assert.equal(m.language, 'de');
  assert.equal(m.canonicalUrl, 'https://zeitung.example/artikel/1');
  assert.equal(m.url, 'https://zeitung.example/x?utm=1');
  assert.equal(m.metaSources.url, 'hint');
});

test('hostile page: deep nesting, long unbroken runs, junk JSON-LD — finishes quickly', () => {
  const deep = '<div class="comment">'.repeat(10_000) + 'x' + '</div>'.repeat(10_000);
  const run = 'a'.repeat(1_000_000);
  const junkLd = '<script type="application/ld+json">' + '{"a":['.repeat(5_000) + '</script>';
  const dates = '<time datetime="2024-01-01">'.repeat(2_000);
  const html = `<html><head><title>${'| '.repeat(20_000)}</title>${junkLd}</head><body><h1>${run}</h1>${deep}${dates}<p>By ${'Ab '.repeat(50_000)}</p></body></html>`;
  const t0 = performance.now();
  const m = meta(html, 'https://example.com/x');
  assert.ok(performance.now() - t0 < 8000, `took ${performance.now() - t0} ms`);
  assert.equal(m.outlet, 'example.com');
});

const here = path.dirname(fileURLToPath(import.meta.url));
const wcxb = path.resolve(here, '..', '..', 'shared', 'bench', 'wcxb');

test('WCXB test split, first 100 articles: publication-date accuracy >= 0.8', { skip: !existsSync(wcxb) && 'needs ../shared (absent)' }, async () => {
  const { loadHtml, loadTruth, sameDay } = await import('../bench/meta.js');
  const articles = loadTruth('test')
    .filter((t) => t.type === 'article' && t.date)
    .slice(0, 100);
  let hits = 0;
  for (const t of articles) {
    const html = loadHtml('test', t.id);
    if (sameDay(t.date!, meta(html, t.url).publishedAt)) hits++;
  }
  const accuracy = hits / articles.length;
  assert.ok(accuracy >= 0.8, `date accuracy ${accuracy.toFixed(3)} on ${articles.length} test articles`);
});

test('two structured publication dates of one kind that disagree: the earlier is the first publication', () => {
  const html = `<html><head><meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2021-02-16">
    </head><body><article><h1>Emerging technologies</h1><p>Text of the post.</p></article></body></html>`;
  assert.equal(meta(html).publishedAt, '2021-02-16');
  // in the other order too
  assert.equal(meta(html.replace('published-time', 'x').replace('published-date', 'published-time').replace('"x"', '"published-date"')).publishedAt, '2021-02-16');
});

test('a given name alone in a link to the author page takes the full name its slug spells ("Articles by Juliette" → /authors/juliette-carreiro)', () => {
  const page = (link: string) => `<html><body><article><h1>DevOps in 2025</h1><p>Text of the post, long enough to be an article.</p>
    <div class="card">${link}</div></article></body></html>`;
  assert.equal(meta(page('<a href="/us/blog/authors/juliette-carreiro">Articles by Juliette</a>')).byline, 'Juliette Carreiro');
  // a slug that does not open with the name, or is no name, leaves the link text as it is
  assert.equal(meta(page('<a href="/us/blog/authors/jc-2024">Articles by Juliette</a>')).byline, 'Juliette');
});
