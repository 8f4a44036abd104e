//! Sentence splitting for news prose.
//!
//! Rule-based and linear: a line break always ends a sentence (scraped articles put headings,
//! bullets and paragraphs on lines of their own); inside a line, `.`, `!` or `?` (with any
//! closing quotes or brackets) followed by white space and a capital, digit or opening quote
//! ends one, unless the period belongs to a known abbreviation or an initial. A list bullet
//! ("• ", "▪ ") before a line's words is layout and is left out of the sentence's span.

use sinew_types::{Sentence, Span};

/// Abbreviations after which a period does not end a sentence (compared without the period,
/// case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "No", "Nos", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Inc", "Ltd",
    "Co", "Corp", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m", "Fig", "Vol", "ed",
];

/// List bullets a scraped page leaves at the start of a line.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦' | '▪' | '▫' | '‣' | '●' | '○' | '■' | '□' | '➢' | '►' | '·'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// The longest sentence, in bytes. A longer run without a sentence end (a table flattened
/// into one line, a scrape that lost its full stops) is cut into pieces of at most this size,
/// so that the stages that look around a figure inside its sentence (claims, attribution)
/// do bounded work per figure and the whole pass stays linear in the text. Prose never comes
/// near it: over the WCXB dev articles, the seeds and the sample corpus (156k sentences) the
/// longest sentence is 1,840 bytes and 99.9% are under 400.
pub(crate) const MAX_SENTENCE_BYTES: usize = 2048;

/// The items (sorted by start) that start inside `span`, found by binary search so that a
/// long document costs no more per figure than a short one.
pub(crate) fn starting_within<T>(items: &[T], span: Span, key: impl Fn(&T) -> Span) -> &[T] {
    let lo = items.partition_point(|i| key(i).start < span.start);
    let hi = items.partition_point(|i| key(i).start < span.end.max(span.start + 1));
    &items[lo..hi.max(lo)]
}

/// Splits `text` into sentences. Spans exclude surrounding white space; empty lines give none;
/// no sentence is longer than [`MAX_SENTENCE_BYTES`].
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// Pushes `text[start..end]` without its surrounding white space, in pieces of at most
/// [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let mut lead = piece.len() - piece.trim_start().len();
    // A list bullet before the words ("• Russia's trade ...") is layout, not part of the
    // sentence: a quote of it starts at its first word.
    let rest = &piece[lead..];
    if let Some(b) = rest.chars().next().filter(|&c| is_bullet(c)) {
        let after = &rest[b.len_utf8()..];
        if after.starts_with(char::is_whitespace) {
            lead += b.len_utf8() + after.len() - after.trim_start().len();
        }
    }
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let (mut start, end) = (start + lead, end - trail);
    while end - start > MAX_SENTENCE_BYTES {
        let cut = forced_cut(text, start);
        push_trimmed(text, start, cut, out);
        start = cut;
        // The next piece starts at its first non-space character.
        start += text[start..end].len() - text[start..end].trim_start().len();
    }
    out.push(Sentence {
        span: Span::new(start, end),
    });
}

/// Where to cut an over-long sentence starting at `start`: after the last clause mark
/// (`,;:` or a dash) followed by a space in the second half of the window, else at the last
/// space there, else at the last character boundary in the window. Searching only the second
/// half keeps each cut's cost within the piece it cuts off, and a clause mark rarely falls
/// inside a figure ("1,000" has no space after its comma), so figures mostly stay whole.
fn forced_cut(text: &str, start: usize) -> usize {
    let mut end = start + MAX_SENTENCE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut half = start + MAX_SENTENCE_BYTES / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let window = &text[half..end];
    let mut space = None;
    let mut prev: Option<char> = None;
    for (i, c) in window.char_indices().rev() {
        // Walking backwards: `prev` is the character after `c`.
        if matches!(c, ',' | ';' | ':' | '—' | '–') && prev.is_some_and(char::is_whitespace) {
            return half + i + c.len_utf8();
        }
        if space.is_none() && c.is_whitespace() {
            space = Some(half + i);
        }
        prev = Some(c);
    }
    space.unwrap_or(end)
}

/// The character at byte `at` of `line`, if any.
fn char_at(line: &str, at: usize) -> Option<char> {
    line.get(at..).and_then(|rest| rest.chars().next())
}

/// Splits one line (`text[start..end]`) at its sentence ends. Walks the line by byte offset
/// without collecting its characters, so a line of many megabytes costs no extra memory.
fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let mut sent_start = 0;
    let mut i = 0;
    while let Some(c) = char_at(line, i) {
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        // Swallow runs of terminators and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) =
            char_at(line, j).filter(|&d| matches!(d, '.' | '!' | '?') || is_closer(d))
        {
            j += d.len_utf8();
        }
        // Need white space next, then a sentence opener.
        if char_at(line, j).is_some_and(char::is_whitespace) {
            let mut k = j;
            while let Some(w) = char_at(line, k).filter(|w| w.is_whitespace()) {
                k += w.len_utf8();
            }
            let opens = char_at(line, k)
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_opener(ch));
            if opens && (c != '.' || !is_abbreviation(line, i)) {
                push_trimmed(text, start + sent_start, start + j, out);
                sent_start = k;
                i = k;
                continue;
            }
        }
        i = j;
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
    fn a_list_bullet_is_left_out_of_its_sentence() {
        let t =
            "Key points:\n• Grain exports rose in May. Oil fell.\n  ▪ Ports reopened.\n•\n•Nothing";
        assert_eq!(
            texts(t),
            [
                "Key points:",
                "Grain exports rose in May.",
                "Oil fell.",
                "Ports reopened.",
                "•Nothing"
            ]
        );
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

    #[test]
    fn over_long_runs_are_cut_at_spaces_or_characters() {
        // Spaces but no clause marks: cut at a space, which neither piece keeps.
        let spaced = "word ".repeat(2000);
        let pieces = texts(&spaced);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES
            && p.starts_with("word")
            && p.ends_with("word")));
        assert_eq!(pieces.join(" "), spaced.trim_end());
        // No spaces at all, in two-byte letters: cut on a character boundary, nothing lost.
        let solid = "é".repeat(5000);
        let pieces = texts(&solid);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(pieces.concat(), solid);
    }
}
