//! Which rows were published between two days? [`DayRange`]: the query of a search's date
//! filter, answered from the days the facet counting already keeps laid flat per segment
//! ([`FlatSegment`]), one `i32` per row.
//!
//! tantivy's range query over the `published` fast column opened the column's block index
//! for every segment of every search (thousands of blocks deserialised) and decoded values
//! block by block for every row, sentence rows included: about 15% of a search's CPU at 100k
//! documents. Here a row the rest of the query proposes is checked with one array read
//! (`seek_danger`, which tantivy's intersection calls on every clause but the one leading it),
//! and a scan happens only when the date range leads, over a plain vector. The score is
//! tantivy's for a range query (the boost, constant), so hits rank and score as before.

use std::sync::Arc;

use tantivy::query::{ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::facets::{FlatCache, FlatSegment};

/// Rows dated from `from` to `to`, both included (days as [`crate::facets::day_of`] counts
/// them); rows without a date never match.
#[derive(Clone)]
pub(crate) struct DayRange {
    pub(crate) from: Option<i64>,
    pub(crate) to: Option<i64>,
    pub(crate) flat: Arc<FlatCache>,
}

impl std::fmt::Debug for DayRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DayRange")
            .field("from", &self.from)
            .field("to", &self.to)
            .finish()
    }
}

impl DayRange {
    /// The bounds as stored days: rows whose day `d` has `lo <= d <= hi` match.
    fn bounds(&self) -> (i32, i32) {
        let clamp = |d: i64| d.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        // The flat days mark an undated row with `i32::MIN`: the lowest bound is above it.
        let lo = self.from.map_or(i32::MIN, clamp).max(i32::MIN + 1);
        let hi = self.to.map_or(i32::MAX, clamp);
        (lo, hi)
    }
}

impl Query for DayRange {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for DayRange {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let flat = self.flat.get(reader)?;
        let (lo, hi) = self.bounds();
        let mut rows = DayRows {
            flat,
            lo,
            hi,
            doc: 0,
        };
        rows.doc = rows.next_from(0);
        Ok(Box::new(ConstScorer::new(rows, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "row {doc} is not in the date range"
            )));
        }
        Ok(Explanation::new("DayRange", scorer.score()))
    }
}

/// One segment's rows in a [`DayRange`].
struct DayRows {
    flat: Arc<FlatSegment>,
    lo: i32,
    hi: i32,
    doc: DocId,
}

impl DayRows {
    fn holds(&self, row: usize) -> bool {
        self.flat
            .days()
            .get(row)
            .is_some_and(|&d| d >= self.lo && d <= self.hi)
    }

    /// The first row at or after `from` in the range, or [`TERMINATED`].
    fn next_from(&self, from: DocId) -> DocId {
        let days = self.flat.days();
        let start = from as usize;
        if start >= days.len() {
            return TERMINATED;
        }
        match days[start..]
            .iter()
            .position(|&d| d >= self.lo && d <= self.hi)
        {
            Some(i) => (start + i) as DocId,
            None => TERMINATED,
        }
    }
}

impl DocSet for DayRows {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.next_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc != TERMINATED && target > self.doc {
            self.doc = self.next_from(target);
        }
        self.doc
    }

    fn seek_danger(&mut self, target: DocId) -> tantivy::SeekDangerResult {
        if target >= self.flat.days().len() as DocId {
            self.doc = TERMINATED;
            return tantivy::SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        if self.holds(target as usize) {
            self.doc = target;
            tantivy::SeekDangerResult::Found
        } else {
            // Any row up to the next one in range is a valid lower bound; the next is cheap.
            tantivy::SeekDangerResult::SeekLowerBound(target + 1)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // An upper bound: every row may be in range. It keeps this clause from leading an
        // intersection with the query's words, whose postings are read in order instead.
        self.flat.days().len() as u32
    }
}
