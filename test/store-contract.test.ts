/**
 * The Store contract, run against every implementation: SqliteStore (a temporary file) and
 * PostgresStore (a throwaway cluster started once for this file; skipped, visibly, when PostgreSQL
 * is not installed — see scripts/setup-postgres.sh). Fixtures come from the real pipeline pieces
 * (extract, relateKeys, annotate) over small made-up documents, so stored shapes are the real ones.
 */
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { extract } from '../src/extract/index.js';
import { EXTRACT_VERSION } from '../src/extract/version.js';
import { recordId } from '../src/ingest/record-id.js';
import type { DuplicateRelation, PayloadType, RawOrigin, RawRecord, RecordError } from '../src/model.js';
import { annotate } from '../src/nlp/index.js';
import type { Annotations } from '../src/nlp/types.js';
import { relateKeys } from '../src/similarity/relate-keys.js';
import { isPostgresUrl, openStoreAt } from '../src/store/open.js';
import { PG_MIGRATIONS } from '../src/store/postgres/migrations.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleWrite, SearchQuery, Store } from '../src/store/store.js';
import { SearchQueryError } from '../src/store/search-query.js';
import type { DerivationRecord, StoryRecord } from '../src/stories/store-port.js';
import { annotateCorpus, ingest } from '../src/pipeline.js';
import { relateCorpus } from '../src/stories/relate-corpus.js';
import { repoRoot, tempDir } from './helpers.js';
import { createDatabase, startTempCluster, type TempCluster } from './helpers/pg-cluster.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: made-up news documents, run through extract → relateKeys → annotate.

const COURIER_HTML = `<!doctype html><html lang="en"><head>
<title>Council approves new bridge budget | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:title" content="Council approves new bridge budget">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<meta name="author" content="Dana Whitfield">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>Council approves new bridge budget</h1>
<p>The city council on Tuesday approved a budget of 40 million dollars to replace the ageing river bridge, ending a debate that lasted more than two years.</p>
<p>"This bridge carries thirty thousand people a day and it cannot wait any longer," Mayor Elena Ruiz said after the vote.</p>
<p>Opposition councillor Mark Bellamy criticised the plan, saying the cost estimate was too optimistic and that residents had not been consulted.</p>
<p>Construction is expected to begin next spring and to take three years, according to the city engineering department.</p>
<p>The regional government has promised to cover a quarter of the cost, Ruiz told reporters.</p>
</article>
<div class="share">Share this article on Facebook Twitter Email</div>
<section id="comments"><h3>Comments</h3><p>First! Great news for the city.</p></section>
</body></html>`;

const COURIER_REWRITE = `Council approves new bridge budget

The city council on Tuesday approved a budget of 40 million dollars to replace the ageing river bridge, ending a debate that lasted more than two years.

"This bridge carries thirty thousand people a day and it cannot wait any longer," Mayor Elena Ruiz said after the vote.

Opposition councillor Mark Bellamy criticised the plan, saying the cost estimate was too optimistic and that residents had not been consulted.

Construction is expected to begin next spring and to take three years, according to the city engineering department.

The regional government has promised to cover half of the cost, Ruiz told reporters on Tuesday.
`;

const HARBOUR_TEXT = `Port workers end strike after wage deal

Dock workers at the northern port returned to work on Friday after their union accepted a wage increase of six percent.

"We have won what we asked for," union leader Samuel Okafor said in a statement.

The port authority said shipping would return to normal within a week.
`;

const SPANISH_TEXT = `El gobierno anuncia un plan contra la sequía

El ministro de Agricultura anunció el lunes un plan de ayudas para los agricultores afectados por la sequía en el sur del país.

Las organizaciones agrarias consideran que las medidas llegan tarde y piden más fondos para el regadío.
`;

function record(type: PayloadType, content: string, path: string, extra: Partial<RawOrigin> = {}): RawRecord {
  const bytes = new TextEncoder().encode(content);
  return { id: recordId(type, bytes), type, bytes, origin: { path, reader: type, ...extra }, hints: {} };
}

function articleWrite(raw: RawRecord): ArticleWrite {
  const article = extract(raw);
  return { raw, article, ...relateKeys(article.text), extractVersion: EXTRACT_VERSION };
}

/** The corpus the scenarios store, built once (extraction and annotation are the slow part). */
const corpus = (() => {
  const writes = [
    articleWrite(record('html', COURIER_HTML, '/crawl/courier/bridge.html', { url: 'https://courier.example/news/bridge' })),
    articleWrite(record('text', COURIER_REWRITE, '/feeds/aggregator/bridge-copy.txt')),
    articleWrite(record('text', HARBOUR_TEXT, '/wire/harbour.txt')),
    articleWrite(record('text', SPANISH_TEXT, '/wire/es/sequia.txt')),
  ];
  const annotations = new Map<string, Annotations>(
    writes.map((w) => [w.article.id, annotate(w.article.text, { publishedAt: w.article.publishedAt })]),
  );
  return { writes, annotations };
})();
const [courier, rewrite, harbour, spanish] = corpus.writes;

/** What reading an article back must give: the article as JSON keeps it, plus where and how it was stored. */
function expectedStored(w: ArticleWrite, origins: RawOrigin[] = [w.raw.origin]) {
  return { ...JSON.parse(JSON.stringify(w.article)), origins, rawType: w.raw.type };
}

/**
 * Drop the fields that record wall-clock time (ingestedAt; an error's `at`), which legitimately differ
 * between two runs. A removal's `at` is an offset (a number) and stays.
 */
function withoutTimes<T>(value: T): T {
  const isClockTime = (k: string, v: unknown) => (k === 'ingestedAt' || k === 'at') && typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v);
  return JSON.parse(JSON.stringify(value, (k, v) => (isClockTime(k, v) ? undefined : v)));
}

async function putAll(store: Store, writes: ArticleWrite[] = corpus.writes): Promise<void> {
  for (const w of writes) await store.putArticle(w);
}

/** A mini ingest over the store's own duplicate queries, as the pipeline does it. */
async function relateAll(store: Store): Promise<void> {
  for (const w of corpus.writes) {
    await store.transaction(async () => {
      const exact = (await store.articlesWithTextHash(w.textHash)).filter((id) => id !== w.article.id);
      const near = (await store.nearCandidates(w.bandKeys)).filter((c) => c.id !== w.article.id && !exact.includes(c.id));
      await store.putArticle(w);
      const relations: DuplicateRelation[] = [
        ...exact.map((a) => ({ a, b: w.article.id, kind: 'exact' as const, similarity: 1 })),
        ...near.map((c) => ({ a: c.id, b: w.article.id, kind: 'near' as const, similarity: 0.9 })),
      ];
      await store.putDuplicates(relations);
    });
  }
}

const decode = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);

function storyFixture(): { stories: StoryRecord[]; derivations: DerivationRecord[] } {
  const stories: StoryRecord[] = [
    {
      id: 's1',
      label: 'Council approves new bridge budget',
      start: '2024-05-14T09:30:00Z',
      end: '2024-05-14T09:30:00Z',
      articles: [
        { id: courier.article.id, origin: courier.raw.origin.url ?? null, outlet: 'The Valley Courier', title: 'Council approves new bridge budget', publishedAt: '2024-05-14T09:30:00Z' },
        { id: rewrite.article.id, origin: rewrite.raw.origin.path, outlet: null, title: null, publishedAt: null, copyOf: courier.article.id },
      ],
    },
  ];
  return { stories, derivations: [] };
}

// ---------------------------------------------------------------------------------------------
// Backends.

interface Backend {
  name: string;
  /** A fresh, empty store. */
  open(): Promise<Store>;
  /** Why this backend cannot run here, or false. */
  unavailable(): string | false;
}

const sqliteDir = tempDir('parallax-contract-');
let databases = 0;
const sqlite: Backend = {
  name: 'SqliteStore',
  open: async () => new SqliteStore(join(sqliteDir.path, `store-${++databases}.db`)),
  unavailable: () => false,
};

let cluster: TempCluster | { skip: string } = { skip: 'PostgreSQL cluster not started yet' };
let admin: pg.Client | null = null;

/** A new empty database on the test cluster. */
function freshDatabase(): Promise<string> {
  return createDatabase((cluster as TempCluster).url, `contract_${++databases}`);
}

const postgres: Backend = {
  name: 'PostgresStore',
  open: async () => PostgresStore.open(await freshDatabase()),
  unavailable: () => ('skip' in cluster ? `PostgreSQL unavailable: ${cluster.skip}` : false),
};

before(async () => {
  cluster = await startTempCluster();
  if ('url' in cluster) {
    admin = new pg.Client(cluster.url);
    await admin.connect();
  } else {
    console.log(`# PostgresStore contract tests skip: ${cluster.skip}`);
  }
});

after(async () => {
  await admin?.end();
  if ('stop' in cluster) await cluster.stop();
  sqliteDir.cleanup();
});

// ---------------------------------------------------------------------------------------------
// Scenarios every Store must pass.

type Scenario = (store: Store, backend: Backend) => Promise<void>;

const scenarios: Array<{ name: string; run: Scenario; todo?: (backend: Backend) => string | undefined }> = [
  {
    name: 'putArticle then getArticle round-trips every Article field, the origins and the raw bytes',
    async run(store) {
      assert.equal(await store.hasRaw(courier.raw.id), false);
      await store.putArticle(courier);
      assert.equal(await store.hasRaw(courier.raw.id), true);
      assert.equal(await store.hasRaw(rewrite.raw.id), false);
      const got = (await store.getArticle(courier.article.id))!;
      assert.match(got.ingestedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
      assert.deepEqual(withoutTimes(got), expectedStored(courier));
      assert.ok(got.removals.length > 0 && got.title && got.outlet, 'the fixture exercises removals and metadata');
      assert.equal(decode(await store.getRaw(courier.raw.id)), COURIER_HTML);
      assert.equal(await store.getRaw('0'.repeat(32)), null);
      assert.equal(await store.getArticle('f'.repeat(32)), null);
      const [candidate] = await store.nearCandidates(courier.bandKeys);
      assert.equal(candidate.id, courier.article.id);
      assert.deepEqual(Buffer.from(candidate.signature.buffer), Buffer.from(courier.signature.buffer), 'signature bytes equal');
    },
  },
  {
    name: 're-putting a stored article is a no-op (first copy kept, new origin recorded, no extra keys)',
    async run(store) {
      await store.putArticle(harbour);
      const second: ArticleWrite = {
        ...harbour,
        raw: { ...harbour.raw, origin: { path: '/mirror/harbour.txt', reader: 'text' } },
        article: { ...harbour.article, title: 'A different title' },
      };
      await store.putArticle(second);
      assert.deepEqual(await store.articleIds(), [harbour.article.id]);
      const got = (await store.getArticle(harbour.article.id))!;
      assert.equal(got.title, harbour.article.title);
      assert.deepEqual(got.origins.map((o) => o.path), ['/wire/harbour.txt', '/mirror/harbour.txt']);
      assert.equal((await store.nearCandidates(harbour.bandKeys)).length, 1);
    },
  },
  {
    name: 'addOrigin records a new origin once and keeps them in the order seen; hasOriginUrl finds one by URL',
    async run(store) {
      await store.putArticle(harbour);
      const copy: RawOrigin = { path: '/crawl/2024.warc.gz', reader: 'warc', url: 'https://port.example/strike', warcRecordId: '<urn:uuid:1>', offset: 1234 };
      assert.equal(await store.hasOriginUrl('https://port.example/strike'), false, 'no origin has the URL yet');
      assert.equal(await store.addOrigin(harbour.raw.id, copy), true);
      assert.equal(await store.hasOriginUrl('https://port.example/strike'), true, 'an origin URL is found');
      assert.equal(await store.hasOriginUrl('https://port.example/STRIKE'), false, 'URLs compare exactly');
      assert.equal(await store.addOrigin(harbour.raw.id, copy), false, 'same origin twice is recorded once');
      assert.equal(await store.addOrigin(harbour.raw.id, { ...copy, warcRecordId: '<urn:uuid:2>' }), true, 'another record in the same file is new');
      const got = (await store.getArticle(harbour.article.id))!;
      assert.deepEqual(got.origins, [harbour.raw.origin, copy, { ...copy, warcRecordId: '<urn:uuid:2>' }]);
      assert.equal((await store.stats()).origins, 3);
      assert.equal((await store.listArticles())[0].origin, '/wire/harbour.txt', 'a summary names the first origin');
      // a feed item kept in place of a page whose fetch failed for now does not hold the link
      const standIn: RawOrigin = { path: 'https://port.example/feed.xml', reader: 'feed', url: 'https://port.example/later', feedItemId: 'g1', linkFailed: 'timeout' };
      assert.equal(await store.addOrigin(harbour.raw.id, standIn), true);
      assert.equal(await store.hasOriginUrl('https://port.example/later'), false, 'an origin whose link failed does not hold it');
      assert.deepEqual((await store.getArticle(harbour.article.id))!.origins.at(-1), standIn, 'and says why');
      // the same item again after another try at its link: refused for good now, so it holds the link
      const refused: RawOrigin = { path: standIn.path, reader: 'feed', url: standIn.url, feedItemId: 'g1', linkRefused: 'http-error' };
      assert.equal(await store.addOrigin(harbour.raw.id, refused), false, 'the same origin is not a new one');
      assert.equal(await store.hasOriginUrl('https://port.example/later'), true, 'an item kept because its page was refused holds the link');
      assert.deepEqual((await store.getArticle(harbour.article.id))!.origins.at(-1), refused, 'the newer outcome replaces the older');
      // read again without following links: what the earlier try found stands
      assert.equal(await store.addOrigin(harbour.raw.id, { path: standIn.path, reader: 'feed', url: standIn.url, feedItemId: 'g1' }), false);
      assert.deepEqual((await store.getArticle(harbour.article.id))!.origins.at(-1), refused, 'an unmarked read keeps the mark');
      // a feed item read without following links does not hold its link
      await store.addOrigin(harbour.raw.id, { path: standIn.path, reader: 'feed', url: 'https://port.example/teaser', feedItemId: 'g2' });
      assert.equal(await store.hasOriginUrl('https://port.example/teaser'), false, 'a plain feed item does not hold its link');
      assert.equal((await store.stats()).origins, 5);
    },
  },
  {
    name: 'getArticle accepts a unique id prefix of 4+ hex digits, and only that',
    async run(store) {
      const a = { ...harbour, raw: { ...harbour.raw, id: 'abcd0001' + 'e'.repeat(24) }, article: { ...harbour.article, id: 'abcd0001' + 'e'.repeat(24) } };
      const b = { ...spanish, raw: { ...spanish.raw, id: 'abcd0002' + 'e'.repeat(24) }, article: { ...spanish.article, id: 'abcd0002' + 'e'.repeat(24) } };
      await putAll(store, [a, b]);
      assert.equal((await store.getArticle('abcd0001'))?.id, a.article.id);
      assert.equal((await store.getArticle('abcd0002'))?.title, spanish.article.title);
      assert.equal(await store.getArticle('abcd'), null, 'an ambiguous prefix finds nothing');
      assert.equal(await store.getArticle('abc'), null, 'too short');
      assert.equal(await store.getArticle('ABCD0001'), null, 'ids are lower-case hex');
      assert.equal(await store.getArticle('abcd%'), null, 'no wildcards');
      assert.equal(await store.getArticle('abcd0003'), null);
    },
  },
  {
    name: 'articlesWithTextHash and nearCandidates find stored articles in ingest order',
    async run(store) {
      await putAll(store);
      assert.deepEqual(await store.articlesWithTextHash(harbour.textHash), [harbour.article.id]);
      assert.deepEqual(await store.articlesWithTextHash('no-such-hash'), []);
      const near = await store.nearCandidates(rewrite.bandKeys);
      assert.deepEqual(near.map((c) => c.id), [courier.article.id, rewrite.article.id], 'the rewrite shares bands with the original');
      assert.deepEqual([...near[1].signature], [...rewrite.signature]);
      assert.deepEqual(await store.nearCandidates([]), []);
      assert.deepEqual(await store.nearCandidates([4294967295, 0]), [], 'keys span the unsigned 32-bit range');
    },
  },
  {
    name: 'duplicates are stored once and listed by kind in ingest order',
    async run(store) {
      await relateAll(store);
      const all = await store.duplicates();
      assert.deepEqual(all, [{ a: courier.article.id, b: rewrite.article.id, kind: 'near', similarity: 0.9 }]);
      await store.putDuplicates([
        { a: courier.article.id, b: rewrite.article.id, kind: 'near', similarity: 0.5 },
        { a: harbour.article.id, b: spanish.article.id, kind: 'exact', similarity: 1 },
      ]);
      assert.equal((await store.duplicates()).length, 2, 'a known pair is not stored twice');
      assert.deepEqual(await store.duplicates({ kind: 'exact' }), [{ a: harbour.article.id, b: spanish.article.id, kind: 'exact', similarity: 1 }]);
      assert.deepEqual((await store.duplicates({ kind: 'near' })).map((d) => d.similarity), [0.9], 'the first relation is kept');
      assert.deepEqual((await store.stats()).duplicates, { exact: 1, near: 1 });
    },
  },
  {
    name: 'duplicates of one article, and pages of them, in ingest order',
    async run(store) {
      await putAll(store);
      await store.putDuplicates([
        { a: courier.article.id, b: rewrite.article.id, kind: 'near', similarity: 0.9 },
        { a: harbour.article.id, b: spanish.article.id, kind: 'exact', similarity: 1 },
        { a: harbour.article.id, b: rewrite.article.id, kind: 'near', similarity: 0.85 },
      ]);
      const all = await store.duplicates();
      assert.equal(all.length, 3);
      // either side of the pair counts
      assert.deepEqual((await store.duplicates({ article: rewrite.article.id })).map((d) => [d.a, d.b]), all.filter((d) => d.a === rewrite.article.id || d.b === rewrite.article.id).map((d) => [d.a, d.b]));
      assert.deepEqual((await store.duplicates({ article: spanish.article.id })).map((d) => d.a), [harbour.article.id]);
      assert.deepEqual(await store.duplicates({ article: rewrite.article.id, kind: 'exact' }), []);
      assert.deepEqual(await store.duplicates({ article: "x' OR '1'='1" }), [], 'the id is a bound value');
      // pages: limit, offset, offset without limit
      assert.deepEqual(await store.duplicates({ limit: 2 }), all.slice(0, 2));
      assert.deepEqual(await store.duplicates({ limit: 2, offset: 2 }), all.slice(2));
      assert.deepEqual(await store.duplicates({ offset: 1 }), all.slice(1));
    },
  },
  {
    name: 'the same failure twice is one error row; another failure is another',
    async run(store) {
      const err: RecordError = { origin: { path: '/x/bad.bin', reader: 'html' }, stage: 'extract', code: 'binary', message: 'binary file' };
      await store.putError(err);
      await store.putError({ ...err, message: 'binary file (again)' });
      await store.putError({ ...err, origin: { path: '/x/feed.xml', reader: 'feed', feedItemId: 'item-7' }, stage: 'ingest', code: 'empty', message: 'empty item' });
      const errors = await store.errors();
      assert.deepEqual(withoutTimes(errors).map(({ id: _id, ...e }) => e), [
        { ...err, message: 'binary file (again)' },
        { origin: { path: '/x/feed.xml', reader: 'feed', feedItemId: 'item-7' }, stage: 'ingest', code: 'empty', message: 'empty item' },
      ]);
      assert.ok(errors[0].id < errors[1].id && typeof errors[0].id === 'number', "errors[0].id < errors[1].id && typeof errors[0].id === 'number'");
      assert.equal((await store.errors(1)).length, 1);
      assert.deepEqual((await store.stats()).errors, [{ code: 'binary', count: 1 }, { code: 'empty', count: 1 }]);
    },
  },
  {
    name: 'stats count documents, origins, outlets, languages, removals and sizes',
    async run(store) {
      await putAll(store);
      const stats = await store.stats();
      assert.equal(stats.documents, 4);
      assert.equal(stats.origins, 4);
      assert.equal(stats.rawBytes, corpus.writes.reduce((n, w) => n + w.raw.bytes.byteLength, 0));
      assert.equal(stats.cleanChars, corpus.writes.reduce((n, w) => n + [...w.article.text].length, 0), 'characters, not UTF-16 units or bytes');
      assert.equal(stats.outlets.reduce((n, o) => n + o.documents, 0), 4);
      assert.deepEqual(stats.outlets[0], { outlet: '(unknown)', documents: 3 });
      assert.ok(stats.languages.some((l) => l.language === 'es'), "stats.languages.some((l) => l.language === 'es')");
      const removals = new Map<string, { count: number; chars: number }>();
      for (const r of corpus.writes.flatMap((w) => w.article.removals)) {
        const sum = removals.get(r.reason) ?? { count: 0, chars: 0 };
        removals.set(r.reason, { count: sum.count + 1, chars: sum.chars + [...r.text].length });
      }
      const byReason = (a: { reason: string }, b: { reason: string }) => (a.reason < b.reason ? -1 : 1);
      assert.deepEqual([...stats.removals].sort(byReason), [...removals].map(([reason, v]) => ({ reason, ...v })).sort(byReason));
      assert.ok(stats.removals.length > 0, 'stats.removals.length > 0');
      assert.deepEqual(stats.duplicates, { exact: 0, near: 0 });
    },
  },
  {
    name: 'listArticles pages in ingest order and filters by outlet',
    async run(store) {
      await putAll(store);
      const all = await store.listArticles();
      assert.deepEqual(all.map((a) => a.id), corpus.writes.map((w) => w.article.id));
      assert.deepEqual(withoutTimes(all[0]), {
        id: courier.article.id,
        title: courier.article.title,
        outlet: courier.article.outlet,
        publishedAt: courier.article.publishedAt,
        language: courier.article.language,
        url: courier.article.url,
        origin: 'https://courier.example/news/bridge',
        chars: [...courier.article.text].length,
        spamScore: courier.article.quality.spamScore,
        garbleScore: courier.article.quality.garbleScore,
        removals: courier.article.removals.length,
      });
      assert.deepEqual((await store.listArticles({ limit: 2, offset: 1 })).map((a) => a.id), [rewrite.article.id, harbour.article.id]);
      assert.deepEqual((await store.listArticles({ outlet: courier.article.outlet! })).map((a) => a.id), [courier.article.id]);
      assert.deepEqual(await store.articleIds(), corpus.writes.map((w) => w.article.id));
    },
  },
  {
    name: 'a limit of 0 lists nothing; a negative limit or offset is no limit or offset (SQLite LIMIT -1)',
    async run(store) {
      await putAll(store);
      for (const w of corpus.writes) await store.putAnnotations(w.article.id, 1, corpus.annotations.get(w.article.id)!);
      await store.putError({ origin: { path: '/x', reader: 'text' }, stage: 'extract', code: 'empty', message: 'empty' });
      assert.deepEqual(await store.listArticles({ limit: 0 }), []);
      assert.equal((await store.listArticles({ limit: -1, offset: -5 })).length, 4);
      assert.equal((await store.listArticles({ offset: 3 })).length, 1);
      assert.equal((await store.errors(-1)).length, 1);
      assert.deepEqual(await store.errors(0), []);
      assert.deepEqual(await store.quotes({ limit: 0 }), []);
      assert.equal((await store.quotes({ limit: -1 })).length, (await store.quotes()).length);
      assert.deepEqual(await store.events({ limit: 0 }), []);
      assert.equal((await store.events({ limit: -1 })).length, (await store.events()).length);
      assert.equal((await store.articlesToAnnotate(2, -1)).length, 4);
    },
  },
  {
    name: 'annotations round-trip; quotes by speaker, events by category, entity clusters',
    async run(store) {
      await putAll(store);
      for (const w of corpus.writes) await store.putAnnotations(w.article.id, 1, corpus.annotations.get(w.article.id)!);
      const layers = corpus.annotations.get(courier.article.id)!;
      assert.deepEqual(await store.getAnnotations(courier.article.id), JSON.parse(JSON.stringify(layers)));
      assert.equal(await store.getAnnotations('f'.repeat(32)), null);

      const expectedQuotes = corpus.writes.flatMap((w) => corpus.annotations.get(w.article.id)!.quotes.map((q) => ({ articleId: w.article.id, ...q })));
      assert.ok(expectedQuotes.length >= 3, 'the fixture has quotes');
      assert.deepEqual(await store.quotes(), JSON.parse(JSON.stringify(expectedQuotes)));
      assert.equal((await store.quotes({ limit: 2 })).length, 2);
      const speaker = expectedQuotes.find((q) => q.speaker)!.speaker!.canonical;
      const surname = speaker.split(' ').pop()!;
      const bySpeaker = await store.quotes({ speaker: surname.toUpperCase() });
      assert.ok(bySpeaker.length > 0, 'bySpeaker.length > 0');
      assert.ok(bySpeaker.every((q) => q.speaker!.canonical.toLowerCase().includes(surname.toLowerCase())), 'bySpeaker.every((q) => q.speaker!.canonical.toLowerCase().includes(surname.toLowerCase()))');
      assert.deepEqual(await store.quotes({ speaker: "%' OR 1=1 --" }), [], 'the speaker filter is a bound parameter');
      assert.deepEqual(await store.quotes({ speaker: '_' }), [], 'LIKE wildcards in the filter are literal');

      const expectedEvents = corpus.writes.flatMap((w) => corpus.annotations.get(w.article.id)!.events.map((e) => ({ ...e, articleId: w.article.id })));
      assert.deepEqual(await store.events(), JSON.parse(JSON.stringify(expectedEvents)));
      if (expectedEvents.length > 0) {
        const category = expectedEvents[0].category;
        const inCategory = await store.events({ category: category.toLowerCase() });
        assert.deepEqual(inCategory, JSON.parse(JSON.stringify(expectedEvents.filter((e) => e.category === category))));
      }
      assert.deepEqual(await store.events({ category: 'NO-SUCH-CATEGORY' }), []);

      assert.deepEqual(
        await store.entityClusters(),
        JSON.parse(JSON.stringify(corpus.writes.map((w) => ({ articleId: w.article.id, clusters: corpus.annotations.get(w.article.id)!.clusters })))),
      );

      // Replacing layers replaces the query rows too: no quote is listed twice.
      await store.putAnnotations(courier.article.id, 2, layers);
      assert.equal((await store.quotes()).length, expectedQuotes.length);
      const emptied: Annotations = { ...layers, quotes: [], events: [] };
      await store.putAnnotations(courier.article.id, 3, emptied);
      assert.ok((await store.quotes()).every((q) => q.articleId !== courier.article.id), '(await store.quotes()).every((q) => q.articleId !== courier.article.id)');
      assert.ok((await store.events()).every((e) => e.articleId !== courier.article.id), '(await store.events()).every((e) => e.articleId !== courier.article.id)');
    },
  },
  {
    name: 'articlesToAnnotate pages in ingest order and skips layers of the asked version',
    async run(store) {
      await putAll(store);
      const first = await store.articlesToAnnotate(1, 2);
      assert.deepEqual(first.map((t) => t.id), [courier.article.id, rewrite.article.id]);
      assert.equal(first[0].text, courier.article.text);
      assert.equal(first[0].publishedAt, courier.article.publishedAt);
      assert.match(first[0].ingestedAt, /^\d{4}-/);
      assert.ok(typeof first[0].seq === 'number' && first[0].seq < first[1].seq, "typeof first[0].seq === 'number' && first[0].seq < first[1].seq");
      const next = await store.articlesToAnnotate(1, 10, first[1].seq);
      assert.deepEqual(next.map((t) => t.id), [harbour.article.id, spanish.article.id]);
      await store.putAnnotations(rewrite.article.id, 1, corpus.annotations.get(rewrite.article.id)!);
      assert.deepEqual((await store.articlesToAnnotate(1, 10)).map((t) => t.id), [courier.article.id, harbour.article.id, spanish.article.id]);
      assert.equal((await store.articlesToAnnotate(2, 10)).length, 4, 'layers of an older version are redone');
      assert.deepEqual(await store.articlesToAnnotate(1, 10, next[1].seq), []);
    },
  },
  {
    name: 'saveStories keeps one relate run; getStories answers only its stamp',
    async run(store) {
      await putAll(store);
      const fixture = storyFixture();
      assert.equal(await store.getStories('corpus-v1'), null);
      await store.saveStories('corpus-v1', fixture.stories, fixture.derivations);
      assert.deepEqual(await store.getStories('corpus-v1'), fixture);
      assert.equal(await store.getStories('corpus-v2'), null);
      await store.saveStories('corpus-v2', [], []);
      assert.equal(await store.getStories('corpus-v1'), null, 'an older run is dropped');
      assert.deepEqual(await store.getStories('corpus-v2'), { stories: [], derivations: [] });
      await store.saveStories('corpus-v2', fixture.stories, fixture.derivations);
      assert.deepEqual(await store.getStories('corpus-v2'), fixture, 'saving the same stamp again replaces it');
    },
  },
  {
    name: 'storedRecords gives each raw record with its first origin, in ingest order, by page, version or id; markExtracted records the version',
    async run(store) {
      await putAll(store);
      const elsewhere: RawOrigin = { path: '/mirror/bridge.html', reader: 'html', url: 'https://mirror.example/bridge' };
      await store.addOrigin(courier.raw.id, elsewhere);
      const all = await store.storedRecords({ limit: 10 });
      assert.deepEqual(all.map((r) => r.raw.id), corpus.writes.map((w) => w.raw.id));
      assert.deepEqual(all[0].raw, courier.raw, 'bytes, type, hints and the first origin, as stored');
      assert.ok(all.every((r) => r.extractVersion === EXTRACT_VERSION), 'each knows the version that made its article');
      const firstPage = await store.storedRecords({ limit: 2 });
      const rest = await store.storedRecords({ limit: 10, afterSeq: firstPage[1].seq });
      assert.deepEqual([...firstPage, ...rest].map((r) => r.raw.id), all.map((r) => r.raw.id), 'pages follow on');
      assert.deepEqual((await store.storedRecords({ limit: 10, ids: [spanish.article.id, harbour.article.id] })).map((r) => r.raw.id), [harbour.raw.id, spanish.raw.id]);
      assert.deepEqual(await store.storedRecords({ limit: 10, ids: [] }), []);
      assert.deepEqual(await store.storedRecords({ limit: 10, ids: ["x') OR 1=1 --"] }), [], 'ids are bound values');
      assert.deepEqual(await store.storedRecords({ limit: 10, olderThan: EXTRACT_VERSION }), [], 'nothing older than the version that made them');
      await store.markExtracted([harbour.article.id, rewrite.article.id], EXTRACT_VERSION + 1);
      assert.deepEqual((await store.storedRecords({ limit: 10, olderThan: EXTRACT_VERSION + 1 })).map((r) => r.raw.id), [courier.raw.id, spanish.raw.id]);
      assert.deepEqual((await store.stats()).extractVersions, [
        { version: EXTRACT_VERSION, documents: 2 },
        { version: EXTRACT_VERSION + 1, documents: 2 },
      ]);
      await store.markExtracted([], EXTRACT_VERSION + 2);
      assert.equal((await store.storedRecords({ limit: 10, olderThan: EXTRACT_VERSION + 1 })).length, 2, 'an empty list marks nothing');
    },
  },
  {
    name: 'replaceArticle swaps the article in place and drops what hung on its old text and time; search follows',
    async run(store) {
      await relateAll(store);
      await store.addOrigin(courier.raw.id, { path: '/mirror/bridge.html', reader: 'html' });
      for (const w of [courier, harbour]) await store.putAnnotations(w.article.id, 1, corpus.annotations.get(w.article.id)!);
      const fixture = storyFixture();
      await store.saveStories('corpus', fixture.stories, fixture.derivations);
      const before = (await store.listArticles()).map((a) => a.id);

      // same text, new title: relations and layers stay, cached stories go
      const retitled: ArticleWrite = { ...courier, article: { ...courier.article, title: 'Aldermen back the bridge budget' }, extractVersion: EXTRACT_VERSION + 1 };
      assert.deepEqual(await store.replaceArticle(retitled), { textChanged: false });
      const got = (await store.getArticle(courier.article.id))!;
      assert.deepEqual(withoutTimes(got), expectedStored(retitled, [courier.raw.origin, { path: '/mirror/bridge.html', reader: 'html' }]));
      assert.deepEqual((await store.duplicates()).map((d) => [d.a, d.b]), [[courier.article.id, rewrite.article.id]], 'relations of an unchanged text stay');
      assert.notEqual(await store.getAnnotations(courier.article.id), null, 'layers of an unchanged text and time stay');
      assert.equal(await store.getStories('corpus'), null, 'cached stories are dropped');
      assert.deepEqual((await store.search({ q: 'aldermen' })).hits.map((h) => h.id), [courier.article.id], 'the new title is searchable');

      // new text: keys replaced, relations and layers dropped
      const text = 'Dock workers voted on Friday to end the strike after a pay offer of eight percent.\n\nThe union called it a fair deal.';
      const keys = relateKeys(text);
      const rewritten: ArticleWrite = { ...harbour, article: { ...harbour.article, text }, ...keys, extractVersion: EXTRACT_VERSION + 1 };
      await store.putDuplicates([{ a: harbour.article.id, b: spanish.article.id, kind: 'near', similarity: 0.81 }]);
      assert.deepEqual(await store.replaceArticle(rewritten), { textChanged: true });
      assert.equal((await store.getArticle(harbour.article.id))!.text, text);
      assert.deepEqual(await store.duplicates({ article: harbour.article.id }), [], 'relations of the old text are dropped');
      assert.deepEqual(await store.articlesWithTextHash(keys.textHash), [harbour.article.id]);
      assert.deepEqual(await store.articlesWithTextHash(harbour.textHash), [], 'the old text hash is gone');
      assert.ok((await store.nearCandidates(keys.bandKeys)).some((c) => c.id === harbour.article.id), 'found by its new band keys');
      assert.equal(await store.getAnnotations(harbour.article.id), null, 'layers of the old text are dropped');
      assert.ok((await store.quotes()).every((q) => q.articleId !== harbour.article.id), 'and its quotes');
      assert.ok((await store.articlesToAnnotate(1, 10)).some((t) => t.id === harbour.article.id), 'it is annotated again');
      assert.deepEqual((await store.search({ q: 'eight percent' })).hits.map((h) => h.id), [harbour.article.id], 'the new text is searchable');
      assert.equal((await store.search({ q: 'six percent' })).total, 0, 'the old text is not');

      // a new publication time alone also redoes the layers (relative times resolve against it)
      await store.putAnnotations(courier.article.id, 1, corpus.annotations.get(courier.article.id)!);
      await store.replaceArticle({ ...retitled, article: { ...retitled.article, publishedAt: '2024-05-15T08:00:00Z' } });
      assert.equal(await store.getAnnotations(courier.article.id), null, 'layers resolved against the old time are dropped');

      assert.deepEqual((await store.listArticles()).map((a) => a.id), before, 'ingest order is kept');
      assert.equal((await store.stats()).documents, 4);
      await assert.rejects(async () => store.replaceArticle({ ...spanish, article: { ...spanish.article, id: 'f'.repeat(32) } }), /no stored article/);
    },
  },
  {
    name: 'articlesFrom finds articles by file, folder or URL prefix, telling those also read elsewhere',
    async run(store) {
      await putAll(store);
      await store.addOrigin(harbour.raw.id, { path: '/mirror/harbour.txt', reader: 'text' });
      const ids = (...ws: ArticleWrite[]) => ws.map((w) => w.article.id);
      const none = { only: [], alsoElsewhere: [] };
      assert.deepEqual(await store.articlesFrom('/wire'), { only: ids(spanish), alsoElsewhere: ids(harbour) });
      assert.deepEqual(await store.articlesFrom('/wire/'), { only: ids(spanish), alsoElsewhere: ids(harbour) }, 'a trailing slash changes nothing');
      assert.deepEqual(await store.articlesFrom('/wire/es/sequia.txt'), { only: ids(spanish), alsoElsewhere: [] }, 'one file');
      assert.deepEqual(await store.articlesFrom('/wir'), none, 'a folder matches whole names only');
      assert.deepEqual(await store.articlesFrom('/'), { only: ids(courier, rewrite, harbour, spanish), alsoElsewhere: [] }, 'the root holds every path');
      assert.deepEqual(await store.articlesFrom('https://courier.example/news/'), { only: ids(courier), alsoElsewhere: [] }, 'a URL prefix');
      assert.deepEqual(await store.articlesFrom('%'), none, 'no wildcards');
      assert.deepEqual(await store.articlesFrom("/wire' OR '1'='1"), none, 'a bound value');
      assert.deepEqual(await store.articlesFrom(''), none, 'an empty prefix matches nothing');
    },
  },
  {
    name: 'deleteArticles removes articles and everything stored about them; the same bytes can be stored again',
    async run(store) {
      await relateAll(store);
      for (const w of corpus.writes) await store.putAnnotations(w.article.id, 1, corpus.annotations.get(w.article.id)!);
      const fixture = storyFixture();
      await store.saveStories('corpus', fixture.stories, fixture.derivations);
      assert.equal((await store.duplicates()).length, 1, 'the courier and its rewrite are related');

      assert.equal(await store.deleteArticles([courier.article.id, 'f'.repeat(32), courier.article.id]), 1, 'unknown and repeated ids count once or not at all');
      const id = courier.article.id;
      assert.equal(await store.getArticle(id), null);
      assert.equal(await store.getRaw(id), null, 'the raw bytes go');
      assert.equal(await store.hasRaw(id), false);
      assert.equal(await store.hasOriginUrl(courier.raw.origin.url!), false, 'and its origins');
      assert.deepEqual(await store.duplicates(), [], 'relations on either side go');
      assert.deepEqual(await store.articlesWithTextHash(courier.textHash), []);
      assert.ok((await store.nearCandidates(courier.bandKeys)).every((c) => c.id !== id), 'its band keys go');
      assert.equal(await store.getAnnotations(id), null);
      assert.ok((await store.quotes()).every((q) => q.articleId !== id), 'its quotes go');
      assert.ok((await store.events()).every((e) => e.articleId !== id), 'its events go');
      assert.ok((await store.entityClusters()).every((c) => c.articleId !== id), 'its entities go');
      assert.ok((await store.search({ q: 'ageing' })).hits.every((h) => h.id !== id), 'its search entry goes');
      assert.equal(await store.getStories('corpus'), null, 'cached stories go');
      const stats = await store.stats();
      assert.deepEqual([stats.documents, stats.origins], [3, 3]);
      assert.deepEqual(await store.articleIds(), [rewrite.article.id, harbour.article.id, spanish.article.id]);
      assert.equal(await store.deleteArticles([]), 0);

      await store.putArticle(courier);
      assert.equal((await store.getArticle(id))?.title, courier.article.title, 'the same bytes can be stored again');
      assert.deepEqual((await store.articleIds()).at(-1), id, 'as a new article, last in ingest order');
    },
  },
  {
    name: 'deleteArticles with keepOut records the ids and URLs of what it deleted, for later ingests to pass over; letIn lifts that',
    async run(store) {
      await putAll(store);
      const mirror: RawOrigin = { path: '/crawl/2024.warc.gz', reader: 'warc', url: 'https://mirror.example/bridge', warcRecordId: '<urn:uuid:9>' };
      await store.addOrigin(courier.raw.id, mirror);
      assert.deepEqual(await store.keptOut(), [], 'nothing is kept out at first');
      assert.equal(await store.isKeptOut(courier.raw.id, []), false);
      assert.equal(await store.deleteArticles([harbour.article.id]), 1, 'a plain delete');
      assert.deepEqual(await store.keptOut(), [], 'keeps nothing out');
      assert.equal(await store.deleteArticles([courier.article.id], { keepOut: true }), 1);
      const kept = await store.keptOut();
      assert.deepEqual(
        kept.map((k) => [k.kind, k.key]).sort(),
        [
          ['document', courier.raw.id],
          ['url', 'https://courier.example/news/bridge'],
          ['url', 'https://mirror.example/bridge'],
          ...(courier.article.canonicalUrl && courier.article.canonicalUrl !== courier.article.url ? [['url', courier.article.canonicalUrl]] : []),
        ].sort(),
        'the document and every URL it was read from or names as its own',
      );
      assert.ok(kept.every((k) => k.title === courier.article.title && /^\d{4}-\d\d-\d\dT/.test(k.at)), 'with its title and the time');
      assert.equal(await store.isKeptOut(courier.raw.id, []), true, 'the same bytes are kept out');
      assert.equal(await store.isKeptOut(null, ['https://elsewhere.example/x', 'https://mirror.example/bridge']), true, 'and anything read from one of its URLs');
      assert.equal(await store.isKeptOut('f'.repeat(32), ['https://elsewhere.example/x']), false);
      assert.equal(await store.isKeptOut(null, []), false);
      assert.equal(await store.deleteArticles([rewrite.article.id], { keepOut: true }), 1, 'a second takedown adds to the list');
      assert.equal(await store.letIn([courier.raw.id, 'https://mirror.example/bridge', 'https://never.example/']), 2, 'letIn counts what was kept out');
      assert.equal(await store.isKeptOut(courier.raw.id, ['https://mirror.example/bridge']), false);
      assert.equal(await store.isKeptOut(null, ['https://courier.example/news/bridge']), true, 'the other URLs stay kept out');
      assert.equal(await store.isKeptOut(rewrite.raw.id, []), true);
    },
  },
  {
    name: 'a transaction commits its writes and returns fn’s value; a throw rolls all of them back',
    async run(store) {
      const value = await store.transaction(async () => {
        await store.putArticle(courier);
        await store.transaction(async () => store.putArticle(rewrite)); // a nested call joins
        return 42;
      });
      assert.equal(value, 42);
      assert.deepEqual(await store.articleIds(), [courier.article.id, rewrite.article.id]);

      const boom = new Error('boom');
      await assert.rejects(
        store.transaction(async () => {
          await store.putArticle(harbour);
          await store.addOrigin(courier.raw.id, { path: '/late/copy.html', reader: 'html' });
          await store.putError({ origin: { path: '/x', reader: 'text' }, stage: 'store', code: 'late', message: 'x' });
          await store.putAnnotations(courier.article.id, 1, corpus.annotations.get(courier.article.id)!);
          throw boom;
        }),
        (err) => err === boom,
      );
      assert.equal(await store.hasRaw(harbour.raw.id), false);
      assert.deepEqual(await store.articleIds(), [courier.article.id, rewrite.article.id]);
      assert.equal((await store.getArticle(courier.article.id))!.origins.length, 1);
      assert.deepEqual(await store.errors(), []);
      assert.equal(await store.getAnnotations(courier.article.id), null);
      // The store is still usable after a rollback.
      await store.putArticle(harbour);
      assert.equal(await store.hasRaw(harbour.raw.id), true);
    },
  },
  {
    name: 'hostile text (quotes, SQL, backslashes, wildcards, any Unicode) is stored verbatim',
    async run(store) {
      const evil = `Robert'); DROP TABLE articles;-- "quoted" \\ \\' $1 %_ ? :name @x
Ünïcödé: 🦀 é (e + U+0301), عربي, 中文, zero\u200Dwidth, line\u2028separator, ${'x'.repeat(2_000_000)}`;
      const raw: RawRecord = { ...record('text', evil, "/x/'; DROP TABLE raw;--.txt"), hints: { title: "'; DELETE FROM origins; --" } };
      const write: ArticleWrite = {
        raw,
        article: { ...harbour.article, id: raw.id, text: evil, title: `"${evil.slice(0, 40)}"`, outlet: "O'Brien & Sons \\ News" },
        textHash: "'); --",
        signature: harbour.signature,
        bandKeys: harbour.bandKeys,
        extractVersion: EXTRACT_VERSION,
      };
      await store.putArticle(write);
      const got = (await store.getArticle(raw.id))!;
      assert.equal(got.text, evil);
      assert.equal(got.title, write.article.title);
      assert.equal(got.outlet, write.article.outlet);
      assert.equal(got.origins[0].path, raw.origin.path);
      assert.deepEqual(await store.articlesWithTextHash("'); --"), [raw.id]);
      assert.deepEqual((await store.listArticles({ outlet: write.article.outlet! })).map((a) => a.id), [raw.id]);
      assert.equal(decode(await store.getRaw(raw.id)), evil);
      assert.equal((await store.stats()).cleanChars, [...evil].length);
      assert.equal((await store.stats()).documents, 1, 'every table is still there');
    },
  },
  {
    name: 'full-text search finds words (stemmed), phrases, alternatives and prefixes, and leaves out exclusions',
    async run(store) {
      await putAll(store);
      const ids = async (q: string, extra: Partial<SearchQuery> = {}) => (await store.search({ q, ...extra })).hits.map((h) => h.id).sort();
      const bridge = [courier.article.id, rewrite.article.id].sort();
      assert.deepEqual(await ids('bridge'), bridge);
      assert.deepEqual(await ids('approve budgets'), bridge, 'approve finds approved, budgets finds budget');
      assert.deepEqual(await ids('"river bridge"'), bridge);
      assert.deepEqual(await ids('"bridge river"'), [], 'a phrase keeps its word order');
      assert.deepEqual(await ids('bridge -quarter'), [rewrite.article.id], 'only the original says "a quarter of the cost"');
      assert.deepEqual(await ids('dock OR sequía'), [harbour.article.id, spanish.article.id].sort());
      assert.deepEqual(await ids('agricult*'), [spanish.article.id]);
      assert.deepEqual(await ids('zeppelin'), []);
    },
  },
  {
    name: 'full-text search filters by outlet, language and date, pages, sorts, and marks its snippets and titles',
    async run(store) {
      await putAll(store);
      const ids = async (q: string, extra: Partial<SearchQuery> = {}) => (await store.search({ q, ...extra })).hits.map((h) => h.id).sort();
      assert.deepEqual(await ids('bridge', { outlet: courier.article.outlet! }), [courier.article.id]);
      assert.deepEqual(await ids('plan'), [courier.article.id, rewrite.article.id, spanish.article.id].sort());
      assert.deepEqual(await ids('plan', { language: 'es' }), [spanish.article.id]);
      assert.equal(courier.article.publishedAt?.slice(0, 10), '2024-05-14');
      assert.deepEqual(await ids('bridge', { since: '2024-05-14' }), [courier.article.id], 'an undated article is not "since" anything');
      assert.deepEqual(await ids('bridge', { since: '2024-05', until: '2024' }), [courier.article.id]);
      assert.deepEqual(await ids('bridge', { until: '2024-05-13' }), []);

      const all = await store.search({ q: 'bridge' });
      assert.equal(all.total, 2);
      assert.ok(all.hits[0].score >= all.hits[1].score, 'best match first');
      const recent = await store.search({ q: 'bridge', sort: 'recent' });
      assert.deepEqual(recent.hits.map((h) => h.id), [courier.article.id, rewrite.article.id], 'newest first, undated last');
      const first = await store.search({ q: 'bridge', sort: 'recent', limit: 1 });
      const second = await store.search({ q: 'bridge', sort: 'recent', limit: 1, offset: 1 });
      assert.deepEqual([first.total, first.hits.length, second.total, second.hits[0].id], [2, 1, 2, rewrite.article.id]);

      const [hit] = (await store.search({ q: 'ageing', outlet: courier.article.outlet! })).hits;
      assert.deepEqual({ title: hit.title, outlet: hit.outlet, url: hit.url, language: hit.language }, { title: courier.article.title, outlet: courier.article.outlet, url: courier.article.url, language: 'en' });
      assert.deepEqual(hit.highlights.map(([a, b]) => hit.snippet.slice(a, b)), ['ageing']);
      assert.ok(courier.article.text.includes(hit.snippet.slice(0, 20).replace(/^…/, '')), 'the snippet is a passage of the clean text');
      assert.deepEqual(hit.titleHighlights, [], 'a word only in the text marks nothing in the title');
      const [titled] = (await store.search({ q: 'approves budget', outlet: courier.article.outlet! })).hits;
      assert.equal(titled.title, 'Council approves new bridge budget');
      assert.deepEqual(
        titled.titleHighlights.map(([a, b]) => titled.title!.slice(a, b)),
        ['approves', 'budget'],
        'matched words are marked in the title too',
      );
    },
  },
  {
    name: 'full-text search ignores accents either way, and shows and marks the words as written',
    async run(store) {
      await putAll(store);
      const ids = async (q: string) => (await store.search({ q })).hits.map((h) => h.id);
      assert.deepEqual(await ids('sequia'), [spanish.article.id], 'sequia finds sequía');
      assert.deepEqual(await ids('"contra la sequia"'), [spanish.article.id], 'in a phrase too');
      assert.deepEqual(await ids('anunció'), [spanish.article.id], 'an accent the text has, typed');
      assert.deepEqual(await ids('budgét'), await ids('budget'), 'an accent the text lacks, typed: the same as without');
      const [hit] = (await store.search({ q: 'sequia' })).hits;
      assert.ok(hit.snippet.includes('sequía'), `the snippet keeps the accent: ${hit.snippet}`);
      assert.ok(hit.highlights.length > 0 && hit.highlights.every(([a, b]) => hit.snippet.slice(a, b) === 'sequía'), `the match is marked as written: ${JSON.stringify(hit.highlights)} in ${hit.snippet}`);
      assert.deepEqual(hit.titleHighlights.map(([a, b]) => hit.title!.slice(a, b)), ['sequía'], 'and in the title');
      assert.ok(spanish.article.text.includes(hit.snippet.slice(0, 30)), 'the snippet is a passage of the clean text as written');
    },
  },
  {
    name: 'a search query is text, never SQL or FTS syntax; one with nothing to find is a query error',
    async run(store) {
      await putAll(store);
      for (const q of ["'); DROP TABLE articles; --", 'title:bridge NEAR(council budget) ^x', '"unclosed phrase', 'bridge*)', 'budget 40% cut_rate \\ ; --']) {
        const r = await store.search({ q });
        assert.ok(Array.isArray(r.hits) && r.total >= 0, `searching ${q}`);
      }
      assert.equal((await store.stats()).documents, 4, 'every table is still there');
      await assert.rejects(async () => store.search({ q: '-bridge' }), SearchQueryError);
      await assert.rejects(async () => store.search({ q: '   ' }), SearchQueryError);
      await assert.rejects(async () => store.search({ q: 'bridge', since: "2024' OR 1=1" }), SearchQueryError);
    },
  },
  {
    name: 'standInsFor finds the articles kept only in place of a page whose fetch failed for now',
    async run(store) {
      await putAll(store);
      const link = 'https://port.example/later';
      const standIn: RawOrigin = { path: 'https://port.example/feed.xml', reader: 'feed', url: link, feedItemId: 'g1', linkFailed: 'timeout' };
      assert.deepEqual(await store.standInsFor(link), [], 'none yet');
      await store.addOrigin(harbour.raw.id, { ...standIn });
      assert.deepEqual(await store.standInsFor(link), [], 'an article read from elsewhere too is not only a stand-in');
      await store.addOrigin(spanish.raw.id, { ...standIn, path: 'https://port.example/other-feed.xml' });
      await store.addOrigin(spanish.raw.id, { ...standIn, feedItemId: 'g9' });
      await store.addOrigin(courier.raw.id, { ...standIn, linkFailed: undefined, linkRefused: 'http-error' });
      assert.deepEqual(await store.standInsFor(link), [], 'origins of other articles are not theirs alone');
      const own = await store.getArticle(spanish.article.id);
      assert.ok(own && own.origins.length === 3, 'the Spanish article has its file origin as well');
      // an article whose every origin stands in for the link
      const item: ArticleWrite = { ...rewrite, raw: { ...rewrite.raw, origin: standIn } };
      await store.deleteArticles([rewrite.article.id]);
      await store.putArticle(item);
      await store.addOrigin(rewrite.raw.id, { ...standIn, path: 'https://port.example/mirror-feed.xml', linkFailed: 'http-error' });
      assert.deepEqual(await store.standInsFor(link), [rewrite.article.id]);
      assert.deepEqual(await store.standInsFor("https://port.example/later' OR '1'='1"), [], 'a bound value');
    },
  },
  {
    name: 'poll states are stored by key, replaced, and kept apart from the corpus',
    async run(store) {
      assert.equal((await store.pollStates()).size, 0, 'none at first');
      await store.putPollStates([]);
      await store.putPollStates([
        ['url https://port.example/feed.xml', '{"etag":"\\"v1\\""}'],
        ["file /crawl/it's here.warc.gz", '{"size":10,"mtimeMs":1}'],
      ]);
      await store.putPollStates([['url https://port.example/feed.xml', '{"etag":"\\"v2\\""}']]);
      assert.deepEqual(
        [...(await store.pollStates())].sort(),
        [
          ["file /crawl/it's here.warc.gz", '{"size":10,"mtimeMs":1}'],
          ['url https://port.example/feed.xml', '{"etag":"\\"v2\\""}'],
        ],
        'a later state replaces the earlier one of its key',
      );
      assert.equal((await store.stats()).documents, 0, 'poll states are not articles');
      await store.deletePollStates(["file /crawl/it's here.warc.gz", 'file /never/stored']);
      await store.deletePollStates([]);
      assert.deepEqual([...(await store.pollStates()).keys()], ['url https://port.example/feed.xml'], 'deleted by key');
    },
  },
  {
    name: 'a NUL character in metadata does not fail the write',
    async run(store, backend) {
      const message = 'bad byte \u0000 here';
      await store.putError({ origin: { path: '/x/nul.bin', reader: 'text' }, stage: 'extract', code: 'binary', message });
      const [stored] = await store.errors();
      // PostgreSQL TEXT cannot hold U+0000: the store writes U+FFFD there instead of failing.
      assert.equal(stored.message, backend === postgres ? 'bad byte \uFFFD here' : message);
    },
  },
];

for (const backend of [sqlite, postgres]) {
  describe(backend.name, () => {
    for (const scenario of scenarios) {
      test(scenario.name, { todo: scenario.todo?.(backend) }, async (t) => {
        const reason = backend.unavailable();
        if (reason) return t.skip(reason);
        const store = await backend.open();
        try {
          await scenario.run(store, backend);
        } finally {
          await store.close();
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Both stores, side by side, answer the same.

test('SqliteStore and PostgresStore give identical answers over the same corpus', async (t) => {
  const reason = postgres.unavailable();
  if (reason) return t.skip(reason);
  const stores = [await sqlite.open(), await postgres.open()];
  try {
    const answers = [];
    for (const store of stores) {
      await relateAll(store);
      await store.putAnnotations(courier.article.id, 1, corpus.annotations.get(courier.article.id)!);
      await store.putAnnotations(harbour.article.id, 1, corpus.annotations.get(harbour.article.id)!);
      await store.putError({ origin: { path: '/x/a', reader: 'text' }, stage: 'extract', code: 'empty', message: 'empty' });
      await store.putError({ origin: { path: '/x/b', reader: 'text' }, stage: 'extract', code: 'binary', message: 'binary' });
      await store.putError({ origin: { path: '/x/b', reader: 'text' }, stage: 'extract', code: 'binary', message: 'binary' });
      answers.push(
        withoutTimes({
          stats: await store.stats(),
          list: await store.listArticles(),
          ids: await store.articleIds(),
          articles: await Promise.all(corpus.writes.map((w) => store.getArticle(w.article.id.slice(0, 8)))),
          duplicates: await store.duplicates(),
          candidates: await store.nearCandidates(rewrite.bandKeys),
          errors: (await store.errors()).map(({ id: _id, ...e }) => e),
          todo: (await store.articlesToAnnotate(1, 10)).map(({ seq: _seq, ...todo }) => todo),
          quotes: await store.quotes(),
          events: await store.events(),
          clusters: await store.entityClusters(),
        }),
      );
    }
    assert.deepEqual(answers[1], answers[0]);
  } finally {
    for (const store of stores) await store.close();
  }
});

test('the pipeline (ingest, annotate, relate) over examples/corpus builds the same corpus in both stores', { timeout: 60_000 }, async (t) => {
  const reason = postgres.unavailable();
  if (reason) return t.skip(reason);
  const stores = [await sqlite.open(), await postgres.open()];
  try {
    const answers = [];
    for (const store of stores) {
      const ingested = await ingest([join(repoRoot, 'examples', 'corpus')], store, { workers: 0 });
      const annotated = await annotateCorpus(store);
      const relations = await relateCorpus(store);
      assert.deepEqual(await relateCorpus(store), relations, 'the second relate run is answered from the stored cache');
      const ids = await store.articleIds();
      answers.push(
        withoutTimes({
          ingested: { ...ingested, elapsedMs: 0 },
          annotated: { ...annotated, elapsedMs: 0 },
          relations,
          stats: await store.stats(),
          list: await store.listArticles(),
          articles: await Promise.all(ids.map((id) => store.getArticle(id))),
          raw: await Promise.all(ids.map(async (id) => Buffer.from((await store.getRaw(id))!).toString('base64'))),
          duplicates: await store.duplicates(),
          errors: (await store.errors()).map(({ id: _id, ...e }) => e),
          annotations: await Promise.all(ids.map((id) => store.getAnnotations(id))),
          quotes: await store.quotes(),
          events: await store.events(),
          clusters: await store.entityClusters(),
          // each store ranks and cuts snippets its own way; what matches is the same
          search: await Promise.all(
            ['flood', '"death toll"', 'minister -Greece', 'summit* OR strike', 'rescuers bodies', 'deal', 'minister', 'Sardinia OR Thessaly'].map(async (q) => {
              const r = await store.search({ q, limit: 1000 });
              return { q, total: r.total, ids: r.hits.map((h) => h.id).sort() };
            }),
          ),
        }),
      );
    }
    assert.ok(answers[0].search.every((s) => s.total > 0), 'every query finds something');
    assert.ok(answers[0].stats.documents > 5 && answers[0].relations.stories.length > 0, 'the corpus exercises the pipeline');
    assert.deepEqual(answers[1], answers[0]);
  } finally {
    for (const store of stores) await store.close();
  }
});

// ---------------------------------------------------------------------------------------------
// PostgreSQL only: several processes on one database.

describe('PostgresStore with several workers', () => {
  test('workers opening a new database at once migrate it once', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      for (const store of stores) assert.equal(await store.schemaVersion(), PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version);
      const client = new pg.Client(url);
      await client.connect();
      const { rows } = await client.query('SELECT version FROM parallax_schema ORDER BY version');
      await client.end();
      assert.deepEqual(rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));
    } finally {
      for (const store of stores) await store.close();
    }
  });

  test('work a transaction left running after it settled does not land in a later transaction', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const store = await postgres.open();
    try {
      let late: Promise<unknown> = Promise.resolve();
      await store.transaction(async () => {
        await store.putArticle(courier);
        late = sleep(30).then(() =>
          store.putError({ origin: { path: '/late', reader: 'text' }, stage: 'store', code: 'late', message: 'written after commit' }),
        );
      });
      // The next transaction likely reuses the same pooled connection; the late write must not join it.
      await assert.rejects(
        store.transaction(async () => {
          await store.putArticle(harbour);
          await sleep(80);
          throw new Error('roll back');
        }),
      );
      await late;
      assert.deepEqual((await store.errors()).map((e) => e.code), ['late']);
      assert.equal(await store.hasRaw(harbour.raw.id), false);
    } finally {
      await store.close();
    }
  });

  test('a connection dropped in the middle of a transaction fails that transaction, not the process', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const store = await PostgresStore.open(url);
    const database = new URL(url).pathname.slice(1);
    try {
      await assert.rejects(
        store.transaction(async () => {
          await store.putArticle(courier);
          // the server ends this backend while it sits idle in the transaction: the client emits 'error'
          await admin!.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`,
            [database],
          );
          await sleep(200);
          await store.putArticle(harbour);
        }),
      );
      // nothing of the broken transaction landed, and the store goes on with a new connection
      assert.equal(await store.hasRaw(courier.raw.id), false);
      await store.putArticle(harbour);
      assert.equal(await store.hasRaw(harbour.raw.id), true);
    } finally {
      await store.close();
    }
  });

  test('articles are indexed for search after their commit; one left queued (its writer killed) is indexed by the next search', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const store = await PostgresStore.open(url);
    const client = new pg.Client(url);
    await client.connect();
    try {
      await store.transaction(async () => {
        await store.putArticle(courier);
        await store.putArticle(harbour);
      });
      const counts = async () => (await client.query('SELECT (SELECT count(*)::int FROM search_pending) AS queued, (SELECT count(*)::int FROM article_search) AS indexed')).rows[0];
      assert.deepEqual(await counts(), { queued: 0, indexed: 2 }, 'indexed once the write committed');
      // what a worker killed between its commit and its indexing leaves behind
      await client.query('DELETE FROM article_search WHERE article_id = $1', [harbour.article.id]);
      await client.query('INSERT INTO search_pending (article_id) VALUES ($1)', [harbour.article.id]);
      assert.deepEqual((await store.search({ q: 'dock workers' })).hits.map((h) => h.id), [harbour.article.id]);
      assert.deepEqual(await counts(), { queued: 0, indexed: 2 });
    } finally {
      await client.end();
      await store.close();
    }
  });

  test('a database indexed before search folded accents is indexed again when it is opened', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const before = await PostgresStore.open(url);
    await before.putArticle(spanish);
    await before.close();
    // the state migration 10 found: entries of the words as written, and no step 10 recorded
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query(
        `UPDATE article_search s SET search = setweight(to_tsvector('english', coalesce(a.title, '')), 'A') || setweight(to_tsvector('english', a.text), 'B')
         FROM articles a WHERE a.id = s.article_id`,
      );
      await client.query('DELETE FROM parallax_schema WHERE version = 10');
      const old = await PostgresStore.open(url);
      try {
        assert.deepEqual((await old.search({ q: 'sequia' })).hits.map((h) => h.id), [spanish.article.id], 'found without its accent after the upgrade');
      } finally {
        await old.close();
      }
    } finally {
      await client.end();
    }
  });

  test('a read-only user can open an up-to-date database and read it', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const writer = await PostgresStore.open(url);
    await writer.putArticle(harbour);
    await writer.close();
    const name = new URL(url).pathname.slice(1);
    const client = new pg.Client(url);
    await client.connect();
    await client.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader LOGIN; END IF; END $$`);
    await client.query(`GRANT CONNECT ON DATABASE ${name} TO reader; GRANT USAGE ON SCHEMA public TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader`);
    await client.end();
    const readerUrl = new URL(url);
    readerUrl.username = 'reader';
    const reader = await PostgresStore.open(readerUrl.toString());
    try {
      assert.deepEqual(await reader.articleIds(), [harbour.article.id]);
      assert.deepEqual((await reader.search({ q: 'dock workers' })).hits.map((h) => h.id), [harbour.article.id], 'and search it');
      await assert.rejects(Promise.resolve(reader.putArticle(spanish)), /permission denied/, 'the user really is read-only');
    } finally {
      await reader.close();
    }
  });

  test('two corpora can share one database, one schema each, named in the URL', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = new URL(await freshDatabase());
    const client = new pg.Client(url.toString());
    await client.connect();
    await client.query('CREATE SCHEMA corpus_a; CREATE SCHEMA corpus_b');
    await client.end();
    const inSchema = (schema: string) => {
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      return u.toString();
    };
    const [a, b] = [await PostgresStore.open(inSchema('corpus_a')), await PostgresStore.open(inSchema('corpus_b'))];
    try {
      await a.putArticle(harbour);
      assert.deepEqual(await a.articleIds(), [harbour.article.id]);
      assert.deepEqual(await b.articleIds(), []);
      assert.equal(await b.schemaVersion(), PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a process that used the store and did not close it still exits at once', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const script = `import { PostgresStore } from ${JSON.stringify(join(repoRoot, 'src/store/postgres/postgres-store.ts'))};
      const store = await PostgresStore.open(${JSON.stringify(url)});
      console.log(await store.articleIds());`;
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '[]');
    assert.ok(performance.now() - started < 8000, 'idle connections do not hold the process (pg would wait 10 s)');
  });

  test('two workers storing the same document at once store it once, without an error', async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const workers = [await PostgresStore.open(url), await PostgresStore.open(url)];
    try {
      const copies = workers.map((_, i) => ({ ...courier, raw: { ...courier.raw, origin: { path: `/worker${i}/bridge.html`, reader: 'html' as const } } }));
      await Promise.all(workers.flatMap((store) => copies.map((copy) => store.putArticle(copy))));
      assert.deepEqual(await workers[0].articleIds(), [courier.article.id]);
      const stored = (await workers[1].getArticle(courier.article.id))!;
      assert.deepEqual(stored.origins.map((o) => o.path).sort(), ['/worker0/bridge.html', '/worker1/bridge.html']);
      assert.equal((await workers[0].nearCandidates(courier.bandKeys)).length, 1, 'band keys stored once');
    } finally {
      for (const store of workers) await store.close();
    }
  });

  test('concurrent write transactions from two stores both commit, one at a time, and duplicate checks see each other', { timeout: 30_000 }, async (t) => {
    const reason = postgres.unavailable();
    if (reason) return t.skip(reason);
    const url = await freshDatabase();
    const workers = [await PostgresStore.open(url), await PostgresStore.open(url)];
    const groups = ['alpha', 'beta', 'gamma', 'delta'];
    const perWorker = 10;
    /** Each worker stores its own copies of the same four texts (distinct ids, equal text hashes). */
    const writesOf = (worker: number): ArticleWrite[] =>
      Array.from({ length: perWorker }, (_, i) => {
        const id = `${worker}${String(i).padStart(3, '0')}`.padEnd(32, 'a');
        const group = groups[i % groups.length];
        return {
          raw: { id, type: 'text', bytes: new TextEncoder().encode(`${group} ${id}`), origin: { path: `/w${worker}/${i}`, reader: 'text' }, hints: {} },
          article: { ...harbour.article, id, text: `${group} text` },
          textHash: `hash-${group}`,
          signature: harbour.signature,
          bandKeys: [i],
          extractVersion: EXTRACT_VERSION,
        };
      });
    const intervals: Array<[number, number]> = [];
    const run = async (store: PostgresStore, writes: ArticleWrite[]) => {
      for (const w of writes) {
        await store.transaction(async () => {
          const startedAt = performance.now();
          const earlier = await store.articlesWithTextHash(w.textHash);
          await sleep(2); // widen the window a racing writer would need
          await store.putArticle(w);
          if (earlier.length > 0) await store.putDuplicates([{ a: earlier[0], b: w.article.id, kind: 'exact', similarity: 1 }]);
          intervals.push([startedAt, performance.now()]);
        });
      }
    };
    try {
      await Promise.all(workers.map((store, i) => run(store, writesOf(i + 1))));
      const reader = workers[0];
      const ids = await reader.articleIds();
      assert.equal(ids.length, 2 * perWorker, 'no write is lost');
      const duplicates = await reader.duplicates({ kind: 'exact' });
      assert.equal(duplicates.length, 2 * perWorker - groups.length, 'every copy but the first of each text is a duplicate');
      for (const group of groups) {
        const members = await reader.articlesWithTextHash(`hash-${group}`);
        const bs = duplicates.filter((d) => members.includes(d.b));
        assert.deepEqual(bs.map((d) => d.b).sort(), members.slice(1).sort(), `${group}: only the first copy is original`);
        assert.ok(bs.every((d) => d.a === members[0]), `${group}: copies point at the first`);
      }
      intervals.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < intervals.length; i++) {
        assert.ok(intervals[i][0] >= intervals[i - 1][1], 'write transactions never overlap');
      }
    } finally {
      for (const store of workers) await store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Choosing a store from what the user typed.

test('isPostgresUrl knows the two libpq URL schemes and nothing else', () => {
  assert.equal(isPostgresUrl('postgres://u@host/db'), true);
  assert.equal(isPostgresUrl('postgresql://u:p@127.0.0.1:5432/db?sslmode=disable'), true);
  assert.equal(isPostgresUrl('POSTGRES://host/db'), true);
  assert.equal(isPostgresUrl('.parallax/corpus.db'), false);
  assert.equal(isPostgresUrl(':memory:'), false);
  assert.equal(isPostgresUrl('./postgres://not-a-url.db'), false);
  assert.equal(isPostgresUrl('mysql://host/db'), false);
});

test('opening an unreachable PostgreSQL server fails with the reason, promptly', { timeout: 20_000 }, async () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  await assert.rejects(PostgresStore.open('postgres://nobody@127.0.0.1:1/none'), /ECONNREFUSED/);
  await assert.rejects(openStoreAt('postgresql://nobody@127.0.0.1:1/none'), /ECONNREFUSED/);
});

test('openStoreAt opens SQLite for a path and PostgreSQL for a URL', async (t) => {
  const file = await openStoreAt(join(sqliteDir.path, 'nested', 'open.db'));
  assert.ok(file instanceof SqliteStore, 'file instanceof SqliteStore');
  await file.close();
  const reason = postgres.unavailable();
  if (reason) return t.skip(reason);
  const server = await openStoreAt(await freshDatabase());
  assert.ok(server instanceof PostgresStore, 'server instanceof PostgresStore');
  await server.putArticle(harbour);
  assert.equal(await server.hasRaw(harbour.raw.id), true);
  await server.close();
});
