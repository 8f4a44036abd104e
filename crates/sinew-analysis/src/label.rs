//! Which words name a group? The measure most members use, among those that name a quantity:
//! rule-based measures leak dates ("October 18 it"), names ("Secretary of State Antony
//! Blinken") and clause fragments, and one such measure in a table makes an analyst distrust
//! every row. When no member's measure names a quantity, the group is named by its concept or
//! counted noun.

use std::collections::BTreeMap;

use sinew_types::{Claim, QuantityKind};

use crate::concept::{Concept, Meaning};

/// The group's measure: the most common informative measure among the members that tell
/// the group's concept, else among all members; when no member's measure is informative (a
/// date, a name, a leaked clause), the concept or counted noun.
pub(crate) fn group_measure(
    members: &[usize],
    claims: &[Claim],
    meanings: &[&Meaning],
    concept: Concept,
) -> String {
    let informative: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| informative(&claims[i].measure))
        .collect();
    let telling: Vec<&str> = informative
        .iter()
        .filter(|&&i| meanings[i].concept == concept)
        .map(|&i| claims[i].measure.as_str())
        .collect();
    if !telling.is_empty() {
        return representative_measure(telling.into_iter());
    }
    if !informative.is_empty() {
        return representative_measure(informative.iter().map(|&i| claims[i].measure.as_str()));
    }
    let first = &claims[members[0]];
    match (concept, first.quantity.kind, first.quantity.unit.as_deref()) {
        (Concept::Other, QuantityKind::Count, Some(noun)) if !noun.trim().is_empty() => {
            noun.trim().to_string()
        }
        (Concept::Other, QuantityKind::Money, _) => "amount".to_string(),
        (Concept::Other, QuantityKind::Percent, _) => "percentage".to_string(),
        (Concept::Other, QuantityKind::Count, _) => "count".to_string(),
        (Concept::Other, _, Some(unit)) => unit.trim().to_string(),
        (c, _, _) => c.as_str().to_string(),
    }
}

/// False for a measure that names no quantity: a date or time word ("October 18 it", "last
/// December and now", "officials now"), a run of three or more capitalised words or only
/// capitalised words (a name or title: "Secretary of State Antony Blinken", "State
/// Department"), or nothing at all.
pub(crate) fn informative(measure: &str) -> bool {
    use sinew_types::text::{word_runs, MONTH_NAMES, WEEKDAY_NAMES};
    let words: Vec<&str> = word_runs(measure).collect();
    if words.is_empty() {
        return false;
    }
    let dated = words.iter().any(|w| {
        MONTH_NAMES
            .iter()
            .chain(WEEKDAY_NAMES.iter())
            .any(|n| n.eq_ignore_ascii_case(w))
            || (w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit()))
            || TIME_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w))
    });
    if dated {
        return false;
    }
    // Capitalised runs; "of" and "the" inside a title do not break one.
    let mut run = 0;
    let mut longest = 0;
    for w in &words {
        if w.chars().next().is_some_and(char::is_uppercase) {
            run += 1;
            longest = longest.max(run);
        } else if !matches!(*w, "of" | "the" | "and") || run == 0 {
            run = 0;
        }
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    longest < 3 && !(words.len() >= 2 && words.iter().all(capitalised))
}

/// Words that place a figure in time rather than say what it counts.
const TIME_WORDS: &[&str] = &[
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "currently",
    "ago",
    "recently",
];

fn representative_measure<'a>(measures: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in measures {
        *counts.entry(m.trim()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(b.len().cmp(&a.len())).then(b.cmp(a)))
        .map(|(m, _)| m.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn representative_is_most_common_then_shortest() {
        assert_eq!(
            representative_measure(["b trade", "a", "b trade"].into_iter()),
            "b trade"
        );
        assert_eq!(
            representative_measure(["trade value", "trade", "bilateral trade"].into_iter()),
            "trade"
        );
        assert_eq!(representative_measure(std::iter::empty()), "");
    }

    #[test]
    fn dates_names_and_time_words_name_no_quantity() {
        for m in [
            "October 18 it",
            "last December and now",
            "officials now",
            "Secretary of State Antony Blinken",
            "State Department",
            "2023 sales",
            "",
        ] {
            assert!(!informative(m), "{m}");
        }
        for m in [
            "Trade between China and Russia",
            "China-Russia trade",
            "Chinese exports",
            "shipments of containers",
            "Russian dependence on China for high-priority products",
        ] {
            assert!(informative(m), "{m}");
        }
    }
}
