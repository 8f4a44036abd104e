//! Which figures of one actor, or of one page with no actor, are different parts of a
//! quantity: places, products and segments named after the measure's prepositions or before
//! its noun, compared as sets; and figures that name no actor, which are one figure only at
//! the same amount to the precision written.

use sinew_analysis::{group_figures, FigureGroup};
use sinew_types::{Claim, QuantityKind, TimeKind};

use crate::{claim, BASE, C};

const YEAR_2024: Option<(TimeKind, &str, &str)> =
    Some((TimeKind::Point, "2024-01-01", "2024-12-31"));

/// A claim of `doc` in its own sentence number `n`.
fn at(doc: &'static str, n: usize, c: C) -> Claim {
    claim(&C {
        doc,
        at: n * 1000 + 10,
        sentence: n,
        ..c
    })
}

/// A count of bakeries or stores of one company.
fn units(
    doc: &'static str,
    n: usize,
    text: &'static str,
    value: f64,
    measure: &'static str,
) -> Claim {
    at(
        doc,
        n,
        C {
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some("unit"),
            subject: Some("Paris Baguette"),
            measure,
            ..BASE
        },
    )
}

/// A money figure of one company in 2024.
fn sales(
    doc: &'static str,
    n: usize,
    text: &'static str,
    value: f64,
    measure: &'static str,
) -> Claim {
    at(
        doc,
        n,
        C {
            text,
            value,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: Some("Apple"),
            measure,
            time: YEAR_2024,
            ..BASE
        },
    )
}

/// A percentage or price that names no actor, as business pages print them.
fn bare(
    doc: &'static str,
    n: usize,
    text: &'static str,
    value: f64,
    measure: &'static str,
    time: Option<(TimeKind, &'static str, &'static str)>,
) -> Claim {
    let money = text.starts_with('$');
    at(
        doc,
        n,
        C {
            text,
            value,
            kind: if money {
                QuantityKind::Money
            } else {
                QuantityKind::Percent
            },
            unit: Some(if money { "USD" } else { "percent" }),
            measure,
            time,
            ..BASE
        },
    )
}

/// Whether claims `a` and `b` (indexes) are in one group.
fn together(groups: &[FigureGroup], a: usize, b: usize) -> bool {
    groups
        .iter()
        .any(|g| g.members.contains(&a) && g.members.contains(&b))
}

#[test]
fn different_places_after_one_preposition_are_different_counts() {
    let claims = vec![
        units("a", 1, "3,600 units", 3600.0, "units in Korea"),
        units("b", 1, "about 500 units", 500.0, "units in China"),
        // Near miss: a count that names no place is not contradicted by one that does.
        units("c", 1, "3,600 bakeries", 3600.0, "units"),
        // Near miss: the same place in other words of the measure.
        units("d", 1, "3,600 units", 3600.0, "stores and units in Korea"),
    ];
    let groups = group_figures(&claims);
    assert!(!together(&groups, 0, 1), "{groups:?}");
    assert!(together(&groups, 0, 2), "{groups:?}");
    assert!(together(&groups, 0, 3), "{groups:?}");
}

#[test]
fn a_count_in_a_named_place_is_a_part_unless_it_states_the_same_amount() {
    let claims = vec![
        units("a", 1, "about 900 units", 900.0, "units in Busan"),
        units("b", 1, "2,400 units", 2400.0, "units"),
        units("c", 1, "1,100 units", 1100.0, "units in Busan"),
        // Near miss: the same amount with no place is the part told again.
        units("d", 1, "900 units", 900.0, "units"),
        // Near miss: a place written in lower case ("in the south") names no part.
        units("e", 1, "2,500 units", 2500.0, "units in the south"),
    ];
    let groups = group_figures(&claims);
    assert!(!together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 2, 1), "{groups:?}");
    assert!(together(&groups, 0, 2), "{groups:?}");
    assert!(together(&groups, 0, 3), "{groups:?}");
    assert!(together(&groups, 1, 4), "{groups:?}");
}

#[test]
fn different_products_or_segments_are_different_figures_even_at_one_amount() {
    let claims = vec![
        sales("a", 1, "$200 billion", 200e9, "sales of iPhones in China"),
        sales("b", 1, "$200 billion", 200e9, "sales of Macs in China"),
        // Noun modifiers are compared as sets too.
        sales("c", 1, "$30 billion", 30e9, "iPhone revenue in Europe"),
        sales("d", 1, "$30 billion", 30e9, "Mac revenue in Europe"),
        // Near miss: a complement that shares its product is the same figure.
        sales("e", 1, "$200.1 billion", 200.1e9, "sales of iPhones"),
    ];
    let groups = group_figures(&claims);
    assert!(!together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 2, 3), "{groups:?}");
    assert!(together(&groups, 0, 4), "{groups:?}");
}

#[test]
fn crude_oil_and_oil_share_their_product() {
    let oil = |doc, text, value, measure| {
        at(
            doc,
            1,
            C {
                text,
                value,
                kind: QuantityKind::Money,
                unit: Some("USD"),
                subject: Some("Russia"),
                object: Some("India"),
                measure,
                time: YEAR_2024,
                ..BASE
            },
        )
    };
    let claims = vec![
        oil("a", "$50 billion", 50e9, "exports of crude oil"),
        oil("b", "$52 billion", 52e9, "exports of oil"),
        oil("c", "$9 billion", 9e9, "exports of coal"),
    ];
    let groups = group_figures(&claims);
    assert!(together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 0, 2), "{groups:?}");
}

#[test]
fn figures_without_actors_on_one_page_join_only_at_the_same_amount() {
    let claims = vec![
        // A table of market shares whose companies extraction did not read: ten figures.
        bare("p", 1, "12.89%", 12.89, "market share", None),
        bare("p", 2, "6.15%", 6.15, "market share", None),
        bare("p", 3, "3.92%", 3.92, "market share", None),
        bare("p", 4, "3.88%", 3.88, "market share", None),
        // Two prices a page lists: close, but written to the cent.
        bare("p", 5, "$395.00", 395.0, "value", None),
        bare("p", 6, "$390.00", 390.0, "value", None),
        // One figure said twice, the second time rounded and with a measure that tells
        // nothing.
        bare(
            "p",
            7,
            "$679.2 billion",
            679.2e9,
            "cloud spending",
            YEAR_2024,
        ),
        bare("p", 8, "$679 billion", 679e9, "value", YEAR_2024),
        // Near miss: the same amount, measures that tell two things apart.
        bare(
            "p",
            9,
            "45%",
            45.0,
            "share of students working full time",
            None,
        ),
        bare(
            "p",
            10,
            "45%",
            45.0,
            "share of graduates seeking a certificate",
            None,
        ),
    ];
    let groups = group_figures(&claims);
    for (a, b) in [(0, 1), (2, 3), (4, 5), (8, 9)] {
        assert!(!together(&groups, a, b), "{a} {b}: {groups:?}");
    }
    assert!(together(&groups, 6, 7), "{groups:?}");
}

#[test]
fn figures_without_actors_across_pages_need_words_dates_and_the_amount() {
    let claims = vec![
        bare("a", 1, "3.4%", 3.4, "annual inflation rate", YEAR_2024),
        bare(
            "b",
            1,
            "3.4 percent",
            3.4,
            "annual inflation rate",
            YEAR_2024,
        ),
        // Near miss: another amount for the same words; with no actor nothing says it is the
        // same economy's rate, so no conflict is made up.
        bare("c", 1, "2.9%", 2.9, "annual inflation rate", YEAR_2024),
        // Near miss: the same amount and words, but no date on one page.
        bare("d", 1, "3.4%", 3.4, "annual inflation rate", None),
    ];
    let groups = group_figures(&claims);
    assert!(together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 0, 2), "{groups:?}");
    assert!(!together(&groups, 0, 3), "{groups:?}");
}

#[test]
fn people_an_actor_counts_are_its_workers() {
    // "Vantor Dental employs 1,800 people in Leeds." ... "Vantor Dental | 1,800" (employees)
    let staff = |n: usize, text: &'static str, value: f64, unit: &'static str| {
        at(
            "a",
            n,
            C {
                text,
                value,
                kind: QuantityKind::Count,
                unit: Some(unit),
                subject: Some("Vantor Dental"),
                measure: unit,
                ..BASE
            },
        )
    };
    let claims = vec![
        staff(1, "1,800 people", 1_800.0, "person"),
        staff(2, "1,800", 1_800.0, "employee"),
        staff(3, "250 dentists", 250.0, "dentist"),
    ];
    let groups = group_figures(&claims);
    assert!(together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 0, 2), "{groups:?}");
}

#[test]
fn different_goods_between_one_pair_in_one_year_are_different_figures() {
    // "Norway sold 7,000 tonnes of salmon to Iceland in 2023" and "... 5,000 tonnes of
    // herring ...": two flows, not one figure the sources disagree on
    let fish = |doc, text, value, measure| {
        let mut c = at(
            doc,
            1,
            C {
                text,
                value,
                kind: QuantityKind::Measure,
                unit: Some("t"),
                subject: Some("Norway"),
                object: Some("Iceland"),
                measure,
                time: YEAR_2024,
                ..BASE
            },
        );
        c.kind = sinew_types::MeasureKind::Flow;
        c
    };
    let claims = vec![
        fish("a", "7,000 tonnes", 7000.0, "sales of salmon"),
        fish("b", "5,000 tonnes", 5000.0, "sales of herring"),
        // near-miss: the same goods in other words are one figure
        fish("c", "7,100 tonnes", 7100.0, "shipments of salmon"),
        // "-ing" nouns name goods too
        fish("d", "2,000 tonnes", 2000.0, "sales of clothing"),
    ];
    let groups = group_figures(&claims);
    assert!(!together(&groups, 0, 1), "{groups:?}");
    assert!(together(&groups, 0, 2), "{groups:?}");
    assert!(!together(&groups, 1, 3), "{groups:?}");
}

#[test]
fn an_aim_or_a_bound_is_another_figure_than_the_amount() {
    // "Gabon and Togo set a goal of $5 billion in trade", "trade between them reached $3.1
    // billion": a goal reached or missed, not two sources disagreeing on the trade
    let money = |doc, text, value, measure, kind| {
        let mut c = at(
            doc,
            1,
            C {
                text,
                value,
                kind: QuantityKind::Money,
                unit: Some("USD"),
                subject: Some("Gabon"),
                object: Some("Togo"),
                measure,
                time: YEAR_2024,
                ..BASE
            },
        );
        c.kind = kind;
        c
    };
    use sinew_types::MeasureKind::{Flow, Other};
    let claims = vec![
        money("a", "$5 billion", 5e9, "trade goal", Other),
        money(
            "b",
            "$3.1 billion",
            3.1e9,
            "trade between Gabon and Togo",
            Flow,
        ),
        money("c", "$6 billion", 6e9, "target for bilateral trade", Other),
        // near-miss: goals of one pair and year, worded apart, are one figure
        money("d", "$5 billion", 5e9, "goal for trade", Other),
    ];
    let groups = group_figures(&claims);
    assert!(!together(&groups, 0, 1), "{groups:?}");
    assert!(!together(&groups, 1, 2), "{groups:?}");
    assert!(together(&groups, 0, 3), "{groups:?}");
}
