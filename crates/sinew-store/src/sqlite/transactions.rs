//! How a call on the SQLite store becomes one transaction: a write holding the write lock
//! (waiting for it, or not), a read in one snapshot (reopened when a read-only store's file
//! changed under it), each through the store's one connection.

use rusqlite::{Transaction, TransactionBehavior};

use super::SqliteStore;
use crate::connect::{self, Stamp, SNAPSHOT_ATTEMPTS};
use crate::StoreError;

impl SqliteStore {
    pub(super) fn write<T>(
        &self,
        body: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.write_waiting(true, body)
    }

    /// [`SqliteStore::write`] that fails at once, instead of waiting, while another process
    /// holds the write lock: for a record that a read command adds after its work (a
    /// briefing's time), which must not make the command wait for an ingest.
    pub(super) fn write_now<T>(
        &self,
        body: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.write_waiting(false, body)
    }

    fn write_waiting<T>(
        &self,
        wait: bool,
        body: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        if self.read_only {
            return Err(StoreError::Unwritable {
                path: self.path.clone(),
                source: "the store was opened read-only".into(),
            });
        }
        let mut handle = self.lock();
        if !wait {
            handle
                .conn
                .busy_timeout(std::time::Duration::ZERO)
                .map_err(|e| self.fail(e))?;
        }
        let out = (|| {
            let tx = handle
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = body(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        if out.is_ok() {
            self.revision_state().count += 1;
        }
        if !wait {
            handle
                .conn
                .busy_timeout(connect::BUSY_TIMEOUT)
                .map_err(|e| self.fail(e))?;
        }
        out.map_err(|e| self.fail(e))
    }

    pub(crate) fn read<T>(
        &self,
        body: impl Fn(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        // One read transaction per call, so multi-query answers see one consistent snapshot.
        let mut handle = self.lock();
        for _ in 0..SNAPSHOT_ATTEMPTS {
            // An immutable snapshot is trusted only while the file is as it was when opened
            // (see `connect`): checked before the read, and after it, since a checkpoint may
            // have rewritten pages under it.
            if handle
                .snapshot
                .as_ref()
                .is_some_and(|s| *s != Stamp::of(&self.path))
            {
                *handle = connect::open_read_only(&self.path)?;
                self.reopened();
            }
            let out = {
                let tx = handle.conn.transaction().map_err(|e| self.fail(e))?;
                body(&tx)
            };
            match &handle.snapshot {
                Some(stamp) if *stamp != Stamp::of(&self.path) => continue,
                _ => return out.map_err(|e| self.fail(e)),
            }
        }
        Err(StoreError::Backend {
            path: self.path.clone(),
            source: "the database kept changing while it was read without a write-ahead log; \
                     try again"
                .into(),
        })
    }
}
