//! Files in, stored documents, claims and a briefing out.

use sinew_engine::{BriefingConfig, Engine, ReportFormat};
use sinew_types::Document;

use crate::common::{ingest, memory_engine, sample_corpus, shared};

#[test]
fn sample_corpus_ingests_once_and_yields_claims() {
    let engine = memory_engine();
    let first = ingest(&engine, &[sample_corpus()]);
    assert!(first.errors.is_empty(), "{:?}", first.errors);
    assert!(
        first.inserted >= 8,
        "sample corpus has at least 8 documents: {first:?}"
    );
    assert!(first.claims > 0);
    let stats = engine.stats().unwrap();

    let second = ingest(&engine, &[sample_corpus()]);
    assert_eq!(second.inserted, 0, "re-ingest adds nothing");
    assert_eq!(second.already_stored, first.documents);
    assert_eq!(engine.stats().unwrap().claims, stats.claims);
    assert_eq!(engine.stats().unwrap().documents, stats.documents);
}

#[test]
fn every_stored_item_points_at_its_words() {
    let engine = memory_engine();
    let mut paths = vec![sample_corpus()];
    if let Some(shared) = sinew_testkit::shared_for("the seeds") {
        paths.push(shared.join("seeds"));
    }
    ingest(&engine, &paths);
    let store = engine.store();
    for doc in store.documents().unwrap() {
        let ann = store
            .annotations(&doc.id)
            .unwrap()
            .expect("annotations stored");
        for m in &ann.mentions {
            assert_eq!(
                m.span.slice(&doc.text),
                Some(m.text.as_str()),
                "{}",
                doc.source
            );
        }
        for q in &ann.quantities {
            assert_eq!(
                q.span.slice(&doc.text),
                Some(q.text.as_str()),
                "{}",
                doc.source
            );
        }
        for t in &ann.times {
            assert_eq!(
                t.span.slice(&doc.text),
                Some(t.text.as_str()),
                "{}",
                doc.source
            );
        }
        for c in &ann.claims {
            assert!(
                c.sentence.contains(c.span),
                "{}: claim outside its sentence",
                doc.source
            );
            assert!(c.span.slice(&doc.text).is_some());
        }
    }
}

/// Every sentence of the briefing written for the seeds carries at least one citation, and
/// every citation's span exists in its document.
#[test]
fn seed_briefing_cites_every_sentence() {
    let Some((engine, docs)) = seeds() else {
        return;
    };
    let briefing = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let mut sentences = 0;
    for s in briefing.sentences() {
        sentences += 1;
        assert!(!s.citations.is_empty(), "uncited sentence: {}", s.text);
        for c in &s.citations {
            let doc = docs
                .iter()
                .find(|d| d.id == c.doc)
                .expect("cited document exists");
            assert!(
                c.span.slice(&doc.text).is_some_and(|t| !t.is_empty()),
                "bad span {:?}",
                c.span
            );
        }
    }
    assert!(
        sentences >= 10,
        "the briefing says something: {sentences} sentences"
    );
    let md = engine
        .report(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("report");
    assert!(md.contains("North Korea") && md.contains("Russia"));
}

/// The seeds, ingested, and the documents stored.
fn seeds() -> Option<(Engine, Vec<Document>)> {
    let shared = shared()?;
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    let docs = engine.store().documents().unwrap();
    Some((engine, docs))
}

/// The HTML briefing for the seeds, opened in headless Chromium, shows the figures table with
/// the North Korean container figures side by side.
#[test]
fn seed_html_briefing_shows_the_figures_table_in_chromium() {
    let Some((engine, _)) = seeds() else {
        return;
    };
    let html = engine
        .report(ReportFormat::Html, &BriefingConfig::default())
        .expect("report");
    let Some(dom) = sinew_testkit::dump_dom(&html) else {
        return;
    };
    let start = dom
        .find("<table id=\"figures\">")
        .expect("figures table in the DOM");
    let table = &dom[start..start + dom[start..].find("</table>").expect("table closes")];
    assert!(table.contains("<thead>"));
    let rows = table.matches("<tr").count();
    assert!(rows >= 10, "figures table has {rows} rows");
    for figure in [
        "approximately 6,700 containers",
        "over 10,000 containers",
        "more than 11,000 containers",
    ] {
        assert!(
            table.contains(figure),
            "{figure} missing from the figures table"
        );
    }
}

#[test]
fn a_company_is_an_actor_of_its_own_and_rolls_up_to_its_state() {
    let lines = [
        "Russian state-owned oil company Korvelan Corporation shipped $2 billion of crude \
         oil to India in 2023, according to customs data seen by reporters this week.",
        "Russia shipped $5 billion of crude oil to India in 2022, according to customs data \
         published by the government in New Delhi this week.",
    ];
    let jsonl: String = lines
        .iter()
        .map(|t| format!("{}\n", serde_json::json!({ "text": t })))
        .collect();
    let engine = memory_engine();
    let summary = engine
        .ingest_reader(
            "stdin",
            jsonl.as_bytes(),
            sinew_engine::Format::Jsonl,
            &sinew_engine::IngestOptions::default(),
        )
        .expect("ingest");
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!(summary.inserted, 2);

    let subjects: Vec<Option<String>> = engine
        .claims(None)
        .expect("claims")
        .into_iter()
        .map(|c| c.claim.subject)
        .collect();
    assert!(
        subjects.contains(&Some("Korvelan Corporation".to_string())),
        "{subjects:?}"
    );

    let by_entity = engine.network().expect("network").network;
    let company = by_entity
        .actors
        .iter()
        .find(|a| a.name == "Korvelan Corporation")
        .expect("the company is a node");
    assert_eq!(company.country.as_deref(), Some("Russia"));

    let by_state = engine
        .network_with(&sinew_engine::NetworkConfig { by_state: true })
        .expect("network by state")
        .network;
    let flows: Vec<_> = by_state
        .flows
        .iter()
        .filter(|f| f.from == "Russia" && f.to == "India")
        .collect();
    // Both figures are now Russia's, whatever kind of flow their words make them.
    let values: Vec<Option<f64>> = flows
        .iter()
        .flat_map(|f| f.volumes.iter().map(|v| v.value))
        .collect();
    assert!(
        values.contains(&Some(2e9)) && values.contains(&Some(5e9)),
        "{flows:#?}"
    );
    assert!(by_state
        .actors
        .iter()
        .all(|a| a.name != "Korvelan Corporation"));
}
