/**
 * The compare stage over a stored corpus: a story's members, read with their annotation layers,
 * in the order compareStory wants them. Shared by the CLI, the HTTP API and the benchmark.
 */
import type { Annotations } from '../nlp/types.js';
import type { ComparableArticle, StoryComparison } from './compare.js';
import type { DerivationRecord, StoryRecord } from './store-port.js';
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

/** The story's distinct outlets, in member order. */
export function storyOutlets(story: Pick<StoryRecord, 'articles'>): string[] {
  return [...new Set(story.articles.map((m) => m.outlet).filter((o): o is string => !!o))];
}

/** The copy relations between two members of the story. */
export function storyDerivations(story: StoryRecord, derivations: readonly DerivationRecord[]): DerivationRecord[] {
  const members = new Set(story.articles.map((a) => a.id));
  return derivations.filter((d) => members.has(d.derived) && members.has(d.source));
}

/** A comparison as the API and `parallax compare --json` give it: the story's heading, then the comparison. */
export function comparisonView(story: StoryRecord, cmp: StoryComparison) {
  return { story: { id: story.id, label: story.label, start: story.start, end: story.end }, ...cmp };
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
