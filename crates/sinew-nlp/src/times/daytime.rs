//! Times within a day beyond a bare clock reading: parts of the day ("this morning",
//! "tonight", "Tuesday evening", "overnight"), clock ranges ("between 9 and 11 a.m.", "from
//! 5 to 7 pm") and a clock time joined to its date ("at 5 pm on March 3", "March 3 at 14:30
//! GMT").
//!
//! Values follow TIMEX3: a part of the day is its date with TIMEX3's part code
//! ("2024-06-21TMO", "TAF", "TEV", "TNI"), a clock time on a date is "2024-03-03T17:00", and a
//! clock range is its two ends ("T09:00/T11:00", each end dated when the range has a date).
//! Choices, and why:
//! - a part of the day is a `Point` of grain `Day` carrying its date, so a figure it dates
//!   gets that day; a clock time or range on a date keeps the hour or minute grain and gains
//!   the dates, so claims may use it (an undated clock time still dates nothing);
//! - "last night" is the evening before publication, "tonight" publication's; "overnight" is
//!   the night that ended on the publication day (the night before it), or the coming night in
//!   a clause about the future; it is read only as an adverb (before punctuation, a
//!   preposition or a weekday), because "overnight trading" and "an overnight stay" describe a
//!   thing;
//! - a clock range needs a signal ("between", "from") or a dash between its ends, and its
//!   first end may leave the meridiem to the second ("5 to 7 pm" is 17:00 to 19:00, "10 to 2
//!   pm" 10:00 to 14:00): the earliest reading that ends after it begins;
//! - a clock time joins a date after it only through "on" or directly ("5 pm Tuesday"), and a
//!   date joins a clock time after it only through "at" ("Tuesday at 5 pm"): a comma between
//!   them more often ends a fronted phrase ("At 5 pm, Russia said it had shipped ... in
//!   2023").

use chrono::{Datelike, NaiveDate};
use sinew_types::{Grain, TimeKind};

use super::cal;
use super::grammar::{Found, Grammar, DASHES};
use super::lex::{Kind, Kw, Unit};

/// The parts of the day, with TIMEX3's codes.
const PARTS: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// Words after "overnight" that keep it an adverb of time.
const AFTER_OVERNIGHT: &[&str] = &[
    "on", "in", "into", "to", "and", "as", "at", "from", "while", "after", "before", "with",
    "when", "but", "amid", "despite",
];

impl Grammar<'_> {
    /// The longest of this file's forms starting at token `i`.
    pub(super) fn daytime_forms(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind == Kind::Punct {
            return None;
        }
        [self.day_part(i), self.clock_range(i)]
            .into_iter()
            .flatten()
            .max_by_key(|f| f.end)
    }

    /// The TIMEX3 code of the part-of-day word at `k`.
    fn part_at(&self, k: usize) -> Option<&'static str> {
        let t = self.tok(k)?;
        if t.kind != Kind::Word || t.text.len() < 5 || t.text.len() > 9 {
            return None;
        }
        PARTS
            .iter()
            .find(|(w, _)| t.text.eq_ignore_ascii_case(w))
            .map(|(_, c)| *c)
    }

    /// "this morning", "tonight", "last night", "overnight", "the evening of March 3".
    fn day_part(&self, i: usize) -> Option<Found> {
        let pubday = |back: i64| {
            self.published
                .and_then(|p| cal::shift_date(p, Unit::Day, -back))
        };
        if self.word_is(i, "tonight") {
            return Some(part_found(i + 1, pubday(0), "NI"));
        }
        if self.word_is(i, "overnight") {
            let next_ok = match self.tok(i + 1) {
                None => true,
                Some(t) if t.kind == Kind::Punct => !DASHES.contains(&t.text),
                Some(t) => {
                    matches!(t.kw, Kw::Weekday(..))
                        || AFTER_OVERNIGHT
                            .iter()
                            .any(|w| t.text.eq_ignore_ascii_case(w))
                }
            };
            if !next_ok || (i > 0 && matches!(self.kw(i - 1), Kw::A | Kw::The)) {
                return None;
            }
            let back = if self.future_tense(i) { 0 } else { 1 };
            return Some(part_found(i + 1, pubday(back), "NI"));
        }
        match self.kw(i) {
            Kw::This => {
                let code = self.part_at(i + 1)?;
                Some(part_found(i + 2, pubday(0), code))
            }
            Kw::Last if self.kw(i + 1) == Kw::Night && self.word_is(i + 1, "night") => {
                Some(part_found(i + 2, pubday(1), "NI"))
            }
            Kw::The => {
                let code = self.part_at(i + 1)?;
                if self.kw(i + 2) != Kw::Of {
                    return None;
                }
                let d = self.at(i + 3)?;
                on_day(&d).then(|| with_part(d, code))
            }
            _ => None,
        }
    }

    /// "between 9 and 11 a.m.", "from 5 to 7 pm", "from 9 a.m. to 5 p.m.", "9-11 a.m.".
    fn clock_range(&self, i: usize) -> Option<Found> {
        let signal = matches!(self.kw(i), Kw::Between | Kw::From);
        let j = if signal { i + 1 } else { i };
        let full = self.clock(j);
        let (first, k) = match &full {
            Some(f) => (hour_minute(f)?, f.end),
            None => {
                let (h, e) = self.bare_hour(j)?;
                ((h, None, false), e)
            }
        };
        let sep = match self.kw(k) {
            Kw::And => self.kw(i) == Kw::Between,
            Kw::To | Kw::Until | Kw::Through => signal,
            _ => self.punct(k, DASHES),
        };
        if !sep {
            return None;
        }
        let second = self.clock(k + 1)?;
        let (h2, m2, _) = hour_minute(&second)?;
        let (mut h1, m1, stated) = first;
        if !stated {
            // the second end's meridiem, when that keeps the first before it
            if h2 >= 12 && h1 < 12 && h1 + 12 <= h2 {
                h1 += 12;
            }
        }
        let grain = if m1.is_some() || m2.is_some() {
            Grain::Minute
        } else {
            Grain::Hour
        };
        Some(Found {
            end: second.end,
            kind: TimeKind::Range,
            grain,
            start_date: None,
            end_date: None,
            timex: Some(format!("{}/{}", clock_value(h1, m1), clock_value(h2, m2))),
        })
    }

    /// A bare hour 1-12, in digits or a word, with perhaps its minutes ("9", "nine", "9:30").
    fn bare_hour(&self, j: usize) -> Option<(u32, usize)> {
        let t = self.tok(j)?;
        let h = match t.kw {
            Kw::Number(n) => n,
            _ if t.kind == Kind::Num && t.text.len() <= 2 => t.text.parse().ok()?,
            _ => return None,
        };
        (1..=12).contains(&h).then_some((h, j + 1))
    }

    /// `f` joined to the date or clock time next to it: "5 pm on March 3", "March 3 at 14:30
    /// GMT", "Tuesday evening"; `f` unchanged when nothing joins.
    pub(super) fn join_day(&self, f: Found) -> Found {
        if is_clock(&f) {
            let k = if self.kw(f.end) == Kw::On {
                f.end + 1
            } else {
                f.end
            };
            let datelike = matches!(
                self.kw(k),
                Kw::Weekday(..)
                    | Kw::Month(..)
                    | Kw::Today
                    | Kw::Yesterday
                    | Kw::Tomorrow
                    | Kw::The
                    | Kw::This
                    | Kw::Next
                    | Kw::Last
            ) || (k > f.end && self.tok(k).is_some_and(|t| t.kind == Kind::Num));
            if datelike {
                if let Some(d) = self.at(k).filter(on_day) {
                    return on_date(f, &d, d.end);
                }
            }
            return f;
        }
        if !on_day(&f) {
            return f;
        }
        if let Some(code) = self.part_at(f.end) {
            let end = f.end + 1;
            return Found {
                end,
                ..with_part(f, code)
            };
        }
        if self.kw(f.end) == Kw::At {
            let c = [self.clock(f.end + 1), self.clock_range(f.end + 1)]
                .into_iter()
                .flatten()
                .max_by_key(|c| c.end);
            if let Some(c) = c {
                let end = c.end;
                return on_date(c, &f, end);
            }
        }
        f
    }
}

/// An undated clock time or clock range.
fn is_clock(f: &Found) -> bool {
    matches!(f.grain, Grain::Hour | Grain::Minute)
        && f.start_date.is_none()
        && matches!(f.kind, TimeKind::Point | TimeKind::Range)
        && f.timex.as_deref().is_some_and(|v| v.starts_with('T'))
}

/// A single day, named as a date ("March 3", "Tuesday", "yesterday"), with no time yet.
fn on_day(f: &Found) -> bool {
    f.kind == TimeKind::Point
        && f.grain == Grain::Day
        && f.timex
            .as_deref()
            .is_none_or(|v| !v.contains('T') && v != "PRESENT_REF")
}

/// Clock `c` on the day `d`, ending at token `end`.
fn on_date(c: Found, d: &Found, end: usize) -> Found {
    let clock = c.timex.unwrap_or_default();
    let timex = match &d.timex {
        Some(day) => clock
            .split('/')
            .map(|t| format!("{day}{t}"))
            .collect::<Vec<_>>()
            .join("/"),
        None => clock,
    };
    Found {
        end,
        kind: c.kind,
        grain: c.grain,
        start_date: d.start_date,
        end_date: d.end_date,
        timex: Some(timex),
    }
}

/// The day `d` narrowed to a part of it.
fn with_part(d: Found, code: &str) -> Found {
    let timex = d.timex.as_ref().map(|v| format!("{v}T{code}"));
    Found { timex, ..d }
}

fn part_found(end: usize, day: Option<NaiveDate>, code: &str) -> Found {
    let timex = day.map_or_else(
        || format!("T{code}"),
        |d| format!("{:04}-{:02}-{:02}T{code}", d.year(), d.month(), d.day()),
    );
    Found {
        end,
        kind: TimeKind::Point,
        grain: Grain::Day,
        start_date: day,
        end_date: day,
        timex: Some(timex),
    }
}

/// Hour, minute and whether the meridiem was stated, of a clock time found alone.
fn hour_minute(f: &Found) -> Option<(u32, Option<u32>, bool)> {
    let v = f.timex.as_deref()?.strip_prefix('T')?;
    let (h, m) = v.split_once(':')?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let minute = (f.grain == Grain::Minute).then_some(m);
    Some((h, minute, true))
}

fn clock_value(h: u32, m: Option<u32>) -> String {
    format!("T{h:02}:{:02}", m.unwrap_or(0))
}
