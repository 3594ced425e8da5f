/**
 * The compare stage over a stored corpus: a story's members, read with their annotation layers,
 * in the order compareStory wants them. Shared by the CLI, the HTTP API and the benchmark.
 */
import type { Annotations } from '../nlp/types.js';
import type { ComparableArticle } from './compare.js';
import type { StoryRecord } from './store-port.js';
import type { Awaitable } from '../store/store.js';

/** What comparing needs from the store. */
export interface CompareStorePort {
  getArticle(id: string): Awaitable<{ id: string; outlet: string | null; title: string | null; publishedAt: string | null; text: string } | null>;
  getAnnotations(id: string): Awaitable<Annotations | null>;
}

/** Stories whose id starts with `id`, written with or without the "story-" prefix. */
export function storiesMatching(stories: readonly StoryRecord[], id: string): StoryRecord[] {
  const want = id.startsWith('story-') ? id : `story-${id}`;
  return stories.filter((s) => s.id.startsWith(want));
}

/** The story's annotated articles, oldest first (undated ones after, in story order). */
export async function comparableArticles(store: CompareStorePort, story: StoryRecord): Promise<ComparableArticle[]> {
  const out: ComparableArticle[] = [];
  for (const m of story.articles) {
    const a = await store.getArticle(m.id);
    const ann = await store.getAnnotations(m.id);
    if (!a || !ann) continue;
    out.push({ id: a.id, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, text: a.text, annotations: ann, derivedFrom: m.copyOf ?? m.spinOf });
  }
  const rank = (p: string | null) => (p ? Date.parse(p) || Infinity : Infinity);
  return out.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a.publishedAt) - rank(y.a.publishedAt) || x.i - y.i).map((x) => x.a);
}
