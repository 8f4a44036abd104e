//! Sentence splitting for news prose.
//!
//! Rule-based and linear: a line break always ends a sentence (scraped articles put headings,
//! bullets and paragraphs on lines of their own); inside a line, `.`, `!` or `?` (with any
//! closing quotes or brackets) followed by white space and a capital, digit or opening quote
//! ends one, unless the period belongs to a known abbreviation or an initial.

use sinew_types::{Sentence, Span};

/// Abbreviations after which a period does not end a sentence (compared without the period,
/// case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "No", "Nos", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Inc", "Ltd",
    "Co", "Corp", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m", "Fig", "Vol", "ed",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Splits `text` into sentences. Spans exclude surrounding white space; empty lines give none.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence {
            span: Span::new(start + lead, end - trail),
        });
    }
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut sent_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow runs of terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1))
            {
                j += 1;
            }
            // Need white space next, then a sentence opener.
            if j < chars.len() && chars[j].1.is_whitespace() {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                let next = chars.get(k).map(|&(_, ch)| ch);
                let opens = next
                    .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_opener(ch));
                if opens && (c != '.' || !is_abbreviation(line, pos)) {
                    let cut = chars[j].0;
                    push_trimmed(text, start + sent_start, start + cut, out);
                    sent_start = chars[k].0;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        let _ = pos;
        i += 1;
    }
    push_trimmed(text, start + sent_start, end, out);
}

/// Is the period at byte `dot` (inside `line`) part of an abbreviation or an initial?
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let before = &line[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter ("J. Smith") or dotted initials ("U.S").
    let mut cs = word.chars();
    if let (Some(first), None) = (cs.next(), cs.next()) {
        return first.is_uppercase();
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t)
            .iter()
            .map(|s| &t[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn splits_prose_and_keeps_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two!  Three?", &["One.", "Two!", "Three?"]),
            (
                "Mr. Smith met Dr. Jones. Then left.",
                &["Mr. Smith met Dr. Jones.", "Then left."],
            ),
            (
                "The U.S. Treasury acted. It was 4.8 million.",
                &["The U.S. Treasury acted.", "It was 4.8 million."],
            ),
            (
                "“It is global,” he said. “We agree.” Next",
                &["“It is global,” he said.", "“We agree.”", "Next"],
            ),
            (
                "Heading\n\nBody text here. More",
                &["Heading", "Body text here.", "More"],
            ),
            (
                "last year: it reached a maximum",
                &["last year: it reached a maximum"],
            ),
            ("", &[]),
            ("   \n  ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(texts(input), *want, "input {input:?}");
        }
    }
}
