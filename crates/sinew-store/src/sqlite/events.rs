//! Which events does the store hold? The PLOVER events of schema v10 (`schema.rs`, `EVENTS`):
//! written with each document's put ([`insert`]), or later for documents stored before the
//! step ([`put_pending`]); read back with the annotations ([`load`]) and listed by actor and
//! date ([`query`]).
//!
//! Each event is one `events` row keyed by its document's `seq` and its ordinal (the `Event`
//! packed, `codec::pack_event`, plus the columns a listing filters on, schema v11) and one
//! `event_actors` row per distinct key of its actors: the lower-case canonical name and
//! `iso3:` with the lower-case country code, so a listing by entity or country is an index
//! range, not a scan of every event.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Row, ToSql, Transaction};
use sinew_types::{DocId, Event};

use crate::codec::{cut_lossy, date_text, pack_event, parse_date, stored_doc_text, unpack_event};
use crate::{EventFilter, StoredEvent};

pub(super) fn has_events(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events')",
        [],
        |r| r.get(0),
    )
}

/// The keys an event is filed under: each actor's canonical name and country, lower case.
fn actor_keys(event: &Event) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for a in event.source.iter().chain(&event.target) {
        if let Some(c) = &a.canonical {
            keys.insert(c.to_lowercase());
        }
        if let Some(c) = &a.country {
            keys.insert(format!("iso3:{}", c.to_lowercase()));
        }
    }
    keys
}

/// Stores the events of the document stored at `seq`, in order.
pub(super) fn insert(tx: &Transaction<'_>, seq: i64, events: &[Event]) -> rusqlite::Result<()> {
    let mut row = tx.prepare_cached(
        "INSERT INTO events (seq, ord, sentence_start, sentence_end, date, date_end, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut actor = tx
        .prepare_cached("INSERT OR IGNORE INTO event_actors (key, seq, ord) VALUES (?1, ?2, ?3)")?;
    for (ord, e) in events.iter().enumerate() {
        row.execute(params![
            seq,
            ord,
            e.sentence.start,
            e.sentence.end,
            date_text(e.date),
            date_text(e.date_end),
            pack_event(e)?
        ])?;
        for key in actor_keys(e) {
            actor.execute(params![key, seq, ord])?;
        }
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

fn event_body(r: &Row<'_>, idx: usize) -> rusqlite::Result<Event> {
    unpack_event(idx, r.get_ref(idx)?.as_blob()?)
}

/// A document's events, in extraction order (none on a store without events).
pub(super) fn load(tx: &Transaction<'_>, doc: &DocId) -> rusqlite::Result<Vec<Event>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    tx.prepare_cached(
        "SELECT e.body FROM documents d JOIN events e ON e.seq = d.seq WHERE d.id = ?1 \
         ORDER BY e.ord",
    )?
    .query_map([&doc.0], |r| event_body(r, 0))?
    .collect()
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
    let keys: Vec<String> = filter
        .entities
        .iter()
        .map(|e| e.to_lowercase())
        .chain(
            filter
                .countries
                .iter()
                .map(|c| format!("iso3:{}", c.to_lowercase())),
        )
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let from = date_text(filter.from);
    let to = date_text(filter.to);
    let mut conds = Vec::new();
    let mut args: Vec<&dyn ToSql> = Vec::new();
    // Events filed under the keys are found from `event_actors`' key ranges, then read by
    // their primary key; a test of each event against the keys (a correlated EXISTS) read
    // every stored event.
    let mut by_actor = String::new();
    if !keys.is_empty() {
        let mut marks = Vec::new();
        for k in &keys {
            args.push(k);
            marks.push(format!("?{}", args.len()));
        }
        by_actor = format!(
            "(SELECT DISTINCT seq, ord FROM event_actors WHERE key IN ({})) a \
             JOIN events e ON e.seq = a.seq AND e.ord = a.ord",
            marks.join(", ")
        );
    }
    if let Some(from) = &from {
        args.push(from);
        conds.push(format!("coalesce(e.date_end, e.date) >= ?{}", args.len()));
    }
    if let Some(to) = &to {
        args.push(to);
        conds.push(format!("e.date <= ?{}", args.len()));
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
    // text is packed (v12), so it is read and unpacked once per document, in Rust.
    let from_sql = if by_actor.is_empty() {
        "events e"
    } else {
        by_actor.as_str()
    };
    let sql = format!(
        "SELECT d.id, e.ord, d.source, d.published, d.duplicate_of, e.seq, \
         e.sentence_start, e.sentence_end, e.body \
         FROM {from_sql} JOIN documents d ON d.seq = e.seq {filter_sql} \
         ORDER BY e.seq, e.ord"
    );
    let mut text_stmt = tx.prepare_cached("SELECT text FROM documents WHERE seq = ?1")?;
    let mut text: Option<(i64, String)> = None;
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query(args.as_slice())?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(5)?;
        if words && text.as_ref().is_none_or(|(at, _)| *at != seq) {
            let words = text_stmt.query_row([seq], |t| stored_doc_text(0, t.get_ref(0)?))?;
            text = Some((seq, words));
        }
        let text_words = text.as_ref().map_or("", |(_, t)| t.as_str());
        out.push(StoredEvent {
            doc: DocId(r.get(0)?),
            ord: r.get(1)?,
            source: r.get(2)?,
            published: parse_date(3, r.get(3)?)?,
            duplicate_of: r.get::<_, Option<String>>(4)?.map(DocId),
            sentence: if words {
                cut_lossy(text_words, r.get(6)?, r.get(7)?)
            } else {
                String::new()
            },
            event: event_body(r, 8)?,
        });
    }
    Ok(out)
}
