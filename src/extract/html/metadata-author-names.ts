/**
 * Byline names: cleaning a raw byline into names ("By Jane Doe, Senior Reporter | May 3" → "Jane Doe")
 * and telling a person's name from a site, a role, a menu item or a sentence. Shared by the byline
 * sources (metadata-author.ts) and the page-structure ones (metadata-author-boxes.ts).
 */
import { clean, decodeEntities } from './metadata-dom.js';
import { fold } from './metadata-title.js';
import { findDatesInText } from './date-parse.js';
import { isCommonGivenName } from '../../given-names.js';

/** Words that introduce a byline, in the common news languages. */
const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|stories|text|words|articles?|posts?|reviewed|edited|compiled|photos?|more)\s{1,3}(?:and\s{1,3}\w{1,12}\s{1,3})?by|by|from|von|par|por|di|door|av|af|autor(?:in)?|auteur|author(?:s)?|contributors?|writer|byline)\b\s{0,3}:?\s{0,3}/i;

/** Job titles that follow a name after a comma or dash ("Jane Doe, Senior Reporter"). */
export const ROLE_WORDS =
  /\b(?:staff|senior|chief|managing|deputy|associate|contributing|executive|special|political|foreign|national|news|sports|business|science|health|tech(?:nology)?|editor(?:ial)?|editors|reporter|correspondent|writer|columnist|contributor|journalist|producer|analyst|author|intern|fellow|critic|director|founder|ceo|team lead|head of|photographer|anchor|host)\b/i;

/** Interface words: a "name" containing one is a button or a menu, not a byline. */
const UI_WORDS = /\b(?:log\s?in|login|sign\s?(?:in|up)|subscribe|register|menu|search|share|follow|contact|read\s+more|view|see\s+all|cookie|privacy|newsletter|download|comments?|edition|listen|watch|print|uncategori[sz]ed|more\s+about|more\s+from|contents|table\s+of|protected)\b/i;

/** Words that name organisations rather than people: a site may share its name with a person, never with a clinic. */
const ORG_WORDS = /\b(?:inc|llc|ltd|gmbh|corp|co|company|group|clinic|hospital|foundation|university|college|school|institute|association|society|council|agency|center|centre|bank|press|news|times|post|media|magazine|journal|daily|today|network|team|staff|blog|studio|labs?|solutions|services|online|digital|official|editorial|desk|club|store|shop|academy|church|department|ministry|government)\b/i;

/** Values that are never a person's name. */
const NOT_A_NAME = /^(?:admin(?:istrator)?|administrador|staff|unknown|anonymous|guest|editor|editors|the editors|redaction|rédaction|redaktion|redacción|null|undefined|none|n\/a|by|author|authors|contributor|team|webmaster|user|home|share|follow|facebook|twitter|linkedin|instagram|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Credentials kept with a name: the byline shows them, and they are not another author. */
export const CREDENTIAL = /^(?:[A-Z][A-Za-z]?\.?){1,4}(?:-[A-Z]{1,4})?(?:\s\d{2,3})?[®™]?$|^Ph\.?\s?D\.?$|^M\.?D\.?$|^Jr\.?$|^Sr\.?$|^I{2,3}$/;

/** Words between two names in a byline ("Ann Lee and Bo Kim", "Max Roe und Eva Poe"), besides "&". */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y', 'e', 'en']);
const NAME_JOINER = new RegExp(`\\s{1,3}(?:&|${[...NAME_JOINERS].join('|')})\\s{1,3}`, 'i');

/** Cleans one raw byline string into a list of names. */
export function splitNames(raw: string, fromText = false): string[] {
  let s = clean(decodeEntities(raw));
  if (!s || s.length > 300) return [];
  // drop a leading "By" (possibly repeated: "By: By Jane")
  for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
  // page text: "Insights from Jane Doe", "A column by Jane Doe"
  if (fromText) s = s.replace(/^(?:\p{L}{1,12}\s{1,2}){1,2}(?:by|from)\s{1,3}(?=\p{Lu})/u, '');
  // cut at a date, "Updated", a pipe or a bullet: what follows is not the name
  // a date before the name ("Dec. 19, 2025 · Niko Matsakis") is dropped; one after it ends the name
  let dates = findDatesInText(s);
  if (dates.length && dates[0].start <= 2) {
    s = s.slice(dates[0].end).replace(/^[\s|•·,–—-]+/, '');
    for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
    dates = findDatesInText(s);
  }
  if (dates.length) s = s.slice(0, dates[0].start);
  s = s.split(/\s[|•·]\s|\s\|\s?|\blast\s{1,3}(?:update[ds]?|modified|reviewed)\b|\bupdated\b|\bpublished\b|\bposted\b|\bon\s{1,3}behalf\b|\bon\s(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i)[0];
  s = s.replace(/\s{0,3}[-–—,:]\s{0,3}$/, '').trim();
  // "Jane Doe, John Roe; Ann Poe" — then "and"/"&" only between full names: "Center for Drug
  // Evaluation and Research" is one name, "Maria & Katerina" stays as written
  const pieces = s
    .split(/\s{0,3}[,;]\s{0,3}/)
    .flatMap((p) => {
      const parts = p.split(NAME_JOINER).map((x) => x.trim());
      return parts.length > 1 && parts.every((x) => x.split(/\s+/).length >= 2) ? parts : [p];
    })
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (const piece of pieces) {
    // a credential after a comma belongs to the previous name ("Dylan Bailey, MS, RD")
    if (CREDENTIAL.test(piece) && names.length) {
      names[names.length - 1] += `, ${piece}`;
      continue;
    }
    // after a name, a job title or an affiliation is dropped ("Jane Doe, Staff Writer, Acme Institute")
    if (names.length && (ROLE_WORDS.test(piece) || ORG_WORDS.test(piece))) continue;
    const bare = collapseRepeat(piece.replace(/\s[-–—]\s.*$/, '').replace(/^@/, '').trim());
    const name = fromText ? cutTrailingRole(bare) : bare;
    if (name) names.push(name);
  }
  return names;
}

/** How far a source is trusted: structured data names people on purpose, page text only maybe. */
export interface Trust {
  /** Skip the capitalisation test ("kirstin boatto" in JSON-LD is still a name). */
  anyCase: boolean;
  /** Accept a name equal to the site's (personal sites: "Rick Steves" on ricksteves.com). */
  siteNameOk: boolean;
  /** Accept the site's own name, however it is shaped (the page declares the site as the author). */
  siteItself?: boolean;
}

export const STRICT: Trust = { anyCase: false, siteNameOk: false };

/** "Loona Construction Loona Construction" (the same text in several spans) → "Loona Construction". */
function collapseRepeat(text: string): string {
  const words = text.split(' ');
  for (let size = 1; size <= words.length / 2; size++) {
    if (words.length % size !== 0) continue;
    const unit = words.slice(0, size).join(' ');
    if (words.every((w, i) => w === words[i % size])) return unit;
  }
  return text;
}

/**
 * Page text glues a job title to the name ("Preetam Jinka Co-founder", "Matt Check Head Winemaker"):
 * cut at the first role word after two name words, and drop dangling connectors ("ALLIN ONE on").
 */
function cutTrailingRole(text: string): string {
  const words = text.split(' ');
  for (let i = 2; i < words.length; i++) {
    if (TRAILING_ROLE.test(words[i])) return words.slice(0, i).join(' ');
  }
  return text.replace(/\s(?:on|in|at|for|from|to|with)$/i, '');
}

const TRAILING_ROLE = /^(?:content|marketing|sales|digital|social|communications?|seo|product|operations|customer|business|technical|senior|junior|chief|managing|executive|associate|assistant|deputy|staff|co-?founder|founder|ceo|cto|cfo|coo|president|director|manager|head|lead|coordinator|specialist|expert|consultant|strategist|attorney|lawyer|editor|reporter|writer|author|contributor|correspondent|columnist|journalist|analyst|producer|photographer|designer|developer|engineer|researcher|professor|scientist|winemaker|chef|owner|partner|officer|intern|fellow|at|is|was|has)$/i;

/** True when a cleaned string looks like a person's (or a named team's) name. */
export function isPlausibleName(name: string, siteNames: string[], trust: Trust = STRICT): boolean {
  const bare = beforeComma(name).trim();
  if (bare.length < 3 || bare.length > 60) return false;
  if (/https?:|www\.|\.com\b|@|\/|\d{3,}|[<>{}=[\]]/.test(bare)) return false;
  // a host name ("paperium.net") is where the page lives, not who wrote it
  if (/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,6}$/u.test(bare)) return false;
  if (NOT_A_NAME.test(bare) || UI_WORDS.test(bare) || /\b(?:admin|administrator|webmaster|moderator)\b/i.test(bare) || bare.includes(':')) return false;
  const words = bare.split(/\s+/);
  if (words.length > 6) return false;
  if (!/\p{L}/u.test(bare)) return false;
  if (!trust.anyCase) {
    // a sentence is not a name: names are mostly capitalised words
    const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w));
    if (lowerWords.length > 1 || (words.length <= 2 && lowerWords.length > 0 && words.length > 1)) return false;
  }
  // "Staff Writer" is a role; "EcoCult Staff" and "News Desk" are bylines a newsroom signs with
  if (words.every((w) => ROLE_WORDS.test(w) || NAME_PARTICLES.test(w))) return false;
  // page text: an organisation's name is an affiliation, unless the newsroom signs with it
  if (!trust.anyCase && ORG_WORDS.test(bare) && !NEWSROOM_BYLINE.test(bare)) return false;
  const personLike = words.length >= 2 && words.length <= 4 && !ORG_WORDS.test(bare) && !/^the\s/i.test(bare) && bare !== bare.toUpperCase() && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.test(w));
  if (!trust.siteItself && !(trust.siteNameOk && personLike) && siteNames.some((site) => sameAsSite(bare, site))) return false;
  return true;
}

/**
 * Equal to a site name, or, for names shaped like an organisation's ("The Commercial Appeal"),
 * most of one ("Memphis Commercial Appeal").
 */
export function sameAsSite(name: string, site: string): boolean {
  const f = fold(name);
  const s = fold(site);
  if (!s) return false;
  if (f === s || f.replace(/ /g, '') === s.replace(/ /g, '')) return true;
  if (!ORG_WORDS.test(name) && !/^the\s/i.test(name)) return false;
  // "Everfit Team", "Investopedia Staff": the site's own newsroom signing, a byline in its own right
  if (NEWSROOM_BYLINE.test(name)) return false;
  const a = new Set(f.split(' ').filter((w) => w.length > 2 && w !== 'the'));
  const b = new Set(s.split(' ').filter((w) => w.length > 2 && w !== 'the'));
  if (a.size < 2 || b.size < 2) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= 0.66;
}

const NEWSROOM_BYLINE = /\b(?:team|staff|editors|desk|contributors?|writers)$/i;

const NAME_PARTICLES = /^(?:de|da|del|der|den|van|von|la|le|di|du|dos|das|bin|al|el|y|e|and|of|the|ter|zu)$/i;

export function finish(names: string[], siteNames: string[], trust: Trust = STRICT): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const n of names) {
    if (!isPlausibleName(n, siteNames, trust)) continue;
    const key = fold(beforeComma(n));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(n);
  }
  return kept.length ? kept.slice(0, 8).join(', ') : null;
}

/**
 * A common given name and a surname, perhaps with an initial between ("Jane Doe", "Julian K. Arni",
 * "Aoife O'Riordan"): the one shape we accept from a site's name or an author card, where brands and
 * programmes shaped like names ("Proven Winners", "Cornell Cooperative Extension") also appear.
 */
export function isFirstAndLastName(name: string): boolean {
  return FIRST_AND_LAST.test(name) && isCommonGivenName(name.slice(0, name.indexOf(' ')));
}

const FIRST_AND_LAST = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{L}'’-]+$/u;

/** Two to four capitalised words, particles and initials allowed: "Jane Doe", "Aoife O'Riordan", "Ana de la Cruz". */
export function isNameShaped(name: string): boolean {
  const words = beforeComma(name).trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || ORG_WORDS.test(name)) return false;
  return words.every((w) => NAME_PARTICLES.test(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && words.filter((w) => !NAME_PARTICLES.test(w)).length >= 2;
}

/** The text before the first comma (all of it without one): linear, unlike /,.*$/ on a hostile string. */
export function beforeComma(text: string): string {
  const i = text.indexOf(',');
  return i < 0 ? text : text.slice(0, i);
}
