//! `sinew search` and `sinew index` as a user runs them: the index ingest keeps beside the
//! store, hits with their words marked (byte spans in `--json`, bold on a colour terminal),
//! filters, the rebuild, the warning when the index is behind the store, and a query that
//! does not parse.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::{json_lines, run, stderr, write_corpus};

fn plain(db: &Path) -> Command {
    let mut cmd = crate::sinew(db);
    for var in ["COLUMNS", "NO_COLOR", "CLICOLOR_FORCE", "TERM"] {
        cmd.env_remove(var);
    }
    cmd
}

fn ok(o: Output) -> Output {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The one JSON object `sinew search --json` prints.
fn search_json(db: &Path, args: &[&str]) -> Value {
    let o = ok(run(plain(db).arg("search").args(args).arg("--json")));
    let mut lines = json_lines(&o);
    assert_eq!(lines.len(), 1, "{}", stdout(&o));
    lines.remove(0)
}

/// The words each mark of each hit covers, read from the stored text through `sinew`'s own
/// JSON (the snippet's text starts at its span's start).
fn marked_words(results: &Value) -> Vec<String> {
    let mut words = Vec::new();
    for hit in results["hits"].as_array().unwrap() {
        let snippet = &hit["snippet"];
        let text = snippet["text"].as_str().unwrap();
        let base = snippet["span"]["start"].as_u64().unwrap() as usize;
        for m in snippet["marks"].as_array().unwrap() {
            let s = m["start"].as_u64().unwrap() as usize - base;
            let e = m["end"].as_u64().unwrap() as usize - base;
            words.push(text[s..e].to_string());
        }
    }
    words
}

#[test]
fn ingest_indexes_and_search_marks_the_words() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    ok(run(plain(&db).arg("ingest").arg(&corpus)));
    assert!(
        tmp.path().join("s.db.search").is_dir(),
        "the index sits beside the store"
    );

    let r = search_json(&db, &["containers"]);
    assert_eq!(r["total"], 1);
    assert_eq!(marked_words(&r), ["containers"]);
    assert!(r["facets"]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["value"] == "North Korea"));

    // By sentence: the hit carries its sentence's span.
    let r = search_json(&db, &["partnership", "--sentences"]);
    assert_eq!(r["total"], 1);
    let hit = &r["hits"][0];
    assert_eq!(hit["sentence"], hit["snippet"]["span"]);
    assert_eq!(marked_words(&r), ["partnership"]);

    // Filters: an alias resolves to its entity, a country code in any case.
    let by_alias = search_json(&db, &["russia", "--entity", "DPRK"]);
    assert_eq!(by_alias["total"], 1);
    let by_country = search_json(&db, &["russia", "--country", "prk"]);
    assert_eq!(by_country["total"], 1);
    let before = search_json(&db, &["russia", "--to", "2023-01-01"]);
    assert_eq!(before["total"], 0);
    let unknown = run(plain(&db).args(["search", "russia", "--entity", "Atlantis"]));
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("Atlantis"));

    // On a colour terminal the word is bold; without colour, plain text.
    let painted = ok(run(plain(&db).args([
        "--color",
        "always",
        "search",
        "containers",
    ])));
    assert!(
        stdout(&painted).contains("\u{1b}[1mcontainers\u{1b}[0m"),
        "{}",
        stdout(&painted)
    );
    let bare = ok(run(plain(&db).args(["search", "containers"])));
    let text = stdout(&bare);
    assert!(
        text.starts_with("1 document matches \"containers\""),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("6,700 containers to Russia"), "{text}");
    assert!(text.contains("country: "), "facets summarised: {text}");
}

#[test]
fn index_rebuilds_and_a_lagging_index_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    ok(run(plain(&db).arg("ingest").arg(corpus.join("a.txt"))));
    let index = tmp.path().join("s.db.search");
    std::fs::remove_dir_all(&index).unwrap();

    let missing = run(plain(&db).args(["search", "containers"]));
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("sinew index"),
        "{}",
        stderr(&missing)
    );
    assert!(!index.exists(), "a search creates no index");

    // A new index from here on holds only what ingest adds to it: the warning says so.
    let second = ok(run(plain(&db).arg("ingest").arg(corpus.join("nested"))));
    let err = stderr(&second);
    assert!(
        err.contains("holds 1 of the store's 2 documents") && err.contains("sinew index"),
        "{err}"
    );
    assert_eq!(search_json(&db, &["containers"])["total"], 0);

    let rebuilt = ok(run(plain(&db).arg("index")));
    assert!(
        stderr(&rebuilt).contains("indexed 2 documents"),
        "{}",
        stderr(&rebuilt)
    );
    let after = ok(run(plain(&db).args(["search", "containers", "--json"])));
    assert!(!stderr(&after).contains("warning"), "{}", stderr(&after));
    assert_eq!(search_json(&db, &["containers"])["total"], 1);
}

#[test]
fn a_folder_in_the_way_or_a_bad_query_is_an_error_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    let stranger = tmp.path().join("s.db.search");
    std::fs::create_dir(&stranger).unwrap();
    std::fs::write(stranger.join("notes.txt"), "mine").unwrap();
    // Ingest stores the documents and says why it could not index them.
    let o = ok(run(plain(&db).arg("ingest").arg(&corpus)));
    let err = stderr(&o);
    assert!(
        err.contains("not a Sinew search index") && err.contains("2 new"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(stranger.join("notes.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_dir_all(&stranger).unwrap();
    ok(run(plain(&db).arg("index")));

    let nested = "(".repeat(40) + "x";
    let bad = run(plain(&db).args(["search", &nested]));
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("cannot read the query"),
        "{}",
        stderr(&bad)
    );
    for typo in ["\"containers to", "russia AND (", "-", "title:"] {
        let o = run(plain(&db).args(["search", typo]));
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{typo}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn status_reports_the_store_the_last_run_and_each_failed_input() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    // One input ingest cannot read: a JSON Lines file whose line is cut off.
    std::fs::write(corpus.join("cut.jsonl"), "{\"text\": \"Oil\n").unwrap();
    let o = run(plain(&db).arg("ingest").arg(&corpus));
    assert_eq!(o.status.code(), Some(1), "a failed input: {}", stderr(&o));

    let text = stdout(&ok(run(plain(&db).arg("status"))));
    assert!(text.contains("2 documents"), "{text}");
    assert!(text.contains("search index: 2 documents"), "{text}");
    assert!(text.contains("last run: #1 (cli)"), "{text}");
    assert!(
        text.contains("cut.jsonl"),
        "the failed input is named: {text}"
    );

    let o = ok(run(plain(&db).args(["status", "--json"])));
    let v = json_lines(&o).remove(0);
    assert_eq!(v["documents"], 2);
    assert_eq!(v["last_run"]["failed"], 1);
    assert_eq!(v["failures"], 1);
    let failed = &v["recent_failures"][0];
    assert!(
        failed["input"].as_str().unwrap().contains("cut.jsonl"),
        "{v}"
    );
    assert!(!failed["error"].as_str().unwrap().is_empty());
    assert_eq!(failed["run"], v["last_run"]["id"]);

    // A store that does not exist is an error naming it, not an empty status.
    let missing = run(plain(&tmp.path().join("none.db")).arg("status"));
    assert_ne!(missing.status.code(), Some(0));
    assert!(stderr(&missing).contains("none.db"), "{}", stderr(&missing));
}
