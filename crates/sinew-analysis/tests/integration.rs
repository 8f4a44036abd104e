//! Figure grouping over hand-built claims modelled on the seed articles.

mod alerts;
mod concepts;
mod figures;
mod incremental;
mod ledger;
mod movements;
mod naming;
mod network;
mod network_ties;
mod properties;
mod scopes;
mod synth;

use chrono::NaiveDate;
use sinew_analysis::{group_figures, FigureGroup};
use sinew_types::{
    Claim, DocId, Grain, Modality, Quantity, QuantityKind, Span, TimeExpr, TimeKind,
};

/// A compact description of one claim for the tables below.
pub(crate) struct C {
    pub(crate) doc: &'static str,
    /// Position of the figure; claims with the same `sentence` share a sentence.
    pub(crate) at: usize,
    pub(crate) sentence: usize,
    pub(crate) text: &'static str,
    pub(crate) value: f64,
    pub(crate) kind: QuantityKind,
    pub(crate) unit: Option<&'static str>,
    pub(crate) per: Option<&'static str>,
    pub(crate) subject: Option<&'static str>,
    pub(crate) object: Option<&'static str>,
    pub(crate) measure: &'static str,
    pub(crate) time: Option<(TimeKind, &'static str, &'static str)>,
}

pub(crate) const BASE: C = C {
    doc: "a",
    at: 0,
    sentence: 0,
    text: "",
    value: 0.0,
    kind: QuantityKind::Number,
    unit: None,
    per: None,
    subject: None,
    object: None,
    measure: "",
    time: None,
};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

pub(crate) fn claim(c: &C) -> Claim {
    let span = Span::new(c.at, c.at + c.text.len());
    Claim {
        doc: DocId(c.doc.to_string()),
        span,
        sentence: Span::new(c.sentence * 1000, c.sentence * 1000 + 999),
        quantity: Quantity {
            span,
            text: c.text.to_string(),
            value: c.value,
            value_max: None,
            unit: c.unit.map(str::to_string),
            kind: c.kind,
            qualifier: None,
            per: c.per.map(str::to_string),
            vague: false,
        },
        subject: c.subject.map(str::to_string),
        object: c.object.map(str::to_string),
        measure: c.measure.to_string(),
        time: c.time.map(|(kind, start, end)| TimeExpr {
            span: Span::new(c.at + 100, c.at + 110),
            text: start.to_string(),
            start_date: Some(date(start)),
            end_date: Some(date(end)),
            grain: Grain::Month,
            kind,
            timex: None,
        }),
        attribution: None,
        modality: Modality::Asserted,
        kind: sinew_types::MeasureKind::Other,
        restates: None,
        inferred: None,
        changed_to: None,
    }
}

/// The seed figures: containers, trade, dual-use exports (monthly and peak), rounds.
pub(crate) fn seed_claims() -> Vec<Claim> {
    let nk = Some("North Korea");
    let ru = Some("Russia");
    let cn = Some("China");
    let container = C {
        kind: QuantityKind::Count,
        unit: Some("container"),
        subject: nk,
        object: ru,
        ..BASE
    };
    let trade = C {
        kind: QuantityKind::Money,
        unit: Some("USD"),
        subject: cn,
        object: ru,
        measure: "bilateral trade",
        ..BASE
    };
    let year_2023 = Some((TimeKind::Point, "2023-01-01", "2023-12-31"));
    [
        // 0..=3 containers: one group across three documents
        C {
            doc: "a",
            at: 3000,
            sentence: 3,
            text: "approximately 6,700 containers",
            value: 6700.0,
            measure: "containers shipped",
            time: Some((TimeKind::Since, "2023-08-01", "2023-08-31")),
            ..container
        },
        C {
            doc: "a",
            at: 4000,
            sentence: 4,
            text: "over 10,000 containers",
            value: 10000.0,
            measure: "containers of munitions delivered",
            time: Some((TimeKind::Since, "2023-09-01", "2023-09-30")),
            ..container
        },
        C {
            doc: "b",
            at: 500,
            sentence: 0,
            text: "more than 11,000 containers",
            value: 11000.0,
            measure: "containers of ammunition transferred",
            ..container
        },
        C {
            doc: "c",
            at: 700,
            sentence: 0,
            text: "over 11,000 containers",
            value: 11000.0,
            measure: "containers",
            ..container
        },
        // 4..=6 trade in 2023: one group across three documents
        C {
            doc: "b",
            at: 9000,
            sentence: 9,
            text: "$240 billion",
            value: 240e9,
            time: year_2023,
            ..trade
        },
        C {
            doc: "d",
            at: 100,
            sentence: 0,
            text: "$240.1 billion",
            value: 240.1e9,
            measure: "bilateral trade",
            time: year_2023,
            ..trade
        },
        C {
            doc: "d",
            at: 5000,
            sentence: 5,
            text: "$241 billion",
            value: 241e9,
            measure: "total trade turnover",
            time: year_2023,
            ..trade
        },
        // 7 trade in 2021: same sentence as 6 in a real article, different year: its own group
        C {
            doc: "d",
            at: 4990,
            sentence: 5,
            text: "$147 billion",
            value: 147e9,
            measure: "total trade turnover",
            time: Some((TimeKind::Point, "2021-01-01", "2021-12-31")),
            ..trade
        },
        // 8, 9 dual-use exports a month, in two documents: one group
        C {
            doc: "a",
            at: 1000,
            sentence: 1,
            text: "over $300 million",
            value: 300e6,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            per: Some("month"),
            subject: cn,
            object: ru,
            measure: "exports of dual-use products",
            ..BASE
        },
        C {
            doc: "b",
            at: 8000,
            sentence: 8,
            text: "300 million dollars a month",
            value: 300e6,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            per: Some("month"),
            subject: cn,
            object: ru,
            measure: "high-priority dual-use exports",
            ..BASE
        },
        // 10, 11 the December peak, in two documents: one group, apart from the monthly rate
        C {
            doc: "a",
            at: 1100,
            sentence: 1,
            text: "over $600 million",
            value: 600e6,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: cn,
            object: ru,
            measure: "peak monthly dual-use exports",
            time: Some((TimeKind::Point, "2023-12-01", "2023-12-31")),
            ..BASE
        },
        C {
            doc: "b",
            at: 7900,
            sentence: 8,
            text: "600 million dollars",
            value: 600e6,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: cn,
            object: ru,
            measure: "peak dual-use exports",
            time: Some((TimeKind::Point, "2023-12-01", "2023-12-31")),
            ..BASE
        },
        // 12, 13 two different figures in one sentence, same unit: two groups
        C {
            doc: "a",
            at: 3100,
            sentence: 3,
            text: "over 3 million rounds",
            value: 3e6,
            kind: QuantityKind::Count,
            unit: Some("round"),
            subject: nk,
            object: ru,
            measure: "rounds",
            ..BASE
        },
        C {
            doc: "a",
            at: 3200,
            sentence: 3,
            text: "more than 500,000 rounds",
            value: 5e5,
            kind: QuantityKind::Count,
            unit: Some("round"),
            subject: nk,
            object: ru,
            measure: "rounds",
            ..BASE
        },
        // 14 euros are not dollars
        C {
            doc: "b",
            at: 7950,
            sentence: 8,
            text: "about 561 million euros",
            value: 561e6,
            kind: QuantityKind::Money,
            unit: Some("EUR"),
            subject: cn,
            object: ru,
            measure: "peak dual-use exports",
            time: Some((TimeKind::Point, "2023-12-01", "2023-12-31")),
            ..BASE
        },
        // 15 an unrelated share of the same pair
        C {
            doc: "a",
            at: 2000,
            sentence: 2,
            text: "Approximately 90%",
            value: 90.0,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject: cn,
            object: ru,
            measure: "share of Russia's imports of G7 high priority items",
            ..BASE
        },
        // 16 a different share, same unit and pair, dissimilar measure
        C {
            doc: "b",
            at: 6000,
            sentence: 6,
            text: "70% of the machine tools",
            value: 70.0,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject: cn,
            object: ru,
            measure: "share of machine tools",
            ..BASE
        },
    ]
    .iter()
    .map(claim)
    .collect()
}

/// The groups as sorted member lists, for comparison independent of group order.
fn partition(groups: &[FigureGroup]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut m = g.members.clone();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seed_figures_group_as_an_analyst_would() {
    let claims = seed_claims();
    let groups = group_figures(&claims);
    let expected: Vec<Vec<usize>> = vec![
        vec![0, 1, 2, 3],
        vec![4, 5, 6],
        vec![7],
        vec![8, 9],
        vec![10, 11],
        vec![12],
        vec![13],
        vec![14],
        vec![15],
        vec![16],
    ];
    assert_eq!(partition(&groups), expected);
    // every claim in exactly one group
    let mut all: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    all.sort_unstable();
    assert_eq!(all, (0..claims.len()).collect::<Vec<_>>());
}

#[test]
fn multi_document_groups_come_first_with_shared_fields() {
    let claims = seed_claims();
    let groups = group_figures(&claims);
    let docs: Vec<usize> = groups.iter().map(|g| g.doc_count(&claims)).collect();
    let mut sorted = docs.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(docs, sorted, "ordered by number of documents");
    let containers = &groups[0];
    assert_eq!(containers.doc_count(&claims), 3);
    assert_eq!(containers.subject.as_deref(), Some("North Korea"));
    assert_eq!(containers.object.as_deref(), Some("Russia"));
    assert_eq!(containers.unit.as_deref(), Some("container"));
    assert_eq!(containers.per, None);
    let trade = groups
        .iter()
        .find(|g| g.members.contains(&4))
        .expect("trade group");
    assert_eq!(
        trade.measure, "bilateral trade",
        "the measure most members use"
    );
    let monthly = groups
        .iter()
        .find(|g| g.members.contains(&8))
        .expect("monthly group");
    assert_eq!(monthly.per.as_deref(), Some("month"));
    // members ordered by document then position
    assert_eq!(containers.members, vec![0, 1, 2, 3]);
}

#[test]
fn result_does_not_depend_on_input_order() {
    let claims = seed_claims();
    let reference = group_figures(&claims);
    let as_claims =
        |groups: &[FigureGroup], claims: &[Claim]| -> Vec<(String, Vec<(String, Span)>)> {
            groups
                .iter()
                .map(|g| {
                    (
                        g.measure.clone(),
                        g.members
                            .iter()
                            .map(|&i| (claims[i].doc.0.clone(), claims[i].span))
                            .collect(),
                    )
                })
                .collect()
        };
    let expected = as_claims(&reference, &claims);
    // a few fixed permutations: reversed, rotated, interleaved
    let n = claims.len();
    let orders: Vec<Vec<usize>> = vec![
        (0..n).rev().collect(),
        (0..n).map(|i| (i + 5) % n).collect(),
        (0..n).step_by(2).chain((1..n).step_by(2)).collect(),
    ];
    for order in orders {
        let shuffled: Vec<Claim> = order.iter().map(|&i| claims[i].clone()).collect();
        assert_eq!(
            as_claims(&group_figures(&shuffled), &shuffled),
            expected,
            "order {order:?}"
        );
    }
}

#[test]
fn edge_cases_do_not_panic() {
    assert!(group_figures(&[]).is_empty());
    let odd = [
        C {
            value: f64::NAN,
            text: "NaN",
            ..BASE
        },
        C {
            value: f64::INFINITY,
            text: "inf",
            at: 10,
            sentence: 1,
            ..BASE
        },
        C {
            value: 0.0,
            text: "zero",
            at: 20,
            sentence: 2,
            measure: "ünïcödé “quoted” — measure",
            ..BASE
        },
        C {
            value: -3.0,
            text: "minus",
            at: 30,
            sentence: 3,
            ..BASE
        },
    ];
    let claims: Vec<Claim> = odd.iter().map(claim).collect();
    let groups = group_figures(&claims);
    let total: usize = groups.iter().map(|g| g.members.len()).sum();
    assert_eq!(total, claims.len());
    // the same claim twice (re-ingested) is one figure, not two
    let twice = vec![claims[3].clone(), claims[3].clone()];
    assert_eq!(group_figures(&twice).len(), 1);
}

#[test]
fn many_claims_in_one_bucket_all_land_in_a_group() {
    // 2,000 claims with the same key and measure but values spread over many orders of
    // magnitude: the grouping must still put every claim somewhere.
    let claims: Vec<Claim> = (0..2000)
        .map(|i| {
            claim(&C {
                doc: "big",
                at: i * 10,
                sentence: i,
                text: "x",
                value: 1.5f64.powi((i % 60) as i32),
                kind: QuantityKind::Money,
                unit: Some("USD"),
                measure: "trade",
                ..BASE
            })
        })
        .collect();
    let groups = group_figures(&claims);
    assert_eq!(groups.iter().map(|g| g.members.len()).sum::<usize>(), 2000);
}
