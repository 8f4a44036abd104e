//! The ledger written group by group (`sinew ledger`'s table): a store's ledger cites every
//! stored claim, and held whole it took gigabytes at 100k documents.
//!
//! A pass over the stored states, a few buckets at a time (`Engine::each_state`), keeps of
//! each group that passes the filter only where it sorts ([`LedgerPlace`]), where its JSON
//! lies in a spill file (a temporary file, `tempfile`, removed however the process ends), and
//! its claims as (document number, ordinal); the places are sorted as `ledger_of` sorts the
//! groups (ties by bucket key, then by position in the bucket, the order `ledger_of` is given
//! them in). Then the claims' words are read in document order, a slice at a time (each
//! document's text read once, not once per window of groups), into one text. Reading back
//! takes the groups in ledger order from the spill, a window at a time; memory holds the
//! places, the claims' numbers and words and one window, never the groups and their
//! reconciliation notes.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::Arc;

use sinew_analysis::{Ledger, LedgerFilter, LedgerGroup, LedgerPlace};
use sinew_store::Store;
use sinew_types::{Claim, DocId, Span};

use crate::{CitedClaim, ClaimView, Engine, EngineError};

/// Groups handed on at once.
const WINDOW: usize = 4096;
/// Groups handed on at once with their claims whole ([`LedgerStream::each_view`]): each
/// window reads its claims' documents once, so a window of 4,096 read most documents again
/// for each window at 100k documents (216+ CPU s for `ledger --json` against 84 held whole).
const WHOLE_WINDOW: usize = 65_536;
/// Claims whose words are read in one store call.
const QUOTES_READ: usize = 65_536;

/// The ledger's groups in order, ready to be read a window at a time
/// ([`Engine::ledger_stream`]).
pub struct LedgerStream {
    /// Each group's place, its bucket's rank and position there, its JSON in the spill and
    /// its first claim in `claims`.
    places: Vec<Slot>,
    groups: File,
    /// Each claim's words, by claim number.
    quotes: Quotes,
    /// Each claim's document number.
    claim_docs: Vec<u32>,
    /// Each claim's ordinal in its document (what reads it back whole, [`LedgerStream::each_view`]).
    claim_ords: Vec<u32>,
    /// The store, which [`LedgerStream::each_view`] reads each window's claims from.
    store: Arc<dyn Store>,
    /// The documents by number, and their source names.
    ids: Vec<DocId>,
    sources: Vec<String>,
    /// The documents the groups' claims cite, by number, with their source names.
    documents: Vec<(DocId, String)>,
    /// Groups handed on at once.
    window: usize,
    /// The filter the groups passed (its measure words are applied as claims are read).
    filter: LedgerFilter,
}

struct Slot {
    place: LedgerPlace,
    bucket: usize,
    at: usize,
    offset: u64,
    len: usize,
    /// The number of its first claim (the others follow, in the group's stored order).
    first: usize,
}

fn spill_err(e: std::io::Error) -> EngineError {
    EngineError::Inconsistent(format!("the ledger's spill file could not be used: {e}"))
}

impl Engine {
    /// The ledger of [`Engine::ledger_cited`], to be read group by group
    /// ([`LedgerStream::each`]) with bounded memory. The filter's measure words are not
    /// applied (they read the claims: [`Engine::ledger_cited`] applies them).
    pub fn ledger_stream(&self, filter: &LedgerFilter) -> Result<LedgerStream, EngineError> {
        self.stream(filter, true)
    }

    /// The ledger of [`Engine::ledger`], to be read group by group with each claim whole
    /// ([`LedgerStream::each_view`]: what `--json` and CSV print) in bounded memory: each
    /// window's claims are read from the store as it is handed on. The filter's measure words
    /// are applied window by window, once the claims are read.
    pub fn ledger_stream_whole(&self, filter: &LedgerFilter) -> Result<LedgerStream, EngineError> {
        Ok(self.stream(filter, false)?.window(WHOLE_WINDOW))
    }

    /// The groups that pass `filter` (but its measure words) spilled and placed in ledger
    /// order; with `quotes`, every claim's words read ahead (what [`LedgerStream::each`]
    /// hands on).
    fn stream(&self, filter: &LedgerFilter, quotes: bool) -> Result<LedgerStream, EngineError> {
        let by_group = LedgerFilter {
            measure: None,
            ..filter.clone()
        };
        let mut groups = tempfile::tempfile().map_err(spill_err)?;
        let mut places = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut numbers: HashMap<DocId, u32> = HashMap::new();
        let mut ids: Vec<DocId> = Vec::new();
        let mut claims: Vec<(u32, u32)> = Vec::new();
        {
            let mut out = BufWriter::new(&mut groups);
            let mut offset = 0u64;
            let mut failed = None;
            self.each_state(|state| {
                let bucket = keys.len();
                keys.push(state.key.clone());
                for (at, g) in state.ordered_groups().enumerate() {
                    if !g.group.matches(&by_group, &[]) {
                        continue;
                    }
                    let first = claims.len();
                    for r in &g.refs {
                        let n = *numbers.entry(r.doc.clone()).or_insert_with(|| {
                            ids.push(r.doc.clone());
                            u32::try_from(ids.len() - 1).unwrap_or(u32::MAX)
                        });
                        claims.push((n, r.ord));
                    }
                    let json = serde_json::to_vec(&g.group).map_err(|e| {
                        EngineError::Inconsistent(format!("a ledger group as JSON: {e}"))
                    })?;
                    if let Err(e) = out.write_all(&json) {
                        failed.get_or_insert(e);
                    }
                    places.push(Slot {
                        place: g.place(),
                        bucket,
                        at,
                        offset,
                        len: json.len(),
                        first,
                    });
                    offset += json.len() as u64;
                }
                Ok(())
            })?;
            if let Some(e) = failed {
                return Err(spill_err(e));
            }
            out.flush().map_err(spill_err)?;
        }
        // `ledger_of` is given the states by key and sorts stably: equal places keep that order.
        let mut rank: Vec<usize> = (0..keys.len()).collect();
        rank.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut bucket_rank = vec![0; keys.len()];
        for (r, &b) in rank.iter().enumerate() {
            bucket_rank[b] = r;
        }
        places.sort_by(|a, b| {
            a.place
                .ledger_cmp(&b.place)
                .then(bucket_rank[a.bucket].cmp(&bucket_rank[b.bucket]))
                .then(a.at.cmp(&b.at))
        });
        drop(numbers);
        let quotes = if quotes {
            self.quotes(&claims, &ids)?
        } else {
            Quotes::default()
        };
        let documents: Vec<(DocId, String)> = self
            .store
            .doc_headers(&ids)?
            .into_iter()
            .map(|h| (h.id, h.source))
            .collect();
        let by_id: HashMap<&DocId, &str> = documents.iter().map(|(d, s)| (d, s.as_str())).collect();
        let sources: Vec<String> = ids
            .iter()
            .map(|d| by_id.get(d).map(|s| s.to_string()).unwrap_or_default())
            .collect();
        Ok(LedgerStream {
            places,
            groups,
            quotes,
            claim_docs: claims.iter().map(|&(d, _)| d).collect(),
            claim_ords: claims.iter().map(|&(_, o)| o).collect(),
            store: Arc::clone(&self.store),
            ids,
            sources,
            documents,
            window: WINDOW,
            filter: filter.clone(),
        })
    }

    /// The words of `claims` ((document number into `ids`, ordinal)), read in document order
    /// a slice at a time.
    fn quotes(&self, claims: &[(u32, u32)], ids: &[DocId]) -> Result<Quotes, EngineError> {
        let mut order: Vec<usize> = (0..claims.len()).collect();
        order.sort_unstable_by_key(|&i| claims[i]);
        let mut quotes = Quotes {
            text: String::new(),
            at: vec![(0, 0, Span::default()); claims.len()],
        };
        for slice in order.chunks(QUOTES_READ) {
            let keys: Vec<(DocId, u32)> = slice
                .iter()
                .map(|&i| (ids[claims[i].0 as usize].clone(), claims[i].1))
                .collect();
            for ((&i, q), (doc, ord)) in
                slice.iter().zip(self.store.claim_quotes(&keys)?).zip(&keys)
            {
                let q = q.ok_or_else(|| {
                    EngineError::Inconsistent(format!(
                        "analysis cites claim {ord} of {doc}, which is not stored"
                    ))
                })?;
                quotes.at[i] = (quotes.text.len(), q.quote.len(), q.span);
                quotes.text.push_str(&q.quote);
            }
        }
        Ok(quotes)
    }
}

/// Claims' words, one after the other in one text: where each claim's lie and its span.
#[derive(Default)]
struct Quotes {
    text: String,
    at: Vec<(usize, usize, Span)>,
}

impl LedgerStream {
    /// Hands on `groups` groups at a time (at least one) instead of the default 4096.
    pub fn window(mut self, groups: usize) -> Self {
        self.window = groups.max(1);
        self
    }

    /// How many groups the ledger holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when no group passed the filter.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The documents the groups' claims cite, with their source names (what a table names
    /// each claim's document by).
    pub fn documents(&self) -> &[(DocId, String)] {
        &self.documents
    }

    /// Hands `each` the groups in ledger order, a window at a time, with the claims they
    /// cite (each [`LedgerClaim::claim`](sinew_analysis::LedgerClaim::claim) indexes the
    /// window's claims). An error of `each` ends the reading and is returned. Needs a stream
    /// made by [`Engine::ledger_stream`] (the claims' words read ahead).
    pub fn each<E: From<EngineError>>(
        &mut self,
        mut each: impl FnMut(&[LedgerGroup], &[CitedClaim]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut buf = Vec::new();
        for w in 0..self.places.len().div_ceil(self.window) {
            let from = w * self.window;
            let to = (from + self.window).min(self.places.len());
            let mut groups = self.read_groups(from..to, &mut buf)?;
            let mut claims: Vec<CitedClaim> = Vec::new();
            for (group, first) in &mut groups {
                for m in &mut group.claims {
                    let n = *first + m.claim;
                    let (start, len, span) = self.quotes.at[n];
                    let doc = self.claim_docs[n] as usize;
                    claims.push(CitedClaim {
                        doc: self.ids[doc].clone(),
                        span,
                        source: self.sources[doc].clone(),
                        quote: self.quotes.text[start..start + len].to_string(),
                    });
                    m.claim = claims.len() - 1;
                }
            }
            let ledger = Ledger {
                groups: groups.into_iter().map(|(g, _)| g).collect(),
            };
            each(&ledger.groups, &claims)?;
        }
        Ok(())
    }

    /// Hands `each` the groups in ledger order, a window at a time, with the claims they cite
    /// whole (read from the store for the window: [`Engine::ledger`]'s claims), leaving out
    /// the groups the filter's measure words reject. An error of `each` ends the reading and
    /// is returned.
    pub fn each_view<E: From<EngineError>>(
        &mut self,
        mut each: impl FnMut(&[LedgerGroup], &[ClaimView]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut buf = Vec::new();
        for w in 0..self.places.len().div_ceil(self.window) {
            let from = w * self.window;
            let to = (from + self.window).min(self.places.len());
            let groups = self.read_groups(from..to, &mut buf)?;
            let (mut groups, claims) = self.whole_claims(groups)?;
            let mut pass = self.passing(&groups, &claims).into_iter();
            groups.retain(|_| pass.next().unwrap_or(false));
            let ledger = Ledger { groups };
            each(&ledger.groups, &claims)?;
        }
        Ok(())
    }

    /// Leaves out the groups the filter's measure words reject (they read the claims' measures,
    /// so each window's claims are read whole once): what a table filtered by measure lists.
    /// [`LedgerStream::documents`] stays every document the groups before that filter cite
    /// (the documents a table names its claims' documents among, as it did when it held the
    /// whole ledger).
    pub fn keep_measure(&mut self) -> Result<(), EngineError> {
        if self.filter.measure.is_none() {
            return Ok(());
        }
        let mut buf = Vec::new();
        let mut keep = Vec::with_capacity(self.places.len());
        for w in 0..self.places.len().div_ceil(self.window) {
            let from = w * self.window;
            let to = (from + self.window).min(self.places.len());
            let groups = self.read_groups(from..to, &mut buf)?;
            let (groups, views) = self.whole_claims(groups)?;
            keep.extend(self.passing(&groups, &views));
        }
        let mut keep = keep.into_iter();
        self.places.retain(|_| keep.next().unwrap_or(false));
        Ok(())
    }

    /// Which of `groups` (their claims pointing into `views`) pass the filter's measure words.
    fn passing(&self, groups: &[LedgerGroup], views: &[ClaimView]) -> Vec<bool> {
        if self.filter.measure.is_none() {
            return vec![true; groups.len()];
        }
        let plain: Vec<Claim> = views.iter().map(|v| v.claim.clone()).collect();
        groups
            .iter()
            .map(|g| g.matches(&self.filter, &plain))
            .collect()
    }

    /// The groups at `places` of the ledger order, read back from the spill, each with the
    /// number of its first claim.
    fn read_groups(
        &mut self,
        places: std::ops::Range<usize>,
        buf: &mut Vec<u8>,
    ) -> Result<Vec<(LedgerGroup, usize)>, EngineError> {
        let mut groups = Vec::with_capacity(places.len());
        for k in places {
            let (offset, len, first) = {
                let slot = &self.places[k];
                (slot.offset, slot.len, slot.first)
            };
            read(&mut self.groups, offset, len, buf)?;
            let group: LedgerGroup = serde_json::from_slice(buf)
                .map_err(|e| EngineError::Inconsistent(format!("a spilled ledger group: {e}")))?;
            groups.push((group, first));
        }
        Ok(groups)
    }

    /// `groups`' claims read whole from the store, each group's claims pointed at them.
    fn whole_claims(
        &self,
        mut groups: Vec<(LedgerGroup, usize)>,
    ) -> Result<(Vec<LedgerGroup>, Vec<ClaimView>), EngineError> {
        let mut keys: Vec<(DocId, u32)> = Vec::new();
        for (group, first) in &mut groups {
            for m in &mut group.claims {
                let n = *first + m.claim;
                keys.push((
                    self.ids[self.claim_docs[n] as usize].clone(),
                    self.claim_ords[n],
                ));
                m.claim = keys.len() - 1;
            }
        }
        let mut views = Vec::with_capacity(keys.len());
        for (w, (doc, ord)) in self.store.claim_words(&keys)?.into_iter().zip(&keys) {
            let w = w.ok_or_else(|| {
                EngineError::Inconsistent(format!(
                    "analysis cites claim {ord} of {doc}, which is not stored"
                ))
            })?;
            views.push(ClaimView {
                claim: w.claim,
                source: w.source,
                quote: w.quote,
                sentence: w.sentence,
            });
        }
        Ok((groups.into_iter().map(|(g, _)| g).collect(), views))
    }
}

/// Reads `len` bytes at `offset` of `file` into `buf`.
fn read(file: &mut File, offset: u64, len: usize, buf: &mut Vec<u8>) -> Result<(), EngineError> {
    let read_err = |e: std::io::Error| {
        EngineError::Inconsistent(format!("the ledger's spill file could not be read: {e}"))
    };
    buf.resize(len, 0);
    file.seek(SeekFrom::Start(offset)).map_err(read_err)?;
    file.read_exact(buf).map_err(read_err)
}

/// Points each group's claims, listed in group order when they were loaded, at their
/// place in the loaded list (`index`, one entry a claim in that order).
pub(crate) fn point_claims(ledger: &mut Ledger, index: &[usize]) {
    let mut k = 0;
    for g in &mut ledger.groups {
        for m in &mut g.claims {
            m.claim = index[k];
            k += 1;
        }
    }
}
