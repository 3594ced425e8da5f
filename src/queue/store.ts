/** The corpus store that queue workers write to: PostgreSQL, in the same database as the queue. */
import type { Store } from '../store/store.js';

export async function openQueueStore(url: string): Promise<Store> {
  const { PostgresStore } = await import('../store/postgres/postgres-store.js');
  return PostgresStore.open(url);
}
