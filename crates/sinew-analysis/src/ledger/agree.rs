//! When do a group's statements agree? When they form one camp of two or more independent
//! sources: every statement allows a common value within rounding and qualifiers. A group with
//! one independent source is `single` (`single` below), however many times it says it. The consensus quoted is the camp's most precise
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
        vague: None,
    };
    let attribution = strongest(camp, members, claims);
    let n = members.len();
    // Hedged figures may agree only through their hedges ("roughly 11,000" and "an estimated
    // 12,000" meet at 11,400 to 11,550): then no one figure is the consensus, and quoting the
    // most precise one beside a range that leaves it out would contradict itself. Say what
    // they state instead.
    let consensus_words = if fits(value, camp) {
        format!("consensus {}", show(value))
    } else {
        let stated = camp.members.iter().map(|&k| members[k].bounds.stated);
        let low = stated.clone().fold(f64::INFINITY, f64::min);
        let high = stated.fold(f64::NEG_INFINITY, f64::max);
        format!("they state {}", format_range(low, high, unit, per))
    };
    let explanation = if n == 1 {
        format!("one statement: {}", words(camp))
    } else if camp.sources.len() == 1 {
        format!(
            "{n} statements from one source agree: {}; {consensus_words}",
            words(camp)
        )
    } else {
        format!(
            "{} sources agree within rounding and qualifiers: {}; {consensus_words} (all fit {})",
            camp.sources.len(),
            words(camp),
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

/// Whether `value` lies in the camp's common interval (to a part in a billion).
fn fits(value: f64, camp: &Camp) -> bool {
    let slack = value.abs().max(1.0) * 1e-9;
    value >= camp.low - slack && value <= camp.high + slack
}

/// The reading of a group with one independent source: whatever it says, nothing confirms or
/// contradicts it. With one camp its value is quoted as agreement's would be; with several,
/// the source gives different values and none is quoted.
pub(super) fn single(
    camps: &[Camp],
    members: &[LedgerClaim],
    g: &FigureGroup,
    ctx: &Ctx<'_>,
) -> Reading {
    if let [camp] = camps {
        let mut r = agree(camp, members, g, ctx);
        r.verdict = Verdict::Single;
        let n = members.len();
        r.explanation = if n == 1 {
            format!(
                "one source, one statement: {}",
                statements(camp, members, ctx)
            )
        } else {
            format!(
                "one source, {n} statements: {}; no other source confirms it",
                statements(camp, members, ctx)
            )
        };
        r.notes = vec![
            if n == 1 {
                "the only statement".to_string()
            } else {
                "the only source".to_string()
            };
            n
        ];
        return r;
    }
    let claims = ctx.claims;
    let sides: Vec<String> = camps.iter().map(|c| statements(c, members, ctx)).collect();
    let low = members
        .iter()
        .map(|m| m.bounds.stated)
        .fold(f64::INFINITY, f64::min);
    let high = members
        .iter()
        .map(|m| m.bounds.stated)
        .fold(f64::NEG_INFINITY, f64::max);
    let all = Camp {
        low,
        high,
        members: (0..members.len()).collect(),
        sources: Default::default(),
    };
    Reading {
        verdict: Verdict::Single,
        consensus: Consensus {
            value: None,
            low,
            high,
            vague: None,
        },
        attribution: strongest(&all, members, claims),
        explanation: format!(
            "one source gives different values: {}; no other source says which",
            sides.join(" vs ")
        ),
        notes: vec!["one of the values of the only source".to_string(); members.len()],
    }
}
