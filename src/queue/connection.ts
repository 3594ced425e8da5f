/**
 * One connection to the queue database: a pg pool shared by pg-boss and our own queue_raw statements, so
 * that a queue_raw write and its job can commit in one transaction (pg-boss calls accept `{ db }`).
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { BOSS_SCHEMA } from './boss-tables.js';
import { INGEST_QUEUE } from './jobs.js';
import { migrateQueueSchema } from './schema.js';
import type { Sql } from './raw-rows.js';
import { guardPool, inPooledTransaction, onPooledClient } from '../store/postgres/pooled-client.js';

export interface QueueConnection {
  pool: pg.Pool;
  boss: PgBoss;
  /** Run `fn` in one transaction; `db` makes pg-boss calls part of it. Rolled back if `fn` throws. */
  transaction<T>(fn: (sql: Sql, db: PgBoss.Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Workers supervise: they run pg-boss maintenance (expiring jobs of dead workers, archiving finished
   * ones). Short-lived clients (enqueue, status) do not.
   */
  supervise?: boolean;
  /** Connections in the pool. */
  maxConnections?: number;
  /** Shown in pg_stat_activity, so an operator can tell workers from enqueuers. */
  applicationName?: string;
  /**
   * Errors of pg-boss's background work (maintenance while the database is unreachable, ...). They are
   * not fatal: the next round tries again. Without a listener they would crash the process.
   */
  onBackgroundError?: (err: Error) => void;
}

function bossDb(sql: Sql): PgBoss.Db {
  return { executeSql: (text, values) => sql.query(text, values) };
}

/**
 * One statement string on a pooled connection. pg-boss sends some commands as a single
 * "BEGIN; …; COMMIT" string: if it fails half-way, the connection is left inside a failed transaction,
 * and returned to the pool like that it would fail every later statement. So a failure rolls back
 * (see onPooledClient).
 */
function queryOnPool(pool: pg.Pool, text: string, values?: unknown[]): Promise<pg.QueryResult> {
  return onPooledClient(pool, (client) => client.query(text, values));
}

export async function connectQueue(url: string, options: ConnectOptions = {}): Promise<QueueConnection> {
  // A client losing its server (restart, network) must not crash the process (guardPool); the next query retries.
  const pool = guardPool(new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4, application_name: options.applicationName ?? 'parallax-queue' }));
  try {
    await migrateQueueSchema(pool);
    const boss = new PgBoss({
      db: { executeSql: (text, values) => queryOnPool(pool, text, values) },
      schema: BOSS_SCHEMA,
      supervise: options.supervise ?? false,
      schedule: false,
      // Finished jobs stay visible to `queue-status` for a day, then move to pg-boss's archive.
      archiveCompletedAfterSeconds: 24 * 3600,
    });
    boss.on('error', (err) => options.onBackgroundError?.(err));
    await boss.start();
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, policy: 'standard' });
    const transaction = <T>(fn: (sql: Sql, db: PgBoss.Db) => Promise<T>): Promise<T> =>
      inPooledTransaction(pool, (client) => fn(client, bossDb(client)));
    let closed = false;
    return {
      pool,
      boss,
      transaction,
      async close() {
        if (closed) return;
        closed = true;
        await boss.stop({ graceful: false, close: false, wait: true });
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
