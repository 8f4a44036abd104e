//! The entity aggregates of the PostgreSQL store, read one row per entity. They are kept as
//! SQLite's are (`sqlite/entities.rs`), a batch at a time (`put.rs`).

use std::collections::HashMap;

use postgres::Transaction;
use sinew_types::{Citation, DocId};

use super::{count, R};
use crate::codec::parse_enum;
use crate::sqlite::entities::parse_sector;
use crate::{Alias, EntityDescription, EntitySummary};

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
    listed(tx, aliases)
}

/// [`load`] without the aliases, which are not read.
pub(super) fn load_without_aliases(tx: &mut Transaction<'_>) -> R<Vec<EntitySummary>> {
    listed(tx, HashMap::new())
}

/// Every entity as [`load`] lists it, each with its aliases taken from `aliases`.
fn listed(
    tx: &mut Transaction<'_>,
    mut aliases: HashMap<String, Vec<Alias>>,
) -> R<Vec<EntitySummary>> {
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
