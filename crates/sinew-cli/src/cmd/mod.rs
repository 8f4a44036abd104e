//! The commands, one module each, and what several of them share: opening the store, choosing
//! stdout or a file, the stdin format and the peak-memory figure.

pub(crate) mod alerts;
pub(crate) mod annotate;
pub(crate) mod claims;
pub(crate) mod docs;
pub(crate) mod entities;
pub(crate) mod events;
pub(crate) mod extract;
pub(crate) mod ingest;
pub(crate) mod ledger;
pub(crate) mod network;
pub(crate) mod report;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod status;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sinew_engine::{Engine, Format};

use crate::args::InputFormat;

/// A buffered writer to `path`, or to stdout.
pub(crate) fn output_to(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

fn default_db() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("SINEW_DB") {
        return Ok(PathBuf::from(p));
    }
    let Some(dir) = dirs::data_dir() else {
        bail!("no user data directory on this system: pass --db FILE or set SINEW_DB");
    };
    Ok(dir.join("sinew").join("sinew.db"))
}

pub(crate) fn open(db: Option<&Path>) -> Result<Engine> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    // Ingest keeps the search index beside the store current.
    Ok(search::attach(Engine::open(&path)?, &path))
}

/// Opens a store that must exist, read-write: `sinew alerts` reads, but finishes the analysis a
/// killed ingest left pending. A missing store is the read-only open's error, naming it,
/// rather than a new empty store.
pub(crate) fn open_existing(db: Option<&Path>) -> Result<Engine> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    if !path.exists() {
        Engine::open_read_only(&path)?;
    }
    Ok(Engine::open(&path)?)
}

/// Opens the store for a read command: writes nothing, waits for no ingest, and a missing
/// store is an error naming it.
pub(crate) fn open_read_only(db: Option<&Path>) -> Result<Engine> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    Ok(Engine::open_read_only(&path)?)
}

pub(crate) fn input_format(f: InputFormat) -> Format {
    match f {
        InputFormat::Auto => Format::Auto,
        InputFormat::Text => Format::Text,
        InputFormat::Html => Format::Html,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Warc => Format::Warc,
        InputFormat::Feed => Format::Feed,
    }
}

/// Peak resident memory of this process (Linux), in kB.
pub(crate) fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
