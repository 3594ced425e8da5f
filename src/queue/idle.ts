/** When a worker stops: on request (a signal) or once the queue has had nothing to do for long enough. */
import type PgBoss from 'pg-boss';
import { INGEST_QUEUE } from './jobs.js';

/**
 * Knows when the queue has had nothing to do for long enough. An idle worker also expires jobs held too
 * long by workers that died, so their jobs come back without waiting for pg-boss's maintenance round.
 */
export class IdleWatch {
  private idleSince: number | null = null;
  private lastCheck = 0;
  private verdict = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly checkEveryMs: number,
    private readonly exitAfterMs: number | undefined,
  ) {}

  busy(): void {
    this.idleSince = null;
    this.verdict = false;
  }

  async shouldExit(): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastCheck < this.checkEveryMs) return this.verdict;
    this.lastCheck = now;
    try {
      await this.boss.expire();
      // Waiting, retrying (maybe after a backoff) or running anywhere: not idle.
      const pending = await this.boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
      if (pending > 0) this.idleSince = null;
      else this.idleSince ??= now;
    } catch {
      // The database is unreachable: that is not an empty queue; keep polling.
      this.idleSince = null;
    }
    this.verdict = this.exitAfterMs !== undefined && this.idleSince !== null && now - this.idleSince >= this.exitAfterMs;
    return this.verdict;
  }
}

/** Stop requests (abort signal or idle exit), and sleeps that a stop request cuts short. */
export class StopSignal {
  stopped = false;
  private wakers = new Set<() => void>();
  private readonly onAbort = () => this.set();

  constructor(private readonly signal?: AbortSignal) {
    if (signal?.aborted) this.stopped = true;
    signal?.addEventListener('abort', this.onAbort);
  }

  set(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
