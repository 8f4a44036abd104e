//! What is a sentence about? One of eight themes (arms and munitions, dual-use goods and
//! technology, energy, food, trade and payments, finance and sanctions, pacts and visits,
//! military cooperation), read from the words of the sentence itself (its claims' measures
//! are among them), a political tie stated in it, and for a ledger row the kind of flow the
//! ledger gave it.
//!
//! A sentence goes where its own words point: the theme whose words it holds most, earlier
//! themes winning ties (a missile is arms before it is military cooperation). A tie's kind
//! adds weight to its theme but never alone puts a sentence there, so every sentence of a
//! section names its theme in words a reader sees. The words are data
//! (`data/lexicon.txt`).

use sinew_analysis::{FlowKind, TieKind};

use crate::lexicon::lexicon;

/// The themes, in order of precedence.
pub(crate) fn theme_names() -> Vec<&'static str> {
    lexicon().themes().map(|(n, _)| n).collect()
}

/// The words that signal theme `theme` (by its name, as [`Section::theme`](crate::Section)
/// gives it), lower case, an entry of several words joined by spaces; empty for no theme of
/// that name. A section's every sentence holds one of its theme's words.
pub fn theme_words(theme: &str) -> Vec<String> {
    lexicon()
        .themes()
        .find(|(n, _)| *n == theme)
        .map(|(_, entries)| entries.iter().map(|e| e.join(" ")).collect())
        .unwrap_or_default()
}

/// The theme `words` signal most, with its number of hits plus `bonus` for that theme;
/// `None` when no theme's words occur. `bonus[t]` is extra weight for theme `t` (from a tie
/// stated in the sentence, or its claims' measures) and counts only where the words already
/// name `t`.
pub(crate) fn theme_of(words: &[String], bonus: &[usize]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, hits) in lexicon().theme_hits(words).into_iter().enumerate() {
        if hits == 0 {
            continue;
        }
        let score = hits + bonus.get(i).copied().unwrap_or(0);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best
}

/// `words` without those of a body's name (`[body names]`: "defence ministry", "energy
/// minister"), which say who speaks rather than what a sentence is about.
pub(crate) fn without_body_names(words: &[String]) -> Vec<String> {
    let names = lexicon().list("body names");
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let named = names
            .iter()
            .filter(|e| words[i..].starts_with(e))
            .map(Vec::len)
            .max();
        match named {
            Some(n) => i += n,
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// How many words of each theme `words` hold, in theme order.
pub(crate) fn theme_counts(words: &[String]) -> Vec<usize> {
    lexicon().theme_hits(words)
}

/// The theme a political tie belongs to.
pub(crate) fn tie_theme(kind: TieKind) -> Option<usize> {
    let name = match kind {
        TieKind::Pact | TieKind::Visit => "pacts and visits",
        TieKind::Sanctions => "finance and sanctions",
        TieKind::Supply => return None,
    };
    theme_names().iter().position(|n| *n == name)
}

/// The theme a ledger group's kind of flow belongs to, when the kind says.
pub(crate) fn flow_theme(kind: FlowKind) -> Option<usize> {
    let name = match kind {
        FlowKind::Arms => "arms and munitions",
        FlowKind::DualUse | FlowKind::Technology => "dual-use goods and technology",
        FlowKind::Trade => "trade and payments",
        FlowKind::Energy => "energy",
        FlowKind::Food => "food",
        FlowKind::Political => "pacts and visits",
        FlowKind::People => "military cooperation",
        FlowKind::Other => return None,
    };
    theme_names().iter().position(|n| *n == name)
}

/// The theme a user's `--topic` names: a theme whose name holds it, else the theme whose
/// words hold it.
pub(crate) fn topic_theme(topic: &str) -> Option<usize> {
    let topic = topic.trim().to_lowercase();
    if topic.is_empty() {
        return None;
    }
    let names = theme_names();
    if let Some(i) = names.iter().position(|n| n.contains(&topic)) {
        return Some(i);
    }
    let words: Vec<String> = crate::text::words(&topic).collect();
    theme_of(&words, &[]).map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn themes_by_the_sentences_own_words() {
        let names = theme_names();
        for (sentence, expected) in [
            (
                "The shipments held artillery shells and rockets for the front.",
                Some("arms and munitions"),
            ),
            (
                "Exporters sent dual-use microelectronics and machine tools.",
                Some("dual-use goods and technology"),
            ),
            ("Imports of wheat and fertiliser doubled.", Some("food")),
            (
                "Payments in yuan now settle most trade.",
                Some("trade and payments"),
            ),
            (
                "The bank was sanctioned by the Treasury.",
                Some("finance and sanctions"),
            ),
            ("The crude was loaded at the refinery.", Some("energy")),
            (
                "The two leaders signed a treaty during the visit.",
                Some("pacts and visits"),
            ),
            (
                "Thousands of troops were deployed for training.",
                Some("military cooperation"),
            ),
            ("The weather was fine.", None),
            // a body's name is who speaks, not what the sentence is about
            (
                "Peru's defence ministry said 400 trucks of copper crossed the border.",
                None,
            ),
            (
                "Peru's defence ministry said 400 soldiers crossed the border.",
                Some("military cooperation"),
            ),
        ] {
            let ws: Vec<String> = without_body_names(&words(sentence).collect::<Vec<_>>());
            assert_eq!(
                theme_of(&ws, &[]).map(|(t, _)| names[t]),
                expected,
                "{sentence}"
            );
        }
        // a tie adds weight only to a theme the words already name
        let ws: Vec<String> = words("Sanctions followed the treaty and the visit.").collect();
        let pacts = names.iter().position(|n| *n == "pacts and visits").unwrap();
        let finance = names
            .iter()
            .position(|n| *n == "finance and sanctions")
            .unwrap();
        assert_eq!(theme_of(&ws, &[]).map(|(t, _)| t), Some(pacts));
        let mut bonus = vec![0; names.len()];
        bonus[finance] = 2;
        assert_eq!(theme_of(&ws, &bonus).map(|(t, _)| t), Some(finance));
        bonus = vec![0; names.len()];
        bonus[names.iter().position(|n| *n == "food").unwrap()] = 9;
        assert_eq!(theme_of(&ws, &bonus).map(|(t, _)| t), Some(pacts));
        assert_eq!(
            topic_theme("energy"),
            names.iter().position(|n| *n == "energy")
        );
        assert_eq!(topic_theme("sanctions"), Some(finance));
        assert_eq!(
            topic_theme("oil"),
            names.iter().position(|n| *n == "energy")
        );
    }
}
