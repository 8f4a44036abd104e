//! `sinew ledger` and `sinew export ledger`: the JSON and CSV shapes, filters and usage errors.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{json_lines, run, sinew};

/// Four short articles: two contradict each other on 2023 trade, two count containers at
/// different times.
fn ledger_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("ledger");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "Published March 1, 2024\n\nTrade between China and Russia reached $240 billion in \
             2023, the Chinese customs office said.\n",
        ),
        (
            "b.txt",
            "Published March 5, 2024\n\nTrade between China and Russia reached $300 billion in \
             2023, according to a Moscow think tank.\n",
        ),
        (
            "c.txt",
            "Published January 10, 2024\n\nNorth Korea has shipped 6,700 containers to Russia \
             since August 2023.\n",
        ),
        (
            "d.txt",
            "Published May 2, 2024\n\nNorth Korea has shipped more than 11,000 containers to \
             Russia since August 2023, the US State Department said.\n",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    corpus
}

fn ingested(dir: &Path) -> PathBuf {
    let db = dir.join("ledger.db");
    let corpus = ledger_corpus(dir);
    let out = run(sinew(&db).arg("ingest").arg(&corpus));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    db
}

fn group<'a>(groups: &'a [Value], unit: &str) -> &'a Value {
    groups
        .iter()
        .find(|g| g["unit"] == unit)
        .unwrap_or_else(|| panic!("no {unit} group in {groups:?}"))
}

#[test]
fn ledger_json_has_the_contract_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let groups = json_lines(&run(sinew(&db).args(["ledger", "--json"])));
    assert_eq!(groups.len(), 2, "{groups:?}");
    for g in &groups {
        for key in [
            "id",
            "subject",
            "object",
            "measure",
            "unit",
            "verdict",
            "consensus",
            "explanation",
            "claims",
        ] {
            assert!(g.get(key).is_some(), "{key} missing: {g}");
        }
        for c in g["claims"].as_array().unwrap() {
            assert!(c["doc"].is_string() && c["quote"].is_string(), "{c}");
            assert!(c["note"].is_string(), "{c}");
        }
    }
    let trade = group(&groups, "USD");
    assert_eq!(trade["verdict"], "conflict");
    assert_eq!(trade["consensus"]["value"], Value::Null);
    assert_eq!(trade["consensus"]["low"], 240e9);
    assert_eq!(trade["consensus"]["high"], 300e9);
    let containers = group(&groups, "container");
    assert_eq!(containers["verdict"], "update");
    assert_eq!(containers["consensus"]["value"], 11000.0);
    assert_eq!(containers["subject"], "North Korea");
    let quotes: Vec<&str> = containers["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["quote"].as_str())
        .collect();
    assert!(quotes.contains(&"6,700 containers"), "{quotes:?}");
}

#[test]
fn ledger_filters_by_entity_measure_time_and_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let count = |args: &[&str]| {
        let mut cmd = sinew(&db);
        cmd.args(["ledger", "--json"]).args(args);
        json_lines(&run(&mut cmd)).len()
    };
    assert_eq!(count(&["--entity", "north korea"]), 1);
    assert_eq!(count(&["--entity", "Iran"]), 0);
    assert_eq!(count(&["--measure", "trade"]), 1);
    assert_eq!(count(&["--measure", "containers"]), 1);
    assert_eq!(count(&["--verdict", "conflict"]), 1);
    assert_eq!(count(&["--from", "2023", "--to", "2023-12"]), 2);
    assert_eq!(count(&["--to", "2022"]), 0);
    assert_eq!(count(&["--min-sources", "3"]), 0);

    let bad = run(sinew(&db).args(["ledger", "--verdict", "maybe"]));
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    let bad = run(sinew(&db).args(["ledger", "--from", "2023-13"]));
    assert_eq!(bad.status.code(), Some(2), "a bad date is a usage error");
}

#[test]
fn ledger_csv_is_one_row_per_claim() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let out = run(sinew(&db).args(["ledger", "--format", "csv"]));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        rows[0].starts_with("group,subject,object,measure,unit"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), 1 + 4, "{text}");
    // The explanation holds commas, so it is quoted; every row has the header's columns.
    let columns = rows[0].split(',').count();
    for r in &rows[1..] {
        assert_eq!(split_csv(r).len(), columns, "{r}");
    }

    let file = tmp.path().join("ledger.csv");
    let out = run(sinew(&db)
        .args(["export", "ledger", "--format", "csv", "-o"])
        .arg(&file));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// Splits one CSV record (no line breaks inside fields).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}
