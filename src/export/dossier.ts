/**
 * A story dossier in Markdown: the comparison of one story written for a reader (an analyst's
 * brief, a wiki page, a ticket). Article text is hostile and Markdown viewers differ in what they
 * sanitise, so every piece of text taken from articles is escaped: HTML-significant characters
 * become entities and Markdown's control characters are backslash-escaped. Nothing from an article
 * can open a tag, a link or a table cell.
 */
import { claimSections, type Claim, type StoryComparison } from '../stories/compare.js';
import type { StoryRecord } from '../stories/store-port.js';
import { conflictHeading, versionValue } from '../stories/compare-trend.js';

/** Text from articles, made inert for Markdown and for any HTML a viewer lets through. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/^(\s*)([-=+])/, '$1\\$2');
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '?');

/**
 * What a dossier shows, whatever its format: the Markdown and HTML renderers lay out the same
 * model, each escaping article text its own way. Strings here are raw (unescaped).
 */
export interface DossierModel {
  /** "2025-03-05 to 2025-03-06 · 3 articles from 2 outlets · 12 claims, 2 in conflict" */
  meta: string;
  conflicts: Claim[];
  /** Claim lists with claims, in reading order; `voice` (raw) ends the title of a single-outlet list. */
  lists: Array<{ title: string; voice?: string; claims: Claim[]; more: number }>;
  sources: Array<{ id: string; published: string; outlet: string; title: string; relation: { kind: 'copy of' | 'spin of'; of: string } | null }>;
}

export function dossierModel(story: StoryRecord, cmp: StoryComparison, maxClaims = 25): DossierModel {
  const sections = claimSections(cmp);
  const lists: DossierModel['lists'] = [];
  const list = (title: string, claims: Claim[], voice?: string) => {
    if (claims.length) lists.push({ title, ...(voice === undefined ? {} : { voice }), claims: claims.slice(0, maxClaims), more: Math.max(0, claims.length - maxClaims) });
  };
  list('Reported by every outlet', sections.all);
  list('Reported by several outlets', sections.some);
  for (const o of sections.only) list('Reported only by ', o.claims, o.voice);
  return {
    meta: `${day(story.start)} to ${day(story.end)} · ${story.articles.length} articles from ${cmp.voices.length} outlets · ${cmp.counts.claims} claims, ${cmp.counts.conflicts} in conflict`,
    conflicts: sections.conflicts,
    lists,
    sources: story.articles.map((a) => ({
      id: a.id.slice(0, 12),
      published: day(a.publishedAt),
      outlet: a.outlet ?? '?',
      title: a.title ?? '(untitled)',
      relation: a.copyOf ? { kind: 'copy of', of: a.copyOf.slice(0, 12) } : a.spinOf ? { kind: 'spin of', of: a.spinOf.slice(0, 12) } : null,
    })),
  };
}

/** Outlets named on one line of a claim, a conflict version or a date; a story syndicated to hundreds of sites lists the rest as a count. */
export const VOICES_SHOWN = 10;

/** The first `max` voices, each escaped for the output format, then "and N more" (the sources list names them all). */
export function voiceList(voices: string[], escape: (text: string) => string, max = VOICES_SHOWN): string {
  const shown = voices.slice(0, max).map(escape).join(', ');
  return voices.length > max ? `${shown} and ${voices.length - max} more` : shown;
}

/** " (2 independent)" when copies make up some of a claim's voices. */
export function independentNote(c: Claim): string {
  return c.independent < c.voices.length ? ` (${c.independent} independent)` : '';
}

function claimLine(c: Claim): string {
  return `- *${c.kind}* ${mdText(c.label)} — ${voiceList(c.voices, mdText)}${independentNote(c)}`;
}

export function storyDossier(story: StoryRecord, cmp: StoryComparison, options: { maxClaims?: number } = {}): string {
  const d = dossierModel(story, cmp, options.maxClaims);
  const out: string[] = [];
  out.push(`# ${mdText(story.label)}`, '');
  out.push(`Story \`${story.id}\` · ${d.meta}`, '');
  out.push('## Summary', '');
  for (const s of cmp.summary) out.push(`- ${mdText(s.text)} (${mdText(s.voice)})`);
  out.push('', '## Where outlets disagree', '');
  if (!d.conflicts.length) out.push('No conflicting numbers, dates, attributions or denials were found.');
  for (const c of d.conflicts) {
    out.push(`- **${conflictHeading(c.conflict!)}**: ${mdText(c.label)}`);
    for (const v of c.conflict!.versions) out.push(`  - ${mdText(versionValue(v))}: ${voiceList(v.voices, mdText)}`);
  }
  for (const l of d.lists) {
    out.push('', `## ${l.title}${l.voice === undefined ? '' : mdText(l.voice)}`, '');
    for (const c of l.claims) out.push(claimLine(c));
    if (l.more) out.push(`- … and ${l.more} more`);
  }
  if (cmp.timeline.length) {
    out.push('', '## Timeline', '', '| date | event | outlets |', '| --- | --- | --- |');
    for (const t of cmp.timeline) out.push(`| ${t.date} | ${mdText(t.label)} | ${voiceList(t.voices, mdText)} |`);
  }
  out.push('', '## Sources', '', '| article | published | outlet | title | relation |', '| --- | --- | --- | --- | --- |');
  for (const a of d.sources) {
    const rel = a.relation ? `${a.relation.kind} \`${a.relation.of}\`` : '';
    out.push(`| \`${a.id}\` | ${a.published} | ${mdText(a.outlet)} | ${mdText(a.title)} | ${rel} |`);
  }
  return out.join('\n') + '\n';
}
