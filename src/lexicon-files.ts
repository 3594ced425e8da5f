/**
 * Reading the general lexicons shipped in data/lexicons/ (see its README): one entry per line,
 * blank lines and lines starting with "#" skipped. Shared by the stages that use them (cleaning
 * reads the countries table, the NLP annotators read all of them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let dir: string | null = null;

/** data/lexicons, found above this module (src/ under tsx, dist/ when built). */
export function lexiconDir(): string {
  if (dir) return dir;
  let d = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(d, 'data', 'lexicons');
    if (existsSync(candidate)) return (dir = candidate);
    d = path.dirname(d);
  }
  throw new Error('data/lexicons not found above ' + fileURLToPath(import.meta.url));
}

/** The entries of one lexicon file, trimmed, comments and blank lines skipped. */
export function lexiconLines(file: string): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(path.join(lexiconDir(), file), 'utf8').split('\n')) {
    const l = raw.trim();
    if (l && !l.startsWith('#')) out.push(l);
  }
  return out;
}
