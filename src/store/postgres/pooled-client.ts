/**
 * Work on one connection checked out of a `pg` pool, safe against the connection dropping mid-way and
 * against leaving a failed transaction on a connection that goes back to the pool. Shared by the
 * PostgreSQL store and the work queue.
 */
import type pg from 'pg';

function ignore(): void {}

/**
 * Connection errors never crash the process. A connection the server drops (a restart, a network cut,
 * pg_terminate_backend) emits 'error' on its client, and an unlistened 'error' kills Node: on the pool
 * for idle clients, and on the client itself in the moments no query owns it (between statements, while
 * a broken client is being closed). Every client of the pool gets a listener for life; the failure
 * still reaches the caller through the query it breaks, and the pool discards the client.
 */
export function guardPool(pool: pg.Pool): pg.Pool {
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}

/**
 * Run `fn` on one pooled client. A checked-out client has no pool listener, so a connection dropped
 * between two statements (a server restart) would emit an unhandled 'error' and crash the process; it
 * is ignored here, and the pending or next statement fails instead. When `fn` throws, the connection is
 * rolled back (it may be inside a transaction `fn` began, or inside a "BEGIN; …; COMMIT" string that
 * failed half-way); a client whose ROLLBACK fails is discarded, not returned to the pool.
 */
export async function onPooledClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    // A broken client is being discarded: the server's farewell ("terminating connection", 57P01) can
    // still arrive while the pool closes it, so it keeps the listener to the end. A healthy one goes
    // back to the pool, whose own idle listener takes over.
    if (!broken) client.off('error', ignore);
    client.release(broken);
  }
}

/** BEGIN, run `fn` on one pooled client, COMMIT; ROLLBACK if `fn` throws (see onPooledClient). */
export function inPooledTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return onPooledClient(pool, async (client) => {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  });
}
