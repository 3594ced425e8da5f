/**
 * `parallax annotate` (src/cli/annotate.ts): stateless, one JSON object per file with offsets into
 * the printed text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { register, annotateFile } from '../src/cli/annotate.js';

const dir = mkdtempSync(path.join(tmpdir(), 'parallax-annotate-'));
const txt = path.join(dir, 'a.txt');
writeFileSync(
  txt,
  'OSLO (Wire) — Norwegian Prime Minister Ingrid Solberg met Kenyan President Daniel Mwangi on Wednesday.\n\n' +
    '“We agreed on a new fisheries fund,” Solberg told reporters.\n',
);
const html = path.join(dir, 'b.html');
writeFileSync(
  html,
  '<!doctype html><html><head><title>Talks</title><meta property="article:published_time" content="2025-02-13T08:00:00Z"></head>' +
    '<body><article><h1>Talks</h1><p>Chilean President Rosa Vidal said on Wednesday that talks would resume, officials said.</p>' +
    '<p>“We are close,” Vidal told reporters in Santiago after the meeting with her counterpart.</p></article></body></html>',
);

test('annotateFile: JSON shape with offsets into the returned text; --published resolves weekdays', () => {
  const out = annotateFile(txt, { published: '2025-02-13' });
  assert.equal(out.file, txt);
  for (const e of out.entities) assert.equal(out.text.slice(e.start, e.end), e.text);
  const solberg = out.entities.find((e) => e.text === 'Ingrid Solberg');
  assert.equal(solberg?.type, 'PERSON');
  assert.equal(solberg?.role, 'Norwegian Prime Minister');
  const q = out.quotes.find((x) => x.direct);
  assert.equal(q?.speaker?.canonical, 'Ingrid Solberg');
  assert.equal(q?.cue, 'told');
  const wed = out.times.find((t) => t.text === 'Wednesday');
  assert.equal(wed?.value, '2025-02-12');
  const none = annotateFile(txt);
  assert.equal(none.times.find((t) => t.text === 'Wednesday')?.value, 'XXXX-WXX-3');
});

test('annotateFile: HTML is reduced to its main text and its declared publication date is used', () => {
  const out = annotateFile(html);
  assert.ok(!out.text.includes('<'), 'no markup in the annotated text');
  assert.ok(out.quotes.some((q) => q.direct && q.speaker?.canonical === 'Rosa Vidal'), "out.quotes.some((q) => q.direct && q.speaker?.canonical === 'Rosa Vidal')");
  for (const q of out.quotes) assert.equal(out.text.slice(q.start, q.end), q.text);
});

test('parallax annotate --json prints one JSON object per file', async () => {
  const program = new Command().exitOverride();
  register(program);
  const lines: string[] = [];
  const orig = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'parallax', 'annotate', txt, html, '--json', '--published', '2025-02-13']);
  } finally {
    process.stdout.write = orig;
  }
  const objs = lines.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(objs.length, 2);
  for (const o of objs) for (const k of ['file', 'text', 'entities', 'quotes', 'events', 'times', 'sentences']) assert.ok(k in o, `has ${k}`);
});
