//! What the store keeps of the analysis, and what analysis asks of it: which documents await
//! analysis, every claim of some grouping buckets, each bucket's kept state, and one
//! transaction that stores a run's results and clears its pending work.
//!
//! The store does not know how buckets are computed or what a state holds: keys and states
//! are opaque text that the engine gets from sinew-analysis (which sits above the store).

use std::collections::{HashMap, VecDeque};

use sinew_types::{Alert, Claim, DocId, SourceKind, Span};

use crate::StoreError;

/// The analysis side of a [`Store`](crate::Store).
pub trait AnalysisStore {
    /// Documents stored but not yet analysed, in ingest order.
    fn pending(&self) -> Result<Vec<DocId>, StoreError>;

    /// True when any claim has been analysed: it has a bucket and its document no pending
    /// mark. A bulk analysis stores the buckets, ties and kinds of documents still pending
    /// before their states (the engine's first step, done as a long ingest commits its
    /// batches), so a load killed before its analysis finished reads as never analysed: the
    /// next run analyses it as the baseline it is, raising no alerts.
    fn has_analysed(&self) -> Result<bool, StoreError>;

    /// The claims of the given documents, analysed or not.
    fn claims_of_docs(&self, ids: &[DocId]) -> Result<Vec<KeyedClaim>, StoreError>;

    /// Every analysed claim of the given buckets.
    fn bucket_claims(&self, buckets: &[String]) -> Result<Vec<KeyedClaim>, StoreError>;

    /// [`bucket_claims`](Self::bucket_claims), taking the claims of a document that `packs`
    /// holds from it rather than unpacking them again, and keeping those it unpacks there:
    /// a reader asking for many buckets a few at a time (a bulk analysis) unpacks a document
    /// whose claims fall in several of them about once. A store that keeps no packs answers
    /// as `bucket_claims` does.
    fn bucket_claims_with(
        &self,
        buckets: &[String],
        packs: &mut ClaimPacks,
    ) -> Result<Vec<KeyedClaim>, StoreError> {
        let _ = packs;
        self.bucket_claims(buckets)
    }

    /// What analysis needs of each given document that is stored.
    fn doc_headers(&self, ids: &[DocId]) -> Result<Vec<DocHeader>, StoreError>;

    /// Kept states `(bucket, state)` of the given buckets, or of every bucket when `None`.
    fn bucket_states(
        &self,
        buckets: Option<&[String]>,
    ) -> Result<Vec<(String, String)>, StoreError>;

    /// Hands `each` the kept state `(bucket, state as bytes)` of each of `buckets` that has
    /// one, in the order given, all read in one transaction. A store may hand every state in
    /// one reused buffer, so a reader that parses each as it comes never holds more than one
    /// state's text (SQLite's are packed: each is unpacked into the same buffer).
    fn each_bucket_state(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8]),
    ) -> Result<(), StoreError> {
        for (key, state) in self.bucket_states(Some(buckets))? {
            each(&key, state.as_bytes());
        }
        Ok(())
    }

    /// Hands `each` what a briefing reads of each of `buckets` that has a state: its kept
    /// summary (`true`: the groups a briefing may pick, as the engine chose them when it wrote
    /// the state, [`BucketRow::summary`]) or, for a bucket kept before summaries were
    /// (schema v17), its whole state (`false`), in the order given, read in one transaction.
    /// As for [`each_bucket_state`](Self::each_bucket_state), the bytes may be one reused
    /// buffer.
    fn each_bucket_summary(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        self.each_bucket_state(buckets, &mut |key, state| each(key, state, false))
    }

    /// As [`each_bucket_summary`](Self::each_bucket_summary), but each summary is handed
    /// only up to its first line break (left out), for a reader that reads no further: a
    /// summary may keep what every reader needs on its first line and what few need after
    /// it, and a store that keeps summaries packed need not unpack the rest. A whole state
    /// (`false`) is handed whole.
    fn each_bucket_summary_head(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        self.each_bucket_summary(buckets, &mut |key, text, summary| {
            if summary {
                each(key, first_line(text), true);
            } else {
                each(key, text, false);
            }
        })
    }

    /// The keys of the kept states that have no summary (written before schema v17), in
    /// order: what [`put_bucket_summaries`](Self::put_bucket_summaries) may fill.
    fn buckets_without_summary(&self) -> Result<Vec<String>, StoreError>;

    /// Stores the summaries `(bucket, summary)` of buckets that have none (`None`: the state
    /// is its own summary, as in [`BucketRow::summary`]), in one
    /// transaction; a bucket whose state was written again since (with its own summary) is
    /// left as it is, so a summary never describes another state than its own. Returns how
    /// many were stored.
    fn put_bucket_summaries(
        &self,
        summaries: &[(String, Option<String>)],
    ) -> Result<usize, StoreError>;

    /// Drops the kept analysis (bucket states and summaries, the claims' buckets, the flows'
    /// index) and marks every stored document for analysis again, in one transaction, as a
    /// migration that changes the analysis does: for a build whose grouping rules differ from
    /// the ones the kept analysis was made with (`sinew reanalyse`). Documents, annotations,
    /// events, alerts and everything else stay. Returns how many documents await analysis.
    fn redo_analysis(&self) -> Result<usize, StoreError>;

    /// The keys of every kept state, in order: a reader that folds states one part at a
    /// time lists them, then asks [`bucket_states`](Self::bucket_states) for a few at once,
    /// so it never holds every state's text together.
    fn bucket_keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .bucket_states(None)?
            .into_iter()
            .map(|(key, _)| key)
            .collect())
    }

    /// Those of `flows` that some bucket outside `buckets` shows.
    fn flows_outside(
        &self,
        flows: &[String],
        buckets: &[String],
    ) -> Result<Vec<String>, StoreError>;

    /// The kept buckets whose groups make a flow from or to the actor whose network id is
    /// `actor` (the id the engine files flows under, `sinew_analysis::node_id`: its name's
    /// words, lower-cased, joined by `-`), in order: every group naming the actor beside
    /// another is in one of them, so a page about one actor reads these buckets, not every
    /// one. The default lists every kept bucket, which holds them too; a store should answer
    /// from its flows' index.
    fn flow_buckets(&self, actor: &str) -> Result<Vec<String>, StoreError> {
        let _ = actor;
        self.bucket_keys()
    }

    /// Every analysed document's political ties (as stored), in ingest order; a document
    /// still pending has none here even when its ties are stored (a bulk analysis stores them
    /// first), since a reader works out the pending documents' ties in memory.
    fn ties(&self) -> Result<Vec<String>, StoreError>;

    /// Claims by reference, with the words they quote; `None` for a reference not stored.
    fn claim_words(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimWords>>, StoreError>;

    /// Where claims are and the words they quote, by reference, without the claims
    /// themselves (what a citation shows); `None` for a reference not stored. A store may
    /// answer it without decoding the claims, as the SQLite store does.
    fn claim_quotes(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimQuote>>, StoreError> {
        Ok(self
            .claim_words(refs)?
            .into_iter()
            .map(|w| {
                w.map(|w| ClaimQuote {
                    seq: w.seq,
                    ord: w.ord,
                    span: w.claim.span,
                    source: w.source,
                    quote: w.quote,
                })
            })
            .collect())
    }

    /// `(document source name, the span's words)` for each `(document, span)`.
    fn span_words(
        &self,
        spans: &[(DocId, Span)],
    ) -> Result<Vec<Option<(String, String)>>, StoreError>;

    /// Stores a run's analysis in one transaction: bucket states and their flows, claim
    /// buckets, ties, alerts (an alert already stored is left as it was), and clears the
    /// analysed documents' pending marks. Returns how many alerts were new.
    fn commit_analysis(&self, update: &AnalysisUpdate) -> Result<usize, StoreError>;
}

/// A stored claim with what orders and names it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedClaim {
    /// Its document's ingest position.
    pub seq: i64,
    /// Its ordinal among the document's claims.
    pub ord: u32,
    /// The claim.
    pub claim: Claim,
}

/// What analysis needs of a document: no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocHeader {
    /// The document.
    pub id: DocId,
    /// Source name (file name or URL).
    pub source: String,
    /// Publication date.
    pub published: Option<chrono::NaiveDate>,
    /// The first document of its near-duplicate group, when it is a copy.
    pub duplicate_of: Option<DocId>,
    /// How it was made, once analysis has read it (`None` before its first analysis).
    pub kind: Option<SourceKind>,
}

/// Where a claim is and the words it quotes: what a citation of it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimQuote {
    /// Its document's ingest position.
    pub seq: i64,
    /// Its ordinal among the document's claims.
    pub ord: u32,
    /// The claim's span, `claim.span`.
    pub span: Span,
    /// The document's source name.
    pub source: String,
    /// `text[span]`, empty when the span is not valid in the text.
    pub quote: String,
}

/// A claim with its document's name and the words it quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimWords {
    /// Its document's ingest position.
    pub seq: i64,
    /// Its ordinal among the document's claims.
    pub ord: u32,
    /// The claim.
    pub claim: Claim,
    /// The document's source name.
    pub source: String,
    /// `text[claim.span]`, empty when the span is not valid in the text.
    pub quote: String,
    /// `text[claim.sentence]`, likewise.
    pub sentence: String,
}

/// One bucket's recomputed state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketRow {
    /// The bucket key.
    pub bucket: String,
    /// Its state.
    pub state: String,
    /// What a briefing reads of it (opaque to the store, like the state; written in the
    /// same statement, so the two always agree); `None` when that is the whole state (most
    /// buckets hold fewer groups than a briefing may read), kept as an empty value so the
    /// state is not stored twice.
    pub summary: Option<String>,
    /// Ids of the flows its groups make.
    pub flows: Vec<String>,
}

/// What one analysis run stores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnalysisUpdate {
    /// Documents now analysed: their pending marks are cleared.
    pub done: Vec<DocId>,
    /// `(bucket, document, claim ordinal)` of every claim of those documents.
    pub claim_buckets: Vec<(String, DocId, u32)>,
    /// Recomputed buckets, replacing what was kept.
    pub buckets: Vec<BucketRow>,
    /// `(document, ties)` for analysed documents with political ties.
    pub ties: Vec<(DocId, String)>,
    /// Alerts the run raised.
    pub alerts: Vec<Alert>,
    /// How each analysed document was made, kept for later runs' [`DocHeader`]s.
    pub kinds: Vec<(DocId, SourceKind)>,
}

/// `text` up to its first line break, which is left out; the whole of a text that holds none.
pub(crate) fn first_line(text: &[u8]) -> &[u8] {
    match text.iter().position(|&b| b == b'\n') {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Documents' claims as unpacked, by the document's position in the store, kept up to a
/// number of claims (the least recently used document goes first) for
/// [`AnalysisStore::bucket_claims_with`].
#[derive(Debug, Default)]
pub struct ClaimPacks {
    /// Each document's claims, with when they were last asked for.
    docs: HashMap<i64, (u64, Vec<Claim>)>,
    /// Documents in the order they were asked for, with the time of asking: an entry older
    /// than its document's time in `docs` is stale and passed over.
    order: VecDeque<(i64, u64)>,
    /// The time of the last asking.
    clock: u64,
    /// Claims held.
    claims: usize,
    /// Claims held at most.
    max_claims: usize,
}

impl ClaimPacks {
    /// Packs holding at most `max_claims` claims (0: none kept).
    pub fn new(max_claims: usize) -> ClaimPacks {
        ClaimPacks {
            max_claims,
            ..ClaimPacks::default()
        }
    }

    /// How many documents' claims are held.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether none are held.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Hands `each` the claims of document `seq`, from the packs or else from `unpack`
    /// (then kept, the least recently asked-for documents dropped to make room; a document
    /// with more claims than the bound is not kept).
    pub(crate) fn with_claims<E>(
        &mut self,
        seq: i64,
        unpack: impl FnOnce() -> Result<Vec<Claim>, E>,
        each: impl FnOnce(&[Claim]),
    ) -> Result<(), E> {
        self.clock += 1;
        let now = self.clock;
        match self.docs.get_mut(&seq) {
            Some((last, claims)) => {
                *last = now;
                each(claims);
            }
            None => {
                let claims = unpack()?;
                each(&claims);
                if claims.len() > self.max_claims {
                    return Ok(());
                }
                self.shrink(self.max_claims - claims.len());
                self.claims += claims.len();
                self.docs.insert(seq, (now, claims));
            }
        }
        self.order.push_back((seq, now));
        // Stale entries pile up when documents are asked for again and again: drop them.
        if self.order.len() > 2 * self.docs.len() + 64 {
            let docs = &self.docs;
            self.order
                .retain(|(s, at)| docs.get(s).is_some_and(|(last, _)| last == at));
        }
        Ok(())
    }

    /// Drops the least recently asked-for documents until at most `room` claims are held.
    fn shrink(&mut self, room: usize) {
        while self.claims > room {
            let Some((seq, at)) = self.order.pop_front() else {
                break;
            };
            if self.docs.get(&seq).is_some_and(|(last, _)| *last == at) {
                if let Some((_, claims)) = self.docs.remove(&seq) {
                    self.claims -= claims.len();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClaimPacks;
    use sinew_types::{Claim, DocId, MeasureKind, Modality, Quantity, QuantityKind, Span};

    fn claims(n: usize) -> Vec<Claim> {
        let c = Claim {
            doc: DocId("0123456789abcdef".into()),
            span: Span::new(4, 9),
            sentence: Span::new(0, 20),
            quantity: Quantity {
                span: Span::new(4, 9),
                text: "3 tonnes".into(),
                value: 3.0,
                value_max: None,
                unit: Some("t".into()),
                kind: QuantityKind::Measure,
                qualifier: None,
                per: None,
                vague: false,
            },
            subject: Some("Chile".into()),
            object: None,
            measure: "copper output".into(),
            time: None,
            attribution: None,
            modality: Modality::Asserted,
            kind: MeasureKind::Flow,
            restates: None,
            inferred: None,
            changed_to: None,
        };
        vec![c; n]
    }

    /// Asks for `seq`, which unpacks `n` claims; returns whether it was unpacked.
    fn ask(packs: &mut ClaimPacks, seq: i64, n: usize) -> bool {
        let mut unpacked = false;
        let mut seen = 0;
        packs
            .with_claims(
                seq,
                || {
                    unpacked = true;
                    Ok::<_, ()>(claims(n))
                },
                |c| seen = c.len(),
            )
            .expect("no error");
        assert_eq!(seen, n, "document {seq} handed on whole");
        unpacked
    }

    #[test]
    fn packs_unpack_a_document_once_while_it_fits_and_drop_the_least_recently_asked() {
        let mut packs = ClaimPacks::new(10);
        assert!(ask(&mut packs, 1, 4));
        assert!(ask(&mut packs, 2, 4));
        assert!(!ask(&mut packs, 1, 4), "kept");
        // 3 needs room: 2, asked for longest ago, goes.
        assert!(ask(&mut packs, 3, 4));
        assert_eq!(packs.len(), 2);
        assert!(!ask(&mut packs, 1, 4));
        assert!(ask(&mut packs, 2, 4));
        // larger than the bound: handed on, not kept
        assert!(ask(&mut packs, 4, 11));
        assert!(ask(&mut packs, 4, 11));
        // asked for again and again, the order does not grow without bound
        for _ in 0..1000 {
            assert!(!ask(&mut packs, 2, 4));
        }
        assert!(packs.order.len() <= 2 * packs.len() + 64);
        let none = ClaimPacks::default();
        assert!(none.is_empty());
    }

    #[test]
    fn a_failed_unpack_keeps_nothing() {
        let mut packs = ClaimPacks::new(10);
        let mut handed = false;
        let failed = packs.with_claims(7, || Err("damaged"), |_| handed = true);
        assert_eq!(failed, Err("damaged"));
        assert!(!handed);
        assert!(packs.is_empty());
    }
}
