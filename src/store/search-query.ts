/**
 * Full-text search queries, as people type them into a search box: words (all must occur),
 * "quoted phrases", `OR` between two alternatives, `-word` / `-"phrase"` to exclude, `word*` for
 * a prefix. Parsed once here into a small tree, then written for each store: an FTS5 MATCH string
 * for SQLite (every term a quoted string, so nothing the user types is FTS5 syntax) and a tsquery
 * expression for PostgreSQL built from bound parameters (no user text in the SQL).
 *
 * The parser is one linear pass over the characters (no regular expression that could backtrack)
 * and bounds the query's size, so a hostile query costs nothing.
 */

export interface SearchTerm {
  /** The words as typed (a phrase keeps its spaces). */
  text: string;
  /** Typed in double quotes: the words in this order, next to each other. */
  phrase: boolean;
  /** Ended with `*`: words starting with this one. */
  prefix: boolean;
}

/** All of `all` (each an OR of alternatives) and none of `none`. */
export interface ParsedSearch {
  all: SearchTerm[][];
  none: SearchTerm[];
}

/** A query that cannot be searched (empty, only exclusions, too long); the message says why. */
export class SearchQueryError extends Error {}

export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_TERMS = 32;

/** Orders a search answers in: best match first, or newest first. */
export const SEARCH_SORTS = ['relevance', 'recent'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A date bound of a search: a year, a month or a day, as publication times start. */
export const DATE_BOUND = /^\d{4}(?:-\d\d(?:-\d\d)?)?$/;

/** A term matches words only: one made of punctuation alone ("-", "&") is dropped. */
function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function parseSearch(query: string): ParsedSearch {
  if (query.length > MAX_QUERY_CHARS) throw new SearchQueryError(`the search query is longer than ${MAX_QUERY_CHARS} characters`);
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  let orPending = false;
  let terms = 0;
  let i = 0;
  const n = query.length;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u00a0';
  const isQuote = (c: string) => c === '"' || c === '\u201c' || c === '\u201d';
  while (i < n) {
    if (isSpace(query[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (query[i] === '-' && i + 1 < n && !isSpace(query[i + 1])) {
      negated = true;
      i++;
    }
    let text: string;
    let phrase = false;
    if (isQuote(query[i])) {
      // a phrase runs to the closing quote, or to the end when the user did not close it
      phrase = true;
      let j = i + 1;
      while (j < n && !isQuote(query[j])) j++;
      text = query.slice(i + 1, j);
      i = j + 1;
    } else {
      let j = i;
      while (j < n && !isSpace(query[j]) && query[j] !== '"') j++;
      text = query.slice(i, j);
      i = j;
      if (text === 'OR' && !negated) {
        orPending = all.length > 0;
        continue;
      }
    }
    // `word*`, and `"a phrase"*` for a phrase whose last word is a prefix
    let prefix = false;
    if (phrase && query[i] === '*') {
      prefix = true;
      while (i < n && query[i] === '*') i++;
    } else if (!phrase && text.endsWith('*')) {
      prefix = true;
      let end = text.length;
      while (end > 0 && text[end - 1] === '*') end--;
      text = text.slice(0, end);
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (!hasWord(text)) {
      orPending = false;
      continue;
    }
    const term: SearchTerm = { text, phrase: phrase || text.includes(' '), prefix };
    if (negated) none.push(term);
    else if (orPending) all[all.length - 1].push(term);
    else all.push([term]);
    orPending = false;
    if (++terms > MAX_QUERY_TERMS) {
      throw new SearchQueryError(`the search query has more than ${MAX_QUERY_TERMS} terms`);
    }
  }
  if (!all.length) {
    throw new SearchQueryError(none.length ? 'a search needs at least one word to find, not only words to exclude' : 'the search query has no words');
  }
  return { all, none };
}

/** How one query language writes a term and joins terms. */
interface Syntax {
  term: (t: SearchTerm) => string;
  and: string;
  or: string;
  /** Between what must match and each term that must not. */
  andNot: string;
}

/** All groups (each an OR of its terms, parenthesised when several), then the exclusions. */
function render(search: ParsedSearch, syntax: Syntax): string {
  const group = (g: SearchTerm[]) => (g.length === 1 ? syntax.term(g[0]) : `(${g.map(syntax.term).join(syntax.or)})`);
  const all = search.all.map(group).join(syntax.and);
  if (!search.none.length) return all;
  const head = search.all.length === 1 ? all : `(${all})`;
  return [head, ...search.none.map(syntax.term)].join(syntax.andNot);
}

/** An FTS5 string literal: the tokenizer splits it into words; nothing inside is query syntax. */
function fts5String(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The FTS5 MATCH expression for a parsed query. */
export function toFts5(search: ParsedSearch): string {
  const term = (t: SearchTerm) => (t.prefix ? `${fts5String(t.text)} *` : fts5String(t.text));
  return render(search, { term, and: ' AND ', or: ' OR ', andNot: ' NOT ' });
}

/**
 * A PostgreSQL tsquery expression for a parsed query. `bind` adds a parameter and returns its
 * placeholder; only operators and function names are written into the SQL. `config` is the text
 * search configuration the index was built with.
 */
export function toTsquerySql(search: ParsedSearch, bind: (value: string) => string, config: string): string {
  const term = (t: SearchTerm): string => {
    // A prefix becomes `word:*`; safe in to_tsquery's syntax only for a single run of letters and digits.
    if (t.prefix && /^[\p{L}\p{N}]+$/u.test(t.text)) return `to_tsquery('${config}', ${bind(`${t.text}:*`)})`;
    return `phraseto_tsquery('${config}', ${bind(t.text)})`;
  };
  return render(search, { term, and: ' && ', or: ' || ', andNot: ' && !!' });
}

/** Characters the stores put around matched words in a snippet (never in clean article text). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * A snippet with its markers taken out and their places kept as [start, end) offsets into it
 * (UTF-16 units, as JavaScript strings index); runs of whitespace become one space.
 */
export function unmarkSnippet(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MATCH_START) open = snippet.length;
    else if (ch === MATCH_END) {
      if (open >= 0 && snippet.length > open) highlights.push([open, snippet.length]);
      open = -1;
    } else if (/\s/.test(ch)) {
      if (!snippet.endsWith(' ')) snippet += ' ';
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/**
 * Letters with diacritics and their base letters, one character each: every precomposed Latin
 * letter (Latin-1 Supplement, Extended-A and -B, Extended Additional) whose canonical decomposition
 * is an ASCII letter plus combining marks ("é" → "e", "ş" → "s", "ệ" → "e"). Letters that do not
 * decompose ("ø", "ł", "æ") stay, as SQLite's FTS5 `remove_diacritics` leaves them. One character
 * for one keeps a folded text as long as the original, so offsets found in one hold in the other.
 */
/** Code point ranges the table covers: Latin-1 Supplement to Latin Extended-B, Latin Extended Additional. */
const FOLDED_RANGES: ReadonlyArray<[number, number]> = [[0xc0, 0x24f], [0x1e00, 0x1eff]];
/**
 * A regular-expression class of the characters foldForSearch may change, as literal characters: a
 * text without one folds to itself. The same class serves in JavaScript and in PostgreSQL's `~`.
 */
export const FOLDABLE_CLASS = `[${FOLDED_RANGES.map(([lo, hi]) => `${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}`).join('')}]`;
const MAY_FOLD = new RegExp(FOLDABLE_CLASS);
const FOLDABLE = new RegExp(FOLDABLE_CLASS, 'g');

export function diacriticFoldTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [lo, hi] of FOLDED_RANGES) {
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCodePoint(c);
      const d = ch.normalize('NFD');
      if (d.length > 1 && /^[A-Za-z]\p{M}+$/u.test(d)) {
        from += ch;
        to += d[0];
      }
    }
  }
  return { from, to };
}
let foldMap: Map<string, string> | null = null;

/**
 * `text` with its accented letters replaced by their base letters, as the PostgreSQL store indexes
 * and queries (SQLite's FTS5 tokenizer does the same by itself). Same length as `text`.
 */
export function foldForSearch(text: string): string {
  if (!MAY_FOLD.test(text)) return text;
  if (!foldMap) {
    const { from, to } = diacriticFoldTable();
    foldMap = new Map([...from].map((c, i) => [c, to[i]]));
  }
  return text.replace(FOLDABLE, (c) => foldMap!.get(c) ?? c);
}
