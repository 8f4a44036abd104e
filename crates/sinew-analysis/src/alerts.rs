//! Alerts: what newly ingested documents changed. The ledger and the network are built twice,
//! without and with the new documents' claims; a new claim that lands in a standing figure's
//! group on a side of its own is a conflict, a new claim that puts a standing running total
//! lower than an earlier statement did is a revision (the message says whether its own source
//! revised it or another source contradicts it; no conflict alert is raised for the same
//! document and figure), and a flow that only the new claims show is new.
//!
//! Every kind is local to the buckets the new claims fall in (`state.rs`): a conflict is
//! within one group, and a flow is new when no group had it before. So the engine passes only
//! those buckets' claims to [`detect_alerts_in`], with an [`AlertScope`] saying what the rest
//! of the store holds (whether anything was analysed before, which flows other buckets
//! already show), and gets the alerts a run over every claim would raise.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sinew_types::{Alert, AlertKind, Claim, DocId, Span};

use crate::fmt::{format_range, format_value};
use crate::graph::{build_network, Network};
use crate::ledger::{build_ledger, Ledger, LedgerGroup, SourceDoc, Verdict};
use crate::state::{ledger_and_network_of, BucketState, ClaimRef};

/// What the store holds beyond the claims given to [`detect_alerts_in`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertScope {
    /// True when claims were analysed before the new documents came: with none, the new
    /// documents set the baseline and raise nothing.
    pub analysed_before: bool,
    /// Ids of flows that buckets outside the given claims already show: not new.
    pub known_flows: BTreeSet<String>,
}

/// Alerts raised by the claims of `new_docs` against everything else in `claims`.
///
/// When nothing else is there, nothing is raised: the first documents set the baseline, or
/// every flow in them would be news. Deterministic: alerts come ordered by kind, then key,
/// then document.
pub fn detect_alerts(claims: &[Claim], docs: &[SourceDoc], new_docs: &[DocId]) -> Vec<Alert> {
    let new: BTreeSet<&DocId> = new_docs.iter().collect();
    let scope = AlertScope {
        analysed_before: claims.iter().any(|c| !new.contains(&c.doc)),
        known_flows: BTreeSet::new(),
    };
    detect_alerts_in(claims, docs, new_docs, &scope)
}

/// [`detect_alerts`] over every claim of some buckets (in store order: document, then
/// position), the rest of the store summed up by `scope`.
pub fn detect_alerts_in(
    claims: &[Claim],
    docs: &[SourceDoc],
    new_docs: &[DocId],
    scope: &AlertScope,
) -> Vec<Alert> {
    let new: BTreeSet<&DocId> = new_docs.iter().collect();
    let has_new = claims.iter().any(|c| new.contains(&c.doc));
    if !has_new || !scope.analysed_before {
        return Vec::new();
    }
    let old: Vec<usize> = (0..claims.len())
        .filter(|&i| !new.contains(&claims[i].doc))
        .collect();
    let old_claims: Vec<Claim> = old.iter().map(|&i| claims[i].clone()).collect();
    let old_docs: Vec<SourceDoc> = docs
        .iter()
        .filter(|d| !new.contains(&d.id))
        .cloned()
        .collect();
    let mut before = build_ledger(&old_claims, &old_docs);
    let old_flows: BTreeSet<String> = build_network(&before, &old_claims, &[], &[])
        .flows
        .into_iter()
        .map(|f| f.id)
        .collect();
    drop(old_claims);
    // Indexes into `claims`, as the ledger after.
    for g in &mut before.groups {
        for m in &mut g.claims {
            m.claim = old[m.claim];
        }
    }
    let after = build_ledger(claims, docs);
    let net = build_network(&after, claims, &[], &[]);
    compare(claims, docs, &new, &before, &old_flows, &after, &net, scope)
}

/// [`detect_alerts_in`] with the touched buckets' ledgers read from their states instead of
/// grouped twice more: `before` are the states kept before the new documents (none for a
/// bucket they open), `after` the states recomputed with them (`analyse_buckets` over
/// `claims`, `refs[i]` naming `claims[i]`: every claim of those buckets). States fold into
/// the ledger and network a recomputation gives (`state.rs`), so the alerts are those of
/// [`detect_alerts_in`]. A kept state that already holds a new document's claim (a run
/// killed between storing states and clearing its pending marks) is no before: the alerts
/// are then computed from the claims.
#[allow(clippy::too_many_arguments)]
pub fn detect_alerts_between(
    before: Vec<BucketState>,
    after: Vec<BucketState>,
    claims: &[Claim],
    refs: &[ClaimRef],
    docs: &[SourceDoc],
    new_docs: &[DocId],
    scope: &AlertScope,
) -> Vec<Alert> {
    let new: BTreeSet<&DocId> = new_docs.iter().collect();
    let has_new = claims.iter().any(|c| new.contains(&c.doc));
    if !has_new || !scope.analysed_before {
        return Vec::new();
    }
    let pos: HashMap<&ClaimRef, usize> = refs.iter().enumerate().map(|(i, r)| (r, i)).collect();
    let (mut was, old_net, was_refs) = ledger_and_network_of(before, &[], &[]);
    let (mut now, mut net, now_refs) = ledger_and_network_of(after, &[], &[]);
    let mut at_was = Vec::with_capacity(was_refs.len());
    for r in &was_refs {
        match pos.get(r) {
            Some(&i) if !new.contains(&r.doc) => at_was.push(i),
            _ => return detect_alerts_in(claims, docs, new_docs, scope),
        }
    }
    let mut at_now = Vec::with_capacity(now_refs.len());
    for r in &now_refs {
        match pos.get(r) {
            Some(&i) => at_now.push(i),
            None => return detect_alerts_in(claims, docs, new_docs, scope),
        }
    }
    for g in &mut was.groups {
        for m in &mut g.claims {
            m.claim = at_was[m.claim];
        }
    }
    for g in &mut now.groups {
        for m in &mut g.claims {
            m.claim = at_now[m.claim];
        }
    }
    // In store order, as `build_network` lists them: the first new document is named.
    for f in &mut net.flows {
        for i in &mut f.claims {
            *i = at_now[*i];
        }
        f.claims.sort_unstable();
    }
    let old_flows: BTreeSet<String> = old_net.flows.into_iter().map(|f| f.id).collect();
    compare(claims, docs, &new, &was, &old_flows, &now, &net, scope)
}

/// The alerts of the ledger and network `after` against the ledger and flow ids `before`,
/// every claim index into `claims`.
#[allow(clippy::too_many_arguments)]
fn compare(
    claims: &[Claim],
    docs: &[SourceDoc],
    new: &BTreeSet<&DocId>,
    before: &Ledger,
    old_flows: &BTreeSet<String>,
    after: &Ledger,
    net: &Network,
    scope: &AlertScope,
) -> Vec<Alert> {
    let name = |id: &DocId| {
        docs.iter()
            .find(|d| &d.id == id)
            .map_or_else(|| id.0.clone(), |d| d.name.clone())
    };

    // Where each standing claim stood: its group before the new documents.
    let mut standing: BTreeMap<(&DocId, Span), usize> = BTreeMap::new();
    for (gi, g) in before.groups.iter().enumerate() {
        for m in &g.claims {
            let c = &claims[m.claim];
            standing.insert((&c.doc, c.span), gi);
        }
    }

    let mut alerts = Vec::new();
    // Running totals a new statement puts lower than an earlier, standing one.
    let mut revised: BTreeSet<(&str, &DocId)> = BTreeSet::new();
    for g in &after.groups {
        let Some(r) = g.revised else {
            continue;
        };
        let (earlier, later) = (
            &claims[g.claims[r.earlier].claim],
            &claims[g.claims[r.later].claim],
        );
        if !new.contains(&later.doc) || new.contains(&earlier.doc) {
            continue;
        }
        let Some(&before_group) = standing.get(&(&earlier.doc, earlier.span)) else {
            continue;
        };
        let was = &before.groups[before_group];
        revised.insert((was.id.as_str(), &later.doc));
        alerts.push(Alert {
            kind: AlertKind::Revision,
            key: was.id.clone(),
            doc: later.doc.clone(),
            subject: g.subject.clone(),
            object: g.object.clone(),
            message: revision_message(
                g,
                r.same_source,
                earlier,
                later,
                &name(&earlier.doc),
                &name(&later.doc),
            ),
        });
    }
    for g in after
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::Conflict)
    {
        let old_camps: BTreeSet<usize> = g
            .claims
            .iter()
            .filter(|m| !new.contains(&claims[m.claim].doc))
            .map(|m| m.camp)
            .collect();
        let Some(old) = g
            .claims
            .iter()
            .find(|m| !new.contains(&claims[m.claim].doc))
        else {
            continue;
        };
        let c = &claims[old.claim];
        let Some(&before_group) = standing.get(&(&c.doc, c.span)) else {
            continue;
        };
        let was = &before.groups[before_group];
        let mut raised: BTreeSet<&DocId> = BTreeSet::new();
        for m in &g.claims {
            let claim = &claims[m.claim];
            if !new.contains(&claim.doc) || old_camps.contains(&m.camp) {
                continue;
            }
            if revised.contains(&(was.id.as_str(), &claim.doc)) || !raised.insert(&claim.doc) {
                continue;
            }
            alerts.push(Alert {
                kind: AlertKind::Conflict,
                key: was.id.clone(),
                doc: claim.doc.clone(),
                subject: g.subject.clone(),
                object: g.object.clone(),
                message: conflict_message(g, was, claim, &name(&claim.doc)),
            });
        }
    }

    let known: BTreeSet<&str> = old_flows
        .iter()
        .map(String::as_str)
        .chain(scope.known_flows.iter().map(String::as_str))
        .collect();
    for f in net.flows.iter().filter(|f| !known.contains(f.id.as_str())) {
        let Some(doc) = f
            .claims
            .iter()
            .map(|&i| &claims[i].doc)
            .find(|d| new.contains(d))
        else {
            continue;
        };
        let volume = f.headline().map_or_else(
            || "no volume stated".to_string(),
            // A vague figure is the sources' words, not a number: quoted.
            |v| {
                if v.vague {
                    format!("“{}”, no figure given", v.text)
                } else {
                    v.text.clone()
                }
            },
        );
        alerts.push(Alert {
            kind: AlertKind::NewFlow,
            key: f.id.clone(),
            doc: doc.clone(),
            subject: Some(f.from.clone()),
            object: Some(f.to.clone()),
            message: format!(
                "new flow: {} {} {} ({}): {volume}, first in {}",
                f.from,
                if f.symmetric { "↔" } else { "→" },
                f.to,
                f.kind.as_str(),
                name(doc)
            ),
        });
    }
    alerts.sort_by(|a, b| {
        (a.kind, &a.key, &a.doc, &a.message).cmp(&(b.kind, &b.key, &b.doc, &b.message))
    });
    alerts
}

/// "revision: c.txt gives “6,700 containers” (March) for North Korea → Russia deliveries,
/// lower than the earlier “over 10,000 containers” (a.txt): another source contradicts the
/// count".
fn revision_message(
    g: &LedgerGroup,
    same_source: bool,
    earlier: &Claim,
    later: &Claim,
    earlier_doc: &str,
    later_doc: &str,
) -> String {
    let when = |c: &Claim| {
        c.time
            .as_ref()
            .map(|t| format!(" ({})", crate::fmt::time_words(t)))
            .unwrap_or_default()
    };
    format!(
        "revision: {later_doc} gives \u{201c}{}\u{201d}{} for {} → {} {}, lower than the earlier \
         \u{201c}{}\u{201d}{} ({earlier_doc}): {}",
        later.quantity.text.trim(),
        when(later),
        g.subject.as_deref().unwrap_or("?"),
        g.object.as_deref().unwrap_or("?"),
        g.measure,
        earlier.quantity.text.trim(),
        when(earlier),
        if same_source {
            "the same source revises its count down"
        } else {
            "another source contradicts the count"
        }
    )
}

/// "conflict: b.txt says “$300 billion” (2023) for China → Russia trade, against the
/// standing $240 billion (2 sources, Chinese customs)".
fn conflict_message(now: &LedgerGroup, was: &LedgerGroup, claim: &Claim, doc: &str) -> String {
    let (unit, per) = (was.unit.as_deref(), was.per.as_deref());
    let standing = match was.consensus.value {
        Some(v) => format_value(v, unit, per),
        None => format_range(was.consensus.low, was.consensus.high, unit, per),
    };
    let mut who = format!(
        "{} source{}",
        was.sources,
        if was.sources == 1 { "" } else { "s" }
    );
    if let Some(a) = &was.attribution {
        who.push_str(", ");
        who.push_str(a);
    }
    let when = claim
        .time
        .as_ref()
        .map(|t| format!(" ({})", crate::fmt::time_words(t)))
        .unwrap_or_default();
    format!(
        "conflict: {doc} says \u{201c}{}\u{201d}{when} for {} → {} {}, against the standing {} \
         ({who})",
        claim.quantity.text.trim(),
        now.subject.as_deref().unwrap_or("?"),
        now.object.as_deref().unwrap_or("?"),
        now.measure,
        standing
    )
}
