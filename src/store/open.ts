/**
 * Open the store a user named: a PostgreSQL URL for a shared server, anything else a SQLite file path
 * (or ":memory:"). The one place that knows which Store implementations exist.
 */
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** True for `postgres://…` and `postgresql://…` connection URLs (the two schemes libpq accepts). */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export async function openStoreAt(spec: string): Promise<Store> {
  return isPostgresUrl(spec) ? PostgresStore.open(spec) : new SqliteStore(spec);
}
