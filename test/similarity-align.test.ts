import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { align, coverage } from '../src/similarity/align.js';
import { matchSentences } from '../src/similarity/sentences.js';
import { tokenize, stemLite } from '../src/similarity/tokens.js';
import { lcsDice, lcsLength } from '../src/similarity/lcs.js';

const ORIGINAL = [
  'The city council voted on Tuesday to close the old bridge over the river for repairs that are expected to last six months.',
  'Engineers found deep cracks in two of the supporting pillars during a routine inspection last week, the council said.',
  'Drivers will have to use a detour through the northern district, adding about twenty minutes to a typical journey.',
  'Local shop owners said they feared the closure would keep customers away during the busiest season of the year.',
].join('\n\n');

test('tokenize: offsets point into the text, sentences and key tokens are found', () => {
  const text = 'Kim met Putin in Pyongyang. They signed 2 deals!\n\nNew line here';
  const t = tokenize(text);
  assert.equal(text.slice(t.offsets[0], t.offsets[1]), 'Kim');
  assert.deepEqual(t.sentenceStarts, [0, 5, 9, 12]);
  const keys = [...t.key].map((k, i) => (k ? text.slice(t.offsets[2 * i], t.offsets[2 * i + 1]) : '')).filter(Boolean);
  assert.deepEqual(keys, ['Putin', 'Pyongyang', '2']); // "Kim" opens the text: not known to be a name
  assert.equal(stemLite('talks'), 'talk');
  assert.equal(stemLite('parties'), 'party');
});

test('tokenize: a hostile run-on without spaces or stops stays fast and bounded', () => {
  const hostile = 'a'.repeat(2_000_000) + ' ' + 'word '.repeat(100_000);
  const t0 = performance.now();
  const t = tokenize(hostile);
  assert.ok(performance.now() - t0 < 3000, 'performance.now() - t0 < 3000');
  assert.equal(t.length, 100_001);
  // Pseudo-sentences keep sentence-level work bounded.
  for (let s = 0; s + 1 < t.sentenceStarts.length; s++) assert.ok(t.sentenceStarts[s + 1] - t.sentenceStarts[s] <= 80, 't.sentenceStarts[s + 1] - t.sentenceStarts[s] <= 80');
});

test('lcsDice: order matters', () => {
  const a = Uint32Array.from([1, 2, 3, 4, 5, 6]);
  assert.equal(lcsDice(a, 0, 6, a, 0, 6), 1);
  const reordered = Uint32Array.from([4, 5, 6, 1, 2, 3]);
  assert.equal(lcsDice(a, 0, 6, reordered, 0, 6), 0.5);
});

test('lcsLength: the bit-parallel rows give the length of the textbook dynamic programme, on one word and on many', () => {
  const textbook = (a: Uint32Array, b: Uint32Array): number => {
    let prev = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      const cur = [0];
      for (let j = 1; j <= b.length; j++) cur[j] = b[j - 1] === x ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      prev = cur;
    }
    return prev[b.length];
  };
  let seed = 11;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  // lengths across the 32-symbol word boundary, small alphabets (many matches), hashed symbols
  for (let t = 0; t < 3000; t++) {
    const alphabet = 1 + rand(10);
    const a = Uint32Array.from({ length: rand(90) }, () => Math.imul(rand(alphabet) + 1, 2654435761) >>> 0);
    const b = Uint32Array.from({ length: rand(110) }, () => Math.imul(rand(alphabet) + 1, 2654435761) >>> 0);
    assert.equal(lcsLength(a, 0, a.length, b, 0, b.length), textbook(a, b), `case ${t}: |a| ${a.length}, |b| ${b.length}`);
    if (a.length > 3 && b.length > 3) assert.equal(lcsLength(a, 1, a.length - 2, b, 2, b.length - 1), textbook(a.subarray(1, a.length - 2), b.subarray(2, b.length - 1)), `case ${t} with offsets`);
  }
});

test('align: a reused paragraph inside other text is found with offsets in both texts', () => {
  const b = 'Traffic news. ' + 'A different story about weather and rain falling on the hills all day long.\n\n' + ORIGINAL.split('\n\n')[1] + '\n\nSomething else entirely about a football match that ended in a draw.';
  const passages = align(ORIGINAL, b);
  assert.equal(passages.length, 1);
  const p = passages[0];
  assert.match(ORIGINAL.slice(p.aStart, p.aEnd), /^Engineers found deep cracks.*the council said$/);
  assert.match(b.slice(p.bStart, p.bEnd), /^Engineers found deep cracks.*the council said$/);
  assert.equal(p.verbatim, true);
  assert.equal(p.similarity, 1);
});

test('align: tolerant of synonym swaps, a dropped sentence and run-together words', () => {
  const spun = [
    'The town council voted on Tuesday to shut the old bridge over the river for repairs that are anticipated to last six months.',
    'Motorists will have to use a detour through the northern district, adding around twenty minutes to a typical journeyLocal shop owners stated they feared the closure would keep customers away during the busiest season of the year.',
  ].join('\n\n');
  const passages = align(ORIGINAL, spun);
  assert.ok(passages.length >= 1, 'passages.length >= 1');
  const tb = tokenize(spun);
  const cov = coverage(tb.length, passages.map((p) => [p.bTokenStart, p.bTokenEnd]));
  assert.ok(cov > 0.85, `coverage ${cov}`);
  for (const p of passages) {
    assert.equal(p.verbatim, false);
    assert.ok(p.similarity > 0.7 && p.similarity < 1, `similarity ${p.similarity}`);
  }
  // Sentence matching pairs each spun sentence with its source (the run-together one with two).
  const matches = matchSentences(tokenize(ORIGINAL), tb, 0.6)!;
  assert.equal(matches.length, 2);
});

test('align: unrelated texts on the same topic share no passage', () => {
  const other = [
    'The regional council approved a plan on Friday to build a new bridge across the bay, at a cost of four million dollars.',
    'Construction is due to start next spring and the work will take two years, officials said.',
  ].join('\n\n');
  assert.deepEqual(align(ORIGINAL, other), []);
});

const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seedA = seedDir + '000_45bac6070f01e80f.txt';
const seedB = seedDir + '001_cee28f491d62de9d.txt';

test('seeds: alignment finds the shared gifts, think-tank and psychological-warfare passages', { skip: !(existsSync(seedA) && existsSync(seedB)) && 'needs ../shared (absent)' }, () => {
  const a = readFileSync(seedA, 'utf8');
  const b = readFileSync(seedB, 'utf8');
  const passages = align(a, b);
  const found = (needle: RegExp) =>
    passages.some((p) => needle.test(a.slice(p.aStart, p.aEnd).toLowerCase()) && needle.test(b.slice(p.bStart, p.bEnd).toLowerCase()));
  assert.ok(found(/gifts/), 'gifts passage');
  assert.ok(found(/think tank/), 'think-tank passage');
  assert.ok(found(/psychological warfare/), 'psychological-warfare passage');
  for (const p of passages) {
    assert.ok(p.aStart < p.aEnd && p.aEnd <= a.length && p.bStart < p.bEnd && p.bEnd <= b.length, 'p.aStart < p.aEnd && p.aEnd <= a.length && p.bStart < p.bEnd && p.bEnd <= b.length');
  }
});
