//! What do the articles say about one actor? The entity page: type, aliases, the description
//! with its citation, the figures about it (each beside its sentence, linking into the
//! viewer), the flows and dependencies it takes part in, the events it is an actor of (merged
//! across documents as `sinew events` merges them, each citing its first report's sentence),
//! and a timeline of its mentions by publication month, with a link that opens the network at
//! it.
//!
//! The timeline counts documents that mention it, from the search index's entity facet when
//! an index is open (every mention, any store size); without one, it counts the documents of
//! the figures about it, and says so (`timeline_basis`).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, State};
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sinew_engine::EntitySummary;
use sinew_search::{Filters, Scope, SearchQuery};
use sinew_store::DocHeader;
use sinew_types::DocId;

use super::Cite;
use crate::error::PageError;
use crate::params::encode;
use crate::render::{entity_href, figure};
use crate::{AppState, ServerError};

/// Figures listed on the page at most (the JSON twin gives the same list); `total_figures`
/// counts them all.
const MAX_FIGURES: usize = 200;
/// Events listed on the page at most, latest first; `total_events` counts them all.
const MAX_EVENTS: usize = 200;

#[derive(Debug, Serialize)]
struct EntityView {
    name: String,
    entity_type: &'static str,
    id: String,
    country: Option<String>,
    sector: Option<&'static str>,
    mentions: u64,
    documents: u64,
    aliases: Vec<(String, u64)>,
    description: Option<Described>,
    total_figures: usize,
    figures: Vec<FigureAbout>,
    flows: Vec<FlowAbout>,
    dependencies: Vec<DependencyAbout>,
    total_events: usize,
    events: Vec<EventAbout>,
    timeline: Vec<(NaiveDate, u64)>,
    timeline_basis: &'static str,
    network_href: String,
}

#[derive(Debug, Serialize)]
struct Described {
    text: String,
    cite: Cite,
}

#[derive(Debug, Serialize)]
struct FigureAbout {
    subject: Option<String>,
    object: Option<String>,
    measure: String,
    value: String,
    published: Option<NaiveDate>,
    sentence: String,
    cite: Cite,
}

#[derive(Debug, Serialize)]
struct FlowAbout {
    from: String,
    to: String,
    kind: &'static str,
    latest: Option<String>,
    sources: usize,
}

/// One event the entity is an actor of.
#[derive(Debug, Serialize)]
struct EventAbout {
    /// First and last day, when dated.
    date: Option<NaiveDate>,
    date_end: Option<NaiveDate>,
    /// PLOVER category, upper case.
    category: &'static str,
    /// The domain's name (`treaty_signing`), when it is one.
    kind: Option<&'static str>,
    source: Vec<String>,
    target: Vec<String>,
    /// `asserted`, `hedged`, `planned` or `denied`; `negated` apart.
    modality: &'static str,
    negated: bool,
    /// Independent documents telling it (copies once), and reports in all.
    documents: usize,
    reports: usize,
    /// The first report's sentence.
    cite: Cite,
}

#[derive(Debug, Serialize)]
struct DependencyAbout {
    dependent: String,
    supplier: String,
    goods: String,
    share: f64,
    current: bool,
}

fn build(state: &AppState, canonical: String) -> Result<EntityView, ServerError> {
    let engine = state.engine();
    let entities = state.entities()?;
    let summary: &EntitySummary = entities
        .exactly(&canonical)
        .ok_or_else(|| ServerError::Internal(format!("{canonical} resolved but is not listed")))?;
    let store = engine.store();
    let internal = |e: sinew_store::StoreError| ServerError::Internal(e.to_string());
    // The figures shown and the count of all, read by the entity's index: a much-cited actor
    // has figures in thousands. Without a search index the timeline is made from the
    // figures' documents, so then every figure is read.
    let filter = claim_filter(&canonical);
    let (total_figures, claims) = match state.search() {
        Some(_) => store.claims_page(&filter, MAX_FIGURES).map_err(internal)?,
        None => {
            let all = store.claims(&filter).map_err(internal)?;
            (all.len() as u64, all)
        }
    };
    // Documents are read by header (no text).
    let mut ids: Vec<DocId> = claims.iter().map(|c| c.doc.clone()).collect();
    ids.sort();
    ids.dedup();
    let headers: HashMap<DocId, DocHeader> = store
        .doc_headers(&ids)
        .map_err(internal)?
        .into_iter()
        .map(|h| (h.id.clone(), h))
        .collect();
    let mut by_month: BTreeMap<NaiveDate, std::collections::BTreeSet<&DocId>> = BTreeMap::new();
    for h in headers.values() {
        if let Some(p) = h.published {
            by_month.entry(month(p)).or_default().insert(&h.id);
        }
    }
    let shown = &claims[..claims.len().min(MAX_FIGURES)];
    let spans: Vec<(DocId, sinew_types::Span)> = shown
        .iter()
        .flat_map(|c| [(c.doc.clone(), c.span), (c.doc.clone(), c.sentence)])
        .collect();
    let words = store.span_words(&spans).map_err(internal)?;
    let mut figures = Vec::with_capacity(shown.len());
    for (c, pair) in shown.iter().zip(words.chunks(2)) {
        let (Some((source, quote)), sentence) = (&pair[0], &pair[1]) else {
            continue;
        };
        figures.push(FigureAbout {
            subject: c.subject.clone(),
            object: c.object.clone(),
            measure: c.measure.clone(),
            value: figure(
                c.quantity.value,
                c.quantity.unit.as_deref(),
                c.quantity.per.as_deref(),
            ),
            published: headers.get(&c.doc).and_then(|h| h.published),
            sentence: sentence.as_ref().map(|s| s.1.clone()).unwrap_or_default(),
            cite: Cite::new(&c.doc, c.span, source, quote),
        });
    }
    let (timeline, timeline_basis) = match state.search() {
        Some(index) => {
            let q = SearchQuery {
                text: String::new(),
                scope: Scope::Documents,
                filters: Filters {
                    entities: vec![canonical.clone()],
                    ..Filters::default()
                },
                offset: 0,
                limit: 0,
            };
            (
                index.search(&q)?.facets.months,
                "documents mentioning it (search index)",
            )
        }
        None => (
            by_month
                .into_iter()
                .map(|(m, d)| (m, d.len() as u64))
                .collect(),
            "documents with figures about it (no search index open)",
        ),
    };
    // Flows and shares only, of this actor only: read from the buckets whose flows name it
    // (`Engine::actor_outline`), not folded from the whole analysis (39 s and 3.8 GB at
    // 100k articles), nor with the words of every claim, tie and event the network cites.
    let network = engine.actor_outline(&canonical)?;
    let flows = network
        .flows
        .iter()
        .filter(|f| f.from == canonical || f.to == canonical)
        .map(|f| FlowAbout {
            from: f.from.clone(),
            to: f.to.clone(),
            kind: f.kind.as_str(),
            latest: f.volumes.first().map(|v| v.text.clone()),
            sources: f.sources,
        })
        .collect();
    let dependencies = network
        .dependencies
        .iter()
        .filter(|d| d.dependent == canonical || d.supplier == canonical)
        .map(|d| DependencyAbout {
            dependent: d.dependent.clone(),
            supplier: d.supplier.clone(),
            goods: d.goods.clone(),
            share: d.share,
            current: d.current,
        })
        .collect();
    let listed = engine
        .event_page(
            &sinew_engine::EventQuery {
                entity: Some(canonical.clone()),
                ..sinew_engine::EventQuery::default()
            },
            MAX_EVENTS,
        )
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let total_events = listed.total;
    let events = listed
        .events
        .iter()
        .map(|(e, first)| EventAbout {
            date: e.date,
            date_end: e.date_end,
            category: e.category.as_str(),
            kind: e.kind.map(|k| k.as_str()),
            source: e.source.clone(),
            target: e.target.clone(),
            modality: e.modality.as_str(),
            negated: e.negated,
            documents: e.documents,
            reports: e.reports.len(),
            cite: Cite::new(
                &first.doc,
                first.event.sentence,
                &first.source,
                &first.sentence,
            ),
        })
        .collect();
    let description = summary.description.as_ref().map(|d| Described {
        cite: Cite::new(
            &d.citation.doc,
            d.citation.span,
            &d.citation.source,
            &d.text,
        ),
        text: d.text.clone(),
    });
    Ok(EntityView {
        network_href: format!("/network?focus={}", encode(&canonical)),
        entity_type: summary.entity_type.as_str(),
        id: summary.id.clone(),
        country: summary.country.clone(),
        sector: summary.sector.map(|s| s.as_str()),
        mentions: summary.mentions,
        documents: summary.documents,
        aliases: summary
            .aliases
            .iter()
            .map(|a| (a.text.clone(), a.mentions))
            .collect(),
        description,
        total_figures: usize::try_from(total_figures).unwrap_or(usize::MAX),
        figures,
        flows,
        dependencies,
        total_events,
        events,
        timeline,
        timeline_basis,
        name: canonical,
    })
}

fn claim_filter(entity: &str) -> sinew_store::ClaimFilter {
    sinew_store::ClaimFilter {
        entity: Some(entity.to_string()),
        ..Default::default()
    }
}

fn month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage<'a> {
    v: &'a EntityView,
    hist: String,
    json: String,
}

impl EntityPage<'_> {
    fn title(&self) -> String {
        self.v.name.clone()
    }
    fn href(&self, name: &str) -> String {
        entity_href(name)
    }
}

/// An entity's page and JSON twin, written once per refresh of the view: under load,
/// writing a page of 200 figures costs more than everything else a cached request does.
pub(crate) struct Rendered {
    json: Bytes,
    html: Bytes,
}

fn render(v: EntityView) -> Result<Rendered, ServerError> {
    let json = serde_json::to_vec(&v)
        .map_err(|e| ServerError::Internal(format!("serialising {}: {e}", v.name)))?;
    let hist = super::search::histogram(&v.timeline, None);
    let page = EntityPage {
        v: &v,
        hist,
        json: format!("/api/entity/{}", encode(&v.name)),
    };
    let html = page
        .render()
        .map_err(|e| ServerError::Internal(format!("rendering {}: {e}", v.name)))?;
    Ok(Rendered {
        json: Bytes::from(json),
        html: Bytes::from(html),
    })
}

/// The rendered page of the entity `name` means, reused between requests (see `cache`):
/// a kept page at once, else built on the blocking pool.
async fn rendered(state: &AppState, name: String) -> Result<Arc<Rendered>, ServerError> {
    let st = state.clone();
    if let Some(kept) =
        state.entity_page_kept(&name, move |canonical| render(build(&st, canonical)?))
    {
        return Ok(kept);
    }
    state
        .blocking(move |s| {
            let canonical = s.resolve(&name)?;
            let st = s.clone();
            let named = canonical.clone();
            s.entity_page(&canonical, move || render(build(&st, named)?))
        })
        .await
}

pub(crate) async fn api(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ServerError> {
    let r = rendered(&state, name).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], r.json.clone()).into_response())
}

pub(crate) async fn page(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let r = rendered(&state, name).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        r.html.clone(),
    )
        .into_response())
}
