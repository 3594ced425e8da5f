/** `parallax serve`: the HTTP API and the web UI over a stored corpus. */
import type { Command } from 'commander';
import { buildServer } from '../server/app.js';
import { annotateCorpus } from '../pipeline.js';
import { UsageError, addDbOption, displayDb, openStore, portOption } from './shared.js';

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('Serve the HTTP API (/api/...) and the web UI (/) over the corpus, read-only')
      .option('--port <n>', 'TCP port', portOption, 8377)
      .option('--host <host>', 'interface to bind (0.0.0.0 exposes it to the network)', '127.0.0.1')
      .option('--log', 'log each request'),
  ).action(async (opts: { db: string; port: number; host: string; log?: boolean }) => {
    if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new UsageError(`--port must be 0..65535, got ${opts.port}`);
    const store = await openStore(opts.db);
    // bring the layers up to date once, so the first page load does not pay for it
    const s = await annotateCorpus(store);
    if (s.annotated) process.stderr.write(`annotated ${s.annotated} article(s)\n`);
    const app = buildServer(store, { logger: !!opts.log });
    const close = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    const address = await app.listen({ port: opts.port, host: opts.host });
    process.stderr.write(`parallax: serving ${displayDb(opts.db)} at ${address} (API under /api, UI at /); Ctrl-C stops\n`);
  });
}
