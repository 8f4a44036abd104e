//! The PostgreSQL store: the same tables as SQLite's (`pg/schema.rs`), plain SQL through the
//! synchronous `postgres` client, and a small pool of connections so that each call runs on
//! a connection of its own: readers never wait for a writer (PostgreSQL's snapshots), and
//! several processes or threads ingest into one database at once.
//!
//! Every write is one transaction that first takes the store's transaction-scoped advisory
//! lock ([`WRITE_LOCK`]): writers take turns, as SQLite's do, so ingest positions (`seq`) are
//! given in commit order (a reader paging by `seq` never misses a document committed late),
//! the entity aggregates are updated without deadlocks, and the "already stored?" check and
//! the insert (`INSERT ... ON CONFLICT (id) DO NOTHING`, keyed by the content id) cannot
//! race. Reads are `REPEATABLE READ, READ ONLY` transactions: one consistent snapshot per
//! call, and no lock taken.

use std::collections::BTreeMap;
use std::path::PathBuf;

use postgres::types::{ToSql, Type};
use postgres::{Client, Config, IsolationLevel, Row, Transaction};
use sinew_types::{
    Alert, AlertKind, Annotations, Claim, DocFingerprint, DocId, Document, Fingerprint, Span,
};

use crate::codec::{claim_has_key, parse_date, parse_fingerprint, unpack_doc_claims};
use crate::sqlite::now;
use crate::{
    ClaimFilter, EntitySummary, EventFilter, PutOutcome, Store, StoreError, StoreStats,
    StoredAlert, StoredEvent,
};
pub use migrate::migrate_sqlite_to_pg;
use pool::Pool;

mod analysis;
mod annotations;
mod entities;
mod events;
mod migrate;
mod pool;
mod put;
mod schema;
mod workbench;

/// The key of the advisory lock every write transaction holds ("SINW" twice).
const WRITE_LOCK: i64 = 0x5349_4E57_5349_4E57;

/// A [`Store`] in a PostgreSQL database (or in the first schema of its `search_path`).
pub struct PgStore {
    pool: Pool,
    /// The URL without its password: what errors name.
    location: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("location", &self.location)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

/// True when `location` names a PostgreSQL database (`postgres://` or `postgresql://`).
pub fn is_postgres_url(location: &str) -> bool {
    let lower = location.get(..13).unwrap_or(location).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `url` with its password, if any, replaced by `***`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl PgStore {
    /// How many stored claims `filter` selects, and the first `limit` of them in document
    /// order, then by span, as SQLite's (v13): the documents chosen in SQL, their claims kept
    /// and ordered here; the count read from what each put kept (`doc_claims.claims`, and per
    /// key `claim_keys.claims`, `schema::CLAIM_KEY_COUNTS`), so only the page's documents are
    /// unpacked. A store opened read-only before that step counts by unpacking.
    fn scan_claims(
        &self,
        filter: &ClaimFilter,
        limit: usize,
    ) -> Result<(u64, Vec<Claim>), StoreError> {
        let key = filter.entity.as_deref().map(str::to_lowercase);
        let mut conds = Vec::new();
        let mut args: Vec<&(dyn ToSql + Sync)> = Vec::new();
        if let Some(key) = &key {
            args.push(key);
            conds.push(format!(
                "c.seq IN (SELECT seq FROM claim_keys WHERE key = ${})",
                args.len()
            ));
        }
        if let Some(doc) = &filter.doc {
            args.push(&doc.0);
            conds.push(format!(
                "c.seq = (SELECT seq FROM documents WHERE id = ${})",
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
                "SELECT coalesce(sum(claims), 0)::BIGINT FROM claim_keys WHERE key = $1".to_string()
            }
            (Some(_), Some(_)) => "SELECT coalesce(sum(claims), 0)::BIGINT FROM claim_keys \
                 WHERE key = $1 AND seq = (SELECT seq FROM documents WHERE id = $2)"
                .to_string(),
            (None, _) => {
                format!("SELECT coalesce(sum(c.claims), 0)::BIGINT FROM doc_claims c {filter_sql}")
            }
        };
        self.read(|tx| {
            // Every claim is read anyway when the page has no limit.
            let kept = if limit == usize::MAX {
                None
            } else if key.is_none() || claim_keys_counted(tx)? {
                let n: i64 = tx.query_one(&count_query, &args)?.try_get(0)?;
                Some(u64::try_from(n).unwrap_or(0))
            } else {
                None
            };
            let (mut total, mut page) = (0u64, Vec::new());
            for r in tx.query(&query, &args)? {
                if kept.is_some() && page.len() >= limit {
                    break;
                }
                let mut claims: Vec<(usize, Claim)> = unpack_doc_claims(0, r.try_get(0)?)?
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

    /// Opens the Sinew database at `url` (`postgres://user@host:port/db`) for reading and
    /// writing, creating its tables when the database holds none and migrating it to the
    /// current schema. A database holding another application's `documents` table is
    /// refused and left unmodified.
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let store = PgStore::connect(url, false)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens the Sinew database at `url` for reading only: nothing is written, and writing
    /// calls fail with [`StoreError::Unwritable`]. A database without Sinew's tables is
    /// [`StoreError::Missing`]; a schema too old or too new to read is refused as for SQLite.
    pub fn open_read_only(url: &str) -> Result<PgStore, StoreError> {
        let store = PgStore::connect(url, true)?;
        let version = store.read(read_version)?;
        match version {
            None => Err(StoreError::Missing {
                path: store.location.clone(),
            }),
            Some(v) if v > schema::VERSION => Err(StoreError::SchemaTooNew {
                path: store.location.clone(),
                found: v,
                supported: schema::VERSION,
            }),
            Some(v) if v < schema::OLDEST_READABLE => Err(StoreError::SchemaTooOld {
                path: store.location.clone(),
                found: v,
                oldest: schema::OLDEST_READABLE,
            }),
            Some(_) => Ok(store),
        }
    }

    /// The database's URL, its password hidden.
    pub fn location(&self) -> &str {
        self.location.to_str().unwrap_or_default()
    }

    fn connect(url: &str, read_only: bool) -> Result<PgStore, StoreError> {
        let location = PathBuf::from(redact_url(url));
        let config: Config = url.parse().map_err(|e| StoreError::NotADatabase {
            path: location.clone(),
            reason: format!("not a PostgreSQL connection URL: {e}"),
        })?;
        let store = PgStore {
            pool: Pool::new(config),
            location,
            read_only,
        };
        // Connect once now, so a wrong host or password is told at open.
        let client = store.pool.get().map_err(|e| StoreError::Unwritable {
            path: store.location.clone(),
            source: Box::new(e),
        })?;
        drop(client);
        Ok(store)
    }

    fn migrate(&self) -> Result<(), StoreError> {
        let location = self.location.clone();
        self.write(|tx| {
            let version = match read_version(tx)? {
                Some(v) => v,
                None => {
                    let foreign: bool = tx
                        .query_one("SELECT to_regclass('documents') IS NOT NULL", &[])?
                        .get(0);
                    if foreign {
                        return Ok(Err(StoreError::NotADatabase {
                            path: location.clone(),
                            reason: "it has a `documents` table but no `sinew_meta`".into(),
                        }));
                    }
                    tx.batch_execute(&schema::sql(schema::META))?;
                    0
                }
            };
            if version > schema::VERSION {
                return Ok(Err(StoreError::SchemaTooNew {
                    path: location.clone(),
                    found: version,
                    supported: schema::VERSION,
                }));
            }
            for (reached, step) in schema::MIGRATIONS {
                if *reached > version {
                    tx.batch_execute(&schema::sql(step))?;
                    if *reached == 11 {
                        // Packing is done in Rust, as for SQLite (`schema::V11`).
                        annotations::pack_stored(tx)?;
                        tx.batch_execute(schema::V11_DROP)?;
                    }
                    if *reached == 12 {
                        // Deflate is Rust's, as for SQLite (`schema::V12`).
                        annotations::pack_texts(tx)?;
                        tx.batch_execute(schema::V12_SWAP)?;
                    }
                    if *reached == 13 {
                        // Claims and events packed a document at a time, as for SQLite (`schema::V13`).
                        annotations::pack_doc_claims(tx)?;
                        annotations::pack_doc_events(tx)?;
                        tx.batch_execute(schema::V13_DROP)?;
                    }
                    if *reached == schema::CLAIM_KEY_COUNTS_VERSION {
                        // Counted from the packed claims, as for SQLite.
                        annotations::count_claim_keys(tx)?;
                    }
                    tx.execute(
                        "UPDATE sinew_meta SET value = $1 WHERE key = 'schema_version'",
                        &[&reached.to_string()],
                    )?;
                }
            }
            Ok(Ok(()))
        })?
    }

    fn fail(&self, err: Fail) -> StoreError {
        let path = self.location.clone();
        match err {
            Fail::Bad(detail) => StoreError::Malformed { path, detail },
            Fail::Unstorable(what) => StoreError::Backend {
                path,
                source: what.into(),
            },
            Fail::Db(e) => {
                use postgres::error::SqlState;
                let user = e.code().is_some_and(|c| {
                    *c == SqlState::INSUFFICIENT_PRIVILEGE
                        || *c == SqlState::READ_ONLY_SQL_TRANSACTION
                        || *c == SqlState::DISK_FULL
                        || *c == SqlState::INVALID_CATALOG_NAME
                        || *c == SqlState::INVALID_PASSWORD
                        || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
                });
                if user {
                    StoreError::Unwritable {
                        path,
                        source: Box::new(e),
                    }
                } else {
                    StoreError::Backend {
                        path,
                        source: Box::new(e),
                    }
                }
            }
        }
    }

    /// Runs `body` in one write transaction holding the store's write lock.
    fn write<T>(&self, body: impl FnOnce(&mut Transaction<'_>) -> R<T>) -> Result<T, StoreError> {
        if self.read_only {
            return Err(StoreError::Unwritable {
                path: self.location.clone(),
                source: "the store was opened read-only".into(),
            });
        }
        let mut client = self.pool.get().map_err(|e| self.fail(Fail::Db(e)))?;
        let run = |client: &mut Client| -> R<T> {
            let mut tx = client.transaction()?;
            tx.execute_typed(
                "SELECT pg_advisory_xact_lock($1)",
                &[(&WRITE_LOCK, Type::INT8)],
            )?;
            let out = body(&mut tx)?;
            tx.commit()?;
            Ok(out)
        };
        run(client.get()).map_err(|e| self.fail(e))
    }

    /// Runs `body` in one read-only snapshot.
    fn read<T>(&self, body: impl FnOnce(&mut Transaction<'_>) -> R<T>) -> Result<T, StoreError> {
        let mut client = self.pool.get().map_err(|e| self.fail(Fail::Db(e)))?;
        let run = |client: &mut Client| -> R<T> {
            let mut tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let out = body(&mut tx)?;
            tx.commit()?;
            Ok(out)
        };
        run(client.get()).map_err(|e| self.fail(e))
    }
}

/// The schema version in `sinew_meta`, `None` when the table is absent.
fn read_version(tx: &mut Transaction<'_>) -> R<Option<i64>> {
    let present: bool = tx
        .query_one("SELECT to_regclass('sinew_meta') IS NOT NULL", &[])?
        .get(0);
    if !present {
        return Ok(None);
    }
    let row = tx.query_opt(
        "SELECT value FROM sinew_meta WHERE key = 'schema_version'",
        &[],
    )?;
    let Some(row) = row else {
        return Err(Fail::Bad("sinew_meta holds no schema_version".into()));
    };
    let text: String = row.get(0);
    text.parse()
        .map(Some)
        .map_err(|e| Fail::Bad(format!("schema_version {text:?}: {e}")))
}

/// Why a call failed inside the store, before it is told as a [`StoreError`].
#[derive(Debug)]
enum Fail {
    /// The server or the connection failed.
    Db(postgres::Error),
    /// Stored data would not decode.
    Bad(String),
    /// A value cannot be stored.
    Unstorable(String),
}

type R<T> = Result<T, Fail>;

impl From<postgres::Error> for Fail {
    fn from(e: postgres::Error) -> Fail {
        Fail::Db(e)
    }
}

impl From<rusqlite::Error> for Fail {
    // The shared codecs (`codec.rs`) report a value that does not decode as SQLite's
    // conversion failure.
    fn from(e: rusqlite::Error) -> Fail {
        Fail::Bad(e.to_string())
    }
}

/// A count or position as a BIGINT.
fn big(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An offset or ordinal to store as a BIGINT; one that does not fit fails the put (and
/// its transaction), as SQLite's signed integers do.
fn pos(n: usize) -> R<i64> {
    i64::try_from(n).map_err(|_| Fail::Unstorable(format!("{n} does not fit a BIGINT")))
}

/// A BIGINT read back as a count or position.
fn size(r: &Row, idx: usize) -> R<usize> {
    let n: i64 = r.try_get(idx)?;
    usize::try_from(n).map_err(|_| Fail::Bad(format!("column {idx}: {n} is not a position")))
}

fn count(r: &Row, idx: usize) -> R<u64> {
    let n: i64 = r.try_get(idx)?;
    u64::try_from(n).map_err(|_| Fail::Bad(format!("column {idx}: {n} is not a count")))
}

fn span(r: &Row, idx: usize) -> R<Span> {
    Ok(Span {
        start: size(r, idx)?,
        end: size(r, idx + 1)?,
    })
}

impl Store for PgStore {
    /// The server's write-ahead log position: every commit writes the log, by this store or
    /// any other client, so the position moves with each write. It also moves for writes to
    /// other databases of the server and for its housekeeping, which only makes a reader
    /// rebuild a view that had not changed (a standby answers the position it has replayed).
    fn revision(&self) -> Result<u64, StoreError> {
        self.read(|tx| {
            let lsn: i64 = tx
                .query_one(
                    "SELECT (COALESCE(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() \
                     ELSE pg_current_wal_lsn() END, '0/0'::pg_lsn) - '0/0'::pg_lsn)::bigint",
                    &[],
                )?
                .get(0);
            Ok(u64::try_from(lsn).unwrap_or(0))
        })
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.read(|tx| events::query(tx, filter))
    }

    fn events_pending(&self, limit: usize) -> Result<Vec<DocId>, StoreError> {
        self.read(|tx| events::pending(tx, limit))
    }

    fn put_events(&self, items: &[(DocId, Vec<sinew_types::Event>)]) -> Result<(), StoreError> {
        self.write(|tx| events::put_pending(tx, items))
    }

    fn put(&self, doc: &Document, ann: &Annotations) -> Result<PutOutcome, StoreError> {
        let outcomes = self.put_batch(&[(doc.clone(), ann.clone())])?;
        Ok(outcomes
            .into_iter()
            .next()
            .unwrap_or(PutOutcome::AlreadyPresent))
    }

    fn put_batch(&self, items: &[(Document, Annotations)]) -> Result<Vec<PutOutcome>, StoreError> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        self.write(|tx| put::put_batch(tx, items, &now()))
    }

    fn contains(&self, id: &DocId) -> Result<bool, StoreError> {
        self.read(|tx| {
            Ok(tx
                .query_typed_one(
                    "SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)",
                    &[(&id.0, Type::TEXT)],
                )?
                .get(0))
        })
    }

    fn document(&self, id: &DocId) -> Result<Option<Document>, StoreError> {
        self.read(|tx| {
            tx.query_typed_opt(
                &format!("SELECT {DOC_COLUMNS} FROM documents WHERE id = $1"),
                &[(&id.0, Type::TEXT)],
            )?
            .map(|r| doc_from_row(&r))
            .transpose()
        })
    }

    fn documents(&self) -> Result<Vec<Document>, StoreError> {
        self.read(|tx| {
            tx.query(
                &format!("SELECT {DOC_COLUMNS} FROM documents ORDER BY seq"),
                &[],
            )?
            .iter()
            .map(doc_from_row)
            .collect()
        })
    }

    fn documents_after(
        &self,
        after: Option<&DocId>,
        limit: usize,
    ) -> Result<Vec<Document>, StoreError> {
        let limit = big(limit);
        let after = after.map(|id| id.0.as_str());
        self.read(|tx| {
            tx.query(
                &format!(
                    "SELECT {DOC_COLUMNS} FROM documents WHERE $1::text IS NULL \
                     OR seq > (SELECT seq FROM documents WHERE id = $1) ORDER BY seq LIMIT $2"
                ),
                &[&after, &limit],
            )?
            .iter()
            .map(doc_from_row)
            .collect()
        })
    }

    fn fingerprints(&self) -> Result<Vec<DocFingerprint>, StoreError> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT id, fingerprint, duplicate_of FROM documents \
                 WHERE fingerprint IS NOT NULL ORDER BY seq",
                &[],
            )?;
            let mut out = Vec::with_capacity(rows.len());
            for r in &rows {
                out.extend(doc_fingerprint(r)?);
            }
            Ok(out)
        })
    }

    fn near_duplicate_candidates(
        &self,
        fingerprint: &Fingerprint,
    ) -> Result<Vec<DocFingerprint>, StoreError> {
        self.read(|tx| {
            // One query for every band: the stored documents filed under any of them.
            let (bands, keys): (Vec<i64>, Vec<Vec<u8>>) = fingerprint
                .bands()
                .map(|(band, values)| (band as i64, band_key(values)))
                .unzip();
            let rows = tx.query_typed(
                "SELECT d.id, d.fingerprint, d.duplicate_of FROM documents d \
                 WHERE d.fingerprint IS NOT NULL AND d.seq IN (SELECT b.doc FROM dup_bands b \
                 JOIN unnest($1::bigint[], $2::bytea[]) AS q(band, key) \
                 ON b.band = q.band AND b.key = q.key) ORDER BY d.seq",
                &[(&bands, Type::INT8_ARRAY), (&keys, Type::BYTEA_ARRAY)],
            )?;
            let mut out = Vec::with_capacity(rows.len());
            for r in &rows {
                out.extend(doc_fingerprint(r)?);
            }
            Ok(out)
        })
    }

    fn annotations(&self, id: &DocId) -> Result<Option<Annotations>, StoreError> {
        self.read(|tx| {
            let stored: bool = tx
                .query_typed_one(
                    "SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)",
                    &[(&id.0, Type::TEXT)],
                )?
                .get(0);
            if stored {
                annotations::load(tx, id).map(Some)
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

    fn put_alerts(&self, alerts: &[Alert]) -> Result<usize, StoreError> {
        if alerts.is_empty() {
            return Ok(0);
        }
        self.write(|tx| insert_alerts(tx, alerts, &now()))
    }

    fn alerts(&self) -> Result<Vec<StoredAlert>, StoreError> {
        self.read(|tx| {
            tx.query(
                "SELECT seq, raised_at, kind, key, doc, subject, object, message FROM alerts \
                 ORDER BY seq",
                &[],
            )?
            .iter()
            .map(alert_from_row)
            .collect()
        })
    }

    fn document_count(&self) -> Result<u64, StoreError> {
        self.read(|tx| count(&tx.query_one("SELECT count(*) FROM documents", &[])?, 0))
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        self.read(|tx| {
            let r = tx.query_one(
                "SELECT (SELECT count(*) FROM documents), \
                 (SELECT coalesce(sum(mentions), 0)::BIGINT FROM doc_annotations), \
                 (SELECT coalesce(sum(quantities), 0)::BIGINT FROM doc_annotations), \
                 (SELECT coalesce(sum(times), 0)::BIGINT FROM doc_annotations), \
                 (SELECT coalesce(sum(claims), 0)::BIGINT FROM doc_claims)",
                &[],
            )?;
            Ok(StoreStats {
                documents: count(&r, 0)?,
                mentions: count(&r, 1)?,
                quantities: count(&r, 2)?,
                times: count(&r, 3)?,
                claims: count(&r, 4)?,
            })
        })
    }
}

/// Stores alerts not yet stored (same kind, key and document), numbered after the last;
/// returns how many were new. Runs under the write lock, which makes `max(seq) + 1` safe.
fn insert_alerts(tx: &mut Transaction<'_>, alerts: &[Alert], now: &str) -> R<usize> {
    let stmt = tx.prepare(
        "INSERT INTO alerts (seq, raised_at, kind, key, doc, subject, object, message) \
         SELECT coalesce(max(seq), 0) + 1, $1, $2, $3, $4, $5, $6, $7 FROM alerts \
         ON CONFLICT (kind, key, doc) DO NOTHING",
    )?;
    let mut added = 0;
    for a in alerts {
        added += tx.execute(
            &stmt,
            &[
                &now,
                &a.kind.as_str(),
                &a.key,
                &a.doc.0,
                &a.subject,
                &a.object,
                &a.message,
            ],
        )?;
    }
    Ok(usize::try_from(added).unwrap_or(usize::MAX))
}

fn alert_from_row(r: &Row) -> R<StoredAlert> {
    let kind: String = r.try_get(2)?;
    let kind =
        AlertKind::parse(&kind).ok_or_else(|| Fail::Bad(format!("unknown alert kind {kind:?}")))?;
    Ok(StoredAlert {
        seq: count(r, 0)?,
        raised_at: r.try_get(1)?,
        alert: Alert {
            kind,
            key: r.try_get(3)?,
            doc: DocId(r.try_get(4)?),
            subject: r.try_get(5)?,
            object: r.try_get(6)?,
            message: r.try_get(7)?,
        },
    })
}

fn doc_fingerprint(r: &Row) -> R<Option<DocFingerprint>> {
    let fingerprint = parse_fingerprint(1, r.try_get(1)?)?;
    Ok(fingerprint.map(|fingerprint| DocFingerprint {
        id: DocId(r.get(0)),
        fingerprint,
        duplicate_of: r.get::<_, Option<String>>(2).map(DocId),
    }))
}

/// A band's values as little-endian bytes: the exact key, as in `near_dups.rs`.
fn band_key(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

const DOC_COLUMNS: &str =
    "id, source, url, title, author, published, site, lang, text, fingerprint, duplicate_of";

fn doc_from_row(r: &Row) -> R<Document> {
    Ok(Document {
        id: DocId(r.try_get(0)?),
        source: r.try_get(1)?,
        url: r.try_get(2)?,
        title: r.try_get(3)?,
        author: r.try_get(4)?,
        published: parse_date(5, r.try_get(5)?)?,
        site: r.try_get(6)?,
        lang: r.try_get(7)?,
        text: doc_text(r, 8)?,
        fingerprint: parse_fingerprint(9, r.try_get(9)?)?,
        duplicate_of: r.try_get::<_, Option<String>>(10)?.map(DocId),
    })
}

/// A document's text from column `idx`: packed (`BYTEA`, `codec::pack_doc_text`, v12 on),
/// or as a v11 store kept it (`TEXT`), which a read-only open still reads.
fn doc_text(r: &Row, idx: usize) -> R<String> {
    if *r.columns()[idx].type_() == Type::BYTEA {
        crate::codec::unpack_text(r.try_get::<_, &[u8]>(idx)?).map_err(Fail::Bad)
    } else {
        Ok(r.try_get(idx)?)
    }
}

/// The claims of the document at `seq`, in order (none where it has no `doc_claims` row).
fn doc_claims(tx: &mut Transaction<'_>, seq: i64) -> R<Vec<Claim>> {
    match tx.query_opt("SELECT body FROM doc_claims WHERE seq = $1", &[&seq])? {
        Some(r) => Ok(unpack_doc_claims(0, r.try_get(0)?)?),
        None => Ok(Vec::new()),
    }
}

/// Groups `(document, ordinal)` references by document, each with the reference indexes
/// asking for it, in document order.
fn by_doc(refs: &[(DocId, u32)]) -> BTreeMap<&DocId, Vec<(u32, usize)>> {
    let mut by_doc: BTreeMap<&DocId, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, (doc, ord)) in refs.iter().enumerate() {
        by_doc.entry(doc).or_default().push((*ord, i));
    }
    by_doc
}

/// Whether `claim_keys` keeps its claim counts (`schema::CLAIM_KEY_COUNTS`): a store opened
/// read-only at an older version has the rows without them.
fn claim_keys_counted(tx: &mut Transaction<'_>) -> R<bool> {
    Ok(tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = \
             current_schema() AND table_name = 'claim_keys' AND column_name = 'claims')",
            &[],
        )?
        .get(0))
}
