//! Which article sentences can be quoted alone, and which words of them? A quoted sentence
//! must read whole without the sentences around it:
//! - a real sentence: enough words, starts like one, ends like one (a sentence the page cut
//!   off with "..." is not one, nor one whose quotation runs on into the next sentence), not a
//!   shouted heading or two paragraphs run together, and not
//!   longer than [`MAX_QUOTE`] (a long sentence is skipped, never cut: a cut quote hides what
//!   its source went on to say);
//! - no page junk ("(source: go-public-web-...)", share bars, URLs), by the lexicon's list;
//! - no opening connective ("But", "Moreover", "In addition"), which leans on the sentence
//!   before, and no opening pronoun or demonstrative ("It", "They", "These products") that
//!   points back to something it does not name; "This week" is a time, not a pointer, and
//!   passes; a subject pronoun after an opening phrase that names no one ("On October 18 it
//!   said") is caught too;
//! - a dateline ("BRUSSELS - ", "WASHINGTON — ") is left out of the words quoted: the quote
//!   starts after it, still the article's own words.
//!
//! Whether a sentence that is mostly a quotation names its speaker is for the caller, which
//! knows the attributions ([`quoted_share`] says how much of it is quoted).

use sinew_types::Span;

use crate::lexicon::{leading_entry, lexicon};
use crate::text::words;

/// Longest article sentence quoted, in bytes.
pub(crate) const MAX_QUOTE: usize = 360;

/// Fewest words a quoted sentence has.
const MIN_WORDS: usize = 6;

/// Words before a subject pronoun within which an unnamed opening phrase leaves it
/// unresolved ("On October 18 it said").
const OPENING_WORDS: usize = 8;

/// Capitalised words that name no one: a pronoun after them still points back.
const NAMELESS_CAPITALS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The words of `span` fit to quote alone: the sentence without its dateline; `None` when it
/// is unfit (see the module doc).
pub(crate) fn standalone(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let skip = dateline(s);
    let span = Span::new(span.start + skip, span.end);
    let s = &s[skip..];
    if s.len() > MAX_QUOTE || !sentence_shaped(s) || has_junk(s) {
        return None;
    }
    if leans_on_context(s) {
        return None;
    }
    Some(span)
}

/// Bytes of a leading dateline ("BRUSSELS - ", "PYONGYANG/SEOUL — ", "(Reuters) - ") and the
/// spaces after it; 0 when there is none.
fn dateline(s: &str) -> usize {
    for dash in [" - ", " — ", " – ", "— ", " —"] {
        let Some(at) = s.find(dash) else { continue };
        let head = &s[..at];
        if at > 48 || head.split_whitespace().count() > 5 || head.trim().is_empty() {
            continue;
        }
        let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
        let shouted = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
        let wire = head.starts_with('(') && head.ends_with(')');
        if shouted || wire {
            let rest = &s[at + dash.len()..];
            return s.len() - rest.trim_start().len();
        }
    }
    0
}

fn sentence_shaped(s: &str) -> bool {
    let n_words = s.split_whitespace().count();
    if n_words < MIN_WORDS || s.contains("\n\n") || s.contains("\r\n\r\n") {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '“' | '"' | '‘')) {
        return false;
    }
    let end = s.trim_end_matches(['”', '"', '’', '\'', ')', '»']);
    if !end.ends_with(['.', '!', '?']) || end.ends_with("..") {
        return false;
    }
    // a quotation opened and not closed goes on in the next sentence: cut off
    if s.matches('“').count() != s.matches('”').count() || s.matches('"').count() % 2 == 1 {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    lower * 2 > letters
}

/// True when `s` holds page furniture or a scraper's tag.
pub(crate) fn has_junk(s: &str) -> bool {
    let lower = s.to_lowercase();
    lexicon()
        .list("junk")
        .iter()
        .any(|e| lower.contains(&e.join(" ")))
}

/// True when `s` opens with a connective or a pointer back to an earlier sentence.
pub(crate) fn leans_on_context(s: &str) -> bool {
    let lex = lexicon();
    let body = s.trim_start_matches(['“', '"', '‘', '\'', '(']);
    let ws: Vec<String> = words(body).collect();
    if leading_entry(&ws, lex.list("connectives")).is_some() {
        return true;
    }
    if let Some(n) = leading_entry(&ws, lex.list("pronouns")) {
        // "This week", "That year": a time, not a pointer
        let time = ws.get(n).is_some_and(|w| {
            lex.list("time nouns")
                .iter()
                .any(|e| e.len() == 1 && &e[0] == w)
        });
        if !time {
            return true;
        }
    }
    unnamed_opening_pronoun(body)
}

/// A subject pronoun in the first words, with no name or noun phrase before it ("On October
/// 18 it said", "Ten days later they moved").
fn unnamed_opening_pronoun(s: &str) -> bool {
    for (i, raw) in s.split_whitespace().take(OPENING_WORDS).enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if i > 0 && matches!(w, "it" | "they" | "he" | "she") {
            return true;
        }
        // a determiner opens a noun phrase that may be the subject ("the ministry said it")
        let named = i > 0
            && (w.chars().next().is_some_and(char::is_uppercase)
                && !NAMELESS_CAPITALS.contains(&w.to_lowercase().as_str())
                || matches!(w, "the" | "a" | "an"));
        // a name, or a clause that has its own subject, ends the opening
        if named || raw.ends_with(',') && i > 0 {
            return false;
        }
    }
    false
}

/// The share of `s`'s characters inside quotation marks (curly or straight double).
pub(crate) fn quoted_share(s: &str) -> f64 {
    let total = s.chars().count().max(1);
    let mut inside = false;
    let mut quoted = 0usize;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if inside => quoted += 1,
            _ => {}
        }
    }
    quoted as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str) -> Option<&str> {
        standalone(s, Span::new(0, s.len())).and_then(|sp| sp.slice(s))
    }

    #[test]
    fn sentences_that_stand_alone() {
        let whole = "The ministry said the convoy crossed the border on Tuesday.";
        assert_eq!(check(whole), Some(whole));
        for leaning in [
            "But the convoy crossed the border on Tuesday, officials said.",
            "Moreover, the convoy crossed the border on Tuesday evening.",
            "In addition, the convoy crossed the border on Tuesday evening.",
            "It explores the dynamics of defence agreements between the three.",
            "They crossed the border on Tuesday with forty trucks.",
            "These products are essential for the army's weapons production.",
            "On October 18 it said the convoy had crossed the border.",
            "“However, the convoy crossed the border on Tuesday,” he said.",
            "“The convoy crossed the border on Tuesday, and more will follow.",
            "The two leaders met at the border on Tuesday for talks.",
        ] {
            assert_eq!(check(leaning), None, "{leaning}");
        }
        let time = "This week the convoy crossed the border with forty trucks.";
        assert_eq!(check(time), Some(time));
        let named = "On Tuesday the ministry said it had counted forty trucks.";
        assert_eq!(check(named), Some(named));
    }

    #[test]
    fn cut_offs_junk_and_datelines() {
        for bad in [
            "The convoy crossed the border according to the ...",
            "The convoy crossed the border according to the…",
            "The convoy crossed the border (source: go-public-web-kor-1-0-0).",
            "Read more about the convoy that crossed the border on Tuesday.",
            "the convoy crossed the border on Tuesday, officials said.",
        ] {
            assert_eq!(check(bad), None, "{bad}");
        }
        let long = format!(
            "The convoy crossed {}the border.",
            "the long road and ".repeat(30)
        );
        assert_eq!(check(&long), None, "too long to quote whole");
        assert_eq!(
            check("BRUSSELS - The European Union adopted its new package on Friday."),
            Some("The European Union adopted its new package on Friday.")
        );
        assert_eq!(
            check("PYONGYANG/SEOUL — Two leaders signed a pact in the capital today."),
            Some("Two leaders signed a pact in the capital today.")
        );
        let dash = "Officials in the capital - and abroad - watched the convoy cross.";
        assert_eq!(check(dash), Some(dash));
    }

    #[test]
    fn quoted_shares() {
        assert!(quoted_share("“We will win this war,” the minister said.") > 0.4);
        assert!(quoted_share("He called it a “breakthrough” in relations with them.") < 0.4);
    }
}
