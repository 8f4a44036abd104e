//! Which time a claim's figure takes: the time of its own clause, not a neighbouring
//! clause's; never a recurrence ("every month") or a clock time without a date; "now" is the
//! publication day. Sentences written for these tests.

use sinew_nlp::annotate;
use sinew_types::DocId;

/// The time text of the claim stating `quote` in `text`, published 2024-06-01.
fn time_of(text: &str, quote: &str) -> Option<String> {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
        .time
        .map(|t| t.text)
}

#[test]
fn a_figure_takes_the_time_of_its_own_clause() {
    let text = "China's exports to Russia reached 600 million dollars last December, a level \
                unseen since Xi's visit in March.";
    assert_eq!(
        time_of(text, "600 million").as_deref(),
        Some("last December")
    );
    let text = "Russia shipped 2 million tonnes of oil to India in May, after talks that began \
                in January.";
    assert_eq!(time_of(text, "2 million").as_deref(), Some("May"));
}

#[test]
fn now_dates_a_figure_to_publication() {
    let text = "China now supplies 90% of Russia's microchips.";
    assert_eq!(time_of(text, "90%").as_deref(), Some("now"));
}

#[test]
fn sets_and_clock_times_do_not_date_a_figure() {
    let text = "Russia sends 300 million dollars of oil to China every month.";
    assert_eq!(time_of(text, "300 million"), None);
    let text = "At 5 pm, Russia said it had shipped 1,500 tanks to Belarus in 2023.";
    assert_eq!(time_of(text, "1,500").as_deref(), Some("2023"));
}
