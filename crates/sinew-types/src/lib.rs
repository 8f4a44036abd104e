//! The domain types every Sinew stage shares.
//!
//! No I/O lives here. Every extracted item carries a [`Span`]: UTF-8 byte offsets into the
//! clean text of its [`Document`], so that `&doc.text[span.start..span.end]` is always the quoted
//! words.

mod alert;
mod annotations;
mod document;
mod event;
mod source;
mod span;
pub mod text;

pub use alert::{Alert, AlertKind};
pub use annotations::{
    Annotations, Attribution, Claim, Coarse, Description, Diagnostic, EntityType, Grain, Inferred,
    MeasureKind, Mention, MentionKind, Modality, Quantity, QuantityKind, Sector, Sentence,
    TimeExpr, TimeKind,
};
pub use document::{Citation, DocFingerprint, DocId, Document, Fingerprint};
pub use event::{Event, EventActor, EventKind, EventModality, PloverCategory};
pub use source::SourceKind;
pub use span::Span;
