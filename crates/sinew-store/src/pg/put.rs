//! A batch of documents stored in a few statements: each table's new rows go to the server as
//! one array per column (`INSERT ... SELECT * FROM unnest($1::text[], ...)`), so a batch costs
//! some fifteen round trips however many documents, mentions and claims it holds, where a
//! statement per row cost one round trip each.
//!
//! The entity aggregates are folded over the whole batch before they are written: counts add
//! up, least and greatest names and codes are what they are in any order, an alias's or a
//! description's count is a sum, and a description's first occurrence is its first in the
//! batch (documents in ingest order, descriptions in text order), which is what storing the
//! documents one at a time gives. The chosen description is picked again, once, for every
//! entity first seen or described in the batch. `tests/model.rs` checks the result against a
//! recount, and the snapshot against SQLite's rows.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use postgres::types::{ToSql, Type};
use postgres::Transaction;
use sinew_types::{Annotations, Document};

use super::{band_key, pos, Fail, R};
use crate::codec::{
    claim_key_counts, date_text, fingerprint_blob, pack_annotations, pack_doc_claims, pack_doc_text,
};
use crate::sqlite::entities::{added, description_key};
use crate::PutOutcome;

/// Stores the documents of `items` not stored yet (each id once, the first time it comes),
/// numbered from the next ingest position; returns what happened to each item, in order.
pub(super) fn put_batch(
    tx: &mut Transaction<'_>,
    items: &[(Document, Annotations)],
    now: &str,
) -> R<Vec<PutOutcome>> {
    let ids: Vec<&str> = items.iter().map(|(d, _)| d.id.0.as_str()).collect();
    let stored: HashSet<String> = tx
        .query_typed(
            "SELECT id FROM documents WHERE id = ANY($1)",
            &[(&ids, Type::TEXT_ARRAY)],
        )?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    let mut seq: i64 = tx
        .query_typed_one("SELECT coalesce(max(seq), 0) + 1 FROM documents", &[])?
        .try_get(0)?;
    let mut taken: HashSet<&str> = HashSet::new();
    let mut outcomes = Vec::with_capacity(items.len());
    let mut new: Vec<(i64, &Document, &Annotations)> = Vec::new();
    for (doc, ann) in items {
        let id = doc.id.0.as_str();
        if stored.contains(id) || !taken.insert(id) {
            outcomes.push(PutOutcome::AlreadyPresent);
        } else {
            outcomes.push(PutOutcome::Inserted);
            new.push((seq, doc, ann));
            seq += 1;
        }
    }
    if new.is_empty() {
        return Ok(outcomes);
    }
    let mut t = Tables::new();
    for &(seq, doc, ann) in &new {
        t.add(seq, doc, ann, now).map_err(|e| match e {
            Fail::Unstorable(why) => Fail::Unstorable(format!("document {}: {why}", doc.id)),
            other => other,
        })?;
    }
    let inserted = t.documents.insert(tx, "ON CONFLICT (id) DO NOTHING")?;
    if inserted != new.len() as u64 {
        // Under the write lock nothing else inserts; a conflict here is a bug, and storing
        // the children of a document that was not inserted would corrupt the store.
        return Err(Fail::Unstorable(format!(
            "{} of {} new documents were inserted",
            inserted,
            new.len()
        )));
    }
    t.bands.insert(tx, "ON CONFLICT DO NOTHING")?;
    for rows in [&t.pending, &t.annotations, &t.claims, &t.claim_keys] {
        rows.insert(tx, "")?;
    }
    for &(seq, _, ann) in &new {
        super::events::insert(tx, seq, &ann.events)?;
    }
    record_entities(tx, &new)?;
    Ok(outcomes)
}

/// The new rows of every table a put writes, a column at a time.
struct Tables {
    documents: Rows,
    bands: Rows,
    pending: Rows,
    annotations: Rows,
    claims: Rows,
    claim_keys: Rows,
}

impl Tables {
    fn new() -> Tables {
        Tables {
            // Named: v12 put the packed text column last (`schema::V12_SWAP`).
            documents: Rows::new(
                "documents (id, seq, source, url, title, author, published, site, lang, text, \
                 ingested_at, fingerprint, duplicate_of)",
                "TITTTTTTTYTYT",
            ),
            bands: Rows::new("dup_bands", "IYI"),
            pending: Rows::new("analysis_pending", "TI"),
            annotations: Rows::new("doc_annotations", "IIIIY"),
            claims: Rows::new("doc_claims", "IIY"),
            claim_keys: Rows::new("claim_keys (key, seq, claims)", "TII"),
        }
    }

    fn add(&mut self, seq: i64, doc: &Document, ann: &Annotations, now: &str) -> R<()> {
        use Cell::{Bytes, Int, Text};
        let id = || Text(Some(doc.id.0.clone()));
        let text = |s: &str| Text(Some(s.to_string()));
        let opt = |s: &Option<String>| Text(s.clone());
        self.documents.push(vec![
            id(),
            Int(Some(seq)),
            text(&doc.source),
            opt(&doc.url),
            opt(&doc.title),
            opt(&doc.author),
            Text(date_text(doc.published)),
            opt(&doc.site),
            opt(&doc.lang),
            Bytes(Some(pack_doc_text(&doc.text))),
            text(now),
            Bytes(fingerprint_blob(doc.fingerprint.as_ref())),
            Text(doc.duplicate_of.as_ref().map(|d| d.0.clone())),
        ])?;
        if let Some(fingerprint) = &doc.fingerprint {
            for (band, values) in fingerprint.bands() {
                self.bands.push(vec![
                    Int(Some(band as i64)),
                    Bytes(Some(band_key(values))),
                    Int(Some(seq)),
                ])?;
            }
        }
        self.pending.push(vec![id(), Int(Some(seq))])?;
        let count = |n: usize| Int(Some(i64::try_from(n).unwrap_or(i64::MAX)));
        self.annotations.push(vec![
            Int(Some(seq)),
            count(ann.mentions.len()),
            count(ann.quantities.len()),
            count(ann.times.len()),
            Bytes(Some(pack_annotations(ann))),
        ])?;
        if !ann.claims.is_empty() {
            self.claims.push(vec![
                Int(Some(seq)),
                count(ann.claims.len()),
                Bytes(Some(pack_doc_claims(&ann.claims)?)),
            ])?;
            for (key, n) in claim_key_counts(&ann.claims) {
                self.claim_keys.push(vec![
                    Text(Some(key)),
                    Int(Some(seq)),
                    Int(Some(i64::try_from(n).unwrap_or(i64::MAX))),
                ])?;
            }
        }
        Ok(())
    }
}

/// What the batch adds to one entity.
#[derive(Default)]
struct EntityAdd {
    canonical: String,
    entity_type: String,
    country: Option<String>,
    sector: Option<&'static str>,
    mentions: i64,
    documents: i64,
}

/// Where a description's text was first met: document seq and id, span, words.
struct FirstSeen<'a> {
    seq: i64,
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Folds the batch's mentions and descriptions into the entity aggregates.
fn record_entities(tx: &mut Transaction<'_>, new: &[(i64, &Document, &Annotations)]) -> R<()> {
    let mut entities: BTreeMap<&str, EntityAdd> = BTreeMap::new();
    let mut aliases: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    // (entity, key) -> count, and the first occurrence.
    let mut described: BTreeMap<(&str, String), (i64, FirstSeen<'_>)> = BTreeMap::new();
    for &(seq, doc, ann) in new {
        for (id, a) in added(ann) {
            let e = entities.entry(id).or_insert_with(|| EntityAdd {
                canonical: a.canonical.to_string(),
                entity_type: a.entity_type.to_string(),
                ..EntityAdd::default()
            });
            if a.canonical < e.canonical.as_str() {
                e.canonical = a.canonical.to_string();
            }
            if a.entity_type < e.entity_type.as_str() {
                e.entity_type = a.entity_type.to_string();
            }
            if a.country > e.country.as_deref() {
                e.country = a.country.map(str::to_string);
            }
            e.sector = e.sector.max(a.sector);
            e.mentions += i64::try_from(a.mentions).unwrap_or(i64::MAX);
            e.documents += 1;
            for (text, n) in a.aliases {
                *aliases.entry((id, text)).or_default() += i64::try_from(n).unwrap_or(i64::MAX);
            }
        }
        for d in &ann.descriptions {
            let entry = described
                .entry((d.entity.as_str(), description_key(&d.text)))
                .or_insert((
                    0,
                    FirstSeen {
                        seq,
                        doc: doc.id.0.as_str(),
                        start: d.span.start,
                        end: d.span.end,
                        text: &d.text,
                    },
                ));
            entry.0 += 1;
        }
    }

    let mut rows = Rows::new(
        "entities AS e (id, canonical, type, country, sector, mentions, documents)",
        "TTTTTII",
    );
    for (id, e) in &entities {
        rows.push(vec![
            Cell::Text(Some(id.to_string())),
            Cell::Text(Some(e.canonical.clone())),
            Cell::Text(Some(e.entity_type.clone())),
            Cell::Text(e.country.clone()),
            Cell::Text(e.sector.map(str::to_string)),
            Cell::Int(Some(e.mentions)),
            Cell::Int(Some(e.documents)),
        ])?;
    }
    // `documents` as it was before the batch tells which entities are new: those get their
    // description chosen (one may have been stored before the entity was first mentioned).
    let first_seen = rows.returning(
        tx,
        "ON CONFLICT (id) DO UPDATE SET \
         canonical = LEAST(e.canonical, excluded.canonical), \
         type = LEAST(e.type, excluded.type), \
         country = GREATEST(e.country, excluded.country), \
         sector = GREATEST(e.sector, excluded.sector), \
         mentions = e.mentions + excluded.mentions, \
         documents = e.documents + excluded.documents \
         RETURNING id, (xmax = 0) AS created",
    )?;
    let mut rechoose: BTreeSet<String> = BTreeSet::new();
    for r in first_seen {
        if r.try_get::<_, bool>(1)? {
            rechoose.insert(r.try_get(0)?);
        }
    }

    let mut rows = Rows::new("entity_aliases AS a (entity, text, mentions)", "TTI");
    for ((entity, text), n) in &aliases {
        rows.push(vec![
            Cell::Text(Some(entity.to_string())),
            Cell::Text(Some(text.to_string())),
            Cell::Int(Some(*n)),
        ])?;
    }
    rows.insert(
        tx,
        "ON CONFLICT (entity, text) DO UPDATE SET mentions = a.mentions + excluded.mentions",
    )?;

    let mut rows = Rows::new(
        "entity_descriptions AS x (entity, key, count, first_seq, doc, span_start, span_end, \
         text)",
        "TTIITIIT",
    );
    for ((entity, key), (count, first)) in described {
        rows.push(vec![
            Cell::Text(Some(entity.to_string())),
            Cell::Text(Some(key)),
            Cell::Int(Some(count)),
            Cell::Int(Some(first.seq)),
            Cell::Text(Some(first.doc.to_string())),
            Cell::Int(Some(pos(first.start)?)),
            Cell::Int(Some(pos(first.end)?)),
            Cell::Text(Some(first.text.to_string())),
        ])?;
        rechoose.insert(entity.to_string());
    }
    rows.insert(
        tx,
        "ON CONFLICT (entity, key) DO UPDATE SET count = x.count + excluded.count",
    )?;

    if !rechoose.is_empty() {
        let ids: Vec<String> = rechoose.into_iter().collect();
        tx.execute_typed(
            "UPDATE entities e SET (description_key, description, description_doc, \
             description_start, description_end) = (SELECT key, text, doc, span_start, \
             span_end FROM entity_descriptions WHERE entity = e.id \
             ORDER BY count DESC, first_seq, span_start, span_end, key LIMIT 1) \
             WHERE e.id = ANY($1)",
            &[(&ids, Type::TEXT_ARRAY)],
        )?;
    }
    Ok(())
}

/// One value of a row.
enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Bytes(Option<Vec<u8>>),
}

/// One column of rows, sent as one array.
enum Column {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Bytes(Vec<Option<Vec<u8>>>),
}

impl Column {
    fn array_type(&self) -> &'static str {
        match self {
            Column::Text(_) => "text[]",
            Column::Int(_) => "int8[]",
            Column::Bytes(_) => "bytea[]",
        }
    }

    fn sql_type(&self) -> Type {
        match self {
            Column::Text(_) => Type::TEXT_ARRAY,
            Column::Int(_) => Type::INT8_ARRAY,
            Column::Bytes(_) => Type::BYTEA_ARRAY,
        }
    }

    fn as_sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Column::Text(v) => v,
            Column::Int(v) => v,
            Column::Bytes(v) => v,
        }
    }
}

/// Rows for one table (with its column list when not every column is given), a column at a
/// time.
struct Rows {
    target: &'static str,
    columns: Vec<Column>,
    len: usize,
}

impl Rows {
    /// `kinds` has a letter per column: `T`ext, `I`nteger, b`Y`tes.
    fn new(target: &'static str, kinds: &str) -> Rows {
        let columns = kinds
            .chars()
            .map(|k| match k {
                'I' => Column::Int(Vec::new()),
                'Y' => Column::Bytes(Vec::new()),
                _ => Column::Text(Vec::new()),
            })
            .collect();
        Rows {
            target,
            columns,
            len: 0,
        }
    }

    fn push(&mut self, cells: Vec<Cell>) -> R<()> {
        if cells.len() != self.columns.len() {
            return Err(Fail::Unstorable(format!(
                "{}: a row of {} values for {} columns",
                self.target,
                cells.len(),
                self.columns.len()
            )));
        }
        for (column, cell) in self.columns.iter_mut().zip(cells) {
            if let Cell::Text(Some(text)) = &cell {
                if text.contains('\0') {
                    // Ingest never stores one (its text is cleaned of control characters);
                    // a caller of the store that passes one is told so.
                    return Err(Fail::Unstorable(format!(
                        "{}: a text holding the NUL character (U+0000), which PostgreSQL \
                         cannot store",
                        self.target
                    )));
                }
            }
            match (column, cell) {
                (Column::Text(v), Cell::Text(x)) => v.push(x),
                (Column::Int(v), Cell::Int(x)) => v.push(x),
                (Column::Bytes(v), Cell::Bytes(x)) => v.push(x),
                _ => {
                    return Err(Fail::Unstorable(format!(
                        "{}: a value of the wrong type",
                        self.target
                    )))
                }
            }
        }
        self.len += 1;
        Ok(())
    }

    fn sql(&self, suffix: &str) -> String {
        let arrays: Vec<String> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("${}::{}", i + 1, c.array_type()))
            .collect();
        format!(
            "INSERT INTO {} SELECT * FROM unnest({}) {suffix}",
            self.target,
            arrays.join(", ")
        )
    }

    /// Each column with its array type: one round trip per statement (`*_typed`), no
    /// prepare.
    fn params(&self) -> Vec<(&(dyn ToSql + Sync), Type)> {
        self.columns
            .iter()
            .map(|c| (c.as_sql(), c.sql_type()))
            .collect()
    }

    /// Inserts the rows (none: nothing sent); returns how many were written.
    fn insert(&self, tx: &mut Transaction<'_>, suffix: &str) -> R<u64> {
        if self.len == 0 {
            return Ok(0);
        }
        Ok(tx.execute_typed(&self.sql(suffix), &self.params())?)
    }

    /// Inserts the rows and returns what `suffix`'s `RETURNING` gives.
    fn returning(&self, tx: &mut Transaction<'_>, suffix: &str) -> R<Vec<postgres::Row>> {
        if self.len == 0 {
            return Ok(Vec::new());
        }
        Ok(tx.query_typed(&self.sql(suffix), &self.params())?)
    }
}
