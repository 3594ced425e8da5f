/**
 * Derives the NLP lexicons that come from the PETRARCH2 dictionaries (MIT) and the PLOVER
 * CAMEO→PLOVER table (CC BY-SA 4.0) in ../shared, and writes them to data/lexicons/ with their
 * notices. Run: node --import tsx scripts/build-nlp-lexicons.ts
 *
 * Outputs
 * - given-names.txt   first tokens of person entries in Phoenix.Countries.actors.txt: a name list
 *                     that lets the entity tagger call an unknown capitalised pair a PERSON.
 * - places.txt        city/province names listed under each country block → ISO3 code.
 * - event-verbs.json  verb forms → CAMEO verb block (default code + object patterns), and the
 *                     CAMEO code → PLOVER category table, for the event coder.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regularVerbForms } from '../src/nlp/verb-forms.js';
import { lexiconLines } from '../src/lexicon-files.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const petrarch = path.join(shared, 'lexicons', 'petrarch2');
const out = path.join(repoRoot, 'data', 'lexicons');

if (!existsSync(petrarch)) {
  console.error(`needs ${petrarch} (absent)`);
  process.exit(1);
}

const MIT_NOTICE = readFileSync(path.join(petrarch, 'LICENSE'), 'utf8').trim();

/** "KIM_JONG_UN_" → ["Kim", "Jong", "Un"] */
function words(entry: string): string[] {
  return entry
    .replace(/#.*$/, '')
    .trim()
    .replace(/_+$/, '')
    .split(/[_\s]+/)
    .filter(Boolean);
}
function titleCase(w: string): string {
  return w
    .toLowerCase()
    .split('-')
    .map((p) => (p ? p[0].toUpperCase() + p.slice(1) : p))
    .join('-');
}

const TITLE_TOKENS = new Set(
  'PRESIDENT PRIME MINISTER FOREIGN DEFENSE GENERAL GEN. GEN COLONEL KING QUEEN PRINCE SHEIKH DR. DR MR. MR MRS. MS. SECRETARY SENATOR SEN. CHIEF AMBASSADOR GOVERNOR MAYOR ADMIRAL MAJOR CAPTAIN JUDGE JUSTICE FORMER DEPUTY VICE SPEAKER CHAIRMAN LEADER COMMANDER LT. LT COL. EMIR SULTAN POPE FATHER SHAYKH AYATOLLAH PRESIDENT-ELECT MARSHAL BRIGADIER'.split(
    ' ',
  ),
);

// ---------- given names and places from the country actor file ----------
function buildNamesAndPlaces(): { given: Map<string, number>; surnames: Map<string, number>; places: Map<string, string> } {
  const text = readFileSync(path.join(petrarch, 'Phoenix.Countries.actors.txt'), 'utf8');
  const given = new Map<string, number>();
  const surnames = new Map<string, number>();
  const places = new Map<string, string>();
  let country: string | null = null;
  let inCountryBlock = false;
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    if (raw.startsWith('\t') || raw.startsWith(' ') || raw.startsWith('[')) continue;
    const m = /^([A-Z][^\s[]*)\s+\[([A-Z]{3})\]/.exec(raw);
    if (m) {
      country = m[2];
      inCountryBlock = true;
      continue;
    }
    if (raw.startsWith('+')) {
      if (inCountryBlock && country) {
        const w = words(raw.slice(1));
        if (w.length >= 1 && w.length <= 3 && w.every((x) => /^[A-Z][A-Z'.-]*$/.test(x))) {
          const name = w.map(titleCase).join(' ');
          if (name.length >= 4 && !places.has(name)) places.set(name, country);
        }
      }
      continue;
    }
    // A person or organisation entry line (not a synonym): ends the country's place list.
    inCountryBlock = false;
    if (!/#\s*CountryInfo/.test(raw)) continue; // CountryInfo entries are people (leaders, ministers)
    const w = words(raw);
    if (w.length < 2 || w.length > 4) continue;
    const first = w[0];
    if (TITLE_TOKENS.has(first) || !/^[A-Z][A-Z'-]+$/.test(first) || first.length < 2) continue;
    const name = titleCase(first);
    given.set(name, (given.get(name) ?? 0) + 1);
    const last = w[w.length - 1];
    if (/^[A-Z][A-Z'-]+$/.test(last) && last.length >= 3) {
      const sn = titleCase(last);
      surnames.set(sn, (surnames.get(sn) ?? 0) + 1);
    }
  }
  return { given, surnames, places };
}

// ---------- CAMEO verb dictionary ----------
interface VerbPattern {
  /** Word alternatives in order after the verb; each element is a list of uppercase words. */
  after: string[][];
  code: string;
}
interface VerbBlock {
  code: string;
  patterns: VerbPattern[];
  /** The code is the dominant CAMEO family of the verb's patterns, not a dictionary default. */
  derived?: boolean;
}
/**
 * Verbs that get no family default: light and aspectual verbs whose meaning is in the object
 * ("make a visit", "start talks", "bring charges"), and verbs of motion, change or reply whose
 * synset's patterns happen to be about one kind of event ("rise" sits with "lift sanctions",
 * "respond" with "react angrily") while the bare verb is no event.
 */
const LIGHT_VERBS = new Set([
  'MAKE', 'BRING', 'START', 'BEGIN', 'CONTINUE', 'RESTART', 'RESUME', 'TAKE', 'GIVE', 'HAVE', 'GET', 'PUT', 'SET', 'KEEP', 'HOLD', 'MOVE', 'GO', 'COME', 'CARRY', 'FINISH', 'END', 'STOP', 'APPEAR', 'SOUND', 'ARRANGE', 'OBTAIN', 'SEARCH', 'SELECT', 'EXTEND', 'MAINTAIN', 'STAND', 'STEP', 'REACH', 'RETURN', 'SEND', 'RAISE', 'FILE', 'LODGE', 'MARK', 'SHOW', 'EXHIBIT', 'UTILIZE', 'USE', 'PLAY', 'LAUNCH', 'OPEN', 'CLOSE', 'CONSTRUCT', 'BUILD', 'CREATE', 'ESTABLISH', 'FORM',
  'PLACE', 'INTERVIEW', 'WONDER', 'AVOID', 'FLY', 'PILOT', 'COMPLETE', 'CAST', 'COME_UP', 'MOVE_UP', 'ARISE', 'ELEVATE', 'HOIST', 'RISE', 'SURFACE', 'ANSWER', 'REPLY', 'RESPOND', 'REACT', 'RECOVER', 'DENY', 'REVIEW', 'PUBLISH', 'CUT', 'EXERCISE', 'WALK', 'VOW', 'INAUGURATE', 'BREAK_DOWN', 'FALTER', 'TAP', 'POINT', 'ERUPT', 'VIOLATE', 'COMMIT', 'DRAFT', 'ADVANCE',
]);

/** Regular inflections of an uppercase dictionary verb (doubled CVC forms next to the plain ones). */
function regularForms(v: string): string[] {
  return regularVerbForms(v.toLowerCase(), 'also').map((f) => f.toUpperCase());
}

function buildVerbs(): { forms: Record<string, string>; blocks: Record<string, VerbBlock> } {
  const text = readFileSync(path.join(petrarch, 'CAMEO.2.0.txt'), 'utf8');
  const lines = text.split('\n');
  const synsets = new Map<string, string[]>();
  let i = 0;
  // Synonym sets come first (&NAME then +WORD lines); they are also interleaved later.
  let curSet: string | null = null;
  for (const line of lines) {
    const t = line.replace(/#.*$/, '').trim();
    if (t.startsWith('&')) {
      curSet = t.split(/\s+/)[0];
      synsets.set(curSet, []);
    } else if (curSet && t.startsWith('+')) {
      synsets.get(curSet)!.push(t.slice(1).replace(/_+$/, '').replace(/_/g, ' '));
    } else if (!t) {
      curSet = null;
    } else if (!t.startsWith('+')) curSet = null;
  }
  const forms: Record<string, string> = {};
  const blocks: Record<string, VerbBlock> = {};
  /** "BLOCK|MEMBER" → CAMEO family (2 digits) → number of patterns written for that member. */
  const familyCounts = new Map<string, Map<string, number>>();
  const members: { block: string; member: string; forms: string[] }[] = [];
  /** Single-word verb → all its forms (dictionary braces plus regular inflections). */
  const singleForms = new Map<string, Set<string>>();
  const phrasal: { base: string; target: string; member: boolean }[] = [];
  let block: string | null = null;
  const start = lines.findIndex((l) => l.includes('####### VERB PATTERNS'));
  for (i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const t = line.replace(/#.*$/, '').trim();
    if (!t) continue;
    const head = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(t);
    if (head) {
      block = head[1];
      blocks[block] = { code: head[2].split(':')[0], patterns: [] };
      continue;
    }
    if (!block || t.startsWith('&')) {
      if (t.startsWith('&')) block = null; // a synonym set interleaved in the verb section
      continue;
    }
    if (t.startsWith('+') && !t.includes('{') && !/^\+[A-Z_]+\s*(\[|$)/.test(t)) continue;
    if (t.startsWith('-')) {
      const pm = /^-\s*(.*?)\s*\[([^\]]+)\]/.exec(t);
      if (!pm) continue;
      const body = pm[1];
      const code = pm[2].split(':')[0].trim();
      // the comment names the synset member the pattern was written for ("# ACCEPT")
      const member = /#\s*([A-Z][A-Z_'-]*)/.exec(line)?.[1]?.replace(/_+$/, '');
      if (member && /^[0-9]{2}/.test(code)) {
        const key = `${block}|${member}`;
        const fam = familyCounts.get(key) ?? new Map<string, number>();
        fam.set(code.slice(0, 2), (fam.get(code.slice(0, 2)) ?? 0) + 1);
        familyCounts.set(key, fam);
      }
      const star = body.indexOf('*');
      if (star < 0) continue;
      const before = body.slice(0, star).trim();
      if (before) continue; // subject-side patterns need a parse; skip them
      const afterToks = body
        .slice(star + 1)
        .replace(/[{}()$+%^]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      const after: string[][] = [];
      for (const tok of afterToks) {
        if (tok.startsWith('&')) {
          const set = synsets.get(tok);
          if (set && set.length) after.push(set.map((s) => s.split(' ')[0].toUpperCase()));
        } else if (/^[A-Z][A-Z'-]*$/.test(tok)) after.push([tok]);
      }
      if (after.length) blocks[block].patterns.push({ after, code });
      continue;
    }
    // Verb line: WORD {FORMS} [code] or +MULTI_WORD {...}
    const vm = /^\+?([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?/.exec(t);
    if (!vm) continue;
    const base = vm[1].replace(/_+$/, '');
    const verbForms = vm[3] ? vm[3].split(/\s+/).filter(Boolean).map((f) => f.replace(/^\+/, '').replace(/_+$/, '')) : [];
    const all = new Set<string>([base, ...verbForms]);
    if (!base.includes('_')) for (const f of regularForms(base)) all.add(f);
    const own = /\[([0-9]+)/.exec(t.slice(vm[0].length));
    const target = own ? `${block}#${own[1]}` : block;
    if (own && !blocks[target]) blocks[target] = { code: own[1], patterns: blocks[block].patterns };
    if (!own) members.push({ block, member: base, forms: [...all].map((f) => f.replace(/_/g, ' ').toLowerCase()) });
    if (!base.includes('_')) singleForms.set(base, new Set([...(singleForms.get(base) ?? []), ...all]));
    else phrasal.push({ base, target, member: !own });
    for (const f of all) {
      const key = f.replace(/_/g, ' ').toLowerCase();
      if (!forms[key]) forms[key] = target;
    }
  }
  // Phrasal verbs ("+CALL_OFF [160]") are often listed without their inflections, so "called off"
  // was never found. Inflect the first word the way its single-word entry is inflected (explicit
  // irregular forms included: TAKE → TOOK, TAKEN) or, failing that, regularly.
  let phrasalForms = 0;
  for (const { base, target, member } of phrasal) {
    const [first, ...rest] = base.split('_');
    const firstForms = singleForms.get(first) ?? new Set(regularForms(first));
    for (const f of firstForms) {
      const key = [f, ...rest].join(' ').toLowerCase();
      if (forms[key]) continue;
      forms[key] = target;
      phrasalForms++;
      if (member) members.find((m) => m.block === forms[key] && m.member === base)?.forms.push(key);
    }
  }
  console.log(`phrasal verb inflections added: ${phrasalForms}`);
  // "ink" (journalese for signing an agreement) is missing from CAMEO.2.0; it shares SIGN's patterns
  for (const f of regularVerbForms('ink', 'short')) forms[f] ??= 'SIGN';
  // "urge", the commonest verb of appeal in news ("urged residents to stay indoors"), is missing
  // too; it belongs with APPEAL (CAMEO 020, "appeal or request")
  for (const f of regularVerbForms('urge', 'short')) forms[f] ??= 'APPEAL';
  // "hand over" (give up or transfer: "handed over medicine", "handed over the suspects") is
  // missing as well; it shares GRANT's patterns (give, provide, issue)
  for (const f of regularVerbForms('hand', 'short')) forms[f + ' over'] ??= 'GRANT';
  // Verbs whose block has no default code ([---]) code only through object patterns in
  // PETRARCH, which needs a full parse. Without one, a verb whose own patterns (the dictionary
  // comments name the member each pattern was written for) — or, failing that, its synset's
  // patterns — fall mostly in one CAMEO family takes that family's root code ("ACCEPT": most of
  // its patterns are 03x "express intent to cooperate" → 030). Patterns still win when they match.
  const dominant = (fam: Map<string, number> | undefined, share: number): string | null => {
    if (!fam) return null;
    const total = [...fam.values()].reduce((a, b) => a + b, 0);
    const sorted = [...fam.entries()].sort((a, b) => b[1] - a[1]);
    if (total < 3 || sorted[0][1] / total < share || (sorted[1] && sorted[1][1] === sorted[0][1])) return null;
    return sorted[0][0];
  };
  const blockFamilies = new Map<string, Map<string, number>>();
  for (const [key, fam] of familyCounts) {
    const b = key.split('|')[0];
    const agg = blockFamilies.get(b) ?? new Map<string, number>();
    for (const [f, n] of fam) agg.set(f, (agg.get(f) ?? 0) + n);
    blockFamilies.set(b, agg);
  }
  let derived = 0;
  for (const m of members) {
    const b = blocks[m.block];
    if (!b || (b.code && b.code !== '---')) continue;
    if (LIGHT_VERBS.has(m.member)) continue;
    const own = familyCounts.get(`${m.block}|${m.member}`);
    const ownTotal = own ? [...own.values()].reduce((x, y) => x + y, 0) : 0;
    const fam = ownTotal >= 3 ? dominant(own, 0.5) : dominant(blockFamilies.get(m.block), 0.7);
    if (!fam || fam === '00') continue;
    const target = `${m.block}@${fam}`;
    blocks[target] ??= { code: `${fam}0`, patterns: b.patterns, derived: true };
    for (const f of m.forms) if (forms[f] === m.block) forms[f] = target;
    derived++;
    if (process.env.VERBOSE) console.log(`  ${m.member} (${m.block}${ownTotal >= 3 ? '' : ', synset'}) → ${fam}0`);
  }
  console.log(`verbs without a default code given their family's root code: ${derived}`);
  return { forms, blocks };
}

function buildCameo2Plover(): Record<string, string> {
  const text = readFileSync(path.join(shared, 'bench', 'plover', 'CAMEO2PLOVER-2021.txt'), 'utf8');
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([0-9]{2,4}):\s*([A-Z]+)/.exec(line);
    if (m) map[m[1]] = m[2];
  }
  return map;
}

// ---------- generic agents ("officials" → GOV, "rebels" → REB) ----------
function buildAgents(): Map<string, string> {
  const text = readFileSync(path.join(petrarch, 'Phoenix.agents.txt'), 'utf8');
  const subs = new Map<string, string[]>();
  const agents = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const sub = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (sub) {
      subs.set(sub[1], sub[2].split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const m = /^([A-Z][A-Z_!'-]*)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3})/.exec(line);
    if (!m) continue;
    let variants = [m[1]];
    for (const [k, vals] of subs) {
      if (variants.some((v) => v.includes(k))) variants = variants.flatMap((v) => (v.includes(k) ? vals.map((x) => v.replace(k, '_' + x)) : [v]));
    }
    for (const v of variants) {
      const w = v.replace(/_+/g, ' ').trim().toLowerCase();
      if (!w || w.split(' ').length > 2) continue;
      if (!agents.has(w)) agents.set(w, m[3]);
      const plural = w.endsWith('man') ? w.slice(0, -3) + 'men' : /(s|sh|ch|x)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
      if (!agents.has(plural)) agents.set(plural, m[3]);
    }
  }
  return agents;
}

// ---------- organisations and armed groups (International + MilNonState actor files) ----------
function buildOrgs(given: Map<string, number>): Map<string, string> {
  const orgs = new Map<string, string>();
  const add = (entry: string, code: string) => {
    const w = words(entry.replace(/\(.*?\)/g, ''));
    if (!w.length || w.length > 6 || !w.every((x) => /^[A-Z][A-Z'&.-]*$/.test(x))) return;
    if (w.length >= 2 && given.has(titleCase(w[0]))) return; // "KOFI ANNAN", "KHALED MESHAAL"
    const name = w.map((x) => (x.length <= 4 && !/[AEIOU]/.test(x.slice(1)) ? x : titleCase(x))).join(' ');
    if (name.length >= 3 && !orgs.has(name)) orgs.set(name, code);
  };
  for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    // An entry is a name line (code on it or on the indented lines below) plus "+" synonyms.
    let names: string[] = [];
    let code: string | null = null;
    let dated = false;
    const flush = () => {
      if (code && !dated) for (const n of names) add(n, code);
      names = [];
      code = null;
      dated = false;
    };
    for (const raw of readFileSync(path.join(petrarch, file), 'utf8').split('\n')) {
      if (!raw.trim() || raw.startsWith('#')) continue;
      const codes = [...raw.matchAll(/\[([A-Z]{3})[A-Z]*(\s+[^\]]*)?\]/g)];
      if (/^[A-Z]/.test(raw)) {
        flush();
        names.push(raw.split(/[\s[#]/)[0]);
      } else if (raw.startsWith('+')) {
        names.push(raw.slice(1).split(/[\s[#]/)[0]);
      }
      for (const c of codes) {
        // a dated code is a person's tenure (leaders of bodies): keep organisations only
        if (c[2] && /\d/.test(c[2])) dated = true;
        code ??= c[1];
      }
    }
    flush();
  }
  return orgs;
}

const { given, surnames, places } = buildNamesAndPlaces();
const gazOrgs = buildOrgs(given);

const agents = buildAgents();

/**
 * Lower-cased names from fields of our hand-written lexicons ("name|code|alias,alias"; a field may
 * list several, comma-separated), plus `more`.
 */
function namesListedIn(files: string[], fields: number[], more: Iterable<string>): Set<string> {
  const known = new Set([...more].map((n) => n.toLowerCase()));
  for (const file of files) {
    for (const line of lexiconLines(file)) {
      const parts = line.split('|');
      for (const f of fields) for (const n of (parts[f] ?? '').split(',')) if (n.trim()) known.add(n.trim().toLowerCase());
    }
  }
  return known;
}

/** Entries other than "The X" where X is a known name. */
function withoutRedundantThe(entries: Map<string, string>, known: Set<string>): Array<[string, string]> {
  return [...entries.entries()].filter(([n]) => !(n.startsWith('The ') && known.has(n.slice(4).toLowerCase())));
}

/** "name|code" lines in name order. */
function sortedLines(entries: Array<[string, string]>): string[] {
  return entries.sort((a, b) => a[0].localeCompare(b[0])).map(([n, c]) => `${n}|${c}`);
}

const header = (what: string) =>
  [
    `# ${what}`,
    '# Derived by scripts/build-nlp-lexicons.ts from the PETRARCH2 / Phoenix dictionaries',
    '# (openeventdata/petrarch2, ../shared/lexicons/petrarch2). Their licence:',
    ...MIT_NOTICE.split('\n').map((l) => `# ${l}`),
  ].join('\n');

writeFileSync(
  path.join(out, 'agents.txt'),
  header('Generic agents (lowercase noun|sector code)') + '\n' + [...agents.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([w, c]) => `${w}|${c}`).join('\n') + '\n',
);
// "The European Union", "The Eu": the dictionary repeats names we list without the article
const knownOrgs = namesListedIn(['organizations.txt', 'companies.txt'], [0, 2], gazOrgs.keys());
writeFileSync(
  path.join(out, 'organizations-gazetteer.txt'),
  header('Organisations and armed groups (name|code)') + '\n' + sortedLines(withoutRedundantThe(gazOrgs, knownOrgs)).join('\n') + '\n',
);
const givenList = [...given.entries()].filter(([n]) => n.length >= 2).map(([n]) => n).sort();
writeFileSync(path.join(out, 'given-names.txt'), header('Given names (first tokens of person entries)') + '\n' + givenList.join('\n') + '\n');
const surnameList = [...surnames.keys()].sort();
writeFileSync(path.join(out, 'surnames.txt'), header('Surnames (last tokens of person entries)') + '\n' + surnameList.join('\n') + '\n');
// "The Us", "The Uk", "The United States": the dictionary's THE_US phrases repeat a name we know
// without the article, and as mentions they would keep "The" in the name; "The Hague" stays
const knownPlaces = namesListedIn(['countries.txt'], [0, 1, 2, 3, 4], places.keys());
const placeList = sortedLines(withoutRedundantThe(places, knownPlaces));
writeFileSync(path.join(out, 'places.txt'), header('Places listed under each country (name|ISO3)') + '\n' + placeList.join('\n') + '\n');

const verbs = buildVerbs();
const cameo2plover = buildCameo2Plover();
const json = {
  notice: [
    'Derived by scripts/build-nlp-lexicons.ts from petrarch2 CAMEO.2.0.txt (MIT, Copyright (c) 2015 Open Event Data Alliance)',
    'and PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance; this file is shared alike under CC BY-SA 4.0).',
    MIT_NOTICE,
  ],
  forms: verbs.forms,
  blocks: verbs.blocks,
  cameo2plover,
};
writeFileSync(path.join(out, 'event-verbs.json'), JSON.stringify(json));
console.log(
  `orgs: ${gazOrgs.size}, agents: ${agents.size}, surnames: ${surnameList.length}, given names: ${givenList.length}, places: ${placeList.length}, verb forms: ${Object.keys(verbs.forms).length}, blocks: ${Object.keys(verbs.blocks).length}, cameo codes: ${Object.keys(cameo2plover).length}`,
);
