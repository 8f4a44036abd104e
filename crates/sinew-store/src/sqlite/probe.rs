//! The already-stored check, on a connection of its own.
//!
//! Ingest's annotating threads ask [`Store::contains`](crate::Store::contains) of every
//! document while the main thread writes a batch through the store's connection; in WAL mode
//! a second connection reads the last commit without waiting for that transaction, nor for
//! the lock around the first connection. Opened on first use, for a read-write store on disk
//! only (a store in memory is one connection; a read-only one never waits for a writer).

use std::path::Path;
use std::sync::Mutex;

use rusqlite::Connection;
use sinew_types::DocId;

use crate::connect;
use crate::StoreError;

/// The second connection, `None` until first used.
#[derive(Default)]
pub(super) struct Probe(Mutex<Option<Connection>>);

impl Probe {
    /// Whether the store at `path` holds document `id`.
    pub(super) fn contains(&self, path: &Path, id: &DocId) -> Result<bool, StoreError> {
        let mut conn = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if conn.is_none() {
            *conn = Some(connect::open_probe(path)?);
        }
        let conn = conn.as_ref().expect("opened above");
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")
            .and_then(|mut q| q.query_row([&id.0], |r| r.get(0)))
            .map_err(|e| StoreError::from_sqlite(path, e))
    }
}
