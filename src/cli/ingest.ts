/** `parallax ingest <paths...>`: read, clean, de-duplicate and store documents; print a summary. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { RecordError } from '../model.js';
import { ingest, type IngestOptions, type IngestSummary } from '../pipeline.js';
import { addDbOption, addFetchOptions, EXIT_SOME_FAILED, openStore, readOptionsFrom, similarityOption, wholeNumber, type FetchCliOptions } from './shared.js';
import { renderStats } from './stats.js';

export function describeError(error: RecordError): string {
  const o = error.origin;
  const where = [o.path, o.url && o.url !== o.path ? o.url : null, o.offset !== undefined ? `@${o.offset}` : null]
    .filter(Boolean)
    .join(' ');
  return `${where}: ${error.stage} failed (${error.code}): ${error.message}`;
}

function renderSummary(s: IngestSummary): string {
  const secs = s.elapsedMs / 1000;
  const lines = [
    `Read ${s.read} record(s) in ${secs.toFixed(1)} s: ${s.stored} stored, ${s.alreadyStored} already stored, ${s.failed} failed.`,
  ];
  if (s.stored > 0) lines.push(`Rate: ${(s.stored / Math.max(secs, 1e-3)).toFixed(0)} articles/s.`);
  if (s.exactDuplicates + s.nearDuplicates > 0) {
    lines.push(`New duplicate relations: ${s.exactDuplicates} exact, ${s.nearDuplicates} near.`);
  }
  if (s.standInsReplaced > 0) lines.push(`Replaced ${s.standInsReplaced} feed item(s) kept in place of pages that have now been fetched.`);
  const removed = Object.entries(s.removalsByReason).sort((a, b) => b[1] - a[1]);
  if (removed.length) lines.push(`Removed: ${removed.map(([r, n]) => `${n} ${r}`).join(', ')}.`);
  const skipped = Object.entries(s.skipped);
  if (skipped.length) lines.push(`Skipped on purpose: ${skipped.map(([r, n]) => `${n} ${r}`).join(', ')}.`);
  const errors = Object.entries(s.errorsByCode);
  if (errors.length) lines.push(`Failures: ${errors.map(([c, n]) => `${n} ${c}`).join(', ')} (see \`parallax errors\`).`);
  return lines.join('\n');
}

/** The options of commands that extract and store what they read (`ingest`, `watch`). */
export function addIngestOptions(command: Command): Command {
  return command
    .option('--near-threshold <j>', 'estimated Jaccard similarity for near duplicates', similarityOption('--near-threshold'), 0.8)
    .option('--max-bytes <n>', 'largest document accepted, in bytes', wholeNumber('--max-bytes', 1))
    .option('--workers <n>', 'extract worker threads (0 = main thread; default: one per core)', wholeNumber('--workers'))
    .option('--timeout <ms>', 'longest time one document may take to extract', wholeNumber('--timeout', 1), 60_000);
}

export interface IngestCliOptions extends FetchCliOptions {
  nearThreshold: number;
  maxBytes?: number;
  workers?: number;
  timeout: number;
}

/** What `ingest` is given for the options of `addIngestOptions` and `addFetchOptions`. */
export function ingestOptionsFrom(opts: IngestCliOptions): Pick<IngestOptions, 'duplicates' | 'read' | 'workers' | 'documentTimeoutMs'> {
  return {
    duplicates: { nearThreshold: opts.nearThreshold },
    read: readOptionsFrom(opts),
    workers: opts.workers,
    documentTimeoutMs: opts.timeout,
  };
}

export function registerIngest(program: Command): void {
  addDbOption(
    addFetchOptions(
      addIngestOptions(
        program
          .command('ingest')
          .description('Ingest files, folders (recursively), WARC/WARC.gz, RSS/Atom, JSONL, http(s) URLs or stdin ("-") into the corpus')
          .argument('<paths...>', 'files, folders, http(s) URLs, or - for standard input'),
      )
        .option('--no-progress', 'no progress bar, even on a terminal')
        .option('--json', 'print the summary as one JSON object'),
    ),
  ).action(async (paths: string[], opts) => {
    const store = await openStore(opts.db);
    const tty = process.stderr.isTTY && opts.progress !== false && !opts.json;
    const bar = tty
      ? new cliProgress.SingleBar(
          { format: ' {value} docs | {stored} stored | {failed} failed | {rate}/s | {current}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(0, 0, { stored: 0, failed: 0, rate: 0, current: '' });
    try {
      const summary = await ingest(paths, store, {
        ...ingestOptionsFrom(opts),
        onError: (error) => {
          if (bar) bar.stop();
          process.stderr.write(`error: ${describeError(error)}\n`);
          if (bar) bar.start(0, 0);
        },
        onProgress: bar
          ? (s, current) =>
              bar.update(s.read, {
                stored: s.stored,
                failed: s.failed,
                rate: (s.stored / Math.max(s.elapsedMs / 1000, 1e-3)).toFixed(0),
                current: current.length > 50 ? '…' + current.slice(-49) : current,
              })
          : undefined,
      });
      bar?.stop();
      if (opts.json) {
        process.stdout.write(JSON.stringify({ summary, corpus: await store.stats() }) + '\n');
      } else {
        process.stdout.write(renderSummary(summary) + '\n\n' + (await renderStats(await store.stats(), store)) + '\n');
      }
      if (summary.failed > 0) process.exitCode = EXIT_SOME_FAILED;
    } finally {
      bar?.stop();
      await store.close();
    }
  });
}
