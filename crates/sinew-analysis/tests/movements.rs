//! One movement named many ways: sales, shipments, exports, deliveries and supplies of goods
//! from one actor to another are one flow, as imports and purchases are from the buyer's end;
//! a hyphenated compound ("machine-tool sales") and its "of" form ("sales of machine tools")
//! are one measure.

use sinew_analysis::build_ledger;
use sinew_types::QuantityKind;

use crate::concepts::{docs, group, YEAR_2023};
use crate::{claim, BASE, C};

/// A money figure for 2023 between `subject` and `object`.
fn figure(
    doc: &'static str,
    value: f64,
    measure: &'static str,
    subject: &'static str,
    object: &'static str,
) -> sinew_types::Claim {
    claim(&C {
        doc,
        text: "$1.2 billion",
        value,
        kind: QuantityKind::Money,
        unit: Some("USD"),
        subject: Some(subject),
        object: Some(object),
        measure,
        time: YEAR_2023,
        ..BASE
    })
}

#[test]
fn sales_shipments_and_exports_of_one_good_are_one_flow() {
    let claims = vec![
        figure("a", 1.2e9, "machine-tool sales", "Atlantis", "Borduria"),
        figure(
            "b",
            1.2e9,
            "shipments of machine tools",
            "Atlantis",
            "Borduria",
        ),
        figure(
            "c",
            1.21e9,
            "exports of machine tools",
            "Atlantis",
            "Borduria",
        ),
        figure(
            "d",
            1.2e9,
            "deliveries of machine tools",
            "Atlantis",
            "Borduria",
        ),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c", "d"]));
    let sales = group(&ledger, &claims, "a", "$1.2 billion");
    assert_eq!(sales.claims.len(), 4, "{}", sales.explanation);
}

#[test]
fn imports_and_purchases_are_one_flow_and_not_the_sellers_sales() {
    let claims = vec![
        figure("a", 7e9, "imports of turbines", "Borduria", "Atlantis"),
        figure("b", 7e9, "purchases of turbines", "Borduria", "Atlantis"),
        figure("c", 7e9, "turbine sales", "Atlantis", "Borduria"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let imports = group(&ledger, &claims, "a", "$1.2 billion");
    assert_eq!(imports.claims.len(), 2, "{}", imports.explanation);
    let sales = group(&ledger, &claims, "c", "$1.2 billion");
    assert_ne!(
        sales.id, imports.id,
        "the seller's sales are another way round"
    );
}

#[test]
fn a_compound_names_other_goods_than_another_compound() {
    // Sales of machine tools and sales of machine parts are two figures, whatever the form.
    let claims = vec![
        figure("a", 1.2e9, "machine-tool sales", "Atlantis", "Borduria"),
        figure("b", 1.2e9, "sales of machine parts", "Atlantis", "Borduria"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    assert_eq!(ledger.groups.len(), 2, "{:?}", ledger.groups);
}

#[test]
fn a_companys_sales_with_no_buyer_are_not_its_shipments() {
    // "Sales of the phone reached 5 million units; shipments to retailers were 5 million."
    let mut sales = figure("a", 5e6, "phone sales", "Atlantis", "Borduria");
    let mut shipments = figure("b", 5e6, "phone shipments", "Atlantis", "Borduria");
    for c in [&mut sales, &mut shipments] {
        c.object = None;
    }
    let claims = vec![sales, shipments];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    assert_eq!(ledger.groups.len(), 2, "{:?}", ledger.groups);
}
