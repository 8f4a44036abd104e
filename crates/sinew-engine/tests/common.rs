//! What do the engine's tests share? An in-memory engine, an ingest that must succeed, the
//! sample corpus, and the `../shared` lookup (from sinew-testkit, which says when it skips).

use std::path::PathBuf;
use std::sync::Arc;

use sinew_engine::{Engine, IngestOptions, IngestSummary};
use sinew_store::SqliteStore;

pub(crate) use sinew_testkit::shared;

pub(crate) fn memory_engine() -> Engine {
    Engine::with_store(Arc::new(
        SqliteStore::open_in_memory().expect("in-memory store"),
    ))
}

pub(crate) fn ingest(engine: &Engine, paths: &[PathBuf]) -> IngestSummary {
    engine
        .ingest_paths(paths, &IngestOptions::default(), &mut |_| {})
        .expect("ingest")
}

/// The project's own sample corpus.
pub(crate) fn sample_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")
}
