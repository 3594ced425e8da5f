/** `parallax show <id>`: one article in full, with the audit trail of what cleaning removed and why. */
import type { Command } from 'commander';
import type { RawOrigin } from '../model.js';
import { relateCorpus } from '../stories/relate-corpus.js';
import { storyIndex, storyRef } from '../stories/story-query.js';
import { addDbOption, openStore, shortId, truncate, UsageError } from './shared.js';

export function registerShow(program: Command): void {
  addDbOption(
    program
      .command('show')
      .description('Show one article: metadata and where it came from, quality, clean text, removals and repairs')
      .argument('<id>', 'article id or a unique prefix of it')
      .option('--raw', 'print the raw bytes exactly as ingested')
      .option('--json', 'print as one JSON object'),
  ).action(async (id: string, opts) => {
    const store = await openStore(opts.db);
    try {
      const article = await store.getArticle(id);
      if (!article) throw new UsageError(`no article with id ${JSON.stringify(id)} (see \`parallax list\`)`);
      if (opts.raw) {
        process.stdout.write(await store.getRaw(article.id) ?? new Uint8Array());
        return;
      }
      const duplicates = await store.duplicates({ article: article.id });
      const found = storyIndex((await relateCorpus(store)).stories).get(article.id);
      const story = found ? storyRef(found) : null;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...article, duplicates, story }) + '\n');
        return;
      }
      const src = article.metaSources;
      const field = (name: string, value: string | null, source?: string) =>
        `${name.padEnd(10)} ${value ?? '-'}${value && source ? `  [${source}]` : ''}`;
      const q = article.quality;
      const out = [
        field('id', article.id),
        field('title', article.title, src.title),
        field('published', article.publishedAt, src.publishedAt),
        field('outlet', article.outlet, src.outlet),
        field('byline', article.byline, src.byline),
        field('language', article.language, src.language),
        field('url', article.url, src.url),
        article.canonicalUrl && article.canonicalUrl !== article.url ? field('canonical', article.canonicalUrl) : null,
        article.dateline ? field('dateline', `${article.dateline.place}${article.dateline.outlet ? ` (${article.dateline.outlet})` : ''}`) : null,
        field('origins', article.origins.map(describeOrigin).join(', ')),
        field(
          'quality',
          `spam ${q.spamScore.toFixed(2)}, garble ${q.garbleScore.toFixed(2)}, removed ${(q.removedShare * 100).toFixed(0)}%, ` +
            `${q.words} words, ${q.paragraphs} paragraphs, ${q.runTogetherWords} run-together, ${q.brokenSentenceStarts} broken starts`,
        ),
        ...duplicates.map((d) =>
          field('duplicate', `${d.kind} ${d.similarity.toFixed(2)} with ${shortId(d.a === article.id ? d.b : d.a)}`),
        ),
        story ? field('story', `${shortId(story.id)} ${truncate(story.label, 70)} (${story.size} article${story.size === 1 ? '' : 's'}; \`parallax story ${shortId(story.id)}\`)`) : null,
        '',
        article.text,
        '',
        `Removed (${article.removals.length}):`,
        ...article.removals.map((r) => `  - ${r.reason} [${r.rule}]: ${truncate(r.text, 100)}`),
        article.repairs.length ? `Repaired (${article.repairs.length}):` : null,
        ...article.repairs.map((r) => `  - ${r.kind}: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`),
      ].filter((l) => l !== null);
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      await store.close();
    }
  });
}

/** An origin as `show` lists it: its URL or path, and for a feed item standing in for its page, why. */
export function describeOrigin(o: RawOrigin): string {
  const where = o.url ?? o.path;
  if (o.linkFailed) return `${where} (feed item; its page failed for now, ${o.linkFailed}: asked for again next time)`;
  if (o.linkRefused) return `${where} (feed item; its page was refused, ${o.linkRefused})`;
  return where;
}
