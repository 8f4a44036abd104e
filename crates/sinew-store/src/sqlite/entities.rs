//! Who is named across the store? The entity aggregates of schema v6 (`schema.rs`,
//! `ENTITIES`): kept current by each put in its own transaction, read by [`load`] one row per
//! entity.
//!
//! A put groups the document's mentions by entity in memory and upserts one `entities` row per
//! entity (counts added, least canonical name and type, greatest country and sector) and one
//! `entity_aliases` row per distinct name; each description adds to its normalised text's
//! count in `entity_descriptions`. The chosen description is then picked again for the
//! entities whose choice may have moved: those described in this document, and those first
//! seen in it (a description stored before its entity's first mention waits for it). The work
//! is a few indexed statements per entity of the document, whatever the size of the store.
//!
//! Documents are never deleted or replaced (a stored id is a no-op put), so adding is all
//! there is to keep the aggregates exact; `tests/model.rs` checks them against a recount over
//! random batches.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, Transaction};
use sinew_types::{Annotations, Citation, DocId, MentionKind, Sector, Span};

use crate::codec::parse_enum;
use crate::{Alias, EntityDescription, EntitySummary};

/// What one document adds to one entity (shared with the PostgreSQL store, which keeps the
/// same aggregates).
pub(crate) struct Added<'a> {
    pub(crate) canonical: &'a str,
    pub(crate) entity_type: &'static str,
    pub(crate) country: Option<&'a str>,
    pub(crate) sector: Option<&'static str>,
    pub(crate) mentions: u64,
    pub(crate) aliases: BTreeMap<&'a str, u64>,
}

/// A document's mentions grouped by entity id: what the document adds to each entity.
pub(crate) fn added(ann: &Annotations) -> BTreeMap<&str, Added<'_>> {
    let mut added: BTreeMap<&str, Added<'_>> = BTreeMap::new();
    for m in &ann.mentions {
        let a = added.entry(m.id.as_str()).or_insert_with(|| Added {
            canonical: &m.canonical,
            entity_type: m.entity_type.as_str(),
            country: None,
            sector: None,
            mentions: 0,
            aliases: BTreeMap::new(),
        });
        a.canonical = a.canonical.min(m.canonical.as_str());
        a.entity_type = a.entity_type.min(m.entity_type.as_str());
        a.country = a.country.max(m.country.as_deref());
        a.sector = a.sector.max(m.sector.map(Sector::as_str));
        a.mentions += 1;
        if m.kind == MentionKind::Name {
            *a.aliases.entry(m.text.as_str()).or_default() += 1;
        }
    }
    added
}

/// Folds a stored document's mentions and descriptions into the aggregates; `seq` is its
/// ingest position. (The descriptions themselves are packed with the document's annotations.)
pub(super) fn record(
    tx: &Transaction<'_>,
    doc: &str,
    seq: i64,
    ann: &Annotations,
) -> rusqlite::Result<()> {
    let added = added(ann);
    let mut rechoose: BTreeSet<&str> = BTreeSet::new();
    let mut upsert = tx.prepare_cached(
        "INSERT INTO entities (id, canonical, type, country, sector, mentions, documents) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) \
         ON CONFLICT (id) DO UPDATE SET canonical = min(canonical, excluded.canonical), \
         type = min(type, excluded.type), \
         country = coalesce(max(country, excluded.country), country, excluded.country), \
         sector = coalesce(max(sector, excluded.sector), sector, excluded.sector), \
         mentions = mentions + excluded.mentions, documents = documents + 1 \
         RETURNING documents",
    )?;
    let mut alias = tx.prepare_cached(
        "INSERT INTO entity_aliases (entity, text, mentions) VALUES (?1, ?2, ?3) \
         ON CONFLICT (entity, text) DO UPDATE SET mentions = mentions + excluded.mentions",
    )?;
    for (id, a) in &added {
        let documents: i64 = upsert.query_row(
            params![
                id,
                a.canonical,
                a.entity_type,
                a.country,
                a.sector,
                a.mentions
            ],
            |r| r.get(0),
        )?;
        if documents == 1 {
            rechoose.insert(id);
        }
        for (text, n) in &a.aliases {
            alias.execute(params![id, text, n])?;
        }
    }

    let mut counted = tx.prepare_cached(
        "INSERT INTO entity_descriptions \
         (entity, key, count, first_seq, doc, span_start, span_end, text) \
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (entity, key) DO UPDATE SET count = count + 1",
    )?;
    for d in &ann.descriptions {
        // Within a document, descriptions come in text order, so the first insert of a key
        // is its earliest occurrence; a later document never displaces it.
        counted.execute(params![
            d.entity,
            description_key(&d.text),
            seq,
            doc,
            d.span.start,
            d.span.end,
            d.text
        ])?;
        rechoose.insert(&d.entity);
    }
    let mut choose = tx.prepare_cached(
        "UPDATE entities SET (description_key, description, description_doc, \
         description_start, description_end) = (SELECT key, text, doc, span_start, span_end \
         FROM entity_descriptions \
         WHERE entity = ?1 ORDER BY count DESC, first_seq, span_start, span_end, key LIMIT 1) \
         WHERE id = ?1",
    )?;
    for id in rechoose {
        choose.execute([id])?;
    }
    Ok(())
}

/// The text a description is counted under: lower case, single spaces, no leading article,
/// so "the defence minister" and "Defence Minister" are one description.
pub(crate) fn description_key(text: &str) -> String {
    let lower = sinew_types::text::squash(text).to_lowercase();
    ["a ", "an ", "the "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .map_or_else(|| lower.clone(), str::to_string)
}

/// Every entity, most mentioned first, then in most documents, then by id.
pub(super) fn load(tx: &Transaction<'_>) -> rusqlite::Result<Vec<EntitySummary>> {
    let mut aliases: HashMap<String, Vec<Alias>> = HashMap::new();
    let mut stmt = tx.prepare_cached(
        "SELECT entity, text, mentions FROM entity_aliases \
         ORDER BY entity, mentions DESC, text",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        aliases.entry(r.get(0)?).or_default().push(Alias {
            text: r.get(1)?,
            mentions: r.get(2)?,
        });
    }
    listed(tx, aliases)
}

/// [`load`] without the aliases, which are not read.
pub(super) fn load_without_aliases(tx: &Transaction<'_>) -> rusqlite::Result<Vec<EntitySummary>> {
    listed(tx, HashMap::new())
}

/// Every entity as [`load`] lists it, each with its aliases taken from `aliases`.
fn listed(
    tx: &Transaction<'_>,
    mut aliases: HashMap<String, Vec<Alias>>,
) -> rusqlite::Result<Vec<EntitySummary>> {
    tx.prepare_cached(
        "SELECT e.canonical, e.type, e.id, e.country, e.sector, e.mentions, e.documents, \
         e.description, e.description_doc, e.description_start, e.description_end, d.source, \
         (SELECT count FROM entity_descriptions x WHERE x.entity = e.id \
          AND x.key = e.description_key) \
         FROM entities e LEFT JOIN documents d ON d.id = e.description_doc \
         ORDER BY e.mentions DESC, e.documents DESC, e.id",
    )?
    .query_map([], |r| {
        let id: String = r.get(2)?;
        let sector: Option<String> = r.get(4)?;
        let description = match (
            r.get::<_, Option<String>>(7)?,
            r.get::<_, Option<String>>(8)?,
        ) {
            (Some(text), Some(doc)) => Some(EntityDescription {
                text,
                count: r.get::<_, Option<u64>>(12)?.unwrap_or(1),
                citation: Citation {
                    doc: DocId(doc),
                    source: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                    span: Span::new(r.get(9)?, r.get(10)?),
                },
            }),
            _ => None,
        };
        Ok(EntitySummary {
            canonical: r.get(0)?,
            entity_type: parse_enum(1, r.get(1)?)?,
            aliases: aliases.remove(&id).unwrap_or_default(),
            id,
            country: r.get(3)?,
            sector: sector.map(|s| parse_sector(4, &s)).transpose()?,
            mentions: r.get(5)?,
            documents: r.get(6)?,
            description,
        })
    })?
    .collect()
}

pub(crate) fn parse_sector(idx: usize, code: &str) -> rusqlite::Result<Sector> {
    Sector::parse(code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown sector {code:?}").into(),
        )
    })
}
