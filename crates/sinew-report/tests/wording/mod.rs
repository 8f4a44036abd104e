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
