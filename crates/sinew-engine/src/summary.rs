//! What a briefing reads of each grouping bucket, kept beside its state (store v17, v18).
//!
//! A briefing shows the ledger's first groups, its first contradicted and grown figures, the
//! network (folded from every group naming two actors) and the groups a change judgment
//! reads; `sinew_report::GroupPicks` says which groups of a bucket those may be. Over a large
//! store most buckets hold none of the first groups, yet finding the few meant inflating and
//! parsing every state (1.7 GB of JSON at 100k articles). So every state is written with its
//! summary, a [`Digest`]: where the bucket's first groups sort in the whole ledger
//! (`sinew_report::BucketLead`) and the bucket with only its groups naming two actors, less
//! what no line of the briefing reads ([`slim`]); a bucket holding more groups than a
//! briefing may read of it also keeps the others `GroupPicks` keeps. The briefing reads every
//! digest, asks `sinew_report::leading_buckets` which few buckets may hold its first groups
//! of a kind, takes those buckets' picks from their digests (or reads a small one's state
//! whole and picks it as `GroupPicks` does), and takes of every other bucket its digest's
//! groups: the network's.
//! An alert's picks depend on the alert, so the buckets holding a claim of an alert's
//! document are read whole ([`Engine::doc_buckets`]): an alert names a group of its
//! document, by id or by actors, and a group lives in the bucket of its claims, so no other
//! bucket can hold it. Likewise the buckets of the documents stored since the last briefing
//! (a bounded number, the newest), whose groups say what changed without an alert.
//!
//! A summary written by a v17 build is the state with the groups `GroupPicks` keeps (or, kept
//! empty, the state itself): read where a v17 store is opened read-only, it is taken as it is
//! (the same briefing, the v17 cost). The v18 step clears those, and states without a
//! summary are read whole until `sinew alerts` fills them ([`Engine::fill_summaries`]).

use std::collections::{BTreeSet, HashSet};

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use sinew_analysis::{BucketState, PoliticalTie, RawState, StoredGroup};
use sinew_report::{BucketLead, Fresh, GroupPicks};
use sinew_types::{Alert, Claim, DocId};

use crate::{Engine, EngineError};

/// How many states [`Engine::fill_summaries`] reads and writes at a time (their summaries are
/// stored in one transaction a chunk).
const FILL_CHUNK: usize = 64;

/// The summary kept beside a bucket's state (v18): what a briefing reads of every bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Digest {
    /// Where the bucket's first groups sort in the whole ledger. First in the JSON, which
    /// tells a digest from a v17 summary (see [`DIGEST_START`]).
    lead: BucketLead,
    /// The state with only its groups naming two actors, its counts of actor spellings
    /// whole: what the network folds.
    pairs: BucketState,
    /// In a bucket that holds more groups than a briefing may read of it, the other groups
    /// `GroupPicks` keeps without alerts (its first, first contradicted and first grown
    /// ones), so that a large leading bucket is not read whole (at 10k articles the leading
    /// buckets' states were a fifth of every state's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    picked: Option<Vec<StoredGroup>>,
}

/// How a digest's JSON starts; a v17 summary (a state) starts with its key.
const DIGEST_START: &[u8] = b"{\"lead\":";

impl Digest {
    /// The digest of `state`.
    pub(crate) fn of(state: &BucketState) -> Digest {
        let mut pairs = state.clone();
        // puts the groups in ledger order, the order `BucketLead::of` reads them in
        pairs.retain_groups(|_| true);
        let lead = BucketLead::of(&pairs.groups);
        let mut picks = GroupPicks::new(&[]);
        picks.bucket();
        let (mut picked, mut cut) = (Vec::new(), false);
        for g in std::mem::take(&mut pairs.groups) {
            // every group is offered, in order: the picks count them
            let keep = picks.keeps(&g.group);
            cut |= !keep;
            if g.group.subject.is_some() && g.group.object.is_some() {
                pairs.groups.push(g);
            } else if keep {
                picked.push(g);
            }
        }
        let mut picked = cut.then_some(picked);
        for g in pairs.groups.iter_mut().chain(picked.iter_mut().flatten()) {
            slim(g);
        }
        Digest {
            lead,
            pairs,
            picked,
        }
    }

    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            // A lead and a state are plain strings, numbers and lists: this cannot fail.
            unreachable!("a digest always serialises: {e}")
        })
    }
}

/// Leaves out of a digest's group what no line of the briefing reads (its verdict's wording,
/// its attribution, each statement's note; nearly a fifth of a group's text): the briefing words a
/// figure from its statements, values and sources (`tests/summaries.rs` compares briefings
/// with and without digests).
fn slim(g: &mut StoredGroup) {
    g.group.explanation = String::new();
    g.group.attribution = None;
    for m in &mut g.group.claims {
        m.note = String::new();
    }
}

/// The summary kept beside `state`, as the store keeps it: its [`Digest`] as JSON.
pub(crate) fn summary_of(state: &BucketState) -> String {
    Digest::of(state).to_json()
}

/// A digest as every bucket's is read: its lead and pairs, and only whether it keeps picks.
/// A digest's picks matter only for the few buckets `leading_buckets` names, so they are
/// skipped over here (they were a sixth of the digests' text at 100k articles) and read again,
/// whole, for those buckets alone.
#[derive(Debug, Deserialize)]
pub(crate) struct Skimmed {
    lead: BucketLead,
    pairs: BucketState,
    #[serde(default, rename = "picked")]
    picks: Option<IgnoredAny>,
}

/// [`Skimmed`] as read for one actor ([`Kept::read_for`]): its groups still raw text.
#[derive(Debug, Deserialize)]
struct SkimmedRaw<'a> {
    lead: BucketLead,
    #[serde(borrow)]
    pairs: RawState<'a>,
    #[serde(default, rename = "picked")]
    picks: Option<IgnoredAny>,
}

/// A kept bucket as a reader is handed it ([`Engine::each_kept`]).
pub(crate) enum Kept {
    /// The whole state: one read whole, one kept before summaries were, or one recomputed in
    /// memory where work is pending.
    Whole(BucketState),
    /// A summary written by a v17 build: the groups `GroupPicks` keeps when no alert is
    /// asked about (or every group).
    Picked(BucketState),
    /// A summary written by this build, its picks skipped ([`Skimmed`]).
    Digest(Box<Skimmed>),
}

impl Kept {
    /// The state as kept, holding at least every group that names two actors (what the
    /// network folds): the whole state, a v17 summary's picks (which keep those groups), or
    /// a digest's groups naming two actors.
    pub(crate) fn into_pairs(self) -> BucketState {
        match self {
            Kept::Whole(state) | Kept::Picked(state) => state,
            Kept::Digest(d) => d.pairs,
        }
    }

    /// Reads what the store handed on: a summary when `summary`, else a whole state; with
    /// `naming`, only the groups naming two actors of which one is it
    /// ([`sinew_analysis::RawState::naming`]: the other groups are scanned, not parsed).
    pub(crate) fn read_for(
        json: &[u8],
        summary: bool,
        naming: Option<&str>,
    ) -> Result<Kept, String> {
        let Some(actor) = naming else {
            return Kept::read(json, summary);
        };
        let json = std::str::from_utf8(json).map_err(|e| e.to_string())?;
        if summary && json.as_bytes().starts_with(DIGEST_START) {
            let d: SkimmedRaw<'_> = serde_json::from_str(json).map_err(|e| e.to_string())?;
            let pairs = d.pairs.naming(actor).map_err(|e| e.to_string())?;
            return Ok(Kept::Digest(Box::new(Skimmed {
                lead: d.lead,
                pairs,
                picks: d.picks,
            })));
        }
        let state = sinew_analysis::state_naming(json, actor).map_err(|e| e.to_string())?;
        Ok(if summary {
            Kept::Picked(state)
        } else {
            Kept::Whole(state)
        })
    }

    /// Reads what the store handed on: a summary when `summary`, else a whole state.
    pub(crate) fn read(json: &[u8], summary: bool) -> Result<Kept, String> {
        if summary && json.starts_with(DIGEST_START) {
            return serde_json::from_slice(json)
                .map(|d| Kept::Digest(Box::new(d)))
                .map_err(|e| e.to_string());
        }
        let state = std::str::from_utf8(json)
            .map_err(|e| e.to_string())
            .and_then(|json| BucketState::from_json(json).map_err(|e| e.to_string()))?;
        Ok(if summary {
            Kept::Picked(state)
        } else {
            Kept::Whole(state)
        })
    }
}

impl Engine {
    /// The buckets holding a claim of one of `docs` (the alerts' documents and those stored
    /// since the last briefing): those a briefing that speaks of what changed reads whole,
    /// since the groups it reads for the changes are there.
    pub(crate) fn doc_buckets(&self, docs: Vec<DocId>) -> Result<BTreeSet<String>, EngineError> {
        if docs.is_empty() {
            return Ok(BTreeSet::new());
        }
        // A document's claims together: a restatement is in its figure's bucket.
        let claims: Vec<Claim> = self
            .store
            .claims_of_docs(&docs)?
            .into_iter()
            .map(|k| k.claim)
            .collect();
        Ok(sinew_analysis::claim_buckets(&claims).into_iter().collect())
    }

    /// The states the briefing reads, ordered by key, with every political tie: of each
    /// bucket only the groups it may read, so the briefing over them is the one over the
    /// whole ledger. Every bucket's digest is read; the buckets `leading_buckets` names and
    /// those an alert's document touches are read whole and picked as `GroupPicks` does (as
    /// are buckets without a digest); every other bucket gives its digest's groups, those
    /// naming two actors, which `GroupPicks` keeps too, and none of which can be among the
    /// first groups the briefing shows. The buckets of the documents stored since the last
    /// briefing (`new_docs`) are read whole too, and `fresh` keeps their groups with a new
    /// statement.
    pub(crate) fn picked_states(
        &self,
        alerts: &[Alert],
        new_docs: Option<&HashSet<DocId>>,
        fresh: Fresh<'_>,
    ) -> Result<(Vec<BucketState>, Vec<PoliticalTie>), EngineError> {
        let mut picks = GroupPicks::new(alerts).with_fresh(fresh);
        let mut states = Vec::new();
        let mut digests = Vec::new();
        let mut docs: BTreeSet<DocId> = alerts.iter().map(|a| a.doc.clone()).collect();
        docs.extend(new_docs.into_iter().flatten().cloned());
        let whole = self.doc_buckets(docs.into_iter().collect())?;
        let mut pick = |mut state: BucketState| {
            picks.bucket();
            state.retain_groups(|g| picks.keeps(g));
            // the room of the groups left out, and what parsing grew the list by, is given
            // back (without it a summary's list held up to twice its groups' room)
            state.groups.shrink_to_fit();
            state
        };
        let ties = self.each_kept(Some(&whole), |kept| {
            match kept {
                Kept::Whole(state) => states.push(pick(state)),
                Kept::Picked(mut state) => {
                    state.groups.shrink_to_fit();
                    states.push(state);
                }
                Kept::Digest(mut d) => {
                    d.pairs.groups.shrink_to_fit();
                    // kept boxed: a digest's lead is several hundred bytes, moved 120,000
                    // times over as the list grew
                    digests.push(d);
                }
            }
            Ok(())
        })?;
        let leads: Vec<(&str, &BucketLead)> = digests
            .iter()
            .map(|d| (d.pairs.key.as_str(), &d.lead))
            .collect();
        let leading: BTreeSet<String> = sinew_report::leading_buckets(&leads)
            .into_iter()
            .map(String::from)
            .collect();
        // A leading bucket whose digest holds its picks takes them from its digest, read
        // again whole (the first read skipped them); a small one is read whole below.
        let with_picks: Vec<String> = digests
            .iter()
            .filter(|d| d.picks.is_some() && leading.contains(&d.pairs.key))
            .map(|d| d.pairs.key.clone())
            .collect();
        let mut picked: BTreeSet<String> = BTreeSet::new();
        let mut failed = None;
        if !with_picks.is_empty() {
            self.store
                .each_bucket_summary(&with_picks, &mut |key, json, summary| {
                    if !summary || !json.starts_with(DIGEST_START) {
                        // rewritten since without a digest: read whole below
                        return;
                    }
                    match serde_json::from_slice::<Digest>(json) {
                        Ok(d) => {
                            let mut state = d.pairs;
                            // the groups `GroupPicks` keeps of a large bucket without alerts
                            state.groups.extend(d.picked.unwrap_or_default());
                            picked.insert(key.to_string());
                            states.push(state);
                        }
                        Err(e) => {
                            failed.get_or_insert_with(|| {
                                EngineError::Inconsistent(format!(
                                    "stored digest of bucket {key:?}: {e}"
                                ))
                            });
                        }
                    }
                })?;
        }
        if let Some(e) = failed {
            return Err(e);
        }
        let digests: Vec<Box<Skimmed>> = digests
            .into_iter()
            .filter(|d| !picked.contains(&d.pairs.key))
            .collect();
        let leading: Vec<String> = digests
            .iter()
            .filter(|d| leading.contains(&d.pairs.key))
            .map(|d| d.pairs.key.clone())
            .collect();
        let mut read: BTreeSet<String> = BTreeSet::new();
        self.store
            .each_bucket_state(&leading, &mut |key, json| match Kept::read(json, false) {
                Ok(Kept::Whole(state)) => {
                    read.insert(key.to_string());
                    states.push(pick(state));
                }
                Ok(_) => {}
                Err(e) => {
                    failed.get_or_insert_with(|| {
                        EngineError::Inconsistent(format!("stored analysis of bucket {key:?}: {e}"))
                    });
                }
            })?;
        if let Some(e) = failed {
            return Err(e);
        }
        // a leading bucket dropped since its digest was read (a concurrent `reanalyse`)
        // keeps what the digest gave
        states.extend(
            digests
                .into_iter()
                .filter(|d| !read.contains(&d.pairs.key))
                .map(|d| d.pairs),
        );
        states.sort_by(|a, b| a.key.cmp(&b.key));
        Ok((states, ties))
    }

    /// Writes the summary of every kept state that has none (kept before store v17, or
    /// cleared by the v18 step), a few states at a time, so a later `report` reads digests
    /// only. A state written again meanwhile keeps the summary written with it. Returns how
    /// many were filled.
    pub(crate) fn fill_summaries(&self) -> Result<usize, EngineError> {
        let keys = self.store.buckets_without_summary()?;
        let mut filled = 0;
        for chunk in keys.chunks(FILL_CHUNK) {
            let mut rows = Vec::with_capacity(chunk.len());
            let mut failed = None;
            self.store.each_bucket_state(chunk, &mut |key, json| {
                let state = std::str::from_utf8(json)
                    .map_err(|e| e.to_string())
                    .and_then(|json| BucketState::from_json(json).map_err(|e| e.to_string()));
                match state {
                    Ok(state) => rows.push((key.to_string(), Some(summary_of(&state)))),
                    Err(e) => {
                        failed.get_or_insert_with(|| {
                            EngineError::Inconsistent(format!(
                                "stored analysis of bucket {key:?}: {e}"
                            ))
                        });
                    }
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            filled += self.store.put_bucket_summaries(&rows)?;
        }
        Ok(filled)
    }
}
