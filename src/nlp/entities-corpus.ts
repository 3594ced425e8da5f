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
 *    A full name that leaves out a given or middle name ("Tayyip Erdogan", "George Bush") joins the
 *    one longer name it fits ("Recep Tayyip Erdogan", "George W. Bush").
 * 4. Two PERSON entities whose names have the same consonant skeleton ("Muammar Gaddafi" /
 *    "Moammar Qaddafi", "Mohammed bin Salman" / "Muhammad bin Salman") merge when something else
 *    says they are one person: a shared role head ("... leader") or the same country.
 * Names are compared by `nameKey`: hyphens read as spaces ("Kim Jong-un" = "Kim Jong Un"), and for
 * persons the Arabic article dropped ("Bashar al-Assad" = "Bashar Assad") and the spelling
 * variants of romanisation folded ("Zelenskyy" / "Zelenskiy" / "Zelensky", "Alexei" / "Aleksey").
 * The canonical name of a merged entity is its longest full name, then its most frequent one.
 */
import type { EntityCluster, EntityType } from './types.js';
import { foldDiacritics } from './fold.js';
import { LEX } from './lexicons.js';
import { appendTo } from '../multimap.js';

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

/** Arabic definite articles written before a family name ("al-Assad", "el-Sisi", "Abu Bakr al Baghdadi"). */
const ARABIC_ARTICLE = new Set(['al', 'el']);

/**
 * One romanised word with its common spelling variants folded: doubled letters single (words of
 * 5+ letters: "Gaddafi" / "Gadafi"), "x" as "ks" ("Alexei" / "Aleksei"), "ph" as "f", and the
 * Slavic endings -y, -yy, -iy, -ii, -ij as -i (words of 6+ letters: "Zelenskyy", "Dmitriy",
 * "Sergey"). Short words keep their spelling: "Tony" / "Toni", "Lee" / "Le" are different people.
 */
export function romanisationKey(word: string): string {
  if (word.length < 4) return word;
  let w = word.replace(/x/g, 'ks').replace(/ph/g, 'f');
  if (word.length >= 5) w = w.replace(/(\p{L})\1+/gu, '$1');
  if (word.length >= 6) w = w.replace(/(?:iy|yy|ii|ij|y)$/, 'i');
  return w;
}

/** The key two spellings of one name share (see the header); `type` decides the person-only folds. */
export function nameKey(name: string, type: EntityType | string): string {
  const words = norm(name).replace(/[-\u2010\u2011]/g, ' ').split(' ').filter(Boolean);
  if (type !== 'PERSON') return expandLeadingAcronym(name, words).join(' ');
  // "al" is dropped only before another word and never leaves one word of a longer name alone
  const kept = words.filter((w, i) => !(ARABIC_ARTICLE.has(w) && i < words.length - 1 && words.length > 2));
  return kept.map(romanisationKey).join(' ');
}

/**
 * "EU Solidarity Fund" = "European Union Solidarity Fund", "UN Security Council" = "United Nations
 * Security Council": an organisation's name led by a known body's acronym, written in capitals,
 * is keyed by that body's full name.
 */
function expandLeadingAcronym(written: string, words: string[]): string[] {
  if (words.length < 2) return words;
  const first = written.trim().split(/[\s-]+/)[0].replace(/\./g, '');
  if (!/^\p{Lu}{2,6}$/u.test(first)) return words;
  const body = LEX.orgs.get(words[0]);
  return body?.acronym && body.canonical ? [...norm(body.canonical).split(' '), ...words.slice(1)] : words;
}

/**
 * Consonant skeleton of a name key: first letter, then consonants, with the letters that
 * romanisations of one sound alternate between made one ("q", "g", "c" → "k" at a word's start;
 * "dh" → "d"; "h" after a vowel dropped). Equal skeletons are a hint, never proof.
 */
function skeleton(key: string): string[] {
  return key.split(' ').map((w) => {
    const v = w.replace(/^[qgc]/, 'k').replace(/dh/g, 'd');
    return (v[0] + v.slice(1).replace(/[aeiouy]h?/g, '').replace(/h/g, '')).replace(/(\p{L})\1+/gu, '$1');
  });
}
/** Consonants a skeleton match needs at least, over the whole name: short names collide by chance. */
const SKELETON_MIN = 5;

export function mergeCorpusEntities(articles: ArticleEntities[]): CorpusEntity[] {
  return mergeWithMembers(articles).map((g) => g.entity);
}

/**
 * For each article, its clusters' canonical names → the merged entity's canonical name: what a
 * comparison across outlets keys people on, so "Kim Jong-un" in one and "Kim Jong Un" in another
 * are one speaker, not a disputed attribution.
 */
export function corpusCanonicalNames(articles: ArticleEntities[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const ambiguous = new Set<string>();
  for (const { entity, members } of mergeWithMembers(articles)) {
    for (const m of members) {
      const names = out.get(m.art) ?? new Map<string, string>();
      // one name for two entities of one article ("Jordan" the person and the country): keep it as written
      const before = names.get(m.c.canonical);
      if (before !== undefined && before !== entity.canonical) ambiguous.add(`${m.art}\u0000${m.c.canonical}`);
      names.set(m.c.canonical, entity.canonical);
      out.set(m.art, names);
    }
  }
  for (const key of ambiguous) {
    const [art, name] = key.split('\u0000');
    out.get(art)?.delete(name);
  }
  return out;
}

/** One article's cluster, the unit the merge joins. */
interface Member {
  art: string;
  c: EntityCluster;
}

function mergeWithMembers(articles: ArticleEntities[]): Array<{ entity: CorpusEntity; members: Member[] }> {
  // union-find over (article, cluster) items
  const items: Member[] = [];
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
  // each canonical name's key, worked out once for the rules below
  const canonicalKeys = items.map((it) => nameKey(it.c.canonical, it.c.type));
  // rules 1 and 2: shared canonical or shared multi-word alias, per type
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    const keys = new Set<string>([canonicalKeys[i]]);
    for (const a of it.c.aliases) {
      const words = a.trim().split(/\s+/);
      // persons meet on full names only; role references ("the Russian leader") name no one across articles
      if (it.c.type === 'PERSON' && (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w)))) continue;
      keys.add(nameKey(a, it.c.type));
    }
    for (const k of keys) {
      if (!k) continue;
      const key = it.c.type + ':' + k;
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else union(i, j);
    }
  });
  // rule 3b first, so that a one-word name meets a person written long and short as one
  mergeShorterFullNames(items, canonicalKeys, find, union);
  // rule 3: one-word persons → the unique multi-word person containing that word at an end
  const multiBySurname = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const parts = canonicalKeys[i].split(' ');
    if (parts.length < 2) return;
    for (const w of [parts[0], parts[parts.length - 1]]) {
      const set = multiBySurname.get(w) ?? new Set<number>();
      set.add(i);
      multiBySurname.set(w, set);
    }
  });
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const parts = canonicalKeys[i].split(' ');
    if (parts.length !== 1) return;
    const cands = multiBySurname.get(parts[0]);
    if (!cands) return;
    const roots = new Set([...cands].map(find));
    if (roots.size === 1) union(i, [...cands][0]);
  });

  mergeBySkeleton(items, canonicalKeys, find, union);

  // assemble
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  const out: Array<{ entity: CorpusEntity; members: Member[] }> = [];
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
    out.push({ entity: e, members: members.map((i) => items[i]) });
  }
  out.sort((a, b) => b.entity.mentionCount - a.entity.mentionCount || a.entity.id.localeCompare(b.entity.id));
  return out;
}

/**
 * Rule 3b: a person's full name that leaves out a given or middle name another article writes
 * ("Tayyip Erdogan" / "Recep Tayyip Erdogan", "George Bush" / "George W. Bush") joins that longer
 * name when it is the only one it fits: its words in order, the same last word, and the same first
 * word or none left out after the first ("Tayyip Erdogan" is the tail of "Recep Tayyip Erdogan").
 */
function mergeShorterFullNames(items: { c: EntityCluster }[], canonicalKeys: readonly string[], find: (i: number) => number, union: (a: number, b: number) => void): void {
  const longerByLast = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const words = canonicalKeys[i].split(' ');
    if (words.length >= 3) appendTo(longerByLast, words[words.length - 1], i);
  });
  if (!longerByLast.size) return;
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const short = canonicalKeys[i].split(' ');
    if (short.length < 2) return;
    const fits = (longerByLast.get(short[short.length - 1]) ?? []).filter((j) => {
      const long = canonicalKeys[j].split(' ');
      if (long.length <= short.length) return false;
      const tail = long.slice(long.length - short.length).join(' ') === short.join(' ');
      return tail || (long[0] === short[0] && isSubsequence(short, long));
    });
    const roots = new Set(fits.map(find));
    if (roots.size === 1) union(i, fits[0]);
  });
}

function isSubsequence(short: string[], long: string[]): boolean {
  let k = 0;
  for (const w of long) if (k < short.length && w === short[k]) k++;
  return k === short.length;
}

/**
 * Rule 4: person groups whose full names share a consonant skeleton, and a role head or a country.
 * Works on the groups rules 1–3 made, so a name met in ten thousand articles is one candidate.
 */
function mergeBySkeleton(items: { c: EntityCluster }[], canonicalKeys: readonly string[], find: (i: number) => number, union: (a: number, b: number) => void): void {
  interface Group {
    root: number;
    heads: Set<string>;
    countries: Set<string>;
  }
  const groups = new Map<number, Group>();
  const bySkeleton = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    if (it.c.type !== 'PERSON') return;
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { root, heads: new Set(), countries: new Set() }));
    for (const r of it.c.roles) {
      const head = norm(r).split(' ').pop();
      if (head) g.heads.add(head);
    }
    if (it.c.country) g.countries.add(it.c.country);
    const key = canonicalKeys[i];
    if (key.split(' ').length < 2) return;
    const sk = skeleton(key);
    if (sk.join('').length < SKELETON_MIN) return;
    const k = sk.join(' ');
    const set = bySkeleton.get(k) ?? new Set<number>();
    set.add(root);
    bySkeleton.set(k, set);
  });
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));
  for (const roots of bySkeleton.values()) {
    if (roots.size < 2) continue;
    const list = [...roots].map((r) => groups.get(r)!);
    // a skeleton met by many different people is a common name, not one person's spellings
    if (list.length > 8) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        if (shares(a.heads, b.heads) || shares(a.countries, b.countries)) union(a.root, b.root);
      }
    }
  }
}

export interface EntityQuery {
  type?: string;
  /** Only entities with a name or alias containing this text (case-insensitive). */
  name?: string;
  /** Only entities mentioned in these articles (a story's), ranked by how many of them mention each. */
  within?: ReadonlySet<string>;
  limit?: number;
}

/** A corpus entity, with how many of the `within` articles mention it when the query gave some. */
export type SelectedEntity = CorpusEntity & { withinArticles?: number };

/**
 * Corpus entities matching a query, most widespread first (articles, then mentions, then name);
 * with `within`, those of a set of articles, most widespread among them first.
 */
export function selectEntities(entities: CorpusEntity[], q: EntityQuery = {}): SelectedEntity[] {
  const want = q.name?.toLowerCase();
  const within = q.within;
  const inside = (e: CorpusEntity) => (within ? e.articles.reduce((n, a) => n + (within.has(a) ? 1 : 0), 0) : e.articles.length);
  return entities
    .filter((e) => !q.type || e.type === q.type)
    .filter((e) => !want || [e.canonical, ...e.aliases].some((a) => a.toLowerCase().includes(want)))
    .map((e): SelectedEntity => (within ? { ...e, withinArticles: inside(e) } : e))
    .filter((e) => !within || (e.withinArticles ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.withinArticles ?? 0) - (a.withinArticles ?? 0) ||
        b.articles.length - a.articles.length ||
        b.mentionCount - a.mentionCount ||
        a.canonical.localeCompare(b.canonical),
    )
    .slice(0, q.limit ?? Infinity);
}
