//! The first step of a bulk analysis, fed from the run's memory.
//!
//! A run that raises no alerts (a first load) analyses its documents at its end, a step at a
//! time (`Engine::analyse_in_slices`): first each claim's bucket, each document's political
//! ties and how it was made are stored, then the touched buckets are recomputed. The first
//! step needs each document's claims, text and annotations, which the run had in hand when it
//! stored the document: read back from the store they were unpacked and parsed again (at 1.5k
//! articles, re-reading text and annotations was 12% of a load's CPU time). So as each batch
//! is committed, [`Feed`] works those rows out from the batch's memory and stores them a slice
//! at a time; memory holds one slice of rows, the touched bucket keys and the ids of the
//! documents fed, never the documents. The final analysis then does the first step only for
//! pending documents it was not fed (another run's, or one a killed run left).
//!
//! The rows are stored with the documents still pending: the store reads a claim as analysed
//! only once its document's mark is cleared (`AnalysisStore::has_analysed`), and hands on
//! only analysed documents' ties (`AnalysisStore::ties`), so a load killed midway is still a
//! first load to the next run, and a reader beside it works out the pending part in memory
//! as before.

use std::collections::{BTreeSet, HashSet};

use sinew_analysis::PoliticalTie;
use sinew_store::AnalysisUpdate;
use sinew_types::{Annotations, Claim, DocId, Document, SourceKind};

use crate::{Engine, EngineError};

/// Documents whose rows [`Feed`] holds before storing them: a bulk analysis's slice.
pub(crate) const DOCS_PER_SLICE: usize = 512;

/// The first-step rows of the documents a run stores, stored a slice at a time.
#[derive(Default)]
pub(crate) struct Feed {
    /// Rows not yet stored (claim buckets, ties, kinds).
    rows: AnalysisUpdate,
    /// Documents in `rows`.
    held: usize,
    /// Every document fed, stored or held.
    fed: HashSet<DocId>,
    /// The buckets their claims fall in.
    touched: BTreeSet<String>,
}

/// What the first step keeps of one document.
pub(crate) struct DocRows {
    /// Each claim's bucket, by ordinal.
    pub(crate) buckets: Vec<String>,
    /// Its political ties.
    pub(crate) ties: Vec<PoliticalTie>,
    /// How it was made.
    pub(crate) kind: SourceKind,
}

impl DocRows {
    /// The rows of a document from its text and annotations, as the store would give them
    /// back.
    pub(crate) fn of(doc: &Document, ann: &Annotations) -> DocRows {
        // The store gives an upper bound that is not a number back as none
        // (`codec::pack_doc_claims`): the claims are read as it would hand them on.
        let unbounded: Vec<Claim>;
        let claims = if ann
            .claims
            .iter()
            .any(|c| c.quantity.value_max.is_some_and(f64::is_nan))
        {
            unbounded = ann
                .claims
                .iter()
                .map(|c| {
                    let mut c = c.clone();
                    c.quantity.value_max = c.quantity.value_max.filter(|m| !m.is_nan());
                    c
                })
                .collect();
            &unbounded[..]
        } else {
            &ann.claims[..]
        };
        DocRows {
            // A document's claims together: a restatement goes to its figure's bucket.
            buckets: sinew_analysis::claim_buckets(claims),
            ties: doc_ties(doc, ann),
            kind: sinew_ingest::source_kind(doc),
        }
    }
}

/// A document's political ties, from its text and annotations.
pub(crate) fn doc_ties(doc: &Document, ann: &Annotations) -> Vec<PoliticalTie> {
    let sentences = sinew_analysis::sentence_actors(&doc.id, &doc.text, ann);
    sinew_analysis::political_ties(&sentences)
}

impl Feed {
    /// Takes the rows of a document just stored, storing the slice when it is full.
    pub(crate) fn add(
        &mut self,
        engine: &Engine,
        id: &DocId,
        rows: DocRows,
    ) -> Result<(), EngineError> {
        for (ord, key) in rows.buckets.into_iter().enumerate() {
            if !self.touched.contains(&key) {
                self.touched.insert(key.clone());
            }
            let ord = u32::try_from(ord).unwrap_or(u32::MAX);
            self.rows.claim_buckets.push((key, id.clone(), ord));
        }
        if !rows.ties.is_empty() {
            let json = serde_json::to_string(&rows.ties)
                .map_err(|e| EngineError::Inconsistent(format!("ties of {id}: {e}")))?;
            self.rows.ties.push((id.clone(), json));
        }
        self.rows.kinds.push((id.clone(), rows.kind));
        self.fed.insert(id.clone());
        self.held += 1;
        if self.held >= DOCS_PER_SLICE {
            self.store(engine)?;
        }
        Ok(())
    }

    /// Stores the rows held.
    pub(crate) fn store(&mut self, engine: &Engine) -> Result<(), EngineError> {
        if self.held > 0 {
            engine
                .store
                .commit_analysis(&std::mem::take(&mut self.rows))?;
            self.held = 0;
        }
        Ok(())
    }

    /// Stores the rows held and gives the documents fed and the buckets they touch.
    pub(crate) fn finish(
        mut self,
        engine: &Engine,
    ) -> Result<(HashSet<DocId>, BTreeSet<String>), EngineError> {
        self.store(engine)?;
        Ok((self.fed, self.touched))
    }
}
