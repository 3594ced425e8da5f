import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Politeness: at least `delayMs` between the starts of two requests to one host, whatever the
 * number of callers. Each call books the next free slot for its host, then sleeps until it.
 */
export class HostPacer {
  /** host → time (ms, monotonic) of the last booked request. */
  private readonly last = new Map<string, number>();
  /** host → its own least pause, when robots.txt asks for more than the default. */
  private readonly slower = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** Raise a host's pause to at least `ms` (Crawl-delay). */
  atLeast(host: string, ms: number): void {
    if (ms > (this.slower.get(host) ?? this.delayMs)) this.slower.set(host, ms);
  }

  async wait(host: string): Promise<void> {
    const now = performance.now();
    const previous = this.last.get(host);
    const pause = this.slower.get(host) ?? this.delayMs;
    const slot = previous === undefined ? now : Math.max(now, previous + pause);
    this.last.set(host, slot);
    if (slot > now) await sleep(slot - now);
  }
}
