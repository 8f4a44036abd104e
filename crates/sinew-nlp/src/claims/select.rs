//! Which figures does a sentence state about something, and so become claims?
//!
//! The quantity layer reads every number; a claim is only made for one that counts, pays,
//! measures or shares something. Left out, by word class and position rather than by
//! sentence:
//!
//! - times, durations and ages (the times layer and the `_of_age` units say so; a recurring
//!   time that only ends the figure, "$10.5 trillion annually", is its rate), calibres
//!   used as modifiers ("152 mm shells");
//! - labels and ranks: a number right after a rank word ("top 10", "No. 1", "type 2",
//!   "phase 3") or after a capitalised word inside a sentence that names something ("Fortune
//!   500 companies", "Section 230", "Gemini 3 Flash"; the quantity layer already drops a bare
//!   number there, this drops a counted one too); a number before a singular
//!   noun that names a scheme or a document ("a 529 savings plan": a count above one takes a
//!   plural);
//! - a year read as a count ("2025 tours", "beyond 2016 expenditures"): a four-digit number
//!   between 1900 and 2100, written without a thousands separator, qualifier or unit of
//!   money, that is not a round hundred ("2000 employees" is a count);
//! - "one" standing for "a" ("a cup of tea"), and a count in words after a definite
//!   determiner, which refers to a set already named ("the two leaders", "all five"), or
//!   after "between" or "among", which names the parties of a relation ("a matter between
//!   two sovereign states");
//! - "a few", which the guidelines of the claim gold treat as no figure.
//!
//! Kept: money, percentages and physical measures; counts in digits or words ("seven more
//! analysts", "A dozen researchers", "Forty-five deals"); vague amounts of something counted
//! or paid ("dozens of ballistic missiles", "thousands of dollars"), which stay vague ranges;
//! fractions that are a share of something ("half of the emails", "more than three-quarters",
//! "roughly a quarter of deals"), but not a half or quarter of a period ("the first half of
//! the year"); bare numbers of four digits or more.

use sinew_types::{Quantity, QuantityKind, TimeExpr, TimeKind};

use crate::quantities::count_unit;

/// Words after which a number is a rank or a label, not an amount (lower case).
const RANK_WORDS: &[&str] = &[
    "top", "bottom", "no.", "nos.", "nr.", "#", "rank", "ranked", "ranks", "type", "tier", "level",
    "phase", "stage", "grade", "class", "category", "version", "gen", "model", "series", "section",
    "article", "chapter", "route", "highway", "flight", "room", "gate", "platform", "channel",
    "season", "episode", "volume", "page", "figure", "table",
];

/// Capitalised words inside a sentence that still are no name: a number after them is an
/// amount ("said on Tuesday 500 people had left").
const NOT_NAMES: &[&str] = &[
    "I",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Singular nouns that name a scheme, document or status by number ("a 529 plan", "Form 1040"
/// is caught by the capital rule).
const LABEL_NOUNS: &[&str] = &[
    "plan",
    "account",
    "form",
    "visa",
    "code",
    "status",
    "exemption",
    "filing",
    "licence",
    "license",
    "permit",
    "rating",
    "rule",
    "regulation",
    "provision",
];

/// Words that make a count in words refer back to a set already named.
const DEFINITE: &[&str] = &[
    "the", "these", "those", "its", "their", "our", "his", "her", "my", "your", "both", "all",
    "each", "every", "whose", "which",
];

/// Period nouns: half or a quarter "of the year" is a part of a time, not a share.
const PERIODS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "decade",
    "decades",
    "century",
    "season",
    "quarter",
    "term",
    "session",
    "game",
    "match",
    "time",
    "century's",
    "year's",
    "way",
    "mile",
];

/// Does this quantity state a figure worth a claim?
pub(super) fn states_figure(text: &str, q: &Quantity, times: &[TimeExpr]) -> bool {
    // Times are sorted and do not overlap, so their ends are sorted too.
    // A recurring time that only ends the figure ("$10.5 trillion annually", "$2,250
    // yearly") is its rate, not a date the number is part of.
    let next = times.partition_point(|t| t.span.end <= q.span.start);
    let is_rate = |t: &TimeExpr| t.kind == TimeKind::Set && t.span.start > q.span.start;
    if times
        .get(next)
        .is_some_and(|t| t.span.overlaps(q.span) && !is_rate(t))
    {
        return false;
    }
    let lower = q.text.to_lowercase();
    if lower.starts_with("a few") || lower.starts_with("few ") {
        return false;
    }
    if is_label(text, q) || is_year(q) {
        return false;
    }
    let digits = q.text.bytes().any(|b| b.is_ascii_digit());
    match q.kind {
        QuantityKind::Money | QuantityKind::Percent => true,
        QuantityKind::Measure => {
            let unit = q.unit.as_deref().unwrap_or("");
            // Durations, and ages ("a 34-year-old": `year_of_age`), describe no exchange.
            if matches!(
                unit,
                "year" | "month" | "week" | "day" | "hour" | "minute" | "second"
            ) || unit.ends_with("_of_age")
            {
                return false;
            }
            let next = text[q.span.end..]
                .trim_start_matches([' ', '-'])
                .chars()
                .next();
            let attributive = matches!(unit, "mm" | "cm" | "in" | "inch")
                && next.is_some_and(|c| c.is_lowercase());
            // "a cup of tea", "walked a mile": "a" is no amount.
            let article = !digits && q.value <= 1.0 && q.qualifier.is_none();
            !attributive && !q.vague && !article
        }
        QuantityKind::Count => {
            if q.vague || digits {
                return true;
            }
            // "a cup of tea", "under one roof", "at least one class": one in words is an
            // article or a requirement, not an amount.
            if q.value <= 1.0 {
                return false;
            }
            !after_definite(text, q)
        }
        QuantityKind::Number => !q.vague && digits && q.value >= 1000.0,
        QuantityKind::Fraction => is_share(text, q),
    }
}

/// A unit price or a physical measure describes a thing, not a relation between actors.
pub(super) fn is_attribute(q: &Quantity) -> bool {
    q.kind == QuantityKind::Measure || q.per.as_deref() == Some("unit")
}

/// Plural measures too general to be what a bare number counts.
const GENERAL_MEASURES: &[&str] = &[
    "figures", "numbers", "totals", "amounts", "values", "levels", "rates", "prices", "costs",
    "shares", "others", "ones", "times", "years", "months", "days", "weeks", "hours",
];

/// The claim's figure: the quantity, with the noun its measure names as the unit when the
/// number stands alone ("some 1,500", measure "troops": 1,500 `troop`).
pub(super) fn with_elided_unit(q: &Quantity, measure: &str) -> Quantity {
    let mut out = q.clone();
    let single = !measure.is_empty()
        && measure.bytes().all(|b| b.is_ascii_lowercase())
        && !GENERAL_MEASURES.contains(&measure);
    if q.kind == QuantityKind::Number && q.unit.is_none() && !q.vague && single {
        if let Some(unit) = count_unit(measure) {
            out.unit = Some(unit);
            out.kind = QuantityKind::Count;
        }
    }
    out
}

/// The word just before `pos`, when only spaces separate them.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = &text[..pos];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() && pos > 0 {
        return None;
    }
    let start = trimmed.rfind(|c: char| c.is_whitespace()).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    let w = &trimmed[start..];
    (!w.is_empty()).then_some((start, w))
}

/// Whether a sentence (or a line) starts at `pos`: only opening quotes, brackets or nothing
/// stand between it and the last sentence end.
fn starts_sentence(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '"', '\u{201c}', '\'', '\u{2018}', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '|', ';', '\u{2014}'])
}

/// "top 10 insurers", "Fortune 500 companies", "a 529 savings plan": the number names or
/// ranks something.
fn is_label(text: &str, q: &Quantity) -> bool {
    // A qualifier ("more than 500") or a currency makes an amount whatever comes before.
    let starts_with_number = q.text.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !starts_with_number
        || matches!(
            q.kind,
            QuantityKind::Money | QuantityKind::Percent | QuantityKind::Fraction
        )
    {
        return false;
    }
    if let Some((start, w)) = word_before(text, q.span.start) {
        let lw = w.to_lowercase();
        if RANK_WORDS.contains(&lw.as_str()) {
            return true;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().last().is_some_and(|c| c.is_alphanumeric())
            && !["'s", "\u{2019}s", "s'", "s\u{2019}"]
                .iter()
                .any(|p| w.ends_with(p))
            && !NOT_NAMES.contains(&w);
        if capitalised && !starts_sentence(text, start) {
            return true;
        }
    }
    q.value > 1.0 && names_a_scheme(text, q)
}

/// "529 educational savings plan": a singular scheme noun within three words of the number.
fn names_a_scheme(text: &str, q: &Quantity) -> bool {
    let digits_end = q
        .text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(q.text.len());
    let after = &text[q.span.start + digits_end..];
    after
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !w.is_empty())
        .any(|w| LABEL_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// "2025 tours", "beyond 2016 expenditures": a year, not a count.
fn is_year(q: &Quantity) -> bool {
    let plain = q.text.split_whitespace().next().unwrap_or("");
    matches!(q.kind, QuantityKind::Count | QuantityKind::Number)
        && q.value_max.is_none()
        && plain.len() == 4
        && plain.bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&q.value)
        && q.value % 100.0 != 0.0
}

/// "the two leaders", "all five": a count in words that refers back. "Between two sovereign
/// states", "among three neighbours": one that names the parties of a relation, which is
/// not an amount of them either.
fn after_definite(text: &str, q: &Quantity) -> bool {
    word_before(text, q.span.start).is_some_and(|(_, w)| {
        let w = w.to_lowercase();
        DEFINITE.contains(&w.as_str()) || matches!(w.as_str(), "between" | "among" | "amongst")
    })
}

/// "half of the emails", "more than three-quarters", "about a third": a share. "The first half
/// of 2024", "half an hour" and "in half" are not.
fn is_share(text: &str, q: &Quantity) -> bool {
    // "4 out of 5 members", "one in three adults": the whole is named after it.
    let lower = q.text.to_lowercase();
    if lower.contains(" out of ") || lower.contains(" in ") {
        return true;
    }
    if let Some((_, w)) = word_before(text, q.span.start) {
        let w = w.to_lowercase();
        if matches!(
            w.as_str(),
            "first" | "second" | "third" | "fourth" | "last" | "latter" | "in" | "by"
        ) {
            return false;
        }
    }
    let rest = text[q.span.end..].trim_start();
    let mut next = rest.split_whitespace().map(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let first = next.next().unwrap_or_default();
    if first == "of" {
        let mut noun = next.next().unwrap_or_default();
        if matches!(
            noun.as_str(),
            "the" | "a" | "an" | "this" | "that" | "its" | "their"
        ) {
            noun = next.next().unwrap_or_default();
        }
        let time = PERIODS.contains(&noun.as_str())
            || (noun.len() == 4 && noun.bytes().all(|b| b.is_ascii_digit()));
        return !time;
    }
    if matches!(first.as_str(), "an" | "a") || PERIODS.contains(&first.as_str()) {
        return false;
    }
    // Standing alone as the amount of a sentence: "more than half said", "about half (49%)".
    q.qualifier.is_some()
        || matches!(
            first.as_str(),
            "" | "said"
                | "say"
                | "says"
                | "are"
                | "were"
                | "is"
                | "was"
                | "have"
                | "had"
                | "do"
                | "did"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantities::find_quantities;

    /// The figures of `s` that become claims, by their words.
    fn claimed(s: &str) -> Vec<String> {
        find_quantities(s)
            .into_iter()
            .filter(|q| states_figure(s, q, &[]))
            .map(|q| q.text)
            .collect()
    }

    #[test]
    fn vague_amounts_of_something_are_claims() {
        let got = claimed("Officials said dozens of ballistic missiles were sent to the front.");
        assert_eq!(got, vec!["dozens of ballistic missiles"]);
        let got = claimed("The repairs cost thousands of dollars, and several banks refused.");
        assert_eq!(got.len(), 2, "{got:?}");
        // "a few" is no figure.
        assert!(claimed("A few analysts disagreed with the forecast.").is_empty());
    }

    #[test]
    fn counts_in_words_are_claims_unless_they_refer_back() {
        assert_eq!(
            claimed("Forty-five deals were announced, and a dozen researchers joined."),
            vec!["Forty-five deals", "a dozen researchers"]
        );
        assert_eq!(
            claimed("Seven more analysts left the bank."),
            vec!["Seven more analysts"]
        );
        // The two leaders were named before: no new figure.
        assert!(claimed("After the talks the two leaders signed a pact.").is_empty());
        // The parties of a relation, not an amount of them.
        assert!(
            claimed("Ottawa called the dispute a matter between two sovereign states.").is_empty()
        );
        assert!(claimed("Water rights are shared among three riverside nations.").is_empty());
        // A count in digits after "between" is still a figure.
        assert_eq!(
            claimed("Talks between 40 delegations opened in Nairobi."),
            vec!["40 delegations"]
        );
        assert!(claimed("She offered the builder a cup of tea.").is_empty());
        assert!(claimed("Students must take at least one online class.").is_empty());
    }

    #[test]
    fn ranks_and_labels_are_no_claims() {
        for s in [
            "It ranks among the top 10 insurers in the country.",
            "Wearables are the No. 1 fitness trend this year.",
            "Consultants advise Fortune 500 companies on strategy.",
            "Critics want Congress to change Section 230 protections.",
            "Coffee may lower the risk of type 2 diabetes, the study found.",
            "Parents can save through a 529 educational savings plan.",
            "Bands confirmed upcoming 2025 tours across Europe.",
        ] {
            assert!(claimed(s).is_empty(), "{s}: {:?}", claimed(s));
        }
        // Near misses: amounts after a sentence start, a weekday or a possessive, a round
        // thousand, and a plural after the number, stay claims.
        for s in [
            "Russia's 500 tanks were moved north.",
            "The United States\u{2019}s 500,000 school buses run on diesel.",
            "Officials said on Tuesday 500 people had been evacuated.",
            "The firm now employs 2000 workers.",
            "Insurers sold 500 savings plans last year.",
        ] {
            assert_eq!(claimed(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn a_bare_number_counts_the_plural_noun_its_claim_measures() {
        let q = find_quantities("Some 1,500 had already arrived.").remove(0);
        let got = with_elided_unit(&q, "troops");
        assert_eq!(
            (got.unit.as_deref(), got.kind),
            (Some("troop"), QuantityKind::Count)
        );
        // Near misses: a general measure, a phrase, a counted figure keep their reading.
        for m in ["figures", "annualized rate", "workforce", "Troops"] {
            assert_eq!(with_elided_unit(&q, m), q, "{m}");
        }
        let counted = find_quantities("Some 1,500 tanks had already arrived.").remove(0);
        assert_eq!(with_elided_unit(&counted, "soldiers"), counted);
    }

    #[test]
    fn fractions_are_claims_when_they_share_something() {
        assert_eq!(claimed("Half of the emails were spam."), vec!["Half"]);
        assert_eq!(
            claimed("More than three-quarters of the students improved."),
            vec!["More than three-quarters"]
        );
        assert_eq!(
            claimed("LinkedIn says 4 out of 5 members drive business decisions."),
            vec!["4 out of 5"]
        );
        for s in [
            "Sales rose in the first half of the year.",
            "The meeting lasted half an hour.",
            "The company cut its workforce in half.",
        ] {
            assert!(claimed(s).is_empty(), "{s}: {:?}", claimed(s));
        }
    }
}
