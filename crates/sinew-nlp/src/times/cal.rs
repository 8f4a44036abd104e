//! Calendar arithmetic on inclusive date periods, and their TIMEX3-style values.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
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

pub(crate) fn span(start: NaiveDate, end: NaiveDate, grain: Grain) -> Period {
    Period { start, end, grain }
}

pub(crate) fn day(d: NaiveDate) -> Period {
    span(d, d, Grain::Day)
}

pub(crate) fn year(y: i32) -> Option<Period> {
    Some(span(date(y, 1, 1)?, date(y, 12, 31)?, Grain::Year))
}

pub(crate) fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    date(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

pub(crate) fn month(y: i32, m: u32) -> Option<Period> {
    Some(span(date(y, m, 1)?, last_of_month(y, m)?, Grain::Month))
}

/// Months `first..=first+count-1` of year `y` (the end may run into the next year).
pub(crate) fn months(y: i32, first: u32, count: u32, grain: Grain) -> Option<Period> {
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

/// Century `n` in the common reckoning: the 21st century is 2000-2099.
pub(crate) fn century(n: u32) -> Option<Period> {
    let first = i32::try_from(n.checked_sub(1)?.checked_mul(100)?).ok()?;
    let start = date(first, 1, 1)?;
    let end = date(first + 99, 12, 31)?;
    Some(span(start, end, Grain::Century))
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

/// ISO week `w` of ISO year `y`.
pub(crate) fn iso_week(y: i32, w: u32) -> Option<Period> {
    let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
    week(monday)
}

/// The last ISO week of ISO year `y`.
pub(crate) fn last_iso_week(y: i32) -> Option<Period> {
    // 28 December always lies in the last ISO week of its year
    week(date(y, 12, 28)?)
}

/// Saturday and Sunday of the ISO week holding `d`.
pub(crate) fn weekend(d: NaiveDate) -> Option<Period> {
    let w = week(d)?;
    Some(span(
        w.start.checked_add_days(Days::new(5))?,
        w.end,
        Grain::Week,
    ))
}

/// The weekend nearest to `d`: the one just past early in the week, else the coming one.
pub(crate) fn nearest_weekend(d: NaiveDate) -> Option<Period> {
    if d.weekday().num_days_from_monday() < 2 {
        weekend(d.checked_sub_days(Days::new(7))?)
    } else {
        weekend(d)
    }
}

/// The calendar period of `unit` that holds `d`.
pub(crate) fn containing(unit: Unit, d: NaiveDate) -> Option<Period> {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Some(day(d)),
        Unit::Week => week(d),
        Unit::Fortnight => {
            let w = week(d)?;
            Some(span(
                w.start,
                w.start.checked_add_days(Days::new(13))?,
                Grain::Week,
            ))
        }
        Unit::Weekend => weekend(d),
        Unit::Month => month(d.year(), d.month()),
        Unit::Quarter => quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => year(d.year()),
        Unit::Decade => decade(d.year().div_euclid(10) * 10),
        Unit::Century => century(u32::try_from(d.year().div_euclid(100) + 1).ok()?),
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
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => days(1),
        Unit::Week | Unit::Weekend => days(7),
        Unit::Fortnight => days(14),
        Unit::Month => step(1),
        Unit::Quarter => step(3),
        Unit::Year => step(12),
        Unit::Decade => step(120),
        Unit::Century => step(1200),
    }
}

/// The calendar period of `unit` holding `d`, moved by `n` whole units.
pub(crate) fn relative(unit: Unit, d: NaiveDate, n: i64) -> Option<Period> {
    let first = containing(unit, d)?.start;
    containing(unit, shift_date(first, unit, n)?)
}

/// `n` whole calendar periods of `unit` next to the one holding `d`: after it (`forward`) or
/// before it ("the last two quarters").
pub(crate) fn whole_units(unit: Unit, d: NaiveDate, n: u32, forward: bool) -> Option<Period> {
    let n = i64::from(n);
    let (a, b) = if forward {
        (relative(unit, d, 1)?, relative(unit, d, n)?)
    } else {
        (relative(unit, d, -n)?, relative(unit, d, -1)?)
    };
    Some(span(a.start, b.end, a.grain))
}

/// The early, middle or late part of a period: thirds of a year or decade, halves of a month
/// (the middle: the 10th to the 20th) and of a week (Monday-Wednesday, Thursday-Sunday; the
/// middle: Tuesday-Thursday); other grains are kept whole.
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
                Part::Early => (1, 15),
                Part::Mid => (10, 20),
                Part::Late => (16, 31),
            };
            date(y, m, a)
                .zip(date(y, m, b).or(last_of_month(y, m)))
                .map(|(s, e)| span(s, e, Grain::Month))
        }
        Grain::Week if p.end > p.start => {
            let (a, b) = match part {
                Part::Early => (0, 2),
                Part::Mid => (1, 3),
                Part::Late => (3, 6),
            };
            p.start
                .checked_add_days(Days::new(a))
                .zip(p.start.checked_add_days(Days::new(b)))
                .map(|(s, e)| span(s, e, Grain::Week))
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
        Grain::Century => {
            let (a, b) = match part {
                Part::Early => (0, 32),
                Part::Mid => (33, 65),
                Part::Late => (66, 99),
            };
            date(y + a, 1, 1)
                .zip(date(y + b, 12, 31))
                .map(|(s, e)| span(s, e, Grain::Century))
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
        Grain::Second | Grain::Minute | Grain::Hour | Grain::Day => {
            format!("{y:04}-{m:02}-{:02}", d.day())
        }
        Grain::Week => {
            let w = d.iso_week();
            let weekend = d.weekday() == Weekday::Sat;
            format!(
                "{:04}-W{:02}{}",
                w.year(),
                w.week(),
                if weekend { "-WE" } else { "" }
            )
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
        Grain::Century => format!("{:02}", y.div_euclid(100)),
    }
}

/// The grain a counted unit is measured in.
pub(crate) fn unit_grain(unit: Unit) -> Grain {
    match unit {
        Unit::Second => Grain::Second,
        Unit::Minute => Grain::Minute,
        Unit::Hour => Grain::Hour,
        Unit::Day => Grain::Day,
        Unit::Weekend | Unit::Week | Unit::Fortnight => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century => Grain::Century,
    }
}

/// An ISO 8601 duration for a sum of counted units: "P3Y", "P2W", "PT1H30M", "P1.5Y".
/// Weekends count two days, fortnights two weeks, quarters three months, decades and
/// centuries ten and a hundred years.
pub(crate) fn duration(parts: &[(f64, Unit)]) -> String {
    // Y M W D H M S
    let mut f = [0f64; 7];
    for &(n, unit) in parts {
        let (slot, per) = match unit {
            Unit::Century => (0, 100.0),
            Unit::Decade => (0, 10.0),
            Unit::Year => (0, 1.0),
            Unit::Quarter => (1, 3.0),
            Unit::Month => (1, 1.0),
            Unit::Fortnight => (2, 2.0),
            Unit::Week => (2, 1.0),
            Unit::Weekend => (3, 2.0),
            Unit::Day => (3, 1.0),
            Unit::Hour => (4, 1.0),
            Unit::Minute => (5, 1.0),
            Unit::Second => (6, 1.0),
        };
        f[slot] += n * per;
    }
    let mut s = String::from("P");
    for (v, code) in f[..4].iter().zip(["Y", "M", "W", "D"]) {
        if *v > 0.0 {
            s.push_str(&number(*v));
            s.push_str(code);
        }
    }
    if f[4..].iter().any(|v| *v > 0.0) {
        s.push('T');
        for (v, code) in f[4..].iter().zip(["H", "M", "S"]) {
            if *v > 0.0 {
                s.push_str(&number(*v));
                s.push_str(code);
            }
        }
    }
    if s == "P" {
        s.push_str("0D");
    }
    s
}

/// A duration whose count is unstated ("a few days"), TIMEX3-style: "PXD".
pub(crate) fn vague_duration(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day | Unit::Weekend => "PXD",
        Unit::Week | Unit::Fortnight => "PXW",
        Unit::Month | Unit::Quarter => "PXM",
        Unit::Year | Unit::Decade | Unit::Century => "PXY",
    }
}

/// A count as ISO 8601 writes it: "3", "1.5", "0.25".
fn number(v: f64) -> String {
    let rounded = (v * 1000.0).round() / 1000.0;
    format!("{rounded}")
}

/// Easter Sunday of year `y` (Gregorian computus).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th `weekday` of a month (`n` 0: the last).
pub(crate) fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let last = last_of_month(y, m)?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return last.checked_sub_days(Days::new(u64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, weekday, u8::try_from(n).ok()?)
}

/// Holidays news mentions by name, with the rule that dates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// A fixed day of the year.
    Fixed(u32, u32),
    /// Easter Sunday plus a number of days.
    Easter(i64),
    /// The `n`th weekday of a month (0: the last), plus a number of days.
    Nth(u32, Weekday, u32, i64),
}

impl Holiday {
    pub(crate) fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => date(y, m, d),
            Holiday::Easter(shift) => shift_date(easter(y)?, Unit::Day, shift),
            Holiday::Nth(m, wd, n, shift) => {
                shift_date(nth_weekday(y, m, wd, n)?, Unit::Day, shift)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2018), Some(d("2018-04-01")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2000), Some(d("2000-04-23")));
    }

    #[test]
    fn weeks_and_weekends() {
        assert_eq!(iso_week(2015, 1).map(|p| p.start), Some(d("2014-12-29")));
        assert_eq!(last_iso_week(2019).map(|p| p.start), Some(d("2019-12-23")));
        assert_eq!(
            weekend(d("2016-11-11")).map(|p| (p.start, p.end)),
            Some((d("2016-11-12"), d("2016-11-13")))
        );
        assert_eq!(
            nearest_weekend(d("2024-06-24")).map(|p| p.start),
            Some(d("2024-06-22"))
        );
    }

    #[test]
    fn iso_durations() {
        assert_eq!(duration(&[(3.0, Unit::Year)]), "P3Y");
        assert_eq!(
            duration(&[(1.0, Unit::Hour), (30.0, Unit::Minute)]),
            "PT1H30M"
        );
        assert_eq!(duration(&[(1.5, Unit::Hour)]), "PT1.5H");
        assert_eq!(duration(&[(1.0, Unit::Decade)]), "P10Y");
        assert_eq!(duration(&[(3.0, Unit::Weekend)]), "P6D");
    }

    #[test]
    fn holidays() {
        let thanksgiving = Holiday::Nth(11, Weekday::Thu, 4, 0);
        assert_eq!(thanksgiving.in_year(2023), Some(d("2023-11-23")));
        let memorial = Holiday::Nth(5, Weekday::Mon, 0, 0);
        assert_eq!(memorial.in_year(2024), Some(d("2024-05-27")));
        assert_eq!(Holiday::Easter(0).in_year(2017), Some(d("2017-04-16")));
    }
}
