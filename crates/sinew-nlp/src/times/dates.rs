//! Calendar dates: numeric ("2024-06-27", "6/27", "20240627"), month-led ("June 27, 2024",
//! "Dec. 2023"), day-led ("27 June", "the fourth of July 1995"), weekdays, holidays and years
//! written in words.

use chrono::{Datelike, Weekday};
use sinew_types::Grain;

use super::cal::{self, Holiday};
use super::grammar::{Cal, Core, Cue, Dir, Grammar, Val, APOSTROPHES, DASHES, RANGE_MARKS};
use super::lex::{Kind, Kw, MonthWord, Unit};

/// One piece of a date written without spaces: a number (value, digits) or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Num(u32, usize),
    Month(u32),
}

/// Holiday names, lower case, one word a token ("'s" is skipped), with their rule.
const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["xmas"], Holiday::Fixed(12, 25)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (&["new", "year", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "years", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "day"], Holiday::Fixed(1, 1)),
    (&["new", "years", "day"], Holiday::Fixed(1, 1)),
    (&["new", "year"], Holiday::Fixed(1, 1)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (
        &["thanksgiving", "day"],
        Holiday::Nth(11, Weekday::Thu, 4, 0),
    ),
    (&["thanksgiving"], Holiday::Nth(11, Weekday::Thu, 4, 0)),
    (&["black", "friday"], Holiday::Nth(11, Weekday::Thu, 4, 1)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["labor", "day"], Holiday::Nth(9, Weekday::Mon, 1, 0)),
    (&["memorial", "day"], Holiday::Nth(5, Weekday::Mon, 0, 0)),
    (&["valentine", "day"], Holiday::Fixed(2, 14)),
    (&["valentines", "day"], Holiday::Fixed(2, 14)),
    (&["earth", "day"], Holiday::Fixed(4, 22)),
    (&["victory", "day"], Holiday::Fixed(5, 9)),
    (&["saint", "patrick", "day"], Holiday::Fixed(3, 17)),
    (&["saint", "patrick"], Holiday::Fixed(3, 17)),
    (&["st", "patrick", "day"], Holiday::Fixed(3, 17)),
    (&["international", "workers", "day"], Holiday::Fixed(5, 1)),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["armistice", "day"], Holiday::Fixed(11, 11)),
    (&["remembrance", "day"], Holiday::Fixed(11, 11)),
    (&["mlk", "day"], Holiday::Nth(1, Weekday::Mon, 3, 0)),
    (
        &["martin", "luther", "king", "day"],
        Holiday::Nth(1, Weekday::Mon, 3, 0),
    ),
    (&["columbus", "day"], Holiday::Nth(10, Weekday::Mon, 2, 0)),
    (&["presidents", "day"], Holiday::Nth(2, Weekday::Mon, 3, 0)),
    (&["mother", "day"], Holiday::Nth(5, Weekday::Sun, 2, 0)),
    (&["mothers", "day"], Holiday::Nth(5, Weekday::Sun, 2, 0)),
    (&["father", "day"], Holiday::Nth(6, Weekday::Sun, 3, 0)),
    (&["fathers", "day"], Holiday::Nth(6, Weekday::Sun, 3, 0)),
];

impl Grammar<'_> {
    /// The longest core expression at `i`. A pure function of the grammar's state, so the
    /// last answer is kept and given again for the same question.
    pub(super) fn core(&self, i: usize, cue: Cue, dir: Dir) -> Option<Core> {
        if let Some((mi, mc, md, found)) = self.core_memo.get() {
            if (mi, mc, md) == (i, cue, dir) {
                return found;
            }
        }
        let found = self.core_read(i, cue, dir);
        self.core_memo.set(Some((i, cue, dir, found)));
        found
    }

    /// [`Grammar::core`] without the memo.
    fn core_read(&self, i: usize, cue: Cue, dir: Dir) -> Option<Core> {
        let t = self.tok(i)?;
        if t.kind == Kind::Punct && !APOSTROPHES.contains(&t.text) {
            return None;
        }
        let cands = [
            self.num_date(i, cue),
            self.month_date(i, cue),
            self.day_first(i),
            self.weekday(i, dir),
            self.relative(i),
            self.the_form(i),
            self.parted(i),
            self.quarter_form(i),
            self.season_form(i, cue, dir),
            self.holiday(i, dir),
            self.week_form(i),
            self.span_of(i),
            self.century(i),
            self.decade_word(i),
            self.named_year(i, cue),
        ];
        cands
            .into_iter()
            .flatten()
            .filter(|c| c.end > i)
            .max_by_key(|c| c.end)
    }

    /// A month word at `i`, in any case.
    pub(super) fn month_word_at(&self, i: usize) -> Option<(u32, MonthWord)> {
        match self.kw(i) {
            Kw::Month(m, w) => Some((m, w)),
            _ => None,
        }
    }

    /// A period glued after the abbreviated month at `i`: "Dec.", "Sept.".
    fn abbr_period(&self, i: usize) -> bool {
        matches!(self.kw(i), Kw::Month(_, MonthWord::Abbr) | Kw::Month(3, _))
            && self.tok(i).is_some_and(|t| t.text.len() <= 4)
            && self.punct(i + 1, &["."])
            && self.glued(i + 1)
    }

    /// A month named alone may be taken: full names always, abbreviations and the ambiguous
    /// "May" and "March" after a word that announces a date (lower-case "may" and "march"
    /// only after a strong one).
    fn bare_month_ok(&self, i: usize, cue: Cue) -> bool {
        let Some((_, word)) = self.month_word_at(i) else {
            return false;
        };
        let cued = match cue {
            Cue::Strong => true,
            Cue::Weak => !matches!(self.kw(i.wrapping_sub(1)), Kw::And | Kw::Or),
            Cue::None => false,
        };
        match word {
            MonthWord::Full => true,
            MonthWord::Abbr => {
                cued || (self.cap(i) && self.punct(i + 1, &["."]) && self.glued(i + 1))
            }
            MonthWord::Ambiguous => {
                if self.cap(i) {
                    cued
                } else {
                    cue == Cue::Strong
                }
            }
        }
    }

    // ---- numbers in dates ----

    /// A day of the month as an ordinal: "27th", "first", "twenty-third", "thirty first".
    pub(super) fn ordinal_day(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, digits)) = self.clean_num(i) {
            let end = self.after_suffix(i);
            return (digits <= 2 && (1..=31).contains(&n) && end > i + 1).then_some((n, end));
        }
        match self.kw(i) {
            Kw::Ordinal(n) if (1..=31).contains(&n) => Some((n, i + 1)),
            Kw::Number(t @ (20 | 30)) => {
                let k = if self.punct(i + 1, DASHES) && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                match self.kw(k) {
                    Kw::Ordinal(u) if (1..10).contains(&u) && t + u <= 31 => Some((t + u, k + 1)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A day of the month: an ordinal, digits, or a number in words, with "the" before an
    /// ordinal allowed.
    pub(super) fn bare_day(&self, i: usize) -> Option<(u32, usize)> {
        let i = if self.kw(i) == Kw::The { i + 1 } else { i };
        if let Some(d) = self.ordinal_day(i) {
            return Some(d);
        }
        if let Some((n, digits)) = self.clean_num(i) {
            return (digits <= 2 && (1..=31).contains(&n) && !self.glued_mark(i + 1))
                .then_some((n, i + 1));
        }
        self.small_number(i).filter(|(n, _)| (1..=31).contains(n))
    }

    /// A range mark or slash glued to token `i - 1` and to the token after it, which is a
    /// number: "3/4", "3-4" (so `i - 1` is part of a compact date or a ratio).
    pub(super) fn glued_mark(&self, i: usize) -> bool {
        self.punct(i, &["/", "."])
            && self.glued(i)
            && self.glued(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Num)
    }

    /// A year written in words: "nineteen ninety six", "two thousand and fifteen",
    /// "nineteen hundred ninety three", "twenty twenty".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let (a, j) = self.small_number(i)?;
        let and = |k: usize| if self.kw(k) == Kw::And { k + 1 } else { k };
        if a == 2 && self.kw(j) == Kw::Thousand {
            let k = and(j + 1);
            return Some(match self.small_number(k) {
                Some((b, e)) if k > j + 1 || b > 0 => (2000 + b as i32, e),
                _ => (2000, j + 1),
            });
        }
        if !(10..=20).contains(&a) {
            return None;
        }
        if self.kw(j) == Kw::Hundred {
            let k = and(j + 1);
            let (b, e) = self.small_number(k).unwrap_or((0, j + 1));
            return Some(((a * 100 + b) as i32, e));
        }
        let (b, e) = self.small_number(j)?;
        (b >= 10).then_some(((a * 100 + b) as i32, e))
    }

    /// A two-digit year read against publication: the century that puts it no more than ten
    /// years after publication ("87" is 1987, "30" is 1930 from 2016).
    pub(super) fn two_digit_year(&self, yy: u32) -> i32 {
        let pivot = self.published.map_or(2030, |p| p.year() + 10);
        let y = 2000 + yy as i32;
        if y > pivot {
            y - 100
        } else {
            y
        }
    }

    // ---- compact dates ----

    /// Pieces joined by one kind of mark without spaces ("2024-06-27", "27/06/2024",
    /// "05-aug-2016", "Oct/2"), at most three, and not part of a longer code. Returns the
    /// pieces, the mark and the token after the last piece.
    fn pieces(&self, i: usize) -> Option<(Vec<Piece>, &str, usize)> {
        let piece = |k: usize| -> Option<Piece> {
            let t = self.tok(k)?;
            match t.kind {
                Kind::Num if t.text.len() <= 4 => {
                    Some(Piece::Num(t.text.parse().ok()?, t.text.len()))
                }
                Kind::Word => match t.kw {
                    Kw::Month(m, _) => Some(Piece::Month(m)),
                    _ => None,
                },
                _ => None,
            }
        };
        let first = piece(i)?;
        // "i5-1235U", "T5-1000": a model number
        if i > 0
            && self.glued(i)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word)
            && matches!(first, Piece::Num(..))
        {
            return None;
        }
        // not the tail of a code: "138-2010-2015", "0.8/15" (but "10/1-11/7" is a range)
        let mark_before = (i >= 2 && self.glued(i) && self.glued(i - 1) && piece(i - 2).is_some())
            .then(|| self.tok(i - 1).map(|t| t.text))
            .flatten()
            .filter(|m| ["-", "/", ".", ":", ","].contains(m));
        if let Some(m) = mark_before {
            let next_mark = self
                .tok(i + 1)
                .filter(|_| self.glued(i + 1))
                .map(|t| t.text);
            if matches!(m, "." | ":" | ",") || next_mark == Some(m) || next_mark.is_none() {
                return None;
            }
        }
        if let Piece::Num(..) = first {
            let before = &self.text[..self.tok(i)?.start];
            if before.ends_with(['$', '€', '£', '¥', '#', '+']) {
                return None;
            }
        }
        let mut out = vec![first];
        let mut mark = "";
        let mut k = i + 1;
        while out.len() < 4 {
            let Some(t) = self.tok(k) else { break };
            let is_mark = t.kind == Kind::Punct && matches!(t.text, "/" | "-" | ".");
            if !is_mark
                || !self.glued(k)
                || !self.glued(k + 1)
                || (!mark.is_empty() && mark != t.text)
            {
                break;
            }
            let Some(p) = piece(k + 1) else { break };
            mark = t.text;
            out.push(p);
            k += 2;
        }
        // a glued word or number right after ("2015-1-32x", "8/1.5")
        if let Some(t) = self.tok(k) {
            // an ISO 8601 time after the date ("2024-06-18T10:00") is left out of the span
            let iso_time = t.text == "T" && self.tok(k + 1).is_some_and(|n| n.kind == Kind::Num);
            if self.glued(k) && matches!(t.kind, Kind::Num | Kind::Word) && !iso_time {
                return None;
            }
            if self.glued(k)
                && t.kind == Kind::Punct
                && matches!(t.text, "." | "," | ":" | "/")
                && self.tok(k + 1).is_some_and(|n| n.kind == Kind::Num)
                && self.glued(k + 1)
            {
                return None;
            }
        }
        (out.len() >= 2 && out.len() <= 3).then_some((out, mark, k))
    }

    /// A compact date at `i`. `loose` allows a yearless all-digit day ("7/6"), which needs a
    /// weekday or a cue before it.
    pub(super) fn compact(&self, i: usize, loose: bool) -> Option<Core> {
        let (p, mark, end) = self.pieces(i)?;
        let day = |d: u32| (1..=31).contains(&d);
        let cal = |y: Option<i32>, m: u32, d: Option<u32>| -> Option<Core> {
            if !(1..=12).contains(&m) || d.is_some_and(|d| !day(d)) {
                return None;
            }
            let exists = match (y, d) {
                (Some(y), Some(d)) => cal::date(y, m, d).is_some(),
                (None, Some(d)) => cal::date(2000, m, d).is_some(),
                _ => true,
            };
            // "2/29/2019": named, but no such day
            if !exists {
                return y.map(|_| Core::new(end, Val::Unres(Grain::Day)));
            }
            // "5/1-5/7, 2020"
            if y.is_none() && d.is_some() && self.punct(end, &[","]) {
                if let Some(year) = self.year4(end + 1, 1000, 2199) {
                    cal::date(year, m, d?)?;
                    return Some(Core::new(
                        end + 2,
                        Val::Cal(Cal::ymd(Some(year), Some(m), d)),
                    ));
                }
            }
            Some(Core::new(end, Val::Cal(Cal::ymd(y, Some(m), d))))
        };
        use Piece::{Month as M, Num as N};
        match p.as_slice() {
            // with a month name, anything goes as long as the year has four digits
            [a, b, c] if p.iter().any(|x| matches!(x, M(_))) => {
                let mut month = None;
                let mut year = None;
                let mut dd = None;
                for x in [a, b, c] {
                    match *x {
                        M(m) if month.is_none() => month = Some(m),
                        N(y, 4) if year.is_none() => year = Some(y as i32),
                        N(d, 1 | 2) if dd.is_none() => dd = Some(d),
                        _ => return None,
                    }
                }
                cal(Some(year?), month?, Some(dd?))
            }
            [M(m), N(d, 1 | 2)] => cal(None, *m, Some(*d)),
            [N(d, 1 | 2), M(m)] => cal(None, *m, Some(*d)),
            [M(m), N(y, 4)] => cal(Some(*y as i32), *m, None),
            [N(y, 4), N(a, 1 | 2), N(b, 1 | 2)] => cal(Some(*y as i32), *a, Some(*b)),
            [N(a, 1 | 2), N(b, 1 | 2), N(y, 4 | 2)] if mark != "." => {
                let y = match p[2] {
                    N(y, 4) => y as i32,
                    _ => self.two_digit_year(*y),
                };
                if *a <= 12 && day(*b) {
                    cal(Some(y), *a, Some(*b))
                } else if *b <= 12 && day(*a) {
                    cal(Some(y), *b, Some(*a))
                } else {
                    None
                }
            }
            // "2015-3", "2015-12" (but "2011-12" is two years)
            [N(y, 4), N(m, digits)] if mark != "." && *m <= 12 => {
                if *digits == 2 && *m > y % 100 {
                    return None;
                }
                cal(Some(*y as i32), *m, None)
            }
            // "12-2015"
            [N(m, 1 | 2), N(y, 4)] if mark != "." && (1900..=2100).contains(y) => {
                cal(Some(*y as i32), *m, None)
            }
            // "7/6", "22/04": month first when both could be
            [N(a, 1 | 2), N(b, 1 | 2)] => {
                let ranged = self.punct(end, RANGE_MARKS)
                    && self.tok(end + 1).is_some_and(|t| t.kind == Kind::Num);
                if !(loose || (ranged && mark == "/")) {
                    return None;
                }
                // "9/11" is an event, "24/7" a rate, "1/16 inch" and "2/3 of" fractions
                const AFTER_DATE: &[&str] = &["with", "when", "is", "was", "will", "we", "i"];
                let fraction = matches!(self.kw(end), Kw::Other | Kw::Of)
                    && self
                        .tok(end)
                        .is_some_and(|t| t.kind == Kind::Word && !t.cap)
                    && !AFTER_DATE.iter().any(|w| self.word_is(end, w));
                if (*a, *b) == (9, 11) || (*a, *b) == (24, 7) || fraction {
                    return None;
                }
                let (m, d) = if *a <= 12 { (*a, *b) } else { (*b, *a) };
                cal(None, m, Some(d))
            }
            _ => None,
        }
    }

    // ---- numeric-led dates ----

    /// Forms led by digits: compact dates, "27 June 2024", "1990s", "2017 April", "2023".
    pub(super) fn num_date(&self, i: usize, cue: Cue) -> Option<Core> {
        let loose = cue != Cue::None
            || (i > 0
                && (self.punct(i - 1, &[","]) || matches!(self.kw(i - 1), Kw::Or | Kw::And))
                && self
                    .tok(i.wrapping_sub(2))
                    .is_some_and(|t| t.kind == Kind::Num));
        if let Some(c) = self.compact(i, loose && self.punct(i + 1, &["/"])) {
            return Some(c);
        }
        let (n, digits) = self.clean_num(i)?;
        // 20161016
        if digits == 8 {
            let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100);
            let y = i32::try_from(y).ok()?;
            if (1900..=2100).contains(&y) && cal::date(y, m, d).is_some() {
                return Some(Core::new(
                    i + 1,
                    Val::Cal(Cal::ymd(Some(y), Some(m), Some(d))),
                ));
            }
            return None;
        }
        // 27 June 2024, 27th of June, 28 june in 2020, 15 April of 87
        if digits <= 2 && (1..=31).contains(&n) {
            return self.day_month(i, n, self.after_suffix(i));
        }
        if digits != 4 {
            return None;
        }
        let y = i32::try_from(n).ok()?;
        // 1990s, 1990 s
        if y % 10 == 0 && self.word_is(i + 1, "s") && (self.glued(i + 1) || self.clause_ends(i + 2))
        {
            return Some(Core::new(i + 2, Val::Per(cal::decade(y)?)));
        }
        // 2016 10 16
        if let (Some((m, 2)), Some((d, 2))) = (self.clean_num(i + 1), self.clean_num(i + 2)) {
            if cal::date(y, m, d).is_some() && self.clause_ends(i + 3) && (1900..=2100).contains(&y)
            {
                return Some(Core::new(
                    i + 3,
                    Val::Cal(Cal::ymd(Some(y), Some(m), Some(d))),
                ));
            }
        }
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) && self.glued(i + 1) {
            return None;
        }
        // 2017 April
        if let Some((m, _)) = self.month_word_at(i + 1) {
            if (1900..=2100).contains(&y)
                && cue != Cue::None
                && !self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
            {
                return Some(Core::new(i + 2, Val::Cal(Cal::ymd(Some(y), Some(m), None))));
            }
        }
        let (lo, hi) = if cue == Cue::Strong {
            (1500, 2199)
        } else {
            (1900, 2100)
        };
        if !(lo..=hi).contains(&y) {
            return None;
        }
        let ok = self.possessive(i + 1)
            || cue == Cue::Strong
            || (cue != Cue::Strong && self.bare_year(i));
        ok.then_some(Core::new(i + 1, Val::Cal(Cal::year(y))))
    }

    /// A four-digit number 1900-2100 with no word announcing a date is still a year ("the 2022
    /// invasion", "a 2019 report"), unless it counts something ("2000 troops"), is part of a
    /// code or a numeric range ("82-2100", "2015 - 32") or follows a word that introduces a
    /// number ("Resolution 2070", "Flight 2015", "No. 2024").
    fn bare_year(&self, i: usize) -> bool {
        const NUMBERED: &[&str] = &[
            "resolution",
            "resolutions",
            "room",
            "flight",
            "route",
            "article",
            "section",
            "chapter",
            "page",
            "pages",
            "model",
            "number",
            "no",
            "code",
            "version",
            "highway",
            "interstate",
            "item",
            "unit",
            "building",
            "suite",
            "box",
            "ward",
            "district",
            "episode",
            "bus",
            "train",
            "line",
            "gate",
            "platform",
            "rule",
            "order",
            "decree",
            "law",
            "bill",
            "act",
            "file",
            "case",
            "ticket",
            "seat",
            "vol",
            "volume",
            "issue",
            "tel",
            "phone",
            "fax",
            "ext",
            "id",
            "pin",
            "batch",
            "lot",
            "serial",
            "sku",
        ];
        let mark =
            |k: usize| self.punct(k, &["-", "–", "—", "/", ":", "+", "×"]) || self.word_is(k, "x");
        let num = |k: usize| self.tok(k).is_some_and(|t| t.kind == Kind::Num);
        // "1920 x 1080", "82-2100", "wikipedia_2016_1M"
        let underscore = (self.punct(i + 1, &["_"]) && self.glued(i + 1))
            || (i > 0 && self.punct(i - 1, &["_"]) && self.glued(i));
        let coded_before = i >= 2 && mark(i - 1) && num(i - 2);
        let coded_after = (mark(i + 1) && num(i + 2)) || underscore;
        let numbered = i > 0
            && (self.punct(i - 1, &["#", "№"])
                || (self.punct(i - 1, &["."]) && i > 1 && self.word_is(i - 2, "no"))
                || NUMBERED.iter().any(|w| self.word_is(i - 1, w)));
        !self.counted(i) && !coded_before && !coded_after && !numbered
    }

    /// A day `d` whose number or ordinal ends before `j`, then (of) a month and maybe a
    /// year: "27 June 2024", "4th of July of 1995", "23 in next month".
    fn day_month(&self, i: usize, d: u32, j: usize) -> Option<Core> {
        let _ = i;
        let mut j = j;
        if self.kw(j) == Kw::Unit(Unit::Day, false) && self.kw(j + 1) == Kw::Of {
            j += 1;
        }
        let of = matches!(self.kw(j), Kw::Of | Kw::In);
        if of {
            j += 1;
        }
        // "the 15th day of next month", "23 in next month", "the 31st day of the month"
        if of {
            let rel = match (self.kw(j), self.kw(j + 1)) {
                (Kw::This | Kw::Next | Kw::Last, Kw::Unit(Unit::Month, false)) => Some(j + 2),
                (Kw::The, Kw::Unit(Unit::Month, false)) => Some(j + 2),
                _ => None,
            };
            if let Some(end) = rel {
                let n = match self.kw(j) {
                    Kw::Next => 1,
                    Kw::Last => -1,
                    _ => 0,
                };
                let val = self.by_published(Grain::Day, |p| {
                    let m = cal::relative(Unit::Month, p, n)?;
                    Some(cal::day(cal::date(m.start.year(), m.start.month(), d)?))
                });
                return Some(Core::new(end, val));
            }
        }
        let (m, word) = self.month_word_at(j)?;
        // "2 may", "One may": a lower-case "may" or "march" after a number is a verb or a walk,
        // unless a year follows
        if word == MonthWord::Ambiguous && !self.cap(j) && self.year_after(j + 1).is_none() {
            return None;
        }
        let mut end = j + 1;
        if self.abbr_period(j) && self.year_after(end + 1).is_some() {
            end += 1;
        }
        cal::date(2000, m, d)?;
        let (year, end) = match self.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        if let Some(y) = year {
            cal::date(y, m, d)?;
        }
        Some(Core::new(end, Val::Cal(Cal::ymd(year, Some(m), Some(d)))))
    }

    /// A year after a day or month: ", 2024", " 2024", "of 2020", "in 2020", "of 87",
    /// "nineteen eighty six".
    fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(r) = self.trailing_year(j) {
            return Some(r);
        }
        if self.kw(j) == Kw::Of {
            if let Some((yy, 2)) = self.clean_num(j + 1) {
                return Some((self.two_digit_year(yy), j + 2));
            }
        }
        let k = if self.punct(j, &[","]) { j + 1 } else { j };
        self.spelled_year(k)
            .filter(|(y, _)| (1000..=2199).contains(y))
    }

    // ---- month-led dates ----

    /// Forms led by a month name: "June 27, 2024", "Dec. 2023", "March of last year", "March
    /// last year",
    /// "june the 28th", "may twenty nine", "December", "in May".
    pub(super) fn month_date(&self, i: usize, cue: Cue) -> Option<Core> {
        let (m, _) = self.month_word_at(i)?;
        // "Dec-2018", "Oct/2", "sep-23-2020"
        if self.punct(i + 1, &["-", "/"]) && self.glued(i + 1) {
            if let Some(c) = self.compact(i, true) {
                return Some(c);
            }
        }
        let mut j = i + 1;
        if self.abbr_period(i) && self.tok(j + 1).is_some_and(|t| t.kind == Kind::Num) {
            j += 1;
        }
        // "October, 1st"
        if self.punct(j, &[","]) && self.ordinal_day(j + 1).is_some_and(|(_, e)| e == j + 3) {
            j += 1;
        }
        let cal = |year, day| Val::Cal(Cal::ymd(year, Some(m), day));
        // a year in words first: "October two thousand and five"
        if let Some((y, end)) = self
            .spelled_year(j)
            .filter(|(y, _)| (1000..=2199).contains(y))
        {
            return Some(Core::new(end, cal(Some(y), None)));
        }
        // the day: "27", "27th", "the 28th", "twenty nine", "first"
        let k = if self.kw(j) == Kw::The && self.ordinal_day(j + 1).is_some() {
            j + 1
        } else {
            j
        };
        let numeric = self
            .clean_num(k)
            .filter(|(d, digits)| *digits <= 2 && (1..=31).contains(d))
            .map(|(d, _)| (d, self.after_suffix(k)));
        let day = numeric
            .or_else(|| self.ordinal_day(k))
            .or_else(|| self.small_number(k).filter(|(d, _)| (1..=31).contains(d)));
        if let Some((d, end)) = day {
            // "May 5 people", "may 2 hours"
            let counted = numeric.is_some() && end == k + 1 && self.counted(k);
            if !counted && !self.glued_mark(k + 1) {
                let (year, end) = match self.year_after(end) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, end),
                };
                // "Feb 30", "February 29, 2019": a date that does not exist is still a date
                // named, left without a value
                let exists = match year {
                    Some(y) => cal::date(y, m, d).is_some(),
                    None => cal::date(2000, m, d).is_some(),
                };
                if !exists {
                    return Some(Core::new(end, Val::Unres(Grain::Day)));
                }
                return Some(Core::new(end, cal(year, Some(d))));
            }
        }
        if let Some((y, end)) = self.trailing_year(j) {
            return Some(Core::new(end, cal(Some(y), None)));
        }
        // "March last year", "June this year", "in May that year": the year named by a
        // relative phrase right after the month, with no "of"
        if matches!(
            self.kw(j),
            Kw::Last | Kw::This | Kw::Current | Kw::Next | Kw::That
        ) {
            if let Some((end, y)) = self.year_ref(j) {
                let val = match y {
                    Some(y) => cal(Some(y), None),
                    None => Val::Unres(Grain::Month),
                };
                return Some(Core::new(end, val));
            }
        }
        if self.kw(j) == Kw::Of {
            if let Some((yy, 2)) = self.clean_num(j + 1) {
                return Some(Core::new(j + 2, cal(Some(self.two_digit_year(yy)), None)));
            }
            if let Some((end, y)) = self.year_ref(j + 1) {
                let val = match y {
                    Some(y) => cal(Some(y), None),
                    None => Val::Unres(Grain::Month),
                };
                return Some(Core::new(end, val));
            }
        }
        self.bare_month_ok(i, cue)
            .then_some(Core::new(j.max(i + 1), cal(None, None)))
    }

    // ---- day-led dates in words ----

    /// "the fourth of July 1995", "second of Aug", "twenty third day of September", "the
    /// 15th day of next month", "fifteen August nineteen hundred ninety three", "the 18th".
    pub(super) fn day_first(&self, i: usize) -> Option<Core> {
        let the = self.kw(i) == Kw::The;
        let j = if the { i + 1 } else { i };
        if let Some((d, end)) = self.ordinal_day(j) {
            if let Some(c) = self.day_month(i, d, end) {
                return Some(c);
            }
            // "on the 18th": a day of the month, when nothing follows that it could count
            let alone = the
                && self.clause_ends(end)
                && i > 0
                && matches!(
                    self.kw(i - 1),
                    Kw::On | Kw::Of | Kw::By | Kw::Until | Kw::Since
                );
            if alone {
                return Some(Core::new(end, Val::Cal(Cal::ymd(None, None, Some(d)))));
            }
            // "around the 21st this month"
            if the && self.kw(end) == Kw::This && self.kw(end + 1) == Kw::Unit(Unit::Month, false) {
                let start = if i > 0 && self.kw(i - 1) == Kw::Prep {
                    i - 1
                } else {
                    i
                };
                let _ = start;
                let val = self.by_published(Grain::Day, |p| {
                    Some(cal::day(cal::date(p.year(), p.month(), d)?))
                });
                return Some(Core::new(end + 2, val));
            }
            return None;
        }
        if the {
            return None;
        }
        // a cardinal in words right before a month: "fifteen August", "twenty five January"
        let (d, end) = self.small_number(i).filter(|(d, _)| (1..=31).contains(d))?;
        self.month_word_at(end)?;
        self.day_month(i, d, end)
    }

    // ---- weekdays ----

    /// "Tuesday", "last Tuesday", "Tuesday, June 18, 2024", "Friday 7/6", "Monday 21", "this
    /// friday (jun-15)", "coming Thursday", "this past Wednesday".
    pub(super) fn weekday(&self, i: usize, dir: Dir) -> Option<Core> {
        #[derive(PartialEq)]
        enum Lead {
            None,
            LastWeek,
            NextWeek,
            ThisWeek,
            Coming,
            Past,
        }
        let (lead, w) = match (self.kw(i), self.kw(i + 1)) {
            (Kw::This, Kw::Coming) | (Kw::Coming, _) => (
                Lead::Coming,
                if self.kw(i) == Kw::This { i + 2 } else { i + 1 },
            ),
            (Kw::This, Kw::Past) => (Lead::Past, i + 2),
            (Kw::Past, _) => (Lead::Past, i + 1),
            (Kw::Last | Kw::Previous, _) => (Lead::LastWeek, i + 1),
            (Kw::Next | Kw::Following, _) => (Lead::NextWeek, i + 1),
            (Kw::This, _) => (Lead::ThisWeek, i + 1),
            _ => (Lead::None, i),
        };
        let t = self.tok(w)?;
        let Kw::Weekday(wd, abbr) = t.kw else {
            return None;
        };
        let j = if self.punct(w + 1, &[","]) {
            w + 2
        } else {
            w + 1
        };
        // a date after it decides: "Tuesday, June 18, 2024", "Friday 7/6", "Friday-Jun-15"
        let mut dated: Option<Core> = None;
        let attempts = [
            self.month_date(j, Cue::Strong),
            self.num_date(j, Cue::Strong).filter(|c| {
                matches!(
                    c.val,
                    Val::Cal(Cal {
                        day: Some(_),
                        month: Some(_),
                        ..
                    })
                )
            }),
            self.compact(j, true),
            if self.punct(j, DASHES) && self.glued(j) {
                self.compact(j + 1, true)
            } else {
                None
            },
        ];
        for c in attempts.into_iter().flatten() {
            let full_day = matches!(
                c.val,
                Val::Cal(Cal {
                    day: Some(_),
                    month: Some(_),
                    ..
                })
            );
            if full_day && dated.as_ref().is_none_or(|d| c.end > d.end) {
                dated = Some(c);
            }
        }
        // "(jun-15)"
        if dated.is_none() && self.punct(j, &["("]) {
            if let Some(c) = self
                .compact(j + 1, true)
                .or_else(|| self.month_date(j + 1, Cue::Strong))
            {
                if self.punct(c.end, &[")"]) {
                    dated = Some(Core::new(c.end + 1, c.val));
                }
            }
        }
        if let Some(mut c) = dated {
            // "this friday 5/12": this year's
            if lead == Lead::ThisWeek {
                if let Val::Cal(cc @ Cal { year: None, .. }) = &mut c.val {
                    cc.year = self.published.map(|p| p.year());
                }
            }
            return Some(c);
        }
        // "Monday 21", "Mon 13th", "tuesday the eleventh"
        let k = if self.kw(j) == Kw::The { j + 1 } else { j };
        let day = self.ordinal_day(k).or_else(|| {
            self.clean_num(k)
                .filter(|(d, digits)| {
                    *digits <= 2
                        && (1..=31).contains(d)
                        && k == w + 1
                        && !self.counted(k)
                        && !self.glued_mark(k + 1)
                })
                .map(|(d, _)| (d, k + 1))
        });
        if lead == Lead::None {
            if let Some((d, end)) = day {
                if self.month_word_at(end).is_none() {
                    return Some(Core::new(
                        end,
                        Val::Cal(Cal {
                            day: Some(d),
                            weekday: Some(wd),
                            ..Cal::default()
                        }),
                    ));
                }
            }
        }
        // abbreviations and lower-case names need support: "Tue" after a cue, "sun" never
        // alone, "friday" after "on" (not "monday.com" or "monday work management")
        if lead == Lead::None {
            let cued = self.cue(w) != Cue::None;
            if (abbr && !(t.cap && cued)) || (!t.cap && !cued) {
                return None;
            }
        }
        if self.punct(w + 1, &["."]) && self.glued(w + 1) && self.glued(w + 2) {
            return None;
        }
        let val = self.by_published(Grain::Day, |p| {
            let today = p.weekday().number_from_monday();
            let back = i64::from((today + 7 - wd) % 7);
            let fwd = i64::from((wd + 7 - today) % 7);
            let in_week = |shift: i64| {
                cal::shift_date(p, Unit::Day, i64::from(wd) - i64::from(today) + shift)
            };
            let d = match lead {
                Lead::LastWeek => in_week(-7),
                Lead::NextWeek => in_week(7),
                Lead::ThisWeek => in_week(0),
                Lead::Coming => cal::shift_date(p, Unit::Day, if fwd == 0 { 7 } else { fwd }),
                Lead::Past => cal::shift_date(p, Unit::Day, -(if back == 0 { 7 } else { back })),
                Lead::None => match dir {
                    Dir::Fwd | Dir::After => cal::shift_date(p, Unit::Day, fwd),
                    _ => cal::shift_date(p, Unit::Day, -back),
                },
            }?;
            Some(cal::day(d))
        });
        Some(Core::new(w + 1, val))
    }

    // ---- holidays ----

    /// Token `i` can start a holiday name.
    pub(super) fn holiday_head(&self, i: usize) -> bool {
        self.kw(i) == Kw::HolidayHead
    }

    /// The holiday named at `i` and the token after its name.
    fn holiday_name(&self, i: usize) -> Option<(Holiday, usize)> {
        if !self.holiday_head(i) {
            return None;
        }
        'names: for (words, h) in HOLIDAYS {
            let mut k = i;
            for (n, w) in words.iter().enumerate() {
                // "New Year's Day", "Valentine’s Day", "Workers' Day"
                if n > 0 && self.punct(k, APOSTROPHES) && self.glued(k) {
                    k += 1;
                    if self.word_is(k, "s") && self.glued(k) {
                        k += 1;
                    }
                }
                if !self.word_is(k, w) {
                    continue 'names;
                }
                k += 1;
            }
            if self.possessive(k) {
                k += 2;
            }
            // common words need capitals or a second word: "new year" alone is "New Year"
            let lower_ok = words.len() > 1
                || matches!(
                    words[0],
                    "christmas" | "easter" | "thanksgiving" | "halloween" | "xmas"
                );
            let cap_needed = words[0] == "new" && words.len() == 2 || !lower_ok;
            if cap_needed && !self.cap(i) {
                let cued = i > 0
                    && matches!(
                        self.kw(i - 1),
                        Kw::Before
                            | Kw::After
                            | Kw::Next
                            | Kw::Last
                            | Kw::This
                            | Kw::Until
                            | Kw::Since
                    );
                if !cued {
                    continue;
                }
            }
            // "Ukraine's Independence Day" is another country's
            if words[0] == "independence" && i > 0 && (self.possessive(i - 2) || self.cap(i - 1)) {
                return None;
            }
            return Some((*h, k));
        }
        None
    }

    /// "Christmas", "Easter 2018", "last Easter", "next new year day", "Independence Day of
    /// this year".
    pub(super) fn holiday(&self, i: usize, dir: Dir) -> Option<Core> {
        // "weekend of Thanksgiving 2023"
        if self.kw(i) == Kw::Unit(Unit::Weekend, false) && self.kw(i + 1) == Kw::Of {
            let h = self.holiday(i + 2, dir)?;
            return Some(Core::new(h.end, self.holiday_weekend(h.val)?));
        }
        let (lead, h_at) = match self.kw(i) {
            Kw::Last | Kw::Previous => (Dir::Before, i + 1),
            Kw::Next | Kw::Following | Kw::Coming => (Dir::After, i + 1),
            Kw::This => (Dir::Same, i + 1),
            _ => (dir, i),
        };
        let (h, end) = self.holiday_name(h_at)?;
        // its year: "Easter 2018", "Independence Day of this year"
        let year = match self.year4(end, 1000, 2199) {
            Some(y) => Some((Some(y), end + 1)),
            None if self.kw(end) == Kw::Of => self.year_ref(end + 1).map(|(e, y)| (y, e)),
            None => None,
        };
        let (val, end) = match year {
            Some((Some(y), e)) => (Val::Per(cal::day(h.in_year(y)?)), e),
            Some((None, e)) => (Val::Unres(Grain::Day), e),
            None => {
                let val = self.by_published(Grain::Day, |p| {
                    let this = h.in_year(p.year())?;
                    let y = match lead {
                        Dir::Back if this > p => p.year() - 1,
                        Dir::Fwd if this < p => p.year() + 1,
                        Dir::Before if this >= p => p.year() - 1,
                        Dir::After if this <= p => p.year() + 1,
                        _ => p.year(),
                    };
                    Some(cal::day(h.in_year(y)?))
                });
                (val, end)
            }
        };
        // "Labor Day weekend", "Halloween weekend 2021", "Labor Day 2021 weekend"
        if self.kw(end) == Kw::Unit(Unit::Weekend, false) {
            let (val, end) = match (year, self.year4(end + 1, 1000, 2199)) {
                (None, Some(y)) => (Val::Per(cal::day(h.in_year(y)?)), end + 2),
                _ => (val, end + 1),
            };
            return Some(Core::new(end, self.holiday_weekend(val)?));
        }
        Some(Core::new(end, val))
    }

    /// The long weekend a holiday makes: the Saturday and Sunday nearest to it, with the
    /// holiday itself ("Labor Day weekend": Saturday to Monday; Thanksgiving: Thursday to
    /// Sunday).
    pub(super) fn holiday_weekend(&self, v: Val) -> Option<Val> {
        let Val::Per(p) = v else {
            return Some(Val::Unres(Grain::Week));
        };
        let h = p.start;
        let wd = i64::from(h.weekday().num_days_from_monday());
        let (a, b) = match wd {
            0 | 1 => (cal::shift_date(h, Unit::Day, -2 - wd)?, h),
            5 => (h, cal::shift_date(h, Unit::Day, 1)?),
            6 => (cal::shift_date(h, Unit::Day, -1)?, h),
            _ => (h, cal::shift_date(h, Unit::Day, 6 - wd)?),
        };
        Some(Val::Per(cal::span(a, b, Grain::Week)))
    }

    // ---- years in words ----

    /// A year in words after a word that announces one: "in nineteen ninety six".
    fn named_year(&self, i: usize, cue: Cue) -> Option<Core> {
        if cue != Cue::Strong {
            return None;
        }
        let (y, end) = self.spelled_year(i)?;
        if !(1000..=2199).contains(&y) || self.counted(end - 1) {
            return None;
        }
        Some(Core::new(end, Val::Cal(Cal::year(y))))
    }

    /// "the 21st century", "15th century", "the twentieth century".
    fn century(&self, i: usize) -> Option<Core> {
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        let (n, end) = match self.clean_num(j) {
            Some((n, digits)) if digits <= 2 => {
                let e = self.after_suffix(j);
                (e > j + 1).then_some((n, e))?
            }
            _ => self.ordinal_day(j).or_else(|| match self.kw(j) {
                Kw::Ordinal(n) => Some((n, j + 1)),
                _ => None,
            })?,
        };
        if self.kw(end) != Kw::Unit(Unit::Century, false) || !(1..=30).contains(&n) {
            return None;
        }
        Some(Core::new(end + 1, Val::Per(cal::century(n)?)))
    }

    /// "the nineties", "in the eighties" (not "in her eighties").
    fn decade_word(&self, i: usize) -> Option<Core> {
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        let Kw::Decade(tens) = self.kw(j) else {
            return None;
        };
        let before = |k: usize| k < j && k < self.toks.len();
        let owner = j > 0
            && before(j - 1)
            && ["his", "her", "their", "my", "your", "our", "its"]
                .iter()
                .any(|w| self.word_is(j - 1, w));
        let cued = j == i + 1
            || (i > 0
                && matches!(
                    self.kw(i - 1),
                    Kw::In | Kw::Early | Kw::Mid | Kw::Late | Kw::Since | Kw::During
                ));
        if owner || !cued {
            return None;
        }
        Some(Core::new(j + 1, Val::Per(cal::decade(1900 + tens as i32)?)))
    }
}
