/**
 * Accent folding for lookup keys. Outlets spell the same name with and without diacritics
 * ("Erdoğan" / "Erdogan", "Martínez" / "MARTINEZ" in a transcript), and lexicons carry one
 * spelling, so every key — token keys, lexicon phrases, cluster and corpus keys — is folded the
 * same way. Offsets and displayed text are never folded.
 */

/** Letters that carry their mark in the base character, so NFD does not split them. */
const UNSPLIT: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h' };

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Lowercase input → the same string without diacritics (NFC kept for scripts like Hangul). */
export function foldDiacritics(s: string): string {
  if (isAscii(s)) return s;
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđıßæœþðħ]/g, (c) => UNSPLIT[c])
    .normalize('NFC');
}
