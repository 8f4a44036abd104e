//! `sinew claims`: the stored claims, a table or JSON Lines (`sinew export claims` is in
//! `export`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::open_read_only;
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
