/**
 * `parallax watch <sources...> [--every 15m]`: ingest feeds, URLs and folders again and again,
 * reading only what changed (an unchanged feed costs a 304, an unchanged file a stat). One line per
 * round; failures on stderr as `ingest` prints them. Stops on SIGINT/SIGTERM once the documents in
 * hand are stored (a second signal stops at once). `--once` runs one round, for cron.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatDuration, parseDuration } from '../watch/duration.js';
import type { RecordError } from '../model.js';
import { enqueue } from '../queue/index.js';
import type { Store } from '../store/store.js';
import { ingestRound, watch, type RoundReport, type RoundRunner } from '../watch/watch.js';
import { requirePostgresUrl, withQueueDatabase } from './enqueue.js';
import { addIngestOptions, describeError, ingestOptionsFrom, type IngestCliOptions } from './ingest.js';
import { addDbOption, addFetchOptions, EXIT_SOME_FAILED, openStore, readOptionsFrom, UsageError, wholeNumber } from './shared.js';

interface WatchCliOptions extends IngestCliOptions {
  every: number;
  settle: number;
  once?: boolean;
  rounds?: number;
  sourcesFile?: string;
  json?: boolean;
  enqueue?: boolean;
  db: string;
}

const DEFAULT_EVERY = '15m';
const DEFAULT_SETTLE = '10s';

function durationOption(name: string, least = 0) {
  return (v: string): number => {
    const ms = parseDuration(v);
    if (ms === null || ms < least) {
      throw new UsageError(`${name} must be a duration such as 90s, 15m or 1h30m${least ? ` of at least ${formatDuration(least)}` : ''}, got "${v}"`);
    }
    return ms;
  };
}

/** Sources from a list file: one path or URL per line; blank lines and "#" comments ignored. */
export function parseSourceList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && line !== '-');
}

export function registerWatch(program: Command): void {
  addDbOption(
    addFetchOptions(
      addIngestOptions(
        program
          .command('watch')
        .description('Ingest feeds, URLs and folders again and again, reading only what changed (HTTP 304s, unchanged files passed over); one line per round')
        .argument('[sources...]', 'feeds and other http(s) URLs, files, folders')
        .option('--every <duration>', 'time from the start of one round to the start of the next (90s, 15m, 1h)', durationOption('--every', 1000), parseDuration(DEFAULT_EVERY)!)
        .option('--once', 'run one round and exit (for cron): what earlier rounds read is still passed over')
        .option('--rounds <n>', 'run this many rounds and exit', wholeNumber('--rounds', 1))
        .option('--sources-file <file>', 'more sources, one per line ("#" comments; paths relative to the current folder), read again each round')
        .option('--settle <duration>', 'leave a file modified less than this long ago for the next round (it may still be being written)', durationOption('--settle'), parseDuration(DEFAULT_SETTLE)!),
      )
        .option('--enqueue', 'queue what changed for `parallax worker` processes instead of extracting it here (--db must be PostgreSQL)')
        .option('--json', 'print each round as one JSON object'),
    ),
  ).action(async (given: string[], opts: WatchCliOptions) => {
    if (given.length === 0 && !opts.sourcesFile) throw new UsageError('watch needs sources: paths or URLs, or --sources-file');
    if (opts.once && opts.rounds) throw new UsageError('--once and --rounds say the same thing: give one');
    if (given.includes('-')) throw new UsageError('watch cannot poll standard input ("-"): it is read once; use `parallax ingest -`');
    if (opts.sourcesFile) await listSources(opts.sourcesFile, given); // an unreadable list is a usage error up front
    const queueUrl = opts.enqueue ? requirePostgresUrl(opts.db, 'watch --enqueue') : null;
    let listWarned = false;
    const sources = async () => {
      if (!opts.sourcesFile) return given;
      try {
        const list = await listSources(opts.sourcesFile, given);
        listWarned = false;
        return list;
      } catch (err) {
        // the list went away or is being rewritten: this round reads the named sources, and says so once
        if (!listWarned) process.stderr.write(`watch: ${(err as Error).message}; this round reads only the sources named on the command line\n`);
        listWarned = true;
        return given;
      }
    };

    const controller = new AbortController();
    let signals = 0;
    const onSignal = (name: NodeJS.Signals) => {
      signals++;
      if (signals > 1) process.exit(130);
      process.stderr.write(`watch: ${name}: storing the documents in hand, then stopping (again to stop at once)\n`);
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const run = async () => {
      const store = await openStore(opts.db);
      try {
        const result = await watch(sources, store, {
          everyMs: opts.every,
          settleMs: opts.settle,
          rounds: opts.once ? 1 : opts.rounds,
          signal: controller.signal,
          runRound: queueUrl ? enqueueRound(queueUrl, store, opts) : ingestRound(store, { ...ingestOptionsFrom(opts), onError: printError }),
          onRound: (report) => process.stdout.write((opts.json ? JSON.stringify(report) : renderRound(report)) + '\n'),
        });
        if (result.failed > 0 || result.roundErrors > 0) process.exitCode = EXIT_SOME_FAILED;
      } finally {
        await store.close();
      }
    };
    try {
      await (queueUrl ? withQueueDatabase(queueUrl, run) : run());
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    // a fetch the stop cut short may still hold a socket open until its timeout: do not wait for it
    if (controller.signal.aborted) process.exit(process.exitCode ?? 0);
  });
}

const printError = (error: RecordError) => process.stderr.write(`error: ${describeError(error)}\n`);

/** `--enqueue`: each round queues what changed in PostgreSQL, for `parallax worker` processes to store. */
function enqueueRound(url: string, store: Store, opts: WatchCliOptions): RoundRunner {
  return (inputs, hooks) =>
    enqueue(url, inputs, {
      read: { ...readOptionsFrom(opts), poll: hooks.poll },
      store,
      onError: (error) => {
        hooks.onError(error);
        printError(error);
      },
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
}

async function listSources(file: string, given: string[]): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --sources-file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return [...new Set([...given, ...parseSourceList(text)])];
}

/** "12:30:00 round 3: 5 sources, 2 not modified, 140 files unchanged; 12 read: 4 stored, 8 already stored, 0 failed (3.2 s). Next round 12:45:00." */
export function renderRound(r: RoundReport): string {
  const s = r.summary;
  const skipped = s.skipped;
  const passed = [
    skipped['not-modified'] ? `${skipped['not-modified']} not modified` : '',
    skipped['file-unchanged'] ? `${skipped['file-unchanged']} file(s) unchanged` : '',
    skipped['file-settling'] ? `${skipped['file-settling']} file(s) still being written` : '',
    r.backingOff.length ? `${r.backingOff.length} backing off after failures` : '',
  ].filter(Boolean);
  const when = r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  let line = `${when} round ${r.round}: ${r.sources} source(s)${passed.length ? ', ' + passed.join(', ') : ''}; `;
  const done = s.enqueued !== undefined ? `${s.enqueued} queued` : `${s.stored ?? 0} stored`;
  line += `${s.read} read: ${done}, ${s.alreadyStored} already stored, ${s.failed} failed`;
  const relations = (s.exactDuplicates ?? 0) + (s.nearDuplicates ?? 0);
  if (relations > 0) line += `, ${relations} new duplicate relation(s)`;
  if (s.standInsReplaced) line += `, ${s.standInsReplaced} feed item(s) replaced by their page`;
  line += ` (${formatDuration(r.elapsedMs)}).`;
  if (r.error) line += ` The round failed: ${r.error}; it is read again next time.`;
  if (r.interrupted) line += ' Stopped before the end of the round: it is read again next time.';
  else if (r.nextRoundAt) line += ` Next round at ${r.nextRoundAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}.`;
  return line;
}
