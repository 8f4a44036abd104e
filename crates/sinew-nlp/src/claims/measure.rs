//! What a figure measures, in a few words: "share of Russia's imports of goods covered under
//! the G7's high priority export control list", "growth of trade", "shipments of drones".
//!
//! Read from the words of the figure's clause (and sentence) around it: the noun phrase after
//! it ("worth of dual-use products", "of Russia's imports"), else the noun phrase its clause
//! opens with, stopped at the verb; a change ("a 26.3% jump", "rose by 5%") or a fall names
//! itself, a count is its counted noun in the plural, a physical measure its dimension.

use sinew_types::{Quantity, QuantityKind, Span};

use super::noun_of_verb;
use crate::words::{words, Word};

/// Words that end a subject noun phrase: auxiliaries and the verbs figures come with.
const NP_STOPS: &[&str] = &[
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
    "rise",
    "rises",
    "fell",
    "falls",
    "surged",
    "surge",
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
    "cost",
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
    "estimated",
    "estimates",
];

/// Words dropped from the front of a noun phrase.
const NP_LEADS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "moreover",
    "the",
    "a",
    "an",
    "its",
    "their",
    "with",
    "in",
    "on",
    "for",
    "of",
    "while",
    "as",
    "although",
    "though",
    "also",
    "alone",
    "only",
    "typically",
    "now",
    "this",
    "these",
    "those",
    "then",
    "still",
];

const PRONOUNS: &[&str] = &[
    "it", "they", "this", "that", "which", "he", "she", "we", "these", "those",
];

/// What is measured, in a few words.
pub(super) fn measure(
    text: &str,
    sentence: Span,
    clause: Span,
    q: &Quantity,
    flow: Option<&Word<'_>>,
) -> String {
    let after = words(text, q.span.end, clause.end);
    let unit = q.unit.as_deref().unwrap_or("");
    if q.kind == QuantityKind::Measure {
        return match unit {
            "km/h" | "mph" | "m/s" | "kn" => "speed".into(),
            "km" | "m" | "mi" | "nmi" => "distance".into(),
            "kg" | "t" | "lb" => "weight".into(),
            "mm" | "cm" => "calibre".into(),
            other => other.to_string(),
        };
    }
    if q.per.as_deref() == Some("unit")
        || words_before(text, clause.start, q.span.start)
            .iter()
            .any(|w| w.is_any(&["costs", "cost", "priced", "price"]))
    {
        return "unit cost".into();
    }
    // "$300 million worth of dual-use products"
    if after.len() >= 2 && after[0].is("worth") && after[1].is("of") {
        let np = noun_phrase(&after[2..]);
        if !np.is_empty() {
            return match flow.and_then(noun_of_verb) {
                Some(n) => format!("{n} of {np}"),
                None => np,
            };
        }
    }
    if q.kind == QuantityKind::Percent {
        if after.first().is_some_and(|w| w.is("of")) {
            let np = share_phrase(&after[1..]);
            if !np.is_empty() {
                return format!("share of {np}");
            }
        }
        let change = after
            .first()
            .is_some_and(|w| w.is_any(&["jump", "rise", "increase", "growth", "gain", "surge"]))
            || words_before(text, clause.start, q.span.start)
                .last()
                .is_some_and(|w| w.is("by"));
        let fall = after
            .first()
            .is_some_and(|w| w.is_any(&["drop", "fall", "decline", "decrease"]));
        let head = head_np(text, clause.start, q.span.start)
            .or_else(|| head_np(text, sentence.start, q.span.start));
        if let Some(head) = head {
            return if fall {
                format!("decline of {head}")
            } else if change {
                format!("growth of {head}")
            } else {
                head
            };
        }
        return "share".into();
    }
    if q.kind == QuantityKind::Count {
        let plural = plural(unit);
        return match flow.and_then(noun_of_verb) {
            Some(n) => format!("{n} of {plural}"),
            None => plural,
        };
    }
    head_np(text, clause.start, q.span.start)
        .or_else(|| head_np(text, sentence.start, q.span.start))
        .unwrap_or_else(|| {
            if q.kind == QuantityKind::Money {
                "value".into()
            } else {
                "figure".into()
            }
        })
}

fn words_before(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    words(text, from, to)
}

/// Up to five words of a noun phrase, stopping at prepositions and verbs.
fn noun_phrase(ws: &[Word<'_>]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in ws.iter().skip_while(|w| w.is_any(&["the", "a", "an"])) {
        if out.len() >= 5
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

/// The noun phrase a clause opens with, up to its verb or `end`.
fn head_np(text: &str, start: usize, end: usize) -> Option<String> {
    let ws = words(text, start, end);
    let mut out: Vec<&str> = Vec::new();
    let mut leading = true;
    for w in &ws {
        // Leading function words, numbers and all-caps datelines ("BEIJING —").
        let dateline = w.text.len() > 1 && w.text.chars().all(|c| !c.is_lowercase());
        if leading && (w.is_any(NP_LEADS) || dateline) {
            continue;
        }
        leading = false;
        if w.is_any(NP_STOPS) || out.len() >= 7 {
            break;
        }
        out.push(w.text);
    }
    while out
        .last()
        .is_some_and(|w| ["of", "the", "a", "an", "and", "or"].contains(&w.to_lowercase().as_str()))
    {
        out.pop();
    }
    let np = out.join(" ");
    (!np.is_empty() && !PRONOUNS.contains(&np.to_lowercase().as_str())).then_some(np)
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
