//! Which statements of a group allow a common value? Statements become camps (intervals that
//! share a value), and each camp's value, attribution and wording are read here for the
//! verdicts (`agree.rs`, `update.rs`, `conflict.rs`).
//!
//! A camp is built greedily: statements sorted by the low end of their interval, each joins the
//! last camp when it meets that camp's common interval (so a camp's members all allow one value).
//! The value quoted for a camp is its most precise plain statement (no qualifier), and its
//! attribution the most authoritative: official bodies over research institutes over anyone.

use std::collections::BTreeSet;

use sinew_types::{Claim, DocId, Modality};

use super::{Ctx, LedgerClaim};
use crate::bounds::{side, Side};
use crate::group::visit_order;

/// A camp: statements whose intervals share a value.
pub(super) struct Camp {
    pub(super) low: f64,
    pub(super) high: f64,
    /// Indexes into the group's members.
    pub(super) members: Vec<usize>,
    /// The independent sources (numbers from `sources.rs::independent`) its members come from.
    pub(super) sources: BTreeSet<usize>,
}

/// Groups statements into camps: sorted by their lowest value, each joins the last camp when
/// it allows a value every member of that camp allows.
pub(super) fn camps(members: &[LedgerClaim], ids: &[usize], claims: &[Claim]) -> Vec<Camp> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&members[a].bounds, &members[b].bounds);
        x.low
            .total_cmp(&y.low)
            .then(x.high.total_cmp(&y.high))
            .then_with(|| visit_order(&claims[members[a].claim], &claims[members[b].claim]))
    });
    let mut camps: Vec<Camp> = Vec::new();
    for k in order {
        let b = &members[k].bounds;
        match camps.last_mut() {
            Some(c) if b.low <= c.high && c.low <= b.high => {
                c.low = c.low.max(b.low);
                c.high = c.high.min(b.high);
                c.members.push(k);
                c.sources.insert(ids[k]);
            }
            _ => camps.push(Camp {
                low: b.low,
                high: b.high,
                members: vec![k],
                sources: BTreeSet::from([ids[k]]),
            }),
        }
    }
    camps
}

/// The value to quote for a camp: the most precise plain statement (no qualifier), else the
/// narrowest statement; ties go to the first in content order.
pub(super) fn best_value(camp: &Camp, members: &[LedgerClaim], claims: &[Claim]) -> f64 {
    let key = |&k: &usize| {
        let m = &members[k];
        let q = &claims[m.claim].quantity;
        let plain = side(q.qualifier.as_deref()) == Side::Exact;
        let precision = m.bounds.step / m.bounds.stated.abs().max(f64::MIN_POSITIVE);
        (!plain, precision, m.bounds.high - m.bounds.low)
    };
    camp.members
        .iter()
        .min_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            ka.0.cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(ka.2.total_cmp(&kb.2))
                .then_with(|| visit_order(&claims[members[**a].claim], &claims[members[**b].claim]))
        })
        .map(|&k| members[k].bounds.stated)
        .unwrap_or(camp.low)
}

/// How much an attribution weighs: official bodies, then research institutes, then anyone.
pub(super) fn authority(source: &str) -> u8 {
    const OFFICIAL: &[&str] = &[
        "department",
        "ministry",
        "government",
        "customs",
        "agency",
        "office",
        "bureau",
        "administration",
        "commission",
        "council",
        "president",
        "minister",
        "nato",
        "united nations",
        "european union",
        "treasury",
        "white house",
        "kremlin",
        "pentagon",
        "central bank",
        "parliament",
        "congress",
    ];
    const RESEARCH: &[&str] = &[
        "institute",
        "csis",
        "center",
        "centre",
        "university",
        "think tank",
        "foundation",
        "endowment",
        "rand",
        "sipri",
        "iiss",
        "chatham",
        "brookings",
    ];
    let s = source.to_lowercase();
    if OFFICIAL.iter().any(|w| s.contains(w)) {
        3
    } else if RESEARCH.iter().any(|w| s.contains(w)) {
        2
    } else {
        1
    }
}

/// The camp's most authoritative attribution; ties go to the one more sources give, then the
/// first in alphabetical order. Hedged claims count only when nothing else is attributed.
pub(super) fn strongest(camp: &Camp, members: &[LedgerClaim], claims: &[Claim]) -> Option<String> {
    // (attribution, sources giving it, asserted by any); camps hold a few claims.
    let mut votes: Vec<(&str, Vec<&DocId>, bool)> = Vec::new();
    for &k in &camp.members {
        let m = &members[k];
        let c = &claims[m.claim];
        let Some(a) = c.attribution.as_deref().filter(|a| !a.trim().is_empty()) else {
            continue;
        };
        let asserted = c.modality == Modality::Asserted;
        match votes.iter_mut().find(|v| v.0 == a) {
            Some(v) => {
                if !v.1.contains(&&m.source) {
                    v.1.push(&m.source);
                }
                v.2 |= asserted;
            }
            None => votes.push((a, vec![&m.source], asserted)),
        }
    }
    votes
        .into_iter()
        .max_by(|(a, sa, fa), (b, sb, fb)| {
            fa.cmp(fb)
                .then(authority(a).cmp(&authority(b)))
                .then(sa.len().cmp(&sb.len()))
                .then(b.cmp(a))
        })
        .map(|(a, _, _)| a.to_string())
}

/// The camp's statements in their own words, with who says so: "over 10,000 containers (US
/// State Department)". Repeated wording is shown once.
pub(super) fn statements(camp: &Camp, members: &[LedgerClaim], ctx: &Ctx<'_>) -> String {
    let claims = ctx.claims;
    let mut ks = camp.members.clone();
    ks.sort_by(|&a, &b| {
        members[a]
            .bounds
            .stated
            .total_cmp(&members[b].bounds.stated)
            .then_with(|| visit_order(&claims[members[a].claim], &claims[members[b].claim]))
    });
    let mut seen: Vec<String> = Vec::new();
    for k in ks {
        let c = &claims[members[k].claim];
        let mut s = c.quantity.text.trim().to_string();
        let mut notes: Vec<String> = Vec::new();
        if let Some(t) = &c.time {
            notes.push(crate::fmt::time_words(t));
        }
        if let Some(a) = &c.attribution {
            notes.push(a.clone());
        } else if let Some(d) = ctx.doc_of[members[k].claim] {
            notes.push(d.name.clone());
        }
        if !notes.is_empty() {
            s = format!("{s} ({})", notes.join(", "));
        }
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    const MAX: usize = 4;
    if seen.len() > MAX {
        let more = seen.len() - MAX;
        seen.truncate(MAX);
        seen.push(format!("{more} more"));
    }
    seen.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_ranks_official_bodies_first() {
        assert!(authority("US State Department") > authority("CSIS"));
        assert!(authority("CSIS") > authority("Nathaniel Sher"));
    }
}
