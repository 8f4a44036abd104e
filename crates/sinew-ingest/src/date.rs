//! Publication dates as pages and scrapes write them.

use std::sync::LazyLock;

use chrono::{NaiveDate, TimeDelta};
use regex::Regex;
use sinew_types::text::MONTH_NAMES;

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// `2024-06-27`, `2024/06/27`, `2024.06.27`, optionally followed by a time.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})(?:$|[^0-9])")
        .unwrap()
});

/// `June 27, 2024`, `Jun. 27th 2024`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)[0-9]{{2}})\b"
    ))
    .unwrap()
});

/// `27 June 2024`, `27th of June, 2024`, `27. Juni 2024` (German's period after the day).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b([0-9]{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({MONTHS})\.?,?\s+((?:19|20)[0-9]{{2}})\b")).unwrap()
});

/// `31/10/2024`, `10/31/2024`, `31.10.2024`: day and month by which can be which; when
/// both can, `.` is day first (European) and `/` follows the page's [`DayOrder`].
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9./])([0-9]{1,2})([./])([0-9]{1,2})([./])((?:19|20)[0-9]{2})(?:$|[^0-9])")
        .unwrap()
});

/// A date in a URL path: `/2024/06/27/` or `/2024-06-27`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)[0-9]{2})[/-]([01]?[0-9])[/-]([0-3]?[0-9])(?:[/\-_.]|$)").unwrap()
});

/// Month names of the other languages that news pages in the field are written in, as a
/// dateline writes them after the day (German, Dutch, French, Spanish, Italian, Portuguese;
/// Russian and Ukrainian in the genitive, "12 марта"), with their common abbreviations.
/// Forms that are also English words ("ago", "set") are left out.
const INTL_MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("januari", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("января", 1),
    ("січня", 1),
    ("янв", 1),
    ("februar", 2),
    ("feber", 2),
    ("februari", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("февраля", 2),
    ("лютого", 2),
    ("фев", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("maart", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("марта", 3),
    ("березня", 3),
    ("мар", 3),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("aprile", 4),
    ("апреля", 4),
    ("квітня", 4),
    ("апр", 4),
    ("mai", 5),
    ("mei", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("мая", 5),
    ("травня", 5),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("июня", 6),
    ("червня", 6),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("июля", 7),
    ("липня", 7),
    ("augustus", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("августа", 8),
    ("серпня", 8),
    ("авг", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("сентября", 9),
    ("вересня", 9),
    ("сен", 9),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("октября", 10),
    ("жовтня", 10),
    ("окт", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("ноября", 11),
    ("листопада", 11),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("декабря", 12),
    ("грудня", 12),
];

/// `12. März 2024`, `1er mars 2024`, `12 de marzo de 2024`, `12 марта 2024 г.`.
static INTL_DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = INTL_MONTHS.iter().map(|(n, _)| *n).collect();
    // Longest first, so that "marzo" is tried before "mar".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    Regex::new(&format!(
        r"(?i)\b([0-9]{{1,2}})(?:er|º|°)?\.?\s+(?:de\s+)?({})\.?,?\s+(?:de\s+|del\s+)?((?:19|20)[0-9]{{2}})\b",
        names.join("|")
    ))
    .unwrap()
});

/// `2024年3月12日` (Chinese, Japanese), `2024년 3월 12일` (Korean).
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*[年년]\s*([0-9]{1,2})\s*[月월]\s*([0-9]{1,2})\s*[日号일]")
        .unwrap()
});

fn intl_month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    INTL_MONTHS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, m)| *m)
        .or_else(|| month_number(name))
}

/// The month a name or abbreviation of three letters or more stands for (the regexes
/// have checked the rest of the word).
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let head = lower.get(..3)?;
    MONTH_NAMES
        .iter()
        .position(|m| m.as_bytes()[..3].eq_ignore_ascii_case(head.as_bytes()))
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// How a page writes a numeric date whose day and month could be either way round
/// ("03/10/2023"): month first in the United States, day first nearly everywhere else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum DayOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

impl DayOrder {
    /// The order a page's language tag implies (`<html lang>`, `og:locale`): day first for
    /// English outside the United States and for every other language; month first for
    /// plain `en`, which American pages write most.
    pub(crate) fn of_locale(tag: &str) -> DayOrder {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let lang = parts.next().unwrap_or_default();
        let region = parts.next().unwrap_or_default();
        match (lang, region) {
            ("", _) | ("en", "" | "us") => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        }
    }
}

/// A date somewhere in `s`, with where it lies; the earliest match wins.
pub(crate) fn find_date_span(s: &str) -> Option<(NaiveDate, usize, usize)> {
    find_date_span_in(s, DayOrder::MonthFirst)
}

/// [`find_date_span`] with the page's [`DayOrder`] for numeric dates that read either way;
/// `.` between the numbers is day first whatever the page.
pub(crate) fn find_date_span_in(s: &str, order: DayOrder) -> Option<(NaiveDate, usize, usize)> {
    find_date_spans_in(s, order).into_iter().next()
}

/// Every date in `s` with where it lies, in the order they stand; where two readings
/// overlap ("2024-06-27" inside "27.06.2024-..."), the one that starts first is kept.
pub(crate) fn find_date_spans_in(s: &str, order: DayOrder) -> Vec<(NaiveDate, usize, usize)> {
    let mut found: Vec<(NaiveDate, usize, usize)> = Vec::new();
    let mut consider = |date: Option<NaiveDate>, start: usize, end: usize| {
        if let Some(date) = date {
            found.push((date, start, end));
        }
    };
    for c in ISO.captures_iter(s) {
        // Both separators the same, so that "2024-06/27" is not a date.
        if c[2] != c[4] {
            continue;
        }
        let m: Option<u32> = c[3].parse().ok();
        let whole = c.get(1).map(|g| g.start()).unwrap_or(0);
        let end = c.get(5).map(|g| g.end()).unwrap_or(whole);
        consider(m.and_then(|m| ymd(&c[1], m, &c[5])), whole, end);
    }
    // Patterns whose whole match is the date, and how their captures give it.
    type Read = fn(&regex::Captures<'_>) -> Option<NaiveDate>;
    let whole: [(&Regex, Read); 4] = [
        (&MONTH_DAY_YEAR, |c| {
            month_number(&c[1]).and_then(|m| ymd(&c[3], m, &c[2]))
        }),
        (&DAY_MONTH_YEAR, |c| {
            month_number(&c[2]).and_then(|m| ymd(&c[3], m, &c[1]))
        }),
        (&INTL_DAY_MONTH_YEAR, |c| {
            intl_month_number(&c[2]).and_then(|m| ymd(&c[3], m, &c[1]))
        }),
        (&CJK, |c| {
            c[2].parse().ok().and_then(|m| ymd(&c[1], m, &c[3]))
        }),
    ];
    for (pattern, read) in whole {
        for c in pattern.captures_iter(s) {
            let g = c.get(0).map_or((0, 0), |g| (g.start(), g.end()));
            consider(read(&c), g.0, g.1);
        }
    }
    for c in NUMERIC.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        let (Ok(a), Ok(b)) = (c[1].parse::<u32>(), c[3].parse::<u32>()) else {
            continue;
        };
        let day_first = a > 12 || (b <= 12 && (&c[2] == "." || order == DayOrder::DayFirst));
        let (day, month) = if day_first { (a, b) } else { (b, a) };
        let start = c.get(1).map_or(0, |g| g.start());
        let end = c.get(5).map_or(start, |g| g.end());
        let date = c[5]
            .parse()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
        consider(date, start, end);
    }
    found.sort_by_key(|&(_, start, end)| (start, std::cmp::Reverse(end)));
    let mut kept: Vec<(NaiveDate, usize, usize)> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|&(_, _, end)| f.1 >= end) {
            kept.push(f);
        }
    }
    kept
}

/// A dateline that counts back from when the page was seen: "3 hours ago", "2 days ago",
/// "vor 2 Stunden", "il y a 3 jours", "hace 2 días", "2 часа назад", "3小时前". Units stop at
/// weeks: "2 months ago" names no day.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"([0-9]{1,3}|an?|one|eine[mnr]?|une?|una?|одн[ау])";
    let alternatives = [
        format!(
            r"\b{n}\s+(sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|wks?)\s+ago\b"
        ),
        format!(r"\bvor\s+{n}\s+(sekunden?|minuten?|stunden?|tag(?:en)?|wochen?)\b"),
        format!(r"\bil\s+y\s+a\s+{n}\s+(secondes?|minutes?|heures?|jours?|semaines?)\b"),
        format!(r"\bhace\s+{n}\s+(segundos?|minutos?|horas?|d[íi]as?|semanas?)\b"),
        format!(
            r"(?:^|\s){n}\s+(секунд[ау]?|минут[ау]?|час(?:а|ов)?|д(?:ень|ня|ней)|недел[юьи]|недель)\s+назад"
        ),
        r"([0-9]{1,3})\s*(秒|分钟|小时|天|周|週間|時間|日)前".to_string(),
        r"\b(?:yesterday|gestern|ayer)\b|вчера|昨天|昨日".to_string(),
    ];
    Regex::new(&format!("(?i){}", alternatives.join("|"))).unwrap()
});

/// How long before the page was seen a relative dateline ([`RELATIVE`]) puts its
/// publication, with where it lies in `s`.
pub(crate) fn find_relative(s: &str) -> Option<(TimeDelta, usize, usize)> {
    let c = RELATIVE.captures(s)?;
    let whole = c.get(0)?;
    // Each language's count and unit are a pair of groups, in the pattern's order; a match
    // with neither is "yesterday".
    let (count, unit) = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]
        .into_iter()
        .find_map(|(n, u)| Some((c.get(n)?.as_str(), c.get(u)?.as_str())))
        .unwrap_or(("1", "day"));
    // "a", "eine", "une", "одна": one.
    let count: i32 = count.parse().unwrap_or(1);
    let start = whole.start() + (whole.len() - whole.as_str().trim_start().len());
    Some((unit_length(unit) * count, start, whole.end()))
}

/// The length of a relative dateline's unit, known by how it begins in each language.
fn unit_length(unit: &str) -> TimeDelta {
    let unit = unit.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| unit.starts_with(p));
    if starts(&["sec", "sek", "seg", "сек", "秒"]) {
        TimeDelta::seconds(1)
    } else if starts(&["min", "мин", "分"]) {
        TimeDelta::minutes(1)
    } else if starts(&["h", "stu", "heu", "час", "小时", "時間"]) {
        TimeDelta::hours(1)
    } else if starts(&["w", "sem", "нед", "周", "週"]) {
        TimeDelta::weeks(1)
    } else {
        TimeDelta::days(1)
    }
}

/// A date somewhere in `s` (an ISO date-time, `June 27, 2024`, `27 June 2024`).
pub(crate) fn find_date(s: &str) -> Option<NaiveDate> {
    find_date_span(s).map(|(d, _, _)| d)
}

/// A date given as a field value (`2024-06-27`, `2024-06-27T10:00:00+02:00`, `June 27, 2024`).
/// The calendar date as written is kept; no time-zone conversion.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() > 200 {
        return None;
    }
    find_date(s)
}

/// A date in a URL's path (`/2024/06/27/`).
pub(crate) fn url_date(url: &str) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    ymd(&c[1], c[2].parse().ok()?, &c[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2024-06-27", d(2024, 6, 27)),
            ("2024-06-27T10:12:00Z", d(2024, 6, 27)),
            ("GOOVER DAILY REPORT June 27, 2024", d(2024, 6, 27)),
            ("Published 12 June 2024", d(2024, 6, 12)),
            ("Sept. 3rd, 2023 at 10:00", d(2023, 9, 3)),
            ("3 of March 2022", d(2022, 3, 3)),
            ("3rd of March 2022", d(2022, 3, 3)),
            ("Updated: 10/31/2024", d(2024, 10, 31)),
            ("31/10/2024", d(2024, 10, 31)),
            ("12.12.2025", d(2025, 12, 12)),
            ("03.02.2025", d(2025, 2, 3)),
            ("03/02/2025", d(2025, 3, 2)),
            ("2024-13-01", None),
            ("2024-06/27", None),
            ("in 2019 and 2020", None),
            ("Feb 30, 2024", None),
            ("12. März 2024", d(2024, 3, 12)),
            ("Mis à jour le 1er mars 2024 à 10h", d(2024, 3, 1)),
            ("12 de marzo de 2024", d(2024, 3, 12)),
            ("12 марта 2024 г., 14:05", d(2024, 3, 12)),
            ("ОБНОВЛЕНО 3 ДЕКАБРЯ 2025", d(2025, 12, 3)),
            ("12 березня 2024", d(2024, 3, 12)),
            ("7 maggio 2023", d(2023, 5, 7)),
            ("5 de setembro de 2022", d(2022, 9, 5)),
            ("3 mei 2021", d(2021, 5, 3)),
            ("12. April 2024", d(2024, 4, 12)),
            ("2024年03月12日 10:15 来源：新华网", d(2024, 3, 12)),
            ("2024년 3월 12일", d(2024, 3, 12)),
            ("2024年13月12日", None),
            ("posted 5 ago 2024", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), *want, "{input}");
        }
        // A page's locale decides a slash date that reads either way, and only that.
        let day_first = DayOrder::of_locale("en-GB");
        assert_eq!(day_first, DayOrder::DayFirst);
        let read = |s: &str, o| find_date_span_in(s, o).map(|(d, _, _)| d);
        assert_eq!(read("03/10/2023", day_first), d(2023, 10, 3));
        assert_eq!(read("03/10/2023", DayOrder::MonthFirst), d(2023, 3, 10));
        assert_eq!(read("10/31/2024", day_first), d(2024, 10, 31));
        assert_eq!(read("31/10/2024", DayOrder::MonthFirst), d(2024, 10, 31));
        for (tag, want) in [
            ("en", DayOrder::MonthFirst),
            ("en-US", DayOrder::MonthFirst),
            ("", DayOrder::MonthFirst),
            ("en_AU", DayOrder::DayFirst),
            ("fr-FR", DayOrder::DayFirst),
            ("ru", DayOrder::DayFirst),
        ] {
            assert_eq!(DayOrder::of_locale(tag), want, "{tag}");
        }
        assert_eq!(
            url_date("https://x.com/news/2024/06/27/slug"),
            d(2024, 6, 27)
        );
        assert_eq!(url_date("https://x.com/2024-06-27-slug"), d(2024, 6, 27));
        assert_eq!(url_date("https://x.com/news/slug"), None);
    }

    #[test]
    fn every_date_of_a_line() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        fn spans(s: &str) -> Vec<(NaiveDate, &str)> {
            find_date_spans_in(s, DayOrder::MonthFirst)
                .into_iter()
                .map(|(date, from, to)| (date, &s[from..to]))
                .collect()
        }
        assert_eq!(
            spans("Updated Nov. 11, 2022, first published 9 November 2022 (2022-11-09)"),
            [
                (d(2022, 11, 11), "Nov. 11, 2022"),
                (d(2022, 11, 9), "9 November 2022"),
                (d(2022, 11, 9), "2022-11-09"),
            ]
        );
        // Two readings of one place are one date: the one that starts first.
        assert_eq!(spans("12.03.2024"), [(d(2024, 3, 12), "12.03.2024")]);
        assert!(spans("no date here, 2024").is_empty());
    }

    #[test]
    fn relative_datelines() {
        fn ago(s: &str) -> Option<(TimeDelta, &str)> {
            find_relative(s).map(|(d, from, to)| (d, &s[from..to]))
        }
        let (h, d, w) = (TimeDelta::hours, TimeDelta::days, TimeDelta::weeks);
        assert_eq!(
            ago("By A. Writer · 3 hours ago"),
            Some((h(3), "3 hours ago"))
        );
        assert_eq!(ago("an hour ago"), Some((h(1), "an hour ago")));
        assert_eq!(ago("Posted 2 days ago"), Some((d(2), "2 days ago")));
        assert_eq!(ago("1 wk ago"), Some((w(1), "1 wk ago")));
        assert_eq!(
            ago("45 mins ago").map(|(t, _)| t),
            Some(TimeDelta::minutes(45))
        );
        assert_eq!(
            ago("Aktualisiert vor einer Stunde").map(|(t, _)| t),
            Some(h(1))
        );
        assert_eq!(ago("vor 2 Tagen").map(|(t, _)| t), Some(d(2)));
        assert_eq!(ago("il y a 3 jours").map(|(t, _)| t), Some(d(3)));
        assert_eq!(ago("hace 5 horas").map(|(t, _)| t), Some(h(5)));
        assert_eq!(ago("3 дня назад").map(|(t, _)| t), Some(d(3)));
        assert_eq!(ago("2 недели назад").map(|(t, _)| t), Some(w(2)));
        assert_eq!(ago("3小时前").map(|(t, _)| t), Some(h(3)));
        assert_eq!(ago("Yesterday at 14:05").map(|(t, _)| t), Some(d(1)));
        assert_eq!(ago("вчера, 14:05").map(|(t, _)| t), Some(d(1)));
        for none in [
            "2 months ago",
            "a year ago",
            "days ago",
            "the hours before dawn",
        ] {
            assert_eq!(ago(none), None, "{none}");
        }
    }
}
