/** `parallax entities`: people, organisations and places across the corpus, aliases merged. */
import type { Command } from 'commander';
import { mergeCorpusEntities, selectEntities } from '../nlp/index.js';
import { ensureAnnotated } from './annotated.js';
import { addDbOption, openStore, printJsonLines, table, truncate, wholeNumber } from './shared.js';
import { storyArticleIds } from './story-scope.js';

export function registerEntities(program: Command): void {
  addDbOption(
    program
      .command('entities')
      .description('List entities (PERSON, ORG, PLACE) across the corpus with their aliases, roles and articles')
      .option('--type <type>', 'PERSON, ORG or PLACE')
      .option('--name <text>', 'only entities with a name or alias containing this text')
      .option('--story <id>', "only the entities of one story's articles, the most widespread in it first")
      .option('--limit <n>', 'at most n entities', wholeNumber('--limit', 1))
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      await ensureAnnotated(store);
      const within = await storyArticleIds(store, opts.story);
      const entities = selectEntities(mergeCorpusEntities(await store.entityClusters()), {
        type: opts.type ? String(opts.type).toUpperCase() : undefined,
        name: opts.name,
        limit: opts.limit,
        ...(within ? { within } : {}),
      });
      if (opts.json) return printJsonLines(entities);
      const rows = entities.map((e) => [
        e.type,
        truncate(e.canonical, 28),
        ...(within ? [`${e.withinArticles ?? 0}/${within.size}`] : []),
        String(e.articles.length),
        String(e.mentionCount),
        truncate(e.roles.join('; '), 30),
        truncate(e.aliases.filter((a) => a !== e.canonical).join(', '), 50),
      ]);
      const head = ['type', 'entity', ...(within ? ['in story'] : []), 'articles', 'mentions', 'roles', 'aliases'];
      process.stdout.write(table(head, rows) + '\n');
    } finally {
      await store.close();
    }
  });
}
