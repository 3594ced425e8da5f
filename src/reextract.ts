/**
 * Re-extraction: run the extract stage again over the raw bytes the store kept, and bring the stored
 * articles up to date. This is what keeping the raw input is for: a better extractor (a new Parallax
 * version, EXTRACT_VERSION) improves a corpus ingested long ago without reading its sources again.
 *
 *   storedRecords ──► extract ──► relate keys ──► compare with the stored article ──► replace + duplicates
 *
 * An article keeps its id (the hash of its bytes), its ingest order and its origins. When its text
 * changes, its duplicate relations are found again; its annotation layers are recomputed on the next
 * corpus read (the store drops them when the text or publication time changes), and stories too.
 * A document that no longer extracts keeps the article it had; the failure is reported and stored.
 */
import { availableParallelism } from 'node:os';
import type { Article, DuplicateRelation, RecordError } from './model.js';
import { EXTRACT_VERSION } from './extract/version.js';
import { findDuplicates } from './pipeline.js';
import { DEFAULT_DUPLICATE_OPTIONS, type DuplicateOptions } from './similarity/relate-keys.js';
import type { StoredArticle, Store, StoredRecord } from './store/store.js';
import { ExtractPool } from './workers/pool.js';
import { prepareRecord, type PrepareOutcome } from './workers/prepare.js';

/** Metadata fields whose old and new values a change lists. */
export const COMPARED_FIELDS = ['title', 'publishedAt', 'outlet', 'byline', 'language', 'url', 'canonicalUrl'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Recorded details a change names without their values (they are long or structured). */
const DETAIL_FIELDS = ['dateline', 'metaSources', 'repairs', 'quality'] as const;

/** How a new extraction differs from the stored article. */
export interface ArticleChange {
  id: string;
  /** The title after the change (before it, when the new extraction has none), to name the article. */
  title: string | null;
  fields: Array<{ field: ComparedField; before: string | null; after: string | null }>;
  /** Clean text length in characters, when the text changed. */
  text: { before: number; after: number } | null;
  /** Number of removed spans, when the removals changed. */
  removals: { before: number; after: number } | null;
  /** Other recorded details that changed: `dateline`, `metaSources`, `repairs`, `quality`. */
  details: Array<(typeof DETAIL_FIELDS)[number]>;
}

export interface ReextractOptions {
  /** Every article, not only those an older extract version made. */
  all?: boolean;
  /** Only these article ids (full ids). */
  ids?: string[];
  /** Compare and report, write nothing. */
  dryRun?: boolean;
  /** Extract worker threads; 0 extracts on the main thread. Default: one per core. */
  workers?: number;
  documentTimeoutMs?: number;
  duplicates?: Partial<DuplicateOptions>;
  /** Called for each article whose new extraction differs, as it is found. */
  onChange?: (change: ArticleChange) => void;
  onError?: (error: RecordError) => void;
  onProgress?: (summary: ReextractSummary) => void;
}

export interface ReextractSummary {
  /** The extract version the articles were brought to. */
  version: number;
  dryRun: boolean;
  /** Stored articles extracted again. */
  checked: number;
  /** Articles the new extraction changed (replaced, unless a dry run). */
  changed: number;
  unchanged: number;
  /** Articles that no longer extract: each keeps its stored article. */
  failed: number;
  errorsByCode: Record<string, number>;
  /** Articles changed per field (`text`, `removals`, the metadata fields, the details). */
  fieldsChanged: Record<string, number>;
  /** Duplicate relations found again for articles whose text changed. */
  duplicates: { exact: number; near: number };
  elapsedMs: number;
}

/** Records read from the store per round: as many are extracted at once. */
const PAGE = 64;

export async function reextractCorpus(store: Store, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const started = performance.now();
  const dup = { ...DEFAULT_DUPLICATE_OPTIONS, ...options.duplicates };
  const dryRun = options.dryRun === true;
  const summary: ReextractSummary = {
    version: EXTRACT_VERSION,
    dryRun,
    checked: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    errorsByCode: {},
    fieldsChanged: {},
    duplicates: { exact: 0, near: 0 },
    elapsedMs: 0,
  };
  const workers = options.workers ?? Math.max(1, availableParallelism());
  const pool = workers > 0 ? new ExtractPool({ workers, duplicates: dup, timeoutMs: options.documentTimeoutMs ?? 60_000 }) : null;
  // named ids or --all: whatever their version; otherwise the articles an older extractor made
  const olderThan = options.all || options.ids ? undefined : EXTRACT_VERSION;
  /** Ingest position of every article, read once when a changed text needs its relations oriented. */
  let ingestOrder: Map<string, number> | null = null;
  const orderOf = async () => (ingestOrder ??= new Map((await store.articleIds()).map((id, i) => [id, i])));

  try {
    let afterSeq = 0;
    for (;;) {
      const page = await store.storedRecords({ limit: PAGE, afterSeq, olderThan, ids: options.ids });
      if (page.length === 0) break;
      afterSeq = page[page.length - 1].seq;
      const outcomes = await Promise.all(page.map((r) => (pool ? pool.run(r.raw) : Promise.resolve(prepareRecord(r.raw, dup)))));
      const current: string[] = [];
      for (const [i, record] of page.entries()) {
        const outcome = outcomes[i];
        summary.checked++;
        if (!outcome.ok) {
          await fail(store, summary, record, outcome.error, options);
          continue;
        }
        const before = await store.getArticle(record.raw.id);
        if (!before) continue;
        const change = compareArticles(before, outcome.article);
        if (!change) {
          summary.unchanged++;
          current.push(record.raw.id);
          continue;
        }
        summary.changed++;
        countFields(summary, change);
        options.onChange?.(change);
        if (!dryRun) await replace(store, record, outcome, dup.nearThreshold, orderOf, summary);
      }
      if (!dryRun) await store.markExtracted(current, EXTRACT_VERSION);
      summary.elapsedMs = performance.now() - started;
      options.onProgress?.(summary);
    }
  } finally {
    await pool?.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Replace the stored article and, when its text changed, find its duplicates again: one transaction. */
async function replace(
  store: Store,
  record: StoredRecord,
  outcome: Extract<PrepareOutcome, { ok: true }>,
  nearThreshold: number,
  orderOf: () => Promise<Map<string, number>>,
  summary: ReextractSummary,
): Promise<void> {
  const { article, keys } = outcome;
  const relations = await store.transaction(async () => {
    const { textChanged } = await store.replaceArticle({ raw: record.raw, article, ...keys, extractVersion: EXTRACT_VERSION });
    if (!textChanged) return [];
    const order = await orderOf();
    // a relation names the earlier-stored article first (DuplicateRelation), whichever was re-extracted
    const found = (await findDuplicates(store, article.id, keys, nearThreshold)).map((r): DuplicateRelation =>
      (order.get(r.a) ?? 0) <= (order.get(r.b) ?? 0) ? r : { ...r, a: r.b, b: r.a },
    );
    await store.putDuplicates(found);
    return found;
  });
  for (const r of relations) summary.duplicates[r.kind]++;
}

async function fail(store: Store, summary: ReextractSummary, record: StoredRecord, error: RecordError, options: ReextractOptions): Promise<void> {
  summary.failed++;
  summary.errorsByCode[error.code] = (summary.errorsByCode[error.code] ?? 0) + 1;
  const kept: RecordError = { ...error, message: `re-extraction failed, the stored article is kept: ${error.message}` };
  options.onError?.(kept);
  if (!options.dryRun) await store.putError(kept);
}

function countFields(summary: ReextractSummary, change: ArticleChange): void {
  const names = [...change.fields.map((f) => f.field), ...(change.text ? ['text'] : []), ...(change.removals ? ['removals'] : []), ...change.details];
  for (const name of names) summary.fieldsChanged[name] = (summary.fieldsChanged[name] ?? 0) + 1;
}

/** How `after` differs from the stored article, or null when it is the same article. */
export function compareArticles(before: StoredArticle | Article, after: Article): ArticleChange | null {
  const fields: ArticleChange['fields'] = [];
  for (const field of COMPARED_FIELDS) {
    if ((before[field] ?? null) !== (after[field] ?? null)) fields.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  const text = before.text === after.text ? null : { before: before.text.length, after: after.text.length };
  const removals = canonical(before.removals) === canonical(after.removals) ? null : { before: before.removals.length, after: after.removals.length };
  const details = DETAIL_FIELDS.filter((f) => canonical(before[f]) !== canonical(after[f]));
  if (!fields.length && !text && !removals && !details.length) return null;
  return { id: after.id, title: after.title ?? before.title, fields, text, removals, details };
}

/** JSON with object keys sorted and undefined as null: equal values give equal strings, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
