//! Does the claim eval match, score and pair as its module doc says? Small hand-made gold
//! lines and predicted claims.

use super::*;

fn gold(doc: &str, quote: &str, value: f64, unit: &str, concept: &str) -> Gold {
    Gold {
        set: "t".into(),
        doc: doc.into(),
        quote: quote.into(),
        value: Some(value),
        unit: unit.into(),
        concept: concept.into(),
        ..Gold::default()
    }
}

fn pred(doc: &str, quote: &str, value: f64, unit: &str) -> Predicted {
    Predicted {
        doc: doc.into(),
        quote: quote.into(),
        value,
        unit: Some(unit.into()),
        kind: "other".into(),
        ..Predicted::default()
    }
}

fn names() -> Names {
    Names::from_pairs([("DPRK", "North Korea"), ("US", "United States")].into_iter())
}

#[test]
fn a_line_needs_its_fields_and_a_value_unless_vague() {
    let ok = r#"{"doc":"a.txt","quote":"$5m","value":5000000,"unit":"USD","concept":"x"}"#;
    assert_eq!(parse_line("s", ok).unwrap().value, Some(5e6));
    let vague =
        r#"{"doc":"a.txt","quote":"dozens of ships","vague":true,"unit":"ship","concept":"x"}"#;
    assert!(parse_line("s", vague).unwrap().vague);
    let no_value = r#"{"doc":"a.txt","quote":"5","unit":"number","concept":"x"}"#;
    assert!(format!("{:#}", parse_line("s", no_value).unwrap_err()).contains("value"));
    let no_concept = r#"{"doc":"a.txt","quote":"5","value":5,"unit":"number"}"#;
    assert!(format!("{:#}", parse_line("s", no_concept).unwrap_err()).contains("concept"));
    let bad_kind =
        r#"{"doc":"a.txt","quote":"5","value":5,"unit":"number","concept":"x","kind":"growth"}"#;
    assert!(parse_line("s", bad_kind).is_err());
    assert!(parse_line("s", "{\"doc\":").is_err());
}

#[test]
fn values_match_within_half_a_percent_with_the_same_unit() {
    let g = gold("a", "$240.1 billion", 240.1e9, "USD", "c");
    assert!(compatible(&g, &pred("a", "$240 billion", 240.0e9, "usd")));
    assert!(!compatible(&g, &pred("a", "$230 billion", 230.0e9, "USD")));
    assert!(!compatible(
        &g,
        &pred("a", "240.1 billion", 240.1e9, "number")
    ));
    let mut range = gold("a", "5 to 7 per cent", 5.0, "percent", "c");
    range.value_max = Some(7.0);
    let mut p = pred("a", "5 to 7 per cent", 5.0, "percent");
    assert!(!compatible(&range, &p), "a point does not match a range");
    p.value_max = Some(7.0);
    assert!(compatible(&range, &p));
    let point = gold("a", "5 per cent", 5.0, "percent", "c");
    assert!(!compatible(&point, &p), "a range does not match a point");
    let pp = gold("a", "0.3 percentage points", 0.3, "percentage_point", "c");
    assert!(compatible(
        &pp,
        &pred("a", "0.3 points", 0.3, "percentage point")
    ));
}

#[test]
fn vague_lines_match_only_vague_amounts_of_the_unit() {
    let mut g = gold("a", "thousands of troops", 0.0, "troop", "c");
    g.value = None;
    g.vague = true;
    let mut p = pred("a", "thousands of troops", 1000.0, "troop");
    p.value_max = Some(9999.0);
    assert!(!compatible(&g, &p));
    p.vague = true;
    assert!(compatible(&g, &p));
    p.unit = Some("soldier".into());
    assert!(!compatible(&g, &p));
}

#[test]
fn matching_is_one_to_one_and_prefers_the_same_words() {
    // Two gold lines of the same value; the claim quoting the second's words goes to it.
    let golds = vec![
        gold("a", "100 tanks", 100.0, "tank", "x"),
        gold("a", "about 100 tanks", 100.0, "tank", "y"),
    ];
    let preds = vec![pred("a", "about 100 tanks", 100.0, "tank")];
    assert_eq!(match_all(&golds, &preds), vec![None, Some(0)]);
    // Another document's claim never matches.
    let preds = vec![pred("b", "100 tanks", 100.0, "tank")];
    assert_eq!(match_all(&golds, &preds), vec![None, None]);
    // The same quote twice pairs by place in the document.
    let golds = vec![
        gold("a", "$5", 5.0, "USD", "x"),
        gold("a", "$7", 7.0, "USD", "y"),
        gold("a", "$5", 5.0, "USD", "z"),
    ];
    let preds = vec![
        pred("a", "$5", 5.0, "USD"),
        pred("a", "$7", 7.0, "USD"),
        pred("a", "$5", 5.0, "USD"),
    ];
    assert_eq!(match_all(&golds, &preds), vec![Some(0), Some(1), Some(2)]);
    // A quote a table repeats pairs occurrence by occurrence, however many other figures
    // the claims add between them.
    let golds: Vec<Gold> = ["r1", "r2", "r3"]
        .iter()
        .map(|c| gold("a", "0.00%", 0.0, "percent", c))
        .collect();
    let mut preds = vec![pred("a", "0.00%", 0.0, "percent")];
    for n in 1..6 {
        preds.push(pred("a", "$9", 9.0 + f64::from(n), "USD"));
    }
    preds.push(pred("a", "0.00%", 0.0, "percent"));
    preds.push(pred("a", "0.00%", 0.0, "percent"));
    assert_eq!(match_all(&golds, &preds), vec![Some(0), Some(6), Some(7)]);
}

#[test]
fn recall_precision_roles_time_and_kind_count_as_documented() {
    let mut g1 = gold("a", "6,700 containers", 6700.0, "container", "c1");
    g1.subject = Some("North Korea".into());
    g1.object = Some("Russia".into());
    g1.time = Some("2023".into());
    g1.kind = Some("stock".into());
    let mut g2 = gold("a", "26.3%", 26.3, "percent", "c2");
    g2.subject = Some("the United States".into());
    g2.kind = Some("change".into());
    let g3 = gold("a", "7 ships", 7.0, "ship", "c3");
    let mut p1 = pred("a", "6,700 containers", 6700.0, "container");
    p1.subject = Some("DPRK".into());
    p1.object = Some("Russia".into());
    p1.time = Some("2023".into());
    p1.kind = "flow".into();
    let mut p2 = pred("a", "26.3%", 26.3, "percent");
    p2.subject = Some("US".into());
    p2.object = Some("China".into());
    p2.kind = "change".into();
    let p3 = pred("a", "2023", 2023.0, "number");
    let p4 = pred("b", "9 ships", 9.0, "ship"); // not an annotated document
    let golds = vec![g1, g2, g3];
    let preds = vec![p1, p2, p3, p4];
    let m = match_all(&golds, &preds);
    let s = score(&golds, &preds, &m, &names(), &|_| true);
    assert_eq!(s.docs, 1);
    assert_eq!(s.recall, Ratio(2, 3));
    assert_eq!(s.precision, Ratio(2, 3));
    // The first line's names agree through the aliases; the second has an object too many.
    assert_eq!(s.roles, Ratio(1, 2));
    // The third line names no party and its claim is unmatched: nothing to keep.
    assert_eq!(s.no_party, Ratio(0, 0));
    assert_eq!(s.time, Ratio(1, 1));
    assert_eq!(s.kind, Ratio(1, 2));
}

#[test]
fn pairwise_f1_compares_concepts_with_groups() {
    let golds = vec![
        gold("a", "$240.1 billion", 240.1e9, "USD", "trade-2023"),
        gold("b", "$240 billion", 240e9, "USD", "trade-2023"),
        gold("c", "240 billion dollars", 240e9, "USD", "trade-2023"),
        gold("a", "26.3%", 26.3, "percent", "growth-2023"),
    ];
    let mut preds = vec![
        pred("a", "$240.1 billion", 240.1e9, "USD"),
        pred("b", "$240 billion", 240e9, "USD"),
        pred("c", "240 billion dollars", 240e9, "USD"),
        pred("a", "26.3%", 26.3, "percent"),
    ];
    // The trade figure split over two groups; the growth rate wrongly joins the first.
    for (p, g) in preds.iter_mut().zip([Some(0), Some(0), Some(1), Some(0)]) {
        p.group = g;
    }
    let m = match_all(&golds, &preds);
    let s = score(&golds, &preds, &m, &names(), &|_| true);
    // Concept pairs: (0,1) (0,2) (1,2); group pairs: (0,1) (0,3) (1,3).
    assert_eq!(
        s.pairs,
        Pairs {
            both: 1,
            group_only: 2,
            concept_only: 2
        }
    );
    assert!((s.pairs.f1().unwrap() - 2.0 / 6.0).abs() < 1e-9);
    assert_eq!(
        Pairs::default().f1(),
        None,
        "no pair to score is not a perfect score"
    );
    // Only the set's own lines are paired.
    let one = score(&golds, &preds, &m, &names(), &|g| g.doc == "a");
    assert_eq!(one.pairs.group_only, 1);
}

#[test]
fn a_folded_restatement_counts_as_the_same_group() {
    let dollars = gold("a", "600 million dollars", 600e6, "USD", "peak");
    let mut euros = gold("a", "about 561 million euros", 561e6, "EUR", "peak");
    euros.restates = Some("600 million dollars".into());
    let golds = vec![dollars, euros];
    let mut preds = vec![
        pred("a", "600 million dollars", 600e6, "USD"),
        pred("a", "about 561 million euros", 561e6, "EUR"),
    ];
    preds[0].group = Some(0);
    let m = match_all(&golds, &preds);
    // In no group and not pointing at the dollars: two figures.
    let s = score(&golds, &preds, &m, &names(), &|_| true);
    assert_eq!(s.pairs.concept_only, 1);
    // Pointing at them and left out of the groups: folded.
    preds[1].restates = Some(0);
    let s = score(&golds, &preds, &m, &names(), &|_| true);
    assert_eq!(s.pairs.both, 1);
    // Pointing at them but grouped apart: not folded.
    preds[1].group = Some(1);
    let s = score(&golds, &preds, &m, &names(), &|_| true);
    assert_eq!(s.pairs.concept_only, 1);
}

#[test]
fn names_compare_without_case_articles_or_aliases() {
    let n = names();
    let same = |a, b| n.same_in("d", Some(a), Some(b));
    assert_eq!(n.key("The DPRK"), "north korea");
    assert!(same("the United States", "US"));
    assert!(!n.same_in("d", Some("Russia"), None));
    assert!(n.same_in("d", None, None));
    assert!(same("Whirlpool Corp.", "whirlpool"));
    assert!(same("Chubb Ltd", "Chubb"));
    assert!(
        same("Kelvar U.S. Pumps", "Kelvar US Pumps"),
        "dots inside a word"
    );
    assert_eq!(
        n.key("Group"),
        "group",
        "a name of legal-form words only is kept"
    );
}

#[test]
fn a_short_form_names_the_organisation_its_long_form_names() {
    let g = |subject: &str| Gold {
        subject: Some(subject.into()),
        ..gold("d.txt", "5", 5.0, "number", "c")
    };
    let golds = [
        g("Harlow Marine Engines"),
        g("Harlow Marine"),
        g("Ostrava Steel"),
    ];
    let n = names().with_gold(&golds);
    let same = |gold: &str, got: &str| n.same_in("d.txt", Some(gold), Some(got));
    // Leading words either way, with a word of three letters or more.
    assert!(same("Ostrava Steel", "Ostrava"));
    assert!(n.same_in("e.txt", Some("Ostrava"), Some("Ostrava Steel Works Inc.")));
    assert!(
        !same("Ostrava", "Ostrava Steel Works Inc."),
        "nearer to the gold's own \"Ostrava Steel\" of that document"
    );
    assert!(
        !same("Ostrava Steel", "Steel"),
        "trailing words are no short form"
    );
    assert!(!same("Ostrava Steel", "Ostravan Steel"));
    // The document's gold names both "Harlow Marine" and "Harlow Marine Engines": a name
    // read goes to the nearest of them only.
    assert!(same("Harlow Marine", "Harlow"));
    assert!(!same("Harlow Marine Engines", "Harlow"));
    assert!(!same("Harlow Marine Engines", "Harlow Marine"));
    assert!(same("Harlow Marine Engines", "Harlow Marine Engines Group"));
    // Known names keep their own aliases only: "North" is not "North Korea".
    assert!(!same("DPRK", "North"));
    assert!(
        !n.same_in("e.txt", Some("AB"), Some("AB Volvo")),
        "a two-letter short form"
    );
    assert_eq!(
        short_or_long_form("zoom", "zoom video communications"),
        Some(2)
    );
    assert_eq!(short_or_long_form("zoom video", "zoom"), Some(1));
    assert_eq!(short_or_long_form("video", "zoom video"), None);
}

#[test]
fn fractions_and_bare_numbers_take_the_guidelines_units() {
    let q = |kind, unit: Option<&str>| sinew_types::Quantity {
        span: sinew_types::Span::new(0, 4),
        text: "half".into(),
        value: 0.5,
        value_max: None,
        unit: unit.map(str::to_string),
        kind,
        qualifier: None,
        per: None,
        vague: false,
    };
    use sinew_types::QuantityKind as K;
    assert_eq!(
        gold_unit(&q(K::Fraction, None)).as_deref(),
        Some("fraction")
    );
    assert_eq!(gold_unit(&q(K::Number, None)).as_deref(), Some("number"));
    assert_eq!(
        gold_unit(&q(K::Count, Some("troop"))).as_deref(),
        Some("troop")
    );
    // A count with no noun read is not guessed.
    assert_eq!(gold_unit(&q(K::Count, None)), None);
    // Barrels, and barrels a day, in the guidelines' symbols.
    let mut oil = q(K::Measure, Some("barrel"));
    assert_eq!(gold_unit(&oil).as_deref(), Some("bbl"));
    oil.per = Some("day".into());
    assert_eq!(gold_unit(&oil).as_deref(), Some("bpd"));
    // A fraction line matches a fraction claim.
    let g = gold("a", "half of the emails", 0.5, "fraction", "c");
    let mut p = pred("a", "half", 0.5, "fraction");
    assert!(compatible(&g, &p));
    p.unit = None;
    assert!(!compatible(&g, &p));
}

#[test]
fn an_interval_states_its_end_when_the_start_is_the_gold_since() {
    let mut g = gold("a.txt", "64.2%", 64.2, "percent", "x");
    g.time = Some("2023".into());
    assert!(same_time(&g, Some("2023")));
    // No `since` in the gold: the end is the time.
    assert!(same_time(&g, Some("2021/2023")));
    g.since = Some("2021".into());
    assert!(same_time(&g, Some("2021/2023")));
    // Near misses: another start, the start as the time, no time, a time the gold lacks.
    assert!(!same_time(&g, Some("2022/2023")));
    assert!(!same_time(&g, Some("2023/2024")));
    assert!(!same_time(&g, None));
    g.time = None;
    assert!(!same_time(&g, Some("2023")));
}
