/**
 * The HTTP API and the web UI's static files, over one Store.
 *
 * Read-only by design: ingest stays a CLI/batch job, so the server has no write path an attacker
 * could feed. Article content is hostile: it leaves the API only as JSON strings (never as HTML),
 * raw bytes are served as an attachment with `nosniff`, and the UI is locked down by a strict
 * Content-Security-Policy (no inline script, no third-party anything).
 *
 * Every route declares a JSON schema for its parameters (Fastify validates and coerces them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { mergeCorpusEntities, selectEntities, type CorpusEntity } from '../nlp/index.js';
import { annotateCorpus } from '../pipeline.js';
import { compareStory } from '../stories/compare.js';
import { comparableArticles, comparisonView, storiesMatching, storyDerivations } from '../stories/compare-corpus.js';
import { corpusStamp, relateCorpus } from '../stories/relate-corpus.js';
import type { StoryRecord } from '../stories/store-port.js';
import { STORY_SORTS, selectStories, storyIndex, storyRef, type StoryQuery } from '../stories/story-query.js';
import { DATE_BOUND, MAX_QUERY_CHARS, SEARCH_SORTS, SearchQueryError } from '../store/search-query.js';
import type { SearchQuery, Store, StoredEvent, StoredQuote } from '../store/store.js';
import type { EventParticipant } from '../nlp/types.js';
import { reusedPassages } from '../similarity/reuse.js';

export interface ServerOptions {
  /** Folder with the UI's files (index.html, app.js, style.css). Default: the repo's `web/`. */
  webDir?: string;
  /** Fastify logger on/off (off in tests). */
  logger?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIR = path.resolve(here, '..', '..', 'web');

/** The UI's policy: only our own script and style; article text can never become code. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const WEB_FILES: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 4, maxLength: 80, pattern: '^[A-Za-z0-9-]+$' } },
} as const;
const limitProp = { type: 'integer', minimum: 1, maximum: 10000, default: 100 } as const;
const offsetProp = { type: 'integer', minimum: 0, default: 0 } as const;

class NotFound extends Error {}

/** Articles listed on an entity's page (the count of all is in `articles`). */
const ENTITY_ARTICLES_SHOWN = 200;
/** How long the merged corpus entities are reused at most (see corpusEntities). */
const ENTITY_CACHE_MS = 60_000;
/** Events listed on an entity's page. */
const ENTITY_EVENTS_SHOWN = 200;
/** Quotes listed on an entity's page. */
const ENTITY_QUOTES_SHOWN = 200;
/** Longest article text `/api/reuse` aligns. */
const MAX_REUSE_CHARS = 1_000_000;

/**
 * What an entity is quoted as saying: quotes whose speaker is one of its names, in one of its
 * articles (the store matches speakers by name; "Kim" in an article about another Kim is not this one).
 */
async function quotesOf(store: Store, entity: CorpusEntity): Promise<StoredQuote[]> {
  const names = [entity.canonical, ...entity.aliases].slice(0, 10);
  const folded = new Set(names.map(foldName));
  const inArticles = new Set(entity.articles);
  const seen = new Set<string>();
  const out: StoredQuote[] = [];
  for (const name of names) {
    for (const q of await store.quotes({ speaker: name, limit: 1000 })) {
      const key = `${q.articleId}:${q.start}`;
      if (seen.has(key) || !q.speaker || !inArticles.has(q.articleId) || !folded.has(foldName(q.speaker.canonical))) continue;
      seen.add(key);
      out.push(q);
    }
  }
  return out.slice(0, ENTITY_QUOTES_SHOWN);
}

const foldName = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** What a page that lists articles shows of each: id, title, outlet, date. */
function articleSummary(a: { id: string; title: string | null; outlet: string | null; publishedAt: string | null }) {
  return { id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt };
}

export function buildServer(store: Store, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    return payload;
  });
  app.setErrorHandler((err: Error & { validation?: unknown; statusCode?: number }, _req, reply) => {
    if (err instanceof NotFound) return reply.code(404).send({ error: err.message });
    if (err instanceof SearchQueryError) return reply.code(400).send({ error: err.message });
    if (err.validation) return reply.code(400).send({ error: err.message });
    app.log.error(err);
    return reply.code(err.statusCode && err.statusCode < 500 ? err.statusCode : 500).send({ error: err.statusCode && err.statusCode < 500 ? err.message : 'internal error' });
  });

  /** Annotation is incremental: a no-op unless articles arrived since the last request. */
  // One run at a time: concurrent requests wait for the run in progress instead of starting their own.
  let annotating: Promise<unknown> | null = null;
  /** Bumped whenever a run annotates something, so that what was derived from the layers is derived again. */
  let annotationRuns = 0;
  const annotated = () =>
    (annotating ??= annotateCorpus(store)
      .then((summary) => {
        if (summary.annotated > 0) annotationRuns++;
      })
      .finally(() => (annotating = null)));
  /**
   * The corpus's merged entities, kept while the corpus holds the same articles and nothing was
   * annotated since: merging reads every article's clusters, which at a hundred thousand articles
   * takes seconds, and the entity list and every entity page need it. Kept at most a minute, as
   * another process may re-annotate articles in place.
   */
  let entityCache: { key: string; at: number; entities: CorpusEntity[] } | null = null;
  const corpusEntities = async (): Promise<CorpusEntity[]> => {
    await annotated();
    const key = `${corpusStamp(await store.articleIds())}:${annotationRuns}`;
    if (entityCache && entityCache.key === key && Date.now() - entityCache.at < ENTITY_CACHE_MS) return entityCache.entities;
    const entities = mergeCorpusEntities(await store.entityClusters());
    entityCache = { key, at: Date.now(), entities };
    return entities;
  };
  const stories = () => relateCorpus(store);
  const findStory = (all: StoryRecord[], id: string): StoryRecord => {
    const matches = storiesMatching(all, id);
    if (matches.length !== 1) throw new NotFound(matches.length ? `story id "${id}" is ambiguous` : `no story "${id}"`);
    return matches[0];
  };
  const article = async (id: string) => {
    const a = await store.getArticle(id);
    if (!a) throw new NotFound(`no article "${id}"`);
    return a;
  };

  app.get('/api/stats', async () => store.stats());

  app.get('/api/articles', {
    schema: {
      querystring: {
        type: 'object',
        properties: { limit: limitProp, offset: offsetProp, outlet: { type: 'string', maxLength: 200 } },
      },
    },
  }, async (req) => {
    const q = req.query as { limit: number; offset: number; outlet?: string };
    return store.listArticles({ limit: q.limit, offset: q.offset, outlet: q.outlet });
  });

  app.get('/api/articles/:id', { schema: { params: idParams } }, async (req) => {
    const a = await article((req.params as { id: string }).id);
    const story = storyIndex((await stories()).stories).get(a.id);
    return { ...a, duplicates: await store.duplicates({ article: a.id }), story: story ? storyRef(story) : null };
  });

  app.get('/api/articles/:id/annotations', { schema: { params: idParams } }, async (req) => {
    const a = await article((req.params as { id: string }).id);
    await annotated();
    return store.getAnnotations(a.id);
  });

  // The bytes as crawled, for audit: always a download, never rendered by the browser.
  app.get('/api/articles/:id/raw', { schema: { params: idParams } }, async (req, reply) => {
    const a = await article((req.params as { id: string }).id);
    const raw = await store.getRaw(a.id);
    if (!raw) throw new NotFound(`no raw bytes for "${a.id}"`);
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${a.id}.raw"`)
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(Buffer.from(raw));
  });

  app.get('/api/duplicates', {
    schema: {
      querystring: {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['exact', 'near'] }, article: { type: 'string', minLength: 1, maxLength: 128 }, limit: limitProp, offset: offsetProp },
      },
    },
  }, async (req) => {
    const q = req.query as { kind?: 'exact' | 'near'; article?: string; limit: number; offset: number };
    // an id prefix, as everywhere else, resolves to the article (404 when none)
    const articleId = q.article ? (await article(q.article)).id : undefined;
    return store.duplicates({ kind: q.kind, article: articleId, limit: q.limit, offset: q.offset });
  });

  app.get('/api/errors', { schema: { querystring: { type: 'object', properties: { limit: limitProp } } } }, async (req) =>
    store.errors((req.query as { limit: number }).limit),
  );

  const dateBound = { type: 'string', pattern: DATE_BOUND.source } as const;
  app.get('/api/search', {
    schema: {
      querystring: {
        type: 'object',
        required: ['q'],
        properties: {
          q: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS },
          outlet: { type: 'string', maxLength: 200 },
          language: { type: 'string', maxLength: 20 },
          since: dateBound,
          until: dateBound,
          sort: { type: 'string', enum: [...SEARCH_SORTS] },
          limit: { ...limitProp, maximum: 1000, default: 20 },
          offset: offsetProp,
        },
      },
    },
  }, async (req, reply) => {
    // the hits of one page; the number of matching articles in a header, as /api/stories does
    const { total, hits } = await store.search(req.query as SearchQuery);
    reply.header('X-Total-Count', String(total));
    return hits;
  });

  app.get('/api/stories', {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          sort: { type: 'string', enum: [...STORY_SORTS] },
          minSize: { type: 'integer', minimum: 1 },
          outlet: { type: 'string', maxLength: 200 },
          limit: { type: 'integer', minimum: 1, maximum: 100000 },
          offset: offsetProp,
        },
      },
    },
  }, async (req, reply) => {
    // every story unless asked otherwise (an array, as always); the count before limit and offset in a header
    const { total, stories: page } = selectStories((await stories()).stories, req.query as StoryQuery);
    reply.header('X-Total-Count', String(total));
    return page;
  });

  app.get('/api/stories/:id', { schema: { params: idParams } }, async (req) => {
    const related = await stories();
    const story = findStory(related.stories, (req.params as { id: string }).id);
    return { ...story, derivations: storyDerivations(story, related.derivations) };
  });

  app.get('/api/stories/:id/compare', { schema: { params: idParams } }, async (req) => {
    await annotated();
    const story = findStory((await stories()).stories, (req.params as { id: string }).id);
    return comparisonView(story, compareStory(await comparableArticles(store, story)));
  });

  app.get('/api/entities', {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['PERSON', 'ORG', 'PLACE'] },
          name: { type: 'string', maxLength: 200 },
          story: { type: 'string', minLength: 1, maxLength: 200 },
          limit: limitProp,
        },
      },
    },
  }, async (req) => {
    const q = req.query as { type?: string; name?: string; story?: string; limit: number };
    // a story's entities: those its articles mention, the most widespread among them first
    const within = q.story ? new Set(findStory((await stories()).stories, q.story).articles.map((a) => a.id)) : undefined;
    return selectEntities(await corpusEntities(), { type: q.type, name: q.name, limit: q.limit, ...(within ? { within } : {}) });
  });

  // One entity: its names and roles, the articles that mention it, its events, what it is quoted as saying.
  app.get('/api/entities/:id', {
    schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 3, maxLength: 300 } } } },
  }, async (req) => {
    const id = (req.params as { id: string }).id;
    const entity = (await corpusEntities()).find((e) => e.id === id);
    if (!entity) throw new NotFound(`no entity "${id}"`);
    const articles = [];
    const events: StoredEvent[] = [];
    const names = new Set([entity.canonical, ...entity.aliases].map(foldName));
    const isIt = (p: EventParticipant) => names.has(foldName(p.canonical)) || names.has(foldName(p.text));
    for (const articleId of entity.articles.slice(0, ENTITY_ARTICLES_SHOWN)) {
      const a = await store.getArticle(articleId);
      if (a) articles.push(articleSummary(a));
      // what it did and what was done to it: events with it among the actors or the targets
      for (const e of (await store.getAnnotations(articleId))?.events ?? []) {
        if (events.length < ENTITY_EVENTS_SHOWN && (e.actor.some(isIt) || e.target.some(isIt))) events.push({ ...e, articleId });
      }
    }
    return { ...entity, articleSummaries: articles, quotes: await quotesOf(store, entity), events };
  });

  // Passages two articles share, side by side with their word difference (as `parallax reuse --json`).
  app.get('/api/reuse', {
    schema: {
      querystring: {
        type: 'object',
        required: ['a', 'b'],
        properties: { a: idParams.properties.id, b: idParams.properties.id },
      },
    },
  }, async (req, reply) => {
    const q = req.query as { a: string; b: string };
    const a = await article(q.a);
    const b = await article(q.b);
    // aligning is linear, but a giant page would hold the server for seconds: the CLI has no such bound
    if (a.text.length > MAX_REUSE_CHARS || b.text.length > MAX_REUSE_CHARS) {
      return reply.code(413).send({ error: `an article is longer than ${MAX_REUSE_CHARS} characters; use \`parallax reuse ${a.id} ${b.id}\`` });
    }
    return { a: articleSummary(a), b: articleSummary(b), passages: reusedPassages(a, b) };
  });

  app.get('/api/quotes', {
    schema: { querystring: { type: 'object', properties: { speaker: { type: 'string', maxLength: 200 }, limit: limitProp } } },
  }, async (req) => {
    const q = req.query as { speaker?: string; limit: number };
    await annotated();
    return store.quotes({ speaker: q.speaker, limit: q.limit });
  });

  app.get('/api/events', {
    schema: { querystring: { type: 'object', properties: { type: { type: 'string', pattern: '^[A-Z]+$', maxLength: 20 }, limit: limitProp } } },
  }, async (req) => {
    const q = req.query as { type?: string; limit: number };
    await annotated();
    return store.events({ category: q.type, limit: q.limit });
  });

  // The UI: three static files, read once, served with the strict policy.
  const cache = new Map<string, Buffer>();
  const sendWeb = (file: string, reply: FastifyReply) => {
    let body = cache.get(file);
    if (!body) cache.set(file, (body = readFileSync(path.join(webDir, file))));
    return reply
      .header('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream')
      .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .header('Cache-Control', 'no-cache')
      .send(body);
  };
  for (const [route, file] of Object.entries(WEB_FILES)) app.get(route, async (_req, reply) => sendWeb(file, reply));

  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no route ${req.method} ${req.url.slice(0, 200)}` }));
  return app;
}
