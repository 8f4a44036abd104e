//! What a figure measures, in a few words: "share of Russia's imports of goods covered under
//! the G7's high priority export control list", "growth of trade", "shipments of drones".
//!
//! Read from the words of the figure's clause (and sentence) around it: the noun phrase after
//! it ("worth of dual-use products", "of Russia's imports"), a count's counted noun in the
//! plural, a physical measure's dimension; else the noun phrase the figure is about
//! ([`super::np`]: the subject of its verb, the noun it modifies, or what the figure before it
//! was about). A change ("a 26.3% jump", "rose by 5%") or a fall names itself ("growth of
//! bilateral trade"). Names, dates, pronouns and clause fragments are never a measure.

use sinew_types::{Coarse, Quantity, QuantityKind, Span};

use super::noun_of_verb;
use super::np::{continues, is_anaphoric, NpContext, PRONOUNS};
use super::verbs::MAGNITUDE_NOUNS;
use crate::words::{words, Word};

/// Words that end a subject noun phrase: auxiliaries and the verbs figures come with.
const NP_STOPS: &[&str] = &[
    "comes",
    "come",
    "came",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "grew",
    "grow",
    "grows",
    "rose",
    "fell",
    "falls",
    "surged",
    "jumped",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "reached",
    "reaches",
    "accounted",
    "accounts",
    "exploded",
    "exceeded",
    "exceeds",
    "remained",
    "remains",
    "hit",
    "totaled",
    "totalled",
    "totals",
    "stood",
    "stands",
    "climbed",
    "doubled",
    "tripled",
    "soared",
    "skyrocketed",
    "plunged",
    "shrank",
    "expanded",
    "amounted",
    "reveals",
    "revealed",
    "shows",
    "showed",
    "indicate",
    "indicates",
    "costs",
    "to",
    "from",
    "since",
    "by",
    "according",
    "at",
    "that",
    "which",
    "who",
    "whose",
    "equating",
    "said",
    "says",
    "say",
    "told",
    "put",
    "puts",
    "show",
    "pledge",
    "pledged",
    "after",
    "passing",
    "including",
    "came",
    "come",
    "went",
    "goes",
    "go",
    "estimated",
    "estimates",
];

/// What the measure finder reads: the sentence, the figure and its clause, the verb of flow
/// before it, and the claim before it in the document (figures that continue another, or
/// refer back to it, are about the same thing).
pub(super) struct MeasureInputs<'a, 'w> {
    pub(super) np: NpContext<'a>,
    pub(super) clause: Span,
    pub(super) q: &'a Quantity,
    pub(super) flow: Option<&'w Word<'w>>,
    /// Is the figure a change ("rose 26.3%")? From [`super::kind`].
    pub(super) change: Option<Trend>,
    pub(super) previous: Option<&'a Previous>,
}

/// A rise or a fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trend {
    Rise,
    Fall,
}

/// What the claim before this one was about.
#[derive(Debug, Clone)]
pub(super) struct Previous {
    pub(super) span: Span,
    pub(super) sentence: Span,
    /// The noun phrase it was about ("Chinese exports"), without "growth of".
    pub(super) base: String,
    /// Its whole measure.
    pub(super) measure: String,
}

/// Nouns of an aim or a bound that a figure right before them states ("a $200 billion goal",
/// "the $60 cap").
const AIM_NOUNS: &[&str] = &[
    "cap", "caps", "goal", "goals", "target", "targets", "ceiling", "limit", "quota",
];

/// What is measured, in a few words, and the noun phrase it rests on (for the figures after
/// it).
pub(super) fn measure(inp: &MeasureInputs<'_, '_>) -> (String, String) {
    let text = inp.np.text;
    let q = inp.q;
    let clause = inp.clause;
    // What a figure measures is named before any date after it ("2 million tonnes of wheat
    // last year", "1,200 drones in March"): a date is never part of the measure.
    let end = inp
        .np
        .times
        .iter()
        .map(|t| t.span.start)
        .filter(|&s| s >= q.span.end && s < clause.end)
        .min()
        .unwrap_or(clause.end);
    let after = words(text, q.span.end, end);
    let unit = q.unit.as_deref().unwrap_or("");
    let same = |m: String| (m.clone(), m);
    // "40,000 tonnes of sorghum", "1 million barrels of refined oil": the goods measured
    if q.kind == QuantityKind::Measure && after.len() >= 2 && after[0].is("of") {
        let np = noun_phrase(&after[1..]);
        if !np.is_empty() {
            return match inp.flow.and_then(noun_of_verb) {
                Some(n) => (format!("{n} of {np}"), np),
                None => same(np),
            };
        }
    }
    // "Shipments of nitrocellulose reached 1,300 tonnes", "Chinese exports of drones rose to
    // 5,000 units": an amount of goods, or a count in a generic unit, that the clause's
    // subject says moves is that movement of those goods, not a "weight".
    if (q.kind == QuantityKind::Measure && GOODS_AMOUNT_UNITS.contains(&unit))
        || (q.kind == QuantityKind::Count && GENERIC_COUNT_UNITS.contains(&unit))
    {
        if let Some(head) = about(inp, &after).filter(|h| names_movement(h)) {
            return match inp.change {
                Some(Trend::Fall) => (format!("decline of {head}"), head),
                Some(Trend::Rise) if q.kind != QuantityKind::Measure => {
                    (format!("growth of {head}"), head)
                }
                _ => same(head),
            };
        }
    }
    // "importing more than 1.5 million barrels a day", "shipping 107 million tonnes": an
    // amount of goods moved by the clause's verb measures that movement (barrels with no
    // goods named are of oil, as news writes them), not its unit or a "weight"
    if q.kind == QuantityKind::Measure && GOODS_AMOUNT_UNITS.contains(&unit) {
        if let Some(n) = inp.flow.and_then(noun_of_verb) {
            return same(if unit == "barrel" {
                format!("{n} of oil")
            } else {
                n.to_string()
            });
        }
    }
    // "a design capacity of 38 billion cubic metres a year", "a range of 900 km": the
    // attribute the amount is the size of, named before it, is what it measures.
    if q.kind == QuantityKind::Measure {
        if let Some(attribute) = attribute_before(text, clause.start, q.span.start) {
            return same(attribute);
        }
    }
    if q.kind == QuantityKind::Measure {
        return same(match unit {
            "km/h" | "mph" | "m/s" | "kn" => "speed".into(),
            "km" | "m" | "mi" | "nmi" => "distance".into(),
            "kg" | "t" | "lb" => "weight".into(),
            "mm" | "cm" => "calibre".into(),
            other => other.to_string(),
        });
    }
    // "Russia earns about $1 billion a day from energy exports": money earned "from"
    // something is the revenue from it.
    if let Some(np) = earned_from(inp, &words(text, q.span.end, clause.end)) {
        return same(format!("revenue from {np}"));
    }
    // "another 500 million euros in military aid", "$60 billion in weapons", "€210 billion
    // of Russian central bank assets": money in or of goods, aid or a kind of payment names
    // what it pays for or is. Never a place ("$5 billion in Ukraine", a name), a time (cut
    // off above) or a phrase of manner ("in total", "in return for").
    if let Some(np) = money_in_or_of(inp, &after) {
        return match (after[0].is("of"), inp.flow.and_then(noun_of_verb)) {
            (true, Some(n)) => (format!("{n} of {np}"), np),
            _ => same(np),
        };
    }
    let priced = q.per.as_deref() == Some("unit")
        || words_before(text, clause.start, q.span.start)
            .iter()
            .any(|w| w.is_any(&["costs", "cost", "priced", "price"]));
    // "below the $60 a barrel cap", "a $60 price cap", "the $200 billion goal": the figure
    // states an aim or a bound, whatever was priced before it
    let price_first = after.first().is_some_and(|w| w.is("price"));
    if let Some(aim) = after
        .get(usize::from(price_first))
        .filter(|w| w.is_any(AIM_NOUNS))
    {
        let aim = aim.text.to_lowercase();
        return same(if price_first || (priced && q.per.is_some()) {
            format!("price {aim}")
        } else {
            aim
        });
    }
    if priced {
        return same("unit cost".into());
    }
    // "$300 million worth of dual-use products"
    if after.len() >= 2 && after[0].is("worth") && after[1].is("of") {
        let np = noun_phrase(&after[2..]);
        if !np.is_empty() {
            return match inp.flow.and_then(noun_of_verb) {
                Some(n) => (format!("{n} of {np}"), np),
                None => same(np),
            };
        }
    }
    // "nearly nine-tenths of its imported microelectronics", "half of Russia's machine
    // tools": a fraction of something is a share of it, as a percentage is.
    if q.kind == QuantityKind::Fraction
        && inp.change.is_none()
        && after.first().is_some_and(|w| w.is("of"))
    {
        let np = share_phrase(&after[1..]);
        if !np.is_empty() && !PRONOUNS.iter().any(|p| np.eq_ignore_ascii_case(p)) {
            return (format!("share of {np}"), np);
        }
    }
    if q.kind == QuantityKind::Percent {
        if inp.change.is_none() && after.first().is_some_and(|w| w.is("of")) {
            let np = share_phrase(&after[1..]);
            if !np.is_empty() {
                return (format!("share of {np}"), np);
            }
        }
        let Some(head) = about(inp, &after) else {
            return same(match inp.change {
                Some(Trend::Rise) => "growth".into(),
                Some(Trend::Fall) => "decline".into(),
                None => "share".into(),
            });
        };
        return match inp.change {
            Some(Trend::Fall) => (format!("decline of {head}"), head),
            Some(Trend::Rise) => (format!("growth of {head}"), head),
            None => same(head),
        };
    }
    // "30 dead", "a dozen wounded": the counted word is itself the casualty
    if q.kind == QuantityKind::Count && CASUALTY_WORDS.contains(&unit) {
        return same("casualties".into());
    }
    if q.kind == QuantityKind::Count && !unit.is_empty() && casualties(&after) {
        return same(format!("{unit} casualties"));
    }
    // "13 rounds of sanctions", "two packages of aid", "four batches of drones": a counted
    // noun that only portions something out names nothing without what it portions; the
    // measure keeps both (a round of sanctions is not a round of ammunition).
    if q.kind == QuantityKind::Count
        && PORTION_NOUNS.contains(&unit)
        && after.len() >= 2
        && after[0].is("of")
    {
        // What is portioned ends at a preposition ("of sanctions on Moscow", "of aid for
        // Ukraine": the target is a party, not the goods).
        let goods: Vec<Word<'_>> = after[1..]
            .iter()
            .take_while(|w| {
                !w.is_any(&[
                    "on", "for", "against", "from", "to", "into", "at", "by", "with",
                ])
            })
            .cloned()
            .collect();
        let np = noun_phrase(&goods);
        // A round of ammunition is what is counted, whatever the shells are called ("3
        // million rounds of 152mm artillery shells" is a count of rounds, as "3 million
        // rounds" is); only a round of something else ("of sanctions", "of talks") portions.
        let munitions = unit == "round"
            && goods.iter().any(|w| {
                w.is_any(&[
                    "ammunition",
                    "ammo",
                    "shell",
                    "shells",
                    "artillery",
                    "bullet",
                    "bullets",
                    "cartridge",
                    "cartridges",
                    "mortar",
                    "mortars",
                    "munitions",
                ])
            });
        if !np.is_empty() && !munitions {
            let plural = plural(unit);
            return (format!("{plural} of {np}"), plural);
        }
    }
    if q.kind == QuantityKind::Count && !unit.is_empty() {
        let plural = plural(unit);
        return match inp.flow.and_then(noun_of_verb) {
            Some(n) => (format!("{n} of {plural}"), plural),
            None => same(plural),
        };
    }
    // A count with no noun ("some 1,500 had been carried") counts what the figure before it
    // in the sentence counted.
    // "... 11,000 soldiers, where some 4,000 of them have been killed": casualties among
    // what the figure before in the sentence counted
    if matches!(q.kind, QuantityKind::Count | QuantityKind::Number) && casualties(&after) {
        if let Some(p) = inp
            .previous
            .filter(|p| p.sentence == inp.np.sentence && !p.base.contains(' '))
        {
            let one = p.base.strip_suffix('s').filter(|b| !b.ends_with('s'));
            return same(format!("{} casualties", one.unwrap_or(&p.base)));
        }
    }
    if q.kind == QuantityKind::Count {
        if let Some(p) = inp.previous.filter(|p| p.sentence == inp.np.sentence) {
            return (p.measure.clone(), p.base.clone());
        }
    }
    if let Some(head) = about(inp, &after) {
        let measure = match inp.change {
            Some(Trend::Fall) => format!("decline of {head}"),
            Some(Trend::Rise) => format!("growth of {head}"),
            None => head.clone(),
        };
        return (measure, head);
    }
    let exchange = inp
        .flow
        .is_some_and(|v| super::voice::exchange_between(&before_all(inp), v.end, q.span.start));
    let fallback = match (inp.flow.and_then(noun_of_verb), q.kind) {
        // "in exchange for $500 million": the money paid for what the verb moved.
        (_, QuantityKind::Money) if exchange => "payments".to_string(),
        (Some(n), _) => n.to_string(),
        (None, QuantityKind::Money) => "value".into(),
        (None, _) => "figure".into(),
    };
    same(fallback)
}

/// Nouns of a thing's size, capacity or reach that an amount after "of" is the value of.
const ATTRIBUTE_NOUNS: &[&str] = &[
    "capacity",
    "output",
    "production",
    "range",
    "throughput",
    "volume",
    "yield",
    "reach",
    "length",
    "depth",
    "height",
    "altitude",
    "speed",
    "displacement",
    "payload",
];

/// "a design capacity of", "an annual output of", "a range of" right before the figure: the
/// attribute with up to two lower-case words narrowing it ("design capacity").
fn attribute_before(text: &str, from: usize, figure: usize) -> Option<String> {
    let before = words(text, from, figure);
    let [.., noun, of] = before.as_slice() else {
        return None;
    };
    if !of.is("of") || !noun.is_any(ATTRIBUTE_NOUNS) {
        return None;
    }
    let mut out = vec![noun.text.to_lowercase()];
    for w in before[..before.len() - 2].iter().rev().take(2) {
        let lower_word = w.text.chars().all(|c| c.is_lowercase() || c == '-');
        if !lower_word || w.is_any(&["a", "an", "the", "its", "their", "his", "her", "of"]) {
            break;
        }
        out.insert(0, w.text.to_string());
    }
    Some(out.join(" "))
}

/// Units that measure an amount of goods (weight and volume), as the quantities layer
/// writes them: what a shipment of them is shipped in.
const GOODS_AMOUNT_UNITS: &[&str] = &[
    "t", "kg", "g", "lb", "oz", "barrel", "bushel", "l", "gal", "m³", "m3", "bcm",
];

/// Counted nouns (as the quantities layer writes them, singular) that portion something out
/// and say nothing of what without their "of" phrase.
const PORTION_NOUNS: &[&str] = &[
    "round",
    "package",
    "tranche",
    "wave",
    "batch",
    "set",
    "lot",
    "consignment",
    "shipment",
    "cargo",
    "load",
    "truckload",
    "trainload",
    "shipload",
    "planeload",
    "convoy",
    "installment",
    "instalment",
];

/// Counted nouns that say nothing of what is counted ("5,000 units", "300 items").
const GENERIC_COUNT_UNITS: &[&str] = &["unit", "item", "piece", "pcs"];

/// Does a noun phrase name goods moving or traded ("shipments of nitrocellulose",
/// "Chinese exports of drones", "deliveries")?
fn names_movement(np: &str) -> bool {
    np.split(' ').any(|w| {
        let w = w.to_ascii_lowercase();
        super::verbs::SUPPLY_NOUNS.contains(&w.as_str())
            || super::verbs::RECEIPT_NOUNS.contains(&w.as_str())
            || matches!(w.as_str(), "flows" | "trade" | "consumption")
    })
}

/// Words that make a count of people a count of casualties.
const CASUALTY_WORDS: &[&str] = &[
    "killed", "wounded", "injured", "dead", "died", "hurt", "missing", "captured",
];

/// Does a count's clause say its people were killed, hurt or lost, within a few words after
/// it ("some 4,000 of them have been killed or wounded", "eight soldiers died", "12 people
/// were injured")? "Killed" needs an auxiliary or a coordinate before it ("3 gunmen killed
/// two guards" is a count of gunmen who killed); the others stand alone.
fn casualties(after: &[Word<'_>]) -> bool {
    after.iter().take(7).enumerate().any(|(i, w)| {
        w.is_any(CASUALTY_WORDS)
            && (!w.is("killed")
                || i.checked_sub(1).is_some_and(|p| {
                    after[p].is_any(&["been", "were", "was", "are", "is", "be", "got", "and", "or"])
                }))
    })
}

/// The noun phrase a figure is about when its own words (a counted noun, "worth of", "of")
/// do not say: see [`super::np`].
fn about(inp: &MeasureInputs<'_, '_>, after: &[Word<'_>]) -> Option<String> {
    let np = &inp.np;
    let q = inp.q;
    let before = words(np.text, inp.clause.start, q.span.start);
    let in_sentence = inp.previous.filter(|p| p.sentence == np.sentence);
    // "The fund paid $1bn": the figure is what a verb of flow moved; whoever comes before
    // the verb is an actor, and the verb's noun (the caller's fallback) names the figure.
    // So is "Japan will lend Ukraine $4.5 billion": the name between them is who gets it.
    let object_of_flow = inp.flow.is_some_and(|v| {
        let between: Vec<Word<'_>> = words(np.text, v.end, q.span.start)
            .into_iter()
            .filter(|w| {
                !np.mentions
                    .iter()
                    .any(|m| m.span.start <= w.start && w.end <= m.span.end)
            })
            .collect();
        v.end <= q.span.start && super::np::only_qualifiers(&between)
    });
    if object_of_flow {
        return None;
    }
    // "from $147 billion in 2021 to $241 billion": the second continues the first.
    if let Some(p) = in_sentence {
        if p.span.end <= q.span.start && continues(np, Span::new(p.span.end, q.span.start)) {
            return Some(p.base.clone());
        }
    }
    if let Some(n) = np.modified_noun(after) {
        return Some(n);
    }
    // "8,000 of them", "put the total at 10,000": what the last figure counted.
    let near = |p: &&Previous| q.span.start.saturating_sub(p.sentence.end) < 600;
    if is_anaphoric(after, &before) {
        if let Some(p) = inp.previous.filter(near) {
            return Some(p.base.clone());
        }
    }
    if let Some(n) = np.governing(inp.clause.start, q.span.start) {
        return Some(n);
    }
    // "... while imports from Russia, dominated by oil, came to $129 billion": a clause that
    // opens on its verb has its subject after the last "while" or "whereas".
    let sentence_words = words(np.text, np.sentence.start, inp.clause.start);
    let opens_on_verb = before.first().is_some_and(super::np::governs);
    if let Some(w) = sentence_words
        .iter()
        .rev()
        .find(|w| w.is_any(&["while", "whereas"]))
        .filter(|_| opens_on_verb)
    {
        if let Some(n) = np.opening(w.end, inp.clause.start) {
            return Some(n);
        }
    }
    // A clause with no subject of its own ("it reached ...", "and now exceeds ...",
    // "reaching a record ...") continues the sentence's last figure, or its opening phrase;
    // one whose subject is an actor ("and the EU pledged €5 billion") does not.
    let names_actor = super::np::actor_subject(np, inp.clause.start, q.span.start);
    if let Some(p) = in_sentence.filter(|_| !names_actor) {
        return Some(p.base.clone());
    }
    if names_actor {
        return None;
    }
    if inp.clause.start > np.sentence.start {
        if let Some(n) = np.governing(np.sentence.start, q.span.start) {
            return Some(n);
        }
    }
    if let Some(n) = np.opening(np.sentence.start, q.span.start) {
        return Some(n);
    }
    // "The total was 26.3% higher": the figure the last sentence gave.
    let refers = before
        .iter()
        .find(|w| !w.is_any(&["the", "a", "an", "this", "that"]))
        .is_some_and(|w| w.is_any(MAGNITUDE_NOUNS) || w.is_any(PRONOUNS));
    if refers {
        return inp.previous.filter(near).map(|p| p.base.clone());
    }
    None
}

/// The sentence's words up to the figure.
fn before_all<'a>(inp: &MeasureInputs<'a, '_>) -> Vec<Word<'a>> {
    words(inp.np.text, inp.np.sentence.start, inp.q.span.start)
}

fn words_before(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    words(text, from, to)
}

/// Up to five words of a noun phrase, stopping at prepositions and verbs.
fn noun_phrase(ws: &[Word<'_>]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in ws.iter().skip_while(|w| w.is_any(&["the", "a", "an"])) {
        // "of enterprise IT spending shifting to ...": a gerund after the noun starts a
        // clause ("spending", "shipping" and the like are nouns and stay).
        let gerund = w.text.len() > 5
            && w.text.ends_with("ing")
            && !out.is_empty()
            && !w.is_any(&[
                "spending",
                "shipping",
                "manufacturing",
                "funding",
                "financing",
            ]);
        // "of Russian gas a year", "of crude oil annually": a rate after the goods ends them
        let rate = !out.is_empty()
            && w.is_any(&[
                "a", "an", "annually", "daily", "monthly", "weekly", "yearly",
            ]);
        if out.len() >= 5
            || gerund
            || rate
            || w.is_any(NP_STOPS)
            || w.is_any(&[
                "of", "in", "and", "or", "every", "each", "per", "covered", "are", "is",
            ])
        {
            break;
        }
        out.push(w.text);
    }
    out.join(" ")
}

/// What a share is a share of: a noun phrase, with the goods it is narrowed to ("Russia's
/// imports of goods covered under the G7's high priority export control list"), since a share
/// of all imports and a share of high-priority imports are different figures.
fn share_phrase(ws: &[Word<'_>]) -> String {
    const NARROWING: &[&str] = &["covered", "listed", "classified", "designated", "included"];
    let mut out = noun_phrase(ws);
    let mut i = out.split(' ').filter(|w| !w.is_empty()).count();
    i += ws
        .iter()
        .take_while(|w| w.is_any(&["the", "a", "an"]))
        .count();
    let mut extended = 0;
    while extended < 2 && i + 1 < ws.len() {
        let (head, skip) = if ws[i].is("of") {
            ("of", 1)
        } else if ws[i].is_any(NARROWING) && ws[i + 1].is_any(&["under", "by", "on", "in"]) {
            (ws[i].text, 2)
        } else {
            break;
        };
        let rest = &ws[i + skip..];
        let np = noun_phrase(rest);
        if np.is_empty() {
            break;
        }
        let lead = rest
            .iter()
            .take_while(|w| w.is_any(&["the", "a", "an"]))
            .count();
        let words = np.split(' ').count();
        if head == "of" {
            out = format!("{out} of {np}");
        } else {
            out = format!("{out} {head} {} {np}", ws[i + 1].text);
        }
        i += skip + lead + words;
        extended += 1;
    }
    out
}

fn plural(unit: &str) -> String {
    match unit {
        "" => "count".into(),
        "person" => "people".into(),
        u if u.ends_with('y') && !u.ends_with("ay") && !u.ends_with("ey") && !u.ends_with("oy") => {
            format!("{}ies", &u[..u.len() - 1])
        }
        u if u.ends_with('s') || u.ends_with('x') || u.ends_with("ch") || u.ends_with("sh") => {
            format!("{u}es")
        }
        u => format!("{u}s"),
    }
}

/// Words that open a phrase naming something already known ("in the first quarter",
/// "from the sale"), never goods money is in or earned from.
const OPENING_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "this", "that", "which"];

/// Words after "in" that make a phrase of manner or amount, not what money is paid in.
const NOT_PAID_IN: &[&str] = &[
    "total", "all", "terms", "return", "exchange", "addition", "part", "order", "value", "fact",
    "response", "recent", "each", "line", "turn", "full", "cash", "nominal", "real", "annual",
];

/// The goods or payment a money figure is "in" or "of" ("500 million euros in military aid",
/// "€210 billion of Russian central bank assets"), when the words after it name one: lower
/// case after "in" with no determiner (so "in the first quarter" and "in Ukraine" are not);
/// after "of", lower case or a demonym ("of Russian assets", not "of Russia's").
fn money_in_or_of(inp: &MeasureInputs<'_, '_>, after: &[Word<'_>]) -> Option<String> {
    if inp.q.kind != QuantityKind::Money || after.len() < 2 || !after[0].is_any(&["in", "of"]) {
        return None;
    }
    let first = &after[1];
    let lower = first.text.starts_with(|c: char| c.is_lowercase());
    let demonym = inp.np.mentions.iter().any(|m| {
        m.span.start == first.start && m.coarse == Coarse::Misc && m.span.end == first.end
    });
    let fits = if after[0].is("in") {
        lower && !first.is_any(OPENING_DETERMINERS)
    } else {
        (lower || demonym) && !first.is_any(&["which", "it", "them", "that", "this", "those"])
    };
    if !fits || first.is_any(NOT_PAID_IN) {
        return None;
    }
    let np = noun_phrase(&after[1..]);
    (!np.is_empty() && !PRONOUNS.iter().any(|p| np.eq_ignore_ascii_case(p))).then_some(np)
}

/// Verb forms of earning money.
const EARNING_VERBS: &[&str] = &[
    "earn",
    "earns",
    "earned",
    "earning",
    "generate",
    "generates",
    "generated",
    "generating",
    "derive",
    "derives",
    "derived",
    "deriving",
];

/// What a money figure was earned from ("earns $1 billion a day from energy exports"): the
/// lower-case phrase after "from" when a verb of earning comes shortly before the figure.
fn earned_from(inp: &MeasureInputs<'_, '_>, after: &[Word<'_>]) -> Option<String> {
    // Past a rate written after the figure ("$1 billion a day from ...").
    let rate = after
        .iter()
        .take_while(|w| {
            w.is_any(&[
                "a", "an", "per", "each", "every", "day", "week", "month", "year", "annually",
                "daily", "monthly", "yearly",
            ])
        })
        .count();
    let after = &after[rate..];
    if inp.q.kind != QuantityKind::Money || after.len() < 2 || !after[0].is("from") {
        return None;
    }
    let first = &after[1];
    if !first.text.starts_with(|c: char| c.is_lowercase()) || first.is_any(OPENING_DETERMINERS) {
        return None;
    }
    let before = words(inp.np.text, inp.clause.start, inp.q.span.start);
    if !before.iter().rev().take(4).any(|w| w.is_any(EARNING_VERBS)) {
        return None;
    }
    let np = noun_phrase(&after[1..]);
    (!np.is_empty()).then_some(np)
}
