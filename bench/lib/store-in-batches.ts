/** Writing prepared articles to a store as ingest does: in transactions of 64, duplicates looked up against what is stored. */
import { storePrepared, type PreparedRecord } from '../../src/pipeline.js';
import type { Store } from '../../src/store/store.js';

export const BATCH = 64;

/** Store `records` in transactions of BATCH; returns how many duplicate relations were found. */
export async function storeInBatches(store: Store, records: PreparedRecord[], nearThreshold: number): Promise<number> {
  let relations = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    await store.transaction(async () => {
      for (const r of records.slice(i, i + BATCH)) relations += (await storePrepared(store, r, nearThreshold)).length;
    });
  }
  return relations;
}
