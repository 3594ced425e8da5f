/** `parallax list`: the stored articles, in ingest order. */
import type { Command } from 'commander';
import { addDbOption, openStore, printJsonLines, shortId, table, truncate, wholeNumber } from './shared.js';

export function registerList(program: Command): void {
  addDbOption(
    program
      .command('list')
      .description('List stored articles')
      .option('--outlet <name>', 'only this outlet')
      .option('--limit <n>', 'at most n articles', wholeNumber('--limit', 1))
      .option('--offset <n>', 'skip n articles', wholeNumber('--offset'))
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      const rows = await store.listArticles({ outlet: opts.outlet, limit: opts.limit, offset: opts.offset });
      if (opts.json) return printJsonLines(rows);
      const cells = rows.map((r) => [
        shortId(r.id),
        (r.publishedAt ?? '').slice(0, 10) || '-',
        truncate(r.outlet ?? '-', 22),
        r.spamScore.toFixed(2),
        r.garbleScore.toFixed(2),
        truncate(r.title ?? r.origin, 70),
      ]);
      process.stdout.write(table(['id', 'published', 'outlet', 'spam', 'garble', 'title'], cells) + '\n');
    } finally {
      await store.close();
    }
  });
}
