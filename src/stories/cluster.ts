/**
 * Incremental, time-aware story clustering.
 *
 * Each arriving article is turned into a sparse TF-IDF vector (title words weigh more than body
 * words; IDF from the documents seen so far), then compared with the centroids of the stories
 * that are still active (last article within `windowDays`). Candidates come from an inverted
 * index over the centroids' terms, queried with the article's rarest terms, so the cost per
 * article does not grow with the corpus. The article joins the best story when
 *   cosine(article, centroid) + entity bonus ≥ joinThreshold,
 * or when it is linked (copy, spin, near-duplicate) to an article already in a story; otherwise
 * it starts a new story. When an article is close to two stories whose centroids are themselves
 * close, the stories merge (evidence accumulated). Stories whose last article falls out of the
 * window are closed and leave memory: a topic that returns next month is a new story.
 *
 * Deterministic: same articles in the same order → same stories, same ids (a story's id is
 * derived from its first article's id). The whole state is a plain JSON-able object.
 */
import { combine } from '../similarity/hash.js';
import { tokenize, type Tokens } from '../similarity/tokens.js';

export interface ClusterInput {
  id: string;
  title: string | null;
  text: string;
  /** Milliseconds since the epoch; null = unknown (treated as the latest time seen). */
  publishedAt: number | null;
  outlet?: string | null;
  /** Names of entities mentioned (any normal form; compared case-insensitively). */
  entities?: string[];
  /** Articles this one is known to copy, spin or duplicate: strong evidence of the same story. */
  links?: string[];
  /** Those of `links` that copy or spin this one (they arrived first: an original read after its copies). */
  copiedBy?: string[];
  /** Pre-computed tokens of `text` (saves a second tokenisation when the caller has them). */
  tokens?: Tokens;
}

export interface ClusterOptions {
  /** A story stays open this long after its latest article. */
  windowDays: number;
  joinThreshold: number;
  /** Centroid cosine at or above which two stories that one article fits both are merged. */
  mergeThreshold: number;
  /** Weight of a title word relative to a body word. */
  titleWeight: number;
  /**
   * Extra weight of key tokens (names: capitalised words inside a sentence; numbers). A story is
   * about particular people, places and figures; two events of one kind share the rest.
   */
  keyWeight: number;
  /** Weight of title word pairs ("galaxy s5", "flight 370") as extra terms; 0 = off. */
  titleBigramWeight: number;
  /**
   * Each time a story gains an article its centroid is first multiplied by this (≤ 1), so a
   * long-running story follows its latest turn rather than its first day.
   */
  centroidDecay: number;
  /** Body words read (the lead carries the event; the tail wanders). */
  leadTokens: number;
  /** Terms kept per article vector and per centroid. */
  articleTerms: number;
  centroidTerms: number;
  /**
   * Article terms used to look up candidate stories. The heaviest terms are the rarest, and a spun
   * copy's rarest words are its synonyms ("inked", "settlement"): 24 reach the story's own words.
   */
  queryTerms: number;
  /**
   * Share of the text score that depends on entity overlap: score = text × (1 − g + g × overlap).
   * 0 = entities only add a bonus; 1 = no shared entity, no join.
   */
  entityGate: number;
  /**
   * Bonus per unit of entity overlap (share of the article's entities already in the story).
   * Entities come from the caller, or else are the article's key tokens (names, numbers).
   */
  entityWeight: number;
  /** A candidate story must share at least this many of the article's query terms. */
  minSharedTerms: number;
  /** Posting lists longer than this are skipped in candidate search (too common to discriminate). */
  maxPosting: number;
  /**
   * An article whose body has fewer content words than this (a feed item with no text or a
   * one-line description, a headline list) is clustered by its headline, with `headline`'s settings.
   */
  headlineTokens: number;
  headline: HeadlineClusterOptions;
}

/**
 * Settings for headline-only articles and for the stories made of them alone. A headline has few
 * words, so the thresholds are lower; it is written in Title Case, so capitalised words are no
 * evidence of names (no key-token boost, no entity gate from key tokens); and it says too little to
 * tie today's headline to a turn of the topic days ago, so such stories close after a day.
 * Chosen on the UCI 3-week file and checked on the same rows shuffled within each day (see
 * bench/headlines.ts), so they do not lean on the crawl-time bursts of that file; confirmed on
 * the full 423k-headline file.
 */
export type HeadlineClusterOptions = Pick<ClusterOptions, 'joinThreshold' | 'mergeThreshold' | 'windowDays' | 'keyWeight' | 'centroidDecay'>;

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  windowDays: 5,
  joinThreshold: 0.35,
  mergeThreshold: 0.5,
  titleWeight: 3,
  keyWeight: 3,
  titleBigramWeight: 0,
  centroidDecay: 1,
  leadTokens: 400,
  articleTerms: 60,
  centroidTerms: 200,
  queryTerms: 24,
  entityWeight: 0.1,
  entityGate: 0.5,
  maxPosting: 400,
  minSharedTerms: 2,
  headlineTokens: 12,
  headline: { joinThreshold: 0.3, mergeThreshold: 0.3, windowDays: 1, keyWeight: 1, centroidDecay: 0.9 },
};

/** The part of a story that is kept while it is active. Plain data: JSON-able as is. */
export interface StoryState {
  id: string;
  /** Creation order, for deterministic tie-breaks. */
  seq: number;
  start: number;
  end: number;
  /** Member article ids in arrival order. */
  articles: string[];
  /** Up to LABEL_CANDIDATES titles, to pick the label from; `derived`: the title of a copy or spin. */
  titles: Array<{ id: string; title: string; derived?: boolean }>;
  /** Sum of member vectors: [term, weight] pairs, pruned to the heaviest terms. */
  centroid: Array<[number, number]>;
  entities: Array<[string, number]>;
  /** Every member was clustered by its headline alone (absent in states saved before this existed: false). */
  headlineOnly?: boolean;
}

export interface ClusterState {
  version: 1;
  options: ClusterOptions;
  docCount: number;
  /** Document frequency per term hash. */
  df: Array<[number, number]>;
  nextSeq: number;
  latest: number;
  stories: StoryState[];
}

/** A closed or snapshotted story, as reported to callers. */
export interface Story {
  id: string;
  label: string;
  start: number;
  end: number;
  articles: string[];
}

export interface Placement {
  storyId: string;
  /** 'joined' an existing story, 'linked' to one via a copy relation, or 'new'. */
  how: 'joined' | 'linked' | 'new';
  score: number;
  /** Stories absorbed into `storyId` by this article (their ids are gone). */
  merged: string[];
}

const LABEL_CANDIDATES = 40;
const DAY = 86_400_000;

interface LiveStory {
  id: string;
  seq: number;
  start: number;
  end: number;
  articles: string[];
  titles: Array<{ id: string; title: string; derived?: boolean }>;
  centroid: Map<number, number>;
  norm: number;
  entities: Map<string, number>;
  entityTotal: number;
  headlineOnly: boolean;
}

type Vector = Map<number, number>;

function l2(v: Iterable<number>): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

export class StoryClusterer {
  readonly options: ClusterOptions;
  private docCount = 0;
  private df = new Map<number, number>();
  private nextSeq = 0;
  private latest = 0;
  private stories = new Map<string, LiveStory>();
  /** term → ids of active stories whose centroid has the term. */
  private postings = new Map<number, Set<string>>();
  /** article id → story id, for the articles of active stories (links resolve through it). */
  private articleStory = new Map<string, string>();

  constructor(options: Partial<ClusterOptions> = {}, state?: ClusterState) {
    const saved: Partial<ClusterOptions> = state?.options ?? {};
    this.options = {
      ...DEFAULT_CLUSTER_OPTIONS,
      ...saved,
      ...options,
      headline: { ...DEFAULT_CLUSTER_OPTIONS.headline, ...saved.headline, ...options.headline },
    };
    if (state) this.load(state);
  }

  /** Place one article; returns where it went. Articles should arrive roughly in time order. */
  add(input: ClusterInput): Placement {
    const o = this.options;
    const time = input.publishedAt ?? this.latest;
    if (time > this.latest) this.latest = time;
    const tokens = input.tokens ?? tokenize(input.text);
    const headlineOnly = countContentWords(tokens, o.headlineTokens) < o.headlineTokens;
    const { joinThreshold, keyWeight } = this.settingsOf(headlineOnly);
    const vector = this.vectorize(input, tokens, keyWeight);
    // Without entities from the NLP stage, key tokens (names, numbers) of the title and lead stand
    // in; not for a headline alone, whose Title Case capitalises every word.
    const entities = input.entities ? normaliseEntities(input.entities) : headlineOnly ? [] : keyTerms(input.title, tokens, o.leadTokens);

    // 1. Strong links: a copy or duplicate of an article in an active story belongs to that story.
    const linked = new Set<string>();
    for (const id of input.links ?? []) {
      const s = this.articleStory.get(id);
      if (s && this.stories.has(s)) linked.add(s);
    }

    // 2. Candidates from the inverted index, scored by cosine + entity overlap, within the window.
    const scored: Array<{ story: LiveStory; score: number }> = [];
    for (const story of this.candidates(vector)) {
      if (time - story.end > this.settingsOf(story.headlineOnly).windowDays * DAY) continue;
      const text = cosine(vector, story);
      // Entity gate: two events of one kind read alike; whether they share names decides.
      const gate = entities.length > 0 && story.entityTotal > 0 ? 1 - o.entityGate + o.entityGate * entityOverlap(entities, story) : 1;
      const score = text * gate + o.entityWeight * entityOverlap(entities, story);
      scored.push({ story, score });
    }
    scored.sort((a, b) => b.score - a.score || a.story.seq - b.story.seq);

    let target: LiveStory | null = null;
    let how: Placement['how'] = 'new';
    let score = 0;
    if (linked.size > 0) {
      target = [...linked].map((id) => this.stories.get(id)!).sort((a, b) => a.seq - b.seq)[0];
      how = 'linked';
      score = scored.find((s) => s.story === target)?.score ?? 1;
    } else if (scored.length > 0 && scored[0].score >= joinThreshold) {
      target = scored[0].story;
      how = 'joined';
      score = scored[0].score;
    }

    const merged: string[] = [];
    let home: LiveStory = target ?? this.createStory(input.id, time, headlineOnly);
    this.addMember(home, input, vector, entities, time, headlineOnly);

    // 3. Merge: other stories this article links to, or fits well, whose centroid agrees with the target's.
    const mergeCandidates = new Set<LiveStory>();
    for (const id of linked) if (id !== home.id) mergeCandidates.add(this.stories.get(id)!);
    for (const s of scored) if (s.story !== home && s.score >= joinThreshold) mergeCandidates.add(s.story);
    // An original read after its copy, placed with the copy, that would have joined another story
    // by its own words brings the two together: had it come first, the copy would have followed it.
    const copiedBy = new Set((input.copiedBy ?? []).map((id) => this.articleStory.get(id)));
    const afterCopy = how === 'linked' && [...linked].every((id) => copiedBy.has(id));
    const unlinked = afterCopy ? scored.find((s) => !linked.has(s.story.id)) : undefined;
    const wouldHaveJoined = unlinked && unlinked.score >= joinThreshold ? unlinked.story : null;
    for (const other of [...mergeCandidates].sort((a, b) => a.seq - b.seq)) {
      if (other === home || !this.stories.has(other.id)) continue;
      const { mergeThreshold } = this.settingsOf(home.headlineOnly && other.headlineOnly);
      const agree = linked.has(other.id) || other === wouldHaveJoined || centroidCosine(home, other) >= mergeThreshold;
      if (!agree) continue;
      const [keep, gone] = home.seq <= other.seq ? [home, other] : [other, home];
      this.mergeInto(keep, gone);
      merged.push(gone.id);
      home = keep;
    }
    return { storyId: home.id, how, score, merged };
  }

  /** Close the stories whose last article is older than the window before `now`; returns them. */
  closeBefore(now: number = this.latest): Story[] {
    const out: Story[] = [];
    for (const story of [...this.stories.values()]) {
      if (story.end < now - this.settingsOf(story.headlineOnly).windowDays * DAY) {
        out.push(this.describe(story));
        this.removeStory(story);
      }
    }
    return out;
  }

  /** The active stories, described (label, span, members), without closing them. */
  activeStories(): Story[] {
    return [...this.stories.values()].sort((a, b) => a.seq - b.seq).map((s) => this.describe(s));
  }

  /** Close everything (end of a batch). */
  closeAll(): Story[] {
    const out = this.activeStories();
    for (const s of [...this.stories.values()]) this.removeStory(s);
    return out;
  }

  /** The member article ids of an active story, in arrival order (empty when it is not active). */
  membersOf(storyId: string): readonly string[] {
    return this.stories.get(storyId)?.articles ?? [];
  }

  /** These articles copy or spin others: their titles (a spinner's "Highly effective earthquake") no longer label their stories. */
  markDerived(articleIds: string[]): void {
    for (const id of articleIds) {
      const story = this.stories.get(this.articleStory.get(id) ?? '');
      for (const t of story?.titles ?? []) if (t.id === id) t.derived = true;
    }
  }

  storyOf(articleId: string): string | undefined {
    return this.articleStory.get(articleId);
  }

  get activeCount(): number {
    return this.stories.size;
  }

  /** Plain JSON-able state: persist it, and rebuild with `new StoryClusterer({}, state)`. */
  toJSON(): ClusterState {
    return {
      version: 1,
      options: this.options,
      docCount: this.docCount,
      df: [...this.df],
      nextSeq: this.nextSeq,
      latest: this.latest,
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        seq: s.seq,
        start: s.start,
        end: s.end,
        articles: s.articles,
        titles: s.titles,
        centroid: [...s.centroid],
        entities: [...s.entities],
        headlineOnly: s.headlineOnly,
      })),
    };
  }

  private load(state: ClusterState): void {
    this.docCount = state.docCount;
    this.df = new Map(state.df);
    this.nextSeq = state.nextSeq;
    this.latest = state.latest;
    for (const s of state.stories) {
      const story: LiveStory = {
        id: s.id,
        seq: s.seq,
        start: s.start,
        end: s.end,
        articles: [...s.articles],
        titles: [...s.titles],
        centroid: new Map(s.centroid),
        norm: 0,
        entities: new Map(s.entities),
        entityTotal: 0,
        headlineOnly: s.headlineOnly ?? false,
      };
      story.norm = l2(story.centroid.values());
      for (const n of story.entities.values()) story.entityTotal += n;
      this.stories.set(story.id, story);
      for (const term of story.centroid.keys()) this.post(term, story.id);
      for (const a of story.articles) this.articleStory.set(a, story.id);
    }
  }

  /** TF-IDF vector of an article's title and lead, pruned to its heaviest terms, unit length. */
  private vectorize(input: ClusterInput, tokens: Tokens, keyWeight: number): Vector {
    const o = this.options;
    const tf = new Map<number, number>();
    const addTokens = (t: Tokens, weight: number, limit: number) => {
      for (let i = 0; i < t.length && i < limit; i++) {
        if (t.stop[i]) continue;
        const w = t.key[i] ? weight * keyWeight : weight;
        tf.set(t.stems[i], (tf.get(t.stems[i]) ?? 0) + w);
      }
    };
    if (input.title) {
      const t = tokenize(input.title);
      addTokens(t, o.titleWeight, 64);
      if (o.titleBigramWeight > 0) {
        // Consecutive content words of the title, skipping function words between them.
        let prev = -1;
        for (let i = 0; i < t.length && i < 64; i++) {
          if (t.stop[i]) continue;
          if (prev >= 0) {
            const pair = combine(t.stems[prev], t.stems[i]);
            tf.set(pair, (tf.get(pair) ?? 0) + o.titleBigramWeight);
          }
          prev = i;
        }
      }
    }
    addTokens(tokens, 1, o.leadTokens);

    this.docCount++;
    for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    if (this.docCount % 50_000 === 0) this.pruneDf();

    const weighted: Array<[number, number]> = [];
    for (const [term, f] of tf) {
      const idf = Math.log((this.docCount + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
      weighted.push([term, (1 + Math.log(f)) * idf]);
    }
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.slice(0, o.articleTerms);
    const norm = l2(kept.map((x) => x[1])) || 1;
    return new Map(kept.map(([t, w]) => [t, w / norm]));
  }

  /**
   * Terms seen in only one or two documents are dropped every 50,000 documents: they are the bulk
   * of the vocabulary (typos, names that never return) and, should they come back, a missing entry
   * reads as "rare", which is right.
   */
  private pruneDf(): void {
    for (const [term, n] of this.df) if (n <= 2) this.df.delete(term);
  }

  private candidates(vector: Vector): LiveStory[] {
    const o = this.options;
    // The heaviest terms of the vector are its rarest, most specific ones.
    const terms = [...vector].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, o.queryTerms);
    const hits = new Map<string, number>();
    for (const [term] of terms) {
      const list = this.postings.get(term);
      if (!list || list.size > o.maxPosting) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const need = Math.min(o.minSharedTerms, terms.length);
    const out: LiveStory[] = [];
    for (const [id, n] of hits) if (n >= need) out.push(this.stories.get(id)!);
    return out;
  }

  /** The thresholds, window, key weight and decay for a headline-only article or story, or for articles. */
  private settingsOf(headlineOnly: boolean): HeadlineClusterOptions {
    return headlineOnly ? this.options.headline : this.options;
  }

  private createStory(firstArticle: string, time: number, headlineOnly: boolean): LiveStory {
    const story: LiveStory = {
      id: `story-${firstArticle}`,
      seq: this.nextSeq++,
      start: time,
      end: time,
      articles: [],
      titles: [],
      centroid: new Map(),
      norm: 0,
      entities: new Map(),
      entityTotal: 0,
      headlineOnly,
    };
    this.stories.set(story.id, story);
    return story;
  }

  private addMember(story: LiveStory, input: ClusterInput, vector: Vector, entities: string[], time: number, headlineOnly: boolean): void {
    story.articles.push(input.id);
    if (input.title && story.titles.length < LABEL_CANDIDATES) story.titles.push({ id: input.id, title: input.title });
    story.start = Math.min(story.start, time);
    story.end = Math.max(story.end, time);
    const decay = this.settingsOf(story.headlineOnly).centroidDecay;
    if (decay < 1) {
      for (const [term, w] of story.centroid) story.centroid.set(term, w * decay);
    }
    // a story with one article that has a body is read as a story of articles from then on
    story.headlineOnly &&= headlineOnly;
    for (const [term, w] of vector) {
      if (!story.centroid.has(term)) this.post(term, story.id);
      story.centroid.set(term, (story.centroid.get(term) ?? 0) + w);
    }
    for (const e of entities) {
      story.entities.set(e, (story.entities.get(e) ?? 0) + 1);
      story.entityTotal++;
    }
    this.pruneCentroid(story);
    this.articleStory.set(input.id, story.id);
  }

  private pruneCentroid(story: LiveStory): void {
    const limit = this.options.centroidTerms;
    if (story.centroid.size > limit * 1.5) {
      const sorted = [...story.centroid].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      for (const [term] of sorted.slice(limit)) {
        story.centroid.delete(term);
        this.unpost(term, story.id);
      }
    }
    story.norm = l2(story.centroid.values());
  }

  private mergeInto(keep: LiveStory, gone: LiveStory): void {
    for (const [term, w] of gone.centroid) {
      if (!keep.centroid.has(term)) this.post(term, keep.id);
      keep.centroid.set(term, (keep.centroid.get(term) ?? 0) + w);
    }
    for (const [e, n] of gone.entities) keep.entities.set(e, (keep.entities.get(e) ?? 0) + n);
    keep.entityTotal += gone.entityTotal;
    keep.headlineOnly &&= gone.headlineOnly;
    keep.articles.push(...gone.articles);
    for (const t of gone.titles) if (keep.titles.length < LABEL_CANDIDATES) keep.titles.push(t);
    keep.start = Math.min(keep.start, gone.start);
    keep.end = Math.max(keep.end, gone.end);
    for (const a of gone.articles) this.articleStory.set(a, keep.id);
    for (const term of gone.centroid.keys()) this.unpost(term, gone.id);
    this.stories.delete(gone.id);
    this.pruneCentroid(keep);
  }

  private removeStory(story: LiveStory): void {
    for (const term of story.centroid.keys()) this.unpost(term, story.id);
    for (const a of story.articles) if (this.articleStory.get(a) === story.id) this.articleStory.delete(a);
    this.stories.delete(story.id);
  }

  private post(term: number, id: string): void {
    let set = this.postings.get(term);
    if (!set) this.postings.set(term, (set = new Set()));
    set.add(id);
  }

  private unpost(term: number, id: string): void {
    const set = this.postings.get(term);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.postings.delete(term);
  }

  /** Label: the member title closest to the centroid (a real headline, not a bag of words). */
  private describe(story: LiveStory): Story {
    // the originals' titles when there are any: a copy's title is the original's at best
    const originals = story.titles.filter((t) => !t.derived);
    const candidates = originals.length ? originals : story.titles;
    let label = candidates[0]?.title ?? '';
    let best = -1;
    for (const { title } of candidates) {
      const t = tokenize(title);
      let s = 0;
      let n = 0;
      const seen = new Set<number>();
      for (let i = 0; i < t.length; i++) {
        if (t.stop[i] || seen.has(t.stems[i])) continue;
        seen.add(t.stems[i]);
        s += story.centroid.get(t.stems[i]) ?? 0;
        n++;
      }
      const score = n === 0 ? 0 : s / Math.sqrt(n);
      if (score > best + 1e-12) {
        best = score;
        label = title;
      }
    }
    return { id: story.id, label, start: story.start, end: story.end, articles: [...story.articles] };
  }
}

function cosine(v: Vector, story: LiveStory): number {
  if (story.norm === 0) return 0;
  let dot = 0;
  for (const [term, w] of v) {
    const c = story.centroid.get(term);
    if (c !== undefined) dot += w * c;
  }
  return dot / story.norm;
}

function centroidCosine(a: LiveStory, b: LiveStory): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.centroid.size <= b.centroid.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.centroid) {
    const c = large.centroid.get(term);
    if (c !== undefined) dot += w * c;
  }
  return dot / (a.norm * b.norm);
}

/**
 * Distinct name-like tokens (capitalised words inside sentences) of the title and lead, as
 * strings. Numbers are left out: small figures recur across unrelated events by chance.
 */
function keyTerms(title: string | null, tokens: Tokens, limit: number): string[] {
  const out = new Set<string>();
  const take = (t: Tokens, n: number) => {
    for (let i = 0; i < t.length && i < n; i++) if (t.key[i] && !t.digit[i]) out.add(`#${t.stems[i]}`);
  };
  if (title) take(tokenize(title), 64);
  take(tokens, limit);
  return [...out];
}

/** Content (non-stop) words of already tokenised text, counted up to `cap` (tokens.ts's `contentWords` lists them from raw text). */
function countContentWords(tokens: Tokens, cap: number): number {
  let n = 0;
  for (let i = 0; i < tokens.length && n < cap; i++) if (!tokens.stop[i]) n++;
  return n;
}

function normaliseEntities(entities: string[] | undefined): string[] {
  if (!entities || entities.length === 0) return [];
  return [...new Set(entities.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 1))];
}

/**
 * Entities shared by the article and the story, as a share of the smaller of the two sets: two
 * independent reports of one event name its main actors and places alike, and each adds names of
 * its own (the other agency's, a second official, a witness) that say nothing against the match.
 */
function entityOverlap(entities: string[], story: LiveStory): number {
  if (entities.length === 0 || story.entityTotal === 0) return 0;
  let shared = 0;
  for (const e of entities) if (story.entities.has(e)) shared++;
  return shared / Math.min(entities.length, story.entities.size);
}
