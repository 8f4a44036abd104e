//! How is the database file opened: read-write (created when absent, migrated under the write
//! lock only when a migration is due), or read-only (never writing a byte, never waiting on a
//! writer)?
//!
//! A read-only open must not create the write-ahead log (`-wal`) or its index (`-shm`): SQLite
//! creates both for any reader of a WAL database that finds no `-wal`, and a read-only
//! connection cannot remove them again, so the files would pile up beside every store a read
//! command looked at, and the open fails outright in a folder that cannot be written. So the
//! reader picks its way in by what is on disk:
//! - a `-wal` file exists: a writer is at work (or was killed). The reader opens `mode=ro` and
//!   joins the log's shared index like any WAL reader: it sees the last commit and never waits
//!   on the writer's open transaction. (In a read-only folder SQLite keeps that index in the
//!   reader's own memory. Only a killed writer's log whose `-shm` is gone cannot be read
//!   there: that is an error saying to open the store once for writing.)
//! - no `-wal`: no connection has the database open, and the main file holds every commit.
//!   The reader opens it `immutable=1`, which takes no locks and creates nothing. Immutable
//!   means SQLite checks nothing, so the store checks instead: a [`Stamp`] (size, modification
//!   time, whether a `-wal` exists) taken at open is compared before and after each read; if a
//!   writer has since started (its `-wal` appears) or changed the file (a checkpoint or a
//!   close), the read's answer is discarded, the connection reopened by the same rules, and
//!   the read run again. The file changes only under checkpoints, so this is rare and cheap.
//! - a database in rollback-journal mode (a file system without WAL support) is opened
//!   `mode=ro` with SQLite's ordinary locks: there readers never create files.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::schema::{APPLICATION_ID, MIGRATIONS, OLDEST_READABLE, VERSION};
use crate::StoreError;

/// How long a connection waits for another's lock before giving up: a writer waits for
/// another writer's transaction; a reader only meets a lock in a rollback-journal database,
/// or for the instant a writer rebuilds the WAL index.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Byte 18 of the header (file format write version): 2 for a WAL database.
const WAL_FORMAT: u8 = 2;

/// How many times a read on an immutable snapshot is tried before giving up on a file that
/// keeps changing (a writer checkpointing on every commit, without keeping a `-wal`).
pub(crate) const SNAPSHOT_ATTEMPTS: usize = 4;

/// What the file looked like when an immutable snapshot was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    wal: bool,
}

impl Stamp {
    pub(crate) fn of(path: &Path) -> Stamp {
        let meta = fs::metadata(path).ok();
        Stamp {
            len: meta.as_ref().map_or(0, fs::Metadata::len),
            modified: meta.and_then(|m| m.modified().ok()),
            wal: wal_path(path).exists(),
        }
    }
}

/// A connection and, when it reads an immutable snapshot, the stamp that keeps it honest.
#[derive(Debug)]
pub(crate) struct Handle {
    pub(crate) conn: Connection,
    pub(crate) snapshot: Option<Stamp>,
}

/// Opens the Sinew database at `path` for reading and writing, creating it (and its parent
/// folders) when absent; migrates it when it is older than this build.
pub(crate) fn open_read_write(path: &Path) -> Result<Handle, StoreError> {
    inspect(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| StoreError::Unwritable {
            path: path.to_path_buf(),
            source: Box::new(e),
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(path, e))?;
    let conn = prepare_writer(conn, path, true)?;
    Ok(Handle {
        conn,
        snapshot: None,
    })
}

/// A second connection to the read-write store at `path`, opened after the first (which
/// created and migrated it), for reads that must not wait for the first one's transaction.
pub(crate) fn open_probe(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let sql = |e| StoreError::from_sqlite(path, e);
    let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    Ok(conn)
}

/// A fresh database in memory.
pub(crate) fn open_in_memory(path: &Path) -> Result<Handle, StoreError> {
    let conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(path, e))?;
    let conn = prepare_writer(conn, path, false)?;
    Ok(Handle {
        conn,
        snapshot: None,
    })
}

/// Opens the Sinew database at `path` for reading only: see the module doc.
pub(crate) fn open_read_only(path: &Path) -> Result<Handle, StoreError> {
    let missing = || StoreError::Missing {
        path: path.to_path_buf(),
    };
    let header = inspect(path)?.ok_or_else(missing)?;
    let snapshot = (header.wal && !wal_path(path).exists()).then(|| Stamp::of(path));
    let uri = format!(
        "file:{}?mode=ro{}",
        uri_path(path),
        if snapshot.is_some() {
            "&immutable=1"
        } else {
            ""
        }
    );
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let sql = |e| StoreError::from_sqlite(path, e);
    let conn = Connection::open_with_flags(&uri, flags).map_err(sql)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    let (app_id, version, tables) = identity(&conn).map_err(|e| unrecovered_log(path, e))?;
    if app_id == 0 && version == 0 && tables == 0 {
        return Err(missing());
    }
    check_identity(path, app_id, version, tables)?;
    if version < OLDEST_READABLE {
        return Err(StoreError::SchemaTooOld {
            path: path.to_path_buf(),
            found: version,
            oldest: OLDEST_READABLE,
        });
    }
    Ok(Handle { conn, snapshot })
}

/// Connection settings for a writer, then the migration if one is due.
fn prepare_writer(
    mut conn: Connection,
    path: &Path,
    on_disk: bool,
) -> Result<Connection, StoreError> {
    let sql = |e| StoreError::from_sqlite(path, e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql)?;
    // Only reads until the file is known to be ours, so a foreign database stays untouched;
    // and only reads when the schema is current, so that opening a store never waits for (or
    // makes wait) anyone else.
    let (app_id, version, tables) = identity(&conn).map_err(sql)?;
    check_identity(path, app_id, version, tables)?;
    if version == VERSION {
        return Ok(conn);
    }
    if on_disk {
        // WAL: readers never block the writer nor the writer them, and a killed process
        // loses at most the transaction in flight; with WAL, NORMAL sync is durable across
        // process crashes. Where the file system cannot do WAL (some network mounts) SQLite
        // keeps its rollback journal, which is just as atomic, only slower, so that is
        // accepted. Set once, with the first migration: the mode is kept in the file.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(sql)?;
    }
    migrate(&mut conn, path)?;
    Ok(conn)
}

/// Refuses a database that is another application's or newer than this build.
fn check_identity(path: &Path, app_id: i32, version: i64, tables: i64) -> Result<(), StoreError> {
    let fresh = app_id == 0 && version == 0 && tables == 0;
    if app_id != APPLICATION_ID && !fresh {
        let reason = if app_id == 0 {
            "an SQLite database that Sinew did not create".to_string()
        } else {
            format!("an SQLite database of another application (application_id {app_id:#x})")
        };
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
            reason,
        });
    }
    if version > VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    Ok(())
}

/// What the file's header says, read before SQLite opens (and might write to) it.
struct Header {
    /// The database is in WAL mode.
    wal: bool,
}

/// Refuses an existing file that does not start with the SQLite header; `None` when there is
/// no file, or an empty one (which SQLite treats as an empty database).
fn inspect(path: &Path) -> Result<Option<Header>, StoreError> {
    let not_db = |reason: &str| StoreError::NotADatabase {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let unreadable = |e: std::io::Error| StoreError::Unwritable {
        path: path.to_path_buf(),
        source: Box::new(e),
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    if meta.is_dir() {
        return Err(not_db("it is a folder"));
    }
    if meta.len() == 0 {
        return Ok(None);
    }
    let mut head = Vec::with_capacity(20);
    fs::File::open(path)
        .and_then(|f| f.take(20).read_to_end(&mut head))
        .map_err(unreadable)?;
    if !head.starts_with(SQLITE_HEADER) {
        return Err(not_db("the file is not an SQLite database"));
    }
    Ok(Some(Header {
        wal: head.get(18) == Some(&WAL_FORMAT),
    }))
}

/// `application_id`, `user_version` and the number of tables.
fn identity(conn: &Connection) -> rusqlite::Result<(i32, i64, i64)> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok((app_id, version, tables))
}

/// Applies the migration steps the database lacks, all in one transaction.
fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let sql = |e| StoreError::from_sqlite(path, e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let version: i64 = tx
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    if version > VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    if version == VERSION {
        return Ok(());
    }
    let done = usize::try_from(version).unwrap_or(0);
    for step in &MIGRATIONS[done..] {
        tx.execute_batch(step).map_err(sql)?;
        crate::schema::after_step(&tx, step).map_err(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql)?;
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(sql)?;
    tx.commit().map_err(sql)
}

/// The first read's failure, explained when it is the one case a read-only open cannot
/// handle: a log left by a killed writer, whose index (`-shm`) is gone and cannot be created
/// in a read-only folder. (An existing `-shm`, even unwritable, is enough: SQLite then builds
/// the index in the reader's memory. Reading the file without the log would show a past
/// state, so that is not done.)
fn unrecovered_log(path: &Path, err: rusqlite::Error) -> StoreError {
    let cannot_open = err.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen);
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    if cannot_open && wal_path(path).exists() && !Path::new(&shm).exists() {
        return StoreError::Unwritable {
            path: path.to_path_buf(),
            source: format!(
                "its write-ahead log {} holds commits that a read-only open can read only with \
                 the log's index file (-shm), which cannot be created here; open the store \
                 once with write access (ingest documents) to fold the log in",
                wal_path(path).display()
            )
            .into(),
        };
    }
    StoreError::from_sqlite(path, err)
}

fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// `path` as the path part of an SQLite `file:` URI: every byte but unreserved ones and `/`
/// percent-encoded, so that `?`, `#` and `%` in a file name stay part of the name.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_keep_special_characters_in_the_name() {
        assert_eq!(
            uri_path(Path::new("/a b/c?d#e%f.db")),
            "/a%20b/c%3Fd%23e%25f.db"
        );
        assert_eq!(uri_path(Path::new("rel/x.db")), "rel/x.db");
    }
}
