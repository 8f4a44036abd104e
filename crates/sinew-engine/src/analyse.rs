//! Keeping the stored analysis current: which documents await analysis, which grouping
//! buckets their claims touch, and what the ledger, the network and the alerts are once
//! those buckets are recomputed.
//!
//! Work is bounded by what is new: a run loads the new documents' claims, every stored claim
//! of the buckets they fall in (by key, `claim_buckets`), and those claims' document headers;
//! recomputes those buckets (`sinew_analysis::analyse_buckets`); raises alerts from the same
//! claims (`detect_alerts_in`, told by the store which flows other buckets already show); and
//! stores it all, with the pending marks cleared, in one transaction. A process killed before
//! that transaction leaves the marks (written with the documents), and the next `ingest` or
//! `sinew alerts` redoes the work: alerts are never lost.
//!
//! Readers never write: when work is pending they recompute the touched buckets in memory
//! and lay them over the stored states, so their answers are what a finished run would show.
//!
//! How each document was made (`SourceKind`, which the ledger needs to count a derivative
//! digest once) is read here, from the text the run already loads for political ties
//! (`sinew_ingest::source_kind`), and kept with the analysis (`document_kinds`), so later runs
//! read it with the document's header instead of its text.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sinew_analysis::{
    analyse_buckets, detect_alerts_between, AlertScope, BucketState, ClaimRef, PoliticalTie,
    SourceDoc,
};
use sinew_store::{AnalysisUpdate, BucketRow, ClaimPacks, ClaimQuote, ClaimWords, KeyedClaim};
use sinew_types::{Alert, Claim, DocId, SourceKind};

use crate::feed::{doc_ties, Feed, DOCS_PER_SLICE};
use crate::summary::Kept;
use crate::{CitedClaim, ClaimView, Engine, EngineError};

/// The analysis of the pending documents, computed but not yet stored.
pub(crate) struct PendingWork {
    /// The documents analysed.
    done: Vec<DocId>,
    /// Recomputed states of the buckets their claims touch.
    states: Vec<BucketState>,
    /// Every claim of those buckets by reference, as `claims`.
    refs: Vec<ClaimRef>,
    /// Each new claim's bucket.
    claim_buckets: Vec<(String, DocId, u32)>,
    /// Political ties of each new document that has any, in ingest order.
    ties: Vec<(DocId, Vec<PoliticalTie>)>,
    /// Every claim of the touched buckets, in store order, which alerts read.
    claims: Vec<Claim>,
    /// Their documents.
    docs: Vec<SourceDoc>,
    /// How each new document was made.
    kinds: Vec<(DocId, SourceKind)>,
}

/// Every bucket's state and every political tie, as a finished analysis holds them.
pub(crate) struct Analysis {
    pub(crate) states: Vec<BucketState>,
    pub(crate) ties: Vec<PoliticalTie>,
}

/// How many stored bucket states [`Engine::each_state`] reads in one go.
const STATES_READ: usize = 64;

/// How many documents awaiting analysis a read folds in memory (its answer is then what a
/// finished analysis would show) before it refuses and says how to analyse them: twice
/// ingest's analysis step, so a reader beside a running ingest is answered, while a store
/// upgraded to a version that drops the analysis, or loaded with analysis deferred, is not
/// folded whole in memory (at 100k documents that took 8 GB).
pub const PENDING_READ_MAX: usize = 4096;

impl Engine {
    /// Analyses the documents awaiting analysis and stores the result with the alerts they
    /// raise (when `raise` is set and something was analysed before them: the first documents
    /// set the baseline). Returns the alerts.
    pub fn finish_analysis(&self, raise: bool) -> Result<Vec<Alert>, EngineError> {
        self.finish_analysis_fed(raise, None)
    }

    /// [`finish_analysis`](Self::finish_analysis), with the first step's rows of the
    /// documents this run stored already worked out and stored by `feed` (`crate::feed`).
    pub(crate) fn finish_analysis_fed(
        &self,
        raise: bool,
        feed: Option<Feed>,
    ) -> Result<Vec<Alert>, EngineError> {
        // Documents stored before the store kept events get theirs with the first write run.
        self.finish_events()?;
        if !raise {
            self.analyse_in_slices(feed)?;
            return Ok(Vec::new());
        }
        let Some(work) = self.pending_work()? else {
            return Ok(Vec::new());
        };
        let alerts = if raise {
            self.alerts_for(&work)?
        } else {
            Vec::new()
        };
        let buckets: Vec<BucketRow> = work.states.iter().map(bucket_row).collect();
        let ties = tie_rows(&work.ties)?;
        self.store.commit_analysis(&AnalysisUpdate {
            done: work.done,
            claim_buckets: work.claim_buckets,
            buckets,
            ties,
            alerts: alerts.clone(),
            kinds: work.kinds,
        })?;
        Ok(alerts)
    }

    /// Drops the kept analysis and analyses every stored document again, in bounded memory
    /// and without raising alerts (the documents are the baseline, as at a first analysis):
    /// what a store analysed by an older build needs for this build's grouping rules
    /// (`sinew reanalyse`). Documents, annotations, events and alerts stay. Returns how many
    /// documents were analysed.
    pub fn reanalyse(&self) -> Result<usize, EngineError> {
        let n = self.store.redo_analysis()?;
        self.finish_analysis(false)?;
        Ok(n)
    }

    /// How many stored documents await analysis.
    pub fn pending_analysis(&self) -> Result<usize, EngineError> {
        Ok(self.store.pending()?.len())
    }

    /// Sets how many documents awaiting analysis a read folds in memory before it refuses
    /// with [`EngineError::AnalysisPending`] (default [`PENDING_READ_MAX`]).
    pub fn pending_read_max(mut self, documents: usize) -> Engine {
        self.pending_read_max = documents;
        self
    }

    /// Every bucket's state and every tie: the stored ones, with pending work laid over them
    /// in memory (nothing is written).
    pub(crate) fn analysis(&self) -> Result<Analysis, EngineError> {
        let mut states: Vec<BucketState> = Vec::new();
        let ties = self.each_state(|state| {
            states.push(state);
            Ok(())
        })?;
        states.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(Analysis { states, ties })
    }

    /// Offers every bucket's state to `each`, one at a time (the stored ones, or the state
    /// recomputed in memory where pending work touches the bucket), and returns every
    /// political tie; the states come in no set order. Stored states are read a few buckets
    /// at a time ([`STATES_READ`]), so a reader that keeps part of each never holds every
    /// state's text at once.
    pub(crate) fn each_state(
        &self,
        mut each: impl FnMut(BucketState) -> Result<(), EngineError>,
    ) -> Result<Vec<PoliticalTie>, EngineError> {
        // without `whole`, every bucket is read whole
        self.each_kept(None, |kept| match kept {
            Kept::Whole(state) | Kept::Picked(state) => each(state),
            Kept::Digest(_) => Err(EngineError::Inconsistent(
                "a bucket's summary was read for its state".into(),
            )),
        })
    }

    /// [`each_state`](Self::each_state), except that with `whole` given, the stored buckets
    /// not in it are read as their summaries where kept (`crate::summary`); `each` is told
    /// which it is given ([`Kept`]: a whole state is a bucket of `whole`, one kept without a
    /// summary, or one recomputed in memory).
    pub(crate) fn each_kept(
        &self,
        whole: Option<&BTreeSet<String>>,
        each: impl FnMut(Kept) -> Result<(), EngineError>,
    ) -> Result<Vec<PoliticalTie>, EngineError> {
        self.each_kept_among(None, whole, None, each)
    }

    /// [`each_kept`](Self::each_kept) over the stored buckets `among` alone (every stored
    /// bucket when `None`); the states recomputed in memory where work is pending are all
    /// offered, whatever their keys. With `naming`, the stored buckets are offered with only
    /// their groups naming two actors of which one is it ([`Kept::read_for`]); those
    /// recomputed in memory are offered whole.
    pub(crate) fn each_kept_among(
        &self,
        among: Option<Vec<String>>,
        whole: Option<&BTreeSet<String>>,
        naming: Option<&str>,
        mut each: impl FnMut(Kept) -> Result<(), EngineError>,
    ) -> Result<Vec<PoliticalTie>, EngineError> {
        let mut ties = Vec::new();
        for json in self.store.ties()? {
            let doc_ties: Vec<PoliticalTie> = serde_json::from_str(&json)
                .map_err(|e| EngineError::Inconsistent(format!("stored ties: {e}")))?;
            ties.extend(doc_ties);
        }
        let waiting = self.store.pending()?;
        if waiting.len() > self.pending_read_max {
            return Err(EngineError::AnalysisPending {
                documents: waiting.len(),
            });
        }
        let mut pending: BTreeMap<String, BucketState> = BTreeMap::new();
        if let Some(work) = self.pending_work_of(waiting)? {
            for s in work.states {
                pending.insert(s.key.clone(), s);
            }
            ties.extend(work.ties.into_iter().flat_map(|(_, t)| t));
        }
        let among = match among {
            Some(keys) => keys,
            None => self.store.bucket_keys()?,
        };
        let keys: Vec<String> = among
            .into_iter()
            .filter(|k| !pending.contains_key(k))
            .collect();
        // Each state is parsed as the store hands it on (in a buffer it reuses), so no
        // state's text outlives its parse.
        // The store calls back with no way to return an error: the first is kept here.
        let failed: std::cell::RefCell<Option<EngineError>> = std::cell::RefCell::new(None);
        let mut handle = |key: &str, json: &[u8], summary: bool| {
            if failed.borrow().is_some() {
                return;
            }
            let done = match Kept::read_for(json, summary, naming) {
                Ok(kept) => each(kept),
                Err(e) => Err(EngineError::Inconsistent(format!(
                    "stored analysis of bucket {key:?}: {e}"
                ))),
            };
            if let Err(e) = done {
                *failed.borrow_mut() = Some(e);
            }
        };
        for chunk in keys.chunks(STATES_READ) {
            match whole {
                None => self
                    .store
                    .each_bucket_state(chunk, &mut |key, json| handle(key, json, false))?,
                Some(whole) => {
                    let (read_whole, summarised): (Vec<String>, Vec<String>) =
                        chunk.iter().cloned().partition(|k| whole.contains(k));
                    if !read_whole.is_empty() {
                        self.store
                            .each_bucket_state(&read_whole, &mut |key, json| {
                                handle(key, json, false)
                            })?;
                    }
                    if !summarised.is_empty() {
                        self.store
                            .each_bucket_summary_head(&summarised, &mut handle)?;
                    }
                }
            }
            if let Some(e) = failed.borrow_mut().take() {
                return Err(e);
            }
        }
        for state in pending.into_values() {
            each(Kept::Whole(state))?;
        }
        Ok(ties)
    }

    /// The stored claims at positions `at` of `refs`, with their words, in the order of `at`.
    pub(crate) fn claims_at(
        &self,
        at: &[usize],
        refs: &[ClaimRef],
    ) -> Result<Vec<ClaimWords>, EngineError> {
        let keys: Vec<(DocId, u32)> = at
            .iter()
            .map(|&i| (refs[i].doc.clone(), refs[i].ord))
            .collect();
        self.store
            .claim_words(&keys)?
            .into_iter()
            .zip(&keys)
            .map(|(w, (doc, ord))| {
                w.ok_or_else(|| {
                    EngineError::Inconsistent(format!(
                        "analysis cites claim {ord} of {doc}, which is not stored"
                    ))
                })
            })
            .collect()
    }

    /// Stored claims by reference with their words, in store order (document, position);
    /// returns them and, for each reference, its index in that list.
    pub(crate) fn claim_views(
        &self,
        refs: &[ClaimRef],
    ) -> Result<(Vec<ClaimView>, Vec<usize>), EngineError> {
        let keys: Vec<(DocId, u32)> = refs.iter().map(|r| (r.doc.clone(), r.ord)).collect();
        let mut found = Vec::with_capacity(refs.len());
        for (i, w) in self.store.claim_words(&keys)?.into_iter().enumerate() {
            found.push(Some(w.ok_or_else(|| {
                EngineError::Inconsistent(format!(
                    "analysis cites claim {} of {}, which is not stored",
                    refs[i].ord, refs[i].doc
                ))
            })?));
        }
        // Sorted by position, not moved: a claim with its words is several hundred bytes.
        let mut order: Vec<usize> = (0..found.len()).collect();
        let key = |w: &Option<ClaimWords>| {
            w.as_ref()
                .map(|w| (w.seq, w.claim.span.start, w.claim.span.end, w.ord))
        };
        order.sort_by_key(|&i| key(&found[i]));
        let mut index = vec![0; refs.len()];
        let mut views = Vec::with_capacity(found.len());
        for (k, i) in order.into_iter().enumerate() {
            index[i] = k;
            if let Some(w) = found[i].take() {
                views.push(ClaimView {
                    claim: w.claim,
                    source: w.source,
                    quote: w.quote,
                    sentence: w.sentence,
                });
            }
        }
        Ok((views, index))
    }

    /// Stored claims by reference as citations show them, in store order (document,
    /// position); returns them and, for each reference, its index in that list.
    pub(crate) fn cited_claims(
        &self,
        refs: &[ClaimRef],
    ) -> Result<(Vec<CitedClaim>, Vec<usize>), EngineError> {
        let keys: Vec<(DocId, u32)> = refs.iter().map(|r| (r.doc.clone(), r.ord)).collect();
        let mut found = Vec::with_capacity(refs.len());
        for (i, q) in self.store.claim_quotes(&keys)?.into_iter().enumerate() {
            found.push(Some(q.ok_or_else(|| {
                EngineError::Inconsistent(format!(
                    "analysis cites claim {} of {}, which is not stored",
                    refs[i].ord, refs[i].doc
                ))
            })?));
        }
        let mut order: Vec<usize> = (0..found.len()).collect();
        let key =
            |q: &Option<ClaimQuote>| q.as_ref().map(|q| (q.seq, q.span.start, q.span.end, q.ord));
        order.sort_by_key(|&i| key(&found[i]));
        let mut index = vec![0; refs.len()];
        let mut cited = Vec::with_capacity(found.len());
        for (k, i) in order.into_iter().enumerate() {
            index[i] = k;
            if let Some(q) = found[i].take() {
                cited.push(CitedClaim {
                    doc: refs[i].doc.clone(),
                    span: q.span,
                    source: q.source,
                    quote: q.quote,
                });
            }
        }
        Ok((cited, index))
    }

    /// Recomputes the buckets the pending documents touch.
    fn pending_work(&self) -> Result<Option<PendingWork>, EngineError> {
        self.pending_work_of(self.store.pending()?)
    }

    /// Recomputes the buckets the documents `pending` (those awaiting analysis) touch.
    fn pending_work_of(&self, pending: Vec<DocId>) -> Result<Option<PendingWork>, EngineError> {
        if pending.is_empty() {
            return Ok(None);
        }
        let new = self.store.claims_of_docs(&pending)?;
        let mut claim_buckets = Vec::with_capacity(new.len());
        let mut touched = BTreeSet::new();
        // A document's claims together: a restatement goes to its figure's bucket.
        let new_claims: Vec<Claim> = new.iter().map(|k| k.claim.clone()).collect();
        for (k, key) in new.iter().zip(sinew_analysis::claim_buckets(&new_claims)) {
            touched.insert(key.clone());
            claim_buckets.push((key, k.claim.doc.clone(), k.ord));
        }
        let touched: Vec<String> = touched.into_iter().collect();
        let mut keyed: Vec<KeyedClaim> = self.store.bucket_claims(&touched)?;
        keyed.extend(new);
        // A streamed analysis killed midway (`analyse_in_slices`) leaves pending claims with
        // their buckets stored: such a claim comes twice.
        let (refs, claims) = in_store_order(keyed);
        let (ties, kinds) = self.ties_and_kinds(&pending)?;
        let docs = self.source_docs(&claims, &kinds)?;
        let states = analyse_buckets(&claims, &refs, &docs);
        let work = PendingWork {
            done: pending,
            states,
            refs,
            claim_buckets,
            ties,
            claims,
            docs,
            kinds,
        };
        Ok(Some(work))
    }

    /// Each pending document's political ties (those that have any) and how it was made.
    #[allow(clippy::type_complexity)]
    fn ties_and_kinds(
        &self,
        ids: &[DocId],
    ) -> Result<(Vec<(DocId, Vec<PoliticalTie>)>, Vec<(DocId, SourceKind)>), EngineError> {
        let mut ties = Vec::new();
        let mut kinds = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(doc) = self.store.document(id)? else {
                continue;
            };
            kinds.push((id.clone(), sinew_ingest::source_kind(&doc)));
            let Some(ann) = self.store.annotations(id)? else {
                continue;
            };
            let t = doc_ties(&doc, &ann);
            if !t.is_empty() {
                ties.push((id.clone(), t));
            }
        }
        Ok((ties, kinds))
    }

    /// Analyses the pending documents without raising alerts, in memory bounded by a few
    /// of the largest buckets rather than by the work pending (a bulk load's steps grow with the
    /// store: see `ANALYSE_EVERY` in ingest.rs).
    ///
    /// 1. The pending documents are read [`DOCS_PER_SLICE`] at a time: each claim's bucket,
    ///    the documents' political ties and kinds are stored, one transaction a slice, and
    ///    the keys of the buckets touched kept. A run's `feed` has done this for the
    ///    documents it stored, from memory: only the others are read.
    /// 2. The touched buckets are then loaded [`BUCKETS_PER_READ`] at a time (every claim
    ///    they hold, stored before or just now), recomputed (`analyse_buckets`) and dropped;
    ///    the states are stored when their text passes [`STATE_BYTES_PER_COMMIT`].
    /// 3. The pending marks are cleared.
    ///
    /// A bucket alone is recomputed as a full `build_ledger` would group it: the claims of a
    /// bucket never group with those of another, and a claim's own bucket is the one stored
    /// for it with its document's other claims (a restatement in the bucket of its figure).
    /// A process killed before step 3 leaves the marks: the next run (or a reader) redoes the
    /// work from the claims, whatever states were stored before it stopped, and reads a
    /// claim stored with its bucket once (`in_store_order`).
    fn analyse_in_slices(&self, feed: Option<Feed>) -> Result<(), EngineError> {
        let (fed, mut touched) = match feed {
            Some(feed) => feed.finish(self)?,
            None => Default::default(),
        };
        let pending = self.store.pending()?;
        if pending.is_empty() {
            return Ok(());
        }
        let unfed: Vec<DocId> = pending
            .iter()
            .filter(|id| !fed.contains(*id))
            .cloned()
            .collect();
        drop(fed);
        for ids in unfed.chunks(DOCS_PER_SLICE) {
            let new = self.store.claims_of_docs(ids)?;
            // A document's claims together: a restatement goes to its figure's bucket.
            let new_claims: Vec<Claim> = new.iter().map(|k| k.claim.clone()).collect();
            let mut claim_buckets = Vec::with_capacity(new.len());
            for (k, key) in new.iter().zip(sinew_analysis::claim_buckets(&new_claims)) {
                if !touched.contains(&key) {
                    touched.insert(key.clone());
                }
                claim_buckets.push((key, k.claim.doc.clone(), k.ord));
            }
            drop(new_claims);
            drop(new);
            let (ties, kinds) = self.ties_and_kinds(ids)?;
            self.store.commit_analysis(&AnalysisUpdate {
                claim_buckets,
                ties: tie_rows(&ties)?,
                kinds,
                ..AnalysisUpdate::default()
            })?;
        }
        let mut rows: Vec<BucketRow> = Vec::new();
        let mut bytes = 0;
        let touched: Vec<String> = touched.into_iter().collect();
        let mut packs = ClaimPacks::new(PACKED_CLAIMS_KEPT);
        for keys in touched.chunks(BUCKETS_PER_READ) {
            // Buckets are read a few at a time, and the documents' unpacked claims kept
            // across reads, so that a document holding claims of several is unpacked about
            // once for them, not once a bucket (a news article's claims fall in a dozen
            // buckets: read one by one, its pack was parsed a dozen times).
            let keyed = self.store.bucket_claims_with(keys, &mut packs)?;
            let (refs, claims) = in_store_order(keyed);
            // Kinds were stored in step 1: every header carries its document's.
            let docs = self.source_docs(&claims, &[])?;
            // A claim whose stored bucket the buckets' claims alone do not give (a
            // restatement of a figure stored in another bucket) is in no group of a full
            // `build_ledger` either: no state but these buckets' is written.
            for state in analyse_buckets(&claims, &refs, &docs)
                .into_iter()
                .filter(|s| keys.binary_search(&s.key).is_ok())
            {
                let row = bucket_row(&state);
                bytes += row.state.len();
                rows.push(row);
            }
            if bytes >= STATE_BYTES_PER_COMMIT {
                self.store.commit_analysis(&AnalysisUpdate {
                    buckets: std::mem::take(&mut rows),
                    ..AnalysisUpdate::default()
                })?;
                bytes = 0;
            }
        }
        self.store.commit_analysis(&AnalysisUpdate {
            done: pending,
            buckets: rows,
            ..AnalysisUpdate::default()
        })?;
        Ok(())
    }

    /// The alerts pending work raises: only the touched buckets' claims and kept states are
    /// read; the store says whether anything was analysed before and which flows other
    /// buckets show.
    fn alerts_for(&self, work: &PendingWork) -> Result<Vec<Alert>, EngineError> {
        let touched: Vec<String> = work.states.iter().map(|s| s.key.clone()).collect();
        let flows: Vec<String> = work
            .states
            .iter()
            .flat_map(BucketState::flow_ids)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let scope = AlertScope {
            analysed_before: self.store.has_analysed()?,
            known_flows: self
                .store
                .flows_outside(&flows, &touched)?
                .into_iter()
                .collect(),
        };
        // The kept states are the ledger before: the claims are grouped once, not three
        // times (`detect_alerts_between`).
        let mut before = Vec::new();
        for (key, json) in self.store.bucket_states(Some(&touched))? {
            before.push(BucketState::from_json(&json).map_err(|e| {
                EngineError::Inconsistent(format!("stored analysis of bucket {key:?}: {e}"))
            })?);
        }
        Ok(detect_alerts_between(
            before,
            work.states.clone(),
            &work.claims,
            &work.refs,
            &work.docs,
            &work.done,
            &scope,
        ))
    }

    /// What analysis needs of the claims' documents and of the first documents of their
    /// near-duplicate groups; `fresh` gives the kinds of documents this run reads first.
    fn source_docs(
        &self,
        claims: &[Claim],
        fresh: &[(DocId, SourceKind)],
    ) -> Result<Vec<SourceDoc>, EngineError> {
        let fresh: HashMap<&DocId, SourceKind> = fresh.iter().map(|(d, k)| (d, *k)).collect();
        let ids: Vec<DocId> = claims
            .iter()
            .map(|c| &c.doc)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .cloned()
            .collect();
        let mut headers = self.store.doc_headers(&ids)?;
        let have: BTreeSet<DocId> = headers.iter().map(|h| h.id.clone()).collect();
        let roots: Vec<DocId> = headers
            .iter()
            .filter_map(|h| h.duplicate_of.clone())
            .filter(|r| !have.contains(r))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        headers.extend(self.store.doc_headers(&roots)?);
        Ok(headers
            .into_iter()
            .map(|h| SourceDoc {
                kind: fresh.get(&h.id).copied().or(h.kind).unwrap_or_default(),
                id: h.id,
                name: h.source,
                published: h.published,
                duplicate_of: h.duplicate_of,
            })
            .collect())
    }

    /// Source names of the given documents.
    pub(crate) fn source_names(
        &self,
        ids: &[DocId],
    ) -> Result<HashMap<DocId, String>, EngineError> {
        Ok(self
            .store
            .doc_headers(ids)?
            .into_iter()
            .map(|h| (h.id, h.source))
            .collect())
    }
}

/// Buckets a bulk analysis reads and recomputes together (`analyse_in_slices`, step 2).
const BUCKETS_PER_READ: usize = 64;

/// Claims of the documents a bulk analysis has unpacked that it keeps for the buckets it
/// reads next (`ClaimPacks`; a claim in memory is a few hundred bytes).
const PACKED_CLAIMS_KEPT: usize = 1 << 15;

/// Bytes of bucket states [`Engine::analyse_in_slices`] holds before storing them.
const STATE_BYTES_PER_COMMIT: usize = 16 << 20;

/// Claims in store order (document, position), each once, as references and claims.
fn in_store_order(mut keyed: Vec<KeyedClaim>) -> (Vec<ClaimRef>, Vec<Claim>) {
    keyed.sort_by(|a, b| {
        (a.seq, a.claim.span.start, a.claim.span.end, a.ord).cmp(&(
            b.seq,
            b.claim.span.start,
            b.claim.span.end,
            b.ord,
        ))
    });
    // A claim's document and ordinal name it: copies sort next to each other.
    keyed.dedup_by(|a, b| a.seq == b.seq && a.ord == b.ord);
    keyed
        .into_iter()
        .map(|k| {
            (
                ClaimRef {
                    doc: k.claim.doc.clone(),
                    ord: k.ord,
                },
                k.claim,
            )
        })
        .unzip()
}

/// A state as the store keeps it.
fn bucket_row(state: &BucketState) -> BucketRow {
    BucketRow {
        bucket: state.key.clone(),
        state: state.to_json(),
        summary: Some(crate::summary::summary_of(state)),
        flows: state.flow_ids(),
    }
}

/// Political ties as the store keeps them: JSON, one row a document.
fn tie_rows(ties: &[(DocId, Vec<PoliticalTie>)]) -> Result<Vec<(DocId, String)>, EngineError> {
    ties.iter()
        .map(|(doc, t)| {
            serde_json::to_string(t)
                .map(|json| (doc.clone(), json))
                .map_err(|e| EngineError::Inconsistent(format!("ties of {doc}: {e}")))
        })
        .collect()
}
