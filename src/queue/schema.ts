/**
 * The queue's own tables, beside pg-boss's schema and the store's tables in the same database.
 * Migrations are appended, never edited; each runs once, under an advisory lock so that several workers
 * starting together do not race to create the same table.
 */
import type pg from 'pg';
import { inPooledTransaction } from '../store/postgres/pooled-client.js';

const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'queue_raw: the bytes of every queued record until a worker has stored it',
    sql: `
      CREATE TABLE IF NOT EXISTS queue_raw (
        id            TEXT PRIMARY KEY,                -- raw record id (content hash)
        type          TEXT NOT NULL,                   -- 'html' | 'text'
        bytes         BYTEA NOT NULL,
        -- JSON as TEXT, not JSONB: JSONB rejects the NUL character (escaped in JSON) a hostile feed or JSONL
        -- field can carry, and these values are only ever read back whole.
        hints         TEXT NOT NULL,                   -- RecordHints
        origin        TEXT NOT NULL,                   -- first RawOrigin seen
        extra_origins TEXT[] NOT NULL DEFAULT '{}',    -- the same bytes seen elsewhere before storing
        enqueued_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'queue_settings: what every worker must agree on (the near-duplicate threshold)',
    sql: `
      CREATE TABLE IF NOT EXISTS queue_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

/** Names the advisory lock that serialises concurrent migrations of the queue tables. */
const MIGRATION_LOCK = 'parallax-queue-migrations';

export async function migrateQueueSchema(pool: pg.Pool): Promise<void> {
  await inPooledTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS queue_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM queue_migrations');
    const applied = rows[0]?.v ?? 0;
    for (const m of MIGRATIONS) {
      if (m.version <= applied) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO queue_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  });
}
