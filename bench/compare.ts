/**
 * bench:compare — the compare stage on generated stories with planted disagreements.
 *
 * Each story is one event covered by 3–5 fictional outlets. Each outlet writes its own article from
 * the same facts (quantities, a date, quotations, a neighbour's help), each fact in one of several
 * phrasings, leaving some out. Some outlets get a number wrong, a quotation put in the wrong mouth,
 * the day wrong, or say the help was not sent (others only hedge it, "reportedly"): those are the
 * conflicts to find. The truth is known, so we print precision and recall of conflicts
 * by kind, recall of shared facts (one claim carrying every outlet that stated the fact), and speed;
 * then (b) the sample corpus's real prose and (c) the time of one story of 100 and of 400 articles.
 *
 *   node --import tsx bench/compare.ts [--stories N] [--seed S]
 *
 * A generator has fewer phrasings than real outlets do; these figures measure the algorithm, not
 * the annotator on real prose (docs/compare.md says what the real-text limits are).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparableArticles } from '../src/stories/compare-corpus.js';
import { annotateCorpus, ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { relateCorpus } from '../src/stories/relate-corpus.js';
import { annotate } from '../src/nlp/index.js';
import { compareStory, type ComparableArticle, type StoryComparison } from '../src/stories/compare.js';
import { mulberry32 } from '../src/similarity/hash.js';

interface Args {
  stories: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { stories: 200, seed: 7 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--stories') a.stories = Number(argv[++i]);
    else if (argv[i] === '--seed') a.seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

const OUTLETS = ['Harbor Ledger', 'Meridian Wire', 'Northgate Post', 'Coastline Daily', 'Valley Courier', 'Summit Tribune', 'Delta Herald'];
const CITIES = [['Lisbon', 'Portugal'], ['Nairobi', 'Kenya'], ['Osaka', 'Japan'], ['Toronto', 'Canada'], ['Hamburg', 'Germany'], ['Lima', 'Peru'], ['Accra', 'Ghana'], ['Warsaw', 'Poland'], ['Cairo', 'Egypt'], ['Manila', 'the Philippines']] as const;
const PEOPLE = [
  ['Mayor', 'Elena Novak'], ['Interior Minister', 'Kwame Mensah'], ['police chief', 'Lukas Brandt'], ['Governor', 'Priya Sharma'],
  ['Health Minister', 'Omar Haddad'], ['fire chief', 'Sofia Costa'], ['Prime Minister', 'Daniel Ortega'], ['spokesperson', 'Yuki Tanaka'],
];
const QUOTES = [
  'We will rebuild every house that the water destroyed in this valley',
  'Our teams worked through the night to reach the villages that were cut off',
  'Nobody should return home until the engineers have checked the bridges',
  'This was the worst storm our region has seen in half a century',
  'The government will cover the cost of temporary housing for every family',
  'We are asking residents to stay away from the river banks until Friday',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
// Publication date of every article: Saturday 14 June 2025; the event day is the weekday before it.
const PUBLISHED = '2025-06-14';
const DAY_VALUE: Record<string, string> = { Monday: '2025-06-09', Tuesday: '2025-06-10', Wednesday: '2025-06-11', Thursday: '2025-06-12', Friday: '2025-06-13' };

/** Fact types: phrasings share the noun and some context, as real outlets' sentences do. */
const FACTS: Array<{ id: string; base: [number, number]; phrasings: Array<(n: string, city: string) => string> }> = [
  {
    id: 'killed',
    base: [3, 60],
    phrasings: [
      (n, c) => `At least ${n} people were killed in the floods around ${c}, the civil protection agency said.`,
      (n, c) => `The floods around ${c} killed ${n} people, according to the civil protection agency.`,
      (n) => `The civil protection agency said ${n} people were killed by the floods.`,
    ],
  },
  {
    id: 'injured',
    base: [10, 200],
    phrasings: [
      (n) => `Another ${n} people were injured, many of them by falling debris.`,
      (n, c) => `Hospitals in ${c} treated ${n} injured people, many of them hit by falling debris.`,
    ],
  },
  {
    id: 'evacuated',
    base: [500, 20000],
    phrasings: [
      (n, c) => `More than ${n} residents were evacuated from low-lying districts of ${c}.`,
      (n) => `Authorities evacuated ${n} residents from the low-lying districts overnight.`,
      (n, c) => `Some ${n} residents of low-lying districts in ${c} were evacuated to schools and sports halls.`,
    ],
  },
  {
    id: 'rain',
    base: [80, 400],
    phrasings: [
      (n) => `Forecasters said ${n} millimetres of rain fell on the river basin in a single day.`,
      (n, c) => `A record ${n} millimetres of rain fell on the river basin near ${c} in one day, forecasters said.`,
    ],
  },
  {
    id: 'aid',
    base: [5, 300],
    phrasings: [
      (n) => `The government released ${n} million euros in emergency aid for the flooded districts.`,
      (n, c) => `Emergency aid of ${n} million euros was released by the government for the districts around ${c}.`,
    ],
  },
  {
    id: 'bridges',
    base: [2, 30],
    phrasings: [
      (n) => `Engineers closed ${n} bridges over the river while they checked for damage.`,
      (n, c) => `In ${c}, ${n} bridges over the river were closed so engineers could check them for damage.`,
    ],
  },
];

interface TruthFact {
  fact: string;
  /** value per outlet that stated it */
  values: Map<string, number>;
  /** outlets that stated a wrong value (a planted conflict); rounded "about" values are not wrong */
  wrong: Set<string>;
}

interface GeneratedStory {
  articles: ComparableArticle[];
  facts: TruthFact[];
  /** quotation → speaker per outlet */
  quotes: Array<{ text: string; speakers: Map<string, string> }>;
  days: Map<string, string>;
  /** how each outlet that mentions the neighbour's help states it */
  help: Map<string, 'asserted' | 'negated' | 'hedged'>;
}

/** A neighbour's help, as done, as not done, or as hedged: the same event for compare. */
const HELP_WORDS = 'rescue teams';
const HELP: Record<'asserted' | 'negated' | 'hedged', Array<(from: string, to: string) => string>> = {
  asserted: [(f, t) => `${f} sent ${HELP_WORDS} to ${t}, officials said.`, (f, t) => `${f} has sent ${HELP_WORDS} to ${t}.`],
  negated: [(f, t) => `${f} has not sent ${HELP_WORDS} to ${t}, officials said.`, (f, t) => `${f} did not send ${HELP_WORDS} to ${t}.`],
  hedged: [(f, t) => `${f} reportedly sent ${HELP_WORDS} to ${t}.`, (f, t) => `${f} is believed to have sent ${HELP_WORDS} to ${t}.`],
};
const capitalise = (x: string) => x[0].toUpperCase() + x.slice(1);

/** Facts that count what the event did: the ones a later report may give updated. */
const TOLL_FACTS = new Set(['killed', 'injured', 'evacuated']);

interface GenerateOptions {
  /** 'spread': the outlets publish three hours apart, in a random order, instead of all at once. */
  times: 'same' | 'spread';
  /** 'rising': each toll is higher in each later report (an updated count), none planted wrong. */
  tolls: 'as-generated' | 'rising';
}

function generate(rand: () => number, idx: number, options: GenerateOptions = { times: 'same', tolls: 'as-generated' }): GeneratedStory {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const n = 3 + Math.floor(rand() * 3);
  const outlets = [...OUTLETS].sort(() => rand() - 0.5).slice(0, n);
  const [city, country] = pick(CITIES);
  const helper = pick(CITIES.filter((c) => c[1] !== country))[1];
  const day = pick(DAYS);
  const speakers = [...PEOPLE].sort(() => rand() - 0.5).slice(0, 3);
  const facts = [...FACTS].sort(() => rand() - 0.5).slice(0, 3);
  const quotes = [...QUOTES].sort(() => rand() - 0.5).slice(0, 2).map((text, k) => ({ text, speaker: speakers[k] }));
  const values = facts.map((f) => Math.round(f.base[0] + rand() * (f.base[1] - f.base[0])));
  const truth: GeneratedStory = { articles: [], facts: facts.map((f) => ({ fact: f.id, values: new Map(), wrong: new Set() })), quotes: quotes.map((q) => ({ text: q.text, speakers: new Map() })), days: new Map(), help: new Map() };
  for (const [rank, outlet] of outlets.entries()) {
    const publishedAt = options.times === 'spread' ? `${PUBLISHED}T${String(6 + 3 * rank).padStart(2, '0')}:00:00Z` : PUBLISHED;
    // a wrong day for the event in 10% of articles
    const myDay = rand() < 0.1 ? DAYS[(DAYS.indexOf(day) + 1) % DAYS.length] : day;
    truth.days.set(outlet, DAY_VALUE[myDay]);
    const paras = [`${city.toUpperCase()} — ${country[0].toUpperCase() + country.slice(1)} asked the European Union for emergency aid on ${myDay} after floods swept through the river valley around ${city}.`];
    facts.forEach((f, k) => {
      if (rand() < 0.25) return; // this outlet leaves the fact out
      // a different number in 15% of statements: 20–60% off
      let v = values[k];
      let said = v.toLocaleString('en-US');
      const r = rand();
      if (options.tolls === 'rising' && TOLL_FACTS.has(f.id)) {
        // the count as it stood when this outlet published: higher in every later report
        v = Math.round(v * (1 + 0.25 * rank));
        said = v.toLocaleString('en-US');
      } else if (r < 0.15) {
        v = Math.max(1, Math.round(v * (rand() < 0.5 ? 1.2 + rand() * 0.4 : 0.4 + rand() * 0.4)));
        said = v.toLocaleString('en-US');
        truth.facts[k].wrong.add(outlet);
      } else if (r < 0.3 && v >= 100) {
        // rounded and hedged ("about 4,000" for 4,012): the same figure, not a conflict
        const unit = 10 ** (String(v).length - 2);
        v = Math.round(v / unit) * unit;
        said = `about ${v.toLocaleString('en-US')}`;
      }
      truth.facts[k].values.set(outlet, v);
      paras.push(pick(f.phrasings)(said, city));
    });
    quotes.forEach((q, k) => {
      if (rand() < 0.2) return;
      // the right words from the wrong person in 10% of statements
      const [role, name] = rand() < 0.1 ? speakers[2] : q.speaker;
      truth.quotes[k].speakers.set(outlet, name);
      paras.push(rand() < 0.5 ? `“${q.text},” ${role} ${name} said.` : `${role} ${name} said: “${q.text}.”`);
    });
    if (rand() < 0.8) {
      // the neighbour's help: said not to have happened in 10% of articles, hedged in 15%
      const r = rand();
      const how = r < 0.1 ? 'negated' : r < 0.25 ? 'hedged' : 'asserted';
      truth.help.set(outlet, how);
      paras.push(pick(HELP[how])(capitalise(helper), country));
    }
    const text = paras.join('\n\n');
    truth.articles.push({ id: `s${idx}-${outlet}`, outlet, title: null, publishedAt, text, annotations: annotate(text, { publishedAt }) });
  }
  return truth;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
/** Counts one decision: a conflict that is there (truth) against one the comparison reports (found). */
function tally(c: Counts, truth: boolean, found: boolean): void {
  if (truth && found) c.tp++;
  else if (truth) c.fn++;
  else if (found) c.fp++;
}
const fmt = (x: number) => x.toFixed(3);
const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f: (2 * p * r) / (p + r || 1) };
};

function score(g: GeneratedStory, cmp: StoryComparison, acc: Record<'value' | 'speaker' | 'date' | 'polarity' | 'shared', Counts>): void {
  // value conflicts: a truth fact with ≥2 distinct values among its outlets
  for (const f of g.facts) {
    // distinct figures once rounding is forgiven: the true one (for every outlet not planted wrong) and each wrong one
    const figures = new Set([...f.values].map(([outlet, v]) => (f.wrong.has(outlet) ? `wrong:${v}` : 'true')));
    const truthConflict = figures.size > 1;
    const stated = new Set(f.values.keys());
    // the claim about this fact: the quantity claim whose mentions' values match the stated ones best
    const claims = cmp.claims.filter((c) => c.kind === 'quantity' && c.mentions.some((m) => stated.has(m.voice)) && c.mentions.every((m) => f.values.has(m.voice) && m.value?.replace(/[~,]/g, '').startsWith(String(f.values.get(m.voice)))));
    const found = claims.some((c) => c.conflict?.kind === 'value');
    tally(acc.value, truthConflict, found);
    // shared facts: the outlets that agree on the majority value should sit in one claim
    if (f.values.size >= 2) {
      const best = Math.max(0, ...claims.map((c) => c.voices.length));
      if (best === f.values.size) acc.shared.tp++;
      else acc.shared.fn++;
    }
  }
  // stray value conflicts not tied to any truth fact
  const tied = new Set<string>();
  for (const c of cmp.claims) {
    if (c.conflict?.kind !== 'value') continue;
    const matchesFact = g.facts.some((f) => c.mentions.every((m) => m.value?.replace(/[~,]/g, '').startsWith(String(f.values.get(m.voice)))));
    if (!matchesFact) acc.value.fp++;
    else tied.add(c.id);
  }
  for (const q of g.quotes) {
    const truthConflict = new Set(q.speakers.values()).size > 1;
    const claim = cmp.claims.find((c) => c.kind === 'quote' && c.label.includes(q.text.slice(0, 30)));
    const found = claim?.conflict?.kind === 'speaker';
    tally(acc.speaker, truthConflict, found);
  }
  // the help reported by some outlets and said not to have happened by others; hedging is no conflict
  const hows = [...g.help.values()];
  const truthPolarity = hows.includes('negated') && hows.some((h) => h !== 'negated');
  const aboutHelp = (m: { sentenceText: string }) => m.sentenceText.includes(HELP_WORDS);
  const helpClaims = cmp.claims.filter((c) => c.kind === 'event' && c.mentions.some(aboutHelp));
  const foundPolarity = helpClaims.some((c) => c.conflict?.kind === 'polarity');
  tally(acc.polarity, truthPolarity, foundPolarity);
  acc.polarity.fp += cmp.claims.filter((c) => c.conflict?.kind === 'polarity' && !helpClaims.includes(c)).length;
  // every outlet that mentions the help, whatever its polarity, in one claim
  if (g.help.size >= 2) {
    if (helpClaims.some((c) => g.help.size === new Set(c.mentions.filter(aboutHelp).map((m) => m.voice)).size)) acc.shared.tp++;
    else acc.shared.fn++;
  }
  const truthDate = new Set(g.days.values()).size > 1;
  const foundDate = cmp.claims.some((c) => c.conflict?.kind === 'date');
  tally(acc.date, truthDate, foundDate);
}

/**
 * The value conflicts over a toll that the comparison found, and how many of them it marked as moving
 * with time (an updated count).
 */
function tollTrends(g: GeneratedStory, cmp: StoryComparison, acc: { found: number; trended: number }): void {
  for (const f of g.facts) {
    if (!TOLL_FACTS.has(f.fact) || new Set(f.values.values()).size < 2) continue;
    const claim = cmp.claims.find((c) => c.conflict?.kind === 'value' && c.mentions.every((m) => m.value?.replace(/[~,]/g, '').startsWith(String(f.values.get(m.voice)))));
    if (!claim) continue;
    acc.found++;
    if (claim.conflict!.trend) acc.trended++;
  }
}

interface GoldFact {
  story: string;
  fact: string;
  unit: string;
  values: Record<string, number>;
  conflict: boolean;
}

/**
 * (b) The sample corpus (examples/): real prose by several fictional outlets, with the figures each
 * document states written down in bench/gold/examples-compare.json. Per fact: are the documents
 * that state it lined up in one claim, and is a disagreement flagged exactly when there is one?
 */
async function sampleCorpus(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const gold = JSON.parse(readFileSync(path.join(root, 'bench', 'gold', 'examples-compare.json'), 'utf8')) as { facts: GoldFact[] };
  const manifest = JSON.parse(readFileSync(path.join(root, 'examples', 'manifest.json'), 'utf8')) as { documents: Array<{ id: string; title?: string }> };
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-bench-compare-'));
  const store = new SqliteStore(path.join(dir, 'x.db'));
  try {
    await ingest([path.join(root, 'examples', 'corpus')], store, { workers: 1 });
    await annotateCorpus(store);
    const byTitle = new Map(store.listArticles({ limit: 10000 }).map((a) => [a.title, a.id]));
    const articleOf = new Map<string, string>();
    for (const d of manifest.documents) {
      const id = d.title ? byTitle.get(d.title) : undefined;
      if (id) articleOf.set(d.id, id);
    }
    const { stories } = await relateCorpus(store);
    const claimsOf = new Map<string, ReturnType<typeof compareStory>>();
    const storyOfArticle = new Map<string, string>();
    for (const st of stories) for (const m of st.articles) storyOfArticle.set(m.id, st.id);
    let stated = 0;
    let lined = 0;
    const conflicts = counts();
    for (const f of gold.facts) {
      const docs = Object.keys(f.values).map((d) => ({ doc: d, article: articleOf.get(d), value: f.values[d] }));
      const storyId = docs.map((d) => d.article && storyOfArticle.get(d.article)).find(Boolean);
      if (!storyId) throw new Error(`no story for ${f.fact}`);
      if (!claimsOf.has(storyId)) claimsOf.set(storyId, compareStory(await comparableArticles(store, stories.find((x) => x.id === storyId)!)));
      const cmp = claimsOf.get(storyId)!;
      // the claim that holds the most of the documents' figures (within rounding)
      const near = (a: number, b: number) => Math.abs(a - b) <= 0.1 * Math.max(a, b);
      let best: { covered: number; conflict: boolean } = { covered: 0, conflict: false };
      for (const c of cmp.claims) {
        if (c.kind !== 'quantity') continue;
        const covered = docs.filter((d) => c.mentions.some((m) => m.article === d.article && m.amount?.unit === f.unit && near(m.amount.value, d.value))).length;
        if (covered > best.covered) best = { covered, conflict: c.conflict?.kind === 'value' };
      }
      stated += docs.length;
      lined += best.covered >= 2 ? best.covered : 0;
      const found = best.covered >= 2 && best.conflict;
      tally(conflicts, f.conflict, found);
      console.log(`    ${f.story.padEnd(7)} ${f.fact.padEnd(19)} ${best.covered}/${docs.length} documents in one claim; conflict: truth ${f.conflict ? 'yes' : 'no '}, found ${found ? 'yes' : 'no'}`);
    }
    const m = prf(conflicts);
    console.log(`  sample corpus: ${gold.facts.length} facts, ${stated} statements; lined up in one claim ${(lined / stated).toFixed(3)}; value conflicts P ${fmt(m.p)} R ${fmt(m.r)} (tp ${conflicts.tp}, fp ${conflicts.fp}, fn ${conflicts.fn})`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (c) One story of many articles, the worst case for grouping statements into facts: real prose
 * (WCXB dev main content, when ../shared is present) or, without it, the generated articles of
 * many stories taken as one. Linear work shows a ratio near 4 from 100 to 400 articles.
 */
function bigStories(generated: ComparableArticle[]): void {
  const wcxb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench', 'wcxb', 'dev', 'ground-truth');
  let all = generated;
  let what = 'generated, many stories taken as one';
  if (existsSync(wcxb)) {
    all = [];
    what = 'WCXB dev main content taken as one story';
    for (const f of readdirSync(wcxb).sort()) {
      if (all.length === 400) break;
      const text = (JSON.parse(readFileSync(path.join(wcxb, f), 'utf8')) as { ground_truth: { main_content?: string } }).ground_truth.main_content;
      if (!text) continue;
      all.push({ id: f, outlet: `outlet ${all.length % 40}`, title: null, publishedAt: '2025-01-01', text, annotations: annotate(text, { publishedAt: '2025-01-01' }) });
    }
  }
  const sizes = [100, 400].filter((n) => n <= all.length);
  if (sizes.length < 2) return;
  const ms = sizes.map((n) => {
    const story = all.slice(0, n);
    compareStory(story); // warm-up
    const runs = [0, 1, 2].map(() => {
      const t0 = performance.now();
      compareStory(story);
      return performance.now() - t0;
    });
    return runs.sort((a, b) => a - b)[1];
  });
  console.log(`(c) one story of ${sizes[0]} and of ${sizes[1]} articles (${what}): ${ms[0].toFixed(0)} ms, ${ms[1].toFixed(0)} ms (×${(ms[1] / ms[0]).toFixed(1)}; linear work ×4)`);
}

const args = parseArgs(process.argv.slice(2));
const rand = mulberry32(args.seed);
const acc = { value: counts(), speaker: counts(), date: counts(), polarity: counts(), shared: counts() };
let articles = 0;
let compareMs = 0;
const started = performance.now();
const allArticles: ComparableArticle[] = [];
for (let i = 0; i < args.stories; i++) {
  const g = generate(rand, i);
  articles += g.articles.length;
  allArticles.push(...g.articles);
  const t0 = performance.now();
  const cmp = compareStory(g.articles);
  compareMs += performance.now() - t0;
  score(g, cmp, acc);
}
const totalS = (performance.now() - started) / 1000;
console.log(`bench:compare — (a) ${args.stories} generated stories, ${articles} articles (seed ${args.seed})`);
for (const k of ['value', 'speaker', 'date', 'polarity'] as const) {
  const m = prf(acc[k]);
  console.log(`  ${k.padEnd(8)} conflicts: P ${fmt(m.p)}  R ${fmt(m.r)}  F1 ${fmt(m.f)}   (tp ${acc[k].tp}, fp ${acc[k].fp}, fn ${acc[k].fn})`);
}
const shared = acc.shared.tp / (acc.shared.tp + acc.shared.fn || 1);
console.log(`  shared facts grouped whole: ${fmt(shared)} (${acc.shared.tp}/${acc.shared.tp + acc.shared.fn})`);
console.log(`  compare stage: ${(args.stories / (compareMs / 1000)).toFixed(0)} stories/s, ${(articles / (compareMs / 1000)).toFixed(0)} articles/s; with annotation: ${(articles / totalS).toFixed(0)} articles/s`);
// (a2) the same kind of stories published over a day: planted wrong tolls must not read as updates,
// tolls that rise with each later report should
for (const tolls of ['as-generated', 'rising'] as const) {
  const timesRand = mulberry32(args.seed + (tolls === 'rising' ? 2 : 1));
  const trends = { found: 0, trended: 0 };
  for (let i = 0; i < args.stories; i++) {
    const g = generate(timesRand, i, { times: 'spread', tolls });
    tollTrends(g, compareStory(g.articles), trends);
  }
  const what = tolls === 'rising' ? 'tolls rising with each later report: conflicts marked as moving over time' : 'tolls planted wrong (outlets 3 hours apart): conflicts marked as moving over time (should be none)';
  console.log(`(a2) ${what}: ${trends.trended}/${trends.found} (${fmt(trends.trended / (trends.found || 1))})`);
}
console.log('(b) sample corpus, real prose (bench/gold/examples-compare.json):');
await sampleCorpus();
bigStories(allArticles);
