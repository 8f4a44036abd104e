//! The schema, as an ordered list of migration steps.
//!
//! Step `i` (0-based) takes a database from `PRAGMA user_version = i` to `i + 1`. A released
//! step never changes: a new schema is a new step appended here, with a fixture of the previous
//! version under `tests/fixtures/`.

/// `PRAGMA application_id` of a Sinew database ("SINW" in ASCII), so that another application's
/// SQLite file is recognised and left alone.
pub(crate) const APPLICATION_ID: i32 = 0x5349_4E57;

/// Migration steps, oldest first.
pub(crate) const MIGRATIONS: &[&str] = &[
    V1,
    V2,
    V3,
    DUP_BANDS,
    ANALYSIS,
    ENTITIES,
    CONCEPTS,
    WORKBENCH,
    BRIEFINGS,
    EVENTS,
    COMPACT,
    PACKED_TEXT,
    PACKED_BY_DOCUMENT,
    VAGUE_FIGURES,
    CLAIM_KEY_COUNTS,
    PEOPLE_FLOWS,
    BUCKET_SUMMARIES,
    BUCKET_DIGESTS,
    LAST_DOC,
    COMPACT_DIGESTS,
];

/// The version [`BUCKET_SUMMARIES`] reaches (its place in [`MIGRATIONS`], checked by a test):
/// PostgreSQL's step of that name takes its number from here.
pub(crate) const BUCKET_SUMMARIES_VERSION: i64 = 17;

/// The schema version this build writes: the number of migration steps.
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// The oldest schema version a read-only open accepts: every read call works on it without a
/// migration. Raise it to a step's version when a read call starts using what that step adds;
/// a step read only by writers (such as [`DUP_BANDS`], read by ingest to link near-duplicates)
/// leaves it. [`ANALYSIS`] (v5) is read by ledger, graph and report; [`ENTITIES`] (v6) by
/// every call that lists entities; [`CONCEPTS`] (v7) by ledger, graph and report, whose
/// stored analysis before it is keyed and judged the old way. [`WORKBENCH`] (v8) is read
/// only through its own calls (ingest runs, alert rules), which answer "none kept" on a v7
/// store opened read-only, so it leaves the floor at 7; [`BRIEFINGS`] (v9) likewise (no
/// briefing recorded). [`EVENTS`] (v10) is read by
/// `events` and `annotations`, which answer "no events kept" on a v7-v9 store opened
/// read-only (its documents' events are read when a write command migrates it), so the floor
/// stayed at 7. [`COMPACT`] (v11) moves what `annotations`, `claims`, `ledger`, `graph`,
/// `report` and `stats` read (the packed annotations, claims keyed by `seq`), so the floor is
/// 11: an older store is read after one write command has migrated it. [`PACKED_TEXT`] (v12)
/// packs each document's text in the column it was in, and every read takes the text as
/// written before (a TEXT value) or packed (a BLOB), so a v11 store still reads as it is and
/// the floor stays at 11. [`PACKED_BY_DOCUMENT`] (v13) moves what every claim- and
/// event-reading call reads (claims and events packed a document at a time, the bucket index
/// keyed by `seq`), so the floor is 13: an older store is read after one write command has
/// migrated it. [`VAGUE_FIGURES`] (v14) changes only the kept analysis (a group whose
/// statements are all vague says so): a v13 store opened read-only still reads, its
/// vague-only figures shown as before until a write command migrates it, so the floor stays
/// at 13; [`PEOPLE_FLOWS`] (v16) likewise changes only the kept analysis. [`BUCKET_SUMMARIES`]
/// (v17) adds a column that `report` reads where it is, and a state without one (or a v16
/// store opened read-only, without the column) is read whole as before, so the floor stays;
/// [`BUCKET_DIGESTS`] (v18) only clears it, and a v17 summary read where a v17 store is opened
/// read-only still gives the same briefing, so the floor stays. [`LAST_DOC`] (v19) adds a
/// column only `last_briefing` reads, and it reads a store without it as one whose briefings
/// kept no last document, so the floor stays. [`COMPACT_DIGESTS`] (v20) only clears the
/// summaries, and a v18 or v19 digest read where such a store is opened read-only gives the
/// same briefing, so the floor stays.
pub(crate) const OLDEST_READABLE: i64 = 13;

/// Work a step needs beyond its SQL, run in the migration's transaction right after it.
pub(crate) fn after_step(tx: &rusqlite::Transaction<'_>, step: &str) -> rusqlite::Result<()> {
    if step == DUP_BANDS {
        // The band keys are computed in Rust (`Fingerprint::bands`), so the documents stored
        // before the step are filed here rather than in SQL.
        crate::near_dups::backfill(tx)?;
    }
    if step == COMPACT {
        // Packing is done in Rust (`codec::pack_annotations`): the rows of the old tables are
        // read a document at a time, packed, and the tables dropped.
        crate::sqlite::legacy::pack_stored(tx)?;
        tx.execute_batch(COMPACT_DROP)?;
    }
    if step == PACKED_TEXT {
        // Deflate is Rust's (`codec::pack_doc_text`), so the texts are packed here.
        crate::sqlite::legacy::pack_texts(tx)?;
    }
    if step == PACKED_BY_DOCUMENT {
        // The claims and events packed alone are unpacked and packed again a document at a
        // time (`codec::pack_doc_claims`, `codec::pack_doc_events`), then the old tables
        // dropped.
        crate::sqlite::legacy::pack_doc_claims(tx)?;
        crate::sqlite::legacy::pack_doc_events(tx)?;
        tx.execute_batch(PACKED_BY_DOCUMENT_DROP)?;
    }
    if step == CLAIM_KEY_COUNTS {
        // The counts come from the packed claims, unpacked in Rust.
        crate::sqlite::legacy::count_claim_keys(tx)?;
    }
    Ok(())
}

// Child tables are keyed (doc, ord): the primary key doubles as the index on `doc`, and `ord`
// keeps each list in the order extraction produced it. Spans are `span_start`/`span_end`
// because `END` is an SQL keyword.
const V1: &str = "
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    site TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    country TEXT,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX mentions_canonical ON mentions (canonical);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE quantities (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    value_max REAL,
    unit TEXT,
    kind TEXT NOT NULL,
    qualifier TEXT,
    per TEXT,
    vague INTEGER NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE times (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
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
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    source TEXT NOT NULL,
    cue TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE TABLE claims (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    subject TEXT,
    object TEXT,
    subject_key TEXT,
    object_key TEXT,
    measure TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT,
    value REAL,
    value_max REAL,
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
    ord INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    message TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
";

// Near-duplicate grouping. `fingerprint` is the document's MinHash signature, its values as
// little-endian u32s one after another (NULL when the text was too short, or the document was
// stored before this step); `duplicate_of` is the first stored document of its group. No
// foreign key: the link is a finding about text, and stays readable even if the first
// document were ever removed. The index answers "every copy of X".
const V2: &str = "
ALTER TABLE documents ADD COLUMN fingerprint BLOB;
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
";

// Alerts raised on ingest: a new claim that contradicts a standing figure, a new flow. One
// alert per (kind, key, doc): a re-run raises nothing twice. `doc` has no foreign key, like
// `duplicate_of`: an alert is a finding about the corpus at the time it was raised.
const V3: &str = "
CREATE TABLE alerts (
    seq INTEGER PRIMARY KEY,
    raised_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    subject TEXT,
    object TEXT,
    message TEXT NOT NULL,
    UNIQUE (kind, key, doc)
);
";

// The near-duplicate index on disk: each fingerprint filed under each of its LSH bands
// (`Fingerprint::bands`: band number, and the band's values as little-endian u32s), so that
// ingest finds a new document's candidates by a few index lookups instead of loading every
// fingerprint. `doc` is the document's `seq`, smaller than its id; rows are written in the
// document's transaction, and the step files the documents stored before it.
const DUP_BANDS: &str = "
CREATE TABLE dup_bands (
    band INTEGER NOT NULL,
    key BLOB NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc)
) WITHOUT ROWID;
";

// Analysis kept between runs (sinew-analysis `state.rs`), so that ledger, graph and alerts
// read results instead of recomputing them, and an ingest recomputes only the grouping
// buckets its claims touch.
// - `analysis_pending`: documents stored but not yet analysed, written in the transaction that
//   stores them and deleted in the one that stores their analysis, so a killed run leaves
//   them for the next. Documents stored before this step are pending: the first run analyses
//   them (raising no alerts, as nothing was analysed before).
// - `claim_buckets`: each analysed claim's bucket (the key is computed by sinew-analysis,
//   which the store does not know), so "every claim of bucket K" is an index range.
// - `analysis_buckets`: one state per bucket, as sinew-analysis's JSON.
// - `analysis_flows`: which flows each bucket's groups make, so a new-flow alert asks
//   "does any other bucket show this flow" without reading states.
// - `analysis_ties`: each analysed document's political ties, as JSON (none: no row).
// No foreign keys, like `alerts`: these are derived, and rebuilt from the documents.
const ANALYSIS: &str = "
CREATE TABLE analysis_pending (
    doc TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL
);
INSERT INTO analysis_pending (doc, seq) SELECT id, seq FROM documents;
CREATE TABLE claim_buckets (
    bucket TEXT NOT NULL,
    doc TEXT NOT NULL,
    ord INTEGER NOT NULL,
    PRIMARY KEY (bucket, doc, ord)
) WITHOUT ROWID;
CREATE TABLE analysis_buckets (
    bucket TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL
);
CREATE TABLE analysis_flows (
    flow TEXT NOT NULL,
    bucket TEXT NOT NULL,
    PRIMARY KEY (flow, bucket)
) WITHOUT ROWID;
CREATE INDEX analysis_flows_bucket ON analysis_flows (bucket);
CREATE TABLE analysis_ties (
    doc TEXT PRIMARY KEY NOT NULL,
    ties TEXT NOT NULL
);
";

// Entities kept whole (v6), so that listing them reads one row per entity instead of grouping
// every mention, and mentions and descriptions keep what extraction found.
// - `mentions` gain `coarse` and `sector` (NULL on rows stored before this step: the class
//   their type implies, no sector) and `kind` (`name` or `nominal`).
// - `descriptions`: what each article says an entity is (`Annotations::descriptions`).
// - `entities`: one row per entity id, kept current by every put in its transaction
//   (`entities.rs`): the least canonical name and type and the greatest country and sector
//   over its mentions (so mentions that disagree give one answer whatever their order),
//   mention and document counts, and the chosen description with its citation.
// - `entity_aliases`: each distinct surface form of an entity's names, with its count.
// - `entity_descriptions`: each distinct description of an entity, by its normalised text,
//   with its count and its first occurrence (document seq, then span), from which the chosen
//   one is picked.
// The store never deletes or replaces a document (a put of a stored id changes nothing), so
// the aggregates only grow; the step computes them from the mentions already stored. No
// foreign keys on the aggregates: they are derived, and rebuilt from the mentions.
const ENTITIES: &str = "
ALTER TABLE mentions ADD COLUMN coarse TEXT;
ALTER TABLE mentions ADD COLUMN sector TEXT;
ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
CREATE TABLE descriptions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
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
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    description_key TEXT,
    description TEXT,
    description_doc TEXT,
    description_start INTEGER,
    description_end INTEGER
);
CREATE INDEX entities_rank ON entities (mentions DESC, documents DESC, id);
CREATE TABLE entity_aliases (
    entity TEXT NOT NULL,
    text TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity, text)
) WITHOUT ROWID;
CREATE TABLE entity_descriptions (
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    doc TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (entity, key)
) WITHOUT ROWID;
INSERT INTO entities (id, canonical, type, country, sector, mentions, documents)
    SELECT entity_id, min(canonical), min(type), max(country), NULL, count(*),
        count(DISTINCT doc)
    FROM mentions GROUP BY entity_id;
INSERT INTO entity_aliases (entity, text, mentions)
    SELECT entity_id, text, count(*) FROM mentions GROUP BY entity_id, text;
";

// Figures grouped by concept key (v7): buckets are keyed by the first known actor, the unit's
// dimension and the rate (no longer by both actors and the currency), verdicts count sources
// once (attribution, derivative digests) and name one-source groups `single`. The analysis
// kept before the step is keyed and judged the old way, so the step drops it and marks every
// document for analysis again; the next write run recomputes it without raising alerts (with
// nothing analysed, the documents set the baseline). `document_kinds` keeps each analysed
// document's `SourceKind`, read from its text by the analysis that first reads it, so later
// runs read it with the document's header instead of its text.
const CONCEPTS: &str = "
CREATE TABLE document_kinds (
    doc TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL
) WITHOUT ROWID;
DELETE FROM analysis_flows;
DELETE FROM analysis_buckets;
DELETE FROM claim_buckets;
INSERT OR IGNORE INTO analysis_pending (doc, seq) SELECT id, seq FROM documents;
";

// The workbench's own records (v8): what each ingest run did and which inputs failed, and the
// alert rules an analyst sets.
// - `ingest_runs`: one row per ingest run that reached the store (command line or upload),
//   written after its documents were committed, so a failure to record it never loses them.
// - `ingest_failures`: each input (path, URL or upload name) a run could not read, with the
//   error's text; `run` names the row of `ingest_runs`. Kept for the record, newest read
//   first: an input that failed and later succeeded still shows its old failure, dated.
// - `alert_rules`: what an analyst wants flagged among the alerts: kinds (comma-separated
//   alert kinds, NULL for any), an entity that must be the alert's subject or object, a
//   word the alert must say. Rules only label alerts, they never suppress one, so a rule
//   added later applies to alerts raised before it.
// No foreign keys to documents, like `alerts`: these are records about runs.
const WORKBENCH: &str = "
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    finished_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    inputs INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL
);
CREATE TABLE ingest_failures (
    seq INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES ingest_runs(id),
    failed_at TEXT NOT NULL,
    input TEXT NOT NULL,
    error TEXT NOT NULL
);
CREATE INDEX ingest_failures_input ON ingest_failures (input);
CREATE TABLE alert_rules (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    name TEXT NOT NULL,
    kinds TEXT,
    entity TEXT,
    measure TEXT
);
";

// When each briefing was written (v9), so that the next one says what changed since the last
// (the alerts raised after it). One row per briefing written through `sinew report`; the
// focus in words, NULL for the whole store; `last_alert` the `seq` of the last alert stored
// when it was written (0 for none), so "raised since" is exact whatever the clock. A record
// about the store's use, like `ingest_runs`: nothing rebuilds it.
const BRIEFINGS: &str = "
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    written_at TEXT NOT NULL,
    format TEXT NOT NULL,
    focus TEXT,
    last_alert INTEGER NOT NULL
);
";

// PLOVER events (v10), kept with each document like claims: `Event` as JSON, plus the columns
// a listing filters and sorts on (category, kind, date, modality) and the trigger and
// sentence spans.
// - `events`: one row per event of a document, in extraction order (`ord`); `date` indexed
//   for listing by date.
// - `event_actors`: each event filed under the keys of its actors (source and target): the
//   lower-case canonical name, and `iso3:` with the lower-case country code, so "every event
//   of X" is an index range whichever way the actor was named.
// - `events_pending`: documents stored before this step, whose events the engine reads from
//   their stored annotations at its next write run (`Store::put_events` clears the mark).
//   Documents stored from this step on carry their events in the put.
const EVENTS: &str = "
CREATE TABLE events (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    category TEXT NOT NULL,
    kind TEXT,
    date TEXT,
    date_end TEXT,
    modality TEXT NOT NULL,
    negated INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_actors (
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    ord INTEGER NOT NULL,
    PRIMARY KEY (key, doc, ord)
) WITHOUT ROWID;
CREATE TABLE events_pending (
    doc TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL
);
INSERT INTO events_pending (doc, seq) SELECT id, seq FROM documents;
";

// A smaller store (v11): 43 KB of store per 4.4 KB article at v10, mostly the same facts kept
// several times over in rows keyed by 16-character text ids.
// - `doc_annotations`: one row per document, keyed by its `seq`, holding what only "this
//   document's annotations" reads (sentences, mentions, quantities, times, attributions,
//   diagnostics, descriptions) packed in one value (`codec::pack_annotations`: deflated JSON,
//   figures as exact bits), with the counts `stats` sums. It replaces seven tables, their
//   `(doc, ord)` indexes and the two mention indexes no query used (entities are listed from
//   the `entities` aggregates).
// - `claims`: keyed by `(seq, ord)` instead of `(doc, ord)`, the claim packed alone
//   (`codec::pack_claim`: its JSON compressed by LZ4 against a dictionary of the words every
//   claim repeats) plus the columns a query filters, sorts or reads without unpacking (the
//   span, the lower-case subject and object keys, the exact figures); the columns that
//   repeated the JSON are gone. The key indexes leave out claims without that party.
// - `events` and `event_actors`: keyed by `(seq, ord)` likewise, each event packed alone
//   (`codec::pack_event`, LZ4 against PLOVER's words) with the columns the listing filters on
//   (dates) and reads without unpacking (the sentence's span); the columns no query read
//   (category, kind, modality, negation, trigger span) are in the packed event only.
// The step's SQL makes the new tables; `after_step` packs each stored document's rows and
// claims (`sqlite::legacy::pack_stored`), then drops the old tables (`COMPACT_DROP`).
const COMPACT: &str = "
CREATE TABLE doc_annotations (
    seq INTEGER PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    quantities INTEGER NOT NULL,
    times INTEGER NOT NULL,
    body BLOB NOT NULL
);
CREATE TABLE claims_v11 (
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    subject_key TEXT,
    object_key TEXT,
    value REAL,
    value_max REAL,
    body BLOB NOT NULL,
    PRIMARY KEY (seq, ord)
);
CREATE TABLE events_v11 (
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    date TEXT,
    date_end TEXT,
    body BLOB NOT NULL,
    PRIMARY KEY (seq, ord)
);
CREATE TABLE event_actors_v11 (
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    PRIMARY KEY (key, seq, ord)
) WITHOUT ROWID;
INSERT INTO event_actors_v11 (key, seq, ord)
    SELECT a.key, d.seq, a.ord FROM event_actors a JOIN documents d ON d.id = a.doc;
";

/// The tables [`COMPACT`] packs, dropped once packed, and the claims' new table put in place.
const COMPACT_DROP: &str = "
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

// Document text packed (v12): the text was a third of a v11 store and the largest single part
// of it (4.4 KB an article, most of it spilling onto overflow pages). `documents.text` keeps
// its name and place, and holds the text packed (`codec::pack_doc_text`: a layout byte, then
// deflate) as a BLOB, which SQLite keeps as given in a TEXT column; a value written before
// the step is a TEXT and reads as it is. What cut a quote or an event's sentence out of the
// text in SQL (`substr` of the text as a BLOB) cuts it in Rust from the unpacked text. The
// step's SQL drops two indexes no query reads: the one on `duplicate_of` (copies are told by
// the `duplicate_of` column of the document read, never looked up by it) and `events_date`
// (the listing walks events in `(seq, ord)` order, so `EXPLAIN QUERY PLAN` shows a scan of
// the key with the dates tested on each row, never a search of the date index: 0.6 MB of a
// 2k-article store for nothing); `after_step` packs the texts stored before
// (`sqlite::legacy::pack_texts`).
const PACKED_TEXT: &str = "
DROP INDEX IF EXISTS documents_duplicate_of;
DROP INDEX IF EXISTS events_date;
";

// Claims and events packed a document at a time (v13): at v12 the claims were the largest
// part of a store (14.7 of 59 MB at 2k articles, 226 bytes a claim packed alone, plus three
// indexes) and the events 10.7 MB (131 bytes an event, its key and its actors' index), and
// what an article's claims or events repeat (its id, its actors, the field names) was kept
// again in every one.
// - `doc_claims`: one row per document with claims, keyed by its `seq`: the claim count
//   (`stats` sums it) and every claim packed in one value (`codec::pack_doc_claims`: deflate
//   of the spans, the exact figures and the claims' JSON). A document without claims has no
//   row. Claims are read a document at a time: a listing, a document's annotations, an
//   analysis reading a bucket (which groups its claims by document and inflates each once),
//   a quote (the spans, ahead of the JSON, read without parsing it).
// - `claim_keys`: each document filed under the lower-case subject and object of its
//   claims, once each, so `claims --entity X` reads only the documents that name X as a party
//   (and keeps, of their claims, those that do). It replaces the two key indexes.
// - `claim_buckets`: keyed by the document's `seq` instead of its 16-character id, which is
//   what the claims are found by now.
// - `doc_events` and `event_keys`: the same for events (`codec::pack_doc_events`, deflate of
//   the events' JSON), each document filed under its events' actor keys; a listing keeps, of
//   the documents those keys find, the events it asks for (`codec::event_selected`: the
//   actors, and the dates the old columns held).
// The step's SQL makes the tables and fills the keys and buckets; `after_step` packs the
// claims and events (`sqlite::legacy::pack_doc_claims`, `pack_doc_events`) and drops the old
// tables (`PACKED_BY_DOCUMENT_DROP`).
const PACKED_BY_DOCUMENT: &str = "
CREATE TABLE doc_claims (
    seq INTEGER PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    claims INTEGER NOT NULL,
    body BLOB NOT NULL
);
CREATE TABLE claim_keys (
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
INSERT INTO claim_keys (key, seq)
    SELECT subject_key, seq FROM claims WHERE subject_key IS NOT NULL
    UNION SELECT object_key, seq FROM claims WHERE object_key IS NOT NULL;
CREATE TABLE claim_buckets_v13 (
    bucket TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    PRIMARY KEY (bucket, seq, ord)
) WITHOUT ROWID;
INSERT INTO claim_buckets_v13 (bucket, seq, ord)
    SELECT b.bucket, d.seq, b.ord FROM claim_buckets b JOIN documents d ON d.id = b.doc;
CREATE TABLE doc_events (
    seq INTEGER PRIMARY KEY NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    body BLOB NOT NULL
);
CREATE TABLE event_keys (
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
INSERT INTO event_keys (key, seq) SELECT DISTINCT key, seq FROM event_actors;
";

// Claims counted per key (v15; the step names no number, so it can move at a merge): an
// entity page shows the first figures about an actor and how many there are, and at v13 the
// count unpacked every document filed under the actor's key (China's 1.4 s of a 10k-article
// store's entity page). `claim_keys.claims` keeps, for each (key, document), how many of the
// document's claims that key finds (`codec::claim_key_counts`, written with the row), so the
// count is a sum over the key's rows of the index and only the page's documents are
// unpacked. `after_step` counts the claims stored before (`sqlite::legacy::count_claim_keys`).
// A read-only open of a v13 store (no column yet) counts by unpacking, as before.
const CLAIM_KEY_COUNTS: &str = "
ALTER TABLE claim_keys ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
";

/// The tables [`PACKED_BY_DOCUMENT`] replaces, dropped once the claims and events are packed.
const PACKED_BY_DOCUMENT_DROP: &str = "
DROP TABLE claims;
DROP TABLE claim_buckets;
ALTER TABLE claim_buckets_v13 RENAME TO claim_buckets;
DROP TABLE events;
DROP TABLE event_actors;
";

// A figure no source gives a number (v14): a ledger group whose counted statements are all
// vague amounts ("several risks", "thousands of workers") keeps their words in its consensus
// (`Consensus::vague`), which the network, the graph exports and the briefing quote instead of
// a number. The analysis kept before the step has no such mark, so, as at v7 (`CONCEPTS`),
// the step drops it and marks every document for analysis again; the next write run
// recomputes it without raising alerts (with nothing analysed, the documents set the
// baseline). Claims, events and alerts are kept.
const VAGUE_FIGURES: &str = "
DELETE FROM analysis_flows;
DELETE FROM analysis_buckets;
DELETE FROM claim_buckets;
INSERT OR IGNORE INTO analysis_pending (doc, seq) SELECT id, seq FROM documents;
";

// People sent and people lost (v16): troops, soldiers, workers and personnel sent between
// actors are a flow kind of their own (`FlowKind::People`), and casualties ("killed or
// wounded") are losses, never a flow between two countries. The analysis kept before the
// step filed both among goods or "other", so, as at v14 (`VAGUE_FIGURES`), the step drops it
// and marks every document for analysis again. Claims, events and alerts are kept.
const PEOPLE_FLOWS: &str = "
DELETE FROM analysis_flows;
DELETE FROM analysis_buckets;
DELETE FROM claim_buckets;
INSERT OR IGNORE INTO analysis_pending (doc, seq) SELECT id, seq FROM documents;
";

// A summary beside each bucket state (v17): `sinew report` reads of each bucket only the
// groups a briefing may pick (`sinew_report::GroupPicks`: its first groups, its first
// contradicted and grown ones, those naming two actors) with the bucket's counts of actor
// spellings, but at v16 it had to inflate and parse every whole state to find them (115,396
// states, 1.7 GB of JSON, on the 100k bench store). `analysis_buckets.summary` holds that
// subset, packed as states are (`codec::pack_text`), written by `commit_analysis` in the
// statement that writes the state, so the two never disagree. The store cannot compute a
// summary (states are opaque here; sinew-analysis and sinew-report sit above it), so the step
// leaves the states kept before without one: `report` reads those whole, as before (the same
// briefing, the old cost), and the next `sinew alerts` fills them
// (`Store::put_bucket_summaries`, only where none was written since). Nothing is dropped or
// re-analysed.
const BUCKET_SUMMARIES: &str = "
ALTER TABLE analysis_buckets ADD COLUMN summary TEXT;
";

// A digest in place of each summary (v18): the engine now writes, beside each bucket state,
// where the bucket's first groups sort in the whole ledger and only its groups naming two
// actors (`sinew-engine`'s `summary.rs`), so that `report` reads a small record of every
// bucket and the few buckets that may hold the briefing's first groups whole (at 100k
// articles, 114,507 of 115,396 v17 summaries were the whole state). The column is the same
// and as opaque here; the step clears what v17 wrote in it, and the next `sinew alerts` fills
// it again (`Store::put_bucket_summaries`); until then `report` reads the states whole, the
// same briefing at the v16 cost. Nothing else changes.
const BUCKET_DIGESTS: &str = "
UPDATE analysis_buckets SET summary = NULL;
";

// The last document each briefing saw (v19): `documents.seq` of the last document stored when
// the briefing began reading, so that the next one says what the documents stored since
// changed (a running total put higher, a new figure), not only the alerts raised since. A
// briefing recorded before the step keeps NULL: unknown, and only its alerts count.
const LAST_DOC: &str = "
ALTER TABLE briefings ADD COLUMN last_doc INTEGER;
";

// Compact digests (v20): the engine's digest keeps each group naming two actors as a short
// array of what the network and a briefing's first pass read (ids, actors, measure, verdict,
// consensus, period, sources, claim references), not the whole group (at 100k articles the
// 410,000 such groups were 470 MB of the 556 MB of digests a briefing read), and a large
// bucket's picks on a second line that only a leading bucket's read parses. The column is the
// same and as opaque here; the step clears the v18/v19 digests, and the next `sinew alerts`
// fills it again (`Store::put_bucket_summaries`); until then `report` reads the states whole,
// the same briefing at the v16 cost. Nothing else changes.
const COMPACT_DIGESTS: &str = "
UPDATE analysis_buckets SET summary = NULL WHERE summary IS NOT NULL;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_summaries_is_the_step_its_version_names() {
        // PostgreSQL numbers its step by this constant: it must be the step's place here.
        let at = usize::try_from(BUCKET_SUMMARIES_VERSION - 1).unwrap();
        assert_eq!(MIGRATIONS[at], BUCKET_SUMMARIES);
    }
}
