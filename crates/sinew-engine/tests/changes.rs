//! What changed since the last briefing (issue 16): a store built here, a briefing recorded,
//! then documents that contradict a figure and show a new flow. The next briefing's key
//! judgments say so, each cited to the statements its alert rests on, with numbers the
//! ledger holds; `--since` moves the reference point; with none, nothing is said of change.

use std::path::Path;

use chrono::NaiveDate;
use sinew_engine::{AlertKind, BriefingConfig, Engine, LedgerFilter, ReportFormat};
use sinew_report::{Briefing, ChangeKind, ChangesSince, Judgment};

use crate::common::{ingest, memory_engine};

fn write(dir: &Path, name: &str, published: &str, text: &str) {
    std::fs::write(dir.join(name), format!("Published {published}\n\n{text}\n")).unwrap();
}

fn changes(b: &Briefing) -> Vec<&Judgment> {
    b.judgments.iter().filter(|j| j.change.is_some()).collect()
}

/// Every change judgment cites statements of its own group, one of them in `doc`'s words
/// when given, and writes only numbers its group holds.
fn check_against_ledger(engine: &Engine, b: &Briefing) {
    let view = engine.ledger(&LedgerFilter::default()).expect("ledger");
    for j in changes(b) {
        let id = j.group.as_ref().expect("a change names its group");
        let g = view
            .ledger
            .groups
            .iter()
            .find(|g| &g.id == id)
            .expect("its group");
        assert!(!j.values.is_empty(), "{}", j.sentence.text);
        for v in &j.values {
            assert!(
                g.claims
                    .iter()
                    .any(|m| (m.bounds.stated - v).abs() <= 1e-9 * v.abs().max(1.0)),
                "{v} is not a statement of its group: {}",
                j.sentence.text
            );
        }
        assert_eq!(j.sentence.citations.len(), j.sentence.marks.len());
        for c in &j.sentence.citations {
            assert!(
                g.claims.iter().any(|m| {
                    let claim = &view.claims[m.claim].claim;
                    claim.doc == c.doc && claim.span == c.span
                }),
                "cites outside its group: {}",
                j.sentence.text
            );
        }
    }
}

#[test]
fn the_next_briefing_says_what_changed_since_the_last() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    let later = tmp.path().join("later");
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&later).unwrap();
    write(
        &first,
        "a.txt",
        "March 1, 2024",
        "Trade between India and Iran reached $30 billion in 2023, the Indian commerce \
         ministry said.",
    );
    write(
        &first,
        "c.txt",
        "February 1, 2024",
        "Belarus has delivered 5,000 trucks to Russia since June 2023, the Belarusian \
         transport ministry said.",
    );
    let engine = memory_engine();
    ingest(&engine, std::slice::from_ref(&first));

    // No briefing recorded and no --since: nothing is said of change.
    let (b, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("briefing");
    assert_eq!(b.changes_since, None);
    assert!(changes(&b).is_empty(), "{:#?}", b.judgments);
    let record = engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default(), &mark)
        .expect("record");
    assert_eq!(record.last_alert, 0);

    write(
        &later,
        "b.txt",
        "March 9, 2024",
        "Trade between India and Iran reached $45 billion in 2023, according to a research \
         institute in Tehran.",
    );
    write(
        &later,
        "e.txt",
        "April 5, 2024",
        "Armenia has sent about 300 drones to Russia since last year, border officials in \
         Yerevan said.",
    );
    // a later, lower count of the trucks: the ministry revises its own
    write(
        &later,
        "g.txt",
        "March 20, 2024",
        "Belarus has delivered 4,200 trucks to Russia since June 2023, the Belarusian \
         transport ministry said on Monday, correcting an earlier figure.",
    );
    let summary = ingest(&engine, &[first, later]);
    let raised: Vec<AlertKind> = summary.alerts.iter().map(|a| a.kind).collect();
    assert!(
        raised.contains(&AlertKind::Conflict)
            && raised.contains(&AlertKind::NewFlow)
            && raised.contains(&AlertKind::Revision),
        "{:#?}",
        summary.alerts
    );

    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let day = chrono::Utc::now().date_naive();
    assert!(
        matches!(b.changes_since, Some(ChangesSince::LastBriefing(d)) if d <= day),
        "{:?}",
        b.changes_since
    );
    let said: Vec<&str> = changes(&b)
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        b.judgments[..3].iter().all(|j| j.change.is_some()),
        "what changed comes first"
    );
    for s in &said {
        assert!(s.starts_with("Since the last briefing ("), "{s}");
    }
    let conflict = changes(&b)
        .into_iter()
        .find(|j| j.change == Some(ChangeKind::Conflict))
        .expect("the contradicted figure");
    let text = &conflict.sentence.text;
    assert!(
        text.contains("contradicts")
            && text.contains("$45 billion")
            && text.contains("$30 billion"),
        "{text}"
    );
    assert!(text.contains("India") && text.contains("Iran"), "{text}");
    // The institute speaks, not the country it sits in (issue 16).
    assert!(
        text.contains("a research institute in Tehran contradicts"),
        "{text}"
    );
    let flow = changes(&b)
        .into_iter()
        .find(|j| j.change == Some(ChangeKind::NewFlow))
        .expect("the new flow");
    assert!(
        flow.sentence.text.contains("arms from Armenia to Russia")
            && flow.sentence.text.contains("300"),
        "{}",
        flow.sentence.text
    );
    // the verb agrees with a plural speaker
    assert!(
        flow.sentence
            .text
            .contains("border officials in Yerevan put "),
        "{}",
        flow.sentence.text
    );
    let revision = changes(&b)
        .into_iter()
        .find(|j| j.change == Some(ChangeKind::Revision))
        .expect("the lower count");
    assert!(
        revision.sentence.text.contains("4,200 trucks")
            && revision.sentence.text.contains("5,000 trucks")
            && revision
                .sentence
                .text
                .contains("lower than an earlier report did"),
        "{}",
        revision.sentence.text
    );
    // the sentence that changed is quoted, though it differs from the earlier one only in
    // its figure
    assert!(
        revision
            .evidence
            .iter()
            .any(|e| e.text.contains("4,200 trucks")),
        "{:#?}",
        revision.evidence
    );
    // the figures' own judgments read the movement the right way round: the trucks' count
    // was put lower, and a fixed-period trade figure a later source puts higher has not risen
    let own: Vec<&str> = b
        .judgments
        .iter()
        .filter(|j| j.change.is_none())
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(own.iter().any(|t| t.contains("trucks")), "{own:#?}");
    assert!(own.iter().any(|t| t.contains("Iran")), "{own:#?}");
    for j in b.judgments.iter().filter(|j| j.change.is_none()) {
        let t = &j.sentence.text;
        if t.contains("trucks") {
            assert!(!t.contains("later reports give the higher count"), "{t}");
        }
        if t.contains("Iran") && t.contains("billion") {
            assert!(!t.contains("risen between reports"), "{t}");
        }
    }
    // the new statements are cited in the documents that raised the alerts
    let source_of = |j: &Judgment| -> Vec<String> {
        j.sentence
            .citations
            .iter()
            .map(|c| c.source.clone())
            .collect()
    };
    assert!(source_of(conflict).iter().any(|s| s.ends_with("b.txt")));
    assert!(source_of(conflict).iter().any(|s| s.ends_with("a.txt")));
    assert!(source_of(flow).iter().all(|s| s.ends_with("e.txt")));
    check_against_ledger(&engine, &b);
    // whole article sentences bear them out
    assert!(conflict.evidence.iter().all(|e| e.verbatim));

    // --since moves the reference point to a day: alerts raised by documents published on or
    // after it (the new flow, not the contradiction of March 9)
    let since = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
    let focused = engine
        .briefing(&BriefingConfig {
            since: Some(since),
            ..BriefingConfig::default()
        })
        .expect("briefing since");
    assert_eq!(focused.changes_since, Some(ChangesSince::Date(since)));
    let said: Vec<&str> = changes(&focused)
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(said[0].starts_with("Since 1 April 2024, "), "{}", said[0]);
    check_against_ledger(&engine, &focused);

    // once this briefing is recorded, nothing has changed since it
    let (_, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("briefing");
    engine
        .record_briefing(ReportFormat::Html, &BriefingConfig::default(), &mark)
        .expect("record");
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    assert!(b.changes_since.is_some());
    assert!(changes(&b).is_empty(), "{:#?}", changes(&b));
}

/// A running total in money that a later report puts higher: its judgment speaks of a
/// higher "figure", not a "count" (a count is of things: containers, troops).
#[test]
fn a_running_total_in_money_is_a_figure_not_a_count() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "March 1, 2024",
        "Norway has lent Ukraine $2.1 billion since 2022, the Norwegian finance ministry said.",
    );
    write(
        tmp.path(),
        "b.txt",
        "June 3, 2024",
        "Norway has lent Ukraine $2.8 billion since 2022, the Norwegian finance ministry said \
         on Monday.",
    );
    let engine = memory_engine();
    ingest(&engine, &[tmp.path().to_path_buf()]);
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let loans: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .filter(|t| t.contains("billion"))
        .collect();
    assert!(!loans.is_empty(), "{:#?}", b.judgments);
    for t in loans {
        assert!(
            !t.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "count"),
            "{t}"
        );
        assert!(
            t.contains("higher figure")
                || t.contains("highest figure")
                || t.contains("the figure has risen"),
            "{t}"
        );
    }
    // the disagreements section reads the update the same way
    let lines: Vec<&str> = b
        .disagreements
        .iter()
        .map(|d| d.text.as_str())
        .filter(|t| t.contains("billion"))
        .collect();
    assert!(!lines.is_empty(), "{:#?}", b.disagreements);
    for t in lines {
        assert!(t.contains("highest figure"), "{t}");
    }
}
