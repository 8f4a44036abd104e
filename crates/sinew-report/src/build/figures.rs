//! The figures table: one row per group of claims stating the same figure, each source's
//! statement in its own cell; and the one-line form of a row used by the sections.

use sinew_types::{Claim, Modality};

use super::picks;
use super::Corpus;
use crate::model::{CitedSentence, FigureCell, FigureRow};
use crate::text::squash;

/// The greatest value a vague amount ("several", "a few", "a handful") may have and still
/// count as no figure: its words give no magnitude, only "some".
const MAX_UNCOUNTED: f64 = 10.0;

impl Corpus<'_> {
    /// A row for each of the ledger's first groups that has a statement in the given
    /// documents; cells by source number, then position.
    pub(super) fn figure_rows(&self) -> Vec<FigureRow> {
        let claims = self.findings.claims;
        let mut rows = Vec::new();
        for g in picks::figure_groups(self.findings.ledger) {
            // "several agreements", "a few risks": a vague amount under ten, in every
            // statement, is no figure an analyst can line up
            let small_and_vague = g.claims.iter().all(|m| {
                claims.get(&m.claim).is_some_and(|c| {
                    let q = &c.quantity;
                    q.vague && q.value_max.unwrap_or(q.value) <= MAX_UNCOUNTED
                })
            });
            if small_and_vague {
                continue;
            }
            let mut cells: Vec<FigureCell> = picks::statements(g)
                .into_iter()
                .filter_map(|i| self.figure_cell(claims.get(&i)?))
                .collect();
            if cells.is_empty() {
                continue;
            }
            cells.sort_by_key(|c| (self.doc_number(&c.citation), c.citation.span.start));
            rows.push(FigureRow {
                group: g.id.clone(),
                kind: g.kind,
                subject: g.subject.clone(),
                object: g.object.clone(),
                measure: g.measure.clone(),
                unit: g.unit.clone(),
                per: g.per.clone(),
                bilateral: super::judgments::bilateral(g),
                losses: super::judgments::losses(g),
                cells,
            });
        }
        rows
    }

    fn figure_cell(&self, c: &Claim) -> Option<FigureCell> {
        let (doc, span) = self.locate(c)?;
        let value = squash(span.slice(self.text(doc))?);
        let time = c
            .time
            .as_ref()
            .map(|t| crate::text::time_as_written(self.text(doc), t))
            .filter(|t| !t.is_empty());
        Some(FigureCell {
            value,
            time,
            attribution: c
                .attribution
                .as_ref()
                .map(|a| squash(a))
                .filter(|a| !a.is_empty()),
            hedged: c.modality == Modality::Hedged,
            citation: self.citation(doc, span),
        })
    }
}

/// "North Korea → Russia, containers: approximately 6,700 (since August 2023) [1]; over 10,000
/// [1]; more than 11,000 [2]." Every fact is a claim field; every figure is followed by its
/// citation.
pub(super) fn figure_line(r: &FigureRow) -> Option<CitedSentence> {
    if r.cells.is_empty() {
        return None;
    }
    let mut text = squash(&r.actors());
    if !text.is_empty() {
        text.push_str(", ");
    }
    let measure = squash(&r.measure);
    text.push_str(if measure.is_empty() {
        "figure"
    } else {
        &measure
    });
    if let Some(per) = &r.per {
        text.push_str(&format!(" (per {})", squash(per)));
    }
    text.push_str(": ");
    let mut citations = Vec::new();
    let mut marks = Vec::new();
    for (i, cell) in r.cells.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&cell.value);
        let notes: Vec<&str> = cell
            .time
            .iter()
            .chain(cell.attribution.iter())
            .map(String::as_str)
            .chain(cell.hedged.then_some("hedged"))
            .collect();
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        marks.push(text.len());
        citations.push(cell.citation.clone());
    }
    text.push('.');
    Some(CitedSentence {
        text,
        citations,
        marks,
        verbatim: false,
        speaker: None,
    })
}
