/** The corpus store that queue commands write to: PostgreSQL, in the same database as the queue. */
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';

export function openQueueStore(url: string): Promise<Store> {
  return PostgresStore.open(url);
}
