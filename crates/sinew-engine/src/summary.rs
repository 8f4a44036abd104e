//! What a briefing reads of each grouping bucket, kept beside its state (store v17).
//!
//! A briefing shows the ledger's first groups, its first contradicted and grown figures, the
//! network (folded from every group naming two actors) and the groups a change judgment
//! reads; `sinew_report::GroupPicks` says which groups of a bucket those may be. Over a large
//! store most of a bucket's groups are none of them, yet finding the few meant inflating and
//! parsing every state (1.7 GB of JSON at 100k articles). So every state is written with its
//! summary: the same state with only the groups `GroupPicks` keeps when no alert is asked
//! about ([`summary_of`]), which the briefing reads instead. An alert's picks depend on the
//! alert, so the buckets holding a claim of an alert's document are read whole
//! ([`Engine::alert_buckets`]): an alert names a group of its document, by id or by actors, and
//! a group lives in the bucket of its claims, so no other bucket can hold it.
//!
//! States kept before v17 have no summary; the briefing reads those whole (the same picks,
//! the old cost) until `sinew alerts` fills them ([`Engine::fill_summaries`]).

use std::collections::BTreeSet;

use sinew_analysis::{BucketState, PoliticalTie};
use sinew_report::GroupPicks;
use sinew_types::{Alert, Claim, DocId};

use crate::{Engine, EngineError};

/// How many states [`Engine::fill_summaries`] reads and writes at a time (their summaries are
/// stored in one transaction a chunk).
const FILL_CHUNK: usize = 64;

/// The summary kept beside `state`: the state with only the groups a briefing may pick
/// when no alert is asked about (and the bucket's spelling counts whole); `None` when that
/// is every group (most buckets), so the store keeps the state once.
pub(crate) fn summary_of(state: &BucketState) -> Option<BucketState> {
    let mut summary = state.clone();
    let mut picks = GroupPicks::new(&[]);
    picks.bucket();
    summary.retain_groups(|g| picks.keeps(g));
    (summary.groups.len() < state.groups.len()).then_some(summary)
}

impl Engine {
    /// The buckets holding a claim of one of `alerts`' documents: those a briefing that
    /// speaks of the alerts reads whole, since the groups it reads for them are there.
    pub(crate) fn alert_buckets(&self, alerts: &[Alert]) -> Result<BTreeSet<String>, EngineError> {
        let docs: Vec<DocId> = alerts
            .iter()
            .map(|a| a.doc.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
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
    /// bucket only the groups it may read are kept as the states are read, so the briefing
    /// over them is the one over the whole ledger (`GroupPicks`). A bucket's kept summary
    /// holds those groups when no alert is asked about; the buckets an alert's document
    /// touches, and those without a summary, are read whole and picked here.
    pub(crate) fn picked_states(
        &self,
        alerts: &[Alert],
    ) -> Result<(Vec<BucketState>, Vec<PoliticalTie>), EngineError> {
        let mut picks = GroupPicks::new(alerts);
        let mut states = Vec::new();
        let whole = self.alert_buckets(alerts)?;
        let ties = self.each_kept(Some(&whole), |mut state, summary| {
            if !summary {
                picks.bucket();
                state.retain_groups(|g| picks.keeps(g));
            }
            // the room of the groups left out, and what parsing grew the list by, is given
            // back (without it a summary's list held up to twice its groups' room)
            state.groups.shrink_to_fit();
            states.push(state);
            Ok(())
        })?;
        states.sort_by(|a, b| a.key.cmp(&b.key));
        Ok((states, ties))
    }

    /// Writes the summary of every kept state that has none (kept before store v17), a few
    /// states at a time, so a later `report` reads summaries only. A state written again
    /// meanwhile keeps the summary written with it. Returns how many were filled.
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
                    Ok(state) => {
                        rows.push((key.to_string(), summary_of(&state).map(|s| s.to_json())))
                    }
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
