#!/usr/bin/env node
/**
 * The `parallax` command. Each subcommand lives in its own file and registers itself here.
 * Exit codes: 0 ok, 1 some documents failed, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest.js';
import { registerExtract } from './extract.js';
import { registerList } from './list.js';
import { registerSearch } from './search.js';
import { registerShow } from './show.js';
import { registerDups } from './dups.js';
import { registerStats } from './stats.js';
import { registerErrors } from './errors.js';
import { register as registerStories } from './stories.js';
import { register as registerAnnotate } from './annotate.js';
import { registerEntities } from './entities.js';
import { registerQuotes } from './quotes.js';
import { registerEvents } from './events.js';
import { registerExport } from './export.js';
import { registerCompare } from './compare.js';
import { registerServe } from './serve.js';
import { registerEnqueue } from './enqueue.js';
import { registerWorker } from './worker.js';
import { registerQueueStatus } from './queue-status.js';
import { registerReextract } from './reextract.js';
import { registerDelete } from './delete.js';
import { registerWatch } from './watch.js';
import { registerKeptOut } from './kept-out.js';
import { EXIT_USAGE, UsageError } from './shared.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('parallax')
    .description('Cross-source news intelligence: ingest noisy news pages, clean, de-duplicate and inspect them.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [registerIngest, registerWatch, registerExtract, registerList, registerSearch, registerShow, registerDups, registerStats, registerErrors, registerStories, registerAnnotate, registerEntities, registerQuotes, registerEvents, registerCompare, registerExport, registerReextract, registerDelete, registerKeptOut, registerServe, registerEnqueue, registerWorker, registerQueueStatus]) {
    register(program);
  }
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/**
 * `parallax export events | head`: the reader closing the pipe early is a normal way to stop, not a
 * crash. Stop quietly instead of printing an unhandled EPIPE stack.
 */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not errors; everything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`parallax: ${err.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    throw err;
  }
}

await main(process.argv);
