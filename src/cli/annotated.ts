/** Commands that read annotation layers first bring them up to date (annotation is incremental). */
import { annotateCorpus } from '../pipeline.js';
import type { Store } from '../store/store.js';

export async function ensureAnnotated(store: Store): Promise<void> {
  const s = await annotateCorpus(store);
  if (s.annotated + s.failed > 0) {
    process.stderr.write(
      `annotated ${s.annotated} article(s) in ${(s.elapsedMs / 1000).toFixed(1)} s${s.failed ? `, ${s.failed} failed (see \`parallax errors\`)` : ''}\n`,
    );
  }
}
