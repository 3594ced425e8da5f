/**
 * HTML → paragraphs + metadata + removals. Parses once; metadata is read first because it needs the page
 * as served (main-content extraction only reads the DOM today, but that order keeps both free to change).
 */
import type { Removal } from '../../model.js';
import { extractMainContent } from './content.js';
import { parseHtml } from './dom.js';
import { extractMetadata, type HtmlMetadata } from './metadata.js';
import { bylineParagraph } from './metadata-author.js';

export type { HtmlMetadata } from './metadata.js';
export type { MainContent } from './content.js';

export interface HtmlExtraction {
  /** Clean text blocks in reading order. */
  paragraphs: string[];
  /** The paragraphs joined by blank lines. */
  text: string;
  removals: Removal[];
  metadata: HtmlMetadata;
}

export function extractHtml(html: string, opts: { url?: string } = {}): HtmlExtraction {
  const doc = parseHtml(html);
  const metadata = extractMetadata(doc, html, opts.url);
  // the page's own canonical URL stands in for an unknown one: it tells a forum topic from an article
  const { paragraphs, removals } = extractMainContent(doc, { url: opts.url ?? metadata.url ?? undefined });
  if (!metadata.byline) {
    // the markup named nobody; the article's own "By Jane Doe" paragraph may
    const byline = bylineParagraph(paragraphs, metadata.outlet ? [metadata.outlet] : []);
    if (byline) {
      metadata.byline = byline;
      metadata.metaSources.byline = 'text';
    }
  }
  return { paragraphs, text: paragraphs.join('\n\n'), removals, metadata };
}
