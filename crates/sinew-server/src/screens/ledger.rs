//! Which figures do the sources agree on, and where do they disagree? The figures ledger:
//! groups of claims stating the same figure with their verdict (agree, conflict, update),
//! filtered by the URL (`entity`, `measure`, `from`, `to`, `verdict`, `min_sources`,
//! `page`); a group's page shows each claim beside its sentence; the export
//! (`/api/ledger.csv`, `/api/ledger` for JSON) writes every group the same filters keep,
//! one row a claim.
//!
//! The ledger behind a filter (and the unfiltered one behind every group page) is folded
//! once and reused as `cache.rs` says, refreshed in the background when stale: a fold of a
//! large store takes seconds, a page of it microseconds.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Json, Response};
use chrono::NaiveDate;
use serde::Serialize;
use sinew_engine::{LedgerCitedView, LedgerFilter, LedgerGroup, Verdict};

use super::Cite;
use crate::error::PageError;
use crate::params::{query_string, Params};
use crate::render::{figure, html};
use crate::{AppState, ServerError};

/// Groups on one page of the screen (the exports write every group).
const PAGE_SIZE: usize = 50;

#[derive(Debug, Serialize)]
pub(crate) struct LedgerView {
    total: usize,
    page: usize,
    groups: Vec<GroupView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    id: String,
    href: String,
    subject: Option<String>,
    object: Option<String>,
    measure: String,
    unit: Option<String>,
    per: Option<String>,
    kind: &'static str,
    verdict: &'static str,
    consensus: String,
    sources: usize,
    period: Option<(NaiveDate, Option<NaiveDate>)>,
    explanation: String,
    claims: Vec<ClaimInGroup>,
}

#[derive(Debug, Serialize)]
struct ClaimInGroup {
    cite: Cite,
    as_of: Option<NaiveDate>,
    note: String,
    /// The sentence holding the figure (on the group's page only).
    sentence: Option<String>,
}

fn filter(params: &Params) -> Result<LedgerFilter, ServerError> {
    let verdict = params
        .get("verdict")
        .map(|v| {
            Verdict::parse(v).ok_or_else(|| {
                ServerError::bad("verdict", format!("{v:?} is not agree, conflict or update"))
            })
        })
        .transpose()?;
    Ok(LedgerFilter {
        entity: params.get("entity").map(str::to_string),
        measure: params.get("measure").map(str::to_string),
        from: params.date("from")?,
        to: params.date("to")?,
        verdict,
        min_sources: params.number("min_sources")?.unwrap_or(0),
    })
}

/// The cache key of a filter: equal filters, equal keys (the page is not part of it: every
/// page of a filter shares one ledger).
fn filter_key(f: &LedgerFilter) -> String {
    format!("{f:?}")
}

fn group_view(g: &LedgerGroup, view: &LedgerCitedView) -> GroupView {
    let c = &g.consensus;
    let consensus = match (&c.vague, c.value) {
        // No source gives a number: the sources' words, quoted.
        (Some(words), _) => format!("“{words}” (no figure given)"),
        (None, Some(v)) => figure(v, g.unit.as_deref(), g.per.as_deref()),
        (None, None) => format!(
            "{} to {}",
            figure(c.low, g.unit.as_deref(), g.per.as_deref()),
            figure(c.high, g.unit.as_deref(), g.per.as_deref())
        ),
    };
    GroupView {
        id: g.id.clone(),
        href: format!("/ledger/{}", crate::params::encode(&g.id)),
        subject: g.subject.clone(),
        object: g.object.clone(),
        measure: g.measure.clone(),
        unit: g.unit.clone(),
        per: g.per.clone(),
        kind: g.kind.as_str(),
        verdict: g.verdict.as_str(),
        consensus,
        sources: g.sources,
        period: g.period,
        explanation: g.explanation.clone(),
        claims: g
            .claims
            .iter()
            .filter_map(|m| {
                let c = view.claims.get(m.claim)?;
                Some(ClaimInGroup {
                    cite: Cite::new(&c.doc, c.span, &c.source, &c.quote),
                    as_of: m.as_of,
                    note: m.note.clone(),
                    sentence: None,
                })
            })
            .collect(),
    }
}

/// Every group the filter keeps (the exports), or one page of them (`page`).
pub(crate) fn view(
    state: &AppState,
    params: &Params,
    paged: bool,
) -> Result<LedgerView, ServerError> {
    let f = filter(params)?;
    let page = params.number::<usize>("page")?.unwrap_or(1).max(1);
    let cited = state.ledger(filter_key(&f), f)?;
    let total = cited.ledger.groups.len();
    let chosen: Box<dyn Iterator<Item = &LedgerGroup>> = if paged {
        Box::new(
            cited
                .ledger
                .groups
                .iter()
                .skip((page - 1).saturating_mul(PAGE_SIZE))
                .take(PAGE_SIZE),
        )
    } else {
        Box::new(cited.ledger.groups.iter())
    };
    let groups = chosen.map(|g| group_view(g, &cited)).collect();
    Ok(LedgerView {
        total,
        page,
        groups,
    })
}

/// One group with each claim's sentence.
pub(crate) fn group(state: &AppState, id: &str) -> Result<GroupView, ServerError> {
    let all = LedgerFilter::default();
    let cited = state.ledger(filter_key(&all), all)?;
    let g = cited
        .ledger
        .groups
        .iter()
        .find(|g| g.id == id)
        .ok_or_else(|| ServerError::NotFound {
            what: "ledger group",
            name: id.to_string(),
        })?;
    let mut v = group_view(g, &cited);
    let store = state.engine().store();
    for c in &mut v.claims {
        let doc = store
            .document(&c.cite.doc)
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let ann = store
            .annotations(&c.cite.doc)
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        if let (Some(doc), Some(ann)) = (doc, ann) {
            c.sentence = ann
                .sentences
                .iter()
                .find(|s| s.span.start <= c.cite.start && c.cite.end <= s.span.end)
                .and_then(|s| s.span.slice(&doc.text))
                .map(str::to_string);
        }
    }
    Ok(v)
}

/// The CSV export: one row a claim of every kept group.
fn to_csv(v: &LedgerView) -> String {
    let mut out = String::from(
        "group,verdict,subject,object,measure,unit,per,kind,consensus,sources,doc,start,end,source,quote,as_of\n",
    );
    for g in &v.groups {
        for c in &g.claims {
            let row = [
                g.id.clone(),
                g.verdict.to_string(),
                g.subject.clone().unwrap_or_default(),
                g.object.clone().unwrap_or_default(),
                g.measure.clone(),
                g.unit.clone().unwrap_or_default(),
                g.per.clone().unwrap_or_default(),
                g.kind.to_string(),
                g.consensus.clone(),
                g.sources.to_string(),
                c.cite.doc.0.clone(),
                c.cite.start.to_string(),
                c.cite.end.to_string(),
                c.cite.source.clone(),
                c.cite.quote.clone(),
                c.as_of.map(|d| d.to_string()).unwrap_or_default(),
            ];
            let cells: Vec<String> = row.iter().map(|s| csv_cell(s)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    out
}

/// RFC 4180 quoting; a cell starting with `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet does not run article words as a formula.
fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[derive(Template)]
#[template(path = "ledger.html")]
struct LedgerPage<'a> {
    v: &'a LedgerView,
    entity: String,
    measure: String,
    from: String,
    to: String,
    verdict: String,
    min_sources: String,
    csv: String,
    json: String,
    next: Option<String>,
    prev: Option<String>,
}

impl LedgerPage<'_> {
    fn title(&self) -> String {
        "Figures ledger".to_string()
    }
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage<'a> {
    g: &'a GroupView,
    json: String,
}

impl GroupPage<'_> {
    fn title(&self) -> String {
        format!(
            "{} {}",
            self.g.subject.as_deref().unwrap_or(""),
            self.g.measure
        )
    }
}

pub(crate) async fn api(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<LedgerView>, ServerError> {
    let params = Params::parse(q.as_deref());
    let paged = params.get("page").is_some();
    state
        .blocking(move |s| view(s, &params, paged))
        .await
        .map(Json)
}

pub(crate) async fn csv(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ServerError> {
    let params = Params::parse(q.as_deref());
    let v = state.blocking(move |s| view(s, &params, false)).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"ledger.csv\"",
            ),
        ],
        to_csv(&v),
    )
        .into_response())
}

pub(crate) async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let p = params.clone();
    let v = state.blocking(move |s| view(s, &p, true)).await?;
    let keys = ["entity", "measure", "from", "to", "verdict", "min_sources"];
    let pairs: Vec<(&str, String)> = keys
        .iter()
        .map(|k| (*k, params.get(k).unwrap_or("").to_string()))
        .collect();
    let qs = query_string(&pairs);
    let at = |page: usize| {
        let mut p = pairs.clone();
        p.push(("page", page.to_string()));
        format!("/ledger?{}", query_string(&p))
    };
    let get = |k: &str| params.get(k).unwrap_or("").to_string();
    let page = LedgerPage {
        v: &v,
        entity: get("entity"),
        measure: get("measure"),
        from: get("from"),
        to: get("to"),
        verdict: get("verdict"),
        min_sources: get("min_sources"),
        csv: format!("/api/ledger.csv?{qs}"),
        json: format!("/api/ledger?{qs}"),
        next: (v.page.saturating_mul(PAGE_SIZE) < v.total).then(|| at(v.page + 1)),
        prev: (v.page > 1).then(|| at(v.page - 1)),
    };
    Ok(html(&page))
}

pub(crate) async fn group_api(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<GroupView>, ServerError> {
    state.blocking(move |s| group(s, &id)).await.map(Json)
}

pub(crate) async fn group_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let json = format!("/api/ledger/{}", crate::params::encode(&id));
    let g = state.blocking(move |s| group(s, &id)).await?;
    Ok(html(&GroupPage { g: &g, json }))
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("-5"), "-5");
    }
}
