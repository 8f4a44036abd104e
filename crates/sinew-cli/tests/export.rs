//! `sinew export` to Parquet and FollowTheMoney, read back by other tools: DuckDB reads every
//! Parquet table and compares it with the JSON export, the FollowTheMoney package reads the
//! FtM entities and must keep every value we wrote (tests/py/). Python comes from
//! `SINEW_TEST_PYTHON` (`.ci/run` makes it from `.ci/requirements.txt`); without it these
//! checks print a SKIP line, and fail under CI=true.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{run, sinew, stderr};

/// Articles written for these tests: states, people, companies, a public body, money lent,
/// sanctions, a meeting and goods shipped.
const ARTICLES: &[(&str, &str)] = &[
    (
        "arms.txt",
        "Published March 4, 2024\n\n\
         North Korea has shipped approximately 6,700 containers of munitions to Russia since \
         August 2023, according to the US State Department. China exports over $300 million of \
         dual-use goods to Russia every month.\n\n\
         The United States imposed sanctions on Rosneft on Monday. Russian President Vladimir \
         Putin met Chinese leader Xi Jinping in Beijing on March 1, 2024. Gazprom, Russia's \
         state gas company, said exports to China rose.\n",
    ),
    (
        "money.txt",
        "Published May 10, 2024\n\n\
         China lent Venezuela $5 billion in 2023, the finance ministry said. India bought 1.2 \
         million barrels of Russian oil a day in April 2024. The European Union imposed \
         sanctions on Iran over drone deliveries to Russia.\n",
    ),
];

fn store(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let db = dir.join("s.db");
    let out = run(sinew(&db).args(["-q", "ingest"]).arg(&corpus));
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn export(db: &Path, args: &[&str], to: &Path) {
    let out = run(sinew(db).arg("export").args(args).arg("-o").arg(to));
    assert!(out.status.success(), "export {args:?}: {}", stderr(&out));
}

/// The Python of `SINEW_TEST_PYTHON` when it can import `module`; `None` after a SKIP line
/// when it is not set or cannot; a failure under CI=true, which must run the check.
fn python_with(module: &str) -> Option<PathBuf> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let Some(python) = std::env::var_os("SINEW_TEST_PYTHON").filter(|p| !p.is_empty()) else {
        assert!(
            !ci,
            "CI=true but SINEW_TEST_PYTHON is not set (.ci/run sets it)"
        );
        sinew_testkit::skip("SINEW_TEST_PYTHON is not set (.ci/run sets it)");
        return None;
    };
    let python = PathBuf::from(python);
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !ci,
            "CI=true but {} cannot import {module}",
            python.display()
        );
        sinew_testkit::skip(format!(
            "{} cannot import {module} (see .ci/requirements.txt)",
            python.display()
        ));
        return None;
    }
    Some(python)
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/py")
        .join(name)
}

fn run_python(python: &Path, args: &[&Path]) {
    let out = Command::new(python)
        .args(args)
        .output()
        .expect("python runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    eprint!("{said}");
}

#[test]
fn parquet_tables_read_back_in_duckdb_as_the_json_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let db = store(tmp.path());
    let dir = tmp.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    for table in [
        "documents",
        "claims",
        "ledger",
        "events",
        "entities",
        "flows",
    ] {
        let parquet = dir.join(format!("{table}.parquet"));
        export(&db, &[table, "--format", "parquet"], &parquet);
        let bytes = std::fs::read(&parquet).unwrap();
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{table}.parquet is no Parquet file"
        );
        export(
            &db,
            &[table, "--format", "jsonl"],
            &dir.join(format!("{table}.jsonl")),
        );
    }
    export(&db, &["ledger", "--format", "csv"], &dir.join("ledger.csv"));
    export(&db, &["events", "--format", "csv"], &dir.join("events.csv"));
    let claims = std::fs::read_to_string(dir.join("claims.jsonl")).unwrap();
    assert!(
        claims.lines().count() >= 3,
        "the articles give claims: {claims}"
    );

    if let Some(python) = python_with("duckdb") {
        run_python(&python, &[&script("parquet_check.py"), &dir]);
    }
}

#[test]
fn an_export_of_a_missing_store_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nothing-here.db");
    let out = run(sinew(&missing).args(["export", "claims", "--format", "parquet"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing-here.db"), "{}", stderr(&out));
}

fn ftm_lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn ftm_entities_are_stable_traced_and_kept_by_followthemoney() {
    let tmp = tempfile::tempdir().unwrap();
    let db = store(tmp.path());
    let first = tmp.path().join("ftm.jsonl");
    let second = tmp.path().join("ftm2.jsonl");
    export(&db, &["ftm"], &first);
    export(&db, &["ftm"], &second);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
        "two exports of one store are the same, ids included"
    );

    let lines = ftm_lines(&first);
    let schema = |s: &str| {
        lines
            .iter()
            .filter(|l| l["schema"] == s)
            .collect::<Vec<_>>()
    };
    for s in [
        "Person",
        "Company",
        "PublicBody",
        "Organization",
        "Payment",
        "Sanction",
        "Event",
        "UnknownLink",
    ] {
        assert!(!schema(s).is_empty(), "no {s} in {lines:#?}");
    }
    let name_of = |id: &Value| -> String {
        lines
            .iter()
            .find(|l| &l["id"] == id)
            .map_or(String::new(), |l| {
                l["properties"]["name"][0]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
    };
    // The loan is a payment from China to Venezuela of 5 billion dollars, placed at its words.
    let loan = schema("Payment")
        .into_iter()
        .find(|p| p["properties"]["amount"][0] == "5000000000")
        .expect("the loan is a payment");
    assert_eq!(name_of(&loan["properties"]["payer"][0]), "China");
    assert_eq!(name_of(&loan["properties"]["beneficiary"][0]), "Venezuela");
    assert_eq!(loan["properties"]["currency"][0], "USD");
    let at = loan["provenance"]["amount"]["5000000000"][0]
        .as_str()
        .unwrap();
    assert!(
        at.contains('#') && at.split('#').nth(1).unwrap().contains('-'),
        "{at}"
    );
    // Exports are paid for the other way: no payment from China to Russia.
    assert!(schema("Payment")
        .iter()
        .all(|p| name_of(&p["properties"]["beneficiary"][0]) != "Russia"));
    // A sanction on Rosneft by the United States.
    assert!(schema("Sanction").iter().any(|s| {
        name_of(&s["properties"]["entity"][0]) == "Rosneft"
            && s["properties"]["authority"][0] == "United States"
    }));
    // The shipment of munitions is an arms link from North Korea to Russia.
    assert!(schema("UnknownLink").iter().any(|l| {
        name_of(&l["properties"]["subject"][0]) == "North Korea"
            && name_of(&l["properties"]["object"][0]) == "Russia"
            && l["properties"]["role"][0] == "supplies arms"
    }));
    // Every entity of a person names where the articles name it.
    let putin = schema("Person")
        .into_iter()
        .find(|p| p["properties"]["name"][0] == "Vladimir Putin")
        .expect("Putin is a person");
    assert!(putin["provenance"]["name"]["Vladimir Putin"][0].is_string());

    if let Some(python) = python_with("followthemoney") {
        let docs = tmp.path().join("documents.jsonl");
        export(&db, &["documents"], &docs);
        run_python(&python, &[&script("ftm_check.py"), &first, &docs]);
    }
}
