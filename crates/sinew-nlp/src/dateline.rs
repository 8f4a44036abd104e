//! Datelines: "MOSCOW - Indian Prime Minister ...", "BRUSSELS (Reuters) -", "MOSCOW, March 3
//! -". The place a wire story was filed from, its date and its agency open its first sentence
//! and are no party to anything in it: neither the actor of a claim or an event, nor the
//! source of an attribution. Read by the claims' roles, the events' actors and attribution.
//!
//! A dateline is a few words, each capitalised or a number, the first in capitals or followed
//! by a comma or a bracket, before a spaced dash ("Brazil-Argentina trade" is a pair, "Trade
//! rose 5% - ..." has lower-case words, and "China - the largest buyer - took ..." is an
//! aside).

use sinew_types::Span;

/// Where a sentence's dateline ends (the dash), if it opens with one.
pub(crate) fn dateline_end(text: &str, sentence: Span) -> Option<usize> {
    const MAX_BYTES: usize = 80;
    const MAX_WORDS: usize = 8;
    let s = &text[sentence.start..sentence.end];
    let mut head = s.len().min(MAX_BYTES);
    while !s.is_char_boundary(head) {
        head -= 1;
    }
    // The first dash between spaces: every form starts with a space, so one pass over the
    // spaces finds the earliest (three substring searches per sentence cost more).
    let hay = &s.as_bytes()[..head];
    let dash = (0..hay.len()).find(|&p| {
        hay[p] == b' '
            && [" - ", " – ", " — "]
                .iter()
                .any(|d| hay[p..].starts_with(d.as_bytes()))
    })?;
    let lead = crate::words::words(text, sentence.start, sentence.start + dash);
    if lead.is_empty() {
        return None;
    }
    // "China - the largest buyer - took ..." is an aside: a dateline's place is in capitals
    // or followed by its date or agency.
    let marked = lead[0].text.len() >= 2 && !lead[0].text.chars().any(char::is_lowercase)
        || s[..dash].contains([',', '(']);
    let shaped = lead.len() <= MAX_WORDS
        && marked
        && lead.iter().all(|w| {
            w.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
    shaped.then_some(sentence.start + dash)
}

/// Is the span `m` inside the dateline of `sentence`?
pub(crate) fn in_dateline(text: &str, sentence: Span, m: Span) -> bool {
    dateline_end(text, sentence).is_some_and(|end| m.end <= end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(s: &str) -> Option<&str> {
        dateline_end(s, Span::new(0, s.len())).map(|e| &s[..e])
    }

    #[test]
    fn finds_wire_datelines_and_leaves_asides_alone() {
        assert_eq!(end("SEOUL - North Korea fired a missile."), Some("SEOUL"));
        assert_eq!(
            end("Geneva, May 4 (AFP) - Talks resumed."),
            Some("Geneva, May 4 (AFP)")
        );
        assert_eq!(end("Chile - the largest producer - cut output."), None);
        assert_eq!(end("Exports rose 5% - a record."), None);
        assert!(in_dateline(
            "KYIV - Ukraine said.",
            Span::new(0, 20),
            Span::new(0, 4)
        ));
    }
}
