/** `parallax reextract [ids...]`: extract stored articles again from their kept raw bytes, and say what changed. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { reextractCorpus, type ArticleChange, type ReextractSummary } from '../reextract.js';
import { describeError } from './ingest.js';
import { addDbOption, EXIT_SOME_FAILED, openStore, resolveArticleIds, shortId, similarityOption, truncate, wholeNumber } from './shared.js';

/** Changed articles listed in the text output unless --show says otherwise (--json lists all). */
const SHOWN = 20;

function quoted(value: string | null): string {
  return value === null ? '(none)' : JSON.stringify(truncate(value, 80));
}

export function renderChange(change: ArticleChange): string {
  const lines = [`  ${shortId(change.id)}  ${truncate(change.title, 70) || '(untitled)'}`];
  for (const f of change.fields) lines.push(`      ${f.field}: ${quoted(f.before)} → ${quoted(f.after)}`);
  if (change.text) lines.push(`      text: ${change.text.before.toLocaleString('en')} → ${change.text.after.toLocaleString('en')} characters`);
  if (change.removals) lines.push(`      removed spans: ${change.removals.before} → ${change.removals.after}`);
  if (change.details.length) lines.push(`      also: ${change.details.join(', ')}`);
  return lines.join('\n');
}

export function renderReextractSummary(s: ReextractSummary): string {
  const secs = (s.elapsedMs / 1000).toFixed(1);
  const verb = s.dryRun ? 'would change' : 'changed';
  const lines = [
    `${s.dryRun ? 'Dry run (nothing written): extracted' : 'Extracted'} ${s.checked} stored article(s) again with extractor version ${s.version} in ${secs} s: ` +
      `${s.changed} ${verb}, ${s.unchanged} unchanged, ${s.failed} failed.`,
  ];
  const fields = Object.entries(s.fieldsChanged).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (fields.length) lines.push(`Fields ${s.dryRun ? 'that would change' : 'changed'}: ${fields.map(([f, n]) => `${f} ${n}`).join(', ')}.`);
  if (!s.dryRun && s.duplicates.exact + s.duplicates.near > 0) {
    lines.push(`Duplicate relations of the changed texts: ${s.duplicates.exact} exact, ${s.duplicates.near} near.`);
  }
  if (!s.dryRun && s.changed > 0) lines.push('Annotations and stories of the changed articles are recomputed the next time they are read.');
  const errors = Object.entries(s.errorsByCode);
  if (errors.length) lines.push(`Failures (the stored articles are kept): ${errors.map(([c, n]) => `${n} ${c}`).join(', ')}.`);
  return lines.join('\n');
}

export function registerReextract(program: Command): void {
  addDbOption(
    program
      .command('reextract')
      .description(
        'Extract stored articles again from their kept raw bytes (after an upgrade: articles an older extractor made), and list what changed',
      )
      .argument('[ids...]', 'only these articles (ids or unique prefixes), whatever version made them')
      .option('--all', 'every stored article, not only those an older extractor made')
      .option('--dry-run', 'compare and list the changes without writing anything')
      .option('--show <n>', 'changed articles to list', wholeNumber('--show'), SHOWN)
      .option('--near-threshold <j>', 'estimated Jaccard similarity for near duplicates (as at ingest)', similarityOption('--near-threshold'), 0.8)
      .option('--workers <n>', 'extract worker threads (0 = main thread; default: one per core)', wholeNumber('--workers'))
      .option('--timeout <ms>', 'longest time one document may take to extract', wholeNumber('--timeout', 1), 60_000)
      .option('--no-progress', 'no progress bar, even on a terminal')
      .option('--json', 'print the summary and every change as one JSON object'),
  ).action(async (typed: string[], opts) => {
    const store = await openStore(opts.db);
    const changes: ArticleChange[] = [];
    const tty = process.stderr.isTTY && opts.progress !== false && !opts.json;
    const bar = tty ? new cliProgress.SingleBar({ format: ' {value} articles | {changed} changed | {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    try {
      const ids = typed.length ? await resolveArticleIds(store, typed) : undefined;
      bar?.start(0, 0, { changed: 0, failed: 0 });
      const summary = await reextractCorpus(store, {
        all: opts.all === true,
        ids,
        dryRun: opts.dryRun === true,
        workers: opts.workers,
        documentTimeoutMs: opts.timeout,
        duplicates: { nearThreshold: opts.nearThreshold },
        onChange: (change) => changes.push(change),
        onError: (error) => {
          bar?.stop();
          process.stderr.write(`error: ${describeError(error)}\n`);
        },
        onProgress: bar ? (s) => bar.update(s.checked, { changed: s.changed, failed: s.failed }) : undefined,
      });
      bar?.stop();
      if (opts.json) {
        process.stdout.write(JSON.stringify({ summary, changes }) + '\n');
      } else if (summary.checked === 0 && !ids) {
        process.stdout.write(
          `Every stored article was made by the current extractor (version ${summary.version}): nothing to do. ` +
            '`--all` extracts them again anyway.\n',
        );
      } else {
        const shown = changes.slice(0, opts.show);
        const more = changes.length - shown.length;
        const list = shown.map(renderChange);
        if (more > 0) list.push(`  … and ${more} more (\`--show ${changes.length}\` or \`--json\` lists all)`);
        process.stdout.write([renderReextractSummary(summary), ...list].join('\n') + '\n');
      }
      if (summary.failed > 0) process.exitCode = EXIT_SOME_FAILED;
    } finally {
      bar?.stop();
      await store.close();
    }
  });
}
