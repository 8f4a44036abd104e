//! `sinew entities`: the entities named in stored documents, a table or JSON Lines.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::open_read_only;
use crate::ui::Ui;
use crate::{json, table};

pub(crate) fn run(db: Option<&Path>, as_json: bool, ui: &Ui) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let entities = engine.entities()?;
    let mut out = std::io::stdout().lock();
    if as_json {
        for e in &entities {
            writeln!(out, "{}", json::entity(e))?;
        }
    } else {
        table::entities(&mut out, &entities, ui)?;
    }
    Ok(ExitCode::SUCCESS)
}
