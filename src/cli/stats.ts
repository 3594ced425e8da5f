/** `parallax stats`: what the corpus holds: documents, outlets, languages, duplicates, removed junk, failures. */
import type { Command } from 'commander';
import { EXTRACT_VERSION } from '../extract/version.js';
import type { CorpusStats, Store } from '../store/store.js';
import { addDbOption, openStore, shortId, truncate } from './shared.js';

/** Outlets named in the human-readable summary, largest first. */
const OUTLETS_SHOWN = 25;

/** A human-readable corpus summary, also printed at the end of `ingest`. */
export async function renderStats(s: CorpusStats, store: Store): Promise<string> {
  const lines: string[] = [];
  lines.push(
    `Corpus: ${s.documents} document(s) from ${s.origins} origin(s); ${(s.rawBytes / 1024).toFixed(0)} KiB raw kept, ` +
      `${(s.cleanChars / 1024).toFixed(0)} K characters of clean text.`,
  );
  if (s.outlets.length) {
    // a crawl has thousands of outlets: the summary names the largest, `stats --json` has them all
    const shown = s.outlets.slice(0, OUTLETS_SHOWN).map((o) => `${o.outlet} (${o.documents})`);
    const more = s.outlets.length - shown.length;
    lines.push(`Outlets (${s.outlets.length}): ${shown.join(', ')}${more > 0 ? `, and ${more} more (\`parallax stats --json\` lists all)` : ''}`);
  }
  if (s.languages.length) lines.push(`Languages: ${s.languages.map((l) => `${l.language} (${l.documents})`).join(', ')}`);
  const sameBytes = s.origins - s.documents;
  lines.push(
    `Duplicates: ${sameBytes} byte-identical re-read(s), ${s.duplicates.exact} exact-text pair(s), ${s.duplicates.near} near-duplicate pair(s).`,
  );
  const pairs = await store.duplicates({ limit: 10 });
  for (const d of pairs) {
    const a = await store.getArticle(d.a);
    const b = await store.getArticle(d.b);
    lines.push(
      `  ${d.kind.padEnd(5)} ${d.similarity.toFixed(2)}  ${shortId(d.a)} ${truncate(a?.outlet, 18)} ~ ${shortId(d.b)} ${truncate(b?.outlet, 18)}  ${truncate(b?.title, 50)}`,
    );
  }
  if (s.removals.length) {
    const total = s.removals.reduce((n, r) => n + r.count, 0);
    lines.push(
      `Removed junk: ${total} span(s): ${s.removals.map((r) => `${r.reason} ${r.count}`).join(', ')} (audit with \`parallax show <id>\`).`,
    );
  }
  const outdated = s.extractVersions.filter((v) => v.version < EXTRACT_VERSION).reduce((n, v) => n + v.documents, 0);
  if (outdated > 0) {
    lines.push(`Extraction: ${outdated} article(s) made by an older extractor than this one (version ${EXTRACT_VERSION}); \`parallax reextract\` updates them from their kept raw bytes.`);
  }
  if (s.errors.length) lines.push(`Failed documents: ${s.errors.map((e) => `${e.code} ${e.count}`).join(', ')} (see \`parallax errors\`).`);
  const keptOut = (await store.keptOut()).length;
  if (keptOut > 0) lines.push(`Kept out of later ingests: ${keptOut} deleted document id(s) and URL(s) (see \`parallax kept-out\`).`);
  return lines.join('\n');
}

export function registerStats(program: Command): void {
  addDbOption(
    program.command('stats').description('Summarise the corpus').option('--json', 'print as one JSON object'),
  ).action(async (opts) => {
    const store = await openStore(opts.db);
    try {
      const stats = await store.stats();
      process.stdout.write(opts.json ? JSON.stringify(stats) + '\n' : (await renderStats(stats, store)) + '\n');
    } finally {
      await store.close();
    }
  });
}
