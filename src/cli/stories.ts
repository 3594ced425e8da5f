/**
 * `parallax stories`, `parallax story <id>`, `parallax reuse <docA> <docB>`: stories, derived copies
 * and reused passages over the stored corpus. Thin: relating is done by src/stories/.
 */
import type { Command } from 'commander';
import { DEFAULT_DB, addDbOption, displayDb, openStore, printJsonLines, shortId, table, truncate, UsageError, oneOf, wholeNumber } from './shared.js';
import { relateCorpus } from '../stories/relate-corpus.js';
import type { StoryRecord } from '../stories/store-port.js';
import { storyDerivations, storyOutlets } from '../stories/compare-corpus.js';
import { STORY_SORTS, selectStories } from '../stories/story-query.js';
import { findStory } from './compare.js';
import { renderDiff } from '../similarity/diff.js';
import { reusedPassages } from '../similarity/reuse.js';
import { alignTokens } from '../similarity/align.js';
import { tokenize, type Tokens } from '../similarity/tokens.js';

const outletCount = (s: StoryRecord) => storyOutlets(s).length;

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '-';
}

/** Members compared pairwise for shared passages at most (12 members: 66 alignments, each linear). */
const SHARED_PASSAGE_MEMBERS = 12;

interface SharedPassages {
  a: string;
  b: string;
  passages: number;
  chars: number;
  min: number;
  max: number;
}

/** Passages each pair of the story's first members shares, for pairs that relate did not mark as copy and source. */
async function sharedBetweenReports(
  story: StoryRecord,
  relations: Array<{ derived: string; source: string }>,
  textOf: (id: string) => Promise<string>,
): Promise<SharedPassages[]> {
  const related = new Set(relations.flatMap((r) => [`${r.derived} ${r.source}`, `${r.source} ${r.derived}`]));
  // an exact copy shares what its source shares: its pairs would repeat its source's
  const ids = new Set(story.articles.map((a) => a.id));
  const members = story.articles.filter((a) => !(a.copyOf && ids.has(a.copyOf))).slice(0, SHARED_PASSAGE_MEMBERS).map((a) => a.id);
  // each member tokenised once for all its pairs; only where and how alike the passages are is
  // printed, so no word diff is computed (`parallax reuse` shows it)
  const tokens: Tokens[] = [];
  for (const id of members) tokens.push(tokenize(await textOf(id)));
  const out: SharedPassages[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (related.has(`${members[i]} ${members[j]}`)) continue;
      const passages = alignTokens(tokens[i], tokens[j]);
      if (!passages.length) continue;
      const sims = passages.map((p) => p.similarity);
      out.push({ a: members[i], b: members[j], passages: passages.length, chars: passages.reduce((n, p) => n + p.bEnd - p.bStart, 0), min: Math.min(...sims), max: Math.max(...sims) });
    }
  }
  return out;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command('stories')
      .description('List stories: articles about one happening (id, label, time span, size, outlets)')
      .option('--sort <order>', `${STORY_SORTS.join(' | ')}: chronological, latest first, most articles or most outlets first`, oneOf('--sort', STORY_SORTS), 'start')
      .option('--min-size <n>', 'only stories with at least n articles', wholeNumber('--min-size', 1))
      .option('--outlet <name>', 'only stories with an article from this outlet')
      .option('--limit <n>', 'at most n stories', wholeNumber('--limit', 1))
      .option('--offset <n>', 'skip the first n stories', wholeNumber('--offset'))
      .option('--json', 'one JSON object per story (id, label, start, end, articles with id, origin, outlet, title, copyOf/spinOf)'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      const all = (await relateCorpus(store)).stories;
      const { total, stories } = selectStories(all, { sort: opts.sort, minSize: opts.minSize, outlet: opts.outlet, limit: opts.limit, offset: opts.offset });
      if (opts.json) return printJsonLines(stories);
      if (all.length === 0) return void process.stdout.write('No stories (ingest some articles first).\n');
      if (stories.length === 0) return void process.stdout.write(`No story matches (${all.length} stories in all).\n`);
      const rows = stories.map((s) => {
        return [shortId(s.id.replace(/^story-/, '')), `${day(s.start)}..${day(s.end)}`, String(s.articles.length), truncate(storyOutlets(s).join(', '), 30), truncate(s.label, 70)];
      });
      process.stdout.write(table(['story', 'span', 'size', 'outlets', 'label'], rows) + '\n');
      const shown = (opts.offset ?? 0) + stories.length;
      if (shown < total) process.stdout.write(`… ${total - shown} more (--offset ${shown}, or --json)\n`);
      const widest = [...stories].sort((a, b) => outletCount(b) - outletCount(a))[0];
      if (outletCount(widest) > 1) {
        const db = opts.db === DEFAULT_DB ? '' : ` --db ${displayDb(opts.db)}`;
        process.stdout.write(`\nNext: \`parallax compare ${shortId(widest.id.replace(/^story-/, ''))}${db}\` shows what its ${outletCount(widest)} outlets agree and disagree on; \`parallax search <words>${db}\` finds articles; \`parallax serve${db}\` opens the web UI.\n`);
      }
    } finally {
      await store.close();
    }
  });

  addDbOption(
    program
      .command('story')
      .description('Show one story: members, their copy relations and the passages they share')
      .argument('<id>', 'story id (or a unique prefix, with or without "story-")')
      .option('--json', 'print as one JSON object'),
  ).action(async (id: string, opts) => {
    const store = await openStore(opts.db);
    try {
      const { stories, derivations } = await relateCorpus(store);
      const story = findStory(stories, id);
      const relations = storyDerivations(story, derivations);
      if (opts.json) return void process.stdout.write(JSON.stringify({ ...story, derivations: relations }) + '\n');
      const out = [`${story.id}  ${day(story.start)}..${day(story.end)}  ${story.articles.length} articles`, `label: ${story.label}`, ''];
      const texts = new Map<string, string>();
      const textOf = async (articleId: string) => {
        let t = texts.get(articleId);
        if (t === undefined) texts.set(articleId, (t = (await store.getArticle(articleId))?.text ?? ''));
        return t;
      };
      for (const a of story.articles) {
        const rel = a.copyOf ? `  copy of ${shortId(a.copyOf)}` : a.spinOf ? `  spin of ${shortId(a.spinOf)}` : '';
        // an article with no title is shown by its first words, marked as such
        const title = a.title ?? `(untitled) ${(await textOf(a.id)).replace(/\s+/g, ' ').trim()}`;
        out.push(`${shortId(a.id)}  ${day(a.publishedAt)}  ${truncate(a.outlet, 20).padEnd(20)}  ${truncate(title, 60)}${rel}`);
      }
      for (const d of relations) {
        const text = await textOf(d.derived);
        out.push('', `${shortId(d.derived)} ${d.kind} ${shortId(d.source)}: coverage ${d.coverage.toFixed(2)}, similarity ${d.similarity.toFixed(2)} (direction by ${d.direction})`);
        for (const p of d.passages.slice(0, 5)) out.push(`  [${p.bStart}-${p.bEnd}] ${p.similarity.toFixed(2)} ${truncate(text.slice(p.bStart, p.bEnd), 100)}`);
      }
      // independent reports share passages too (the same wire copy, reworded): say which and how much
      const shared = await sharedBetweenReports(story, relations, textOf);
      if (shared.length) {
        out.push('', 'Passages shared by reports that are not copies of each other:');
        const db = opts.db === DEFAULT_DB ? '' : ` --db ${displayDb(opts.db)}`;
        for (const s of shared) {
          out.push(`  ${shortId(s.a)} ~ ${shortId(s.b)}: ${s.passages} passage(s), ${s.chars.toLocaleString('en-US')} characters, similarity ${s.min.toFixed(2)}–${s.max.toFixed(2)}  (\`parallax reuse ${shortId(s.a)} ${shortId(s.b)}${db}\`)`);
        }
      }
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      await store.close();
    }
  });

  addDbOption(
    program
      .command('reuse')
      .description('Passages reused between two articles, side by side, with word differences marked [-removed-] {+added+}')
      .argument('<docA>', 'article id or unique prefix')
      .argument('<docB>', 'article id or unique prefix')
      .option('--json', 'one JSON object per passage (offsets in both texts, similarity, texts, diff)'),
  ).action(async (idA: string, idB: string, opts) => {
    const store = await openStore(opts.db);
    try {
      const a = await store.getArticle(idA);
      const b = await store.getArticle(idB);
      if (!a) throw new UsageError(`no article with id ${JSON.stringify(idA)}`);
      if (!b) throw new UsageError(`no article with id ${JSON.stringify(idB)}`);
      const passages = reusedPassages(a, b);
      if (opts.json) return printJsonLines(passages);
      if (passages.length === 0) return void process.stdout.write('No reused passages.\n');
      const out: string[] = [];
      for (const p of passages) {
        out.push(`A ${shortId(a.id)} [${p.aStart}-${p.aEnd}]  B ${shortId(b.id)} [${p.bStart}-${p.bEnd}]  similarity ${p.similarity.toFixed(2)}${p.verbatim ? ' (verbatim)' : ''}`);
        out.push(`  A: ${p.textA.replace(/\s+/g, ' ')}`, `  B: ${p.textB.replace(/\s+/g, ' ')}`);
        if (!p.verbatim && p.diff) out.push(`  Δ: ${renderDiff(p.diff)}`);
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    } finally {
      await store.close();
    }
  });
}
