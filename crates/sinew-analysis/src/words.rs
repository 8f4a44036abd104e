//! Content words of a measure, reduced to a crude stem so that "exports" and "export",
//! "delivered" and "deliver" compare equal.

use std::collections::BTreeSet;

/// Words that say nothing about what is measured.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "from", "by", "at", "with", "and", "or", "as",
    "its", "their", "his", "her", "this", "that", "these", "those", "into", "over", "per", "than",
    "is", "are", "was", "were", "be", "been", "it", "s",
];

/// The stemmed content words of `text`, lower-cased, as a set.
pub(crate) fn content_stems(text: &str) -> BTreeSet<String> {
    content_words(text).map(|w| stem(&w)).collect()
}

/// The content words of `text`, lower-cased, not stemmed, in order.
pub(crate) fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    sinew_types::text::words(text).filter(|w| !STOP.contains(&w.as_str()))
}

/// A light suffix stripper: plural, past and gerund endings. Enough to match the inflections a
/// measure shows across sources, not a linguistic stemmer.
pub(crate) fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("ies").filter(|b| b.len() >= 3) {
        return format!("{base}y");
    }
    if let Some(base) = word.strip_suffix("ied").filter(|b| b.len() >= 3) {
        return format!("{base}y");
    }
    if let Some(base) = word.strip_suffix("ing").filter(|b| b.len() >= 4) {
        return base.to_string();
    }
    if let Some(base) = word.strip_suffix("ed").filter(|b| b.len() >= 4) {
        return base.to_string();
    }
    if let Some(base) = word.strip_suffix("es").filter(|b| b.len() >= 3) {
        // "boxes" -> "box", "glasses" -> "glass", but "missiles" -> "missile"
        let sibilant = ["x", "z", "ch", "sh", "ss"]
            .iter()
            .any(|s| base.ends_with(s));
        return if sibilant {
            base.to_string()
        } else {
            format!("{base}e")
        };
    }
    if let Some(base) = word.strip_suffix('s').filter(|b| b.len() >= 3) {
        // "status", "virus", "analysis" are not plurals
        if !(base.ends_with('s') || base.ends_with('u') || base.ends_with('i')) {
            return base.to_string();
        }
    }
    word.to_string()
}

/// Jaccard similarity of two stem sets; two empty sets are equal.
#[cfg(test)]
pub(crate) fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    inter as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        for (word, expected) in [
            ("exports", "export"),
            ("export", "export"),
            ("delivered", "deliver"),
            ("shipping", "shipp"),
            ("shipped", "shipp"),
            ("countries", "country"),
            ("boxes", "box"),
            ("missiles", "missile"),
            ("products", "product"),
            ("glasses", "glass"),
            ("bus", "bus"),
            ("status", "status"),
            ("gas", "gas"),
            ("trade", "trade"),
            ("trades", "trade"),
            ("données", "données"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn similarity() {
        let a = content_stems("exports of dual-use products");
        let b = content_stems("high-priority dual-use exports");
        assert!(jaccard(&a, &b) >= 0.5, "{a:?} {b:?}");
        let c = content_stems("peak monthly dual-use exports");
        let d = content_stems("exports of dual-use products");
        assert!(jaccard(&c, &d) >= 0.5);
        assert!(
            jaccard(
                &content_stems("bilateral trade"),
                &content_stems("growth of Chinese exports")
            ) < 0.5
        );
    }
}
