/**
 * Word lists shipped as JSON arrays inside npm data packages (given names, common English words),
 * read through `require` so that the package resolution finds them wherever npm put them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The lower-cased union of the string arrays in `files` (package-relative paths). */
export function wordSetFromPackages(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    const list = require(file) as unknown;
    if (!Array.isArray(list)) throw new Error(`${file}: expected an array of words`);
    for (const w of list) if (typeof w === 'string' && w.trim()) out.add(w.trim().toLowerCase());
  }
  return out;
}
