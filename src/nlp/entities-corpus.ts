/**
 * Cross-article entity merging: article-level clusters → canonical corpus entities with aliases.
 *
 * Rules, in order (all deterministic, independent of input order except for tie-breaking by the
 * first article seen):
 * 1. Same type and same normalised canonical name → same entity ("Kim Jong Un" in two articles).
 * 2. Same type and a shared alias that is a full name (≥ 2 words) or a lexicon canonical
 *    (places/organisations already carry lexicon canonicals, so "UN" and "U.N." meet there).
 * 3. A PERSON known only by one word ("Putin") joins the single multi-word PERSON entity whose
 *    first or last word it is; when two such entities exist ("Kim Jong Un", "Kim Yo Jong") the
 *    one-word entity stays apart: ambiguity is not resolved by guessing across articles.
 * The canonical name of a merged entity is its longest full name, then its most frequent one.
 */
import type { EntityCluster, EntityType } from './types.js';
import { foldDiacritics } from './fold.js';

export interface ArticleEntities {
  articleId: string;
  clusters: EntityCluster[];
}

export interface CorpusEntity {
  /** Stable id: type + normalised canonical name. */
  id: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  country?: string;
  /** Article ids, in first-seen order. */
  articles: string[];
  mentionCount: number;
}

const norm = (s: string) =>
  foldDiacritics(s.normalize('NFKC').toLowerCase())
    .replace(/[\u2019']/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .trim();

export function mergeCorpusEntities(articles: ArticleEntities[]): CorpusEntity[] {
  // union-find over (article, cluster) items
  const items: { art: string; c: EntityCluster }[] = [];
  for (const a of articles) for (const c of a.clusters) items.push({ art: a.articleId, c });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // rules 1 and 2: shared canonical or shared multi-word alias, per type
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    const keys = new Set<string>([norm(it.c.canonical)]);
    for (const a of it.c.aliases) {
      const words = a.trim().split(/\s+/);
      // persons meet on full names only; role references ("the Russian leader") name no one across articles
      if (it.c.type === 'PERSON' && (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w)))) continue;
      keys.add(norm(a));
    }
    for (const k of keys) {
      if (!k) continue;
      const key = it.c.type + ':' + k;
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else union(i, j);
    }
  });
  // rule 3: one-word persons → the unique multi-word person containing that word at an end
  const multiBySurname = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const parts = norm(it.c.canonical).split(/[\s-]+/);
    if (parts.length < 2) return;
    for (const w of [parts[0], parts[parts.length - 1]]) {
      const set = multiBySurname.get(w) ?? new Set<number>();
      set.add(i);
      multiBySurname.set(w, set);
    }
  });
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const parts = norm(it.c.canonical).split(/\s+/);
    if (parts.length !== 1) return;
    const cands = multiBySurname.get(parts[0]);
    if (!cands) return;
    const roots = new Set([...cands].map(find));
    if (roots.size === 1) union(i, [...cands][0]);
  });

  // assemble
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  const out: CorpusEntity[] = [];
  for (const members of groups.values()) {
    const first = items[members[0]].c;
    const freq = new Map<string, number>();
    const aliases: string[] = [];
    const roles: string[] = [];
    const arts: string[] = [];
    let country: string | undefined;
    let mentionCount = 0;
    for (const i of members) {
      const { art, c } = items[i];
      freq.set(c.canonical, (freq.get(c.canonical) ?? 0) + c.mentions.length);
      for (const a of [c.canonical, ...c.aliases]) if (!aliases.includes(a)) aliases.push(a);
      for (const r of c.roles) if (!roles.includes(r)) roles.push(r);
      if (!arts.includes(art)) arts.push(art);
      country ??= c.country;
      mentionCount += c.mentions.length;
    }
    // All-capitals forms come from datelines and headings ("LARISSA"): prefer the form written in prose.
    const shouting = (name: string) => (/\p{Ll}/u.test(name) ? 0 : 1);
    const canonical = [...freq.entries()].sort(
      (a, b) =>
        shouting(a[0]) - shouting(b[0]) ||
        b[0].split(/\s+/).length - a[0].split(/\s+/).length ||
        b[1] - a[1] ||
        a[0].localeCompare(b[0]),
    )[0][0];
    const e: CorpusEntity = {
      id: `${first.type.toLowerCase()}:${norm(canonical).replace(/[^\p{L}\p{N}]+/gu, '-')}`,
      canonical,
      type: first.type,
      aliases: aliases.filter((a) => a !== canonical),
      roles,
      articles: arts,
      mentionCount,
    };
    if (country) e.country = country;
    out.push(e);
  }
  out.sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id));
  return out;
}

export interface EntityQuery {
  type?: string;
  /** Only entities with a name or alias containing this text (case-insensitive). */
  name?: string;
  limit?: number;
}

/** Corpus entities matching a query, most widespread first (articles, then mentions, then name). */
export function selectEntities(entities: CorpusEntity[], q: EntityQuery = {}): CorpusEntity[] {
  const want = q.name?.toLowerCase();
  return entities
    .filter((e) => !q.type || e.type === q.type)
    .filter((e) => !want || [e.canonical, ...e.aliases].some((a) => a.toLowerCase().includes(want)))
    .sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.canonical.localeCompare(b.canonical))
    .slice(0, q.limit ?? Infinity);
}
