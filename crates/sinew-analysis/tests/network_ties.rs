//! The network's ties and flows: visits, summits, pacts and sanctions are political ties and
//! never goods flows; an exchange gives flows both ways, the unquantified side read from its
//! sentence; every flow and tie cites its sentences. Sentences written for these tests.

use sinew_analysis::{
    build_ledger, build_network, political_ties, FlowKind, PoliticalTie, SentenceActors, SourceDoc,
    TieKind,
};
use sinew_types::{DocId, QuantityKind, SourceKind, Span};

use crate::{claim, BASE, C};

fn doc(d: &str) -> SourceDoc {
    SourceDoc {
        id: DocId(d.to_string()),
        name: format!("{d}.txt"),
        published: None,
        duplicate_of: None,
        kind: SourceKind::Original,
    }
}

/// The ties `sentence` states, its countries given as (words, canonical name).
fn ties_of(sentence: &str, actors: &[(&str, &str)]) -> Vec<PoliticalTie> {
    let d = DocId("d".into());
    let actors = actors
        .iter()
        .map(|(words, name)| {
            let at = sentence.find(words).expect("actor words in the sentence");
            (name.to_string(), Span::new(at, at + words.len()))
        })
        .collect();
    political_ties(&[SentenceActors {
        doc: &d,
        text: sentence,
        sentence: Span::new(0, sentence.len()),
        actors,
    }])
}

#[test]
fn a_figure_about_a_tie_is_no_goods_flow() {
    let claims = vec![
        // "Norway's prime minister ended a visit to the United States worth $2 billion in
        // contracts": a visit, not a flow of goods.
        claim(&C {
            doc: "a",
            text: "$2 billion",
            value: 2e9,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: Some("Norway"),
            object: Some("United States"),
            measure: "visit",
            ..BASE
        }),
        claim(&C {
            doc: "a",
            at: 200,
            sentence: 1,
            text: "more than 500 new sanctions",
            value: 500.0,
            kind: QuantityKind::Count,
            unit: Some("sanction"),
            subject: Some("United States"),
            object: Some("Russia"),
            measure: "new sanctions",
            ..BASE
        }),
        // Near-miss: a real goods figure between the same two stays a flow.
        claim(&C {
            doc: "a",
            at: 400,
            sentence: 2,
            text: "$3 billion",
            value: 3e9,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: Some("Norway"),
            object: Some("United States"),
            measure: "exports of salmon",
            ..BASE
        }),
    ];
    let ledger = build_ledger(&claims, &[doc("a")]);
    let net = build_network(&ledger, &claims, &[], &[]);
    let kinds: Vec<(&str, &str, FlowKind)> = net
        .flows
        .iter()
        .map(|f| (f.from.as_str(), f.to.as_str(), f.kind))
        .collect();
    assert!(
        !net.flows.iter().any(|f| f.to == "Russia"),
        "sanctions made a flow: {kinds:?}"
    );
    let norway: Vec<_> = net.flows.iter().filter(|f| f.from == "Norway").collect();
    assert_eq!(norway.len(), 1, "{kinds:?}");
    assert_eq!(norway[0].volumes.len(), 1);
    assert_eq!(norway[0].volumes[0].measure, "exports of salmon");
}

#[test]
fn a_visit_sentence_is_a_tie_only() {
    let ties = ties_of(
        "Prime Minister Jonas Berg's visit to Washington ended with $2 billion in contracts.",
        &[("Jonas Berg", "Norway"), ("Washington", "United States")],
    );
    assert_eq!(ties.len(), 1, "{ties:?}");
    assert_eq!(ties[0].kind, TieKind::Visit);
    let net = build_network(&build_ledger(&[], &[]), &[], &ties, &[]);
    assert_eq!(net.flows.len(), 1);
    assert_eq!(net.flows[0].kind, FlowKind::Political);
    assert_eq!(
        net.flows[0].ties[0].span, ties[0].span,
        "cites its sentence"
    );
}

#[test]
fn an_exchange_gives_flows_both_ways_citing_the_sentence() {
    let sentence = "Pyongyang has sent artillery shells to Moscow in exchange for food, oil and \
                    technology, officials said.";
    let ties = ties_of(
        sentence,
        &[("Pyongyang", "North Korea"), ("Moscow", "Russia")],
    );
    let supply: Vec<_> = ties.iter().filter(|t| t.kind == TieKind::Supply).collect();
    assert_eq!(supply.len(), 2, "{ties:?}");
    let net = build_network(&build_ledger(&[], &[]), &[], &ties, &[]);
    let mut flows: Vec<(String, String, FlowKind)> = net
        .flows
        .iter()
        .map(|f| (f.from.clone(), f.to.clone(), f.kind))
        .collect();
    flows.sort();
    assert_eq!(
        flows,
        [
            ("North Korea".into(), "Russia".into(), FlowKind::Arms),
            ("Russia".into(), "North Korea".into(), FlowKind::Energy),
            ("Russia".into(), "North Korea".into(), FlowKind::Food),
            ("Russia".into(), "North Korea".into(), FlowKind::Technology),
        ]
    );
    for f in &net.flows {
        assert!(f.volumes.is_empty(), "no figure was stated");
        assert!(!f.symmetric);
        assert_eq!(f.ties.len(), 1);
        assert_eq!(
            f.ties[0].span,
            Span::new(0, sentence.len()),
            "cites its sentence"
        );
        assert_eq!(f.sources, 1);
    }
    // Supply ties survive the store's JSON, and ties stored before they had goods still read.
    let json = serde_json::to_string(&ties).expect("ties to JSON");
    let back: Vec<PoliticalTie> = serde_json::from_str(&json).expect("ties from JSON");
    assert_eq!(back, ties);
    let old =
        r#"[{"from":"Russia","to":"China","kind":"Visit","doc":"d","span":{"start":0,"end":9}}]"#;
    let old: Vec<PoliticalTie> = serde_json::from_str(old).expect("old ties");
    assert_eq!(old[0].goods, None);
}

#[test]
fn a_figured_side_and_a_return_side_share_the_flow_by_kind() {
    // The shells carry a figure (a claim); the return side has none.
    let claims = vec![claim(&C {
        doc: "d",
        text: "6,700 containers",
        value: 6700.0,
        kind: QuantityKind::Count,
        unit: Some("container"),
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure: "shipments of containers",
        ..BASE
    })];
    let ties = ties_of(
        "North Korea shipped 6,700 containers of shells to Russia in return for oil.",
        &[("North Korea", "North Korea"), ("Russia", "Russia")],
    );
    let net = build_network(&build_ledger(&claims, &[doc("d")]), &claims, &ties, &[]);
    let arms = net
        .flows
        .iter()
        .find(|f| f.from == "North Korea" && f.kind == FlowKind::Arms)
        .expect("the shells");
    assert_eq!(arms.volumes.len(), 1, "the figure stays on the flow");
    let oil = net
        .flows
        .iter()
        .find(|f| f.from == "Russia" && f.to == "North Korea")
        .expect("the oil back");
    assert_eq!(oil.kind, FlowKind::Energy);
    assert!(oil.volumes.is_empty());
}
