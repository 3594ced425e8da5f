/**
 * The per-document work of ingest, as one pure function: extract the article and compute its relate keys,
 * and, when asked (queue workers), its annotation layers too, so that the CPU-heavy reading is spread over
 * the machines that extract. Runs in an extract worker thread (or inline); a failure becomes a
 * per-document RecordError, never a throw.
 */
import { extract } from '../extract/index.js';
import type { Article, RawRecord, RecordError } from '../model.js';
import { annotate } from '../nlp/index.js';
import type { Annotations } from '../nlp/types.js';
import { relateKeys, type DuplicateOptions, type RelateKeys } from '../similarity/relate-keys.js';

export type PrepareOutcome =
  | { ok: true; article: Article; keys: RelateKeys; annotations?: Annotations | null }
  | { ok: false; error: RecordError };

/**
 * `withAnnotations`: also annotate the clean text (relative times resolve against the publication date,
 * else now, the ingest time). An annotator failure leaves `annotations` null: the article is still
 * stored, and the next corpus read annotates it again and records the failure.
 */
export function prepareRecord(raw: RawRecord, duplicates: DuplicateOptions, withAnnotations = false): PrepareOutcome {
  try {
    const article = extract(raw);
    const keys = relateKeys(article.text, duplicates);
    if (!withAnnotations) return { ok: true, article, keys };
    let annotations: Annotations | null = null;
    try {
      annotations = annotate(article.text, { publishedAt: article.publishedAt, ingestedAt: new Date().toISOString(), language: article.language });
    } catch {
      annotations = null;
    }
    return { ok: true, article, keys, annotations };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    // A RangeError (stack overflow) or any other bug is reported as this document's failure.
    const code = typeof e?.code === 'string' ? e.code : 'extract-failed';
    const message = typeof e?.message === 'string' ? e.message : String(err);
    return { ok: false, error: { origin: raw.origin, stage: 'extract', code, message } };
  }
}
