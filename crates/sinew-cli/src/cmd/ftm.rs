//! `sinew export ftm`: the store as FollowTheMoney entities, one JSON object a line, for
//! Aleph, `ftm` and nomenklatura.
//!
//! Each line is an entity in FtM's own JSON shape (`id`, `schema`, `properties`: every value a
//! string in a list) plus one key of Sinew's, `provenance`: for each property, for each of its
//! values, the places in the articles that say it, as `doc#start-end` (the document's `id`,
//! then byte offsets into its clean text: `sinew export documents` has the text). FtM keeps
//! keys beside `properties` as the entity's context (`EntityProxy.context`), so the shape
//! loads and round-trips unchanged. A value with no place is one Sinew knows rather than
//! reads (a country's ISO code, a topic).
//!
//! What becomes what:
//! - entities: a person is a `Person`; a company, state enterprise or news organisation a
//!   `Company`; a government body, armed force or state (a country acting) a `PublicBody`;
//!   an international organisation or think tank an `Organization`. `name` is the canonical
//!   name (its places: every mention by name), `alias` each other written form (its places:
//!   the mentions written so), `description` what the articles say it is. A party of a flow or
//!   an event that no stored entity names becomes a `LegalEntity` with its name.
//! - a figure of money on a one-way trade flow (a loan, a payment): a `Payment`, `payer` the
//!   flow's source, `beneficiary` its recipient, `amount` (the consensus; none when the
//!   sources conflict) and `currency`, placed at the ledger group's claims.
//! - each pair (who sanctions, whom): a `Sanction` on the target, `authority` the side
//!   imposing it, placed at the sentences that say so.
//! - each merged event (PLOVER) that is not denied or negated: an `Event`, its actors
//!   `involved` (the sources also `organizer` unless the event is mutual), placed at each
//!   report's sentence.
//! - each goods flow (arms, dual-use goods, trade, energy, food, technology, other): an
//!   `UnknownLink`, `subject` the supplier, `object` the recipient, `role` what moves, its
//!   figures in `summary`, placed at the claims and sentences behind it.
//!
//! Ids are `sinew-` and a readable slug and a hash of what the entity is (the stored entity's
//! id, the ledger group, the event's id, the flow's id), so a second export of the same
//! store gives the same ids, and a re-export after more ingest keeps the ids of what stayed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::{json, Value};
use sinew_engine::{Engine, EventQuery, FlowKind, LedgerFilter, TieKind};
use sinew_types::{DocId, EntityType, EventModality, MentionKind, PloverCategory, Span};

use super::{open_read_only, output_to};

/// Documents read from the store at a time.
const DOC_PAGE: usize = 500;

/// A place in an article: `doc#start-end`.
fn place(doc: &DocId, span: Span) -> String {
    format!("{}#{}-{}", doc.0, span.start, span.end)
}

/// An FtM id: `sinew-`, a slug of `label` and a 64-bit FNV-1a hash of `key` (what makes the
/// entity itself), so equal keys give equal ids on every run and platform. FtM ids allow
/// letters, digits, `.` and `-`.
fn ftm_id(label: &str, key: &str) -> String {
    let mut slug = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    if slug.is_empty() {
        format!("sinew-{hash:016x}")
    } else {
        format!("sinew-{slug}-{hash:016x}")
    }
}

/// One FtM entity being built.
#[derive(Debug, Clone)]
struct FtmEntity {
    id: String,
    schema: &'static str,
    /// Property -> values, in the order first added.
    props: BTreeMap<&'static str, Vec<String>>,
    /// Property -> value -> places.
    provenance: BTreeMap<&'static str, BTreeMap<String, Vec<String>>>,
}

impl FtmEntity {
    fn new(id: String, schema: &'static str) -> FtmEntity {
        FtmEntity {
            id,
            schema,
            props: BTreeMap::new(),
            provenance: BTreeMap::new(),
        }
    }

    /// Adds a value (once; an empty value is none) and the places that say it.
    fn add(&mut self, prop: &'static str, value: &str, places: &[String]) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let values = self.props.entry(prop).or_default();
        if !values.iter().any(|v| v == value) {
            values.push(value.to_string());
        }
        if !places.is_empty() {
            let known = self
                .provenance
                .entry(prop)
                .or_default()
                .entry(value.to_string())
                .or_default();
            // A set of what is known, so that adding a busy entity's thousands of places is
            // linear, not quadratic.
            let mut seen: HashSet<String> = known.iter().cloned().collect();
            for p in places {
                if seen.insert(p.clone()) {
                    known.push(p.clone());
                }
            }
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "schema": self.schema,
            "properties": self.props,
            "provenance": self.provenance,
        })
    }
}

/// The FtM schema of a stored entity's type; `None` for what is no party (a place, a
/// weapon, a commodity, an agreement).
fn schema_of(t: EntityType) -> Option<&'static str> {
    Some(match t {
        EntityType::Person => "Person",
        EntityType::Company | EntityType::StateEnterprise | EntityType::Media => "Company",
        EntityType::GovernmentBody | EntityType::ArmedForce | EntityType::Country => "PublicBody",
        EntityType::InternationalOrg | EntityType::ThinkTank => "Organization",
        _ => return None,
    })
}

/// FtM's topic for a type, where it has one.
fn topic_of(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::Country => Some("gov.national"),
        EntityType::StateEnterprise => Some("gov.soe"),
        EntityType::ArmedForce => Some("mil"),
        _ => None,
    }
}

/// A country's code as FtM writes it: ISO 3166-1 alpha-2 in lower case, and for a state
/// that no longer exists the ISO 3166-3 code FtM keeps (its cleaning turns `su` into `suhh`).
fn country_code(name: &str) -> Option<String> {
    let (iso2, _) = sinew_engine::iso_codes(name)?;
    let dissolved = match iso2 {
        "SU" => "suhh",
        "YU" => "yucs",
        "CS" => "cshh",
        "DD" => "ddde",
        _ => return Some(iso2.to_ascii_lowercase()),
    };
    Some(dissolved.to_string())
}

/// The parties (people, organisations, states) by canonical name: their ids, and the
/// `LegalEntity`s made for names no stored entity has, written last.
#[derive(Default)]
struct Parties {
    ids: HashMap<String, String>,
    made: Vec<FtmEntity>,
}

impl Parties {
    /// The id of the party named `name`, made as a `LegalEntity` when no stored entity has
    /// that name.
    fn id(&mut self, name: &str) -> String {
        if let Some(id) = self.ids.get(name) {
            return id.clone();
        }
        let mut e = FtmEntity::new(ftm_id(name, &format!("name:{name}")), "LegalEntity");
        e.add("name", name, &[]);
        if let Some(code) = country_code(name) {
            e.add("country", &code, &[]);
        }
        self.ids.insert(name.to_string(), e.id.clone());
        let id = e.id.clone();
        self.made.push(e);
        id
    }
}

/// Where each stored entity is mentioned by name, kept small (a mention is three integers,
/// not a string) since a busy store has tens of mentions a document: by entity id, by the
/// words written, (document number, start, end) in store order.
#[derive(Default)]
struct MentionPlaces {
    docs: Vec<DocId>,
    by_entity: HashMap<String, BTreeMap<String, Vec<Mentioned>>>,
}

/// A mention's place: the document's number in [`MentionPlaces::docs`], start, end.
type Mentioned = (u32, u32, u32);

impl MentionPlaces {
    /// One pass over the stored annotations, a page of documents at a time.
    fn read(engine: &Engine) -> Result<MentionPlaces> {
        let store = engine.store();
        let mut places = MentionPlaces::default();
        let mut after: Option<DocId> = None;
        loop {
            let page = store.documents_after(after.as_ref(), DOC_PAGE)?;
            for d in &page {
                let Some(ann) = store.annotations(&d.id)? else {
                    continue;
                };
                let n = u32::try_from(places.docs.len()).context("over 4 billion documents")?;
                places.docs.push(d.id.clone());
                for m in ann.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
                    let (Ok(start), Ok(end)) =
                        (u32::try_from(m.span.start), u32::try_from(m.span.end))
                    else {
                        continue;
                    };
                    places
                        .by_entity
                        .entry(m.id.clone())
                        .or_default()
                        .entry(m.text.clone())
                        .or_default()
                        .push((n, start, end));
                }
            }
            match page.last() {
                Some(last) if page.len() == DOC_PAGE => after = Some(last.id.clone()),
                _ => break,
            }
        }
        Ok(places)
    }

    fn strings(&self, list: &[Mentioned]) -> Vec<String> {
        list.iter()
            .map(|&(d, s, e)| {
                let span = Span {
                    start: s as usize,
                    end: e as usize,
                };
                place(&self.docs[d as usize], span)
            })
            .collect()
    }

    /// The places of an entity's mentions by name, in store order, and those of each
    /// written form.
    fn of(&self, entity: &str) -> (Vec<String>, BTreeMap<&str, Vec<String>>) {
        let Some(by_text) = self.by_entity.get(entity) else {
            return (Vec::new(), BTreeMap::new());
        };
        let mut all: Vec<Mentioned> = by_text.values().flatten().copied().collect();
        all.sort_unstable();
        let texts = by_text
            .iter()
            .map(|(t, l)| (t.as_str(), self.strings(l)))
            .collect();
        (self.strings(&all), texts)
    }
}

/// Writes every FtM entity of the store, one a line: the stored entities first as they are
/// read (one in memory at a time), then payments, sanctions, events and goods flows, then
/// the parties those name that no stored entity is.
fn write_entities(engine: &Engine, out: &mut dyn Write) -> Result<()> {
    let mut parties = Parties::default();
    let places = MentionPlaces::read(engine)?;
    // Most mentioned first, so a canonical name two entities share names the more mentioned.
    for e in engine.entities()? {
        let Some(schema) = schema_of(e.entity_type) else {
            continue;
        };
        if parties.ids.contains_key(&e.canonical) {
            continue;
        }
        let mut f = FtmEntity::new(ftm_id(&e.canonical, &format!("entity:{}", e.id)), schema);
        let (all, by_text) = places.of(&e.id);
        f.add("name", &e.canonical, &all);
        for a in &e.aliases {
            if a.text.trim() != e.canonical {
                f.add(
                    "alias",
                    &a.text,
                    by_text.get(a.text.as_str()).map_or(&[][..], Vec::as_slice),
                );
            }
        }
        let state = if e.entity_type == EntityType::Country {
            Some(e.canonical.as_str())
        } else {
            e.country.as_deref()
        };
        if let Some(code) = state.and_then(country_code) {
            f.add("country", &code, &[]);
            if e.entity_type == EntityType::Country {
                f.add("jurisdiction", &code, &[]);
            }
        }
        if let Some(t) = topic_of(e.entity_type) {
            f.add("topics", t, &[]);
        }
        if let Some(d) = &e.description {
            f.add(
                "description",
                &d.text,
                &[place(&d.citation.doc, d.citation.span)],
            );
        }
        parties.ids.insert(e.canonical.clone(), f.id.clone());
        writeln!(out, "{}", f.to_json())?;
    }
    drop(places);

    let mut others = Vec::new();

    // Payments: money figures on one-way trade flows, placed at their ledger group's claims.
    let network = engine.network()?;
    let ledger = engine.ledger(&LedgerFilter::default())?;
    let group_places: HashMap<&str, Vec<String>> = ledger
        .ledger
        .groups
        .iter()
        .map(|g| {
            let p = g
                .claims
                .iter()
                .filter_map(|m| ledger.claims.get(m.claim))
                .map(|v| place(&v.claim.doc, v.claim.span))
                .collect();
            (g.id.as_str(), p)
        })
        .collect();
    for f in &network.network.flows {
        if f.kind != FlowKind::Trade || f.symmetric {
            continue;
        }
        for v in &f.volumes {
            let Some(cur) = v.unit.as_deref().filter(|u| is_currency(u)) else {
                continue;
            };
            if !is_transfer(&v.measure) {
                continue;
            }
            let at = group_places
                .get(v.group.as_str())
                .cloned()
                .unwrap_or_default();
            let mut p = FtmEntity::new(
                ftm_id(&v.measure, &format!("payment:{}", v.group)),
                "Payment",
            );
            p.add("payer", &parties.id(&f.from), &at);
            p.add("beneficiary", &parties.id(&f.to), &at);
            // A vague amount ("billions of dollars") has no number: its words are the summary.
            if let Some(value) = v.value.filter(|x| x.is_finite() && !v.vague) {
                p.add("amount", &number(value), &at);
            }
            p.add("currency", cur, &at);
            p.add("purpose", &v.measure, &at);
            p.add("summary", &v.text, &at);
            if let Some((start, end)) = v.period {
                p.add("startDate", &start.to_string(), &at);
                if let Some(end) = end.filter(|e| *e != start) {
                    p.add("endDate", &end.to_string(), &at);
                }
            }
            others.push(p);
        }
    }

    // Sanctions: one per (who sanctions, whom), from the network's sanction ties between
    // states and the SANCTION events, placed at the sentences that say so.
    let events = engine.events(&EventQuery::default())?;
    let said = |e: &&sinew_engine::MergedEvent| !e.negated && e.modality != EventModality::Denied;
    let mut sanctions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for f in &network.network.flows {
        for t in f.ties.iter().filter(|t| t.kind == TieKind::Sanctions) {
            sanctions
                .entry((t.from.clone(), t.to.clone()))
                .or_default()
                .push(place(&t.doc, t.span));
        }
    }
    for e in events.events.iter().filter(said) {
        if e.category != PloverCategory::Sanction {
            continue;
        }
        for r in e.reports.iter().filter_map(|&i| events.reports.get(i)) {
            for from in &e.source {
                for to in &e.target {
                    sanctions
                        .entry((from.clone(), to.clone()))
                        .or_default()
                        .push(place(&r.doc, r.event.sentence));
                }
            }
        }
    }
    for ((from, to), at) in &sanctions {
        let mut s = FtmEntity::new(
            ftm_id(
                &format!("{from} {to}"),
                &format!("sanction:{from}\u{1f}{to}"),
            ),
            "Sanction",
        );
        s.add("entity", &parties.id(to), at);
        s.add("authority", from, at);
        if let Some(code) = country_code(from) {
            s.add("country", &code, &[]);
        }
        others.push(s);
    }

    // Events: merged PLOVER events that are said to happen (not denied, not negated).
    for e in events.events.iter().filter(said) {
        let reports: Vec<_> = e
            .reports
            .iter()
            .filter_map(|&i| events.reports.get(i))
            .collect();
        let at: Vec<String> = reports
            .iter()
            .map(|r| place(&r.doc, r.event.sentence))
            .collect();
        let what = e.kind.map_or_else(
            || e.category.as_str().to_lowercase(),
            |k| k.as_str().replace('_', " "),
        );
        let name = event_name(&what, &e.source, &e.target);
        let mut ev = FtmEntity::new(ftm_id(&name, &format!("event:{}", e.id)), "Event");
        ev.add("name", &name, &at);
        if let Some(first) = reports.first() {
            ev.add(
                "summary",
                &first.sentence,
                &[place(&first.doc, first.event.sentence)],
            );
        }
        for a in &e.source {
            let id = parties.id(a);
            ev.add("involved", &id, &at);
            if !e.mutual {
                ev.add("organizer", &id, &at);
            }
        }
        for a in &e.target {
            let id = parties.id(a);
            ev.add("involved", &id, &at);
        }
        if let Some(d) = e.date {
            ev.add("startDate", &d.to_string(), &at);
            if let Some(end) = e.date_end.filter(|x| *x != d) {
                ev.add("endDate", &end.to_string(), &at);
            }
        }
        if let Some(l) = &e.location {
            ev.add("location", l, &at);
        }
        others.push(ev);
    }

    // Goods flows: an UnknownLink each, placed at its claims and sentences.
    for f in &network.network.flows {
        if f.kind == FlowKind::Political {
            continue;
        }
        let mut at: Vec<String> = f
            .claims
            .iter()
            .filter_map(|&i| network.claims.get(i))
            .map(|c| place(&c.doc, c.span))
            .collect();
        at.extend(f.ties.iter().map(|t| place(&t.doc, t.span)));
        let mut l = FtmEntity::new(ftm_id(&f.id, &format!("flow:{}", f.id)), "UnknownLink");
        l.add("subject", &parties.id(&f.from), &at);
        l.add("object", &parties.id(&f.to), &at);
        let role = match f.kind {
            FlowKind::Trade => "trade".to_string(),
            k => format!("supplies {}", k.as_str().replace('_', "-")),
        };
        l.add("role", &role, &at);
        for v in &f.volumes {
            let vat = group_places
                .get(v.group.as_str())
                .cloned()
                .unwrap_or_default();
            l.add("summary", &format!("{}: {}", v.measure, v.text), &vat);
        }
        others.push(l);
    }

    for e in others.iter().chain(&parties.made) {
        writeln!(out, "{}", e.to_json())?;
    }
    Ok(())
}

/// An event's name: what happened, then who to whom (`arms transfer: North Korea → Russia`),
/// or the one side known.
fn event_name(what: &str, source: &[String], target: &[String]) -> String {
    let join = |names: &[String]| {
        names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (join(source), join(target)) {
        (s, t) if s.is_empty() && t.is_empty() => what.to_string(),
        (s, t) if t.is_empty() => format!("{what}: {s}"),
        (s, t) if s.is_empty() => format!("{what}: {t}"),
        (s, t) => format!("{what}: {s} \u{2192} {t}"),
    }
}

/// A currency code as the quantities write it (`USD`, `EUR`): three capital letters.
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// Does a figure's measure move money from one side to the other (a payment, a loan, an
/// investment, aid), rather than value goods (exports are paid for the other way)?
fn is_transfer(measure: &str) -> bool {
    const MONEY: &[&str] = &[
        "payment",
        "loan",
        "credit",
        "investment",
        "aid",
        "assistance",
        "grant",
        "donation",
    ];
    measure.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MONEY
            .iter()
            .any(|m| w.strip_suffix('s').unwrap_or(w) == *m || w == *m)
    })
}

/// A number as FtM keeps it: integers without a fraction, others in Rust's shortest form.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// `sinew export ftm`.
pub(crate) fn export(db: Option<&Path>, output: Option<&Path>) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let mut out = output_to(output)?;
    write_entities(&engine, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_use_only_what_ftm_allows() {
        let a = ftm_id("Rosneft Oil Co.", "entity:company:rosneft");
        assert_eq!(a, ftm_id("Rosneft Oil Co.", "entity:company:rosneft"));
        assert!(a.starts_with("sinew-rosneft-oil-co-"), "{a}");
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
        assert_ne!(a, ftm_id("Rosneft Oil Co.", "entity:company:rosneft2"));
        assert!(ftm_id("", "x").starts_with("sinew-"));
        assert!(ftm_id("—", "x")
            .chars()
            .nth(6)
            .is_some_and(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn values_are_kept_once_with_every_place() {
        let doc = DocId("d1".into());
        let mut e = FtmEntity::new("sinew-x".into(), "Person");
        e.add("name", "Ada", &[place(&doc, Span { start: 0, end: 3 })]);
        e.add("name", " Ada ", &[place(&doc, Span { start: 9, end: 12 })]);
        e.add("alias", "", &[]);
        let v = e.to_json();
        assert_eq!(v["properties"]["name"], json!(["Ada"]));
        assert_eq!(v["provenance"]["name"]["Ada"], json!(["d1#0-3", "d1#9-12"]));
        assert!(v["properties"].get("alias").is_none());
    }

    #[test]
    fn event_names_leave_out_a_missing_side() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            event_name("consult", &s(&["China", "Russia"]), &[]),
            "consult: China, Russia"
        );
        assert_eq!(
            event_name("support", &s(&[""]), &s(&["HTC"])),
            "support: HTC"
        );
        assert_eq!(
            event_name("arms transfer", &s(&["North Korea"]), &s(&["Russia"])),
            "arms transfer: North Korea \u{2192} Russia"
        );
        assert_eq!(event_name("fight", &[], &[]), "fight");
    }

    #[test]
    fn country_codes_are_ftm_codes() {
        assert_eq!(country_code("North Korea").as_deref(), Some("kp"));
        assert_eq!(country_code("Soviet Union").as_deref(), Some("suhh"));
        assert_eq!(country_code("Atlantis"), None);
    }

    #[test]
    fn only_money_moved_is_a_payment() {
        for m in ["loans", "payments", "investment", "military aid", "grants"] {
            assert!(is_transfer(m), "{m}");
        }
        for m in ["exports", "imports", "trade", "sales", "shipments"] {
            assert!(!is_transfer(m), "{m}");
        }
    }

    #[test]
    fn numbers_are_written_as_ftm_keeps_them() {
        assert_eq!(number(240_100_000_000.0), "240100000000");
        assert_eq!(number(2.5), "2.5");
    }
}
