//! Calendar arithmetic on inclusive date periods, and their TIMEX3-style values.

use chrono::{Datelike, Days, Months, NaiveDate};
use sinew_types::Grain;

use super::lex::Unit;

/// An inclusive run of days with the granularity it was named at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    pub(crate) grain: Grain,
}

/// A part of a period: "early 2024", "mid-December", "the end of 2023".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn span(start: NaiveDate, end: NaiveDate, grain: Grain) -> Period {
    Period { start, end, grain }
}

pub(crate) fn day(d: NaiveDate) -> Period {
    span(d, d, Grain::Day)
}

pub(crate) fn year(y: i32) -> Option<Period> {
    Some(span(date(y, 1, 1)?, date(y, 12, 31)?, Grain::Year))
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    date(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

pub(crate) fn month(y: i32, m: u32) -> Option<Period> {
    Some(span(date(y, m, 1)?, last_of_month(y, m)?, Grain::Month))
}

/// Months `first..=first+count-1` of year `y` (the end may run into the next year).
fn months(y: i32, first: u32, count: u32, grain: Grain) -> Option<Period> {
    let start = date(y, first, 1)?;
    let end = start.checked_add_months(Months::new(count))?.pred_opt()?;
    Some(span(start, end, grain))
}

pub(crate) fn quarter(y: i32, q: u32) -> Option<Period> {
    (1..=4).contains(&q).then_some(())?;
    months(y, 3 * q - 2, 3, Grain::Quarter)
}

pub(crate) fn half(y: i32, h: u32) -> Option<Period> {
    (1..=2).contains(&h).then_some(())?;
    months(y, 6 * h - 5, 6, Grain::Half)
}

/// Northern-hemisphere meteorological seasons; winter `y` runs from December `y` into `y + 1`.
pub(crate) fn season(y: i32, s: u32) -> Option<Period> {
    (s < 4).then_some(())?;
    months(y, 3 * s + 3, 3, Grain::Season)
}

pub(crate) fn decade(first_year: i32) -> Option<Period> {
    let start = date(first_year, 1, 1)?;
    let end = date(first_year.checked_add(9)?, 12, 31)?;
    Some(span(start, end, Grain::Decade))
}

/// The ISO week (Monday to Sunday) holding `d`.
pub(crate) fn week(d: NaiveDate) -> Option<Period> {
    let back = u64::from(d.weekday().num_days_from_monday());
    let start = d.checked_sub_days(Days::new(back))?;
    Some(span(
        start,
        start.checked_add_days(Days::new(6))?,
        Grain::Week,
    ))
}

/// The calendar period of `unit` that holds `d`.
pub(crate) fn containing(unit: Unit, d: NaiveDate) -> Option<Period> {
    match unit {
        Unit::Day => Some(day(d)),
        Unit::Week => week(d),
        Unit::Month => month(d.year(), d.month()),
        Unit::Quarter => quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => year(d.year()),
        Unit::Decade => decade(d.year().div_euclid(10) * 10),
    }
}

/// `d` moved by `n` units (negative: back), clamping the day of month.
pub(crate) fn shift_date(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let step = |months: u32| -> Option<NaiveDate> {
        let total = Months::new(u32::try_from(n.unsigned_abs()).ok()?.checked_mul(months)?);
        if n < 0 {
            d.checked_sub_months(total)
        } else {
            d.checked_add_months(total)
        }
    };
    let days = |per: u64| -> Option<NaiveDate> {
        let total = Days::new(n.unsigned_abs().checked_mul(per)?);
        if n < 0 {
            d.checked_sub_days(total)
        } else {
            d.checked_add_days(total)
        }
    };
    match unit {
        Unit::Day => days(1),
        Unit::Week => days(7),
        Unit::Month => step(1),
        Unit::Quarter => step(3),
        Unit::Year => step(12),
        Unit::Decade => step(120),
    }
}

/// The calendar period of `unit` holding `d`, moved by `n` whole units.
pub(crate) fn relative(unit: Unit, d: NaiveDate, n: i64) -> Option<Period> {
    let first = containing(unit, d)?.start;
    containing(unit, shift_date(first, unit, n)?)
}

/// The early, middle or late third of a year, month or decade; other grains are kept whole.
pub(crate) fn narrow(p: Period, part: Part) -> Period {
    let (y, m) = (p.start.year(), p.start.month());
    let cut = match p.grain {
        Grain::Year => match part {
            Part::Early => months(y, 1, 4, Grain::Year),
            Part::Mid => months(y, 5, 4, Grain::Year),
            Part::Late => months(y, 9, 4, Grain::Year),
        },
        Grain::Month => {
            let (a, b) = match part {
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, 31),
            };
            date(y, m, a)
                .zip(date(y, m, b).or(last_of_month(y, m)))
                .map(|(s, e)| span(s, e, Grain::Month))
        }
        Grain::Decade => {
            let (a, b) = match part {
                Part::Early => (0, 3),
                Part::Mid => (4, 6),
                Part::Late => (7, 9),
            };
            date(y + a, 1, 1)
                .zip(date(y + b, 12, 31))
                .map(|(s, e)| span(s, e, Grain::Decade))
        }
        _ => None,
    };
    cut.unwrap_or(p)
}

/// The TIMEX3-style value of a period, read from its start and grain.
pub(crate) fn timex(p: &Period) -> String {
    let d = p.start;
    let (y, m) = (d.year(), d.month());
    match p.grain {
        Grain::Day => format!("{y:04}-{m:02}-{:02}", d.day()),
        Grain::Week => {
            let w = d.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Grain::Month => format!("{y:04}-{m:02}"),
        Grain::Season => {
            let code = match m {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            format!("{y:04}-{code}")
        }
        Grain::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
        Grain::Half => format!("{y:04}-H{}", (m - 1) / 6 + 1),
        Grain::Year => format!("{y:04}"),
        Grain::Decade => format!("{:03}", y.div_euclid(10)),
    }
}

/// The grain a counted unit is measured in.
pub(crate) fn unit_grain(unit: Unit) -> Grain {
    match unit {
        Unit::Day => Grain::Day,
        Unit::Week => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
    }
}

/// A TIMEX3 duration value: "P3Y", "P2W", "P1DE".
pub(crate) fn duration(unit: Unit, n: u32) -> String {
    let code = match unit {
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
    };
    format!("P{n}{code}")
}
