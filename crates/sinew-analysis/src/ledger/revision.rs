//! When does a running total go down? Statements are ordered by the time the figure refers to
//! (the end of its period; for a count "since" a day, or an undated one, the day its
//! document was published), then by publication date, never by size. A count of a running
//! total that a later statement puts lower than an earlier one did is no growth: when the same
//! independent source says both, it revised its own count (the later one stands); when
//! another source says the lower figure, the sources conflict. Either way the group's reason
//! says so and [`Revision`] records the pair, from which `alerts.rs` raises an alert.

use chrono::NaiveDate;
use sinew_types::Claim;

use super::camps::{statements, strongest, Camp};
use super::{Consensus, Ctx, LedgerClaim, Reading, Revision, Verdict};
use crate::fmt::format_value;
use crate::group::{FigureGroup, When};

/// When a statement's figure stands: the day its count refers to, then the day it was
/// published. `None` when neither is known.
pub(super) fn when_stated(m: &LedgerClaim, c: &Claim) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let day = match When::of(c) {
        When::Period(_, end) | When::AsOf(end) => Some(end),
        When::Since(_) | When::Unknown => m.as_of,
    };
    day.map(|d| (d, m.as_of))
}

/// True when `a` was stated before `b`: an earlier reference day, or the same day published
/// earlier. Statements with unknown times are never ordered.
fn before(
    a: Option<(NaiveDate, Option<NaiveDate>)>,
    b: Option<(NaiveDate, Option<NaiveDate>)>,
) -> bool {
    match (a, b) {
        (Some((da, pa)), Some((db, pb))) => {
            da < db || (da == db && matches!((pa, pb), (Some(x), Some(y)) if x < y))
        }
        _ => false,
    }
}

/// The pair of statements (indexes into `members`) in which a later one puts a running total
/// lower than an earlier one allows, if any: a pair across sources first (a conflict), else
/// one source's own (a revision); among those, the latest lower statement, then the largest
/// fall, then the first in member order.
pub(super) fn falling(
    members: &[LedgerClaim],
    ids: &[usize],
    claims: &[Claim],
) -> Option<Revision> {
    let times: Vec<_> = members
        .iter()
        .map(|m| when_stated(m, &claims[m.claim]))
        .collect();
    let mut best: Option<(Revision, f64)> = None;
    for (a, ma) in members.iter().enumerate() {
        for (b, mb) in members.iter().enumerate() {
            if !before(times[a], times[b]) || mb.bounds.high >= ma.bounds.low {
                continue;
            }
            let r = Revision {
                earlier: a,
                later: b,
                same_source: ids[a] == ids[b],
            };
            let fall = ma.bounds.low - mb.bounds.high;
            let better = match &best {
                None => true,
                Some((x, xf)) => {
                    let rank = |r: &Revision| (!r.same_source, times[r.later]);
                    rank(&r)
                        .cmp(&rank(x))
                        .then(fall.total_cmp(xf))
                        .then((x.later, x.earlier).cmp(&(b, a)))
                        .is_gt()
                }
            };
            if better {
                best = Some((r, fall));
            }
        }
    }
    best.map(|(r, _)| r)
}

/// The reading of a running total that its own source revised down: the later count stands.
pub(super) fn revision(
    camps: &[Camp],
    members: &[LedgerClaim],
    g: &FigureGroup,
    ctx: &Ctx<'_>,
    r: &Revision,
) -> Reading {
    let claims = ctx.claims;
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    let later = &members[r.later];
    let value = later.bounds.stated;
    let camp = &camps[later.camp];
    let explanation = format!(
        "a running total revised down by its own source: {}, then {}; the later count, {}, \
         stands",
        said(&members[r.earlier], ctx),
        said(later, ctx),
        format_value(value, unit, per)
    );
    let notes = (0..members.len())
        .map(|k| {
            if k == r.later {
                "latest count: a revision down by its own source".to_string()
            } else {
                format!(
                    "earlier count, revised to {}",
                    format_value(value, unit, per)
                )
            }
        })
        .collect();
    Reading {
        verdict: Verdict::Update,
        consensus: Consensus {
            value: Some(value),
            low: later.bounds.low,
            high: later.bounds.high,
            vague: None,
        },
        attribution: strongest(camp, members, claims),
        explanation,
        notes,
    }
}

/// "a later report gives a lower running total: 6,700 containers (March 2024, Shin Won-sik)
/// after 10,000 containers (February, United States)".
pub(super) fn lowered_by_other(members: &[LedgerClaim], ctx: &Ctx<'_>, r: &Revision) -> String {
    format!(
        "a later report gives a lower running total than another source: {} after {}",
        said(&members[r.later], ctx),
        said(&members[r.earlier], ctx)
    )
}

/// One statement in its words, with who and when: what [`statements`] writes for a camp of
/// one.
fn said(m: &LedgerClaim, ctx: &Ctx<'_>) -> String {
    let one = Camp {
        low: m.bounds.low,
        high: m.bounds.high,
        members: vec![0],
        sources: Default::default(),
    };
    statements(&one, std::slice::from_ref(m), ctx)
}
