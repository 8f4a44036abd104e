//! The network and what-if over the hand-built seed claims.

use sinew_analysis::{
    build_ledger, build_network, build_network_by_state, what_if, ActorInfo, Cut, FlowKind,
    Network, SourceDoc,
};
use sinew_types::{DocId, EntityType, QuantityKind};

use crate::{claim, seed_claims, BASE, C};

fn network() -> (Network, Vec<sinew_types::Claim>) {
    let claims = seed_claims();
    let docs: Vec<SourceDoc> = ["a", "b", "c", "d"]
        .iter()
        .map(|d| SourceDoc {
            id: DocId(d.to_string()),
            name: format!("{d}.txt"),
            published: None,
            duplicate_of: None,
            kind: Default::default(),
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

fn docs(names: &[&str]) -> Vec<SourceDoc> {
    names
        .iter()
        .map(|d| SourceDoc {
            id: DocId(d.to_string()),
            name: format!("{d}.txt"),
            published: None,
            duplicate_of: None,
            kind: Default::default(),
        })
        .collect()
}

#[test]
fn companies_and_people_roll_up_to_their_states() {
    let shells = C {
        kind: QuantityKind::Count,
        unit: Some("shell"),
        measure: "artillery shells shipped",
        ..BASE
    };
    let claims: Vec<_> = [
        // A state enterprise's shipments and its state's are one flow between states.
        C {
            doc: "a",
            text: "12,000 shells",
            value: 12_000.0,
            subject: Some("Zarubezhneft Arms"),
            object: Some("Iran"),
            ..shells
        },
        C {
            doc: "b",
            at: 2000,
            sentence: 2,
            text: "90,000 shells",
            value: 90_000.0,
            subject: Some("Russia"),
            object: Some("Iran"),
            ..shells
        },
        // A flow from an enterprise to its own state is inside one state.
        C {
            doc: "c",
            at: 4000,
            sentence: 4,
            text: "5,000 shells",
            value: 5_000.0,
            subject: Some("Zarubezhneft Arms"),
            object: Some("Russia"),
            ..shells
        },
        // A person whose state is unknown stays themselves.
        C {
            doc: "d",
            at: 6000,
            sentence: 6,
            text: "700 shells",
            value: 700.0,
            subject: Some("Oleg Tarasov"),
            object: Some("Iran"),
            ..shells
        },
    ]
    .iter()
    .map(claim)
    .collect();
    let actors = [
        ActorInfo {
            name: "Zarubezhneft Arms".into(),
            entity_type: EntityType::StateEnterprise,
            country: Some("Russia".into()),
        },
        ActorInfo {
            name: "Oleg Tarasov".into(),
            entity_type: EntityType::Person,
            country: None,
        },
        ActorInfo {
            name: "Russia".into(),
            entity_type: EntityType::Country,
            country: Some("Russia".into()),
        },
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c", "d"]));

    // By entity: the enterprise is a node of its own, with its state.
    let fine = build_network(&ledger, &claims, &[], &actors);
    let node = fine
        .actors
        .iter()
        .find(|a| a.name == "Zarubezhneft Arms")
        .expect("enterprise node");
    assert_eq!(node.country.as_deref(), Some("Russia"));
    assert_eq!(node.entity_type, EntityType::StateEnterprise);
    assert!(fine
        .flows
        .iter()
        .any(|f| f.from == "Zarubezhneft Arms" && f.to == "Russia"));

    // By state: one Russia -> Iran flow carrying both figures, from both sources.
    let states = build_network_by_state(&ledger, &claims, &[], &actors);
    let ru_ir: Vec<_> = states
        .flows
        .iter()
        .filter(|f| f.from == "Russia" && f.to == "Iran")
        .collect();
    assert_eq!(ru_ir.len(), 1, "{:#?}", states.flows);
    let mut values: Vec<f64> = ru_ir[0].volumes.iter().filter_map(|v| v.value).collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [12_000.0, 90_000.0]);
    assert_eq!(ru_ir[0].sources, 2);
    assert_eq!(ru_ir[0].claims, [0, 1]);
    // Nothing flows from Russia to itself, and no enterprise node is left.
    assert!(states.flows.iter().all(|f| f.from != f.to));
    assert!(states.actors.iter().all(|a| a.name != "Zarubezhneft Arms"));
    let russia = states
        .actors
        .iter()
        .find(|a| a.name == "Russia")
        .expect("Russia");
    assert_eq!(russia.claims, 4, "Russia named twice, its enterprise twice");
    // A person of no known state is still their own node.
    assert!(states
        .flows
        .iter()
        .any(|f| f.from == "Oleg Tarasov" && f.to == "Iran"));
}

/// Docs `a`.. for hand-built claims, undated, all originals.
fn plain_docs(names: &[&str]) -> Vec<SourceDoc> {
    names
        .iter()
        .map(|d| SourceDoc {
            id: DocId(d.to_string()),
            name: format!("{d}.txt"),
            published: None,
            duplicate_of: None,
            kind: Default::default(),
        })
        .collect()
}

#[test]
fn a_vague_only_flow_carries_the_sources_words_not_a_number() {
    let mut c = claim(&C {
        doc: "a",
        text: "thousands of barrels of crude oil",
        value: 2_000.0,
        kind: QuantityKind::Count,
        unit: Some("barrel"),
        subject: Some("Gabon"),
        object: Some("Togo"),
        measure: "shipments of crude oil",
        ..BASE
    });
    c.quantity.value_max = Some(10_000.0);
    c.quantity.vague = true;
    let claims = vec![c];
    let ledger = build_ledger(&claims, &plain_docs(&["a"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    let flow = net
        .flows
        .iter()
        .find(|f| f.from == "Gabon" && f.to == "Togo")
        .unwrap_or_else(|| panic!("{net:#?}"));
    let v = flow.headline().expect("the figure");
    assert!(v.vague);
    assert_eq!(v.text, "thousands of barrels of crude oil");
}

#[test]
fn a_precise_figure_heads_a_flow_before_a_vague_one() {
    let oil = |doc: &'static str, text: &'static str, value: f64| {
        claim(&C {
            doc,
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some("barrel"),
            subject: Some("Gabon"),
            object: Some("Togo"),
            measure: "shipments of crude oil",
            ..BASE
        })
    };
    let mut vague = oil("a", "thousands of barrels", 2_000.0);
    vague.quantity.value_max = Some(10_000.0);
    vague.quantity.vague = true;
    // Another figure of the same flow, far from the vague range: a group of its own.
    let claims = vec![vague, oil("b", "1.2 million barrels", 1_200_000.0)];
    let ledger = build_ledger(&claims, &plain_docs(&["a", "b"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    let flow = net
        .flows
        .iter()
        .find(|f| f.from == "Gabon" && f.to == "Togo")
        .unwrap_or_else(|| panic!("{net:#?}"));
    assert_eq!(flow.volumes.len(), 2, "{flow:#?}");
    let v = flow.headline().expect("the figure");
    assert!(!v.vague);
    assert_eq!(v.value, Some(1_200_000.0));
}

#[test]
fn a_count_of_abstract_things_with_no_word_of_movement_is_no_flow() {
    // "Gabon's ties with Togo pose several risks", "Gabon faces 12 lawsuits from Togo":
    // nothing moves and no goods are named, vague or precise.
    let mut risks = claim(&C {
        doc: "a",
        text: "several risks",
        value: 3.0,
        kind: QuantityKind::Count,
        unit: Some("risk"),
        subject: Some("Gabon"),
        object: Some("Togo"),
        measure: "risks",
        ..BASE
    });
    risks.quantity.value_max = Some(9.0);
    risks.quantity.vague = true;
    let lawsuits = claim(&C {
        doc: "b",
        text: "12 lawsuits",
        value: 12.0,
        kind: QuantityKind::Count,
        unit: Some("lawsuit"),
        subject: Some("Gabon"),
        object: Some("Togo"),
        measure: "lawsuits",
        ..BASE
    });
    // Near-miss: a count of goods that move keeps its flow.
    let trucks = claim(&C {
        doc: "c",
        text: "400 trucks",
        value: 400.0,
        kind: QuantityKind::Count,
        unit: Some("truck"),
        subject: Some("Gabon"),
        object: Some("Togo"),
        measure: "trucks delivered",
        ..BASE
    });
    let claims = vec![risks, lawsuits, trucks];
    let ledger = build_ledger(&claims, &plain_docs(&["a", "b", "c"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    let texts: Vec<&str> = net
        .flows
        .iter()
        .flat_map(|f| f.volumes.iter().map(|v| v.text.as_str()))
        .collect();
    assert_eq!(texts, ["400 trucks"], "{net:#?}");
    // Near-miss: extraction read a verb of movement ("Gabon donated 300 crates to Togo")
    // though the measure names none: a flow.
    let mut crates = claim(&C {
        doc: "d",
        text: "300 crates",
        value: 300.0,
        kind: QuantityKind::Count,
        unit: Some("crate"),
        subject: Some("Gabon"),
        object: Some("Togo"),
        measure: "crates",
        ..BASE
    });
    crates.kind = sinew_types::MeasureKind::Flow;
    let claims = vec![crates];
    let ledger = build_ledger(&claims, &plain_docs(&["d"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    assert_eq!(net.flows.len(), 1, "{net:#?}");
}

#[test]
fn a_goal_or_a_cap_is_no_volume_of_the_flow() {
    // "Gabon and Togo set a goal of $5 billion in trade for 2026", "a cap of $2 billion on
    // Gabon's sales to Togo in 2026": what was meant or allowed, not what moved. (Each in a
    // year of its own: the ledger keeps figures of different years apart.)
    let money = |doc: &'static str, text: &'static str, value: f64, measure: &'static str, year| {
        let (start, end) = match year {
            2026 => ("2026-01-01", "2026-12-31"),
            2027 => ("2027-01-01", "2027-12-31"),
            _ => ("2024-01-01", "2024-12-31"),
        };
        claim(&C {
            doc,
            text,
            value,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: Some("Gabon"),
            object: Some("Togo"),
            measure,
            time: Some((sinew_types::TimeKind::Point, start, end)),
            ..BASE
        })
    };
    // extraction reads an aim or a bound as kind other, the trade that happened as a flow
    let mut trade = money("c", "$3.1 billion", 3.1e9, "trade", 2024);
    trade.kind = sinew_types::MeasureKind::Flow;
    let claims = vec![
        money("a", "$5 billion", 5e9, "trade goal", 2026),
        money("b", "$2 billion", 2e9, "price cap", 2027),
        // near-miss: the trade that happened is the flow's volume
        trade,
    ];
    let ledger = build_ledger(&claims, &plain_docs(&["a", "b", "c"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    let texts: Vec<&str> = net
        .flows
        .iter()
        .flat_map(|f| f.volumes.iter().map(|v| v.text.as_str()))
        .collect();
    assert_eq!(texts, ["$3.1 billion"], "{net:#?}");
}

#[test]
fn a_share_stated_as_a_fraction_is_a_dependency_in_percent() {
    let mut c = claim(&C {
        doc: "a",
        text: "two-thirds",
        value: 2.0 / 3.0,
        kind: QuantityKind::Fraction,
        subject: Some("Kazakhstan"),
        object: Some("Georgia"),
        measure: "share of Georgia's wheat imports",
        ..BASE
    });
    c.kind = sinew_types::MeasureKind::Share;
    let claims = vec![c];
    let ledger = build_ledger(&claims, &plain_docs(&["a"]));
    let net = build_network(&ledger, &claims, &[], &[]);
    let dep = net
        .dependencies
        .iter()
        .find(|d| d.dependent == "Georgia" && d.supplier == "Kazakhstan")
        .unwrap_or_else(|| panic!("{net:#?}"));
    assert!((dep.share - 200.0 / 3.0).abs() < 1e-6, "{dep:?}");
}
