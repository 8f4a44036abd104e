//! The stores the contract suite runs on: every test written over `&dyn Store` runs on each.
//!
//! SQLite always (a file in a temporary folder). PostgreSQL when `SINEW_TEST_PG` names a
//! server (`postgres://user@host:port/db`): each store is a fresh schema of that database,
//! dropped afterwards, reached through `search_path`. Without the variable the PostgreSQL run
//! is skipped with a `SKIP` line, and under `CI=true` it fails instead: CI must test both.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sinew_store::{SqliteStore, Store};

/// The variable naming the PostgreSQL server the suite runs against.
pub(crate) const PG_ENV: &str = "SINEW_TEST_PG";

/// Where a store lives, to open it again.
#[derive(Debug, Clone)]
pub(crate) enum Location {
    /// A SQLite file.
    File(PathBuf),
    /// A PostgreSQL URL (its schema chosen by `search_path`).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Url(String),
}

/// A store under test. Dropped during a panic, it says which store failed.
pub(crate) struct Backend {
    pub(crate) name: &'static str,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) location: Location,
    _dir: Option<tempfile::TempDir>,
    #[cfg(feature = "postgres")]
    _schema: Option<pg::Schema>,
}

impl Backend {
    /// The same store opened again for reading only.
    pub(crate) fn reopen_read_only(&self) -> Arc<dyn Store> {
        match &self.location {
            Location::File(path) => {
                Arc::new(SqliteStore::open_read_only(path).expect("reopen read-only"))
            }
            #[cfg(feature = "postgres")]
            Location::Url(url) => {
                Arc::new(sinew_store::PgStore::open_read_only(url).expect("reopen read-only"))
            }
            #[cfg(not(feature = "postgres"))]
            Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
        }
    }
}

impl Backend {
    /// The same store opened again for reading and writing: another client of it, as an
    /// ingest beside a running server is.
    pub(crate) fn reopen(&self) -> Arc<dyn Store> {
        match &self.location {
            Location::File(path) => Arc::new(SqliteStore::open(path).expect("reopen")),
            #[cfg(feature = "postgres")]
            Location::Url(url) => Arc::new(sinew_store::PgStore::open(url).expect("reopen")),
            #[cfg(not(feature = "postgres"))]
            Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
        }
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("(the failure above was on the {} store)", self.name);
        }
    }
}

/// A fresh, empty store of each kind.
pub(crate) fn backends() -> Vec<Backend> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sinew.db");
    let mut out = vec![Backend {
        name: "SQLite",
        store: Arc::new(SqliteStore::open(&path).expect("open SQLite store")),
        location: Location::File(path),
        _dir: Some(dir),
        #[cfg(feature = "postgres")]
        _schema: None,
    }];
    out.extend(postgres());
    out
}

/// The server's URL, or `None` after a skip line (a failure under `CI=true`).
pub(crate) fn pg_server() -> Option<String> {
    let reason = if !cfg!(feature = "postgres") {
        "sinew-store was built without its `postgres` feature".to_string()
    } else {
        match std::env::var(PG_ENV) {
            Ok(url) if !url.is_empty() => return Some(url),
            _ => format!("{PG_ENV} is not set: the PostgreSQL store is not tested"),
        }
    };
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{reason} (CI=true requires it)");
    }
    // Once per test: a property test asks for stores in every case.
    let test = std::thread::current().name().unwrap_or("main").to_string();
    let first = SKIPPED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(test);
    if first {
        sinew_testkit::skip(reason);
    }
    None
}

/// The tests that said they skip the PostgreSQL run.
static SKIPPED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

#[cfg(not(feature = "postgres"))]
fn postgres() -> Option<Backend> {
    pg_server();
    None
}

#[cfg(feature = "postgres")]
fn postgres() -> Option<Backend> {
    let server = pg_server()?;
    let schema = pg::Schema::create(&server);
    let url = schema.url.clone();
    Some(Backend {
        name: "PostgreSQL",
        store: Arc::new(sinew_store::PgStore::open(&url).expect("open PostgreSQL store")),
        location: Location::Url(url),
        _dir: None,
        _schema: Some(schema),
    })
}

static SCHEMAS: AtomicUsize = AtomicUsize::new(0);

/// A name no other test of any run uses at the same time.
pub(crate) fn unique_name(prefix: &str) -> String {
    let n = SCHEMAS.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{prefix}_{}_{n}_{nanos}", std::process::id())
}

#[cfg(feature = "postgres")]
pub(crate) mod pg {
    /// A schema of the test server, dropped with everything in it when this is dropped.
    pub(crate) struct Schema {
        server: String,
        name: String,
        /// The server's URL choosing this schema.
        pub(crate) url: String,
    }

    impl Schema {
        pub(crate) fn create(server: &str) -> Schema {
            let name = super::unique_name("sinew_test");
            let mut admin = postgres::Client::connect(server, postgres::NoTls)
                .unwrap_or_else(|e| panic!("{}: {e}", sinew_store::redact_url(server)));
            admin
                .batch_execute(&format!("CREATE SCHEMA {name}"))
                .expect("create schema");
            let sep = if server.contains('?') { '&' } else { '?' };
            let url = format!("{server}{sep}options=-c%20search_path%3D{name}");
            Schema {
                server: server.to_string(),
                name,
                url,
            }
        }
    }

    impl Drop for Schema {
        fn drop(&mut self) {
            if let Ok(mut admin) = postgres::Client::connect(&self.server, postgres::NoTls) {
                let _ = admin.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
            }
        }
    }
}

/// A fresh SQLite store in memory (not reopenable).
pub(crate) fn sqlite_in_memory() -> Backend {
    Backend {
        name: "SQLite in memory",
        store: Arc::new(SqliteStore::open_in_memory().expect("memory store")),
        location: Location::File(PathBuf::from(":memory:")),
        _dir: None,
        #[cfg(feature = "postgres")]
        _schema: None,
    }
}
