//! `sinew report`: the cited briefing, HTML, JSON or Markdown by `--format` or the output's
//! extension, focused by `--since`, `--entity` and `--topic`. Each briefing written is
//! recorded in the store, so the next one says what changed since it.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use sinew_engine::{BriefingConfig, ReportFormat};

use super::{open_existing, open_read_only};
use crate::args::ReportFormatArg;
use crate::ui::Ui;

/// What a briefing is focused on.
pub(crate) struct Focus {
    pub(crate) since: Option<NaiveDate>,
    pub(crate) entity: Option<String>,
    pub(crate) topic: Option<String>,
}

pub(crate) fn run(
    db: Option<&Path>,
    output: &Path,
    format: Option<ReportFormatArg>,
    title: Option<String>,
    focus: Focus,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match (format, ext.as_deref()) {
        (Some(ReportFormatArg::Html), _) | (None, Some("html" | "htm")) => ReportFormat::Html,
        (Some(ReportFormatArg::Json), _) | (None, Some("json")) => ReportFormat::Json,
        _ => ReportFormat::Markdown,
    };
    let config = BriefingConfig {
        title,
        since: focus.since,
        entity: focus.entity,
        topic: focus.topic,
        ..BriefingConfig::default()
    };
    let (text, mark) = engine.report_marked(format, &config)?;
    std::fs::write(output, text).with_context(|| format!("writing {}", output.display()))?;
    // The briefing is read from a read-only open (it never waits for an ingest); its record
    // is a write that does not wait either, and records what the briefing read (alerts and
    // documents stored between the read and the record count as unseen). A store this user cannot write still gets its
    // briefing, with a warning that the next one cannot say what changed since.
    if let Err(e) = open_existing(db).and_then(|e| Ok(e.record_briefing(format, &config, &mark)?)) {
        eprintln!(
            "warning: this briefing was not recorded, so the next one cannot say what changed \
             since it: {e:#}"
        );
    }
    if !ui.quiet {
        eprintln!("wrote {}", output.display());
    }
    Ok(ExitCode::SUCCESS)
}
