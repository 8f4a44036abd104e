//! `sinew ingest`: read inputs into the store with a progress bar, alerts on stdout and a
//! one-line summary on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use sinew_engine::{Engine, IngestOptions, IngestSummary, Progress};

use super::{input_format, open, peak_memory_kb};
use crate::args::InputFormat;
use crate::ui::Ui;

/// The flags of `sinew ingest`.
pub(crate) struct IngestArgs {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) format: InputFormat,
    pub(crate) threads: usize,
    pub(crate) stats: bool,
    pub(crate) no_alerts: bool,
    pub(crate) defer_analysis: bool,
}

pub(crate) fn run(db: Option<&Path>, ui: &Ui, args: IngestArgs) -> Result<ExitCode> {
    let IngestArgs {
        paths,
        published,
        format,
        threads,
        stats,
        no_alerts,
        defer_analysis,
    } = args;
    let engine = open(db)?;
    let opts = IngestOptions {
        published,
        threads,
        alerts: !no_alerts,
        analyse: !defer_analysis,
        origin: "cli".to_string(),
        ..IngestOptions::default()
    };
    let summary = if paths.len() == 1 && paths[0] == Path::new("-") {
        engine.ingest_reader("stdin", std::io::stdin(), input_format(format), &opts)?
    } else {
        ingest_with_progress(&engine, &paths, &opts, ui.quiet)?
    };
    let code = report(&engine, "ingested", &summary, ui.quiet)?;
    if stats {
        eprintln!("analysis: {:.2} s", summary.analysis.as_secs_f64());
        if let Some(kb) = peak_memory_kb() {
            eprintln!("peak memory: {:.1} MB", kb as f64 / 1024.0);
        }
    }
    Ok(code)
}

fn ingest_with_progress(
    engine: &Engine,
    paths: &[PathBuf],
    opts: &IngestOptions,
    quiet: bool,
) -> Result<IngestSummary> {
    let bar = ProgressBar::hidden();
    let mut on_progress = |p: &Progress| match p {
        Progress::Started { bytes, .. } => {
            if !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_length(*bytes);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {wide_msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
        }
        Progress::Input { name, bytes } => {
            bar.inc(*bytes);
            bar.set_message(name.clone());
        }
    };
    let summary = engine.ingest_paths(paths, opts, &mut on_progress)?;
    bar.finish_and_clear();
    Ok(summary)
}

/// What `ingest` and `load` tell at the end of a run, the same way: each failed input on stderr,
/// the alerts on stdout (so that a watch on a folder can pass them on), the summary line
/// (`verb`: "ingested" or "loaded") unless quiet, and the exit code (1 when an input failed).
pub(super) fn report(
    engine: &Engine,
    verb: &str,
    summary: &IngestSummary,
    quiet: bool,
) -> Result<ExitCode> {
    for e in &summary.errors {
        eprintln!("sinew: {e}");
    }
    let mut out = std::io::stdout().lock();
    for a in &summary.alerts {
        writeln!(out, "{}", a.message)?;
    }
    out.flush()?;
    if !quiet {
        eprintln!("{}", summary_line(verb, summary));
    }
    if let Some(w) = &summary.record_warning {
        eprintln!("sinew: warning: the run was not recorded in the store: {w}");
    }
    super::search::warn_lag(engine, summary.index_warning.as_deref());
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summary_line(verb: &str, s: &IngestSummary) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / 1e6;
    format!(
        "{verb} {} input{} ({:.2} MB) in {:.2} s ({:.1} MB/s): {} document{}, {} new, {} already stored, {} near-duplicate{} of earlier ones, {} claims; {} skipped (not articles), {} failed; {} alert{}",
        s.files,
        plural(s.files),
        mb,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 },
        s.documents,
        plural(s.documents),
        s.inserted,
        s.already_stored,
        s.near_duplicates,
        plural(s.near_duplicates),
        s.claims,
        s.skipped,
        s.errors.len(),
        s.alerts.len(),
        plural(s.alerts.len()),
    )
}
