/**
 * Named entities (PERSON, ORG, PLACE) with titles and roles kept apart, and their merging within
 * one article.
 *
 * 1. Candidate runs: capitalised tokens joined by name connectors ("of", "for", "bin", hyphens).
 * 2. Each run is cut into a role part (a title from data/lexicons/titles.txt, with the demonyms,
 *    countries and organisations before it: "Russian President") and name parts, which are typed
 *    by lexicon (countries, capitals, gazetteer places, international bodies) or by head word
 *    ("... Ministry" → ORG, "... Peninsula" → PLACE), or as a PERSON.
 * 3. Lowercase role phrases before a name ("North Korean leader Kim Jong Un") and appositives
 *    after it ("Koo Byongsam, a spokesman for ...") are attached as roles.
 * 4. Single capitalised words need evidence (a full name containing them, a given-name list,
 *    a title before them or a verb of speech after them): sentence openers are not names.
 * 5. Within the article, short forms ("Kim", "Putin") join the most salient full name that contains
 *    them; definite role references ("the North Korean leader") join the one person whose role has
 *    the same head class and country, when exactly one does.
 *
 * The steps live in modules of their own, and the word tables they read in entities-words.ts:
 * - entities-scan.ts: the article as the finder reads it (tokens, keys, sentences), the pieces it
 *   finds, and how names are written; entities-lookup.ts: lexicon lookups for a span;
 * - entities-runs.ts: step 1's candidate runs; entities-cut.ts: step 2, a run cut into a role and
 *   names; entities-classify.ts: step 2's typing of a name no lexicon knows, helped by the
 *   context clues of entities-context.ts and the filters of entities-filters.ts (capitals that
 *   name nothing: emphasis, headings, labels, model names, codes);
 * - entities-typing.ts: step 4, typing with the whole article in view;
 * - entities-roles.ts: step 3, roles and role-only references;
 * - entities-clusters.ts: step 5, the merging within the article.
 * This module keeps the public API: findEntities, its types, and "the company" resolved
 * (ORG_ROLE_NOUNS, resolveOrgRoleNoun) for the quote and event layers.
 */
import type { EntityCluster } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import type { CountryInfo } from './lexicons.js';
import { scanArticle } from './entities-scan.js';
import { findRuns } from './entities-runs.js';
import { cutRun } from './entities-cut.js';
import { dropAcronymsOfNonNames } from './entities-filters.js';
import { decideSingleWords, readPiecesTogether } from './entities-typing.js';
import { findRoleRefs, mentionsWithRoles, type MentionRec, type RoleRef } from './entities-roles.js';
import { clusterMentions } from './entities-clusters.js';
import { appendTo } from '../multimap.js';

export type { MentionRec, RoleRef };
export type { CountryInfo };

export interface EntityResult {
  mentions: MentionRec[];
  clusters: EntityCluster[];
  /** Role phrases with no name ("a US State Department spokesperson"), resolved or not. */
  roleRefs: (RoleRef & { cluster: number | null })[];
  /** Demonyms and countries by token index (for event actors): token index → ISO3. */
  countryAt: Map<number, { code: string; end: number; text: string }>;
}

export function findEntities(text: string, tokens: Token[], sentences: Sentence[]): EntityResult {
  const scan = scanArticle(text, tokens, sentences);
  // ---- 1. runs ----
  for (const [i, j] of findRuns(scan)) cutRun(scan, i, j);
  dropAcronymsOfNonNames(scan);
  // ---- 2. decide single words and collect person name tokens ----
  decideSingleWords(scan);
  readPiecesTogether(scan);
  // ---- 3. roles before and after person names ----
  const mentions = mentionsWithRoles(scan);
  // ---- 4. role-only references: "the North Korean leader", "a US State Department spokesperson" ----
  const roleRefs = findRoleRefs(scan, mentions);
  // ---- 5. clusters ----
  const clustered = clusterMentions(scan, mentions, roleRefs);
  return { mentions: clustered.mentions, clusters: clustered.clusters, roleRefs, countryAt: scan.countryAt };
}

/** The article's mentions that `keep` accepts, by sentence index, in text order. */
export function mentionsBySentence(ents: EntityResult, keep: (m: MentionRec) => boolean): Map<number, MentionRec[]> {
  const bySentence = new Map<number, MentionRec[]>();
  for (const m of ents.mentions) if (keep(m)) appendTo(bySentence, m.sentence, m);
  return bySentence;
}

/** Role nouns that stand for an organisation named earlier ("the company", "the regulator"). */
export const ORG_ROLE_NOUNS = new Map<string, 'company' | 'public'>([
  ['company', 'company'], ['firm', 'company'], ['group', 'company'], ['startup', 'company'], ['carrier', 'company'], ['airline', 'company'], ['bank', 'company'],
  ['regulator', 'public'], ['authority', 'public'], ['watchdog', 'public'], ['agency', 'public'], ['commission', 'public'], ['ministry', 'public'],
]);
const PUBLIC_BODY_WORDS = new Set(['authority', 'commission', 'agency', 'ministry', 'department', 'office', 'regulator', 'council', 'court', 'government', 'board', 'inspectorate', 'service', 'bureau', 'parliament', 'assembly']);

/** How close (in characters, about two sentences) an organisation must be named for "the agency" to mean it rather than the article's main one. */
const RECENT_BODY_CHARS = 250;

/**
 * "the company" → the most mentioned organisation before `before` that is not a public body;
 * "the regulator" / "the authority" → the most mentioned public body (authority, commission...).
 * Wire credits ("MW", "AP") are ignored.
 */
export function resolveOrgRoleNoun(ents: EntityResult, kind: 'company' | 'public', before: number): string | null {
  const counts = new Map<number, number>();
  let latest: MentionRec | null = null;
  for (const m of ents.mentions) {
    if (m.type !== 'ORG' || m.start >= before) continue;
    const words = m.canonical.toLowerCase().split(/\s+/);
    const isPublic = words.some((w) => PUBLIC_BODY_WORDS.has(w));
    if ((kind === 'public') !== isPublic) continue;
    if (m.text.length <= 3 && m.text === m.text.toUpperCase()) continue;
    counts.set(m.cluster, (counts.get(m.cluster) ?? 0) + 1);
    if (!latest || m.start > latest.start) latest = m;
  }
  // one named just before ("asked the Department of Transportation for comment. In a response, the
  // agency said") is the one meant; further back, the one the article is most about
  if (latest && before - latest.end <= RECENT_BODY_CHARS) return ents.clusters[latest.cluster].canonical;
  let best = -1;
  let bestN = 0;
  for (const [c, k] of counts) if (k > bestN) [best, bestN] = [c, k];
  return best >= 0 ? ents.clusters[best].canonical : null;
}
