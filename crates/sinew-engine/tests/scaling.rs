//! Does ingest stay linear in the length of a document? A text scrape and a JSON Lines
//! record of the same news text at 1 MB and 4 MB, with line breaks and without, through the
//! whole path: cleaning, language, fingerprint, every annotation stage and the store write.
//! (sinew-nlp's own test covers the annotation stages alone, the path of `sinew annotate`.)

use sinew_engine::{Format, IngestOptions};

use crate::common::memory_engine;

#[path = "../../sinew-nlp/tests/support/scaling.rs"]
mod support;

const MB: usize = 1 << 20;

/// Ingests one input into a fresh store (a stored text would be skipped) and checks that
/// the document and its claims were stored.
fn ingest_one(bytes: &[u8], format: Format) {
    let engine = memory_engine();
    let opts = IngestOptions {
        alerts: false,
        ..IngestOptions::default()
    };
    let summary = engine
        .ingest_bytes("scaling", bytes, format, &opts)
        .expect("ingest");
    assert_eq!(summary.inserted, 1, "{:?}", summary.errors);
    assert!(summary.claims > 0);
}

#[test]
fn ingest_of_a_text_scrape_is_linear_with_and_without_line_breaks() {
    let prose = support::sample_prose();
    for (layout, one_line) in [("many lines", false), ("one line", true)] {
        let small = support::sized(&prose, MB, one_line);
        let large = support::sized(&prose, support::SIZE_RATIO * MB, one_line);
        support::assert_scales(&format!("ingest .txt, {layout}"), &small, &large, |t| {
            ingest_one(t.as_bytes(), Format::Text)
        });
    }
}

#[test]
fn ingest_of_a_json_lines_record_without_line_breaks_is_linear() {
    let prose = support::sample_prose();
    let record = |text: String| {
        let mut line =
            serde_json::json!({"url": "https://example.org/a", "text": text}).to_string();
        line.push('\n');
        line
    };
    // With line breaks a record's text differs only by its escapes: the text scrape's test
    // covers that layout.
    let small = record(support::sized(&prose, MB, true));
    let large = record(support::sized(&prose, support::SIZE_RATIO * MB, true));
    support::assert_scales("ingest .jsonl, one line", &small, &large, |l| {
        ingest_one(l.as_bytes(), Format::Jsonl)
    });
}
