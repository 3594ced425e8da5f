/**
 * Loads the NLP lexicons in data/lexicons/ once and precompiles them into Maps and token tries,
 * so every lookup in the annotators is O(1) per token. The lexicons are general (countries,
 * titles, verbs of speech, the PETRARCH2 gazetteer); see data/lexicons/README.md.
 */
import { lexiconLines as lines } from '../lexicon-files.js';
import { foldDiacritics } from './fold.js';

/** Normalised key for a token sequence: lowercase, accents folded, curly apostrophes straightened, periods kept. */
export function keyOf(s: string): string {
  return foldDiacritics(s.toLowerCase()).replace(/\u2019/g, "'");
}

/** A trie over lowercase token sequences: finds the longest lexicon phrase starting at a token. */
export class PhraseTrie<V> {
  private root: TrieNode<V> = { next: new Map() };
  add(phrase: string, value: V): void {
    const node = this.nodeFor(phrase);
    if (node.value === undefined) node.value = value;
  }
  /** The node of a phrase, created on the way when missing. */
  private nodeFor(phrase: string): TrieNode<V> {
    let node = this.root;
    for (const tok of tokenizePhrase(phrase)) {
      let n = node.next.get(tok);
      if (!n) {
        n = { next: new Map() };
        node.next.set(tok, n);
      }
      node = n;
    }
    return node;
  }
  /** Longest match of tokens[i..] (given as lowercase keys); returns [length, value] or null. */
  longest(keys: readonly string[], i: number, limit = keys.length): [number, V] | null {
    let node: TrieNode<V> | undefined = this.root;
    let best: [number, V] | null = null;
    for (let j = i; j < limit && node; j++) {
      node = node.next.get(keys[j]);
      if (node && node.value !== undefined) best = [j - i + 1, node.value];
    }
    return best;
  }
  /** Like add, but a later entry replaces an earlier one. */
  addReplace(phrase: string, value: V): void {
    this.nodeFor(phrase).value = value;
  }
  has(phrase: string): boolean {
    // fast path: one lowercase token (the common case in the annotators' inner loops)
    if (SIMPLE_KEY.test(phrase)) return this.root.next.get(phrase)?.value !== undefined;
    let node: TrieNode<V> | undefined = this.root;
    for (const tok of tokenizePhrase(phrase)) {
      node = node.next.get(tok);
      if (!node) return false;
    }
    return node.value !== undefined;
  }
  get(phrase: string): V | undefined {
    if (SIMPLE_KEY.test(phrase)) return this.root.next.get(phrase)?.value;
    let node: TrieNode<V> | undefined = this.root;
    for (const tok of tokenizePhrase(phrase)) {
      node = node.next.get(tok);
      if (!node) return undefined;
    }
    return node.value;
  }
}
/** A single lowercase ASCII token without separators: looked up directly (others are folded first). */
const SIMPLE_KEY = /^[a-z0-9.']+$/;

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value?: V;
}

/** Splits a lexicon phrase the way the tokenizer splits text (spaces and hyphens are separators). */
export function tokenizePhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const part of keyOf(phrase).split(/\s+/)) {
    if (!part) continue;
    // hyphenated lexicon entries are tokenized as word '-' word, like the text tokenizer does
    const bits = part.split('-');
    bits.forEach((b, i) => {
      if (i > 0) out.push('-');
      // a possessive is a token of its own, as the text tokenizer makes it ("people's" → people 's)
      if (b.length > 2 && b.endsWith("'s")) out.push(b.slice(0, -2), "'s");
      else if (b) out.push(b);
    });
  }
  return out;
}

export interface CountryInfo {
  name: string;
  code: string;
  demonyms: string[];
  capitals: string[];
}

/** Short all-caps aliases ("UN", "AP", "US") only match text written in capitals ("Un" is a name). */
export function isAcronymAlias(alias: string): boolean {
  const a = alias.replace(/\./g, '');
  return a.length <= 5 && /^[A-Z]+$/.test(a);
}

export interface PlaceInfo {
  /** Canonical name: the country name for a country alias, else the place itself. */
  canonical: string;
  /** Set when this entry is an acronym that must match case-sensitively. */
  acronym?: string;
  /** ISO3 country code. */
  country: string;
  kind: 'country' | 'capital' | 'city' | 'region';
}

export interface OrgInfo {
  canonical: string;
  code: string;
  acronym?: string;
}

function loadCountries() {
  const countries: CountryInfo[] = [];
  const places = new PhraseTrie<PlaceInfo>();
  const demonyms = new PhraseTrie<CountryInfo>();
  const byCode = new Map<string, CountryInfo>();
  for (const l of lines('countries.txt')) {
    const [name, code, dem, caps, aliases] = l.split('|');
    const info: CountryInfo = {
      name,
      code,
      demonyms: dem ? dem.split(',').map((s) => s.trim()).filter(Boolean) : [],
      capitals: caps ? caps.split(',').map((s) => s.trim()).filter(Boolean) : [],
    };
    countries.push(info);
    if (!byCode.has(code)) byCode.set(code, info);
    places.add(name, { canonical: name, country: code, kind: 'country' });
    for (const a of (aliases ?? '').split(',')) {
      const al = a.trim();
      if (al) places.add(al, { canonical: name, country: code, kind: 'country', ...(isAcronymAlias(al) ? { acronym: al.replace(/\./g, '') } : {}) });
    }
    for (const d of info.demonyms) {
      demonyms.add(d, info);
      // plural nouns of nationality ("North Koreans", "Russians") are demonyms too, not names
      if (!/(s|sh|ch|ese|x|z)$/i.test(d) && !isAcronymAlias(d)) demonyms.add(d + 's', info);
    }
  }
  // Capitals after all country names so that a country name wins over a same-named capital.
  for (const c of countries)
    for (const cap of c.capitals) places.add(cap, { canonical: cap, country: c.code, kind: 'capital' });
  // "Name" or "Name|ISO3" (a region inside one country: "Northern Ireland|GBR")
  for (const l of lines('regions.txt')) {
    const [name, country = ''] = l.split('|');
    places.add(name, { canonical: name, country, kind: 'region' });
  }
  for (const l of lines('places.txt')) {
    const [name, code] = l.split('|');
    // The derived list also holds demonyms and old names; a demonym is not a place.
    if (!demonyms.has(name)) places.add(name, { canonical: name, country: code, kind: 'city' });
  }
  // States and provinces the derived list misses ("Wisconsin"); after it, so that its entries stand
  /** First-level subdivisions, lowercase ("texas", "new south wales"). */
  const subdivisions = new Set<string>();
  for (const l of lines('subdivisions.txt')) {
    const [name, code] = l.split('|');
    places.add(name, { canonical: name, country: code, kind: 'region' });
    subdivisions.add(name.toLowerCase());
  }
  return { countries, places, demonyms, byCode, subdivisions };
}

function loadOrgs() {
  const orgs = new PhraseTrie<OrgInfo>();
  // Gazetteer organisations first (hand-written entries below override them): their canonical
  // is left empty so that the text as written is used.
  const kw = loadKeywords();
  const given = new Set(lines('given-names.txt').map((x) => x.toLowerCase()));
  for (const l of lines('organizations-gazetteer.txt')) {
    const [name, code] = l.split('|');
    const k = name.toLowerCase();
    // single words that are also demonyms, places or ordinary adjectives ("American", "Western")
    // would turn every such word into an organisation
    if (
      !k.includes(' ') &&
      (stopwordsEarly.has(k) || kw.org.has(k) || kw.place.has(k) || kw.drop.has(k) || given.has(k) || k.length < 4 ||
        countries.demonyms.has(k) || countries.places.has(k) || COMMON_ADJECTIVES.has(k))
    )
      continue;
    orgs.addReplace(name, { canonical: '', code });
  }
  for (const l of [...lines('companies.txt'), ...lines('organizations.txt')]) {
    const [name, code, aliases] = l.split('|');
    const info: OrgInfo = { canonical: name, code };
    orgs.addReplace(name, info);
    for (const a of (aliases ?? '').split(',')) {
      const al = a.trim();
      if (al) orgs.addReplace(al, isAcronymAlias(al) ? { ...info, acronym: al.replace(/\./g, '') } : info);
    }
  }
  return orgs;
}

function loadSpeechVerbs(): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of lines('speech-verbs.txt')) {
    // The first field is the lemma, itself a cue unless the line is marked "inflected" (a base
    // form that is mostly a noun or another verb in news, like "state" or "report").
    const [base, forms, only] = l.split('|');
    const list = (forms ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (only !== 'inflected') m.set(base, base);
    for (const f of list) m.set(f, base);
  }
  return m;
}

function loadKeywords() {
  const out = { org: new Set<string>(), place: new Set<string>(), drop: new Set<string>(), leader: new Set<string>(), 'drop-first': new Set<string>() };
  for (const l of lines('entity-keywords.txt')) {
    const [kind, words] = l.split('|');
    const set = out[kind as keyof typeof out];
    if (set) for (const w of words.split(',')) if (w.trim()) set.add(w.trim());
  }
  return out;
}

const stopwordsEarly = new Set(lines('stopwords.txt'));
const COMMON_ADJECTIVES = new Set(['western', 'eastern', 'northern', 'southern', 'central', 'european', 'african', 'asian', 'american', 'arab', 'islamic', 'christian', 'muslim', 'jewish', 'national', 'international', 'global', 'united', 'free', 'new', 'democratic', 'popular', 'people', 'peoples', 'liberation', 'revolutionary', 'patriotic', 'independent', 'royal', 'federal', 'republican', 'socialist', 'communist', 'green', 'red', 'white', 'black']);
const countries = loadCountries();
const stop = stopwordsEarly;

/** Occupations ("actress", "novelist"), read once: they are titles, lower-case-only titles and a set of their own. */
const OCCUPATIONS = lines('occupations.txt');

export const LEX = {
  ...countries,
  orgs: loadOrgs(),
  /** Title phrases (lowercase token sequences) → the phrase as listed. */
  titles: (() => {
    const t = new PhraseTrie<string>();
    for (const l of [...lines('titles.txt'), ...OCCUPATIONS]) t.add(l, l);
    return t;
  })(),
  /** Occupations ("actress", "novelist"): titles before a name, and references only to someone the article names. */
  occupations: new Set(OCCUPATIONS),
  roleModifiers: new Set(lines('role-modifiers.txt')),
  /** Title words that are ordinary nouns when capitalised inside a name ("Choe Son Hui"). */
  lowercaseOnlyTitles: new Set(['son', 'daughter', 'brother', 'sister', 'wife', 'husband', 'official', 'analyst', 'expert', 'aide', 'reporter', 'correspondent', 'diplomat', 'counterpart', 'deputy', 'head', 'owner', 'founder', 'executive', 'economist', 'researcher', 'scientist', 'editor', 'columnist', 'lawmaker', 'legislator', 'negotiator', 'major', 'justice', 'chair', 'miss', 'attorney', 'lawyer', 'activist', 'winger', 'pitcher', 'kicker', 'catcher', 'punter', 'striker', ...OCCUPATIONS]),
  speechVerbs: loadSpeechVerbs(),
  pronouns: new Map(lines('pronouns.txt').map((l) => l.split('|') as [string, string])),
  stopwords: stop,
  /** Given names from the gazetteer, minus words that are also common sentence openers. */
  givenNames: new Set(lines('given-names.txt').filter((n) => !stop.has(n.toLowerCase()))),
  /** Surnames from the gazetteer: evidence that a lone capitalised word mid-sentence is a person. */
  surnames: new Set(lines('surnames.txt').filter((n) => !stop.has(n.toLowerCase()))),
  keywords: loadKeywords(),
  /** Everyday abbreviations written in capitals that name no entity ("AI", "CEO", "DNA"), as written. */
  commonAcronyms: new Set(lines('common-acronyms.txt')),
  /** Technologies named like proper nouns (Python, Android, Bluetooth): no entity. Lower-case keys. */
  technologies: new Set(lines('technologies.txt').map((l) => l.toLowerCase())),
  /** US state postal codes → state names ("CA" → "California"), read after "City, ". */
  usStates: new Map(lines('us-states.txt').map((l) => l.split('|') as [string, string])),
  /** Generic agent nouns from the PETRARCH2 agents dictionary ("troops" → MIL, "police" → COP). */
  agents: new Map(lines('agents.txt').map((l) => l.split('|') as [string, string])),
};

export const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1], ['jan.', 1],
  ['february', 2], ['feb', 2], ['feb.', 2],
  ['march', 3], ['mar.', 3],
  ['april', 4], ['apr', 4], ['apr.', 4],
  ['may', 5],
  ['june', 6], ['jun.', 6],
  ['july', 7], ['jul.', 7],
  ['august', 8], ['aug', 8], ['aug.', 8],
  ['september', 9], ['sept', 9], ['sept.', 9], ['sep.', 9],
  ['october', 10], ['oct', 10], ['oct.', 10],
  ['november', 11], ['nov', 11], ['nov.', 11],
  ['december', 12], ['dec', 12], ['dec.', 12],
]);

/** Days named relative to the day of writing, with their offset in days ("tonight" is today's night). */
export const RELATIVE_DAYS = new Map<string, number>([['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1]]);
/** ISO weekday numbers (Monday = 1). */
export const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);
