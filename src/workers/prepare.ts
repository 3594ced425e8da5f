/**
 * The per-document work of ingest, as one pure function: extract the article and compute its relate keys.
 * Runs in an extract worker thread (or inline); a failure becomes a per-document RecordError, never a throw.
 */
import { extract } from '../extract/index.js';
import type { Article, RawRecord, RecordError } from '../model.js';
import { relateKeys, type DuplicateOptions, type RelateKeys } from '../similarity/relate-keys.js';

export type PrepareOutcome =
  | { ok: true; article: Article; keys: RelateKeys }
  | { ok: false; error: RecordError };

export function prepareRecord(raw: RawRecord, duplicates: DuplicateOptions): PrepareOutcome {
  try {
    const article = extract(raw);
    return { ok: true, article, keys: relateKeys(article.text, duplicates) };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    // A RangeError (stack overflow) or any other bug is reported as this document's failure.
    const code = typeof e?.code === 'string' ? e.code : 'extract-failed';
    const message = typeof e?.message === 'string' ? e.message : String(err);
    return { ok: false, error: { origin: raw.origin, stage: 'extract', code, message } };
  }
}
