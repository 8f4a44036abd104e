//! Which text helpers does every stage share? English month and weekday names, words as
//! runs of letters and digits, and whitespace squashed to single spaces: one home for what
//! ingest, nlp, analysis and report each used to spell out. Pure functions of a `&str`, no
//! allocation beyond what they return, no language knowledge beyond the names.

/// English month names, January first, capitalised as dates write them. Compare with
/// `eq_ignore_ascii_case` to match any case.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first, capitalised.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The words of `text` as written: maximal runs of letters and digits (Unicode's
/// alphanumerics), in order; everything else separates them.
pub fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words of `text` ([`word_runs`]), lower-cased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_runs(text).map(str::to_lowercase)
}

/// `text` with every run of whitespace made one space, trimmed.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_spaces() {
        let text = "  Kim's  visit\u{a0}(2024)\n\tto Москва—ÉTÉ ";
        assert_eq!(
            word_runs(text).collect::<Vec<_>>(),
            ["Kim", "s", "visit", "2024", "to", "Москва", "ÉTÉ"]
        );
        assert_eq!(
            words(text).collect::<Vec<_>>(),
            ["kim", "s", "visit", "2024", "to", "москва", "été"]
        );
        assert_eq!(squash(text), "Kim's visit (2024) to Москва—ÉTÉ");
        assert_eq!(squash(" \n\t "), "");
        assert_eq!(word_runs("--").count(), 0);
    }

    #[test]
    fn names_are_in_calendar_order() {
        assert_eq!(MONTH_NAMES[0], "January");
        assert_eq!(MONTH_NAMES[11], "December");
        assert_eq!(WEEKDAY_NAMES[6], "Sunday");
    }
}
