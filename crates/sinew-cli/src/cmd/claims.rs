//! `sinew claims` (a table or JSON Lines) and `sinew export claims` (JSON Lines to a file).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::{open, output_to};
use crate::{json, table};

pub(crate) fn run(db: Option<&Path>, entity: Option<&str>, as_json: bool) -> Result<ExitCode> {
    let engine = open(db)?;
    let claims = engine.claims(entity)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        for c in &claims {
            writeln!(out, "{}", json::claim(c))?;
        }
    } else {
        table::claims(&mut out, &claims)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(db: Option<&Path>, output: Option<&Path>) -> Result<ExitCode> {
    let engine = open(db)?;
    let claims = engine.claims(None)?;
    let mut out = output_to(output)?;
    for c in &claims {
        writeln!(out, "{}", json::claim(c))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
