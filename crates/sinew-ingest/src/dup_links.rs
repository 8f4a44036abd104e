//! Which earlier document is a new one a copy of? [`DupLinker`] sets
//! [`Document::duplicate_of`] for documents met in order, the one home of near-duplicate
//! linking for both `sinew ingest` (against the store and the run) and `sinew extract` (within
//! the run).
//!
//! A document is linked to the group of its best match, by estimated similarity, among the
//! documents found elsewhere (a store's candidates, given per call, in their stored order)
//! and those linked here before; on a tie the earliest wins, stored ones first. So a group is
//! always named by its first document, however long the chain of copies, and the same inputs
//! give the same links whether the earlier documents were stored in another run or met in
//! this one.

use std::collections::HashMap;

use sinew_types::{DocFingerprint, DocId, Document};

use crate::DupIndex;

/// Near-duplicate links for a stream of documents; see the module doc.
///
/// Memory grows by about 1 KB per document linked until [`DupLinker::forget`] is called.
#[derive(Debug, Default)]
pub struct DupLinker {
    index: DupIndex,
    /// Every id linked since the last `forget`, with its own link.
    seen: HashMap<DocId, Option<DocId>>,
}

/// What [`DupLinker::link`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The document's id was not linked before: it is now, to its group if it has one.
    New,
    /// The same id (the same text) was linked before: `duplicate_of` names the id it shares
    /// with that first copy, or that copy's group.
    Repeat,
}

impl DupLinker {
    /// Sets `doc.duplicate_of` to the first document of its near-duplicate group, or `None`
    /// when it starts one, and remembers it for later calls. `stored` are documents linked
    /// before this linker's (a store's candidates for this fingerprint, in stored order).
    pub fn link(&mut self, doc: &mut Document, stored: &[DocFingerprint]) -> Link {
        if let Some(first) = self.seen.get(&doc.id) {
            doc.duplicate_of = Some(first.clone().unwrap_or_else(|| doc.id.clone()));
            return Link::Repeat;
        }
        if let Some(fp) = &doc.fingerprint {
            // The candidates are few (they share a band with `fp`), so an index of them alone
            // gives the stored match by exactly the rules of the run's index.
            let mut earlier = DupIndex::default();
            for s in stored {
                earlier.insert(s.id.clone(), &s.fingerprint, s.duplicate_of.clone());
            }
            let from_store = earlier.find(fp);
            let from_run = self.index.find(fp);
            let best = match (from_store, from_run) {
                (Some(s), Some(r)) if r.similarity > s.similarity => Some(r),
                (Some(s), _) => Some(s),
                (None, r) => r,
            };
            doc.duplicate_of = best.map(|m| m.group.clone());
            self.index
                .insert(doc.id.clone(), fp, doc.duplicate_of.clone());
        }
        self.seen.insert(doc.id.clone(), doc.duplicate_of.clone());
        Link::New
    }

    /// Forgets every document linked so far. For a caller that has stored them where its
    /// `stored` lookups will find them: memory then stays bounded by the documents linked
    /// since, however long the run.
    pub fn forget(&mut self) {
        *self = DupLinker::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: DocId(id.to_string()),
            source: format!("{id}.txt"),
            url: None,
            title: None,
            author: None,
            published: None,
            site: None,
            lang: None,
            text: text.to_string(),
            fingerprint: fingerprint(text),
            duplicate_of: None,
        }
    }

    fn words(n: usize, seed: &str) -> String {
        (0..n)
            .map(|i| format!("{seed}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn stored(d: &Document) -> DocFingerprint {
        DocFingerprint {
            id: d.id.clone(),
            fingerprint: d.fingerprint.clone().expect("fingerprinted"),
            duplicate_of: d.duplicate_of.clone(),
        }
    }

    #[test]
    fn stored_and_run_documents_link_alike_and_the_first_wins_a_tie() {
        let base = words(300, "w");
        let a = doc("a", &base);
        let b = doc("b", &format!("{base} x1 x2"));
        let mut c = doc("c", &format!("{} y", words(290, "w")));

        // `a` met in the run, or found in the store: `c` joins its group either way.
        let mut run = DupLinker::default();
        assert_eq!(run.link(&mut a.clone(), &[]), Link::New);
        run.link(&mut c, &[]);
        assert_eq!(c.duplicate_of.as_ref(), Some(&a.id));
        let mut c2 = c.clone();
        DupLinker::default().link(&mut c2, &[stored(&a)]);
        assert_eq!(c2.duplicate_of.as_ref(), Some(&a.id));

        // A stored copy and a run copy equally similar: the stored one, met first, names the
        // group.
        let mut linker = DupLinker::default();
        let mut b_in_run = b.clone();
        b_in_run.id = DocId("b-run".into());
        linker.link(&mut b_in_run, &[]);
        let mut q = doc("q", &format!("{base} x1 x2"));
        linker.link(&mut q, &[stored(&b)]);
        assert_eq!(q.duplicate_of.as_ref(), Some(&b.id));
    }

    #[test]
    fn a_repeat_names_its_first_copy_until_forgotten() {
        let mut linker = DupLinker::default();
        let mut first = doc("s", "short text");
        assert_eq!(linker.link(&mut first, &[]), Link::New);
        let mut again = first.clone();
        assert_eq!(linker.link(&mut again, &[]), Link::Repeat);
        assert_eq!(again.duplicate_of.as_ref(), Some(&first.id));
        linker.forget();
        assert_eq!(linker.link(&mut first.clone(), &[]), Link::New);
    }
}
