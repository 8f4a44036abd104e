//! Document text to annotations: sentences, entity mentions, quantities, time expressions,
//! attributions and quantitative claims.
//!
//! Pure functions of the text (and its publication date): no I/O, no global state beyond
//! lazily built, read-only tables. Extraction never fails on messy text; what it cannot handle
//! goes into [`Annotations::diagnostics`](sinew_types::Annotations).

mod entities;
mod quantities;
mod sentences;
mod times;

pub use entities::find_mentions;
pub use quantities::find_quantities;
pub use sentences::split_sentences;
pub use times::find_times;
