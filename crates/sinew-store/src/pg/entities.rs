//! The entity aggregates of the PostgreSQL store, kept as SQLite's are
//! (`sqlite/entities.rs`): each put folds its document's mentions by entity
//! (`sqlite::entities::added`, shared) and upserts one row per entity and alias; each
//! description adds to its normalised text's count; the chosen description is picked again
//! for the entities whose choice may have moved. `LEAST`/`GREATEST` ignore NULLs, which is
//! what SQLite's `coalesce(max(a, b), a, b)` spells out.

use std::collections::{BTreeSet, HashMap};

use postgres::{Statement, Transaction};
use sinew_types::{Annotations, Citation, DocId};

use super::{count, pos, R};
use crate::codec::parse_enum;
use crate::sqlite::entities::{added, description_key, parse_sector};
use crate::{Alias, EntityDescription, EntitySummary};

/// The statements a put runs on the aggregates.
pub(super) struct Statements {
    upsert: Statement,
    alias: Statement,
    stored: Statement,
    counted: Statement,
    choose: Statement,
}

impl Statements {
    pub(super) fn prepare(tx: &mut Transaction<'_>) -> R<Statements> {
        Ok(Statements {
            upsert: tx.prepare(
                "INSERT INTO entities AS e (id, canonical, type, country, sector, mentions, \
                 documents) VALUES ($1, $2, $3, $4, $5, $6, 1) \
                 ON CONFLICT (id) DO UPDATE SET \
                 canonical = LEAST(e.canonical, excluded.canonical), \
                 type = LEAST(e.type, excluded.type), \
                 country = GREATEST(e.country, excluded.country), \
                 sector = GREATEST(e.sector, excluded.sector), \
                 mentions = e.mentions + excluded.mentions, documents = e.documents + 1 \
                 RETURNING documents",
            )?,
            alias: tx.prepare(
                "INSERT INTO entity_aliases AS a (entity, text, mentions) VALUES ($1, $2, $3) \
                 ON CONFLICT (entity, text) DO UPDATE SET mentions = a.mentions + \
                 excluded.mentions",
            )?,
            stored: tx.prepare("INSERT INTO descriptions VALUES ($1, $2, $3, $4, $5, $6)")?,
            counted: tx.prepare(
                "INSERT INTO entity_descriptions AS x \
                 (entity, key, count, first_seq, doc, span_start, span_end, text) \
                 VALUES ($1, $2, 1, $3, $4, $5, $6, $7) \
                 ON CONFLICT (entity, key) DO UPDATE SET count = x.count + 1",
            )?,
            choose: tx.prepare(
                "UPDATE entities SET (description_key, description, description_doc, \
                 description_start, description_end) = (SELECT key, text, doc, span_start, \
                 span_end FROM entity_descriptions WHERE entity = $1 \
                 ORDER BY count DESC, first_seq, span_start, span_end, key LIMIT 1) \
                 WHERE id = $1",
            )?,
        })
    }
}

/// Folds a stored document's mentions and descriptions into the aggregates; `seq` is its
/// ingest position. Descriptions are stored here too, in `descriptions`.
pub(super) fn record(
    tx: &mut Transaction<'_>,
    st: &Statements,
    doc: &str,
    seq: i64,
    ann: &Annotations,
) -> R<()> {
    let added = added(ann);
    let mut rechoose: BTreeSet<&str> = BTreeSet::new();
    for (id, a) in &added {
        let mentions = i64::try_from(a.mentions).unwrap_or(i64::MAX);
        let documents: i64 = tx
            .query_one(
                &st.upsert,
                &[
                    id,
                    &a.canonical,
                    &a.entity_type,
                    &a.country,
                    &a.sector,
                    &mentions,
                ],
            )?
            .try_get(0)?;
        if documents == 1 {
            rechoose.insert(id);
        }
        for (text, n) in &a.aliases {
            let n = i64::try_from(*n).unwrap_or(i64::MAX);
            tx.execute(&st.alias, &[id, text, &n])?;
        }
    }
    for (ord, d) in ann.descriptions.iter().enumerate() {
        let (start, end) = (pos(d.span.start)?, pos(d.span.end)?);
        tx.execute(
            &st.stored,
            &[&doc, &pos(ord)?, &start, &end, &d.entity, &d.text],
        )?;
        tx.execute(
            &st.counted,
            &[
                &d.entity,
                &description_key(&d.text),
                &seq,
                &doc,
                &start,
                &end,
                &d.text,
            ],
        )?;
        rechoose.insert(&d.entity);
    }
    for id in rechoose {
        tx.execute(&st.choose, &[&id])?;
    }
    Ok(())
}

/// Every entity, most mentioned first, then in most documents, then by id.
pub(super) fn load(tx: &mut Transaction<'_>) -> R<Vec<EntitySummary>> {
    let mut aliases: HashMap<String, Vec<Alias>> = HashMap::new();
    for r in tx.query(
        "SELECT entity, text, mentions FROM entity_aliases ORDER BY entity, mentions DESC, text",
        &[],
    )? {
        aliases.entry(r.try_get(0)?).or_default().push(Alias {
            text: r.try_get(1)?,
            mentions: count(&r, 2)?,
        });
    }
    let rows = tx.query(
        "SELECT e.canonical, e.type, e.id, e.country, e.sector, e.mentions, e.documents, \
         e.description, e.description_doc, e.description_start, e.description_end, d.source, \
         (SELECT count FROM entity_descriptions x WHERE x.entity = e.id \
          AND x.key = e.description_key) \
         FROM entities e LEFT JOIN documents d ON d.id = e.description_doc \
         ORDER BY e.mentions DESC, e.documents DESC, e.id",
        &[],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: String = r.try_get(2)?;
        let sector: Option<String> = r.try_get(4)?;
        let description = match (
            r.try_get::<_, Option<String>>(7)?,
            r.try_get::<_, Option<String>>(8)?,
        ) {
            (Some(text), Some(doc)) => Some(EntityDescription {
                text,
                count: match r.try_get::<_, Option<i64>>(12)? {
                    Some(_) => count(r, 12)?,
                    None => 1,
                },
                citation: Citation {
                    doc: DocId(doc),
                    source: r.try_get::<_, Option<String>>(11)?.unwrap_or_default(),
                    span: super::span(r, 9)?,
                },
            }),
            _ => None,
        };
        out.push(EntitySummary {
            canonical: r.try_get(0)?,
            entity_type: parse_enum(1, r.try_get(1)?)?,
            aliases: aliases.remove(&id).unwrap_or_default(),
            id,
            country: r.try_get(3)?,
            sector: sector.map(|s| parse_sector(4, &s)).transpose()?,
            mentions: count(r, 5)?,
            documents: count(r, 6)?,
            description,
        });
    }
    Ok(out)
}
