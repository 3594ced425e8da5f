/**
 * Roles kept apart from names: pieces become mentions with the role before ("North Korean leader
 * Kim Jong Un"), in an appositive before ("The regional governor, Eleni Markou,") or after ("Koo
 * Byongsam, a spokesman for ...") the name; role phrases with no name ("the North Korean leader",
 * "a US State Department spokesperson") become role references.
 */
import type { EntityMention, EntityType } from './types.js';
import { LEX } from './lexicons.js';
import { COUNTERPART_HEADS, COURTESY_TITLES, DETERMINERS, POSSESSIVE_DETERMINERS } from './entities-words.js';
import { isNameToken, type EntityScan } from './entities-scan.js';
import { countryIn } from './entities-lookup.js';

export interface RoleRef {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** Role words without the determiner: "North Korean leader". */
  role: string;
  head: string;
  country?: string;
  definite: boolean;
  sentence: number;
}

/** Internal mention record: the public EntityMention plus token positions. */
export interface MentionRec extends EntityMention {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  cluster: number;
}

/** The mentions of the article's pieces, with the roles of persons. */
export function mentionsWithRoles(scan: EntityScan): MentionRec[] {
  const { tokens, keys, sentOf, spanText, pieces } = scan;
  const mentions: MentionRec[] = [];
  for (const p of pieces) {
    if (p.type === 'DROP' || p.type === 'DEMONYM' || p.type === 'UNKNOWN1') continue;
    const m: MentionRec = {
      text: spanText(p.i, p.j),
      start: tokens[p.i].start,
      end: tokens[p.j - 1].end,
      type: p.type as EntityType,
      canonical: p.canonical ?? spanText(p.i, p.j),
      kind: 'name',
      tokStart: p.i,
      tokEnd: p.j,
      sentence: sentOf[p.i],
      cluster: -1,
    };
    if (p.country) m.country = p.country;
    if (p.type === 'PERSON') {
      let role = p.role ?? roleBefore(scan, p.i) ?? roleAppositiveBefore(scan, p.i) ?? undefined;
      if (!role) role = appositiveAfter(scan, p.j) ?? undefined;
      // "Mr.", "Mrs.", "Ms." make a name a person's but say nothing about what the person does
      if (role && keys.slice(role.i, role.j).every((k) => COURTESY_TITLES.has(k.replace(/\.$/, '')))) role = undefined;
      if (role) {
        m.role = spanText(role.i, role.j);
        m.roleSpan = { start: tokens[role.i].start, end: tokens[role.j - 1].end };
        const c = role.country ?? countryIn(scan, role.i, role.j);
        if (c) m.country = c;
      }
    }
    mentions.push(m);
  }
  return mentions;
}

/** "North Korean leader Kim Jong Un": a lowercase title head right before the name, with its modifiers. */
function roleBefore(scan: EntityScan, nameStart: number): { i: number; j: number; country?: string } | null {
  const { tokens, sentOf } = scan;
  const k = nameStart - 1;
  if (k < 0 || sentOf[k] !== sentOf[nameStart]) return null;
  const headTok = tokens[k];
  if (headTok.kind !== 'word' || !LEX.titles.has(headTok.key)) return null;
  let s = k;
  // allow two-word lowercase titles ("prime minister") and modifiers / capitalised names before
  while (s - 1 >= 0 && sentOf[s - 1] === sentOf[nameStart]) {
    const u = tokens[s - 1];
    if (u.kind !== 'word' || u.key === "'s") break;
    if (DETERMINERS.has(u.key) || LEX.stopwords.has(u.key)) break;
    if (u.cap || LEX.roleModifiers.has(u.key) || LEX.titles.has(u.key)) {
      s--;
      continue;
    }
    break;
  }
  return { i: s, j: k + 1, country: countryIn(scan, s, k + 1) };
}

/** "The regional governor, Eleni Markou, said": a role phrase, a comma, the name, a comma. */
function roleAppositiveBefore(scan: EntityScan, nameStart: number): { i: number; j: number; country?: string } | null {
  const { tokens, sentOf } = scan;
  if (tokens[nameStart - 1]?.text !== ',') return null;
  const headAt = nameStart - 2;
  const head = tokens[headAt];
  if (!head || head.kind !== 'word' || !LEX.titles.has(head.key)) return null;
  let s = headAt;
  while (s - 1 >= 0 && sentOf[s - 1] === sentOf[nameStart]) {
    const u = tokens[s - 1];
    if (u.kind !== 'word' || DETERMINERS.has(u.key) || u.key === "'s") break;
    if (u.cap || LEX.roleModifiers.has(u.key) || LEX.titles.has(u.key)) {
      s--;
      continue;
    }
    break;
  }
  const det = tokens[s - 1];
  if (!det || !DETERMINERS.has(det.key)) return null;
  return { i: s, j: headAt + 1, country: countryIn(scan, s, headAt + 1) };
}

/** "Koo Byongsam, a spokesman for South Korea's Unification Ministry, said": the appositive role. */
function appositiveAfter(scan: EntityScan, nameEnd: number): { i: number; j: number; country?: string } | null {
  const { tokens, keys, sentOf } = scan;
  if (tokens[nameEnd]?.text !== ',') return null;
  let k = nameEnd + 1;
  // "Liu He, China's top trade negotiator": a country's possessive stands for the determiner
  const country = tokens[k] ? LEX.places.longest(keys, k) : null;
  const countryPossessive = !!country && country[1].kind === 'country' && keys[k + country[0]] === "'s";
  if (!tokens[k] || !(DETERMINERS.has(tokens[k].key) || countryPossessive)) return null;
  const s = countryPossessive ? k : k + 1;
  k = countryPossessive ? k + country[0] + 1 : k + 1;
  let headAt = -1;
  for (let n = 0; n < 6 && k < tokens.length; n++, k++) {
    const u = tokens[k];
    if (u.kind !== 'word') break;
    if (LEX.titles.has(u.key)) headAt = k;
    else if (!(u.cap || LEX.roleModifiers.has(u.key))) break;
  }
  if (headAt < 0) return null;
  // extend over "for/of/at <Name>" up to the closing comma
  let e = headAt + 1;
  if (tokens[e] && (tokens[e].key === 'for' || tokens[e].key === 'of' || tokens[e].key === 'at' || tokens[e].key === 'with')) {
    let q = e + 1;
    while (q < tokens.length && q - e < 14 && tokens[q].text !== ',' && tokens[q].text !== '.' && sentOf[q] === sentOf[nameEnd]) q++;
    if (tokens[q]?.text === ',' || tokens[q]?.text === '.') e = q;
  }
  return { i: s, j: e, country: countryIn(scan, s, e) };
}

/** Role phrases with no name, outside the mentions and their roles. */
export function findRoleRefs(scan: EntityScan, mentions: MentionRec[]): (RoleRef & { cluster: number | null })[] {
  const { text, tokens, keys, sentOf } = scan;
  const roleRefs: (RoleRef & { cluster: number | null })[] = [];
  const mentionStartTok = new Set(mentions.map((m) => m.tokStart));
  const inMention = new Uint8Array(tokens.length);
  for (const m of mentions) {
    for (let k = m.tokStart; k < m.tokEnd; k++) inMention[k] = 1;
    if (m.role && m.roleSpan) {
      // mark role tokens so that they do not become role-only references
      for (let k = m.tokStart - 1; k >= 0 && tokens[k].end > m.roleSpan.start; k--) inMention[k] = 2;
      for (let k = m.tokEnd; k < tokens.length && tokens[k].start < m.roleSpan.end; k++) if (tokens[k].start >= m.roleSpan.start) inMention[k] = 2;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const possessive = POSSESSIVE_DETERMINERS.has(keys[k]);
    if (!DETERMINERS.has(keys[k]) && !possessive) continue;
    let q = k + 1;
    let headAt = -1;
    let headLen = 0;
    while (q < tokens.length && q - k <= 7 && sentOf[q] === sentOf[k]) {
      const u = tokens[q];
      if (u.kind !== 'word' || u.key === "'s" || inMention[q] === 2) break;
      const tm = LEX.titles.longest(keys, q);
      if (tm && !(tm[0] === 1 && isNameToken(u) && mentionStartTok.has(q) && inMention[q] === 1)) {
        headAt = q;
        headLen = tm[0];
        q += tm[0];
        // a name right after the title makes it a titled name, handled above
        continue;
      }
      if (u.cap || LEX.roleModifiers.has(u.key) || u.text === '-') {
        if (headAt >= 0) break;
        q++;
        continue;
      }
      break;
    }
    if (headAt < 0) continue;
    const end = headAt + headLen;
    if (isNameToken(tokens[end]) && inMention[end] === 1) continue; // "the President Vladimir Putin" style
    if (inMention[headAt] === 2) continue;
    const head = keys.slice(headAt, end).join(' ');
    // "his North Korean counterpart": after a possessive only a counterpart is a reference to someone
    if (possessive && !COUNTERPART_HEADS.has(head)) continue;
    const ref: RoleRef & { cluster: number | null } = {
      start: tokens[k + 1].start,
      end: tokens[end - 1].end,
      tokStart: k,
      tokEnd: end,
      role: text.slice(tokens[k + 1].start, tokens[end - 1].end),
      head,
      country: countryIn(scan, k + 1, end),
      definite: keys[k] === 'the' || possessive,
      sentence: sentOf[k],
      cluster: null,
    };
    roleRefs.push(ref);
    k = end - 1;
  }
  return roleRefs;
}
