//! `sinew alerts`: the alerts raised on ingest, as text or JSON Lines.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::open;
use crate::json;

pub(crate) fn run(db: Option<&Path>, as_json: bool) -> Result<ExitCode> {
    let engine = open(db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in engine.alerts()? {
        if as_json {
            writeln!(out, "{}", json::alert(&a))?;
        } else {
            writeln!(out, "{}  {}", a.stored.raised_at, a.stored.alert.message)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
