//! Which words name a person, organisation, place or other named thing? A statistical entity
//! tagger trained by the project's own code (`cargo xtask train-ner`, see [`train()`]) on the
//! CoNLL-2003 English news corpus, shipped as `model/ner.bin` and run in pure Rust.
//!
//! The model is an averaged perceptron over hashed features (module `features`): word, lower case,
//! shape, prefixes and suffixes, a +/-2 window, sentence position, Brown word-cluster prefixes
//! (spaCy's English lexeme clusters), the gazetteer's candidates, and in a second pass the
//! labels the first pass gave the same word elsewhere in the document. Labels are BILOU over
//! the CoNLL classes, decoded greedily (module `decode`). The model file is embedded in the binary
//! and parsed once, on first use; a damaged file makes the tagger find nothing (and
//! [`model_info`] say why) rather than fail extraction.
//!
//! Cost: linear in the text; a handful of hash probes per token.

mod decode;
mod features;
mod inside;
mod merge;
mod missed;
mod model;
mod tokens;
mod train;

use std::sync::LazyLock;

use sinew_types::Coarse;

use super::Cand;
pub use model::ModelError;
pub use tokens::{tokenize, TokenSpan};
pub use train::{train, TrainConfig, TrainDoc, TrainError, TrainReport};

pub(crate) use merge::merge;
use model::Model;

/// The model the project ships (written by `cargo xtask train-ner`).
const EMBEDDED: &[u8] = include_bytes!("../../../model/ner.bin");

static MODEL: LazyLock<Result<Model, ModelError>> =
    LazyLock::new(|| Model::parse("embedded model/ner.bin", EMBEDDED));

/// A label: 0 is outside; `1 + 4 * (class - 1) + part` with class 1..=4 (PER, ORG, LOC, MISC)
/// and part 0..=3 (begin, inside, last, unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label(pub(super) u8);

impl Label {
    fn new(class: u8, part: u8) -> Label {
        Label(1 + 4 * (class - 1) + part)
    }

    /// 0 for outside (and for the start marker), else 1..=4.
    fn class(self) -> u8 {
        if self.0 == 0 || self.0 as usize >= model::LABELS {
            0
        } else {
            (self.0 - 1) / 4 + 1
        }
    }

    /// 0 begin, 1 inside, 2 last, 3 unit; 255 outside an entity.
    fn part(self) -> u8 {
        if self.class() == 0 {
            255
        } else {
            (self.0 - 1) % 4
        }
    }
}

fn coarse_of(class: u8) -> Coarse {
    match class {
        1 => Coarse::Per,
        2 => Coarse::Org,
        3 => Coarse::Loc,
        _ => Coarse::Misc,
    }
}

fn class_of(c: Coarse) -> u8 {
    match c {
        Coarse::Per => 1,
        Coarse::Org => 2,
        Coarse::Loc => 3,
        Coarse::Misc => 4,
    }
}

/// One tagged name: `text[start..end]` and its CoNLL class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged {
    /// Byte offset of the name's first byte.
    pub start: usize,
    /// Byte offset one past the name's last byte.
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub coarse: Coarse,
}

/// What was loaded: sizes for reports and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelInfo {
    /// Bytes of the model file.
    pub bytes: usize,
    /// Weighted features.
    pub features: usize,
    /// Words with a cluster.
    pub clusters: usize,
}

/// Loads the embedded model (once) and says what it holds, or why it cannot be read.
pub fn model_info() -> Result<ModelInfo, ModelError> {
    match &*MODEL {
        Ok(m) => Ok(ModelInfo {
            bytes: EMBEDDED.len(),
            features: m.n_feats,
            clusters: m.n_clusters,
        }),
        Err(e) => Err(e.clone()),
    }
}

/// Is `word` (as written) in the tagger's vocabulary, the words of the news it was trained on?
/// A lower-case word there is a common word of news ("safe"); a brand written in lower case
/// ("zentrix") is not.
pub(crate) fn known_word(word: &str) -> bool {
    let Ok(model) = &*MODEL else {
        return false;
    };
    model.cluster(features::word_hash(word)) != features::NO_CLUSTER
}

/// Tags the names in one document's text (pass a whole document: the second pass reads the
/// rest of it). Spans are sorted, non-overlapping, on char boundaries.
pub fn tag(text: &str) -> Vec<Tagged> {
    tag_with(text, &super::gazetteer::GAZETTEER.find(text))
}

/// [`tag`] with the gazetteer's candidates for `text` already found.
pub(crate) fn tag_with(text: &str, gaz: &[Cand]) -> Vec<Tagged> {
    let Ok(model) = &*MODEL else {
        return Vec::new();
    };
    let spans: Vec<(usize, usize)> = tokenize(text).iter().map(|t| (t.start, t.end)).collect();
    tag_spans(model, text, &spans, gaz)
        .into_iter()
        .map(|(a, b, class)| Tagged {
            start: spans[a].0,
            end: spans[b - 1].1,
            coarse: coarse_of(class),
        })
        .collect()
}

/// The tagger over given tokens: entities as token ranges with their class (1..=4).
fn tag_spans(
    model: &Model,
    text: &str,
    spans: &[(usize, usize)],
    gaz: &[Cand],
) -> Vec<(usize, usize, u8)> {
    let mut toks = features::analyse(text, spans, gaz, model);
    let sents = features::sentences(text, spans, &mut toks);
    let labels = decode::tag_doc(model, &toks, &sents);
    let mut out = Vec::new();
    for &(a, b) in &sents {
        decode::entities(&labels[a..b], a, &mut out);
    }
    // A name does not end in a lower-case word ("the BBC and"): a decoding slip.
    for e in &mut out {
        while e.1 - e.0 > 1 && toks[e.1 - 1].all_lower {
            e.1 -= 1;
        }
    }
    out
}
