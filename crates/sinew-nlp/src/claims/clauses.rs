//! Clause boundaries inside a sentence that decide which time a figure takes
//! (`super::time_for`): words that open a clause of their own, contrasts, and citation years.

use sinew_types::Span;

use crate::words::{words, Word};

/// Words that open a clause of their own inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "which", "who", "when",
];

/// Words that, after "and" or "that", go on a noun phrase (another figure, a name), not a
/// clause: "70% of the tools and about 90% of the chips that Russia imported in 2023".
const PHRASE_GOES_ON: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "another",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "less",
    "up",
    "at",
    "just",
    "only",
    "approximately",
    "close",
    "under",
    "of",
    "in",
    "per",
    "then",
];

/// Do `ws` hold a word that opens a clause: a subordinator or relative ("which", "while"), or
/// "and"/"that" followed by a lower-case word that does not go on a noun phrase ("and
/// passed", "that rose")?
pub(super) fn opens_clause(ws: &[Word<'_>]) -> bool {
    ws.iter().enumerate().any(|(i, w)| {
        w.is_any(CLAUSE_OPENERS)
            || (w.is_any(&["and", "that"])
                && ws.get(i + 1).is_some_and(|n| {
                    n.text.chars().next().is_some_and(char::is_lowercase)
                        && n.text.chars().all(char::is_alphabetic)
                        && !n.is_any(PHRASE_GOES_ON)
                }))
    })
}

/// Contrasting conjunctions: what follows has its own time.
pub(super) const CONTRASTS: &[&str] = &["but", "while", "whereas", "although", "though", "however"];

/// Is the time at `span` a citation's year ("(EPA 2024)", "(Smith et al., 2020)"): inside a
/// bracket whose other words are names, not the time of a figure?
pub(super) fn is_citation(text: &str, sentence: Span, span: Span) -> bool {
    let before = &text[sentence.start..span.start];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let after = &text[span.end..sentence.end];
    if !after.trim_start().starts_with(')') {
        return false;
    }
    let inside = words(text, sentence.start + open + 1, span.start);
    !inside.is_empty()
        && inside.iter().all(|w| {
            w.text.chars().next().is_some_and(char::is_uppercase) || w.is_any(&["et", "al", "and"])
        })
}
