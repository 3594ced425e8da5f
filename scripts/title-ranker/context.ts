/**
 * The TitleContext that `extractMetadata` hands to `extractTitle`, rebuilt for the ranker experiment.
 * metadata.ts keeps its outlet and site-name helpers private (and this experiment may not touch it),
 * so the two small functions are mirrored here; `test` in train.ts checks that the rule pick computed
 * through extractMetadata and through this context agree, so a drift would show.
 */
import { clean, decodeEntities, firstMeta, hostOf, readMetaTable, type MetaTable } from '../../src/extract/html/metadata-dom.js';
import { mainArticleNode } from '../../src/extract/html/metadata-date.js';
import { jsonLdNodes, nodeTypes, textValue, type JsonLdNode } from '../../src/extract/html/metadata-jsonld.js';
import type { TitleContext } from '../../src/extract/html/metadata-title.js';

export function titleContextFor(doc: Document, url: string | null): TitleContext {
  const meta = readMetaTable(doc);
  const nodes = jsonLdNodes(doc);
  const article = mainArticleNode(nodes, url);
  const outlet = findOutlet(meta, nodes, article, url);
  return { doc, meta, article, siteNames: siteNameVariants(outlet, meta, nodes, article, url) };
}

// Mirrors findOutlet in src/extract/html/metadata.ts (value only).
function findOutlet(meta: MetaTable, nodes: JsonLdNode[], article: JsonLdNode | null, url: string | null): string | null {
  const og = firstMeta(meta, ['og:site_name']);
  if (og && clean(og.value)) return clean(decodeEntities(og.value));
  const publisher = article ? textValue((article.publisher as JsonLdNode | undefined)?.name ?? article.publisher) : null;
  if (publisher && !/^https?:/.test(publisher)) return clean(publisher);
  const site = nodes.find((n) => nodeTypes(n).includes('website') && textValue(n.name));
  if (site) return clean(textValue(site.name) ?? '');
  const app = firstMeta(meta, ['application-name', 'apple-mobile-web-app-title']);
  if (app && clean(app.value)) return clean(decodeEntities(app.value));
  return hostOf(url);
}

// Mirrors siteNameVariants in src/extract/html/metadata.ts.
function siteNameVariants(outlet: string | null, meta: MetaTable, nodes: JsonLdNode[], article: JsonLdNode | null, url: string | null): string[] {
  const names = new Set<string>();
  if (outlet) names.add(outlet);
  for (const key of ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site']) {
    for (const v of meta.get(key) ?? []) names.add(v.replace(/^@/, ''));
  }
  for (const n of nodes) {
    if (nodeTypes(n).includes('website')) {
      const name = textValue(n.name);
      if (name) names.add(name);
    }
  }
  const publisher = article ? textValue((article.publisher as JsonLdNode | undefined)?.name ?? article.publisher) : null;
  if (publisher && !/^https?:/.test(publisher)) names.add(publisher);
  const host = hostOf(url);
  if (host) {
    names.add(host);
    const labels = host.split('.');
    const core = labels.length >= 3 && labels[labels.length - 2].length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2];
    if (core) names.add(core);
  }
  return [...names].filter((n) => n.trim().length >= 2);
}
