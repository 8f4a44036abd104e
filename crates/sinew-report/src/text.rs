//! Small text helpers: words, whitespace, spans trimmed to their words, near-duplicate keys.

use std::collections::BTreeSet;

use sinew_types::Span;

/// Lower-cased alphanumeric words, and whitespace squashed: shared with the other stages.
pub(crate) use sinew_types::text::{squash, words};

/// `span` shrunk to exclude leading and trailing whitespace; `None` when it is out of range,
/// off char boundaries, or blank.
pub(crate) fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + trimmed.len()))
}

/// The longest prefix of `s` of at most `max` bytes that ends at a word boundary, without
/// trailing punctuation or spaces; `None` when no word fits.
pub(crate) fn cut_at_word(s: &str, max: usize) -> Option<&str> {
    if s.len() <= max {
        return Some(s);
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = &s[..end];
    // end inside a word: back up to the space before it
    let next_is_word = s[end..].chars().next().is_some_and(char::is_alphanumeric);
    let head = if next_is_word {
        head.rfind(char::is_whitespace).map_or("", |i| &head[..i])
    } else {
        head
    };
    let head = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '“' | '"')
    });
    (!head.is_empty()).then_some(head)
}

/// Crude stems of the content words, for spotting near-identical sentences.
pub(crate) fn signature(text: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "by", "with", "as", "at",
        "is", "are", "was", "were", "has", "have", "had", "that", "this", "it", "its", "s",
    ];
    words(text)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 4 && w.ends_with('s') {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect()
}

/// True when two signatures share most of their words.
pub(crate) fn near_duplicate(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let inter = a.intersection(b).count();
    let smaller = a.len().min(b.len());
    // one sentence nearly contained in the other, or both nearly the same
    inter as f64 >= 0.8 * smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_spans() {
        let text = "  Hello world.\n";
        assert_eq!(
            trim_span(text, Span::new(0, text.len())),
            Some(Span::new(2, 14))
        );
        assert_eq!(trim_span(text, Span::new(0, 2)), None);
        assert_eq!(trim_span(text, Span::new(0, 99)), None);
        let curly = "“Quoted”";
        assert_eq!(trim_span(curly, Span::new(1, 3)), None, "off char boundary");
    }

    #[test]
    fn cuts_at_words() {
        for (s, max, expected) in [
            ("one two three", 20, Some("one two three")),
            ("one two three", 9, Some("one two")),
            ("one two three", 7, Some("one two")),
            ("one two, three", 8, Some("one two")),
            ("éééé ééé", 3, None),
            ("éé ééé", 5, Some("éé")),
            ("", 5, Some("")),
        ] {
            assert_eq!(cut_at_word(s, max), expected, "{s:?} {max}");
        }
    }

    #[test]
    fn near_duplicates() {
        let a = signature("North Korea has shipped 6,700 containers to Russia.");
        let b = signature("North Korea shipped 6,700 containers to Russia, officials said.");
        let c = signature("China exports dual-use goods to Russia every month.");
        assert!(near_duplicate(&a, &b));
        assert!(!near_duplicate(&a, &c));
    }
}
