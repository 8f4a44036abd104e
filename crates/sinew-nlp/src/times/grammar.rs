//! The forms of time expressions, as small parsers over the token stream.
//!
//! Every parser takes a token index and returns where its match ends (exclusive) and what it
//! means, or `None`. Parsers look ahead a bounded number of tokens and behind a few at most.
//! This file holds the shared machinery and the interval forms (signals, ranges, rolling
//! windows); `dates.rs` reads calendar dates, `relative.rs` expressions counted from the
//! publication date, `durations.rs` lengths of time.

use std::cell::Cell;
use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
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
/// year, a day of an unknown month, perhaps with its weekday.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Cal {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    /// ISO weekday the day must fall on ("Monday the 21st").
    pub(super) weekday: Option<u32>,
    pub(super) part: Option<Part>,
}

impl Cal {
    pub(super) fn year(y: i32) -> Self {
        Cal {
            year: Some(y),
            ..Cal::default()
        }
    }

    pub(super) fn ymd(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        Cal {
            year,
            month,
            day,
            ..Cal::default()
        }
    }

    fn grain(&self) -> Grain {
        match (self.month, self.day) {
            (_, Some(_)) => Grain::Day,
            (Some(_), None) => Grain::Month,
            (None, None) => Grain::Year,
        }
    }

    fn order(&self) -> (u32, u32) {
        (self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
}

/// What a core expression denotes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Val {
    /// A calendar date whose year (or month) may still have to be chosen.
    Cal(Cal),
    /// A resolved period.
    Per(Period),
    /// A relative expression with nothing to resolve it against, or a period Sinew does not
    /// date (a fiscal year).
    Unres(Grain),
}

/// A core expression: a point or period without a signal word.
#[derive(Debug, Clone, Copy)]
pub(super) struct Core {
    pub(super) end: usize,
    pub(super) val: Val,
    /// Named as an edge of a larger period ("the beginning of March", "the end of 2023"):
    /// "after the beginning of X" then starts with X, "before the end of X" ends with it.
    pub(super) edge: Option<Part>,
}

impl Core {
    pub(super) fn new(end: usize, val: Val) -> Self {
        Core {
            end,
            val,
            edge: None,
        }
    }
}

/// How to choose the year of a month or day named without one, relative to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    /// The latest on or before publication ("in December", "since September").
    Back,
    /// The earliest on or after publication ("until June", "two weeks after Christmas").
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
pub(super) enum Cue {
    None,
    /// "and", "by", "to", "of": a year only when no plural noun follows ("by 2000 troops").
    Weak,
    /// "in", "since", "until", "during": a year or a month.
    Strong,
}

pub(super) const DASHES: &[&str] = &["-", "–", "—"];
/// What may join the two ends of a range written with a mark: "2014-2018", "2014~2018".
pub(super) const RANGE_MARKS: &[&str] = &["-", "–", "—", "~"];
pub(super) const APOSTROPHES: &[&str] = &["'", "’"];

/// The last core expression read: its token, cue and direction, and what was found.
type CoreMemo = Option<(usize, Cue, Dir, Option<Core>)>;

pub(crate) struct Grammar<'a> {
    pub(super) toks: &'a [Tok<'a>],
    pub(super) text: &'a str,
    pub(super) published: Option<NaiveDate>,
    pub(super) anchor: Option<NaiveDate>,
    /// The last [`Grammar::core`] answer: the forms tried at one token ask for the same core
    /// expression more than once (a point and a range starting with it), and it is the
    /// costliest read. Cleared when the anchor moves, since relative forms count from it.
    pub(super) core_memo: Cell<CoreMemo>,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(toks: &'a [Tok<'a>], text: &'a str, published: Option<NaiveDate>) -> Self {
        Grammar {
            toks,
            text,
            published,
            anchor: None,
            core_memo: Cell::new(None),
        }
    }

    /// Records the date the discourse last talked about.
    pub(crate) fn set_anchor(&mut self, d: NaiveDate) {
        self.anchor = Some(d);
        self.core_memo.set(None);
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i)?;
        // clock times, sets, the present and countless lengths start on words the calendar
        // forms below do not look at ("noon", "every", "currently")
        let clock = self.clock_forms(i);
        let worth = match t.kind {
            Kind::Num => true,
            Kind::Punct => matches!(t.text, "½" | "'" | "’"),
            Kind::Word => t.kw != Kw::Other || t.cap || self.lower_lead(i),
        };
        if !worth {
            return clock.map(|f| self.join_day(f));
        }
        let cands = [
            self.signalled(i),
            self.between(i),
            self.ranged_from(i),
            self.rolling(i),
            self.window_to(i),
            self.recent(i),
            self.offset(i),
            self.weekday_offset(i),
            self.duration(i),
            self.bare_range(i),
            self.to_date(i),
            self.point(i),
            clock,
        ];
        cands
            .into_iter()
            .flatten()
            .filter(|f| f.end > i && !self.in_name(i, f.end))
            .max_by_key(|f| f.end)
            .map(|f| self.join_day(f))
    }

    /// A lower-case word outside the keyword list that can still start an expression: a
    /// holiday ("christmas"), a quarter code ("q3"), a decade ("nineties"), "eoy", "w/c",
    /// "recent" before a plural unit ("recent weeks").
    fn lower_lead(&self, i: usize) -> bool {
        self.q_code_at(i)
            || (self.word_is(i, "recent") && matches!(self.kw(i + 1), Kw::Unit(_, true)))
            || self.length_modifier(i) > 0
    }

    // ---- token helpers ----

    pub(super) fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    pub(super) fn kw(&self, i: usize) -> Kw {
        self.toks.get(i).map_or(Kw::Other, |t| t.kw)
    }

    /// Token `i` touches the token before it.
    pub(super) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    pub(super) fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && set.contains(&t.text))
    }

    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.text.eq_ignore_ascii_case(w))
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Nothing but the end of the text or a clause mark follows token `i - 1`.
    pub(super) fn clause_ends(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) => {
                t.kind == Kind::Punct && matches!(t.text, "." | "," | ";" | ":" | "?" | "!" | ")")
            }
        }
    }

    /// A digit run that stands alone as a number: not part of "6,700", "2.5", "$2024",
    /// "2024%" or a clock time "4:30". Returns its value and digit count.
    pub(super) fn clean_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.text.len() > 9 {
            return None;
        }
        // "i5", "P1", "COVID19": glued to letters that are not a month ("Dec31", "mar3")
        if i > 0 && self.glued(i) {
            let w = &self.toks[i - 1];
            if w.kind == Kind::Word && !matches!(w.kw, Kw::Month(..)) {
                return None;
            }
        }
        let before = &self.text[..t.start];
        let after = &self.text[t.end..];
        let digit_after_sep = |s: &str| {
            let mut c = s.chars();
            matches!(c.next(), Some(',' | '.' | ':'))
                && c.next().is_some_and(|d| d.is_ascii_digit())
        };
        let mut rev = before.chars().rev();
        let sep_before = matches!(rev.next(), Some(',' | '.' | ':'))
            && rev.next().is_some_and(|d| d.is_ascii_digit());
        if sep_before
            || digit_after_sep(after)
            || before.trim_end().ends_with(['$', '€', '£', '¥', '#'])
            || after.starts_with('%')
        {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// A four-digit year in `lo..=hi`.
    pub(super) fn year4(&self, i: usize, lo: i32, hi: i32) -> Option<i32> {
        let (n, digits) = self.clean_num(i)?;
        let y = i32::try_from(n).ok()?;
        (digits == 4 && (lo..=hi).contains(&y)).then_some(y)
    }

    /// One past an ordinal suffix glued to the number at `i` ("27th").
    pub(super) fn after_suffix(&self, i: usize) -> usize {
        let j = i + 1;
        let suffix = ["st", "nd", "rd", "th"].iter().any(|s| self.word_is(j, s));
        if suffix && self.glued(j) {
            j + 1
        } else {
            j
        }
    }

    /// "’s" glued after token `i - 1`, starting at `i`.
    pub(super) fn possessive(&self, i: usize) -> bool {
        self.punct(i, APOSTROPHES) && self.glued(i) && self.word_is(i + 1, "s") && self.glued(i + 1)
    }

    /// How strongly the word before `i` announces a date.
    pub(super) fn cue(&self, i: usize) -> Cue {
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
            | Kw::Late
            | Kw::Starting => Cue::Strong,
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
            | Kw::Within
            | Kw::Than
            | Kw::Not
            | Kw::As
            | Kw::At
            | Kw::Beginning => Cue::Weak,
            _ if self.punct(i - 1, DASHES) && self.kw(i.wrapping_sub(2)) == Kw::Post => Cue::Strong,
            _ => Cue::None,
        }
    }

    /// The word after `i` is a lower-case plural ("troops"), so `i` is a count, not a year.
    pub(super) fn counted(&self, i: usize) -> bool {
        const NOT_PLURAL: &[&str] = &[
            "does",
            "goes",
            "this",
            "thus",
            "always",
            "perhaps",
            "whereas",
            "besides",
            "across",
            "towards",
            "afterwards",
            "was",
            "has",
            "its",
            "his",
        ];
        self.toks.get(i + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.cap
                && t.text.len() > 2
                && t.text.ends_with('s')
                && !["ss", "us", "is"].iter().any(|e| t.text.ends_with(e))
                && !NOT_PLURAL.iter().any(|w| t.text.eq_ignore_ascii_case(w))
                && matches!(t.kw, Kw::Other | Kw::Unit(..))
        })
    }

    pub(super) fn base(&self) -> Option<NaiveDate> {
        self.anchor.or(self.published)
    }

    // ---- resolution ----

    /// The year of a month (and day) named without one.
    pub(super) fn pick_year(&self, month: u32, day: Option<u32>, dir: Dir) -> Option<i32> {
        let p = self.published?;
        let c = match day {
            Some(d) => (month, d).cmp(&(p.month(), p.day())),
            None => month.cmp(&p.month()),
        };
        let y = p.year();
        let y = match dir {
            Dir::Back if c == Ordering::Greater => y - 1,
            Dir::Fwd if c == Ordering::Less => y + 1,
            Dir::Before if c != Ordering::Less => y - 1,
            Dir::After if c != Ordering::Greater => y + 1,
            _ => y,
        };
        // 29 February: the nearest leap year in the chosen direction
        if let Some(d) = day {
            let step = if matches!(dir, Dir::Fwd | Dir::After) {
                1
            } else {
                -1
            };
            let mut y2 = y;
            for _ in 0..8 {
                if cal::date(y2, month, d).is_some() {
                    return Some(y2);
                }
                y2 += step;
            }
            return None;
        }
        Some(y)
    }

    /// The date of a day of the month named without its month ("the 18th", "Monday 21"): the
    /// latest on or before publication (or the earliest on or after it, going forward) that
    /// exists and falls on the weekday if one is named. A weekday that fits the publication
    /// month is taken there.
    fn pick_month_day(
        &self,
        day: u32,
        weekday: Option<u32>,
        year: Option<i32>,
        dir: Dir,
    ) -> Option<NaiveDate> {
        let p = self.published?;
        let fits = |d: NaiveDate| weekday.is_none_or(|w| d.weekday().number_from_monday() == w);
        if weekday.is_some() {
            if let Some(d) = cal::date(p.year(), p.month(), day).filter(|d| fits(*d)) {
                return Some(d);
            }
        }
        let forward = matches!(dir, Dir::Fwd | Dir::After);
        let mut m = cal::date(p.year(), p.month(), 1)?;
        for _ in 0..60 {
            if let Some(d) = cal::date(m.year(), m.month(), day) {
                let side = if forward { d >= p } else { d <= p };
                if side && fits(d) && year.is_none_or(|y| y == d.year()) {
                    return Some(d);
                }
            }
            m = cal::shift_date(m, Unit::Month, if forward { 1 } else { -1 })?;
        }
        None
    }

    pub(super) fn cal_period(&self, c: Cal, dir: Dir) -> Option<Period> {
        if c.month.is_none() {
            if let Some(d) = c.day {
                return Some(cal::day(self.pick_month_day(d, c.weekday, c.year, dir)?));
            }
        }
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

    pub(super) fn resolve(&self, v: Val, dir: Dir) -> (Option<Period>, Grain) {
        match v {
            Val::Per(p) => (Some(p), p.grain),
            Val::Unres(g) => (None, g),
            Val::Cal(c) => (self.cal_period(c, dir), c.grain()),
        }
    }

    /// A period computed from the publication date, or an unresolved value of that grain.
    pub(super) fn by_published(
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

    pub(super) fn point(&self, i: usize) -> Option<Found> {
        let c = self.core(i, self.cue(i), Dir::Back)?;
        // the tense is read only where a date was found: it costs a look back
        let dir = self.tense(i);
        let c = match dir {
            Dir::Fwd => self.core(i, self.cue(i), dir)?,
            _ => c,
        };
        if let Some(f) = self.open_suffix(i, c) {
            return Some(f);
        }
        let (p, grain) = self.resolve(c.val, dir);
        Some(found(c.end, TimeKind::Point, grain, p))
    }

    /// How to place a date without its year at token `i`: ahead in a future clause, else
    /// back.
    pub(super) fn tense(&self, i: usize) -> Dir {
        if self.future_tense(i) {
            Dir::Fwd
        } else {
            Dir::Back
        }
    }

    /// The clause before token `i` speaks of the future ("will meet on Monday", "talks are
    /// scheduled for July 4"), so a date named without its year or week is the next one.
    pub(super) fn future_tense(&self, i: usize) -> bool {
        // "is forecast to peak", "are expected to resume", "plans to", "take effect on"
        const MARKS: &[&str] = &[
            "will",
            "ll",
            "shall",
            "scheduled",
            "due",
            "forecast",
            "expected",
            "planned",
            "plans",
        ];
        let lo = i.saturating_sub(10);
        for k in (lo..i).rev() {
            let t = &self.toks[k];
            if t.kind == Kind::Punct && matches!(t.text, "." | ";" | "?" | "!") {
                return false;
            }
            if t.kind != Kind::Word {
                continue;
            }
            if MARKS.iter().any(|w| t.text.eq_ignore_ascii_case(w)) {
                return true;
            }
            // "take effect", "takes effect" (not "took effect")
            if t.text.eq_ignore_ascii_case("effect")
                && k > 0
                && (self.word_is(k - 1, "take") || self.word_is(k - 1, "takes"))
            {
                return true;
            }
        }
        false
    }

    /// Is the clause before token `i` a span told in the past ("lasted", "remained", "held"),
    /// with no word of the future after that verb? Six tokens back, within the sentence. Not
    /// "was"/"were": "was postponed until March" looks ahead.
    pub(super) fn past_clause(&self, i: usize) -> bool {
        const PAST: &[&str] = &[
            "lasted",
            "remained",
            "stayed",
            "continued",
            "ran",
            "held",
            "kept",
            "persisted",
        ];
        const FUTURE: &[&str] = &["will", "ll", "would", "shall", "to", "must", "should"];
        let lo = i.saturating_sub(6);
        for k in (lo..i).rev() {
            let t = &self.toks[k];
            if t.kind == Kind::Punct && matches!(t.text, "." | ";" | "?" | "!") {
                return false;
            }
            if t.kind != Kind::Word {
                continue;
            }
            if FUTURE.iter().any(|w| t.text.eq_ignore_ascii_case(w)) {
                return false;
            }
            if PAST.iter().any(|w| t.text.eq_ignore_ascii_case(w)) {
                return true;
            }
        }
        false
    }

    /// "2018 or later", "1/1/2016 and after", "year 2016 and greater": open intervals written
    /// after the date.
    fn open_suffix(&self, i: usize, c: Core) -> Option<Found> {
        let j = c.end;
        if !matches!(self.kw(j), Kw::Or | Kw::And) {
            return None;
        }
        let since = match self.kw(j + 1) {
            Kw::Later | Kw::After | Kw::Greater => true,
            Kw::Earlier | Kw::Before => false,
            _ => return None,
        };
        // "on 1/1/2016 and after my work item is done": "after" starts a clause
        if !self.clause_ends(j + 2) {
            return None;
        }
        let _ = i;
        let (p, grain) = self.resolve(c.val, Dir::Back);
        let (kind, start, end) = if since {
            (TimeKind::Since, p.map(|p| p.start), None)
        } else {
            (TimeKind::Until, None, p.map(|p| p.end))
        };
        Some(self.open(j + 2, kind, grain, start, end, p))
    }

    /// An open interval; one from a date runs to publication when publication is later.
    fn open(
        &self,
        end: usize,
        kind: TimeKind,
        grain: Grain,
        start: Option<NaiveDate>,
        stop: Option<NaiveDate>,
        p: Option<Period>,
    ) -> Found {
        let stop = match kind {
            TimeKind::Since => start.and(self.published.filter(|d| Some(*d) >= start)),
            _ => stop,
        };
        Found {
            end,
            kind,
            grain,
            start_date: start,
            end_date: stop,
            timex: p.as_ref().map(cal::timex),
        }
    }

    /// "since X", "after X", "post-X", "by X", "until X", "through X", "before X", "no later
    /// than X", "later than X", "as early as X", "starting X".
    fn signalled(&self, i: usize) -> Option<Found> {
        // (signal, first token of X)
        let (sig, mut j) = match (self.kw(i), self.kw(i + 1), self.kw(i + 2)) {
            (Kw::No | Kw::Not, Kw::Later, Kw::Than) => (Sig::ByEnd, i + 3),
            (Kw::Later | Kw::Greater, Kw::Than, _) => (Sig::AfterEnd, i + 2),
            (Kw::Earlier, Kw::Than, _) => (Sig::BeforeStart, i + 2),
            (Kw::As, Kw::Early, Kw::As) => (Sig::FromStart, i + 3),
            (Kw::As, Kw::Late, Kw::As) => (Sig::ByEnd, i + 3),
            (Kw::Since, ..) => (Sig::FromStart, i + 1),
            (Kw::After | Kw::Post, ..) => (Sig::AfterEnd, i + 1),
            (Kw::Before, ..) => (Sig::BeforeStart, i + 1),
            (Kw::By | Kw::Until | Kw::Through, ..) => (Sig::ByEnd, i + 1),
            (Kw::Unit(Unit::Year, false), Kw::Greater | Kw::Later, Kw::Than) => {
                (Sig::AfterEnd, i + 3)
            }
            (Kw::Starting | Kw::Beginning, Kw::On | Kw::From, _) if !self.word_is(i, "start") => {
                (Sig::FromStart, i + 2)
            }
            (Kw::Starting | Kw::Beginning, ..) if !self.word_is(i, "start") => {
                (Sig::FromStart, i + 1)
            }
            _ => return None,
        };
        // "until at least June", "since at least 2019": the hedge goes with the signal
        if self.word_is(j, "at") && self.word_is(j + 1, "least") {
            j += 2;
        }
        if self.kw(i) == Kw::Post {
            if !(self.punct(j, DASHES) && self.glued(j) && self.glued(j + 1)) {
                return None;
            }
            j += 1;
        }
        // "beginning" and "starting" announce a date only at the start of a phrase: "the
        // beginning of March" is an edge, not a signal
        if matches!(self.kw(i), Kw::Starting | Kw::Beginning) && i > 0 && self.kw(i - 1) == Kw::The
        {
            return None;
        }
        let dir = match sig {
            Sig::FromStart | Sig::AfterEnd | Sig::BeforeStart => Dir::Back,
            // "the truce lasted until mid-January": a clause in the past looks back.
            Sig::ByEnd if self.past_clause(i) => Dir::Back,
            Sig::ByEnd => Dir::Fwd,
        };
        // "by" also measures ("rose by 2000 troops"), so it announces a year only weakly
        let cue = if self.kw(i) == Kw::By {
            Cue::Weak
        } else {
            Cue::Strong
        };
        let x = self.core(j, cue, dir)?;
        if matches!(self.kw(i), Kw::Starting | Kw::Beginning)
            && matches!(
                x.val,
                Val::Cal(Cal {
                    year: Some(_),
                    month: None,
                    ..
                })
            )
            && self.kw(j) != Kw::On
        {
            // "starting 2000 troops": a bare year after "starting" is too weak
            return None;
        }
        let (p, grain) = self.resolve(x.val, dir);
        let day = |d: Option<NaiveDate>, back: bool| {
            d.and_then(|d| if back { d.pred_opt() } else { d.succ_opt() })
        };
        let (kind, start, end) = match (sig, x.edge) {
            (Sig::FromStart, _) | (Sig::AfterEnd, Some(Part::Early)) => {
                (TimeKind::Since, p.map(|p| p.start), None)
            }
            (Sig::AfterEnd, _) => (TimeKind::Since, day(p.map(|p| p.end), false), None),
            (Sig::ByEnd, _) | (Sig::BeforeStart, Some(Part::Late)) => {
                (TimeKind::Until, None, p.map(|p| p.end))
            }
            (Sig::BeforeStart, _) => (TimeKind::Until, None, day(p.map(|p| p.start), true)),
        };
        Some(self.open(x.end, kind, grain, start, end, p))
    }

    /// "Monday two weeks from now", "Saturday 3 days from now": a weekday in the week (Sunday
    /// to Saturday) of the day counted to.
    fn weekday_offset(&self, i: usize) -> Option<Found> {
        let Kw::Weekday(wd, _) = self.kw(i) else {
            return None;
        };
        let j = if self.punct(i + 1, &[","]) {
            i + 2
        } else {
            i + 1
        };
        let f = self.offset(j)?;
        if f.kind != TimeKind::Point || f.grain != Grain::Day {
            return None;
        }
        let end = f.end;
        Some(on_weekday(f, wd, end))
    }

    /// "till date", "to date": up to publication.
    fn to_date(&self, i: usize) -> Option<Found> {
        if !(matches!(self.kw(i), Kw::Until | Kw::To) && self.kw(i + 1) == Kw::Date) {
            return None;
        }
        // "up to date", "up-to-date", "equals to date 1", "to date from 2010"
        let after_ok = !self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
            && self.kw(i + 2) != Kw::From
            && !self.punct(i + 2, DASHES);
        let before_ok = i == 0
            || !["up", "equals", "equal"]
                .iter()
                .any(|w| self.word_is(i - 1, w));
        if !(after_ok && before_ok) {
            return None;
        }
        let p = self.published.map(cal::day);
        Some(Found {
            end: i + 2,
            kind: TimeKind::Until,
            grain: Grain::Day,
            start_date: None,
            end_date: self.published,
            timex: p.as_ref().map(cal::timex),
        })
    }

    /// "between X and Y", "between now and Y".
    fn between(&self, i: usize) -> Option<Found> {
        if self.kw(i) != Kw::Between {
            return None;
        }
        let x = self.range_start(i + 1)?;
        let sep = matches!(self.kw(x.end), Kw::And | Kw::Through | Kw::To | Kw::Until)
            || self.punct(x.end, RANGE_MARKS);
        if !sep {
            return None;
        }
        self.range_to(x, x.end + 1, self.tense(i))
    }

    /// "from X to Y", "from X until Y", "from X-Y", "from X to date".
    fn ranged_from(&self, i: usize) -> Option<Found> {
        if self.kw(i) != Kw::From {
            return None;
        }
        let x = self.range_start(i + 1)?;
        let sep = matches!(self.kw(x.end), Kw::To | Kw::Until | Kw::Through)
            || self.punct(x.end, RANGE_MARKS);
        if !sep {
            return None;
        }
        self.range_to(x, x.end + 1, self.tense(i))
    }

    /// The first end of a range after "between" or "from": a date, "now", or a bare day
    /// whose month comes with the second end ("from 9 to 12 of June").
    fn range_start(&self, j: usize) -> Option<Core> {
        if self.kw(j) == Kw::Now {
            return Some(Core::new(j + 1, self.now()));
        }
        let core = self.core(j, Cue::Strong, Dir::Back);
        let day = self
            .bare_day(j)
            .map(|(d, end)| Core::new(end, Val::Cal(Cal::ymd(None, None, Some(d)))));
        match (core, day) {
            (Some(c), Some(d)) if d.end > c.end => Some(d),
            (Some(c), _) => Some(c),
            (None, d) => d,
        }
    }

    /// Publication day, for "now" and "date" at the ends of ranges.
    fn now(&self) -> Val {
        self.by_published(Grain::Day, |p| Some(cal::day(p)))
    }

    /// "2021-2023", "2021–23", "2021 to 2023", "May 16-17", "Jan-Feb 2017", "Nov 18-Dec 19,
    /// 2015", "02-02-2020 - 03-03-2020": ranges without a leading signal, whose first end is a
    /// full date or a month, or a year followed by another.
    fn bare_range(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.year_range(i) {
            return Some(f);
        }
        // "May to March", "Jan-Feb 2017": a month the second end confirms
        let sep_at = |k: usize| {
            matches!(self.kw(k), Kw::To | Kw::Through | Kw::Until) || self.punct(k, RANGE_MARKS)
        };
        let month_pair =
            self.month_word_at(i).is_some() && sep_at(i + 1) && self.month_word_at(i + 2).is_some();
        // "9 to 12 of June"
        if self.month_word_at(i + 1).is_none() {
            if let Some((d, e)) = self.bare_day(i).filter(|&(_, e)| sep_at(e)) {
                let x = Core::new(e, Val::Cal(Cal::ymd(None, None, Some(d))));
                if let Some(f) = self.range_to(x, e + 1, self.tense(i)) {
                    return Some(f);
                }
            }
        }
        let cue = if month_pair { Cue::Strong } else { self.cue(i) };
        let x = self.core(i, cue, Dir::Back)?;
        // a bare year needs a second year (year_range) or a month after it
        let dated = match x.val {
            Val::Cal(c) => c.month.is_some(),
            Val::Per(p) => !matches!(p.grain, Grain::Year | Grain::Decade | Grain::Century),
            Val::Unres(_) => false,
        };
        if !dated {
            return None;
        }
        let word_sep = matches!(self.kw(x.end), Kw::To | Kw::Through | Kw::Until);
        let mark = self.punct(x.end, RANGE_MARKS);
        let and_days = self.kw(x.end) == Kw::And
            && matches!(
                x.val,
                Val::Cal(Cal {
                    day: Some(_),
                    year: None,
                    ..
                })
            );
        if !(word_sep || mark || and_days) {
            return None;
        }
        self.range_to(x, x.end + 1, self.tense(i))
    }

    /// "2021-2023", "2021–23", "2021 to 2023", "2014 through May 2018".
    fn year_range(&self, i: usize) -> Option<Found> {
        let a = self.year4(i, 1900, 2100)?;
        let j = i + 1;
        let dash = self.punct(j, RANGE_MARKS);
        if !(dash || matches!(self.kw(j), Kw::To | Kw::Through | Kw::Until)) {
            return None;
        }
        // "138-2010-2015": part of a longer code
        if i > 0 && self.glued(i) && self.punct(i - 1, DASHES) {
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
                    }) => self.range(Val::Cal(Cal::year(a)), y, Dir::Back),
                    _ => None,
                };
            }
        };
        let two_digit = self.clean_num(j + 1).is_some_and(|(_, d)| d == 2);
        if b <= a
            || b > 2100
            || (two_digit && b - a > 10)
            || self.punct(j + 2, DASHES) && self.glued(j + 2)
        {
            return None;
        }
        if self.kw(j + 2) == Kw::Unit(Unit::Month, false) || self.word_is(j + 2, "s") {
            return None;
        }
        let y = Core::new(j + 2, Val::Cal(Cal::year(b)));
        self.range(Val::Cal(Cal::year(a)), y, Dir::Back)
    }

    /// The second end of a range whose first end is `x`, starting at token `j`.
    pub(super) fn range_to(&self, x: Core, j: usize, dir: Dir) -> Option<Found> {
        if self.kw(j) == Kw::Now || (self.kw(j) == Kw::Date && self.kw(j - 1) != Kw::And) {
            return self.range(x.val, Core::new(j + 1, self.now()), dir);
        }
        // "till current date"
        if self.kw(j) == Kw::Current && self.kw(j + 1) == Kw::Date {
            return self.range(x.val, Core::new(j + 2, self.now()), dir);
        }
        // "from next Monday to Friday": the first such weekday from the first end
        if let (Kw::Weekday(wd, _), (Some(px), _)) = (self.kw(j), self.resolve(x.val, Dir::Back)) {
            let w = self.weekday(j, Dir::Back)?;
            if px.grain == Grain::Day && w.end == j + 1 {
                let ahead = (7 + wd - px.start.weekday().number_from_monday()) % 7;
                let d = cal::shift_date(px.start, Unit::Day, i64::from(ahead))?;
                return self.range(Val::Per(px), Core::new(j + 1, Val::Per(cal::day(d))), dir);
            }
        }
        let y = match x.val {
            // "May 16 and 17", "April 9th through 17th", "Nov 18-Dec 19, 2015"
            Val::Cal(c @ Cal { day: Some(_), .. }) => {
                // not the start of a compact date: "02-02-2020 - 03-03-2020"
                let compact_next = |end: usize| {
                    self.punct(end, DASHES)
                        && self.glued(end)
                        && self.tok(end + 1).is_some_and(|t| t.kind == Kind::Num)
                };
                let day_only = self.bare_day(j).filter(|&(_, end)| {
                    self.month_word_at(end).is_none() && !self.of_month(end) && !compact_next(end)
                });
                match day_only {
                    Some((d, end)) => {
                        let (year, end) = self
                            .trailing_year(end)
                            .map_or((c.year, end), |(y, e)| (Some(y), e));
                        // "April 27th to the third": into the next month
                        let month = match (c.month, c.day) {
                            (Some(m), Some(dx)) if d < dx && year == c.year => Some(m % 12 + 1),
                            (m, _) => m,
                        };
                        let year = match (month, c.month) {
                            (Some(1), Some(12)) => year.map(|y| y + 1),
                            _ => year,
                        };
                        Core::new(
                            end,
                            Val::Cal(Cal {
                                year,
                                month,
                                day: Some(d),
                                weekday: None,
                                ..c
                            }),
                        )
                    }
                    None => self.core(j, Cue::Strong, Dir::Back)?,
                }
            }
            _ => self.core(j, Cue::Strong, Dir::Back)?,
        };
        self.range(x.val, y, dir)
    }

    /// "of" or "in" and a month after a day: "(12) of June", "(23) in next month".
    fn of_month(&self, j: usize) -> bool {
        matches!(self.kw(j), Kw::Of | Kw::In)
            && (self.month_word_at(j + 1).is_some()
                || (matches!(self.kw(j + 1), Kw::This | Kw::Next | Kw::Last)
                    && self.kw(j + 2) == Kw::Unit(Unit::Month, false)))
    }

    /// A closed range from `x` to `y`; ends missing a year or month borrow the other end's.
    pub(super) fn range(&self, x: Val, y: Core, dir: Dir) -> Option<Found> {
        let (mut a, mut b) = (x, y.val);
        // a bare first day takes the second end's month: "between 3 and 12 of Sept"
        if let Val::Cal(
            ca @ Cal {
                month: None,
                day: Some(_),
                ..
            },
        ) = &mut a
        {
            match b {
                Val::Cal(cb) if cb.month.is_some() => {
                    ca.month = cb.month;
                    ca.year = cb.year;
                }
                Val::Per(pb) if pb.grain == Grain::Day || pb.grain == Grain::Month => {
                    ca.month = Some(pb.start.month());
                    ca.year = Some(pb.start.year());
                    if pb.grain == Grain::Month {
                        // "from 4-23 in next month": the month's days
                        b = Val::Cal(Cal::ymd(
                            Some(pb.start.year()),
                            Some(pb.start.month()),
                            None,
                        ));
                    }
                }
                _ => return None,
            }
        }
        if let (Val::Cal(ca), Val::Cal(cb)) = (&mut a, &mut b) {
            if cb.month.is_none() && cb.day.is_some() {
                return None;
            }
            match (ca.year, cb.year) {
                (None, Some(yb)) => {
                    ca.year = Some(if ca.order() > cb.order() { yb - 1 } else { yb });
                }
                (Some(ya), None) => {
                    cb.year = Some(if cb.order() < ca.order() { ya + 1 } else { ya });
                }
                // in the past, the latest range that has begun; in the future, the first that
                // has not ended
                (None, None) if dir == Dir::Fwd => {
                    if let Some(pb) = self.cal_period(*cb, Dir::Fwd) {
                        let yb = pb.start.year();
                        cb.year = Some(yb);
                        ca.year = Some(if ca.order() > cb.order() { yb - 1 } else { yb });
                    }
                }
                (None, None) => {
                    if let Some(pa) = self.cal_period(*ca, Dir::Back) {
                        let ya = pa.start.year();
                        ca.year = Some(ya);
                        cb.year = Some(if cb.order() < ca.order() { ya + 1 } else { ya });
                    }
                }
                (Some(_), Some(_)) => {}
            }
        }
        // "from this May to Oct 2020": a month given as a period already
        if let (Val::Per(pa), Val::Cal(cb)) = (&a, &mut b) {
            if cb.year.is_none() && cb.month.is_some() {
                let ya = pa.start.year();
                cb.year = Some(if cb.order() < (pa.start.month(), pa.start.day()) {
                    ya + 1
                } else {
                    ya
                });
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

    /// ", 2024" or " 2024" after a day.
    pub(super) fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.punct(j, &[","]) { j + 1 } else { j };
        if let Some(y) = self.year4(k, 1000, 2199) {
            // "May 5 2000 troops"
            if !self.counted(k) || self.punct(j, &[","]) {
                return Some((y, k + 1));
            }
        }
        // "in 2020", "of 2020" after a day or month
        if matches!(self.kw(j), Kw::In | Kw::Of) {
            if let Some(y) = self.year4(j + 1, 1000, 2199) {
                if !self.counted(j + 1) {
                    return Some((y, j + 2));
                }
            }
        }
        None
    }

    /// "the past two years", "the last decade", "the next three months", "past five years",
    /// "within 9 months", "3 next weeks", "the last 2 quarters".
    fn rolling(&self, i: usize) -> Option<Found> {
        let the = self.kw(i) == Kw::The;
        let mut j = if the { i + 1 } else { i };
        let within = self.kw(j) == Kw::Within;
        if within {
            j += 1;
            if self.kw(j) == Kw::Next {
                j += 1;
            }
        }
        // "N next days": the count first
        let lead_count = if within { None } else { self.count(j, false) };
        let (forward, n, k) = match (lead_count, self.kw(j)) {
            (Some((n, k)), _) => {
                let forward = match self.kw(k) {
                    Kw::Next | Kw::Coming | Kw::Following => true,
                    Kw::Past | Kw::Previous | Kw::Last => false,
                    _ => return None,
                };
                (forward, n, k + 1)
            }
            (None, _) if within => {
                let (n, k) = self.count(j, true)?;
                (true, n, k)
            }
            (None, Kw::Past | Kw::Last | Kw::Previous) => {
                let (n, k) = self.count(j + 1, false).map_or((1, j + 1), |c| c);
                (false, n, k)
            }
            (None, Kw::Next | Kw::Coming | Kw::Following) => {
                let (n, k) = self.count(j + 1, false).map_or((1, j + 1), |c| c);
                (true, n, k)
            }
            _ => return None,
        };
        let k = if self.kw(k) == Kw::Of { k + 1 } else { k };
        let Kw::Unit(unit, plural) = self.kw(k) else {
            return None;
        };
        let counted = k > j + 1;
        if unit < Unit::Day || unit == Unit::Weekend || (unit == Unit::Day && !counted && !within) {
            return None;
        }
        if plural != (n != 1) && !(plural && counted) {
            return None;
        }
        // "the last week of July", "next week": single units are periods (relative.rs), but
        // "within a week" and "the past week" roll
        let the_before = the || (j > 0 && self.kw(j - 1) == Kw::The);
        let single_is_period = !(within
            || counted
            || plural
            || self.kw(j) == Kw::Past
            || (the_before && self.kw(j) == Kw::Last));
        if single_is_period || (unit == Unit::Week && self.kw(k + 1) == Kw::Of) {
            return None;
        }
        let mut end = k + 1;
        let mut extra: Vec<(f64, Unit)> = Vec::new();
        // "the last 3 months and 2 weeks and 2 days", but not when the chain ends in "ago"
        while self.kw(end) == Kw::And {
            let Some((m, e)) = self.count(end + 1, true) else {
                break;
            };
            let Kw::Unit(u, _) = self.kw(e) else { break };
            if u < Unit::Day {
                break;
            }
            extra.push((f64::from(m), u));
            end = e + 1;
        }
        if self.kw(end) == Kw::Ago {
            extra.clear();
            end = k + 1;
        }
        // quarters are counted whole; decades and fortnights ahead too ("the next decade" is
        // the 2030s), but "the past decade" is the last ten years
        let aligned = unit == Unit::Quarter
            || (forward && matches!(unit, Unit::Decade | Unit::Century | Unit::Fortnight));
        let grain = cal::unit_grain(unit);
        let dates = self.published.and_then(|p| {
            if aligned && !within && extra.is_empty() {
                let w = cal::whole_units(unit, p, n, forward)?;
                return Some((w.start, w.end));
            }
            let n = i64::from(n);
            if forward {
                let first = if within { p } else { p.succ_opt()? };
                let mut last = cal::shift_date(first, unit, n)?;
                for (m, u) in &extra {
                    last = cal::shift_date(last, *u, *m as i64)?;
                }
                Some((first, if within { last } else { last.pred_opt()? }))
            } else {
                let mut first = cal::shift_date(p, unit, -n)?;
                for (m, u) in &extra {
                    first = cal::shift_date(first, *u, -(*m as i64))?;
                }
                Some((first, p))
            }
        });
        // TIMEX3 values "the past three years" as the length it is (DURATION "P3Y", the
        // dates being its anchored ends); the dates stay, for the figures it dates.
        let mut parts = vec![(f64::from(n), unit)];
        parts.extend(extra.iter().copied());
        Some(Found {
            end,
            kind: TimeKind::Range,
            grain,
            start_date: dates.map(|d| d.0),
            end_date: dates.map(|d| d.1),
            timex: Some(cal::duration(&parts)),
        })
    }

    /// "the three months to September", "the year to March", "the 12 months ended June 30",
    /// "the quarter through June": a window of whole units that ends with the named period.
    /// One `Range`, valued at the named period's grain ("2023-07/2023-09"); "the" is inside
    /// (a determiner), the signal word "to" is part of the window's own words.
    fn window_to(&self, i: usize) -> Option<Found> {
        if self.kw(i) != Kw::The {
            return None;
        }
        let (n, k) = self.count(i + 1, false).unwrap_or((1, i + 1));
        // "the fiscal year to March 2024", "the financial year to June": a fiscal year named
        // by its last month, so dated, and valued by the year it ends in as TIMEX3 names
        // fiscal years ("FY2024")
        let fiscal = n == 1
            && (self.word_is(k, "fiscal") || self.word_is(k, "financial"))
            && self.kw(k + 1) == Kw::Unit(Unit::Year, false);
        let k = if fiscal { k + 1 } else { k };
        let Kw::Unit(unit, plural) = self.kw(k) else {
            return None;
        };
        if !matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)
            || plural != (n != 1)
        {
            return None;
        }
        let to = k + 1;
        if !["to", "ended", "ending", "through", "thru"]
            .iter()
            .any(|w| self.word_is(to, w))
        {
            return None;
        }
        // The window ends with the named period, read in the past ("to September" in a
        // report is the latest September).
        let c = self.core(to + 1, self.cue(to + 1), Dir::Back)?;
        let (last, grain) = self.resolve(c.val, Dir::Back);
        let window = last.and_then(|last| {
            let first = cal::shift_date(last.end.succ_opt()?, unit, -i64::from(n))?;
            let start = cal::Period {
                start: first,
                end: first,
                grain,
            };
            let value = if fiscal {
                format!("FY{}", last.end.year())
            } else {
                format!("{}/{}", cal::timex(&start), cal::timex(&last))
            };
            Some((first, last.end, value))
        });
        Some(Found {
            end: c.end,
            kind: TimeKind::Range,
            grain,
            start_date: window.as_ref().map(|w| w.0),
            end_date: window.as_ref().map(|w| w.1),
            timex: window.map(|w| w.2),
        })
    }

    /// "recent weeks", "the recent months", "recent years": a window of unstated length that
    /// ends at publication, valued as TIMEX3 writes an unstated count ("PXW") and dated from
    /// the publication day back by one unit at least, so it overlaps what it covers.
    fn recent(&self, i: usize) -> Option<Found> {
        let j = if self.kw(i) == Kw::The { i + 1 } else { i };
        if !self.word_is(j, "recent") {
            return None;
        }
        let Kw::Unit(unit, true) = self.kw(j + 1) else {
            return None;
        };
        if !matches!(
            unit,
            Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade
        ) {
            return None;
        }
        let code = match unit {
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Year => "Y",
            _ => "DE",
        };
        Some(Found {
            end: j + 2,
            kind: TimeKind::Duration,
            grain: cal::unit_grain(unit),
            start_date: None,
            end_date: None,
            timex: Some(format!("PX{code}")),
        })
    }

    /// A small count: digits, a number word ("twenty-five"), "a"/"an" when allowed, "a
    /// couple (of)".
    pub(super) fn count(&self, i: usize, allow_a: bool) -> Option<(u32, usize)> {
        match self.kw(i) {
            Kw::A if allow_a => {
                if self.kw(i + 1) == Kw::Few(2) {
                    let k = if self.kw(i + 2) == Kw::Of {
                        i + 3
                    } else {
                        i + 2
                    };
                    return Some((2, k));
                }
                Some((1, i + 1))
            }
            Kw::Few(2) => {
                let k = if self.kw(i + 1) == Kw::Of {
                    i + 2
                } else {
                    i + 1
                };
                Some((2, k))
            }
            Kw::Number(_) => self.small_number(i).filter(|(n, _)| *n > 0),
            _ => {
                let (n, digits) = self.clean_num(i)?;
                (digits <= 4).then_some((n, i + 1))
            }
        }
    }

    /// A number 0-99 in words: "seven", "twenty", "twenty-five", "twenty five".
    pub(super) fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        let Kw::Number(t) = self.kw(i) else {
            return None;
        };
        if (20..=90).contains(&t) && t % 10 == 0 {
            let k = if self.punct(i + 1, DASHES) && self.glued(i + 1) && self.glued(i + 2) {
                i + 2
            } else {
                i + 1
            };
            if let Kw::Number(u) = self.kw(k) {
                if (1..10).contains(&u) {
                    return Some((t + u, k + 1));
                }
            }
        }
        Some((t, i + 1))
    }
}

/// The signal words of open intervals, by what they take from the date after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sig {
    /// "since", "as early as", "starting": from its start.
    FromStart,
    /// "after", "later than": from the day after its end.
    AfterEnd,
    /// "before", "earlier than": up to the day before its start.
    BeforeStart,
    /// "by", "until", "through", "no later than": up to its end.
    ByEnd,
}

/// A day found moved to weekday `wd` of its week, Sunday to Saturday ("two months from
/// today on Tuesday"), ending at token `end`.
pub(super) fn on_weekday(f: Found, wd: u32, end: usize) -> Found {
    let moved = f.start_date.and_then(|d| {
        let back = i64::from(d.weekday().num_days_from_sunday());
        cal::shift_date(d, Unit::Day, i64::from(wd % 7) - back)
    });
    found(end, TimeKind::Point, Grain::Day, moved.map(cal::day))
}

pub(super) fn found(end: usize, kind: TimeKind, grain: Grain, p: Option<Period>) -> Found {
    Found {
        end,
        kind,
        grain,
        start_date: p.map(|p| p.start),
        end_date: p.map(|p| p.end),
        timex: p.as_ref().map(cal::timex),
    }
}
