/**
 * Language of an article: trigram detection with franc (ISO 639-3), mapped to ISO 639-1, weighed
 * against the language the page declares (<html lang>, a feed's language, a JSONL field).
 *
 * Policy:
 *  - text too short to tell (< MIN_CHARS letters) → the declared language if any, else null;
 *  - detection agrees with the declaration → the declaration (source 'html-lang');
 *  - detection is unsure (franc says "und", or the declared language is close behind the best:
 *    score gap × sample length < UNSURE_DISTANCE) → the declaration;
 *  - otherwise the detected language (source 'detected'): pages often keep a template's lang="en".
 */
import { francAll } from 'franc';
import { ENGLISH_PROSE_SHARE, englishFunctionShare } from '../common-words.js';

export interface DetectedLanguage {
  /** ISO 639-1 code, or null. (A declared tag outside the table is passed on as given, lower-cased.) */
  language: string | null;
  source: 'html-lang' | 'detected';
}

/** Letters needed before trigram statistics mean anything (franc's own floor is 10 characters). */
export const MIN_CHARS = 40;
/**
 * francAll scores are 1 − (distance − best distance) / (300 × sample length), so a score gap means
 * little on its own: multiplied by the sample length it is back to a trigram-distance difference.
 * Below this, the declared language is "close behind" (English vs Scots on 2 KB: ~16; Portuguese vs
 * Spanish on one 100-character sentence: ~12; English vs French on 2 KB: ~47).
 */
export const UNSURE_DISTANCE = 20;
/** franc reads at most this many characters. */
const FRANC_MAX = 2048;

/** ISO 639-3 (as franc reports it) → ISO 639-1, for the languages news is commonly written in. */
export const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk',
  pol: 'pl', ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', srp: 'sr', bos: 'bs', bul: 'bg', ron: 'ro',
  hun: 'hu', ell: 'el', tur: 'tr', ara: 'ar', arb: 'ar', heb: 'he', pes: 'fa', fas: 'fa', urd: 'ur',
  hin: 'hi', ben: 'bn', pan: 'pa', guj: 'gu', mar: 'mr', tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml',
  cmn: 'zh', zho: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms', msa: 'ms',
  tgl: 'tl', swe: 'sv', nob: 'nb', nno: 'nn', dan: 'da', fin: 'fi', est: 'et', lav: 'lv', lit: 'lt',
  cat: 'ca', eus: 'eu', glg: 'gl', swh: 'sw', hau: 'ha', yor: 'yo', amh: 'am', som: 'so', afr: 'af',
  kaz: 'kk', uzn: 'uz', azj: 'az', hye: 'hy', kat: 'ka', bel: 'be', mkd: 'mk', sqi: 'sq', als: 'sq',
};

const FRANC_LANGUAGES = Object.keys(ISO639_3_TO_1);

const ISO639_1_TO_3: Readonly<Record<string, string[]>> = Object.entries(ISO639_3_TO_1).reduce(
  (acc, [three, one]) => {
    (acc[one] ??= []).push(three);
    return acc;
  },
  {} as Record<string, string[]>,
);

/** "en-US", "EN_gb", "eng" → "en"; anything unrecognisable → null. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return ISO639_3_TO_1[primary] ?? primary;
  return null;
}

function letterCount(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) n += m[0].length;
  return n;
}

export function detectLanguage(text: string, declared?: string | null): DetectedLanguage {
  const declaredCode = normaliseLanguageTag(declared);
  const fallback: DetectedLanguage = { language: declaredCode, source: declaredCode ? 'html-lang' : 'detected' };
  // franc looks at the first 2048 characters anyway; slicing first keeps huge inputs cheap.
  const sample = text.slice(0, 4096);
  const letters = letterCount(sample);
  if (letters < MIN_CHARS) return fallback;

  // Only the languages of the table: franc's long tail (Scots for English, Galician for Portuguese…)
  // mostly adds confusions, and every answer then has a 639-1 code.
  const ranked = francAll(sample, { minLength: MIN_CHARS, only: FRANC_LANGUAGES });
  const [best, bestScore] = ranked[0] ?? ['und', 0];
  if (best === 'und' || bestScore === 0) return fallback;
  let detected = ISO639_3_TO_1[best] ?? best;
  // trigrams guess on short texts ("Harbour pilot X said on Tuesday that ..." came out Norwegian);
  // prose a fifth made of English function words is English
  if (detected !== 'en' && englishFunctionShare(sample).share >= ENGLISH_PROSE_SHARE) detected = 'en';
  if (!declaredCode || detected === declaredCode) {
    return { language: detected, source: declaredCode ? 'html-lang' : 'detected' };
  }
  // Disagreement: keep the declaration while detection is unsure about it.
  const candidates = ISO639_1_TO_3[declaredCode] ?? [declaredCode];
  const declaredScore = Math.max(0, ...ranked.filter(([code]) => candidates.includes(code)).map(([, s]) => s));
  if ((bestScore - declaredScore) * Math.min(sample.length, FRANC_MAX) < UNSURE_DISTANCE) return fallback;
  return { language: detected, source: 'detected' };
}
