//! How many matches have each facet value? A tantivy collector that counts, over every match of
//! a query (not only the page shown), the values of the facet columns and the publication
//! months.
//!
//! Each segment counts by the column's term ordinals in a plain vector (one add per value of a
//! matching row, no hashing, no string), kept zeroed between searches. The merge adds each
//! segment's counted values into index-wide counts by number: every value of every segment
//! laid flat is numbered once ([`Values`]), each segment keeps its ordinals' numbers, and only
//! the values shown are named. So the counts are exact however many segments the index has
//! (they were once each segment's few hundred most frequent values, named from the
//! dictionaries and merged by name in hash maps, which was a tenth of a search's CPU at 100k
//! documents in 15 segments). Each segment also notes the values it counted, once each as
//! first met, so the merge reads only those (a narrow query's few, not every value of a
//! 100k-document segment's dictionaries). Dates are counted per day (in a vector from the
//! segment's first day) and folded into months at the merge.
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
use std::sync::{Arc, Mutex, RwLock};

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
    /// Each value's number in the index-wide list of values ([`Values`]), by its place in
    /// the shared space of ordinals: the facet dictionaries read once, so a search's merge
    /// adds a segment's counts into index-wide ones by number, naming no value but those
    /// shown.
    global: Vec<u32>,
    /// Zeroed count vectors of this segment's size, kept for the next searches: a fresh one
    /// each search was pages zeroed by the kernel, some 6% of a search's CPU at 100k.
    spare: Mutex<Vec<Vec<u32>>>,
}

/// A facet value: its facet (by place in [`FACET_FIELDS`]) and its text.
type Named = (u8, Box<str>);

/// Every facet value of the segments laid flat, numbered once, with its facet.
#[derive(Default)]
pub(crate) struct Values {
    ids: HashMap<Named, u32>,
    names: Vec<Named>,
}

impl Values {
    fn id(&mut self, facet: u8, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(&(facet, Box::from(name))) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push((facet, Box::from(name)));
        self.ids.insert((facet, Box::from(name)), id);
        id
    }
}

/// The flat values of the segments searched lately, by segment.
#[derive(Default)]
pub(crate) struct FlatCache {
    segments: Mutex<HashMap<SegmentId, Arc<FlatSegment>>>,
    /// The values of every segment laid flat (kept when a segment goes: a merged segment
    /// holds the same values).
    values: RwLock<Values>,
    /// Zeroed index-wide count vectors, kept for the next merges.
    spare: Mutex<Vec<Vec<u64>>>,
    /// Empty lists of value numbers (a segment's values touched, the merge's values seen),
    /// kept with their room for the next searches: grown afresh each search, up to tens of
    /// thousands of values, they were pages the kernel zeroed, some 5% of an uncached
    /// search's CPU at 100k documents.
    lists: Mutex<Vec<Vec<u32>>>,
}

impl FlatCache {
    /// An empty list of value numbers, with room kept from an earlier search when there is one.
    fn list(&self) -> Vec<u32> {
        self.lists
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_default()
    }

    /// Gives `list` back, emptied, for the next search.
    fn give_back(&self, mut list: Vec<u32>) {
        list.clear();
        self.lists
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(list);
    }

    /// The flat values of `reader`'s segment, laid flat now if they are not kept. Built under
    /// the lock: searches arriving together wait for one build rather than each making one.
    pub(crate) fn get(&self, reader: &SegmentReader) -> tantivy::Result<Arc<FlatSegment>> {
        let mut kept = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(flat) = kept.get(&reader.segment_id()) {
            return Ok(Arc::clone(flat));
        }
        let (mut flat, names) = FlatSegment::build(reader)?;
        let mut values = self.values.write().unwrap_or_else(|e| e.into_inner());
        flat.global = names
            .iter()
            .map(|(facet, name)| values.id(*facet, name))
            .collect();
        drop(values);
        let flat = Arc::new(flat);
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
    /// Each row's day (days from the common era), `i32::MIN` for a row without a date.
    pub(crate) fn days(&self) -> &[i32] {
        &self.days
    }

    /// The segment laid flat (its `global` numbers still to give), and its values' facets
    /// and names in its shared space of ordinals.
    fn build(reader: &SegmentReader) -> tantivy::Result<(FlatSegment, Vec<Named>)> {
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
        let mut names: Vec<Named> = Vec::with_capacity(bases[FACET_FIELDS.len()]);
        for (k, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                names.push((k as u8, String::from_utf8_lossy(terms.key()).into()));
            }
            // A dictionary is its column's ordinals in order: one name each, no more, no less.
            names.resize(bases[k + 1], (k as u8, Box::from("")));
        }
        let mut flat = FlatSegment {
            runs: Vec::with_capacity(max),
            values: Vec::new(),
            bases,
            days: vec![NO_DAY; max],
            day_range: published.as_ref().map(|c| (c.min_value(), c.max_value())),
            global: Vec::new(),
            spare: Mutex::new(Vec::new()),
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
        Ok((flat, names))
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
        let counts = flat
            .spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_else(|| vec![0; flat.bases[FACET_FIELDS.len()]]);
        Ok(SegmentFacets {
            counts,
            touched: self.flat.list(),
            flat,
            days,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<Facets> {
        let values = self.flat.values.read().unwrap_or_else(|e| e.into_inner());
        // Index-wide counts by value number: every segment of this search was laid flat,
        // and its values numbered, before this read.
        let mut totals = self
            .flat
            .spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_default();
        totals.resize(values.names.len(), 0);
        let mut seen: Vec<u32> = self.flat.list();
        let mut by_day: HashMap<i64, u64> = HashMap::new();
        for fruit in fruits {
            let flat = &*fruit.flat;
            let mut counts = fruit.counts;
            for &v in &fruit.touched {
                let Some(n) = counts.get_mut(v as usize) else {
                    continue;
                };
                if let Some(&id) = flat.global.get(v as usize) {
                    if let Some(total) = totals.get_mut(id as usize) {
                        if *total == 0 {
                            seen.push(id);
                        }
                        *total += u64::from(*n);
                    }
                }
                // Zeroed as read, so the vector goes back to the segment's spares clean.
                *n = 0;
            }
            flat.spare
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(counts);
            self.flat.give_back(fruit.touched);
            for (day, n) in fruit.days.into_days() {
                *by_day.entry(day).or_default() += n;
            }
        }
        let mut lists: Vec<Vec<(u64, &str)>> = vec![Vec::new(); FACET_FIELDS.len()];
        for &id in &seen {
            let (facet, name) = &values.names[id as usize];
            if let Some(list) = lists.get_mut(usize::from(*facet)) {
                list.push((totals[id as usize], name));
            }
            totals[id as usize] = 0;
        }
        self.flat.give_back(seen);
        self.flat
            .spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(totals);
        let mut lists = lists.into_iter().map(|l| ranked(l, self.top));
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

/// The `top` most frequent values, then by value.
fn ranked(mut list: Vec<(u64, &str)>, top: usize) -> Vec<FacetCount> {
    let order = |a: &(u64, &str), b: &(u64, &str)| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1));
    if list.len() > top && top > 0 {
        list.select_nth_unstable_by(top - 1, order);
    }
    list.truncate(top);
    list.sort_unstable_by(order);
    list.into_iter()
        .map(|(count, value)| FacetCount {
            value: value.to_string(),
            count,
        })
        .collect()
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
