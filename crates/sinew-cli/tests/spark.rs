//! `scripts/spark/sinew_map.py`: the map step under Apache Spark (local mode, pyspark from
//! `.ci/requirements.txt`, Debian's JRE), written as Parquet and loaded with `sinew load`,
//! gives the store a direct `sinew ingest` of the same input gives, for JSON Lines and for
//! WARC input. Skips with a printed reason without Python's pyspark or Java; fails so under
//! `CI=true`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::load::{documents, listings, write_inputs};
use crate::{page, run, sinew, stderr, warc_record};

/// The Python that has pyspark, and Java, or `None` after a skip line (a failure under
/// `CI=true`).
fn spark_python() -> Option<PathBuf> {
    let missing = |reason: String| {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{reason} (CI=true requires it)"
        );
        sinew_testkit::skip(reason);
        None
    };
    let python = match std::env::var_os("SINEW_TEST_PYTHON").filter(|p| !p.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => return missing("SINEW_TEST_PYTHON is not set: the Spark script is not run".into()),
    };
    let has = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        return missing(format!("{} cannot import pyspark", python.display()));
    }
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java {
        return missing("no Java runtime (java) for Spark".into());
    }
    Some(python)
}

/// Runs the script over `inputs` into the store `db`, its Parquet under `dir`.
fn spark_map(python: &Path, dir: &Path, format: &str, inputs: &[PathBuf], db: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/spark/sinew_map.py");
    let out = dir.join(format!("{format}.parquet"));
    let o = run(Command::new(python)
        .arg(script)
        .args(["--format", format, "--master", "local[2]"])
        .args(["--partitions", "3"])
        .arg("--sinew")
        .arg(env!("CARGO_BIN_EXE_sinew"))
        .arg("--out")
        .arg(&out)
        .arg("--db")
        .arg(db)
        .args(inputs)
        .current_dir(dir));
    assert!(o.status.success(), "the Spark script: {}", stderr(&o));
    let parts = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".snappy.parquet"))
        .count();
    assert!(parts >= 2, "Spark wrote the partitions as snappy Parquet");
}

fn assert_same(direct: &Path, loaded: &Path, documents_expected: usize) {
    let docs = documents(direct);
    assert_eq!(docs.len(), documents_expected);
    assert!(
        docs.iter().any(|d| d[9].is_some()),
        "near-duplicates were linked: {docs:?}"
    );
    assert_eq!(
        documents(loaded),
        docs,
        "documents and near-duplicate links"
    );
    for ((what, a), (_, b)) in listings(direct, &[]).iter().zip(listings(loaded, &[])) {
        assert!(!a.trim().is_empty(), "{what} lists something");
        assert_eq!(*a, b, "sinew {what}");
    }
}

#[test]
fn the_spark_script_loads_the_store_a_direct_ingest_makes() {
    let Some(python) = spark_python() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let inputs = write_inputs(tmp.path());

    // JSON Lines: Spark cuts the two files into three partitions.
    let direct = tmp.path().join("direct.db");
    let o = run(sinew(&direct).arg("ingest").args(&inputs));
    assert!(o.status.success(), "{}", stderr(&o));
    let loaded = tmp.path().join("spark.db");
    spark_map(&python, tmp.path(), "jsonl", &inputs, &loaded);
    assert_same(&direct, &loaded, 8);

    // WARC: the same articles as crawled pages, a file for each JSON Lines file.
    let mut warcs = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let mut records = vec![warc_record("warcinfo", "", "software: test\r\n")];
        for line in std::fs::read_to_string(input).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap();
            records.push(warc_record(
                "response",
                v["url"].as_str().unwrap(),
                &page(text),
            ));
        }
        let path = tmp.path().join(format!("crawl{i}.warc"));
        std::fs::write(&path, records.concat()).unwrap();
        warcs.push(path);
    }
    let direct = tmp.path().join("direct-warc.db");
    let o = run(sinew(&direct).arg("ingest").args(&warcs));
    assert!(o.status.success(), "{}", stderr(&o));
    let loaded = tmp.path().join("spark-warc.db");
    spark_map(&python, tmp.path(), "warc", &warcs, &loaded);
    let stored = documents(&direct).len();
    assert!(stored >= 6, "the crawl's articles are stored ({stored})");
    assert_same(&direct, &loaded, stored);
}
