//! `sinew migrate`: a SQLite store copied whole into an empty PostgreSQL store, every table
//! row for row (documents, annotations, the entity aggregates, the kept analysis, alerts,
//! ingest runs and alert rules), so the copy answers every call as the file did, with nothing
//! to recompute. One PostgreSQL transaction: a failed copy leaves the target empty.
//!
//! Rows go through `COPY ... FROM STDIN BINARY`; each value is converted to the type of the
//! PostgreSQL column it lands in, read from the target's own table, so the copy follows the
//! schema rather than a second list of columns.

use std::cell::RefCell;
use std::path::Path;

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use postgres::Transaction;
use rusqlite::types::ValueRef;

use super::{Fail, PgStore, R};
use crate::{SqliteStore, StoreError};

/// Every table of the schema, parents before the tables that refer to them.
const TABLES: &[&str] = &[
    "documents",
    "sentences",
    "mentions",
    "quantities",
    "times",
    "attributions",
    "claims",
    "diagnostics",
    "alerts",
    "dup_bands",
    "analysis_pending",
    "claim_buckets",
    "analysis_buckets",
    "analysis_flows",
    "analysis_ties",
    "descriptions",
    "entities",
    "entity_aliases",
    "entity_descriptions",
    "document_kinds",
    "ingest_runs",
    "ingest_failures",
    "alert_rules",
    "briefings",
    "events",
    "event_actors",
    "events_pending",
];

/// Rows between two progress reports.
const REPORT_EVERY: u64 = 20_000;

/// Copies the SQLite store at `from` into the PostgreSQL store at `to`, which must hold
/// nothing yet (it is created when absent). The source is opened read-only and must be of
/// the current schema (a write command on it, such as `sinew alerts`, upgrades an older one).
/// `progress` hears each table's name and rows copied as it goes; returns `(table, rows)` for
/// every table.
pub fn migrate_sqlite_to_pg(
    from: &Path,
    to: &str,
    mut progress: impl FnMut(&str, u64),
) -> Result<Vec<(String, u64)>, StoreError> {
    let source = SqliteStore::open_read_only(from)?;
    let version: i64 = source.read(|tx| tx.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
    if version != crate::schema::VERSION {
        return Err(StoreError::SchemaTooOld {
            path: from.to_path_buf(),
            found: version,
            oldest: crate::schema::VERSION,
        });
    }
    let target = PgStore::open(to)?;
    let location = target.location.clone();
    let copied = target.write(|tx| {
        let held: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM alerts) \
                 OR EXISTS (SELECT 1 FROM ingest_runs) OR EXISTS (SELECT 1 FROM alert_rules)",
                &[],
            )?
            .get(0);
        if held {
            return Ok(Err(StoreError::NotEmpty { path: location }));
        }
        let mut copied = Vec::new();
        for table in TABLES {
            let rows = copy_table(&source, tx, table, &mut progress)?;
            copied.push((table.to_string(), rows));
        }
        Ok(Ok(copied))
    })??;
    Ok(copied)
}

/// Copies one table in one `COPY`, streaming the source's rows (one in memory at a time).
fn copy_table(
    source: &SqliteStore,
    tx: &mut Transaction<'_>,
    table: &str,
    progress: &mut impl FnMut(&str, u64),
) -> R<u64> {
    let probe = tx.prepare(&format!("SELECT * FROM {table} LIMIT 0"))?;
    let names: Vec<String> = probe
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    let types: Vec<Type> = probe.columns().iter().map(|c| c.type_().clone()).collect();
    let columns = names.join(", ");
    // The source is read in one snapshot (`SqliteStore::read`, which takes a `Fn`), the
    // target written from inside it.
    let target = RefCell::new((tx, progress));
    source
        .read(|stx| {
            let mut target = target.borrow_mut();
            let (tx, progress) = &mut *target;
            Ok(stream(stx, tx, table, &columns, &names, &types, *progress))
        })
        .map_err(|e| Fail::Bad(e.to_string()))?
}

fn stream(
    stx: &rusqlite::Transaction<'_>,
    tx: &mut Transaction<'_>,
    table: &str,
    columns: &str,
    names: &[String],
    types: &[Type],
    progress: &mut impl FnMut(&str, u64),
) -> R<u64> {
    let mut stmt = stx.prepare(&format!("SELECT {columns} FROM {table}"))?;
    let mut rows = stmt.query([])?;
    let sink = tx.copy_in(&format!("COPY {table} ({columns}) FROM STDIN BINARY"))?;
    let mut writer = BinaryCopyInWriter::new(sink, types);
    let mut done: u64 = 0;
    while let Some(r) = rows.next()? {
        let mut row = Vec::with_capacity(types.len());
        for (i, ty) in types.iter().enumerate() {
            let value = Value::read(r.get_ref(i)?, ty)
                .map_err(|e| Fail::Bad(format!("{table}.{}: {e}", names[i])))?;
            row.push(value);
        }
        let values: Vec<&(dyn ToSql + Sync)> = row.iter().map(Value::as_sql).collect();
        writer.write(&values)?;
        done += 1;
        if done.is_multiple_of(REPORT_EVERY) {
            progress(table, done);
        }
    }
    writer.finish()?;
    progress(table, done);
    Ok(done)
}

/// One SQLite value, converted for a PostgreSQL column.
enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Bool(Option<bool>),
    Bytes(Option<Vec<u8>>),
    Text(Option<String>),
}

impl Value {
    fn read(v: ValueRef<'_>, ty: &Type) -> Result<Value, String> {
        let null = matches!(v, ValueRef::Null);
        Ok(match (ty, v) {
            (t, _) if *t == Type::INT8 => Value::Int(if null {
                None
            } else {
                Some(v.as_i64().map_err(|e| e.to_string())?)
            }),
            (t, ValueRef::Integer(n)) if *t == Type::FLOAT8 => Value::Real(Some(n as f64)),
            (t, _) if *t == Type::FLOAT8 => Value::Real(if null {
                None
            } else {
                Some(v.as_f64().map_err(|e| e.to_string())?)
            }),
            (t, _) if *t == Type::BOOL => Value::Bool(if null {
                None
            } else {
                Some(v.as_i64().map_err(|e| e.to_string())? != 0)
            }),
            (t, _) if *t == Type::BYTEA => Value::Bytes(if null {
                None
            } else {
                Some(v.as_blob().map_err(|e| e.to_string())?.to_vec())
            }),
            (t, _) if *t == Type::TEXT => Value::Text(if null {
                None
            } else {
                let bytes = v.as_bytes().map_err(|e| e.to_string())?;
                Some(String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())?)
            }),
            (t, _) => return Err(format!("no conversion to {t}")),
        })
    }

    fn as_sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Value::Int(v) => v,
            Value::Real(v) => v,
            Value::Bool(v) => v,
            Value::Bytes(v) => v,
            Value::Text(v) => v,
        }
    }
}
