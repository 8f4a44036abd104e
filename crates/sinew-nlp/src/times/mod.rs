//! Time expressions, resolved against the publication date when it is known.
//!
//! One left-to-right pass over a light token stream ([`lex`]): at each token the grammar below
//! tries the forms that can start there, keeps the longest, and jumps past it, so matches never
//! overlap and the cost stays linear in the text. Each form looks at a handful of tokens only.
//!
//! Span convention: TIMEX3's, for every form ([`signals`] applies it). Signal words are
//! outside the span: plain prepositions ("in", "on", "at", "for", "during"), the words before
//! a clock time ("at 5 pm"), the present ("at present") and an unstated length ("for years"),
//! and the signals that make an interval ("since", "by", "until", "through", "before",
//! "after", "post-", "from", "no later than", "as early as", "starting", a trailing "or
//! later"); the `TimeKind` keeps what such a signal meant (`Since`, `Until`, `Range`).
//! Determiners and modifiers are inside ("the past three years", "the end of 2023", "the
//! previous year", "early 2024", "last month", "the third quarter of fiscal 2024"). "between
//! X and Y" is two expressions, X and Y, each valued alone (an end that borrows its year from
//! the other takes it), as TIMEX3 annotators write two DATEs; when an end does not read alone
//! ("between 9 and 11 a.m.", "between May 16 and 17") it is one `Range` without "between".
//! "from X to Y" (or "through", "until", a dash) is two expressions likewise, one `Range`
//! without "from" when an end does not read alone. "the past three years", "within a decade"
//! are a `Range` with its dates, valued as the length TIMEX3 writes ("P3Y", "P10Y"), "within"
//! outside. Relative expressions need the publication
//! date; without it they are still reported, with no dates and no value. "The previous year"
//! and its kin count from the last resolved expression before them (the discourse anchor),
//! else from publication.
//!
//! Reading policy, for news (each case of the DateTimeModel dev spec that Sinew reads
//! otherwise on purpose is listed by `cargo xtask eval-times` with its policy):
//! - a date without its year is the latest on or before publication, the next one in a clause
//!   about the future (will, scheduled, due); "last/next Tuesday" is Tuesday of the calendar
//!   week before/after publication's, "this past Tuesday" the latest;
//! - a closed range covers its last named period whole ("between 2021 and 2023" ends
//!   2023-12-31); "after X" starts the day after X, "after the beginning of X" with X; "before
//!   the end of X" ends with X;
//! - counted offsets ("two years ago", "in two weeks") resolve at the unit's precision;
//!   "earlier/later this year" is the part before/after publication; early/late halves of
//!   months and weeks, thirds of years;
//! - unstated counts ("a few days") stay unstated (TIMEX3 `PXD`); fiscal years and impossible
//!   dates ("Feb 30") are named without dates;
//! - a four-digit number 1900-2100 is a year without a cue word ("the 2022 invasion") unless it
//!   counts ("2000 troops"), is part of a code or numeric range, or follows a word that numbers
//!   things ("Resolution 2070", "Flight 2015");
//! - parts of the day ("this morning", "tonight", "Tuesday evening", "overnight") are their
//!   day with TIMEX3's part code ("2024-06-21TMO"); clock ranges ("from 5 to 7 pm") are
//!   "T17:00/T19:00"; a clock time joined to its date ("at 5 pm on March 3", "March 3 at
//!   14:30 GMT") is one expression, "2024-03-03T17:00", with the date's dates (`daytime.rs`);
//! - a bare quarter ("Q3") is the latest that has begun, or in a clause about the future the
//!   next that has not ended; "the third quarter" and "the first half" without a year are
//!   read so only in a sentence of business words (sales, profit, GDP, %) and none of sport
//!   (a game has quarters and halves too);
//! - "until X", "by X" look ahead, except in a clause told in the past ("the truce lasted
//!   until mid-January": the latest mid-January);
//! - fiscal years are valued as TIMEX3 writes them ("fiscal 2023", "FY23": FY2023; "last
//!   fiscal year" from publication; FYXXXX with no year), still undated;
//! - clock times ("5 pm", "14:30 GMT", "noon") alone carry no dates, only TIMEX3's "T17:00" and the
//!   hour or minute grain; recurring times are `TimeKind::Set` with their period ("P1M",
//!   "XXXX-WXX-1") and no dates; "now", "currently", "at present" are the publication day,
//!   valued PRESENT_REF; "for years", "in decades", "in recent weeks" are durations of
//!   unstated length (PXY, PXDE, PXW, as TimeBank writes "recent weeks"); "the three months
//!   to September", "the year to March", "the six months ended June 30" are one `Range` that
//!   ends with the named period (read in the past), valued at its grain ("2023-07/2023-09"); fiscal quarters ("the third quarter of fiscal 2024") are valued "FY2024-Q3" and
//!   not dated, as fiscal years are not (`clock.rs` gives the reasons).
//!
//! Refused on purpose (regressions in `tests/times.rs`): model numbers (i5-1235U), fractions
//! (1/16 inch), "24/7", "9/11", phone numbers, "h1" headings, "monday.com", "may"/"march" as
//! words, "at the end of the day", "the last day of", "the Sunday Times", "the March on Rome",
//! "3:16" or "2:1" without a time cue, "the Daily Mail".

mod cal;
mod clock;
mod dates;
mod daytime;
mod durations;
mod grammar;
mod lex;
mod relative;
mod signals;

use chrono::NaiveDate;
use sinew_types::{Span, TimeExpr, TimeKind};

/// Finds the time expressions of `text`, sorted by start and non-overlapping.
///
/// `published` is the article's publication date; relative expressions ("last December",
/// "this week", "two years ago") are resolved against it, and left without dates when it is
/// `None`.
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = lex::tokenize(text);
    let mut g = grammar::Grammar::new(&toks, text, published);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = g.at(i) else {
            i += 1;
            continue;
        };
        let next = found.end.max(i + 1);
        for part in g.timex_parts(i, found) {
            let found = part.found;
            let span = Span::new(toks[part.first].start, toks[part.end - 1].end);
            if found.kind != TimeKind::Duration {
                if let Some(d) = found.start_date.or(found.end_date) {
                    g.set_anchor(d);
                }
            }
            out.push(TimeExpr {
                span,
                text: text[span.start..span.end].to_string(),
                start_date: found.start_date,
                end_date: found.end_date,
                grain: found.grain,
                kind: found.kind,
                timex: found
                    .timex
                    .or_else(|| fiscal_timex(&text[span.start..span.end], found.grain, published)),
            });
        }
        i = next;
    }
    out
}

/// TIMEX3's value for a fiscal year, which Sinew does not date: "fiscal 2023" and "FY2023"
/// are "FY2023", "FY24" is "FY2024", "last fiscal year" counts from publication, and a fiscal
/// year with no year named is "FYXXXX".
fn fiscal_timex(
    words: &str,
    grain: sinew_types::Grain,
    published: Option<NaiveDate>,
) -> Option<String> {
    use chrono::Datelike;
    if grain != sinew_types::Grain::Year {
        return None;
    }
    let lower = words.to_ascii_lowercase();
    let code = lower.starts_with("fy");
    if !code && !lower.contains("fiscal") {
        return None;
    }
    // A range of fiscal years, "fiscal 2015 to fiscal 2024", "FY23-FY25", "fiscal 2022
    // through 2024": both ends, as TIMEX3 writes a range.
    let ends = [" to ", " through ", " until ", "-", "\u{2013}"]
        .iter()
        .find_map(|sep| lower.split_once(sep));
    if let Some((a, b)) = ends {
        let year_of = |part: &str| {
            let part = part.trim();
            let digits: String = part.chars().filter(char::is_ascii_digit).collect();
            let fy = part.starts_with("fy") || code;
            match digits.len() {
                4 if part.len() <= digits.len() + 7 => digits.parse::<i32>().ok(),
                2 if fy && part.len() <= 4 => digits.parse::<i32>().ok().map(|y| 2000 + y),
                _ => None,
            }
        };
        if let (Some(x), Some(y)) = (year_of(a), year_of(b)) {
            return Some(format!("FY{x}/FY{y}"));
        }
    }
    let digits: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year = match digits.len() {
        4 => digits.parse::<i32>().ok(),
        2 if code => digits.parse::<i32>().ok().map(|y| 2000 + y),
        _ => {
            let shift = if lower.starts_with("last ") || lower.starts_with("previous ") {
                Some(-1)
            } else if lower.starts_with("next ") {
                Some(1)
            } else if lower.starts_with("this ") || lower.starts_with("current ") {
                Some(0)
            } else {
                None
            };
            shift.zip(published).map(|(n, p)| p.year() + n)
        }
    };
    Some(match year {
        Some(y) => format!("FY{y}"),
        None => "FYXXXX".to_string(),
    })
}

/// The closed range a "between X and Y" or "from X to Y" pair of `times` states, when `t` is
/// one of the pair:
/// TIMEX3 writes two dates, but a figure dated by either is dated by both ("grew 64.2%
/// between 2021 and 2023" is a change over 2021-2023). The range spans "X and Y" (the signal
/// stays outside, as for every time), runs from X's first day to Y's last, and is valued
/// "X/Y".
pub(crate) fn between_range(text: &str, times: &[TimeExpr], t: &TimeExpr) -> Option<TimeExpr> {
    let k = times.iter().position(|x| x.span == t.span)?;
    let pair = |a: &TimeExpr, b: &TimeExpr| {
        let lead = text.get(..a.span.start)?.trim_end();
        let gap = text.get(a.span.end..b.span.start)?.trim();
        let opener = lead.rsplit(char::is_whitespace).next().unwrap_or("");
        let joins = if opener.eq_ignore_ascii_case("between") {
            gap.eq_ignore_ascii_case("and")
        } else if opener.eq_ignore_ascii_case("from") {
            ["to", "through", "until", "till", "-", "\u{2013}"]
                .iter()
                .any(|w| gap.eq_ignore_ascii_case(w))
        } else {
            false
        };
        (joins && a.kind == TimeKind::Point && b.kind == TimeKind::Point).then(|| {
            let span = Span::new(a.span.start, b.span.end);
            TimeExpr {
                span,
                text: text[span.start..span.end].to_string(),
                start_date: a.start_date,
                end_date: b.end_date,
                grain: a.grain,
                kind: TimeKind::Range,
                timex: a
                    .timex
                    .as_ref()
                    .zip(b.timex.as_ref())
                    .map(|(x, y)| format!("{x}/{y}")),
            }
        })
    };
    let before = k.checked_sub(1).and_then(|j| pair(&times[j], t));
    before.or_else(|| times.get(k + 1).and_then(|n| pair(t, n)))
}
