/**
 * `parallax worker --db postgres://…`: take queued records (see `parallax enqueue`), extract and store
 * them. Run as many as you like, on as many machines. Stops on SIGINT/SIGTERM after the jobs in hand
 * (a second signal stops at once; the jobs then expire and go to another worker), or with --idle-exit
 * once the queue has had nothing to do for that long.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { runWorker, type WorkerSummary } from '../queue/index.js';
import { addQueueDbOption, requirePostgresUrl, withQueueDatabase } from './enqueue.js';
import { describeError } from './ingest.js';
import { EXIT_SOME_FAILED, UsageError } from './shared.js';

/** Without a terminal, a progress line this often (when something happened), for logs. */
const LOG_EVERY_MS = 10_000;

/** Articles per second while there was work (start-up and idle waits left out). */
function rate(s: WorkerSummary): string {
  return (s.stored / Math.max(s.busyMs / 1000, 1e-3)).toFixed(0);
}

function renderSummary(s: WorkerSummary): string {
  const lines = [
    `Worked ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.jobs} job(s) done, ${s.stored} stored, ${s.alreadyStored} already stored, ${s.failed} failed` +
      (s.jobFailures ? `; ${s.jobFailures} job attempt(s) handed back for retry.` : '.'),
  ];
  if (s.stored > 0) {
    const writeMs = s.storeWriteMs / s.stored;
    lines.push(
      `Rate: ${rate(s)} articles/s while busy (${(s.busyMs / 1000).toFixed(1)} s); store writes ${writeMs.toFixed(1)} ms/article ` +
        `(they take turns across all workers: at most ~${(1000 / Math.max(writeMs, 1e-3)).toFixed(0)} articles/s however many run).`,
    );
  }
  if (s.exactDuplicates + s.nearDuplicates > 0) lines.push(`New duplicate relations: ${s.exactDuplicates} exact, ${s.nearDuplicates} near.`);
  const removed = Object.entries(s.removalsByReason).sort((a, b) => b[1] - a[1]);
  if (removed.length) lines.push(`Removed: ${removed.map(([r, n]) => `${n} ${r}`).join(', ')}.`);
  const errors = Object.entries(s.errorsByCode);
  if (errors.length) lines.push(`Failures: ${errors.map(([c, n]) => `${n} ${c}`).join(', ')} (see \`parallax errors\`).`);
  return lines.join('\n');
}

function count(name: string, min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} must be a number of at least ${min}, got "${v}"`);
    return n;
  };
}

export function registerWorker(program: Command): void {
  addQueueDbOption(
    program
      .command('worker')
      .description('Extract, annotate and store queued records (from `parallax enqueue`) until stopped, or idle with --idle-exit')
      .option('--concurrency <n>', 'extract threads in this process (documents extracted at once; 0 = main thread)', count('--concurrency', 0), 1)
      .option('--batch-size <n>', 'jobs fetched, extracted and stored together', count('--batch-size', 1), 8)
      .option('--idle-exit <seconds>', 'exit once the queue has had nothing to do for this long', count('--idle-exit', 0))
      .option('--timeout <ms>', 'longest time one document may take to extract (and annotate)', count('--timeout', 1), 60_000)
      .option('--poll <ms>', 'how often an idle worker looks for jobs', count('--poll', 50), 1000)
      .option('--no-annotate', 'store articles without their annotation layers (the first command that reads them annotates them in one process)')
      .option('--no-progress', 'no progress bar or progress lines')
      .option('--json', 'print the summary as one JSON object'),
  ).action(async (opts: WorkerCliOptions) => {
    const url = requirePostgresUrl(opts.db, 'worker');
    const controller = new AbortController();
    let signals = 0;
    const onSignal = (name: NodeJS.Signals) => {
      signals++;
      if (signals > 1) process.exit(130);
      process.stderr.write(`worker: ${name}: finishing the job(s) in hand, then stopping (again to stop at once)\n`);
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await withQueueDatabase(url, () => work(url, opts, controller.signal));
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

interface WorkerCliOptions {
  db?: string;
  concurrency: number;
  batchSize: number;
  idleExit?: number;
  timeout: number;
  poll: number;
  progress: boolean;
  /** false with --no-annotate */
  annotate: boolean;
  json?: boolean;
}

async function work(url: string, opts: WorkerCliOptions, signal: AbortSignal): Promise<void> {
  const showProgress = opts.progress !== false && !opts.json;
  const bar =
    showProgress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: ' {value} jobs | {stored} stored | {failed} failed | {rate}/s | {current}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  /** A message line, printed above the progress bar. */
  const say = (line: string) => {
    bar?.stop();
    process.stderr.write(line + '\n');
    bar?.start(0, 0);
  };
  bar?.start(0, 0, { stored: 0, failed: 0, rate: 0, current: '' });
  let lastLog = Date.now();
  let loggedJobs = 0;
  try {
    const summary = await runWorker(url, {
      concurrency: Math.floor(opts.concurrency),
      batchSize: Math.floor(opts.batchSize),
      idleExitMs: opts.idleExit !== undefined ? opts.idleExit * 1000 : undefined,
      signal,
      pollMs: opts.poll,
      documentTimeoutMs: opts.timeout,
      annotate: opts.annotate,
      onError: (error) => say(`error: ${describeError(error)}`),
      onJobFailed: (jobId, message) => say(`job ${jobId} failed, handed back for retry: ${message}`),
      onBackgroundError: (err) => say(`worker: queue maintenance failed (will retry): ${err.message}`),
      onProgress: (s, current) => {
        if (bar) {
          bar.update(s.jobs, { stored: s.stored, failed: s.failed, rate: rate(s), current: current.slice(0, 12) });
        } else if (showProgress && Date.now() - lastLog >= LOG_EVERY_MS && s.jobs !== loggedJobs) {
          lastLog = Date.now();
          loggedJobs = s.jobs;
          process.stderr.write(`worker: ${s.jobs} job(s), ${s.stored} stored, ${s.failed} failed, ${rate(s)} articles/s\n`);
        }
      },
    });
    bar?.stop();
    process.stdout.write((opts.json ? JSON.stringify(summary) : renderSummary(summary)) + '\n');
    if (summary.failed > 0) process.exitCode = EXIT_SOME_FAILED;
  } finally {
    bar?.stop();
  }
}
