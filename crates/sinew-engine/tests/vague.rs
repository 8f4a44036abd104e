//! A figure no source gives a number ("thousands of workers") is never shown as one: the
//! ledger group's consensus keeps the sources' words (`Consensus::vague`), and the network,
//! its flows' headline and the briefing's network lines quote them; a precise statement beside
//! a vague one gives the number. A count of abstract things between two actors ("poses
//! several risks") is no flow of goods. Sentences written for these tests.

use sinew_engine::{BriefingConfig, Engine};

use crate::common::{ingest, memory_engine};

fn engine_over(docs: &[(&str, &str, &str)]) -> (Engine, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    for (name, published, text) in docs {
        std::fs::write(
            tmp.path().join(name),
            format!("Published {published}\n\n{text}\n"),
        )
        .unwrap();
    }
    let engine = memory_engine();
    ingest(&engine, &[tmp.path().to_path_buf()]);
    (engine, tmp)
}

/// Does `text` hold a digit?
fn has_digit(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

#[test]
fn a_flow_whose_only_figure_is_vague_is_quoted_never_numbered() {
    let (engine, _tmp) = engine_over(&[(
        "a.txt",
        "April 3, 2024",
        "Laos has sent thousands of construction workers to Vietnam, officials in Hanoi said.",
    )]);
    let view = engine.network().expect("network");
    let flows: Vec<_> = view
        .network
        .flows
        .iter()
        .filter(|f| f.from == "Laos" && f.to == "Vietnam")
        .collect();
    assert_eq!(flows.len(), 1, "{:#?}", view.network.flows);
    let v = flows[0].headline().expect("a figure on the flow");
    assert!(v.vague, "{v:?}");
    assert_eq!(v.text, "thousands of construction workers");
    // The ledger group says so too.
    let ledger = engine.ledger(&Default::default()).expect("ledger");
    let g = ledger
        .ledger
        .groups
        .iter()
        .find(|g| g.id == v.group)
        .expect("the flow's group");
    assert_eq!(
        g.consensus.vague.as_deref(),
        Some("thousands of construction workers")
    );
    // The briefing's network line quotes the words and writes no number for the flow.
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let lines: Vec<&str> = b
        .network
        .iter()
        .map(|s| s.text.as_str())
        .filter(|t| t.contains("Laos") && t.contains("Vietnam"))
        .collect();
    assert_eq!(lines.len(), 1, "{:#?}", b.network);
    let head = lines[0].split(" (single)").next().unwrap_or(lines[0]);
    assert!(
        head.contains("“thousands of construction workers”") && !has_digit(head),
        "{}",
        lines[0]
    );
}

#[test]
fn a_precise_statement_beside_a_vague_one_gives_the_number() {
    let (engine, _tmp) = engine_over(&[
        (
            "a.txt",
            "May 6, 2024",
            "Peru exported thousands of tractors to Chile in 2023, the farm ministry said.",
        ),
        (
            "b.txt",
            "May 9, 2024",
            "Peru exported 9,500 tractors to Chile in 2023, customs records show.",
        ),
    ]);
    let view = engine.network().expect("network");
    let flow = view
        .network
        .flows
        .iter()
        .find(|f| f.from == "Peru" && f.to == "Chile")
        .unwrap_or_else(|| panic!("{:#?}", view.network.flows));
    let v = flow.headline().expect("a figure");
    assert!(!v.vague, "{v:?}");
    assert_eq!(v.value, Some(9_500.0), "{v:?}");
    assert_eq!(v.text, "9,500 tractors");
    let ledger = engine.ledger(&Default::default()).expect("ledger");
    let g = ledger
        .ledger
        .groups
        .iter()
        .find(|g| g.id == v.group)
        .expect("the flow's group");
    assert_eq!(g.consensus.vague, None);
    assert_eq!(
        g.claims.len(),
        2,
        "the vague statement is in the group: {g:#?}"
    );
}

#[test]
fn a_count_of_abstract_things_between_two_actors_is_no_flow() {
    let (engine, _tmp) = engine_over(&[
        (
            "a.txt",
            "June 1, 2024",
            "The deepening partnership between Norway and Iceland poses several risks, \
             analysts said.",
        ),
        (
            "b.txt",
            "June 2, 2024",
            "Norway faces dozens of lawsuits from Iceland over fishing quotas, its foreign \
             ministry said.",
        ),
    ]);
    // The figures are read and kept in the ledger...
    let ledger = engine.ledger(&Default::default()).expect("ledger");
    let measures: Vec<&str> = ledger
        .ledger
        .groups
        .iter()
        .map(|g| g.measure.as_str())
        .collect();
    assert!(
        measures.contains(&"risks") && measures.contains(&"lawsuits"),
        "{measures:?}"
    );
    // ...but nothing moves: no goods flow between the two.
    let view = engine.network().expect("network");
    let goods: Vec<_> = view
        .network
        .flows
        .iter()
        .filter(|f| f.kind != sinew_engine::FlowKind::Political)
        .filter(|f| {
            [f.from.as_str(), f.to.as_str()].contains(&"Norway")
                && [f.from.as_str(), f.to.as_str()].contains(&"Iceland")
        })
        .collect();
    assert!(goods.is_empty(), "{goods:#?}");
}
