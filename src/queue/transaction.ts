/** One transaction on one pooled connection, safe against the connection dropping mid-way. */
import type pg from 'pg';

function ignore(): void {}

/**
 * BEGIN, run `fn` on one client, COMMIT; ROLLBACK if `fn` throws. A checked-out client has no pool
 * listener, so a connection dropped between two statements (a server restart) would emit an unhandled
 * 'error' and crash the process; it is ignored here, and the next statement fails instead. A client
 * whose ROLLBACK fails is discarded, not returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}

/**
 * One statement string on a pooled connection. pg-boss sends some commands as a single
 * "BEGIN; …; COMMIT" string: if it fails half-way, the connection is left inside a failed transaction,
 * and returned to the pool like that it would fail every later statement. So a failure rolls back.
 */
export async function queryOnPool(pool: pg.Pool, text: string, values?: unknown[]): Promise<pg.QueryResult> {
  const client = await pool.connect();
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    return await client.query(text, values);
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}
