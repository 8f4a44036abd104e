//! What a claim measures, read from its measure words and unit: the concept (trade, a flow, a
//! share, a change...), the words that narrow it ("high priority", "dual-use"), the kind of
//! flow it is about (arms, energy...), and which way round its actors go.
//!
//! Measures come from rules over news text and are often rough ("reaching a record", "total
//! trade turnover increasing"), so everything here is a small vocabulary and a few lines, and
//! an uninformative measure reads as [`Concept::Other`], which groups only by the amount.
//!
//! A figure's concept key (what two claims must share to be one figure) is read here too: the
//! measure kind (`Claim.kind` when extraction set it, which wins over the words), the
//! measure's lemma class (`LEMMA_CLASSES`: "shipped", "delivered" and "transferred" name one
//! movement, "exports" another), and, in `group.rs`, the actors, the unit's dimension, the
//! rate and the time window.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use sinew_types::{Claim, MeasureKind, QuantityKind};

use crate::hash::FastMap;
use crate::words::{content_words, stem};

/// What kind of figure a claim states.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
    /// People sent from one actor to another (troops, soldiers, workers, personnel). Their
    /// losses ("4,000 soldiers killed or wounded") are no flow: see [`names_losses`].
    People,
    /// Pacts, sanctions, visits.
    Political,
    /// Anything else.
    Other,
}

impl FlowKind {
    /// Every kind, in display order.
    pub const ALL: [FlowKind; 9] = [
        FlowKind::Arms,
        FlowKind::DualUse,
        FlowKind::Trade,
        FlowKind::Energy,
        FlowKind::Food,
        FlowKind::Technology,
        FlowKind::People,
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
            FlowKind::People => "people",
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
    // Times leak into measures ("last December and now").
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "since",
    "ago",
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
    // "unit cost", "per unit": the unit a price is for, not a part of the quantity.
    "unit",
];

/// What a claim means for grouping and the network.
#[derive(Debug, Clone)]
pub(crate) struct Meaning {
    pub(crate) concept: Concept,
    /// Content stems of the measure.
    pub(crate) stems: BTreeSet<String>,
    /// Content stems that narrow the concept ("high", "priority"), actors and concept words
    /// left out.
    pub(crate) scope: BTreeSet<String>,
    /// The narrowing stems after each preposition ("in Korea", "of iPhones"), by preposition
    /// (`scope.rs`).
    pub(crate) complements: Vec<(u8, BTreeSet<String>)>,
    /// The measure puts what it measures in a named place (`scope::placed`).
    pub(crate) placed: bool,
    /// Content stems that say something once the concept is known (`NEUTRAL` words such as
    /// "value", "total", "figure" left out): what two measures must share to be worded alike.
    pub(crate) telling: BTreeSet<String>,
    /// The claim's actors, in the concept's order (supplier first for shares; either order
    /// alike for trade).
    pub(crate) subject: Option<String>,
    pub(crate) object: Option<String>,
    /// The measure's lemma class (an index into `LEMMA_CLASSES`), when a word names one.
    pub(crate) lemma: Option<u8>,
    /// The measure kind extraction read from the clause; `Other` when it did not say.
    pub(crate) kind: MeasureKind,
    /// The measure names an aim, a bound or a forecast ("trade goal", "price cap"): an amount
    /// meant or allowed, never one figure with the amount that happened (`graph::names_aim`).
    pub(crate) aim: bool,
}

/// Words that name the same movement or quantity, whatever their inflection or synonym: two
/// claims whose measures name different classes ("exports" and "imports", "deliveries" and
/// "sales") are different figures even between the same actors in the same year. The first
/// listed word of a measure that is in a class decides. Sources: the verbs and nouns news
/// uses for these figures (the seeds, the sample corpus, wire copy), grouped by meaning.
const LEMMA_CLASSES: &[(&str, &[&str])] = &[
    (
        "supply",
        &[
            "ship",
            "shipped",
            "shipping",
            "shipment",
            "send",
            "sent",
            "sending",
            "supply",
            "supplied",
            "supplies",
            "deliver",
            "delivered",
            "delivery",
            "deliveries",
            "transfer",
            "transferred",
            "provide",
            "provided",
            "providing",
            "provision",
            "handed",
            "hand",
        ],
    ),
    (
        "export",
        &["export", "exports", "exported", "exporting", "outbound"],
    ),
    (
        "import",
        &["import", "imports", "imported", "importing", "inbound"],
    ),
    (
        "trade",
        &["trade", "traded", "turnover", "bilateral", "commerce"],
    ),
    ("sale", &["sale", "sales", "sell", "sold", "selling"]),
    (
        "purchase",
        &[
            "purchase",
            "purchased",
            "buy",
            "bought",
            "buying",
            "procurement",
        ],
    ),
    ("payment", &["payment", "pay", "paid", "paying"]),
    (
        "aid",
        &["aid", "assistance", "grant", "donation", "donated"],
    ),
    ("loan", &["loan", "lend", "lent", "lending", "credit"]),
    (
        "investment",
        &["investment", "invest", "invested", "investing"],
    ),
    (
        "production",
        &[
            "production",
            "produce",
            "produced",
            "manufacture",
            "manufactured",
            "output",
        ],
    ),
    ("price", &["price", "cost", "priced"]),
];

/// Classes whose totals only grow as things keep moving: a count of what was shipped, sold,
/// lent or made since some day is a running total, which later reports put higher. Trade
/// (a period's turnover) and prices do not add up so.
const ACCUMULATING: &[&str] = &[
    "supply",
    "export",
    "import",
    "sale",
    "purchase",
    "payment",
    "aid",
    "loan",
    "investment",
    "production",
];

/// Whether the lemma class `lemma` (from [`Meaning::lemma`]) names a movement whose running
/// total grows ([`ACCUMULATING`]).
pub(crate) fn accumulates(lemma: u8) -> bool {
    LEMMA_CLASSES
        .get(usize::from(lemma))
        .is_some_and(|(name, _)| ACCUMULATING.contains(name))
}

/// Classes that name one movement seen two ways, and so may be one figure: goods a country
/// "exports" or "sells" to another are goods it "ships", "sends" or "delivers" there (news and
/// customs word the same flow every way: "machine-tool sales" to a country and "shipments of
/// machine tools" there are one figure), and what a buyer "imports" is what it "purchases" or
/// "buys". The seller's side and the buyer's side stay two classes: they name the flow from
/// either end, with the actors the other way round. The third field: the classes are one only
/// when the claim names a counterpart. A company's "sales" with no buyer named are its
/// revenue or its sales to consumers, which trade reporting keeps apart from what it
/// "shipped" to retailers.
const SAME_MOVEMENT: &[(&str, &str, bool)] = &[
    ("export", "supply", false),
    ("sale", "supply", true),
    ("purchase", "import", false),
];

/// Every class word (and its stem), with its class (an index into [`LEMMA_CLASSES`]).
fn lemma_table() -> &'static FastMap<String, u8> {
    static TABLE: OnceLock<FastMap<String, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FastMap<String, u8> = FastMap::default();
        for (k, (_, words)) in LEMMA_CLASSES.iter().enumerate() {
            for w in *words {
                t.entry(stem(w)).or_insert(k as u8);
                t.entry((*w).to_string()).or_insert(k as u8);
            }
        }
        t
    })
}

/// The class `lemma` stands for in grouping: the class of [`SAME_MOVEMENT`] it is the same
/// movement as (when its condition holds), else itself.
fn movement_class(lemma: u8, counterpart: bool) -> u8 {
    let name = LEMMA_CLASSES.get(usize::from(lemma)).map(|(n, _)| *n);
    SAME_MOVEMENT
        .iter()
        .find(|(class, _, needs)| Some(*class) == name && (counterpart || !needs))
        .and_then(|(_, as_class, _)| LEMMA_CLASSES.iter().position(|(n, _)| n == as_class))
        .map_or(lemma, |k| k as u8)
}

// What a stem says, as bits: one per word list.
const CHANGE_BIT: u32 = 1;
const SHARE_BIT: u32 = 1 << 1;
const DEPENDS_BIT: u32 = 1 << 2;
const TRADE_BIT: u32 = 1 << 3;
const FLOW_BIT: u32 = 1 << 4;
const PRODUCTION_BIT: u32 = 1 << 5;
const PRICE_BIT: u32 = 1 << 6;
const NEUTRAL_BIT: u32 = 1 << 7;
/// Words that name a concept or say nothing: never part of a scope.
const CONCEPT_BITS: u32 = (1 << 8) - 1;
const KIND_BITS: [(FlowKind, u32); 6] = [
    (FlowKind::People, 1 << 13),
    (FlowKind::Arms, 1 << 8),
    (FlowKind::DualUse, 1 << 9),
    (FlowKind::Energy, 1 << 10),
    (FlowKind::Food, 1 << 11),
    (FlowKind::Technology, 1 << 12),
];

/// Every listed word's stem with the lists it is in (built once).
fn word_bits() -> &'static FastMap<String, u32> {
    static BITS: OnceLock<FastMap<String, u32>> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits: FastMap<String, u32> = FastMap::default();
        let lists: [(&[&str], u32); 14] = [
            (CHANGE, CHANGE_BIT),
            (SHARE, SHARE_BIT),
            (DEPENDS, DEPENDS_BIT),
            (TRADE, TRADE_BIT),
            (FLOW, FLOW_BIT),
            (PRODUCTION, PRODUCTION_BIT),
            (PRICE, PRICE_BIT),
            (NEUTRAL, NEUTRAL_BIT),
            (PEOPLE, KIND_BITS[0].1),
            (ARMS, KIND_BITS[1].1),
            (DUAL, KIND_BITS[2].1),
            (ENERGY, KIND_BITS[3].1),
            (FOOD, KIND_BITS[4].1),
            (TECH, KIND_BITS[5].1),
        ];
        for (words, bit) in lists {
            for w in words {
                *bits.entry(stem(w)).or_default() |= bit;
            }
        }
        bits
    })
}

/// The lists the stem `w` is in.
fn bits_of(w: &str) -> u32 {
    word_bits().get(w).copied().unwrap_or(0)
}

/// Reads a claim's concept, scope and actor order.
pub(crate) fn read(claim: &Claim) -> Meaning {
    let q = &claim.quantity;
    let actor_prefixes: Vec<String> = [&claim.subject, &claim.object]
        .into_iter()
        .flatten()
        .flat_map(|name| {
            sinew_types::text::word_runs(name)
                .filter(|w| w.len() >= 3)
                .map(|w| w.to_lowercase().chars().take(4).collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    let counted = q
        .unit
        .as_deref()
        .filter(|_| q.kind == QuantityKind::Count)
        .map(|u| crate::scope::stem_of(&u.to_lowercase()));
    // A measure that only repeats the unit ("mg", "ft", "workers") tells nothing the unit does
    // not.
    let unit_stem = q
        .unit
        .as_deref()
        .map(|u| crate::scope::stem_of(&u.to_lowercase()));
    // Words of the concept, the thing counted and the actors do not narrow a measure.
    let names_a_thing = |_word: &str, st: &str| {
        bits_of(st) & CONCEPT_BITS == 0
            && Some(st) != counted.as_deref()
            && !actor_prefixes.iter().any(|p| st.starts_with(p.as_str()))
            && !st.chars().all(|c| c.is_ascii_digit())
    };
    // Nor do verbs and participles that leaked into it ("increasing", "covered"); but after a
    // preposition a word in "-ing" is a noun ("sales of herring", "exports of clothing"), so
    // complements read every word that names a thing.
    let narrows = |word: &str, st: &str| {
        !(word.len() > 5 && (word.ends_with("ing") || word.ends_with("ed")))
            && names_a_thing(word, st)
    };
    let mut stems = BTreeSet::new();
    let mut scope = BTreeSet::new();
    let mut telling = BTreeSet::new();
    let mut bits = 0;
    let mut lemma = None;
    for word in content_words(&claim.measure) {
        let st = crate::scope::stem_of(&word);
        if lemma.is_none() {
            let t = lemma_table();
            lemma = t
                .get(&st)
                .or_else(|| t.get(&word))
                .map(|&k| movement_class(k, claim.object.is_some()));
        }
        let b = bits_of(&st);
        bits |= b;
        if narrows(&word, &st) {
            scope.insert(st.clone());
        }
        if b & NEUTRAL_BIT == 0 && Some(&st) != unit_stem.as_ref() {
            telling.insert(st.clone());
        }
        stems.insert(st);
    }
    let complements = crate::scope::complements(&claim.measure, names_a_thing);
    let placed = crate::scope::placed(&claim.measure, names_a_thing);
    let has = |bit: u32| bits & bit != 0;
    let read_concept = match q.kind {
        QuantityKind::Percent => {
            if has(CHANGE_BIT) {
                Concept::Change
            } else if has(SHARE_BIT) {
                Concept::Share
            } else {
                Concept::Other
            }
        }
        _ if q.per.as_deref() == Some("unit") || has(PRICE_BIT) => Concept::Price,
        _ if has(TRADE_BIT) => Concept::Trade,
        _ if has(FLOW_BIT) => Concept::Flow,
        _ if has(PRODUCTION_BIT) => Concept::Production,
        // A count of things one actor has for another is a flow of them.
        QuantityKind::Count if claim.subject.is_some() && claim.object.is_some() => Concept::Flow,
        _ => Concept::Other,
    };
    // What extraction read from the clause wins over what the measure's words suggest; a
    // count of losses is no flow whatever the clause ("4,000 soldiers killed or wounded").
    let losses = names_losses(&claim.measure, q.unit.as_deref());
    let concept = match claim.kind {
        _ if losses => Concept::Other,
        MeasureKind::Other => read_concept,
        MeasureKind::Change => Concept::Change,
        MeasureKind::Share => Concept::Share,
        MeasureKind::Price => Concept::Price,
        MeasureKind::Flow | MeasureKind::Stock => match read_concept {
            Concept::Trade | Concept::Flow | Concept::Production => read_concept,
            _ => Concept::Flow,
        },
    };

    let (mut subject, mut object) = (claim.subject.clone(), claim.object.clone());
    match concept {
        Concept::Share if has(DEPENDS_BIT) => {
            std::mem::swap(&mut subject, &mut object);
        }
        Concept::Trade if subject > object && object.is_some() => {
            std::mem::swap(&mut subject, &mut object);
        }
        _ => {}
    }
    Meaning {
        concept,
        stems,
        scope,
        complements,
        placed,
        telling,
        subject,
        object,
        lemma,
        kind: claim.kind,
        aim: crate::graph::names_aim(&claim.measure),
    }
}

/// Two scopes name the same thing: both empty, or both narrowed and every word of the smaller
/// one in the larger ("high-priority" within "high-priority dual-use goods"). Half of them was
/// not enough: "iPhone revenue in Europe" and "Mac revenue in Europe" share half.
#[cfg(test)]
pub(crate) fn scopes_match(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    scope_rule(a.len(), b.len(), a.intersection(b).count())
}

/// [`scopes_match`] from the sizes of two scopes and the number of words they share.
pub(crate) fn scope_rule(a: usize, b: usize, shared: usize) -> bool {
    match (a == 0, b == 0) {
        (true, true) => true,
        (false, false) => shared == a.min(b),
        _ => false,
    }
}

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
/// People one actor sends another: troops and the words news uses for them. "Military" is
/// not here ("military equipment" is arms); "military personnel" is people by "personnel".
const PEOPLE: &[&str] = &[
    "troop",
    "soldier",
    "personnel",
    "worker",
    "labourer",
    "laborer",
    "mercenary",
    "mercenaries",
    "servicemen",
    "serviceman",
    "conscript",
    "recruit",
    "volunteer",
    "instructor",
];

/// Words that make a count of people a count of losses: casualties are no flow between two
/// countries ("4,000 North Korean soldiers killed or wounded").
const LOSSES: &[&str] = &[
    "casualty",
    "casualties",
    "killed",
    "kill",
    "wounded",
    "injured",
    "dead",
    "death",
    "deaths",
    "died",
    "loss",
    "losses",
    "lost",
    "missing",
    "captured",
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

/// What moves in a claim's flow, from its unit and measure words.
pub fn flow_kind(claim: &Claim) -> FlowKind {
    let mut bits = 0;
    let unit = claim.quantity.unit.as_deref().unwrap_or("");
    for word in content_words(&claim.measure).chain(content_words(unit)) {
        bits |= bits_of(&stem(&word));
    }
    if let Some((kind, _)) = KIND_BITS.iter().find(|(_, bit)| bits & bit != 0) {
        return *kind;
    }
    if claim.quantity.kind == QuantityKind::Money || bits & TRADE_BIT != 0 {
        FlowKind::Trade
    } else {
        FlowKind::Other
    }
}

/// Does a measure say that something moves or is traded ("supplies of rounds", "exports of
/// copper", "bilateral trade")? Read with the words that make a figure a flow or trade in
/// [`Meaning`], so a count whose measure is only the thing counted ("risks", "agreements")
/// does not.
pub(crate) fn names_movement(measure: &str) -> bool {
    content_words(measure)
        .any(|w| bits_of(&crate::scope::stem_of(&w)) & (FLOW_BIT | TRADE_BIT) != 0)
}

/// What kind of goods some words name ("food", "crude oil", "technology"), for flows read
/// without a claim (the unquantified side of an exchange); `Other` when no list knows them.
pub(crate) fn flow_kind_of_words(words: &str) -> FlowKind {
    let mut bits = 0;
    for word in content_words(words) {
        bits |= bits_of(&stem(&word));
    }
    KIND_BITS
        .iter()
        .find(|(_, bit)| bits & bit != 0)
        .map_or(FlowKind::Other, |(kind, _)| *kind)
}

/// Does a measure (or its unit) count losses ("soldier casualties", "killed or wounded",
/// "deaths")? Such a count is about the actor that lost them, never a flow between two.
pub fn names_losses(measure: &str, unit: Option<&str>) -> bool {
    // stemmed once: the network asks this of every group naming two actors
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| LOSSES.iter().map(|l| stem(l)).collect());
    content_words(measure)
        .chain(unit.into_iter().flat_map(content_words))
        .any(|w| {
            let w = w.to_lowercase();
            LOSSES.contains(&w.as_str()) || stems.contains(&stem(&w))
        })
}

/// The people a measure (or its unit) counts, as its words name them ("troops", "soldiers",
/// "workers"); `None` when it names none of [`PEOPLE`]. For wording a flow of people ("the
/// troops North Korea has sent Russia").
pub fn people_noun(measure: &str, unit: Option<&str>) -> Option<String> {
    let is_people = |w: &str| PEOPLE.iter().any(|p| stem(p) == stem(w));
    content_words(measure)
        .map(|w| w.to_lowercase())
        .find(|w| is_people(w))
        .or_else(|| {
            let u = unit?.to_lowercase();
            is_people(&u).then(|| {
                if u.ends_with('s') || u == "personnel" {
                    u
                } else {
                    format!("{u}s")
                }
            })
        })
}

#[cfg(test)]
mod tests;
