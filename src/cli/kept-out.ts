/**
 * `parallax kept-out [--let-in KEY...]`: what `delete --keep-out` keeps out of later ingests
 * (document ids and URLs), and letting some of it in again.
 */
import type { Command } from 'commander';
import { addDbOption, openStore, printJsonLines, table, truncate, UsageError } from './shared.js';

export function registerKeptOut(program: Command): void {
  addDbOption(
    program
      .command('kept-out')
      .description('List the document ids and URLs that `delete --keep-out` keeps out of later ingests, or let some in again')
      .option('--let-in <key...>', 'let these document ids or URLs in again (exactly as listed)')
      .option('--json', 'one JSON object per line'),
  ).action(async (opts: { letIn?: string[]; json?: boolean; db: string }) => {
    const store = await openStore(opts.db);
    try {
      if (opts.letIn) {
        const keys = [...new Set(opts.letIn)];
        if (keys.some((k) => k.trim() === '')) throw new UsageError('--let-in needs document ids or URLs');
        const admitted = await store.letIn(keys);
        if (opts.json) process.stdout.write(JSON.stringify({ letIn: admitted, notKeptOut: keys.length - admitted }) + '\n');
        else process.stdout.write(`Let in ${admitted} of ${keys.length}${admitted < keys.length ? ` (${keys.length - admitted} were not kept out)` : ''}.\n`);
        return;
      }
      const entries = await store.keptOut();
      if (opts.json) {
        printJsonLines(entries);
        return;
      }
      if (entries.length === 0) {
        process.stdout.write('Nothing is kept out (`parallax delete --keep-out` keeps deleted documents out of later ingests).\n');
        return;
      }
      process.stdout.write(
        table(
          ['kind', 'key', 'title', 'deleted'],
          entries.map((e) => [e.kind, truncate(e.key, 70), truncate(e.title, 40), e.at.slice(0, 19).replace('T', ' ')]),
        ) + '\n',
      );
    } finally {
      await store.close();
    }
  });
}
