//! The briefing over the store (`Engine::briefing`, `report`, `record_briefing`): the
//! findings read from the kept analysis (only the groups a briefing may read, `summary.rs`),
//! the claims and documents it shows, and what changed since the last recorded briefing or
//! `--since`'s day: the alerts raised since, and the documents stored after the last one the
//! last briefing read (schema v19's `briefings.last_doc`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use sinew_report::{
    Briefing, Changes, ChangesSince, Described, DocBundle, EntityCount, Findings, Fresh,
    ReportConfig,
};
use sinew_store::BriefingRun;
use sinew_types::{Alert, Claim, DocId, Document, SourceKind};

use crate::{events, BriefingMark, BriefingRecord, Engine, EngineError, ReportFormat};

/// How many of the documents stored since the last briefing its successor reads for what
/// they changed beyond the alerts (a running total put higher, a new figure): the newest. Each
/// one's buckets are read whole, so the bound keeps a briefing after a large ingest near the
/// cost of one without a reference point; it writes a few change judgments in any case.
pub const MAX_NEW_DOCUMENTS: usize = 1_000;

/// How many documents a briefing over a large store reads whole: those its figures and network
/// lines cite come first (each line shows a bounded number of statements, so they are a few
/// hundred at most), then the most recently stored, up to this number. A store this small or
/// smaller is read whole, and its briefing is the one over every document.
pub const REPORT_DOCUMENTS: usize = 200;

impl Engine {
    /// The briefing over the store: its figures, disagreements and network from the stored
    /// ledger and network (what `ledger` and `graph` show), its rankings from entity counts
    /// over every stored mention, its quotes from a bounded set of documents (see
    /// [`REPORT_DOCUMENTS`]).
    ///
    /// The stored analysis is folded once for both the ledger and the network, and only the
    /// claims the briefing shows are loaded ([`sinew_report::shown_claims`] picks them from
    /// the groups and flows alone): a few hundred, however many the store holds.
    pub fn briefing(&self, config: &ReportConfig) -> Result<Briefing, EngineError> {
        Ok(self.briefing_marked(config)?.0)
    }

    /// The briefing (see [`Engine::briefing`]) with how far it read the store: what
    /// [`Engine::record_briefing`] records, so that the next briefing says what changed since
    /// what this one read. The mark is taken before anything is read: what an ingest stores
    /// meanwhile counts as unseen (said again next time, never missed).
    pub fn briefing_marked(
        &self,
        config: &ReportConfig,
    ) -> Result<(Briefing, BriefingMark), EngineError> {
        let mark = self.store.briefing_mark()?;
        let stored = self.store.entities_without_aliases()?;
        let (since, alerts, new_docs) = self.changes_since(config)?;
        let fresh = match (since, &new_docs) {
            (Some(ChangesSince::Date(day)), _) => Fresh::PublishedSince(day),
            (Some(ChangesSince::LastBriefing(_)), Some(docs)) => Fresh::Documents(docs),
            _ => Fresh::Unknown,
        };
        // Only the groups the briefing may read (`summary.rs`, `GroupPicks`).
        let (states, ties) = self.picked_states(&alerts, new_docs.as_ref(), fresh)?;
        let actors: Vec<sinew_analysis::ActorInfo> = stored
            .iter()
            .map(|e| sinew_analysis::ActorInfo {
                name: e.canonical.clone(),
                entity_type: e.entity_type,
                country: e.country.clone(),
            })
            .collect();
        let (ledger, mut network, refs) =
            sinew_analysis::ledger_and_network_of(states, &ties, &actors);
        // A dependency line shows its first claims in store order, the order `network` gives
        // them; the fold lists them by reference, so the shown dependencies' are put in store
        // order before the picks are made (only theirs: every current dependency's claims
        // were most of the claims a briefing over a large store loaded).
        let mut claims: BTreeMap<usize, Claim> = BTreeMap::new();
        let shown_deps = sinew_report::shown_dependencies(&network);
        let current: Vec<usize> = shown_deps
            .iter()
            .flat_map(|&d| network.dependencies[d].claims.iter().copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut order: HashMap<usize, (i64, usize, usize, u32)> = HashMap::new();
        for (i, w) in current.iter().zip(self.claims_at(&current, &refs)?) {
            order.insert(*i, (w.seq, w.claim.span.start, w.claim.span.end, w.ord));
            claims.insert(*i, w.claim);
        }
        for &d in &shown_deps {
            network.dependencies[d].claims.sort_by_key(|i| order[i]);
        }
        let changes = since.map(|since| Changes {
            since,
            alerts: &alerts,
            fresh,
        });
        let shown: Vec<usize> = sinew_report::shown_claims(&ledger, &network, changes)
            .into_iter()
            .filter(|i| !claims.contains_key(i))
            .collect();
        for (i, w) in shown.iter().zip(self.claims_at(&shown, &refs)?) {
            claims.insert(*i, w.claim);
        }
        let entities: Vec<EntityCount> = stored
            .into_iter()
            .map(|e| EntityCount {
                adjective: (e.entity_type == sinew_types::EntityType::Country)
                    .then(|| sinew_nlp::country_adjective(&e.canonical))
                    .flatten()
                    .map(str::to_string),
                id: e.id,
                name: e.canonical,
                entity_type: e.entity_type,
                mentions: usize::try_from(e.mentions).unwrap_or(usize::MAX),
                description: e.description.map(|d| Described {
                    text: d.text,
                    citation: d.citation,
                }),
            })
            .collect();
        let findings = Findings {
            ledger: &ledger,
            network: &network,
            claims: &claims,
            entities: &entities,
            documents: usize::try_from(self.store.stats()?.documents).unwrap_or(usize::MAX),
            changes,
            events: &[],
            event_citations: &[],
        };
        let docs = self.report_documents(&findings)?;
        // how each document was made, as analysis kept it; read from the text when not yet
        // analysed (the same reading analysis makes)
        let ids: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
        let kinds: HashMap<DocId, SourceKind> = self
            .store
            .doc_headers(&ids)?
            .into_iter()
            .filter_map(|h| Some((h.id, h.kind?)))
            .collect();
        let mut bundles = Vec::new();
        for doc in docs {
            let ann = self.store.annotations(&doc.id)?.unwrap_or_default();
            let kind = kinds
                .get(&doc.id)
                .copied()
                .unwrap_or_else(|| sinew_ingest::source_kind(&doc));
            bundles.push(DocBundle { doc, ann, kind });
        }
        // The events of the documents read, merged across them: the timeline's events.
        let mut reports = Vec::new();
        let mut event_citations = Vec::new();
        for b in &bundles {
            for (ord, e) in b.ann.events.iter().enumerate() {
                reports.push(sinew_analysis::EventReport {
                    doc: b.doc.id.clone(),
                    ord: u32::try_from(ord).unwrap_or(u32::MAX),
                    published: b.doc.published,
                    duplicate_of: b.doc.duplicate_of.clone(),
                    event: e.clone(),
                });
                event_citations.push(sinew_types::Citation {
                    doc: b.doc.id.clone(),
                    source: b.doc.source.clone(),
                    span: e.sentence,
                });
            }
        }
        let merged = events::merge_reports(&reports);
        let findings = Findings {
            events: &merged,
            event_citations: &event_citations,
            ..findings
        };
        Ok((
            sinew_report::build_briefing(&bundles, &findings, config),
            mark,
        ))
    }

    /// The reference point of "what changed", the alerts raised since it, and the documents
    /// stored since it: `--since`'s day (the alerts raised by documents published on or after
    /// it; which statements are new is read from their dates), else the last recorded briefing
    /// (the alerts and the documents stored after those it read, the newest
    /// [`MAX_NEW_DOCUMENTS`]; none for a briefing recorded before the store kept its last
    /// document), else none.
    #[allow(clippy::type_complexity)]
    fn changes_since(
        &self,
        config: &ReportConfig,
    ) -> Result<(Option<ChangesSince>, Vec<Alert>, Option<HashSet<DocId>>), EngineError> {
        if let Some(day) = config.since {
            let stored = self.store.alerts()?;
            let ids: Vec<DocId> = stored
                .iter()
                .map(|a| a.alert.doc.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let published: HashMap<DocId, Option<NaiveDate>> = self
                .store
                .doc_headers(&ids)?
                .into_iter()
                .map(|h| (h.id, h.published))
                .collect();
            let alerts = stored
                .into_iter()
                .filter(|a| {
                    published
                        .get(&a.alert.doc)
                        .copied()
                        .flatten()
                        .is_some_and(|p| p >= day)
                })
                .map(|a| a.alert)
                .collect();
            return Ok((Some(ChangesSince::Date(day)), alerts, None));
        }
        let Some(last) = self.store.last_briefing()? else {
            return Ok((None, Vec::new(), None));
        };
        let day = chrono::DateTime::parse_from_rfc3339(&last.written_at)
            .map(|t| t.date_naive())
            .map_err(|e| {
                EngineError::Inconsistent(format!(
                    "briefing {} is recorded as written at {:?}: {e}",
                    last.id, last.written_at
                ))
            })?;
        let alerts = self
            .store
            .alerts()?
            .into_iter()
            .filter(|a| a.seq > last.last_alert)
            .map(|a| a.alert)
            .collect();
        let new_docs = match last.last_doc {
            Some(seen) => Some(
                self.store
                    .documents_since(seen, MAX_NEW_DOCUMENTS)?
                    .into_iter()
                    .collect(),
            ),
            None => None,
        };
        Ok((Some(ChangesSince::LastBriefing(day)), alerts, new_docs))
    }

    /// Records that a briefing was written (needs a store opened with [`Engine::open`]), with
    /// `mark`, how far it read the store ([`Engine::briefing_marked`]): the next one says what
    /// changed since.
    pub fn record_briefing(
        &self,
        format: ReportFormat,
        config: &ReportConfig,
        mark: &BriefingMark,
    ) -> Result<BriefingRecord, EngineError> {
        let focus = [
            config.since.map(|d| format!("published since {d}")),
            config
                .entity
                .as_ref()
                .map(|e| format!("about {}", e.trim())),
            config.topic.as_ref().map(|t| format!("on {}", t.trim())),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
        let run = BriefingRun {
            format: match format {
                ReportFormat::Markdown => "markdown",
                ReportFormat::Html => "html",
                ReportFormat::Json => "json",
            }
            .to_string(),
            focus: (!focus.is_empty()).then(|| focus.join(", ")),
        };
        Ok(self.store.record_briefing(&run, mark)?)
    }

    /// Writes the briefing over the store (see [`Engine::briefing`]).
    pub fn report(
        &self,
        format: ReportFormat,
        config: &ReportConfig,
    ) -> Result<String, EngineError> {
        Ok(self.report_marked(format, config)?.0)
    }

    /// Writes the briefing over the store, with how far it read it (what
    /// [`Engine::record_briefing`] records; see [`Engine::briefing_marked`]).
    pub fn report_marked(
        &self,
        format: ReportFormat,
        config: &ReportConfig,
    ) -> Result<(String, BriefingMark), EngineError> {
        let (briefing, mark) = self.briefing_marked(config)?;
        let text = match format {
            ReportFormat::Markdown => sinew_report::render_markdown(&briefing),
            ReportFormat::Html => sinew_report::render_html(&briefing),
            ReportFormat::Json => sinew_report::render_json(&briefing),
        };
        Ok((text, mark))
    }

    /// The documents a briefing reads whole: every stored one up to [`REPORT_DOCUMENTS`];
    /// beyond, those the findings' lines cite, then the most recently stored up to that number.
    fn report_documents(&self, findings: &Findings<'_>) -> Result<Vec<Document>, EngineError> {
        if findings.documents <= REPORT_DOCUMENTS {
            return Ok(self.store.documents()?);
        }
        let mut chosen = sinew_report::cited_documents(findings);
        // `fingerprints` lists documents in the order they were stored, without their text
        // (those too short to fingerprint are left out: they hold little worth quoting).
        let stored = self.store.fingerprints()?;
        for f in stored.into_iter().rev() {
            if chosen.len() >= REPORT_DOCUMENTS {
                break;
            }
            chosen.insert(f.id);
        }
        let mut docs = Vec::with_capacity(chosen.len());
        for id in chosen {
            docs.push(self.store.document(&id)?.ok_or_else(|| {
                EngineError::Inconsistent(format!("the briefing cites missing document {id}"))
            })?);
        }
        Ok(docs)
    }
}
