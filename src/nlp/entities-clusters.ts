/**
 * Merging within one article: mentions become clusters. Full names and lexicon entities first;
 * acronyms join what they abbreviate or what the article defines them as; "the North" a divided
 * country's half; surnames and short forms ("Kim", "Putin") the most salient full name that
 * contains them; definite role references ("the North Korean leader") the one person whose role
 * has the same head and country, when exactly one does.
 */
import type { EntityCluster } from './types.js';
import type { Token } from './tokens.js';
import { foldDiacritics } from './fold.js';
import { LEX } from './lexicons.js';
import { appendTo } from '../multimap.js';
import { parseDateline } from '../extract/clean/dateline.js';
import { ACRONYM_DEFINITIONS, COMPASS_WORDS, CONNECTORS, COUNTERPART_HEADS, DATELINE_LINES, DIVIDED_COUNTRY_HALVES, LEADER_HEADS } from './entities-words.js';
import { headOf, type EntityScan } from './entities-scan.js';
import type { MentionRec, RoleRef } from './entities-roles.js';

/** Clusters of the mentions (role references that resolve add mentions); mentions re-sorted by position and cluster indexes remapped. */
export function clusterMentions(scan: EntityScan, mentions: MentionRec[], roleRefs: (RoleRef & { cluster: number | null })[]): { mentions: MentionRec[]; clusters: EntityCluster[] } {
  const { text, tokens, keys } = scan;
  const clusters: EntityCluster[] = [];
  const clusterKey = new Map<string, number>();
  const norm = (s: string) => foldDiacritics(s.toLowerCase()).replace(/\u2019/g, "'").replace(/\s+/g, ' ').replace(/^the /, '');
  mentions.sort((x, y) => x.start - y.start);
  const addTo = (ci: number, mi: number) => {
    const c = clusters[ci];
    const m = mentions[mi];
    m.cluster = ci;
    c.mentions.push(mi);
    if (!c.aliases.includes(m.text)) c.aliases.push(m.text);
    if (m.role && !c.roles.includes(m.role)) c.roles.push(m.role);
    if (m.country && !c.country) c.country = m.country;
  };
  const newCluster = (mi: number): number => {
    const m = mentions[mi];
    clusters.push({ canonical: m.canonical, type: m.type, aliases: [], roles: [], mentions: [] });
    const ci = clusters.length - 1;
    addTo(ci, mi);
    return ci;
  };
  // full names and lexicon entities first
  mentions.forEach((m, mi) => {
    const multi = m.tokEnd - m.tokStart > 1;
    if (m.type === 'PERSON' && !multi) return;
    const key = m.type + ':' + norm(m.canonical);
    const ci = clusterKey.get(key);
    if (ci !== undefined) addTo(ci, mi);
    else clusterKey.set(key, newCluster(mi));
  });
  // acronyms join the organisation they abbreviate ("INSS" ↔ "Institute for National Security Strategy")
  clusters.forEach((c, ci) => {
    if (c.type !== 'ORG' || !/^[A-Z]{2,6}$/.test(c.canonical)) return;
    const target = clusters.findIndex((d, di) => di !== ci && d.type === 'ORG' && d.mentions.length > 0 && initials(d.canonical) === c.canonical);
    if (target >= 0) {
      for (const mi of c.mentions) addTo(target, mi);
      c.mentions = [];
    }
  });
  // an acronym the article defines joins what it stands for, whatever its letters ("the Disaster and
  // Emergency Management Authority, known as AFAD", "the Kurdistan Workers' Party (PKK)")
  const orgEndingAt = new Map<number, number>();
  mentions.forEach((m, mi) => m.type === 'ORG' && m.tokEnd - m.tokStart > 1 && orgEndingAt.set(m.tokEnd, mi));
  if (orgEndingAt.size) {
    clusters.forEach((c, ci) => {
      if (c.type !== 'ORG' || !c.mentions.length || !/^[A-Z]{2,6}$/.test(c.canonical)) return;
      for (const mi of c.mentions) {
        const defining = definedBy(mentions[mi].tokStart);
        const target = defining === undefined ? -1 : mentions[defining].cluster;
        if (target < 0 || target === ci || !clusters[target].mentions.length) continue;
        for (const a of c.mentions) addTo(target, a);
        c.mentions = [];
        return;
      }
    });
  }
  /** The multi-word organisation mention that the acronym starting at token k is defined after. */
  function definedBy(k: number): number | undefined {
    for (const words of ACRONYM_DEFINITIONS) {
      const at = k - words.length;
      if (at <= 0 || !words.every((w, n) => keys[at + n] === w) || !orgEndingAt.has(at)) continue;
      // "(DOT: 30145)", "(EIB-204)": a label or a code, not a definition
      if (words[0] === '(' && tokens[k + 1]?.text !== ')') continue;
      const org = mentions[orgEndingAt.get(at)!];
      // "Fellow of the Society of Actuaries (FSA)": an acronym that starts with none of the name's
      // initials stands for more than the name found, unless the text says it is the name's ("known as")
      // (the two words before the mention count: "The Obesity Society (TOS)", "the Children's Health
      // Insurance Program (CHIP)", "Cybersecurity and Infrastructure Security Agency (CISA)")
      const initialsOf = new Set(tokens.slice(Math.max(0, org.tokStart - 2), org.tokEnd).map((t) => t.text[0].toUpperCase()));
      if (!words.includes('known') && !initialsOf.has(tokens[k].text[0])) continue;
      return orgEndingAt.get(at);
    }
    return undefined;
  }
  // "the North" joins "North Korea" when the article names exactly one country that starts with it
  // (a divided country's halves; "the West" is not West Virginia, nor "the South" South Carolina)
  clusters.forEach((c, ci) => {
    if (c.type !== 'PLACE' || !COMPASS_WORDS.has(norm(c.canonical))) return;
    const prefix = norm(c.canonical) + ' ';
    const targets = clusters.filter((d, di) => di !== ci && d.type === 'PLACE' && d.mentions.length > 0 && DIVIDED_COUNTRY_HALVES.has(d.canonical) && norm(d.canonical).startsWith(prefix));
    if (targets.length !== 1) return;
    const target = clusters.indexOf(targets[0]);
    for (const mi of c.mentions) {
      mentions[mi].canonical = targets[0].canonical;
      addTo(target, mi);
    }
    c.mentions = [];
  });
  // a multi-word surname written alone ("Harden Bradford" after "Joy Harden Bradford", a
  // transcript's "MARTINEZ-BELTRAN:") joins the one longer person name that ends with it
  const personKeys = clusters.map((c) => (c.type === 'PERSON' ? norm(c.canonical) : ''));
  // the person clusters by each ending of their name after a space ("harden bradford", "bradford"),
  // so that a name finds its longer forms without reading every cluster
  const byNameEnding = new Map<string, number[]>();
  personKeys.forEach((key, ci) => {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      appendTo(byNameEnding, key.slice(at + 1), ci);
    }
  });
  clusters.forEach((c, ci) => {
    const key = personKeys[ci];
    if (!key || !c.mentions.length) return;
    if (!key.includes(' ') && !key.includes('-')) return; // one plain word: the short-form rule below
    const targets = (byNameEnding.get(key) ?? []).filter((di) => di !== ci && clusters[di].mentions.length > 0);
    if (targets.length !== 1) return;
    const target = targets[0];
    for (const mi of c.mentions) {
      mentions[mi].kind = 'short';
      addTo(target, mi);
    }
    c.mentions = [];
  });
  // person short forms: join the most salient full name that starts or ends with the word
  // first and last words of each full name, computed once
  const personClusters = clusters
    .map((c, ci) => ({ c, ci, parts: norm(c.canonical).split(/[\s-]+/) }))
    .filter(({ c }) => c.type === 'PERSON')
    .map(({ c, ci, parts }) => ({ c, ci, first: parts[0], last: parts[parts.length - 1], n: parts.length }));
  // ...indexed by those words, in cluster order, so that a short form reads only its candidates
  const fullNamesByEndWord = new Map<string, typeof personClusters>();
  for (const p of personClusters) {
    if (p.n < 2) continue;
    for (const w of p.first === p.last ? [p.first] : [p.first, p.last]) appendTo(fullNamesByEndWord, w, p);
  }
  mentions.forEach((m, mi) => {
    if (m.type !== 'PERSON' || m.tokEnd - m.tokStart > 1) return;
    const k = keys[m.tokStart];
    let best = -1;
    let bestScore = -1;
    for (const { c, ci } of fullNamesByEndWord.get(k) ?? []) {
      const firstSeen = mentions[c.mentions[0]]?.start ?? Infinity;
      // salience: mentions so far, then earliest
      const score = c.mentions.length * 1e9 - firstSeen;
      if (score > bestScore) {
        bestScore = score;
        best = ci;
      }
    }
    if (best >= 0) {
      m.canonical = clusters[best].canonical;
      m.kind = 'short';
      addTo(best, mi);
    } else {
      const key = 'PERSON:' + k;
      const ci = clusterKey.get(key);
      if (ci !== undefined) addTo(ci, mi);
      else clusterKey.set(key, newCluster(mi));
    }
  });
  // a place first met in capitals (a dateline's "ELAZIG") goes by the form prose writes ("Elazig"),
  // and so does an organisation's name too long for an acronym ("GALILEO"); "HTTP" and "USIP" stay
  // as they are whatever a sentence's "Http" or "USiP" says
  for (const c of clusters) {
    if (c.type === 'PERSON' || !c.mentions.length || c.canonical !== c.canonical.toUpperCase()) continue;
    if (c.type !== 'PLACE' && c.canonical.length <= 6) continue;
    const folded = c.canonical.toLowerCase();
    const prose = c.mentions.map((mi) => mentions[mi]).find((m) => m.kind === 'name' && m.canonical !== m.canonical.toUpperCase() && m.canonical.toLowerCase() === folded);
    if (!prose) continue;
    c.canonical = prose.canonical;
    for (const mi of c.mentions) mentions[mi].canonical = prose.canonical;
  }
  // canonical person name: the longest full name in the cluster
  for (const c of clusters) {
    if (c.type !== 'PERSON') continue;
    let best = c.canonical;
    let bestLen = 0;
    for (const mi of c.mentions) {
      const m = mentions[mi];
      // among names of one length, the written-out form beats an all-caps label ("SERGIO SMITH:")
      const len = (m.tokEnd - m.tokStart) * 2 + (m.canonical === m.canonical.toUpperCase() ? 0 : 1);
      if (m.kind === 'name' && len > bestLen) {
        best = m.canonical;
        bestLen = len;
      }
    }
    c.canonical = best;
    for (const mi of c.mentions) mentions[mi].canonical = best;
  }
  // role references: definite, with a unique compatible person
  // A reference's candidates depend only on its head and country (this loop adds mentions, never
  // roles or clusters), so they are worked out once per pair: an article that says "the leader"
  // a thousand times reads its clusters once, not a thousand times.
  const roleKeys = clusters.map((c) => c.roles.map((r) => r.toLowerCase()));
  const leaderHeads = [...LEADER_HEADS];
  const leaderRole = roleKeys.map((rks) => rks.some((rk) => leaderHeads.some((h) => rk.endsWith(h))));
  const candidatesOf = new Map<string, number[]>();
  let dateline: string | null | undefined;
  const datelineCountry = (): string | null => (dateline === undefined ? (dateline = datelineCountryOf(text, tokens, keys)) : dateline);
  const findCandidates = (head: string, country: string | undefined): number[] => {
    const refLeader = LEADER_HEADS.has(head);
    const candidates: number[] = [];
    // "his North Korean counterpart": the one person of that country the article names, whatever their role
    if (COUNTERPART_HEADS.has(head)) {
      if (country) clusters.forEach((c, ci) => c.type === 'PERSON' && c.mentions.length && c.country === country && candidates.push(ci));
      return candidates;
    }
    clusters.forEach((c, ci) => {
      if (c.type !== 'PERSON' || !c.mentions.length) return;
      if (country && c.country !== country) return;
      if ((refLeader && leaderRole[ci]) || roleKeys[ci].some((rk) => rk.endsWith(head))) candidates.push(ci);
    });
    // "ANKARA, Turkey (AP) — ... President Recep Tayyip Erdogan ... the Turkish leader": a leader
    // whose country the article leaves unsaid is the dateline country's (as wire copy writes
    // "President X" for the local head of state and "U.S. President Y" for a foreign one)
    if (!candidates.length && refLeader && country && country === datelineCountry()) {
      clusters.forEach((c, ci) => c.type === 'PERSON' && c.mentions.length && !c.country && leaderRole[ci] && candidates.push(ci));
    }
    // organisation heads: "the institute" → the last organisation whose head word matches
    if (!candidates.length && LEX.keywords.org.has(head)) {
      for (let ci = clusters.length - 1; ci >= 0; ci--) {
        const c = clusters[ci];
        if (c.type === 'ORG' && c.mentions.length && headOf(norm(c.canonical).split(' ')) === head) {
          candidates.push(ci);
          break;
        }
      }
    }
    return candidates;
  };
  for (const ref of roleRefs) {
    if (!ref.definite) continue;
    const pair = `${ref.head}\u0000${ref.country ?? ''}`;
    let candidates = candidatesOf.get(pair);
    if (!candidates) {
      candidates = findCandidates(ref.head, ref.country);
      candidatesOf.set(pair, candidates);
    }
    if (candidates.length === 1) {
      const ci = candidates[0];
      ref.cluster = ci;
      const c = clusters[ci];
      const m: MentionRec = {
        text: ref.role,
        start: ref.start,
        end: ref.end,
        type: c.type,
        canonical: c.canonical,
        kind: 'role',
        tokStart: ref.tokStart + 1,
        tokEnd: ref.tokEnd,
        sentence: ref.sentence,
        cluster: ci,
      };
      if (c.country) m.country = c.country;
      mentions.push(m);
      c.mentions.push(mentions.length - 1);
      if (!c.aliases.includes(m.text)) c.aliases.push(m.text);
    }
  }
  // Re-sort mentions by position and remap the cluster indexes.
  const order = mentions.map((_, k) => k).sort((x, y) => mentions[x].start - mentions[y].start);
  const newIndex = new Int32Array(mentions.length);
  order.forEach((old, nw) => (newIndex[old] = nw));
  const sorted = order.map((k) => mentions[k]);
  const liveClusters: EntityCluster[] = [];
  const clusterRemap = new Map<number, number>();
  clusters.forEach((c, ci) => {
    if (!c.mentions.length) return;
    clusterRemap.set(ci, liveClusters.length);
    c.mentions = c.mentions.map((k) => newIndex[k]).sort((x, y) => x - y);
    liveClusters.push(c);
  });
  for (const m of sorted) m.cluster = clusterRemap.get(m.cluster) ?? -1;
  for (const r of roleRefs) if (r.cluster !== null) r.cluster = clusterRemap.get(r.cluster) ?? null;
  return { mentions: sorted, clusters: liveClusters };
}

/** The initials of a name's words, connectors, "the" and "and" left out ("Institute for National Security Strategy" → "INSS"). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !CONNECTORS.has(w.toLowerCase()) && w.toLowerCase() !== 'the' && w.toLowerCase() !== 'and')
    .map((w) => w[0].toUpperCase())
    .join('');
}

/**
 * The country of the article's wire dateline ("ANKARA, Turkey (AP) —" → TUR, "SEOUL (Reuters) -"
 * → KOR by its capital), or null: the last place the dateline names that the gazetteer knows.
 */
function datelineCountryOf(text: string, tokens: Token[], keys: string[]): string | null {
  let lineStart = 0;
  for (let n = 0; n < DATELINE_LINES && lineStart < text.length; n++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const d = line.trim() ? parseDateline(line.trimStart()) : null;
    if (d) {
      const from = lineStart + (line.length - line.trimStart().length);
      const to = from + d.place.length;
      let country: string | null = null;
      for (let k = 0; k < tokens.length && tokens[k].start < to; k++) {
        if (tokens[k].start < from) continue;
        const hit = LEX.places.longest(keys, k);
        if (hit && hit[1].country && tokens[k + hit[0] - 1].end <= to) country = hit[1].country;
      }
      return country;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return null;
}
