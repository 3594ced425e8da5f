import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeCorpusEntities, selectEntities } from '../src/nlp/entities-corpus.js';

test('a name written in capitals in a dateline does not become the canonical form', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [{ canonical: 'ARDEN', type: 'PLACE', aliases: ['ARDEN'], roles: [], mentions: [0, 1, 2] }] },
    { articleId: 'b', clusters: [{ canonical: 'Arden', type: 'PLACE', aliases: ['Arden', 'ARDEN'], roles: [], mentions: [0] }] },
  ]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].canonical, 'Arden');
  assert.deepEqual(merged[0].articles, ['a', 'b']);
});

const person = (canonical: string, roles: string[] = [], country?: string) => ({
  canonical,
  type: 'PERSON' as const,
  aliases: [canonical, canonical.split(' ').pop()!],
  roles,
  mentions: [0],
  ...(country ? { country } : {}),
});

test('romanisation variants of one name meet across articles: Zelenskyy, Zelenskiy, Zelensky', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Volodymyr Zelenskyy')] },
    { articleId: 'b', clusters: [person('Volodymyr Zelensky')] },
    { articleId: 'c', clusters: [person('Volodymyr Zelenskiy')] },
    { articleId: 'd', clusters: [{ canonical: 'Zelenskiy', type: 'PERSON', aliases: ['Zelenskiy'], roles: [], mentions: [0] }] },
  ]);
  assert.equal(merged.length, 1, `one entity expected, got ${merged.map((e) => e.canonical).join(' | ')}`);
  assert.deepEqual(merged[0].articles, ['a', 'b', 'c', 'd']);
});

test('a hyphened Korean given name and the Arabic article do not split a person', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Kim Jong-un'), person('Bashar al-Assad')] },
    { articleId: 'b', clusters: [person('Kim Jong Un'), person('Bashar Assad')] },
  ]);
  assert.deepEqual(
    merged.map((e) => e.canonical).sort(),
    ['Bashar al-Assad', 'Kim Jong Un'],
    'two entities, each with both spellings',
  );
});

test('short names keep their spelling: Toni and Tony, Lee and Le are different people', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Toni Marsh'), person('Anna Lee')] },
    { articleId: 'b', clusters: [person('Tony Marsh'), person('Anna Le')] },
  ]);
  assert.equal(merged.length, 4, `four people expected, got ${merged.map((e) => e.canonical).join(' | ')}`);
});

test('names with one consonant skeleton merge only when a role or country says they are one person', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Muammar Gaddafi', ['Libyan leader'], 'LBY'), person('Mohammed Hassan', ['engineer'])] },
    { articleId: 'b', clusters: [person('Moammar Qaddafi', ['former leader']), person('Muhammad Hasan', ['footballer'])] },
  ]);
  const names = merged.map((e) => [e.canonical, ...e.aliases].filter((a) => a.includes(' ')).sort().join(' = ')).sort();
  assert.deepEqual(
    names,
    ['Moammar Qaddafi = Muammar Gaddafi', 'Mohammed Hassan', 'Muhammad Hasan'],
    'the leaders share a role head; the engineer and the footballer share nothing but the skeleton',
  );
});

test('selectEntities within a set of articles: only their entities, ranked by how many of them mention each', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Ana Ribeiro'), person('Tomas Okafor')] },
    { articleId: 'b', clusters: [person('Ana Ribeiro')] },
    { articleId: 'c', clusters: [person('Lena Varga'), person('Tomas Okafor')] },
    { articleId: 'd', clusters: [person('Tomas Okafor')] },
  ]);
  const inStory = selectEntities(merged, { within: new Set(['a', 'b']) });
  assert.deepEqual(inStory.map((e) => [e.canonical, e.withinArticles]), [['Ana Ribeiro', 2], ['Tomas Okafor', 1]], 'Lena Varga is not in the story; Okafor is in more articles overall but fewer of the story');
  assert.equal(selectEntities(merged)[0].canonical, 'Tomas Okafor', 'without a story the corpus ranking holds');
});

test("an organisation's name led by a known body's acronym meets its written-out form", () => {
  const org = (canonical: string) => ({ canonical, type: 'ORG' as const, aliases: [canonical], roles: [], mentions: [0] });
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [org('EU Solidarity Fund'), org('UN Security Council')] },
    { articleId: 'b', clusters: [org('European Union Solidarity Fund'), org('United Nations Security Council'), org('Who Cares Trust')] },
  ]);
  assert.equal(merged.length, 3, `three bodies: ${merged.map((e) => `${e.canonical} [${e.aliases.join(', ')}]`).join(' | ')}`);
  const names = (e: { canonical: string; aliases: string[] }) => [e.canonical, ...e.aliases].sort();
  assert.ok(merged.some((e) => names(e).join('|') === 'EU Solidarity Fund|European Union Solidarity Fund'), 'the fund under both names');
  assert.ok(merged.some((e) => names(e).join('|') === 'UN Security Council|United Nations Security Council'), 'the council under both names');
  assert.ok(merged.some((e) => e.canonical === 'Who Cares Trust' && e.aliases.length === 0), '"Who" written as a word is no acronym');
});

test('a full name that leaves out a given or middle name joins the one longer name it fits, and no one when two fit', () => {
  const merged = mergeCorpusEntities([
    { articleId: 'a', clusters: [person('Recep Tayyip Erdogan', ['President']), person('George W. Bush'), person('John Paul Smith'), person('Joseph Robinette Biden')] },
    { articleId: 'b', clusters: [person('Tayyip Erdogan'), person('George Bush'), person('John Adam Smith'), person('Hunter Biden')] },
    { articleId: 'c', clusters: [{ canonical: 'Erdogan', type: 'PERSON', aliases: ['Erdogan'], roles: [], mentions: [0] }, person('John Smith')] },
  ]);
  const groups = merged.map((e) => [e.canonical, ...e.aliases].filter((a) => a.includes(' ')).sort().join(' = ')).sort();
  assert.deepEqual(groups, [
    'George Bush = George W. Bush',
    'Hunter Biden',
    'John Adam Smith',
    'John Paul Smith',
    'John Smith',
    'Joseph Robinette Biden',
    'Recep Tayyip Erdogan = Tayyip Erdogan',
  ]);
  assert.deepEqual(merged.find((e) => e.canonical === 'Recep Tayyip Erdogan')?.articles, ['a', 'b', 'c'], 'the one-word name meets it too');
});
