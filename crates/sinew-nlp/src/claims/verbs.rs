//! Which words say that something moves between actors, and which way: the verb and noun
//! tables claims read roles and measures from.
//!
//! Data, not logic. Each verb form maps to the noun that names what it moves (the measure
//! when the figure's own words name nothing better: "shipped 400 drones" -> "shipments of
//! drones") and to the direction its grammatical subject stands in. Sources: the word lists
//! are written down by hand from English grammar (regular and irregular inflections) and
//! from the verbs of supply, exchange, payment, production, use and change that trade,
//! defence and economic reporting uses; nothing is copied from another list.

/// What the grammatical subject of an active verb is to the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The subject sends, pays or sells: the supplier ("North Korea shipped shells").
    Gives,
    /// The subject receives, buys or imports: the recipient ("Russia received shells").
    Gets,
    /// The subject makes or uses something; there is no counterpart ("Russia produced ...").
    Makes,
}

/// Verb forms of supply, exchange and payment, production and use, with the noun naming
/// what they move and the subject's direction. Base, third person, past/participle and
/// gerund forms are listed so that lookup is a plain comparison; the third-person forms that
/// are more often plural nouns in news are in [`NOUN_LIKE_VERBS`].
pub(crate) const FLOW_VERBS: &[(&str, &str, Direction)] = &[
    // Supply: the subject gives.
    ("export", "exports", Direction::Gives),
    ("exported", "exports", Direction::Gives),
    ("exporting", "exports", Direction::Gives),
    ("re-exported", "re-exports", Direction::Gives),
    ("re-exporting", "re-exports", Direction::Gives),
    ("ship", "shipments", Direction::Gives),
    ("ships", "shipments", Direction::Gives),
    ("shipped", "shipments", Direction::Gives),
    ("shipping", "shipments", Direction::Gives),
    ("deliver", "deliveries", Direction::Gives),
    ("delivers", "deliveries", Direction::Gives),
    ("delivered", "deliveries", Direction::Gives),
    ("delivering", "deliveries", Direction::Gives),
    ("provide", "supplies", Direction::Gives),
    ("provides", "supplies", Direction::Gives),
    ("provided", "supplies", Direction::Gives),
    ("providing", "supplies", Direction::Gives),
    ("supply", "supplies", Direction::Gives),
    ("supplied", "supplies", Direction::Gives),
    ("supplying", "supplies", Direction::Gives),
    ("transfer", "transfers", Direction::Gives),
    ("transfers", "transfers", Direction::Gives),
    ("transferred", "transfers", Direction::Gives),
    ("transferring", "transfers", Direction::Gives),
    ("send", "shipments", Direction::Gives),
    ("sends", "shipments", Direction::Gives),
    ("sent", "shipments", Direction::Gives),
    ("sending", "shipments", Direction::Gives),
    ("sell", "sales", Direction::Gives),
    ("sells", "sales", Direction::Gives),
    ("sold", "sales", Direction::Gives),
    ("selling", "sales", Direction::Gives),
    ("gave", "supplies", Direction::Gives),
    ("give", "supplies", Direction::Gives),
    ("gives", "supplies", Direction::Gives),
    ("given", "supplies", Direction::Gives),
    ("donate", "donations", Direction::Gives),
    ("donates", "donations", Direction::Gives),
    ("donated", "donations", Direction::Gives),
    ("lend", "loans", Direction::Gives),
    ("lends", "loans", Direction::Gives),
    ("lent", "loans", Direction::Gives),
    // Payment: money goes from the subject to the counterpart.
    ("pay", "payments", Direction::Gives),
    ("pays", "payments", Direction::Gives),
    ("paid", "payments", Direction::Gives),
    ("paying", "payments", Direction::Gives),
    ("invest", "investment", Direction::Gives),
    ("invests", "investment", Direction::Gives),
    ("invested", "investment", Direction::Gives),
    ("investing", "investment", Direction::Gives),
    ("spend", "spending", Direction::Gives),
    ("spends", "spending", Direction::Gives),
    ("spent", "spending", Direction::Gives),
    // Receipt: the subject gets.
    ("import", "imports", Direction::Gets),
    ("imported", "imports", Direction::Gets),
    ("importing", "imports", Direction::Gets),
    ("receive", "receipts", Direction::Gets),
    ("receives", "receipts", Direction::Gets),
    ("received", "receipts", Direction::Gets),
    ("receiving", "receipts", Direction::Gets),
    ("bought", "purchases", Direction::Gets),
    ("buy", "purchases", Direction::Gets),
    ("buys", "purchases", Direction::Gets),
    ("buying", "purchases", Direction::Gets),
    ("purchased", "purchases", Direction::Gets),
    ("acquired", "acquisitions", Direction::Gets),
    ("acquires", "acquisitions", Direction::Gets),
    ("obtained", "acquisitions", Direction::Gets),
    // Production and use: no counterpart named by the verb.
    ("manufacture", "production", Direction::Makes),
    ("manufactures", "production", Direction::Makes),
    ("manufactured", "production", Direction::Makes),
    ("manufacturing", "production", Direction::Makes),
    ("produce", "production", Direction::Makes),
    ("produces", "production", Direction::Makes),
    ("produced", "production", Direction::Makes),
    ("producing", "production", Direction::Makes),
    ("build", "production", Direction::Makes),
    ("builds", "production", Direction::Makes),
    ("built", "production", Direction::Makes),
    ("fired", "use", Direction::Makes),
    ("fires", "use", Direction::Makes),
    ("used", "use", Direction::Makes),
    ("uses", "use", Direction::Makes),
    ("consumed", "consumption", Direction::Makes),
    ("consumes", "consumption", Direction::Makes),
    ("emitted", "emissions", Direction::Makes),
    ("emits", "emissions", Direction::Makes),
    ("emit", "emissions", Direction::Makes),
];

/// Nouns after an actor that make it the supplier ("Russian exports", "North Korea's
/// shipments").
pub(crate) const SUPPLY_NOUNS: &[&str] = &[
    "exports",
    "re-exports",
    "export",
    "shipments",
    "deliveries",
    "supplies",
    "sales",
    "production",
    "output",
    "transfers",
    "payments",
    "investment",
    "investments",
    "aid",
    "loans",
];

/// Nouns after an actor (demonym or possessive) that make it the recipient ("Russian imports
/// from China", "India's purchases").
pub(crate) const RECEIPT_NOUNS: &[&str] =
    &["imports", "import", "purchases", "receipts", "acquisitions"];

/// Words that introduce the other side of an exchange: what follows goes the opposite way
/// ("sent shells in exchange for food": food goes back to the sender).
pub(crate) const EXCHANGE_CUES: &[&[&str]] = &[
    &["in", "exchange", "for"],
    &["in", "return", "for"],
    &["as", "payment", "for"],
    &["in", "payment", "for"],
];

/// Words of a political tie: an actor named right after one and a preposition ("visit to
/// the United States", "sanctions on Iran", "talks with Norway") is the host or target of the
/// tie, never the recipient of the figure's goods.
pub(crate) const TIE_WORDS: &[&str] = &[
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "tour",
    "summit",
    "talks",
    "meeting",
    "met",
    "sanctions",
    "sanction",
    "sanctioned",
    "pact",
    "treaty",
    "agreement",
    "accord",
    "alliance",
    "delegation",
    "envoy",
    "embassy",
    "ambassador",
];

/// Nouns of a figure's size rather than its substance: "a peak of $600 million", "a record
/// level of", "the total at 10,000". A measure made only of these says nothing.
pub(crate) const MAGNITUDE_NOUNS: &[&str] = &[
    "peak", "maximum", "minimum", "record", "level", "high", "low", "total", "sum", "figure",
    "number", "amount", "tally", "count", "value", "worth", "estimate", "average",
];

/// Verb forms of change: a figure right after one (or after one and "by") is a change
/// ("rose 26.3%", "grew by 64.2%"); after one and "to" it is a level ("rose to $240 billion").
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decreases",
    "declined",
    "declines",
    "dropped",
    "drops",
    "jumped",
    "jumps",
    "surged",
    "surges",
    "climbed",
    "climbs",
    "gained",
    "gains",
    "slid",
    "slumped",
    "plunged",
    "plummeted",
    "soared",
    "shrank",
    "expanded",
    "contracted",
    "narrowed",
    "narrows",
    "widened",
    "widens",
    "tumbled",
    "sank",
    "dipped",
    "slipped",
    "eased",
    "rebounded",
    "leapt",
    "leaped",
    "swelled",
    "up",
    "down",
];

/// Nouns of change right after a figure ("a 26.3% jump", "a $5 billion increase").
pub(crate) const CHANGE_NOUNS: &[&str] = &[
    "jump",
    "rise",
    "increase",
    "growth",
    "gain",
    "surge",
    "drop",
    "fall",
    "decline",
    "decrease",
    "higher",
    "lower",
    "more",
    "less",
    "hike",
    "cut",
    "reduction",
    "boost",
    "improvement",
];

/// Words of a running total: a figure in a clause with one is a stock, not one period's flow.
pub(crate) const STOCK_CUES: &[&[&str]] = &[
    &["since"],
    &["so", "far"],
    &["to", "date"],
    &["in", "total"],
    &["in", "all"],
    &["altogether"],
    &["cumulative"],
    &["cumulatively"],
    &["running", "total"],
    &["total", "of"],
    &["reserves"],
    &["stockpile"],
    &["stockpiles"],
    &["deployed"],
];

/// Words of a price or rate near a figure ("priced at", "a price cap of $60 a barrel",
/// "an interest rate of 16%").
pub(crate) const PRICE_WORDS: &[&str] = &[
    "price",
    "prices",
    "priced",
    "cost",
    "costs",
    "cap",
    "rate",
    "rates",
    "tariff",
    "tariffs",
    "yield",
    "inflation",
    "fare",
    "fee",
    "wage",
    "salary",
];

/// Nouns of a rate charged, paid or earned on an amount: a percentage they name is a price
/// ("an expense ratio of 0.6%", "a 9% yearly return", "a 50-percent rebate", "an interest
/// rate of 4%"). Money near them is not a price ("$5,000 in interest" was paid).
pub(crate) const PERCENT_PRICE_WORDS: &[&str] = &[
    "ratio",
    "return",
    "returns",
    "rebate",
    "rebates",
    "discount",
    "discounts",
    "interest",
    "apr",
    "apy",
    "commission",
    "commissions",
    "markup",
    "surcharge",
];

/// Third-person verb forms that are more often plural nouns: verbs only where the figure
/// follows them directly ("Armenia exports $130 million worth of ..."), never in "Chinese
/// exports to Russia rose".
pub(crate) const NOUN_LIKE_VERBS: &[(&str, &str, Direction)] = &[
    ("exports", "exports", Direction::Gives),
    ("imports", "imports", Direction::Gets),
    ("supplies", "supplies", Direction::Gives),
    ("purchases", "purchases", Direction::Gets),
];

/// The noun naming what `word` moves and its subject's direction, for a flow verb form (a
/// noun-like one included: the caller decides whether it is a verb where it stands).
pub(crate) fn flow_verb(word: &str) -> Option<(&'static str, Direction)> {
    FLOW_VERBS
        .iter()
        .chain(NOUN_LIKE_VERBS)
        .find(|(v, _, _)| word.eq_ignore_ascii_case(v))
        .map(|&(_, n, d)| (n, d))
}

/// Is `word` one of [`NOUN_LIKE_VERBS`]?
pub(crate) fn noun_like(word: &str) -> bool {
    NOUN_LIKE_VERBS
        .iter()
        .any(|(v, _, _)| word.eq_ignore_ascii_case(v))
}

/// Verb forms of buying a company: the subject buys, the organisation after the verb is
/// bought ("Dataminr is acquiring ThreatConnect").
pub(crate) const ACQUISITION_VERBS: &[&str] = &[
    "acquire",
    "acquires",
    "acquired",
    "acquiring",
    "buy",
    "buys",
    "bought",
    "buying",
    "purchase",
    "purchased",
    "purchasing",
];

/// Nouns of buying a company, before "of" and the organisation bought ("the $24.1 billion
/// acquisition of CyberArk").
pub(crate) const ACQUISITION_NOUNS: &[&str] = &["acquisition", "purchase", "takeover", "buyout"];

/// Verbs in the base form that take an amount as their object, as an infinitive writes them
/// ("to raise trade to", "to double exports", "to cut imports by").
pub(super) const AMOUNT_VERBS: &[&str] = &[
    "raise", "boost", "increase", "double", "triple", "cut", "reduce", "lift", "expand", "lower",
    "slash", "halve", "bring", "push", "grow", "keep", "maintain", "reach", "hit",
];

/// Words of prospect before a verb's "to" ("is set to rise", "is expected to reach").
pub(super) const PROSPECT_WORDS: &[&str] = &[
    "set",
    "expected",
    "due",
    "likely",
    "forecast",
    "projected",
    "poised",
    "seen",
    "going",
    "estimated",
];

/// Past and present forms of verbs that change an amount they take as object ("cut oil
/// output by 5%", "raised its forecast to"): never part of what is measured.
pub(super) const CHANGING_FORMS: &[&str] = &[
    "cut", "cuts", "raised", "raises", "boosted", "boosts", "reduced", "reduces", "lowered",
    "lowers", "slashed", "slashes", "trimmed", "trims", "hiked", "hikes", "lifted", "lifts",
    "doubled", "tripled", "halved",
];
