//! The PostgreSQL side of [`WorkbenchStore`]: ingest runs, their failures and alert rules, as
//! in `sqlite/workbench.rs`. Ids are the greatest plus one, given under the write lock, as
//! SQLite's integer keys are.

use postgres::Row;
use sinew_types::{AlertKind, DocId};

use super::{count, Fail, PgStore, R};
use crate::sqlite::now;
use crate::workbench::{
    AlertRule, BriefingMark, BriefingRecord, BriefingRun, IngestLog, IngestRun, InputFailure,
    RunRecord, StoredFailure, StoredRule, WorkbenchStore,
};
use crate::StoreError;

fn big(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn run_from_row(r: &Row) -> R<RunRecord> {
    Ok(RunRecord {
        id: count(r, 0)?,
        finished_at: r.try_get(1)?,
        failed: count(r, 7)?,
        run: IngestRun {
            origin: r.try_get(2)?,
            inputs: count(r, 3)?,
            documents: count(r, 4)?,
            inserted: count(r, 5)?,
            elapsed_ms: count(r, 6)?,
            failures: Vec::new(),
        },
    })
}

fn rule_from_row(r: &Row) -> R<StoredRule> {
    let kinds: Option<String> = r.try_get(3)?;
    let kinds = kinds
        .unwrap_or_default()
        .split(',')
        .filter(|k| !k.is_empty())
        .map(|k| AlertKind::parse(k).ok_or_else(|| Fail::Bad(format!("unknown alert kind {k:?}"))))
        .collect::<R<Vec<_>>>()?;
    Ok(StoredRule {
        id: count(r, 0)?,
        created_at: r.try_get(1)?,
        rule: AlertRule {
            name: r.try_get(2)?,
            kinds,
            entity: r.try_get(4)?,
            measure: r.try_get(5)?,
        },
    })
}

impl WorkbenchStore for PgStore {
    fn record_run(&self, run: &IngestRun) -> Result<u64, StoreError> {
        self.write(|tx| {
            let now = now();
            let id: i64 = tx
                .query_one(
                    "INSERT INTO ingest_runs (id, finished_at, origin, inputs, documents, \
                     inserted, failed, elapsed_ms) SELECT coalesce(max(id), 0) + 1, $1, $2, $3, \
                     $4, $5, $6, $7 FROM ingest_runs RETURNING id",
                    &[
                        &now,
                        &run.origin,
                        &big(run.inputs),
                        &big(run.documents),
                        &big(run.inserted),
                        &big(run.failures.len() as u64),
                        &big(run.elapsed_ms),
                    ],
                )?
                .try_get(0)?;
            let stmt = tx.prepare(
                "INSERT INTO ingest_failures (seq, run, failed_at, input, error) \
                 SELECT coalesce(max(seq), 0) + 1, $1, $2, $3, $4 FROM ingest_failures",
            )?;
            for f in &run.failures {
                tx.execute(&stmt, &[&id, &now, &f.input, &f.error])?;
            }
            Ok(u64::try_from(id).unwrap_or(0))
        })
    }

    fn ingest_log(&self, limit: usize) -> Result<IngestLog, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|tx| {
            let last_run = tx
                .query_opt(
                    "SELECT id, finished_at, origin, inputs, documents, inserted, elapsed_ms, \
                     failed FROM ingest_runs ORDER BY id DESC LIMIT 1",
                    &[],
                )?
                .map(|r| run_from_row(&r))
                .transpose()?;
            let counts = tx.query_one(
                "SELECT (SELECT count(*) FROM ingest_runs), (SELECT count(*) FROM \
                 ingest_failures), (SELECT count(DISTINCT input) FROM ingest_failures)",
                &[],
            )?;
            let recent = tx
                .query(
                    "SELECT run, failed_at, input, error FROM ingest_failures \
                     ORDER BY seq DESC LIMIT $1",
                    &[&limit],
                )?
                .iter()
                .map(|r| {
                    Ok(StoredFailure {
                        run: count(r, 0)?,
                        failed_at: r.try_get(1)?,
                        failure: InputFailure {
                            input: r.try_get(2)?,
                            error: r.try_get(3)?,
                        },
                    })
                })
                .collect::<R<Vec<_>>>()?;
            Ok(IngestLog {
                last_run,
                runs: count(&counts, 0)?,
                failures: count(&counts, 1)?,
                failed_inputs: count(&counts, 2)?,
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
            let id = tx.query_one(
                "INSERT INTO alert_rules (id, created_at, name, kinds, entity, measure) \
                 SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5 FROM alert_rules \
                 RETURNING id",
                &[&now, &rule.name, &kinds, &rule.entity, &rule.measure],
            )?;
            Ok(StoredRule {
                id: count(&id, 0)?,
                created_at: now,
                rule: rule.clone(),
            })
        })
    }

    fn alert_rules(&self) -> Result<Vec<StoredRule>, StoreError> {
        self.read(|tx| {
            tx.query(
                "SELECT id, created_at, name, kinds, entity, measure FROM alert_rules ORDER BY id",
                &[],
            )?
            .iter()
            .map(rule_from_row)
            .collect()
        })
    }

    fn delete_alert_rule(&self, id: u64) -> Result<bool, StoreError> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM alert_rules WHERE id = $1", &[&big(id)])?;
            Ok(n > 0)
        })
    }

    fn record_briefing(
        &self,
        briefing: &BriefingRun,
        mark: &BriefingMark,
    ) -> Result<BriefingRecord, StoreError> {
        // Under the write lock, like every id the store gives: an ingest's transaction is
        // short, so the wait is one batch at most.
        self.write(|tx| {
            let now = now();
            let row = tx.query_one(
                "INSERT INTO briefings (id, written_at, format, focus, last_alert, last_doc) \
                 SELECT coalesce(max(b.id), 0) + 1, $1, $2, $3, $4, $5 FROM briefings b \
                 RETURNING id",
                &[
                    &now,
                    &briefing.format,
                    &briefing.focus,
                    &big(mark.last_alert),
                    &big(mark.last_doc),
                ],
            )?;
            Ok(BriefingRecord {
                id: count(&row, 0)?,
                written_at: now,
                last_alert: mark.last_alert,
                last_doc: Some(mark.last_doc),
                run: briefing.clone(),
            })
        })
    }

    fn briefing_mark(&self) -> Result<BriefingMark, StoreError> {
        self.read(|tx| {
            let row = tx.query_one(
                "SELECT (SELECT coalesce(max(seq), 0) FROM documents), \
                 (SELECT coalesce(max(seq), 0) FROM alerts)",
                &[],
            )?;
            Ok(BriefingMark {
                last_doc: count(&row, 0)?,
                last_alert: count(&row, 1)?,
            })
        })
    }

    fn documents_since(&self, last_doc: u64, limit: usize) -> Result<Vec<DocId>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|tx| {
            tx.query(
                "SELECT id FROM documents WHERE seq > $1 ORDER BY seq DESC LIMIT $2",
                &[&big(last_doc), &limit],
            )?
            .iter()
            .map(|r| Ok(DocId(r.try_get(0)?)))
            .collect()
        })
    }

    fn last_briefing(&self) -> Result<Option<BriefingRecord>, StoreError> {
        self.read(|tx| {
            let present: bool = tx
                .query_one("SELECT to_regclass('briefings') IS NOT NULL", &[])?
                .try_get(0)?;
            if !present {
                return Ok(None);
            }
            // a store below v19 opened read-only has no `last_doc`
            let kept: bool = tx
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE \
                     table_schema = current_schema() AND table_name = 'briefings' AND \
                     column_name = 'last_doc')",
                    &[],
                )?
                .try_get(0)?;
            let sql = if kept {
                "SELECT id, written_at, format, focus, last_alert, last_doc FROM briefings \
                 ORDER BY id DESC LIMIT 1"
            } else {
                "SELECT id, written_at, format, focus, last_alert, NULL::BIGINT FROM briefings \
                 ORDER BY id DESC LIMIT 1"
            };
            tx.query_opt(sql, &[])?
                .map(|r| {
                    let last_doc: Option<i64> = r.try_get(5)?;
                    Ok(BriefingRecord {
                        id: count(&r, 0)?,
                        written_at: r.try_get(1)?,
                        last_alert: count(&r, 4)?,
                        last_doc: last_doc.map(|n| u64::try_from(n).unwrap_or(0)),
                        run: BriefingRun {
                            format: r.try_get(2)?,
                            focus: r.try_get(3)?,
                        },
                    })
                })
                .transpose()
        })
    }
}
