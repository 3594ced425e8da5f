/**
 * Plain text has no <title>: by newsroom convention a headline is the first line when it is short, does not
 * end like a sentence, and is followed by more text. Anything else is left as body text.
 */
const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 30;

export function plainTextTitle(text: string): string | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const lines = head.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length - 1) return null;
  const line = lines[i].trim().replace(/\s+/g, ' ');
  if (line.length < 8 || line.length > MAX_TITLE_CHARS) return null;
  if (line.split(' ').length > MAX_TITLE_WORDS) return null;
  if (/[.!,;:]$/.test(line)) return null; // ends like a sentence or a run-on: body text, not a headline
  if (/[—–-]\s*$/.test(line) || /\((?:[A-Z][\w.]*)\)\s*[—–-]/.test(line)) return null; // a dateline, not a title
  const rest = lines.slice(i + 1).join('\n').trim();
  if (rest.length < line.length) return null;
  return line;
}
