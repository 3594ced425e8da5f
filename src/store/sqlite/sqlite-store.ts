/**
 * SqliteStore: the embedded default Store. One file, WAL journal, every value bound as a parameter
 * (article content is hostile and never reaches SQL text).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DuplicateRelation, RawOrigin, RecordError } from '../../model.js';
import type { Annotations, EntityCluster, EventAnn } from '../../nlp/types.js';
import type { DerivationRecord, StoryRecord } from '../../stories/store-port.js';
import type {
  AnnotationTodo,
  ArticleWrite,
  CorpusStats,
  DuplicateQuery,
  KeptOutEntry,
  ListQuery,
  Store,
  StoredArticle,
  StoredArticleSummary,
  StoredError,
  StoredEvent,
  StoredQuote,
  StoredRecord,
  StoredRecordQuery,
  SearchQuery,
  SearchResult,
} from '../store.js';
import { MATCH_END, MATCH_START, SearchQueryError, parseSearch, toFts5 } from '../search-query.js';
import { MIGRATIONS } from './migrations.js';
import { ANNOTATION_TABLES, HOLDS_LINK_SQL, KEPT_OUT_SELECT, STAND_INS_SQL, articleFromRow, duplicateFromRow, duplicatesSql, originLocator, originPrefixParams, searchFilterSql, searchHitFromRow, searchOrderSql, splitByOrigins, storedRecordFromRow, summaryFromRow, type Row } from '../rows.js';

function signatureToBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

/** An article write as the named parameters of the insert and update statements. */
function articleColumns({ article, textHash, signature, extractVersion }: ArticleWrite) {
  return {
    id: article.id,
    title: article.title,
    publishedAt: article.publishedAt,
    outlet: article.outlet,
    byline: article.byline,
    language: article.language,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    text: article.text,
    textHash,
    dateline: article.dateline ? JSON.stringify(article.dateline) : null,
    metaSources: JSON.stringify(article.metaSources),
    removals: JSON.stringify(article.removals),
    repairs: JSON.stringify(article.repairs),
    quality: JSON.stringify(article.quality),
    spamScore: article.quality.spamScore,
    garbleScore: article.quality.garbleScore,
    signature: signatureToBlob(signature),
    extractVersion,
  };
}

function blobToSignature(blob: Buffer): Uint32Array {
  // Copy: the Buffer may share a pool and be misaligned for a Uint32Array view.
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Uint32Array(copy.buffer);
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a crash (even kill -9) never corrupts; at most the last commits may roll back.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.stmts = this.prepare();
  }

  /** The schema version this database is at. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    for (const step of MIGRATIONS) {
      if (step.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(step.sql);
        this.db.pragma(`user_version = ${step.version}`);
      })();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      hasRaw: db.prepare('SELECT 1 FROM raw WHERE id = ?').pluck(),
      hasOriginUrl: db.prepare(`SELECT 1 FROM origins WHERE url = ? AND ${HOLDS_LINK_SQL} LIMIT 1`).pluck(),
      insertRaw: db.prepare(
        'INSERT OR IGNORE INTO raw (id, type, bytes, hints, ingested_at) VALUES (?, ?, ?, ?, ?)',
      ),
      insertOrigin: db.prepare(
        'INSERT OR IGNORE INTO origins (raw_id, path, url, reader, locator, json, link_failed, link_refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // asked per record and per followed page while something is kept out / a page replaces stand-ins
      isKeptOut: db.prepare('SELECT 1 FROM kept_out WHERE key IN (SELECT value FROM json_each(?)) LIMIT 1'),
      standInsFor: db.prepare(STAND_INS_SQL('@url')).pluck(),
      // a feed item seen again after another try at its link: the newer outcome is the one that counts
      updateOriginLink: db.prepare(
        'UPDATE origins SET link_failed = ?, link_refused = ?, json = ? WHERE raw_id = ? AND path = ? AND locator = ?',
      ),
      nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM articles').pluck(),
      insertArticle: db.prepare(`INSERT OR IGNORE INTO articles (id, seq, title, published_at, outlet, byline, language, url,
          canonical_url, text, text_hash, dateline, meta_sources, removals, repairs, quality, spam_score, garble_score,
          signature, extract_version)
        VALUES (@id, @seq, @title, @publishedAt, @outlet, @byline, @language, @url, @canonicalUrl, @text, @textHash,
          @dateline, @metaSources, @removals, @repairs, @quality, @spamScore, @garbleScore, @signature, @extractVersion)`),
      updateArticle: db.prepare(`UPDATE articles SET title = @title, published_at = @publishedAt, outlet = @outlet,
          byline = @byline, language = @language, url = @url, canonical_url = @canonicalUrl, text = @text,
          text_hash = @textHash, dateline = @dateline, meta_sources = @metaSources, removals = @removals,
          repairs = @repairs, quality = @quality, spam_score = @spamScore, garble_score = @garbleScore,
          signature = @signature, extract_version = @extractVersion
        WHERE id = @id`),
      articleTextAndTime: db.prepare('SELECT text, published_at FROM articles WHERE id = ?'),
      insertKey: db.prepare('INSERT INTO lsh_keys (key, article_id) VALUES (?, ?)'),
      byTextHash: db.prepare('SELECT id FROM articles WHERE text_hash = ? ORDER BY seq').pluck(),
      insertDuplicate: db.prepare(
        'INSERT OR IGNORE INTO duplicates (a, b, kind, similarity) VALUES (?, ?, ?, ?)',
      ),
      upsertError: db.prepare(`INSERT INTO errors (path, url, locator, stage, code, message, origin, at)
        VALUES (@path, @url, @locator, @stage, @code, @message, @origin, @at)
        ON CONFLICT (path, locator, stage, code) DO UPDATE SET
          attempts = attempts + 1, at = excluded.at, message = excluded.message`),
      articleById: db.prepare('SELECT a.*, r.ingested_at, r.type AS raw_type FROM articles a JOIN raw r ON r.id = a.id WHERE a.id = ?'),
      articleByPrefix: db.prepare(
        'SELECT a.*, r.ingested_at, r.type AS raw_type FROM articles a JOIN raw r ON r.id = a.id WHERE a.id >= ? AND a.id < ? LIMIT 2',
      ),
      originsOf: db.prepare('SELECT json FROM origins WHERE raw_id = ? ORDER BY seq').pluck(),
      rawBytes: db.prepare('SELECT bytes FROM raw WHERE id = ?').pluck(),
      ids: db.prepare('SELECT id FROM articles ORDER BY seq').pluck(),
    };
  }

  hasRaw(id: string): boolean {
    return this.stmts.hasRaw.get(id) !== undefined;
  }

  hasOriginUrl(url: string): boolean {
    return this.stmts.hasOriginUrl.get(url) !== undefined;
  }

  addOrigin(id: string, origin: RawOrigin): boolean {
    const json = JSON.stringify(origin);
    const locator = originLocator(origin);
    const linkFailed = origin.linkFailed ?? null;
    const linkRefused = origin.linkRefused ?? null;
    const info = this.stmts.insertOrigin.run(id, origin.path, origin.url ?? null, origin.reader, locator, json, linkFailed, linkRefused);
    if (info.changes > 0) return true;
    if (linkFailed !== null || linkRefused !== null) this.stmts.updateOriginLink.run(linkFailed, linkRefused, json, id, origin.path, locator);
    return false;
  }

  putArticle(write: ArticleWrite): void {
    const { raw, article, bandKeys } = write;
    const now = new Date().toISOString();
    this.stmts.insertRaw.run(raw.id, raw.type, Buffer.from(raw.bytes), JSON.stringify(raw.hints), now);
    this.addOrigin(raw.id, raw.origin);
    // An id already stored is a no-op (ids are content hashes: same bytes, same article); the
    // new origin above is still recorded.
    const inserted = this.stmts.insertArticle.run({ ...articleColumns(write), seq: this.stmts.nextSeq.get() });
    if (inserted.changes === 0) return;
    for (const key of new Set(bandKeys)) this.stmts.insertKey.run(key, article.id);
  }

  storedRecords(query: StoredRecordQuery): StoredRecord[] {
    const params: unknown[] = [query.afterSeq ?? 0];
    let where = 'a.seq > ?';
    if (query.olderThan !== undefined) {
      where += ' AND a.extract_version < ?';
      params.push(query.olderThan);
    }
    if (query.ids) {
      if (query.ids.length === 0) return [];
      where += ` AND a.id IN (SELECT value FROM json_each(?))`;
      params.push(JSON.stringify(query.ids));
    }
    const rows = this.db
      .prepare(
        `SELECT a.id, a.seq, a.extract_version, r.type, r.bytes, r.hints,
           (SELECT o.json FROM origins o WHERE o.raw_id = a.id ORDER BY o.seq LIMIT 1) AS origin
         FROM articles a JOIN raw r ON r.id = a.id WHERE ${where} ORDER BY a.seq LIMIT ?`,
      )
      .all(...params, query.limit) as Row[];
    return rows.map(storedRecordFromRow);
  }

  replaceArticle(write: ArticleWrite): { textChanged: boolean } {
    const id = write.article.id;
    const before = this.stmts.articleTextAndTime.get(id) as { text: string; published_at: string | null } | undefined;
    if (!before) throw new Error(`no stored article ${id} to replace`);
    const db = this.db;
    return db.transaction(() => {
      this.stmts.updateArticle.run(articleColumns(write));
      const textChanged = before.text !== write.article.text;
      if (textChanged) {
        db.prepare('DELETE FROM lsh_keys WHERE article_id = ?').run(id);
        for (const key of new Set(write.bandKeys)) this.stmts.insertKey.run(key, id);
        db.prepare('DELETE FROM duplicates WHERE a = ? OR b = ?').run(id, id);
      }
      if (textChanged || before.published_at !== write.article.publishedAt) {
        for (const table of ANNOTATION_TABLES) db.prepare(`DELETE FROM ${table} WHERE article_id = ?`).run(id);
      }
      db.prepare('DELETE FROM relate_cache').run();
      return { textChanged };
    })();
  }

  articlesFrom(prefix: string): { only: string[]; alsoElsewhere: string[] } {
    if (prefix === '') return { only: [], alsoElsewhere: [] };
    const rows = this.db
      .prepare(
        `SELECT a.id, SUM(CASE WHEN o.path = @path OR substr(o.path, 1, length(@folder)) = @folder
                                 OR substr(COALESCE(o.url, ''), 1, length(@url)) = @url THEN 1 ELSE 0 END) AS inside,
           COUNT(*) AS total
         FROM articles a JOIN origins o ON o.raw_id = a.id GROUP BY a.id, a.seq HAVING inside > 0 ORDER BY a.seq`,
      )
      .all(originPrefixParams(prefix)) as Row[];
    return splitByOrigins(rows);
  }

  deleteArticles(ids: string[], options: { keepOut?: boolean } = {}): number {
    const db = this.db;
    // one statement per table over the whole list (a JSON array bound as one value), as PostgresStore does
    const IN_LIST = '(SELECT value FROM json_each(?))';
    return db.transaction(() => {
      const found = db.prepare(`SELECT id FROM articles WHERE id IN ${IN_LIST}`).pluck().all(JSON.stringify(ids)) as string[];
      if (found.length === 0) return 0;
      const list = JSON.stringify(found);
      if (options.keepOut) db.prepare(`INSERT OR IGNORE INTO kept_out (key, kind, title, at) ${KEPT_OUT_SELECT(IN_LIST)}`).run(new Date().toISOString(), list, list, list, list);
      for (const table of [...ANNOTATION_TABLES, 'lsh_keys']) db.prepare(`DELETE FROM ${table} WHERE article_id IN ${IN_LIST}`).run(list);
      db.prepare(`DELETE FROM duplicates WHERE a IN ${IN_LIST} OR b IN ${IN_LIST}`).run(list, list);
      db.prepare(`DELETE FROM articles WHERE id IN ${IN_LIST}`).run(list);
      db.prepare(`DELETE FROM origins WHERE raw_id IN ${IN_LIST}`).run(list);
      db.prepare(`DELETE FROM raw WHERE id IN ${IN_LIST}`).run(list);
      db.prepare('DELETE FROM relate_cache').run();
      return found.length;
    })();
  }

  standInsFor(url: string): string[] {
    return this.stmts.standInsFor.all({ url }) as string[];
  }

  isKeptOut(rawId: string | null, urls: readonly string[]): boolean {
    const keys = rawId ? [rawId, ...urls] : [...urls];
    if (keys.length === 0) return false;
    return this.stmts.isKeptOut.get(JSON.stringify(keys)) !== undefined;
  }

  keptOut(): KeptOutEntry[] {
    return this.db.prepare('SELECT key, kind, title, at FROM kept_out ORDER BY at DESC, key').all() as KeptOutEntry[];
  }

  letIn(keys: string[]): number {
    return this.db.prepare('DELETE FROM kept_out WHERE key IN (SELECT value FROM json_each(?))').run(JSON.stringify(keys)).changes;
  }

  markExtracted(ids: string[], version: number): void {
    if (ids.length === 0) return;
    this.db.prepare('UPDATE articles SET extract_version = ? WHERE id IN (SELECT value FROM json_each(?))').run(version, JSON.stringify(ids));
  }

  articlesWithTextHash(textHash: string): string[] {
    return this.stmts.byTextHash.all(textHash) as string[];
  }

  nearCandidates(bandKeys: number[]): Array<{ id: string; signature: Uint32Array }> {
    if (bandKeys.length === 0) return [];
    const unique = [...new Set(bandKeys)];
    // One statement per key count is cached by better-sqlite3's prepare; key counts are fixed per config.
    const placeholders = unique.map(() => '?').join(',');
    const rows = this.db
      .prepare(
        `SELECT a.id, a.signature FROM articles a
         WHERE a.id IN (SELECT DISTINCT article_id FROM lsh_keys WHERE key IN (${placeholders}))
         ORDER BY a.seq`,
      )
      .all(...unique) as Array<{ id: string; signature: Buffer }>;
    return rows.map((r) => ({ id: r.id, signature: blobToSignature(r.signature) }));
  }

  putDuplicates(relations: DuplicateRelation[]): void {
    for (const r of relations) this.stmts.insertDuplicate.run(r.a, r.b, r.kind, r.similarity);
  }

  putError(error: RecordError): void {
    this.stmts.upsertError.run({
      path: error.origin.path,
      url: error.origin.url ?? null,
      locator: originLocator(error.origin),
      stage: error.stage,
      code: error.code,
      message: error.message,
      origin: JSON.stringify(error.origin),
      at: new Date().toISOString(),
    });
  }

  /**
   * BEGIN … COMMIT around an async `fn`. The connection is this store's alone and `fn` awaits only
   * this store's (synchronous) methods, so no other statement can slip into the transaction; a
   * nested call joins the outer transaction, as better-sqlite3's own nesting does.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn();
    this.db.exec('BEGIN');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  getArticle(idOrPrefix: string): StoredArticle | null {
    let row = this.stmts.articleById.get(idOrPrefix) as Row | undefined;
    if (!row && /^[0-9a-f]{4,31}$/.test(idOrPrefix)) {
      // A unique id prefix is enough, as with git hashes.
      const rows = this.stmts.articleByPrefix.all(idOrPrefix, idOrPrefix + 'g') as Row[];
      if (rows.length === 1) row = rows[0];
    }
    if (!row) return null;
    const id = row.id as string;
    return articleFromRow(row, (this.stmts.originsOf.all(id) as string[]).map((j) => JSON.parse(j) as RawOrigin));
  }

  getRaw(id: string): Uint8Array | null {
    const bytes = this.stmts.rawBytes.get(id) as Buffer | undefined;
    return bytes ? new Uint8Array(bytes) : null;
  }

  listArticles(query: ListQuery = {}): StoredArticleSummary[] {
    const where = query.outlet !== undefined ? 'WHERE a.outlet = @outlet' : '';
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.outlet, a.published_at, a.language, a.url, length(a.text) AS chars,
           a.spam_score, a.garble_score, json_array_length(a.removals) AS removals, r.ingested_at,
           (SELECT COALESCE(o.url, o.path) FROM origins o WHERE o.raw_id = a.id ORDER BY o.seq LIMIT 1) AS origin
         FROM articles a JOIN raw r ON r.id = a.id ${where}
         ORDER BY a.seq LIMIT @limit OFFSET @offset`,
      )
      .all({ outlet: query.outlet, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as Row[];
    return rows.map(summaryFromRow);
  }

  search(query: SearchQuery): SearchResult {
    const params: unknown[] = [toFts5(parseSearch(query.q))];
    const next = (v: unknown) => {
      params.push(v);
      return '?';
    };
    const where = ['articles_fts MATCH ?', ...searchFilterSql(query, next)].join(' AND ');
    const from = `FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE ${where}`;
    // bm25 is lower for better matches; words in the title weigh four times those in the text
    try {
      const total = this.db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
      const rows = this.db
        .prepare(
          `SELECT a.id, a.title, a.outlet, a.published_at, a.language, a.url, -bm25(articles_fts, 4.0, 1.0) AS score,
             snippet(articles_fts, 1, ?, ?, '…', 40) AS marked, highlight(articles_fts, 0, ?, ?) AS marked_title
           ${from} ORDER BY ${searchOrderSql(query.sort, 'a')} LIMIT ? OFFSET ?`,
        )
        .all(MATCH_START, MATCH_END, MATCH_START, MATCH_END, ...params, query.limit ?? -1, query.offset ?? 0) as Row[];
      return { total, hits: rows.map(searchHitFromRow) };
    } catch (err) {
      // The MATCH string is built from quoted terms only; should FTS5 still refuse it, say so as a query error.
      if (err instanceof Error && /fts5/i.test(err.message)) throw new SearchQueryError(`cannot search for ${JSON.stringify(query.q)}: ${err.message}`);
      throw err;
    }
  }

  articleIds(): string[] {
    return this.stmts.ids.all() as string[];
  }

  duplicates(query: DuplicateQuery = {}): DuplicateRelation[] {
    const { sql, params } = duplicatesSql(query, { placeholder: () => '?', noLimit: -1 });
    return (this.db.prepare(sql).all(...params) as Row[]).map(duplicateFromRow);
  }

  errors(limit = 1000): StoredError[] {
    const rows = this.db.prepare('SELECT * FROM errors ORDER BY id LIMIT ?').all(limit) as Row[];
    return rows.map((r) => ({
      id: r.id as number,
      origin: JSON.parse(r.origin as string) as RawOrigin,
      stage: r.stage as RecordError['stage'],
      code: r.code as string,
      message: r.message as string,
      at: r.at as string,
    }));
  }

  stats(): CorpusStats {
    const db = this.db;
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    const removals = new Map<string, { count: number; chars: number }>();
    const removalRows = db
      .prepare(
        `SELECT json_extract(value, '$.reason') AS reason, COUNT(*) AS count,
           SUM(length(json_extract(value, '$.text'))) AS chars
         FROM articles, json_each(articles.removals) GROUP BY reason ORDER BY count DESC, reason`,
      )
      .all() as Array<{ reason: string; count: number; chars: number }>;
    for (const r of removalRows) removals.set(r.reason, { count: r.count, chars: r.chars ?? 0 });
    return {
      documents: one('SELECT COUNT(*) FROM articles'),
      origins: one('SELECT COUNT(*) FROM origins'),
      outlets: db
        .prepare(
          `SELECT COALESCE(outlet, '(unknown)') AS outlet, COUNT(*) AS documents FROM articles
           GROUP BY 1 ORDER BY documents DESC, outlet`,
        )
        .all() as CorpusStats['outlets'],
      languages: db
        .prepare(
          `SELECT COALESCE(language, '(unknown)') AS language, COUNT(*) AS documents FROM articles
           GROUP BY 1 ORDER BY documents DESC, language`,
        )
        .all() as CorpusStats['languages'],
      duplicates: {
        exact: one(`SELECT COUNT(*) FROM duplicates WHERE kind = 'exact'`),
        near: one(`SELECT COUNT(*) FROM duplicates WHERE kind = 'near'`),
      },
      removals: [...removals].map(([reason, v]) => ({ reason, ...v })),
      errors: db
        .prepare('SELECT code, COUNT(*) AS count FROM errors GROUP BY code ORDER BY count DESC, code')
        .all() as CorpusStats['errors'],
      rawBytes: one('SELECT COALESCE(SUM(length(bytes)), 0) FROM raw'),
      cleanChars: one('SELECT COALESCE(SUM(length(text)), 0) FROM articles'),
      extractVersions: db
        .prepare('SELECT extract_version AS version, COUNT(*) AS documents FROM articles GROUP BY 1 ORDER BY 1')
        .all() as CorpusStats['extractVersions'],
    };
  }

  articlesToAnnotate(version: number, limit: number, afterSeq = 0): AnnotationTodo[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.seq, a.text, a.published_at, a.language, r.ingested_at FROM articles a JOIN raw r ON r.id = a.id
         LEFT JOIN annotations n ON n.article_id = a.id
         WHERE a.seq > ? AND (n.article_id IS NULL OR n.version <> ?) ORDER BY a.seq LIMIT ?`,
      )
      .all(afterSeq, version, limit) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      seq: r.seq as number,
      text: r.text as string,
      publishedAt: r.published_at as string | null,
      ingestedAt: r.ingested_at as string,
      language: (r.language as string | null) ?? null,
    }));
  }

  putAnnotations(articleId: string, version: number, annotations: Annotations): void {
    const db = this.db;
    db.transaction(() => {
      db.prepare('DELETE FROM quotes WHERE article_id = ?').run(articleId);
      db.prepare('DELETE FROM events WHERE article_id = ?').run(articleId);
      db.prepare(
        `INSERT INTO annotations (article_id, version, json, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, json = excluded.json, at = excluded.at`,
      ).run(articleId, version, JSON.stringify(annotations), new Date().toISOString());
      const quote = db.prepare(
        'INSERT INTO quotes (article_id, idx, speaker, speaker_norm, direct, cue, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      annotations.quotes.forEach((q, i) => {
        const speaker = q.speaker?.canonical ?? null;
        quote.run(articleId, i, speaker, speaker?.toLowerCase() ?? null, q.direct ? 1 : 0, q.cue, q.text, q.start, q.end);
      });
      const event = db.prepare('INSERT INTO events (article_id, idx, category, json) VALUES (?, ?, ?, ?)');
      annotations.events.forEach((e, i) => event.run(articleId, i, e.category, JSON.stringify(e)));
    })();
  }

  getAnnotations(articleId: string): Annotations | null {
    const json = this.db.prepare('SELECT json FROM annotations WHERE article_id = ?').pluck().get(articleId) as string | undefined;
    return json ? (JSON.parse(json) as Annotations) : null;
  }

  entityClusters(): Array<{ articleId: string; clusters: EntityCluster[] }> {
    const rows = this.db
      .prepare(
        `SELECT n.article_id, json_extract(n.json, '$.clusters') AS clusters FROM annotations n
         JOIN articles a ON a.id = n.article_id ORDER BY a.seq`,
      )
      .all() as Array<{ article_id: string; clusters: string }>;
    return rows.map((r) => ({ articleId: r.article_id, clusters: JSON.parse(r.clusters ?? '[]') as EntityCluster[] }));
  }

  quotes(query: { speaker?: string; limit?: number } = {}): StoredQuote[] {
    const where = query.speaker ? `WHERE q.speaker_norm LIKE ? ESCAPE '\\'` : '';
    const params: unknown[] = query.speaker ? ['%' + query.speaker.toLowerCase().replace(/[\\%_]/g, '\\$&') + '%'] : [];
    const rows = this.db
      .prepare(
        `SELECT q.article_id, q.idx, n.json AS ann FROM quotes q JOIN articles a ON a.id = q.article_id
         JOIN annotations n ON n.article_id = q.article_id ${where} ORDER BY a.seq, q.idx LIMIT ?`,
      )
      .all(...params, query.limit ?? -1) as Array<{ article_id: string; idx: number; ann: string }>;
    const cache = new Map<string, Annotations>();
    return rows.map((r) => {
      let ann = cache.get(r.article_id);
      if (!ann) cache.set(r.article_id, (ann = JSON.parse(r.ann) as Annotations));
      return { articleId: r.article_id, ...ann.quotes[r.idx] };
    });
  }

  events(query: { category?: string; limit?: number } = {}): StoredEvent[] {
    const where = query.category ? 'WHERE e.category = ?' : '';
    const params: unknown[] = query.category ? [query.category.toUpperCase()] : [];
    const rows = this.db
      .prepare(
        `SELECT e.article_id, e.json FROM events e JOIN articles a ON a.id = e.article_id ${where}
         ORDER BY a.seq, e.idx LIMIT ?`,
      )
      .all(...params, query.limit ?? -1) as Array<{ article_id: string; json: string }>;
    return rows.map((r) => ({ ...(JSON.parse(r.json) as EventAnn), articleId: r.article_id }));
  }

  pollStates(): Map<string, string> {
    const rows = this.db.prepare('SELECT key, state FROM poll_state').all() as Array<{ key: string; state: string }>;
    return new Map(rows.map((r) => [r.key, r.state]));
  }

  putPollStates(states: ReadonlyArray<readonly [key: string, state: string]>): void {
    const put = this.db.prepare(
      'INSERT INTO poll_state (key, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [key, state] of states) put.run(key, state, now);
    })();
  }

  deletePollStates(keys: readonly string[]): void {
    if (keys.length) this.db.prepare('DELETE FROM poll_state WHERE key IN (SELECT value FROM json_each(?))').run(JSON.stringify(keys));
  }

  saveStories(stamp: string, stories: StoryRecord[], derivations: DerivationRecord[]): void {
    const db = this.db;
    db.transaction(() => {
      db.prepare('DELETE FROM relate_cache').run();
      db.prepare('INSERT INTO relate_cache (stamp, json, at) VALUES (?, ?, ?)').run(
        stamp,
        JSON.stringify({ stories, derivations }),
        new Date().toISOString(),
      );
    })();
  }

  getStories(stamp: string): { stories: StoryRecord[]; derivations: DerivationRecord[] } | null {
    const json = this.db.prepare('SELECT json FROM relate_cache WHERE stamp = ?').pluck().get(stamp) as string | undefined;
    return json ? JSON.parse(json) : null;
  }

  close(): void {
    this.db.close();
  }
}
