//! Inputs read as streams: many documents per file, several files at once, committed in
//! input order, with records passed over counted.

use sinew_engine::{Format, IngestOptions};

use crate::common::memory_engine;

/// A JSON Lines file of `n` short distinct articles tagged `tag`.
fn jsonl(tag: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{{\"text\": \"Dispatch {tag} {i}: the port handled {i} ships.\"}}\n"))
        .collect()
}

#[test]
fn streamed_inputs_commit_in_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // A long stream first, so that workers on the later inputs must wait their turn.
    std::fs::write(dir.join("a.jsonl"), jsonl("a", 300)).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Dispatch b: a single article in a text file.\n",
    )
    .unwrap();
    std::fs::write(dir.join("c.jsonl"), jsonl("c", 120)).unwrap();
    std::fs::write(dir.join("d.jsonl"), format!("{}not json\n", jsonl("d", 40))).unwrap();
    let engine = memory_engine();
    let opts = IngestOptions {
        threads: 3,
        batch: 7,
        ..IngestOptions::default()
    };
    let mut order = Vec::new();
    let summary = engine
        .ingest_paths(&[dir.to_path_buf()], &opts, &mut |p| {
            if let sinew_engine::Progress::Input { name, .. } = p {
                order.push(name.rsplit('/').next().unwrap_or("").to_string());
            }
        })
        .unwrap();
    assert_eq!(order, ["a.jsonl", "b.txt", "c.jsonl", "d.jsonl"]);
    assert_eq!(summary.files, 4);
    assert_eq!(summary.documents, 461);
    assert_eq!(summary.inserted, 461);
    assert_eq!(summary.errors.len(), 1, "{:?}", summary.errors);
    let stored: Vec<String> = engine
        .store()
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.text.split(':').next().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = (0..300)
        .map(|i| format!("Dispatch a {i}"))
        .chain(["Dispatch b".to_string()])
        .chain((0..120).map(|i| format!("Dispatch c {i}")))
        .chain((0..40).map(|i| format!("Dispatch d {i}")))
        .collect();
    assert_eq!(stored, want);

    let again = engine
        .ingest_paths(&[dir.to_path_buf()], &opts, &mut |_| {})
        .unwrap();
    assert_eq!((again.inserted, again.already_stored), (0, 461));
}

#[test]
fn warc_records_without_articles_are_counted() {
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Officials said the two sides signed a trade deal on Monday.</p></body></html>";
    let mut warc = String::new();
    for (kind, block) in [
        ("warcinfo", "software: test\r\n"),
        ("response", page),
        ("metadata", "fetchTimeMs: 1\r\n"),
    ] {
        warc.push_str(&format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://a.example/deal\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            if kind == "response" { "application/http; msgtype=response" } else { "application/warc-fields" },
            block.len()
        ));
    }
    let engine = memory_engine();
    let summary = engine
        .ingest_reader(
            "stdin",
            warc.as_bytes(),
            Format::Auto,
            &IngestOptions::default(),
        )
        .unwrap();
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!((summary.inserted, summary.skipped), (1, 2));
    assert_eq!(summary.bytes, warc.len() as u64);
    let mut sources = Vec::new();
    let extracted = sinew_engine::extract_bytes(
        "crawl.warc",
        warc.as_bytes(),
        Format::Auto,
        None,
        &mut |d| -> Result<(), ()> {
            sources.push(d.source);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(sources, ["https://a.example/deal"]);
    assert_eq!(extracted.skipped, 2);
}

#[test]
fn one_input_annotated_on_several_threads_commits_as_one_thread_does() {
    // One input, so the only parallelism is within it: each chunk of its documents is
    // annotated on the threads asked for. A store on disk, so `contains` answers from its
    // second connection while batches are written through the first.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("one.jsonl");
    let lines: String = (0..150)
        .map(|i| {
            // Lengths vary, so that the threads finish their documents out of order.
            let extra = " The ministry said exports rose 4 per cent.".repeat(i % 9);
            format!(
                "{{\"text\": \"Report {i}: Norway shipped {i} tonnes of cod to Japan.{extra}\"}}\n"
            )
        })
        .collect();
    std::fs::write(&input, lines).unwrap();
    let stored = |threads: usize, name: &str| {
        let db = tmp.path().join(name);
        let engine = sinew_engine::Engine::open(&db).unwrap();
        let opts = IngestOptions {
            threads,
            batch: 16,
            ..IngestOptions::default()
        };
        let first = engine
            .ingest_paths(std::slice::from_ref(&input), &opts, &mut |_| {})
            .unwrap();
        assert_eq!((first.documents, first.inserted), (150, 150));
        let again = engine
            .ingest_paths(std::slice::from_ref(&input), &opts, &mut |_| {})
            .unwrap();
        assert_eq!((again.inserted, again.already_stored), (0, 150));
        let docs = engine.store().documents().unwrap();
        let claims = engine.claims(None).unwrap().len();
        let texts: Vec<String> = docs.into_iter().map(|d| d.text).collect();
        (texts, claims)
    };
    let (one, one_claims) = stored(1, "one.db");
    let (three, three_claims) = stored(3, "three.db");
    assert_eq!(one.len(), 150);
    assert!(one[0].starts_with("Report 0:") && one[149].starts_with("Report 149:"));
    assert_eq!(one, three);
    assert!(one_claims > 150, "{one_claims}");
    assert_eq!(one_claims, three_claims);
}
