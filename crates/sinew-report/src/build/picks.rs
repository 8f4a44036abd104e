//! Which ledger groups, flows and statements the briefing shows.
//!
//! One place decides, so that [`shown_claims`](crate::shown_claims) names exactly the claims
//! and [`cited_documents`](crate::cited_documents) exactly the documents the figures table,
//! the disagreements and the network lines will quote. Every choice reads the groups' and
//! flows' own fields, never the claims, so that the engine loads only the claims shown. Every
//! choice is bounded: a figure stated by thousands of documents shows its latest statements,
//! not all of them, so a briefing over a large store reads a bounded number of documents.

use sinew_analysis::{
    Dependency, Flow, Ledger, LedgerClaim, LedgerGroup, Network, PoliticalTie, Verdict,
};

/// Rows of the figures table: the ledger's first groups (most documents first).
pub(crate) const MAX_FIGURE_ROWS: usize = 60;
/// Lines of "what the sources disagree on".
pub(crate) const MAX_DISAGREEMENTS: usize = 12;
/// Flows with a figure in the network section.
const MAX_NETWORK_FLOWS: usize = 8;
/// Current dependency shares in the network section.
const MAX_NETWORK_DEPENDENCIES: usize = 5;
/// Political flows (pacts, visits, sanctions) in the network section.
const MAX_NETWORK_TIES: usize = 4;
/// Statements on one row or line: more would not be read, and each costs a document read.
const MAX_STATEMENTS: usize = 8;
/// Camps on one disagreement line.
const MAX_CAMPS: usize = 4;

/// The groups of the figures table, in ledger order.
pub(crate) fn figure_groups(ledger: &Ledger) -> impl Iterator<Item = &LedgerGroup> {
    ledger.groups.iter().take(MAX_FIGURE_ROWS)
}

/// The groups of "what the sources disagree on": contradicted figures, then running totals
/// that grew, each in ledger order, the first [`MAX_DISAGREEMENTS`].
pub(crate) fn disagreement_groups(ledger: &Ledger) -> impl Iterator<Item = &LedgerGroup> {
    [Verdict::Conflict, Verdict::Update]
        .into_iter()
        .flat_map(move |v| ledger.groups.iter().filter(move |g| g.verdict == v))
        .take(MAX_DISAGREEMENTS)
}

/// The claims (indexes into the ledger's claims) a row or line shows for `g`: all of them,
/// or the latest [`MAX_STATEMENTS`] by publication date; in ledger order.
pub(crate) fn statements(g: &LedgerGroup) -> Vec<usize> {
    latest(g.claims.iter().collect(), MAX_STATEMENTS)
        .into_iter()
        .map(|m| m.claim)
        .collect()
}

/// The statements of `g`'s camps that its disagreement line shows, camps from the lowest
/// values up. A line shows at most [`MAX_CAMPS`] camps (beyond, the two lowest and the two
/// highest: a contradiction's extremes, a running total's start and end) and at most
/// [`MAX_STATEMENTS`] statements in all (beyond, the latest of each camp, at least one each).
pub(crate) fn camps(g: &LedgerGroup) -> Vec<Vec<&LedgerClaim>> {
    let n = g.claims.iter().map(|m| m.camp).max().map_or(0, |c| c + 1);
    let mut camps: Vec<Vec<&LedgerClaim>> = (0..n)
        .map(|camp| g.claims.iter().filter(|m| m.camp == camp).collect())
        .collect();
    if camps.len() > MAX_CAMPS {
        let high = camps.split_off(camps.len() - MAX_CAMPS / 2);
        camps.truncate(MAX_CAMPS / 2);
        camps.extend(high);
    }
    let total: usize = camps.iter().map(Vec::len).sum();
    if total <= MAX_STATEMENTS {
        return camps;
    }
    let each = (MAX_STATEMENTS / camps.len().max(1)).max(1);
    camps.into_iter().map(|c| latest(c, each)).collect()
}

/// The flows with a figure, most sources first (ties: by id).
pub(crate) fn headline_flows(network: &Network) -> Vec<&Flow> {
    let mut flows: Vec<&Flow> = network
        .flows
        .iter()
        .filter(|f| f.headline().is_some())
        .collect();
    flows.sort_by(|a, b| b.sources.cmp(&a.sources).then_with(|| a.id.cmp(&b.id)));
    flows.truncate(MAX_NETWORK_FLOWS);
    flows
}

/// The political flows, most ties first (ties: by id).
pub(crate) fn political_flows(network: &Network) -> Vec<&Flow> {
    let mut flows: Vec<&Flow> = network
        .flows
        .iter()
        .filter(|f| !f.ties.is_empty())
        .collect();
    flows.sort_by(|a, b| {
        b.ties
            .len()
            .cmp(&a.ties.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    flows.truncate(MAX_NETWORK_TIES);
    flows
}

/// The ties a political flow's line cites: the first [`MAX_STATEMENTS`] in the network's
/// order.
pub(crate) fn ties(f: &Flow) -> &[PoliticalTie] {
    capped(&f.ties)
}

/// The current dependency shares shown, largest first.
pub(crate) fn current_dependencies(network: &Network) -> impl Iterator<Item = &Dependency> {
    network
        .dependencies
        .iter()
        .filter(|d| d.current)
        .take(MAX_NETWORK_DEPENDENCIES)
}

/// The first [`MAX_STATEMENTS`] of a list.
pub(crate) fn capped<T>(list: &[T]) -> &[T] {
    &list[..list.len().min(MAX_STATEMENTS)]
}

/// The `max` latest statements by publication date (undated count as oldest), kept in their
/// given order.
fn latest(mut members: Vec<&LedgerClaim>, max: usize) -> Vec<&LedgerClaim> {
    if members.len() <= max {
        return members;
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    // newest first; among equals, the later in the group first, so the cut is deterministic
    order.sort_by(|&a, &b| members[b].as_of.cmp(&members[a].as_of).then(b.cmp(&a)));
    let mut keep = vec![false; members.len()];
    for &i in order.iter().take(max) {
        keep[i] = true;
    }
    let mut k = keep.into_iter();
    members.retain(|_| k.next().unwrap_or(false));
    members
}
