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

/// An engine over a fresh schema of the PostgreSQL server `SINEW_TEST_PG` names, with a
/// guard that drops the schema; `None` after one skip line per test when the variable is
/// unset (a failure under `CI=true`).
pub(crate) fn postgres_engine() -> Option<(Engine, impl Drop)> {
    static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let server = match std::env::var("SINEW_TEST_PG") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            let reason = "SINEW_TEST_PG is not set: the engine is not run on PostgreSQL";
            assert!(
                std::env::var("CI").map_or(true, |v| v != "true"),
                "{reason} (CI=true requires it)"
            );
            let test = std::thread::current().name().unwrap_or("main").to_string();
            let mut skipped = SKIPPED.lock().unwrap_or_else(|p| p.into_inner());
            if !skipped.contains(&test) {
                skipped.push(test);
                sinew_testkit::skip(reason);
            }
            return None;
        }
    };
    struct Schema(String, String);
    impl Drop for Schema {
        fn drop(&mut self) {
            if let Ok(mut c) = postgres::Client::connect(&self.0, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.1));
            }
        }
    }
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "sinew_engine_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .expect("create schema");
    let sep = if server.contains('?') { '&' } else { '?' };
    let url = format!("{server}{sep}options=-c%20search_path%3D{name}");
    let store = sinew_store::PgStore::open(&url).expect("open PostgreSQL store");
    Some((Engine::with_store(Arc::new(store)), Schema(server, name)))
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
