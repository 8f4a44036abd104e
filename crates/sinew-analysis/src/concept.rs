//! What a claim measures, read from its measure words and unit: the concept (trade, a flow, a
//! share, a change...), the words that narrow it ("high priority", "dual-use"), the kind of
//! flow it is about (arms, energy...), and which way round its actors go.
//!
//! Measures come from rules over news text and are often rough ("reaching a record", "total
//! trade turnover increasing"), so everything here is a small vocabulary and a few lines, and
//! an uninformative measure reads as [`Concept::Other`], which groups only by the amount.

use std::collections::BTreeSet;

use sinew_types::{Claim, QuantityKind};

use crate::words::{content_stems, stem};

/// What kind of figure a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concept {
    /// Trade between two actors, either way ("bilateral trade", "trade turnover").
    Trade,
    /// Goods, money or people going from one actor to another (exports, deliveries, aid).
    Flow,
    /// A share of something ("90% of Russia's imports", "dependence on China").
    Share,
    /// A rise or fall ("a 26.3% jump").
    Change,
    /// What an actor makes.
    Production,
    /// A price or unit cost.
    Price,
    /// The measure says too little to tell.
    Other,
}

impl Concept {
    /// Lower-case name for exports (`trade`, `flow`, `share`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Concept::Trade => "trade",
            Concept::Flow => "flow",
            Concept::Share => "share",
            Concept::Change => "change",
            Concept::Production => "production",
            Concept::Price => "price",
            Concept::Other => "other",
        }
    }
}

/// The kind of flow between actors: what moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlowKind {
    /// Weapons, munitions and their containers.
    Arms,
    /// Goods with civil and military use (high-priority items, machine tools, electronics).
    DualUse,
    /// Trade and money (trade turnover, payments, loans, investment).
    Trade,
    /// Oil, gas, coal, electricity.
    Energy,
    /// Grain, fertiliser, food.
    Food,
    /// Technology transfer (chips, satellites, know-how).
    Technology,
    /// Pacts, sanctions, visits.
    Political,
    /// Anything else.
    Other,
}

impl FlowKind {
    /// Every kind, in display order.
    pub const ALL: [FlowKind; 8] = [
        FlowKind::Arms,
        FlowKind::DualUse,
        FlowKind::Trade,
        FlowKind::Energy,
        FlowKind::Food,
        FlowKind::Technology,
        FlowKind::Political,
        FlowKind::Other,
    ];

    /// Lower-case name (`arms`, `dual_use`, `trade`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            FlowKind::Arms => "arms",
            FlowKind::DualUse => "dual_use",
            FlowKind::Trade => "trade",
            FlowKind::Energy => "energy",
            FlowKind::Food => "food",
            FlowKind::Technology => "technology",
            FlowKind::Political => "political",
            FlowKind::Other => "other",
        }
    }

    /// The kind named `s` (as [`FlowKind::as_str`] writes it, `-` or `_` alike).
    pub fn parse(s: &str) -> Option<FlowKind> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        FlowKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Words that mark a change.
const CHANGE: &[&str] = &[
    "growth", "grew", "grow", "rise", "rose", "jump", "increase", "surge", "surged", "decline",
    "fall", "fell", "drop", "decrease", "change", "gain",
];

/// Words that mark a share or a dependence.
const SHARE: &[&str] = &[
    "share",
    "dependence",
    "dependent",
    "dependency",
    "reliance",
    "reliant",
    "account",
    "accounted",
    "proportion",
    "portion",
    "fraction",
];

/// Words that say the subject depends on the object ("Russian dependence on China"): the
/// other way round from "China's share of Russia's imports".
const DEPENDS: &[&str] = &[
    "dependence",
    "dependent",
    "dependency",
    "reliance",
    "reliant",
];

const TRADE: &[&str] = &["trade", "turnover", "commerce", "bilateral"];

const FLOW: &[&str] = &[
    "export",
    "import",
    "shipment",
    "ship",
    "deliver",
    "delivery",
    "deliveries",
    "supply",
    "supplies",
    "transfer",
    "sale",
    "sell",
    "purchase",
    "provide",
    "send",
    "aid",
    "assistance",
    "loan",
    "investment",
    "payment",
    "flow",
];

const PRODUCTION: &[&str] = &["production", "produce", "manufacture", "output"];

const PRICE: &[&str] = &["price", "cost"];

/// Words that say nothing about which figure it is, once the concept is known.
const NEUTRAL: &[&str] = &[
    "between",
    "among",
    "two",
    "nation",
    "country",
    "total",
    "overall",
    "combined",
    "both",
    "record",
    "level",
    "value",
    "worth",
    "amount",
    "volume",
    "annual",
    "figure",
    "good",
    "product",
    "item",
    "commodity",
    "under",
    "cover",
    "list",
    "about",
    "all",
    "other",
    "new",
    "peak",
    "monthly",
    "yearly",
    "maximum",
    "last",
    "now",
    "year",
    "month",
    "week",
    "day",
];

/// What a claim means for grouping and the network.
#[derive(Debug, Clone)]
pub(crate) struct Meaning {
    pub(crate) concept: Concept,
    /// Content stems that narrow the concept ("high", "priority"), actors and concept words
    /// left out.
    pub(crate) scope: BTreeSet<String>,
    /// The claim's actors, in the concept's order (supplier first for shares; either order
    /// alike for trade).
    pub(crate) subject: Option<String>,
    pub(crate) object: Option<String>,
}

fn has_any(stems: &BTreeSet<String>, words: &[&str]) -> bool {
    words.iter().any(|w| stems.contains(&stem(w)))
}

/// Reads a claim's concept, scope and actor order.
pub(crate) fn read(claim: &Claim) -> Meaning {
    let stems = content_stems(&claim.measure);
    let q = &claim.quantity;
    let concept = match q.kind {
        QuantityKind::Percent => {
            if has_any(&stems, CHANGE) {
                Concept::Change
            } else if has_any(&stems, SHARE) {
                Concept::Share
            } else {
                Concept::Other
            }
        }
        _ if q.per.as_deref() == Some("unit") || has_any(&stems, PRICE) => Concept::Price,
        _ if has_any(&stems, TRADE) => Concept::Trade,
        _ if has_any(&stems, FLOW) => Concept::Flow,
        _ if has_any(&stems, PRODUCTION) => Concept::Production,
        // A count of things one actor has for another is a flow of them.
        QuantityKind::Count if claim.subject.is_some() && claim.object.is_some() => Concept::Flow,
        _ => Concept::Other,
    };

    let actor_prefixes: Vec<String> = [&claim.subject, &claim.object]
        .into_iter()
        .flatten()
        .flat_map(|name| {
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3)
                .map(|w| w.to_lowercase().chars().take(4).collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    let counted = q
        .unit
        .as_deref()
        .filter(|_| q.kind == QuantityKind::Count)
        .map(|u| stem(&u.to_lowercase()));
    let concept_words: Vec<String> = [CHANGE, SHARE, TRADE, FLOW, PRODUCTION, PRICE, NEUTRAL]
        .iter()
        .flat_map(|ws| ws.iter().map(|w| stem(w)))
        .collect();
    let scope = claim
        .measure
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        // Verbs and participles that leaked into a measure ("increasing", "covered").
        .filter(|w| !(w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed"))))
        .map(|w| stem(&w))
        .filter(|w| stems.contains(w))
        .filter(|w| !concept_words.contains(w))
        .filter(|w| Some(w) != counted.as_ref())
        .filter(|w| !actor_prefixes.iter().any(|p| w.starts_with(p.as_str())))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .collect();

    let (mut subject, mut object) = (claim.subject.clone(), claim.object.clone());
    match concept {
        Concept::Share if has_any(&stems, DEPENDS) => {
            std::mem::swap(&mut subject, &mut object);
        }
        Concept::Trade if subject > object && object.is_some() => {
            std::mem::swap(&mut subject, &mut object);
        }
        _ => {}
    }
    Meaning {
        concept,
        scope,
        subject,
        object,
    }
}

/// Two scopes name the same thing: both empty, or both narrowed with at least half of the
/// smaller one's words shared.
pub(crate) fn scopes_match(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => true,
        (false, false) => {
            let shared = a.intersection(b).count();
            2 * shared >= a.len().min(b.len())
        }
        _ => false,
    }
}

/// What moves in a claim's flow, from its unit and measure words.
#[allow(dead_code)] // used by the network, next
pub(crate) fn flow_kind(claim: &Claim) -> FlowKind {
    const ARMS: &[&str] = &[
        "arms",
        "weapon",
        "munition",
        "ammunition",
        "shell",
        "round",
        "artillery",
        "missile",
        "rocket",
        "drone",
        "tank",
        "projectile",
        "gun",
        "rifle",
        "howitzer",
        "armored",
        "armoured",
        "military",
        // Containers in this reporting are munitions containers; trade counts boxes in TEU.
        "container",
    ];
    const DUAL: &[&str] = &[
        "dual",
        "priority",
        "microelectronic",
        "electronic",
        "component",
        "machine",
        "tool",
        "bearing",
        "sensor",
        "optic",
        "radar",
    ];
    const ENERGY: &[&str] = &[
        "oil",
        "gas",
        "coal",
        "lng",
        "energy",
        "crude",
        "fuel",
        "electricity",
        "barrel",
        "petroleum",
        "pipeline",
        "diesel",
    ];
    const FOOD: &[&str] = &[
        "food",
        "grain",
        "wheat",
        "fertilizer",
        "fertiliser",
        "rice",
        "corn",
        "maize",
        "agricultural",
    ];
    const TECH: &[&str] = &[
        "technology",
        "chip",
        "semiconductor",
        "software",
        "satellite",
        "nuclear",
        "space",
        "know",
    ];
    let mut text = claim.measure.to_lowercase();
    if let Some(u) = &claim.quantity.unit {
        text.push(' ');
        text.push_str(&u.to_lowercase());
    }
    let stems = content_stems(&text);
    for (kind, words) in [
        (FlowKind::Arms, ARMS),
        (FlowKind::DualUse, DUAL),
        (FlowKind::Energy, ENERGY),
        (FlowKind::Food, FOOD),
        (FlowKind::Technology, TECH),
    ] {
        if has_any(&stems, words) {
            return kind;
        }
    }
    if claim.quantity.kind == QuantityKind::Money || has_any(&stems, TRADE) {
        FlowKind::Trade
    } else {
        FlowKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::{DocId, Modality, Quantity, Span};

    fn claim(measure: &str, kind: QuantityKind, unit: &str, s: &str, o: &str) -> Claim {
        Claim {
            doc: DocId("d".into()),
            span: Span::new(0, 1),
            sentence: Span::new(0, 10),
            quantity: Quantity {
                span: Span::new(0, 1),
                text: "1".into(),
                value: 1.0,
                value_max: None,
                unit: Some(unit.into()),
                kind,
                qualifier: None,
                per: None,
                vague: false,
            },
            subject: Some(s.into()),
            object: Some(o.into()),
            measure: measure.into(),
            time: None,
            attribution: None,
            modality: Modality::Asserted,
        }
    }

    #[test]
    fn dependence_and_import_share_read_alike() {
        let a = read(&claim(
            "share of Russia’s imports of goods covered under G7’s high priority export control",
            QuantityKind::Percent,
            "percent",
            "China",
            "Russia",
        ));
        let b = read(&claim(
            "Russian dependence on China for high-priority products",
            QuantityKind::Percent,
            "percent",
            "Russia",
            "China",
        ));
        let all = read(&claim(
            "share of Russia's imports",
            QuantityKind::Percent,
            "percent",
            "China",
            "Russia",
        ));
        assert_eq!((a.concept, b.concept), (Concept::Share, Concept::Share));
        assert_eq!(
            (a.subject.as_deref(), a.object.as_deref()),
            (Some("China"), Some("Russia"))
        );
        assert_eq!(
            (b.subject.as_deref(), b.object.as_deref()),
            (Some("China"), Some("Russia"))
        );
        assert!(
            scopes_match(&a.scope, &b.scope),
            "{:?} {:?}",
            a.scope,
            b.scope
        );
        assert!(!scopes_match(&a.scope, &all.scope), "{:?}", all.scope);
    }

    #[test]
    fn trade_is_either_way_and_leaked_verbs_do_not_narrow_it() {
        let a = read(&claim(
            "total trade turnover increasing",
            QuantityKind::Money,
            "USD",
            "Russia",
            "China",
        ));
        let b = read(&claim(
            "trade between China and Russia",
            QuantityKind::Money,
            "USD",
            "China",
            "Russia",
        ));
        assert_eq!(a.concept, Concept::Trade);
        assert_eq!(a.subject, b.subject);
        assert!(
            a.scope.is_empty() && b.scope.is_empty(),
            "{:?} {:?}",
            a.scope,
            b.scope
        );
    }

    #[test]
    fn flow_kinds() {
        let c = |m: &str, u: &str, k| flow_kind(&claim(m, k, u, "A", "B"));
        assert_eq!(
            c("shipments of containers", "container", QuantityKind::Count),
            FlowKind::Arms
        );
        assert_eq!(
            c("exports of dual-use products", "USD", QuantityKind::Money),
            FlowKind::DualUse
        );
        assert_eq!(
            c("bilateral trade", "USD", QuantityKind::Money),
            FlowKind::Trade
        );
        assert_eq!(
            c("exports of crude oil", "barrel", QuantityKind::Count),
            FlowKind::Energy
        );
        assert_eq!(FlowKind::parse("dual-use"), Some(FlowKind::DualUse));
    }
}
