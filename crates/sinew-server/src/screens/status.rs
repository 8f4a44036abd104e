//! What is in the store, and what has changed? The status screen (counts of what is stored,
//! documents awaiting analysis, the search index, whether writes are open, the last alert,
//! the last ingest run and the inputs ingest could not read, newest first) and the alerts
//! screen (every stored alert, newest first, each linking to the document that raised it and
//! naming the alert rules it matches; `?rule=ID` keeps the alerts of one rule).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, Json};
use serde::Serialize;
use sinew_types::{Alert, DocId};

use crate::error::PageError;
use crate::params::Params;
use crate::render::html;
use crate::screens::rules::{self, RuleRow};
use crate::{AppState, ServerError};

/// Alerts listed at most (newest first); `total` counts them all.
const MAX_ALERTS: usize = 500;

/// Failed inputs listed at most (newest first); `ingest.failures` counts them all.
const MAX_FAILURES: usize = 50;

#[derive(Debug, Serialize)]
pub(crate) struct StatusView {
    #[serde(flatten)]
    stored: StoreStatus,
    /// Documents in the search index; `None` when no index is open.
    indexed: Option<u64>,
    writes: bool,
}

/// What the status says of the store: kept as a view (`AppState::store_status`), since it
/// changes only with the store's revision.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StoreStatus {
    documents: u64,
    mentions: u64,
    quantities: u64,
    times: u64,
    claims: u64,
    entities: u64,
    pending_analysis: usize,
    alerts: u64,
    last_alert: Option<String>,
    ingest: IngestStatus,
}

/// The ingest runs' record: the last run, and the failed inputs, newest first.
#[derive(Debug, Clone, Serialize)]
struct IngestStatus {
    runs: u64,
    last_run: Option<RunRow>,
    /// Failures over every run, and how many distinct inputs they name.
    failures: u64,
    failed_inputs: u64,
    /// The most recent, newest first, at most [`MAX_FAILURES`].
    recent: Vec<FailureRow>,
}

#[derive(Debug, Clone, Serialize)]
struct RunRow {
    id: u64,
    finished_at: String,
    origin: String,
    inputs: u64,
    documents: u64,
    inserted: u64,
    failed: u64,
    elapsed_ms: u64,
}

#[derive(Debug, Clone, Serialize)]
struct FailureRow {
    run: u64,
    failed_at: String,
    input: String,
    error: String,
}

fn ingest_status(state: &AppState) -> Result<IngestStatus, ServerError> {
    let log = state
        .engine()
        .store()
        .ingest_log(MAX_FAILURES)
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    Ok(IngestStatus {
        runs: log.runs,
        last_run: log.last_run.map(|r| RunRow {
            id: r.id,
            finished_at: r.finished_at,
            origin: r.run.origin,
            inputs: r.run.inputs,
            documents: r.run.documents,
            inserted: r.run.inserted,
            failed: r.failed,
            elapsed_ms: r.run.elapsed_ms,
        }),
        failures: log.failures,
        failed_inputs: log.failed_inputs,
        recent: log
            .recent
            .into_iter()
            .map(|f| FailureRow {
                run: f.run,
                failed_at: f.failed_at,
                input: f.failure.input,
                error: f.failure.error,
            })
            .collect(),
    })
}

/// The store's part of the status, read afresh: counts the store keeps (`Store::stats`,
/// `Store::alert_count`, `Store::entity_count`), so no call reads every mention, alert or
/// entity.
pub(crate) fn store_status(state: &AppState) -> Result<StoreStatus, ServerError> {
    let engine = state.engine();
    let stats = engine.stats()?;
    let (alerts, last_alert) = engine
        .store()
        .alert_count()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    Ok(StoreStatus {
        documents: stats.documents,
        mentions: stats.mentions,
        quantities: stats.quantities,
        times: stats.times,
        claims: stats.claims,
        entities: engine
            .store()
            .entity_count()
            .map_err(|e| ServerError::Internal(e.to_string()))?,
        pending_analysis: engine.pending_analysis()?,
        alerts,
        last_alert,
        ingest: ingest_status(state)?,
    })
}

pub(crate) fn view(state: &AppState) -> Result<StatusView, ServerError> {
    let stored = state.store_status()?;
    let indexed = state.search().map(|s| s.len()).transpose()?;
    Ok(StatusView {
        stored: StoreStatus::clone(&stored),
        indexed,
        writes: state.token().is_some(),
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct AlertsView {
    total: usize,
    kind: Option<String>,
    /// The rule the list is filtered by (`?rule=ID`).
    rule: Option<RuleRow>,
    /// Every rule, with how many stored alerts it matches.
    rules: Vec<RuleRow>,
    alerts: Vec<AlertRow>,
}

/// A rule an alert matches, as the alert's row names it.
#[derive(Debug, Serialize)]
struct RuleRef {
    id: u64,
    name: String,
    href: String,
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
    /// The rules it matches.
    rules: Vec<RuleRef>,
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
    let rule_id = params.number::<u64>("rule")?;
    let store = state.engine().store();
    let mut stored = store
        .alerts()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let rules = rules::stored_rules(state)?;
    let all: Vec<Alert> = stored.iter().map(|a| a.alert.clone()).collect();
    let rows: Vec<RuleRow> = rules.iter().map(|r| rules::row(r, &all)).collect();
    let rule = match rule_id {
        Some(id) => {
            Some(
                rules
                    .iter()
                    .find(|r| r.id == id)
                    .ok_or_else(|| ServerError::NotFound {
                        what: "alert rule",
                        name: id.to_string(),
                    })?,
            )
        }
        None => None,
    };
    stored.retain(|a| {
        kind.as_deref().is_none_or(|k| a.alert.kind.as_str() == k)
            && rule.is_none_or(|r| rules::matches(&r.rule, &a.alert))
    });
    let total = stored.len();
    stored.reverse();
    stored.truncate(MAX_ALERTS);
    let mut sources: HashMap<DocId, String> = HashMap::new();
    let mut alert_rows = Vec::with_capacity(stored.len());
    for a in stored {
        if !sources.contains_key(&a.alert.doc) {
            let name = store
                .document(&a.alert.doc)
                .map_err(|e| ServerError::Internal(e.to_string()))?
                .map_or_else(|| a.alert.doc.0.clone(), |d| d.source);
            sources.insert(a.alert.doc.clone(), name);
        }
        let matched = rules
            .iter()
            .filter(|r| rules::matches(&r.rule, &a.alert))
            .map(|r| RuleRef {
                id: r.id,
                name: r.rule.name.clone(),
                href: format!("/alerts?rule={}", r.id),
            })
            .collect();
        alert_rows.push(AlertRow {
            rules: matched,
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
    let rule = rule.map(|r| rows.iter().find(|row| row.id == r.id).cloned());
    Ok(AlertsView {
        total,
        kind,
        rule: rule.flatten(),
        rules: rows,
        alerts: alert_rows,
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
    /// Whether the server takes writes: the rule forms are shown only then.
    writes: bool,
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
    let writes = state.token().is_some();
    let v = state.blocking(move |s| alerts(s, &params)).await?;
    Ok(html(&AlertsPage {
        v: &v,
        json,
        writes,
    }))
}
