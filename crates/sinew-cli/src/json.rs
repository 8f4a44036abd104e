//! The JSON shapes of the command line's output: the contracts in DESIGN.md
//! ("Contracts others rely on"). Only this module knows them.

use serde::Serialize;
use serde_json::{json, Value};
use sinew_engine::{ClaimView, EntitySummary};
use sinew_types::{Annotations, Document, Mention, Modality, Quantity, QuantityKind, TimeExpr};

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

/// A quantity in `sinew annotate`, serialised straight from the borrowed fields (no `Value`
/// tree: quantities are most of what the layer writes, and the bench times the whole
/// process).
#[derive(Serialize)]
pub(crate) struct QuantityJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    value: f64,
    value_max: Option<f64>,
    unit: Option<&'a str>,
    kind: QuantityKind,
    qualifier: Option<&'a str>,
    per: Option<&'a str>,
    vague: bool,
}

/// A quantity in `sinew annotate`.
pub(crate) fn quantity(q: &Quantity) -> QuantityJson<'_> {
    QuantityJson {
        text: &q.text,
        start: q.span.start,
        end: q.span.end,
        value: q.value,
        value_max: q.value_max,
        unit: q.unit.as_deref(),
        kind: q.kind,
        qualifier: q.qualifier.as_deref(),
        per: q.per.as_deref(),
        vague: q.vague,
    }
}

/// A time expression in `sinew annotate`.
pub(crate) fn time(t: &TimeExpr) -> Value {
    json!({
        "text": t.text, "start": t.span.start, "end": t.span.end,
        "start_date": t.start_date.map(|d| d.to_string()),
        "end_date": t.end_date.map(|d| d.to_string()),
        "grain": t.grain, "kind": t.kind, "timex": t.timex,
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

impl LayerSet {
    /// The stages these layers need.
    pub(crate) fn stages(self) -> sinew_engine::Stages {
        sinew_engine::Stages {
            entities: self.entities,
            quantities: self.quantities,
            times: self.times,
            claims: self.claims,
        }
    }
}

/// The annotations of one `sinew annotate` input line: only the layers asked for.
#[derive(Serialize)]
pub(crate) struct AnnotationsJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantities: Option<Vec<QuantityJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    times: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<Value>>,
}

/// The annotations of one `sinew annotate` input line.
pub(crate) fn annotations<'a>(
    doc: &Document,
    ann: &'a Annotations,
    layers: LayerSet,
) -> AnnotationsJson<'a> {
    AnnotationsJson {
        entities: layers
            .entities
            .then(|| ann.mentions.iter().map(mention).collect()),
        quantities: layers
            .quantities
            .then(|| ann.quantities.iter().map(quantity).collect()),
        times: layers.times.then(|| ann.times.iter().map(time).collect()),
        claims: layers.claims.then(|| {
            ann.claims
                .iter()
                .map(|c| claim(&sinew_engine::view(doc, c.clone())))
                .collect()
        }),
    }
}
