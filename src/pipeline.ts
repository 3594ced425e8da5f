/**
 * The pipeline: the only place that knows the order of the stages.
 *
 *   readSources ──► extract ──► relate keys (text hash, MinHash) ──► store + duplicate relations
 *
 * Each record is independent until it reaches the store; records are committed in small batches, so a
 * crash (even kill -9) loses at most the batch in flight, and a re-run skips what was stored (ids are
 * content hashes) and completes the rest without duplicates.
 */
import { availableParallelism } from 'node:os';
import type { Article, DuplicateRelation, RawRecord, RecordError } from './model.js';
import { readSources, recordUrls, untilAborted, type ReadOptions } from './ingest/index.js';
import { countSkip, newIngestStats } from './ingest/options.js';
import { estimateJaccard } from './similarity/minhash.js';
import { DEFAULT_DUPLICATE_OPTIONS, type DuplicateOptions, type RelateKeys } from './similarity/relate-keys.js';
import type { Store } from './store/store.js';
import { ExtractPool } from './workers/pool.js';
import { EXTRACT_VERSION } from './extract/version.js';
import { annotate } from './nlp/index.js';
import { ANNOTATION_VERSION } from './nlp/version.js';
import { prepareRecord, type PrepareOutcome } from './workers/prepare.js';

export { DEFAULT_DUPLICATE_OPTIONS, relateKeys, type DuplicateOptions, type RelateKeys } from './similarity/relate-keys.js';

export interface IngestOptions {
  duplicates?: Partial<DuplicateOptions>;
  read?: ReadOptions;
  /** Records per transaction: bigger is faster, smaller loses less on a crash. */
  batchSize?: number;
  /** Extract worker threads; 0 extracts on the main thread. Default: one per core. */
  workers?: number;
  /** Longest time one document may take to extract before it fails with `timeout`. */
  documentTimeoutMs?: number;
  /** Called after each record with the running summary (for progress bars). */
  onProgress?: (summary: IngestSummary, current: string) => void;
  /** Called for every per-document failure, as it happens. */
  onError?: (error: RecordError) => void;
  /**
   * Stop early: no new record is read once it fires; what was read is still extracted and stored,
   * so the run ends promptly and loses nothing (`parallax watch` on Ctrl-C).
   */
  signal?: AbortSignal;
}

export interface IngestSummary {
  /** Records read from the inputs (documents inside containers counted one by one). */
  read: number;
  /** New articles stored. */
  stored: number;
  /** Records whose exact bytes were already stored (re-ingest is a no-op; the new origin is recorded). */
  alreadyStored: number;
  failed: number;
  errorsByCode: Record<string, number>;
  exactDuplicates: number;
  nearDuplicates: number;
  /** Feed items kept in place of a page that failed for now, replaced now that the page came. */
  standInsReplaced: number;
  removalsByReason: Record<string, number>;
  /** Inputs passed over on purpose (WARC request records, non-200 responses, hidden files...), by reason. */
  skipped: Record<string, number>;
  elapsedMs: number;
}

/** Duplicate relations of a new article against what is already stored (exact first, then LSH candidates). */
export async function findDuplicates(
  store: Store,
  articleId: string,
  keys: RelateKeys,
  nearThreshold: number,
): Promise<DuplicateRelation[]> {
  const relations: DuplicateRelation[] = [];
  const exact = new Set((await store.articlesWithTextHash(keys.textHash)).filter((id) => id !== articleId));
  for (const id of exact) relations.push({ a: id, b: articleId, kind: 'exact', similarity: 1 });
  for (const candidate of await store.nearCandidates(keys.bandKeys)) {
    if (candidate.id === articleId || exact.has(candidate.id)) continue;
    const similarity = estimateJaccard(candidate.signature, keys.signature);
    if (similarity >= nearThreshold) relations.push({ a: candidate.id, b: articleId, kind: 'near', similarity });
  }
  return relations;
}

/** An extracted document ready to be stored. */
export interface PreparedRecord {
  raw: RawRecord;
  article: Article;
  keys: RelateKeys;
}

/**
 * Store one extracted document and its duplicate relations against what is stored. Call it inside
 * `store.transaction`, so the article and its relations land together (and, on a shared server, so
 * concurrent writers see each other's articles).
 */
export async function storePrepared(store: Store, { raw, article, keys }: PreparedRecord, nearThreshold: number): Promise<DuplicateRelation[]> {
  await store.putArticle({ raw, article, ...keys, extractVersion: EXTRACT_VERSION });
  const relations = await findDuplicates(store, article.id, keys, nearThreshold);
  await store.putDuplicates(relations);
  return relations;
}

/**
 * What a read into this store passes over: links it already holds (`--follow-links` does not fetch
 * them), and documents and URLs deleted with `--keep-out`. `keptOut` is null when nothing is kept
 * out, so a run asks the store nothing more per record.
 */
export async function storeReadGuards(store: Store): Promise<{ skipUrl: (url: string) => Promise<boolean>; keptOut: ((raw: RawRecord) => Promise<boolean>) | null }> {
  const keepingOut = (await store.keptOut()).length > 0;
  return {
    skipUrl: async (url) => (await store.hasOriginUrl(url)) || (keepingOut && (await store.isKeptOut(null, [url]))),
    keptOut: keepingOut ? async (raw) => store.isKeptOut(raw.id, recordUrls(raw)) : null,
  };
}

/**
 * A page fetched for a feed item (`--follow-links`) replaces the stand-ins stored for it earlier: feed
 * items kept in its place while its fetch failed for now, and kept for nothing else. Call it in the
 * transaction that stores the page. Returns how many were replaced (deleted).
 */
export async function replaceStandIns(store: Store, raw: RawRecord): Promise<number> {
  const o = raw.origin;
  if (o.reader !== 'html' || o.feedItemId === undefined || !o.url) return 0;
  const standIns = (await store.standInsFor(o.url)).filter((id) => id !== raw.id);
  return standIns.length ? store.deleteArticles(standIns) : 0;
}

function emptySummary(): IngestSummary {
  return {
    read: 0,
    stored: 0,
    alreadyStored: 0,
    failed: 0,
    errorsByCode: {},
    exactDuplicates: 0,
    nearDuplicates: 0,
    standInsReplaced: 0,
    removalsByReason: {},
    skipped: {},
    elapsedMs: 0,
  };
}

/** How many documents may be in flight (read, not yet stored) per worker: keeps workers busy, memory bounded. */
const IN_FLIGHT_PER_WORKER = 8;

/** What happened to one input item, resolved in input order so stored order is deterministic. */
type Step =
  | { kind: 'error'; error: RecordError }
  | { kind: 'seen'; raw: RawRecord }
  | { kind: 'prepared'; raw: RawRecord; outcome: PrepareOutcome };

export async function ingest(inputs: string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const dup = { ...DEFAULT_DUPLICATE_OPTIONS, ...options.duplicates };
  const batchSize = options.batchSize ?? 64;
  const workers = options.workers ?? Math.max(1, availableParallelism());
  // started at the first document to extract: a run over what is already stored (a watch round with
  // nothing new) does not pay for starting worker threads
  const lazy: { pool: ExtractPool | null } = { pool: null };
  const extractor = () => (lazy.pool ??= new ExtractPool({ workers, duplicates: dup, timeoutMs: options.documentTimeoutMs ?? 60_000 }));
  const summary = emptySummary();
  const readStats = options.read?.stats ?? newIngestStats();
  summary.skipped = readStats.skipped; // filled in by the readers as they go
  const started = performance.now();
  let batch: PreparedRecord[] = [];
  /** Ids read in this run and not yet committed: the same bytes twice in one run are one document. */
  const inFlight = new Set<string>();
  let pendingOrigins: RawRecord[] = [];

  const fail = async (error: RecordError) => {
    summary.failed++;
    summary.errorsByCode[error.code] = (summary.errorsByCode[error.code] ?? 0) + 1;
    options.onError?.(error);
    await store.putError(error);
  };

  /** What storing one record did: its new duplicate relations, and the stand-ins its page replaced. */
  type Stored = { relations: DuplicateRelation[]; replaced: number };
  const storeOne = async (item: PreparedRecord): Promise<Stored> => {
    const relations = await storePrepared(store, item, dup.nearThreshold);
    const replaced = await replaceStandIns(store, item.raw);
    return { relations, replaced };
  };
  const count = (item: PreparedRecord, { relations, replaced }: Stored) => {
    summary.standInsReplaced += replaced;
    for (const r of relations) {
      if (r.kind === 'exact') summary.exactDuplicates++;
      else summary.nearDuplicates++;
    }
    for (const removal of item.article.removals) {
      summary.removalsByReason[removal.reason] = (summary.removalsByReason[removal.reason] ?? 0) + 1;
    }
    summary.stored++;
  };

  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length > 0) {
      try {
        const results = await store.transaction(async () => {
          const out: Stored[] = [];
          for (const item of items) out.push(await storeOne(item));
          return out;
        });
        items.forEach((item, i) => count(item, results[i]));
      } catch {
        // One bad record must not sink its batch: retry one by one and report the ones that still fail.
        for (const item of items) {
          try {
            count(item, await store.transaction(() => storeOne(item)));
          } catch (err) {
            await fail({ origin: item.raw.origin, stage: 'store', code: 'store-failed', message: String((err as Error)?.message ?? err) });
          }
        }
      }
    }
    // Same bytes seen twice before the first copy was committed: record the second origin now.
    for (const raw of pendingOrigins) if (await store.hasRaw(raw.id)) await store.addOrigin(raw.id, raw.origin);
    pendingOrigins = [];
    for (const item of items) inFlight.delete(item.raw.id);
  };

  const settle = async (step: Step) => {
    if (step.kind === 'error') {
      await fail(step.error);
    } else if (step.kind === 'seen') {
      summary.alreadyStored++;
      if (await store.hasRaw(step.raw.id)) await store.addOrigin(step.raw.id, step.raw.origin);
      else pendingOrigins.push(step.raw);
    } else if (!step.outcome.ok) {
      inFlight.delete(step.raw.id);
      await fail(step.outcome.error);
    } else {
      batch.push({ raw: step.raw, article: step.outcome.article, keys: step.outcome.keys });
      if (batch.length >= batchSize) await flush();
    }
    summary.elapsedMs = performance.now() - started;
  };

  // Steps are started in input order and settled in the same order, with up to `window` in flight.
  const window = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  const queue: Array<{ step: Promise<Step>; label: string }> = [];
  const settleHead = async () => {
    const head = queue.shift()!;
    await settle(await head.step);
    options.onProgress?.(summary, head.label);
  };

  try {
    const guards = await storeReadGuards(store);
    const items = readSources(inputs, { ...options.read, stats: readStats, skipUrl: guards.skipUrl, ...(options.signal ? { signal: options.signal } : {}) });
    for await (const item of options.signal ? untilAborted(items, options.signal) : items) {
      if (guards.keptOut && item.kind === 'record' && (await guards.keptOut(item.record))) {
        countSkip(readStats, 'kept-out');
        continue;
      }
      summary.read++;
      let step: Promise<Step>;
      let label: string;
      if (item.kind === 'error') {
        label = item.error.origin.path;
        step = Promise.resolve({ kind: 'error', error: item.error });
      } else {
        const raw = item.record;
        label = raw.origin.url ?? raw.origin.path;
        if (inFlight.has(raw.id) || (await store.hasRaw(raw.id))) {
          step = Promise.resolve({ kind: 'seen', raw });
        } else {
          inFlight.add(raw.id);
          const outcome = workers > 0 ? extractor().run(raw) : Promise.resolve(prepareRecord(raw, dup));
          step = outcome.then((o) => ({ kind: 'prepared', raw, outcome: o }));
        }
      }
      queue.push({ step, label });
      while (queue.length >= window) await settleHead();
    }
    while (queue.length > 0) await settleHead();
  } finally {
    try {
      await flush();
    } finally {
      await lazy.pool?.close();
    }
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}

export interface AnnotateSummary {
  annotated: number;
  failed: number;
  elapsedMs: number;
}

/**
 * Bring every stored article's annotation layers (entities, quotes, events, times) up to date: annotate
 * the articles that have none, or older ones. Incremental: a second call does nothing until new articles
 * arrive. Relative times resolve against the publication date, else the ingest time (and say so).
 */
export async function annotateCorpus(store: Store, onProgress?: (done: number) => void): Promise<AnnotateSummary> {
  const started = performance.now();
  const summary: AnnotateSummary = { annotated: 0, failed: 0, elapsedMs: 0 };
  let afterSeq = 0;
  for (;;) {
    const todo = await store.articlesToAnnotate(ANNOTATION_VERSION, 256, afterSeq);
    if (todo.length === 0) break;
    for (const item of todo) {
      afterSeq = item.seq;
      try {
        const layers = annotate(item.text, { publishedAt: item.publishedAt, ingestedAt: item.ingestedAt, language: item.language });
        await store.putAnnotations(item.id, ANNOTATION_VERSION, layers);
        summary.annotated++;
      } catch (err) {
        // An annotator bug on one article must not stop the others; it is reported and retried next run.
        summary.failed++;
        await store.putError({
          origin: { path: item.id, reader: 'text' },
          stage: 'annotate',
          code: 'annotate-failed',
          message: String((err as Error)?.message ?? err),
        });
      }
      onProgress?.(summary.annotated);
    }
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
