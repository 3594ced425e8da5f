import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countSkip, type IngestStats } from './options.js';

export type WalkItem = { kind: 'file'; path: string } | { kind: 'error'; path: string; error: unknown };

/** Code-unit order: the same on every machine and locale, so runs are reproducible. */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every file under `root`, depth first, names sorted. Hidden entries (".git", ".DS_Store") are
 * skipped; symbolic links are followed, but each directory is entered once (by device + inode), so
 * a link loop ends the branch instead of the run. Iterative, so 10,000-deep trees cost no recursion.
 */
export async function* walkFolder(root: string, stats?: IngestStats): AsyncGenerator<WalkItem> {
  const visited = new Set<string>();
  const stack: { dir: string; entries: Dirent[]; next: number }[] = [];

  const enter = async (dir: string, identity: string): Promise<WalkItem | null> => {
    visited.add(identity);
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort(byName);
      stack.push({ dir, entries, next: 0 });
      return null;
    } catch (error) {
      return { kind: 'error', path: dir, error };
    }
  };

  const rootStat = await stat(root);
  const failed = await enter(root, `${rootStat.dev}:${rootStat.ino}`);
  if (failed) yield failed;

  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const entry = top.entries[top.next++];
    if (entry.name.startsWith('.')) {
      countSkip(stats, 'hidden');
      continue;
    }
    const path = join(top.dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink() || isDirectory) {
      let st;
      try {
        st = await stat(path); // follows links
      } catch {
        countSkip(stats, entry.isSymbolicLink() ? 'broken-symlink' : 'vanished-dir');
        continue;
      }
      isDirectory = st.isDirectory();
      isFile = st.isFile();
      if (isDirectory) {
        const identity = `${st.dev}:${st.ino}`;
        if (visited.has(identity)) {
          countSkip(stats, 'symlink-loop');
          continue;
        }
        const err = await enter(path, identity);
        if (err) yield err;
        continue;
      }
    }
    if (isFile) yield { kind: 'file', path };
    else countSkip(stats, 'not-a-regular-file');
  }
}
