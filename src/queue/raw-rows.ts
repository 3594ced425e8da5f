/** Raw records in `queue_raw`: written by enqueue, read and deleted by the worker that stores them. */
import type { RawOrigin, RawRecord } from '../model.js';

/** Anything that runs SQL: the pool, or one client inside a transaction. */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * Queue a record's bytes. Returns true when the row is new; false when these bytes are already queued
 * (the origin is then added to the row's extra origins, so the store learns every place they were seen).
 */
export async function insertRaw(sql: Sql, raw: RawRecord): Promise<boolean> {
  const origin = JSON.stringify(raw.origin);
  const { rows } = await sql.query<{ inserted: boolean }>(
    `INSERT INTO queue_raw (id, type, bytes, hints, origin) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET extra_origins = array_append(queue_raw.extra_origins, $5)
       WHERE queue_raw.origin <> $5 AND NOT ($5 = ANY (queue_raw.extra_origins))
     RETURNING (xmax = 0) AS inserted`,
    [raw.id, raw.type, Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength), JSON.stringify(raw.hints), origin],
  );
  return rows[0]?.inserted === true;
}

export interface QueuedRaw {
  raw: RawRecord;
  /** Other places the same bytes were read from, after the first. */
  extraOrigins: RawOrigin[];
}

/** Byte sizes of the queued rows of these ids (ids with no row are absent: their work is done). */
export async function rawSizes(sql: Sql, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ id: string; n: number }>('SELECT id, octet_length(bytes) AS n FROM queue_raw WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The queued rows of these ids (ids with no row are absent from the map: their work is done). */
export async function loadRaws(sql: Sql, ids: string[]): Promise<Map<string, QueuedRaw>> {
  const { rows } = await sql.query<{ id: string; type: RawRecord['type']; bytes: Buffer; hints: string; origin: string; extra_origins: string[] }>(
    'SELECT id, type, bytes, hints, origin, extra_origins FROM queue_raw WHERE id = ANY($1::text[])',
    [ids],
  );
  const found = new Map<string, QueuedRaw>();
  for (const row of rows) {
    // A copy, not a view: small bytea values are slices of a shared pool buffer, and the record may be
    // posted to an extract thread, which would copy the whole pool buffer along.
    const bytes = new Uint8Array(row.bytes);
    const raw: RawRecord = { id: row.id, type: row.type, bytes, hints: JSON.parse(row.hints), origin: JSON.parse(row.origin) };
    found.set(row.id, { raw, extraOrigins: row.extra_origins.map((o) => JSON.parse(o) as RawOrigin) });
  }
  return found;
}

export async function deleteRaws(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length > 0) await sql.query('DELETE FROM queue_raw WHERE id = ANY($1::text[])', [ids]);
}

/** Rows still queued (not yet stored) and their total size. */
export async function rawBacklog(sql: Sql): Promise<{ records: number; bytes: number }> {
  const { rows } = await sql.query<{ n: string; b: string | null }>('SELECT count(*) AS n, sum(octet_length(bytes)) AS b FROM queue_raw');
  return { records: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.b ?? 0) };
}
