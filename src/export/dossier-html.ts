/**
 * A story dossier as one self-contained HTML page, to mail, archive or open offline. Article text is
 * hostile: every piece of it is escaped as HTML text (never markup, never an attribute), and the page
 * carries a Content-Security-Policy that allows no script, no network request and no form, so even a
 * mistake in escaping could not run anything. The same sections as the Markdown dossier.
 */
import { claimSections, type Claim, type StoryComparison } from '../stories/compare.js';
import type { StoryRecord } from '../stories/store-port.js';

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

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '?');

function claimItem(c: Claim): string {
  const independent = c.independent < c.voices.length ? ` (${c.independent} independent)` : '';
  return `<li><span class="kind">${htmlText(c.kind)}</span> ${htmlText(c.label)} — ${c.voices.map(htmlText).join(', ')}${independent}</li>`;
}

export function storyDossierHtml(story: StoryRecord, cmp: StoryComparison, options: { maxClaims?: number } = {}): string {
  const max = options.maxClaims ?? 25;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${htmlText(story.label)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${htmlText(story.label)}</h1>`,
    `<p class="meta">Story <code>${htmlText(story.id)}</code> · ${day(story.start)} to ${day(story.end)} · ${story.articles.length} articles from ${cmp.voices.length} outlets · ${cmp.counts.claims} claims, ${cmp.counts.conflicts} in conflict</p>`,
    '<h2>Summary</h2><ul>',
  );
  for (const s of cmp.summary) out.push(`<li>${htmlText(s.text)} (${htmlText(s.voice)})</li>`);
  out.push('</ul><h2>Where outlets disagree</h2>');
  const sections = claimSections(cmp);
  if (!sections.conflicts.length) out.push('<p>No conflicting numbers, dates or attributions were found.</p>');
  else {
    out.push('<ul>');
    for (const c of sections.conflicts) {
      out.push(`<li><span class="conflict">${htmlText(c.conflict!.kind)}</span>: ${htmlText(c.label)}<ul>`);
      for (const v of c.conflict!.versions) out.push(`<li>${htmlText(v.value)}: ${v.voices.map(htmlText).join(', ')}</li>`);
      out.push('</ul></li>');
    }
    out.push('</ul>');
  }
  const list = (title: string, claims: Claim[]) => {
    if (!claims.length) return;
    out.push(`<h2>${title}</h2><ul>`);
    for (const c of claims.slice(0, max)) out.push(claimItem(c));
    if (claims.length > max) out.push(`<li>… and ${claims.length - max} more</li>`);
    out.push('</ul>');
  };
  list('Reported by every outlet', sections.all);
  list('Reported by several outlets', sections.some);
  for (const o of sections.only) list(`Reported only by ${htmlText(o.voice)}`, o.claims);
  if (cmp.timeline.length) {
    out.push('<h2>Timeline</h2><table><tr><th>date</th><th>event</th><th>outlets</th></tr>');
    for (const t of cmp.timeline) out.push(`<tr><td>${htmlText(t.date)}</td><td>${htmlText(t.label)}</td><td>${t.voices.map(htmlText).join(', ')}</td></tr>`);
    out.push('</table>');
  }
  out.push('<h2>Sources</h2><table><tr><th>article</th><th>published</th><th>outlet</th><th>title</th><th>relation</th></tr>');
  for (const a of story.articles) {
    const rel = a.copyOf ? `copy of <code>${htmlText(a.copyOf.slice(0, 12))}</code>` : a.spinOf ? `spin of <code>${htmlText(a.spinOf.slice(0, 12))}</code>` : '';
    out.push(`<tr><td><code>${htmlText(a.id.slice(0, 12))}</code></td><td>${day(a.publishedAt)}</td><td>${htmlText(a.outlet ?? '?')}</td><td>${htmlText(a.title ?? '(untitled)')}</td><td>${rel}</td></tr>`);
  }
  out.push('</table></body></html>');
  return out.join('\n') + '\n';
}
