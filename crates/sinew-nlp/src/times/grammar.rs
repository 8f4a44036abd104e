//! The forms of time expressions, as small parsers over the token stream.
//!
//! Every parser takes a token index and returns where its match ends (exclusive) and what it
//! means, or `None`. Parsers look ahead a bounded number of tokens, never behind more than one.

use std::cmp::Ordering;

use chrono::{Datelike, Days, NaiveDate};
use sinew_types::{Grain, TimeKind};

use super::cal::{self, Part, Period};
use super::lex::{Kind, Kw, Tok, Unit};

/// A full match at one token: what the caller turns into a `TimeExpr`.
#[derive(Debug)]
pub(crate) struct Found {
    /// Token index one past the match.
    pub(crate) end: usize,
    pub(crate) kind: TimeKind,
    pub(crate) grain: Grain,
    pub(crate) start_date: Option<NaiveDate>,
    pub(crate) end_date: Option<NaiveDate>,
    pub(crate) timex: Option<String>,
}

/// A calendar date with parts possibly missing: a year, a month of a year or of an unknown
/// year, or a day.
#[derive(Debug, Clone, Copy)]
struct Cal {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    part: Option<Part>,
}

impl Cal {
    fn year(y: i32) -> Self {
        Cal {
            year: Some(y),
            month: None,
            day: None,
            part: None,
        }
    }

    fn grain(&self) -> Grain {
        match (self.month, self.day) {
            (None, _) => Grain::Year,
            (Some(_), None) => Grain::Month,
            (Some(_), Some(_)) => Grain::Day,
        }
    }

    fn order(&self) -> (u32, u32) {
        (self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
}

/// What a core expression denotes.
#[derive(Debug, Clone, Copy)]
enum Val {
    /// A calendar date whose year may still have to be chosen.
    Cal(Cal),
    /// A resolved period.
    Per(Period),
    /// A relative expression with nothing to resolve it against.
    Unres(Grain),
}

/// A core expression: a point or period without a signal word.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    val: Val,
}

/// How to choose the year of a month or day named without one, relative to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// The latest on or before publication ("in December", "since September").
    Back,
    /// The earliest on or after publication ("until June").
    Fwd,
    /// Strictly before the publication month or day ("last December").
    Before,
    /// Strictly after ("next March").
    After,
    /// In the publication year ("this December").
    Same,
}

/// How strongly the word before a token says "a date follows".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// "and", "by", "to", "of": a year only when no plural noun follows ("by 2000 troops").
    Weak,
    /// "in", "since", "until", "during": a year or a month.
    Strong,
}

const DASHES: &[&str] = &["-", "–", "—"];
const APOSTROPHES: &[&str] = &["'", "’"];

pub(crate) struct Grammar<'a> {
    toks: &'a [Tok<'a>],
    text: &'a str,
    published: Option<NaiveDate>,
    anchor: Option<NaiveDate>,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(toks: &'a [Tok<'a>], text: &'a str, published: Option<NaiveDate>) -> Self {
        Grammar {
            toks,
            text,
            published,
            anchor: None,
        }
    }

    /// Records the date the discourse last talked about.
    pub(crate) fn set_anchor(&mut self, d: NaiveDate) {
        self.anchor = Some(d);
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Punct || (t.kind == Kind::Word && t.kw == Kw::Other && !t.cap) {
            return None;
        }
        let cands = [
            self.signalled(i),
            self.between(i),
            self.ranged_from(i),
            self.rolling(i),
            self.duration(i),
            self.year_range(i),
            self.month_range(i),
            self.point(i),
        ];
        cands
            .into_iter()
            .flatten()
            .filter(|f| f.end > i)
            .max_by_key(|f| f.end)
    }

    // ---- token helpers ----

    fn kw(&self, i: usize) -> Kw {
        self.toks.get(i).map_or(Kw::Other, |t| t.kw)
    }

    /// Token `i` touches the token before it.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && set.contains(&t.text))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.text.eq_ignore_ascii_case(w))
    }

    /// A capitalised month name at `i`.
    fn month_at(&self, i: usize) -> Option<(u32, bool)> {
        match self.toks.get(i) {
            Some(Tok {
                kw: Kw::Month(m, strong),
                cap: true,
                ..
            }) => Some((*m, *strong)),
            _ => None,
        }
    }

    /// A digit run that stands alone as a number: not part of "6,700", "2.5", "$2024" or
    /// "2024%". Returns its value and digit count.
    fn clean_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.text.len() > 9 {
            return None;
        }
        let before = &self.text[..t.start];
        let after = &self.text[t.end..];
        let digit_after_sep = |s: &str| {
            let mut c = s.chars();
            matches!(c.next(), Some(',' | '.')) && c.next().is_some_and(|d| d.is_ascii_digit())
        };
        let mut rev = before.chars().rev();
        let sep_before =
            matches!(rev.next(), Some(',' | '.')) && rev.next().is_some_and(|d| d.is_ascii_digit());
        if sep_before
            || digit_after_sep(after)
            || before.ends_with(['$', '€', '£', '¥', '#'])
            || after.starts_with('%')
        {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// A four-digit year in `lo..=hi`.
    fn year4(&self, i: usize, lo: i32, hi: i32) -> Option<i32> {
        let (n, digits) = self.clean_num(i)?;
        let y = i32::try_from(n).ok()?;
        (digits == 4 && (lo..=hi).contains(&y)).then_some(y)
    }

    /// One past an ordinal suffix glued to the number at `i` ("27th").
    fn after_suffix(&self, i: usize) -> usize {
        let j = i + 1;
        let suffix = ["st", "nd", "rd", "th"].iter().any(|s| self.word_is(j, s));
        if suffix && self.glued(j) {
            j + 1
        } else {
            j
        }
    }

    /// "’s" glued after token `i - 1`, starting at `i`.
    fn possessive(&self, i: usize) -> bool {
        self.punct(i, APOSTROPHES) && self.glued(i) && self.word_is(i + 1, "s") && self.glued(i + 1)
    }

    /// How strongly the word before `i` announces a date.
    fn cue(&self, i: usize) -> Cue {
        if i == 0 {
            return Cue::None;
        }
        match self.kw(i - 1) {
            Kw::In
            | Kw::During
            | Kw::Since
            | Kw::Until
            | Kw::Before
            | Kw::After
            | Kw::Between
            | Kw::Through
            | Kw::Early
            | Kw::Mid
            | Kw::Late => Cue::Strong,
            Kw::By
            | Kw::To
            | Kw::And
            | Kw::Or
            | Kw::From
            | Kw::On
            | Kw::Of
            | Kw::For
            | Kw::Prep
            | Kw::Over
            | Kw::Within => Cue::Weak,
            _ if self.punct(i - 1, DASHES) && self.kw(i.wrapping_sub(2)) == Kw::Post => Cue::Strong,
            _ => Cue::None,
        }
    }

    /// The word after `i` is a lower-case plural ("troops"), so `i` is a count, not a year.
    fn counted(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.cap
                && t.text.len() > 2
                && t.text.ends_with('s')
                && !t.text.ends_with("ss")
                && matches!(t.kw, Kw::Other | Kw::Unit(..))
        })
    }

    fn base_year(&self) -> Option<i32> {
        self.anchor.or(self.published).map(|d| d.year())
    }

    // ---- resolution ----

    fn pick_year(&self, month: u32, day: Option<u32>, dir: Dir) -> Option<i32> {
        let p = self.published?;
        let c = match day {
            Some(d) => (month, d).cmp(&(p.month(), p.day())),
            None => month.cmp(&p.month()),
        };
        let y = p.year();
        Some(match dir {
            Dir::Back if c == Ordering::Greater => y - 1,
            Dir::Fwd if c == Ordering::Less => y + 1,
            Dir::Before if c != Ordering::Less => y - 1,
            Dir::After if c != Ordering::Greater => y + 1,
            _ => y,
        })
    }

    fn cal_period(&self, c: Cal, dir: Dir) -> Option<Period> {
        let y = match c.year {
            Some(y) => y,
            None => self.pick_year(c.month?, c.day, dir)?,
        };
        let p = match (c.month, c.day) {
            (None, _) => cal::year(y)?,
            (Some(m), None) => cal::month(y, m)?,
            (Some(m), Some(d)) => cal::day(cal::date(y, m, d)?),
        };
        Some(match c.part {
            Some(part) => cal::narrow(p, part),
            None => p,
        })
    }

    fn resolve(&self, v: Val, dir: Dir) -> (Option<Period>, Grain) {
        match v {
            Val::Per(p) => (Some(p), p.grain),
            Val::Unres(g) => (None, g),
            Val::Cal(c) => (self.cal_period(c, dir), c.grain()),
        }
    }

    /// A period computed from the publication date, or an unresolved value of that grain.
    fn relative_to_published(
        &self,
        grain: Grain,
        f: impl FnOnce(NaiveDate) -> Option<Period>,
    ) -> Val {
        match self.published.and_then(f) {
            Some(p) => Val::Per(p),
            None => Val::Unres(grain),
        }
    }

    // ---- top-level forms ----

    fn point(&self, i: usize) -> Option<Found> {
        let c = self.core(i, self.cue(i), Dir::Back)?;
        let (p, grain) = self.resolve(c.val, Dir::Back);
        Some(found(c.end, TimeKind::Point, grain, p))
    }

    /// "since X", "after X", "post-X", "by X", "until X", "through X", "before X".
    fn signalled(&self, i: usize) -> Option<Found> {
        let no_later_than =
            self.kw(i) == Kw::No && self.kw(i + 1) == Kw::Later && self.word_is(i + 2, "than");
        let (kw, mut j) = if no_later_than {
            (Kw::By, i + 3)
        } else {
            (self.kw(i), i + 1)
        };
        if kw == Kw::Post {
            if !(self.punct(j, DASHES) && self.glued(j) && self.glued(j + 1)) {
                return None;
            }
            j += 1;
        }
        let dir = match kw {
            Kw::Since | Kw::After | Kw::Post | Kw::Before => Dir::Back,
            Kw::By | Kw::Until | Kw::Through => Dir::Fwd,
            _ => return None,
        };
        // "by" also measures ("rose by 2000 troops"), so it announces a year only weakly
        let cue = if kw == Kw::By { Cue::Weak } else { Cue::Strong };
        let x = self.core(j, cue, dir)?;
        let (p, grain) = self.resolve(x.val, dir);
        let timex = p.as_ref().map(cal::timex);
        let day = |d: Option<NaiveDate>, back: bool| {
            d.and_then(|d| if back { d.pred_opt() } else { d.succ_opt() })
        };
        let (kind, start, end) = match kw {
            Kw::Since => (TimeKind::Since, p.map(|p| p.start), None),
            Kw::After | Kw::Post => (TimeKind::Since, day(p.map(|p| p.end), false), None),
            Kw::Before => (TimeKind::Until, None, day(p.map(|p| p.start), true)),
            _ => (TimeKind::Until, None, p.map(|p| p.end)),
        };
        let end = match kind {
            TimeKind::Since => start.and(self.published.filter(|d| Some(*d) >= start)),
            _ => end,
        };
        Some(Found {
            end: x.end,
            kind,
            grain,
            start_date: start,
            end_date: end,
            timex,
        })
    }

    /// "between X and Y".
    fn between(&self, i: usize) -> Option<Found> {
        if self.kw(i) != Kw::Between {
            return None;
        }
        let x = self.core(i + 1, Cue::Strong, Dir::Back)?;
        let sep =
            matches!(self.kw(x.end), Kw::And | Kw::Through | Kw::To) || self.punct(x.end, DASHES);
        if !sep {
            return None;
        }
        self.range_to(x, x.end + 1)
    }

    /// "from X to Y", "from X until Y", "from X-Y".
    fn ranged_from(&self, i: usize) -> Option<Found> {
        if self.kw(i) != Kw::From {
            return None;
        }
        let x = self.core(i + 1, Cue::Strong, Dir::Back)?;
        let sep =
            matches!(self.kw(x.end), Kw::To | Kw::Until | Kw::Through) || self.punct(x.end, DASHES);
        if !sep {
            return None;
        }
        self.range_to(x, x.end + 1)
    }

    /// The second end of a range whose first end is `x`, starting at token `j`.
    fn range_to(&self, x: Core, j: usize) -> Option<Found> {
        let y = match x.val {
            // "between May 16 and 17"
            Val::Cal(c @ Cal { day: Some(_), .. }) if self.month_at(j).is_none() => {
                match self.clean_num(j) {
                    Some((d, digits)) if digits <= 2 && self.month_at(j + 1).is_none() => {
                        let end = self.after_suffix(j);
                        let (year, end) = self
                            .trailing_year(end)
                            .map_or((c.year, end), |(y, e)| (Some(y), e));
                        Core {
                            end,
                            val: Val::Cal(Cal {
                                year,
                                day: Some(d),
                                ..c
                            }),
                        }
                    }
                    _ => self.core(j, Cue::Strong, Dir::Back)?,
                }
            }
            _ => self.core(j, Cue::Strong, Dir::Back)?,
        };
        self.range(x.val, y)
    }

    /// A closed range from `x` to `y`; yearless ends borrow the other end's year.
    fn range(&self, x: Val, y: Core) -> Option<Found> {
        let (mut a, mut b) = (x, y.val);
        if let (Val::Cal(ca), Val::Cal(cb)) = (&mut a, &mut b) {
            match (ca.year, cb.year) {
                (None, Some(yb)) => {
                    ca.year = Some(if ca.order() > cb.order() { yb - 1 } else { yb });
                }
                (Some(ya), None) => {
                    cb.year = Some(if cb.order() < ca.order() { ya + 1 } else { ya });
                }
                (None, None) => {
                    if let Some(pb) = self.cal_period(*cb, Dir::Back) {
                        let yb = pb.start.year();
                        cb.year = Some(yb);
                        ca.year = Some(if ca.order() > cb.order() { yb - 1 } else { yb });
                    }
                }
                (Some(_), Some(_)) => {}
            }
        }
        let (pa, grain) = self.resolve(a, Dir::Back);
        let (pb, _) = self.resolve(b, Dir::Back);
        let (start, end, timex) = match (pa, pb) {
            (Some(pa), Some(pb)) => {
                if pa.start > pb.end {
                    return None;
                }
                let timex = format!("{}/{}", cal::timex(&pa), cal::timex(&pb));
                (Some(pa.start), Some(pb.end), Some(timex))
            }
            _ => (None, None, None),
        };
        Some(Found {
            end: y.end,
            kind: TimeKind::Range,
            grain,
            start_date: start,
            end_date: end,
            timex,
        })
    }

    /// "2021-2023", "2021–23", "2021 to 2023".
    fn year_range(&self, i: usize) -> Option<Found> {
        let a = self.year4(i, 1900, 2100)?;
        let j = i + 1;
        let dash = self.punct(j, DASHES);
        if !(dash || matches!(self.kw(j), Kw::To | Kw::Through | Kw::Until)) {
            return None;
        }
        let b = match self.clean_num(j + 1) {
            Some((n, 4)) => i32::try_from(n).ok()?,
            Some((n, 2)) if dash && self.glued(j) && self.glued(j + 1) => {
                a - a.rem_euclid(100) + i32::try_from(n).ok()?
            }
            _ => {
                // "2014 through May 2018"
                let y = self.core(j + 1, Cue::Strong, Dir::Back)?;
                return match y.val {
                    Val::Cal(Cal {
                        year: Some(_),
                        month: Some(_),
                        ..
                    }) => self.range(Val::Cal(Cal::year(a)), y),
                    _ => None,
                };
            }
        };
        if b <= a || b > 2100 || self.punct(j + 2, DASHES) && self.glued(j + 2) {
            return None;
        }
        let y = Core {
            end: j + 2,
            val: Val::Cal(Cal::year(b)),
        };
        self.range(Val::Cal(Cal::year(a)), y)
    }

    /// "May 16 and 17", "May 16-17, 2024", "Jan-Feb 2017", "Nov 18 2014-Dec 19 2015".
    fn month_range(&self, i: usize) -> Option<Found> {
        // a bare "May" needs a cue, unless glued to the next month: "May-June 2023"
        let cued = self.month_date(i, self.cue(i)).is_some();
        let x = self.month_date(i, Cue::Strong)?;
        let Val::Cal(c) = x.val else {
            return None;
        };
        let days = c.day.is_some() && c.year.is_none();
        let glued_dash =
            self.punct(x.end, DASHES) && self.glued(x.end) && self.month_at(x.end + 1).is_some();
        let sep = matches!(self.kw(x.end), Kw::To | Kw::Through | Kw::Until)
            || self.punct(x.end, DASHES)
            || (days && self.kw(x.end) == Kw::And);
        if !sep || !(cued || glued_dash) {
            return None;
        }
        self.range_to(x, x.end + 1)
    }

    /// ", 2024" or " 2024" after a day.
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.punct(j, &[","]) { j + 1 } else { j };
        self.year4(k, 1000, 2199).map(|y| (y, k + 1))
    }

    /// "the past two years", "the last decade", "the next three months", "past five years".
    fn rolling(&self, i: usize) -> Option<Found> {
        let the = self.kw(i) == Kw::The;
        let j = if the { i + 1 } else { i };
        let forward = match self.kw(j) {
            Kw::Past | Kw::Last => false,
            Kw::Next | Kw::Coming => true,
            _ => return None,
        };
        let (n, k) = match self.count(j + 1, false) {
            Some(c) => c,
            None if the => (1, j + 1),
            None => return None,
        };
        let Kw::Unit(unit, plural) = self.kw(k) else {
            return None;
        };
        if plural != (n != 1) || (forward && the && k == j + 1) {
            return None;
        }
        let (unit, n) = if unit == Unit::Decade {
            (Unit::Year, n * 10)
        } else {
            (unit, n)
        };
        let grain = cal::unit_grain(unit);
        let dates = self.published.and_then(|p| {
            let n = i64::from(n);
            let other = cal::shift_date(p, unit, if forward { n } else { -n })?;
            Some(if forward { (p, other) } else { (other, p) })
        });
        Some(Found {
            end: k + 1,
            kind: TimeKind::Range,
            grain,
            start_date: dates.map(|d| d.0),
            end_date: dates.map(|d| d.1),
            timex: dates.map(|(a, b)| format!("{a}/{b}")),
        })
    }

    /// "three years", "for a decade", "20-year".
    fn duration(&self, i: usize) -> Option<Found> {
        let after_for = i > 0 && matches!(self.kw(i - 1), Kw::For | Kw::Over | Kw::Within);
        let (n, j) = self.count(i, after_for)?;
        let hyphened = self.punct(j, DASHES) && self.glued(j) && self.glued(j + 1);
        let k = if hyphened { j + 1 } else { j };
        let Kw::Unit(unit, plural) = self.kw(k) else {
            return None;
        };
        if n == 0 || (hyphened && plural) || (!hyphened && plural != (n != 1)) {
            return None;
        }
        // ages ("20-year-old", "three years old") and "two years ago" are not durations
        let old = (self.punct(k + 1, DASHES) && self.word_is(k + 2, "old"))
            || self.word_is(k + 1, "old")
            || self.kw(k + 1) == Kw::Ago;
        if old {
            return None;
        }
        Some(Found {
            end: k + 1,
            kind: TimeKind::Duration,
            grain: cal::unit_grain(unit),
            start_date: None,
            end_date: None,
            timex: Some(cal::duration(unit, n)),
        })
    }

    /// A small count: digits, a number word ("twenty-five"), or "a"/"an" when allowed.
    fn count(&self, i: usize, allow_a: bool) -> Option<(u32, usize)> {
        match self.kw(i) {
            Kw::A if allow_a => Some((1, i + 1)),
            Kw::Number(t) => {
                if t >= 20 && self.punct(i + 1, DASHES) && self.glued(i + 1) && self.glued(i + 2) {
                    if let Kw::Number(u) = self.kw(i + 2) {
                        if u < 10 {
                            return Some((t + u, i + 3));
                        }
                    }
                }
                Some((t, i + 1))
            }
            _ => {
                let (n, digits) = self.clean_num(i)?;
                (digits <= 4).then_some((n, i + 1))
            }
        }
    }

    // ---- core expressions ----

    /// The longest core expression at `i`.
    fn core(&self, i: usize, cue: Cue, dir: Dir) -> Option<Core> {
        let cands = [
            self.num_date(i, cue),
            self.month_date(i, cue),
            self.weekday(i, dir),
            self.relative(i),
            self.the_form(i),
            self.parted(i),
            self.quarter_form(i),
            self.season_form(i),
        ];
        cands
            .into_iter()
            .flatten()
            .filter(|c| c.end > i)
            .max_by_key(|c| c.end)
    }

    /// Forms led by digits: "2024-06-27", "27/06/2024", "27 June 2024", "1990s", "2023".
    fn num_date(&self, i: usize, cue: Cue) -> Option<Core> {
        let (n, digits) = self.clean_num(i)?;
        let is_num = |k: usize, max: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Num && t.text.len() <= max)
                && self.glued(k)
        };
        let num = |k: usize| self.toks[k].text.parse::<u32>().ok();
        // ISO 8601
        if digits == 4
            && self.punct(i + 1, &["-"])
            && self.glued(i + 1)
            && is_num(i + 2, 2)
            && self.punct(i + 3, &["-"])
            && self.glued(i + 3)
            && is_num(i + 4, 2)
        {
            let y = i32::try_from(n).ok()?;
            let (m, d) = (num(i + 2)?, num(i + 4)?);
            cal::date(y, m, d)?;
            return Some(Core {
                end: i + 5,
                val: Val::Cal(Cal {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                    part: None,
                }),
            });
        }
        // a/b/yyyy: day first only when the first number cannot be a month
        if digits <= 2
            && self.punct(i + 1, &["/"])
            && self.glued(i + 1)
            && is_num(i + 2, 2)
            && self.punct(i + 3, &["/"])
            && self.glued(i + 3)
            && is_num(i + 4, 4)
            && self.toks[i + 4].text.len() == 4
        {
            let (a, b, y) = (n, num(i + 2)?, i32::try_from(num(i + 4)?).ok()?);
            let (m, d) = match (a <= 12, b <= 12) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                (true, true) if a == b => (a, b),
                _ => return None,
            };
            cal::date(y, m, d)?;
            return Some(Core {
                end: i + 5,
                val: Val::Cal(Cal {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                    part: None,
                }),
            });
        }
        // 27 June 2024, 27th of June
        if digits <= 2 && (1..=31).contains(&n) {
            let mut j = self.after_suffix(i);
            if self.kw(j) == Kw::Of {
                j += 1;
            }
            let (m, _) = self.month_at(j)?;
            let mut end = j + 1;
            if self.punct(end, &["."]) && self.glued(end) && self.toks[j].text.len() <= 4 {
                end += 1;
            }
            let (year, end) = match self.trailing_year(end) {
                Some((y, e)) => (Some(y), e),
                None => (None, j + 1),
            };
            cal::date(year.unwrap_or(2000), m, n)?;
            return Some(Core {
                end,
                val: Val::Cal(Cal {
                    year,
                    month: Some(m),
                    day: Some(n),
                    part: None,
                }),
            });
        }
        if digits != 4 {
            return None;
        }
        let y = i32::try_from(n).ok()?;
        // 1990s
        if y % 10 == 0 && self.word_is(i + 1, "s") && self.glued(i + 1) {
            return Some(Core {
                end: i + 2,
                val: Val::Per(cal::decade(y)?),
            });
        }
        if !(1900..=2100).contains(&y) {
            return None;
        }
        if self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) && self.glued(i + 1) {
            return None;
        }
        let ok =
            self.possessive(i + 1) || cue == Cue::Strong || (cue == Cue::Weak && !self.counted(i));
        ok.then_some(Core {
            end: i + 1,
            val: Val::Cal(Cal::year(y)),
        })
    }

    /// Forms led by a month name: "June 27, 2024", "Dec. 2023", "March of last year",
    /// "December", "in May".
    fn month_date(&self, i: usize, cue: Cue) -> Option<Core> {
        let (m, strong) = self.month_at(i)?;
        let mut j = i + 1;
        if self.punct(j, &["."]) && self.glued(j) && self.toks[i].text.len() <= 4 {
            j += 1;
        }
        let cal = |year, day| {
            Val::Cal(Cal {
                year,
                month: Some(m),
                day,
                part: None,
            })
        };
        if let Some((d, digits)) = self.clean_num(j) {
            if digits <= 2 && (1..=31).contains(&d) {
                let k = self.after_suffix(j);
                let (year, end) = match self.trailing_year(k) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                cal::date(year.unwrap_or(2000), m, d)?;
                return Some(Core {
                    end,
                    val: cal(year, Some(d)),
                });
            }
        }
        if let Some((y, end)) = self.trailing_year(j) {
            return Some(Core {
                end,
                val: cal(Some(y), None),
            });
        }
        if self.kw(j) == Kw::Of {
            if let Some((end, y)) = self.year_ref(j + 1) {
                let val = match y {
                    Some(y) => cal(Some(y), None),
                    None => Val::Unres(Grain::Month),
                };
                return Some(Core { end, val });
            }
        }
        let cued = match cue {
            Cue::Strong => true,
            Cue::Weak => !matches!(self.kw(i.wrapping_sub(1)), Kw::And | Kw::Or),
            Cue::None => false,
        };
        (strong || cued).then_some(Core {
            end: i + 1,
            val: cal(None, None),
        })
    }

    /// A year named absolutely or relative to publication or the anchor: "2023", "last year",
    /// "the previous year", "that year", "the year". `None` inside when it cannot be resolved.
    fn year_ref(&self, i: usize) -> Option<(usize, Option<i32>)> {
        if let Some(y) = self.year4(i, 1000, 2199) {
            return Some((i + 1, Some(y)));
        }
        let is_year = |k: usize| self.kw(k) == Kw::Unit(Unit::Year, false);
        let published = self.published.map(|d| d.year());
        let shift = |base: Option<i32>, n: i32| base.map(|y| y + n);
        match self.kw(i) {
            Kw::Last if is_year(i + 1) => Some((i + 2, shift(published, -1))),
            Kw::This if is_year(i + 1) => Some((i + 2, published)),
            Kw::Next if is_year(i + 1) => Some((i + 2, shift(published, 1))),
            Kw::That if is_year(i + 1) => Some((i + 2, self.base_year())),
            Kw::The => {
                let n = match self.kw(i + 1) {
                    Kw::Previous => -1,
                    Kw::Following | Kw::Next => 1,
                    Kw::Same => 0,
                    Kw::Unit(Unit::Year, false) => return Some((i + 2, self.base_year())),
                    _ => return None,
                };
                is_year(i + 2).then_some((i + 3, shift(self.base_year(), n)))
            }
            _ => None,
        }
    }

    /// "Tuesday", "last Tuesday", "Tuesday, June 18, 2024".
    fn weekday(&self, i: usize, dir: Dir) -> Option<Core> {
        let (lead, dir) = match self.kw(i) {
            Kw::Last | Kw::Previous => (1, Dir::Before),
            Kw::Next | Kw::Coming => (1, Dir::After),
            Kw::This => (1, Dir::Back),
            _ => (0, if dir == Dir::Fwd { Dir::Fwd } else { Dir::Back }),
        };
        let w = i + lead;
        let Some(Tok {
            kw: Kw::Weekday(wd),
            cap: true,
            ..
        }) = self.toks.get(w)
        else {
            return None;
        };
        if lead == 0 {
            let j = if self.punct(w + 1, &[","]) {
                w + 2
            } else {
                w + 1
            };
            let dated = [self.month_date(j, Cue::Strong), self.num_date(j, Cue::None)];
            if let Some(c) = dated
                .into_iter()
                .flatten()
                .find(|c| matches!(c.val, Val::Cal(Cal { day: Some(_), .. })))
            {
                return Some(c);
            }
        }
        let wd = *wd;
        let val = self.relative_to_published(Grain::Day, |p| {
            let today = p.weekday().number_from_monday();
            let back = u64::from((today + 7 - wd) % 7);
            let fwd = u64::from((wd + 7 - today) % 7);
            let d = match dir {
                Dir::Before => p.checked_sub_days(Days::new(if back == 0 { 7 } else { back })),
                Dir::After => p.checked_add_days(Days::new(if fwd == 0 { 7 } else { fwd })),
                Dir::Fwd => p.checked_add_days(Days::new(fwd)),
                _ => p.checked_sub_days(Days::new(back)),
            }?;
            Some(cal::day(d))
        });
        Some(Core { end: w + 1, val })
    }

    /// "yesterday", "last month", "this week", "next December", "last summer",
    /// "two years ago", "a decade ago".
    fn relative(&self, i: usize) -> Option<Core> {
        let day = |n: i64| {
            self.relative_to_published(Grain::Day, |p| {
                Some(cal::day(cal::shift_date(p, Unit::Day, n)?))
            })
        };
        let one = |val| Some(Core { end: i + 1, val });
        // "Russia Today", "USA Today": a capitalised day word inside a name
        let named = self.toks.get(i).is_some_and(|t| t.cap)
            && i > 0
            && self
                .toks
                .get(i - 1)
                .is_some_and(|t| t.kind == Kind::Word && t.cap);
        let (n, dir) = match self.kw(i) {
            Kw::Yesterday | Kw::Today | Kw::Tomorrow if named => return None,
            Kw::Yesterday => return one(day(-1)),
            Kw::Today => return one(day(0)),
            Kw::Tomorrow => return one(day(1)),
            Kw::Earlier | Kw::Later => return self.earlier_later(i),
            Kw::Last => (-1, Dir::Before),
            Kw::This => (0, Dir::Same),
            Kw::Next | Kw::Coming => (1, Dir::After),
            _ => return self.ago(i),
        };
        let end = i + 2;
        let val = match self.kw(i + 1) {
            Kw::Unit(unit, false) => {
                self.relative_to_published(cal::unit_grain(unit), |p| cal::relative(unit, p, n))
            }
            Kw::Month(m, _) if self.toks[i + 1].cap => match self.pick_year(m, None, dir) {
                Some(y) => Val::Per(cal::month(y, m)?),
                None => Val::Unres(Grain::Month),
            },
            Kw::Season(s) => self.relative_to_published(Grain::Season, |p| {
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
            _ => return None,
        };
        Some(Core { end, val })
    }

    /// "earlier this year" (from the start of the year to publication), "later this month",
    /// "later next year" (its late third).
    fn earlier_later(&self, i: usize) -> Option<Core> {
        let earlier = self.kw(i) == Kw::Earlier;
        let n = match self.kw(i + 1) {
            Kw::Last => -1,
            Kw::This => 0,
            Kw::Next => 1,
            _ => return None,
        };
        let Kw::Unit(unit, false) = self.kw(i + 2) else {
            return None;
        };
        let val = self.relative_to_published(cal::unit_grain(unit), |p| {
            let whole = cal::relative(unit, p, n)?;
            Some(match (n, earlier) {
                (0, true) => Period { end: p, ..whole },
                (0, false) => Period { start: p, ..whole },
                (_, true) => cal::narrow(whole, Part::Early),
                (_, false) => cal::narrow(whole, Part::Late),
            })
        });
        Some(Core { end: i + 3, val })
    }

    /// "two years ago", "a decade ago".
    fn ago(&self, i: usize) -> Option<Core> {
        let (n, j) = self.count(i, true)?;
        let Kw::Unit(unit, plural) = self.kw(j) else {
            return None;
        };
        if self.kw(j + 1) != Kw::Ago || plural != (n != 1) || n > 1000 {
            return None;
        }
        let (step, n) = if unit == Unit::Decade {
            (Unit::Year, n * 10)
        } else {
            (unit, n)
        };
        let val = self.relative_to_published(cal::unit_grain(step), |p| {
            cal::relative(step, p, -i64::from(n))
        });
        Some(Core { end: j + 2, val })
    }

    /// Forms led by "the": "the 1990s", "the first quarter of 2024", "the summer of 2023",
    /// "the end of 2023", "the previous year".
    fn the_form(&self, i: usize) -> Option<Core> {
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
            return Some(Core {
                end: j + 3,
                val: Val::Per(cal::decade(first)?),
            });
        }
        match self.kw(j) {
            Kw::Ordinal(_) | Kw::Last => self.quarter_of(j),
            Kw::Season(s) if self.kw(j + 1) == Kw::Of => {
                let (end, y) = self.year_ref(j + 2)?;
                let val = match y {
                    Some(y) => Val::Per(cal::season(y, s)?),
                    None => Val::Unres(Grain::Season),
                };
                Some(Core { end, val })
            }
            Kw::End | Kw::Beginning | Kw::Middle if self.kw(j + 1) == Kw::Of => {
                let part = match self.kw(j) {
                    Kw::End => Part::Late,
                    Kw::Beginning => Part::Early,
                    _ => Part::Mid,
                };
                self.part_of(j + 2, part)
            }
            Kw::Previous | Kw::Following | Kw::Same | Kw::Next => {
                let Kw::Unit(unit, false) = self.kw(j + 1) else {
                    return None;
                };
                let n = match self.kw(j) {
                    Kw::Previous => -1,
                    Kw::Same => 0,
                    _ => 1,
                };
                let base = self.anchor.or(self.published);
                let val = match base.and_then(|b| cal::relative(unit, b, n)) {
                    Some(p) => Val::Per(p),
                    None => Val::Unres(cal::unit_grain(unit)),
                };
                Some(Core { end: j + 2, val })
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

    /// "first quarter of 2024", "second half of last year", "first-quarter 2024"; `i` is at
    /// the ordinal.
    fn quarter_of(&self, i: usize) -> Option<Core> {
        let n = match self.kw(i) {
            Kw::Ordinal(n) => n,
            Kw::Last => 0,
            _ => return None,
        };
        let mut j = i + 1;
        if self.punct(j, DASHES) && self.glued(j) {
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
        let (end, y) = self.year_ref(k)?;
        let grain = if half { Grain::Half } else { Grain::Quarter };
        let val = match y {
            Some(y) if half => Val::Per(cal::half(y, n)?),
            Some(y) => Val::Per(cal::quarter(y, n)?),
            None => Val::Unres(grain),
        };
        Some(Core { end, val })
    }

    /// "Q1 2024", "H1", "first quarter of 2024".
    fn quarter_form(&self, i: usize) -> Option<Core> {
        if matches!(self.kw(i), Kw::Ordinal(_)) {
            return self.quarter_of(i);
        }
        let t = self.toks.get(i)?;
        let half = match t.text {
            "Q" => false,
            "H" => true,
            _ => return None,
        };
        let (n, digits) = self.clean_num(i + 1)?;
        if digits != 1
            || !self.glued(i + 1)
            || self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind == Kind::Word && self.glued(i + 2))
        {
            return None;
        }
        let (end, y) = match self.year_ref(i + 2) {
            Some(r) => r,
            None => (i + 2, self.published.map(|d| d.year())),
        };
        let grain = if half { Grain::Half } else { Grain::Quarter };
        let val = match y {
            Some(y) if half => Val::Per(cal::half(y, n)?),
            Some(y) => Val::Per(cal::quarter(y, n)?),
            None => {
                (1..=if half { 2 } else { 4 }).contains(&n).then_some(())?;
                Val::Unres(grain)
            }
        };
        Some(Core { end, val })
    }

    /// "summer 2023", "winter of 2022".
    fn season_form(&self, i: usize) -> Option<Core> {
        let Kw::Season(s) = self.kw(i) else {
            return None;
        };
        let (end, y) = match self.year4(i + 1, 1000, 2199) {
            Some(y) => (i + 2, Some(y)),
            None if self.kw(i + 1) == Kw::Of => self.year_ref(i + 2)?,
            None => return None,
        };
        let val = match y {
            Some(y) => Val::Per(cal::season(y, s)?),
            None => Val::Unres(Grain::Season),
        };
        Some(Core { end, val })
    }

    /// "early 2024", "mid-2023", "late December", "late last year", "the early 1990s" is
    /// not covered (the "the" comes first).
    fn parted(&self, i: usize) -> Option<Core> {
        let part = match self.kw(i) {
            Kw::Early => Part::Early,
            Kw::Mid => Part::Mid,
            Kw::Late => Part::Late,
            _ => return None,
        };
        let j = if self.punct(i + 1, DASHES) && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        self.part_of(j, part)
    }

    /// Part of the period named at `j`.
    fn part_of(&self, j: usize, part: Part) -> Option<Core> {
        let cands = [
            self.num_date(j, Cue::Strong),
            self.month_date(j, Cue::Strong),
            self.relative(j),
            self.the_form(j),
            self.year_ref(j).map(|(end, y)| Core {
                end,
                val: y.map_or(Val::Unres(Grain::Year), |y| Val::Cal(Cal::year(y))),
            }),
        ];
        let c = cands.into_iter().flatten().max_by_key(|c| c.end)?;
        let val = match c.val {
            Val::Cal(cal) if cal.day.is_none() => Val::Cal(Cal {
                part: Some(part),
                ..cal
            }),
            Val::Per(p) if matches!(p.grain, Grain::Year | Grain::Month | Grain::Decade) => {
                Val::Per(cal::narrow(p, part))
            }
            Val::Unres(g @ (Grain::Year | Grain::Month | Grain::Decade)) => Val::Unres(g),
            _ => return None,
        };
        Some(Core { end: c.end, val })
    }
}

fn found(end: usize, kind: TimeKind, grain: Grain, p: Option<Period>) -> Found {
    Found {
        end,
        kind,
        grain,
        start_date: p.map(|p| p.start),
        end_date: p.map(|p| p.end),
        timex: p.as_ref().map(cal::timex),
    }
}
