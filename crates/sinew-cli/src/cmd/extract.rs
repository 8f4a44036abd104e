//! `sinew extract`: documents (clean text and metadata) as JSON Lines, without a store; with
//! `--annotate`, the map step's records (each document with its annotations) for `sinew load`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::{input_format, peak_memory_kb};
use crate::args::InputFormat;
use crate::json;
use crate::ui::Ui;

pub(crate) fn run(
    paths: &[PathBuf],
    format: InputFormat,
    published: Option<chrono::NaiveDate>,
    stats: bool,
    annotate: bool,
    ui: &Ui,
) -> Result<ExitCode> {
    let code = extract(paths, format, published, annotate, ui.quiet)?;
    if stats {
        if let Some(kb) = peak_memory_kb() {
            eprintln!("peak memory: {:.1} MB", kb as f64 / 1024.0);
        }
    }
    Ok(code)
}

fn extract(
    paths: &[PathBuf],
    format: InputFormat,
    published: Option<chrono::NaiveDate>,
    annotate: bool,
    quiet: bool,
) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let stdin = paths.is_empty() || (paths.len() == 1 && paths[0] == Path::new("-"));
    let mut failed = false;
    let mut emit = |doc: sinew_types::Document| -> std::io::Result<()> {
        let record = if annotate {
            json::map_record(&doc, &sinew_engine::annotate(&doc))
        } else {
            json::document(&doc)
        };
        writeln!(out, "{record}")
    };
    let summary = if stdin {
        let format = input_format(format);
        sinew_engine::extract_reader("stdin", std::io::stdin(), format, published, &mut emit)?
    } else {
        sinew_engine::extract_paths(paths, published, &mut emit)?
    };
    for e in &summary.errors {
        eprintln!("sinew: {e}");
        failed = true;
    }
    if summary.skipped > 0 && !quiet {
        eprintln!(
            "sinew: skipped {} record{} that hold no article",
            summary.skipped,
            if summary.skipped == 1 { "" } else { "s" }
        );
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
