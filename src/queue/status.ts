/** `queueStatus`: how many ingest jobs are in each state, what failed for good, and the raw backlog. */
import { failedJobs, jobCounts, recentlyCompleted, type JobState } from './boss-tables.js';
import { connectQueue } from './connection.js';
import { rawBacklog } from './raw-rows.js';

export interface QueueStatus {
  /** Jobs by pg-boss state. Finished jobs (completed, failed) are counted until pg-boss archives them (a day). */
  jobs: { created: number; retry: number; active: number; completed: number; cancelled: number; failed: number };
  /** Records whose bytes still wait in queue_raw: queued, running, or failed for good. */
  backlog: { records: number; bytes: number };
  /** Jobs completed per second over the last minute, by all workers together. */
  recentRate: number;
  /** Jobs that failed for good, newest first (at most `failedLimit`), with pg-boss's last error. */
  failed: Array<{ jobId: string; rawId: string | null; retries: number; finishedAt: string | null; message: string }>;
}

/** The window of `recentRate`, in seconds. */
const RATE_WINDOW_S = 60;

const STATES: JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

export async function queueStatus(url: string, options: { failedLimit?: number } = {}): Promise<QueueStatus> {
  const queue = await connectQueue(url, { applicationName: 'parallax-queue-status', maxConnections: 2 });
  try {
    const counts = await jobCounts(queue.pool);
    const jobs = Object.fromEntries(STATES.map((state) => [state, counts.get(state) ?? 0])) as QueueStatus['jobs'];
    const failedRows = await failedJobs(queue.pool, Math.max(0, options.failedLimit ?? 20));
    const failed = failedRows.map((r) => ({
      jobId: r.id,
      rawId: typeof r.data?.rawId === 'string' ? r.data.rawId : null,
      retries: r.retry_count,
      finishedAt: r.completed_on ? r.completed_on.toISOString() : null,
      message: failureMessage(r.output),
    }));
    const recentRate = (await recentlyCompleted(queue.pool, RATE_WINDOW_S)) / RATE_WINDOW_S;
    return { jobs, backlog: await rawBacklog(queue.pool), recentRate, failed };
  } finally {
    await queue.close();
  }
}

/** pg-boss stores a failure as the thrown error or the data passed to fail(): find its message. */
function failureMessage(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: { message?: unknown } };
    if (typeof o.message === 'string') return o.message;
    if (typeof o.value?.message === 'string') return o.value.message;
  }
  return output === null || output === undefined ? '' : JSON.stringify(output);
}
