//! The timeline's events: dated events of the given documents, each cited to its reports'
//! sentences (one per document), who did what in the line; undated, negated, decades-long
//! and self-inflicted ones left out; an entity focus keeps the entity's events.

use chrono::NaiveDate;
use sinew_analysis::MergedEvent;
use sinew_report::{build_briefing, DocBundle, Findings, ReportConfig};
use sinew_types::{Citation, EventKind, EventModality, Grain, PloverCategory};

use crate::support::analysis::Analysed;
use crate::support::fixtures::{span_of, Builder};

const SIGNED: &str = "Russia and North Korea signed a defence treaty in Pyongyang on 19 June 2024.";
const AGAIN: &str = "The treaty signed by Russia and North Korea on Wednesday binds both sides.";
const SANCTIONED: &str = "Washington sanctioned Chinese banks in 2009, officials said.";
const UNDATED: &str = "Russia and North Korea held talks on arms, officials in Seoul said.";

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn docs() -> Vec<DocBundle> {
    let text = format!("{SIGNED} {AGAIN} {SANCTIONED} {UNDATED}");
    let mut b = Builder::new("ev", "events.txt", Some("2024-06-20"), &text);
    for s in [SIGNED, AGAIN, SANCTIONED, UNDATED] {
        b.sentence(s);
    }
    b.time("19 June 2024", "2024-06-19", "2024-06-19", Grain::Day);
    b.time("Wednesday", "2024-06-19", "2024-06-19", Grain::Day);
    b.time("2009", "2009-01-01", "2009-12-31", Grain::Year);
    b.country("Russia", "Russia");
    b.country("North Korea", "North Korea");
    vec![b.finish()]
}

fn merged(
    category: PloverCategory,
    source: &[&str],
    target: &[&str],
    dates: (Option<NaiveDate>, Option<NaiveDate>),
    reports: Vec<usize>,
) -> MergedEvent {
    MergedEvent {
        id: format!("{category:?}{}", reports.len()),
        category,
        kind: None,
        mode: None,
        source: source.iter().map(|s| s.to_string()).collect(),
        target: target.iter().map(|s| s.to_string()).collect(),
        mutual: target.is_empty(),
        date: dates.0,
        date_end: dates.1,
        location: None,
        modality: EventModality::Asserted,
        negated: false,
        documents: 1,
        reports,
    }
}

fn timeline(events: &[MergedEvent], config: &ReportConfig) -> Vec<(String, String, usize)> {
    let docs = docs();
    let text = &docs[0].doc.text;
    let cite = |s: &str| Citation {
        doc: docs[0].doc.id.clone(),
        source: docs[0].doc.source.clone(),
        span: span_of(text, s),
    };
    let citations = vec![cite(SIGNED), cite(AGAIN), cite(SANCTIONED), cite(UNDATED)];
    let analysed = Analysed::of(&docs);
    let findings = Findings {
        events,
        event_citations: &citations,
        ..analysed.findings()
    };
    let b = build_briefing(&docs, &findings, config);
    for t in &b.timeline {
        for c in &t.line.citations {
            let words = c.span.slice(text).expect("a valid span");
            assert!(citations.iter().any(|k| k.span == c.span), "{words}");
        }
    }
    b.timeline
        .into_iter()
        .map(|t| (t.when, t.line.text, t.line.citations.len()))
        .collect()
}

#[test]
fn dated_events_are_on_the_timeline_cited_once_per_document() {
    let mut signing = merged(
        PloverCategory::Support,
        &["North Korea", "Russia"],
        &[],
        (day(2024, 6, 19), day(2024, 6, 19)),
        vec![0, 1],
    );
    signing.kind = Some(EventKind::TreatySigning);
    let mut negated = merged(
        PloverCategory::Consult,
        &["North Korea", "Russia"],
        &[],
        (day(2024, 6, 18), day(2024, 6, 18)),
        vec![1],
    );
    negated.negated = true;
    let events = vec![
        signing,
        negated,
        // a "since 2009" range is no date of an event
        merged(
            PloverCategory::Sanction,
            &["United States"],
            &["China"],
            (day(2009, 1, 1), day(2024, 6, 20)),
            vec![2],
        ),
        merged(
            PloverCategory::Sanction,
            &["United States"],
            &["China"],
            (None, None),
            vec![2],
        ),
        merged(
            PloverCategory::Fight,
            &["Russia"],
            &["Russia"],
            (day(2024, 6, 1), day(2024, 6, 30)),
            vec![2],
        ),
    ];
    let lines = timeline(&events, &ReportConfig::default());
    let events: Vec<_> = lines
        .iter()
        .filter(|(_, text, _)| text.contains(':'))
        .collect();
    assert_eq!(
        events,
        [&(
            "19 June 2024".to_string(),
            "North Korea & Russia: treaty signing (dated by “19 June 2024”).".to_string(),
            1
        )],
        "{lines:#?}"
    );
}

#[test]
fn whole_months_and_years_read_as_such_and_focus_keeps_the_entitys_events() {
    let events = vec![
        merged(
            PloverCategory::Sanction,
            &["United States"],
            &["China"],
            (day(2009, 1, 1), day(2009, 12, 31)),
            vec![2],
        ),
        merged(
            PloverCategory::Consult,
            &["North Korea", "Russia"],
            &[],
            (day(2024, 6, 1), day(2024, 6, 30)),
            vec![0],
        ),
    ];
    let all = timeline(&events, &ReportConfig::default());
    assert!(
        all.contains(&(
            "2009".into(),
            "United States → China: sanction (dated by “2009”).".into(),
            1
        )),
        "{all:#?}"
    );
    assert!(
        all.contains(&(
            "June 2024".into(),
            "North Korea & Russia: consult (dated by “19 June 2024”).".into(),
            1
        )),
        "{all:#?}"
    );
    let focused = timeline(
        &events,
        &ReportConfig {
            entity: Some("North Korea".into()),
            ..ReportConfig::default()
        },
    );
    assert!(focused
        .iter()
        .any(|(_, t, _)| t.contains("North Korea & Russia")));
    assert!(
        !focused.iter().any(|(_, t, _)| t.contains("United States")),
        "{focused:#?}"
    );
}

#[test]
fn an_event_is_dated_only_by_the_words_of_a_sentence_it_cites() {
    let events = vec![
        // dated 2019 by some report, but the sentence it cites names no time
        merged(
            PloverCategory::Consult,
            &["North Korea", "Russia"],
            &[],
            (day(2019, 1, 1), day(2019, 12, 31)),
            vec![3],
        ),
        // dated 2019 while its sentence says 19 June 2024: that sentence does not date it
        merged(
            PloverCategory::Consult,
            &["North Korea", "Russia"],
            &[],
            (day(2019, 4, 1), day(2019, 4, 30)),
            vec![0],
        ),
        // two reports, one undated: only the dated one is cited
        merged(
            PloverCategory::Consult,
            &["North Korea", "Russia"],
            &[],
            (day(2024, 6, 19), day(2024, 6, 19)),
            vec![3, 1],
        ),
    ];
    let lines = timeline(&events, &ReportConfig::default());
    let events: Vec<_> = lines
        .iter()
        .filter(|(_, text, _)| text.contains("consult"))
        .collect();
    assert_eq!(
        events,
        [&(
            "19 June 2024".to_string(),
            "North Korea & Russia: consult (dated by “Wednesday”).".to_string(),
            1
        )],
        "{lines:#?}"
    );
}

#[test]
fn one_actor_with_a_bare_category_is_no_line_but_a_kind_of_event_is() {
    // "Russia: fight" in June 2024 says nothing a reader can use; "Russia: weapons test" does
    let lone = |kind: Option<EventKind>| {
        let mut e = merged(
            PloverCategory::Fight,
            &["Russia"],
            &[],
            (day(2024, 6, 19), day(2024, 6, 19)),
            vec![0],
        );
        e.mutual = false;
        e.kind = kind;
        e
    };
    let lines = timeline(&[lone(None)], &ReportConfig::default());
    assert!(
        lines
            .iter()
            .all(|(_, text, _)| !text.starts_with("Russia:")),
        "{lines:#?}"
    );
    let lines = timeline(
        &[lone(Some(EventKind::WeaponsTest))],
        &ReportConfig::default(),
    );
    assert!(
        lines
            .iter()
            .any(|(_, text, _)| text.starts_with("Russia: weapons test")),
        "{lines:#?}"
    );
}
