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
use sinew_types::{Alert, AlertKind};

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
/// Alerts read for change judgments, newest first: a few more than are written, since the
/// focus may leave some out.
const MAX_CHANGES_READ: usize = 12;
/// New statements a change judgment cites.
const MAX_NEW: usize = 2;
/// Standing statements a change judgment sets against them.
const MAX_STANDING: usize = 3;

/// What one alert changed, as the ledger and network hold it now.
pub(crate) enum Changed<'a> {
    /// A figure contradicted, or a running total put lower: its group, the statements of the
    /// alert's document, and the standing statements they go against.
    Figure {
        group: &'a LedgerGroup,
        new: Vec<&'a LedgerClaim>,
        standing: Vec<&'a LedgerClaim>,
    },
    /// A flow no earlier claim showed: the flow, and its figure's group and statements in the
    /// alert's document.
    Flow {
        flow: &'a Flow,
        group: &'a LedgerGroup,
        new: Vec<&'a LedgerClaim>,
    },
}

impl<'a> Changed<'a> {
    /// Every statement the change's judgment cites.
    pub(crate) fn statements(&self) -> impl Iterator<Item = &'a LedgerClaim> + '_ {
        let (new, standing): (&[&LedgerClaim], &[&LedgerClaim]) = match self {
            Changed::Figure { new, standing, .. } => (new, standing),
            Changed::Flow { new, .. } => (new, &[]),
        };
        new.iter().chain(standing).copied()
    }
}

/// The alerts a change judgment may be written for, newest first, each with what it changed;
/// an alert whose group or flow the ledger no longer holds, or whose statements it no longer
/// counts, is left out, and so is a second alert on the same group or flow.
pub(crate) fn changes<'a>(
    ledger: &'a Ledger,
    network: &'a Network,
    alerts: &'a [Alert],
) -> Vec<(&'a Alert, Changed<'a>)> {
    let mut out: Vec<(&Alert, Changed<'_>)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for a in alerts.iter().rev() {
        if out.len() >= MAX_CHANGES_READ {
            break;
        }
        if !seen.insert((a.kind, a.key.as_str())) {
            continue;
        }
        if let Some(c) = changed(ledger, network, a) {
            out.push((a, c));
        }
    }
    out
}

/// What `alert` changed; see [`Changed`].
fn changed<'a>(ledger: &'a Ledger, network: &'a Network, alert: &Alert) -> Option<Changed<'a>> {
    let from_doc = |m: &&LedgerClaim| m.source == alert.doc;
    let about = |g: &&LedgerGroup| g.subject == alert.subject && g.object == alert.object;
    if alert.kind == AlertKind::NewFlow {
        let flow = network.flows.iter().find(|f| f.id == alert.key)?;
        let pair = |g: &&LedgerGroup| {
            let (s, o) = (g.subject.as_deref(), g.object.as_deref());
            (s == Some(flow.from.as_str()) && o == Some(flow.to.as_str()))
                || (flow.symmetric && s == Some(flow.to.as_str()) && o == Some(flow.from.as_str()))
        };
        let group = ledger
            .groups
            .iter()
            .filter(pair)
            .filter(|g| g.claims.iter().any(|m| m.source == alert.doc))
            .min_by_key(|g| g.kind != flow.kind)?;
        let new: Vec<&LedgerClaim> = group.claims.iter().filter(from_doc).take(MAX_NEW).collect();
        return Some(Changed::Flow { flow, group, new });
    }
    // the alert names the group as it stood; a group whose first claim changed has a new
    // id, and is found by its actors and the alert's document
    let wanted = |g: &&LedgerGroup| match alert.kind {
        AlertKind::Revision => g.revised.is_some(),
        _ => g.verdict == Verdict::Conflict,
    };
    let group = ledger
        .groups
        .iter()
        .find(|g| g.id == alert.key)
        .or_else(|| {
            ledger
                .groups
                .iter()
                .filter(about)
                .filter(|g| g.claims.iter().any(|m| m.source == alert.doc))
                .find(wanted)
        })?;
    let stated = |m: &&LedgerClaim| m.bounds.stated;
    let (new, standing): (Vec<&LedgerClaim>, Vec<&LedgerClaim>) = match alert.kind {
        AlertKind::Revision => match group.revised {
            Some(r)
                if group
                    .claims
                    .get(r.later)
                    .is_some_and(|m| m.source == alert.doc) =>
            {
                (
                    vec![&group.claims[r.later]],
                    vec![group.claims.get(r.earlier)?],
                )
            }
            _ => {
                let later = group
                    .claims
                    .iter()
                    .filter(from_doc)
                    .min_by(|a, b| stated(a).total_cmp(&stated(b)))?;
                let earlier = group
                    .claims
                    .iter()
                    .filter(|m| m.source != alert.doc && m.bounds.stated > later.bounds.stated)
                    .max_by(|a, b| stated(a).total_cmp(&stated(b)))?;
                (vec![later], vec![earlier])
            }
        },
        _ => {
            let new: Vec<&LedgerClaim> =
                group.claims.iter().filter(from_doc).take(MAX_NEW).collect();
            let camps: Vec<usize> = new.iter().map(|m| m.camp).collect();
            // one statement a value, the last in the group's order of each
            let mut standing: Vec<&LedgerClaim> = Vec::new();
            for m in group
                .claims
                .iter()
                .rev()
                .filter(|m| m.source != alert.doc && !camps.contains(&m.camp))
            {
                if standing.len() < MAX_STANDING
                    && !standing.iter().any(|s| s.bounds.stated == m.bounds.stated)
                {
                    standing.push(m);
                }
            }
            standing.sort_by(|a, b| stated(a).total_cmp(&stated(b)));
            (new, standing)
        }
    };
    (!new.is_empty() && !standing.is_empty()).then_some(Changed::Figure {
        group,
        new,
        standing,
    })
}

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
    shown_dependencies(network)
        .into_iter()
        .map(|i| &network.dependencies[i])
}

/// Where the dependencies of [`current_dependencies`] are in the network's list.
pub(crate) fn shown_dependencies(network: &Network) -> Vec<usize> {
    network
        .dependencies
        .iter()
        .enumerate()
        .filter(|(_, d)| d.current)
        .take(MAX_NETWORK_DEPENDENCIES)
        .map(|(i, _)| i)
        .collect()
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
