//! A stored document's annotations read back from the PostgreSQL store: the packed parts of
//! schema v11 (`doc_annotations`, as SQLite's), the claims and the events ([`load`]); and
//! the tables before v11, one typed query per child table in extraction order, read only by
//! the step that packs them ([`pack_stored`]); and the texts schema v12 packs
//! ([`pack_texts`]); and the claims and events schema v13 packs a document at a time
//! ([`pack_doc_claims`], [`pack_doc_events`]).

use postgres::types::Type;
use postgres::{Row, Transaction};
use sinew_types::{
    Annotations, Attribution, Coarse, Description, Diagnostic, DocId, Mention, MentionKind,
    Quantity, Sentence, TimeExpr,
};

use super::{span, Fail, R};
use crate::codec::{
    pack_annotations, pack_claim_json, pack_doc_claims as pack_doc_claims_body,
    pack_doc_events as pack_doc_events_body, pack_doc_text, pack_event_json, parse_date,
    parse_enum, unpack_annotations, unpack_claim, unpack_event,
};

/// A stored document's annotations: the packed parts, its claims and its events.
pub(super) fn load(tx: &mut Transaction<'_>, id: &DocId) -> R<Annotations> {
    let found = tx.query_typed(
        "SELECT a.seq, a.body FROM doc_annotations a JOIN documents d ON d.seq = a.seq \
         WHERE d.id = $1",
        &[(&id.0, Type::TEXT)],
    )?;
    // A document stored without its row is not possible through `put`; read it as bare.
    let (seq, packed) = match found.first() {
        Some(r) => (
            r.try_get::<_, i64>(0)?,
            unpack_annotations(r.try_get::<_, &[u8]>(1)?).map_err(Fail::Bad)?,
        ),
        None => (0, crate::codec::Packed::default()),
    };
    let claims = super::doc_claims(tx, seq)?;
    Ok(Annotations {
        sentences: packed.sentences,
        mentions: packed.mentions,
        quantities: packed.quantities,
        times: packed.times,
        attributions: packed.attributions,
        claims,
        diagnostics: packed.diagnostics,
        descriptions: packed.descriptions,
        events: super::events::load(tx, id)?,
    })
}

/// Packs the claims of every document, stored one a row before schema v13 (`schema::V13`),
/// into `doc_claims`, one document's claims in memory at a time, each read as v11-v12 read
/// it (as SQLite's `legacy::pack_doc_claims`).
pub(super) fn pack_doc_claims(tx: &mut Transaction<'_>) -> R<()> {
    let docs = tx.query("SELECT DISTINCT seq FROM claims ORDER BY seq", &[])?;
    let read =
        tx.prepare("SELECT body, value, value_max FROM claims WHERE seq = $1 ORDER BY ord")?;
    for d in &docs {
        let seq: i64 = d.try_get(0)?;
        let claims = tx
            .query(&read, &[&seq])?
            .iter()
            .map(|r| claim_from_row(r, 0))
            .collect::<R<Vec<_>>>()?;
        let count = i64::try_from(claims.len()).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO doc_claims (seq, claims, body) VALUES ($1, $2, $3)",
            &[&seq, &count, &pack_doc_claims_body(&claims)?],
        )?;
    }
    Ok(())
}

/// Fills `claim_keys.claims` (`schema::CLAIM_KEY_COUNTS`) for the claims stored before the
/// step, one document's claims unpacked at a time.
pub(super) fn count_claim_keys(tx: &mut Transaction<'_>) -> R<()> {
    let docs = tx.query("SELECT seq FROM doc_claims ORDER BY seq", &[])?;
    let read = tx.prepare("SELECT body FROM doc_claims WHERE seq = $1")?;
    let put = tx.prepare("UPDATE claim_keys SET claims = $3 WHERE key = $1 AND seq = $2")?;
    for d in &docs {
        let seq: i64 = d.try_get(0)?;
        let body: Vec<u8> = tx.query_one(&read, &[&seq])?.try_get(0)?;
        let claims = crate::codec::unpack_doc_claims(0, &body)?;
        for (key, n) in crate::codec::claim_key_counts(&claims) {
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            tx.execute(&put, &[&key, &seq, &n])?;
        }
    }
    Ok(())
}

/// Packs the events of every document, stored one a row before schema v13 (`schema::V13`),
/// into `doc_events`, one document's events in memory at a time.
pub(super) fn pack_doc_events(tx: &mut Transaction<'_>) -> R<()> {
    let docs = tx.query("SELECT DISTINCT seq FROM events ORDER BY seq", &[])?;
    let read = tx.prepare("SELECT body FROM events WHERE seq = $1 ORDER BY ord")?;
    for d in &docs {
        let seq: i64 = d.try_get(0)?;
        let events = tx
            .query(&read, &[&seq])?
            .iter()
            .map(|r| Ok(unpack_event(0, r.try_get(0)?)?))
            .collect::<R<Vec<_>>>()?;
        tx.execute(
            "INSERT INTO doc_events (seq, body) VALUES ($1, $2)",
            &[&seq, &pack_doc_events_body(&events)?],
        )?;
    }
    Ok(())
}

/// A claim as v11-v12 kept it: packed alone at column `idx`, its exact figures in the next
/// two.
fn claim_from_row(r: &Row, idx: usize) -> R<sinew_types::Claim> {
    let body: &[u8] = r.try_get(idx)?;
    Ok(unpack_claim(
        idx,
        body,
        r.try_get(idx + 1)?,
        r.try_get(idx + 2)?,
    )?)
}

/// Packs the text of every stored document into `packed_text` (schema v12, `schema::V12`), a
/// page of documents at a time in `seq` order, so memory holds one page whatever the store's
/// size.
pub(super) fn pack_texts(tx: &mut Transaction<'_>) -> R<()> {
    const PAGE: i64 = 256;
    let read =
        tx.prepare("SELECT seq, text FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2")?;
    let put = tx.prepare("UPDATE documents SET packed_text = $2 WHERE seq = $1")?;
    let mut after = i64::MIN;
    loop {
        let page = tx.query(&read, &[&after, &PAGE])?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = last.try_get(0)?;
        for r in &page {
            let seq: i64 = r.try_get(0)?;
            let text: &str = r.try_get(1)?;
            tx.execute(&put, &[&seq, &pack_doc_text(text)])?;
        }
    }
}

/// Packs every stored document's rows of the tables before v11 into `doc_annotations`, one
/// document in memory at a time.
pub(super) fn pack_stored(tx: &mut Transaction<'_>) -> R<()> {
    let docs = tx.query("SELECT seq, id FROM documents ORDER BY seq", &[])?;
    for r in &docs {
        let seq: i64 = r.try_get(0)?;
        let ann = load_parts(tx, &DocId(r.try_get(1)?))?;
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        tx.execute_typed(
            "INSERT INTO doc_annotations (seq, mentions, quantities, times, body) \
             VALUES ($1, $2, $3, $4, $5)",
            &[
                (&seq, Type::INT8),
                (&count(ann.mentions.len()), Type::INT8),
                (&count(ann.quantities.len()), Type::INT8),
                (&count(ann.times.len()), Type::INT8),
                (&pack_annotations(&ann), Type::BYTEA),
            ],
        )?;
    }
    // The claims' JSON is packed as it was stored; their columns move as they are.
    let claims = tx.query(
        "SELECT d.seq, c.ord, c.span_start, c.span_end, c.subject_key, c.object_key, c.value, \
         c.value_max, c.json FROM claims c JOIN documents d ON d.id = c.doc ORDER BY d.seq, c.ord",
        &[],
    )?;
    for r in &claims {
        let json: &str = r.try_get(8)?;
        tx.execute(
            "INSERT INTO claims_v11 (seq, ord, span_start, span_end, subject_key, object_key, \
             value, value_max, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &r.try_get::<_, i64>(0)?,
                &r.try_get::<_, i64>(1)?,
                &r.try_get::<_, i64>(2)?,
                &r.try_get::<_, i64>(3)?,
                &r.try_get::<_, Option<String>>(4)?,
                &r.try_get::<_, Option<String>>(5)?,
                &r.try_get::<_, Option<f64>>(6)?,
                &r.try_get::<_, Option<f64>>(7)?,
                &pack_claim_json(json),
            ],
        )?;
    }
    // Events likewise (their actor keys move in the step's SQL).
    let events = tx.query(
        "SELECT d.seq, e.ord, e.sentence_start, e.sentence_end, e.date, e.date_end, e.json \
         FROM events e JOIN documents d ON d.id = e.doc ORDER BY d.seq, e.ord",
        &[],
    )?;
    for r in &events {
        let json: &str = r.try_get(6)?;
        tx.execute(
            "INSERT INTO events_v11 (seq, ord, sentence_start, sentence_end, date, date_end, \
             body) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &r.try_get::<_, i64>(0)?,
                &r.try_get::<_, i64>(1)?,
                &r.try_get::<_, i64>(2)?,
                &r.try_get::<_, i64>(3)?,
                &r.try_get::<_, Option<String>>(4)?,
                &r.try_get::<_, Option<String>>(5)?,
                &pack_event_json(json),
            ],
        )?;
    }
    Ok(())
}

/// Rows of one child table for one document, in extraction order.
fn rows<T>(
    tx: &mut Transaction<'_>,
    columns: &str,
    table: &str,
    id: &DocId,
    decode: impl FnMut(&Row) -> R<T>,
) -> R<Vec<T>> {
    tx.query_typed(
        &format!("SELECT {columns} FROM {table} WHERE doc = $1 ORDER BY ord"),
        &[(&id.0, Type::TEXT)],
    )?
    .iter()
    .map(decode)
    .collect()
}

/// A document's annotations as the tables before v11 held them, claims and events left out
/// (the step moves those in SQL).
fn load_parts(tx: &mut Transaction<'_>, id: &DocId) -> R<Annotations> {
    let sentences = rows(tx, "span_start, span_end", "sentences", id, |r| {
        Ok(Sentence { span: span(r, 0)? })
    })?;
    let mentions = rows(
        tx,
        "span_start, span_end, text, type, canonical, entity_id, country, coarse, sector, kind",
        "mentions",
        id,
        |r| {
            let entity_type: sinew_types::EntityType = parse_enum(3, r.try_get(3)?)?;
            let coarse = match r.try_get::<_, Option<String>>(7)? {
                Some(code) => Coarse::parse(&code)
                    .ok_or_else(|| Fail::Bad(format!("unknown class {code:?}")))?,
                None => entity_type.coarse(),
            };
            let sector: Option<String> = r.try_get(8)?;
            let kind: String = r.try_get(9)?;
            Ok(Mention {
                span: span(r, 0)?,
                text: r.try_get(2)?,
                entity_type,
                canonical: r.try_get(4)?,
                id: r.try_get(5)?,
                country: r.try_get(6)?,
                coarse,
                sector: sector
                    .map(|s| crate::sqlite::entities::parse_sector(8, &s))
                    .transpose()?,
                kind: match kind.as_str() {
                    "name" => MentionKind::Name,
                    "nominal" => MentionKind::Nominal,
                    _ => return Err(Fail::Bad(format!("unknown mention kind {kind:?}"))),
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
                text: r.try_get(2)?,
                value: r.try_get::<_, Option<f64>>(3)?.unwrap_or(f64::NAN),
                value_max: r.try_get(4)?,
                unit: r.try_get(5)?,
                kind: parse_enum(6, r.try_get(6)?)?,
                qualifier: r.try_get(7)?,
                per: r.try_get(8)?,
                vague: r.try_get(9)?,
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
                text: r.try_get(2)?,
                start_date: parse_date(3, r.try_get(3)?)?,
                end_date: parse_date(4, r.try_get(4)?)?,
                grain: parse_enum(5, r.try_get(5)?)?,
                kind: parse_enum(6, r.try_get(6)?)?,
                timex: r.try_get(7)?,
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
                source: r.try_get(4)?,
                cue: r.try_get(5)?,
            })
        },
    )?;
    let diagnostics = rows(
        tx,
        "span_start, span_end, message",
        "diagnostics",
        id,
        |r| {
            let start: Option<i64> = r.try_get(0)?;
            let end: Option<i64> = r.try_get(1)?;
            let span = match (start, end) {
                (Some(_), Some(_)) => Some(span(r, 0)?),
                _ => None,
            };
            Ok(Diagnostic {
                span,
                message: r.try_get(2)?,
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
                entity: r.try_get(2)?,
                text: r.try_get(3)?,
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
