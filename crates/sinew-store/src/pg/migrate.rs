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
    "doc_annotations",
    "doc_claims",
    "claim_keys",
    "alerts",
    "dup_bands",
    "analysis_pending",
    "claim_buckets",
    "analysis_buckets",
    "analysis_flows",
    "analysis_ties",
    "entities",
    "entity_aliases",
    "entity_descriptions",
    "document_kinds",
    "ingest_runs",
    "ingest_failures",
    "alert_rules",
    "briefings",
    "doc_events",
    "event_keys",
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
            let value =
                if table == "analysis_buckets" && (names[i] == "state" || names[i] == "summary") {
                    // Packed in SQLite (`codec::pack_text`), a text here (TOAST compresses it); a
                    // state kept before v17 has no summary.
                    match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => Value::Text(None),
                        // a state that is its own summary keeps an empty one
                        rusqlite::types::ValueRef::Blob([]) => Value::Text(Some(String::new())),
                        v => Value::Text(Some(crate::codec::stored_text(i, v)?)),
                    }
                } else if table == "documents" && names[i] == "text" {
                    // Packed in both from v12 (a text SQLite kept as written is packed on the way),
                    // a text in a PostgreSQL store before (which the tests build).
                    let text = crate::codec::stored_doc_text(i, r.get_ref(i)?)?;
                    if *ty == Type::BYTEA {
                        Value::Bytes(Some(crate::codec::pack_doc_text(&text)))
                    } else {
                        Value::Text(Some(text))
                    }
                } else {
                    Value::read(r.get_ref(i)?, ty)
                        .map_err(|e| Fail::Bad(format!("{table}.{}: {e}", names[i])))?
                };
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

#[cfg(test)]
mod tests {
    //! A PostgreSQL store of schema v10 migrated to v11 answers as the same SQLite store
    //! migrated does (the SQLite migration itself is checked against known annotations in
    //! `tests/compat.rs`). The v10 store is made by running the released steps up to v10 and
    //! copying in the rows of `tests/fixtures/v10.sql`, plus a document with figures, a
    //! claim, a time, an attribution and diagnostics written as v10 laid them out.

    use super::*;
    use crate::{ClaimFilter, Store};

    /// The v10 tables holding rows, parents first.
    const V10_TABLES: &[&str] = &[
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
        "descriptions",
        "entities",
        "entity_aliases",
        "entity_descriptions",
        "ingest_runs",
        "ingest_failures",
        "alert_rules",
        "briefings",
        "events",
        "event_actors",
        "events_pending",
    ];

    /// A document stored by v10: a figure with a value, one without (NULL), a range's bound
    /// that is no round decimal, and the claim on the first.
    const V10_FIGURES: &str = r#"
INSERT INTO documents VALUES ('0000000000v10f06', 6, 'f.txt', NULL, NULL, NULL, '2025-01-02',
    NULL, 'en', 'France will pay 3 billion euros to Ukraine in 2025, officials said.',
    '2025-01-02T08:00:00Z', NULL, NULL);
INSERT INTO sentences VALUES ('0000000000v10f06', 0, 0, 67);
INSERT INTO quantities VALUES ('0000000000v10f06', 0, 16, 31, '3 billion euros', 3000000000.0,
    NULL, 'EUR', 'money', NULL, NULL, 0);
INSERT INTO quantities VALUES ('0000000000v10f06', 1, 16, 31, '3 billion euros', NULL,
    0.30000000000000004, NULL, 'number', 'about', 'year', 1);
INSERT INTO times VALUES ('0000000000v10f06', 0, 46, 50, '2025', '2025-01-01', '2025-12-31',
    'year', 'point', '2025');
INSERT INTO attributions VALUES ('0000000000v10f06', 0, 52, 66, 52, 61, 'officials', 'said');
INSERT INTO diagnostics VALUES ('0000000000v10f06', 0, NULL, NULL, 'no byline');
INSERT INTO diagnostics VALUES ('0000000000v10f06', 1, 0, 6, 'odd capital');
INSERT INTO claims VALUES ('0000000000v10f06', 0, 16, 31, 0, 67, 'France', 'Ukraine', 'france',
    'ukraine', 'payments', 'money', 'EUR', 3000000000.0, NULL, '2025-01-01', '2025-12-31',
    'officials', 'asserted', '{"doc":"0000000000v10f06","span":{"start":16,"end":31},"sentence":{"start":0,"end":67},"quantity":{"span":{"start":16,"end":31},"text":"3 billion euros","value":3000000000.0,"value_max":null,"unit":"EUR","kind":"money","qualifier":null,"per":null,"vague":false},"subject":"France","object":"Ukraine","measure":"payments","time":{"span":{"start":46,"end":50},"text":"2025","start_date":"2025-01-01","end_date":"2025-12-31","grain":"year","kind":"point","timex":"2025"},"attribution":"officials","modality":"asserted"}');
INSERT INTO analysis_pending VALUES ('0000000000v10f06', 6);
"#;

    #[test]
    fn a_v10_store_migrates_to_answer_as_sqlite_does() {
        let Some(server) = std::env::var("SINEW_TEST_PG")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("SINEW_TEST_PG is not set (CI=true requires it)");
            }
            sinew_testkit::skip("SINEW_TEST_PG is not set: the PostgreSQL store is not tested");
            return;
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("v10.db");
        let conn = rusqlite::Connection::open(&file).expect("create v10 file");
        conn.execute_batch(include_str!("../../tests/fixtures/v10.sql"))
            .expect("v10 fixture");
        conn.execute_batch(V10_FIGURES).expect("v10 figures");

        let schema = format!("sinew_v10_{}", std::process::id());
        let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("connect");
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .expect("schema");
        let sep = if server.contains('?') { '&' } else { '?' };
        let url = format!("{server}{sep}options=-c%20search_path%3D{schema}");
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        let mut tx = client.transaction().expect("begin");
        tx.batch_execute(&super::super::schema::sql(super::super::schema::META))
            .expect("meta");
        for (reached, step) in super::super::schema::MIGRATIONS {
            if *reached <= 10 {
                tx.batch_execute(&super::super::schema::sql(step))
                    .expect("step");
            }
        }
        tx.execute(
            "UPDATE sinew_meta SET value = '10' WHERE key = 'schema_version'",
            &[],
        )
        .expect("version");
        let stx = conn.unchecked_transaction().expect("read");
        for table in V10_TABLES {
            let probe = tx
                .prepare(&format!("SELECT * FROM {table} LIMIT 0"))
                .expect("probe");
            let names: Vec<String> = probe
                .columns()
                .iter()
                .map(|c| c.name().to_string())
                .collect();
            let types: Vec<Type> = probe.columns().iter().map(|c| c.type_().clone()).collect();
            stream(
                &stx,
                &mut tx,
                table,
                &names.join(", "),
                &names,
                &types,
                &mut |_, _| {},
            )
            .unwrap_or_else(|e| panic!("{table}: {e:?}"));
        }
        tx.commit().expect("commit");
        drop(stx);
        drop(conn);

        let pg = PgStore::open(&url).expect("migrate the PostgreSQL store");
        let sqlite = SqliteStore::open(&file).expect("migrate the SQLite store");
        // Debug text, so that a NaN figure compares equal to itself.
        let text = |x: &dyn std::fmt::Debug| format!("{x:?}");
        let docs = sqlite.documents().expect("documents");
        assert_eq!(docs.len(), 6);
        for doc in &docs {
            let want = sqlite.annotations(&doc.id).expect("sqlite");
            assert_eq!(
                text(&pg.annotations(&doc.id).expect("pg")),
                text(&want),
                "{}",
                doc.id
            );
        }
        let figures = sqlite
            .annotations(&crate::DocId("0000000000v10f06".into()))
            .expect("read")
            .expect("stored");
        assert_eq!(figures.quantities.len(), 2);
        assert!(figures.quantities[1].value.is_nan());
        assert_eq!(figures.quantities[1].value_max, Some(0.1 + 0.2));
        assert_eq!(figures.claims.len(), 1);
        assert_eq!(
            figures.diagnostics[1].span,
            Some(sinew_types::Span::new(0, 6))
        );
        let ukraine = ClaimFilter {
            entity: Some("Ukraine".into()),
            ..ClaimFilter::default()
        };
        assert_eq!(
            text(&pg.claims(&ukraine).expect("pg")),
            text(&sqlite.claims(&ukraine).expect("sqlite"))
        );
        assert_eq!(pg.claims(&ukraine).expect("pg").len(), 1);
        assert_eq!(
            text(&pg.stats().expect("pg")),
            text(&sqlite.stats().expect("sqlite"))
        );
        let russia = crate::EventFilter {
            countries: vec!["RUS".into()],
            ..crate::EventFilter::default()
        };
        let events = sqlite.events(&russia).expect("sqlite");
        assert_eq!(events.len(), 1);
        assert_eq!(text(&pg.events(&russia).expect("pg")), text(&events));
        drop(pg);
        let _ = admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
    }
}
