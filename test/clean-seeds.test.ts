/**
 * cleanText on the two seed documents of ../shared/seeds (read at run time, never copied).
 * The expectations are about kinds of lines (prose, the trailing run of keyword lines, the disclaimer,
 * the comment form), not a list of the seeds' lines baked into the cleaner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cleanText } from '../src/extract/clean/index.js';

const seeds = new URL('../../shared/seeds/', import.meta.url);
const SEED_SPAM = new URL('000_45bac6070f01e80f.txt', seeds);
const SEED_WIRE = new URL('001_cee28f491d62de9d.txt', seeds);
const absent = (u: URL) => !existsSync(u) && 'needs ../shared/seeds (absent)';

/** Letters and digits only: compares text modulo whitespace and punctuation repairs. */
const skeleton = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
const endsWithPunctuation = (s: string) => /[.!?…;]["'”’)\]]*$/u.test(s.trim());

/** Nothing silently dropped: every letter and digit is in the clean text or in a removal. */
function assertAccounted(source: string, r: ReturnType<typeof cleanText>) {
  const removed = r.removals.reduce((n, x) => n + skeleton(x.text).length, 0);
  assert.equal(skeleton(r.text).length + removed, skeleton(source).length);
}

function sourceLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Prose: ends like a sentence, or a short line with prose right before and after it (a subhead). */
function proseLines(lines: string[]): string[] {
  return lines.filter((l, i) =>
    endsWithPunctuation(l) ||
    (i > 0 && i < lines.length - 1 && endsWithPunctuation(lines[i - 1]) && endsWithPunctuation(lines[i + 1])));
}

function assertProseKept(source: string, clean: string, expectedRemoved: (line: string) => boolean): number {
  const out = skeleton(clean);
  let checked = 0;
  for (const line of proseLines(sourceLines(source))) {
    if (expectedRemoved(line)) continue;
    assert.ok(out.includes(skeleton(line)), `prose line lost: ${line.slice(0, 80)}`);
    checked++;
  }
  return checked;
}

test('seed with a keyword tail: every tail line removed as spam, every prose line kept', { skip: absent(SEED_SPAM) }, () => {
  const source = readFileSync(SEED_SPAM, 'utf8');
  const r = cleanText(source);
  const lines = sourceLines(source);
  // The trailing run of short lines without sentence punctuation.
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= 0 && !endsWithPunctuation(lines[i]) && lines[i].split(/\s+/).length <= 6; i--) {
    tail.unshift(lines[i]);
  }
  assert.ok(tail.length >= 3, 'the seed is expected to end in a keyword tail');
  for (const line of tail) {
    const removal = r.removals.find((x) => x.text.trim() === line);
    assert.ok(removal, `keyword line kept: ${line}`);
    assert.equal(removal.reason, 'spam-keywords', line);
    assert.ok(!r.text.includes(line), `keyword line still in text: ${line}`);
  }
  const checked = assertProseKept(source, r.text, () => false);
  assertAccounted(source, r);
  assert.ok(checked >= 20, 'checked >= 20');
  // Subheads between prose paragraphs are kept.
  const subheads = lines.filter((l, i) => !endsWithPunctuation(l) && i > 0 && i < lines.length - 1 &&
    endsWithPunctuation(lines[i - 1]) && endsWithPunctuation(lines[i + 1]));
  assert.ok(subheads.length >= 2, 'subheads.length >= 2');
  for (const s of subheads) assert.ok(r.text.includes(s), `subhead lost: ${s}`);
  // Nothing but spam was removed, and the removals sit at the end of the clean text.
  assert.deepEqual([...new Set(r.removals.map((x) => x.reason))], ['spam-keywords']);
  for (const x of r.removals) assert.equal(x.at, r.text.length);
  // A dateline without an outlet: "Place, Region –".
  assert.ok(r.dateline, 'r.dateline');
  assert.equal(r.dateline.outlet, null);
  assert.ok(source.startsWith(r.dateline.text), 'source.startsWith(r.dateline.text)');
});

test('seed with a disclaimer and a comment form: removed with their reasons, prose kept, wire dateline parsed', { skip: absent(SEED_WIRE) }, () => {
  const source = readFileSync(SEED_WIRE, 'utf8');
  const r = cleanText(source);
  const byReason = (reason: string) => r.removals.filter((x) => x.reason === reason).map((x) => x.text.trim());
  const disclaimers = byReason('disclaimer');
  assert.equal(disclaimers.length, 1);
  assert.match(disclaimers[0], /^Disclaimer/);
  const form = byReason('comment-form');
  assert.ok(form.some((t) => t === 'Leave a Reply'), "form.some((t) => t === 'Leave a Reply')");
  assert.ok(form.some((t) => t.startsWith('Your email address will not be published')), "form.some((t) => t.startsWith('Your email address will not be published'))");
  assert.equal(r.removals.length, 3, JSON.stringify(r.removals));
  assert.ok(!/Leave a Reply|Disclaimer|Required fields/.test(r.text), '!/Leave a Reply|Disclaimer|Required fields/.test(r.text)');

  assertAccounted(source, r);
  const isBoilerplate = (l: string) => /^(Disclaimer|Leave a Reply|Your email address)/.test(l);
  assert.ok(assertProseKept(source, r.text, isBoilerplate) >= 25, 'assertProseKept(source, r.text, isBoilerplate) >= 25');
  // The title line is kept (no title given), as the first paragraph.
  assert.ok(r.text.startsWith(sourceLines(source)[0]), 'r.text.startsWith(sourceLines(source)[0])');

  // "UkraineIn exchange" repaired and recorded.
  assert.ok(!r.text.includes('UkraineIn'), "!r.text.includes('UkraineIn')");
  const repair = r.repairs.find((x) => x.kind === 'run-together' && x.before.includes('UkraineIn'));
  assert.ok(repair, 'run-together repair recorded');
  assert.equal(r.text.slice(repair.at, repair.at + repair.after.length), repair.after);

  assert.deepEqual(r.dateline && { place: r.dateline.place, outlet: r.dateline.outlet }, {
    place: 'SEOUL, South Korea',
    outlet: 'AP',
  });
  assert.ok(r.text.includes(r.dateline!.text), 'the dateline stays in the text');
});

test('seed title given as opts.title is set aside as title-repeat', { skip: absent(SEED_WIRE) }, () => {
  const source = readFileSync(SEED_WIRE, 'utf8');
  const title = sourceLines(source)[0];
  const r = cleanText(source, { title });
  const removal = r.removals.find((x) => x.reason === 'title-repeat');
  assert.ok(removal, 'removal');
  assert.equal(removal.text, title);
  assert.equal(removal.at, 0);
  assert.ok(!r.text.startsWith(title), '!r.text.startsWith(title)');
});
