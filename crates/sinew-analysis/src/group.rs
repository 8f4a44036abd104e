//! Grouping claims that state the same figure.
//!
//! Each claim is first read for its concept and actor order (`concept.rs`: "Russian dependence
//! on China" and "China's share of Russia's imports" are one figure, China -> Russia), then
//! claims are bucketed by an exact key (actors in that order, unit, rate) and clustered inside
//! each bucket. A claim joins a cluster when its concept agrees (or its measure is too vague
//! to tell), its measure is similar to a member's (similar words, the same concept narrowed
//! the same way, the same counted noun, or the same amount), its value is of the same order as
//! the cluster's, its time agrees with every dated member, and it does not come from the same
//! sentence as a member: two figures in one sentence are two different figures ("3 million
//! rounds ... or 500,000 rounds").
//!
//! Dated claims are visited first, so that undated ones join the period they fit best, and
//! each claim goes to the accepting cluster whose values are closest to its own. The visiting
//! order is computed from the claims' content, so the result does not depend on the order of
//! the input, and claims in other buckets never affect a bucket.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use sinew_types::{Claim, DocId, QuantityKind, Span, TimeKind};

use crate::concept::{read, scopes_match, Concept};
use crate::words::{content_stems, jaccard};

/// Measures at least this similar (Jaccard over stemmed content words) describe the same thing.
const MIN_MEASURE_SIMILARITY: f64 = 0.5;

/// Values further apart than this factor are different figures, whatever their words say.
const MAX_VALUE_RATIO: f64 = 3.0;

/// How much a running total since one day may grow between the reports of one cluster.
const MAX_RUNNING_RATIO: f64 = 50.0;

/// Values this close are the same amount reported with different rounding.
const SAME_AMOUNT_RATIO: f64 = 1.015;

/// Claims that state the same figure, possibly in several documents.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// Canonical name of the actor the figure is about (the supplier, the exporter; for
    /// trade, the first of the two in alphabetical order), shared by all members.
    pub subject: Option<String>,
    /// Canonical name of the counterpart, shared by all members.
    pub object: Option<String>,
    /// Normalised unit (ISO 4217 code, `percent`, counted noun), shared by all members.
    pub unit: Option<String>,
    /// Rate period ("month"), shared by all members.
    pub per: Option<String>,
    /// What kind of figure it is: the first concept its members tell.
    pub concept: Concept,
    /// A representative measure: the one most members use (ties: the shortest, then the first
    /// in alphabetical order).
    pub measure: String,
    /// Indexes into the input claims, ordered by document, then position in the document.
    pub members: Vec<usize>,
}

impl FigureGroup {
    /// How many distinct documents the members come from.
    pub fn doc_count(&self, claims: &[Claim]) -> usize {
        self.members
            .iter()
            .filter_map(|&i| claims.get(i))
            .map(|c| &c.doc)
            .collect::<HashSet<_>>()
            .len()
    }
}

/// Groups claims that state the same figure across documents.
///
/// Every claim lands in exactly one group; a claim with no match is a group of one. Groups are
/// ordered by the number of documents they span (most first), then by size, then by subject,
/// object, unit, rate and measure, so the output is stable and independent of input order.
pub fn group_figures(claims: &[Claim]) -> Vec<FigureGroup> {
    let meanings: Vec<_> = claims.iter().map(read).collect();
    let mut buckets: BTreeMap<BucketKey, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        let m = &meanings[i];
        buckets
            .entry(BucketKey::of(claim, &m.subject, &m.object))
            .or_default()
            .push(i);
    }

    let mut groups = Vec::new();
    for (_, mut members) in buckets {
        let probes: HashMap<usize, Probe> = members
            .iter()
            .map(|&i| (i, Probe::of(&claims[i], &meanings[i])))
            .collect();
        members.sort_by(|&a, &b| {
            probes[&b]
                .when
                .dated()
                .cmp(&probes[&a].when.dated())
                .then_with(|| visit_order(&claims[a], &claims[b]))
                .then(a.cmp(&b))
        });
        let mut open: Vec<Cluster> = Vec::new();
        for i in members {
            let probe = &probes[&i];
            let best = open
                .iter()
                .enumerate()
                .filter(|(_, c)| c.accepts(probe))
                .min_by(|(ia, a), (ib, b)| {
                    a.distance(probe)
                        .total_cmp(&b.distance(probe))
                        .then(ia.cmp(ib))
                })
                .map(|(k, _)| k);
            match best {
                Some(k) => open[k].add(i, probe),
                None => open.push(Cluster::new(i, probe)),
            }
        }
        groups.extend(open.into_iter().map(|c| c.finish(claims, &meanings)));
    }

    let docs: Vec<usize> = groups.iter().map(|g| g.doc_count(claims)).collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&groups[a], &groups[b]);
        docs[b]
            .cmp(&docs[a])
            .then(gb.members.len().cmp(&ga.members.len()))
            .then_with(|| ga.subject.cmp(&gb.subject))
            .then_with(|| ga.object.cmp(&gb.object))
            .then_with(|| ga.unit.cmp(&gb.unit))
            .then_with(|| ga.per.cmp(&gb.per))
            .then_with(|| ga.measure.cmp(&gb.measure))
            .then_with(|| visit_order(&claims[ga.members[0]], &claims[gb.members[0]]))
    });
    let mut slots: Vec<Option<FigureGroup>> = groups.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// What must be equal for two claims to state the same figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct BucketKey {
    subject: Option<String>,
    object: Option<String>,
    unit: Option<String>,
    per: Option<String>,
}

impl BucketKey {
    fn of(claim: &Claim, subject: &Option<String>, object: &Option<String>) -> BucketKey {
        let norm = |s: &Option<String>| {
            s.as_deref()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
        };
        BucketKey {
            subject: norm(subject),
            object: norm(object),
            unit: norm(&claim.quantity.unit),
            per: norm(&claim.quantity.per),
        }
    }
}

/// A content order over claims: document, position, then the remaining fields, so that equal
/// inputs in any order are visited alike.
pub(crate) fn visit_order(a: &Claim, b: &Claim) -> Ordering {
    a.doc
        .cmp(&b.doc)
        .then(a.span.cmp(&b.span))
        .then(a.sentence.cmp(&b.sentence))
        .then_with(|| a.measure.cmp(&b.measure))
        .then_with(|| a.quantity.value.total_cmp(&b.quantity.value))
        .then_with(|| a.quantity.text.cmp(&b.quantity.text))
}

/// Dates a claim's time pins the figure to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Nothing resolved: agrees with anything.
    Unknown,
    /// A closed period, both ends inclusive.
    Period(NaiveDate, NaiveDate),
    /// An open period from a date ("since August 2023"): a running total.
    Since(NaiveDate),
}

impl When {
    pub(crate) fn of(claim: &Claim) -> When {
        let Some(t) = &claim.time else {
            return When::Unknown;
        };
        match (t.kind, t.start_date, t.end_date) {
            (TimeKind::Duration, _, _) => When::Unknown,
            (TimeKind::Since, Some(s), _) => When::Since(s),
            (TimeKind::Since, None, _) => When::Unknown,
            (TimeKind::Until, _, _) => When::Unknown,
            (_, Some(s), Some(e)) => When::Period(s.min(e), s.max(e)),
            (_, Some(d), None) | (_, None, Some(d)) => When::Period(d, d),
            (_, None, None) => When::Unknown,
        }
    }

    pub(crate) fn dated(self) -> bool {
        !matches!(self, When::Unknown)
    }
}

/// The time constraints a cluster's dated members put on a newcomer. Pairwise-overlapping
/// periods share a common day, so a few extremes stand for all members.
#[derive(Debug, Clone, Copy)]
struct TimeFrame {
    /// Latest start of a member period.
    max_start: NaiveDate,
    /// Earliest end of a member period.
    min_end: NaiveDate,
    /// Latest start of a member running total.
    max_since: NaiveDate,
    /// Earliest start of a member running total.
    min_since: NaiveDate,
}

impl TimeFrame {
    fn open() -> TimeFrame {
        TimeFrame {
            max_start: NaiveDate::MIN,
            min_end: NaiveDate::MAX,
            max_since: NaiveDate::MIN,
            min_since: NaiveDate::MAX,
        }
    }

    /// Two periods agree when they overlap; a running total since a date agrees with another
    /// running total, and with a period that ends after the date.
    fn admits(&self, when: When) -> bool {
        match when {
            When::Unknown => true,
            When::Period(s, e) => s <= self.min_end && self.max_start <= e && e >= self.max_since,
            When::Since(s) => s <= self.min_end,
        }
    }

    fn add(&mut self, when: When) {
        match when {
            When::Unknown => {}
            When::Period(s, e) => {
                self.max_start = self.max_start.max(s);
                self.min_end = self.min_end.min(e);
            }
            When::Since(s) => {
                self.max_since = self.max_since.max(s);
                self.min_since = self.min_since.min(s);
            }
        }
    }
}

/// What a cluster needs to know about a claim to decide whether it joins.
struct Probe {
    doc: DocId,
    span: Span,
    sentence: Span,
    counted: bool,
    concept: Concept,
    stems: BTreeSet<String>,
    scope: BTreeSet<String>,
    value: f64,
    low: f64,
    high: f64,
    when: When,
}

impl Probe {
    fn of(claim: &Claim, meaning: &crate::concept::Meaning) -> Probe {
        let q = &claim.quantity;
        let value = if q.value.is_finite() { q.value } else { 0.0 };
        let top = q.value_max.filter(|v| v.is_finite()).unwrap_or(value);
        Probe {
            doc: claim.doc.clone(),
            span: claim.span,
            sentence: claim.sentence,
            counted: q.kind == QuantityKind::Count
                && q.unit.as_deref().is_some_and(|u| !u.trim().is_empty()),
            concept: meaning.concept,
            stems: content_stems(&claim.measure),
            scope: meaning.scope.clone(),
            value,
            low: value.min(top),
            high: value.max(top),
            when: When::of(claim),
        }
    }
}

/// One way members of a cluster word their figure; most clusters have a few.
struct Variant {
    concept: Concept,
    counted: bool,
    stems: BTreeSet<String>,
    scope: BTreeSet<String>,
}

struct Cluster {
    members: Vec<usize>,
    values: Vec<f64>,
    variants: Vec<Variant>,
    /// Spans of the members' figures, by (document, sentence).
    sentences: HashMap<(DocId, Span), Vec<Span>>,
    frame: TimeFrame,
    concept: Concept,
    low: f64,
    high: f64,
    sum: f64,
}

impl Cluster {
    fn new(i: usize, probe: &Probe) -> Cluster {
        let mut c = Cluster {
            members: Vec::new(),
            values: Vec::new(),
            variants: Vec::new(),
            sentences: HashMap::new(),
            frame: TimeFrame::open(),
            concept: Concept::Other,
            low: probe.low,
            high: probe.high,
            sum: 0.0,
        };
        c.add(i, probe);
        c
    }

    fn accepts(&self, p: &Probe) -> bool {
        let (low, high) = (self.low.min(p.low), self.high.max(p.high));
        // A running total counted since the same day as the cluster's may have grown many
        // times over between reports.
        let limit = match p.when {
            When::Since(s) if s == self.frame.max_since && s == self.frame.min_since => {
                MAX_RUNNING_RATIO
            }
            _ => MAX_VALUE_RATIO,
        };
        if !values_close(low, high, limit) || !self.frame.admits(p.when) {
            return false;
        }
        if !(self.concept == p.concept
            || self.concept == Concept::Other
            || p.concept == Concept::Other)
        {
            return false;
        }
        if let Some(spans) = self.sentences.get(&(p.doc.clone(), p.sentence)) {
            // Two figures in one sentence are two figures; the same words twice are one.
            if spans.iter().any(|s| *s != p.span) {
                return false;
            }
        }
        let same_amount = self
            .values
            .iter()
            .any(|&v| values_close(v.min(p.value), v.max(p.value), SAME_AMOUNT_RATIO));
        self.variants.iter().any(|m| {
            let compatible = m.concept == p.concept
                || m.concept == Concept::Other
                || p.concept == Concept::Other;
            let narrowed_apart =
                !m.scope.is_empty() && !p.scope.is_empty() && !scopes_match(&m.scope, &p.scope);
            compatible
                && ((p.counted && m.counted)
                    || jaccard(&p.stems, &m.stems) >= MIN_MEASURE_SIMILARITY
                    || (p.concept == m.concept
                        && p.concept != Concept::Other
                        && scopes_match(&p.scope, &m.scope))
                    // Sources word the same figure differently ("reaching a record", "total
                    // trade turnover"); the same amount for the same pair is the same figure,
                    // unless the two say what it is a share of and that differs.
                    || (same_amount && !narrowed_apart))
        })
    }

    /// How far the probe's value is from the cluster's mean, relative to the larger.
    fn distance(&self, p: &Probe) -> f64 {
        let mean = self.sum / self.members.len() as f64;
        let scale = mean.abs().max(p.value.abs());
        if scale == 0.0 {
            0.0
        } else {
            (p.value - mean).abs() / scale
        }
    }

    fn add(&mut self, i: usize, p: &Probe) {
        self.low = self.low.min(p.low);
        self.high = self.high.max(p.high);
        self.members.push(i);
        self.values.push(p.value);
        self.sum += p.value;
        self.frame.add(p.when);
        if self.concept == Concept::Other {
            self.concept = p.concept;
        }
        self.sentences
            .entry((p.doc.clone(), p.sentence))
            .or_default()
            .push(p.span);
        let known = self.variants.iter().any(|v| {
            v.concept == p.concept
                && v.counted == p.counted
                && v.stems == p.stems
                && v.scope == p.scope
        });
        if !known {
            self.variants.push(Variant {
                concept: p.concept,
                counted: p.counted,
                stems: p.stems.clone(),
                scope: p.scope.clone(),
            });
        }
    }

    fn finish(mut self, claims: &[Claim], meanings: &[crate::concept::Meaning]) -> FigureGroup {
        self.members
            .sort_by(|&a, &b| visit_order(&claims[a], &claims[b]).then(a.cmp(&b)));
        let first = self.members[0];
        FigureGroup {
            subject: meanings[first].subject.clone(),
            object: meanings[first].object.clone(),
            unit: claims[first].quantity.unit.clone(),
            per: claims[first].quantity.per.clone(),
            concept: self.concept,
            // Measures that tell the group's concept are the informative ones.
            measure: {
                let telling: Vec<&str> = self
                    .members
                    .iter()
                    .filter(|&&i| meanings[i].concept == self.concept)
                    .map(|&i| claims[i].measure.as_str())
                    .collect();
                representative_measure(telling.into_iter())
            },
            members: self.members,
        }
    }
}

/// True when every value in `[low, high]` is within `ratio` of every other.
fn values_close(low: f64, high: f64, ratio: f64) -> bool {
    if low == high {
        return true;
    }
    if low < 0.0 && high > 0.0 {
        return false;
    }
    let (small, big) = (low.abs().min(high.abs()), low.abs().max(high.abs()));
    small > 0.0 && big / small <= ratio
}

fn representative_measure<'a>(measures: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in measures {
        *counts.entry(m.trim()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(b.len().cmp(&a.len())).then(b.cmp(a)))
        .map(|(m, _)| m.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ratio() {
        for (low, high, close) in [
            (6700.0, 11000.0, true),
            (240e9, 241e9, true),
            (500000.0, 3e6, false),
            (0.0, 0.0, true),
            (0.0, 5.0, false),
            (-5.0, 5.0, false),
            (-6.0, -4.0, true),
        ] {
            assert_eq!(
                values_close(low, high, MAX_VALUE_RATIO),
                close,
                "{low} {high}"
            );
        }
    }

    #[test]
    fn representative_is_most_common_then_shortest() {
        assert_eq!(
            representative_measure(["b trade", "a", "b trade"].into_iter()),
            "b trade"
        );
        assert_eq!(
            representative_measure(["trade value", "trade", "bilateral trade"].into_iter()),
            "trade"
        );
        assert_eq!(representative_measure(std::iter::empty()), "");
    }
}
