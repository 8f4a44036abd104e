//! `sinew export`: the stored documents, claims, ledger, events, entities and flows as JSON
//! Lines or Parquet, and the actors, payments, sanctions, events and goods flows as
//! FollowTheMoney entities (`sinew export ftm`). The JSON Lines and CSV of events and the
//! ledger live with their commands.
//!
//! Each Parquet table has the columns of the JSON export it mirrors, flattened (a claim's
//! `time.start` is `time_start`), or the CSV's where there is one (the ledger, the events);
//! README.md lists them.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use sinew_engine::{ClaimView, Engine, EventsView, NetworkConfig};
use sinew_types::Modality;

use super::{open_read_only, output_to};
use crate::args::{ExportFormat, LedgerFilterArgs};
use crate::parquet::{opt, req, Cell, Column, Kind, TableWriter};
use crate::{csv, json};

/// Documents read from the store at a time: a page of texts, not the whole store.
const DOC_PAGE: usize = 500;

/// Where a Parquet file goes: the file, or stdout when it is not a terminal (a binary file
/// would garble it).
fn parquet_output(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None if std::io::stdout().is_terminal() => {
            bail!("Parquet is a binary format: pass --output FILE or redirect stdout")
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// Writes `rows` as a Parquet table to `output`.
fn write_table(
    output: Option<&Path>,
    table: &str,
    columns: &'static [Column],
    rows: impl FnOnce(&mut TableWriter<Box<dyn Write + Send>>) -> Result<()>,
) -> Result<()> {
    let mut w = TableWriter::new(parquet_output(output)?, table, columns)?;
    rows(&mut w)?;
    let mut out = w.finish()?;
    out.flush()?;
    Ok(())
}

/// The name serde gives a unit enum variant (`"month"`, `"point"`).
fn serde_name<T: Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

// ---- documents --------------------------------------------------------------------------

const DOCUMENT_COLUMNS: &[Column] = &[
    req("doc", Kind::Text),
    req("id", Kind::Text),
    opt("url", Kind::Text),
    opt("title", Kind::Text),
    opt("author", Kind::Text),
    opt("published", Kind::Date),
    opt("site", Kind::Text),
    opt("lang", Kind::Text),
    req("text", Kind::Text),
    opt("duplicate_of", Kind::Text),
];

/// `sinew export documents`: every stored document with its text, in ingest order, read a
/// page at a time. The Parquet table has the JSON's fields but the near-duplicate
/// `fingerprint` (the map step's 64 MinHash values): the links it found are `duplicate_of`.
pub(crate) fn documents(
    db: Option<&Path>,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let store = engine.store();
    let each = |f: &mut dyn FnMut(&sinew_types::Document) -> Result<()>| -> Result<()> {
        let mut after = None;
        loop {
            let page = store.documents_after(after.as_ref(), DOC_PAGE)?;
            for d in &page {
                f(d)?;
            }
            match page.last() {
                Some(last) if page.len() == DOC_PAGE => after = Some(last.id.clone()),
                _ => return Ok(()),
            }
        }
    };
    match format {
        ExportFormat::Jsonl => {
            let mut out = output_to(output)?;
            each(&mut |d| Ok(writeln!(out, "{}", json::document(d))?))?;
            out.flush()?;
        }
        ExportFormat::Parquet => write_table(output, "documents", DOCUMENT_COLUMNS, |w| {
            each(&mut |d| {
                w.push(vec![
                    (&d.source).into(),
                    (&d.id.0).into(),
                    d.url.clone().into(),
                    d.title.clone().into(),
                    d.author.clone().into(),
                    d.published.into(),
                    d.site.clone().into(),
                    d.lang.clone().into(),
                    (&d.text).into(),
                    d.duplicate_of.as_ref().map(|x| x.0.clone()).into(),
                ])
            })
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

// ---- claims -----------------------------------------------------------------------------

const CLAIM_COLUMNS: &[Column] = &[
    req("doc", Kind::Text),
    req("doc_id", Kind::Text),
    req("start", Kind::Int),
    req("end", Kind::Int),
    req("quote", Kind::Text),
    req("sentence", Kind::Text),
    req("value", Kind::Float),
    opt("value_max", Kind::Float),
    opt("unit", Kind::Text),
    opt("qualifier", Kind::Text),
    req("vague", Kind::Bool),
    opt("per", Kind::Text),
    opt("time_text", Kind::Text),
    opt("time_start", Kind::Date),
    opt("time_end", Kind::Date),
    opt("time_grain", Kind::Text),
    opt("time_kind", Kind::Text),
    opt("subject", Kind::Text),
    opt("object", Kind::Text),
    opt("inferred", Kind::Text),
    req("measure", Kind::Text),
    opt("attribution", Kind::Text),
    req("modality", Kind::Text),
    req("kind", Kind::Text),
    opt("restates_start", Kind::Int),
    opt("restates_end", Kind::Int),
    opt("changed_to_start", Kind::Int),
    opt("changed_to_end", Kind::Int),
];

fn claim_row(v: &ClaimView) -> Vec<Cell> {
    let c = &v.claim;
    let q = &c.quantity;
    let t = c.time.as_ref();
    vec![
        (&v.source).into(),
        (&c.doc.0).into(),
        c.span.start.into(),
        c.span.end.into(),
        (&v.quote).into(),
        (&v.sentence).into(),
        q.value.into(),
        q.value_max.into(),
        q.unit.clone().into(),
        q.qualifier.clone().into(),
        q.vague.into(),
        q.per.clone().into(),
        t.map(|t| t.text.clone()).into(),
        t.and_then(|t| t.start_date).into(),
        t.and_then(|t| t.end_date).into(),
        t.and_then(|t| serde_name(&t.grain)).into(),
        t.and_then(|t| serde_name(&t.kind)).into(),
        c.subject.clone().into(),
        c.object.clone().into(),
        c.inferred.map(|i| i.as_str()).into(),
        (&c.measure).into(),
        c.attribution.clone().into(),
        match c.modality {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
        }
        .into(),
        c.kind.as_str().into(),
        c.restates.map(|r| r.start).into(),
        c.restates.map(|r| r.end).into(),
        c.changed_to.map(|r| r.start).into(),
        c.changed_to.map(|r| r.end).into(),
    ]
}

/// `sinew export claims`: every stored claim.
pub(crate) fn claims(
    db: Option<&Path>,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let claims = engine.claims(None)?;
    match format {
        ExportFormat::Jsonl => {
            let mut out = output_to(output)?;
            for c in &claims {
                writeln!(out, "{}", json::claim(c))?;
            }
            out.flush()?;
        }
        ExportFormat::Parquet => write_table(output, "claims", CLAIM_COLUMNS, |w| {
            claims.iter().try_for_each(|c| w.push(claim_row(c)))
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

// ---- ledger -----------------------------------------------------------------------------

/// The ledger CSV's columns (`csv::HEADER`), typed.
const LEDGER_COLUMNS: &[Column] = &[
    req("group", Kind::Text),
    opt("subject", Kind::Text),
    opt("object", Kind::Text),
    req("measure", Kind::Text),
    opt("unit", Kind::Text),
    opt("per", Kind::Text),
    req("concept", Kind::Text),
    req("kind", Kind::Text),
    req("verdict", Kind::Text),
    req("consensus", Kind::Text),
    opt("consensus_value", Kind::Float),
    opt("consensus_low", Kind::Float),
    opt("consensus_high", Kind::Float),
    req("sources", Kind::Int),
    opt("attribution", Kind::Text),
    req("explanation", Kind::Text),
    req("doc", Kind::Text),
    req("start", Kind::Int),
    req("end", Kind::Int),
    req("quote", Kind::Text),
    req("value", Kind::Float),
    opt("value_max", Kind::Float),
    opt("qualifier", Kind::Text),
    req("vague", Kind::Bool),
    opt("time", Kind::Text),
    opt("time_start", Kind::Date),
    opt("time_end", Kind::Date),
    opt("claim_attribution", Kind::Text),
    req("modality", Kind::Text),
    req("claim_kind", Kind::Text),
    req("camp", Kind::Int),
    req("note", Kind::Text),
];

/// `sinew export ledger --format parquet`: the CSV's rows (one claim a row with its group's
/// fields) and columns, typed.
pub(crate) fn ledger_parquet(
    db: Option<&Path>,
    filter: &LedgerFilterArgs,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let view = engine.ledger(&super::ledger::resolved_filter(&engine, filter)?)?;
    write_table(output, "ledger", LEDGER_COLUMNS, |w| {
        for g in &view.ledger.groups {
            for m in &g.claims {
                let Some(v) = view.claims.get(m.claim) else {
                    continue;
                };
                let c = &v.claim;
                let q = &c.quantity;
                let t = c.time.as_ref();
                w.push(vec![
                    (&g.id).into(),
                    g.subject.clone().into(),
                    g.object.clone().into(),
                    (&g.measure).into(),
                    g.unit.clone().into(),
                    g.per.clone().into(),
                    g.concept.as_str().into(),
                    g.kind.as_str().into(),
                    g.verdict.as_str().into(),
                    json::consensus_text(g).into(),
                    g.consensus.value.into(),
                    g.consensus.low.into(),
                    g.consensus.high.into(),
                    g.sources.into(),
                    g.attribution.clone().into(),
                    (&g.explanation).into(),
                    (&v.source).into(),
                    c.span.start.into(),
                    c.span.end.into(),
                    (&v.quote).into(),
                    q.value.into(),
                    q.value_max.into(),
                    q.qualifier.clone().into(),
                    q.vague.into(),
                    t.map(|t| t.text.clone()).into(),
                    t.and_then(|t| t.start_date).into(),
                    t.and_then(|t| t.end_date).into(),
                    c.attribution.clone().into(),
                    match c.modality {
                        Modality::Asserted => "asserted",
                        Modality::Hedged => "hedged",
                    }
                    .into(),
                    c.kind.as_str().into(),
                    m.camp.into(),
                    (&m.note).into(),
                ])?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

// ---- events -----------------------------------------------------------------------------

/// The events CSV's columns (`csv::EVENT_HEADER`), typed.
const EVENT_COLUMNS: &[Column] = &[
    req("event", Kind::Text),
    req("category", Kind::Text),
    opt("kind", Kind::Text),
    opt("mode", Kind::Text),
    req("source", Kind::Text),
    req("target", Kind::Text),
    req("mutual", Kind::Bool),
    opt("date", Kind::Date),
    opt("date_end", Kind::Date),
    opt("location", Kind::Text),
    req("modality", Kind::Text),
    req("negated", Kind::Bool),
    req("documents", Kind::Int),
    req("doc", Kind::Text),
    req("doc_name", Kind::Text),
    opt("published", Kind::Date),
    opt("duplicate_of", Kind::Text),
    req("start", Kind::Int),
    req("end", Kind::Int),
    req("sentence", Kind::Text),
    req("report_source", Kind::Text),
    req("report_target", Kind::Text),
    opt("report_date", Kind::Date),
    opt("attribution", Kind::Text),
    req("report_modality", Kind::Text),
];

/// `sinew export events --format parquet`: the CSV's rows (one report a row with its event's
/// fields; actor lists joined by `; `) and columns, typed.
pub(crate) fn events_parquet(view: &EventsView, output: Option<&Path>) -> Result<()> {
    write_table(output, "events", EVENT_COLUMNS, |w| {
        for e in &view.events {
            for r in e.reports.iter().filter_map(|&i| view.reports.get(i)) {
                w.push(vec![
                    (&e.id).into(),
                    e.category.as_str().into(),
                    e.kind.map(|k| k.as_str()).into(),
                    e.mode.clone().into(),
                    e.source.join("; ").into(),
                    e.target.join("; ").into(),
                    e.mutual.into(),
                    e.date.into(),
                    e.date_end.into(),
                    e.location.clone().into(),
                    e.modality.as_str().into(),
                    e.negated.into(),
                    e.documents.into(),
                    (&r.doc.0).into(),
                    (&r.source).into(),
                    r.published.into(),
                    r.duplicate_of.as_ref().map(|d| d.0.clone()).into(),
                    r.event.trigger.start.into(),
                    r.event.trigger.end.into(),
                    (&r.sentence).into(),
                    csv::actors(&r.event.source).into(),
                    csv::actors(&r.event.target).into(),
                    r.event.date.into(),
                    r.event.attribution.clone().into(),
                    r.event.modality.as_str().into(),
                ])?;
            }
        }
        Ok(())
    })
}

// ---- entities ---------------------------------------------------------------------------

const ENTITY_COLUMNS: &[Column] = &[
    req("canonical", Kind::Text),
    req("type", Kind::Text),
    req("coarse", Kind::Text),
    req("id", Kind::Text),
    opt("country", Kind::Text),
    opt("sector", Kind::Text),
    req("mentions", Kind::Int),
    req("documents", Kind::Int),
    req("aliases", Kind::Text),
    opt("description", Kind::Text),
    opt("description_count", Kind::Int),
    opt("description_doc", Kind::Text),
    opt("description_id", Kind::Text),
    opt("description_start", Kind::Int),
    opt("description_end", Kind::Int),
];

/// `sinew export entities`: the entities as `sinew entities --json` lists them; in Parquet
/// `aliases` is their texts joined by `; `, most used first, and the description's fields
/// are `description_*` columns.
pub(crate) fn entities(
    db: Option<&Path>,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let entities = engine.entities()?;
    match format {
        ExportFormat::Jsonl => {
            let mut out = output_to(output)?;
            for e in &entities {
                writeln!(out, "{}", json::entity(e))?;
            }
            out.flush()?;
        }
        ExportFormat::Parquet => write_table(output, "entities", ENTITY_COLUMNS, |w| {
            for e in &entities {
                let d = e.description.as_ref();
                let aliases: Vec<&str> = e.aliases.iter().map(|a| a.text.as_str()).collect();
                w.push(vec![
                    (&e.canonical).into(),
                    e.entity_type.as_str().into(),
                    e.entity_type.coarse().as_str().into(),
                    (&e.id).into(),
                    e.country.clone().into(),
                    e.sector.map(|s| s.as_str()).into(),
                    e.mentions.into(),
                    e.documents.into(),
                    aliases.join("; ").into(),
                    d.map(|d| d.text.clone()).into(),
                    d.map(|d| d.count).into(),
                    d.map(|d| d.citation.source.clone()).into(),
                    d.map(|d| d.citation.doc.0.clone()).into(),
                    d.map(|d| d.citation.span.start).into(),
                    d.map(|d| d.citation.span.end).into(),
                ])?;
            }
            Ok(())
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

// ---- flows ------------------------------------------------------------------------------

const FLOW_COLUMNS: &[Column] = &[
    req("flow", Kind::Text),
    req("from", Kind::Text),
    req("to", Kind::Text),
    req("source", Kind::Text),
    req("target", Kind::Text),
    req("kind", Kind::Text),
    req("symmetric", Kind::Bool),
    req("sources", Kind::Int),
    req("claims", Kind::Int),
    req("ties", Kind::Int),
    opt("group", Kind::Text),
    opt("text", Kind::Text),
    opt("value", Kind::Float),
    opt("low", Kind::Float),
    opt("high", Kind::Float),
    opt("unit", Kind::Text),
    opt("per", Kind::Text),
    opt("measure", Kind::Text),
    opt("period_start", Kind::Date),
    opt("period_end", Kind::Date),
    opt("verdict", Kind::Text),
];

/// `sinew export flows`: the network's flows (as `sinew graph --format json` has them, one a
/// line), or in Parquet one row per figure (volume) with its flow's fields, and one row with
/// empty figure columns for a flow with no figure.
pub(crate) fn flows(
    db: Option<&Path>,
    config: &NetworkConfig,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine: Engine = open_read_only(db)?;
    let view = engine.network_with(config)?;
    let flows = &view.network.flows;
    match format {
        ExportFormat::Jsonl => {
            let mut out = output_to(output)?;
            for f in flows {
                serde_json::to_writer(&mut out, &json::flow(f, &view.claims, &view.tie_words))?;
                writeln!(out)?;
            }
            out.flush()?;
        }
        ExportFormat::Parquet => write_table(output, "flows", FLOW_COLUMNS, |w| {
            for f in flows {
                let head: Vec<Cell> = vec![
                    (&f.id).into(),
                    (&f.from).into(),
                    (&f.to).into(),
                    sinew_engine::node_id(&f.from).into(),
                    sinew_engine::node_id(&f.to).into(),
                    f.kind.as_str().into(),
                    f.symmetric.into(),
                    f.sources.into(),
                    f.claims.len().into(),
                    f.ties.len().into(),
                ];
                if f.volumes.is_empty() {
                    let mut row = head.clone();
                    row.resize(FLOW_COLUMNS.len(), Cell::Null);
                    w.push(row)?;
                }
                for v in &f.volumes {
                    let mut row = head.clone();
                    row.extend([
                        (&v.group).into(),
                        (&v.text).into(),
                        v.value.filter(|_| !v.vague).into(),
                        v.low.into(),
                        v.high.into(),
                        v.unit.clone().into(),
                        v.per.clone().into(),
                        (&v.measure).into(),
                        v.period.map(|p| p.0).into(),
                        v.period.and_then(|p| p.1).into(),
                        v.verdict.as_str().into(),
                    ]);
                    w.push(row)?;
                }
            }
            Ok(())
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_unique_column_names() {
        for cols in [
            DOCUMENT_COLUMNS,
            CLAIM_COLUMNS,
            LEDGER_COLUMNS,
            EVENT_COLUMNS,
            ENTITY_COLUMNS,
            FLOW_COLUMNS,
        ] {
            let mut names: Vec<&str> = cols.iter().map(|c| c.name).collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n);
        }
    }

    #[test]
    fn the_ledger_table_has_the_csv_columns() {
        let names: Vec<&str> = LEDGER_COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names, crate::csv::HEADER);
        let names: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names, crate::csv::EVENT_HEADER);
    }
}
