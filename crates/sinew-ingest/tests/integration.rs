//! Integration tests for sinew-ingest: the seed articles, fixture files, and the API edges.

mod api;
mod dedup;
mod feeds;
mod fixtures;
mod gzip;
mod hostile;
mod html;
mod lang;
mod page_junk;
mod seeds;
mod source_kinds;
mod warc;

use std::path::PathBuf;

use sinew_ingest::{IngestConfig, Parsed};

/// This crate's folder.
fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture file `name`.
fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(name)
}

/// A fresh scratch folder under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sinew-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads one file with the default configuration, failing the test on error.
fn read_ok(path: &std::path::Path) -> Parsed {
    sinew_ingest::read_file(path, &IngestConfig::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Every document's text is clean: no blank-line runs, no trailing spaces, no CR.
fn assert_tidy(text: &str) {
    assert!(!text.contains("\n\n\n"), "blank-line run in {text:?}");
    assert!(!text.contains('\r'));
    assert!(
        text.lines().all(|l| l == l.trim()),
        "untrimmed line in {text:?}"
    );
    assert_eq!(text, text.trim());
}
