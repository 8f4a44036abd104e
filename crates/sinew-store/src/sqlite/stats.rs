//! How much does the store hold? [`Store::stats`](crate::Store::stats) on SQLite, kept by
//! the store handle and advanced over the documents stored since it last counted.
//!
//! The counts of mentions, quantities and times sit beside each document's packed
//! annotations (`doc_annotations`), and the claims beside its packed claims (`doc_claims`):
//! summing them reads a page of every document's row, about a second warm and ten cold at
//! 100k documents, which a status page asked every few seconds cannot pay. Those rows are
//! only ever inserted, with the document, under a `seq` one above the largest stored (a
//! document is never deleted or replaced, and a write transaction is alone): every row a
//! later commit adds has a `seq` above all the rows a read saw. So the handle keeps the
//! counts with the largest `seq` they cover, and each call adds the rows above it, a range
//! read of the primary key: the whole store once per handle, then what was stored since,
//! whichever process stored it.

use rusqlite::Transaction;

use super::SqliteStore;
use crate::{StoreError, StoreStats};

/// Counts covering every document up to `seq` (0: none counted yet).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Counted {
    seq: i64,
    stats: StoreStats,
}

/// `counted` advanced over the documents stored above its `seq`, read in `tx` (one
/// snapshot, so the sums and the new bound agree).
fn advance(tx: &Transaction<'_>, counted: Counted) -> rusqlite::Result<Counted> {
    let (documents, top): (i64, Option<i64>) = tx.query_row(
        "SELECT count(*), max(seq) FROM documents WHERE seq > ?1",
        [counted.seq],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some(top) = top else {
        return Ok(counted);
    };
    let (mentions, quantities, times): (i64, i64, i64) = tx.query_row(
        "SELECT coalesce(sum(mentions), 0), coalesce(sum(quantities), 0), \
         coalesce(sum(times), 0) FROM doc_annotations WHERE seq > ?1 AND seq <= ?2",
        [counted.seq, top],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let claims: i64 = tx.query_row(
        "SELECT coalesce(sum(claims), 0) FROM doc_claims WHERE seq > ?1 AND seq <= ?2",
        [counted.seq, top],
        |r| r.get(0),
    )?;
    let add = |n: i64| u64::try_from(n).unwrap_or(0);
    let s = counted.stats;
    Ok(Counted {
        seq: top,
        stats: StoreStats {
            documents: s.documents + add(documents),
            mentions: s.mentions + add(mentions),
            quantities: s.quantities + add(quantities),
            times: s.times + add(times),
            claims: s.claims + add(claims),
        },
    })
}

impl SqliteStore {
    /// The counts now: the kept ones advanced over what was stored since.
    pub(super) fn counted_stats(&self) -> Result<StoreStats, StoreError> {
        let kept = *self
            .counted
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = self.read(|tx| advance(tx, kept))?;
        let mut counted = self
            .counted
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Two callers may advance at once: the one that saw further is kept.
        if now.seq > counted.seq {
            *counted = now;
        }
        Ok(now.stats)
    }
}
