//! The SQLite side of [`WorkbenchStore`]: the tables of schema steps 8 and 9 (`schema.rs`,
//! `WORKBENCH`, `BRIEFINGS`) and step 19's column (`LAST_DOC`). An older store opened
//! read-only lacks them, and reads answer as if nothing were kept (a write needs a read-write
//! open, which migrates first).

use rusqlite::{params, OptionalExtension, Row, Transaction};
use sinew_types::{AlertKind, DocId};

use super::{now, SqliteStore};
use crate::workbench::{
    AlertRule, BriefingMark, BriefingRecord, BriefingRun, IngestLog, IngestRun, InputFailure,
    RunRecord, StoredFailure, StoredRule, WorkbenchStore,
};
use crate::StoreError;

/// Whether the store has the v8 tables (a v7 store opened read-only has not).
fn has_workbench(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    has_table(tx, "alert_rules")
}

fn has_table(tx: &Transaction<'_>, name: &str) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )
}

fn has_column(tx: &Transaction<'_>, table: &str, column: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)")?
        .query_row([table, column], |r| r.get(0))
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn run_from_row(r: &Row<'_>) -> rusqlite::Result<RunRecord> {
    Ok(RunRecord {
        id: count(r.get(0)?),
        finished_at: r.get(1)?,
        failed: count(r.get(7)?),
        run: IngestRun {
            origin: r.get(2)?,
            inputs: count(r.get(3)?),
            documents: count(r.get(4)?),
            inserted: count(r.get(5)?),
            elapsed_ms: count(r.get(6)?),
            failures: Vec::new(),
        },
    })
}

fn rule_from_row(r: &Row<'_>) -> rusqlite::Result<StoredRule> {
    let kinds: Option<String> = r.get(3)?;
    let kinds = kinds
        .unwrap_or_default()
        .split(',')
        .filter(|k| !k.is_empty())
        .map(|k| {
            AlertKind::parse(k).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    3,
                    rusqlite::types::Type::Text,
                    format!("unknown alert kind {k:?}").into(),
                )
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(StoredRule {
        id: count(r.get(0)?),
        created_at: r.get(1)?,
        rule: AlertRule {
            name: r.get(2)?,
            kinds,
            entity: r.get(4)?,
            measure: r.get(5)?,
        },
    })
}

fn as_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl WorkbenchStore for SqliteStore {
    fn record_run(&self, run: &IngestRun) -> Result<u64, StoreError> {
        self.write(|tx| {
            let now = now();
            tx.prepare_cached(
                "INSERT INTO ingest_runs (finished_at, origin, inputs, documents, inserted, \
                 failed, elapsed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                now,
                run.origin,
                as_i64(run.inputs),
                as_i64(run.documents),
                as_i64(run.inserted),
                as_i64(run.failures.len() as u64),
                as_i64(run.elapsed_ms),
            ])?;
            let id = tx.last_insert_rowid();
            let mut stmt = tx.prepare_cached(
                "INSERT INTO ingest_failures (run, failed_at, input, error) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for f in &run.failures {
                stmt.execute(params![id, now, f.input, f.error])?;
            }
            Ok(count(id))
        })
    }

    fn ingest_log(&self, limit: usize) -> Result<IngestLog, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|tx| {
            if !has_workbench(tx)? {
                return Ok(IngestLog::default());
            }
            let last_run = tx
                .prepare_cached(
                    "SELECT id, finished_at, origin, inputs, documents, inserted, elapsed_ms, \
                     failed FROM ingest_runs ORDER BY id DESC LIMIT 1",
                )?
                .query_row([], run_from_row)
                .optional()?;
            let (runs, failures, failed_inputs): (i64, i64, i64) = tx.query_row(
                "SELECT (SELECT count(*) FROM ingest_runs), (SELECT count(*) FROM \
                 ingest_failures), (SELECT count(DISTINCT input) FROM ingest_failures)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let recent = tx
                .prepare_cached(
                    "SELECT run, failed_at, input, error FROM ingest_failures \
                     ORDER BY seq DESC LIMIT ?1",
                )?
                .query_map([limit], |r| {
                    Ok(StoredFailure {
                        run: count(r.get(0)?),
                        failed_at: r.get(1)?,
                        failure: InputFailure {
                            input: r.get(2)?,
                            error: r.get(3)?,
                        },
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(IngestLog {
                last_run,
                runs: count(runs),
                failures: count(failures),
                failed_inputs: count(failed_inputs),
                recent,
            })
        })
    }

    fn put_alert_rule(&self, rule: &AlertRule) -> Result<StoredRule, StoreError> {
        let kinds = (!rule.kinds.is_empty()).then(|| {
            rule.kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(",")
        });
        self.write(|tx| {
            let now = now();
            tx.prepare_cached(
                "INSERT INTO alert_rules (created_at, name, kinds, entity, measure) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![now, rule.name, kinds, rule.entity, rule.measure])?;
            Ok(StoredRule {
                id: count(tx.last_insert_rowid()),
                created_at: now,
                rule: rule.clone(),
            })
        })
    }

    fn alert_rules(&self) -> Result<Vec<StoredRule>, StoreError> {
        self.read(|tx| {
            if !has_workbench(tx)? {
                return Ok(Vec::new());
            }
            tx.prepare_cached(
                "SELECT id, created_at, name, kinds, entity, measure FROM alert_rules \
                 ORDER BY id",
            )?
            .query_map([], rule_from_row)?
            .collect()
        })
    }

    fn delete_alert_rule(&self, id: u64) -> Result<bool, StoreError> {
        self.write(|tx| {
            let n = tx
                .prepare_cached("DELETE FROM alert_rules WHERE id = ?1")?
                .execute([as_i64(id)])?;
            Ok(n > 0)
        })
    }

    fn record_briefing(
        &self,
        briefing: &BriefingRun,
        mark: &BriefingMark,
    ) -> Result<BriefingRecord, StoreError> {
        // a briefing is a read: its record does not wait for an ingest holding the lock
        self.write_now(|tx| {
            let now = now();
            tx.prepare_cached(
                "INSERT INTO briefings (written_at, format, focus, last_alert, last_doc) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                now,
                briefing.format,
                briefing.focus,
                as_i64(mark.last_alert),
                as_i64(mark.last_doc)
            ])?;
            Ok(BriefingRecord {
                id: count(tx.last_insert_rowid()),
                written_at: now,
                last_alert: mark.last_alert,
                last_doc: Some(mark.last_doc),
                run: briefing.clone(),
            })
        })
    }

    fn briefing_mark(&self) -> Result<BriefingMark, StoreError> {
        self.read(|tx| {
            let last_doc: i64 =
                tx.query_row("SELECT COALESCE(MAX(seq), 0) FROM documents", [], |r| {
                    r.get(0)
                })?;
            let last_alert: i64 = if has_table(tx, "alerts")? {
                tx.query_row("SELECT COALESCE(MAX(seq), 0) FROM alerts", [], |r| r.get(0))?
            } else {
                0
            };
            Ok(BriefingMark {
                last_alert: count(last_alert),
                last_doc: count(last_doc),
            })
        })
    }

    fn documents_since(&self, last_doc: u64, limit: usize) -> Result<Vec<DocId>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|tx| {
            tx.prepare_cached("SELECT id FROM documents WHERE seq > ?1 ORDER BY seq DESC LIMIT ?2")?
                .query_map(params![as_i64(last_doc), limit], |r| Ok(DocId(r.get(0)?)))?
                .collect()
        })
    }

    fn last_briefing(&self) -> Result<Option<BriefingRecord>, StoreError> {
        self.read(|tx| {
            if !has_table(tx, "briefings")? {
                return Ok(None);
            }
            // a store below v19 opened read-only has no `last_doc`
            let sql = if has_column(tx, "briefings", "last_doc")? {
                "SELECT id, written_at, format, focus, last_alert, last_doc FROM briefings \
                 ORDER BY id DESC LIMIT 1"
            } else {
                "SELECT id, written_at, format, focus, last_alert, NULL FROM briefings \
                 ORDER BY id DESC LIMIT 1"
            };
            tx.prepare_cached(sql)?
                .query_row([], |r| {
                    Ok(BriefingRecord {
                        id: count(r.get(0)?),
                        written_at: r.get(1)?,
                        last_alert: count(r.get(4)?),
                        last_doc: r.get::<_, Option<i64>>(5)?.map(count),
                        run: BriefingRun {
                            format: r.get(2)?,
                            focus: r.get(3)?,
                        },
                    })
                })
                .optional()
        })
    }
}
