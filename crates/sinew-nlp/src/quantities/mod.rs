//! Figures in text: numbers written in digits or words, with their scale ("4.8 million"),
//! currency, percent sign, unit or counted noun, range, qualifier ("more than") and rate
//! ("a month").
//!
//! One pass over the bytes finds where a number may start (an ASCII digit, a vulgar fraction,
//! or a number word such as "two", "dozens", "a hundred"); everything else is read by looking
//! a few words left and right of that point, so the cost is linear in the text. What reads as
//! a date, a year, a code ("G7", "S-400"), a list number or a time of day is left out.
//!
//! - `numbers.rs` reads the number itself (signs, exponents, fractions, words);
//! - `units.rs` the unit after it (the table of `lexicon.rs`, SI prefixes and symbols);
//! - `around.rs` the counted noun, an age's "old" and the rate;
//! - `context.rs` whether a glued "m" with no currency is millions or metres;
//! - `table.rs` the counted noun of a bare number in a table cell, from its column header;
//! - this file the currency, scale, qualifier and range around them, and what is no figure.
//!
//! Ranges: "5 to 7 per cent", "between 10 and 12 dollars" and alternatives "eight or nine
//! euros" are one figure with `value` and `value_max`, the unit stated once at the end
//! applying to both; a list joined by "and" ("45 and 50 mg") stays separate figures, each
//! with the unit. Vague amounts are ranges flagged `vague`, never a point: "dozens" is
//! [24, 100], "hundreds" [200, 1,000], "thousands" [2,000, 10,000], "tens of thousands"
//! [20,000, 100,000] (five times the lower bound of two units), "several" [3, 9], "a few"
//! [3, 5]. Ages are no durations: "a 34-year-old", "six months old" have the unit
//! `year_of_age` / `month_of_age` and a span that takes in "old". A comparative or a
//! "-made"/"-built" compound between the number and the noun ("seven more analysts", "two
//! new Chinese-made drones") is read past. A year before a noun that it dates ("2019
//! sales", "the 2024 budget") is no count.
//!
//! Canonical units: ISO 4217 codes (minor units `cent`, `penny`, `dime` when no currency is
//! said), `percent`, `percentage_point`, `basis_point`, SI symbols with prefix (`TeV`, `KiB`),
//! powers as digits (`km2`), quotients with `/` and products with `·` (`km/s2`, `1/s`),
//! durations as words (`year`, `hour`), the counted noun in the singular. Fractions have
//! `QuantityKind::Fraction` and the ratio as value, so "two-thirds" is never 2; ordinals are
//! never numbers.
//!
//! Left out on purpose: years (the times layer reads them), days of dates, clock times ("5 pm",
//! "2.17pm", "1600 hrs"; but "2.1 pm" is picometres), codes ("G7", "S-400", "COVID-19"),
//! labels (a bare number after a capitalised word: "Article 5", "Voyager 2"), list numbers,
//! scores ("3-1") and phone numbers; a bracketed figure is an aside ("£5bn ($6.3bn)"), never
//! an accounting negative. `cargo xtask eval-quantities` lists the suite's cases that differ
//! on purpose.

mod around;
mod context;
mod lexicon;
mod numbers;
mod scan;
mod table;
mod units;

use std::borrow::Cow;

use sinew_types::{Quantity, QuantityKind, Span};

use around::{
    age_end, counted_noun, inch_at, multiplier_end, next_word, out_of, partitive_noun,
    rate_adjacent, rate_ahead,
};
use lexicon::UnitKind;
use scan::{
    char_at, char_before, compound_end, is_inline_ws, letters_end, lower_small, match_phrase,
    phrase_ends_at, skip_ws, skip_ws_back, word_before,
};
use units::Unit;

/// Finds the figures in `text`, sorted by start and not overlapping.
///
/// Each [`Quantity`] carries the exact byte span of the words stating it (qualifier, number,
/// unit or counted noun, and an adjacent rate), its value with the scale applied, and the
/// normalised unit: an ISO 4217 code for money, `percent`, a unit symbol, or the counted noun
/// in the singular.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut finder = Finder {
        text,
        out: Vec::new(),
        floor: 0,
        date_tail: None,
    };
    finder.run();
    let mut out = finder.out;
    vote_tallies(text, &mut out);
    table::counts_from_headers(text, &mut out);
    out
}

/// Verbs and nouns of voting: "passed by 218 to 214" after one is a tally.
const VOTE_WORDS: &[&str] = &[
    "vote",
    "votes",
    "voted",
    "voting",
    "passed",
    "approved",
    "rejected",
    "defeated",
    "confirmed",
    "adopted",
    "ballot",
];

/// "218 votes to 214", "passed by 218 to 214", "voted 52 against 47": a vote tally is two
/// counts of votes, one for each side, never a range. A bare number after a count of votes
/// and "to" or "against" takes its unit; two bare numbers so joined take it when a word of
/// voting comes shortly before.
fn vote_tallies(text: &str, out: &mut [Quantity]) {
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let gap = text[a.span.end..b.span.start].trim();
        let joined = matches!(gap, "to" | "against" | "-" | "\u{2013}");
        let bare = |q: &Quantity| {
            q.kind == QuantityKind::Number
                && q.unit.is_none()
                && q.qualifier.is_none()
                && !q.vague
                && q.value_max.is_none()
                && q.value.fract() == 0.0
        };
        if !joined || !bare(b) {
            continue;
        }
        let votes = a.kind == QuantityKind::Count && a.unit.as_deref() == Some("vote");
        let lead_start = text[..a.span.start]
            .char_indices()
            .rev()
            .take(40)
            .last()
            .map_or(0, |(p, _)| p);
        let voting = bare(a)
            && sinew_types::text::words(&text[lead_start..a.span.start])
                .any(|w| VOTE_WORDS.contains(&w.as_str()));
        if !(votes || voting) {
            continue;
        }
        for j in [i - 1, i] {
            let q = &mut out[j];
            if q.kind == QuantityKind::Number {
                q.kind = QuantityKind::Count;
                q.unit = Some("vote".to_string());
            }
        }
    }
}

/// The counted-noun unit a plural noun names ("troops" -> `troop`, "bakeries" -> `bakery`),
/// in the quantity layer's singular; `None` for a word that does not look plural.
pub(crate) fn count_unit(noun: &str) -> Option<String> {
    let lower = noun.to_lowercase();
    lexicon::looks_plural(&lower).then(|| lexicon::singular(&lower))
}

/// A number as written, before any scale word.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// Where the number starts, its sign included.
    start: usize,
    end: usize,
    value: f64,
    digits: bool,
    /// A bare integer as written.
    plain: bool,
    /// Digits after the decimal point.
    decimals: usize,
    /// A bare four-digit integer that could be a year.
    year_like: bool,
    /// A plain integer of at most two digits (a possible day of the month).
    day_like: bool,
    /// A bare four-digit integer ("1600 hrs" is a time of day).
    four_digits: bool,
    /// Needs a scale, unit or counted noun to count as a figure ("one", "several").
    needs_more: bool,
    vague: bool,
    /// Upper bound of a vague amount ("thousands" reach up to 10,000, "several" to 9).
    vague_max: Option<f64>,
    /// A fraction with no whole part ("1/4", "two-thirds").
    fraction: bool,
    /// "a"/"an" standing for one: counts only a unit written as a word ("a gallon").
    article: bool,
    /// End of the "of" after a vague amount ("dozens of").
    of_end: Option<usize>,
    /// A unit the words themselves name ("absolute zero").
    fixed_unit: Option<&'static str>,
}

impl Head {
    fn words(start: usize, end: usize, value: f64) -> Head {
        Head {
            start,
            end,
            value,
            digits: false,
            plain: false,
            decimals: 0,
            year_like: false,
            day_like: false,
            four_digits: false,
            needs_more: false,
            vague: false,
            vague_max: None,
            fraction: false,
            article: false,
            of_end: None,
            fixed_unit: None,
        }
    }

    fn from_num(start: usize, n: &numbers::Num, negative: bool) -> Head {
        Head {
            start,
            end: n.end,
            value: if negative { -n.value } else { n.value },
            digits: true,
            plain: n.plain && !negative,
            decimals: n.decimals,
            year_like: n.plain && !negative && n.len == 4 && (1800.0..=2100.0).contains(&n.value),
            day_like: n.plain && !negative && n.len <= 2 && (1.0..=31.0).contains(&n.value),
            four_digits: n.plain && n.len == 4,
            needs_more: false,
            vague: false,
            vague_max: None,
            fraction: n.fraction,
            article: false,
            of_end: None,
            fixed_unit: None,
        }
    }

    /// Could be a time of day before "am"/"pm": "2", "2.17", "12.30".
    fn clock_like(&self) -> bool {
        let hour = self.value.trunc();
        (1.0..=12.0).contains(&hour)
            && (self.plain || (self.decimals == 2 && self.value.fract() < 0.595))
    }
}

/// The second number of a range.
#[derive(Debug, Clone, Copy)]
struct Second {
    value: f64,
    mult: f64,
    end: usize,
    /// Joined by a hyphen with no space ("80-90"): a failed range here is a score or a code.
    hyphen: bool,
    /// Joined by a word ("to", "and") rather than a dash.
    by_word: bool,
}

/// What stands before a number and decides how a range may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Between,
    From,
    /// A change ("rose by 500 to 39,200", "fell 2 to 554"): "to" gives the new level, not
    /// the top of a range.
    Change,
}

struct Qualifier {
    name: String,
    start: usize,
    /// Inside the span ("over $300 million"), or stated before it ("exceeds ...").
    inner: bool,
}

struct Finder<'a> {
    text: &'a str,
    out: Vec<Quantity>,
    /// End of the last figure found: nothing before it is read again.
    floor: usize,
    /// End of the last day number dropped as part of a date ("May 16 and 17").
    date_tail: Option<usize>,
}

/// The most items of a comma list read ahead for the unit stated once at its end.
const MAX_LIST: usize = 6;

/// Lower-case words right before a year that show it is a date ("in 2023", "the 2024 vote").
fn is_year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "the"
            | "by"
            | "of"
            | "for"
            | "until"
            | "till"
            | "from"
            | "to"
            | "and"
            | "during"
            | "after"
            | "before"
            | "between"
            | "through"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "early"
            | "late"
            | "mid"
            | "or"
            | "than"
            | "year"
            | "fiscal"
            | "on"
            | "at"
            | "circa"
    )
}

impl<'a> Finder<'a> {
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                i = self.at_digit(i).max(i + 1);
            } else if b.is_ascii_alphabetic() {
                let end = letters_end(text, i);
                let boundary = !char_before(text, i).is_some_and(char::is_alphanumeric);
                let mut next = end;
                if boundary && is_start_word(&text[i..end]) {
                    if let Some(head) = self.word_head(i) {
                        next = self.finish(head).max(end);
                    }
                }
                i = next.max(i + 1);
            } else if matches!(b, 0xC2 | 0xE2) && text.is_char_boundary(i) {
                // A vulgar fraction ("⅓ cup"): "½" is C2 BD, "⅓" E2 85 93.
                let glued = char_before(text, i).is_some_and(char::is_alphanumeric);
                match numbers::vulgar_number(text, i).filter(|_| !glued) {
                    Some(n) => {
                        let head = Head::from_num(i, &n, false);
                        i = self.finish(head).max(n.end);
                    }
                    None => i += 1,
                }
            } else {
                i += 1;
            }
        }
    }

    /// A number written in digits at `i`; returns where scanning resumes.
    fn at_digit(&mut self, i: usize) -> usize {
        let text = self.text;
        let mut start = i;
        if let Some(p) = char_before(text, i) {
            let before = char_before(text, i - p.len_utf8());
            // "USD5m", "Rs500": a currency glued to the digits is no code.
            let currency = p.is_ascii_alphabetic()
                && self
                    .currency_prefix(i)
                    .is_some_and(|(_, code)| lexicon::GLUED_CODES.contains(&code));
            let glued_code = (p.is_alphabetic() && !currency)
                || matches!(p, '+' | '#' | '@' | '_')
                || (matches!(p, '-' | '/' | '.' | ':' | '‑' | '−')
                    && before.is_some_and(char::is_alphanumeric));
            if p == '+' {
                // "+0.3%", "+2.5 per cent": a signed change, not a phone number.
                let glued = before.is_some_and(char::is_alphanumeric);
                if let Some(n) = self.plus_percent(i).filter(|_| !glued) {
                    let head = Head {
                        start: i - 1,
                        plain: false,
                        ..Head::from_num(i, &n, false)
                    };
                    return self.finish(head);
                }
                return phone_end(text, i);
            }
            if glued_code {
                return glued_end(text, i);
            }
            // A minus sign: "-15€", "$-99.99", "(−18)"; not a dash after a figure.
            let sign = matches!(p, '-' | '−')
                && !before.is_some_and(|c| matches!(c, '-' | '–' | '.' | ',' | '%'))
                && i - p.len_utf8() >= self.floor;
            if sign {
                start = i - p.len_utf8();
            }
        }
        // "minus 5 degrees".
        let mut minus = start < i;
        if !minus {
            if let Some((s, e)) = word_before(text, i, self.floor) {
                if e < i && text[s..e].eq_ignore_ascii_case("minus") {
                    start = s;
                    minus = true;
                }
            }
        }
        if let Some(end) = self.numbered_line(i) {
            return end;
        }
        match numbers::digit_number(text, i) {
            // "06", "000": a code or a clock, not a count.
            Ok(n) if n.plain && n.len > 1 && text.as_bytes()[i] == b'0' => glued_end(text, n.end),
            Ok(n) => {
                let head = Head::from_num(start, &n, minus);
                self.finish(head)
            }
            Err(end) => glued_end(text, end),
        }
    }

    /// The number after a "+" at `i` when a percentage or points follow it ("+0.3%", "+2
    /// per cent", "+15 bps").
    fn plus_percent(&self, i: usize) -> Option<numbers::Num> {
        let n = numbers::digit_number(self.text, i).ok()?;
        let u = units::unit_at(self.text, n.end, true)?;
        (u.kind == UnitKind::Percent).then_some(n)
    }

    /// "1. Summary", "2-1. Impact", "(3)" at the start of a line: list numbering.
    fn numbered_line(&self, i: usize) -> Option<usize> {
        let text = self.text;
        let mut j = i;
        while let Some(c) = char_before(text, j) {
            if c == '\n' || c == '\r' {
                break;
            }
            if is_inline_ws(c)
                || matches!(
                    c,
                    '•' | '·' | '*' | '-' | '–' | '▪' | '◦' | '○' | '>' | '#' | '('
                )
            {
                j -= c.len_utf8();
            } else {
                return None;
            }
        }
        let bytes = text.as_bytes();
        let mut k = i;
        while k < bytes.len()
            && (bytes[k].is_ascii_digit() || matches!(bytes[k], b'-' | b'.' | b')'))
        {
            k += 1;
        }
        let run = &text[i..k];
        let ends_list = run.ends_with('.') || run.ends_with(')');
        (ends_list && char_at(text, k).is_none_or(char::is_whitespace)).then_some(k)
    }

    /// A number written in words at `i` (already known to start with a number word).
    fn word_head(&self, i: usize) -> Option<Head> {
        let text = self.text;
        let end = letters_end(text, i);
        let mut buf = [0u8; 16];
        let w = lower_small(&text[i..end], &mut buf)?;
        match w {
            "a" | "an" => self.article_head(i, end),
            "half" => {
                // "half of the budget": the fraction 1/2; "half of them" is a pronoun's share.
                let of_thing = next_word(text, end).is_some_and(|(s, e)| {
                    text[s..e].eq_ignore_ascii_case("of")
                        && next_word(text, e).is_none_or(|(s2, e2)| {
                            !matches!(
                                text[s2..e2].to_ascii_lowercase().as_str(),
                                "them" | "us" | "it" | "those" | "these" | "you"
                            )
                        })
                });
                // "the first half of the match": a part of a period, not a share.
                let period_part = word_before(text, i, self.floor).is_some_and(|(s, e)| {
                    matches!(
                        text[s..e].to_ascii_lowercase().as_str(),
                        "first" | "second" | "other" | "the" | "latter" | "former"
                    )
                });
                // "half its tanks", "half the staff": "of" left out before a determiner.
                let of_left_out = next_word(text, end).is_some_and(|(s, e)| {
                    matches!(
                        text[s..e].to_ascii_lowercase().as_str(),
                        "the" | "its" | "their" | "his" | "her" | "our" | "all" | "this" | "that"
                    )
                });
                if (of_thing || of_left_out) && !period_part {
                    return Some(Head {
                        fraction: true,
                        ..Head::words(i, end, 0.5)
                    });
                }
                // "half a million".
                let (s, e) = next_word(text, end)?;
                if !matches!(text[s..e].to_ascii_lowercase().as_str(), "a" | "an") {
                    return None;
                }
                let (s2, e2) = next_word(text, e)?;
                let scale = text[s2..e2].to_ascii_lowercase();
                let scaled = matches!(
                    scale.as_str(),
                    "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
                );
                if scaled {
                    return Some(Head {
                        needs_more: true,
                        ..Head::words(i, e, 0.5)
                    });
                }
                // "half a tablespoon".
                self.article_head(s, e).filter(|h| h.article).map(|h| Head {
                    start: i,
                    value: 0.5,
                    ..h
                })
            }
            "several" => Some(Head {
                needs_more: true,
                vague: true,
                vague_max: Some(9.0),
                ..Head::words(i, end, 3.0)
            }),
            _ => {
                if let Some(base) = lexicon::vague_plural(w) {
                    return self.vague_head(i, end, w, base);
                }
                let n = numbers::word_number(text, i)?;
                // "one in five": a ratio's terms are numbers on their own.
                let ratio = next_word(text, n.end).is_some_and(|(s, e)| {
                    text[s..e].eq_ignore_ascii_case("in")
                        && next_word(text, e)
                            .is_some_and(|(s2, _)| is_start_word(&text[s2..letters_end(text, s2)]))
                        || text[s..e].eq_ignore_ascii_case("in")
                            && char_at(text, skip_ws(text, e)).is_some_and(|c| c.is_ascii_digit())
                });
                let mut head = Head {
                    needs_more: n.lone_one && !ratio,
                    fraction: n.fraction,
                    ..Head::words(i, n.end, n.value)
                };
                // "absolute zero": a temperature.
                if w == "zero" {
                    if let Some((s, e)) = word_before(text, i, self.floor) {
                        if text[s..e].eq_ignore_ascii_case("absolute") {
                            head.start = s;
                            head.fixed_unit = Some("K");
                        }
                    }
                }
                Some(head)
            }
        }
    }

    /// "a"/"an" as a number: "a hundred and two", "a dozen", "a few", "a third of", "a
    /// gross", "a baker's dozen", or one of a unit written as a word ("a gallon").
    fn article_head(&self, i: usize, end: usize) -> Option<Head> {
        let text = self.text;
        let (s, e) = next_word(text, end)?;
        let next = text[s..e].to_ascii_lowercase();
        match next.as_str() {
            "few" => {
                return Some(Head {
                    needs_more: true,
                    vague: true,
                    vague_max: Some(5.0),
                    ..Head::words(i, e, 3.0)
                })
            }
            "dozen" => {
                return Some(Head {
                    needs_more: true,
                    ..Head::words(i, end, 1.0)
                })
            }
            // "a handful of lawmakers": vague, as "a few" is.
            "handful" => {
                let (s2, e2) = next_word(text, e)?;
                if !text[s2..e2].eq_ignore_ascii_case("of") {
                    return None;
                }
                return Some(Head {
                    needs_more: true,
                    vague: true,
                    vague_max: Some(5.0),
                    of_end: Some(e2),
                    ..Head::words(i, e, 3.0)
                });
            }
            // "a gross is 144": a count only where no noun follows ("a gross violation").
            "gross" => {
                let noun_after = next_word(text, e).is_some_and(|(s2, e2)| {
                    let w2 = text[s2..e2].to_ascii_lowercase();
                    w2 != "of" && !lexicon::is_stop_word(&w2)
                });
                return (!noun_after).then(|| Head::words(i, e, 144.0));
            }
            "baker" => {
                for apostrophe in ["'s dozen", "’s dozen"] {
                    if let Some(e2) = match_phrase(text, e, apostrophe, false) {
                        return Some(Head::words(i, e2, 13.0));
                    }
                }
                return None;
            }
            _ => {}
        }
        if let Some(n) = numbers::word_number(text, i) {
            return Some(Head {
                fraction: n.fraction,
                ..Head::words(i, n.end, n.value)
            });
        }
        let u = units::unit_at(text, end, false)?;
        let counts = u.word
            && matches!(u.kind, UnitKind::Measure | UnitKind::Money)
            && !lexicon::idiom_after_a(&text[u.start..u.end].to_ascii_lowercase(), &u.name)
            && !price_per_unit(text, u.end);
        counts.then(|| Head {
            needs_more: true,
            article: true,
            ..Head::words(i, end, 1.0)
        })
    }

    /// "dozens of", "tens of thousands of", "hundreds".
    fn vague_head(&self, i: usize, end: usize, w: &str, base: f64) -> Option<Head> {
        let text = self.text;
        let is_of = |s: usize, e: usize| text[s..e].eq_ignore_ascii_case("of");
        let mut value = base;
        let mut head_end = end;
        let mut of_end = None;
        if let Some((_, e)) = next_word(text, end).filter(|&(s, e)| is_of(s, e)) {
            of_end = Some(e);
            let unit = match w {
                "tens" => Some(10.0),
                "hundreds" => Some(100.0),
                "dozens" => Some(12.0),
                _ => None,
            };
            if let (Some(unit), Some((s2, e2))) = (unit, next_word(text, e)) {
                let scale = match text[s2..e2].to_ascii_lowercase().as_str() {
                    "thousands" => Some(1e3),
                    "millions" => Some(1e6),
                    "billions" => Some(1e9),
                    _ => None,
                };
                if let Some(scale) = scale {
                    value = 2.0 * unit * scale;
                    head_end = e2;
                    of_end = next_word(text, e2)
                        .filter(|&(s3, e3)| is_of(s3, e3))
                        .map(|(_, e3)| e3);
                }
            }
        }
        if matches!(w, "tens" | "scores") && of_end.is_none() {
            return None;
        }
        // "dozens", "scores": below a hundred; "hundreds", "tens of thousands": below the
        // next power of ten, which is five times the lower bound of two units.
        let max = if head_end == end && matches!(w, "dozens" | "scores") {
            100.0
        } else {
            5.0 * value
        };
        Some(Head {
            vague: true,
            vague_max: Some(max),
            of_end,
            ..Head::words(i, head_end, value)
        })
    }

    /// Reads everything around `head`, pushes the figure when it is one, and returns where
    /// scanning resumes.
    fn finish(&mut self, head: Head) -> usize {
        match self.read(head) {
            Ok(q) => {
                let end = q.span.end;
                self.floor = end;
                self.out.push(q);
                end
            }
            Err(resume) => resume,
        }
    }

    fn read(&mut self, head: Head) -> Result<Quantity, usize> {
        let text = self.text;
        let skip = if head.digits {
            glued_end(text, head.end)
        } else {
            head.end
        };

        // Currency before the number.
        let prefix = if head.digits {
            self.currency_prefix(head.start)
        } else {
            None
        };
        let money = prefix.is_some();

        // Scale words.
        let (mult, after_scale) = self.scales(head.end, money, head.digits);
        let lone_digits = head.digits && after_scale == head.end;
        if lone_digits && self.is_clock(&head) {
            return Err(skip);
        }

        // Qualifier and range marker before the number.
        let lead = prefix.map_or(head.start, |(s, _)| s);
        let qualifier = self.qualifier(lead);
        let before_qual = qualifier
            .as_ref()
            .filter(|q| q.inner)
            .map_or(lead, |q| q.start);
        // "4 out of 5 members", "one in three adults": a share of the whole after it.
        if !head.fraction
            && !head.vague
            && !head.article
            && prefix.is_none()
            && !lone_digits_scaled(&head, after_scale)
        {
            if let Some((den, e)) = out_of(text, head.end, head.value) {
                let start = qualifier
                    .as_ref()
                    .filter(|q| q.inner)
                    .map_or(lead, |q| q.start);
                return Ok(Quantity {
                    span: Span::new(start, e),
                    text: text[start..e].to_string(),
                    value: head.value / den,
                    value_max: None,
                    unit: None,
                    kind: QuantityKind::Fraction,
                    qualifier: qualifier.map(|q| q.name),
                    per: None,
                    vague: false,
                });
            }
        }
        let marker = word_before(text, before_qual, self.floor).and_then(|(s, e)| {
            let w = text[s..e].to_ascii_lowercase();
            match w.as_str() {
                "between" => Some((Marker::Between, s)),
                "from" => Some((Marker::From, s)),
                _ if lexicon::is_change_word(&w) => Some((Marker::Change, s)),
                _ => None,
            }
        });
        let marker_kind = marker.map(|m| m.0);

        // "9.83e-3 +/- 1e-5 km/s2": the uncertainty is read past.
        let after_num = if lone_digits {
            self.uncertainty_end(head.end)
        } else {
            after_scale
        };
        // "10,000+ containers": a plus after the number says "more than".
        let plus = head.digits
            && char_at(text, after_num) == Some('+')
            && !char_at(text, after_num + 1)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '+'));
        let after_num = if plus { after_num + 1 } else { after_num };

        // The unit right after the number, else a range right after it ("80-90%", "from 147
        // to 241 billion", "8- to 16-meter") with the unit after the second number.
        let glued_ok = head.digits && after_num == head.end;
        let unit_here = |pos: usize, glued: bool| {
            units::unit_at(text, pos, glued).or_else(|| {
                if head.digits {
                    inch_at(text, pos)
                } else {
                    None
                }
            })
        };
        let mut unit = if head.of_end.is_some() || head.fixed_unit.is_some() {
            None
        } else {
            unit_here(after_num, glued_ok)
                .filter(|u| head.digits || head.value > 1.0 || word_fit(text, u))
                // "720p", "1080p": a screen's lines; "240p" a share price among words of money.
                .filter(|u| {
                    u.word
                        || u.name != "penny"
                        || head.value < 100.0
                        || context::p_is_pence(text, head.start, u.end)
                })
                .or_else(|| {
                    glued_ok
                        .then(|| temperature_at(text, head.start, after_num, head.value))
                        .flatten()
                })
        };
        let bounds = |s: &Second| {
            if marker_kind == Some(Marker::Change) {
                change_bounds(head.value, mult, s)
            } else {
                range_bounds(head.value, mult, s)
            }
        };
        let mut second = None;
        if head.of_end.is_none() && !head.vague && unit.is_none() && head.fixed_unit.is_none() {
            match self.range_second(after_num, marker_kind, money) {
                Some(s) if s.hyphen && range_bounds(head.value, mult, &s).is_none() => {
                    return Err(glued_end(text, s.end))
                }
                Some(s) if bounds(&s).is_some() => {
                    second = Some(s);
                    unit = unit_here(s.end, true);
                    // "from 2 to 5pm": a time of day.
                    if let Some(u) = unit.as_ref().filter(|u| matches!(&*u.name, "am" | "pm")) {
                        return Err(u.end);
                    }
                }
                _ => {}
            }
        }
        if let Some(of_end) = head.of_end {
            // "millions of dollars".
            unit = units::unit_at(text, of_end, false);
        }
        // "3x", "18 times higher", "three-fold": a multiplier, unit `times`.
        let multiplier = (unit.is_none()
            && prefix.is_none()
            && second.is_none()
            && head.of_end.is_none()
            && head.fixed_unit.is_none()
            && !head.fraction
            && !head.vague)
            .then(|| multiplier_end(text, after_num))
            .flatten();

        let unit_pos = head.of_end.or(second.map(|s| s.end)).unwrap_or(after_num);
        if lone_digits && unit.is_none() && second.is_none() && multiplier.is_none() {
            // Glued to letters that are no unit ("21st", "1990s", "5G").
            if char_at(text, head.end).is_some_and(char::is_alphabetic) {
                return Err(skip);
            }
        }
        if !head.digits
            && unit.is_none()
            && multiplier.is_none()
            && char_at(text, head.end) == Some('-')
            && after_scale == head.end
            && char_at(text, head.end + 1).is_some_and(char::is_alphabetic)
        {
            // "three-way", "one-on-one": a compound word, not a figure.
            return Err(compound_end(text, head.start));
        }

        let mut value = head.value * mult;
        // A vague amount is a range, never a point: "thousands" is [2,000, 10,000).
        let mut value_max = head.vague_max.map(|m| m * mult);
        if let Some((lo, hi)) = second.as_ref().and_then(bounds) {
            value = lo;
            value_max = Some(hi);
        }
        // "1.2 mb/d": a symbol that carries its own scale.
        let symbol_scale = unit
            .as_ref()
            .map_or(1.0, |u| lexicon::unit_scale(&text[u.start..u.end]));
        value *= symbol_scale;
        value_max = value_max.map(|m| m * symbol_scale);
        let number_end = second.map_or(after_scale, |s| s.end);
        let scaled = mult > 1.0 || symbol_scale > 1.0 || second.is_some_and(|s| s.mult > 1.0);

        // What is counted or measured.
        let mut kind = if head.fraction {
            QuantityKind::Fraction
        } else {
            QuantityKind::Number
        };
        let mut unit_name: Option<Cow<'static, str>> = None;
        let mut end = if head.of_end.is_some() {
            head.end
        } else if plus {
            number_end.max(after_num)
        } else {
            number_end
        };
        let mut per: Option<String> = None;
        if let Some(fixed) = head.fixed_unit {
            kind = QuantityKind::Measure;
            unit_name = Some(Cow::Borrowed(fixed));
        } else if let Some((_, code)) = prefix {
            kind = QuantityKind::Money;
            unit_name = Some(Cow::Borrowed(code));
            if let Some(u) = unit.as_ref().filter(|u| u.kind == UnitKind::Money) {
                end = u.end;
                unit_name = Some(u.name.clone());
            }
        } else if let Some(u) = unit.as_ref() {
            end = u.end;
            let (k, name) = unit_kind(u, scaled);
            kind = k;
            unit_name = Some(name);
            if u.name == "lb" && u.word && context::pounds_are_money(text, lead, u.end) {
                kind = QuantityKind::Money;
                unit_name = Some(Cow::Borrowed("GBP"));
            }
            // "3 ppt of mercury": parts per trillion, as "ppb" and "ppm" are parts; "a 0.3
            // ppt rise" is a percentage point.
            if &text[u.start..u.end] == "ppt" && text[u.end..].trim_start().starts_with("of ") {
                kind = QuantityKind::Measure;
                unit_name = Some(Cow::Borrowed("ppt"));
            }
            if let Some(code) = context::shared_currency(&u.name, text, lead, u.end) {
                unit_name = Some(Cow::Borrowed(code));
            }
            per = u.per.map(str::to_string);
            // "a 34-year-old", "34 years old": an age, not a duration.
            if let Some(age_end) = age_end(text, u) {
                end = age_end;
                unit_name = Some(Cow::Owned(format!("{}_of_age", u.name)));
            }
        } else if let Some(e) = multiplier {
            kind = QuantityKind::Measure;
            unit_name = Some(Cow::Borrowed("times"));
            end = e;
        } else if head.digits && second.is_none() && mult == 1.0 && self.after_aged(lead) {
            // "the man, aged 45,": an age.
            kind = QuantityKind::Measure;
            unit_name = Some(Cow::Borrowed("year_of_age"));
        } else if !head.fraction && !head.article {
            let singular = head.value == 1.0 && mult == 1.0 && second.is_none();
            // "Thirteen of the council's 15 members": a part of a named set.
            let part_of = || {
                (second.is_none() && !scaled && head.value > 1.0)
                    .then(|| partitive_noun(text, unit_pos))
                    .flatten()
            };
            if let Some(noun) = counted_noun(text, unit_pos, singular).or_else(part_of) {
                // "a Windows 11 update", "the Galaxy 5 launch": a product's number.
                if qualifier.is_none() && !scaled && self.names_before(lead, head.end) {
                    return Err(skip);
                }
                kind = QuantityKind::Count;
                unit_name = Some(Cow::Owned(noun.unit));
                if let Some(e) = noun.end {
                    end = e;
                } else if let Some((p, _)) = rate_adjacent(text, noun.phrase_end, false) {
                    // "some 400 Shahed drones a month": the span keeps to the number (names
                    // stood between), the rate after the noun is still the figure's.
                    per = Some(p);
                }
            }
        }
        // "one" alone is a pronoun ("one of them") unless a change is stated ("fell by one").
        let counted = marker.is_some_and(|(m, s)| {
            let e = letters_end(text, s);
            let loose = ["up", "down"]
                .iter()
                .any(|w| text[s..e].eq_ignore_ascii_case(w));
            // "fell by one to 554", "dropped by one.", not "by one of", "one by one".
            let next = next_word(text, head.end).map(|(a, b)| text[a..b].to_ascii_lowercase());
            let level = next.as_deref().is_none_or(|w| {
                matches!(
                    w,
                    "to" | "from" | "in" | "on" | "at" | "and" | "last" | "this"
                )
            });
            let one_by_one = word_before(text, s, 0)
                .is_some_and(|(a, b)| text[a..b].eq_ignore_ascii_case("one"));
            m == Marker::Change && !loose && level && !one_by_one
        }) && !head.article
            && !head.vague;
        if head.needs_more && mult == 1.0 && unit_name.is_none() && !counted {
            return Err(head.end);
        }

        // Rate: adjacent ("a month", "per kg", "/hour") inside the span.
        if per.is_none() {
            let times = kind == QuantityKind::Number;
            if let Some((p, e)) = rate_adjacent(text, end, times) {
                // "three times a week", "1-3 times/week": a frequency counts occasions.
                let occasions = text[end..e].trim_start().get(..5);
                if times && occasions.is_some_and(|w| w.eq_ignore_ascii_case("times")) {
                    kind = QuantityKind::Count;
                    unit_name = Some(Cow::Borrowed("time"));
                }
                per = Some(p);
                end = e;
            }
        }

        // A range of whole figures: "between 80% and 90%", "44 mg to 50 mg", "$350 per kg to
        // $680 per kg", "from -18 °C to -34 °C".
        let has_unit = prefix.is_some() || unit.is_some();
        if second.is_none() && !head.vague && has_unit {
            let unit_of_second = if prefix.is_some() {
                None
            } else {
                unit_name.as_deref()
            };
            if let Some(s) =
                self.second_figure(end, marker_kind, money, unit_of_second, per.as_deref())
            {
                if let Some((lo, hi)) = bounds(&s) {
                    value = lo;
                    value_max = Some(hi);
                    end = s.end;
                    second = Some(s);
                }
            }
        }

        // Rate further on in the clause.
        if per.is_none() {
            per = rate_ahead(text, end);
        }
        if kind == QuantityKind::Measure {
            let speed = match (unit_name.as_deref(), per.as_deref()) {
                (Some("km"), Some("hour")) => Some("km/h"),
                (Some("mi"), Some("hour")) => Some("mph"),
                (Some("m"), Some("second")) => Some("m/s"),
                _ => None,
            };
            if let Some(s) = speed {
                unit_name = Some(Cow::Borrowed(s));
                per = None;
            }
        }

        // Span start: a range marker, an inner qualifier, the currency, the number.
        let mut start = lead;
        if let Some(q) = qualifier.as_ref().filter(|q| q.inner) {
            start = q.start;
        }
        if let (Some((Marker::Between | Marker::From, s)), Some(_)) = (marker, second) {
            start = s;
        }

        // "45 and 50 mg": a bare number takes the unit of the number it is listed with.
        let bare = kind == QuantityKind::Number && !scaled && !head.vague;
        if bare && second.is_none() && per.is_none() && !head.year_like {
            if let Some(u) = self.shared_unit(end, head.value) {
                let (k, name) = unit_kind(&u, false);
                kind = k;
                unit_name = Some(name);
            }
        }
        let bare = kind == QuantityKind::Number && !scaled && !head.vague;

        // What reads as something else than a figure.
        if head.year_like && mult == 1.0 && prefix.is_none() {
            let after_date_word = word_before(text, lead, 0)
                .is_some_and(|(s, e)| is_year_context(&text[s..e].to_ascii_lowercase()));
            let possessive = char_before(text, skip_ws_back(text, lead)).is_some_and(|c| c == 's')
                && matches!(
                    char_before(text, skip_ws_back(text, lead) - 1),
                    Some('\'' | '’')
                );
            // "in 2022 won the vote", "in 2023 dollars", "the 2024 elections".
            // "2019 sales", "2023 exports": a year naming the period of the noun.
            let period_noun = kind == QuantityKind::Count
                && !text[head.start..head.end].contains(',')
                && unit_name
                    .as_deref()
                    .and_then(|u| u.rsplit(' ').next())
                    .is_some_and(lexicon::is_period_noun);
            let dated = qualifier.is_none()
                && kind != QuantityKind::Percent
                && (after_date_word || possessive || period_noun);
            if bare || dated {
                return Err(number_end.max(head.end));
            }
        }
        if bare && qualifier.is_none() {
            if head.day_like && second.is_none() && self.is_date_day(lead, end) {
                self.date_tail = Some(end);
                return Err(end);
            }
            if second.is_none() && self.is_label_number(lead, end) {
                return Err(end);
            }
        }

        let span = Span::new(start, end);
        Ok(Quantity {
            span,
            text: text[start..end].to_string(),
            value,
            value_max,
            unit: unit_name.map(Cow::into_owned),
            kind,
            qualifier: qualifier
                .map(|q| q.name)
                .or_else(|| plus.then(|| "more than".to_string())),
            per,
            vague: head.vague,
        })
    }

    /// A time of day rather than a figure: "10:30", "5 pm", "2.17pm", "1600 hrs", "9 GMT".
    fn is_clock(&self, head: &Head) -> bool {
        let text = self.text;
        let next = char_at(text, head.end);
        let next2 = char_at(text, head.end + 1);
        if matches!(next, Some(':' | '/')) && next2.is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
        let q = skip_ws(text, head.end);
        let always = ["a.m.", "p.m.", "GMT", "UTC", "o'clock"];
        if always
            .iter()
            .any(|c| match_phrase(text, q, c, true).is_some())
        {
            return true;
        }
        // "12 noon", "12 midnight".
        if ["noon", "midnight"]
            .iter()
            .any(|c| match_phrase(text, q, c, false).is_some())
        {
            return head.clock_like();
        }
        // "2.1 pm" and "2.123 am" are lengths (picometres, attometres).
        let half_day = ["am", "pm"]
            .iter()
            .any(|c| match_phrase(text, q, c, false).is_some());
        if half_day {
            return head.clock_like();
        }
        let hours = match_phrase(text, q, "hrs", true)
            .or_else(|| match_phrase(text, q, "hr", true))
            .or_else(|| match_phrase(text, q, "h", false));
        hours.is_some() && head.four_digits
    }

    /// End of an uncertainty after a number ("± 0.5", "+/- 1e-5"), or `pos` when none.
    fn uncertainty_end(&self, pos: usize) -> usize {
        let text = self.text;
        let q = skip_ws(text, pos);
        for sym in ["+/-", "±", "+-"] {
            if text.get(q..).is_some_and(|t| t.starts_with(sym)) {
                let r = skip_ws(text, q + sym.len());
                if char_at(text, r).is_some_and(|c| c.is_ascii_digit()) {
                    if let Ok(n) = numbers::digit_number(text, r) {
                        return n.end;
                    }
                }
            }
        }
        pos
    }

    /// The unit of a number listed right after a bare one: "45 and 50 mg", "10 or 15 km",
    /// and through a short comma list, "2, 3 and 5 per cent" (at most [`MAX_LIST`] items, so
    /// the look-ahead stays bounded).
    fn shared_unit(&self, end: usize, first: f64) -> Option<Unit> {
        let text = self.text;
        let start = end;
        let mut end = end;
        for _ in 0..MAX_LIST {
            if char_at(text, end) != Some(',') {
                break;
            }
            let q = skip_ws(text, end + 1);
            if q == end + 1 || !char_at(text, q).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            end = numbers::digit_number(text, q).ok()?.end;
        }
        let (s, e) = next_word(text, end)?;
        let joint = text[s..e].to_ascii_lowercase();
        if !matches!(joint.as_str(), "and" | "or") {
            return None;
        }
        let q = skip_ws(text, e);
        if q == e || !char_at(text, q).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let n = numbers::digit_number(text, q).ok()?;
        // "89 or 23%": a count and its share, not two alternatives of one unit (those read
        // upward, "5 or 6%", and are ranges already).
        if joint == "or" && end == start && n.value <= first {
            return None;
        }
        let (_, after) = self.scales(n.end, false, true);
        units::unit_at(text, after, after == n.end).filter(|u| u.per.is_none())
    }

    /// The second figure of a range whose first has a unit, currency or rate: the joint, the
    /// number, and the same unit and rate again.
    fn second_figure(
        &self,
        pos: usize,
        marker: Option<Marker>,
        money: bool,
        unit: Option<&str>,
        per: Option<&str>,
    ) -> Option<Second> {
        let text = self.text;
        let mut s = self.range_second(pos, marker, money)?;
        if let Some(u) = unit {
            let u2 = units::unit_at(text, s.end, true)?;
            if u2.name != u {
                return None;
            }
            s.end = u2.end;
        }
        if let Some(p) = per {
            let (p2, e2) = rate_adjacent(text, s.end, false)?;
            if p2 != p {
                return None;
            }
            s.end = e2;
        }
        Some(s)
    }

    /// A day of the month: next to a month name ("June 27", "16 May"), or following one
    /// ("May 16 and 17").
    fn is_date_day(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let ws = skip_ws_back(text, start);
        // "Aug. 12": an abbreviated month with its full stop.
        let month_before = word_before(text, start, 0)
            .or_else(|| {
                (char_before(text, ws) == Some('.')).then(|| word_before(text, ws - 1, 0))?
            })
            .is_some_and(|(s, e)| lexicon::is_month(&text[s..e]));
        let month_after = next_word(text, end).is_some_and(|(s, e)| {
            let w = &text[s..e];
            lexicon::is_month(w)
                || (w == "of"
                    && next_word(text, e).is_some_and(|(s2, e2)| lexicon::is_month(&text[s2..e2])))
        });
        let continues = self.date_tail.is_some_and(|tail| {
            text.get(tail..start).is_some_and(|gap| {
                matches!(
                    gap.trim(),
                    "and" | "to" | "-" | "–" | "," | "&" | "or" | "through"
                )
            })
        });
        month_before || month_after || continues
    }

    /// "aged 45", "aged just 19": the word before the number (or before "just") is "aged".
    fn after_aged(&self, lead: usize) -> bool {
        let text = self.text;
        let Some((s, e)) = word_before(text, lead, self.floor) else {
            return false;
        };
        let w = text[s..e].to_ascii_lowercase();
        w == "aged"
            || (matches!(w.as_str(), "just" | "only")
                && word_before(text, s, self.floor)
                    .is_some_and(|(a, b)| text[a..b].eq_ignore_ascii_case("aged")))
    }

    /// A number right after a name inside a sentence, before a counted noun: "Windows 11
    /// update", "Galaxy 5 launch". Not after a sentence's first word, a possessive ("NATO's
    /// 32 members"), a month or weekday ("in May 300 people"), a code in capitals ("EU"), or
    /// in a title-case line.
    fn names_before(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        if text[start..end].contains([',', '.']) {
            return false;
        }
        let Some((s, e)) = word_before(text, start, self.floor) else {
            return false;
        };
        let w = &text[s..e];
        let inside = char_before(text, skip_ws_back(text, s))
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'));
        let name = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !lexicon::is_stop_word(&w.to_ascii_lowercase())
            && !lexicon::is_month(w)
            && !is_weekday(w);
        let title_case = next_word(text, end)
            .is_some_and(|(a, _)| char_at(text, a).is_some_and(char::is_uppercase));
        let glued_before = s > 0 && !text[s..start].contains(|c: char| c.is_whitespace());
        // A state handed a count ("sent Kyiv 8 armoured vehicles") names no product.
        let recipient = crate::entities::is_country_name(w) && counts_plural_after(text, end);
        inside && name && !title_case && !glued_before && !recipient
    }

    /// A bare number naming rather than counting: after a capitalised word ("Siberia 2",
    /// "Article 5"), after "No.", or alone in brackets ("[3]").
    fn is_label_number(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let written_as_label =
            char_at(text, start).is_some_and(|c| c.is_ascii_digit() || c.is_uppercase());
        let after_name = written_as_label
            && word_before(text, start, 0).is_some_and(|(s, e)| {
                let sentence_start = char_before(text, skip_ws_back(text, s))
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '\r' | '“' | '"' | ':'));
                // A sentence's first word is a name unless it is a function word ("Another
                // 300 were hurt" against "Article 5 of the treaty").
                let name = !sentence_start || !lexicon::is_stop_word(&text[s..e].to_lowercase());
                // A table's row name and its cells ("Carrots\t4\t8") are no label.
                let cell = text[e..start].contains('\t');
                // "Boeing 737", and "iPhone 15" whose capital is inside the word.
                text[s..e].chars().any(char::is_uppercase) && name && !cell
            });
        let ws = skip_ws_back(text, start);
        let after_no = char_before(text, ws) == Some('.')
            && word_before(text, ws - 1, 0)
                .is_some_and(|(s, e)| matches!(&text[s..e], "No" | "no" | "Nos" | "nr"));
        let bracketed = matches!(char_before(text, start), Some('[' | '('))
            && matches!(char_at(text, end), Some(']' | ')'));
        after_name || after_no || bracketed
    }

    /// A currency symbol or code right before the number ("$", "US$", "€", "USD ").
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let text = self.text;
        let j = skip_ws_back(text, i);
        let last = char_before(text, j)?;
        if last.is_ascii_digit() || last.is_ascii_lowercase() && !matches!(last, 's' | 'p') {
            return None;
        }
        let symbol = lexicon::CURRENCY_PREFIXES.iter().find_map(|&(p, code)| {
            if !p.ends_with(last) {
                return None;
            }
            let s = phrase_ends_at(text, j, p)?;
            (s >= self.floor).then_some((s, code))
        });
        symbol.or_else(|| {
            if !last.is_ascii_uppercase() {
                return None;
            }
            lexicon::ISO_CODES.iter().find_map(|&code| {
                let s = phrase_ends_at(text, j, code)?;
                (s >= self.floor).then_some((s, code))
            })
        })
    }

    /// A currency symbol or code written at `pos` (the second number of "$3bn to $5bn").
    fn currency_at(&self, pos: usize) -> Option<usize> {
        let text = self.text;
        let symbol = lexicon::CURRENCY_PREFIXES
            .iter()
            .find_map(|(p, _)| match_phrase(text, pos, p, true));
        symbol.or_else(|| {
            lexicon::ISO_CODES
                .iter()
                .find_map(|c| match_phrase(text, pos, c, true))
        })
    }

    /// Scale words after the number ("million", "bn", "$3m", "5m tonnes"); returns the
    /// multiplier and the end of the last scale word.
    fn scales(&self, pos: usize, money: bool, glued_ok: bool) -> (f64, usize) {
        let text = self.text;
        let mut mult = 1.0;
        let mut end = pos;
        for round in 0..2 {
            let mut starts = Vec::with_capacity(3);
            if round == 0 && glued_ok && char_at(text, end).is_some_and(char::is_alphabetic) {
                starts.push((end, true));
            }
            let q = skip_ws(text, end);
            if q > end {
                starts.push((q, false));
            }
            if round == 0 && char_at(text, end) == Some('-') {
                starts.push((end + 1, false));
            }
            let mut best: Option<(f64, usize)> = None;
            for &(s, glued) in &starts {
                let Some(first) = text.as_bytes().get(s) else {
                    continue;
                };
                for sc in lexicon::SCALES {
                    if !sc.word.as_bytes()[0].eq_ignore_ascii_case(first) {
                        continue;
                    }
                    // "$3m", but "5m tonnes" too: a glued "m" before a plural is millions.
                    // "1.2m bpd", "3m sq ft": before a unit of measure other than a length too.
                    let plural_after = || {
                        next_word(text, s + 1).is_some_and(|(a, b)| {
                            let w = text[a..b].to_ascii_lowercase();
                            char_at(text, a).is_some_and(char::is_lowercase)
                                && (lexicon::looks_plural(&w)
                                    || units::unit_at(text, s + 1, false).is_some_and(|u| {
                                        u.kind == UnitKind::Measure && !units::is_length(&u.name)
                                    }))
                        })
                    };
                    // "paid 35m for": a glued "m" in a money sentence with no length cue.
                    let million = || {
                        sc.word == "m"
                            && glued
                            && (plural_after() || context::m_is_million(text, pos, s))
                    };
                    if sc.money_only && !money && !million() {
                        continue;
                    }
                    // Single letters ("k", "m", "B") count only glued to the digits.
                    if sc.word.len() == 1 && !glued {
                        continue;
                    }
                    if let Some(e) = match_phrase(text, s, sc.word, sc.case_sensitive) {
                        if best.is_none_or(|(_, be)| e > be) {
                            best = Some((sc.mult, e));
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            match best {
                Some((m, e)) => {
                    mult *= m;
                    end = e;
                }
                None => break,
            }
        }
        (mult, end)
    }

    /// The second number of a range starting at `pos`: "-90", " to 241 billion", " and 90",
    /// "- to 16" (after "8- to 16-meter"), " to -34".
    fn range_second(&self, pos: usize, marker: Option<Marker>, money: bool) -> Option<Second> {
        let text = self.text;
        let word_joint = |from: usize| -> Option<usize> {
            let (s, e) = next_word(text, from)?;
            let w = text[s..e].to_ascii_lowercase();
            // "eight or nine euros", "5 or 6 per cent": a range stated as alternatives.
            let joins = w == "to" || w == "or" || (w == "and" && marker == Some(Marker::Between));
            if !joins {
                return None;
            }
            let n = skip_ws(text, e);
            (n > e).then_some(n)
        };
        let (after, hyphen) = match char_at(text, pos) {
            Some(c @ ('-' | '–'))
                if char_at(text, pos + c.len_utf8())
                    .is_some_and(|n| n.is_ascii_digit() || n == '$') =>
            {
                (pos + c.len_utf8(), true)
            }
            // "8- to 16-meter": the first number's hyphen waits for the second's unit.
            Some('-') if is_inline_ws(char_at(text, pos + 1).unwrap_or('x')) => {
                (word_joint(pos + 1)?, false)
            }
            _ => {
                let q = skip_ws(text, pos);
                match char_at(text, q) {
                    Some(c @ ('–' | '-' | '—')) if q > pos => {
                        (skip_ws(text, q + c.len_utf8()), false)
                    }
                    _ => (word_joint(pos)?, false),
                }
            }
        };
        let by_word = !hyphen && text[pos..after].bytes().any(|b| b.is_ascii_alphabetic());
        // An optional currency again ("$3 billion to $5 billion"), only if the first had one.
        let mut at = after;
        if let Some(e) = self.currency_at(after) {
            if !money {
                return None;
            }
            at = skip_ws(text, e);
        }
        // A sign, after a word or a spaced dash: "from -18 to -34".
        let mut negative = false;
        if !hyphen {
            if let Some(c @ ('-' | '−')) = char_at(text, at) {
                if char_at(text, at + c.len_utf8()).is_some_and(|d| d.is_ascii_digit()) {
                    negative = true;
                    at += c.len_utf8();
                }
            }
        }
        let c = char_at(text, at)?;
        let (value, num_end, digits) = if c.is_ascii_digit() {
            let n = numbers::digit_number(text, at).ok()?;
            (n.value, n.end, true)
        } else if c.is_ascii_alphabetic() && !negative {
            let end = letters_end(text, at);
            let mut buf = [0u8; 16];
            let w = lower_small(&text[at..end], &mut buf)?;
            if lexicon::small_number(w).is_none() && lexicon::tens_number(w).is_none() {
                return None;
            }
            let n = numbers::word_number(text, at).filter(|n| !n.fraction)?;
            (n.value, n.end, false)
        } else {
            return None;
        };
        let value = if negative { -value } else { value };
        let (mult, end) = self.scales(num_end, money, digits);
        // "2024-06-27", phone numbers ("1-800-FDA-0178") chain more than two parts.
        if hyphen
            && char_at(text, end) == Some('-')
            && char_at(text, end + 1).is_some_and(char::is_alphanumeric)
        {
            return Some(Second {
                value: 0.0,
                mult: 1.0,
                end: glued_end(text, end),
                hyphen: true,
                by_word: false,
            });
        }
        Some(Second {
            value,
            mult,
            end,
            hyphen,
            by_word,
        })
    }
    /// A qualifier right before `lead`: inside the span ("more than", "~") or stated before it
    /// ("exceeds", "a maximum of").
    fn qualifier(&self, lead: usize) -> Option<Qualifier> {
        let text = self.text;
        let j = skip_ws_back(text, lead);
        if j > self.floor {
            let sym = match char_before(text, j) {
                Some(c @ ('~' | '≈')) => Some((c, "approximately")),
                Some(c @ '<') => Some((c, "less than")),
                Some(c @ '>') => Some((c, "more than")),
                _ => None,
            };
            if let Some((c, name)) = sym {
                let start = j - c.len_utf8();
                if start >= self.floor {
                    return Some(Qualifier {
                        name: name.to_string(),
                        start,
                        inner: true,
                    });
                }
            }
        }
        // The words before, read once: every qualifier is matched against them.
        let mut before = [(0usize, 0usize); 4];
        let mut n = 0;
        let mut pos = lead;
        while n < before.len() {
            match word_before(text, pos, self.floor) {
                Some((s, e)) => {
                    before[n] = (s, e);
                    n += 1;
                    pos = s;
                }
                None => break,
            }
        }
        // Every qualifier ends in one of a few words.
        let mut buf = [0u8; 16];
        let last = match n {
            0 => return None,
            _ => lower_small(&text[before[0].0..before[0].1], &mut buf),
        };
        if !last.is_some_and(lexicon::ends_qualifier) {
            return None;
        }
        let ends_with = |seq: &[&str]| -> Option<usize> {
            if seq.len() > n {
                return None;
            }
            for (k, w) in seq.iter().rev().enumerate() {
                let (s, e) = before[k];
                if !text[s..e].eq_ignore_ascii_case(w) {
                    return None;
                }
            }
            Some(before[seq.len() - 1].0)
        };
        for seq in lexicon::INNER_QUALIFIERS {
            if let Some(start) = ends_with(seq) {
                return Some(Qualifier {
                    name: seq.join(" "),
                    start,
                    inner: true,
                });
            }
        }
        for (seq, name) in lexicon::OUTER_QUALIFIERS {
            if let Some(start) = ends_with(seq) {
                return Some(Qualifier {
                    name: (*name).to_string(),
                    start,
                    inner: false,
                });
            }
        }
        None
    }
}

/// Whether a scale word follows the number ("4 million out of ..." is no share).
fn lone_digits_scaled(head: &Head, after_scale: usize) -> bool {
    after_scale != head.end
}

/// The bounds of a range after a change ("rose by 25% to 60%"), where "to" may also give
/// the new level ("rose by 500 to 39,200", "fell by one to 554"): a range only when the
/// second number is at most four times the first.
fn change_bounds(first: f64, mult: f64, s: &Second) -> Option<(f64, f64)> {
    let (lo, hi) = range_bounds(first, mult, s)?;
    (!s.by_word || hi <= 4.0 * lo.abs()).then_some((lo, hi))
}

/// The bounds of a range "a to b", the first scaled like the second when only the second
/// has a scale ("3 to 5 million"); `None` when the second does not go past the first. A
/// range of negatives is written by size ("from -18 °C to -34 °C").
fn range_bounds(first: f64, mult: f64, s: &Second) -> Option<(f64, f64)> {
    let a = if mult == 1.0 && s.mult > 1.0 && first.abs() <= s.value.abs() {
        first * s.mult
    } else {
        first * mult
    };
    let b = s.value * s.mult;
    if b > a {
        Some((a, b))
    } else if a < 0.0 && b < a {
        Some((b, a))
    } else {
        None
    }
}

/// Kind and canonical unit for a unit phrase; "500 million pounds" is money.
fn unit_kind(u: &Unit, scaled: bool) -> (QuantityKind, Cow<'static, str>) {
    match u.kind {
        UnitKind::Percent => (QuantityKind::Percent, u.name.clone()),
        UnitKind::Money => (QuantityKind::Money, u.name.clone()),
        UnitKind::Measure if u.name == "lb" && scaled => {
            (QuantityKind::Money, Cow::Borrowed("GBP"))
        }
        UnitKind::Measure => (QuantityKind::Measure, u.name.clone()),
    }
}

/// "A barrel of Brent cost $78", "a litre of milk sells for 1.20 francs": "a" and a unit
/// before "of" and a price in the same clause name what the price is per, not an amount.
fn price_per_unit(text: &str, unit_end: usize) -> bool {
    let Some((s, e)) = next_word(text, unit_end) else {
        return false;
    };
    if !text[s..e].eq_ignore_ascii_case("of") {
        return false;
    }
    let mut hi = (e + 60).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let rest = &text[e..hi];
    let clause = rest.split(['.', ';', '!', '?']).next().unwrap_or("");
    clause.contains(['$', '€', '£', '¥'])
        || clause.split_whitespace().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphabetic())
                    .to_ascii_lowercase()
                    .as_str(),
                "cost" | "costs" | "costing" | "sells" | "sold" | "priced" | "fetches" | "fetched"
            )
        })
}

/// Days of the week, capitalised as in prose.
fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// "41C", "104F": a temperature glued to the digits, ended there ("5G", "3Com" are not);
/// Celsius in a range news reports, Fahrenheit only among words of weather or heat.
fn temperature_at(text: &str, start: usize, pos: usize, value: f64) -> Option<Unit> {
    let c = char_at(text, pos)?;
    if char_at(text, pos + 1).is_some_and(|n| n.is_alphanumeric() || n == '-') {
        return None;
    }
    if char_before(text, start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    // "41C in Seville", "41C yesterday"; but "the 3C plan" names a thing.
    let next_ok = next_word(text, pos + 1).is_none_or(|(a, b)| {
        let w = text[a..b].to_ascii_lowercase();
        !char_at(text, a).is_some_and(char::is_lowercase)
            || lexicon::is_stop_word(&w)
            || matches!(
                w.as_str(),
                "yesterday" | "today" | "tonight" | "overnight" | "last" | "this" | "earlier"
            )
    });
    if !next_ok {
        return None;
    }
    let name = match c {
        'C' if (-90.0..=60.0).contains(&value) => "°C",
        'F' if (-130.0..=135.0).contains(&value)
            && context::temperature_cue(text, start, pos + 1) =>
        {
            "°F"
        }
        _ => return None,
    };
    Some(Unit {
        start: pos,
        end: pos + 1,
        name: Cow::Borrowed(name),
        kind: UnitKind::Measure,
        per: None,
        word: false,
    })
}

/// End of a run glued to the digits at `i` (letters, digits, inner hyphens, slashes, dots):
/// the whole code is skipped, so that no part of it is read as a figure.
fn glued_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        let inner = matches!(c, '-' | '/' | '.' | ':' | '_' | ',' | '+')
            && char_at(text, i + 1).is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// End of a telephone number after "+": digit groups separated by spaces, dots, hyphens or
/// brackets.
fn phone_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let separator = matches!(bytes[i], b' ' | b'-' | b'.' | b'(' | b')')
            && bytes[i + 1..].iter().take(2).any(u8::is_ascii_digit);
        if bytes[i].is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Whether "one" or "a" written in words takes this unit: words and lower-case symbols ("one
/// km"), not codes or capitals, which after "one" name a model ("CORE One L", "One CAD").
fn word_fit(text: &str, u: &Unit) -> bool {
    u.word || char_at(text, u.start).is_some_and(char::is_lowercase)
}

/// Could this word start a number written in words?
fn is_start_word(w: &str) -> bool {
    // The first letters of number words: most words are rejected here.
    let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(
        first,
        Some(b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b'o' | b's' | b't' | b'z')
    ) {
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(w) = lower_small(w, &mut buf) else {
        return false;
    };
    lexicon::small_number(w).is_some()
        || lexicon::tens_number(w).is_some()
        || lexicon::vague_plural(w).is_some()
        || matches!(w, "a" | "an" | "half" | "several" | "zero")
}

/// Does a plural noun in lower case follow the number ending at `end`, right after it or
/// after one modifier ("8 armoured vehicles", "24 radars")? A model number is followed by a
/// singular or by nothing ("Power of Siberia 2 pipeline").
fn counts_plural_after(text: &str, end: usize) -> bool {
    let lower_plural = |(s, e): (usize, usize)| {
        let w = &text[s..e];
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.starts_with(|c: char| c.is_ascii_lowercase())
    };
    let Some(first) = around::next_word(text, end) else {
        return false;
    };
    lower_plural(first)
        || text[first.0..first.1].starts_with(|c: char| c.is_ascii_lowercase())
            && around::next_word(text, first.1).is_some_and(lower_plural)
}
