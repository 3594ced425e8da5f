import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import iconv from 'iconv-lite';
import { newIngestStats } from '../src/ingest/index.js';
import { feedDate, readFeed } from '../src/ingest/feed.js';
import { streamSource } from '../src/ingest/source.js';
import type { IngestItem } from '../src/model.js';
import { collect, tempDir, text, within } from './fixtures/ingest/helpers.js';

const tmp = tempDir('ingest-feed');
after(tmp.cleanup);
const at = (name: string): string => join(tmp.dir, name);

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>The Daily Example</title>
    <link>https://daily.example/</link>
    <language>en-gb</language>
    <image><title>Logo title, not the feed title</title><url>https://daily.example/logo.png</url></image>
    <item>
      <title>Council approves bridge repairs</title>
      <link>https://daily.example/2024/05/bridge</link>
      <guid isPermaLink="false">daily-1001</guid>
      <pubDate>Tue, 07 May 2024 09:30:00 +0100</pubDate>
      <dc:creator>Jane Roe</dc:creator>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>The council <b>approved</b> the repairs on Tuesday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Teaser only</title>
      <link>https://daily.example/2024/05/teaser</link>
      <author>desk@daily.example (News Desk)</author>
      <description>&lt;p&gt;Escaped &amp;amp; teased.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Headline without any body</title>
      <link>https://daily.example/2024/05/headline</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title type="text">Le Quotidien</title>
  <link href="https://quotidien.example/"/>
  <entry>
    <title>Le pont rouvre</title>
    <link rel="alternate" type="text/html" href="https://quotidien.example/pont"/>
    <link rel="edit" href="https://quotidien.example/edit/1"/>
    <id>tag:quotidien.example,2024:1</id>
    <published>2024-05-07T10:00:00+02:00</published>
    <updated>2024-05-08T10:00:00+02:00</updated>
    <author><name>Marie Curie</name></author>
    <author><name>Paul Langevin</name></author>
    <summary>Résumé court.</summary>
    <content type="html">&lt;p&gt;Le pont a rouvert &lt;em&gt;mardi&lt;/em&gt;.&lt;/p&gt;</content>
  </entry>
  <entry xml:lang="en">
    <title>XHTML body</title>
    <link href="https://quotidien.example/xhtml"/>
    <id>tag:quotidien.example,2024:2</id>
    <updated>2024-05-09T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <strong>XHTML</strong> body.</p></div></content>
  </entry>
  <entry>
    <title>Summary only</title>
    <id>tag:quotidien.example,2024:3</id>
    <summary>Texte brut seulement.</summary>
  </entry>
</feed>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/">
    <title>Old Style Wire</title>
    <link>https://old.example/</link>
    <dc:language>de</dc:language>
  </channel>
  <item rdf:about="https://old.example/story-1">
    <title>Erste Meldung</title>
    <link>https://old.example/story-1</link>
    <description>Die erste Meldung des Tages.</description>
    <dc:date>2024-05-07T06:00:00Z</dc:date>
    <dc:creator>Max Mustermann</dc:creator>
  </item>
</rdf:RDF>`;

test('RSS 2.0: one html record per item with content:encoded preferred, hints from item and channel', async () => {
  writeFileSync(at('daily.rss'), RSS);
  const stats = newIngestStats();
  const { records, errors } = await collect([at('daily.rss')], { stats });
  assert.deepEqual(errors, []);
  assert.equal(records.length, 2);
  const [full, teaser] = records;
  assert.equal(full.type, 'html');
  assert.equal(text(full), '<p>The council <b>approved</b> the repairs on Tuesday.</p>');
  assert.deepEqual(full.hints, {
    title: 'Council approves bridge repairs',
    publishedAt: '2024-05-07T09:30:00+01:00',
    outlet: 'The Daily Example',
    byline: 'Jane Roe',
    url: 'https://daily.example/2024/05/bridge',
    charset: 'utf-8',
    language: 'en-gb',
  });
  assert.deepEqual(full.origin, {
    path: at('daily.rss'),
    reader: 'feed',
    url: 'https://daily.example/2024/05/bridge',
    feedItemId: 'daily-1001',
  });
  assert.equal(text(teaser), '<p>Escaped &amp; teased.</p>');
  assert.equal(teaser.hints.byline, 'News Desk');
  assert.equal(teaser.origin.feedItemId, 'https://daily.example/2024/05/teaser');
  assert.equal(stats.skipped['feed-item-no-content'], 1);
});

test('Atom: content by type (html, xhtml), summary fallback as text, authors, alternate link, xml:lang', async () => {
  writeFileSync(at('quotidien.atom'), ATOM);
  const { records, errors } = await collect([at('quotidien.atom')]);
  assert.deepEqual(errors, []);
  assert.equal(records.length, 3);
  const [html, xhtml, summary] = records;
  assert.equal(text(html), '<p>Le pont a rouvert <em>mardi</em>.</p>');
  assert.equal(html.type, 'html');
  assert.equal(html.hints.title, 'Le pont rouvre');
  assert.equal(html.hints.url, 'https://quotidien.example/pont');
  assert.equal(html.hints.publishedAt, '2024-05-07T10:00:00+02:00', 'published wins over updated');
  assert.equal(html.hints.byline, 'Marie Curie, Paul Langevin');
  assert.equal(html.hints.outlet, 'Le Quotidien');
  assert.equal(html.hints.language, 'fr');
  assert.equal(html.origin.feedItemId, 'tag:quotidien.example,2024:1');
  assert.match(text(xhtml), /<p>Inline <strong>XHTML<\/strong> body\.<\/p>/);
  assert.equal(xhtml.hints.language, 'en');
  assert.equal(summary.type, 'text');
  assert.equal(text(summary), 'Texte brut seulement.');
});

test('RSS 1.0 (RDF): items beside the channel, dc: fields', async () => {
  writeFileSync(at('wire.xml'), RSS1);
  const { records, errors } = await collect([at('wire.xml')]);
  assert.deepEqual(errors, []);
  assert.equal(records.length, 1);
  assert.deepEqual(records[0].hints, {
    title: 'Erste Meldung',
    publishedAt: '2024-05-07T06:00:00Z',
    outlet: 'Old Style Wire',
    byline: 'Max Mustermann',
    url: 'https://old.example/story-1',
    charset: 'utf-8',
    language: 'de',
  });
});

test('a feed in ISO-8859-1 is decoded by its XML declaration', async () => {
  const xml = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Short teaser.', 'Café – “quotes”');
  writeFileSync(at('latin.rss'), iconv.encode(xml.replace('<content:encoded><![CDATA[<p>The council <b>approved</b> the repairs on Tuesday.</p>]]></content:encoded>', ''), 'windows-1252'));
  const { records } = await collect([at('latin.rss')]);
  assert.equal(text(records[0]), 'Café – “quotes”');
});

test('a .xml file that is not a feed is "unsupported" by name; the feed reader itself says "not-a-feed"', async () => {
  writeFileSync(at('sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  const { errors } = await collect([at('sitemap.xml')]);
  assert.equal(errors[0].code, 'unsupported');
  writeFileSync(at('fake.rss'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  const direct = await collect([at('fake.rss')]);
  assert.equal(direct.errors[0].code, 'not-a-feed');
});

test('a feed cut in the middle yields the items that closed, then one "truncated"', async () => {
  const cut = RSS.slice(0, RSS.indexOf('<title>Teaser only</title>') + 10);
  writeFileSync(at('cut.rss'), cut);
  const { items, records, errors } = await within(3000, 'cut feed', () => collect([at('cut.rss')]));
  assert.equal(records.length, 1);
  assert.equal(records[0].hints.title, 'Council approves bridge repairs');
  assert.deepEqual(
    errors.map((e) => e.code),
    ['truncated'],
  );
  assert.equal(items[items.length - 1].kind, 'error');
});

test('a long feed is parsed as a stream: items come out before the file ends', async () => {
  const item = (i: number) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link><description>Body ${i}</description></item>`;
  let released = false;
  let yieldedBeforeEnd = 0;
  async function* slowFeed(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Stream</title>');
    for (let i = 0; i < 200; i++) yield Buffer.from(item(i));
    released = true;
    yield Buffer.from('</channel></rss>');
  }
  const items: IngestItem[] = [];
  for await (const it of readFeed(streamSource('-', slowFeed()), { maxBytes: 1 << 20, stats: newIngestStats() })) {
    items.push(it);
    if (!released) yieldedBeforeEnd++;
  }
  assert.equal(items.length, 200);
  assert.ok(yieldedBeforeEnd >= 150, `only ${yieldedBeforeEnd} items before the end of the stream`);
});

test('feed dates become ISO 8601 and keep the publisher\'s offset', () => {
  assert.equal(feedDate('Tue, 07 May 2024 23:30:00 -0500'), '2024-05-07T23:30:00-05:00');
  assert.equal(feedDate('Tue, 07 May 2024 23:30:00 EST'), '2024-05-07T23:30:00-05:00');
  assert.equal(feedDate('Tue, 07 May 2024 23:30:00 GMT'), '2024-05-07T23:30:00+00:00');
  assert.equal(feedDate('7 May 2024 10:00 +0530'), '2024-05-07T10:00:00+05:30');
  assert.equal(feedDate('2024-05-07T10:00:00+02:00'), '2024-05-07T10:00:00+02:00');
  assert.equal(feedDate('sometime last week'), 'sometime last week');
  assert.equal(feedDate('  '), undefined);
});

test('hostile nesting: items before it are kept, then one "bad-feed", quickly', async () => {
  const depth = 200_000;
  const deep = '<b>'.repeat(depth) + 'x' + '</b>'.repeat(depth);
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>fine</title><description>ok</description></item><item><title>deep</title><description>${deep}</description></item></channel></rss>`;
  writeFileSync(at('deep.rss'), xml);
  const t0 = performance.now();
  const { items } = await within(5000, 'deep feed', () => collect([at('deep.rss')]));
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? i.record.hints.title : i.error.code)),
    ['fine', 'bad-feed'],
  );
  assert.ok(performance.now() - t0 < 2000, 'performance.now() - t0 < 2000');
});

test('moderately deep XHTML inside an item (500 levels) is still read', async () => {
  const nested = '<div>'.repeat(500) + 'deep text' + '</div>'.repeat(500);
  const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title><content type="xhtml">${nested}</content></entry></feed>`;
  writeFileSync(at('nested.atom'), xml);
  const { records, errors } = await collect([at('nested.atom')]);
  assert.deepEqual(errors, []);
  assert.ok(text(records[0]).includes('deep text'), "text(records[0]).includes('deep text')");
});
