/**
 * `parallax extract <files...>`: stateless extraction, no database. Prints one JSON object per document
 * with --json (a container such as a WARC or feed gives one object per record).
 */
import type { Command } from 'commander';
import { extract } from '../extract/index.js';
import { readSources } from '../ingest/index.js';
import type { Article, RawOrigin } from '../model.js';
import { describeError } from './ingest.js';
import { addFetchOptions, EXIT_SOME_FAILED, fetchOptionsFrom, truncate } from './shared.js';

function originLabel(origin: RawOrigin): string {
  return origin.path;
}

/** The document's origin first, then every Article field (see src/model.ts). */
function toJson(origin: RawOrigin, article: Article) {
  return { file: originLabel(origin), ...(origin.url ? { sourceUrl: origin.url } : {}), ...article };
}

export function registerExtract(program: Command): void {
  addFetchOptions(
    program
      .command('extract')
      .description('Extract clean text and metadata from files or http(s) URLs without storing anything')
      .argument('<files...>', 'files, folders, http(s) URLs, or - for standard input')
      .option('--json', 'one JSON object per document'),
  ).action(async (files: string[], opts) => {
    let failed = 0;
    for await (const item of readSources(files, { fetch: fetchOptionsFrom(opts) })) {
      if (item.kind === 'error') {
        failed++;
        process.stderr.write(`error: ${describeError(item.error)}\n`);
        if (opts.json) process.stdout.write(JSON.stringify({ file: item.error.origin.path, error: item.error }) + '\n');
        continue;
      }
      const { record } = item;
      let article: Article;
      try {
        article = extract(record);
      } catch (err) {
        failed++;
        const e = err as { code?: string; message?: string };
        const error = { origin: record.origin, stage: 'extract' as const, code: e.code ?? 'extract-failed', message: e.message ?? String(err) };
        process.stderr.write(`error: ${describeError(error)}\n`);
        if (opts.json) process.stdout.write(JSON.stringify({ file: record.origin.path, error }) + '\n');
        continue;
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(toJson(record.origin, article)) + '\n');
      } else {
        process.stdout.write(
          [
            `== ${record.origin.url ?? record.origin.path}`,
            `title: ${article.title ?? '-'} | published: ${article.publishedAt ?? '-'} | outlet: ${article.outlet ?? '-'} | byline: ${article.byline ?? '-'} | language: ${article.language ?? '-'}`,
            '',
            article.text,
            '',
            ...article.removals.map((r) => `  removed ${r.reason} [${r.rule}]: ${truncate(r.text, 90)}`),
            '',
          ].join('\n'),
        );
      }
    }
    if (failed > 0) process.exitCode = EXIT_SOME_FAILED;
  });
}
