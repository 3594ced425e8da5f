/**
 * Parallax as a library: the same stages the CLI runs, as typed functions.
 *
 *   import { SqliteStore, ingest, annotateCorpus, relateCorpus, compareStory } from 'parallax';
 *   const store = new SqliteStore('news.db');
 *   await ingest(['crawl.warc.gz'], store);          // read → extract → clean → store → duplicates
 *   await annotateCorpus(store);                      // entities, quotes, events, times (incremental)
 *   const { stories } = await relateCorpus(store);    // stories, copies and spins
 *   await reextractCorpus(store);                     // after an upgrade: re-extract from the kept bytes
 *
 * Several machines: `new SqliteStore(…)` becomes `await PostgresStore.open('postgres://…')`, and
 * `enqueue(url, inputs)` plus `runWorker(url)` on each machine replace `ingest` (docs/scale-out.md).
 *
 * Document stages are pure: `extract(raw)` → Article, `annotate(text, { publishedAt })` → Annotations.
 */
export type * from './model.js';
export { ingest, annotateCorpus, findDuplicates, storePrepared, type PreparedRecord, type IngestOptions, type IngestSummary, type AnnotateSummary } from './pipeline.js';
export { reextractCorpus, compareArticles, type ReextractOptions, type ReextractSummary, type ArticleChange } from './reextract.js';
export { readSources } from './ingest/index.js';
export { extract, ExtractError } from './extract/index.js';
export { EXTRACT_VERSION } from './extract/version.js';
export { annotate, mergeCorpusEntities } from './nlp/index.js';
export type { Annotations, AnnotateOptions, CorpusEntity, EventAnn, Quote, TimeExpr, EntityMention } from './nlp/index.js';
export { relateCorpus, type CorpusRelations } from './stories/relate-corpus.js';
export { compareStory, type StoryComparison, type ComparableArticle, type Claim } from './stories/compare.js';
export type { Store, Awaitable } from './store/store.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export { PostgresStore } from './store/postgres/postgres-store.js';
export { openStoreAt, isPostgresUrl } from './store/open.js';
export { enqueue, runWorker, queueStatus, type EnqueueOptions, type EnqueueSummary, type WorkerOptions, type WorkerSummary, type QueueStatus } from './queue/index.js';
export { articleTable, storyTable, entityTable, quoteTable, eventTable, type ExportTable } from './export/tables.js';
export { writeTable, formatRow, type ExportFormat } from './export/write.js';
