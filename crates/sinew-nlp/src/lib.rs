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

pub use entities::find_mentions;
pub use quantities::find_quantities;
pub use sentences::split_sentences;
pub use times::find_times;

/// Runs every stage over one document's clean text.
///
/// `published` anchors relative times ("last December"); `doc` is stamped on the claims.
pub fn annotate(text: &str, published: Option<NaiveDate>, doc: &DocId) -> Annotations {
    let sentences = split_sentences(text);
    let mentions = find_mentions(text);
    let quantities = find_quantities(text);
    let times = find_times(text, published);
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
