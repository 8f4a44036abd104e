//! Events across the store: the stored reports of PLOVER events, merged into the events that
//! happened (`sinew_analysis::merge_events`: one event, many reports), the political ties
//! they make for the network, and the events of documents stored before the store kept them,
//! read from their stored annotations at the next write run.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sinew_analysis::{EventReport, EventTie, MergedEvent};
use sinew_store::{EventFilter, StoredEvent};
use sinew_types::DocId;

use crate::{Engine, EngineError};

/// How many documents a backfill reads at a time, so memory follows a page.
const BACKFILL_PAGE: usize = 256;

/// Which events [`Engine::events`] lists; the default lists all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// A stored canonical entity name ([`Engine::resolve_entity`]) that must be an actor; a
    /// country matches its people and bodies too (any actor with its ISO3 code).
    pub entity: Option<String>,
    /// Only events reaching this day or later (undated events are left out).
    pub from: Option<NaiveDate>,
    /// Only events beginning on this day or earlier (undated events are left out).
    pub to: Option<NaiveDate>,
}

/// Events across documents: each merged event with the reports telling it.
#[derive(Debug, Clone, Default)]
pub struct EventsView {
    /// The events, earliest first (undated last); their `reports` index [`EventsView::reports`].
    pub events: Vec<MergedEvent>,
    /// Every report, in store order, with its document's name and its sentence's words.
    pub reports: Vec<StoredEvent>,
}

/// The latest of the events a query selects, each with the report that cites it.
#[derive(Debug, Clone, Default)]
pub struct EventPage {
    /// Events the query selects in all.
    pub total: usize,
    /// The latest `limit` of them, latest first (in the reverse of [`EventsView::events`]'s
    /// order), each with its first report, the sentence's words included.
    pub events: Vec<(MergedEvent, StoredEvent)>,
}

impl Engine {
    /// The stored events `query` selects, merged across documents (one event, many reports;
    /// copies of a story count once).
    pub fn events(&self, query: &EventQuery) -> Result<EventsView, EngineError> {
        let reports = self.store.events(&event_filter(query))?;
        let events = merge(&reports);
        Ok(EventsView { events, reports })
    }

    /// The latest `limit` events of [`Engine::events`] with the count of all, as an entity
    /// page lists them. Merging needs every report, but not their words: the reports are
    /// read without their sentences (`Store::event_reports`, found by the actor index), and
    /// only the shown events' citing sentences are cut from their documents, so the page
    /// reads a few documents' text rather than every reporting one's.
    pub fn event_page(&self, query: &EventQuery, limit: usize) -> Result<EventPage, EngineError> {
        let mut reports = self.store.event_reports(&event_filter(query))?;
        let events = merge(&reports);
        let total = events.len();
        let shown: Vec<(MergedEvent, usize)> = events
            .into_iter()
            .rev()
            .filter_map(|e| {
                let first = *e.reports.first()?;
                Some((e, first))
            })
            .take(limit)
            .collect();
        // Words only where the store left them out (a store may give them anyway).
        let missing: Vec<usize> = shown
            .iter()
            .map(|(_, r)| *r)
            .filter(|&r| reports[r].sentence.is_empty())
            .collect();
        let spans: Vec<(DocId, sinew_types::Span)> = missing
            .iter()
            .map(|&r| (reports[r].doc.clone(), reports[r].event.sentence))
            .collect();
        let words = self.store.span_words(&spans)?;
        for (r, found) in missing.into_iter().zip(words) {
            if let Some((_, sentence)) = found {
                reports[r].sentence = sentence;
            }
        }
        let events = shown
            .into_iter()
            .map(|(e, r)| (e, reports[r].clone()))
            .collect();
        Ok(EventPage { total, events })
    }

    /// Reads and stores the events of documents stored before the store kept events, a page
    /// at a time; returns how many documents were read. Runs with every write run's analysis.
    pub(crate) fn finish_events(&self) -> Result<usize, EngineError> {
        let mut done = 0;
        loop {
            let page = self.store.events_pending(BACKFILL_PAGE)?;
            if page.is_empty() {
                return Ok(done);
            }
            let mut items: Vec<(DocId, Vec<sinew_types::Event>)> = Vec::with_capacity(page.len());
            for id in page {
                let events = match (self.store.document(&id)?, self.store.annotations(&id)?) {
                    (Some(doc), Some(ann)) if ann.events.is_empty() => {
                        sinew_nlp::find_events(&doc.text, &ann)
                    }
                    (_, Some(ann)) => ann.events,
                    _ => Vec::new(),
                };
                items.push((id, events));
            }
            done += items.len();
            self.store.put_events(&items)?;
        }
    }
}

/// The store's filter for a query: an entity is matched by name, and a country by its
/// ISO3 code too (its people and bodies).
fn event_filter(query: &EventQuery) -> EventFilter {
    let mut filter = EventFilter {
        from: query.from,
        to: query.to,
        ..EventFilter::default()
    };
    if let Some(entity) = &query.entity {
        filter.entities.push(entity.clone());
        if let Some((_, iso3)) = sinew_nlp::iso_codes(entity) {
            filter.countries.push(iso3.to_string());
        }
    }
    filter
}

/// The names states are counted under, for the ISO3 codes the reports' actors carry.
fn country_names(reports: &[EventReport]) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for r in reports {
        for a in r.event.source.iter().chain(&r.event.target) {
            if let Some(code) = &a.country {
                if !names.contains_key(code) {
                    if let Some(name) = sinew_nlp::country_name(code) {
                        names.insert(code.clone(), name.to_string());
                    }
                }
            }
        }
    }
    names
}

fn analysis_reports(reports: &[StoredEvent]) -> Vec<EventReport> {
    reports
        .iter()
        .map(|r| EventReport {
            doc: r.doc.clone(),
            ord: r.ord,
            published: r.published,
            duplicate_of: r.duplicate_of.clone(),
            event: r.event.clone(),
        })
        .collect()
}

/// Reports merged into events, states named as the knowledge base names them.
pub(crate) fn merge_reports(reports: &[EventReport]) -> Vec<MergedEvent> {
    sinew_analysis::merge_events(reports, &country_names(reports))
}

/// The stored reports merged into events.
pub(crate) fn merge(reports: &[StoredEvent]) -> Vec<MergedEvent> {
    merge_reports(&analysis_reports(reports))
}

/// The political ties of the stored reports' events.
pub(crate) fn ties(reports: &[StoredEvent]) -> Vec<EventTie> {
    let plain = analysis_reports(reports);
    let merged = merge_reports(&plain);
    sinew_analysis::event_ties(&plain, &merged)
}

/// The ends of event ties that no actor of the network is (no claim names them), as actors
/// with no claims, so every tie's ends are nodes; a name the store does not know is a country
/// when it is one. The network itself is left as analysis folded it.
pub(crate) fn tie_actors(
    network: &sinew_analysis::Network,
    ties: &[EventTie],
    known: &[sinew_analysis::ActorInfo],
) -> Vec<sinew_analysis::Actor> {
    let mut have: std::collections::BTreeSet<String> = network
        .actors
        .iter()
        .map(|a| a.name.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for name in ties.iter().flat_map(|t| [&t.from, &t.to]) {
        if !have.insert(name.to_lowercase()) {
            continue;
        }
        let info = known.iter().find(|a| a.name.eq_ignore_ascii_case(name));
        let entity_type = match info {
            Some(a) => a.entity_type,
            None if sinew_nlp::iso_codes(name).is_some() => sinew_types::EntityType::Country,
            None => sinew_types::EntityType::Other,
        };
        out.push(sinew_analysis::Actor {
            id: sinew_analysis::node_id(name),
            name: name.clone(),
            entity_type,
            country: info
                .and_then(|a| a.country.clone())
                .filter(|_| entity_type != sinew_types::EntityType::Country),
            claims: 0,
        });
    }
    out
}
