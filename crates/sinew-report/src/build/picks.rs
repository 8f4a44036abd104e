//! Which ledger groups, flows and statements the briefing shows.
//!
//! One place decides, so that [`shown_claims`](crate::shown_claims) names exactly the claims
//! and [`cited_documents`](crate::cited_documents) exactly the documents the figures table,
//! the disagreements and the network lines will quote. Every choice reads the groups' and
//! flows' own fields, never the claims, so that the engine loads only the claims shown. Every
//! choice is bounded: a figure stated by thousands of documents shows its latest statements,
//! not all of them, so a briefing over a large store reads a bounded number of documents.

use sinew_analysis::{
    Dependency, Flow, FlowKind, Ledger, LedgerClaim, LedgerGroup, Network, PoliticalTie, Verdict,
};
use sinew_types::{Alert, AlertKind};

use crate::findings::{Changes, Fresh};
use crate::model::ChangeKind;

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
pub(crate) const MAX_STATEMENTS: usize = 8;
/// Camps on one disagreement line.
const MAX_CAMPS: usize = 4;
/// Alerts read for change judgments, newest first: a few more than are written, since the
/// focus may leave some out.
const MAX_CHANGES_READ: usize = 12;
/// New statements a change judgment cites.
const MAX_NEW: usize = 2;
/// Standing statements a change judgment sets against them.
const MAX_STANDING: usize = 3;

/// What one change changed, as the ledger and network hold it now.
pub(crate) enum Changed<'a> {
    /// A figure contradicted, a running total put lower or higher, or a figure not reported
    /// before: its group, the new statements, and the standing statements they go against
    /// (none for a new figure).
    Figure {
        group: &'a LedgerGroup,
        new: Vec<&'a LedgerClaim>,
        standing: Vec<&'a LedgerClaim>,
    },
    /// A flow no earlier claim showed, or a new figure on a flow reported before: the flow,
    /// and the figure's group and new statements.
    Flow {
        flow: &'a Flow,
        group: &'a LedgerGroup,
        new: Vec<&'a LedgerClaim>,
    },
}

impl<'a> Changed<'a> {
    /// The group whose statements it cites.
    pub(crate) fn group(&self) -> &'a LedgerGroup {
        match self {
            Changed::Figure { group, .. } | Changed::Flow { group, .. } => group,
        }
    }

    /// Every statement the change's judgment cites.
    pub(crate) fn statements(&self) -> impl Iterator<Item = &'a LedgerClaim> + '_ {
        let (new, standing): (&[&LedgerClaim], &[&LedgerClaim]) = match self {
            Changed::Figure { new, standing, .. } => (new, standing),
            Changed::Flow { new, .. } => (new, &[]),
        };
        new.iter().chain(standing).copied()
    }
}

/// One change a judgment may be written for: what kind, the alert that raised it (none for a
/// change read from the new statements alone), and what it changed.
pub(crate) struct Change<'a> {
    pub(crate) kind: ChangeKind,
    pub(crate) alert: Option<&'a Alert>,
    pub(crate) changed: Changed<'a>,
}

/// The changes a judgment may be written for: the alerts' first, newest alert first, then
/// those the new statements made without an alert (running totals put higher, then new
/// figures on flows already reported, then figures not reported before, each in ledger
/// order). An alert whose group or flow the ledger no longer holds, or whose statements it no
/// longer counts, is left out, and so is a second change on the same group or flow.
pub(crate) fn changes<'a>(
    ledger: &'a Ledger,
    network: &'a Network,
    changes: &Changes<'a>,
) -> Vec<Change<'a>> {
    let mut out: Vec<Change<'_>> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for a in changes.alerts.iter().rev() {
        if out.len() >= MAX_CHANGES_READ {
            break;
        }
        if !seen.insert((a.kind, a.key.as_str())) {
            continue;
        }
        if let Some(c) = changed(ledger, network, a) {
            out.push(Change {
                kind: a.kind.into(),
                alert: Some(a),
                changed: c,
            });
        }
    }
    let mut fresh = fresh_changes(ledger, network, changes.fresh, &out);
    fresh.sort_by_key(|c| c.kind);
    out.extend(fresh);
    out
}

/// The changes the new statements made that no alert names; see [`changes`].
fn fresh_changes<'a>(
    ledger: &'a Ledger,
    network: &'a Network,
    fresh: Fresh<'_>,
    alerted: &[Change<'a>],
) -> Vec<Change<'a>> {
    let taken: std::collections::HashSet<&str> = alerted
        .iter()
        .map(|c| c.changed.group().id.as_str())
        .collect();
    // a new flow's judgment speaks for every new figure on it
    let new_flows: Vec<&Flow> = alerted
        .iter()
        .filter_map(|c| match c.changed {
            Changed::Flow { flow, .. } if c.kind == ChangeKind::NewFlow => Some(flow),
            _ => None,
        })
        .collect();
    let flows = FlowIndex::new(network);
    // a flow is known when a figure on it has a statement older than the reference point
    let known_flows: std::collections::HashSet<&str> = ledger
        .groups
        .iter()
        .filter(|g| g.claims.iter().any(|m| !fresh.holds(m)))
        .filter_map(|g| flows.of(g))
        .map(|f| f.id.as_str())
        .collect();
    let stated = |m: &&LedgerClaim| m.bounds.stated;
    let mut out: Vec<Change<'a>> = Vec::new();
    // each kind its own first groups: new figures early in the ledger leave room for rises
    let room =
        |out: &[Change<'_>], kind| out.iter().filter(|c| c.kind == kind).count() < MAX_CHANGES_READ;
    for g in &ledger.groups {
        if taken.contains(g.id.as_str()) || g.consensus.is_vague() || g.subject.is_none() {
            continue;
        }
        let (new, old): (Vec<&LedgerClaim>, Vec<&LedgerClaim>) =
            g.claims.iter().partition(|m| fresh.holds(m));
        if new.is_empty() {
            continue;
        }
        if !old.is_empty() {
            // a running total put higher than every earlier statement put it (one put lower
            // is a revision, which an alert names)
            if !g.running_total || g.revised.is_some() {
                continue;
            }
            let top_new = new
                .iter()
                .copied()
                .max_by(|a, b| stated(a).total_cmp(&stated(b)));
            let top_old = old
                .iter()
                .copied()
                .max_by(|a, b| stated(a).total_cmp(&stated(b)));
            if let (Some(n), Some(o)) = (top_new, top_old) {
                if n.bounds.stated > o.bounds.stated && room(&out, ChangeKind::Rise) {
                    out.push(Change {
                        kind: ChangeKind::Rise,
                        alert: None,
                        changed: Changed::Figure {
                            group: g,
                            new: vec![n],
                            standing: vec![o],
                        },
                    });
                }
            }
            continue;
        }
        let new: Vec<&LedgerClaim> = new.into_iter().take(MAX_NEW).collect();
        let flow = flows.of(g);
        if flow.is_some_and(|f| new_flows.iter().any(|n| n.id == f.id)) {
            continue;
        }
        let known = flow.filter(|f| known_flows.contains(f.id.as_str()));
        let kind = if known.is_some() {
            ChangeKind::NewFigure
        } else {
            ChangeKind::NewGroup
        };
        if !room(&out, kind) {
            continue;
        }
        out.push(match known {
            Some(flow) => Change {
                kind: ChangeKind::NewFigure,
                alert: None,
                changed: Changed::Flow {
                    flow,
                    group: g,
                    new,
                },
            },
            None => Change {
                kind: ChangeKind::NewGroup,
                alert: None,
                changed: Changed::Figure {
                    group: g,
                    new,
                    standing: Vec::new(),
                },
            },
        });
    }
    out
}

/// Whether `g` is a figure between the two actors of `flow`, either way for a symmetric one.
fn on_flow(flow: &Flow, g: &LedgerGroup) -> bool {
    let (s, o) = (g.subject.as_deref(), g.object.as_deref());
    (s == Some(flow.from.as_str()) && o == Some(flow.to.as_str()))
        || (flow.symmetric && s == Some(flow.to.as_str()) && o == Some(flow.from.as_str()))
}

/// The flows by their two actors and kind, either way for a symmetric one: which flow a group
/// is a figure of, found in one lookup.
struct FlowIndex<'a> {
    by_pair: std::collections::HashMap<(&'a str, &'a str, FlowKind), &'a Flow>,
}

impl<'a> FlowIndex<'a> {
    fn new(network: &'a Network) -> FlowIndex<'a> {
        let mut by_pair = std::collections::HashMap::new();
        for f in &network.flows {
            by_pair.insert((f.from.as_str(), f.to.as_str(), f.kind), f);
            if f.symmetric {
                by_pair
                    .entry((f.to.as_str(), f.from.as_str(), f.kind))
                    .or_insert(f);
            }
        }
        FlowIndex { by_pair }
    }

    /// The flow `g` is a figure of: between its two actors, of its kind.
    fn of(&self, g: &LedgerGroup) -> Option<&'a Flow> {
        let (s, o) = (g.subject.as_deref()?, g.object.as_deref()?);
        self.by_pair.get(&(s, o, g.kind)).copied()
    }
}

/// What `alert` changed; see [`Changed`].
fn changed<'a>(ledger: &'a Ledger, network: &'a Network, alert: &Alert) -> Option<Changed<'a>> {
    let from_doc = |m: &&LedgerClaim| m.source == alert.doc;
    let about = |g: &&LedgerGroup| g.subject == alert.subject && g.object == alert.object;
    if alert.kind == AlertKind::NewFlow {
        let flow = network.flows.iter().find(|f| f.id == alert.key)?;
        let group = ledger
            .groups
            .iter()
            .filter(|g| on_flow(flow, g))
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
