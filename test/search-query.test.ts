import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_QUERY_CHARS,
  SearchQueryError,
  parseSearch,
  toFts5,
  toTsquerySql,
  unmarkSnippet,
  MATCH_END as E,
  MATCH_START as S,
  diacriticFoldTable,
  foldForSearch,
} from '../src/store/search-query.js';
import { asWritten } from '../src/store/postgres/postgres-store.js';

const term = (text: string, phrase = false, prefix = false) => ({ text, phrase, prefix });

test('words are all required; quotes make a phrase; OR joins alternatives; a minus excludes; a star is a prefix', () => {
  assert.deepEqual(parseSearch('bridge budget'), { all: [[term('bridge')], [term('budget')]], none: [] });
  assert.deepEqual(parseSearch('"river bridge" council'), { all: [[term('river bridge', true)], [term('council')]], none: [] });
  assert.deepEqual(parseSearch('flood OR drought Greece'), { all: [[term('flood'), term('drought')], [term('Greece')]], none: [] });
  assert.deepEqual(parseSearch('bridge -toll -"river crossing"'), { all: [[term('bridge')]], none: [term('toll'), term('river crossing', true)] });
  assert.deepEqual(parseSearch('agricult* "north kor"*'), { all: [[term('agricult', false, true)], [term('north kor', true, true)]], none: [] });
});

test('odd input still parses: an unclosed quote, curly quotes, a lone OR, punctuation-only terms, a hyphenated word', () => {
  assert.deepEqual(parseSearch('"strategic partnership'), { all: [[term('strategic partnership', true)]], none: [] });
  assert.deepEqual(parseSearch('\u201cstrategic partnership\u201d'), { all: [[term('strategic partnership', true)]], none: [] });
  assert.deepEqual(parseSearch('OR bridge OR'), { all: [[term('bridge')]], none: [] });
  assert.deepEqual(parseSearch('& bridge - --'), { all: [[term('bridge')]], none: [] });
  assert.deepEqual(parseSearch('cross-border'), { all: [[term('cross-border')]], none: [] }, 'a hyphen inside a word is not an exclusion');
  assert.deepEqual(parseSearch('or bridge'), { all: [[term('or')], [term('bridge')]], none: [] }, 'only OR in capitals is the operator');
});

test('queries with nothing to find, or too big, are refused with a reason', () => {
  assert.throws(() => parseSearch(''), SearchQueryError);
  assert.throws(() => parseSearch('  "" * - '), SearchQueryError);
  assert.throws(() => parseSearch('-bridge'), /at least one word to find/);
  assert.throws(() => parseSearch('a'.repeat(MAX_QUERY_CHARS + 1)), /longer than/);
  assert.throws(() => parseSearch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')), /more than 32 terms/);
});

test('the FTS5 expression quotes every term, so FTS5 syntax typed by a user is only words', () => {
  assert.equal(toFts5(parseSearch('bridge "river crossing"')), '"bridge" AND "river crossing"');
  assert.equal(toFts5(parseSearch('flood OR drought -Sardinia')), '("flood" OR "drought") NOT "Sardinia"');
  assert.equal(toFts5(parseSearch('flood Greece -Sardinia -Italy')), '("flood" AND "Greece") NOT "Sardinia" NOT "Italy"');
  assert.equal(toFts5(parseSearch('agricult*')), '"agricult" *');
  // column filters, NEAR groups, boosts and stray quotes inside a word are all plain text
  assert.equal(toFts5(parseSearch('title:bridge NEAR(a b) ^x a"b')), '"title:bridge" AND "NEAR(a" AND "b)" AND "^x" AND "a" AND "b"');
});

test('the PostgreSQL expression binds every term; only operators and function names are SQL', () => {
  const params: string[] = [];
  const bind = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const sql = toTsquerySql(parseSearch(`flood OR "river bank" -x'); DROP TABLE articles; -- agri*`), bind, 'english');
  assert.equal(
    sql,
    "((phraseto_tsquery('english', $1) || phraseto_tsquery('english', $2)) && phraseto_tsquery('english', $3) && phraseto_tsquery('english', $4) && phraseto_tsquery('english', $5) && to_tsquery('english', $6)) && !!phraseto_tsquery('english', $7)",
  );
  assert.deepEqual(params, ['flood', 'river bank', 'DROP', 'TABLE', 'articles;', 'agri:*', "x');"]);
  assert.ok(!/DROP|articles/.test(sql), 'no user text in the SQL');
  // a prefix that is not one run of letters and digits is searched as a phrase (to_tsquery would read its punctuation)
  params.length = 0;
  assert.equal(toTsquerySql(parseSearch('u.s.*'), bind, 'english'), "phraseto_tsquery('english', $1)");
});

test('snippet markers become offsets; whitespace runs become one space', () => {
  const { snippet, highlights } = unmarkSnippet(`…the  ageing river ${S}bridge${E},\n ending a ${S}debate${E}${S}${E}`);
  assert.equal(snippet, '…the ageing river bridge, ending a debate');
  assert.deepEqual(highlights.map(([a, b]) => snippet.slice(a, b)), ['bridge', 'debate']);
});

test('hostile queries of the greatest length parse or are refused, nothing else', () => {
  for (const q of ['*'.repeat(999), '-'.repeat(999), '"'.repeat(999), `${'a*'.repeat(16)}${' '.repeat(960)}`]) {
    try {
      parseSearch(q);
    } catch (err) {
      assert.ok(err instanceof SearchQueryError, `only a query error for ${q.slice(0, 10)}…`);
    }
  }
});

test('accent folding for search: one base letter for one accented letter; letters that do not decompose stay', () => {
  const { from, to } = diacriticFoldTable();
  assert.equal([...from].length, [...to].length);
  assert.equal(from.length, to.length, 'one UTF-16 unit each');
  const text = 'São Paulo, Erdoğan, Łódź, Nguyễn, Ørsted, Ñandú';
  assert.equal(foldForSearch(text), 'Sao Paulo, Erdogan, Łodz, Nguyen, Ørsted, Nandu');
  assert.equal(foldForSearch(text).length, text.length, 'the folded text is as long as the original');
  const plain = 'No accents here “quoted” — dash';
  assert.equal(foldForSearch(plain), plain);
});

test('a headline cut from the folded text is shown as written; markers stay where they were', () => {
  assert.equal(asWritten(`la ${S}sequia${E} del sur`, 'la sequía del sur'), `la ${S}sequía${E} del sur`);
  assert.equal(asWritten(`${S}Sao${E} Paulo`, 'São Paulo'), `${S}São${E} Paulo`);
  assert.equal(asWritten(`la ${S}sequia${E}`, 'something else entirely'), `la ${S}sequia${E}`, 'when the two do not line up, the folded one');
  assert.equal(asWritten(`x ${S}y${E}`, null), `x ${S}y${E}`);
  assert.equal(asWritten(null, 'x'), null);
});
