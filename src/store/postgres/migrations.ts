/**
 * PostgreSQL schema: the same tables, columns and meaning as the SQLite schema (../sqlite/migrations.ts),
 * so both stores answer identically. Append new steps; never edit old ones: a database records each
 * applied step in `parallax_schema`.
 *
 * Type choices, all made so results equal SqliteStore's:
 * - JSON columns are TEXT, not JSONB: JSONB reorders keys and normalises numbers, so an article read
 *   back would differ from what was written (and from SQLite). Queries cast to `json` where they look inside.
 * - Times are TEXT holding the ISO 8601 strings the store writes, as in SQLite.
 * - Ids and other text that is sorted or range-scanned use COLLATE "C" (byte order, as SQLite), so
 *   ordering and id-prefix lookups do not depend on the server's locale.
 * - Ingest order (`seq`) and row ids are BIGSERIAL; band keys are unsigned 32-bit, so BIGINT.
 */
export const PG_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'raw records, articles, origins, errors, duplicates, LSH bands',
    sql: `
      CREATE TABLE raw (
        id          TEXT COLLATE "C" PRIMARY KEY,  -- content hash of the payload bytes
        type        TEXT NOT NULL,                 -- 'html' | 'text'
        bytes       BYTEA NOT NULL,                -- the input exactly as read: nothing is lost
        hints       TEXT NOT NULL,                 -- JSON RecordHints from the container
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE origins (
        raw_id  TEXT COLLATE "C" NOT NULL REFERENCES raw(id),
        path    TEXT NOT NULL,
        url     TEXT,
        reader  TEXT NOT NULL,
        locator TEXT NOT NULL DEFAULT '',          -- WARC record id / byte offset / line / feed item
        json    TEXT NOT NULL,                     -- full RawOrigin
        seq     BIGSERIAL PRIMARY KEY,
        UNIQUE (raw_id, path, locator)
      );
      CREATE INDEX origins_raw ON origins(raw_id);
      CREATE TABLE articles (
        id            TEXT COLLATE "C" PRIMARY KEY REFERENCES raw(id),
        seq           BIGSERIAL NOT NULL UNIQUE,   -- ingest order
        title         TEXT,
        published_at  TEXT,
        outlet        TEXT COLLATE "C",
        byline        TEXT,
        language      TEXT COLLATE "C",
        url           TEXT,
        canonical_url TEXT,
        text          TEXT NOT NULL,
        text_hash     TEXT COLLATE "C" NOT NULL,
        dateline      TEXT,                        -- JSON Dateline
        meta_sources  TEXT NOT NULL,               -- JSON
        removals      TEXT NOT NULL,               -- JSON Removal[]
        repairs       TEXT NOT NULL,               -- JSON Repair[]
        quality       TEXT NOT NULL,               -- JSON QualitySignals
        spam_score    DOUBLE PRECISION NOT NULL,
        garble_score  DOUBLE PRECISION NOT NULL,
        signature     BYTEA NOT NULL               -- MinHash signature (Uint32 little-endian)
      );
      CREATE INDEX articles_text_hash ON articles(text_hash);
      CREATE INDEX articles_outlet ON articles(outlet);
      CREATE TABLE lsh_keys (
        key        BIGINT NOT NULL,
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id)
      );
      CREATE INDEX lsh_keys_key ON lsh_keys(key);
      CREATE TABLE duplicates (
        a          TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        b          TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        kind       TEXT NOT NULL,                  -- 'exact' | 'near'
        similarity DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (a, b)
      );
      CREATE INDEX duplicates_b ON duplicates(b);
      CREATE TABLE errors (
        id       BIGSERIAL PRIMARY KEY,
        path     TEXT NOT NULL,
        url      TEXT,
        locator  TEXT NOT NULL DEFAULT '',
        stage    TEXT NOT NULL,
        code     TEXT COLLATE "C" NOT NULL,
        message  TEXT NOT NULL,
        origin   TEXT NOT NULL,                    -- JSON RawOrigin
        at       TEXT NOT NULL,                    -- last time it happened
        attempts INTEGER NOT NULL DEFAULT 1,       -- re-runs hitting the same failure bump this, not the row count
        UNIQUE (path, locator, stage, code)
      );
    `,
  },
  {
    version: 2,
    name: 'annotation layers per article (entities, quotes, events, times), query tables, relate cache',
    sql: `
      CREATE TABLE annotations (
        article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
        version    INTEGER NOT NULL,               -- annotator version: older layers are recomputed
        json       TEXT NOT NULL,                  -- the whole stand-off Annotations object
        at         TEXT NOT NULL
      );
      CREATE TABLE quotes (
        article_id   TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        idx          INTEGER NOT NULL,
        speaker      TEXT,                         -- canonical speaker name
        speaker_norm TEXT,                         -- lower-case, for --speaker lookups
        direct       BOOLEAN NOT NULL,
        cue          TEXT,
        text         TEXT NOT NULL,
        start        INTEGER NOT NULL,
        "end"        INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
      );
      CREATE INDEX quotes_speaker ON quotes(speaker_norm);
      CREATE TABLE events (
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        idx        INTEGER NOT NULL,
        category   TEXT NOT NULL,
        json       TEXT NOT NULL,                  -- the EventAnn
        PRIMARY KEY (article_id, idx)
      );
      CREATE INDEX events_category ON events(category);
      CREATE TABLE relate_cache (
        stamp TEXT PRIMARY KEY,                    -- identifies the corpus state the stories were computed on
        json  TEXT NOT NULL,
        at    TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'full-text search over titles and clean text',
    // A table beside articles (so reading an article never drags its tsvector along). Building a
    // tsvector costs as much as the rest of an article's write, and writes hold the corpus-wide write
    // lock: so an insert only queues its article in search_pending (a trigger, in the same
    // transaction), and the store indexes the queue after the commit, outside the lock, and again
    // before each search (so a worker killed in between leaves nothing unsearchable).
    // English stemming; the title weighs A, the text B (ts_rank_cd counts A most). A tsvector holds
    // at most 1 MB: the first 200,000 characters of a text are indexed, far past any article (a giant
    // page must not fail). Accents are not folded (that needs the unaccent extension, which a managed
    // database may not allow).
    sql: `
      CREATE TABLE article_search (
        article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
        search     tsvector NOT NULL
      );
      CREATE INDEX article_search_gin ON article_search USING GIN (search);
      CREATE TABLE search_pending (
        article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id)
      );
      CREATE FUNCTION parallax_article_tsvector(title TEXT, body TEXT) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
                  || setweight(to_tsvector('english', left(body, 200000)), 'B') $$;
      CREATE FUNCTION parallax_queue_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_pending (article_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$;
      CREATE TRIGGER articles_search_queue AFTER INSERT ON articles
        FOR EACH ROW EXECUTE FUNCTION parallax_queue_for_search();
      INSERT INTO article_search (article_id, search) SELECT id, parallax_article_tsvector(title, text) FROM articles;
    `,
  },
  {
    version: 4,
    name: 'look up origins by URL',
    // Following feed links asks "do we have this URL already?" once per item, on every poll.
    sql: `CREATE INDEX origins_url ON origins(url) WHERE url IS NOT NULL;`,
  },
  {
    version: 5,
    name: 'the extract version that made each article',
    // `parallax reextract` re-runs extraction over the kept raw bytes of articles an older version made;
    // articles stored before this step count as version 0 (unknown, so older than any).
    sql: `ALTER TABLE articles ADD COLUMN extract_version INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 6,
    name: 'feed items standing in for a page that failed to fetch',
    // --follow-links keeps a feed item when its page cannot be had; when the failure may pass (a
    // timeout, a 503) the origin records its code, and such an origin does not hold the link (the next
    // poll fetches the page again). The column is the RawOrigin's linkFailed, kept out of the JSON's
    // reach so the URL lookup can test it.
    sql: `ALTER TABLE origins ADD COLUMN link_failed TEXT;`,
  },
  {
    version: 7,
    name: 'feed items standing in for a page that was refused',
    // Only a fetched page, a record from another container, or a feed item kept because its page was
    // refused for good (RawOrigin.linkRefused) holds a link for --follow-links. A feed item read
    // without following links does not, so following them later fetches its page.
    sql: `ALTER TABLE origins ADD COLUMN link_refused TEXT;`,
  },
  {
    version: 8,
    name: 'what parallax watch remembers of the sources it polls',
    // One row per polled source: a URL's ETag and Last-Modified, a file's size and modification
    // time, as JSON the store does not read. `watch --once` from cron reads only what changed.
    sql: `CREATE TABLE poll_state (
      key        TEXT PRIMARY KEY,
      state      TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );`,
  },
  {
    version: 9,
    name: 'documents and URLs deleted and kept out of later ingests',
    // `parallax delete --keep-out` (a takedown): the deleted documents' ids and every URL they were
    // read from or name as theirs; ingest, watch and enqueue pass over records that match one.
    sql: `CREATE TABLE kept_out (
      key   TEXT PRIMARY KEY,       -- a raw document id, or a URL
      kind  TEXT NOT NULL,          -- 'document' | 'url'
      title TEXT,                   -- the deleted article's title, to recognise the entry by
      at    TEXT NOT NULL
    );`,
  },
  {
    version: 10,
    name: 'full-text search ignores accents',
    // "Sao Paulo" finds "São Paulo" and "Erdogan" finds "Erdoğan", as in SQLite (FTS5's
    // remove_diacritics). The unaccent extension would do it in SQL, but a managed database may not
    // allow extensions, and translate() over the whole table of accented letters costs ~250 ms per
    // 200,000 characters: the store folds titles, texts and queries itself (foldForSearch) and
    // indexes the folded words. Every article is queued here to be indexed again so; until the
    // store has done it (at its next write or search) the old entries answer.
    sql: `INSERT INTO search_pending (article_id) SELECT id FROM articles ON CONFLICT DO NOTHING;`,
  },
];
