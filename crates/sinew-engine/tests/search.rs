//! Does the engine keep the search index level with the store? Facet values read from
//! annotations, ingest in two runs against a rebuild from the store, the lag warning, and the
//! seeds with the sample corpus found by "containers" with the word marked.

use std::path::PathBuf;
use std::sync::Arc;

use sinew_engine::{
    index_doc, Engine, Filters, IndexLag, Scope, SearchIndex, SearchQuery, SearchResults,
    TantivyIndex,
};
use sinew_store::{SqliteStore, Store};

use crate::common::{ingest, sample_corpus, shared};

fn query(text: &str, scope: Scope) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        scope,
        filters: Filters::default(),
        offset: 0,
        limit: 1000,
    }
}

fn ram_index() -> Arc<dyn SearchIndex> {
    Arc::new(TantivyIndex::open_in_ram().expect("index in memory"))
}

/// Writes articles of our own to a folder, one file each.
fn articles(dir: &std::path::Path, texts: &[&str]) -> Vec<PathBuf> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p = dir.join(format!("a{i}.txt"));
            std::fs::write(&p, t).unwrap();
            p
        })
        .collect()
}

const TEXTS: &[&str] = &[
    "Russia received 6,700 containers of artillery shells from North Korea, South Korean \
     officials said on Monday. The shipments crossed by rail through Tumangang.",
    "China's exports of machine tools to Russia rose 30% to $2.4 billion last year, \
     customs data showed. Beijing denied any military purpose.",
    "The European Union approved a new package of sanctions against Iran on Tuesday. \
     Tehran called the measures illegal.",
    "Gas flows from Norway to Germany reached 320 million cubic metres a day in winter, \
     the grid operator said.",
];

#[test]
fn facet_values_come_from_the_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let engine = crate::common::memory_engine();
    ingest(&engine, &articles(dir.path(), &TEXTS[..1]));
    let doc = engine.store().documents().unwrap().remove(0);
    let ann = engine.store().annotations(&doc.id).unwrap().unwrap();
    let d = index_doc(&doc, &ann);
    assert!(
        d.entities.contains(&"Russia".to_string()),
        "{:?}",
        d.entities
    );
    assert!(
        d.entities.contains(&"North Korea".to_string()),
        "{:?}",
        d.entities
    );
    assert!(
        d.countries.contains(&"RUS".to_string()),
        "{:?}",
        d.countries
    );
    assert!(
        d.countries.contains(&"PRK".to_string()),
        "{:?}",
        d.countries
    );
    assert!(d
        .countries
        .iter()
        .all(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase())));
    assert_eq!(d.sentences.len(), ann.sentences.len());
    let units: Vec<&str> = ann
        .claims
        .iter()
        .filter_map(|c| c.quantity.unit.as_deref())
        .collect();
    for u in &units {
        assert!(d.units.iter().any(|x| x == u));
    }
    assert!(!d.flow_kinds.iter().any(|k| k == "other"));
    // Without repeats, sorted.
    let mut sorted = d.entities.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, d.entities);
}

/// Everything the index answers for a few queries, scores left out (they depend on how the
/// index is cut into segments, not on what it holds).
fn answers(engine: &Engine) -> Vec<String> {
    let mut out = Vec::new();
    for scope in [Scope::Documents, Scope::Sentences] {
        for q in [
            "",
            "russia",
            "containers",
            "\"machine tools\"",
            "sanctions -iran",
        ] {
            let r: SearchResults = engine.search(&query(q, scope)).unwrap();
            let mut hits: Vec<String> = r
                .hits
                .iter()
                .map(|h| format!("{} {:?} {:?}", h.doc, h.sentence, h.snippet))
                .collect();
            hits.sort();
            out.push(format!(
                "{q:?} {scope:?} total={} {hits:?} {:?}",
                r.total, r.facets
            ));
        }
    }
    out
}

#[test]
fn ingest_in_two_runs_equals_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let files = articles(dir.path(), TEXTS);
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open_in_memory().unwrap());
    let live = Engine::with_store(store.clone()).with_index(ram_index());
    let first = ingest(&live, &files[..2]);
    assert_eq!(first.index_warning, None);
    assert_eq!(live.search_index().unwrap().len().unwrap(), 2);
    ingest(&live, &files[1..]);
    assert_eq!(live.index_lag().unwrap(), None);
    assert_eq!(live.search_index().unwrap().len().unwrap(), 4);

    let rebuilt = Engine::with_store(store).with_index(ram_index());
    assert_eq!(
        rebuilt.index_lag().unwrap(),
        Some(IndexLag {
            indexed: 0,
            stored: 4
        })
    );
    let mut seen = Vec::new();
    let summary = rebuilt
        .rebuild_index(&mut |done, total| seen.push((done, total)))
        .unwrap();
    assert_eq!(summary.documents, 4);
    assert_eq!(seen.last(), Some(&(4, 4)));
    assert_eq!(rebuilt.index_lag().unwrap(), None);
    assert_eq!(answers(&live), answers(&rebuilt));
    // A rebuild over an index that already holds everything gives the same again.
    rebuilt.rebuild_index(&mut |_, _| {}).unwrap();
    assert_eq!(answers(&live), answers(&rebuilt));
}

#[test]
fn searching_without_an_index_says_how_to_build_one() {
    let engine = crate::common::memory_engine();
    let err = engine.search(&query("x", Scope::Documents)).unwrap_err();
    assert!(err.to_string().contains("sinew index"), "{err}");
    assert_eq!(engine.index_lag().unwrap(), None);
}

#[test]
fn containers_finds_the_seed_articles_on_north_korean_munitions() {
    let Some(shared) = shared() else { return };
    let engine = crate::common::memory_engine().with_index(ram_index());
    ingest(&engine, &[shared.join("seeds"), sample_corpus()]);
    let stored = engine.stats().unwrap().documents;
    assert_eq!(engine.search_index().unwrap().len().unwrap(), stored);
    let r = engine
        .search(&query("containers", Scope::Documents))
        .unwrap();
    let seeds: Vec<&str> = [
        "000_7aa2dc1ccafbac9f",
        "001_a491087e42b27aa0",
        "004_f836de206c2cab78",
    ]
    .to_vec();
    for seed in &seeds {
        let doc = engine
            .store()
            .documents()
            .unwrap()
            .into_iter()
            .find(|d| d.source.contains(seed))
            .unwrap_or_else(|| panic!("seed {seed} stored"));
        let hit = r
            .hits
            .iter()
            .find(|h| h.doc == doc.id)
            .unwrap_or_else(|| panic!("seed {seed} not found by \"containers\""));
        let marked: Vec<&str> = hit
            .snippet
            .marks
            .iter()
            .map(|m| &doc.text[m.start..m.end])
            .collect();
        assert!(marked.contains(&"containers"), "{seed}: marked {marked:?}");
        assert_eq!(
            &doc.text[hit.snippet.span.start..hit.snippet.span.end],
            hit.snippet.text
        );
    }
    // The same by sentence: the sentence that says it, its span inside the document.
    let r = engine
        .search(&query("containers munitions", Scope::Sentences))
        .unwrap();
    assert!(r.total >= 1);
    let hit = &r.hits[0];
    let span = hit.sentence.unwrap();
    let doc = engine.store().document(&hit.doc).unwrap().unwrap();
    let sentence = &doc.text[span.start..span.end];
    assert!(
        sentence.contains("containers") && sentence.contains("munitions"),
        "{sentence}"
    );
    // Facets over every match name North Korea's code.
    assert!(
        r.facets.countries.iter().any(|c| c.value == "PRK"),
        "{:?}",
        r.facets.countries
    );
}
