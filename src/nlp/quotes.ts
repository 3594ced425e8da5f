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
 */
import type { Quote, QuoteSpeaker, TimeExpr } from './types.js';
import type { Token } from './tokens.js';
import { isMannerAdverb, type Sentence } from './sentences.js';
import { ORG_ROLE_NOUNS, mentionsBySentence, resolveOrgRoleNoun, type EntityResult, type MentionRec } from './entities.js';
import { LEX } from './lexicons.js';
import { parseDateline } from '../extract/clean/dateline.js';
import { lastStartingAtOrBefore } from './spans.js';
import { clusterGenders, genderOfWord, type Gender } from './gender.js';
import { isCommonEnglishWord } from '../common-words.js';

const PRONOUN_GENDER = new Map<string, Gender>([['she', 'f'], ['he', 'm']]);
/** Sentences back a pronoun looks for anyone not of the other gender. */
const PRONOUN_REACH = 3;
/** Sentences back it looks for someone known to have its gender, when no one nearer fits. */
const PRONOUN_REACH_KNOWN_GENDER = 8;
const opposite = (g: Gender): Gender => (g === 'f' ? 'm' : 'f');

const OPEN_TO_CLOSE: Record<string, string> = {
  '\u201c': '\u201d', // “ ”
  '\u00ab': '\u00bb', // « »
  '\u201e': '\u201d', // „ ”
  '"': '"',
};
/** Cue verbs that introduce reported speech (a subset of the speech verbs: no "call", "praise"...). */
const INDIRECT_CUES = new Set([
  'say', 'tell', 'add', 'state', 'announce', 'declare', 'claim', 'insist', 'argue', 'warn', 'explain', 'note', 'stress',
  'emphasize', 'acknowledge', 'admit', 'confirm', 'suggest', 'predict', 'report', 'assert', 'maintain', 'contend',
  'reiterate', 'write', 'vow', 'pledge', 'promise', 'allege', 'mention', 'deny', 'assure', 'reassure', 'remind',
]);
/** Cues that also take plain noun objects ("declared a state of emergency"): reported speech only with "that". */
const THAT_ONLY_CUES = new Set(['deny', 'announce', 'declare', 'confirm', 'acknowledge', 'admit', 'vow', 'pledge', 'promise', 'report', 'state', 'note', 'predict', 'assure', 'reassure', 'remind']);
/** Reported clauses do not start with these (a time clause after the cue is not what was said). */
const NOT_CLAUSE_START = new Set(['when', 'if', 'as', 'because', 'after', 'before', 'while', 'since', 'until', 'in', 'on', 'at', 'by', 'for', 'with', 'to', 'of', 'from']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'both', 'many', 'several', 'some', 'most']);
const PREPOSITIONS_IN_NP = new Set(['outside', 'of', 'in', 'at', 'from', 'near', 'for', 'with', 'on', 'inside', 'across']);
/** Words that may sit between a subject and its verb ("Putin also said", "Kim has repeatedly said"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'later', 'earlier', 'previously', 'repeatedly', 'then',
  'once', 'again', 'personally', 'publicly', 'reportedly', 'further', 'recently', 'separately', 'similarly', 'only',
  'just', 'already', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'often', 'frequently',
  'consistently', 'bluntly', 'flatly', 'angrily', 'firmly', 'told', 'been',
]);
const PLURAL_OR_IT = new Set(['they', 'it', 'we']);
/** An agent or a title, singular or plural ("officials", "ambassador"): a noun naming people. */
function isPersonNoun(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  const singular = t.key.replace(/s$/, '');
  return LEX.agents.has(t.key) || LEX.titles.has(t.key) || LEX.agents.has(singular) || LEX.titles.has(singular);
}

/** Words a speakerless quotation needs at least, unless it is a sentence of its own. */
const MIN_UNATTRIBUTED_WORDS = 5;
/** Where the look for a cue after a quotation stops: the sentence's end, a semicolon, another quotation. */
const endsCueScan = (t: Token): boolean => t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';' || OPEN_TO_CLOSE[t.text] !== undefined);
/** Forms of "add", which adds figures as often as words. */
const ADD_FORMS = new Set(['add', 'adds', 'added', 'adding']);
/** Tokens an appositive or relative clause between a speaker's name and the cue may take. */
const APPOSITIVE_TOKENS = 30;

/** Enough words to be something someone said, or a whole sentence ("What's wrong with you?"). */
export function isQuotation(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
  return words >= MIN_UNATTRIBUTED_WORDS || (words >= 2 && /[.!?]["'”’]?$/.test(text.trim()) && /^[\p{Lu}"“‘']/u.test(text.trim()));
}

/** Articles before an unnamed speaker after a cue ("said the source", "said a witness", "said one official"). */
const UNNAMED_OPENERS = new Set(['the', 'a', 'an', 'one', 'another']);
/** People quoted without a name whom the agents and titles lists do not hold. */
const UNNAMED_SPEAKER_NOUNS = new Set(['source', 'sources', 'insider', 'witness', 'witnesses', 'resident', 'residents', 'person', 'customer', 'employee', 'neighbour', 'neighbor', 'relative']);
/** Words that may follow an unnamed speaker: a relative clause or a preposition of description. */
const RELATIVE_AFTER_SPEAKER = new Set(['who', 'whose', 'familiar', 'close', 'with', 'in', 'at', 'from', 'of', 'for', 'on']);
/** Dashes that sign a pull quote or testimonial with its speaker's name. */
const SIGNATURE_DASHES = new Set(['\u2014', '\u2013', '-', '\u2015']);
/** Nouns for an outlet as the one told ("told the newspaper", "told the broadcaster"). */
const OUTLET_NOUNS = new Set(['newspaper', 'paper', 'broadcaster', 'agency', 'outlet', 'station', 'magazine', 'website', 'network', 'channel', 'reporters', 'journalists', 'press']);
/** Auxiliaries right after "that": a relative clause ("companies that have sold"), not reported words. */
const RELATIVE_THAT_NEXT = new Set(['have', 'has', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'do', 'does', 'did']);
/** Cues that take the one addressed before the words ("warned Pyongyang that ..."). */
const OBJECT_THEN_THAT_CUES = new Set(['warn', 'assure', 'reassure', 'inform', 'remind', 'notify', 'caution', 'advise', 'promise', 'convince']);

/** Cues whose object is the one addressed ("told Reuters", "warned Pyongyang"), never the speaker. */
const ADDRESSEE_CUES = new Set(['tell', 'brief', 'urge', ...OBJECT_THEN_THAT_CUES]);
/** Words that make what follows a cue a clause, not the name of a speaker: auxiliaries, modals, relatives. */
const CLAUSE_MARKERS = new Set(['would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'do', 'that', 'which', 'who', 'not', 'to']);
/** Prepositions that end the search for a speaker after a cue. */
const SPEAKER_SCAN_BREAKS = new Set(['in', 'on', 'at', 'by', 'for', 'of', 'from', 'with', 'including', 'during', 'after', 'before', 'since', 'until']);
/** Prepositions that open a phrase between a cue and its "that" ("said in a statement that"). */
const CUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'to', 'from', 'with']);
/** Nouns for a body of people that speak without an article or a plural ending ("police said"). */
const COLLECTIVE_NOUNS = new Set(['police', 'staff', 'personnel', 'management', 'military', 'media', 'clergy', 'security']);
/** A cue word after these is a noun ("a report", "his remarks"). */
const DETERMINER_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', "'s", 'recent', 'new']);
/** Words that start a new clause after a closing quote: a cue beyond them belongs to that clause. */
const AFTER_QUOTE_STOP = new Set(['while', 'and', 'but', 'as', 'which', 'who', 'when', 'because', 'though', 'although', 'whereas', 'after', 'before', 'since', 'where', 'if']);

type Attribution = SpeakerRef & { cue: string | null; cueSpan?: { start: number; end: number } };

interface SpeakerRef {
  speaker: QuoteSpeaker;
  /** Token range of the speaker mention. */
  i: number;
  j: number;
}

export function findQuotes(text: string, tokens: Token[], sentences: Sentence[], ents: EntityResult, times: TimeExpr[] = []): Quote[] {
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
  const roleEndingAt = new Map<number, (typeof ents.roleRefs)[number]>();
  const roleStartingAt = new Map<number, (typeof ents.roleRefs)[number]>();
  for (const r of ents.roleRefs) {
    roleEndingAt.set(r.tokEnd - 1, r);
    roleStartingAt.set(r.tokStart, r);
  }
  const genderOf = clusterGenders(ents, tokens);
  // people and organisations by sentence: who could be speaking there
  const speakersBySentence = mentionsBySentence(ents, (m) => m.kind !== 'role' && (m.type === 'PERSON' || m.type === 'ORG'));
  const personsBySentence = mentionsBySentence(ents, (m) => m.type === 'PERSON');

  // quotation spans (computed below) and time tokens, used by the helpers
  // quotation ranges are found left to right and never overlap: binary search them
  // (the opening mark itself is outside: strictly after a range's start)
  const quoteRanges: { start: number; end: number }[] = [];
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
  const fromRole = (r: (typeof ents.roleRefs)[number]): SpeakerRef => ({
    speaker: {
      text: text.slice(tokens[r.tokStart].start, r.end),
      start: tokens[r.tokStart].start,
      end: r.end,
      canonical: r.cluster !== null ? ents.clusters[r.cluster].canonical : r.role,
    },
    i: r.tokStart,
    j: r.tokEnd,
  });

  /** The person a pronoun at token p refers to: the first person named in its sentence, else in the previous ones. */
  function resolvePronoun(p: number): SpeakerRef {
    const t = tokens[p];
    if (PLURAL_OR_IT.has(t.key)) return { speaker: { text: t.text, start: t.start, end: t.end, canonical: t.text }, i: p, j: p + 1 };
    return resolveReference(p, p);
  }

  /**
   * The person a reference at tokens [a, e] stands for ("she", "the 67-year-old"): the first person
   * named in its sentence before it, else in the previous ones (up to three back).
   */
  function resolveReference(a: number, e: number, gender: Gender | null = null): SpeakerRef {
    const p = a;
    const wanted: Gender | null = a === e ? PRONOUN_GENDER.get(tokens[a].key) ?? null : gender;
    const phrase = text.slice(tokens[a].start, tokens[e].end);
    const base: SpeakerRef = { speaker: { text: phrase, start: tokens[a].start, end: tokens[e].end, canonical: phrase }, i: a, j: e + 1 };
    const s = sentOf[p];
    // up to three sentences back any person whose gender is not the other one; further back (a
    // feature's long paragraphs about one person) only a person known to have the pronoun's gender,
    // and only past sentences that name no one else who could speak (an organisation, a person of
    // unknown gender: "Holloway says …" read as a firm)
    const other = wanted ? opposite(wanted) : null;
    let reachesFurther = other !== null;
    for (let k = s; k >= 0 && k >= s - PRONOUN_REACH_KNOWN_GENDER; k--) {
      const near = k >= s - PRONOUN_REACH;
      if (near && reachesFurther) reachesFurther = !(speakersBySentence.get(k) ?? []).some((m) => (k < s || m.tokEnd <= p) && !inQuote(m.start) && (m.type !== 'PERSON' || genderOf(m.cluster) !== other));
      if (!near && !reachesFurther) break;
      const list = personsBySentence.get(k);
      if (!list) continue;
      // a name inside a quotation is not what a pronoun outside it refers to; "she" is no man's
      const cand = (k === s ? list.filter((m) => m.tokEnd <= p) : list).filter((m) => !inQuote(m.start) &&
        (near ? genderOf(m.cluster) !== other || other === null : genderOf(m.cluster) === wanted));
      if (cand.length) {
        const m = cand[0];
        base.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
        return base;
      }
      // someone of the other gender named in between: the text has moved on from the one before
      if (!near && list.some((m) => !inQuote(m.start))) break;
    }
    return base;
  }

  /** A speaker that ends at token e (inclusive): a mention, a role phrase or a pronoun. */
  function speakerEndingAt(e: number, minTok: number): SpeakerRef | null {
    if (e < minTok || e < 0) return null;
    const m = mentionEndingAt.get(e);
    if (m && m.tokStart >= minTok) {
      // "Sam Green of the Center for ... said": the person before "of/at/from the <org>"
      if (m.type !== 'PERSON') {
        let k = m.tokStart - 1;
        if (tokens[k]?.key === 'the') k--;
        if (tokens[k] && ['of', 'at', 'from', 'with'].includes(tokens[k].key)) {
          const p = mentionEndingAt.get(k - 1) ?? null;
          if (p && p.type === 'PERSON') return fromMention(p);
          const r = roleEndingAt.get(k - 1);
          if (r) return fromRole(r);
        }
        // "the Kremlin website said": the organisation stands for the speaker
      }
      return fromMention(m);
    }
    const r = roleEndingAt.get(e);
    if (r && r.tokStart >= minTok) {
      // "the actress said" with no one the article calls an actress: an occupation, unlike an
      // office ("the official said"), is only ever someone the article has named, so it refers
      // back as "she" would
      if (r.cluster === null && r.definite && LEX.occupations.has(r.head)) return resolveReference(r.tokStart, e, genderOfWord(r.head.split(' ').pop()!));
      return fromRole(r);
    }
    const t = tokens[e];
    if (t.kind === 'word' && LEX.pronouns.has(t.key) && (t.key === 'he' || t.key === 'she' || t.key === 'they')) return resolvePronoun(e);
    // "the 67-year-old said": an age stands for the person just named
    if (t.key === 'old' && tokens[e - 1]?.text === '-' && tokens[e - 2]?.key === 'year' && tokens[e - 3]?.text === '-' && tokens[e - 4]?.kind === 'num' && tokens[e - 5]?.key === 'the' && e - 5 >= minTok) return resolveReference(e - 5, e);
    return null;
  }

  /** A head noun found before a relative clause or prepositional phrase: the speaker phrase runs on to token e. */
  function stretchTo(head: SpeakerRef, e: number): SpeakerRef {
    const end = tokens[e].end;
    head.speaker.text = text.slice(head.speaker.start!, end);
    head.speaker.end = end;
    head.j = e + 1;
    return head;
  }

  /** Noun phrase fallback: "Russian state media said", "South Korean analysts say". */
  function nounPhraseEndingAt(e: number, minTok: number): SpeakerRef | null {
    // "Many farmers who lost crops then say": the head before a relative clause
    for (let k = e; k >= minTok && k >= e - 8; k--) {
      const key = tokens[k].key;
      if ((key === 'who' || key === 'which') && k - 1 >= minTok && tokens[k - 1].kind === 'word' && !tokens[k - 1].cap) {
        const head = nounPhraseEndingAt(k - 1, minTok);
        if (head) return stretchTo(head, e);
      }
      if (tokens[k].kind === 'punct') break;
    }
    let s = e;
    while (s - 1 >= minTok && e - s < 5) {
      const u = tokens[s - 1];
      if ((u.kind !== 'word' && !(u.kind === 'num' && /^\d+$/.test(u.text))) || (LEX.stopwords.has(u.key) && !NUMBER_WORDS.has(u.key)) || LEX.speechVerbs.has(u.key)) break;
      s--;
    }
    // "The protesters outside the ministry said": the head before the prepositional phrase
    {
      let q = s;
      if (tokens[q - 1] && (tokens[q - 1].key === 'the' || tokens[q - 1].key === 'a')) q--;
      const prep = tokens[q - 1];
      if (prep && PREPOSITIONS_IN_NP.has(prep.key) && q - 2 >= minTok && tokens[q - 2].kind === 'word' && !tokens[q - 2].cap && !LEX.stopwords.has(tokens[q - 2].key) && tokens[q - 2].key.endsWith('s')) {
        const head = nounPhraseEndingAt(q - 2, minTok);
        if (head) return stretchTo(head, e);
      }
    }
    if (tokens[s - 1] && (tokens[s - 1].key === 'the' || tokens[s - 1].key === 'a' || tokens[s - 1].key === 'an')) s--;
    const last = tokens[e];
    if (last.kind !== 'word' || LEX.stopwords.has(last.key) || e - s > 5) return null;
    // a lone lowercase word that is not a plural noun ("analysts", "officials") is not a speaker,
    // unless it names a body of people ("police said", "staff said")
    if (s === e && !last.cap && !last.key.endsWith('s') && !COLLECTIVE_NOUNS.has(last.key)) return null;
    // "Crowds lining the streets chanted": a short participle phrase from the sentence start
    const sStart = sentences[sentOf[e]].tokStart;
    if (s > sStart && s - sStart <= 4 && e - sStart <= 7) {
      let clean = true;
      for (let k = sStart; k < s; k++) if (tokens[k].kind !== 'word' || LEX.speechVerbs.has(tokens[k].key)) clean = false;
      if (clean && tokens[sStart].cap && tokens[sStart + 1]?.key.endsWith('ing')) s = sStart;
    }
    const start = tokens[s].start;
    const txt = text.slice(start, last.end);
    const sp: SpeakerRef = { speaker: { text: txt, start, end: last.end, canonical: txt.replace(/^(the|a|an|many|some|several|most)\s+/i, '') }, i: s, j: e + 1 };
    // "the Kremlin website said": the organisation named inside the phrase
    for (let k = s; k <= e; k++) {
      const m = mentionStartingAt.get(k);
      if (m && m.type === 'ORG') {
        sp.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
        return sp;
      }
    }
    // "the company said", "the regulator said": the organisation the article is about
    const orgRole = e === s + 1 && tokens[s].key === 'the' ? ORG_ROLE_NOUNS.get(last.key) : undefined;
    if (orgRole) {
      const c = resolveOrgRole(orgRole, tokens[s].start);
      if (c) {
        sp.speaker.canonical = c;
        return sp;
      }
    }
    // "the institute said": the last organisation before it with that head word
    if (e === s + 1 && tokens[s].key === 'the' && LEX.keywords.org.has(last.key)) {
      for (let q = ents.mentions.length - 1; q >= 0; q--) {
        const m = ents.mentions[q];
        if (m.start >= tokens[s].start || m.type !== 'ORG') continue;
        const words = m.canonical.toLowerCase().split(/\s+/);
        const head = words.find((w, wi) => wi + 1 === words.length || words[wi + 1] === 'for' || words[wi + 1] === 'of');
        if (head === last.key) {
          sp.speaker.canonical = ents.clusters[m.cluster]?.canonical ?? m.canonical;
          break;
        }
      }
    }
    return sp;
  }

  function resolveOrgRole(kind: 'company' | 'public', before: number): string | null {
    return resolveOrgRoleNoun(ents, kind, before);
  }

  /** Subject of the cue verb at c, looking left within the sentence (not before minTok). */
  function subjectOf(c: number, minTok: number, allowNP: boolean): SpeakerRef | null {
    let e = c - 1;
    while (e >= minTok && tokens[e].kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[e].key) || isMannerAdverb(tokens[e])) && !LEX.pronouns.has(tokens[e].key)) e--;
    if (e < minTok) return null;
    const direct = speakerEndingAt(e, minTok);
    if (direct) return direct;
    // "Ouazzani called the agreement ... and said ...": the subject of the first verb
    if ((tokens[e].key === 'and' || tokens[e].key === 'but') && e > minTok) {
      const subj = sentenceSubject(sentOf[c], e);
      if (subj) return subj;
    }
    // participle ("..., saying") or appositive ("Koo, a spokesman ..., said"): the sentence subject
    if (tokens[e].text === ',' || tokens[c].key.endsWith('ing')) {
      const subject = sentenceSubject(sentOf[c], c);
      if (subject || !allowNP || tokens[e].text !== ',') return subject;
      // "Officials, who spoke on condition of anonymity, said": the noun phrase before the aside
      let open = e - 1;
      while (open > minTok && open > e - 25 && tokens[open].text !== ',') open--;
      // (people only: an agent or a title heads it, "Officials", "the ambassador"; the cue a finite verb)
      if (isPersonNoun(tokens[open - 1]) && !tokens[c].key.endsWith('ing') && tokens[open].text === ',' && tokens[open + 1]?.key === 'who') return nounPhraseEndingAt(open - 1, minTok);
      return null;
    }
    if (allowNP) return nounPhraseEndingAt(e, minTok);
    return null;
  }

  /** "On Monday, the People's Daily, ...": token k follows a short opening phrase and its comma (and "the"). */
  function afterOpeningPhrase(k: number, start: number): boolean {
    const comma = tokens[k - 1]?.key === 'the' ? k - 2 : k - 1;
    return comma > start && comma - start <= 6 && tokens[comma].text === ',';
  }

  function sentenceSubject(s: number, before: number): SpeakerRef | null {
    const sent = sentences[s];
    for (let k = sent.tokStart; k < before && k < sent.tokStart + 40; k++) {
      const m = mentionStartingAt.get(k);
      if (m && m.type === 'PERSON') return fromMention(m);
      // "The Bezorgersbond, a union representing couriers, said": an organisation opening the sentence
      if (m && m.type === 'ORG' && (k === sent.tokStart || (k === sent.tokStart + 1 && tokens[sent.tokStart].key === 'the') || afterOpeningPhrase(k, sent.tokStart)) && tokens[m.tokEnd]?.text === ',') return fromMention(m);
      const r = roleStartingAt.get(k);
      if (r) return fromRole(r);
      const t = tokens[k];
      if (t.kind === 'word' && (t.key === 'he' || t.key === 'she')) return resolvePronoun(k);
    }
    // "The regulator fined Parcelio €32m, alleging that ...": a short noun phrase opening the sentence
    const first = tokens[sent.tokStart];
    if (first && (first.key === 'the' || first.key === 'a')) {
      let e = sent.tokStart + 1;
      while (e + 1 < before && e - sent.tokStart < 3 && tokens[e + 1].kind === 'word' && !tokens[e + 1].cap && !LEX.stopwords.has(tokens[e + 1].key) && !/(ed|s)$/.test(tokens[e + 1].key)) e++;
      if (tokens[e]?.kind === 'word' && !tokens[e].cap) return nounPhraseEndingAt(e, sent.tokStart);
    }
    return null;
  }

  /** A named person or he/she starting at token k: the speaker, and the token after it. */
  function personOrPronounAt(k: number): { sp: SpeakerRef; next: number } | null {
    const m = mentionStartingAt.get(k);
    if (m && m.type === 'PERSON') return { sp: fromMention(m), next: m.tokEnd };
    const t = tokens[k];
    return t?.kind === 'word' && (t.key === 'he' || t.key === 'she') ? { sp: resolvePronoun(k), next: k + 1 } : null;
  }

  /** Speaker after an inverted cue: "said Kremlin spokesman Dmitry Peskov", "the institute said". */
  function speakerAfter(c: number, afterComma = false): SpeakerRef | null {
    const s = sentOf[c];
    // up to a dozen words of description before the name ("said The We Company's recently named
    // executive chair Marcelo Claure"), but no verb: "said the two sides would meet Kim" reports words
    for (let k = c + 1; k < n && k <= c + (afterComma ? 12 : 8) && sentOf[k] === s; k++) {
      const t = tokens[k];
      // "said the company's chairman, Marcelo Claure": the name in apposition after the role
      if (t.text === ',' && k > c + 1) {
        const m = mentionStartingAt.get(k + 1);
        if (m && m.type === 'PERSON') return fromMention(m);
      }
      if (t.kind === 'punct' && t.text !== '-') break;
      // "announced in September by a coalition including Reddit", "suggested by Matthew": a participle's
      // phrase, not a speaker after an inverted cue
      if (afterComma && (CLAUSE_MARKERS.has(t.key) || SPEAKER_SCAN_BREAKS.has(t.key))) break;
      const m = mentionStartingAt.get(k);
      if (m) {
        // a role prefix ("Kremlin spokesman") may precede the name: prefer the PERSON after it
        // ("said The We Company's recently named executive chair Marcelo Claure": up to a dozen words)
        if (m.type !== 'PERSON') {
          // ("says Estera Events Co-Owner and Lead Planner Erica Vanco": hyphens inside the title too)
          for (let q = m.tokEnd; q < n && q <= c + 12 && (tokens[q].kind === 'word' || tokens[q].key === "'s" || tokens[q].text === '-'); q++) {
            const p = mentionStartingAt.get(q);
            if (p && p.type === 'PERSON') return fromMention(p);
          }
        }
        return fromMention(m);
      }
      const r = roleStartingAt.get(k);
      if (r) return fromRole(r);
      if (t.kind === 'word' && (t.key === 'he' || t.key === 'she')) return resolvePronoun(k);
    }
    return null;
  }

  /**
   * An unnamed speaker after an inverted cue: "..., said the source, who asked ...", "said a
   * witness", "said one official": an article, at most two modifiers and a noun for a person, then
   * the phrase ends. Its text is the speaker; it is resolved to no one.
   */
  function unnamedSpeakerAfter(c: number): SpeakerRef | null {
    let k = c + 1;
    if (!UNNAMED_OPENERS.has(tokens[k]?.key ?? '')) return null;
    k++;
    for (let q = k; q < n && q <= k + 2; q++) {
      const t = tokens[q];
      if (t.kind !== 'word' || t.cap) return null;
      if (!isPersonNoun(t) && !UNNAMED_SPEAKER_NOUNS.has(t.key)) continue;
      const after = tokens[q + 1];
      if (after && after.kind === 'word' && !RELATIVE_AFTER_SPEAKER.has(after.key)) return null;
      const phrase = text.slice(tokens[k].start, t.end);
      return { speaker: { text: text.slice(tokens[c + 1].start, t.end), start: tokens[c + 1].start, end: t.end, canonical: phrase }, i: c + 1, j: q + 1 };
    }
    return null;
  }

  // verbs are lowercase: "State" in "US State Department" is not the verb "state"
  const isCue = (k: number) =>
    tokens[k].kind === 'word' &&
    !tokens[k].cap &&
    LEX.speechVerbs.has(tokens[k].key) &&
    !(k > 0 && DETERMINER_BEFORE.has(tokens[k - 1].key)) &&
    // "the Nasdaq added 20.72 points": an index or a price that adds a figure says nothing
    !(ADD_FORMS.has(tokens[k].key) && tokens[k + 1]?.kind === 'num');
  const usedCues = new Set<number>();
  const cueOf = (k: number) => ({ cue: tokens[k].text, cueSpan: { start: tokens[k].start, end: tokens[k].end } });

  /**
   * A speaker named from token k0, then a cue, or a comma, an appositive or relative clause of at
   * most APPOSITIVE_TOKENS tokens and a cue. Before a person's name may come a description without
   * a verb or a preposition ("chairman, CEO and president Craig Menear", "JPL scientist and study
   * co-author Michael Malaska"); an organisation counts only right after the quote.
   */
  function appositiveSpeakerAfter(k0: number): { sp: SpeakerRef; cue: number } | null {
    const s0 = sentOf[k0];
    let m: MentionRec | undefined;
    for (let k = k0; k < n && k <= k0 + 10 && sentOf[k] === s0; ) {
      const at = mentionStartingAt.get(k) ?? mentionWithRoleAt.get(tokens[k].start);
      if (at?.type === 'PERSON' || (at?.type === 'ORG' && k === k0 && isCue(at.tokEnd))) {
        m = at;
        break;
      }
      if (at) {
        k = at.tokEnd;
        continue;
      }
      const t = tokens[k];
      // (not "and" first: “creators,” and normal people, Stier says: the quoted term is in a list)
      const describes = t.kind === 'word' ? !isCue(k) && !CLAUSE_MARKERS.has(t.key) && !SPEAKER_SCAN_BREAKS.has(t.key) && ((t.key === 'and' && k > k0) || !AFTER_QUOTE_STOP.has(t.key)) : t.text === ',' || t.text === '-' || t.text === '&' || t.key === "'s";
      if (!describes) return null;
      k++;
    }
    if (!m) return null;
    const e = m.tokEnd;
    if (e < n && isCue(e) && sentOf[e] === s0) return { sp: fromMention(m), cue: e };
    if (tokens[e]?.text !== ',') return null;
    for (let c = e + 1; c < n && c <= e + APPOSITIVE_TOKENS; c++) {
      const t = tokens[c];
      if (sentOf[c] !== s0 || endsCueScan(t)) return null;
      if (isCue(c)) return { sp: fromMention(m), cue: c };
    }
    return null;
  }

  /** The straight mark closing a nested quote opened at `j`: one at a word end, before the line ends. */
  function nestedClose(j: number): number {
    for (let k = j + 1; k < text.length && k - j < 400; k++) {
      if (text[k] === '\n') return -1;
      if (text[k] === '"') return /[\p{L}\p{N}]/u.test(text[k + 1] ?? '') ? -1 : k;
    }
    return -1;
  }

  // ---- direct quotes ----
  const direct: { open: number; close: number; cs: number; ce: number }[] = [];
  {
    let i = 0;
    const L = text.length;
    while (i < L) {
      const ch = text[i];
      const close = OPEN_TO_CLOSE[ch];
      if (close === undefined) {
        i++;
        continue;
      }
      if (ch === '"') {
        // a straight quote opens only at a word start
        const prev = i > 0 ? text[i - 1] : ' ';
        if (!/[\s([{\u2014\u2013-]/.test(prev) && i > 0) {
          i++;
          continue;
        }
      }
      // find the closing mark, stopping at a paragraph break (a quote continued in the next paragraph)
      let j = i + 1;
      let end = -1;
      let stop = -1;
      while (j < L && j - i < 4000) {
        const d = text[j];
        // a straight mark at a word start inside a straight quote opens a nested one ("... the shift
        // from "application consumption" to ..."): skip to its own closing mark on the same line
        if (ch === '"' && d === '"' && /[\s([{]/.test(text[j - 1]) && /[\p{L}\p{N}]/u.test(text[j + 1] ?? '')) {
          const k = nestedClose(j);
          if (k > 0) {
            j = k + 1;
            continue;
          }
        }
        // a mismatched pair still closes: a straight quote opened and a curly one closed (or the
        // reverse at a word end), as copy-pasted and machine-rewritten text mixes them
        if (d === close || (ch === '\u201e' && d === '\u201c') || (ch === '"' && d === '\u201d') || (ch === '\u201c' && d === '"' && !/\p{L}/u.test(text[j + 1] ?? ''))) {
          end = j;
          break;
        }
        if (d === '\n') {
          stop = j;
          break;
        }
        if (ch !== '"' && d === '\u201c' && close === '\u201d') {
          // an unclosed quote followed by a new opening mark: close before it
          stop = j;
          break;
        }
        j++;
      }
      if (end < 0 && stop < 0) {
        i++;
        continue;
      }
      const closeAt = end >= 0 ? end : stop;
      let cs = i + 1;
      let ce = closeAt;
      while (cs < ce && /\s/.test(text[cs])) cs++;
      while (ce > cs && /[\s,]/.test(text[ce - 1])) ce--;
      if (ce > cs) {
        direct.push({ open: i, close: end >= 0 ? end : -1, cs, ce });
        quoteRanges.push({ start: i, end: closeAt });
      }
      i = closeAt + 1;
    }
  }

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
  for (const q of direct) {
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
        if (isCue(k)) {
          cueAfterQuote = true;
          // '“...,” it added': "it" speaks for the organisation quoted just before (in the two
          // sentences before), not for any noun ("another statement ... “...,” it says")
          const itTok = tokens[closeTok + 1];
          const org = lastOrgSpeaker.speaker;
          const it: SpeakerRef | null = k === closeTok + 2 && itTok.key === 'it' && org && sentOf[closeTok] - lastOrgSpeaker.sentence <= 2 ? { speaker: { ...org, text: itTok.text, start: itTok.start, end: itTok.end }, i: closeTok + 1, j: closeTok + 2 } : null;
          const sp = it ?? subjectOf(k, closeTok + 1, true) ?? speakerAfter(k) ?? unnamedSpeakerAfter(k);
          if (sp) {
            found = { ...sp, ...cueOf(k) };
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
      const ap = appositiveSpeakerAfter(closeTok + 1);
      if (ap) {
        found = { ...ap.sp, ...cueOf(ap.cue) };
        usedCues.add(ap.cue);
      }
    }
    // (a2) the said-frame with a verb no lexicon lists: “...,” Mattson offers, “...” / “...,” she recalls.
    // A named person or he/she right after a quote that ends on a comma, then one verb and a comma,
    // a full stop or the next quotation mark: that frame only ever attributes speech.
    const speakerAfterQuote = !found && q.close >= 0 && /[,?!]$/.test(text.slice(q.cs, q.close).trimEnd()) ? personOrPronounAt(closeTok + 1) : null;
    if (speakerAfterQuote) {
      const v = speakerAfterQuote.next;
      const verb = tokens[v];
      const after = tokens[v + 1];
      if (verb && verb.kind === 'word' && !verb.cap && /(?:[^s]s|ed)$/.test(verb.key) && !LEX.stopwords.has(verb.key) && sentOf[v] === sentOf[closeTok] && after && (after.text === ',' || after.text === '.' || OPEN_TO_CLOSE[after.text] !== undefined)) {
        found = { ...speakerAfterQuote.sp, ...cueOf(v) };
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
        if (!isCue(k)) continue;
        if (inQuote(tokens[k].start)) continue;
        // "pledged “full support”" quotes the pledge; "The pact pledges mutual assistance in the
        // face of “aggression”" does not: after a cue that takes plain objects, a word or three in
        // quotation marks further on, with no "that" or colon to open what was said, is a term
        if (THAT_ONLY_CUES.has(LEX.speechVerbs.get(tokens[k].key) ?? '') && openTok - k > 3 && shortTerm && !tokens.slice(k + 1, openTok).some((u) => u.key === 'that' || u.text === ':')) continue;
        const sp = subjectOf(k, sStart, true);
        if (!sp) continue;
        const m = mentionStartingAt.get(sp.i);
        const personLike = !m || m.type === 'PERSON' || sp.speaker.canonical !== m.canonical;
        if (personLike && !(m && m.type !== 'PERSON')) {
          found = { ...sp, ...cueOf(k) };
          break;
        }
        fallback ??= { ...sp, ...cueOf(k) };
      }
      found ??= fallback;
    }
    // (b2) a colon before the quote, in a sentence whose subject is a named person or he/she:
    // “Mellor agrees and recommends an approach that fits: “If you are trying ...””
    if (!found && openTok > 0 && tokens[openTok - 1].text === ':') {
      const sStart = sentences[sentOf[openTok]]?.tokStart ?? 0;
      const subject = sStart < openTok - 2 ? personOrPronounAt(sStart) : null;
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

  // ---- indirect quotes ----
  const insideMark = new Uint8Array(n);
  for (const [a, b] of directTokRanges) for (let k = a + 1; k < b && k < n; k++) insideMark[k] = 1;
  // the furthest closing token of a direct quote opening at each token (looked up once per cue, not scanned)
  const directCloseFrom = new Map<number, number>();
  for (const [a, b] of directTokRanges) directCloseFrom.set(a, Math.max(b, directCloseFrom.get(a) ?? -1));
  const insideDirect = (k: number) => insideMark[k] === 1;
  const terminal = (t: Token) => t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?');
  for (const sent of sentences) {
    for (let c = sent.tokStart; c < sent.tokEnd; c++) {
      const t = tokens[c];
      let lemma = t.kind === 'word' && !t.cap ? LEX.speechVerbs.get(t.key) : undefined;
      const according = t.key === 'according' && tokens[c + 1]?.key === 'to';
      if (!according && (!lemma || !INDIRECT_CUES.has(lemma))) continue;
      if (insideDirect(c) || usedCues.has(c)) continue;
      // a verb of speech read as a cue reads it (not "his statement", not "added 20.72 points")
      if (according ? c > 0 && DETERMINER_BEFORE.has(tokens[c - 1].key) : !isCue(c)) continue;
      if (according) {
        // "..., according to X" / "According to X, ..."
        const sp = speakerAfter(c + 1) ?? nounPhraseAfter(c + 2, sent.tokEnd);
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
        pushIndirect(cs, ce, sp, { cue: 'according to', cueSpan: { start: t.start, end: tokens[c + 1].end } });
        continue;
      }
      lemma = lemma!;
      const after = tokens[c + 1];
      const nearEnd = !after || terminal(after) || after.text === ',' || (after.kind === 'word' && c + 4 >= sent.tokEnd && !LEX.stopwords.has(after.key));
      const prev = tokens[c - 1];
      // "CLAUSE, X said." or "CLAUSE, said X."
      if (c > sent.tokStart + 3) {
        let sp: SpeakerRef | null = null;
        if (nearEnd || (after && (after.key === 'on' || after.key === 'in') && c + 5 >= sent.tokEnd) || addresseeCloses(c, lemma, sent.tokEnd)) sp = subjectOf(c, sent.tokStart, true);
        // (not after "told", "warned", "assured": the one after them is the one addressed)
        if (!sp && prev?.text === ',' && !ADDRESSEE_CUES.has(lemma)) {
          // ", said Kremlin spokesman Dmitry Peskov." — the speaker must close the clause, or be
          // followed by where or how it was said (", said Marcelo Claure in an email to staff."), or
          // by an appositive (", said X, CEO of Y"), not by the rest of the sentence (", says X, can
          // teach people": the cue is a parenthesis inside the words)
          const after = speakerAfter(c, true);
          const nx = after ? tokens[after.j] : undefined;
          const parenthesis = nx?.text === ',' && CLAUSE_MARKERS.has(tokens[after!.j + 1]?.key ?? '');
          if (after && !parenthesis && (!nx || terminal(nx) || nx.text === ',' || sentOf[after.j] !== sentOf[c] || ((CUE_PREPOSITIONS.has(nx.key) || nx.key === 'for' || nx.key === 'of') && !nx.cap) || timeTok[after.j])) {
            // "CLAUSE, said X ...": the clause before the comma is what X said (unless it is a direct quote)
            const ce = c - 1;
            if (!insideDirect(ce - 1) && tokens[ce - 1]?.text !== '\u201d' && tokens[ce - 1]?.text !== '"') pushIndirect(afterDateline(sent.tokStart, ce), ce, after, cueOf(c));
            continue;
          }
        }
        const phraseStart = sp ? speakerPhraseStart(sp) : -1;
        if (sp && phraseStart > sent.tokStart + 2 && tokens[phraseStart - 1]?.text === ',') {
          const ce = phraseStart - 1;
          if (!insideDirect(ce - 1) && !(OPEN_TO_CLOSE['\u201c'] === tokens[ce - 1]?.text) && tokens[ce - 1]?.text !== '\u201d') {
            pushIndirect(afterDateline(sent.tokStart, ce), ce, sp, cueOf(c));
          }
          continue;
        }
        if (prev?.text === ',' && sp) continue;
      }
      // "X said (that) CLAUSE"
      const sp = subjectOf(c, sent.tokStart, true);
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
        for (let q = k + 2; q < Math.min(sent.tokEnd, k + 8); q++) if (isCue(q)) found = true;
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
      pushIndirect(cs, ce, sp, cueOf(c));
    }
  }

  /**
   * Where a sentence's own words begin after a wire dateline ("VELMORA (Wire Daily) — At least 14
   * ...", "SEOUL, South Korea (AP) — ..."), as the cleaner reads datelines. Else `start`.
   */
  function afterDateline(start: number, end: number): number {
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
  function speakerPhraseStart(sp: SpeakerRef): number {
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
  function addresseeCloses(c: number, lemma: string, end: number): boolean {
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

  function nounPhraseAfter(k: number, end: number): SpeakerRef | null {
    let e = k;
    // stop before a participle that starts a modifier ("a summary of the agreement distributed to ...")
    while (e < end && tokens[e].kind === 'word' && e - k < 6 && !(e - k >= 2 && !tokens[e].cap && /ed$/.test(tokens[e].key))) e++;
    if (e === k) return null;
    const start = tokens[k].start;
    const txt = text.slice(start, tokens[e - 1].end);
    return { speaker: { text: txt, start, end: tokens[e - 1].end, canonical: txt.replace(/^(the|a|an)\s+/i, '') }, i: k, j: e };
  }

  function pushIndirect(cs: number, ce: number, sp: SpeakerRef, cue: { cue: string; cueSpan: { start: number; end: number } }) {
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

  // a partial quote inside reported speech ("the data fed into an internal “reliability score”
  // ..., the authority said") has the reporter's speaker
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
  quotes.sort((a, b) => a.start - b.start || (a.direct === b.direct ? 0 : a.direct ? -1 : 1));
  return quotes;
}

/**
 * Whether a found quote is a quotation to report: a few words in quotation marks that nobody is
 * said to have said are a term, a title or a scare quote ("financial health", "Hey, Siri", "Top 10
 * Companies"). They are still quoted words, which the event reader skips ("farm to table").
 */
export function isReportedQuote(q: Quote): boolean {
  if (q.direct && isTitleShaped(q.text)) return false;
  return !q.direct || !!q.speaker || isQuotation(q.text);
}

/** Small words a title leaves in lower case ("War & Peace", "The One I Love", "Master of the House"). */
const TITLE_SMALL_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'or', 'from', '&']);

/**
 * Quoted words shaped like the title of a work or a name ("Fargo", "Wild Rose", "The One I Love",
 * "Caja Magica"): up to eight words, capitalised but for small words, no punctuation inside, and
 * more than one everyday word or a word that is none ("“No,”" and "“Please.”" stay quotations).
 * Such a quotation is a title, whoever the paragraph quotes, even after "wrote" or "called".
 */
function isTitleShaped(text: string): boolean {
  const t = text.trim().replace(/[,.]$/, '');
  if (!t || /[.!?;:"“”]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(words[0])) return false;
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w))) return false;
  return words.length > 1 ? words.filter((w) => !TITLE_SMALL_WORDS.has(w)).length >= 2 : !isCommonEnglishWord(t.toLowerCase());
}
