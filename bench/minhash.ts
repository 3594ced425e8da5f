/** Shingling + MinHash throughput on generated 5-KB texts (one core). Run: node --import tsx bench/minhash.ts */
import { wordShingles } from '../src/similarity/shingles.js';
import { lshBandKeys, minhashSignature } from '../src/similarity/minhash.js';
import { mulberry32 } from '../src/similarity/hash.js';

const rand = mulberry32(9);
const vocab = Array.from({ length: 20000 }, (_, i) => i.toString(36) + 'ab'.repeat(1 + (i % 3)));
const texts: string[] = [];
for (let i = 0; i < 2000; i++) {
  const words: string[] = [];
  let len = 0;
  while (len < 5000) {
    const w = vocab[Math.floor(rand() * vocab.length)];
    words.push(w);
    len += w.length + 1;
  }
  texts.push(words.join(' '));
}
for (const t of texts.slice(0, 100)) minhashSignature(wordShingles(t)); // warm up
let t0 = performance.now();
const shingled = texts.map((t) => wordShingles(t));
const tShingle = performance.now() - t0;
t0 = performance.now();
for (const s of shingled) lshBandKeys(minhashSignature(s), 32);
const tSig = performance.now() - t0;
const perSec = (texts.length / (tShingle + tSig)) * 1000;
console.log(`texts: ${texts.length} x ~5 KB`);
console.log(`shingling: ${((texts.length / tShingle) * 1000).toFixed(0)} texts/s`);
console.log(`signature (128 perm) + 32 band keys: ${((texts.length / tSig) * 1000).toFixed(0)} texts/s`);
console.log(`shingle + signature: ${perSec.toFixed(0)} texts/s (${((perSec * 5000) / 1e6).toFixed(1)} MB/s)`);
