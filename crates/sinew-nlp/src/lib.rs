//! Document text to annotations: sentences, entity mentions, quantities, time expressions,
//! attributions, quantitative claims, what the text says each entity is (descriptions) and, read
//! from those, PLOVER events ([`find_events`]).
//!
//! Pure functions of the text (and its publication date): no I/O, no global state beyond
//! lazily built, read-only tables. Extraction never fails on messy text; what it cannot handle
//! goes into [`Annotations::diagnostics`](sinew_types::Annotations).
//!
//! Every stage is linear in the text (or n log n where it sorts), and [`Limits`] bounds the
//! work per document: a text of any length costs at most the annotation of its first
//! [`Limits::max_sentences`] sentences. Over-long sentences are cut by the splitter, so the
//! stages that read around a figure inside its sentence do bounded work per figure.

mod attribution;
mod claims;
mod dateline;
mod describe;
mod entities;
mod events;
mod quantities;
mod sentences;
mod times;
mod words;

use chrono::NaiveDate;
use sinew_types::{Annotations, Diagnostic, DocId, Span};

pub use describe::find_descriptions;
pub use entities::tagger as ner;
pub use entities::{country_adjective, country_name, find_mentions, iso_codes, known_names};
pub use events::find_events;
pub use quantities::find_quantities;
pub use sentences::split_sentences;
pub use times::find_times;

/// Runs every stage over one document's clean text.
///
/// `published` anchors relative times ("last December"); `doc` is stamped on the claims.
pub fn annotate(text: &str, published: Option<NaiveDate>, doc: &DocId) -> Annotations {
    annotate_with(text, published, doc, Stages::default())
}

/// Which stages [`annotate_with`] runs: all by default. Claims read the entities, quantities,
/// times and attributions, and events the entities, times and attributions, so asking for
/// either runs those too; sentences always run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stages {
    /// Entity mentions (and, with claims, attributions).
    pub entities: bool,
    /// Quantities.
    pub quantities: bool,
    /// Time expressions.
    pub times: bool,
    /// Quantitative claims.
    pub claims: bool,
    /// PLOVER events ([`find_events`]).
    pub events: bool,
}

impl Default for Stages {
    fn default() -> Stages {
        Stages {
            entities: true,
            quantities: true,
            times: true,
            claims: true,
            events: true,
        }
    }
}

/// Per-document bounds on annotation work and output, so that one huge text (a scrape with
/// no line breaks, a book pasted into a JSON Lines record) cannot stall a batch or fill the
/// store. A document over a limit is annotated up to it, with a diagnostic naming the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sentences annotated per document; the text after them gets no annotations. The
    /// default, 50,000, is some 6 MB of prose, a hundred times a long report.
    pub max_sentences: usize,
    /// Claims kept per document. The default, 10,000, is some 50 times the figures of the
    /// most quantitative article in the seeds, per 100 KB.
    pub max_claims: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sentences: 50_000,
            max_claims: 10_000,
        }
    }
}

/// How [`annotate_config`] runs: which stages, within which limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnnotateConfig {
    /// The stages to run.
    pub stages: Stages,
    /// The per-document limits.
    pub limits: Limits,
}

/// Runs the chosen stages over one document's clean text, within the default [`Limits`]; the
/// other stages' fields stay empty, so a caller that wants only quantities does not pay for
/// entity linking and claims.
pub fn annotate_with(
    text: &str,
    published: Option<NaiveDate>,
    doc: &DocId,
    stages: Stages,
) -> Annotations {
    annotate_config(
        text,
        published,
        doc,
        &AnnotateConfig {
            stages,
            limits: Limits::default(),
        },
    )
}

/// [`annotate_with`] with explicit limits.
pub fn annotate_config(
    text: &str,
    published: Option<NaiveDate>,
    doc: &DocId,
    config: &AnnotateConfig,
) -> Annotations {
    let (stages, limits) = (config.stages, config.limits);
    let mut diagnostics = Vec::new();
    let mut sentences = split_sentences(text);
    // Over the sentence limit, every stage reads only the text up to the last sentence kept,
    // so spans stay offsets into the whole text.
    let text = match sentences.get(limits.max_sentences) {
        Some(first_left) => {
            let end = limits
                .max_sentences
                .checked_sub(1)
                .map_or(0, |last| sentences[last].span.end);
            diagnostics.push(Diagnostic {
                span: Some(Span::new(first_left.span.start, text.len())),
                message: format!(
                    "limit max_sentences: annotated the first {} of {} sentences; the text \
                     from byte {} on has no annotations",
                    limits.max_sentences,
                    sentences.len(),
                    first_left.span.start
                ),
            });
            sentences.truncate(limits.max_sentences);
            &text[..end]
        }
        None => text,
    };
    let all = stages.claims;
    // Events read mentions, attributions and times.
    let entities = stages.entities || stages.events;
    let mentions = if entities || all {
        find_mentions(text, published)
    } else {
        Vec::new()
    };
    let quantities = if stages.quantities || all {
        find_quantities(text)
    } else {
        Vec::new()
    };
    let times = if stages.times || stages.events || all {
        find_times(text, published)
    } else {
        Vec::new()
    };
    let (attributions, claims) = if all {
        let attributions = attribution::find_attributions(text, &sentences, &mentions);
        let built = claims::build_claims(
            &claims::ClaimInputs {
                doc,
                text,
                sentences: &sentences,
                mentions: &mentions,
                quantities: &quantities,
                times: &times,
                attributions: &attributions,
            },
            limits.max_claims,
        );
        if let Some(figure) = built.capped_at {
            diagnostics.push(Diagnostic {
                span: Some(Span::new(figure.start, text.len())),
                message: format!(
                    "limit max_claims: kept the first {} claims; the figures from byte {} on \
                     make none",
                    limits.max_claims, figure.start
                ),
            });
        }
        (attributions, built.claims)
    } else if entities {
        (
            attribution::find_attributions(text, &sentences, &mentions),
            Vec::new(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let descriptions = if stages.entities || all {
        find_descriptions(text, &sentences, &mentions)
    } else {
        Vec::new()
    };
    let mut ann = Annotations {
        sentences,
        mentions,
        quantities,
        times,
        attributions,
        claims,
        diagnostics,
        descriptions,
        events: Vec::new(),
    };
    if stages.events {
        ann.events = find_events(text, &ann);
    }
    ann
}
