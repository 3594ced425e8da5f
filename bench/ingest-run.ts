/** Child process of bench/ingest.ts: ingest one folder into a fresh database and report rate and peak memory. */
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ingest } from '../src/pipeline.js';

const [dir, db] = process.argv.slice(2);
const store = new SqliteStore(db);
const summary = await ingest([dir], store);
store.close();
process.stdout.write(
  JSON.stringify({
    read: summary.read,
    stored: summary.stored,
    failed: summary.failed,
    exact: summary.exactDuplicates,
    near: summary.nearDuplicates,
    elapsedMs: summary.elapsedMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
