/**
 * PostgresStore: the Store contract over PostgreSQL, for several ingest/annotate workers on one or
 * more machines writing to one corpus. SqliteStore is the reference: every method answers what it
 * answers (same rows, same order, same numbers); only the transport is asynchronous.
 *
 * Concurrency: write transactions (`transaction`, and `putArticle` on its own) take one advisory lock,
 * so writers from all processes run one at a time. That is what makes duplicate detection correct
 * across workers (a check-then-write sees every article committed before it) and keeps `seq` (ingest
 * order) equal to commit order, so paging by `afterSeq` never skips a row. Reads never wait for it.
 *
 * Article content is hostile: every value is a bound parameter (`$1`), never SQL text.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
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
import { FOLDABLE_CLASS, MATCH_END, MATCH_START, foldForSearch, parseSearch, toTsquerySql } from '../search-query.js';
import { PG_MIGRATIONS } from './migrations.js';
import { guardPool, inPooledTransaction } from './pooled-client.js';
import { ANNOTATION_TABLES, HOLDS_LINK_SQL, KEPT_OUT_SELECT, STAND_INS_SQL, articleFromRow, duplicateFromRow, duplicatesSql, originLocator, originPrefixParams, searchFilterSql, searchHitFromRow, searchOrderSql, splitByOrigins, storedRecordFromRow, summaryFromRow, type Row } from '../rows.js';

/**
 * A headline cut from a folded text ("Sao Paulo" for "São Paulo"), its match markers kept, with
 * each character put back as `written` has it: folding keeps one character for one, so the two
 * line up. When they do not (the stretch was not found), the folded headline is shown.
 */
export function asWritten(marked: unknown, written: unknown): string | null {
  if (typeof marked !== 'string') return null;
  if (typeof written !== 'string') return marked;
  let plain = 0;
  for (const ch of marked) if (ch !== MATCH_START && ch !== MATCH_END) plain += ch.length;
  if (plain !== written.length) return marked;
  let out = '';
  let at = 0;
  for (const ch of marked) {
    if (ch === MATCH_START || ch === MATCH_END) out += ch;
    else {
      out += written.slice(at, at + ch.length);
      at += ch.length;
    }
  }
  return out;
}

/** SQLSTATE of "permission denied". */
const INSUFFICIENT_PRIVILEGE = '42501';
const SNIPPET_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;

/** A pool or one checked-out client: both run queries. */
type Queryable = Pick<pg.Pool, 'query'>;

/** The transaction an async call chain runs in: its client, and the advisory locks it holds. */
interface TxContext {
  client: pg.PoolClient;
  locks: Set<number>;
  /** Set by putArticle: after the commit, the queued articles are indexed for search. */
  wroteArticles?: boolean;
  /**
   * Set once the transaction has committed or rolled back. Work that `fn` left running (a timer, a
   * promise it did not await) still carries this context; from then on it must use the pool, not a
   * client that is back in the pool and maybe inside someone else's transaction.
   */
  settled: boolean;
}

/**
 * Advisory locks are (class, object) pairs of int4; the class marks them as Parallax's so they do not
 * collide with other applications' locks in a shared database.
 */
const LOCK_CLASS = 0x50617278; // "Parx"
const LOCKS = { migrate: 1, write: 2, stories: 3 } as const;

/**
 * Postgres TEXT cannot hold U+0000 (the server rejects the whole statement). Decoding already drops
 * NUL from article text, so this only reaches hostile metadata (a URL, an error message); it becomes
 * U+FFFD rather than failing the document. Raw bytes (BYTEA) keep the original, so nothing is lost.
 * JSON columns are unaffected: JSON.stringify escapes NUL as "\u0000".
 */
function bindable(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value;
  return Array.isArray(value) ? value.map(bindable) : value;
}

/**
 * A LIMIT as SQLite reads it: a negative (or missing, or unparsable) count means no limit. PostgreSQL
 * rejects a negative LIMIT; LIMIT NULL is its "no limit".
 */
function rowLimit(n: number | undefined): number | null {
  return n === undefined || !Number.isFinite(n) || n < 0 ? null : Math.floor(n);
}

/** An OFFSET as SQLite reads it: a negative one skips nothing. */
function rowOffset(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) || n < 0 ? 0 : Math.floor(n);
}

function signatureToBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

/** The article columns an insert or a replacement writes, in the order of `articleValues`. */
const ARTICLE_COLUMNS = `id, title, published_at, outlet, byline, language, url, canonical_url, text, text_hash,
  dateline, meta_sources, removals, repairs, quality, spam_score, garble_score, signature, extract_version`;
const ARTICLE_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'float8', 'float8', 'bytea', 'int4'];

/** Typed placeholders for `ARTICLE_COLUMNS`, numbered from `first` ("$11::text, $12::text, ..."). */
function articlePlaceholders(first: number): string {
  return ARTICLE_TYPES.map((type, i) => `$${first + i}::${type}`).join(', ');
}

function articleValues({ article, textHash, signature, extractVersion }: ArticleWrite): unknown[] {
  return [
    article.id,
    article.title,
    article.publishedAt,
    article.outlet,
    article.byline,
    article.language,
    article.url,
    article.canonicalUrl,
    article.text,
    textHash,
    article.dateline ? JSON.stringify(article.dateline) : null,
    JSON.stringify(article.metaSources),
    JSON.stringify(article.removals),
    JSON.stringify(article.repairs),
    JSON.stringify(article.quality),
    article.quality.spamScore,
    article.quality.garbleScore,
    signatureToBytes(signature),
    extractVersion,
  ];
}

function bytesToSignature(bytes: Buffer): Uint32Array {
  // Copy: the Buffer may share a pool and be misaligned for a Uint32Array view.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/**
 * Counts and sequence numbers come back as int8, which pg returns as strings to be safe beyond 2^53.
 * Ours (row counts, byte totals, ingest order) stay far below that, and SqliteStore returns numbers,
 * so int8 is parsed as a number — for this store's pool only, not pg's global parsers.
 */
function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  return types;
}

export class PostgresStore implements Store {
  /** The transaction the current async call chain runs in, if any (one per store: pools are not shared). */
  private readonly tx = new AsyncLocalStorage<TxContext>();
  /** Prepared statement name of each SQL text this store has run. */
  private readonly statementNames = new Map<string, string>();

  private constructor(private readonly pool: pg.Pool) {}

  /** Connect and bring the schema up to date (safe when several workers open the database at once). */
  static async open(url: string): Promise<PostgresStore> {
    // allowExitOnIdle: idle connections do not keep a finished command alive (as an open SQLite file
    // does not), whether or not it closed the store.
    // A dropped connection must not crash the process (guardPool); the next query reconnects.
    const pool = guardPool(new pg.Pool({ connectionString: url, types: typeParsers(), application_name: 'parallax', allowExitOnIdle: true }));
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  /** The highest schema version applied to this database (0 for a new one). */
  async schemaVersion(): Promise<number> {
    const db = this.db();
    const { rows: exists } = await db.query(`SELECT to_regclass('parallax_schema') IS NOT NULL AS present`);
    if (!exists[0].present) return 0;
    const { rows } = await db.query('SELECT COALESCE(MAX(version), 0) AS v FROM parallax_schema');
    return Number(rows[0].v);
  }

  /**
   * Apply missing migration steps in one transaction holding an advisory lock: a second worker
   * opening the database at the same moment waits, then finds the steps applied. An up-to-date
   * database is only read (no lock, no DDL), so a user without CREATE rights can open it.
   */
  private async migrate(): Promise<void> {
    if ((await this.schemaVersion()) >= PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version) return;
    await this.inTransaction(LOCKS.migrate, async (client) => {
      await client.query(`CREATE TABLE IF NOT EXISTS parallax_schema (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const { rows } = await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM parallax_schema');
      const current = Number(rows[0].v);
      for (const step of PG_MIGRATIONS) {
        if (step.version <= current) continue;
        await client.query(step.sql);
        await client.query('INSERT INTO parallax_schema (version, name, applied_at) VALUES ($1, $2, $3)', [
          step.version,
          step.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  /** Where a query goes: the current transaction's client, else the pool. */
  private db(): Queryable {
    return this.current()?.client ?? this.pool;
  }

  /** The live transaction of the current async call chain, if any. */
  private current(): TxContext | undefined {
    const context = this.tx.getStore();
    return context && !context.settled ? context : undefined;
  }

  /**
   * Run one statement. Each distinct SQL text becomes a named prepared statement (parsed and planned
   * once per connection, not per call): the store's texts are a fixed, small set, and ingest repeats
   * the same few per document.
   */
  private query(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    let name = this.statementNames.get(sql);
    if (name === undefined) this.statementNames.set(sql, (name = `parallax_${this.statementNames.size + 1}`));
    return this.db().query({ name, text: sql, values: params.map(bindable) });
  }

  /**
   * Run one statement without preparing it: for SQL whose shape varies with user input (a search's
   * terms), which would otherwise fill each connection with prepared statements used once.
   */
  private queryOnce(sql: string, params: unknown[]): Promise<pg.QueryResult<Row>> {
    return this.db().query({ text: sql, values: params.map(bindable) });
  }

  /**
   * BEGIN, take the advisory lock `lock` (if any), run `fn` on one client, COMMIT; ROLLBACK on a
   * throw. A client whose ROLLBACK fails is destroyed rather than returned to the pool mid-transaction.
   */
  private inTransaction<T>(lock: number | null, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inPooledTransaction(this.pool, async (client) => {
      if (lock !== null) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, lock]);
      return fn(client);
    });
  }

  /**
   * Run `fn` atomically, holding advisory lock `lock` (if any): inside the current transaction if there
   * is one (taking the lock there if it is not held yet), else in a new one, with the store's calls
   * made by `fn` routed to that transaction's client.
   */
  private async atomically<T>(lock: number | null, fn: () => Promise<T>): Promise<T> {
    const current = this.current();
    if (!current) {
      let wroteArticles = false as boolean;
      const result = await this.inTransaction(lock, async (client) => {
        const context: TxContext = { client, locks: new Set(lock === null ? [] : [lock]), settled: false };
        try {
          return await this.tx.run(context, fn);
        } finally {
          context.settled = true;
          wroteArticles = context.wroteArticles === true;
        }
      });
      // committed, the lock released: now the slow part of indexing, beside other writers (a failure
      // leaves the articles queued for the next write or search, and the write stands)
      if (wroteArticles) await this.indexQueuedForSearch().catch(() => undefined);
      return result;
    }
    if (lock !== null && !current.locks.has(lock)) {
      await current.client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, lock]);
      current.locks.add(lock);
    }
    return fn();
  }

  /**
   * A write transaction, serialised with every other process's write transactions on this database
   * (advisory lock), so a duplicate check inside `fn` sees every article committed before it.
   * A nested call joins the outer transaction.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.atomically(LOCKS.write, fn);
  }

  async hasRaw(id: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM raw WHERE id = $1', [id])).rowCount! > 0;
  }

  async hasOriginUrl(url: string): Promise<boolean> {
    return (await this.query(`SELECT 1 FROM origins WHERE url = $1 AND ${HOLDS_LINK_SQL} LIMIT 1`, [url])).rowCount! > 0;
  }

  async addOrigin(id: string, origin: RawOrigin): Promise<boolean> {
    const result = await this.query(
      // a feed item seen again after another try at its link: the newer outcome is the one that counts
      `INSERT INTO origins (raw_id, path, url, reader, locator, json, link_failed, link_refused) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (raw_id, path, locator) DO UPDATE SET link_failed = excluded.link_failed, link_refused = excluded.link_refused, json = excluded.json
         WHERE excluded.link_failed IS NOT NULL OR excluded.link_refused IS NOT NULL
       RETURNING (xmax = 0) AS inserted`,
      [id, origin.path, origin.url ?? null, origin.reader, originLocator(origin), JSON.stringify(origin), origin.linkFailed ?? null, origin.linkRefused ?? null],
    );
    return result.rows[0]?.inserted === true;
  }

  /**
   * Raw bytes, origin, article row and band keys, in one statement (one round trip), atomically and
   * under the write lock. An article id already stored is left as it is (the bytes are the same, by
   * construction of the id): the origin is still recorded, and no ingest number is spent on it. The
   * foreign keys hold: constraint checks run at the end of the statement, after every part inserted.
   */
  putArticle(write: ArticleWrite): Promise<void> {
    const { raw, bandKeys } = write;
    const origin = raw.origin;
    return this.atomically(LOCKS.write, async () => {
      this.current()!.wroteArticles = true;
      await this.query(
        `WITH new_raw AS (
           INSERT INTO raw (id, type, bytes, hints, ingested_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING
         ), new_origin AS (
           INSERT INTO origins (raw_id, path, url, reader, locator, json, link_failed, link_refused) VALUES ($1, $6, $7, $8, $9, $10, $31, $32)
           ON CONFLICT (raw_id, path, locator) DO NOTHING
         ), new_article AS (
           INSERT INTO articles (${ARTICLE_COLUMNS})
           SELECT ${articlePlaceholders(11)}
           WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $11)
           ON CONFLICT (id) DO NOTHING
           RETURNING id
         )
         INSERT INTO lsh_keys (key, article_id) SELECT k, new_article.id FROM new_article, unnest($30::bigint[]) AS k`,
        [
          raw.id,
          raw.type,
          Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength),
          JSON.stringify(raw.hints),
          new Date().toISOString(),
          origin.path,
          origin.url ?? null,
          origin.reader,
          originLocator(origin),
          JSON.stringify(origin),
          ...articleValues(write),
          [...new Set(bandKeys)],
          origin.linkFailed ?? null,
          origin.linkRefused ?? null,
        ],
      );
    });
  }

  async storedRecords(query: StoredRecordQuery): Promise<StoredRecord[]> {
    const params: unknown[] = [query.afterSeq ?? 0, query.limit];
    let where = 'a.seq > $1';
    if (query.olderThan !== undefined) where += ` AND a.extract_version < $${params.push(query.olderThan)}`;
    if (query.ids) {
      if (query.ids.length === 0) return [];
      where += ` AND a.id = ANY($${params.push(query.ids)}::text[])`;
    }
    const { rows } = await this.query(
      `SELECT a.id, a.seq, a.extract_version, r.type, r.bytes, r.hints,
         (SELECT o.json FROM origins o WHERE o.raw_id = a.id ORDER BY o.seq LIMIT 1) AS origin
       FROM articles a JOIN raw r ON r.id = a.id WHERE ${where} ORDER BY a.seq LIMIT $2`,
      params,
    );
    return rows.map(storedRecordFromRow);
  }

  replaceArticle(write: ArticleWrite): Promise<{ textChanged: boolean }> {
    const id = write.article.id;
    return this.atomically(LOCKS.write, async () => {
      const { rows } = await this.query('SELECT text, published_at FROM articles WHERE id = $1 FOR UPDATE', [id]);
      if (rows.length === 0) throw new Error(`no stored article ${id} to replace`);
      const before = rows[0] as { text: string; published_at: string | null };
      const values = articleValues(write);
      await this.query(
        `UPDATE articles SET (${ARTICLE_COLUMNS}) = (SELECT ${articlePlaceholders(1)}) WHERE id = $1`,
        values,
      );
      const textChanged = before.text !== write.article.text;
      if (textChanged) {
        await this.query('DELETE FROM lsh_keys WHERE article_id = $1', [id]);
        await this.query('INSERT INTO lsh_keys (key, article_id) SELECT k, $1 FROM unnest($2::bigint[]) AS k', [id, [...new Set(write.bandKeys)]]);
        await this.query('DELETE FROM duplicates WHERE a = $1 OR b = $1', [id]);
      }
      if (textChanged || before.published_at !== write.article.publishedAt) {
        for (const table of ANNOTATION_TABLES) await this.query(`DELETE FROM ${table} WHERE article_id = $1`, [id]);
      }
      // the search index is rebuilt from the new title and text after the commit, as for a new article
      await this.query('DELETE FROM article_search WHERE article_id = $1', [id]);
      await this.query('INSERT INTO search_pending (article_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
      this.current()!.wroteArticles = true;
      await this.query('DELETE FROM relate_cache');
      return { textChanged };
    });
  }

  async articlesFrom(prefix: string): Promise<{ only: string[]; alsoElsewhere: string[] }> {
    if (prefix === '') return { only: [], alsoElsewhere: [] };
    const { path, folder, url } = originPrefixParams(prefix);
    const { rows } = await this.query(
      `SELECT id, inside, total FROM (
         SELECT a.id, a.seq, COUNT(*) FILTER (WHERE o.path = $1 OR starts_with(o.path, $2) OR starts_with(COALESCE(o.url, ''), $3))::int AS inside,
           COUNT(*)::int AS total
         FROM articles a JOIN origins o ON o.raw_id = a.id GROUP BY a.id, a.seq
       ) counted WHERE inside > 0 ORDER BY seq`,
      [path, folder, url],
    );
    return splitByOrigins(rows);
  }

  deleteArticles(ids: string[], options: { keepOut?: boolean } = {}): Promise<number> {
    return this.atomically(LOCKS.write, async () => {
      const { rows } = await this.query('SELECT id FROM articles WHERE id = ANY($1::text[]) FOR UPDATE', [[...new Set(ids)]]);
      const found = rows.map((r) => r.id as string);
      if (found.length === 0) return 0;
      if (options.keepOut) {
        await this.query(`INSERT INTO kept_out (key, kind, title, at) ${KEPT_OUT_SELECT('(SELECT unnest($1::text[]))', '$2')} ON CONFLICT (key) DO NOTHING`, [found, new Date().toISOString()]);
      }
      for (const table of [...ANNOTATION_TABLES, 'lsh_keys', 'article_search', 'search_pending']) {
        await this.query(`DELETE FROM ${table} WHERE article_id = ANY($1::text[])`, [found]);
      }
      await this.query('DELETE FROM duplicates WHERE a = ANY($1::text[]) OR b = ANY($1::text[])', [found]);
      await this.query('DELETE FROM articles WHERE id = ANY($1::text[])', [found]);
      await this.query('DELETE FROM origins WHERE raw_id = ANY($1::text[])', [found]);
      await this.query('DELETE FROM raw WHERE id = ANY($1::text[])', [found]);
      await this.query('DELETE FROM relate_cache');
      return found.length;
    });
  }

  async standInsFor(url: string): Promise<string[]> {
    const { rows } = await this.query(STAND_INS_SQL('$1'), [url]);
    return rows.map((r) => r.id as string);
  }

  async isKeptOut(rawId: string | null, urls: readonly string[]): Promise<boolean> {
    const keys = rawId ? [rawId, ...urls] : [...urls];
    if (keys.length === 0) return false;
    return (await this.query('SELECT 1 FROM kept_out WHERE key = ANY($1::text[]) LIMIT 1', [keys])).rowCount! > 0;
  }

  async keptOut(): Promise<KeptOutEntry[]> {
    const { rows } = await this.query('SELECT key, kind, title, at FROM kept_out ORDER BY at DESC, key');
    return rows.map((r) => ({ key: r.key as string, kind: r.kind as KeptOutEntry['kind'], title: (r.title as string | null) ?? null, at: r.at as string }));
  }

  async letIn(keys: string[]): Promise<number> {
    return (await this.query('DELETE FROM kept_out WHERE key = ANY($1::text[])', [keys])).rowCount ?? 0;
  }

  async markExtracted(ids: string[], version: number): Promise<void> {
    if (ids.length === 0) return;
    await this.query('UPDATE articles SET extract_version = $1 WHERE id = ANY($2::text[])', [version, ids]);
  }

  async articlesWithTextHash(textHash: string): Promise<string[]> {
    const { rows } = await this.query('SELECT id FROM articles WHERE text_hash = $1 ORDER BY seq', [textHash]);
    return rows.map((r) => r.id as string);
  }

  async nearCandidates(bandKeys: number[]): Promise<Array<{ id: string; signature: Uint32Array }>> {
    if (bandKeys.length === 0) return [];
    const { rows } = await this.query(
      `SELECT a.id, a.signature FROM articles a
       WHERE a.id IN (SELECT article_id FROM lsh_keys WHERE key = ANY($1::bigint[]))
       ORDER BY a.seq`,
      [[...new Set(bandKeys)]],
    );
    return rows.map((r) => ({ id: r.id as string, signature: bytesToSignature(r.signature as Buffer) }));
  }

  async putDuplicates(relations: DuplicateRelation[]): Promise<void> {
    if (relations.length === 0) return;
    await this.query(
      `INSERT INTO duplicates (a, b, kind, similarity)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[])
       ON CONFLICT (a, b) DO NOTHING`,
      [relations.map((r) => r.a), relations.map((r) => r.b), relations.map((r) => r.kind), relations.map((r) => r.similarity)],
    );
  }

  async putError(error: RecordError): Promise<void> {
    await this.query(
      `INSERT INTO errors (path, url, locator, stage, code, message, origin, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (path, locator, stage, code) DO UPDATE SET
         attempts = errors.attempts + 1, at = excluded.at, message = excluded.message`,
      [
        error.origin.path,
        error.origin.url ?? null,
        originLocator(error.origin),
        error.stage,
        error.code,
        error.message,
        JSON.stringify(error.origin),
        new Date().toISOString(),
      ],
    );
  }

  async getArticle(idOrPrefix: string): Promise<StoredArticle | null> {
    // Origins come along as an array, in the order seen: one round trip per article.
    const select = `SELECT a.*, r.ingested_at, r.type AS raw_type,
        ARRAY(SELECT o.json FROM origins o WHERE o.raw_id = a.id ORDER BY o.seq) AS origins
      FROM articles a JOIN raw r ON r.id = a.id`;
    let row = (await this.query(`${select} WHERE a.id = $1`, [idOrPrefix])).rows[0];
    if (!row && /^[0-9a-f]{4,31}$/.test(idOrPrefix)) {
      // A unique id prefix is enough, as with git hashes. ids sort bytewise (COLLATE "C"): a range scan.
      const { rows } = await this.query(`${select} WHERE a.id >= $1 AND a.id < $2 LIMIT 2`, [idOrPrefix, idOrPrefix + 'g']);
      if (rows.length === 1) row = rows[0];
    }
    if (!row) return null;
    return articleFromRow(row, (row.origins as string[]).map((json) => JSON.parse(json) as RawOrigin));
  }

  async getRaw(id: string): Promise<Uint8Array | null> {
    const { rows } = await this.query('SELECT bytes FROM raw WHERE id = $1', [id]);
    return rows.length ? new Uint8Array(rows[0].bytes as Buffer) : null;
  }

  async listArticles(query: ListQuery = {}): Promise<StoredArticleSummary[]> {
    const params: unknown[] = [rowLimit(query.limit), rowOffset(query.offset)];
    let where = '';
    if (query.outlet !== undefined) {
      params.push(query.outlet);
      where = 'WHERE a.outlet = $3';
    }
    // char_length counts code points, as SQLite's length().
    const { rows } = await this.query(
      `SELECT a.id, a.title, a.outlet, a.published_at, a.language, a.url, char_length(a.text) AS chars,
         a.spam_score, a.garble_score, json_array_length(a.removals::json) AS removals, r.ingested_at,
         (SELECT COALESCE(o.url, o.path) FROM origins o WHERE o.raw_id = a.id ORDER BY o.seq LIMIT 1) AS origin
       FROM articles a JOIN raw r ON r.id = a.id ${where}
       ORDER BY a.seq LIMIT $1 OFFSET $2`,
      params,
    );
    return rows.map(summaryFromRow);
  }

  /**
   * Index the articles queued in search_pending (by the insert trigger), a batch at a time, outside
   * any transaction. Rows another process is indexing are skipped (SKIP LOCKED), so concurrent
   * writers share the queue instead of waiting on each other. A failure leaves the rows queued: the
   * next write or search indexes them. Titles and texts are folded here (foldForSearch: accents off,
   * as the queries are), the title weighing A and the text B, its first 200,000 characters (a
   * tsvector holds at most 1 MB; a giant page must not fail).
   */
  private async indexQueuedForSearch(): Promise<void> {
    for (;;) {
      const indexed = await inPooledTransaction(this.pool, async (client) => {
        const { rows } = await client.query(
          `SELECT p.article_id AS id, a.title, left(a.text, 200000) AS text
           FROM search_pending p JOIN articles a ON a.id = p.article_id
           ORDER BY p.article_id LIMIT 256 FOR UPDATE OF p SKIP LOCKED`,
        );
        if (!rows.length) return 0;
        const ids = rows.map((r) => r.id as string);
        await client.query(
          `INSERT INTO article_search (article_id, search)
           SELECT x.id, setweight(to_tsvector('english', x.title), 'A') || setweight(to_tsvector('english', x.body), 'B')
           FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, title, body)
           ON CONFLICT (article_id) DO UPDATE SET search = EXCLUDED.search`,
          [ids, rows.map((r) => foldForSearch((r.title as string | null) ?? '')), rows.map((r) => foldForSearch(r.text as string))],
        );
        await client.query('DELETE FROM search_pending WHERE article_id = ANY($1::text[])', [ids]);
        return rows.length;
      });
      if (indexed === 0) return;
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    // what a worker committed but did not get to index (it was killed) is indexed now; a read-only
    // user (a `serve` deployment) may not, and searches what is indexed
    await this.indexQueuedForSearch().catch((err: { code?: string }) => {
      if (err.code !== INSUFFICIENT_PRIVILEGE) throw err;
    });
    const params: unknown[] = [];
    const next = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // the query's words folded as the index's are: "sao" finds "São"
    const tsquery = toTsquerySql(parseSearch(query.q), (v) => next(foldForSearch(v)), 'english');
    const tsqueryParams = params.slice(); // the filters bind theirs after these
    const where = ['s.search @@ q.query', ...searchFilterSql(query, next)].join(' AND ');
    const from = `FROM article_search s JOIN articles a ON a.id = s.article_id, (SELECT ${tsquery} AS query) q WHERE ${where}`;
    const total = Number((await this.queryOnce(`SELECT count(*) AS n ${from}`, params)).rows[0].n);
    const page = [...params];
    const limit = `$${page.push(rowLimit(query.limit))}`;
    const offset = `$${page.push(rowOffset(query.offset))}`;
    const options = `$${page.push(SNIPPET_OPTIONS)}`;
    const titleOptions = `$${page.push(TITLE_OPTIONS)}`;
    // ts_rank_cd counts a title word (weight A) 1.0 and a text word (B) 0.4 by default; normalisation 1
    // divides by 1 + log(length), so a long text does not win by length alone.
    // The page first, then headlines for its rows only: ts_headline re-reads the whole text.
    // A row whose title or text has accented letters also brings its text (`body`), for the headlines
    // to be cut again from the folded copies (below).
    const { rows } = await this.queryOnce(
      `SELECT hit.id, hit.title, hit.outlet, hit.published_at, hit.language, hit.url, hit.score, ts_headline('english', left(hit.text, 100000), hit.query, ${options}) AS marked,
         ts_headline('english', coalesce(hit.title, ''), hit.query, ${titleOptions}) AS marked_title,
         CASE WHEN hit.text ~ '${FOLDABLE_CLASS}' OR hit.title ~ '${FOLDABLE_CLASS}' THEN left(hit.text, 100000) END AS body
       FROM (SELECT a.id, a.seq, a.title, a.outlet, a.published_at, a.language, a.url, a.text, q.query,
               ts_rank_cd(s.search, q.query, 1) AS score
             ${from} ORDER BY ${searchOrderSql(query.sort, 'a')} LIMIT ${limit} OFFSET ${offset}) hit
       ORDER BY ${searchOrderSql(query.sort, 'hit')}`,
      page,
    );
    await this.headlinesFromFoldedText(rows.filter((r) => typeof r.body === 'string'), tsquery, tsqueryParams);
    return { total, hits: rows.map(searchHitFromRow) };
  }

  /**
   * The index holds folded words, so ts_headline over a text as written misses "São" for the query
   * "sao": for rows with accented letters the headlines are cut from folded copies of title and text
   * (folded here, sent back), then given their characters as written again (folding keeps one
   * character for one, so the folded snippet's place in the folded text is its place in the original).
   */
  private async headlinesFromFoldedText(rows: Row[], tsquery: string, tsqueryParams: unknown[]): Promise<void> {
    if (!rows.length) return;
    const bodies = rows.map((r) => foldForSearch(r.body as string));
    const titles = rows.map((r) => foldForSearch((r.title as string | null) ?? ''));
    const args = [...tsqueryParams];
    const bodiesAt = `$${args.push(bodies)}`;
    const titlesAt = `$${args.push(titles)}`;
    const options = `$${args.push(SNIPPET_OPTIONS)}`;
    const titleOptions = `$${args.push(TITLE_OPTIONS)}`;
    const { rows: cut } = await this.queryOnce(
      `SELECT ts_headline('english', x.body, q.query, ${options}) AS marked, ts_headline('english', x.title, q.query, ${titleOptions}) AS marked_title
       FROM unnest(${bodiesAt}::text[], ${titlesAt}::text[]) WITH ORDINALITY AS x(body, title, n), (SELECT ${tsquery} AS query) q
       ORDER BY x.n`,
      args,
    );
    rows.forEach((r, i) => {
      const marked = cut[i].marked as string;
      const plain = marked.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');
      const at = bodies[i].indexOf(plain);
      r.marked = asWritten(marked, at < 0 ? null : (r.body as string).slice(at, at + plain.length));
      r.marked_title = asWritten(cut[i].marked_title, r.title);
    });
  }

  async articleIds(): Promise<string[]> {
    const { rows } = await this.query('SELECT id FROM articles ORDER BY seq');
    return rows.map((r) => r.id as string);
  }

  async duplicates(query: DuplicateQuery = {}): Promise<DuplicateRelation[]> {
    const { sql, params } = duplicatesSql(query, { placeholder: (n) => `$${n}`, noLimit: null });
    const { rows } = await this.query(sql, params);
    return rows.map(duplicateFromRow);
  }

  async errors(limit = 1000): Promise<StoredError[]> {
    const { rows } = await this.query('SELECT * FROM errors ORDER BY id LIMIT $1', [rowLimit(limit)]);
    return rows.map((r) => ({
      id: r.id as number,
      origin: JSON.parse(r.origin as string) as RawOrigin,
      stage: r.stage as RecordError['stage'],
      code: r.code as string,
      message: r.message as string,
      at: r.at as string,
    }));
  }

  /**
   * Every figure in one statement: one round trip, and one snapshot, so the figures agree with each
   * other even while workers write. Lists come back as JSON arrays built in SQL, in SqliteStore's order;
   * ties are broken by name, bytewise as SQLite compares (outlet, language and code are COLLATE "C").
   */
  async stats(): Promise<CorpusStats> {
    const list = (fields: string, from: string, order: string) =>
      `(SELECT COALESCE(json_agg(json_build_object(${fields}) ORDER BY ${order}), '[]'::json) FROM (${from}) AS list)`;
    const { rows } = await this.query(`SELECT
      (SELECT COUNT(*) FROM articles) AS documents,
      (SELECT COUNT(*) FROM origins) AS origins,
      ${list(`'outlet', outlet, 'documents', documents`, `SELECT COALESCE(outlet, '(unknown)') AS outlet, COUNT(*) AS documents FROM articles GROUP BY 1`, 'documents DESC, outlet')} AS outlets,
      ${list(`'language', language, 'documents', documents`, `SELECT COALESCE(language, '(unknown)') AS language, COUNT(*) AS documents FROM articles GROUP BY 1`, 'documents DESC, language')} AS languages,
      (SELECT COUNT(*) FROM duplicates WHERE kind = 'exact') AS exact,
      (SELECT COUNT(*) FROM duplicates WHERE kind = 'near') AS near,
      ${list(
        `'reason', reason, 'count', count, 'chars', COALESCE(chars, 0)`,
        `SELECT r.value->>'reason' AS reason, COUNT(*) AS count, SUM(char_length(r.value->>'text')) AS chars
         FROM articles, json_array_elements(articles.removals::json) AS r(value) GROUP BY 1`,
        'count DESC, reason COLLATE "C"',
      )} AS removals,
      ${list(`'code', code, 'count', count`, 'SELECT code, COUNT(*) AS count FROM errors GROUP BY code', 'count DESC, code')} AS errors,
      (SELECT COALESCE(SUM(octet_length(bytes)), 0)::bigint FROM raw) AS raw_bytes,
      (SELECT COALESCE(SUM(char_length(text)), 0)::bigint FROM articles) AS clean_chars,
      ${list(`'version', version, 'documents', documents`, 'SELECT extract_version AS version, COUNT(*) AS documents FROM articles GROUP BY 1', 'version')} AS extract_versions`);
    const r = rows[0];
    return {
      documents: r.documents as number,
      origins: r.origins as number,
      outlets: r.outlets as CorpusStats['outlets'],
      languages: r.languages as CorpusStats['languages'],
      duplicates: { exact: r.exact as number, near: r.near as number },
      removals: r.removals as CorpusStats['removals'],
      errors: r.errors as CorpusStats['errors'],
      rawBytes: r.raw_bytes as number,
      cleanChars: r.clean_chars as number,
      extractVersions: r.extract_versions as CorpusStats['extractVersions'],
    };
  }

  async articlesToAnnotate(version: number, limit: number, afterSeq = 0): Promise<AnnotationTodo[]> {
    const { rows } = await this.query(
      `SELECT a.id, a.seq, a.text, a.published_at, a.language, r.ingested_at FROM articles a JOIN raw r ON r.id = a.id
       LEFT JOIN annotations n ON n.article_id = a.id
       WHERE a.seq > $1 AND (n.article_id IS NULL OR n.version <> $2) ORDER BY a.seq LIMIT $3`,
      [afterSeq, version, rowLimit(limit)],
    );
    return rows.map((r) => ({
      id: r.id as string,
      seq: r.seq as number,
      text: r.text as string,
      publishedAt: r.published_at as string | null,
      ingestedAt: r.ingested_at as string,
      language: (r.language as string | null) ?? null,
    }));
  }

  /**
   * Replace the layers atomically. The annotations row is upserted first: its row lock makes a second
   * worker annotating the same article wait, then replace the query rows whole (no mixed layers).
   */
  putAnnotations(articleId: string, version: number, annotations: Annotations): Promise<void> {
    return this.atomically(null, async () => {
      await this.query(
        `INSERT INTO annotations (article_id, version, json, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, json = excluded.json, at = excluded.at`,
        [articleId, version, JSON.stringify(annotations), new Date().toISOString()],
      );
      await this.query('DELETE FROM quotes WHERE article_id = $1', [articleId]);
      await this.query('DELETE FROM events WHERE article_id = $1', [articleId]);
      const quotes = annotations.quotes;
      if (quotes.length > 0) {
        const speakers = quotes.map((q) => q.speaker?.canonical ?? null);
        await this.query(
          `INSERT INTO quotes (article_id, idx, speaker, speaker_norm, direct, cue, text, start, "end")
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::int[], $9::int[])`,
          [
            articleId,
            quotes.map((_, i) => i),
            speakers,
            speakers.map((s) => s?.toLowerCase() ?? null),
            quotes.map((q) => q.direct),
            quotes.map((q) => q.cue),
            quotes.map((q) => q.text),
            quotes.map((q) => q.start),
            quotes.map((q) => q.end),
          ],
        );
      }
      const events = annotations.events;
      if (events.length > 0) {
        await this.query(
          'INSERT INTO events (article_id, idx, category, json) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])',
          [articleId, events.map((_, i) => i), events.map((e) => e.category), events.map((e) => JSON.stringify(e))],
        );
      }
    });
  }

  async getAnnotations(articleId: string): Promise<Annotations | null> {
    const { rows } = await this.query('SELECT json FROM annotations WHERE article_id = $1', [articleId]);
    return rows.length ? (JSON.parse(rows[0].json as string) as Annotations) : null;
  }

  async entityClusters(): Promise<Array<{ articleId: string; clusters: EntityCluster[] }>> {
    // `->` (not `->>`) keeps the clusters as JSON text, so escapes inside names are not decoded server-side.
    const { rows } = await this.query(
      `SELECT n.article_id, (n.json::json -> 'clusters')::text AS clusters FROM annotations n
       JOIN articles a ON a.id = n.article_id ORDER BY a.seq`,
    );
    return rows.map((r) => ({
      articleId: r.article_id as string,
      clusters: JSON.parse((r.clusters as string | null) ?? '[]') as EntityCluster[],
    }));
  }

  async quotes(query: { speaker?: string; limit?: number } = {}): Promise<StoredQuote[]> {
    const params: unknown[] = [rowLimit(query.limit)];
    let where = '';
    if (query.speaker) {
      params.push('%' + query.speaker.toLowerCase().replace(/[\\%_]/g, '\\$&') + '%');
      where = `WHERE q.speaker_norm LIKE $2 ESCAPE '\\'`;
    }
    const { rows } = await this.query(
      `SELECT q.article_id, q.idx, n.json AS ann FROM quotes q JOIN articles a ON a.id = q.article_id
       JOIN annotations n ON n.article_id = q.article_id ${where} ORDER BY a.seq, q.idx LIMIT $1`,
      params,
    );
    const cache = new Map<string, Annotations>();
    return rows.map((r) => {
      const articleId = r.article_id as string;
      let ann = cache.get(articleId);
      if (!ann) cache.set(articleId, (ann = JSON.parse(r.ann as string) as Annotations));
      return { articleId, ...ann.quotes[r.idx as number] };
    });
  }

  async events(query: { category?: string; limit?: number } = {}): Promise<StoredEvent[]> {
    const params: unknown[] = [rowLimit(query.limit)];
    let where = '';
    if (query.category) {
      params.push(query.category.toUpperCase());
      where = 'WHERE e.category = $2';
    }
    const { rows } = await this.query(
      `SELECT e.article_id, e.json FROM events e JOIN articles a ON a.id = e.article_id ${where}
       ORDER BY a.seq, e.idx LIMIT $1`,
      params,
    );
    return rows.map((r) => ({ ...(JSON.parse(r.json as string) as EventAnn), articleId: r.article_id as string }));
  }

  /** One cached relate run at a time; its own lock so two workers saving at once leave one row. */
  saveStories(stamp: string, stories: StoryRecord[], derivations: DerivationRecord[]): Promise<void> {
    return this.atomically(LOCKS.stories, async () => {
      await this.query('DELETE FROM relate_cache');
      await this.query('INSERT INTO relate_cache (stamp, json, at) VALUES ($1, $2, $3)', [
        stamp,
        JSON.stringify({ stories, derivations }),
        new Date().toISOString(),
      ]);
    });
  }

  async pollStates(): Promise<Map<string, string>> {
    const { rows } = await this.query('SELECT key, state FROM poll_state');
    return new Map(rows.map((r) => [r.key as string, r.state as string]));
  }

  async putPollStates(states: ReadonlyArray<readonly [key: string, state: string]>): Promise<void> {
    if (states.length === 0) return;
    // one statement: atomic without a transaction; the last state of a key listed twice wins
    const latest = new Map(states);
    await this.query(
      `INSERT INTO poll_state (key, state, updated_at) SELECT k, s, $3 FROM unnest($1::text[], $2::text[]) AS t(k, s)
       ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      [[...latest.keys()], [...latest.values()], new Date().toISOString()],
    );
  }

  async deletePollStates(keys: readonly string[]): Promise<void> {
    if (keys.length) await this.query('DELETE FROM poll_state WHERE key = ANY($1::text[])', [[...keys]]);
  }

  async getStories(stamp: string): Promise<{ stories: StoryRecord[]; derivations: DerivationRecord[] } | null> {
    const { rows } = await this.query('SELECT json FROM relate_cache WHERE stamp = $1', [stamp]);
    return rows.length ? JSON.parse(rows[0].json as string) : null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
