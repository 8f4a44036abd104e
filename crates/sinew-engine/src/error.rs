//! What can go wrong in the engine? The store's and ingest's typed errors, passed through
//! with the input they name, and stored data that contradict themselves (a bug).

use sinew_ingest::IngestError;
use sinew_store::StoreError;

/// What can go wrong in the engine; each variant keeps the name of the input at fault.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The store failed or refused (it names the database).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An input could not be read (it names the input).
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Stored data contradicts itself: a bug, never the user's mistake.
    #[error("internal inconsistency: {0}")]
    Inconsistent(String),
}
