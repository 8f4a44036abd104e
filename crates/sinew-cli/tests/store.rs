//! Which store a command opens, and how: read commands read while an ingest holds the write
//! lock and never create a store; a `postgres://` URL opens a server store, any other URL is
//! refused.

use std::path::Path;

use crate::{run, sinew, stderr, write_corpus};

/// The read commands, as a user types them after `--db FILE` (run in a scratch folder: the
/// briefing is written there).
const READ_COMMANDS: &[&[&str]] = &[
    &["claims"],
    &["claims", "--json"],
    &["export", "claims"],
    &["export", "documents"],
    &["export", "claims", "--format", "parquet"],
    &["export", "ledger", "--format", "parquet"],
    &["export", "entities", "--format", "parquet"],
    &["export", "flows", "--format", "parquet"],
    &["export", "ftm"],
    &["entities"],
    &["ledger"],
    &["graph"],
    &["whatif", "--from", "China", "--to", "Russia"],
    &["report", "-o", "brief.md"],
];

fn ingest(db: &Path, dir: &Path) {
    let out = run(sinew(db).arg("ingest").arg(write_corpus(dir)));
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn read_commands_succeed_while_another_process_holds_the_write_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    ingest(&db, tmp.path());
    let before = run(sinew(&db).args(["claims", "--json"]));
    assert!(before.status.success(), "{}", stderr(&before));

    // What an ingest looks like from outside while it commits: a write transaction held open,
    // with a document written but not committed.
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO documents (id, seq, source, text, ingested_at) \
             VALUES ('00000000000000ff', 99, 'late.txt', 'Late.', '2024-01-01T00:00:00Z');",
        )
        .unwrap();
    for args in READ_COMMANDS {
        let out = run(sinew(&db).args(*args).current_dir(tmp.path()));
        assert!(
            out.status.success(),
            "sinew {args:?} during a write: {}",
            stderr(&out)
        );
    }
    let during = run(sinew(&db).args(["claims", "--json"]));
    assert_eq!(during.stdout, before.stdout, "the last commit is read");
    writer.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_read_command_on_a_missing_store_names_it_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("nowhere/s.db");
    // `alerts` opens for writing (it finishes pending analysis), but a missing store is
    // still an error there, not a new empty store.
    let alerts: &[&str] = &["alerts"];
    for args in READ_COMMANDS.iter().chain([&alerts]) {
        let out = run(sinew(&db).args(*args).current_dir(tmp.path()));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "sinew {args:?}: {err}");
        assert!(err.contains(&db.display().to_string()), "{err}");
        assert!(err.contains("no Sinew database"), "{err}");
    }
    assert!(!tmp.path().join("nowhere").exists());
}

#[test]
fn a_database_url_sinew_does_not_speak_is_refused_for_reading_and_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path());
    let url = Path::new("mysql://sinew@localhost/sinew");
    let mut ingest = sinew(url);
    ingest.arg("ingest").arg(&corpus).current_dir(tmp.path());
    let mut claims = sinew(url);
    claims.arg("claims").current_dir(tmp.path());
    for cmd in [&mut ingest, &mut claims] {
        let out = run(cmd);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("mysql://sinew@localhost/sinew"), "{err}");
        assert!(err.contains("only PostgreSQL servers"), "{err}");
    }
    assert!(
        !tmp.path().join("mysql:").exists(),
        "no folder named after the URL"
    );
}

/// A fresh schema of the server `SINEW_TEST_PG` names, as a URL choosing it, dropped with
/// its tables when the guard is; `None` after a skip line (a failure under `CI=true`).
pub(crate) fn pg_schema() -> Option<(String, impl Drop)> {
    let server = match std::env::var("SINEW_TEST_PG") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            let reason = "SINEW_TEST_PG is not set: the commands are not run on PostgreSQL";
            assert!(
                std::env::var("CI").map_or(true, |v| v != "true"),
                "{reason} (CI=true requires it)"
            );
            sinew_testkit::skip(reason);
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
    let name = format!(
        "sinew_cli_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!("CREATE SCHEMA {name}"))
        .expect("create schema");
    let sep = if server.contains('?') { '&' } else { '?' };
    let url = format!("{server}{sep}options=-c%20search_path%3D{name}");
    Some((url, Schema(server, name)))
}

#[test]
fn every_command_runs_on_postgres_as_on_sqlite_and_migrate_copies_a_file_store() {
    let Some((url, _schema)) = pg_schema() else {
        return;
    };
    let Some((copy, _copy_schema)) = pg_schema() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    let server = Path::new(&url);
    for db in [file.as_path(), server] {
        let out = run(sinew(db).arg("ingest").arg(&corpus).env(
            "SINEW_INDEX",
            tmp.path().join(format!("index-{}", db == server)),
        ));
        assert!(out.status.success(), "{}", stderr(&out));
    }
    // Every read command answers the same on both stores.
    for args in READ_COMMANDS.iter().filter(|a| a[0] != "report") {
        let on_file = run(sinew(&file).args(*args).current_dir(tmp.path()));
        let on_server = run(sinew(server).args(*args).current_dir(tmp.path()));
        assert!(
            on_server.status.success(),
            "{args:?}: {}",
            stderr(&on_server)
        );
        assert_eq!(on_server.stdout, on_file.stdout, "sinew {args:?}");
    }
    // Ingest kept the server store's own index, which search reads.
    let out = run(sinew(server)
        .args(["search", "containers"])
        .env("SINEW_INDEX", tmp.path().join("index-true")));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a.txt"));

    // A file store copied into an empty server store reads the same; a second copy is
    // refused.
    let out = run(sinew(&file)
        .args(["migrate", "--from"])
        .arg(&file)
        .args(["--to", &copy]));
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [
        &["claims", "--json"][..],
        &["entities", "--json"],
        &["ledger"],
    ] {
        let on_file = run(sinew(&file).args(args));
        let copied = run(sinew(Path::new(&copy)).args(args));
        assert_eq!(
            copied.stdout, on_file.stdout,
            "sinew {args:?} after migrate"
        );
    }
    let again = run(sinew(&file)
        .args(["migrate", "--from"])
        .arg(&file)
        .args(["--to", &copy]));
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already holds"),
        "{}",
        stderr(&again)
    );
}

/// `documents` and `pending_analysis` of `sinew status --json`.
fn pending(db: &Path) -> (u64, u64) {
    let out = run(sinew(db).args(["status", "--json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        v["documents"].as_u64().unwrap(),
        v["pending_analysis"].as_u64().unwrap(),
    )
}

#[test]
fn a_deferred_ingest_leaves_its_analysis_for_sinew_alerts() {
    let tmp = tempfile::tempdir().unwrap();
    let deferred = tmp.path().join("deferred.db");
    let corpus = write_corpus(tmp.path());
    let out = run(sinew(&deferred)
        .args(["ingest", "--defer-analysis"])
        .arg(&corpus));
    assert!(out.status.success(), "{}", stderr(&out));
    let (docs, waiting) = pending(&deferred);
    assert!(docs > 0);
    assert_eq!(waiting, docs, "every document awaits analysis");
    let out = run(sinew(&deferred).arg("alerts"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pending(&deferred), (docs, 0));
    // Analysed later, the store reads as one analysed at ingest.
    let direct = tmp.path().join("direct.db");
    ingest(&direct, tmp.path());
    let ledger = |db: &Path| run(sinew(db).args(["ledger", "--json"])).stdout;
    assert_eq!(ledger(&deferred), ledger(&direct));
}
