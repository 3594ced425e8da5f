import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DecodeError, decodeText, declaredInDocument, normaliseCharset } from '../src/extract/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function assertDecodeError(fn: () => unknown, code: DecodeError['code']): void {
  assert.throws(fn, (err: unknown) => err instanceof DecodeError && err.code === code);
}

test('0 bytes and whitespace-only input are "empty"', () => {
  assertDecodeError(() => decodeText(new Uint8Array()), 'empty');
  assertDecodeError(() => decodeText(utf8(' \r\n\t \n')), 'empty');
  assertDecodeError(() => decodeText(utf8('\ufeff  \n')), 'empty');
});

test('binary content is refused: known signatures and NUL-heavy bytes', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);
  assertDecodeError(() => decodeText(png), 'binary');
  assertDecodeError(() => decodeText(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')), 'binary');
  assertDecodeError(() => decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0])), 'binary');
  assertDecodeError(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])), 'binary');
  assertDecodeError(() => decodeText(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])), 'binary');
  // No signature, but a third of the bytes are NUL and not in UTF-16 pairs.
  const noisy = new Uint8Array(3000).map((_, i) => (i % 3 === 0 ? 0 : 65 + (i % 26)));
  assertDecodeError(() => decodeText(noisy), 'binary');
  // Control-character soup.
  const controls = new Uint8Array(2000).map((_, i) => (i % 2 ? 0x01 + (i % 7) : 0x41));
  assertDecodeError(() => decodeText(controls), 'binary');
});

test('valid UTF-8 decodes as utf-8; a UTF-8 BOM is stripped', () => {
  const s = 'Zürich — “quoted” 東京 😀';
  assert.deepEqual(decodeText(utf8(s)), { text: s, charset: 'utf-8' });
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
  assert.deepEqual(decodeText(withBom), { text: s, charset: 'utf-8' });
});

test('invalid UTF-8 that is mostly UTF-8 is repaired with U+FFFD and labelled so', () => {
  const good = utf8('Café au lait, crème brûlée and naïve façades. ');
  const bytes = new Uint8Array([...good, 0xff, ...good, 0xc3 /* cut sequence */, 0x20, ...good]);
  const out = decodeText(bytes);
  assert.equal(out.charset, 'utf-8 (repaired)');
  assert.equal([...out.text].filter((c) => c === '\ufffd').length, 2);
  assert.ok(out.text.startsWith('Café au lait, crème brûlée'), "out.text.startsWith('Café au lait, crème brûlée')");
});

test('windows-1252 text without a declaration is detected, curly quotes included', () => {
  const s = 'Le maire a déclaré : « Nous sommes très heureux » — une fête réussie à l’hôtel de ville, où l’on a dansé.';
  const bytes = iconv.encode(s, 'windows-1252');
  const out = decodeText(bytes);
  assert.equal(out.charset, 'windows-1252');
  assert.equal(out.text, s);
});

test('a short Latin-1 word with one accented byte still decodes (not as broken UTF-8)', () => {
  const out = decodeText(iconv.encode('Café', 'latin1'));
  assert.equal(out.text, 'Café');
  assert.equal(out.charset, 'windows-1252');
});

test('UTF-16 with a BOM, both byte orders, BOM stripped', () => {
  const s = 'Hello, wörld — “UTF-16”\nsecond line';
  const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf-16le')]);
  const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(s, 'utf-16be')]);
  assert.deepEqual(decodeText(le), { text: s, charset: 'utf-16le' });
  assert.deepEqual(decodeText(be), { text: s, charset: 'utf-16be' });
});

test('UTF-16LE without a BOM is recognised by its NUL pattern, not called binary', () => {
  const s = 'Plain English text saved by a Windows editor without a byte order mark.';
  assert.deepEqual(decodeText(iconv.encode(s, 'utf-16le')), { text: s, charset: 'utf-16le' });
});

test('a transport charset wins over detection', () => {
  const s = 'Prezydent powiedział we wtorek, że rozmowy będą kontynuowane w Łodzi.';
  const out = decodeText(iconv.encode(s, 'iso-8859-2'), 'ISO-8859-2');
  assert.equal(out.charset, 'iso-8859-2');
  assert.equal(out.text, s);
});

test('<meta charset> and http-equiv declarations in the first 4 KB are honoured', () => {
  const body = '<p>Президент заявил во вторник, что переговоры продолжатся.</p>';
  const a = `<html><head><meta charset="windows-1251"><title>x</title></head><body>${body}</body></html>`;
  const outA = decodeText(iconv.encode(a, 'windows-1251'));
  assert.equal(outA.charset, 'windows-1251');
  assert.ok(outA.text.includes('Президент'), "outA.text.includes('Президент')");
  const b = `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r"></head><body>${body}</body></html>`;
  const outB = decodeText(iconv.encode(b, 'koi8-r'));
  assert.equal(outB.charset, 'koi8-r');
  assert.ok(outB.text.includes('переговоры'), "outB.text.includes('переговоры')");
});

test('a Latin-1 label on a page that is valid multi-byte UTF-8 loses to UTF-8', () => {
  const s = '<html><head><meta charset="iso-8859-1"></head><body>Señor Müller’s café</body></html>';
  const out = decodeText(utf8(s), 'ISO-8859-1');
  assert.equal(out.charset, 'utf-8');
  assert.ok(out.text.includes('Señor Müller’s café'), "out.text.includes('Señor Müller’s café')");
});

test('any legacy label loses to bytes that are (nearly all) well-formed UTF-8', () => {
  const ru = 'Президент заявил во вторник, что переговоры продолжатся.';
  assert.deepEqual(decodeText(utf8(ru), 'windows-1251'), { text: ru, charset: 'utf-8' });
  // A UTF-8 page with one stray Latin-1 byte, labelled ISO-8859-1: repaired UTF-8, not mojibake.
  const mixed = new Uint8Array([...utf8('Señor Müller’s café, '), 0xe9, ...utf8(' and “more” naïve text')]);
  const out = decodeText(mixed, 'iso-8859-1');
  assert.equal(out.charset, 'utf-8 (repaired)');
  assert.ok(out.text.startsWith('Señor Müller’s café, \ufffd and “more”'), "out.text.startsWith('Señor Müller’s café, \\ufffd and “more”')");
  // Real windows-1251 bytes with their label stay windows-1251.
  assert.deepEqual(decodeText(iconv.encode(ru, 'windows-1251'), 'windows-1251'), { text: ru, charset: 'windows-1251' });
});

test('a UTF-8 label on Latin-1 bytes falls back to detection instead of mojibake', () => {
  const s = 'Die Bürger müssen größere Straßen bauen, sagte der Bürgermeister in München.';
  const out = decodeText(iconv.encode(s, 'windows-1252'), 'utf-8');
  assert.equal(out.text, s);
  assert.notEqual(out.charset, 'utf-8');
});

test('unknown and UTF-16 labels on single-byte content are ignored', () => {
  assert.equal(decodeText(utf8('plain ascii'), 'x-made-up-charset').charset, 'utf-8');
  assert.equal(decodeText(utf8('<meta charset="utf-16"><p>hi</p>')).charset, 'utf-8');
});

test('Shift_JIS and GB18030 are detected without a declaration', () => {
  const ja = '首相は火曜日、来週も交渉を続けると述べた。東京で記者団に語った。';
  assert.deepEqual(decodeText(iconv.encode(ja, 'shift_jis')), { text: ja, charset: 'shift_jis' });
  const zh = '总统周二表示，谈判将于下周在北京继续进行。';
  assert.deepEqual(decodeText(iconv.encode(zh, 'gb18030')), { text: zh, charset: 'gb18030' });
});

test('CRLF and lone CR become LF; stray NULs are dropped', () => {
  const out = decodeText(utf8('one\r\ntwo\rthree\nfour\0'));
  assert.equal(out.text, 'one\ntwo\nthree\nfour');
});

test('declaration scanning is bounded and cheap on hostile input', () => {
  const hostile = '<meta ' + 'charset'.repeat(200_000) + ' x'.repeat(1_000_000);
  const t0 = performance.now();
  assert.equal(declaredInDocument(utf8(hostile)), null);
  assert.ok(performance.now() - t0 < 500, 'performance.now() - t0 < 500');
});

test('charset labels are normalised the way browsers do', () => {
  assert.equal(normaliseCharset('ISO-8859-1'), 'windows-1252');
  assert.equal(normaliseCharset(' "UTF8" '), 'utf-8');
  assert.equal(normaliseCharset('gb2312'), 'gb18030');
  assert.equal(normaliseCharset('nonsense'), null);
  assert.equal(normaliseCharset('constructor'), null);
  assert.equal(normaliseCharset('__proto__'), null);
});

test('a 50 MB UTF-8 page decodes in well under a few seconds', () => {
  const para = '<p>Officials said on Tuesday that the talks would continue — “we are hopeful”.</p>\n';
  const big = utf8('<html><body>' + para.repeat(Math.ceil((50 * 1024 * 1024) / para.length)) + '</body></html>');
  const t0 = performance.now();
  const out = decodeText(big);
  const ms = performance.now() - t0;
  assert.equal(out.charset, 'utf-8');
  assert.ok(out.text.length > 40_000_000, 'out.text.length > 40_000_000');
  assert.ok(ms < 5000, `took ${ms} ms`);
});
