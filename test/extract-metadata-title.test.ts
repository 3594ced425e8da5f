import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripSiteName, dropTagline, similarity } from '../src/extract/html/metadata-title.js';

test('stripSiteName drops a known site name at either end', () => {
  assert.equal(stripSiteName('Rates rise again | Daily Ledger', ['Daily Ledger']), 'Rates rise again');
  assert.equal(stripSiteName('Daily Ledger - Rates rise again', ['Daily Ledger']), 'Rates rise again');
  assert.equal(stripSiteName('Rates rise again', ['Daily Ledger']), 'Rates rise again');
});

test('stripSiteName keeps the prefix another candidate confirms', () => {
  assert.equal(stripSiteName('Rates rise again - Markets - Ledger', [], ['Rates rise again']), 'Rates rise again');
});

test('dropTagline removes a trailing tagline but keeps a continuation', () => {
  assert.equal(dropTagline('How bridges are inspected | Top 19 Companies'), 'How bridges are inspected');
  assert.equal(dropTagline('Ten fitness habits to keep — and 5 trends to expect'), 'Ten fitness habits to keep — and 5 trends to expect');
});

test('similarity is symmetric and zero for disjoint titles', () => {
  assert.equal(similarity('a b c', 'c b a'), 1);
  assert.equal(similarity('alpha beta', 'gamma delta'), 0);
});
