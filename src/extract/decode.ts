/**
 * Bytes → text. Crawled pages arrive in every encoding, often mislabelled, sometimes not text at all.
 * The order of evidence (see decodeText):
 *   1. a byte order mark (never wrong);
 *   2. a declared charset: the transport's (HTTP Content-Type, feed, JSONL), else the document's own
 *      (<meta charset>, <meta http-equiv>, <?xml encoding?>) in the first 4 KB;
 *      except that a legacy label on bytes that are (nearly all) well-formed multi-byte UTF-8 loses
 *      to UTF-8: text in a legacy charset practically never forms such sequences by chance, while
 *      servers that label UTF-8 pages ISO-8859-1 are common;
 *   3. valid UTF-8;
 *   4. mostly-valid UTF-8 (a few broken bytes): UTF-8 with U+FFFD, reported as "utf-8 (repaired)";
 *   5. statistical detection (chardet) decoded with iconv-lite, windows-1252 when unsure.
 * Empty and binary inputs are refused with a DecodeError carrying a stable code.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { binarySignature } from '../ingest/sniff.js';

export type DecodeErrorCode = 'empty' | 'binary' | 'undecodable';

export class DecodeError extends Error {
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  /** BOM stripped, line ends normalised to LF, NUL and other control characters removed (tab, LF, FF, VT stay). */
  text: string;
  /** Canonical lower-case name of the charset used, e.g. "utf-8", "windows-1252", "utf-8 (repaired)". */
  charset: string;
}

/** How far into the document a <meta charset> may be (the HTML standard's prescan looks at 1024; pages exceed it). */
const DECLARATION_WINDOW = 4096;
/** How many bytes the binary test and chardet look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of NUL bytes above which a BOM-less, non-UTF-16 input is binary (a stray NUL or two in a page is dirt, not binary). */
const MAX_NUL_SHARE = 0.01;
const MIN_NULS_FOR_BINARY = 3;
/** Share of C0 control bytes (other than tab, LF, CR, FF, ESC) above which an input is binary. */
const MAX_CONTROL_SHARE = 0.1;
/** Share of U+FFFD in the decoded text above which we give up. */
const MAX_REPLACEMENT_SHARE = 0.2;

/**
 * Charset labels as they appear in the wild → the codec we decode with. As browsers do (WHATWG
 * Encoding), Latin-1 and ASCII labels mean windows-1252, a superset that gives 0x80–0x9F their
 * curly quotes and dashes instead of invisible control characters.
 */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'ks_c_5601-1987': 'cp949',
  'euc-kr': 'cp949',
  'x-mac-roman': 'macintosh',
  unicode: 'utf-16le',
  'utf-16': 'utf-16le',
};

/**
 * Most stray bytes per well-formed multi-byte sequence for a document to count as damaged UTF-8
 * rather than a legacy charset: without a declaration (any majority), and against one (4 in 5).
 */
const REPAIR_RATIO_UNDECLARED = 1;
const REPAIR_RATIO_AGAINST_LABEL = 0.25;

/** Normalise a charset label to a codec name iconv-lite knows, or null for unknown labels. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  // quotes at either end trimmed by index: a pattern anchored at the end rescans a hostile label
  let a = 0;
  let b = label.length;
  const quoteOrSpace = (c: string) => c === '"' || c === "'" || c.trim() === '';
  while (a < b && quoteOrSpace(label[a])) a++;
  while (b > a && quoteOrSpace(label[b - 1])) b--;
  const l = label.slice(a, b).toLowerCase();
  if (!l) return null;
  const name = Object.hasOwn(LABEL_ALIASES, l) ? LABEL_ALIASES[l] : l; // own keys: labels are untrusted input
  return iconv.encodingExists(name) ? name : null;
}

const isUtf16Or32 = (cs: string): boolean => cs.startsWith('utf-16') || cs.startsWith('utf-32') || cs === 'ucs-2';

interface Bom {
  charset: string;
  length: number;
}

function readBom(b: Uint8Array): Bom | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { charset: 'utf-32le', length: 4 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { charset: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/**
 * BOM-less UTF-16 shows as NULs in every other byte (ASCII-range text). Returns the byte order, or
 * null when the NULs do not line up.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Why this sample is not text, or null. */
function binaryReason(sample: Uint8Array): string | null {
  const magic = binarySignature(sample);
  if (magic) return `a ${magic} file`;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
  }
  if (nul >= MIN_NULS_FOR_BINARY && nul / sample.length > MAX_NUL_SHARE) return `${nul} NUL bytes in the first ${sample.length}`;
  if ((nul + control) / sample.length > MAX_CONTROL_SHARE) return `${nul + control} control bytes in the first ${sample.length}`;
  return null;
}

/** Value of `charset=` at `at` in an ASCII-lowercased string, read without regexes. */
function charsetValueAt(s: string, at: number): string | null {
  let i = at + 'charset'.length;
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
  if (s[i] !== '=') return null;
  i++;
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '"' || s[i] === "'") i++;
  let j = i;
  while (j < s.length && j - i < 40 && /[a-z0-9._:-]/.test(s[j])) j++;
  return j > i ? s.slice(i, j) : null;
}

/**
 * The charset a document declares about itself in its first 4 KB: <meta charset>, <meta
 * http-equiv="Content-Type" content="...; charset=...">, or an XML declaration's encoding.
 */
export function declaredInDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW)).toLowerCase();
  if (head.startsWith('<?xml')) {
    const end = head.indexOf('?>');
    const decl = head.slice(0, end > 0 ? end : 200);
    const at = decl.indexOf('encoding');
    if (at >= 0) {
      let i = at + 'encoding'.length;
      while (decl[i] === ' ') i++;
      if (decl[i] === '=') {
        i++;
        while (decl[i] === ' ' || decl[i] === '"' || decl[i] === "'") i++;
        let j = i;
        while (j < decl.length && j - i < 40 && /[a-z0-9._:-]/.test(decl[j])) j++;
        if (j > i) return decl.slice(i, j);
      }
    }
  }
  let from = 0;
  for (;;) {
    const meta = head.indexOf('<meta', from);
    if (meta < 0) return null;
    const close = head.indexOf('>', meta);
    const tag = head.slice(meta, close < 0 ? head.length : Math.min(close, meta + 1024));
    const at = tag.indexOf('charset');
    if (at >= 0) {
      const value = charsetValueAt(tag, at);
      if (value) return value;
    }
    from = meta + 5;
  }
}

interface Utf8Census {
  /** Well-formed sequences of 2–4 bytes. */
  multiByte: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** Count well-formed multi-byte UTF-8 sequences and stray bytes (for telling broken UTF-8 from Latin-1). */
function utf8Census(b: Uint8Array): Utf8Census {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = b.length;
  const cont = (k: number): boolean => k < n && (b[k] & 0xc0) === 0x80;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
    } else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) {
      multiByte++;
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(i + 1) && cont(i + 2)) {
      multiByte++;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      multiByte++;
      i += 4;
    } else {
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid };
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** chardet's best guess among encodings iconv-lite can decode; windows-1252 when it has none. */
function detectCharset(sample: Uint8Array): string {
  for (const match of chardet.analyse(sample)) {
    const name = normaliseCharset(match.name);
    // We only get here when the bytes are not valid UTF-8, so a UTF guess is wrong.
    if (name && name !== 'utf-8' && !isUtf16Or32(name)) return name;
  }
  return 'windows-1252';
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  try {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
  } catch (err) {
    throw new DecodeError('undecodable', `cannot decode as ${charset}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Control characters other than whitespace: C0 (ESC, BEL, backspace, ...), DEL and C1. They carry
 * no text, and printed to a terminal a hostile page's ESC sequences would rewrite the user's screen
 * (`parallax show` prints article text), so they never reach an article. The raw bytes keep them.
 */
const CONTROL_CHARS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Strip a BOM character, NULs and other control characters; normalise CRLF and lone CR to LF. */
function tidy(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (t.includes('\0')) t = t.replaceAll('\0', '');
  return t.replace(CONTROL_CHARS, '');
}

function finish(raw: string, charset: string): DecodedText {
  const text = tidy(raw);
  if (text.trim() === '') throw new DecodeError('empty', 'only whitespace');
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  if (replacements > 0 && replacements / text.length > MAX_REPLACEMENT_SHARE) {
    throw new DecodeError('undecodable', `${replacements} of ${text.length} characters undecodable as ${charset}`);
  }
  return { text, charset };
}

/** Pick the charset of `bytes` and decode them. Throws DecodeError for empty or binary input. */
export function decodeText(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  if (bytes.length === 0) throw new DecodeError('empty', '0 bytes');

  const bom = readBom(bytes);
  if (bom) return finish(decodeWith(bytes.subarray(bom.length), bom.charset), bom.charset);

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return finish(decodeWith(bytes, utf16), utf16);
  const binary = binaryReason(sample);
  if (binary) throw new DecodeError('binary', `not text: ${binary}`);

  const valid = isUtf8(bytes);
  const transport = normaliseCharset(declaredCharset);
  const inDocument = normaliseCharset(declaredInDocument(bytes));
  // A UTF-16 label on bytes without NUL pairs is wrong (the HTML standard ignores it in <meta> too).
  const declared = [transport, inDocument].find((cs): cs is string => cs !== null && !isUtf16Or32(cs)) ?? null;

  if (declared && declared !== 'utf-8') {
    if (hasHighBytes(bytes)) {
      const census = valid ? { multiByte: 1, invalid: 0 } : utf8Census(bytes);
      if (census.multiByte > 0 && census.invalid <= census.multiByte * REPAIR_RATIO_AGAINST_LABEL) {
        return finish(decodeWith(bytes, 'utf-8'), valid ? 'utf-8' : 'utf-8 (repaired)');
      }
    }
    return finish(decodeWith(bytes, declared), declared);
  }
  if (valid) return finish(decodeWith(bytes, 'utf-8'), 'utf-8');

  const census = utf8Census(bytes);
  // Legacy-charset text almost never forms well-formed multi-byte sequences by chance, so several
  // of them with only a few stray bytes means UTF-8 that was damaged (cut, concatenated, mis-edited).
  if (census.multiByte > 0 && census.invalid <= census.multiByte * REPAIR_RATIO_UNDECLARED) {
    return finish(decodeWith(bytes, 'utf-8'), 'utf-8 (repaired)');
  }
  const detected = detectCharset(sample);
  return finish(decodeWith(bytes, detected), detected);
}
