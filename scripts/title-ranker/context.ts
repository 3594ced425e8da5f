/**
 * The TitleContext that `extractMetadata` hands to `extractTitle`, rebuilt for the ranker experiment
 * from the same helpers; `test` in train.ts checks that the rule pick computed through
 * extractMetadata and through this context agree.
 */
import { readMetaTable } from '../../src/extract/html/metadata-dom.js';
import { mainArticleNode } from '../../src/extract/html/metadata-date.js';
import { jsonLdNodes } from '../../src/extract/html/metadata-jsonld.js';
import { findOutlet, siteNameVariants } from '../../src/extract/html/metadata.js';
import type { TitleContext } from '../../src/extract/html/metadata-title.js';

export function titleContextFor(doc: Document, url: string | null): TitleContext {
  const meta = readMetaTable(doc);
  const nodes = jsonLdNodes(doc);
  const article = mainArticleNode(nodes, url);
  const outlet = findOutlet(meta, nodes, article, url).value;
  return { doc, meta, article, siteNames: siteNameVariants(outlet, meta, nodes, article, url) };
}
