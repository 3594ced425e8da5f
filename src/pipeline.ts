/**
 * The pipeline: the only place that knows the order of the stages.
 *
 *   readSources ──► extract ──► relate keys (text hash, MinHash) ──► store + duplicate relations
 *
 * Each record is independent until it reaches the store; records are committed in small batches, so a
 * crash (even kill -9) loses at most the batch in flight, and a re-run skips what was stored (ids are
 * content hashes) and completes the rest without duplicates.
 */
import { createHash } from 'node:crypto';
import type { Article, DuplicateRelation, IngestItem, RawRecord, RecordError } from './model.js';
import { extract } from './extract/index.js';
import { readSources, type ReadOptions } from './ingest/index.js';
import { newIngestStats } from './ingest/options.js';
import { normalizeForHash, wordShingles } from './similarity/shingles.js';
import { estimateJaccard, lshBandKeys, minhashSignature } from './similarity/minhash.js';
import type { Store } from './store/store.js';

export interface DuplicateOptions {
  /** Estimated Jaccard similarity of word 5-shingles at or above which two articles are near duplicates. */
  nearThreshold: number;
  /** MinHash permutations and LSH bands (rows per band = numPerm / bands). */
  numPerm: number;
  bands: number;
  shingleSize: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  nearThreshold: 0.8,
  numPerm: 128,
  bands: 32,
  shingleSize: 5,
};

export interface IngestOptions {
  duplicates?: Partial<DuplicateOptions>;
  read?: ReadOptions;
  /** Records per transaction: bigger is faster, smaller loses less on a crash. */
  batchSize?: number;
  /** Called after each record with the running summary (for progress bars). */
  onProgress?: (summary: IngestSummary, current: string) => void;
  /** Called for every per-document failure, as it happens. */
  onError?: (error: RecordError) => void;
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
  removalsByReason: Record<string, number>;
  /** Inputs passed over on purpose (WARC request records, non-200 responses, hidden files...), by reason. */
  skipped: Record<string, number>;
  elapsedMs: number;
}

/** What relating needs to know of an article's text: computed outside the store transaction. */
export interface RelateKeys {
  textHash: string;
  signature: Uint32Array;
  bandKeys: number[];
}

export function relateKeys(text: string, options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS): RelateKeys {
  const textHash = createHash('sha256').update(normalizeForHash(text)).digest('hex').slice(0, 32);
  const signature = minhashSignature(wordShingles(text, options.shingleSize), options.numPerm);
  return { textHash, signature, bandKeys: lshBandKeys(signature, options.bands) };
}

/** Duplicate relations of a new article against what is already stored (exact first, then LSH candidates). */
export function findDuplicates(
  store: Store,
  articleId: string,
  keys: RelateKeys,
  nearThreshold: number,
): DuplicateRelation[] {
  const relations: DuplicateRelation[] = [];
  const exact = new Set(store.articlesWithTextHash(keys.textHash).filter((id) => id !== articleId));
  for (const id of exact) relations.push({ a: id, b: articleId, kind: 'exact', similarity: 1 });
  for (const candidate of store.nearCandidates(keys.bandKeys)) {
    if (candidate.id === articleId || exact.has(candidate.id)) continue;
    const similarity = estimateJaccard(candidate.signature, keys.signature);
    if (similarity >= nearThreshold) relations.push({ a: candidate.id, b: articleId, kind: 'near', similarity });
  }
  return relations;
}

interface Prepared {
  raw: RawRecord;
  article: Article;
  keys: RelateKeys;
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
    removalsByReason: {},
    skipped: {},
    elapsedMs: 0,
  };
}

/** A stage failure becomes a per-document error; anything else (a bug) is reported the same way, never fatal. */
function toRecordError(raw: RawRecord, err: unknown): RecordError {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'extract-failed';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return { origin: raw.origin, stage: 'extract', code, message };
}

export async function ingest(inputs: string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const dup = { ...DEFAULT_DUPLICATE_OPTIONS, ...options.duplicates };
  const batchSize = options.batchSize ?? 64;
  const summary = emptySummary();
  const readStats = options.read?.stats ?? newIngestStats();
  summary.skipped = readStats.skipped; // filled in by the readers as they go
  const started = performance.now();
  let batch: Prepared[] = [];
  const pendingIds = new Set<string>();

  const fail = (error: RecordError) => {
    summary.failed++;
    summary.errorsByCode[error.code] = (summary.errorsByCode[error.code] ?? 0) + 1;
    options.onError?.(error);
    store.putError(error);
  };

  const flush = () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    pendingIds.clear();
    const storeOne = ({ raw, article, keys }: Prepared) => {
      store.putArticle({ raw, article, ...keys });
      const relations = findDuplicates(store, article.id, keys, dup.nearThreshold);
      store.putDuplicates(relations);
      return relations;
    };
    const count = (item: Prepared, relations: DuplicateRelation[]) => {
      for (const r of relations) r.kind === 'exact' ? summary.exactDuplicates++ : summary.nearDuplicates++;
      for (const removal of item.article.removals) {
        summary.removalsByReason[removal.reason] = (summary.removalsByReason[removal.reason] ?? 0) + 1;
      }
      summary.stored++;
    };
    try {
      const results = store.transaction(() => items.map(storeOne));
      items.forEach((item, i) => count(item, results[i]));
    } catch {
      // One bad record must not sink its batch: retry one by one and report the ones that still fail.
      for (const item of items) {
        try {
          count(item, store.transaction(() => storeOne(item)));
        } catch (err) {
          fail({ origin: item.raw.origin, stage: 'store', code: 'store-failed', message: String((err as Error)?.message ?? err) });
        }
      }
    }
  };

  const handle = (item: IngestItem) => {
    summary.read++;
    if (item.kind === 'error') {
      fail(item.error);
      return;
    }
    const raw = item.record;
    if (pendingIds.has(raw.id) || store.hasRaw(raw.id)) {
      summary.alreadyStored++;
      if (!pendingIds.has(raw.id)) store.addOrigin(raw.id, raw.origin);
      else pendingOrigins.push(raw);
      return;
    }
    let article: Article;
    try {
      article = extract(raw);
    } catch (err) {
      fail(toRecordError(raw, err));
      return;
    }
    batch.push({ raw, article, keys: relateKeys(article.text, dup) });
    pendingIds.add(raw.id);
    if (batch.length >= batchSize) flushAll();
  };

  // Same bytes seen twice inside one batch: the second origin is recorded once the first is committed.
  let pendingOrigins: RawRecord[] = [];
  const flushAll = () => {
    flush();
    for (const raw of pendingOrigins) store.addOrigin(raw.id, raw.origin);
    pendingOrigins = [];
  };

  try {
    for await (const item of readSources(inputs, { ...options.read, stats: readStats })) {
      handle(item);
      const current = item.kind === 'record' ? (item.record.origin.url ?? item.record.origin.path) : item.error.origin.path;
      summary.elapsedMs = performance.now() - started;
      options.onProgress?.(summary, current);
    }
  } finally {
    flushAll();
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}
