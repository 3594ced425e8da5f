import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeCorpusEntities } from '../src/nlp/entities-corpus.js';

test('a name written in capitals in a dateline does not become the canonical form', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [{ canonical: 'ARDEN', type: 'PLACE', aliases: ['ARDEN'], roles: [], mentions: [0, 1, 2] }] },
    { articleId: 'b', clusters: [{ canonical: 'Arden', type: 'PLACE', aliases: ['Arden', 'ARDEN'], roles: [], mentions: [0] }] },
  ]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].canonical, 'Arden');
  assert.deepEqual(merged[0].articles, ['a', 'b']);
});
