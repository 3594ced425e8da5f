import { extname } from 'node:path';
import type { InputKind } from './sniff.js';

/**
 * Which reader an extension means. Data, not code: add a row to read a new extension.
 * ".xml" needs a look inside (a feed, XHTML, or something else entirely).
 */
export const EXTENSION_KINDS: Readonly<Record<string, InputKind | 'xml'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.warc': 'warc',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'xml',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/**
 * Extensions of files that sit next to pages in crawls and mirrors but are never articles. Skipped
 * in folder walks without opening them (counted as "unsupported-type").
 */
export const NOT_DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.ico', '.bmp', '.tif', '.tiff', '.avif', '.heic',
  '.css', '.js', '.mjs', '.cjs', '.map', '.json', '.wasm',
  '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.epub', '.csv', '.tsv',
  '.zip', '.tar', '.tgz', '.7z', '.rar', '.bz2', '.xz', '.zst',
  '.mp3', '.mp4', '.m4a', '.wav', '.ogg', '.webm', '.mov', '.avi', '.flac',
  '.woff', '.woff2', '.ttf', '.otf', '.eot',
  '.exe', '.dll', '.so', '.dylib', '.bin', '.o', '.class', '.jar',
  '.db', '.sqlite', '.sqlite3', '.cdx', '.cdxj', '.idx', '.log', '.lock',
]);

/**
 * Suffixes of files another program is still writing: a crawler's open WARC (Heritrix and warcprox
 * write "x.warc.gz.open" and rename it when done), a download in progress. A folder walk passes
 * over them (counted as "in-progress"): read now, they would be cut short; the finished file comes
 * under its final name. Named explicitly, they are read.
 */
export const IN_PROGRESS_EXTENSIONS: ReadonlySet<string> = new Set(['.open', '.part', '.partial', '.crdownload', '.download', '.tmp', '.temp']);

/** True when the name says another program is still writing the file. */
export function isInProgress(path: string): boolean {
  return IN_PROGRESS_EXTENSIONS.has(extname(path.toLowerCase()));
}

export type PathKind =
  | { kind: InputKind | 'xml'; gzip: boolean }
  /** Nothing in the name says what it is: look at the bytes. */
  | { kind: 'sniff'; gzip: boolean }
  | { kind: 'not-document' };

/** What a file name says about its content. "x.warc.gz" is a WARC (warcio reads the gzip itself). */
export function kindFromPath(path: string): PathKind {
  const lower = path.toLowerCase();
  let ext = extname(lower);
  let gzip = false;
  let inner = lower;
  if (ext === '.gz' || ext === '.gzip') {
    gzip = true;
    inner = lower.slice(0, lower.length - ext.length);
    ext = extname(inner);
  }
  const kind = Object.hasOwn(EXTENSION_KINDS, ext) ? EXTENSION_KINDS[ext] : undefined;
  if (kind) return { kind, gzip };
  if (!gzip && NOT_DOCUMENT_EXTENSIONS.has(ext)) return { kind: 'not-document' };
  return { kind: 'sniff', gzip };
}
