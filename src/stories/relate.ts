/**
 * Relate an arriving article to what came before: find its derivation (copy-of / spin-of) among
 * the articles of the active window, then place it in a story.
 *
 * Candidates for alignment come only from a MinHash LSH index over word 3-shingles of the
 * active window (never all pairs). Short shingles and 2-row bands are chosen on purpose: a spun
 * copy keeps few 5-word runs intact, but many 3-word ones, and the alignment verifies every
 * candidate anyway. Articles leave the index when they fall out of the window, so memory is
 * bounded by the window, not by the corpus.
 */
import { lshBandKeys, minhashSignature, estimateJaccard } from '../similarity/minhash.js';
import { shinglesOfWordHashes } from '../similarity/shingles.js';
import { tokenize, type Tokens } from '../similarity/tokens.js';
import { StoryClusterer, type ClusterOptions, type ClusterState, type Placement, type Story } from './cluster.js';
import { deriveRelation, sourceCredit, type DeriveOptions, type Derivation, type RelateDoc } from './derive.js';
import { appendTo } from '../multimap.js';

export interface RelateInput extends RelateDoc {
  title: string | null;
  entities?: string[];
  /** Articles known to be duplicates of this one (e.g. exact/near duplicates found at ingest). */
  duplicates?: string[];
}

export interface RelateOptions {
  windowDays: number;
  shingleWords: number;
  numPerm: number;
  bands: number;
  /**
   * Candidates are aligned only when the estimated containment of the smaller shingle set in the
   * larger (from estimated Jaccard and the set sizes) reaches this: a copy contains its source's
   * shingles, an unrelated article on the same topic only a few.
   */
  minCandidateContainment: number;
  /** At most this many candidates (most shared bands first) are aligned per article. */
  maxCandidates: number;
  derive: Partial<DeriveOptions>;
  cluster: Partial<ClusterOptions>;
}

export const DEFAULT_RELATE_OPTIONS: RelateOptions = {
  windowDays: 5,
  shingleWords: 3,
  numPerm: 128,
  bands: 64,
  minCandidateContainment: 0.2,
  maxCandidates: 24,
  derive: {},
  cluster: {},
};

export interface RelateResult {
  id: string;
  placement: Placement;
  /** The article this one derives from (best source), if any. */
  derivedFrom: Derivation | null;
  /** Earlier-seen articles found to derive from this one (when time or credit says it is the source). */
  sourceOf: Derivation[];
}

interface IndexEntry {
  doc: RelateDoc;
  tokens: Tokens;
  signature: Uint32Array;
  keys: number[];
  /** Number of distinct shingles (for containment estimates). */
  size: number;
  time: number;
}

interface Sketch {
  signature: Uint32Array;
  keys: number[];
  size: number;
}

/** Serialisable state of a Relater: the clusterer's state plus the window's articles. */
export interface RelaterState {
  version: 1;
  options: RelateOptions;
  cluster: ClusterState;
  latest: number;
  window: RelateDoc[];
  derivedOf: Array<[string, string]>;
}

const DAY = 86_400_000;

export class Relater {
  readonly options: RelateOptions;
  readonly clusterer: StoryClusterer;
  private readonly entries = new Map<string, IndexEntry>();
  /** Arrival order of `entries`, for eviction. */
  private queue: string[] = [];
  private queueHead = 0;
  private readonly buckets = new Map<number, string[]>();
  /** derived id → source id, for articles in the window (prefer originals as sources). */
  private readonly derivedOf = new Map<string, string>();
  private latest = 0;

  constructor(options: Partial<RelateOptions> = {}, state?: RelaterState) {
    this.options = { ...DEFAULT_RELATE_OPTIONS, ...(state?.options ?? {}), ...options };
    this.clusterer = new StoryClusterer({ windowDays: this.options.windowDays, ...this.options.cluster }, state?.cluster);
    if (state) {
      this.latest = state.latest;
      for (const [d, s] of state.derivedOf) this.derivedOf.set(d, s);
      for (const doc of state.window) this.index(doc, tokenize(doc.text));
    }
  }

  add(input: RelateInput): RelateResult {
    const time = input.publishedAt ?? this.latest;
    if (time > this.latest) this.latest = time;
    this.evict();
    const doc: RelateDoc = {
      id: input.id,
      text: input.text,
      publishedAt: input.publishedAt,
      outlet: input.outlet ?? null,
      // looked for once here, not again for every pair the article is compared in
      credit: input.credit === undefined ? sourceCredit(input.text) : input.credit,
    };
    const tokens = tokenize(input.text);
    const { signature, keys, size } = this.sketch(tokens);

    const checked = new Set(this.candidates(keys, signature, size));
    const found = this.derive(doc, tokens, checked);
    let derivedFrom = this.bestSource(found.derivations);
    const sourceOf = found.sourceOf;
    this.record(doc.id, derivedFrom, sourceOf);

    const links = [...(input.duplicates ?? [])];
    if (derivedFrom) links.push(derivedFrom.source);
    for (const d of sourceOf) links.push(d.derived);
    const placement = this.clusterer.add({
      id: input.id,
      title: input.title,
      text: input.text,
      publishedAt: input.publishedAt,
      outlet: input.outlet,
      entities: input.entities,
      links,
      copiedBy: sourceOf.map((d) => d.derived),
      tokens,
    });
    // A heavy spin shares few word triples with its original, so the shingle index may not offer
    // it; the story it joined by its words does: its latest members not checked yet are read too.
    if (placement.how === 'joined') {
      const members = this.clusterer.membersOf(placement.storyId).filter((id) => id !== doc.id && !checked.has(id) && this.entries.has(id));
      const more = this.derive(doc, tokens, members.slice(-this.options.maxCandidates));
      const moreFrom = derivedFrom ? null : this.bestSource(more.derivations);
      this.record(doc.id, moreFrom, more.sourceOf);
      derivedFrom ??= moreFrom;
      sourceOf.push(...more.sourceOf);
    }
    // a copy's or spin's title labels no story: this article's, if it derives, and its copies'
    this.clusterer.markDerived([...(derivedFrom ? [doc.id] : []), ...sourceOf.map((d) => d.derived)]);
    this.index(doc, tokens, { signature, keys, size });
    return { id: input.id, placement, derivedFrom, sourceOf };
  }

  /** Derivations between the new article and each of `ids`: those it derives from, and those deriving from it. */
  private derive(doc: RelateDoc, tokens: Tokens, ids: Iterable<string>): { derivations: Derivation[]; sourceOf: Derivation[] } {
    const derivations: Derivation[] = [];
    const sourceOf: Derivation[] = [];
    for (const id of ids) {
      const other = this.entries.get(id)!;
      const d = deriveRelation(other.doc, other.tokens, doc, tokens, this.options.derive);
      if (!d) continue;
      if (d.derived === doc.id) derivations.push(d);
      else if (!this.derivedOf.has(d.derived)) sourceOf.push(d);
    }
    return { derivations, sourceOf };
  }

  /** Remember which window article derives from which (`derivedOf`), for later best-source choices. */
  private record(id: string, derivedFrom: Derivation | null, sourceOf: Derivation[]): void {
    if (derivedFrom) this.derivedOf.set(id, derivedFrom.source);
    for (const d of sourceOf) this.derivedOf.set(d.derived, id);
  }

  /** Stories that fell out of the window (their members will not change any more). */
  closeStories(): Story[] {
    return this.clusterer.closeBefore(this.latest);
  }

  closeAll(): Story[] {
    return this.clusterer.closeAll();
  }

  get windowSize(): number {
    return this.entries.size;
  }

  toJSON(): RelaterState {
    return {
      version: 1,
      options: this.options,
      cluster: this.clusterer.toJSON(),
      latest: this.latest,
      window: [...this.entries.values()].map((e) => e.doc),
      derivedOf: [...this.derivedOf],
    };
  }

  private sketch(tokens: Tokens): Sketch {
    const o = this.options;
    const shingles = shinglesOfWordHashes(tokens.stems, o.shingleWords);
    const signature = minhashSignature(shingles, o.numPerm);
    return { signature, keys: lshBandKeys(signature, o.bands), size: shingles.length };
  }

  /** Window articles sharing a band with the new one, most shared bands first, verified by estimated Jaccard. */
  private candidates(keys: number[], signature: Uint32Array, size: number): string[] {
    const seen = new Set<string>();
    for (const key of keys) for (const id of this.buckets.get(key) ?? []) seen.add(id);
    const ranked: Array<{ id: string; c: number }> = [];
    for (const id of seen) {
      const e = this.entries.get(id)!;
      const j = estimateJaccard(e.signature, signature);
      // |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the smaller set in the larger.
      const c = (j * (e.size + size)) / (1 + j) / Math.max(1, Math.min(e.size, size));
      if (c >= this.options.minCandidateContainment) ranked.push({ id, c });
    }
    ranked.sort((a, b) => b.c - a.c || (a.id < b.id ? -1 : 1));
    return ranked.slice(0, this.options.maxCandidates).map((c) => c.id);
  }

  /**
   * Among several possible sources, take the best scoring; when scores are close (a copy of a
   * copy matches both), prefer an original over an article that is itself derived, then the earlier.
   */
  private bestSource(derivations: Derivation[]): Derivation | null {
    if (derivations.length === 0) return null;
    const top = Math.max(...derivations.map((d) => d.score));
    const close = derivations.filter((d) => d.score >= top - 0.05);
    close.sort((a, b) => {
      const da = this.derivedOf.has(a.source) ? 1 : 0;
      const db = this.derivedOf.has(b.source) ? 1 : 0;
      if (da !== db) return da - db;
      const ta = this.entries.get(a.source)?.time ?? 0;
      const tb = this.entries.get(b.source)?.time ?? 0;
      return ta - tb || b.score - a.score || (a.source < b.source ? -1 : 1);
    });
    return close[0];
  }

  private index(doc: RelateDoc, tokens: Tokens, sketch: Sketch = this.sketch(tokens)): void {
    if (this.entries.has(doc.id)) return;
    const { signature, keys, size } = sketch;
    this.entries.set(doc.id, { doc, tokens, signature, keys, size, time: doc.publishedAt ?? this.latest });
    this.queue.push(doc.id);
    for (const key of keys) {
      appendTo(this.buckets, key, doc.id);
    }
  }

  /** Drop window articles older than the window (arrival order ≈ time order). */
  private evict(): void {
    const cutoff = this.latest - this.options.windowDays * DAY;
    while (this.queueHead < this.queue.length) {
      const id = this.queue[this.queueHead];
      const e = this.entries.get(id);
      if (e && e.time >= cutoff) break;
      this.queueHead++;
      if (!e) continue;
      this.entries.delete(id);
      this.derivedOf.delete(id);
      for (const key of e.keys) {
        const list = this.buckets.get(key);
        if (!list) continue;
        const i = list.indexOf(id);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.buckets.delete(key);
      }
    }
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
  }
}
