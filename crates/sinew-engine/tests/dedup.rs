//! Near-duplicates and other languages through the whole ingest: copies are stored and linked
//! to the first of their group, across runs; a different story is not; a French article is
//! stored whole but not annotated.

use std::path::{Path, PathBuf};

use sinew_engine::{Engine, IngestOptions};
use sinew_types::Document;

/// The near-duplicate articles written for sinew-ingest's tests.
fn near_dup(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../sinew-ingest/tests/near_dups")
        .join(name)
}

fn copy_in(dir: &Path, from: &str, to: &str) {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::copy(near_dup(from), dir.join(to)).expect("copy fixture");
}

fn by_source<'a>(docs: &'a [Document], source: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.source == source)
        .unwrap_or_else(|| panic!("{source} not stored"))
}

#[test]
fn syndicated_copies_are_stored_and_linked_to_the_first_across_runs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("sinew.db");
    let first_run = tmp.path().join("first");
    copy_in(&first_run, "wire.txt", "1-wire.txt");
    copy_in(&first_run, "wire-syndicated.txt", "2-syndicated.txt");
    copy_in(&first_run, "same-topic.txt", "3-other-story.txt");
    let engine = Engine::open(&db).expect("open");
    let summary = engine
        .ingest_paths(&[first_run], &IngestOptions::default(), &mut |_| {})
        .expect("ingest");
    assert_eq!((summary.inserted, summary.near_duplicates), (3, 1));
    let docs = engine.store().documents().expect("documents");
    let wire = by_source(&docs, "1-wire.txt");
    assert_eq!(wire.duplicate_of, None);
    assert_eq!(
        by_source(&docs, "2-syndicated.txt").duplicate_of.as_ref(),
        Some(&wire.id)
    );
    assert_eq!(by_source(&docs, "3-other-story.txt").duplicate_of, None);
    // The copy is annotated like any document: its figures are there for later stages to
    // count once per group.
    let copy = by_source(&docs, "2-syndicated.txt");
    let ann = engine.store().annotations(&copy.id).expect("annotations");
    assert!(ann.is_some_and(|a| !a.quantities.is_empty()));
    drop(engine);

    // A later run, in a new engine: the index is rebuilt from the stored fingerprints.
    let second_run = tmp.path().join("second");
    copy_in(&second_run, "wire-saved-again.txt", "4-saved-again.txt");
    copy_in(&second_run, "wire-trimmed.txt", "5-trimmed.txt");
    let engine = Engine::open(&db).expect("reopen");
    let summary = engine
        .ingest_paths(&[second_run], &IngestOptions::default(), &mut |_| {})
        .expect("ingest");
    assert_eq!((summary.inserted, summary.near_duplicates), (2, 2));
    let docs = engine.store().documents().expect("documents");
    for source in ["4-saved-again.txt", "5-trimmed.txt"] {
        assert_eq!(
            by_source(&docs, source).duplicate_of.as_ref(),
            Some(&wire.id),
            "{source}"
        );
    }
}

#[test]
fn ingest_bytes_links_against_the_store_too() {
    let engine = crate::common::memory_engine();
    let opts = IngestOptions::default();
    for name in ["wire.txt", "wire-saved-again.txt"] {
        let bytes = std::fs::read(near_dup(name)).expect("read");
        let s = engine
            .ingest_bytes(name, &bytes, sinew_engine::Format::Text, &opts)
            .expect("ingest");
        assert_eq!(s.inserted, 1, "{name}");
    }
    let docs = engine.store().documents().expect("documents");
    assert_eq!(docs[1].duplicate_of.as_ref(), Some(&docs[0].id));
}

#[test]
fn a_french_article_is_stored_whole_but_not_annotated() {
    let engine = crate::common::memory_engine();
    let text =
        "Les exportations chinoises vers la Russie ont augmenté de 64 % l'an dernier, selon \
                les douanes. Le gouvernement français a annoncé mardi de nouvelles sanctions \
                contre plusieurs entreprises accusées de fournir des composants électroniques.";
    let s = engine
        .ingest_bytes(
            "article.txt",
            text.as_bytes(),
            sinew_engine::Format::Text,
            &IngestOptions::default(),
        )
        .expect("ingest");
    assert_eq!((s.inserted, s.claims), (1, 0));
    let doc = &engine.store().documents().expect("documents")[0];
    assert_eq!(doc.lang.as_deref(), Some("fr"));
    assert_eq!(doc.text, text);
    let ann = engine
        .store()
        .annotations(&doc.id)
        .expect("annotations")
        .expect("stored");
    assert!(ann.mentions.is_empty() && ann.quantities.is_empty());
    assert!(ann.diagnostics[0].message.contains("fr"), "{ann:?}");
}

/// A WARC response record as a crawler writes it: the page over HTTP.
fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    let content_type = if kind == "response" {
        "application/http; msgtype=response"
    } else {
        "application/warc-fields"
    };
    format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

/// A fixture's lines as the paragraphs of an HTML page over HTTP.
fn html_response(name: &str) -> String {
    let text = std::fs::read_to_string(near_dup(name)).expect("read fixture");
    let body: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{l}</p>"))
        .collect();
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>{body}</body></html>"
    )
}

/// Streamed inputs are linked like single files: a WARC record that copies an article read
/// from a JSON Lines file earlier in the run names it, in ingest and in extract, and the
/// records that hold no article are counted beside.
#[test]
fn streamed_records_are_linked_and_records_without_articles_counted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("inputs");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let line = |name: &str, url: &str| {
        let text = std::fs::read_to_string(near_dup(name)).expect("read fixture");
        format!("{}\n", serde_json::json!({ "text": text, "url": url }))
    };
    let jsonl = line("wire.txt", "https://wire.example/rail")
        + &line("same-topic.txt", "https://wire.example/other");
    std::fs::write(dir.join("1-wire.jsonl"), jsonl).expect("write");
    let warc = [
        warc_record("warcinfo", "", "software: test\r\n"),
        warc_record(
            "request",
            "https://partner.example/rail",
            "GET / HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://partner.example/rail",
            &html_response("wire-syndicated.txt"),
        ),
    ]
    .concat();
    std::fs::write(dir.join("2-crawl.warc"), warc).expect("write");

    let engine = crate::common::memory_engine();
    let opts = IngestOptions {
        threads: 2,
        batch: 1,
        ..IngestOptions::default()
    };
    let summary = engine
        .ingest_paths(std::slice::from_ref(&dir), &opts, &mut |_| {})
        .expect("ingest");
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!(
        (summary.inserted, summary.near_duplicates, summary.skipped),
        (3, 1, 2)
    );
    let docs = engine.store().documents().expect("documents");
    let wire = by_source(&docs, "https://wire.example/rail");
    let copy = by_source(&docs, "https://partner.example/rail");
    assert_eq!(copy.duplicate_of.as_ref(), Some(&wire.id));
    assert_eq!(copy.lang.as_deref(), Some("en"));
    assert!(copy.fingerprint.is_some());
    assert_eq!(
        by_source(&docs, "https://wire.example/other").duplicate_of,
        None
    );

    let mut extracted = Vec::new();
    let run = sinew_engine::extract_paths(&[dir], None, &mut |d| -> Result<(), ()> {
        extracted.push(d);
        Ok(())
    })
    .expect("extract");
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    assert_eq!(run.skipped, 2);
    let links: Vec<(&str, Option<&sinew_types::DocId>)> = extracted
        .iter()
        .map(|d| (d.source.as_str(), d.duplicate_of.as_ref()))
        .collect();
    assert_eq!(
        links,
        [
            ("https://wire.example/rail", None),
            ("https://wire.example/other", None),
            ("https://partner.example/rail", Some(&wire.id)),
        ]
    );
}
