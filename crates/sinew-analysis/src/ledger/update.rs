//! When is a disagreement an update? When every statement is a running total (a count since
//! a day, or of things handed over with no period or rate) and no statement dated later allows
//! only less than one dated earlier: later reports count more, so the latest camp is the
//! consensus and the earlier counts are steps towards it, not contradictions.
//!
//! Steps of the chain shown to the reader are stated values within 1.5% of each other
//! (`SAME_STEP`), so "over 10,000" and "10,100" read as one report.

use std::collections::BTreeSet;

use sinew_types::{Claim, MeasureKind, QuantityKind, TimeKind};

use super::camps::{best_value, statements, strongest, Camp};
use super::{Consensus, Ctx, LedgerClaim, Reading, Verdict};
use crate::concept::Concept;
use crate::fmt::format_value;
use crate::group::{FigureGroup, When};

/// The reading of a group of running totals that grow over time, with camps `camps` (two or
/// more, lowest first).
pub(super) fn update(
    camps: &[Camp],
    members: &[LedgerClaim],
    ids: &[usize],
    g: &FigureGroup,
    ctx: &Ctx<'_>,
) -> Reading {
    let claims = ctx.claims;
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    let show = |v: f64| format_value(v, unit, per);
    let words = |camp: &Camp| statements(camp, members, ctx);
    let last = camps.len() - 1;
    let value = best_value(&camps[last], members, claims);
    let verdict = Verdict::Update;
    let consensus = Consensus {
        value: Some(value),
        low: camps[last].low,
        high: camps[last].high,
        vague: None,
    };
    let attribution = strongest(&camps[last], members, claims);
    // The counts as they were stated, lowest (earliest) first.
    let steps = steps(members, ids);
    let chain: Vec<String> = steps.iter().map(&words).collect();
    let latest = &steps[steps.len() - 1].members;
    // Growth is read from the dates: with a step no date places (neither the time its count
    // refers to nor its report's day), the order of the counts is the reading's assumption,
    // and the reason says so rather than claim a rise no source dates.
    let undated = steps
        .iter()
        .filter(|s| {
            s.members.iter().all(|&k| {
                super::revision::when_stated(&members[k], &claims[members[k].claim]).is_none()
            })
        })
        .count();
    let explanation = if undated == 0 {
        format!(
            "a running total that grows from report to report: {}; the latest, {}, updates the \
             earlier counts rather than contradicting them",
            chain.join(" → "),
            show(value)
        )
    } else {
        format!(
            "counts of a running total, lowest first: {}; {undated} of them with no date, so \
             whether the count rose or the reports differ is not shown; the highest, {}, is \
             read as the latest",
            chain.join(" → "),
            show(value)
        )
    };
    let notes = (0..members.len())
        .map(|k| {
            if latest.contains(&k) {
                "latest count".to_string()
            } else {
                format!("earlier count, updated by {}", show(value))
            }
        })
        .collect();
    Reading {
        verdict,
        consensus,
        attribution,
        explanation,
        notes,
    }
}

/// A figure that only grows: a count since a date, or a count of things handed over with no
/// period or rate ("more than 11,000 containers").
pub(super) fn is_running(c: &Claim, concept: Concept) -> bool {
    if c.quantity.per.is_some() {
        return false;
    }
    // Extraction read a standing or running total from the clause ("has shipped ... since").
    if c.kind == MeasureKind::Stock {
        return true;
    }
    match When::of(c) {
        When::Since(_) | When::AsOf(_) => true,
        When::Period(..) => false,
        When::Unknown => {
            c.time.as_ref().is_some_and(|t| t.kind == TimeKind::Since)
                || (c.time.is_none()
                    && c.quantity.kind == QuantityKind::Count
                    && matches!(concept, Concept::Flow | Concept::Other))
        }
    }
}

/// A running total's successive counts: statements whose stated values are the same within
/// rounding, lowest first.
fn steps(members: &[LedgerClaim], ids: &[usize]) -> Vec<Camp> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        members[a]
            .bounds
            .stated
            .total_cmp(&members[b].bounds.stated)
    });
    let mut steps: Vec<Camp> = Vec::new();
    for k in order {
        let v = members[k].bounds.stated;
        match steps.last_mut() {
            Some(s) if v <= s.low * SAME_STEP => {
                s.members.push(k);
                s.sources.insert(ids[k]);
            }
            _ => steps.push(Camp {
                low: v,
                high: v,
                members: vec![k],
                sources: BTreeSet::from([ids[k]]),
            }),
        }
    }
    steps
}

/// Stated values within this ratio are one step of a running total.
const SAME_STEP: f64 = 1.015;

/// A group of counts is cumulative when every statement is a running total, or when one
/// counts since a day and the others are plain counts of the same thing at no rate ("over
/// 10,000 containers" in February, "6,700 since last summer" in March): then a later, lower
/// count is a revision or a conflict, never growth.
pub(super) fn cumulative(g: &FigureGroup, claims: &[Claim]) -> bool {
    let all_running = g.members.iter().all(|&i| is_running(&claims[i], g.concept));
    let counts = g.members.iter().all(|&i| {
        let q = &claims[i].quantity;
        q.kind == QuantityKind::Count && q.per.is_none()
    });
    let since = g
        .members
        .iter()
        .any(|&i| matches!(When::of(&claims[i]), When::Since(_)));
    all_running || (counts && since && matches!(g.concept, Concept::Flow | Concept::Other))
}
