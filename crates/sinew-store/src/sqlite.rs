//! The SQLite store: one file, WAL journal, migrations through `PRAGMA user_version`; how
//! it is opened (read-write or read-only) is `connect.rs`, what it stores is here.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, OptionalExtension, Row, ToSql, Transaction};
use sinew_types::{
    Alert, AlertKind, Annotations, Claim, DocFingerprint, DocId, Document, Fingerprint, Span,
};

use crate::codec::{
    claim_has_key, claim_key_counts, date_text, fingerprint_blob, pack_annotations,
    pack_doc_claims, pack_doc_text, parse_date, parse_fingerprint, stored_doc_text,
    unpack_annotations, unpack_doc_claims,
};
use crate::connect::{self, Handle};
use crate::schema::VERSION;

mod analysis;
pub(crate) mod entities;
mod events;
pub(crate) mod legacy;
mod probe;
mod revision;
mod stats;
mod transactions;
mod workbench;
use crate::{
    ClaimFilter, EntitySummary, EventFilter, PutOutcome, Store, StoreError, StoreStats,
    StoredAlert, StoredEvent,
};

/// A [`Store`] in one SQLite file (or in memory).
///
/// The connection sits behind a mutex so that `&self` methods work and the store can be shared
/// as `Arc<dyn Store>`; SQLite serialises writers anyway.
pub struct SqliteStore {
    handle: Mutex<Handle>,
    /// A second connection for [`Store::contains`] (`sqlite/probe.rs`).
    probe: probe::Probe,
    path: PathBuf,
    read_only: bool,
    /// What [`Store::revision`] answers (`sqlite/revision.rs`).
    revision: Mutex<revision::Revision>,
    /// What [`Store::stats`] counted so far (`sqlite/stats.rs`).
    counted: Mutex<stats::Counted>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// How many stored claims `filter` selects, and the first `limit` of them in document
    /// (ingest) order, then by span. Claims are packed a document at a time (v13): the
    /// documents are chosen in SQL (by the entity's key, by id), their claims unpacked and
    /// kept in Rust as the key columns of v11-v12 kept them, in (seq, span, ordinal) order.
    /// The count is read from what each put kept (`doc_claims.claims`, and per key
    /// `claim_keys.claims` since `schema::CLAIM_KEY_COUNTS`), so only the documents of the
    /// page are unpacked; a store opened read-only before that step counts by unpacking.
    fn scan_claims(
        &self,
        filter: &ClaimFilter,
        limit: usize,
    ) -> Result<(u64, Vec<Claim>), StoreError> {
        let key = filter.entity.as_deref().map(str::to_lowercase);
        let mut conds = Vec::new();
        let mut args: Vec<&dyn ToSql> = Vec::new();
        if let Some(key) = &key {
            args.push(key);
            conds.push(format!(
                "c.seq IN (SELECT seq FROM claim_keys WHERE key = ?{})",
                args.len()
            ));
        }
        if let Some(doc) = &filter.doc {
            args.push(&doc.0);
            conds.push(format!(
                "c.seq = (SELECT seq FROM documents WHERE id = ?{})",
                args.len()
            ));
        }
        let filter_sql = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        let query = format!("SELECT c.body FROM doc_claims c {filter_sql} ORDER BY c.seq");
        let count_query = match (&key, &filter.doc) {
            (Some(_), None) => {
                "SELECT coalesce(sum(claims), 0) FROM claim_keys WHERE key = ?1".to_string()
            }
            (Some(_), Some(_)) => "SELECT coalesce(sum(claims), 0) FROM claim_keys \
                 WHERE key = ?1 AND seq = (SELECT seq FROM documents WHERE id = ?2)"
                .to_string(),
            (None, _) => {
                format!("SELECT coalesce(sum(c.claims), 0) FROM doc_claims c {filter_sql}")
            }
        };
        self.read(|tx| {
            // Every claim is read anyway when the page has no limit.
            let kept = if limit == usize::MAX {
                None
            } else if key.is_none() || claim_keys_counted(tx)? {
                let n: i64 = tx
                    .prepare_cached(&count_query)?
                    .query_row(args.as_slice(), |r| r.get(0))?;
                Some(u64::try_from(n).unwrap_or(0))
            } else {
                None
            };
            let (mut total, mut page) = (0u64, Vec::new());
            let mut stmt = tx.prepare_cached(&query)?;
            let mut rows = stmt.query(args.as_slice())?;
            while let Some(r) = rows.next()? {
                if kept.is_some() && page.len() >= limit {
                    break;
                }
                let mut claims: Vec<(usize, Claim)> =
                    unpack_doc_claims(0, r.get_ref(0)?.as_blob()?)?
                        .into_iter()
                        .enumerate()
                        .filter(|(_, c)| key.as_deref().is_none_or(|k| claim_has_key(c, k)))
                        .collect();
                claims.sort_by_key(|(ord, c)| (c.span.start, c.span.end, *ord));
                total += claims.len() as u64;
                let room = limit.saturating_sub(page.len());
                page.extend(claims.into_iter().take(room).map(|(_, c)| c));
            }
            Ok((kept.unwrap_or(total), page))
        })
    }

    /// The schema version this build reads and writes.
    pub const SCHEMA_VERSION: i64 = VERSION;

    /// Opens the Sinew database at `path` for reading and writing, creating it (and its
    /// parent folders) when absent and migrating it to the current schema. The write lock is
    /// taken only when a migration is due, so opening never waits on another writer
    /// otherwise.
    ///
    /// A file that is not a Sinew database is refused and left unmodified.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        Ok(SqliteStore {
            handle: Mutex::new(connect::open_read_write(path)?),
            probe: probe::Probe::default(),
            path: path.to_path_buf(),
            read_only: false,
            revision: Mutex::default(),
            counted: Mutex::default(),
        })
    }

    /// Opens the Sinew database at `path` for reading only: nothing is ever written (no
    /// migration, no journal switch, no `-wal` or `-shm` file created), reads never wait on a
    /// writer's transaction and see the last commit, and a store in a read-only folder opens.
    ///
    /// A missing (or empty) file is [`StoreError::Missing`]; a schema too old to read without
    /// migrating is [`StoreError::SchemaTooOld`], too new [`StoreError::SchemaTooNew`].
    /// Writing calls on the store fail with [`StoreError::Unwritable`].
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        Ok(SqliteStore {
            handle: Mutex::new(connect::open_read_only(path)?),
            probe: probe::Probe::default(),
            path: path.to_path_buf(),
            read_only: true,
            revision: Mutex::default(),
            counted: Mutex::default(),
        })
    }

    /// A fresh store in memory, gone when dropped (tests, one-shot runs).
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let path = PathBuf::from(":memory:");
        Ok(SqliteStore {
            handle: Mutex::new(connect::open_in_memory(&path)?),
            probe: probe::Probe::default(),
            path,
            read_only: false,
            revision: Mutex::default(),
            counted: Mutex::default(),
        })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> MutexGuard<'_, Handle> {
        // A panic while holding the lock dropped its transaction, which rolled back: the
        // connection is still sound.
        self.handle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn fail(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, err)
    }
}

impl Store for SqliteStore {
    fn revision(&self) -> Result<u64, StoreError> {
        self.current_revision()
    }

    fn put(&self, doc: &Document, ann: &Annotations) -> Result<PutOutcome, StoreError> {
        self.write(|tx| {
            let mut seq = next_seq(tx)?;
            insert(tx, &mut seq, doc, ann, &now())
        })
    }

    fn put_batch(&self, items: &[(Document, Annotations)]) -> Result<Vec<PutOutcome>, StoreError> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        self.write(|tx| {
            let mut seq = next_seq(tx)?;
            let now = now();
            items
                .iter()
                .map(|(doc, ann)| insert(tx, &mut seq, doc, ann, &now))
                .collect()
        })
    }

    fn contains(&self, id: &DocId) -> Result<bool, StoreError> {
        // A store in memory is one connection; a read-only one never waits for a writer.
        if self.read_only || self.path == Path::new(":memory:") {
            return self.read(|tx| exists(tx, id));
        }
        self.probe.contains(&self.path, id)
    }

    fn document(&self, id: &DocId) -> Result<Option<Document>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached(&format!(
                "SELECT {DOC_COLUMNS} FROM documents WHERE id = ?1"
            ))?
            .query_row([&id.0], doc_from_row)
            .optional()
        })
    }

    fn documents(&self) -> Result<Vec<Document>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached(&format!("SELECT {DOC_COLUMNS} FROM documents ORDER BY seq"))?
                .query_map([], doc_from_row)?
                .collect()
        })
    }

    fn documents_after(
        &self,
        after: Option<&DocId>,
        limit: usize,
    ) -> Result<Vec<Document>, StoreError> {
        // Keyset paging on the unique `seq`: each page is an index range, however deep.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let after = after.map(|id| id.0.as_str());
        self.read(|tx| {
            tx.prepare_cached(&format!(
                "SELECT {DOC_COLUMNS} FROM documents WHERE ?1 IS NULL \
                 OR seq > (SELECT seq FROM documents WHERE id = ?1) ORDER BY seq LIMIT ?2"
            ))?
            .query_map(params![after, limit], doc_from_row)?
            .collect()
        })
    }

    fn fingerprints(&self) -> Result<Vec<DocFingerprint>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached(
                "SELECT id, fingerprint, duplicate_of FROM documents \
                 WHERE fingerprint IS NOT NULL ORDER BY seq",
            )?
            .query_map([], |r| {
                let fingerprint: Option<Fingerprint> = parse_fingerprint(1, r.get(1)?)?;
                let duplicate_of = r.get::<_, Option<String>>(2)?.map(DocId);
                let id = DocId(r.get(0)?);
                Ok(fingerprint.map(|fingerprint| DocFingerprint {
                    id,
                    fingerprint,
                    duplicate_of,
                }))
            })?
            .filter_map(Result::transpose)
            .collect()
        })
    }

    fn near_duplicate_candidates(
        &self,
        fingerprint: &Fingerprint,
    ) -> Result<Vec<DocFingerprint>, StoreError> {
        self.read(|tx| crate::near_dups::candidates(tx, fingerprint))
    }

    fn annotations(&self, id: &DocId) -> Result<Option<Annotations>, StoreError> {
        self.read(|tx| {
            if exists(tx, id)? {
                load_annotations(tx, id).map(Some)
            } else {
                Ok(None)
            }
        })
    }

    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>, StoreError> {
        Ok(self.scan_claims(filter, usize::MAX)?.1)
    }

    fn claims_page(
        &self,
        filter: &ClaimFilter,
        limit: usize,
    ) -> Result<(u64, Vec<Claim>), StoreError> {
        // The count as kept at write time; only the page's documents are unpacked.
        self.scan_claims(filter, limit)
    }

    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError> {
        self.read(entities::load)
    }

    fn entities_without_aliases(&self) -> Result<Vec<EntitySummary>, StoreError> {
        self.read(entities::load_without_aliases)
    }

    fn entity_count(&self) -> Result<u64, StoreError> {
        self.read(|tx| {
            tx.query_row("SELECT count(*) FROM entities", [], |r| {
                Ok(r.get::<_, i64>(0)?.max(0).unsigned_abs())
            })
        })
    }

    fn put_alerts(&self, alerts: &[Alert]) -> Result<usize, StoreError> {
        if alerts.is_empty() {
            return Ok(0);
        }
        self.write(|tx| {
            let now = now();
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO alerts (raised_at, kind, key, doc, subject, object, \
                 message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut added = 0;
            for a in alerts {
                added += stmt.execute(params![
                    now,
                    a.kind.as_str(),
                    a.key,
                    a.doc.0,
                    a.subject,
                    a.object,
                    a.message
                ])?;
            }
            Ok(added)
        })
    }

    fn alerts(&self) -> Result<Vec<StoredAlert>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached(
                "SELECT seq, raised_at, kind, key, doc, subject, object, message FROM alerts \
                 ORDER BY seq",
            )?
            .query_map([], alert_from_row)?
            .collect()
        })
    }

    fn alert_count(&self) -> Result<(u64, Option<String>), StoreError> {
        self.read(|tx| {
            tx.query_row(
                "SELECT count(*), (SELECT raised_at FROM alerts ORDER BY seq DESC LIMIT 1) \
                 FROM alerts",
                [],
                |r| Ok((r.get::<_, i64>(0)?.max(0).unsigned_abs(), r.get(1)?)),
            )
        })
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.read(|tx| events::query(tx, filter, true))
    }

    fn event_reports(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.read(|tx| events::query(tx, filter, false))
    }

    fn events_pending(&self, limit: usize) -> Result<Vec<DocId>, StoreError> {
        self.read(|tx| events::pending(tx, limit))
    }

    fn put_events(&self, items: &[(DocId, Vec<sinew_types::Event>)]) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        self.write(|tx| events::put_pending(tx, items))
    }

    fn document_count(&self) -> Result<u64, StoreError> {
        self.read(|tx| tx.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        self.counted_stats()
    }
}

fn alert_from_row(r: &Row<'_>) -> rusqlite::Result<StoredAlert> {
    let kind: String = r.get(2)?;
    let kind = AlertKind::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown alert kind {kind:?}").into(),
        )
    })?;
    Ok(StoredAlert {
        seq: r.get(0)?,
        raised_at: r.get(1)?,
        alert: Alert {
            kind,
            key: r.get(3)?,
            doc: DocId(r.get(4)?),
            subject: r.get(5)?,
            object: r.get(6)?,
            message: r.get(7)?,
        },
    })
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn exists(tx: &Transaction<'_>, id: &DocId) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")?
        .query_row([&id.0], |r| r.get(0))
}

fn next_seq(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
    tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM documents", [], |r| {
        r.get(0)
    })
}

/// Inserts one document and its annotations unless its id is stored; `seq` is the next
/// ingest position and advances on insert.
fn insert(
    tx: &Transaction<'_>,
    seq: &mut i64,
    doc: &Document,
    ann: &Annotations,
    now: &str,
) -> rusqlite::Result<PutOutcome> {
    if exists(tx, &doc.id)? {
        return Ok(PutOutcome::AlreadyPresent);
    }
    let id = doc.id.0.as_str();
    tx.prepare_cached(
        "INSERT INTO documents (id, seq, source, url, title, author, published, site, lang, \
         text, ingested_at, fingerprint, duplicate_of) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        id,
        *seq,
        doc.source,
        doc.url,
        doc.title,
        doc.author,
        date_text(doc.published),
        doc.site,
        doc.lang,
        pack_doc_text(&doc.text),
        now,
        fingerprint_blob(doc.fingerprint.as_ref()),
        doc.duplicate_of.as_ref().map(|d| d.0.as_str())
    ])?;
    if let Some(fingerprint) = &doc.fingerprint {
        crate::near_dups::insert_bands(tx, *seq, fingerprint)?;
    }
    // Pending analysis is recorded with the document, so no crash can lose it.
    tx.prepare_cached("INSERT INTO analysis_pending (doc, seq) VALUES (?1, ?2)")?
        .execute(params![id, *seq])?;
    let doc_seq = *seq;
    *seq += 1;

    tx.prepare_cached(
        "INSERT INTO doc_annotations (seq, mentions, quantities, times, body) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        doc_seq,
        ann.mentions.len(),
        ann.quantities.len(),
        ann.times.len(),
        pack_annotations(ann)
    ])?;
    entities::record(tx, id, doc_seq, ann)?;
    if !ann.claims.is_empty() {
        tx.prepare_cached("INSERT INTO doc_claims (seq, claims, body) VALUES (?1, ?2, ?3)")?
            .execute(params![
                doc_seq,
                ann.claims.len(),
                pack_doc_claims(&ann.claims)?
            ])?;
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO claim_keys (key, seq, claims) VALUES (?1, ?2, ?3)",
        )?;
        for (key, n) in claim_key_counts(&ann.claims) {
            stmt.execute(params![key, doc_seq, n])?;
        }
    }
    events::insert(tx, doc_seq, &ann.events)?;
    Ok(PutOutcome::Inserted)
}

const DOC_COLUMNS: &str =
    "id, source, url, title, author, published, site, lang, text, fingerprint, duplicate_of";

fn doc_from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: DocId(r.get(0)?),
        source: r.get(1)?,
        url: r.get(2)?,
        title: r.get(3)?,
        author: r.get(4)?,
        published: parse_date(5, r.get(5)?)?,
        site: r.get(6)?,
        lang: r.get(7)?,
        text: stored_doc_text(8, r.get_ref(8)?)?,
        fingerprint: parse_fingerprint(9, r.get(9)?)?,
        duplicate_of: r.get::<_, Option<String>>(10)?.map(DocId),
    })
}

/// The claims of the document at `seq`, in order (none where it has no `doc_claims` row).
pub(crate) fn doc_claims(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<Vec<Claim>> {
    tx.prepare_cached("SELECT body FROM doc_claims WHERE seq = ?1")?
        .query_row([seq], |r| unpack_doc_claims(0, r.get_ref(0)?.as_blob()?))
        .optional()
        .map(Option::unwrap_or_default)
}

fn span(r: &Row<'_>, idx: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        start: r.get(idx)?,
        end: r.get(idx + 1)?,
    })
}

/// A stored document's annotations: the packed parts, its claims and its events.
fn load_annotations(tx: &Transaction<'_>, id: &DocId) -> rusqlite::Result<Annotations> {
    let found = tx
        .prepare_cached(
            "SELECT a.seq, a.body FROM doc_annotations a JOIN documents d ON d.seq = a.seq \
             WHERE d.id = ?1",
        )?
        .query_row([&id.0], |r| {
            let packed = unpack_annotations(r.get_ref(1)?.as_blob()?).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Blob, e.into())
            })?;
            Ok((r.get::<_, i64>(0)?, packed))
        })
        .optional()?;
    // A document stored without its row is not possible through `put`; read it as bare.
    let (seq, packed) = found.unwrap_or_default();
    let claims = doc_claims(tx, seq)?;
    Ok(Annotations {
        sentences: packed.sentences,
        mentions: packed.mentions,
        quantities: packed.quantities,
        times: packed.times,
        attributions: packed.attributions,
        claims,
        diagnostics: packed.diagnostics,
        descriptions: packed.descriptions,
        events: events::load(tx, id)?,
    })
}

/// Whether `claim_keys` keeps its claim counts (`schema::CLAIM_KEY_COUNTS`): a store opened
/// read-only at an older version has the rows without them.
fn claim_keys_counted(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('claim_keys') WHERE name = 'claims')",
    )?
    .query_row([], |r| r.get(0))
}
