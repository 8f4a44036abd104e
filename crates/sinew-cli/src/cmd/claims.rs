//! `sinew claims` (a table or JSON Lines) and `sinew export claims` (JSON Lines to a file).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::{open_read_only, output_to};
use crate::ui::Ui;
use crate::{json, table};

pub(crate) fn run(
    db: Option<&Path>,
    entity: Option<&str>,
    as_json: bool,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    // An alias or another case names the stored entity; a name that matches none is an error
    // that suggests the nearest, rather than an empty list that looks like an answer.
    let entity = entity.map(|e| engine.resolve_entity(e)).transpose()?;
    let claims = engine.claims(entity.as_deref())?;
    let mut out = std::io::stdout().lock();
    if as_json {
        for c in &claims {
            writeln!(out, "{}", json::claim(c))?;
        }
    } else {
        table::claims(&mut out, &claims, ui)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(db: Option<&Path>, output: Option<&Path>) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let claims = engine.claims(None)?;
    let mut out = output_to(output)?;
    for c in &claims {
        writeln!(out, "{}", json::claim(c))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
