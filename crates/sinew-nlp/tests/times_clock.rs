//! Time expressions beside calendar dates: clock times, recurring times (sets), the present,
//! lengths of time without a count and fiscal quarters in words, each on sentences from
//! several domains; and near-misses that must not be read as time.

use sinew_nlp::find_times;
use sinew_types::{Grain, TimeKind};

use Grain::{Century, Day, Decade, Hour, Minute, Month, Quarter, Season, Week, Year};
use TimeKind::{Duration, Point, Set};

/// A Friday.
fn published() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2024, 6, 21)
}

/// Surface, grain, kind, TIMEX3 value; dates are checked by the callers that have them.
type Want = (&'static str, Grain, TimeKind, &'static str);

/// `text` yields exactly `want`, in order, with the spans and values given.
fn check(text: &str, want: &[Want]) {
    let found = find_times(text, published());
    let got: Vec<(&str, Grain, TimeKind, Option<&str>)> = found
        .iter()
        .map(|t| {
            (
                &text[t.span.start..t.span.end],
                t.grain,
                t.kind,
                t.timex.as_deref(),
            )
        })
        .collect();
    let want: Vec<(&str, Grain, TimeKind, Option<&str>)> = want
        .iter()
        .map(|(s, g, k, v)| (*s, *g, *k, Some(*v)))
        .collect();
    assert_eq!(got, want, "input {text:?}");
}

#[test]
fn clock_times() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("The rally starts at 5 pm outside parliament.", &[("5 pm", Hour, Point, "T17:00")]),
        ("Trading halted at 14:30 GMT after the announcement.", &[("14:30 GMT", Minute, Point, "T14:30")]),
        ("Polls close at 8 p.m. local time.", &[("8 p.m. local time", Hour, Point, "T20:00")]),
        ("The strike began at 6am and ended by 11.15pm.", &[("6am", Hour, Point, "T06:00"), ("11.15pm", Minute, Point, "T23:15")]),
        ("The curfew runs from midnight until 05:00.", &[("midnight", Hour, TimeKind::Point, "T24:00"), ("05:00", Minute, TimeKind::Point, "T05:00")]),
        ("Ministers meet at noon.", &[("noon", Hour, Point, "T12:00")]),
        ("The train left at 12:40 a.m. and the quake struck around 03:17 UTC.", &[("12:40 a.m.", Minute, Point, "T00:40"), ("03:17 UTC", Minute, Point, "T03:17")]),
        ("Kick-off is at seven o'clock.", &[("seven o'clock", Hour, Point, "T07:00")]),
        ("The patient was seen at 9:05:30.", &[("9:05:30", Minute, Point, "T09:05")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn clock_times_carry_no_dates() {
    // alone, a clock time is undated; joined to its day it takes the day's date
    let found = find_times("The vote closed at 10 pm.", published());
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start_date, found[0].end_date), (None, None));
    let found = find_times("The vote closed at 10 pm on Tuesday.", published());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "10 pm on Tuesday");
    let tuesday = chrono::NaiveDate::from_ymd_opt(2024, 6, 18);
    assert_eq!((found[0].start_date, found[0].end_date), (tuesday, tuesday));
    assert_eq!(found[0].timex.as_deref(), Some("2024-06-18T22:00"));
}

#[test]
fn recurring_times_are_sets() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Inspectors visit the plant every month.", &[("every month", Month, Set, "P1M")]),
        ("The central bank publishes the figures weekly.", &[("weekly", Week, Set, "P1W")]),
        ("Ferries sail daily and the index is revised quarterly.", &[("daily", Day, Set, "P1D"), ("quarterly", Quarter, Set, "P3M")]),
        ("Dividends are paid annually.", &[("annually", Year, Set, "P1Y")]),
        ("The council meets every two weeks.", &[("every two weeks", Week, Set, "P2W")]),
        ("Protesters gather every Sunday.", &[("every Sunday", Week, Set, "XXXX-WXX-7")]),
        ("The drill is held every other Friday.", &[("every other Friday", Week, Set, "XXXX-WXX-5")]),
        // A weekday in the plural recurs on that day; "on" stays outside, a signal.
        ("The council meets on Fridays.", &[("Fridays", Week, Set, "XXXX-WXX-5")]),
        ("Markets in Muscat close on Saturdays.", &[("Saturdays", Week, Set, "XXXX-WXX-6")]),
        ("Each year the harvest festival draws crowds.", &[("Each year", Year, Set, "P1Y")]),
        ("The board meets twice a year and trains run three times a week.", &[("twice a year", Year, Set, "P1Y"), ("three times a week", Week, Set, "P1W")]),
        ("Floods return every spring.", &[("every spring", Season, Set, "XXXX-SP")]),
        ("Patrols pass every hour.", &[("every hour", Hour, Set, "PT1H")]),
        ("Daily flights to Pyongyang resume.", &[("Daily", Day, Set, "P1D")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn the_present_is_the_publication_day() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Prices are now 20 per cent higher.", &[("now", Day, Point, "PRESENT_REF")]),
        ("The firm currently employs 300 people.", &[("currently", Day, Point, "PRESENT_REF")]),
        ("At present the club has no coach.", &[("present", Day, Point, "PRESENT_REF")]),
        ("Nowadays few farmers grow rye.", &[("Nowadays", Day, Point, "PRESENT_REF")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
    let found = find_times("Exports now exceed imports.", published());
    assert_eq!(found[0].start_date, published());
    assert_eq!(found[0].end_date, published());
    let undated = find_times("Exports now exceed imports.", None);
    assert_eq!(undated[0].start_date, None);
}

#[test]
fn lengths_without_a_count() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("The two sides have traded for years.", &[("years", Year, Duration, "PXY")]),
        ("The dispute has simmered for decades.", &[("decades", Decade, Duration, "PXDE")]),
        ("It was the first rally in months.", &[("months", Month, Duration, "PXM")]),
        ("After weeks of talks the deal was signed.", &[("weeks", Week, Duration, "PXW")]),
        ("The patient waited for hours.", &[("hours", Hour, Duration, "PTXH")]),
        ("The temple stood for centuries.", &[("centuries", Century, Duration, "PXCE")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn fiscal_quarters_in_words() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Revenue rose in the third quarter of fiscal 2024.", &[("the third quarter of fiscal 2024", Quarter, Point, "FY2024-Q3")]),
        ("Results for fiscal Q2 2025 beat forecasts.", &[("fiscal Q2 2025", Quarter, Point, "FY2025-Q2")]),
        ("Its Q4 of fiscal year 2023 was weak.", &[("Q4 of fiscal year 2023", Quarter, Point, "FY2023-Q4")]),
        ("Sales slipped in the fiscal first quarter.", &[("the fiscal first quarter", Quarter, Point, "FYXXXX-Q1")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn near_misses_are_not_times() {
    for text in [
        "The scheme may march ahead regardless.",
        "Historians of the March on Rome disagree.",
        "She wrote for the Sunday Times and the Sunday Telegraph.",
        "Some 1600 troops crossed the border.",
        "The firm runs a 24/7 service.",
        "John 3:16 was quoted; the score was 2:1; a ratio of 3:2.",
        "The present government will present the plan.",
        "The Daily Mail and the Weekly Standard reported it.",
        "They held weeks-long talks.",
        "Revenue was $5:30 per share.",
    ] {
        let found = find_times(text, published());
        assert!(
            found.is_empty(),
            "{text:?} read as {:?}",
            found.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_present_as_a_phrase_and_as_an_adjective() {
    check(
        "The deal is fair at the present time, the minister said.",
        &[("the present time", Day, Point, "PRESENT_REF")],
    );
    for text in [
        "Output at present levels cannot last.",
        "Borrowing at present rates is costly.",
    ] {
        let found = find_times(text, published());
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn fiscal_years_are_named_fy() {
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Profit fell in fiscal 2023, the retailer said.", &[("fiscal 2023", Year, Point, "FY2023")]),
        ("Spending rose last fiscal year.", &[("last fiscal year", Year, Point, "FY2023")]),
        ("The FY2025 budget is tight.", &[("FY2025", Year, Point, "FY2025")]),
        // A range of fiscal years keeps both ends.
        ("Sales rose 12% from fiscal 2019 to fiscal 2022.", &[("fiscal 2019", Year, TimeKind::Point, "FY2019"), ("fiscal 2022", Year, TimeKind::Point, "FY2022")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn quarters_and_halves_of_business_years() {
    use Grain::Half;
    #[rustfmt::skip]
    let cases: &[(&str, &[Want])] = &[
        ("Deliveries fell 8% in the second quarter.", &[("the second quarter", Quarter, Point, "2024-Q2")]),
        ("Profit will improve in the fourth quarter, the company said.", &[("the fourth quarter", Quarter, Point, "2024-Q4")]),
        ("Earnings rose in the first half on strong sales.", &[("the first half", Half, Point, "2024-H1")]),
        // The adjective form, as in "third-quarter profit", names the quarter too.
        ("Third-quarter profit at the lender rose 5%.", &[("Third-quarter", Quarter, Point, "2023-Q3")]),
        ("The brewer expects first-half sales to fall.", &[("first-half", Half, Point, "2024-H1")]),
        // "the final quarter of" is its last.
        ("Exports rose 4% in the final quarter of 2023.", &[("the final quarter of 2023", Quarter, Point, "2023-Q4")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
    // Near-misses: a game's quarter and half.
    for text in [
        "The Celtics led by 12 points in the third quarter.",
        "The visitors scored twice in the second half.",
        "The Lakers pulled ahead with a third-quarter run.",
        "The final report was delayed again.",
    ] {
        let found = find_times(text, published());
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn determiners_before_parts_of_decades_are_inside() {
    check(
        "Growth was faster in the early 1990s.",
        &[("the early 1990s", Decade, Point, "199")],
    );
    check(
        "Rents have risen since the late 2010s.",
        &[("the late 2010s", Decade, TimeKind::Since, "201")],
    );
}

#[test]
fn until_in_a_past_clause_looks_back() {
    check(
        "The truce held until mid-March.",
        &[("mid-March", Month, TimeKind::Until, "2024-03")],
    );
    check(
        "Talks will run until mid-March.",
        &[("mid-March", Month, TimeKind::Until, "2025-03")],
    );
    // Near-miss: a passive in the past that puts something off looks ahead.
    check(
        "The vote was postponed until March.",
        &[("March", Month, TimeKind::Until, "2025-03")],
    );
}
