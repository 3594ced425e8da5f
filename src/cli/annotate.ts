/**
 * `parallax annotate <files...> [--json] [--published <date>] [--raw]`: stateless reading of
 * articles. Each file is read (HTML main content is extracted; text is cleaned of boilerplate and
 * spam lines unless --raw), annotated, and printed: with --json one JSON object per file and line,
 * `{file, text, publishedAt, sentences, entities, clusters, quotes, events, times, anchor}`, all
 * offsets pointing into `text`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { annotate } from '../nlp/index.js';
import type { Annotations } from '../nlp/types.js';
import { extractHtml } from '../extract/html/index.js';
import { cleanText } from '../extract/clean/index.js';
import { UsageError, truncate } from './shared.js';
import { detectLanguage } from '../extract/language.js';

export interface AnnotatedFile extends Annotations {
  file: string;
  text: string;
  publishedAt: string | null;
}

function looksLikeHtml(file: string, content: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  const head = content.slice(0, 512).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Reads one file into clean text (and the publication date an HTML page declares, and the language). */
export function readArticle(file: string, opts: { raw?: boolean } = {}): { text: string; publishedAt: string | null; language: string | null } {
  const content = readFileSync(file, 'utf8');
  if (looksLikeHtml(file, content)) {
    const ex = extractHtml(content);
    const text = opts.raw ? ex.text : cleanText(ex.text, { title: ex.metadata.title }).text;
    return { text, publishedAt: ex.metadata.publishedAt, language: detectLanguage(text, ex.metadata.language).language };
  }
  const text = opts.raw ? content : cleanText(content).text;
  return { text, publishedAt: null, language: detectLanguage(text).language };
}

export function annotateFile(file: string, opts: { published?: string; raw?: boolean; ingestedAt?: string } = {}): AnnotatedFile {
  const { text, publishedAt, language } = readArticle(file, opts);
  const pub = opts.published ?? publishedAt;
  const a = annotate(text, { publishedAt: pub, ingestedAt: opts.ingestedAt, language });
  return { file, text, publishedAt: pub ?? null, ...a };
}

export function register(program: Command): void {
  program
    .command('annotate')
    .description('Read articles: entities with roles, attributed quotes, PLOVER events and normalised times')
    .argument('<files...>', 'article files (plain text or HTML)')
    .option('--json', 'one JSON object per file and line')
    .option('--published <date>', 'publication date (ISO 8601) to resolve relative dates against')
    .option('--raw', 'annotate the file text as is, without boilerplate/spam cleaning')
    .action((files: string[], o: { json?: boolean; published?: string; raw?: boolean }) => {
      if (o.published !== undefined && Number.isNaN(Date.parse(o.published))) throw new UsageError(`--published: not a date: ${o.published}`);
      let failed = 0;
      for (const file of files) {
        let out: AnnotatedFile;
        try {
          out = annotateFile(file, { published: o.published, raw: o.raw, ingestedAt: new Date().toISOString() });
        } catch (err) {
          failed++;
          process.stderr.write(`parallax annotate: ${file}: ${(err as Error).message}\n`);
          continue;
        }
        if (o.json) process.stdout.write(JSON.stringify(out) + '\n');
        else process.stdout.write(renderText(out) + '\n');
      }
      if (failed) process.exitCode = 1;
    });
}

/** The same registration under the name the other commands use. */
export const registerAnnotate = register;

function renderText(a: AnnotatedFile): string {
  const lines: string[] = [`# ${path.basename(a.file)}  (published: ${a.publishedAt ?? 'unknown'}; anchor: ${a.anchor.source})`];
  if (a.notRead) lines.push(`not read: ${a.notRead.reason}`);
  if (a.caseRestored) {
    const what = a.caseRestored.damage === 'caseless' ? 'the text has no capitals' : `${a.caseRestored.lines} line(s) set in capitals`;
    lines.push(`read in restored case: ${what} (names below as restored; spans are the text's)`);
  }
  lines.push(`entities (${a.clusters.length}):`);
  for (const c of a.clusters) {
    const extra = [c.roles.length ? `roles: ${c.roles.join('; ')}` : '', c.aliases.length > 1 ? `aliases: ${c.aliases.filter((x) => x !== c.canonical).join(', ')}` : '']
      .filter(Boolean)
      .join('  ');
    lines.push(`  ${c.type.padEnd(6)} ${c.canonical} ×${c.mentions.length}${extra ? '  ' + extra : ''}`);
  }
  lines.push(`quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    lines.push(`  ${q.direct ? '“”' : '~ '} ${q.speaker?.canonical ?? '?'} [${q.cue ?? '-'}]: ${truncate(q.text, 90)}`);
  }
  lines.push(`events (${a.events.length}):`);
  for (const e of a.events) {
    const flags = Object.entries(e.flags)
      .filter(([, v]) => v)
      .map(([k]) => k)
      .join(',');
    lines.push(
      `  ${e.category.padEnd(9)} ${e.actor.map((x) => x.canonical).join(' + ') || '?'} —${e.trigger.text}→ ${e.target.map((x) => x.canonical).join(' + ') || '-'}${e.time ? ' @' + e.time : ''}${e.place ? ' in ' + e.place.canonical : ''}${flags ? ' (' + flags + ')' : ''}`,
    );
  }
  lines.push(`times (${a.times.length}):`);
  for (const t of a.times) lines.push(`  ${t.text} → ${t.value} (${t.granularity}${t.relative ? ', ' + t.anchor : ''}${t.estimate ? ', estimate ' + t.estimate : ''})`);
  return lines.join('\n');
}
