//! Times of day, recurring times, the present and lengths of time without a count: the forms
//! news uses beside calendar dates ("at 5 pm", "14:30 GMT", "noon", "every month", "weekly",
//! "now", "currently", "for years"), and fiscal quarters in words ("the third quarter of
//! fiscal 2024").
//!
//! Each form is one more candidate in [`Grammar::at`](super::grammar::Grammar::at), so the
//! longest match still wins and the pass stays linear; each looks at five tokens at most.
//! Choices, and why:
//! - a clock time alone has no dates of its own (the day it falls on is the business of the date
//!   joined to it, `daytime.rs`); its value is TIMEX3's "T17:00", its grain the hour or minute;
//! - "14:30" needs a time cue: a time zone or "a.m."/"p.m." after it, or "at", "by",
//!   "until", "from", "before", "after", "around" before it, because a bare "3:16" is as often
//!   a verse, a score or a ratio; "5 pm" and "noon" need none;
//! - the present ("now", "currently", "at present", "nowadays") is the publication day,
//!   with TIMEX3's value PRESENT_REF; "present" is read only after "at", so "the present
//!   government" and "present the plan" stay words;
//! - a set keeps the period it recurs at ("every two weeks" P2W, "every Monday" XXXX-WXX-1)
//!   and no dates; capitalised "Daily"/"Weekly" inside a sentence is a title ("the Daily
//!   Mail"), not a set;
//! - "years", "decades" and their kin without a count are durations of unstated length
//!   (TIMEX3 PXY, PXDE) only after a preposition that makes them one ("for years", "in
//!   decades", "after months of talks"); the preposition stays outside the span.

use chrono::NaiveDate;
use sinew_types::{Grain, TimeKind};

use super::grammar::{Found, Grammar};
use super::lex::{Kind, Kw, Unit};

/// Time zones read after a clock time. Sources: common news abbreviations (IANA
/// abbreviations in use for the zones news names most).
const ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "EST", "EDT", "CST", "CDT",
    "MST", "MDT", "PST", "PDT", "AKST", "HST", "IST", "PKT", "ICT", "SGT", "HKT", "JST", "KST",
    "AEST", "AEDT", "AWST", "NZST", "NZDT", "ET", "PT", "CT", "SAST", "WAT", "EAT", "GST",
];

/// Words before a bare "hh:mm" that make it a time of day.
const CLOCK_CUES: &[&str] = &[
    "at", "by", "until", "till", "from", "before", "after", "around", "about", "to", "and",
    "since", "past",
];

/// Adverbs and adjectives of recurrence, with their TIMEX3 period.
const RECURRING: &[(&str, &str)] = &[
    ("hourly", "PT1H"),
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("fortnightly", "P2W"),
    ("biweekly", "P2W"),
    ("monthly", "P1M"),
    ("quarterly", "P3M"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
];

/// Weekdays in the plural, Monday first: each recurs on its day ("meets on Fridays").
const PLURAL_WEEKDAYS: &[&str] = &[
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

impl Grammar<'_> {
    /// The longest of this file's forms starting at token `i`.
    pub(super) fn clock_forms(&self, i: usize) -> Option<Found> {
        let cands = [
            self.clock(i),
            self.present(i),
            self.set(i),
            self.countless(i),
            self.fiscal_quarter(i),
            self.daytime_forms(i),
        ];
        cands.into_iter().flatten().max_by_key(|f| f.end)
    }

    /// "5 pm", "5.30pm", "10:15 a.m. GMT", "14:30 GMT", "at 14:30", "noon", "midnight",
    /// "five o'clock".
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
        let f = self.clock_words(i)?;
        // "~3am3io" in a link, "x5pm": glued to other text on either side, not a time
        let glued_text = |k: usize| {
            self.glued(k)
                && self
                    .tok(k)
                    .zip(self.tok(k - 1))
                    .is_some_and(|(a, b)| a.kind != Kind::Punct && b.kind != Kind::Punct)
        };
        let punct_before = i > 0
            && self.glued(i)
            && self.punct(
                i - 1,
                &["~", "=", "/", "&", "_", "-", "$", ":", ".", "#", "@"],
            );
        let glued = (i > 0 && glued_text(i)) || glued_text(f.end);
        (!punct_before && !glued).then_some(f)
    }

    fn clock_words(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word {
            let mut buf = [0u8; 12];
            let (h, end) = match lower(t.text, &mut buf) {
                "noon" | "midday" => (12, i + 1),
                "midnight" => (24, i + 1),
                _ => match t.kw {
                    Kw::Number(n) if (1..=12).contains(&n) => {
                        let e = self.meridiem(i + 1).or_else(|| self.oclock(i + 1))?;
                        (self.hour12(n, i + 1), e)
                    }
                    _ => return None,
                },
            };
            return Some(clock_found(self.zone(end), h, None));
        }
        if t.kind != Kind::Num || t.text.len() > 2 || self.num_before(i) {
            return None;
        }
        let h: u32 = t.text.parse().ok()?;
        // minutes: "14:30", "5.30pm" (the dot only with a.m./p.m.)
        let mut k = i + 1;
        let mut minute = None;
        if self.punct(k, &[":", "."]) && self.glued(k) && self.glued(k + 1) {
            let m = self
                .tok(k + 1)
                .filter(|m| m.kind == Kind::Num && m.text.len() == 2);
            if let Some(m) = m
                .and_then(|m| m.text.parse::<u32>().ok())
                .filter(|m| *m < 60)
            {
                minute = Some(m);
                k += 2;
                // seconds, "14:30:05", are read and not kept
                if self.punct(k, &[":"])
                    && self.glued(k)
                    && self.tok(k + 1).is_some_and(|s| s.kind == Kind::Num)
                {
                    k += 2;
                }
            }
        }
        if self.tok(k).is_some_and(|n| n.kind == Kind::Num) && self.glued(k) {
            return None;
        }
        if let Some(e) = self.meridiem(k) {
            if !(1..=12).contains(&h) {
                return None;
            }
            return Some(clock_found(self.zone(e), self.hour12(h, k), minute));
        }
        if minute.is_none() {
            return self
                .oclock(k)
                .filter(|_| (1..=12).contains(&h))
                .map(|e| clock_found(self.zone(e), h, None));
        }
        // "14:30": a 24-hour time, with a colon and a cue
        if h > 23 || !self.punct(i + 1, &[":"]) {
            return None;
        }
        let zoned = self.zone(k);
        let cued = i > 0
            && CLOCK_CUES
                .iter()
                .any(|w| self.word_is(i - 1, w) && !self.punct(i.saturating_sub(2), &["$"]));
        if zoned == k && !cued {
            return None;
        }
        Some(clock_found(zoned, h, minute))
    }

    /// A number, currency or sign glued before token `i` ("$5:30", "1:14:30", "3-2").
    fn num_before(&self, i: usize) -> bool {
        i > 0
            && self.glued(i)
            && self.tok(i - 1).is_some_and(|p| {
                p.kind == Kind::Num || matches!(p.text, ":" | "." | "$" | "-" | "/")
            })
    }

    /// "pm", "p.m.", "PM", "a.m." at token `k`: where it ends.
    fn meridiem(&self, k: usize) -> Option<usize> {
        let t = self.tok(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let mut buf = [0u8; 12];
        match lower(t.text, &mut buf) {
            "am" | "pm" => Some(k + 1),
            "a" | "p" if self.punct(k + 1, &["."]) && self.word_is(k + 2, "m") => {
                Some(if self.punct(k + 3, &["."]) {
                    k + 4
                } else {
                    k + 3
                })
            }
            _ => None,
        }
    }

    /// The 24-hour hour of `h` o'clock given the meridiem at token `k`.
    fn hour12(&self, h: u32, k: usize) -> u32 {
        let pm = self
            .tok(k)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("pm"))
            || self.word_is(k, "p");
        match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        }
    }

    /// "o'clock" at token `k`: where it ends.
    fn oclock(&self, k: usize) -> Option<usize> {
        (self.word_is(k, "o") && self.punct(k + 1, &["'", "’"]) && self.word_is(k + 2, "clock"))
            .then_some(k + 3)
    }

    /// Past a time zone at token `k`, if one is there ("GMT", "local time").
    fn zone(&self, k: usize) -> usize {
        match self.tok(k) {
            Some(t) if t.kind == Kind::Word && ZONES.contains(&t.text) => k + 1,
            Some(_) if self.word_is(k, "local") && self.word_is(k + 1, "time") => k + 2,
            _ => k,
        }
    }

    /// A one-word date at token `i` that is part of a name, not a time: "the Sunday Times",
    /// "the March on Rome", "the March of Dimes", "the May Day" stays a date.
    pub(super) fn in_name(&self, i: usize, end: usize) -> bool {
        const PAPERS: &[&str] = &[
            "Times",
            "Telegraph",
            "Express",
            "Mirror",
            "Post",
            "Herald",
            "Mail",
            "Star",
            "Tribune",
            "Independent",
            "Observer",
            "Sport",
            "People",
            "World",
            "Age",
        ];
        if end != i + 1 || !self.cap(i) {
            return false;
        }
        match self.kw(i) {
            Kw::Weekday(_, false) => self
                .tok(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && PAPERS.contains(&t.text)),
            Kw::Month(_, super::lex::MonthWord::Ambiguous) => {
                i > 0
                    && self.kw(i - 1) == Kw::The
                    && matches!(self.kw(i + 1), Kw::On | Kw::Of | Kw::To | Kw::For)
                    && self.tok(i + 2).is_some_and(|t| t.cap || t.kw == Kw::Other)
            }
            _ => false,
        }
    }

    /// "now", "currently", "presently", "nowadays", "(at) present": the publication day.
    fn present(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let mut buf = [0u8; 12];
        let ok = match lower(t.text, &mut buf) {
            "now" | "currently" | "presently" | "nowadays" => true,
            // "at present levels", "at present rates": an adjective before its noun.
            "present" => {
                i > 0
                    && self.kw(i - 1) == Kw::At
                    && !self.tok(i + 1).is_some_and(|n| {
                        n.kind == Kind::Word && {
                            let mut b = [0u8; 12];
                            matches!(
                                lower(n.text, &mut b),
                                "levels"
                                    | "level"
                                    | "rates"
                                    | "rate"
                                    | "prices"
                                    | "price"
                                    | "pace"
                                    | "course"
                                    | "speed"
                                    | "trends"
                                    | "trend"
                                    | "values"
                                    | "value"
                                    | "form"
                                    | "state"
                                    | "conditions"
                                    | "output"
                                    | "growth"
                                    | "spending"
                                    | "capacity"
                                    | "volumes"
                            )
                        }
                    })
            }
            _ => false,
        };
        // "at the present time", "at the present day".
        let the_present = !ok
            && i > 0
            && self.kw(i - 1) == Kw::At
            && self.kw(i) == Kw::The
            && self.word_is(i + 1, "present")
            && (self.word_is(i + 2, "time") || self.word_is(i + 2, "day"));
        if !ok && !the_present {
            return None;
        }
        let day = self.published;
        Some(Found {
            end: if the_present { i + 3 } else { i + 1 },
            kind: TimeKind::Point,
            grain: Grain::Day,
            start_date: day,
            end_date: day,
            timex: Some("PRESENT_REF".into()),
        })
    }

    /// "every month", "each year", "every two weeks", "every other Friday", "weekly",
    /// "twice a year", "three times a week".
    fn set(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let mut buf = [0u8; 12];
        let lower = lower(t.text, &mut buf);
        if let Some((_, v)) = RECURRING.iter().find(|(w, _)| *w == lower) {
            // "the Daily Mail", "The Weekly Standard": a title inside a sentence
            let opens = i == 0 || self.punct(i - 1, &[".", "!", "?", "\"", "“", ":"]);
            if t.cap && !opens {
                return None;
            }
            return Some(set_found(i + 1, v));
        }
        // "on Fridays": a weekday in the plural, capitalised as a day's name is
        if let Some(d) = PLURAL_WEEKDAYS.iter().position(|w| *w == lower) {
            return t
                .cap
                .then(|| set_found(i + 1, &format!("XXXX-WXX-{}", d + 1)));
        }
        match lower {
            "every" | "each" => {
                let mut k = i + 1;
                let mut n = 1;
                if self.word_is(k, "other") {
                    n = 2;
                    k += 1;
                } else if let Some((c, e)) = self.count(k, false).filter(|(c, _)| *c > 1) {
                    n = c;
                    k = e;
                }
                let v = match self.kw(k) {
                    Kw::Unit(u, plural) if plural == (n > 1) => period(u, n)?,
                    // "every other Friday" recurs on Fridays; the other is in TIMEX3's freq
                    Kw::Weekday(d, _) if n <= 2 => format!("XXXX-WXX-{d}"),
                    Kw::Month(m, w)
                        if n == 1 && (self.cap(k) || w == super::lex::MonthWord::Full) =>
                    {
                        format!("XXXX-{m:02}")
                    }
                    Kw::Season(s) if n == 1 => {
                        format!("XXXX-{}", ["SP", "SU", "FA", "WI"][s as usize])
                    }
                    _ => return None,
                };
                Some(set_found(k + 1, &v))
            }
            "once" | "twice" | "thrice" => self.per_unit(i + 1),
            "a" | "per" => self.rate_period(i),
            _ => match t.kw {
                Kw::Number(n) if n > 1 && self.word_is(i + 1, "times") => self.per_unit(i + 2),
                _ => None,
            },
        }
    }

    /// "a year", "per week", "each month" after "twice" or "three times".
    fn per_unit(&self, k: usize) -> Option<Found> {
        let per = self.kw(k) == Kw::A || self.word_is(k, "per") || self.word_is(k, "each");
        match self.kw(k + 1) {
            Kw::Unit(u, false) if per => Some(set_found(k + 2, &period(u, 1)?)),
            _ => None,
        }
    }

    /// "2,000 cars a day", "$5 billion a year", "10 tonnes per hour": the period of a rate,
    /// which TIMEX3 writes as a SET. It follows a counted thing: a number among the three
    /// words before, the word right before neither a preposition nor a count word ("for a
    /// day", "twice a year" are other forms), and no offset or length after it ("a year
    /// ago", "a day after", "a year-long").
    fn rate_period(&self, i: usize) -> Option<Found> {
        let Kw::Unit(u, false) = self.kw(i + 1) else {
            return None;
        };
        if u < Unit::Hour || u == Unit::Weekend || i == 0 {
            return None;
        }
        let prev = self.tok(i - 1)?;
        let after_noun = match prev.kind {
            Kind::Word => matches!(prev.kw, Kw::Other) && !prev.cap,
            Kind::Num => true,
            _ => false,
        };
        let counted = (i.saturating_sub(3)..i).any(|k| {
            self.tok(k)
                .is_some_and(|t| t.kind == Kind::Num || matches!(t.kw, Kw::Number(_)))
        });
        let offset = matches!(
            self.kw(i + 2),
            Kw::Ago | Kw::After | Kw::Before | Kw::Earlier | Kw::Later | Kw::Of
        ) || (self.punct(i + 2, super::grammar::DASHES) && self.glued(i + 2));
        if !(after_noun && counted && !offset) {
            return None;
        }
        Some(set_found(i + 2, &period(u, 1)?))
    }

    /// "(for) years", "(in) decades", "(after) months (of talks)": a length of time whose
    /// count is not stated.
    fn countless(&self, i: usize) -> Option<Found> {
        let Kw::Unit(u, true) = self.kw(i) else {
            return None;
        };
        if i == 0
            || !matches!(
                self.kw(i - 1),
                Kw::For | Kw::In | Kw::Over | Kw::Within | Kw::After | Kw::During
            )
        {
            return None;
        }
        // "for years" counts; "in years past" and "for weeks-long talks" are not lengths
        if self.punct(i + 1, &["-"]) && self.glued(i + 1) {
            return None;
        }
        let code = match u {
            Unit::Second => "PTXS",
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day => "PXD",
            Unit::Week => "PXW",
            Unit::Month => "PXM",
            Unit::Year => "PXY",
            Unit::Decade => "PXDE",
            Unit::Century => "PXCE",
            _ => return None,
        };
        let grain = match u {
            Unit::Second => Grain::Second,
            Unit::Minute => Grain::Minute,
            Unit::Hour => Grain::Hour,
            Unit::Day => Grain::Day,
            Unit::Week => Grain::Week,
            Unit::Month => Grain::Month,
            Unit::Year => Grain::Year,
            Unit::Decade => Grain::Decade,
            _ => Grain::Century,
        };
        Some(Found {
            end: i + 1,
            kind: TimeKind::Duration,
            grain,
            start_date: None,
            end_date: None,
            timex: Some(code.into()),
        })
    }

    /// "the third quarter of fiscal 2024", "fiscal Q3 2024", "the fiscal third quarter",
    /// "Q3 of fiscal 2024": a quarter of a fiscal year, which Sinew does not date (fiscal
    /// years start in different months by company and state), valued "FY2024-Q3".
    fn fiscal_quarter(&self, i: usize) -> Option<Found> {
        let mut k = i;
        if self.kw(k) == Kw::The {
            k += 1;
        }
        let fiscal_first = self.kw(k) == Kw::Fiscal;
        if fiscal_first {
            k += 1;
        }
        let (q, e) = self.quarter_name(k)?;
        k = e;
        let year = if self.kw(k) == Kw::Of && self.kw(k + 1) == Kw::Fiscal {
            k += 2;
            if self.kw(k) == Kw::Unit(Unit::Year, false) {
                k += 1;
            }
            let y = self.year4(k, 1900, 2199)?;
            k += 1;
            Some(y)
        } else if fiscal_first {
            let y = self.year4(k, 1900, 2199);
            if y.is_some() {
                k += 1;
            }
            y
        } else {
            return None;
        };
        let timex = match year {
            Some(y) => format!("FY{y}-Q{q}"),
            None => format!("FYXXXX-Q{q}"),
        };
        // a bare "the" before a quarter belongs to it, as TIMEX3 spans keep determiners
        Some(Found {
            end: k,
            kind: TimeKind::Point,
            grain: Grain::Quarter,
            start_date: None,
            end_date: None,
            timex: Some(timex),
        })
    }

    /// "third quarter", "Q3", "3Q": which quarter and where its name ends.
    fn quarter_name(&self, k: usize) -> Option<(u32, usize)> {
        if let Kw::Ordinal(n) = self.kw(k) {
            if (1..=4).contains(&n) && self.kw(k + 1) == Kw::Unit(Unit::Quarter, false) {
                return Some((n, k + 2));
            }
        }
        let t = self.tok(k)?;
        if t.kind == Kind::Word && t.text.eq_ignore_ascii_case("q") && self.glued(k + 1) {
            let n: u32 = self.tok(k + 1)?.text.parse().ok()?;
            return (1..=4).contains(&n).then_some((n, k + 2));
        }
        None
    }
}

/// [`lower`], for the other forms of the times module.
pub(super) fn lower_word<'b>(word: &str, buf: &'b mut [u8; 12]) -> &'b str {
    lower(word, buf)
}

/// `word` in lower case, in `buf` without allocating (these forms run at every word);
/// "" when it is longer than any word they look for or not ASCII.
fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> &'b str {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

fn clock_found(end: usize, hour: u32, minute: Option<u32>) -> Found {
    let (grain, timex) = match minute {
        Some(m) => (Grain::Minute, format!("T{hour:02}:{m:02}")),
        None => (Grain::Hour, format!("T{hour:02}:00")),
    };
    Found {
        end,
        kind: TimeKind::Point,
        grain,
        start_date: None::<NaiveDate>,
        end_date: None,
        timex: Some(timex),
    }
}

fn set_found(end: usize, period: &str) -> Found {
    let grain = match period {
        p if p.starts_with("PT") => Grain::Hour,
        p if p.ends_with('D') => Grain::Day,
        p if p.ends_with('W') || p.contains("-W") => Grain::Week,
        "P3M" => Grain::Quarter,
        p if p.ends_with('M') && p.starts_with('P') => Grain::Month,
        p if p.starts_with("XXXX-") && p.len() == 7 && p.as_bytes()[5].is_ascii_digit() => {
            Grain::Month
        }
        p if p.starts_with("XXXX-") => Grain::Season,
        _ => Grain::Year,
    };
    Found {
        end,
        kind: TimeKind::Set,
        grain,
        start_date: None,
        end_date: None,
        timex: Some(period.to_string()),
    }
}

/// The TIMEX3 period of every `n` units.
fn period(u: Unit, n: u32) -> Option<String> {
    Some(match u {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Fortnight => format!("P{}W", 2 * n),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{}M", 3 * n),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{}Y", 10 * n),
        Unit::Century => format!("P{}Y", 100 * n),
        Unit::Weekend => return None,
    })
}
