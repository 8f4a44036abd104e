//! A deployment counted at different dates is a trend, not a disagreement (issue 16): the
//! disagreements section writes it as a rise over time, each statement dated by its own time
//! (a figure with none takes the time that opens its sentence: "On March 3 the ministry said
//! ..., and that some 400 had already arrived") and cited in date order.

use sinew_analysis::Verdict;
use sinew_report::ReportConfig;
use sinew_types::{Grain, MeasureKind, TimeKind};

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
