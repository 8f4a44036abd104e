//! Each claim as what a cluster needs to decide whether it joins ([`Probe`]), and the bounds
//! the candidate index (`index.rs`) reads from it: the magnitudes ([`magnitudes`]) and the
//! periods ([`periods`]) of the clusters that `Cluster::accepts` could let it join.

use chrono::NaiveDate;
use sinew_types::{Claim, MeasureKind, QuantityKind, Span};

use super::sense::Sense;
use super::{When, MAX_WINDOW_RATIO};
use crate::concept::accumulates;

/// Values further apart than this factor are different figures, whatever their words say.
pub(super) const MAX_VALUE_RATIO: f64 = 3.0;

/// How much a running total since one day may grow between the reports of one cluster.
pub(super) const MAX_RUNNING_RATIO: f64 = 50.0;

/// A vague amount ("thousands of") and precise ones are one figure only if the precise values
/// lie within this factor of the vague range: news stretches "thousands" to 10,000 or 20,000,
/// never to a million.
pub(super) const VAGUE_REACH: f64 = 10.0;

/// What a cluster needs to know about a claim to decide whether it joins.
pub(super) struct Probe {
    pub(super) doc: u32,
    pub(super) span: Span,
    pub(super) sentence: Span,
    pub(super) counted: bool,
    pub(super) sense: usize,
    pub(super) value: f64,
    /// One unit of the last digit the text writes (`rounding.rs`).
    pub(super) step: f64,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) when: When,
    /// A vague amount ("dozens of", "thousands of"): evidence that the figure exists, not a
    /// value; it never votes on the cluster's amount.
    pub(super) vague: bool,
    /// Who says it: its attribution's words as a number (the article's own voice when none).
    pub(super) voice: u32,
    /// A running total that only grows (shipped, sold, lent... since a day, or counted on a
    /// day): later reports may count many times more.
    pub(super) growing: bool,
    /// Written precisely enough that the same words twice in one article are one figure
    /// ("$63,185", not "5%": `group::distinctive`).
    pub(super) distinctive: bool,
}

impl Probe {
    pub(super) fn of(claim: &Claim, sense: usize, s: &Sense, doc: u32, voice: u32) -> Probe {
        let q = &claim.quantity;
        let value = if q.value.is_finite() { q.value } else { 0.0 };
        let top = q.value_max.filter(|v| v.is_finite()).unwrap_or(value);
        let plain = When::of(claim);
        let since = matches!(plain, When::Since(_));
        let counted = q.kind == QuantityKind::Count
            && q.unit.as_deref().is_some_and(|u| !u.trim().is_empty());
        let movement = s.lemma.is_some_and(accumulates);
        // A running total that only grows (extraction read a stock, or it counts since a day;
        // of a movement, or of things one actor has sent or given another): its time is the
        // day it was counted, counts on different days are reports of one figure, and a later
        // one may be many times an earlier. A standing total that can fall (a headcount, a
        // reserve) keeps its window: its values on other days are other figures.
        let growing = q.per.is_none()
            && (claim.kind == MeasureKind::Stock || since)
            && (counted || movement)
            && (movement || since || (s.subject.is_some() && s.object.is_some()));
        Probe {
            doc,
            span: claim.span,
            sentence: claim.sentence,
            counted,
            sense,
            value,
            step: crate::rounding::step(q),
            low: value.min(top),
            high: value.max(top),
            when: if growing {
                When::of_running(claim)
            } else {
                plain
            },
            vague: q.vague,
            voice,
            growing,
            distinctive: super::distinctive(&q.text),
        }
    }
}

/// The magnitudes a cluster's first precise value can have if the cluster is to accept `p`
/// (`None`: any), for the candidate index (`index.rs`). It bounds what [`Cluster::accepts`]
/// allows and must change with it: a precise amount joins only values within the ratio
/// `accepts` picks (at most `MAX_RUNNING_RATIO`, for a running total or a count since a day;
/// else `MAX_VALUE_RATIO`), all of one sign, or all equal; a vague positive range only values
/// within `VAGUE_REACH` of it.
pub(super) fn magnitudes(p: &Probe) -> Option<(f64, f64)> {
    if p.vague {
        return (p.low > 0.0).then(|| (p.low / VAGUE_REACH, p.high * VAGUE_REACH));
    }
    let limit = if p.growing || matches!(p.when, When::Since(_)) {
        MAX_RUNNING_RATIO.max(MAX_VALUE_RATIO)
    } else {
        MAX_VALUE_RATIO
    };
    let v = p.value.abs();
    Some((v / limit, v * limit))
}

/// Where the periods of a cluster's opening claim lie if the cluster is to accept a claim with
/// a period ([`periods`]).
#[derive(Clone, Copy)]
pub(super) struct Reach {
    /// The earliest and latest first days.
    pub(super) first_start: NaiveDate,
    pub(super) last_start: NaiveDate,
    /// The earliest last day.
    pub(super) first_end: NaiveDate,
    /// The shortest and longest lengths in days.
    pub(super) min_length: f64,
    pub(super) max_length: f64,
}

/// The periods the claim that opened a cluster can have had if the cluster is to accept `p`
/// (`None`: any; a claim with no period of its own), for the candidate index (`index.rs`). It
/// bounds what `TimeFrame::admits` allows and must change with it: a period joins only
/// clusters whose every member period overlaps it and is within `MAX_WINDOW_RATIO` of its
/// length.
pub(super) fn periods(p: &Probe) -> Option<Reach> {
    let When::Period(s, e) = p.when else {
        return None;
    };
    let length = (e - s).num_days() as f64 + 1.0;
    let max_length = length * MAX_WINDOW_RATIO;
    let back = chrono::Duration::days(max_length.ceil() as i64 + 1);
    Some(Reach {
        first_start: s.checked_sub_signed(back).unwrap_or(NaiveDate::MIN),
        last_start: e,
        first_end: s,
        min_length: length / MAX_WINDOW_RATIO,
        max_length,
    })
}
