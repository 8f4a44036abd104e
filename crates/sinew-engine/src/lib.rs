//! The one API the CLI (and later the server) calls: it wires ingest -> nlp -> store ->
//! analysis -> report.
//!
//! The engine owns no format knowledge of its own: bytes become documents in sinew-ingest,
//! documents become annotations in sinew-nlp, and everything persisted goes through the
//! [`Store`] trait, so the same calls work on SQLite today and PostgreSQL later.

mod analyse;
mod briefing;
mod entity_names;
mod error;
mod events;
mod extract;
mod feed;
mod ingest;
mod ledger;
mod load;
mod outline;
mod search;
mod summary;

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use sinew_store::{ClaimFilter, PgStore, SqliteStore};
use sinew_types::{Annotations, Claim, Diagnostic, DocId, Document};

pub use analyse::PENDING_READ_MAX;
pub use briefing::{MAX_NEW_DOCUMENTS, REPORT_DOCUMENTS};
pub use error::EngineError;
pub use events::{EventPage, EventQuery, EventsView};
pub use extract::{
    document_from_line, extract_bytes, extract_paths, extract_reader, ExtractSummary,
};
pub use ingest::{IngestOptions, IngestSummary, Progress};
use ledger::point_claims;
pub use ledger::LedgerStream;
pub use load::{LoadInput, MapRecord};
pub use search::{default_index_path, index_doc, IndexLag, RebuildSummary};
use sinew_analysis::ClaimRef;
pub use sinew_analysis::{
    format_range, format_value, node_id, Actor, Affected, Concept, Consensus, Cut, Dependency,
    EventTie, Flow, FlowKind, Ledger, LedgerClaim, LedgerFilter, LedgerGroup, MergedEvent, Network,
    PoliticalTie, TieKind, Verdict, Volume, WhatIf, EVENT_WINDOW_DAYS,
};
pub use sinew_ingest::{fingerprint, ErrorKind, Format, IngestError};
/// ISO 3166-1 codes of a country by its canonical name, for exports (FollowTheMoney).
pub use sinew_nlp::iso_codes;
pub use sinew_nlp::Stages;
pub use sinew_search::{
    FacetCount, Facets, Filters, IndexDoc, Scope, SearchError, SearchHit, SearchIndex, SearchQuery,
    SearchResults, Snippet, TantivyIndex,
};
pub use sinew_store::{
    is_postgres_url, migrate_sqlite_to_pg, redact_url, AlertRule, BriefingMark, BriefingRecord,
    EntitySummary, IngestLog, IngestRun, InputFailure, RunRecord, Store, StoreStats, StoredAlert,
    StoredEvent, StoredFailure, StoredRule, WorkbenchStore,
};
pub use sinew_types::{Alert, AlertKind};

/// A claim together with the document facts needed to show or export it.
#[derive(Debug, Clone)]
pub struct ClaimView {
    /// The claim.
    pub claim: Claim,
    /// The document's source name (file name or URL).
    pub source: String,
    /// The figure's words, `text[claim.span]`.
    pub quote: String,
    /// The sentence holding it, `text[claim.sentence]`.
    pub sentence: String,
}

/// A claim as a citation shows it: its document, where its words are, and those words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedClaim {
    /// The document.
    pub doc: DocId,
    /// The figure's span, `claim.span`.
    pub span: sinew_types::Span,
    /// The document's source name (file name or URL).
    pub source: String,
    /// The figure's words, `text[span]`.
    pub quote: String,
}

/// The figures ledger over the store, with the claims its groups point into.
#[derive(Debug, Clone)]
pub struct LedgerView {
    /// The groups that passed the filter (grouping always runs over every stored claim).
    pub ledger: Ledger,
    /// The claims the kept groups cite, with their words, in store order;
    /// [`LedgerClaim::claim`] indexes this list.
    pub claims: Vec<ClaimView>,
}

/// The figures ledger over the store, with the claims its groups point into as citations
/// show them ([`Engine::ledger_cited`]).
#[derive(Debug, Clone)]
pub struct LedgerCitedView {
    /// The groups that passed the filter.
    pub ledger: Ledger,
    /// The claims the kept groups cite, in store order; [`LedgerClaim::claim`] indexes it.
    pub claims: Vec<CitedClaim>,
}

impl From<ClaimView> for CitedClaim {
    fn from(v: ClaimView) -> CitedClaim {
        CitedClaim {
            doc: v.claim.doc,
            span: v.claim.span,
            source: v.source,
            quote: v.quote,
        }
    }
}

/// The network over the store, with the claims its flows and dependencies point into.
#[derive(Debug, Clone)]
pub struct NetworkView {
    /// Actors, flows, dependencies.
    pub network: Network,
    /// The claims the flows and dependencies cite, where they are and their words (a
    /// network cites nearly every stored claim, so not the claims themselves), in store
    /// order; `Flow::claims` and `Dependency::claims` index it.
    pub claims: Vec<CitedClaim>,
    /// For each political tie's (document, sentence span): the document's source name and
    /// the sentence's words.
    pub tie_words: std::collections::HashMap<(DocId, sinew_types::Span), (String, String)>,
    /// The political layer from events: who did what to whom (PLOVER category), how often
    /// and when, across documents; `EventTie::evidence` indexes `event_reports`. Never goods
    /// flows.
    pub events: Vec<EventTie>,
    /// The event reports the ties cite, in store order, with their sentences' words.
    pub event_reports: Vec<StoredEvent>,
    /// The ends of event ties that are not among the network's actors (no claim names them),
    /// with no claims: nodes a graph adds so every tie has both ends.
    pub event_actors: Vec<Actor>,
}

/// How to draw the network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetworkConfig {
    /// Replace every actor that belongs to a state (a company, an armed force, a person) by
    /// that state, so flows and dependencies are between states.
    pub by_state: bool,
}

/// A stored alert with the name of the document that raised it.
#[derive(Debug, Clone)]
pub struct AlertView {
    /// The alert, its time and position.
    pub stored: StoredAlert,
    /// The raising document's source name.
    pub source: String,
}

/// Output format of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
    /// The briefing's structure (sections, sentences, citations) as JSON.
    Json,
}

/// Sinew over one store.
pub struct Engine {
    store: Arc<dyn Store>,
    /// The search index ingest keeps current, when there is one ([`Engine::with_index`]).
    index: Option<Arc<dyn SearchIndex>>,
    /// How many documents awaiting analysis a read folds in memory before it refuses
    /// ([`Engine::pending_read_max`]).
    pending_read_max: usize,
}

impl Engine {
    /// Opens (creating if needed) the store at `db` for ingest and reading: a SQLite file, or
    /// a PostgreSQL database named by a `postgres://` URL. Opening takes the write lock only
    /// when the store's schema must be migrated.
    pub fn open(db: &Path) -> Result<Engine, EngineError> {
        let store: Arc<dyn Store> = match server_url(db)? {
            Some(url) => Arc::new(PgStore::open(url)?),
            None => Arc::new(SqliteStore::open(db)?),
        };
        Ok(Engine::with_store(store))
    }

    /// Opens the SQLite store at `db` for reading only (the read commands): nothing is
    /// written, a writer's open transaction is never waited for, a store in a read-only folder
    /// opens, and a missing store is an error naming the path rather than a new empty store.
    /// Ingest on such an engine fails with the store's "opened read-only" error.
    pub fn open_read_only(db: &Path) -> Result<Engine, EngineError> {
        let store: Arc<dyn Store> = match server_url(db)? {
            Some(url) => Arc::new(PgStore::open_read_only(url)?),
            None => Arc::new(SqliteStore::open_read_only(db)?),
        };
        Ok(Engine::with_store(store))
    }

    /// An engine over any store.
    pub fn with_store(store: Arc<dyn Store>) -> Engine {
        Engine {
            store,
            index: None,
            pending_read_max: PENDING_READ_MAX,
        }
    }

    /// The store, for callers that need to share it.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Counts of what is stored.
    pub fn stats(&self) -> Result<StoreStats, EngineError> {
        Ok(self.store.stats()?)
    }

    /// Stored claims (all, or those whose subject or object is `entity`), in document order.
    pub fn claims(&self, entity: Option<&str>) -> Result<Vec<ClaimView>, EngineError> {
        let filter = ClaimFilter {
            entity: entity.map(str::to_string),
            ..ClaimFilter::default()
        };
        let claims = self.store.claims(&filter)?;
        let mut docs: std::collections::HashMap<DocId, Document> = std::collections::HashMap::new();
        let mut out = Vec::with_capacity(claims.len());
        for claim in claims {
            if !docs.contains_key(&claim.doc) {
                let doc = self.store.document(&claim.doc)?.ok_or_else(|| {
                    EngineError::Inconsistent(format!(
                        "claim refers to missing document {}",
                        claim.doc
                    ))
                })?;
                docs.insert(claim.doc.clone(), doc);
            }
            let doc = &docs[&claim.doc];
            out.push(view(doc, claim));
        }
        Ok(out)
    }

    /// The figures ledger: every stored claim grouped with the others stating the same
    /// figure, each group reconciled (agree, conflict, update); the groups `filter` keeps.
    ///
    /// Read from the stored analysis (pending documents are analysed in memory, not
    /// stored); only the claims the kept groups cite are loaded.
    pub fn ledger(&self, filter: &LedgerFilter) -> Result<LedgerView, EngineError> {
        let (mut ledger, cited) = self.ledger_groups(filter)?;
        let (claims, index) = self.claim_views(&cited)?;
        point_claims(&mut ledger, &index);
        if filter.measure.is_some() {
            let plain: Vec<Claim> = claims.iter().map(|v| v.claim.clone()).collect();
            ledger.groups.retain(|g| g.matches(filter, &plain));
        }
        Ok(LedgerView { ledger, claims })
    }

    /// [`Engine::ledger`] with each claim as a citation shows it (document, span, source,
    /// words) rather than whole: what a table of the ledger prints. No claim is decoded
    /// unless the filter reads measures, so it costs far less over a large store.
    pub fn ledger_cited(&self, filter: &LedgerFilter) -> Result<LedgerCitedView, EngineError> {
        if filter.measure.is_some() {
            let view = self.ledger(filter)?;
            let claims = view.claims.into_iter().map(CitedClaim::from).collect();
            return Ok(LedgerCitedView {
                ledger: view.ledger,
                claims,
            });
        }
        let (mut ledger, cited) = self.ledger_groups(filter)?;
        let (claims, index) = self.cited_claims(&cited)?;
        point_claims(&mut ledger, &index);
        Ok(LedgerCitedView { ledger, claims })
    }

    /// The stored ledger's groups that pass every filter but the measure's (which reads the
    /// claims' measures, so it runs once they are loaded), and the claims they cite, in
    /// group order.
    fn ledger_groups(&self, filter: &LedgerFilter) -> Result<(Ledger, Vec<ClaimRef>), EngineError> {
        let (mut ledger, refs) = sinew_analysis::ledger_of(self.analysis()?.states);
        let by_group = LedgerFilter {
            measure: None,
            ..filter.clone()
        };
        ledger.groups.retain(|g| g.matches(&by_group, &[]));
        let cited: Vec<ClaimRef> = ledger
            .groups
            .iter()
            .flat_map(|g| g.claims.iter().map(|m| refs[m.claim].clone()))
            .collect();
        Ok((ledger, cited))
    }

    /// The network the stored figures describe: actors, flows with their volumes over time,
    /// dependency shares.
    ///
    /// Folded from the stored analysis and political ties; only the claims the flows and
    /// dependencies cite are loaded.
    pub fn network(&self) -> Result<NetworkView, EngineError> {
        self.network_with(&NetworkConfig::default())
    }

    /// [`Engine::network`], with actors rolled up to their states when `config` asks.
    pub fn network_with(&self, config: &NetworkConfig) -> Result<NetworkView, EngineError> {
        let analysis = self.analysis()?;
        let actors = self.actor_infos()?;
        let (mut network, refs) = if config.by_state {
            sinew_analysis::network_by_state_of(analysis.states, &analysis.ties, &actors)
        } else {
            sinew_analysis::network_of(analysis.states, &analysis.ties, &actors)
        };
        let mut wanted: Vec<usize> = network
            .flows
            .iter()
            .flat_map(|f| f.claims.iter().copied())
            .chain(
                network
                    .dependencies
                    .iter()
                    .flat_map(|d| d.claims.iter().copied()),
            )
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let cited: Vec<ClaimRef> = wanted.iter().map(|&i| refs[i].clone()).collect();
        let (claims, index) = self.cited_claims(&cited)?;
        let position: std::collections::HashMap<usize, usize> =
            wanted.iter().zip(&index).map(|(&i, &k)| (i, k)).collect();
        let remap = |list: &mut Vec<usize>| {
            for i in list.iter_mut() {
                *i = position[i];
            }
            list.sort_unstable();
        };
        for f in &mut network.flows {
            remap(&mut f.claims);
        }
        for d in &mut network.dependencies {
            remap(&mut d.claims);
        }
        let spans: Vec<(DocId, sinew_types::Span)> = network
            .flows
            .iter()
            .flat_map(|f| &f.ties)
            .map(|t| (t.doc.clone(), t.span))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut tie_words = std::collections::HashMap::new();
        for (key, words) in spans.iter().zip(self.store.span_words(&spans)?) {
            if let Some(words) = words {
                tie_words.insert(key.clone(), words);
            }
        }
        let event_reports = self.store.events(&sinew_store::EventFilter::default())?;
        let events = events::ties(&event_reports);
        let event_actors = events::tie_actors(&network, &events, &actors);
        Ok(NetworkView {
            network,
            claims,
            tie_words,
            events,
            event_reports,
            event_actors,
        })
    }

    /// Cuts or scales one flow of the stored network and lists the dependencies on it, with
    /// the share of supply each dependent keeps; `threshold` is in percent of supply.
    pub fn what_if(
        &self,
        cut: &Cut,
        threshold: f64,
    ) -> Result<(WhatIf, Vec<CitedClaim>), EngineError> {
        let view = self.network()?;
        Ok((
            sinew_analysis::what_if(&view.network, cut, threshold),
            view.claims,
        ))
    }

    /// Every stored alert, oldest first, with the source name of the document that raised
    /// it. Documents awaiting analysis (a run killed before it stored its alerts) are
    /// analysed first and their alerts stored, documents stored before the store kept
    /// events get them, and bucket states kept before the store kept summaries get theirs,
    /// so this needs a store open for writing when any are pending.
    pub fn alerts(&self) -> Result<Vec<AlertView>, EngineError> {
        if self.pending_analysis()? > 0 {
            // As ingest does: the first documents analysed set the baseline and raise none,
            // and are analysed a bucket at a time (a deferred bulk load's may be the store).
            self.finish_analysis(self.store.has_analysed()?)?;
        } else if !self.store.events_pending(1)?.is_empty() {
            // A store upgraded to keep events reads its documents' events here too.
            self.finish_events()?;
        }
        // States kept before store v17 get the summary `report` reads (`summary.rs`).
        self.fill_summaries()?;
        let stored = self.store.alerts()?;
        let ids: Vec<DocId> = stored
            .iter()
            .map(|a| a.alert.doc.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let names = self.source_names(&ids)?;
        Ok(stored
            .into_iter()
            .map(|stored| AlertView {
                source: names
                    .get(&stored.alert.doc)
                    .cloned()
                    .unwrap_or_else(|| stored.alert.doc.0.clone()),
                stored,
            })
            .collect())
    }

    /// Entities named in stored documents, most mentioned first.
    pub fn entities(&self) -> Result<Vec<EntitySummary>, EngineError> {
        Ok(self.store.entities()?)
    }
}

/// The PostgreSQL URL `db` names (`postgres://` or `postgresql://`), `None` for a file path;
/// any other URL (`mysql://host/db`, `sqlite://...`) is refused: taken as a file path it
/// would create folders named after the URL.
fn server_url(db: &Path) -> Result<Option<&str>, EngineError> {
    let Some(text) = db.to_str() else {
        return Ok(None);
    };
    if is_postgres_url(text) {
        return Ok(Some(text));
    }
    let is_url = text.split_once("://").is_some_and(|(scheme, _)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if is_url {
        return Err(EngineError::UnsupportedStore {
            location: redact_url(text),
        });
    }
    Ok(None)
}

/// Pairs a claim with its document's words.
pub fn view(doc: &Document, claim: Claim) -> ClaimView {
    let quote = claim.span.slice(&doc.text).unwrap_or_default().to_string();
    let sentence = claim
        .sentence
        .slice(&doc.text)
        .unwrap_or_default()
        .to_string();
    ClaimView {
        claim,
        source: doc.source.clone(),
        quote,
        sentence,
    }
}

/// Annotates a document's clean text (store-less).
///
/// The language stages read English: a document identified as another language gets no
/// annotations, only a diagnostic saying why, so that its words are not misread as English
/// figures and actors. It is still stored, whole, and can be read back and searched. A
/// document of unknown language (short text) is annotated.
pub fn annotate(doc: &Document) -> Annotations {
    annotate_with(doc, Stages::default())
}

/// [`annotate`] with only the chosen stages run (`sinew annotate --layers`).
pub fn annotate_with(doc: &Document, stages: Stages) -> Annotations {
    gated(doc.lang.as_deref(), || {
        sinew_nlp::annotate_with(&doc.text, doc.published, &doc.id, stages)
    })
}

/// The PLOVER events of a document, read from its annotations (which must hold entities and
/// times: [`annotate`], or [`annotate_with`] with those stages); a document the language
/// gate left unannotated has none.
pub fn events(doc: &Document, ann: &Annotations) -> Vec<sinew_types::Event> {
    sinew_nlp::find_events(&doc.text, ann)
}

/// The language gate of [`annotate`]: runs `stages` unless `lang` names a language other
/// than English, in which case the annotations are empty but for a diagnostic saying why.
fn gated(lang: Option<&str>, stages: impl FnOnce() -> Annotations) -> Annotations {
    match lang {
        Some(lang) if !is_english(lang) => Annotations {
            diagnostics: vec![Diagnostic {
                span: None,
                message: format!(
                    "not annotated: the language is {lang}, and the extraction stages read \
                     English only"
                ),
            }],
            ..Annotations::default()
        },
        _ => stages(),
    }
}

/// `en`, `EN`, `en-GB`, `en_US`: English whatever the region or case.
fn is_english(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|primary| primary.eq_ignore_ascii_case("en"))
}

/// Annotates free text with an optional publication date (store-less), behind the same
/// language gate as ingest: text identified as another language than English gets only the
/// diagnostic that says so.
pub fn annotate_text(text: &str, published: Option<NaiveDate>) -> Annotations {
    let id = sinew_ingest::doc_id(text);
    gated(sinew_ingest::identify_lang(text), || {
        sinew_nlp::annotate(text, published, &id)
    })
}

pub use sinew_report::ReportConfig as BriefingConfig;
