//! Which statements of a group are independent? A statement is counted once per independent
//! source, and some members are not statements of their own:
//! - a **restatement**: the same figure in another currency in the same sentence ("600
//!   million dollars (about 561 million euros)", `Claim.restates`) is shown beside the figure
//!   it converts and never counted;
//! - a **derivative** document (an aggregator's digest or an AI-written report,
//!   `SourceKind::Derivative`) only repeats other outlets: its statements are shown, but the
//!   verdict reads them only when no other document states the figure, so a digest alone
//!   never makes a group agree or conflict, and all digests together count as one source;
//! - a **vague** amount ("dozens of", "thousands of") is evidence that the figure exists, not
//!   a value: it is shown in the camp its range fits, and the verdict reads it only when no
//!   statement of the group gives a number;
//! - a statement with a primary attribution is that voice's: "according to the State
//!   Department" in three articles is one source (read by [`same_voice`]);
//! - a statement without one is its document's (near-duplicates counted as the first of
//!   their group), and the same reporting as a statement its document attributes in the same
//!   camp (an article that gives the customs office's figure and repeats it unattributed
//!   has one source); an unattributed figure that differs from what the article attributes
//!   is the article's own reporting, a source of its own.
//!
//! Sources are the connected parts of these links over the counted statements.

use std::collections::BTreeMap;

use sinew_types::{Claim, DocId, SourceKind};

use super::{Ctx, LedgerClaim};
use crate::group::FigureGroup;

/// What each member of a group is to the verdict.
pub(super) struct Roles {
    /// For each member, the member whose figure it restates in another unit.
    pub(super) restates: Vec<Option<usize>>,
    /// For each member, whether its document is a derivative digest.
    pub(super) derivative: Vec<bool>,
    /// For each member, whether it states a vague amount.
    pub(super) vague: Vec<bool>,
    /// The members the verdict reads, in member order.
    pub(super) counted: Vec<usize>,
}

/// Sorts a group's members into restatements, digest statements and counted statements.
pub(super) fn roles(g: &FigureGroup, ctx: &Ctx<'_>) -> Roles {
    let claims = ctx.claims;
    let restates: Vec<Option<usize>> = g
        .members
        .iter()
        .map(|&i| {
            let c = &claims[i];
            let span = c.restates?;
            g.members.iter().position(|&j| {
                j != i
                    && claims[j].doc == c.doc
                    && claims[j].span == span
                    && claims[j].restates.is_none()
            })
        })
        .collect();
    let derivative: Vec<bool> = g
        .members
        .iter()
        .map(|&i| ctx.doc_of[i].is_some_and(|d| d.kind == SourceKind::Derivative))
        .collect();
    let stated: Vec<usize> = (0..g.members.len())
        .filter(|&k| restates[k].is_none())
        .collect();
    let vague: Vec<bool> = g
        .members
        .iter()
        .map(|&i| claims[i].quantity.vague)
        .collect();
    // Each narrowing applies only when it leaves something: digests count when nothing else
    // states the figure, vague amounts when nothing gives a number.
    let narrow = |from: Vec<usize>, keep: &dyn Fn(usize) -> bool| {
        let kept: Vec<usize> = from.iter().copied().filter(|&k| keep(k)).collect();
        if kept.is_empty() {
            from
        } else {
            kept
        }
    };
    let originals = narrow(stated, &|k| !derivative[k]);
    let counted = narrow(originals, &|k| !vague[k]);
    Roles {
        restates,
        derivative,
        vague,
        counted,
    }
}

/// For each of `members` (counted statements, with their camps set), the number of its
/// independent source, by the links of the module doc.
/// Numbers run from 0 in member order.
pub(super) fn independent(members: &[LedgerClaim], claims: &[Claim]) -> Vec<usize> {
    let n = members.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    // Same near-duplicate group, then same attribution words: one pass each with a map, and
    // only the few distinct attributions compared pairwise.
    let mut first_of_source: BTreeMap<&DocId, usize> = BTreeMap::new();
    let mut first_of_voice: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    // The first attributed statement of each document and camp.
    let mut attributed_in: BTreeMap<(&DocId, usize), usize> = BTreeMap::new();
    let mut unattributed: Vec<usize> = Vec::new();
    for (k, m) in members.iter().enumerate() {
        let words = claims[m.claim]
            .attribution
            .as_deref()
            .map(voice_words)
            .unwrap_or_default();
        if words.is_empty() {
            let first = *first_of_source.entry(&m.source).or_insert(k);
            union(&mut parent, k, first);
            unattributed.push(k);
        } else {
            let first = *first_of_voice.entry(words).or_insert(k);
            union(&mut parent, k, first);
            attributed_in.entry((&m.source, m.camp)).or_insert(k);
        }
    }
    for k in unattributed {
        let m = &members[k];
        if let Some(&a) = attributed_in.get(&(&m.source, m.camp)) {
            union(&mut parent, k, a);
        }
    }
    let voices: Vec<(&Vec<String>, usize)> = first_of_voice.iter().map(|(w, &k)| (w, k)).collect();
    for (x, &(a, ka)) in voices.iter().enumerate() {
        for &(b, kb) in &voices[x + 1..] {
            if same_voice(a, b) {
                union(&mut parent, ka, kb);
            }
        }
    }
    // Renumber roots in member order.
    let mut number: Vec<Option<usize>> = vec![None; n];
    let mut next = 0;
    (0..n)
        .map(|k| {
            let r = root(&mut parent, k);
            *number[r].get_or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// Words of an attribution that say who, lower-cased: articles, "of", "said" and national
/// prefixes ("US", "U.S.") dropped, so "the US State Department" and "State Department" read
/// alike.
pub(crate) fn voice_words(attribution: &str) -> Vec<String> {
    const DROP: &[&str] = &[
        "the",
        "of",
        "us",
        "u",
        "s",
        "said",
        "says",
        "according",
        "to",
        "in",
        "a",
        "an",
    ];
    let mut words: Vec<String> = sinew_types::text::words(attribution)
        .filter(|w| !DROP.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Two attributions name one voice when their words are the same, or the shorter one's (two
/// words or more, so "ministry" alone never matches every ministry) are all in the longer.
pub(super) fn same_voice(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 2 && short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_of_one_body_read_as_one_voice() {
        let v = |s: &str| voice_words(s);
        assert!(same_voice(
            &v("US State Department"),
            &v("the State Department")
        ));
        assert!(same_voice(
            &v("U.S. State Department"),
            &v("State Department in Washington")
        ));
        assert!(!same_voice(&v("Ministry of Defense"), &v("Ministry")));
        assert!(!same_voice(&v("CSIS"), &v("Carnegie Endowment")));
        assert!(!same_voice(&v(""), &v("")));
    }
}
