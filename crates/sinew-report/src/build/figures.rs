//! The figures table: one row per group of claims stating the same figure, each source's
//! statement in its own cell; and the one-line form of a row used by the summary and sections.

use sinew_analysis::group_figures;
use sinew_types::Modality;

use super::Corpus;
use crate::model::{CitedSentence, FigureCell, FigureRow};
use crate::text::squash;

const MAX_FIGURE_ROWS: usize = 60;

impl<'a> Corpus<'a> {
    pub(super) fn figure_rows(&self) -> Vec<FigureRow> {
        let groups = group_figures(&self.claims);
        let mut rows = Vec::new();
        for g in groups.into_iter().take(MAX_FIGURE_ROWS) {
            let mut members = g.members.clone();
            members.sort_by_key(|&i| (self.claim_at[i].0, self.claims[i].span.start, i));
            let cells: Vec<FigureCell> = members
                .iter()
                .filter_map(|&i| self.figure_cell(i))
                .collect();
            if cells.is_empty() {
                continue;
            }
            rows.push(FigureRow {
                subject: g.subject,
                object: g.object,
                measure: g.measure,
                unit: g.unit,
                per: g.per,
                cells,
            });
        }
        rows
    }

    pub(super) fn figure_cell(&self, i: usize) -> Option<FigureCell> {
        let c = &self.claims[i];
        let doc = self.claim_at[i].0;
        let value = squash(c.span.slice(self.text(doc))?);
        let time = c
            .time
            .as_ref()
            .map(|t| squash(&t.text))
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
            citation: self.citation(doc, c.span),
        })
    }
}

pub(super) fn row_pair(r: &FigureRow) -> Option<Vec<String>> {
    let (a, b) = (r.subject.as_deref()?.trim(), r.object.as_deref()?.trim());
    let mut pair = vec![a.to_string(), b.to_string()];
    pair.sort();
    Some(pair)
}

/// "North Korea → Russia, containers: approximately 6,700 (since August 2023) [1]; over 10,000
/// [1]; more than 11,000 [2]." Every fact is a claim field; every figure is followed by its
/// citation.
pub(super) fn figure_line(r: &FigureRow) -> Option<CitedSentence> {
    if r.cells.is_empty() {
        return None;
    }
    let mut text = String::new();
    match (&r.subject, &r.object) {
        (Some(s), Some(o)) => text.push_str(&format!("{} → {}, ", squash(s), squash(o))),
        (Some(s), None) => text.push_str(&format!("{}, ", squash(s))),
        (None, Some(o)) => text.push_str(&format!("→ {}, ", squash(o))),
        (None, None) => {}
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
    })
}
