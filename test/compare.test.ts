/** The compare stage (src/stories/compare.ts, quantities.ts) and `parallax compare`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { annotate } from '../src/nlp/index.js';
import { tokenize } from '../src/nlp/tokens.js';
import { compareStory, type ComparableArticle } from '../src/stories/compare.js';
import { findQuantities } from '../src/stories/quantities.js';
import { figureTrend } from '../src/stories/compare-trend.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

function article(id: string, outlet: string, publishedAt: string, text: string, derivedFrom?: string): ComparableArticle {
  return { id, outlet, title: null, publishedAt, text, annotations: annotate(text, { publishedAt }), derivedFrom };
}

// Fictional coverage of one event by two outlets, plus a copy of the first by a third.
const harbor =
  'GENEVA — Norway and Kenya signed a fisheries agreement on Monday after two days of talks.\n\n' +
  'The deal sets a quota of 12,000 tonnes of tuna a year for Norwegian fleets in Kenyan waters.\n\n' +
  '“This agreement protects our fishermen and our oceans for a generation,” Norwegian Prime Minister Ingrid Solberg said.\n\n' +
  'Police arrested 40 protesters outside the conference centre.';
const valley =
  'Norway and Kenya signed a fisheries agreement on Tuesday in Geneva.\n\n' +
  'Under the deal, Norwegian fleets may catch a quota of 15,000 tonnes of tuna a year in Kenyan waters, officials said.\n\n' +
  '“This agreement protects our fishermen and our oceans for a generation,” Kenyan President Daniel Mwangi said.';

test('quantities: counted nouns, scales, currencies, percentages, tolls; years, references back and verbs are not quantities', () => {
  const text =
    'Talks lasted about two hours. Ships carried more than 11,000 shipping containers worth $5 billion, up 3 per cent and 4%. ' +
    'At least 40 killed in 1961. The two leaders met; the two shook hands; 1.5 million people marched.';
  const got = findQuantities(tokenize(text), text).map((q) => `${q.value} ${q.unit}${q.approx ? ' ~' : ''}`);
  assert.deepEqual(got, ['120 minute ~', '11000 container ~', '5000000000 USD', '3 percent', '4 percent', '40 killed ~', '1500000 people']);
  // firms, providers and companies are one count; so are nations and countries
  const kinds = 'The agency added 14 firms from 27 nations. Another outlet: it added 14 providers from 27 countries.';
  assert.deepEqual(findQuantities(tokenize(kinds), kinds).map((q) => `${q.value} ${q.unit}`), ['14 companies', '27 countries', '14 companies', '27 countries']);
});

test('compare: an event one outlet reports and another says did not happen is a polarity conflict, kept off the timeline', () => {
  const cmp = compareStory([
    article('a1', 'Harbor Times', '2025-03-05', 'Norway sent emergency aid to Kenya on Monday, officials said.\n\nThe ships left Bergen at dawn.'),
    article('b1', 'Valley Post', '2025-03-05', 'Norway has not sent emergency aid to Kenya, officials said on Tuesday.\n\nThe ships are still in Bergen.'),
    article('c1', 'Coast Daily', '2025-03-05', 'Norway reportedly sent emergency aid to Kenya on Monday.'),
  ]);
  const aid = cmp.claims.filter((c) => c.kind === 'event' && c.mentions.some((m) => m.sentenceText.includes('aid')));
  assert.equal(aid.length, 1, `one claim for the sending, its denial and the hedged report: ${aid.map((c) => c.label).join(' / ')}`);
  assert.equal(aid[0].conflict?.kind, 'polarity');
  assert.deepEqual(
    aid[0].conflict.versions.map((v) => `${v.value}: ${v.voices.join(', ')}`).sort(),
    ['asserted: Harbor Times', 'hedged: Coast Daily', 'negated: Valley Post'],
  );
  assert.deepEqual(aid[0].mentions.map((m) => m.modality), ['asserted', 'negated', 'hedged']);
  // the timeline keeps the day the event happened, with the outlets that say so, and not the denial
  const days = cmp.timeline.filter((t) => t.claim === aid[0].id);
  assert.deepEqual(days.map((t) => `${t.date} ${t.voices.join(', ')}`), ['2025-03-03 Harbor Times, Coast Daily']);
  assert.ok(!days[0].label.includes('[negated]'), days[0].label);
});

test('compare: the same denial from two outlets agrees, labelled as a denial', () => {
  const cmp = compareStory([
    article('a1', 'Harbor Times', '2025-03-05', 'Norway did not send emergency aid to Kenya.'),
    article('b1', 'Valley Post', '2025-03-05', 'Norway has not sent emergency aid to Kenya, officials said.'),
  ]);
  const aid = cmp.claims.find((c) => c.kind === 'event');
  assert.equal(aid?.coverage, 'all');
  assert.equal(aid.conflict, null);
  assert.match(aid.label, /\[negated\]$/);
  assert.equal(cmp.timeline.length, 0);
});

test('compare: shared facts, single-outlet facts, and conflicts in numbers, dates and attributions', () => {
  const cmp = compareStory([
    article('a1', 'Harbor Times', '2025-03-05', harbor),
    article('b1', 'Valley Post', '2025-03-05', valley),
  ]);
  assert.deepEqual(cmp.voices.map((v) => v.voice), ['Harbor Times', 'Valley Post']);

  const signing = cmp.claims.find((c) => c.kind === 'event' && c.mentions.some((m) => m.sentenceText.includes('signed')));
  assert.ok(signing, 'the signing is a claim');
  assert.equal(signing.coverage, 'all');
  assert.equal(signing.conflict?.kind, 'date', 'Monday (3 March) against Tuesday (4 March)');
  assert.deepEqual(signing.conflict.versions.map((v) => v.value).sort(), ['2025-03-03', '2025-03-04']);

  const quota = cmp.claims.find((c) => c.kind === 'quantity' && c.label.includes('tonnes'));
  assert.equal(quota?.conflict?.kind, 'value');
  assert.deepEqual(quota.conflict.versions.map((v) => v.value).sort(), ['12,000 tonne', '15,000 tonne']);

  const quote = cmp.claims.find((c) => c.kind === 'quote' && c.label.includes('protects our fishermen'));
  assert.equal(quote?.conflict?.kind, 'speaker');
  assert.deepEqual(quote.conflict.versions.map((v) => v.value).sort(), ['Daniel Mwangi', 'Ingrid Solberg']);

  const arrests = cmp.claims.find((c) => c.kind === 'quantity' && c.label.includes('40 protesters'));
  assert.equal(arrests?.coverage, 'one');
  assert.deepEqual(arrests.voices, ['Harbor Times']);
  assert.equal(cmp.counts.conflicts, 3);

  assert.ok(cmp.timeline.some((t) => t.date === '2025-03-03') && cmp.timeline.some((t) => t.date === '2025-03-04'), "cmp.timeline.some((t) => t.date === '2025-03-03') && cmp.timeline.some((t) => t.date === '2025-03...");
  // the lead, without its wire dateline ("GENEVA —"); start and end still point into the article
  assert.ok(cmp.summary.length > 0 && cmp.summary[0].text.startsWith('Norway and Kenya signed'), 'the summary starts from the lead');
  assert.equal(harbor.slice(cmp.summary[0].start, cmp.summary[0].end).trim(), cmp.summary[0].text);
  for (const s of cmp.summary) assert.ok(s.text.length > 0 && s.end > s.start, 's.text.length > 0 && s.end > s.start');
});

test('compare: a speaker named by surname alone, or with a title, is the same speaker; another person is a conflict', () => {
  const words = '“The treaty protects our fishing fleets for a decade,”';
  const cmp = compareStory([
    article('a', 'Harbor Times', '2025-03-05', `${words} Ingrid Solberg said on Tuesday.`),
    article('b', 'Valley Post', '2025-03-05', `${words} Solberg said on Tuesday.`),
    article('c', 'North Ledger', '2025-03-05', `${words} Minister Ingrid Solberg said on Tuesday.`),
  ]);
  const quote = cmp.claims.find((c) => c.kind === 'quote');
  assert.ok(quote, 'the quotation is one claim');
  assert.equal(quote.voices.length, 3, 'all three outlets give it');
  assert.equal(quote.conflict, null, 'Solberg and Ingrid Solberg are one speaker');
  const other = compareStory([
    article('a', 'Harbor Times', '2025-03-05', `${words} Ingrid Solberg said on Tuesday.`),
    article('b', 'Valley Post', '2025-03-05', `${words} Jonas Solberg said on Tuesday.`),
    article('c', 'North Ledger', '2025-03-05', `${words} Solberg said on Tuesday.`),
  ]);
  assert.equal(other.claims.find((c) => c.kind === 'quote')?.conflict?.kind, 'speaker', 'Ingrid and Jonas Solberg are two people');
});

test('compare: one person spelled two ways by two outlets is one speaker and one party', () => {
  const words = '“We will rebuild every power station before the winter,”';
  const cmp = compareStory([
    article('a', 'Harbor Times', '2025-03-05', `${words} Volodymyr Zelenskyy said on Tuesday. Zelenskyy accused Russia of targeting civilians.`),
    article('b', 'Valley Post', '2025-03-05', `${words} Zelenskiy said on Tuesday. Volodymyr Zelenskiy accused Russia of targeting civilians.`),
    article('c', 'North Ledger', '2025-03-05', `${words} Volodymyr Zelensky said on Tuesday. Volodymyr Zelensky accused Russia of targeting civilians.`),
  ]);
  const quote = cmp.claims.find((c) => c.kind === 'quote');
  assert.ok(quote, 'the quotation is one claim');
  assert.equal(quote.voices.length, 3, 'all three outlets give it');
  assert.equal(quote.conflict, null, 'three spellings of one name are one speaker');
  const accusation = cmp.claims.filter((c) => c.kind === 'event' && c.label.includes('ACCUSE'));
  assert.equal(accusation.length, 1, `one accusation, not one per spelling: ${accusation.map((c) => c.label).join(' | ')}`);
  assert.equal(accusation[0].voices.length, 3, 'reported by all three outlets');
});

test('compare: "moved to emergency shelters" counts the evacuated; agreeing costs with the same word at the number are one fact', () => {
  const cmp = compareStory([
    article('a', 'Harbor Times', '2025-03-05', 'Floods hit the valley on Monday. In all, 2,500 people had been moved to emergency shelters, the governor said.'),
    article('b', 'Valley Post', '2025-03-05', 'Rivers burst their banks in the valley. Officials said 2,300 residents were evacuated from low-lying streets.'),
    article('c', 'Harbor Times', '2025-03-06', 'Officials put the cost of the new bridge at about 2 billion euros.'),
    article('d', 'Valley Post', '2025-03-06', 'The bridge, which engineers estimate will cost 1.8 billion euros, opens in 2030.'),
  ]);
  const evacuated = cmp.claims.find((c) => c.kind === 'quantity' && c.mentions.some((m) => m.amount?.outcome === 'evacuated') && c.voices.length === 2);
  assert.ok(evacuated, `the two counts of the evacuated are one fact: ${cmp.claims.map((c) => c.label).join(' | ')}`);
  assert.equal(evacuated.conflict?.kind, 'value', '2,500 against 2,300');
  const cost = cmp.claims.find((c) => c.kind === 'quantity' && c.mentions.every((m) => m.amount?.unit === 'EUR') && c.voices.length === 2);
  assert.ok(cost, 'about 2 billion and 1.8 billion euros of cost are one fact');
  assert.equal(cost.conflict, null, 'within the tolerance of "about"');
  // agreeing counts of a thing only this fact counts are one fact; of people, they need shared words
  const counted = compareStory([
    article('e', 'Harbor Times', '2025-03-05', 'The regulator said the firm tracked more than 20,000 couriers after their shifts.'),
    article('f', 'Valley Post', '2025-03-05', 'The company kept the location histories of about 21,000 couriers for five years.'),
    article('g', 'Harbor Times', '2025-03-06', 'More than 20,000 people marched in the capital on Sunday.'),
    article('h', 'Valley Post', '2025-03-06', 'About 21,000 people signed a petition against the closure.'),
  ]);
  assert.equal(counted.claims.filter((c) => c.kind === 'quantity' && c.mentions[0].amount?.unit === 'courier' && c.voices.length === 2).length, 1, 'the couriers are one fact');
  assert.equal(counted.claims.filter((c) => c.kind === 'quantity' && c.mentions[0].amount?.unit === 'people' && c.voices.length === 2).length, 0, 'marchers and signatories are two');
  // "moved" with no shelter is no evacuation
  const moved = findQuantities(tokenize('About 40 staff were moved to a new office.'), 'About 40 staff were moved to a new office.');
  assert.equal(moved[0]?.outcome, undefined);
});

test('compare: agreeing outlets give no conflict; approximate values within tolerance agree; a copy is not an independent voice', () => {
  const a = 'Officials said about 2,000 people were evacuated from the valley after the floods on Sunday.';
  const b = 'Some 1,950 people were evacuated from the valley after Sunday floods, officials said.';
  const copy = a;
  const cmp = compareStory([
    article('a', 'North Ledger', '2025-06-02', a),
    article('b', 'River Daily', '2025-06-02', b),
    article('c', 'Aggregator', '2025-06-02', copy, 'a'),
  ]);
  const evac = cmp.claims.find((c) => c.kind === 'quantity' && c.label.includes('evacuated'));
  assert.ok(evac, 'evac');
  assert.equal(evac.conflict, null);
  assert.equal(evac.voices.length, 3);
  assert.equal(evac.independent, 2, 'the copy repeats, it does not confirm');
  assert.deepEqual(cmp.voices.find((v) => v.voice === 'Aggregator'), { voice: 'Aggregator', articles: ['c'], independent: false });
  // exact values that differ conflict even when close
  const exact = compareStory([
    article('a', 'North Ledger', '2025-06-02', 'The ministry said 2,000 people were evacuated from the valley.'),
    article('b', 'River Daily', '2025-06-02', 'The ministry said 1,950 people were evacuated from the valley.'),
  ]);
  assert.equal(exact.claims.find((c) => c.kind === 'quantity')?.conflict?.kind, 'value');
});

test('compare: an organisation and its spokesperson saying the same words are one source, not a conflict', () => {
  const quote = '“The outage was caused by a faulty software update that we have since withdrawn,”';
  const cmp = compareStory([
    article('a', 'North Ledger', '2025-06-02', `${quote} Telvora Group said in a statement on Monday.`),
    article('b', 'River Daily', '2025-06-02', `Telvora Group apologised on Monday. ${quote} spokeswoman Mara Keller said.`),
  ]);
  const c = cmp.claims.find((x) => x.kind === 'quote');
  assert.ok(c, 'the quotation is one claim');
  assert.equal(c.voices.length, 2);
  assert.equal(c.conflict, null);
});

test('compare: words one outlet reports as said and another as denied are a polarity conflict, whoever the speakers', () => {
  const cmp = compareStory([
    article('a', 'North Ledger', '2025-03-03', 'Transport Minister Lena Varga said the ferry operator had ignored a storm warning before the crossing.'),
    article('b', 'River Daily', '2025-03-04', 'The ferry operator denied that it had ignored a storm warning before the crossing.'),
  ]);
  const c = cmp.claims.find((x) => x.kind === 'quote');
  assert.ok(c, 'one claim for the two reports');
  assert.equal(c.conflict?.kind, 'polarity');
  assert.deepEqual(
    c.conflict.versions.map((v) => [v.value, v.voices]).sort(),
    [['denied by ferry operator', ['River Daily']], ['said by Lena Varga', ['North Ledger']]],
  );
  // a wire dateline is not part of the words reported
  const dl = annotate('VELMORA (Wire Daily) \u2014 At least 14 people died when a ferry capsized off the coast on Sunday, the coast guard said.');
  assert.ok(dl.quotes.some((q) => q.text.startsWith('At least 14 people died')), `the report starts after the dateline: ${JSON.stringify(dl.quotes.map((q) => q.text))}`);
});

test('compare: the same reported words with another number are two reports, the number a value conflict', () => {
  const cmp = compareStory([
    article('a', 'North Ledger', '2025-03-03', 'At least 14 people died when a passenger ferry capsized off the coast of Velmora on Sunday, the coast guard said.'),
    article('b', 'River Daily', '2025-03-04', 'At least 17 people died when a passenger ferry capsized off the coast of Velmora on Sunday, officials said.'),
  ]);
  const quotes = cmp.claims.filter((c) => c.kind === 'quote');
  assert.equal(quotes.length, 2, 'not one report every outlet agrees on');
  assert.ok(quotes.every((q) => q.voices.length === 1), 'each outlet its own');
  assert.equal(cmp.claims.find((c) => c.kind === 'quantity' && c.conflict)?.conflict?.kind, 'value', 'the figure is the conflict');
  // the toll goes on the timeline on the day it happened, each figure with its outlets
  assert.deepEqual(
    cmp.timeline.map((t) => [t.date, t.label, t.voices]),
    [['2025-03-02', '14 people killed', ['North Ledger']], ['2025-03-02', '17 people killed', ['River Daily']]],
  );
  // "said on Monday" is when it was reported: the toll happened on Sunday
  const reported = compareStory([article('c', 'East Post', '2025-03-04', 'Officials said on Monday that 17 people died when the ferry capsized on Sunday.')]);
  assert.deepEqual(reported.timeline.map((t) => [t.date, t.label]), [['2025-03-02', '17 people killed']]);
});

test('parallax compare on the sample corpus: a story with several outlets, text and JSON', () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.path, 'x.db');
    runCli(['ingest', join(repoRoot, 'examples', 'corpus'), '--db', db]);
    const stories = runCli(['stories', '--db', db, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const big = stories.sort((x, y) => y.articles.length - x.articles.length)[0];
    const r = runCli(['compare', big.id, '--db', db, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const cmp = JSON.parse(r.stdout);
    assert.equal(cmp.story.id, big.id);
    assert.ok(cmp.voices.length >= 2, 'cmp.voices.length >= 2');
    assert.ok(cmp.claims.some((c: { coverage: string }) => c.coverage !== 'one'), 'some fact is reported by several outlets');
    for (const c of cmp.claims) for (const m of c.mentions) assert.ok(m.sentenceText.length > 0, 'm.sentenceText.length > 0');
    const text = runCli(['compare', big.id.slice(6, 14), '--db', db]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Summary:/);
    assert.match(text.stdout, /Conflicts \(\d+\):/);
    // --evidence: under each claim, each outlet's sentence
    const withEvidence = runCli(['compare', big.id, '--db', db, '--evidence', '--limit', '2']);
    assert.equal(withEvidence.status, 0, withEvidence.stderr);
    const claim = cmp.claims.find((c: { conflict: unknown }) => c.conflict) ?? cmp.claims[0];
    const sentence = claim.mentions[0].sentenceText.replace(/\s+/g, ' ').slice(0, 60);
    assert.ok(withEvidence.stdout.includes(`${claim.mentions[0].voice}`) && withEvidence.stdout.includes(sentence), `the evidence sentence is printed: ${sentence}`);
    assert.ok(!text.stdout.includes(sentence) || text.stdout.split(sentence).length < withEvidence.stdout.split(sentence).length, 'and only with --evidence');
    assert.equal(runCli(['compare', 'nosuchstory', '--db', db]).status, 2);
  } finally {
    tmp.cleanup();
  }
});

/** The harbor/valley story with a hostile label, second outlet name and first title, for the dossier tests. */
function hostileStory(label: string, outlet: string, title: string) {
  const cmp = compareStory([article('a1', 'Harbor Times', '2025-03-05', harbor), article('b1', outlet, '2025-03-05', valley)]);
  const story = {
    id: 'story-a1',
    label,
    start: '2025-03-05',
    end: '2025-03-05',
    articles: [
      { id: 'a1', origin: null, outlet: 'Harbor Times', title, publishedAt: '2025-03-05' },
      { id: 'b1', origin: null, outlet, title: null, publishedAt: '2025-03-05' },
    ],
  };
  return { story, cmp };
}

test('dossier: Markdown sections, and article text that cannot open a tag, a link or a table cell', async () => {
  const { storyDossier, mdText } = await import('../src/export/dossier.js');
  assert.equal(mdText('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(mdText('[click](javascript:alert(1)) | cell'), '\\[click\\](javascript:alert(1)) \\| cell');
  assert.equal(mdText('# not a heading\nsecond line'), '\\# not a heading second line');
  const { story, cmp } = hostileStory('Fisheries deal <script>', 'Valley <b>Post</b>', 'Deal | signed');
  const md = storyDossier(story, cmp);
  for (const h of ['# Fisheries deal &lt;script&gt;', '## Summary', '## Where outlets disagree', '## Timeline', '## Sources']) assert.ok(md.includes(h), h);
  assert.ok(md.includes('**value**') && md.includes('**speaker**') && md.includes('**date**'), "md.includes('**value**') && md.includes('**speaker**') && md.includes('**date**')");
  assert.ok(!/<(?!!--)[a-z]/i.test(md), 'no raw tag anywhere');
  assert.ok(md.includes('Deal \\| signed'), 'a pipe in a title does not split the table row');
});

test('dossier: a fact given by fifteen outlets names ten of them and counts the rest; escaping still applies', async () => {
  const { storyDossier, voiceList, mdText } = await import('../src/export/dossier.js');
  const outlets = Array.from({ length: 15 }, (_, i) => `Outlet *${i}*`);
  assert.equal(voiceList(outlets.slice(0, 3), mdText), 'Outlet \\*0\\*, Outlet \\*1\\*, Outlet \\*2\\*');
  const text = 'Officials said 2,000 people were evacuated from the valley after the floods on Sunday.';
  const cmp = compareStory(outlets.map((o, i) => article(`a${i}`, o, '2025-06-02', text)));
  const story = {
    id: 'story-big',
    label: 'Floods',
    start: '2025-06-02',
    end: '2025-06-02',
    articles: outlets.map((outlet, i) => ({ id: `a${i}`, origin: null, outlet, title: null, publishedAt: '2025-06-02' })),
  };
  const md = storyDossier(story, cmp);
  const line = md.split('\n').find((l) => l.startsWith('- *quantity*') && l.includes('evacuated'));
  assert.ok(line?.endsWith('Outlet \\*9\\* and 5 more'), `ten outlets then a count: ${line}`);
  assert.ok(md.includes('Outlet \\*14\\*'), 'the sources table still names every outlet');
});

test('HTML dossier: one page, no script allowed by its policy, and hostile article text shown as text', async () => {
  const { storyDossierHtml, htmlText, DOSSIER_CSP } = await import('../src/export/dossier-html.js');
  const { parseHTML } = await import('linkedom');
  assert.equal(htmlText(`<img src=x onerror="alert(1)">'`), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;');
  const { story, cmp } = hostileStory('Fisheries deal <script>alert(1)</script>', 'Valley <img src=x onerror=alert(1)>', '"><svg onload=alert(1)>');
  const html = storyDossierHtml(story, cmp);
  const { document } = parseHTML(html);
  assert.equal(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), DOSSIER_CSP);
  assert.ok(!/script-src|'unsafe-eval'/.test(DOSSIER_CSP) && DOSSIER_CSP.startsWith("default-src 'none'"), '!/script-src|\'unsafe-eval\'/.test(DOSSIER_CSP) && DOSSIER_CSP.startsWith("default-src \'none\'")');
  assert.equal(document.querySelectorAll('script, img, svg, iframe, object, embed, form, base, link').length, 0, 'no active or loading element');
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) assert.ok(!/^on/i.test(attr.name), `no event handler attribute (${attr.name})`);
  }
  assert.equal(document.querySelector('h1')?.textContent, 'Fisheries deal <script>alert(1)</script>', 'the label reads as written');
  assert.ok(document.body.textContent.includes('Valley <img src=x onerror=alert(1)>'), 'the outlet reads as written');
  for (const h of ['Summary', 'Where outlets disagree', 'Timeline', 'Sources']) {
    assert.ok(Array.from(document.querySelectorAll('h2')).some((e) => e.textContent === h), h);
  }
  assert.ok(document.querySelectorAll('.conflict').length >= 3, 'value, speaker and date conflicts are listed');
});

test('quantities: tolls, counts with the noun left out, halves and units in one scale', () => {
  const text =
    'The death toll rose to 13 on Monday night after rescuers found a body. At least 12 people were killed and four were missing. ' +
    'Couriers were tracked for up to an hour and a half, or two and a half hours, after shifts. More than 3,000 residents fled; 400 millimeters of rain fell.';
  const got = findQuantities(tokenize(text), text).map((q) => `${q.value} ${q.unit}${q.outcome ? ' ' + q.outcome : ''}`);
  assert.deepEqual(got, ['13 people killed', '12 people killed', '4 people missing', '90 minute', '150 minute', '3000 people', '400 millimetre']);
});

test('compare: one outcome counted by several outlets is one fact; a figure from an earlier year is another', () => {
  const cmp = compareStory([
    article('a', 'North Ledger', '2025-10-13', 'LARISSA — At least 12 people were killed in the floods on Monday, the fire service said.\n\nStorm Daniel killed 17 people in the same plain in September 2023.'),
    article('b', 'River Daily', '2025-10-14', 'The death toll from flooding in central Greece rose to 14 on Tuesday after two more bodies were found.'),
  ]);
  const toll = cmp.claims.find((c) => c.kind === 'quantity' && c.conflict);
  assert.ok(toll, 'the toll is one fact with two figures');
  assert.deepEqual(toll.conflict!.versions.map((v) => v.value).sort(), ['12 people', '14 people']);
  const history = cmp.claims.find((c) => c.kind === 'quantity' && c.mentions.some((m) => m.amount?.value === 17));
  assert.equal(history?.voices.length, 1, 'the 2023 storm is not part of the toll');
});

test('compare: a toll whose figures only rise with the reports\' times is marked as moving over time, in time order; a figure given lower after a higher one, or two figures at one time, is a plain disagreement', () => {
  const toll = (n: number) => `LARISSA — At least ${n} people were killed in the floods in central Greece, the fire service said.`;
  const tollConflict = (articles: ComparableArticle[]) => compareStory(articles).claims.find((c) => c.kind === 'quantity' && c.conflict)?.conflict;
  const rising = tollConflict([
    article('c', 'South Post', '2025-10-15T09:00:00Z', toll(14)),
    article('a', 'North Ledger', '2025-10-13T08:00:00Z', toll(12)),
    article('b', 'River Daily', '2025-10-14T10:00:00Z', toll(13)),
  ]);
  assert.equal(rising?.kind, 'value', 'still listed as a value conflict');
  assert.equal(rising?.trend, 'rising');
  assert.deepEqual(rising?.versions.map((v) => [v.value, v.firstReported]), [['12 people', '2025-10-13T08:00:00Z'], ['13 people', '2025-10-14T10:00:00Z'], ['14 people', '2025-10-15T09:00:00Z']]);
  const upAndDown = tollConflict([
    article('a', 'North Ledger', '2025-10-13T08:00:00Z', toll(12)),
    article('b', 'River Daily', '2025-10-14T10:00:00Z', toll(14)),
    article('c', 'South Post', '2025-10-15T09:00:00Z', toll(12)),
  ]);
  assert.equal(upAndDown?.trend, undefined, '12 after 14 is a disagreement');
  const sameHour = tollConflict([article('a', 'North Ledger', '2025-10-13T08:00:00Z', toll(12)), article('b', 'River Daily', '2025-10-13T08:00:00Z', toll(14))]);
  assert.equal(sameHour?.trend, undefined, 'two figures at one time are a disagreement');
  // two figures, one report each: just as likely one outlet got it wrong and published last
  const twoReports = tollConflict([article('a', 'North Ledger', '2025-10-13T08:00:00Z', toll(12)), article('b', 'River Daily', '2025-10-14T10:00:00Z', toll(14))]);
  assert.equal(twoReports?.trend, undefined, 'a lone later figure is no evidence of an update');
  // ... unless the later one is given as a change; and a copy republished later with the old figure
  // says when it was copied, not when the toll stood there
  const rose = 'The death toll from the floods in central Greece rose to 14 on Tuesday after two more bodies were found, the fire service said.';
  const withCopy = tollConflict([
    article('a', 'North Ledger', '2025-10-13T08:00:00Z', toll(12)),
    article('b', 'River Daily', '2025-10-14T10:00:00Z', rose),
    article('c', 'Aggregator', '2025-10-15T09:00:00Z', toll(12), 'a'),
  ]);
  assert.equal(withCopy?.trend, 'rising', 'a toll that "rose to 14" after 12 was reported');
  // a measure, not a count of what the event did: a later, higher figure is still a disagreement
  const rain = (n: number) => `More than ${n} millimetres of rain fell on parts of Thessaly in the 24 hours from Sunday afternoon, the weather service said.`;
  const rainfall = compareStory([article('a', 'North Ledger', '2025-10-13T08:00:00Z', rain(400)), article('b', 'River Daily', '2025-10-15T10:00:00Z', rain(500))]).claims.find((c) => c.conflict)?.conflict;
  assert.equal(rainfall?.kind, 'value', 'the rainfall figures conflict');
  assert.equal(rainfall?.trend, undefined, 'a rainfall is no count that is updated');
});

test('figureTrend: only independent, timed reports; falling counts too; an unknown time says nothing', () => {
  const f = (value: number, publishedAt: string | null, copy = false) => ({ value, publishedAt, copy });
  assert.equal(figureTrend([f(5, '2025-01-01'), f(3, '2025-01-02'), f(3, '2025-01-03'), f(2, '2025-01-04')]), 'falling');
  assert.equal(figureTrend([f(5, '2025-01-01'), f(3, null)]), null);
  assert.equal(figureTrend([f(5, '2025-01-01'), f(3, '2025-01-02', true)]), null, 'one independent report is no trend');
  assert.equal(figureTrend([f(5, '2025-01-01'), f(5, '2025-01-01'), f(3, '2025-01-02'), f(3, '2025-01-03')]), 'falling', 'two figures, each from two reports');
  assert.equal(figureTrend([f(5, '2025-01-01'), f(3, '2025-01-02')]), null, 'two figures, one report each');
  assert.equal(figureTrend([f(5, '2025-01-01'), f(5, '2025-01-02')]), null, 'one figure is no trend');
});

test('compare: with no target named, a denial is another fact unless the sentences share what it was about', () => {
  const cmp = compareStory([
    article('a1', 'Harbor Times', '2025-03-05', 'Norway attacked rebel positions in the northern hills, the army said.'),
    article('b1', 'Valley Post', '2025-03-05', 'Norway did not attack hospitals, its defence ministry said.'),
  ]);
  const events = cmp.claims.filter((c) => c.kind === 'event');
  assert.equal(events.length, 2, events.map((c) => c.label).join(' / '));
  assert.ok(events.every((c) => !c.conflict), 'no polarity conflict');
  const same = compareStory([
    article('a1', 'Harbor Times', '2025-03-05', 'Norway attacked rebel positions in the northern hills on Monday.'),
    article('b1', 'Valley Post', '2025-03-05', 'Norway did not attack rebel positions in the northern hills, officials said.'),
  ]);
  assert.equal(same.claims.find((c) => c.kind === 'event')?.conflict?.kind, 'polarity');
});

test('compare: an article restating its figure (headline and body) keeps one fact, which a period up to last year does not date back', () => {
  const cmp = compareStory([
    article('a', 'Harbor Times', '2025-06-05', 'Union seeks compensation for about 21,000 couriers\n\nThe regulator said that between 2021 and 2024 the app kept the location histories of about 21,000 couriers.'),
    article('b', 'Valley Post', '2025-06-05', 'The regulator said the tracking affected more than 20,000 couriers between 2021 and 2024.'),
    article('c', 'Lake Herald', '2025-06-06', 'The company tracked more than 20,000 couriers after their shifts ended.'),
  ]);
  const couriers = cmp.claims.filter((c) => c.kind === 'quantity' && c.mentions.some((m) => m.amount?.unit === 'courier'));
  assert.equal(couriers.length, 1, couriers.map((c) => c.mentions.map((m) => m.voice).join('+')).join(' | '));
  assert.deepEqual([...new Set(couriers[0].mentions.map((m) => m.voice))].sort(), ['Harbor Times', 'Lake Herald', 'Valley Post']);
  // a generic count said twice in one article may count two things, and stays two facts
  const people = compareStory([article('d', 'Harbor Times', '2025-06-05', 'Twelve people were killed in the north. In the south, twelve people were injured.')]);
  assert.equal(people.claims.filter((c) => c.kind === 'quantity').length, 2, people.claims.map((c) => c.label).join(' | '));
});

test('compare: a party named by a noun phrase meets the same phrase with another count ("the two leaders" / "leaders", "2 sides" in a spun copy)', () => {
  const cmp = compareStory([
    article('a', 'Harbor Times', '2025-06-05', 'After the talks, the two leaders exchanged gifts in the capital.'),
    article('b', 'Valley Post', '2025-06-05', 'The leaders exchanged gifts after the talks, an aide said.'),
  ]);
  const exchanged = cmp.claims.filter((c) => c.kind === 'event' && /exchanged/.test(c.label));
  assert.equal(exchanged.length, 1, cmp.claims.map((c) => c.label).join(' | '));
  assert.equal(exchanged[0].voices.length, 2);
});

test('quantities: people who spent the night in shelters were evacuated; a night spent elsewhere says nothing', () => {
  const q = (t: string) => findQuantities(tokenize(t), t)[0]?.outcome;
  assert.equal(q('More than 3,000 residents had spent a second night in shelters across the region.'), 'evacuated');
  assert.equal(q('About 200 people were sleeping in emergency shelters on Tuesday.'), 'evacuated');
  assert.equal(q('About 200 fans spent the night in the stadium.'), undefined);
});

test('quantities: "the number of people killed ... has risen to 14" is a death toll; the number of visitors is no count of people', () => {
  const q = (t: string) => findQuantities(tokenize(t), t).map((x) => [x.value, x.unit, x.outcome]);
  assert.deepEqual(q('The number of people killed by floods in central Greece has risen to 14, officials said.'), [[14, 'people', 'killed']]);
  assert.deepEqual(q('The number of dead rose to 9 overnight.'), [[9, 'people', 'killed']]);
  assert.deepEqual(q('The number of visitors rose to 400.'), []);
  // a toll told about at length before the verb that moves it
  assert.deepEqual(q('The death toll from a powerful earthquake that hit the east of the country on Friday rose to 41 on Saturday.'), [[41, 'people', 'killed']]);
  assert.deepEqual(q('The death toll, which officials had put at a dozen, climbed to 19.'), [[19, 'people', 'killed']]);
  assert.deepEqual(q('Nobody gave a death toll. Prices rose to 41.'), [], 'a toll in another sentence');
});

test('quantities: a scale glued to a figure after a currency sign ("€32m", "$36.5bn") is money; "32m tall" is not', () => {
  const q = (t: string) => findQuantities(tokenize(t), t).map((x) => [x.value, x.unit]);
  assert.deepEqual(q('The regulator fined Parcelio \u20ac32m on Thursday.'), [[32_000_000, 'EUR']]);
  assert.deepEqual(q('The deal was worth $36.5bn.'), [[36_500_000_000, 'USD']]);
  assert.deepEqual(q('The tower is 32m tall.'), []);
});

test("a spin's reworded figure does not split the original's fact from another outlet's, whichever article comes first", () => {
  const wire = article('w', 'Wire One', '2025-02-08', 'ELAZIG, Turkey (Wire One) - The death toll from the earthquake that hit the east of the country on Friday rose to 41 on Saturday, officials said.');
  const original = article('a', 'Press Two', '2025-02-08', 'ANKARA, Turkey (Press Two) — A magnitude 6.8 earthquake struck eastern Turkey late Friday, toppling buildings and killing at least 38 people, the disaster agency said on Saturday.');
  const spin = article('s', 'Press Two', '2025-02-08', 'ANKARA, Turkey (Press Two) — A magnitude 6.8 quake hit eastern Turkey late Friday, knocking down structures and eliminating at the very least 38 individuals, the nation\u2019s catastrophe company stated on Saturday.', 'a');
  for (const order of [[spin, original, wire], [wire, spin, original], [original, wire, spin]]) {
    const c = compareStory(order);
    const toll = c.claims.filter((x) => x.kind === 'quantity' && x.mentions.some((m) => m.article === 'w'));
    assert.equal(toll.length, 1, `one toll claim with the wire's figure (order ${order.map((x) => x.id).join(',')})`);
    assert.deepEqual(new Set(toll[0].mentions.map((m) => m.article)), new Set(['w', 'a', 's']), `the original and its spin line up with the wire (order ${order.map((x) => x.id).join(',')}): ${JSON.stringify(toll[0].mentions.map((m) => m.article))}`);
    assert.ok(!toll[0].label.includes('individuals'), `labelled by an original, not the spin: ${toll[0].label}`);
  }
});

test("the summary quotes originals, not a spin's reworded sentences, when the story has any", () => {
  const original = article('a', 'Press Two', '2025-02-08', 'ANKARA, Turkey (Press Two) — A magnitude 6.8 earthquake struck eastern Turkey late Friday, toppling buildings and killing at least 38 people, the disaster agency said on Saturday.\n\nRescuers pulled 45 people alive from the rubble overnight, the interior minister said.');
  const spin = article('s', 'Blog Three', '2025-02-08', 'ANKARA, Turkey (Press Two) — A magnitude 6.8 quake hit eastern Turkey late Friday, knocking down structures and eliminating at the very least 38 individuals, the nation\u2019s catastrophe company stated on Saturday.\n\nRescuers pulled 45 individuals alive from the rubble in a single day, the inside minister stated.', 'a');
  const c = compareStory([spin, original]);
  assert.ok(c.summary.length > 0, 'a summary');
  assert.ok(c.summary.every((x) => x.article === 'a'), JSON.stringify(c.summary.map((x) => [x.article, x.text.slice(0, 40)])));
  // a story of copies only still has a summary
  assert.ok(compareStory([spin]).summary.length > 0, 'copies only: summarised from them');
});

test("a spin's reworded quotation is its source's quotation of the same speaker in the same place, however few words survive", () => {
  const original = article('a', 'Press Two', '2025-02-08', 'Interior Minister Suleyman Soylu spoke in Elazig.\n\n“Our teams are working without a break,” Soylu said. “We will not stop until every person is reached.”\n\nPresident Recep Tayyip Erdogan promised that the government would rebuild every damaged home within a year.');
  const spin = article('s', 'Blog Three', '2025-02-08', 'Inside Minister Suleyman Soylu spoke in Elazig.\n\n“Our groups are working with no break,” Soylu stated. “We is not going to cease till each individual is reached.”\n\nPresident Recep Tayyip Erdogan promised that the federal government would rebuild each broken dwelling inside a yr.', 'a');
  const c = compareStory([original, spin]);
  const quotes = c.claims.filter((x) => x.kind === 'quote');
  assert.equal(quotes.length, 3, JSON.stringify(quotes.map((q) => [q.label, q.mentions.map((m) => m.article)])));
  for (const q of quotes) assert.deepEqual(new Set(q.mentions.map((m) => m.article)), new Set(['a', 's']), q.label);
  // another outlet's different words from the same speaker stay their own claim
  const other = article('o', 'Wire One', '2025-02-08', '“We pulled 45 people out alive overnight,” Interior Minister Suleyman Soylu told reporters.');
  assert.equal(compareStory([original, spin, other]).claims.filter((x) => x.kind === 'quote').length, 4);
});
