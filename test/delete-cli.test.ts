/**
 * `parallax delete`: lists what it would delete unless --yes; --from takes a file, folder or URL prefix
 * and keeps articles whose bytes were also read from elsewhere; the rest of the corpus is untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './helpers.js';

const stats = (db: string) => JSON.parse(runCli(['stats', '--db', db, '--json']).stdout) as { documents: number; origins: number };

test('parallax delete: a dry run by default, --yes deletes, --from keeps what was also read elsewhere, bad arguments are usage errors', () => {
  const dir = tempDir();
  try {
    // two folders; one page sits in both (same bytes, two origins)
    const a = join(dir.path, 'a');
    const b = join(dir.path, 'b');
    mkdirSync(a);
    mkdirSync(b);
    const corpus = join(repoRoot, 'examples/corpus');
    copyFileSync(join(corpus, 'coastline-daily.rss'), join(a, 'coastline-daily.rss'));
    copyFileSync(join(corpus, 'northgate-post-summit.html'), join(a, 'ports.html'));
    copyFileSync(join(corpus, 'northgate-post-summit.html'), join(b, 'ports.html'));
    copyFileSync(join(corpus, 'harbor-ledger-crawl.warc'), join(b, 'crawl.warc'));
    const db = join(dir.path, 'p.db');
    assert.equal(runCli(['ingest', a, b, '--db', db, '--workers', '0']).status, 0);
    const before = stats(db);

    const dry = runCli(['delete', '--from', a, '--db', db]);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /Would delete 3 article\(s\); nothing deleted \(add --yes/);
    assert.match(dry.stdout, /Kept 1 article\(s\) also read from elsewhere/);
    assert.deepEqual(stats(db), before, 'a dry run deletes nothing');

    const json = JSON.parse(runCli(['delete', '--from', `${a}/`, '--db', db, '--json', '--yes']).stdout) as { deleted: number; articles: string[]; keptElsewhere: string[] };
    assert.equal(json.deleted, 3);
    assert.equal(json.keptElsewhere.length, 1);
    const after = stats(db);
    assert.equal(after.documents, before.documents - 3);
    assert.equal(after.origins, before.origins - 3, 'the kept article keeps both its origins');
    assert.equal(runCli(['show', json.articles[0], '--db', db]).status, 2, 'a deleted article is gone');
    assert.equal(runCli(['show', json.keptElsewhere[0], '--db', db]).status, 0, 'the one read elsewhere too stays');

    const byId = runCli(['delete', json.keptElsewhere[0].slice(0, 10), '--db', db, '--yes']);
    assert.equal(byId.status, 0, byId.stderr);
    assert.match(byId.stdout, /Deleted 1 article\(s\)/);
    assert.equal(stats(db).documents, before.documents - 4);
    assert.match(runCli(['delete', '--from', join(dir.path, 'nowhere'), '--db', db, '--yes']).stdout, /No article matches/);

    const none = runCli(['delete', '--db', db]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /name the articles to delete/);
    const unknown = runCli(['delete', 'ffffffffff', '--db', db, '--yes']);
    assert.equal(unknown.status, 2);
    assert.equal(stats(db).documents, before.documents - 4, 'a usage error deletes nothing');

    assert.equal(runCli(['ingest', a, '--db', db, '--workers', '0']).status, 0);
    assert.equal(stats(db).documents, before.documents, 'ingesting the folder again stores its articles anew');
  } finally {
    dir.cleanup();
  }
});

test('parallax delete --keep-out: a takedown stays out of later ingests until let in; kept-out lists it; stats mentions it', () => {
  const dir = tempDir();
  try {
    const corpus = join(repoRoot, 'examples/corpus');
    const a = join(dir.path, 'a');
    mkdirSync(a);
    copyFileSync(join(corpus, 'northgate-post-summit.html'), join(a, 'ports.html'));
    copyFileSync(join(corpus, 'coastline-daily.rss'), join(a, 'coastline-daily.rss'));
    const db = join(dir.path, 'p.db');
    assert.equal(runCli(['ingest', a, '--db', db, '--workers', '0']).status, 0);
    const before = stats(db);
    const target = join(a, 'ports.html');

    const dry = runCli(['delete', '--from', target, '--keep-out', '--db', db]);
    assert.match(dry.stdout, /Would delete 1 article\(s\) and keep them out of later ingests; nothing deleted/);
    assert.equal(JSON.parse(runCli(['kept-out', '--db', db, '--json']).stdout || '[]').length ?? 0, 0, 'a dry run keeps nothing out');

    const done = runCli(['delete', '--from', target, '--keep-out', '--yes', '--db', db]);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /kept out of later ingests: \d+ new document id\(s\) and URL\(s\), listed by `parallax kept-out`/);
    const listed = runCli(['kept-out', '--db', db, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; kind: string });
    assert.ok(listed.some((e) => e.kind === 'document'), `the document id is listed: ${JSON.stringify(listed)}`);
    assert.match(runCli(['stats', '--db', db]).stdout, /Kept out of later ingests: \d+ deleted document id\(s\) and URL\(s\)/);

    const again = JSON.parse(runCli(['ingest', a, '--db', db, '--workers', '0', '--json']).stdout) as { summary: { stored: number; skipped: Record<string, number> } };
    assert.equal(again.summary.stored, 0, 'ingesting the folder again does not bring it back');
    assert.equal(again.summary.skipped['kept-out'], 1, JSON.stringify(again.summary));
    assert.equal(stats(db).documents, before.documents - 1);

    const doc = listed.find((e) => e.kind === 'document')!.key;
    const letIn = runCli(['kept-out', '--let-in', doc, 'https://never.example/', '--db', db]);
    assert.equal(letIn.status, 0, letIn.stderr);
    assert.match(letIn.stdout, /Let in 1 of 2 \(1 were not kept out\)/);
    const back = JSON.parse(runCli(['ingest', a, '--db', db, '--workers', '0', '--json']).stdout) as { summary: { stored: number } };
    assert.equal(back.summary.stored, 1, 'once let in, the same bytes are stored again');
    assert.equal(runCli(['kept-out', '--let-in', '', '--db', db]).status, 2, 'an empty key is a usage error');
  } finally {
    dir.cleanup();
  }
});
