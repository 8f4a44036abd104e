//! What a briefing holds, before it is rendered.

use chrono::NaiveDate;
use serde::Serialize;
use sinew_analysis::FlowKind;
use sinew_types::{AlertKind, Annotations, Citation, DocId, Document, EntityType, SourceKind};

use crate::findings::ChangesSince;

/// One document and everything extraction found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocBundle {
    /// The document.
    pub doc: Document,
    /// Its annotations; every span points into `doc.text`.
    pub ann: Annotations,
    /// How it was made: a derivative digest never carries a key judgment alone.
    pub kind: SourceKind,
}

/// Choices for a briefing; the default derives everything from the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportConfig {
    /// The title; derived from the most frequent actors when absent.
    pub title: Option<String>,
    /// The date the briefing is written for; shown in the date line when given. Left out, the
    /// briefing depends on its input only.
    pub generated: Option<NaiveDate>,
    /// Only documents published on or after this day are quoted or cited (undated ones are
    /// left out too).
    pub since: Option<NaiveDate>,
    /// Only what names this entity (canonical name, any case): sentences naming it, figures
    /// it is the subject or counterpart of.
    pub entity: Option<String>,
    /// Only this theme (a theme's name or a word of it: "energy", "sanctions").
    pub topic: Option<String>,
}

/// A sentence of the briefing and the words that support it.
///
/// Either verbatim article words (`verbatim`; the citation covers exactly the words shown,
/// a whole sentence that stands alone) or written from analysis results and claim fields,
/// each figure followed by the citation of its span.
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
    /// Who speaks, when a verbatim sentence is mostly a quotation or attributes its words to
    /// someone: the speaker, not the country spoken about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// A key judgment: a sentence written from the ledger or the network, citing the claims or
/// ties it rests on, with article sentences that bear it out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgment {
    /// The judgment, one citation per statement it rests on.
    pub sentence: CitedSentence,
    /// The ledger group it reads, when it reads one (its `id`).
    pub group: Option<String>,
    /// The figures it states, as the ledger holds them (each a statement's stated value or
    /// the group's consensus), in the order written.
    pub values: Vec<f64>,
    /// Whole article sentences that state what it rests on, quoted to stand alone.
    pub evidence: Vec<CitedSentence>,
    /// The kind of change it reports, when it says what changed since the reference point
    /// ([`Briefing::changes_since`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeKind>,
}

/// What a change judgment reports: what an alert raised (a contradicted figure, a lower
/// running total, a new flow), or what new statements did without one (a higher running
/// total, a new figure on a flow already reported, a figure not reported before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new statement contradicts a standing figure (a conflict alert).
    Conflict,
    /// A running total put lower (a revision alert).
    Revision,
    /// A flow no earlier statement showed (a new-flow alert).
    NewFlow,
    /// A running total put higher than any earlier statement did.
    Rise,
    /// A figure no earlier statement gave, on a flow earlier statements showed.
    NewFigure,
    /// A figure no earlier statement gave, on no flow reported before.
    NewGroup,
}

impl From<AlertKind> for ChangeKind {
    fn from(kind: AlertKind) -> ChangeKind {
        match kind {
            AlertKind::Conflict => ChangeKind::Conflict,
            AlertKind::Revision => ChangeKind::Revision,
            AlertKind::NewFlow => ChangeKind::NewFlow,
        }
    }
}

/// A dated figure on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The first day the figure's time covers.
    pub date: NaiveDate,
    /// The date as a reader wants it ("2023", "August 2023", "18 October 2024").
    pub when: String,
    /// The figure, cited.
    pub line: CitedSentence,
}

/// Where a citation leads: the cited words inside their sentence, for the reader to check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// 1-based number; renderers link each citation marker to its note.
    pub number: usize,
    /// The citation.
    pub citation: Citation,
    /// The source's number in [`Briefing::sources`].
    pub source: usize,
    /// The sentence's words before the cited span.
    pub before: String,
    /// The cited words.
    pub marked: String,
    /// The sentence's words after them.
    pub after: String,
}

/// A theme of the briefing: article sentences about one kind of flow or tie, whoever the
/// actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Heading, e.g. "Arms and munitions".
    pub title: String,
    /// The countries its sentences name most, most first (at most three).
    pub actors: Vec<String>,
    /// The theme, e.g. "arms and munitions".
    pub theme: String,
    /// Article sentences, by weight of evidence (figures stated, theme words, sources), the
    /// heaviest first.
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
    /// The ledger group's id.
    pub group: String,
    /// What moves, as the ledger reads it.
    pub kind: FlowKind,
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
    /// Trade between the two actors either way ("trade between China and Russia", "Russia's
    /// trade with India"): no direction, shown "China ↔ Russia".
    pub bilateral: bool,
    /// A count of losses ("soldier casualties", "killed or wounded"): the subject's own, no
    /// flow to the counterpart, shown with the subject alone.
    pub losses: bool,
    /// Each source's figure, ordered by source number, then position.
    pub cells: Vec<FigureCell>,
}

impl FigureRow {
    /// Who the figure is about: "North Korea → Russia", "China ↔ Russia" for bilateral trade,
    /// "North Korea" with no counterpart, "→ Russia" with no subject; empty with neither.
    pub fn actors(&self) -> String {
        pair(
            self.subject.as_deref(),
            self.object.as_deref().filter(|_| !self.losses),
            self.bilateral,
        )
    }
}

/// "A → B", "A ↔ B" when `bilateral`, "A", "→ B", or "".
pub(crate) fn pair(subject: Option<&str>, object: Option<&str>, bilateral: bool) -> String {
    match (subject, object) {
        (Some(s), Some(o)) if bilateral => format!("{s} ↔ {o}"),
        (Some(s), Some(o)) => format!("{s} → {o}"),
        (Some(s), None) => s.to_string(),
        (None, Some(o)) => format!("→ {o}"),
        (None, None) => String::new(),
    }
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
    /// For a person, the publication date of the article that describes them: a role is
    /// the role at that time ("Russian president, as of June 2024").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
}

impl GlossaryEntry {
    /// The type, and for a person the time the description holds: "person, as of June 2024".
    pub fn label(&self) -> String {
        match self.as_of {
            Some(d) => format!(
                "{}, as of {} {}",
                self.entity_type.as_str(),
                sinew_types::text::MONTH_NAMES[chrono::Datelike::month0(&d) as usize],
                chrono::Datelike::year(&d)
            ),
            None => self.entity_type.as_str().to_string(),
        }
    }
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
    /// Site or publisher; the URL's host when the page names none.
    pub site: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// URL.
    pub url: Option<String>,
    /// How it was made (original reporting, official statement, analysis, derivative digest).
    pub kind: SourceKind,
    /// How many of the briefing's citations point into it.
    pub cited: usize,
}

/// A briefing: key judgments, themed sections, figures, voices, timeline, glossary and
/// sources, every sentence cited and every citation leading to its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// Title.
    pub title: String,
    /// The date it is written for, from [`ReportConfig::generated`].
    pub generated: Option<NaiveDate>,
    /// First and last publication dates among the sources.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// What the briefing focuses on (`--since`, `--entity`, `--topic`), in words; `None` for
    /// the whole store.
    pub focus: Option<String>,
    /// What "what changed" is measured from (`--since`, else the last briefing); `None` when
    /// there is no reference point, and the judgments say nothing of change.
    pub changes_since: Option<ChangesSince>,
    /// Key judgments: what changed since the reference point first, then from the ledger and
    /// the network, the best attested first.
    pub judgments: Vec<Judgment>,
    /// Sections by theme, the best attested first.
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
    /// Dated figures, earliest first.
    pub timeline: Vec<TimelineEntry>,
    /// Entities, most mentioned first.
    pub glossary: Vec<GlossaryEntry>,
    /// The documents, numbered.
    pub sources: Vec<SourceEntry>,
    /// Every cited span in its sentence, numbered in order of first citation.
    pub notes: Vec<Note>,
    /// How many documents the store holds; more than `sources` when the briefing was written
    /// from a bounded selection of a large store.
    pub stored: usize,
}

impl Briefing {
    /// Every sentence of the briefing (judgments and their evidence, sections, network,
    /// disagreements, voices, timeline, glossary), in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = &CitedSentence> + '_ {
        self.judgments
            .iter()
            .flat_map(|j| std::iter::once(&j.sentence).chain(j.evidence.iter()))
            .chain(
                self.sections
                    .iter()
                    .flat_map(|s| s.sentences.iter().chain(s.figures.iter())),
            )
            .chain(self.network.iter())
            .chain(self.disagreements.iter())
            .chain(self.voices.iter().flat_map(|v| v.sentences.iter()))
            .chain(self.timeline.iter().map(|t| &t.line))
            .chain(self.glossary.iter().map(|g| &g.description))
    }

    /// The number citation markers use for `doc`.
    pub fn source_number(&self, doc: &DocId) -> Option<usize> {
        self.sources
            .iter()
            .find(|s| &s.doc == doc)
            .map(|s| s.number)
    }

    /// The note a citation leads to.
    pub fn note_number(&self, c: &Citation) -> Option<usize> {
        self.notes
            .iter()
            .find(|n| n.citation.doc == c.doc && n.citation.span == c.span)
            .map(|n| n.number)
    }
}
