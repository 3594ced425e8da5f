/** `parallax errors`: documents that failed, with why. */
import type { Command } from 'commander';
import { describeError } from './ingest.js';
import { addDbOption, openStore, printJsonLines, wholeNumber } from './shared.js';

export function registerErrors(program: Command): void {
  addDbOption(
    program
      .command('errors')
      .description('List documents that failed to ingest, with the reason')
      .option('--limit <n>', 'at most n errors', wholeNumber('--limit', 1), 1000)
      .option('--json', 'one JSON object per line'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      const errors = await store.errors(opts.limit);
      if (opts.json) return printJsonLines(errors);
      if (errors.length === 0) process.stdout.write('No failed documents.\n');
      for (const e of errors) process.stdout.write(`${e.at.slice(0, 19)}  ${describeError(e)}\n`);
    } finally {
      await store.close();
    }
  });
}
