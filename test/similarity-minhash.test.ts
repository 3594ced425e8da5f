import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactJaccard, normalizeForHash, wordShingles } from '../src/similarity/shingles.js';
import { bandsFor, candidateProbability, estimateJaccard, lshBandKeys, minhashSignature } from '../src/similarity/minhash.js';
import { mulberry32 } from '../src/similarity/hash.js';

function randomText(rand: () => number, words: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(`w${Math.floor(rand() * 5000)}`);
  return out;
}

test('normalizeForHash folds case, width, punctuation and spacing', () => {
  assert.equal(normalizeForHash('  Hello,   WORLD!!  “Quoted” —  text\n\nend. '), 'hello world quoted text end');
  assert.equal(normalizeForHash('ＦＵＬＬ width'), 'full width');
  assert.equal(normalizeForHash('Ünïcödé café'), 'ünïcödé café');
  assert.equal(normalizeForHash('!!!'), '');
  assert.notEqual(normalizeForHash('a b'), normalizeForHash('ab'));
});

test('wordShingles: a sorted set, punctuation-insensitive, short texts still shingle', () => {
  const a = wordShingles('The cat sat on the mat, and the dog sat too.', 3);
  const b = wordShingles('the CAT sat -- on the mat and the dog sat too', 3);
  assert.deepEqual(a, b);
  for (let i = 1; i < a.length; i++) assert.ok(a[i - 1] < a[i], 'a[i - 1] < a[i]');
  assert.equal(wordShingles('two words', 5).length, 1);
  assert.equal(wordShingles('', 5).length, 0);
  assert.notDeepEqual(wordShingles('a b c d e', 5), wordShingles('a b c d f', 5));
});

test('identical texts give identical signatures; different seeds differ', () => {
  const t = randomText(mulberry32(1), 400).join(' ');
  const s1 = minhashSignature(wordShingles(t));
  const s2 = minhashSignature(wordShingles(t.toUpperCase()));
  assert.deepEqual(s1, s2);
  assert.equal(estimateJaccard(s1, s2), 1);
  assert.notDeepEqual(minhashSignature(wordShingles(t), 128, 7), s1);
});

test('MinHash estimates are within 0.1 of the true Jaccard on generated texts', () => {
  const rand = mulberry32(42);
  let worst = 0;
  for (let trial = 0; trial < 40; trial++) {
    const base = randomText(rand, 300 + Math.floor(rand() * 700));
    // Mutate a random share of words: from near-identical to barely related.
    const rate = rand() * 0.3;
    const other = base.map((w) => (rand() < rate ? `x${Math.floor(rand() * 5000)}` : w));
    const sa = wordShingles(base.join(' '));
    const sb = wordShingles(other.join(' '));
    const truth = exactJaccard(sa, sb);
    const est = estimateJaccard(minhashSignature(sa), minhashSignature(sb));
    worst = Math.max(worst, Math.abs(truth - est));
  }
  assert.ok(worst <= 0.1, `worst error ${worst}`);
});

test('LSH band keys: identical signatures share all keys, unrelated ones (almost) none', () => {
  const rand = mulberry32(3);
  const a = minhashSignature(wordShingles(randomText(rand, 500).join(' ')));
  const b = minhashSignature(wordShingles(randomText(rand, 500).join(' ')));
  const ka = lshBandKeys(a, 32);
  assert.equal(ka.length, 32);
  assert.deepEqual(lshBandKeys(a, 32), ka);
  const kb = new Set(lshBandKeys(b, 32));
  assert.equal(ka.filter((k) => kb.has(k)).length, 0);
  // Equal rows in different bands must not collide: a constant signature has 32 distinct keys.
  assert.equal(new Set(lshBandKeys(new Uint32Array(128).fill(7), 32)).size, 32);
});

test('bandsFor puts the S-curve midpoint near the threshold', () => {
  for (const t of [0.5, 0.8]) {
    const { bands, rows } = bandsFor(t, 128);
    assert.ok(bands * rows <= 128, 'bands * rows <= 128');
    assert.ok(candidateProbability(t + 0.15, bands, rows) > 0.8, `t=${t} b=${bands} r=${rows}`);
    assert.ok(candidateProbability(t - 0.25, bands, rows) < 0.3, `t=${t} b=${bands} r=${rows}`);
  }
});
