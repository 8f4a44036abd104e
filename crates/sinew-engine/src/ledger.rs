//! The ledger written group by group (`sinew ledger`'s table): a store's ledger cites every
//! stored claim, and held whole it took gigabytes at 100k documents.
//!
//! Two passes over the stored states, a few buckets at a time (`Engine::each_state`): the
//! first keeps of each group that passes the filter only where it sorts ([`LedgerPlace`])
//! and where its JSON lies in a spill file, and the documents its claims cite; the places are
//! sorted as `ledger_of` sorts the groups (ties by bucket key, then by position in the
//! bucket, the order `ledger_of` is given them in). The second reads the groups back from the
//! spill in that order, a window at a time, with their claims' words, so memory holds the
//! places and one window, never the ledger.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use sinew_analysis::{ClaimRef, Ledger, LedgerFilter, LedgerGroup, LedgerPlace};
use sinew_types::DocId;

use crate::{point_claims, CitedClaim, Engine, EngineError};

/// Groups read back and handed on at once.
const WINDOW: usize = 4096;

/// The ledger's groups in order, ready to be read a window at a time
/// ([`Engine::ledger_stream`]).
pub struct LedgerStream<'e> {
    engine: &'e Engine,
    /// Each group's place, its bucket's rank and position there, and its JSON in the spill.
    places: Vec<Slot>,
    spill: File,
    /// The documents the groups' claims cite, with their source names.
    documents: Vec<(DocId, String)>,
    /// Groups handed on at once.
    window: usize,
}

struct Slot {
    place: LedgerPlace,
    bucket: usize,
    at: usize,
    offset: u64,
    len: usize,
}

impl Engine {
    /// The ledger of [`Engine::ledger_cited`], to be read group by group
    /// ([`LedgerStream::each`]) with bounded memory. The filter's measure words are not
    /// applied (they read the claims: [`Engine::ledger_cited`] applies them).
    pub fn ledger_stream(&self, filter: &LedgerFilter) -> Result<LedgerStream<'_>, EngineError> {
        let by_group = LedgerFilter {
            measure: None,
            ..filter.clone()
        };
        let spill_err = |e: std::io::Error| {
            EngineError::Inconsistent(format!("the ledger's spill file could not be used: {e}"))
        };
        let mut spill = tempfile::tempfile().map_err(spill_err)?;
        let mut places = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut docs: BTreeSet<DocId> = BTreeSet::new();
        {
            let mut out = BufWriter::new(&mut spill);
            let mut offset = 0u64;
            let mut failed = None;
            self.each_state(|state| {
                let bucket = keys.len();
                keys.push(state.key.clone());
                for (at, g) in state.ordered_groups().enumerate() {
                    if !g.group.matches(&by_group, &[]) {
                        continue;
                    }
                    docs.extend(g.refs.iter().map(|r| r.doc.clone()));
                    let json = serde_json::to_vec(&(&g.group, &g.refs)).map_err(|e| {
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
                .cmp(&b.place)
                .then(bucket_rank[a.bucket].cmp(&bucket_rank[b.bucket]))
                .then(a.at.cmp(&b.at))
        });
        let ids: Vec<DocId> = docs.into_iter().collect();
        let documents = self
            .store
            .doc_headers(&ids)?
            .into_iter()
            .map(|h| (h.id, h.source))
            .collect();
        Ok(LedgerStream {
            engine: self,
            places,
            spill,
            documents,
            window: WINDOW,
        })
    }
}

impl LedgerStream<'_> {
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
    /// window's claims, which are in store order).
    /// An error of `each` ends the reading and is returned.
    pub fn each<E: From<EngineError>>(
        &mut self,
        mut each: impl FnMut(&[LedgerGroup], &[CitedClaim]) -> Result<(), E>,
    ) -> Result<(), E> {
        let read_err = |e: std::io::Error| {
            EngineError::Inconsistent(format!("the ledger's spill file could not be read: {e}"))
        };
        let mut buf = Vec::new();
        for window in self.places.chunks(self.window) {
            let mut groups = Vec::with_capacity(window.len());
            let mut cited: Vec<ClaimRef> = Vec::new();
            for slot in window {
                buf.resize(slot.len, 0);
                self.spill
                    .seek(SeekFrom::Start(slot.offset))
                    .map_err(read_err)?;
                self.spill.read_exact(&mut buf).map_err(read_err)?;
                let (group, refs): (LedgerGroup, Vec<ClaimRef>) = serde_json::from_slice(&buf)
                    .map_err(|e| {
                        EngineError::Inconsistent(format!("a spilled ledger group: {e}"))
                    })?;
                cited.extend(group.claims.iter().map(|m| refs[m.claim].clone()));
                groups.push(group);
            }
            let (claims, index) = self.engine.cited_claims(&cited)?;
            let mut ledger = Ledger { groups };
            point_claims(&mut ledger, &index);
            each(&ledger.groups, &claims)?;
        }
        Ok(())
    }
}
