//! Analysis kept between runs: which part of the ledger and the network must a new batch of
//! claims recompute, and how are the parts put back together?
//!
//! The unit is the grouping bucket of `group.rs` (the first known actor in the concept's
//! order, the unit's dimension, the rate):
//! clusters never cross buckets, the clustering does not depend on input order, and a group's
//! reconciliation (`ledger.rs`) reads only its own claims and their [`SourceDoc`]s, which
//! never change once stored. So [`analyse_buckets`] over every claim of some buckets gives
//! exactly those buckets' groups of a full [`build_ledger`], and a store that keeps one
//! [`BucketState`] per bucket recomputes only the buckets a new document's claims fall in.
//!
//! What is not local to a bucket is kept out of the state and redone when the parts are put
//! together, which is cheap and needs no claim:
//! - the order of groups across the ledger (by documents, size, then content): each group
//!   keeps its sort key, and [`ledger_of`] sorts all groups with it;
//! - the network (`graph.rs`): a flow gathers groups of several buckets, its endpoints are
//!   spelled as its first group in ledger order does, its source count is a union, and only
//!   the latest dependency of a kind is current. [`network_of`] rebuilds it from the sorted
//!   groups, each group's traits (its first member is a percentage; a claim says something
//!   moves) and each bucket's counts of
//!   actor spellings, with the same fold [`build_network`] uses;
//! - alerts, which compare the touched buckets before and after (`alerts.rs`).
//!
//! Claims are named by [`ClaimRef`] (document and ordinal), never by an index into a list,
//! so a state means the same after a reload. The property test in `tests/incremental.rs`
//! checks that states built batch by batch, in any order, equal a full recomputation.
//!
//! [`build_ledger`]: crate::build_ledger
//! [`build_network`]: crate::build_network

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sinew_types::{Claim, DocId, Span};

use crate::graph::{fold_network, fold_network_by_state, ActorInfo, GroupTraits, Network};
use crate::group::{bucket_key, bucket_keys};
use crate::ledger::{build_ledger, Ledger, LedgerGroup, SourceDoc};
use crate::politics::PoliticalTie;

mod naming;
mod net;

pub use naming::{state_naming, RawState};
pub use net::NetState;

/// A claim as the store names it: its document and its position in that document's claims.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimRef {
    /// The document.
    pub doc: DocId,
    /// The claim's ordinal among the document's claims.
    pub ord: u32,
}

/// The bucket `claim` is grouped in on its own: claims of different buckets are never one
/// figure. A claim that restates another figure of its sentence is grouped in that figure's
/// bucket instead: [`claim_buckets`] reads a document's claims together for that.
pub fn claim_bucket(claim: &Claim) -> String {
    bucket_key(claim)
}

/// The bucket of each of `claims`, as [`claim_bucket`] names it, except that a claim
/// restating another figure of its sentence ("$111 billion, or $9 billion a month") is in
/// the bucket of that figure. Give every claim of a document together.
pub fn claim_buckets(claims: &[Claim]) -> Vec<String> {
    bucket_keys(claims)
}

/// One bucket's groups, reconciled, with what the network needs of its claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BucketState {
    /// The bucket, as [`claim_bucket`] names it.
    pub key: String,
    /// Its groups, in ledger order.
    pub groups: Vec<StoredGroup>,
    /// How many of the bucket's claims name each actor spelling (subject or object).
    spellings: BTreeMap<String, usize>,
}

/// A ledger group as kept: its claims by reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredGroup {
    /// The group; each [`LedgerClaim::claim`](crate::LedgerClaim::claim) indexes `refs`.
    pub group: LedgerGroup,
    /// The claims, in the group's order.
    pub refs: Vec<ClaimRef>,
    /// Where the group sorts in the whole ledger.
    order: GroupOrder,
    /// Whether its first claim is a percentage (a share rather than a volume).
    percent: bool,
    /// Whether one of its claims says something moves (`GroupTraits::moves`); a state kept
    /// before the mark reads as moving, as the network read every group then.
    #[serde(default = "moving")]
    moves: bool,
    /// Whether its claims are all the earlier values of changes (`GroupTraits::earlier`); a
    /// state kept before the mark reads as not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    earlier: bool,
}

fn moving() -> bool {
    true
}

/// The sort key of `group_figures` for one group: documents, then the first claim's content
/// (the group's other fields are in [`LedgerGroup`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GroupOrder {
    docs: usize,
    doc: DocId,
    span: Span,
    sentence: Span,
    measure: String,
    #[serde(with = "crate::float")]
    value: f64,
    text: String,
}

impl BucketState {
    /// The state as JSON text, for the store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            // Every field is a plain string, number or list: serialising cannot fail.
            unreachable!("a bucket state always serialises: {e}")
        })
    }

    /// Reads a state written by [`BucketState::to_json`].
    pub fn from_json(json: &str) -> Result<BucketState, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Keeps only the groups `keep` accepts, offered in ledger order (the order
    /// [`ledger_of`] gives them). The bucket's counts of actor spellings stay whole, so the
    /// network folded from the kept groups is the one of the whole bucket as long as every
    /// group that makes a flow (one naming two actors) is kept. A reader that shows the
    /// first groups of some kinds keeps, from each bucket, that many of each: the first of the
    /// whole ledger are among them.
    pub fn retain_groups(&mut self, mut keep: impl FnMut(&LedgerGroup) -> bool) {
        self.groups.sort_by(ledger_order);
        self.groups.retain(|g| keep(&g.group));
    }

    /// The groups in ledger order (the order [`ledger_of`] gives them).
    pub fn ordered_groups(mut self) -> impl Iterator<Item = StoredGroup> {
        self.groups.sort_by(ledger_order);
        self.groups.into_iter()
    }

    /// Ids of the flows this bucket's groups put in the network (without political ties):
    /// what a new-flow alert asks about the buckets it did not recompute.
    pub fn flow_ids(&self) -> Vec<String> {
        let (network, _) = network_of(vec![self.clone()], &[], &[]);
        network.flows.into_iter().map(|f| f.id).collect()
    }
}

/// The states of every bucket that `claims` fall in. `claims` must hold every claim of those
/// buckets (those stored before and the new ones), `refs[i]` naming `claims[i]`; `docs` gives
/// their documents and the first documents of their near-duplicate groups. States come
/// ordered by key.
pub fn analyse_buckets(
    claims: &[Claim],
    refs: &[ClaimRef],
    docs: &[SourceDoc],
) -> Vec<BucketState> {
    assert_eq!(claims.len(), refs.len(), "one reference per claim");
    let claims = &*crate::reading::read_claims(claims);
    let keys: Vec<String> = bucket_keys(claims);
    let mut states: BTreeMap<&str, BucketState> = BTreeMap::new();
    for (c, key) in claims.iter().zip(&keys) {
        let state = states.entry(key).or_insert_with(|| BucketState {
            key: key.clone(),
            groups: Vec::new(),
            spellings: BTreeMap::new(),
        });
        for name in [&c.subject, &c.object].into_iter().flatten() {
            *state.spellings.entry(name.clone()).or_default() += 1;
        }
    }
    for mut group in build_ledger(claims, docs).groups {
        let Some(first) = group.claims.first().map(|m| m.claim) else {
            continue;
        };
        let c = &claims[first];
        let order = GroupOrder {
            docs: group
                .claims
                .iter()
                .map(|m| &claims[m.claim].doc)
                .collect::<BTreeSet<_>>()
                .len(),
            doc: c.doc.clone(),
            span: c.span,
            sentence: c.sentence,
            measure: c.measure.clone(),
            value: c.quantity.value,
            text: c.quantity.text.clone(),
        };
        let GroupTraits {
            percent,
            moves,
            earlier,
        } = GroupTraits::of(group.claims.iter().map(|m| &claims[m.claim]));
        let mut group_refs = Vec::with_capacity(group.claims.len());
        for (k, m) in group.claims.iter_mut().enumerate() {
            group_refs.push(refs[m.claim].clone());
            m.claim = k;
        }
        if let Some(state) = states.get_mut(keys[first].as_str()) {
            state.groups.push(StoredGroup {
                group,
                refs: group_refs,
                order,
                percent,
                moves,
                earlier,
            });
        }
    }
    states.into_values().collect()
}

/// The ledger over the given buckets, as a full [`build_ledger`](crate::build_ledger) over
/// their claims gives it; each [`LedgerClaim::claim`](crate::LedgerClaim::claim) indexes the
/// returned references.
/// The states are consumed: a store's worth of groups is not held twice.
pub fn ledger_of(states: Vec<BucketState>) -> (Ledger, Vec<ClaimRef>) {
    let (ledger, refs, _) = assemble(states);
    (ledger, refs)
}

/// The network over the given buckets and political ties, as
/// [`build_network`](crate::build_network) over their claims gives it; `Flow::claims` and
/// `Dependency::claims` index the returned references.
pub fn network_of(
    states: Vec<BucketState>,
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> (Network, Vec<ClaimRef>) {
    let (_, network, refs) = ledger_and_network_of(states, ties, actors);
    (network, refs)
}

/// The ledger of [`ledger_of`] and the network of [`network_of`] from one fold of the
/// states: the groups are assembled once, and the ledger's claims and the network's flows
/// and dependencies index the same returned references. For a reader that shows both (the
/// briefing), this halves the work of reading them one after the other.
pub fn ledger_and_network_of(
    states: Vec<BucketState>,
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> (Ledger, Network, Vec<ClaimRef>) {
    let mut spelled: BTreeMap<String, usize> = BTreeMap::new();
    for s in &states {
        for (name, n) in &s.spellings {
            *spelled.entry(name.clone()).or_default() += n;
        }
    }
    let (ledger, refs, traits) = assemble(states);
    let network = fold_network(&ledger, &traits, &spelled, ties, actors);
    (ledger, network, refs)
}

/// [`network_of`] with actors rolled up to their states, as
/// [`build_network_by_state`](crate::build_network_by_state) gives it.
pub fn network_by_state_of(
    states: Vec<BucketState>,
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> (Network, Vec<ClaimRef>) {
    let mut spelled: BTreeMap<String, usize> = BTreeMap::new();
    for s in &states {
        for (name, n) in &s.spellings {
            *spelled.entry(name.clone()).or_default() += n;
        }
    }
    let (ledger, refs, traits) = assemble(states);
    (
        fold_network_by_state(&ledger, &traits, &spelled, ties, actors),
        refs,
    )
}

/// Every group of `states` in ledger order, with its claims re-indexed into one list of
/// references, and each group's traits for the network.
fn assemble(states: Vec<BucketState>) -> (Ledger, Vec<ClaimRef>, Vec<GroupTraits>) {
    // The groups are put in order where they lie, by their places in the states (a group is
    // some hundreds of bytes: moved into one list and then about by the sort, they were half
    // of this fold over a large store), then each is moved once, into the ledger.
    let mut places: Vec<(u32, u32)> =
        Vec::with_capacity(states.iter().map(|s| s.groups.len()).sum());
    for (i, s) in states.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        places.extend((0..s.groups.len()).map(|j| (i, u32::try_from(j).unwrap_or(u32::MAX))));
    }
    let at = |&(i, j): &(u32, u32)| &states[i as usize].groups[j as usize];
    places.sort_by(|a, b| ledger_order(at(a), at(b)));
    let mut lying: Vec<Vec<Option<StoredGroup>>> = states
        .into_iter()
        .map(|s| s.groups.into_iter().map(Some).collect())
        .collect();
    let mut refs = Vec::with_capacity(
        lying
            .iter()
            .flatten()
            .flatten()
            .map(|g| g.group.claims.len())
            .sum(),
    );
    let mut traits = Vec::with_capacity(places.len());
    let groups = places
        .into_iter()
        .filter_map(|(i, j)| lying[i as usize][j as usize].take())
        .map(|s| {
            let StoredGroup {
                group: mut g,
                refs: group_refs,
                percent,
                moves,
                earlier,
                ..
            } = s;
            for m in &mut g.claims {
                refs.push(group_refs[m.claim].clone());
                m.claim = refs.len() - 1;
            }
            traits.push(GroupTraits {
                percent,
                moves,
                earlier,
            });
            g
        })
        .collect();
    (Ledger { groups }, refs, traits)
}

/// The order `group_figures` gives groups: most documents, most claims, then subject,
/// object, unit, rate, measure, then the first claim's content.
fn ledger_order(a: &StoredGroup, b: &StoredGroup) -> Ordering {
    compare(Parts::of(a), Parts::of(b))
}

/// What [`ledger_order`] reads of a group.
#[derive(Clone, Copy)]
struct Parts<'a> {
    claims: usize,
    subject: &'a Option<String>,
    object: &'a Option<String>,
    unit: &'a Option<String>,
    per: &'a Option<String>,
    measure: &'a str,
    order: &'a GroupOrder,
}

impl<'a> Parts<'a> {
    fn of(s: &'a StoredGroup) -> Parts<'a> {
        let g = &s.group;
        Parts {
            claims: g.claims.len(),
            subject: &g.subject,
            object: &g.object,
            unit: &g.unit,
            per: &g.per,
            measure: &g.measure,
            order: &s.order,
        }
    }
}

fn compare(a: Parts<'_>, b: Parts<'_>) -> Ordering {
    let (oa, ob) = (a.order, b.order);
    ob.docs
        .cmp(&oa.docs)
        .then(b.claims.cmp(&a.claims))
        .then_with(|| a.subject.cmp(b.subject))
        .then_with(|| a.object.cmp(b.object))
        .then_with(|| a.unit.cmp(b.unit))
        .then_with(|| a.per.cmp(b.per))
        .then_with(|| a.measure.cmp(b.measure))
        .then_with(|| {
            (&oa.doc, oa.span, oa.sentence, &oa.measure).cmp(&(
                &ob.doc,
                ob.span,
                ob.sentence,
                &ob.measure,
            ))
        })
        .then_with(|| oa.value.total_cmp(&ob.value))
        .then_with(|| oa.text.cmp(&ob.text))
}

/// Where a stored group sorts in the whole ledger, without its claims: what a reader that
/// writes the ledger group by group keeps of every group while it puts them in order
/// ([`StoredGroup::place`]; places sort as [`ledger_of`] sorts the groups), and what a
/// stored summary keeps of a bucket's first groups (`sinew_report::BucketLead`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerPlace {
    claims: usize,
    subject: Option<String>,
    object: Option<String>,
    unit: Option<String>,
    per: Option<String>,
    measure: String,
    order: GroupOrder,
}

impl LedgerPlace {
    fn parts(&self) -> Parts<'_> {
        Parts {
            claims: self.claims,
            subject: &self.subject,
            object: &self.object,
            unit: &self.unit,
            per: &self.per,
            measure: &self.measure,
            order: &self.order,
        }
    }

    /// The order of two places in the ledger.
    pub fn ledger_cmp(&self, other: &LedgerPlace) -> Ordering {
        compare(self.parts(), other.parts())
    }
}

impl StoredGroup {
    /// Where the group sorts in the whole ledger.
    pub fn place(&self) -> LedgerPlace {
        let g = &self.group;
        LedgerPlace {
            claims: g.claims.len(),
            subject: g.subject.clone(),
            object: g.object.clone(),
            unit: g.unit.clone(),
            per: g.per.clone(),
            measure: g.measure.clone(),
            order: self.order.clone(),
        }
    }
}
