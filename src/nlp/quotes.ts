/**
 * Quotes: direct (text between quotation marks, straight or curly, partial or spanning sentences)
 * and indirect ("X said (that) ...", "..., X said", "according to X"), each with a speaker and the
 * verb of speech (cue).
 *
 * Speakers are found next to the cue: the subject before it ("Blinken told reporters"), the name
 * after an inverted cue ("said Kremlin spokesman Dmitry Peskov"), the sentence subject for a
 * participle ("..., saying ...") or an appositive ("Koo, a spokesman for ..., said"). Pronouns
 * resolve to the first person named in the same or the previous sentences (the usual subject);
 * role phrases resolve through the entity clusters; a quote with no cue continues the speaker of
 * the quote just before it.
 *
 * `findQuotes` runs the steps of the quotes-*.ts modules in order: the article read once
 * (quotes-document, with the quotation marks of quotes-marks), direct quotations attributed
 * (quotes-direct), reported speech read (quotes-reported), then partial quotes inside reported
 * speech given its speaker; the speakers themselves come from quotes-subject, quotes-speaker-after,
 * quotes-noun-phrase and quotes-pronouns, the cues from quotes-cues.
 */
import type { Quote, TimeExpr } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import type { EntityResult } from './entities.js';
import { readQuoteDocument } from './quotes-document.js';
import { attributeDirectQuotes } from './quotes-direct.js';
import { findReportedSpeech, lendReportedSpeakers } from './quotes-reported.js';

export { isQuotation, isReportedQuote } from './quotes-reportable.js';

export function findQuotes(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[] = []): Quote[] {
  const doc = readQuoteDocument(text, tokens, sentences, ents, times);
  // ---- direct quotes ----
  const dq = attributeDirectQuotes(doc);
  // ---- indirect quotes ----
  findReportedSpeech(doc, dq);
  const { quotes } = dq;
  lendReportedSpeakers(doc, quotes);
  quotes.sort((a, b) => a.start - b.start || (a.direct === b.direct ? 0 : a.direct ? -1 : 1));
  return quotes;
}
