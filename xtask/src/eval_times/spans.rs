//! How Sinew's TIMEX3 spans are read against the DateTimeModel spec's spans, which follow
//! another convention: Recognizers keeps a signal word inside the expression ("since August
//! 2023", "by 2023", "between 2021 and 2023", "2018 or later") and leaves "the" out before a
//! relative word ("previous year"), where TIMEX3 (and Sinew) keeps signals outside and
//! determiners inside. So that the dev figure measures reading and not the convention, and
//! only for this comparison:
//! - Sinew's span is widened over an adjacent signal word when its kind says the signal was
//!   read (`since`, `until`, `range`): "since"/"after"/"by"/"until"/"from"/"within"/...
//!   before it,
//!   "or later"/"and before" after it;
//! - two dates Sinew writes for "between X and Y" or "from X to Y" are joined back into one
//!   range (with its signal, as `widen` puts it back), from the
//!   first's start to the second's end, as Recognizers writes it;
//! - a leading "the" is ignored on either side when the span texts are compared.

use super::Got;

/// Signals before a date, longest first, as lower-case words.
const LEAD: &[&[&str]] = &[
    &["no", "later", "than"],
    &["not", "later", "than"],
    &["as", "early", "as"],
    &["as", "late", "as"],
    &["year", "later", "than"],
    &["year", "greater", "than"],
    &["later", "than"],
    &["earlier", "than"],
    &["greater", "than"],
    &["starting", "on"],
    &["starting", "from"],
    &["beginning", "on"],
    &["beginning", "from"],
    &["since"],
    &["after"],
    &["before"],
    &["by"],
    &["until"],
    &["till"],
    &["til"],
    &["through"],
    &["thru"],
    &["starting"],
    &["commencing"],
    &["beginning"],
    &["from"],
    &["between"],
    &["within"],
];

/// Signals after a date.
const TRAIL: &[&[&str]] = &[
    &["or", "later"],
    &["or", "after"],
    &["and", "after"],
    &["and", "later"],
    &["or", "greater"],
    &["and", "greater"],
    &["or", "earlier"],
    &["or", "before"],
    &["and", "before"],
    &["and", "earlier"],
];

/// Sinew's expressions of one input, rewritten to the spec's span convention.
pub(super) fn as_recognizers(input: &str, got: Vec<Got>) -> Vec<Got> {
    let mut out: Vec<Got> = Vec::with_capacity(got.len());
    let mut it = got.into_iter().peekable();
    while let Some(g) = it.next() {
        let paired = it.peek().is_some_and(|n| between_pair(input, &g, n));
        let g = match (paired, it.peek()) {
            (true, Some(_)) => {
                let n = it.next().expect("peeked");
                join(input, g, n)
            }
            _ => g,
        };
        out.push(widen(input, g));
    }
    out
}

/// `a` follows "between" and `b` follows `a` and "and", or `a` follows "from" and `b`
/// follows `a` and "to", "through", "until", "till" or a dash.
fn between_pair(input: &str, a: &Got, b: &Got) -> bool {
    let before = words_before(input, a.start, 1);
    let gap = input.get(a.end..b.start).unwrap_or("").trim();
    match before.first().map(String::as_str) {
        Some("between") => gap.eq_ignore_ascii_case("and"),
        Some("from") => ["to", "through", "until", "till", "-", "\u{2013}"]
            .iter()
            .any(|w| gap.eq_ignore_ascii_case(w)),
        _ => false,
    }
}

fn join(input: &str, a: Got, b: Got) -> Got {
    let timex = match (&a.timex, &b.timex) {
        (Some(x), Some(y)) => Some(format!("{x}/{y}")),
        _ => None,
    };
    Got {
        text: input[a.start..b.end].to_string(),
        start: a.start,
        end: b.end,
        start_date: a.start_date,
        end_date: b.end_date,
        grain: a.grain,
        kind: "range".into(),
        timex,
        duration: None,
    }
}

/// `g` widened over the signal words next to it.
fn widen(input: &str, mut g: Got) -> Got {
    if !matches!(g.kind.as_str(), "since" | "until" | "range") {
        return g;
    }
    let before = words_before(input, g.start, 3);
    let ends_with = |sig: &[&str]| {
        before.len() >= sig.len()
            && before[before.len() - sig.len()..]
                .iter()
                .zip(sig)
                .all(|(a, b)| a == b)
    };
    let lead = LEAD.iter().find(|s| ends_with(s));
    if let Some(sig) = lead {
        g.start = start_of_words(input, g.start, sig.len());
    }
    // a trailing signal ends its clause ("2018 or later."); "after 2016 and before 2018" is
    // two intervals
    if lead.is_none() && g.kind != "range" {
        let after = words_after(input, g.end, 2);
        if TRAIL.iter().any(|s| after.iter().eq(s.iter())) {
            let end = end_of_words(input, g.end, 2);
            let rest = input[end..].trim_start();
            if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_punctuation()) {
                g.end = end;
            }
        }
    }
    // "post-1945": the prefix glued by a hyphen
    if input[..g.start].to_ascii_lowercase().ends_with("post-") {
        g.start -= "post-".len();
    }
    g.text = input[g.start..g.end].to_string();
    g
}

/// The spans' texts are the same, case and a leading "the" aside.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let l = s.to_lowercase();
        l.strip_prefix("the ").map(str::to_string).unwrap_or(l)
    };
    norm(a) == norm(b)
}

/// Up to `n` lower-case words right before byte `at`, in order.
fn words_before(input: &str, at: usize, n: usize) -> Vec<String> {
    let head = input.get(..at).unwrap_or("");
    let mut w: Vec<String> = head
        .split_whitespace()
        .rev()
        .take(n)
        .map(|s| s.to_lowercase())
        .collect();
    // a word glued to the date ("(since") or ended by punctuation does not lead into it
    if !head.ends_with(char::is_whitespace) {
        w.clear();
    }
    if let Some(k) = w.iter().position(|s| !s.chars().all(char::is_alphabetic)) {
        w.truncate(k);
    }
    w.reverse();
    w
}

fn words_after(input: &str, at: usize, n: usize) -> Vec<String> {
    input
        .get(at..)
        .unwrap_or("")
        .split_whitespace()
        .take(n)
        .map(|s| {
            s.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// The byte where the `n` words before `at` begin.
fn start_of_words(input: &str, at: usize, n: usize) -> usize {
    let mut pos = at;
    for _ in 0..n {
        let head = input[..pos].trim_end();
        pos = head.rfind(char::is_whitespace).map_or(0, |k| k + 1);
    }
    pos
}

/// The byte where the `n` words after `at` end (trailing punctuation left out).
fn end_of_words(input: &str, at: usize, n: usize) -> usize {
    let mut pos = at;
    for _ in 0..n {
        let rest = &input[pos..];
        let skip = rest.len() - rest.trim_start().len();
        let word = rest.trim_start();
        let len = word.find(char::is_whitespace).unwrap_or(word.len());
        let core = word[..len].trim_end_matches(|c: char| !c.is_alphanumeric());
        pos += skip + core.len();
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(input: &str, text: &str, kind: &str) -> Got {
        let start = input.find(text).expect("text in input");
        Got {
            text: text.into(),
            start,
            end: start + text.len(),
            kind: kind.into(),
            ..Got::default()
        }
    }

    #[test]
    fn signals_are_put_back_only_where_the_kind_read_them() {
        let s = "Exports have doubled since August 2023.";
        let g = as_recognizers(s, vec![got(s, "August 2023", "since")]);
        assert_eq!(g[0].text, "since August 2023");
        let s = "Models built in 2018 or later.";
        let g = as_recognizers(s, vec![got(s, "2018", "since")]);
        assert_eq!(g[0].text, "2018 or later");
        let s = "Sales after 2016 and before 2018 rose.";
        let g = as_recognizers(s, vec![got(s, "2016", "since"), got(s, "2018", "until")]);
        assert_eq!(g[0].text, "after 2016");
        assert_eq!(g[1].text, "before 2018");
        let s = "We met by the river in 2020.";
        let g = as_recognizers(s, vec![got(s, "2020", "point")]);
        assert_eq!(g[0].text, "2020");
        let s = "the post-1945 order";
        let g = as_recognizers(s, vec![got(s, "1945", "since")]);
        assert_eq!(g[0].text, "post-1945");
    }

    #[test]
    fn between_pairs_become_one_range() {
        let s = "Exports grew between 2021 and 2023, and in 2024.";
        let mut a = got(s, "2021", "point");
        a.start_date = chrono::NaiveDate::from_ymd_opt(2021, 1, 1);
        let mut b = got(s, "2023", "point");
        b.end_date = chrono::NaiveDate::from_ymd_opt(2023, 12, 31);
        let c = got(s, "2024", "point");
        let g = as_recognizers(s, vec![a, b, c]);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].text, "between 2021 and 2023");
        assert_eq!(g[0].kind, "range");
        assert_eq!(g[0].start_date, chrono::NaiveDate::from_ymd_opt(2021, 1, 1));
        assert_eq!(g[0].end_date, chrono::NaiveDate::from_ymd_opt(2023, 12, 31));
        assert_eq!(g[1].text, "2024");
    }

    #[test]
    fn a_leading_the_is_ignored() {
        assert!(same_text("the previous year", "Previous year"));
        assert!(same_text("previous year", "the previous year"));
        assert!(!same_text("the previous year", "previous years"));
    }
}
