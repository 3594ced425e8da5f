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
