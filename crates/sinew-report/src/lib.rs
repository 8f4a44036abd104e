//! Briefings in Markdown and self-contained HTML, every sentence cited.
//!
//! [`build_briefing`] turns what analysis found ([`Findings`]: the ledger, the network, entity
//! counts and descriptions) and the documents worth quoting into a [`Briefing`]: a summary, sections by pair of
//! actors and kind of flow, the network, a table of figures across sources, what they disagree
//! on, what named sources say, a glossary of entities and the numbered sources. It calls no
//! analysis: the engine's ledger and network are the briefing's, so it shows what `sinew
//! ledger` and `sinew graph` show. [`shown_claims`] says which of their claims it shows and
//! [`cited_documents`] which documents those quote, so a caller loads those claims and reads
//! those documents and a bounded number of others, never the whole store. Every sentence
//! carries at least one [`Citation`](sinew_types::Citation) to a document and byte span; a
//! sentence no span supports is not written. [`render_markdown`] and [`render_html`] write it
//! out.

mod build;
mod findings;
mod html;
mod layout;
mod markdown;
mod model;
mod text;
mod themes;

pub use build::build_briefing;
pub use findings::{cited_documents, shown_claims, Described, EntityCount, Findings};
pub use html::render_html;
pub use markdown::render_markdown;
pub use model::{
    Briefing, CitedSentence, DocBundle, FigureCell, FigureRow, GlossaryEntry, ReportConfig,
    Section, SourceEntry, Voice,
};
