/**
 * Who said each direct quotation, tried in order: (a) a cue after the quotation with its speaker
 * before or after it ("”, Blinken told", ",” said Kremlin spokesman X", "”, it added" for the
 * organisation quoted just before); (a1) a name after the quotation with an appositive or a
 * description before the cue; (a2) the said-frame with a verb no lexicon lists ("“...,” Mattson
 * offers"); (a3) a pull quote signed with a dash; (b) a cue before the quotation in its sentence;
 * (b2) a colon after a sentence whose subject is a named person; (c) with no cue at all, the
 * speaker of the quotation just before (a quotation running over several paragraphs).
 */
import type { Quote, QuoteSpeaker } from './types.js';
import { LEX } from './lexicons.js';
import type { Attribution, QuoteDocument, SpeakerRef } from './quotes-document.js';
import { OPEN_TO_CLOSE } from './quotes-marks.js';
import { AFTER_QUOTE_STOP, THAT_ONLY_CUES, cueOf, endsCueScan, isCue } from './quotes-cues.js';
import { personOrPronounAt, subjectOf } from './quotes-subject.js';
import { appositiveSpeakerAfter, speakerAfter, unnamedSpeakerAfter } from './quotes-speaker-after.js';
import { isQuotation } from './quotes-reportable.js';

/** Dashes that sign a pull quote or testimonial with its speaker's name. */
const SIGNATURE_DASHES = new Set(['\u2014', '\u2013', '-', '\u2015']);

/** The direct quotations with their speakers, and what reported speech needs of them. */
export interface DirectQuotes {
  /** The direct quotations in text order; reported speech is appended after them. */
  quotes: Quote[];
  /** Direct quotes by the offset of their opening mark. */
  directByOpen: Map<number, Quote>;
  /** Each direct quote's opening and closing token. */
  directTokRanges: [number, number][];
  /** Cues already read as a direct quotation's: no reported speech is read from them. */
  usedCues: Set<number>;
}

/** Attributes each quotation the marks enclose (`doc.marks`), in text order. */
export function attributeDirectQuotes(doc: QuoteDocument): DirectQuotes {
  const { text, tokens, sentences, n, sentOf, mentionStartingAt, inQuote, tokAt, fromMention, marks } = doc;
  const usedCues = new Set<number>();
  const quotes: Quote[] = [];
  /** Direct quotes by the offset of their opening mark. */
  const directByOpen = new Map<number, Quote>();
  const directTokRanges: [number, number][] = [];
  let prevSpeaker: { speaker: QuoteSpeaker; end: number; para: number } | null = null;
  /** The last organisation quoted, for a later quote's "it said". */
  const lastOrgSpeaker: { speaker: QuoteSpeaker | null; sentence: number } = { speaker: null, sentence: -1 };
  const paraOf = (offset: number): number => {
    // paragraph index: count of blank-line breaks before offset is costly; use the sentence index
    return sentOf[Math.min(n - 1, tokAt(offset))];
  };
  for (const q of marks) {
    const openTok = tokAt(q.open);
    const closeTok = q.close >= 0 ? tokAt(q.close) : tokAt(q.ce) - 1;
    directTokRanges.push([openTok, closeTok]);
    let found: Attribution | null = null;
    // a cue right after the quote whose speaker is not found: the quote is not the previous speaker's
    let cueAfterQuote = false;
    // (a) cue after the quote: ”, Blinken told ... / ,” said Kremlin spokesman ...
    if (q.close >= 0 && closeTok + 1 < n && sentOf[closeTok + 1] === sentOf[closeTok]) {
      const sAfter = sentOf[closeTok];
      for (let k = closeTok + 1; k < n && k <= closeTok + 16; k++) {
        const t = tokens[k];
        if (endsCueScan(t)) break;
        if (sentOf[k] !== sAfter) break;
        if (t.kind === 'word' && !t.cap && AFTER_QUOTE_STOP.has(t.key)) break;
        if (isCue(tokens, k)) {
          cueAfterQuote = true;
          // '“...,” it added': "it" speaks for the organisation quoted just before (in the two
          // sentences before), not for any noun ("another statement ... “...,” it says")
          const itTok = tokens[closeTok + 1];
          const org = lastOrgSpeaker.speaker;
          const it: SpeakerRef | null = k === closeTok + 2 && itTok.key === 'it' && org && sentOf[closeTok] - lastOrgSpeaker.sentence <= 2 ? { speaker: { ...org, text: itTok.text, start: itTok.start, end: itTok.end }, i: closeTok + 1, j: closeTok + 2 } : null;
          const sp = it ?? subjectOf(doc, k, closeTok + 1, true) ?? speakerAfter(doc, k) ?? unnamedSpeakerAfter(doc, k);
          if (sp) {
            found = { ...sp, ...cueOf(tokens, k) };
            usedCues.add(k);
          }
          break;
        }
      }
    }
    // (a1) a speaker named after the quote with an appositive before the cue: “...,” Interior
    // Minister Wolfgang Peschorn, who serves in a provisional government, said / “...,” Kurinji
    // Selvaraj, a research analyst at the Council on Energy, Environment and Water, told CBS News /
    // “...,” chairman, CEO and president Craig Menear said
    if (!found && q.close >= 0 && closeTok + 1 < n && sentOf[closeTok + 1] === sentOf[closeTok] && isQuotation(text.slice(q.cs, q.ce))) {
      const ap = appositiveSpeakerAfter(doc, closeTok + 1);
      if (ap) {
        found = { ...ap.sp, ...cueOf(tokens, ap.cue) };
        usedCues.add(ap.cue);
      }
    }
    // (a2) the said-frame with a verb no lexicon lists: “...,” Mattson offers, “...” / “...,” she recalls.
    // A named person or he/she right after a quote that ends on a comma, then one verb and a comma,
    // a full stop or the next quotation mark: that frame only ever attributes speech.
    const speakerAfterQuote = !found && q.close >= 0 && /[,?!]$/.test(text.slice(q.cs, q.close).trimEnd()) ? personOrPronounAt(doc, closeTok + 1) : null;
    if (speakerAfterQuote) {
      const v = speakerAfterQuote.next;
      const verb = tokens[v];
      const after = tokens[v + 1];
      if (verb && verb.kind === 'word' && !verb.cap && /(?:[^s]s|ed)$/.test(verb.key) && !LEX.stopwords.has(verb.key) && sentOf[v] === sentOf[closeTok] && after && (after.text === ',' || after.text === '.' || OPEN_TO_CLOSE[after.text] !== undefined)) {
        found = { ...speakerAfterQuote.sp, ...cueOf(tokens, v) };
      }
    }
    // (a3) a pull quote or testimonial signed with a dash: “...” —Crystal Smith, ... / "...". - Angela Hernandez
    if (!found && q.close >= 0) {
      let k = closeTok + 1;
      if (tokens[k]?.text === '.' || tokens[k]?.text === ',') k++;
      let dashes = 0;
      while (dashes < 2 && k < n && SIGNATURE_DASHES.has(tokens[k].text)) {
        k++;
        dashes++;
      }
      const signer = dashes > 0 ? mentionStartingAt.get(k) : undefined;
      // the name stands alone, or before its description after a comma ("-- Rust developer and
      // community leader" is a description, not a name)
      const after = signer ? tokens[signer.tokEnd] : undefined;
      const alone = !after || after.newlineBefore || after.kind === 'punct';
      if (signer && signer.type === 'PERSON' && alone) found = { ...fromMention(signer), cue: null };
    }
    // (b) cue before the quote in the same sentence: Kim said ... “ardent friendship”
    if (!found) {
      const s = sentOf[openTok];
      const sStart = sentences[s]?.tokStart ?? 0;
      // nearest cue whose subject is a person (or role, or pronoun); else the nearest with any subject
      let fallback: Attribution | null = null;
      const shortTerm = (text.slice(q.cs, q.ce).match(/\S+/g) ?? []).length <= 3;
      for (let k = openTok - 1; k >= sStart && k >= openTok - 60; k--) {
        if (!isCue(tokens, k)) continue;
        if (inQuote(tokens[k].start)) continue;
        // "pledged “full support”" quotes the pledge; "The pact pledges mutual assistance in the
        // face of “aggression”" does not: after a cue that takes plain objects, a word or three in
        // quotation marks further on, with no "that" or colon to open what was said, is a term
        if (THAT_ONLY_CUES.has(LEX.speechVerbs.get(tokens[k].key) ?? '') && openTok - k > 3 && shortTerm && !tokens.slice(k + 1, openTok).some((u) => u.key === 'that' || u.text === ':')) continue;
        const sp = subjectOf(doc, k, sStart, true);
        if (!sp) continue;
        const m = mentionStartingAt.get(sp.i);
        const personLike = !m || m.type === 'PERSON' || sp.speaker.canonical !== m.canonical;
        if (personLike && !(m && m.type !== 'PERSON')) {
          found = { ...sp, ...cueOf(tokens, k) };
          break;
        }
        fallback ??= { ...sp, ...cueOf(tokens, k) };
      }
      found ??= fallback;
    }
    // (b2) a colon before the quote, in a sentence whose subject is a named person or he/she:
    // “Mellor agrees and recommends an approach that fits: “If you are trying ...””
    if (!found && openTok > 0 && tokens[openTok - 1].text === ':') {
      const sStart = sentences[sentOf[openTok]]?.tokStart ?? 0;
      const subject = sStart < openTok - 2 ? personOrPronounAt(doc, sStart) : null;
      if (subject) found = { ...subject.sp, cue: null };
    }
    // (c) a quote with no cue continues the previous speaker (multi-paragraph quotes)
    if (!found && !cueAfterQuote && prevSpeaker && q.open - prevSpeaker.end < 400) {
      found = { speaker: prevSpeaker.speaker, i: -1, j: -1, cue: null };
    }
    const quote: Quote = {
      text: text.slice(q.cs, q.ce),
      start: q.cs,
      end: q.ce,
      direct: true,
      cue: found?.cue ?? null,
      speaker: found ? found.speaker : null,
    };
    if (found?.cueSpan) quote.cueSpan = found.cueSpan;
    quotes.push(quote);
    directByOpen.set(q.open, quote);
    prevSpeaker = found ? { speaker: found.speaker, end: q.close >= 0 ? q.close : q.ce, para: paraOf(q.cs) } : null;
    if (found && found.i >= 0 && mentionStartingAt.get(found.i)?.type === 'ORG') {
      lastOrgSpeaker.speaker = found.speaker;
      lastOrgSpeaker.sentence = sentOf[closeTok];
    }
  }
  return { quotes, directByOpen, directTokRanges, usedCues };
}
