//! A deployment counted at different dates is a trend, not a disagreement (issue 16): the
//! disagreements section writes it as a rise over time, each statement dated by its own time
//! (a figure with none takes the time that opens its sentence: "On March 3 the ministry said
//! ..., and that some 400 had already arrived") and cited in date order.

use sinew_analysis::Verdict;
use sinew_report::ReportConfig;
use sinew_types::{Grain, MeasureKind, QuantityKind, TimeKind};

use crate::support::analysis::{briefing_of, Analysed};
use crate::support::fixtures::{Builder, Fig, FIG};

const OPENING: &str = "On March 3 Serbia's defence ministry said Belarus had decided to send \
                       about 3,000 soldiers to Serbia, and that some 400 had already arrived.";
const LATER: &str = "Twelve days later the Serbian army said around 1,800 soldiers from Belarus \
                     were in Serbia.";
const NOW: &str = "Serbian officials now put the number of soldiers from Belarus in Serbia at \
                   more than 2,000.";

fn deployment() -> Vec<sinew_report::DocBundle> {
    let text = format!("{OPENING} {LATER} {NOW}");
    let mut b = Builder::new("dep", "dep.txt", Some("2025-03-30"), &text);
    for s in [OPENING, LATER, NOW] {
        b.sentence(s);
    }
    b.country("Belarus", "Belarus");
    b.country("Serbia", "Serbia");
    b.time("On March 3", "2025-03-03", "2025-03-03", Grain::Day);
    let soldiers = |words, value, time, who| Fig {
        words,
        value,
        unit: "soldier",
        subject: Some("Belarus"),
        object: Some("Serbia"),
        measure: "soldiers",
        time,
        attribution: Some(who),
        // a standing count: extraction reads "had arrived", "were in" as a stock
        measure_kind: MeasureKind::Stock,
        ..FIG
    };
    b.figure(soldiers(
        "some 400",
        400.0,
        None,
        "Serbia's defence ministry",
    ));
    b.figure(soldiers(
        "around 1,800 soldiers",
        1800.0,
        Some((
            "Twelve days later",
            TimeKind::Point,
            "2025-03-15",
            "2025-03-15",
        )),
        "Serbian army",
    ));
    b.figure(soldiers(
        "more than 2,000",
        2000.0,
        Some(("now", TimeKind::Point, "2025-03-30", "2025-03-30")),
        "Serbian officials",
    ));
    vec![b.finish()]
}

#[test]
fn a_deployment_counted_at_different_dates_is_a_rise_not_a_disagreement() {
    let docs = deployment();
    // the ledger, dating "some 400" by its report (claims carry no sentence-opening time),
    // reads a later, lower count from another voice: a conflict
    let analysed = Analysed::of(&docs);
    let g = analysed
        .ledger()
        .groups
        .iter()
        .find(|g| g.measure.contains("soldiers") && g.claims.len() == 3)
        .unwrap_or_else(|| panic!("{:#?}", analysed.ledger().groups));
    assert_eq!(g.verdict, Verdict::Conflict, "{}", g.explanation);
    let b = briefing_of(&docs, &ReportConfig::default());
    let line = b
        .disagreements
        .iter()
        .find(|s| s.text.contains("Belarus → Serbia"))
        .unwrap_or_else(|| panic!("{:#?}", b.disagreements));
    let t = &line.text;
    let steps = [
        "400 soldiers (3 March 2025)",
        "1,800 soldiers (March 2025)",
        "2,000 soldiers (30 March 2025)",
    ];
    let at: Vec<usize> = steps
        .iter()
        .map(|s| t.find(s).unwrap_or_else(|| panic!("{s} missing: {t}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "not in date order: {t}");
    for s in steps {
        let end = t.find(s).unwrap() + s.len();
        assert!(
            line.marks.contains(&end),
            "{s} uncited: {t} {:?}",
            line.marks
        );
    }
    assert!(t.contains("a trend, not a disagreement"), "{t}");
    assert!(!t.contains("contradict"), "{t}");
}

/// Three camps of a loan figure with no time of its own, each with one named voice in its
/// oldest report and two unattributed reports after it: the disagreements line shows the
/// latest two of each camp (the outlet's own), so the named voices are among the statements
/// only the group holds.
fn loans() -> Vec<sinew_report::DocBundle> {
    // (speaker, value, words, first day of its three reports): the lowest figure is the
    // latest reported, so the series does not only grow
    let camps = [
        ("Chile's finance ministry", 1.0e9, "$1.0 billion", 7),
        ("Peru's central bank", 1.6e9, "$1.6 billion", 1),
        ("a rating agency in Quito", 2.4e9, "$2.4 billion", 4),
    ];
    let mut docs = Vec::new();
    for (who, value, words, first) in camps {
        for k in 0..3 {
            let day = first + k;
            let text = if k == 0 {
                format!("Chile has lent Peru {words} for its ports, {who} said.")
            } else {
                format!("Chile has lent Peru {words} for its ports so far.")
            };
            let id = format!("l{day}");
            let published = format!("2025-03-{day:02}");
            let mut b = Builder::new(&id, &format!("{id}.txt"), Some(&published), &text);
            b.sentence(&text);
            b.country("Chile", "Chile");
            b.country("Peru", "Peru");
            b.country("Quito", "Ecuador");
            if k == 0 {
                b.attribution(&format!("{who} said"), who, who, "said");
            }
            b.figure(Fig {
                words,
                value,
                kind: QuantityKind::Money,
                unit: "USD",
                subject: Some("Chile"),
                object: Some("Peru"),
                measure: "loans",
                attribution: (k == 0).then_some(who),
                ..FIG
            });
            docs.push(b.finish());
        }
    }
    docs
}

#[test]
fn a_disagreement_line_names_voices_its_few_statements_per_camp_leave_out() {
    let docs = loans();
    let b = briefing_of(&docs, &ReportConfig::default());
    let line = b
        .disagreements
        .iter()
        .find(|s| s.text.contains("Chile → Peru"))
        .unwrap_or_else(|| panic!("{:#?}", b.disagreements));
    let t = &line.text;
    assert!(t.contains("at comparable times: "), "{t}");
    assert!(t.contains("Chile's finance ministry puts it at"), "{t}");
    // the statements the clause names are cited where it names them
    let clause = t.find("at comparable times").expect("clause");
    let cited_in_clause = line.marks.iter().filter(|&&m| m > clause).count();
    assert_eq!(cited_in_clause, 2, "{t} {:?}", line.marks);
}
