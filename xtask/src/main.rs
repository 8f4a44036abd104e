//! Workspace automation: `cargo xtask demo` and `cargo xtask bench-ingest` (see README), with the tidy checks run as
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
        Some("demo") => demo::run(),
        Some(other) => bail!("unknown task {other:?}; tasks: demo, bench-ingest [--mb N]"),
        None => bail!("usage: cargo xtask demo | bench-ingest [--mb N]"),
    }
}

/// The workspace root.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}
