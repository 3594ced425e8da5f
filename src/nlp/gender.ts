/**
 * The gender a pronoun needs of the person it refers to: "she said" after a paragraph about Mary
 * Steenburgen and her son Charlie is about her. Evidence per entity, from the article only:
 * a given name found in only one of the female and male name lists, an honorific before a mention
 * ("Mr.", "Ms."), and gendered role words ("actress", "spokesman", "her son" stays out: whose son is
 * another question). Conflicting evidence, or none, leaves the gender unknown, and an unknown
 * gender never blocks a pronoun.
 */
import { givenNameGender } from '../given-names.js';
import { appendTo } from '../multimap.js';
import type { EntityResult } from './entities.js';
import type { Token } from './tokens.js';

export type Gender = 'f' | 'm';

const FEMALE_WORDS = new Set(['mrs', 'ms', 'miss', 'madam', 'madame', 'dame', 'lady', 'actress', 'woman', 'wife', 'mother',
  'daughter', 'sister', 'girl', 'queen', 'princess', 'duchess', 'empress', 'spokeswoman', 'chairwoman', 'congresswoman',
  'businesswoman', 'councilwoman', 'policewoman', 'grandmother', 'aunt', 'niece', 'girlfriend', 'widow', 'waitress',
  'hostess', 'heiress', 'countess', 'baroness', 'sportswoman', 'stateswoman', 'nun']);
const MALE_WORDS = new Set(['mr', 'sir', 'lord', 'man', 'husband', 'father', 'son', 'brother', 'boy', 'king', 'prince',
  'duke', 'emperor', 'spokesman', 'congressman', 'businessman', 'councilman', 'policeman', 'grandfather', 'uncle',
  'nephew', 'boyfriend', 'widower', 'count', 'baron', 'sportsman', 'statesman', 'monk']);

/** The gender a word for a person carries ("actress", "spokesman"), or null ("actor", "author"). */
export function genderOfWord(word: string): Gender | null {
  return FEMALE_WORDS.has(word) ? 'f' : MALE_WORDS.has(word) ? 'm' : null;
}

/** A function from a cluster index to the gender its evidence shows (null: unknown or mixed). */
export function clusterGenders(ents: EntityResult, tokens: Token[]): (cluster: number) => Gender | null {
  const cache = new Map<number, Gender | null>();
  const rolesOf = new Map<number, string[]>();
  for (const r of ents.roleRefs) if (r.cluster !== null) appendTo(rolesOf, r.cluster, r.role);
  const honorificBefore = new Map<number, Set<string>>();
  for (const m of ents.mentions) {
    if (m.kind === 'role' || m.type !== 'PERSON') continue;
    // "Mr. Lee" / "Ms Park": the honorific right before the name, with or without its full stop
    let k = m.tokStart - 1;
    if (tokens[k]?.text === '.') k--;
    const key = tokens[k]?.key.replace(/\.$/, '');
    if (key && genderOfWord(key)) {
      const seen = honorificBefore.get(m.cluster);
      if (seen) seen.add(key);
      else honorificBefore.set(m.cluster, new Set([key]));
    }
  }
  return (c) => {
    if (cache.has(c)) return cache.get(c)!;
    const cluster = ents.clusters[c];
    let f = 0;
    let m = 0;
    const vote = (g: Gender | null) => {
      if (g === 'f') f++;
      else if (g === 'm') m++;
    };
    if (cluster?.type === 'PERSON') {
      const first = cluster.canonical.split(/\s+/)[0];
      if (cluster.canonical.includes(' ')) vote(givenNameGender(first));
      const words = [...cluster.roles, ...(rolesOf.get(c) ?? []), ...(honorificBefore.get(c) ?? [])].join(' ').toLowerCase().match(/\p{L}+/gu) ?? [];
      for (const w of words) vote(genderOfWord(w));
    }
    const g: Gender | null = f > 0 && m === 0 ? 'f' : m > 0 && f === 0 ? 'm' : null;
    cache.set(c, g);
    return g;
  };
}
