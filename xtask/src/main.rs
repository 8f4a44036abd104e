//! Workspace automation: `cargo xtask demo`, `cargo xtask bench-ingest`, `cargo xtask
//! bench-doc`, `cargo xtask bench-ledger`, `cargo xtask bench-store`, `cargo xtask bench-scale`, `cargo xtask
//! eval-extract`, `cargo xtask bench-extract`, `cargo xtask eval-quantities`, `cargo xtask
//! eval-claims`, `cargo xtask eval-events`, `cargo xtask eval-times`, `cargo xtask eval-timeml`, `cargo xtask train-ner`, `cargo xtask eval-ner`, `cargo xtask bench-ner`, `cargo xtask bench-annotate`, `cargo xtask bench-events`, `cargo xtask bench-scaling`, `cargo xtask bench-serve`, `cargo xtask bench-search` and `cargo xtask
//! eval-md` (all the offline ones, written to EVAL.md; see README), with the tidy checks and
//! the scoring's unit tests run as ordinary tests (`cargo test -p xtask`).

mod articles;
mod bench;
mod bench_annotate;
mod bench_events;
mod bench_ner;
mod bench_scale;
mod bench_scaling;
mod bench_search;
mod bench_serve;
mod bench_store;
mod demo;
mod eval;
mod eval_claims;
mod eval_events;
mod eval_md;
mod eval_quantities;
mod eval_timeml;
mod eval_times;
mod ner;
#[cfg(test)]
mod tidy;
mod wcxb;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench-ingest") => bench::ingest(&args[1..]),
        Some("bench-doc") => bench::per_doc(),
        Some("bench-ledger") => bench::ledger(&args[1..]),
        Some("bench-store") => bench_store::run(&args[1..]),
        Some("bench-scale") => bench_scale::run(&args[1..]),
        Some("bench-search") => bench_search::run(&args[1..]),
        Some("bench-extract") => bench::extract(&args[1..]),
        Some("bench-annotate") => bench_annotate::run(&args[1..]),
        Some("bench-events") => bench_events::run(&args[1..]),
        Some("bench-scaling") => bench_scaling::run(&args[1..]),
        Some("bench-serve") => bench_serve::run(&args[1..]),
        Some("eval-extract") => eval::run(&args[1..]),
        Some("eval-claims") => eval_claims::run(&args[1..]),
        Some("eval-events") => eval_events::run(&args[1..]),
        Some("eval-quantities") => eval_quantities::run(&args[1..]),
        Some("eval-times") => eval_times::run(&args[1..]),
        Some("eval-timeml") => eval_timeml::run(&args[1..]),
        Some("train-ner") => ner::train(&args[1..]),
        Some("eval-ner") => ner::eval(&args[1..]),
        Some("bench-ner") => bench_ner::run(&args[1..]),
        Some("eval-md") => eval_md::run(&args[1..]),
        Some("demo") => demo::run(),
        Some(other) => bail!("unknown task {other:?}; {USAGE}"),
        None => bail!("{USAGE}"),
    }
}

const USAGE: &str = "usage: cargo xtask demo | bench-ingest [--mb N] | bench-doc \
    | bench-ledger [--claims N] | bench-store [--sizes N,N] [--sinew PATH --label NAME] [--pg URL] \
    | bench-scale --docs N [--pg URL] [--sinew PATH --label NAME] [--threads T] [--seed S] [--keep] [--show I] \
    | bench-search [--docs N,N] [--queries N] \
    | eval-extract [--dev DIR] [--worst N] [--sinew BIN] \
    | bench-extract [--pages N] [--skip-peer] \
    | eval-claims [--gold DIR] [--verbose] | eval-events [FILE] [--verbose] \
    | eval-quantities [--dev FILE] [--sinew PATH] [--all] \
    | eval-times [--spec FILE] [--sinew BIN] [--show N] \
    | eval-timeml [--dir DIR] [--sinew BIN] [--verbose] [--tuned-only] \
    | bench-annotate [--copies N] [--skip-peers] | bench-events \
    | bench-scaling [--mb 1,4,8] [--runs N] \
    | bench-serve [--docs N] [--conns C] [--secs S] [--sinew BIN] [--search-only] [--reuse] [--db STORE] \
    | train-ner [--train FILE] [--dev FILE] [--out FILE] [--min-count N] [--clusters N] [--epochs N] \
    | eval-ner FILE [--sinew BIN] [--errors] | bench-ner [--skip-peers] | eval-md [--out FILE]";

/// The workspace root.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Builds the release `sinew` binary and returns its path.
fn release_sinew() -> Result<std::path::PathBuf> {
    let root = root();
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "-p", "sinew-cli"])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("release build failed");
    }
    Ok(target_dir().join("release/sinew"))
}

/// Cargo's target directory: where builds, caches and the bench's virtual environment go.
fn target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), Into::into)
}

/// Runs `program` with `args`, `input` on its stdin, and returns its stdout; stderr goes to
/// the terminal, and a failure exit is an error.
fn pipe(program: &std::path::Path, args: &[&str], input: &[u8]) -> Result<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| anyhow::anyhow!("running {}: {e}", program.display()))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    // Written from another thread, so a full stdout pipe cannot block both sides.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("the stdin writer panicked"))??;
    if !out.status.success() {
        bail!(
            "{} {} failed ({})",
            program.display(),
            args.join(" "),
            out.status
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
