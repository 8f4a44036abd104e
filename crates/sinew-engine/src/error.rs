//! What can go wrong in the engine? The store's and ingest's typed errors, passed through
//! with the input they name, and stored data that contradict themselves (a bug).

use sinew_ingest::IngestError;
use sinew_search::SearchError;
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
    /// The search index failed or refused (it names the index), or the query does not parse.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// A search was asked of an engine opened without a search index.
    #[error("no search index is open (build one with `sinew index`)")]
    NoIndex,
    /// A name given as an entity (`--entity`) that names no stored entity, with the stored
    /// names nearest to it (the user's mistake).
    #[error("no stored entity is named {name:?}{}", did_you_mean(.nearest))]
    UnknownEntity {
        /// The name as given.
        name: String,
        /// Stored canonical names near it, nearest first; may be empty.
        nearest: Vec<String>,
    },
    /// The store location is a URL of a database Sinew does not speak (`mysql://...`): only
    /// SQLite files and PostgreSQL (`postgres://`) are supported.
    #[error(
        "{location}: only PostgreSQL servers (postgres://...) and SQLite files are supported; \
         give a postgres:// URL or the path of a SQLite file"
    )]
    UnsupportedStore {
        /// The location as given.
        location: String,
    },
    /// A read that folds the analysis (ledger, network, report) on a store where more
    /// documents await analysis than it folds in memory ([`crate::PENDING_READ_MAX`]): a
    /// store upgraded to a version that drops the analysis, or loaded with analysis deferred.
    #[error(
        "{documents} stored documents await analysis (the store was upgraded, or loaded with \
         analysis deferred): run `sinew alerts` on this store once to analyse them, then run \
         this command again"
    )]
    AnalysisPending {
        /// How many documents await analysis.
        documents: usize,
    },
    /// Stored data contradicts itself: a bug, never the user's mistake.
    #[error("internal inconsistency: {0}")]
    Inconsistent(String),
}

fn did_you_mean(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    }
}
