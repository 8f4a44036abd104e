//! The TIMEX3 span convention and the times within a day, on sentences written for these
//! tests from news, finance, defence and sport: signal words ("since", "by", "until",
//! "between ... and") outside the span with the kind keeping their meaning, determiners and
//! modifiers inside ("the past three years", "the end of 2025", "early 2024"); parts of the
//! day, clock ranges, clock times joined to their date; the present, unstated lengths, sets,
//! fiscal quarters and bare quarters in past and future clauses. Each group has near-misses
//! that must keep their reading. Every span is checked exactly, with its value.

use chrono::NaiveDate;
use sinew_nlp::find_times;
use sinew_types::{Grain, TimeKind};

use Grain::{Day, Hour, Minute, Month, Quarter, Week, Year};
use TimeKind::{Duration, Point, Range, Set, Since, Until};

/// Publication: Friday 21 June 2024.
const PUB: &str = "2024-06-21";

/// Surface, first day, last day ("" for none), grain, kind, TIMEX3 value.
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

/// `text` yields exactly `want`, in order, each span exactly its surface at the first place
/// it occurs after the previous one.
fn check(text: &str, want: &[Want]) {
    let found = find_times(text, date(PUB));
    let got: Vec<String> = found
        .iter()
        .map(|t| {
            format!(
                "{:?} {:?}..{:?} {:?} {:?} {:?}",
                t.text, t.start_date, t.end_date, t.grain, t.kind, t.timex
            )
        })
        .collect();
    assert_eq!(found.len(), want.len(), "{text:?}:\n  {}", got.join("\n  "));
    let mut from = 0;
    for (t, &(surface, start, end, grain, kind, timex)) in found.iter().zip(want) {
        let at = from + text[from..].find(surface).expect("surface in input");
        let seen = (
            t.span.start,
            t.span.end,
            t.start_date,
            t.end_date,
            t.grain,
            t.kind,
            t.timex.as_deref(),
        );
        let wanted = (
            at,
            at + surface.len(),
            date(start),
            date(end),
            grain,
            kind,
            (!timex.is_empty()).then_some(timex),
        );
        assert_eq!(
            seen,
            wanted,
            "{surface:?} in {text:?}:\n  {}",
            got.join("\n  ")
        );
        assert_eq!(t.text, surface);
        from = at + surface.len();
    }
}

#[test]
fn signal_words_stay_outside_and_the_kind_keeps_them() {
    check(
        "North Korea has shipped 6,700 containers to Russia since August 2023.",
        &[("August 2023", "2023-08-01", PUB, Month, Since, "2023-08")],
    );
    check(
        "The lender expects margins to recover by the end of 2025.",
        &[("the end of 2025", "", "2025-12-31", Year, Until, "2025")],
    );
    check(
        "The ceasefire is due to hold until 31 December.",
        &[("31 December", "", "2024-12-31", Day, Until, "2024-12-31")],
    );
    check(
        "Tickets bought after 2019 are not refundable.",
        &[("2019", "2020-01-01", PUB, Year, Since, "2019")],
    );
    check(
        "Deliveries must start no later than the third quarter.",
        &[(
            "the third quarter",
            "",
            "2024-09-30",
            Quarter,
            Until,
            "2024-Q3",
        )],
    );
    check(
        "The striker scored in every match from March to May.",
        &[
            ("March", "2024-03-01", "2024-03-31", Month, Point, "2024-03"),
            ("May", "2024-05-01", "2024-05-31", Month, Point, "2024-05"),
        ],
    );
}

#[test]
fn between_two_dates_is_two_dates() {
    check(
        "Chinese exports to Russia grew by 64.2% between 2021 and 2023.",
        &[
            ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
            ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ],
    );
    // the first end takes the year the second gives it
    check(
        "Brent traded between May and July 2023 near 80 dollars.",
        &[
            ("May", "2023-05-01", "2023-05-31", Month, Point, "2023-05"),
            (
                "July 2023",
                "2023-07-01",
                "2023-07-31",
                Month,
                Point,
                "2023-07",
            ),
        ],
    );
    // near-misses: "between" two names, a figure between two dates is no range
    check(
        "The summit between Putin and Kim ended without a statement.",
        &[],
    );
    check(
        "Dependence rose from 32% in 2021 to 89% in 2023.",
        &[
            ("2021", "2021-01-01", "2021-12-31", Year, Point, "2021"),
            ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ],
    );
}

#[test]
fn determiners_and_modifiers_stay_inside() {
    check(
        "The fund has returned 40% over the past three years.",
        &[(
            "the past three years",
            "2021-06-21",
            PUB,
            Year,
            Range,
            "P3Y",
        )],
    );
    check(
        "Output jumped 26.3% from the previous year, and early 2024 was weaker.",
        &[
            (
                "the previous year",
                "2023-01-01",
                "2023-12-31",
                Year,
                Point,
                "2023",
            ),
            (
                "early 2024",
                "2024-01-01",
                "2024-04-30",
                Year,
                Point,
                "2024",
            ),
        ],
    );
    check(
        "The league fined the club last month.",
        &[(
            "last month",
            "2024-05-01",
            "2024-05-31",
            Month,
            Point,
            "2024-05",
        )],
    );
    // near-misses: "by" measuring, "at the end of the day" as an idiom
    check("The army grew by 2,000 troops.", &[]);
    check("At the end of the day, the board decides.", &[]);
}

#[test]
fn parts_of_the_day() {
    check(
        "Russia launched 40 drones at Kharkiv overnight, officials said.",
        &[(
            "overnight",
            "2024-06-20",
            "2024-06-20",
            Day,
            Point,
            "2024-06-20TNI",
        )],
    );
    check(
        "The minister will address parliament tonight.",
        &[("tonight", PUB, PUB, Day, Point, "2024-06-21TNI")],
    );
    check(
        "Stocks fell sharply this morning in Tokyo.",
        &[("this morning", PUB, PUB, Day, Point, "2024-06-21TMO")],
    );
    check(
        "Talks resumed on Tuesday evening and broke down last night.",
        &[
            (
                "Tuesday evening",
                "2024-06-18",
                "2024-06-18",
                Day,
                Point,
                "2024-06-18TEV",
            ),
            (
                "last night",
                "2024-06-20",
                "2024-06-20",
                Day,
                Point,
                "2024-06-20TNI",
            ),
        ],
    );
    check(
        "The blast hit the depot on the morning of June 3.",
        &[(
            "the morning of June 3",
            "2024-06-03",
            "2024-06-03",
            Day,
            Point,
            "2024-06-03TMO",
        )],
    );
    check(
        "The coach was sacked yesterday afternoon.",
        &[(
            "yesterday afternoon",
            "2024-06-20",
            "2024-06-20",
            Day,
            Point,
            "2024-06-20TAF",
        )],
    );
    // near-misses: "overnight" describing a thing, a part of the day without its day
    check("Overnight rates rose as an overnight stay got dearer.", &[]);
    check("The bank's overnight lending facility was tapped.", &[]);
    check("Good morning, said the night guard.", &[]);
}

#[test]
fn clock_ranges() {
    check(
        "Polling stations open between 9 and 11 a.m. for the elderly.",
        &[("9 and 11 a.m.", "", "", Hour, Range, "T09:00/T11:00")],
    );
    check(
        "The exchange runs an auction from 5 to 7 pm.",
        &[("5 to 7 pm", "", "", Hour, Range, "T17:00/T19:00")],
    );
    check(
        "Air-raid sirens sounded from 10 to 2 pm.",
        &[("10 to 2 pm", "", "", Hour, Range, "T10:00/T14:00")],
    );
    check(
        "The ground is open from 9 a.m. to 5:30 p.m.",
        &[
            ("9 a.m.", "", "", Hour, Point, "T09:00"),
            ("5:30 p.m.", "", "", Minute, Point, "T17:30"),
        ],
    );
    // near-misses: scores and shares
    check("The hosts won 5 to 7 on penalties.", &[]);
    check("Yields moved between 9 and 11 percent.", &[]);
}

#[test]
fn clock_times_join_their_date() {
    check(
        "Voting closes at 5 pm on March 3.",
        &[(
            "5 pm on March 3",
            "2024-03-03",
            "2024-03-03",
            Hour,
            Point,
            "2024-03-03T17:00",
        )],
    );
    check(
        "The strike began March 3 at 14:30 GMT.",
        &[(
            "March 3 at 14:30 GMT",
            "2024-03-03",
            "2024-03-03",
            Minute,
            Point,
            "2024-03-03T14:30",
        )],
    );
    check(
        "Kick-off was at 8 pm Saturday.",
        &[(
            "8 pm Saturday",
            "2024-06-15",
            "2024-06-15",
            Hour,
            Point,
            "2024-06-15T20:00",
        )],
    );
    check(
        "Trading was halted on Tuesday between 9 and 11 a.m.",
        &[
            (
                "Tuesday",
                "2024-06-18",
                "2024-06-18",
                Day,
                Point,
                "2024-06-18",
            ),
            ("9 and 11 a.m.", "", "", Hour, Range, "T09:00/T11:00"),
        ],
    );
    // near-miss: a fronted clock time and the year of the figure stay apart
    check(
        "At 5 pm, Russia said it had shipped 1,500 tanks in 2023.",
        &[
            ("5 pm", "", "", Hour, Point, "T17:00"),
            ("2023", "2023-01-01", "2023-12-31", Year, Point, "2023"),
        ],
    );
}

#[test]
fn the_present_lengths_and_sets() {
    check(
        "Beijing currently buys 2 million barrels a day; at present the price is capped.",
        &[
            ("currently", PUB, PUB, Day, Point, "PRESENT_REF"),
            ("a day", "", "", Day, Set, "P1D"),
            ("present", PUB, PUB, Day, Point, "PRESENT_REF"),
        ],
    );
    check(
        "The two navies have drilled together for decades, and now meet every month.",
        &[
            ("decades", "", "", Grain::Decade, Duration, "PXDE"),
            ("now", PUB, PUB, Day, Point, "PRESENT_REF"),
            ("every month", "", "", Month, Set, "P1M"),
        ],
    );
    check(
        "The fund reports weekly and has lagged its benchmark for years.",
        &[
            ("weekly", "", "", Week, Set, "P1W"),
            ("years", "", "", Year, Duration, "PXY"),
        ],
    );
}

#[test]
fn quarters_follow_the_clause() {
    check(
        "Apple's revenue in the third quarter of fiscal 2024 beat forecasts.",
        &[(
            "the third quarter of fiscal 2024",
            "",
            "",
            Quarter,
            Point,
            "FY2024-Q3",
        )],
    );
    // a past clause takes the latest Q3 that has begun: 2023's, published in June 2024
    check(
        "Net profit fell 4% in Q3 as margins shrank.",
        &[("Q3", "2023-07-01", "2023-09-30", Quarter, Point, "2023-Q3")],
    );
    // a future clause the next one
    check(
        "Results for Q3 will be published in October.",
        &[
            ("Q3", "2024-07-01", "2024-09-30", Quarter, Point, "2024-Q3"),
            (
                "October",
                "2024-10-01",
                "2024-10-31",
                Month,
                Point,
                "2024-10",
            ),
        ],
    );
    // a quarter already under way or over is this year's
    check(
        "Q1 sales of electric cars rose 12%.",
        &[("Q1", "2024-01-01", "2024-03-31", Quarter, Point, "2024-Q1")],
    );
}

/// Issue 14, TimeML's reading of news forms (sentences written for this test).
#[test]
fn timeml_forms_of_news() {
    // a word between the count and its unit
    check(
        "Output has grown for nine consecutive months.",
        &[("nine consecutive months", "", "", Month, Duration, "P9M")],
    );
    check(
        "The talks could take two more weeks.",
        &[("two more weeks", "", "", Week, Duration, "P2W")],
    );
    check(
        "The shares lost 12% in five trading days.",
        &[("five trading days", "", "", Day, Duration, "P5D")],
    );
    // a modifier of the length is inside its span (TIMEX3's `mod`)
    check(
        "The mine has been shut for almost two years.",
        &[("almost two years", "", "", Year, Duration, "P2Y")],
    );
    check(
        "Repairs need at least six weeks.",
        &[("at least six weeks", "", "", Week, Duration, "P6W")],
    );
    // a single unit measuring what follows; a hedge after the signal stays outside
    check(
        "It was a decade of war for the region.",
        &[("a decade", "", "", Grain::Decade, Duration, "P10Y")],
    );
    check("Sales fell by a quarter of their value.", &[]);
    check(
        "Rates will stay on hold until at least September.",
        &[("September", "", "2024-09-30", Month, Until, "2024-09")],
    );
    // the period of a rate is a SET; an offset is not a rate
    check(
        "The refinery processes 400,000 barrels a day.",
        &[("a day", "", "", Day, Set, "P1D")],
    );
    check(
        "He was paid $40,000 a year ago.",
        &[(
            "a year ago",
            "2023-01-01",
            "2023-12-31",
            Year,
            Point,
            "2023",
        )],
    );
    check("The firm hired 30 people a year after the merger.", &[]);
    // "the" and a season: the latest begun, or the next in a clause about the future
    check(
        "The harvest began in the spring.",
        &[(
            "the spring",
            "2024-03-01",
            "2024-05-31",
            Grain::Season,
            Point,
            "2024-SP",
        )],
    );
    check(
        "The new tariffs are expected to apply in the autumn.",
        &[(
            "the autumn",
            "2024-09-01",
            "2024-11-30",
            Grain::Season,
            Point,
            "2024-FA",
        )],
    );
    check(
        "Growth slowed in the fall.",
        &[(
            "the fall",
            "2023-09-01",
            "2023-11-30",
            Grain::Season,
            Point,
            "2023-FA",
        )],
    );
    check("The fall in prices continued.", &[]);
    // words of a planned future place a day ahead
    check(
        "Deliveries are planned for Monday.",
        &[(
            "Monday",
            "2024-06-24",
            "2024-06-24",
            Day,
            Point,
            "2024-06-24",
        )],
    );
    check(
        "The tax takes effect on July 1.",
        &[(
            "July 1",
            "2024-07-01",
            "2024-07-01",
            Day,
            Point,
            "2024-07-01",
        )],
    );
    // an anchored length: its dates, valued as its length, "within" outside
    check(
        "The bank expects to cut rates within a year.",
        &[("a year", PUB, "2025-06-21", Year, Range, "P1Y")],
    );
}

#[test]
fn the_first_months_of_the_year_in_view() {
    // "of the year" / "of this year" / "of last year": the publication's year or the one
    // before, like "of 2023".
    check(
        "Copper imports rose 12% in the first four months of the year.",
        &[(
            "the first four months of the year",
            "2024-01-01",
            "2024-04-30",
            Month,
            Point,
            "2024-01",
        )],
    );
    check(
        "Refinery runs slipped in the last two months of last year.",
        &[(
            "the last two months of last year",
            "2023-11-01",
            "2023-12-31",
            Month,
            Point,
            "2023-11",
        )],
    );
    // Near-miss: "four months" alone is a length, not the start of the year.
    check(
        "The strike lasted four months.",
        &[("four months", "", "", Month, Duration, "P4M")],
    );
}
