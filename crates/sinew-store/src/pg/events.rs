//! The PostgreSQL side of the PLOVER events (schema v10, as `sqlite/events.rs`): written with
//! each document's put ([`insert`]) or later for documents stored before the step
//! ([`put_pending`]); read back with the annotations ([`load`]) and listed by actor and date
//! ([`query`]). A document's events are one `doc_events` row (packed together, schema v13)
//! and one `event_keys` row per distinct key of their actors (the lower-case canonical name,
//! `iso3:` with the lower-case country code), so a listing by entity or country reads only
//! the documents with such an actor, and keeps the events it asks for, as SQLite's.

use postgres::types::ToSql;
use postgres::Transaction;
use sinew_types::{DocId, Event};

use super::{doc_text, R};
use crate::codec::{
    cut_lossy, doc_event_keys, event_filter_keys, event_selected, pack_doc_events, parse_date,
    unpack_doc_events,
};
use crate::{EventFilter, StoredEvent};

/// Whether the store has reached the step that keeps events as this build reads them.
pub(super) fn has_events(tx: &mut Transaction<'_>) -> R<bool> {
    Ok(tx
        .query_one("SELECT to_regclass('doc_events') IS NOT NULL", &[])?
        .try_get(0)?)
}

fn big(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Stores the events of the document stored at `seq`, in order (no row for none).
pub(super) fn insert(tx: &mut Transaction<'_>, seq: i64, events: &[Event]) -> R<()> {
    if events.is_empty() {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO doc_events (seq, body) VALUES ($1, $2)",
        &[&seq, &pack_doc_events(events)?],
    )?;
    let keys: Vec<String> = doc_event_keys(events).into_iter().collect();
    tx.execute(
        "INSERT INTO event_keys (key, seq) SELECT k, $2 FROM unnest($1::text[]) AS k \
         ON CONFLICT DO NOTHING",
        &[&keys, &seq],
    )?;
    Ok(())
}

/// Stores the events of documents stored before v10 and clears their pending marks; a
/// document no longer pending (another run got there first) is skipped.
pub(super) fn put_pending(tx: &mut Transaction<'_>, items: &[(DocId, Vec<Event>)]) -> R<()> {
    for (doc, events) in items {
        let cleared = tx.query_opt(
            "DELETE FROM events_pending WHERE doc = $1 RETURNING seq",
            &[&doc.0],
        )?;
        if let Some(row) = cleared {
            insert(tx, row.try_get(0)?, events)?;
        }
    }
    Ok(())
}

/// Up to `limit` documents awaiting their events, in ingest order.
pub(super) fn pending(tx: &mut Transaction<'_>, limit: usize) -> R<Vec<DocId>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    tx.query(
        "SELECT doc FROM events_pending ORDER BY seq LIMIT $1",
        &[&big(limit)],
    )?
    .iter()
    .map(|r| Ok(DocId(r.try_get(0)?)))
    .collect()
}

/// A document's events, in extraction order (none on a store without events).
pub(super) fn load(tx: &mut Transaction<'_>, doc: &DocId) -> R<Vec<Event>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    match tx.query_opt(
        "SELECT e.body FROM documents d JOIN doc_events e ON e.seq = d.seq WHERE d.id = $1",
        &[&doc.0],
    )? {
        Some(r) => Ok(unpack_doc_events(0, r.try_get(0)?)?),
        None => Ok(Vec::new()),
    }
}

/// The events `filter` selects, in ingest order, then as extracted.
pub(super) fn query(tx: &mut Transaction<'_>, filter: &EventFilter) -> R<Vec<StoredEvent>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    let keys = event_filter_keys(filter);
    let mut conds = Vec::new();
    let mut args: Vec<&(dyn ToSql + Sync)> = Vec::new();
    if !keys.is_empty() {
        args.push(&keys);
        conds.push(format!(
            "e.seq IN (SELECT seq FROM event_keys WHERE key = ANY(${}))",
            args.len()
        ));
    }
    if let Some(doc) = &filter.doc {
        args.push(&doc.0);
        conds.push(format!("d.id = ${}", args.len()));
    }
    let filter_sql = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    // The text is read and unpacked once per document with an event kept, in Rust.
    let sql = format!(
        "SELECT d.id, d.source, d.published, d.duplicate_of, d.seq, e.body \
         FROM doc_events e JOIN documents d ON d.seq = e.seq {filter_sql} ORDER BY e.seq"
    );
    let text_stmt = tx.prepare("SELECT text FROM documents WHERE seq = $1")?;
    let mut out = Vec::new();
    for r in tx.query(&sql, &args)? {
        let events = unpack_doc_events(5, r.try_get(5)?)?;
        let mut text: Option<String> = None;
        for (ord, event) in events.into_iter().enumerate() {
            if !event_selected(&event, &keys, filter) {
                continue;
            }
            if text.is_none() {
                let seq: i64 = r.try_get(4)?;
                let row = tx.query_one(&text_stmt, &[&seq])?;
                text = Some(doc_text(&row, 0)?);
            }
            let words = text.as_deref().unwrap_or_default();
            out.push(StoredEvent {
                doc: DocId(r.try_get(0)?),
                ord: u32::try_from(ord).unwrap_or(u32::MAX),
                source: r.try_get(1)?,
                published: parse_date(2, r.try_get(2)?)?,
                duplicate_of: r.try_get::<_, Option<String>>(3)?.map(DocId),
                sentence: cut_lossy(words, event.sentence.start, event.sentence.end),
                event,
            });
        }
    }
    Ok(out)
}
