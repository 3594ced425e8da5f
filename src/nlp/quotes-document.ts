/**
 * One article as the quote finder reads it: each token's sentence, the entity mentions and role
 * phrases by the token they start or end at, who could be speaking in each sentence, the genders of
 * the people named, the tokens that are times, and where the quotation marks open and close; built
 * once per article and handed first to the functions of the quotes-*.ts modules. Also the two
 * shapes a speaker takes (`SpeakerRef`, a speaker with a cue: `Attribution`).
 */
import type { QuoteSpeaker, TimeExpr } from './types.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { mentionsBySentence, type EntityResult, type MentionRec } from './entities.js';
import { lastStartingAtOrBefore } from './spans.js';
import { clusterGenders, type Gender } from './gender.js';
import { scanQuoteMarks, type QuoteMark } from './quotes-marks.js';

export interface SpeakerRef {
  speaker: QuoteSpeaker;
  /** Token range of the speaker mention. */
  i: number;
  j: number;
}

export type Attribution = SpeakerRef & { cue: string | null; cueSpan?: { start: number; end: number } };

type RoleRef = EntityResult['roleRefs'][number];

/** An article being read for quotes; the functions of the quotes-*.ts modules take it first. */
export interface QuoteDocument {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  ents: EntityResult;
  /** Number of tokens. */
  n: number;
  /** Token index → index of its sentence. */
  sentOf: Int32Array;
  /** Last token → the mention (no role mention) ending there. */
  mentionEndingAt: Map<number, MentionRec>;
  /** First token → the mention (no role mention) starting there. */
  mentionStartingAt: Map<number, MentionRec>;
  /** A name whose title is part of its run ("Interior Minister Wolfgang Peschorn"), by the offset where the title starts. */
  mentionWithRoleAt: Map<number, MentionRec>;
  /** Last token → the role phrase ending there. */
  roleEndingAt: Map<number, RoleRef>;
  /** First token → the role phrase starting there. */
  roleStartingAt: Map<number, RoleRef>;
  /** A cluster's gender as the article gives it (`gender.ts`), or null. */
  genderOf: (cluster: number) => Gender | null;
  /** Sentence index → the people and organisations named in it: who could be speaking there. */
  speakersBySentence: Map<number, MentionRec[]>;
  /** Sentence index → the persons named in it. */
  personsBySentence: Map<number, MentionRec[]>;
  /** The quotation marks, left to right (`quotes-marks.ts`). */
  marks: QuoteMark[];
  /** Character ranges from each opening mark to its closing mark (or where the quotation stops), left to right, never overlapping. */
  quoteRanges: { start: number; end: number }[];
  /** 1 where a token is part of a time expression. */
  timeTok: Uint8Array;
  /** The character offset lies inside a quotation (the opening mark itself is outside). */
  inQuote(offset: number): boolean;
  /** Index of the first token starting at or after a character offset. */
  tokAt(offset: number): number;
  /** A mention as a speaker, with its cluster's canonical name. */
  fromMention(m: MentionRec): SpeakerRef;
  /** A role phrase as a speaker, with the canonical name of the one it refers to, else the role. */
  fromRole(r: RoleRef): SpeakerRef;
}

/** Reads an article once for the quote finder (see QuoteDocument). */
export function readQuoteDocument(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[]): QuoteDocument {
  const n = tokens.length;
  const sentOf = new Int32Array(n);
  sentences.forEach((s, k) => {
    for (let t = s.tokStart; t < s.tokEnd; t++) sentOf[t] = k;
  });
  const mentionEndingAt = new Map<number, MentionRec>();
  const mentionStartingAt = new Map<number, MentionRec>();
  for (const m of ents.mentions) {
    if (m.kind === 'role') continue;
    mentionEndingAt.set(m.tokEnd - 1, m);
    mentionStartingAt.set(m.tokStart, m);
  }
  // a name whose title is part of its run ("Interior Minister Wolfgang Peschorn"), by where the title starts
  const mentionWithRoleAt = new Map<number, MentionRec>();
  for (const m of ents.mentions) if (m.kind !== 'role' && m.roleSpan && m.roleSpan.end <= m.start) mentionWithRoleAt.set(m.roleSpan.start, m);
  const roleEndingAt = new Map<number, RoleRef>();
  const roleStartingAt = new Map<number, RoleRef>();
  for (const r of ents.roleRefs) {
    roleEndingAt.set(r.tokEnd - 1, r);
    roleStartingAt.set(r.tokStart, r);
  }
  const genderOf = clusterGenders(ents, tokens);
  // people and organisations by sentence: who could be speaking there
  const speakersBySentence = mentionsBySentence(ents, (m) => m.kind !== 'role' && (m.type === 'PERSON' || m.type === 'ORG'));
  const personsBySentence = mentionsBySentence(ents, (m) => m.type === 'PERSON');

  // quotation spans and time tokens, used by the helpers
  // quotation ranges are found left to right and never overlap: binary search them
  // (the opening mark itself is outside: strictly after a range's start)
  const { marks, ranges: quoteRanges } = scanQuoteMarks(text);
  const inQuote = (offset: number) => {
    const r = quoteRanges[lastStartingAtOrBefore(quoteRanges, offset - 1)];
    return !!r && offset < r.end;
  };
  const timeTok = new Uint8Array(n);
  for (const t of times) {
    for (let k = tokAt(t.start); k < n && tokens[k].end <= t.end; k++) timeTok[k] = 1;
  }
  function tokAt(offset: number): number {
    // first token whose start >= offset (binary search)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  const fromMention = (m: MentionRec): SpeakerRef => ({
    speaker: { text: m.text, start: m.start, end: m.end, canonical: ents.clusters[m.cluster]?.canonical ?? m.canonical },
    i: m.tokStart,
    j: m.tokEnd,
  });
  const fromRole = (r: RoleRef): SpeakerRef => ({
    speaker: {
      text: text.slice(tokens[r.tokStart].start, r.end),
      start: tokens[r.tokStart].start,
      end: r.end,
      canonical: r.cluster !== null ? ents.clusters[r.cluster].canonical : r.role,
    },
    i: r.tokStart,
    j: r.tokEnd,
  });
  return {
    text, tokens, sentences, ents, n, sentOf, mentionEndingAt, mentionStartingAt, mentionWithRoleAt, roleEndingAt, roleStartingAt,
    genderOf, speakersBySentence, personsBySentence, marks, quoteRanges, timeTok, inQuote, tokAt, fromMention, fromRole,
  };
}
