//! Which words of a hit to mark, and which passage of a document to show around them.
//!
//! Marks come from running the index's own analyser over the stored text and keeping the
//! tokens whose indexed form is one of the query's terms: every token carries the byte offsets
//! of its words in the text it was cut from, so a mark is an exact span of the document's
//! text whatever the script, accents or case ("Zürich" typed as "zurich" marks "Zürich"), and
//! a stemmed query marks each inflection it matched ("containers" marks "container").
//!
//! A document's passage is the window of about [`crate::TantivyConfig::snippet_bytes`] bytes
//! that holds the most distinct query terms (then the most marks, then the earliest): an
//! analyst scanning hits wants to see the words together, not the first stray occurrence. It
//! starts a little before its first mark, so the hit is read in context, and both ends are
//! moved to a space (never inside a word, never inside a character).

use std::collections::{BTreeSet, HashSet};

use sinew_types::Span;
use tantivy::tokenizer::TextAnalyzer;

use crate::Snippet;

/// One matched token: where it is and its indexed form (to count distinct terms).
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub(crate) span: Span,
    pub(crate) term: String,
}

/// The tokens of `text[within]` whose indexed form is in `terms`, as spans of `text`.
///
/// The text is cut into words as the analyser's tokenizer cuts it (runs of letters and
/// digits), and a word is analysed (lower-cased, folded, stemmed) only when it could be a
/// term: stemming rewrites only a word's ending, and lower-casing and folding leave an ASCII
/// letter what it is but for case, so a word beginning with an ASCII character is analysed
/// only when some term begins with that character in lower case. Analysing every word of
/// every hit's document was about half the CPU of a search (stemming most of it).
pub(crate) fn marks(
    analyzer: &TextAnalyzer,
    text: &str,
    within: Span,
    terms: &HashSet<String>,
) -> Vec<Mark> {
    let Some(part) = within.slice(text) else {
        return Vec::new();
    };
    if terms.is_empty() {
        return Vec::new();
    }
    let mut firsts = [false; 128];
    for t in terms {
        if let Some(&b) = t.as_bytes().first().filter(|b| b.is_ascii()) {
            firsts[usize::from(b)] = true;
        }
    }
    let mut analyzer = analyzer.clone();
    let mut out = Vec::new();
    for (at, word) in words(part) {
        let first = word.as_bytes()[0];
        if first.is_ascii() && !firsts[usize::from(first.to_ascii_lowercase())] {
            continue;
        }
        let mut stream = analyzer.token_stream(word);
        while stream.advance() {
            let token = stream.token();
            if terms.contains(&token.text) {
                let start = within.start + at;
                out.push(Mark {
                    span: Span::new(start + token.offset_from, start + token.offset_to),
                    term: token.text.clone(),
                });
            }
        }
    }
    out
}

/// The words of `text` as the analyser's tokenizer cuts them (maximal runs of alphanumeric
/// characters), each with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = rest.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// The snippet of a sentence hit: the whole sentence, with its marks.
pub(crate) fn sentence(text: &str, span: Span, marks: Vec<Mark>) -> Snippet {
    Snippet {
        span,
        text: span.slice(text).unwrap_or_default().to_string(),
        marks: marks.into_iter().map(|m| m.span).collect(),
    }
}

/// The snippet of a document hit: the best window of about `width` bytes, with the marks
/// inside it.
pub(crate) fn document(text: &str, marks: &[Mark], width: usize) -> Snippet {
    let width = width.max(16);
    let span = match best_run(marks, width) {
        None => Span::new(0, word_end(text, width.min(text.len()))),
        Some((first, last)) => {
            let hit = Span::new(marks[first].span.start, marks[last].span.end);
            // Lead in by up to a quarter of the window, then fill the rest after the hit.
            let lead = (width.saturating_sub(hit.len()) / 4).min(hit.start);
            let start = word_start(text, hit.start - lead);
            let end = word_end(text, (start + width).max(hit.end).min(text.len()));
            Span::new(start, end.max(hit.end))
        }
    };
    Snippet {
        span,
        text: span.slice(text).unwrap_or_default().to_string(),
        marks: marks
            .iter()
            .map(|m| m.span)
            .filter(|m| span.contains(*m))
            .collect(),
    }
}

/// The run of marks (first and last index) that fits in `width` bytes with the most distinct
/// terms, then the most marks, then the earliest.
fn best_run(marks: &[Mark], width: usize) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for i in 0..marks.len() {
        let mut last = i;
        let mut terms = BTreeSet::new();
        for (j, m) in marks.iter().enumerate().skip(i) {
            if m.span.end.saturating_sub(marks[i].span.start) > width {
                break;
            }
            last = j;
            terms.insert(m.term.as_str());
        }
        let rank = (terms.len(), last - i + 1);
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, (i, last)));
        }
    }
    best.map(|(_, run)| run)
}

/// The start of the word at or after byte `at`: `at` itself when it starts a word, else the
/// byte after the next whitespace (or `at` when there is none near).
fn word_start(text: &str, at: usize) -> usize {
    let at = floor_char(text, at);
    if at == 0 || text[..at].ends_with(char::is_whitespace) {
        return at;
    }
    match text[at..].find(char::is_whitespace) {
        Some(k) => {
            let ws = at + k;
            let c = text[ws..].chars().next().map_or(1, char::len_utf8);
            ws + c
        }
        None => at,
    }
}

/// The end of the word at or before byte `at`: `at` itself when it ends a word or the text,
/// else the last whitespace before it (or `at` rounded down to a character when the whole
/// stretch is one word).
fn word_end(text: &str, at: usize) -> usize {
    let at = floor_char(text, at.min(text.len()));
    if at == text.len() || text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(ws) if ws > 0 => ws,
        _ => at,
    }
}

/// `at` moved back to the nearest character boundary.
fn floor_char(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str, word: &str, term: &str) -> Mark {
        let start = text.find(word).unwrap();
        Mark {
            span: Span::new(start, start + word.len()),
            term: term.to_string(),
        }
    }

    #[test]
    fn the_window_with_most_distinct_terms_wins() {
        let text = format!(
            "alpha starts here. {} beta and alpha meet here.",
            "filler words ".repeat(20)
        );
        let a1 = mark(&text, "alpha", "alpha");
        let b = mark(&text, "beta", "beta");
        let a2_start = text.rfind("alpha").unwrap();
        let a2 = Mark {
            span: Span::new(a2_start, a2_start + 5),
            term: "alpha".into(),
        };
        let s = document(&text, &[a1, b.clone(), a2.clone()], 60);
        assert_eq!(s.marks, vec![b.span, a2.span]);
        assert_eq!(s.text, &text[s.span.start..s.span.end]);
        assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
    }

    /// Every token of `text` analysed, as the marks were found before words were filtered
    /// by their first letter.
    fn every_token(analyzer: &TextAnalyzer, text: &str, terms: &HashSet<String>) -> Vec<Span> {
        let mut analyzer = analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            if terms.contains(&t.text) {
                out.push(Span::new(t.offset_from, t.offset_to));
            }
        }
        out
    }

    #[test]
    fn marks_are_every_token_whose_analysed_form_is_a_term() {
        let analyzer = crate::tantivy_index::analyzer();
        let text = "Dying, lying and tying: the skies over Zürich, ÉTATS-UNIS and \
                    Österreich; containers containerised, CONTAINING it; news of the \
                    inning innings; 1990s exports exported exporting; Yelling yellow \
                    yields, a ÿ-word, über-fast Über; ﬁnance (a ligature) and ｆｕｌｌ width; \
                    généreusement generously; flying flies fly; agreed agreeing; \
                    skis ski sky; idly gently ugly early only singly; herrings earring; \
                    proceed exceeding succeeded; 北京 and Москва said; ß-Straße; \
                    a-very-long-word-abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
        let mut all = HashSet::new();
        let mut analyzed = analyzer.clone();
        let mut stream = analyzed.token_stream(text);
        while stream.advance() {
            all.insert(stream.token().text.clone());
        }
        assert!(all.len() > 50, "{all:?}");
        // Each term alone, and all of them at once.
        let mut sets: Vec<HashSet<String>> =
            all.iter().map(|t| HashSet::from([t.clone()])).collect();
        sets.push(all.clone());
        for terms in &sets {
            let want = every_token(&analyzer, text, terms);
            let got: Vec<Span> = marks(&analyzer, text, Span::new(0, text.len()), terms)
                .into_iter()
                .map(|m| m.span)
                .collect();
            assert_eq!(got, want, "{terms:?}");
            assert!(!want.is_empty(), "{terms:?}");
        }
        // Within a part of the text, spans are still the text's.
        let part = Span::new(text.find("containers").unwrap(), text.find("news").unwrap());
        let terms = HashSet::from(["contain".to_string()]);
        let got: Vec<Span> = marks(&analyzer, text, part, &terms)
            .iter()
            .map(|m| m.span)
            .collect();
        let want: Vec<Span> = every_token(&analyzer, &text[part.start..part.end], &terms)
            .into_iter()
            .map(|s| Span::new(s.start + part.start, s.end + part.start))
            .collect();
        assert_eq!(got, want);
        assert!(got.iter().any(|s| &text[s.start..s.end] == "CONTAINING"));
    }

    #[test]
    fn windows_end_on_character_and_word_boundaries() {
        let text = "Ünïcödé wörds ".repeat(30);
        let m = mark(&text, "wörds", "word");
        let s = document(&text, &[m], 50);
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(s.text.contains("wörds"));
        let none = document(&text, &[], 50);
        assert_eq!(none.span.start, 0);
        assert!(none.marks.is_empty());
    }
}
