//! Workspace automation: `cargo xtask demo`, `cargo xtask bench-ingest`, `cargo xtask
//! bench-doc`, `cargo xtask eval-extract`, `cargo xtask eval-times` and `cargo xtask bench-extract` (see README), with
//! the tidy checks and the scoring's unit tests run as ordinary tests (`cargo test -p xtask`).

mod bench;
mod demo;
mod eval;
mod eval_times;
#[cfg(test)]
mod tidy;
mod wcxb;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench-ingest") => bench::ingest(&args[1..]),
        Some("bench-doc") => bench::per_doc(),
        Some("bench-extract") => bench::extract(&args[1..]),
        Some("eval-extract") => eval::run(&args[1..]),
        Some("eval-times") => eval_times::run(&args[1..]),
        Some("demo") => demo::run(),
        Some(other) => bail!("unknown task {other:?}; {USAGE}"),
        None => bail!("{USAGE}"),
    }
}

const USAGE: &str = "usage: cargo xtask demo | bench-ingest [--mb N] | bench-doc \
    | eval-extract [--dev DIR] [--worst N] \
    | eval-times [--spec FILE] [--sinew BIN] [--show N] | bench-extract [--pages N] [--skip-peer]";

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
