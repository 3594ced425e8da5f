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
import { annotate, type AnnotateOptions } from '../../src/nlp/index.js';
import { foldDiacritics } from '../../src/nlp/fold.js';
import { markSurfaces, prf, round, scores, type PRF } from './gold-scoring.js';

type Split = 'dev' | 'heldout';

export interface RealNewsSpec {
  about: string;
  docs: {
    id: string;
    split: Split;
    entities: [string, string, string][];
    quotes: { contains: string; speaker: string | null }[];
  }[];
}

type RealNewsTexts = Map<string, { text: string; published: string | null }>;

/** Names compared for aliases and speakers: accents, case, periods and a leading "the" ignored. */
const fold = (s: string) =>
  foldDiacritics(s.toLowerCase())
    .replace(/[\u2019']/g, "'")
    .replace(/\./g, '')
    .replace(/^the /, '')
    .trim();

/** Gold entity mentions: every occurrence of each surface, longest first, never overlapping. */
export function resolveEntities(text: string, entities: [string, string, string][]): { start: number; end: number; type: string; canonical: string }[] {
  return markSurfaces(text, entities).map(({ start, end, item: [, type, canonical] }) => ({ start, end, type, canonical }));
}

export function loadRealNews(specPath: string, wcxbRoot: string): { spec: RealNewsSpec; texts: RealNewsTexts } | null {
  if (!existsSync(specPath) || !existsSync(path.join(wcxbRoot, 'dev', 'ground-truth'))) return null;
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as RealNewsSpec;
  const texts: RealNewsTexts = new Map();
  for (const d of spec.docs) {
    const gt = JSON.parse(readFileSync(path.join(wcxbRoot, 'dev', 'ground-truth', `${d.id}.json`), 'utf8')).ground_truth;
    texts.set(d.id, { text: gt.main_content, published: gt.publish_date ?? null });
  }
  return { spec, texts };
}

/** Counts of one document, summed per split. */
interface DocCounts {
  ent: PRF;
  byType: Record<string, PRF>;
  alias: PRF;
  quotesGold: number;
  quotesFound: number;
  namedGold: number;
  namedFound: number;
  namedRight: number;
}

function countDoc(d: RealNewsSpec['docs'][number], text: string, published: string | null, options: AnnotateOptions): DocCounts {
  const c: DocCounts = { ent: prf(), byType: {}, alias: prf(), quotesGold: 0, quotesFound: 0, namedGold: 0, namedFound: 0, namedRight: 0 };
  const gold = resolveEntities(text, d.entities);
  const a = annotate(text, { ...options, publishedAt: published });
  const pred = a.entities.filter((e) => e.kind !== 'role');
  const predAt = new Map(pred.map((e) => [`${e.start}:${e.end}`, e]));
  const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}:${g.type}`));
  for (const e of pred) {
    const t = (c.byType[e.type] ??= prf());
    if (goldKeys.has(`${e.start}:${e.end}:${e.type}`)) {
      c.ent.tp++;
      t.tp++;
    } else {
      c.ent.fp++;
      t.fp++;
    }
  }
  const found: { gold: (typeof gold)[number]; predCanonical: string }[] = [];
  for (const g of gold) {
    const p = predAt.get(`${g.start}:${g.end}`);
    if (p && p.type === g.type) found.push({ gold: g, predCanonical: fold(p.canonical) });
    else {
      c.ent.fn++;
      (c.byType[g.type] ??= prf()).fn++;
    }
  }
  // aliases: pairs of correctly found mentions, same entity in gold vs in the system
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++) {
      const g = found[i].gold.canonical === found[j].gold.canonical;
      const p = found[i].predCanonical === found[j].predCanonical;
      if (g && p) c.alias.tp++;
      else if (p) c.alias.fp++;
      else if (g) c.alias.fn++;
    }
  // quotes
  const surfacesOf = new Map<string, Set<string>>();
  for (const [surface, , canonical] of d.entities) {
    const set = surfacesOf.get(canonical) ?? new Set<string>([fold(canonical)]);
    set.add(fold(surface));
    surfacesOf.set(canonical, set);
  }
  for (const q of d.quotes) {
    c.quotesGold++;
    const at = text.indexOf(q.contains);
    const surfaces = q.speaker === null ? undefined : surfacesOf.get(q.speaker);
    if (surfaces) c.namedGold++;
    const p = a.quotes.find((x) => x.direct && x.start <= at && at + q.contains.length <= x.end);
    if (!p) continue;
    c.quotesFound++;
    if (!surfaces) continue;
    c.namedFound++;
    if (p.speaker && surfaces.has(fold(p.speaker.canonical))) c.namedRight++;
  }
  return c;
}

function summarise(counts: DocCounts[]) {
  const ent = prf();
  const byType: Record<string, PRF> = {};
  const alias = prf();
  const add = (into: PRF, x: PRF) => {
    into.tp += x.tp;
    into.fp += x.fp;
    into.fn += x.fn;
  };
  let quotesGold = 0;
  let quotesFound = 0;
  let namedGold = 0;
  let namedFound = 0;
  let namedRight = 0;
  for (const c of counts) {
    add(ent, c.ent);
    add(alias, c.alias);
    for (const [t, x] of Object.entries(c.byType)) add((byType[t] ??= prf()), x);
    quotesGold += c.quotesGold;
    quotesFound += c.quotesFound;
    namedGold += c.namedGold;
    namedFound += c.namedFound;
    namedRight += c.namedRight;
  }
  return {
    docs: counts.length,
    entities: scores(ent),
    entitiesByType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, scores(v)])),
    aliasPairs: scores(alias),
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

/** Figures over all documents and per split; each document is annotated once. */
export function evalRealNews(spec: RealNewsSpec, texts: RealNewsTexts, options: AnnotateOptions = {}) {
  const counted = spec.docs.map((d) => {
    const { text, published } = texts.get(d.id)!;
    return { split: d.split, counts: countDoc(d, text, published, options) };
  });
  const of = (split?: Split) => summarise(counted.filter((x) => !split || x.split === split).map((x) => x.counts));
  return { all: of(), dev: of('dev'), heldout: of('heldout') };
}

/**
 * The gold with its texts, gold surfaces and quote snippets rewritten by `recase` (all capitals, all
 * lower case): what a wire feed in capitals or a text typed without them gives the reader.
 */
export function recased(spec: RealNewsSpec, texts: RealNewsTexts, recase: (s: string) => string): { spec: RealNewsSpec; texts: RealNewsTexts } {
  return {
    spec: {
      ...spec,
      docs: spec.docs.map((d) => ({
        ...d,
        entities: d.entities.map(([surface, type, canonical]) => [recase(surface), type, canonical] as [string, string, string]),
        quotes: d.quotes.map((q) => ({ ...q, contains: recase(q.contains) })),
      })),
    },
    texts: new Map([...texts].map(([id, t]) => [id, { ...t, text: recase(t.text) }])),
  };
}
