//! Time expressions: a table of inputs and the expressions expected in them, seed excerpts,
//! negatives, and a no-panic property check.

use chrono::NaiveDate;
use sinew_nlp::find_times;
use sinew_types::{Grain, TimeExpr, TimeKind};

use Grain::{Day, Decade, Half, Month, Quarter, Season, Week, Year};
use TimeKind::{Duration, Point, Range, Since, Until};

/// The publication date most cases resolve against: a Friday.
const PUB: &str = "2024-06-21";

/// One expected expression: surface, first day, last day ("" for none), grain, kind, value
/// ("" for none).
type Want = (
    &'static str,
    &'static str,
    &'static str,
    Grain,
    TimeKind,
    &'static str,
);

fn date(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
}

fn show(found: &[TimeExpr]) -> String {
    let rows: Vec<String> = found
        .iter()
        .map(|t| {
            format!(
                "{:?} {:?}..{:?} {:?} {:?} {:?}",
                t.text, t.start_date, t.end_date, t.grain, t.kind, t.timex
            )
        })
        .collect();
    rows.join("\n  ")
}

/// Checks that `text` yields exactly `want`, in order, each at the first place its surface
/// occurs after the previous one.
fn check(text: &str, published: &str, want: &[Want]) {
    let found = find_times(text, date(published));
    let context = || {
        format!(
            "input {text:?} published {published:?}:\n  {}",
            show(&found)
        )
    };
    assert_eq!(found.len(), want.len(), "count, {}", context());
    let mut from = 0;
    for (t, w) in found.iter().zip(want) {
        let (surface, start, end, grain, kind, timex) = *w;
        let at = from + text[from..].find(surface).expect("surface in input");
        assert_eq!(
            (t.span.start, t.span.end),
            (at, at + surface.len()),
            "span of {surface:?}, {}",
            context()
        );
        assert_eq!(t.text, surface);
        assert_eq!(
            t.start_date,
            date(start),
            "start of {surface:?}, {}",
            context()
        );
        assert_eq!(t.end_date, date(end), "end of {surface:?}, {}", context());
        assert_eq!(t.grain, grain, "grain of {surface:?}, {}", context());
        assert_eq!(t.kind, kind, "kind of {surface:?}, {}", context());
        let value = (!timex.is_empty()).then(|| timex.to_string());
        assert_eq!(t.timex, value, "timex of {surface:?}, {}", context());
        from = at + surface.len();
    }
}

#[test]
fn absolute_dates() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("It was signed on June 27, 2024.", &[("June 27, 2024", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("Signed 27 June 2024 in Moscow.", &[("27 June 2024", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("on the 27th of June 2024", &[("the 27th of June 2024", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("Filed 2024-06-27.", &[("2024-06-27", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("Filed 27/06/2024.", &[("27/06/2024", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("Filed 06/27/2024.", &[("06/27/2024", "2024-06-27", "2024-06-27", Day, Point, "2024-06-27")]),
        ("a peak in December 2023", &[("December 2023", "2023-12-01", "2023-12-31", Month, Point, "2023-12")]),
        ("a peak in Dec. 2023", &[("Dec. 2023", "2023-12-01", "2023-12-31", Month, Point, "2023-12")]),
        ("the invasion in February 2022", &[("February 2022", "2022-02-01", "2022-02-28", Month, Point, "2022-02")]),
        ("exports in 2023 rose", &[("2023", "2023-01-01", "2023-12-31", Year, Point, "2023")]),
        ("2023's record trade", &[("2023", "2023-01-01", "2023-12-31", Year, Point, "2023")]),
        ("2023’s record trade", &[("2023", "2023-01-01", "2023-12-31", Year, Point, "2023")]),
        ("ties of the 1990s", &[("the 1990s", "1990-01-01", "1999-12-31", Decade, Point, "199")]),
        ("back in the ’80s", &[("the ’80s", "1980-01-01", "1989-12-31", Decade, Point, "198")]),
        ("sales in Q1 2024", &[("Q1 2024", "2024-01-01", "2024-03-31", Quarter, Point, "2024-Q1")]),
        ("in the first quarter of 2024", &[("the first quarter of 2024", "2024-01-01", "2024-03-31", Quarter, Point, "2024-Q1")]),
        ("in the first half of 2024", &[("the first half of 2024", "2024-01-01", "2024-06-30", Half, Point, "2024-H1")]),
        ("H2 2023 results", &[("H2 2023", "2023-07-01", "2023-12-31", Half, Point, "2023-H2")]),
        ("during summer 2023", &[("summer 2023", "2023-06-01", "2023-08-31", Season, Point, "2023-SU")]),
        ("in the winter of 2022", &[("the winter of 2022", "2022-12-01", "2023-02-28", Season, Point, "2022-WI")]),
        ("by mid-2023", &[("by mid-2023", "", "2023-08-31", Year, Until, "2023")]),
        ("in early 2024", &[("early 2024", "2024-01-01", "2024-04-30", Year, Point, "2024")]),
        ("in late 2023", &[("late 2023", "2023-09-01", "2023-12-31", Year, Point, "2023")]),
        ("in mid-December 2023", &[("mid-December 2023", "2023-12-10", "2023-12-20", Month, Point, "2023-12")]),
        ("at the end of 2023", &[("end of 2023", "2023-09-01", "2023-12-31", Year, Point, "2023")]),
        ("Tuesday, June 18, 2024: talks", &[("Tuesday, June 18, 2024", "2024-06-18", "2024-06-18", Day, Point, "2024-06-18")]),
        ("In 1850 the war", &[("1850", "1850-01-01", "1850-12-31", Year, Point, "1850")]),
    ];
    for (text, want) in cases {
        check(text, PUB, want);
        check(text, "", want);
    }
}

#[test]
fn relative_to_publication() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("a summit in December", &[("December", "2023-12-01", "2023-12-31", Month, Point, "2023-12")]),
        ("a summit in April", &[("April", "2024-04-01", "2024-04-30", Month, Point, "2024-04")]),
        ("a peak last December", &[("last December", "2023-12-01", "2023-12-31", Month, Point, "2023-12")]),
        ("a peak last June", &[("last June", "2023-06-01", "2023-06-30", Month, Point, "2023-06")]),
        ("due next March", &[("next March", "2025-03-01", "2025-03-31", Month, Point, "2025-03")]),
        ("the summit next month", &[("next month", "2024-07-01", "2024-07-31", Month, Point, "2024-07")]),
        ("rose this month", &[("this month", "2024-06-01", "2024-06-30", Month, Point, "2024-06")]),
        ("fell last month", &[("last month", "2024-05-01", "2024-05-31", Month, Point, "2024-05")]),
        ("he said on Tuesday", &[("Tuesday", "2024-06-18", "2024-06-18", Day, Point, "2024-06-18")]),
        ("he said on Friday", &[("Friday", "2024-06-21", "2024-06-21", Day, Point, "2024-06-21")]),
        ("he said last Friday", &[("last Friday", "2024-06-14", "2024-06-14", Day, Point, "2024-06-14")]),
        // "last Tuesday" is Tuesday of the week before publication's, "this past Tuesday" the
        // latest before publication
        ("he said last Tuesday", &[("last Tuesday", "2024-06-11", "2024-06-11", Day, Point, "2024-06-11")]),
        ("he said this past Tuesday", &[("this past Tuesday", "2024-06-18", "2024-06-18", Day, Point, "2024-06-18")]),
        ("sanctions last week", &[("last week", "2024-06-10", "2024-06-16", Week, Point, "2024-W24")]),
        ("the pact this week", &[("this week", "2024-06-17", "2024-06-23", Week, Point, "2024-W25")]),
        ("talks next week", &[("next week", "2024-06-24", "2024-06-30", Week, Point, "2024-W26")]),
        ("trade last year", &[("last year", "2023-01-01", "2023-12-31", Year, Point, "2023")]),
        ("trade this year", &[("this year", "2024-01-01", "2024-12-31", Year, Point, "2024")]),
        ("trade next year", &[("next year", "2025-01-01", "2025-12-31", Year, Point, "2025")]),
        ("up from the previous year", &[("previous year", "2023-01-01", "2023-12-31", Year, Point, "2023")]),
        ("By 2023 it grew from the previous year", &[("By 2023", "", "2023-12-31", Year, Until, "2023"), ("previous year", "2022-01-01", "2022-12-31", Year, Point, "2022")]),
        ("a visit in March of last year", &[("March of last year", "2023-03-01", "2023-03-31", Month, Point, "2023-03")]),
        ("it happened yesterday", &[("yesterday", "2024-06-20", "2024-06-20", Day, Point, "2024-06-20")]),
        ("it happens today", &[("today", "2024-06-21", "2024-06-21", Day, Point, "2024-06-21")]),
        ("two years ago", &[("two years ago", "2022-01-01", "2022-12-31", Year, Point, "2022")]),
        ("three months ago", &[("three months ago", "2024-03-01", "2024-03-31", Month, Point, "2024-03")]),
        ("a decade ago", &[("a decade ago", "2014-01-01", "2014-12-31", Year, Point, "2014")]),
        ("in the fourth quarter of last year", &[("the fourth quarter of last year", "2023-10-01", "2023-12-31", Quarter, Point, "2023-Q4")]),
        ("last summer", &[("last summer", "2023-06-01", "2023-08-31", Season, Point, "2023-SU")]),
        ("late last year", &[("late last year", "2023-09-01", "2023-12-31", Year, Point, "2023")]),
        ("over the past two years", &[("past two years", "2022-06-21", PUB, Year, Range, "2022-06-21/2024-06-21")]),
        ("in recent years", &[]),
    ];
    for (text, want) in cases {
        check(text, PUB, want);
    }
}

#[test]
fn relative_without_publication_is_unresolved() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("a peak last December", &[("last December", "", "", Month, Point, "")]),
        ("a summit in December", &[("December", "", "", Month, Point, "")]),
        ("the pact this week", &[("this week", "", "", Week, Point, "")]),
        ("he said on Tuesday", &[("Tuesday", "", "", Day, Point, "")]),
        ("two years ago", &[("two years ago", "", "", Year, Point, "")]),
        ("since September", &[("since September", "", "", Month, Since, "")]),
        ("since August 2023", &[("since August 2023", "2023-08-01", "", Month, Since, "2023-08")]),
        ("May 16 and 17", &[("May 16 and 17", "", "", Day, Range, "")]),
        ("By 2023 it grew from the previous year", &[("By 2023", "", "2023-12-31", Year, Until, "2023"), ("previous year", "2022-01-01", "2022-12-31", Year, Point, "2022")]),
    ];
    for (text, want) in cases {
        check(text, "", want);
    }
}

#[test]
fn intervals_and_durations() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Since August 2023, it shipped", &[("Since August 2023", "2023-08-01", PUB, Month, Since, "2023-08")]),
        ("delivered since September", &[("since September", "2023-09-01", PUB, Month, Since, "2023-09")]),
        ("since the 1990s", &[("since the 1990s", "1990-01-01", PUB, Decade, Since, "199")]),
        ("the post-1945 order", &[("post-1945", "1946-01-01", PUB, Year, Since, "1945")]),
        ("since 2022", &[("since 2022", "2022-01-01", PUB, Year, Since, "2022")]),
        ("since the beginning of the war", &[]),
        ("by 2023", &[("by 2023", "", "2023-12-31", Year, Until, "2023")]),
        ("until June", &[("until June", "", "2024-06-30", Month, Until, "2024-06")]),
        ("until March", &[("until March", "", "2025-03-31", Month, Until, "2025-03")]),
        ("before 2020", &[("before 2020", "", "2019-12-31", Year, Until, "2020")]),
        ("after 2019", &[("after 2019", "2020-01-01", PUB, Year, Since, "2019")]),
        ("between 2021 and 2023", &[("between 2021 and 2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023")]),
        ("from 2021 to 2023", &[("from 2021 to 2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023")]),
        ("the 2021-2023 period", &[("2021-2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023")]),
        ("the 2021–23 period", &[("2021–23", "2021-01-01", "2023-12-31", Year, Range, "2021/2023")]),
        ("grew 2021 to 2023", &[("2021 to 2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023")]),
        ("from March to May 2024", &[("from March to May 2024", "2024-03-01", "2024-05-31", Month, Range, "2024-03/2024-05")]),
        ("from November to March", &[("from November to March", "2023-11-01", "2024-03-31", Month, Range, "2023-11/2024-03")]),
        ("On May 16 and 17, Putin visited", &[("May 16 and 17", "2024-05-16", "2024-05-17", Day, Range, "2024-05-16/2024-05-17")]),
        ("May 16-17, 2023", &[("May 16-17, 2023", "2023-05-16", "2023-05-17", Day, Range, "2023-05-16/2023-05-17")]),
        ("between 2014 through 2018", &[("between 2014 through 2018", "2014-01-01", "2018-12-31", Year, Range, "2014/2018")]),
        ("from 2014 through May 2018", &[("from 2014 through May 2018", "2014-01-01", "2018-05-31", Year, Range, "2014/2018-05")]),
        ("in Korea Jan-Feb 2017", &[("Jan-Feb 2017", "2017-01-01", "2017-02-28", Month, Range, "2017-01/2017-02")]),
        ("no later than 2030", &[("no later than 2030", "", "2030-12-31", Year, Until, "2030")]),
        ("earlier this year", &[("earlier this year", "2024-01-01", PUB, Year, Point, "2024")]),
        ("later this month", &[("later this month", PUB, "2024-06-30", Month, Point, "2024-06")]),
        ("for three years", &[("three years", "", "", Year, Duration, "P3Y")]),
        ("a 20-year trend", &[("20-year", "", "", Year, Duration, "P20Y")]),
        ("a twenty-five-year lease", &[("twenty-five-year", "", "", Year, Duration, "P25Y")]),
        ("for a decade", &[("a decade", "", "", Decade, Duration, "P10Y")]),
        ("a 20-year-old soldier", &[]),
        ("$300 million a month", &[]),
    ];
    for (text, want) in cases {
        check(text, PUB, want);
    }
}

#[test]
fn not_times() {
    #[rustfmt::skip]
    let cases = [
        "China's trade reached $240 billion.",
        "It delivered 1,
        500 tanks and 2,
        200 armored vehicles.",
        "over 6,
        700 containers",
        "2-1. Background",
        "since World War II",
        "the G7 list",
        "S-400 systems",
        "since the end of the Cold War",
        "Russia may have fired shells.",
        "a march on the capital",
        "March on,
        they said.",
        "They increased it by 2000 troops.",
        "rose 2,
        500% toward Kyrgyzstan",
        "at $2024 a unit",
        "Russia Today and Xinhua signed",
        "the late leader",
        "the first half of the match",
        "since they last met",
        "between Moscow and Pyongyang",
    ];
    for text in cases {
        check(text, PUB, &[]);
    }
}

/// Seed 000: a scraped analysis piece (excerpts).
const SEED_000: &str = "As Russia faces persistent Western sanctions following its full-scale invasion of Ukraine in February 2022, it has increasingly turned to China. While monthly transactions have seen fluctuations, with a peak of over $600 million in December 2023, China remains Russia’s largest supplier. Machine tools alone accounted for nearly 40% of the year-on-year rise in Chinese dual-use exports in 2023.\n\nSince August 2023, North Korea has shipped approximately 6,700 containers to Russia. North Korea has delivered over 10,000 containers of munitions or related materials to Russia since September.";

/// Seed 001: a translated news article (excerpts).
const SEED_001: &str = "The signing of a “mutual assistance” agreement between Putin and Kim Jong-un this week has caused consternation in Washington. The dominant themes at the NATO summit in Washington next month. “We do not know,” said Undersecretary of State Kurt Campbell last week in a talk. Especially since Xi Jinping’s visit to Moscow in March of last year: it reached a maximum of 600 million dollars (about 561 million euros) last December and now exceeds 300 million dollars a month. “Russian dependence on China for high-priority products exploded from 32% in 2021 to 89% in 2023,” this expert writes. Last December, the Russian Ministry of Defense claimed that its factories had delivered 1,500 tanks. By 2023, trade between China and Russia had reached a record level of $240 billion, a 26.3% jump from the previous year. Chinese exports to its neighbor grew by 64.2% between 2021 and 2023. Bearings, 345% from 2021 to Russia. The United States raised the issue during Blinken’s visit to Beijing in April. It has since imposed sanctions, the latest round last week. Since World War II,” he said on Tuesday during a joint press conference.";

#[test]
fn seed_000() {
    #[rustfmt::skip]
    let with: &[Want] = &[
        ("February 2022", "2022-02-01", "2022-02-28", Month, Point, "2022-02"),
        ("December 2023", "2023-12-01", "2023-12-31", Month, Point, "2023-12"),
        ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ("Since August 2023", "2023-08-01", PUB, Month, Since, "2023-08"),
        ("since September", "2023-09-01", PUB, Month, Since, "2023-09"),
    ];
    check(SEED_000, PUB, with);
    #[rustfmt::skip]
    let without: &[Want] = &[
        ("February 2022", "2022-02-01", "2022-02-28", Month, Point, "2022-02"),
        ("December 2023", "2023-12-01", "2023-12-31", Month, Point, "2023-12"),
        ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ("Since August 2023", "2023-08-01", "", Month, Since, "2023-08"),
        ("since September", "", "", Month, Since, ""),
    ];
    check(SEED_000, "", without);
}

#[test]
fn seed_001() {
    #[rustfmt::skip]
    let with: &[Want] = &[
        ("this week", "2024-06-17", "2024-06-23", Week, Point, "2024-W25"),
        ("next month", "2024-07-01", "2024-07-31", Month, Point, "2024-07"),
        ("last week", "2024-06-10", "2024-06-16", Week, Point, "2024-W24"),
        ("March of last year", "2023-03-01", "2023-03-31", Month, Point, "2023-03"),
        ("last December", "2023-12-01", "2023-12-31", Month, Point, "2023-12"),
        ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
        ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ("Last December", "2023-12-01", "2023-12-31", Month, Point, "2023-12"),
        ("By 2023", "", "2023-12-31", Year, Until, "2023"),
        ("previous year", "2022-01-01", "2022-12-31", Year, Point, "2022"),
        ("between 2021 and 2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023"),
        ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
        ("April", "2024-04-01", "2024-04-30", Month, Point, "2024-04"),
        ("last week", "2024-06-10", "2024-06-16", Week, Point, "2024-W24"),
        ("Tuesday", "2024-06-18", "2024-06-18", Day, Point, "2024-06-18"),
    ];
    check(SEED_001, PUB, with);
    #[rustfmt::skip]
    let without: &[Want] = &[
        ("this week", "", "", Week, Point, ""),
        ("next month", "", "", Month, Point, ""),
        ("last week", "", "", Week, Point, ""),
        ("March of last year", "", "", Month, Point, ""),
        ("last December", "", "", Month, Point, ""),
        ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
        ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ("Last December", "", "", Month, Point, ""),
        ("By 2023", "", "2023-12-31", Year, Until, "2023"),
        ("previous year", "2022-01-01", "2022-12-31", Year, Point, "2022"),
        ("between 2021 and 2023", "2021-01-01", "2023-12-31", Year, Range, "2021/2023"),
        ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
        ("April", "", "", Month, Point, ""),
        ("last week", "", "", Week, Point, ""),
        ("Tuesday", "", "", Day, Point, ""),
    ];
    check(SEED_001, "", without);
}

/// A small deterministic generator, so the property check needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn random_text_never_breaks_invariants() {
    let pieces = [
        "since",
        "by",
        "until",
        "between",
        "and",
        "from",
        "to",
        "the",
        "last",
        "next",
        "this",
        "in",
        "of",
        "early",
        "mid",
        "-",
        "–",
        "’",
        "'",
        "s",
        "/",
        ",",
        ".",
        " ",
        "  ",
        "\n",
        "May",
        "March",
        "December",
        "Dec",
        "Tuesday",
        "week",
        "year",
        "years",
        "month",
        "ago",
        "Q",
        "H",
        "first",
        "quarter",
        "half",
        "summer",
        "post",
        "a",
        "two",
        "twenty",
        "2023",
        "1990",
        "2021",
        "99",
        "16",
        "17",
        "31",
        "0",
        "4294967296",
        "999999999999",
        "27",
        "06",
        "1,500",
        "$",
        "%",
        "é",
        "日本",
        "🙂",
        "\u{a0}",
        "“",
        "”",
        "previous",
    ];
    let mut rng = Lcg(0x5eed);
    for published in [date(PUB), None, date("0001-01-01"), date("9999-12-31")] {
        for _ in 0..300 {
            let len = 1 + rng.next() % 24;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(rng.pick(&pieces));
                if rng.next() % 3 < 2 {
                    text.push(' ');
                }
            }
            let found = find_times(&text, published);
            let mut last_end = 0;
            for t in &found {
                assert!(t.span.start >= last_end, "overlap in {text:?}");
                assert!(t.span.start < t.span.end, "empty span in {text:?}");
                assert_eq!(
                    text.get(t.span.start..t.span.end),
                    Some(t.text.as_str()),
                    "{text:?}"
                );
                if let (Some(a), Some(b)) = (t.start_date, t.end_date) {
                    assert!(a <= b, "{text:?}: {a} > {b}");
                }
                last_end = t.span.end;
            }
        }
    }
}

#[test]
fn empty_and_large_inputs() {
    assert!(find_times("", date(PUB)).is_empty());
    let big = "Since August 2023, North Korea shipped 6,700 containers. ".repeat(2_000);
    let found = find_times(&big, date(PUB));
    assert_eq!(found.len(), 2_000);
}
