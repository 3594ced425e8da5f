/** One transaction, or one statement string, on one pooled connection (see store/postgres/pooled-client.ts). */
import type pg from 'pg';
import { inPooledTransaction, onPooledClient } from '../store/postgres/pooled-client.js';

/** BEGIN, run `fn` on one client, COMMIT; ROLLBACK if `fn` throws. */
export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inPooledTransaction(pool, fn);
}

/**
 * One statement string on a pooled connection. pg-boss sends some commands as a single
 * "BEGIN; …; COMMIT" string: if it fails half-way, the connection is left inside a failed transaction,
 * and returned to the pool like that it would fail every later statement. So a failure rolls back.
 */
export function queryOnPool(pool: pg.Pool, text: string, values?: unknown[]): Promise<pg.QueryResult> {
  return onPooledClient(pool, (client) => client.query(text, values));
}
