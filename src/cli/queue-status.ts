/** `parallax queue-status --db postgres://…`: jobs by state, the raw backlog, and the jobs that failed for good. */
import type { Command } from 'commander';
import { queueStatus, type QueueStatus } from '../queue/index.js';
import { addQueueDbOption, requirePostgresUrl, withQueueDatabase } from './enqueue.js';
import { shortId, table, truncate, wholeNumber } from './shared.js';

export function registerQueueStatus(program: Command): void {
  addQueueDbOption(
    program
      .command('queue-status')
      .description('Show the ingest queue: jobs waiting, running, done and failed, and the bytes still queued')
      .option('--failed <n>', 'list at most this many failed jobs', wholeNumber('--failed'), 20)
      .option('--json', 'print the status as one JSON object'),
  ).action(async (opts) => {
    const url = requirePostgresUrl(opts.db, 'queue-status');
    await withQueueDatabase(url, async () => printStatus(await queueStatus(url, { failedLimit: opts.failed }), opts.json === true));
  });
}

function printStatus(status: QueueStatus, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(status) + '\n');
    return;
  }
  const j = status.jobs;
  const lines = [
    `Jobs: ${j.created} waiting, ${j.retry} waiting to retry, ${j.active} running, ${j.completed} completed, ${j.failed} failed` +
      (j.cancelled ? `, ${j.cancelled} cancelled.` : '.'),
    `Queued bytes: ${status.backlog.records} record(s), ${(status.backlog.bytes / 1024).toFixed(0)} KiB.`,
  ];
  const waiting = j.created + j.retry + j.active;
  if (status.recentRate > 0) {
    const left = waiting > 0 ? `; at that pace the ${waiting} left take about ${formatDuration(waiting / status.recentRate)}` : '';
    lines.push(`Last minute: ${status.recentRate.toFixed(1)} jobs/s${left}.`);
  }
  if (status.failed.length) {
    lines.push('', `Failed for good (re-run \`parallax enqueue\` on the same inputs to retry them):`);
    lines.push(
      table(
        ['job', 'record', 'retries', 'finished', 'error'],
        status.failed.map((f) => [shortId(f.jobId), f.rawId ? shortId(f.rawId) : '-', String(f.retries), f.finishedAt ?? '-', truncate(f.message, 80)]),
      ),
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
