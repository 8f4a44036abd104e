//! The map step (`sinew extract --annotate`, in several processes) and `sinew load`: the
//! loaded store is the store a direct `sinew ingest` of the same input makes, whichever part
//! of the input each process saw, loading twice stores once, and a bad record is named while
//! the rest are stored. `spark.rs` runs the same comparison through the Spark script.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::{json_lines, run, sinew, stderr};

/// Articles written for these tests, as JSON Lines records (`url`, `published`, `text`),
/// cut in two files: copies of one wire story fall in both, so near-duplicates must be found
/// across the processes of the map step; one is in French (stored, not annotated) and one is
/// too short to fingerprint.
pub(crate) fn write_inputs(dir: &Path) -> Vec<PathBuf> {
    let dir = dir.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let near_dups = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sinew-ingest/tests/near_dups");
    let fixture = |name: &str| std::fs::read_to_string(near_dups.join(name)).unwrap();
    let articles = [
        (
            "https://example.org/wire",
            "2024-03-04",
            fixture("wire.txt"),
        ),
        (
            "https://example.org/ships",
            "2024-03-05",
            "Ruritania shipped 40 tanks to Freedonia in March 2023, the defence ministry of \
             Ruritania said on Tuesday. Freedonia paid $120 million for the tanks, according \
             to the ministry. Officials in Freedonia said the country expects 12 more tanks \
             by June 2024."
                .to_string(),
        ),
        (
            "https://example.org/fr",
            "2024-03-05",
            "Le gouvernement a annoncé mardi une hausse des dépenses militaires de dix pour \
             cent pour l'année prochaine, selon le ministère des armées, qui prévoit aussi \
             de nouveaux contrats avec les industriels du secteur. Les députés de \
             l'opposition ont demandé un débat au parlement avant le vote du budget, qui doit \
             avoir lieu au début du mois de décembre selon le calendrier."
                .to_string(),
        ),
        (
            "https://example.org/same-topic",
            "2024-03-06",
            fixture("same-topic.txt"),
        ),
        (
            "https://example.org/syndicated",
            "2024-03-06",
            fixture("wire-syndicated.txt"),
        ),
        (
            "https://example.org/again",
            "2024-03-07",
            "Freedonia paid $150 million for the Ruritanian tanks, a Freedonian official \
             said on Thursday, more than the ministry had said."
                .to_string(),
        ),
        (
            "https://example.org/short",
            "2024-03-07",
            "Markets were closed.".to_string(),
        ),
        (
            "https://example.org/trimmed",
            "2024-03-08",
            fixture("wire-trimmed.txt"),
        ),
    ];
    let mut files = Vec::new();
    for (part, chunk) in articles.chunks(4).enumerate() {
        let path = dir.join(format!("part{}.jsonl", part + 1));
        let lines: String = chunk
            .iter()
            .map(|(url, published, text)| {
                json!({"url": url, "published": published, "text": text}).to_string() + "\n"
            })
            .collect();
        std::fs::write(&path, lines).unwrap();
        files.push(path);
    }
    files
}

/// What a store holds, as the read commands list it, with the commands' names.
pub(crate) fn listings(db: &Path, env: &[(&str, &Path)]) -> Vec<(String, String)> {
    let commands: &[&[&str]] = &[
        &["export", "claims"],
        &["entities", "--json"],
        &["ledger", "--json"],
        &["events", "--json"],
        &["graph", "--format", "json"],
    ];
    commands
        .iter()
        .map(|args| {
            let mut cmd = sinew(db);
            cmd.args(*args);
            for (k, v) in env {
                cmd.env(k, v);
            }
            let out = run(&mut cmd);
            assert!(out.status.success(), "sinew {args:?}: {}", stderr(&out));
            (
                args.join(" "),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            )
        })
        .collect()
}

/// The stored documents with their metadata and near-duplicate links, in store order. The
/// text is kept packed (schema v12), so it is read through the store, which unpacks it.
pub(crate) fn documents(db: &Path) -> Vec<Vec<Option<String>>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT id, source, url, title, author, published, site, lang, duplicate_of \
             FROM documents ORDER BY seq",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            (0..9)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let store = sinew_store::SqliteStore::open_read_only(db).unwrap();
    let texts = sinew_store::Store::documents(&store).unwrap();
    assert_eq!(texts.len(), rows.len());
    rows.into_iter()
        .zip(texts)
        .map(|(mut row, doc)| {
            row.insert(8, Some(doc.text));
            row
        })
        .collect()
}

/// `sinew extract [--annotate]` of one input, as its own process would write it.
fn map(input: &Path, annotate: bool, out: &Path) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sinew"));
    cmd.arg("extract");
    if annotate {
        cmd.arg("--annotate");
    }
    let o = run(cmd.arg(input));
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(out, &o.stdout).unwrap();
}

fn ingest(db: &Path, inputs: &[PathBuf]) {
    let out = run(sinew(db).arg("ingest").args(inputs));
    assert!(out.status.success(), "{}", stderr(&out));
}

fn load(db: &Path, inputs: &[PathBuf]) -> String {
    let out = run(sinew(db).arg("load").args(inputs));
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

fn assert_same_store(direct: &Path, loaded: &Path) {
    let docs = documents(direct);
    assert_eq!(docs.len(), 8, "every article is stored");
    assert!(
        docs.iter().filter(|d| d[9].is_some()).count() >= 2,
        "the copies of the wire story are linked: {docs:?}"
    );
    assert_eq!(
        documents(loaded),
        docs,
        "documents and near-duplicate links"
    );
    // Alerts are left out: they depend on how the input was cut into runs (a run raises
    // alerts against what runs before it stored), not on what is stored.
    for ((what, a), (_, b)) in listings(direct, &[]).iter().zip(listings(loaded, &[])) {
        assert!(
            !a.trim().is_empty() || what.starts_with("alerts"),
            "{what} lists something"
        );
        assert_eq!(*a, b, "sinew {what}");
    }
}

#[test]
fn the_map_steps_records_carry_id_and_fingerprint_and_load_equals_ingest() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());
    let direct = tmp.path().join("direct.db");
    ingest(&direct, &inputs);

    // Each part mapped by its own process, with no store and no knowledge of the other.
    let mut records = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = tmp.path().join(format!("map{i}.jsonl"));
        map(input, true, &out);
        records.push(out);
    }
    let text = std::fs::read_to_string(&records[0]).unwrap()
        + &std::fs::read_to_string(&records[1]).unwrap();
    let rows: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 8, "one record a document, annotated or not");
    for row in &rows {
        assert_eq!(row["id"].as_str().unwrap().len(), 16, "{row}");
        assert!(row.get("fingerprint").is_some(), "{row}");
        assert!(row["annotations"].is_object(), "{row}");
    }
    let short = rows
        .iter()
        .find(|r| r["text"] == "Markets were closed.")
        .unwrap();
    assert_eq!(
        short["fingerprint"],
        Value::Null,
        "too short to fingerprint"
    );
    let french = rows.iter().find(|r| r["lang"] == "fr").unwrap();
    assert_eq!(french["annotations"]["claims"], json!([]));
    assert_eq!(french["fingerprint"].as_array().unwrap().len(), 64);

    let loaded = tmp.path().join("loaded.db");
    let said = load(&loaded, &records);
    assert!(said.contains("8 new"), "{said}");
    assert_same_store(&direct, &loaded);

    // Loading again stores nothing more.
    let said = load(&loaded, &records);
    assert!(said.contains("0 new, 8 already stored"), "{said}");
    assert_same_store(&direct, &loaded);

    // Records without annotations (plain `sinew extract`) are annotated by load.
    let mut plain = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = tmp.path().join(format!("plain{i}.jsonl"));
        map(input, false, &out);
        plain.push(out);
    }
    let from_plain = tmp.path().join("plain.db");
    load(&from_plain, &plain);
    assert_same_store(&direct, &from_plain);
}

#[test]
fn load_links_what_it_loads_to_what_was_stored_before() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());
    let direct = tmp.path().join("direct.db");
    ingest(&direct, &inputs);
    let both = tmp.path().join("both.db");
    // The first part ingested, then everything loaded from one process's records: the first
    // part's records are already stored, the second's copies link to stored documents.
    ingest(&both, &inputs[..1]);
    let records = tmp.path().join("all.jsonl");
    map(&tmp.path().join("in"), true, &records);
    let said = load(&both, std::slice::from_ref(&records));
    assert!(said.contains("4 new, 4 already stored"), "{said}");
    assert_same_store(&direct, &both);
}

#[test]
fn a_bad_record_is_named_and_the_others_are_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());
    let records = tmp.path().join("map.jsonl");
    map(&inputs[0], true, &records);
    let good: Vec<String> = std::fs::read_to_string(&records)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut forged: Value = serde_json::from_str(&good[1]).unwrap();
    forged["text"] = json!("Another text under the same id.");
    let mut moved: Value = serde_json::from_str(&good[0]).unwrap();
    moved["annotations"]["sentences"][0]["span"]["end"] = json!(1_000_000);
    let annotate_line =
        json!({"id": "0123456789abcdef", "fingerprint": null, "lang": "en", "diagnostics": []});
    let lines = [
        good[0].clone(),
        "{not json".to_string(),
        forged.to_string(),
        annotate_line.to_string(),
        moved.to_string(),
        good[2].clone(),
        String::new(),
        good[3].clone(),
    ];
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    let db = tmp.path().join("s.db");
    let out = run(sinew(&db)
        .arg("load")
        .arg(&bad)
        .arg(tmp.path().join("missing.jsonl")));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.jsonl line 2: not a record"), "{err}");
    assert!(err.contains("is not the content id of its text"), "{err}");
    assert!(
        err.contains("bad.jsonl line 4: a `sinew annotate` line"),
        "{err}"
    );
    assert!(err.contains("sentence span 0-1000000"), "{err}");
    assert!(err.contains("missing.jsonl"), "{err}");
    assert!(err.contains("3 new"), "the good records are stored: {err}");
    assert_eq!(documents(&db).len(), 3);
}

#[test]
fn annotate_lines_carry_id_and_fingerprint_even_with_nothing_found() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());
    let records = tmp.path().join("map.jsonl");
    map(&inputs[0], false, &records);
    // `sinew extract` records piped into `sinew annotate`: one output line each, with the
    // same id and fingerprint as the record.
    let out = run(Command::new(env!("CARGO_BIN_EXE_sinew"))
        .args(["annotate", "--layers", "claims"])
        .stdin(std::fs::File::open(&records).unwrap()));
    assert!(out.status.success(), "{}", stderr(&out));
    let annotated = json_lines(&out);
    let extracted: Vec<Value> = std::fs::read_to_string(&records)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(annotated.len(), extracted.len());
    for (a, e) in annotated.iter().zip(&extracted) {
        assert_eq!(a["id"], e["id"]);
        assert_eq!(a["fingerprint"], e["fingerprint"]);
    }
    assert!(
        annotated.iter().any(|a| a["claims"] == json!([])),
        "a document with no claims still gives a line"
    );
}

#[test]
fn load_into_postgres_gives_the_store_ingest_gives_there() {
    let Some((direct, _direct_schema)) = crate::store::pg_schema() else {
        return;
    };
    let Some((loaded, _loaded_schema)) = crate::store::pg_schema() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());
    let (direct_index, loaded_index) = (tmp.path().join("i1"), tmp.path().join("i2"));
    let o = run(sinew(Path::new(&direct))
        .arg("ingest")
        .args(&inputs)
        .env("SINEW_INDEX", &direct_index));
    assert!(o.status.success(), "{}", stderr(&o));
    let mut records = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = tmp.path().join(format!("map{i}.jsonl"));
        map(input, true, &out);
        records.push(out);
    }
    for round in ["8 new", "0 new, 8 already stored"] {
        let o = run(sinew(Path::new(&loaded))
            .arg("load")
            .args(&records)
            .env("SINEW_INDEX", &loaded_index));
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains(round), "{}", stderr(&o));
    }
    let a = listings(Path::new(&direct), &[("SINEW_INDEX", &direct_index)]);
    let b = listings(Path::new(&loaded), &[("SINEW_INDEX", &loaded_index)]);
    for ((what, a), (_, b)) in a.iter().zip(&b) {
        assert!(!a.trim().is_empty(), "{what} lists something");
        assert_eq!(a, b, "sinew {what} on PostgreSQL");
    }
}
