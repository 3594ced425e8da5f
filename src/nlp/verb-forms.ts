/**
 * Regular English verb inflection (-s, -ed, -ing), shared by the event coder's own verb lists
 * (events-nominal.ts) and the lexicon build that inflects PETRARCH's verb dictionary
 * (scripts/build-nlp-lexicons.ts), the common irregular pasts the event coder and the entity
 * typer both read as finite verbs, and a plural noun's likely singular.
 */

/** The singular a plural noun most likely has ("militias" → "militia", "securities" → "security"). */
export function singularGuess(key: string): string {
  return key.endsWith('ies') ? key.slice(0, -3) + 'y' : key.endsWith('s') ? key.slice(0, -1) : key;
}

/**
 * How the final consonant of a consonant-vowel-consonant ending is doubled ("stop" → "stopped"):
 * - 'short': for verbs of one syllable ending in b/d/g/k/l/m/n/p/r/t, and for longer verbs
 *   stressed on their last syllable (FINAL_STRESS), instead of the plain form: exact forms for a
 *   short hand-made list, where a wrong form would be a miss.
 * - 'also': for any CVC ending (not w/x/y), next to the plain form: the lexicon build cannot tell
 *   stress ("occurred" but "opened"), and a form that never occurs in text costs nothing there.
 */
export type ConsonantDoubling = 'short' | 'also';

const CONSONANT = /[b-df-hj-np-tv-z]/;

/** One vowel, then one final consonant ("stop", "strip", "quit"): one syllable, so stressed. */
const MONOSYLLABLE = /^(?:[^aeiou]*|[^aeiou]*qu)[aeiou][^aeiou]$/;

/**
 * Verbs of two or more syllables that end consonant-vowel-consonant and are stressed on that last
 * syllable, so English doubles the consonant ("occurred", "admitted", "controlled"); "opened",
 * "visited" are not stressed there. Spelling cannot tell the two apart, so this is a list: the
 * common verbs of the pattern, not words from any corpus.
 */
const FINAL_STRESS = new Set([
  'occur', 'recur', 'incur', 'concur', 'refer', 'prefer', 'defer', 'infer', 'confer', 'transfer', 'deter', 'inter',
  'admit', 'commit', 'submit', 'omit', 'permit', 'emit', 'transmit', 'remit', 'acquit', 'outwit', 'control', 'patrol',
  'compel', 'expel', 'propel', 'repel', 'dispel', 'excel', 'rebel', 'regret', 'abet', 'equip', 'allot', 'embed',
  'forbid', 'outbid', 'upset', 'begin', 'forget', 'beget', 'unplug', 'kidnap', 'worship',
]);

/** The base form of a lowercase verb and its regular inflections, in this order: base, -s, -ed, -ing (then doubled forms). */
export function regularVerbForms(base: string, doubling: ConsonantDoubling): string[] {
  const forms = new Set<string>([base]);
  // "goes", "vetoes", "echoes": a consonant before a final o takes -es
  if (/(s|x|z|ch|sh|[^aeiou]o)$/.test(base)) forms.add(base + 'es');
  else if (/[^aeiou]y$/.test(base)) forms.add(base.slice(0, -1) + 'ies');
  else forms.add(base + 's');
  if (base.endsWith('e')) {
    forms.add(base + 'd');
    forms.add(base.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(base)) {
    forms.add(base.slice(0, -1) + 'ied');
    forms.add(base + 'ing');
  } else if (doubling === 'short') {
    const cvc = /[^aeiou][aeiou][bdgklmnprt]$/.test(base);
    const double = cvc && (MONOSYLLABLE.test(base) || FINAL_STRESS.has(base)) ? base.at(-1) : '';
    forms.add(base + double + 'ed');
    forms.add(base + double + 'ing');
  } else {
    forms.add(base + 'ed');
    forms.add(base + 'ing');
    const n = base.length;
    if (n >= 3 && CONSONANT.test(base[n - 1]) && !/[wxy]/.test(base[n - 1]) && /[aeiou]/.test(base[n - 2]) && CONSONANT.test(base[n - 3])) {
      forms.add(base + base[n - 1] + 'ed');
      forms.add(base + base[n - 1] + 'ing');
    }
  }
  return [...forms];
}

/** Past tenses without -ed, which are finite verbs after a singular subject ("met", "sent", "inked"). */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(['met', 'held', 'sent', 'gave', 'took', 'made', 'said', 'told', 'won', 'lost', 'fought', 'struck', 'shot', 'hit', 'put', 'set', 'cut', 'let', 'led', 'fled', 'left', 'began', 'spoke', 'threw', 'broke', 'sought', 'brought', 'bought', 'caught', 'taught', 'kept', 'found', 'stood', 'came', 'went', 'ran', 'saw', 'chose', 'froze', 'rose', 'fell', 'drove', 'wrote', 'hid', 'bit', 'beat', 'bound', 'blew', 'drew', 'grew', 'knew', 'withdrew', 'overthrew', 'undertook', 'forbade', 'forgave', 'swore', 'tore', 'wore', 'bore', 'spent', 'lent', 'built', 'dealt', 'meant', 'felt', 'slew', 'quit', 'shut', 'cast', 'upset', 'spread', 'read', 'paid', 'laid', 'heard', 'sold', 'fed', 'inked']);
