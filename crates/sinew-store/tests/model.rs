//! Property test: random sequences of operations against the store and against a plain
//! in-memory model, compared after every step.

use std::collections::{BTreeMap, HashMap, HashSet};

use proptest::prelude::*;
use sinew_store::{
    Alias, ClaimFilter, DocFingerprint, EntityDescription, EntitySummary, EventFilter, PutOutcome,
    StoreStats, StoredEvent,
};
use sinew_types::{
    Annotations, Attribution, Citation, Claim, Coarse, Description, Diagnostic, DocId, Document,
    EntityType, Event, EventActor, EventModality, Fingerprint, Grain, Mention, MentionKind,
    Modality, PloverCategory, Quantity, QuantityKind, Sector, Sentence, Span, TimeExpr, TimeKind,
};

use crate::backends::backends;

/// A few names, with case variants and non-ASCII, so that filters and grouping collide.
const NAMES: &[&str] = &[
    "China", "CHINA", "Russia", "Türkiye", "TÜRKIYE", "Straße", "NATO", "ß",
];

#[derive(Debug, Clone)]
enum Op {
    Put(usize),
    Batch(Vec<usize>),
    Query {
        entity: Option<usize>,
        doc: Option<usize>,
        from: Option<chrono::NaiveDate>,
    },
}

/// The model: documents in ingest order.
#[derive(Default)]
struct Model {
    docs: Vec<(Document, Annotations)>,
    index: HashMap<DocId, usize>,
}

impl Model {
    fn put(&mut self, doc: &Document, ann: &Annotations) -> PutOutcome {
        if self.index.contains_key(&doc.id) {
            return PutOutcome::AlreadyPresent;
        }
        self.index.insert(doc.id.clone(), self.docs.len());
        self.docs.push((doc.clone(), ann.clone()));
        PutOutcome::Inserted
    }

    fn fingerprints(&self) -> Vec<DocFingerprint> {
        self.docs
            .iter()
            .filter_map(|(d, _)| {
                Some(DocFingerprint {
                    id: d.id.clone(),
                    fingerprint: d.fingerprint.clone()?,
                    duplicate_of: d.duplicate_of.clone(),
                })
            })
            .collect()
    }

    /// Stored documents sharing a whole band with `query`, in ingest order.
    fn candidates(&self, query: &Fingerprint) -> Vec<DocFingerprint> {
        let shares = |fp: &Fingerprint| fp.bands().any(|band| query.bands().any(|q| q == band));
        self.fingerprints()
            .into_iter()
            .filter(|d| shares(&d.fingerprint))
            .collect()
    }

    fn claims(&self, filter: &ClaimFilter) -> Vec<Claim> {
        let key = filter.entity.as_deref().map(str::to_lowercase);
        let matches = |c: &Claim| {
            key.as_ref().is_none_or(|k| {
                [&c.subject, &c.object]
                    .iter()
                    .any(|n| n.as_deref().map(str::to_lowercase).as_ref() == Some(k))
            })
        };
        let mut out = Vec::new();
        for (doc, ann) in &self.docs {
            if filter.doc.as_ref().is_some_and(|d| *d != doc.id) {
                continue;
            }
            let mut claims: Vec<(usize, &Claim)> = ann
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| matches(c))
                .collect();
            claims.sort_by_key(|(ord, c)| (c.span.start, c.span.end, *ord));
            out.extend(claims.into_iter().map(|(_, c)| c.clone()));
        }
        out
    }

    /// Events whose actors name the filter's entities or countries (any case), dated on or
    /// after `from`, in ingest order.
    fn events(&self, filter: &EventFilter) -> Vec<StoredEvent> {
        let keys: Vec<String> = filter.entities.iter().map(|e| e.to_lowercase()).collect();
        let isos: Vec<String> = filter.countries.iter().map(|c| c.to_lowercase()).collect();
        let named = |e: &Event| {
            (keys.is_empty() && isos.is_empty())
                || e.source.iter().chain(&e.target).any(|a| {
                    a.canonical
                        .as_ref()
                        .is_some_and(|c| keys.contains(&c.to_lowercase()))
                        || a.country
                            .as_ref()
                            .is_some_and(|c| isos.contains(&c.to_lowercase()))
                })
        };
        let dated = |e: &Event| {
            filter
                .from
                .is_none_or(|from| e.date_end.or(e.date).is_some_and(|d| d >= from))
                && filter.to.is_none_or(|to| e.date.is_some_and(|d| d <= to))
        };
        let mut out = Vec::new();
        for (doc, ann) in &self.docs {
            if filter.doc.as_ref().is_some_and(|d| *d != doc.id) {
                continue;
            }
            for (ord, e) in ann.events.iter().enumerate() {
                if !named(e) || !dated(e) {
                    continue;
                }
                let bytes = doc.text.as_bytes();
                let cut = |i: usize| i.min(bytes.len());
                let words = &bytes[cut(e.sentence.start)..cut(e.sentence.end)];
                out.push(StoredEvent {
                    doc: doc.id.clone(),
                    ord: u32::try_from(ord).expect("ord"),
                    source: doc.source.clone(),
                    published: doc.published,
                    duplicate_of: doc.duplicate_of.clone(),
                    sentence: String::from_utf8_lossy(words).into_owned(),
                    event: e.clone(),
                });
            }
        }
        out
    }

    /// A recount over every stored mention and description: what the store's aggregates must
    /// equal.
    fn entities(&self) -> Vec<EntitySummary> {
        let mut groups: BTreeMap<String, (Vec<&Mention>, HashSet<&DocId>)> = BTreeMap::new();
        for (doc, ann) in &self.docs {
            for m in &ann.mentions {
                let g = groups.entry(m.id.clone()).or_default();
                g.0.push(m);
                g.1.insert(&doc.id);
            }
        }
        // Per entity and normalised text: count, then the first occurrence (ingest order,
        // then order within the document).
        let mut described: BTreeMap<(String, String), (u64, usize, &Document, &Description)> =
            BTreeMap::new();
        for (seq, (doc, ann)) in self.docs.iter().enumerate() {
            for d in &ann.descriptions {
                let e = described
                    .entry((d.entity.clone(), description_key(&d.text)))
                    .or_insert((0, seq, doc, d));
                e.0 += 1;
            }
        }
        let mut out: Vec<EntitySummary> = groups
            .into_iter()
            .map(|(id, (ms, docs))| {
                let mut aliases: BTreeMap<&str, u64> = BTreeMap::new();
                for m in ms.iter().filter(|m| m.kind == MentionKind::Name) {
                    *aliases.entry(m.text.as_str()).or_default() += 1;
                }
                let mut aliases: Vec<Alias> = aliases
                    .into_iter()
                    .map(|(text, mentions)| Alias {
                        text: text.to_string(),
                        mentions,
                    })
                    .collect();
                aliases.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.text.cmp(&b.text)));
                let description = described
                    .iter()
                    .filter(|((entity, _), _)| *entity == id)
                    .min_by(|((_, ka), a), ((_, kb), b)| {
                        b.0.cmp(&a.0)
                            .then(a.1.cmp(&b.1))
                            .then(a.3.span.start.cmp(&b.3.span.start))
                            .then(a.3.span.end.cmp(&b.3.span.end))
                            .then(ka.cmp(kb))
                    })
                    .map(|(_, &(count, _, doc, d))| EntityDescription {
                        text: d.text.clone(),
                        count,
                        citation: Citation {
                            doc: doc.id.clone(),
                            source: doc.source.clone(),
                            span: d.span,
                        },
                    });
                EntitySummary {
                    canonical: ms
                        .iter()
                        .map(|m| m.canonical.clone())
                        .min()
                        .unwrap_or_default(),
                    entity_type: ms
                        .iter()
                        .map(|m| m.entity_type)
                        .min_by_key(|t| t.as_str())
                        .unwrap_or(EntityType::Other),
                    id,
                    country: ms.iter().filter_map(|m| m.country.clone()).max(),
                    sector: ms
                        .iter()
                        .filter_map(|m| m.sector)
                        .max_by_key(|s| s.as_str()),
                    mentions: ms.len() as u64,
                    documents: docs.len() as u64,
                    aliases,
                    description,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(b.documents.cmp(&a.documents))
                .then(a.id.cmp(&b.id))
        });
        out
    }

    fn stats(&self) -> StoreStats {
        let sum = |f: fn(&Annotations) -> usize| self.docs.iter().map(|(_, a)| f(a) as u64).sum();
        StoreStats {
            documents: self.docs.len() as u64,
            mentions: sum(|a| a.mentions.len()),
            quantities: sum(|a| a.quantities.len()),
            times: sum(|a| a.times.len()),
            claims: sum(|a| a.claims.len()),
        }
    }
}

/// The model's own statement of the rule in `Store::entities`: lower case, single spaces, no
/// leading article.
fn description_key(text: &str) -> String {
    let lower = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for article in ["a ", "an ", "the "] {
        if let Some(rest) = lower.strip_prefix(article) {
            return rest.to_string();
        }
    }
    lower
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 ,.%$€’“”é-]{0,24}",
        // Any characters but NUL, which PostgreSQL's text cannot hold (ingest never stores
        // one; `store::a_nul_character_is_refused_by_postgres_with_the_document_named`).
        1 => any::<String>().prop_map(|s| s.chars().filter(|c| *c != '\0').take(16).collect()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES).prop_map(str::to_string)
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn span() -> impl Strategy<Value = Span> {
    (0usize..200, 0usize..40).prop_map(|(s, len)| Span::new(s, s + len))
}

fn date() -> impl Strategy<Value = chrono::NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

/// Finite and infinite figures; NaN equals nothing, so its round trip has its own test.
fn figure() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{INFINITE, NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        3 => (0u32..10_000).prop_map(|n| f64::from(n) / 10.0),
        1 => POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO | INFINITE,
    ]
}

fn entity_type() -> impl Strategy<Value = EntityType> {
    prop::sample::select(vec![
        EntityType::Country,
        EntityType::Place,
        EntityType::InternationalOrg,
        EntityType::GovernmentBody,
        EntityType::Company,
        EntityType::ThinkTank,
        EntityType::Media,
        EntityType::Person,
        EntityType::Agreement,
        EntityType::Other,
    ])
}

fn mention() -> impl Strategy<Value = Mention> {
    let coarse = prop::sample::select(vec![Coarse::Per, Coarse::Org, Coarse::Loc, Coarse::Misc]);
    let sector = prop::sample::select(vec![
        Sector::Government,
        Sector::Military,
        Sector::Business,
        Sector::Media,
        Sector::CivilSociety,
        Sector::International,
    ]);
    let kind = prop::sample::select(vec![
        MentionKind::Name,
        MentionKind::Name,
        MentionKind::Nominal,
    ]);
    // Surface forms from a small set, so that aliases repeat and counts add up.
    let words = prop_oneof![3 => name(), 1 => text()];
    (
        span(),
        words,
        entity_type(),
        name(),
        opt(name()),
        (coarse, opt(sector), kind),
    )
        .prop_map(
            |(span, text, ty, canonical, country, (coarse, sector, kind))| Mention {
                span,
                text,
                entity_type: ty,
                // Ids from type and lower-cased name, so canonical spellings of one id differ.
                id: format!("{}:{}", ty.as_str(), canonical.to_lowercase()),
                canonical,
                country,
                coarse,
                sector,
                kind,
            },
        )
}

/// An actor named from the small name set, with a country code or none.
fn event_actor() -> impl Strategy<Value = EventActor> {
    let country = prop::sample::select(vec!["CHN", "rus", "PRK"]);
    (span(), text(), opt(name()), opt(country)).prop_map(|(span, text, canonical, country)| {
        EventActor {
            span,
            text,
            canonical,
            country: country.map(str::to_string),
            sector: None,
        }
    })
}

/// An event with actors from the small name set and dates that filters split.
fn event() -> impl Strategy<Value = Event> {
    let category = prop::sample::select(PloverCategory::ALL.to_vec());
    let modality = prop::sample::select(vec![
        EventModality::Asserted,
        EventModality::Hedged,
        EventModality::Planned,
        EventModality::Denied,
    ]);
    (
        (category, span(), span()),
        prop::collection::vec(event_actor(), 0..3),
        prop::collection::vec(event_actor(), 0..2),
        (opt(date()), opt(date())),
        (modality, any::<bool>(), opt(text())),
    )
        .prop_map(
            |(
                (category, trigger, sentence),
                source,
                target,
                (date, date_end),
                (modality, negated, attribution),
            )| {
                Event {
                    category,
                    mode: None,
                    kind: None,
                    trigger,
                    sentence,
                    source,
                    target,
                    date,
                    date_end: date.and(date_end).map(|e| e.max(date.unwrap_or(e))),
                    location: None,
                    attribution,
                    modality,
                    negated,
                }
            },
        )
}

/// A description of an entity that mentions may or may not name, in one of a few wordings
/// that share a normalised text, so that counts, ties and first occurrences all happen.
fn description() -> impl Strategy<Value = Description> {
    let ty = prop::sample::select(vec![EntityType::Country, EntityType::Person]);
    let wording = prop::sample::select(vec![
        "a think tank",
        "A think  tank",
        "the think tank",
        "defence minister",
        "Defence Minister",
        "the minister",
    ]);
    (
        ty,
        name(),
        span(),
        prop_oneof![4 => wording.prop_map(str::to_string), 1 => text()],
    )
        .prop_map(|(ty, canonical, span, text)| Description {
            entity: format!("{}:{}", ty.as_str(), canonical.to_lowercase()),
            span,
            text,
        })
}

fn quantity() -> impl Strategy<Value = Quantity> {
    let kind = prop::sample::select(vec![
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Count,
        QuantityKind::Measure,
        QuantityKind::Number,
    ]);
    (
        span(),
        text(),
        figure(),
        opt(figure()),
        opt(text()),
        kind,
        opt(text()),
        opt(text()),
        any::<bool>(),
    )
        .prop_map(
            |(span, text, value, value_max, unit, kind, qualifier, per, vague)| Quantity {
                span,
                text,
                value,
                value_max,
                unit,
                kind,
                qualifier,
                per,
                vague,
            },
        )
}

fn time() -> impl Strategy<Value = TimeExpr> {
    let grain = prop::sample::select(vec![
        Grain::Hour,
        Grain::Day,
        Grain::Week,
        Grain::Month,
        Grain::Season,
        Grain::Quarter,
        Grain::Half,
        Grain::Year,
        Grain::Decade,
        Grain::Century,
    ]);
    let kind = prop::sample::select(vec![
        TimeKind::Point,
        TimeKind::Since,
        TimeKind::Until,
        TimeKind::Range,
        TimeKind::Duration,
        TimeKind::Set,
    ]);
    (
        span(),
        text(),
        opt(date()),
        opt(date()),
        grain,
        kind,
        opt(text()),
    )
        .prop_map(
            |(span, text, start_date, end_date, grain, kind, timex)| TimeExpr {
                span,
                text,
                start_date,
                end_date,
                grain,
                kind,
                timex,
            },
        )
}

fn claim(doc: DocId) -> impl Strategy<Value = Claim> {
    let modality = prop::sample::select(vec![Modality::Asserted, Modality::Hedged]);
    (
        span(),
        quantity(),
        opt(name()),
        opt(name()),
        text(),
        opt(time()),
        opt(text()),
        modality,
    )
        .prop_map(
            move |(sentence, quantity, subject, object, measure, time, attribution, modality)| {
                Claim {
                    doc: doc.clone(),
                    span: quantity.span,
                    sentence,
                    quantity,
                    subject,
                    object,
                    measure,
                    time,
                    attribution,
                    modality,
                    kind: sinew_types::MeasureKind::Other,
                    restates: None,
                    inferred: None,
                    changed_to: None,
                }
            },
        )
}

fn annotations(doc: DocId) -> impl Strategy<Value = Annotations> {
    let attribution =
        (span(), span(), name(), text()).prop_map(|(span, source_span, source, cue)| Attribution {
            span,
            source_span,
            source,
            cue,
        });
    let diagnostic = (opt(span()), text()).prop_map(|(span, message)| Diagnostic { span, message });
    (
        prop::collection::vec(span().prop_map(|span| Sentence { span }), 0..3),
        prop::collection::vec(mention(), 0..8),
        prop::collection::vec(quantity(), 0..3),
        prop::collection::vec(time(), 0..3),
        prop::collection::vec(attribution, 0..2),
        prop::collection::vec(claim(doc), 0..4),
        (
            prop::collection::vec(diagnostic, 0..2),
            prop::collection::vec(description(), 0..4),
            prop::collection::vec(event(), 0..3),
        ),
    )
        .prop_map(
            |(
                sentences,
                mentions,
                quantities,
                times,
                attributions,
                claims,
                (diagnostics, descriptions, events),
            )| {
                Annotations {
                    sentences,
                    mentions,
                    quantities,
                    times,
                    attributions,
                    claims,
                    diagnostics,
                    descriptions,
                    events,
                }
            },
        )
}

/// A pool document; ids come from a small set so that re-puts of different content happen.
fn item() -> impl Strategy<Value = (Document, Annotations)> {
    (
        0u8..6,
        text(),
        opt(text()),
        opt(date()),
        opt(text()),
        text(),
        (
            // Values from {0, 1} half the time, so that fingerprints share bands.
            opt(
                prop::collection::vec(prop_oneof![any::<u32>(), 0u32..2], 0..7)
                    .prop_map(Fingerprint),
            ),
            opt(0u8..6),
        ),
    )
        .prop_flat_map(
            |(n, source, title, published, lang, body, (fingerprint, dup))| {
                let id = DocId(format!("{n:016x}"));
                let doc = Document {
                    id: id.clone(),
                    source,
                    url: None,
                    title,
                    author: None,
                    published,
                    site: None,
                    lang,
                    text: body,
                    fingerprint,
                    duplicate_of: dup.map(|d| DocId(format!("{d:016x}"))),
                };
                (Just(doc), annotations(id))
            },
        )
}

fn op(pool: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..pool).prop_map(Op::Put),
        2 => prop::collection::vec(0..pool, 0..4).prop_map(Op::Batch),
        2 => (opt(0..NAMES.len()), opt(0..pool), opt(date()))
            .prop_map(|(entity, doc, from)| Op::Query { entity, doc, from }),
    ]
}

fn case() -> impl Strategy<Value = (Vec<(Document, Annotations)>, Vec<Op>)> {
    prop::collection::vec(item(), 1..8).prop_flat_map(|pool| {
        let n = pool.len();
        (Just(pool), prop::collection::vec(op(n), 1..12))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn store_behaves_like_the_model((pool, ops) in case()) {
        for backend in backends() {
        let store = &*backend.store;
        let mut model = Model::default();
        for op in ops.iter().cloned() {
            match op {
                Op::Put(i) => {
                    let (doc, ann) = &pool[i];
                    prop_assert_eq!(store.put(doc, ann).expect("put"), model.put(doc, ann));
                }
                Op::Batch(items) => {
                    let batch: Vec<(Document, Annotations)> = items.iter().map(|&i| pool[i].clone()).collect();
                    let want: Vec<PutOutcome> = batch.iter().map(|(d, a)| model.put(d, a)).collect();
                    prop_assert_eq!(store.put_batch(&batch).expect("batch"), want);
                }
                Op::Query { entity, doc, from } => {
                    let filter = ClaimFilter {
                        entity: entity.map(|i| NAMES[i].to_string()),
                        doc: doc.map(|i| pool[i].0.id.clone()),
                    };
                    let got = store.claims(&filter).expect("claims");
                    prop_assert_eq!(got, model.claims(&filter), "claims {:?}", filter);
                    let filter = EventFilter {
                        entities: entity.map(|i| NAMES[i].to_string()).into_iter().collect(),
                        countries: entity.map(|_| "Rus".to_string()).into_iter().collect(),
                        from,
                        to: from.map(|d| d + chrono::Days::new(20_000)),
                        doc: doc.map(|i| pool[i].0.id.clone()),
                    };
                    let got = store.events(&filter).expect("events");
                    prop_assert_eq!(got, model.events(&filter), "events {:?}", filter);
                }
            }
            prop_assert_eq!(store.stats().expect("stats"), model.stats());
            prop_assert_eq!(
                store.document_count().expect("count"),
                model.stats().documents
            );
            // The aggregates equal a recount after every put and batch, not only at the end.
            prop_assert_eq!(store.entities().expect("entities"), model.entities());
        }
        let docs: Vec<Document> = model.docs.iter().map(|(d, _)| d.clone()).collect();
        prop_assert_eq!(store.documents().expect("documents"), docs.clone());
        // Read in pages of two, the store gives the same documents in the same order.
        let mut paged: Vec<Document> = Vec::new();
        loop {
            let page = store
                .documents_after(paged.last().map(|d| &d.id), 2)
                .expect("documents_after");
            prop_assert!(page.len() <= 2);
            if page.is_empty() {
                break;
            }
            paged.extend(page);
        }
        prop_assert_eq!(paged, docs);
        for (doc, ann) in &model.docs {
            prop_assert!(store.contains(&doc.id).expect("contains"));
            prop_assert_eq!(store.document(&doc.id).expect("document"), Some(doc.clone()));
            let got = store.annotations(&doc.id).expect("annotations");
            prop_assert_eq!(got, Some(ann.clone()), "annotations of {}", doc.id);
        }
        prop_assert_eq!(store.entities().expect("entities"), model.entities());
        // the same list, in the same order, without aliases
        let mut bare = model.entities();
        for e in &mut bare {
            e.aliases.clear();
        }
        prop_assert_eq!(store.entities_without_aliases().expect("without aliases"), bare);
        prop_assert_eq!(store.fingerprints().expect("fingerprints"), model.fingerprints());
        for fp in pool.iter().filter_map(|(d, _)| d.fingerprint.as_ref()) {
            let got = store.near_duplicate_candidates(fp).expect("candidates");
            prop_assert_eq!(got, model.candidates(fp), "candidates of {:?}", fp);
        }
        }
    }
}
