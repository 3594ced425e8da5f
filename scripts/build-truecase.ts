/**
 * Writes data/lexicons/truecase.txt, the case model of src/nlp/truecase.ts: how English running
 * text writes each word in the middle of a sentence, learnt from texts in ../shared/bench: the
 * ground-truth main content of the WCXB dev pages (minus the 22 hand-annotated for bench:nlp, on
 * which restored case is measured), the 181 article-extraction news bodies, and the UCI
 * headlines written in sentence case. Never the WCXB test split, never the PLOVER sentences.
 *
 * Read: English pages only (function-word share), lines of six words and more (headlines: five) that are neither
 * set in capitals nor title case (headings say nothing of a word's case), words that open no
 * sentence, quotation or parenthesis. Written:
 * Each page votes once per word and pair, for the form it uses most. A word that prose pages
 * settle (three votes, two in three agreeing) goes by prose alone: headlines say "US" and "House"
 * far more often than prose says "us" and "house". Written:
 * - a word whose usual form is not plain lower case (on two pages or more: "Moscow",
 *   "NATO", "iPhone"), and a word the dictionary lacks whose usual form is lower case ("online",
 *   "livestream"), which the reader would otherwise take for a name;
 * - a pair of adjacent words whose usual forms together differ from their words' ("white house" →
 *   "White House", "in may" → "in May"), on three pages or more, in that form on 3 pages in 5.
 *
 * Run: node --import tsx scripts/build-truecase.ts  (TRUECASE_OUT=file to write elsewhere)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { ENGLISH_PROSE_SHARE, englishFunctionShare } from '../src/common-words.js';
import { isDictionaryWord } from '../src/english-dictionary.js';
import { caseCounts, caseWords } from '../src/nlp/truecase.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '..', 'shared', 'bench');
// TRUECASE_OUT writes elsewhere (the test that checks the shipped model is what this script makes)
const out = process.env.TRUECASE_OUT ?? path.join(repo, 'data', 'lexicons', 'truecase.txt');

/**
 * Headlines written in sentence case ("China's trade volumes creep up in April"): the UCI News
 * Aggregator's 423k headlines (public domain), deduplicated; title-case headlines are passed over
 * by the running-text test. The headlines of one story are one page: an aggregator repeats a story
 * in hundreds of headlines, and a baby's name ("River Rose") is one story's, not the language's.
 */
function headlineStories(): string[] {
  const rows = parse(gunzipSync(readFileSync(path.join(shared, 'uci-news', 'uci-news-aggregator.csv.gz'))), { relax_quotes: true, relax_column_count: true, from_line: 2 }) as string[][];
  const stories = new Map<string, Set<string>>();
  for (const r of rows) {
    const [, title, , , , story] = r;
    if (typeof title !== 'string' || typeof story !== 'string') continue;
    let set = stories.get(story);
    if (!set) stories.set(story, (set = new Set()));
    set.add(title);
  }
  return [...stories.values()].map((titles) => [...titles].join('\n'));
}

/** Texts to learn from: WCXB dev main content without the gold documents, and the news bodies. */
function sourceTexts(): string[] {
  const texts: string[] = [];
  const gold = JSON.parse(readFileSync(path.join(repo, 'bench', 'gold', 'wcxb-nlp.spec.json'), 'utf8')) as { docs: { id: string }[] };
  const held = new Set(gold.docs.map((d) => d.id));
  const dev = path.join(shared, 'wcxb', 'dev', 'ground-truth');
  for (const f of readdirSync(dev).sort()) {
    if (held.has(f.replace(/\.json$/, ''))) continue;
    const gt = JSON.parse(readFileSync(path.join(dev, f), 'utf8')).ground_truth as { main_content?: string };
    if (gt.main_content) texts.push(gt.main_content);
  }
  const news = JSON.parse(readFileSync(path.join(shared, 'article-extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const id of Object.keys(news).sort()) texts.push(news[id].articleBody);
  return texts;
}

type Counts = Map<string, Map<string, number>>;

function bump(counts: Counts, key: string, form: string): void {
  let forms = counts.get(key);
  if (!forms) counts.set(key, (forms = new Map()));
  forms.set(form, (forms.get(form) ?? 0) + 1);
}

/** A line worth learning from: running text, not a heading in capitals or in title case. */
function isRunningText(line: string, words: ReturnType<typeof caseWords>, minWords: number): boolean {
  if (words.length < minWords) return false;
  const { letters, upper } = caseCounts(line, 0, line.length);
  if (!letters || upper / letters > 0.5) return false;
  const long = words.filter((w) => !w.initial && w.end - w.start >= 4);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(line.slice(w.start, w.end))).length;
  return long.length > 0 && capitalised / long.length <= 0.5;
}

/** A word whose capital may be the sentence's, a quotation's or a parenthesis's, not its own. */
function opensSomething(line: string, start: number): boolean {
  const before = line.slice(Math.max(0, start - 3), start);
  return /[:"“‘([]\s*$/.test(before);
}

/** Adds each key's commonest form on one page (lower case on a tie) as one vote. */
function vote(page: Counts, votes: Counts): void {
  for (const [key, forms] of page) {
    const lower = forms.get(key) ?? 0;
    const [form, n] = mostCommon(forms);
    bump(votes, key, n > lower ? form : key);
  }
}

function mostCommon(forms: Map<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [f, n] of forms) if (n > best[1] || (n === best[1] && f < best[0])) best = [f, n];
  return best;
}

/** Pages of running prose that settle a word's form whatever headlines write: three, two in three agreeing. */
function settles(votes: Map<string, number>): boolean {
  const total = totalVotes(votes);
  return total >= 3 && mostCommon(votes)[1] * 3 >= total * 2;
}

function totalVotes(votes: Map<string, number>): number {
  let total = 0;
  for (const n of votes.values()) total += n;
  return total;
}

/** Entries in key order, so the model file is the same from run to run. */
function byKey<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Pages a pair needs. */
const PAIR_VOTES = 3;

function main(): void {
  if (!existsSync(shared)) throw new Error(`../shared/bench not found at ${shared}`);
  const words: Counts = new Map();
  const proseWords: Counts = new Map();
  const pairs: Counts = new Map();
  const prosePairs: Counts = new Map();
  let pages = 0;
  const sources = [...sourceTexts().map((text) => ({ text, headline: false })), ...headlineStories().map((text) => ({ text, headline: true }))];
  for (const { text, headline } of sources) {
    if (!headline && englishFunctionShare(text).share < ENGLISH_PROSE_SHARE) continue;
    pages++;
    const pageWords: Counts = new Map();
    const pagePairs: Counts = new Map();
    for (const line of text.split('\n')) {
      const ws = caseWords(line);
      if (!isRunningText(line, ws, headline ? 5 : 6)) continue;
      const usable = ws.map((w) => !w.initial && !opensSomething(line, w.start));
      ws.forEach((w, i) => {
        if (usable[i]) bump(pageWords, w.key, line.slice(w.start, w.end).replace(/’/g, "'"));
      });
      for (let i = 0; i + 1 < ws.length; i++) {
        if (!usable[i] || !usable[i + 1] || line.slice(ws[i].end, ws[i + 1].start) !== ' ') continue;
        const form = `${line.slice(ws[i].start, ws[i].end)} ${line.slice(ws[i + 1].start, ws[i + 1].end)}`.replace(/’/g, "'");
        bump(pagePairs, `${ws[i].key} ${ws[i + 1].key}`, form);
      }
    }
    // one vote per page, for the page's commonest form: a brand a page repeats twenty times
    // ("Noble Moving") is one page's usage, not the word's
    vote(pageWords, words);
    if (!headline) vote(pageWords, proseWords);
    vote(pagePairs, pairs);
    if (!headline) vote(pagePairs, prosePairs);
  }

  // the form of each word in running text: its commonest, lower case on a tie
  const usual = new Map<string, string>();
  /** Words whose usual form prose settled ("us", "house"). */
  const settledByProse = new Set<string>();
  const lines: string[] = [];
  for (const [key, allForms] of byKey(words)) {
    // headlines write of the few things news is about: they say "US" and "House" far more often
    // than prose says "us" and "house"; a word whose form running prose settles goes by prose
    const prose = proseWords.get(key);
    const forms = prose && settles(prose) ? prose : allForms;
    if (forms === prose) settledByProse.add(key);
    const lower = forms.get(key) ?? 0;
    const [form, n] = mostCommon(new Map([...forms].filter(([f]) => f !== key)));
    const notLower = n > lower && n >= 2;
    usual.set(key, notLower ? form : key);
    if (notLower) lines.push(`${key}\t${form}`);
    else if (lower >= 2 && !isDictionaryWord(key) && !key.includes("'")) lines.push(`${key}\t${key}`);
  }
  let pairCount = 0;
  for (const [key, forms] of byKey(pairs)) {
    const total = totalVotes(forms);
    const [form, n] = mostCommon(forms);
    if (n < PAIR_VOTES || n * 5 < total * 3) continue;
    const [a, b] = key.split(' ');
    if (form === `${usual.get(a) ?? a} ${usual.get(b) ?? b}`) continue;
    // nor do headlines turn a word prose settled ("of us" → "of US"): prose must write the pair so most often too
    const [fa, fb] = form.split(' ');
    const overridesProse = (settledByProse.has(a) && fa !== usual.get(a)) || (settledByProse.has(b) && fb !== usual.get(b));
    const prosePair = prosePairs.get(key);
    if (overridesProse && (!prosePair || mostCommon(prosePair)[0] !== form)) continue;
    lines.push(`${key}\t${form}`);
    pairCount++;
  }
  const header = [
    '# Case model of src/nlp/truecase.ts, written by scripts/build-truecase.ts (do not edit by hand).',
    `# Learnt from ${pages} pages in ../shared/bench, one vote per page and word: WCXB dev main content (CC-BY-4.0,`,
    '# minus the 22 bench:nlp gold documents), the article-extraction news bodies (MIT) and the UCI News Aggregator',
    '# headlines in sentence case (public domain; the headlines of one story are one page).',
    '# key<TAB>form: a word\'s usual form in running text (when not plain lower case, or when the dictionary lacks it),',
    '# and word pairs whose forms differ from their words\' usual forms.',
  ];
  writeFileSync(out, `${header.join('\n')}\n${lines.join('\n')}\n`);
  console.log(`${out}: ${lines.length - pairCount} words, ${pairCount} pairs, from ${pages} pages`);
}

main();
