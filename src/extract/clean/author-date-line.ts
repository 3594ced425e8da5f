/**
 * "By Jane Doe – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by John Roe",
 * "By Jane Doe ⋅ Senior Editor ⋅ Updated May 6, 2025", "March 15, 2022 · 3 min read · By Jane Doe",
 * "Posted on December 18, 2025 Posted by Jane Doe", "Par Jean Dupont, publié le 12 mars 2024 à 14h30",
 * "Von Thomas Müller · 12. März 2024, 14:30 Uhr": the byline and the date on one line. Neither the
 * author-line rule (names only) nor the date-line rule (date words only) takes such a line, so it
 * stayed at the top of the article text.
 *
 * A line is one when it is made of parts (split at "|", "·", dashes, commas) each of which is a
 * credit (a byline cue and a name), a date with at most a few cue and clock words round it, a clock
 * time, a reading time, or a short run of capitalised words (a role, credentials: "Senior Editor",
 * "CFP"), with at least one credit and one date. Only the date makes it safe to accept cues that
 * are words of other languages' prose too ("Par", "Von", "Di"): a sentence rarely continues a name
 * with nothing but a date and titles. The rule fires at the document's edges only (see rules.ts).
 */
import { findDatesInText } from '../html/date-parse.js';

/**
 * A credit and the name after it: the writer's ("By", "Written by"; Spanish and Portuguese "Por",
 * French "Par", German "Von", Dutch "Door", Italian "Di") or another's ("Fact-checked by", "Photos by").
 */
const CREDIT = /^(?:(?:written|posted|story|words|reviewed|medically reviewed|fact[- ]checked|edited|photos?|illustrations?|additional reporting) by|by|por|par|von|door|di) (\S.*)$/iu;

/** The cues of the writer's own credit, and the name after them. */
const WRITER = /^(?:(?:written|posted|story|words) by|by|por|par|von|door|di) (\S.*)$/iu;

/** Lower-case words allowed inside a name ("Marna van der Merwe", "Jane Doe and John Roe"). */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'and', '&', 'y', 'et', 'und', 'e']);

/** Words a date part may hold besides the date itself: publication cues, clock words, zones. */
const DATE_PART_WORDS = new Set([
  'updated', 'published', 'posted', 'modified', 'last', 'on', 'at', 'am', 'pm', 'a.m.', 'p.m.',
  // es/pt, fr, de, nl, it
  'publicado', 'actualizado', 'atualizado', 'el', 'em', 'a', 'las', 'publié', 'publiée', 'mis', 'à', 'jour', 'le', 'h',
  'veröffentlicht', 'aktualisiert', 'um', 'uhr', 'gepubliceerd', 'bijgewerkt', 'op', 'om', 'pubblicato', 'aggiornato', 'il', 'alle',
]);

/** A clock time on its own after the date: "14:30 Uhr", "2:30 PM EST", "14h30". */
const TIME_PART = /^(?:at |um |à )?\d{1,2}[:h.]\d{2}(?: (?:uhr|h|[ap]\.?m\.?|[A-Z]{2,4})){0,2}$/iu;

/** "3 min read", "5 minute read", "Reading time: 4 minutes". */
const READ_TIME = /^(?:\d{1,3} ?(?:min|mins|minute|minutes) (?:read|reading)|reading time:? \d{1,3} ?(?:min|mins|minute|minutes))$/iu;

/** Separators between the parts of a byline line. */
const SEPARATOR = / [|·⋅•–—-] |, /gu;

/** Words that may join a role's capitalised words ("Founder and Editor-in-Chief"). */
const ROLE_JOINERS = new Set(['and', 'of', 'the', '&', 'for', 'at']);

export function isAuthorDateLine(raw: string): boolean {
  return readAuthorDateLine(raw) !== null;
}

/**
 * The writer an author-and-date line names ("Written by Jane Doe", not "Reviewed by John Roe"), or
 * null when the line is no such line or names only other credits.
 */
export function writerOfAuthorDateLine(raw: string): string | null {
  return readAuthorDateLine(raw)?.writer ?? null;
}

function readAuthorDateLine(raw: string): { writer: string | null } | null {
  // every date has a digit: most lines at a document's edges are turned away before any parsing
  if (!/\d/.test(raw)) return null;
  let dated = false;
  let credited = false;
  let writer: string | null = null;
  // one space between words, so the patterns below need no runs of spaces
  for (const part of splitParts(raw.replace(/\s+/g, ' ').trim())) {
    if (isDatePart(part)) dated = true;
    else if (isCredit(part)) {
      credited = true;
      const m = WRITER.exec(part);
      if (m && !writer) writer = m[1].replace(/[.,]$/, '').trim();
    } else if (!TIME_PART.test(part) && !READ_TIME.test(part) && !isRole(part)) return null;
  }
  return dated && credited ? { writer } : null;
}

/**
 * The parts of a line, split at separators (a date's own comma, "Sep 9, 2025", stays inside) and
 * before a credit that follows a date with no separator ("Posted on May 1, 2025 by Jane Doe").
 */
function splitParts(text: string): string[] {
  const dates = findDatesInText(text);
  const parts: string[] = [];
  let from = 0;
  SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEPARATOR.exec(text)) !== null) {
    const at = m.index;
    if (dates.some((d) => at > d.start && at < d.end)) continue;
    parts.push(text.slice(from, at));
    from = at + m[0].length;
  }
  parts.push(text.slice(from));
  const out: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const date = findDatesInText(part)[0];
    const credit = date ? / (?:posted |written )?by \p{Lu}/iu.exec(part.slice(date.end)) : null;
    if (date && credit) {
      const at = date.end + credit.index;
      out.push(part.slice(0, at).trim(), part.slice(at).trim());
    } else if (date && date.start > 0 && CREDIT.test(part.slice(0, date.start))) {
      // "Posted by Jane Doe at December 16, 2025": the credit, then its date
      const name = part.slice(0, date.start).replace(/ (?:at|on|le|el|am|um|il|op) ?$/iu, '');
      out.push(name.trim(), part.slice(name.length).trim());
    } else out.push(part);
  }
  return out;
}

/** A byline cue and a name of one to five capitalised words (particles between them allowed). */
function isCredit(part: string): boolean {
  const m = CREDIT.exec(part);
  if (!m) return false;
  const words = m[1].replace(/\.$/, '').split(/\s+/);
  if (words.length > 8) return false;
  let capitals = 0;
  for (const w of words) {
    if (/^[@\p{Lu}]/u.test(w)) capitals++;
    else if (!NAME_PARTICLES.has(w.toLowerCase()) || capitals === 0) return false;
  }
  // another language's cue ("Di", "Von", "Par") is a byline before a full name only: "Di Maio" is a surname
  const foreignCue = !/^(?:\S+\s+)?by\s/iu.test(part);
  return capitals >= (foreignCue ? 2 : 1) && capitals <= 5;
}

/** A written date, with at most a few cue, clock and zone words round it. */
function isDatePart(part: string): boolean {
  const found = findDatesInText(part);
  if (found.length !== 1) return false;
  const left = (part.slice(0, found[0].start) + ' ' + part.slice(found[0].end)).split(/\s+/).filter(Boolean);
  return left.length <= 6 && left.every((w) => {
    const bare = w.replace(/[,;()]|:$/g, '');
    return bare === '' || /^\d{1,2}(?::\d{2}){0,2}$|^\d{1,2}h\d{2}$/.test(bare) || /^[A-Z]{2,4}$/.test(bare) || DATE_PART_WORDS.has(bare.toLowerCase());
  });
}

/** "Senior Review Analyst", "Founder and Editor-in-Chief", "CFP": a short run of capitalised words. */
function isRole(part: string): boolean {
  const words = part.split(/\s+/);
  if (words.length > 6) return false;
  let capitals = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!ROLE_JOINERS.has(w)) return false;
  }
  return capitals > 0;
}
