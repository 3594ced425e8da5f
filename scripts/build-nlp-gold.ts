/**
 * Resolves the hand-written gold spec bench/gold/examples-nlp.spec.json into the offset-based gold
 * file bench/gold/examples-nlp.json used by bench/nlp.ts. Each document's text is produced once by
 * the extract helpers (HTML main content, text cleaning) and stored in the gold file, so offsets
 * stay valid whatever the extractor does later.
 *
 *   node --import tsx scripts/build-nlp-gold.ts
 *
 * Resolution rules: an entity surface form marks every occurrence at word boundaries, longest
 * forms first, never overlapping; a direct quote is the text between the quotation marks around
 * `contains`; an indirect quote is its exact `text`; a time is every occurrence of its text (or the
 * n-th when a third element is given). A spec item that cannot be found is an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticle } from '../src/cli/annotate.js';
import { markSurfaces, occurrences } from '../bench/lib/gold-scoring.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specPath = path.join(repoRoot, 'bench', 'gold', 'examples-nlp.spec.json');
const outPath = path.join(repoRoot, 'bench', 'gold', 'examples-nlp.json');

interface Spec {
  about: string;
  docs: {
    id: string;
    split?: 'dev' | 'heldout';
    source: string;
    publishedAt: string | null;
    entities: [string, string][];
    quotes: { direct: boolean; contains?: string; text?: string; speaker: string }[];
    events: { category: string; actor: string[]; target: string[]; trigger?: string }[];
    times: [string, string, number?][];
  }[];
}

const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec;
const docs = spec.docs.map((d) => {
  const { text } = readArticle(path.join(repoRoot, d.source));
  const entities = markSurfaces(text, d.entities, ([surface]) => {
    throw new Error(`${d.id}: entity "${surface}" not found`);
  }).map(({ start, end, item: [surface, type] }) => ({ start, end, type, text: surface }));
  const quotes = d.quotes.map((q) => {
    if (q.direct) {
      const at = text.indexOf(q.contains!);
      if (at < 0) throw new Error(`${d.id}: quote "${q.contains}" not found`);
      let s = at;
      while (s > 0 && !'\u201c"'.includes(text[s - 1])) s--;
      let e = at + q.contains!.length;
      while (e < text.length && !'\u201d"'.includes(text[e])) e++;
      while (e > s && /[\s,]/.test(text[e - 1])) e--;
      return { start: s, end: e, direct: true, speaker: q.speaker, text: text.slice(s, e) };
    }
    const at = text.indexOf(q.text!);
    if (at < 0) throw new Error(`${d.id}: indirect quote "${q.text}" not found`);
    return { start: at, end: at + q.text!.length, direct: false, speaker: q.speaker, text: q.text! };
  });
  const times: { start: number; end: number; value: string; text: string }[] = [];
  for (const [t, value, nth] of d.times) {
    const occ = occurrences(text, t);
    if (!occ.length) throw new Error(`${d.id}: time "${t}" not found`);
    const chosen = nth ? [occ[nth - 1]] : occ;
    if (chosen.some((x) => x === undefined)) throw new Error(`${d.id}: time "${t}" has no occurrence ${nth}`);
    for (const s of chosen) if (!times.some((x) => x.start === s)) times.push({ start: s, end: s + t.length, value, text: t });
  }
  times.sort((a, b) => a.start - b.start);
  return { id: d.id, split: d.split ?? 'dev', source: d.source, publishedAt: d.publishedAt, text, entities, quotes, events: d.events, times };
});

writeFileSync(outPath, JSON.stringify({ about: spec.about, docs }, null, 1) + '\n');
console.log(
  `wrote ${path.relative(repoRoot, outPath)}: ${docs.length} docs, ${docs.reduce((n, d) => n + d.entities.length, 0)} entities, ${docs.reduce((n, d) => n + d.quotes.length, 0)} quotes, ${docs.reduce((n, d) => n + d.events.length, 0)} events, ${docs.reduce((n, d) => n + d.times.length, 0)} times`,
);
