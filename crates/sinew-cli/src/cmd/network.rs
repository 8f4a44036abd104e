//! `sinew graph` (the network as JSON, GraphML or GEXF) and `sinew whatif` (a flow cut or
//! scaled, and the dependencies it touches).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::{open_read_only, output_to};
use crate::args::GraphFormat;
use crate::ui::Ui;
use crate::{graph, json, table};

pub(crate) fn graph(
    db: Option<&Path>,
    format: GraphFormat,
    output: Option<&Path>,
    config: &sinew_engine::NetworkConfig,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let view = engine.network_with(config)?;
    let mut out = output_to(output)?;
    match format {
        GraphFormat::Json => {
            json::write_network(&mut out, &view)?;
            writeln!(out)?
        }
        GraphFormat::Graphml => graph::graphml(&mut out, &view)?,
        GraphFormat::Gexf => graph::gexf(&mut out, &view)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn what_if(
    db: Option<&Path>,
    cut: &sinew_engine::Cut,
    threshold: f64,
    as_json: bool,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let cut = sinew_engine::Cut {
        from: engine.resolve_entity(&cut.from)?,
        to: engine.resolve_entity(&cut.to)?,
        ..cut.clone()
    };
    let (w, claims) = engine.what_if(&cut, threshold)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        writeln!(out, "{}", json::what_if(&w, &claims))?;
    } else {
        table::what_if(&mut out, &w, &claims, ui)?;
    }
    Ok(ExitCode::SUCCESS)
}
