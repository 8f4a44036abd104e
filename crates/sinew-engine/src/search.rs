//! How does the store reach the search index? What a stored document and its annotations
//! give the index ([`index_doc`]), the index an engine keeps current at ingest
//! ([`Engine::with_index`]), a rebuild from the store ([`Engine::rebuild_index`]), and queries.
//!
//! The store is the source of truth and the index is derived from it: ingest adds each
//! committed batch's new documents to the index and commits the index after the store has
//! committed (so an index never holds a document the store lacks), and a rebuild clears the
//! index and adds every stored document again, a page at a time, so memory is bounded by a
//! page however large the store. Ingest on an index that another process is writing to goes
//! on without indexing and says so; the index then holds fewer documents than the store,
//! which [`Engine::index_lag`] reports and `sinew index` mends.
//!
//! The facet values are the ones the rest of Sinew shows: entities are the canonical names of
//! the entities the document names (a nominal, "the minister", adds nothing its name has not);
//! countries are the ISO 3166-1 alpha-3 codes of the countries named and of the states the
//! named entities belong to; flow kinds are what sinew-analysis's concept reader says the
//! document's figures move (all but "other", which narrows nothing); units are the units of
//! its figures.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sinew_search::{IndexDoc, SearchIndex, SearchQuery, SearchResults};
use sinew_types::{Annotations, Document, EntityType, MentionKind};

use crate::{Engine, EngineError};

/// Documents read from the store and added to the index at a time by a rebuild.
const REBUILD_PAGE: usize = 256;

/// Where the search index of the store at `db` lives by default: beside it, `<db>.search/`.
pub fn default_index_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".search");
    PathBuf::from(name)
}

/// The index's view of a stored document and its annotations.
pub fn index_doc(doc: &Document, ann: &Annotations) -> IndexDoc {
    let names = ann.mentions.iter().filter(|m| m.kind == MentionKind::Name);
    let mut entities = BTreeSet::new();
    let mut countries = BTreeSet::new();
    for m in names {
        entities.insert(m.canonical.clone());
        let state = match m.entity_type {
            EntityType::Country => Some(m.canonical.as_str()),
            _ => m.country.as_deref(),
        };
        if let Some((_, iso3)) = state.and_then(sinew_nlp::iso_codes) {
            countries.insert(iso3.to_string());
        }
    }
    let flow_kinds: BTreeSet<String> = ann
        .claims
        .iter()
        .map(sinew_analysis::flow_kind)
        .filter(|k| *k != sinew_analysis::FlowKind::Other)
        .map(|k| k.as_str().to_string())
        .collect();
    let units: BTreeSet<String> = ann
        .claims
        .iter()
        .filter_map(|c| c.quantity.unit.clone())
        .filter(|u| !u.is_empty())
        .collect();
    IndexDoc {
        id: doc.id.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        source: outlet(doc),
        lang: doc.lang.clone(),
        published: doc.published,
        text: doc.text.clone(),
        sentences: ann.sentences.iter().map(|s| s.span).collect(),
        entities: entities.into_iter().collect(),
        countries: countries.into_iter().collect(),
        flow_kinds: flow_kinds.into_iter().collect(),
        units: units.into_iter().collect(),
    }
}

/// The outlet a document's source facet counts it under: its site's name, else its URL's
/// host ("news.example.org", without "www."), else where it was read from. Never the URL
/// itself: a facet of one value per article narrows nothing, and counting 100k distinct
/// values made every search of a 100k-document store take seconds (`bench-serve`).
fn outlet(doc: &Document) -> String {
    if let Some(site) = doc.site.as_deref().filter(|s| !s.trim().is_empty()) {
        return site.to_string();
    }
    doc.url
        .as_deref()
        .and_then(url_host)
        .unwrap_or_else(|| doc.source.clone())
}

/// The host of an http(s) URL, lower-cased, without user, port or a leading "www.".
fn url_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host,
    }
    .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// What a rebuild of the index did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RebuildSummary {
    /// Documents indexed.
    pub documents: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// How far the index is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexLag {
    /// Documents the index holds.
    pub indexed: u64,
    /// Documents the store holds.
    pub stored: u64,
}

impl Engine {
    /// This engine, keeping `index` current as it ingests and answering [`Engine::search`]
    /// from it.
    pub fn with_index(mut self, index: Arc<dyn SearchIndex>) -> Engine {
        self.index = Some(index);
        self
    }

    /// The search index, when the engine has one.
    pub fn search_index(&self) -> Option<&Arc<dyn SearchIndex>> {
        self.index.as_ref()
    }

    fn index_or_err(&self) -> Result<&Arc<dyn SearchIndex>, EngineError> {
        self.index.as_ref().ok_or(EngineError::NoIndex)
    }

    /// Runs a query on the search index.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, EngineError> {
        Ok(self.index_or_err()?.search(query)?)
    }

    /// Empties the search index and adds every stored document again, a page at a time;
    /// `progress` is told (documents indexed, documents stored) after each page. Searches see
    /// the old index until the new one is committed at the end.
    pub fn rebuild_index(
        &self,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<RebuildSummary, EngineError> {
        let start = Instant::now();
        let index = self.index_or_err()?;
        let stored = self.store.stats()?.documents;
        index.clear()?;
        let mut done = 0u64;
        let mut after = None;
        loop {
            let page = self.store.documents_after(after.as_ref(), REBUILD_PAGE)?;
            let Some(last) = page.last() else { break };
            after = Some(last.id.clone());
            let mut docs = Vec::with_capacity(page.len());
            for doc in &page {
                let ann = self.store.annotations(&doc.id)?.unwrap_or_default();
                docs.push(index_doc(doc, &ann));
            }
            index.add(&docs)?;
            done += docs.len() as u64;
            progress(done, stored.max(done));
        }
        index.commit()?;
        Ok(RebuildSummary {
            documents: done,
            elapsed: start.elapsed(),
        })
    }

    /// How far the index is behind the store, when it holds fewer documents (`None` when it
    /// holds them all, or the engine has no index).
    pub fn index_lag(&self) -> Result<Option<IndexLag>, EngineError> {
        let Some(index) = &self.index else {
            return Ok(None);
        };
        // Asked after every ingest: only the documents are counted (counting every mention
        // as `stats` does took 12 ms of a one-file ingest into 50k documents).
        let lag = IndexLag {
            indexed: index.len()?,
            stored: self.store.document_count()?,
        };
        Ok((lag.indexed < lag.stored).then_some(lag))
    }

    /// Adds newly stored documents to the index (ingest, after the store has committed
    /// them); [`Engine::index_commit`] makes them searchable.
    pub(crate) fn index_new(&self, docs: &[IndexDoc]) -> Result<(), EngineError> {
        if let Some(index) = &self.index {
            if !docs.is_empty() {
                index.add(docs)?;
            }
        }
        Ok(())
    }

    /// Commits what [`Engine::index_new`] added.
    pub(crate) fn index_commit(&self) -> Result<(), EngineError> {
        if let Some(index) = &self.index {
            index.commit()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::url_host;

    #[test]
    fn the_source_facet_is_the_host_not_the_article() {
        assert_eq!(
            url_host("https://www.News.example.org/2024/03/ports?x=1").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            url_host("http://user@wire.example:8080#top").as_deref(),
            Some("wire.example")
        );
        assert_eq!(url_host("javascript:alert(1)"), None);
        assert_eq!(url_host("ftp://files.example/a"), None);
        assert_eq!(url_host("https://"), None);
    }
}
