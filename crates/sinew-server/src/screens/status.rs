//! What is in the store, and what has changed? The status screen (counts of what is stored,
//! documents awaiting analysis, the search index, whether writes are open, the last alert)
//! and the alerts screen (every stored alert, newest first, each linking to the document
//! that raised it).
//!
//! Failures by input are not kept by the store (an ingest reports them on stderr and in its
//! summary, `POST /api/ingest` included), so the status says so instead of showing none.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, Json};
use serde::Serialize;
use sinew_types::DocId;

use crate::error::PageError;
use crate::params::Params;
use crate::render::html;
use crate::{AppState, ServerError};

/// Alerts listed at most (newest first); `total` counts them all.
const MAX_ALERTS: usize = 500;

#[derive(Debug, Serialize)]
pub(crate) struct StatusView {
    documents: u64,
    mentions: u64,
    quantities: u64,
    times: u64,
    claims: u64,
    entities: usize,
    pending_analysis: usize,
    alerts: usize,
    last_alert: Option<String>,
    /// Documents in the search index; `None` when no index is open.
    indexed: Option<u64>,
    writes: bool,
    failures: &'static str,
}

pub(crate) fn view(state: &AppState) -> Result<StatusView, ServerError> {
    let engine = state.engine();
    let stats = engine.stats()?;
    let alerts = engine
        .store()
        .alerts()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let indexed = state.search().map(|s| s.len()).transpose()?;
    Ok(StatusView {
        documents: stats.documents,
        mentions: stats.mentions,
        quantities: stats.quantities,
        times: stats.times,
        claims: stats.claims,
        entities: engine.entities()?.len(),
        pending_analysis: engine.pending_analysis()?,
        alerts: alerts.len(),
        last_alert: alerts.last().map(|a| a.raised_at.clone()),
        indexed,
        writes: state.token().is_some(),
        failures: "not kept by the store: each ingest reports its failed inputs itself",
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct AlertsView {
    total: usize,
    kind: Option<String>,
    alerts: Vec<AlertRow>,
}

#[derive(Debug, Serialize)]
struct AlertRow {
    seq: u64,
    raised_at: String,
    kind: &'static str,
    subject: Option<String>,
    object: Option<String>,
    message: String,
    doc: DocId,
    source: String,
    href: String,
}

pub(crate) fn alerts(state: &AppState, params: &Params) -> Result<AlertsView, ServerError> {
    let kind = params.get("kind").map(str::to_string);
    if let Some(k) = &kind {
        if sinew_engine::AlertKind::parse(k).is_none() {
            return Err(ServerError::bad(
                "kind",
                format!("{k:?} is not an alert kind"),
            ));
        }
    }
    let store = state.engine().store();
    let mut stored = store
        .alerts()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    stored.retain(|a| kind.as_deref().is_none_or(|k| a.alert.kind.as_str() == k));
    let total = stored.len();
    stored.reverse();
    stored.truncate(MAX_ALERTS);
    let mut sources: HashMap<DocId, String> = HashMap::new();
    let mut rows = Vec::with_capacity(stored.len());
    for a in stored {
        if !sources.contains_key(&a.alert.doc) {
            let name = store
                .document(&a.alert.doc)
                .map_err(|e| ServerError::Internal(e.to_string()))?
                .map_or_else(|| a.alert.doc.0.clone(), |d| d.source);
            sources.insert(a.alert.doc.clone(), name);
        }
        rows.push(AlertRow {
            seq: a.seq,
            raised_at: a.raised_at,
            kind: a.alert.kind.as_str(),
            subject: a.alert.subject,
            object: a.alert.object,
            message: a.alert.message,
            source: sources[&a.alert.doc].clone(),
            href: format!("/doc/{}", crate::params::encode(&a.alert.doc.0)),
            doc: a.alert.doc,
        });
    }
    Ok(AlertsView {
        total,
        kind,
        alerts: rows,
    })
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage<'a> {
    v: &'a StatusView,
}

impl StatusPage<'_> {
    fn title(&self) -> String {
        "Status".to_string()
    }
}

#[derive(Template)]
#[template(path = "alerts.html")]
struct AlertsPage<'a> {
    v: &'a AlertsView,
    json: String,
}

impl AlertsPage<'_> {
    fn title(&self) -> String {
        "Alerts".to_string()
    }
}

pub(crate) async fn api(State(state): State<AppState>) -> Result<Json<StatusView>, ServerError> {
    state.blocking(view).await.map(Json)
}

pub(crate) async fn page(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let v = state.blocking(view).await?;
    Ok(html(&StatusPage { v: &v }))
}

/// The front page is the status: what the store holds, with the way into every screen.
pub(crate) async fn home(state: State<AppState>) -> Result<Html<String>, PageError> {
    page(state).await
}

pub(crate) async fn alerts_api(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<AlertsView>, ServerError> {
    let params = Params::parse(q.as_deref());
    state.blocking(move |s| alerts(s, &params)).await.map(Json)
}

pub(crate) async fn alerts_page(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Html<String>, PageError> {
    let json = format!("/api/alerts?{}", q.clone().unwrap_or_default());
    let params = Params::parse(q.as_deref());
    let v = state.blocking(move |s| alerts(s, &params)).await?;
    Ok(html(&AlertsPage { v: &v, json }))
}
