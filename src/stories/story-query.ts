/**
 * Choosing stories to show: a crawl of a week holds tens of thousands, most of them one article.
 * Shared by `parallax stories` and `GET /api/stories` so both filter and order the same way.
 */
import { storyOutlets } from './compare-corpus.js';
import type { StoryRecord } from './store-port.js';

export const STORY_SORTS = ['start', 'recent', 'size', 'outlets'] as const;
/**
 * `start`: chronological, as stories are related (the default); `recent`: latest article first;
 * `size`: most articles first; `outlets`: most distinct outlets first, the stories worth comparing.
 */
export type StorySort = (typeof STORY_SORTS)[number];

export interface StoryQuery {
  sort?: StorySort;
  /** Only stories with at least this many articles. */
  minSize?: number;
  /** Only stories with an article from this outlet (case and spacing aside). */
  outlet?: string;
  limit?: number;
  offset?: number;
}

/** Each article's story (an article belongs to exactly one). */
export function storyIndex(stories: readonly StoryRecord[]): Map<string, StoryRecord> {
  const of = new Map<string, StoryRecord>();
  for (const s of stories) for (const a of s.articles) of.set(a.id, s);
  return of;
}

/** What an article page says of its story: enough to name it and link to it. */
export interface StoryRef {
  id: string;
  label: string;
  size: number;
  start: string | null;
  end: string | null;
}

export function storyRef(story: StoryRecord): StoryRef {
  return { id: story.id, label: story.label, size: story.articles.length, start: story.start, end: story.end };
}

const foldOutlet = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** The stories the query asks for, and how many matched before limit and offset. */
export function selectStories(stories: readonly StoryRecord[], q: StoryQuery = {}): { total: number; stories: StoryRecord[] } {
  const wanted = q.outlet ? foldOutlet(q.outlet) : null;
  const minSize = q.minSize ?? 1;
  const matching = stories.filter((s) => s.articles.length >= minSize && (!wanted || s.articles.some((a) => a.outlet && foldOutlet(a.outlet) === wanted)));
  const outlets = new Map(matching.map((s) => [s, storyOutlets(s).length]));
  const byStart = (a: StoryRecord, b: StoryRecord) => (a.start ?? '').localeCompare(b.start ?? '');
  const order: Record<StorySort, ((a: StoryRecord, b: StoryRecord) => number) | null> = {
    start: null, // the order relate gives, which is chronological
    recent: (a, b) => (b.end ?? '').localeCompare(a.end ?? '') || (b.start ?? '').localeCompare(a.start ?? ''),
    size: (a, b) => b.articles.length - a.articles.length || outlets.get(b)! - outlets.get(a)! || byStart(a, b),
    outlets: (a, b) => outlets.get(b)! - outlets.get(a)! || b.articles.length - a.articles.length || byStart(a, b),
  };
  const compare = order[q.sort ?? 'start'];
  const sorted = compare ? [...matching].sort(compare) : matching;
  const offset = q.offset ?? 0;
  return { total: matching.length, stories: sorted.slice(offset, q.limit === undefined ? undefined : offset + q.limit) };
}
