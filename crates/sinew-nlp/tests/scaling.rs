//! Does annotation stay linear in the length of a document, whatever its line breaks? The
//! same news text at 1 MB and 4 MB, as many lines and as one line, through every stage; and
//! the per-document limits, which bound what a larger text costs, with the diagnostic that
//! names them.

use proptest::prelude::*;
use sinew_nlp::{annotate, annotate_config, AnnotateConfig, Limits, Stages};
use sinew_types::DocId;

#[path = "support/scaling.rs"]
mod support;

const MB: usize = 1 << 20;

fn annotate_all(text: &str) {
    let ann = annotate(text, None, &DocId("scaling".into()));
    // The limits would hide a super-linear stage by cutting the large text short.
    assert!(ann.diagnostics.is_empty(), "{:?}", ann.diagnostics);
    assert!(!ann.claims.is_empty());
}

#[test]
fn annotation_is_linear_in_the_text_with_and_without_line_breaks() {
    let prose = support::sample_prose();
    for (layout, one_line) in [("many lines", false), ("one line", true)] {
        let small = support::sized(&prose, MB, one_line);
        let large = support::sized(&prose, support::SIZE_RATIO * MB, one_line);
        support::assert_scales(&format!("annotate, {layout}"), &small, &large, |t| {
            annotate_all(t)
        });
    }
}

/// A line with no sentence end at all (a flattened table, a scrape without full stops): the
/// splitter cuts it into bounded pieces, so the stages that read a figure's sentence stay
/// linear. This input was cubic before the cut: 256 KB took minutes.
#[test]
fn a_text_without_sentence_ends_is_linear_too() {
    let prose: String = support::sample_prose()
        .chars()
        .map(|c| if matches!(c, '.' | '!' | '?') { ',' } else { c })
        .collect();
    let small = support::sized(&prose, MB / 4, true);
    let large = support::sized(&prose, support::SIZE_RATIO * MB / 4, true);
    support::assert_scales("annotate, no sentence ends", &small, &large, |t| {
        annotate_all(t)
    });
}

#[test]
fn over_long_sentences_are_cut_into_bounded_pieces() {
    let text = "word, ".repeat(10_000);
    let sentences = sinew_nlp::split_sentences(&text);
    assert!(sentences.len() > 1);
    for s in &sentences {
        assert!(s.span.len() <= 2048, "{} bytes", s.span.len());
        // Cut after a clause mark: each piece ends with one.
        assert!(text[s.span.start..s.span.end].ends_with(','));
    }
    assert_eq!(sentences[0].span.start, 0);
    assert_eq!(
        sentences.last().map(|s| s.span.end),
        Some(text.trim_end().len())
    );
}

/// The longest sentence the splitter gives (sinew-nlp's `MAX_SENTENCE_BYTES`).
const MAX_SENTENCE: usize = 2048;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the text, sentences come in order, do not overlap, are trimmed and non-empty,
    /// sit on character boundaries and are never longer than the bound, and together they
    /// hold every non-space character.
    #[test]
    fn sentences_are_ordered_trimmed_and_bounded(
        pieces in prop::collection::vec(
            prop_oneof![
                8 => Just("word"),
                8 => Just(" "),
                2 => Just(", "),
                1 => Just(". "),
                1 => Just(". The "),
                1 => Just("Élan"),
                1 => Just("—"),
                1 => Just("\n"),
            ],
            0..3000,
        ),
        // 0: as generated; 1: no sentence ends (one long sentence to cut); 2: no ends and no
        // spaces either (cut inside a word, on a character boundary).
        mode in 0..3u8,
    ) {
        let text: String = pieces
            .iter()
            .map(|&p| match (mode, p) {
                (1 | 2, ". " | ". The " | "\n") => ", ",
                (2, " " | ", ") => "",
                _ => p,
            })
            .collect();
        let sentences = sinew_nlp::split_sentences(&text);
        let mut last_end = 0;
        let mut kept = 0;
        for s in &sentences {
            let (a, b) = (s.span.start, s.span.end);
            prop_assert!(last_end <= a && a < b, "{a}..{b} after {last_end}");
            prop_assert!(b - a <= MAX_SENTENCE, "{} bytes", b - a);
            let piece = text.get(a..b);
            prop_assert!(piece.is_some_and(|p| p.trim() == p), "{a}..{b}");
            kept += piece.unwrap_or("").chars().filter(|c| !c.is_whitespace()).count();
            last_end = b;
        }
        prop_assert_eq!(kept, text.chars().filter(|c| !c.is_whitespace()).count());
    }
}

#[test]
fn the_sentence_limit_cuts_the_text_and_says_so() {
    let text = "Russia bought 5,000 drones from Iran in 2023. ".repeat(10);
    let config = AnnotateConfig {
        stages: Stages::default(),
        limits: Limits {
            max_sentences: 4,
            ..Limits::default()
        },
    };
    let ann = annotate_config(&text, None, &DocId("limit".into()), &config);
    assert_eq!(ann.sentences.len(), 4);
    let fifth = ann.sentences[3].span.end + 1;
    assert!(ann.quantities.iter().all(|q| q.span.end < fifth));
    assert_eq!(ann.claims.len(), 4);
    assert_eq!(ann.diagnostics.len(), 1, "{:?}", ann.diagnostics);
    let d = &ann.diagnostics[0];
    assert!(d.message.contains("max_sentences"), "{}", d.message);
    assert_eq!(d.span.map(|s| (s.start, s.end)), Some((fifth, text.len())));
}

#[test]
fn the_claim_limit_keeps_the_first_claims_and_says_so() {
    let text = "Russia bought 5,000 drones from Iran in 2023. ".repeat(10);
    let config = AnnotateConfig {
        stages: Stages::default(),
        limits: Limits {
            max_claims: 3,
            ..Limits::default()
        },
    };
    let ann = annotate_config(&text, None, &DocId("limit".into()), &config);
    assert_eq!(ann.sentences.len(), 10);
    assert_eq!(ann.quantities.len(), 10);
    assert_eq!(ann.claims.len(), 3);
    assert_eq!(ann.diagnostics.len(), 1, "{:?}", ann.diagnostics);
    let d = &ann.diagnostics[0];
    assert!(d.message.contains("max_claims"), "{}", d.message);
    assert_eq!(d.span.map(|s| s.start), Some(ann.quantities[3].span.start));
}

#[test]
fn under_the_limits_nothing_is_said() {
    let text = "Russia bought 5,000 drones from Iran in 2023. ".repeat(10);
    let ann = annotate(&text, None, &DocId("limit".into()));
    assert_eq!(ann.claims.len(), 10);
    assert!(ann.diagnostics.is_empty());
}
