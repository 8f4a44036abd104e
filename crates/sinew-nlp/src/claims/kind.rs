//! What kind of quantity a figure is (a change, a share, a running total, one period's
//! flow, a price) and whether it only restates the figure before it in another currency or
//! unit ("600 million dollars (about 561 million euros)").
//!
//! Read from the words right around the figure, in this order, first match wins (a unit
//! price is a price even when it changes; any other changing price is a change):
//! - price: what a company is bought for ("acquiring X for $290 million", "a $2.2 billion
//!   deal") or a thing sells for ("sells for about $130"), a unit price, a rate period of a unit ("$60 a barrel"), or a price word just
//!   before or after ("a price cap of", "interest rate of 16%");
//! - change: a verb of change right before the figure, or before "by" ("rose 26.3%", "grew by
//!   64.2%", "up $5 billion", "cut prices by up to 39%", "save 15 percent", "increased its
//!   bookings on the platform by 84%"), a verb that changes an amount a few words before a
//!   percentage ("save an average of 10%"), a noun of change before "of", "at" or "by" ("a
//!   growth rate of 6.9%", "a CAGR of 10%", "a decrease of 24%"), growth named right after
//!   ("a 21.2% compound annual growth rate"), or a noun of change or comparison right after
//!   ("a 26.3% jump", "26.3% higher", "a 20% reduction", "35% more", "20% above"); a
//!   multiplier ("3x", "18 times higher") always compares. "Rose to $240 billion" is the
//!   level reached, not a change;
//! - share: any other percentage up to 100 (a part of some whole, named or not: "90% of
//!   imports", "34% of participants said"), and a fraction the selection kept ("half of the
//!   emails"); above 100 a percentage is a change ("345% from 2021");
//! - stock: a running-total cue in the clause ("since", "so far", "to date", "in total",
//!   "cumulative"), a total of counted things ("put the total at 10,000+ containers"; not
//!   one of money), or a headcount with no verb of flow ("employs 1,800 people");
//! - flow: money, a count or a physical amount with a rate period, a flow verb or noun, or a
//!   time that is a period (a year, a month);
//! - money with none of these: a stock when its clause names money held, owed or worth ("a
//!   balance of", "debt", "valued at"), a flow when it names money earned, spent or granted
//!   ("revenue", "annual", "awarded") or the figure has a rate, else a price ("about $20 for
//!   a check": in the dev gold most lone sums are what something costs);
//! - other: anything else (a count with no cue is as often a listicle's or a survey's
//!   number as a stock, so it is left `other`).
//!
//! A restatement is a money or physical figure in brackets right after another of the same
//! kind in a different unit, with at most a hedge between ("about", "roughly", "or").

use sinew_types::{Grain, MeasureKind, Quantity, QuantityKind, Span, TimeExpr, TimeKind};

use super::bounds::{is_limit, speech_time, LIMIT_WORDS};
use super::measure::Trend;
use super::verbs::{
    self, CHANGE_NOUNS, CHANGE_VERBS, PERCENT_PRICE_WORDS, PRICE_WORDS, STOCK_CUES,
};
use crate::words::{words, Word};

/// Verbs of change that say a fall.
const FALLS: &[&str] = &[
    "narrowed",
    "narrows",
    "tumbled",
    "sank",
    "dipped",
    "slipped",
    "eased",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "decreased",
    "decreases",
    "declined",
    "declines",
    "dropped",
    "drops",
    "slid",
    "slumped",
    "plunged",
    "plummeted",
    "shrank",
    "contracted",
    "down",
    "drop",
    "decline",
    "decrease",
    "lower",
    "less",
    "cut",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "reduction",
    "cuts",
    "cutting",
    "save",
    "saves",
    "saved",
    "saving",
    "lowered",
    "lowers",
    "lowering",
    "slash",
    "slashes",
    "slashed",
    "trim",
    "trims",
    "trimmed",
];

/// Verbs by which someone changes an amount (transitive, unlike "rose"): the figure after
/// one, or after one and "by", is the change ("cut prices by 39%", "save 15 percent").
const CHANGING_VERBS: &[&str] = &[
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "cut",
    "cuts",
    "cutting",
    "save",
    "saves",
    "saved",
    "saving",
    "boost",
    "boosts",
    "boosted",
    "boosting",
    "raise",
    "raises",
    "raised",
    "raising",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "slash",
    "slashes",
    "slashed",
    "trim",
    "trims",
    "trimmed",
    "increase",
    "increased",
    "decrease",
    "decreased",
];

/// Is the figure a change, and which way? `before` are the clause's words before it,
/// `after` those after it.
pub(super) fn trend(q: &Quantity, before: &[Word<'_>], after: &[Word<'_>]) -> Option<Trend> {
    let way = |w: &Word<'_>| {
        if w.is_any(FALLS) {
            Trend::Fall
        } else {
            Trend::Rise
        }
    };
    if q.kind == QuantityKind::Fraction {
        return None;
    }
    // "3x more jobs", "18 times higher": a multiplier compares two amounts.
    if q.unit.as_deref() == Some("times") {
        return after
            .first()
            .filter(|w| w.is_any(CHANGE_NOUNS))
            .map_or(Some(Trend::Rise), |w| Some(way(w)));
    }
    // "rose 26.3%", "up 26.3%", "grew by 64.2%", "surged by more than 60%".
    let mut i = before.len();
    while i > 0
        && before[i - 1].is_any(&[
            "by",
            "more",
            "than",
            "over",
            "about",
            "around",
            "nearly",
            "almost",
            "some",
            "roughly",
            "approximately",
            "an",
            "estimated",
            "a",
            "further",
            "another",
        ])
    {
        i -= 1;
        // "by up to 39%", "save up to 40%": "up to" bounds the change.
        if i >= 2 && before[i - 2].is("up") && before[i - 1].is("to") {
            i -= 2;
        }
    }
    // "Russian oil made up 36% of Turkey's imports": "make up" is to form a part, no rise.
    let made_up = i >= 2
        && before[i - 1].is("up")
        && before[i - 2].is_any(&["make", "makes", "made", "making"]);
    if i > 0 && before[i - 1].is_any(CHANGE_VERBS) && !made_up {
        return Some(way(&before[i - 1]));
    }
    // "cut costs 15%", "save up to 40%": a verb that changes an amount, right before.
    // "save 5% of your income": what is put aside is a part of the whole after "of", not a
    // change to it ("save 15%" on a price is one).
    let part_saved = after.first().is_some_and(|w| w.is("of"))
        && before
            .iter()
            .rev()
            .take(4)
            .find(|w| w.is_any(CHANGING_VERBS))
            .is_some_and(|w| w.is_any(&["save", "saves", "saved", "saving"]));
    if i > 0 && before[i - 1].is_any(CHANGING_VERBS) && !part_saved {
        return Some(way(&before[i - 1]));
    }
    // "reduce hosted-runner prices by up to 39%", "raised its forecast by 2%": "by" and a
    // verb of change a few words before it.
    let by = before[i..].iter().any(|w| w.is("by"));
    if by && q.kind == QuantityKind::Percent {
        let verb = before[..i]
            .iter()
            .rev()
            .take(8)
            .find(|w| w.is_any(CHANGE_VERBS) || w.is_any(CHANGING_VERBS));
        if let Some(v) = verb {
            return Some(way(v));
        }
    }
    // "a growth rate of 6.9%", "a CAGR of 10.3%", "a decrease of 24%", "growing at a
    // steady rate of 4.9%": a noun or verb of change a few words before "of", "at" or "by".
    let mut j = before.len();
    while j > 0 && before[j - 1].is_any(HEDGES) {
        j -= 1;
    }
    if q.kind == QuantityKind::Percent && j > 0 && before[j - 1].is_any(&["of", "at", "by"]) {
        let cue = before[..j - 1].iter().rev().take(5).find(|w| {
            (w.is_any(CHANGE_NOUNS) && !w.is_any(&["more", "less", "higher", "lower"]))
                || w.is_any(CHANGE_VERBS)
                || w.is_any(&["cagr", "uptick", "downturn", "upswing"])
        });
        if let Some(w) = cue {
            return Some(way(w));
        }
    }
    // "save an average of 10-12%", "save you up to 10%", "cut staff 15%": a verb that
    // changes an amount a few words before a percentage.
    if q.kind == QuantityKind::Percent && !part_saved {
        if let Some(v) = before[..j]
            .iter()
            .rev()
            .take(4)
            .find(|w| w.is_any(CHANGING_VERBS))
        {
            return Some(way(v));
        }
    }
    // "at a 21.2% compound annual growth rate", "a 3% employment growth": growth named
    // within the words after.
    if q.kind == QuantityKind::Percent
        && after.iter().take(4).any(|w| w.is_any(&["growth", "cagr"]))
    {
        return Some(Trend::Rise);
    }
    // "about 20% above one year ago": a percentage above or below something compares.
    if q.kind == QuantityKind::Percent
        && after.first().is_some_and(|w| w.is_any(&["above", "below"]))
    {
        let next = &after[0];
        return Some(if next.is("below") {
            Trend::Fall
        } else {
            Trend::Rise
        });
    }
    // "a 26.3% jump", "26.3% higher than", "a $5 billion increase", "35% more".
    if let Some(next) = after.first() {
        if next.is_any(CHANGE_NOUNS)
            && !(next.is_any(&["more", "less"]) && q.kind != QuantityKind::Percent)
        {
            // "more than", "less than" after an amount compare it, as "higher" does; after
            // a percentage they state a change whatever follows ("35% more users").
            let compared = after.get(1).is_some_and(|w| w.is("than"));
            if !next.is_any(&["more", "less"]) || compared || q.kind == QuantityKind::Percent {
                return Some(way(next));
            }
        }
        // "26.3% on the previous year", "26.3% year on year"
        if q.kind == QuantityKind::Percent
            && (next.is_any(&["year-on-year", "y-o-y", "yoy"])
                || (next.is("year") && after.get(1).is_some_and(|w| w.is("on"))))
        {
            return Some(Trend::Rise);
        }
    }
    None
}

/// Running-total cues that hold for the whole sentence.
const SENTENCE_STOCK_CUES: &[&[&str]] = &[&["so", "far"], &["to", "date"], &["in", "total"]];

/// The figure's kind; see the module doc for the order of the rules.
#[allow(clippy::too_many_arguments)] // each is one thing the rules read; a struct would only rename them
pub(super) fn kind_of(
    text: &str,
    q: &Quantity,
    before: &[Word<'_>],
    after: &[Word<'_>],
    clause_words: &[Word<'_>],
    sentence_words: &[Word<'_>],
    trend: Option<Trend>,
    flow_verb: bool,
    time: Option<&TimeExpr>,
) -> MeasureKind {
    // A percentage is a price when it is a rate charged, paid or earned on an amount ("an
    // expense ratio of 0.6%", "a 9% yearly return", "a 50-percent instant rebate").
    let price_word = |w: &Word<'_>| {
        w.is_any(PRICE_WORDS) || (q.kind == QuantityKind::Percent && w.is_any(PERCENT_PRICE_WORDS))
    };
    let near_price =
        before.iter().rev().take(4).any(price_word) || after.iter().take(2).any(price_word);
    let unit_rate = q
        .per
        .as_deref()
        .is_some_and(|p| !matches!(p, "day" | "week" | "month" | "year" | "quarter" | "hour"));
    // "acquiring ThreatConnect for $290 million", "a $2.2 billion deal": what a company was
    // bought for is its price.
    let deal = q.kind == QuantityKind::Money
        && (after
            .iter()
            .take(2)
            .any(|w| w.is_any(verbs::ACQUISITION_NOUNS) || w.is_any(&["deal", "takeover"]))
            || (before.last().is_some_and(|w| w.is("for"))
                && before
                    .iter()
                    .rev()
                    .take(10)
                    .any(|w| w.is_any(verbs::ACQUISITION_VERBS))));
    // "sells for about $130", "sold for $2 million", "bought it for $5": what a thing
    // changes hands for is its price.
    let sold_for = q.kind == QuantityKind::Money
        && before.last().is_some_and(|w| w.is("for"))
        && before.iter().rev().skip(1).take(3).any(|w| {
            w.is_any(&[
                "sell", "sells", "sold", "selling", "buy", "buys", "bought", "retails", "retail",
                "rent", "rents", "rented", "lease", "leased", "go", "goes", "went",
            ])
        });
    if deal || sold_for {
        return MeasureKind::Price;
    }
    if q.per.as_deref() == Some("unit") || (q.kind == QuantityKind::Money && unit_rate) {
        return MeasureKind::Price;
    }
    // "prices rose 30%": a change of a price is a change; "a price cap of $60" is a price.
    if trend.is_some() {
        return MeasureKind::Change;
    }
    // "the $200 billion goal", "a capacity of 38 billion cubic metres a year", "1-2
    // times/day": a goal, a capacity or how often something is done is no amount that moved
    // or is held. (A plan, "decided to send 12,000 troops", stays a flow: the ledger reads
    // `Other` as "kind unknown" and would join it to the count of troops sent.)
    let aimed = before.iter().rev().take(4).any(|w| w.is_any(TARGET_WORDS))
        || after.iter().take(2).any(|w| w.is_any(TARGET_WORDS));
    let occurrences = q.kind == QuantityKind::Count && q.unit.as_deref() == Some("time");
    if (aimed && q.kind != QuantityKind::Percent) || occurrences {
        return MeasureKind::Other;
    }
    // "the cap of 500,000 barrels a year", "a ceiling of 2,000 workers", "no more than 400
    // milligrams a day is allowed": a limit bounds an amount; it is none that moved or is
    // held ("a price cap of $60 a barrel" is a price, above).
    let priced = before
        .iter()
        .rev()
        .take(4)
        .chain(after.iter().take(2))
        .any(|w| w.is_any(PRICE_WORDS) && !w.is_any(LIMIT_WORDS));
    if is_limit(q, before, after, clause_words) && !priced && q.kind != QuantityKind::Percent {
        return MeasureKind::Other;
    }
    if matches!(q.kind, QuantityKind::Money | QuantityKind::Percent) && near_price {
        return MeasureKind::Price;
    }
    // A percentage that is neither a price nor a change is a part of some whole, named or
    // not ("90% of imports", "34% of participants said", "market share: 12.89%"): in the
    // dev gold 222 of 224 such percentages are shares.
    if q.kind == QuantityKind::Percent {
        // No part is more than its whole: "Bearings, 345% from 2021" is a growth.
        if q.value > 100.0 {
            return MeasureKind::Change;
        }
        return MeasureKind::Share;
    }
    let has = |ws: &[Word<'_>], cue: &[&str]| {
        ws.windows(cue.len())
            .any(|win| win.iter().zip(cue.iter()).all(|(w, c)| w.is(c)))
    };
    // "So far, Norway has sent 40 tanks": the sentence-wide cues may sit in a clause of
    // their own; "since" may not, as it often dates something else.
    let stock = STOCK_CUES.iter().any(|cue| has(clause_words, cue))
        || SENTENCE_STOCK_CUES
            .iter()
            .any(|cue| has(sentence_words, cue))
        // The span leaves "since" out (TIMEX3); the kind keeps it.
        || time.is_some_and(|t| t.kind == TimeKind::Since)
        // "had sent 13,000 tonnes as of October": a count as it stood on a day.
        || time.is_some_and(|t| {
            let lead = &sentence_words[..sentence_words.partition_point(|w| w.end <= t.span.start)];
            matches!(lead, [.., a, o] if a.is("as") && o.is("of"))
        });
    // "put the total at 10,000+ containers": a total of counted things is a running total
    // (a total of money, "put the total at $240 billion", is most often one period's flow).
    // "put the number in Kursk at 11,000", "put the total in Russia at more than 10,000"
    let put_at = before.last().is_some_and(|w| w.is("at"))
        && before
            .iter()
            .any(|w| w.is_any(&["total", "number", "tally", "count", "toll"]));
    let counted_total =
        q.kind == QuantityKind::Count && (has(clause_words, &["total", "at"]) || put_at);
    if stock || counted_total {
        return MeasureKind::Stock;
    }
    let periodic = q
        .per
        .as_deref()
        .is_some_and(|p| matches!(p, "day" | "week" | "month" | "year" | "quarter"));
    let flow_noun = clause_words.iter().any(|w| {
        w.is_any(verbs::SUPPLY_NOUNS)
            || w.is_any(verbs::RECEIPT_NOUNS)
            || w.is("trade")
            || w.is("turnover")
    });
    // "now", "currently" (`PRESENT_REF`) name the day of writing, not a window a figure
    // covers: "now has roughly 4,500 stores" counts what there is, like "has".
    let period = time.is_some_and(|t| {
        t.kind != TimeKind::Duration
            && t.timex.as_deref() != Some("PRESENT_REF")
            && matches!(
                t.grain,
                Grain::Year | Grain::Quarter | Grain::Month | Grain::Week | Grain::Day
            )
    });
    // "In October the White House said North Korea had delivered more than 1,000
    // containers", "officials said in February that ... had shipped": a period before the
    // verb of saying, or between it and "that", dates the report, not a window the figure
    // covers.
    // "..., the Pentagon said last month": a time right after a verb of saying past the
    // figure dates the report too.
    let reported = time.is_some_and(|t| speech_time(text, sentence_words, q.span, t.span));
    // A speed or a length per hour is a property of a thing, not an amount over a period.
    let property = q.kind == QuantityKind::Measure
        && matches!(
            q.unit.as_deref(),
            Some("km/h" | "mph" | "m/s" | "kn" | "km" | "m" | "mi" | "nmi" | "mm" | "cm")
        );
    let amount = !property
        && matches!(
            q.kind,
            QuantityKind::Money
                | QuantityKind::Count
                | QuantityKind::Measure
                | QuantityKind::Number
        );
    // "North Korea has transferred more than 11,000 containers": a verb of supply in the
    // present perfect, with no period named, counts everything up to now: a running total.
    // The passive counts the same way: "some 1,500 had already been carried", "around 10,000
    // soldiers have been sent".
    let passive_perfect = after
        .iter()
        .take(5)
        .position(|w| w.is_any(&["has", "have", "had"]))
        .is_some_and(|i| after[i + 1..].iter().take(2).any(|w| w.is("been")));
    // "Pyongyang had decided to send about 12,000 troops": what an actor means to hand over
    // is a plan, not a count of what it has.
    let intended = before.iter().rev().take(6).any(|w| w.is_any(INTENT_WORDS));
    let perfect = flow_verb
        && (!period || reported)
        && !periodic
        && !intended
        && (passive_perfect
            || before
                .iter()
                .rev()
                .take(10)
                .any(|w| w.is_any(&["has", "have", "had"])));
    if amount && perfect {
        return MeasureKind::Stock;
    }
    // "Whirlpool uses 2,500 workers", "the plant provides 6,000 jobs": people an actor has,
    // with no period, no rate and no verb of sending, are what it has at a time, whatever
    // verb holds them ("hired 500 workers last year" is a flow).
    let headcount = q.kind == QuantityKind::Count
        && q.unit
            .as_deref()
            .is_some_and(|u| HEADCOUNT_UNITS.contains(&u));
    let sending = before.iter().rev().take(6).any(|w| {
        verbs::flow_verb(w.text).is_some()
            && !w.is_any(&[
                "uses", "use", "used", "using", "provides", "provide", "provided",
            ])
    });
    // "Chilean exports of copper cathodes to Peru rose to 5,000 units": a clause whose
    // subject names a movement counts what moved, whatever the unit (a unit, a vehicle).
    let movement_before = before
        .iter()
        .any(|w| w.is_any(verbs::SUPPLY_NOUNS) || w.is_any(verbs::RECEIPT_NOUNS));
    if headcount && !period && !periodic && !sending && !movement_before {
        return MeasureKind::Stock;
    }
    if amount && (periodic || flow_verb || flow_noun || (period && q.kind == QuantityKind::Money)) {
        return MeasureKind::Flow;
    }
    // "The company employs 1,800 people", "about 19,000 agents": a headcount with no verb of
    // flow is what an actor has at a time.
    if headcount {
        return MeasureKind::Stock;
    }
    // "Substack has 35 million active subscriptions", "serves about four million customers",
    // "its 330 million active users", "550 institutions have adopted it": things an actor
    // has, holds or serves, or that have come to be, counted with no period, are what there
    // is at a time. A handful ("has two children", "offers several benefits") describes a
    // thing's parts rather than counting what it holds.
    let handful = q.value_max.unwrap_or(q.value) < 10.0;
    if q.kind == QuantityKind::Count && !handful && !period && !periodic && held(before, after) {
        return MeasureKind::Stock;
    }
    if q.kind == QuantityKind::Money {
        let in_clause = |list: &[&str]| clause_words.iter().any(|w| w.is_any(list));
        // "an average mortgage balance of $295,689", "valuing the company at $6.6 billion":
        // what is owed, held or worth at a time.
        if in_clause(MONEY_STOCK_WORDS) {
            return MeasureKind::Stock;
        }
        // "close to €2 billion in annual revenue", "$10.5 trillion annually", "awarded
        // $5,000": earned, spent or granted over a period.
        if in_clause(MONEY_FLOW_WORDS) || q.per.is_some() {
            return MeasureKind::Flow;
        }
    }
    match q.kind {
        // "half of the emails", "4 out of 5 members": the selection keeps a fraction only
        // as a part of some whole.
        QuantityKind::Fraction => MeasureKind::Share,
        // "about $20 for an average check", "$100-$300 for a smart thermostat": an amount
        // of money with no verb or noun of flow, no period and no change is what something
        // costs (in the dev gold, 57 of 97 such figures are prices, 21 flows, 19 stocks).
        QuantityKind::Money => MeasureKind::Price,
        _ => MeasureKind::Other,
    }
}

/// Verbs of having, holding or serving: what they count is there at a time.
const HAVING_VERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "having",
    "holds",
    "hold",
    "held",
    "contains",
    "contain",
    "owns",
    "own",
    "serves",
    "serve",
    "serving",
    "served",
    "offers",
    "offer",
    "includes",
    "include",
    "including",
    "boasts",
    "boast",
    "operates",
    "handles",
    "handle",
    "counts",
    "houses",
];

/// Words that may stand between a verb of having and its count ("has about", "serves some").
const COUNT_LEAD: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "than",
    "just",
    "only",
    "approximately",
    "close",
    "to",
    "at",
    "least",
    "the",
    "a",
    "an",
    "up",
    "under",
];

/// Is a count held: after a verb of having (qualifiers between), after a possessive ("its
/// 330 million users", "LAION-5B's 5.85 billion pairs"), or the subject of a perfect
/// ("550 institutions have adopted")?
fn held(before: &[Word<'_>], after: &[Word<'_>]) -> bool {
    let mut lead = before.iter().rev().skip_while(|w| w.is_any(COUNT_LEAD));
    let having = lead.next().is_some_and(|w| {
        w.is_any(HAVING_VERBS)
            || w.is_any(&["its", "their", "his", "her", "our"])
            || w.text.ends_with("'s")
            || w.text.ends_with("’s")
    });
    // the count's own words ("active subscriptions") come before the verb
    let perfect = after.iter().take(5).enumerate().any(|(i, w)| {
        w.is_any(&["has", "have"])
            && after
                .get(i + 1)
                .is_some_and(|n| n.is("been") || (n.text.ends_with("ed") && n.text.len() > 3))
    });
    having || perfect
}

/// Nouns and verbs of money held, owed or worth at a time: an amount of money in a clause
/// with one is a stock.
const MONEY_STOCK_WORDS: &[&str] = &[
    "debt",
    "debts",
    "balance",
    "balances",
    "savings",
    "valued",
    "valuing",
    "valuation",
    "assets",
    "fund",
    "float",
    "capitalization",
    "capitalisation",
    "owe",
    "owes",
    "owed",
    "owing",
    "wealth",
    "net worth",
];

/// Nouns, adjectives and verbs of money earned, spent or granted over a period: an amount
/// of money in a clause with one is a flow.
const MONEY_FLOW_WORDS: &[&str] = &[
    "revenue",
    "revenues",
    "income",
    "profit",
    "profits",
    "earnings",
    "spending",
    "spent",
    "sales",
    "annual",
    "annually",
    "yearly",
    "monthly",
    "awarded",
    "granted",
    "totaling",
    "totalling",
    // "Chinese customs put the total at $240 billion": a total of money is most often one
    // period's flow (a total of things is a running total, above).
    "total",
    "totalled",
    "totaled",
    "generates",
    "generated",
    "earned",
    "earns",
    "raised",
    "raising",
    "funding",
];

/// Nouns and verbs of a goal, a target or a capacity next to a figure.
const TARGET_WORDS: &[&str] = &[
    "goal",
    "goals",
    "target",
    "targets",
    "targeting",
    "targeted",
    "objective",
    "capacity",
    "capacities",
    "quota",
    "ceiling",
    "aim",
    "aims",
    "aiming",
];

/// Words of intent before a verb of supply: the figure is what is meant to move, not what
/// has.
const INTENT_WORDS: &[&str] = &[
    "decided", "decide", "plans", "planned", "plan", "agreed", "pledged", "promised", "intends",
    "intended", "aims", "aimed", "will", "would", "could", "might", "expected", "offered", "wants",
    "wanted",
];

/// Counted nouns (singular, as quantities write them) of the people and things an actor
/// holds at a time: a count of them with no verb of flow is a stock. In the dev gold,
/// employees, workers, soldiers, agents, policies and units are stocks 40 times of 44.
const HEADCOUNT_UNITS: &[&str] = &[
    "employee",
    "worker",
    "staff",
    "personnel",
    "soldier",
    "troop",
    "agent",
    "member",
    "policy",
    "unit",
    "person",
    "job",
];

/// Words that may hedge a restated figure ("(about 561 million euros)").
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "nearly",
    "almost",
    "c",
    "ca",
    "approx",
];

/// The span of the figure `q` restates, when it is a figure in another currency, unit or
/// rate right after `prev`, in brackets or after ", or" ("600 million dollars (about 561
/// million euros)", "$1bn (£790m)", "107 million tonnes, or roughly 2.1 million barrels a
/// day", "$111 billion, or more than $9 billion a month").
pub(super) fn restates(text: &str, prev: &Quantity, q: &Quantity) -> Option<Span> {
    if prev.span.end > q.span.start {
        return None;
    }
    let same_kind = prev.kind == q.kind
        && matches!(q.kind, QuantityKind::Money | QuantityKind::Measure)
        && prev.unit.is_some()
        && q.unit.is_some()
        && (prev.unit != q.unit || prev.per != q.per);
    // "Nearly half of baby boomers (49%)", "one in four, or 26%": a fraction word stated
    // again as a percentage, within the roundness of the word.
    let as_percent = |x: &Quantity| match x.kind {
        QuantityKind::Percent => Some(x.value),
        QuantityKind::Fraction => Some(x.value * 100.0),
        _ => None,
    };
    let share_again = prev.kind != q.kind
        && matches!(
            (as_percent(prev), as_percent(q)),
            (Some(a), Some(b)) if (a - b).abs() <= 5.0
        );
    if !(same_kind || share_again) {
        return None;
    }
    let mut gap = &text[prev.span.end..q.span.start];
    // "a third of Dutch farmers (32%)": the whole a fraction word is of comes before the
    // bracket.
    if share_again && gap.trim_start().starts_with("of ") {
        if let Some(open) = gap.find(['(', '[']) {
            let whole = words(gap, 0, open);
            if whole.len() <= 6 && !gap[..open].contains(|c: char| c.is_ascii_digit() || c == ',') {
                gap = &gap[open..];
            }
        }
    }
    // "about 107 million tonnes, or roughly 2.1 million barrels per day": "or" after a
    // comma restates as a bracket does, and needs no closing.
    let after_or = gap
        .trim_start()
        .strip_prefix(',')
        .map(str::trim_start)
        .and_then(|g| g.strip_prefix("or "));
    if let Some(rest) = after_or {
        let hedge = words(rest, 0, rest.len());
        let ok = hedge.len() <= 1 && hedge.iter().all(|w| w.is_any(HEDGES));
        return ok.then_some(prev.span);
    }
    let inner = gap.trim_start().strip_prefix(['(', '['])?;
    let hedge = words(inner, 0, inner.len());
    let ok = inner.trim().is_empty()
        || (hedge.len() <= 2
            && hedge.iter().all(|w| w.is("or") || w.is_any(HEDGES))
            && !inner.contains([')', ']']));
    let closes = text[q.span.end..].trim_start().starts_with([')', ']']);
    (ok && closes).then_some(prev.span)
}
