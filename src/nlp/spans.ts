/**
 * Lookups over character spans sorted by start. Mentions, quotations and sentences are each
 * found left to right and never overlap, so the one span that can hold an offset is the last
 * one starting at or before it: a binary search, not a scan per lookup.
 */

/** Index of the last span starting at or before `offset` in spans sorted by start, or -1. */
export function lastStartingAtOrBefore(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}
