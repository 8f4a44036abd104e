//! Lengths of time ("three years", "more than 4 days", "1 hour and 30 minutes", "a 20-year
//! lease") and points counted from a date ("two days after today", "in two weeks", "3 weeks
//! later", "2 weeks before Christmas").

use chrono::NaiveDate;
use sinew_types::{Grain, TimeKind};

use super::cal::{self, Period};
use super::grammar::{found, on_weekday, Cue, Dir, Found, Grammar, Val, DASHES};
use super::lex::{Kind, Kw, Unit};

/// Words before a count that make "in N units" a point in the future ("will leave in two
/// weeks"), not a length ("rose 20% in two years").
const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "going",
    "plan",
    "plans",
    "planned",
    "want",
    "wants",
    "expect",
    "expects",
    "expected",
    "schedule",
    "scheduled",
    "due",
];

/// A counted amount of one unit, and whether the count was only implied ("a few days").
type Amounts = (Vec<(f64, Unit)>, bool);

/// Words that may stand between a count and its unit of time ("12 consecutive weeks",
/// "three more weeks", "30 straight months", "22 trading days", "five full years").
const QUALIFIERS: &[&str] = &[
    "consecutive",
    "straight",
    "successive",
    "more",
    "further",
    "additional",
    "extra",
    "trading",
    "business",
    "working",
    "full",
    "whole",
    "long",
    "short",
    "calendar",
];

impl Grammar<'_> {
    /// A count for a duration at `i`: digits, a decimal, "½", words ("twenty-five", "one and
    /// a half"), "a"/"an" when `allow_a`, or an unstated "few"/"several". Returns the count,
    /// the token after it, and whether it was vague.
    fn amount(&self, i: usize, allow_a: bool) -> Option<(f64, usize, bool)> {
        let (mut n, mut k, vague) = match self.kw(i) {
            // "a few", "a couple (of)" always; "a" alone where a length is expected
            Kw::A if self.kw(i + 1) == Kw::Few(3) => (3.0, i + 2, true),
            Kw::A if self.kw(i + 1) == Kw::Few(2) => {
                let k = if self.kw(i + 2) == Kw::Of {
                    i + 3
                } else {
                    i + 2
                };
                (2.0, k, false)
            }
            // "half an hour", "a half hour", "half a day"
            Kw::Half if self.kw(i + 1) == Kw::A => (0.5, i + 2, false),
            Kw::A if self.kw(i + 1) == Kw::Half => (0.5, i + 2, false),
            Kw::A if allow_a => (1.0, i + 1, false),
            Kw::Few(3) => (3.0, i + 1, true),
            Kw::Few(2) => (
                2.0,
                if self.kw(i + 1) == Kw::Of {
                    i + 2
                } else {
                    i + 1
                },
                false,
            ),
            Kw::Number(_) => {
                let (n, e) = self.small_number(i)?;
                (f64::from(n), e, false)
            }
            _ if self.punct(i, &["½"]) => (0.5, i + 1, false),
            _ => {
                let t = self.tok(i)?;
                if t.kind != Kind::Num {
                    return None;
                }
                // 3.5, 123.45
                if self.punct(i + 1, &["."]) && self.glued(i + 1) && self.glued(i + 2) {
                    let frac = self.tok(i + 2).filter(|f| f.kind == Kind::Num)?;
                    let before = &self.text[..t.start];
                    if before.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
                        return None;
                    }
                    let v: f64 = self.text[t.start..frac.end].parse().ok()?;
                    (v, i + 3, false)
                } else {
                    let (n, digits) = self.clean_num(i)?;
                    if digits > 4 {
                        return None;
                    }
                    (f64::from(n), i + 1, false)
                }
            }
        };
        // "one and a half", "one and a quarter"
        if self.kw(k) == Kw::And {
            let j = if self.kw(k + 1) == Kw::A {
                k + 2
            } else {
                k + 1
            };
            match self.kw(j) {
                Kw::Half => {
                    n += 0.5;
                    k = j + 1;
                }
                Kw::Unit(Unit::Quarter, false) if matches!(self.kw(j + 1), Kw::Unit(..)) => {
                    n += 0.25;
                    k = j + 1;
                }
                _ => {}
            }
        }
        Some((n, k, vague))
    }

    /// A unit of time at `k` for a count ending at `k`: a word, "second", "night(s)", or an
    /// abbreviation ("3h", "10D", "5 hrs"). Returns the unit, whether it was plural (or need
    /// not agree), and the token after it.
    fn unit_word(&self, k: usize) -> Option<(Unit, bool, usize)> {
        match self.kw(k) {
            Kw::Unit(u, plural) => Some((u, plural, k + 1)),
            Kw::Ordinal(2) if self.word_is(k, "second") => Some((Unit::Second, false, k + 1)),
            Kw::Night => Some((Unit::Day, self.word_is(k, "nights"), k + 1)),
            Kw::UnitAbbr(u) => {
                let t = self.tok(k)?;
                let glued = self.glued(k);
                // one letter only glued to the number, and only where a length is expected:
                // "for 3h", "lasted 2W" (not "3D printing")
                let short = t.text.len() == 1;
                if short {
                    let lead = self.count_start(k);
                    let cued = lead > 0
                        && (matches!(self.kw(lead - 1), Kw::For | Kw::Over | Kw::Within)
                            || self
                                .tok(lead - 1)
                                .is_some_and(|w| w.text.to_ascii_lowercase().starts_with("last")));
                    if !glued || !cued {
                        return None;
                    }
                }
                Some((u, true, k + 1))
            }
            _ => None,
        }
    }

    /// The first token of the count that ends just before `k` (for the unit abbreviation check).
    fn count_start(&self, k: usize) -> usize {
        let mut s = k.saturating_sub(1);
        while s >= 2 && self.punct(s - 1, &["."]) && self.glued(s) && self.glued(s - 1) {
            s -= 2;
        }
        s
    }

    /// One or more counted units: "3 years", "1 hour and 30 minutes", "one hour and a half",
    /// "2 weeks and 2 days". Returns the parts, whether a count was vague, and the token after.
    pub(super) fn amounts(&self, i: usize) -> Option<(Vec<(f64, Unit)>, usize)> {
        let ((parts, _), end) = self.amounts_vague(i, true)?;
        Some((parts, end))
    }

    fn amounts_vague(&self, i: usize, allow_a: bool) -> Option<(Amounts, usize)> {
        let mut parts = Vec::new();
        let mut vague = false;
        let mut k = i;
        loop {
            let (n, j, v) = self.amount(k, allow_a || !parts.is_empty())?;
            let hyphened = self.punct(j, DASHES) && self.glued(j) && self.glued(j + 1);
            // "12 consecutive weeks", "three more weeks", "22 trading days": a word that
            // qualifies the unit stands between the count and it
            let qualified = !hyphened
                && QUALIFIERS.iter().any(|w| self.word_is(j, w))
                && matches!(self.kw(j + 1), Kw::Unit(..));
            let u_at = if hyphened || qualified { j + 1 } else { j };
            let Some((unit, plural, mut end)) = self.unit_word(u_at) else {
                if parts.is_empty() {
                    return None;
                }
                break;
            };
            let whole = n.fract() == 0.0;
            let abbr = matches!(self.kw(u_at), Kw::UnitAbbr(_));
            if !abbr && whole && !v {
                if hyphened && plural {
                    return None;
                }
                if !hyphened && plural != (n != 1.0) && !(n == 0.0) {
                    if parts.is_empty() {
                        return None;
                    }
                    break;
                }
            }
            let mut n = n;
            // "one hour and a half", "one year and a quarter"
            if self.kw(end) == Kw::And {
                let h = if self.kw(end + 1) == Kw::A {
                    end + 2
                } else {
                    end + 1
                };
                if self.kw(h) == Kw::Half {
                    n += 0.5;
                    end = h + 1;
                } else if self.kw(h) == Kw::Unit(Unit::Quarter, false)
                    && !matches!(self.kw(h + 1), Kw::Unit(..) | Kw::Of)
                {
                    n += 0.25;
                    end = h + 1;
                }
            }
            vague |= v;
            parts.push((n, unit));
            k = end;
            // "1 hour and 30 minutes", "2 years 1 month 21 days"
            let next = if self.kw(k) == Kw::And || self.punct(k, &[","]) {
                k + 1
            } else {
                k
            };
            let more = self
                .amount(next, true)
                .and_then(|(_, j, _)| self.unit_word(j));
            match more {
                Some((u, _, _)) if parts.last().is_some_and(|p| u < p.1) => k = next,
                _ => break,
            }
        }
        Some(((parts, vague), k))
    }

    /// "three years", "for a decade", "20-year", "more than 4 days", "1 hour and 30 minutes",
    /// "all day", "another day", "a few minutes".
    pub(super) fn duration(&self, i: usize) -> Option<Found> {
        // "all day", "the whole week", "another day"
        if matches!(self.kw(i), Kw::All | Kw::Another) {
            let Kw::Unit(unit, false) = self.kw(i + 1) else {
                return None;
            };
            if unit < Unit::Day || (self.kw(i) == Kw::All && self.kw(i + 2) == Kw::Of) {
                return None;
            }
            return Some(duration_found(i + 2, &[(1.0, unit)], false));
        }
        let lead = self.length_modifier(i);
        let qualified = lead > 0;
        let start = i + lead;
        // "a decade of rapid growth", "a year of war": a single unit that measures what
        // follows (not "a quarter of", a fraction)
        let measures = self.kw(start) == Kw::A
            && matches!(self.kw(start + 1), Kw::Unit(u, false) if u != Unit::Quarter && u != Unit::Weekend)
            && self.kw(start + 2) == Kw::Of;
        let allow_a = qualified
            || measures
            || (start > 0
                && matches!(
                    self.kw(start - 1),
                    Kw::For | Kw::Over | Kw::Within | Kw::Than | Kw::Prep | Kw::In | Kw::A
                ));
        let ((parts, vague), end) = self.amounts_vague(start, allow_a)?;
        if parts.iter().all(|p| p.0 == 0.0) {
            return None;
        }
        // ages ("20-year-old", "three years old") and counted points are not durations
        let old =
            (self.punct(end, DASHES) && self.word_is(end + 1, "old")) || self.word_is(end, "old");
        // "3 weeks later" counts from a date; "30 minutes later this week" does not
        let later = self.kw(end) == Kw::Later
            && !matches!(self.kw(end + 1), Kw::This | Kw::Next | Kw::In | Kw::That);
        if old || later || self.kw(end) == Kw::Ago {
            return None;
        }
        let day_units = parts.iter().all(|p| p.1 >= Unit::Day);
        if day_units
            && matches!(self.kw(end), Kw::From | Kw::After | Kw::Before)
            && self.offset_target(end + 1, Dir::Fwd).is_some()
        {
            return None;
        }
        Some(duration_found(end, &parts, vague))
    }

    /// What an offset counts from: "now", or a core that names a day (or a year, for years).
    fn offset_target(&self, j: usize, dir: Dir) -> Option<(usize, Option<Period>, Grain)> {
        if self.kw(j) == Kw::Now {
            return Some((j + 1, self.published.map(cal::day), Grain::Day));
        }
        let c = self.core(j, Cue::Strong, dir)?;
        let (p, grain) = self.resolve(c.val, dir);
        if matches!(c.val, Val::Unres(_)) && p.is_none() && grain != Grain::Day {
            return None;
        }
        matches!(grain, Grain::Day | Grain::Year).then_some((c.end, p, grain))
    }

    /// Points and intervals counted from a date: "two days after today", "3 days from
    /// Tuesday", "2 weeks before Christmas", "in two weeks" (after a word of the future),
    /// "3 weeks later", "more than 2 weeks before today", "3 days starting from next Monday",
    /// "for 3 days from today".
    pub(super) fn offset(&self, i: usize) -> Option<Found> {
        // "in two weeks", "in a fortnight's time"
        if self.kw(i) == Kw::In {
            let (parts, end) = self.amounts(i + 1)?;
            let times = self.possessive(end) && self.word_is(end + 2, "time");
            if !(self.future_before(i) || times)
                || matches!(
                    self.kw(end),
                    Kw::From | Kw::After | Kw::Before | Kw::Ago | Kw::Since
                )
            {
                return None;
            }
            let f = self.counted_point(end, &parts, self.published, 1)?;
            return Some(self.then_on_weekday(f));
        }
        let for_ = self.kw(i) == Kw::For;
        let qualifier = match (self.kw(i), self.kw(i + 1)) {
            (Kw::More, Kw::Than) => Some(true),
            (Kw::Less, Kw::Than) => Some(false),
            _ => None,
        };
        let start = if for_ {
            i + 1
        } else if qualifier.is_some() {
            i + 2
        } else {
            i
        };
        let (parts, end) = self.amounts(start)?;
        if parts.iter().any(|p| p.1 < Unit::Day || p.0.fract() != 0.0) {
            return None;
        }
        // "3 weeks later": from the anchor
        if self.kw(end) == Kw::Later && !for_ && qualifier.is_none() {
            return self.counted_point(end + 1, &parts, self.base(), 1);
        }
        // "3 days starting from next Monday", "for 3 days, from today"
        let from_at = if self.punct(end, &[","]) {
            end + 1
        } else {
            end
        };
        let window = match (self.kw(from_at), self.kw(from_at + 1)) {
            (Kw::Starting | Kw::Beginning, Kw::From | Kw::On) if !for_ => Some(from_at + 2),
            (Kw::Starting | Kw::Beginning, _) if !for_ => Some(from_at + 1),
            (Kw::From, _) if for_ => Some(from_at + 1),
            _ => None,
        };
        if let Some(j) = window {
            let dir = if for_ { Dir::Fwd } else { Dir::Back };
            let (e, p, grain) = self.offset_target(j, dir)?;
            if grain != Grain::Day || qualifier.is_some() {
                return None;
            }
            let dates = p.and_then(|p| {
                let mut last = p.start;
                for (n, u) in &parts {
                    last = cal::shift_date(last, *u, *n as i64)?;
                }
                Some((p.start, last.pred_opt()?))
            });
            return Some(Found {
                end: e,
                kind: TimeKind::Range,
                grain: Grain::Day,
                start_date: dates.map(|d| d.0),
                end_date: dates.map(|d| d.1),
                timex: dates.map(|(a, b)| format!("{a}/{b}")),
            });
        }
        if for_ {
            return None;
        }
        let sign = match self.kw(end) {
            Kw::From | Kw::After => 1,
            Kw::Before => -1,
            _ => return None,
        };
        let (e, p, grain) = self.offset_target(end + 1, Dir::Fwd)?;
        let shifted = |from: NaiveDate| {
            let mut d = from;
            for (n, u) in &parts {
                d = cal::shift_date(d, *u, sign * *n as i64)?;
            }
            Some(d)
        };
        let target = p.and_then(|p| shifted(p.start));
        match qualifier {
            None => {
                let val = match (grain, target) {
                    (Grain::Year, Some(d)) => Some(cal::year(chrono::Datelike::year(&d))?),
                    (_, Some(d)) => Some(cal::day(d)),
                    _ => None,
                };
                let f = found(e, TimeKind::Point, grain, val);
                Some(self.then_on_weekday(f))
            }
            Some(more) => {
                let x = p.map(|p| p.start);
                let (kind, a, b) = match (more, sign > 0) {
                    (true, true) => (TimeKind::Since, target, None),
                    (true, false) => (TimeKind::Until, None, target.and_then(|d| d.pred_opt())),
                    (false, true) => (TimeKind::Range, x, target.and_then(|d| d.pred_opt())),
                    (false, false) => (TimeKind::Range, target, x),
                };
                let end_date = match kind {
                    TimeKind::Since => a.and(self.published.filter(|d| Some(*d) >= a)),
                    _ => b,
                };
                Some(Found {
                    end: e,
                    kind,
                    grain: Grain::Day,
                    start_date: a,
                    end_date,
                    timex: a.or(b).map(|d| d.to_string()),
                })
            }
        }
    }

    /// A point `parts` after (`sign` 1) or before `from`, at the precision of the smallest
    /// unit counted: "in two weeks" is a week, "in 3 days" a day.
    fn counted_point(
        &self,
        end: usize,
        parts: &[(f64, Unit)],
        from: Option<NaiveDate>,
        sign: i64,
    ) -> Option<Found> {
        let smallest = parts.iter().map(|p| p.1).min()?;
        if smallest < Unit::Day || parts.iter().any(|p| p.0.fract() != 0.0) {
            return None;
        }
        let unit = match smallest {
            Unit::Decade | Unit::Century => Unit::Year,
            Unit::Fortnight => Unit::Week,
            u => u,
        };
        let p = from.and_then(|f| {
            let mut d = f;
            for (n, u) in parts {
                d = cal::shift_date(d, *u, sign * *n as i64)?;
            }
            cal::containing(unit, d)
        });
        Some(found(end, TimeKind::Point, cal::unit_grain(unit), p))
    }

    /// A day counted to, moved to the weekday named after it: "in 3 days on Friday".
    fn then_on_weekday(&self, f: Found) -> Found {
        match (self.kw(f.end), self.kw(f.end + 1)) {
            (Kw::On, Kw::Weekday(wd, _)) if f.grain == Grain::Day => {
                let end = f.end + 2;
                on_weekday(f, wd, end)
            }
            _ => f,
        }
    }

    /// A word of the future shortly before token `i`, in the same sentence.
    fn future_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(12);
        for k in (lo..i).rev() {
            let Some(t) = self.tok(k) else { continue };
            if t.kind == Kind::Punct && t.text == "." {
                return false;
            }
            if t.kind == Kind::Word && FUTURE.iter().any(|w| t.text.eq_ignore_ascii_case(w)) {
                return true;
            }
        }
        false
    }
}

/// A duration found: its ISO 8601 value, or "PX…" when the count was only implied.
impl Grammar<'_> {
    /// How many tokens at `i` modify the length that follows, inside its span as TimeML
    /// writes it (TIMEX3's `mod`): "more than", "less than", "no more than", "at least",
    /// "at most", "up to", "nearly", "almost", "about", "around", "roughly",
    /// "approximately", "some" before a number.
    pub(super) fn length_modifier(&self, i: usize) -> usize {
        let than =
            |k: usize| matches!(self.kw(k), Kw::More | Kw::Less) && self.kw(k + 1) == Kw::Than;
        if self.kw(i) == Kw::No && than(i + 1) {
            return 3;
        }
        if than(i) {
            return 2;
        }
        if (self.word_is(i, "at") && (self.word_is(i + 1, "least") || self.word_is(i + 1, "most")))
            || (self.word_is(i, "up") && self.kw(i + 1) == Kw::To)
        {
            return 2;
        }
        const ONE: &[&str] = &[
            "nearly",
            "almost",
            "about",
            "around",
            "roughly",
            "approximately",
        ];
        if ONE.iter().any(|w| self.word_is(i, w)) {
            return 1;
        }
        let number = self.tok(i + 1).is_some_and(|t| t.kind == Kind::Num)
            || matches!(self.kw(i + 1), Kw::Number(_));
        usize::from(self.word_is(i, "some") && number)
    }
}

fn duration_found(end: usize, parts: &[(f64, Unit)], vague: bool) -> Found {
    let largest = parts.iter().map(|p| p.1).max().unwrap_or(Unit::Day);
    let timex = if vague {
        cal::vague_duration(largest).to_string()
    } else {
        cal::duration(parts)
    };
    Found {
        end,
        kind: TimeKind::Duration,
        grain: cal::unit_grain(largest),
        start_date: None,
        end_date: None,
        timex: Some(timex),
    }
}
