//! `sinew report`: the cited briefing, HTML or Markdown by the output's extension.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sinew_engine::{BriefingConfig, ReportFormat};

use super::open_read_only;
use crate::ui::Ui;

pub(crate) fn run(
    db: Option<&Path>,
    output: &Path,
    title: Option<String>,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let format = match output.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
            ReportFormat::Html
        }
        _ => ReportFormat::Markdown,
    };
    let config = BriefingConfig {
        title,
        ..BriefingConfig::default()
    };
    let text = engine.report(format, &config)?;
    std::fs::write(output, text).with_context(|| format!("writing {}", output.display()))?;
    if !ui.quiet {
        eprintln!("wrote {}", output.display());
    }
    Ok(ExitCode::SUCCESS)
}
