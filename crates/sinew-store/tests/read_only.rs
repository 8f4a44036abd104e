//! Read-only opens: they write nothing (not even the `-wal` and `-shm` side files), work in a
//! read-only folder, never wait on a writer's transaction, and follow a writer that starts
//! after them; and a read-write open of a current store takes no lock.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sinew_store::{ClaimFilter, SqliteStore, Store, StoreError};
use sinew_types::Annotations;

use crate::common::{doc, plain, rich};

/// The files in `dir` with their bytes and modification times.
fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read");
            let modified = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .expect("mtime");
            (path, bytes, modified)
        })
        .collect();
    out.sort();
    out
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A store at `dir/sinew.db` holding the two test documents, closed (so no `-wal` is left).
fn closed_store(dir: &Path) -> PathBuf {
    let path = dir.join("sinew.db");
    let store = SqliteStore::open(&path).expect("open");
    let (a, ann_a) = rich();
    let (b, ann_b) = plain();
    store.put_batch(&[(a, ann_a), (b, ann_b)]).expect("put");
    drop(store);
    assert!(
        !dir.join("sinew.db-wal").exists(),
        "a clean close removes the log"
    );
    path
}

#[test]
fn a_store_in_a_read_only_folder_is_read_and_left_byte_for_byte() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ro");
    std::fs::create_dir(&dir).expect("mkdir");
    let path = closed_store(&dir);
    set_mode(&path, 0o444);
    set_mode(&dir, 0o555);
    let before = listing(&dir);

    // Tests may run as root, whom permission bits do not stop: what proves that nothing is
    // written is the folder's contents, bytes and times, unchanged afterwards.
    let store = SqliteStore::open_read_only(&path).expect("read-only open");
    assert_eq!(store.stats().expect("stats").documents, 2);
    assert_eq!(
        store.claims(&ClaimFilter::default()).expect("claims").len(),
        4
    );
    assert_eq!(store.entities().expect("entities")[0].canonical, "Russia");
    let err = store
        .put(&doc("ffffffffffffffff", "x"), &Annotations::default())
        .expect_err("a read-only store refuses writes");
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err:?}");
    assert!(err.is_user_error());
    drop(store);

    let after = listing(&dir);
    set_mode(&dir, 0o755);
    assert_eq!(
        after.iter().map(|f| &f.0).collect::<Vec<_>>(),
        before.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "no -wal or -shm created"
    );
    assert!(after == before, "a file's bytes or time changed");
}

#[test]
fn a_missing_or_empty_store_is_a_user_error_naming_it_and_nothing_is_created() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nowhere/sinew.db");
    let empty = tmp.path().join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    for path in [&missing, &empty] {
        let err = SqliteStore::open_read_only(path).expect_err("no store there");
        assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
        assert!(err.is_user_error());
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
    }
    assert!(!tmp.path().join("nowhere").exists());
    assert_eq!(std::fs::read(&empty).expect("read"), b"");
    assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 1);
}

#[test]
fn readers_and_a_current_store_open_while_a_writer_holds_its_transaction() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = closed_store(tmp.path());
    let writer = rusqlite::Connection::open(&path).expect("writer");
    writer
        .execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO documents (id, seq, source, text, ingested_at) \
             VALUES ('00000000000000ff', 99, 'late.txt', 'Late.', '2024-01-01T00:00:00Z');",
        )
        .expect("write lock held, row inserted");

    // Neither open waits for the lock: a reader reads the last commit, and a read-write open
    // of a store whose schema is current takes no lock at all.
    let reader = SqliteStore::open_read_only(&path).expect("read-only open");
    assert_eq!(reader.stats().expect("stats").documents, 2);
    let other = SqliteStore::open(&path).expect("read-write open, no migration due");
    assert_eq!(other.stats().expect("stats").documents, 2);

    writer.execute_batch("COMMIT").expect("commit");
    assert_eq!(reader.stats().expect("stats").documents, 3);
}

#[test]
fn a_reader_opened_before_a_writer_sees_what_the_writer_commits() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = closed_store(tmp.path());
    let reader = SqliteStore::open_read_only(&path).expect("read-only open");
    assert_eq!(reader.stats().expect("stats").documents, 2);

    // A writer comes and goes between two reads: it folds its log into the file on closing
    // and removes it.
    let writer = SqliteStore::open(&path).expect("writer");
    writer
        .put(&doc("0000000000000001", "one"), &Annotations::default())
        .expect("put");
    drop(writer);
    assert!(!tmp.path().join("sinew.db-wal").exists());
    assert_eq!(reader.stats().expect("stats").documents, 3);

    // A writer starts (its log appears), commits and stays open.
    let writer = SqliteStore::open(&path).expect("writer");
    writer
        .put(&doc("0000000000000002", "two"), &Annotations::default())
        .expect("put");
    assert_eq!(reader.stats().expect("stats").documents, 4);
    let sources: Vec<String> = reader
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.source)
        .collect();
    assert_eq!(
        sources.last().map(String::as_str),
        Some("0000000000000002.txt")
    );
}

#[test]
fn a_log_left_by_a_killed_writer_is_read_and_the_database_file_left_as_it_was() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("sinew.db");
    let crashed = tmp.path().join("crashed");
    std::fs::create_dir(&crashed).expect("mkdir");
    let store = SqliteStore::open(&path).expect("open");
    let (a, ann_a) = rich();
    store.put(&a, &ann_a).expect("put");
    // What a killed writer leaves: the file and its log, with the commit only in the log.
    for suffix in ["", "-wal"] {
        std::fs::copy(
            tmp.path().join(format!("sinew.db{suffix}")),
            crashed.join(format!("sinew.db{suffix}")),
        )
        .expect("copy");
    }
    drop(store);
    let db = crashed.join("sinew.db");
    let before = std::fs::read(&db).expect("read");

    let reader = SqliteStore::open_read_only(&db).expect("read-only open");
    assert_eq!(reader.documents().expect("documents"), vec![a]);
    drop(reader);
    assert_eq!(std::fs::read(&db).expect("read"), before, "file modified");
    assert!(
        crashed.join("sinew.db-wal").exists(),
        "the log is left for a writer"
    );
}
