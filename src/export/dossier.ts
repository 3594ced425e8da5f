/**
 * A story dossier in Markdown: the comparison of one story written for a reader (an analyst's
 * brief, a wiki page, a ticket). Article text is hostile and Markdown viewers differ in what they
 * sanitise, so every piece of text taken from articles is escaped: HTML-significant characters
 * become entities and Markdown's control characters are backslash-escaped. Nothing from an article
 * can open a tag, a link or a table cell.
 */
import { claimSections, type Claim, type StoryComparison } from '../stories/compare.js';
import type { StoryRecord } from '../stories/store-port.js';

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

function claimLine(c: Claim): string {
  return `- *${c.kind}* ${mdText(c.label)} — ${c.voices.map(mdText).join(', ')}${c.independent < c.voices.length ? ` (${c.independent} independent)` : ''}`;
}

export function storyDossier(story: StoryRecord, cmp: StoryComparison, options: { maxClaims?: number } = {}): string {
  const max = options.maxClaims ?? 25;
  const out: string[] = [];
  out.push(`# ${mdText(story.label)}`, '');
  out.push(`Story \`${story.id}\` · ${day(story.start)} to ${day(story.end)} · ${story.articles.length} articles from ${cmp.voices.length} outlets · ${cmp.counts.claims} claims, ${cmp.counts.conflicts} in conflict`, '');
  out.push('## Summary', '');
  for (const s of cmp.summary) out.push(`- ${mdText(s.text)} (${mdText(s.voice)})`);
  out.push('', '## Where outlets disagree', '');
  const sections = claimSections(cmp);
  if (!sections.conflicts.length) out.push('No conflicting numbers, dates or attributions were found.');
  for (const c of sections.conflicts) {
    out.push(`- **${c.conflict!.kind}**: ${mdText(c.label)}`);
    for (const v of c.conflict!.versions) out.push(`  - ${mdText(v.value)}: ${v.voices.map(mdText).join(', ')}`);
  }
  const list = (title: string, claims: Claim[]) => {
    if (!claims.length) return;
    out.push('', `## ${title}`, '');
    for (const c of claims.slice(0, max)) out.push(claimLine(c));
    if (claims.length > max) out.push(`- … and ${claims.length - max} more`);
  };
  list('Reported by every outlet', sections.all);
  list('Reported by several outlets', sections.some);
  for (const o of sections.only) list(`Reported only by ${mdText(o.voice)}`, o.claims);
  if (cmp.timeline.length) {
    out.push('', '## Timeline', '', '| date | event | outlets |', '| --- | --- | --- |');
    for (const t of cmp.timeline) out.push(`| ${t.date} | ${mdText(t.label)} | ${t.voices.map(mdText).join(', ')} |`);
  }
  out.push('', '## Sources', '', '| article | published | outlet | title | relation |', '| --- | --- | --- | --- | --- |');
  for (const a of story.articles) {
    const rel = a.copyOf ? `copy of \`${a.copyOf.slice(0, 12)}\`` : a.spinOf ? `spin of \`${a.spinOf.slice(0, 12)}\`` : '';
    out.push(`| \`${a.id.slice(0, 12)}\` | ${day(a.publishedAt)} | ${mdText(a.outlet ?? '?')} | ${mdText(a.title ?? '(untitled)')} | ${rel} |`);
  }
  return out.join('\n') + '\n';
}
