//! What a briefing holds, before it is rendered.

use chrono::NaiveDate;
use serde::Serialize;
use sinew_types::{Annotations, Citation, DocId, Document, EntityType};

/// One document and everything extraction found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocBundle {
    /// The document.
    pub doc: Document,
    /// Its annotations; every span points into `doc.text`.
    pub ann: Annotations,
}

/// Choices for a briefing; the default derives everything from the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportConfig {
    /// The title; derived from the most frequent actors when absent.
    pub title: Option<String>,
    /// The date the briefing is written for; shown in the date line when given. Left out, the
    /// briefing depends on its input only.
    pub generated: Option<NaiveDate>,
}

/// A sentence of the briefing and the words that support it.
///
/// Either verbatim article words (`verbatim`; the citation covers exactly the words shown, an
/// ellipsis marking where a long sentence was cut) or written from claim fields, each figure
/// followed by the citation of its span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitedSentence {
    /// The sentence as shown, whitespace made single spaces.
    pub text: String,
    /// Its supporting spans; never empty.
    pub citations: Vec<Citation>,
    /// Byte offsets in `text` after which each citation's marker goes, one per citation.
    pub marks: Vec<usize>,
    /// True when `text` is the cited article words themselves.
    pub verbatim: bool,
}

/// A theme of the briefing: article sentences about one pair of actors and one kind of flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Heading, e.g. "North Korea and Russia: arms and munitions".
    pub title: String,
    /// The actors the section is about (one or two canonical names).
    pub actors: Vec<String>,
    /// The kind of flow, e.g. "arms and munitions".
    pub theme: String,
    /// Article sentences, ordered by publication date, then document, then position.
    pub sentences: Vec<CitedSentence>,
    /// The section's figures, one line per figure group.
    pub figures: Vec<CitedSentence>,
}

/// One source's statement of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureCell {
    /// The figure as written ("more than 11,000 containers").
    pub value: String,
    /// The time as written ("since August 2023"), when the sentence gives one.
    pub time: Option<String>,
    /// Who the source says gave the figure.
    pub attribution: Option<String>,
    /// True when the figure is hedged ("may have", "reportedly").
    pub hedged: bool,
    /// The figure's span.
    pub citation: Citation,
}

/// One figure across sources: a row of the figures table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    /// The actor the figure is about.
    pub subject: Option<String>,
    /// The counterpart.
    pub object: Option<String>,
    /// What is measured.
    pub measure: String,
    /// Normalised unit.
    pub unit: Option<String>,
    /// Rate period ("month").
    pub per: Option<String>,
    /// Each source's figure, ordered by source number, then position.
    pub cells: Vec<FigureCell>,
}

/// What one named source (a ministry, an expert) is quoted as saying.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Voice {
    /// The source as named.
    pub source: String,
    /// Sentences attributed to it, verbatim.
    pub sentences: Vec<CitedSentence>,
}

/// An entity with its type and a one-line description from the articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GlossaryEntry {
    /// Canonical name.
    pub name: String,
    /// Fine-grained type.
    pub entity_type: EntityType,
    /// How often it is mentioned across the documents.
    pub mentions: usize,
    /// What the articles say it is ("a research fellow at ...", "Russian president"), cited.
    pub description: CitedSentence,
}

/// A numbered source; citation markers refer to `number`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceEntry {
    /// 1-based number used in citation markers.
    pub number: usize,
    /// The document's identity.
    pub doc: DocId,
    /// File name or URL.
    pub source: String,
    /// Headline.
    pub title: Option<String>,
    /// Site or publisher.
    pub site: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// URL.
    pub url: Option<String>,
}

/// A briefing: summary, themed sections, figures, voices, glossary and sources, every sentence
/// cited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// Title.
    pub title: String,
    /// The date it is written for, from [`ReportConfig::generated`].
    pub generated: Option<NaiveDate>,
    /// First and last publication dates among the sources.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Three to seven sentences, when the documents allow.
    pub summary: Vec<CitedSentence>,
    /// Sections by pair of actors and kind of flow.
    pub sections: Vec<Section>,
    /// The network the figures describe: the main flows with their latest figures, and who
    /// depends on whom; each line built from claims and citing them.
    pub network: Vec<CitedSentence>,
    /// The figures table: one row per group of claims stating the same figure.
    pub figures: Vec<FigureRow>,
    /// What the sources disagree on: figures whose sources contradict each other, then
    /// running totals that changed between reports (updates, not contradictions).
    pub disagreements: Vec<CitedSentence>,
    /// What named sources say.
    pub voices: Vec<Voice>,
    /// Entities, most mentioned first.
    pub glossary: Vec<GlossaryEntry>,
    /// The documents, numbered.
    pub sources: Vec<SourceEntry>,
    /// How many documents the store holds; more than `sources` when the briefing was written
    /// from a bounded selection of a large store.
    pub stored: usize,
}

impl Briefing {
    /// Every sentence of the briefing (summary, sections, network, disagreements, voices,
    /// glossary), in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = &CitedSentence> + '_ {
        self.summary
            .iter()
            .chain(
                self.sections
                    .iter()
                    .flat_map(|s| s.sentences.iter().chain(s.figures.iter())),
            )
            .chain(self.network.iter())
            .chain(self.disagreements.iter())
            .chain(self.voices.iter().flat_map(|v| v.sentences.iter()))
            .chain(self.glossary.iter().map(|g| &g.description))
    }

    /// The number citation markers use for `doc`.
    pub fn source_number(&self, doc: &DocId) -> Option<usize> {
        self.sources
            .iter()
            .find(|s| &s.doc == doc)
            .map(|s| s.number)
    }
}
