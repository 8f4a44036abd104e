//! Which events does the store hold? The PLOVER events of schema v10 (`schema.rs`, `EVENTS`):
//! written with each document's put ([`insert`]), or later for documents stored before the
//! step ([`put_pending`]); read back with the annotations ([`load`]) and listed by actor and
//! date ([`query`]).
//!
//! A document's events are one `doc_events` row keyed by its `seq` (the events packed
//! together, `codec::pack_doc_events`, schema v13) and one `event_keys` row per distinct key
//! of their actors: the lower-case canonical name and `iso3:` with the lower-case country
//! code, so a listing by entity or country reads only the documents that have such an actor,
//! and keeps, of their events, those the listing asks for (`codec::event_selected`).

use rusqlite::{params, OptionalExtension, ToSql, Transaction};
use sinew_types::{DocId, Event};

use crate::codec::{
    cut_lossy, doc_event_keys, event_filter_keys, event_selected, pack_doc_events, parse_date,
    stored_doc_text, unpack_doc_events,
};
use crate::{EventFilter, StoredEvent};

pub(super) fn has_events(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_events')",
        [],
        |r| r.get(0),
    )
}

/// Stores the events of the document stored at `seq`, in order (no row for none).
pub(super) fn insert(tx: &Transaction<'_>, seq: i64, events: &[Event]) -> rusqlite::Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    tx.prepare_cached("INSERT INTO doc_events (seq, body) VALUES (?1, ?2)")?
        .execute(params![seq, pack_doc_events(events)?])?;
    let mut key_row =
        tx.prepare_cached("INSERT OR IGNORE INTO event_keys (key, seq) VALUES (?1, ?2)")?;
    for key in doc_event_keys(events) {
        key_row.execute(params![key, seq])?;
    }
    Ok(())
}

/// Stores the events of documents stored before v10 and clears their pending marks; a
/// document no longer pending (another run got there first) is skipped, so nothing is
/// stored twice.
pub(super) fn put_pending(
    tx: &Transaction<'_>,
    items: &[(DocId, Vec<Event>)],
) -> rusqlite::Result<()> {
    let mut clear = tx.prepare_cached("DELETE FROM events_pending WHERE doc = ?1 RETURNING seq")?;
    for (doc, events) in items {
        let cleared: Option<i64> = clear.query_row([&doc.0], |r| r.get(0)).optional()?;
        if let Some(seq) = cleared {
            insert(tx, seq, events)?;
        }
    }
    Ok(())
}

/// Up to `limit` documents awaiting their events, in ingest order.
pub(super) fn pending(tx: &Transaction<'_>, limit: usize) -> rusqlite::Result<Vec<DocId>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    tx.prepare_cached("SELECT doc FROM events_pending ORDER BY seq LIMIT ?1")?
        .query_map([limit], |r| Ok(DocId(r.get(0)?)))?
        .collect()
}

/// A document's events, in extraction order (none on a store without events).
pub(super) fn load(tx: &Transaction<'_>, doc: &DocId) -> rusqlite::Result<Vec<Event>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    tx.prepare_cached(
        "SELECT e.body FROM documents d JOIN doc_events e ON e.seq = d.seq WHERE d.id = ?1",
    )?
    .query_row([&doc.0], |r| unpack_doc_events(0, r.get_ref(0)?.as_blob()?))
    .optional()
    .map(Option::unwrap_or_default)
}

/// The events `filter` selects, in ingest order, then as extracted; with each sentence's
/// words when `words` (else the sentences are left empty and no document's text is read).
pub(super) fn query(
    tx: &Transaction<'_>,
    filter: &EventFilter,
    words: bool,
) -> rusqlite::Result<Vec<StoredEvent>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    let keys = event_filter_keys(filter);
    // The documents are chosen in SQL (by their actors' keys, by id), their events kept in
    // Rust (`event_selected`).
    let mut conds = Vec::new();
    let mut args: Vec<&dyn ToSql> = Vec::new();
    if !keys.is_empty() {
        let mut marks = Vec::new();
        for k in &keys {
            args.push(k);
            marks.push(format!("?{}", args.len()));
        }
        conds.push(format!(
            "e.seq IN (SELECT seq FROM event_keys WHERE key IN ({}))",
            marks.join(", ")
        ));
    }
    if let Some(doc) = &filter.doc {
        args.push(&doc.0);
        conds.push(format!("d.id = ?{}", args.len()));
    }
    let filter_sql = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    // The sentence's words are cut from the text as bytes, since spans are byte offsets; the
    // text is packed (v12), so it is read and unpacked once per document, in Rust, and only
    // for a document with an event kept, and only when the words are asked for.
    let sql = format!(
        "SELECT d.id, d.source, d.published, d.duplicate_of, d.seq, e.body \
         FROM doc_events e JOIN documents d ON d.seq = e.seq {filter_sql} ORDER BY e.seq"
    );
    let mut text_stmt = tx.prepare_cached("SELECT text FROM documents WHERE seq = ?1")?;
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query(args.as_slice())?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let events = unpack_doc_events(5, r.get_ref(5)?.as_blob()?)?;
        let mut text: Option<String> = None;
        for (ord, event) in events.into_iter().enumerate() {
            if !event_selected(&event, &keys, filter) {
                continue;
            }
            if words && text.is_none() {
                let seq: i64 = r.get(4)?;
                text = Some(text_stmt.query_row([seq], |t| stored_doc_text(0, t.get_ref(0)?))?);
            }
            out.push(StoredEvent {
                doc: DocId(r.get(0)?),
                ord: u32::try_from(ord).unwrap_or(u32::MAX),
                source: r.get(1)?,
                published: parse_date(2, r.get(2)?)?,
                duplicate_of: r.get::<_, Option<String>>(3)?.map(DocId),
                sentence: match &text {
                    Some(t) => cut_lossy(t, event.sentence.start, event.sentence.end),
                    None => String::new(),
                },
                event,
            });
        }
    }
    Ok(out)
}
