//! Grouping claims that state the same figure.
//!
//! Claims are first bucketed by an exact key (subject, object, unit, rate), then clustered
//! inside each bucket. A claim joins a group when its measure is similar to a member's (or the
//! figure is a count of the same noun), its value is of the same order as the group's, its time
//! agrees with every dated member, and it does not come from the same sentence as a member: two
//! figures in one sentence are two different figures ("3 million rounds ... or 500,000 rounds").
//!
//! Claims are visited in an order computed from their content, so the result does not depend on
//! the order of the input.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use sinew_types::{Claim, DocId, QuantityKind, Span, TimeKind};

use crate::words::{content_stems, jaccard};

/// Measures at least this similar (Jaccard over stemmed content words) describe the same thing.
const MIN_MEASURE_SIMILARITY: f64 = 0.5;

/// Values further apart than this factor are different figures, whatever their words say.
const MAX_VALUE_RATIO: f64 = 3.0;

/// Dated values this close are the same amount reported with different rounding.
const SAME_AMOUNT_RATIO: f64 = 1.05;

/// Claims that state the same figure, possibly in several documents.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// Canonical name of the actor the figure is about, shared by all members.
    pub subject: Option<String>,
    /// Canonical name of the counterpart, shared by all members.
    pub object: Option<String>,
    /// Normalised unit (ISO 4217 code, `percent`, counted noun), shared by all members.
    pub unit: Option<String>,
    /// Rate period ("month"), shared by all members.
    pub per: Option<String>,
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
    let mut buckets: BTreeMap<BucketKey, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        buckets.entry(BucketKey::of(claim)).or_default().push(i);
    }

    let mut groups = Vec::new();
    for (_, mut members) in buckets {
        members.sort_by(|&a, &b| visit_order(&claims[a], &claims[b]).then(a.cmp(&b)));
        let mut open: Vec<Cluster> = Vec::new();
        for i in members {
            let probe = Probe::of(&claims[i]);
            match open.iter_mut().find(|c| c.accepts(&probe)) {
                Some(cluster) => cluster.add(i, probe),
                None => open.push(Cluster::new(i, probe)),
            }
        }
        groups.extend(open.into_iter().map(|c| c.finish(claims)));
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
    fn of(claim: &Claim) -> BucketKey {
        let norm = |s: &Option<String>| {
            s.as_deref()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
        };
        BucketKey {
            subject: norm(&claim.subject),
            object: norm(&claim.object),
            unit: norm(&claim.quantity.unit),
            per: norm(&claim.quantity.per),
        }
    }
}

/// A content order over claims: document, position, then the remaining fields, so that equal
/// inputs in any order are visited alike.
fn visit_order(a: &Claim, b: &Claim) -> Ordering {
    a.doc
        .cmp(&b.doc)
        .then(a.span.cmp(&b.span))
        .then(a.sentence.cmp(&b.sentence))
        .then_with(|| a.measure.cmp(&b.measure))
        .then_with(|| a.quantity.value.total_cmp(&b.quantity.value))
        .then_with(|| a.quantity.text.cmp(&b.quantity.text))
}

/// Dates a claim's time pins the figure to.
#[derive(Debug, Clone, Copy)]
enum When {
    /// Nothing resolved: agrees with anything.
    Unknown,
    /// A closed period, both ends inclusive.
    Period(NaiveDate, NaiveDate),
    /// An open period from a date ("since August 2023"): a running total.
    Since(NaiveDate),
}

impl When {
    fn of(claim: &Claim) -> When {
        let Some(t) = &claim.time else {
            return When::Unknown;
        };
        match (t.kind, t.start_date, t.end_date) {
            (TimeKind::Duration, _, _) => When::Unknown,
            (TimeKind::Since, Some(s), _) => When::Since(s),
            (TimeKind::Until, _, _) => When::Unknown,
            (_, Some(s), Some(e)) => When::Period(s.min(e), s.max(e)),
            (_, Some(d), None) | (_, None, Some(d)) => When::Period(d, d),
            (_, None, None) => When::Unknown,
        }
    }

    fn dated(self) -> bool {
        !matches!(self, When::Unknown)
    }

    /// Two periods agree when they overlap; a running total since a date agrees with another
    /// running total, and with a period that ends after the date.
    fn agrees(self, other: When) -> bool {
        match (self, other) {
            (When::Unknown, _) | (_, When::Unknown) => true,
            (When::Period(a0, a1), When::Period(b0, b1)) => a0 <= b1 && b0 <= a1,
            (When::Since(_), When::Since(_)) => true,
            (When::Since(s), When::Period(_, e)) | (When::Period(_, e), When::Since(s)) => e >= s,
        }
    }
}

/// What a cluster needs to know about a claim to decide whether it joins.
struct Probe {
    doc: DocId,
    span: Span,
    sentence: Span,
    counted: bool,
    stems: BTreeSet<String>,
    low: f64,
    high: f64,
    when: When,
}

impl Probe {
    fn of(claim: &Claim) -> Probe {
        let q = &claim.quantity;
        let value = if q.value.is_finite() { q.value } else { 0.0 };
        let top = q.value_max.filter(|v| v.is_finite()).unwrap_or(value);
        Probe {
            doc: claim.doc.clone(),
            span: claim.span,
            sentence: claim.sentence,
            counted: q.kind == QuantityKind::Count
                && q.unit.as_deref().is_some_and(|u| !u.trim().is_empty()),
            stems: content_stems(&claim.measure),
            low: value.min(top),
            high: value.max(top),
            when: When::of(claim),
        }
    }
}

struct Cluster {
    members: Vec<usize>,
    probes: Vec<Probe>,
    low: f64,
    high: f64,
}

impl Cluster {
    fn new(i: usize, probe: Probe) -> Cluster {
        Cluster {
            members: vec![i],
            low: probe.low,
            high: probe.high,
            probes: vec![probe],
        }
    }

    fn accepts(&self, p: &Probe) -> bool {
        let (low, high) = (self.low.min(p.low), self.high.max(p.high));
        if !values_close(low, high, MAX_VALUE_RATIO) {
            return false;
        }
        let compatible = self.probes.iter().all(|m| {
            let same_words = m.doc == p.doc && m.span == p.span;
            let same_sentence = m.doc == p.doc && m.sentence == p.sentence;
            (same_words || !same_sentence) && m.when.agrees(p.when)
        });
        compatible
            && self.probes.iter().any(|m| {
                // A count's unit is the counted noun, so the same unit is the same thing counted.
                (p.counted && m.counted)
                    || jaccard(&p.stems, &m.stems) >= MIN_MEASURE_SIMILARITY
                    // Sources word the same figure differently ("bilateral trade", "total trade
                    // turnover"); the same amount for the same pair and period is the same figure.
                    || (m.when.dated() && p.when.dated() && values_close(low, high, SAME_AMOUNT_RATIO))
            })
    }

    fn add(&mut self, i: usize, probe: Probe) {
        self.low = self.low.min(probe.low);
        self.high = self.high.max(probe.high);
        self.members.push(i);
        self.probes.push(probe);
    }

    fn finish(self, claims: &[Claim]) -> FigureGroup {
        let first = &claims[self.members[0]];
        FigureGroup {
            subject: first.subject.clone(),
            object: first.object.clone(),
            unit: first.quantity.unit.clone(),
            per: first.quantity.per.clone(),
            measure: representative_measure(
                self.members.iter().map(|&i| claims[i].measure.as_str()),
            ),
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
