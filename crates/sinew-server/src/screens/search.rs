//! Where do the analyst's words occur? The search screen over the `SearchIndex` trait: hits
//! with their passage and the matched words marked, each opening the viewer at the hit;
//! facets with counts that narrow the query when clicked (a value already chosen is
//! unchosen); and a histogram of hits by publication month.
//!
//! The query, scope, facet values, dates and page are all in the URL: `q`, `scope`
//! (`documents`|`sentences`), `source`, `lang`, `entity`, `country`, `kind`, `unit` (each
//! repeatable), `from`, `to`, `page`.

use std::fmt::Write;
use std::sync::Arc;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use serde::Serialize;
use sinew_search::{FacetCount, Filters, Scope, SearchQuery, SearchResults};
use sinew_types::Span;

use crate::error::PageError;
use crate::highlight::{marked_html, Mark};
use crate::params::{query_string, Params};
use crate::render::{doc_href, html};
use crate::{AppState, ServerError};

/// Hits on one page.
const PAGE_SIZE: usize = 20;
/// Values shown per facet on the page, most frequent first (the JSON twin has them all): a
/// longer list buries the hits.
const FACET_VALUES_SHOWN: usize = 12;

/// The facets as (URL parameter, heading).
const FACETS: [(&str, &str); 6] = [
    ("source", "Source"),
    ("lang", "Language"),
    ("entity", "Entity"),
    ("country", "Country"),
    ("kind", "Flow kind"),
    ("unit", "Figure unit"),
];

#[derive(Debug, Serialize)]
pub(crate) struct SearchView {
    query: SearchQuery,
    page: usize,
    results: SearchResults,
    /// For each hit, the link that opens the viewer at it.
    links: Vec<String>,
}

fn read_query(params: &Params) -> Result<(SearchQuery, usize), ServerError> {
    let scope = match params.get("scope") {
        None | Some("documents") => Scope::Documents,
        Some("sentences") => Scope::Sentences,
        Some(other) => {
            return Err(ServerError::bad(
                "scope",
                format!("{other:?} is neither documents nor sentences"),
            ))
        }
    };
    let page = params.number::<usize>("page")?.unwrap_or(1).max(1);
    let filters = Filters {
        sources: params.all("source"),
        langs: params.all("lang"),
        entities: params.all("entity"),
        countries: params.all("country"),
        flow_kinds: params.all("kind"),
        units: params.all("unit"),
        from: params.date("from")?,
        to: params.date("to")?,
    };
    let query = SearchQuery {
        text: params.get("q").unwrap_or("").to_string(),
        scope,
        filters,
        offset: (page - 1).saturating_mul(PAGE_SIZE),
        limit: PAGE_SIZE,
    };
    Ok((query, page))
}

fn view(state: &AppState, query: SearchQuery, page: usize) -> Result<SearchView, ServerError> {
    let index = state.search().ok_or(ServerError::SearchUnavailable)?;
    let results = index.search(&query)?;
    let links = results
        .hits
        .iter()
        .map(|h| {
            let span = h
                .snippet
                .marks
                .first()
                .copied()
                .or(h.sentence)
                .unwrap_or(h.snippet.span);
            doc_href(&h.doc, span)
        })
        .collect();
    Ok(SearchView {
        query,
        page,
        results,
        links,
    })
}

/// A search's view with its JSON twin written out, computed once per query and index
/// generation.
pub(crate) struct Searched {
    view: SearchView,
    json: Bytes,
}

/// The search the URL asks for: the kept one when the index has not changed since it was
/// computed (no blocking work, no wait on the pool), else run on the blocking pool and kept.
async fn searched(state: &AppState, params: &Params) -> Result<Arc<Searched>, ServerError> {
    Ok(searched_in(state, params).await?.0)
}

/// [`searched`], with the index generation the search was computed in (read before it).
async fn searched_in(
    state: &AppState,
    params: &Params,
) -> Result<(Arc<Searched>, u64), ServerError> {
    let (query, page) = read_query(params)?;
    let index = state.search().ok_or(ServerError::SearchUnavailable)?;
    // Equal states, equal keys: the query as parsed (values trimmed, repeats dropped) and the
    // page, whatever order or spelling the URL used.
    let key = serde_json::to_string(&(&query, page))
        .map_err(|e| ServerError::Internal(format!("writing a search's key: {e}")))?;
    // Read before searching: a commit in between makes the result look older than it is (it
    // is computed again next time), never newer.
    let generation = index.generation();
    if let Some(kept) = state.searches().get(&key, generation) {
        return Ok((kept, generation));
    }
    let computed = state
        .blocking(move |s| {
            let view = view(s, query, page)?;
            let json = serde_json::to_vec(&view)
                .map_err(|e| ServerError::Internal(format!("writing a search's JSON: {e}")))?;
            Ok(Arc::new(Searched {
                view,
                json: Bytes::from(json),
            }))
        })
        .await?;
    state.searches().put(key, generation, Arc::clone(&computed));
    Ok((computed, generation))
}

/// A bar chart of counts by month as inline SVG (heights as attributes: the page's policy
/// forbids style attributes).
pub(crate) fn histogram(
    months: &[(NaiveDate, u64)],
    link: Option<&dyn Fn(NaiveDate) -> String>,
) -> String {
    if months.is_empty() {
        return "<p class=\"muted\">No dated documents.</p>".to_string();
    }
    let max = months.iter().map(|m| m.1).max().unwrap_or(1).max(1) as f64;
    let bar = 14usize;
    let height = 80.0;
    let width = months.len() * bar + 4;
    let mut out = format!(
        "<svg class=\"hist\" role=\"img\" aria-label=\"documents by month\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\">",
        height as usize + 14,
        height as usize + 14
    );
    for (i, (m, n)) in months.iter().enumerate() {
        let h = (*n as f64 / max * height).max(1.0);
        let x = i * bar + 2;
        let y = height - h;
        let label = crate::highlight::escape(&format!("{}: {n}", m.format("%Y-%m")));
        let rect = format!(
            "<rect x=\"{x}\" y=\"{y:.1}\" width=\"{}\" height=\"{h:.1}\"><title>{label}</title></rect>",
            bar - 2
        );
        match link {
            Some(f) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{rect}</a>",
                    crate::highlight::escape(&f(*m))
                );
            }
            None => out.push_str(&rect),
        }
    }
    if let (Some(first), Some(last)) = (months.first(), months.last()) {
        let _ = write!(
            out,
            "<text x=\"2\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            height + 12.0,
            first.0.format("%Y-%m"),
            width - 2,
            height + 12.0,
            last.0.format("%Y-%m")
        );
    }
    out.push_str("</svg>");
    out
}

/// One facet as the page shows it: each value with its count and the link that toggles it.
struct FacetBlock {
    heading: &'static str,
    values: Vec<(String, u64, String, bool)>,
}

/// The URL of this search with `key=value` toggled (and the page reset).
fn toggled(params: &Params, key: &str, value: &str) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let keys = [
        "q", "scope", "source", "lang", "entity", "country", "kind", "unit", "from", "to",
    ];
    for k in keys {
        for v in params.all(k) {
            if !(k == key && v == value) {
                pairs.push((k, v));
            }
        }
    }
    if !params.all(key).iter().any(|v| v == value) {
        pairs.push((key, value.to_string()));
    }
    format!("/search?{}", query_string(&pairs))
}

fn with(params: &Params, extra: &[(&'static str, String)]) -> String {
    let keys = [
        "q", "scope", "source", "lang", "entity", "country", "kind", "unit", "from", "to", "page",
    ];
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for k in keys {
        if extra.iter().any(|(e, _)| *e == k) {
            continue;
        }
        for v in params.all(k) {
            pairs.push((k, v));
        }
    }
    pairs.extend(extra.iter().cloned());
    format!("/search?{}", query_string(&pairs))
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    q: String,
    sentences: bool,
    from: String,
    to: String,
    v: Option<&'a SearchView>,
    hits: Vec<(String, String, String, String)>,
    facets: Vec<FacetBlock>,
    hist: String,
    prev: Option<String>,
    next: Option<String>,
    json: String,
    unavailable: Option<String>,
}

impl SearchPage<'_> {
    fn title(&self) -> String {
        if self.q.is_empty() {
            "Search".to_string()
        } else {
            format!("Search: {}", self.q)
        }
    }
}

pub(crate) async fn api(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ServerError> {
    let params = Params::parse(q.as_deref());
    let s = searched(&state, &params).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], s.json.clone()).into_response())
}

/// The search page: kept as rendered while the index generation its search was computed in
/// holds (rendering the hits' marks, the facets' links and the histogram is most of the CPU
/// of a page whose search is kept), else rendered from the search and kept.
pub(crate) async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let raw = raw.unwrap_or_default();
    let generation = state.search().map(|index| index.generation());
    if let Some(kept) = generation.and_then(|g| state.search_pages().get(&raw, g)) {
        return Ok(html_bytes(StatusCode::OK, (*kept).clone()));
    }
    let (status, Html(body), computed_in) = render_page(&state, &raw).await?;
    let body = Bytes::from(body);
    if let (StatusCode::OK, Some(g)) = (status, computed_in) {
        state.search_pages().put(raw, g, Arc::new(body.clone()));
    }
    Ok(html_bytes(status, body))
}

fn html_bytes(status: StatusCode, body: Bytes) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The search page of the URL query `raw`, its status, and the index generation its
/// search was computed in (none when there was no search).
async fn render_page(
    state: &AppState,
    raw: &str,
) -> Result<(StatusCode, Html<String>, Option<u64>), PageError> {
    let params = Params::parse(Some(raw));
    let json = format!("/api/search?{raw}");
    let result = searched_in(state, &params).await;
    let mut computed_in = None;
    let (v, unavailable, status) = match result {
        Ok((s, g)) => {
            computed_in = Some(g);
            (Some(s), None, StatusCode::OK)
        }
        // The form still shows, with the reason, so the page explains itself; the status is
        // the JSON twin's.
        Err(e @ ServerError::SearchUnavailable) => (None, Some(e.to_string()), e.status()),
        Err(e) => return Err(e.into()),
    };
    let mut page = SearchPage {
        q: params.get("q").unwrap_or("").to_string(),
        sentences: params.get("scope") == Some("sentences"),
        from: params.get("from").unwrap_or("").to_string(),
        to: params.get("to").unwrap_or("").to_string(),
        v: v.as_ref().map(|s| &s.view),
        hits: Vec::new(),
        facets: Vec::new(),
        hist: String::new(),
        prev: None,
        next: None,
        json,
        unavailable,
    };
    if let Some(v) = v.as_ref().map(|s| &s.view) {
        page.hits = v
            .results
            .hits
            .iter()
            .zip(&v.links)
            .map(|(h, link)| {
                let marks: Vec<Mark> = h
                    .snippet
                    .marks
                    .iter()
                    .filter(|m| m.start >= h.snippet.span.start)
                    .map(|m| Mark {
                        span: Span::new(
                            m.start - h.snippet.span.start,
                            m.end.saturating_sub(h.snippet.span.start),
                        ),
                        class: "hit",
                        title: None,
                        next: None,
                    })
                    .collect();
                let meta = [Some(h.source.clone()), h.published.map(|d| d.to_string())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                (
                    link.clone(),
                    h.title.clone().unwrap_or_else(|| h.doc.0.clone()),
                    marked_html(&h.snippet.text, &marks),
                    meta,
                )
            })
            .collect();
        let f = &v.results.facets;
        let lists: [&Vec<FacetCount>; 6] = [
            &f.sources,
            &f.langs,
            &f.entities,
            &f.countries,
            &f.flow_kinds,
            &f.units,
        ];
        page.facets = FACETS
            .iter()
            .zip(lists)
            .map(|((key, heading), counts)| FacetBlock {
                heading,
                values: counts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let on = params.all(key).contains(&c.value);
                        (i, on, c)
                    })
                    // A chosen value always shows, so it can be unchosen.
                    .filter(|(i, on, _)| *i < FACET_VALUES_SHOWN || *on)
                    .map(|(_, on, c)| {
                        (
                            c.value.clone(),
                            c.count,
                            toggled(&params, key, &c.value),
                            on,
                        )
                    })
                    .collect(),
            })
            .collect();
        let month_link = |m: NaiveDate| {
            let end = m
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(m);
            with(
                &params,
                &[
                    ("from", m.to_string()),
                    ("to", end.to_string()),
                    ("page", String::new()),
                ],
            )
        };
        page.hist = histogram(&f.months, Some(&month_link));
        if v.page > 1 {
            page.prev = Some(with(&params, &[("page", (v.page - 1).to_string())]));
        }
        if v.page.saturating_mul(PAGE_SIZE) < v.results.total as usize {
            page.next = Some(with(&params, &[("page", (v.page + 1).to_string())]));
        }
    }
    Ok((status, html(&page), computed_in))
}
