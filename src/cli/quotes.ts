/** `parallax quotes`: who said what, across the corpus. */
import type { Command } from 'commander';
import { ensureAnnotated } from './annotated.js';
import { addDbOption, openStore, printJsonLines, shortId, truncate, wholeNumber } from './shared.js';
import { inStory, storyArticleIds } from './story-scope.js';

export function registerQuotes(program: Command): void {
  addDbOption(
    program
      .command('quotes')
      .description('List direct and reported quotes with their speakers')
      .option('--speaker <name>', 'only quotes whose speaker name contains this text')
      .option('--story <id>', "only quotes in one story's articles")
      .option('--limit <n>', 'at most n quotes', wholeNumber('--limit', 1))
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      await ensureAnnotated(store);
      const ids = await storyArticleIds(store, opts.story);
      const quotes = inStory(await store.quotes({ speaker: opts.speaker, limit: ids ? undefined : opts.limit }), ids, opts.limit);
      if (opts.json) return printJsonLines(quotes);
      if (quotes.length === 0) return void process.stdout.write('No quotes.\n');
      for (const q of quotes) {
        const speaker = q.speaker?.canonical ?? '(unattributed)';
        const body = q.direct ? `“${truncate(q.text, 110)}”` : truncate(q.text, 110);
        process.stdout.write(`${shortId(q.articleId)}  ${truncate(speaker, 24).padEnd(24)}  ${(q.cue ?? '-').padEnd(10)}  ${body}\n`);
      }
    } finally {
      await store.close();
    }
  });
}
