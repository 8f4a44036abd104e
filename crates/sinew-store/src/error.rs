//! Why did a store call fail? `StoreError` names the database and tells the user's mistake
//! (not a Sinew database, a newer schema, a place that cannot be written) from an internal
//! failure (SQLite failed, stored data would not decode).

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

/// Why a store call failed.
///
/// User errors (the database at `path` is not one Sinew can use: not a Sinew database, written
/// by a newer Sinew, absent or too old for a read-only open, or somewhere that cannot be
/// written) are told apart from internal failures
/// (the database engine failed, or stored data could not be decoded) by
/// [`StoreError::is_user_error`]. Every variant names the database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file exists but is not a Sinew database; it was left untouched.
    #[error("{}: not a Sinew database ({reason})", path.display())]
    NotADatabase {
        /// The database path.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// The database was written by a newer Sinew whose schema this build does not know.
    #[error(
        "{}: database schema version {found} is newer than version {supported}, the newest this \
         Sinew knows; use a newer Sinew",
        path.display()
    )]
    SchemaTooNew {
        /// The database path.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build supports.
        supported: i64,
    },
    /// A read-only open found no database (no file, or an empty one).
    #[error(
        "{}: no Sinew database here yet (ingesting documents creates one)",
        path.display()
    )]
    Missing {
        /// The database path.
        path: PathBuf,
    },
    /// A read-only open found a database too old to read without migrating it, which only a
    /// read-write open does.
    #[error(
        "{}: database schema version {found} is older than version {oldest}, the oldest this \
         Sinew reads without upgrading; open it once for writing (ingest documents) to upgrade \
         it",
        path.display()
    )]
    SchemaTooOld {
        /// The database path.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The oldest schema version this build reads.
        oldest: i64,
    },
    /// The database (or its folder) cannot be created, opened or written.
    #[error("{}: cannot create, open or write the database", path.display())]
    Unwritable {
        /// The database path.
        path: PathBuf,
        /// The underlying failure.
        #[source]
        source: Box<dyn StdError + Send + Sync>,
    },
    /// A store that must be empty (the target of a migration) already holds documents or
    /// records; nothing was written to it.
    #[error(
        "{}: the store already holds documents or records; migrate copies into an empty store",
        path.display()
    )]
    NotEmpty {
        /// The database path or URL.
        path: PathBuf,
    },
    /// The database engine failed: a bug or an environment problem, not the user's input.
    #[error("{}: database operation failed", path.display())]
    Backend {
        /// The database path.
        path: PathBuf,
        /// The underlying failure.
        #[source]
        source: Box<dyn StdError + Send + Sync>,
    },
    /// Stored data could not be decoded back into Sinew's types.
    #[error("{}: stored data is malformed: {detail}", path.display())]
    Malformed {
        /// The database path.
        path: PathBuf,
        /// What could not be decoded.
        detail: String,
    },
}

impl StoreError {
    /// True when the failure is the user's to fix (wrong file, newer schema, unwritable
    /// location) rather than an internal failure.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::NotADatabase { .. }
                | StoreError::SchemaTooNew { .. }
                | StoreError::Missing { .. }
                | StoreError::SchemaTooOld { .. }
                | StoreError::Unwritable { .. }
                | StoreError::NotEmpty { .. }
        )
    }

    /// The database the error concerns.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::NotADatabase { path, .. }
            | StoreError::SchemaTooNew { path, .. }
            | StoreError::Missing { path }
            | StoreError::NotEmpty { path }
            | StoreError::SchemaTooOld { path, .. }
            | StoreError::Unwritable { path, .. }
            | StoreError::Backend { path, .. }
            | StoreError::Malformed { path, .. } => path,
        }
    }

    /// Sorts a SQLite failure into user and internal errors.
    pub(crate) fn from_sqlite(path: &Path, err: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match &err {
            rusqlite::Error::SqliteFailure(e, _) => match e.code {
                ErrorCode::NotADatabase => StoreError::NotADatabase {
                    path,
                    reason: "the file is not an SQLite database".to_string(),
                },
                ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::PermissionDenied
                | ErrorCode::DiskFull => StoreError::Unwritable {
                    path,
                    source: Box::new(err),
                },
                _ => StoreError::Backend {
                    path,
                    source: Box::new(err),
                },
            },
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => StoreError::Malformed {
                path,
                detail: err.to_string(),
            },
            _ => StoreError::Backend {
                path,
                source: Box::new(err),
            },
        }
    }
}
