//! `cargo xtask bench-events`: how many sentences a second does the PLOVER event stage read,
//! on one core, over the English news the other benches use?
//!
//! The news is the CoNLL-2003 English training file's Reuters documents (`../shared`, as in
//! `bench-ner`), each document's tokens joined by single spaces, one document a line, up to
//! 500 KB. The timed side runs in a release build of this xtask (`bench-events --inner FILE`,
//! pinned with `taskset -c 0` when it exists): first the layers events read (entities and
//! times, with attributions) are computed for every document, untimed; then
//! `sinew_nlp::find_events` over all of them is timed, best of 3 after a warm-up: that is the
//! event stage's own rate, the figure the goal (>= 10,000 sentences/s) is about. The same
//! process also times one pass of the whole path a user runs (entities, times and events) for
//! reference: the entity layer costs most of it.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use sinew_nlp::{annotate_with, find_events, split_sentences, Stages};
use sinew_types::DocId;

use crate::bench::{inner_release, pin_prefix, reuters_sample};

const NEWS: &str = "../shared/dev/ner/eng.train";
const BYTES: usize = 500_000;

pub(crate) fn run(args: &[String]) -> Result<()> {
    if let Some(i) = args.iter().position(|a| a == "--inner") {
        let file = args.get(i + 1).context("--inner needs a file")?;
        return inner(Path::new(file));
    }
    if let Some(other) = args.first() {
        bail!("unknown flag {other:?}");
    }
    let Some((file, lines)) = reuters_sample(BYTES, "bench-events.txt")? else {
        return Ok(());
    };
    let pin = pin_prefix();
    println!(
        "bench-events: {:.2} MB of Reuters news ({NEWS}, {} documents), {}",
        lines.len() as f64 / 1e6,
        lines.lines().count(),
        if pin.is_empty() {
            "NOT pinned (taskset is missing)"
        } else {
            "pinned to one core (taskset -c 0)"
        }
    );
    let v = inner_release(&pin, "bench-events", &file)?;
    let sentences = v["sentences"].as_f64().unwrap_or(f64::NAN);
    let secs = v["events_seconds"].as_f64().unwrap_or(f64::NAN);
    let whole = v["whole_seconds"].as_f64().unwrap_or(f64::NAN);
    println!(
        "  event stage (find_events over annotated text): {:.0} sentences/s ({sentences} sentences in {secs:.3} s, best of 3), {} events",
        sentences / secs,
        v["events"]
    );
    println!(
        "  whole path (entities + times + events, one pass): {:.0} sentences/s ({whole:.3} s)",
        sentences / whole
    );
    println!("  goal (issue 17): >= 10,000 sentences/s on one core");
    Ok(())
}

/// The timed side, in an optimised process: prints one JSON object.
fn inner(file: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let docs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let stages = Stages {
        entities: true,
        quantities: false,
        times: true,
        claims: false,
        events: false,
    };
    let id = DocId("bench-events".into());
    let t = Instant::now();
    let annotated: Vec<_> = docs
        .iter()
        .map(|d| annotate_with(d, None, &id, stages))
        .collect();
    let mut events = 0;
    for (d, ann) in docs.iter().zip(&annotated) {
        events += find_events(d, ann).len();
    }
    let whole = t.elapsed();
    let sentences: usize = docs.iter().map(|d| split_sentences(d).len()).sum();
    let mut best = Duration::MAX;
    for _ in 0..4 {
        let t = Instant::now();
        let mut n = 0;
        for (d, ann) in docs.iter().zip(&annotated) {
            n += find_events(d, ann).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed());
    }
    println!(
        "{}",
        serde_json::json!({
            "sentences": sentences,
            "events": events,
            "events_seconds": best.as_secs_f64(),
            "whole_seconds": whole.as_secs_f64(),
        })
    );
    Ok(())
}
