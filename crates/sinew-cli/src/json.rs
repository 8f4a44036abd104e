//! The JSON shapes of the command line's output: the contracts in DESIGN.md
//! ("Contracts others rely on"). Only this module knows them.

use serde::Serialize;
use serde_json::{json, Value};
use sinew_engine::{
    CitedClaim, ClaimView, EntitySummary, EventTie, LedgerGroup, MergedEvent, StoredEvent,
};
use sinew_types::{
    Annotations, Document, Event, EventActor, Mention, Modality, Quantity, QuantityKind, TimeExpr,
    TimeKind,
};

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
        // A vague amount ("dozens of"): `value` to `value_max` is the range its words allow,
        // never a point.
        "vague": q.vague,
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
        // What kind of figure (flow, stock, change, share, price, other) and, for a figure
        // restated in another currency, the span of the figure it restates.
        "kind": c.kind.as_str(),
        "restates": c.restates.map(|r| json!({"start": r.start, "end": r.end})),
        // Parties the figure's sentence does not name, carried over from the discourse:
        // `discourse` (the paragraph before), `heading` (its section), `document` (the pair
        // the document is about); null when the sentence names them.
        "inferred": c.inferred.map(|i| i.as_str()),
        // The earlier value of a change the sentence states: the span of the later one.
        "changed_to": c.changed_to.map(|r| json!({"start": r.start, "end": r.end})),
    })
}

/// A PLOVER event in `sinew annotate` (DESIGN.md's events contract): `category` upper case,
/// `mode` and `kind` (the domain's name: `treaty_signing`, `arms_transfer`...) or null, the
/// trigger's `start`/`end` and `text`, `source` and `target` lists of actors (`text`,
/// `start`, `end`, `canonical`, `country` ISO3, `sector`), `date` and `date_end`
/// (YYYY-MM-DD: the first and last day of the sentence's time, so "in 2019" spans the year),
/// `location`, `attribution`, `modality` (`asserted`, `hedged`, `planned`, `denied`) and
/// `negated`.
pub(crate) fn event(text: &str, e: &Event) -> Value {
    let actors = |list: &[EventActor]| -> Vec<Value> {
        list.iter()
            .map(|a| {
                json!({
                    "text": a.text, "start": a.span.start, "end": a.span.end,
                    "canonical": a.canonical, "country": a.country,
                    "sector": a.sector.map(|s| s.as_str()),
                })
            })
            .collect()
    };
    json!({
        "category": e.category.as_str(),
        "mode": e.mode,
        "kind": e.kind.map(|k| k.as_str()),
        "start": e.trigger.start,
        "end": e.trigger.end,
        "text": text.get(e.trigger.start..e.trigger.end),
        "source": actors(&e.source),
        "target": actors(&e.target),
        "date": e.date.map(|d| d.to_string()),
        "date_end": e.date_end.map(|d| d.to_string()),
        "location": e.location,
        "attribution": e.attribution,
        "modality": e.modality.as_str(),
        "negated": e.negated,
    })
}

/// The words of a span inside a report's sentence (the span is in document offsets).
fn in_sentence(r: &StoredEvent, span: sinew_types::Span) -> Option<&str> {
    let start = span.start.checked_sub(r.event.sentence.start)?;
    let end = span.end.checked_sub(r.event.sentence.start)?;
    r.sentence.get(start..end)
}

/// One report of an event (`sinew events --json`, `sinew export events`): the document
/// (`doc` id, `source` name, `published`, `duplicate_of`), the `sentence` with its
/// `sentence_start`/`sentence_end`, and the event as that sentence codes it (the annotate
/// contract's fields: trigger `start`/`end`/`text`, actors with their spans, date,
/// attribution, modality...).
pub(crate) fn event_report(r: &StoredEvent) -> Value {
    let mut v = event("", &r.event);
    if let Value::Object(map) = &mut v {
        map.insert("text".into(), json!(in_sentence(r, r.event.trigger)));
        map.insert("doc".into(), json!(r.doc.0));
        map.insert("ord".into(), json!(r.ord));
        map.insert("source_name".into(), json!(r.source));
        map.insert(
            "published".into(),
            json!(r.published.map(|d| d.to_string())),
        );
        map.insert(
            "duplicate_of".into(),
            json!(r.duplicate_of.as_ref().map(|d| d.0.as_str())),
        );
        map.insert("sentence".into(), json!(r.sentence));
        map.insert("sentence_start".into(), json!(r.event.sentence.start));
        map.insert("sentence_end".into(), json!(r.event.sentence.end));
    }
    v
}

/// One event across documents (`sinew events --json`, `sinew export events --format
/// jsonl`): `id`, `category` (PLOVER, upper case), `kind`, `mode`, `source` and `target`
/// (actors as counted: states by name), `mutual` (an event among its sources: a meeting, an
/// agreement), `date`/`date_end`, `location`, `modality`, `negated`, `documents`
/// (independent documents: copies count once) and `reports`, each an [`event_report`].
pub(crate) fn merged_event(e: &MergedEvent, reports: &[StoredEvent]) -> Value {
    json!({
        "id": e.id,
        "category": e.category.as_str(),
        "kind": e.kind.map(|k| k.as_str()),
        "mode": e.mode,
        "source": e.source,
        "target": e.target,
        "mutual": e.mutual,
        "date": e.date.map(|d| d.to_string()),
        "date_end": e.date_end.map(|d| d.to_string()),
        "location": e.location,
        "modality": e.modality.as_str(),
        "negated": e.negated,
        "documents": e.documents,
        "reports": e.reports.iter().filter_map(|&i| reports.get(i)).map(event_report).collect::<Vec<_>>(),
    })
}

/// An entity mention in `sinew annotate`.
pub(crate) fn mention(m: &Mention) -> Value {
    json!({
        "text": m.text, "start": m.span.start, "end": m.span.end,
        "type": m.entity_type.as_str(), "coarse": m.coarse.as_str(),
        "canonical": m.canonical, "id": m.id, "country": m.country,
        "sector": m.sector.map(|s| s.as_str()), "kind": m.kind.as_str(),
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
/// of its near-duplicate group seen earlier in the run, or null; `fingerprint` its
/// near-duplicate fingerprint (the MinHash values, an array of unsigned 32-bit integers; null
/// for a text under 50 words), so that records written by many processes can be grouped
/// after the map step.
pub(crate) fn document(d: &Document) -> Value {
    json!({
        "doc": d.source, "id": d.id, "url": d.url, "title": d.title, "author": d.author,
        "published": d.published.map(|p| p.to_string()), "site": d.site, "lang": d.lang,
        "text": d.text, "duplicate_of": d.duplicate_of, "fingerprint": d.fingerprint,
    })
}

/// A record of the map step (`sinew extract --annotate`): the [`document`] with its
/// annotations whole under `annotations`, in Sinew's own serde form (every layer, spans as
/// `{start, end}`: the form `sinew load` stores; the annotate contract's layers are a view
/// of it).
pub(crate) fn map_record(d: &Document, ann: &Annotations) -> Value {
    let mut v = document(d);
    if let Value::Object(map) = &mut v {
        // Serialising plain data with derived impls does not fail; were it to, null
        // annotations make `sinew load` annotate the document itself.
        map.insert(
            "annotations".into(),
            serde_json::to_value(ann).unwrap_or(Value::Null),
        );
    }
    v
}

/// What `sinew load` reads of a record: [`document`]'s fields and [`map_record`]'s
/// `annotations` (optional); `duplicate_of` is not read.
#[derive(serde::Deserialize)]
struct RecordIn {
    doc: String,
    id: sinew_types::DocId,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    published: Option<chrono::NaiveDate>,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    text: String,
    /// Absent (a record of an older `sinew extract`), null, or the values.
    #[serde(default)]
    fingerprint: Option<Value>,
    #[serde(default)]
    annotations: Option<Annotations>,
}

/// Reads one record of the map step (one line of `sinew extract [--annotate]` output); the
/// error says what is wrong with it.
pub(crate) fn read_map_record(line: &str) -> Result<sinew_engine::MapRecord, String> {
    let r: RecordIn = serde_json::from_str(line).map_err(|e| {
        let annotate_line = serde_json::from_str::<Value>(line)
            .ok()
            .is_some_and(|v| v.get("diagnostics").is_some() && v.get("text").is_none());
        if annotate_line {
            "a `sinew annotate` line holds no document text: load reads the records of \
             `sinew extract` (with --annotate to annotate them in the map step)"
                .to_string()
        } else {
            format!("not a record of `sinew extract`: {e}")
        }
    })?;
    let (states_fingerprint, fingerprint) = match r.fingerprint {
        None => (false, None),
        Some(Value::Null) => (true, None),
        Some(v) => (
            true,
            Some(serde_json::from_value(v).map_err(|e| format!("bad \"fingerprint\": {e}"))?),
        ),
    };
    Ok(sinew_engine::MapRecord {
        doc: Document {
            id: r.id,
            source: r.doc,
            url: r.url,
            title: r.title,
            author: r.author,
            published: r.published,
            site: r.site,
            lang: r.lang,
            text: r.text,
            fingerprint,
            duplicate_of: None,
        },
        states_fingerprint,
        annotations: r.annotations,
    })
}

/// An entity summary in `sinew entities --json`.
/// `sector` is the event coders' code (`GOV`, `MIL`...); `aliases` the spellings of its names
/// with their counts, most used first; `description` what the articles say it is, with the
/// document (`doc` the source name, `id` its id) and the span of its first occurrence, and
/// `count` how many descriptions say the same.
pub(crate) fn entity(e: &EntitySummary) -> Value {
    let aliases: Vec<Value> = e
        .aliases
        .iter()
        .map(|a| json!({"text": a.text, "mentions": a.mentions}))
        .collect();
    let description = e.description.as_ref().map(|d| {
        json!({
            "text": d.text, "count": d.count, "doc": d.citation.source,
            "id": d.citation.doc, "start": d.citation.span.start, "end": d.citation.span.end,
        })
    });
    json!({
        "canonical": e.canonical, "type": e.entity_type.as_str(), "coarse": e.entity_type.coarse().as_str(),
        "id": e.id, "country": e.country, "sector": e.sector.map(|s| s.as_str()),
        "mentions": e.mentions, "documents": e.documents, "aliases": aliases,
        "description": description,
    })
}

/// Which layers `sinew annotate` writes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LayerSet {
    pub(crate) entities: bool,
    pub(crate) quantities: bool,
    pub(crate) times: bool,
    pub(crate) claims: bool,
    pub(crate) events: bool,
}

impl LayerSet {
    /// The stages these layers need: events are read from entities and times.
    pub(crate) fn stages(self) -> sinew_engine::Stages {
        sinew_engine::Stages {
            entities: self.entities || self.events,
            quantities: self.quantities,
            times: self.times || self.events,
            claims: self.claims,
            events: self.events,
        }
    }
}

/// The annotations of one `sinew annotate` input line: the document's `id` and
/// `fingerprint` (one record a line, whether or not anything was found), the language
/// it was read as (`lang`, null when the text is too short to tell), what extraction has to
/// say about it (`diagnostics`: a text in another language than English is not annotated, a
/// text over the per-document limits is annotated up to them), and only the layers asked for.
#[derive(Serialize)]
pub(crate) struct AnnotationsJson<'a> {
    id: &'a str,
    /// The text's near-duplicate fingerprint, as in [`document`] (null under 50 words).
    fingerprint: Option<sinew_types::Fingerprint>,
    lang: Option<&'a str>,
    diagnostics: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Value>>,
    /// With the entities layer: what the text says each entity is (`entity` is a mention's
    /// `id`; `start`/`end` the describing words).
    #[serde(skip_serializing_if = "Option::is_none")]
    descriptions: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantities: Option<Vec<QuantityJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    times: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<Value>>,
}

/// The annotations of one `sinew annotate` input line.
pub(crate) fn annotations<'a>(
    doc: &'a Document,
    ann: &'a Annotations,
    layers: LayerSet,
) -> AnnotationsJson<'a> {
    AnnotationsJson {
        id: &doc.id.0,
        fingerprint: sinew_engine::fingerprint(&doc.text),
        lang: doc.lang.as_deref(),
        diagnostics: ann
            .diagnostics
            .iter()
            .map(|d| {
                json!({
                    "message": d.message,
                    "start": d.span.map(|s| s.start),
                    "end": d.span.map(|s| s.end),
                })
            })
            .collect(),
        entities: layers
            .entities
            .then(|| ann.mentions.iter().map(mention).collect()),
        descriptions: layers.entities.then(|| {
            ann.descriptions
                .iter()
                .map(|d| {
                    json!({
                        "entity": d.entity, "text": d.text,
                        "start": d.span.start, "end": d.span.end,
                    })
                })
                .collect()
        }),
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
        events: layers
            .events
            .then(|| ann.events.iter().map(|e| event(&doc.text, e)).collect()),
    }
}

/// What a ledger group's sources say together, in words: the consensus value, or the range
/// of a conflict.
pub(crate) fn consensus_text(g: &LedgerGroup) -> String {
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    match (&g.consensus.vague, g.consensus.value) {
        // No source gives a number: the sources' words, quoted.
        (Some(words), _) => format!("“{words}” (no figure given)"),
        (None, Some(v)) => sinew_engine::format_value(v, unit, per),
        (None, None) => sinew_engine::format_range(g.consensus.low, g.consensus.high, unit, per),
    }
}

/// A group of `sinew ledger --json`: the group's fields, and its claims in the export's
/// shape plus their part in the verdict (`low`/`high` the values the statement allows,
/// `source_doc` the id of the first document of its near-duplicate group,
/// `as_of` its document's date, `camp` the statements it agrees with, `note` why).
pub(crate) fn ledger_group(g: &LedgerGroup, claims: &[ClaimView]) -> Value {
    let members: Vec<Value> = g
        .claims
        .iter()
        .filter_map(|m| {
            let v = claims.get(m.claim)?;
            let mut c = claim(v);
            if let Value::Object(map) = &mut c {
                map.insert("low".into(), json!(m.bounds.low));
                map.insert("high".into(), json!(m.bounds.high));
                map.insert("as_of".into(), json!(m.as_of.map(|d| d.to_string())));
                map.insert("source_doc".into(), json!(m.source));
                map.insert("camp".into(), json!(m.camp));
                map.insert("note".into(), json!(m.note));
            }
            Some(c)
        })
        .collect();
    let mut group = json!({
        "id": g.id,
        "subject": g.subject,
        "object": g.object,
        "measure": g.measure,
        "unit": g.unit,
        "per": g.per,
        "concept": g.concept.as_str(),
        "kind": g.kind.as_str(),
        "verdict": g.verdict.as_str(),
        "consensus": {
            // A vague figure has no number: `text` gives its words, `vague` says so.
            "value": g.consensus.value.filter(|_| !g.consensus.is_vague()),
            "low": g.consensus.low,
            "high": g.consensus.high,
            "text": consensus_text(g),
        },
        "running_total": g.running_total,
        "sources": g.sources,
        "attribution": g.attribution,
        "period": g.period.map(|(start, end)| json!({
            "start": start.to_string(),
            "end": end.map(|e| e.to_string()),
        })),
        "explanation": g.explanation,
        "claims": members,
    });
    if g.consensus.is_vague() {
        group["consensus"]["vague"] = json!(true);
    }
    group
}

/// A claim cited by the network: where it is and its words. The graph's objects are written
/// from borrowed structs, not built as `Value`s (a large store's network cites every claim);
/// their fields are in the sorted order in which `serde_json` writes a `Value`'s keys, the
/// order the contract has always had.
#[derive(Serialize)]
struct Citation<'a> {
    doc: &'a str,
    end: usize,
    quote: &'a str,
    start: usize,
}

fn citations<'a>(claims: &'a [CitedClaim], list: &[usize]) -> Vec<Citation<'a>> {
    list.iter()
        .filter_map(|&i| claims.get(i))
        .map(|v| Citation {
            doc: &v.source,
            end: v.span.end,
            quote: &v.quote,
            start: v.span.start,
        })
        .collect()
}

/// A period: its first day and, when known, its last (`null` when there is none).
#[derive(Serialize)]
struct Period {
    end: Option<String>,
    start: String,
}

fn period(p: Option<(chrono::NaiveDate, Option<chrono::NaiveDate>)>) -> Option<Period> {
    p.map(|(start, end)| Period {
        end: end.map(|e| e.to_string()),
        start: start.to_string(),
    })
}

/// A dependency of the graph and of `whatif` (fields in sorted order, see [`Citation`]).
#[derive(Serialize)]
struct DependencyJson<'a> {
    claims: Vec<Citation<'a>>,
    dependent: &'a str,
    group: &'a str,
    high: f64,
    kind: &'a str,
    low: f64,
    period: Option<Period>,
    scope: &'a str,
    share: f64,
    supplier: &'a str,
    verdict: &'a str,
}

fn dependency<'a>(d: &'a sinew_engine::Dependency, claims: &'a [CitedClaim]) -> DependencyJson<'a> {
    DependencyJson {
        claims: citations(claims, &d.claims),
        dependent: &d.dependent,
        group: &d.group,
        high: d.high,
        kind: d.kind.as_str(),
        low: d.low,
        period: period(d.period),
        scope: &d.scope,
        share: d.share,
        supplier: &d.supplier,
        verdict: d.verdict.as_str(),
    }
}

/// A flow of the graph and of `whatif` (fields in sorted order, see [`Citation`]).
#[derive(Serialize)]
pub(crate) struct FlowJson<'a> {
    claims: Vec<Citation<'a>>,
    from: &'a str,
    id: &'a str,
    kind: &'a str,
    source: String,
    sources: usize,
    symmetric: bool,
    target: String,
    ties: Vec<Tie<'a>>,
    to: &'a str,
    volumes: Vec<VolumeJson<'a>>,
}

/// A political tie of a flow: its kind, the sentence's document and span, its words.
#[derive(Serialize)]
struct Tie<'a> {
    doc: &'a str,
    end: usize,
    /// For a supply tie (one side of an exchange), what is sent, in the sentence's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    goods: Option<&'a str>,
    kind: &'a str,
    quote: &'a str,
    start: usize,
}

/// A reconciled figure of a flow (fields in sorted order, see [`Citation`]).
#[derive(Serialize)]
struct VolumeJson<'a> {
    group: &'a str,
    high: f64,
    low: f64,
    measure: &'a str,
    per: Option<&'a str>,
    period: Option<Period>,
    text: &'a str,
    unit: Option<&'a str>,
    /// True when no source gives a number ("several", "thousands of"): `text` holds the
    /// sources' words, `value` is null and `low`/`high` are only the words' usual range.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    vague: bool,
    value: Option<f64>,
    verdict: &'a str,
}

/// A flow as `sinew graph --format json` and `sinew export flows` write it.
pub(crate) fn flow<'a>(
    f: &'a sinew_engine::Flow,
    claims: &'a [CitedClaim],
    words: &'a TieWords,
) -> FlowJson<'a> {
    FlowJson {
        claims: citations(claims, &f.claims),
        from: &f.from,
        id: &f.id,
        kind: f.kind.as_str(),
        source: sinew_engine::node_id(&f.from),
        sources: f.sources,
        symmetric: f.symmetric,
        target: sinew_engine::node_id(&f.to),
        ties: f
            .ties
            .iter()
            .map(|t| {
                let (doc, quote) = words
                    .get(&(t.doc.clone(), t.span))
                    .map_or((t.doc.0.as_str(), ""), |(d, q)| (d.as_str(), q.as_str()));
                Tie {
                    doc,
                    end: t.span.end,
                    goods: t.goods.as_deref(),
                    kind: t.kind.as_str(),
                    quote,
                    start: t.span.start,
                }
            })
            .collect(),
        to: &f.to,
        volumes: f
            .volumes
            .iter()
            .map(|v| VolumeJson {
                group: &v.group,
                high: v.high,
                low: v.low,
                measure: &v.measure,
                per: v.per.as_deref(),
                period: period(v.period),
                text: &v.text,
                unit: v.unit.as_deref(),
                vague: v.vague,
                value: v.value.filter(|_| !v.vague),
                verdict: v.verdict.as_str(),
            })
            .collect(),
    }
}

/// Source name and sentence words of each political tie, by (document, sentence span).
pub(crate) type TieWords =
    std::collections::HashMap<(sinew_types::DocId, sinew_types::Span), (String, String)>;

/// `sinew graph --format json`: actors, dependencies and flows, each with the claims behind
/// it, written element by element so that no `Value` of the whole network is held in memory
/// (on a large store that tree outweighed the network itself). The keys come in the order
/// `serde_json`'s sorted map writes them.
pub(crate) fn write_network(
    out: &mut dyn std::io::Write,
    view: &sinew_engine::NetworkView,
) -> std::io::Result<()> {
    let (n, claims, words) = (&view.network, &view.claims, &view.tie_words);
    fn list<T>(
        out: &mut dyn std::io::Write,
        items: &[T],
        one: impl Fn(&mut dyn std::io::Write, &T) -> serde_json::Result<()>,
    ) -> std::io::Result<()> {
        out.write_all(b"[")?;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            one(out, item)?;
        }
        out.write_all(b"]")
    }
    out.write_all(b"{\"actors\":")?;
    // The network's actors, then the ends of event ties no claim names.
    let actors: Vec<&sinew_engine::Actor> = n.actors.iter().chain(&view.event_actors).collect();
    list(out, &actors, |out, a| {
        let mut v =
            json!({"id": a.id, "name": a.name, "type": a.entity_type.as_str(), "claims": a.claims});
        // The state a company or person belongs to; countries have none.
        if let Some(c) = &a.country {
            v["country"] = json!(c);
        }
        serde_json::to_writer(out, &v)
    })?;
    out.write_all(b",\"dependencies\":")?;
    list(out, &n.dependencies, |out, d| {
        serde_json::to_writer(out, &dependency(d, claims))
    })?;
    // The political layer from events: who did what to whom, how often, when, on whose
    // words. Never a flow: nothing moves along it.
    out.write_all(b",\"events\":")?;
    list(out, &view.events, |out, t| {
        serde_json::to_writer(out, &event_tie(t, &view.event_reports))
    })?;
    out.write_all(b",\"flows\":")?;
    list(out, &n.flows, |out, f| {
        serde_json::to_writer(out, &flow(f, claims, words))
    })?;
    out.write_all(b"}")
}

/// The id of an event tie's edge: its ends' node ids and its category
/// (`russia->ukraine:event:fight`).
pub(crate) fn event_tie_id(t: &EventTie) -> String {
    format!(
        "{}->{}:event:{}",
        sinew_engine::node_id(&t.from),
        sinew_engine::node_id(&t.to),
        t.category.as_str().to_lowercase()
    )
}

/// An event tie in `sinew graph`'s JSON: `id`, `from`/`to` (names) with their node ids,
/// `category` (PLOVER), `mutual`, `events` (how many), `documents` (independent), `first` and
/// `last` days, and `evidence`: every report's document, sentence span and words.
fn event_tie(t: &EventTie, reports: &[StoredEvent]) -> Value {
    let evidence: Vec<Value> = t
        .evidence
        .iter()
        .filter_map(|&i| reports.get(i))
        .map(|r| {
            json!({
                "doc": r.source, "doc_id": r.doc.0, "start": r.event.sentence.start,
                "end": r.event.sentence.end, "quote": r.sentence,
            })
        })
        .collect();
    json!({
        "id": event_tie_id(t),
        "from": t.from, "to": t.to,
        "from_id": sinew_engine::node_id(&t.from), "to_id": sinew_engine::node_id(&t.to),
        "category": t.category.as_str(), "mutual": t.mutual,
        "events": t.events.len(), "documents": t.documents,
        "first": t.first.map(|d| d.to_string()), "last": t.last.map(|d| d.to_string()),
        "evidence": evidence,
    })
}

/// `sinew whatif --json`: the change, the flows it touches, and each dependency on them with
/// the supply left and whether it falls below the threshold.
pub(crate) fn what_if(w: &sinew_engine::WhatIf, claims: &[CitedClaim]) -> Value {
    let no_ties = TieWords::new();
    json!({
        "cut": {
            "from": w.cut.from, "to": w.cut.to, "kind": w.cut.kind.map(|k| k.as_str()),
            "factor": w.cut.factor,
        },
        "threshold": w.threshold,
        "flows": w.flows.iter().map(|f| flow(f, claims, &no_ties)).collect::<Vec<_>>(),
        "affected": w.affected.iter().map(|a| {
            let mut d = json!(dependency(&a.dependency, claims));
            if let Value::Object(map) = &mut d {
                map.insert("supply_left".into(), json!(a.supply_left));
                map.insert("below".into(), json!(a.below));
                map.insert("explanation".into(), json!(a.explanation));
            }
            d
        }).collect::<Vec<_>>(),
    })
}

/// An alert of `sinew alerts --json`: `doc` is the raising document's source name, `doc_id`
/// its id; `key` the figure group or flow it is about.
pub(crate) fn alert(a: &sinew_engine::AlertView) -> Value {
    let s = &a.stored;
    json!({
        "seq": s.seq, "raised_at": s.raised_at, "kind": s.alert.kind.as_str(),
        "key": s.alert.key, "doc": a.source, "doc_id": s.alert.doc,
        "subject": s.alert.subject, "object": s.alert.object, "message": s.alert.message,
    })
}
