/**
 * The event coder's verb dictionary: PETRARCH2's CAMEO verb file, compiled by
 * scripts/build-nlp-lexicons.ts into data/lexicons/event-verbs.json (verb form → verb block with a
 * default CAMEO code and object patterns such as "SIGN * &TREATY" → 057) and loaded once at import;
 * CAMEO codes map to PLOVER categories through the CAMEO2PLOVER-2021 table, where the PLOVER
 * codebook does not say otherwise. Also here: the nouns that name an event, the code of an event
 * ended or reduced, and the matching of a verb block's object patterns.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PloverCategory, PloverQuad } from './types.js';
import type { Token } from './tokens.js';
import type { MentionRec } from './entities.js';
import { buildEventNouns, CORE_EVENT_NOUNS } from './events-nominal.js';

interface VerbBlock {
  code: string;
  patterns: { after: string[][]; code: string }[];
}
interface VerbDict {
  forms: Record<string, string>;
  blocks: Record<string, VerbBlock>;
  cameo2plover: Record<string, string>;
}

function loadDict(): VerbDict {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const f = path.join(dir, 'data', 'lexicons', 'event-verbs.json');
    if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8')) as VerbDict;
    dir = path.dirname(dir);
  }
  throw new Error('data/lexicons/event-verbs.json not found (run scripts/build-nlp-lexicons.ts)');
}
const DICT = loadDict();
export const FORMS = new Map(Object.entries(DICT.forms));
/**
 * First words of multi-word verb forms ("called off", "set up", "get hold of") → the most words
 * such a form has, to avoid building keys for every token.
 */
export const MULTI_WORD_FIRST = new Map<string, number>();
for (const k of FORMS.keys()) {
  if (!k.includes(' ')) continue;
  const parts = k.split(' ');
  MULTI_WORD_FIRST.set(parts[0], Math.max(MULTI_WORD_FIRST.get(parts[0]) ?? 0, parts.length));
}
/** Pattern words as Sets per element, compiled once. */
export interface CompiledBlock {
  code: string;
  patterns: { after: Set<string>[]; code: string }[];
  /** First pattern word → indexes of the patterns starting with it. */
  byFirst: Map<string, number[]>;
}
export const BLOCKS = new Map<string, CompiledBlock>();
/** Block of support/terminative verbs the dictionary lacks: no code, no patterns. */
export const NO_CODE_BLOCK = '\u0000none';
BLOCKS.set(NO_CODE_BLOCK, { code: '---', patterns: [], byFirst: new Map() });
for (const [name, b] of Object.entries(DICT.blocks)) {
  const patterns = b.patterns.map((p) => ({ after: p.after.map((alts) => new Set(alts.map((a) => a.toLowerCase()))), code: p.code }));
  const byFirst = new Map<string, number[]>();
  patterns.forEach((p, i) => {
    for (const w of p.after[0]) {
      const list = byFirst.get(w) ?? [];
      list.push(i);
      byFirst.set(w, list);
    }
  });
  BLOCKS.set(name, { code: b.code, patterns, byFirst });
}

/** Nominalisations of the dictionary's coded verbs ("negotiation", "withdrawal") → verb block. */
const EVENT_NOUNS = buildEventNouns(FORMS, (block) => {
  const c = DICT.blocks[block]?.code;
  return !!c && c !== '---';
});

export const QUAD: Record<PloverCategory, PloverQuad> = {
  AGREE: 'verbal-cooperation',
  CONSULT: 'verbal-cooperation',
  SUPPORT: 'verbal-cooperation',
  CONCEDE: 'verbal-cooperation',
  COOPERATE: 'material-cooperation',
  AID: 'material-cooperation',
  RETREAT: 'material-cooperation',
  REQUEST: 'verbal-conflict',
  ACCUSE: 'verbal-conflict',
  REJECT: 'verbal-conflict',
  THREATEN: 'verbal-conflict',
  PROTEST: 'material-conflict',
  SANCTION: 'material-conflict',
  MOBILIZE: 'material-conflict',
  COERCE: 'material-conflict',
  ASSAULT: 'material-conflict',
};

/**
 * Where the PLOVER codebook's category text overrides CAMEO2PLOVER-2021: CONCEDE "covers ...
 * easing of administrative or legal restrictions on persons and organizations, removing curfews,
 * suspending protests" ("the lifting of a curfew is, effectively, a promise"), while the 2021
 * table moved 0813 (ease curfew) and 0814 (ease state of emergency) to RETREAT.
 */
const CODEBOOK_OVERRIDES: Record<string, PloverCategory> = {
  '0813': 'CONCEDE',
  '0814': 'CONCEDE',
  // SANCTION: "International (political or economic) sanctions are coded as 'discontinue'"; the
  // 2021 table puts 163 (impose embargo, boycott, or sanctions) under COERCE
  '163': 'SANCTION',
};

/** CAMEO code → PLOVER category (longest prefix in the table). */
export function cameoToPlover(code: string): PloverCategory | null {
  const override = CODEBOOK_OVERRIDES[code];
  if (override) return override;
  for (let len = code.length; len >= 2; len--) {
    const c = DICT.cameo2plover[code.slice(0, len)];
    if (c && c in QUAD) return c as PloverCategory;
  }
  // CAMEO 02 (appeal, request) is absent from CAMEO2PLOVER-2021; the PLOVER manual puts
  // "all requests, demands, and orders" under REQUEST.
  if (code.startsWith('02')) return 'REQUEST';
  return null;
}

/**
 * A noun that names an event: a nominalisation of a dictionary verb ("negotiations",
 * "withdrawal"), or a dictionary verb form that is a noun as well ("attack", "talks", "riots"),
 * not a participle.
 */
export function isEventNoun(key: string): boolean {
  if (CORE_EVENT_NOUNS.has(key) || EVENT_NOUNS.has(key)) return true;
  const block = FORMS.get(key);
  if (!block || /ed$/.test(key) || (key.endsWith('ing') && !/(bing|ling|ting|king|ring)$/.test(key))) return false;
  const b = BLOCKS.get(block);
  return !!b && !!b.code && b.code !== '---' && cameoToPlover(b.code) !== null;
}

export function eventNounBlock(key: string): string | undefined {
  return EVENT_NOUNS.get(key) ?? FORMS.get(key);
}

/**
 * A terminated or reduced event (CAMEO's "halt", "reduce", "ease" codes): ending cooperation,
 * talks or aid reduces relations (16x, PLOVER SANCTION); ending protests eases dissent (082),
 * ending fighting or mobilisation de-escalates (087), ending restrictions eases them (081, 085).
 */
export function terminatedCode(code: string): string | null {
  const c = cameoToPlover(code);
  switch (c) {
    case 'CONSULT':
      return code.startsWith('045') ? '165' : '164';
    case 'AID':
      return '162';
    case 'COOPERATE':
    case 'SUPPORT':
      return '160';
    case 'PROTEST':
      return '082';
    case 'ASSAULT':
    case 'MOBILIZE':
      return '087';
    case 'COERCE':
      return code.startsWith('17') ? '081' : null;
    case 'SANCTION':
      return '085';
    default:
      return null;
  }
}

/**
 * Object patterns of a verb block tried from token `from`: only patterns whose first word
 * occurs in the first words of the object; the longest full match wins.
 */
export function matchBlockPatterns(tokens: Token[], mentionAt: Map<number, MentionRec>, b: CompiledBlock, from: number, limit: number): { code: string; best: number } {
  let code = b.code;
  let best = 0;
  if (!b.byFirst.size) return { code, best };
  const firstLimit = Math.min(limit, from + 6);
  const candidates: number[] = [];
  for (let k = from; k < firstLimit; k++) {
    // the word and its singular guesses, as dictionary words are singular
    const key = tokens[k].key;
    addCandidates(candidates, b.byFirst.get(key));
    if (key.endsWith('s')) {
      addCandidates(candidates, b.byFirst.get(key.slice(0, -1)));
      if (key.endsWith('es')) addCandidates(candidates, b.byFirst.get(key.slice(0, -2)));
    }
  }
  for (const pi of candidates) {
    const p = b.patterns[pi];
    let k = from;
    let matched = 0;
    for (const alts of p.after) {
      while (k < limit && !matchWord(alts, tokens[k].key)) k++;
      if (k >= limit) break;
      // the object starts right after the verb (a determiner and two modifiers at most)
      // (no entity in between: "said Putin's visit" is not "said ... visit")
      if (matched === 0 && (k > from + 5 || mentionIn(mentionAt, from, k))) break;
      matched++;
      k++;
    }
    if (matched === p.after.length && matched > best) {
      best = matched;
      code = p.code;
    }
  }
  return { code, best };
}

function mentionIn(mentionAt: Map<number, MentionRec>, a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (mentionAt.has(q)) return true;
  return false;
}

function addCandidates(into: number[], list: number[] | undefined): void {
  if (list) for (const pi of list) if (!into.includes(pi)) into.push(pi);
}

function matchWord(alts: Set<string>, key: string): boolean {
  if (alts.has(key)) return true;
  // plural / inflected nouns in the text against singular dictionary words
  if (key.endsWith('s') && alts.has(key.slice(0, -1))) return true;
  if (key.endsWith('es') && alts.has(key.slice(0, -2))) return true;
  return false;
}
