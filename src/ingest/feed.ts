import { createDocumentStream, DomHandler, DomUtils, Parser } from 'htmlparser2';
import type { IngestItem, PayloadType, RawOrigin, RecordHints } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';
import { countSkip, type ReaderContext } from './options.js';
import { recordId } from './record-id.js';
import { isBlank, looksLikeFeed } from './sniff.js';
import { withHead, type ByteSource } from './source.js';
import { streamDecoder, xmlCharset } from './xml-charset.js';

/**
 * Feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom, one record per item. Parsed as a stream with
 * htmlparser2 in XML mode: each <item>/<entry> is turned into a record as soon as it closes and is
 * then dropped from the tree, so a feed of any length holds one item in memory at a time.
 */

type DomElement = Parameters<NonNullable<Parameters<typeof createDocumentStream>[2]>>[0];
type DomNode = DomElement['children'][number];

const ITEM_TAGS = new Set(['item', 'entry']);
const FEED_TAGS = new Set(['channel', 'feed']);
const ROOT_TAGS = new Set(['rss', 'feed', 'rdf:RDF', 'RDF']);
const HEAD_BYTES = 4096;
/**
 * Deepest element nesting we parse. Real feeds (XHTML bodies included) stay under a few dozen;
 * htmlparser2 slows down quadratically with depth, so a hostile feed of nested tags is stopped here.
 */
const MAX_DEPTH = 1000;

/** A DOM builder that pauses the parser once nesting passes MAX_DEPTH. */
class DepthLimitedHandler extends DomHandler {
  depth = 0;
  tooDeep = false;
  private pausable: { pause(): void } | null = null;

  override onparserinit(parser: Parameters<DomHandler['onparserinit']>[0]): void {
    super.onparserinit(parser);
    this.pausable = parser as unknown as { pause(): void };
  }

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.depth > MAX_DEPTH && !this.tooDeep) {
      this.tooDeep = true;
      this.pausable?.pause();
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/**
 * Text of an element and its descendants (CDATA included), without recursion: a hostile item may
 * nest tens of thousands of elements, which overflows the stack of a recursive walk.
 */
function textOf(el: DomElement): string {
  const parts: string[] = [];
  const stack: DomNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push((node as DomNode & { data: string }).data);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join('');
}

/** Direct children of `el` named one of `names` (XML names keep their prefix, e.g. "dc:creator"). */
function children(el: DomElement, names: readonly string[]): DomElement[] {
  const out: DomElement[] = [];
  for (const c of el.children) {
    if (c.type === 'tag' && names.includes((c as DomElement).name)) out.push(c as DomElement);
  }
  return out;
}

function childText(el: DomElement, names: readonly string[]): string | undefined {
  for (const name of names) {
    const c = children(el, [name])[0];
    if (c) {
      const t = textOf(c).trim();
      if (t) return t;
    }
  }
  return undefined;
}

/** RFC 822 zone names (RFC 2822 §4.3) → minutes east of UTC. */
const RFC822_ZONES: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/**
 * A feed date as ISO 8601 that keeps the publisher's UTC offset ("Tue, 07 May 2024 23:30:00 -0500"
 * → "2024-05-07T23:30:00-05:00"): the local day matters when resolving "yesterday" in the text.
 * Atom dates are RFC 3339 already and pass as they are; unparseable values pass unchanged.
 */
export function feedDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return v;
  let offset: number | undefined;
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(v);
  if (numeric) offset = (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  else {
    const zone = v.slice(v.lastIndexOf(' ') + 1).toUpperCase();
    offset = Object.hasOwn(RFC822_ZONES, zone) ? RFC822_ZONES[zone] : undefined;
  }
  if (offset === undefined) return new Date(ms).toISOString();
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** RSS <author> is "email (Name)" by the spec; keep the name when there is one. */
function rssAuthor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const open = value.indexOf('(');
  const close = value.lastIndexOf(')');
  if (open >= 0 && close > open) return value.slice(open + 1, close).trim() || value;
  return value;
}

/** The item link: RSS <link> text, or Atom <link href> with rel="alternate" (or no rel). */
function itemLink(item: DomElement): string | undefined {
  for (const l of children(item, ['link'])) {
    const href = l.attribs['href'];
    if (href) {
      const rel = l.attribs['rel'];
      if (!rel || rel === 'alternate') return href.trim();
    } else {
      const t = textOf(l).trim();
      if (t) return t;
    }
  }
  return undefined;
}

/** Item body: full content first (content:encoded, Atom <content>), else the description/summary. */
function itemBody(item: DomElement): { body: string; type: PayloadType } | null {
  const encoded = childText(item, ['content:encoded']);
  if (encoded) return { body: encoded, type: 'html' };
  const content = children(item, ['content']).find((c) => !c.attribs['src']);
  if (content) {
    const kind = (content.attribs['type'] ?? 'text').toLowerCase();
    if (kind === 'xhtml') {
      const body = DomUtils.getInnerHTML(content, { xmlMode: true }).trim();
      if (body) return { body, type: 'html' };
    } else {
      const body = textOf(content).trim();
      if (body) return { body, type: kind === 'text' ? 'text' : 'html' };
    }
  }
  const summary = children(item, ['summary'])[0];
  if (summary) {
    const body = textOf(summary).trim();
    if (body) return { body, type: (summary.attribs['type'] ?? 'text') === 'text' ? 'text' : 'html' };
  }
  const description = childText(item, ['description', 'dc:description']);
  if (description) return { body: description, type: 'html' };
  return null;
}

function itemByline(item: DomElement): string | undefined {
  const atomNames = children(item, ['author'])
    .map((a) => childText(a, ['name']))
    .filter((n): n is string => Boolean(n));
  if (atomNames.length > 0) return atomNames.join(', ');
  return childText(item, ['dc:creator']) ?? rssAuthor(childText(item, ['author']));
}

/** xml:lang on the item or an ancestor (Atom), else the channel's <language> (RSS). */
function itemLanguage(item: DomElement, channelLanguage: string | undefined): string | undefined {
  for (let el: DomElement | null = item; el; el = el.parent as DomElement | null) {
    const lang = el.attribs?.['xml:lang'];
    if (lang) return lang;
  }
  return channelLanguage;
}

export function readFeed(src: ByteSource, ctx: ReaderContext): AsyncGenerator<IngestItem> {
  return withHead(src, 'feed', HEAD_BYTES, (head, rest) => readFeedAfterHead(src, head, rest, ctx));
}

async function* readFeedAfterHead(
  src: ByteSource,
  head: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
  ctx: ReaderContext,
): AsyncGenerator<IngestItem> {
  const fileOrigin: RawOrigin = { path: src.path, reader: 'feed' };
  if (isBlank(head)) {
    yield ingestError(fileOrigin, 'empty', 'feed file is empty');
    return;
  }
  if (!looksLikeFeed(head)) {
    yield ingestError(fileOrigin, 'not-a-feed', 'no <rss>, <feed> or <rdf:RDF> root in the first 4 KB');
    return;
  }

  const ready: IngestItem[] = [];
  let feedTitle: string | undefined;
  let channelLanguage: string | undefined;
  let sawRoot = false;
  let bytesSinceItem = 0;
  // Set once the input has ended: elements htmlparser2 closes after that were cut off, not closed.
  let ending = false;
  let cutItems = 0;
  let rootCut = false;

  const onElement = (el: DomElement): void => {
    const parentName = (el.parent as DomElement | null)?.name;
    if (ROOT_TAGS.has(el.name) && !el.parent?.parent) {
      if (ending) rootCut = true;
      else sawRoot = true;
    }
    if (el.name === 'title' && parentName && FEED_TAGS.has(parentName) && feedTitle === undefined) {
      feedTitle = textOf(el).trim() || undefined;
    } else if ((el.name === 'language' || el.name === 'dc:language') && parentName === 'channel') {
      channelLanguage = textOf(el).trim() || undefined;
    } else if (ITEM_TAGS.has(el.name)) {
      if (ending) cutItems++;
      else ready.push(...itemToRecordSafely(el));
      DomUtils.removeElement(el); // done with it: keep memory flat on long feeds
      bytesSinceItem = 0;
    }
  };

  const itemToRecord = (item: DomElement): IngestItem[] => {
    const link = itemLink(item);
    const feedItemId = childText(item, ['guid', 'id']) ?? link ?? item.attribs['rdf:about'];
    const origin: RawOrigin = { path: src.path, reader: 'feed', url: link, feedItemId };
    const content = itemBody(item);
    if (!content) {
      countSkip(ctx.stats, 'feed-item-no-content');
      return [];
    }
    const bytes = new TextEncoder().encode(content.body);
    if (bytes.length > ctx.maxBytes) {
      return [ingestError(origin, 'too-large', `item of ${bytes.length} bytes is over the ${ctx.maxBytes}-byte limit`)];
    }
    const hints: RecordHints = {
      title: childText(item, ['title']),
      publishedAt: feedDate(childText(item, ['pubDate', 'dc:date', 'published', 'updated'])),
      outlet: feedTitle,
      byline: itemByline(item),
      url: link,
      charset: 'utf-8',
      language: itemLanguage(item, channelLanguage),
    };
    for (const key of Object.keys(hints) as (keyof RecordHints)[]) if (hints[key] === undefined) delete hints[key];
    return [{ kind: 'record', record: { id: recordId(content.type, bytes), type: content.type, bytes, origin, hints } }];
  };

  const itemToRecordSafely = (item: DomElement): IngestItem[] => {
    try {
      return itemToRecord(item);
    } catch (err) {
      const origin: RawOrigin = { path: src.path, reader: 'feed', url: itemLink(item) };
      return [ingestError(origin, 'bad-feed', `cannot read item: ${errorMessage(err)}`)];
    }
  };

  const handler = new DepthLimitedHandler(() => undefined, null, onElement);
  const parser = new Parser(handler, { xmlMode: true });
  const tooDeep = (): IngestItem => ingestError(fileOrigin, 'bad-feed', `elements nested deeper than ${MAX_DEPTH}`);
  const decoder = streamDecoder(xmlCharset(head));
  try {
    for await (const chunk of rest) {
      bytesSinceItem += chunk.length;
      if (bytesSinceItem > ctx.maxBytes) {
        yield ingestError(fileOrigin, 'too-large', `more than ${ctx.maxBytes} bytes without a complete item`);
        return;
      }
      parser.write(decoder.write(chunk));
      yield* ready.splice(0);
      if (handler.tooDeep) {
        yield tooDeep();
        return;
      }
    }
    parser.write(decoder.end());
    if (handler.tooDeep) {
      yield* ready.splice(0);
      yield tooDeep();
      return;
    }
    ending = true;
    parser.end();
  } catch (err) {
    yield* ready.splice(0);
    yield ingestError(fileOrigin, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  yield* ready.splice(0);
  if (cutItems > 0 || rootCut) {
    yield ingestError(fileOrigin, 'truncated', `feed ends before its closing tag${cutItems ? ', inside an item' : ''}`);
  } else if (!sawRoot) {
    yield ingestError(fileOrigin, 'not-a-feed', 'no <rss>, <feed> or <rdf:RDF> root element');
  }
}
