//! `sinew events` (a table or JSON Lines) and `sinew export events` (JSON Lines, CSV or Parquet): the
//! stored events, each with the reports that tell it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use sinew_engine::{Engine, EventQuery, EventsView};

use super::{open_read_only, output_to};
use crate::args::{EventFilterArgs, EventsExportFormat};
use crate::ui::Ui;
use crate::{csv, json, table};

/// The events the filter selects; an entity name that matches nothing is an error naming the
/// nearest, not an empty list.
fn view(engine: &Engine, filter: &EventFilterArgs) -> Result<EventsView> {
    let entity = filter
        .entity
        .as_deref()
        .map(|e| engine.resolve_entity(e))
        .transpose()?;
    Ok(engine.events(&EventQuery {
        entity,
        from: filter.from,
        to: filter.to,
    })?)
}

pub(crate) fn run(
    db: Option<&Path>,
    filter: &EventFilterArgs,
    as_json: bool,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let view = view(&engine, filter)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        for e in &view.events {
            writeln!(out, "{}", json::merged_event(e, &view.reports))?;
        }
    } else {
        table::events(&mut out, &view, ui)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(
    db: Option<&Path>,
    filter: &EventFilterArgs,
    format: EventsExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let view = view(&engine, filter)?;
    if let EventsExportFormat::Parquet = format {
        super::export::events_parquet(&view, output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output_to(output)?;
    match format {
        EventsExportFormat::Jsonl => {
            for e in &view.events {
                writeln!(out, "{}", json::merged_event(e, &view.reports))?;
            }
        }
        EventsExportFormat::Csv => csv::events(&mut out, &view)?,
        EventsExportFormat::Parquet => unreachable!("written above"),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
