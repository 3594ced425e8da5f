/** `parallax events`: who did what to whom, coded to PLOVER categories. */
import type { Command } from 'commander';
import { ensureAnnotated } from './annotated.js';
import { addDbOption, openStore, printJsonLines, shortId, table, truncate, wholeNumber } from './shared.js';
import { inStory, storyArticleIds } from './story-scope.js';

export function registerEvents(program: Command): void {
  addDbOption(
    program
      .command('events')
      .description('List events (PLOVER category, actor, target, time, place, flags)')
      .option('--type <category>', 'only this PLOVER category (AGREE, ACCUSE, ASSAULT, ...)')
      .option('--story <id>', "only events in one story's articles")
      .option('--limit <n>', 'at most n events', wholeNumber('--limit', 1))
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      await ensureAnnotated(store);
      const ids = await storyArticleIds(store, opts.story);
      const events = inStory(await store.events({ category: opts.type, limit: ids ? undefined : opts.limit }), ids, opts.limit);
      if (opts.json) return printJsonLines(events);
      const names = (ps: Array<{ canonical: string }>) => ps.map((p) => p.canonical).join(' & ') || '-';
      const rows = events.map((e) => {
        const flags = [e.flags.negated && 'negated', e.flags.hedged && 'hedged', e.flags.future && 'future'].filter(Boolean).join(',');
        return [
          shortId(e.articleId),
          e.category,
          truncate(names(e.actor), 24),
          truncate(e.trigger.text, 16),
          truncate(names(e.target), 24),
          e.time ?? '-',
          truncate(e.place?.canonical ?? '-', 16),
          flags || '-',
        ];
      });
      process.stdout.write(table(['article', 'category', 'actor', 'trigger', 'target', 'time', 'place', 'flags'], rows) + '\n');
    } finally {
      await store.close();
    }
  });
}
