//! Expressions named relative to publication or to the discourse anchor ("last month",
//! "the following year", "two years ago", "earlier this year"), and periods named by their
//! place in a larger one ("the first quarter of 2024", "the last week of July", "the end of
//! 2023", "early 2024").

use chrono::{Datelike, NaiveDate};
use sinew_types::Grain;

use super::cal::{self, Part, Period};
use super::grammar::{Cal, Core, Cue, Dir, Grammar, Val, APOSTROPHES, DASHES};
use super::lex::{Kind, Kw, MonthWord, Unit};

impl Grammar<'_> {
    /// A year named absolutely or relative to publication or the anchor: "2023", "last year",
    /// "the previous year", "that year", "the year". `None` inside when it cannot be resolved.
    pub(super) fn year_ref(&self, i: usize) -> Option<(usize, Option<i32>)> {
        if let Some(y) = self.year4(i, 1000, 2199) {
            return Some((i + 1, Some(y)));
        }
        let is_year = |k: usize| self.kw(k) == Kw::Unit(Unit::Year, false);
        let published = self.published.map(|d| d.year());
        let base = self.base().map(|d| d.year());
        let shift = |y: Option<i32>, n: i32| y.map(|y| y + n);
        match self.kw(i) {
            Kw::Last if is_year(i + 1) => Some((i + 2, shift(published, -1))),
            Kw::This | Kw::Current if is_year(i + 1) => Some((i + 2, published)),
            Kw::Next if is_year(i + 1) => Some((i + 2, shift(published, 1))),
            Kw::That if is_year(i + 1) => Some((i + 2, base)),
            Kw::The => {
                let n = match self.kw(i + 1) {
                    Kw::Previous => -1,
                    Kw::Following | Kw::Next => 1,
                    Kw::Same => 0,
                    Kw::Unit(Unit::Year, false) => return Some((i + 2, base)),
                    _ => return None,
                };
                is_year(i + 2).then_some((i + 3, shift(base, n)))
            }
            _ => None,
        }
    }

    /// "yesterday", "last month", "this week", "next December", "last summer", "two years
    /// ago", "earlier this year", "this calendar year", "the rest of the week".
    pub(super) fn relative(&self, i: usize) -> Option<Core> {
        let day = |n: i64| {
            self.by_published(Grain::Day, |p| {
                Some(cal::day(cal::shift_date(p, Unit::Day, n)?))
            })
        };
        let one = |val| Some(Core::new(i + 1, val));
        // "Russia Today", "USA Today": a capitalised day word inside a name
        let named = self.cap(i)
            && i > 0
            && self
                .tok(i - 1)
                .is_some_and(|t| t.kind == Kind::Word && t.cap);
        let (n, dir, anchored) = match self.kw(i) {
            Kw::Yesterday | Kw::Today | Kw::Tomorrow if named => return None,
            Kw::Yesterday => return one(day(-1)),
            Kw::Today => return one(day(0)),
            Kw::Tomorrow => return one(day(1)),
            Kw::Earlier | Kw::Later => return self.earlier_later(i),
            Kw::Rest => return self.rest_of(i),
            Kw::Last | Kw::Past => (-1, Dir::Before, false),
            Kw::This | Kw::Current => (0, Dir::Same, false),
            Kw::That => (0, Dir::Same, true),
            Kw::Next | Kw::Coming => (1, Dir::After, false),
            Kw::Previous => (-1, Dir::Before, true),
            Kw::Following => (1, Dir::After, true),
            Kw::Same => (0, Dir::Same, true),
            Kw::Unit(Unit::Year, false)
                if self.kw(i + 1) == Kw::To && self.kw(i + 2) == Kw::Date =>
            {
                let val = self.by_published(Grain::Year, |p| {
                    Some(cal::span(cal::date(p.year(), 1, 1)?, p, Grain::Year))
                });
                return Some(Core::new(i + 3, val));
            }
            Kw::Fiscal | Kw::School => return self.fiscal(i, i),
            Kw::YearCode => return self.year_code(i),
            Kw::Calendar if self.kw(i + 1) == Kw::Unit(Unit::Year, false) => {
                let y = self.year4(i + 2, 1000, 2199)?;
                return Some(Core::new(i + 3, Val::Cal(Cal::year(y))));
            }
            Kw::Unit(Unit::Year, false) => {
                // "year 2008" (not "year of 2008"); "year 2012 or later" follows from it
                let y = self.year4(i + 1, 1000, 2199)?;
                return Some(Core::new(i + 2, Val::Cal(Cal::year(y))));
            }
            _ => return self.ago(i),
        };
        let mut k = i + 1;
        if matches!(self.kw(k), Kw::Calendar) && self.kw(k + 1) == Kw::Unit(Unit::Year, false) {
            k += 1;
        }
        if matches!(self.kw(k), Kw::Fiscal | Kw::School) {
            return self.fiscal(i, k);
        }
        // "this working week", "next workweek": Monday to Friday
        let work = self.word_is(k, "workweek")
            || (self.word_is(k, "working") && self.kw(k + 1) == Kw::Unit(Unit::Week, false));
        if work && !anchored {
            let end = if self.word_is(k, "workweek") {
                k + 1
            } else {
                k + 2
            };
            let val = self.by_published(Grain::Week, |p| {
                let w = cal::relative(Unit::Week, p, n)?;
                Some(Period {
                    end: cal::shift_date(w.start, Unit::Day, 4)?,
                    ..w
                })
            });
            return Some(Core::new(end, val));
        }
        let from = if anchored {
            self.base()
        } else {
            self.published
        };
        let val = match self.kw(k) {
            Kw::Unit(unit, false) if unit >= Unit::Day => {
                // "next week Monday", "this week on Tuesday", "previous week - Monday"
                if unit == Unit::Week {
                    if let Some(c) = self.week_day(k + 1, from, n) {
                        return Some(c);
                    }
                }
                // "the week after next"
                let n = if self.kw(k + 1) == Kw::After && self.kw(k + 2) == Kw::Next && n == 0 {
                    2
                } else {
                    n
                };
                // "the last day of", "this day": not yesterday and today
                if unit == Unit::Day && (n == 0 || !anchored) {
                    return None;
                }
                // "the past year", "the last year": twelve months back (rolling windows)
                if self.kw(i) == Kw::Past
                    || (self.kw(i) == Kw::Last
                        && i > 0
                        && self.kw(i - 1) == Kw::The
                        && unit != Unit::Quarter)
                {
                    return None;
                }
                let val = match from.and_then(|p| {
                    if unit == Unit::Weekend && n == 0 && !anchored {
                        return cal::weekend(p);
                    }
                    cal::relative(unit, p, n)
                }) {
                    Some(p) => Val::Per(p),
                    None => Val::Unres(cal::unit_grain(unit)),
                };
                let end = if self.kw(k + 1) == Kw::After && self.kw(k + 2) == Kw::Next {
                    k + 3
                } else {
                    k + 1
                };
                return Some(Core::new(end, val));
            }
            Kw::Month(m, w) if !anchored && (self.cap(k) || w != MonthWord::Ambiguous) => {
                // "this May", "next 6th of April", "this 5/12"
                match self.pick_year(m, None, dir) {
                    Some(y) => Val::Per(cal::month(y, m)?),
                    None => Val::Unres(Grain::Month),
                }
            }
            Kw::Season(s) if !anchored => self.by_published(Grain::Season, |p| {
                let mut y = p.year();
                match n {
                    -1 => {
                        while cal::season(y, s)?.end >= p {
                            y -= 1;
                        }
                    }
                    1 => {
                        while cal::season(y, s)?.start <= p {
                            y += 1;
                        }
                    }
                    _ => {}
                }
                cal::season(y, s)
            }),
            _ if !anchored && matches!(self.kw(i), Kw::This | Kw::Next | Kw::Last) => {
                // "this 5/12", "next 6th of April"
                let c = self
                    .compact(k, true)
                    .or_else(|| self.num_date(k, Cue::Strong))?;
                let Val::Cal(
                    cc @ Cal {
                        year: None,
                        month: Some(m),
                        day: Some(d),
                        ..
                    },
                ) = c.val
                else {
                    return None;
                };
                let y = self.pick_year(m, Some(d), dir);
                let val = match y {
                    Some(y) => Val::Per(cal::day(cal::date(y, m, d)?)),
                    None => Val::Cal(cc),
                };
                return Some(Core::new(c.end, val));
            }
            _ => return None,
        };
        Some(Core::new(k + 1, val))
    }

    /// A day of a week named relatively: "(next week) Monday", "(this week) on Tuesday",
    /// "(previous week) - Monday"; `k` is after "week", `n` the week's offset.
    fn week_day(&self, k: usize, from: Option<NaiveDate>, n: i64) -> Option<Core> {
        let j = if self.kw(k) == Kw::On || (self.punct(k, DASHES) && !self.glued(k)) {
            k + 1
        } else {
            k
        };
        let Kw::Weekday(wd, _) = self.kw(j) else {
            return None;
        };
        let val = match from.and_then(|p| cal::relative(Unit::Week, p, n)) {
            Some(w) => Val::Per(cal::day(cal::shift_date(
                w.start,
                Unit::Day,
                i64::from(wd) - 1,
            )?)),
            None => Val::Unres(Grain::Day),
        };
        Some(Core::new(j + 1, val))
    }

    /// "Monday of the following week", "Tuesday of next week".
    pub(super) fn weekday_of_week(&self, i: usize) -> Option<Core> {
        let Kw::Weekday(wd, _) = self.kw(i) else {
            return None;
        };
        if self.kw(i + 1) != Kw::Of {
            return None;
        }
        let mut k = i + 2;
        if self.kw(k) == Kw::The {
            k += 1;
        }
        let (n, anchored) = match self.kw(k) {
            Kw::Next => (1, false),
            Kw::Last => (-1, false),
            Kw::This => (0, false),
            Kw::Following => (1, true),
            Kw::Previous => (-1, true),
            _ => return None,
        };
        if self.kw(k + 1) != Kw::Unit(Unit::Week, false) {
            return None;
        }
        let from = if anchored {
            self.base()
        } else {
            self.published
        };
        let val = match from.and_then(|p| cal::relative(Unit::Week, p, n)) {
            Some(w) => Val::Per(cal::day(cal::shift_date(
                w.start,
                Unit::Day,
                i64::from(wd) - 1,
            )?)),
            None => Val::Unres(Grain::Day),
        };
        Some(Core::new(k + 2, val))
    }

    /// "the first Monday of May", "the last Friday of the month", "the second Tuesday in
    /// November 2024".
    fn nth_weekday(&self, i: usize) -> Option<Core> {
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        let n = match self.kw(j) {
            Kw::Last => 0,
            Kw::Ordinal(n) if (1..=5).contains(&n) => n,
            _ => {
                let (n, digits) = self.clean_num(j)?;
                (digits == 1 && self.after_suffix(j) == j + 2 && (1..=5).contains(&n))
                    .then_some(n)?
            }
        };
        let w = if matches!(self.kw(j), Kw::Last | Kw::Ordinal(_)) {
            j + 1
        } else {
            j + 2
        };
        let Kw::Weekday(wd, _) = self.kw(w) else {
            return None;
        };
        if !matches!(self.kw(w + 1), Kw::Of | Kw::In) {
            return None;
        }
        let k = w + 2;
        // the month: named, or "the month", "this/next/last month"
        let (month, end) = match (self.kw(k), self.kw(k + 1)) {
            (Kw::The | Kw::This | Kw::Next | Kw::Last, Kw::Unit(Unit::Month, false)) => {
                let n = match self.kw(k) {
                    Kw::Next => 1,
                    Kw::Last => -1,
                    _ => 0,
                };
                let p = self
                    .published
                    .and_then(|p| cal::relative(Unit::Month, p, n));
                (p.map(|p| (p.start.year(), p.start.month())), k + 2)
            }
            _ => {
                let m = self.month_date(k, Cue::Strong)?;
                let Val::Cal(
                    c @ Cal {
                        month: Some(mm),
                        day: None,
                        ..
                    },
                ) = m.val
                else {
                    return None;
                };
                let y = c.year.or_else(|| self.pick_year(mm, None, Dir::Back));
                (y.map(|y| (y, mm)), m.end)
            }
        };
        let weekday = chrono::Weekday::try_from(u8::try_from(wd - 1).ok()?).ok()?;
        let val = match month {
            Some((y, m)) => Val::Per(cal::day(cal::nth_weekday(y, m, weekday, n)?)),
            None => Val::Unres(Grain::Day),
        };
        Some(Core::new(end, val))
    }

    /// "fiscal year 2008", "last fiscal year", "this school year": periods whose bounds vary
    /// by country and organisation, so Sinew names them without dates.
    fn fiscal(&self, i: usize, k: usize) -> Option<Core> {
        // "fiscal 2023", "in fiscal 2024": the year named straight after the word.
        if self.kw(k) == Kw::Fiscal
            && self.word_is(k, "fiscal")
            && self.year4(k + 1, 1900, 2199).is_some()
        {
            return Some(Core::new(k + 2, Val::Unres(Grain::Year)));
        }
        if self.kw(k + 1) != Kw::Unit(Unit::Year, false) {
            return None;
        }
        let end = if self.year4(k + 2, 1000, 2199).is_some() {
            k + 3
        } else {
            k + 2
        };
        let _ = i;
        Some(Core::new(end, Val::Unres(Grain::Year)))
    }

    /// "FY2024", "FY 24", "CY2018", "SY18": fiscal and school years (undated, see `fiscal`),
    /// and calendar years.
    fn year_code(&self, i: usize) -> Option<Core> {
        let t = self.tok(i)?;
        let calendar = match t.text {
            "FY" | "fy" | "SY" | "sy" => false,
            "CY" | "cy" => true,
            _ => return None,
        };
        let n = self.tok(i + 1).filter(|n| n.kind == Kind::Num)?;
        let y = match n.text.len() {
            4 => n.text.parse().ok()?,
            2 if self.glued(i + 1) => self.two_digit_year(n.text.parse().ok()?),
            _ => return None,
        };
        if self
            .tok(i + 2)
            .is_some_and(|t| t.kind != Kind::Punct && self.glued(i + 2))
        {
            return None;
        }
        let val = if calendar {
            Val::Cal(Cal::year(y))
        } else {
            Val::Unres(Grain::Year)
        };
        Some(Core::new(i + 2, val))
    }

    /// "the rest of the week", "remaining of the month": publication to the period's end.
    fn rest_of(&self, i: usize) -> Option<Core> {
        if self.kw(i + 1) != Kw::Of {
            return None;
        }
        let k = match self.kw(i + 2) {
            Kw::The | Kw::This => i + 3,
            _ => return None,
        };
        let Kw::Unit(unit, false) = self.kw(k) else {
            return None;
        };
        if unit < Unit::Week {
            return None;
        }
        let val = self.by_published(cal::unit_grain(unit), |p| {
            let whole = cal::containing(unit, p)?;
            Some(Period { start: p, ..whole })
        });
        Some(Core::new(k + 1, val))
    }

    /// "earlier this year" (from the start of the year to publication), "later this month"
    /// (from publication to its end), "later next year" (its late third), "earlier in the
    /// week", "later in the year", "earlier previous week".
    fn earlier_later(&self, i: usize) -> Option<Core> {
        let earlier = self.kw(i) == Kw::Earlier;
        let (n, k) = match (self.kw(i + 1), self.kw(i + 2)) {
            (Kw::Last | Kw::Previous, _) => (-1, i + 2),
            (Kw::This, _) => (0, i + 2),
            (Kw::In, Kw::The) => (0, i + 3),
            (Kw::Next | Kw::Following, _) => (1, i + 2),
            _ => return None,
        };
        let Kw::Unit(unit, false) = self.kw(k) else {
            return None;
        };
        if unit < Unit::Week {
            return None;
        }
        let val = self.by_published(cal::unit_grain(unit), |p| {
            let whole = cal::relative(unit, p, n)?;
            Some(match (n, earlier) {
                (0, true) => Period { end: p, ..whole },
                (0, false) => Period { start: p, ..whole },
                (_, true) => cal::narrow(whole, Part::Early),
                (_, false) => cal::narrow(whole, Part::Late),
            })
        });
        Some(Core::new(k + 1, val))
    }

    /// "two years ago", "a decade ago", "2 weeks and 2 days ago".
    fn ago(&self, i: usize) -> Option<Core> {
        let (parts, j) = self.amounts(i)?;
        if self.kw(j) != Kw::Ago {
            return None;
        }
        let smallest = parts.iter().map(|p| p.1).min()?;
        if smallest < Unit::Day || parts.iter().any(|p| p.0.fract() != 0.0 || p.0 > 1000.0) {
            return None;
        }
        let grain_unit = if smallest == Unit::Decade {
            Unit::Year
        } else {
            smallest
        };
        let val = self.by_published(cal::unit_grain(grain_unit), |p| {
            let mut d = p;
            for (n, u) in &parts {
                d = cal::shift_date(d, *u, -(*n as i64))?;
            }
            cal::containing(grain_unit, d)
        });
        Some(Core::new(j + 1, val))
    }

    /// Forms led by "the": "the 1990s", "the first quarter of 2024", "the summer of 2023",
    /// "the end of 2023", "the previous year", "the week of April 10", "the year 2019".
    pub(super) fn the_form(&self, i: usize) -> Option<Core> {
        if self.kw(i) != Kw::The {
            return None;
        }
        let j = i + 1;
        // the '90s
        if self.punct(j, APOSTROPHES) {
            let (n, digits) = self.clean_num(j + 1)?;
            if digits != 2
                || n % 10 != 0
                || !self.glued(j + 1)
                || !self.word_is(j + 2, "s")
                || !self.glued(j + 2)
            {
                return None;
            }
            let n = i32::try_from(n).ok()?;
            let first = if n >= 30 { 1900 + n } else { 2000 + n };
            return Some(Core::new(j + 3, Val::Per(cal::decade(first)?)));
        }
        match self.kw(j) {
            Kw::Ordinal(_) | Kw::Last | Kw::Final => self.quarter_of(j),
            Kw::Season(s) if self.kw(j + 1) == Kw::Of => {
                let (end, y) = self.year_ref(j + 2)?;
                let val = match y {
                    Some(y) => Val::Per(cal::season(y, s)?),
                    None => Val::Unres(Grain::Season),
                };
                Some(Core::new(end, val))
            }
            Kw::End | Kw::Beginning | Kw::Mid if self.kw(j + 1) == Kw::Of => self.edge_of(j),
            Kw::Previous | Kw::Following | Kw::Same | Kw::Next => {
                let Kw::Unit(unit, false) = self.kw(j + 1) else {
                    return None;
                };
                if unit < Unit::Day {
                    return None;
                }
                let n = match self.kw(j) {
                    Kw::Previous => -1,
                    Kw::Same => 0,
                    _ => 1,
                };
                let val = match self.base().and_then(|b| cal::relative(unit, b, n)) {
                    Some(p) => Val::Per(p),
                    None => Val::Unres(cal::unit_grain(unit)),
                };
                Some(Core::new(j + 2, val))
            }
            // "the week after next", "the year before last"
            Kw::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false)
                if matches!(
                    (self.kw(j + 1), self.kw(j + 2)),
                    (Kw::After, Kw::Next) | (Kw::Before, Kw::Last)
                ) =>
            {
                let n = if self.kw(j + 1) == Kw::After { 2 } else { -2 };
                let val = self.by_published(cal::unit_grain(u), |p| cal::relative(u, p, n));
                Some(Core::new(j + 3, val))
            }
            // "closed for the day", "forecast for the year": the current one
            Kw::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)
                if self.clause_ends(j + 1) && i > 0 && self.kw(i - 1) == Kw::For =>
            {
                let val = match self.base().and_then(|b| cal::containing(u, b)) {
                    Some(p) => Val::Per(p),
                    None => Val::Unres(cal::unit_grain(u)),
                };
                Some(Core::new(j + 1, val))
            }
            Kw::Unit(Unit::Weekend, false) if self.kw(j + 1) == Kw::Of => {
                // "the weekend of Halloween"
                let h = self.holiday(j + 2, Dir::Back)?;
                Some(Core::new(h.end, self.holiday_weekend(h.val)?))
            }
            Kw::Unit(Unit::Week, false) => self.week_of(j + 1),
            Kw::Unit(Unit::Year, false) => {
                // "the year 2019"
                let y = self.year4(j + 1, 1000, 2199)?;
                Some(Core::new(j + 2, Val::Cal(Cal::year(y))))
            }
            Kw::Unit(Unit::Weekend, false) => {
                let val = self.by_published(Grain::Week, cal::nearest_weekend);
                Some(Core::new(j + 1, val))
            }
            Kw::Unit(Unit::Fortnight, false) => {
                let val = self.by_published(Grain::Week, |p| cal::containing(Unit::Fortnight, p));
                Some(Core::new(j + 1, val))
            }
            Kw::Unit(Unit::Day, false) => {
                // "the day after tomorrow", "the day before yesterday"
                let n = match (self.kw(j + 1), self.kw(j + 2)) {
                    (Kw::After, Kw::Tomorrow) => 2,
                    (Kw::Before, Kw::Yesterday) => -2,
                    // "the day before", "the day after": of the last date talked about
                    (Kw::After | Kw::Before, _) if self.clause_ends(j + 2) => {
                        let n = if self.kw(j + 1) == Kw::After { 1 } else { -1 };
                        let val = match self.base().and_then(|b| cal::shift_date(b, Unit::Day, n)) {
                            Some(d) => Val::Per(cal::day(d)),
                            None => Val::Unres(Grain::Day),
                        };
                        return Some(Core::new(j + 2, val));
                    }
                    _ => return None,
                };
                let val = self.by_published(Grain::Day, |p| {
                    Some(cal::day(cal::shift_date(p, Unit::Day, n)?))
                });
                Some(Core::new(j + 3, val))
            }
            _ => {
                let c = self.num_date(j, Cue::None)?;
                matches!(
                    c.val,
                    Val::Per(Period {
                        grain: Grain::Decade,
                        ..
                    })
                )
                .then_some(c)
            }
        }
    }

    /// "the week of April 10", "the week beginning February 4", "the week of the 18th": the
    /// ISO week holding that day; `k` is after "week".
    fn week_of(&self, k: usize) -> Option<Core> {
        let j = match (self.kw(k), self.kw(k + 1)) {
            (Kw::Of, _) => k + 1,
            (Kw::Beginning | Kw::Starting, Kw::On) => k + 2,
            (Kw::Beginning | Kw::Starting, _) => k + 1,
            _ => return None,
        };
        let d = self.core(j, Cue::Strong, Dir::Back)?;
        let (p, _) = self.resolve(d.val, Dir::Back);
        let dated = match d.val {
            Val::Cal(c) => c.day.is_some(),
            Val::Per(p) => p.grain == Grain::Day,
            Val::Unres(g) => g == Grain::Day,
        };
        if !dated {
            return None;
        }
        let val = match p {
            Some(p) => Val::Per(cal::week(p.start)?),
            None => Val::Unres(Grain::Week),
        };
        Some(Core::new(d.end, val))
    }

    /// "w/c Feb 4": the week commencing.
    fn week_commencing(&self, i: usize) -> Option<Core> {
        if !(self.word_is(i, "w") && self.punct(i + 1, &["/"]) && self.word_is(i + 2, "c")) {
            return None;
        }
        let d = self.core(i + 3, Cue::Strong, Dir::Back)?;
        let (p, _) = self.resolve(d.val, Dir::Back);
        let val = match p {
            Some(p) if p.grain == Grain::Day => Val::Per(cal::week(p.start)?),
            Some(_) => return None,
            None => Val::Unres(Grain::Week),
        };
        Some(Core::new(d.end, val))
    }

    /// "week 31", "week 3 of 2027", "first week of 2015", "3rd week of Jan", "the last week of
    /// July", "the last week of this month", "1st week of Oct", "w/c Feb 4".
    pub(super) fn week_form(&self, i: usize) -> Option<Core> {
        if let Some(c) = self.week_commencing(i) {
            return Some(c);
        }
        if let Some(c) = self.weekday_of_week(i) {
            return Some(c);
        }
        if let Some(c) = self.nth_weekday(i) {
            return Some(c);
        }
        // "week 31", "week 3 of 2027"
        if self.kw(i) == Kw::Unit(Unit::Week, false) {
            let (w, digits) = self.clean_num(i + 1)?;
            if digits > 2 || !(1..=53).contains(&w) {
                return None;
            }
            let (end, y) = if self.kw(i + 2) == Kw::Of {
                self.year_ref(i + 3)?
            } else {
                (i + 2, self.published.map(|p| p.year()))
            };
            let val = match y {
                Some(y) => Val::Per(cal::iso_week(y, w)?),
                None => Val::Unres(Grain::Week),
            };
            return Some(Core::new(end, val));
        }
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        let n = match self.kw(j) {
            Kw::Last => 0,
            Kw::Ordinal(n) if n <= 5 => n,
            _ => {
                let (n, digits) = self.clean_num(j)?;
                let e = self.after_suffix(j);
                if digits > 1 || e != j + 2 || !(1..=5).contains(&n) {
                    return None;
                }
                n
            }
        };
        let k = if matches!(self.kw(j), Kw::Last | Kw::Ordinal(_)) {
            j + 1
        } else {
            j + 2
        };
        if self.kw(k) != Kw::Unit(Unit::Week, false) || self.kw(k + 1) != Kw::Of {
            return None;
        }
        let x = k + 2;
        // of a year: ISO weeks
        if let Some((end, y)) = self.year_ref(x) {
            let val = match y {
                Some(y) if n == 0 => Val::Per(cal::last_iso_week(y)?),
                Some(y) => Val::Per(cal::iso_week(y, n)?),
                None => Val::Unres(Grain::Week),
            };
            return Some(Core::new(end, val));
        }
        // of a month: counted from the week holding its first day
        let m = self.core(x, Cue::Strong, Dir::Back)?;
        let (p, grain) = self.resolve(m.val, Dir::Back);
        if grain != Grain::Month {
            return None;
        }
        let val = match p {
            Some(p) => {
                let w = if n == 0 {
                    cal::week(p.end)?
                } else {
                    let first = cal::week(p.start)?;
                    cal::week(cal::shift_date(first.start, Unit::Week, i64::from(n) - 1)?)?
                };
                Val::Per(w)
            }
            None => Val::Unres(Grain::Week),
        };
        Some(Core::new(m.end, val))
    }

    /// "the first 2 weeks of 2021", "the last four months of 2021", "first ten days of last
    /// year", "the first four months of the year", "the third month of 2021", "the 9th month
    /// of next year".
    pub(super) fn span_of(&self, i: usize) -> Option<Core> {
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        // "the third month of 2021"
        let nth = match self.kw(j) {
            Kw::Ordinal(n) => Some((n, j + 1)),
            _ => self.clean_num(j).and_then(|(n, d)| {
                let e = self.after_suffix(j);
                (d <= 2 && e == j + 2).then_some((n, e))
            }),
        };
        if let Some((n, k)) = nth {
            if self.kw(k) == Kw::Unit(Unit::Month, false)
                && self.kw(k + 1) == Kw::Of
                && (1..=12).contains(&n)
            {
                let (end, y) = self.year_ref(k + 2)?;
                let val = match y {
                    Some(y) => Val::Per(cal::month(y, n)?),
                    None => Val::Unres(Grain::Month),
                };
                return Some(Core::new(end, val));
            }
        }
        let first = match self.kw(j) {
            Kw::Ordinal(1) => true,
            Kw::Last => false,
            _ => return None,
        };
        let (n, k) = self.count(j + 1, false)?;
        let Kw::Unit(unit, plural) = self.kw(k) else {
            return None;
        };
        if !plural
            || self.kw(k + 1) != Kw::Of
            || !matches!(unit, Unit::Day | Unit::Week | Unit::Month)
        {
            return None;
        }
        // "of the year", "of this year", "of last year" (the year in view), else a core
        // ("of 2024", "of last month").
        let (x_end, p) = match self.year_ref(k + 2) {
            Some((end, y)) if unit != Unit::Week || y.is_some() => (end, y.and_then(cal::year)),
            _ => {
                let x = self.core(k + 2, Cue::Strong, Dir::Back)?;
                (x.end, self.resolve(x.val, Dir::Back).0)
            }
        };
        let n = i64::from(n);
        let val = match p {
            Some(p) => {
                let iso_year = unit == Unit::Week && p.grain == Grain::Year;
                let (a, b) = if iso_year {
                    let y = p.start.year();
                    if first {
                        (
                            cal::iso_week(y, 1)?.start,
                            cal::iso_week(y, u32::try_from(n).ok()?)?.end,
                        )
                    } else {
                        let last = cal::last_iso_week(y)?;
                        (cal::shift_date(last.start, Unit::Week, 1 - n)?, last.end)
                    }
                } else if first {
                    (p.start, cal::shift_date(p.start, unit, n)?.pred_opt()?)
                } else {
                    (cal::shift_date(p.end.succ_opt()?, unit, -n)?, p.end)
                };
                Val::Per(cal::span(a, b, cal::unit_grain(unit)))
            }
            None => Val::Unres(cal::unit_grain(unit)),
        };
        Some(Core::new(x_end, val))
    }

    /// "first quarter of 2024", "second half of last year", "first-quarter 2024", "the last
    /// quarter of 2023", "1st quarter of 2013", "the first quarter of the year"; `i` is at the
    /// ordinal.
    pub(super) fn quarter_of(&self, i: usize) -> Option<Core> {
        let (n, mut j) = match self.kw(i) {
            Kw::Ordinal(n) => (n, i + 1),
            Kw::Last | Kw::Final => (0, i + 1),
            _ => {
                let (n, digits) = self.clean_num(i)?;
                let e = self.after_suffix(i);
                if digits != 1 || e != i + 2 {
                    return None;
                }
                (n, e)
            }
        };
        // "third-quarter profit": the adjective names the quarter as "the third quarter" does
        let hyphened = self.punct(j, DASHES) && self.glued(j);
        if hyphened {
            j += 1;
        }
        let (half, n) = match self.kw(j) {
            Kw::Unit(Unit::Quarter, false) => (false, if n == 0 { 4 } else { n }),
            Kw::Half if n <= 2 => (true, if n == 0 { 2 } else { n }),
            _ => return None,
        };
        let k = if self.kw(j + 1) == Kw::Of {
            j + 2
        } else {
            j + 1
        };
        // "no later than the third quarter": this year's, after a signal (alone, "the fourth
        // quarter" is as often a game's)
        let signalled = i >= 2
            && self.kw(i - 1) == Kw::The
            && matches!(
                self.kw(i - 2),
                Kw::By | Kw::Until | Kw::Than | Kw::Before | Kw::After | Kw::Since | Kw::Through
            );
        let the_before = i >= 1 && self.kw(i - 1) == Kw::The;
        let (end, y) = match self.year_ref(k) {
            Some(r) => r,
            None if signalled && !half && k == j + 1 => (k, self.published.map(|p| p.year())),
            // "sales fell in the fourth quarter": a quarter of a company's or an economy's
            // year, read as a bare "Q4" is.
            None if (the_before || hyphened)
                && matches!(self.kw(i), Kw::Ordinal(_))
                && k == j + 1
                && self.business_clause(i) =>
            {
                (
                    k,
                    self.published.map(|p| {
                        if half {
                            self.bare_part_year(6 * n - 5, 6 * n, p, i)
                        } else {
                            self.bare_quarter_year(n, p, i)
                        }
                    }),
                )
            }
            None => return None,
        };
        let grain = if half { Grain::Half } else { Grain::Quarter };
        let val = match y {
            Some(y) if half => Val::Per(cal::half(y, n)?),
            Some(y) => Val::Per(cal::quarter(y, n)?),
            None => Val::Unres(grain),
        };
        Some(Core::new(end, val))
    }

    /// "Q1 2024", "q3 2019", "Q1-2019", "q1 of 2017", "H1", "2019 H2", "2017-q1", "first
    /// quarter of 2024", "next year's first quarter".
    pub(super) fn quarter_form(&self, i: usize) -> Option<Core> {
        if matches!(self.kw(i), Kw::Ordinal(_)) || self.clean_num(i).is_some_and(|(_, d)| d == 1) {
            if let Some(c) = self.quarter_of(i) {
                return Some(c);
            }
        }
        // "next year's first quarter"
        if let Some((k, y)) = self.year_ref(i).filter(|&(k, _)| self.possessive(k)) {
            let (n, e) = match self.kw(k + 2) {
                Kw::Ordinal(n) if (1..=4).contains(&n) => (n, k + 3),
                _ => return None,
            };
            if self.kw(e) != Kw::Unit(Unit::Quarter, false) {
                return None;
            }
            let val = match y {
                Some(y) => Val::Per(cal::quarter(y, n)?),
                None => Val::Unres(Grain::Quarter),
            };
            return Some(Core::new(e + 1, val));
        }
        // "2019 q1", "2017-q1", "2019 H2"
        if let Some(y) = self.year4(i, 1900, 2100) {
            let j = if self.punct(i + 1, DASHES) && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            let (half, n) = self.q_code(j)?;
            let p = if half {
                cal::half(y, n)?
            } else {
                cal::quarter(y, n)?
            };
            return Some(Core::new(j + 2, Val::Per(p)));
        }
        let (half, n) = self.q_code(i)?;
        let j = i + 2;
        let k = if self.kw(j) == Kw::Of || (self.punct(j, DASHES) && self.glued(j)) {
            j + 1
        } else {
            j
        };
        // "Q1" alone is the latest that has begun, the next that has not ended in a clause
        // about the future; "H1" alone is too often a heading or a visa
        let (end, y) = match self.year_ref(k) {
            Some(r) => r,
            None if !half => (j, self.published.map(|d| self.bare_quarter_year(n, d, i))),
            None => return None,
        };
        let grain = if half { Grain::Half } else { Grain::Quarter };
        let val = match y {
            Some(y) if half => Val::Per(cal::half(y, n)?),
            Some(y) => Val::Per(cal::quarter(y, n)?),
            None => Val::Unres(grain),
        };
        Some(Core::new(end, val))
    }

    /// Is the sentence around token `i` about money or output rather than a game? A few
    /// words of business and none of sport, within twenty tokens and the sentence.
    fn business_clause(&self, i: usize) -> bool {
        let (mut business, mut sport) = (false, false);
        let mut look = |k: usize| -> bool {
            let Some(t) = self.toks.get(k) else {
                return false;
            };
            if t.kind == Kind::Punct && matches!(t.text, "." | "!" | "?") {
                return false;
            }
            if t.text == "%" {
                business = true;
            }
            if t.kind == Kind::Word {
                let mut b = [0u8; 12];
                match super::clock::lower_word(t.text, &mut b) {
                    "sales" | "revenue" | "revenues" | "profit" | "profits" | "earnings"
                    | "growth" | "gdp" | "economy" | "output" | "loss" | "losses" | "results"
                    | "income" | "margin" | "margins" | "exports" | "imports" | "deliveries"
                    | "demand" | "inflation" | "percent" | "million" | "billion" | "bn"
                    | "orders" | "shipments" | "spending" | "investment" | "unemployment"
                    | "production" | "prices" | "turnover" | "company" | "firm" => business = true,
                    "game" | "match" | "points" | "touchdown" | "goal" | "goals" | "scored"
                    | "score" | "inning" | "period" | "minutes" | "trailing" | "led" | "basket"
                    | "quarterback" | "team" => sport = true,
                    _ => {}
                }
            }
            true
        };
        for k in (i.saturating_sub(20)..i).rev() {
            if !look(k) {
                break;
            }
        }
        for k in i..i + 20 {
            if !look(k) {
                break;
            }
        }
        business && !sport
    }

    /// The year of quarter `n` named without one at token `i`, published on `p`: this year's
    /// once it has begun (last year's before), or in a clause about the future this year's
    /// until it has ended (next year's after).
    fn bare_quarter_year(&self, n: u32, p: NaiveDate, i: usize) -> i32 {
        self.bare_part_year(3 * n - 2, 3 * n, p, i)
    }

    /// The year of a part of a year (months `first_month` to `last_month`) named without one,
    /// as [`Self::bare_quarter_year`] reads a quarter.
    fn bare_part_year(&self, first_month: u32, last_month: u32, p: NaiveDate, i: usize) -> i32 {
        if self.future_tense(i) || self.future_after(i) {
            p.year() + i32::from(last_month < p.month())
        } else {
            p.year() - i32::from(first_month > p.month())
        }
    }

    /// The clause goes on about the future after token `i` ("results for Q3 will be
    /// published"): a bare quarter is often the subject its verb follows.
    fn future_after(&self, i: usize) -> bool {
        const MARKS: &[&str] = &["will", "shall", "scheduled", "due", "expected"];
        for k in i + 1..(i + 8).min(self.toks.len()) {
            let t = &self.toks[k];
            if t.kind == Kind::Punct && matches!(t.text, "." | ";" | "?" | "!" | ",") {
                return false;
            }
            if t.kind == Kind::Word && MARKS.iter().any(|w| t.text.eq_ignore_ascii_case(w)) {
                return true;
            }
        }
        false
    }

    /// "Q1", "q3", "H2" at `i` (letter and digit glued, nothing glued after): whether it is a
    /// half, and its number.
    pub(super) fn q_code_at(&self, i: usize) -> bool {
        self.q_code(i).is_some()
    }

    fn q_code(&self, i: usize) -> Option<(bool, u32)> {
        let t = self.tok(i)?;
        // "h1" in lower case is more often a heading or a variable than a half year
        let half = match t.text {
            "Q" | "q" => false,
            "H" => true,
            _ => return None,
        };
        let d = self.tok(i + 1).filter(|d| d.kind == Kind::Num)?;
        let (n, digits) = (d.text.parse::<u32>().ok()?, d.text.len());
        let max = if half { 2 } else { 4 };
        let glued_after = self
            .tok(i + 2)
            .is_some_and(|t| t.kind != Kind::Punct && self.glued(i + 2));
        (digits == 1 && self.glued(i + 1) && !glued_after && (1..=max).contains(&n))
            .then_some((half, n))
    }

    /// "summer 2023", "winter of 2022", "summer" after a word that announces a date; "the
    /// summer", "the autumn" (a determiner, so a time and not the word): the latest that
    /// has begun by publication, or in a clause about the future (`dir`) the first that has
    /// not ended, as TimeML annotators date it.
    pub(super) fn season_form(&self, i: usize, cue: Cue, dir: Dir) -> Option<Core> {
        if self.kw(i) == Kw::The {
            let Kw::Season(s) = self.kw(i + 1) else {
                return None;
            };
            if self.year4(i + 2, 1000, 2199).is_some() || self.kw(i + 2) == Kw::Of {
                return self.season_form(i + 1, Cue::Strong, dir);
            }
            // "the fall in prices", "the fall of Kabul": "fall" is the season only after a
            // preposition of time and before no preposition of its own
            if self.word_is(i + 1, "fall") {
                let lead = i > 0
                    && matches!(
                        self.kw(i - 1),
                        Kw::In | Kw::By | Kw::Until | Kw::During | Kw::Through | Kw::Since
                    );
                let tail = matches!(self.kw(i + 2), Kw::In | Kw::Of | Kw::On | Kw::From)
                    || self.word_is(i + 2, "to");
                if !lead || tail {
                    return None;
                }
            }
            let val = self.by_published(Grain::Season, |p| {
                let y = p.year();
                let fwd = matches!(dir, Dir::Fwd | Dir::After);
                if fwd {
                    [y - 1, y, y + 1]
                        .into_iter()
                        .filter_map(|y| cal::season(y, s))
                        .find(|q| q.end >= p)
                } else {
                    [y, y - 1, y - 2]
                        .into_iter()
                        .filter_map(|y| cal::season(y, s))
                        .find(|q| q.start <= p)
                }
            });
            return Some(Core::new(i + 2, val));
        }
        let Kw::Season(s) = self.kw(i) else {
            return None;
        };
        let (end, y) = match self.year4(i + 1, 1000, 2199) {
            Some(y) => (i + 2, Some(y)),
            None if self.kw(i + 1) == Kw::Of => self.year_ref(i + 2)?,
            None if cue == Cue::Strong || (self.cap(i) && i == 0) => {
                // a season alone: which one is a guess, so it stays undated
                return Some(Core::new(i + 1, Val::Unres(Grain::Season)));
            }
            None => return None,
        };
        let val = match y {
            Some(y) => Val::Per(cal::season(y, s)?),
            None => Val::Unres(Grain::Season),
        };
        Some(Core::new(end, val))
    }

    /// "early 2024", "mid-2023", "late December", "late last year", "mid 1989".
    pub(super) fn parted(&self, i: usize) -> Option<Core> {
        // "the early 1990s", "the mid-2010s": the determiner is inside, as TIMEX3 keeps it.
        if self.kw(i) == Kw::The && matches!(self.kw(i + 1), Kw::Early | Kw::Mid | Kw::Late) {
            return self.parted(i + 1);
        }
        let part = match self.kw(i) {
            Kw::Early => Part::Early,
            Kw::Mid => Part::Mid,
            Kw::Late => Part::Late,
            Kw::End | Kw::Beginning if self.kw(i + 1) == Kw::Of => return self.edge_of(i),
            Kw::Eoy => {
                let val = self.by_published(Grain::Year, |p| {
                    Some(cal::narrow(cal::year(p.year())?, Part::Late))
                });
                return Some(Core {
                    end: i + 1,
                    val,
                    edge: Some(Part::Late),
                });
            }
            _ => return None,
        };
        if self.kw(i + 1) == Kw::Of {
            return self.edge_of(i);
        }
        let j = if self.punct(i + 1, DASHES) && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let mut c = self.part_of(j, part)?;
        c.edge = Some(part);
        Some(c)
    }

    /// "(the) end of 2023", "(the) beginning of March", "(the) middle of 2000", "end of
    /// month", "end of the week"; `j` is at the edge word.
    fn edge_of(&self, j: usize) -> Option<Core> {
        let part = match self.kw(j) {
            Kw::End => Part::Late,
            Kw::Beginning | Kw::Early => Part::Early,
            Kw::Mid => Part::Mid,
            Kw::Late => Part::Late,
            _ => return None,
        };
        if self.kw(j + 1) != Kw::Of {
            return None;
        }
        let k = j + 2;
        // "end of month", "end of year", "end of the week": the current one
        let unit_at = |k: usize| match self.kw(k) {
            Kw::Unit(u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Quarter), false) => Some(u),
            _ => None,
        };
        let bare = match self.kw(k) {
            Kw::The => unit_at(k + 1).map(|u| (u, k + 2)),
            _ => unit_at(k)
                .filter(|_| self.year4(k + 1, 1000, 2199).is_none())
                .map(|u| (u, k + 1)),
        };
        if let Some((unit, end)) = bare {
            let val = self.by_published(cal::unit_grain(unit), |p| {
                let whole = cal::containing(unit, p)?;
                let late = cal::narrow(whole, part);
                // the end of the current week runs from publication when it is already late
                Some(
                    if part == Part::Late && unit == Unit::Week && late.start < p {
                        Period { start: p, ..late }
                    } else {
                        late
                    },
                )
            });
            return Some(Core {
                end,
                val,
                edge: Some(part),
            });
        }
        let mut c = self.part_of(k, part)?;
        c.edge = Some(part);
        Some(c)
    }

    /// Part of the period named at `j`.
    pub(super) fn part_of(&self, j: usize, part: Part) -> Option<Core> {
        let cands = [
            self.num_date(j, Cue::Strong),
            self.month_date(j, Cue::Strong),
            self.relative(j),
            self.the_form(j),
            self.year_ref(j).map(|(end, y)| {
                Core::new(
                    end,
                    y.map_or(Val::Unres(Grain::Year), |y| Val::Cal(Cal::year(y))),
                )
            }),
        ];
        let c = cands.into_iter().flatten().max_by_key(|c| c.end)?;
        let val = match c.val {
            Val::Cal(cal) if cal.day.is_none() => Val::Cal(Cal {
                part: Some(part),
                ..cal
            }),
            Val::Per(p)
                if matches!(
                    p.grain,
                    Grain::Year | Grain::Month | Grain::Decade | Grain::Century | Grain::Week
                ) =>
            {
                Val::Per(cal::narrow(p, part))
            }
            Val::Unres(g @ (Grain::Year | Grain::Month | Grain::Decade | Grain::Week)) => {
                Val::Unres(g)
            }
            _ => return None,
        };
        Some(Core::new(c.end, val))
    }
}
