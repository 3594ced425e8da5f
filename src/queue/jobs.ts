/**
 * One pg-boss job per raw record. The job carries only the record id; the bytes travel in `queue_raw`
 * (raw-rows.ts), so workers on other machines need no shared file system.
 */
import { createHash } from 'node:crypto';

/** The pg-boss queue every ingest job goes through. */
export const INGEST_QUEUE = 'parallax-ingest';

export interface IngestJobData {
  rawId: string;
}

/** What a finished job records as its output (kept in pg-boss's job table, for inspection). */
export interface IngestJobOutput {
  outcome: 'stored' | 'already-stored' | 'failed' | 'gone';
  exact?: number;
  near?: number;
  code?: string;
}

/** Retry and expiry of jobs, fixed when a job is sent. */
export interface JobSettings {
  /** Attempts after the first when a job hits an infrastructure failure (database down, ...). */
  retryLimit: number;
  /** First retry delay, in seconds; doubled at each retry (pg-boss backoff). */
  retryDelaySeconds: number;
  /**
   * A job active longer than this is taken from its worker (which is presumed dead, e.g. kill -9) and
   * retried elsewhere. Workers take jobs in batches, so it must exceed a whole batch's worst case:
   * batch size × extraction timeout ÷ extract threads, plus the store step (8 × 60 s ÷ 1 = 8 min by default).
   */
  expireInSeconds: number;
}

/** 15 minutes: above a default batch's worst case (see expireInSeconds), and pg-boss's own default. */
export const DEFAULT_JOB_SETTINGS: JobSettings = { retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 900 };

/**
 * The job id is the raw id written as a UUID, so the same bytes enqueued twice are one job: pg-boss's
 * insert ignores an id it already holds. Raw ids are 32 hex digits (128 bits, a UUID's size); anything
 * else is hashed down to that first.
 */
export function jobIdFor(rawId: string): string {
  const hex = /^[0-9a-f]{32}$/.test(rawId) ? rawId : createHash('sha256').update(rawId).digest('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** pg-boss fields of one record's job (for send or insert). */
export function jobFields(rawId: string, settings: JobSettings) {
  return {
    id: jobIdFor(rawId),
    singletonKey: rawId,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
}
