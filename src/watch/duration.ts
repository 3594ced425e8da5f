/**
 * Durations as people type them on a command line: "90s", "15m", "1h30m", "500ms", "2d", or a bare
 * number of seconds. Strict: anything else is an error, not a guess.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** One number and its unit; the whole text is a run of these ("1h30m"). Bounded, so it cannot backtrack. */
const PART = /(\d{1,9}(?:\.\d{1,6})?)(ms|s|m|h|d)/gy;

/** Milliseconds in `text`, or null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,9}(?:\.\d{1,6})?$/.test(t)) return Math.round(Number(t) * 1000);
  if (!t || t.length > 64) return null;
  PART.lastIndex = 0;
  let total = 0;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = PART.exec(t)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    at = PART.lastIndex;
  }
  return at === t.length ? Math.round(total) : null;
}

/** "1h 30m", "45s", "250 ms": for progress lines. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  let s = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join(' ');
}
