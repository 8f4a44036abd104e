//! What changed since the last briefing without an alert (issue 16): documents stored after
//! those the last briefing read put a running total higher and give a new figure on a flow
//! already reported. Neither raises an alert (a grown count is an update, and the flow is
//! known), yet the next briefing's key judgments open with both, each cited to the new
//! statement and the standing one.

use std::path::Path;

use sinew_engine::{BriefingConfig, ReportFormat};
use sinew_report::{Briefing, ChangeKind, ChangesSince, Judgment};

use crate::common::{ingest, memory_engine};

fn write(dir: &Path, name: &str, published: &str, text: &str) {
    std::fs::write(dir.join(name), format!("Published {published}\n\n{text}\n")).unwrap();
}

fn changes(b: &Briefing) -> Vec<&Judgment> {
    b.judgments.iter().filter(|j| j.change.is_some()).collect()
}

fn sources(j: &Judgment) -> Vec<&str> {
    j.sentence
        .citations
        .iter()
        .map(|c| c.source.as_str())
        .collect()
}

#[test]
fn a_higher_running_total_and_a_new_figure_on_a_known_flow_lead_the_next_briefing() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, later) = (tmp.path().join("first"), tmp.path().join("later"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&later).unwrap();
    write(
        &first,
        "a.txt",
        "February 12, 2024",
        "Kazakhstan has sent 1,200 railcars of wheat to China since March 2023, the Kazakh \
         agriculture ministry said.",
    );
    write(
        &first,
        "b.txt",
        "February 20, 2024",
        "Trade between Chile and Peru reached $6 billion in 2023, the Chilean central bank \
         said.",
    );
    let engine = memory_engine();
    ingest(&engine, std::slice::from_ref(&first));
    let (b, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("first briefing");
    assert!(changes(&b).is_empty(), "{:#?}", b.judgments);
    engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default(), &mark)
        .expect("record");

    write(
        &later,
        "c.txt",
        "May 6, 2024",
        "Kazakhstan has sent more than 1,900 railcars of wheat to China since March 2023, \
         a grain exporters' union in Astana said.",
    );
    write(
        &later,
        "d.txt",
        "May 9, 2024",
        "Kazakhstan sold 85,000 tonnes of barley to China in 2023, customs officials in \
         Almaty said.",
    );
    let summary = ingest(&engine, &[first, later]);
    assert!(
        summary.alerts.is_empty(),
        "neither change raises an alert: {:#?}",
        summary.alerts
    );

    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("second briefing");
    assert!(
        matches!(b.changes_since, Some(ChangesSince::LastBriefing(_))),
        "{:?}",
        b.changes_since
    );
    let said: Vec<&str> = changes(&b)
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(said.len() >= 2, "{:#?}", b.judgments);
    // they open the key judgments
    assert!(
        b.judgments[..said.len()].iter().all(|j| j.change.is_some()),
        "{:#?}",
        b.judgments
    );
    let rise = changes(&b)
        .into_iter()
        .find(|j| j.change == Some(ChangeKind::Rise))
        .unwrap_or_else(|| panic!("the higher count: {said:#?}"));
    let text = &rise.sentence.text;
    assert!(text.starts_with("Since the last briefing ("), "{text}");
    assert!(
        text.contains("more than 1,900") && text.contains("1,200") && text.contains("risen"),
        "{text}"
    );
    assert!(
        text.contains("a grain exporters' union in Astana puts"),
        "{text}"
    );
    // cited: the new statement and the standing one, each after its figure
    assert_eq!(rise.sentence.citations.len(), 2, "{text}");
    assert_eq!(rise.sentence.marks.len(), 2, "{text}");
    let cited = sources(rise);
    assert!(
        cited[0].ends_with("c.txt") && cited[1].ends_with("a.txt"),
        "{cited:?}"
    );
    assert!(
        rise.evidence.iter().any(|e| e.text.contains("1,900")),
        "{:#?}",
        rise.evidence
    );

    let figure = changes(&b)
        .into_iter()
        .find(|j| j.change == Some(ChangeKind::NewFigure))
        .unwrap_or_else(|| panic!("the new figure on the known flow: {said:#?}"));
    let text = &figure.sentence.text;
    assert!(text.starts_with("Since the last briefing ("), "{text}");
    assert!(
        text.contains("85,000 tonnes") && text.contains("a flow already reported"),
        "{text}"
    );
    assert!(
        text.contains("Kazakhstan") && text.contains("China"),
        "{text}"
    );
    assert!(!figure.sentence.citations.is_empty());
    assert!(sources(figure).iter().all(|s| s.ends_with("d.txt")));
    // a figure on a flow the last briefing saw, not a new one: the Chile-Peru trade figure
    // restated by nobody is no change
    assert!(!said.iter().any(|t| t.contains("Peru")), "{said:#?}");

    // once this briefing is recorded, nothing has changed since it
    let (_, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("briefing");
    engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default(), &mark)
        .expect("record");
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("third briefing");
    assert!(changes(&b).is_empty(), "{:#?}", changes(&b));
}

/// What a briefing read is what it records: a document stored after the briefing read the
/// store and before it was recorded is new to the next one (the record once took the store's
/// state at recording time, and such a document was never said).
#[test]
fn a_document_stored_while_a_briefing_is_written_is_new_to_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, later) = (tmp.path().join("first"), tmp.path().join("later"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&later).unwrap();
    write(
        &first,
        "a.txt",
        "February 12, 2024",
        "Kazakhstan has sent 1,200 railcars of wheat to China since March 2023, the Kazakh \
         agriculture ministry said.",
    );
    let engine = memory_engine();
    ingest(&engine, std::slice::from_ref(&first));
    let (_, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("briefing");
    // stored between the read and the record
    write(
        &later,
        "c.txt",
        "May 6, 2024",
        "Kazakhstan has sent more than 1,900 railcars of wheat to China since March 2023, \
         a grain exporters' union in Astana said.",
    );
    ingest(&engine, &[first, later]);
    let record = engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default(), &mark)
        .expect("record");
    assert_eq!(record.last_doc, Some(mark.last_doc));
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("next briefing");
    assert!(
        changes(&b)
            .iter()
            .any(|j| j.change == Some(ChangeKind::Rise) && j.sentence.text.contains("1,900")),
        "{:#?}",
        b.judgments
    );
}
