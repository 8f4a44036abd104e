//! Which open clusters of a bucket a claim is tried against (`group.rs`): only those that can
//! take it, so that grouping a bucket costs about its size times the clusters near each claim,
//! not its size times all of its clusters (a country's money figures fill one bucket with
//! thousands of clusters).
//!
//! The index is mechanics, not rules: it leaves a cluster out of a claim's candidates only on
//! a bound that `Cluster::accepts` implies and that no later member can loosen, each read from
//! what the cluster's first members fixed:
//! - the unit's head, which a cluster takes from its first member and keeps;
//! - the counterpart, the lemma class, the concept and the measure kind, which a cluster
//!   takes from the first member that tells each and keeps (a claim that tells a part fits
//!   the clusters opened with the same or with none; one that tells none, any; a vague amount
//!   with no period may stand for a cluster of another measure kind);
//! - the order of magnitude: every precise value of a cluster lies within the ratio the rules
//!   allow of every other, so its first precise value bounds the rest, and
//!   `probe::magnitudes` says which first values a claim's amount can join;
//! - the period: every member's period overlaps every other's and is of like length, so the
//!   period of the claim that opened a cluster bounds those of all the others, and
//!   `probe::periods` says which opening periods a claim's period can join.
//!
//! - the article, for a claim that names no actor and has no time, while no cluster of the
//!   bucket names an actor: such a claim joins a cluster that names none only if a member
//!   comes from its article (`Cluster::accepts`), so it is offered just those clusters;
//! - the amount, for a claim that names no actor and has a time, likewise while no cluster
//!   names an actor: such a claim joins a cluster that names none only if a member comes from
//!   its article or states the same amount to the precision either writes (`same_rounded`),
//!   so it is offered its article's clusters and those holding such an amount, looked up by
//!   value for each step (one unit of the last digit written) the bucket's amounts have.
//!
//! A cluster opened by a vague amount (no first value) is tried by every claim of its unit;
//! one opened by a claim with no period is filed by magnitude alone. Whatever order the
//! candidates come in, a claim goes to the accepting cluster closest to its value (ties to the
//! oldest cluster), so the grouping equals trying every open cluster; a property test
//! (`group.rs`) checks that against the exhaustive pass.

use std::collections::BTreeMap;

use chrono::Datelike;

use sinew_types::MeasureKind;

use super::cluster::{fits, value_key, Cluster};
use super::probe::{magnitudes, periods, Probe};
use super::sense::Sense;
use super::When;
use crate::concept::Concept;
use crate::hash::FastMap;

/// Slack on the magnitude bounds, so that rounding in the rules' own ratio never leaves out a
/// cluster they would take.
const SLACK: f64 = 1e-9;

/// The open clusters of one bucket, filed by unit, kind, magnitude and period.
#[derive(Default)]
pub(super) struct Candidates {
    units: FastMap<Option<u32>, Kinds>,
    /// The clusters holding a member from each document.
    by_doc: FastMap<u32, Vec<usize>>,
    /// Whether some cluster names an actor (a bucket keyed by none may hold a claim without
    /// one that joins an actor's figure stated elsewhere in its article: `homes`).
    named: bool,
    /// The clusters holding a member that states each amount, by the member's kind of amount
    /// (vague or not) and step (its bits), then by value (`value_key`); a cluster may be
    /// listed more than once under one value.
    amounts: FastMap<(bool, u64), BTreeMap<u64, Vec<usize>>>,
}

/// What a cluster keeps of the first member that tells it, and refuses a claim that tells
/// another: the counterpart, the lemma class, the concept (not `Other`) and the measure kind.
type Kind = (
    Option<u32>,
    Option<u8>,
    Option<Concept>,
    Option<MeasureKind>,
);

/// The clusters of one unit by the [`Kind`] of the claim that opened them. A cluster takes a
/// claim only if the claim's kind fits it part by part (each unknown on either side, or the
/// same), so a claim that tells every part need see only the sixteen kinds made of its parts
/// and unknowns; one that tells fewer, every kind that fits.
#[derive(Default)]
struct Kinds(FastMap<Kind, Unit>);

impl Kinds {
    /// The clusters that may take a claim of kind `k`.
    fn of(&self, k: Kind, mut visit: impl FnMut(&Unit)) {
        let (o, l, c, m) = k;
        if o.is_some() && l.is_some() && c.is_some() && m.is_some() {
            for bits in 0..16u8 {
                let keep = |n: u8| bits & (1 << n) != 0;
                let key = (
                    o.filter(|_| keep(0)),
                    l.filter(|_| keep(1)),
                    c.filter(|_| keep(2)),
                    m.filter(|_| keep(3)),
                );
                if let Some(unit) = self.0.get(&key) {
                    visit(unit);
                }
            }
            return;
        }
        for (&(fo, fl, fc, fm), unit) in &self.0 {
            if fits(fo, o) && fits(fl, l) && fits(fc, c) && fits(fm, m) {
                visit(unit);
            }
        }
    }
}

/// Whether `p` names no actor, so that a cluster that names none either takes it only with a
/// member from its article or, when both are dated, one stating its amount rounded
/// (`Cluster::accepts`).
fn unnamed(s: &Sense) -> bool {
    s.subject.is_none() && s.object.is_none()
}

/// The kind a cluster is filed by, from what it holds after its first member.
fn kind_of_cluster(c: &Cluster) -> Kind {
    (
        c.object,
        c.lemma,
        (c.concept != Concept::Other).then_some(c.concept),
        c.measure_kind,
    )
}

/// The kind of cluster a claim may join: the parts it tells, and no measure kind for a vague
/// amount with no period, which may join a cluster of another (`Cluster::holds_as_evidence`).
fn kind_of_claim(p: &Probe, s: &Sense) -> Kind {
    let evidence = p.vague && p.when == When::Unknown;
    (
        s.object,
        s.lemma,
        (s.concept != Concept::Other).then_some(s.concept),
        s.measure_kind.filter(|_| !evidence),
    )
}

/// The clusters of one unit.
#[derive(Default)]
struct Unit {
    /// Opened by a vague amount: tried by every claim.
    unvalued: Vec<usize>,
    /// Opened by a precise amount with no period: by the bits of its magnitude (which sort as
    /// the magnitudes do).
    undated: BTreeMap<u64, Vec<usize>>,
    /// Opened by a precise amount with a period: by (class of its length, class of its
    /// magnitude), then by its first day.
    dated: FastMap<(i32, i32), BTreeMap<i32, Vec<Dated>>>,
}

/// A cluster opened with a period, as filed.
struct Dated {
    cluster: usize,
    /// The opening period's last day.
    end: i32,
    /// Bits of the first value's magnitude.
    magnitude: u64,
}

impl Candidates {
    /// Notes that `p` joined cluster `k` (or opened it).
    pub(super) fn joined(&mut self, k: usize, c: &Cluster, p: &Probe) {
        let held = self.by_doc.entry(p.doc).or_default();
        if !held.contains(&k) {
            held.push(k);
        }
        self.named |= c.subject.is_some() || c.object.is_some();
        self.amounts
            .entry((p.vague, p.step.to_bits()))
            .or_default()
            .entry(value_key(p.value))
            .or_default()
            .push(k);
    }

    /// Files cluster `k`, just opened by `p`.
    pub(super) fn open(&mut self, k: usize, c: &Cluster, p: &Probe) {
        self.joined(k, c, p);
        let unit = self
            .units
            .entry(c.unit)
            .or_default()
            .0
            .entry(kind_of_cluster(c))
            .or_default();
        let Some(value) = c.amounts.iter().find(|a| !a.vague).map(|a| a.value) else {
            unit.unvalued.push(k);
            return;
        };
        let magnitude = value.abs().to_bits();
        match p.when {
            When::Period(s, e) => {
                let (start, end) = (day(s), day(e));
                unit.dated
                    .entry((class(f64::from(end - start + 1)), class(value.abs())))
                    .or_default()
                    .entry(start)
                    .or_default()
                    .push(Dated {
                        cluster: k,
                        end,
                        magnitude,
                    });
            }
            _ => unit.undated.entry(magnitude).or_default().push(k),
        }
    }

    /// The clusters that may accept `p`, into `out` (cleared first), each once.
    pub(super) fn of(&self, p: &Probe, senses: &[Sense], out: &mut Vec<usize>) {
        out.clear();
        let sense = &senses[p.sense];
        let Some(kinds) = self.units.get(&sense.unit) else {
            return;
        };
        if !self.named && unnamed(sense) {
            if let Some(held) = self.by_doc.get(&p.doc) {
                out.extend_from_slice(held);
            }
            if p.when.dated() {
                self.stating_rounded(p, out);
                out.sort_unstable();
                out.dedup();
            }
            return;
        }
        kinds.of(kind_of_claim(p, sense), |unit| unit.offer(p, out));
    }

    /// The clusters holding a member of `p`'s kind of amount that may state `p`'s amount
    /// rounded (`same_rounded` of the values), added to `out`, some more than once.
    fn stating_rounded(&self, p: &Probe, out: &mut Vec<usize>) {
        for (&(vague, step), by_value) in &self.amounts {
            if vague != p.vague {
                continue;
            }
            // `same_rounded` allows half the coarser step and a billionth of the larger
            // value; widened past the rounding of the subtraction and of the keys.
            let step = f64::from_bits(step).max(p.step);
            let reach = (0.5 * step + 1e-9 * p.value.abs()) / (1.0 - 1e-9);
            let reach = reach * (1.0 + 1e-6) + p.value.abs() * 1e-12;
            let (low, high) = (value_key(p.value - reach), value_key(p.value + reach));
            for ks in by_value.range(low..=high).map(|(_, ks)| ks) {
                out.extend_from_slice(ks);
            }
        }
    }
}

impl Unit {
    /// The clusters filed here that may accept `p`, added to `out`.
    fn offer(&self, p: &Probe, out: &mut Vec<usize>) {
        out.extend_from_slice(&self.unvalued);
        let (low, high) = match magnitudes(p) {
            Some((low, high)) => (
                (low * (1.0 - SLACK)).max(0.0).to_bits(),
                (high * (1.0 + SLACK)).to_bits(),
            ),
            None => (0, f64::INFINITY.to_bits()),
        };
        if low > high {
            return;
        }
        for ks in self.undated.range(low..=high).map(|(_, ks)| ks) {
            out.extend_from_slice(ks);
        }
        let classes = (
            class(f64::from_bits(low)).saturating_sub(1),
            class(f64::from_bits(high)).saturating_add(1),
        );
        let window = periods(p);
        let lengths = match window {
            Some(w) => (
                class(w.min_length).saturating_sub(1),
                class(w.max_length).saturating_add(1),
            ),
            None => (i32::MIN, i32::MAX),
        };
        for (&(length, magnitude), by_start) in &self.dated {
            if !(lengths.0..=lengths.1).contains(&length)
                || !(classes.0..=classes.1).contains(&magnitude)
            {
                continue;
            }
            let mut take = |filed: &Vec<Dated>, last: i32| {
                out.extend(
                    filed
                        .iter()
                        .filter(|d| d.end >= last && (low..=high).contains(&d.magnitude))
                        .map(|d| d.cluster),
                );
            };
            match window {
                Some(w) => {
                    let (first, last) = (day(w.first_start), day(w.last_start));
                    if first > last {
                        continue;
                    }
                    for filed in by_start.range(first..=last).map(|(_, f)| f) {
                        take(filed, day(w.first_end));
                    }
                }
                None => {
                    for filed in by_start.values() {
                        take(filed, i32::MIN);
                    }
                }
            }
        }
    }
}

/// A date as a number of days.
fn day(d: chrono::NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// The binary order of magnitude of a non-negative number (zero below all others).
fn class(x: f64) -> i32 {
    if x > 0.0 {
        x.log2().floor() as i32
    } else {
        i32::MIN + 1
    }
}
