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

/// Signals that may stand before a time span, as lower-case words, longest first.
const TIME_SIGNALS: &[&[&str]] = &[
    &["no", "later", "than"],
    &["not", "later", "than"],
    &["as", "early", "as"],
    &["later", "than"],
    &["earlier", "than"],
    &["since"],
    &["after"],
    &["before"],
    &["by"],
    &["until"],
    &["till"],
    &["through"],
    &["starting"],
    &["from"],
    &["between"],
];

/// A time as the article words it: the span of a time expression, which follows TIMEX3 and
/// leaves a signal word outside ("since August 2023", "by 2023"), widened over that word,
/// which a reader of a figure needs (the kind keeps only part of it: "after" and "since" are
/// both an open interval from a date). Points ("in 2023") are left as they are.
pub(crate) fn time_as_written(text: &str, t: &sinew_types::TimeExpr) -> String {
    use sinew_types::TimeKind;
    let widened = matches!(t.kind, TimeKind::Since | TimeKind::Until | TimeKind::Range)
        .then(|| {
            let head = text.get(..t.span.start)?;
            if !head.ends_with(char::is_whitespace) {
                return None;
            }
            let before: Vec<&str> = head.split_whitespace().rev().take(3).collect();
            let sig = TIME_SIGNALS.iter().find(|sig| {
                sig.len() <= before.len()
                    && sig
                        .iter()
                        .rev()
                        .zip(&before)
                        .all(|(w, b)| b.eq_ignore_ascii_case(w))
            })?;
            // the first signal word begins where the last of its words before the span does
            let mut start = head.trim_end().len();
            for _ in 0..sig.len() {
                start = text[..start]
                    .trim_end()
                    .rfind(char::is_whitespace)
                    .map_or(0, |k| k + 1);
            }
            text.get(start..t.span.end)
        })
        .flatten();
    squash(widened.unwrap_or(&t.text))
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

/// `singular` or `plural`, the verb form that agrees with `subject`, a speaker as the briefing
/// names it: "port officials in Tunis put", "a research institute in Almaty puts", "Seoul and
/// Washington put", "Interfax puts". The head is the words before the first preposition or
/// comma; it is plural when it joins two names with "and", or when its last word is a
/// lower-case noun ending in a plural "s" (a capitalised last word is a name: "Reuters").
pub(crate) fn agree<'a>(subject: &str, singular: &'a str, plural: &'a str) -> &'a str {
    let cut = [" in ", " of ", " at ", " from ", " for ", " with ", ", "]
        .iter()
        .filter_map(|p| subject.find(p))
        .min()
        .unwrap_or(subject.len());
    let head = subject[..cut].trim();
    let last = head.split_whitespace().last().unwrap_or("");
    let joined = head.split_whitespace().any(|w| w == "and");
    let noun_plural = last.chars().next().is_some_and(char::is_lowercase)
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last.ends_with(e));
    if joined || noun_plural {
        plural
    } else {
        singular
    }
}

/// A named body as it reads in a sentence: "the US State Department", "the United States",
/// "the Kremlin", but "Shin Won-sik", "South Korea's defence ministry", "Statistics Iceland".
/// A name takes "the" when one of its capitalised words names a body or a plural state
/// ([`BODY_WORDS`]) and it has no article or possessive of its own.
pub(crate) fn the_named(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let has_own = ["the", "The", "a", "A", "an", "An"].contains(&first)
        || name.contains("'s")
        || name.contains("’s");
    // "the Moldovan energy ministry": a body named by common words after a capitalised
    // national word
    let common_body = name.split_whitespace().count() > 1
        && first.chars().next().is_some_and(char::is_uppercase)
        && name
            .split_whitespace()
            .last()
            .is_some_and(|w| COMMON_BODY_HEADS.contains(&w));
    let body = common_body
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BODY_WORDS.contains(&w));
    if body && !has_own {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// Capitalised words that make a name read with "the" ("the Defence Ministry", "the United
/// Kingdom", "the Pentagon").
const BODY_WORDS: &[&str] = &[
    "Department",
    "Ministry",
    "Council",
    "Committee",
    "Agency",
    "Office",
    "Institute",
    "Commission",
    "Administration",
    "Directorate",
    "Bureau",
    "Secretariat",
    "Government",
    "Parliament",
    "Union",
    "States",
    "Kingdom",
    "Emirates",
    "Nations",
    "Netherlands",
    "Philippines",
    "Pentagon",
    "Kremlin",
    "White",
];

/// Lower-case heads of a body named by common words ("the Moldovan energy ministry").
const COMMON_BODY_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "office",
    "government",
    "embassy",
    "military",
    "army",
    "navy",
    "service",
    "administration",
    "council",
    "committee",
    "commission",
    "bureau",
    "parliament",
    "cabinet",
    "command",
    "bank",
];

/// "A", "A and B", "A, B and C".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "three accounts", "one report", "12 accounts".
pub(crate) fn count_words(n: usize, noun: &str) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let number = WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string());
    format!("{number} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether `measure` (lower case) names the actor `name` at a word's start, or its demonym
/// ("Russian" names Russia).
pub(crate) fn names_actor(measure: &str, name: &str) -> bool {
    let n = name.to_lowercase();
    let stem: String = n
        .chars()
        .take(n.chars().count().saturating_sub(1).max(4))
        .collect();
    // at a word's start: "machine" does not name China
    let at_word = |needle: &str| {
        measure.match_indices(needle).any(|(i, _)| {
            !measure[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    };
    at_word(&n) || at_word(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_with_the_and_people_without() {
        assert_eq!(
            the_named("Ghana Cocoa Board Office"),
            "the Ghana Cocoa Board Office"
        );
        assert_eq!(
            the_named("United Arab Emirates"),
            "the United Arab Emirates"
        );
        assert_eq!(
            the_named("Peru's Ministry of Energy"),
            "Peru's Ministry of Energy"
        );
        assert_eq!(the_named("The Hague Institute"), "The Hague Institute");
        assert_eq!(the_named("Amara Okonkwo"), "Amara Okonkwo");
        assert_eq!(the_named("Statistics Norway"), "Statistics Norway");
        assert_eq!(
            the_named("port officials in Lagos"),
            "port officials in Lagos"
        );
        // a body in common words after a national word takes "the"; officials do not
        assert_eq!(
            the_named("Moldovan energy ministry"),
            "the Moldovan energy ministry"
        );
        assert_eq!(the_named("Moldovan officials"), "Moldovan officials");
        assert_eq!(the_named("Peru's trade ministry"), "Peru's trade ministry");
    }

    #[test]
    fn lists_read_with_commas_and_a_final_and() {
        let l = |xs: &[&str]| and_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&[]), "");
        assert_eq!(l(&["Chilean officials"]), "Chilean officials");
        assert_eq!(l(&["A", "B"]), "A and B");
        assert_eq!(l(&["A", "B", "C"]), "A, B and C");
    }

    fn time(text: &str, words: &str, kind: sinew_types::TimeKind) -> sinew_types::TimeExpr {
        let start = text.find(words).expect("words in text");
        sinew_types::TimeExpr {
            span: Span::new(start, start + words.len()),
            text: words.into(),
            start_date: None,
            end_date: None,
            grain: sinew_types::Grain::Year,
            kind,
            timex: None,
        }
    }

    #[test]
    fn times_are_shown_with_their_signal() {
        use sinew_types::TimeKind::{Point, Range, Since, Until};
        let text = "It has shipped 6,700 containers since August 2023.";
        let t = time(text, "August 2023", Since);
        assert_eq!(time_as_written(text, &t), "since August 2023");
        let text = "Trade must grow no later than 2030.";
        let t = time(text, "2030", Until);
        assert_eq!(time_as_written(text, &t), "no later than 2030");
        let text = "Exports grew 64.2% between 2021 and 2023.";
        let t = time(text, "2021 and 2023", Range);
        assert_eq!(time_as_written(text, &t), "between 2021 and 2023");
        // a point keeps its words; a span that already holds its signal is left alone
        let text = "It grew by 5% in 2023.";
        let t = time(text, "2023", Point);
        assert_eq!(time_as_written(text, &t), "2023");
        let text = "Since August 2023, it grew.";
        let t = time(text, "Since August 2023", Since);
        assert_eq!(time_as_written(text, &t), "Since August 2023");
    }

    #[test]
    fn verbs_agree_with_their_speaker() {
        let puts = |who: &str| agree(who, "puts", "put");
        assert_eq!(puts("port officials in Tunis"), "put");
        assert_eq!(puts("US officials"), "put");
        assert_eq!(puts("Seoul and Washington"), "put");
        assert_eq!(puts("a research institute in Almaty"), "puts");
        assert_eq!(puts("Interfax"), "puts");
        assert_eq!(puts("the Sudanese army"), "puts");
        assert_eq!(puts("the ministry of ports"), "puts");
        assert_eq!(puts("a report in Example Wire"), "puts");
        assert_eq!(puts("the campus"), "puts");
    }

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
    fn near_duplicates() {
        let a = signature("North Korea has shipped 6,700 containers to Russia.");
        let b = signature("North Korea shipped 6,700 containers to Russia, officials said.");
        let c = signature("China exports dual-use goods to Russia every month.");
        assert!(near_duplicate(&a, &b));
        assert!(!near_duplicate(&a, &c));
    }

    #[test]
    fn counts_in_words_and_capitals() {
        assert_eq!(count_words(3, "account"), "three accounts");
        assert_eq!(count_words(1, "report"), "one report");
        assert_eq!(count_words(14, "account"), "14 accounts");
        assert_eq!(capitalise("three accounts"), "Three accounts");
    }
}
