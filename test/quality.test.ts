/**
 * Quality signals and language detection, on hand-written text and (when present) the seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cleanText } from '../src/extract/clean/index.js';
import { garbleCounts, qualitySignals, splitSentences, stuffingEvidence } from '../src/extract/quality.js';
import { detectLanguage, normaliseLanguageTag } from '../src/extract/language.js';

const CLEAN = [
  'The city council voted on Tuesday to expand the harbour ferry service. Two routes will link the northern suburbs with the old town.',
  'Council members said the expansion would cost about 40 million euros over five years, most of it paid by a regional transport fund. Mr. Berg, the U.S.-trained engineer who leads the project, said work would start in May.',
  '\u201cIs it worth it?\u201d she asked. The mayor said it was, and that the city would review the plan in The Hague next year with help from The Associated Press archive.',
  'Ferry operators welcomed the decision but warned that crews would need months of training. The iPhone app for tickets will be updated, as will the eBay store of the ferry museum.',
].join('\n\n');

const GARBLED = [
  'The council agreed a plan on Tuesday The plan adds two routes to the harbour. Details of the cost It was not clear who would pay.',
  'Officials praised the deal. for their voters. the routes will open in May, officials said. Concerns On a possible strike remain.',
  'Work on the ferries begins in HamburgThe operators said crews would be trained.',
].join('\n\n');

function signals(text: string) {
  const clean = cleanText(text);
  return qualitySignals({ original: text, clean });
}

test('all scores are in [0, 1]; counts describe the clean text', () => {
  for (const text of [CLEAN, GARBLED, '', 'x', '\u2014\n\n* * *']) {
    const q = signals(text);
    for (const k of ['spamScore', 'garbleScore', 'removedShare'] as const) {
      assert.ok(q[k] >= 0 && q[k] <= 1, `${k}=${q[k]} for ${JSON.stringify(text.slice(0, 20))}`);
    }
  }
  const q = signals(CLEAN);
  assert.equal(q.paragraphs, 4);
  assert.equal(q.chars, cleanText(CLEAN).text.length);
  assert.equal(q.words, CLEAN.split(/\s+/).length);
});

test('clean prose has no garble; garbled prose scores high with its counts', () => {
  const clean = signals(CLEAN);
  assert.equal(clean.brokenSentenceStarts, 0);
  assert.equal(clean.runTogetherWords, 0);
  assert.equal(clean.garbleScore, 0);
  const bad = signals(GARBLED);
  // "Tuesday The plan", "cost It was", "deal. for", "voters. the", "Concerns On a"
  assert.equal(bad.brokenSentenceStarts, 5);
  assert.equal(bad.runTogetherWords, 1); // "HamburgThe", repaired by cleaning and still counted
  assert.ok(bad.garbleScore > 0.5, String(bad.garbleScore));
});

test('a text typed without capitals is not garbled for it; its own broken sentences still are', () => {
  const lower = signals(CLEAN.toLowerCase());
  assert.equal(lower.brokenSentenceStarts, 0, 'every sentence opens in lower case: that is how it was typed');
  assert.equal(lower.garbleScore, 0);
  // one lower-case paragraph in a text with capitals is still a broken start
  assert.equal(signals(`${CLEAN}\n\nthe routes will open in may, officials said.`).brokenSentenceStarts, 1);
});

test('spinner artefacts and content-word joins are garble, counted but never repaired', () => {
  const base = 'The Lisbon office opened in May. Overseas visitors came. The council said it was pleased with the work.';
  const spun = signals(base + ' The mayor said {that a} new route would follow. The plan was approved in LisbonOverseas visitors applauded.');
  assert.equal(spun.runTogetherWords, 1);
  assert.ok(spun.garbleScore >= 0.6, String(spun.garbleScore));
  const r = cleanText(base + ' Talks in LisbonOverseas went well.');
  assert.ok(r.text.includes('LisbonOverseas'), 'content-word joins are not split');
  // A name written the same way twice is not a join.
  assert.equal(signals(base + ' ExxonMobil said so. ExxonMobil agreed. Exxon and Mobil merged.').runTogetherWords, 0);
});

test('sentence splitting keeps abbreviations, initials and said-clauses together', () => {
  assert.deepEqual(splitSentences('Mr. Berg met J. Smith in the U.S. on Monday. They talked.'), [
    'Mr. Berg met J. Smith in the U.S. on Monday.',
    'They talked.',
  ]);
  assert.deepEqual(splitSentences('\u201cReally?\u201d she asked. Yes.'), ['\u201cReally?\u201d she asked.', 'Yes.']);
});

test('spam score: removed keyword lines and keyword stuffing raise it; a clean page scores 0', () => {
  assert.equal(signals(CLEAN).spamScore, 0);
  const withTail = signals(CLEAN + '\n\ncheap flights deals\n\nfree movie download hd\n\nlottery results today');
  assert.ok(withTail.spamScore >= 0.15, String(withTail.spamScore));
  assert.ok(withTail.removedShare > 0 && withTail.removedShare < 0.2, 'withTail.removedShare > 0 && withTail.removedShare < 0.2');
  const stuffed = Array.from({ length: 40 }, (_, i) =>
    `Best cheap insurance quotes here, insurance for you and insurance for all number ${i}.`).join(' ');
  assert.ok(stuffingEvidence(stuffed) > 0.9, 'stuffingEvidence(stuffed) > 0.9');
  assert.ok(signals(stuffed).spamScore >= 0.45, 'signals(stuffed).spamScore >= 0.45');
  assert.equal(stuffingEvidence(CLEAN), 0);
});

const seeds = new URL('../../shared/seeds/', import.meta.url);
test('seeds: the spam-tailed and the garbled seed score worse than clean prose', { skip: !existsSync(seeds) && 'needs ../shared/seeds (absent)' }, () => {
  const a = readFileSync(new URL('000_45bac6070f01e80f.txt', seeds), 'utf8');
  const b = readFileSync(new URL('001_cee28f491d62de9d.txt', seeds), 'utf8');
  const qa = qualitySignals({ original: a, clean: cleanText(a) });
  const qb = qualitySignals({ original: b, clean: cleanText(b) });
  assert.ok(qa.spamScore > 0.1, `spam ${qa.spamScore}`);
  assert.ok(qa.brokenSentenceStarts >= 4, `broken ${qa.brokenSentenceStarts}`);
  assert.ok(qb.brokenSentenceStarts >= 3, `broken ${qb.brokenSentenceStarts}`);
  assert.ok(qb.runTogetherWords >= 1, 'qb.runTogetherWords >= 1');
  for (const q of [qa, qb]) assert.ok(q.garbleScore > 0.2, `garble ${q.garbleScore}`);
  assert.ok(garbleCounts(cleanText(b)).sentences > 30, 'garbleCounts(cleanText(b)).sentences > 30');
});

test('language: detected, declared, and too short to tell', () => {
  const en = CLEAN;
  const es = 'El ayuntamiento aprob\u00f3 el martes ampliar el servicio de transbordadores del puerto, con dos rutas nuevas que unir\u00e1n los barrios del norte con el casco antiguo de la ciudad.';
  const de = 'Der Stadtrat hat am Dienstag beschlossen, den F\u00e4hrdienst im Hafen auszubauen. Zwei neue Linien sollen die n\u00f6rdlichen Vororte mit der Altstadt verbinden.';
  assert.deepEqual(detectLanguage(en), { language: 'en', source: 'detected' });
  assert.deepEqual(detectLanguage(es), { language: 'es', source: 'detected' });
  assert.deepEqual(detectLanguage(de, 'de-DE'), { language: 'de', source: 'html-lang' });
  // A template's lang="en" on a German page: detection wins on enough text.
  assert.deepEqual(detectLanguage(de + ' ' + de, 'en'), { language: 'de', source: 'detected' });
  // Too short: the declaration, or null.
  assert.deepEqual(detectLanguage('Ferry plan', 'fr'), { language: 'fr', source: 'html-lang' });
  assert.deepEqual(detectLanguage('Ferry plan'), { language: null, source: 'detected' });
  // a short English paragraph that trigrams take for another language: its function words say English
  const short = 'Harbour pilot Oskar Vellinga said on Tuesday that pilots in Brenford would strike for two days over pay. Vellinga said talks had failed.';
  assert.deepEqual(detectLanguage(short), { language: 'en', source: 'detected' });
  assert.equal(normaliseLanguageTag('en_GB'), 'en');
  assert.equal(normaliseLanguageTag('deu'), 'de');
  assert.equal(normaliseLanguageTag('??'), null);
});
