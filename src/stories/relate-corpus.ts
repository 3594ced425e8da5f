/**
 * Relate a whole stored corpus: every article, oldest first, through one Relater. Used by the
 * CLI (`parallax stories`, `parallax story`); the store is reached only through RelateStorePort.
 * Articles are read one at a time; memory holds the relater's window plus the output.
 */
import { Relater, type RelateOptions } from './relate.js';
import type { DerivationRecord, RelatableArticle, RelateStorePort, StoryMember, StoryRecord } from './store-port.js';
import { sourceCredit, syndicationCredit, type Derivation } from './derive.js';
import type { Story } from './cluster.js';
import { appendTo } from '../multimap.js';

export interface CorpusRelations {
  stories: StoryRecord[];
  derivations: DerivationRecord[];
}

export function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

function toRecord(d: Derivation): DerivationRecord {
  return {
    ...d,
    passages: d.passages.map(({ aStart, aEnd, bStart, bEnd, similarity, verbatim }) => ({ aStart, aEnd, bStart, bEnd, similarity, verbatim })),
  };
}

/**
 * Dated articles in time order, then undated ones in ingest order (an undated article is placed
 * as if published with the latest article seen: "same time"). Times come from one listing, so
 * each article's text is read once, by the relate pass.
 */
async function relateOrder(port: RelateStorePort, ids: string[]): Promise<string[]> {
  const publishedAt = new Map((await port.listArticles()).map((a) => [a.id, a.publishedAt]));
  const dated: Array<{ id: string; t: number; i: number }> = [];
  const undated: string[] = [];
  for (const [i, id] of ids.entries()) {
    const t = parseTime(publishedAt.get(id) ?? null);
    if (t === null) undated.push(id);
    else dated.push({ id, t, i });
  }
  dated.sort((a, b) => a.t - b.t || a.i - b.i);
  return [...dated.map((d) => d.id), ...undated];
}

export async function relateCorpus(port: RelateStorePort, options: Partial<RelateOptions> = {}): Promise<CorpusRelations> {
  const ids = await port.articleIds();
  const stamp = corpusStamp(ids);
  const cached = await port.getStories?.(stamp);
  if (cached) return cached;

  const relater = new Relater(options);
  const duplicatesOf = new Map<string, string[]>();
  // (appended, not copied: a wire story syndicated to hundreds of sites has hundreds of duplicates)
  for (const d of await port.duplicates()) {
    appendTo(duplicatesOf, d.b, d.a);
    appendTo(duplicatesOf, d.a, d.b);
  }
  const derivations = new Map<string, Derivation>();
  const members = new Map<string, StoryMember>();
  const closed: Story[] = [];
  for (const id of await relateOrder(port, ids)) {
    const a = await port.getArticle(id);
    if (!a) continue;
    const r = relater.add({
      id: a.id,
      title: a.title,
      text: a.text,
      publishedAt: parseTime(a.publishedAt),
      outlet: a.outlet,
      credit: a.dateline?.outlet ?? sourceCredit(a.text) ?? creditInRemovals(a),
      duplicates: duplicatesOf.get(a.id),
    });
    if (r.derivedFrom) derivations.set(a.id, r.derivedFrom);
    for (const d of r.sourceOf) derivations.set(d.derived, d);
    members.set(a.id, memberOf(a));
    closed.push(...relater.closeStories());
  }
  closed.push(...relater.closeAll());

  const stories = closed.map((s): StoryRecord => {
    const arts = s.articles.map((id) => {
      const m = { ...members.get(id)! };
      const d = derivations.get(id);
      if (d) m[d.kind === 'copy-of' ? 'copyOf' : 'spinOf'] = d.source;
      return m;
    });
    const times = arts.map((m) => parseTime(m.publishedAt)).filter((t): t is number => t !== null);
    return {
      id: s.id,
      label: s.label,
      start: times.length ? new Date(Math.min(...times)).toISOString() : null,
      end: times.length ? new Date(Math.max(...times)).toISOString() : null,
      articles: arts,
    };
  });
  stories.sort((x, y) => (x.start ?? '\uffff').localeCompare(y.start ?? '\uffff') || x.id.localeCompare(y.id));
  const result = { stories, derivations: [...derivations.values()].map(toRecord) };
  await port.saveStories?.(stamp, result.stories, result.derivations);
  return result;
}

function memberOf(a: RelatableArticle): StoryMember {
  const o = a.origins[0];
  return { id: a.id, origin: o ? (o.url ?? o.path) : null, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt };
}

/** Bump when relating gives different stories for the same corpus, so cached stories are recomputed. */
export const RELATE_VERSION = 4;

/**
 * Identifies the corpus state (its article ids, in order): a cached result is valid while it holds.
 * Stores drop the cache when they change an article in place (re-extraction).
 */
export function corpusStamp(ids: string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return `v${RELATE_VERSION}:${ids.length}:${(h >>> 0).toString(16)}`;
}

/**
 * The outlet an article credits as its source in a line cleaning removed (a feed's "The post …
 * appeared first on X" footer).
 */
function creditInRemovals(a: RelatableArticle): string | null {
  for (const r of a.removals ?? []) {
    const credit = syndicationCredit(r.text);
    if (credit) return credit;
  }
  return null;
}
