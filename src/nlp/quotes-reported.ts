/**
 * Reported speech: "X said (that) ...", "..., X said", "..., said X", "according to X", with the
 * bounds of what was said (past the one told, a time or a short phrase before "that"; after a wire
 * dateline; before a speaker's role; up to another report in the sentence) and the cues that only
 * report with "that" or take the one addressed first ("warned Pyongyang that ..."). Words in
 * quotation marks that are all of what was said stay the direct quotation, and take its speaker.
 */
import type { Quote } from './types.js';
import type { Token } from './tokens.js';
import { LEX } from './lexicons.js';
import { parseDateline } from '../extract/clean/dateline.js';
import type { QuoteDocument, SpeakerRef } from './quotes-document.js';
import { OPEN_TO_CLOSE } from './quotes-marks.js';
import { CLAUSE_MARKERS, DETERMINER_BEFORE, THAT_ONLY_CUES, cueOf, isCue } from './quotes-cues.js';
import { subjectOf } from './quotes-subject.js';
import { speakerAfter } from './quotes-speaker-after.js';
import { isPersonNoun, nounPhraseAfter } from './quotes-noun-phrase.js';
import type { DirectQuotes } from './quotes-direct.js';

/** Cue verbs that introduce reported speech (a subset of the speech verbs: no "call", "praise"...). */
const INDIRECT_CUES = new Set([
  'say', 'tell', 'add', 'state', 'announce', 'declare', 'claim', 'insist', 'argue', 'warn', 'explain', 'note', 'stress',
  'emphasize', 'acknowledge', 'admit', 'confirm', 'suggest', 'predict', 'report', 'assert', 'maintain', 'contend',
  'reiterate', 'write', 'vow', 'pledge', 'promise', 'allege', 'mention', 'deny', 'assure', 'reassure', 'remind',
]);
/** Reported clauses do not start with these (a time clause after the cue is not what was said). */
const NOT_CLAUSE_START = new Set(['when', 'if', 'as', 'because', 'after', 'before', 'while', 'since', 'until', 'in', 'on', 'at', 'by', 'for', 'with', 'to', 'of', 'from']);
/** Nouns for an outlet as the one told ("told the newspaper", "told the broadcaster"). */
const OUTLET_NOUNS = new Set(['newspaper', 'paper', 'broadcaster', 'agency', 'outlet', 'station', 'magazine', 'website', 'network', 'channel', 'reporters', 'journalists', 'press']);
/** Auxiliaries right after "that": a relative clause ("companies that have sold"), not reported words. */
const RELATIVE_THAT_NEXT = new Set(['have', 'has', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'do', 'does', 'did']);
/** Cues that take the one addressed before the words ("warned Pyongyang that ..."). */
const OBJECT_THEN_THAT_CUES = new Set(['warn', 'assure', 'reassure', 'inform', 'remind', 'notify', 'caution', 'advise', 'promise', 'convince']);
/** Cues whose object is the one addressed ("told Reuters", "warned Pyongyang"), never the speaker. */
const ADDRESSEE_CUES = new Set(['tell', 'brief', 'urge', ...OBJECT_THEN_THAT_CUES]);
/** Prepositions that open a phrase between a cue and its "that" ("said in a statement that"). */
const CUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'to', 'from', 'with']);

/** Sentence-final punctuation. */
const terminal = (t: Token) => t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?');

/**
 * Reads reported speech sentence by sentence and appends it to `dq.quotes`: "..., according to X",
 * "CLAUSE, X said.", "CLAUSE, said X.", "X said (that) CLAUSE"; a cue a direct quotation took
 * (`dq.usedCues`) or one inside a quotation reports nothing here.
 */
export function findReportedSpeech(doc: QuoteDocument, dq: DirectQuotes): void {
  const { tokens, sentences, n, sentOf, mentionStartingAt, timeTok } = doc;
  const { directTokRanges, usedCues } = dq;
  const insideMark = new Uint8Array(n);
  for (const [a, b] of directTokRanges) for (let k = a + 1; k < b && k < n; k++) insideMark[k] = 1;
  // the furthest closing token of a direct quote opening at each token (looked up once per cue, not scanned)
  const directCloseFrom = new Map<number, number>();
  for (const [a, b] of directTokRanges) directCloseFrom.set(a, Math.max(b, directCloseFrom.get(a) ?? -1));
  const insideDirect = (k: number) => insideMark[k] === 1;
  for (const sent of sentences) {
    for (let c = sent.tokStart; c < sent.tokEnd; c++) {
      const t = tokens[c];
      let lemma = t.kind === 'word' && !t.cap ? LEX.speechVerbs.get(t.key) : undefined;
      const according = t.key === 'according' && tokens[c + 1]?.key === 'to';
      if (!according && (!lemma || !INDIRECT_CUES.has(lemma))) continue;
      if (insideDirect(c) || usedCues.has(c)) continue;
      // a verb of speech read as a cue reads it (not "his statement", not "added 20.72 points")
      if (according ? c > 0 && DETERMINER_BEFORE.has(tokens[c - 1].key) : !isCue(tokens, c)) continue;
      if (according) {
        // "..., according to X" / "According to X, ..."
        const sp = speakerAfter(doc, c + 1) ?? nounPhraseAfter(doc, c + 2, sent.tokEnd);
        if (!sp) continue;
        let cs: number;
        let ce: number;
        if (c === sent.tokStart) {
          let k = c + 2;
          while (k < sent.tokEnd && tokens[k].text !== ',') k++;
          cs = k + 1;
          ce = sent.tokEnd;
        } else {
          cs = sent.tokStart;
          ce = c;
        }
        pushIndirect(doc, dq, cs, ce, sp, { cue: 'according to', cueSpan: { start: t.start, end: tokens[c + 1].end } });
        continue;
      }
      lemma = lemma!;
      const after = tokens[c + 1];
      const nearEnd = !after || terminal(after) || after.text === ',' || (after.kind === 'word' && c + 4 >= sent.tokEnd && !LEX.stopwords.has(after.key));
      const prev = tokens[c - 1];
      // "CLAUSE, X said." or "CLAUSE, said X."
      if (c > sent.tokStart + 3) {
        let sp: SpeakerRef | null = null;
        if (nearEnd || (after && (after.key === 'on' || after.key === 'in') && c + 5 >= sent.tokEnd) || addresseeCloses(doc, c, lemma, sent.tokEnd)) sp = subjectOf(doc, c, sent.tokStart, true);
        // (not after "told", "warned", "assured": the one after them is the one addressed)
        if (!sp && prev?.text === ',' && !ADDRESSEE_CUES.has(lemma)) {
          // ", said Kremlin spokesman Dmitry Peskov." — the speaker must close the clause, or be
          // followed by where or how it was said (", said Marcelo Claure in an email to staff."), or
          // by an appositive (", said X, CEO of Y"), not by the rest of the sentence (", says X, can
          // teach people": the cue is a parenthesis inside the words)
          const after = speakerAfter(doc, c, true);
          const nx = after ? tokens[after.j] : undefined;
          const parenthesis = nx?.text === ',' && CLAUSE_MARKERS.has(tokens[after!.j + 1]?.key ?? '');
          if (after && !parenthesis && (!nx || terminal(nx) || nx.text === ',' || sentOf[after.j] !== sentOf[c] || ((CUE_PREPOSITIONS.has(nx.key) || nx.key === 'for' || nx.key === 'of') && !nx.cap) || timeTok[after.j])) {
            // "CLAUSE, said X ...": the clause before the comma is what X said (unless it is a direct quote)
            const ce = c - 1;
            if (!insideDirect(ce - 1) && tokens[ce - 1]?.text !== '\u201d' && tokens[ce - 1]?.text !== '"') pushIndirect(doc, dq, afterDateline(doc, sent.tokStart, ce), ce, after, cueOf(tokens, c));
            continue;
          }
        }
        const phraseStart = sp ? speakerPhraseStart(doc, sp) : -1;
        if (sp && phraseStart > sent.tokStart + 2 && tokens[phraseStart - 1]?.text === ',') {
          const ce = phraseStart - 1;
          if (!insideDirect(ce - 1) && !(OPEN_TO_CLOSE['\u201c'] === tokens[ce - 1]?.text) && tokens[ce - 1]?.text !== '\u201d') {
            pushIndirect(doc, dq, afterDateline(doc, sent.tokStart, ce), ce, sp, cueOf(tokens, c));
          }
          continue;
        }
        if (prev?.text === ',' && sp) continue;
      }
      // "X said (that) CLAUSE"
      const sp = subjectOf(doc, c, sent.tokStart, true);
      if (!sp) continue;
      let cs = c + 1;
      // "warned Pyongyang that it would respond", "assured investors that ...": the one told is not
      // what was said; "warned North Korea against further tests" reports no words
      if (OBJECT_THEN_THAT_CUES.has(lemma)) {
        const m = mentionStartingAt.get(cs);
        // the one addressed: a name, or a short noun phrase ("investors", "the board")
        let objectEnd = m ? m.tokEnd : -1;
        if (!m) for (let k = cs; k < sent.tokEnd && k < cs + 4 && tokens[k].kind === 'word' && !tokens[k].cap; k++) if (tokens[k + 1]?.key === 'that') objectEnd = k + 1;
        const afterObject = objectEnd >= 0 ? tokens[objectEnd] : undefined;
        // "warned companies that have sold ...": "that" before an auxiliary is a relative pronoun,
        // the object's description, and no words are reported
        if (afterObject?.key === 'that' && RELATIVE_THAT_NEXT.has(tokens[objectEnd + 1]?.key ?? '')) continue;
        if (afterObject?.key === 'that' && objectEnd > cs) cs = objectEnd;
        else if (m && afterObject && ['against', 'of', 'about', 'to', 'over', 'not'].includes(afterObject.key)) continue;
      }
      if (lemma === 'tell') {
        // told reporters/journalists/<someone> (in ...) that ...
        let k = cs;
        while (k < sent.tokEnd && k - cs < 20 && tokens[k].key !== 'that') k++;
        if (tokens[k]?.key === 'that') cs = k;
        else {
          const m = mentionStartingAt.get(cs);
          cs = m ? m.tokEnd : cs + 1;
        }
      }
      // "said Monday that ...", "said on Tuesday that ..."
      {
        let k = cs;
        if (tokens[k]?.key === 'on' || tokens[k]?.key === 'in') k++;
        let sawTime = false;
        while (k < sent.tokEnd && timeTok[k]) {
          k++;
          sawTime = true;
        }
        if (sawTime && tokens[k]?.key === 'that') cs = k;
      }
      // "said in a statement that ...", "said at a news conference on Monday that ...": a short
      // prepositional phrase between the cue and "that"
      // (not after a participle, "a framework written in Elixir that follows"; and "that" after a
      // preposition is a determiner, "adds to that legacy")
      if (tokens[cs]?.key !== 'that' && CUE_PREPOSITIONS.has(tokens[cs]?.key ?? '') && !/ing$|^(?:written|spoken)$/.test(tokens[c].key)) {
        for (let k = cs + 1; k < sent.tokEnd && k <= cs + 8; k++) {
          if (tokens[k].key === 'that') {
            if (!CUE_PREPOSITIONS.has(tokens[k - 1].key)) cs = k;
            break;
          }
          if (tokens[k].kind === 'punct' || LEX.speechVerbs.has(tokens[k].key)) break;
        }
      }
      const hasThat = tokens[cs]?.key === 'that';
      if (hasThat) cs++;
      if (tokens[cs]?.text === ',') cs++;
      if (THAT_ONLY_CUES.has(lemma) && !hasThat) continue;
      if (tokens[cs] && NOT_CLAUSE_START.has(tokens[cs].key) && !hasThat) continue;
      let ce = sent.tokEnd;
      // ", and the government said ...": another report starts
      // (reported clauses are bounded: a run-on "sentence" of thousands of words is not one quote)
      ce = Math.min(ce, cs + 150);
      for (let k = cs; k < ce - 2; k++) {
        if (tokens[k].text !== ',' || !['and', 'but', 'while', 'whereas'].includes(tokens[k + 1].key)) continue;
        let found = false;
        for (let q = k + 2; q < Math.min(sent.tokEnd, k + 8); q++) if (isCue(tokens, q)) found = true;
        if (found) {
          ce = k;
          break;
        }
      }
      while (ce > cs && (terminal(tokens[ce - 1]) || tokens[ce - 1].text === '\u201d' || tokens[ce - 1].text === '"')) ce--;
      if (ce - cs < 3) continue;
      // content that is entirely a direct quote is already reported as one
      const firstTok = tokens[cs];
      if (firstTok && OPEN_TO_CLOSE[firstTok.text] !== undefined && (directCloseFrom.get(cs) ?? -1) >= ce - 1) continue;
      // a noun object ("called the agreement", "thanked Kim") is not reported speech
      if (lemma === 'call' || lemma === 'describe') continue;
      pushIndirect(doc, dq, cs, ce, sp, cueOf(tokens, c));
    }
  }
}

/**
 * Where a sentence's own words begin after a wire dateline ("VELMORA (Wire Daily) — At least 14
 * ...", "SEOUL, South Korea (AP) — ..."), as the cleaner reads datelines. Else `start`.
 */
function afterDateline(doc: QuoteDocument, start: number, end: number): number {
  const { text, tokens, tokAt } = doc;
  const from = tokens[start].start;
  const dateline = parseDateline(text.slice(from, tokens[end - 1].end));
  if (!dateline) return start;
  const k = tokAt(from + dateline.text.length);
  return k < end ? k : start;
}

/**
 * The token where the speaker's phrase begins: a role written before the name belongs to it
 * ("..., Finance Minister Anna Berg said", "..., the regional governor, Anna Berg, said"), so the
 * reported clause ends at the comma before the role, not inside it.
 */
function speakerPhraseStart(doc: QuoteDocument, sp: SpeakerRef): number {
  const { text, tokens, mentionStartingAt, tokAt } = doc;
  const m = mentionStartingAt.get(sp.i);
  const role = m?.roleSpan;
  if (!m || !role || role.end > m.start || m.start - role.end > 4 || !['', ','].includes(text.slice(role.end, m.start).trim())) return sp.i;
  let k = tokAt(role.start);
  if (k >= sp.i) return sp.i;
  // "Spain's health minister", "the country's health minister": the possessor goes with the role
  if (tokens[k - 1]?.key === "'s") {
    let p = k - 2;
    while (p > k - 5 && p >= 0 && tokens[p].kind === 'word' && !LEX.speechVerbs.has(tokens[p].key) && tokens[p - 1]?.kind === 'word' && tokens[p - 1].cap === tokens[p].cap && !DETERMINER_BEFORE.has(tokens[p - 1].key)) p--;
    if (p >= 0 && tokens[p].kind === 'word') k = p;
  }
  if (tokens[k - 1] && DETERMINER_BEFORE.has(tokens[k - 1].key) && tokens[k - 1].key !== "'s") k--;
  return k;
}

/**
 * "..., Lena Varga told Reuters on Monday.", "..., he told reporters.": after "told" only the one
 * addressed (a name, or a short noun phrase) and a time remain, so the words are the clause before.
 */
function addresseeCloses(doc: QuoteDocument, c: number, lemma: string, end: number): boolean {
  const { tokens, mentionStartingAt, timeTok } = doc;
  if (lemma !== 'tell') return false;
  let k = c + 1;
  const m = mentionStartingAt.get(k);
  if (m) k = m.tokEnd;
  else {
    // "told reporters", "told the newspaper": a noun for people or for an outlet ("don't tell the full story" tells no one)
    const from = k;
    if (tokens[k] && DETERMINER_BEFORE.has(tokens[k].key)) k++;
    while (k < end && k - from < 4 && tokens[k].kind === 'word' && !tokens[k].cap && !CUE_PREPOSITIONS.has(tokens[k].key) && tokens[k].key !== 'that') k++;
    if (k === from || !(isPersonNoun(tokens[k - 1]) || OUTLET_NOUNS.has(tokens[k - 1].key))) return false;
  }
  if (tokens[k]?.key === 'on' || tokens[k]?.key === 'in' || tokens[k]?.key === 'at') k++;
  while (k < end && timeTok[k]) k++;
  // the sentence ends there ("TODAY.com that ..." is an address, not an end)
  return k >= end || (k === end - 1 && terminal(tokens[k]));
}

/**
 * Records the reported words [cs, ce) of a cue: words that are a direct quotation found already
 * give it this speaker if it has none; else a reported quote of three tokens or more.
 */
function pushIndirect(doc: QuoteDocument, dq: DirectQuotes, cs: number, ce: number, sp: SpeakerRef, cue: { cue: string; cueSpan: { start: number; end: number } }) {
  const { text, tokens } = doc;
  const { quotes, directByOpen } = dq;
  while (ce > cs && (tokens[ce - 1].text === ',' || terminal(tokens[ce - 1]))) ce--;
  // 'Ms Persson said: "I would like ..."': what follows the colon is the direct quotation, found
  // already; it takes this speaker if it has none
  while (cs < ce && tokens[cs].text === ':') cs++;
  if (cs < ce && OPEN_TO_CLOSE[tokens[cs].text] !== undefined) {
    const opened = directByOpen.get(tokens[cs].start);
    const whole = opened && opened.end >= tokens[ce - 1].start - 1 ? opened : undefined;
    if (whole) {
      if (!whole.speaker) {
        whole.speaker = sp.speaker;
        whole.cue = cue.cue;
        whole.cueSpan = cue.cueSpan;
      }
      return;
    }
  }
  if (ce - cs < 3) return;
  const start = tokens[cs].start;
  const end = tokens[ce - 1].end;
  quotes.push({ text: text.slice(start, end), start, end, direct: false, cue: cue.cue, cueSpan: cue.cueSpan, speaker: sp.speaker });
}

/**
 * A partial quote inside reported speech ("the data fed into an internal “reliability score”
 * ..., the authority said") has the reporter's speaker.
 */
export function lendReportedSpeakers(doc: QuoteDocument, quotes: Quote[]): void {
  const { n, sentOf, tokAt } = doc;
  const indirectBySentence = new Map<number, Quote[]>();
  for (const r of quotes) {
    if (r.direct || !r.speaker) continue;
    const si = sentOf[Math.min(n - 1, tokAt(r.start))];
    const list = indirectBySentence.get(si) ?? [];
    list.push(r);
    indirectBySentence.set(si, list);
  }
  for (const q of quotes) {
    if (!q.direct || q.speaker) continue;
    const si = sentOf[Math.min(n - 1, tokAt(q.start))];
    const host = (indirectBySentence.get(si) ?? []).find((r) => r.start <= q.start && r.end >= q.end - 1);
    if (host) {
      q.speaker = host.speaker;
      q.cue = host.cue;
      if (host.cueSpan) q.cueSpan = host.cueSpan;
    }
  }
}
