//! `sinew events`, `sinew export events` and the political layer of `sinew graph`, on
//! articles written for these tests: a treaty signing told by a wire story and a copy of it,
//! and sanctions told by another outlet.

use std::path::{Path, PathBuf};

use crate::{json_lines, run, sinew, stderr};

const SIGNING: &str = "Published June 20, 2024\n\nRussia and North Korea signed a mutual defence \
treaty in Pyongyang on Wednesday, June 19, 2024, pledging to help each other if either is \
attacked. The treaty was signed by the two leaders after talks that lasted several hours at the \
Kumsusan guesthouse. Officials in Seoul said they were studying the text of the agreement \
closely and would respond. Analysts said the pact was the strongest link between the two \
countries since the end of the Cold War, and that it would worry governments in the region.\n";

const SANCTIONS: &str = "Published May 2, 2024\n\nThe United States sanctioned China on May 1, \
2024 over its exports of machine tools to Russia's arms industry.\n";

fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("1-wire.txt"), SIGNING).unwrap();
    // The same story as another site ran it, with a line of its own.
    std::fs::write(
        corpus.join("2-copy.txt"),
        format!("{SIGNING}Reporting by the Sinew desk; editing by the night editor.\n"),
    )
    .unwrap();
    std::fs::write(corpus.join("3-sanctions.txt"), SANCTIONS).unwrap();
    corpus
}

fn ingested(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    let out = run(sinew(&db).arg("ingest").arg(corpus(dir)));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    db
}

#[test]
fn events_are_listed_merged_across_copies_with_every_field_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let out = run(sinew(&db).args(["events", "--json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let events = json_lines(&out);
    let signing: Vec<_> = events
        .iter()
        .filter(|e| e["kind"] == "treaty_signing")
        .collect();
    assert_eq!(signing.len(), 1, "{events:#?}");
    let e = signing[0];
    assert_eq!(e["category"], "SUPPORT");
    assert_eq!(e["date"], "2024-06-19");
    assert_eq!(e["source"], serde_json::json!(["North Korea", "Russia"]));
    assert_eq!(e["documents"], 1, "the copy counts once");
    let reports = e["reports"].as_array().expect("reports");
    // "Russia and North Korea signed" and "The treaty was signed by the two leaders" (the
    // same signing, its actors named only as "the two leaders"), in both copies
    assert_eq!(
        reports.len(),
        4,
        "both sentences of both copies are evidence"
    );
    for r in reports {
        assert!(
            r["text"].as_str().is_some_and(|t| t.contains("signed")),
            "{r}"
        );
        let sentence = r["sentence"].as_str().expect("sentence");
        assert!(
            sentence.starts_with("Russia and North Korea signed")
                || sentence.starts_with("The treaty was signed by the two leaders"),
            "{sentence}"
        );
        for key in [
            "doc",
            "source_name",
            "published",
            "start",
            "end",
            "sentence_start",
            "source",
            "target",
            "modality",
            "negated",
        ] {
            assert!(r.get(key).is_some(), "{key} missing from {r}");
        }
    }
    let sanctions: Vec<_> = events
        .iter()
        .filter(|e| e["category"] == "SANCTION")
        .collect();
    assert_eq!(sanctions.len(), 1, "{events:#?}");
    assert_eq!(sanctions[0]["source"], serde_json::json!(["United States"]));
    assert_eq!(sanctions[0]["target"], serde_json::json!(["China"]));
    assert_eq!(sanctions[0]["date"], "2024-05-01");
}

#[test]
fn events_filter_by_entity_alias_and_dates_and_name_an_unknown_entity() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let listed = |args: &[&str]| {
        let out = run(sinew(&db).arg("events").args(args).arg("--json"));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json_lines(&out)
    };
    let dprk = listed(&["--entity", "DPRK"]);
    assert!(!dprk.is_empty());
    assert!(dprk.iter().all(|e| e.to_string().contains("North Korea")));
    assert!(listed(&["--entity", "DPRK"])
        .iter()
        .all(|e| e["category"] != "SANCTION"));
    // A year, a month or a day.
    assert!(listed(&["--from", "2024-06"])
        .iter()
        .all(|e| e["date"].as_str() >= Some("2024-06-01")));
    assert!(listed(&["--from", "2025"]).is_empty());
    let may = listed(&["--to", "2024-05"]);
    assert!(may.iter().any(|e| e["category"] == "SANCTION"), "{may:#?}");
    assert!(may.iter().all(|e| e["date"].as_str() <= Some("2024-05-31")));

    let out = run(sinew(&db).args(["events", "--entity", "Atlantis"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Atlantis"), "{}", stderr(&out));

    // The table fits the terminal and says how many.
    let out = run(sinew(&db).arg("events").env("COLUMNS", "80"));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    assert!(table.contains("treaty signing"), "{table}");
    assert!(table.contains("events from"), "{table}");
}

#[test]
fn events_export_as_json_lines_and_csv_one_report_a_row() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let file = tmp.path().join("events.jsonl");
    let out = run(sinew(&db)
        .args(["export", "events", "--format", "jsonl", "-o"])
        .arg(&file));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = run(sinew(&db).args(["events", "--json"]));
    assert_eq!(std::fs::read(&file).unwrap(), listed.stdout);

    let out = run(sinew(&db).args(["export", "events", "--format", "csv"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut lines = csv.lines();
    let header = lines.next().expect("header");
    assert!(
        header.starts_with("event,category,kind,mode,source,target"),
        "{header}"
    );
    let rows: Vec<&str> = lines.collect();
    let reports: usize = json_lines(&listed)
        .iter()
        .map(|e| e["reports"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len(), reports, "{csv}");
    assert!(
        rows.iter().any(|r| r.contains("SUPPORT,treaty_signing")),
        "{csv}"
    );
}

#[test]
fn the_graph_has_the_political_layer_from_events_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let out = run(sinew(&db).arg("graph"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let graph: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = graph["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    let ties = graph["events"].as_array().expect("events");
    let treaty = ties
        .iter()
        .find(|t| t["category"] == "SUPPORT")
        .expect("the treaty tie");
    assert_eq!(treaty["id"], "north-korea->russia:event:support");
    assert_eq!(
        (treaty["events"].as_u64(), treaty["documents"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(treaty["first"], "2024-06-19");
    assert_eq!(treaty["evidence"].as_array().map(Vec::len), Some(4));
    for t in ties {
        assert!(ids.contains(&t["from_id"].as_str().unwrap()), "{t}");
        assert!(ids.contains(&t["to_id"].as_str().unwrap()), "{t}");
    }
    // Never goods flows.
    assert!(graph["flows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !f["id"].as_str().unwrap_or("").contains(":event:")));
    for format in ["graphml", "gexf"] {
        let out = run(sinew(&db).args(["graph", "--format", format]));
        let xml = String::from_utf8_lossy(&out.stdout);
        assert!(
            xml.contains("north-korea-&gt;russia:event:support"),
            "{format}: {xml}"
        );
        assert!(xml.contains("SUPPORT"), "{format}");
    }
}
