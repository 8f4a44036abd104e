//! `sinew annotate`: annotations of text on stdin, one JSON object a line, without a store.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::args::Layer;
use crate::json;

pub(crate) fn run(layers: &[Layer], published: Option<chrono::NaiveDate>) -> Result<ExitCode> {
    let set = json::LayerSet {
        entities: layers.contains(&Layer::Entities),
        quantities: layers.contains(&Layer::Quantities),
        times: layers.contains(&Layer::Times),
        claims: layers.contains(&Layer::Claims),
        events: layers.contains(&Layer::Events),
    };
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("reading stdin line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let name = format!("stdin#{}", n + 1);
        let doc = match sinew_engine::document_from_line(&name, &line, published) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("sinew: {name}: {e}");
                writeln!(out, "{}", serde_json::json!({"error": e}))?;
                failed = true;
                continue;
            }
        };
        let ann = sinew_engine::annotate_with(&doc, set.stages());
        serde_json::to_writer(&mut out, &json::annotations(&doc, &ann, set))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
