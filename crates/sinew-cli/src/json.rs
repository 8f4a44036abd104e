//! The JSON shapes of the command line's output: the contracts in DESIGN.md
//! ("Contracts others rely on"). Only this module knows them.

use serde_json::{json, Value};
use sinew_engine::{ClaimView, EntitySummary};
use sinew_types::{Annotations, Document, Mention, Modality, Quantity, TimeExpr, TimeKind};

/// A claim as `sinew export claims` and `sinew annotate` write it.
pub(crate) fn claim(v: &ClaimView) -> Value {
    let c = &v.claim;
    let q = &c.quantity;
    json!({
        "doc": v.source,
        "start": c.span.start,
        "end": c.span.end,
        "quote": v.quote,
        "sentence": v.sentence,
        "value": q.value,
        "value_max": q.value_max,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "per": q.per,
        "time": c.time.as_ref().map(|t| json!({
            "text": t.text,
            "start": t.start_date.map(|d| d.to_string()),
            "end": t.end_date.map(|d| d.to_string()),
            "grain": t.grain,
            "kind": t.kind,
        })),
        "subject": c.subject,
        "object": c.object,
        "measure": c.measure,
        "attribution": c.attribution,
        "modality": match c.modality { Modality::Asserted => "asserted", Modality::Hedged => "hedged" },
    })
}

/// An entity mention in `sinew annotate`.
pub(crate) fn mention(m: &Mention) -> Value {
    json!({
        "text": m.text, "start": m.span.start, "end": m.span.end,
        "type": m.entity_type.as_str(), "coarse": m.entity_type.coarse(),
        "canonical": m.canonical, "id": m.id, "country": m.country,
    })
}

/// A quantity in `sinew annotate`.
pub(crate) fn quantity(q: &Quantity) -> Value {
    json!({
        "text": q.text, "start": q.span.start, "end": q.span.end, "value": q.value,
        "value_max": q.value_max, "unit": q.unit, "kind": q.kind, "qualifier": q.qualifier,
        "per": q.per, "vague": q.vague,
    })
}

/// A time expression in `sinew annotate`: a duration ("three years") has no dates, and its
/// length as an ISO 8601 duration in `duration` ("P3Y"), null when the count is unstated ("a
/// few days"); other kinds have `duration` null.
pub(crate) fn time(t: &TimeExpr) -> Value {
    // an unstated count ("a few days", TIMEX3 "PXD") has no ISO 8601 length
    let duration = match t.kind {
        TimeKind::Duration => t.timex.as_deref().filter(|v| !v.contains('X')),
        _ => None,
    };
    json!({
        "text": t.text, "start": t.span.start, "end": t.span.end,
        "start_date": t.start_date.map(|d| d.to_string()),
        "end_date": t.end_date.map(|d| d.to_string()),
        "grain": t.grain, "kind": t.kind, "timex": t.timex, "duration": duration,
    })
}

/// A document as `sinew extract` writes it; `duplicate_of` is the `id` of the first document
/// of its near-duplicate group seen earlier in the run, or null.
pub(crate) fn document(d: &Document) -> Value {
    json!({
        "doc": d.source, "id": d.id, "url": d.url, "title": d.title, "author": d.author,
        "published": d.published.map(|p| p.to_string()), "site": d.site, "lang": d.lang,
        "text": d.text, "duplicate_of": d.duplicate_of,
    })
}

/// An entity summary in `sinew entities --json`.
pub(crate) fn entity(e: &EntitySummary) -> Value {
    json!({
        "canonical": e.canonical, "type": e.entity_type.as_str(), "coarse": e.entity_type.coarse(),
        "id": e.id, "country": e.country, "mentions": e.mentions, "documents": e.documents,
    })
}

/// Which layers `sinew annotate` writes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LayerSet {
    pub(crate) entities: bool,
    pub(crate) quantities: bool,
    pub(crate) times: bool,
    pub(crate) claims: bool,
}

/// The annotations of one `sinew annotate` input line.
pub(crate) fn annotations(doc: &Document, ann: &Annotations, layers: LayerSet) -> Value {
    let mut out = serde_json::Map::new();
    if layers.entities {
        out.insert(
            "entities".into(),
            ann.mentions.iter().map(mention).collect(),
        );
    }
    if layers.quantities {
        out.insert(
            "quantities".into(),
            ann.quantities.iter().map(quantity).collect(),
        );
    }
    if layers.times {
        out.insert("times".into(), ann.times.iter().map(time).collect());
    }
    if layers.claims {
        let claims = ann
            .claims
            .iter()
            .map(|c| claim(&sinew_engine::view(doc, c.clone())))
            .collect();
        out.insert("claims".into(), claims);
    }
    Value::Object(out)
}
