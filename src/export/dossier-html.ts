/**
 * A story dossier as one self-contained HTML page, to mail, archive or open offline. Article text is
 * hostile: every piece of it is escaped as HTML text (never markup, never an attribute), and the page
 * carries a Content-Security-Policy that allows no script, no network request and no form, so even a
 * mistake in escaping could not run anything. The same sections as the Markdown dossier.
 */
import type { Claim, StoryComparison } from '../stories/compare.js';
import type { StoryRecord } from '../stories/store-port.js';
import { conflictHeading, versionValue } from '../stories/compare-trend.js';
import { dossierModel, independentNote, voiceList } from './dossier.js';

/** Text from articles as inert HTML text (safe in element content and in quoted attributes). */
export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** No script, no fetch, no form, no frame, no base: only the inline style sheet below. */
export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.meta{color:#555}.kind{font-variant:small-caps;color:#555}.conflict{color:#a40000;font-weight:600}code{font-size:.9em}`;

function claimItem(c: Claim): string {
  return `<li><span class="kind">${htmlText(c.kind)}</span> ${htmlText(c.label)} — ${voiceList(c.voices, htmlText)}${independentNote(c)}</li>`;
}

export function storyDossierHtml(story: StoryRecord, cmp: StoryComparison, options: { maxClaims?: number } = {}): string {
  const d = dossierModel(story, cmp, options.maxClaims);
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${htmlText(story.label)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${htmlText(story.label)}</h1>`,
    `<p class="meta">Story <code>${htmlText(story.id)}</code> · ${d.meta}</p>`,
    '<h2>Summary</h2><ul>',
  );
  for (const s of cmp.summary) out.push(`<li>${htmlText(s.text)} (${htmlText(s.voice)})</li>`);
  out.push('</ul><h2>Where outlets disagree</h2>');
  if (!d.conflicts.length) out.push('<p>No conflicting numbers, dates, attributions or denials were found.</p>');
  else {
    out.push('<ul>');
    for (const c of d.conflicts) {
      out.push(`<li><span class="conflict">${htmlText(conflictHeading(c.conflict!))}</span>: ${htmlText(c.label)}<ul>`);
      for (const v of c.conflict!.versions) out.push(`<li>${htmlText(versionValue(v))}: ${voiceList(v.voices, htmlText)}</li>`);
      out.push('</ul></li>');
    }
    out.push('</ul>');
  }
  for (const l of d.lists) {
    out.push(`<h2>${l.title}${l.voice === undefined ? '' : htmlText(l.voice)}</h2><ul>`);
    for (const c of l.claims) out.push(claimItem(c));
    if (l.more) out.push(`<li>… and ${l.more} more</li>`);
    out.push('</ul>');
  }
  if (cmp.timeline.length) {
    out.push('<h2>Timeline</h2><table><tr><th>date</th><th>event</th><th>outlets</th></tr>');
    for (const t of cmp.timeline) out.push(`<tr><td>${htmlText(t.date)}</td><td>${htmlText(t.label)}</td><td>${voiceList(t.voices, htmlText)}</td></tr>`);
    out.push('</table>');
  }
  out.push('<h2>Sources</h2><table><tr><th>article</th><th>published</th><th>outlet</th><th>title</th><th>relation</th></tr>');
  for (const a of d.sources) {
    const rel = a.relation ? `${a.relation.kind} <code>${htmlText(a.relation.of)}</code>` : '';
    out.push(`<tr><td><code>${htmlText(a.id)}</code></td><td>${a.published}</td><td>${htmlText(a.outlet)}</td><td>${htmlText(a.title)}</td><td>${rel}</td></tr>`);
  }
  out.push('</table></body></html>');
  return out.join('\n') + '\n';
}
