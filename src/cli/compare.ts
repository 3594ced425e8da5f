/** `parallax compare <story>`: what every outlet reports, what only one does, where they conflict. */
import type { Command } from 'commander';
import { relateCorpus } from '../stories/relate-corpus.js';
import { claimSections, compareStory, type Claim, type StoryComparison } from '../stories/compare.js';
import { comparableArticles, comparisonView, storiesMatching } from '../stories/compare-corpus.js';
import type { StoryRecord } from '../stories/store-port.js';
import { storyDossier, voiceList } from '../export/dossier.js';
import { storyDossierHtml } from '../export/dossier-html.js';
import { conflictHeading, versionValue } from '../stories/compare-trend.js';
import { ensureAnnotated } from './annotated.js';
import { UsageError, addDbOption, openStore, truncate, wholeNumber } from './shared.js';

/** The one story `id` names, or a usage error. */
export function findStory(stories: StoryRecord[], id: string): StoryRecord {
  const matches = storiesMatching(stories, id);
  if (matches.length !== 1) throw new UsageError(matches.length ? `story id ${JSON.stringify(id)} is ambiguous` : `no story ${JSON.stringify(id)} (see \`parallax stories\`)`);
  return matches[0];
}

/** Outlets named in the header; a story syndicated to hundreds of sites gives the rest as a count. */
const OUTLETS_SHOWN = 20;
const plain = (text: string): string => text;
/** Up to this many outlets, each gets its "Only X" section even when it is empty. */
const EMPTY_ONLY_SHOWN = 6;

function claimLine(c: Claim): string {
  const who = c.voices.length > 3 ? `${c.voices.length} outlets` : c.voices.join(', ');
  return `  [${c.kind}] ${truncate(c.label, 110)}  (${who})`;
}

/** Sentences of evidence printed per claim with --evidence. */
const EVIDENCE_SHOWN = 5;

/** Each outlet's sentence for a claim (--evidence), one per line under it. */
function evidenceLines(c: Claim): string[] {
  const lines = c.mentions.slice(0, EVIDENCE_SHOWN).map((m) => `      ${m.voice}${m.modality && m.modality !== 'asserted' ? ` [${m.modality}]` : ''}: ${truncate(m.sentenceText.replace(/\s+/g, ' '), 150)}`);
  if (c.mentions.length > EVIDENCE_SHOWN) lines.push(`      … ${c.mentions.length - EVIDENCE_SHOWN} more (--json for all)`);
  return lines;
}

function renderComparison(story: StoryRecord, cmp: StoryComparison, limit: number, evidence = false): string {
  const out: string[] = [];
  out.push(`${story.id}  ${story.label}`);
  const outlets = cmp.voices.map((v) => `${v.voice} (${v.articles.length}${v.independent ? '' : ', copies only'})`);
  const shownOutlets = outlets.length > OUTLETS_SHOWN ? [...outlets.slice(0, OUTLETS_SHOWN), `… ${outlets.length - OUTLETS_SHOWN} more (--json for all)`] : outlets;
  out.push(`outlets (${outlets.length}): ${shownOutlets.join('; ')}`);
  const sections = claimSections(cmp);
  // the sections below list conflicts apart, so the agreed facts are counted without them
  const single = sections.only.reduce((n, o) => n + o.claims.length, 0);
  out.push(`claims: ${cmp.counts.claims} — ${cmp.counts.conflicts} in conflict; agreed: ${sections.all.length} reported by every outlet, ${sections.some.length} by several, ${single} by one`);
  out.push('', 'Summary:');
  for (const s of cmp.summary) out.push(`  ${truncate(s.text, 160)}  [${s.voice}]`);
  out.push('', `Conflicts (${sections.conflicts.length}):`);
  for (const c of sections.conflicts) {
    out.push(`  [${conflictHeading(c.conflict!)}] ${truncate(c.label, 110)}`);
    for (const v of c.conflict!.versions) out.push(`      ${versionValue(v)}: ${voiceList(v.voices, plain)}`);
    if (evidence) out.push(...evidenceLines(c));
  }
  const section = (title: string, claims: Claim[]) => {
    out.push('', `${title} (${claims.length}):`);
    for (const c of claims.slice(0, limit)) {
      out.push(claimLine(c));
      if (evidence) out.push(...evidenceLines(c));
    }
    if (claims.length > limit) out.push(`  … ${claims.length - limit} more (--limit, or --json for all)`);
  };
  if (cmp.voices.length > 1) {
    section('Reported by every outlet', sections.all);
    section('Reported by several', sections.some);
  }
  // an empty "Only X" says something about two or three outlets; for a story of hundreds it is noise
  for (const o of sections.only) if (o.claims.length || sections.only.length <= EMPTY_ONLY_SHOWN) section(`Only ${o.voice}`, o.claims);
  out.push('', `Timeline (${cmp.timeline.length}):`);
  for (const t of cmp.timeline) out.push(`  ${t.date.padEnd(10)}  ${truncate(t.label, 90)}  (${voiceList(t.voices, plain, 6)})`);
  return out.join('\n') + '\n';
}

export function registerCompare(program: Command): void {
  addDbOption(
    program
      .command('compare')
      .description('Compare the outlets of one story: shared and single-outlet facts, conflicts (numbers, dates, attributions, an event reported by one outlet and denied by another, words said by one and denied by another), timeline, summary')
      .argument('<story>', 'story id (or a unique prefix, with or without "story-")')
      .option('--limit <n>', 'claims listed per section', wholeNumber('--limit'), 8)
      .option('--evidence', 'under each claim, the sentence each outlet wrote')
      .option('--json', 'print the whole comparison as one JSON object')
      .option('--markdown', 'print a Markdown dossier (summary, disagreements, shared and single-outlet facts, timeline, sources)')
      .option('--html', 'print the dossier as one self-contained HTML page (article text escaped, no script allowed)'),
  ).action(async (id: string, opts: { db: string; limit: number; evidence?: boolean; json?: boolean; markdown?: boolean; html?: boolean }) => {
    const store = await openStore(opts.db);
    try {
      await ensureAnnotated(store);
      const story = findStory((await relateCorpus(store)).stories, id);
      const cmp = compareStory(await comparableArticles(store, story));
      if (opts.json) return void process.stdout.write(JSON.stringify(comparisonView(story, cmp)) + '\n');
      if (opts.markdown) return void process.stdout.write(storyDossier(story, cmp));
      if (opts.html) return void process.stdout.write(storyDossierHtml(story, cmp));
      process.stdout.write(renderComparison(story, cmp, opts.limit, opts.evidence === true));
    } finally {
      await store.close();
    }
  });
}
