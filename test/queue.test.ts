/**
 * The PostgreSQL work queue end to end: `enqueue` then worker processes give the same corpus as a
 * SqliteStore `ingest`, re-enqueueing adds no jobs, a worker killed with SIGKILL loses nothing, and bad
 * documents become stored errors instead of retried jobs. Needs PostgreSQL server binaries (a throwaway
 * cluster is started); skips visibly without them.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { readSources } from '../src/ingest/index.js';
import { annotateCorpus, ingest } from '../src/pipeline.js';
import { ANNOTATION_VERSION } from '../src/nlp/version.js';
import { byBytes } from '../src/queue/batch.js';
import { enqueue, QueueSettingsError, queueStatus } from '../src/queue/index.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { syntheticDoc } from '../bench/lib/synthetic-news.js';
import { createDatabase, startTempCluster, type TempCluster } from './helpers/pg-cluster.js';
import { repoRoot, tempDir } from './helpers.js';

const corpus = join(repoRoot, 'examples', 'corpus');
const cluster: TempCluster | { skip: string } = await startTempCluster();
const skip = 'skip' in cluster ? `needs PostgreSQL: ${cluster.skip}` : false;
const work = tempDir('parallax-queue-test-');

after(async () => {
  if (!('skip' in cluster)) await cluster.stop();
  work.cleanup();
});

let dbCount = 0;
/** A fresh database on the test cluster for one test. */
async function freshDatabase(): Promise<string> {
  if ('skip' in cluster) throw new Error(cluster.skip);
  return createDatabase(cluster.url, `queue_test_${process.pid}_${++dbCount}`);
}

const cliEntry = join(repoRoot, 'src', 'cli', 'main.ts');

function cliArgs(args: string[]): string[] {
  return ['--import', 'tsx', cliEntry, ...args];
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Extraction on the worker's main thread: no extract thread to start, which saves a second or so of CPU
 * per worker process. The parity test keeps the default (threads), so both paths are covered.
 */
const INLINE = ['--concurrency', '0'];

function startWorker(url: string, extra: string[] = []): { child: ChildProcess; done: Promise<Finished>; stderr: () => string } {
  const child = spawn(process.execPath, cliArgs(['worker', '--db', url, '--poll', '100', '--no-progress', ...extra]), {
    cwd: repoRoot,
    env: { ...process.env, PARALLAX_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

test('a worker batch is loaded in parts of bounded size, in order, each at least one record', () => {
  const size = (n: number) => n;
  assert.deepEqual(byBytes([5, 5, 5, 20, 1, 1], size, 10), [[5, 5], [5], [20], [1, 1]]);
  assert.deepEqual(byBytes([], size, 10), []);
  assert.deepEqual(byBytes([3, 3, 3], size, 100), [[3, 3, 3]]);
});

function runCliAsync(args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, cliArgs(args), { cwd: repoRoot, env: { ...process.env, PARALLAX_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function withStore<T>(url: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await PostgresStore.open(url);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** What a corpus holds, in terms that do not depend on storing order. */
async function corpusFacts(store: Store) {
  const stats = await store.stats();
  const pair = (d: { a: string; b: string }) => [d.a, d.b].sort().join('~');
  return {
    ids: [...(await store.articleIds())].sort(),
    origins: stats.origins,
    exact: (await store.duplicates({ kind: 'exact' })).map(pair).sort(),
    near: (await store.duplicates({ kind: 'near' })).map(pair).sort(),
    errors: (await store.errors(1000)).map((e) => `${e.code} ${e.origin.path}`).sort(),
  };
}

/** Distinct raw ids (and records) the readers find in these inputs. */
async function recordIds(inputs: string[]): Promise<{ ids: Set<string>; records: number }> {
  const ids = new Set<string>();
  let records = 0;
  for await (const item of readSources(inputs)) {
    if (item.kind === 'record') {
      ids.add(item.record.id);
      records++;
    }
  }
  return { ids, records };
}

test('queue commands refuse a database that is not PostgreSQL, or unreachable (exit 2, password masked)', async () => {
  const commands = [['worker', '--db', join(work.path, 'x.db')], ['enqueue', corpus], ['queue-status', '--db', 'sqlite:x']];
  // Port 1 on loopback: nothing listens there.
  const unreachable = ['queue-status', '--db', 'postgres://someone:s3cret@127.0.0.1:1/news'];
  const results = await Promise.all([...commands, unreachable].map(runCliAsync));
  results.slice(0, commands.length).forEach((r, i) => {
    assert.equal(r.code, 2, `${commands[i].join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /needs a PostgreSQL database/);
  });
  const down = results[commands.length];
  assert.equal(down.code, 2, down.stderr);
  assert.match(down.stderr, /^parallax: cannot use the PostgreSQL database postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/news: .*ECONNREFUSED/);
  assert.doesNotMatch(down.stderr, /s3cret/);
});

test('enqueue twice, two worker processes: the same corpus as a SQLite ingest', { skip }, async () => {
  const url = await freshDatabase();
  const first = await runCliAsync(['enqueue', corpus, '--db', url, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const { summary } = JSON.parse(first.stdout);
  const { ids, records } = await recordIds([corpus]);
  assert.equal(summary.enqueued, ids.size);
  assert.equal(summary.enqueued + summary.alreadyQueued, records, 'the same bytes twice in one run are one job');

  const again = await enqueue(url, [corpus]);
  assert.equal(again.enqueued, 0);
  assert.equal(again.alreadyQueued, records);
  const queued = await queueStatus(url);
  assert.equal(queued.jobs.created, ids.size, 'no new jobs from the second enqueue');
  assert.equal(queued.backlog.records, ids.size);

  const workers = [startWorker(url, ['--idle-exit', '0.5']), startWorker(url, ['--idle-exit', '0.5'])];
  const results = await Promise.all(workers.map((w) => w.done));
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const stored = results.map((r) => Number(/(\d+) stored/.exec(r.stdout)?.[1] ?? NaN));
  assert.equal(stored[0] + stored[1], ids.size, `each article stored once: ${results.map((r) => r.stdout).join(' | ')}`);

  const status = await queueStatus(url);
  assert.deepEqual({ ...status.jobs, completed: 0 }, { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
  assert.equal(status.jobs.completed, ids.size);
  assert.equal(status.backlog.records, 0);
  assert.equal(status.recentRate, ids.size / 60, 'all completed within the last minute');

  const sqlite = new SqliteStore(join(work.path, 'reference.db'));
  try {
    await ingest([corpus], sqlite, { workers: 0 });
    const expected = await corpusFacts(sqlite);
    const got = await withStore(url, corpusFacts);
    assert.deepEqual(got.ids, expected.ids);
    assert.equal(got.origins, expected.origins);
    assert.deepEqual(got.exact, expected.exact);
    assert.deepEqual(got.near, expected.near);
    assert.deepEqual(got.errors, expected.errors);
    assert.ok(expected.exact.length + expected.near.length > 0, 'the corpus has duplicates to find');
    // the workers annotated what they stored: nothing is left for a command to annotate, and the
    // layers say what a one-process annotation of the SQLite corpus says
    await annotateCorpus(sqlite);
    await withStore(url, async (pgStore) => {
      assert.deepEqual(await pgStore.articlesToAnnotate(ANNOTATION_VERSION, 1000), [], 'every stored article has its layers');
      const speakers = async (st: Store) => (await st.quotes({ limit: 10_000 })).map((q) => `${q.articleId} ${q.speaker?.canonical ?? '-'} ${q.start}`).sort();
      assert.deepEqual(await speakers(pgStore), await speakers(sqlite));
      const events = async (st: Store) => (await st.events({ limit: 10_000 })).map((e) => `${e.articleId} ${e.category} ${e.trigger.start}`).sort();
      assert.deepEqual(await events(pgStore), await events(sqlite));
    });
  } finally {
    await sqlite.close();
  }
});

/** Wait until the queue has completed at least `n` jobs. */
async function untilCompleted(url: string, n: number): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    const s = await queueStatus(url, { failedLimit: 0 });
    if (s.jobs.completed >= n) return;
    assert.ok(waited < 30_000, `no worker progress (${s.jobs.completed} of ${n} jobs completed)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** 300 synthetic news pages (with exact and near duplicates), written once. */
let syntheticPages: string | null = null;
function synthetic(): string {
  if (syntheticPages) return syntheticPages;
  const dir = join(work.path, 'synthetic');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 300; i++) {
    const doc = syntheticDoc(11, i);
    writeFileSync(join(dir, `${doc.name}.html`), doc.html);
  }
  return (syntheticPages = dir);
}

test('SIGTERM stops a worker cleanly; one killed with SIGKILL mid-run loses nothing; another finishes', { skip }, async () => {
  const url = await freshDatabase();
  const dir = synthetic();
  const { ids, records } = await recordIds([dir]);
  const queued = await enqueue(url, [dir], { job: { expireInSeconds: 2, retryDelaySeconds: 1 } });
  assert.equal(queued.enqueued, ids.size);

  // SIGTERM: the batch in hand is finished, nothing is left active, the rest waits.
  const polite = startWorker(url, INLINE);
  await untilCompleted(url, 10);
  polite.child.kill('SIGTERM');
  const stopped = await polite.done;
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr, /finishing the job\(s\) in hand/);
  const paused = await queueStatus(url, { failedLimit: 0 });
  assert.equal(paused.jobs.active, 0, 'no job left in the hands of a stopped worker');
  assert.equal(paused.jobs.completed + paused.jobs.created, ids.size);
  assert.ok(paused.jobs.created > 0, 'stopped before the end of the queue');
  assert.equal(paused.backlog.records, paused.jobs.created);

  // SIGKILL mid-run: its jobs stay active until they expire.
  const doomed = startWorker(url, INLINE);
  await untilCompleted(url, paused.jobs.completed + 20);
  doomed.child.kill('SIGKILL');
  const killed = await doomed.done;
  assert.equal(killed.signal, 'SIGKILL');
  const midway = await queueStatus(url, { failedLimit: 0 });
  assert.ok(midway.jobs.completed < ids.size, 'killed before the end of the queue');
  // Two fetch loops each hold a batch almost all the time, so the kill leaves jobs in hand.
  assert.ok(midway.jobs.active > 0, 'killed with jobs in hand (they must expire and be retried)');

  const survivor = await startWorker(url, [...INLINE, '--idle-exit', '0.5']).done;
  assert.equal(survivor.code, 0, survivor.stderr);

  const status = await queueStatus(url);
  assert.equal(status.jobs.active, 0, 'no job left active');
  assert.equal(status.jobs.created + status.jobs.retry + status.jobs.failed, 0);
  assert.equal(status.backlog.records, 0);
  const facts = await withStore(url, corpusFacts);
  assert.deepEqual(new Set(facts.ids), ids, 'every document stored');
  assert.equal(facts.ids.length, ids.size, 'each once');
  assert.equal(facts.origins, records, 'no origin recorded twice');
  const pairs = [...facts.exact, ...facts.near];
  assert.ok(pairs.length > 0, 'the synthetic pages include duplicates');
  assert.equal(new Set(pairs).size, pairs.length, 'no pair related twice');
});

test('bad documents become stored errors, not retried jobs', { skip }, async () => {
  const url = await freshDatabase();
  const dir = join(work.path, 'bad');
  mkdirSync(dir, { recursive: true });
  // Binary bytes under an .html name: refused when read, so never queued.
  writeFileSync(join(dir, 'photo.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  // A page with no article text: queued, and fails in the worker's extraction.
  writeFileSync(join(dir, 'empty.html'), '<!doctype html><html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(join(dir, 'good.html'), syntheticDoc(3, 5).html);
  // A NUL character in a container's field (PostgreSQL's JSONB refuses it): queued and stored all the same.
  const body = syntheticDoc(3, 6).text.replace(/\n/g, ' ');
  writeFileSync(join(dir, 'feed.jsonl'), JSON.stringify({ url: 'https://example.org/a', title: 'Nul \u0000 title', text: body }) + '\n');

  const queued = await enqueue(url, [dir], { nearThreshold: 0.9 });
  assert.equal(queued.failed, 1);
  assert.equal(queued.enqueued, 3);
  const r = await startWorker(url, [...INLINE, '--idle-exit', '0.5', '--json']).done;
  assert.equal(r.code, 1, 'some documents failed');
  const summary = JSON.parse(r.stdout);
  assert.deepEqual({ stored: summary.stored, failed: summary.failed }, { stored: 2, failed: 1 });
  assert.equal(summary.nearThreshold, 0.9, 'workers use the threshold the first enqueue fixed');

  const status = await queueStatus(url);
  assert.deepEqual(
    { completed: status.jobs.completed, retry: status.jobs.retry, failed: status.jobs.failed, backlog: status.backlog.records },
    { completed: 3, retry: 0, failed: 0, backlog: 0 },
  );
  const facts = await withStore(url, corpusFacts);
  assert.equal(facts.ids.length, 2);
  assert.equal(facts.errors.length, 2, facts.errors.join('; '));
  assert.ok(facts.errors.some((e) => e.endsWith('photo.html')), "facts.errors.some((e) => e.endsWith('photo.html'))");
  assert.ok(facts.errors.some((e) => e.startsWith('no-content') && e.endsWith('empty.html')), "facts.errors.some((e) => e.startsWith('no-content') && e.endsWith('empty.html'))");
  const sqlite = new SqliteStore(join(work.path, 'bad-reference.db'));
  try {
    await ingest([dir], sqlite, { workers: 0 });
    assert.deepEqual(facts.errors, (await corpusFacts(sqlite)).errors, 'the same errors as ingest');
  } finally {
    await sqlite.close();
  }

  // Queued again, the failed page is tried again (as a re-ingest would); the stored one is not.
  const again = await enqueue(url, [dir]);
  assert.deepEqual({ enqueued: again.enqueued, alreadyStored: again.alreadyStored }, { enqueued: 1, alreadyStored: 2 });
  assert.equal(again.nearThreshold, 0.9);
  // The threshold cannot change under the stored articles' LSH keys.
  await assert.rejects(enqueue(url, [dir], { nearThreshold: 0.7 }), QueueSettingsError);
  const refused = await runCliAsync(['enqueue', dir, '--db', url, '--near-threshold', '0.7']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /threshold 0\.9; it cannot change to 0\.7/);
});

test('parallax watch --enqueue queues only what changed, round after round; workers store it', { skip }, async () => {
  const url = await freshDatabase();
  const dir = join(work.path, 'watched');
  mkdirSync(dir, { recursive: true });
  const old = new Date(Date.now() - 60_000);
  const write = (name: string, seed: number) => {
    writeFileSync(join(dir, name), syntheticDoc(3, seed).html);
    utimesSync(join(dir, name), old, old);
  };
  write('a.html', 11);
  write('b.html', 12);
  const round = async () => {
    const r = await runCliAsync(['watch', dir, '--once', '--enqueue', '--db', url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { summary: { enqueued: number; read: number; skipped: Record<string, number> }; statesRecorded: number };
  };
  const first = await round();
  assert.deepEqual([first.summary.enqueued, first.statesRecorded], [2, 2], JSON.stringify(first));
  const second = await round();
  assert.deepEqual([second.summary.read, second.summary.skipped['file-unchanged']], [0, 2], 'nothing read the second time');
  write('c.html', 13);
  const third = await round();
  assert.deepEqual([third.summary.enqueued, third.summary.skipped['file-unchanged']], [1, 2], 'only the new file is queued');
  const w = await startWorker(url, [...INLINE, '--idle-exit', '0.5', '--json']).done;
  assert.equal(w.code, 0, w.stderr);
  assert.equal((await withStore(url, corpusFacts)).ids.length, 3, 'the workers store all three');
  const sqliteOnly = await runCliAsync(['watch', dir, '--once', '--enqueue', '--db', join(work.path, 'x.db')]);
  assert.equal(sqliteOnly.code, 2, 'watch --enqueue needs PostgreSQL');
  assert.match(sqliteOnly.stderr, /watch --enqueue needs a PostgreSQL database/);
});

test('a job that keeps failing ends failed, is listed, and a new enqueue puts it back', { skip }, async () => {
  const url = await freshDatabase();
  const dir = join(work.path, 'flaky');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page.html'), syntheticDoc(5, 2).html);
  const [rawId] = (await recordIds([dir])).ids;
  await enqueue(url, [dir], { job: { retryLimit: 1, retryDelaySeconds: 1 } });

  // An infrastructure failure: the queue's table is missing while the worker runs.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('ALTER TABLE queue_raw RENAME TO queue_raw_away');
    const broken = await startWorker(url, [...INLINE, '--idle-exit', '0.5']).done;
    assert.equal(broken.code, 0, broken.stderr);
    assert.match(broken.stderr, /handed back for retry/);
    assert.match(broken.stdout, /0 job\(s\) done.*2 job attempt\(s\) handed back/);
  } finally {
    await admin.query('ALTER TABLE queue_raw_away RENAME TO queue_raw');
    await admin.end();
  }
  const failed = await queueStatus(url);
  assert.equal(failed.jobs.failed, 1);
  assert.equal(failed.failed[0].rawId, rawId);
  assert.match(failed.failed[0].message, /queue_raw/);
  assert.equal(failed.backlog.records, 1, 'the bytes stay queued');

  const again = await enqueue(url, [dir]);
  assert.deepEqual({ alreadyQueued: again.alreadyQueued, requeued: again.requeued }, { alreadyQueued: 1, requeued: 1 });
  const fixed = await startWorker(url, [...INLINE, '--idle-exit', '0.5']).done;
  assert.match(fixed.stdout, /1 stored/);
  const status = await queueStatus(url);
  assert.deepEqual({ failed: status.jobs.failed, completed: status.jobs.completed, backlog: status.backlog.records }, { failed: 0, completed: 1, backlog: 0 });
});

test('a worker rides out its database connections being cut: failed jobs are retried, nothing is lost', { skip }, async () => {
  const url = await freshDatabase();
  const dir = synthetic();
  const { ids } = await recordIds([dir]);
  await enqueue(url, [dir], { job: { retryDelaySeconds: 1 } });
  const worker = startWorker(url, [...INLINE, '--idle-exit', '0.5']);
  await untilCompleted(url, 20);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // As a server restart or a network cut would, until a cut lands mid-job (most land on idle pooled
    // connections, which the pool just replaces): then that job must be handed back and retried. Cuts
    // come every 10 ms and hit all the worker's connections (queue and store), so one lands on a job
    // in progress long before the worker could finish the queue, however fast or loaded the machine.
    for (let waited = 0; !/handed back for retry/.test(worker.stderr()); waited += 10) {
      assert.ok(waited < 10_000, 'no cut landed on a job in progress');
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('parallax-worker', 'parallax')`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await admin.end();
  }
  const done = await worker.done;
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /job attempt\(s\) handed back for retry/);
  const status = await queueStatus(url);
  assert.deepEqual(
    { active: status.jobs.active, waiting: status.jobs.created + status.jobs.retry, failed: status.jobs.failed, backlog: status.backlog.records },
    { active: 0, waiting: 0, failed: 0, backlog: 0 },
  );
  const facts = await withStore(url, corpusFacts);
  assert.equal(facts.ids.length, ids.size);
  assert.deepEqual(new Set(facts.ids), ids);
});
