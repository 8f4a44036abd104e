//! The network and what-if over the hand-built seed claims.

use sinew_analysis::{build_ledger, build_network, what_if, Cut, FlowKind, Network, SourceDoc};
use sinew_types::DocId;

use crate::seed_claims;

fn network() -> (Network, Vec<sinew_types::Claim>) {
    let claims = seed_claims();
    let docs: Vec<SourceDoc> = ["a", "b", "c", "d"]
        .iter()
        .map(|d| SourceDoc {
            id: DocId(d.to_string()),
            name: format!("{d}.txt"),
            published: None,
            duplicate_of: None,
        })
        .collect();
    let ledger = build_ledger(&claims, &docs);
    (build_network(&ledger, &claims, &[], &[]), claims)
}

#[test]
fn flows_carry_their_volumes_over_time() {
    let (net, claims) = network();
    let arms = net
        .flows
        .iter()
        .find(|f| f.from == "North Korea" && f.to == "Russia" && f.kind == FlowKind::Arms)
        .expect("North Korea -> Russia arms");
    assert!(!arms.symmetric);
    let containers = arms
        .volumes
        .iter()
        .find(|v| v.unit.as_deref() == Some("container"))
        .expect("containers");
    assert_eq!(containers.value, Some(11_000.0));
    assert!(arms
        .claims
        .iter()
        .all(|&i| claims[i].subject.as_deref() == Some("North Korea")));

    let trade = net
        .flows
        .iter()
        .find(|f| f.kind == FlowKind::Trade && f.volumes.len() >= 2)
        .expect("China-Russia trade");
    assert!(trade.symmetric);
    assert_eq!(trade.from, "China");
    let years: Vec<i32> = trade
        .volumes
        .iter()
        .filter_map(|v| v.period.map(|p| chrono::Datelike::year(&p.0)))
        .collect();
    assert_eq!(years, vec![2021, 2023], "earliest first");

    // Every flow's actors are nodes.
    for f in &net.flows {
        for end in [&f.from, &f.to] {
            assert!(
                net.actors.iter().any(|a| &a.name == end),
                "{end} has no node"
            );
        }
    }
}

#[test]
fn cutting_a_flow_lists_the_dependencies_that_fall_below_the_threshold() {
    let (net, claims) = network();
    let high_priority = net
        .dependencies
        .iter()
        .find(|d| d.goods.contains("high priority"))
        .expect("the high-priority dependency");
    assert_eq!(
        (
            high_priority.supplier.as_str(),
            high_priority.dependent.as_str()
        ),
        ("China", "Russia")
    );
    assert_eq!(high_priority.share, 90.0);
    assert_eq!(high_priority.kind, FlowKind::DualUse);

    let cut = Cut {
        from: "china".into(),
        to: "Russia".into(),
        kind: None,
        factor: 0.0,
    };
    let w = what_if(&net, &cut, 50.0);
    let below: Vec<&str> = w.below().map(|a| a.dependency.goods.as_str()).collect();
    assert!(
        below.iter().any(|g| g.contains("high priority")),
        "{below:?}"
    );
    let hit = w
        .below()
        .find(|a| a.dependency.goods.contains("high priority"))
        .unwrap();
    assert!((hit.supply_left - 10.0).abs() < 1e-9);
    assert!(
        hit.explanation.contains("below the 50% threshold"),
        "{}",
        hit.explanation
    );
    assert!(hit
        .dependency
        .claims
        .iter()
        .all(|&i| claims[i].quantity.unit.as_deref() == Some("percent")));
    assert!(!w.flows.is_empty());

    // Scaled to 90%, China's 90% share leaves 91% of supply: nothing falls below half.
    let w = what_if(
        &net,
        &Cut {
            factor: 0.9,
            ..cut.clone()
        },
        50.0,
    );
    assert_eq!(w.below().count(), 0);
    // Another kind of flow touches no dependency on dual-use goods.
    let w = what_if(
        &net,
        &Cut {
            kind: Some(FlowKind::Energy),
            ..cut
        },
        50.0,
    );
    assert!(w.affected.is_empty() && w.flows.is_empty());
}
