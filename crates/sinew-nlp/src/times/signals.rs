//! Where a found expression's span starts and ends under the TIMEX3 convention, and which
//! found ranges TIMEX3 writes as two expressions.
//!
//! The grammar matches a signal word together with the date it governs, because the signal
//! decides the meaning ("since May" is an open interval from May, "by May" one up to it). The
//! span reported is the date alone, as TimeML annotates it: the signal ("since", "by",
//! "until", "through", "before", "after", "post-", "from", "between", "no later than", "as
//! early as", "starting", and a trailing "or later"/"and before") stays outside, while the
//! `TimeKind` keeps what it meant (`Since`, `Until`, `Range`).
//!
//! "between X and Y" and "from X to Y" (or "through", "until", a dash) are two expressions,
//! each valued alone, as TIMEX3 annotators write them (two DATEs, the signals outside both):
//! "between 2021 and 2023" gives "2021" and "2023", "from May through the end of 2023" gives
//! "May" and "the end of 2023". An end that borrows its year from the other ("between May and July
//! 2023") takes the year the range gave it. When an end does not read as a time by itself
//! ("between 9 and 11 a.m.", "between May 16 and 17") the range stays one expression, kind
//! `Range`, whose span leaves out "between" or "from". A consumer that dates a figure joins
//! the two ends again (`times::between_range`). "within a decade" leaves "within" out.

use chrono::{Datelike, NaiveDate};
use sinew_types::TimeKind;

use super::cal;
use super::grammar::{Found, Grammar, DASHES};
use super::lex::{Kw, Unit};

/// One expression to report: its first and one-past-last tokens, and its meaning.
pub(super) struct Part {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) found: Found,
}

impl Grammar<'_> {
    /// The expressions TIMEX3 writes for `f`, found at token `i`: one, without its signal
    /// words, or two for "between X and Y".
    pub(super) fn timex_parts(&self, i: usize, f: Found) -> Vec<Part> {
        if f.kind == TimeKind::Range && matches!(self.kw(i), Kw::Between | Kw::From) {
            if let Some([a, b]) = self.split_between(i, &f) {
                return vec![a, b];
            }
        }
        let first = (i + self.lead_signal(i, &f)).min(f.end - 1);
        let end = if self.trail_signal(first, &f) {
            f.end - 2
        } else {
            f.end
        };
        vec![Part {
            first,
            end,
            found: f,
        }]
    }

    /// How many tokens at `i` are a signal word the span leaves out.
    fn lead_signal(&self, i: usize, f: &Found) -> usize {
        // "till date", "to date": the signal is all there is
        if matches!(self.kw(i + 1), Kw::Date | Kw::Current) {
            return 0;
        }
        match f.kind {
            TimeKind::Since | TimeKind::Until => {
                let n = self.interval_signal(i);
                // "until at least June": the hedge is outside with its signal
                if n > 0 && self.word_is(i + n, "at") && self.word_is(i + n + 1, "least") {
                    n + 2
                } else {
                    n
                }
            }
            TimeKind::Range if matches!(self.kw(i), Kw::From | Kw::Between | Kw::Within) => 1,
            _ => 0,
        }
    }

    /// How many tokens at `i` are the signal of an open interval.
    fn interval_signal(&self, i: usize) -> usize {
        match (self.kw(i), self.kw(i + 1), self.kw(i + 2)) {
            (Kw::No | Kw::Not, Kw::Later, Kw::Than) => 3,
            (Kw::As, Kw::Early | Kw::Late, Kw::As) => 3,
            (Kw::Unit(Unit::Year, false), Kw::Greater | Kw::Later, Kw::Than) => 3,
            (Kw::Later | Kw::Greater | Kw::Earlier, Kw::Than, _) => 2,
            (Kw::Post, ..) if self.punct(i + 1, DASHES) => 2,
            (Kw::Starting | Kw::Beginning, Kw::On | Kw::From, _) => 2,
            (
                Kw::Since
                | Kw::After
                | Kw::Before
                | Kw::By
                | Kw::Until
                | Kw::Through
                | Kw::Starting
                | Kw::Beginning,
                ..,
            ) => 1,
            _ => 0,
        }
    }

    /// "2018 or later", "1 January and before": an open interval whose signal follows the
    /// date.
    fn trail_signal(&self, first: usize, f: &Found) -> bool {
        matches!(f.kind, TimeKind::Since | TimeKind::Until)
            && f.end >= first + 3
            && matches!(self.kw(f.end - 2), Kw::Or | Kw::And)
            && matches!(
                self.kw(f.end - 1),
                Kw::Later | Kw::After | Kw::Greater | Kw::Earlier | Kw::Before
            )
    }

    /// "between X and Y" as two expressions, when each end reads as a time by itself.
    fn split_between(&self, i: usize, f: &Found) -> Option<[Part; 2]> {
        // "from 2015 to 2019": the longest form at 2015 is the range "2015 to 2019" itself;
        // the first end is then the date alone
        let a = match self.at(i + 1) {
            Some(a) if a.end < f.end => a,
            _ => self.point(i + 1)?,
        };
        let sep = a.end;
        let joined = matches!(self.kw(sep), Kw::And | Kw::To | Kw::Until | Kw::Through)
            || self.punct(sep, DASHES);
        if !joined || sep + 1 >= f.end {
            return None;
        }
        let b = self.at(sep + 1)?;
        if b.end != f.end || a.kind != TimeKind::Point || b.kind != TimeKind::Point {
            return None;
        }
        let a = realign(a, f.start_date, true)?;
        let b = realign(b, f.end_date, false)?;
        Some([
            Part {
                first: i + 1,
                end: sep,
                found: a,
            },
            Part {
                first: sep + 1,
                end: f.end,
                found: b,
            },
        ])
    }
}

/// An end of a range moved to the year the range chose for it (`at` is the range's first
/// day for the first end, its last day for the second); `None` when no year shift makes
/// them agree.
fn realign(mut f: Found, at: Option<NaiveDate>, first: bool) -> Option<Found> {
    let (Some(at), Some(s), Some(e)) = (at, f.start_date, f.end_date) else {
        return Some(f);
    };
    let mine = if first { s } else { e };
    if mine == at {
        return Some(f);
    }
    let years = i64::from(at.year() - mine.year());
    let s = cal::shift_date(s, Unit::Year, years)?;
    let e = cal::shift_date(e, Unit::Year, years)?;
    if (if first { s } else { e }) != at {
        return None;
    }
    f.start_date = Some(s);
    f.end_date = Some(e);
    f.timex = Some(cal::timex(&cal::span(s, e, f.grain)));
    Some(f)
}
