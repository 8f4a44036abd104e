//! The store's revision ([`Store::revision`](crate::Store::revision)) on SQLite: a count
//! raised by each commit through this store and by each change to the file seen since
//! (`PRAGMA data_version`, which moves when another connection commits but not for this
//! connection's own commits; or a read-only snapshot reopened).

use std::sync::MutexGuard;

use super::SqliteStore;
use crate::connect::{self, Stamp};
use crate::StoreError;

/// The count and what it was last checked against.
#[derive(Debug, Default)]
pub(super) struct Revision {
    pub(super) count: u64,
    /// The connection's `data_version` when last read; `None` after the connection was
    /// reopened (a new connection's number says nothing of the old one's).
    data_version: Option<i64>,
}

impl SqliteStore {
    /// The revision's state (a panic holding it left a sound count).
    pub(super) fn revision_state(&self) -> MutexGuard<'_, Revision> {
        self.revision
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Notes that the file changed under a reopened connection.
    pub(super) fn reopened(&self) {
        let mut r = self.revision_state();
        r.count += 1;
        r.data_version = None;
        drop(r);
        // A reopened file may not be the one counted: count it afresh.
        *self
            .counted
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Default::default();
    }

    /// The revision now: the count, raised first if the file changed since it was last read.
    pub(super) fn current_revision(&self) -> Result<u64, StoreError> {
        let mut handle = self.lock();
        if handle
            .snapshot
            .as_ref()
            .is_some_and(|s| *s != Stamp::of(&self.path))
        {
            *handle = connect::open_read_only(&self.path)?;
            self.reopened();
        }
        let version: i64 = handle
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        drop(handle);
        let mut r = self.revision_state();
        if r.data_version.is_some_and(|v| v != version) {
            r.count += 1;
        }
        r.data_version = Some(version);
        Ok(r.count)
    }
}
