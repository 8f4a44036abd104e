//! Briefings in Markdown and self-contained HTML, every sentence cited.
//!
//! [`build_briefing`] turns documents and their annotations into a [`Briefing`]: a summary,
//! sections by pair of actors and kind of flow, a table of figures across sources (from
//! [`sinew_analysis::group_figures`]), what named sources say, a glossary of entities and the
//! numbered sources. Every sentence carries at least one [`Citation`](sinew_types::Citation) to
//! a document and byte span; a sentence no span supports is not written. [`render_markdown`]
//! and [`render_html`] write it out.

mod build;
mod html;
mod layout;
mod markdown;
mod model;
mod text;
mod themes;

pub use build::build_briefing;
pub use html::render_html;
pub use markdown::render_markdown;
pub use model::{
    Briefing, CitedSentence, DocBundle, FigureCell, FigureRow, GlossaryEntry, ReportConfig,
    Section, SourceEntry, Voice,
};
