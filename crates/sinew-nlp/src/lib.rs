//! Document text to annotations: sentences, entity mentions, quantities, time expressions,
//! attributions and quantitative claims.
//!
//! Pure functions of the text (and its publication date): no I/O, no global state beyond
//! lazily built, read-only tables. Extraction never fails on messy text; what it cannot handle
//! goes into [`Annotations::diagnostics`](sinew_types::Annotations).

mod attribution;
mod claims;
mod entities;
mod quantities;
mod sentences;
mod times;
mod words;

use chrono::NaiveDate;
use sinew_types::{Annotations, DocId};

pub use entities::{find_mentions, known_names};
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
/// times and attributions, so asking for claims runs those too; sentences always run.
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
}

impl Default for Stages {
    fn default() -> Stages {
        Stages {
            entities: true,
            quantities: true,
            times: true,
            claims: true,
        }
    }
}

/// Runs the chosen stages over one document's clean text; the others' fields stay empty, so
/// a caller that wants only quantities does not pay for entity linking and claims.
pub fn annotate_with(
    text: &str,
    published: Option<NaiveDate>,
    doc: &DocId,
    stages: Stages,
) -> Annotations {
    let all = stages.claims;
    let sentences = split_sentences(text);
    let mentions = if stages.entities || all {
        find_mentions(text)
    } else {
        Vec::new()
    };
    let quantities = if stages.quantities || all {
        find_quantities(text)
    } else {
        Vec::new()
    };
    let times = if stages.times || all {
        find_times(text, published)
    } else {
        Vec::new()
    };
    let (attributions, claims) = if all {
        let attributions = attribution::find_attributions(text, &sentences, &mentions);
        let claims = claims::build_claims(&claims::ClaimInputs {
            doc,
            text,
            sentences: &sentences,
            mentions: &mentions,
            quantities: &quantities,
            times: &times,
            attributions: &attributions,
        });
        (attributions, claims)
    } else if stages.entities {
        (
            attribution::find_attributions(text, &sentences, &mentions),
            Vec::new(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Annotations {
        sentences,
        mentions,
        quantities,
        times,
        attributions,
        claims,
        diagnostics: Vec::new(),
    }
}
