//! Tests of how a claim's measure is read into a concept, a scope and a flow kind.

use super::*;
use sinew_types::{DocId, Modality, Quantity, Span};

fn claim(measure: &str, kind: QuantityKind, unit: &str, s: &str, o: &str) -> Claim {
    Claim {
        doc: DocId("d".into()),
        span: Span::new(0, 1),
        sentence: Span::new(0, 10),
        quantity: Quantity {
            span: Span::new(0, 1),
            text: "1".into(),
            value: 1.0,
            value_max: None,
            unit: Some(unit.into()),
            kind,
            qualifier: None,
            per: None,
            vague: false,
        },
        subject: Some(s.into()),
        object: Some(o.into()),
        measure: measure.into(),
        time: None,
        attribution: None,
        modality: Modality::Asserted,
        kind: sinew_types::MeasureKind::Other,
        restates: None,
        inferred: None,
        changed_to: None,
    }
}

#[test]
fn dependence_and_import_share_read_alike() {
    let a = read(&claim(
        "share of Russia’s imports of goods covered under G7’s high priority export control",
        QuantityKind::Percent,
        "percent",
        "China",
        "Russia",
    ));
    let b = read(&claim(
        "Russian dependence on China for high-priority products",
        QuantityKind::Percent,
        "percent",
        "Russia",
        "China",
    ));
    let all = read(&claim(
        "share of Russia's imports",
        QuantityKind::Percent,
        "percent",
        "China",
        "Russia",
    ));
    assert_eq!((a.concept, b.concept), (Concept::Share, Concept::Share));
    assert_eq!(
        (a.subject.as_deref(), a.object.as_deref()),
        (Some("China"), Some("Russia"))
    );
    assert_eq!(
        (b.subject.as_deref(), b.object.as_deref()),
        (Some("China"), Some("Russia"))
    );
    assert!(
        scopes_match(&a.scope, &b.scope),
        "{:?} {:?}",
        a.scope,
        b.scope
    );
    assert!(!scopes_match(&a.scope, &all.scope), "{:?}", all.scope);
}

#[test]
fn trade_is_either_way_and_leaked_verbs_do_not_narrow_it() {
    let a = read(&claim(
        "total trade turnover increasing",
        QuantityKind::Money,
        "USD",
        "Russia",
        "China",
    ));
    let b = read(&claim(
        "trade between China and Russia",
        QuantityKind::Money,
        "USD",
        "China",
        "Russia",
    ));
    assert_eq!(a.concept, Concept::Trade);
    assert_eq!(a.subject, b.subject);
    assert!(
        a.scope.is_empty() && b.scope.is_empty(),
        "{:?} {:?}",
        a.scope,
        b.scope
    );
}

#[test]
fn flow_kinds() {
    let c = |m: &str, u: &str, k| flow_kind(&claim(m, k, u, "A", "B"));
    assert_eq!(
        c("shipments of containers", "container", QuantityKind::Count),
        FlowKind::Arms
    );
    assert_eq!(
        c("exports of dual-use products", "USD", QuantityKind::Money),
        FlowKind::DualUse
    );
    assert_eq!(
        c("bilateral trade", "USD", QuantityKind::Money),
        FlowKind::Trade
    );
    assert_eq!(
        c("exports of crude oil", "barrel", QuantityKind::Count),
        FlowKind::Energy
    );
    assert_eq!(FlowKind::parse("dual-use"), Some(FlowKind::DualUse));
}

#[test]
fn people_sent_are_their_own_kind_and_losses_are_no_flow() {
    let c = |m: &str, u: &str| flow_kind(&claim(m, QuantityKind::Count, u, "A", "B"));
    assert_eq!(c("troops", "troop"), FlowKind::People);
    assert_eq!(c("deployment of soldiers", "soldier"), FlowKind::People);
    assert_eq!(c("military personnel", "personnel"), FlowKind::People);
    assert_eq!(c("labourers sent abroad", "labourer"), FlowKind::People);
    // "military" alone is arms, not people
    assert_eq!(c("military equipment", "container"), FlowKind::Arms);
    assert_eq!(FlowKind::parse("people"), Some(FlowKind::People));

    // people sent between two actors: a flow
    let sent = read(&claim("troops", QuantityKind::Count, "troop", "A", "B"));
    assert_eq!(sent.concept, Concept::Flow);
    // their losses: no flow, whatever extraction read from the clause
    for measure in [
        "soldier casualties",
        "soldiers killed or wounded",
        "deaths among the troops",
    ] {
        let mut lost = claim(measure, QuantityKind::Count, "soldier", "A", "B");
        lost.kind = MeasureKind::Stock;
        assert_eq!(read(&lost).concept, Concept::Other, "{measure}");
        assert!(names_losses(measure, Some("soldier")), "{measure}");
    }
    assert!(!names_losses("troops", Some("troop")));
    assert!(!names_losses("exports of copper", Some("tonne")));

    assert_eq!(
        people_noun("shipments of troops", Some("troop")).as_deref(),
        Some("troops")
    );
    assert_eq!(
        people_noun("deployment", Some("soldier")).as_deref(),
        Some("soldiers")
    );
    assert_eq!(
        people_noun("military personnel", None).as_deref(),
        Some("personnel")
    );
    assert_eq!(people_noun("containers", Some("container")), None);
}
