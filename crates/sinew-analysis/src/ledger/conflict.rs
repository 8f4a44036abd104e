//! When do a group's statements conflict? When they form several camps and are not a running
//! total that grows. The side with most independent sources (near-duplicates counted once),
//! then the strongest attribution, is the majority; every other statement says by how much it
//! contradicts the majority's value. A conflict quotes no consensus value: its range runs from
//! the lowest stated value to the highest.

use super::camps::{authority, best_value, statements, strongest, Camp};
use super::{Consensus, Ctx, LedgerClaim, Reading, Verdict};
use crate::fmt::format_value;
use crate::group::FigureGroup;

/// The reading of a group whose statements form the camps `camps` (two or more, lowest first)
/// and are no growing running total.
pub(super) fn conflict(
    camps: &[Camp],
    members: &[LedgerClaim],
    g: &FigureGroup,
    ctx: &Ctx<'_>,
) -> Reading {
    let claims = ctx.claims;
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    let show = |v: f64| format_value(v, unit, per);
    let words = |camp: &Camp| statements(camp, members, ctx);
    let verdict = Verdict::Conflict;
    let rank = |k: usize| {
        let att = strongest(&camps[k], members, claims);
        (camps[k].sources.len(), att.as_deref().map_or(0, authority))
    };
    let major = (0..camps.len())
        .max_by(|&a, &b| rank(a).cmp(&rank(b)).then(b.cmp(&a)))
        .unwrap_or(0);
    let tops = g.members.iter().map(|&i| {
        let q = &claims[i].quantity;
        let v = q.value_max.filter(|v| v.is_finite()).unwrap_or(q.value);
        if v.is_finite() {
            v
        } else {
            0.0
        }
    });
    let consensus = Consensus {
        value: None,
        low: members
            .iter()
            .map(|m| m.bounds.stated)
            .fold(f64::INFINITY, f64::min),
        high: tops.fold(f64::NEG_INFINITY, f64::max),
        vague: None,
    };
    let attribution = strongest(&camps[major], members, claims);
    let major_value = best_value(&camps[major], members, claims);
    let sides: Vec<String> = camps
        .iter()
        .map(|c| {
            let n = c.sources.len();
            format!("{} ({n} source{})", words(c), plural_s(n))
        })
        .collect();
    let scale = major_value.abs().max(f64::MIN_POSITIVE);
    let spread = members
        .iter()
        .map(|m| (m.bounds.stated - major_value).abs() / scale)
        .fold(0.0, f64::max);
    let explanation = format!(
        "sources disagree beyond rounding and qualifiers: {}; up to {} apart",
        sides.join(" vs "),
        percent(spread)
    );
    let n_major = camps[major].sources.len();
    let runner_up = (0..camps.len())
        .filter(|&k| k != major)
        .map(rank)
        .max()
        .unwrap_or((0, 0));
    let major_note = if n_major > runner_up.0 {
        format!("with the majority ({n_major} source{})", plural_s(n_major))
    } else if rank(major).1 > runner_up.1 {
        format!(
            "with the better-attributed side ({})",
            attribution.as_deref().unwrap_or("")
        )
    } else {
        "one side of an even split".to_string()
    };
    let notes = members
        .iter()
        .map(|m| {
            if m.camp == major {
                major_note.clone()
            } else {
                let d = (m.bounds.stated - major_value) / scale;
                format!(
                    "contradicts {}: {} {}",
                    show(major_value),
                    percent(d.abs()),
                    if d >= 0.0 { "higher" } else { "lower" }
                )
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

fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn percent(x: f64) -> String {
    if x >= 10.0 {
        format!("{:.0}x", x + 1.0)
    } else if x >= 0.1 {
        format!("{:.0}%", x * 100.0)
    } else {
        format!("{:.1}%", x * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_reads() {
        assert_eq!(percent(0.25), "25%");
        assert_eq!(percent(0.004), "0.4%");
        assert_eq!(percent(19.0), "20x");
    }
}
