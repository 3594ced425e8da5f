/** `parallax export <kind>`: the corpus as JSONL, CSV or TSV, for spreadsheets, pandas or GDELT-style tooling. */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { mergeCorpusEntities } from '../nlp/index.js';
import { relateCorpus } from '../stories/relate-corpus.js';
import { storyIndex } from '../stories/story-query.js';
import type { Store } from '../store/store.js';
import {
  EXPORT_KINDS,
  articleTable,
  entityTable,
  eventTable,
  quoteTable,
  storyTable,
  type ExportKind,
  type ExportTable,
} from '../export/tables.js';
import { EXPORT_FORMATS, writeTable, type ExportFormat } from '../export/write.js';
import { ensureAnnotated } from './annotated.js';
import { UsageError, addDbOption, openStore, searchOrUsageError } from './shared.js';

interface ExportOptions {
  db: string;
  format?: string;
  out?: string;
  annotations?: boolean;
  text: boolean;
  query?: string;
}

/** --format wins; else the --out extension; else JSONL. */
export function chooseFormat(format: string | undefined, out: string | undefined): ExportFormat {
  const f = format ?? out?.match(/\.(jsonl|csv|tsv)$/i)?.[1]?.toLowerCase() ?? 'jsonl';
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${f}"`);
  return f as ExportFormat;
}

async function buildTable(kind: ExportKind, store: Store, opts: ExportOptions): Promise<ExportTable> {
  switch (kind) {
    case 'articles': {
      if (opts.annotations) await ensureAnnotated(store);
      const storyOf = storyIndex((await relateCorpus(store)).stories);
      // every article the search finds, best match first
      const ids = opts.query === undefined ? undefined : (await searchOrUsageError(store, { q: opts.query }, '--query')).hits.map((h) => h.id);
      return articleTable(store, { storyOf, withAnnotations: !!opts.annotations, withText: opts.text, ids });
    }
    case 'stories':
      return storyTable((await relateCorpus(store)).stories);
    case 'entities':
      await ensureAnnotated(store);
      return entityTable(
        mergeCorpusEntities(await store.entityClusters()).sort((a, b) => b.articles.length - a.articles.length || a.canonical.localeCompare(b.canonical)),
      );
    case 'quotes':
      await ensureAnnotated(store);
      return quoteTable(await store.quotes());
    case 'events':
      await ensureAnnotated(store);
      return eventTable(await store.events());
  }
}

export function registerExport(program: Command): void {
  addDbOption(
    program
      .command('export')
      .description(`Export ${EXPORT_KINDS.join(', ')} as JSONL, CSV or TSV (CSV/TSV cells are defused against spreadsheet formulas)`)
      .argument('<kind>', EXPORT_KINDS.join(' | '))
      .option('--format <format>', `${EXPORT_FORMATS.join(' | ')} (default: from the --out extension, else jsonl)`)
      .option('--out <file>', 'write to this file (written whole, then renamed into place) instead of stdout')
      .option('--annotations', 'articles, JSONL: add each article\'s annotation layers')
      .option('--no-text', 'articles: leave the clean text out')
      .option('--query <search>', 'articles: only those matching this search (as `parallax search` reads it), best match first'),
  ).action(async (kind: string, opts: ExportOptions) => {
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown export kind "${kind}"; use one of ${EXPORT_KINDS.join(', ')}`);
    const format = chooseFormat(opts.format, opts.out);
    if (opts.annotations && format !== 'jsonl') throw new UsageError('--annotations needs --format jsonl (layers are nested data)');
    if (opts.query !== undefined && kind !== 'articles') throw new UsageError('--query selects articles; use it with `export articles`');
    const store = await openStore(opts.db);
    try {
      const table = await buildTable(kind as ExportKind, store, opts);
      if (!opts.out) {
        const n = await writeTable(table, format, process.stdout);
        process.stderr.write(`exported ${n} ${kind}\n`);
        return;
      }
      const tmp = `${opts.out}.partial-${process.pid}`;
      const stream = createWriteStream(tmp);
      try {
        const n = await writeTable(table, format, stream);
        await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
        renameSync(tmp, opts.out);
        process.stderr.write(`exported ${n} ${kind} to ${opts.out}\n`);
      } catch (err) {
        stream.destroy();
        rmSync(tmp, { force: true });
        throw err;
      }
    } finally {
      await store.close();
    }
  });
}
