/**
 * Settings every worker must share, kept in the database rather than on each worker's command line.
 * The near-duplicate threshold decides the LSH band layout of every stored article: workers on two
 * machines with different thresholds would compute band keys that never meet, and silently miss
 * duplicates. So the first `enqueue` fixes it for the database, and workers read it from there.
 */
import type { Sql } from './raw-rows.js';

const NEAR_THRESHOLD = 'near_threshold';

/** An enqueue asked for a setting that differs from the one the database is fixed to. */
export class QueueSettingsError extends Error {}

/**
 * The database's near-duplicate threshold: fixed to `requested` (or `fallback`) if none is yet; an error
 * if `requested` differs from the one fixed before.
 */
export async function fixNearThreshold(sql: Sql, requested: number | undefined, fallback: number): Promise<number> {
  await sql.query('INSERT INTO queue_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    NEAR_THRESHOLD,
    String(requested ?? fallback),
  ]);
  const fixed = (await storedNearThreshold(sql))!;
  if (requested !== undefined && requested !== fixed) {
    throw new QueueSettingsError(
      `this database relates articles at near-duplicate threshold ${fixed}; it cannot change to ${requested} ` +
        '(the stored articles\' LSH keys follow it). Leave the threshold out, or use another database.',
    );
  }
  return fixed;
}

/** The threshold fixed by the first enqueue, or null before any. */
export async function storedNearThreshold(sql: Sql): Promise<number | null> {
  const { rows } = await sql.query<{ value: string }>('SELECT value FROM queue_settings WHERE key = $1', [NEAR_THRESHOLD]);
  return rows.length > 0 ? Number(rows[0].value) : null;
}
