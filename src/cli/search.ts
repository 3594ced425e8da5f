/**
 * `parallax search <query...>`: full-text search over the stored articles' titles and clean text,
 * best match first (or newest first), each hit with the passage around its matches. With
 * `--stories`, the hits are gathered by story: which happenings a name or phrase comes up in.
 */
import type { Command } from 'commander';
import { relateCorpus } from '../stories/relate-corpus.js';
import type { StoryRecord } from '../stories/store-port.js';
import { storyIndex } from '../stories/story-query.js';
import { appendTo } from '../multimap.js';
import { DATE_BOUND, SEARCH_SORTS } from '../store/search-query.js';
import type { SearchHit, SearchQuery } from '../store/store.js';
import { UsageError, addDbOption, oneOf, openStore, printJsonLines, printable, searchOrUsageError, shortId, truncate, wholeNumber } from './shared.js';

const DEFAULT_LIMIT = 20;

/** A date bound as the store takes it: YYYY, YYYY-MM or YYYY-MM-DD. */
function dateBound(name: string) {
  return (v: string): string => {
    if (!DATE_BOUND.test(v)) throw new UsageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
    return v;
  };
}

/** Text on one line, the matched ranges in bold on a terminal (markers are never shown elsewhere). */
function renderMatches(text: string, ranges: ReadonlyArray<[number, number]>, bold: boolean): string {
  if (!bold) return printable(text);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    out += `${printable(text.slice(at, start))}\u001b[1m${printable(text.slice(start, end))}\u001b[22m`;
    at = end;
  }
  return out + printable(text.slice(at));
}

function hitLines(hit: SearchHit, bold: boolean): string[] {
  const day = hit.publishedAt ? hit.publishedAt.slice(0, 10) : '-';
  // a cut title keeps the marks that fit before its "…"
  const title = hit.title === null ? '(no title)' : truncate(hit.title, 80);
  const cut = title === hit.title ? title.length : title.length - 1;
  const titleMarks = hit.title === null ? [] : hit.titleHighlights.filter(([, end]) => end <= cut);
  return [
    `${shortId(hit.id)}  ${day.padEnd(10)}  ${truncate(hit.outlet ?? '-', 24).padEnd(24)}  ${renderMatches(title, titleMarks, bold)}`,
    `    ${renderMatches(hit.snippet, hit.highlights, bold)}`,
  ];
}

/** The stories holding the hits, in the order of their best hit, each with its hits. */
function byStory(hits: SearchHit[], stories: StoryRecord[]): Array<{ story: StoryRecord | null; hits: SearchHit[] }> {
  const storyOf = storyIndex(stories);
  const byKey = new Map<string, SearchHit[]>();
  for (const hit of hits) appendTo(byKey, storyOf.get(hit.id)?.id ?? `article:${hit.id}`, hit);
  return [...byKey.values()].map((group) => ({ story: storyOf.get(group[0].id) ?? null, hits: group }));
}

export function registerSearch(program: Command): void {
  addDbOption(
    program
      .command('search')
      .description('Full-text search over titles and clean text: words (all must occur), "a phrase", a OR b, -excluded, prefix*')
      .argument('<query...>', 'what to look for (quote it in the shell to keep "phrases" together; put -- before a query that starts with -)')
      .option('--outlet <name>', 'only articles from this outlet')
      .option('--language <code>', 'only articles in this language (e.g. en)')
      .option('--since <date>', 'only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', dateBound('--since'))
      .option('--until <date>', 'only articles published on or before this date (the whole month or year when given so)', dateBound('--until'))
      .option('--sort <order>', `${SEARCH_SORTS.join(' | ')}: best match first (title words count most) or newest first`, oneOf('--sort', SEARCH_SORTS), 'relevance')
      .option('--limit <n>', `at most n articles (default ${DEFAULT_LIMIT})`, wholeNumber('--limit', 1))
      .option('--offset <n>', 'skip the first n articles', wholeNumber('--offset'))
      .option('--stories', 'gather the hits by story (relates the corpus first, as `parallax stories` does)')
      .option('--json', 'one JSON object per hit (id, title, outlet, publishedAt, language, url, score, snippet, highlights as [start, end) offsets into the snippet; with --stories, storyId and storyLabel)'),
  ).action(async (words: string[], opts) => {
    const store = await openStore(opts.db);
    try {
      const query: SearchQuery = {
        q: words.join(' '),
        outlet: opts.outlet,
        language: opts.language,
        since: opts.since,
        until: opts.until,
        sort: opts.sort,
        limit: opts.limit ?? DEFAULT_LIMIT,
        offset: opts.offset,
      };
      const result = await searchOrUsageError(store, query);
      const groups = opts.stories ? byStory(result.hits, (await relateCorpus(store)).stories) : null;
      if (opts.json) {
        if (!groups) return printJsonLines(result.hits);
        return printJsonLines(groups.flatMap((g) => g.hits.map((h) => ({ ...h, storyId: g.story?.id ?? null, storyLabel: g.story?.label ?? null }))));
      }
      if (result.total === 0) return void process.stdout.write(`No article matches ${JSON.stringify(query.q)}.\n`);
      const bold = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      const out: string[] = [];
      if (groups) {
        for (const g of groups) {
          const head = g.story ? `story ${shortId(g.story.id.replace(/^story-/, ''))}  ${g.story.articles.length} article(s)  ${truncate(g.story.label, 80)}` : 'no story';
          out.push(head, ...g.hits.flatMap((h) => hitLines(h, bold).map((l) => `  ${l}`)), '');
        }
      } else {
        for (const hit of result.hits) out.push(...hitLines(hit, bold));
      }
      const shown = (query.offset ?? 0) + result.hits.length;
      out.push(`${result.total} article(s) match${shown < result.total ? `; ${result.total - shown} more (--offset ${shown})` : ''}.`);
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      await store.close();
    }
  });
}
