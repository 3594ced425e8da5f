/**
 * Benchmark of the PostgreSQL work queue: N synthetic news pages are enqueued, then processed by 1 and
 * by 2 worker processes (each with one extract thread), each run on a fresh database.
 *
 *   node --import tsx bench/queue.ts [articles=1000] [--db postgres://…]
 *
 * Without --db (or PARALLAX_BENCH_PG) a throwaway PostgreSQL cluster is started (needs the server
 * binaries; see scripts/setup-postgres.sh). Figures:
 *  - enqueue rate (records/s into queue_raw + jobs);
 *  - processing rate: articles stored per second between the first job started and the last completed
 *    (pg-boss's own timestamps: no process start-up or idle tail);
 *  - end-to-end rate: articles per second from starting the workers to their exit (minus the idle wait).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ingest } from '../src/pipeline.js';
import { enqueue, INGEST_QUEUE } from '../src/queue/index.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createDatabase, startTempCluster } from '../test/helpers/pg-cluster.js';
import { syntheticDoc } from './lib/synthetic-news.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const dbFlag = args.indexOf('--db');
const givenUrl = dbFlag >= 0 ? args[dbFlag + 1] : process.env.PARALLAX_BENCH_PG;
const articles = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--db') ?? 1000);
const WORKER_COUNTS = [1, 2];
const IDLE_EXIT_S = 1;

/** One worker process running runWorker until the queue has been idle for IDLE_EXIT_S. */
function workerProcess(url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const entry = `
    const { runWorker } = await import(${JSON.stringify(join(repoRoot, 'src/queue/index.ts'))});
    const s = await runWorker(process.argv[1], { concurrency: 1, idleExitMs: ${IDLE_EXIT_S * 1000}, pollMs: 200 });
    const cpu = process.cpuUsage();
    process.stdout.write(JSON.stringify({ ...s, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, '--', url], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

interface Run {
  workers: number;
  stored: number;
  enqueueRate: number;
  processingS: number;
  processingRate: number;
  endToEndS: number;
  endToEndRate: number;
  /** Worker processes' CPU time (all threads, start-up included) per stored article. */
  cpuMsPerArticle: number;
  /** Time in store write transactions per article: serialised across workers by the store's write lock. */
  writeMsPerArticle: number;
}

async function runOnce(serverUrl: string, dir: string, workers: number): Promise<Run> {
  const url = await createDatabase(serverUrl, `parallax_bench_queue_${workers}`, { replace: true });
  const queued = await enqueue(url, [dir]);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: workers }, () => workerProcess(url)));
  const endToEndS = (performance.now() - started) / 1000 - IDLE_EXIT_S;
  let stored = 0;
  let cpuMs = 0;
  let writeMs = 0;
  for (const r of results) {
    if (r.code !== 0) throw new Error(`worker failed (${r.code}): ${r.stderr}`);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    stored += summary.stored;
    cpuMs += summary.cpuMs;
    writeMs += summary.storeWriteMs;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ seconds: number }>(
    `SELECT extract(epoch FROM max(completed_on) - min(started_on))::float8 AS seconds FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
    [INGEST_QUEUE],
  );
  await client.end();
  const processingS = rows[0].seconds;
  return {
    workers,
    stored,
    enqueueRate: queued.enqueued / (queued.elapsedMs / 1000),
    processingS,
    processingRate: stored / processingS,
    endToEndS,
    endToEndRate: stored / endToEndS,
    cpuMsPerArticle: cpuMs / stored,
    writeMsPerArticle: writeMs / stored,
  };
}

async function main(): Promise<void> {
  let serverUrl = givenUrl;
  let stopCluster: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const cluster = await startTempCluster();
    if ('skip' in cluster) {
      process.stdout.write(`bench:queue skipped: ${cluster.skip}\n`);
      return;
    }
    serverUrl = cluster.url;
    stopCluster = () => cluster.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-queue-'));
  try {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    for (let i = 0; i < articles; i++) {
      const doc = syntheticDoc(42, i);
      writeFileSync(join(pages, `${doc.name}.html`), doc.html);
    }
    process.stdout.write(`Queue benchmark: ${articles} synthetic pages, ${availableParallelism()} core(s), one extract thread per worker process.\n`);
    // Baseline: the same pages through a one-process SQLite ingest with one extract thread.
    const reference = new SqliteStore(join(dir, 'reference.db'));
    const baseline = await ingest([pages], reference, { workers: 1 });
    await reference.close();
    process.stdout.write(
      `  reference, one-process SQLite ingest (1 extract thread): ${(baseline.stored / (baseline.elapsedMs / 1000)).toFixed(1)} articles/s\n`,
    );
    const runs: Run[] = [];
    for (const workers of WORKER_COUNTS) {
      const run = await runOnce(serverUrl, pages, workers);
      runs.push(run);
      process.stdout.write(
        `  ${workers} worker(s): ${run.stored} stored; enqueue ${run.enqueueRate.toFixed(0)} records/s; ` +
          `processing ${run.processingRate.toFixed(1)} articles/s (${run.processingS.toFixed(1)} s); ` +
          `end to end ${run.endToEndRate.toFixed(1)} articles/s (${run.endToEndS.toFixed(1)} s incl. start-up); ` +
          `worker CPU ${run.cpuMsPerArticle.toFixed(1)} ms/article; store writes (serialised) ${run.writeMsPerArticle.toFixed(2)} ms/article, ` +
          `write lock held ${((100 * run.writeMsPerArticle * run.stored) / (1000 * run.processingS)).toFixed(0)}% of the time\n`,
      );
    }
    const [one, two] = runs;
    process.stdout.write(
      `Speed-up, 2 workers vs 1: processing ×${(two.processingRate / one.processingRate).toFixed(2)}, ` +
        `end to end ×${(two.endToEndRate / one.endToEndRate).toFixed(2)}\n` +
        `Ceiling set by the serialised store writes (1 worker's figure): ~${(1000 / one.writeMsPerArticle).toFixed(0)} articles/s for any number of workers.\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await stopCluster?.();
  }
}

await main();
