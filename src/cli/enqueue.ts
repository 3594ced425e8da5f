/**
 * `parallax enqueue <paths...> --db postgres://…`: read sources as `ingest` does and queue each new
 * record (bytes and one job) in PostgreSQL, for `parallax worker` processes on any machine to store.
 */
import type { Command } from 'commander';
import { DEFAULT_JOB_SETTINGS, enqueue, isPostgresUrl, queueStatus, type EnqueueSummary } from '../queue/index.js';
import { describeError } from './ingest.js';
import { EXIT_SOME_FAILED, UsageError } from './shared.js';

/** The queue lives in PostgreSQL: --db (or PARALLAX_DB) must name one. Shared by the queue commands. */
export function addQueueDbOption(command: Command): Command {
  return command.option('--db <url>', 'PostgreSQL URL, postgres://user@host:port/db (env PARALLAX_DB)', process.env.PARALLAX_DB);
}

export function requirePostgresUrl(db: string | undefined, command: string): string {
  if (db && isPostgresUrl(db)) return db;
  const given = db ? `got "${db}"` : 'none given';
  throw new UsageError(`${command} needs a PostgreSQL database: --db postgres://user@host:port/dbname (or PARALLAX_DB); ${given}`);
}

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${v}"`);
    return n;
  };
}

function renderSummary(s: EnqueueSummary): string {
  const lines = [
    `Read ${s.read} record(s) in ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.enqueued} queued, ${s.alreadyStored} already stored, ` +
      `${s.alreadyQueued} already queued, ${s.failed} failed.`,
  ];
  if (s.requeued > 0) lines.push(`Put back to retry: ${s.requeued} job(s) that had failed for good.`);
  const skipped = Object.entries(s.skipped);
  if (skipped.length) lines.push(`Skipped on purpose: ${skipped.map(([r, n]) => `${n} ${r}`).join(', ')}.`);
  const errors = Object.entries(s.errorsByCode);
  if (errors.length) lines.push(`Failures: ${errors.map(([c, n]) => `${n} ${c}`).join(', ')} (see \`parallax errors\`).`);
  return lines.join('\n');
}

export function registerEnqueue(program: Command): void {
  addQueueDbOption(
    program
      .command('enqueue')
      .description('Queue files, folders, WARC, feeds, JSONL or stdin ("-") in PostgreSQL for `parallax worker` processes')
      .argument('<paths...>', 'files, folders, or - for standard input')
      .option('--max-bytes <n>', 'largest document accepted, in bytes', positiveInt('--max-bytes'))
      .option('--retry-limit <n>', 'retries of a job after an infrastructure failure', positiveInt('--retry-limit'), DEFAULT_JOB_SETTINGS.retryLimit)
      .option('--retry-delay <seconds>', 'first retry delay (doubles each retry)', positiveInt('--retry-delay'), DEFAULT_JOB_SETTINGS.retryDelaySeconds)
      .option(
        '--job-timeout <seconds>',
        'a job running longer is presumed lost (dead worker) and given to another worker',
        positiveInt('--job-timeout'),
        DEFAULT_JOB_SETTINGS.expireInSeconds,
      )
      .option('--json', 'print the summary as one JSON object'),
  ).action(async (paths: string[], opts) => {
    const url = requirePostgresUrl(opts.db, 'enqueue');
    // pg-boss's limits: at least a second, less than a day.
    if (opts.jobTimeout < 1 || opts.jobTimeout >= 24 * 3600) throw new UsageError('--job-timeout must be from 1 second to under 24 hours');
    const summary = await enqueue(url, paths, {
      read: opts.maxBytes ? { maxBytes: opts.maxBytes } : undefined,
      job: { retryLimit: opts.retryLimit, retryDelaySeconds: opts.retryDelay, expireInSeconds: opts.jobTimeout },
      onError: (error) => process.stderr.write(`error: ${describeError(error)}\n`),
    });
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
  });
}
