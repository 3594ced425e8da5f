/**
 * Case restoration (src/nlp/truecase.ts): lines set in capitals and texts typed without capitals
 * are read through a copy in the case prose gives them; the copy keeps every offset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { annotate } from '../src/nlp/index.js';
import { caseDamage, restoreCase } from '../src/nlp/truecase.js';
import { needsShared, repoRoot } from './helpers.js';

test('truecase: a text with its case is left as it is, also when its long sentences hold few capitals', () => {
  const prose = 'The committee met on Tuesday in Geneva. It said the talks would go on.';
  assert.equal(restoreCase(prose), prose);
  // one capital per sentence and long sentences: under one letter in a hundred is a capital
  const long = Array.from({ length: 4 }, () => `For example, a plumber may use a compact camera to locate leaks and blockages under floors, behind basins and cupboards, under baths and in walls, and ${'then decide how best to fix the problem without lifting any boards at all, '.repeat(3)}which saves time.`).join('\n');
  assert.equal(caseDamage(long), 'none');
  assert.equal(restoreCase(long), long);
});

test('truecase: a line in capitals gets the case of prose: names, titles before names, institutions, months, sentence starts', () => {
  const line = 'FOREIGN MINISTER PENNY WONG MET HER JAPANESE COUNTERPART IN TOKYO ON TUESDAY, THE DEPARTMENT OF FOREIGN AFFAIRS SAID IN A STATEMENT. TALKS WILL RESUME IN MAY 2026.';
  const restored = restoreCase(line);
  assert.equal(restored.length, line.length);
  for (const part of ['Foreign Minister Penny Wong met her Japanese counterpart in Tokyo on Tuesday', 'the Department of Foreign Affairs said in a statement.', 'Talks will resume in May 2026.']) {
    assert.ok(restored.includes(part), `${part} in ${restored}`);
  }
});

test('truecase: only the shouted lines of a mixed text change', () => {
  const text = 'Flooding closed roads in the north.\nKEY POINTS\nOFFICIALS IN NAIROBI SAID THE RIVER ROSE OVERNIGHT.\nResidents were moved to schools.';
  const restored = restoreCase(text).split('\n');
  assert.equal(restored[0], 'Flooding closed roads in the north.');
  assert.equal(restored[1], 'KEY POINTS', 'two words are a heading, not a line to read');
  assert.equal(restored[2], 'Officials in Nairobi said the river rose overnight.');
  assert.equal(restored[3], 'Residents were moved to schools.');
});

test('truecase: a text typed without capitals gets them back', () => {
  const text = 'the prime minister of canada, justin trudeau, said on monday that ottawa would send aid. "we will not wait," trudeau said.';
  assert.equal(caseDamage(text), 'caseless');
  const restored = restoreCase(text);
  assert.ok(restored.startsWith('The prime minister of Canada, Justin Trudeau, said on Monday that Ottawa would send aid.'), restored);
  assert.ok(restored.includes('"We will not wait," Trudeau said.'), restored);
});

test('truecase: acronyms defined in the text, initials, abbreviations and listed names', () => {
  const restored = restoreCase('THE NATIONAL UNION OF MINEWORKERS (NUM) CALLED A STRIKE. U.S. OFFICIALS AND MR. JONES OF ACME INC. AND AMNESTY INTERNATIONAL OBJECTED.');
  assert.ok(restored.startsWith('The National Union of Mineworkers (NUM) called a strike.'), restored);
  assert.ok(restored.includes('U.S. officials'), restored);
  assert.ok(restored.includes('Mr. Jones'), restored);
  assert.ok(restored.includes('Inc. and Amnesty International objected.'), restored);
});

test('truecase: every character keeps its place, letters whose other case is longer included', () => {
  for (const text of ['İSTANBUL VE İZMİR ARASINDAKİ YOL KAPANDI DEDİ', 'DIE GROẞE STRAßE IST GESPERRT WORDEN HEUTE', 'ǅ ǈ ǋ ARE THREE DIGRAPH LETTERS IN TITLE CASE']) {
    assert.equal(restoreCase(text).length, text.length, text);
  }
});

test('annotate: an article in capitals or in lower case is read as the same article in its case', () => {
  const text = 'Nairobi, Kenya — Kenyan President William Ruto on Monday ordered the army to help flood victims in Garissa, officials said.\n"We will rebuild every bridge," Ruto told reporters.';
  const people = (t: string, restore = true) =>
    annotate(t, { publishedAt: '2025-05-12', restoreCase: restore })
      .entities.filter((e) => e.type === 'PERSON' && e.kind === 'name')
      .map((e) => e.canonical);
  const speakers = (t: string) => annotate(t, { publishedAt: '2025-05-12' }).quotes.map((q) => q.speaker?.canonical ?? null);
  assert.deepEqual([...new Set(people(text))], ['William Ruto']);
  // the record says when and how much of a text was read in restored case
  assert.equal(annotate(text).caseRestored, undefined);
  assert.deepEqual(annotate(text.toUpperCase()).caseRestored, { damage: 'shouted-lines', lines: 2 });
  assert.deepEqual(annotate(text.toLowerCase()).caseRestored, { damage: 'caseless', lines: 2 });
  assert.ok(speakers(text).includes('William Ruto'), 'the quote is Ruto\'s');
  for (const variant of [text.toUpperCase(), text.toLowerCase()]) {
    assert.deepEqual([...new Set(people(variant))], ['William Ruto'], variant);
    assert.deepEqual(speakers(variant), speakers(text), variant);
    // the offsets are the text's: each mention spans its words in the text as written
    for (const e of annotate(variant, { publishedAt: '2025-05-12' }).entities) assert.equal(variant.slice(e.start, e.end).toLowerCase(), e.text.toLowerCase());
  }
  // read as they are, the capitals are one long name and the lower case no name at all
  assert.notDeepEqual([...new Set(people(text.toUpperCase(), false))], ['William Ruto']);
  assert.deepEqual(people(text.toLowerCase(), false), []);
  assert.ok(annotate(text.toUpperCase(), { publishedAt: '2025-05-12' }).events.some((e) => e.trigger.text.toLowerCase() === 'ordered'), 'the order is coded');
});

test('the shipped case model is the one scripts/build-truecase.ts makes from ../shared', { skip: needsShared, timeout: 120_000 }, () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'truecase-')), 'truecase.txt');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-truecase.ts'], { cwd: repoRoot, env: { ...process.env, TRUECASE_OUT: out }, stdio: 'pipe' });
  assert.equal(readFileSync(out, 'utf8'), readFileSync(path.join(repoRoot, 'data', 'lexicons', 'truecase.txt'), 'utf8'));
});
