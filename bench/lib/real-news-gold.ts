/**
 * Entities, aliases and quote speakers on real articles: bench/gold/wcxb-nlp.spec.json over the
 * ground-truth main content of WCXB dev pages (read from ../shared at run time; the repository
 * stores only surface forms and quote snippets). Our own gold (examples/) is text we wrote; this
 * set is what crawls actually give: news, features, reviews, a radio transcript.
 *
 * Figures:
 * - entity mentions: exact span and type, P/R/F1 (role-only references are not scored);
 * - aliases: over pairs of gold mentions that were found with the right span, whether the system
 *   puts them in one entity exactly when the gold does (pairwise P/R/F1);
 * - quotes: a gold direct quote is found when a predicted direct quote contains its snippet;
 *   its speaker is right when the predicted speaker's canonical name is the gold canonical or one
 *   of the gold entity's surfaces. Speaker accuracy is over found quotes with a named speaker;
 *   end to end is over all gold quotes with a named speaker.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { annotate } from '../../src/nlp/index.js';

export interface RealNewsSpec {
  about: string;
  docs: {
    id: string;
    split: 'dev' | 'heldout';
    entities: [string, string, string][];
    quotes: { contains: string; speaker: string | null }[];
  }[];
}

interface PRF {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (): PRF => ({ tp: 0, fp: 0, fn: 0 });
const round = (x: number) => Math.round(x * 1000) / 1000;
export function prfScores(c: PRF) {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { precision: round(p), recall: round(r), f1: round(f), tp: c.tp, fp: c.fp, fn: c.fn };
}
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2019']/g, "'")
    .replace(/\./g, '')
    .replace(/^the /, '')
    .trim();

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every occurrence of each surface at word boundaries, longest surface first, never overlapping. */
export function resolveEntities(text: string, entities: [string, string, string][]): { start: number; end: number; type: string; canonical: string }[] {
  const taken: [number, number][] = [];
  const out: { start: number; end: number; type: string; canonical: string }[] = [];
  for (const [surface, type, canonical] of [...entities].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const e = i + surface.length;
      if (isWordChar(text[i - 1]) || isWordChar(text[e])) continue;
      if (taken.some(([a, b]) => i < b && a < e)) continue;
      taken.push([i, e]);
      out.push({ start: i, end: e, type, canonical });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function loadRealNews(specPath: string, wcxbRoot: string): { spec: RealNewsSpec; texts: Map<string, { text: string; published: string | null }> } | null {
  if (!existsSync(specPath) || !existsSync(path.join(wcxbRoot, 'dev', 'ground-truth'))) return null;
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as RealNewsSpec;
  const texts = new Map<string, { text: string; published: string | null }>();
  for (const d of spec.docs) {
    const gt = JSON.parse(readFileSync(path.join(wcxbRoot, 'dev', 'ground-truth', `${d.id}.json`), 'utf8')).ground_truth;
    texts.set(d.id, { text: gt.main_content, published: gt.publish_date ?? null });
  }
  return { spec, texts };
}

export function evalRealNews(spec: RealNewsSpec, texts: Map<string, { text: string; published: string | null }>, split: 'dev' | 'heldout' | 'all') {
  const docs = spec.docs.filter((d) => split === 'all' || d.split === split);
  const ent = prf();
  const byType: Record<string, PRF> = {};
  const alias = prf();
  let quotesGold = 0;
  let quotesFound = 0;
  let namedGold = 0;
  let namedFound = 0;
  let namedRight = 0;
  for (const d of docs) {
    const { text, published } = texts.get(d.id)!;
    const gold = resolveEntities(text, d.entities);
    const a = annotate(text, { publishedAt: published });
    const pred = a.entities.filter((e) => e.kind !== 'role');
    const predAt = new Map(pred.map((e) => [`${e.start}:${e.end}`, e]));
    const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}:${g.type}`));
    for (const e of pred) {
      const t = (byType[e.type] ??= prf());
      if (goldKeys.has(`${e.start}:${e.end}:${e.type}`)) {
        ent.tp++;
        t.tp++;
      } else {
        ent.fp++;
        t.fp++;
      }
    }
    const found: { gold: (typeof gold)[number]; predCanonical: string }[] = [];
    for (const g of gold) {
      const p = predAt.get(`${g.start}:${g.end}`);
      if (p && p.type === g.type) found.push({ gold: g, predCanonical: fold(p.canonical) });
      else {
        ent.fn++;
        (byType[g.type] ??= prf()).fn++;
      }
    }
    // aliases: pairs of correctly found mentions, same entity in gold vs in the system
    for (let i = 0; i < found.length; i++)
      for (let j = i + 1; j < found.length; j++) {
        const g = found[i].gold.canonical === found[j].gold.canonical;
        const p = found[i].predCanonical === found[j].predCanonical;
        if (g && p) alias.tp++;
        else if (p) alias.fp++;
        else if (g) alias.fn++;
      }
    // quotes
    const surfacesOf = new Map<string, Set<string>>();
    for (const [surface, , canonical] of d.entities) {
      const set = surfacesOf.get(canonical) ?? new Set<string>([fold(canonical)]);
      set.add(fold(surface));
      surfacesOf.set(canonical, set);
    }
    for (const q of d.quotes) {
      quotesGold++;
      const at = text.indexOf(q.contains);
      const named = q.speaker !== null && surfacesOf.has(q.speaker);
      if (named) namedGold++;
      const p = a.quotes.find((x) => x.direct && x.start <= at && at + q.contains.length <= x.end);
      if (!p) continue;
      quotesFound++;
      if (!named) continue;
      namedFound++;
      if (p.speaker && surfacesOf.get(q.speaker!)!.has(fold(p.speaker.canonical))) namedRight++;
    }
  }
  return {
    docs: docs.length,
    entities: prfScores(ent),
    entitiesByType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, prfScores(v)])),
    aliasPairs: prfScores(alias),
    quotes: { gold: quotesGold, found: quotesFound, recall: round(quotesGold ? quotesFound / quotesGold : 0) },
    speakers: {
      namedGold,
      namedFound,
      right: namedRight,
      accuracyOnFound: round(namedFound ? namedRight / namedFound : 0),
      endToEnd: round(namedGold ? namedRight / namedGold : 0),
    },
  };
}
