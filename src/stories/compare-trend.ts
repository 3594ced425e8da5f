/**
 * Whether the figures of a value conflict move with time. A death toll reported as 12 on Monday, 13
 * on Tuesday and 14 on Wednesday is one count updated as bodies are found, not three outlets
 * contradicting each other; 12 and 14 published the same hour, or 12 after 14, are a disagreement.
 * The conflict stays listed either way (a late outlet with a low figure may simply be wrong): the
 * trend only tells the analyst which reading the report times support.
 */

/** One outlet's figure and when it was published. */
export interface TimedFigure {
  value: number;
  /** Publication time (ISO 8601); null when unknown. */
  publishedAt: string | null;
  /** The report copies another article: its time says when it was copied, not when the figure was true. */
  copy: boolean;
  /** The sentence gives the figure as a change ("the toll rose to 14", "has climbed to 3,400"). */
  statedAsChange?: boolean;
}

export type FigureTrend = 'rising' | 'falling';

/**
 * 'rising' when every independent report, ordered by publication time, gives a figure at least as
 * high as every earlier one ('falling' likewise); null when a time is missing, two different
 * figures share a time, or the figures go up and down. Two figures in time order are also what one
 * outlet getting the number wrong looks like when it happens to publish first or last, so the order
 * counts only with more evidence: three figures or more, each figure from two reports or more, or
 * every later figure given as a change ("rose to 14"). A figure is its value as shown: "about
 * 2,300" and "2,300" are one, "at least 12" and "13" two (as in the conflict's versions).
 */
export function figureTrend(figures: readonly TimedFigure[]): FigureTrend | null {
  const timed = figures.filter((f) => !f.copy).map((figure) => ({ figure, at: figure.publishedAt ? Date.parse(figure.publishedAt) : Number.NaN }));
  if (timed.length < 2 || timed.some((f) => Number.isNaN(f.at))) return null;
  timed.sort((a, b) => a.at - b.at);
  let direction: FigureTrend | null = null;
  // the reports of each figure in turn; a report joins the figure it repeats
  const steps: Array<Array<(typeof timed)[number]>> = [[timed[0]]];
  for (const next of timed.slice(1)) {
    const current = steps[steps.length - 1];
    if (current[0].figure.value === next.figure.value) {
      current.push(next);
      continue;
    }
    if (next.at === current[current.length - 1].at) return null;
    const step: FigureTrend = next.figure.value > current[0].figure.value ? 'rising' : 'falling';
    if (direction && step !== direction) return null;
    direction = step;
    steps.push([next]);
  }
  if (!direction) return null;
  const corroborated = steps.length >= 3 || steps.every((reports) => reports.length >= 2) || steps.slice(1).every((reports) => reports.some((r) => r.figure.statedAsChange));
  return corroborated ? direction : null;
}

/** The earliest publication time among a version's independent reports (its copies when it has nothing else). */
export function firstReported(figures: readonly TimedFigure[]): string | null {
  const own = figures.filter((f) => !f.copy);
  const times = (own.length ? own : figures).map((f) => f.publishedAt).filter((t): t is string => !!t);
  return times.length ? times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) : null;
}

/** How a conflict is named to a reader: its kind, and for a toll that moved with time, which way. */
export function conflictHeading(conflict: { kind: string; trend?: FigureTrend }): string {
  return conflict.trend ? `${conflict.kind}, ${conflict.trend} over time (an updated count?)` : conflict.kind;
}

/** A version's value, with the day it was first reported when the conflict moved with time. */
export function versionValue(version: { value: string; firstReported?: string }): string {
  return version.firstReported ? `${version.value} (from ${version.firstReported.slice(0, 10)})` : version.value;
}
