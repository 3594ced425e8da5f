/**
 * `parallax enqueue <paths...> --db postgres://…`: read sources as `ingest` does and queue each new
 * record (bytes and one job) in PostgreSQL, for `parallax worker` processes on any machine to store.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_JOB_SETTINGS, enqueue, QueueSettingsError, queueStatus, type EnqueueSummary } from '../queue/index.js';
import { isPostgresUrl } from '../store/open.js';
import { describeError } from './ingest.js';
import { EXIT_SOME_FAILED, UsageError, addFetchOptions, displayDb, readOptionsFrom, similarityOption, wholeNumber, type FetchCliOptions } from './shared.js';

/** The queue lives in PostgreSQL: --db (or PARALLAX_DB) must name one. Shared by the queue commands. */
export function addQueueDbOption(command: Command): Command {
  return command.option('--db <url>', 'PostgreSQL URL, postgres://user@host:port/db (env PARALLAX_DB)', process.env.PARALLAX_DB);
}

export function requirePostgresUrl(db: string | undefined, command: string): string {
  if (db && isPostgresUrl(db)) return db;
  const given = db ? `got "${db}"` : 'none given';
  throw new UsageError(`${command} needs a PostgreSQL database: --db postgres://user@host:port/dbname (or PARALLAX_DB); ${given}`);
}

/** Errors that mean "this database cannot be used" (unreachable, unknown, refused us), not a bug. */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '3D000', '28000', '28P01']);


/**
 * Run a queue command; a database that cannot be reached or used becomes a one-line message (exit 2)
 * instead of a stack trace. SQLSTATE class 08 is "connection exception".
 */
export async function withQueueDatabase(url: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const code = String((err as { code?: unknown })?.code ?? '');
    if (CONNECTION_ERRORS.has(code) || code.startsWith('08')) {
      throw new UsageError(`cannot use the PostgreSQL database ${displayDb(url)}: ${(err as Error).message}`);
    }
    if (err instanceof QueueSettingsError) throw new UsageError(err.message);
    throw err;
  }
}

interface EnqueueCliOptions extends FetchCliOptions {
  db?: string;
  maxBytes?: number;
  nearThreshold?: number;
  retryLimit: number;
  retryDelay: number;
  jobTimeout: number;
  progress: boolean;
  json?: boolean;
}

function renderSummary(s: EnqueueSummary): string {
  const lines = [
    `Read ${s.read} record(s) in ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.enqueued} queued, ${s.alreadyStored} already stored, ` +
      `${s.alreadyQueued} already queued, ${s.failed} failed.`,
  ];
  if (s.requeued > 0) lines.push(`Put back to retry: ${s.requeued} job(s) that had failed for good.`);
  lines.push(`Near-duplicate threshold of this database (workers use it): ${s.nearThreshold}.`);
  const skipped = Object.entries(s.skipped);
  if (skipped.length) lines.push(`Skipped on purpose: ${skipped.map(([r, n]) => `${n} ${r}`).join(', ')}.`);
  const errors = Object.entries(s.errorsByCode);
  if (errors.length) lines.push(`Failures: ${errors.map(([c, n]) => `${n} ${c}`).join(', ')} (see \`parallax errors\`).`);
  return lines.join('\n');
}

export function registerEnqueue(program: Command): void {
  addQueueDbOption(
    addFetchOptions(
      program
        .command('enqueue')
        .description('Queue files, folders, WARC, feeds, JSONL, http(s) URLs or stdin ("-") in PostgreSQL for `parallax worker` processes')
        .argument('<paths...>', 'files, folders, http(s) URLs, or - for standard input')
        .option('--max-bytes <n>', 'largest document accepted, in bytes', wholeNumber('--max-bytes'))
        .option(
          '--near-threshold <j>',
          'estimated Jaccard similarity for near duplicates (default 0.8); the first enqueue fixes it for the database and its workers',
          similarityOption('--near-threshold'),
        )
        .option('--retry-limit <n>', 'retries of a job after an infrastructure failure', wholeNumber('--retry-limit'), DEFAULT_JOB_SETTINGS.retryLimit)
        .option('--retry-delay <seconds>', 'first retry delay (doubles each retry)', wholeNumber('--retry-delay'), DEFAULT_JOB_SETTINGS.retryDelaySeconds)
        .option(
          '--job-timeout <seconds>',
          'a job running longer is presumed lost (dead worker) and given to another worker',
          wholeNumber('--job-timeout'),
          DEFAULT_JOB_SETTINGS.expireInSeconds,
        )
        .option('--no-progress', 'no progress bar, even on a terminal')
        .option('--json', 'print the summary as one JSON object'),
    ),
  ).action(async (paths: string[], opts: EnqueueCliOptions) => {
    const url = requirePostgresUrl(opts.db, 'enqueue');
    // pg-boss's limits: at least a second, less than a day.
    if (opts.jobTimeout < 1 || opts.jobTimeout >= 24 * 3600) throw new UsageError('--job-timeout must be from 1 second to under 24 hours');
    await withQueueDatabase(url, () => runEnqueue(url, paths, opts));
  });
}

async function runEnqueue(url: string, paths: string[], opts: EnqueueCliOptions): Promise<void> {
  const bar =
    process.stderr.isTTY && opts.progress !== false && !opts.json
      ? new cliProgress.SingleBar({ format: ' {value} records | {queued} queued | {failed} failed | {current}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(0, 0, { queued: 0, failed: 0, current: '' });
  try {
    const summary = await enqueue(url, paths, {
      read: readOptionsFrom(opts),
      job: { retryLimit: opts.retryLimit, retryDelaySeconds: opts.retryDelay, expireInSeconds: opts.jobTimeout },
      nearThreshold: opts.nearThreshold,
      onError: (error) => {
        bar?.stop();
        process.stderr.write(`error: ${describeError(error)}\n`);
        bar?.start(0, 0);
      },
      onProgress: bar
        ? (s, current) => bar.update(s.read, { queued: s.enqueued, failed: s.failed, current: current.length > 50 ? '…' + current.slice(-49) : current })
        : undefined,
    });
    bar?.stop();
    const status = await queueStatus(url, { failedLimit: 0 });
    if (opts.json) {
      process.stdout.write(JSON.stringify({ summary, queue: status }) + '\n');
    } else {
      const j = status.jobs;
      process.stdout.write(
        `${renderSummary(summary)}\nQueue: ${j.created + j.retry} waiting, ${j.active} running, ${j.failed} failed ` +
          `(start workers with \`parallax worker --db …\`; see \`parallax queue-status\`).\n`,
      );
    }
    if (summary.failed > 0) process.exitCode = EXIT_SOME_FAILED;
  } finally {
    bar?.stop();
  }
}
