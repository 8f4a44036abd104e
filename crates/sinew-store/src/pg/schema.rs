//! The PostgreSQL schema, as an ordered list of migration steps numbered like SQLite's.
//!
//! A PostgreSQL store starts at the SQLite schema's version 8 (`crate::schema`, `WORKBENCH`):
//! the first step creates every table of that version at once, since no PostgreSQL store is
//! older. Later steps follow SQLite's, one per version, and a released step never changes.
//! The version lives in the `sinew_meta` table (`schema_version`), which also marks the
//! database (or its `search_path` schema) as Sinew's: tables of another application are
//! refused and left alone.
//!
//! The differences from SQLite's tables are those of the engine: `BIGINT` for integers,
//! `DOUBLE PRECISION` for reals, `BYTEA` for blobs, `BOOLEAN` for `vague`, and every text
//! column collated `"C"` (by bytes, as SQLite and Rust compare), so that the least canonical
//! name, the order of entities and of buckets do not depend on the server's locale.

/// Migration steps, oldest first: `(version reached, SQL)`.
pub(super) const MIGRATIONS: &[(i64, &str)] = &[
    (8, V8),
    (9, V9),
    (10, V10),
    (11, V11),
    (12, V12),
    (13, V13),
    (14, V14),
    (CLAIM_KEY_COUNTS_VERSION, CLAIM_KEY_COUNTS),
    (16, V16),
    (crate::schema::BUCKET_SUMMARIES_VERSION, BUCKET_SUMMARIES),
    (18, V18),
    (19, V19),
    (20, V20),
];

/// The version [`CLAIM_KEY_COUNTS`] reaches: SQLite's step of that name (its place in
/// `crate::schema::MIGRATIONS`), the one number to change if the step moves at a merge.
pub(super) const CLAIM_KEY_COUNTS_VERSION: i64 = 15;

/// The schema version this build writes (the SQLite store's, which the steps follow).
pub(super) const VERSION: i64 = crate::schema::VERSION;

/// The oldest version a read-only open reads (as for SQLite).
pub(super) const OLDEST_READABLE: i64 = crate::schema::OLDEST_READABLE;

/// The table marking a Sinew database, with its schema version.
pub(super) const META: &str = "
CREATE TABLE sinew_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO sinew_meta (key, value) VALUES ('application', 'sinew'), ('schema_version', '0');
";

/// A step's SQL as run: every `TEXT` column collated by bytes.
pub(super) fn sql(step: &str) -> String {
    step.replace(" TEXT", " TEXT COLLATE \"C\"")
}

// The SQLite schema of version 8, whole. Ingest positions (`seq`) and the ids of alerts, runs,
// failures and rules are given by the store (the greatest plus one, under the store's write
// lock), as SQLite's integer keys are, so both stores number alike.
const V8: &str = "
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    site TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    fingerprint BYTEA,
    duplicate_of TEXT
);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE TABLE sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    country TEXT,
    coarse TEXT,
    sector TEXT,
    kind TEXT NOT NULL DEFAULT 'name',
    PRIMARY KEY (doc, ord)
);
CREATE INDEX mentions_canonical ON mentions (canonical);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE quantities (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    value_max DOUBLE PRECISION,
    unit TEXT,
    kind TEXT NOT NULL,
    qualifier TEXT,
    per TEXT,
    vague BOOLEAN NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE times (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    grain TEXT NOT NULL,
    kind TEXT NOT NULL,
    timex TEXT,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE attributions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    source_start BIGINT NOT NULL,
    source_end BIGINT NOT NULL,
    source TEXT NOT NULL,
    cue TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE claims (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    sentence_start BIGINT NOT NULL,
    sentence_end BIGINT NOT NULL,
    subject TEXT,
    object TEXT,
    subject_key TEXT,
    object_key TEXT,
    measure TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT,
    value DOUBLE PRECISION,
    value_max DOUBLE PRECISION,
    time_start TEXT,
    time_end TEXT,
    attribution TEXT,
    modality TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX claims_subject ON claims (subject_key);
CREATE INDEX claims_object ON claims (object_key);
CREATE TABLE diagnostics (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT,
    span_end BIGINT,
    message TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE alerts (
    seq BIGINT PRIMARY KEY,
    raised_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    subject TEXT,
    object TEXT,
    message TEXT NOT NULL,
    UNIQUE (kind, key, doc)
);
CREATE TABLE dup_bands (
    band BIGINT NOT NULL,
    key BYTEA NOT NULL,
    doc BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc)
);
CREATE TABLE analysis_pending (
    doc TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX analysis_pending_seq ON analysis_pending (seq);
CREATE TABLE claim_buckets (
    bucket TEXT NOT NULL,
    doc TEXT NOT NULL,
    ord BIGINT NOT NULL,
    PRIMARY KEY (bucket, doc, ord)
);
CREATE TABLE analysis_buckets (
    bucket TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL
);
CREATE TABLE analysis_flows (
    flow TEXT NOT NULL,
    bucket TEXT NOT NULL,
    PRIMARY KEY (flow, bucket)
);
CREATE INDEX analysis_flows_bucket ON analysis_flows (bucket);
CREATE TABLE analysis_ties (
    doc TEXT PRIMARY KEY NOT NULL,
    ties TEXT NOT NULL
);
CREATE TABLE descriptions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY NOT NULL,
    canonical TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    mentions BIGINT NOT NULL,
    documents BIGINT NOT NULL,
    description_key TEXT,
    description TEXT,
    description_doc TEXT,
    description_start BIGINT,
    description_end BIGINT
);
CREATE INDEX entities_rank ON entities (mentions DESC, documents DESC, id);
CREATE TABLE entity_aliases (
    entity TEXT NOT NULL,
    text TEXT NOT NULL,
    mentions BIGINT NOT NULL,
    PRIMARY KEY (entity, text)
);
CREATE TABLE entity_descriptions (
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    count BIGINT NOT NULL,
    first_seq BIGINT NOT NULL,
    doc TEXT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (entity, key)
);
CREATE TABLE document_kinds (
    doc TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE ingest_runs (
    id BIGINT PRIMARY KEY,
    finished_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    inputs BIGINT NOT NULL,
    documents BIGINT NOT NULL,
    inserted BIGINT NOT NULL,
    failed BIGINT NOT NULL,
    elapsed_ms BIGINT NOT NULL
);
CREATE TABLE ingest_failures (
    seq BIGINT PRIMARY KEY,
    run BIGINT NOT NULL REFERENCES ingest_runs(id),
    failed_at TEXT NOT NULL,
    input TEXT NOT NULL,
    error TEXT NOT NULL
);
CREATE INDEX ingest_failures_input ON ingest_failures (input);
CREATE TABLE alert_rules (
    id BIGINT PRIMARY KEY,
    created_at TEXT NOT NULL,
    name TEXT NOT NULL,
    kinds TEXT,
    entity TEXT,
    measure TEXT
);
";

// Version 9 (SQLite's `BRIEFINGS`): when each briefing was written, with the last alert it saw.
const V9: &str = "
CREATE TABLE briefings (
    id BIGINT PRIMARY KEY,
    written_at TEXT NOT NULL,
    format TEXT NOT NULL,
    focus TEXT,
    last_alert BIGINT NOT NULL
);
";

// Version 10 (SQLite's `EVENTS`): PLOVER events with their actor keys, and the documents
// stored before the step awaiting theirs.
const V10: &str = "
CREATE TABLE events (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    sentence_start BIGINT NOT NULL,
    sentence_end BIGINT NOT NULL,
    category TEXT NOT NULL,
    kind TEXT,
    date TEXT,
    date_end TEXT,
    modality TEXT NOT NULL,
    negated BIGINT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_actors (
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    ord BIGINT NOT NULL,
    PRIMARY KEY (key, doc, ord)
);
CREATE TABLE events_pending (
    doc TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL
);
INSERT INTO events_pending (doc, seq) SELECT id, seq FROM documents;
";

// Version 11 (SQLite's `COMPACT`): a document's annotations but its claims and events packed
// in one `doc_annotations` row (`codec::pack_annotations`, already deflated, so kept out of
// TOAST's own compression), claims and events keyed by `(seq, ord)`, each packed alone
// (`codec::pack_claim`, `codec::pack_event`) with only the columns queries use. After the SQL, the migration packs each stored
// document's rows and claims (`annotations::pack_stored`) and drops the old tables
// (`V11_DROP`).
pub(super) const V11: &str = "
CREATE TABLE doc_annotations (
    seq BIGINT PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    mentions BIGINT NOT NULL,
    quantities BIGINT NOT NULL,
    times BIGINT NOT NULL,
    body BYTEA NOT NULL
);
ALTER TABLE doc_annotations ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE claims_v11 (
    seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    subject_key TEXT,
    object_key TEXT,
    value DOUBLE PRECISION,
    value_max DOUBLE PRECISION,
    body BYTEA NOT NULL,
    CONSTRAINT claims_v11_key PRIMARY KEY (seq, ord)
);
ALTER TABLE claims_v11 ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE events_v11 (
    seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    sentence_start BIGINT NOT NULL,
    sentence_end BIGINT NOT NULL,
    date TEXT,
    date_end TEXT,
    body BYTEA NOT NULL,
    CONSTRAINT events_v11_key PRIMARY KEY (seq, ord)
);
ALTER TABLE events_v11 ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE event_actors_v11 (
    key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    ord BIGINT NOT NULL,
    CONSTRAINT event_actors_v11_key PRIMARY KEY (key, seq, ord)
);
INSERT INTO event_actors_v11 (key, seq, ord)
    SELECT a.key, d.seq, a.ord FROM event_actors a JOIN documents d ON d.id = a.doc;
";

/// The tables [`V11`] packs, dropped once packed, and the claims' new table put in place.
pub(super) const V11_DROP: &str = "
DROP TABLE claims;
ALTER TABLE claims_v11 RENAME TO claims;
CREATE INDEX claims_subject ON claims (subject_key) WHERE subject_key IS NOT NULL;
CREATE INDEX claims_object ON claims (object_key) WHERE object_key IS NOT NULL;
DROP TABLE events;
ALTER TABLE events_v11 RENAME TO events;
CREATE INDEX events_date ON events (date);
DROP TABLE event_actors;
ALTER TABLE event_actors_v11 RENAME TO event_actors;
DROP TABLE sentences;
DROP TABLE mentions;
DROP TABLE quantities;
DROP TABLE times;
DROP TABLE attributions;
DROP TABLE diagnostics;
DROP TABLE descriptions;
";

// Version 12 (SQLite's `PACKED_TEXT`): each document's text packed (`codec::pack_doc_text`,
// deflate; TOAST's own compression of a text is weaker and slower to read) in a `BYTEA`
// column that keeps the name `text`, kept out of TOAST's compression since it is deflated
// already. After the SQL, the migration packs the stored texts into the new column
// (`annotations::pack_texts`), then `V12_SWAP` puts it in the old one's place. The index on
// `duplicate_of`, which no query reads, is dropped, as in SQLite.
pub(super) const V12: &str = "
ALTER TABLE documents ADD COLUMN packed_text BYTEA;
ALTER TABLE documents ALTER COLUMN packed_text SET STORAGE EXTERNAL;
DROP INDEX IF EXISTS documents_duplicate_of;
";

/// The packed texts of [`V12`] put in the place of the old ones.
pub(super) const V12_SWAP: &str = "
ALTER TABLE documents ALTER COLUMN packed_text SET NOT NULL;
ALTER TABLE documents DROP COLUMN text;
ALTER TABLE documents RENAME COLUMN packed_text TO text;
";

// Version 13 (SQLite's `PACKED_BY_DOCUMENT`): a document's claims packed in one `doc_claims`
// row and its events in one `doc_events` row (`codec::pack_doc_claims`, `pack_doc_events`,
// deflated, so kept out of TOAST's compression), the documents filed under their claims'
// parties in `claim_keys` and their events' actors in `event_keys`, and `claim_buckets`
// keyed by `seq`. After the SQL, the migration packs each document's claims and events
// (`annotations::pack_doc_claims`, `pack_doc_events`) and `V13_DROP` drops the old tables.
pub(super) const V13: &str = "
CREATE TABLE doc_claims (
    seq BIGINT PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    claims BIGINT NOT NULL,
    body BYTEA NOT NULL
);
ALTER TABLE doc_claims ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE claim_keys (
    key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (key, seq)
);
INSERT INTO claim_keys (key, seq)
    SELECT subject_key, seq FROM claims WHERE subject_key IS NOT NULL
    UNION SELECT object_key, seq FROM claims WHERE object_key IS NOT NULL;
CREATE TABLE claim_buckets_v13 (
    bucket TEXT NOT NULL,
    seq BIGINT NOT NULL,
    ord BIGINT NOT NULL,
    CONSTRAINT claim_buckets_v13_key PRIMARY KEY (bucket, seq, ord)
);
INSERT INTO claim_buckets_v13 (bucket, seq, ord)
    SELECT b.bucket, d.seq, b.ord FROM claim_buckets b JOIN documents d ON d.id = b.doc;
CREATE TABLE doc_events (
    seq BIGINT PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    body BYTEA NOT NULL
);
ALTER TABLE doc_events ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE event_keys (
    key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (key, seq)
);
INSERT INTO event_keys (key, seq) SELECT DISTINCT key, seq FROM event_actors;
";

/// The tables [`V13`] replaces, dropped once the claims are packed.
pub(super) const V13_DROP: &str = "
DROP TABLE claims;
DROP TABLE claim_buckets;
ALTER TABLE claim_buckets_v13 RENAME TO claim_buckets;
DROP TABLE events;
DROP TABLE event_actors;
";

// Version 14 (SQLite's `VAGUE_FIGURES`): the kept analysis is dropped and every document
// marked for analysis again, so that groups whose statements are all vague get their mark.
const V14: &str = "
DELETE FROM analysis_flows;
DELETE FROM analysis_buckets;
DELETE FROM claim_buckets;
INSERT INTO analysis_pending (doc, seq) SELECT id, seq FROM documents ON CONFLICT DO NOTHING;
";

// SQLite's `CLAIM_KEY_COUNTS`: each (key, document) of `claim_keys` keeps how many of the
// document's claims the key finds, so an entity page counts without unpacking. After the
// SQL the migration counts the claims stored before (`annotations::count_claim_keys`).
pub(super) const CLAIM_KEY_COUNTS: &str = "
ALTER TABLE claim_keys ADD COLUMN claims BIGINT NOT NULL DEFAULT 0;
";

// Version 16 (SQLite's `PEOPLE_FLOWS`): the kept analysis is dropped and every document
// marked for analysis again, so that people sent and people lost get their own kinds.
const V16: &str = "
DELETE FROM analysis_flows;
DELETE FROM analysis_buckets;
DELETE FROM claim_buckets;
INSERT INTO analysis_pending (doc, seq) SELECT id, seq FROM documents ON CONFLICT DO NOTHING;
";

// SQLite's `BUCKET_SUMMARIES` (its number is `crate::schema::BUCKET_SUMMARIES_VERSION`, the
// one place it is written): each bucket state gets the summary a briefing reads, written with
// the state; the states kept before have none until `sinew alerts` fills them.
const BUCKET_SUMMARIES: &str = "
ALTER TABLE analysis_buckets ADD COLUMN summary TEXT;
";

// Version 18 (SQLite's `BUCKET_DIGESTS`): the summaries a v17 build wrote are cleared, and the
// next `sinew alerts` writes this build's digests in their place.
const V18: &str = "
UPDATE analysis_buckets SET summary = NULL;
";

// Version 19 (SQLite's `LAST_DOC`): the last document each briefing saw; NULL for those
// recorded before.
const V19: &str = "
ALTER TABLE briefings ADD COLUMN last_doc BIGINT;
";

// Version 20 (SQLite's `COMPACT_DIGESTS`): the digests a v18 or v19 build wrote are cleared,
// and the next `sinew alerts` writes this build's compact ones in their place.
const V20: &str = "
UPDATE analysis_buckets SET summary = NULL WHERE summary IS NOT NULL;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_reach_the_sqlite_schema_version_in_order() {
        // A step added to SQLite's schema (`crate::schema::MIGRATIONS`) needs its PostgreSQL
        // twin here, and its tables in `migrate.rs`'s list: without it a PostgreSQL store
        // would claim a version whose tables it lacks.
        let versions: Vec<i64> = MIGRATIONS.iter().map(|(v, _)| *v).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(versions.last().copied(), Some(VERSION), "{versions:?}");
    }
}
