//! The screens: each module builds one view struct from the engine (its JSON twin is that
//! struct serialised) and renders it with a template (the HTML page).

pub(crate) mod briefing;
pub(crate) mod doc;
pub(crate) mod entity;
pub(crate) mod ingest;
pub(crate) mod ledger;
pub(crate) mod network;
pub(crate) mod rules;
pub(crate) mod search;
pub(crate) mod status;

use serde::Serialize;
use sinew_types::{DocId, Span};

use crate::render::doc_href;

/// A span of a document as every screen cites it: where, the words, and the link into the
/// viewer that opens there.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Cite {
    pub(crate) doc: DocId,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) source: String,
    pub(crate) quote: String,
    pub(crate) href: String,
}

impl Cite {
    pub(crate) fn new(doc: &DocId, span: Span, source: &str, quote: &str) -> Cite {
        Cite {
            doc: doc.clone(),
            start: span.start,
            end: span.end,
            source: source.to_string(),
            quote: quote.to_string(),
            href: doc_href(doc, span),
        }
    }
}
