//! `sinew ledger` and `sinew export ledger`: the figures ledger as a table, JSON Lines or CSV.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use sinew_engine::{LedgerFilter, Verdict};

use super::{open_read_only, output_to};
use crate::args::{LedgerFilterArgs, LedgerFormat, VerdictArg};
use crate::names::doc_names;
use crate::ui::Ui;
use crate::{csv, json, table};

fn ledger_filter(f: &LedgerFilterArgs) -> LedgerFilter {
    LedgerFilter {
        entity: f.entity.clone(),
        measure: f.measure.clone(),
        from: f.from,
        to: f.to,
        verdict: f.verdict.map(|v| match v {
            VerdictArg::Agree => Verdict::Agree,
            VerdictArg::Conflict => Verdict::Conflict,
            VerdictArg::Update => Verdict::Update,
            VerdictArg::Single => Verdict::Single,
        }),
        min_sources: f.min_sources,
    }
}

/// The ledger filter of the flags, its entity resolved to the stored name (an alias or
/// another case names it; a name that matches none is an error naming the nearest).
pub(crate) fn resolved_filter(
    engine: &sinew_engine::Engine,
    f: &LedgerFilterArgs,
) -> Result<LedgerFilter> {
    let mut filter = ledger_filter(f);
    filter.entity = filter
        .entity
        .map(|e| engine.resolve_entity(&e))
        .transpose()?;
    Ok(filter)
}

pub(crate) fn run(
    db: Option<&Path>,
    filter: &LedgerFilterArgs,
    format: LedgerFormat,
    output: Option<&Path>,
    ui: &Ui,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let filter = resolved_filter(&engine, filter)?;
    let mut out = output_to(output)?;
    match format {
        LedgerFormat::Table => {
            // The table shows each claim's words and document only: no claim is decoded (but
            // to test measure words), and the groups are written a window at a time, never
            // held all at once.
            let mut stream = engine.ledger_stream(&filter)?;
            stream.keep_measure()?;
            let names = doc_names(stream.documents().iter().map(|(d, s)| (d, s.as_str())));
            let (mut groups, mut conflicts) = (0, 0);
            stream.each(|window, claims| -> Result<()> {
                groups += window.len();
                conflicts += table::conflicts(window);
                table::ledger_groups(&mut out, window, claims, &names, ui)?;
                Ok(())
            })?;
            table::ledger_total(&mut out, groups, conflicts)?;
        }
        LedgerFormat::Json => {
            // Each window's claims are read whole as it is written: memory holds one window.
            engine
                .ledger_stream_whole(&filter)?
                .each_view(|window, claims| -> Result<()> {
                    for g in window {
                        writeln!(out, "{}", json::ledger_group(g, claims))?;
                    }
                    Ok(())
                })?;
        }
        LedgerFormat::Csv => {
            csv::ledger_header(&mut out)?;
            engine
                .ledger_stream_whole(&filter)?
                .each_view(|window, claims| -> Result<()> {
                    csv::ledger_rows(&mut out, window, claims)?;
                    Ok(())
                })?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
