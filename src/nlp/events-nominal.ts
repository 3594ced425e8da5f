/**
 * Nominal event triggers: the event of "held talks", "gave a warm welcome", "renewed
 * negotiations", "completed its investigation", "mounted an invasion" lies in the object noun,
 * not in the verb, which only says that the event happened (a support or light verb). A
 * terminative verb turns the noun's event around: "ended mediation efforts", "suspended aid" are
 * reductions of cooperation (CAMEO 16x, PLOVER SANCTION); "called off a strike" eases dissent.
 *
 * PETRARCH2 spells such combinations out one by one as object patterns ("HOLD * TALKS"); the
 * patterns the dictionary has still win. For the rest, the event nouns are derived from the
 * dictionary's own verbs: the verb forms that are nouns as well ("attack", "visit", "riots",
 * "demands") and the regular nominalisations of its verbs ("negotiate" → "negotiation",
 * "withdraw" → "withdrawal", "invade" → "invasion", "assist" → "assistance").
 *
 * Everything here is a table lookup or a bounded scan of a few tokens after the verb.
 */
import type { Token } from './tokens.js';
import { regularVerbForms } from './verb-forms.js';

/** English support verbs whose meaning is in the object ("hold", "stage", "launch", "renew"). */
const SUPPORT_VERB_LEMMAS = [
  'give', 'hold', 'take', 'launch', 'open', 'make', 'stage', 'conduct', 'undertake', 'mount', 'begin', 'start', 'continue',
  'resume', 'renew', 'complete', 'pay', 'lodge', 'file', 'organize', 'organise', 'lead', 'intensify', 'issue', 'deliver',
  'carry out', 'step up', 'speed up', 'announce', 'declare', 'extend', 'wage', 'initiate', 'pursue', 'hold off', 'receive',
  'express', 'voice', 'unleash',
];
/** Verbs that end or reduce what their object names ("ended mediation", "suspended aid"). */
const TERMINATIVE_LEMMAS = ['end', 'halt', 'suspend', 'stop', 'cancel', 'call off', 'break off', 'cut', 'reduce', 'freeze', 'abandon', 'terminate', 'discontinue', 'withdraw from', 'pull out of', 'scale back', 'cut off', 'shorten', 'ease', 'relax', 'loosen'];

/** Verbs that say an event named by their subject goes on ("riots ... are continuing", "clashes erupted"). */
const OCCURRENCE_LEMMAS = ['continue', 'resume', 'erupt', 'break out', 'spread', 'escalate', 'intensify', 'rage', 'flare', 'take place', 'go on', 'occur'];

const IRREGULAR: Record<string, string[]> = {
  give: ['gave', 'given'],
  hold: ['held'],
  take: ['took', 'taken'],
  make: ['made'],
  begin: ['began', 'begun'],
  undertake: ['undertook', 'undertaken'],
  pay: ['paid'],
  lead: ['led'],
  cut: ['cut'],
  freeze: ['froze', 'frozen'],
  withdraw: ['withdrew', 'withdrawn'],
  break: ['broke', 'broken'],
  go: ['went', 'gone'],
  spread: ['spread'],
  wage: [],
};

/** Inflected forms of a lemma (first word of a phrasal lemma inflected). */
function inflect(lemma: string): string[] {
  const [head, ...rest] = lemma.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const out = new Set(regularVerbForms(head, 'short'));
  if (head === 'cancel') out.add('cancelled').add('cancelling');
  for (const f of IRREGULAR[head] ?? []) out.add(f);
  return [...out].map((f) => f + tail);
}

interface FormTable {
  /** Full form → number of words. */
  forms: Map<string, number>;
  /** First words of the forms, so that most tokens are rejected with one lookup. */
  first: Set<string>;
}
function formsOf(lemmas: string[]): FormTable {
  const forms = new Map<string, number>();
  for (const l of lemmas) for (const f of inflect(l)) forms.set(f, f.split(' ').length);
  return { forms, first: new Set([...forms.keys()].map((f) => f.split(' ')[0])) };
}
const SUPPORT_FORMS = formsOf(SUPPORT_VERB_LEMMAS);
const TERMINATIVE_FORMS = formsOf(TERMINATIVE_LEMMAS);
const OCCURRENCE_FORMS = formsOf(OCCURRENCE_LEMMAS);

/** Number of words of the support verb starting at token v (0 if none): "carried out" → 2. */
export function supportVerbAt(tokens: Token[], v: number): number {
  return formAt(tokens, v, SUPPORT_FORMS);
}
/** Number of words of the terminative verb starting at token v (0 if none): "called off" → 2. */
export function terminativeVerbAt(tokens: Token[], v: number): number {
  return formAt(tokens, v, TERMINATIVE_FORMS);
}
/** Number of words of the occurrence verb starting at token v (0 if none): "broke out" → 2. */
export function occurrenceVerbAt(tokens: Token[], v: number): number {
  return formAt(tokens, v, OCCURRENCE_FORMS);
}
function formAt(tokens: Token[], v: number, table: FormTable): number {
  const a = tokens[v]?.key;
  if (!a || !table.first.has(a)) return 0;
  const forms = table.forms;
  const b = tokens[v + 1]?.key;
  const c = tokens[v + 2]?.key;
  if (c && forms.get(`${a} ${b} ${c}`) === 3) return 3;
  if (b && forms.get(`${a} ${b}`) === 2) return 2;
  return forms.get(a) === 1 ? 1 : 0;
}

/**
 * Regular nominalisations of a base verb form (lowercase): "negotiate" → "negotiation",
 * "withdraw" → "withdrawal", "invade" → "invasion", "suspend" → "suspension", "assist" →
 * "assistance", "deploy" → "deployment". Wrong guesses are words that never occur, so harmless.
 */
function nominalisations(base: string): string[] {
  const out: string[] = [];
  if (base.length < 4 || / /.test(base)) return out;
  if (base.endsWith('ate')) out.push(base.slice(0, -1) + 'ion');
  else if (base.endsWith('ize') || base.endsWith('ise')) out.push(base.slice(0, -1) + 'ation');
  else if (base.endsWith('ify')) out.push(base.slice(0, -1) + 'ication');
  else if (base.endsWith('ade')) out.push(base.slice(0, -2) + 'sion');
  else if (base.endsWith('end')) out.push(base.slice(0, -1) + 'sion');
  else if (/(ct|pt|rt|ss)$/.test(base)) out.push(base + 'ion');
  else if (/[^aeiou]n$/.test(base) || base.endsWith('rm')) out.push(base + 'ation');
  if (/(aw|ov|iv|us|os|ss)e?$/.test(base)) out.push(base.replace(/e$/, '') + 'al');
  if (/(ist|ept|ear|ow)$/.test(base)) out.push(base + 'ance');
  out.push(base.replace(/e$/, '') + 'ment', base + 'ment');
  return out;
}

/**
 * Event nouns: noun → verb block, from the dictionary's verb forms. `isBase` tells a base form
 * (no -s/-ed/-ing inflection of another entry) from inflections; `blockCoded` whether the block
 * has a default code (an uncoded block says nothing on its own, so its nouns do not either).
 */
export function buildEventNouns(forms: Map<string, string>, blockCoded: (block: string) => boolean): Map<string, string> {
  const nouns = new Map<string, string>();
  for (const [form, block] of forms) {
    if (form.includes(' ') || !blockCoded(block)) continue;
    if (/(ed|ing)$/.test(form) && forms.has(form.replace(/(ed|ing)$/, '')) ) continue;
    for (const n of nominalisations(form)) {
      if (forms.has(n) || nouns.has(n)) continue;
      nouns.set(n, block);
      nouns.set(n + 's', block);
    }
  }
  return nouns;
}

/**
 * The event nouns of CAMEO's own category names and definitions, with their CAMEO codes: they
 * win over nominalisations derived from the verb dictionary, whose synsets sometimes put a verb
 * with unrelated ones ("negotiate" sits in the COMPROMISE synset, default 080 "yield").
 */
export const CORE_EVENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ...['talks', 'negotiation', 'negotiations', 'discussions'].map((n) => [n, '046'] as const),
  ...['consultation', 'consultations', 'meeting', 'meetings', 'summit', 'conference'].map((n) => [n, '040'] as const),
  ...['visit', 'visits', 'trip', 'tour'].map((n) => [n, '042'] as const),
  ['welcome', '043'],
  ...['mediation'].map((n) => [n, '045'] as const),
  ...['investigation', 'investigations', 'inquiry', 'probe', 'hearing', 'hearings', 'inspection', 'inspections'].map((n) => [n, '090'] as const),
  ...['withdrawal', 'pullout', 'pullback', 'retreat', 'evacuation'].map((n) => [n, '0874'] as const),
  ...['ceasefire', 'cease-fire', 'truce'].map((n) => [n, '0871'] as const),
  ...['protest', 'protests', 'demonstration', 'demonstrations', 'rally', 'rallies', 'march', 'sit-in', 'vigil'].map((n) => [n, '141'] as const),
  ...['riot', 'riots', 'rioting', 'unrest'].map((n) => [n, '145'] as const),
  ...['boycott', 'walkout', 'stoppage'].map((n) => [n, '143'] as const),
  ...['embargo', 'sanctions'].map((n) => [n, '163'] as const),
  ...['curfew'].map((n) => [n, '1723'] as const),
  ...['emergency'].map((n) => [n, '1724'] as const),
  ...['restrictions', 'ban', 'controls'].map((n) => [n, '172'] as const),
  ...['crackdown'].map((n) => [n, '175'] as const),
  ...['attack', 'attacks', 'offensive', 'assault', 'raid', 'raids', 'bombing', 'bombings', 'shelling', 'bombardment', 'airstrike', 'airstrikes', 'ambush', 'incursion', 'fire', 'blows', 'strikes', 'clashes', 'fighting', 'hostilities'].map((n) => [n, '190'] as const),
  ...['aid', 'assistance', 'relief', 'grant', 'loan', 'donation'].map((n) => [n, '070'] as const),
  ['asylum', '075'],
  ...['appeal', 'appeals', 'demand', 'demands', 'request', 'requests', 'call', 'calls'].map((n) => [n, '100'] as const),
  ...['accusation', 'accusations', 'allegation', 'allegations', 'charges', 'criticism', 'condemnation', 'complaint', 'complaints'].map((n) => [n, '112'] as const),
  ...['threat', 'threats', 'warning', 'warnings'].map((n) => [n, '130'] as const),
  ['ultimatum', '139'],
  ...['apology'].map((n) => [n, '055'] as const),
  // reductions named as nouns ("announced a suspension of air links"): reduce relations
  ...['suspension', 'cancellation', 'severance', 'severing', 'freeze', 'downgrading', 'closure'].map((n) => [n, '160'] as const),
  ...['deployment', 'mobilization', 'mobilisation', 'exercises', 'manoeuvres', 'maneuvers', 'drills', 'games'].map((n) => [n, '150'] as const),
]);

/** Words that end an object phrase before its event noun was found. */
const OBJECT_ENDS = new Set(['that', 'which', 'who', 'to', 'against', 'with', 'between', 'on', 'into', 'in', 'at', 'from', 'for', 'by', 'after', 'before']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'half', 'a', 'an']);
/** Words that may stand between a support verb and its event noun ("a warm", "its long-threatened"). */
const NOUN_PHRASE_OPENERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'new', 'fresh', 'further', 'several', 'some', 'first', 'second', 'formal', 'official', 'joint']);

interface NominalHit {
  /** Token index of the event noun. */
  at: number;
  /** The noun's lowercase key. */
  key: string;
}

/**
 * The event noun heading the object of a support verb that ends at token `from`: the first noun
 * of the object phrase (up to five words, no comma, clause word or entity name in between) that
 * `isEventNoun` accepts. "launched artillery, mortar, and rocket fire" reaches over a list.
 */
export function objectEventNoun(tokens: Token[], from: number, limit: number, isEventNoun: (key: string, at: number) => boolean, isName: (at: number) => boolean): NominalHit | null {
  let words = 0;
  for (let k = from; k < limit && words < 7; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') {
      // "artillery, mortar, and rocket fire", "5 million euros of aid"
      if (t.text === ',' || t.text === '-' || t.kind === 'num') continue;
      return null;
    }
    if (isName(k)) return null;
    // "shortened by one hour the nightly curfew": an amount phrase before the object
    if (t.key === 'by' && (tokens[k + 1]?.kind === 'num' || NUMBER_WORDS.has(tokens[k + 1]?.key ?? ''))) continue;
    if (OBJECT_ENDS.has(t.key)) return null;
    if (isEventNoun(t.key, k)) return { at: k, key: t.key };
    if (!NOUN_PHRASE_OPENERS.has(t.key)) words++;
  }
  return null;
}
