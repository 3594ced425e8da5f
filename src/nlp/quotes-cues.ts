/**
 * Cues: a verb of speech read as one ("said", "told", "warned"; not "a report", "his remarks", nor
 * "added 20.72 points"), the cue's text and span, and the word tables that bound the look for a
 * cue or its speaker: where the look after a quotation stops, clause words and auxiliaries after
 * a cue, cues that take plain noun objects.
 */
import type { Token } from './tokens.js';
import { LEX } from './lexicons.js';
import { OPEN_TO_CLOSE } from './quotes-marks.js';

/** Cues that also take plain noun objects ("declared a state of emergency"): reported speech only with "that". */
export const THAT_ONLY_CUES = new Set(['deny', 'announce', 'declare', 'confirm', 'acknowledge', 'admit', 'vow', 'pledge', 'promise', 'report', 'state', 'note', 'predict', 'assure', 'reassure', 'remind']);
/** Where the look for a cue after a quotation stops: the sentence's end, a semicolon, another quotation. */
export const endsCueScan = (t: Token): boolean => t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';' || OPEN_TO_CLOSE[t.text] !== undefined);
/** Forms of "add", which adds figures as often as words. */
const ADD_FORMS = new Set(['add', 'adds', 'added', 'adding']);
/** Words that make what follows a cue a clause, not the name of a speaker: auxiliaries, modals, relatives. */
export const CLAUSE_MARKERS = new Set(['would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'do', 'that', 'which', 'who', 'not', 'to']);
/** A cue word after these is a noun ("a report", "his remarks"). */
export const DETERMINER_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', "'s", 'recent', 'new']);
/** Words that start a new clause after a closing quote: a cue beyond them belongs to that clause. */
export const AFTER_QUOTE_STOP = new Set(['while', 'and', 'but', 'as', 'which', 'who', 'when', 'because', 'though', 'although', 'whereas', 'after', 'before', 'since', 'where', 'if']);

/** Whether token k is a cue. Verbs are lowercase: "State" in "US State Department" is not the verb "state". */
export const isCue = (tokens: Token[], k: number) =>
  tokens[k].kind === 'word' &&
  !tokens[k].cap &&
  LEX.speechVerbs.has(tokens[k].key) &&
  !(k > 0 && DETERMINER_BEFORE.has(tokens[k - 1].key)) &&
  // "the Nasdaq added 20.72 points": an index or a price that adds a figure says nothing
  !(ADD_FORMS.has(tokens[k].key) && tokens[k + 1]?.kind === 'num');

/** The cue at token k as a quote records it: its text and span. */
export const cueOf = (tokens: Token[], k: number) => ({ cue: tokens[k].text, cueSpan: { start: tokens[k].start, end: tokens[k].end } });
