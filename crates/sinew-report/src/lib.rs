//! Briefings in Markdown, self-contained HTML and JSON, every sentence cited.
//!
//! [`build_briefing`] turns what analysis found ([`Findings`]: the ledger, the network, entity
//! counts and descriptions) and the documents worth quoting into a [`Briefing`]: key judgments
//! written from the ledger and the network with whole article sentences under them, sections
//! by theme (arms, dual-use goods, energy, food, trade and payments, finance and sanctions,
//! pacts and visits, military cooperation), the network, a table of figures across sources,
//! what they disagree on, what named speakers say, a timeline of dated figures, a glossary of
//! entities, the sources weighed by kind, and a note for every citation showing the cited
//! words in their sentence. It calls no analysis: the engine's ledger and network are the
//! briefing's, so it shows what `sinew ledger` and `sinew graph` show. [`shown_claims`] says
//! which of their claims it shows and [`cited_documents`] which documents those quote, so a
//! caller loads those claims and reads those documents and a bounded number of others, never
//! the whole store. Every sentence carries at least one [`Citation`](sinew_types::Citation)
//! to a document and byte span; a sentence no span supports is not written.
//! [`render_markdown`], [`render_html`] and [`render_json`] write it out.

mod build;
mod findings;
mod html;
mod layout;
mod lexicon;
mod markdown;
mod model;
mod text;
mod themes;

pub use build::build_briefing;
pub use findings::{
    cited_documents, leading_buckets, shown_claims, shown_dependencies, BucketLead, Changes,
    ChangesSince, Described, EntityCount, Findings, Fresh, GroupPicks,
};
pub use html::render_html;
pub use markdown::render_markdown;
pub use model::{
    Briefing, ChangeKind, CitedSentence, DocBundle, FigureCell, FigureRow, GlossaryEntry, Judgment,
    Note, ReportConfig, Section, SourceEntry, TimelineEntry, Voice,
};
pub use themes::theme_words;

/// The briefing's structure (sections, sentences, citations, notes, sources) as pretty JSON,
/// for other tools.
pub fn render_json(b: &Briefing) -> String {
    // every field is plain data (strings, numbers, dates, enums): serialising cannot fail
    serde_json::to_string_pretty(b).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
