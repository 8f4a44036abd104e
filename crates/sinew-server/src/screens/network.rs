//! Who supplies whom, and what falls if a supply is cut? The network screen: actors and the
//! flows between them (drawn in the browser with the vendored cytoscape.js from this view's
//! JSON twin), filtered by flow kind and time, capped to the best-sourced flows or expanded
//! around one actor (`focus`, at most `cap` flows), with dependency shares on the edges; and
//! the what-if: cut or scale one flow (`cut_from`, `cut_to`, `cut_kind`, `factor`) and list
//! the dependencies on it, with those that fall below `threshold` percent of supply marked.
//!
//! The what-if table is rendered on the server, so the answer needs no script; the picture
//! is the only part that does.

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{Html, Json};
use chrono::NaiveDate;
use serde::Serialize;
use sinew_engine::{Cut, Flow, FlowKind, NetworkConfig};

use super::Cite;
use crate::error::PageError;
use crate::params::{query_string, Params};
use crate::render::{entity_href, html};
use crate::{AppState, ServerError};

/// Flows drawn when the URL does not say (`cap`), and the most it may ask for: a graph of
/// hundreds of edges is unreadable and slow to lay out in a browser.
const DEFAULT_CAP: usize = 40;
const MAX_CAP: usize = 300;
/// Citations listed per edge.
const CITES_PER_EDGE: usize = 3;

#[derive(Debug, Serialize)]
pub(crate) struct NetworkData {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    /// Flows that passed the kind and time filters, before the cap.
    matching_flows: usize,
    /// True when the cap left some out.
    truncated: bool,
    focus: Option<String>,
    what_if: Option<WhatIfView>,
}

#[derive(Debug, Serialize)]
struct Node {
    id: String,
    name: String,
    entity_type: &'static str,
    country: Option<String>,
    claims: usize,
    href: String,
    /// Some dependency of it falls below the threshold in the what-if.
    falls: bool,
}

#[derive(Debug, Serialize)]
struct Edge {
    id: String,
    from: String,
    to: String,
    kind: &'static str,
    /// The latest dated figure on the flow with a number (else the latest vague one), as text.
    figure: Option<String>,
    /// True when `figure` is a vague amount in the sources' words ("thousands of workers"):
    /// no source gives the flow a number.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    vague: bool,
    /// The recipient's current dependency share on the supplier for this kind, percent.
    share: Option<f64>,
    sources: usize,
    cites: Vec<Cite>,
    /// This flow is the one the what-if cuts or scales.
    cut: bool,
    /// The what-if link that cuts it.
    cut_href: String,
}

#[derive(Debug, Serialize)]
struct WhatIfView {
    from: String,
    to: String,
    kind: Option<&'static str>,
    factor: f64,
    threshold: f64,
    affected: Vec<AffectedView>,
}

#[derive(Debug, Serialize)]
struct AffectedView {
    dependent: String,
    supplier: String,
    goods: String,
    share: f64,
    supply_left: f64,
    below: bool,
    explanation: String,
}

struct Query {
    kinds: Vec<FlowKind>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    focus: Option<String>,
    cap: usize,
    by_state: bool,
    cut: Option<Cut>,
    threshold: f64,
}

fn kind(key: &str, v: &str) -> Result<FlowKind, ServerError> {
    FlowKind::parse(v).ok_or_else(|| {
        let all: Vec<&str> = FlowKind::ALL.iter().map(|k| k.as_str()).collect();
        ServerError::bad(key, format!("{v:?} is not one of {}", all.join(", ")))
    })
}

fn read(params: &Params) -> Result<Query, ServerError> {
    let kinds = params
        .all("kind")
        .iter()
        .map(|v| kind("kind", v))
        .collect::<Result<_, _>>()?;
    let cap = params.number::<usize>("cap")?.unwrap_or(DEFAULT_CAP);
    if cap == 0 || cap > MAX_CAP {
        return Err(ServerError::bad("cap", format!("must be 1 to {MAX_CAP}")));
    }
    let cut = match (params.get("cut_from"), params.get("cut_to")) {
        (Some(from), Some(to)) => {
            let factor = params.float("factor")?.unwrap_or(0.0);
            if !(0.0..=10.0).contains(&factor) {
                return Err(ServerError::bad("factor", "must be 0 (cut) to 10"));
            }
            Some(Cut {
                from: from.to_string(),
                to: to.to_string(),
                kind: params
                    .get("cut_kind")
                    .map(|v| kind("cut_kind", v))
                    .transpose()?,
                factor,
            })
        }
        (None, None) => None,
        _ => {
            return Err(ServerError::bad(
                "cut_from",
                "a what-if needs both cut_from and cut_to",
            ))
        }
    };
    let threshold = params.float("threshold")?.unwrap_or(50.0);
    Ok(Query {
        kinds,
        from: params.date("from")?,
        to: params.date("to")?,
        focus: params.get("focus").map(str::to_string),
        cap,
        by_state: params.flag("by_state"),
        cut,
        threshold,
    })
}

/// A flow is in the time window when one of its dated figures' periods overlaps it.
fn in_window(f: &Flow, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    f.volumes.iter().any(|v| match v.period {
        Some((start, end)) => {
            let end = end.unwrap_or(start);
            from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t)
        }
        None => false,
    })
}

pub(crate) fn view(state: &AppState, params: &Params) -> Result<NetworkData, ServerError> {
    let q = read(params)?;
    let engine = state.engine();
    let focus = q.focus.as_deref().map(|f| state.resolve(f)).transpose()?;
    let net = if q.by_state {
        std::sync::Arc::new(engine.network_with(&NetworkConfig { by_state: true })?)
    } else {
        state.network()?
    };
    let mut flows: Vec<&Flow> = net
        .network
        .flows
        .iter()
        .filter(|f| q.kinds.is_empty() || q.kinds.contains(&f.kind))
        .filter(|f| in_window(f, q.from, q.to))
        .filter(|f| focus.as_deref().is_none_or(|n| f.from == n || f.to == n))
        .collect();
    let matching_flows = flows.len();
    flows.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.id.cmp(&b.id)));
    flows.truncate(q.cap);
    let what_if = match &q.cut {
        Some(cut) => {
            let cut = Cut {
                from: state.resolve(&cut.from)?,
                to: state.resolve(&cut.to)?,
                ..cut.clone()
            };
            let (w, _) = engine.what_if(&cut, q.threshold)?;
            Some(WhatIfView {
                from: cut.from,
                to: cut.to,
                kind: cut.kind.map(|k| k.as_str()),
                factor: cut.factor,
                threshold: q.threshold,
                affected: w
                    .affected
                    .iter()
                    .map(|a| AffectedView {
                        dependent: a.dependency.dependent.clone(),
                        supplier: a.dependency.supplier.clone(),
                        goods: a.dependency.goods.clone(),
                        share: a.dependency.share,
                        supply_left: a.supply_left,
                        below: a.below,
                        explanation: a.explanation.clone(),
                    })
                    .collect(),
            })
        }
        None => None,
    };
    // Several goods may rest on one flow (machine tools, microelectronics): the edge shows
    // the greatest share.
    let mut shares: HashMap<(&str, &str, FlowKind), f64> = HashMap::new();
    for d in net.network.dependencies.iter().filter(|d| d.current) {
        let s = shares
            .entry((d.supplier.as_str(), d.dependent.as_str(), d.kind))
            .or_insert(d.share);
        *s = s.max(d.share);
    }
    let falling: BTreeSet<&str> = what_if
        .iter()
        .flat_map(|w| {
            w.affected
                .iter()
                .filter(|a| a.below)
                .map(|a| a.dependent.as_str())
        })
        .collect();
    let base: Vec<(&str, String)> = [
        "kind",
        "from",
        "to",
        "focus",
        "cap",
        "by_state",
        "threshold",
    ]
    .iter()
    .flat_map(|k| params.all(k).into_iter().map(move |v| (*k, v)))
    .collect();
    let edges: Vec<Edge> = flows
        .iter()
        .map(|f| {
            // A figure with a number before a vague one ("several", "thousands of").
            let latest = |precise: bool| {
                let mut of = f.volumes.iter().filter(move |v| v.vague != precise);
                of.clone().rev().find(|v| v.period.is_some()).or(of.next())
            };
            let shown = latest(true).or_else(|| latest(false));
            let figure = shown.map(|v| v.text.clone());
            let vague = shown.is_some_and(|v| v.vague);
            let cites = f
                .claims
                .iter()
                .take(CITES_PER_EDGE)
                .filter_map(|&i| net.claims.get(i))
                .map(|c| Cite::new(&c.doc, c.span, &c.source, &c.quote))
                .collect();
            let cut = what_if.as_ref().is_some_and(|w| {
                w.from == f.from && w.to == f.to && w.kind.is_none_or(|k| k == f.kind.as_str())
            });
            let mut pairs = base.clone();
            pairs.extend([
                ("cut_from", f.from.clone()),
                ("cut_to", f.to.clone()),
                ("cut_kind", f.kind.as_str().to_string()),
            ]);
            Edge {
                id: f.id.clone(),
                from: f.from.clone(),
                to: f.to.clone(),
                kind: f.kind.as_str(),
                figure,
                vague,
                share: shares
                    .get(&(f.from.as_str(), f.to.as_str(), f.kind))
                    .copied(),
                sources: f.sources,
                cites,
                cut,
                cut_href: format!("/network?{}", query_string(&pairs)),
            }
        })
        .collect();
    let mut names: BTreeSet<&str> = edges
        .iter()
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .collect();
    if let Some(f) = &focus {
        names.insert(f);
    }
    let actors: HashMap<&str, &sinew_engine::Actor> = net
        .network
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a))
        .collect();
    let nodes = names
        .iter()
        .map(|n| {
            let a = actors.get(n);
            Node {
                id: a.map_or_else(|| sinew_engine::node_id(n), |a| a.id.clone()),
                name: n.to_string(),
                entity_type: a.map_or("UNKNOWN", |a| a.entity_type.as_str()),
                country: a.and_then(|a| a.country.clone()),
                claims: a.map_or(0, |a| a.claims),
                href: entity_href(n),
                falls: falling.contains(n),
            }
        })
        .collect();
    Ok(NetworkData {
        truncated: matching_flows > edges.len(),
        nodes,
        edges,
        matching_flows,
        focus,
        what_if,
    })
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage<'a> {
    v: &'a NetworkData,
    kinds: Vec<(&'static str, bool)>,
    from: String,
    to: String,
    focus: String,
    cap: String,
    json: String,
}

impl NetworkPage<'_> {
    fn title(&self) -> String {
        "Network".to_string()
    }
}

pub(crate) async fn api(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<NetworkData>, ServerError> {
    let params = Params::parse(q.as_deref());
    state.blocking(move |s| view(s, &params)).await.map(Json)
}

pub(crate) async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let p = params.clone();
    let v = state.blocking(move |s| view(s, &p)).await?;
    let chosen = params.all("kind");
    let get = |k: &str| params.get(k).unwrap_or("").to_string();
    let page = NetworkPage {
        v: &v,
        kinds: FlowKind::ALL
            .iter()
            .map(|k| (k.as_str(), chosen.iter().any(|c| c == k.as_str())))
            .collect(),
        from: get("from"),
        to: get("to"),
        focus: get("focus"),
        cap: get("cap"),
        json: format!("/api/network?{}", raw.unwrap_or_default()),
    };
    Ok(html(&page))
}
