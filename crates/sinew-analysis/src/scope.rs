//! What narrows a measure to one part of a quantity: its complements, read preposition by
//! preposition ("units in Korea", "sales of iPhones", "tariffs on steel", "jobs at the Clyde
//! plant"). Two figures of one company or place whose measures name different places,
//! products or segments after the same preposition ("units in Korea" and "units in China";
//! "sales of iPhones" and "sales of Macs") are different quantities, however alike the rest
//! of their words; a complement only one of them names, or none, says nothing against them.
//!
//! The words are compared as sets of stems, not as strings, so "exports of crude oil" and
//! "exports of oil" share "oil" and agree. Which words narrow is `concept.rs`'s call (words of
//! the concept, the counted noun, the actors, numbers and leaked verbs do not): this module
//! only cuts the measure at its prepositions. "to" and "from" are left out on purpose: they
//! name the counterpart, which is an actor and part of the concept key already.

use std::collections::BTreeSet;

use crate::words::{content_words, stem};

/// Words that name one thing at the grain a measure is compared at, as (stem, the stem it
/// stands for): "containers of munitions" and "containers of ammunition" are one count. Source:
/// the nouns news uses interchangeably for the goods and people its figures count (the seeds,
/// the sample corpus, wire copy).
const SAME_THING: &[(&str, &str)] = &[
    ("ammunition", "munition"),
    ("ordnance", "munition"),
    ("weapon", "arm"),
    ("soldier", "troop"),
    ("shell", "round"),
    ("automobile", "car"),
    ("microchip", "chip"),
    // Oil in barrels: "barrels of oil", "of crude", "of refined petroleum".
    ("petroleum", "oil"),
    ("crude", "oil"),
    // A headcount: a company's "employees" in a table and its "workers" in the prose.
    ("employee", "worker"),
    ("staffer", "worker"),
    // "employs 1,800 people" and "its 1,800 employees": people an actor counts as its own
    // are its workforce (a count with no actor joins another only at the same amount).
    ("person", "worker"),
    ("people", "worker"),
];

/// A word's stem, with a word of [`SAME_THING`] as the one it stands for.
pub(crate) fn stem_of(word: &str) -> String {
    let st = stem(word);
    SAME_THING
        .iter()
        .find(|(w, _)| *w == st)
        .map_or(st, |(_, as_word)| (*as_word).to_string())
}

/// Prepositions whose complement narrows a measure, in the order their numbers follow.
const PREPOSITIONS: &[&str] = &["of", "in", "for", "at", "on"];

/// Words that end a complement without starting one: they introduce the counterpart, a
/// comparison or a manner, not a part of the quantity.
const ENDS: &[&str] = &[
    "to", "from", "by", "with", "into", "than", "per", "over", "as",
];

/// The narrowing words of each complement of `measure`, by preposition (its index in
/// `PREPOSITIONS`), merged when a preposition comes twice; only non-empty sets. `narrows`
/// says whether a word (lower case) with its stem narrows the measure.
pub(crate) fn complements(
    measure: &str,
    narrows: impl Fn(&str, &str) -> bool,
) -> Vec<(u8, BTreeSet<String>)> {
    let mut out: Vec<(u8, BTreeSet<String>)> = Vec::new();
    let mut current: Option<u8> = None;
    for word in sinew_types::text::words(measure) {
        if let Some(p) = PREPOSITIONS.iter().position(|p| *p == word) {
            current = Some(p as u8);
            continue;
        }
        if ENDS.contains(&word.as_str()) {
            current = None;
            continue;
        }
        let Some(p) = current else { continue };
        // Articles, possessives and conjunctions neither narrow nor end a complement.
        if content_words(&word).next().is_none() {
            continue;
        }
        let st = stem_of(&word);
        if !narrows(&word, &st) {
            continue;
        }
        match out.iter_mut().find(|(q, _)| *q == p) {
            Some((_, set)) => {
                set.insert(st);
            }
            None => out.push((p, BTreeSet::from([st]))),
        }
    }
    out.sort_by_key(|(p, _)| *p);
    out
}

/// Whether `measure` puts what it measures in a named place: an "in" complement holding a
/// word that narrows it and is written with a capital ("engineers in Vojvodina", "stores in
/// Seoul"). Such a figure counts a part (the stock in one region, a company's sales in one
/// market), never the same quantity as a figure of the same parties that names no place:
/// `clash` compares two places, [`place_apart`] a place with none.
pub(crate) fn placed(measure: &str, narrows: impl Fn(&str, &str) -> bool) -> bool {
    let mut inside = false;
    for word in sinew_types::text::word_runs(measure) {
        let lower = word.to_lowercase();
        if PREPOSITIONS.contains(&lower.as_str()) || ENDS.contains(&lower.as_str()) {
            inside = lower == "in";
            continue;
        }
        if inside
            && word.starts_with(char::is_uppercase)
            && content_words(&lower).next().is_some()
            && narrows(&lower, &stem_of(&lower))
        {
            return true;
        }
    }
    false
}

/// Whether complements (numbered as `clash` reads them) name anything after "in": a figure
/// that does not, and is not `placed`, names no place and never joins one that is.
pub(crate) fn names_in(c: &[(u8, Vec<u32>)]) -> bool {
    c.iter().any(|(p, w)| *p == IN && !w.is_empty())
}

/// The index of "in" among [`PREPOSITIONS`].
const IN: u8 = 1;

/// Whether two measures' complements (as numbered words, each list sorted) name different
/// things after the same preposition: both name some, and they share none.
pub(crate) fn clash(a: &[(u8, Vec<u32>)], b: &[(u8, Vec<u32>)]) -> bool {
    a.iter().any(|(p, wa)| {
        b.iter().find(|(q, _)| q == p).is_some_and(|(_, wb)| {
            !wa.is_empty() && !wb.is_empty() && !wa.iter().any(|w| wb.binary_search(w).is_ok())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word narrows but "sales" and "units", as if they were the concept words.
    fn read(measure: &str) -> Vec<(u8, BTreeSet<String>)> {
        complements(measure, |w, _| !matches!(w, "sales" | "units" | "share"))
    }

    fn numbered(c: &[(u8, BTreeSet<String>)], vocab: &mut Vec<String>) -> Vec<(u8, Vec<u32>)> {
        c.iter()
            .map(|(p, set)| {
                let mut ids: Vec<u32> = set
                    .iter()
                    .map(|w| match vocab.iter().position(|v| v == w) {
                        Some(i) => i as u32,
                        None => {
                            vocab.push(w.clone());
                            vocab.len() as u32 - 1
                        }
                    })
                    .collect();
                ids.sort_unstable();
                (*p, ids)
            })
            .collect()
    }

    #[test]
    fn a_capitalised_word_after_in_places_a_measure() {
        let narrows = |w: &str, _: &str| !matches!(w, "sales" | "units" | "russia");
        assert!(placed("units in Busan", narrows));
        assert!(placed("soldiers in the Kursk region", narrows));
        assert!(!placed("units in the south", narrows));
        assert!(!placed("units", narrows));
        // A party's name does not narrow, so it places nothing.
        assert!(!placed("troops in Russia", narrows));
        // After "of" or "to" a name is a product or a counterpart, not a place.
        assert!(!placed("sales of Macs", narrows));
        assert!(!placed("units to Busan", narrows));
    }

    fn clashes(a: &str, b: &str) -> bool {
        let mut vocab = Vec::new();
        let (a, b) = (
            numbered(&read(a), &mut vocab),
            numbered(&read(b), &mut vocab),
        );
        clash(&a, &b)
    }

    #[test]
    fn complements_by_preposition() {
        assert_eq!(
            read("sales of iPhones in China"),
            vec![
                (0, BTreeSet::from(["iphone".to_string()])),
                (1, BTreeSet::from(["china".to_string()])),
            ]
        );
        // "to" names the counterpart and ends the complement; articles do not.
        assert_eq!(
            read("share of the exports to India"),
            vec![(0, BTreeSet::from(["export".to_string()]))]
        );
        assert!(read("units").is_empty());
    }

    #[test]
    fn different_places_or_products_after_one_preposition_clash() {
        assert!(clashes("units in Korea", "units in China"));
        assert!(clashes("sales of iPhones", "sales of Macs"));
        assert!(clashes(
            "sales of iPhones in China",
            "sales of Macs in China"
        ));
        assert!(clashes("share of millennials", "share of Gen Z users"));
    }

    #[test]
    fn synonyms_are_one_thing() {
        assert!(!clashes(
            "containers of munitions",
            "containers of ammunition"
        ));
        assert!(!clashes("deliveries of weapons", "deliveries of arms"));
        assert!(clashes("deliveries of weapons", "deliveries of food"));
        assert!(!clashes("supplies of oil", "supplies of refined petroleum"));
        assert!(!clashes("exports of crude", "exports of oil"));
        assert!(clashes(
            "supplies of refined petroleum",
            "supplies of wheat"
        ));
    }

    #[test]
    fn shared_or_one_sided_complements_do_not_clash() {
        // One word in common is the same thing named more or less closely.
        assert!(!clashes("exports of crude oil", "exports of oil"));
        // Only one names a place: nothing contradicts.
        assert!(!clashes("units in Korea", "units"));
        // Different prepositions narrow different things.
        assert!(!clashes("sales in Europe", "sales of Macs"));
        assert!(!clashes("sales in Europe", "sales in Europe and Asia"));
        // The counterpart after "to" is the concept key's business, not the scope's.
        assert!(!clashes("exports to India", "exports to China"));
    }
}
