//! Alerts: a new claim against standing figures.

use sinew_analysis::{build_ledger, detect_alerts, SourceDoc};
use sinew_types::{AlertKind, Claim, DocId, QuantityKind, TimeKind};

use crate::{claim, BASE, C};

fn doc(id: &str) -> SourceDoc {
    SourceDoc {
        id: DocId(id.to_string()),
        name: format!("{id}.txt"),
        published: None,
        duplicate_of: None,
        kind: Default::default(),
    }
}

fn trade(doc: &'static str, text: &'static str, value: f64) -> Claim {
    claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Money,
        unit: Some("USD"),
        subject: Some("China"),
        object: Some("Russia"),
        measure: "bilateral trade",
        time: Some((TimeKind::Point, "2023-01-01", "2023-12-31")),
        ..BASE
    })
}

fn containers(doc: &'static str, text: &'static str, value: f64) -> Claim {
    claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Count,
        unit: Some("container"),
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure: "shipments of containers",
        ..BASE
    })
}

#[test]
fn a_contradicting_claim_raises_a_conflict_and_an_agreeing_one_does_not() {
    let old = vec![
        trade("a", "$240 billion", 240e9),
        trade("b", "$240.1 billion", 240.1e9),
    ];
    let docs = vec![doc("a"), doc("b"), doc("c")];
    let standing = build_ledger(&old, &docs);
    let trade_group = standing.groups[0].id.clone();

    let mut with_conflict = old.clone();
    with_conflict.push(trade("c", "$300 billion", 300e9));
    let alerts = detect_alerts(&with_conflict, &docs, &[DocId("c".into())]);
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let a = &alerts[0];
    assert_eq!(a.kind, AlertKind::Conflict);
    assert_eq!(a.key, trade_group, "keyed by the standing group");
    assert_eq!(a.doc, DocId("c".into()));
    assert!(a.message.contains("“$300 billion”"), "{}", a.message);
    assert!(
        a.message.contains("standing $240.1 billion"),
        "{}",
        a.message
    );
    assert!(!a.message.contains('\n'));

    let mut agreeing = old.clone();
    agreeing.push(trade("c", "$241 billion", 241e9));
    assert!(detect_alerts(&agreeing, &docs, &[DocId("c".into())]).is_empty());
}

#[test]
fn a_growing_running_total_is_no_conflict_but_a_new_flow_is_news() {
    let old = vec![containers("a", "6,700 containers", 6700.0)];
    let docs = vec![doc("a"), doc("b")];
    let mut all = old.clone();
    all.push(containers("b", "more than 11,000 containers", 11000.0));
    all.push(claim(&C {
        doc: "b",
        at: 500,
        sentence: 5,
        text: "about 400 drones",
        value: 400.0,
        kind: QuantityKind::Count,
        unit: Some("drone"),
        subject: Some("Iran"),
        object: Some("Russia"),
        measure: "shipments of drones",
        ..BASE
    }));
    let alerts = detect_alerts(&all, &docs, &[DocId("b".into())]);
    let kinds: Vec<(AlertKind, &str)> = alerts.iter().map(|a| (a.kind, a.key.as_str())).collect();
    assert_eq!(
        kinds,
        [(AlertKind::NewFlow, "iran->russia:arms")],
        "{alerts:?}"
    );
    assert!(
        alerts[0].message.contains("400 drones"),
        "{}",
        alerts[0].message
    );
}

#[test]
fn the_first_documents_set_the_baseline() {
    let all = vec![
        trade("a", "$240 billion", 240e9),
        trade("b", "$300 billion", 300e9),
    ];
    let docs = vec![doc("a"), doc("b")];
    let ids = [DocId("a".into()), DocId("b".into())];
    assert!(detect_alerts(&all, &docs, &ids).is_empty());
    assert!(detect_alerts(&all, &docs, &[]).is_empty());
}
