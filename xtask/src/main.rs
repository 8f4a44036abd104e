//! Workspace automation: `cargo xtask demo`, `cargo xtask bench-ingest` and `cargo xtask
//! bench-doc` (see README), with the tidy checks run as
//! ordinary tests (`cargo test -p xtask`).

mod bench;
mod demo;
#[cfg(test)]
mod tidy;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench-ingest") => bench::ingest(&args[1..]),
        Some("bench-doc") => bench::per_doc(),
        Some("demo") => demo::run(),
        Some(other) => {
            bail!("unknown task {other:?}; tasks: demo, bench-ingest [--mb N], bench-doc")
        }
        None => bail!("usage: cargo xtask demo | bench-ingest [--mb N] | bench-doc"),
    }
}

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
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from);
    Ok(target.join("release/sinew"))
}
