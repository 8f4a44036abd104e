//! What older schemas kept unpacked, read here only by the migration steps that pack it: the
//! tables schema v11 (`schema.rs`, `COMPACT`) packs into `doc_annotations`, a document at a
//! time, the texts schema v12 (`PACKED_TEXT`) packs in place, and the claims packed alone
//! that schema v13 (`DOC_CLAIMS`) packs a document at a time.

use rusqlite::{params, Row, Transaction};
use sinew_types::{
    Annotations, Attribution, Coarse, Description, Diagnostic, DocId, Mention, MentionKind,
    Quantity, Sentence, Span, TimeExpr,
};

use super::{entities, span};
use crate::codec::{
    pack_annotations, pack_claim_json, pack_doc_claims as pack_claims,
    pack_doc_events as pack_events, pack_doc_text, pack_event_json, parse_date, parse_enum,
    unpack_claim, unpack_event,
};

/// Packs the text of every document stored before schema v12 (`schema.rs`, `PACKED_TEXT`),
/// a page of documents at a time in `seq` order, so memory holds one page whatever the
/// store's size. A text already packed (a BLOB) is left as it is.
pub(crate) fn pack_texts(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    const PAGE: i64 = 256;
    let mut read = tx.prepare(
        "SELECT seq, text FROM documents WHERE seq > ?1 AND typeof(text) = 'text' \
         ORDER BY seq LIMIT ?2",
    )?;
    let mut put = tx.prepare("UPDATE documents SET text = ?2 WHERE seq = ?1")?;
    let mut after = i64::MIN;
    loop {
        let page = read
            .query_map(params![after, PAGE], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let Some((last, _)) = page.last() else {
            return Ok(());
        };
        after = *last;
        for (seq, text) in &page {
            put.execute(params![seq, pack_doc_text(text)])?;
        }
    }
}

/// Packs the claims of every document, stored one a row before schema v13 (`schema.rs`,
/// `DOC_CLAIMS`), into `doc_claims`, one document's claims in memory at a time. Each claim
/// reads back as v11-v12 read it (its JSON and the figures of its REAL columns), so the
/// packed claims are the ones every call read before the step.
pub(crate) fn pack_doc_claims(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut read =
        tx.prepare("SELECT seq, body, value, value_max FROM claims ORDER BY seq, ord")?;
    let mut put = tx.prepare("INSERT INTO doc_claims (seq, claims, body) VALUES (?1, ?2, ?3)")?;
    let mut rows = read.query([])?;
    let mut doc: Option<(i64, Vec<sinew_types::Claim>)> = None;
    let mut flush = |doc: Option<(i64, Vec<sinew_types::Claim>)>| -> rusqlite::Result<()> {
        if let Some((seq, claims)) = doc {
            put.execute(params![seq, claims.len(), pack_claims(&claims)?])?;
        }
        Ok(())
    };
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let claim = unpack_claim(1, r.get_ref(1)?.as_blob()?, r.get(2)?, r.get(3)?)?;
        match &mut doc {
            Some((at, claims)) if *at == seq => claims.push(claim),
            _ => flush(doc.replace((seq, vec![claim])))?,
        }
    }
    flush(doc)
}

/// Fills `claim_keys.claims` (`schema.rs`, `CLAIM_KEY_COUNTS`) for the claims stored before
/// the step: each document's packed claims unpacked once, in `seq` order, and each of its
/// keys given the number of its claims that key finds.
pub(crate) fn count_claim_keys(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut read = tx.prepare("SELECT seq, body FROM doc_claims ORDER BY seq")?;
    let mut put = tx.prepare("UPDATE claim_keys SET claims = ?3 WHERE key = ?1 AND seq = ?2")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let claims = crate::codec::unpack_doc_claims(1, r.get_ref(1)?.as_blob()?)?;
        for (key, n) in crate::codec::claim_key_counts(&claims) {
            put.execute(params![key, seq, n])?;
        }
    }
    Ok(())
}

/// Packs the events of every document, stored one a row before schema v13 (`schema.rs`,
/// `PACKED_BY_DOCUMENT`), into `doc_events`, one document's events in memory at a time.
pub(crate) fn pack_doc_events(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut read = tx.prepare("SELECT seq, body FROM events ORDER BY seq, ord")?;
    let mut put = tx.prepare("INSERT INTO doc_events (seq, body) VALUES (?1, ?2)")?;
    let mut rows = read.query([])?;
    let mut doc: Option<(i64, Vec<sinew_types::Event>)> = None;
    let mut flush = |doc: Option<(i64, Vec<sinew_types::Event>)>| -> rusqlite::Result<()> {
        if let Some((seq, events)) = doc {
            put.execute(params![seq, pack_events(&events)?])?;
        }
        Ok(())
    };
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let event = unpack_event(1, r.get_ref(1)?.as_blob()?)?;
        match &mut doc {
            Some((at, events)) if *at == seq => events.push(event),
            _ => flush(doc.replace((seq, vec![event])))?,
        }
    }
    flush(doc)
}

/// Packs every stored document's rows of the old tables into `doc_annotations`, one document
/// in memory at a time.
pub(crate) fn pack_stored(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut docs = tx.prepare("SELECT seq, id FROM documents ORDER BY seq")?;
    let mut rows = docs.query([])?;
    let mut put = tx.prepare(
        "INSERT INTO doc_annotations (seq, mentions, quantities, times, body) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let ann = load_parts(tx, &DocId(r.get(1)?))?;
        put.execute(params![
            seq,
            ann.mentions.len(),
            ann.quantities.len(),
            ann.times.len(),
            pack_annotations(&ann)
        ])?;
    }
    // The claims' JSON is packed as it was stored; their columns move as they are.
    let mut claims = tx.prepare(
        "SELECT d.seq, c.ord, c.span_start, c.span_end, c.subject_key, c.object_key, c.value, \
         c.value_max, c.json FROM claims c JOIN documents d ON d.id = c.doc ORDER BY d.seq, c.ord",
    )?;
    let mut rows = claims.query([])?;
    let mut put = tx.prepare(
        "INSERT INTO claims_v11 (seq, ord, span_start, span_end, subject_key, object_key, \
         value, value_max, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    while let Some(r) = rows.next()? {
        let cell = |i: usize| r.get::<_, rusqlite::types::Value>(i);
        put.execute(params![
            cell(0)?,
            cell(1)?,
            cell(2)?,
            cell(3)?,
            cell(4)?,
            cell(5)?,
            cell(6)?,
            cell(7)?,
            pack_claim_json(r.get_ref(8)?.as_str()?)
        ])?;
    }
    // Events likewise (their actor keys move in the step's SQL).
    let mut events = tx.prepare(
        "SELECT d.seq, e.ord, e.sentence_start, e.sentence_end, e.date, e.date_end, e.json \
         FROM events e JOIN documents d ON d.id = e.doc ORDER BY d.seq, e.ord",
    )?;
    let mut rows = events.query([])?;
    let mut put = tx.prepare(
        "INSERT INTO events_v11 (seq, ord, sentence_start, sentence_end, date, date_end, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    while let Some(r) = rows.next()? {
        let cell = |i: usize| r.get::<_, rusqlite::types::Value>(i);
        put.execute(params![
            cell(0)?,
            cell(1)?,
            cell(2)?,
            cell(3)?,
            cell(4)?,
            cell(5)?,
            pack_event_json(r.get_ref(6)?.as_str()?)
        ])?;
    }
    Ok(())
}

/// Rows of one child table for one document, in extraction order.
fn rows<T>(
    tx: &Transaction<'_>,
    columns: &str,
    table: &str,
    id: &DocId,
    decode: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    tx.prepare_cached(&format!(
        "SELECT {columns} FROM {table} WHERE doc = ?1 ORDER BY ord"
    ))?
    .query_map([&id.0], decode)?
    .collect()
}

/// A document's annotations as the tables before v11 held them, claims and events left out
/// (the step moves those in SQL).
fn load_parts(tx: &Transaction<'_>, id: &DocId) -> rusqlite::Result<Annotations> {
    let sentences = rows(tx, "span_start, span_end", "sentences", id, |r| {
        Ok(Sentence { span: span(r, 0)? })
    })?;
    let mentions = rows(
        tx,
        "span_start, span_end, text, type, canonical, entity_id, country, coarse, sector, kind",
        "mentions",
        id,
        |r| {
            let entity_type: sinew_types::EntityType = parse_enum(3, r.get(3)?)?;
            // NULL on mentions stored before schema v6: the class the type implies.
            let coarse = match r.get::<_, Option<String>>(7)? {
                Some(code) => Coarse::parse(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        7,
                        rusqlite::types::Type::Text,
                        format!("unknown class {code:?}").into(),
                    )
                })?,
                None => entity_type.coarse(),
            };
            let sector: Option<String> = r.get(8)?;
            let kind: String = r.get(9)?;
            Ok(Mention {
                span: span(r, 0)?,
                text: r.get(2)?,
                entity_type,
                canonical: r.get(4)?,
                id: r.get(5)?,
                country: r.get(6)?,
                coarse,
                sector: sector.map(|s| entities::parse_sector(8, &s)).transpose()?,
                kind: match kind.as_str() {
                    "name" => MentionKind::Name,
                    "nominal" => MentionKind::Nominal,
                    _ => {
                        return Err(rusqlite::Error::FromSqlConversionFailure(
                            9,
                            rusqlite::types::Type::Text,
                            format!("unknown mention kind {kind:?}").into(),
                        ))
                    }
                },
            })
        },
    )?;
    let quantities = rows(
        tx,
        "span_start, span_end, text, value, value_max, unit, kind, qualifier, per, vague",
        "quantities",
        id,
        |r| {
            Ok(Quantity {
                span: span(r, 0)?,
                text: r.get(2)?,
                value: r.get::<_, Option<f64>>(3)?.unwrap_or(f64::NAN),
                value_max: r.get(4)?,
                unit: r.get(5)?,
                kind: parse_enum(6, r.get(6)?)?,
                qualifier: r.get(7)?,
                per: r.get(8)?,
                vague: r.get(9)?,
            })
        },
    )?;
    let times = rows(
        tx,
        "span_start, span_end, text, start_date, end_date, grain, kind, timex",
        "times",
        id,
        |r| {
            Ok(TimeExpr {
                span: span(r, 0)?,
                text: r.get(2)?,
                start_date: parse_date(3, r.get(3)?)?,
                end_date: parse_date(4, r.get(4)?)?,
                grain: parse_enum(5, r.get(5)?)?,
                kind: parse_enum(6, r.get(6)?)?,
                timex: r.get(7)?,
            })
        },
    )?;
    let attributions = rows(
        tx,
        "span_start, span_end, source_start, source_end, source, cue",
        "attributions",
        id,
        |r| {
            Ok(Attribution {
                span: span(r, 0)?,
                source_span: span(r, 2)?,
                source: r.get(4)?,
                cue: r.get(5)?,
            })
        },
    )?;
    let diagnostics = rows(
        tx,
        "span_start, span_end, message",
        "diagnostics",
        id,
        |r| {
            let start: Option<usize> = r.get(0)?;
            let end: Option<usize> = r.get(1)?;
            let span = start.zip(end).map(|(start, end)| Span { start, end });
            Ok(Diagnostic {
                span,
                message: r.get(2)?,
            })
        },
    )?;
    let descriptions = rows(
        tx,
        "span_start, span_end, entity_id, text",
        "descriptions",
        id,
        |r| {
            Ok(Description {
                span: span(r, 0)?,
                entity: r.get(2)?,
                text: r.get(3)?,
            })
        },
    )?;
    Ok(Annotations {
        sentences,
        mentions,
        quantities,
        times,
        attributions,
        claims: Vec::new(),
        diagnostics,
        descriptions,
        events: Vec::new(),
    })
}
