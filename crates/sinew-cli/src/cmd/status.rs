//! `sinew status`: what does the store hold, how did the last ingest go, and which inputs
//! could ingest not read? Counts, documents awaiting analysis, the search index beside the
//! store, the last recorded run, and the failed inputs newest first (the store keeps them:
//! schema v8's `ingest_failures`). Reads only, like every read command.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use sinew_engine::{IngestLog, TantivyIndex};

use super::{default_db, index_path, open_read_only};

pub(crate) fn run(db: Option<&Path>, failures: usize, json: bool) -> Result<ExitCode> {
    let db = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    let engine = open_read_only(Some(&db))?;
    let stats = engine.stats()?;
    let pending = engine.pending_analysis()?;
    let log = engine.store().ingest_log(failures)?;
    // The index is read only when one was built; a status never creates one.
    let index_path = index_path(&db)?;
    let indexed = if index_path.exists() {
        let engine = engine.with_index(Arc::new(TantivyIndex::open(&index_path)?));
        Some(
            engine
                .search_index()
                .map(|i| i.len())
                .transpose()?
                .unwrap_or(0),
        )
    } else {
        None
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let value = serde_json::json!({
            "documents": stats.documents,
            "mentions": stats.mentions,
            "quantities": stats.quantities,
            "times": stats.times,
            "claims": stats.claims,
            "pending_analysis": pending,
            "indexed": indexed,
            "runs": log.runs,
            "last_run": log.last_run.as_ref().map(|r| serde_json::json!({
                "id": r.id,
                "finished_at": r.finished_at,
                "origin": r.run.origin,
                "inputs": r.run.inputs,
                "documents": r.run.documents,
                "inserted": r.run.inserted,
                "failed": r.failed,
                "elapsed_ms": r.run.elapsed_ms,
            })),
            "failures": log.failures,
            "failed_inputs": log.failed_inputs,
            "recent_failures": log.recent.iter().map(|f| serde_json::json!({
                "run": f.run,
                "failed_at": f.failed_at,
                "input": f.failure.input,
                "error": f.failure.error,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} documents, {} claims, {} figures, {} mentions; {} awaiting analysis",
            stats.documents, stats.claims, stats.quantities, stats.mentions, pending
        )?;
        match indexed {
            Some(n) => writeln!(out, "search index: {n} documents")?,
            None => writeln!(out, "search index: none (`sinew index` builds it)")?,
        }
        print_log(&mut out, &log)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_log(out: &mut dyn Write, log: &IngestLog) -> Result<()> {
    match &log.last_run {
        Some(r) => writeln!(
            out,
            "last run: #{} ({}) at {}: {} input{}, {} new of {} document{}, {} failed, {:.2} s",
            r.id,
            r.run.origin,
            r.finished_at,
            r.run.inputs,
            if r.run.inputs == 1 { "" } else { "s" },
            r.run.inserted,
            r.run.documents,
            if r.run.documents == 1 { "" } else { "s" },
            r.failed,
            r.run.elapsed_ms as f64 / 1000.0
        )?,
        None => writeln!(out, "last run: none recorded")?,
    }
    writeln!(
        out,
        "failed inputs: {} failure{} of {} input{} over {} run{}",
        log.failures,
        if log.failures == 1 { "" } else { "s" },
        log.failed_inputs,
        if log.failed_inputs == 1 { "" } else { "s" },
        log.runs,
        if log.runs == 1 { "" } else { "s" },
    )?;
    for f in &log.recent {
        writeln!(
            out,
            "  {}  run #{}  {}: {}",
            f.failed_at, f.run, f.failure.input, f.failure.error
        )?;
    }
    if log.failures > log.recent.len() as u64 {
        writeln!(
            out,
            "  ({} older not shown: --failures N)",
            log.failures - log.recent.len() as u64
        )?;
    }
    Ok(())
}
