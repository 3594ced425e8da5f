import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deriveRelation, syndicationCredit, wireCredit, type RelateDoc } from '../src/stories/derive.js';
import { Relater } from '../src/stories/relate.js';
import { relateCorpus } from '../src/stories/relate-corpus.js';
import type { RelatableArticle } from '../src/stories/store-port.js';
import { StoryClusterer } from '../src/stories/cluster.js';
import { tokenize } from '../src/similarity/tokens.js';
import { generateCorpus } from '../bench/gen/corpus.js';
import { clusterScores } from '../bench/gen/metrics.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 4, 1, 8);

const QUAKE = [
  'A strong earthquake struck the mountain town of Velmora on Monday, killing at least 14 people and damaging hundreds of homes.',
  'The quake had a magnitude of 6.1 and was centred about 20 kilometres north of Velmora, the national seismic institute said.',
  'Rescue teams worked through the night to pull survivors from the rubble of collapsed buildings in the old quarter.',
  'Governor Lina Marest declared a state of emergency and promised help for families who lost their homes.',
  'Hospitals in the region said they were overwhelmed and asked residents to donate blood.',
  'Several aftershocks shook the area on Monday evening, sending frightened residents into the streets.',
].join('\n\n');

/** A machine-spun version: synonyms swapped, one sentence dropped, two run together. */
const QUAKE_SPUN = [
  'A powerful earthquake hit the mountain town of Velmora on Monday, leaving at least 14 individuals dead and damaging hundreds of houses.',
  'The quake had a magnitude of 6.1 and was centred around 20 kilometres north of Velmora, the national seismic institute stated.',
  'Governor Lina Marest declared a state of emergency and vowed assistance for households who lost their homesHospitals in the region stated they were overwhelmed and asked residents to donate blood.',
  'Numerous aftershocks shook the region on Monday evening, sending frightened residents into the streets.',
].join('\n\n');

/** Same kind of event, another place, another date: a hard negative. */
const OTHER_QUAKE = [
  'A strong earthquake struck the coastal city of Dranport on Thursday, killing at least 3 people and damaging dozens of homes.',
  'The quake had a magnitude of 5.4 and was centred about 40 kilometres off the coast, the national seismic institute said.',
  'Rescue teams worked through the night to pull survivors from the rubble of a collapsed hotel near the harbour.',
  'Mayor Oren Kadis declared a state of emergency and promised help for families who lost their homes.',
  'Schools in Dranport will stay closed until engineers have inspected every building.',
].join('\n\n');

const doc = (id: string, text: string, publishedAt: number | null, outlet: string | null = null): RelateDoc => ({ id, text, publishedAt, outlet });

test('wireCredit reads the credit of a wire dateline, nothing else', () => {
  assert.equal(wireCredit('SEOUL, South Korea (AP) — Russian President ...'), 'AP');
  assert.equal(wireCredit('LONDON (Reuters) - Shares fell ...'), 'Reuters');
  assert.equal(wireCredit('The company (which was founded in 1990) said ...'), null);
  assert.equal(wireCredit('x'.repeat(300) + ' (AP) — late'), null);
});

test('a spun copy is found under paraphrase, with direction from time and evidence passages', () => {
  const a = doc('a', QUAKE, T0);
  const b = doc('b', QUAKE_SPUN, T0 + 5 * H);
  const d = deriveRelation(a, tokenize(a.text), b, tokenize(b.text));
  assert.ok(d, 'derivation found');
  assert.equal(d.derived, 'b');
  assert.equal(d.source, 'a');
  assert.equal(d.kind, 'spin-of');
  assert.equal(d.direction, 'time');
  assert.ok(d.coverage >= 0.8 && d.similarity < 0.98, JSON.stringify({ c: d.coverage, s: d.similarity }));
  assert.ok(d.passages.length > 0, 'd.passages.length > 0');
  for (const p of d.passages) assert.ok(QUAKE.slice(p.aStart, p.aEnd).length > 0 && QUAKE_SPUN.slice(p.bStart, p.bEnd).length > 0, 'QUAKE.slice(p.aStart, p.aEnd).length > 0 && QUAKE_SPUN.slice(p.bStart, p.bEnd).length > 0');
  // Swapping the arguments gives the same answer.
  const back = deriveRelation(b, tokenize(b.text), a, tokenize(a.text));
  assert.equal(back?.derived, 'b');
});

test('a verbatim copy is copy-of; without times, the wire credit and then containment decide', () => {
  const wire = doc('w', 'VELMORA (Quill Wire) — ' + QUAKE, null, 'Quill Wire');
  const copy = doc('c', 'VELMORA (Quill Wire) — ' + QUAKE + '\n\nSubscribe to our newsletter for more news.', null, 'Daily Lantern');
  const d = deriveRelation(copy, tokenize(copy.text), wire, tokenize(wire.text));
  assert.equal(d?.kind, 'copy-of');
  assert.equal(d?.derived, 'c');
  assert.equal(d?.direction, 'wire-credit');
  // A cut copy (first four paragraphs) is contained in its source.
  const cut = doc('x', QUAKE.split('\n\n').slice(0, 4).join('\n\n'), null);
  const full = doc('y', QUAKE, null);
  const e = deriveRelation(cut, tokenize(cut.text), full, tokenize(full.text));
  assert.equal(e?.derived, 'x');
  assert.equal(e?.direction, 'containment');
});

test('syndicationCredit reads the outlet a copy credits in its closing line; a date, prose and "reprinted on" (where it was copied to) name none', () => {
  assert.equal(syndicationCredit(QUAKE + '\n\nThis article was originally published by Harbour Daily. Read the original article.'), 'Harbour Daily');
  assert.equal(syndicationCredit(QUAKE + '\n\nThe post Quake kills 14 in Velmora appeared first on Velmora Courier.'), 'Velmora Courier');
  assert.equal(syndicationCredit(QUAKE + '\n\nThis article is republished from The Lantern under a Creative Commons license.'), 'The Lantern');
  assert.equal(syndicationCredit(QUAKE + '\n\nOriginally published on lantern-news.example.'), 'lantern-news.example');
  assert.equal(syndicationCredit(QUAKE + '\n\nOriginally published in March 2022. Last updated on May 2, 2024.'), null);
  assert.equal(syndicationCredit(QUAKE + '\n\nThis article was reprinted on Wired.com.'), null);
  assert.equal(syndicationCredit(QUAKE + '\n\nCases first appeared in West Velmora at the end of August.'), null);
  assert.equal(syndicationCredit(QUAKE), null);
});

test('without times, a copy whose closing line credits the other article\'s outlet derives from it', () => {
  const original = doc('a', QUAKE, null, 'Harbour Daily');
  const copy = doc('b', QUAKE + '\n\nThis article was originally published by Harbour Daily.', null, 'Quake News Now');
  for (const [x, y] of [[original, copy], [copy, original]]) {
    const d = deriveRelation(x, tokenize(x.text), y, tokenize(y.text));
    assert.equal(d?.derived, 'b', JSON.stringify(d && { derived: d.derived, direction: d.direction }));
    assert.equal(d?.direction, 'wire-credit');
  }
});

test('relating a corpus reads the credit of a feed footer that cleaning removed ("The post … appeared first on X")', async () => {
  const article = (id: string, outlet: string, removals: RelatableArticle['removals']): RelatableArticle => ({
    id, text: QUAKE, title: 'Earthquake kills 14 in Velmora', publishedAt: null, outlet, dateline: null, origins: [], removals,
  });
  // ingest order and ids put the copy first: only the credit tells the direction
  const articles = [
    article('a-copy', 'Quake News Now', [{ text: 'The post Earthquake kills 14 in Velmora appeared first on Harbour Daily.' }]),
    article('b-original', 'Harbour Daily', []),
  ];
  const port = {
    articleIds: () => articles.map((a) => a.id),
    getArticle: (id: string) => articles.find((a) => a.id === id) ?? null,
    listArticles: () => articles.map((a) => ({ id: a.id, publishedAt: a.publishedAt })),
    duplicates: () => [],
  };
  const { derivations } = await relateCorpus(port);
  const d = derivations.find((x) => x.derived === 'a-copy');
  assert.equal(d?.source, 'b-original', JSON.stringify(derivations.map((x) => [x.derived, x.source, x.direction])));
  assert.equal(d?.direction, 'wire-credit');
});

test('a same-topic article about a different event is neither a copy nor in the same story', () => {
  const a = doc('a', QUAKE, T0);
  const c = doc('c', OTHER_QUAKE, T0 + 72 * H);
  assert.equal(deriveRelation(a, tokenize(a.text), c, tokenize(c.text)), null);
  const relater = new Relater();
  const ra = relater.add({ ...a, title: 'Earthquake kills 14 in Velmora' });
  const rb = relater.add({ ...doc('b', QUAKE_SPUN, T0 + 5 * H), title: 'Powerful quake hits Velmora' });
  const rc = relater.add({ ...c, title: 'Earthquake kills 3 in Dranport' });
  assert.equal(rb.derivedFrom?.source, 'a');
  assert.equal(rb.placement.storyId, ra.placement.storyId);
  assert.equal(rc.derivedFrom, null);
  assert.notEqual(rc.placement.storyId, ra.placement.storyId);
});

test('a later article joins the right story among several; a return a month later is a new story', () => {
  const c = new StoryClusterer();
  const bridge = c.add({ id: 'b1', title: 'Council closes Harlow bridge for repairs', text: 'The Harlow city council closed the Kestrel bridge on Tuesday after engineers found cracks in two pillars. Repairs will take six months.', publishedAt: T0 });
  const quake = c.add({ id: 'q1', title: 'Earthquake kills 14 in Velmora', text: QUAKE, publishedAt: T0 + H });
  const strike = c.add({ id: 's1', title: 'Dockers strike at Port Amsel', text: 'Dock workers at Port Amsel walked out on Tuesday demanding higher pay. The Amsel Harbour Union said talks had failed.', publishedAt: T0 + 2 * H });
  assert.equal(new Set([bridge.storyId, quake.storyId, strike.storyId]).size, 3);
  const later = c.add({ id: 'q2', title: 'Velmora quake toll rises to 20 as Governor Marest visits', text: 'The death toll from the Velmora earthquake rose to 20 on Tuesday. Governor Lina Marest visited the collapsed buildings of the old quarter.', publishedAt: T0 + 30 * H });
  assert.equal(later.storyId, quake.storyId);
  assert.equal(later.how, 'joined');
  const month = c.add({ id: 'q3', title: 'Earthquake kills 14 in Velmora', text: QUAKE, publishedAt: T0 + 40 * 24 * H });
  assert.notEqual(month.storyId, quake.storyId);
  const closed = c.closeAll();
  const story = closed.find((s) => s.id === quake.storyId)!;
  assert.deepEqual(story.articles, ['q1', 'q2']);
  assert.ok(story.label.includes('Velmora'), "story.label.includes('Velmora')");
  assert.equal(story.end - story.start, 29 * H);
});

/** One day of a headline feed (no bodies): two events, a third item on another topic, and a late return. */
const HEADLINES: Array<[string, string, number]> = [
  ['a1', 'Apple to buy Beats Electronics for $3 billion', 0],
  ['b1', 'Magnitude 6.1 earthquake strikes central Chile', 1],
  ['a2', 'Apple confirms $3 billion deal for Beats', 2],
  ['b2', 'Strong earthquake shakes central Chile, no damage reported', 3],
  ['c1', 'Apple unveils new MacBook Air with faster chips', 6],
  ['a3', 'Apple Beats deal: what it means for music streaming', 50],
];

test('headlines without bodies are clustered in headline mode: stories of one day, closed after a day; with bodies the window stays', () => {
  const run = (body: (title: string) => string, restoreAt = -1) => {
    let c = new StoryClusterer();
    const placed = new Map<string, string>();
    HEADLINES.forEach(([id, title, hours], i) => {
      if (i === restoreAt) c = new StoryClusterer({}, JSON.parse(JSON.stringify(c.toJSON())));
      placed.set(id, c.add({ id, title, text: body(title), publishedAt: T0 + hours * H }).storyId);
    });
    return placed;
  };
  const headlines = run(() => '');
  assert.equal(headlines.get('a2'), headlines.get('a1'), 'two headlines of the takeover are one story');
  assert.equal(headlines.get('b2'), headlines.get('b1'), 'two headlines of the quake are one story');
  assert.equal(new Set([headlines.get('a1'), headlines.get('b1'), headlines.get('c1')]).size, 3, 'takeover, quake and launch are three stories');
  // a headline says too little to tie it to a turn of the topic two days back
  assert.notEqual(headlines.get('a3'), headlines.get('a1'), 'a headline two days later starts a new story');
  assert.deepEqual(run(() => '', 3), headlines, 'a state saved mid-stream keeps the headline stories');
  // the same items with a body of their own are articles: the five-day window holds
  const articles = run((title) => `${title}. ${title.replace(/\$3 billion/, 'three billion dollars')}, the company said on Wednesday, adding that the transaction is expected to close later this year after regulators review it.`);
  assert.equal(articles.get('a3'), articles.get('a1'), 'an article two days later joins the open story');
});

/** A heavy spin of QUAKE, as article-spinning software writes them: about half of each sentence's words swapped. */
const QUAKE_HEAVY_SPIN = [
  'A highly effective quake struck the mountain city of Velmora on Monday, killing at the very least 14 individuals and harming lots of of houses.',
  'The tremor had a size of 6.1 and was focused roughly 20 kilometres north of Velmora, the nationwide seismic institute stated.',
  'Rescue groups labored via the evening to tug survivors from the particles of collapsed structures within the previous quarter.',
  'Governor Lina Marest introduced a state of emergency and pledged assist for households that misplaced their dwellings.',
  'Hospitals within the area stated they had been overwhelmed and requested residents to donate blood.',
  'A number of aftershocks rattled the realm on Monday night, sending scared residents into the streets.',
].join('\n\n');

/** The Velmora quake told independently by another wire: its own wording, details and names. */
const QUAKE_OTHER_WIRE = [
  'VELMORA (Northwire) - The death toll from Monday\'s earthquake in the mountains of the north rose to 17 on Tuesday, with more than 200 people injured, the civil defence agency said.',
  'The 6.1 magnitude tremor hit at 4.10 p.m. (1410 GMT), about 20 km north of the town, seismologists at the Carrow Observatory said.',
  '"We have pulled nine people alive from the ruins since last night," civil defence chief Pavel Oduya told reporters in Velmora. Oduya said six people were still missing.',
  'Governor Lina Marest, touring the damaged old quarter, said the region would rebuild every home. Neighbouring Estravia offered to send a rescue team.',
].join('\n\n');

test('two independent reports of one event form one story whichever comes first; a same-kind event elsewhere stays apart', () => {
  for (const order of [
    ['a', 'w'],
    ['w', 'a'],
  ]) {
    const c = new StoryClusterer();
    const input = {
      a: { id: 'a', title: 'Earthquake kills 14 in Velmora', text: QUAKE, publishedAt: T0 },
      w: { id: 'w', title: 'Velmora quake toll rises to 17, more than 200 hurt', text: QUAKE_OTHER_WIRE, publishedAt: T0 + 20 * H },
    } as const;
    const first = c.add(input[order[0] as 'a' | 'w']);
    const second = c.add(input[order[1] as 'a' | 'w']);
    assert.equal(second.storyId, first.storyId, `order ${order.join(' then ')}: one story (score ${second.score.toFixed(3)})`);
    const other = c.add({ id: 'o', title: 'Earthquake kills 3 in Dranport', text: OTHER_QUAKE, publishedAt: T0 + 30 * H });
    assert.notEqual(other.storyId, first.storyId, `order ${order.join(' then ')}: the Dranport quake is another story`);
  }
});

test('a report set all in capitals (or typed without them) joins the story of the same event; the quake elsewhere stays apart', () => {
  for (const recase of [(t: string) => t.toUpperCase(), (t: string) => t.toLowerCase()]) {
    const c = new StoryClusterer();
    const first = c.add({ id: 'a', title: 'Earthquake kills 14 in Velmora', text: QUAKE, publishedAt: T0 });
    const wire = c.add({ id: 'w', title: recase('Velmora quake toll rises to 17, more than 200 hurt'), text: recase(QUAKE_OTHER_WIRE), publishedAt: T0 + 20 * H });
    assert.equal(wire.storyId, first.storyId, `${recase('Case')}: one story (score ${wire.score.toFixed(3)})`);
    const other = c.add({ id: 'o', title: recase('Earthquake kills 3 in Dranport'), text: recase(OTHER_QUAKE), publishedAt: T0 + 30 * H });
    assert.notEqual(other.storyId, first.storyId, `${recase('Case')}: the Dranport quake is another story`);
  }
});

test('a heavy spin (half of each sentence reworded) is still a spin of its original; an independent report is not', () => {
  const a = doc('a', QUAKE, null);
  const spun = doc('s', QUAKE_HEAVY_SPIN, null);
  const wire = doc('w', QUAKE_OTHER_WIRE, null);
  const d = deriveRelation(a, tokenize(a.text), spun, tokenize(spun.text));
  assert.equal(d?.derived, 's', `spin found: ${JSON.stringify(d && { coverage: d.coverage, similarity: d.similarity })}`);
  assert.equal(d?.kind, 'spin-of');
  assert.ok(d!.similarity < 0.8, `a heavy spin: similarity ${d!.similarity}`);
  const strict = deriveRelation(a, tokenize(a.text), spun, tokenize(spun.text), { looseSentenceSimilarity: 0.6 });
  assert.equal(strict, null, 'at the strict sentence similarity alone it would be missed');
  assert.equal(deriveRelation(a, tokenize(a.text), wire, tokenize(wire.text)), null, 'an independent report');
  assert.equal(deriveRelation(spun, tokenize(spun.text), wire, tokenize(wire.text)), null, 'the spin and an independent report');
  // it shares few word triples with its original, so the shingle index may miss it; the story it joins finds it
  const relater = new Relater({ minCandidateContainment: 2 }); // the shingle index offers nothing
  const ra = relater.add({ ...doc('a', QUAKE, T0), title: 'Earthquake kills 14 in Velmora' });
  const rs = relater.add({ ...doc('s', QUAKE_HEAVY_SPIN, T0 + H), title: 'Highly effective quake kills 14 in Velmora' });
  assert.equal(rs.placement.storyId, ra.placement.storyId, 'the spin joins its original by its words');
  assert.equal(rs.derivedFrom?.source, 'a', 'and is found a spin of it among the story members');
  assert.equal(relater.closeAll()[0].label, 'Earthquake kills 14 in Velmora');
});

test('an original read after its spin brings the spin to the story it belongs to, and labels it', () => {
  const relater = new Relater();
  const wire = relater.add({ ...doc('w', QUAKE_OTHER_WIRE, null), title: 'Velmora quake toll rises to 17, more than 200 hurt' });
  const spun = relater.add({ ...doc('s', QUAKE_SPUN, null), title: 'Highly effective quake kills 14 in Velmora' });
  const original = relater.add({ ...doc('a', QUAKE, null), title: 'Earthquake kills 14 in Velmora' });
  assert.deepEqual(original.sourceOf.map((x) => x.derived), ['s']);
  assert.equal(original.placement.storyId, wire.placement.storyId, `one story: ${JSON.stringify([wire.placement, spun.placement, original.placement])}`);
  const stories = relater.closeAll();
  assert.equal(stories.length, 1);
  assert.deepEqual([...stories[0].articles].sort(), ['a', 's', 'w']);
  assert.notEqual(stories[0].label, 'Highly effective quake kills 14 in Velmora', "a spin's title labels no story");
});

function runStream(n: number, stopAt?: number): Map<string, string> {
  let relater = new Relater();
  const out = new Map<string, string>();
  let i = 0;
  for (const a of generateCorpus({ articles: n, seed: 11 })) {
    if (stopAt !== undefined && i === stopAt) relater = new Relater({}, JSON.parse(JSON.stringify(relater.toJSON())));
    const r = relater.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet });
    out.set(a.id, `${r.derivedFrom?.source ?? '-'}|${r.derivedFrom?.kind ?? '-'}`);
    i++;
  }
  for (const s of relater.closeAll()) for (const id of s.articles) out.set(id, out.get(id) + '|' + s.id);
  return out;
}

test('re-runs are deterministic, and a state saved as JSON and restored mid-stream gives the same result', () => {
  const first = runStream(400);
  assert.deepEqual(runStream(400), first);
  assert.deepEqual(runStream(400, 200), first);
});

test('on a small generated corpus, stories and copies are recovered', () => {
  const relater = new Relater();
  const truth = new Map<string, string>();
  const predicted = new Map<string, string>();
  let copies = 0;
  let found = 0;
  for (const a of generateCorpus({ articles: 1200, seed: 5 })) {
    truth.set(a.id, a.story);
    const r = relater.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet });
    if (a.derivedFrom) {
      copies++;
      if (r.derivedFrom?.source === a.derivedFrom) found++;
    }
    for (const s of relater.closeStories()) for (const id of s.articles) predicted.set(id, s.id);
  }
  for (const s of relater.closeAll()) for (const id of s.articles) predicted.set(id, s.id);
  const { pairwise } = clusterScores(predicted, truth);
  assert.ok(pairwise.f1 > 0.9, `pairwise F1 ${pairwise.f1}`);
  assert.ok(found / copies > 0.85, `copy recall ${found / copies}`);
});

const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seedA = seedDir + '000_45bac6070f01e80f.txt';
const seedB = seedDir + '001_cee28f491d62de9d.txt';

test('seeds: the two reports (no dates) form one story', { skip: !(existsSync(seedA) && existsSync(seedB)) && 'needs ../shared (absent)' }, () => {
  const a = readFileSync(seedA, 'utf8');
  const b = readFileSync(seedB, 'utf8');
  const relater = new Relater();
  const firstLine = (t: string) => t.slice(0, t.indexOf('\n'));
  const ra = relater.add({ id: 'seed-a', title: firstLine(a), text: a, publishedAt: null });
  const rb = relater.add({ id: 'seed-b', title: firstLine(b), text: b, publishedAt: null });
  assert.equal(rb.placement.storyId, ra.placement.storyId);
  const stories = relater.closeAll();
  assert.equal(stories.length, 1);
  assert.deepEqual(stories[0].articles, ['seed-a', 'seed-b']);
});
