import iconv from 'iconv-lite';

/**
 * The charset of an XML document (a feed) from its first bytes, by the XML 1.0 rules (appendix F):
 * byte order mark, else the encoding="..." of the XML declaration, else UTF-8.
 * Kept apart from extract/decode.ts because feeds are parsed here, before extraction, and XML has
 * its own, stricter rules than HTML.
 */
export function xmlCharset(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return 'utf-16be';
  const prolog = new TextDecoder('latin1').decode(head.subarray(0, 256));
  if (!prolog.startsWith('<?xml')) return 'utf-8';
  const end = prolog.indexOf('?>');
  const decl = end > 0 ? prolog.slice(0, end) : prolog;
  const at = decl.indexOf('encoding');
  if (at < 0) return 'utf-8';
  const m = /^encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(decl.slice(at));
  const label = m?.[1].toLowerCase();
  if (!label || !iconv.encodingExists(label)) return 'utf-8';
  // ISO-8859-1 declarations usually mean windows-1252 in practice (same letters, plus curly quotes).
  if (label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' || label === 'ascii') return 'windows-1252';
  return label;
}

/** An incremental decoder: chunk boundaries may split a multi-byte character. */
export interface TextStreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function streamDecoder(charset: string): TextStreamDecoder {
  const decoder = iconv.getDecoder(charset, { stripBOM: true });
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}
