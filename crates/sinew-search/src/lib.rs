//! Where do the analyst's words occur? Full-text search over stored documents and their
//! sentences, with facets for narrowing and snippets that mark the hit.
//!
//! The [`SearchIndex`] trait is what the engine (keeping the index current at ingest, and
//! rebuilding it with `sinew index`) and the workbench server (answering queries) ask of a
//! search engine, with no engine type in its API, so the SQLite and PostgreSQL stores share
//! one index and the engine behind it can change. Every offset is a byte offset into the
//! document's clean text (`Document::text`), the same coordinates as every other span in
//! Sinew, so a hit opens at its words in the document viewer.

mod day_range;
mod facets;
mod snippet;
mod tantivy_index;

pub use tantivy_index::{TantivyConfig, TantivyIndex, INDEX_VERSION, MAX_LIMIT, MAX_OFFSET};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sinew_types::{DocId, Span};

/// One document as the index sees it: its text and sentences, and the values it is
/// faceted by, taken from the document and its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexDoc {
    /// The stored document.
    pub id: DocId,
    /// Headline.
    pub title: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The outlet: the site name, else the document's source.
    pub source: String,
    /// ISO 639-1 language code, when identified.
    pub lang: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The clean text (every span points into it).
    pub text: String,
    /// The sentences, in order, as spans of `text`.
    pub sentences: Vec<Span>,
    /// Canonical names of the entities mentioned, without repeats.
    pub entities: Vec<String>,
    /// ISO 3166-1 alpha-3 codes of the countries mentioned or of the mentioned entities'
    /// states, without repeats.
    pub countries: Vec<String>,
    /// Kinds of the flows its claims describe (`arms`, `energy`, ...), without repeats.
    pub flow_kinds: Vec<String>,
    /// Units of its figures (`USD`, `container`, `percent`), without repeats.
    pub units: Vec<String>,
}

/// What a hit is: a whole document, or one sentence of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Documents, best first.
    #[default]
    Documents,
    /// Sentences, best first; a document may give several.
    Sentences,
}

/// Facet values a query is narrowed to. Within one facet the values are alternatives (any
/// of them); across facets every facet must hold. An empty list does not narrow.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filters {
    /// Outlets.
    pub sources: Vec<String>,
    /// Language codes.
    pub langs: Vec<String>,
    /// Canonical entity names.
    pub entities: Vec<String>,
    /// ISO3 country codes.
    pub countries: Vec<String>,
    /// Flow kinds.
    pub flow_kinds: Vec<String>,
    /// Figure units.
    pub units: Vec<String>,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
}

/// A query: words and phrases in the engine's query syntax (quoted phrases, `AND`, `OR`,
/// `-word`), facet filters and a page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// The query text; empty matches every document (facets and dates alone).
    pub text: String,
    /// Documents or sentences.
    pub scope: Scope,
    /// Facet filters.
    pub filters: Filters,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Hits to return at most.
    pub limit: usize,
}

/// A passage of a document around a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Where the passage is in the document's text.
    pub span: Span,
    /// The passage (the document's text over `span`).
    pub text: String,
    /// The matched words, as spans of the document's text inside `span`.
    pub marks: Vec<Span>,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The document.
    pub doc: DocId,
    /// The engine's relevance score (BM25); higher is better.
    pub score: f32,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// URL.
    pub url: Option<String>,
    /// The sentence, for a sentence hit.
    pub sentence: Option<Span>,
    /// The passage to show, with the hit marked.
    pub snippet: Snippet,
}

/// One facet value and how many matching hits have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matching documents (or sentences, for a sentence query) with it.
    pub count: u64,
}

/// Counts per facet value over everything the query matched (not only the page shown),
/// most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Facets {
    /// By outlet.
    pub sources: Vec<FacetCount>,
    /// By language.
    pub langs: Vec<FacetCount>,
    /// By entity.
    pub entities: Vec<FacetCount>,
    /// By country.
    pub countries: Vec<FacetCount>,
    /// By flow kind.
    pub flow_kinds: Vec<FacetCount>,
    /// By figure unit.
    pub units: Vec<FacetCount>,
    /// By publication month (the first day of the month), in date order; undated hits are
    /// not counted here.
    pub months: Vec<(NaiveDate, u64)>,
}

/// A page of hits with the total and the facets of everything matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many hits matched in all.
    pub total: u64,
    /// The page asked for.
    pub hits: Vec<SearchHit>,
    /// Facet counts over every match.
    pub facets: Facets,
}

/// Why a search or an index update failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query text does not parse (a user error: say what and where).
    #[error("cannot read the query {query:?}: {reason}")]
    BadQuery {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The index at a path is missing, unreadable or from another version: rebuild it with
    /// `sinew index`.
    #[error("search index at {path}: {reason} (rebuild it with `sinew index`)")]
    Index {
        /// Where the index is.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The search engine failed.
    #[error("search engine: {0}")]
    Engine(String),
}

/// A full-text index of stored documents. `&self` methods, so it lives in an `Arc<dyn
/// SearchIndex>` shared by the ingest loop and the server's handlers.
pub trait SearchIndex: Send + Sync {
    /// Adds documents, replacing any already indexed under the same id. Not visible to
    /// searches until [`SearchIndex::commit`].
    fn add(&self, docs: &[IndexDoc]) -> Result<(), SearchError>;
    /// Makes every added document durable and searchable.
    fn commit(&self) -> Result<(), SearchError>;
    /// Removes every document (before a rebuild).
    fn clear(&self) -> Result<(), SearchError>;
    /// Runs a query.
    fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError>;
    /// How many documents are indexed and searchable.
    fn len(&self) -> Result<u64, SearchError>;
    /// Which state of the index searches now see: a number that changes whenever a commit
    /// (here or by another process) becomes visible to searches, and only then. A result
    /// kept with the generation it was computed under is still the answer while the
    /// generation is the same, so callers may reuse it without a time limit.
    fn generation(&self) -> u64;
    /// Whether nothing is indexed.
    fn is_empty(&self) -> Result<bool, SearchError> {
        Ok(self.len()? == 0)
    }
}
