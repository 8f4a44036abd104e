//! What does one article say, and where? The document viewer: its clean text with entities,
//! figures, times and claims marked by span, "next mention" links between mentions of the
//! same entity, its metadata and original URL, its near-duplicates, and the span a citation
//! opened (`?span=START-END`) marked and scrolled to (`#s-START`).
//!
//! Near-duplicates are the stored documents whose MinHash fingerprint shares a band with this
//! one's (the store's own index), kept when at least half the fingerprint slots agree (the
//! slot agreement estimates the Jaccard similarity of the two texts' shingles).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, Json};
use serde::Serialize;
use sinew_types::{
    Annotations, Claim, DocId, Document, Mention, Quantity, SourceKind, Span, TimeExpr,
};

use crate::error::PageError;
use crate::highlight::{marked_html, Mark};
use crate::params::{parse_span, Params};
use crate::render::{entity_href, html, safe_url};
use crate::{AppState, ServerError};

/// Least share of equal fingerprint slots for a candidate to be shown as a near-duplicate.
const NEAR_DUPLICATE_SIMILARITY: f64 = 0.5;

#[derive(Debug, Serialize)]
pub(crate) struct DocView {
    id: DocId,
    source: String,
    title: Option<String>,
    /// The URL as stored (shown as text).
    url: Option<String>,
    /// The URL when it is safe to link (http/https).
    link: Option<String>,
    author: Option<String>,
    published: Option<chrono::NaiveDate>,
    site: Option<String>,
    lang: Option<String>,
    duplicate_of: Option<DocId>,
    /// How it was made, as analysis read it (`None` before its first analysis).
    kind: Option<SourceKind>,
    /// The kind in words, for the page.
    #[serde(skip)]
    kind_label: Option<&'static str>,
    /// The span asked for with `?span=`.
    target: Option<Span>,
    text: String,
    mentions: Vec<Mention>,
    figures: Vec<Quantity>,
    times: Vec<TimeExpr>,
    claims: Vec<Claim>,
    entities: Vec<EntityInDoc>,
    near_duplicates: Vec<NearDuplicate>,
}

#[derive(Debug, Serialize)]
struct EntityInDoc {
    name: String,
    entity_type: &'static str,
    href: String,
    /// Starts of its mentions, in order.
    mentions: Vec<usize>,
}

#[derive(Debug, Serialize)]
struct NearDuplicate {
    id: DocId,
    similarity: f64,
    href: String,
}

pub(crate) fn view(state: &AppState, id: &str, params: &Params) -> Result<DocView, ServerError> {
    let store = state.engine().store();
    let doc_id = DocId(id.to_string());
    let doc = store
        .document(&doc_id)
        .map_err(internal)?
        .ok_or_else(|| ServerError::NotFound {
            what: "document",
            name: id.to_string(),
        })?;
    let ann = store
        .annotations(&doc_id)
        .map_err(internal)?
        .unwrap_or_default();
    let target = match params.get("span") {
        Some(v) => {
            let span = parse_span("span", v)?;
            if span.slice(&doc.text).is_none() {
                return Err(ServerError::bad(
                    "span",
                    format!(
                        "{v} is not a span of this document's text ({} bytes)",
                        doc.text.len()
                    ),
                ));
            }
            Some(span)
        }
        None => None,
    };
    let near = near_duplicates(state, &doc)?;
    let kind = store
        .doc_headers(std::slice::from_ref(&doc_id))
        .map_err(internal)?
        .into_iter()
        .find_map(|h| h.kind);
    Ok(assemble(doc, ann, target, near, kind))
}

fn internal(e: impl std::fmt::Display) -> ServerError {
    ServerError::Internal(e.to_string())
}

fn near_duplicates(state: &AppState, doc: &Document) -> Result<Vec<NearDuplicate>, ServerError> {
    let Some(fp) = &doc.fingerprint else {
        return Ok(Vec::new());
    };
    let candidates = state
        .engine()
        .store()
        .near_duplicate_candidates(fp)
        .map_err(internal)?;
    let mut out: Vec<NearDuplicate> = candidates
        .into_iter()
        .filter(|c| c.id != doc.id)
        .filter_map(|c| {
            let slots = fp.0.len().min(c.fingerprint.0.len());
            if slots == 0 {
                return None;
            }
            let equal =
                fp.0.iter()
                    .zip(&c.fingerprint.0)
                    .filter(|(a, b)| a == b)
                    .count();
            let similarity = equal as f64 / slots as f64;
            (similarity >= NEAR_DUPLICATE_SIMILARITY).then(|| NearDuplicate {
                href: format!("/doc/{}", crate::params::encode(&c.id.0)),
                id: c.id,
                similarity,
            })
        })
        .collect();
    out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
    Ok(out)
}

fn assemble(
    doc: Document,
    ann: Annotations,
    target: Option<Span>,
    near_duplicates: Vec<NearDuplicate>,
    kind: Option<SourceKind>,
) -> DocView {
    let mut by_entity: Vec<EntityInDoc> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for m in ann.mentions.iter() {
        let i = *index.entry(m.canonical.as_str()).or_insert_with(|| {
            by_entity.push(EntityInDoc {
                name: m.canonical.clone(),
                entity_type: m.entity_type.as_str(),
                href: entity_href(&m.canonical),
                mentions: Vec::new(),
            });
            by_entity.len() - 1
        });
        by_entity[i].mentions.push(m.span.start);
    }
    for e in &mut by_entity {
        e.mentions.sort_unstable();
    }
    by_entity.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    DocView {
        link: doc.url.as_deref().and_then(safe_url),
        url: doc.url,
        id: doc.id,
        source: doc.source,
        title: doc.title,
        author: doc.author,
        published: doc.published,
        site: doc.site,
        lang: doc.lang,
        duplicate_of: doc.duplicate_of,
        kind,
        kind_label: kind.map(kind_label),
        target,
        text: doc.text,
        mentions: ann.mentions,
        figures: ann.quantities,
        times: ann.times,
        claims: ann.claims,
        entities: by_entity,
        near_duplicates,
    }
}

/// A source kind in words, as the briefing's source list writes it.
fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Original => "original reporting",
        SourceKind::Official => "official statement",
        SourceKind::Analysis => "analysis",
        SourceKind::Derivative => "derivative digest (repeats other outlets; counted once)",
    }
}

/// The marks of a view: every annotation layer, with "next mention" links per entity.
fn marks(v: &DocView) -> Vec<Mark> {
    let mut next_of: HashMap<usize, usize> = HashMap::new();
    for e in &v.entities {
        for w in e.mentions.windows(2) {
            next_of.insert(w[0], w[1]);
        }
    }
    let mut out = Vec::new();
    for m in &v.mentions {
        out.push(Mark {
            span: m.span,
            class: "ent",
            title: Some(format!("{} ({})", m.canonical, m.entity_type.as_str())),
            next: next_of
                .get(&m.span.start)
                .copied()
                .filter(|&n| n != m.span.start),
        });
    }
    for q in &v.figures {
        out.push(Mark {
            span: q.span,
            class: "fig",
            title: Some(crate::render::figure(
                q.value,
                q.unit.as_deref(),
                q.per.as_deref(),
            )),
            next: None,
        });
    }
    for t in &v.times {
        out.push(Mark {
            span: t.span,
            class: "time",
            title: t.timex.clone(),
            next: None,
        });
    }
    for c in &v.claims {
        let about = [
            c.subject.as_deref(),
            Some(c.measure.as_str()),
            c.object.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        out.push(Mark {
            span: c.span,
            class: "claim",
            title: Some(format!("claim: {about}")),
            next: None,
        });
    }
    if let Some(t) = v.target {
        // An empty span (a position) still gets its anchor through a one-character mark.
        let span = if t.is_empty() {
            let end = v.text[t.start..]
                .chars()
                .next()
                .map_or(t.start, |c| t.start + c.len_utf8());
            Span::new(t.start, end)
        } else {
            t
        };
        out.push(Mark {
            span,
            class: "target",
            title: None,
            next: None,
        });
    }
    out
}

#[derive(Template)]
#[template(path = "doc.html")]
struct DocPage<'a> {
    v: &'a DocView,
    body: String,
    json: String,
}

impl DocPage<'_> {
    fn title(&self) -> String {
        self.v
            .title
            .clone()
            .unwrap_or_else(|| self.v.source.clone())
    }
}

pub(crate) async fn api(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<DocView>, ServerError> {
    let params = Params::parse(q.as_deref());
    state
        .blocking(move |s| view(s, &id, &params))
        .await
        .map(Json)
}

pub(crate) async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(q.as_deref());
    let json = format!(
        "/api/doc/{}{}",
        crate::params::encode(&id),
        q.as_deref().map(|q| format!("?{q}")).unwrap_or_default()
    );
    let v = state.blocking(move |s| view(s, &id, &params)).await?;
    let body = marked_html(&v.text, &marks(&v));
    Ok(html(&DocPage { v: &v, body, json }))
}
