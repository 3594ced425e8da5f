/**
 * Reads of pg-boss's own job table, where its API has no call for what we need (the states of many jobs
 * at once; counts of every state of one queue). The table is part of pg-boss's documented schema; these
 * are the only places that depend on it, and they only read.
 */
import { INGEST_QUEUE } from './jobs.js';
import type { Sql } from './raw-rows.js';

/** pg-boss's schema (its default), set explicitly in connection.ts so these reads agree with it. */
export const BOSS_SCHEMA = 'pgboss';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** State of each of these ingest jobs that pg-boss still holds (archived or never created: absent). */
export async function jobStates(sql: Sql, jobIds: string[]): Promise<Map<string, JobState>> {
  const { rows } = await sql.query<{ id: string; state: JobState }>(
    `SELECT id::text AS id, state::text AS state FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
    [INGEST_QUEUE, jobIds],
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

/** Ingest jobs per state. */
export async function jobCounts(sql: Sql): Promise<Map<JobState, number>> {
  const { rows } = await sql.query<{ state: JobState; n: string }>(
    `SELECT state::text AS state, count(*) AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    [INGEST_QUEUE],
  );
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/** Ingest jobs that failed for good, newest first. */
export async function failedJobs(sql: Sql, limit: number) {
  const { rows } = await sql.query<{ id: string; data: { rawId?: unknown } | null; retry_count: number; completed_on: Date | null; output: unknown }>(
    `SELECT id::text AS id, data, retry_count, completed_on, output FROM ${BOSS_SCHEMA}.job
     WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
    [INGEST_QUEUE, limit],
  );
  return rows;
}

/** Ingest jobs completed in the last `seconds` seconds (the queue's recent throughput). */
export async function recentlyCompleted(sql: Sql, seconds: number): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${BOSS_SCHEMA}.job
     WHERE name = $1 AND state = 'completed' AND completed_on > now() - make_interval(secs => $2)`,
    [INGEST_QUEUE, seconds],
  );
  return Number(rows[0]?.n ?? 0);
}
