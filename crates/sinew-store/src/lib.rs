//! Persistence for Sinew: the [`Store`] trait and its SQLite implementation, [`SqliteStore`].
//!
//! A store holds documents with their annotations. Documents are keyed by their
//! content-derived [`DocId`], so storing the same article twice is a no-op. Every write is one
//! transaction: a process killed mid-ingest leaves every committed document intact.
//!
//! The trait is what the rest of Sinew sees, so that a PostgreSQL store can follow behind the
//! same calls.
//!
//! A store opened for reading ([`SqliteStore::open_read_only`]) never writes, not even the
//! database's side files, and never waits on a writer: read commands run while an ingest
//! commits, and on a store in a read-only folder.

mod analysis;
mod codec;
mod connect;
mod error;
mod near_dups;
#[cfg(feature = "postgres")]
mod pg;
mod schema;
mod sqlite;
mod workbench;

use chrono::NaiveDate;
use sinew_types::{
    Alert, Annotations, Citation, Claim, DocId, Document, EntityType, Event, Fingerprint, Sector,
};

pub use analysis::{
    AnalysisStore, AnalysisUpdate, BucketRow, ClaimPacks, ClaimQuote, ClaimWords, DocHeader,
    KeyedClaim,
};
pub use error::StoreError;
#[cfg(feature = "postgres")]
pub use pg::{is_postgres_url, migrate_sqlite_to_pg, redact_url, PgStore};
pub use sinew_types::DocFingerprint;
pub use sqlite::SqliteStore;
pub use workbench::{
    AlertRule, BriefingMark, BriefingRecord, BriefingRun, IngestLog, IngestRun, InputFailure,
    RunRecord, StoredFailure, StoredRule, WorkbenchStore,
};

/// Where documents and their annotations are kept.
pub trait Store: AnalysisStore + WorkbenchStore + Send + Sync {
    /// Stores a document with its annotations atomically; a document whose id is already
    /// stored is left untouched (content-hashed re-ingest is a no-op).
    fn put(&self, doc: &Document, ann: &Annotations) -> Result<PutOutcome, StoreError>;

    /// Same for many documents in one transaction (fast bulk ingest); outcome per document, in
    /// order. A document repeated within the batch is stored once.
    fn put_batch(&self, items: &[(Document, Annotations)]) -> Result<Vec<PutOutcome>, StoreError>;

    /// True when a document with this id is stored.
    fn contains(&self, id: &DocId) -> Result<bool, StoreError>;

    /// The stored document, if any.
    fn document(&self, id: &DocId) -> Result<Option<Document>, StoreError>;

    /// Every stored document, in ingest order.
    fn documents(&self) -> Result<Vec<Document>, StoreError>;

    /// Up to `limit` stored documents after the document `after` (from the first when
    /// `None`; none when `after` is not stored), in ingest order: the whole store read a page at a time, so that a pass over
    /// every document (rebuilding the search index) holds one page in memory. The default
    /// reads [`Store::documents`] and keeps the page; a store should answer from an index.
    fn documents_after(
        &self,
        after: Option<&DocId>,
        limit: usize,
    ) -> Result<Vec<Document>, StoreError> {
        let all = self.documents()?;
        // An `after` that is not stored ends the pass rather than restarting it.
        let start = match after {
            Some(id) => all
                .iter()
                .position(|d| &d.id == id)
                .map_or(all.len(), |i| i + 1),
            None => 0,
        };
        Ok(all.into_iter().skip(start).take(limit).collect())
    }

    /// The near-duplicate fingerprint of every stored document that has one, with its group
    /// link, in ingest order: what rebuilding a near-duplicate index needs, without the texts.
    fn fingerprints(&self) -> Result<Vec<DocFingerprint>, StoreError>;

    /// The stored documents whose fingerprint shares an LSH band ([`Fingerprint::bands`]) with
    /// `fingerprint`, with their group links, in ingest order: the candidates a near-duplicate
    /// lookup checks, found by index without reading every fingerprint. Every document stored
    /// with a fingerprint is filed under its bands in the same transaction.
    fn near_duplicate_candidates(
        &self,
        fingerprint: &Fingerprint,
    ) -> Result<Vec<DocFingerprint>, StoreError>;

    /// The annotations stored with a document, if the document is stored.
    fn annotations(&self, id: &DocId) -> Result<Option<Annotations>, StoreError>;

    /// Stored claims matching `filter`, in document (ingest) order, then by span.
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>, StoreError>;

    /// How many stored claims match `filter`, and the first `limit` of them in the order of
    /// [`Store::claims`]: what a page listing a few of an actor's thousands of figures reads,
    /// without decoding the rest. The default reads them all.
    fn claims_page(
        &self,
        filter: &ClaimFilter,
        limit: usize,
    ) -> Result<(u64, Vec<Claim>), StoreError> {
        let mut claims = self.claims(filter)?;
        let total = claims.len() as u64;
        claims.truncate(limit);
        Ok((total, claims))
    }

    /// Entities named in stored documents, most mentioned first (then in more documents, then
    /// by id), each with its aliases and chosen description. Read from aggregates that every
    /// put keeps current, so the cost is one row per entity, not one per mention.
    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError>;

    /// [`entities`](Self::entities) without their aliases (left empty), for a reader that
    /// shows none (the briefing): over a large store the aliases were most of the rows read.
    /// The default reads them and drops them.
    fn entities_without_aliases(&self) -> Result<Vec<EntitySummary>, StoreError> {
        let mut listed = self.entities()?;
        for e in &mut listed {
            e.aliases = Vec::new();
        }
        Ok(listed)
    }

    /// How many entities [`Store::entities`] lists, without reading them (their aliases,
    /// descriptions and the documents those cite). The default reads them all.
    fn entity_count(&self) -> Result<u64, StoreError> {
        Ok(self.entities()?.len() as u64)
    }

    /// Counts of what is stored.
    fn stats(&self) -> Result<StoreStats, StoreError>;

    /// Documents stored: [`StoreStats::documents`] without counting every mention, figure
    /// and claim (what a check after each ingest asks, so its cost must not grow with them).
    fn document_count(&self) -> Result<u64, StoreError> {
        Ok(self.stats()?.documents)
    }

    /// Stores alerts in one transaction, stamped with the time; an alert already stored (same
    /// kind, key and document) is left as it was. Returns how many were new.
    fn put_alerts(&self, alerts: &[Alert]) -> Result<usize, StoreError>;

    /// Stored alerts, oldest first.
    fn alerts(&self) -> Result<Vec<StoredAlert>, StoreError>;

    /// How many alerts are stored, and when the latest was raised: what a status line
    /// shows, without reading every alert. The default reads them all.
    fn alert_count(&self) -> Result<(u64, Option<String>), StoreError> {
        let alerts = self.alerts()?;
        Ok((
            alerts.len() as u64,
            alerts.last().map(|a| a.raised_at.clone()),
        ))
    }

    /// Stored PLOVER events matching `filter`, in document (ingest) order, then as extracted;
    /// each with its document's name, date and near-duplicate link and its sentence's words.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;

    /// [`Store::events`], where a store may leave each `sentence` empty: what a listing reads
    /// when it merges many reports and shows the words of a few (cut then with
    /// `AnalysisStore::span_words`), since cutting every report's sentence reads every
    /// reporting document's text. The default is [`Store::events`].
    fn event_reports(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.events(filter)
    }

    /// Up to `limit` stored documents whose events are still to be read (stored before the
    /// store kept events), in ingest order. Documents put since carry their events.
    fn events_pending(&self, limit: usize) -> Result<Vec<DocId>, StoreError>;

    /// Stores the events read from stored documents awaiting them and clears their marks, in
    /// one transaction; a document not awaiting events is left as it is.
    fn put_events(&self, items: &[(DocId, Vec<Event>)]) -> Result<(), StoreError>;

    /// Which state of the stored content reads now see: a number that changes whenever a
    /// write is committed, through this store or by another process beside it (an ingest
    /// next to a running server), and stays the same while nothing is written. A view
    /// computed under one revision is still the answer while the revision is the same, so a
    /// reader may keep it without a time limit and rebuild it as soon as the number moves.
    /// It may move without a change to the content (never the reverse): a cheap question,
    /// asked often.
    fn revision(&self) -> Result<u64, StoreError>;
}

/// Which events [`Store::events`] returns; the default returns all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Canonical entity names (case-insensitive), any of which must be a source or target
    /// actor's canonical name.
    pub entities: Vec<String>,
    /// ISO 3166-1 alpha-3 codes (case-insensitive), any of which must be a source or target
    /// actor's country. With `entities`, an event matching either is returned.
    pub countries: Vec<String>,
    /// Only events whose dates reach this day or later (undated events are left out).
    pub from: Option<NaiveDate>,
    /// Only events that begin on this day or earlier (undated events are left out).
    pub to: Option<NaiveDate>,
    /// Only events of this document.
    pub doc: Option<DocId>,
}

/// An event as stored, with what a listing shows of its document.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// The document telling it.
    pub doc: DocId,
    /// Its position among the document's events.
    pub ord: u32,
    /// The document's source name (file or URL).
    pub source: String,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// The first stored document of the document's near-duplicate group, when it is a copy.
    pub duplicate_of: Option<DocId>,
    /// The words of the sentence telling it.
    pub sentence: String,
    /// The event.
    pub event: Event,
}

/// An alert as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAlert {
    /// Its position in the order alerts were raised.
    pub seq: u64,
    /// When it was raised (RFC 3339, UTC).
    pub raised_at: String,
    /// The alert.
    pub alert: Alert,
}

/// What a put did with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PutOutcome {
    /// The document was new and is now stored.
    Inserted,
    /// A document with the same id was already stored; nothing changed.
    AlreadyPresent,
}

/// Which claims to return; the default returns all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// A canonical entity name that must be the claim's subject or object (case-insensitive).
    pub entity: Option<String>,
    /// Only claims from this document.
    pub doc: Option<DocId>,
}

/// One entity across the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySummary {
    /// Canonical name.
    pub canonical: String,
    /// Fine-grained type.
    pub entity_type: EntityType,
    /// Stable identifier (`country:china`).
    pub id: String,
    /// The country it belongs to or speaks for, when any mention says.
    pub country: Option<String>,
    /// The sector it acts for, when any mention says (the greatest code should mentions
    /// disagree).
    pub sector: Option<Sector>,
    /// Number of mentions (names and nominals).
    pub mentions: u64,
    /// Number of documents mentioning it.
    pub documents: u64,
    /// The distinct words its names take in the text, most used first, then by text; a
    /// nominal ("the minister") is no alias.
    pub aliases: Vec<Alias>,
    /// What the articles say it is: of its descriptions, the most frequent by normalised text
    /// (lower case, no leading article), then the first stored (document, then span).
    pub description: Option<EntityDescription>,
}

/// One surface form of an entity's names ("Beijing" for China), with how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The words as written.
    pub text: String,
    /// How many mentions are written so.
    pub mentions: u64,
}

/// An entity's chosen description ([`sinew_types::Description`]), where it was first found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityDescription {
    /// The words as shown ("Russia's defence minister").
    pub text: String,
    /// How many stored descriptions of the entity have the same normalised text.
    pub count: u64,
    /// Where the words were first found.
    pub citation: Citation,
}

/// Counts of what is stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Documents.
    pub documents: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Quantities.
    pub quantities: u64,
    /// Time expressions.
    pub times: u64,
    /// Claims.
    pub claims: u64,
}
