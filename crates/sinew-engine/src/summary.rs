//! What a briefing reads of each grouping bucket, kept beside its state (store v17, v18, v20).
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
//! Since v20 a digest keeps its groups naming two actors in compact form
//! (`sinew_analysis::NetState`: what the network fold and the briefing's first pass read,
//! about a third of the slim groups' text at 10k articles), and a large bucket's picks on a
//! second line that only a leading bucket's read parses. A compact group has no statement
//! values or camps, which a change judgment reads: a bucket holding a group that a change may
//! name is read whole ([`Engine::picked_states`]). A v18 or v19 digest (a store opened
//! read-only) is read as it was written.
//!
//! A summary written by a v17 build is the state with the groups `GroupPicks` keeps (or, kept
//! empty, the state itself): read where a v17 store is opened read-only, it is taken as it is
//! (the same briefing, the v17 cost). The v18 step clears those, and states without a
//! summary are read whole until `sinew alerts` fills them ([`Engine::fill_summaries`]).

use std::collections::{BTreeSet, HashSet};

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use sinew_analysis::{BucketState, NetState, PoliticalTie, RawState, StoredGroup};
use sinew_report::{BucketLead, Fresh, GroupPicks};
use sinew_types::{Alert, Claim, DocId};

use crate::{Engine, EngineError};

/// How many states [`Engine::fill_summaries`] reads and writes at a time (their summaries are
/// stored in one transaction a chunk).
const FILL_CHUNK: usize = 64;

/// The summary kept beside a bucket's state (v20): what a briefing reads of every bucket.
/// Kept as two lines of JSON: the first is the [`Head`], which every briefing reads; the
/// second, only where the bucket holds more groups than a briefing may read of it, the groups
/// `GroupPicks` keeps of it without alerts (its first, first contradicted and first grown
/// ones, whole but [`slim`]), read for the few buckets `leading_buckets` names, so that a
/// large leading bucket is not read whole (at 10k articles the leading buckets' states were a
/// fifth of every state's text). A JSON text holds no raw line break, so the first line
/// ends the head, and the picks are never parsed where they are not read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Digest {
    head: Head,
    picked: Option<Vec<StoredGroup>>,
}

/// What a briefing reads of every bucket's digest: where the bucket's first groups sort in
/// the whole ledger, and its groups naming two actors in compact form (`NetState`: what the
/// network folds, and what the briefing's first pass reads of a group), its counts of actor
/// spellings whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Head {
    /// The digest's layout: [`LAYOUT`]. First in the JSON, which tells a v20 digest from an
    /// older one (see [`DIGEST_START`]).
    v: u32,
    lead: BucketLead,
    pairs: NetState,
    /// Whether a second line holds the bucket's picks.
    picked: bool,
}

/// The layout [`Digest`] is written in: store v20's.
const LAYOUT: u32 = 20;

/// How a v20 digest's JSON starts.
const DIGEST_START: &[u8] = b"{\"v\":20,";

/// The summary a v18 or v19 build kept (read where such a store is opened read-only), as a
/// leading bucket's is read again: the groups naming two actors whole but slim, and the
/// other picks (its lead, read the first time, is skipped).
#[derive(Debug, Deserialize)]
struct OldDigest {
    pairs: BucketState,
    #[serde(default)]
    picked: Option<Vec<StoredGroup>>,
}

/// How a v18 or v19 digest's JSON starts; a v17 summary (a state) starts with its key.
const OLD_DIGEST_START: &[u8] = b"{\"lead\":";

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
            let first = picks.keeps_first(&g.group);
            let pair = g.group.subject.is_some() && g.group.object.is_some();
            // what `GroupPicks::keeps` keeps without alerts: the first groups and the pairs
            cut |= !(first || pair);
            if first {
                // whole (but slim): a leading bucket's first groups are shown, statements
                // and camps with them, whether they name two actors or not
                let mut whole = g.clone();
                slim(&mut whole);
                picked.push(whole);
            }
            if pair {
                pairs.groups.push(g);
            }
        }
        let picked = cut.then_some(picked);
        Digest {
            head: Head {
                v: LAYOUT,
                lead,
                pairs: pairs.to_net(),
                picked: picked.is_some(),
            },
            picked,
        }
    }

    fn to_text(&self) -> String {
        let mut text = json(&self.head);
        if let Some(picked) = &self.picked {
            text.push('\n');
            text.push_str(&json(picked));
        }
        text
    }

    /// Reads a digest's text as [`Digest::to_text`] wrote it: `None` when it is not a v20
    /// digest.
    fn read(text: &[u8]) -> Option<Result<Digest, String>> {
        if !text.starts_with(DIGEST_START) {
            return None;
        }
        let (head, rest) = split_head(text);
        let read = || -> Result<Digest, serde_json::Error> {
            let head: Head = serde_json::from_slice(head)?;
            let picked = match rest {
                Some(rest) if head.picked => Some(serde_json::from_slice(rest)?),
                _ => None,
            };
            Ok(Digest { head, picked })
        };
        Some(read().map_err(|e| e.to_string()))
    }

    /// The bucket's state as a leading bucket is read from its digest: the groups
    /// `GroupPicks` keeps without alerts, whole, and every other group naming two actors in
    /// compact form (which `GroupPicks` keeps too).
    fn into_picked_state(self) -> BucketState {
        let picked = self.picked.unwrap_or_default();
        let ids: HashSet<&str> = picked.iter().map(|g| g.group.id.as_str()).collect();
        let mut state = self.head.pairs.into_state();
        state.groups.retain(|g| !ids.contains(g.group.id.as_str()));
        state.groups.extend(picked);
        state
    }
}

/// A digest's text cut after its head: the head, and what follows its line break.
fn split_head(text: &[u8]) -> (&[u8], Option<&[u8]>) {
    match text.iter().position(|&b| b == b'\n') {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    }
}

/// The JSON of a digest's part: a lead, a state and groups are plain strings, numbers and
/// lists, so this cannot fail.
fn json<T: Serialize>(part: &T) -> String {
    serde_json::to_string(part)
        .unwrap_or_else(|e| unreachable!("a digest's part always serialises: {e}"))
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

/// The summary kept beside `state`, as the store keeps it: its [`Digest`]'s text.
pub(crate) fn summary_of(state: &BucketState) -> String {
    Digest::of(state).to_text()
}

/// A digest as every bucket's is read: its lead and pairs, and only whether it keeps picks
/// (read again, whole, for the few buckets `leading_buckets` names).
#[derive(Debug)]
pub(crate) struct Skimmed {
    lead: BucketLead,
    pairs: BucketState,
    picks: bool,
    /// Whether its pairs are in compact form (a v20 digest): their statements have no
    /// values or camps, so a bucket whose groups a change may name is read whole.
    compact: bool,
}

/// A v18 or v19 digest ([`OLD_DIGEST_START`]) as read for one actor ([`Kept::read_for`]):
/// its groups still raw text.
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
    /// A digest, its picks skipped ([`Skimmed`]).
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
        // A v20 digest's groups are compact already (`NetState`): read, then the actor's kept.
        if summary && json.starts_with(DIGEST_START) {
            let mut kept = Kept::read(json, summary)?;
            if let Kept::Digest(d) = &mut kept {
                d.pairs.retain_naming(actor);
            }
            return Ok(kept);
        }
        let json = std::str::from_utf8(json).map_err(|e| e.to_string())?;
        if summary && json.as_bytes().starts_with(OLD_DIGEST_START) {
            let d: SkimmedRaw<'_> = serde_json::from_str(json).map_err(|e| e.to_string())?;
            let pairs = d.pairs.naming(actor).map_err(|e| e.to_string())?;
            return Ok(Kept::Digest(Box::new(Skimmed {
                lead: d.lead,
                pairs,
                picks: d.picks.is_some(),
                compact: false,
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
            let head: Head =
                serde_json::from_slice(split_head(json).0).map_err(|e| e.to_string())?;
            return Ok(Kept::Digest(Box::new(Skimmed {
                lead: head.lead,
                pairs: head.pairs.into_state(),
                picks: head.picked,
                compact: true,
            })));
        }
        if summary && json.starts_with(OLD_DIGEST_START) {
            #[derive(Deserialize)]
            struct OldSkimmed {
                lead: BucketLead,
                pairs: BucketState,
                #[serde(default)]
                picked: Option<IgnoredAny>,
            }
            let d: OldSkimmed = serde_json::from_slice(json).map_err(|e| e.to_string())?;
            return Ok(Kept::Digest(Box::new(Skimmed {
                lead: d.lead,
                pairs: d.pairs,
                picks: d.picked.is_some(),
                compact: false,
            })));
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
    /// statement. A v20 digest keeps its groups in compact form, without what a change
    /// judgment reads of a group (its statements' values and camps, whether it was revised):
    /// so a bucket with a group that a change may name (one an alert names by id, or with a
    /// statement of an alert's document or a `fresh` one) is read whole as well.
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
        let alert_docs: HashSet<&DocId> = alerts.iter().map(|a| &a.doc).collect();
        let alert_keys: HashSet<&str> = alerts.iter().map(|a| a.key.as_str()).collect();
        let changes_may_name = |state: &BucketState| {
            state.groups.iter().any(|g| {
                alert_keys.contains(g.group.id.as_str())
                    || g.group
                        .claims
                        .iter()
                        .any(|m| fresh.holds(m) || alert_docs.contains(&m.source))
            })
        };
        let mut upgraded: BTreeSet<String> = BTreeSet::new();
        let ties = self.each_kept(Some(&whole), |kept| {
            match kept {
                Kept::Whole(state) => states.push(pick(state)),
                Kept::Picked(mut state) => {
                    state.groups.shrink_to_fit();
                    states.push(state);
                }
                Kept::Digest(mut d) => {
                    if d.compact && changes_may_name(&d.pairs) {
                        upgraded.insert(d.pairs.key.clone());
                    }
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
        // again whole (the first read skipped them); a small one is read whole below, as is
        // one a change may name.
        let with_picks: Vec<String> = digests
            .iter()
            .filter(|d| d.picks && leading.contains(&d.pairs.key))
            .filter(|d| !upgraded.contains(&d.pairs.key))
            .map(|d| d.pairs.key.clone())
            .collect();
        let mut picked: BTreeSet<String> = BTreeSet::new();
        let mut failed = None;
        if !with_picks.is_empty() {
            self.store
                .each_bucket_summary(&with_picks, &mut |key, json, summary| {
                    if !summary {
                        // rewritten since without a digest: read whole below
                        return;
                    }
                    let state = match Digest::read(json) {
                        Some(read) => read.map(Digest::into_picked_state),
                        None if json.starts_with(OLD_DIGEST_START) => {
                            serde_json::from_slice::<OldDigest>(json)
                                .map(|d| {
                                    let mut state = d.pairs;
                                    // the groups `GroupPicks` keeps of a large bucket
                                    // without alerts
                                    state.groups.extend(d.picked.unwrap_or_default());
                                    state
                                })
                                .map_err(|e| e.to_string())
                        }
                        // rewritten since without a digest: read whole below
                        None => return,
                    };
                    match state {
                        Ok(state) => {
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
        let read_whole: Vec<String> = digests
            .iter()
            .filter(|d| leading.contains(&d.pairs.key) || upgraded.contains(&d.pairs.key))
            .map(|d| d.pairs.key.clone())
            .collect();
        let mut read: BTreeSet<String> = BTreeSet::new();
        self.store.each_bucket_state(
            &read_whole,
            &mut |key, json| match Kept::read(json, false) {
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
            },
        )?;
        if let Some(e) = failed {
            return Err(e);
        }
        // a bucket dropped since its digest was read (a concurrent `reanalyse`) keeps what
        // the digest gave
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
