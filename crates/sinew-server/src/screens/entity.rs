//! What do the articles say about one actor? The entity page: type, aliases, the description
//! with its citation, the figures about it (each beside its sentence, linking into the
//! viewer), the flows and dependencies it takes part in, and a timeline of its mentions by
//! publication month, with a link that opens the network at it.
//!
//! The timeline counts documents that mention it, from the search index's entity facet when
//! an index is open (every mention, any store size); without one, it counts the documents of
//! the figures about it, and says so (`timeline_basis`).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Json};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sinew_engine::EntitySummary;
use sinew_search::{Filters, Scope, SearchQuery};
use sinew_types::{DocId, Document};

use super::Cite;
use crate::error::PageError;
use crate::params::encode;
use crate::render::{entity_href, figure, html};
use crate::{AppState, ServerError};

/// Figures listed on the page at most (the JSON twin gives the same list); `total_figures`
/// counts them all.
const MAX_FIGURES: usize = 200;

#[derive(Debug, Serialize)]
pub(crate) struct EntityView {
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

#[derive(Debug, Serialize)]
struct DependencyAbout {
    dependent: String,
    supplier: String,
    goods: String,
    share: f64,
    current: bool,
}

pub(crate) fn view(state: &AppState, name: &str) -> Result<EntityView, ServerError> {
    let engine = state.engine();
    let canonical = engine.resolve_entity(name)?;
    let summary: EntitySummary = engine
        .entities()?
        .into_iter()
        .find(|e| e.canonical == canonical)
        .ok_or_else(|| ServerError::Internal(format!("{canonical} resolved but is not listed")))?;
    let store = engine.store();
    let claims = store
        .claims(&claim_filter(&canonical))
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let mut docs: HashMap<DocId, Document> = HashMap::new();
    let mut figures = Vec::new();
    let mut by_month: BTreeMap<NaiveDate, std::collections::BTreeSet<DocId>> = BTreeMap::new();
    for c in &claims {
        if !docs.contains_key(&c.doc) {
            if let Some(d) = store
                .document(&c.doc)
                .map_err(|e| ServerError::Internal(e.to_string()))?
            {
                docs.insert(c.doc.clone(), d);
            }
        }
        let Some(d) = docs.get(&c.doc) else { continue };
        if let Some(p) = d.published {
            by_month.entry(month(p)).or_default().insert(d.id.clone());
        }
        if figures.len() < MAX_FIGURES {
            figures.push(FigureAbout {
                subject: c.subject.clone(),
                object: c.object.clone(),
                measure: c.measure.clone(),
                value: figure(
                    c.quantity.value,
                    c.quantity.unit.as_deref(),
                    c.quantity.per.as_deref(),
                ),
                published: d.published,
                sentence: c.sentence.slice(&d.text).unwrap_or_default().to_string(),
                cite: Cite::new(
                    &c.doc,
                    c.span,
                    &d.source,
                    c.span.slice(&d.text).unwrap_or_default(),
                ),
            });
        }
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
    let network = engine.network()?.network;
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
    let description = summary.description.map(|d| Described {
        cite: Cite::new(
            &d.citation.doc,
            d.citation.span,
            &d.citation.source,
            &d.text,
        ),
        text: d.text,
    });
    Ok(EntityView {
        network_href: format!("/network?focus={}", encode(&canonical)),
        entity_type: summary.entity_type.as_str(),
        id: summary.id,
        country: summary.country,
        sector: summary.sector.map(|s| s.as_str()),
        mentions: summary.mentions,
        documents: summary.documents,
        aliases: summary
            .aliases
            .into_iter()
            .map(|a| (a.text, a.mentions))
            .collect(),
        description,
        total_figures: claims.len(),
        figures,
        flows,
        dependencies,
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

pub(crate) async fn api(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<EntityView>, ServerError> {
    state.blocking(move |s| view(s, &name)).await.map(Json)
}

pub(crate) async fn page(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Html<String>, PageError> {
    let json = format!("/api/entity/{}", encode(&name));
    let v = state.blocking(move |s| view(s, &name)).await?;
    let hist = super::search::histogram(&v.timeline, None);
    Ok(html(&EntityPage { v: &v, hist, json }))
}
