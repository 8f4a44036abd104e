//! `sinew alerts`: the alerts raised on ingest, as text or JSON Lines.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::open_existing;
use crate::json;

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
