/**
 * Schema migrations, applied in order inside one transaction each. Append new steps; never edit old ones:
 * a user's database records the highest version applied in `PRAGMA user_version`.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'raw records, articles, origins, errors, duplicates, LSH bands',
    sql: `
      CREATE TABLE raw (
        id          TEXT PRIMARY KEY,          -- content hash of the payload bytes
        type        TEXT NOT NULL,             -- 'html' | 'text'
        bytes       BLOB NOT NULL,             -- the input exactly as read: nothing is lost
        hints       TEXT NOT NULL,             -- JSON RecordHints from the container
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE origins (
        raw_id  TEXT NOT NULL REFERENCES raw(id),
        path    TEXT NOT NULL,
        url     TEXT,
        reader  TEXT NOT NULL,
        locator TEXT NOT NULL DEFAULT '',      -- WARC record id / byte offset / line / feed item
        json    TEXT NOT NULL,                 -- full RawOrigin
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        UNIQUE (raw_id, path, locator)
      );
      CREATE INDEX origins_raw ON origins(raw_id);
      CREATE TABLE articles (
        id            TEXT PRIMARY KEY REFERENCES raw(id),
        seq           INTEGER NOT NULL UNIQUE,  -- ingest order
        title         TEXT,
        published_at  TEXT,
        outlet        TEXT,
        byline        TEXT,
        language      TEXT,
        url           TEXT,
        canonical_url TEXT,
        text          TEXT NOT NULL,
        text_hash     TEXT NOT NULL,
        dateline      TEXT,                     -- JSON Dateline
        meta_sources  TEXT NOT NULL,            -- JSON
        removals      TEXT NOT NULL,            -- JSON Removal[]
        repairs       TEXT NOT NULL,            -- JSON Repair[]
        quality       TEXT NOT NULL,            -- JSON QualitySignals
        spam_score    REAL NOT NULL,
        garble_score  REAL NOT NULL,
        signature     BLOB NOT NULL             -- MinHash signature (Uint32 little-endian)
      );
      CREATE INDEX articles_text_hash ON articles(text_hash);
      CREATE INDEX articles_outlet ON articles(outlet);
      CREATE TABLE lsh_keys (
        key        INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id)
      );
      CREATE INDEX lsh_keys_key ON lsh_keys(key);
      CREATE TABLE duplicates (
        a          TEXT NOT NULL REFERENCES articles(id),
        b          TEXT NOT NULL REFERENCES articles(id),
        kind       TEXT NOT NULL,               -- 'exact' | 'near'
        similarity REAL NOT NULL,
        PRIMARY KEY (a, b)
      );
      CREATE INDEX duplicates_b ON duplicates(b);
      CREATE TABLE errors (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        path    TEXT NOT NULL,
        url     TEXT,
        locator TEXT NOT NULL DEFAULT '',
        stage   TEXT NOT NULL,
        code    TEXT NOT NULL,
        message TEXT NOT NULL,
        origin  TEXT NOT NULL,                  -- JSON RawOrigin
        at      TEXT NOT NULL,                  -- last time it happened
        attempts INTEGER NOT NULL DEFAULT 1,    -- re-runs hitting the same failure bump this, not the row count
        UNIQUE (path, locator, stage, code)
      );
    `,
  },
  {
    version: 2,
    name: 'annotation layers per article (entities, quotes, events, times), query tables, relate cache',
    sql: `
      CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        version    INTEGER NOT NULL,           -- annotator version: older layers are recomputed
        json       TEXT NOT NULL,              -- the whole stand-off Annotations object
        at         TEXT NOT NULL
      );
      CREATE TABLE quotes (
        article_id   TEXT NOT NULL REFERENCES articles(id),
        idx          INTEGER NOT NULL,
        speaker      TEXT,                     -- canonical speaker name
        speaker_norm TEXT,                     -- lower-case, for --speaker lookups
        direct       INTEGER NOT NULL,
        cue          TEXT,
        text         TEXT NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
      );
      CREATE INDEX quotes_speaker ON quotes(speaker_norm);
      CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx        INTEGER NOT NULL,
        category   TEXT NOT NULL,
        json       TEXT NOT NULL,              -- the EventAnn
        PRIMARY KEY (article_id, idx)
      );
      CREATE INDEX events_category ON events(category);
      CREATE TABLE relate_cache (
        stamp TEXT PRIMARY KEY,                -- identifies the corpus state the stories were computed on
        json  TEXT NOT NULL,
        at    TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'full-text search over titles and clean text',
    // External content: the index points into `articles` (rowid = seq) and keeps no second copy of
    // the text. Porter stemming ("signed" finds "sign") over Unicode words with accents folded
    // ("Müller" finds "Muller"). Articles are only ever inserted; the delete and update triggers keep
    // the index right should that change. 'rebuild' indexes a database made before this step.
    sql: `
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
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
];
