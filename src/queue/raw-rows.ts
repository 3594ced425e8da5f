/** Raw records in `queue_raw`: written by enqueue, read and deleted by the worker that stores them. */
import type { RawOrigin, RawRecord } from '../model.js';

/** Anything that runs SQL: the pool, or one client inside a transaction. */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * Queue records' bytes, one row per id (ids must be distinct). Returns the ids whose row is new; the
 * others were already queued.
 */
export async function insertRaws(sql: Sql, records: RawRecord[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO queue_raw (id, type, bytes, hints, origin)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[], $5::text[])
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      records.map((r) => r.id),
      records.map((r) => r.type),
      records.map((r) => Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength)),
      records.map((r) => JSON.stringify(r.hints)),
      records.map((r) => JSON.stringify(r.origin)),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Other places queued bytes were read from (at most one per id per call): kept with their rows, unless
 * already there, so the store learns every origin when the record is stored.
 */
export async function addQueuedOrigins(sql: Sql, records: RawRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql.query(
    `UPDATE queue_raw q SET extra_origins = array_append(q.extra_origins, o.origin)
     FROM unnest($1::text[], $2::text[]) AS o(id, origin)
     WHERE q.id = o.id AND q.origin <> o.origin AND NOT (o.origin = ANY (q.extra_origins))`,
    [records.map((r) => r.id), records.map((r) => JSON.stringify(r.origin))],
  );
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
