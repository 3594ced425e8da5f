/**
 * A deterministic synthetic news stream with known truth, for the story benchmark.
 *
 * Each story is one real-world happening (an event type from vocab.ts with invented entities,
 * numbers and a date). It is told by several independent reports (different outlets, different
 * phrasings and subsets of its facts), some of which are copied verbatim by other outlets (maybe
 * cut, with boilerplate added) or spun (synonym swaps, dropped and merged sentences, run-together
 * words). Hard negatives come for free and on purpose:
 *  - siblings: the same kind of event in the same country a few days apart, other people and places;
 *  - returns: the same kind of event with the same place, lead person and organisation one to three
 *    months later (a topic that comes back is a new story).
 * Articles are yielded in publication order; memory stays bounded by a few days of stories.
 */
import { mulberry32 } from '../../src/similarity/hash.js';
import {
  BOILERPLATE,
  FILLER,
  GADGETS,
  ORG_SUFFIXES,
  OUTLET_NOUNS,
  OUTLET_PREFIXES,
  PLACE_SUFFIXES,
  ROLES,
  SYLLABLES,
  SYNONYMS,
  TOPICS,
  WEEKDAYS,
  WIRES,
  type Topic,
} from './vocab.js';

export interface GenArticle {
  id: string;
  title: string;
  text: string;
  publishedAt: number;
  outlet: string;
  /** Truth: the story this article belongs to. */
  story: string;
  /** Truth: the article this one was copied or spun from. */
  derivedFrom?: string;
  derivation?: 'copy-of' | 'spin-of';
}

export interface GenOptions {
  articles: number;
  seed: number;
  /** New stories per day (sets how many stories are active at once). */
  storiesPerDay: number;
  /** Probabilities that a report is copied verbatim / spun by another outlet. */
  copyRate: number;
  spinRate: number;
}

export const DEFAULT_GEN_OPTIONS: GenOptions = { articles: 10_000, seed: 7, storiesPerDay: 30, copyRate: 0.3, spinRate: 0.3 };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const EPOCH = Date.UTC(2024, 0, 1);

type Slots = Record<string, string>;

interface StorySpec {
  key: string;
  topic: Topic;
  slots: Slots;
  start: number;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function word(rng: Rng, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(SYLLABLES);
  return cap(w);
}

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? name);
}

function freshSlots(rng: Rng, topic: Topic): Slots {
  const person = () => `${word(rng, 2)} ${word(rng, rng.int(2, 3))}`;
  const roles = [...ROLES];
  const role = () => roles.splice(rng.int(0, roles.length - 1), 1)[0];
  const org = () => `${word(rng, 2)} ${rng.pick(ORG_SUFFIXES)}`;
  return {
    place: word(rng, 2) + rng.pick(PLACE_SUFFIXES),
    country: word(rng, 2) + rng.pick(['ia', 'land', 'stan', 'ora', 'ica']),
    p1: person(),
    p2: person(),
    p3: topic.name === 'storm' ? word(rng, 2) : person(),
    r1: role(),
    r2: role(),
    r3: role(),
    org: org(),
    org2: org(),
    org3: org(),
    n1: String(rng.int(2, 9)),
    n2: String(rng.int(2, 99)),
    n3: String(rng.int(1, 9)),
    day: rng.pick(WEEKDAYS),
    gadget: rng.pick(GADGETS),
  };
}

/** Sentences of one independent report: the lead fact, then most other facts in its own order, some filler. */
function reportSentences(rng: Rng, story: StorySpec): string[] {
  const [lead, ...rest] = story.topic.facts;
  const out = [fill(rng.pick(lead), story.slots)];
  const keep = rest.filter(() => rng.chance(0.75));
  // Each newsroom orders the facts its own way (a random permutation).
  for (let i = keep.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [keep[i], keep[j]] = [keep[j], keep[i]];
  }
  for (const fact of keep) out.push(fill(rng.pick(fact), story.slots));
  if (rng.chance(0.5)) out.splice(rng.int(2, out.length), 0, rng.pick(FILLER));
  return out;
}

/** Paragraphs of one or two sentences, separated by a blank line (the Article text convention). */
function toText(sentences: string[], rng: Rng): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = rng.chance(0.4) ? 2 : 1;
    paragraphs.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return paragraphs.join('\n\n');
}

const SYNONYM_MAP = new Map<string, string>();
for (const [a, b] of SYNONYMS) {
  SYNONYM_MAP.set(a, b);
  SYNONYM_MAP.set(b, a);
}

/** Replace words (and two-word phrases) by synonyms with probability `rate` per occurrence. */
function swapSynonyms(text: string, rng: Rng, rate: number): string {
  const parts = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const two = i + 1 < parts.length ? `${parts[i]} ${parts[i + 1]}` : '';
    if (two && SYNONYM_MAP.has(two) && rng.chance(rate)) {
      out.push(SYNONYM_MAP.get(two)!);
      i++;
      continue;
    }
    const m = /^([A-Za-z]+)(.*)$/.exec(parts[i]);
    const lower = m ? m[1].toLowerCase() : '';
    if (m && SYNONYM_MAP.has(lower) && rng.chance(rate)) {
      let rep = SYNONYM_MAP.get(lower)!;
      if (m[1][0] !== lower[0]) rep = cap(rep);
      out.push(rep + m[2]);
    } else out.push(parts[i]);
  }
  return out.join(' ');
}

/** A machine-spun copy: synonyms, one or two dropped sentences, a merged pair, a run-together join. */
function spin(sentences: string[], rng: Rng): string[] {
  let s = sentences.map((x) => swapSynonyms(x, rng, 0.8));
  const drops = Math.min(rng.int(1, 2), Math.max(0, s.length - 4));
  for (let d = 0; d < drops; d++) s.splice(rng.int(1, s.length - 1), 1);
  if (s.length > 3 && rng.chance(0.5)) {
    const i = rng.int(1, s.length - 2);
    const merged = s[i].replace(/\.$/, '') + ', and ' + s[i + 1].charAt(0).toLowerCase() + s[i + 1].slice(1);
    s = [...s.slice(0, i), merged, ...s.slice(i + 2)];
  }
  if (s.length > 2 && rng.chance(0.5)) {
    // Run-together words, as scrapers and spinners leave them: "damageOfficials".
    const i = rng.int(1, s.length - 2);
    s = [...s.slice(0, i), s[i].replace(/\.$/, '') + s[i + 1], ...s.slice(i + 2)];
  }
  return s;
}

export function* generateCorpus(options: Partial<GenOptions> = {}): Generator<GenArticle> {
  const o = { ...DEFAULT_GEN_OPTIONS, ...options };
  const rng = new Rng(o.seed);
  const outlets: string[] = [];
  for (const p of OUTLET_PREFIXES) for (const n of OUTLET_NOUNS) outlets.push(`${p} ${n}`);
  let nextId = 0;
  let nextStory = 0;
  let emitted = 0;
  const buckets = new Map<number, GenArticle[]>();
  const past: StorySpec[] = []; // recent stories, for siblings and returns (bounded)

  const put = (a: Omit<GenArticle, 'id'>): GenArticle => {
    const art = { id: `g${(nextId++).toString(36).padStart(6, '0')}`, ...a };
    const day = Math.floor((art.publishedAt - EPOCH) / DAY);
    const bucket = buckets.get(day);
    if (bucket) bucket.push(art);
    else buckets.set(day, [art]);
    return art;
  };

  for (let day = 0; emitted < o.articles; day++) {
    const perDay = rng.int(Math.floor(o.storiesPerDay * 0.6), Math.ceil(o.storiesPerDay * 1.4));
    for (let s = 0; s < perDay; s++) {
      const start = EPOCH + day * DAY + rng.int(0, 23) * HOUR + rng.int(0, 59) * 60_000;
      let spec: StorySpec;
      const old = past.filter((p) => start - p.start > 30 * DAY && start - p.start < 90 * DAY);
      const recent = past.filter((p) => start - p.start < 3 * DAY);
      if (old.length && rng.chance(0.1)) {
        // A return: same kind of event, same place, lead person and organisation, months later.
        const prev = rng.pick(old);
        const slots = { ...freshSlots(rng, prev.topic), place: prev.slots.place, country: prev.slots.country, p1: prev.slots.p1, r1: prev.slots.r1, org: prev.slots.org };
        spec = { key: `s${nextStory++}`, topic: prev.topic, slots, start };
      } else if (recent.length && rng.chance(0.2)) {
        // A sibling: same kind of event in the same country, days apart, other people and places.
        const prev = rng.pick(recent);
        spec = { key: `s${nextStory++}`, topic: prev.topic, slots: { ...freshSlots(rng, prev.topic), country: prev.slots.country }, start };
      } else {
        const topic = rng.pick(TOPICS);
        spec = { key: `s${nextStory++}`, topic, slots: freshSlots(rng, topic), start };
      }
      past.push(spec);
      if (past.length > o.storiesPerDay * 100) past.splice(0, past.length - o.storiesPerDay * 100);

      const reports = rng.int(2, 6);
      const used = new Set<string>();
      const outletFor = () => {
        let name = rng.pick(outlets);
        while (used.has(name)) name = rng.pick(outlets);
        used.add(name);
        return name;
      };
      for (let r = 0; r < reports; r++) {
        const wire = rng.chance(0.2) ? rng.pick(WIRES) : null;
        const outlet = wire ? wire.name : outletFor();
        const time = start + (r === 0 ? 0 : rng.int(1, 60) * HOUR + rng.int(0, 59) * 60_000);
        const sentences = reportSentences(rng, spec);
        const dateline = wire ? `${spec.slots.place.toUpperCase()} (${wire.code}) — ` : rng.chance(0.3) ? `${spec.slots.place.toUpperCase()} — ` : '';
        const title = fill(rng.pick(spec.topic.titles), spec.slots);
        const text = dateline + toText(sentences, rng);
        const report = put({ title, text, publishedAt: time, outlet, story: spec.key });
        if (rng.chance(o.copyRate)) {
          const paragraphs = text.split('\n\n');
          if (paragraphs.length > 4 && rng.chance(0.3)) paragraphs.pop();
          if (rng.chance(0.5)) paragraphs.push(rng.pick(BOILERPLATE));
          put({
            title: rng.chance(0.7) ? title : fill(rng.pick(spec.topic.titles), spec.slots),
            text: paragraphs.join('\n\n'),
            publishedAt: time + rng.int(30, 720) * 60_000,
            outlet: outletFor(),
            story: spec.key,
            derivedFrom: report.id,
            derivation: 'copy-of',
          });
        }
        if (rng.chance(o.spinRate)) {
          put({
            title: swapSynonyms(title, rng, 0.8),
            text: toText(spin(sentences, rng), rng),
            publishedAt: time + rng.int(60, 1440) * 60_000,
            outlet: outletFor(),
            story: spec.key,
            derivedFrom: report.id,
            derivation: 'spin-of',
          });
        }
      }
    }
    // No later story publishes before the next day starts: today's bucket is complete.
    const bucket = buckets.get(day) ?? [];
    buckets.delete(day);
    bucket.sort((x, y) => x.publishedAt - y.publishedAt || (x.id < y.id ? -1 : 1));
    for (const a of bucket) {
      if (emitted >= o.articles) return;
      emitted++;
      yield a;
    }
  }
}
