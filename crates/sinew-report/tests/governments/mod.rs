//! Two bodies of one state are one government's voice (issue 16): a key judgment counts them
//! as one account and says so ("Uruguayan officials counted once"), each statement still
//! cited, and a disagreement is never written as one state's body against another of its
//! bodies.

use sinew_report::{build_briefing, Briefing, DocBundle, ReportConfig};
use sinew_types::{QuantityKind, TimeKind};

use crate::support::analysis::Analysed;
use crate::support::fixtures::{Builder, Fig, FIG};

const MINISTRY: &str =
    "Uruguay's farm ministry said Uruguay sold Paraguay 40,000 tonnes of beef in 2024.";
const OFFICIALS: &str =
    "Uruguayan officials said Paraguay bought 60,000 tonnes of beef from Uruguay in 2024.";
const MONITOR: &str =
    "A trade monitor in Brazil said Uruguay sold Paraguay 41,000 tonnes of beef in 2024.";

/// A statement: its document's id and sentence, the figure's words and value, the speaker's
/// words as written and as the attribution reads them, and the country word among them.
type Statement = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    &'static str,
    &'static str,
    &'static str,
);

/// One document per statement, all published the same day, analysed.
fn beef(statements: &[Statement]) -> (Vec<DocBundle>, Analysed) {
    let mut docs = Vec::new();
    for &(id, text, words, value, written, who, country_word) in statements {
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2025-02-10"), text);
        b.sentence(text);
        b.country("Uruguay", "Uruguay");
        b.country("Paraguay", "Paraguay");
        match country_word {
            "Uruguay" => {}
            "Brazil" => b.country("Brazil", "Brazil"),
            demonym => b.country(demonym, "Uruguay"),
        }
        b.attribution(&format!("{written} said"), written, who, "said");
        b.figure(Fig {
            words,
            value,
            kind: QuantityKind::Measure,
            unit: "t",
            subject: Some("Uruguay"),
            object: Some("Paraguay"),
            measure: "beef",
            time: Some(("2024", TimeKind::Point, "2024-01-01", "2024-12-31")),
            attribution: Some(who),
            ..FIG
        });
        docs.push(b.finish());
    }
    let analysed = Analysed::of(&docs).with_adjective("Uruguay", "Uruguayan");
    (docs, analysed)
}

const BY_MINISTRY: Statement = (
    "m",
    MINISTRY,
    "40,000 tonnes",
    40_000.0,
    "Uruguay's farm ministry",
    "Uruguay's farm ministry",
    "Uruguay",
);
const BY_OFFICIALS: Statement = (
    "o",
    OFFICIALS,
    "60,000 tonnes",
    60_000.0,
    "Uruguayan officials",
    "Uruguayan officials",
    "Uruguayan",
);
const BY_MONITOR: Statement = (
    "t",
    MONITOR,
    "41,000 tonnes",
    41_000.0,
    "A trade monitor in Brazil",
    "a trade monitor in Brazil",
    "Brazil",
);

fn briefing(docs: &[DocBundle], analysed: &Analysed) -> Briefing {
    build_briefing(docs, &analysed.findings(), &ReportConfig::default())
}

#[test]
fn two_bodies_of_one_state_are_one_account_and_the_judgment_says_so() {
    let (docs, analysed) = beef(&[BY_MINISTRY, BY_OFFICIALS, BY_MONITOR]);
    let g = analysed
        .ledger()
        .groups
        .iter()
        .find(|g| g.claims.len() == 3)
        .unwrap_or_else(|| panic!("{:#?}", analysed.ledger().groups));
    // the ledger counts three voices: the government is the briefing's reading
    assert_eq!(g.sources, 3, "{}", g.explanation);
    let b = briefing(&docs, &analysed);
    let j = b
        .judgments
        .iter()
        .find(|j| j.group.as_deref() == Some(g.id.as_str()))
        .unwrap_or_else(|| panic!("{:#?}", b.judgments));
    let t = &j.sentence.text;
    assert!(
        t.starts_with("Two accounts (Uruguayan officials counted once) put"),
        "{t}"
    );
    // each statement is still cited
    assert!(j.sentence.citations.len() >= 3, "{t}");
    // the disagreement is between the two voices, not between Uruguay's two bodies
    assert!(
        t.contains("a trade monitor in Brazil puts it at 41,000"),
        "{t}"
    );
    assert!(t.contains("Uruguayan officials at 60,000"), "{t}");
    assert!(!t.contains("farm ministry puts"), "{t}");
}

#[test]
fn one_body_of_a_state_merges_nothing_and_a_state_without_an_adjective_is_named() {
    let (docs, analysed) = beef(&[BY_MINISTRY, BY_MONITOR]);
    let b = briefing(&docs, &analysed);
    let t = &b.judgments.first().expect("a judgment").sentence.text;
    assert!(t.starts_with("Two accounts put"), "{t}");
    assert!(!t.contains("counted once"), "{t}");

    // no adjective known: the state's officials are named by the state
    let (docs, analysed) = beef(&[BY_MINISTRY, BY_OFFICIALS]);
    let b = briefing(&docs, &analysed.with_adjective("Uruguay", ""));
    let t = &b.judgments.first().expect("a judgment").sentence.text;
    assert!(t.contains("(officials of Uruguay counted once)"), "{t}");
}
