//! Which store a command opens, and how: read commands read while an ingest holds the write
//! lock and never create a store, and a database URL is refused until a server store exists.

use std::path::Path;

use crate::{run, sinew, stderr, write_corpus};

/// The read commands, as a user types them after `--db FILE` (run in a scratch folder: the
/// briefing is written there).
const READ_COMMANDS: &[&[&str]] = &[
    &["claims"],
    &["claims", "--json"],
    &["export", "claims"],
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
fn a_database_url_is_refused_for_reading_and_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path());
    let url = Path::new("postgres://sinew@localhost/sinew");
    let mut ingest = sinew(url);
    ingest.arg("ingest").arg(&corpus).current_dir(tmp.path());
    let mut claims = sinew(url);
    claims.arg("claims").current_dir(tmp.path());
    for cmd in [&mut ingest, &mut claims] {
        let out = run(cmd);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("postgres://sinew@localhost/sinew"), "{err}");
        assert!(err.contains("not supported yet"), "{err}");
    }
    assert!(
        !tmp.path().join("postgres:").exists(),
        "no folder named after the URL"
    );
}
