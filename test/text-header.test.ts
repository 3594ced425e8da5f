import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextHeader } from '../src/extract/text-header.js';

const BODY =
  'CEDAR FALLS, Iowa — The city council voted on Monday to rebuild the old river bridge, ending a debate that had divided residents for more than two years.\n\nA second paragraph follows here with more words.';

test('print-style header: masthead, date line, headline, byline and outlet line become metadata', () => {
  const text = `VALLEY COURIER — LATE EDITION\nLOCAL | Tuesday, May 6, 2025 | Page B2\n\nCouncil votes to rebuild river bridge\n\nBy Ana Ortiz and Lee Park\nValley Courier\n\n${BODY}`;
  const h = parseTextHeader(text);
  assert.equal(h.title, 'Council votes to rebuild river bridge');
  assert.equal(h.byline, 'Ana Ortiz and Lee Park');
  assert.equal(h.publishedAt, '2025-05-06');
  assert.equal(h.outlet, 'Valley Courier');
  assert.deepEqual(h.lines.map((l) => l.kind), ['masthead', 'date-line', 'title', 'byline', 'outlet-line']);
  for (const l of h.lines) assert.equal(text.slice(l.start, l.end), l.text, 'offsets point at the line');
});

test('headline, outlet, date: the outlet line between headline and date line is the outlet', () => {
  const text = `Council votes to rebuild river bridge\n\nValley Courier\nMay 6, 2025\n\n${BODY}`;
  const h = parseTextHeader(text);
  assert.equal(h.title, 'Council votes to rebuild river bridge');
  assert.equal(h.outlet, 'Valley Courier');
  assert.equal(h.publishedAt, '2025-05-06');
  assert.deepEqual(h.lines.map((l) => l.kind), ['title', 'outlet-line', 'date-line']);
  // a short capitalised line after the headline with no date or byline after it is not claimed as the outlet
  const deck = parseTextHeader(`Council votes to rebuild river bridge\nRiver Bridge Vote\n\n${BODY}`);
  assert.equal(deck.outlet, null);
});

test('a text that opens with prose has no header; a dateline is never taken for a title', () => {
  assert.deepEqual(parseTextHeader(BODY).lines, []);
  const dl = parseTextHeader(`CEDAR FALLS, Iowa (Wire) —\n${BODY}`);
  assert.equal(dl.title, null);
});

test('a headline alone is the title; a masthead alone names the outlet', () => {
  assert.equal(parseTextHeader(`Council votes to rebuild river bridge\n\n${BODY}`).title, 'Council votes to rebuild river bridge');
  assert.equal(parseTextHeader(`THE HARBOR GAZETTE — DIGITAL\nCouncil votes to rebuild bridge\n${BODY}`).outlet, 'The Harbor Gazette');
});

test('a short text made only of short lines claims nothing', () => {
  assert.deepEqual(parseTextHeader('cheap flights\nfree movies\nbest deals').lines, []);
});

test('a Markdown heading is the headline without its marks', () => {
  const h = parseTextHeader(`# Council votes to rebuild river bridge\n\nBy Ana Ortiz\n\n${BODY}`);
  assert.equal(h.title, 'Council votes to rebuild river bridge');
  assert.equal(h.byline, 'Ana Ortiz');
  assert.equal(parseTextHeader(`## Council votes to rebuild river bridge ##\n\n${BODY}`).title, 'Council votes to rebuild river bridge');
});

test('a byline and a date on one line give both, with the writer, not the reviewer, as the byline', () => {
  const one = parseTextHeader(`Council votes to rebuild river bridge\n\nBy Ana Ortiz – Updated May 6, 2025 at 1:00 PM EST\n\n${BODY}`);
  assert.equal(one.byline, 'Ana Ortiz');
  assert.equal(one.publishedAt, '2025-05-06T13:00:00');
  assert.deepEqual(one.lines.map((l) => l.kind), ['title', 'byline']);
  const dateFirst = parseTextHeader(`Council votes to rebuild river bridge\nMay 6, 2025 · 3 min read · By Ana Ortiz\n\n${BODY}`);
  assert.equal(dateFirst.byline, 'Ana Ortiz');
  assert.equal(dateFirst.publishedAt, '2025-05-06');
  const reviewed = parseTextHeader(`Council votes to rebuild river bridge\nReviewed by Lee Park · May 6, 2025\n\n${BODY}`);
  assert.equal(reviewed.byline, null);
  assert.equal(reviewed.publishedAt, '2025-05-06');
  assert.deepEqual(reviewed.lines.map((l) => l.kind), ['title', 'date-line']);
});

test('a text set all in capitals keeps its headline: capitals are no masthead there', () => {
  const text = `COUNCIL VOTES TO REBUILD RIVER BRIDGE\n\nBY ANA ORTIZ\nVALLEY COURIER\nMAY 6, 2025\n\n${BODY.toUpperCase()}`;
  const h = parseTextHeader(text);
  assert.equal(h.title, 'COUNCIL VOTES TO REBUILD RIVER BRIDGE');
  assert.equal(h.byline, 'ANA ORTIZ');
  assert.equal(h.outlet, 'VALLEY COURIER');
  assert.equal(h.publishedAt, '2025-05-06');
  // in a text in its case, a line in capitals above the headline is still the masthead
  assert.deepEqual(parseTextHeader(`VALLEY COURIER\n\nCouncil votes to rebuild river bridge\n\n${BODY}`).lines.map((l) => l.kind), ['masthead', 'title']);
});

test('a text typed without capitals: its header is read in restored case, each line kept as written for the audit', () => {
  const text = `council votes to rebuild river bridge\n\nby ana ortiz\n\n${BODY.toLowerCase()}`;
  const h = parseTextHeader(text);
  assert.equal(h.title, 'Council votes to rebuild river bridge');
  assert.equal(h.byline, 'Ana Ortiz');
  assert.deepEqual(h.lines.map((l) => [l.kind, l.text]), [['title', 'council votes to rebuild river bridge'], ['byline', 'by ana ortiz']]);
  for (const l of h.lines) assert.equal(text.slice(l.start, l.end), l.text);
});
