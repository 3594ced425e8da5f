/**
 * `parallax delete [ids...] [--from PREFIX]`: remove articles from the corpus (a folder ingested by
 * mistake, a takedown), with their raw bytes and everything derived from them. It only lists what it
 * would delete unless `--yes` is given: nothing else in Parallax destroys data, so this asks.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { isUrl } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { addDbOption, openStore, resolveArticleIds, shortId, truncate, UsageError, wholeNumber } from './shared.js';

/** Articles listed in the text output unless --show says otherwise (--json lists all). */
const SHOWN = 20;

interface DeletePlan {
  /** Articles to delete, in ingest order of discovery (named ids first). */
  ids: string[];
  /** Articles under a --from prefix that are kept: the same bytes were also read from elsewhere. */
  keptElsewhere: string[];
}

/** A --from value as origins store it: paths as typed at ingest ("./a/" → "a/"), URLs as they are. */
export function originPrefix(from: string): string {
  if (isUrl(from)) return from;
  return path.normalize(from);
}

async function plan(store: Store, typed: string[], from: string[]): Promise<DeletePlan> {
  const ids = await resolveArticleIds(store, typed);
  const keptElsewhere: string[] = [];
  for (const f of from) {
    if (f.trim() === '') throw new UsageError('--from needs a path or URL prefix');
    const found = await store.articlesFrom(originPrefix(f));
    ids.push(...found.only);
    keptElsewhere.push(...found.alsoElsewhere);
  }
  const unique = [...new Set(ids)];
  const chosen = new Set(unique);
  return { ids: unique, keptElsewhere: [...new Set(keptElsewhere)].filter((id) => !chosen.has(id)) };
}

async function describe(store: Store, ids: string[], limit: number): Promise<string[]> {
  const lines: string[] = [];
  for (const id of ids.slice(0, limit)) {
    const a = await store.getArticle(id);
    if (!a) continue;
    const o = a.origins[0];
    lines.push(`  ${shortId(id)}  ${truncate(a.outlet, 20).padEnd(20)}  ${truncate(a.title, 50).padEnd(50)}  ${truncate(o ? (o.url ?? o.path) : '', 60)}`);
  }
  if (ids.length > limit) lines.push(`  … and ${ids.length - limit} more (\`--json\` lists all)`);
  return lines;
}

export function registerDelete(program: Command): void {
  addDbOption(
    program
      .command('delete')
      .description('Delete articles with their raw bytes, origins, duplicate relations, annotations and search entries (lists them only, unless --yes)')
      .argument('[ids...]', 'article ids or unique prefixes')
      .option('--from <prefix...>', 'the articles read from under a file or folder path or a URL prefix (not those also read from elsewhere)')
      .option('--yes', 'delete; without it nothing is deleted and the articles are only listed')
      .option('--keep-out', 'also keep the same documents, and anything read from their URLs, out of later ingests, watches and enqueues (a takedown; `parallax kept-out` lists and lets in)')
      .option('--show <n>', 'articles to list', wholeNumber('--show'), SHOWN)
      .option('--json', 'print what was (or would be) deleted as one JSON object'),
  ).action(async (typed: string[], opts) => {
    const from: string[] = opts.from ?? [];
    if (typed.length === 0 && from.length === 0) throw new UsageError('name the articles to delete: ids, or --from a path or URL prefix');
    const store = await openStore(opts.db);
    try {
      const { ids, keptElsewhere } = await plan(store, typed, from);
      // described before deleting: afterwards there is nothing left to name them by
      const listed = opts.json ? [] : await describe(store, ids, opts.show);
      const keptBefore = opts.keepOut ? (await store.keptOut()).length : 0;
      const deleted = opts.yes && ids.length ? await store.deleteArticles(ids, { keepOut: opts.keepOut === true }) : 0;
      const keptOut = opts.keepOut && deleted ? (await store.keptOut()).length - keptBefore : 0;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ deleted, articles: ids, keptElsewhere, dryRun: !opts.yes, keptOut }) + '\n');
        return;
      }
      const out: string[] = [];
      if (ids.length === 0) out.push('No article matches: nothing to delete.');
      else if (!opts.yes) {
        const keep = opts.keepOut ? ' and keep them out of later ingests' : '';
        out.push(`Would delete ${ids.length} article(s)${keep}; nothing deleted (add --yes to delete them):`, ...listed);
      } else {
        const after = opts.keepOut
          ? `kept out of later ingests: ${keptOut} new document id(s) and URL(s), listed by \`parallax kept-out\``
          : 'ingesting the same bytes again stores them anew; --keep-out keeps them out';
        out.push(
          `Deleted ${deleted} article(s) with their raw bytes, origins, duplicate relations, annotations and search entries ` +
            `(stories are recomputed on the next read; ${after}):`,
          ...listed,
        );
      }
      if (keptElsewhere.length) {
        out.push(`Kept ${keptElsewhere.length} article(s) also read from elsewhere (delete them by id to remove them):`);
        out.push(...(await describe(store, keptElsewhere, opts.show)));
      }
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      await store.close();
    }
  });
}
