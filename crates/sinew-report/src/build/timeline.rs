//! The timeline: the dated figures of the figures table, earliest first, each cited. A figure
//! is placed at the first day its time covers ("2023" at 1 January 2023) and shown with the
//! date as precise as its words ("2023", "August 2023", "18 October 2024"). Events join it
//! when extraction gives them dates of their own.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use sinew_types::Grain;

use super::Corpus;
use crate::model::{CitedSentence, FigureRow, TimelineEntry};
use crate::text::squash;

const MAX_TIMELINE: usize = 30;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "August 2023".
pub(super) fn month_year(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

/// A date as precise as its grain.
fn when(d: NaiveDate, grain: Grain) -> String {
    match grain {
        Grain::Year | Grain::Decade | Grain::Century => d.year().to_string(),
        Grain::Month | Grain::Season | Grain::Quarter | Grain::Half => month_year(d),
        _ => format!("{} {}", d.day(), month_year(d)),
    }
}

impl Corpus<'_> {
    pub(super) fn timeline(&self, rows: &[FigureRow]) -> Vec<TimelineEntry> {
        let claims = self.findings.claims;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for g in super::picks::figure_groups(self.findings.ledger) {
            let Some(row) = rows.iter().find(|r| r.group == g.id) else {
                continue;
            };
            // a figure with no actor, or an actor trading with itself, says too little here
            if row.subject.is_none()
                || row.subject == row.object
                || !self.figure_in_focus(
                    row.subject.as_deref(),
                    row.object.as_deref(),
                    self.row_theme(row),
                )
            {
                continue;
            }
            for i in super::picks::statements(g) {
                let Some(c) = claims.get(&i) else { continue };
                let Some(t) = &c.time else { continue };
                let Some(start) = t.start_date else { continue };
                // a span of years ("between 2021 and 2023") is placed at its end and shown whole
                let end = t.end_date.filter(|e| e.year() != start.year());
                let date = end.unwrap_or(start);
                let shown = match end {
                    Some(e) => format!("{} to {}", start.year(), e.year()),
                    None => when(start, t.grain),
                };
                let Some((doc, span)) = self.locate(c) else {
                    continue;
                };
                let Some(words) = span.slice(self.text(doc)) else {
                    continue;
                };
                let value = squash(words);
                if !seen.insert((date, g.id.clone(), value.clone())) {
                    continue;
                }
                let mut text = String::new();
                match (&row.subject, &row.object) {
                    (Some(s), Some(o)) => {
                        text.push_str(&format!("{} → {}, ", squash(s), squash(o)))
                    }
                    (Some(s), None) => text.push_str(&format!("{}, ", squash(s))),
                    _ => {}
                }
                text.push_str(&format!("{}: {value}", squash(&row.measure)));
                let mark = text.len();
                text.push('.');
                out.push(TimelineEntry {
                    date,
                    when: shown,
                    line: CitedSentence {
                        text,
                        citations: vec![self.citation(doc, span)],
                        marks: vec![mark],
                        verbatim: false,
                        speaker: None,
                    },
                });
            }
        }
        // the figures of the ledger's first groups (most documents first), then by date
        out.truncate(MAX_TIMELINE);
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.line.text.cmp(&b.line.text)));
        out
    }
}
