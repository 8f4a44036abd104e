//! How many matches have each facet value? A tantivy collector that counts, over every match of
//! a query (not only the page shown), the values of the facet columns and the publication
//! months.
//!
//! Each segment counts by the column's term ordinals in a plain vector (one add per value of a
//! matching row, no hashing, no string) and turns ordinals into strings only at the merge,
//! and only for the values that can be shown: each segment's [`per_segment`] most frequent
//! values, named from the segment's dictionaries read once into memory (reading every counted
//! value's text from the dictionary was about 90% of a search's CPU on 100k documents whose
//! entity facet holds tens of thousands of names; reading even the few hundred shown, block by
//! block, was still most of a merge, so the names are kept with the segment's flat values,
//! below). A value outside a segment's top list is not counted from that segment:
//! with `per_segment` at least eight times the values shown (and at least 256), a shown
//! value's count can fall short only when it is rare in some segment yet frequent overall,
//! which the long tail of a facet does not do; with one segment (a merged index) the counts
//! are exact. Each segment also notes the values it counted, once each as first met, so the
//! merge reads only those (a narrow query's few, not every value of a 100k-document
//! segment's dictionaries, which was 9% of a search's CPU there). Dates are counted per day (in a vector from the segment's first day) and folded
//! into months at the merge.
//!
//! Counting reads no column: each segment's facet values are laid flat once, the first time a
//! search meets the segment ([`FlatSegment`], kept by [`FlatCache`] while the segment lives;
//! segments never change, a commit or a merge makes new ones), as one run of ordinals per row
//! in a space the six facets share (rows of one document, its sentences', have the same
//! values and share one run) and one day per row. A match is then a slice of integers added
//! into one vector and a day. Read from tantivy's columns per match, even in batches of 1,024
//! with its batch calls, counting was half the instructions of an uncached search over 100k
//! documents (each batch walked the presence index and the value offsets of seven columns).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::{ColumnIndex, ColumnValues};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::{FacetCount, Facets};

/// The facet columns, in the order of [`Facets`]' lists.
pub(crate) const FACET_FIELDS: [&str; 6] =
    ["source", "lang", "entity", "country", "flow_kind", "unit"];

/// The column of publication dates (days since 1 January of year 1, as chrono counts them).
pub(crate) const PUBLISHED: &str = "published";

/// Counts facet values over every match; keeps the `top` most frequent values of each facet.
pub(crate) struct FacetCollector {
    pub(crate) top: usize,
    /// The segments' flat values, built on first use.
    pub(crate) flat: Arc<FlatCache>,
}

impl FacetCollector {
    /// How many of each segment's most frequent values are read as text at the merge.
    fn per_segment(&self) -> usize {
        self.top.saturating_mul(8).max(256)
    }
}

/// Rows read from the columns at a time when a segment is laid flat.
const BATCH: usize = 1024;

/// The day of a row without a date.
const NO_DAY: i32 = i32::MIN;

/// One segment's facet values, laid flat (see the module doc).
pub(crate) struct FlatSegment {
    /// Each row's run of values in `values`, as (start, end).
    runs: Vec<(u32, u32)>,
    /// Ordinals, facet `k`'s shifted by `bases[k]`.
    values: Vec<u32>,
    /// Where each facet's ordinals start in the shared space; the last is the space's size.
    bases: [usize; FACET_FIELDS.len() + 1],
    /// Each row's day, or [`NO_DAY`].
    days: Vec<i32>,
    /// The earliest and latest day of the segment's rows.
    day_range: Option<(i64, i64)>,
    /// Each value's text, by its place in the shared space of ordinals: the facet
    /// dictionaries read once, so a search's merge names its counted values without decoding
    /// dictionary blocks (that decoding was the largest cost of a merge).
    names: Vec<Box<str>>,
}

/// The flat values of the segments searched lately, by segment.
#[derive(Default)]
pub(crate) struct FlatCache {
    segments: Mutex<HashMap<SegmentId, Arc<FlatSegment>>>,
}

impl FlatCache {
    /// The flat values of `reader`'s segment, laid flat now if they are not kept. Built under
    /// the lock: searches arriving together wait for one build rather than each making one.
    fn get(&self, reader: &SegmentReader) -> tantivy::Result<Arc<FlatSegment>> {
        let mut kept = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(flat) = kept.get(&reader.segment_id()) {
            return Ok(Arc::clone(flat));
        }
        let flat = Arc::new(FlatSegment::build(reader)?);
        kept.insert(reader.segment_id(), Arc::clone(&flat));
        Ok(flat)
    }

    /// Drops the values of segments not in `live` (merged away or deleted).
    pub(crate) fn keep_only(&self, live: &[SegmentId]) {
        let mut kept = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        kept.retain(|id, _| live.contains(id));
    }
}

impl FlatSegment {
    fn build(reader: &SegmentReader) -> tantivy::Result<FlatSegment> {
        let fast = reader.fast_fields();
        let mut columns = Vec::with_capacity(FACET_FIELDS.len());
        let mut bases = [0usize; FACET_FIELDS.len() + 1];
        for (k, name) in FACET_FIELDS.iter().enumerate() {
            let column = fast.str(name)?;
            bases[k + 1] = bases[k] + column.as_ref().map_or(0, |c| c.num_terms());
            columns.push(column);
        }
        let published = fast.column_opt::<i64>(PUBLISHED)?;
        let max = reader.max_doc() as usize;
        let mut names: Vec<Box<str>> = Vec::with_capacity(bases[FACET_FIELDS.len()]);
        for (k, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                names.push(String::from_utf8_lossy(terms.key()).into());
            }
            // A dictionary is its column's ordinals in order: one name each, no more, no less.
            names.resize(bases[k + 1], Box::from(""));
        }
        let mut flat = FlatSegment {
            runs: Vec::with_capacity(max),
            values: Vec::new(),
            bases,
            days: vec![NO_DAY; max],
            day_range: published.as_ref().map(|c| (c.min_value(), c.max_value())),
            names,
        };
        let mut rows = Rows::default();
        let mut batch: Vec<DocId> = Vec::with_capacity(BATCH);
        let mut own: Vec<Vec<u32>> = vec![Vec::new(); BATCH];
        for first in (0..max).step_by(BATCH) {
            batch.clear();
            batch.extend((first..max.min(first + BATCH)).map(|d| d as DocId));
            for v in &mut own {
                v.clear();
            }
            for (k, column) in columns.iter().enumerate() {
                let Some(column) = column else { continue };
                let ords = column.ords();
                rows.of(&ords.index, &batch);
                rows.ords.clear();
                rows.ords.resize(rows.rows.len(), 0);
                ords.values.get_vals(&rows.rows, &mut rows.ords);
                for (&owner, &ord) in rows.owners.iter().zip(&rows.ords) {
                    own[owner as usize - first].push((bases[k] as u64 + ord) as u32);
                }
            }
            if let Some(published) = &published {
                rows.of(&published.index, &batch);
                rows.days.clear();
                rows.days.resize(rows.rows.len(), 0);
                published.values.get_vals(&rows.rows, &mut rows.days);
                for (&owner, &day) in rows.owners.iter().zip(&rows.days) {
                    // A document's first (and only) date.
                    let slot = &mut flat.days[owner as usize];
                    if *slot == NO_DAY {
                        *slot = i32::try_from(day).unwrap_or(NO_DAY);
                    }
                }
            }
            for values in own.iter().take(batch.len()) {
                // A document's sentences follow it with its values: one run for them all.
                if let Some(&(start, end)) = flat.runs.last() {
                    if flat.values[start as usize..end as usize] == values[..] {
                        flat.runs.push((start, end));
                        continue;
                    }
                }
                let start = flat.values.len() as u32;
                flat.values.extend_from_slice(values);
                flat.runs.push((start, flat.values.len() as u32));
            }
        }
        flat.values.shrink_to_fit();
        Ok(flat)
    }
}

/// One segment's counting.
pub(crate) struct SegmentFacets {
    flat: Arc<FlatSegment>,
    counts: Vec<u32>,
    /// The values counted, each once (in the order first met): what the merge reads, so
    /// its cost follows the values the matches have, not all the segment's values.
    touched: Vec<u32>,
    days: DayCounts,
}

/// Buffers for reading a batch of rows' values, kept across batches.
#[derive(Default)]
struct Rows {
    /// The rows that have values (what the presence index's batch call gives back).
    present: Vec<DocId>,
    /// Their ranks in the presence index (a multi-valued column's documents with values).
    ranks: Vec<u32>,
    /// Where each row's values start, and end.
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// The rows of the values to read, and the document each belongs to.
    rows: Vec<u32>,
    owners: Vec<DocId>,
    /// The values read.
    ords: Vec<u64>,
    days: Vec<i64>,
}

impl Rows {
    /// Fills `self.rows` with the value rows of the documents `docs` (ascending) in a column
    /// indexed by `index`, and `self.owners` with the document of each.
    fn of(&mut self, index: &ColumnIndex, docs: &[DocId]) {
        self.rows.clear();
        self.owners.clear();
        match index {
            ColumnIndex::Empty { .. } => {}
            ColumnIndex::Full => {
                self.rows.extend_from_slice(docs);
                self.owners.extend_from_slice(docs);
            }
            ColumnIndex::Optional(present) => {
                self.present.clear();
                present.rank_if_exists_batch(docs, &mut self.present, &mut self.rows);
                self.owners.extend_from_slice(&self.present);
            }
            ColumnIndex::Multivalued(multi) => {
                self.ranks.clear();
                self.present.clear();
                match multi {
                    MultiValueIndex::MultiValueIndexV1(_) => {
                        self.ranks.extend_from_slice(docs);
                        self.present.extend_from_slice(docs);
                    }
                    MultiValueIndex::MultiValueIndexV2(v2) => {
                        v2.optional_index.rank_if_exists_batch(
                            docs,
                            &mut self.present,
                            &mut self.ranks,
                        );
                    }
                }
                let offsets = multi.get_start_index_column();
                self.starts.clear();
                self.starts.resize(self.ranks.len(), 0);
                offsets.get_vals(&self.ranks, &mut self.starts);
                for r in &mut self.ranks {
                    *r += 1;
                }
                self.ends.clear();
                self.ends.resize(self.ranks.len(), 0);
                offsets.get_vals(&self.ranks, &mut self.ends);
                for ((&start, &end), &doc) in self.starts.iter().zip(&self.ends).zip(&self.present)
                {
                    self.rows.extend(start..end);
                    self.owners
                        .extend(std::iter::repeat_n(doc, (end - start) as usize));
                }
            }
        }
    }
}

/// One segment's counts, by ordinal, with the segment's flat values that name the ordinals.
pub(crate) struct SegmentCounts {
    flat: Arc<FlatSegment>,
    /// By ordinal in the shared space (`FlatSegment::bases` cut it into facets).
    counts: Vec<u32>,
    touched: Vec<u32>,
    days: DayCounts,
}

/// Widest span of days counted in a plain vector (some 180 years); a segment whose dates
/// spread wider (a page dated in year 1 beside this year's news) counts in a map.
const DAYS_IN_VECTOR: i64 = 1 << 16;

/// Matches per publication day in one segment. Counting is one add per match: into a vector
/// indexed from the segment's first day when its days span at most [`DAYS_IN_VECTOR`]
/// (hashing each match's day was a sizeable share of a search over many matches), else into a
/// map.
enum DayCounts {
    Span { first: i64, counts: Vec<u64> },
    Map(HashMap<i64, u64>),
}

impl DayCounts {
    fn for_range(range: Option<(i64, i64)>) -> DayCounts {
        match range {
            Some((min, max)) if max.saturating_sub(min) < DAYS_IN_VECTOR => DayCounts::Span {
                first: min,
                counts: vec![0; (max - min + 1) as usize],
            },
            Some(_) => DayCounts::Map(HashMap::new()),
            None => DayCounts::Span {
                first: 0,
                counts: Vec::new(),
            },
        }
    }

    fn add(&mut self, day: i64) {
        match self {
            DayCounts::Span { first, counts } => {
                if let Some(n) = usize::try_from(day - *first)
                    .ok()
                    .and_then(|i| counts.get_mut(i))
                {
                    *n += 1;
                }
            }
            DayCounts::Map(map) => *map.entry(day).or_default() += 1,
        }
    }

    /// Each counted day with its count.
    fn into_days(self) -> Vec<(i64, u64)> {
        match self {
            DayCounts::Span { first, counts } => counts
                .into_iter()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .map(|(i, n)| (first + i as i64, n))
                .collect(),
            DayCounts::Map(map) => map.into_iter().collect(),
        }
    }
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let flat = self.flat.get(reader)?;
        let days = DayCounts::for_range(flat.day_range);
        Ok(SegmentFacets {
            counts: vec![0; flat.bases[FACET_FIELDS.len()]],
            touched: Vec::new(),
            flat,
            days,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<Facets> {
        let mut by_value: Vec<HashMap<String, u64, NamesHash>> = (0..FACET_FIELDS.len())
            .map(|_| HashMap::default())
            .collect();
        let mut by_day: HashMap<i64, u64> = HashMap::new();
        let keep = self.per_segment();
        let mut counted: Vec<(u64, u64)> = Vec::new();
        for fruit in fruits {
            let flat = &*fruit.flat;
            // The values the matches have, in ordinal order, so each facet's are one run.
            let mut touched = fruit.touched;
            touched.sort_unstable();
            for (k, values) in by_value.iter_mut().enumerate() {
                let lo = touched.partition_point(|&v| (v as usize) < flat.bases[k]);
                let hi = touched.partition_point(|&v| (v as usize) < flat.bases[k + 1]);
                counted.clear();
                counted.extend(touched.get(lo..hi).unwrap_or_default().iter().map(|&v| {
                    let n = fruit.counts.get(v as usize).copied().unwrap_or(0);
                    (u64::from(n), (v as usize - flat.bases[k]) as u64)
                }));
                if counted.len() > keep {
                    // The `keep` largest counts (ties by ordinal, so the choice is stable).
                    counted.select_nth_unstable_by(keep - 1, |a, b| {
                        b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1))
                    });
                    counted.truncate(keep);
                }
                for &(n, ord) in &counted {
                    let Some(word) = flat.names.get(flat.bases[k] + ord as usize) else {
                        continue;
                    };
                    match values.get_mut(&**word) {
                        Some(total) => *total += n,
                        None => {
                            values.insert(word.to_string(), n);
                        }
                    }
                }
            }
            for (day, n) in fruit.days.into_days() {
                *by_day.entry(day).or_default() += n;
            }
        }
        let mut lists = by_value.into_iter().map(|m| ranked(m, self.top));
        let mut facets = Facets {
            sources: lists.next().unwrap_or_default(),
            langs: lists.next().unwrap_or_default(),
            entities: lists.next().unwrap_or_default(),
            countries: lists.next().unwrap_or_default(),
            flow_kinds: lists.next().unwrap_or_default(),
            units: lists.next().unwrap_or_default(),
            months: Vec::new(),
        };
        let mut months: HashMap<NaiveDate, u64> = HashMap::new();
        for (day, n) in by_day {
            if let Some(month) = month_of(day) {
                *months.entry(month).or_default() += n;
            }
        }
        facets.months = months.into_iter().collect();
        facets.months.sort_unstable();
        Ok(facets)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.count(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.count(doc);
        }
    }

    fn harvest(self) -> SegmentCounts {
        SegmentCounts {
            flat: self.flat,
            counts: self.counts,
            touched: self.touched,
            days: self.days,
        }
    }
}

impl SegmentFacets {
    /// Counts one match's values and day.
    fn count(&mut self, doc: DocId) {
        let flat = &*self.flat;
        let doc = doc as usize;
        if let Some(&(start, end)) = flat.runs.get(doc) {
            for &v in &flat.values[start as usize..end as usize] {
                if let Some(n) = self.counts.get_mut(v as usize) {
                    if *n == 0 {
                        self.touched.push(v);
                    }
                    *n += 1;
                }
            }
        }
        if let Some(&day) = flat.days.get(doc) {
            if day != NO_DAY {
                self.days.add(i64::from(day));
            }
        }
    }
}

/// The hasher of the merge's maps from a value's name to its count: a search at 100k
/// documents in 20 segments looks up thousands of names (each segment's top values of each
/// facet), and SipHash, which resists keys chosen to collide, was 7% of its CPU; the names
/// are the index's own (ingested articles' entities, sources, units), and a collision only
/// slows a lookup, so a multiply-rotate hash of 8 bytes at a time does.
#[derive(Default, Clone, Copy)]
struct NamesHasher(u64);

impl std::hash::Hasher for NamesHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type NamesHash = std::hash::BuildHasherDefault<NamesHasher>;

/// The `top` most frequent values, then by value.
fn ranked<S>(counts: HashMap<String, u64, S>, top: usize) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    list.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list.truncate(top);
    list
}

/// The first day of the month of a day number (chrono's days from the common era).
fn month_of(day: i64) -> Option<NaiveDate> {
    let date = NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)?;
    date.with_day(1)
}

/// The day number a date is stored under.
pub(crate) fn day_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date a stored day number stands for.
pub(crate) fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}
