//! The commands, one module each, and what several of them share: opening the store, choosing
//! stdout or a file, the stdin format and the peak-memory figure.

pub(crate) mod alerts;
pub(crate) mod annotate;
pub(crate) mod claims;
pub(crate) mod docs;
pub(crate) mod entities;
pub(crate) mod events;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod ftm;
pub(crate) mod ingest;
pub(crate) mod ledger;
pub(crate) mod load;
pub(crate) mod migrate;
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
    if is_server(&path) || !path.exists() {
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

/// True when the store is a database server (a `postgres://` URL), not a file.
pub(crate) fn is_server(db: &Path) -> bool {
    db.to_str().is_some_and(sinew_engine::is_postgres_url)
}

/// Where the search index of the store `db` lives: `$SINEW_INDEX` when set; beside a SQLite
/// file (`<db>.search/`, sinew-engine's `default_index_path`); for a server store, under the
/// user's data directory, in a folder named after the URL (its password left out), so that
/// each database has its own index and the same URL finds it again.
pub(crate) fn index_path(db: &Path) -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("SINEW_INDEX").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if !is_server(db) {
        return Ok(sinew_engine::default_index_path(db));
    }
    let url = sinew_engine::redact_url(&db.to_string_lossy());
    let Some(data) = dirs::data_dir() else {
        bail!(
            "no user data directory on this system for the search index of {url}: set SINEW_INDEX"
        );
    };
    Ok(data
        .join("sinew")
        .join("indexes")
        .join(server_index_name(&url)))
}

/// A folder name for a server store's index: the URL's readable characters, shortened, and a
/// hash of the whole URL, so that two URLs never share a folder.
fn server_index_name(url: &str) -> String {
    let readable: String = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    // FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
    let hash = url.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{readable}-{hash:016x}.search")
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
