//! How figures are worded: trade between two parties has no direction (it is "trade between
//! A and B" and "A ↔ B"), while goods or money moving one way keep theirs ("A → B").

use sinew_report::ReportConfig;
use sinew_types::QuantityKind;

use crate::support::analysis::briefing_of;
use crate::support::fixtures::{Builder, Fig, FIG};

const TRADE: &str =
    "Norway's trade with Iceland reached a record $3 billion in 2023, the customs office said.";
const TRADE_TOO: &str =
    "Customs figures put bilateral trade between Norway and Iceland at $3 billion in 2023.";
const EXPORTS: &str =
    "Norway exported $1.2 billion worth of fish to Iceland in 2023, customs data show.";

fn docs() -> Vec<sinew_report::DocBundle> {
    let mut out = Vec::new();
    for (id, text, figs) in [
        (
            "w1",
            format!("{TRADE} {EXPORTS}"),
            vec![
                ("$3 billion", 3e9, "trade"),
                ("$1.2 billion", 1.2e9, "exports of fish"),
            ],
        ),
        (
            "w2",
            TRADE_TOO.to_string(),
            vec![("$3 billion", 3e9, "bilateral trade")],
        ),
    ] {
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-02-01"), &text);
        for s in [TRADE, TRADE_TOO, EXPORTS] {
            if text.contains(s) {
                b.sentence(s);
            }
        }
        b.country("Norway", "Norway");
        b.country("Iceland", "Iceland");
        for (words, value, measure) in figs {
            b.figure(Fig {
                words,
                value,
                kind: QuantityKind::Money,
                unit: "USD",
                subject: Some("Norway"),
                object: Some("Iceland"),
                measure,
                time: Some((
                    "2023",
                    sinew_types::TimeKind::Point,
                    "2023-01-01",
                    "2023-12-31",
                )),
                ..FIG
            });
        }
        out.push(b.finish());
    }
    out
}

#[test]
fn bilateral_trade_is_worded_as_a_tie_and_exports_keep_their_direction() {
    let docs = docs();
    let b = briefing_of(&docs, &ReportConfig::default());
    let trade: Vec<_> = b
        .figures
        .iter()
        .filter(|r| r.measure.contains("trade"))
        .collect();
    assert!(!trade.is_empty(), "{:#?}", b.figures);
    for r in &trade {
        assert!(r.bilateral, "{r:#?}");
        assert_eq!(
            r.actors(),
            format!(
                "{} ↔ {}",
                r.subject.as_deref().unwrap(),
                r.object.as_deref().unwrap()
            )
        );
    }
    let exports = b
        .figures
        .iter()
        .find(|r| r.measure.contains("exports"))
        .expect("the exports row");
    assert!(!exports.bilateral);
    assert_eq!(exports.actors(), "Norway → Iceland");
    for s in b.sentences() {
        let t = &s.text;
        assert!(
            !(t.contains("trade from") || t.contains("trade: ") && t.contains("→")),
            "trade worded as a one-way flow: {t}"
        );
    }
    let judged: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(
        judged
            .iter()
            .any(|j| j.contains("trade between Iceland and Norway")
                || j.contains("trade between Norway and Iceland")
                || j.contains("Norway's trade with Iceland")),
        "{judged:#?}"
    );
}

const SENT: &str =
    "Norway has sent about 3,000 troops to Iceland since May, officials in Oslo said.";
const SENT_TOO: &str =
    "Iceland now hosts some 3,000 troops from Norway, the defence ministry in Reykjavik said.";
const LOST: &str =
    "About 400 Norwegian soldiers have been killed or wounded in Iceland, officials in Oslo said.";
const LOST_TOO: &str = "Some 400 Norwegian soldiers were killed or wounded in Iceland, the ministry in Reykjavik said.";

fn people_docs() -> Vec<sinew_report::DocBundle> {
    let mut out = Vec::new();
    for (id, sent, lost) in [("p1", SENT, LOST), ("p2", SENT_TOO, LOST_TOO)] {
        let text = format!("{sent} {lost}");
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-09-01"), &text);
        b.sentence(sent);
        b.sentence(lost);
        b.country("Norway", "Norway");
        b.country("Iceland", "Iceland");
        let troops = if id == "p1" {
            "about 3,000 troops"
        } else {
            "some 3,000 troops"
        };
        let soldiers = if id == "p1" {
            "About 400 Norwegian soldiers"
        } else {
            "Some 400 Norwegian soldiers"
        };
        b.figure(Fig {
            words: troops,
            value: 3000.0,
            unit: "troop",
            subject: Some("Norway"),
            object: Some("Iceland"),
            measure: "troops",
            ..FIG
        });
        b.figure(Fig {
            words: soldiers,
            value: 400.0,
            unit: "soldier",
            subject: Some("Norway"),
            object: Some("Iceland"),
            measure: "soldiers killed or wounded",
            ..FIG
        });
        out.push(b.finish());
    }
    out
}

#[test]
fn people_sent_read_as_people_and_losses_as_the_subjects_own() {
    let docs = people_docs();
    let b = briefing_of(&docs, &ReportConfig::default());
    let judged: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(
        judged
            .iter()
            .any(|j| j.contains("the troops Norway has sent Iceland")),
        "{judged:#?}"
    );
    assert!(
        judged
            .iter()
            .any(|j| j.contains("Norway's soldiers killed or wounded")),
        "{judged:#?}"
    );
    for s in b.sentences() {
        assert!(
            !(s.text.contains("killed or wounded from")
                || s.text.contains("→ Iceland, soldiers killed")),
            "losses worded as a flow: {}",
            s.text
        );
    }
    let lost = b
        .figures
        .iter()
        .find(|r| r.measure.contains("killed"))
        .expect("the losses row");
    assert!(lost.losses);
    assert_eq!(lost.actors(), "Norway");
    let sent = b
        .figures
        .iter()
        .find(|r| r.measure == "troops")
        .expect("the troops row");
    assert_eq!(sent.kind, sinew_analysis::FlowKind::People);
    assert_eq!(sent.actors(), "Norway → Iceland");
    // the network shows the troops as people sent, and no flow of losses
    let network: Vec<&str> = b.network.iter().map(|s| s.text.as_str()).collect();
    assert!(
        network.iter().any(|l| l.contains("(people)")),
        "{network:#?}"
    );
    assert!(
        !network.iter().any(|l| l.contains("killed")),
        "{network:#?}"
    );
}

const AIM: &str = "Norway and Iceland set a goal of $9 billion in trade for 2027, officials said.";
const AIM_TOO: &str = "The two governments want trade to reach a $9 billion goal in 2027.";

#[test]
fn an_aim_is_the_pairs_and_set_for_its_year() {
    let mut docs = Vec::new();
    for (id, text, words) in [
        ("g1", AIM, "$9 billion"),
        ("g2", AIM_TOO, "$9 billion goal"),
    ] {
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-09-01"), text);
        b.sentence(text);
        b.country("Norway", "Norway");
        b.country("Iceland", "Iceland");
        b.figure(Fig {
            words,
            value: 9e9,
            kind: sinew_types::QuantityKind::Money,
            unit: "USD",
            subject: Some("Norway"),
            object: Some("Iceland"),
            measure: "goal",
            time: Some((
                "2027",
                sinew_types::TimeKind::Point,
                "2027-01-01",
                "2027-12-31",
            )),
            ..FIG
        });
        docs.push(b.finish());
    }
    let b = briefing_of(&docs, &ReportConfig::default());
    let judged: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(
        judged
            .iter()
            .any(|j| j.contains("put Norway and Iceland's goal for 2027 at $9 billion")),
        "{judged:#?}"
    );
    let row = b.figures.iter().find(|r| r.measure == "goal").expect("row");
    assert_eq!(row.actors(), "Norway ↔ Iceland");
    // and the network draws no flow at the goal
    assert!(b.network.iter().all(|s| !s.text.contains("$9 billion")));
}

const SAYS_LOW: &str =
    "Norway shipped 1,000 tonnes of salmon to Iceland, its fishing council said.";
const SAYS_HIGH: &str =
    "Norway shipped 3,000 tonnes of salmon to Iceland, customs in Reykjavik said.";

/// A document of one sentence stating `words` (a number of tonnes, `value`) that Norway
/// sent `to`, as `who` says.
fn tonnes_doc(
    id: &str,
    text: &str,
    (words, value): (&'static str, f64),
    to: &'static str,
    measure: &'static str,
    who: &'static str,
) -> sinew_report::DocBundle {
    let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-09-01"), text);
    b.sentence(text);
    b.country("Norway", "Norway");
    b.country(to, to);
    b.figure(Fig {
        words,
        value,
        kind: QuantityKind::Measure,
        unit: "t",
        subject: Some("Norway"),
        object: Some(to),
        measure,
        attribution: Some(who),
        ..FIG
    });
    b.finish()
}

fn salmon(voices: [&'static str; 2]) -> Vec<sinew_report::DocBundle> {
    vec![
        tonnes_doc(
            "s0",
            SAYS_LOW,
            ("1,000 tonnes", 1000.0),
            "Iceland",
            "shipments of salmon",
            voices[0],
        ),
        tonnes_doc(
            "s1",
            SAYS_HIGH,
            ("3,000 tonnes", 3000.0),
            "Iceland",
            "shipments of salmon",
            voices[1],
        ),
    ]
}

#[test]
fn two_voices_that_disagree_are_named_with_the_ratio_and_one_voice_is_not_set_against_itself() {
    let b = briefing_of(
        &salmon(["Norwegian Seafood Council", "Statistics Iceland"]),
        &ReportConfig::default(),
    );
    let judged: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(
        judged.iter().any(|j| j.contains(
            "Norwegian Seafood Council puts it at 1,000 tonnes, Statistics Iceland at 3,000 tonnes, the higher 3 times the lower"
        )),
        "{judged:#?}"
    );
    let b = briefing_of(
        &salmon(["Statistics Iceland", "Statistics Iceland"]),
        &ReportConfig::default(),
    );
    for j in &b.judgments {
        assert!(
            !j.sentence.text.contains("puts it at"),
            "{}",
            j.sentence.text
        );
    }
}

#[test]
fn the_figures_most_accounts_give_lead_the_key_judgments() {
    // three reports of one voice (one account) about Iceland, two voices about Denmark
    let cod = "Norway sold 7,000 tonnes of cod to Iceland, Statistics Norway said.";
    let herring = "Norway sold 5,000 tonnes of herring to Denmark, its {} said.";
    let mut docs = Vec::new();
    for id in ["c1", "c2", "c3"] {
        let fish = ("7,000 tonnes", 7000.0);
        docs.push(tonnes_doc(
            id,
            cod,
            fish,
            "Iceland",
            "sales of fish",
            "Statistics Norway",
        ));
    }
    for (id, who) in [("h1", "fishing council"), ("h2", "customs office")] {
        let text = herring.replace("{}", who);
        let fish = ("5,000 tonnes", 5000.0);
        docs.push(tonnes_doc(id, &text, fish, "Denmark", "sales of fish", who));
    }
    let b = briefing_of(&docs, &ReportConfig::default());
    let judged: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(judged.len() >= 2, "{judged:#?}");
    assert!(judged[0].starts_with("Two accounts"), "{judged:#?}");
    assert!(judged[0].contains("Denmark"), "{judged:#?}");
}
