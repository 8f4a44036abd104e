//! The PostgreSQL side of the PLOVER events (schema v10, as `sqlite/events.rs`): written with
//! each document's put ([`insert`]) or later for documents stored before the step
//! ([`put_pending`]); read back with the annotations ([`load`]) and listed by actor and date
//! ([`query`]). Each event is one `events` row and one `event_actors` row per distinct key of
//! its actors (the lower-case canonical name, `iso3:` with the lower-case country code), so a
//! listing by entity or country is an index range. A store opened read-only below v10 has no
//! such tables and answers "no events".

use std::collections::BTreeSet;

use postgres::types::ToSql;
use postgres::{Row, Transaction};
use sinew_types::{DocId, Event};

use super::{doc_text, size, Fail, R};
use crate::codec::{cut_lossy, date_text, pack_event, parse_date, unpack_event};
use crate::{EventFilter, StoredEvent};

/// Whether the store has reached the step that keeps events.
pub(super) fn has_events(tx: &mut Transaction<'_>) -> R<bool> {
    Ok(tx
        .query_one("SELECT to_regclass('events') IS NOT NULL", &[])?
        .try_get(0)?)
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

fn big(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Stores the events of the document stored at `seq`, in order.
pub(super) fn insert(tx: &mut Transaction<'_>, seq: i64, events: &[Event]) -> R<()> {
    if events.is_empty() {
        return Ok(());
    }
    let row = tx.prepare(
        "INSERT INTO events (seq, ord, sentence_start, sentence_end, date, date_end, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )?;
    let actor = tx.prepare(
        "INSERT INTO event_actors (key, seq, ord) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )?;
    for (ord, e) in events.iter().enumerate() {
        let ord = big(ord);
        tx.execute(
            &row,
            &[
                &seq,
                &ord,
                &big(e.sentence.start),
                &big(e.sentence.end),
                &date_text(e.date),
                &date_text(e.date_end),
                &pack_event(e)?,
            ],
        )?;
        for key in actor_keys(e) {
            tx.execute(&actor, &[&key, &seq, &ord])?;
        }
    }
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

fn event_body(r: &Row, idx: usize) -> R<Event> {
    Ok(unpack_event(idx, r.try_get(idx)?)?)
}

/// A document's events, in extraction order (none on a store without events).
pub(super) fn load(tx: &mut Transaction<'_>, doc: &DocId) -> R<Vec<Event>> {
    if !has_events(tx)? {
        return Ok(Vec::new());
    }
    tx.query(
        "SELECT e.body FROM documents d JOIN events e ON e.seq = d.seq WHERE d.id = $1 \
         ORDER BY e.ord",
        &[&doc.0],
    )?
    .iter()
    .map(|r| event_body(r, 0))
    .collect()
}

/// The events `filter` selects, in ingest order, then as extracted.
pub(super) fn query(tx: &mut Transaction<'_>, filter: &EventFilter) -> R<Vec<StoredEvent>> {
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
    let mut args: Vec<&(dyn ToSql + Sync)> = Vec::new();
    if !keys.is_empty() {
        args.push(&keys);
        conds.push(format!(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.key = ANY(${}) AND a.seq = e.seq \
             AND a.ord = e.ord)",
            args.len()
        ));
    }
    if let Some(from) = &from {
        args.push(from);
        conds.push(format!("coalesce(e.date_end, e.date) >= ${}", args.len()));
    }
    if let Some(to) = &to {
        args.push(to);
        conds.push(format!("e.date <= ${}", args.len()));
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
    // The sentence's words are cut from the text as bytes, since spans are byte offsets; the
    // text is packed (v12), so it is read and unpacked once per document, in Rust.
    let sql = format!(
        "SELECT d.id, e.ord, d.source, d.published, d.duplicate_of, e.seq, \
         e.sentence_start, e.sentence_end, e.body \
         FROM events e JOIN documents d ON d.seq = e.seq {filter_sql} \
         ORDER BY e.seq, e.ord"
    );
    let text_stmt = tx.prepare("SELECT text FROM documents WHERE seq = $1")?;
    let mut text: Option<(i64, String)> = None;
    let mut out = Vec::new();
    for r in tx.query(&sql, &args)? {
        let seq: i64 = r.try_get(5)?;
        if text.as_ref().is_none_or(|(at, _)| *at != seq) {
            let row = tx.query_one(&text_stmt, &[&seq])?;
            text = Some((seq, doc_text(&row, 0)?));
        }
        let words = text.as_ref().map_or("", |(_, t)| t.as_str());
        out.push(StoredEvent {
            doc: DocId(r.try_get(0)?),
            ord: u32::try_from(size(&r, 1)?)
                .map_err(|_| Fail::Bad("event ordinal out of range".into()))?,
            source: r.try_get(2)?,
            published: parse_date(3, r.try_get(3)?)?,
            duplicate_of: r.try_get::<_, Option<String>>(4)?.map(DocId),
            sentence: cut_lossy(words, size(&r, 6)?, size(&r, 7)?),
            event: event_body(&r, 8)?,
        });
    }
    Ok(out)
}
