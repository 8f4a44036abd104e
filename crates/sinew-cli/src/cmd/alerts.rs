//! `sinew alerts`: the alerts raised on ingest, as text or JSON Lines; `sinew reanalyse`:
//! the kept analysis made again with this build's rules.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::open_existing;
use crate::json;
use crate::ui::Ui;

pub(crate) fn run(db: Option<&Path>, as_json: bool) -> Result<ExitCode> {
    let engine = open_existing(db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let alerts = engine.alerts()?;
    if alerts.is_empty() && !as_json {
        // Silence would read as a failure to look; JSON Lines stay empty for scripts.
        writeln!(out, "no alerts")?;
    }
    for a in alerts {
        if as_json {
            writeln!(out, "{}", json::alert(&a))?;
        } else {
            writeln!(out, "{}  {}", a.stored.raised_at, a.stored.alert.message)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn reanalyse(db: Option<&Path>, ui: &Ui) -> Result<ExitCode> {
    let engine = open_existing(db)?;
    let started = std::time::Instant::now();
    let n = engine.reanalyse()?;
    if !ui.quiet {
        eprintln!(
            "analysed {n} document{} again in {:.1} s",
            if n == 1 { "" } else { "s" },
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
