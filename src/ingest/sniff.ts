/**
 * Content sniffing: what kind of input do these first bytes look like? Used for stdin, for files
 * with no or unknown extension, and (the binary signatures) by extract/decode.ts.
 * Every test looks at a bounded prefix with plain string searches, so hostile input costs nothing.
 */

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 4096;

interface Signature {
  name: string;
  /** Byte offset the signature starts at. */
  at: number;
  bytes: readonly number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** File signatures ("magic numbers") of common binary formats that end up in crawls by mistake. */
export const BINARY_SIGNATURES: readonly Signature[] = [
  { name: 'png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'gif', at: 0, bytes: ascii('GIF8') },
  { name: 'riff (webp/wav/avi)', at: 0, bytes: ascii('RIFF') },
  { name: 'pdf', at: 0, bytes: ascii('%PDF-') },
  { name: 'zip (docx/xlsx/epub/jar)', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip (empty)', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip', at: 0, bytes: [0x1f, 0x8b] },
  { name: 'bzip2', at: 0, bytes: ascii('BZh') },
  { name: 'xz', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'zstd', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'rar', at: 0, bytes: ascii('Rar!') },
  { name: 'elf', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'mach-o', at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'mach-o', at: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'java class', at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'wasm', at: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'sqlite', at: 0, bytes: ascii('SQLite format 3') },
  { name: 'ogg', at: 0, bytes: ascii('OggS') },
  { name: 'mp3 (id3)', at: 0, bytes: ascii('ID3') },
  { name: 'mp4/mov', at: 4, bytes: ascii('ftyp') },
  { name: 'woff', at: 0, bytes: ascii('wOFF') },
  { name: 'woff2', at: 0, bytes: ascii('wOF2') },
  { name: 'ico', at: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'tiff', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'tiff', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
];

/** Name of the binary format these bytes start with, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const sig of BINARY_SIGNATURES) {
    if (bytes.length < sig.at + sig.bytes.length) continue;
    let ok = true;
    for (let i = 0; i < sig.bytes.length; i++) {
      if (bytes[sig.at + i] !== sig.bytes[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return sig.name;
  }
  return null;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** "WARC/1.0", "WARC/1.1"... at the very start (after gunzip, for .warc.gz). */
export function isWarcStart(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === 'WARC/';
}

/** Only spaces, tabs, CR, LF, FF, VT (and a UTF-8 BOM)? True for 0 bytes too. */
export function isBlank(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) return false;
  }
  return true;
}

/** Kinds of input the dispatcher knows how to read. */
export type InputKind = 'warc' | 'feed' | 'jsonl' | 'html' | 'text';

/** What a prefix of bytes looks like: an input kind, gzip (look inside), or binary (not for us). */
export type SniffResult = InputKind | 'gzip' | 'binary';

/** The head as a string good enough for ASCII markup searches, honouring a UTF-16 BOM. */
function headAsString(head: Uint8Array): string {
  const h = head.subarray(0, SNIFF_BYTES);
  if (h.length >= 2 && h[0] === 0xff && h[1] === 0xfe) return new TextDecoder('utf-16le').decode(h);
  if (h.length >= 2 && h[0] === 0xfe && h[1] === 0xff) return new TextDecoder('utf-16be').decode(h);
  return new TextDecoder('latin1').decode(h);
}

/** Feed root elements: RSS 2.0/0.9x, Atom, RSS 1.0 (RDF). Case matters in XML. */
const FEED_ROOTS = ['<rss', '<feed', '<rdf:RDF', '<RDF'];

/** True when a prefix contains NULs or many control bytes that no text encoding we read would produce. */
function looksBinary(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return false; // UTF-16 with BOM: NULs are expected
  }
  const n = Math.min(head.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

/** Sniff the kind of a stream or extension-less file from its first bytes. */
export function sniffKind(head: Uint8Array): SniffResult {
  if (isGzip(head)) return 'gzip';
  if (isWarcStart(head)) return 'warc';
  if (binarySignature(head) !== null || looksBinary(head)) return 'binary';
  const s = headAsString(head);
  let i = 0;
  while (i < s.length && (s[i] === '\ufeff' || s[i] === '\u00ef' || s[i] === '\u00bb' || s[i] === '\u00bf' || /\s/.test(s[i]))) i++;
  const start = s.slice(i);
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('<')) {
    if (FEED_ROOTS.some((root) => s.includes(root))) return 'feed';
    return 'html';
  }
  const lower = s.toLowerCase();
  if (lower.includes('<html') || lower.includes('<!doctype html')) return 'html';
  return 'text';
}

/** Does the head hold an HTML root or doctype? (Stricter than "starts with <", for .xml files.) */
export function looksLikeHtml(head: Uint8Array): boolean {
  const s = headAsString(head).toLowerCase();
  return s.includes('<html') || s.includes('<!doctype html') || s.includes('<body');
}

/** Is this XML (or HTML) head a feed? Used to tell feeds from other .xml files. */
export function looksLikeFeed(head: Uint8Array): boolean {
  const s = headAsString(head);
  return FEED_ROOTS.some((root) => s.includes(root));
}
