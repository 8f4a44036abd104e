//! When do a group's statements agree? When they form one camp: every statement allows a
//! common value within rounding and qualifiers. The consensus quoted is the camp's most precise
//! plain statement, and the range is the camp's common interval.

use super::camps::{best_value, statements, strongest, Camp};
use super::{Consensus, Ctx, LedgerClaim, Reading, Verdict};
use crate::fmt::{format_range, format_value};
use crate::group::FigureGroup;

/// The reading of a group whose statements form the one camp `camp`.
pub(super) fn agree(
    camp: &Camp,
    members: &[LedgerClaim],
    g: &FigureGroup,
    ctx: &Ctx<'_>,
) -> Reading {
    let claims = ctx.claims;
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    let show = |v: f64| format_value(v, unit, per);
    let words = |camp: &Camp| statements(camp, members, ctx);
    let value = best_value(camp, members, claims);
    let verdict = Verdict::Agree;
    let consensus = Consensus {
        value: Some(value),
        low: camp.low,
        high: camp.high,
    };
    let attribution = strongest(camp, members, claims);
    let n = members.len();
    let explanation = if n == 1 {
        format!("one statement: {}", words(camp))
    } else if camp.sources.len() == 1 {
        format!(
            "{n} statements from one source agree: {}; consensus {}",
            words(camp),
            show(value)
        )
    } else {
        format!(
            "{} sources agree within rounding and qualifiers: {}; consensus {} (all fit {})",
            camp.sources.len(),
            words(camp),
            show(value),
            format_range(camp.low, camp.high, unit, per)
        )
    };
    let note = if n == 1 {
        "the only statement".to_string()
    } else {
        format!(
            "agrees: fits {}",
            format_range(camp.low, camp.high, unit, per)
        )
    };
    let notes = vec![note; n];
    Reading {
        verdict,
        consensus,
        attribution,
        explanation,
        notes,
    }
}
