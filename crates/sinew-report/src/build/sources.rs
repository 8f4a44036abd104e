//! The numbered source list and the period the sources cover.

use chrono::NaiveDate;

use super::Corpus;
use crate::model::SourceEntry;

impl Corpus<'_> {
    /// The documents in source-number order (publication date, then source name).
    pub(super) fn sources(&self) -> Vec<SourceEntry> {
        self.docs
            .iter()
            .enumerate()
            .map(|(i, b)| SourceEntry {
                number: i + 1,
                doc: b.doc.id.clone(),
                source: b.doc.source.clone(),
                title: b.doc.title.clone(),
                site: b.doc.site.clone(),
                published: b.doc.published,
                url: b.doc.url.clone(),
                kind: b.kind,
                cited: 0,
            })
            .collect()
    }

    /// First and last publication dates among the sources.
    pub(super) fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self.docs.iter().filter_map(|d| d.doc.published);
        dates.clone().min().zip(dates.max())
    }
}
