/** `--story ID` on listing commands: the article ids of one story, to list only what they say. */
import type { Store } from '../store/store.js';
import { relateCorpus } from '../stories/relate-corpus.js';
import { findStory } from './compare.js';

/** The story's article ids, or null without a story; an unknown or ambiguous id is a usage error. */
export async function storyArticleIds(store: Store, storyId: unknown): Promise<ReadonlySet<string> | null> {
  if (storyId === undefined || storyId === null || storyId === '') return null;
  const story = findStory((await relateCorpus(store)).stories, String(storyId));
  return new Set(story.articles.map((a) => a.id));
}

/** `rows` limited to the story's articles when there is one, then to `limit`. */
export function inStory<T extends { articleId: string }>(rows: T[], ids: ReadonlySet<string> | null, limit: number | undefined): T[] {
  const kept = ids ? rows.filter((r) => ids.has(r.articleId)) : rows;
  return limit === undefined ? kept : kept.slice(0, limit);
}
