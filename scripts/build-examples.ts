/**
 * Builds the generated files of the bundled sample corpus (examples/corpus/) from the
 * hand-written sources in examples/sources/:
 *
 *   harbor-ledger-crawl.warc       uncompressed WARC/1.0: warcinfo + request/response pairs
 *   meridianwire-crawl.warc.gz     the same shape, every record gzipped on its own (the
 *                                  convention crawlers use, so readers can seek per record)
 *   harbor-ledger-summit.html      byte-for-byte copy of one page inside the .warc: the
 *                                  corpus's deliberate EXACT duplicate
 *   northgate-post-flood-print.txt windows-1252 re-encoding of a UTF-8 source, to exercise
 *                                  charset detection on a file that declares nothing
 *
 * Output is deterministic (fixed dates, record ids derived from content, gzip without a
 * timestamp), so re-running the script on unchanged sources changes no committed byte.
 *
 * Usage:  node --import tsx scripts/build-examples.ts          (write the files)
 *         node --import tsx scripts/build-examples.ts --check  (fail if any file is stale
 *                                                               or an invariant is broken)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(repoRoot, 'examples');
const sourcesDir = path.join(examplesDir, 'sources');
const corpusDir = path.join(examplesDir, 'corpus');

/** One page fetched by the (imaginary) crawler. */
interface CrawledPage {
  /** Source file under examples/sources/, holding the exact HTTP body. */
  source: string;
  url: string;
  /** When the crawler fetched it (WARC-Date, HTTP Date). */
  fetchedAt: string;
  /** HTTP Content-Type; some pages omit the charset so readers must sniff the <meta>. */
  contentType: string;
  /** Extra HTTP response headers, as a real server would send them. */
  extraHeaders: [string, string][];
}

interface CrawlSpec {
  output: string;
  gzipPerRecord: boolean;
  /** Written into the warcinfo record. */
  operator: string;
  software: string;
  startedAt: string;
  pages: CrawledPage[];
}

const CRLF = '\r\n';

const harborLedgerCrawl: CrawlSpec = {
  output: 'harbor-ledger-crawl.warc',
  gzipPerRecord: false,
  operator: 'Parallax sample corpus (fictional crawl of harborledger.example)',
  software: 'parallax-build-examples/1.0',
  startedAt: '2025-10-14T06:00:00Z',
  pages: [
    {
      source: 'harborledger/summit.html.src',
      url: 'https://www.harborledger.example/world/2025/03/18/portugal-morocco-sign-deal-power-cable-farm-visas',
      fetchedAt: '2025-10-14T06:00:03Z',
      contentType: 'text/html; charset=utf-8',
      extraHeaders: [
        ['Server', 'nginx'],
        ['Cache-Control', 'max-age=300, public'],
        ['Last-Modified', 'Tue, 18 Mar 2025 17:05:00 GMT'],
        ['X-Cache', 'HIT'],
      ],
    },
    {
      source: 'harborledger/flood.html.src',
      url: 'https://www.harborledger.example/world/2025/oct/13/greece-floods-thessaly-larissa-dead-missing',
      fetchedAt: '2025-10-14T06:00:09Z',
      // No charset: the page's own <meta charset> has to be found by the reader.
      contentType: 'text/html',
      extraHeaders: [
        ['Server', 'nginx'],
        ['Cache-Control', 'max-age=60, public'],
        ['Vary', 'Accept-Encoding'],
      ],
    },
    {
      source: 'harborledger/parcelio.html.src',
      url: 'https://www.harborledger.example/business/2025/jun/06/parcelio-couriers-react-dutch-privacy-fine',
      fetchedAt: '2025-10-14T06:00:15Z',
      contentType: 'text/html; charset=UTF-8',
      extraHeaders: [
        ['Server', 'nginx'],
        ['Cache-Control', 'max-age=3600, public'],
        ['Set-Cookie', 'hl_session=3f9a0c; Path=/; HttpOnly'],
      ],
    },
  ],
};

const meridianWireCrawl: CrawlSpec = {
  output: 'meridianwire-crawl.warc.gz',
  gzipPerRecord: true,
  operator: 'Parallax sample corpus (fictional crawl of meridianwire.example)',
  software: 'parallax-build-examples/1.0',
  startedAt: '2025-10-13T15:30:00Z',
  pages: [
    {
      source: 'meridianwire/flood.html.src',
      url: 'https://www.meridianwire.example/world/europe/floods-central-greece-kill-least-12-pineios-river-bursts-banks-2025-10-13/',
      fetchedAt: '2025-10-13T15:30:02Z',
      contentType: 'text/html; charset=utf-8',
      extraHeaders: [
        ['Server', 'Apache'],
        ['Cache-Control', 'no-cache'],
        ['Strict-Transport-Security', 'max-age=31536000'],
      ],
    },
    {
      source: 'meridianwire/parcelio.html.src',
      url: 'https://www.meridianwire.example/legal/dutch-privacy-regulator-fines-parcelio-32-million-euros-courier-tracking-2025-06-05/',
      fetchedAt: '2025-10-13T15:30:07Z',
      contentType: 'text/html; charset=utf-8',
      extraHeaders: [
        ['Server', 'Apache'],
        ['Cache-Control', 'max-age=600'],
        ['Strict-Transport-Security', 'max-age=31536000'],
      ],
    },
  ],
};

/** Sources copied or re-encoded into the corpus as standalone files. */
const exactCopies: { source: string; output: string }[] = [
  { source: 'harborledger/summit.html.src', output: 'harbor-ledger-summit.html' },
];
const windows1252Files: { source: string; output: string }[] = [
  { source: 'northgate-post-flood-print.utf8.txt.src', output: 'northgate-post-flood-print.txt' },
];

// ---------------------------------------------------------------------------------------------
// WARC writing. Written by hand rather than through a library so the byte layout is explicit:
// "WARC/1.0" CRLF, header lines CRLF, CRLF, block of exactly Content-Length bytes, CRLF CRLF.
// ---------------------------------------------------------------------------------------------

/** RFC 4648 base32, the encoding WARC digests use ("sha1:" + base32). */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

function sha1Digest(bytes: Uint8Array): string {
  return 'sha1:' + base32(createHash('sha1').update(bytes).digest());
}

/** A stable UUID-shaped record id, derived from what the record is, so rebuilds are identical. */
function recordId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

function warcRecord(headers: [string, string][], block: Uint8Array): Buffer {
  const all: [string, string][] = [
    ...headers,
    ['WARC-Block-Digest', sha1Digest(block)],
    ['Content-Length', String(block.length)],
  ];
  const head = 'WARC/1.0' + CRLF + all.map(([k, v]) => `${k}: ${v}`).join(CRLF) + CRLF + CRLF;
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF, 'utf8')]);
}

function buildWarc(spec: CrawlSpec): Buffer {
  const records: Buffer[] = [];
  const warcinfoId = recordId(spec.output, 'warcinfo');
  const info = Buffer.from(
    [
      `software: ${spec.software}`,
      'format: WARC File Format 1.0',
      'conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/',
      `operator: ${spec.operator}`,
      'robots: obey',
      'description: Sample pages for the Parallax examples; all outlets and people are fictional.',
      '',
    ].join(CRLF),
    'utf8',
  );
  records.push(
    warcRecord(
      [
        ['WARC-Type', 'warcinfo'],
        ['WARC-Record-ID', warcinfoId],
        ['WARC-Date', spec.startedAt],
        ['WARC-Filename', spec.output],
        ['Content-Type', 'application/warc-fields'],
      ],
      info,
    ),
  );

  for (const page of spec.pages) {
    const body = readFileSync(path.join(sourcesDir, page.source));
    const host = new URL(page.url).host;
    const requestId = recordId(spec.output, page.url, 'request');
    const responseId = recordId(spec.output, page.url, 'response');

    const request = Buffer.from(
      [
        `GET ${new URL(page.url).pathname} HTTP/1.1`,
        `Host: ${host}`,
        'User-Agent: Mozilla/5.0 (compatible; ParallaxSampleBot/1.0; +https://parallax.example/bot)',
        'Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'Accept-Language: en',
        'Connection: close',
        '',
        '',
      ].join(CRLF),
      'utf8',
    );
    const responseHead = Buffer.from(
      [
        'HTTP/1.1 200 OK',
        `Date: ${httpDate(page.fetchedAt)}`,
        `Content-Type: ${page.contentType}`,
        `Content-Length: ${body.length}`,
        ...page.extraHeaders.map(([k, v]) => `${k}: ${v}`),
        'Connection: close',
        '',
        '',
      ].join(CRLF),
      'utf8',
    );
    const response = Buffer.concat([responseHead, body]);

    records.push(
      warcRecord(
        [
          ['WARC-Type', 'request'],
          ['WARC-Record-ID', requestId],
          ['WARC-Date', page.fetchedAt],
          ['WARC-Target-URI', page.url],
          ['WARC-Concurrent-To', responseId],
          ['WARC-Warcinfo-ID', warcinfoId],
          ['Content-Type', 'application/http; msgtype=request'],
        ],
        request,
      ),
    );
    records.push(
      warcRecord(
        [
          ['WARC-Type', 'response'],
          ['WARC-Record-ID', responseId],
          ['WARC-Date', page.fetchedAt],
          ['WARC-Target-URI', page.url],
          ['WARC-Warcinfo-ID', warcinfoId],
          ['WARC-Payload-Digest', sha1Digest(body)],
          ['WARC-IP-Address', '192.0.2.' + (10 + spec.pages.indexOf(page))],
          ['Content-Type', 'application/http; msgtype=response'],
        ],
        response,
      ),
    );
  }

  // gzip with no file name and mtime 0 (Node's default), so output is reproducible.
  return spec.gzipPerRecord
    ? Buffer.concat(records.map((r) => gzipSync(r, { level: 9 })))
    : Buffer.concat(records);
}

function toWindows1252(source: string): Buffer {
  const text = readFileSync(path.join(sourcesDir, source), 'utf8');
  const encoded = iconv.encode(text, 'windows-1252');
  // iconv-lite silently substitutes "?" for characters the code page lacks; refuse that.
  if (iconv.decode(encoded, 'windows-1252') !== text) {
    throw new Error(`${source}: contains characters that windows-1252 cannot encode`);
  }
  if (!encoded.some((b) => b >= 0x80)) {
    throw new Error(`${source}: has no non-ASCII byte, so it would not exercise charset detection`);
  }
  return encoded;
}

function outputs(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const spec of [harborLedgerCrawl, meridianWireCrawl]) out.set(spec.output, buildWarc(spec));
  for (const { source, output } of exactCopies) out.set(output, readFileSync(path.join(sourcesDir, source)));
  for (const { source, output } of windows1252Files) out.set(output, toWindows1252(source));
  return out;
}

/** The truth table of examples/manifest.json, as far as this script can verify it from bytes. */
interface ManifestDoc {
  id: string;
  file: string;
  record?: string;
  title?: string;
  url?: string;
  duplicateOf?: string;
  nearDuplicateOf?: string;
  spunFrom?: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', euro: '\u20ac', pound: '\u00a3',
};

/** Enough entity decoding to find a title in HTML, XML or CDATA text (one pass, linear). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** A corpus file as searchable text: gunzipped, decoded from its charset, entities resolved. */
function corpusText(file: string): string {
  let bytes: Buffer = readFileSync(path.join(corpusDir, file));
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes); // handles concatenated members
  const text = windows1252Files.some((f) => f.output === file) ? iconv.decode(bytes, 'windows-1252') : bytes.toString('utf8');
  // JSONL stores text JSON-escaped; search the decoded values too.
  const jsonValues = file.endsWith('.jsonl')
    ? text.split('\n').filter(Boolean).map((line) => Object.values(JSON.parse(line) as Record<string, string>).join('\n'))
    : [];
  return decodeEntities([text, ...jsonValues].join('\n'));
}

function checkManifest(): string[] {
  const problems: string[] = [];
  const manifestPath = path.join(examplesDir, 'manifest.json');
  if (!existsSync(manifestPath)) return ['examples/manifest.json is missing'];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: ManifestDoc[] };
  const ids = new Set<string>();
  for (const doc of manifest.documents) {
    if (ids.has(doc.id)) problems.push(`manifest: duplicate id ${doc.id}`);
    ids.add(doc.id);
    if (!existsSync(path.join(corpusDir, doc.file))) problems.push(`manifest: ${doc.id}: no file corpus/${doc.file}`);
  }
  const texts = new Map<string, string>();
  for (const doc of manifest.documents) {
    for (const rel of [doc.duplicateOf, doc.nearDuplicateOf, doc.spunFrom]) {
      if (rel !== undefined && !ids.has(rel)) problems.push(`manifest: ${doc.id}: refers to unknown document ${rel}`);
    }
    if (!existsSync(path.join(corpusDir, doc.file))) continue;
    if (!texts.has(doc.file)) texts.set(doc.file, corpusText(doc.file));
    const text = texts.get(doc.file)!;
    for (const [field, value] of [['title', doc.title], ['url', doc.url]] as const) {
      if (value !== undefined && !text.includes(value)) problems.push(`manifest: ${doc.id}: ${field} not found in corpus/${doc.file}`);
    }
  }
  return problems;
}

function main(): void {
  const check = process.argv.includes('--check');
  const problems: string[] = [];
  for (const [name, bytes] of outputs()) {
    const target = path.join(corpusDir, name);
    if (check) {
      if (!existsSync(target) || !readFileSync(target).equals(bytes)) problems.push(`stale: examples/corpus/${name}`);
    } else {
      writeFileSync(target, bytes);
      console.log(`wrote examples/corpus/${name} (${bytes.length} bytes)`);
    }
  }
  problems.push(...checkManifest());
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error('examples check failed (stale files: rerun node --import tsx scripts/build-examples.ts; manifest problems: fix examples/manifest.json)');
    process.exitCode = 1;
  } else if (check) {
    console.log('examples/corpus is up to date');
  }
}

main();
