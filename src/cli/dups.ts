/** `parallax dups`: exact and near-duplicate pairs. */
import type { Command } from 'commander';
import { UsageError, addDbOption, openStore, printJsonLines, shortId, table, truncate, wholeNumber } from './shared.js';

export function registerDups(program: Command): void {
  addDbOption(
    program
      .command('dups')
      .description('List duplicate relations (exact: same normalised text; near: MinHash/LSH similarity)')
      .option('--kind <kind>', 'exact or near')
      .option('--article <id>', 'only the relations of this article (id or unique prefix)')
      .option('--limit <n>', 'at most n relations', wholeNumber('--limit'))
      .option('--offset <n>', 'skip n relations', wholeNumber('--offset'))
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    if (opts.kind && opts.kind !== 'exact' && opts.kind !== 'near') {
      program.error(`--kind must be "exact" or "near", not "${opts.kind}"`, { exitCode: 2 });
    }
    const store = await openStore(opts.db);
    try {
      let article: string | undefined;
      if (opts.article) {
        const found = await store.getArticle(opts.article);
        if (!found) throw new UsageError(`no article with id ${JSON.stringify(opts.article)} (see \`parallax list\`)`);
        article = found.id;
      }
      const rows = [];
      for (const d of await store.duplicates({ kind: opts.kind, article, limit: opts.limit, offset: opts.offset })) {
        const a = await store.getArticle(d.a);
        const b = await store.getArticle(d.b);
        rows.push({
          ...d,
          aTitle: a?.title ?? null,
          aOutlet: a?.outlet ?? null,
          bTitle: b?.title ?? null,
          bOutlet: b?.outlet ?? null,
        });
      }
      if (opts.json) return printJsonLines(rows);
      if (rows.length === 0) return void process.stdout.write('No duplicates.\n');
      const cells = rows.map((r) => [
        r.kind,
        r.similarity.toFixed(2),
        `${shortId(r.a)} ${truncate(r.aOutlet, 16)}`,
        `${shortId(r.b)} ${truncate(r.bOutlet, 16)}`,
        truncate(r.bTitle ?? r.aTitle, 60),
      ]);
      process.stdout.write(table(['kind', 'sim', 'a', 'b', 'title'], cells) + '\n');
    } finally {
      await store.close();
    }
  });
}
