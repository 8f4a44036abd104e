//! Reconciliation rules on small hand-built cases: rounding and qualifiers, near-duplicates
//! counted once, who contradicts whom, updates that may not shrink.

use chrono::NaiveDate;
use sinew_analysis::{build_ledger, LedgerFilter, SourceDoc, Verdict};
use sinew_types::{Claim, DocId, QuantityKind, TimeKind};

use crate::{claim, BASE, C};

fn doc(id: &str, published: Option<&str>, duplicate_of: Option<&str>) -> SourceDoc {
    SourceDoc {
        id: DocId(id.to_string()),
        name: format!("{id}.txt"),
        published: published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        duplicate_of: duplicate_of.map(|d| DocId(d.to_string())),
        kind: Default::default(),
    }
}

fn count(doc: &'static str, text: &'static str, value: f64, qualifier: Option<&str>) -> Claim {
    let mut c = claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Count,
        unit: Some("container"),
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure: "shipments of containers",
        ..BASE
    });
    c.quantity.qualifier = qualifier.map(str::to_string);
    c
}

fn trade(doc: &'static str, text: &'static str, value: f64, attribution: Option<&str>) -> Claim {
    let mut c = claim(&C {
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
    });
    c.attribution = attribution.map(str::to_string);
    c
}

#[test]
fn over_ten_thousand_and_ten_thousand_four_hundred_agree() {
    let claims = vec![
        count("a", "over 10,000 containers", 10_000.0, Some("over")),
        count("b", "10,400 containers", 10_400.0, None),
    ];
    let docs = [doc("a", None, None), doc("b", None, None)];
    let ledger = build_ledger(&claims, &docs);
    assert_eq!(ledger.groups.len(), 1);
    let g = &ledger.groups[0];
    assert_eq!(g.verdict, Verdict::Agree, "{}", g.explanation);
    assert_eq!(
        g.consensus.value,
        Some(10_400.0),
        "the plain figure is the more precise"
    );
    assert!(
        g.explanation.starts_with("2 sources agree"),
        "{}",
        g.explanation
    );
}

#[test]
fn hedged_figures_that_meet_only_through_their_hedges_name_no_single_consensus() {
    let claims = vec![
        count("a", "roughly 9,000 containers", 9_000.0, Some("roughly")),
        count(
            "b",
            "an estimated 9,800 containers",
            9_800.0,
            Some("an estimated"),
        ),
    ];
    let docs = [doc("a", None, None), doc("b", None, None)];
    let ledger = build_ledger(&claims, &docs);
    assert_eq!(ledger.groups.len(), 1);
    let g = &ledger.groups[0];
    assert_eq!(g.verdict, Verdict::Agree, "{}", g.explanation);
    assert!(
        g.explanation
            .contains("they state 9,000 containers to 9,800 containers"),
        "{}",
        g.explanation
    );
    assert!(!g.explanation.contains("consensus"), "{}", g.explanation);
}

#[test]
fn near_duplicates_count_once_and_majorities_are_of_sources() {
    // Two copies of one wire story say $300 billion; two independent sources say $240 billion.
    let claims = vec![
        trade("wire", "$300 billion", 300e9, None),
        trade("copy", "$300 billion", 300e9, None),
        trade(
            "customs",
            "$240 billion",
            240e9,
            Some("Chinese customs office"),
        ),
        trade("paper", "$240.1 billion", 240.1e9, None),
    ];
    let docs = [
        doc("wire", None, None),
        doc("copy", None, Some("wire")),
        doc("customs", None, None),
        doc("paper", None, None),
    ];
    let ledger = build_ledger(&claims, &docs);
    assert_eq!(ledger.groups.len(), 1);
    let g = &ledger.groups[0];
    assert_eq!(g.verdict, Verdict::Conflict);
    assert_eq!(g.sources, 3, "the copy is not a source of its own");
    assert_eq!(g.consensus.value, None);
    assert_eq!((g.consensus.low, g.consensus.high), (240e9, 300e9));
    assert_eq!(g.attribution.as_deref(), Some("Chinese customs office"));
    let note = |d: &str| {
        &g.claims
            .iter()
            .find(|m| claims[m.claim].doc.0 == d)
            .unwrap()
            .note
    };
    assert!(
        note("customs").starts_with("with the majority (2 sources)"),
        "{}",
        note("customs")
    );
    assert!(
        note("wire").starts_with("contradicts $240.1 billion: 25% higher"),
        "{}",
        note("wire")
    );
    assert!(
        note("copy").contains("near-duplicate of wire.txt"),
        "{}",
        note("copy")
    );
    assert!(g.explanation.contains(" vs "), "{}", g.explanation);
}

#[test]
fn a_running_total_that_shrinks_later_is_a_conflict() {
    let claims = vec![
        count("early", "11,000 containers", 11_000.0, None),
        count("late", "6,700 containers", 6_700.0, None),
    ];
    let grows = [
        doc("early", Some("2024-01-10"), None),
        doc("late", Some("2024-06-10"), None),
    ];
    let g = &build_ledger(&claims, &grows).groups[0];
    assert_eq!(
        g.verdict,
        Verdict::Conflict,
        "later and smaller: {}",
        g.explanation
    );
    let reversed = [
        doc("early", Some("2024-06-10"), None),
        doc("late", Some("2024-01-10"), None),
    ];
    let g = &build_ledger(&claims, &reversed).groups[0];
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert_eq!(g.consensus.value, Some(11_000.0));
    assert!(
        g.explanation
            .contains("6,700 containers (late.txt) → 11,000 containers"),
        "{}",
        g.explanation
    );
}

#[test]
fn filters_select_groups_without_changing_them() {
    let claims = vec![
        trade("a", "$240 billion", 240e9, None),
        count("b", "6,700 containers", 6_700.0, None),
    ];
    let docs = [doc("a", None, None), doc("b", None, None)];
    let ledger = build_ledger(&claims, &docs);
    let keep = |f: LedgerFilter| {
        ledger
            .groups
            .iter()
            .filter(|g| g.matches(&f, &claims))
            .count()
    };
    assert_eq!(keep(LedgerFilter::default()), 2);
    assert_eq!(
        keep(LedgerFilter {
            entity: Some("north korea".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        keep(LedgerFilter {
            measure: Some("containers".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        keep(LedgerFilter {
            measure: Some("trade".into()),
            ..Default::default()
        }),
        1
    );
    let in_2023 = LedgerFilter {
        from: NaiveDate::from_ymd_opt(2023, 6, 1),
        to: NaiveDate::from_ymd_opt(2023, 6, 30),
        ..Default::default()
    };
    assert_eq!(
        keep(in_2023),
        1,
        "the undated count is left out of a time filter"
    );
    assert_eq!(
        keep(LedgerFilter {
            verdict: Some(Verdict::Conflict),
            ..Default::default()
        }),
        0
    );
}

fn wheat_share(doc: &'static str, text: &'static str, value: f64, kind: QuantityKind) -> Claim {
    let mut c = claim(&C {
        doc,
        text,
        value,
        kind,
        unit: (kind == QuantityKind::Percent).then_some("percent"),
        subject: Some("Kazakhstan"),
        object: Some("Georgia"),
        measure: "share of Georgia's wheat imports",
        time: Some((TimeKind::Point, "2025-01-01", "2025-12-31")),
        ..BASE
    });
    c.kind = sinew_types::MeasureKind::Share;
    c
}

#[test]
fn a_fraction_and_the_same_share_in_percent_are_one_figure() {
    let mut third = wheat_share("a", "more than a third", 1.0 / 3.0, QuantityKind::Fraction);
    third.quantity.qualifier = Some("more than".to_string());
    let claims = vec![third, wheat_share("b", "35%", 35.0, QuantityKind::Percent)];
    let docs = [doc("a", None, None), doc("b", None, None)];
    let ledger = build_ledger(&claims, &docs);
    assert_eq!(ledger.groups.len(), 1, "{:#?}", ledger.groups);
    let g = &ledger.groups[0];
    assert_eq!(g.unit.as_deref(), Some("percent"));
    assert_eq!(g.verdict, Verdict::Agree, "{}", g.explanation);
    assert_eq!(g.consensus.value, Some(35.0), "{}", g.explanation);
    assert!(
        g.consensus.low > 33.0 && g.consensus.high < 36.0,
        "read in percent: {:?}",
        g.consensus
    );
    assert!(!g.explanation.contains("0.33"), "{}", g.explanation);
}

#[test]
fn a_fraction_alone_is_a_percentage_in_the_ledger() {
    let claims = vec![wheat_share("a", "two-fifths", 0.4, QuantityKind::Fraction)];
    let ledger = build_ledger(&claims, &[doc("a", None, None)]);
    let g = &ledger.groups[0];
    assert_eq!(g.unit.as_deref(), Some("percent"));
    assert_eq!(g.consensus.value, Some(40.0));
    // The article's words are quoted as written.
    assert_eq!(claims[g.claims[0].claim].quantity.text, "two-fifths");
}

#[test]
fn a_rise_is_claimed_only_where_dates_show_it() {
    let claims = vec![
        count("a", "about 6,000 containers", 6_000.0, Some("about")),
        count(
            "b",
            "more than 9,000 containers",
            9_000.0,
            Some("more than"),
        ),
    ];
    // Dated reports: the later, higher count updates the earlier one.
    let dated = [
        doc("a", Some("2024-02-01"), None),
        doc("b", Some("2024-05-01"), None),
    ];
    let g = &build_ledger(&claims, &dated).groups[0];
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert!(
        g.explanation.contains("grows from report to report"),
        "{}",
        g.explanation
    );
    // Undated reports: the same reading, but the reason does not claim a rise.
    let undated = [doc("a", None, None), doc("b", None, None)];
    let g = &build_ledger(&claims, &undated).groups[0];
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert!(!g.explanation.contains("grows"), "{}", g.explanation);
    assert!(
        g.explanation.contains("2 of them with no date"),
        "{}",
        g.explanation
    );
}
