//! Which stored documents might be near-duplicates of a new one? The `dup_bands` table files
//! each stored fingerprint under its LSH bands (`Fingerprint::bands`), so a lookup costs one
//! index probe per band (21 for Sinew's fingerprints) whatever the size of the store, where
//! rebuilding an in-memory index from every stored fingerprint grew with the store.
//!
//! A band's key is its values as little-endian u32s, compared exactly: no hash, so the
//! candidates are exactly the documents agreeing with the query on a whole band, the same
//! set sinew-ingest's in-memory `DupIndex` finds.

use std::collections::BTreeSet;

use rusqlite::{params, Transaction};
use sinew_types::{DocFingerprint, DocId, Fingerprint};

use crate::codec::parse_fingerprint;

/// Files a stored document's fingerprint under each of its bands.
pub(crate) fn insert_bands(
    tx: &Transaction<'_>,
    seq: i64,
    fingerprint: &Fingerprint,
) -> rusqlite::Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT OR IGNORE INTO dup_bands (band, key, doc) VALUES (?1, ?2, ?3)")?;
    for (band, values) in fingerprint.bands() {
        stmt.execute(params![band, band_key(values), seq])?;
    }
    Ok(())
}

/// The stored documents sharing a band with `fingerprint`, in ingest order.
pub(crate) fn candidates(
    tx: &Transaction<'_>,
    fingerprint: &Fingerprint,
) -> rusqlite::Result<Vec<DocFingerprint>> {
    let mut seqs = BTreeSet::new();
    let mut stmt = tx.prepare_cached("SELECT doc FROM dup_bands WHERE band = ?1 AND key = ?2")?;
    for (band, values) in fingerprint.bands() {
        for seq in stmt.query_map(params![band, band_key(values)], |r| r.get::<_, i64>(0))? {
            seqs.insert(seq?);
        }
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id, fingerprint, duplicate_of FROM documents WHERE seq = ?1 AND fingerprint IS \
         NOT NULL",
    )?;
    let mut out = Vec::with_capacity(seqs.len());
    for seq in seqs {
        let mut rows = stmt.query([seq])?;
        if let Some(r) = rows.next()? {
            if let Some(fingerprint) = parse_fingerprint(1, r.get(1)?)? {
                out.push(DocFingerprint {
                    id: DocId(r.get(0)?),
                    fingerprint,
                    duplicate_of: r.get::<_, Option<String>>(2)?.map(DocId),
                });
            }
        }
    }
    Ok(out)
}

/// Files every stored fingerprint: the migration step that adds the table runs this for the
/// documents stored before it. One document's fingerprint is held at a time. A fingerprint
/// that cannot be decoded is left unfiled rather than failing the migration: it could never
/// match anything, and reading it still reports it as malformed.
pub(crate) fn backfill(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut stmt =
        tx.prepare("SELECT seq, fingerprint FROM documents WHERE fingerprint IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        if let Ok(Some(fingerprint)) = parse_fingerprint(1, r.get(1)?) {
            insert_bands(tx, seq, &fingerprint)?;
        }
    }
    Ok(())
}

/// A band's values as little-endian bytes: the exact key.
fn band_key(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}
